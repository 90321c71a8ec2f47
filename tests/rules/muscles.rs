//! The muscles, doses, patterns, the forearm family and the links (M, D, P, E, F, L).

use super::*;

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
    assert!(h.how[0].contains("front of one hip") && h.how[0].contains("below the bony point"));
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
        assert!(h.cue.contains("20 to 30 s"));
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
    // As the spec words it, and no more ("nearly everyone" is not said).
    assert!(r.template.expect.contains("within one to two weeks"));
    assert!(!r.template.expect.to_ascii_lowercase().contains("everyone"));
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
fn p4_every_back_plan_links_the_frequency_guide_and_chronic_ones_state_the_span() {
    for a in all_answers() {
        if let Outcome::Plan(p) = build(&LOWER_BACK, &a) {
            let links: Vec<&str> = p.guides().iter().map(|g| g.0).collect();
            assert_eq!(
                links
                    .iter()
                    .filter(|&&l| l == content::FREQUENCY_GUIDE)
                    .count(),
                1,
                "{a:?}: {links:?}"
            );
        }
    }
    let r = &plan("ok chronic").routines[0];
    assert!(r
        .template
        .expect
        .contains("three or four sessions a week over two weeks"));
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
    check("ok acute morning quick", "gentle: glutes-seated 2x60 light");
    // Unanswered required questions are asked for, in order.
    check("", "ask Safety");
    check("ok", "ask Onset");
    check("chronic", "ask Safety");
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
        assert_eq!(m.uses.link, Link::ProductSet, "the set's tools");
    }
    // Each forearm plan says what to roll with: the stick, and the ball where the palm is.
    let Outcome::Plan(p) = build(&FOREARMS, &answers("goal:AfterGrip")) else {
        panic!()
    };
    let kit: Vec<&str> = p.equipment().iter().map(|e| e.id).collect();
    assert_eq!(kit, vec!["stick", "spiky-ball"]);
    let Outcome::Plan(p) = build(&FOREARMS, &answers("goal:Typing")) else {
        panic!()
    };
    assert_eq!(p.equipment().len(), 1, "no ball without the palm step");
}

#[test]
fn e1_every_back_plan_names_the_textured_roller_with_its_link() {
    for a in all_answers() {
        if let Outcome::Plan(p) = build(&LOWER_BACK, &a) {
            let kit = p.equipment();
            assert_eq!(kit.len(), 1);
            assert_eq!(kit[0].id, "roller");
            assert!(kit[0].why.contains("textured"));
            assert_eq!(kit[0].link, Link::Blog("/products/foam-massage-roller"));
        }
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
    assert!(p.uses.name.contains("spiky massage ball"));
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

pub(crate) fn link_of(words: &str, muscle: &str) -> Link {
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
    assert_eq!(
        link_of("ok chronic", "glutes"),
        Link::Blog(content::ARTICLE)
    );
    assert_eq!(
        link_of("ok acute", "glutes-seated"),
        Link::Blog(content::ARTICLE)
    );
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
fn l4_back_plans_link_the_frequency_guide() {
    for words in [
        "ok chronic",
        "ok chronic sitting",
        "ok acute",
        "ok chronic morning",
    ] {
        let guides = plan(words).guides();
        assert!(
            guides
                .iter()
                .any(|g| g.0 == "/blog/how-often-should-you-foam-roll-for-back-pain"),
            "{words}"
        );
    }
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

/// Content compares by id (`core/content/mod.rs`, `same_by_id!`), so no two different pieces
/// of one kind may share an id, across both families.
#[test]
fn every_family_routine_muscle_and_kit_has_an_id_of_its_own() {
    fn distinct<T: std::fmt::Debug>(kind: &str, items: &[(&str, &T)]) {
        for (i, (id, a)) in items.iter().enumerate() {
            for (other, b) in &items[i + 1..] {
                if id == other {
                    // The same id is allowed only for the very same piece, reached twice.
                    assert_eq!(
                        format!("{a:?}"),
                        format!("{b:?}"),
                        "two {kind} share the id {id}"
                    );
                }
            }
        }
    }
    let families: Vec<_> = content::FAMILIES.iter().map(|f| (f.id, *f)).collect();
    let routines: Vec<_> = content::FAMILIES
        .iter()
        .flat_map(|f| f.routines.iter().map(|r| (r.id, r)))
        .collect();
    let steps = content::FAMILIES
        .iter()
        .flat_map(|f| f.routines.iter().flat_map(|r| r.steps.iter()));
    let muscles: Vec<_> = steps.clone().map(|s| (s.muscle.id, s.muscle)).collect();
    let kit: Vec<_> = steps.map(|s| (s.muscle.uses.id, s.muscle.uses)).collect();
    distinct("families", &families);
    distinct("routines", &routines);
    distinct("muscles", &muscles);
    distinct("pieces of kit", &kit);
    assert!(routines.len() > 3 && muscles.len() > 5 && kit.len() > 2);
}
