//! The pool of Yew app roots.
//!
//! Yew 0.23 never frees the event listeners it puts on an app's root element
//! (`HostHandlers::add_listener` in `dom_bundle/subtree_root.rs` forgets them, and each holds
//! the root's data), so creating and destroying an app per mount would leak about 1 KB each
//! time. Instead, a root is parked when its widget unmounts: its [`Slot`] renders nothing, so
//! the widget is destroyed and every effect cleans up, and the root leaves the page. The next
//! mount takes a parked root and renders a new widget in it, keyed by a new mount number so
//! nothing carries over.

use std::cell::{Cell, RefCell};

use web_sys::{Document, Element};
use yew::{html, AppHandle, Component, Context, Html, Properties};

use crate::components::{App, AppProps};

/// The class of the widget's own root element; all styles live under it.
pub const ROOT_CLASS: &str = "rr";

/// The attribute that marks a mounted host (and makes a second mount an error); an internal
/// error finds the widgets by it.
pub const MOUNTED: &str = "data-roll-routine-mounted";

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

/// An app root: its element, and its Yew app once it has rendered a widget.
pub(crate) struct Root {
    app: Option<AppHandle<Slot>>,
    element: Element,
}

thread_local! {
    /// Parked roots, ready for the next mount.
    static POOL: RefCell<Vec<Root>> = const { RefCell::new(Vec::new()) };
    static MOUNT_ID: Cell<u32> = const { Cell::new(0) };
}

impl Root {
    /// A parked root, or else a new `div.rr` in `doc`; `None` when the browser refuses it.
    pub(crate) fn take(doc: &Document) -> Option<Root> {
        if let Some(root) = POOL.with(|p| p.borrow_mut().pop()) {
            return Some(root);
        }
        let element = doc.create_element("div").ok()?;
        element.set_class_name(ROOT_CLASS);
        Some(Root { app: None, element })
    }

    /// The root's element, to be put in the host.
    pub(crate) fn element(&self) -> &Element {
        &self.element
    }

    /// Renders a fresh widget: a new root renders it in its first pass, a parked one is
    /// handed new props.
    pub(crate) fn show(&mut self, widget: AppProps) {
        let mount_id = MOUNT_ID.with(|n| {
            n.set(n.get().wrapping_add(1));
            n.get()
        });
        let props = SlotProps {
            mount_id,
            widget: Some(widget),
        };
        match &mut self.app {
            Some(app) => app.update(props),
            None => {
                self.app = Some(
                    yew::Renderer::<Slot>::with_root_and_props(self.element.clone(), props)
                        .render(),
                )
            }
        }
    }

    /// Destroys the widget (its effects clean up at once), takes the root off the page and
    /// keeps it for the next mount.
    pub(crate) fn park(mut self) {
        if let Some(app) = &mut self.app {
            app.update(SlotProps::PARKED);
        }
        self.element.remove();
        POOL.with(|p| p.borrow_mut().push(self));
    }
}
