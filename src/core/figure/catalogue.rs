//! The pictures: every position of the routines and every piece of equipment, each one
//! value with its id and its text alternative, drawn by `draw.rs`.

use super::*;

// ---------------------------------------------------------------------------------------
// The positions.
//
// Every roller sits on the floor, the body on top of it. One convention for every arrow
// (issue 19, round four: one-way arrows were read both as the body's way and as the
// roller's): a head at each end, beside the marked part, along the stretch that the roller,
// ball or stick goes over, back and forth. In the player it rides on the body, so on the
// floor the body travels over the still roller, the arrow with it. A pass takes the body over
// the roller by more than the roller's width.

/// A foam roller seen end on, lying on the floor at `x`.
const fn roller_at(x: i16) -> Prop {
    Prop::Roller {
        c: P(x, FLOOR - 7),
        r: 6,
    }
}

/// Seated on a roller, hands on the floor behind: the body travels toward the feet and back,
/// so the roller goes from the buttock toward the thigh, never onto the lower back (F3).
const SEATED: Body = Body {
    hip: P(60, 56),
    trunk: 140,
    head: 105,
    legs: [Limb::new(22, -78), Limb::new(24, -86)],
    arms: [Limb::new(-105, -105), Limb::new(-100, -100)],
};
const BUTTOCK: Accent = Accent {
    part: Part::Trunk,
    from: -8,
    to: 25,
};
/// Back and forth just above the hip, in the fork of trunk and thigh: by the part on the
/// roller (round five: an arrow over the knees read as the legs moving).
const BY_THE_HIP: Arrow = Arrow::Line(P(52, 40), P(76, 40));
const SEATED_PASS: Pass = Pass {
    moves: Moves::Body,
    by: P(-15, 1),
    plant: Plant {
        feet: [true; 2],
        hands: [true; 2],
    },
};
/// The same with the crossed leg's ankle travelling on the other knee.
const CROSS_LEG_PASS: Pass = Pass {
    plant: Plant {
        feet: [false, true],
        hands: [true; 2],
    },
    ..SEATED_PASS
};

/// M1, cross-leg variation: the crossed thigh rises from the hip to its knee, and its shin
/// lies level across the top of the other knee, the ankle on it and the foot past it, turned
/// up (round six: a shin rising from a knee below the hip read as "a small zig-zag next to the
/// roller", the two glutes pictures "almost identical"; the foot makes it a second leg).
pub static GLUTES_CROSS_LEG: Picture = Picture {
    id: "glutes-cross-leg",
    alt: "Sitting on a foam roller with the hands on the floor behind, one foot on the floor and the other ankle crossed over that knee, rolling the buttock of the crossed leg back and forth.",
    label: "",
    pose: Pose {
    body: Some(Body {
        legs: [Limb::foreshortened(63, 0, 83, 52), Limb::new(24, -86)],
        ..SEATED
    }),
    back: NO_STROKES,
    // The crossed foot, past the knee it rests on.
    front: &[&[P(80, 40), P(87, 40), P(89, 33)]],
    prop: roller_at(56),
    prop_over: false,
    ground: Ground::Floor(FLOOR),
    accent: Some(BUTTOCK),
    // Above the hip and the crossed thigh, clear of the leg across.
    arrow: Some(Arrow::Line(P(46, 28), P(70, 28))),
    pass: Some(CROSS_LEG_PASS),
},
};

/// M1, the plain seated position (acute pain: light pressure).
pub static GLUTES_SEATED: Picture = Picture {
    id: "glutes-seated",
    alt: "Sitting on a foam roller with both feet on the floor, knees bent and the hands on the floor behind, rolling the buttocks gently back and forth.",
    label: "",
    pose: Pose {
    body: Some(SEATED),
    back: NO_STROKES,
    front: NO_STROKES,
    prop: roller_at(56),
    prop_over: false,
    ground: Ground::Floor(FLOOR),
    accent: Some(BUTTOCK),
    arrow: Some(BY_THE_HIP),
    pass: Some(SEATED_PASS),
},
};

