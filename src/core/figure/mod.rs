//! Pictograms of the routine's positions and of the equipment, as data drawn by one function.
//!
//! The style is the ISO 7001 / AIGA symbol-sign one (spec/style.md, "Pictures"): a round head,
//! a body of a few thick round-capped strokes seen from the side, one colour for the body, an
//! accent for the target muscle and an arrow for the rolling. The arrow has one meaning
//! everywhere: it has a head at each end and lies beside the marked part, along the stretch of
//! the body that the roller, ball or stick goes over, back and forth (one-way arrows were read
//! both as the body's way and as the roller's: issue 19, round four).
//!
//! A [`Body`] is given as joint angles from the hip, and every segment length is a constant
//! here, so all the people have the same proportions and the same stroke width by
//! construction. Hands, which the joints do not give, are free strokes ([`Pose::back`],
//! [`Pose::front`]) drawn with the same stroke width. The forearm and hand pictures show the
//! whole person sitting at a table ([`Ground::AtTable`]): a close-up of an arm alone was read
//! as someone lying on a table. Where the hand's way matters (palm up or down), a [`Lens`]
//! beside the scene shows the hand big: from the side lying flat, or from above as an open
//! hand lying on the table top (a disc filling the circle), its fingers thinner
//! ([`Lens::fingers`]). A mark on a forearm or on a close-up's hand
//! is the marked stretch of the limb itself drawn in the accent, as wide as the limb, so that
//! it keeps its shape and the mark is part of it (issue 19, round ten: a rim round an arm
//! lying on a table read as a cushion under it, round a thumb over its ball as a halo); one on
//! a hand in front ([`Pose::front`]) is drawn under it, a rim round the part that presses.
//!
//! [`svg`] writes a small SVG string with no inline styles and no colours: the stylesheet
//! colours the classes `rr-fig-body`, `rr-fig-accent`, `rr-fig-prop`, `rr-fig-arrow` and
//! `rr-fig-floor`, so the pictures follow the theme and run under `style-src 'self'`.
//!
//! Each position also says how it moves ([`Pass`]): what travels (the body over a roller,
//! or the tool and the hand on it over a still body) and how far. [`svg_moving`], for the
//! player, wraps what travels in `rr-fig-go` groups whose `transform` is the far end of the
//! pass; the stylesheet animates them from none to it and back (components/motion.rs). The
//! arrow rides with a travelling body, and a planted hand or foot ([`Plant`]) stays put: its
//! shin or forearm is a group of its own whose far end is a shear pivoting on it.

use std::fmt::Write;

/// The drawing area: `viewBox="0 0 120 80"`.
pub const WIDTH: i32 = 120;
/// See [`WIDTH`].
pub const HEIGHT: i32 = 80;

/// Body stroke width: every limb and the trunk, in every picture.
const STROKE: f32 = 7.0;
const HEAD_R: f32 = 6.0;
/// Neck point to the centre of the head.
const NECK: f32 = 10.0;
const TRUNK: f32 = 28.0;
const THIGH: f32 = 21.0;
const SHIN: f32 = 21.0;
const UPPER_ARM: f32 = 15.0;
const FOREARM: f32 = 16.0;
/// Outline width of props and the floor line.
const THIN: f32 = 2.0;
const ARROW_W: f32 = 3.0;
/// The target muscle's band: wider than the limb it lies on, so it reads at phone size.
const ACCENT_W: f32 = 13.0;
const ARROW_HEAD: f32 = 7.0;
/// A close-up's label: its font size in drawing units (the stylesheet's `.rr-fig-label`).
const LABEL_SIZE: f32 = 7.0;
/// A scene's label: the baseline of its words, centred over the scene.
const LABEL_Y: f32 = 12.0;
/// The width of a close-up's fingers: the hand there is two or three times life size, and
/// four fingers at the body's stroke side by side would be wider than the palm, one mitten.
const FINGER_W: f32 = 4.0;

/// A point in the 120 × 80 drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct P(pub i16, pub i16);

