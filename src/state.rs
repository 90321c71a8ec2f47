//! The widget's state as a reducer with a closed `Msg` enum. Pure: no storage, timers or
//! clocks in here; the shell passes time in and saves what changed in effects.

use std::rc::Rc;

use yew::Reducible;

use crate::core::answers::{Answers, Goal, Onset, Screening, TimePref, Warning};
use crate::core::content::{Family, Question};
use crate::core::plan::{build, first_unanswered, Outcome};
use crate::core::player::{Action, Player, Status};
use crate::core::progress::{CheckIn, Progress};

/// Which screen the widget shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    /// Asking one question.
    Asking(Question),
    /// The outcome of the answers: the routine, or the safety advice.
    Outcome,
    /// A session is running (or paused).
    Playing {
        /// Which routine of the plan.
        routine: usize,
        /// The player's state.
        player: Player,
    },
    /// A session is over.
    Finished {
        /// Which routine of the plan.
        routine: usize,
        /// Reached the end (true) or ended early (false).
        completed: bool,
        /// The check-in, once given.
        checkin: Option<CheckIn>,
    },
}

/// Everything that can happen to the widget.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// Stored progress (and remembered or shared answers) arrived.
    Restore {
        /// The stored progress.
        progress: Progress,
        /// Answers from a share link or storage.
        answers: Option<Answers>,
    },
    /// The safety check: the signs that apply (empty for "none of these").
    Warnings(Vec<Warning>),
    /// Ticks or unticks one sign on the safety screen (confirmed by `Warnings`).
    ToggleWarning(Warning),
    /// Ticks or unticks "from sitting" (confirmed by `Extras`).
    ToggleSitting,
    /// Ticks or unticks "morning stiffness" (confirmed by `Extras`).
    ToggleMorning,
    /// When it started.
    Onset(Onset),
    /// What goes with it.
    Extras {
        /// From sitting.
        sitting: bool,
        /// Morning stiffness.
        morning: bool,
    },
    /// How much time.
    Time(TimePref),
    /// Forearms: what for.
    Goal(Goal),
    /// Go to a question to change its answer.
    Ask(Question),
    /// Back to the previous question.
    PreviousQuestion,
    /// Start a routine of the plan at this time.
    Start {
        /// Which routine.
        routine: usize,
        /// The clock's time.
        now: f64,
    },
    /// A player action or clock tick.
    Player(Action),
    /// The reader's check-in after a session.
    CheckIn(CheckIn),
    /// Back to the routine.
    ShowOutcome,
    /// Forget the progress kept in this browser.
    ClearProgress,
    /// Forget the answers and start again.
    StartOver,
}

impl Msg {
    /// The message with the clock's time put in, for messages that carry one. The shell
    /// calls this as each message leaves a component, so components never read the clock.
    #[must_use]
    pub fn at(self, now: f64) -> Self {
        match self {
            Msg::Start { routine, .. } => Msg::Start { routine, now },
            Msg::Player(a) => Msg::Player(match a {
                Action::Start(_) => Action::Start(now),
                Action::Pause(_) => Action::Pause(now),
                Action::Resume(_) => Action::Resume(now),
                Action::Toggle(_) => Action::Toggle(now),
                Action::Skip(_) => Action::Skip(now),
                Action::Back(_) => Action::Back(now),
                Action::End(_) => Action::End(now),
                Action::Tick(_) => Action::Tick(now),
            }),
            m => m,
        }
    }
}

/// The widget's state.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The routine family chosen by the host.
    pub family: &'static Family,
    /// The answers so far.
    pub answers: Answers,
    /// The screen.
    pub phase: Phase,
    /// The plan's progress (kept in the reader's storage by the shell).
    pub progress: Progress,
    /// How far through the questions the reader has been (question index).
    reached: usize,
}

impl State {
    /// A fresh widget for a family.
    pub fn new(family: &'static Family) -> Self {
        Self {
            family,
            answers: Answers::default(),
            phase: Phase::Asking(family.questions[0]),
            progress: Progress::default(),
            reached: 0,
        }
    }

    /// What the answers lead to now. Several "worse" check-ins stop the plan (S2).
    pub fn outcome(&self) -> Outcome {
        if self.progress.getting_worse() {
            return Outcome::Stop(Screening::SeeDoctor);
        }
        build(self.family, &self.answers)
    }

    /// The index of a question in the family's order.
    pub fn question_index(&self, q: Question) -> usize {
        self.family
            .questions
            .iter()
            .position(|&x| x == q)
            .unwrap_or(0)
    }

