//! The widget's state and its reducer: a plain function of the state, a message and the time,
//! with no storage, timers, clocks or browser in here (the shell performs the effects). Views
//! send intents ([`Msg`]) that carry no time; the shell reads the clock and hands [`Now`]
//! beside each one ([`step`]).
//!
//! Messages come in groups, each handled in its own file by an exhaustive match: the
//! questions (`answers.rs`), the session (`session.rs`), a stop and its end (`safety.rs`),
//! the stored record (`stored.rs`) and the page's tools (`page.rs`).
//!
//! Safety holds by construction: after every message, `settle()` (in `safety.rs`) puts the
//! widget on the stop screen whenever a warning sign applies (from the safety check, a
//! check-in, a pattern of "worse", or another copy's record), wherever it was, unless the
//! reader is answering a question. Phases carry what they show: the plan on the routine
//! screen, the routine being played.

mod answers;
mod msg;
mod page;
mod safety;
mod session;
mod stored;

use std::rc::Rc;

use crate::core::answers::{Screening, Warning};
use crate::core::content::{Family, Question};
use crate::core::plan::{Plan, Routine};
use crate::core::player::{Action, Player};
use crate::core::progress::Progress;

pub use msg::{Answer, Msg, PageMsg, Play, Safety, Stored};
pub use page::{Notice, Page};

/// S4: after this long, "the pain is new" is asked again.
pub const ACUTE_MS: u64 = 48 * 60 * 60 * 1000;

/// The clock, read by the shell as it hands a message to the reducer.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Now {
    /// A monotonic clock in milliseconds (`performance.now()`): the player's time.
    pub mono: f64,
    /// Milliseconds since 1970 (UTC): when the pain was said to be new (S4).
    pub epoch_ms: f64,
    /// The reader's local day since 1970-01-01: the daily safety check (S7), sessions' days.
    pub day: i32,
}

impl Now {
    /// The wall clock as a fact's time: whole milliseconds since 1970, never negative.
    pub fn at(&self) -> u64 {
        self.epoch_ms.max(0.0) as u64
    }
}

/// Why the widget stopped, and how urgent the advice is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stop {
    /// The most urgent advice that applies (S3: urgent advice always wins).
    pub screening: Screening,
    /// What the most urgent advice comes from.
    pub reason: Reason,
    /// A stop from the check-ins applies (alone or beside the safety answers): it ends only
    /// when the reader confirms a clinician has checked them (S2).
    pub needs_clinician: bool,
}

/// Where a stop comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The safety check's answers (S2, S3).
    Answers,
    /// A sign reported at a check-in (S2).
    CheckIn(Warning),
    /// A pattern of "worse" check-ins (S2).
    Worse,
}

/// Which screen the widget shows, with what it shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    /// Asking one question.
    Asking(Question),
    /// The plan built from the answers.
    Routine(Plan),
    /// S2, S3: no routine, the advice.
    Stop(Stop),
    /// A session is running (or paused).
    Playing {
        /// The routine being played.
        routine: Routine,
        /// The player's state.
        player: Player,
    },
    /// A session is over.
    Finished {
        /// The routine just played.
        routine: Routine,
        /// Reached the end (true) or ended early (false).
        completed: bool,
        /// Enough of it was rolled to count toward the plan.
        counted: bool,
        /// The check-in, once given.
        checkin: Option<crate::core::progress::CheckIn>,
        /// When it was given (ms since 1970): what its undo takes back.
        checked_at: u64,
    },
}

/// The answers being given on the question on screen, committed by its confirmation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    /// Signs ticked on the safety check.
    pub warnings: Vec<Warning>,
    /// "From sitting" ticked.
    pub sitting: bool,
    /// "Morning stiffness" ticked.
    pub morning: bool,
    /// "A clinician has checked me" ticked.
    pub clinician: bool,
}

