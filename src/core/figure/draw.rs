//! The one drawing function: a [`Picture`]'s pose as a small SVG string (`svg`), or the
//! player's version with what travels in `rr-fig-go` groups (`svg_moving`).

use super::props::{draw_ground, draw_prop, label};
use super::*;

// Drawing.

pub(super) type F = (f32, f32);

pub(super) struct Joints {
    pub(super) head: F,
    pub(super) neck: F,
    pub(super) hip: F,
    pub(super) knees: [F; 2],
    pub(super) feet: [F; 2],
    pub(super) elbows: [F; 2],
    pub(super) hands: [F; 2],
}

pub(super) fn step(from: F, deg: i16, len: f32) -> F {
    let (s, c) = sin_cos(f32::from(deg).to_radians());
    (from.0 + len * c, from.1 - len * s)
}

/// Sine and cosine to about 1e-5, which is plenty for coordinates rounded to whole units;
/// the standard library's `sin`/`cos` would bring 7 KB of wasm for exactness nobody sees.
pub(super) fn sin_cos(a: f32) -> (f32, f32) {
    use std::f32::consts::{FRAC_PI_2, PI, TAU};
    // Into [-pi, pi], then into [-pi/2, pi/2], where the series converge fast.
    let mut x = a - TAU * (a / TAU + 0.5).floor();
    let mut flip = 1.0;
    if x > FRAC_PI_2 {
        x = PI - x;
        flip = -1.0;
    } else if x < -FRAC_PI_2 {
        x = -PI - x;
        flip = -1.0;
    }
    let x2 = x * x;
    let s = x * (1.0 - x2 / 6.0 * (1.0 - x2 / 20.0 * (1.0 - x2 / 42.0 * (1.0 - x2 / 72.0))));
    let c = 1.0 - x2 / 2.0 * (1.0 - x2 / 12.0 * (1.0 - x2 / 30.0 * (1.0 - x2 / 56.0)));
    (s, c * flip)
}

pub(super) fn joints(b: &Body) -> Joints {
    let hip = (f32::from(b.hip.0), f32::from(b.hip.1));
    let neck = step(hip, b.trunk, TRUNK);
    let head = step(neck, b.head, NECK);
    let limb = |root: F, l: &Limb, first: f32, second: f32| {
        let mid = step(root, l.first, first * f32::from(l.first_pct) / 100.0);
        (
            mid,
            step(mid, l.second, second * f32::from(l.second_pct) / 100.0),
        )
    };
    let (k0, f0) = limb(hip, &b.legs[0], THIGH, SHIN);
    let (k1, f1) = limb(hip, &b.legs[1], THIGH, SHIN);
    let (e0, h0) = limb(neck, &b.arms[0], UPPER_ARM, FOREARM);
    let (e1, h1) = limb(neck, &b.arms[1], UPPER_ARM, FOREARM);
    Joints {
        head,
        neck,
        hip,
        knees: [k0, k1],
        feet: [f0, f1],
        elbows: [e0, e1],
        hands: [h0, h1],
    }
}

pub(super) fn pf(p: P) -> F {
    (f32::from(p.0), f32::from(p.1))
}

pub(super) fn segment(pose: &Pose, j: Option<&Joints>, part: Part) -> Option<(F, F)> {
    let stroke = |set: &[&[P]], i: u8, k: u8| {
        let s = set.get(usize::from(i))?;
        Some((pf(*s.get(usize::from(k))?), pf(*s.get(usize::from(k) + 1)?)))
    };
    match part {
        Part::Back(i, k) => stroke(pose.back, i, k),
        Part::Front(i, k) => stroke(pose.front, i, k),
        _ => {
            let j = j?;
            Some(match part {
                Part::Trunk => (j.hip, j.neck),
                Part::Thigh(s) => (j.hip, *j.knees.get(usize::from(s))?),
                Part::Shin(s) => (*j.knees.get(usize::from(s))?, *j.feet.get(usize::from(s))?),
                Part::UpperArm(s) => (j.neck, *j.elbows.get(usize::from(s))?),
                Part::Forearm(s) => (
                    *j.elbows.get(usize::from(s))?,
                    *j.hands.get(usize::from(s))?,
                ),
                Part::Back(..) | Part::Front(..) => return None,
            })
        }
    }
}

pub(super) fn seat_f(t: Top) -> (f32, f32, f32) {
    (f32::from(t.y), f32::from(t.x0), f32::from(t.x1))
}

