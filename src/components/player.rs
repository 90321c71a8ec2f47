//! The session player: what the reader follows from the floor. One big countdown, the step,
//! side and what is next, hold prompts and a pace guide, large controls and shortcuts.

use yew::prelude::*;

use crate::core::content::{Pressure, NOT_A_DIAGNOSIS};
use crate::core::plan::{Routine, Side};
use crate::core::player::{Action, Kind, Player, Status};
use crate::core::state::Msg;
use crate::core::state::Play;

/// What [`view`] shows.
pub struct PlayerProps<'a> {
    /// The routine being played.
    pub routine: &'a Routine,
    /// The player's state.
    pub player: &'a Player,
    /// Spoken cues are on.
    pub speech: bool,
    /// The audible pace tick is on (D1).
    pub pace_tick: bool,
    /// Player actions (the shell stamps the time).
    pub on_msg: &'a Callback<Msg>,
    /// Turns spoken cues on or off.
    pub on_speech: &'a Callback<bool>,
    /// Turns the pace tick on or off.
    pub on_pace_tick: &'a Callback<bool>,
    /// Focus mode is on: the player fills the screen.
    pub fill: bool,
    /// Turns focus mode on or off.
    pub on_fill: &'a Callback<bool>,
}

/// `m:ss`.
pub fn clock_text(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// What a segment asks of the reader, in a few words (also the live-region and spoken cue).
pub fn cue_text(routine: &Routine, player: &Player) -> String {
    let Some(seg) = player.current() else {
        return "Session finished.".into();
    };
    let step = &routine.steps[seg.step];
    let side = seg
        .side
        .label()
        .map(|s| format!(", {}", s.to_ascii_lowercase()))
        .unwrap_or_default();
    match seg.kind {
        Kind::GetReady => format!("Get into position: {}{side}.", step.muscle.name),
        Kind::Switch => format!("Switch sides: {}{side}.", step.muscle.name),
        Kind::Roll => format!(
            "Roll: {}{side}, {} seconds.",
            step.muscle.name, step.seconds_per_side
        ),
    }
}

/// Maps a key to a player action: Space pauses or resumes, arrows skip and go back, Escape ends.
pub fn key_action(key: &str) -> Option<Action> {
    match key {
        " " | "Spacebar" | "k" => Some(Action::Toggle),
        "ArrowRight" | "n" => Some(Action::Skip),
        "ArrowLeft" | "b" => Some(Action::Back),
        "Escape" => Some(Action::End),
        "h" | "H" => Some(Action::Hold),
        _ => None,
    }
}

/// A control's icon, drawn inline so it needs no font or file.
fn icon(path: &'static str) -> Html {
    html! { <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d={path} /></svg> }
}

const ICON_BACK: &str = "M6 6h2v12H6zM9.5 12l8.5 6V6z";
const ICON_PAUSE: &str = "M6 5h4v14H6zM14 5h4v14h-4z";
const ICON_PLAY: &str = "M8 5v14l11-7z";
const ICON_SKIP: &str = "M6 18l8.5-6L6 6v12zM16 6v12h2V6h-2z";

/// The running session.
#[inline(never)] // compiled only when shown: see components/mod.rs
pub fn view(props: &PlayerProps) -> Html {
    let PlayerProps {
        routine,
        player,
        on_msg,
        fill,
        on_fill,
        ..
    } = props;
    let Some(seg) = player.current() else {
        return html! {};
    };
    let step = &routine.steps[seg.step];
    let onkeydown = keys(on_msg, player.holding());
    let paused = matches!(player.status(), Status::Paused { .. });
    let hold = player.hold_remaining_s();
    let phase = phase_word(seg.kind, paused, hold.is_some());
    let getting_ready = seg.kind != Kind::Roll;
    let next = next_text(routine, player, seg.step);
    // Whole seconds as integers: formatting an f64 would pull float printing into the bundle.
    let max = (seg.duration_ms / 1000.0).round() as u32;
    let done = max.saturating_sub(player.remaining_s());

    let has_pace = routine.template.pace.is_some();
    // "SIDE", or "0:20 LEFT" reads as the time left (a first-time reader of the screenshots).
    let side = match seg.side {
        Side::Left => Some("LEFT SIDE"),
        Side::Right => Some("RIGHT SIDE"),
        Side::Centre => None,
    };
    let very_light = step.pressure == Pressure::VeryLight;
    let cue = cue_line(
        seg.kind,
        hold.is_some(),
        very_light,
        has_pace,
        step.muscle.cue,
    );
    html! {
        <section class="rr-card rr-player" data-paused={paused.then_some("")} data-kind={kind_name(seg.kind)}
            aria-label="Session" tabindex="-1" {onkeydown}>
            <div class="rr-player-top">
                <p class="rr-kicker">{format!("Step {} of {}", seg.step + 1, routine.steps.len())}</p>
                // On its own line below, or between these two on a phone on its side.
                <h2 class="rr-title rr-focus" tabindex="-1">{step.muscle.name}</h2>
                // Focus mode: the player fills the screen, its controls in view.
                <button type="button" class="rr-link-button rr-fill-button" aria-pressed={if *fill { "true" } else { "false" }} onclick={toggle(on_fill, *fill)}>
                    {if *fill { "Exit full screen" } else { "Full screen" }}
                </button>
            </div>
            <div class="rr-stage">
                {super::motion::view(step.muscle.picture, player)}
                <div class="rr-readout">
                    <p class="rr-phase">{phase}</p>
                    if let Some(s) = side { <p class="rr-side">{s}</p> }
                    if let Some(h) = hold {
                        <p class="rr-hold-count" role="timer" aria-label="Hold time left">{format!("Hold {}", clock_text(h))}</p>
                    }
                    <p class="rr-count" role="timer" aria-label="Time left">{clock_text(player.remaining_s())}</p>
                    <progress class="rr-bar" max={max.to_string()} value={done.to_string()} aria-hidden="true"></progress>
                    <p class="rr-cue">if very_light { <span class="rr-pressure">{cue}</span> } else { {cue} }</p>
                    // D1: the pace guide where the routine has one (the forearm routines have none).
                    if seg.kind == Kind::Roll && has_pace {
                        <div class="rr-pace-guide" aria-hidden="true"><span class="rr-pace-dot"></span></div>
                        <p class="rr-pace">{"Follow the dot: one slow pass each way"}</p>
                    }
                    {one_tap(player, getting_ready, on_msg)}
                </div>
            </div>
            <details class="rr-howto">
                <summary>{"How?"}</summary>
                <ul class="rr-how">{ for step.muscle.how.iter().map(|h| html! { <li>{*h}</li> }) }</ul>
                // S4: `Step::hold` is none at very light pressure.
                if let Some(h) = step.hold() { <p class="rr-hold">{h.cue}</p> }
            </details>
            <p class="rr-next">{next}</p>
            {controls(props, paused, has_pace)}
            <p class="rr-note">{NOT_A_DIAGNOSIS}</p>
        </section>
    }
}

/// The one tap the moment calls for: start early while getting ready, hold a tender spot
/// (D3) while rolling, or let go of a hold.
fn one_tap(player: &Player, getting_ready: bool, on_msg: &Callback<Msg>) -> Html {
    let act = |a: Action| super::send(on_msg, Msg::Play(Play::Player(a)));
    let hold = player.hold_remaining_s();
    html! {
        <>
        // A tap to start early: the get-ready time is the longest wait, not a fixed one.
        if getting_ready {
            <button type="button" class="rr-primary rr-begin" onclick={act(Action::Begin)}>{"Ready early? Start now"}</button>
        }
        // D3: one tap (or H) holds a tender spot for 30 s inside the side. Put as a question
        // ("Hold a tender spot (30 s)" left a first-time reader asking whether it paused the
        // side or added time).
        else if player.can_hold() {
            <button type="button" class="rr-secondary rr-hold-button" onclick={act(Action::Hold)}>{"Tender spot? Stay on it 30 s"}</button>
        } else if hold.is_some() {
            <button type="button" class="rr-secondary rr-hold-button" onclick={act(Action::Release)}>{"Let go"}</button>
        }
        </>
    }
}

/// What to do now, in one word as large as the side: read from a metre away.
fn phase_word(kind: Kind, paused: bool, holding: bool) -> &'static str {
    match kind {
        _ if paused => "PAUSED",
        _ if holding => "HOLD",
        Kind::GetReady => "GET READY",
        Kind::Switch => "SWITCH",
        Kind::Roll => "ROLL",
    }
}

