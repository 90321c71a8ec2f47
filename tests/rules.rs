//! Native tests of the pure core: every rule id of `../shared/spec/routine-rules.md` is named
//! by at least one test here. Engine cases read as data through `check`.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use roll_routine::core::answers::{screen, Answers, Goal, Onset, Screening, TimePref, Warning};
use roll_routine::core::content::{self, family, Link, Pressure, Question, FOREARMS, LOWER_BACK};
use roll_routine::core::plan::{build, minutes_label, Outcome, Plan, Side};
use roll_routine::core::player::{self, Action, Kind, Player, Segment, Status};
use roll_routine::core::progress::{CheckIn, Progress};
use roll_routine::core::share::{decode, encode, ShareError};

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
const GENTLE: &str = "gentle: glutes 2x90 light";

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

#[test]
fn s2_worse_after_sessions_stops_the_plan() {
    let p = Progress::default().with_checkin(CheckIn::Worse);
    assert!(!p.getting_worse(), "one worse day is not yet a pattern");
    let p = p.with_checkin(CheckIn::Worse);
    assert!(p.getting_worse());
    assert!(!p.with_checkin(CheckIn::Better).getting_worse());
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
    check("ok acute quick", "gentle: glutes 2x60 light");
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
    let stored = Progress::default().with_answers(&a).to_text();
    assert!(!stored.contains("Leg"), "{stored}");
}

// ---- Muscles (M) ----

#[test]
fn m1_glutes_both_sides_cross_leg_with_referral_hold() {
    let g = &content::GLUTES;
    assert_eq!(g.sides, content::Sides::Both);
    assert!(g.how.iter().any(|h| h.contains("ankle over")));
    assert!(g.hold.unwrap().cue.contains("lower back"));
    assert_eq!(g.link, Link::Blog(content::ARTICLE));
}

#[test]
fn m2_hip_flexors_two_passes_hold_and_guide_link() {
    let h = &content::HIP_FLEXORS;
    assert_eq!(h.passes, Some(2));
    assert!(h.how[0].contains("below the hip bone"));
    assert!(h.hold.unwrap().cue.contains("hip crease"));
    assert_eq!(
        h.link,
        Link::Blog("/blog/foam-rolling-tight-hip-flexors-for-back-pain")
    );
}

#[test]
fn m3_thoracic_once_from_the_lowest_ribs_up_with_a_firm_roller() {
    let t = &content::THORACIC;
    assert_eq!(t.sides, content::Sides::Centre);
    assert!(t.how[0].contains("lowest ribs"));
    assert!(t.equipment.unwrap().contains("firm"));
    assert_eq!(t.link, Link::Blog("/products/foam-massage-roller"));
    assert_eq!(
        plan("ok chronic").routines[0].steps[2].sides,
        &[Side::Centre]
    );
}

#[test]
fn m4_lats_from_armpit_to_hip_with_guide_link() {
    let l = &content::LATS;
    assert!(l
        .how
        .iter()
        .any(|h| h.contains("armpit") && h.contains("hip")));
    assert_eq!(
        l.link,
        Link::Blog("/blog/foam-rolling-lats-open-up-your-back-and-improve-posture")
    );
}

// ---- Dose (D) ----

#[test]
fn d1_lower_back_routines_state_the_slow_pace() {
    for r in plan("ok chronic sitting morning").routines {
        assert!(r.template.pace.unwrap().contains("5 to 8 cm"));
    }
}

#[test]
fn d2_every_lower_back_side_is_60_to_90_s_and_90_by_default() {
    for a in all_answers() {
        if let Outcome::Plan(p) = build(&LOWER_BACK, &a) {
            for s in p.routines.iter().flat_map(|r| &r.steps) {
                assert!((60..=90).contains(&s.seconds_per_side), "{a:?}");
                if a.time == TimePref::Standard {
                    assert_eq!(s.seconds_per_side, 90);
                }
            }
        }
    }
    check("ok chronic", FULL);
    check("ok chronic quick", FULL_QUICK);
}

#[test]
fn d3_holds_are_20_to_30_s_on_glutes_and_hip_flexors() {
    for m in [&content::GLUTES, &content::HIP_FLEXORS] {
        let h = m.hold.unwrap();
        assert_eq!((h.min_s, h.max_s), (20, 30));
        assert!(h.cue.contains("20 to 30 seconds"));
    }
    assert!(content::THORACIC.hold.is_none() && content::LATS.hold.is_none());
}

