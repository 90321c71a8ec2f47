//! The Yew shell, thin over [`crate::core::state`] and [`crate::core`]: one root component
//! ([`App`]) that owns the state and every effect, and one file per screen. Each screen is a
//! plain view function over borrowed props and one `on_msg` callback; making them function
//! components would add Yew's per-component machinery to the bundle for nothing, since they
//! hold no state of their own.
//!
//! Each screen's view is `#[inline(never)]`, and `index.html` caps wasm-opt's inlining of
//! single-caller functions: the browser compiles wasm functions on their first call, so a
//! screen kept in its own function costs nothing at start-up until it is shown. Inlined
//! together, the five screens made one 23 KB function compiled before the first screen.

pub mod app;
pub mod finish;
pub mod motion;
pub mod player;
pub mod progress;
pub mod questions;
pub mod routine;
pub mod stop;

pub use app::{App, AppProps};

use yew::{AttrValue, Callback, Html, MouseEvent};

use crate::core::figure;
use crate::core::figure::Picture;
use crate::core::state::Msg;

/// A pictogram as inline SVG (drawn from its pose; no file for the host to allow), with its
/// text alternative as the SVG's title.
pub(crate) fn picture(p: &Picture) -> Html {
    Html::from_html_unchecked(AttrValue::from(figure::svg(p)))
}

/// A click handler that sends `msg`: the one way every screen turns a button into a message.
pub(crate) fn send(on_msg: &Callback<Msg>, msg: Msg) -> Callback<MouseEvent> {
    on_msg.reform(move |_| msg.clone())
}
