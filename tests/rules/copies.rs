//! Many copies, one truth, in the reducer (S2, S6; widget.md: two tabs, two widgets, storage
//! blocked or full, a record file): what a copy hears from the others, and the check-in's undo.

use roll_routine::core::answers::{Screening, Warning};
use roll_routine::core::content::LOWER_BACK;
use roll_routine::core::player::Action;
use roll_routine::core::progress::{CheckIn, Progress};
use roll_routine::core::record::{LoadError, FILE_FORMAT};
use roll_routine::core::state::{Answer, Play, Stored};
use roll_routine::core::state::{Msg, Phase, Reason};

use super::reducer::Sim;

/// A reader at the routine, with today's safety check done.
fn reader() -> Sim {
    let mut w = Sim::new(&LOWER_BACK);
    w.answer_chronic();
    w
}

/// Another copy's record after two "worse" check-ins: the S2 stop.
fn stopped_elsewhere() -> Progress {
    let mut other = reader();
    other.session(1_000.0, CheckIn::Worse);
    other.send(Msg::Play(Play::ShowRoutine)).wait(60_000.0);
    other.session(1_000.0, CheckIn::Worse);
    assert!(other.stop().is_some());
    other.state.progress.clone()
}

#[test]
fn s2_a_copy_mid_session_that_hears_of_a_stop_ends_with_the_advice() {
    let elsewhere = stopped_elsewhere();
    let mut w = reader();
    w.send(Msg::Play(Play::Start(0)))
        .wait(5_000.0)
        .send(Msg::Play(Play::Player(Action::Tick)));
    assert!(matches!(w.phase(), Phase::Playing { .. }));
    w.send(Msg::Stored(Stored::Merge(elsewhere)));
    assert_eq!(w.stop(), Some((Screening::SeeDoctor, Reason::Worse)));
    // Its own next write keeps the stop: it is in its record now.
    assert!(w.state.progress.stop().is_some());
    w.send(Msg::Play(Play::Start(0)));
    assert!(
        matches!(w.phase(), Phase::Stop(_)),
        "no session under a stop"
    );
}

#[test]
fn s2_a_copy_on_the_finish_screen_that_hears_of_a_stop_shows_it() {
    let elsewhere = stopped_elsewhere();
    let mut w = reader();
    w.session(1_000.0, CheckIn::Better);
    assert!(matches!(w.phase(), Phase::Finished { .. }));
    w.send(Msg::Stored(Stored::Merge(elsewhere)));
    assert!(matches!(w.phase(), Phase::Stop(s) if s.needs_clinician));
}

#[test]
fn s2_s6_a_clearing_heard_from_another_copy_forgets_but_the_stop_holds_for_the_visit() {
    let mut w = reader();
    w.session(1_000.0, CheckIn::Worse)
        .send(Msg::Play(Play::ShowRoutine))
        .session(1_000.0, CheckIn::Worse);
    assert!(w.stop().is_some());
    // Another tab clears its saved data, later.
    w.wait(1_000.0);
    let cleared = Progress {
        cleared: Some(w.now.epoch_ms as u64),
        ..Progress::default()
    };
    w.send(Msg::Stored(Stored::Merge(cleared)));
    assert!(
        w.state.progress.sessions.is_empty(),
        "nothing cleared comes back"
    );
    assert!(w.stop().is_some(), "the stop holds for this visit");
    w.send(Msg::Answer(Answer::Ask(
        roll_routine::core::content::Question::Onset,
    )));
    assert!(
        matches!(w.phase(), Phase::Stop(_)),
        "and no answer lifts it"
    );
}

#[test]
fn s2_a_clinician_confirmation_older_than_the_stop_does_not_lift_it() {
    let mut w = reader();
    let before = w.now.epoch_ms as u64 - 1;
    w.session(1_000.0, CheckIn::Worse)
        .send(Msg::Play(Play::ShowRoutine))
        .session(1_000.0, CheckIn::Worse);
    let old = Progress {
        clinician: Some(roll_routine::core::progress::Clearance {
            at: before,
            day: w.now.day,
        }),
        ..Progress::default()
    };
    w.send(Msg::Stored(Stored::Merge(old)));
    assert!(w.stop().is_some());
}

