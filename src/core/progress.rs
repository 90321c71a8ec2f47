//! The plan's progress, as the text kept in the reader's own browser storage (S6): the
//! remembered answers (never a warning sign), when the reader said the pain was new (S4), the
//! day of the last safety check (S7), each session's check-in (S2) and the reader's
//! confirmation that a clinician has checked them (S2).
//!
//! Parsing is strict and total: corrupted or foreign text is `None`, never a panic, and the
//! shell then starts afresh. Days are the reader's local days since 1970-01-01.

use super::answers::{Answers, Warning};
use super::share;

/// After a session: how it feels compared with before, or an S2 sign.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckIn {
    /// Better.
    Better,
    /// About the same.
    Same,
    /// Worse.
    Worse,
    /// S2: a "stop and see a doctor" sign appeared.
    Sign(Warning),
}

impl CheckIn {
    fn code(self) -> char {
        match self {
            CheckIn::Better => 'b',
            CheckIn::Same => 's',
            CheckIn::Worse => 'w',
            CheckIn::Sign(w) => w.code(),
        }
    }

    fn from_code(c: char) -> Option<Self> {
        match c {
            'b' => Some(CheckIn::Better),
            's' => Some(CheckIn::Same),
            'w' => Some(CheckIn::Worse),
            c => Warning::from_code(c).map(CheckIn::Sign),
        }
    }
}

/// One session the reader checked in after.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Session {
    /// The local day it was done.
    pub day: i32,
    /// How it felt.
    pub checkin: CheckIn,
    /// It counts toward the plan: at least [`COUNTS_FROM_PERCENT`] of its rolling time done.
    pub counted: bool,
}

/// The reader's confirmation that a clinician has checked them since a stop (S2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clearance {
    /// The local day it was confirmed.
    pub day: i32,
    /// Sessions before this index were seen by the clinician and no longer stop the plan.
    pub after: usize,
}

/// Why the progress stops the plan (S2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
/// S2: "worse" check-ins this close together stop the plan: two in a row (1 apart) or two
/// among the last three (2 apart).
pub const WORSE_WITHIN: usize = 2;

/// What is kept between visits.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// The remembered answers, without warning signs.
    pub answers: Option<Answers>,
    /// S4: when the reader said the pain was new (ms since 1970, UTC).
    pub acute_since: Option<u64>,
    /// S7: the local day the safety check was last answered with no sign.
    pub safety_day: Option<i32>,
    /// Sessions, oldest first.
    pub sessions: Vec<Session>,
    /// S2: the latest clinician confirmation.
    pub clinician: Option<Clearance>,
}

const PREFIX: &str = "rr2";
const OLD_PREFIX: &str = "rr1";

impl Progress {
    /// Records a session and its check-in.
    #[must_use]
    pub fn with_session(&self, s: Session) -> Self {
        let mut next = self.clone();
        next.sessions.push(s);
        if next.sessions.len() > MAX_SESSIONS {
            next.sessions.remove(0);
            if let Some(c) = &mut next.clinician {
                c.after = c.after.saturating_sub(1);
            }
        }
        next
    }

    /// Sessions that count toward the plan.
    pub fn counted(&self) -> usize {
        self.sessions.iter().filter(|s| s.counted).count()
    }

    /// S2: why the plan is stopped, if it is. Only sessions after the latest clinician
    /// confirmation count; a sign wins over a pattern of "worse".
    pub fn stop(&self) -> Option<StopReason> {
        let from = self
            .clinician
            .map_or(0, |c| c.after.min(self.sessions.len()));
        let recent = &self.sessions[from..];
        if let Some(w) = recent
            .iter()
            .filter_map(|s| match s.checkin {
                CheckIn::Sign(w) => Some(w),
                _ => None,
            })
            .min_by_key(|w| w.severity())
        {
            return Some(StopReason::Sign(w));
        }
        let worse: Vec<usize> = recent
            .iter()
            .enumerate()
            .filter(|(_, s)| s.checkin == CheckIn::Worse)
            .map(|(i, _)| i)
            .collect();
        worse
            .windows(2)
            .any(|p| p[1] - p[0] <= WORSE_WITHIN)
            .then_some(StopReason::Worse)
    }

    /// The text to store.
    pub fn to_text(&self) -> String {
        let num = |n: Option<String>| n.unwrap_or_default();
        let sessions: Vec<String> = self
            .sessions
            .iter()
            .map(|s| format!("{}{}{}", s.day, s.checkin.code(), u8::from(s.counted)))
            .collect();
        format!(
            "{PREFIX};{};{};{};{};{}",
            num(self.answers.as_ref().map(share::encode)),
            num(self.acute_since.map(|t| t.to_string())),
            num(self.safety_day.map(|d| d.to_string())),
            num(self.clinician.map(|c| format!("{}:{}", c.day, c.after))),
            sessions.join(",")
        )
    }

