//! Content as data: muscles, links and routine families. The plan builder reads these tables;
//! adding a family or a routine is a change here, not a new code path.
//!
//! Facts come from the article (rule ids in `../shared/spec/routine-rules.md`); the sentences
//! are ours.

use super::answers::{Goal, Onset, Warning};
use super::dates::TimeOfDay;
use super::figure::{self, Picture};

/// Where a link points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    /// A path on the blog, joined to the configurable base address (L1 to L6).
    Blog(&'static str),
    /// The 5-in-1 set's product page: its address is not known, so a host page must supply it
    /// (E2); without one, no link is shown.
    ProductSet,
}

/// L1: the source article.
pub const ARTICLE: &str = "/blog/foam-roller-and-lower-back-pain-what-actually-works";
/// L2: hip flexors.
pub const HIP_FLEXOR_GUIDE: &str = "/blog/foam-rolling-tight-hip-flexors-for-back-pain";
/// L3: lats.
pub const LATS_GUIDE: &str = "/blog/foam-rolling-lats-open-up-your-back-and-improve-posture";
/// L4: how often.
pub const FREQUENCY_GUIDE: &str = "/blog/how-often-should-you-foam-roll-for-back-pain";
/// L5: sitting.
pub const SITTING_GUIDE: &str = "/blog/should-you-foam-roll-a-lower-back-that-hurts-from-sitting";
/// L6: the roller.
pub const ROLLER: &str = "/products/foam-massage-roller";

/// Whether a muscle is rolled once, or once on each side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sides {
    /// Left, then right.
    Both,
    /// One pass down the middle (the thoracic spine).
    Centre,
}

/// How the reader sits or lies for a muscle: what the player's get-ready time depends on.
/// Getting face down or onto one side on a roller, with a sore back, takes longer than
/// sitting on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Position {
    /// Sitting on the roller (the glutes).
    Seated,
    /// On the back, roller across it (the mid-back).
    OnBack,
    /// Face down, roller under the front of one hip (the hip flexors).
    FaceDown,
    /// On one side, arm overhead (the lats).
    OnSide,
    /// Sitting or standing, the tool in the hands (forearms, palm).
    Hands,
}

impl Position {
    /// Seconds to get into the position before a step's first side.
    pub const fn ready_s(self) -> u16 {
        match self {
            Position::Seated | Position::Hands => 10,
            Position::OnBack => 15,
            Position::FaceDown | Position::OnSide => 20,
        }
    }

    /// Seconds to change to the other side: turning over is slower lying down.
    pub const fn switch_s(self) -> u16 {
        match self {
            Position::Seated | Position::Hands | Position::OnBack => 5,
            Position::FaceDown | Position::OnSide => 10,
        }
    }
}

/// A hold on a tender or referral spot (D3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hold {
    /// Shortest hold, seconds.
    pub min_s: u16,
    /// Longest hold, seconds.
    pub max_s: u16,
    /// When to hold.
    pub cue: &'static str,
}

/// What to roll with (E1, E2).
#[derive(Debug, PartialEq, Eq)]
pub struct Equipment {
    /// Stable id.
    pub id: &'static str,
    /// Its name.
    pub name: &'static str,
    /// Why this one.
    pub why: &'static str,
    /// Its picture.
    pub picture: &'static Picture,
    /// Where to get it, if known.
    pub link: Link,
}

/// E1: the roller for the back's muscles.
pub static FOAM_ROLLER: Equipment = Equipment {
    id: "roller",
    name: "A foam roller",
    why: "Medium density with a textured surface. Its three zones of texture let you change the depth by shifting your weight.",
    picture: &figure::ROLLER,
    link: Link::Blog(ROLLER),
};

/// E2: the set's stick, for the forearms.
pub static MUSCLE_STICK: Equipment = Equipment {
    id: "stick",
    name: "A muscle-roller stick",
    why: "Narrow enough to press along the forearm, where a full-size roller is too wide.",
    picture: &figure::STICK,
    link: Link::ProductSet,
};

/// E2, F3: the set's spiky ball, for the palm.
pub static SPIKY_BALL: Equipment = Equipment {
    id: "spiky-ball",
    name: "A spiky massage ball",
    why: "Small and firm: it reaches the palm and the base of the thumb.",
    picture: &figure::SPIKY_BALL,
    link: Link::ProductSet,
};

