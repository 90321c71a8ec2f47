//! Mounting: every `[data-roll-routine]` element on the page, or one element from a
//! JavaScript call with options; the handle's `unmount()` leaves the element as it was.
//!
//! Yew app roots are pooled. Yew 0.23 never frees the event listeners it puts on an app's
//! root element (`HostHandlers::add_listener` in `dom_bundle/subtree_root.rs` forgets them,
//! and each holds the root's data), so creating and destroying an app per mount would leak
//! about 1 KB each time. Instead, unmount parks the root: its [`Slot`] renders nothing, so
//! the widget is destroyed and every effect cleans up, and the root leaves the page. The next
//! mount takes a parked root and renders a new widget in it, keyed by a new mount number so
//! nothing carries over.

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::{html, AppHandle, Component, Context, Html, Properties};

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

/// Props of [`Slot`].
#[derive(Properties, PartialEq)]
struct SlotProps {
    /// Changes at every mount, so each mount starts a fresh widget.
    mount_id: u32,
    /// The widget's props while mounted; `None` while parked.
    widget: Option<AppProps>,
}

impl SlotProps {
    const PARKED: SlotProps = SlotProps {
        mount_id: 0,
        widget: None,
    };
}

/// An app root's component: the widget while mounted, nothing while parked.
struct Slot;

impl Component for Slot {
    type Message = ();
    type Properties = SlotProps;

    fn create(_ctx: &Context<Self>) -> Self {
        Slot
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let props = ctx.props();
        match &props.widget {
            Some(w) => html! {
                <App key={props.mount_id} options={w.options.clone()} clock={w.clock.clone()} host={w.host.clone()} />
            },
            None => Html::default(),
        }
    }
}

/// An app root and the element it renders into.
struct Root {
    app: AppHandle<Slot>,
    element: Element,
}

thread_local! {
    /// Parked roots, ready for the next mount.
    static POOL: RefCell<Vec<Root>> = const { RefCell::new(Vec::new()) };
    static MOUNT_ID: Cell<u32> = const { Cell::new(0) };
}

/// A mounted widget.
pub struct Handle {
    root: Option<Root>,
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
        if let Some(mut root) = self.root.take() {
            root.app.update(SlotProps::PARKED);
            root.element.remove();
            self.host.set_inner_html(&self.fallback);
            let _ = self.host.remove_attribute(MOUNTED);
            POOL.with(|p| p.borrow_mut().push(root));
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
    let parked = POOL.with(|p| p.borrow_mut().pop());
    let element = match &parked {
        Some(root) => root.element.clone(),
        None => {
            let doc = host.owner_document().ok_or(MountError::Dom)?;
            let element = doc.create_element("div").map_err(|_| MountError::Dom)?;
            element.set_class_name(ROOT_CLASS);
            element
        }
    };
    let fallback = host.inner_html();
    host.set_inner_html("");
    if host.append_child(&element).is_err() {
        host.set_inner_html(&fallback);
        if let Some(root) = parked {
            POOL.with(|p| p.borrow_mut().push(root));
        }
        return Err(MountError::Dom);
    }
    let _ = host.set_attribute(MOUNTED, "");
    let mount_id = MOUNT_ID.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    });
    let props = SlotProps {
        mount_id,
        widget: Some(AppProps {
            options,
            clock,
            host: Some(host.clone()),
        }),
    };
    // A new root renders the widget in its first pass; a parked one is handed new props.
    let root = match parked {
        Some(mut root) => {
            root.app.update(props);
            root
        }
        None => Root {
            app: yew::Renderer::<Slot>::with_root_and_props(element.clone(), props).render(),
            element,
        },
    };
    install_panic_message();
    Ok(Handle {
        root: Some(root),
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
    let Some(doc) = crate::browser::document() else {
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
