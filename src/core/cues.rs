//! What the reader hears, decided from the player before and after a change: pure, so the
//! injected clock tests it. The shell turns each [`Cue`] into a tone, a vibration or speech.
//!
//! - a soft count on each of the last three seconds before a side starts or ends;
//! - a tone as rolling starts, and a distinct one at the end of a step and of the session;
//! - spoken cues (when the reader turns them on): the side and muscle at each start, with
//!   the position; "halfway" in each side; what comes next.

use super::plan::{Routine, Side};
use super::player::{Kind, Player, Status};

/// One thing to hear.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cue {
    /// A soft tick: 3, 2 or 1 seconds left in the segment.
    Count(u32),
    /// Rolling starts: a higher tone and a longer vibration.
    RollStart,
    /// Getting ready or switching sides starts: a lower tone.
    Ready,
    /// A hold on a tender spot is done: a falling pair of tones (D3).
    HoldEnd,
    /// A step is done: a rising pair of tones.
    StepEnd,
    /// The session is done: a three-tone chord.
    SessionEnd,
    /// Words for the speech synthesiser (spoken only when the reader turned speech on).
    Say(String),
    /// The end of one slow pass (D1): a soft tick, heard only when the reader turns the pace
    /// tick on.
    Pace,
}

/// One tone of a cue: its pitch, when it starts after the cue, how long it lasts and how
/// loud it peaks (0 to 1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tone {
    /// Frequency in hertz.
    pub hz: f32,
    /// Seconds after the cue.
    pub delay: f64,
    /// Seconds.
    pub secs: f64,
    /// Peak gain.
    pub peak: f32,
}

/// A tone as a literal, so that a table of them is a constant.
macro_rules! tone {
    ($hz:expr, $delay:expr, $secs:expr, $peak:expr) => {
        Tone {
            hz: $hz,
            delay: $delay,
            secs: $secs,
            peak: $peak,
        }
    };
}

/// What a cue sounds and feels like: its tones, and a vibration in milliseconds (0 for none).
/// The pace tick and spoken words play only when the reader turns them on; the shell checks.
pub fn sound(cue: &Cue) -> (&'static [Tone], u32) {
    match cue {
        Cue::Count(_) => (&[tone!(520.0, 0.0, 0.08, 0.12)], 0),
        Cue::Ready => (&[tone!(660.0, 0.0, 0.25, 0.3)], 80),
        Cue::RollStart => (&[tone!(880.0, 0.0, 0.25, 0.3)], 200),
        // A falling pair: the hold is over (D3).
        Cue::HoldEnd => (
            &[tone!(990.0, 0.0, 0.15, 0.3), tone!(660.0, 0.18, 0.2, 0.3)],
            150,
        ),
        // A rising pair: the step is done.
        Cue::StepEnd => (
            &[tone!(660.0, 0.0, 0.15, 0.3), tone!(990.0, 0.18, 0.2, 0.3)],
            0,
        ),
        // A three-tone chord, one after another.
        Cue::SessionEnd => (
            &[
                tone!(523.0, 0.0, 0.5, 0.25),
                tone!(659.0, 0.14, 0.5, 0.25),
                tone!(784.0, 0.28, 0.5, 0.25),
            ],
            300,
        ),
        Cue::Pace => (&[tone!(1200.0, 0.0, 0.04, 0.08)], 0),
        Cue::Say(_) => (&[], 0),
    }
}

/// "Test sound": how the cues sound, a rising pair, and a vibration.
pub const TEST_SOUND: (&[Tone], u32) = (
    &[tone!(660.0, 0.0, 0.25, 0.3), tone!(880.0, 0.35, 0.25, 0.3)],
    200,
);

/// D1: one slow pass each way takes this long. At 5 to 8 cm a second that is a pass of 20 to
/// 32 cm; the pace guide's dot crosses its track in the same time (assets/roll-routine.css).
pub const PASS_MS: f64 = 4_000.0;

fn side_word(side: Side) -> &'static str {
    match side {
        Side::Left => "Left side. ",
        Side::Right => "Right side. ",
        Side::Centre => "",
    }
}

/// The cues for a change of the player from `before` to `after` (the same session).
pub fn cues(routine: &Routine, before: &Player, after: &Player) -> Vec<Cue> {
    let mut out = Vec::new();
    let finished = |p: &Player| matches!(p.status(), Status::Finished { completed: true });
    if finished(after) && !finished(before) {
        out.push(Cue::SessionEnd);
        out.push(Cue::Say("Session done. Nicely done.".into()));
        return out;
    }
    let (Some(seg), Some(prev)) = (after.current(), before.current()) else {
        return out;
    };
    let step = &routine.steps[seg.step];
    if after.index() != before.index() {
        if seg.step != prev.step && after.index() > before.index() {
            out.push(Cue::StepEnd);
        }
        match seg.kind {
            Kind::Roll => {
                out.push(Cue::RollStart);
                out.push(Cue::Say(format!(
                    "{}{}. Roll slowly.",
                    side_word(seg.side),
                    step.muscle.name
                )));
            }
            Kind::GetReady | Kind::Switch => {
                out.push(Cue::Ready);
                let verb = if seg.kind == Kind::Switch {
                    "Switch sides. "
                } else {
                    "Next: "
                };
                out.push(Cue::Say(format!(
                    "{verb}{}{}. {}.",
                    side_word(seg.side),
                    step.muscle.name,
                    step.muscle.cue
                )));
            }
        }
        return out;
    }
    // D3: a hold starts, counts its last three seconds, and ends with its own cue.
    if after.holds_done() > before.holds_done() {
        out.push(Cue::HoldEnd);
        out.push(Cue::Say("Hold done. Keep rolling slowly.".into()));
        return out;
    }
    if after.holding() {
        if !before.holding() {
            out.push(Cue::Say("Hold here and breathe slowly.".into()));
        } else if after.hold_remaining_s() != before.hold_remaining_s() {
            if let Some(n @ 1..=3) = after.hold_remaining_s() {
                out.push(Cue::Count(n));
            }
        }
        return out;
    }
    // The same segment, running: counts and halfway, once each as the second changes.
    let (was, now) = (before.remaining_s(), after.remaining_s());
    if now == was || !matches!(after.status(), Status::Running { .. }) {
        return out;
    }
    if (1..=3).contains(&now) {
        out.push(Cue::Count(now));
    } else if seg.kind == Kind::Roll && routine.template.pace.is_some() {
        let total_ms = seg.duration_ms;
        let pass = |p: &Player| ((total_ms - p.remaining_ms()) / PASS_MS).floor();
        if pass(after) > pass(before) {
            out.push(Cue::Pace);
        }
    }
    let total = (seg.duration_ms / 1000.0).round() as u32;
    let half = total / 2;
    if seg.kind == Kind::Roll && total >= 20 && was > half && now <= half {
        out.push(Cue::Say("Halfway.".into()));
    }
    out
}

/// The cues as a session starts: the first position, said.
pub fn start(routine: &Routine, player: &Player) -> Vec<Cue> {
    let Some(seg) = player.current() else {
        return Vec::new();
    };
    let step = &routine.steps[seg.step];
    vec![
        Cue::Ready,
        Cue::Say(format!(
            "{}{}. {}.",
            side_word(seg.side),
            step.muscle.name,
            step.muscle.cue
        )),
    ]
}
