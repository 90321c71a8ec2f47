//! The widget's reducer: every message in any order keeps the safety rules.

// ---- The widget's reducer (pure) ----

use std::rc::Rc;

use proptest::prelude::*;
use roll_routine::core::answers::{Answers, Goal, Onset, Screening, TimePref, Warning};
use roll_routine::core::calendar::ReminderTime;
use roll_routine::core::content::{Family, Question, FOREARMS, LOWER_BACK};
use roll_routine::core::dates::TimeOfDay;
use roll_routine::core::player::Action;
use roll_routine::core::progress::{CheckIn, Progress, Session};
use roll_routine::core::share;
use roll_routine::core::state::{step, Msg, Notice, Now, PageMsg, Phase, Reason, State, ACUTE_MS};
use roll_routine::core::state::{Answer, Play, Safety, Stored};

const HOUR: f64 = 3_600_000.0;
/// 2026-11-26, noon UTC.
pub(crate) const START: Now = Now {
    mono: 1_000.0,
    epoch_ms: 1_795_694_400_000.0,
    day: 20_783,
};

/// A widget driven message by message, with a clock moved by hand.
pub(crate) struct Sim {
    pub(crate) state: Rc<State>,
    pub(crate) now: Now,
}

impl Sim {
    pub(crate) fn new(family: &'static Family) -> Self {
        Sim {
            state: Rc::new(State::new(family)),
            now: START,
        }
    }

    pub(crate) fn send(&mut self, msg: Msg) -> &mut Self {
        self.state = step(self.state.clone(), msg, self.now);
        self
    }

    pub(crate) fn wait(&mut self, ms: f64) -> &mut Self {
        self.now.mono += ms;
        self.now.epoch_ms += ms;
        self.now.day = START.day
            + ((self.now.epoch_ms - START.epoch_ms + 12.0 * HOUR) / (24.0 * HOUR)).floor() as i32;
        self
    }

    pub(crate) fn answer_chronic(&mut self) -> &mut Self {
        self.send(Msg::Answer(Answer::ConfirmSafety))
            .send(Msg::Answer(Answer::Onset(Onset::Chronic)))
            .send(Msg::Answer(Answer::ConfirmExtras))
            .send(Msg::Answer(Answer::Time(TimePref::Standard)))
    }

    /// Plays routine 0 for `ms`, ends it and checks in.
    pub(crate) fn session(&mut self, ms: f64, checkin: CheckIn) -> &mut Self {
        self.send(Msg::Play(Play::Start(0)))
            .wait(ms)
            .send(Msg::Play(Play::Player(Action::End)));
        self.send(Msg::Play(Play::CheckIn(checkin)))
    }

    pub(crate) fn phase(&self) -> &Phase {
        &self.state.phase
    }

    pub(crate) fn stop(&self) -> Option<(Screening, Reason)> {
        match self.phase() {
            Phase::Stop(s) => Some((s.screening, s.reason)),
            _ => None,
        }
    }

    fn muscles(&self) -> Vec<&'static str> {
        match self.phase() {
            Phase::Routine(p) => p
                .routines
                .iter()
                .flat_map(|r| r.steps.iter().map(|s| s.muscle.id))
                .collect(),
            Phase::Playing { routine, .. } => routine.steps.iter().map(|s| s.muscle.id).collect(),
            _ => vec![],
        }
    }
}

#[test]
fn s2_s3_a_warning_sign_ends_the_questions_at_once() {
    let mut w = Sim::new(&LOWER_BACK);
    w.send(Msg::Answer(Answer::ToggleWarning(Warning::BladderBowel)))
        .send(Msg::Answer(Answer::ConfirmSafety));
    assert_eq!(w.stop(), Some((Screening::Emergency, Reason::Answers)));
}

#[test]
fn p5_changing_one_answer_returns_to_the_routine_without_starting_over() {
    let mut w = Sim::new(&LOWER_BACK);
    w.answer_chronic()
        .send(Msg::Answer(Answer::Ask(Question::Extras)))
        .send(Msg::Answer(Answer::ToggleSitting))
        .send(Msg::Answer(Answer::ConfirmExtras));
    assert!(matches!(w.phase(), Phase::Routine(p) if p.routines[0].template.id == "full-sitting"));
    assert!(w.state.answers.sitting && w.state.answers.onset == Some(Onset::Chronic));
}

