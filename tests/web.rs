//! Browser tests (wasm-bindgen-test, headless Chrome and Firefox): the components, the player
//! with an injected clock, mounting, and the rows of the bad-input table in widget.md that
//! concern the page. Each test mounts into a fresh element it creates.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use roll_routine::browser::Clock;
use roll_routine::core::answers::{Answers, Onset};
use roll_routine::core::content::LOWER_BACK;
use roll_routine::core::plan::{build, Outcome};
use roll_routine::core::progress::Progress;
use roll_routine::mount::{mount, Handle, MountError};
use roll_routine::options::Options;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn doc() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn js(code: &str) -> wasm_bindgen::JsValue {
    js_sys::Function::new_no_args(code)
        .call0(&wasm_bindgen::JsValue::NULL)
        .unwrap()
}

struct Fixture {
    host: Element,
    time: Rc<Cell<f64>>,
    handle: Option<Handle>,
}

impl Fixture {
    async fn new(options: Options) -> Self {
        let host = doc().create_element("div").unwrap();
        host.set_inner_html("<a href=\"/fallback\">fallback</a>");
        doc().body().unwrap().append_child(&host).unwrap();
        let time = Rc::new(Cell::new(1_000.0));
        let t = time.clone();
        let clock = Clock(Rc::new(move || t.get()));
        let handle = mount(&host, options, clock).unwrap();
        yew::scheduler::flush().await;
        Self {
            host,
            time,
            handle: Some(handle),
        }
    }

    fn text(&self, sel: &str) -> String {
        self.host
            .query_selector(sel)
            .unwrap()
            .map(|e| e.text_content().unwrap_or_default())
            .unwrap_or_default()
    }

    fn count(&self, sel: &str) -> u32 {
        self.host.query_selector_all(sel).unwrap().length()
    }

    /// Clicks the first button whose text contains `label`.
    async fn click(&self, label: &str) {
        let buttons = self.host.query_selector_all("button").unwrap();
        let b = (0..buttons.length())
            .filter_map(|i| buttons.item(i))
            .find(|b| b.text_content().unwrap_or_default().contains(label))
            .unwrap_or_else(|| panic!("no button {label:?} in {}", self.host.inner_html()));
        b.unchecked_into::<HtmlElement>().click();
        yew::scheduler::flush().await;
    }

    /// Moves the injected clock and lets the widget notice, as it does on return to a tab.
    async fn advance(&self, ms: f64) {
        self.time.set(self.time.get() + ms);
        doc()
            .dispatch_event(&web_sys::Event::new("visibilitychange").unwrap())
            .unwrap();
        yew::scheduler::flush().await;
    }

    async fn answer_chronic(&self) {
        self.click("None of these").await;
        self.click("Longer ago").await;
        self.click("Neither").await;
    }

    /// Starts the first routine, rolls more than half of it (410 s: 360 s of rolling, so it
    /// counts toward the plan), ends it and checks in with `label`.
    async fn counted_session_then(&self, label: &str) {
        self.click("Start").await;
        self.advance(410_000.0).await;
        self.click("End session").await;
        self.click(label).await;
    }

    /// Starts the first routine, ends it at once and checks in with `label`.
    async fn session_then(&self, label: &str) {
        self.click("Start").await;
        self.click("End session").await;
        self.click(label).await;
    }

    fn unmount(&mut self) {
        if let Some(h) = self.handle.take() {
            h.unmount();
        }
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        self.unmount();
        self.host.remove();
    }
}

/// The widget's own stylesheet, as the loader adds it (layout tests).
fn with_css() {
    if doc().get_element_by_id("rr-test-css").is_none() {
        let style = doc().create_element("style").unwrap();
        style.set_id("rr-test-css");
        style.set_text_content(Some(concat!(
            include_str!("../assets/roll-routine.css"),
            include_str!("../assets/roll-routine-widget.css")
        )));
        doc().head().unwrap().append_child(&style).unwrap();
    }
}

fn rect(f: &Fixture, sel: &str) -> web_sys::DomRect {
    f.host
        .query_selector(sel)
        .unwrap()
        .unwrap_or_else(|| panic!("no {sel}"))
        .get_bounding_client_rect()
}

fn opts(key: &str) -> Options {
    Options {
        storage_key: Some(key.into()),
        ..Options::default()
    }
}

#[wasm_bindgen_test]
async fn mounts_and_asks_the_safety_check_first_s2_s3() {
    let f = Fixture::new(opts("t-first")).await;
    assert_eq!(f.text(".rr-title"), "First, a quick safety check");
    assert_eq!(f.count(".rr-check"), 9);
    assert!(f.text(".rr-kicker").contains("1 of 3"));
}

#[wasm_bindgen_test]
async fn the_routine_view_renders_what_the_engine_decided_p1_s1_s5() {
    let f = Fixture::new(opts("t-routine")).await;
    f.answer_chronic().await;
    let a = Answers {
        warnings: Some(vec![]),
        onset: Some(Onset::Chronic),
        ..Answers::default()
    };
    let Outcome::Plan(plan) = build(&LOWER_BACK, &a) else {
        panic!()
    };
    let steps = f.host.query_selector_all(".rr-step").unwrap();
    let shown: Vec<String> = (0..steps.length())
        .map(|i| {
            steps
                .item(i)
                .unwrap()
                .unchecked_into::<Element>()
                .get_attribute("data-muscle")
                .unwrap()
        })
        .collect();
    let expected: Vec<&str> = plan.routines[0].steps.iter().map(|s| s.muscle.id).collect();
    assert_eq!(shown, expected);
    assert!(f.text(".rr-warning").contains("lower back"), "S1");
    assert!(f.text(".rr-note").contains("not a diagnosis"), "S5");
    // The plan in one line: moves, minutes (with the get-ready times), how often.
    assert_eq!(f.text(".rr-summary"), "4 moves · about 12 min · every day");
    // Answers can be changed without starting over: sitting puts the hip flexors first (P3).
    f.click("Change").await; // the onset chip
    f.click("Longer ago").await;
    assert!(
        f.count(".rr-step") > 0,
        "changing one answer returns to the routine"
    );
    let chips = f.host.query_selector_all(".rr-chips button").unwrap();
    chips
        .item(1)
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    yew::scheduler::flush().await;
    f.click("It builds up when I sit").await;
    f.click("Continue").await;
    let first = f.host.query_selector(".rr-step").unwrap().unwrap();
    assert_eq!(
        first.get_attribute("data-muscle").as_deref(),
        Some("hip-flexors")
    );
}

#[wasm_bindgen_test]
async fn an_urgent_sign_shows_advice_and_no_routine_s3() {
    let f = Fixture::new(opts("t-urgent")).await;
    f.click("groin").await;
    f.click("Continue").await;
    assert!(f.text(".rr-title").contains("emergency"));
    assert_eq!(
        f.count(".rr-stop[data-emergency]"),
        1,
        "styled as an emergency"
    );
    assert_eq!(f.count(".rr-step"), 0);
    // A mistaken tap can be undone.
    f.click("change my answer").await;
    assert_eq!(f.text(".rr-title"), "First, a quick safety check");
}

#[wasm_bindgen_test]
async fn a_see_a_doctor_sign_stops_before_any_routine_s2() {
    let f = Fixture::new(opts("t-doctor")).await;
    f.click("Numbness or tingling").await;
    f.click("Continue").await;
    assert!(f.text(".rr-title").contains("see a doctor"));
    assert_eq!(f.count(".rr-step"), 0);
}

#[wasm_bindgen_test]
async fn acute_pain_gives_gentle_glutes_only_s4() {
    let f = Fixture::new(opts("t-acute")).await;
    f.click("None of these").await;
    f.click("In the last two days").await;
    // Sitting and mornings cannot change an acute plan, so they are not asked: the routine.
    assert_eq!(f.count(".rr-step"), 1);
    assert!(f.text(".rr-step").contains("Very light"));
    // In the player: the pressure said in every segment, no deep-muscle how-to, no hold.
    f.click("Start").await;
    assert!(f
        .text(".rr-pressure")
        .to_ascii_lowercase()
        .contains("very light pressure"));
    assert!(
        !f.host.text_content().unwrap().contains("cross"),
        "no cross-leg"
    );
    f.advance(10_000.0).await;
    assert_eq!(f.text(".rr-phase"), "ROLL");
    assert!(f
        .text(".rr-pressure")
        .to_ascii_lowercase()
        .contains("very light pressure"));
    assert_eq!(f.count(".rr-hold"), 0, "no hold at very light pressure");
    assert!(
        f.text(".rr-note").contains("not a diagnosis"),
        "S5 in the player"
    );
}