pub(super) fn lerp(a: F, b: F, pct: i16) -> F {
    let t = f32::from(pct) / 100.0;
    (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t)
}

/// The SVG text, and the extent of everything in it (stroke widths included), for the tests.
pub(super) struct Canvas {
    pub(super) out: String,
    pub(super) min: F,
    pub(super) max: F,
    /// Added to every extent noted: the tests measure a moving part at the far end of its
    /// pass with this set to the pass's `by`.
    pub(super) shift: F,
    /// Note the moving parts at the far end of their pass (see `shift`).
    pub(super) far: bool,
}

impl Canvas {
    /// Writes a rounded coordinate pair and notes its extent, `pad` around it.
    pub(super) fn pt(&mut self, p: F, pad: f32) {
        let (x, y) = (p.0.round(), p.1.round());
        self.note((x, y), pad);
        self.num(x);
        self.num(y);
    }
    /// A number of path data, a space before it only where a digit would run into it.
    pub(super) fn num(&mut self, v: f32) {
        if v >= 0.0 && self.out.ends_with(|c: char| c.is_ascii_digit()) {
            self.s(" ");
        }
        let _ = write!(self.out, "{}", int(v));
    }
    pub(super) fn s(&mut self, s: &str) {
        self.out.push_str(s);
    }
    /// A polyline: `M x y`, then each point relative to the one before (`h`, `v` or `l`):
    /// fewer digits than absolute ones, and the same drawing, the steps being between rounded
    /// points.
    pub(super) fn poly(&mut self, pts: &[F], pad: f32) {
        let (mut last, mut cmd) = ((0.0, 0.0), 'M');
        for (i, p) in pts.iter().enumerate() {
            let q = (p.0.round(), p.1.round());
            if i == 0 {
                self.s("M");
                self.pt(q, pad);
            } else {
                self.note(q, pad);
                let (dx, dy) = (q.0 - last.0, q.1 - last.1);
                let now = match (dx == 0.0, dy == 0.0) {
                    (false, true) => 'h',
                    (true, false) => 'v',
                    _ => 'l',
                };
                if now != cmd {
                    self.out.push(now);
                    cmd = now;
                }
                if now != 'v' {
                    self.num(dx);
                }
                if now != 'h' {
                    self.num(dy);
                }
            }
            last = q;
        }
    }
    pub(super) fn circle(&mut self, c: F, r: f32, pad: f32) {
        let _ = write!(
            self.out,
            r#"<circle cx="{}" cy="{}" r="{}"/>"#,
            int(c.0),
            int(c.1),
            int(r)
        );
        self.note(c, r + pad);
    }
    pub(super) fn note(&mut self, p: F, pad: f32) {
        let (x, y) = (p.0.round() + self.shift.0, p.1.round() + self.shift.1);
        self.min = (self.min.0.min(x - pad), self.min.1.min(y - pad));
        self.max = (self.max.0.max(x + pad), self.max.1.max(y + pad));
    }
    /// A capsule (a rounded bar) from `a` to `b` with radius `r`, as path data.
    pub(super) fn capsule(&mut self, a: F, b: F, r: f32) {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let len = (dx * dx + dy * dy).sqrt().max(0.01);
        let n = (-dy / len * r, dx / len * r);
        self.s("M");
        self.pt((a.0 + n.0, a.1 + n.1), THIN / 2.0);
        self.s("L");
        self.pt((b.0 + n.0, b.1 + n.1), THIN / 2.0);
        let _ = write!(self.out, "A{0} {0} 0 0 0", int(r));
        self.pt((b.0 - n.0, b.1 - n.1), THIN / 2.0);
        self.s("L");
        self.pt((a.0 - n.0, a.1 - n.1), THIN / 2.0);
        let _ = write!(self.out, "A{0} {0} 0 0 0", int(r));
        self.pt((a.0 + n.0, a.1 + n.1), THIN / 2.0);
        self.s("Z");
        // The round ends bulge past the corner points.
        self.note(a, r + THIN / 2.0);
        self.note(b, r + THIN / 2.0);
    }
}

/// A coordinate or width as the integer it is written as: formatting an `f32` would pull
/// float printing (about 10 KB of wasm) into the bundle.
pub(super) fn int(v: f32) -> i32 {
    v.round() as i32
}

pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub(super) fn draw_strokes(c: &mut Canvas, set: &[&[P]]) {
    if set.is_empty() {
        return;
    }
    let _ = write!(
        c.out,
        r#"<path class="rr-fig-body" stroke-width="{}" d=""#,
        int(STROKE)
    );
    polys(c, set, STROKE);
    c.s(r#""/>"#);
}

/// The strokes of `set` as path data, `w` wide.
fn polys(c: &mut Canvas, set: &[&[P]], w: f32) {
    for s in set {
        let pts: Vec<F> = s.iter().map(|p| pf(*p)).collect();
        c.poly(&pts, w / 2.0);
    }
}

pub(super) fn draw_accent(c: &mut Canvas, pose: &Pose, j: Option<&Joints>) {
    let Some(acc) = pose.accent else { return };
    let Some((a, b)) = segment(pose, j, acc.part) else {
        return;
    };
    let w = accent_w(acc.part);
    let _ = write!(
        c.out,
        r#"<path class="rr-fig-accent" stroke-width="{}" d=""#,
        int(w)
    );
    c.poly(&[lerp(a, b, acc.from), lerp(a, b, acc.to)], w / 2.0);
    c.s(r#""/>"#);
}

/// The width of a mark on `part`: a band wider than the limb, but on a forearm the limb's
/// own width, the marked stretch of the arm drawn in the accent over it (issue 19, round ten:
/// every band or rim wider than the forearm lying on the table read as something under it,
/// "a cushion", "a green roller"; a stretch of the arm in green keeps its shape and is part
/// of it). The same on a hand behind, in a close-up: its thumb's base in green (round ten: a
/// rim round it, over the ball under the hand, left of the ball "a half-moon or a halo").
pub(super) fn accent_w(part: Part) -> f32 {
    if matches!(part, Part::Forearm(..) | Part::Back(..)) {
        STROKE
    } else {
        ACCENT_W
    }
}

/// The three layers of a person (over the ground and a close-up's own equipment): free
/// strokes behind, the body, free strokes in front.
#[derive(PartialEq)]
pub(super) enum Layer {
    Back,
    Body,
    Front,
}

/// Whether the accent is drawn right after `layer`, over the part it marks.
pub(super) fn accent_in(pose: &Pose, layer: Layer) -> bool {
    let Some(acc) = pose.accent else { return false };
    layer
        == match acc.part {
            // A mark on a forearm or on a hand behind (in a close-up) is over it, as wide as
            // the limb (`accent_w`); one on a hand in front goes under it, a rim round it.
            Part::Back(..) => Layer::Back,
            Part::Front(..) => Layer::Front,
            _ => Layer::Body,
        }
}

pub(super) fn arrow_head(c: &mut Canvas, tip: F, from: F) {
    let (dx, dy) = (tip.0 - from.0, tip.1 - from.1);
    let len = (dx * dx + dy * dy).sqrt().max(0.01);
    let (ux, uy) = (dx / len, dy / len);
    let base = (tip.0 - ux * ARROW_HEAD, tip.1 - uy * ARROW_HEAD);
    let half = ARROW_HEAD * 0.6;
    c.poly(
        &[
            tip,
            (base.0 - uy * half, base.1 + ux * half),
            (base.0 + uy * half, base.1 - ux * half),
        ],
        ARROW_W,
    );
    c.s("Z");
}

/// Where the arrow runs, between its two heads.
pub(super) fn arrow_line(pose: &Pose, j: Option<&Joints>) -> Option<(F, F)> {
    match pose.arrow? {
        Arrow::Line(a, b) => Some((pf(a), pf(b))),
        Arrow::Along {
            part,
            from,
            to,
            offset,
        } => {
            let (a, b) = segment(pose, j, part)?;
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let len = (dx * dx + dy * dy).sqrt().max(0.01);
            let o = f32::from(offset);
            // Left of the direction a → b on screen (y grows downward).
            let n = (dy / len * o, -dx / len * o);
            let (from, to) = (lerp(a, b, from), lerp(a, b, to));
            Some(((from.0 + n.0, from.1 + n.1), (to.0 + n.0, to.1 + n.1)))
        }
    }
}

/// The arrow: a head at each end, back and forth along the body.
pub(super) fn draw_arrow(c: &mut Canvas, pose: &Pose, j: Option<&Joints>) {
    let Some((from, to)) = arrow_line(pose, j) else {
        return;
    };
    let _ = write!(
        c.out,
        r#"<path class="rr-fig-arrow" stroke-width="{}" d=""#,
        int(ARROW_W)
    );
    c.poly(&[from, to], ARROW_W / 2.0);
    arrow_head(c, to, from);
    arrow_head(c, from, to);
    c.s(r#""/>"#);
}

/// Opens the group that travels during a pass when `what` moves in `pose` (and the picture
/// is drawn `moving`); says whether it did, so the caller closes it. The group's transform is
/// the far end of the pass: the stylesheet animates it from none to that and back.
pub(super) fn go(c: &mut Canvas, pose: &Pose, moving: bool, what: Moves) -> bool {
    let Some(pass) = pose.pass.filter(|p| moving && p.moves == what) else {
        return false;
    };
    let _ = write!(
        c.out,
        r#"<g class="rr-fig-go" transform="translate({} {})">"#,
        pass.by.0, pass.by.1
    );
    if c.far {
        c.shift = pf(pass.by);
    }
    true
}

/// A segment from a planted end to a joint that travels by `by`: its far end is the shear
/// that keeps `end` and takes `mid` along by `by` (points across the segment stay put, so
/// the stroke keeps its width across). The stylesheet animates it like the other groups.
pub(super) fn pivot(c: &mut Canvas, end: F, mid: F, by: F) {
    let (sx, sy) = (mid.0 - end.0, mid.1 - end.1);
    let l2 = (sx * sx + sy * sy).max(0.01);
    let v = (sx / l2, sy / l2);
    let k = v.0 * end.0 + v.1 * end.1;
    c.s(r#"<g class="rr-fig-go" transform="matrix("#);
    for (i, m) in [
        1.0 + by.0 * v.0,
        by.1 * v.0,
        by.0 * v.1,
        1.0 + by.1 * v.1,
        -by.0 * k,
        -by.1 * k,
    ]
    .into_iter()
    .enumerate()
    {
        if i > 0 {
            c.s(" ");
        }
        // Two decimals for the linear part, one for the shift: within half a unit.
        dec(&mut c.out, m, if i < 4 { 2 } else { 1 });
    }
    let _ = write!(
        c.out,
        r#")"><path class="rr-fig-body" stroke-width="{}" d=""#,
        int(STROKE)
    );
    c.poly(&[end, mid], STROKE / 2.0);
    c.s(r#""/></g>"#);
    if c.far {
        c.note((mid.0 + by.0, mid.1 + by.1), STROKE / 2.0);
    }
}

/// `v` to `places` decimals, written with integer formatting only (see [`int`]).
pub(super) fn dec(out: &mut String, v: f32, places: u32) {
    let scale = 10u32.pow(places);
    let n = (v * scale as f32).round() as i32;
    if n < 0 {
        out.push('-');
    }
    let (whole, mut frac) = (n.unsigned_abs() / scale, n.unsigned_abs() % scale);
    let _ = write!(out, "{whole}");
    if frac > 0 {
        out.push('.');
        // The digits one by one, leading zeros kept, trailing ones dropped.
        let mut unit = scale / 10;
        while frac > 0 {
            out.push(char::from(b'0' + (frac / unit) as u8));
            frac %= unit;
            unit /= 10;
        }
    }
}

pub(super) fn end_go(c: &mut Canvas, open: bool) {
    if open {
        c.s("</g>");
        c.shift = (0.0, 0.0);
    }
}

/// The person: head, limbs and trunk (a planted hand or foot's segment pivots on it in the
/// player), and the marked muscle over the body.
pub(super) fn draw_body(
    c: &mut Canvas,
    pose: &Pose,
    j: Option<&Joints>,
    plant: Plant,
    moving: bool,
) {
    let g = go(c, pose, moving, Moves::Body);
    if let Some(j) = j {
        let _ = write!(
            c.out,
            r#"<g class="rr-fig-body"><circle cx="{}" cy="{}" r="{}"/>"#,
            int(j.head.0),
            int(j.head.1),
            int(HEAD_R)
        );
        c.note(j.head, HEAD_R);
        let _ = write!(c.out, r#"<path stroke-width="{}" d=""#, int(STROKE));
        let w = STROKE / 2.0;
        // A planted end's segment is left out here and drawn below, pivoting on it.
        let limb = |c: &mut Canvas, root: F, mid: F, end: F, planted: bool| {
            if planted {
                c.poly(&[root, mid], w);
            } else {
                c.poly(&[root, mid, end], w);
            }
        };
        limb(c, j.hip, j.knees[1], j.feet[1], plant.feet[1]);
        // An arm right behind the near one (both hands on one ball) would draw the same
        // strokes again: it is left out.
        let twin =
            (j.elbows[1], j.hands[1], plant.hands[1]) == (j.elbows[0], j.hands[0], plant.hands[0]);
        if !twin {
            limb(c, j.neck, j.elbows[1], j.hands[1], plant.hands[1]);
        }
        limb(c, j.hip, j.knees[0], j.feet[0], plant.feet[0]);
        c.poly(&[j.hip, j.neck], w);
        limb(c, j.neck, j.elbows[0], j.hands[0], plant.hands[0]);
        c.s(r#""/>"#);
        // A close-up's fingers, thinner: in the person's group, which gives them its class
        // (bytes: a class attribute fewer).
        if let Ground::AtTable { lens: Some(l), .. } = pose.ground {
            if !l.fingers.is_empty() {
                let _ = write!(c.out, r#"<path stroke-width="{}" d=""#, int(FINGER_W));
                polys(c, l.fingers, FINGER_W);
                c.s(r#""/>"#);
            }
        }
        c.s("</g>");
        if accent_in(pose, Layer::Body) {
            draw_accent(c, pose, Some(j));
        }
    }
    end_go(c, g);
    if let (Some(j), Some(pass)) = (j, pose.pass) {
        for (planted, end, mid) in [
            (plant.feet[1], j.feet[1], j.knees[1]),
            (plant.hands[1], j.hands[1], j.elbows[1]),
            (plant.feet[0], j.feet[0], j.knees[0]),
            (plant.hands[0], j.hands[0], j.elbows[0]),
        ] {
            if planted {
                pivot(c, end, mid, pf(pass.by));
            }
        }
    }
}

pub(super) fn draw(picture: &Picture, moving: bool, far: bool) -> Canvas {
    let (pose, title) = (&picture.pose, picture.alt);
    let mut c = Canvas {
        out: String::with_capacity(900),
        min: (f32::MAX, f32::MAX),
        max: (f32::MIN, f32::MIN),
        shift: (0.0, 0.0),
        far,
    };
    let _ = write!(
        c.out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="rr-fig" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" fill="none" stroke-linecap="round" stroke-linejoin="round"><title>{}</title>"#,
        escape(title)
    );
    draw_ground(&mut c, pose.ground);
    let j = pose.body.as_ref().map(joints);
    let g = !pose.back.is_empty() && go(&mut c, pose, moving, Moves::Body);
    draw_strokes(&mut c, pose.back);
    if accent_in(pose, Layer::Back) {
        draw_accent(&mut c, pose, j.as_ref());
    }
    end_go(&mut c, g);
    if !pose.prop_over {
        let g = go(&mut c, pose, moving, Moves::Tool);
        draw_prop(&mut c, pose.prop);
        end_go(&mut c, g);
    }
    // In the player, what stays planted while the body travels.
    let plant = match pose.pass {
        Some(p) if moving && p.moves == Moves::Body => p.plant,
        _ => Plant::NOTHING,
    };
    draw_body(&mut c, pose, j.as_ref(), plant, moving);
    if pose.prop_over {
        let g = go(&mut c, pose, moving, Moves::Tool);
        draw_prop(&mut c, pose.prop);
        end_go(&mut c, g);
    }
    // The front strokes (a hand on the tool) travel with the tool or with the body.
    let g = !pose.front.is_empty()
        && (go(&mut c, pose, moving, Moves::Body) || go(&mut c, pose, moving, Moves::Tool));
    // A hand's mark goes under it, a rim round the part that presses, so that the hand keeps
    // its shape (issue 19, round four: a hand marked all over was "a cloth?").
    if accent_in(pose, Layer::Front) {
        draw_accent(&mut c, pose, None);
    }
    draw_strokes(&mut c, pose.front);
    end_go(&mut c, g);
    // The arrow rides on the body (it says where the contact goes along the body).
    let g = go(&mut c, pose, moving, Moves::Body);
    draw_arrow(&mut c, pose, j.as_ref());
    end_go(&mut c, g);
    // Over the scene, still while the person moves.
    label(&mut c, picture.label, (WIDTH as f32 / 2.0, LABEL_Y));
    c.s("</svg>");
    c
}

/// Draws `picture` as an SVG document of about a kilobyte, with its alt text (escaped here) as
/// its title and its words, if any, over the scene. Colours come from the stylesheet through
/// the `rr-fig-*` classes.
pub fn svg(picture: &Picture) -> String {
    draw(picture, false, false).out
}

/// [`svg`] for the player: what travels during a pass (D1) is wrapped in `rr-fig-go` groups
/// whose transform is the far end of the pass, for the stylesheet to animate.
pub fn svg_moving(picture: &Picture) -> String {
    draw(picture, true, false).out
}