#[test]
fn d4_acute_glutes_stay_in_range_at_very_light_pressure() {
    for t in [TimePref::Quick, TimePref::Standard] {
        let mut a = answers("ok acute");
        a.time = t;
        let Outcome::Plan(p) = build(&LOWER_BACK, &a) else {
            panic!()
        };
        let s = &p.routines[0].steps[0];
        assert!((60..=90).contains(&s.seconds_per_side));
        assert_eq!(s.pressure, Pressure::VeryLight);
    }
}

// ---- Patterns (P) ----

#[test]
fn p1_chronic_is_all_four_daily_with_a_one_to_two_week_timeline() {
    check("ok chronic", FULL);
    let r = &plan("ok chronic").routines[0];
    assert!(r.template.schedule.contains("Every day"));
    assert!(
        r.template.expect.contains("within a week") && r.template.expect.contains("within two")
    );
    assert_eq!(r.template.span_sessions, 14);
}

#[test]
fn p2_morning_stiffness_adds_about_five_minutes_of_glutes_and_thoracic() {
    check("ok chronic morning", &format!("{FULL} | {MORNING}"));
    let p = plan("ok chronic morning quick");
    let m = &p.routines[1];
    assert_eq!(m.template.id, "morning");
    assert!(
        (240..=330).contains(&m.total_s()),
        "about five minutes, got {}",
        m.total_s()
    );
    let with_get_ready: f64 = player::timeline(m).iter().map(|s| s.duration_ms).sum();
    assert!(
        (270_000.0..=330_000.0).contains(&with_get_ready),
        "{with_get_ready}"
    );
    assert!(m.template.schedule.contains("First thing"));
}

#[test]
fn p3_sitting_puts_hip_flexors_first_at_full_dose_and_links_the_guide() {
    check("ok chronic sitting", SITTING);
    check("ok chronic sitting quick", SITTING_QUICK);
    let r = &plan("ok chronic sitting").routines[0];
    assert_eq!(r.template.guide.unwrap().0, content::SITTING_GUIDE);
}

#[test]
fn p4_chronic_plans_link_the_frequency_guide_and_state_the_span() {
    let r = &plan("ok chronic").routines[0];
    assert_eq!(r.template.guide.unwrap().0, content::FREQUENCY_GUIDE);
    assert!(r
        .template
        .expect
        .contains("Three or four sessions a week for two weeks"));
}

#[test]
fn p5_every_combination_of_answers_is_designed() {
    check("ok chronic", FULL);
    check("ok chronic quick", FULL_QUICK);
    check("ok chronic sitting", SITTING);
    check("ok chronic morning", &format!("{FULL} | {MORNING}"));
    check(
        "ok chronic sitting morning",
        &format!("{SITTING} | {MORNING}"),
    );
    check(
        "ok chronic sitting morning quick",
        &format!("{SITTING_QUICK} | {MORNING}"),
    );
    check("ok acute", GENTLE);
    check("ok acute sitting", GENTLE);
    check("ok acute morning quick", "gentle: glutes 2x60 light");
    // Unanswered required questions are asked for, in order.
    check("", "ask Safety");
    check("ok", "ask Onset");
    check("chronic", "ask Safety");
}

// ---- Every combination against the safety rules ----

