//! Focus mode: the player fills the screen, with the Fullscreen API where the host page
//! allows it and as a fixed overlay (the stylesheet's `.rr-app[data-fill]`) where it does not (an
//! iframe without `allow="fullscreen"`, an iPhone). Browser glue for the root component,
//! released when dropped; it remembers where the page was scrolled so the reader comes back
//! to the same place of the article.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;
use yew::Callback;

use crate::browser;

const CHANGE: &str = "fullscreenchange";

/// While focus mode is on: the page's scroll position as it was, and a listener that hears
/// the reader leave full screen by the browser's own means (Escape, the back gesture).
pub struct Fill {
    y: f64,
    listener: Closure<dyn Fn()>,
}

impl Fill {
    /// Enters focus mode on `el`; `on_leave` is called when the browser leaves full screen.
    pub fn new(el: &Element, on_leave: Callback<()>) -> Self {
        let y = web_sys::window()
            .and_then(|w| w.scroll_y().ok())
            .unwrap_or(0.0);
        let listener = Closure::<dyn Fn()>::new(move || {
            if browser::document().is_some_and(|d| d.fullscreen_element().is_none()) {
                on_leave.emit(());
            }
        });
        if let Some(d) = browser::document() {
            let _ = d.add_event_listener_with_callback(CHANGE, listener.as_ref().unchecked_ref());
            if d.fullscreen_enabled() {
                // A promise that rejects where the page may not go full screen: the overlay
                // stays, and the rejection is caught here.
                settle(call(el, "requestFullscreen"));
            }
        }
        Fill { y, listener }
    }

    /// The page's scroll position when focus mode began.
    pub fn scroll_y(&self) -> f64 {
        self.y
    }
}

/// Calls a method that returns a promise, if it exists.
fn call(target: &JsValue, name: &str) -> Option<js_sys::Promise> {
    let f = js_sys::Reflect::get(target, &name.into()).ok()?;
    let f = f.dyn_into::<js_sys::Function>().ok()?;
    f.call0(target).ok()?.dyn_into::<js_sys::Promise>().ok()
}

fn settle(p: Option<js_sys::Promise>) {
    if let Some(p) = p {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(p).await;
        });
    }
}

/// Scrolls the page to `y`.
pub fn scroll_to(y: f64) {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, y);
    }
}

impl Drop for Fill {
    fn drop(&mut self) {
        let Some(d) = browser::document() else { return };
        let _ =
            d.remove_event_listener_with_callback(CHANGE, self.listener.as_ref().unchecked_ref());
        if d.fullscreen_element().is_some() {
            // Leaving full screen is asynchronous: scroll back once it is done, too.
            if let Some(p) = call(&d, "exitFullscreen") {
                let y = self.y;
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
                    scroll_to(y);
                });
            }
        }
    }
}
