//! The session player: a pure state machine over a timeline of segments, with time as an
//! input (milliseconds from any monotonic clock).
//!
//! Remaining time is always computed from timestamps, never by counting ticks, so a tick after
//! a long gap (a hidden tab, a sleeping phone) walks through every segment that ended
//! meanwhile and lands in the right one. Paused time does not count.
//!
//! # Holds (D3, S4)
//!
//! A roll segment whose step has a hold prompt carries the hold's length ([`Segment::hold_ms`]),
//! except on very light (acute) steps, where S4 leaves holds out. While rolling such a side,
//! the reader may rest on a tender spot ([`Action::Hold`]):
//!
//! - The side's own countdown freezes (holding is not rolling, so the side keeps its full
//!   rolling time) and the hold counts down from its length instead.
//! - When the hold's time is up, it ends exactly at its end time, whenever the next action
//!   or tick comes (at or after that time): the side resumes from where it froze, and the
//!   time since the hold's end counts into the side, walking through later segments after a
//!   long gap just as a plain tick does. [`Player::holds_done`] then goes up by one, so the
//!   shell can cue the end by comparing it before and after an action.
//! - [`Action::Release`] ends the hold early (no end cue). Pause pauses the hold and resume
//!   continues it; Toggle pauses and resumes as usual. Skip, Back and End end the hold, then
//!   act as they always do.
//! - One hold at a time: [`Action::Hold`] is a no-op unless [`Player::can_hold`] (running or
//!   paused, in a roll segment with a hold, none active). Another hold may start once one
//!   has ended.
//!
//! Hold time is neither rolling time ([`Player::rolled_ms`]) nor timeline position
//! ([`Player::position_ms`]); it is reported on its own by [`Player::held_ms`]. During a
//! hold, [`Status`] keeps saying running or paused; a running status's `segment_start` is
//! moved on at every action so that the side's elapsed time stays where it froze.

use std::rc::Rc;

use super::content::Position;
use super::plan::{Routine, Side};

/// Get into a seated position before the first side of a step, in milliseconds: the
/// shortest get-ready. Each muscle's position sets its own ([`Position::ready_s`]).
pub const GET_READY_MS: f64 = Position::Seated.ready_s() as f64 * 1000.0;
/// Change sides while seated, in milliseconds: the shortest switch ([`Position::switch_s`]).
pub const SWITCH_MS: f64 = Position::Seated.switch_s() as f64 * 1000.0;
/// Within this much of a side's start, "back" goes to the previous side instead of restarting.
pub const BACK_GRACE_MS: f64 = 3_000.0;

/// What a segment of the timeline is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Getting into position for a new step.
    GetReady,
    /// Turning over to the other side.
    Switch,
    /// Rolling: the counted time.
    Roll,
}

/// One stretch of the timeline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    /// Index of the step in the routine.
    pub step: usize,
    /// Which side.
    pub side: Side,
    /// What it is for.
    pub kind: Kind,
    /// How long it lasts (for a roll, the rolling time, not counting any hold).
    pub duration_ms: f64,
    /// On a roll whose step has a hold prompt (D3), the hold's length: the longest hold,
    /// counted down and cued at its end; the reader may let go from the shortest on (20 s of
    /// D3's 20 to 30 s). `None` elsewhere, and on very light steps (S4: no holds when acute).
    pub hold_ms: Option<f64>,
}

/// The segments of a routine: a get-ready or switch before each side, then the side itself.
pub fn timeline(routine: &Routine) -> Vec<Segment> {
    let mut out = Vec::new();
    for (step, s) in routine.steps.iter().enumerate() {
        // S4: `Step::hold` is already none on acute (very light) steps.
        let hold_ms = s.hold().map(|h| f64::from(h.max_s) * 1000.0);
        let position = s.muscle.position;
        for (i, &side) in s.sides.iter().enumerate() {
            let (kind, seconds) = if i == 0 {
                (Kind::GetReady, position.ready_s())
            } else {
                (Kind::Switch, position.switch_s())
            };
            let duration_ms = f64::from(seconds) * 1000.0;
            out.push(Segment {
                step,
                side,
                kind,
                duration_ms,
                hold_ms: None,
            });
            out.push(Segment {
                step,
                side,
                kind: Kind::Roll,
                duration_ms: f64::from(s.seconds_per_side) * 1000.0,
                hold_ms,
            });
        }
    }
    out
}