#[test]
fn answers_are_taken_only_while_their_question_is_asked() {
    let mut w = Sim::new(&LOWER_BACK);
    w.answer_chronic();
    let before = w.state.clone();
    for m in [
        Msg::Answer(Answer::Onset(Onset::Acute)),
        Msg::Answer(Answer::ToggleWarning(Warning::LegPain)),
        Msg::Answer(Answer::ConfirmSafety),
        Msg::Answer(Answer::ToggleSitting),
        Msg::Answer(Answer::ConfirmExtras),
        Msg::Answer(Answer::Time(TimePref::Quick)),
    ] {
        w.send(m);
        assert!(
            Rc::ptr_eq(&before, &w.state),
            "ignored outside its question"
        );
    }
}

#[test]
fn s4_an_acute_reader_is_not_asked_about_sitting_or_mornings() {
    let mut w = Sim::new(&LOWER_BACK);
    w.send(Msg::Answer(Answer::ConfirmSafety))
        .send(Msg::Answer(Answer::Onset(Onset::Acute)));
    assert_eq!(w.state.questions(), vec![Question::Safety, Question::Onset]);
    assert_eq!(w.muscles(), vec!["glutes-seated"]);
    // Changing to "longer ago" asks the question never asked before.
    w.send(Msg::Answer(Answer::Ask(Question::Onset)))
        .send(Msg::Answer(Answer::Onset(Onset::Chronic)));
    assert_eq!(w.phase(), &Phase::Asking(Question::Extras));
}

#[test]
fn s2_two_worse_check_ins_stop_the_plan_and_one_tap_never_lifts_it() {
    let mut w = Sim::new(&LOWER_BACK);
    w.answer_chronic()
        .session(600_000.0, CheckIn::Worse)
        .send(Msg::Play(Play::ShowRoutine))
        .session(600_000.0, CheckIn::Worse);
    assert_eq!(w.stop(), Some((Screening::SeeDoctor, Reason::Worse)));
    // Nothing but the clinician confirmation goes on: not clearing, not a question, not
    // "start over", not a start.
    for m in [
        Msg::Stored(Stored::Clear),
        Msg::Answer(Answer::Ask(Question::Onset)),
        Msg::Answer(Answer::StartOver),
        Msg::Play(Play::Start(0)),
        Msg::Play(Play::ShowRoutine),
        Msg::Safety(Safety::ConfirmClinician), // not ticked yet
    ] {
        w.send(m.clone());
        assert!(w.stop().is_some(), "{m:?} lifted the stop");
    }
    w.send(Msg::Safety(Safety::ToggleClinician))
        .send(Msg::Safety(Safety::ConfirmClinician));
    assert_eq!(w.phase(), &Phase::Asking(Question::Safety));
    w.send(Msg::Answer(Answer::ConfirmSafety));
    assert!(matches!(w.phase(), Phase::Routine(_)));
}

#[test]
fn s2_the_clinician_confirmation_is_kept_and_a_stored_stop_holds_on_return() {
    let mut w = Sim::new(&LOWER_BACK);
    w.answer_chronic()
        .session(600_000.0, CheckIn::Worse)
        .send(Msg::Play(Play::ShowRoutine))
        .session(600_000.0, CheckIn::Worse);
    let stored = w.state.progress.to_text();
    let mut back = Sim::new(&LOWER_BACK);
    back.wait(24.0 * HOUR).send(Msg::Stored(Stored::Restore {
        stored: Some(stored),
        shared: None,
    }));
    assert_eq!(back.stop(), Some((Screening::SeeDoctor, Reason::Worse)));
    back.send(Msg::Safety(Safety::ToggleClinician))
        .send(Msg::Safety(Safety::ConfirmClinician));
    let kept = Progress::from_text(&back.state.progress.to_text()).unwrap();
    assert_eq!(kept.clinician.map(|c| c.day), Some(back.now.day));
    assert_eq!(kept.stop(), None);
}

