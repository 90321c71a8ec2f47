//! Content as data: muscles, links and routine families. The plan builder reads these tables;
//! adding a family or a routine is a change here, not a new code path.
//!
//! Facts come from the article (rule ids in `../shared/spec/routine-rules.md`); the sentences
//! are ours.

use super::answers::{Goal, Onset, Warning};
use super::dates::TimeOfDay;
use super::figure::Picture;

/// Where a link points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    /// A path on the blog, joined to the configurable base address (L1 to L6).
    Blog(&'static str),
    /// The 5-in-1 set's product page: its address is not known, so a host page must supply it
    /// (E2); without one, no link is shown.
    ProductSet,
}

/// L1: the source article.
pub const ARTICLE: &str = "/blog/foam-roller-and-lower-back-pain-what-actually-works";
/// L2: hip flexors.
pub const HIP_FLEXOR_GUIDE: &str = "/blog/foam-rolling-tight-hip-flexors-for-back-pain";
/// L3: lats.
pub const LATS_GUIDE: &str = "/blog/foam-rolling-lats-open-up-your-back-and-improve-posture";
/// L4: how often.
pub const FREQUENCY_GUIDE: &str = "/blog/how-often-should-you-foam-roll-for-back-pain";
/// L5: sitting.
pub const SITTING_GUIDE: &str = "/blog/should-you-foam-roll-a-lower-back-that-hurts-from-sitting";
/// L6: the roller.
pub const ROLLER: &str = "/products/foam-massage-roller";

/// Whether a muscle is rolled once, or once on each side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sides {
    /// Left, then right.
    Both,
    /// One pass down the middle (the thoracic spine).
    Centre,
}

/// How the reader sits or lies for a muscle: what the player's get-ready time depends on.
/// Getting face down or onto one side on a roller, with a sore back, takes longer than
/// sitting on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Position {
    /// Sitting on the roller (the glutes).
    Seated,
    /// On the back, roller across it (the mid-back).
    OnBack,
    /// Face down, roller under the front of one hip (the hip flexors).
    FaceDown,
    /// On one side, arm overhead (the lats).
    OnSide,
    /// Sitting or standing, the tool in the hands (forearms, palm).
    Hands,
}

impl Position {
    /// Seconds to get into the position before a step's first side.
    pub const fn ready_s(self) -> u16 {
        match self {
            Position::Seated | Position::Hands => 10,
            Position::OnBack => 15,
            Position::FaceDown | Position::OnSide => 20,
        }
    }

    /// Seconds to change to the other side: turning over is slower lying down.
    pub const fn switch_s(self) -> u16 {
        match self {
            Position::Seated | Position::Hands | Position::OnBack => 5,
            Position::FaceDown | Position::OnSide => 10,
        }
    }
}

/// A hold on a tender or referral spot (D3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hold {
    /// Shortest hold, seconds.
    pub min_s: u16,
    /// Longest hold, seconds.
    pub max_s: u16,
    /// When to hold.
    pub cue: &'static str,
}

/// What to roll with (E1, E2).
#[derive(Debug)]
pub struct Equipment {
    /// Stable id.
    pub id: &'static str,
    /// Its name.
    pub name: &'static str,
    /// Why this one.
    pub why: &'static str,
    /// Its picture.
    pub picture: &'static Picture,
    /// Where to get it, if known.
    pub link: Link,
}

/// One muscle group and how to roll it.
#[derive(Debug)]
pub struct Muscle {
    /// Stable id, used in tests, events and CSS.
    pub id: &'static str,
    /// The name the reader sees.
    pub name: &'static str,
    /// Left and right, or once.
    pub sides: Sides,
    /// The position in at most eight words, read from a metre away in the player.
    pub cue: &'static str,
    /// How the reader sits or lies: the get-ready and switch times.
    pub position: Position,
    /// How to do it, one short line each.
    pub how: &'static [&'static str],
    /// Why it helps the lower back (or hands).
    pub why: &'static str,
    /// A hold prompt, where the article gives one (D3).
    pub hold: Option<Hold>,
    /// Slow passes per side, where the article counts them.
    pub passes: Option<u8>,
    /// A note on the equipment, where it matters for this muscle.
    pub equipment: Option<&'static str>,
    /// What to roll with.
    pub uses: &'static Equipment,
    /// The position, as a picture.
    pub picture: &'static Picture,
    /// The related article or product.
    pub link: Link,
    /// The link's text.
    pub link_text: &'static str,
}

/// How hard to press.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pressure {
    /// S4: very light, for pain of the last two days.
    VeryLight,
    /// F1: moderate, keep moving.
    Moderate,
    /// Everything else: the reader's own comfortable pressure.
    Comfortable,
}

impl Pressure {
    /// The reader-facing wording.
    pub fn label(self) -> &'static str {
        match self {
            Pressure::VeryLight => "Very light pressure",
            Pressure::Moderate => "Moderate pressure",
            Pressure::Comfortable => "Comfortable pressure",
        }
    }
}

/// One step of a routine template: a muscle and its dose.
#[derive(Debug, PartialEq, Eq)]
pub struct StepTemplate {
    /// The muscle.
    pub muscle: &'static Muscle,
    /// Seconds per side for a quick session.
    pub quick_s: u16,
    /// Seconds per side for a standard session.
    pub standard_s: u16,
    /// How hard to press.
    pub pressure: Pressure,
}

