//! The Yew shell: one file per component, thin over [`crate::state`] and [`crate::core`].
//! Every child takes the state it shows and one `on_msg` callback.

pub mod app;
pub mod finish;
pub mod player;
pub mod questions;
pub mod routine;
pub mod stop;

pub use app::{App, AppProps};