/// M2: face down on the forearms, the roller just below the hip bone; the body travels toward
/// the feet, so the roller goes up toward the lower belly. Round twelve's level trunk, the
/// roller under the top of the thigh, read as "the front of the thighs, rolling from hip to
/// knee"; round thirteen's body draped over the roller at the hip, the hip its peak (trunk
/// down to the forearms, legs straight down to the toes), read as face down on the forearms,
/// but the part "under the middle of the body: hips, front of the thighs or belly? Not sure
/// at all": trunk and legs were two plain bars meeting at a blunt peak, the round-capped mark
/// along the trunk over it. So now each part is what it is: the trunk propped on the forearms,
/// the sphinx (elbows right under the shoulders, the head up), nearly level from the
/// shoulders to the hip on the roller; the legs long behind with a knee each, bending down
/// from the hip, so that the hip is the one corner between trunk and legs, right on the
/// roller, where the legs begin; and the mark a round spot on that corner alone.
pub static HIP_FLEXOR: Picture = Picture {
    id: "hip-flexor",
    alt: "Lying face down, propped on the forearms, with a foam roller across the front of one hip, a little below the bony point, rolling slowly back and forth between the hip and the belly.",
    label: "face down",
    pose: Pose {
    body: Some(Body {
        hip: P(62, 56),
        trunk: 176,
        // Up and ahead: the sphinx looks forward.
        head: 150,
        // Both legs long behind, the thighs sloping down from the hip on the roller to the
        // knees just off the floor and the shins nearly level to the toes: a knee makes them
        // legs, and the bend at the hip the corner to read. Round two's straight bar was
        // "belly, hips or thighs?"; round eleven's bent, lifted leg "makes the figure hard to
        // read", "which thigh is on the roller?", and its knee drew the eye down the thigh;
        // round thirteen's straight legs, in line with the trunk, left "the middle of the
        // body".
        legs: [Limb::new(-30, -5), Limb::new(-30, -5)],
        // The elbows right under the shoulders, the forearms flat on the floor ahead.
        arms: [Limb::new(-90, 180), Limb::new(-90, 180)],
    }),
    back: NO_STROKES,
    front: NO_STROKES,
    // Right under the hip, the corner of the body: the crease where trunk meets thigh (round
    // twelve's, under the top of the thigh, was read as under the thighs).
    prop: roller_at(62),
    prop_over: false,
    ground: Ground::Floor(FLOOR),
    // A round spot on the hip itself, the corner over the roller, on neither the trunk nor
    // the thigh (round three's band down the thigh was "thighs or hips?"; round eleven's from
    // the hip up to the lower belly covered most of the short trunk and was read as "the
    // front of the trunk"; round twelve's, reaching toward the thigh, as "the quads"; round
    // thirteen's, a bar along the trunk over the peak, as "hips or belly?").
    accent: Some(Accent {
        part: Part::Trunk,
        from: -4,
        to: 4,
    }),
    // Short and level, centred right over the mark at the hip (round eleven: a long pass read
    // as "from mid-thigh up toward the hip", "roll the quads"; an arrow over the middle of the
    // back, as "the back is rolled"; round twelve's, reaching out over the thigh, as "rolling
    // from hip to knee").
    arrow: Some(Arrow::Line(P(74, 42), P(50, 42))),
    // Level, so that the forearms and the toes stay on the floor: at the far end the nearly
    // level trunk rides on the roller.
    pass: Some(Pass {
        moves: Moves::Body,
        by: P(14, 0),
        plant: Plant::NOTHING,
    }),
},
};