/// One muscle group and how to roll it.
#[derive(Debug, PartialEq, Eq)]
pub struct Muscle {
    /// Stable id, used in tests, events and CSS.
    pub id: &'static str,
    /// The name the reader sees.
    pub name: &'static str,
    /// Left and right, or once.
    pub sides: Sides,
    /// The position in at most eight words, read from a metre away in the player.
    pub cue: &'static str,
    /// How the reader sits or lies: the get-ready and switch times.
    pub position: Position,
    /// How to do it, one short line each.
    pub how: &'static [&'static str],
    /// Why it helps the lower back (or hands).
    pub why: &'static str,
    /// A hold prompt, where the article gives one (D3).
    pub hold: Option<Hold>,
    /// Slow passes per side, where the article counts them.
    pub passes: Option<u8>,
    /// A note on the equipment, where it matters for this muscle.
    pub equipment: Option<&'static str>,
    /// What to roll with.
    pub uses: &'static Equipment,
    /// The position, as a picture.
    pub picture: &'static Picture,
    /// The related article or product.
    pub link: Link,
    /// The link's text.
    pub link_text: &'static str,
}

const REFERRAL_HOLD: Hold = Hold {
    min_s: 20,
    max_s: 30,
    cue: "A tender spot whose ache spreads toward your lower back? Rest on it 20 to 30 s: it often marks where the tightness sits.",
};

/// M1.
pub static GLUTES: Muscle = Muscle {
    id: "glutes",
    name: "Glutes",
    sides: Sides::Both,
    cue: "Sit on the roller, ankle over knee",
    position: Position::Seated,
    how: &[
        "Sit on the roller, hands on the floor behind you.",
        "Cross one ankle over the other knee and lean toward that side.",
        "Roll slowly over the whole buttock: the crossed leg opens up the deep muscles.",
    ],
    why: "Tight glutes tip the pelvis and load the discs of your lower back unevenly.",
    hold: Some(REFERRAL_HOLD),
    passes: None,
    equipment: None,
    uses: &FOAM_ROLLER,
    picture: &figure::GLUTES_CROSS_LEG,
    link: Link::Blog(ARTICLE),
    link_text: "More on the glutes and back pain",
};

/// M1 and S4: the plain seated glute roll for pain of the last two days: no cross-leg
/// position that works deep, and no hold.
pub static GLUTES_SEATED: Muscle = Muscle {
    id: "glutes-seated",
    name: "Glutes, gently",
    sides: Sides::Both,
    cue: "Sit on the roller: very light pressure",
    position: Position::Seated,
    how: &[
        "Sit on the roller, both feet flat, hands on the floor behind you.",
        "Keep most of your weight on your hands and feet: very light pressure.",
        "Roll slowly over one buttock, then the other.",
    ],
    why: "Gentle rolling of the glutes eases the load on your lower back without pressing on anything sore.",
    hold: None,
    passes: None,
    equipment: None,
    uses: &FOAM_ROLLER,
    picture: &figure::GLUTES_SEATED,
    link: Link::Blog(ARTICLE),
    link_text: "More on the glutes and back pain",
};

/// M2.
pub static HIP_FLEXORS: Muscle = Muscle {
    id: "hip-flexors",
    name: "Hip flexors",
    sides: Sides::Both,
    cue: "Face down, roller just under one hip bone",
    position: Position::FaceDown,
    how: &[
        "Lie face down on your forearms, roller across the front of one hip, a little below the bony point.",
        "Work slowly up toward your lower belly.",
        "Two slow passes on each side do more than many quick ones.",
    ],
    why:
        "Sitting shortens the psoas, which is fixed to your lower spine and pulls it into an arch.",
    hold: Some(Hold {
        min_s: 20,
        max_s: 30,
        cue: "A very sore spot by the hip crease? Rest on it 20 to 30 s and breathe slowly.",
    }),
    passes: Some(2),
    equipment: None,
    uses: &FOAM_ROLLER,
    picture: &figure::HIP_FLEXOR,
    link: Link::Blog(HIP_FLEXOR_GUIDE),
    link_text: "Full guide to the hip flexors",
};

/// M3.
pub static THORACIC: Muscle = Muscle {
    id: "thoracic",
    name: "Mid-back (thoracic spine)",
    sides: Sides::Centre,
    cue: "On your back, roller under mid-back",
    position: Position::OnBack,
    how: &[
        "Lie back with the roller across your mid-back, where your lowest ribs meet the spine.",
        "Hold your head in your hands.",
        "Roll slowly up toward your shoulder blades. Stay above the lowest ribs.",
    ],
    why: "Your ribs steady this part of the spine, so it is the one part that is safe to roll. A stiff mid-back makes your lower back take up movement it is not built for.",
    hold: None,
    passes: None,
    equipment: Some("A firm roller that keeps its shape under your weight."),
    uses: &FOAM_ROLLER,
    picture: &figure::THORACIC,
    link: Link::Blog(ROLLER),
    link_text: "The roller we use for this",
};

