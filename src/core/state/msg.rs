//! Everything the reader can mean, and what the page brings, grouped by what it is about.
//! Each group has its own handler with an exhaustive match, so a new message does not compile
//! until it is handled. No message carries a time or a copy of the state: the shell hands the
//! clock beside each one, toggles change the question's draft, and confirmations commit it.

use crate::core::answers::{Goal, Onset, TimePref, Warning};
use crate::core::calendar::ReminderTime;
use crate::core::content::Question;
use crate::core::player::Action;
use crate::core::progress::{CheckIn, Progress};

use super::page::Notice;

/// A message to the reducer.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// The questions: answers, moving between them, starting over (`answers.rs`).
    Answer(Answer),
    /// The session: starting it, the player, the check-in after it (`session.rs`).
    Play(Play),
    /// A stop and the clinician confirmation that ends it (`safety.rs`).
    Safety(Safety),
    /// The record other copies and storage hold (`stored.rs`).
    Stored(Stored),
    /// The page's tools: toggles, notices, the reminder picker (`page.rs`).
    Page(PageMsg),
}

/// The questions.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// Ticks or unticks one sign on the safety check.
    ToggleWarning(Warning),
    /// Confirms the safety check as ticked ("None of these" when nothing is).
    ConfirmSafety,
    /// When it started.
    Onset(Onset),
    /// Ticks or unticks "from sitting".
    ToggleSitting,
    /// Ticks or unticks "morning stiffness".
    ToggleMorning,
    /// Confirms what goes with it, as ticked.
    ConfirmExtras,
    /// How much time.
    Time(TimePref),
    /// Forearms: what for.
    Goal(Goal),
    /// Go to a question to change its answer.
    Ask(Question),
    /// Back to the previous question.
    Previous,
    /// Forget the answers and start again.
    StartOver,
}

/// The session.
#[derive(Clone, Debug, PartialEq)]
pub enum Play {
    /// Start this routine of the plan.
    Start(usize),
    /// A player action, or the clock's tick.
    Player(Action),
    /// The reader's check-in after a session.
    CheckIn(CheckIn),
    /// Takes back the check-in while the finish screen is open (a mistaken tap).
    UndoCheckIn,
    /// Back to the routine.
    ShowRoutine,
}

/// A stop from the check-ins, and its end (S2).
#[derive(Clone, Debug, PartialEq)]
pub enum Safety {
    /// Ticks or unticks "a clinician has checked me".
    ToggleClinician,
    /// Confirms the ticked clinician check: the check-in stop ends.
    ConfirmClinician,
}

/// The record kept in storage and shared by every copy (S2, S6).
#[derive(Clone, Debug, PartialEq)]
pub enum Stored {
    /// The stored text and the share code in the address, as found (unparsed).
    Restore {
        /// The reader's stored progress.
        stored: Option<String>,
        /// A share code from a link.
        shared: Option<String>,
    },
    /// What another copy saved (another tab, another widget on the page, storage as it is
    /// now): merged, never overwriting.
    Merge(Progress),
    /// A record file the reader loaded: merged, and the reader told what it added.
    Load(Progress),
    /// The shell could not keep the progress in this browser (blocked or full storage).
    NotKept,
    /// Forget everything kept in this browser (S6). Never lifts a stop.
    Clear,
}

/// The page's tools: what the reader set or was told, which is not the routine itself.
#[derive(Clone, Debug, PartialEq)]
pub enum PageMsg {
    /// Spoken cues on or off.
    Speech(bool),
    /// The audible pace tick on or off (D1).
    PaceTick(bool),
    /// "Test sound" was pressed: its visual cue shows once more.
    SoundTested,
    /// What a tool did, to tell the reader.
    Told(Notice),
    /// Opens the reminder picker.
    OpenReminders,
    /// A reminder time picked.
    RemindAt(ReminderTime<'static>),
    /// The reminders file was made: the picker closes.
    RemindersMade,
}