/// Where the clock stands.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Status {
    /// Not started yet.
    Idle,
    /// Running: the current segment began at this (virtual) time.
    Running {
        /// When the current segment started, on the caller's clock.
        segment_start: f64,
    },
    /// Paused this far into the current segment.
    Paused {
        /// Milliseconds already spent in the segment.
        elapsed: f64,
    },
    /// The session is over.
    Finished {
        /// True when the reader reached the end; false when they ended it early.
        completed: bool,
    },
}

/// Everything the reader can do, plus the clock's tick. Actions carry no time: the shell
/// reads the clock and passes it beside the action to [`Player::apply`], so no view ever
/// makes one up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Start from the first segment.
    Start,
    /// Pause the clock.
    Pause,
    /// Resume after a pause.
    Resume,
    /// Pause if running, resume if paused (the space bar).
    Toggle,
    /// Go to the next side (or step).
    Skip,
    /// Restart this side, or go to the previous one near its start.
    Back,
    /// End the session early.
    End,
    /// The clock moved on.
    Tick,
    /// Start a hold on a tender spot (D3); a no-op unless [`Player::can_hold`].
    Hold,
    /// Let go of the hold before its time is up.
    Release,
    /// Ready before the get-ready or switch time is up: start rolling now. A no-op in a
    /// roll segment.
    Begin,
}

/// A hold in progress.
#[derive(Clone, Copy, Debug, PartialEq)]
struct ActiveHold {
    /// The side's elapsed time, frozen while the hold lasts.
    side_elapsed: f64,
    /// The hold's length.
    duration_ms: f64,
    /// The hold's own clock: `Running` while the player runs, `Paused` while it is paused.
    clock: HoldClock,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum HoldClock {
    /// The hold began at this (virtual) time.
    Running { start: f64 },
    /// Paused this far into the hold.
    Paused { elapsed: f64 },
}

impl ActiveHold {
    fn elapsed(&self, now: f64) -> f64 {
        match self.clock {
            HoldClock::Running { start } => (now - start).max(0.0),
            HoldClock::Paused { elapsed } => elapsed,
        }
    }
}

/// The player: a timeline, a position in it, and the clock's status.
#[derive(Clone, Debug, PartialEq)]
pub struct Player {
    segments: Rc<[Segment]>,
    index: usize,
    status: Status,
    now: f64,
    hold: Option<ActiveHold>,
    holds_done: u32,
    held_before_ms: f64,
}

impl Player {
    /// A player for this routine, not yet started.
    pub fn new(routine: &Routine) -> Self {
        Self::from_segments(timeline(routine))
    }

    /// A player over any timeline (tests build short ones).
    pub fn from_segments(segments: Vec<Segment>) -> Self {
        Self {
            segments: segments.into(),
            index: 0,
            status: Status::Idle,
            now: 0.0,
            hold: None,
            holds_done: 0,
            held_before_ms: 0.0,
        }
    }

    /// All segments.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// Index of the current segment (equal to the length once finished).
    pub fn index(&self) -> usize {
        self.index
    }

    /// The current segment, unless finished.
    pub fn current(&self) -> Option<&Segment> {
        match self.status {
            Status::Finished { .. } => None,
            _ => self.segments.get(self.index),
        }
    }

    /// The clock's status.
    pub fn status(&self) -> Status {
        self.status
    }

    /// The time of the last action.
    pub fn now(&self) -> f64 {
        self.now
    }

    /// Milliseconds spent in the current segment, as of the last action (frozen during a
    /// hold: hold time is not counted).
    pub fn elapsed_ms(&self) -> f64 {
        if let Some(h) = self.hold {
            return h.side_elapsed;
        }
        match self.status {
            Status::Running { segment_start } => (self.now - segment_start).max(0.0),
            Status::Paused { elapsed } => elapsed,
            Status::Idle | Status::Finished { .. } => 0.0,
        }
    }

    /// Milliseconds left in the current segment, as of the last action; never negative.
    pub fn remaining_ms(&self) -> f64 {
        match self.current() {
            Some(seg) => (seg.duration_ms - self.elapsed_ms()).max(0.0),
            None => 0.0,
        }
    }

    /// Whole seconds left, rounded up, as a countdown shows them.
    pub fn remaining_s(&self) -> u32 {
        (self.remaining_ms() / 1000.0).ceil() as u32
    }

    /// Milliseconds left in the hold, as of the last action, while one is active.
    pub fn hold_remaining_ms(&self) -> Option<f64> {
        self.hold
            .map(|h| (h.duration_ms - h.elapsed(self.now)).max(0.0))
    }

    /// Whole seconds left in the hold, rounded up, while one is active.
    pub fn hold_remaining_s(&self) -> Option<u32> {
        self.hold_remaining_ms().map(|r| (r / 1000.0).ceil() as u32)
    }