/// The widget's state.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The routine family chosen by the host.
    pub family: &'static Family,
    /// The answers so far (warning signs only once confirmed).
    pub answers: crate::core::answers::Answers,
    /// The question's draft.
    pub draft: Draft,
    /// The screen.
    pub phase: Phase,
    /// The plan's progress (kept in the reader's storage by the shell).
    pub progress: Progress,
    /// A check-in stop whose record the reader cleared: it still holds in this visit.
    /// When the hold began (ms since 1970): only a clinician confirmation newer than that,
    /// heard from another copy, lifts it.
    pub(super) held: Option<(Stop, u64)>,
    /// The safety check is the day's one-tap confirmation before a session (S7).
    pub daily_check: bool,
    /// Questions the reader has answered at least once: changing one answer asks only the
    /// questions never answered yet.
    pub(super) seen: Vec<Question>,
    /// Storage keeps the progress; false once a write failed (blocked or full storage).
    pub kept: bool,
    /// The page's tools.
    pub page: Page,
}
impl State {
    /// A fresh widget for a family.
    pub fn new(family: &'static Family) -> Self {
        let mut s = Self {
            family,
            answers: Default::default(),
            draft: Draft::default(),
            phase: Phase::Asking(family.questions[0]),
            progress: Progress::default(),
            held: None,
            daily_check: false,
            seen: Vec::new(),
            kept: true,
            page: Page::default(),
        };
        s.ask(family.questions[0]);
        s
    }

    /// Handles one message in its group's handler, stamps the remembered answers and the
    /// safety day with the time they changed (the latest wins when copies merge), then the
    /// one safety gate, `settle()`.
    pub fn apply(&mut self, msg: Msg, now: Now) {
        let at = now.at();
        // What the answers and the safety day were, with the restored record joined in: a
        // change from that is this copy's own, stamped with the time. Merged records bring
        // their own stamps; the page's tools touch no record.
        let before = match &msg {
            Msg::Stored(Stored::Restore {
                stored: Some(text), ..
            }) => Progress::from_text(text).map(|p| self.progress.merge(&p)),
            Msg::Stored(Stored::Merge(_) | Stored::Load(_)) | Msg::Page(_) => None,
            _ => Some(self.progress.clone()),
        }
        .or_else(|| {
            matches!(msg, Msg::Stored(Stored::Restore { .. })).then(|| self.progress.clone())
        });
        match msg {
            Msg::Answer(m) => self.answer(m, now),
            Msg::Play(m) => self.play(m, now),
            Msg::Safety(m) => self.safety(m, now),
            Msg::Stored(m) => self.stored(m, now),
            Msg::Page(m) => self.page(m),
        }
        if let Some(before) = before {
            let p = &mut self.progress;
            if (&p.answers, p.acute_since) != (&before.answers, before.acute_since) {
                p.answers_at = p.answers_at.max(at);
            }
            if p.safety_day != before.safety_day {
                p.safety_at = p.safety_at.max(at);
            }
            p.normalize();
        }
        self.settle();
    }
}

/// The reducer as the shell calls it: the state after `msg` at `now`. When nothing changed,
/// the same `Rc` comes back (so Yew skips the render), also for a tick that changes nothing
/// the reader sees.
pub fn step(state: Rc<State>, msg: Msg, now: Now) -> Rc<State> {
    if let (Msg::Play(Play::Player(Action::Tick)), Phase::Playing { player, .. }) =
        (&msg, &state.phase)
    {
        let next = player.apply(Action::Tick, now.mono);
        if next.index() == player.index()
            && next.status() == player.status()
            && next.remaining_s() == player.remaining_s()
            && next.hold_remaining_s() == player.hold_remaining_s()
            && next.holds_done() == player.holds_done()
        {
            return state;
        }
    }
    let mut s = (*state).clone();
    s.apply(msg, now);
    if s == *state {
        state
    } else {
        Rc::new(s)
    }
}
