//! The session player: its timeline, holds, and random actions (D1-D3).

use super::*;

// ---- The player ----

pub(crate) fn seg(kind: Kind, ms: f64) -> Segment {
    Segment {
        step: 0,
        side: Side::Left,
        kind,
        duration_ms: ms,
        hold_ms: None,
    }
}

pub(crate) fn full_player() -> Player {
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

/// Every get-ready and switch in every routine any answers can build: its length is the
/// position's own (data per position, content.rs), and lying face down or on one side gets
/// longer than sitting, so a reader with a sore back is not rushed onto the floor.
#[test]
fn player_get_ready_time_is_the_positions_own_and_longer_lying_down() {
    use content::Position;
    let every = ["ok acute", "ok chronic", "ok chronic sitting morning"]
        .map(|w| (&LOWER_BACK, w.to_string()))
        .into_iter()
        .chain(Goal::ALL.map(|g| (&FOREARMS, format!("goal:{g:?}"))));
    for (fam, words) in every {
        let Outcome::Plan(plan) = build(fam, &answers(&words)) else {
            panic!("no plan for {words}")
        };
        {
            for p in &plan.routines {
                let t = p.template;
                for seg in player::timeline(p) {
                    let pos = p.steps[seg.step].muscle.position;
                    let want = match seg.kind {
                        Kind::GetReady => pos.ready_s(),
                        Kind::Switch => pos.switch_s(),
                        Kind::Roll => continue,
                    };
                    assert_eq!(seg.duration_ms, f64::from(want) * 1000.0, "{}", t.id);
                }
            }
        }
    }
    assert!(Position::FaceDown.ready_s() > Position::Seated.ready_s());
    assert!(Position::OnSide.ready_s() > Position::Seated.ready_s());
    assert!(Position::FaceDown.switch_s() > Position::Seated.switch_s());
    assert_eq!(content::HIP_FLEXORS.position, Position::FaceDown);
    assert_eq!(content::LATS.position, Position::OnSide);
    assert_eq!(content::GLUTES.position, Position::Seated);
    // The full routine: 10 s to sit, 20 s to get face down, 15 s onto the back, 20 s onto
    // the side.
    let ready: Vec<f64> = full_player()
        .segments()
        .iter()
        .filter(|s| s.kind == Kind::GetReady)
        .map(|s| s.duration_ms)
        .collect();
    assert_eq!(ready, [10_000.0, 20_000.0, 15_000.0, 20_000.0]);
}

/// A tap starts rolling before the get-ready (or switch) time is up; while rolling it does
/// nothing, and paused it moves on but stays paused.
#[test]
fn player_begin_starts_the_side_early_and_only_from_a_get_ready() {
    let p = full_player().apply(Action::Start, 0.0);
    let p = p.apply(Action::Begin, 3_000.0);
    let cur = *p.current().unwrap();
    assert_eq!((cur.step, cur.kind, cur.side), (0, Kind::Roll, Side::Left));
    assert_eq!(p.remaining_ms(), 90_000.0);
    let later = p.apply(Action::Tick, 13_000.0);
    assert_eq!(later.remaining_ms(), 80_000.0);
    // While rolling: nothing changes.
    let same = later.apply(Action::Begin, 13_000.0);
    assert_eq!(same.index(), later.index());
    assert_eq!(same.remaining_ms(), later.remaining_ms());
    // At the switch, paused: on to the right side, still paused.
    let switch = full_player()
        .apply(Action::Start, 0.0)
        .apply(Action::Tick, 101_000.0)
        .apply(Action::Pause, 101_000.0);
    assert_eq!(switch.current().unwrap().kind, Kind::Switch);
    let right = switch.apply(Action::Begin, 102_000.0);
    assert_eq!(right.current().unwrap().side, Side::Right);
    assert_eq!(right.current().unwrap().kind, Kind::Roll);
    assert!(matches!(right.status(), Status::Paused { .. }));
}

/// D2 decision: no family asks how much time the reader has. Within D2's 60 to 90 s a side
/// the quick full routine saved a third at most, which a reader would hardly notice, and
/// the forearm goals set their own length (F1, F4).
#[test]
fn d2_no_time_question_since_the_rules_leave_too_little_to_choose() {
    for fam in content::FAMILIES {
        assert!(!fam.questions.contains(&Question::Time), "{}", fam.id);
    }
    let quick = plan("ok chronic quick").routines[0].total_s();
    let standard = plan("ok chronic").routines[0].total_s();
    assert!(quick * 3 >= standard * 2, "{quick} against {standard}");
    // Without the question, everyone gets the article's 90 s a side.
    let mut w = Answers {
        warnings: Some(vec![]),
        onset: Some(Onset::Chronic),
        ..Answers::default()
    };
    w.time = TimePref::default();
    let Outcome::Plan(p) = build(&LOWER_BACK, &w) else {
        panic!("no plan")
    };
    assert!(p.routines[0].steps.iter().all(|s| s.seconds_per_side == 90));
}

#[test]
fn player_runs_a_whole_routine_by_timestamps() {
    let p = full_player().apply(Action::Start, 1000.0);
    assert_eq!(p.current().unwrap().kind, Kind::GetReady);
    let p = p.apply(Action::Tick, 1000.0 + player::GET_READY_MS + 500.0);
    assert_eq!(p.current().unwrap().kind, Kind::Roll);
    assert_eq!(p.remaining_s(), 90);
    let total: f64 = p.segments().iter().map(|s| s.duration_ms).sum();
    let p = p.apply(Action::Tick, 1000.0 + total - 1.0);
    assert_eq!(p.remaining_ms(), 1.0);
    let p = p.apply(Action::Tick, 1000.0 + total);
    assert_eq!(p.status(), Status::Finished { completed: true });
}

#[test]
fn player_long_gap_lands_in_the_right_segment() {
    // A hidden tab: one tick 200 s later walks through everything that ended meanwhile.
    let p = full_player()
        .apply(Action::Start, 0.0)
        .apply(Action::Tick, 200_000.0);
    // 10 get-ready (seated) + 90 left + 5 switch + 90 right = 195 s; then 5 s into the hip
    // flexors' 20 s get-ready (face down).
    let cur = p.current().unwrap();
    assert_eq!((cur.step, cur.kind), (1, Kind::GetReady));
    assert_eq!(p.remaining_ms(), 15_000.0);
}

#[test]
fn player_pause_stops_the_clock_and_resume_continues() {
    let p = Player::from_segments(vec![seg(Kind::Roll, 10_000.0)]).apply(Action::Start, 0.0);
    let p = p
        .apply(Action::Pause, 4_000.0)
        .apply(Action::Tick, 60_000.0);
    assert_eq!(p.remaining_ms(), 6_000.0, "paused time does not count");
    let p = p
        .apply(Action::Resume, 60_000.0)
        .apply(Action::Tick, 65_000.0);
    assert_eq!(p.remaining_ms(), 1_000.0);
    let p = p.apply(Action::Toggle, 65_500.0);
    assert!(matches!(p.status(), Status::Paused { .. }));
}

#[test]
fn player_skip_back_and_end() {
    let p = full_player()
        .apply(Action::Start, 0.0)
        .apply(Action::Tick, 30_000.0);
    assert_eq!(p.current().unwrap().side, Side::Left);
    let p = p.apply(Action::Skip, 30_000.0);
    assert_eq!(
        (p.current().unwrap().kind, p.current().unwrap().side),
        (Kind::Switch, Side::Right)
    );
    // Just after the switch began: back goes to the previous side.
    let p = p.apply(Action::Back, 31_000.0);
    assert_eq!(
        (p.current().unwrap().kind, p.current().unwrap().side),
        (Kind::GetReady, Side::Left)
    );
    // Well into a side: back restarts it.
    let p = p
        .apply(Action::Tick, 61_000.0)
        .apply(Action::Back, 61_000.0);
    assert_eq!(p.index(), 0);
    assert_eq!(p.remaining_ms(), player::GET_READY_MS);
    let p = p.apply(Action::End, 62_000.0);
    assert_eq!(p.status(), Status::Finished { completed: false });
    // Repeated clicks after the end change nothing.
    assert_eq!(
        p.apply(Action::Skip, 63_000.0)
            .apply(Action::Back, 63_000.0)
            .status(),
        p.status()
    );
}

#[test]
fn player_next_side_is_the_other_side_then_the_next_step() {
    let p = full_player().apply(Action::Start, 0.0);
    let n = p.next_side().unwrap();
    assert_eq!(
        (n.step, n.side),
        (0, Side::Right),
        "glutes left, then glutes right"
    );
    let p = p.apply(Action::Skip, 1.0);
    assert_eq!(
        p.next_side().unwrap().step,
        1,
        "glutes right, then the hip flexors"
    );
    let gentle = Player::new(&plan("ok acute").routines[0]).apply(Action::Start, 0.0);
    let last = gentle.apply(Action::Skip, 1.0);
    assert_eq!(last.next_side(), None, "the right glute is the last side");
}

#[test]
fn player_wakes_on_second_boundaries_and_exact_segment_ends() {
    let p = Player::from_segments(vec![seg(Kind::Roll, 2_500.0), seg(Kind::Roll, 1_000.0)])
        .apply(Action::Start, 0.0);
    assert_eq!(p.next_wake_ms(), Some(500.0));
    let p = p.apply(Action::Tick, 500.0);
    assert_eq!(p.next_wake_ms(), Some(1_000.0));
    let p = p.apply(Action::Tick, 2_400.0);
    assert!(
        (p.next_wake_ms().unwrap() - 100.0).abs() < 1e-9,
        "lands on the segment end"
    );
    assert_eq!(
        p.apply(Action::Pause, 2_400.0).next_wake_ms(),
        None,
        "no wake-ups while paused"
    );
    assert_eq!(full_player().next_wake_ms(), None, "no wake-ups while idle");
}

/// One roll side of `roll_ms` whose step has a 30 s hold (D3), then a switch and a roll
/// side without a hold for each of `rest`.
pub(crate) fn held_side(roll_ms: f64, rest: &[f64]) -> Player {
    let mut segs = vec![Segment {
        hold_ms: Some(30_000.0),
        ..seg(Kind::Roll, roll_ms)
    }];
    for &ms in rest {
        segs.extend([seg(Kind::Switch, 10_000.0), seg(Kind::Roll, ms)]);
    }
    Player::from_segments(segs)
}

#[test]
fn d3_a_hold_freezes_the_side_and_counts_down_30_s() {
    // The full routine: the glutes and hip flexors carry a 30 s hold (the top of D3's 20 to
    // 30 s); the thoracic spine and lats do not.
    let p = full_player();
    let rolls: Vec<_> = p
        .segments()
        .iter()
        .filter(|s| s.kind == Kind::Roll)
        .collect();
    let steps = &plan("ok chronic").routines[0].steps;
    for s in &rolls {
        let expected = steps[s.step].hold().map(|h| f64::from(h.max_s) * 1000.0);
        assert_eq!(s.hold_ms, expected, "{}", steps[s.step].muscle.id);
    }
    assert_eq!(rolls[0].hold_ms, Some(30_000.0), "glutes hold 30 s");
    assert!(p
        .segments()
        .iter()
        .filter(|s| s.kind != Kind::Roll)
        .all(|s| s.hold_ms.is_none()));

    let p = p.apply(Action::Start, 0.0);
    assert!(!p.can_hold(), "no hold while getting ready");
    assert_eq!(p.apply(Action::Hold, 1.0).hold_remaining_ms(), None);

    // 20 s into the left glute: hold.
    let p = p.apply(Action::Tick, player::GET_READY_MS + 20_000.0);
    assert!(p.can_hold());
    let p = p.apply(Action::Hold, player::GET_READY_MS + 20_000.0);
    assert!(!p.can_hold(), "one hold at a time");
    assert_eq!(p.hold_remaining_s(), Some(30));
    assert_eq!(p.remaining_s(), 70);
    let again = p.apply(Action::Hold, player::GET_READY_MS + 25_000.0);
    assert_eq!(
        again.hold_remaining_ms(),
        Some(25_000.0),
        "a second Hold changes nothing"
    );

    // 12.5 s into the hold: the side has not moved, the hold has.
    let p = p.apply(Action::Tick, player::GET_READY_MS + 32_500.0);
    assert_eq!(p.remaining_ms(), 70_000.0, "the side is frozen");
    assert_eq!(p.hold_remaining_ms(), Some(17_500.0));
    assert_eq!(p.hold_remaining_s(), Some(18));
    assert_eq!(p.rolled_ms(), 20_000.0, "holding is not rolling");
    assert_eq!(p.position_ms(), player::GET_READY_MS + 20_000.0);
    assert_eq!(p.held_ms(), 12_500.0);

    // Release early (from 20 s on is fine, D3): no end cue, the side resumes.
    let p = p.apply(Action::Tick, player::GET_READY_MS + 42_000.0);
    let before = p.holds_done();
    let p = p.apply(Action::Release, player::GET_READY_MS + 42_000.0);
    assert_eq!(p.hold_remaining_ms(), None);
    assert_eq!(
        p.holds_done(),
        before,
        "an early release is not cued as a hold's end"
    );
    let p = p.apply(Action::Tick, player::GET_READY_MS + 52_000.0);
    assert_eq!(p.remaining_ms(), 60_000.0);
    assert_eq!(p.held_ms(), 22_000.0);

    // Another hold after the first has ended, run to its end: counted, and the side resumes.
    assert!(p.can_hold());
    let p = p.apply(Action::Hold, player::GET_READY_MS + 52_000.0);
    let p = p.apply(Action::Tick, player::GET_READY_MS + 82_000.0);
    assert_eq!(p.hold_remaining_ms(), None);
    assert_eq!(p.holds_done(), before + 1);
    assert_eq!(p.remaining_ms(), 60_000.0);
    assert_eq!(p.held_ms(), 52_000.0);
}

#[test]
fn d3_a_hold_ends_exactly_on_time_even_after_a_long_gap() {
    // 90 s side with a hold, then a 10 s switch and a 150 s side.
    let p = held_side(90_000.0, &[150_000.0])
        .apply(Action::Start, 0.0)
        .apply(Action::Hold, 40_000.0);
    // One tick at 30 s into the hold, exactly at its end.
    let q = p.apply(Action::Tick, 70_000.0);
    assert_eq!(q.hold_remaining_ms(), None);
    assert_eq!(q.holds_done(), 1);
    assert_eq!(q.remaining_ms(), 50_000.0);
    // Just before it, still holding.
    let q = p.apply(Action::Tick, 69_999.0);
    assert_eq!(q.hold_remaining_ms(), Some(1.0));
    assert_eq!(q.remaining_ms(), 50_000.0);
    // A hidden tab: one tick 200 s after the hold began. The hold ended at 70 s, the side at
    // 120 s, the switch at 130 s; at 240 s, 110 s into the last side.
    let q = p.apply(Action::Tick, 240_000.0);
    assert_eq!(q.holds_done(), 1);
    assert_eq!(q.index(), 2);
    assert_eq!(q.remaining_ms(), 40_000.0);
    assert_eq!(q.rolled_ms(), 200_000.0);
    assert_eq!(q.held_ms(), 30_000.0);
    // Any action, not only a tick, first ends the hold on time.
    let q = p.apply(Action::Pause, 75_000.0);
    assert_eq!(q.holds_done(), 1);
    assert_eq!(q.status(), Status::Paused { elapsed: 45_000.0 });
}

#[test]
fn d3_pause_pauses_the_hold_and_skip_back_end_end_it() {
    let p = held_side(90_000.0, &[60_000.0])
        .apply(Action::Start, 0.0)
        .apply(Action::Hold, 10_000.0);
    // Pause 5 s into the hold; a minute later nothing has moved.
    let paused = p
        .apply(Action::Pause, 15_000.0)
        .apply(Action::Tick, 75_000.0);
    assert_eq!(paused.hold_remaining_ms(), Some(25_000.0));
    assert_eq!(paused.remaining_ms(), 80_000.0);
    assert_eq!(paused.next_wake_ms(), None);
    // Resume continues the hold; Toggle pauses it again.
    let resumed = paused
        .apply(Action::Resume, 75_000.0)
        .apply(Action::Tick, 80_000.0);
    assert_eq!(resumed.hold_remaining_ms(), Some(20_000.0));
    assert_eq!(resumed.remaining_ms(), 80_000.0);
    let toggled = resumed.apply(Action::Toggle, 81_000.0);
    assert!(matches!(toggled.status(), Status::Paused { .. }));
    assert_eq!(
        toggled.apply(Action::Tick, 99_000.0).hold_remaining_ms(),
        Some(19_000.0)
    );
    let back_on = toggled
        .apply(Action::Toggle, 100_000.0)
        .apply(Action::Tick, 119_000.0);
    assert_eq!(
        back_on.hold_remaining_ms(),
        None,
        "19 s after resuming, the hold is over"
    );
    assert_eq!(back_on.holds_done(), 1);
    assert_eq!(back_on.remaining_ms(), 80_000.0);

    // A hold may start while paused: it waits for the resume.
    let p2 = held_side(90_000.0, &[])
        .apply(Action::Start, 0.0)
        .apply(Action::Pause, 5_000.0)
        .apply(Action::Hold, 6_000.0)
        .apply(Action::Tick, 50_000.0);
    assert_eq!(p2.hold_remaining_ms(), Some(30_000.0));
    let p2 = p2
        .apply(Action::Resume, 50_000.0)
        .apply(Action::Tick, 60_000.0);
    assert_eq!(p2.hold_remaining_ms(), Some(20_000.0));
    assert_eq!(p2.remaining_ms(), 85_000.0);

    // Skip ends the hold and goes on.
    let s = resumed.apply(Action::Skip, 80_000.0);
    assert_eq!(s.hold_remaining_ms(), None);
    assert_eq!(s.holds_done(), 0);
    assert_eq!(s.index(), 1);
    assert_eq!(s.current().unwrap().kind, Kind::Switch);
    assert_eq!(s.remaining_ms(), 10_000.0);
    // Back ends it and restarts the side (10 s rolled: beyond the grace).
    let b = resumed.apply(Action::Back, 80_000.0);
    assert_eq!(b.hold_remaining_ms(), None);
    assert_eq!((b.index(), b.remaining_ms()), (0, 90_000.0));
    assert!(b.can_hold());
    // End ends it and the session.
    let e = resumed.apply(Action::End, 80_000.0);
    assert_eq!(e.hold_remaining_ms(), None);
    assert_eq!(e.status(), Status::Finished { completed: false });
    assert!(!e.can_hold());
    assert_eq!(
        e.apply(Action::Hold, 81_000.0),
        e.apply(Action::Tick, 81_000.0)
    );
}

#[test]
fn s4_very_light_steps_have_no_hold() {
    let acute = plan("ok acute");
    let routine = &acute.routines[0];
    assert!(routine
        .steps
        .iter()
        .all(|s| s.pressure == Pressure::VeryLight));
    let p = Player::new(routine);
    assert!(p.segments().iter().all(|s| s.hold_ms.is_none()));
    // Even on the glutes, whose muscle has a hold prompt elsewhere: Hold does nothing.
    let p = p
        .apply(Action::Start, 0.0)
        .apply(Action::Tick, player::GET_READY_MS + 5_000.0);
    assert_eq!(p.current().unwrap().kind, Kind::Roll);
    assert!(!p.can_hold());
    let held = p.apply(Action::Hold, player::GET_READY_MS + 5_000.0);
    assert_eq!(held.hold_remaining_ms(), None);
    assert_eq!(held, p.apply(Action::Tick, player::GET_READY_MS + 5_000.0));
}

#[test]
fn d3_the_shell_wakes_on_hold_seconds_and_its_end() {
    let p = held_side(90_000.0, &[])
        .apply(Action::Start, 0.0)
        .apply(Action::Tick, 400.0)
        .apply(Action::Hold, 400.0);
    // The side's next second would be 400 ms away; during the hold the hold's counts.
    assert_eq!(p.next_wake_ms(), Some(1_000.0));
    let p = p.apply(Action::Tick, 900.0);
    assert_eq!(p.next_wake_ms(), Some(500.0));
    let p = p.apply(Action::Tick, 30_100.0);
    assert!(
        (p.next_wake_ms().unwrap() - 300.0).abs() < 1e-9,
        "lands on the hold's end"
    );
    assert_eq!(p.hold_remaining_s(), Some(1));
    let p = p.apply(Action::Tick, 30_400.0);
    assert_eq!(p.holds_done(), 1);
    assert_eq!(p.hold_remaining_ms(), None);
    assert_eq!(p.remaining_ms(), 89_600.0);
    assert_eq!(p.next_wake_ms(), Some(600.0), "back on the side's seconds");
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
    Hold,
    Release,
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
        Just(Op::Hold),
        Just(Op::Release),
    ];
    (kind, 0.0..400_000.0f64)
}

