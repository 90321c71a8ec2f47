//! The browser glue: clock, storage, cues, wake lock, events and links. Every call here
//! fails soft: a missing or refused API leaves the session running silently.

use std::rc::Rc;

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AudioContext, CustomEvent, CustomEventInit, Element, OscillatorType};

use crate::core::progress::Progress;
use crate::core::record::{LoadError, MAX_FILE_BYTES};

/// A monotonic clock in milliseconds. Tests inject one they move by hand.
#[derive(Clone)]
pub struct Clock(pub Rc<dyn Fn() -> f64>);

impl Clock {
    /// `performance.now()`, or `Date.now()` where there is no Performance API.
    pub fn performance() -> Self {
        Clock(Rc::new(|| {
            web_sys::window()
                .and_then(|w| w.performance())
                .map_or_else(js_sys::Date::now, |p| p.now())
        }))
    }

    /// The time now.
    pub fn now(&self) -> f64 {
        (self.0)()
    }
}

impl PartialEq for Clock {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Clock")
    }
}

/// The page's document, if there is a window.
pub fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

fn storage() -> Option<web_sys::Storage> {
    // `localStorage` itself throws where storage is blocked (private mode, sandboxed frames).
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads stored text; `None` when storage is blocked or empty.
pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Stores text; false where storage is blocked or full (the progress is not kept).
pub fn save(key: &str, text: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, text).is_ok())
}

/// Whether this page may use storage at all (blocked in some private modes, sandboxed
/// frames, with cookies off).
pub fn can_store() -> bool {
    storage().is_some()
}

/// Reads a record file the reader picked, then calls `done` with what it holds. A file too
/// large to be a record is refused unread; anything that is not one of our records is an
/// error the reader is told, and changes nothing.
pub fn read_record(file: web_sys::File, done: impl FnOnce(Result<Progress, LoadError>) + 'static) {
    if file.size() > MAX_FILE_BYTES {
        return done(Err(LoadError::TooLarge));
    }
    wasm_bindgen_futures::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
        let value = text.and_then(|t| js_sys::JSON::parse(&t.as_string().unwrap_or_default()));
        done(match value {
            Ok(v) if v.is_object() => {
                let field = |name: &str| {
                    Reflect::get(&v, &JsValue::from_str(name))
                        .ok()
                        .and_then(|f| f.as_string())
                };
                Progress::from_file(field("format").as_deref(), field("data").as_deref())
            }
            _ => Err(LoadError::Foreign),
        });
    });
}

/// Short cues at side switches and step ends: a tone, a vibration, and speech when the reader
/// turns it on.
#[derive(Default)]
pub struct Cues {
    audio: Option<AudioContext>,
}

impl Cues {
    /// Creates the audio context; call inside the Start click so browsers allow sound.
    pub fn unlock(&mut self) {
        // Where the Audio Session API exists, the cues mix with the reader's music instead
        // of stopping it (set before the context starts).
        if let Some(w) = web_sys::window() {
            if let Ok(s) = Reflect::get(&w.navigator(), &"audioSession".into()) {
                if s.is_object() {
                    let _ = Reflect::set(&s, &"type".into(), &"ambient".into());
                }
            }
        }
        if self.audio.is_none() {
            self.audio = AudioContext::new().ok();
        }
        if let Some(a) = &self.audio {
            let _ = a.resume();
        }
    }

    /// A short sine tone of `freq` Hz, starting `delay` seconds from now, lasting `dur`
    /// seconds, at peak gain `peak` (0 to 1).
    pub fn tone(&self, freq: f32, delay: f64, dur: f64, peak: f32) {
        let Some(ctx) = &self.audio else { return };
        let play = || -> Result<(), JsValue> {
            let osc = ctx.create_oscillator()?;
            let gain = ctx.create_gain()?;
            osc.set_type(OscillatorType::Sine);
            osc.frequency().set_value(freq);
            let t = ctx.current_time() + delay;
            gain.gain().set_value_at_time(0.0001, t)?;
            gain.gain()
                .exponential_ramp_to_value_at_time(peak, t + 0.02)?;
            gain.gain()
                .exponential_ramp_to_value_at_time(0.0001, t + dur)?;
            osc.connect_with_audio_node(&gain)?;
            gain.connect_with_audio_node(&ctx.destination())?;
            osc.start_with_when(t)?;
            osc.stop_with_when(t + dur + 0.05)?;
            Ok(())
        };
        let _ = play();
    }

    /// Closes the audio context.
    pub fn close(&mut self) {
        if let Some(a) = self.audio.take() {
            let _ = a.close();
        }
    }
}

/// Which cues this browser offers (what the "test sound" control reports).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Support {
    /// Web Audio tones.
    pub audio: bool,
    /// Speech synthesis.
    pub speech: bool,
    /// Vibration.
    pub vibration: bool,
    /// The Screen Wake Lock API.
    pub wake_lock: bool,
}

/// What the browser offers, looked up without calling anything.
pub fn support() -> Support {
    let Some(w) = web_sys::window() else {
        return Support::default();
    };
    let has = |target: &JsValue, name: &str| {
        Reflect::get(target, &name.into()).is_ok_and(|v| !v.is_undefined() && !v.is_null())
    };
    let nav: JsValue = w.navigator().into();
    let win: JsValue = w.into();
    Support {
        audio: has(&win, "AudioContext"),
        speech: has(&win, "speechSynthesis"),
        vibration: has(&nav, "vibrate"),
        wake_lock: has(&nav, "wakeLock"),
    }
}