fn all_answers() -> Vec<Answers> {
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
                            assert_eq!(s.muscle.id, "glutes", "S4");
                            assert_eq!(s.pressure, Pressure::VeryLight, "S4");
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

// ---- Equipment and forearm family (E, F) ----

#[test]
fn e1_the_thoracic_step_links_the_textured_roller() {
    let p = plan("ok chronic");
    let t = p.routines[0]
        .steps
        .iter()
        .find(|s| s.muscle.id == "thoracic")
        .unwrap();
    assert_eq!(t.muscle.link, Link::Blog("/products/foam-massage-roller"));
}

#[test]
fn e2_forearm_steps_name_the_set_whose_link_the_host_supplies() {
    for m in [
        &content::FOREARM_FLEXORS,
        &content::FOREARM_EXTENSORS,
        &content::PALM,
    ] {
        assert_eq!(m.link, Link::ProductSet);
        assert!(m.equipment.is_some());
    }
}

#[test]
fn f1_warm_up_is_two_to_three_minutes_20_to_30_s_per_area_moderate() {
    check_in(&FOREARMS, "goal:WarmUp", "warm-up: forearm-flexors 2x30 moderate, forearm-extensors 2x30 moderate, palm 2x30 moderate");
    check_in(&FOREARMS, "goal:WarmUp quick", "warm-up: forearm-flexors 2x30 moderate, forearm-extensors 2x30 moderate, palm 2x20 moderate");
    for words in ["goal:WarmUp", "goal:WarmUp quick"] {
        let Outcome::Plan(p) = build(&FOREARMS, &answers(words)) else {
            panic!()
        };
        assert!((120..=180).contains(&p.routines[0].total_s()));
    }
}

#[test]
fn f2_grip_work_is_daily_and_recovery_twice_a_day() {
    let Outcome::Plan(p) = build(&FOREARMS, &answers("goal:AfterGrip")) else {
        panic!()
    };
    assert!(p.routines[0].template.schedule.contains("Every day"));
    let Outcome::Plan(p) = build(&FOREARMS, &answers("goal:Recovering")) else {
        panic!()
    };
    assert!(p.routines[0].template.schedule.contains("Twice a day"));
}

#[test]
fn f3_palm_and_thumb_base_with_the_spiky_ball_not_the_fingers() {
    let p = &content::PALM;
    assert!(p.name.contains("thumb"));
    assert!(p.equipment.unwrap().contains("spiky massage ball"));
    assert!(p.how.iter().any(|h| h.contains("fingers")));
    check_in(&FOREARMS, "goal:AfterGrip", "after-grip: forearm-flexors 2x60 moderate, forearm-extensors 2x60 moderate, palm 2x30 moderate");
}

#[test]
fn f4_typing_is_a_five_minute_forearm_roll_with_wrist_stretches() {
    let Outcome::Plan(p) = build(&FOREARMS, &answers("goal:Typing")) else {
        panic!()
    };
    assert_eq!(p.routines[0].total_s(), 300);
    assert!(p.routines[0]
        .template
        .expect
        .contains("wrist-extension stretches"));
    assert!(
        p.lumbar_warning().is_none(),
        "S1 belongs to the back family"
    );
}

#[test]
fn families_are_data_chosen_by_id_and_ask_what_they_need() {
    assert_eq!(family("lower-back").unwrap().id, "lower-back");
    assert_eq!(family("forearms").unwrap().id, "forearms");
    assert!(family("knees").is_none());
    check_in(&FOREARMS, "", "ask Goal");
    for f in content::FAMILIES {
        assert!(f.questions.len() <= 5, "at most five screens");
    }
    assert!(
        LOWER_BACK.questions.first() == Some(&Question::Safety),
        "safety first"
    );
}

// ---- Links (L) ----

fn link_of(words: &str, muscle: &str) -> Link {
    plan(words)
        .routines
        .iter()
        .flat_map(|r| &r.steps)
        .find(|s| s.muscle.id == muscle)
        .unwrap_or_else(|| panic!("no {muscle} step for {words}"))
        .muscle
        .link
}

#[test]
fn l1_the_source_article_is_the_glutes_link_and_the_fallback() {
    assert_eq!(
        content::ARTICLE,
        "/blog/foam-roller-and-lower-back-pain-what-actually-works"
    );
    assert_eq!(link_of("ok acute", "glutes"), Link::Blog(content::ARTICLE));
    assert_eq!(LOWER_BACK.article, content::ARTICLE);
}

#[test]
fn l2_hip_flexor_steps_link_the_hip_flexor_guide() {
    assert_eq!(
        link_of("ok chronic", "hip-flexors"),
        Link::Blog("/blog/foam-rolling-tight-hip-flexors-for-back-pain")
    );
}

#[test]
fn l3_lat_steps_link_the_lats_guide() {
    assert_eq!(
        link_of("ok chronic", "lats"),
        Link::Blog("/blog/foam-rolling-lats-open-up-your-back-and-improve-posture")
    );
}

#[test]
fn l4_chronic_plans_link_the_frequency_guide() {
    let guide = plan("ok chronic").routines[0].template.guide.unwrap().0;
    assert_eq!(guide, "/blog/how-often-should-you-foam-roll-for-back-pain");
}

#[test]
fn l5_sitting_plans_link_the_sitting_guide() {
    let guide = plan("ok chronic sitting").routines[0]
        .template
        .guide
        .unwrap()
        .0;
    assert_eq!(
        guide,
        "/blog/should-you-foam-roll-a-lower-back-that-hurts-from-sitting"
    );
}

#[test]
fn l6_thoracic_steps_link_the_roller() {
    assert_eq!(
        link_of("ok chronic morning", "thoracic"),
        Link::Blog("/products/foam-massage-roller")
    );
}

#[test]
fn l_links_join_the_host_base_address() {
    use roll_routine::options::Options;
    let (o, _) = Options::from_pairs([("base", "https://blog.example/")]);
    assert_eq!(
        o.url(content::LATS_GUIDE),
        "https://blog.example/blog/foam-rolling-lats-open-up-your-back-and-improve-posture"
    );
    assert_eq!(
        Options::default().url(content::ROLLER),
        "https://321strong.com/products/foam-massage-roller"
    );
}

#[test]
fn minutes_are_rounded_to_half_minutes() {
    assert_eq!(minutes_label(630), "10½ min");
    assert_eq!(minutes_label(270), "4½ min");
    assert_eq!(minutes_label(300), "5 min");
    assert_eq!(minutes_label(10), "under a minute");
}

// ---- Share codes ----

#[test]
fn share_codes_round_trip_every_combination() {
    for a in all_answers() {
        let code = encode(&a);
        assert_eq!(code.len(), 3);
        let back = decode(&code).unwrap();
        assert_eq!(
            Answers {
                warnings: a.warnings.clone(),
                ..back
            },
            a
        );
    }
}

#[test]
fn malformed_share_codes_are_refused() {
    assert_eq!(decode(""), Err(ShareError::Length));
    assert_eq!(decode("1a"), Err(ShareError::Length));
    assert_eq!(decode("2aa"), Err(ShareError::Version));
    assert_eq!(decode("1zz"), Err(ShareError::Digits));
    assert_eq!(decode("1AA"), Err(ShareError::Digits));
    assert_eq!(
        decode("103"),
        Err(ShareError::Value),
        "onset 3 does not exist"
    );
    assert_eq!(
        decode("1e0"),
        Err(ShareError::Value),
        "goal 7 does not exist"
    );
    assert_eq!(decode("1é0"), Err(ShareError::Digits));
}

// ---- Stored progress ----

#[test]
fn progress_round_trips_and_foreign_text_is_refused() {
    let p = Progress::default()
        .with_answers(&answers("ok chronic sitting"))
        .with_checkin(CheckIn::Better)
        .with_checkin(CheckIn::Same);
    assert_eq!(Progress::from_text(&p.to_text()), Some(p.clone()));
    assert_eq!(p.sessions, 2);
    assert_eq!(p.answers().unwrap().onset, Some(Onset::Chronic));
    for bad in [
        "",
        "{\"a\":1}",
        "rr1",
        "rr1;;x;",
        "rr1;9zz;1;",
        "rr1;;1;q",
        "rr1;;1;b;extra",
        "rr2;;1;",
        "rr1;;-1;",
        "rr1;;+1;",
    ] {
        assert_eq!(Progress::from_text(bad), None, "{bad}");
    }
}

// ---- The player ----

fn seg(kind: Kind, ms: f64) -> Segment {
    Segment {
        step: 0,
        side: Side::Left,
        kind,
        duration_ms: ms,
    }
}

fn full_player() -> Player {
    Player::new(&plan("ok chronic").routines[0])
}

#[test]
fn player_timeline_has_get_ready_then_each_side_with_switches_d2() {
    let p = full_player();
    let kinds: Vec<Kind> = p.segments().iter().take(4).map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [Kind::GetReady, Kind::Roll, Kind::Switch, Kind::Roll]
    );
    assert_eq!(p.segments()[1].duration_ms, 90_000.0);
    let rolling: f64 = p
        .segments()
        .iter()
        .filter(|s| s.kind == Kind::Roll)
        .map(|s| s.duration_ms)
        .sum();
    assert_eq!(
        rolling,
        f64::from(plan("ok chronic").routines[0].total_s()) * 1000.0
    );
}