#[test]
fn s2_the_check_in_offers_the_signs_and_one_stops_the_plan() {
    let mut w = Sim::new(&LOWER_BACK);
    w.answer_chronic()
        .session(10_000.0, CheckIn::Sign(Warning::NumbLegs));
    assert_eq!(
        w.stop(),
        Some((Screening::SeeDoctor, Reason::CheckIn(Warning::NumbLegs)))
    );
    assert!(LOWER_BACK.checkin_signs.contains(&Warning::LegPain));
    // A sign the family does not offer at its check-in is refused.
    let mut f = Sim::new(&FOREARMS);
    f.send(Msg::Answer(Answer::Goal(Goal::Typing)))
        .send(Msg::Answer(Answer::Time(TimePref::Quick)));
    f.session(10_000.0, CheckIn::Sign(Warning::NumbLegs));
    assert!(matches!(f.phase(), Phase::Finished { checkin: None, .. }));
}

#[test]
fn s3_urgent_advice_wins_over_a_worse_stop() {
    let mut w = Sim::new(&LOWER_BACK);
    w.answer_chronic()
        .session(600_000.0, CheckIn::Worse)
        .send(Msg::Play(Play::ShowRoutine))
        .session(600_000.0, CheckIn::Worse);
    // From the stop screen's urgent list, the reader reports a new sign.
    w.send(Msg::Answer(Answer::Ask(Question::Safety)))
        .send(Msg::Answer(Answer::ToggleWarning(Warning::SaddleNumbness)))
        .send(Msg::Answer(Answer::ConfirmSafety));
    let Phase::Stop(stop) = w.phase() else {
        panic!("{:?}", w.phase())
    };
    assert_eq!(stop.screening, Screening::Emergency);
    assert!(
        stop.needs_clinician,
        "the worse stop still holds beneath it"
    );
}

#[test]
fn s7_a_share_link_never_answers_the_safety_check_or_the_onset() {
    let sent = Answers {
        onset: Some(Onset::Chronic),
        sitting: true,
        ..Answers::default()
    };
    let mut w = Sim::new(&LOWER_BACK);
    w.send(Msg::Stored(Stored::Restore {
        stored: None,
        shared: Some(share::encode(&sent)),
    }));
    assert_eq!(w.phase(), &Phase::Asking(Question::Safety));
    w.send(Msg::Answer(Answer::ConfirmSafety));
    assert_eq!(w.phase(), &Phase::Asking(Question::Onset));
    w.send(Msg::Answer(Answer::Onset(Onset::Acute)));
    w.send(Msg::Answer(Answer::Time(TimePref::Standard)));
    assert_eq!(
        w.muscles(),
        vec!["glutes-seated"],
        "the opener's pain is new"
    );
}

#[test]
fn s7_a_returning_reader_confirms_the_safety_check_once_a_day() {
    let mut w = Sim::new(&LOWER_BACK);
    w.answer_chronic();
    let stored = w.state.progress.to_text();
    // The same day: straight to the routine.
    let mut again = Sim::new(&LOWER_BACK);
    again.wait(HOUR).send(Msg::Stored(Stored::Restore {
        stored: Some(stored.clone()),
        shared: None,
    }));
    assert!(matches!(again.phase(), Phase::Routine(_)));
    // The next day: the one-tap check first, and it leads back to the routine.
    let mut next = Sim::new(&LOWER_BACK);
    next.wait(24.0 * HOUR).send(Msg::Stored(Stored::Restore {
        stored: Some(stored),
        shared: None,
    }));
    assert_eq!(next.phase(), &Phase::Asking(Question::Safety));
    next.send(Msg::Answer(Answer::ConfirmSafety));
    assert!(matches!(next.phase(), Phase::Routine(_)));
    // A page left open overnight asks before the first session of the new day.
    w.wait(24.0 * HOUR).send(Msg::Play(Play::Start(0)));
    assert_eq!(w.phase(), &Phase::Asking(Question::Safety));
    assert!(w.state.daily_check);
    w.send(Msg::Answer(Answer::ConfirmSafety))
        .send(Msg::Play(Play::Start(0)));
    assert!(matches!(w.phase(), Phase::Playing { .. }));
}

#[test]
fn s4_after_48_hours_the_onset_is_asked_again() {
    let mut w = Sim::new(&LOWER_BACK);
    w.send(Msg::Answer(Answer::ConfirmSafety))
        .send(Msg::Answer(Answer::Onset(Onset::Acute)))
        .send(Msg::Answer(Answer::Time(TimePref::Standard)));
    let stored = w.state.progress.to_text();
    let restore = |hours: f64| {
        let mut r = Sim::new(&LOWER_BACK);
        r.wait(hours * HOUR).send(Msg::Stored(Stored::Restore {
            stored: Some(stored.clone()),
            shared: None,
        }));
        r.send(Msg::Answer(Answer::ConfirmSafety));
        r.state.phase.clone()
    };
    assert!(matches!(restore(30.0), Phase::Routine(p) if p.routines[0].template.id == "gentle"));
    assert_eq!(restore(49.0), Phase::Asking(Question::Onset));
    assert_eq!(ACUTE_MS, 48 * 3_600_000);
}