/// Two segments hanging from a joint (thigh and shin, or upper arm and forearm). Angles are in
/// degrees, 0 pointing right and 90 pointing up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limb {
    pub first: i16,
    pub second: i16,
    /// Length of the first segment in percent: below 100 when it points toward the viewer
    /// (the crossed leg's thigh).
    pub first_pct: u8,
    /// The same for the second segment (the crossed shin, running across the body).
    pub second_pct: u8,
}

impl Limb {
    pub const fn new(first: i16, second: i16) -> Self {
        Limb::foreshortened(first, second, 100, 100)
    }
    pub const fn foreshortened(first: i16, second: i16, first_pct: u8, second_pct: u8) -> Self {
        Limb {
            first,
            second,
            first_pct,
            second_pct,
        }
    }
}

/// A whole person, seen from the side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Body {
    pub hip: P,
    /// Hip to neck.
    pub trunk: i16,
    /// Neck to the centre of the head.
    pub head: i16,
    /// Near leg, far leg.
    pub legs: [Limb; 2],
    /// Near arm, far arm (both from the neck point, which is the shoulder).
    pub arms: [Limb; 2],
}

/// One straight segment of the figure: of the body, or of a free stroke (`Back(i, j)` is the
/// segment from point `j` to `j + 1` of stroke `i` of [`Pose::back`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Trunk,
    Thigh(u8),
    Shin(u8),
    UpperArm(u8),
    Forearm(u8),
    Back(u8, u8),
    Front(u8, u8),
}

/// The target muscle: the stretch of a part from `from` to `to` percent of its length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Accent {
    pub part: Part,
    pub from: i16,
    pub to: i16,
}

/// Where the contact travels along the body: an arrow with a head at each end (back and
/// forth along here).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrow {
    /// Beside a part, from `from` to `to` percent of its length, `offset` units to the left of
    /// the part's direction on screen (negative: to the right).
    Along {
        part: Part,
        from: i16,
        to: i16,
        offset: i8,
    },
    /// From one point to another.
    Line(P, P),
}

/// The equipment in a picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prop {
    None,
    /// A foam roller seen end on.
    Roller {
        c: P,
        r: i16,
    },
    /// A foam roller seen from the side: its length from `x0` to `x1`, its middle at `y`,
    /// `r` its radius; ridges show the texture.
    RollerSide {
        x0: i16,
        x1: i16,
        y: i16,
        r: i16,
    },
    /// A muscle-roller stick from handle to handle, its ridged roller between them; a short one
    /// (on a forearm) is thinner, its handles one solid rod under the roller.
    Stick {
        a: P,
        b: P,
    },
    /// A spiky massage ball.
    Ball {
        c: P,
        r: i16,
    },
}

/// A flat top seen from the side: at height `y`, from `x0` to `x1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Top {
    pub y: i16,
    pub x0: i16,
    pub x1: i16,
}

/// What the person or the prop rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ground {
    None,
    Floor(i16),
    /// A floor at `floor` with a chair and a table standing on it: the chair's seat, its back
    /// rising at `seat.x0`, and the table top, each with a leg at either end; and maybe a
    /// close-up.
    AtTable {
        floor: i16,
        seat: Top,
        table: Top,
        lens: Option<Lens>,
    },
}

