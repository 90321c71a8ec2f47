//! roll-routine: a guided foam-rolling routine for lower back pain, as a Yew widget.
//!
//! - [`core`]: the pure rules and the session player (no browser; native tests).
//! - [`options`] and [`state`]: the host's options and the widget's reducer, also pure.
//! - [`components`] and [`browser`]: the thin Yew shell and its browser glue.
//! - [`mount`]: mounting into host elements, from Rust or JavaScript.

pub mod browser;
pub mod components;
pub mod core;
pub mod mount;
pub mod options;
pub mod state;
