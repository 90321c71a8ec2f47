//! Mounting: every `[data-roll-routine]` element on the page, or one element from a
//! JavaScript call with options; the handle's `unmount()` leaves the element as it was.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

use crate::browser::Clock;
use crate::components::{App, AppProps};
use crate::options::{Options, NAMES};

/// The attribute that marks a mounted host (and makes a second mount an error).
pub const MOUNTED: &str = "data-roll-routine-mounted";
/// The class of the widget's own root element; all styles live under it.
pub const ROOT_CLASS: &str = "rr";

/// Why a mount was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum MountError {
    /// No element was given, or it is not in a document.
    MissingTarget,
    /// The element already holds a widget.
    AlreadyMounted,
    /// The browser refused to create the widget's root.
    Dom,
}

impl std::fmt::Display for MountError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            MountError::MissingTarget => "roll-routine: mount target is missing",
            MountError::AlreadyMounted => "roll-routine: this element already holds a widget",
            MountError::Dom => "roll-routine: the widget's root could not be created",
        })
    }
}

/// A mounted widget.
pub struct Handle {
    app: Option<AppHandle<App>>,
    host: Element,
    fallback: String,
}

impl Handle {
    /// The host element.
    pub fn host(&self) -> &Element {
        &self.host
    }

    /// Removes the widget: its effects clean up (timers, listeners, wake lock), and the host
    /// gets back the content it had before.
    pub fn unmount(mut self) {
        self.teardown();
    }

    fn teardown(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
            self.host.set_inner_html(&self.fallback);
            let _ = self.host.remove_attribute(MOUNTED);
        }
    }
}

/// Reads `data-*` attributes of a host as options (warnings go to the console).
pub fn options_from_attributes(host: &Element) -> (Options, Vec<String>) {
    let attrs = host.attributes();
    let pairs: Vec<(String, String)> = (0..attrs.length())
        .filter_map(|i| attrs.item(i))
        .filter_map(|a| {
            let name = a.name();
            let n = name.strip_prefix("data-")?;
            (n != "roll-routine-mounted").then(|| (n.to_string(), a.value()))
        })
        .collect();
    Options::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

fn warn(messages: &[String]) {
    for m in messages {
        web_sys::console::warn_1(&m.into());
    }
}

/// Mounts a widget into `host`.
pub fn mount(host: &Element, options: Options, clock: Clock) -> Result<Handle, MountError> {
    if !host.is_connected() {
        return Err(MountError::MissingTarget);
    }
    if host.has_attribute(MOUNTED) {
        return Err(MountError::AlreadyMounted);
    }
    let doc = host.owner_document().ok_or(MountError::Dom)?;
    let root = doc.create_element("div").map_err(|_| MountError::Dom)?;
    root.set_class_name(ROOT_CLASS);
    let fallback = host.inner_html();
    host.set_inner_html("");
    host.append_child(&root).map_err(|_| MountError::Dom)?;
    let _ = host.set_attribute(MOUNTED, "");
    let props = AppProps {
        options,
        clock,
        host: Some(host.clone()),
    };
    let app = yew::Renderer::<App>::with_root_and_props(root, props).render();
    install_panic_message();
    Ok(Handle {
        app: Some(app),
        host: host.clone(),
        fallback,
    })
}

thread_local! {
    static PAGE: RefCell<Vec<Handle>> = const { RefCell::new(Vec::new()) };
}

/// Mounts a widget into every `[data-roll-routine]` element not yet mounted, with options
/// from its `data-` attributes. Returns how many were mounted.
pub fn mount_all() -> usize {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return 0;
    };
    let Ok(list) = doc.query_selector_all("[data-roll-routine]") else {
        return 0;
    };
    let mut n = 0;
    for i in 0..list.length() {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if el.has_attribute(MOUNTED) {
            continue;
        }
        let (options, warnings) = options_from_attributes(&el);
        warn(&warnings);
        if let Ok(h) = mount(&el, options, Clock::performance()) {
            PAGE.with(|p| p.borrow_mut().push(h));
            n += 1;
        }
    }
    n
}

/// A widget mounted from JavaScript.
#[wasm_bindgen(js_name = RollRoutineHandle)]
pub struct JsHandle(Option<Handle>);

#[wasm_bindgen(js_class = RollRoutineHandle)]
impl JsHandle {
    /// Removes the widget and restores the element; calling it twice does nothing.
    pub fn unmount(&mut self) {
        if let Some(h) = self.0.take() {
            h.unmount();
        }
    }
}

/// `mount(element, options)`: mounts one widget. Options are an object with the keys of the
/// `data-` attributes (`base`, `family`, `storageKey`, `setUrl`, `remember`); unknown or bad
/// ones warn once and use the default. Throws when the element is missing or already mounted.
#[wasm_bindgen(js_name = mount)]
pub fn mount_js(host: Option<Element>, options: JsValue) -> Result<JsHandle, JsError> {
    let host = host.ok_or_else(|| JsError::new(&MountError::MissingTarget.to_string()))?;
    let (mut opts, mut warnings) = options_from_attributes(&host);
    if options.is_object() {
        let entries = js_sys::Object::entries(options.unchecked_ref());
        let pairs: Vec<(String, String)> = entries
            .iter()
            .filter_map(|e| {
                let e: js_sys::Array = e.dyn_into().ok()?;
                let k = e.get(0).as_string()?;
                let v = e.get(1);
                let v = v
                    .as_string()
                    .or_else(|| v.as_bool().map(|b| b.to_string()))
                    .unwrap_or_else(|| "\u{0}".into());
                Some((k, v))
            })
            .collect();
        // Attributes first, then the object: the object's values win.
        let mut all: Vec<(String, String)> = NAMES
            .iter()
            .filter_map(|n| {
                host.get_attribute(&format!("data-{n}"))
                    .map(|v| (n.to_string(), v))
            })
            .collect();
        all.extend(pairs);
        let (o, w) = Options::from_pairs(all.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        opts = o;
        warnings = w;
    } else if !options.is_undefined() && !options.is_null() {
        warnings.push("roll-routine: options must be an object; defaults used".into());
    }
    warn(&warnings);
    mount(&host, opts, Clock::performance())
        .map(|h| JsHandle(Some(h)))
        .map_err(|e| JsError::new(&e.to_string()))
}

/// Replaces every mounted widget on the page with a short message; the rest of the page is
/// left as it is. The panic hook calls this, so a reader never sees a half-broken widget.
pub fn show_internal_error() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
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
fn install_panic_message() {
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
