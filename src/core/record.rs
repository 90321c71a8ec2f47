//! The reader's progress as text: the compact line kept in browser storage, and the record
//! file the reader can save and load on another device (S6).
//!
//! Parsing is strict and total: corrupted or foreign text is `None` (or an error the reader
//! can read), never a panic. Older formats still read, and a stop they held still holds.
//!
//! The stored line (`rr3`) is nine fields separated by `;`:
//! `rr3;{answers_at}:{share code};{acute_since};{safety_at}:{day};{clinician_at}:{day};`
//! `{cleared};{sessions};{stops};{withdrawn}`, where a session is `{at}.{day}{code}{0|1}`, a
//! stop `{at}.{code}` (`w` for a pattern of "worse") and lists are separated by `,`.

use super::answers::Warning;
use super::progress::{
    day_label, CheckIn, Clearance, Progress, Session, StopFact, StopReason, MAX_SESSIONS, MAX_STOPS,
};
use super::share;

const PREFIX: &str = "rr3";
const RR2: &str = "rr2";
const RR1: &str = "rr1";

/// What a saved record file says it is.
pub const FILE_FORMAT: &str = "roll-routine record 2";
const FILE_FAMILY: &str = "roll-routine record ";
/// A record file larger than this is not one of ours: it is refused before it is read.
pub const MAX_FILE_BYTES: f64 = 64.0 * 1024.0;

impl Progress {
    /// The text to store.
    pub fn to_text(&self) -> String {
        let join = |v: Vec<String>| v.join(",");
        let pair = |at: u64, v: Option<String>| match (at, v) {
            (0, None) => String::new(),
            (at, v) => format!("{at}:{}", v.unwrap_or_default()),
        };
        format!(
            "{PREFIX};{};{};{};{};{};{};{};{}",
            pair(self.answers_at, self.answers.as_ref().map(share::encode)),
            self.acute_since.map(|t| t.to_string()).unwrap_or_default(),
            pair(self.safety_at, self.safety_day.map(|d| d.to_string())),
            self.clinician
                .map(|c| format!("{}:{}", c.at, c.day))
                .unwrap_or_default(),
            self.cleared.map(|t| t.to_string()).unwrap_or_default(),
            join(self.sessions.iter().map(session_text).collect()),
            join(
                self.stops
                    .iter()
                    .map(|f| format!("{}.{}", f.at, stop_code(f.reason)))
                    .collect()
            ),
            join(self.withdrawn.iter().map(session_text).collect()),
        )
    }

    /// Parses stored text; anything malformed or foreign is `None`.
    pub fn from_text(text: &str) -> Option<Self> {
        let parts: Vec<&str> = text.split(';').collect();
        let mut p = match parts.as_slice() {
            [PREFIX, answers, acute, safety, clinician, cleared, sessions, stops, withdrawn] => {
                let (answers_at, answers) = stamped(answers, |c| share::decode(c).ok())?;
                let (safety_at, safety_day) = stamped(safety, |d| number(d)?.try_into().ok())?;
                Self {
                    answers,
                    acute_since: optional(acute, number)?,
                    answers_at,
                    safety_day,
                    safety_at,
                    clinician: optional(clinician, |c| {
                        let (at, day) = c.split_once(':')?;
                        Some(Clearance {
                            at: number(at)?,
                            day: number(day)?.try_into().ok()?,
                        })
                    })?,
                    cleared: optional(cleared, number)?,
                    sessions: list(sessions, MAX_SESSIONS, session)?,
                    stops: list(stops, MAX_STOPS, stop)?,
                    withdrawn: list(withdrawn, MAX_SESSIONS, session)?,
                }
            }
            [RR2, answers, acute, safety, clinician, sessions] => from_rr2(
                answers,
                acute,
                safety,
                clinician,
                list(sessions, MAX_SESSIONS, old_session)?,
            )?,
            [RR1, answers, count, checkins] => {
                number(count)?;
                let sessions: Option<Vec<(i32, CheckIn, bool)>> = checkins
                    .chars()
                    .map(|c| match CheckIn::from_code(c)? {
                        CheckIn::Sign(_) => None,
                        checkin => Some((0, checkin, true)),
                    })
                    .collect();
                let sessions = sessions.filter(|s| s.len() <= MAX_SESSIONS)?;
                from_rr2(answers, "", "", "", sessions)?
            }
            _ => return None,
        };
        p.normalize();
        Some(p)
    }
}

/// The second and first formats kept sessions in order without their time: they get the
/// times 1, 2, … (older than anything new), and the clinician confirmation the time that
/// puts it after the sessions it saw. A stop they held is kept as a fact.
fn from_rr2(
    answers: &str,
    acute: &str,
    safety: &str,
    clinician: &str,
    sessions: Vec<(i32, CheckIn, bool)>,
) -> Option<Progress> {
    let answers = optional(answers, |c| share::decode(c).ok())?;
    let safety_day = optional(safety, |d| number(d)?.try_into().ok())?;
    let mut p = Progress {
        answers_at: u64::from(answers.is_some()),
        answers,
        acute_since: optional(acute, number)?,
        safety_at: u64::from(safety_day.is_some()),
        safety_day,
        clinician: optional(clinician, |c| {
            let (day, after) = c.split_once(':')?;
            Some(Clearance {
                at: number(after)?,
                day: number(day)?.try_into().ok()?,
            })
        })?,
        ..Progress::default()
    };
    p.sessions = sessions
        .into_iter()
        .zip(1..)
        .map(|((day, checkin, counted), at)| Session {
            at,
            day,
            checkin,
            counted,
        })
        .collect();
    p.record_stop(p.sessions.len() as u64 + 1);
    Some(p)
}