#[test]
fn s2_sore_where_rolled_is_not_worse_and_two_worse_still_stop() {
    let mut w = reader();
    for _ in 0..3 {
        w.session(1_000.0, CheckIn::Sore)
            .send(Msg::Play(Play::ShowRoutine));
    }
    assert!(
        matches!(w.phase(), Phase::Routine(_)),
        "sore three times: go on"
    );
    w.session(1_000.0, CheckIn::Worse)
        .send(Msg::Play(Play::ShowRoutine))
        .session(1_000.0, CheckIn::Worse);
    assert_eq!(w.stop(), Some((Screening::SeeDoctor, Reason::Worse)));
}

#[test]
fn s2_one_undo_takes_back_a_mistaken_check_in_while_the_finish_screen_is_open() {
    let mut w = reader();
    w.session(1_000.0, CheckIn::Worse);
    assert_eq!(w.state.progress.sessions.len(), 1);
    // Another copy heard of the mistaken answer before the undo.
    let had_it = w.state.progress.clone();
    w.send(Msg::Play(Play::UndoCheckIn));
    assert!(matches!(w.phase(), Phase::Finished { checkin: None, .. }));
    assert!(w.state.progress.sessions.is_empty());
    // Answered again (in the same millisecond, even), it is kept; the copy that had the
    // first answer cannot bring it back.
    w.send(Msg::Play(Play::CheckIn(CheckIn::Better)));
    w.send(Msg::Stored(Stored::Merge(had_it)));
    let felt: Vec<CheckIn> = w
        .state
        .progress
        .sessions
        .iter()
        .map(|s| s.checkin)
        .collect();
    assert_eq!(felt, vec![CheckIn::Better]);
    // Off the finish screen, there is nothing to undo.
    w.send(Msg::Play(Play::ShowRoutine))
        .send(Msg::Play(Play::UndoCheckIn));
    assert_eq!(w.state.progress.sessions.len(), 1);
}

#[test]
fn s2_a_check_in_that_stops_the_plan_leaves_no_undo() {
    let mut w = reader();
    w.session(1_000.0, CheckIn::Sign(Warning::LegPain));
    assert!(matches!(w.phase(), Phase::Stop(_)));
    w.send(Msg::Play(Play::UndoCheckIn));
    assert!(
        matches!(w.phase(), Phase::Stop(_)),
        "a sign is never undone"
    );
}

#[test]
fn bad_input_storage_blocked_or_full_is_said_and_a_stop_holds_for_the_visit() {
    let mut w = reader();
    assert!(w.state.kept);
    w.send(Msg::Stored(Stored::NotKept));
    assert!(!w.state.kept);
    w.session(1_000.0, CheckIn::Worse)
        .send(Msg::Play(Play::ShowRoutine))
        .session(1_000.0, CheckIn::Worse);
    assert!(w.stop().is_some(), "S2 holds in memory for the visit");
}

#[test]
fn bad_input_a_record_file_merges_and_never_drops_a_session_or_lifts_a_stop_s2_s6() {
    // A record saved on another device, with the stop.
    let elsewhere = stopped_elsewhere();
    let file = elsewhere.record();
    let loaded = Progress::from_file(Some(file.format), Some(&file.data)).unwrap();
    assert_eq!(loaded.answers, None, "the file carries no answers");
    let mut w = reader();
    w.session(1_000.0, CheckIn::Better)
        .send(Msg::Play(Play::ShowRoutine));
    let mine = w.state.progress.sessions.clone();
    w.send(Msg::Stored(Stored::Merge(loaded)));
    for s in &mine {
        assert!(w.state.progress.sessions.contains(s), "kept {s:?}");
    }
    assert_eq!(w.state.progress.sessions.len(), 3);
    assert!(matches!(w.phase(), Phase::Stop(s) if s.needs_clinician));
    // Loading a file from before the stop lifts nothing.
    let older = Progress::default().record();
    w.send(Msg::Stored(Stored::Merge(
        Progress::from_file(Some(older.format), Some(&older.data)).unwrap(),
    )));
    assert!(w.stop().is_some());
}