/// A close-up, drawn like the table: a circle at `c` of radius `r`, a line from its edge to
/// `to` (the part it enlarges) and the table top across it at `top` (none when `top` misses
/// the circle: a view from above). What it shows are free strokes, over `prop`, its own
/// piece of equipment. Issue 19, round four: from the side, palm up and palm down were
/// "can't be told apart"; a hand the size of the circle can show which way it lies. Round
/// nine: an open hand palm up is seen from above, the way instructions draw it: a broad
/// palm, four fingers apart and the thumb out to the side (every side view of it read as a
/// claw, a hook or a boot). Round twelve (that hand "facing the viewer, like a 'stop'
/// gesture, with no table under it"): seen from above it lies on the table top, a disc that
/// fills the circle (its `prop`, in the props' colour), the forearm coming in from the edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lens {
    pub c: P,
    pub r: i16,
    pub to: P,
    pub top: i16,
    pub prop: Prop,
    /// The fingers of the hand it shows, drawn [`FINGER_W`] wide over it (the rest of the
    /// hand is in [`Pose::back`]). Issue 19, round nine: a hand seen from above reads as an
    /// open hand when its fingers are four, apart, and narrower than its palm.
    pub fingers: &'static [&'static [P]],
    /// Two or three words under the circle, saying what it shows ("palm up"); none when
    /// empty. Issue 19, rounds five to eight: no drawing of a hand palm up read as one (a
    /// hook, a claw, a J, a foot), while palm down read well; a label under the close-up is
    /// what instructions on paper do. Round nine: it stays, under a palm seen from above.
    pub label: &'static str,
}

/// What travels during a pass (D1) in the player.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Moves {
    /// The person (body and free strokes) over a tool that stays put: a foam roller.
    Body,
    /// The tool and the [`Pose::front`] strokes (the hand that pushes it) over a still body.
    Tool,
}

/// One pass of rolling: the picture as drawn is one end, and `by` (in drawing units) takes
/// what [`Moves`] to the other end. The player goes from one end to the other and back in
/// the pace time ([`crate::core::cues::PASS_MS`] each way).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pass {
    pub moves: Moves,
    pub by: P,
    /// What stays put on the floor while the body travels (issue 19, round three: hands
    /// and feet that slid with the body read as gliding, not rolling).
    pub plant: Plant,
}

/// The ends of the limbs that stay put during a pass, near limb first: the limb's last
/// segment stretches from its still end to the travelling joint (a shear that keeps the
/// stroke's width).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plant {
    pub feet: [bool; 2],
    pub hands: [bool; 2],
}

impl Plant {
    pub const NOTHING: Plant = Plant {
        feet: [false; 2],
        hands: [false; 2],
    };
}

/// One picture: a pose, with its id and what it shows in words (its text alternative).
#[derive(Debug, PartialEq, Eq)]
pub struct Picture {
    /// A stable id (the gallery's file name).
    pub id: &'static str,
    /// What it shows, in words.
    pub alt: &'static str,
    /// Two or three words over the scene for what a side view cannot show, which way the
    /// person faces ("face down"); none when empty. Issue 19, round thirteen: read blind, the
    /// hip flexors were "face down or face up? can't tell" and the lats "on the side or on the
    /// back?", though every reader read the part and the movement; paper instructions say it
    /// in words, as the close-ups' labels do.
    pub label: &'static str,
    /// What is drawn.
    pub pose: Pose,
}

/// A position or a piece of equipment, as data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pose {
    pub body: Option<Body>,
    /// Free strokes drawn first, under the prop and the body (a hand under a ball).
    pub back: &'static [&'static [P]],
    /// Free strokes drawn after the prop and the body (a hand over a stick's handle).
    pub front: &'static [&'static [P]],
    pub prop: Prop,
    /// The prop is drawn over the body rather than under it: a stick laid across a forearm,
    /// not a roller under a back.
    pub prop_over: bool,
    pub ground: Ground,
    pub accent: Option<Accent>,
    pub arrow: Option<Arrow>,
    /// How it moves in the player; none for the equipment.
    pub pass: Option<Pass>,
}

const NO_STROKES: &[&[P]] = &[];

const fn equipment(prop: Prop, floor: i16) -> Pose {
    Pose {
        body: None,
        back: NO_STROKES,
        front: NO_STROKES,
        prop,
        prop_over: false,
        ground: Ground::Floor(floor),
        accent: None,
        arrow: None,
        pass: None,
    }
}

const FLOOR: i16 = 73;

mod catalogue;
mod draw;
mod props;
#[cfg(test)]
mod tests;

pub use catalogue::*;
pub use draw::{svg, svg_moving};
