//! One record for every copy (S2, S6; widget.md: two tabs, two widgets, a record file).
//!
//! Several copies of the widget write sessions, check-ins, clearings and clinician
//! confirmations, merging now and then, in a random interleaving; their records, merged in
//! any order and any grouping, must give one record that keeps every session and every stop.

use proptest::prelude::*;
use roll_routine::core::answers::Warning;
use roll_routine::core::progress::{CheckIn, Clearance, Progress, Session, MAX_SESSIONS};

/// What one copy does next.
#[derive(Clone, Debug)]
enum Event {
    /// A session and its check-in.
    Session(CheckIn, bool),
    /// The finish screen's undo of the copy's latest check-in.
    Undo,
    /// "Clear saved data" (S6).
    Clear,
    /// "A clinician has checked me", confirmed (S2).
    Confirm,
    /// Reads another copy's record (a storage event, a page event, a loaded file).
    Hear(usize),
}

fn checkin() -> impl Strategy<Value = CheckIn> {
    prop_oneof![
        1 => Just(CheckIn::Better),
        1 => Just(CheckIn::Same),
        1 => Just(CheckIn::Sore),
        3 => Just(CheckIn::Worse),
        1 => prop::sample::select(Warning::ALL.to_vec()).prop_map(CheckIn::Sign),
    ]
}

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        6 => (checkin(), any::<bool>()).prop_map(|(c, n)| Event::Session(c, n)),
        1 => Just(Event::Undo),
        1 => Just(Event::Clear),
        1 => Just(Event::Confirm),
        4 => (0..4usize).prop_map(Event::Hear),
    ]
}

/// The copies' records after the interleaving, and every session each one saved (with its
/// copy), in the order they were saved.
fn run(copies: usize, script: &[(usize, Event)]) -> (Vec<Progress>, Vec<Session>) {
    let mut records = vec![Progress::default(); copies];
    let mut saved = Vec::new();
    let mut last: Vec<Option<Session>> = vec![None; copies];
    for (t, (who, e)) in script.iter().enumerate() {
        // Every event happens at its own millisecond, in one browser's clock.
        let at = 1_000 + t as u64;
        let i = who % copies;
        let p = &records[i];
        let next = match e {
            Event::Session(c, counted) => {
                let s = Session {
                    at,
                    day: 20_000 + (at / 10) as i32,
                    checkin: *c,
                    counted: *counted,
                };
                saved.push(s);
                last[i] = Some(s);
                p.with_session(s)
            }
            Event::Undo => match last[i].take() {
                Some(s) => {
                    saved.retain(|x| *x != s);
                    p.without_session(s, at)
                }
                None => p.clone(),
            },
            Event::Clear => Progress {
                cleared: Some(at),
                ..Progress::default()
            },
            Event::Confirm => {
                let mut n = p.clone();
                n.clinician = Some(Clearance {
                    at,
                    day: 20_000 + (at / 10) as i32,
                });
                n.normalize();
                n
            }
            Event::Hear(j) => {
                let mut n = p.merge(&records[j % copies]);
                // As the reducer does after a merge: a stop only the joined sessions show is
                // kept as a fact.
                n.record_stop(at);
                n
            }
        };
        records[i] = next;
    }
    (records, saved)
}

/// When the stop this record holds was reached: every stop a copy shows is kept as a fact
/// (with its time) the moment it is reached.
fn stop_time(p: &Progress) -> Option<u64> {
    p.stop()?;
    let from = p.clinician.map_or(0, |c| c.at);
    let t = p.stops.iter().filter(|f| f.at > from).map(|f| f.at).max();
    assert!(t.is_some(), "a stop without its fact: {p:?}");
    t
}

proptest! {
    #![proptest_config(super::config(300))]

    #[test]
    fn s2_s6_copies_merged_in_any_order_give_one_record_that_loses_nothing(
        copies in 1..5usize,
        script in prop::collection::vec((0..4usize, event()), 0..50),
        order in Just((0..4usize).collect::<Vec<_>>()).prop_shuffle(),
    ) {
        let (records, saved) = run(copies, &script);
        let order: Vec<usize> = order.into_iter().filter(|&i| i < copies).collect();
        // Any order: left to right, right to left, and in the shuffled order.
        let fold = |idx: &mut dyn Iterator<Item = usize>| {
            idx.fold(Progress::default(), |m, i| m.merge(&records[i]))
        };
        let merged = fold(&mut (0..copies));
        prop_assert_eq!(&fold(&mut (0..copies).rev()), &merged);
        prop_assert_eq!(&fold(&mut order.iter().copied()), &merged);
        // Any grouping: pairs first.
        let pairs: Vec<Progress> = records.chunks(2).map(|c| c.iter().fold(Progress::default(), |m, r| m.merge(r))).collect();
        prop_assert_eq!(&pairs.iter().rev().fold(Progress::default(), |m, r| m.merge(r)), &merged);
        // Merging again changes nothing (a write that repeats itself is harmless).
        prop_assert_eq!(&merged.merge(&merged), &merged);
        for r in &records {
            prop_assert_eq!(&merged.merge(r), &merged);
        }
        // Through the stored text too.
        prop_assert_eq!(Progress::from_text(&merged.to_text()), Some(merged.clone()));

        // Every session any copy saved is kept, unless the reader cleared after it or took
        // it back (the sessions kept are the newest MAX_SESSIONS; a script is shorter).
        prop_assert!(saved.len() <= MAX_SESSIONS);
        for s in &saved {
            let cleared = merged.cleared.is_some_and(|c| c >= s.at);
            prop_assert!(cleared || merged.sessions.contains(s), "lost {:?}", s);
        }
        // S2: a stop any copy holds is in the merge, unless a clinician confirmation or a
        // clearing came after it.
        for r in &records {
            if let Some(t) = stop_time(r) {
                let lifted = merged.clinician.is_some_and(|c| c.at > t)
                    || merged.cleared.is_some_and(|c| c >= t);
                prop_assert!(lifted || merged.stop().is_some(), "stop lost: {:?}", r);
            }
        }
    }
}

