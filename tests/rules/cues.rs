//! Cues you can hear (the player, widget.md).

// ---- Cues you can hear (the player, widget.md) ----

use roll_routine::core::answers::{Answers, Onset, TimePref};
use roll_routine::core::content::LOWER_BACK;
use roll_routine::core::cues::{cues, sound, start, Cue, TEST_SOUND};
use roll_routine::core::plan::{build, Outcome, Routine};
use roll_routine::core::player::{Action, Player};

#[test]
fn every_cue_but_words_has_tones_that_end_within_a_second_and_stay_soft() {
    let all = [
        Cue::Count(3),
        Cue::RollStart,
        Cue::Ready,
        Cue::HoldEnd,
        Cue::StepEnd,
        Cue::SessionEnd,
        Cue::Pace,
    ];
    for cue in all.iter().chain([&Cue::Say("x".into())]) {
        let (tones, vibrate) = sound(cue);
        assert_eq!(tones.is_empty(), matches!(cue, Cue::Say(_)), "{cue:?}");
        for t in tones {
            assert!(t.delay + t.secs <= 1.0, "{cue:?} ends within a second");
            assert!(t.peak > 0.0 && t.peak <= 0.3, "{cue:?} is soft");
            assert!((200.0..=2000.0).contains(&t.hz), "{cue:?} is audible");
        }
        assert!(vibrate <= 300);
    }
    // The pace tick and the counts are the softest: they repeat.
    assert!(sound(&Cue::Pace).0[0].peak < sound(&Cue::RollStart).0[0].peak);
    assert!(!TEST_SOUND.0.is_empty() && TEST_SOUND.1 > 0);
}

fn quick_full() -> Routine {
    let a = Answers {
        warnings: Some(vec![]),
        onset: Some(Onset::Chronic),
        time: TimePref::Quick,
        ..Answers::default()
    };
    let Outcome::Plan(p) = build(&LOWER_BACK, &a) else {
        panic!()
    };
    p.routines[0].clone()
}

/// Every cue of a whole session, ticking once a second on the injected clock.
fn heard() -> Vec<(u32, Cue)> {
    let r = quick_full();
    let mut p = Player::new(&r).apply(Action::Start, 0.0);
    let mut out: Vec<(u32, Cue)> = start(&r, &p).into_iter().map(|c| (0, c)).collect();
    for s in 1..=700u32 {
        let next = p.apply(Action::Tick, f64::from(s) * 1000.0);
        out.extend(cues(&r, &p, &next).into_iter().map(|c| (s, c)));
        p = next;
    }
    out
}

#[test]
fn a_soft_count_of_the_last_three_seconds_before_every_side_change() {
    let h = heard();
    // The first get-ready (10 s) counts 3, 2, 1 at 7, 8 and 9 s; rolling starts at 10 s.
    let first: Vec<_> = h.iter().filter(|(t, _)| (7..=10).contains(t)).collect();
    assert_eq!(
        first
            .iter()
            .map(|(_, c)| c.clone())
            .take(4)
            .collect::<Vec<_>>(),
        vec![Cue::Count(3), Cue::Count(2), Cue::Count(1), Cue::RollStart]
    );
    // The left glute side (60 s from 10 s) counts down before the switch at 70 s.
    assert!(h.contains(&(67, Cue::Count(3))) && h.contains(&(69, Cue::Count(1))));
    assert!(h.contains(&(70, Cue::Ready)));
}

#[test]
fn spoken_cues_say_the_side_and_muscle_at_each_start_and_halfway() {
    let h = heard();
    let said: Vec<&str> = h
        .iter()
        .filter_map(|(_, c)| match c {
            Cue::Say(s) => Some(s.as_str()),
            _ => None,
        })
        .collect();
    assert!(said[0].starts_with("Left side. Glutes."), "{}", said[0]);
    assert!(said.contains(&"Left side. Glutes. Roll slowly."));
    assert!(said
        .iter()
        .any(|s| s.starts_with("Switch sides. Right side. Glutes.")));
    assert!(said
        .iter()
        .any(|s| s.starts_with("Next: Left side. Hip flexors.")));
    assert_eq!(
        h.iter()
            .filter(|(t, c)| *t == 40 && *c == Cue::Say("Halfway.".into()))
            .count(),
        1
    );
    assert_eq!(
        said.iter().filter(|s| **s == "Halfway.").count(),
        7,
        "once per side"
    );
}

#[test]
fn d1_the_pace_tick_marks_each_slow_pass_of_four_seconds() {
    let h = heard();
    // The left glute side rolls from 10 s to 70 s: a pass ends every 4 s, except in the
    // last three seconds, which are counted instead.
    let ticks: Vec<u32> = h
        .iter()
        .filter(|(t, c)| *c == Cue::Pace && (10..70).contains(t))
        .map(|(t, _)| *t)
        .collect();
    assert_eq!(ticks, (1..=14).map(|i| 10 + 4 * i).collect::<Vec<_>>());
    assert_eq!(roll_routine::core::cues::PASS_MS, 4_000.0);
}

#[test]
fn d3_a_hold_is_said_counted_and_ends_with_its_own_cue() {
    let r = quick_full();
    let mut p = Player::new(&r).apply(Action::Start, 0.0);
    p = p.apply(Action::Tick, 15_000.0);
    let held = p.apply(Action::Hold, 15_000.0);
    assert_eq!(
        cues(&r, &p, &held),
        vec![Cue::Say("Hold here and breathe slowly.".into())]
    );
    let mut heard = Vec::new();
    let mut q = held;
    for s in 16..=46 {
        let next = q.apply(Action::Tick, f64::from(s) * 1000.0);
        heard.extend(cues(&r, &q, &next));
        q = next;
    }
    let counts: Vec<&Cue> = heard
        .iter()
        .filter(|c| matches!(c, Cue::Count(_)))
        .collect();
    assert_eq!(counts, vec![&Cue::Count(3), &Cue::Count(2), &Cue::Count(1)]);
    assert_eq!(heard.iter().filter(|c| **c == Cue::HoldEnd).count(), 1);
}

#[test]
fn a_distinct_sound_at_the_end_of_each_step_and_of_the_session() {
    let h = heard();
    let ends = h.iter().filter(|(_, c)| *c == Cue::StepEnd).count();
    assert_eq!(
        ends, 3,
        "four steps: three step ends, then the session's end"
    );
    let last = h
        .iter()
        .rev()
        .find(|(_, c)| !matches!(c, Cue::Say(_)))
        .unwrap();
    assert_eq!(last.1, Cue::SessionEnd);
}
