//! Answers in, plan out: screening first (S2, S3), then every routine template of the family
//! whose conditions match (P5), with the dose the time preference picks inside D2.

use super::answers::{screen, Answers, Screening, TimePref};
use super::content::{
    Equipment, Family, Hold, Muscle, Pressure, Question, RoutineTemplate, Sides, LUMBAR_WARNING,
    NOT_A_DIAGNOSIS,
};
use super::questions::first_unanswered;

/// One side of a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Left side.
    Left,
    /// Right side.
    Right,
    /// Down the middle (no sides).
    Centre,
}

impl Side {
    /// The reader-facing word, if the side needs naming.
    pub fn label(self) -> Option<&'static str> {
        match self {
            Side::Left => Some("Left side"),
            Side::Right => Some("Right side"),
            Side::Centre => None,
        }
    }
}

/// One step of a built routine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// The muscle and its how-to.
    pub muscle: &'static Muscle,
    /// Sides, in the order they are rolled.
    pub sides: &'static [Side],
    /// Seconds on each side (D2).
    pub seconds_per_side: u16,
    /// How hard to press (S4, F1).
    pub pressure: Pressure,
}

impl Step {
    /// Rolling time of the whole step, in seconds.
    pub fn total_s(&self) -> u32 {
        u32::from(self.seconds_per_side) * self.sides.len() as u32
    }

    /// The hold prompt, if the muscle has one (D3) and the step is not at very light
    /// pressure (S4: no holds while the pain is new).
    pub fn hold(&self) -> Option<Hold> {
        self.muscle
            .hold
            .filter(|_| self.pressure != Pressure::VeryLight)
    }
}

/// A built routine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Routine {
    /// The template it was built from: title, schedule, expectations, links.
    pub template: &'static RoutineTemplate,
    /// The steps, in order.
    pub steps: Vec<Step>,
}

impl Routine {
    /// Rolling time in seconds: the sum of its steps.
    pub fn total_s(&self) -> u32 {
        self.steps.iter().map(Step::total_s).sum()
    }
}

/// The reader's plan: one or more routines (P5).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The family it was built from.
    pub family: &'static Family,
    /// Routines, main one first.
    pub routines: Vec<Routine>,
}

impl Plan {
    /// S1: the lumbar warning, once per plan, where the family concerns the back.
    pub fn lumbar_warning(&self) -> Option<&'static str> {
        self.family.lumbar_warning.then_some(LUMBAR_WARNING)
    }

    /// S5: the note shown with every plan.
    pub fn note(&self) -> &'static str {
        NOT_A_DIAGNOSIS
    }

    /// What to roll with: each piece of equipment the steps use, once, in step order (E1, E2).
    pub fn equipment(&self) -> Vec<&'static Equipment> {
        let mut out: Vec<&'static Equipment> = Vec::new();
        for s in self.routines.iter().flat_map(|r| &r.steps) {
            if !out.iter().any(|e| e.id == s.muscle.uses.id) {
                out.push(s.muscle.uses);
            }
        }
        out
    }

    /// The guides that go with the plan, each once: the routines' own, then the family's
    /// guide on how often to roll (P3, P4).
    pub fn guides(&self) -> Vec<(&'static str, &'static str)> {
        let mut out: Vec<(&'static str, &'static str)> = Vec::new();
        let own = self.routines.iter().filter_map(|r| r.template.guide);
        for g in own.chain(self.family.frequency_guide) {
            if !out.contains(&g) {
                out.push(g);
            }
        }
        out
    }
}

/// What the answers lead to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A question the family needs is still unanswered.
    Incomplete(Question),
    /// S2 or S3: no routine, only advice.
    Stop(Screening),
    /// A routine may be done.
    Plan(Plan),
}

const BOTH: &[Side] = &[Side::Left, Side::Right];
const CENTRE: &[Side] = &[Side::Centre];

/// Builds the outcome for these answers in this family.
pub fn build(family: &'static Family, answers: &Answers) -> Outcome {
    // S2, S3: a warning sign wins over everything, answered or not.
    if family.questions.contains(&Question::Safety) {
        if let Some(warnings) = &answers.warnings {
            let screening = screen(warnings);
            if screening != Screening::Proceed {
                return Outcome::Stop(screening);
            }
        }
    }
    if let Some(q) = first_unanswered(family, answers) {
        return Outcome::Incomplete(q);
    }
    let routines: Vec<Routine> = family
        .routines
        .iter()
        .filter(|t| matches(t, answers))
        .map(|t| instantiate(t, answers.time))
        .collect();
    Outcome::Plan(Plan { family, routines })
}

fn matches(t: &RoutineTemplate, a: &Answers) -> bool {
    let w = &t.when;
    w.onset.is_none_or(|o| a.onset == Some(o))
        && w.sitting.is_none_or(|s| a.sitting == s)
        && w.morning.is_none_or(|m| a.morning == m)
        && w.goal.is_none_or(|g| a.goal == Some(g))
}

fn instantiate(t: &'static RoutineTemplate, time: TimePref) -> Routine {
    let steps = t
        .steps
        .iter()
        .map(|s| Step {
            muscle: s.muscle,
            sides: match s.muscle.sides {
                Sides::Both => BOTH,
                Sides::Centre => CENTRE,
            },
            seconds_per_side: match time {
                TimePref::Standard => s.standard_s,
                TimePref::Quick => s.quick_s,
            },
            pressure: s.pressure,
        })
        .collect();
    Routine { template: t, steps }
}

/// Formats seconds as whole minutes for the reader, rounding to the nearest half minute.
pub fn minutes_label(total_s: u32) -> String {
    let halves = (total_s + 15) / 30;
    match (halves / 2, halves % 2) {
        (0, _) => "under a minute".to_string(),
        (m, 0) => format!("{m} min"),
        (m, _) => format!("{m}½ min"),
    }
}