#[test]
fn player_runs_a_whole_routine_by_timestamps() {
    let p = full_player().apply(Action::Start(1000.0));
    assert_eq!(p.current().unwrap().kind, Kind::GetReady);
    let p = p.apply(Action::Tick(1000.0 + player::GET_READY_MS + 500.0));
    assert_eq!(p.current().unwrap().kind, Kind::Roll);
    assert_eq!(p.remaining_s(), 90);
    let total: f64 = p.segments().iter().map(|s| s.duration_ms).sum();
    let p = p.apply(Action::Tick(1000.0 + total - 1.0));
    assert_eq!(p.remaining_ms(), 1.0);
    let p = p.apply(Action::Tick(1000.0 + total));
    assert_eq!(p.status(), Status::Finished { completed: true });
}

#[test]
fn player_long_gap_lands_in_the_right_segment() {
    // A hidden tab: one tick 200 s later walks through everything that ended meanwhile.
    let p = full_player()
        .apply(Action::Start(0.0))
        .apply(Action::Tick(200_000.0));
    // 10 get-ready + 90 left + 5 switch + 90 right = 195 s; then 5 s into the hip flexors' get-ready.
    let cur = p.current().unwrap();
    assert_eq!((cur.step, cur.kind), (1, Kind::GetReady));
    assert_eq!(p.remaining_ms(), 5_000.0);
}