/// M4.
pub static LATS: Muscle = Muscle {
    id: "lats",
    name: "Lats",
    sides: Sides::Both,
    cue: "On your side, lower arm overhead",
    position: Position::OnSide,
    how: &[
        "Lie on your side with your lower arm stretched overhead.",
        "Start near the armpit and roll slowly down toward the hip.",
    ],
    why: "The lats run from your upper arm to your pelvis. When they are tight they twist your lower back.",
    hold: None,
    passes: None,
    equipment: None,
    uses: &FOAM_ROLLER,
    picture: &figure::LATS,
    link: Link::Blog(LATS_GUIDE),
    link_text: "Full guide to the lats",
};

/// F1, F2, F4: the flexor side of the forearm.
pub static FOREARM_FLEXORS: Muscle = Muscle {
    id: "forearm-flexors",
    name: "Forearm, palm side",
    sides: Sides::Both,
    cue: "Palm up, roll from wrist to elbow",
    position: Position::Hands,
    how: &[
        "Rest your forearm palm up and roll the muscle stick from wrist to elbow.",
        "Moderate pressure. Keep it moving rather than staying on one spot.",
    ],
    why: "Gripping and typing load these muscles, which move your fingers and wrist.",
    hold: None,
    passes: None,
    equipment: None,
    uses: &MUSCLE_STICK,
    picture: &figure::FOREARM_FLEXORS,
    link: Link::ProductSet,
    link_text: "The 5-in-1 set",
};

/// F1, F2, F4: the extensor side of the forearm.
pub static FOREARM_EXTENSORS: Muscle = Muscle {
    id: "forearm-extensors",
    name: "Forearm, back side",
    sides: Sides::Both,
    cue: "Palm down, roll from wrist to elbow",
    position: Position::Hands,
    how: &[
        "Turn your forearm palm down and roll from wrist to elbow.",
        "Moderate pressure, steady movement.",
    ],
    why: "These muscles balance the grip muscles and lift the wrist.",
    hold: None,
    passes: None,
    equipment: None,
    uses: &MUSCLE_STICK,
    picture: &figure::FOREARM_EXTENSORS,
    link: Link::ProductSet,
    link_text: "The 5-in-1 set",
};

/// F3: the palm and the base of the thumb.
pub static PALM: Muscle = Muscle {
    id: "palm",
    name: "Palm and base of the thumb",
    sides: Sides::Both,
    cue: "Press the ball into your palm",
    position: Position::Hands,
    how: &[
        "Press the spiky ball gently into your palm and roll it around.",
        "Spend a little time on the fleshy base of the thumb.",
        "Skip the fingers themselves: working the forearm and palm reaches them.",
    ],
    why: "Small muscles in the palm add to stiff fingers.",
    hold: None,
    passes: None,
    equipment: None,
    uses: &SPIKY_BALL,
    picture: &figure::PALM_THUMB,
    link: Link::ProductSet,
    link_text: "The 5-in-1 set",
};

/// How hard to press.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pressure {
    /// S4: very light, for pain of the last two days.
    VeryLight,
    /// F1: moderate, keep moving.
    Moderate,
    /// Everything else: the reader's own comfortable pressure.
    Comfortable,
}

impl Pressure {
    /// The reader-facing wording.
    pub fn label(self) -> &'static str {
        match self {
            Pressure::VeryLight => "Very light pressure",
            Pressure::Moderate => "Moderate pressure",
            Pressure::Comfortable => "Comfortable pressure",
        }
    }
}

/// One step of a routine template: a muscle and its dose.
#[derive(Debug, PartialEq, Eq)]
pub struct StepTemplate {
    /// The muscle.
    pub muscle: &'static Muscle,
    /// Seconds per side for a quick session.
    pub quick_s: u16,
    /// Seconds per side for a standard session.
    pub standard_s: u16,
    /// How hard to press.
    pub pressure: Pressure,
}

const fn step(muscle: &'static Muscle, quick_s: u16, standard_s: u16, p: Pressure) -> StepTemplate {
    StepTemplate {
        muscle,
        quick_s,
        standard_s,
        pressure: p,
    }
}

