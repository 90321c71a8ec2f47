//! The routine families: their questions, their routine templates (with reminder slots) and
//! their words for the check-in and the stop (P1-P5, S2, S4, F1-F4).

use super::*;

const CHRONIC_EXPECT: &str = "Most people notice a change within one to two weeks. Daily is best; three or four sessions a week over two weeks is the usual span.";

/// S4, P1, P2, P3, P5: the lower-back family.
pub static LOWER_BACK: Family = Family {
    id: "lower-back",
    title: "Your foam-rolling routine for a sore lower back",
    article: ARTICLE,
    // No time question (here or for the forearms): D2 lets time move the dose only between
    // 60 and 90 s a side, so "quick" saved a third at most (7 against 10½ minutes), not a
    // difference worth a screen; the forearm goals set their own length (F1, F4). The quick
    // doses stay in the tables for share links that carry one.
    questions: &[Question::Safety, Question::Onset, Question::Extras],
    lumbar_warning: true,
    checkin_question: "How is your back pain now, compared with before this session?",
    checkin_hint: "The pain itself, not how the spots you just rolled feel.",
    checkin_signs: &[Warning::LegPain, Warning::NumbLegs],
    worse_stop: "Your back pain got worse after your recent sessions instead of easing over several days. Please stop rolling and book a visit to your doctor or a physiotherapist before you go on.",
    worse_watch: "If the pain gets worse after each session instead of easing over several days, stop and see a doctor.",
    frequency_guide: Some((FREQUENCY_GUIDE, "How often to roll for back pain")),
    // The key every earlier version used, so the back's progress (and a stop) carries over.
    storage_key: "roll-routine",
    routines: &[
        RoutineTemplate {
            id: "gentle",
            title: "Gentle glutes",
            when: When { onset: Some(Onset::Acute), ..When::ANY },
            steps: &[step(&GLUTES_SEATED, 60, 90, Pressure::VeryLight)],
            schedule: "While the pain is new: glutes only, very light.",
            often: "for now, gently",
            expect: "Leave the hip flexors, mid-back and lats alone for now. Once the first 48 hours have passed, come back for the full routine.",
            note: None,
            guide: None,
            pace: Some(SLOW_PACE),
            span_sessions: 2,
            // S4: two short sessions while the pain is new; any time of day, the evening by default.
            reminders: &[slot(
            "Once a day",
            at(18, 0),
            &[at(12, 0), at(18, 0), at(20, 0)],
        )],
        },
        RoutineTemplate {
            id: "full",
            title: "Full routine",
            when: When { onset: Some(Onset::Chronic), sitting: Some(false), ..When::ANY },
            steps: &[
                step(&GLUTES, 60, 90, Pressure::Comfortable),
                step(&HIP_FLEXORS, 60, 90, Pressure::Comfortable),
                step(&THORACIC, 60, 90, Pressure::Comfortable),
                step(&LATS, 60, 90, Pressure::Comfortable),
            ],
            schedule: "Every day.",
            often: "every day",
            expect: CHRONIC_EXPECT,
            note: None,
            guide: None,
            pace: Some(SLOW_PACE),
            span_sessions: 14,
            // P1, P4: daily; after the working day by default.
            reminders: &[slot(
            "Once a day",
            at(18, 0),
            &[at(12, 30), at(18, 0), at(20, 0)],
        )],
        },
        // P3: from sitting, the hip flexors come first and keep the full 90 s, because the
        // psoas is the muscle sitting shortens; the rest follow in the usual order.
        RoutineTemplate {
            id: "full-sitting",
            title: "Full routine, for a back that hurts from sitting",
            when: When { onset: Some(Onset::Chronic), sitting: Some(true), ..When::ANY },
            steps: &[
                step(&HIP_FLEXORS, 90, 90, Pressure::Comfortable),
                step(&GLUTES, 60, 90, Pressure::Comfortable),
                step(&THORACIC, 60, 90, Pressure::Comfortable),
                step(&LATS, 60, 90, Pressure::Comfortable),
            ],
            schedule: "Every day, ideally after a long spell of sitting.",
            often: "every day",
            expect: CHRONIC_EXPECT,
            note: Some("Hip flexors first: sitting is what tightens them."),
            guide: Some((SITTING_GUIDE, "Rolling a back that hurts from sitting")),
            pace: Some(SLOW_PACE),
            span_sessions: 14,
            // P3: after a long spell of sitting: the end of the working day, or lunch.
            reminders: &[slot(
            "After sitting",
            at(18, 0),
            &[at(12, 30), at(18, 0), at(20, 0)],
        )],
        },
        // P2: about five minutes, so the dose stays at 90 s whatever the time preference.
        RoutineTemplate {
            id: "morning",
            title: "Five-minute morning routine",
            when: When { onset: Some(Onset::Chronic), morning: Some(true), ..When::ANY },
            steps: &[
                step(&GLUTES, 90, 90, Pressure::Comfortable),
                step(&THORACIC, 90, 90, Pressure::Comfortable),
            ],
            schedule: "First thing in the morning, before the day's standing starts.",
            often: "every morning",
            expect: "Morning stiffness often eases noticeably with this short routine.",
            note: None,
            guide: None,
            pace: Some(SLOW_PACE),
            span_sessions: 14,
            // P2: first thing, before the day's standing starts.
            reminders: &[slot(
            "First thing",
            at(7, 0),
            &[at(6, 30), at(7, 0), at(7, 30)],
        )],
        },
    ],
};