#[test]
fn player_pause_stops_the_clock_and_resume_continues() {
    let p = Player::from_segments(vec![seg(Kind::Roll, 10_000.0)]).apply(Action::Start(0.0));
    let p = p
        .apply(Action::Pause(4_000.0))
        .apply(Action::Tick(60_000.0));
    assert_eq!(p.remaining_ms(), 6_000.0, "paused time does not count");
    let p = p
        .apply(Action::Resume(60_000.0))
        .apply(Action::Tick(65_000.0));
    assert_eq!(p.remaining_ms(), 1_000.0);
    let p = p.apply(Action::Toggle(65_500.0));
    assert!(matches!(p.status(), Status::Paused { .. }));
}

#[test]
fn player_skip_back_and_end() {
    let p = full_player()
        .apply(Action::Start(0.0))
        .apply(Action::Tick(30_000.0));
    assert_eq!(p.current().unwrap().side, Side::Left);
    let p = p.apply(Action::Skip(30_000.0));
    assert_eq!(
        (p.current().unwrap().kind, p.current().unwrap().side),
        (Kind::Switch, Side::Right)
    );
    // Just after the switch began: back goes to the previous side.
    let p = p.apply(Action::Back(31_000.0));
    assert_eq!(
        (p.current().unwrap().kind, p.current().unwrap().side),
        (Kind::GetReady, Side::Left)
    );
    // Well into a side: back restarts it.
    let p = p
        .apply(Action::Tick(61_000.0))
        .apply(Action::Back(61_000.0));
    assert_eq!(p.index(), 0);
    assert_eq!(p.remaining_ms(), player::GET_READY_MS);
    let p = p.apply(Action::End(62_000.0));
    assert_eq!(p.status(), Status::Finished { completed: false });
    // Repeated clicks after the end change nothing.
    assert_eq!(
        p.apply(Action::Skip(63_000.0))
            .apply(Action::Back(63_000.0))
            .status(),
        p.status()
    );
}

#[test]
fn player_next_side_is_the_other_side_then_the_next_step() {
    let p = full_player().apply(Action::Start(0.0));
    let n = p.next_side().unwrap();
    assert_eq!(
        (n.step, n.side),
        (0, Side::Right),
        "glutes left, then glutes right"
    );
    let p = p.apply(Action::Skip(1.0));
    assert_eq!(
        p.next_side().unwrap().step,
        1,
        "glutes right, then the hip flexors"
    );
    let gentle = Player::new(&plan("ok acute").routines[0]).apply(Action::Start(0.0));
    let last = gentle.apply(Action::Skip(1.0));
    assert_eq!(last.next_side(), None, "the right glute is the last side");
}

#[test]
fn player_wakes_on_second_boundaries_and_exact_segment_ends() {
    let p = Player::from_segments(vec![seg(Kind::Roll, 2_500.0), seg(Kind::Roll, 1_000.0)])
        .apply(Action::Start(0.0));
    assert_eq!(p.next_wake_ms(), Some(500.0));
    let p = p.apply(Action::Tick(500.0));
    assert_eq!(p.next_wake_ms(), Some(1_000.0));
    let p = p.apply(Action::Tick(2_400.0));
    assert!(
        (p.next_wake_ms().unwrap() - 100.0).abs() < 1e-9,
        "lands on the segment end"
    );
    assert_eq!(
        p.apply(Action::Pause(2_400.0)).next_wake_ms(),
        None,
        "no wake-ups while paused"
    );
    assert_eq!(full_player().next_wake_ms(), None, "no wake-ups while idle");
}