/// When a routine template applies. `None` matches any answer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct When {
    /// Onset, or any.
    pub onset: Option<Onset>,
    /// Sitting-related, or any.
    pub sitting: Option<bool>,
    /// Morning stiffness, or any.
    pub morning: Option<bool>,
    /// Goal (forearms family), or any.
    pub goal: Option<Goal>,
}

impl When {
    /// Matches every answer; templates name only the answers they depend on.
    pub const ANY: When = When {
        onset: None,
        sitting: None,
        morning: None,
        goal: None,
    };
}

/// A routine the family can recommend, and when.
#[derive(Debug, PartialEq, Eq)]
pub struct RoutineTemplate {
    /// Stable id.
    pub id: &'static str,
    /// Title shown to the reader.
    pub title: &'static str,
    /// The answers it applies to.
    pub when: When,
    /// Steps, in order.
    pub steps: &'static [StepTemplate],
    /// When and how often to do it (P1, P2, P4, F2).
    pub schedule: &'static str,
    /// How often, in a few words for the routine's one-line summary.
    pub often: &'static str,
    /// One line on what to expect, or what comes next.
    pub expect: &'static str,
    /// A short note shown with the routine, if any.
    pub note: Option<&'static str>,
    /// A guide that goes with this routine, with its link text.
    pub guide: Option<(&'static str, &'static str)>,
    /// The pace of each pass, if the routine has one (D1).
    pub pace: Option<&'static str>,
    /// Sessions in the suggested span, for the progress count (P1, P4).
    pub span_sessions: u8,
    /// When it is done, for reminders: its times of day with their suggested times. Empty
    /// for a routine with no fixed time (the warm-up).
    pub reminders: &'static [Slot],
}

/// Which question screens a family asks, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Question {
    /// S2, S3.
    Safety,
    /// S4, P1.
    Onset,
    /// P2, P3.
    Extras,
    /// D2.
    Time,
    /// F1 to F4.
    Goal,
}

/// A family of routines: one per kind of article the widget can sit on.
#[derive(Debug, PartialEq, Eq)]
pub struct Family {
    /// Stable id, chosen by the host page (`data-family`).
    pub id: &'static str,
    /// Heading shown above the questions.
    pub title: &'static str,
    /// The article the family is built from (the fallback link).
    pub article: &'static str,
    /// Question screens, in order (at most five).
    pub questions: &'static [Question],
    /// The lumbar warning applies (S1).
    pub lumbar_warning: bool,
    /// Routine templates; every one whose `when` matches is in the plan, in this order.
    pub routines: &'static [RoutineTemplate],
    /// The check-in question after a session, about the pain itself (S2), naming the
    /// family's body part.
    pub checkin_question: &'static str,
    /// One line under it: the pain, not the muscles just rolled.
    pub checkin_hint: &'static str,
    /// S2: the signs the check-in offers beside better, same and worse.
    pub checkin_signs: &'static [Warning],
    /// S2: why a pattern of "worse" check-ins stopped the plan, naming the body part.
    pub worse_stop: &'static str,
    /// S2, with how often to roll: when to stop, in the words the check-in and the stop use.
    pub worse_watch: &'static str,
    /// P4: the guide on how often to roll, linked from every plan of the family.
    pub frequency_guide: Option<(&'static str, &'static str)>,
    /// The family's own key for the reader's progress when the host gives none.
    pub storage_key: &'static str,
}

/// D1: the pace of a pass.
pub const SLOW_PACE: &str = "Slow passes: about 5 to 8 cm (2 to 3 inches) a second.";

/// S1: said once in every lower-back routine.
pub const LUMBAR_WARNING: &str = "Never roll the lower back itself. It has no ribs to shield it, so a roller under its arch bends the small spinal joints too far back.";

/// S5: visible wherever a routine is.
pub const NOT_A_DIAGNOSIS: &str = "General information for muscle tightness, not a diagnosis.";

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

/// One time of day at which a routine is done: most routines have one, a twice-a-day routine
/// two (F2), a routine tied to an activity rather than the clock none.
#[derive(Debug, PartialEq, Eq)]
pub struct Slot {
    /// What the time is, for the picker and the event title ("In the morning").
    pub label: &'static str,
    /// The time used when the reader picks none.
    pub default: TimeOfDay,
    /// One-tap choices, earliest first; the default is one of them.
    pub choices: &'static [TimeOfDay],
}

const fn at(h: u8, m: u8) -> TimeOfDay {
    TimeOfDay { h, m }
}

const fn slot(label: &'static str, default: TimeOfDay, choices: &'static [TimeOfDay]) -> Slot {
    Slot {
        label,
        default,
        choices,
    }
}
