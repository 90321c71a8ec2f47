//! One record for every copy of the widget: the glue that writes a copy's progress merged with
//! what storage holds now, tells the other copies on the page at once, and hears other tabs
//! (the `storage` event, which never fires in the page that wrote). The merge itself is the
//! pure core's ([`Progress::merge`]); this file only reads, merges, writes and listens, and
//! fails soft: where storage is blocked, copies on one page still share through memory.

use std::cell::{Cell, RefCell};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::Callback;

use crate::browser;
use crate::core::progress::Progress;

thread_local! {
    /// Every live copy on this page (one wasm instance serves them all), by storage key.
    static COPIES: RefCell<Vec<(u32, String, Callback<Progress>)>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

/// A copy's link to the others that share its storage key; dropping it stops listening.
pub struct Sync {
    id: u32,
    key: String,
    listener: Option<Closure<dyn Fn(web_sys::StorageEvent)>>,
}

impl Sync {
    /// Joins the copies that share `key`: `on_record` hears each record they write.
    pub fn new(key: &str, on_record: Callback<Progress>) -> Self {
        let id = NEXT_ID.with(|n| {
            n.set(n.get() + 1);
            n.get()
        });
        COPIES.with(|c| c.borrow_mut().push((id, key.to_owned(), on_record.clone())));
        let listener = web_sys::window().map(|w| {
            let wanted = key.to_owned();
            let l =
                Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |e: web_sys::StorageEvent| {
                    // Another tab wrote (or cleared the whole storage: no key, nothing to merge).
                    if e.key().as_deref() == Some(wanted.as_str()) {
                        if let Some(p) = e.new_value().as_deref().and_then(Progress::from_text) {
                            on_record.emit(p);
                        }
                    }
                });
            let _ = w.add_event_listener_with_callback("storage", l.as_ref().unchecked_ref());
            l
        });
        Sync {
            id,
            key: key.to_owned(),
            listener,
        }
    }

    /// Writes `progress` merged with what storage holds now, and tells the other copies on
    /// this page. Returns the merged record (what this copy should hold) and whether storage
    /// kept it.
    pub fn write(&self, progress: &Progress) -> (Progress, bool) {
        let stored = browser::load(&self.key).and_then(|t| Progress::from_text(&t));
        let merged = stored.map_or_else(|| progress.clone(), |s| progress.merge(&s));
        let kept = browser::save(&self.key, &merged.to_text());
        let others: Vec<Callback<Progress>> = COPIES.with(|c| {
            c.borrow()
                .iter()
                .filter(|(id, key, _)| *id != self.id && *key == self.key)
                .map(|(_, _, cb)| cb.clone())
                .collect()
        });
        for cb in others {
            cb.emit(merged.clone());
        }
        (merged, kept)
    }
}

impl Drop for Sync {
    fn drop(&mut self) {
        COPIES.with(|c| c.borrow_mut().retain(|(id, _, _)| *id != self.id));
        if let (Some(w), Some(l)) = (web_sys::window(), &self.listener) {
            let _ = w.remove_event_listener_with_callback("storage", l.as_ref().unchecked_ref());
        }
    }
}