    /// After an answer to `q`: the next question, or the outcome when the reader was only
    /// changing an answer or has answered everything.
    fn after_answer(&mut self, q: Question) {
        let i = self.question_index(q);
        // A warning sign ends the questions at once (S2, S3).
        if matches!(self.outcome(), Outcome::Stop(_)) {
            self.phase = Phase::Outcome;
            return;
        }
        let next = self.family.questions.get(i + 1).copied();
        self.phase = match next {
            Some(n) if i + 1 > self.reached => {
                self.reached = i + 1;
                Phase::Asking(n)
            }
            _ => match first_unanswered(self.family, &self.answers) {
                Some(q) => Phase::Asking(q),
                None => Phase::Outcome,
            },
        };
    }

    fn player_msg(&mut self, action: Action) {
        let Phase::Playing { routine, player } = &self.phase else {
            return;
        };
        let next = player.apply(action);
        self.phase = match next.status() {
            Status::Finished { completed } => Phase::Finished {
                routine: *routine,
                completed,
                checkin: None,
            },
            _ => Phase::Playing {
                routine: *routine,
                player: next,
            },
        };
    }
}

impl Reducible for State {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        // A tick that changes nothing the reader sees keeps the same Rc, so Yew skips the
        // render.
        if let (Msg::Player(a @ Action::Tick(_)), Phase::Playing { player, .. }) =
            (&msg, &self.phase)
        {
            let next = player.apply(*a);
            if next.index() == player.index()
                && next.status() == player.status()
                && next.remaining_s() == player.remaining_s()
            {
                return self;
            }
        }
        let mut s = (*self).clone();
        match msg {
            Msg::Restore { progress, answers } => {
                s.progress = progress;
                if let Some(a) = answers {
                    s.answers = a;
                    // The safety check is always asked again; the rest is kept.
                    s.reached = s.family.questions.len();
                    s.phase = match first_unanswered(s.family, &s.answers) {
                        Some(q) => Phase::Asking(q),
                        None => Phase::Outcome,
                    };
                }
            }
            Msg::Warnings(w) => {
                s.answers.warnings = Some(w);
                s.after_answer(Question::Safety);
            }
            Msg::ToggleWarning(w) => {
                let list = s.answers.warnings.get_or_insert_with(Vec::new);
                match list.iter().position(|&x| x == w) {
                    Some(i) => {
                        list.remove(i);
                    }
                    None => list.push(w),
                }
            }
            Msg::ToggleSitting => s.answers.sitting = !s.answers.sitting,
            Msg::ToggleMorning => s.answers.morning = !s.answers.morning,
            Msg::Onset(o) => {
                s.answers.onset = Some(o);
                s.after_answer(Question::Onset);
            }
            Msg::Extras { sitting, morning } => {
                s.answers.sitting = sitting;
                s.answers.morning = morning;
                s.after_answer(Question::Extras);
            }
            Msg::Time(t) => {
                s.answers.time = t;
                s.after_answer(Question::Time);
            }
            Msg::Goal(g) => {
                s.answers.goal = Some(g);
                s.after_answer(Question::Goal);
            }
            Msg::Ask(q) => {
                if s.family.questions.contains(&q) {
                    s.phase = Phase::Asking(q);
                }
            }
            Msg::PreviousQuestion => {
                if let Phase::Asking(q) = s.phase {
                    let i = s.question_index(q);
                    if i > 0 {
                        s.phase = Phase::Asking(s.family.questions[i - 1]);
                    }
                }
            }
            Msg::Start { routine, now } => {
                if let (Phase::Outcome | Phase::Finished { .. }, Outcome::Plan(plan)) =
                    (&s.phase, s.outcome())
                {
                    if let Some(r) = plan.routines.get(routine) {
                        let player = Player::new(r).apply(Action::Start(now));
                        s.phase = Phase::Playing { routine, player };
                    }
                }
            }
            Msg::Player(a) => s.player_msg(a),
            Msg::CheckIn(c) => {
                if let Phase::Finished {
                    routine,
                    completed,
                    checkin: None,
                } = s.phase
                {
                    s.progress = s.progress.with_checkin(c).with_answers(&s.answers);
                    s.phase = Phase::Finished {
                        routine,
                        completed,
                        checkin: Some(c),
                    };
                }
            }
            Msg::ShowOutcome => {
                if !matches!(s.phase, Phase::Asking(_))
                    || first_unanswered(s.family, &s.answers).is_none()
                {
                    s.phase = Phase::Outcome;
                }
            }
            Msg::ClearProgress => s.progress = Progress::default(),
            Msg::StartOver => {
                let progress = std::mem::take(&mut s.progress);
                s = State::new(s.family);
                s.progress = progress;
            }
        }
        if s == *self {
            self
        } else {
            Rc::new(s)
        }
    }
}
