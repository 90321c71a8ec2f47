//! The root component: the reducer, and every side effect in an effect of its own (storage,
//! the timer, visibility, wake lock, cues, focus, host events), each cleaned up on unmount.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;
use yew::prelude::*;

use super::finish::{self, FinishProps};
use super::player::{self, cue_text, PlayerProps};
use super::questions::{self, QuestionsProps};
use super::routine::{self, RoutineProps, Tool};
use super::stop::{self, StopProps};
use crate::browser::{self, Clock, Cues};
use crate::core::calendar;
use crate::core::plan::Outcome;
use crate::core::player::{Action, Kind};
use crate::core::progress::Progress;
use crate::core::share;
use crate::options::Options;
use crate::state::{Msg, Phase, State};

/// Props of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// Host options.
    #[prop_or_default]
    pub options: Options,
    /// The clock; tests inject one they move by hand.
    #[prop_or_else(Clock::performance)]
    pub clock: Clock,
    /// The element host events are sent from (the mount target).
    #[prop_or_default]
    pub host: Option<Element>,
}

/// Document events after which the clock may have jumped.
const WAKE_EVENTS: [&str; 2] = ["visibilitychange", "resume"];

/// Which host event the state calls for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum HostEvent {
    None,
    Built,
    SafetyStop,
    Started,
    Completed,
}

fn host_event(state: &State, outcome: &Outcome) -> HostEvent {
    match (&state.phase, outcome) {
        (Phase::Outcome, Outcome::Plan(_)) => HostEvent::Built,
        (Phase::Outcome, Outcome::Stop(_)) => HostEvent::SafetyStop,
        (Phase::Playing { .. }, _) => HostEvent::Started,
        (
            Phase::Finished {
                completed: true, ..
            },
            _,
        ) => HostEvent::Completed,
        _ => HostEvent::None,
    }
}

/// The current segment while playing: (index, kind), the key cues react to.
fn segment_key(state: &State) -> Option<(usize, Kind)> {
    match &state.phase {
        Phase::Playing { player, .. } => player.current().map(|s| (player.index(), s.kind)),
        _ => None,
    }
}

