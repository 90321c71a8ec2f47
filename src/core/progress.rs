//! The plan's progress as a set of facts with their time, kept in the reader's own browser
//! storage (S6): the remembered answers (never a warning sign), when the reader said the pain
//! was new (S4), the day of the last safety check (S7), each session's check-in (S2), the
//! stops the check-ins led to (S2), the reader's confirmation that a clinician has checked
//! them (S2), and when the reader cleared it all (S6).
//!
//! Many copies of the widget write the same record (two tabs, two widgets on a page, a record
//! file from another device), so a record is never overwritten: [`Progress::merge`] joins two
//! records into one that holds every fact of both, whatever the order (a join-semilattice:
//! commutative, associative, idempotent). Sessions and stops are grow-only sets; the answers,
//! the safety day, the clinician confirmation and the clearing are the latest of their kind.
//! A clearing forgets every fact older than it; a clinician confirmation lifts every stop
//! older than it. Times are milliseconds since 1970 (UTC); days are the reader's local days.

use super::answers::{Answers, Screening, Warning};
use super::share;

pub use super::dates::day_label;

/// After a session: how the back pain (or, for the forearms, the ache) feels compared with
/// before, or an S2 sign.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum CheckIn {
    /// Better.
    Better,
    /// About the same.
    Same,
    /// Only sore where the reader rolled: tenderness in the rolled muscles is not the pain
    /// getting worse (S2), so it counts as no change.
    Sore,
    /// Worse.
    Worse,
    /// S2: a "stop and see a doctor" sign appeared.
    Sign(Warning),
}

impl CheckIn {
    /// The one-character code in stored text.
    pub(crate) fn code(self) -> char {
        match self {
            CheckIn::Better => 'b',
            CheckIn::Same => 's',
            CheckIn::Sore => 'r',
            CheckIn::Worse => 'w',
            CheckIn::Sign(w) => w.code(),
        }
    }

    /// The check-in a stored code stands for.
    pub(crate) fn from_code(c: char) -> Option<Self> {
        match c {
            'b' => Some(CheckIn::Better),
            's' => Some(CheckIn::Same),
            'r' => Some(CheckIn::Sore),
            'w' => Some(CheckIn::Worse),
            c => Warning::from_code(c).map(CheckIn::Sign),
        }
    }

    /// The reader's words for it: on the check-in's buttons (with a detail line) and after
    /// the answer.
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            CheckIn::Better => ("Better", ""),
            CheckIn::Same => ("About the same", ""),
            // S2: tenderness in the muscles just rolled is not the pain getting worse.
            CheckIn::Sore => ("Only sore where I rolled", "Not the pain itself"),
            CheckIn::Worse => ("Worse", ""),
            CheckIn::Sign(w) => (w.label(), ""),
        }
    }

    /// The word for it in the record file.
    pub fn word(self) -> &'static str {
        match self {
            CheckIn::Better => "better",
            CheckIn::Same => "same",
            CheckIn::Sore => "sore where rolled",
            CheckIn::Worse => "worse",
            CheckIn::Sign(w) => w.label(),
        }
    }
}

/// One session the reader checked in after: a fact, identified by all of its fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Session {
    /// When the check-in was given (ms since 1970, UTC).
    pub at: u64,
    /// The local day it was done.
    pub day: i32,
    /// How it felt.
    pub checkin: CheckIn,
    /// It counts toward the plan: at least [`COUNTS_FROM_PERCENT`] of its rolling time done.
    pub counted: bool,
}

/// A stop the check-ins led to (S2), kept as a fact so that no later write can lose it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct StopFact {
    /// When it was reached (ms since 1970, UTC).
    pub at: u64,
    /// Why.
    pub reason: StopReason,
}

/// The reader's confirmation that a clinician has checked them since a stop (S2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Clearance {
    /// When it was confirmed (ms since 1970, UTC): stops and sessions before it no longer
    /// stop the plan.
    pub at: u64,
    /// The local day it was confirmed.
    pub day: i32,
}

/// Why the progress stops the plan (S2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum StopReason {
    /// A sign reported at a check-in.
    Sign(Warning),
    /// A pattern of "worse" check-ins.
    Worse,
}

