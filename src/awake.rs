//! Keeping the screen awake while a session runs, and hearing the reader come back to the
//! page: browser glue for the root component, released when dropped.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::Callback;

use crate::browser;

/// Document events after which the clock may have jumped.
const WAKE_EVENTS: [&str; 2] = ["visibilitychange", "resume"];

/// While a session runs: the screen kept awake, and a listener for the reader's return to
/// the page (`visibilitychange`, and the Page Lifecycle's `resume` after a frozen page).
/// Dropping it removes the listener and releases the lock.
pub struct Awake {
    listener: Closure<dyn Fn()>,
    lock: Rc<RefCell<Option<JsValue>>>,
}

impl Awake {
    /// Asks for the wake lock and listens for the reader's return; `on_return` is called on
    /// each return.
    pub fn new(on_return: Callback<()>) -> Self {
        let lock: Rc<RefCell<Option<JsValue>>> = Rc::default();
        let ask = {
            let lock = Rc::downgrade(&lock);
            move || {
                let lock = lock.clone();
                browser::request_wake_lock(move |s| match lock.upgrade() {
                    // A lock granted again replaces the one held.
                    Some(held) => {
                        if let Some(old) = held.borrow_mut().replace(s) {
                            browser::release_wake_lock(&old);
                        }
                    }
                    // Granted after the session ended: nobody holds it, so let it go.
                    None => browser::release_wake_lock(&s),
                });
            }
        };
        ask();
        let listener = Closure::<dyn Fn()>::new(move || {
            on_return.emit(());
            // Browsers release the lock when the page is hidden: ask again on return.
            let visible = browser::document()
                .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
            if visible {
                ask();
            }
        });
        if let Some(d) = browser::document() {
            for name in WAKE_EVENTS {
                let _ = d.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
            }
        }
        Awake { listener, lock }
    }
}

impl Drop for Awake {
    fn drop(&mut self) {
        if let Some(d) = browser::document() {
            for name in WAKE_EVENTS {
                let _ = d.remove_event_listener_with_callback(
                    name,
                    self.listener.as_ref().unchecked_ref(),
                );
            }
        }
        if let Some(s) = self.lock.borrow_mut().take() {
            browser::release_wake_lock(&s);
        }
    }
}
