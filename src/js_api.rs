//! The JavaScript bindings: `mount(element, options)` and its handle, which the embed loader
//! (`assets/embed/roll-routine.js`) wraps as `RollRoutine.mount`.

use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::browser::Clock;
use crate::mount::{attributes, mount, warn, Handle, MountError};
use crate::options::{Given, Options};

/// A widget mounted from JavaScript.
#[wasm_bindgen(js_name = RollRoutineHandle)]
pub struct JsHandle(Option<Handle>);

#[wasm_bindgen(js_class = RollRoutineHandle)]
impl JsHandle {
    /// Removes the widget and restores the element; calling it twice does nothing.
    pub fn unmount(&mut self) {
        self.0 = None;
    }
}

/// `mount(element, options)`: mounts one widget. Options come from the element's attributes
/// and then from the object (its values win), whose keys are the attributes' names in camel
/// case (`base`, `family`, `storageKey`, `setUrl`, `remember`); unknown or bad ones warn once
/// and use the default. Throws when the element is missing or already mounted.
#[wasm_bindgen(js_name = mount)]
pub fn mount_js(host: Option<Element>, options: JsValue) -> Result<JsHandle, JsError> {
    let host = host.ok_or_else(|| JsError::new(&MountError::MissingTarget.to_string()))?;
    let mut given = attributes(&host);
    let mut refused = None;
    if !options.is_undefined() && !options.is_null() {
        match serde_wasm_bindgen::from_value::<Given>(options) {
            Ok(more) => given.0.extend(more.0),
            Err(_) => refused = Some("roll-routine: options must be an object; defaults used"),
        }
    }
    let (opts, mut warnings) = Options::check(given);
    warnings.extend(refused.map(String::from));
    warn(&warnings);
    mount(&host, opts, Clock::performance())
        .map(|h| JsHandle(Some(h)))
        .map_err(|e| JsError::new(&e.to_string()))
}

/// True when the embed loader runs the page: it defines the one global name before it loads
/// the wasm, and then decides itself when each widget mounts.
pub fn loaded_by_embed() -> bool {
    web_sys::window()
        .is_some_and(|w| js_sys::Reflect::has(&w, &"RollRoutine".into()).unwrap_or(false))
}