#[wasm_bindgen_test]
async fn the_player_runs_a_whole_routine_on_an_injected_clock() {
    let f = Fixture::new(opts("t-player")).await;
    f.answer_chronic().await;
    f.click("Start: Full routine").await;
    assert_eq!(f.text(".rr-title"), "Glutes");
    assert_eq!(f.text(".rr-phase"), "GET READY");
    assert_eq!(f.text(".rr-count"), "0:10");
    assert_eq!(f.text(".rr-next"), "Next: right side");
    f.advance(10_000.0).await;
    assert_eq!(f.text(".rr-phase"), "ROLL");
    assert_eq!(f.text(".rr-count"), "1:30");
    // A long gap (hidden tab): 200 s after the start lands in the hip flexors' get-ready,
    // 20 s to get face down.
    f.advance(190_000.0).await;
    assert_eq!(f.text(".rr-title"), "Hip flexors");
    assert_eq!(f.text(".rr-phase"), "GET READY");
    assert_eq!(f.text(".rr-count"), "0:15");
    // Pause: time passes but the count stays.
    assert_eq!(f.count(".rr-player[data-paused]"), 0);
    f.click("Pause").await;
    assert_eq!(f.count(".rr-player[data-paused]"), 1, "the count is dimmed");
    f.advance(60_000.0).await;
    assert_eq!(f.text(".rr-count"), "0:15");
    f.click("Resume").await;
    assert_eq!(f.count(".rr-player[data-paused]"), 0);
    // Skip, back.
    f.click("Skip").await;
    assert_eq!(f.text(".rr-phase"), "SWITCH");
    f.click("Back").await;
    assert_eq!(f.text(".rr-phase"), "GET READY");
    // The rest of the routine, in one jump.
    f.advance(3_600_000.0).await;
    // The check-in asks first; the title comes after the answer.
    assert_eq!(f.text(".rr-kicker"), "Session done");
    assert!(f.text(".rr-title").contains("back pain"));
    f.click("Better").await;
    assert_eq!(f.text(".rr-title"), "Nicely done");
    assert!(f
        .text(".rr-progress-line")
        .contains("Sessions done: 1 of 14"));
}

#[wasm_bindgen_test]
async fn keyboard_shortcuts_drive_the_player() {
    let f = Fixture::new(opts("t-keys")).await;
    f.answer_chronic().await;
    f.click("Start").await;
    let player = f.host.query_selector(".rr-player").unwrap().unwrap();
    let key = |k: &str| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(k);
        init.set_bubbles(true);
        let e =
            web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        player.dispatch_event(&e).unwrap();
    };
    key(" ");
    yew::scheduler::flush().await;
    assert_eq!(f.text(".rr-phase"), "PAUSED");
    key("ArrowRight");
    yew::scheduler::flush().await;
    assert_eq!(f.text(".rr-kicker"), "Step 1 of 4");
    assert_eq!(f.text(".rr-side"), "RIGHT SIDE");
    key("Escape");
    yew::scheduler::flush().await;
    assert_eq!(f.text(".rr-kicker"), "Session ended");
}

#[wasm_bindgen_test]
async fn worse_after_two_sessions_stops_the_plan_s2() {
    let f = Fixture::new(opts("t-worse")).await;
    f.answer_chronic().await;
    f.session_then("Worse").await;
    assert!(
        f.text(".rr-warning")
            .contains("worse after each session instead of easing over several days"),
        "one worse session: a gentle warning"
    );
    f.click("Back to my routine").await;
    f.session_then("Worse").await;
    // The second in a row stops the plan at once, straight from the check-in.
    assert!(f.text(".rr-title").contains("see a doctor"));
    assert_eq!(f.count(".rr-step"), 0);
    // The urgent signs are within reach; clearing data is there but lifts nothing.
    assert!(
        f.text(".rr-urgent").contains("groin"),
        "S3 list on the stop screen"
    );
    f.click("Clear saved data").await;
    assert!(
        f.text(".rr-title").contains("see a doctor"),
        "clearing is no way past"
    );
    // Only the clinician confirmation goes on, and it takes a tick and a confirmation.
    let go = f
        .host
        .query_selector(".rr-clinician .rr-secondary")
        .unwrap()
        .unwrap();
    assert!(go.has_attribute("disabled"));
    f.click("A clinician has checked me").await;
    f.click("Go on with my routine").await;
    assert_eq!(f.text(".rr-title"), "First, a quick safety check");
}

#[wasm_bindgen_test]
async fn a_stop_from_check_ins_holds_after_a_reload_s2() {
    let key = "t-worse-reload";
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item(key).unwrap();
    {
        let f = Fixture::new(opts(key)).await;
        f.answer_chronic().await;
        for _ in 0..2 {
            f.session_then("Worse").await;
            if f.count(".rr-stop") == 0 {
                f.click("Back to my routine").await;
            }
        }
        assert_eq!(f.count(".rr-stop"), 1);
    }
    let f = Fixture::new(opts(key)).await;
    assert_eq!(f.count(".rr-stop"), 1, "the stop comes back with the page");
    assert_eq!(f.count(".rr-start"), 0);
}

#[wasm_bindgen_test]
async fn the_check_in_offers_the_warning_signs_s2() {
    let f = Fixture::new(opts("t-checkin-sign")).await;
    f.answer_chronic().await;
    f.click("Start").await;
    f.click("End session").await;
    assert!(
        f.text(".rr-note").contains("not a diagnosis"),
        "S5 on the finish screen"
    );
    f.click("Numbness or tingling").await;
    assert!(f.text(".rr-title").contains("see a doctor"));
    assert_eq!(f.count(".rr-clinician"), 1);
}

#[wasm_bindgen_test]
async fn the_forearm_check_in_speaks_of_forearms_not_the_back() {
    let f = Fixture::new(Options {
        family: &roll_routine::core::content::FOREARMS,
        ..opts("t-forearm-checkin")
    })
    .await;
    f.click("Tired forearms from typing").await;
    f.click("Start").await;
    f.advance(10_000.0).await;
    assert_eq!(
        f.count(".rr-pace"),
        0,
        "forearm steps have no back pace line"
    );
    f.click("End session").await;
    let text = f.host.text_content().unwrap();
    assert!(text.contains("forearms and hands"), "{text}");
    assert!(!text.contains("back pain"), "{text}");
    assert_eq!(f.count(".rr-sign"), 0);
}

#[wasm_bindgen_test]
async fn progress_is_kept_in_storage_and_can_be_cleared_s6() {
    let key = "t-progress";
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item(key).unwrap();
    {
        let f = Fixture::new(opts(key)).await;
        f.answer_chronic().await;
        f.click("Start").await;
        // More than half the rolling time, so the session counts toward the plan: 410 s is
        // in the mid-back's get-ready, after 360 s of rolling.
        f.advance(410_000.0).await;
        f.click("End session").await;
        f.click("About the same").await;
    }
    let stored = storage.get_item(key).unwrap().unwrap();
    assert!(
        stored.starts_with("rr3;") && stored.contains("s1;"),
        "{stored}"
    );
    let f = Fixture::new(opts(key)).await;
    // Remembered answers, and today's safety check already done (S7): the routine.
    assert!(f
        .text(".rr-progress-line")
        .contains("Sessions done: 1 of 14"));
    f.click("Clear").await;
    // What is left is the clearing itself, with its time: no session, no answer.
    let left = Progress::from_text(&storage.get_item(key).unwrap().unwrap()).unwrap();
    assert!(left.cleared.is_some());
    assert_eq!(
        left,
        Progress {
            cleared: left.cleared,
            ..Progress::default()
        }
    );
}

#[wasm_bindgen_test]
async fn bad_input_corrupted_or_foreign_storage_is_ignored_and_replaced() {
    let key = "t-corrupt";
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    for junk in ["{\"foreign\":true}", "rr1;zzz;NaN;", "\u{0}\u{ffff}"] {
        storage.set_item(key, junk).unwrap();
        let f = Fixture::new(opts(key)).await;
        assert_eq!(f.text(".rr-title"), "First, a quick safety check");
        f.answer_chronic().await;
        f.click("Start").await;
        f.click("End session").await;
        f.click("Better").await;
        assert!(storage.get_item(key).unwrap().unwrap().starts_with("rr3;"));
    }
}

#[wasm_bindgen_test]
async fn bad_input_storage_that_throws_leaves_everything_working() {
    js("window.__rrLS = Object.getOwnPropertyDescriptor(window, 'localStorage') || Object.getOwnPropertyDescriptor(Window.prototype, 'localStorage');
        Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('blocked', 'SecurityError'); } });");
    let f = Fixture::new(opts("t-blocked")).await;
    f.answer_chronic().await;
    f.click("Start").await;
    f.advance(5_000.0).await;
    assert_eq!(f.text(".rr-count"), "0:05");
    f.advance(400_000.0).await;
    f.click("End session").await;
    f.click("Better").await;
    assert!(f.text(".rr-progress-line").contains("Sessions done: 1"));
    // The reader is told, where they would otherwise believe it was kept.
    assert!(
        f.text(".rr-saved").contains("not kept"),
        "{}",
        f.text(".rr-saved")
    );
    assert!(f.text(".rr-progress-line").contains("not kept"));
    drop(f);
    js("delete window.localStorage; if (!('localStorage' in window)) Object.defineProperty(window, 'localStorage', window.__rrLS);");
}

/// Two worse check-ins in a row, from the routine screen: the S2 stop.
async fn two_worse(f: &Fixture) {
    for _ in 0..2 {
        f.session_then("Worse").await;
        if f.count(".rr-stop") == 0 {
            f.click("Back to my routine").await;
        }
    }
    assert_eq!(f.count(".rr-stop"), 1);
}

#[wasm_bindgen_test]
async fn bad_input_storage_full_the_reader_is_told_and_a_stop_holds_for_the_visit_s2() {
    // Every write fails as a full storage does; reads still work.
    js("window.__rrSet = Storage.prototype.setItem;
        Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };");
    let f = Fixture::new(opts("t-full")).await;
    f.answer_chronic().await;
    assert!(f.text(".rr-progress-line").contains("not kept") || f.count(".rr-progress-line") == 0);
    f.session_then("Worse").await;
    assert!(
        f.text(".rr-saved").contains("not kept"),
        "{}",
        f.text(".rr-saved")
    );
    f.click("Back to my routine").await;
    f.session_then("Worse").await;
    assert_eq!(f.count(".rr-stop"), 1, "the stop holds for the visit");
    js("Storage.prototype.setItem = window.__rrSet;");
}

