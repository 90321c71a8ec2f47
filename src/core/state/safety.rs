//! A stop and its end (S2, S3): every stop that applies, merged so the most urgent advice
//! wins; the one gate after every message, `settle()`, that puts the widget on the stop
//! screen wherever it was; and the clinician confirmation, the only way past a check-in stop.

use crate::core::answers::{screen, Screening};
use crate::core::content::Question;
use crate::core::progress::{Clearance, StopReason};

use super::msg::Safety;
use super::{Now, Phase, Reason, State, Stop};

impl State {
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

    /// Puts the widget on the stop screen whenever a stop applies, unless a question is
    /// being answered; leaves the stop screen once none applies.
    pub(super) fn settle(&mut self) {
        match (self.stop(), &self.phase) {
            (_, Phase::Asking(_)) => {}
            (Some(stop), Phase::Stop(_)) => self.phase = Phase::Stop(stop),
            (Some(_), _) => self.land(),
            (None, Phase::Stop(_)) => self.land(),
            (None, _) => {}
        }
    }

    pub(super) fn safety(&mut self, m: Safety, now: Now) {
        let on_check_in_stop = matches!(self.phase, Phase::Stop(s) if s.needs_clinician);
        match m {
            Safety::ToggleClinician => {
                if on_check_in_stop {
                    self.draft.clinician = !self.draft.clinician;
                }
            }
            Safety::ConfirmClinician => {
                if on_check_in_stop && self.draft.clinician {
                    let at = now.at();
                    self.progress.clinician = Some(Clearance { at, day: now.day });
                    self.progress.normalize();
                    self.held = None;
                    // Then today's safety check, afresh.
                    self.answers.warnings = None;
                    self.progress.safety_day = None;
                    self.ask(Question::Safety);
                }
            }
        }
    }
}
