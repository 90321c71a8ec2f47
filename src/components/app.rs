//! The root component: the reducer's state, and the side effects each change calls for
//! (storage, the timer, visibility, wake lock, cues, focus, host events), all released on
//! unmount. A struct component: one place compares the state before and after a change,
//! where hooks would need an effect and a dependency tuple each.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;
use yew::Reducible;

use super::finish::{self, FinishProps};
use super::player::{self, cue_text, PlayerProps};
use super::questions::{self, QuestionsProps};
use super::routine::{self, RoutineProps, Tool};
use super::stop::{self, StopProps};
use crate::awake::Awake;
use crate::browser::{self, Clock, Cues};
use crate::core::calendar;
use crate::core::content::Question;
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

/// The screen on show, and the question when asking: focus moves when it changes.
fn screen_key(state: &State) -> (std::mem::Discriminant<Phase>, Option<Question>) {
    let question = match state.phase {
        Phase::Asking(q) => Some(q),
        _ => None,
    };
    (std::mem::discriminant(&state.phase), question)
}

/// Stored progress, and the answers from a share link (which wins) or from storage.
fn restored(options: &Options) -> Option<Msg> {
    let progress = if options.remember {
        browser::load(&options.storage_key)
            .and_then(|t| Progress::from_text(&t))
            .unwrap_or_default()
    } else {
        Progress::default()
    };
    let shared = browser::share_code_in_address().and_then(|c| share::decode(&c).ok());
    let answers = shared.or_else(|| progress.answers());
    (answers.is_some() || progress != Progress::default())
        .then_some(Msg::Restore { progress, answers })
}

/// What reaches the widget.
pub enum AppMsg {
    /// A message from a screen; the time is put in here.
    Do(Msg),
    /// The timer fired, or the reader came back to the page: read the clock.
    Tick,
    /// A routine tool was used.
    Tool(Tool),
    /// Spoken cues on or off.
    Speech(bool),
}

/// The widget. The reducer ([`State`]) decides; after each change, [`App::after`] runs the
/// effects the change calls for, from the state before and after: storage, the timer, the
/// wake lock and return listener, cues, host events and focus. Everything it holds is
/// released when it goes.
pub struct App {
    state: Rc<State>,
    /// What the state's answers lead to, built once per change: the screens, the cues, the
    /// host events and the tools all read it.
    outcome: Outcome,
    cues: Cues,
    speech: bool,
    notice: Option<AttrValue>,
    /// The one pending timeout, set for the moment the display next changes. Time is read
    /// from the clock, so the count is right whatever the browser did to the timeout.
    timer: Option<Timeout>,
    awake: Option<Awake>,
    /// Focus moves to the new screen's heading after the next render (never on the first,
    /// which would pull focus away from the host page).
    focus: bool,
    root: NodeRef,
    on_msg: Callback<Msg>,
    on_tool: Callback<Tool>,
    on_speech: Callback<bool>,
}

impl App {
    fn apply(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        let before = self.state.clone();
        self.state = before.clone().reduce(msg);
        let changed = !Rc::ptr_eq(&before, &self.state);
        if changed {
            let outcome_before = std::mem::replace(&mut self.outcome, self.state.outcome());
            self.after(ctx, &before, &outcome_before);
        }
        // Every tick sets the next timeout, even one that changed nothing on screen.
        self.schedule(ctx);
        changed
    }

    /// The effects of a change from `before` (and what it led to) to the current state.
    fn after(&mut self, ctx: &Context<Self>, before: &State, outcome_before: &Outcome) {
        let (props, now) = (ctx.props(), &*self.state);
        let options = &props.options;

        if now.progress != before.progress && options.remember {
            if now.progress == Progress::default() {
                browser::remove(&options.storage_key);
            } else {
                browser::save(&options.storage_key, &now.progress.to_text());
            }
        }

        let playing = |s: &State| matches!(s.phase, Phase::Playing { .. });
        match (playing(before), playing(now)) {
            (false, true) => self.awake = Some(Awake::new(ctx.link().callback(|()| AppMsg::Tick))),
            (true, false) => self.awake = None,
            _ => {}
        }

        // Cues at every new segment: a tone, a vibration, and speech when it is on.
        let outcome = &self.outcome;
        let key = segment_key(now);
        if key != segment_key(before) {
            if let (Some((_, kind)), Phase::Playing { routine, player }, Outcome::Plan(plan)) =
                (key, &now.phase, outcome)
            {
                self.cues.tone(kind == Kind::Roll);
                browser::vibrate(if kind == Kind::Roll { 200 } else { 80 });
                if self.speech {
                    browser::speak(&cue_text(&plan.routines[*routine], player));
                }
            }
        }

        // Host events carry the family only, never an answer.
        let event = host_event(now, outcome);
        if event != host_event(before, outcome_before) {
            let name = match event {
                HostEvent::Built => Some("roll-routine:routine-built"),
                HostEvent::SafetyStop => Some("roll-routine:safety-stop"),
                HostEvent::Started => Some("roll-routine:session-started"),
                HostEvent::Completed => Some("roll-routine:session-completed"),
                HostEvent::None => None,
            };
            if let (Some(h), Some(n)) = (&props.host, name) {
                browser::emit(h, n, options.family.id);
            }
        }

        if screen_key(now) != screen_key(before) {
            self.focus = true;
        }
    }

