//! Native tests of the pure core: every rule id of `../shared/spec/routine-rules.md` is named
//! by at least one test here. Engine cases read as data through `check`.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use roll_routine::core::answers::{screen, Answers, Goal, Onset, Screening, TimePref, Warning};
use roll_routine::core::content::{self, family, Link, Pressure, Question, FOREARMS, LOWER_BACK};
use roll_routine::core::plan::{build, minutes_label, Outcome, Plan, Side};
use roll_routine::core::player::{self, Action, Kind, Player, Segment, Status};
use roll_routine::core::progress::{CheckIn, Progress, Session, StopReason};
use roll_routine::core::share::{decode, encode, ShareError};

mod merge;

mod copies;
mod cues;
mod muscles;
mod options;
mod reducer;
mod safety;
mod session_player;
mod stored;

// Helpers the areas share (answers from words, progress from check-ins, every combination).
#[allow(unused_imports)]
use {muscles::*, safety::*, session_player::*, stored::*};

/// The random tests' settings. CI never fails by chance: the cases come from a fixed seed
/// (plus the saved failures in `tests/*.proptest-regressions`, replayed first). For many
/// more cases from a fresh seed, run `scripts/soak` (it sets `PROPTEST_CASES` and
/// `PROPTEST_RNG_SEED`, which win over these).
pub(crate) fn config(cases: u32) -> ProptestConfig {
    let mut c = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        c.cases = cases;
    }
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        c.rng_seed = proptest::test_runner::RngSeed::Fixed(20_261_201);
    }
    c
}

/// Answers from words: `ok` (no warning signs), `warn:Name`, `acute`, `chronic`, `sitting`,
/// `morning`, `quick`, `goal:Name`.
fn answers(words: &str) -> Answers {
    let mut a = Answers::default();
    for w in words.split_whitespace() {
        match w {
            "ok" => a.warnings = Some(vec![]),
            "acute" => a.onset = Some(Onset::Acute),
            "chronic" => a.onset = Some(Onset::Chronic),
            "sitting" => a.sitting = true,
            "morning" => a.morning = true,
            "quick" => a.time = TimePref::Quick,
            _ if w.starts_with("warn:") => {
                let name = &w[5..];
                let warning = *Warning::ALL
                    .iter()
                    .find(|x| format!("{x:?}") == name)
                    .unwrap_or_else(|| panic!("no warning {name}"));
                a.warnings.get_or_insert_with(Vec::new).push(warning);
            }
            _ if w.starts_with("goal:") => {
                let name = &w[5..];
                a.goal = Some(
                    *Goal::ALL
                        .iter()
                        .find(|x| format!("{x:?}") == name)
                        .unwrap_or_else(|| panic!("no goal {name}")),
                );
            }
            _ => panic!("unknown answer word {w}"),
        }
    }
    a
}

/// The outcome as one line: `stop Emergency`, `ask Onset`, or routines as
/// `id: muscle sides×seconds pressure, …` joined by ` | `.
fn describe(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Stop(s) => format!("stop {s:?}"),
        Outcome::Incomplete(q) => format!("ask {q:?}"),
        Outcome::Plan(plan) => plan
            .routines
            .iter()
            .map(|r| {
                let steps: Vec<String> = r
                    .steps
                    .iter()
                    .map(|s| {
                        let p = match s.pressure {
                            Pressure::VeryLight => " light",
                            Pressure::Moderate => " moderate",
                            Pressure::Comfortable => "",
                        };
                        format!(
                            "{} {}x{}{p}",
                            s.muscle.id,
                            s.sides.len(),
                            s.seconds_per_side
                        )
                    })
                    .collect();
                format!("{}: {}", r.template.id, steps.join(", "))
            })
            .collect::<Vec<_>>()
            .join(" | "),
    }
}

#[track_caller]
fn check(words: &str, expected: &str) {
    check_in(&LOWER_BACK, words, expected);
}

#[track_caller]
fn check_in(fam: &'static content::Family, words: &str, expected: &str) {
    let got = describe(&build(fam, &answers(words)));
    assert_eq!(got, expected, "answers: {words}");
}

fn plan(words: &str) -> Plan {
    match build(&LOWER_BACK, &answers(words)) {
        Outcome::Plan(p) => p,
        other => panic!("no plan for {words}: {other:?}"),
    }
}

const FULL: &str = "full: glutes 2x90, hip-flexors 2x90, thoracic 1x90, lats 2x90";
const FULL_QUICK: &str = "full: glutes 2x60, hip-flexors 2x60, thoracic 1x60, lats 2x60";
const SITTING: &str = "full-sitting: hip-flexors 2x90, glutes 2x90, thoracic 1x90, lats 2x90";
const SITTING_QUICK: &str = "full-sitting: hip-flexors 2x90, glutes 2x60, thoracic 1x60, lats 2x60";
const MORNING: &str = "morning: glutes 2x90, thoracic 1x90";
const GENTLE: &str = "gentle: glutes-seated 2x90 light";