/// M3: the roller starts under the lowest ribs; the body travels toward the feet, so the
/// roller goes up to the shoulder blades.
pub static THORACIC: Picture = Picture {
    id: "thoracic",
    alt: "Lying on the back with a foam roller across the middle of the back, hands behind the head, knees bent, feet on the floor and hips lifted a little, rolling slowly back and forth between the lowest ribs and the shoulder blades.",
    label: "",
    pose: Pose {
    body: Some(Body {
        hip: P(68, 57),
        trunk: 172,
        head: 172,
        legs: [Limb::new(28, -84), Limb::new(30, -82)],
        arms: [Limb::new(70, -135), Limb::new(75, -135)],
    }),
    back: NO_STROKES,
    front: NO_STROKES,
    prop: roller_at(60),
    prop_over: false,
    ground: Ground::Floor(FLOOR),
    accent: Some(Accent {
        part: Part::Trunk,
        from: 30,
        to: 85,
    }),
    // From above the lowest ribs toward the shoulder blades, clear of the arms.
    arrow: Some(Arrow::Line(P(73, 34), P(50, 34))),
    pass: Some(Pass {
        moves: Moves::Body,
        by: P(16, 1),
        plant: Plant::NOTHING,
    }),
},
};

/// M4. Side-lying, seen from the front: the lower arm stretched overhead along the floor with
/// the head resting on it, the armpit on the roller, the body sloping down to the hip, the
/// lower leg long on the floor and the top leg bent, its knee up and its foot on the floor in
/// front (round five: with both legs long it could be face down); the top arm lies along the
/// body, out of sight (round three's hand on the hip, its elbow up, made "a dark tangle" by
/// the armpit, read as a roller under the hip). The body travels toward the head, so the
/// roller goes from the armpit along the ribs toward the hip.
pub static LATS: Picture = Picture {
    id: "lats",
    alt: "Lying on one side with the lower arm stretched overhead along the floor and the head resting on it, a foam roller under the armpit, the lower leg long and the top leg bent with its foot on the floor in front, rolling slowly back and forth along the side of the ribs.",
    label: "on your side",
    pose: Pose {
    body: Some(Body {
        hip: P(75, 60),
        trunk: 172,
        head: 138,
        legs: [Limb::new(35, -75), Limb::new(-12, -12)],
        arms: [Limb::new(-8, -8), Limb::new(-150, -170)],
    }),
    back: NO_STROKES,
    front: NO_STROKES,
    prop: roller_at(47),
    prop_over: false,
    ground: Ground::Floor(FLOOR),
    // The side of the ribs below the armpit, over the roller, not the whole side: a band over
    // most of the short trunk was read as "the outer thigh or hip" (round eleven).
    accent: Some(Accent {
        part: Part::Trunk,
        from: 50,
        to: 88,
    }),
    arrow: Some(Arrow::Along {
        part: Part::Trunk,
        from: 0,
        to: 100,
        offset: -13,
    }),
    pass: Some(Pass {
        moves: Moves::Body,
        by: P(-14, -2),
        plant: Plant::NOTHING,
    }),
},
};

/// Sitting at a table, leaning in, facing right: the near forearm lies flat on the table top,
/// clear of the trunk, and the far arm reaches from the shoulder, above it and below the
/// head, to the stick's upper handle (round seven: arms, stick and mark overlapping were "the
/// muddiest picture, one blob"). The hand, enlarged in a big close-up right of the table, shows
/// which way it lies. Round ten ("the leg goes up oddly high, as if the knee is on the
/// table"): the table top is higher, the thigh well below it, the knee under the table.
/// Round eleven: the far arm reaches level at the height of the chin, leaving room above the
/// forearm for the arrow.
const fn at_table(lens: Option<Lens>) -> Ground {
    Ground::AtTable {
        floor: FLOOR,
        seat: Top {
            y: 55,
            x0: 8,
            x1: 28,
        },
        table: Top {
            y: 40,
            x0: 30,
            x1: 70,
        },
        lens,
    }
}
const HAND_LENS: Lens = Lens {
    c: P(96, 26),
    r: 22,
    to: P(71, 34),
    top: 36,
    prop: Prop::None,
    fingers: NO_STROKES,
    label: "palm down",
};
/// Palm up the close-up is a view from above (round nine), in the same circle. Round twelve
/// (the hand "facing the viewer, like a 'stop' gesture, with no table under it"): the table
/// top seen from above, a disc in the props' colour filling the circle, under the hand.
const PALM_UP_LENS: Lens = Lens {
    top: 0,
    prop: Prop::Roller {
        c: P(96, 26),
        r: 20,
    },
    fingers: PALM_UP_FINGERS,
    label: "palm up",
    ..HAND_LENS
};