/// A session counts toward the plan when at least this share of its rolling time was done.
pub const COUNTS_FROM_PERCENT: u32 = 50;
/// Sessions kept; older ones are dropped.
pub const MAX_SESSIONS: usize = 60;
/// Stops kept; older ones are dropped (the newest is the one that matters).
pub const MAX_STOPS: usize = 8;
/// S2: "worse" check-ins this close together stop the plan: two in a row (1 apart) or two
/// among the last three (2 apart).
pub const WORSE_WITHIN: usize = 2;

/// What is kept between visits, and shared by every copy of the widget.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// The remembered answers, without warning signs.
    pub answers: Option<Answers>,
    /// S4: when the reader said the pain was new (ms since 1970, UTC).
    pub acute_since: Option<u64>,
    /// When the answers and `acute_since` were last set: the latest wins a merge.
    pub answers_at: u64,
    /// S7: the local day the safety check was last answered with no sign.
    pub safety_day: Option<i32>,
    /// When `safety_day` was last set: the latest wins a merge.
    pub safety_at: u64,
    /// Sessions, oldest first, each once.
    pub sessions: Vec<Session>,
    /// Stops from the check-ins, oldest first, each once.
    pub stops: Vec<StopFact>,
    /// S2: the latest clinician confirmation.
    pub clinician: Option<Clearance>,
    /// S6: when the reader last cleared the record; nothing older is kept.
    pub cleared: Option<u64>,
    /// Check-ins taken back (the finish screen's undo), each once.
    pub withdrawn: Vec<Session>,
}

impl Progress {
    /// Records a session and its check-in, and the stop it leads to, if any (S2).
    #[must_use]
    pub fn with_session(&self, s: Session) -> Self {
        let mut next = self.clone();
        next.sessions.push(s);
        next.normalize();
        next.record_stop(s.at);
        next
    }

    /// Keeps the stop that applies now as a fact of its own, so that no other copy's
    /// sessions, merged in later, can make it disappear (S2).
    pub fn record_stop(&mut self, at: u64) {
        if let Some(reason) = self.stop() {
            let kept = self.live_stops().any(|f| f.reason == reason);
            if !kept {
                self.stops.push(StopFact { at, reason });
                self.normalize();
            }
        }
    }

    /// Takes back a check-in at `at` (the reader's undo on the finish screen). The session
    /// is kept as withdrawn, so that no copy that already has it brings it back. Taking a
    /// "better" back can leave two "worse" close together: that stop is kept as a fact too.
    #[must_use]
    pub fn without_session(&self, s: Session, at: u64) -> Self {
        let mut next = self.clone();
        next.withdrawn.push(s);
        next.normalize();
        next.record_stop(at);
        next
    }

    /// The record that holds every fact of both, the same whatever the order (S2, S6).
    #[must_use]
    pub fn merge(&self, other: &Self) -> Self {
        // The latest answers; at the same time, the greater value, so that the choice never
        // depends on the order.
        let key = |p: &Self| {
            (
                p.answers_at,
                p.answers.as_ref().map(share::encode),
                p.acute_since,
            )
        };
        let from = if key(self) >= key(other) { self } else { other };
        let safety = std::cmp::max(
            (self.safety_at, self.safety_day),
            (other.safety_at, other.safety_day),
        );
        let mut p = Self {
            answers: from.answers.clone(),
            acute_since: from.acute_since,
            answers_at: from.answers_at,
            safety_day: safety.1,
            safety_at: safety.0,
            sessions: [&self.sessions[..], &other.sessions[..]].concat(),
            stops: [&self.stops[..], &other.stops[..]].concat(),
            withdrawn: [&self.withdrawn[..], &other.withdrawn[..]].concat(),
            clinician: self.clinician.max(other.clinician),
            cleared: self.cleared.max(other.cleared),
        };
        p.normalize();
        p
    }