#[test]
fn bad_input_a_malformed_foreign_newer_or_huge_record_file_is_refused() {
    let good = Progress::default().record().data;
    assert_eq!(
        Progress::from_file(None, Some(&good)),
        Err(LoadError::Foreign)
    );
    assert_eq!(
        Progress::from_file(Some("my notes"), Some(&good)),
        Err(LoadError::Foreign)
    );
    assert_eq!(
        Progress::from_file(Some("roll-routine record 9"), Some(&good)),
        Err(LoadError::Newer)
    );
    assert_eq!(
        Progress::from_file(Some("roll-routine record 1"), None),
        Err(LoadError::Damaged)
    );
    assert_eq!(
        Progress::from_file(Some(FILE_FORMAT), Some("rr3;garbage")),
        Err(LoadError::Damaged)
    );
    assert_eq!(
        Progress::from_file(Some(FILE_FORMAT), None),
        Err(LoadError::Damaged)
    );
    for e in [
        LoadError::Foreign,
        LoadError::Damaged,
        LoadError::Newer,
        LoadError::TooLarge,
    ] {
        assert!(e.message().contains("Nothing was changed"), "{e:?}");
    }
}

#[test]
fn s2_a_stop_held_after_a_clearing_is_lifted_only_by_a_newer_clinician_confirmation() {
    let mut w = reader();
    w.session(1_000.0, CheckIn::Worse)
        .send(Msg::Play(Play::ShowRoutine))
        .session(1_000.0, CheckIn::Worse);
    let stop_at = w.now.epoch_ms as u64;
    w.wait(1_000.0).send(Msg::Stored(Stored::Clear));
    assert!(w.stop().is_some(), "held for the visit");
    let day = w.now.day;
    let confirmed = |at| Progress {
        clinician: Some(roll_routine::core::progress::Clearance { at, day }),
        ..Progress::default()
    };
    // A confirmation from before the hold began (another copy's, stale) lifts nothing.
    let stale = confirmed(stop_at + 1);
    w.send(Msg::Stored(Stored::Merge(stale)));
    assert!(w.stop().is_some(), "a stale confirmation lifts nothing");
    // One the reader gives in another copy after it does.
    w.wait(1_000.0);
    let fresh = confirmed(w.now.epoch_ms as u64);
    w.send(Msg::Stored(Stored::Merge(fresh)));
    assert_eq!(w.stop(), None);
}

#[test]
fn s2_a_loaded_record_file_never_lifts_a_stop_even_with_a_confirmation_in_it() {
    let mut w = reader();
    w.session(1_000.0, CheckIn::Worse)
        .send(Msg::Play(Play::ShowRoutine))
        .session(1_000.0, CheckIn::Worse);
    w.wait(60_000.0);
    let file = Progress {
        clinician: Some(roll_routine::core::progress::Clearance {
            at: w.now.epoch_ms as u64,
            day: w.now.day,
        }),
        ..Progress::default()
    };
    w.send(Msg::Stored(Stored::Load(file)));
    assert!(
        w.stop().is_some(),
        "the reader confirms here, on the advice"
    );
    assert_eq!(
        w.state.page.notice,
        Some(roll_routine::core::state::Notice::RecordLoaded(0))
    );
}

#[test]
fn s2_s7_a_sign_reported_in_one_copy_makes_every_copy_ask_the_safety_check_again() {
    // Both copies did today's safety check; in one the reader then reports a sign.
    let mut a = reader();
    let mut b = reader();
    a.wait(60_000.0);
    a.send(Msg::Answer(roll_routine::core::state::Answer::Ask(
        roll_routine::core::content::Question::Safety,
    )))
    .send(Msg::Answer(
        roll_routine::core::state::Answer::ToggleWarning(Warning::LegPain),
    ))
    .send(Msg::Answer(
        roll_routine::core::state::Answer::ConfirmSafety,
    ));
    assert!(matches!(a.phase(), Phase::Stop(_)));
    assert_eq!(
        a.state.progress.safety_day, None,
        "the day's check is forgotten"
    );
    // The other copy hears the record: its next Start asks the safety check first.
    b.wait(60_000.0)
        .send(Msg::Stored(Stored::Merge(a.state.progress.clone())));
    b.send(Msg::Play(Play::Start(0)));
    assert_eq!(
        b.phase(),
        &Phase::Asking(roll_routine::core::content::Question::Safety)
    );
}
