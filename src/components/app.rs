//! The root component: the reducer's state, and the side effects each change calls for
//! (storage, the timer, visibility, wake lock, cues, focus, host events), all released on
//! unmount. A struct component: one place compares the state before and after a change,
//! where hooks would need an effect and a dependency tuple each.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use super::finish::{self, FinishProps};
use super::player::{self, cue_text, PlayerProps};
use super::questions::{self, QuestionsProps};
use super::routine::{self, RoutineProps, Tool};
use super::stop::{self, StopProps};
use crate::awake::Awake;
use crate::browser::{self, Clock, Cues};
use crate::core::answers::Answers;
use crate::core::calendar;
use crate::core::content::Question;
use crate::core::cues::{self, Cue};
use crate::core::player::Action;
use crate::core::progress::Progress;
use crate::core::share;
use crate::core::state::{self as state, Msg, Notice, Now, PageMsg, Phase, State};
use crate::core::state::{Play, Stored};
use crate::fill::Fill;
use crate::options::Options;
use crate::sync::Sync;

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

fn host_event(state: &State) -> HostEvent {
    match &state.phase {
        Phase::Routine(_) => HostEvent::Built,
        Phase::Stop(_) => HostEvent::SafetyStop,
        Phase::Playing { .. } => HostEvent::Started,
        Phase::Finished {
            completed: true, ..
        } => HostEvent::Completed,
        _ => HostEvent::None,
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

/// The stored text and the share code in the address, as found: the reducer parses them.
fn restored(options: &Options) -> Option<Msg> {
    let stored = options
        .remember
        .then(|| browser::load(options.storage_key()))
        .flatten();
    let shared = browser::share_code_in_address();
    (stored.is_some() || shared.is_some())
        .then_some(Msg::Stored(Stored::Restore { stored, shared }))
}

/// What reaches the widget.
pub enum AppMsg {
    /// A message from a screen; the time is put in here.
    Do(Msg),
    /// The timer fired, or the reader came back to the page: read the clock.
    Tick,
    /// A routine tool was used.
    Tool(Tool),
    /// Focus mode on or off (off also when the browser left full screen).
    Fill(bool),
    /// Another copy of the widget (a tab, a widget on this page) wrote its record.
    Record(Progress),
    /// The reader picked a record file to load.
    LoadRecord(web_sys::File),
    /// A record file was read.
    RecordRead(Result<Progress, crate::core::record::LoadError>),
}

/// The widget. The reducer ([`State`]) decides; after each change, [`App::after`] runs the
/// effects the change calls for, from the state before and after: storage, the timer, the
/// wake lock and return listener, cues, host events and focus. Everything it holds is
/// released when it goes.
pub struct App {
    state: Rc<State>,
    cues: Cues,
    /// The one pending timeout, set for the moment the display next changes. Time is read
    /// from the clock, so the count is right whatever the browser did to the timeout.
    timer: Option<Timeout>,
    awake: Option<Awake>,
    /// Focus mode: the player fills the screen while this is held.
    fill: Option<Fill>,
    /// Where to scroll the page back to after the next render (focus mode just ended).
    scroll_back: Option<f64>,
    /// The link to the other copies that share this progress (none when the host turned
    /// remembering off).
    sync: Option<Sync>,
    /// Focus moves to the new screen's heading after the next render (never on the first,
    /// which would pull focus away from the host page).
    focus: bool,
    root: NodeRef,
    on_msg: Callback<Msg>,
    on_tool: Callback<Tool>,
    on_speech: Callback<bool>,
    on_pace_tick: Callback<bool>,
    on_remind: Callback<calendar::ReminderTime<'static>>,
    on_fill: Callback<bool>,
    on_load: Callback<web_sys::File>,
}

impl App {
    /// Focus mode on (on the widget's root element) or off; off brings the page back to where
    /// the reader was.
    fn set_fill(&mut self, ctx: &Context<Self>, on: bool) -> bool {
        match (on, self.fill.is_some()) {
            (true, false) => {
                let Some(el) = self.root.cast::<Element>() else {
                    return false;
                };
                let leave = ctx.link().callback(|()| AppMsg::Fill(false));
                self.fill = Some(Fill::new(&el, leave));
                true
            }
            (false, true) => {
                self.scroll_back = self.fill.take().map(|f| f.scroll_y());
                true
            }
            _ => false,
        }
    }

    fn apply(&mut self, ctx: &Context<Self>, msg: Msg, now: Now) -> bool {
        let before = self.state.clone();
        self.state = state::step(before.clone(), msg, now);
        let changed = !Rc::ptr_eq(&before, &self.state);
        if changed {
            self.after(ctx, &before);
        }
        // Every tick sets the next timeout, even one that changed nothing on screen.
        self.schedule(ctx);
        changed
    }

    /// The effects of a change from `before` (and what it led to) to the current state.
    fn after(&mut self, ctx: &Context<Self>, before: &State) {
        let (props, now) = (ctx.props(), &*self.state);
        let options = &props.options;

        // Every write merges with what storage holds now and reaches the other copies (S2):
        // what they saved comes back here as a merge, never lost to this copy's write.
        if let (true, Some(sync)) = (now.progress != before.progress, &self.sync) {
            let (merged, kept) = sync.write(&now.progress);
            let link = ctx.link();
            if !kept && now.kept {
                link.send_message(AppMsg::Do(Msg::Stored(Stored::NotKept)));
            }
            if merged != now.progress {
                link.send_message(AppMsg::Record(merged));
            }
        }

        let playing = |s: &State| matches!(s.phase, Phase::Playing { .. });
        match (playing(before), playing(now)) {
            (false, true) => self.awake = Some(Awake::new(ctx.link().callback(|()| AppMsg::Tick))),
            (true, false) => {
                self.awake = None;
                // Focus mode ends with the session: back to where the reader was.
                if let Some(f) = self.fill.take() {
                    self.scroll_back = Some(f.scroll_y());
                }
            }
            _ => {}
        }

        // What to hear: decided by the pure core from the player before and after.
        let heard = match (&before.phase, &now.phase) {
            (Phase::Playing { player: b, .. }, Phase::Playing { routine, player: a }) => {
                cues::cues(routine, b, a)
            }
            (_, Phase::Playing { routine, player }) => cues::start(routine, player),
            (
                Phase::Playing { .. },
                Phase::Finished {
                    completed: true, ..
                },
            ) => vec![Cue::SessionEnd],
            _ => Vec::new(),
        };
        for cue in heard {
            self.hear(cue);
        }

        // Host events carry the family only, never an answer.
        let event = host_event(now);
        if event != host_event(before) {
            let name = match event {
                HostEvent::Built => Some("roll-routine:routine-built"),
                HostEvent::SafetyStop => Some("roll-routine:safety-stop"),
                HostEvent::Started => Some("roll-routine:session-started"),
                HostEvent::Completed => Some("roll-routine:session-completed"),
                HostEvent::None => None,
            };
            if let (Some(h), Some(n)) = (&props.host, name) {
                browser::emit_detail(
                    h,
                    n,
                    &crate::options::Detail {
                        family: options.family.id,
                    },
                );
            }
        }

        if screen_key(now) != screen_key(before) {
            self.focus = true;
        }
    }

    /// A cue as sound, vibration and (when on) speech; the tones are the core's data.
    /// Refused or missing APIs stay silent.
    fn hear(&self, cue: Cue) {
        let page = &self.state.page;
        match &cue {
            Cue::Say(text) if page.speech => browser::speak(text),
            Cue::Pace if !page.pace_tick => {}
            _ => self.play(cues::sound(&cue)),
        }
    }

    fn play(&self, (tones, vibrate_ms): (&[cues::Tone], u32)) {
        for t in tones {
            self.cues.tone(t.hz, t.delay, t.secs, t.peak);
        }
        if vibrate_ms > 0 {
            browser::vibrate(vibrate_ms);
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

    /// Performs a routine tool's effect; what it did goes to the reducer as messages.
    fn tool(&mut self, ctx: &Context<Self>, tool: Tool) -> Vec<Msg> {
        // Only the two tools that carry the answers encode them, and never the onset or a
        // warning sign: whoever opens the link answers those themselves (S7).
        let link = || {
            let shared = Answers {
                warnings: None,
                onset: None,
                ..self.state.answers.clone()
            };
            browser::share_link(&share::encode(&shared))
        };
        let told = |n: Notice| vec![Msg::Page(PageMsg::Told(n))];
        match tool {
            Tool::Share => {
                let ok = link().is_some_and(|l| browser::copy(&l));
                told(if ok {
                    Notice::LinkCopied
                } else {
                    Notice::CopyFailed
                })
            }
            Tool::Print => {
                browser::print();
                vec![]
            }
            Tool::Export => match browser::json(&self.state.progress.record()) {
                Some(text) => {
                    browser::download("roll-routine-record.json", "application/json", &text);
                    told(Notice::RecordSaved)
                }
                None => told(Notice::SaveFailed),
            },
            Tool::TestSound => {
                // Inside the reader's click, so browsers allow the sound.
                self.cues.unlock();
                self.play(cues::TEST_SOUND);
                browser::speak("This is how the cues sound.");
                let s = browser::support();
                let mut msgs = told(Notice::SoundCheck {
                    audio: s.audio,
                    speech: s.speech,
                    vibration: s.vibration,
                    wake_lock: s.wake_lock,
                });
                msgs.push(Msg::Page(PageMsg::SoundTested));
                msgs
            }
            Tool::Remind => vec![Msg::Page(PageMsg::OpenReminders)],
            Tool::RemindDownload => {
                let Phase::Routine(p) = &self.state.phase else {
                    return vec![];
                };
                let link = link().unwrap_or_else(|| ctx.props().options.url(p.family.article));
                let (ms, offset_min) = browser::local_now();
                let mut when = calendar::Reminders::new(ms, offset_min, &link, p.note());
                let times = self.state.page.remind.clone().unwrap_or_default();
                when.times = &times;
                browser::download(
                    "foam-rolling-reminders.ics",
                    "text/calendar",
                    &calendar::ics(&p.routines, &when),
                );
                vec![Msg::Page(PageMsg::RemindersMade)]
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
            state = state::step(state, m, now(ctx));
        }
        let link = ctx.link();
        let sync = options
            .remember
            .then(|| Sync::new(options.storage_key(), link.callback(AppMsg::Record)));
        // Blocked storage is known at once: the reader is told before a session, not after.
        if options.remember && !browser::can_store() {
            state = state::step(state, Msg::Stored(Stored::NotKept), now(ctx));
        }
        App {
            state,
            sync,
            cues: Cues::default(),
            timer: None,
            awake: None,
            fill: None,
            scroll_back: None,
            focus: false,
            root: NodeRef::default(),
            on_msg: link.callback(AppMsg::Do),
            on_tool: link.callback(AppMsg::Tool),
            on_speech: link.callback(|on| AppMsg::Do(Msg::Page(PageMsg::Speech(on)))),
            on_pace_tick: link.callback(|on| AppMsg::Do(Msg::Page(PageMsg::PaceTick(on)))),
            on_remind: link.callback(|t| AppMsg::Do(Msg::Page(PageMsg::RemindAt(t)))),
            on_fill: link.callback(AppMsg::Fill),
            on_load: link.callback(AppMsg::LoadRecord),
        }
    }

    fn update(&mut self, ctx: &Context<Self>, msg: AppMsg) -> bool {
        // The clock first: creating the audio context can take tens of milliseconds, which
        // must not be counted into the session.
        let now = now(ctx);
        match msg {
            AppMsg::Do(m) => {
                // Start unlocks sound inside the reader's click, as browsers require.
                if matches!(m, Msg::Play(Play::Start(_))) {
                    self.cues.unlock();
                }
                self.apply(ctx, m, now)
            }
            AppMsg::Tick => self.apply(ctx, Msg::Play(Play::Player(Action::Tick)), now),
            AppMsg::Tool(t) => {
                let mut changed = false;
                for m in self.tool(ctx, t) {
                    changed |= self.apply(ctx, m, now);
                }
                changed
            }
            AppMsg::Fill(on) => self.set_fill(ctx, on),
            AppMsg::Record(p) => self.apply(ctx, Msg::Stored(Stored::Merge(p)), now),
            AppMsg::LoadRecord(file) => {
                let done = ctx.link().callback(AppMsg::RecordRead);
                browser::read_record(file, move |r| done.emit(r));
                false
            }
            AppMsg::RecordRead(Err(e)) => {
                self.apply(ctx, Msg::Page(PageMsg::Told(Notice::LoadFailed(e))), now)
            }
            AppMsg::RecordRead(Ok(p)) => self.apply(ctx, Msg::Stored(Stored::Load(p)), now),
        }
    }

    fn rendered(&mut self, _ctx: &Context<Self>, _first_render: bool) {
        if std::mem::take(&mut self.focus) {
            // A session fills the screen from its top: the host page's header gives way.
            if matches!(self.state.phase, Phase::Playing { .. }) {
                if let Some(el) = self.root.cast::<Element>() {
                    el.scroll_into_view_with_bool(true);
                }
            }
            if let Some(el) = self
                .root
                .cast::<Element>()
                .and_then(|r| r.query_selector(".rr-focus").ok().flatten())
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        }
        if let Some(y) = self.scroll_back.take() {
            // Focus mode ended: back to where the reader was, after focus moved (focusing
            // scrolls) and with the page laid out with the widget back in its place.
            if let Some(el) = self.root.cast::<Element>() {
                let _ = el.client_height();
            }
            crate::fill::scroll_to(y);
        }
    }

    fn destroy(&mut self, _ctx: &Context<Self>) {
        self.timer = None;
        self.awake = None;
        self.fill = None;
        self.sync = None;
        self.cues.close();
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let options = &ctx.props().options;
        let state = &*self.state;
        let on_msg = &self.on_msg;
        let body = match &state.phase {
            Phase::Asking(question) => questions::view(&QuestionsProps {
                state,
                question: *question,
                on_msg,
            }),
            Phase::Stop(stop) => stop::view(&StopProps {
                stop,
                family: state.family,
                clinician_ticked: state.draft.clinician,
                on_msg,
            }),
            Phase::Playing { routine, player } => player::view(&PlayerProps {
                routine,
                player,
                speech: state.page.speech,
                pace_tick: state.page.pace_tick,
                on_msg,
                on_speech: &self.on_speech,
                on_pace_tick: &self.on_pace_tick,
                fill: self.fill.is_some(),
                on_fill: &self.on_fill,
            }),
            Phase::Finished {
                routine,
                completed,
                counted,
                checkin,
                ..
            } => finish::view(&FinishProps {
                family: state.family,
                routine,
                completed: *completed,
                counted: *counted,
                checkin: *checkin,
                progress: &state.progress,
                kept: state.kept,
                on_msg,
            }),
            Phase::Routine(plan) => routine::view(&RoutineProps {
                plan,
                answers: &state.answers,
                progress: &state.progress,
                options,
                on_msg,
                on_tool: &self.on_tool,
                notice: state.page.notice.map(|n| n.text().into()),
                remind: state.page.remind.as_deref(),
                on_remind: &self.on_remind,
                kept: state.kept,
                on_load: &self.on_load,
            }),
        };
        html! {
            // Focus mode is an attribute, not a second class: a class from an expression costs yew's
            // class-list code (about 2 KB) before the first screen.
            <div class="rr-app" data-fill={self.fill.is_some().then_some("on")} ref={self.root.clone()} data-family={options.family.id}>
                {body}
                if state.page.tested > 0 { {super::motion::flash(state.page.tested as usize)} }
                <div class="rr-sr" aria-live="polite">
                    { match &state.phase {
                        Phase::Playing { routine, player } => cue_text(routine, player),
                        _ => String::new(),
                    } }
                </div>
            </div>
        }
    }
}

/// The clock as the reducer takes it: the props' monotonic clock, and the wall clock.
fn now(ctx: &Context<App>) -> Now {
    let (epoch_ms, day) = browser::wall();
    Now {
        mono: ctx.props().clock.now(),
        epoch_ms,
        day,
    }
}