#[test]
fn s6_clearing_saved_data_is_always_there_and_forgets_everything() {
    let mut w = Sim::new(&LOWER_BACK);
    w.answer_chronic().session(600_000.0, CheckIn::Better);
    assert!(w.state.progress.counted() == 1);
    w.send(Msg::Stored(Stored::Clear));
    let cleared = w.state.progress.cleared;
    assert!(cleared.is_some(), "the clearing is kept, with its time");
    assert_eq!(
        w.state.progress,
        Progress {
            cleared,
            ..Progress::default()
        }
    );
}

#[test]
fn a_session_counts_from_half_its_rolling_time() {
    let mut w = Sim::new(&LOWER_BACK);
    w.answer_chronic().session(5_000.0, CheckIn::Same);
    assert_eq!(w.state.progress.counted(), 0, "ended after 5 s");
    assert_eq!(w.state.progress.sessions.len(), 1, "its check-in is kept");
    w.send(Msg::Play(Play::ShowRoutine))
        .session(2.0 * 3_600_000.0, CheckIn::Same);
    assert_eq!(w.state.progress.counted(), 1);
}

#[test]
fn a_tick_that_changes_nothing_visible_keeps_the_same_state() {
    let mut w = Sim::new(&LOWER_BACK);
    w.answer_chronic().send(Msg::Play(Play::Start(0)));
    let s = w.state.clone();
    w.wait(100.0).send(Msg::Play(Play::Player(Action::Tick)));
    assert!(
        Rc::ptr_eq(&s, &w.state),
        "no re-render within the same second"
    );
    w.wait(1_000.0).send(Msg::Play(Play::Player(Action::Tick)));
    assert!(!Rc::ptr_eq(&s, &w.state));
}

#[test]
fn repeated_answers_and_starts_are_harmless() {
    let mut w = Sim::new(&LOWER_BACK);
    w.answer_chronic();
    for _ in 0..5 {
        w.send(Msg::Play(Play::Start(0)));
    }
    w.send(Msg::Play(Play::CheckIn(CheckIn::Better)));
    assert!(matches!(w.phase(), Phase::Playing { .. }));
    assert!(
        w.state.progress.sessions.is_empty(),
        "no check-in while playing"
    );
}

#[test]
fn s3_an_emergency_answered_in_this_visit_outranks_a_sign_restored_later() {
    // The case CI shrank to (issue 17): a forearm reader with a stored sign confirms the
    // clinician check, reports saddle numbness on the safety check that follows, then
    // another copy's record with a fever sign arrives. The emergency advice must stay.
    let mut w = Sim::new(&FOREARMS);
    let stored = |signs: &[CheckIn], then: u64| {
        let p = signs
            .iter()
            .enumerate()
            .fold(Progress::default(), |p, (i, &c)| {
                p.with_session(Session {
                    at: then + i as u64,
                    day: START.day,
                    checkin: c,
                    counted: true,
                })
            });
        Some(p.to_text())
    };
    let then = START.epoch_ms as u64 - 10_000;
    w.send(Msg::Stored(Stored::Restore {
        stored: stored(
            &[
                CheckIn::Better,
                CheckIn::Better,
                CheckIn::Better,
                CheckIn::Sign(Warning::SaddleNumbness),
            ],
            then,
        ),
        shared: Some(share::encode(&Answers::default())),
    }));
    assert!(matches!(w.phase(), Phase::Stop(s) if s.needs_clinician));
    w.send(Msg::Safety(Safety::ToggleClinician))
        .send(Msg::Safety(Safety::ConfirmClinician));
    assert_eq!(w.phase(), &Phase::Asking(Question::Safety));
    w.send(Msg::Answer(Answer::ToggleWarning(Warning::SaddleNumbness)))
        .send(Msg::Answer(Answer::ConfirmSafety));
    assert_eq!(w.stop(), Some((Screening::Emergency, Reason::Answers)));
    w.wait(1_000.0).send(Msg::Stored(Stored::Restore {
        stored: stored(
            &[CheckIn::Better, CheckIn::Sign(Warning::FeverUnwell)],
            START.epoch_ms as u64 + 500,
        ),
        shared: None,
    }));
    assert_eq!(
        w.stop().map(|s| s.0),
        Some(Screening::Emergency),
        "the emergency answer still wins"
    );
    // And the same through a mid-visit merge from another copy.
    let other = Progress::from_text(
        &stored(
            &[CheckIn::Sign(Warning::FeverUnwell)],
            START.epoch_ms as u64 + 900,
        )
        .unwrap(),
    )
    .unwrap();
    w.send(Msg::Stored(Stored::Merge(other)));
    assert_eq!(w.stop().map(|s| s.0), Some(Screening::Emergency));
}