fn stop_code(r: StopReason) -> char {
    match r {
        StopReason::Sign(w) => w.code(),
        StopReason::Worse => 'w',
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

/// `{at}:{value}`, the value possibly empty; an empty field is time 0 and no value.
fn stamped<T>(field: &str, parse: impl FnOnce(&str) -> Option<T>) -> Option<(u64, Option<T>)> {
    if field.is_empty() {
        return Some((0, None));
    }
    let (at, value) = field.split_once(':')?;
    Some((number(at)?, optional(value, parse)?))
}

/// A list separated by `,`, at most `max` long.
fn list<T>(field: &str, max: usize, item: impl Fn(&str) -> Option<T>) -> Option<Vec<T>> {
    let items: Vec<T> = optional(field, |l| l.split(',').map(item).collect())?.unwrap_or_default();
    (items.len() <= max).then_some(items)
}

/// Plain decimal digits only (no sign, no spaces), within 2^53 so it survives JavaScript.
fn number(text: &str) -> Option<u64> {
    if text.is_empty() || text.len() > 16 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|&n| n < 1 << 53)
}

/// `{day}{code}{0|1}`, for example `20418w1`.
fn old_session(text: &str) -> Option<(i32, CheckIn, bool)> {
    let mut chars = text.chars().rev();
    let counted = match chars.next()? {
        '0' => false,
        '1' => true,
        _ => return None,
    };
    let checkin = CheckIn::from_code(chars.next()?)?;
    let day = number(text.get(..text.len() - 2)?)?.try_into().ok()?;
    Some((day, checkin, counted))
}

/// `{at}.{day}{code}{0|1}`.
fn session_text(s: &Session) -> String {
    format!(
        "{}.{}{}{}",
        s.at,
        s.day,
        s.checkin.code(),
        u8::from(s.counted)
    )
}

/// `{at}.{day}{code}{0|1}`.
fn session(text: &str) -> Option<Session> {
    let (at, rest) = text.split_once('.')?;
    let (day, checkin, counted) = old_session(rest)?;
    Some(Session {
        at: number(at)?,
        day,
        checkin,
        counted,
    })
}

/// `{at}.{code}`.
fn stop(text: &str) -> Option<StopFact> {
    let (at, code) = text.split_once('.')?;
    let mut chars = code.chars();
    let reason = match (chars.next()?, chars.next()) {
        ('w', None) => StopReason::Worse,
        (c, None) => StopReason::Sign(Warning::from_code(c)?),
        _ => return None,
    };
    Some(StopFact {
        at: number(at)?,
        reason,
    })
}

/// The reader's own record, as the file they can save (S6): every session with its date and
/// how it felt, the clinician confirmation, and the whole record as stored (`data`), which
/// is what loading reads. Written through serde.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Record {
    /// What this file is: [`FILE_FORMAT`].
    pub format: &'static str,
    /// Sessions, oldest first.
    pub sessions: Vec<RecordSession>,
    /// The day the reader confirmed a clinician had checked them, if they did.
    pub clinician_checked: Option<String>,
    /// The stored line, read back by [`Progress::from_file`].
    pub data: String,
}

/// One session in the [`Record`].
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct RecordSession {
    /// `YYYY-MM-DD`, the reader's local date.
    pub date: String,
    /// `better`, `same`, `sore where rolled`, `worse`, or the sign reported.
    pub felt: &'static str,
    /// Long enough to count toward the plan.
    pub counted: bool,
}

/// Why a record file was not loaded. Loading it changed nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Not a record of ours (another file, or not JSON).
    Foreign,
    /// A record of ours, damaged.
    Damaged,
    /// A record from a newer version of the widget.
    Newer,
    /// Too large to be a record of ours.
    TooLarge,
}

impl LoadError {
    /// What the reader is told.
    pub fn message(self) -> &'static str {
        match self {
            LoadError::Foreign => "That file is not a roll-routine record. Nothing was changed.",
            LoadError::Damaged => {
                "That record file is damaged and can't be read. Nothing was changed."
            }
            LoadError::Newer => {
                "That record was saved by a newer version of this routine. Nothing was changed."
            }
            LoadError::TooLarge => {
                "That file is too large to be a roll-routine record. Nothing was changed."
            }
        }
    }
}

impl Progress {
    /// The record to save as a file.
    pub fn record(&self) -> Record {
        Record {
            format: FILE_FORMAT,
            sessions: self
                .sessions
                .iter()
                .map(|s| RecordSession {
                    date: day_label(s.day),
                    felt: s.checkin.word(),
                    counted: s.counted,
                })
                .collect(),
            clinician_checked: self.clinician.map(|c| day_label(c.day)),
            // The answers stay in this browser: the other device asks its own questions.
            data: Progress {
                answers: None,
                acute_since: None,
                answers_at: 0,
                safety_day: None,
                safety_at: 0,
                ..self.clone()
            }
            .to_text(),
        }
    }

    /// Reads a record file from its `format` and `data` fields (`None` where the file has
    /// none). The caller merges the result: loading never drops a session or lifts a stop.
    pub fn from_file(format: Option<&str>, data: Option<&str>) -> Result<Self, LoadError> {
        let version = format
            .and_then(|f| f.strip_prefix(FILE_FAMILY))
            .ok_or(LoadError::Foreign)?;
        match number(version) {
            Some(2) => {}
            Some(v) if v > 2 => return Err(LoadError::Newer),
            // The first record files had no `data` to read back.
            _ => return Err(LoadError::Damaged),
        }
        data.and_then(Progress::from_text).ok_or(LoadError::Damaged)
    }
}