const fn step(muscle: &'static Muscle, quick_s: u16, standard_s: u16, p: Pressure) -> StepTemplate {
    StepTemplate {
        muscle,
        quick_s,
        standard_s,
        pressure: p,
    }
}

/// When a routine template applies. `None` matches any answer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct When {
    /// Onset, or any.
    pub onset: Option<Onset>,
    /// Sitting-related, or any.
    pub sitting: Option<bool>,
    /// Morning stiffness, or any.
    pub morning: Option<bool>,
    /// Goal (forearms family), or any.
    pub goal: Option<Goal>,
}

impl When {
    /// Matches every answer; templates name only the answers they depend on.
    pub const ANY: When = When {
        onset: None,
        sitting: None,
        morning: None,
        goal: None,
    };
}

/// A routine the family can recommend, and when.
#[derive(Debug)]
pub struct RoutineTemplate {
    /// Stable id.
    pub id: &'static str,
    /// Title shown to the reader.
    pub title: &'static str,
    /// The answers it applies to.
    pub when: When,
    /// Steps, in order.
    pub steps: &'static [StepTemplate],
    /// When and how often to do it (P1, P2, P4, F2).
    pub schedule: &'static str,
    /// How often, in a few words for the routine's one-line summary.
    pub often: &'static str,
    /// One line on what to expect, or what comes next.
    pub expect: &'static str,
    /// A short note shown with the routine, if any.
    pub note: Option<&'static str>,
    /// A guide that goes with this routine, with its link text.
    pub guide: Option<(&'static str, &'static str)>,
    /// The pace of each pass, if the routine has one (D1).
    pub pace: Option<&'static str>,
    /// Sessions in the suggested span, for the progress count (P1, P4).
    pub span_sessions: u8,
    /// When it is done, for reminders: its times of day with their suggested times. Empty
    /// for a routine with no fixed time (the warm-up).
    pub reminders: &'static [Slot],
}

/// Which question screens a family asks, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Question {
    /// S2, S3.
    Safety,
    /// S4, P1.
    Onset,
    /// P2, P3.
    Extras,
    /// D2.
    Time,
    /// F1 to F4.
    Goal,
}

/// A family of routines: one per kind of article the widget can sit on.
#[derive(Debug)]
pub struct Family {
    /// Stable id, chosen by the host page (`data-family`).
    pub id: &'static str,
    /// Heading shown above the questions.
    pub title: &'static str,
    /// The article the family is built from (the fallback link).
    pub article: &'static str,
    /// Question screens, in order (at most five).
    pub questions: &'static [Question],
    /// The lumbar warning applies (S1).
    pub lumbar_warning: bool,
    /// Routine templates; every one whose `when` matches is in the plan, in this order.
    pub routines: &'static [RoutineTemplate],
    /// The check-in question after a session, about the pain itself (S2), naming the
    /// family's body part.
    pub checkin_question: &'static str,
    /// One line under it: the pain, not the muscles just rolled.
    pub checkin_hint: &'static str,
    /// S2: the signs the check-in offers beside better, same and worse.
    pub checkin_signs: &'static [Warning],
    /// S2: why a pattern of "worse" check-ins stopped the plan, naming the body part.
    pub worse_stop: &'static str,
    /// S2, with how often to roll: when to stop, in the words the check-in and the stop use.
    pub worse_watch: &'static str,
    /// P4: the guide on how often to roll, linked from every plan of the family.
    pub frequency_guide: Option<(&'static str, &'static str)>,
    /// The family's own key for the reader's progress when the host gives none.
    pub storage_key: &'static str,
}

/// D1: the pace of a pass.
pub const SLOW_PACE: &str = "Slow passes: about 5 to 8 cm (2 to 3 inches) a second.";

/// S1: said once in every lower-back routine.
pub const LUMBAR_WARNING: &str = "Never roll the lower back itself. It has no ribs to shield it, so a roller under its arch bends the small spinal joints too far back.";

/// S5: visible wherever a routine is.
pub const NOT_A_DIAGNOSIS: &str = "General information for muscle tightness, not a diagnosis.";

/// One time of day at which a routine is done: most routines have one, a twice-a-day routine
/// two (F2), a routine tied to an activity rather than the clock none.
#[derive(Debug, PartialEq, Eq)]
pub struct Slot {
    /// What the time is, for the picker and the event title ("In the morning").
    pub label: &'static str,
    /// The time used when the reader picks none.
    pub default: TimeOfDay,
    /// One-tap choices, earliest first; the default is one of them.
    pub choices: &'static [TimeOfDay],
}

const fn at(h: u8, m: u8) -> TimeOfDay {
    TimeOfDay { h, m }
}

const fn slot(label: &'static str, default: TimeOfDay, choices: &'static [TimeOfDay]) -> Slot {
    Slot {
        label,
        default,
        choices,
    }
}

mod families;
mod muscles;

pub use families::*;
pub use muscles::*;

/// Content is static and each piece has an id of its own (tests/rules/muscles.rs checks):
/// the same id, the same piece. A derived field-by-field comparison would cost about 3 KB of
/// code to say the same.
macro_rules! same_by_id {
    ($($t:ty),*) => {$(
        impl PartialEq for $t {
            fn eq(&self, other: &Self) -> bool {
                self.id == other.id
            }
        }
        impl Eq for $t {}
    )*};
}
same_by_id!(Equipment, Muscle, RoutineTemplate, Family);
