//! The page's tools: what the reader set (spoken cues, the audible pace tick), what a tool
//! told them, the reminder picker, and "Test sound". Not the routine, but state all the same,
//! so it lives in the reducer where native tests reach it; the shell only performs the
//! effects and reports what they did.

use crate::core::calendar::ReminderTime;
use crate::core::record::LoadError;

use super::msg::PageMsg;
use super::State;

/// What the page's tools hold.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// Spoken cues are on.
    pub speech: bool,
    /// The audible pace tick is on (D1).
    pub pace_tick: bool,
    /// What a tool last told the reader.
    pub notice: Option<Notice>,
    /// "Test sound" presses: each shows the visual cue once more, as a session would.
    pub tested: u32,
    /// The reminder picker, open, with the times chosen so far.
    pub remind: Option<Vec<ReminderTime<'static>>>,
}

/// What a tool did, in the reader's words ([`Notice::text`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The share link is on the clipboard.
    LinkCopied,
    /// The clipboard refused it.
    CopyFailed,
    /// The record file was offered for download.
    RecordSaved,
    /// It could not be.
    SaveFailed,
    /// A record file was loaded: how many sessions it added.
    RecordLoaded(usize),
    /// A record file was refused, and why.
    LoadFailed(LoadError),
    /// The reminders file was offered for download.
    Reminders,
    /// What this device can do, after "Test sound".
    SoundCheck {
        /// Tones play.
        audio: bool,
        /// Speech works.
        speech: bool,
        /// The device vibrates.
        vibration: bool,
        /// The screen can be kept awake.
        wake_lock: bool,
    },
}

impl Notice {
    /// The reader-facing text.
    pub fn text(self) -> String {
        let yes = |b: bool| if b { "yes" } else { "no" };
        match self {
            Notice::LinkCopied => {
                "Link copied. It opens this routine after the safety check.".into()
            }
            Notice::CopyFailed => "Couldn't copy the link here.".into(),
            Notice::RecordSaved => "Your record is saved as a file.".into(),
            Notice::SaveFailed => "Couldn't save the file here.".into(),
            Notice::RecordLoaded(0) => "Record loaded: nothing new in it.".into(),
            Notice::RecordLoaded(1) => "Record loaded: 1 session added.".into(),
            Notice::RecordLoaded(n) => format!("Record loaded: {n} sessions added."),
            Notice::LoadFailed(e) => e.message().into(),
            Notice::Reminders => {
                "Reminders downloaded: open the file to add them to your calendar.".into()
            }
            Notice::SoundCheck {
                audio,
                speech,
                vibration,
                wake_lock,
            } => format!(
                "On this device: tones {}, voice {}, vibration {}, screen kept awake {}.",
                yes(audio),
                yes(speech),
                yes(vibration),
                yes(wake_lock)
            ),
        }
    }
}

impl State {
    pub(super) fn page(&mut self, m: PageMsg) {
        let p = &mut self.page;
        match m {
            PageMsg::Speech(on) => p.speech = on,
            PageMsg::PaceTick(on) => p.pace_tick = on,
            PageMsg::SoundTested => p.tested = p.tested.wrapping_add(1),
            PageMsg::Told(n) => p.notice = Some(n),
            PageMsg::OpenReminders => {
                p.remind.get_or_insert_with(Vec::new);
            }
            PageMsg::RemindAt(t) => {
                if let Some(list) = &mut p.remind {
                    list.retain(|c| (c.routine, c.slot) != (t.routine, t.slot));
                    list.push(t);
                }
            }
            PageMsg::RemindersMade => {
                p.remind = None;
                p.notice = Some(Notice::Reminders);
            }
        }
    }
}