    /// Whether [`Action::Hold`] would start a hold now: running or paused, in a roll segment
    /// that has a hold (D3; never on very light steps, S4), with no hold already active.
    pub fn can_hold(&self) -> bool {
        matches!(self.status, Status::Running { .. } | Status::Paused { .. })
            && self.hold.is_none()
            && self
                .current()
                .is_some_and(|s| s.kind == Kind::Roll && s.hold_ms.is_some())
    }

    /// Whether a hold is active (running, or paused with the player).
    pub fn holding(&self) -> bool {
        self.hold.is_some()
    }

    /// How many holds have run to their end by time (not released, skipped or ended early).
    /// The shell compares it before and after an action to cue a hold's end.
    pub fn holds_done(&self) -> u32 {
        self.holds_done
    }

    /// Time spent holding so far, in milliseconds, as of the last action: every hold, ended
    /// or active (paused time not counted).
    pub fn held_ms(&self) -> f64 {
        self.held_before_ms + self.hold.map_or(0.0, |h| h.elapsed(self.now))
    }

    /// Milliseconds until the display next changes (the next whole second of the countdown,
    /// or the end of the segment; during a hold, of the hold's countdown and its end), if the
    /// clock is running. The shell sleeps exactly this long, so it wakes about once a second
    /// and lands on segment and hold ends to the millisecond.
    pub fn next_wake_ms(&self) -> Option<f64> {
        match self.status {
            Status::Running { .. } => {
                let r = self
                    .hold_remaining_ms()
                    .unwrap_or_else(|| self.remaining_ms());
                Some(if r <= 0.0 {
                    0.0
                } else {
                    r - ((r / 1000.0).ceil() - 1.0) * 1000.0
                })
            }
            _ => None,
        }
    }

    /// Rolling time done so far, in milliseconds: completed roll segments plus the current
    /// one's elapsed part when it is a roll. Hold time is not rolling time (see
    /// [`Player::held_ms`]).
    pub fn rolled_ms(&self) -> f64 {
        let done: f64 = self.segments[..self.index.min(self.segments.len())]
            .iter()
            .filter(|s| s.kind == Kind::Roll)
            .map(|s| s.duration_ms)
            .sum();
        let current = match self.current() {
            Some(s) if s.kind == Kind::Roll => self.elapsed_ms(),
            _ => 0.0,
        };
        done + current
    }

    /// Position on the whole timeline, in milliseconds. Hold time is not part of the
    /// timeline: the position stands still during a hold.
    pub fn position_ms(&self) -> f64 {
        let done: f64 = self.segments[..self.index.min(self.segments.len())]
            .iter()
            .map(|s| s.duration_ms)
            .sum();
        done + self.elapsed_ms()
    }

    /// The next side to roll after the current one (the other side of this step, or the
    /// first side of the next step), if any.
    pub fn next_side(&self) -> Option<&Segment> {
        let cur = self.current()?;
        self.segments[self.index..]
            .iter()
            .find(|s| s.kind == Kind::Roll && (s.step, s.side) != (cur.step, cur.side))
    }

    /// Applies an action at time `now` and returns the new state. Time never runs backwards:
    /// an action older than the last one is taken as happening at the last one's time.
    #[must_use]
    pub fn apply(&self, action: Action, now: f64) -> Self {
        let mut next = self.clone();
        next.now = if now.is_finite() {
            now.max(self.now)
        } else {
            self.now
        };
        let now = next.now;
        next.advance();
        match (action, next.status) {
            (Action::Start, Status::Idle) => {
                next.index = 0;
                next.status = Status::Running { segment_start: now };
                next.finish_if_past_end();
                next.advance();
            }
            (Action::Pause | Action::Toggle, Status::Running { segment_start }) => {
                next.pause(now, segment_start);
            }
            (Action::Resume | Action::Toggle, Status::Paused { elapsed }) => {
                next.resume(now, elapsed);
            }
            (Action::Hold, Status::Running { .. } | Status::Paused { .. }) => next.hold(now),
            (Action::Release, _) => next.end_hold(),
            (Action::Begin, Status::Running { .. } | Status::Paused { .. })
                if next.current().is_some_and(|s| s.kind != Kind::Roll) =>
            {
                let target = next.index + 1;
                next.jump(target);
            }
            (Action::Skip, Status::Running { .. } | Status::Paused { .. }) => {
                next.end_hold();
                let target = (next.index + 1..next.segments.len())
                    .find(|&i| next.segments[i].kind != Kind::Roll)
                    .unwrap_or(next.segments.len());
                next.jump(target);
            }
            (Action::Back, Status::Running { .. } | Status::Paused { .. }) => next.back(),
            (Action::End, Status::Running { .. } | Status::Paused { .. }) => {
                next.end_hold();
                next.status = Status::Finished { completed: false };
            }
            // Ticks were handled by `advance`; anything else is a no-op in this status
            // (rapid or repeated clicks leave the state as it was).
            _ => {}
        }
        next
    }