/// The widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let options = &props.options;
    let state = use_reducer(|| State::new(options.family));
    // Built once per render: the body and the host events both read it.
    let outcome = state.outcome();
    let cues = use_mut_ref(Cues::default);
    let speech = use_state(|| false);
    let notice = use_state(|| None::<AttrValue>);
    let wake = use_state(|| 0u32);
    let root = use_node_ref();

    // Every message from a component gets the clock's time here; Start also unlocks sound,
    // inside the reader's click as browsers require.
    let on_msg = {
        let (dispatch, clock, cues) = (state.dispatcher(), props.clock.clone(), cues.clone());
        Callback::from(move |m: Msg| {
            // The clock first: creating the audio context can take tens of milliseconds,
            // which must not be counted into the session.
            let m = m.at(clock.now());
            if matches!(m, Msg::Start { .. }) {
                cues.borrow_mut().unlock();
            }
            dispatch.dispatch(m);
        })
    };

    // Restore: a share link wins over remembered answers; progress comes from storage.
    {
        let (dispatch, key, remember) = (
            state.dispatcher(),
            options.storage_key.clone(),
            options.remember,
        );
        use_effect_with((), move |_| {
            let progress = if remember {
                browser::load(&key)
                    .and_then(|t| Progress::from_text(&t))
                    .unwrap_or_default()
            } else {
                Progress::default()
            };
            let shared = browser::share_code_in_address().and_then(|c| share::decode(&c).ok());
            let answers = shared.or_else(|| progress.answers());
            if answers.is_some() || progress != Progress::default() {
                dispatch.dispatch(Msg::Restore { progress, answers });
            }
        });
    }

    // Persist progress when it changes (not on mount, which would overwrite what is stored
    // before it is read).
    {
        let first = use_mut_ref(|| true);
        let (key, remember) = (options.storage_key.clone(), options.remember);
        use_effect_with(state.progress.clone(), move |p| {
            if std::mem::take(&mut *first.borrow_mut()) || !remember {
                return;
            }
            if *p == Progress::default() {
                browser::remove(&key);
            } else {
                browser::save(&key, &p.to_text());
            }
        });
    }

    // The timer: one timeout at a time, set for the moment the display next changes, owned by
    // this effect and dropped on cleanup. Time is read from the clock, so the count is right
    // whatever the browser did to the timeout meanwhile.
    {
        // The wake-up time on the clock: the last tick's time plus the wait it asks for.
        let wake_at = match &state.phase {
            Phase::Playing { player, .. } => player.next_wake_ms().map(|ms| player.now() + ms),
            _ => None,
        };
        let (dispatch, clock, wake_h) = (state.dispatcher(), props.clock.clone(), wake.clone());
        use_effect_with((wake_at.map(f64::to_bits), *wake), move |(at, w)| {
            let timeout = at.map(f64::from_bits).map(|at| {
                let w = *w;
                // Measured from now, not from the tick: rendering took some time since.
                let delay = (at - clock.now()).ceil().max(0.0) as u32;
                let clock = clock.clone();
                Timeout::new(delay, move || {
                    dispatch.dispatch(Msg::Player(Action::Tick(clock.now())));
                    wake_h.set(w.wrapping_add(1));
                })
            });
            move || drop(timeout)
        });
    }

    // Back from a hidden tab, a frozen page or a sleeping phone (`visibilitychange`, and the
    // Page Lifecycle's `resume`): tick at once, and ask for the wake lock again (browsers
    // release it when the page is hidden).
    let playing = matches!(state.phase, Phase::Playing { .. });
    {
        let (dispatch, clock, wake_h) = (state.dispatcher(), props.clock.clone(), wake.clone());
        use_effect_with(playing, move |&playing| {
            let lock: Rc<RefCell<Option<JsValue>>> = Rc::default();
            let listener = playing.then(|| {
                let lock2 = lock.clone();
                let ask = move || {
                    let lock3 = lock2.clone();
                    browser::request_wake_lock(move |s| *lock3.borrow_mut() = Some(s));
                };
                ask();
                let on_visible = Closure::<dyn Fn()>::new(move || {
                    let visible = web_sys::window()
                        .and_then(|w| w.document())
                        .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
                    dispatch.dispatch(Msg::Player(Action::Tick(clock.now())));
                    wake_h.set(wake_h.wrapping_add(1));
                    if visible {
                        ask();
                    }
                });
                if let Some(d) = web_sys::window().and_then(|w| w.document()) {
                    for name in WAKE_EVENTS {
                        let _ = d.add_event_listener_with_callback(
                            name,
                            on_visible.as_ref().unchecked_ref(),
                        );
                    }
                }
                on_visible
            });
            move || {
                if let (Some(l), Some(d)) = (listener, web_sys::window().and_then(|w| w.document()))
                {
                    for name in WAKE_EVENTS {
                        let _ =
                            d.remove_event_listener_with_callback(name, l.as_ref().unchecked_ref());
                    }
                }
                if let Some(s) = lock.borrow_mut().take() {
                    browser::release_wake_lock(&s);
                }
            }
        });
    }

    // Cues at every new segment: a tone, a vibration, and speech when it is on.
    {
        let key = segment_key(&state);
        let (cues, speak, state2) = (cues.clone(), *speech, state.clone());
        use_effect_with(key, move |key| {
            if let (Some((_, kind)), Phase::Playing { routine, player }) = (key, &state2.phase) {
                cues.borrow().tone(*kind == Kind::Roll);
                browser::vibrate(if *kind == Kind::Roll { 200 } else { 80 });
                if speak {
                    if let Outcome::Plan(plan) = state2.outcome() {
                        browser::speak(&cue_text(&plan.routines[*routine], player));
                    }
                }
            }
        });
    }

    // Sound is closed when the widget goes.
    {
        let cues = cues.clone();
        use_effect_with((), move |_| move || cues.borrow_mut().close());
    }

    // Focus follows the screen, so keyboard and screen-reader users land on the new heading;
    // never on first render, which would pull focus away from the host page.
    {
        let screen = std::mem::discriminant(&state.phase);
        let question = match state.phase {
            Phase::Asking(q) => Some(q),
            _ => None,
        };
        let (root, first) = (root.clone(), use_mut_ref(|| true));
        use_effect_with((screen, question), move |_| {
            if std::mem::take(&mut *first.borrow_mut()) {
                return;
            }
            if let Some(el) = root
                .cast::<Element>()
                .and_then(|r| r.query_selector(".rr-focus").ok().flatten())
            {
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }

    // Host events: routine built, session started, completed, safety stop. They carry the
    // family only, never an answer.
    {
        let (host, family) = (props.host.clone(), options.family.id);
        use_effect_with(host_event(&state, &outcome), move |e| {
            let name = match e {
                HostEvent::Built => Some("roll-routine:routine-built"),
                HostEvent::SafetyStop => Some("roll-routine:safety-stop"),
                HostEvent::Started => Some("roll-routine:session-started"),
                HostEvent::Completed => Some("roll-routine:session-completed"),
                HostEvent::None => None,
            };
            if let (Some(h), Some(n)) = (host, name) {
                browser::emit(&h, n, family);
            }
        });
    }

    let on_tool = {
        let (state, notice, options) = (state.clone(), notice.clone(), options.clone());
        Callback::from(move |t: Tool| {
            let code = share::encode(&state.answers);
            match t {
                Tool::Share => {
                    let ok = browser::share_link(&code).is_some_and(|l| browser::copy(&l));
                    notice.set(Some(
                        if ok {
                            "Link copied. It opens this routine after the safety check."
                        } else {
                            "Couldn't copy the link here."
                        }
                        .into(),
                    ));
                }
                Tool::Print => browser::print(),
                Tool::Remind => {
                    if let Outcome::Plan(p) = state.outcome() {
                        let link = browser::share_link(&code)
                            .unwrap_or_else(|| options.url(p.family.article));
                        browser::download(
                            "foam-rolling-reminders.ics",
                            "text/calendar",
                            &calendar::ics(&p.routines, browser::today(), &link),
                        );
                        notice.set(Some(
                            "Reminders downloaded: open the file to add them to your calendar."
                                .into(),
                        ));
                    }
                }
            }
        })
    };
    let on_speech = {
        let speech = speech.clone();
        Callback::from(move |on: bool| speech.set(on))
    };

    let ask = |question| {
        questions::view(&QuestionsProps {
            family: state.family,
            question,
            answers: &state.answers,
            on_msg: &on_msg,
        })
    };
    let body = match (&state.phase, &outcome) {
        (Phase::Asking(q), _) => ask(*q),
        (_, Outcome::Stop(s)) => stop::view(&StopProps {
            screening: *s,
            worse: state.progress.getting_worse(),
            on_msg: &on_msg,
        }),
        (Phase::Playing { routine, player }, Outcome::Plan(plan)) => player::view(&PlayerProps {
            routine: &plan.routines[*routine],
            player,
            speech: *speech,
            on_msg: &on_msg,
            on_speech: &on_speech,
        }),
        (
            Phase::Finished {
                routine,
                completed,
                checkin,
            },
            Outcome::Plan(plan),
        ) => finish::view(&FinishProps {
            routine: &plan.routines[*routine],
            completed: *completed,
            checkin: *checkin,
            progress: &state.progress,
            on_msg: &on_msg,
        }),
        (_, Outcome::Plan(plan)) => routine::view(&RoutineProps {
            plan,
            answers: &state.answers,
            progress: &state.progress,
            options,
            on_msg: &on_msg,
            on_tool: &on_tool,
            notice: (*notice).clone(),
        }),
        (_, Outcome::Incomplete(q)) => ask(*q),
    };
    html! {
        <div class="rr-app" ref={root} data-family={options.family.id}>
            {body}
            <div class="rr-sr" aria-live="polite">
                { match (&state.phase, &outcome) {
                    (Phase::Playing { routine, player }, Outcome::Plan(plan)) => cue_text(&plan.routines[*routine], player),
                    _ => String::new(),
                } }
            </div>
        </div>
    }
}