const SITTING_ROLLING: Body = Body {
    hip: P(20, 51),
    trunk: 65,
    head: 90,
    legs: [Limb::new(7, -90), Limb::new(8, -88)],
    arms: [Limb::new(-42, 0), Limb::new(38, 0)],
};

/// The near hand past the forearm, and the same hand in the close-up. Palm up, the hand in
/// the scene lies flat, and the close-up looks down on it (rounds five to eight: every side
/// view, a cup, a hand on its back with its tips lifting or its fingers curled up, read as "a
/// hook, a J", "a boot", "a claw, a crown"), the way instructions draw an open palm: the
/// wrist from the left running on into a broad palm (a stroke to and fro, its rows closer
/// than the stroke is wide, so it fills), the thumb out to the side, and four straight
/// fingers a little apart ([`PALM_UP_FINGERS`]). Round twelve (a "'stop' gesture"): the
/// fingers relaxed, closer and shorter, and the thumb leaning out to the side, the hand on
/// the table top of the close-up ([`PALM_UP_LENS`]). Palm down (round five: a dome of a hand
/// read as "a lump"): from the side, a flat hand, the knuckles a little up, the fingers
/// lying on the table ahead and the thumb down at its side.
const HAND_PALM_UP: &[&[P]] = &[
    &[P(59, 36), P(68, 36)],
    &[
        P(75, 30),
        P(93, 30),
        P(93, 24),
        P(84, 24),
        P(84, 35),
        P(93, 35),
    ],
    &[P(84, 23), P(90, 14)],
];
const PALM_UP_FINGERS: &[&[P]] = &[
    &[P(96, 22), P(106, 20)],
    &[P(98, 26), P(110, 26)],
    &[P(98, 31), P(110, 31)],
    &[P(96, 36), P(105, 37)],
];
const HAND_PALM_DOWN: &[&[P]] = &[
    &[P(59, 36), P(65, 35), P(70, 36)],
    &[P(79, 32), P(90, 27), P(97, 27), P(103, 32), P(113, 32)],
    &[P(86, 33), P(95, 38)],
];
/// The far hand round the stick's upper handle, travelling with it: at the two ends of the
/// pass it lies on either side of the end of the far arm, which stays put.
const GRIP: &[&[P]] = &[&[P(60, 17), P(64, 15)]];

