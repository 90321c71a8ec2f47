//! The widget's state as a reducer with a closed `Msg` enum. Pure: no storage, timers or
//! clocks in here. Views send intents ([`Msg`]) that carry no time; the shell reads the clock
//! and hands [`Now`] beside each one.
//!
//! Safety holds by construction: after every message, [`State::settle`] puts the widget on
//! the stop screen whenever a warning sign applies (from the safety check, a check-in or a
//! pattern of "worse"), wherever it was, unless the reader is answering a question. Phases
//! carry what they show: the plan on the routine screen, the routine being played.

use std::rc::Rc;

use yew::Reducible;

use crate::core::answers::{screen, Onset, Screening, TimePref, Warning};
use crate::core::content::{Family, Question};
use crate::core::plan::{asks, build, first_unanswered, Outcome, Plan, Routine};
use crate::core::player::{Action, Player, Status};
use crate::core::progress::{
    CheckIn, Clearance, Progress, Session, StopReason, COUNTS_FROM_PERCENT,
};
use crate::core::share;

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
        checkin: Option<CheckIn>,
        /// When it was given (ms since 1970): what its undo takes back.
        checked_at: u64,
    },
}

/// Everything the reader can mean, and what the page brings. No message carries a time or a
/// copy of the state: toggles change the question's draft, confirmations commit it.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// The stored text and the share code in the address, as found (unparsed).
    Restore {
        /// The reader's stored progress.
        stored: Option<String>,
        /// A share code from a link.
        shared: Option<String>,
    },
    /// Ticks or unticks one sign on the safety check.
    ToggleWarning(Warning),
    /// Confirms the safety check as ticked ("None of these" when nothing is).
    ConfirmSafety,
    /// When it started.
    Onset(Onset),
    /// Ticks or unticks "from sitting".
    ToggleSitting,
    /// Ticks or unticks "morning stiffness".
    ToggleMorning,
    /// Confirms what goes with it, as ticked.
    ConfirmExtras,
    /// How much time.
    Time(TimePref),
    /// Forearms: what for.
    Goal(crate::core::answers::Goal),
    /// Go to a question to change its answer.
    Ask(Question),
    /// Back to the previous question.
    PreviousQuestion,
    /// Start this routine of the plan.
    Start(usize),
    /// A player action, or the clock's tick.
    Player(Action),
    /// The reader's check-in after a session.
    CheckIn(CheckIn),
    /// Takes back the check-in while the finish screen is open (a mistaken tap).
    UndoCheckIn,
    /// What another copy of the widget saved (another tab, another widget on the page, the
    /// storage as it is now) or a loaded record file: merged, never overwriting (S2, S6).
    Merge(Progress),
    /// The shell could not keep the progress in this browser (blocked or full storage).
    NotKept,
    /// Back to the routine.
    ShowRoutine,
    /// Ticks or unticks "a clinician has checked me" on a check-in stop.
    ToggleClinician,
    /// Confirms the ticked clinician check: the check-in stop ends (S2).
    ConfirmClinician,
    /// Forget everything kept in this browser (S6). Never lifts a stop.
    ClearProgress,
    /// Forget the answers and start again.
    StartOver,
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
    held: Option<(Stop, u64)>,
    /// The safety check is the day's one-tap confirmation before a session (S7).
    pub daily_check: bool,
    /// Questions the reader has answered at least once: changing one answer asks only the
    /// questions never answered yet.
    seen: Vec<Question>,
    /// Storage keeps the progress; false once a write failed (blocked or full storage).
    pub kept: bool,
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
        };
        s.ask(family.questions[0]);
        s
    }

    /// Every stop that applies now, merged: the most urgent advice wins (S3).
    pub fn stop(&self) -> Option<Stop> {
        let mut stops: Vec<Stop> = Vec::new();
        // Any sign the reader reported counts, in every family: a family without the safety
        // question still shows it after a check-in stop (S3).
        if let Some(w) = &self.answers.warnings {
            let screening = screen(w);
            if screening != Screening::Proceed {
                stops.push(Stop {
                    screening,
                    reason: Reason::Answers,
                    needs_clinician: false,
                });
            }
        }
        if let Some(r) = self.progress.stop() {
            let (screening, reason) = match r {
                StopReason::Sign(w) => (w.severity(), Reason::CheckIn(w)),
                StopReason::Worse => (Screening::SeeDoctor, Reason::Worse),
            };
            stops.push(Stop {
                screening,
                reason,
                needs_clinician: true,
            });
        }
        stops.extend(self.held.map(|(s, _)| s));
        let needs_clinician = stops.iter().any(|s| s.needs_clinician);
        // The most urgent first; at equal urgency, the one that needs a clinician.
        stops
            .into_iter()
            .min_by_key(|s| (s.screening, !s.needs_clinician))
            .map(|s| Stop {
                needs_clinician,
                ..s
            })
    }

    /// The index of a question in the family's order.
    pub fn question_index(&self, q: Question) -> usize {
        self.family
            .questions
            .iter()
            .position(|&x| x == q)
            .unwrap_or(0)
    }

    /// The questions this reader is asked, given their answers so far.
    pub fn questions(&self) -> Vec<Question> {
        let a = &self.answers;
        self.family
            .questions
            .iter()
            .copied()
            .filter(|&q| asks(q, a))
            .collect()
    }

    fn ask(&mut self, q: Question) {
        self.draft = Draft {
            warnings: self.answers.warnings.clone().unwrap_or_default(),
            sitting: self.answers.sitting,
            morning: self.answers.morning,
            clinician: false,
        };
        self.phase = Phase::Asking(q);
    }

    /// After the questions: the stop, the next unanswered question, or the routine.
    fn land(&mut self) {
        self.daily_check = false;
        if let Some(stop) = self.stop() {
            self.draft.clinician = false;
            self.phase = Phase::Stop(stop);
            return;
        }
        match build(self.family, &self.answers) {
            Outcome::Incomplete(q) => self.ask(q),
            // Unreachable: a stop from the answers is caught above.
            Outcome::Stop(_) => {}
            Outcome::Plan(plan) => {
                let mut kept = self.answers.clone();
                kept.warnings = None;
                self.progress.answers = Some(kept);
                self.phase = Phase::Routine(plan);
            }
        }
    }

    /// After an answer to `q`: the next question the reader has not answered yet, or the
    /// outcome when they were only changing an answer or have answered everything.
    fn after_answer(&mut self, q: Question) {
        if !self.seen.contains(&q) {
            self.seen.push(q);
        }
        let i = self.question_index(q);
        let missing = first_unanswered(self.family, &self.answers);
        let next = self.family.questions[i + 1..]
            .iter()
            .copied()
            .find(|&n| asks(n, &self.answers) && (!self.seen.contains(&n) || Some(n) == missing));
        match next {
            Some(n) => self.ask(n),
            None => self.land(),
        }
    }

    /// S4: "the pain is new" expires 48 hours after the reader said it.
    fn expire_acute(&mut self, now: Now) {
        if self.answers.onset != Some(Onset::Acute) {
            return;
        }
        let fresh = self.progress.acute_since.is_some_and(|t| {
            let age = now.epoch_ms - t as f64;
            (0.0..ACUTE_MS as f64).contains(&age)
        });
        if !fresh {
            self.answers.onset = None;
            self.progress.acute_since = None;
        }
    }

    /// Joins another copy's record to this one's. A check-in stop on screen holds for the
    /// visit even when the other copy cleared its record; only a clinician confirmation newer
    /// than this copy's lifts it (S2).
    fn merge(&mut self, other: &Progress, now: Now) {
        let stop = self.stop().filter(|s| s.needs_clinician);
        let at = now.epoch_ms.max(0.0) as u64;
        let cleared = self.progress.cleared;
        self.progress = self.progress.merge(other);
        let clinician = self.progress.clinician;
        if self
            .held
            .is_some_and(|(_, since)| clinician.is_some_and(|c| c.at > since))
        {
            self.held = None;
        }
        // Gone from the record because another copy cleared it: held for this visit. (Gone
        // because the reader confirmed a clinician check in another copy: lifted.)
        if let (Some(s), None, None) = (stop, self.progress.stop(), self.held) {
            if self.progress.cleared > cleared {
                self.held = Some((s, at));
            }
        }
        // A pattern of "worse" that only the joined sessions show is kept as a stop of its
        // own, so that no sessions merged later can hide it.
        self.progress.record_stop(now.epoch_ms.max(0.0) as u64);
    }

    fn restore(&mut self, stored: Option<String>, shared: Option<String>, now: Now) {
        if let Some(p) = stored.as_deref().and_then(Progress::from_text) {
            self.merge(&p, now);
        }
        // S3: signs the reader reported in this visit are theirs: no restore drops them.
        let reported = self.answers.warnings.clone().filter(|w| !w.is_empty());
        // S7: a share link never brings its sender's onset or safety answers; remembered
        // answers keep the onset (S4 expiry below) and the day's safety check.
        let shared = shared.as_deref().and_then(|c| share::decode(c).ok());
        let from_link = shared.is_some();
        let answers = shared
            .map(|mut a| {
                a.onset = None;
                a
            })
            .or_else(|| self.progress.answers.clone());
        let Some(mut answers) = answers else { return };
        answers.warnings = reported
            .or_else(|| (!from_link && self.progress.safety_day == Some(now.day)).then(Vec::new));
        // Sitting and morning were never asked of a reader whose pain was new.
        let chronic = answers.onset == Some(Onset::Chronic) || from_link;
        self.answers = answers;
        self.expire_acute(now);
        self.seen = self
            .family
            .questions
            .iter()
            .copied()
            .filter(|&q| chronic || q != Question::Extras)
            .collect();
        self.land();
    }

    /// Whether a session may start now; if the day's safety check or the onset is due, the
    /// widget asks it instead (S4, S7).
    fn ready_to_start(&mut self, now: Now) -> bool {
        self.expire_acute(now);
        if self.family.questions.contains(&Question::Safety)
            && self.progress.safety_day != Some(now.day)
        {
            self.answers.warnings = None;
            self.ask(Question::Safety);
            self.daily_check = true;
            return false;
        }
        if let Some(q) = first_unanswered(self.family, &self.answers) {
            self.ask(q);
            return false;
        }
        true
    }

    fn player_msg(&mut self, action: Action, now: Now) {
        let Phase::Playing { routine, player } = &self.phase else {
            return;
        };
        let next = player.apply(action, now.mono);
        self.phase = match next.status() {
            Status::Finished { completed } => {
                let total = f64::from(routine.total_s()) * 1000.0;
                let share = next.rolled_ms() * 100.0 / total.max(1.0);
                Phase::Finished {
                    routine: routine.clone(),
                    completed,
                    counted: share >= f64::from(COUNTS_FROM_PERCENT),
                    checkin: None,
                    checked_at: 0,
                }
            }
            _ => Phase::Playing {
                routine: routine.clone(),
                player: next,
            },
        };
    }

    /// Puts the widget on the stop screen whenever a stop applies, unless a question is
    /// being answered; leaves the stop screen once none applies.
    fn settle(&mut self) {
        match (self.stop(), &self.phase) {
            (_, Phase::Asking(_)) => {}
            (Some(stop), Phase::Stop(_)) => self.phase = Phase::Stop(stop),
            (Some(_), _) => self.land(),
            (None, Phase::Stop(_)) => self.land(),
            (None, _) => {}
        }
    }

    /// Handles one message, then stamps the remembered answers and the safety day with the
    /// time they changed (the latest wins when copies merge), then [`Self::settle`].
    fn apply(&mut self, msg: Msg, now: Now) {
        let at = now.epoch_ms.max(0.0) as u64;
        let before = match &msg {
            Msg::Merge(other) => {
                self.merge(other, now);
                self.settle();
                return;
            }
            Msg::Restore { stored, .. } => stored
                .as_deref()
                .and_then(Progress::from_text)
                .map_or_else(|| self.progress.clone(), |p| self.progress.merge(&p)),
            _ => self.progress.clone(),
        };
        self.handle(msg, now);
        let p = &mut self.progress;
        if (&p.answers, p.acute_since) != (&before.answers, before.acute_since) {
            p.answers_at = p.answers_at.max(at);
        }
        if p.safety_day != before.safety_day {
            p.safety_at = p.safety_at.max(at);
        }
        p.normalize();
        self.settle();
    }

    fn handle(&mut self, msg: Msg, now: Now) {
        let at = now.epoch_ms.max(0.0) as u64;
        let asking = match self.phase {
            Phase::Asking(q) => Some(q),
            _ => None,
        };
        match msg {
            Msg::Restore { stored, shared } => self.restore(stored, shared, now),
            Msg::ToggleWarning(w) if asking == Some(Question::Safety) => {
                let list = &mut self.draft.warnings;
                match list.iter().position(|&x| x == w) {
                    Some(i) => {
                        list.remove(i);
                    }
                    None => list.push(w),
                }
            }
            Msg::ConfirmSafety if asking == Some(Question::Safety) => {
                let signs = std::mem::take(&mut self.draft.warnings);
                if signs.is_empty() {
                    self.progress.safety_day = Some(now.day);
                }
                let stopped = !signs.is_empty();
                self.answers.warnings = Some(signs);
                if stopped {
                    // A warning sign ends the questions at once (S2, S3).
                    self.land();
                } else if std::mem::take(&mut self.daily_check) {
                    self.land();
                } else {
                    self.after_answer(Question::Safety);
                }
            }
            Msg::Onset(o) if asking == Some(Question::Onset) => {
                let was = self.answers.onset;
                self.answers.onset = Some(o);
                self.progress.acute_since = match (o, was) {
                    (Onset::Chronic, _) => None,
                    // Said again while still new: the first time counts (the cautious one).
                    (Onset::Acute, Some(Onset::Acute)) if self.progress.acute_since.is_some() => {
                        self.progress.acute_since
                    }
                    (Onset::Acute, _) => Some(now.epoch_ms.max(0.0) as u64),
                };
                self.after_answer(Question::Onset);
            }
            Msg::ToggleSitting if asking == Some(Question::Extras) => {
                self.draft.sitting = !self.draft.sitting;
            }
            Msg::ToggleMorning if asking == Some(Question::Extras) => {
                self.draft.morning = !self.draft.morning;
            }
            Msg::ConfirmExtras if asking == Some(Question::Extras) => {
                self.answers.sitting = self.draft.sitting;
                self.answers.morning = self.draft.morning;
                self.after_answer(Question::Extras);
            }
            Msg::Time(t) if asking == Some(Question::Time) => {
                self.answers.time = t;
                self.after_answer(Question::Time);
            }
            Msg::Goal(g) if asking == Some(Question::Goal) => {
                self.answers.goal = Some(g);
                self.after_answer(Question::Goal);
            }
            Msg::Ask(q) => {
                // From a stop that needs a clinician, only the safety check can be asked (to
                // report a more urgent sign); its other answers cannot lift it.
                let from = matches!(
                    self.phase,
                    Phase::Asking(_) | Phase::Routine(_) | Phase::Finished { .. }
                ) || matches!(self.phase, Phase::Stop(s) if !s.needs_clinician || q == Question::Safety);
                if from && self.family.questions.contains(&q) && asks(q, &self.answers) {
                    self.daily_check = false;
                    self.ask(q);
                }
            }
            Msg::PreviousQuestion => {
                if let Some(q) = asking {
                    let i = self.question_index(q);
                    let prev = self.family.questions[..i]
                        .iter()
                        .rev()
                        .copied()
                        .find(|&p| asks(p, &self.answers));
                    if let Some(p) = prev {
                        self.ask(p);
                    }
                }
            }
            Msg::Start(i) => {
                let from = matches!(self.phase, Phase::Routine(_) | Phase::Finished { .. });
                // Today's safety check and an expired "new pain" are asked first (S4, S7);
                // otherwise the plan the answers give is the one on screen.
                if from && self.ready_to_start(now) {
                    if let Outcome::Plan(p) = build(self.family, &self.answers) {
                        if let Some(routine) = p.routines.get(i) {
                            let player = Player::new(routine).apply(Action::Start, now.mono);
                            self.phase = Phase::Playing {
                                routine: routine.clone(),
                                player,
                            };
                        }
                    }
                }
            }
            Msg::Player(a) => self.player_msg(a, now),
            Msg::CheckIn(c) => {
                if let Phase::Finished {
                    routine,
                    completed,
                    counted,
                    checkin: None,
                    ..
                } = &self.phase
                {
                    let offered = match c {
                        CheckIn::Sign(w) => self.family.checkin_signs.contains(&w),
                        _ => true,
                    };
                    if offered {
                        self.progress = self.progress.with_session(Session {
                            at,
                            day: now.day,
                            checkin: c,
                            counted: *counted,
                        });
                        self.phase = Phase::Finished {
                            routine: routine.clone(),
                            completed: *completed,
                            counted: *counted,
                            checkin: Some(c),
                            checked_at: at,
                        };
                    }
                }
            }
            Msg::UndoCheckIn => {
                if let Phase::Finished {
                    checkin: checkin @ Some(_),
                    checked_at,
                    ..
                } = &mut self.phase
                {
                    let given = self
                        .progress
                        .sessions
                        .iter()
                        .find(|s| s.at == *checked_at && Some(s.checkin) == *checkin);
                    if let Some(&s) = given {
                        self.progress = self.progress.without_session(s);
                    }
                    *checkin = None;
                }
            }
            Msg::NotKept => self.kept = false,
            // Handled in `apply`.
            Msg::Merge(_) => {}
            Msg::ShowRoutine => {
                let finished = matches!(self.phase, Phase::Finished { .. });
                let answered =
                    asking.is_some() && first_unanswered(self.family, &self.answers).is_none();
                if finished || answered {
                    self.land();
                }
            }
            Msg::ToggleClinician => {
                if matches!(self.phase, Phase::Stop(s) if s.needs_clinician) {
                    self.draft.clinician = !self.draft.clinician;
                }
            }
            Msg::ConfirmClinician
                if matches!(self.phase, Phase::Stop(s) if s.needs_clinician)
                    && self.draft.clinician =>
            {
                self.progress.clinician = Some(Clearance { at, day: now.day });
                self.progress.normalize();
                self.held = None;
                // Then today's safety check, afresh.
                self.answers.warnings = None;
                self.progress.safety_day = None;
                self.ask(Question::Safety);
            }
            Msg::ClearProgress => {
                // S6: the reader's right; S2: a check-in stop still holds for this visit.
                if let Some(s) = self.stop().filter(|s| s.needs_clinician) {
                    self.held = Some((s, at));
                }
                // A clearing is a fact with its time: every copy forgets what is older.
                self.progress = Progress {
                    cleared: Some(at),
                    ..Progress::default()
                };
            }
            Msg::StartOver => {
                let stopped = self.stop().is_some_and(|s| s.needs_clinician);
                if !stopped && !matches!(self.phase, Phase::Playing { .. }) {
                    self.answers = Default::default();
                    self.progress.answers = None;
                    self.progress.acute_since = None;
                    self.seen.clear();
                    self.ask(self.family.questions[0]);
                }
            }
            // An answer to a question that is not on screen.
            _ => {}
        }
        self.settle();
    }
}

impl Reducible for State {
    type Action = (Msg, Now);

    fn reduce(self: Rc<Self>, (msg, now): (Msg, Now)) -> Rc<Self> {
        // A tick that changes nothing the reader sees keeps the same Rc, so Yew skips the
        // render.
        if let (Msg::Player(Action::Tick), Phase::Playing { player, .. }) = (&msg, &self.phase) {
            let next = player.apply(Action::Tick, now.mono);
            if next.index() == player.index()
                && next.status() == player.status()
                && next.remaining_s() == player.remaining_s()
                && next.hold_remaining_s() == player.hold_remaining_s()
                && next.holds_done() == player.holds_done()
            {
                return self;
            }
        }
        let mut s = (*self).clone();
        s.apply(msg, now);
        if s == *self {
            self
        } else {
            Rc::new(s)
        }
    }
}