fn action(op: &Op) -> Action {
    match op {
        Op::Start => Action::Start,
        Op::Pause => Action::Pause,
        Op::Resume => Action::Resume,
        Op::Toggle => Action::Toggle,
        Op::Skip => Action::Skip,
        Op::Back => Action::Back,
        Op::End => Action::End,
        Op::Tick => Action::Tick,
        Op::Hold => Action::Hold,
        Op::Release => Action::Release,
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn player_random_actions_never_panic_or_leave_the_plan(ops in prop::collection::vec(op(), 0..60), gaps in prop::collection::vec(0.0..120_000.0f64, 60)) {
        let mut p = full_player();
        let mut t = 0.0;
        for (i, (o, _)) in ops.iter().enumerate() {
            t += gaps[i];
            p = p.apply(action(o), t);
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
        let mut p = full_player().apply(Action::Start, 0.0);
        let total: f64 = p.segments().iter().map(|s| s.duration_ms).sum();
        let (mut t, mut paused_ms, mut paused) = (0.0, 0.0, false);
        for (gap, toggle) in steps {
            t += gap;
            if paused { paused_ms += gap; }
            p = p.apply(Action::Tick, t);
            if toggle {
                p = p.apply(if paused { Action::Resume } else { Action::Pause }, t);
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
    fn d3_rolled_plus_held_plus_paused_time_is_wall_time(steps in prop::collection::vec((0.0..20_000.0f64, 0u8..4), 1..40)) {
        // Only start, pause, resume, hold, release and ticks, on one 90 s side with a 30 s
        // hold: every millisecond of wall time is rolled, held or paused, until the side ends.
        let mut p = held_side(90_000.0, &[]).apply(Action::Start, 0.0);
        let (mut t, mut paused_ms, mut paused, mut holds) = (0.0, 0.0, false, 0u32);
        for (gap, what) in steps {
            t += gap;
            if paused { paused_ms += gap; }
            p = p.apply(Action::Tick, t);
            match what {
                1 => {
                    p = p.apply(if paused { Action::Resume } else { Action::Pause }, t);
                    paused = !paused;
                }
                2 => {
                    if p.can_hold() { holds += 1; }
                    p = p.apply(Action::Hold, t);
                }
                3 => p = p.apply(Action::Release, t),
                _ => {}
            }
            prop_assert!(p.held_ms() <= f64::from(holds) * 30_000.0 + 1e-6);
            if let Some(r) = p.hold_remaining_ms() {
                prop_assert!(r > 0.0 && r <= 30_000.0);
            }
            if matches!(p.status(), Status::Finished { .. }) {
                prop_assert!(t - paused_ms - p.held_ms() >= 90_000.0 - 1e-6);
                break;
            }
            let sum = p.rolled_ms() + p.held_ms() + paused_ms;
            prop_assert!((sum - t).abs() < 1e-6, "{} vs {}", sum, t);
        }
    }

    #[test]
    fn share_decode_never_panics(s in "\\PC{0,6}") {
        if let Ok(a) = decode(&s) {
            prop_assert_eq!(encode(&a), s);
        }
    }

    #[test]
    fn progress_parse_never_panics(s in "(rr1;|rr2;)?[a-zA-Z0-9;:,]{0,16}") {
        if let Some(p) = Progress::from_text(&s) {
            prop_assert_eq!(Progress::from_text(&p.to_text()), Some(p));
        }
    }
}
