//! Safety first (S1-S7): every rule, and every combination of answers against them.

use super::*;

// ---- Safety (S) ----

#[test]
fn s1_no_routine_ever_rolls_the_lumbar_spine_and_each_says_why_once() {
    for a in all_answers() {
        if let Outcome::Plan(p) = build(&LOWER_BACK, &a) {
            for r in &p.routines {
                for s in &r.steps {
                    assert!(
                        !s.muscle.id.contains("lumbar")
                            && !s.muscle.name.to_lowercase().contains("lower back")
                    );
                }
            }
            let w = p.lumbar_warning().expect("S1 warning present");
            assert!(w.contains("ribs"), "S1 gives the reason");
        }
    }
}

/// S2, one story: the sign on the safety check and the routine, the check-in's note, the
/// "worse" stop and the how-often line all say the article's fact in the same words (pain
/// that gets worse after each session instead of better over several days), and no more;
/// the check-in asks about the pain itself, not the muscles just rolled.
#[test]
fn s2_every_screen_words_worse_after_sessions_the_same_way() {
    const SAME: &str = "instead of easing over several days";
    assert!(Warning::WorseEachSession
        .label()
        .ends_with(&format!("after each session {SAME}")));
    for fam in content::FAMILIES {
        assert!(
            fam.worse_watch
                .contains(&format!("after each session {SAME}")),
            "{}",
            fam.id
        );
        assert!(fam.worse_stop.contains(SAME), "{}", fam.id);
        assert!(fam
            .checkin_hint
            .contains("not how the spots you just rolled feel"));
        assert!(!fam.checkin_question.contains("feel"), "{}", fam.id);
    }
    assert!(LOWER_BACK.checkin_question.contains("back pain"));
    assert!(FOREARMS.checkin_question.contains("ache"));
}

#[test]
fn s2_see_a_doctor_signs_give_no_routine() {
    check("warn:LegPain chronic", "stop SeeDoctor");
    check("warn:NumbLegs acute", "stop SeeDoctor");
    check(
        "warn:WorseEachSession chronic sitting morning",
        "stop SeeDoctor",
    );
    // Reported before the other answers: still no routine.
    check("warn:LegPain", "stop SeeDoctor");
}

/// Progress from check-in letters: `b`, `s`, `w`, `L` (leg pain), `N` (numbness).
pub(crate) fn progress(checkins: &str) -> Progress {
    checkins.chars().fold(Progress::default(), |p, c| {
        let checkin = match c {
            'b' => CheckIn::Better,
            's' => CheckIn::Same,
            'w' => CheckIn::Worse,
            'L' => CheckIn::Sign(Warning::LegPain),
            'N' => CheckIn::Sign(Warning::NumbLegs),
            _ => panic!("no check-in {c}"),
        };
        p.with_session(Session {
            at: p.sessions.len() as u64 + 1,
            day: 20_000,
            checkin,
            counted: true,
        })
    })
}

#[test]
fn s2_a_pattern_of_worse_check_ins_stops_the_plan() {
    for (checkins, stops) in [
        ("w", false),
        ("wb", false),
        ("wbb", false),
        ("ww", true),
        ("wbw", true), // two among the last three
        ("wsw", true),
        ("wbbw", false), // three apart: not yet a pattern
        ("bwwb", true),  // a stop stays: later check-ins do not lift it
        ("sbs", false),
    ] {
        let got = progress(checkins).stop();
        assert_eq!(got == Some(StopReason::Worse), stops, "{checkins}");
    }
}

#[test]
fn s2_a_sign_at_a_check_in_stops_the_plan_and_only_a_clinician_lifts_it() {
    assert_eq!(
        progress("bN").stop(),
        Some(StopReason::Sign(Warning::NumbLegs))
    );
    assert_eq!(
        progress("Lb").stop(),
        Some(StopReason::Sign(Warning::LegPain)),
        "a better day after it does not lift it"
    );
    let mut p = progress("ww");
    p.clinician = Some(roll_routine::core::progress::Clearance { at: 2, day: 20_001 });
    assert_eq!(
        p.stop(),
        None,
        "the clinician's check covers what came before"
    );
    let p = p.with_session(Session {
        at: 3,
        day: 20_002,
        checkin: CheckIn::Worse,
        counted: true,
    });
    assert_eq!(p.stop(), None, "one new worse is not yet a pattern");
    assert_eq!(
        Progress::from_text(&p.to_text()),
        Some(p.clone()),
        "S2: the confirmation is kept with the progress"
    );
}

