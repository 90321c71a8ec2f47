//! The props and the ground: rollers, balls, sticks, the floor, the chair and the table.

use std::fmt::Write;

use super::draw::*;
use super::*;

/// A piece of equipment, in the props' colour.
pub(super) fn draw_prop(c: &mut Canvas, prop: Prop) {
    if prop == Prop::None {
        return;
    }
    let _ = write!(
        c.out,
        r#"<g class="rr-fig-prop" stroke-width="{}">"#,
        int(THIN)
    );
    match prop {
        Prop::None => {}
        Prop::Roller { c: at, r } => c.circle(pf(at), f32::from(r), THIN / 2.0),
        Prop::RollerSide { x0, x1, y, r } => draw_roller_side(c, x0, x1, y, r),
        Prop::Stick { a, b } => draw_stick(c, pf(a), pf(b)),
        Prop::Ball { c: at, r } => draw_ball(c, pf(at), f32::from(r)),
    }
    c.s("</g>");
}

/// A foam roller seen from the side: its body, its near end face, and ridges for the texture.
fn draw_roller_side(c: &mut Canvas, x0: i16, x1: i16, y: i16, r: i16) {
    let (x0, x1, y, r) = (f32::from(x0), f32::from(x1), f32::from(y), f32::from(r));
    let e = (r * 0.4).round();
    c.s(r#"<path d=""#);
    c.s("M");
    c.pt((x0, y - r), THIN / 2.0);
    c.s("H");
    c.s(&int(x1).to_string());
    let _ = write!(c.out, "A{} {} 0 0 1", int(e), int(r));
    c.pt((x1, y + r), THIN / 2.0);
    c.s("H");
    c.s(&int(x0).to_string());
    let _ = write!(c.out, "A{} {} 0 0 1", int(e), int(r));
    c.pt((x0, y - r), THIN / 2.0);
    c.s("Z");
    c.s("M");
    c.pt((x1, y - r), THIN / 2.0);
    let _ = write!(c.out, "A{} {} 0 0 0", int(e), int(r));
    c.pt((x1, y + r), THIN / 2.0);
    c.note((x1 + e, y), THIN / 2.0);
    c.note((x0 - e, y), THIN / 2.0);
    // Three zones of ridges.
    let n = 9;
    for i in 1..n {
        let x = x0 + (x1 - x0) * i as f32 / n as f32;
        let h = if (3..=5).contains(&i) {
            r * 0.8
        } else {
            r * 0.55
        };
        c.s("M");
        c.pt((x, y - h), THIN / 2.0);
        c.s("V");
        c.s(&int(y + h).to_string());
    }
    c.s(r#""/>"#);
}

/// A massage stick from `a` to `b`: two handles and a ridged roller between them.
fn draw_stick(c: &mut Canvas, a: F, b: F) {
    // Two handles and between them one long roller ringed by grooves (a row of
    // beads on a rod was read as a bone or a bracelet).
    // A short stick (on a forearm) is the same stick, a little thinner, so that it is
    // read as the equipment picture's massage stick (round twelve: round eleven's
    // plain rod was "a pole or cane being jabbed into the arm, and no rolling part is
    // visible"); its ridges sit low on the roller, which lies on the arm, and show
    // between the arm and the arrow above it.
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = (dx * dx + dy * dy).sqrt().max(0.01);
    let short = len <= 60.0;
    let r = if short { 4.0 } else { 5.0 };
    if short {
        // Its handles one rod under the roller, in the outline's colour (bytes).
        c.s(r#"<path stroke-width="4" d="M"#);
        c.pt(a, 2.0);
        c.pt(b, 2.0);
    } else {
        c.s(r#"<path d=""#);
        c.capsule(a, lerp(a, b, 24), r - 2.0);
        c.capsule(lerp(a, b, 76), b, r - 2.0);
    }
    c.s(r#""/><path d=""#);
    c.capsule(lerp(a, b, 22), lerp(a, b, 78), r);
    let n = (-dy / len * (r - 1.0), dx / len * (r - 1.0));
    let ridges = if short { [30, 42, 54] } else { [38, 50, 62] };
    for t in ridges {
        let m = lerp(a, b, t);
        c.s("M");
        c.pt((m.0 + n.0, m.1 + n.1), THIN / 2.0);
        c.pt((m.0 - n.0, m.1 - n.1), THIN / 2.0);
    }
    c.s(r#""/>"#);
}

/// A ball with nubs: short spikes round its edge and a few seen face on, if it is big.
fn draw_ball(c: &mut Canvas, at: F, r: f32) {
    // A small ball (in a scene, its close-up beside it) is a plain ball: spikes round a
    // few units read as a cog.
    let (spikes, out) = (if r >= 8.0 { 12 } else { 0 }, 3.0);
    if spikes > 0 {
        c.s(r#"<path d=""#);
    }
    // Each spike from the edge out, each point relative to the one before (bytes: the
    // same points).
    let mut last = None;
    for i in 0..spikes {
        let a = (i as f32 + 0.5) * std::f32::consts::TAU / spikes as f32;
        let (sin, cos) = sin_cos(a);
        let (x, y) = (cos, -sin);
        let at_r = |k: f32| ((at.0 + k * x).round(), (at.1 + k * y).round());
        let (a, b) = (at_r(r - 1.0), at_r(r + out));
        rel_move(c, &mut last, a);
        c.note(b, THIN / 2.0);
        c.s("l");
        c.num(b.0 - a.0);
        c.num(b.1 - a.1);
        last = Some(b);
    }
    if spikes > 0 {
        c.s(r#""/>"#);
    }
    c.circle(at, r, THIN / 2.0);
    if r >= 12.0 {
        c.s(r#"<path stroke-width="4" d=""#);
        let mut last = None;
        for (dx, dy) in [
            (-0.45, -0.35),
            (0.1, -0.5),
            (-0.5, 0.2),
            (0.05, 0.0),
            (0.5, -0.05),
            (-0.1, 0.5),
            (0.45, 0.45),
        ] {
            let p = ((at.0 + r * dx).round(), (at.1 + r * dy).round());
            rel_move(c, &mut last, p);
            c.note(p, 2.0);
            c.s("h0");
            last = Some(p);
        }
        c.s(r#""/>"#);
    }
}

/// A move to `p` (rounded): absolute the first time, then relative to `last`.
fn rel_move(c: &mut Canvas, last: &mut Option<F>, p: F) {
    match *last {
        None => {
            c.s("M");
            c.pt(p, THIN / 2.0);
        }
        Some(l) => {
            c.s("m");
            c.note(p, THIN / 2.0);
            c.num(p.0 - l.0);
            c.num(p.1 - l.1);
        }
    }
}

/// Opens the floor's path and draws the floor line at `y`; the caller adds more of the
/// ground's path data (a chair, a table, a close-up) and closes it.
fn floor_line(c: &mut Canvas, y: f32) {
    let _ = write!(
        c.out,
        r#"<path class="rr-fig-floor" stroke-width="{}" d=""#,
        int(THIN)
    );
    c.poly(&[(4.0, y), (116.0, y)], THIN / 2.0);
}

/// The floor, and at a table the chair and the table.
pub(super) fn draw_ground(c: &mut Canvas, ground: Ground) {
    match ground {
        Ground::None => {}
        Ground::Floor(y) => {
            floor_line(c, f32::from(y));
            c.s(r#""/>"#);
        }
        Ground::AtTable {
            floor,
            seat,
            table,
            lens,
        } => {
            let y = f32::from(floor);
            floor_line(c, y);
            // The chair's back, seat and legs; the table's top and legs.
            let (s, t) = (seat_f(seat), seat_f(table));
            c.poly(
                &[
                    (s.1, s.0 - 22.0),
                    (s.1, y),
                    (s.1, s.0),
                    (s.2, s.0),
                    (s.2, y),
                ],
                THIN / 2.0,
            );
            c.poly(&[(t.1, y), (t.1, t.0), (t.2, t.0), (t.2, y)], THIN / 2.0);
            if let Some(l) = lens {
                draw_lens(c, l);
            }
            c.s(r#""/>"#);
            if let Some(l) = lens {
                draw_prop(c, l.prop);
                draw_label(c, l);
            }
        }
    }
}

/// A close-up's label, centred under its circle.
fn draw_label(c: &mut Canvas, l: Lens) {
    let (x, y) = (f32::from(l.c.0), f32::from(l.c.1 + l.r) + LABEL_SIZE + 1.0);
    label(c, l.label, (x, y));
}

/// A few words centred on `at` (their baseline), if any: the stylesheet sets their size and
/// colour, and keeps them readable when the player mirrors the picture for the left side.
pub(super) fn label(c: &mut Canvas, text: &str, at: F) {
    if text.is_empty() {
        return;
    }
    let (x, y) = at;
    let _ = write!(
        c.out,
        r#"<text class="rr-fig-label" x="{}" y="{}">{}</text>"#,
        int(x),
        int(y),
        text
    );
    // About 0.65 of the size per letter (a bold system font: round nine's "thumb base" ran
    // to the edge at 0.55), either side of the middle, and the letters' height.
    let half = text.len() as f32 * LABEL_SIZE * 0.65 / 2.0;
    c.note((x - half, y - LABEL_SIZE), 0.0);
    c.note((x + half, y + 1.0), 0.0);
}

/// A close-up's circle, the line to what it enlarges, and the table top across it (if it
/// crosses it), as more path data for the floor's path.
fn draw_lens(c: &mut Canvas, l: Lens) {
    let (at, r, to, top) = (pf(l.c), f32::from(l.r), pf(l.to), f32::from(l.top));
    c.s("M");
    c.pt((at.0 - r, at.1), THIN / 2.0);
    for x in [r, -r] {
        let _ = write!(c.out, "A{0} {0} 0 1 0", int(r));
        c.pt((at.0 + x, at.1), THIN / 2.0);
    }
    c.note(at, r + THIN / 2.0);
    let (dx, dy) = (to.0 - at.0, to.1 - at.1);
    let k = r / (dx * dx + dy * dy).sqrt().max(0.01);
    c.poly(&[(at.0 + dx * k, at.1 + dy * k), to], THIN / 2.0);
    let d = top - at.1;
    if d.abs() < r {
        let half = (r * r - d * d).sqrt();
        c.poly(&[(at.0 - half, top), (at.0 + half, top)], THIN / 2.0);
    }
}
