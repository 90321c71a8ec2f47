//! Mounting from Rust: one widget into a given element ([`mount`]), or every
//! `[data-roll-routine]` element of the page ([`mount_all`]). The [`Handle`] unmounts the
//! widget when dropped or when [`Handle::unmount`] is called, and the element gets back the
//! content it had before. App roots come from [`crate::pool`].

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::{DocumentFragment, Element};

use crate::browser::{self, Clock};
use crate::components::AppProps;
use crate::options::{Given, Options, NAMES};
use crate::pool::{Root, MOUNTED};

/// The custom element's tag name.
pub const ELEMENT: &str = "roll-routine";

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

/// A mounted widget. Dropping it unmounts the widget.
pub struct Handle {
    root: Option<Root>,
    host: Element,
    /// The host's own content (the fallback link), kept aside while the widget shows. The
    /// same nodes go back, so a framework that rendered them still finds them.
    fallback: DocumentFragment,
}

impl Handle {
    /// The host element.
    pub fn host(&self) -> &Element {
        &self.host
    }

    /// Removes the widget: its effects clean up (timers, listeners, wake lock, sound,
    /// speech), and the host gets back the content it had before.
    pub fn unmount(self) {
        drop(self);
    }
}

impl Drop for Handle {
    fn drop(&mut self) {
        if let Some(root) = self.root.take() {
            root.park();
            browser::stop_speaking();
            let _ = self.host.append_child(&self.fallback);
            let _ = self.host.remove_attribute(MOUNTED);
        }
    }
}

/// The options a host element gives in its attributes: `data-` attributes on any element,
/// plain ones (`family`, `storage-key`, …) on `<roll-routine>`, whose other attributes
/// (`class`, `id`, …) are the page's own.
pub fn attributes(host: &Element) -> Given {
    let attrs = host.attributes();
    // Most embeds give no option, only the marker: nothing to read, and the reading and
    // checking code is then not compiled before the first screen (the browser compiles a
    // wasm function on its first call).
    if attrs.length() <= u32::from(host.has_attribute("data-roll-routine")) {
        return Given::default();
    }
    options_in(host, attrs)
}

/// The options of a host that gives some, read from its attributes.
#[inline(never)]
fn options_in(host: &Element, attrs: web_sys::NamedNodeMap) -> Given {
    let custom = host.local_name() == ELEMENT;
    let pairs: Vec<(String, String)> = (0..attrs.length())
        .filter_map(|i| attrs.item(i))
        .filter_map(|a| {
            let name = a.name();
            let n = if custom {
                NAMES.contains(&name.as_str()).then_some(name.as_str())?
            } else {
                name.strip_prefix("data-")?
            };
            (n != "roll-routine-mounted").then(|| (n.to_string(), a.value()))
        })
        .collect();
    Given::pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

/// Reads a host's attributes as options; the warnings are for the console.
pub fn options_from_attributes(host: &Element) -> (Options, Vec<String>) {
    Options::checked(attributes(host))
}

/// Logs each warning once to the console.
pub fn warn(messages: &[String]) {
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
    let mut root = Root::take(&doc).ok_or(MountError::Dom)?;
    let fallback = doc.create_document_fragment();
    while let Some(child) = host.first_child() {
        if fallback.append_child(&child).is_err() {
            break;
        }
    }
    if host.first_child().is_some() || host.append_child(root.element()).is_err() {
        let _ = host.append_child(&fallback);
        root.park();
        return Err(MountError::Dom);
    }
    let _ = host.set_attribute(MOUNTED, "");
    root.show(AppProps {
        options,
        clock,
        host: Some(host.clone()),
    });
    crate::panic::install();
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
/// from its `data-` attributes; they stay for the page's life. Returns how many were mounted.
/// (The embed loader mounts each element itself, when it comes near the screen.)
pub fn mount_all() -> usize {
    let Some(doc) = browser::document() else {
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
