//! The JavaScript bindings: `mount(element, options)` and its handle, which the embed loader
//! (`assets/embed/roll-routine.js`) wraps as `RollRoutine.mount`.

use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::browser::Clock;
use crate::mount::{attributes, mount, warn, Handle, MountError};
use crate::options::{Given, Options, Value};

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
        match given_in(&options) {
            Some(more) => given.0.extend(more.0),
            None => refused = Some("roll-routine: options must be an object; defaults used"),
        }
    }
    let (opts, mut warnings) = Options::checked(given);
    warnings.extend(refused.map(String::from));
    warn(&warnings);
    mount(&host, opts, Clock::performance())
        .map(|h| JsHandle(Some(h)))
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The options in a JS object, each as text where it is text or a boolean, `null` and
/// `undefined` as not given, anything else refused; `None` when it is not a plain object.
/// Read directly rather than through serde: a deserializer's error messages would format
/// numbers and bring float formatting (about 10 KB) into the bundle.
fn given_in(options: &JsValue) -> Option<Given> {
    if !options.is_object() || js_sys::Array::is_array(options) || options.is_function() {
        return None;
    }
    let entries = js_sys::Object::entries(options.unchecked_ref());
    let given = entries
        .iter()
        .filter_map(|pair| {
            let pair: js_sys::Array = pair.unchecked_into();
            let name = pair.get(0).as_string()?;
            let v = pair.get(1);
            let value = if v.is_undefined() || v.is_null() {
                Value::Absent
            } else if let Some(b) = v.as_bool() {
                Value::Text(if b { "true" } else { "false" }.into())
            } else {
                v.as_string().map_or(Value::Bad, Value::Text)
            };
            Some((name, value))
        })
        .collect();
    Some(Given(given))
}

/// True when the embed loader runs the page: it defines the one global name before it loads
/// the wasm, and then decides itself when each widget mounts.
pub fn loaded_by_embed() -> bool {
    web_sys::window()
        .is_some_and(|w| js_sys::Reflect::has(&w, &"RollRoutine".into()).unwrap_or(false))
}