// ---- Every message, in any order (S2, S3, S4, S7) ----

fn warning() -> impl Strategy<Value = Warning> {
    prop::sample::select(Warning::ALL.to_vec())
}

fn answers() -> impl Strategy<Value = Answers> {
    (
        0..3u8,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        0..5usize,
    )
        .prop_map(|(o, sitting, morning, quick, g)| Answers {
            warnings: None,
            onset: [None, Some(Onset::Acute), Some(Onset::Chronic)][usize::from(o)],
            sitting,
            morning,
            time: if quick {
                TimePref::Quick
            } else {
                TimePref::Standard
            },
            goal: g.checked_sub(1).map(|i| Goal::ALL[i]),
        })
}

fn checkin() -> impl Strategy<Value = CheckIn> {
    prop_oneof![
        Just(CheckIn::Better),
        Just(CheckIn::Same),
        Just(CheckIn::Worse),
        Just(CheckIn::Worse),
        warning().prop_map(CheckIn::Sign),
    ]
}

/// What a restore finds: stored progress built from parts (some of them odd), any text,
/// and any share code.
#[derive(Clone, Debug)]
struct Found {
    answers: Option<Answers>,
    acute_hours_ago: Option<u8>,
    safety_days_ago: Option<u8>,
    sessions: Vec<CheckIn>,
    cleared_after: Option<usize>,
    junk: Option<String>,
    shared: Option<Answers>,
    shared_junk: Option<String>,
}

fn found() -> impl Strategy<Value = Found> {
    (
        prop::option::of(answers()),
        prop::option::of(0..100u8),
        prop::option::of(0..3u8),
        prop::collection::vec(checkin(), 0..5),
        prop::option::of(0..5usize),
        prop::option::weighted(0.2, "(rr2;)?[a-zA-Z0-9;:,]{0,14}"),
        prop::option::of(answers()),
        prop::option::weighted(0.2, "[0-9a-z]{0,4}"),
    )
        .prop_map(
            |(answers, acute, safety, sessions, cleared, junk, shared, sj)| Found {
                answers,
                acute_hours_ago: acute,
                safety_days_ago: safety,
                sessions,
                cleared_after: cleared,
                junk,
                shared,
                shared_junk: sj,
            },
        )
}

impl Found {
    /// The record as another copy would send it: what its text parses to.
    fn progress(&self, now: Now) -> Option<Progress> {
        match self.msg(now) {
            Msg::Stored(Stored::Restore { stored, .. }) => {
                stored.as_deref().and_then(Progress::from_text)
            }
            _ => None,
        }
    }

    fn msg(&self, now: Now) -> Msg {
        let mut p = Progress {
            answers: self.answers.clone(),
            acute_since: self
                .acute_hours_ago
                .map(|h| (now.epoch_ms - f64::from(h) * HOUR) as u64),
            safety_day: self.safety_days_ago.map(|d| now.day - i32::from(d)),
            ..Progress::default()
        };
        // Stored a while ago, a second apart.
        let then = now.epoch_ms as u64 - 100_000;
        for (i, &c) in self.sessions.iter().enumerate() {
            p = p.with_session(Session {
                at: then + i as u64 * 1000,
                day: now.day,
                checkin: c,
                counted: true,
            });
        }
        p.clinician = self
            .cleared_after
            .map(|after| roll_routine::core::progress::Clearance {
                at: then + after as u64 * 1000 - 500,
                day: now.day,
            });
        p.normalize();
        Msg::Stored(Stored::Restore {
            stored: Some(self.junk.clone().unwrap_or_else(|| p.to_text())),
            shared: self
                .shared_junk
                .clone()
                .or_else(|| self.shared.as_ref().map(share::encode)),
        })
    }
}