/// Picks a file with `text` in the widget's "Load a saved record", and waits for it to be
/// read.
async fn load_file(f: &Fixture, text: &str) {
    let input = f
        .host
        .query_selector(".rr-load input")
        .unwrap()
        .expect("a record file picker");
    let before = f.text(".rr-notice");
    let parts = js_sys::Array::of1(&text.into());
    let file = web_sys::File::new_with_str_sequence(&parts, "record.json").unwrap();
    let set: js_sys::Function = js_sys::Function::new_with_args(
        "input, file",
        "const dt = new DataTransfer(); dt.items.add(file); input.files = dt.files; \
         input.dispatchEvent(new Event('change', { bubbles: true }));",
    );
    set.call2(&wasm_bindgen::JsValue::NULL, &input, &file)
        .unwrap();
    // The file is read asynchronously: give it a few turns of the event loop.
    for _ in 0..20 {
        let wait = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(wait).await.unwrap();
        yew::scheduler::flush().await;
        if f.text(".rr-notice") != before {
            break;
        }
    }
}

/// Two widgets on one page sharing the progress kept under `key` (emptied first), both at
/// the routine.
async fn two_widgets(key: &str) -> (web_sys::Storage, Fixture, Fixture) {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item(key).unwrap();
    let a = Fixture::new(opts(key)).await;
    let b = Fixture::new(opts(key)).await;
    a.answer_chronic().await;
    b.answer_chronic().await;
    (storage, a, b)
}

#[wasm_bindgen_test]
async fn bad_input_two_widgets_on_one_page_keep_both_sessions_s2() {
    let key = "t-two-widgets";
    let (storage, a, b) = two_widgets(key).await;
    for (f, label) in [(&a, "Better"), (&b, "About the same")] {
        f.click("Start").await;
        // More than half the rolling time, so the session counts toward the plan: 410 s is
        // in the mid-back's get-ready, after 360 s of rolling.
        f.advance(410_000.0).await;
        f.click("End session").await;
        f.click(label).await;
    }
    let stored = Progress::from_text(&storage.get_item(key).unwrap().unwrap()).unwrap();
    assert_eq!(
        stored.sessions.len(),
        2,
        "neither widget's write lost the other's"
    );
    for f in [&a, &b] {
        assert!(
            f.text(".rr-progress-line").contains("Sessions done: 2"),
            "each widget shows both sessions: {}",
            f.text(".rr-progress-line")
        );
    }
}

#[wasm_bindgen_test]
async fn bad_input_a_stop_in_one_widget_shows_at_once_in_the_other_mid_session_s2() {
    let key = "t-two-stop";
    let (_, a, b) = two_widgets(key).await;
    b.click("Start").await;
    assert_eq!(b.count(".rr-player"), 1, "B is mid-session");
    two_worse(&a).await;
    yew::scheduler::flush().await;
    assert_eq!(
        b.count(".rr-stop"),
        1,
        "B's session ends with the advice at once"
    );
    assert_eq!(b.count(".rr-player"), 0);
    // B's next write (its own clearing attempt, a check-in) never takes the stop away.
    drop(a);
    drop(b);
    let c = Fixture::new(opts(key)).await;
    assert_eq!(c.count(".rr-stop"), 1, "a fresh copy shows it too");
}

#[wasm_bindgen_test]
async fn bad_input_malformed_share_link_is_ignored_and_a_good_one_restores_the_routine() {
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("#roll-routine=1zz"))
        .unwrap();
    let f = Fixture::new(opts("t-share-bad")).await;
    f.click("None of these").await;
    assert_eq!(
        f.text(".rr-title"),
        "When did this pain start?",
        "questions start fresh"
    );
    drop(f);
    // 0x0e: chronic, sitting, morning, standard.
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("#roll-routine=10e"))
        .unwrap();
    let f = Fixture::new(opts("t-share-good")).await;
    assert_eq!(
        f.text(".rr-title"),
        "First, a quick safety check",
        "S7: the opener answers the safety check"
    );
    f.click("None of these").await;
    assert_eq!(
        f.text(".rr-title"),
        "When did this pain start?",
        "S7: and says when their own pain started"
    );
    f.click("Longer ago").await;
    assert_eq!(f.count("[data-routine]"), 2);
    assert_eq!(
        f.host
            .query_selector(".rr-step")
            .unwrap()
            .unwrap()
            .get_attribute("data-muscle")
            .as_deref(),
        Some("hip-flexors")
    );
    drop(f);
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("#"))
        .unwrap();
}

#[wasm_bindgen_test]
async fn bad_input_rapid_repeated_clicks_keep_the_state_consistent() {
    let f = Fixture::new(opts("t-rapid")).await;
    let none = f
        .host
        .query_selector(".rr-primary")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>();
    for _ in 0..10 {
        none.click();
    }
    yew::scheduler::flush().await;
    assert_eq!(f.text(".rr-title"), "When did this pain start?");
    f.click("Longer ago").await;
    f.click("Neither").await;
    let start = f
        .host
        .query_selector(".rr-start")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>();
    for _ in 0..10 {
        start.click();
    }
    yew::scheduler::flush().await;
    let skip = || {
        let b = f
            .host
            .query_selector_all(".rr-control")
            .unwrap()
            .item(2)
            .unwrap();
        b.unchecked_into::<HtmlElement>().click();
    };
    for _ in 0..5 {
        skip();
    }
    yew::scheduler::flush().await;
    // From the glutes (left), five skips: glutes right, hip flexors left and right, mid-back, lats left.
    assert_eq!(f.text(".rr-kicker"), "Step 4 of 4");
    assert_eq!(f.text(".rr-side"), "LEFT SIDE");
    for _ in 0..40 {
        skip();
    }
    yew::scheduler::flush().await;
    assert_eq!(f.text(".rr-kicker"), "Session done");
}

/// Counts live timeouts and visibility listeners by wrapping the page's own functions.
fn instrument() {
    js("if (!window.__rrTimers) {
          window.__rrTimers = new Set(); window.__rrListeners = 0;
          const st = window.setTimeout.bind(window), ct = window.clearTimeout.bind(window);
          window.setTimeout = (f, ms, ...a) => { const id = st((...x) => { window.__rrTimers.delete(id); f(...x); }, ms, ...a); window.__rrTimers.add(id); return id; };
          window.clearTimeout = (id) => { window.__rrTimers.delete(id); ct(id); };
          const ae = Document.prototype.addEventListener, re = Document.prototype.removeEventListener;
          const watched = (t) => t === 'visibilitychange' || t === 'resume';
          Document.prototype.addEventListener = function (t, ...r) { if (watched(t)) window.__rrListeners++; return ae.call(this, t, ...r); };
          Document.prototype.removeEventListener = function (t, ...r) { if (watched(t)) window.__rrListeners--; return re.call(this, t, ...r); };
        }");
}

#[wasm_bindgen_test]
async fn bad_input_unmount_during_a_session_leaves_no_timer_or_listener() {
    instrument();
    // A widget unmounted by the test before is destroyed at the next flush: let it go first.
    yew::scheduler::flush().await;
    let listeners = || js("return window.__rrListeners").as_f64().unwrap();
    let before_listeners = listeners();
    let mut f = Fixture::new(opts("t-unmount")).await;
    f.answer_chronic().await;
    f.click("Start").await;
    let timers_running = js("return window.__rrTimers.size").as_f64().unwrap();
    assert!(timers_running >= 1.0, "a timeout is set while running");
    assert_eq!(
        listeners(),
        before_listeners + 2.0,
        "visibilitychange and resume"
    );
    f.unmount();
    yew::scheduler::flush().await;
    assert_eq!(
        js("return window.__rrTimers.size").as_f64().unwrap(),
        0.0,
        "no timeout left behind"
    );
    assert_eq!(listeners(), before_listeners, "no listener left behind");
    assert_eq!(
        f.host.inner_html(),
        "<a href=\"/fallback\">fallback</a>",
        "the host is as it was"
    );
}

