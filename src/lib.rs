//! roll-routine: a guided foam-rolling routine for lower back pain, as a Yew widget.
//!
//! - [`core`]: the pure rules and the session player (no browser; native tests).
//! - [`options`]: the host's options, also pure; the reducer is [`core::state`].
//! - [`components`]: the thin Yew shell; [`browser`], [`awake`], [`fill`] and [`sync`]: its
//!   browser glue.
//! - [`mount`]: mounting into host elements from Rust, with app roots from [`pool`];
//!   [`js_api`]: the same from JavaScript; [`panic`]: the message on an internal error.

pub mod awake;
pub mod browser;
pub mod components;
pub mod core;
pub mod fill;
pub mod js_api;
pub mod mount;
pub mod options;
pub mod panic;
pub mod pool;
pub mod sync;

// Talc instead of Rust's default wasm allocator (dlmalloc): 2.3 KB brotli smaller, and faster;
// its heap grows the wasm memory as dlmalloc's does.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