/// One short line, read from the floor: the position while getting ready, the pressure or
/// the pace while rolling.
fn cue_line(
    kind: Kind,
    holding: bool,
    very_light: bool,
    has_pace: bool,
    position: &'static str,
) -> &'static str {
    match (kind, very_light, has_pace) {
        _ if holding => "Stay on the tender spot, breathe slowly",
        (Kind::GetReady | Kind::Switch, _, _) => position,
        // S4: the pressure on every very-light step.
        (Kind::Roll, true, _) => "Very light pressure, slow passes",
        (Kind::Roll, false, true) => "Slow passes, about 5 to 8 cm a second",
        (Kind::Roll, false, false) => "Keep the tool moving",
    }
}

/// A switch's callback: the opposite of `on`.
fn toggle(cb: &Callback<bool>, on: bool) -> Callback<MouseEvent> {
    let cb = cb.clone();
    Callback::from(move |_: MouseEvent| cb.emit(!on))
}

/// The keyboard shortcuts; H lets go of a hold it started.
fn keys(on_msg: &Callback<Msg>, holding: bool) -> Callback<KeyboardEvent> {
    let on_msg = on_msg.clone();
    Callback::from(move |e: KeyboardEvent| {
        if let Some(a) = key_action(&e.key()) {
            e.prevent_default();
            let a = if a == Action::Hold && holding {
                Action::Release
            } else {
                a
            };
            on_msg.emit(Msg::Play(Play::Player(a)));
        }
    })
}