#[wasm_bindgen_test]
async fn bad_input_sound_vibration_and_wake_lock_refused_the_session_runs_silently() {
    // wasm-bindgen binds the AudioContext constructor when the module loads, so refusal is
    // staged on its prototype, which every call goes through.
    js("const P = AudioContext.prototype; window.__rrAudio = { resume: P.resume, osc: P.createOscillator };
        P.resume = function () { throw new Error('no audio'); };
        P.createOscillator = function () { throw new Error('no audio'); };
        try { Object.defineProperty(navigator, 'wakeLock', { configurable: true, value: { request: () => Promise.reject(new Error('denied')) } }); } catch (e) {}
        try { Object.defineProperty(navigator, 'vibrate', { configurable: true, value: () => { throw new Error('no'); } }); } catch (e) {}");
    let f = Fixture::new(opts("t-silent")).await;
    f.answer_chronic().await;
    f.click("Start").await;
    f.advance(12_000.0).await;
    assert_eq!(f.text(".rr-phase"), "ROLL");
    assert_eq!(f.text(".rr-count"), "1:28");
    drop(f);
    js("AudioContext.prototype.resume = window.__rrAudio.resume; AudioContext.prototype.createOscillator = window.__rrAudio.osc;
        delete navigator.wakeLock; delete navigator.vibrate;");
}

#[wasm_bindgen_test]
async fn bad_input_mount_target_missing_or_mounted_twice_is_a_clear_error() {
    let f = Fixture::new(opts("t-twice")).await;
    let before = f.host.inner_html();
    let again = mount(&f.host, Options::default(), Clock::performance());
    assert_eq!(again.err(), Some(MountError::AlreadyMounted));
    assert_eq!(f.host.inner_html(), before, "the page is untouched");
    let detached = doc().create_element("div").unwrap();
    assert_eq!(
        mount(&detached, Options::default(), Clock::performance()).err(),
        Some(MountError::MissingTarget)
    );
    let err = roll_routine::js_api::mount_js(None, wasm_bindgen::JsValue::UNDEFINED)
        .err()
        .unwrap();
    let msg: wasm_bindgen::JsValue = err.into();
    assert!(js_sys::Reflect::get(&msg, &"message".into())
        .unwrap()
        .as_string()
        .unwrap()
        .contains("missing"));
}

#[wasm_bindgen_test]
async fn bad_input_javascript_link_base_is_refused_and_links_use_the_default() {
    let host = doc().create_element("div").unwrap();
    host.set_attribute("data-base", "javascript:alert(1)")
        .unwrap();
    host.set_attribute("data-colour", "red").unwrap();
    doc().body().unwrap().append_child(&host).unwrap();
    js("window.__rrWarn = []; window.__rrW = console.warn; console.warn = (...a) => window.__rrWarn.push(String(a[0]));");
    let mut h =
        roll_routine::js_api::mount_js(Some(host.clone()), wasm_bindgen::JsValue::UNDEFINED)
            .unwrap();
    js("console.warn = window.__rrW;");
    let warnings = js("return window.__rrWarn.join('\\n')")
        .as_string()
        .unwrap();
    assert_eq!(warnings.lines().count(), 2, "{warnings}");
    assert!(warnings.contains("base") && warnings.contains("colour"));
    yew::scheduler::flush().await;
    for label in ["None of these", "Longer ago", "Neither"] {
        let buttons = host.query_selector_all("button").unwrap();
        let b = (0..buttons.length())
            .filter_map(|i| buttons.item(i))
            .find(|b| b.text_content().unwrap().contains(label))
            .unwrap();
        b.unchecked_into::<HtmlElement>().click();
        yew::scheduler::flush().await;
    }
    let links = host.query_selector_all("a.rr-more").unwrap();
    assert!(links.length() > 0);
    for i in 0..links.length() {
        let href = links
            .item(i)
            .unwrap()
            .unchecked_into::<Element>()
            .get_attribute("href")
            .unwrap();
        assert!(href.starts_with("https://321strong.com/"), "{href}");
    }
    h.unmount();
    host.remove();
}

#[wasm_bindgen_test]
async fn host_events_bubble_and_carry_no_health_answers() {
    js("window.__rrEvents = []; document.body.addEventListener('roll-routine:routine-built', e => window.__rrEvents.push(JSON.stringify(e.detail)));
        document.body.addEventListener('roll-routine:safety-stop', e => window.__rrEvents.push('stop:' + JSON.stringify(e.detail)));");
    let f = Fixture::new(opts("t-events")).await;
    f.answer_chronic().await;
    let events = js("return window.__rrEvents.join('|')")
        .as_string()
        .unwrap();
    assert_eq!(events, "{\"family\":\"lower-back\"}");
    drop(f);
    let f = Fixture::new(opts("t-events2")).await;
    f.click("Numbness or tingling").await;
    f.click("Continue").await;
    let events = js("return window.__rrEvents.join('|')")
        .as_string()
        .unwrap();
    assert!(
        events.ends_with("stop:{\"family\":\"lower-back\"}"),
        "{events}"
    );
}

#[wasm_bindgen_test]
async fn the_forearms_family_is_chosen_by_the_host_f1() {
    let f = Fixture::new(Options {
        family: &roll_routine::core::content::FOREARMS,
        ..opts("t-forearms")
    })
    .await;
    assert_eq!(f.text(".rr-title"), "What are you rolling for?");
    f.click("A warm-up").await;
    assert_eq!(f.count(".rr-step"), 3);
    assert_eq!(f.count(".rr-warning"), 0, "no lumbar warning on hands");
    assert_eq!(
        f.count("a.rr-more"),
        0,
        "E2: no set link unless the host gives one"
    );
}

#[wasm_bindgen_test]
async fn bad_input_an_internal_error_shows_a_short_message_and_the_page_keeps_working() {
    // The panic hook's work, called directly: a real panic aborts the wasm instance that
    // the other tests share.
    let a = Fixture::new(opts("t-error-a")).await;
    let b = Fixture::new(opts("t-error-b")).await;
    let sibling = doc().create_element("p").unwrap();
    sibling.set_text_content(Some("host text"));
    doc().body().unwrap().append_child(&sibling).unwrap();
    roll_routine::panic::show_internal_error();
    for f in [&a, &b] {
        assert!(f.text(".rr-error").contains("stopped working"));
        assert_eq!(f.count(".rr-title"), 0);
        assert_eq!(
            f.host
                .query_selector(".rr-error")
                .unwrap()
                .unwrap()
                .get_attribute("role")
                .as_deref(),
            Some("alert")
        );
    }
    assert_eq!(
        sibling.text_content().as_deref(),
        Some("host text"),
        "the host page is untouched"
    );
    sibling.remove();
}

#[wasm_bindgen_test]
async fn bad_input_speech_that_throws_leaves_the_session_running() {
    js("window.__rrSS = Object.getOwnPropertyDescriptor(window, 'speechSynthesis');
        Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: { cancel() { throw new Error('no'); }, speak() { throw new Error('no'); } } });");
    let f = Fixture::new(opts("t-speech")).await;
    f.answer_chronic().await;
    f.click("Start").await;
    f.click("Spoken cues: off").await;
    assert!(f.text(".rr-player").contains("Spoken cues: on"));
    f.advance(10_000.0).await;
    assert_eq!(
        f.text(".rr-phase"),
        "ROLL",
        "the cue was attempted and the session went on"
    );
    drop(f);
    js("if (window.__rrSS) Object.defineProperty(window, 'speechSynthesis', window.__rrSS); else delete window.speechSynthesis;");
}

#[wasm_bindgen_test]
async fn the_screen_stays_awake_while_running_and_sound_is_set_up_and_released() {
    // Recording stand-ins for the Wake Lock and Web Audio APIs.
    js("window.__rrLog = [];
        const P = AudioContext.prototype;
        window.__rrAudio2 = { resume: P.resume, osc: P.createOscillator, close: P.close };
        P.resume = function () { window.__rrLog.push('audio'); return window.__rrAudio2.resume.call(this); };
        P.createOscillator = function () { window.__rrLog.push('tone'); return window.__rrAudio2.osc.call(this); };
        P.close = function () { window.__rrLog.push('audio-closed'); return window.__rrAudio2.close.call(this); };
        Object.defineProperty(navigator, 'wakeLock', { configurable: true, value: { request: (t) => {
          window.__rrLog.push('lock:' + t);
          return Promise.resolve({ release() { window.__rrLog.push('released'); return Promise.resolve(); } });
        } } });");
    let log = || js("return window.__rrLog.join(',')").as_string().unwrap();
    let mut f = Fixture::new(opts("t-awake")).await;
    f.answer_chronic().await;
    let before = log();
    assert!(
        !before.contains("audio,")
            && !before.ends_with("audio")
            && !before.contains("tone")
            && !before.contains("lock"),
        "no sound or wake lock before the session starts: {before}"
    );
    js("window.__rrLog = [];");
    f.click("Start").await;
    // Let the wake-lock promise settle.
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL))
        .await
        .unwrap();
    yew::scheduler::flush().await;
    assert!(
        log().starts_with("audio,"),
        "sound is unlocked inside the Start click: {}",
        log()
    );
    assert!(
        log().contains("tone"),
        "a tone marks the first segment: {}",
        log()
    );
    assert!(log().contains("lock:screen"), "{}", log());
    f.click("End session").await;
    assert!(
        log().contains("released"),
        "the wake lock goes with the session: {}",
        log()
    );
    f.unmount();
    yew::scheduler::flush().await;
    assert!(log().ends_with("audio-closed"), "{}", log());
    js("const P = AudioContext.prototype; P.resume = window.__rrAudio2.resume; P.createOscillator = window.__rrAudio2.osc;
        P.close = window.__rrAudio2.close; delete navigator.wakeLock;");
}

#[wasm_bindgen_test]
async fn a_remount_reuses_the_parked_root_and_starts_a_fresh_widget() {
    // The memory budget (widget.md: no growth over 100 mount/unmount cycles): Yew 0.23 never
    // frees an app root's event listeners, so unmount parks the root for the next mount
    // instead of destroying it (see src/mount.rs). The reused root must not carry anything
    // over from the widget it held before.
    let mut f = Fixture::new(opts("t-remount")).await;
    f.answer_chronic().await;
    f.click("Start").await;
    assert_eq!(f.count(".rr-player"), 1);
    let first_root = f.host.first_element_child().unwrap();
    f.unmount();
    yew::scheduler::flush().await;
    assert!(!first_root.is_connected(), "a parked root leaves the page");
    assert_eq!(
        first_root.child_element_count(),
        0,
        "a parked root is empty"
    );

    // Another storage key: this is about what the root carries, not what storage keeps.
    let g = Fixture::new(opts("t-remount-fresh")).await;
    let root = g.host.first_element_child().unwrap();
    assert!(
        root.is_same_node(Some(&first_root)),
        "the parked root is reused"
    );
    assert_eq!(root.class_name(), "rr");
    assert_eq!(g.text(".rr-title"), "First, a quick safety check");
    assert_eq!(g.count(".rr-player"), 0);
    // It still answers clicks: its delegated listeners came with it.
    g.answer_chronic().await;
    assert_eq!(g.count(".rr-step"), 4);
}

#[wasm_bindgen_test]
async fn bad_input_a_wake_lock_granted_after_unmount_is_released_at_once() {
    // Bad-input row "unmount or navigation during a session": no wake lock left behind.
    // The browser may grant the lock only after the reader has left: the widget must not
    // keep the screen awake for nobody.
    js("window.__rrLog = [];
        Object.defineProperty(navigator, 'wakeLock', { configurable: true, value: { request: () =>
          new Promise((grant) => { window.__rrGrant = () => grant({ release() { window.__rrLog.push('released'); return Promise.resolve(); } }); })
        } });");
    let settle = || async {
        wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(
            &wasm_bindgen::JsValue::NULL,
        ))
        .await
        .unwrap();
    };
    let mut f = Fixture::new(opts("t-late-lock")).await;
    f.answer_chronic().await;
    f.click("Start").await;
    f.unmount();
    yew::scheduler::flush().await;
    assert_eq!(
        js("return window.__rrLog.join(',')").as_string().unwrap(),
        ""
    );
    js("window.__rrGrant();");
    settle().await;
    settle().await;
    assert_eq!(
        js("return window.__rrLog.join(',')").as_string().unwrap(),
        "released"
    );
    js("delete navigator.wakeLock; delete window.__rrGrant;");
}

// ---- Pictures and the player from a metre away ----

/// The text alternative of every pictogram under `sel`.
fn picture_titles(f: &Fixture, sel: &str) -> Vec<String> {
    let svgs = f
        .host
        .query_selector_all(&format!("{sel} svg[role=img] > title"))
        .unwrap();
    (0..svgs.length())
        .map(|i| svgs.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn every_step_and_piece_of_equipment_has_a_picture_with_a_text_alternative() {
    for (family, answer) in [
        (&LOWER_BACK, None),
        (
            &roll_routine::core::content::FOREARMS,
            Some("Recovery after grip"),
        ),
    ] {
        let f = Fixture::new(Options {
            family,
            storage_key: Some(format!("t-pictures-{}", family.id)),
            ..Options::default()
        })
        .await;
        match answer {
            None => f.answer_chronic().await,
            Some(a) => f.click(a).await,
        }
        let steps = f.count(".rr-step");
        let titles = picture_titles(&f, ".rr-step");
        assert_eq!(titles.len() as u32, steps, "{}", family.id);
        assert!(titles.iter().all(|t| t.len() > 20), "{titles:?}");
        let kit = picture_titles(&f, ".rr-kit");
        assert!(!kit.is_empty() && kit.iter().all(|t| !t.is_empty()));
        // In the player, the position is shown large with its text alternative.
        f.click("Start").await;
        assert_eq!(picture_titles(&f, ".rr-player-fig").len(), 1);
    }
}

/// The picture beside the countdown when the widget is wide (a phone on its side), above it
/// when narrow (portrait).
#[wasm_bindgen_test]
async fn the_player_puts_the_picture_beside_the_countdown_in_landscape_and_above_it_in_portrait() {
    with_css();
    let f = Fixture::new(opts("t-layout")).await;
    f.answer_chronic().await;
    f.click("Start").await;
    let rect = |sel: &str| {
        f.host
            .query_selector(sel)
            .unwrap()
            .unwrap()
            .get_bounding_client_rect()
    };
    f.host.set_attribute("style", "width: 740px").unwrap();
    let (fig, count) = (rect(".rr-player-fig"), rect(".rr-count"));
    assert!(fig.right() <= count.left() + 1.0, "side by side at 740 px");
    assert!(count.height() >= 60.0, "a countdown read from a metre away");
    f.host.set_attribute("style", "width: 340px").unwrap();
    let (fig, count) = (rect(".rr-player-fig"), rect(".rr-count"));
    assert!(fig.bottom() <= count.top() + 1.0, "stacked at 340 px");
    assert_eq!(f.text(".rr-side"), "LEFT SIDE");
    assert!(
        f.text(".rr-cue").split_whitespace().count() <= 8,
        "one short cue line"
    );
    // The full how-to is behind "How?".
    let how = f.host.query_selector(".rr-howto").unwrap().unwrap();
    assert!(!how.has_attribute("open"));
}

#[wasm_bindgen_test]
async fn d3_one_tap_holds_a_tender_spot_for_30_s_inside_the_side() {
    let f = Fixture::new(opts("t-hold")).await;
    f.answer_chronic().await;
    f.click("Start").await;
    assert_eq!(f.count(".rr-hold-button"), 0, "no hold while getting ready");
    f.advance(10_000.0).await;
    assert_eq!(f.text(".rr-count"), "1:30");
    f.advance(5_000.0).await;
    f.click("Tender spot? Stay on it").await;
    assert_eq!(f.text(".rr-hold-count"), "Hold 0:30");
    f.advance(12_000.0).await;
    assert_eq!(f.text(".rr-hold-count"), "Hold 0:18");
    assert_eq!(f.text(".rr-count"), "1:25", "the side waits while holding");
    // Pause holds the hold too.
    f.click("Pause").await;
    f.advance(60_000.0).await;
    assert_eq!(f.text(".rr-hold-count"), "Hold 0:18");
    f.click("Resume").await;
    // Its end, after a long gap: the side goes on from where it waited.
    f.advance(18_000.0 + 4_000.0).await;
    assert_eq!(f.count(".rr-hold-count"), 0);
    assert_eq!(f.text(".rr-count"), "1:21");
    // Let go early.
    f.click("Tender spot? Stay on it").await;
    f.advance(3_000.0).await;
    f.click("Let go").await;
    assert_eq!(f.count(".rr-hold-count"), 0);
    assert_eq!(f.text(".rr-count"), "1:21");
}

#[wasm_bindgen_test]
async fn reminders_are_picked_with_one_tap_per_time_of_day_p2_f2() {
    let f = Fixture::new(opts("t-remind")).await;
    f.click("None of these").await;
    f.click("Longer ago").await;
    f.click("stiff first thing").await;
    f.click("Continue").await;
    f.click("Add reminders").await;
    // The full routine in the evening, the morning routine in the morning (P2).
    let rows = f.host.query_selector_all(".rr-remind-row").unwrap();
    assert_eq!(rows.length(), 2);
    let pressed = |i: u32| {
        rows.item(i)
            .unwrap()
            .unchecked_into::<Element>()
            .query_selector("[aria-pressed=true]")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert_eq!(pressed(0), "18:00");
    assert_eq!(pressed(1), "07:00");
    f.click("06:30").await;
    let rows = f.host.query_selector_all(".rr-remind-row").unwrap();
    assert_eq!(
        rows.item(1)
            .unwrap()
            .unchecked_into::<Element>()
            .query_selector("[aria-pressed=true]")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "06:30"
    );
}

// ---- Embedding: options through serde, the custom element's attributes, Drop ----

/// Runs `f` with console.warn captured; returns the warnings.
fn warnings_of(f: impl FnOnce()) -> Vec<String> {
    js("window.__rrWarn = []; window.__rrW = console.warn; console.warn = (...a) => window.__rrWarn.push(String(a[0]));");
    f();
    js("console.warn = window.__rrW;");
    js("return window.__rrWarn.join('\\n')")
        .as_string()
        .unwrap()
        .lines()
        .map(String::from)
        .collect()
}

fn fresh(tag: &str) -> Element {
    let host = doc().create_element(tag).unwrap();
    host.set_inner_html("<a href=\"/fallback\">fallback</a>");
    doc().body().unwrap().append_child(&host).unwrap();
    host
}

#[wasm_bindgen_test]
async fn bad_input_a_js_options_object_is_read_with_one_warning_per_bad_option() {
    let host = fresh("div");
    let mut handle = None;
    let w = warnings_of(|| {
        let options = js("return { family: 'forearms', storageKey: 7, colour: 'red', remember: null, setUrl: undefined }");
        handle = Some(roll_routine::js_api::mount_js(Some(host.clone()), options).unwrap());
    });
    assert_eq!(w.len(), 2, "{w:?}");
    assert!(
        w[0].contains("storageKey") && w[1].contains("colour"),
        "{w:?}"
    );
    yew::scheduler::flush().await;
    let title = host.query_selector(".rr-title").unwrap().unwrap();
    assert_eq!(title.text_content().unwrap(), "What are you rolling for?");
    handle.unwrap().unmount();
    assert_eq!(host.inner_html(), "<a href=\"/fallback\">fallback</a>");

    let w = warnings_of(|| {
        let h = roll_routine::js_api::mount_js(Some(host.clone()), 5.into()).unwrap();
        drop(h);
    });
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].contains("must be an object"));
    host.remove();
}

#[wasm_bindgen_test]
async fn the_custom_element_takes_its_options_from_plain_attributes() {
    let host = fresh("roll-routine");
    host.set_attribute("family", "forearms").unwrap();
    host.set_attribute("storage-key", "t-element").unwrap();
    host.set_attribute("class", "the-page-s-own").unwrap();
    host.set_attribute("remember", "maybe").unwrap();
    let (o, w) = roll_routine::mount::options_from_attributes(&host);
    assert_eq!(o.family.id, "forearms");
    assert_eq!(o.storage_key(), "t-element");
    assert!(o.remember);
    assert_eq!(
        w.len(),
        1,
        "class is the page's own, remember is bad: {w:?}"
    );
    assert!(w[0].contains("remember"));
    host.remove();
}

#[wasm_bindgen_test]
async fn dropping_a_handle_unmounts_and_parks_the_root() {
    let host = fresh("div");
    let h = mount(&host, opts("t-drop"), Clock::performance()).unwrap();
    yew::scheduler::flush().await;
    assert_eq!(host.query_selector_all(".rr-title").unwrap().length(), 1);
    drop(h);
    yew::scheduler::flush().await;
    assert_eq!(host.inner_html(), "<a href=\"/fallback\">fallback</a>");
    assert!(!host.has_attribute("data-roll-routine-mounted"));
    host.remove();
}

#[wasm_bindgen_test]
async fn a_host_event_detail_is_built_by_serde() {
    let host = fresh("div");
    js("window.__rrDetail = null; document.body.addEventListener('rr-test', e => window.__rrDetail = JSON.stringify(e.detail));");
    roll_routine::browser::emit_detail(
        &host,
        "rr-test",
        &roll_routine::options::Detail { family: "forearms" },
    );
    assert_eq!(
        js("return window.__rrDetail").as_string().unwrap(),
        "{\"family\":\"forearms\"}"
    );
    host.remove();
}

/// Records the frequency of every tone and the text of every spoken cue.
fn record_cues() {
    js("window.__rrTones = []; window.__rrSaid = [];
        const P = AudioContext.prototype;
        if (!window.__rrOsc) window.__rrOsc = P.createOscillator;
        P.createOscillator = function () {
          const o = window.__rrOsc.call(this);
          Object.defineProperty(o.frequency, 'value', { configurable: true, set(v) { window.__rrTones.push(Math.round(v)); }, get() { return 0; } });
          return o;
        };
        window.__rrSpeech = Object.getOwnPropertyDescriptor(window, 'speechSynthesis');
        Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {
          cancel() {}, speak(u) { window.__rrSaid.push(u.text); } } });");
}

fn restore_cues() {
    js("AudioContext.prototype.createOscillator = window.__rrOsc;
        if (window.__rrSpeech) Object.defineProperty(window, 'speechSynthesis', window.__rrSpeech); else delete window.speechSynthesis;");
}

#[wasm_bindgen_test]
async fn cues_are_heard_on_the_injected_clock_counts_starts_and_spoken_side_and_muscle() {
    record_cues();
    let f = Fixture::new(opts("t-cues")).await;
    f.answer_chronic().await;
    f.click("Start").await;
    f.click("Spoken cues: off").await;
    let tones = || js("return window.__rrTones.join(',')").as_string().unwrap();
    assert_eq!(tones(), "660", "a lower tone as the get-ready starts");
    for _ in 0..10 {
        f.advance(1_000.0).await;
    }
    // A soft count on the last three seconds, then the higher tone as rolling starts.
    assert_eq!(tones(), "660,520,520,520,880");
    let said = js("return window.__rrSaid.join('|')").as_string().unwrap();
    assert_eq!(said, "Left side. Glutes. Roll slowly.");
    // Halfway through the side.
    for _ in 0..45 {
        f.advance(1_000.0).await;
    }
    let said = js("return window.__rrSaid.join('|')").as_string().unwrap();
    assert!(said.ends_with("|Halfway."), "{said}");
    drop(f);
    restore_cues();
}

#[wasm_bindgen_test]
async fn the_progress_picture_shows_every_kind_of_check_in_and_the_record_is_saved_and_cleared() {
    use roll_routine::core::share;
    let key = "t-progress-picture";
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let today =
        js("return Math.floor((Date.now() - new Date().getTimezoneOffset() * 60000) / 86400000)")
            .as_f64()
            .unwrap() as i32;
    let answers = share::encode(&Answers {
        onset: Some(Onset::Chronic),
        ..Answers::default()
    });
    // Better, same, worse, numbness (H), then a clinician's check covering all four, then a
    // short session that does not count; today's safety check done.
    let d = today - 3;
    storage
        .set_item(
            key,
            &format!(
                "rr2;{answers};;{today};{today}:4;{d}b1,{d}s1,{}w1,{}H1,{today}b0",
                d + 1,
                d + 2
            ),
        )
        .unwrap();
    let f = Fixture::new(opts(key)).await;
    let cells = f.host.query_selector_all(".rr-grid li").unwrap();
    let kinds: Vec<String> = (0..cells.length())
        .map(|i| {
            cells
                .item(i)
                .unwrap()
                .unchecked_into::<Element>()
                .get_attribute("data-cell")
                .unwrap()
        })
        .collect();
    assert_eq!(kinds.len(), 14, "the plan's span");
    assert_eq!(
        &kinds[..6],
        ["better", "same", "worse", "stopped", "next", "ahead"]
    );
    assert!(
        f.text(".rr-grid").contains("Session 3: Worse"),
        "readable as text"
    );
    assert!(f
        .text(".rr-progress-line")
        .contains("Sessions done: 4 of 14"));
    assert!(f.text(".rr-cleared").contains("clinician checked you"));
    // Save my record: a JSON file through the serde types.
    js("window.__rrBlob = null; window.__rrURL = URL.createObjectURL;
        URL.createObjectURL = (b) => { window.__rrBlob = b; return 'blob:test'; };
        window.__rrAClick = HTMLAnchorElement.prototype.click; HTMLAnchorElement.prototype.click = function () {};");
    f.click("Save my record").await;
    let blob: web_sys::Blob = js("return window.__rrBlob").unchecked_into();
    let text = wasm_bindgen_futures::JsFuture::from(blob.text())
        .await
        .unwrap()
        .as_string()
        .unwrap();
    js("URL.createObjectURL = window.__rrURL; HTMLAnchorElement.prototype.click = window.__rrAClick;");
    let record = js_sys::JSON::parse(&text).unwrap();
    let get = |v: &wasm_bindgen::JsValue, k: &str| js_sys::Reflect::get(v, &k.into()).unwrap();
    assert_eq!(
        get(&record, "format").as_string().unwrap(),
        "roll-routine record 2"
    );
    let sessions: js_sys::Array = get(&record, "sessions").unchecked_into();
    assert_eq!(sessions.length(), 5);
    assert_eq!(get(&sessions.get(2), "felt").as_string().unwrap(), "worse");
    assert!(!text.contains("onset"), "no answers in the record");
    // The record moves: loaded on "another device" (another storage key), it merges.
    let other_key = "t-record-other-device";
    storage.remove_item(other_key).unwrap();
    let other = Fixture::new(opts(other_key)).await;
    other.answer_chronic().await;
    load_file(&other, "{\"format\":\"something else\"}").await;
    assert!(other
        .text(".rr-notice")
        .contains("not a roll-routine record"));
    load_file(&other, &"x".repeat(70_000)).await;
    assert!(other.text(".rr-notice").contains("too large"));
    assert!(
        storage
            .get_item(other_key)
            .unwrap()
            .unwrap()
            .contains(";;;;"),
        "nothing changed"
    );
    load_file(&other, &text).await;
    assert!(
        other.text(".rr-notice").contains("5 sessions added"),
        "{}",
        other.text(".rr-notice")
    );
    let moved = Progress::from_text(&storage.get_item(other_key).unwrap().unwrap()).unwrap();
    assert_eq!(moved.sessions.len(), 5);
    drop(other);
    // Clear: the reader's right (S6).
    f.click("Clear saved data").await;
    let left = Progress::from_text(&storage.get_item(key).unwrap().unwrap()).unwrap();
    assert!(left.sessions.is_empty() && left.cleared.is_some());
    assert!(f
        .text(".rr-progress-line")
        .contains("Sessions done: 0 of 14"));
}

/// Issue 21: at phone size (the routine mounted in a 360 × 740 element) the first screen
/// holds the plan in one line, the stop signs (S2) and Start; each routine of the plan has
/// its own Start; steps are one line each until tapped.
#[wasm_bindgen_test]
async fn start_is_on_the_first_screen_at_360_by_740_after_the_stop_signs_s2() {
    with_css();
    for (key, extras, routines) in [
        ("t-first-screen", None, 1),
        ("t-first-screen-morning", Some("stiff first thing"), 2),
    ] {
        let f = Fixture::new(opts(key)).await;
        f.host
            .set_attribute(
                "style",
                "display:block;width:360px;height:740px;overflow:auto",
            )
            .unwrap();
        f.click("None of these").await;
        f.click("Longer ago").await;
        match extras {
            Some(e) => {
                f.click(e).await;
                f.click("Continue").await;
            }
            None => f.click("Neither").await,
        }
        let top = f.host.get_bounding_client_rect().top();
        assert_eq!(f.count(".rr-start"), routines, "each routine its own Start");
        let start = rect(&f, ".rr-start");
        assert!(
            start.bottom() - top <= 740.0,
            "Start ends at {} px, below the first 740 px",
            start.bottom() - top
        );
        assert!(start.height() >= 44.0, "a large target");
        let signs = rect(&f, ".rr-stopsigns");
        assert!(signs.bottom() <= start.top(), "S2 signs before Start");
        assert!(f.text(".rr-stopsigns").contains("worse after each session"));
        assert!(rect(&f, ".rr-summary").bottom() <= start.top());
        assert!(f.text(".rr-summary").contains("min"));
        // One line per step: closed, its picture, name and time (a long name may wrap).
        let steps = f.host.query_selector_all(".rr-step").unwrap();
        for i in 0..steps.length() {
            let el: Element = steps.item(i).unwrap().unchecked_into();
            let h = el.get_bounding_client_rect().height();
            assert!(h <= 120.0, "step {i} is {h} px tall: {}", el.inner_html());
        }
        // The tools come after the steps.
        let last_step = steps
            .item(steps.length() - 1)
            .unwrap()
            .unchecked_into::<Element>();
        assert!(rect(&f, ".rr-toolbox").top() >= last_step.get_bounding_client_rect().bottom());
    }
}

/// Issue 21: focus mode fills the screen (a fixed overlay where the page may not go full
/// screen, as in these tests, whose clicks carry no user activation) with the controls in
/// view; leaving it, by the button or by ending the session, brings the page back to where
/// the reader was.
#[wasm_bindgen_test]
async fn focus_mode_fills_the_screen_and_leaving_it_returns_to_the_same_place() {
    with_css();
    let spacer = doc().create_element("div").unwrap();
    spacer.set_attribute("style", "height:3000px").unwrap();
    let f = Fixture::new(opts("t-fill")).await;
    doc().body().unwrap().append_child(&spacer).unwrap();
    f.answer_chronic().await;
    f.click("Start: Full routine").await;
    let w = web_sys::window().unwrap();
    let scroll = |y: f64| w.scroll_to_with_x_and_y(0.0, y);
    let at = || w.scroll_y().unwrap();
    let view_h = w.inner_height().unwrap().as_f64().unwrap();
    for leave in ["Exit full screen", "End session"] {
        let y0 = f.host.get_bounding_client_rect().top() + at() + 40.0;
        scroll(y0);
        let y0 = at();
        assert_eq!(f.count(".rr-app[data-fill]"), 0);
        f.click("Full screen").await;
        assert_eq!(f.count(".rr-app[data-fill]"), 1);
        let app = rect(&f, ".rr-app");
        assert!(
            app.top().abs() < 1.0 && (app.height() - view_h).abs() < 1.0,
            "fills the screen"
        );
        let controls = rect(&f, ".rr-controls");
        assert!(
            controls.bottom() <= view_h + 0.5,
            "controls in view: {} of {view_h}",
            controls.bottom()
        );
        assert!(f.text(".rr-fill-button").contains("Exit full screen"));
        // Reading elsewhere meanwhile must not matter.
        scroll(0.0);
        f.click(leave).await;
        assert_eq!(f.count(".rr-app[data-fill]"), 0, "left by {leave}");
        assert!((at() - y0).abs() < 1.0, "back at {y0}, not {}", at());
        if leave == "End session" {
            assert_eq!(f.text(".rr-kicker"), "Session ended");
        }
    }
    spacer.remove();
}

/// Issue 21: the get-ready time is the longest wait, not a fixed one: a tap starts the side.
#[wasm_bindgen_test]
async fn a_tap_starts_rolling_before_the_get_ready_time_is_up() {
    let f = Fixture::new(opts("t-begin")).await;
    f.answer_chronic().await;
    f.click("Start: Full routine").await;
    assert_eq!(f.text(".rr-phase"), "GET READY");
    f.advance(2_000.0).await;
    f.click("Start now").await;
    assert_eq!(f.text(".rr-phase"), "ROLL");
    assert_eq!(f.text(".rr-count"), "1:30");
    assert_eq!(f.count(".rr-begin"), 0, "no start button while rolling");
    f.advance(90_000.0).await;
    assert_eq!(f.text(".rr-phase"), "SWITCH");
    f.click("Start now").await;
    assert_eq!(f.text(".rr-side"), "RIGHT SIDE");
    assert_eq!(f.text(".rr-phase"), "ROLL");
}

/// Issue 21: a ticked box looks ticked by a mark, not by colour alone, and the button says
/// what the ticks mean (P2, P3).
#[wasm_bindgen_test]
async fn ticked_and_unticked_differ_by_a_mark_and_the_button_follows_the_ticks() {
    with_css();
    let f = Fixture::new(opts("t-ticks")).await;
    f.click("None of these").await;
    f.click("Longer ago").await;
    let primary = || f.text(".rr-actions .rr-primary");
    assert_eq!(primary(), "Neither: continue");
    let mark = |i: u32| {
        let b = f
            .host
            .query_selector_all(".rr-check")
            .unwrap()
            .item(i)
            .unwrap();
        js_sys::Function::new_with_args("b", "return getComputedStyle(b, '::before').content")
            .call1(&wasm_bindgen::JsValue::NULL, &b)
            .unwrap()
            .as_string()
            .unwrap()
    };
    let unticked = mark(0);
    f.click("It builds up when I sit").await;
    assert_eq!(primary(), "Continue");
    assert!(mark(0).contains('\u{2713}'), "a tick mark: {}", mark(0));
    assert!(
        !unticked.contains('\u{2713}'),
        "no mark unticked: {unticked}"
    );
    assert!(!mark(1).contains('\u{2713}'));
    f.click("It builds up when I sit").await;
    assert_eq!(primary(), "Neither: continue");
}

/// S2, issue 21: the check-in asks about the pain itself, and "only sore where I rolled"
/// counts as no change: two of them never stop the plan, while two "worse" in a row still do.
#[wasm_bindgen_test]
async fn sore_where_i_rolled_is_not_worse_and_two_worse_still_stop_the_plan_s2() {
    let f = Fixture::new(opts("t-sore")).await;
    f.answer_chronic().await;
    f.click("Start").await;
    f.advance(410_000.0).await;
    f.click("End session").await;
    assert!(
        f.text(".rr-title").contains("back pain"),
        "asks about the pain"
    );
    assert!(f
        .text(".rr-finish")
        .contains("not how the spots you just rolled feel"));
    // The signs are set apart from the feelings, in their own box, which says why only
    // these are shown.
    assert_eq!(f.count(".rr-stopsigns .rr-sign"), 2);
    assert_eq!(
        f.count(".rr-finish > .rr-choices > .rr-sign"),
        0,
        "no sign among the feelings"
    );
    assert!(f.text(".rr-stopsigns").contains("after a session"));
    f.click("Only sore where I rolled").await;
    assert!(f.text(".rr-saved").contains("counted as no change"));
    assert_eq!(f.count(".rr-warning"), 0, "no warning for soreness");
    assert_eq!(
        f.count(".rr-grid [data-cell=\"same\"]"),
        1,
        "shown as no change"
    );
    f.click("Back to my routine").await;
    f.counted_session_then("Only sore where I rolled").await;
    assert_eq!(f.count(".rr-grid [data-cell=\"same\"]"), 2);
    f.click("Back to my routine").await;
    assert_eq!(f.count(".rr-stop"), 0, "two sore sessions: no stop");
    assert_eq!(f.count(".rr-start"), 1);
    f.session_then("Worse").await;
    assert_eq!(f.count(".rr-stop"), 0, "one worse: not yet");
    f.click("Back to my routine").await;
    f.session_then("Worse").await;
    assert_eq!(f.count(".rr-stop"), 1, "two worse in a row: the plan stops");
    assert!(f
        .text(".rr-stop")
        .contains("instead of easing over several days"));
}

/// Issue 21: one undo of the check-in while the finish screen is open; the session is then
/// answered again, and only the new answer is kept (S2 counts what the reader meant).
#[wasm_bindgen_test]
async fn the_check_in_can_be_undone_once_while_the_finish_screen_is_open() {
    let f = Fixture::new(opts("t-undo")).await;
    f.answer_chronic().await;
    f.counted_session_then("Worse").await;
    assert_eq!(f.text(".rr-title"), "Session ended");
    assert_eq!(f.count(".rr-grid [data-cell=\"worse\"]"), 1);
    f.click("Undo my answer").await;
    assert!(f.text(".rr-title").contains("back pain"), "asked again");
    assert_eq!(
        f.count(".rr-grid [data-cell=\"worse\"]"),
        0,
        "the answer is gone"
    );
    f.click("Better").await;
    assert_eq!(f.count(".rr-grid [data-cell=\"better\"]"), 1);
    assert_eq!(f.count(".rr-grid [data-cell=\"worse\"]"), 0);
    // Once back on the routine, there is nothing to undo.
    f.click("Back to my routine").await;
    assert!(!f.host.text_content().unwrap().contains("Undo my answer"));
}

/// Issue 21 (E1, L6): a product link says it is the shop's own, an article link does not.
#[wasm_bindgen_test]
async fn product_links_say_they_are_the_shops_own_e1() {
    let f = Fixture::new(opts("t-shop")).await;
    f.answer_chronic().await;
    let links = f.host.query_selector_all("a.rr-more").unwrap();
    let (mut products, mut articles) = (0, 0);
    for i in 0..links.length() {
        let a: Element = links.item(i).unwrap().unchecked_into();
        let (href, text) = (a.get_attribute("href").unwrap(), a.text_content().unwrap());
        if href.contains("/products/") {
            products += 1;
            assert!(text.ends_with("(our shop)"), "{text}");
        } else {
            articles += 1;
            assert!(!text.contains("shop"), "{text}");
        }
    }
    assert!(products >= 2 && articles >= 1, "{products} {articles}");
}

// ---- Issue 19: the picture that moves, and cues you can see. ----

/// The widget's stylesheet, as the loader adds it (the animations live there).
fn widget_css() {
    if doc().get_element_by_id("rr-test-css").is_none() {
        let style = doc().create_element("style").unwrap();
        style.set_id("rr-test-css");
        style.set_text_content(Some(concat!(
            include_str!("../assets/roll-routine.css"),
            include_str!("../assets/roll-routine-widget.css")
        )));
        doc().head().unwrap().append_child(&style).unwrap();
    }
}

/// Waits `ms` of real time: CSS animations run on the document's clock, not the injected one.
async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |done, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&done, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// The first CSS animation on the first `sel` inside the host with id `id`: its name, play
/// state, current time, duration and direction.
#[derive(Debug)]
struct Anim {
    name: String,
    state: String,
    time: f64,
    duration: f64,
    direction: String,
    delay: f64,
}

fn anim(id: &str, sel: &str) -> Option<Anim> {
    let v = js(&format!(
        "const e = document.getElementById('{id}').querySelector('{sel}');
         const a = e && e.getAnimations()[0];
         if (!a) return null;
         const t = a.effect.getComputedTiming();
         return [a.animationName, a.playState, a.currentTime, t.duration, t.direction, t.delay];"
    ));
    if v.is_null() {
        return None;
    }
    let a: js_sys::Array = v.unchecked_into();
    Some(Anim {
        name: a.get(0).as_string().unwrap(),
        state: a.get(1).as_string().unwrap(),
        time: a.get(2).as_f64().unwrap(),
        duration: a.get(3).as_f64().unwrap(),
        direction: a.get(4).as_string().unwrap(),
        delay: a.get(5).as_f64().unwrap(),
    })
}

fn motion(f: &Fixture) -> String {
    f.host
        .query_selector(".rr-player-fig")
        .unwrap()
        .unwrap()
        .get_attribute("data-motion")
        .unwrap_or_default()
}

/// D1 (issue 19): the figure travels one pass each way in the pace time, started with the
/// pace dot and in step with it; it stands still while getting ready, paused and holding.
#[wasm_bindgen_test]
async fn d1_the_figure_rolls_in_step_with_the_pace_dot_and_stops_when_paused_or_holding() {
    widget_css();
    let f = Fixture::new(opts("t-motion")).await;
    f.host.set_id("t-motion");
    f.answer_chronic().await;
    f.click("Start").await;
    // Getting ready: still, though the moving parts are there.
    assert_eq!(motion(&f), "still");
    assert!(f.count(".rr-player-fig .rr-fig-go") > 0);
    assert!(anim("t-motion", ".rr-fig-go").is_none(), "no animation yet");
    f.advance(10_000.0).await;
    assert_eq!(motion(&f), "go");
    let fig = anim("t-motion", ".rr-fig-go").expect("the figure moves while rolling");
    let dot = anim("t-motion", ".rr-pace-dot").expect("the pace dot");
    let pass = roll_routine::core::cues::PASS_MS;
    assert_eq!(
        (fig.name.as_str(), fig.state.as_str()),
        ("rr-go", "running")
    );
    assert_eq!(
        (fig.duration, dot.duration),
        (pass, pass),
        "one pass each way in the pace time"
    );
    assert_eq!(
        (fig.direction.as_str(), dot.direction.as_str()),
        ("alternate", "alternate")
    );
    sleep(600).await;
    let (fig, dot) = (
        anim("t-motion", ".rr-fig-go").unwrap(),
        anim("t-motion", ".rr-pace-dot").unwrap(),
    );
    assert!(fig.time >= 500.0, "it runs: {fig:?}");
    assert!(
        (fig.time - dot.time).abs() < 20.0,
        "in step: {fig:?} {dot:?}"
    );
    // It really travels: the group's transform is off its start.
    let moved = js("return getComputedStyle(document.getElementById('t-motion').querySelector('.rr-fig-go')).transform");
    assert_ne!(
        moved.as_string().unwrap(),
        "none",
        "the body has moved along the pass"
    );
    // Paused with the player: frozen where it was, and so is the dot.
    f.click("Pause").await;
    sleep(50).await; // the pause takes hold at the next frame
    let before = anim("t-motion", ".rr-fig-go").unwrap();
    sleep(200).await;
    let (fig, dot) = (
        anim("t-motion", ".rr-fig-go").unwrap(),
        anim("t-motion", ".rr-pace-dot").unwrap(),
    );
    assert_eq!(
        (fig.state.as_str(), dot.state.as_str()),
        ("paused", "paused")
    );
    assert_eq!(fig.time, before.time, "not moving while paused");
    f.click("Resume").await;
    assert_eq!(anim("t-motion", ".rr-fig-go").unwrap().state, "running");
    // D3: a hold stops it on the spot (the dot too, so they stay in step after it).
    f.click("Tender spot? Stay on it").await;
    assert_eq!(motion(&f), "hold");
    sleep(50).await;
    let before = anim("t-motion", ".rr-fig-go").unwrap();
    sleep(200).await;
    let (fig, dot) = (
        anim("t-motion", ".rr-fig-go").unwrap(),
        anim("t-motion", ".rr-pace-dot").unwrap(),
    );
    assert_eq!(
        (fig.state.as_str(), dot.state.as_str()),
        ("paused", "paused")
    );
    assert_eq!(fig.time, before.time, "not moving during a hold");
    assert!(
        (fig.time - dot.time).abs() < 20.0,
        "still in step: {fig:?} {dot:?}"
    );
    assert_eq!(
        f.count(".rr-player-fig .rr-fig-accent"),
        1,
        "the spot is marked"
    );
    f.click("Let go").await;
    assert_eq!(motion(&f), "go");
    assert_eq!(anim("t-motion", ".rr-fig-go").unwrap().state, "running");
}

/// Issue 19: LEFT and RIGHT look different: a left side is drawn mirrored.
#[wasm_bindgen_test]
async fn the_figure_faces_the_side_being_rolled() {
    widget_css();
    let f = Fixture::new(opts("t-sides")).await;
    f.answer_chronic().await;
    f.click("Start").await;
    f.host.set_id("t-sides");
    let flip = || {
        js("return getComputedStyle(document.getElementById('t-sides').querySelector('.rr-player-fig .rr-fig')).transform")
            .as_string()
            .unwrap()
    };
    let first = (f.text(".rr-side"), flip());
    f.advance(10_000.0 + 90_000.0).await;
    assert_eq!(f.text(".rr-phase"), "SWITCH");
    let second = (f.text(".rr-side"), flip());
    assert_ne!(first.0, second.0);
    let mirrored = |t: &str| t.starts_with("matrix(-1");
    assert!(
        mirrored(&first.1) != mirrored(&second.1),
        "one side mirrored: {first:?} {second:?}"
    );
    let left = if first.0 == "LEFT SIDE" {
        &first.1
    } else {
        &second.1
    };
    assert!(mirrored(left), "LEFT is the mirrored one");
}

/// Issue 19: a visual cue at every get-ready, roll start, side switch, hold end and step
/// end: a new `.rr-flash` element whose animation plays once; and one for "Test sound".
#[wasm_bindgen_test]
async fn a_visual_cue_flashes_at_get_ready_switch_hold_end_and_step_end() {
    widget_css();
    let f = Fixture::new(opts("t-flash")).await;
    f.host.set_id("t-flash");
    f.answer_chronic().await;
    // "Test sound" shows it too, once a press.
    assert_eq!(f.count(".rr-flash"), 0);
    f.click("Test sound").await;
    let mark = || {
        js("window.__rrFlash = document.getElementById('t-flash').querySelector('.rr-flash'); return !!window.__rrFlash")
            .as_bool()
            .unwrap()
    };
    let fresh = || {
        js("const e = document.getElementById('t-flash').querySelector('.rr-flash'); return !!e && e !== window.__rrFlash")
            .as_bool()
            .unwrap()
    };
    assert!(mark(), "Test sound flashes");
    f.click("Test sound").await;
    assert!(fresh(), "and again on a second press");
    let flash = || {
        let a = anim("t-flash", ".rr-flash").expect("the cue's animation");
        assert_eq!(a.name, "rr-flash");
        assert!(a.duration <= 1_000.0, "one short flash");
        // A new cue replaces one not yet shown: at most one flash starts in any third of a
        // second, so never more than three a second however fast the reader skips.
        assert!(a.delay >= 1_000.0 / 3.0, "{a:?}");
    };
    f.click("Start").await;
    assert_eq!(f.text(".rr-phase"), "GET READY");
    assert!(mark(), "get-ready");
    flash();
    f.advance(10_000.0).await;
    assert!(fresh(), "rolling starts");
    assert!(mark());
    f.advance(5_000.0).await;
    assert!(!fresh(), "no cue in the middle of a side");
    f.click("Tender spot? Stay on it").await;
    assert!(!fresh(), "none as a hold starts: the reader tapped it");
    f.advance(30_000.0).await;
    assert_eq!(f.count(".rr-hold-count"), 0);
    assert!(fresh(), "a hold's end");
    flash();
    assert!(mark());
    f.advance(85_000.0).await;
    assert_eq!(f.text(".rr-phase"), "SWITCH");
    assert!(fresh(), "a side switch");
    assert!(mark());
    f.advance(5_000.0 + 90_000.0).await;
    assert_eq!(f.text(".rr-phase"), "GET READY");
    assert_eq!(f.text(".rr-kicker"), "Step 2 of 4");
    assert!(fresh(), "a step's end");
    flash();
    // Skipping fast: each cue replaces the last, one element at a time.
    for _ in 0..4 {
        f.click("Skip").await;
    }
    assert_eq!(
        f.count(".rr-flash"),
        2,
        "the player's one, and Test sound's"
    );
    flash();
}

/// Issue 19: where the browser has the Audio Session API, the cues mix with the reader's
/// music (`ambient`); where reading it throws, everything still works.
#[wasm_bindgen_test]
async fn cues_mix_with_music_where_the_audio_session_api_exists() {
    js("Object.defineProperty(navigator, 'audioSession', { configurable: true, value: { type: 'auto' } })");
    let f = Fixture::new(opts("t-session")).await;
    f.answer_chronic().await;
    f.click("Test sound").await;
    assert_eq!(
        js("return navigator.audioSession.type")
            .as_string()
            .unwrap(),
        "ambient"
    );
    js("Object.defineProperty(navigator, 'audioSession', { configurable: true, get() { throw new Error('no'); } })");
    f.click("Start").await;
    assert_eq!(f.text(".rr-phase"), "GET READY");
    js("delete navigator.audioSession");
}
