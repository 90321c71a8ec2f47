//! What the reader told us, and the safety screening that comes before any routine (S2, S3).

use serde::{Deserialize, Serialize};

/// A sign that rolling is not the right answer today. The first three "see a doctor" signs
/// come from the article (S2); the rest are urgent red flags (S3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Warning {
    /// S2: sharp pain running down one or both legs.
    LegPain,
    /// S2: numbness or tingling in the legs or feet.
    NumbLegs,
    /// S2: pain clearly worse after each session instead of better over several days.
    WorseEachSession,
    /// S3, emergency: numbness in the groin or inner thighs (saddle area).
    SaddleNumbness,
    /// S3, emergency: new trouble holding or passing urine or stool.
    BladderBowel,
    /// S3, emergency: leg weakness that is getting worse.
    LegWeakness,
    /// S3, urgent: back pain with fever or feeling very unwell.
    FeverUnwell,
    /// S3, urgent: back pain after a significant fall or accident.
    FallOrAccident,
    /// S3, urgent: a history of cancer or unexplained weight loss.
    CancerOrWeightLoss,
}

impl Warning {
    /// Every warning, in the order the safety screen lists them (most urgent first).
    pub const ALL: [Warning; 9] = [
        Warning::SaddleNumbness,
        Warning::BladderBowel,
        Warning::LegWeakness,
        Warning::FeverUnwell,
        Warning::FallOrAccident,
        Warning::CancerOrWeightLoss,
        Warning::LegPain,
        Warning::NumbLegs,
        Warning::WorseEachSession,
    ];

    /// How urgent this sign is.
    pub fn severity(self) -> Screening {
        match self {
            Warning::SaddleNumbness | Warning::BladderBowel | Warning::LegWeakness => {
                Screening::Emergency
            }
            Warning::FeverUnwell | Warning::FallOrAccident | Warning::CancerOrWeightLoss => {
                Screening::UrgentCare
            }
            Warning::LegPain | Warning::NumbLegs | Warning::WorseEachSession => {
                Screening::SeeDoctor
            }
        }
    }

    /// S3: one of the urgent signs (medical care today, or emergency care).
    pub fn is_urgent(self) -> bool {
        self.severity() < Screening::SeeDoctor
    }

    /// A one-letter code for stored check-ins: its place in [`Warning::ALL`], as `A` to `I`.
    pub fn code(self) -> char {
        let i = Warning::ALL.iter().position(|&w| w == self).unwrap_or(0);
        char::from(b'A' + i as u8)
    }

    /// The sign a stored code stands for.
    pub fn from_code(c: char) -> Option<Self> {
        let i = (c as u32).checked_sub(u32::from(b'A'))?;
        Warning::ALL.get(i as usize).copied()
    }

    /// The reader-facing wording of the sign.
    pub fn label(self) -> &'static str {
        match self {
            Warning::LegPain => "Sharp pain that runs down one or both legs",
            Warning::NumbLegs => "Numbness or tingling in your legs or feet",
            Warning::WorseEachSession => {
                "Pain that gets worse after each session instead of easing over several days"
            }
            Warning::SaddleNumbness => "Numbness around the groin or inner thighs",
            Warning::BladderBowel => "New trouble holding or passing urine or stool",
            Warning::LegWeakness => "Leg weakness that is getting worse",
            Warning::FeverUnwell => "Fever, or feeling very unwell, with the back pain",
            Warning::FallOrAccident => "The pain began after a bad fall or accident",
            Warning::CancerOrWeightLoss => "A history of cancer, or weight loss you can't explain",
        }
    }
}

/// When the pain started (S4, P1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Onset {
    /// Within the last 24 to 48 hours.
    Acute,
    /// Longer ago, or it keeps coming back.
    Chronic,
}

impl Onset {
    /// The answer in a few words, for the routine's list of answers.
    pub fn summary(self) -> &'static str {
        match self {
            Onset::Acute => "New pain (last two days)",
            Onset::Chronic => "Longer-standing pain",
        }
    }
}

/// How much time the reader has. It only moves the dose inside D2's 60 to 90 seconds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TimePref {
    /// 90 s per side: the article's timer tip (D2 default).
    #[default]
    Standard,
    /// 60 s per side: the low end of D2.
    Quick,
}

/// What the reader is rolling for, in families that ask (forearms and hands).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Goal {
    /// F1: a warm-up before climbing, guitar or other hand-intensive work.
    WarmUp,
    /// F2: after a session that taxes grip, in a hand-intensive job or sport.
    AfterGrip,
    /// F2: recovering from built-up tightness (twice a day).
    Recovering,
    /// F4: typing fatigue, after work.
    Typing,
}

impl Goal {
    /// Every goal, in the order the question lists them.
    pub const ALL: [Goal; 4] = [
        Goal::WarmUp,
        Goal::AfterGrip,
        Goal::Recovering,
        Goal::Typing,
    ];
}

/// Everything the questions collect. `None` means "not answered yet".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers {
    /// `Some(vec![])` means the reader chose "None of these".
    pub warnings: Option<Vec<Warning>>,
    /// When it started.
    pub onset: Option<Onset>,
    /// Pain that comes from long sitting (P3).
    pub sitting: bool,
    /// Stiffness first thing in the morning (P2).
    pub morning: bool,
    /// Quick or standard (D2).
    pub time: TimePref,
    /// Forearms and hands only: what the rolling is for.
    pub goal: Option<Goal>,
}

/// The outcome of the safety screen, from most to least urgent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Screening {
    /// S3, first three signs: emergency care now.
    Emergency,
    /// S3, other signs: medical care today.
    UrgentCare,
    /// S2: stop and see a doctor.
    SeeDoctor,
    /// Nothing reported: a routine may be built.
    Proceed,
}

/// Screens the answers: the most urgent sign reported wins (S2, S3).
pub fn screen(warnings: &[Warning]) -> Screening {
    warnings
        .iter()
        .map(|w| w.severity())
        .min()
        .unwrap_or(Screening::Proceed)
}
