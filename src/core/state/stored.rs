//! The stored group: the record kept in storage and shared by every copy of the widget (S2,
//! S6). Another copy's record is merged, never overwriting; a clearing forgets what is older
//! but a stop on screen holds for the visit; a loaded file tells the reader what it added.

use crate::core::answers::Onset;
use crate::core::content::Question;
use crate::core::progress::Progress;
use crate::core::share;

use super::msg::Stored;
use super::page::Notice;
use super::{Now, State};

impl State {
    pub(super) fn stored(&mut self, m: Stored, now: Now) {
        let at = now.at();
        match m {
            Stored::Restore { stored, shared } => self.restore(stored, shared, now),
            Stored::Merge(other) => self.merge(&other, now),
            Stored::Load(mut file) => {
                // Loading never lifts a stop: a confirmation in the file does not end one
                // shown here (the reader confirms here, after the advice on this screen).
                if self.stop().is_some_and(|s| s.needs_clinician) {
                    file.clinician = None;
                }
                let before = self.progress.sessions.len();
                self.merge(&file, now);
                let added = self.progress.sessions.len().saturating_sub(before);
                self.page.notice = Some(Notice::RecordLoaded(added));
            }
            Stored::NotKept => self.kept = false,
            Stored::Clear => {
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
        }
    }

    /// Joins another copy's record to this one's. A check-in stop on screen holds for the
    /// visit even when the other copy cleared its record; only a clinician confirmation newer
    /// than this copy's lifts it (S2).
    pub(super) fn merge(&mut self, other: &Progress, now: Now) {
        let stop = self.stop().filter(|s| s.needs_clinician);
        let at = now.at();
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
        self.progress.record_stop(now.at());
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
}