const FOREARM_NOTE: &str = "Moderate pressure, and keep the tool moving.";

/// F1 to F4, E2: forearms and hands, for pages about climbing, music or typing.
pub static FOREARMS: Family = Family {
    id: "forearms",
    title: "Your forearm and hand routine",
    article: ARTICLE,
    questions: &[Question::Goal],
    lumbar_warning: false,
    checkin_question: "How is the ache in your forearms and hands now, compared with before this session?",
    checkin_hint: "The ache itself, not how the spots you just rolled feel.",
    checkin_signs: &[],
    worse_stop: "The ache in your forearms or hands got worse after your recent sessions instead of easing over several days. Please stop rolling and book a visit to your doctor or a physiotherapist before you go on.",
    worse_watch: "If the ache gets worse after each session instead of easing over several days, stop and see a doctor.",
    frequency_guide: None,
    storage_key: "roll-routine-forearms",
    routines: &[
        // F1: 2 to 3 minutes in all, 20 to 30 s per area, flexor and extensor sides; the palm
        // (F3) takes up what the time preference moves, so the total stays inside F1's span.
        RoutineTemplate {
            id: "warm-up",
            title: "Warm-up before hand-heavy activity",
            when: When {
                goal: Some(Goal::WarmUp),
                ..When::ANY
            },
            steps: &[
                step(&FOREARM_FLEXORS, 30, 30, Pressure::Moderate),
                step(&FOREARM_EXTENSORS, 30, 30, Pressure::Moderate),
                step(&PALM, 20, 30, Pressure::Moderate),
            ],
            schedule: "Just before climbing, playing or other hand-heavy work.",
            often: "before hand-heavy work",
            expect: "A warm-up, not deep work: keep it brief and moving.",
            note: Some(FOREARM_NOTE),
            guide: None,
            pace: None,
            span_sessions: 0,
            // F1: just before the activity, which has no fixed time: no suggestion, no fixed span.
            reminders: &[],
        },
        // F2, F3: daily after each grip-heavy session.
        RoutineTemplate {
            id: "after-grip",
            title: "After a grip-heavy session",
            when: When {
                goal: Some(Goal::AfterGrip),
                ..When::ANY
            },
            steps: &[
                step(&FOREARM_FLEXORS, 30, 60, Pressure::Moderate),
                step(&FOREARM_EXTENSORS, 30, 60, Pressure::Moderate),
                step(&PALM, 20, 30, Pressure::Moderate),
            ],
            schedule: "Every day, after each session that works your grip hard.",
            often: "after grip-heavy work",
            expect: "Regular short sessions work better than an occasional long one.",
            note: Some(FOREARM_NOTE),
            guide: None,
            pace: None,
            span_sessions: 14,
            // F2: after each grip-heavy session; evening training by default.
            reminders: &[slot(
            "After your session",
            at(19, 0),
            &[at(18, 0), at(19, 0), at(20, 0)],
        )],
        },
        // F2, F3: twice a day while recovering from built-up tightness.
        RoutineTemplate {
            id: "recovering",
            title: "Easing built-up tightness",
            when: When {
                goal: Some(Goal::Recovering),
                ..When::ANY
            },
            steps: &[
                step(&FOREARM_FLEXORS, 30, 60, Pressure::Moderate),
                step(&FOREARM_EXTENSORS, 30, 60, Pressure::Moderate),
                step(&PALM, 20, 30, Pressure::Moderate),
            ],
            schedule: "Twice a day: in the morning and after activity.",
            often: "twice a day",
            expect: "Two short sessions a day can speed things up without overworking the tissue.",
            note: Some(FOREARM_NOTE),
            guide: None,
            pace: None,
            span_sessions: 28,
            // F2: twice a day, in the morning and after activity.
            reminders: &[
            slot("In the morning", at(8, 0), &[at(7, 0), at(8, 0), at(9, 0)]),
            slot(
                "After activity",
                at(18, 0),
                &[at(17, 0), at(18, 0), at(19, 0)],
            ),
        ],
        },
        // F4: a five-minute forearm roll after work, with wrist-extension stretches.
        RoutineTemplate {
            id: "typing",
            title: "After a day of typing",
            when: When {
                goal: Some(Goal::Typing),
                ..When::ANY
            },
            steps: &[
                step(&FOREARM_FLEXORS, 90, 90, Pressure::Moderate),
                step(&FOREARM_EXTENSORS, 60, 60, Pressure::Moderate),
            ],
            schedule: "After work, about five minutes.",
            often: "after work",
            expect: "Finish with a few gentle wrist-extension stretches.",
            note: Some(FOREARM_NOTE),
            guide: None,
            pace: None,
            span_sessions: 14,
            // F4: after work.
            reminders: &[slot(
            "After work",
            at(17, 30),
            &[at(17, 0), at(17, 30), at(18, 0)],
        )],
        },
    ],
};

/// Every family, for lookup by the id a host page gives.
pub static FAMILIES: [&Family; 2] = [&LOWER_BACK, &FOREARMS];

/// The family with this id, if there is one.
pub fn family(id: &str) -> Option<&'static Family> {
    FAMILIES.iter().copied().find(|f| f.id == id)
}