#[derive(Clone, Debug)]
enum Op {
    Start,
    Pause,
    Resume,
    Toggle,
    Skip,
    Back,
    End,
    Tick,
}

fn op() -> impl Strategy<Value = (Op, f64)> {
    let kind = prop_oneof![
        Just(Op::Start),
        Just(Op::Pause),
        Just(Op::Resume),
        Just(Op::Toggle),
        Just(Op::Skip),
        Just(Op::Back),
        Just(Op::End),
        Just(Op::Tick),
        Just(Op::Tick),
        Just(Op::Tick),
    ];
    (kind, 0.0..400_000.0f64)
}

fn action(op: &Op, t: f64) -> Action {
    match op {
        Op::Start => Action::Start(t),
        Op::Pause => Action::Pause(t),
        Op::Resume => Action::Resume(t),
        Op::Toggle => Action::Toggle(t),
        Op::Skip => Action::Skip(t),
        Op::Back => Action::Back(t),
        Op::End => Action::End(t),
        Op::Tick => Action::Tick(t),
    }
}

proptest! {
    #[test]
    fn player_random_actions_never_panic_or_leave_the_plan(ops in prop::collection::vec(op(), 0..60), gaps in prop::collection::vec(0.0..120_000.0f64, 60)) {
        let mut p = full_player();
        let mut t = 0.0;
        for (i, (o, _)) in ops.iter().enumerate() {
            t += gaps[i];
            p = p.apply(action(o, t));
            prop_assert!(p.remaining_ms() >= 0.0);
            prop_assert!(p.index() <= p.segments().len());
            if let Some(c) = p.current() {
                prop_assert!(p.remaining_ms() <= c.duration_ms);
            }
        }
    }

    #[test]
    fn player_elapsed_equals_wall_time_minus_paused_time(steps in prop::collection::vec((0.0..50_000.0f64, any::<bool>()), 1..40)) {
        // Only start, pause, resume and ticks: the position on the timeline is the wall time
        // minus the time spent paused, until the end.
        let mut p = full_player().apply(Action::Start(0.0));
        let total: f64 = p.segments().iter().map(|s| s.duration_ms).sum();
        let (mut t, mut paused_ms, mut paused) = (0.0, 0.0, false);
        for (gap, toggle) in steps {
            t += gap;
            if paused { paused_ms += gap; }
            p = p.apply(Action::Tick(t));
            if toggle {
                p = p.apply(if paused { Action::Resume(t) } else { Action::Pause(t) });
                paused = !paused;
            }
            let expected = (t - paused_ms).min(total);
            if matches!(p.status(), Status::Finished { .. }) {
                prop_assert!(t - paused_ms >= total - 1e-6);
            } else {
                prop_assert!((p.position_ms() - expected).abs() < 1e-6, "{} vs {}", p.position_ms(), expected);
            }
        }
    }

    #[test]
    fn share_decode_never_panics(s in "\\PC{0,6}") {
        if let Ok(a) = decode(&s) {
            prop_assert_eq!(encode(&a), s);
        }
    }

    #[test]
    fn progress_parse_never_panics(s in "(rr1;)?[a-z0-9;]{0,12}") {
        if let Some(p) = Progress::from_text(&s) {
            prop_assert_eq!(Progress::from_text(&p.to_text()), Some(p));
        }
    }
}

// ---- Host options (widget.md, bad-input table) ----

mod options {
    use roll_routine::options::{Options, DEFAULT_BASE};

    #[test]
    fn bad_input_unknown_or_malformed_option_uses_default_with_one_warning() {
        let (o, w) = Options::from_pairs([
            ("colour", "red"),
            ("family", "knees"),
            ("storageKey", "a b"),
        ]);
        assert_eq!(o, Options::default());
        assert_eq!(w.len(), 3, "{w:?}");
        assert!(w[0].contains("colour") && w[1].contains("family") && w[2].contains("storageKey"));
    }