/// What comes after this side: the other side, the next step, or the end.
fn next_text(routine: &Routine, player: &Player, step: usize) -> String {
    match player.next_side() {
        Some(n) if n.step == step => {
            format!(
                "Next: {}",
                n.side
                    .label()
                    .unwrap_or("the other side")
                    .to_ascii_lowercase()
            )
        }
        Some(n) => format!("Next: {}", routine.steps[n.step].muscle.name),
        None => "Last one, then you're done".to_string(),
    }
}

/// The controls, always in view (back, pause, skip), then the session's switches and End.
fn controls(props: &PlayerProps, paused: bool, has_pace: bool) -> Html {
    let PlayerProps {
        speech,
        pace_tick,
        on_msg,
        on_speech,
        on_pace_tick,
        ..
    } = props;
    let act = |a: Action| super::send(on_msg, Msg::Play(Play::Player(a)));
    html! {
        <>
            <div class="rr-controls">
                <button type="button" class="rr-control" onclick={act(Action::Back)} aria-label="Back">{icon(ICON_BACK)}<span>{"Back"}</span></button>
                <button type="button" class="rr-control rr-main" onclick={act(Action::Toggle)}
                    aria-label={if paused { "Resume" } else { "Pause" }}>
                    {icon(if paused { ICON_PLAY } else { ICON_PAUSE })}<span>{if paused { "Resume" } else { "Pause" }}</span>
                </button>
                <button type="button" class="rr-control" onclick={act(Action::Skip)} aria-label="Skip">{icon(ICON_SKIP)}<span>{"Skip"}</span></button>
            </div>
            <div class="rr-tools">
                <button type="button" class="rr-secondary" aria-pressed={if *speech { "true" } else { "false" }} onclick={toggle(on_speech, *speech)}>
                    {if *speech { "Spoken cues: on" } else { "Spoken cues: off" }}
                </button>
                if has_pace {
                    <button type="button" class="rr-secondary" aria-pressed={if *pace_tick { "true" } else { "false" }} onclick={toggle(on_pace_tick, *pace_tick)}>
                        {if *pace_tick { "Pace tick: on" } else { "Pace tick: off" }}
                    </button>
                }
                <button type="button" class="rr-secondary" onclick={act(Action::End)}>{"End session"}</button>
            </div>
            <p class="rr-keys">{"Keys: Space pause · ← back · → skip · H hold · Esc end"}</p>
        </>
    }
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::GetReady => "get-ready",
        Kind::Switch => "switch",
        Kind::Roll => "roll",
    }
}