    fn pause(&mut self, now: f64, segment_start: f64) {
        self.status = Status::Paused {
            elapsed: now - segment_start,
        };
        if let Some(h) = &mut self.hold {
            h.clock = HoldClock::Paused {
                elapsed: h.elapsed(now),
            };
        }
    }

    fn resume(&mut self, now: f64, elapsed: f64) {
        self.status = Status::Running {
            segment_start: now - elapsed,
        };
        if let Some(h) = &mut self.hold {
            h.clock = HoldClock::Running {
                start: now - h.elapsed(now),
            };
        }
    }

    /// D3: holds a tender spot where the side allows one; the side's countdown freezes.
    fn hold(&mut self, now: f64) {
        if let (true, Some(duration_ms)) = (self.can_hold(), self.current().and_then(|s| s.hold_ms))
        {
            let clock = match self.status {
                Status::Running { .. } => HoldClock::Running { start: now },
                _ => HoldClock::Paused { elapsed: 0.0 },
            };
            self.hold = Some(ActiveHold {
                side_elapsed: self.elapsed_ms(),
                duration_ms,
                clock,
            });
        }
    }

    /// More than a moment into this side: restart it (with its get-ready); otherwise go back
    /// to the previous side.
    fn back(&mut self) {
        self.end_hold();
        let side_start = self.side_start(self.index);
        let spent: f64 = self.segments[side_start..self.index]
            .iter()
            .map(|s| s.duration_ms)
            .sum::<f64>()
            + self.elapsed_ms();
        let target = if spent > BACK_GRACE_MS || side_start == 0 {
            side_start
        } else {
            self.side_start(side_start - 1)
        };
        self.jump(target);
    }

    /// Ends the active hold now, before its time (release, skip, back, end): its time so far
    /// counts as held, and the side's countdown resumes from where it froze.
    fn end_hold(&mut self) {
        if let Some(h) = self.hold.take() {
            self.held_before_ms += h.elapsed(self.now);
            if let Status::Running { .. } = self.status {
                self.status = Status::Running {
                    segment_start: self.now - h.side_elapsed,
                };
            }
        }
    }

    /// Index of the first segment of the side that contains segment `i`.
    fn side_start(&self, i: usize) -> usize {
        let i = i.min(self.segments.len().saturating_sub(1));
        let mut j = i;
        while j > 0 && self.segments[j].kind == Kind::Roll {
            j -= 1;
        }
        j
    }

    fn jump(&mut self, target: usize) {
        self.index = target;
        self.status = match self.status {
            Status::Running { .. } => Status::Running {
                segment_start: self.now,
            },
            Status::Paused { .. } => Status::Paused { elapsed: 0.0 },
            s => s,
        };
        self.finish_if_past_end();
    }

    fn finish_if_past_end(&mut self) {
        if self.index >= self.segments.len() {
            self.index = self.segments.len();
            self.status = Status::Finished { completed: true };
        }
    }

    /// Moves through every segment that ended by `self.now`, keeping exact boundaries.
    fn advance(&mut self) {
        if let (Some(h), Status::Running { .. }) = (self.hold, self.status) {
            let HoldClock::Running { start } = h.clock else {
                // Cannot happen (the hold's clock follows the player's); keep it frozen.
                return;
            };
            let end = start + h.duration_ms;
            if self.now < end {
                // Still holding: the side stays frozen.
                self.status = Status::Running {
                    segment_start: self.now - h.side_elapsed,
                };
                return;
            }
            // The hold ended exactly at `end`; the side resumed then.
            self.hold = None;
            self.holds_done += 1;
            self.held_before_ms += h.duration_ms;
            self.status = Status::Running {
                segment_start: end - h.side_elapsed,
            };
        }
        if let Status::Running { mut segment_start } = self.status {
            while let Some(seg) = self.segments.get(self.index) {
                if self.now - segment_start < seg.duration_ms {
                    break;
                }
                segment_start += seg.duration_ms;
                self.index += 1;
            }
            self.status = Status::Running { segment_start };
            self.finish_if_past_end();
        }
    }
}
