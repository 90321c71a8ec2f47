//! A compact, versioned share code for the answers (for a share link).
//!
//! The code carries onset, sitting, morning, time and goal. It never carries warning signs:
//! whoever opens a shared link answers the safety check themselves (S2, S3, S6).
//! Format: `1` (the version) then two lowercase hex digits of a bit field.

use super::answers::{Answers, Goal, Onset, TimePref};

const VERSION: char = '1';
const ONSET_MASK: u8 = 0b0000_0011;
const SITTING: u8 = 0b0000_0100;
const MORNING: u8 = 0b0000_1000;
const QUICK: u8 = 0b0001_0000;
const GOAL_SHIFT: u8 = 5;

/// Why a share code was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Not three characters.
    Length,
    /// An unknown version.
    Version,
    /// Not hex, or not lowercase.
    Digits,
    /// A value no answer has.
    Value,
}

/// Encodes the answers that a shared routine needs.
pub fn encode(a: &Answers) -> String {
    let onset = match a.onset {
        None => 0,
        Some(Onset::Acute) => 1,
        Some(Onset::Chronic) => 2,
    };
    let goal = a
        .goal
        .and_then(|g| Goal::ALL.iter().position(|&x| x == g))
        .map_or(0, |i| i as u8 + 1);
    let bits = onset
        | if a.sitting { SITTING } else { 0 }
        | if a.morning { MORNING } else { 0 }
        | if a.time == TimePref::Quick { QUICK } else { 0 }
        | goal << GOAL_SHIFT;
    let mut out = String::with_capacity(3);
    out.push(VERSION);
    for nibble in [bits >> 4, bits & 0xf] {
        out.push(char::from_digit(u32::from(nibble), 16).unwrap_or('0'));
    }
    out
}

/// Decodes a share code, refusing anything that is not exactly what `encode` writes.
/// The decoded answers have no safety answer, so the safety check is asked again.
pub fn decode(code: &str) -> Result<Answers, ShareError> {
    let chars: Vec<char> = code.chars().collect();
    if chars.len() != 3 {
        return Err(ShareError::Length);
    }
    if chars[0] != VERSION {
        return Err(ShareError::Version);
    }
    let mut bits: u8 = 0;
    for &c in &chars[1..] {
        if c.is_ascii_uppercase() {
            return Err(ShareError::Digits);
        }
        let d = c.to_digit(16).ok_or(ShareError::Digits)?;
        bits = bits << 4 | d as u8;
    }
    let onset = match bits & ONSET_MASK {
        0 => None,
        1 => Some(Onset::Acute),
        2 => Some(Onset::Chronic),
        _ => return Err(ShareError::Value),
    };
    let goal = match bits >> GOAL_SHIFT {
        0 => None,
        g => Some(*Goal::ALL.get(usize::from(g) - 1).ok_or(ShareError::Value)?),
    };
    Ok(Answers {
        warnings: None,
        onset,
        sitting: bits & SITTING != 0,
        morning: bits & MORNING != 0,
        time: if bits & QUICK != 0 {
            TimePref::Quick
        } else {
            TimePref::Standard
        },
        goal,
    })
}