/// The stretch of the forearm from near the elbow to the wrist, in the accent over the arm,
/// its own width (round ten: a rim round it, wider than the arm, read as "something green
/// and rounded under the forearm, a roller or a cushion"); the elbow and the hand show past
/// its ends, so that it is a part of a long arm.
const ON_FOREARM: Accent = Accent {
    part: Part::Forearm(0),
    from: 20,
    to: 115,
};
/// Just above the marked forearm, level along it, under the far arm and crossing the stick:
/// back and forth, the way the stick goes along the forearm (round five: an arrow under the
/// table top read as on the table; round eleven: one above the far arm "sits over the head, so
/// I might think I should rock my body"). Round twelve: a little higher, so that the ridges
/// of the stick's roller show between it and the arm.
const WRIST_TO_ELBOW: Arrow = Arrow::Line(P(70, 23), P(44, 23));
/// A thin stick lying across the forearm, seen a little from above: its lower end on the
/// table in front of the forearm, its upper handle in the far hand (round seven: the stick
/// along the forearm hid the mark and read as "a short roller"). The mark shows on both sides.
/// Round ten (a long rod rising to the right, the arm level along it, read as "someone aiming
/// a gun"): shorter and steep, both handles showing, the fist round the upper one. Round
/// eleven (its thin handles and thicker middle were "a bat or a knife"): one plain thin rod.
/// Round twelve (the rod was "a pole or cane being jabbed into the arm, and no rolling part is
/// visible"): the equipment picture's stick again, handles and ridged roller, leaning more,
/// its roller lying on the arm and the lower handle free below it, in front of the arm (an
/// upright rod ending on the arm was the jab); the fist on the upper handle, its end showing.
const STICK_ON_FOREARM: Prop = Prop::Stick {
    a: P(52, 44),
    b: P(66, 12),
};
/// The stick travels from the wrist to the elbow (round twelve: 7, not 8, so that its free
/// handle stays clear of the knee at the elbow's end).
const STICK_PASS: Pass = Pass {
    moves: Moves::Tool,
    by: P(-7, 0),
    plant: Plant::NOTHING,
};

/// F1 to F4, both sides of the forearm: one scene, the hand on the table turned over (and the
/// close-up showing which way).
const fn forearm(
    id: &'static str,
    alt: &'static str,
    hand: &'static [&'static [P]],
    lens: Lens,
) -> Picture {
    Picture {
        id,
        alt,
        label: "",
        pose: Pose {
            body: Some(SITTING_ROLLING),
            back: hand,
            front: GRIP,
            prop: STICK_ON_FOREARM,
            prop_over: true,
            ground: at_table(Some(lens)),
            accent: Some(ON_FOREARM),
            arrow: Some(WRIST_TO_ELBOW),
            pass: Some(STICK_PASS),
        },
    }
}

/// F1 to F4: the palm side of the forearm.
pub static FOREARM_FLEXORS: Picture = forearm(
    "forearm-flexors",
    "Sitting at a table, one forearm on it palm up, the other hand rolling a muscle-roller stick across it, back and forth between the wrist and the elbow; a close-up shows the open palm from above.",
    HAND_PALM_UP,
    PALM_UP_LENS,
);

/// F1 to F4: the back of the forearm.
pub static FOREARM_EXTENSORS: Picture = forearm(
    "forearm-extensors",
    "Sitting at a table, one forearm on it palm down, the other hand rolling a muscle-roller stick across it, back and forth between the wrist and the elbow; a close-up shows the hand flat, fingers on the table, the thumb at its side.",
    HAND_PALM_DOWN,
    HAND_LENS,
);