#[derive(Clone, Debug)]
enum Op {
    Send(Msg),
    Restore(Found),
    /// Another copy's record, as heard mid-visit.
    Merge(Found),
    /// A record file the reader loads.
    Load(Found),
    Wait(f64),
}

fn op() -> impl Strategy<Value = Op> {
    let question = prop::sample::select(vec![
        Question::Safety,
        Question::Onset,
        Question::Extras,
        Question::Time,
        Question::Goal,
    ]);
    let action = prop::sample::select(vec![
        Action::Start,
        Action::Pause,
        Action::Resume,
        Action::Toggle,
        Action::Skip,
        Action::Back,
        Action::End,
        Action::Tick,
        Action::Begin,
        Action::Hold,
        Action::Release,
    ]);
    let msg = prop_oneof![
        warning().prop_map(|w| Msg::Answer(Answer::ToggleWarning(w))),
        Just(Msg::Answer(Answer::ConfirmSafety)),
        Just(Msg::Answer(Answer::ConfirmSafety)),
        Just(Msg::Answer(Answer::Onset(Onset::Acute))),
        Just(Msg::Answer(Answer::Onset(Onset::Chronic))),
        Just(Msg::Answer(Answer::ToggleSitting)),
        Just(Msg::Answer(Answer::ToggleMorning)),
        Just(Msg::Answer(Answer::ConfirmExtras)),
        Just(Msg::Answer(Answer::Time(TimePref::Quick))),
        Just(Msg::Answer(Answer::Time(TimePref::Standard))),
        prop::sample::select(Goal::ALL.to_vec()).prop_map(|g| Msg::Answer(Answer::Goal(g))),
        question.prop_map(|q| Msg::Answer(Answer::Ask(q))),
        Just(Msg::Answer(Answer::Previous)),
        (0..3usize).prop_map(|i| Msg::Play(Play::Start(i))),
        (0..3usize).prop_map(|i| Msg::Play(Play::Start(i))),
        action.prop_map(|a| Msg::Play(Play::Player(a))),
        checkin().prop_map(|c| Msg::Play(Play::CheckIn(c))),
        checkin().prop_map(|c| Msg::Play(Play::CheckIn(c))),
        Just(Msg::Play(Play::ShowRoutine)),
        Just(Msg::Safety(Safety::ToggleClinician)),
        Just(Msg::Safety(Safety::ConfirmClinician)),
        Just(Msg::Stored(Stored::Clear)),
        Just(Msg::Answer(Answer::StartOver)),
        Just(Msg::Play(Play::UndoCheckIn)),
        Just(Msg::Stored(Stored::NotKept)),
        // The page's tools: none of them may touch the safety rules.
        any::<bool>().prop_map(|on| Msg::Page(PageMsg::Speech(on))),
        any::<bool>().prop_map(|on| Msg::Page(PageMsg::PaceTick(on))),
        Just(Msg::Page(PageMsg::SoundTested)),
        Just(Msg::Page(PageMsg::Told(Notice::LinkCopied))),
        Just(Msg::Page(PageMsg::OpenReminders)),
        (0..2usize).prop_map(|slot| Msg::Page(PageMsg::RemindAt(ReminderTime {
            routine: "full",
            slot,
            at: TimeOfDay { h: 7, m: 30 },
        }))),
        Just(Msg::Page(PageMsg::RemindersMade)),
    ];
    prop_oneof![
        8 => msg.prop_map(Op::Send),
        1 => found().prop_map(Op::Restore),
        1 => found().prop_map(Op::Merge),
        1 => found().prop_map(Op::Load),
        2 => prop_oneof![0.0..5_000.0f64, 0.0..400_000.0f64, 0.0..(30.0 * HOUR)].prop_map(Op::Wait),
    ]
}