    #[test]
    fn bad_input_non_http_link_base_is_refused() {
        for bad in [
            "javascript:alert(1)",
            "data:text/html,hi",
            "//evil.example",
            "ftp://x",
            "https://",
            "https://a b",
        ] {
            let (o, w) = Options::from_pairs([("base", bad)]);
            assert_eq!(o.base, DEFAULT_BASE, "{bad}");
            assert_eq!(w.len(), 1);
        }
    }

    #[test]
    fn good_options_are_taken() {
        let (o, w) = Options::from_pairs([
            ("roll-routine", ""),
            ("base", "http://127.0.0.1:8080/"),
            ("family", "forearms"),
            ("storage-key", "rr.page-2"),
            ("setUrl", "https://321strong.com/products/set"),
            ("remember", "off"),
        ]);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(o.url("/x"), "http://127.0.0.1:8080/x");
        assert_eq!(o.family.id, "forearms");
        assert_eq!(o.storage_key, "rr.page-2");
        assert_eq!(
            o.set_url.as_deref(),
            Some("https://321strong.com/products/set")
        );
        assert!(!o.remember);
    }
}

// ---- The widget's reducer (pure) ----

mod reducer {
    use std::rc::Rc;

    use roll_routine::core::answers::{Onset, TimePref, Warning};
    use roll_routine::core::content::{Question, LOWER_BACK};
    use roll_routine::core::player::Action;
    use roll_routine::core::progress::CheckIn;
    use roll_routine::state::{Msg, Phase, State};
    use yew::Reducible;

    fn run(msgs: Vec<Msg>) -> Rc<State> {
        msgs.into_iter()
            .fold(Rc::new(State::new(&LOWER_BACK)), |s, m| s.reduce(m))
    }

    fn answered() -> Vec<Msg> {
        vec![
            Msg::Warnings(vec![]),
            Msg::Onset(Onset::Chronic),
            Msg::Extras {
                sitting: false,
                morning: false,
            },
            Msg::Time(TimePref::Standard),
        ]
    }

    #[test]
    fn s2_s3_a_warning_sign_ends_the_questions_at_once() {
        let s = run(vec![Msg::Warnings(vec![Warning::BladderBowel])]);
        assert_eq!(s.phase, Phase::Outcome);
    }

    #[test]
    fn p5_changing_one_answer_returns_to_the_routine_without_starting_over() {
        let mut msgs = answered();
        msgs.push(Msg::Ask(Question::Extras));
        msgs.push(Msg::Extras {
            sitting: true,
            morning: false,
        });
        let s = run(msgs);
        assert_eq!(s.phase, Phase::Outcome);
        assert!(s.answers.sitting && s.answers.onset == Some(Onset::Chronic));
    }

    #[test]
    fn s2_two_worse_check_ins_stop_the_plan() {
        let mut msgs = answered();
        for _ in 0..2 {
            msgs.push(Msg::Start {
                routine: 0,
                now: 0.0,
            });
            msgs.push(Msg::Player(Action::End(1.0)));
            msgs.push(Msg::CheckIn(CheckIn::Worse));
        }
        let s = run(msgs);
        assert!(matches!(
            s.outcome(),
            roll_routine::core::plan::Outcome::Stop(_)
        ));
        // No routine can be started from there.
        let s = s.reduce(Msg::Start {
            routine: 0,
            now: 2.0,
        });
        assert!(!matches!(s.phase, Phase::Playing { .. }));
    }

    #[test]
    fn a_tick_that_changes_nothing_visible_keeps_the_same_state() {
        let mut msgs = answered();
        msgs.push(Msg::Start {
            routine: 0,
            now: 0.0,
        });
        let s = run(msgs);
        let same = s.clone().reduce(Msg::Player(Action::Tick(100.0)));
        assert!(Rc::ptr_eq(&s, &same), "no re-render within the same second");
        let moved = s.clone().reduce(Msg::Player(Action::Tick(1_000.0)));
        assert!(!Rc::ptr_eq(&s, &moved));
    }

    #[test]
    fn repeated_answers_and_starts_are_harmless() {
        let mut msgs = answered();
        for _ in 0..5 {
            msgs.push(Msg::Start {
                routine: 0,
                now: 0.0,
            });
        }
        msgs.push(Msg::CheckIn(CheckIn::Better));
        let s = run(msgs);
        assert!(matches!(s.phase, Phase::Playing { .. }));
        assert_eq!(s.progress.sessions, 0, "no check-in while playing");
    }
}