/// F3: the palm and the base of the thumb. Leaning in, the hand low on the table goes back and
/// forth; a close-up shows it from above on the spiky ball, big: the fingers spread, the
/// thumb apart and its base marked (round five: the hand on a small ball from the side was
/// "a mushroom or a helmet" on "a cog", and nothing showed the thumb). Round six: the scene
/// shows a small ball under the hand as well, both travelling, and the close-up's line ends
/// on the hand where it is at both ends; the thumb stands apart, short and up, its base
/// marked inside the circle. Round nine (the close-up was "a dark splayed hand over a grey
/// disc: a spider, a splat"): fewer, bolder shapes, the open hand of the palm-up close-up:
/// a broad palm, four thin fingers a little apart, the thumb up and away from them; the ball
/// out from under the thumb's base, so that more of it and its spikes show, and the mark
/// round that base over it. The circle stands a little left, the table ending short of it,
/// so that "thumb base" fits under it. Round ten (the ball "a half-moon or a halo"): the
/// thumb's base itself is green, as wide as the thumb, and the ball round it stays grey.
/// Round eleven ("the ball seems to sit apart from the hand"; in the close-up "the spiky ball
/// is mostly hidden behind the hand"): in the scene a bigger ball, the hand pressing into its
/// top; the close-up bigger, its hand lower in it and its ball bigger and further out to the
/// upper left, so that half of it and its spikes show round the thumb's base.
pub static PALM_THUMB: Picture = Picture {
    id: "palm-thumb",
    alt: "Sitting at a table, rolling a spiky ball back and forth under the palm and the base of the thumb; a close-up shows the open hand on the ball from above.",
    label: "",
    pose: Pose {
    // Leaning in toward the ball, unlike the upright rolling at the table; the forearm rises
    // to the hand on the ball.
    body: Some(Body {
        hip: P(17, 48),
        trunk: 55,
        head: 45,
        legs: [Limb::new(0, -90), Limb::new(3, -87)],
        arms: [Limb::new(-50, 24), Limb::new(-50, 24)],
    }),
    // The hand in the close-up, from above on the ball: the wrist from the left running on
    // into the palm (a stroke to and fro that fills), and the thumb up from its base at the
    // palm's corner; the fingers are the close-up's.
    back: &[
        &[
            P(76, 35),
            P(94, 35),
            P(94, 30),
            P(86, 30),
            P(86, 40),
            P(94, 40),
        ],
        &[P(87, 28), P(91, 19)],
    ],
    // The hand flat on the ball on the table, pressing into its top, going back and forth
    // with it.
    front: &[&[P(57, 30), P(66, 30)]],
    prop: Prop::Ball { c: P(62, 37), r: 5 },
    prop_over: false,
    ground: Ground::AtTable {
        floor: FLOOR,
        seat: Top {
            y: 52,
            x0: 5,
            x1: 25,
        },
        table: Top {
            y: 44,
            x0: 43,
            x1: 69,
        },
        // The line ends on the hand where it is at both ends of the pass.
        lens: Some(Lens {
            c: P(94, 27),
            r: 23,
            to: P(61, 30),
            top: 0,
            prop: Prop::Ball { c: P(84, 22), r: 9 },
            fingers: &[
                &[P(97, 29), P(107, 27)],
                &[P(99, 33), P(111, 33)],
                &[P(99, 37), P(110, 38)],
                &[P(97, 41), P(106, 44)],
            ],
            label: "thumb base",
        }),
    },
    accent: Some(Accent {
        part: Part::Back(1, 0),
        from: -10,
        to: 50,
    }),
    arrow: Some(Arrow::Line(P(50, 20), P(68, 20))),
    pass: Some(Pass {
        moves: Moves::Tool,
        by: P(-6, 0),
        plant: Plant::NOTHING,
    }),
},
};

// ---------------------------------------------------------------------------------------
// The equipment.

/// E1.
pub static ROLLER: Picture = Picture {
    id: "roller",
    alt: "A textured foam roller of medium density.",
    label: "",
    pose: equipment(
        Prop::RollerSide {
            x0: 14,
            x1: 106,
            y: 55,
            r: 16,
        },
        FLOOR,
    ),
};

/// E2.
pub static STICK: Picture = Picture {
    id: "stick",
    alt: "A muscle-roller stick: a row of small rollers between two handles.",
    label: "",
    pose: equipment(
        Prop::Stick {
            a: P(10, 66),
            b: P(110, 66),
        },
        FLOOR,
    ),
};

/// E2.
pub static SPIKY_BALL: Picture = Picture {
    id: "spiky-ball",
    alt: "A spiky massage ball.",
    label: "",
    pose: equipment(
        Prop::Ball {
            c: P(60, 49),
            r: 20,
        },
        FLOOR,
    ),
};

/// Every picture, for tests and for a gallery.
pub static ALL: [&Picture; 11] = [
    &GLUTES_CROSS_LEG,
    &GLUTES_SEATED,
    &HIP_FLEXOR,
    &THORACIC,
    &LATS,
    &FOREARM_FLEXORS,
    &FOREARM_EXTENSORS,
    &PALM_THUMB,
    &ROLLER,
    &STICK,
    &SPIKY_BALL,
];
