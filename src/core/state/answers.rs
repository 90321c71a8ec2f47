//! The questions group: answers are taken only while their question is on screen; toggles
//! change the draft, confirmations commit it; then the next question, or the outcome.

use crate::core::answers::Onset;
use crate::core::content::Question;
use crate::core::plan::{build, Outcome};
use crate::core::questions::{asks, first_unanswered, next, previous};

use super::msg::Answer;
use super::{Draft, Now, Phase, State, ACUTE_MS};

impl State {
    pub(super) fn answer(&mut self, m: Answer, now: Now) {
        let asking = match self.phase {
            Phase::Asking(q) => Some(q),
            _ => None,
        };
        // An answer to a question that is not on screen is ignored.
        let on = |q: Question| asking == Some(q);
        match m {
            Answer::ToggleWarning(w) if on(Question::Safety) => {
                let list = &mut self.draft.warnings;
                match list.iter().position(|&x| x == w) {
                    Some(i) => {
                        list.remove(i);
                    }
                    None => list.push(w),
                }
            }
            Answer::ConfirmSafety if on(Question::Safety) => self.confirm_safety(now),
            Answer::Onset(o) if on(Question::Onset) => {
                let was = self.answers.onset;
                self.answers.onset = Some(o);
                self.progress.acute_since = match (o, was) {
                    (Onset::Chronic, _) => None,
                    // Said again while still new: the first time counts (the cautious one).
                    (Onset::Acute, Some(Onset::Acute)) if self.progress.acute_since.is_some() => {
                        self.progress.acute_since
                    }
                    (Onset::Acute, _) => Some(now.at()),
                };
                self.after_answer(Question::Onset);
            }
            Answer::ToggleSitting if on(Question::Extras) => {
                self.draft.sitting = !self.draft.sitting;
            }
            Answer::ToggleMorning if on(Question::Extras) => {
                self.draft.morning = !self.draft.morning;
            }
            Answer::ConfirmExtras if on(Question::Extras) => {
                self.answers.sitting = self.draft.sitting;
                self.answers.morning = self.draft.morning;
                self.after_answer(Question::Extras);
            }
            Answer::Time(t) if on(Question::Time) => {
                self.answers.time = t;
                self.after_answer(Question::Time);
            }
            Answer::Goal(g) if on(Question::Goal) => {
                self.answers.goal = Some(g);
                self.after_answer(Question::Goal);
            }
            Answer::ToggleWarning(_)
            | Answer::ConfirmSafety
            | Answer::Onset(_)
            | Answer::ToggleSitting
            | Answer::ToggleMorning
            | Answer::ConfirmExtras
            | Answer::Time(_)
            | Answer::Goal(_) => {}
            Answer::Ask(q) => self.ask_again(q),
            Answer::Previous => {
                if let Some(p) = asking.and_then(|q| previous(self.family, &self.answers, q)) {
                    self.ask(p);
                }
            }
            Answer::StartOver => {
                let stopped = self.stop().is_some_and(|s| s.needs_clinician);
                if !stopped && !matches!(self.phase, Phase::Playing { .. }) {
                    self.answers = Default::default();
                    self.progress.answers = None;
                    self.progress.acute_since = None;
                    self.seen.clear();
                    self.ask(self.family.questions[0]);
                }
            }
        }
    }

    fn confirm_safety(&mut self, now: Now) {
        let signs = std::mem::take(&mut self.draft.warnings);
        // A sign forgets the day's "none of these" in the record, so every copy asks the
        // safety check again before its next session (S2, S3, S7); the sign itself stays in
        // this visit.
        self.progress.safety_day = signs.is_empty().then_some(now.day);
        let stopped = !signs.is_empty();
        self.answers.warnings = Some(signs);
        if stopped || std::mem::take(&mut self.daily_check) {
            // A warning sign ends the questions at once (S2, S3); the day's check goes
            // straight back.
            self.land();
        } else {
            self.after_answer(Question::Safety);
        }
    }

    /// Go to a question to change its answer. From a stop that needs a clinician, only the
    /// safety check can be asked (to report a more urgent sign); its other answers cannot
    /// lift it.
    fn ask_again(&mut self, q: Question) {
        let from = matches!(
            self.phase,
            Phase::Asking(_) | Phase::Routine(_) | Phase::Finished { .. }
        ) || matches!(self.phase, Phase::Stop(s) if !s.needs_clinician || q == Question::Safety);
        if from && self.family.questions.contains(&q) && asks(q, &self.answers) {
            self.daily_check = false;
            self.ask(q);
        }
    }

    /// The index of a question in the family's order.
    pub fn question_index(&self, q: Question) -> usize {
        crate::core::questions::index(self.family, q)
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

    pub(super) fn ask(&mut self, q: Question) {
        self.draft = Draft {
            warnings: self.answers.warnings.clone().unwrap_or_default(),
            sitting: self.answers.sitting,
            morning: self.answers.morning,
            clinician: false,
        };
        self.phase = Phase::Asking(q);
    }

    /// After the questions: the stop, the next unanswered question, or the routine.
    pub(super) fn land(&mut self) {
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
        match next(self.family, &self.answers, q, &self.seen) {
            Some(n) => self.ask(n),
            None => self.land(),
        }
    }

    /// S4: "the pain is new" expires 48 hours after the reader said it.
    pub(super) fn expire_acute(&mut self, now: Now) {
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

    /// Whether a session may start now; if the day's safety check or the onset is due, the
    /// widget asks it instead (S4, S7).
    pub(super) fn ready_to_start(&mut self, now: Now) -> bool {
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
}
