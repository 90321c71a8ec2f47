//! Internal errors: the widget shows a short message and the host page keeps working.

use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::pool::MOUNTED;

/// Replaces every mounted widget on the page with a short message; the rest of the page is
/// left as it is. The panic hook calls this, so a reader never sees a half-broken widget.
pub fn show_internal_error() {
    let Some(doc) = crate::browser::document() else {
        return;
    };
    let Ok(list) = doc.query_selector_all(&format!("[{MOUNTED}]")) else {
        return;
    };
    for i in 0..list.length() {
        if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            el.set_inner_html(
                "<div class=\"rr\"><p class=\"rr-card rr-error\" role=\"alert\">Sorry, the routine stopped working. Please reload the page to try again.</p></div>",
            );
        }
    }
}

/// Installs the panic hook once: on an internal error, [`show_internal_error`], then the
/// previous hook (which logs the panic to the console).
pub fn install() {
    use std::sync::Once;
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            show_internal_error();
            previous(info);
        }));
    });
}