/// Everything the safety rules demand of a state, checked after every message.
fn check_safety(
    before: &State,
    msg: Option<&Msg>,
    after: &State,
    now: Now,
) -> Result<(), TestCaseError> {
    let stop = after.stop();
    let routine_shown = matches!(
        after.phase,
        Phase::Routine(_) | Phase::Playing { .. } | Phase::Finished { .. }
    );
    // S2, S3: no routine or player while any warning sign applies.
    prop_assert!(
        !(stop.is_some() && routine_shown),
        "routine under a stop: {:?}",
        after.phase
    );
    if let Some(w) = &after.answers.warnings {
        if !w.is_empty() {
            prop_assert!(!routine_shown);
        }
    }
    // S3: on a stop screen, the most urgent advice that applies.
    if let Phase::Stop(s) = &after.phase {
        let mut most = after
            .answers
            .warnings
            .iter()
            .flatten()
            .map(|w| w.severity())
            .min()
            .unwrap_or(Screening::Proceed);
        if let Some(roll_routine::core::progress::StopReason::Sign(w)) = after.progress.stop() {
            most = most.min(w.severity());
        }
        prop_assert!(
            s.screening <= most,
            "{:?} shown where {:?} applies",
            s.screening,
            most
        );
        prop_assert!(s.screening != Screening::Proceed);
    }
    // S4: an acute reader never gets a step other than the gentle glutes.
    if after.answers.onset == Some(Onset::Acute)
        && after.family.questions.contains(&Question::Onset)
    {
        let steps: Vec<_> = match &after.phase {
            Phase::Routine(p) => p.routines.iter().flat_map(|r| r.steps.clone()).collect(),
            Phase::Playing { routine, .. } => routine.steps.clone(),
            _ => vec![],
        };
        for s in steps {
            prop_assert_eq!(s.muscle.id, "glutes-seated");
            prop_assert!(s.muscle.hold.is_none());
        }
    }
    // S2: a check-in stop stays until the reader confirms a clinician checked them.
    let held = |s: &State| s.stop().is_some_and(|s| s.needs_clinician);
    // Another copy's record may bring the reader's own confirmation, given there.
    let confirmed_elsewhere = after.progress.clinician > before.progress.clinician
        && matches!(
            msg,
            Some(Msg::Stored(Stored::Restore { .. }) | Msg::Stored(Stored::Merge(_)))
        );
    if held(before)
        && !matches!(msg, Some(Msg::Safety(Safety::ConfirmClinician)))
        && !confirmed_elsewhere
    {
        prop_assert!(held(after), "{:?} lifted a check-in stop", msg);
    }
    if held(before) && !held(after) && !confirmed_elsewhere {
        prop_assert!(
            before.draft.clinician,
            "lifted without the confirmation ticked"
        );
    }
    // S7: a session starts only after today's safety check (where the family asks one).
    let playing = |s: &State| matches!(s.phase, Phase::Playing { .. });
    if !playing(before) && playing(after) && after.family.questions.contains(&Question::Safety) {
        prop_assert_eq!(after.progress.safety_day, Some(now.day));
        prop_assert_eq!(after.answers.warnings.as_deref(), Some(&[][..]));
    }
    // S7: a share link brings neither the onset nor a safety answer.
    if let Some(Msg::Stored(Stored::Restore {
        shared: Some(code), ..
    })) = msg
    {
        if share::decode(code).is_ok() {
            prop_assert!(after.answers.onset.is_none());
            // S3: only signs the reader reported in this visit are kept.
            let reported = before.answers.warnings.clone().filter(|w| !w.is_empty());
            prop_assert!(after.answers.warnings.is_none() || after.answers.warnings == reported);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(super::config(400))]
    #[test]
    fn s2_s3_s4_s7_every_message_in_any_order_keeps_the_safety_rules(
        forearms in any::<bool>(),
        ops in prop::collection::vec(op(), 1..80),
    ) {
        let mut w = Sim::new(if forearms { &FOREARMS } else { &LOWER_BACK });
        for op in ops {
            let before = w.state.clone();
            let msg = match op {
                Op::Send(m) => Some(m),
                Op::Restore(f) => Some(f.msg(w.now)),
                Op::Merge(f) => f.progress(w.now).map(|p| Msg::Stored(Stored::Merge(p))),
                Op::Load(f) => f.progress(w.now).map(|p| Msg::Stored(Stored::Load(p))),
                Op::Wait(ms) => { w.wait(ms); None }
            };
            if let Some(m) = &msg {
                w.send(m.clone());
            }
            check_safety(&before, msg.as_ref(), &w.state, w.now)?;
        }
    }
}