/// A short vibration where the device has one.
pub fn vibrate(ms: u32) {
    // `navigator.vibrate` is missing in some browsers and may throw in others: call it
    // through a lookup that catches, so a refusal never reaches the wasm instance.
    if let Some(w) = web_sys::window() {
        let _ = call(&w.navigator(), "vibrate", &[ms.into()]);
    }
}

/// Speaks a cue, cancelling the one before.
pub fn speak(text: &str) {
    let Some(synth) = speech_synthesis() else {
        return;
    };
    let _ = call(&synth, "cancel", &[]);
    if let Ok(u) = web_sys::SpeechSynthesisUtterance::new_with_text(text) {
        let _ = call(&synth, "speak", &[u.into()]);
    }
}

/// `window.speechSynthesis`, looked up so that a browser without it is simply silent.
fn speech_synthesis() -> Option<JsValue> {
    let window: JsValue = web_sys::window()?.into();
    let synth = Reflect::get(&window, &"speechSynthesis".into()).ok()?;
    (!synth.is_undefined()).then_some(synth)
}

fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Option<JsValue> {
    let f: Function = Reflect::get(target, &method.into()).ok()?.dyn_into().ok()?;
    let arr: js_sys::Array = args.iter().collect();
    f.apply(target, &arr).ok()
}

/// Asks to keep the screen awake; the sentinel arrives through `on_lock`. Refusal is silent.
pub fn request_wake_lock(on_lock: impl FnOnce(JsValue) + 'static) {
    let Some(w) = web_sys::window() else { return };
    let Ok(wl) = Reflect::get(&w.navigator(), &"wakeLock".into()) else {
        return;
    };
    if wl.is_undefined() || wl.is_null() {
        return;
    }
    let Some(p) = call(&wl, "request", &["screen".into()]) else {
        return;
    };
    let Ok(p) = p.dyn_into::<js_sys::Promise>() else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(sentinel) = wasm_bindgen_futures::JsFuture::from(p).await {
            on_lock(sentinel);
        }
    });
}

/// Releases a wake lock sentinel.
pub fn release_wake_lock(sentinel: &JsValue) {
    let _ = call(sentinel, "release", &[]);
}

/// Copies text to the clipboard; false when the browser refuses.
pub fn copy(text: &str) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let Ok(cb) = Reflect::get(&w.navigator(), &"clipboard".into()) else {
        return false;
    };
    if cb.is_undefined() {
        return false;
    }
    match call(&cb, "writeText", &[text.into()]).and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    {
        Some(p) => {
            // A refused write rejects later; await it so the rejection is handled quietly.
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(p).await;
            });
            true
        }
        None => false,
    }
}

/// The share code in the page address (`#roll-routine=1ab`), if any.
pub fn share_code_in_address() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    // Most addresses have no fragment ("" here): nothing to search.
    hash.strip_prefix('#')?
        .split('&')
        .find_map(|kv| kv.strip_prefix("roll-routine="))
        .map(str::to_string)
}

/// The page address with this share code.
pub fn share_link(code: &str) -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    let base = href.split('#').next().unwrap_or(&href);
    Some(format!("{base}#roll-routine={code}"))
}

/// The wall clock now: milliseconds since 1970 (UTC), and the reader's time zone offset in
/// minutes as `Date.prototype.getTimezoneOffset()` gives it (UTC minus local).
pub fn local_now() -> (f64, f64) {
    let d = js_sys::Date::new_0();
    (d.get_time(), d.get_timezone_offset())
}

/// The wall clock: milliseconds since 1970 (UTC) and the reader's local day since
/// 1970-01-01.
pub fn wall() -> (f64, i32) {
    let (ms, offset_min) = local_now();
    (ms, crate::core::dates::local_day(ms, offset_min))
}

/// A serde value as indented JSON, through serde-wasm-bindgen and the browser's own
/// `JSON.stringify` (no JSON library in the bundle).
pub fn json<T: serde::Serialize>(value: &T) -> Option<String> {
    let v = serde_wasm_bindgen::to_value(value).ok()?;
    js_sys::JSON::stringify_with_replacer_and_space(&v, &JsValue::NULL, &JsValue::from(2))
        .ok()?
        .as_string()
}

/// Offers text as a file download.
pub fn download(name: &str, mime: &str, text: &str) {
    let run = || -> Option<()> {
        let doc = document()?;
        let parts: js_sys::Array = std::iter::once(JsValue::from_str(text)).collect();
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let a: web_sys::HtmlAnchorElement = doc.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(name);
        a.click();
        let _ = web_sys::Url::revoke_object_url(&url);
        Some(())
    };
    let _ = run();
}

/// Prints the page (the print stylesheet shows only the routine card).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Stops any spoken cue (a widget that goes must not keep talking).
pub fn stop_speaking() {
    if let Some(synth) = speech_synthesis() {
        let _ = call(&synth, "cancel", &[]);
    }
}

/// A bubbling event on the host element whose `detail` is `detail` serialized by
/// `serde-wasm-bindgen` (for example [`crate::options::Detail`]); never a health answer.
pub fn emit_detail<T: serde::Serialize>(host: &Element, name: &str, detail: &T) {
    let Ok(detail) = serde_wasm_bindgen::to_value(detail) else {
        return;
    };
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(e) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&e);
    }
}