/// A session checked in at `at` (ms), on one day, counted.
fn session(at: u64, checkin: CheckIn) -> Session {
    Session {
        at,
        day: 20_000,
        checkin,
        counted: true,
    }
}

#[test]
fn s2_a_stop_in_one_tab_survives_the_other_tab_s_next_check_in() {
    // Tab A: two "worse" check-ins stop the plan. Tab B never saw them and saves a "better"
    // after them: its write merges, so the stop is still in what storage holds.
    let a = Progress::default()
        .with_session(session(10, CheckIn::Worse))
        .with_session(session(20, CheckIn::Worse));
    assert!(a.stop().is_some());
    let b = Progress::default().with_session(session(30, CheckIn::Better));
    let storage = a.merge(&b);
    assert!(storage.stop().is_some(), "B's write keeps A's stop");
    assert_eq!(storage.sessions.len(), 3, "and both tabs' sessions");
    // Older sessions from a third copy, merged later, cannot hide the stop either: it is
    // kept as a fact.
    let c = Progress::default()
        .with_session(session(11, CheckIn::Better))
        .with_session(session(12, CheckIn::Better))
        .with_session(session(13, CheckIn::Better));
    assert!(storage.merge(&c).stop().is_some());
}

#[test]
fn s2_two_tabs_with_one_worse_each_stop_the_plan_together() {
    let a = Progress::default().with_session(session(10, CheckIn::Worse));
    let b = Progress::default().with_session(session(20, CheckIn::Worse));
    assert_eq!(a.stop(), None);
    assert_eq!(b.stop(), None);
    assert!(
        a.merge(&b).stop().is_some(),
        "two worse in a row, across tabs"
    );
}

#[test]
fn s6_a_clearing_in_one_copy_is_not_undone_by_another_copy_s_memory() {
    let old = Progress::default().with_session(session(10, CheckIn::Better));
    let cleared = Progress {
        cleared: Some(15),
        ..Progress::default()
    };
    let merged = old.merge(&cleared);
    assert!(
        merged.sessions.is_empty(),
        "what was cleared does not come back"
    );
    let newer = Session {
        at: 20,
        day: 20_001,
        checkin: CheckIn::Same,
        counted: true,
    };
    assert_eq!(merged.with_session(newer).sessions, vec![newer]);
}

#[test]
fn s2_check_in_sore_where_rolled_is_not_worse() {
    let p = (1..=5).fold(Progress::default(), |p, at| {
        p.with_session(session(at, CheckIn::Sore))
    });
    assert_eq!(
        p.stop(),
        None,
        "tender muscles are not the pain getting worse"
    );
    assert_eq!(Progress::from_text(&p.to_text()), Some(p));
}

#[test]
fn s2_an_undo_that_leaves_two_worse_close_together_keeps_that_stop() {
    // Found by scripts/soak: a copy with "worse, better, better" hears another's "worse",
    // then takes its last "better" back: "worse, better, worse" is two among the last three.
    let mine = Progress::default()
        .with_session(session(2, CheckIn::Worse))
        .with_session(session(3, CheckIn::Better))
        .with_session(session(4, CheckIn::Better));
    let theirs = Progress::default().with_session(session(5, CheckIn::Worse));
    let heard = mine.merge(&theirs);
    assert_eq!(heard.stop(), None);
    let undone = heard.without_session(session(4, CheckIn::Better), 6);
    assert!(undone.stop().is_some());
    assert!(!undone.stops.is_empty(), "kept as a fact");
    // Older sessions from a third copy cannot hide it.
    let older = Progress::default().with_session(session(1, CheckIn::Better));
    assert!(undone.merge(&older).merge(&theirs).stop().is_some());
}