    /// Puts the facts in their one canonical form: sorted, each once, the newest kept, and
    /// nothing older than the latest clearing.
    pub fn normalize(&mut self) {
        let cleared = self.cleared.unwrap_or(0);
        let kept = |at: u64| self.cleared.is_none() || at > cleared;
        if !kept(self.answers_at) {
            (self.answers, self.acute_since, self.answers_at) = (None, None, 0);
        }
        if !kept(self.safety_at) {
            (self.safety_day, self.safety_at) = (None, 0);
        }
        if !self.clinician.is_some_and(|c| kept(c.at)) {
            self.clinician = None;
        }
        self.withdrawn.retain(|s| kept(s.at));
        newest_once(&mut self.withdrawn, MAX_SESSIONS);
        let withdrawn = &self.withdrawn;
        self.sessions
            .retain(|s| kept(s.at) && withdrawn.binary_search(s).is_err());
        newest_once(&mut self.sessions, MAX_SESSIONS);
        // A stop older than the clinician confirmation no longer applies.
        let lifted = self.clinician.map_or(0, |c| c.at);
        self.stops
            .retain(|f| kept(f.at) && (self.clinician.is_none() || f.at > lifted));
        newest_once(&mut self.stops, MAX_STOPS);
    }

    /// Sessions that count toward the plan.
    pub fn counted(&self) -> usize {
        self.sessions.iter().filter(|s| s.counted).count()
    }

    /// Sessions after the latest clinician confirmation.
    fn recent(&self) -> impl Iterator<Item = &Session> {
        let from = self.clinician.map(|c| c.at);
        self.sessions
            .iter()
            .filter(move |s| from.is_none_or(|f| s.at > f))
    }

    /// Stops after the latest clinician confirmation.
    fn live_stops(&self) -> impl Iterator<Item = &StopFact> {
        let from = self.clinician.map(|c| c.at);
        self.stops
            .iter()
            .filter(move |f| from.is_none_or(|c| f.at > c))
    }

    /// S2: why the plan is stopped, if it is: a sign at a check-in, a pattern of "worse", or
    /// a stop any copy reached, after the latest clinician confirmation. The most urgent sign
    /// wins over a pattern of "worse".
    pub fn stop(&self) -> Option<StopReason> {
        let signs = self
            .recent()
            .filter_map(|s| match s.checkin {
                CheckIn::Sign(w) => Some(StopReason::Sign(w)),
                _ => None,
            })
            .chain(self.live_stops().map(|f| f.reason));
        let worse: Vec<usize> = self
            .recent()
            .enumerate()
            .filter(|(_, s)| s.checkin == CheckIn::Worse)
            .map(|(i, _)| i)
            .collect();
        let pattern = worse
            .windows(2)
            .any(|p| p[1] - p[0] <= WORSE_WITHIN)
            .then_some(StopReason::Worse);
        signs.chain(pattern).min_by_key(|r| match r {
            StopReason::Sign(w) => (w.severity(), 0),
            StopReason::Worse => (Screening::SeeDoctor, 1),
        })
    }
}

/// Sorts a short list of facts, keeps each once and only the newest `max`. An insertion sort:
/// the lists are short and almost sorted (new facts come last), and the standard sorts cost
/// about 3 KB of wasm.
fn newest_once<T: Ord>(v: &mut Vec<T>, max: usize) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && v[j - 1] > v[j] {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
    v.dedup();
    let extra = v.len().saturating_sub(max);
    v.drain(..extra);
}

/// One cell of the progress picture: a session of the plan's span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cell {
    /// Done, and how it felt.
    Done(CheckIn),
    /// The next session: where the reader is in the plan today.
    Next,
    /// Still to come.
    Ahead,
}

impl Progress {
    /// The plan's span as cells: the sessions that counted, in order, then the next one, then
    /// the rest. Sessions past the span fill the grid as done.
    pub fn cells(&self, span: usize) -> Vec<Cell> {
        let done: Vec<Cell> = self
            .sessions
            .iter()
            .filter(|s| s.counted)
            .map(|s| Cell::Done(s.checkin))
            .collect();
        let done = &done[done.len().saturating_sub(span)..];
        let mut cells = done.to_vec();
        if cells.len() < span {
            cells.push(Cell::Next);
        }
        cells.resize(span, Cell::Ahead);
        cells
    }
}