#[test]
fn s3_urgent_signs_give_no_routine_and_say_how_urgent() {
    check("warn:SaddleNumbness chronic", "stop Emergency");
    check("warn:BladderBowel", "stop Emergency");
    check("warn:LegWeakness acute", "stop Emergency");
    check("warn:FeverUnwell chronic", "stop UrgentCare");
    check("warn:FallOrAccident chronic", "stop UrgentCare");
    check("warn:CancerOrWeightLoss chronic", "stop UrgentCare");
    // The most urgent sign wins over a see-a-doctor one.
    check("warn:LegPain warn:BladderBowel", "stop Emergency");
    check("warn:NumbLegs warn:FallOrAccident", "stop UrgentCare");
    assert_eq!(screen(&[]), Screening::Proceed);
}

#[test]
fn s4_acute_is_glutes_only_at_very_light_pressure() {
    check("ok acute", GENTLE);
    check("ok acute quick", "gentle: glutes-seated 2x60 light");
    // Acute wins over sitting and morning (P5).
    check("ok acute sitting morning", GENTLE);
    let p = plan("ok acute");
    assert!(
        p.routines[0].template.expect.contains("48 hours"),
        "S4 suggests the full routine later"
    );
}

#[test]
fn s5_every_plan_carries_the_not_a_diagnosis_note() {
    for a in all_answers() {
        if let Outcome::Plan(p) = build(&LOWER_BACK, &a) {
            assert!(p.note().contains("not a diagnosis"));
        }
    }
}

#[test]
fn s6_share_codes_never_carry_warning_signs() {
    let mut a = answers("chronic sitting");
    a.warnings = Some(vec![Warning::LegPain]);
    let decoded = decode(&encode(&a)).unwrap();
    assert_eq!(
        decoded.warnings, None,
        "the opener answers the safety check again"
    );
    let stored = Progress {
        answers: Some(a),
        ..Progress::default()
    }
    .to_text();
    assert!(!stored.contains("Leg"), "{stored}");
}

// ---- Every combination against the safety rules ----

pub(crate) fn all_answers() -> Vec<Answers> {
    let mut out = Vec::new();
    let warning_sets: Vec<Option<Vec<Warning>>> = std::iter::once(None)
        .chain(std::iter::once(Some(vec![])))
        .chain(Warning::ALL.iter().map(|&w| Some(vec![w])))
        .collect();
    for warnings in &warning_sets {
        for onset in [None, Some(Onset::Acute), Some(Onset::Chronic)] {
            for sitting in [false, true] {
                for morning in [false, true] {
                    for time in [TimePref::Standard, TimePref::Quick] {
                        for goal in [None].into_iter().chain(Goal::ALL.map(Some)) {
                            out.push(Answers {
                                warnings: warnings.clone(),
                                onset,
                                sitting,
                                morning,
                                time,
                                goal,
                            });
                        }
                    }
                }
            }
        }
    }
    out
}

#[test]
fn every_combination_of_answers_keeps_every_safety_rule_s1_s2_s3_s4() {
    let all = all_answers();
    assert_eq!(all.len(), 11 * 3 * 2 * 2 * 2 * 5);
    for a in &all {
        let out = build(&LOWER_BACK, a);
        let warned = a.warnings.as_ref().is_some_and(|w| !w.is_empty());
        match &out {
            Outcome::Stop(s) => assert!(warned && *s == screen(a.warnings.as_ref().unwrap())),
            Outcome::Incomplete(_) => assert!(!warned),
            Outcome::Plan(p) => {
                assert!(!warned, "S2/S3: no routine with a warning sign");
                assert!(!p.routines.is_empty(), "{a:?}");
                for r in &p.routines {
                    assert_eq!(
                        r.total_s(),
                        r.steps
                            .iter()
                            .map(|s| u32::from(s.seconds_per_side) * s.sides.len() as u32)
                            .sum::<u32>()
                    );
                    for s in &r.steps {
                        assert_ne!(s.muscle.id, "lumbar");
                        if a.onset == Some(Onset::Acute) {
                            assert_eq!(s.muscle.id, "glutes-seated", "S4");
                            assert_eq!(s.pressure, Pressure::VeryLight, "S4");
                            assert!(s.hold().is_none(), "S4: no holds");
                            assert!(!s.muscle.how.iter().any(|h| h.contains("cross")), "S4");
                        }
                    }
                    if r.template.id == "morning" {
                        assert!((240..=330).contains(&r.total_s()));
                    }
                }
            }
        }
    }
}
