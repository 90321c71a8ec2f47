//! The plan's progress, as the text kept in the reader's own browser storage (S6).
//!
//! Parsing is strict and total: corrupted or foreign text is an error, never a panic, and the
//! shell then starts afresh.

use super::answers::Answers;
use super::share;

/// After a session: how the back feels compared with before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckIn {
    /// Better.
    Better,
    /// About the same.
    Same,
    /// Worse.
    Worse,
}

impl CheckIn {
    fn code(self) -> char {
        match self {
            CheckIn::Better => 'b',
            CheckIn::Same => 's',
            CheckIn::Worse => 'w',
        }
    }

    fn from_code(c: char) -> Option<Self> {
        match c {
            'b' => Some(CheckIn::Better),
            's' => Some(CheckIn::Same),
            'w' => Some(CheckIn::Worse),
            _ => None,
        }
    }
}

/// S2: this many "worse" check-ins in a row stop the plan with the see-a-doctor advice.
pub const WORSE_IN_A_ROW: usize = 2;
/// Check-ins kept; older ones are dropped.
pub const MAX_CHECKINS: usize = 60;

/// What is kept between visits.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// The answers' share code (never the warning signs).
    pub answers_code: Option<String>,
    /// Sessions finished.
    pub sessions: u32,
    /// Check-ins, oldest first.
    pub checkins: Vec<CheckIn>,
}

const PREFIX: &str = "rr1";

impl Progress {
    /// Records a finished session and its check-in.
    #[must_use]
    pub fn with_checkin(&self, c: CheckIn) -> Self {
        let mut next = self.clone();
        next.sessions = next.sessions.saturating_add(1);
        next.checkins.push(c);
        if next.checkins.len() > MAX_CHECKINS {
            next.checkins.remove(0);
        }
        next
    }

    /// Remembers the answers (without warning signs).
    #[must_use]
    pub fn with_answers(&self, a: &Answers) -> Self {
        Self {
            answers_code: Some(share::encode(a)),
            ..self.clone()
        }
    }

    /// The remembered answers, if any and valid.
    pub fn answers(&self) -> Option<Answers> {
        share::decode(self.answers_code.as_deref()?).ok()
    }

    /// S2: the last check-ins were "worse", several times in a row.
    pub fn getting_worse(&self) -> bool {
        self.checkins.len() >= WORSE_IN_A_ROW
            && self.checkins[self.checkins.len() - WORSE_IN_A_ROW..]
                .iter()
                .all(|&c| c == CheckIn::Worse)
    }

    /// The text to store.
    pub fn to_text(&self) -> String {
        let checkins: String = self.checkins.iter().map(|c| c.code()).collect();
        format!(
            "{PREFIX};{};{};{checkins}",
            self.answers_code.as_deref().unwrap_or(""),
            self.sessions
        )
    }

    /// Parses stored text; anything malformed or foreign is `None`.
    pub fn from_text(text: &str) -> Option<Self> {
        let mut parts = text.split(';');
        if parts.next()? != PREFIX {
            return None;
        }
        let code = parts.next()?;
        let answers_code = match code {
            "" => None,
            c => {
                share::decode(c).ok()?;
                Some(c.to_string())
            }
        };
        let sessions_text = parts.next()?;
        if sessions_text.is_empty() || !sessions_text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let sessions = sessions_text.parse().ok()?;
        let checkins: Option<Vec<CheckIn>> =
            parts.next()?.chars().map(CheckIn::from_code).collect();
        let checkins = checkins?;
        if parts.next().is_some() || checkins.len() > MAX_CHECKINS {
            return None;
        }
        Some(Self {
            answers_code,
            sessions,
            checkins,
        })
    }
}