    fn schedule(&mut self, ctx: &Context<Self>) {
        // Dropping the old timeout cancels it.
        self.timer = match &self.state.phase {
            Phase::Playing { player, .. } => player.next_wake_ms().map(|ms| {
                // Measured from now, not from the tick: rendering took some time since.
                let at = player.now() + ms;
                let delay = (at - ctx.props().clock.now()).ceil().max(0.0) as u32;
                let link = ctx.link().clone();
                Timeout::new(delay, move || link.send_message(AppMsg::Tick))
            }),
            _ => None,
        };
    }

    fn tool(&mut self, ctx: &Context<Self>, tool: Tool) {
        // Only the two tools that carry the answers encode them.
        let link = || browser::share_link(&share::encode(&self.state.answers));
        match tool {
            Tool::Share => {
                let ok = link().is_some_and(|l| browser::copy(&l));
                self.notice = Some(
                    if ok {
                        "Link copied. It opens this routine after the safety check."
                    } else {
                        "Couldn't copy the link here."
                    }
                    .into(),
                );
            }
            Tool::Print => browser::print(),
            Tool::Remind => {
                if let Outcome::Plan(p) = &self.outcome {
                    let link = link().unwrap_or_else(|| ctx.props().options.url(p.family.article));
                    browser::download(
                        "foam-rolling-reminders.ics",
                        "text/calendar",
                        &calendar::ics(&p.routines, browser::today(), &link),
                    );
                    self.notice = Some(
                        "Reminders downloaded: open the file to add them to your calendar.".into(),
                    );
                }
            }
        }
    }
}

impl Component for App {
    type Message = AppMsg;
    type Properties = AppProps;

    fn create(ctx: &Context<Self>) -> Self {
        let options = &ctx.props().options;
        // Restored before the first render: a share link wins over remembered answers.
        let mut state = Rc::new(State::new(options.family));
        if let Some(m) = restored(options) {
            state = state.reduce(m);
        }
        let link = ctx.link();
        App {
            outcome: state.outcome(),
            state,
            cues: Cues::default(),
            speech: false,
            notice: None,
            timer: None,
            awake: None,
            focus: false,
            root: NodeRef::default(),
            on_msg: link.callback(AppMsg::Do),
            on_tool: link.callback(AppMsg::Tool),
            on_speech: link.callback(AppMsg::Speech),
        }
    }

    fn update(&mut self, ctx: &Context<Self>, msg: AppMsg) -> bool {
        let now = ctx.props().clock.now();
        match msg {
            AppMsg::Do(m) => {
                // The clock first: creating the audio context can take tens of milliseconds,
                // which must not be counted into the session. Start unlocks sound inside the
                // reader's click, as browsers require.
                let m = m.at(now);
                if matches!(m, Msg::Start { .. }) {
                    self.cues.unlock();
                }
                self.apply(ctx, m)
            }
            AppMsg::Tick => self.apply(ctx, Msg::Player(Action::Tick(now))),
            AppMsg::Tool(t) => {
                self.tool(ctx, t);
                true
            }
            AppMsg::Speech(on) => {
                self.speech = on;
                true
            }
        }
    }

    fn rendered(&mut self, _ctx: &Context<Self>, _first_render: bool) {
        if std::mem::take(&mut self.focus) {
            if let Some(el) = self
                .root
                .cast::<Element>()
                .and_then(|r| r.query_selector(".rr-focus").ok().flatten())
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        }
    }

    fn destroy(&mut self, _ctx: &Context<Self>) {
        self.timer = None;
        self.awake = None;
        self.cues.close();
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let options = &ctx.props().options;
        let state = &*self.state;
        let outcome = &self.outcome;
        let on_msg = &self.on_msg;
        let ask = |question| {
            questions::view(&QuestionsProps {
                family: state.family,
                question,
                answers: &state.answers,
                on_msg,
            })
        };
        let body = match (&state.phase, outcome) {
            (Phase::Asking(q), _) => ask(*q),
            (_, Outcome::Stop(s)) => stop::view(&StopProps {
                screening: *s,
                worse: state.progress.getting_worse(),
                on_msg,
            }),
            (Phase::Playing { routine, player }, Outcome::Plan(plan)) => {
                player::view(&PlayerProps {
                    routine: &plan.routines[*routine],
                    player,
                    speech: self.speech,
                    on_msg,
                    on_speech: &self.on_speech,
                })
            }
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
                on_msg,
            }),
            (_, Outcome::Plan(plan)) => routine::view(&RoutineProps {
                plan,
                answers: &state.answers,
                progress: &state.progress,
                options,
                on_msg,
                on_tool: &self.on_tool,
                notice: self.notice.clone(),
            }),
            (_, Outcome::Incomplete(q)) => ask(*q),
        };
        html! {
            <div class="rr-app" ref={self.root.clone()} data-family={options.family.id}>
                {body}
                <div class="rr-sr" aria-live="polite">
                    { match (&state.phase, outcome) {
                        (Phase::Playing { routine, player }, Outcome::Plan(plan)) => cue_text(&plan.routines[*routine], player),
                        _ => String::new(),
                    } }
                </div>
            </div>
        }
    }
}
