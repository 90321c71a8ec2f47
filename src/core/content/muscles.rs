//! The equipment and the muscles (E1, E2, M1-M4, F1-F4): what each is, how to roll it and
//! why, its picture, its hold and its link.

use super::*;
use crate::core::figure;

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
