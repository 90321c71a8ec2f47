//! The session group: starting a routine (after today's safety check, S7), the player driven
//! by the clock, the check-in after it (S2) and its one undo.

use crate::core::plan::{build, Outcome};
use crate::core::player::{Action, Player, Status};
use crate::core::progress::{CheckIn, Session, COUNTS_FROM_PERCENT};
use crate::core::questions::first_unanswered;

use super::msg::Play;
use super::{Now, Phase, State};

impl State {
    pub(super) fn play(&mut self, m: Play, now: Now) {
        match m {
            Play::Start(i) => self.start(i, now),
            Play::Player(a) => self.player(a, now),
            Play::CheckIn(c) => self.check_in(c, now),
            Play::UndoCheckIn => {
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
                        let at = now.at();
                        self.progress = self.progress.without_session(s, at);
                    }
                    *checkin = None;
                }
            }
            Play::ShowRoutine => {
                let finished = matches!(self.phase, Phase::Finished { .. });
                let answered = matches!(self.phase, Phase::Asking(_))
                    && first_unanswered(self.family, &self.answers).is_none();
                if finished || answered {
                    self.land();
                }
            }
        }
    }

    /// Today's safety check and an expired "new pain" are asked first (S4, S7); otherwise
    /// the routine the answers give is played.
    fn start(&mut self, i: usize, now: Now) {
        let from = matches!(self.phase, Phase::Routine(_) | Phase::Finished { .. });
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

    fn player(&mut self, action: Action, now: Now) {
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

    /// The check-in after a session, once: kept with the progress, with the stop it leads to
    /// (S2). Only the signs the family offers are taken.
    fn check_in(&mut self, c: CheckIn, now: Now) {
        let at = now.at();
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
}