    /// Parses stored text; anything malformed or foreign is `None`. Text from the first
    /// format keeps its check-ins (so a stop it held still holds), dated day 0.
    pub fn from_text(text: &str) -> Option<Self> {
        let parts: Vec<&str> = text.split(';').collect();
        match parts.as_slice() {
            [PREFIX, answers, acute, safety, clinician, sessions] => {
                let p = Self {
                    answers: optional(answers, |c| share::decode(c).ok())?,
                    acute_since: optional(acute, number)?,
                    safety_day: optional(safety, |d| number(d)?.try_into().ok())?,
                    clinician: optional(clinician, |c| {
                        let (day, after) = c.split_once(':')?;
                        Some(Clearance {
                            day: number(day)?.try_into().ok()?,
                            after: number(after)?.try_into().ok()?,
                        })
                    })?,
                    sessions: optional(sessions, |list| list.split(',').map(session).collect())?
                        .unwrap_or_default(),
                };
                (p.sessions.len() <= MAX_SESSIONS).then_some(p)
            }
            [OLD_PREFIX, answers, count, checkins] => {
                number(count)?;
                let sessions: Option<Vec<Session>> = checkins
                    .chars()
                    .map(|c| match CheckIn::from_code(c)? {
                        CheckIn::Sign(_) => None,
                        checkin => Some(Session {
                            day: 0,
                            checkin,
                            counted: true,
                        }),
                    })
                    .collect();
                let sessions = sessions?;
                (sessions.len() <= MAX_SESSIONS).then_some(Self {
                    answers: optional(answers, |c| share::decode(c).ok())?,
                    sessions,
                    ..Self::default()
                })
            }
            _ => None,
        }
    }
}

/// An empty field is `Some(None)`; a field that does not parse is `None`.
fn optional<T>(field: &str, parse: impl FnOnce(&str) -> Option<T>) -> Option<Option<T>> {
    if field.is_empty() {
        Some(None)
    } else {
        parse(field).map(Some)
    }
}

/// Plain decimal digits only (no sign, no spaces), within 2^53 so it survives JavaScript.
fn number(text: &str) -> Option<u64> {
    if text.is_empty() || text.len() > 16 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|&n| n < 1 << 53)
}

/// `{day}{code}{0|1}`, for example `20418w1`.
fn session(text: &str) -> Option<Session> {
    let mut chars = text.chars().rev();
    let counted = match chars.next()? {
        '0' => false,
        '1' => true,
        _ => return None,
    };
    let checkin = CheckIn::from_code(chars.next()?)?;
    let day_text = &text[..text.len() - 2];
    Some(Session {
        day: number(day_text)?.try_into().ok()?,
        checkin,
        counted,
    })
}

/// A local day number as `YYYY-MM-DD` (the proleptic Gregorian calendar, as ISO 8601).
pub fn day_label(day: i32) -> String {
    // Howard Hinnant's days-to-civil algorithm.
    let z = i64::from(day) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
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

/// The reader's own record, as the file they can save (S6): every session with its date and
/// how it felt, and the clinician confirmation. Written through serde.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Record {
    /// What this file is.
    pub format: &'static str,
    /// Sessions, oldest first.
    pub sessions: Vec<RecordSession>,
    /// The day the reader confirmed a clinician had checked them, if they did.
    pub clinician_checked: Option<String>,
}

/// One session in the [`Record`].
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct RecordSession {
    /// `YYYY-MM-DD`, the reader's local date.
    pub date: String,
    /// `better`, `same`, `worse`, or the sign reported.
    pub felt: &'static str,
    /// Long enough to count toward the plan.
    pub counted: bool,
}

impl Progress {
    /// The record to export.
    pub fn record(&self) -> Record {
        Record {
            format: "roll-routine record 1",
            sessions: self
                .sessions
                .iter()
                .map(|s| RecordSession {
                    date: day_label(s.day),
                    felt: match s.checkin {
                        CheckIn::Better => "better",
                        CheckIn::Same => "same",
                        CheckIn::Worse => "worse",
                        CheckIn::Sign(w) => w.label(),
                    },
                    counted: s.counted,
                })
                .collect(),
            clinician_checked: self.clinician.map(|c| day_label(c.day)),
        }
    }
}
