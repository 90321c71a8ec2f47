//! The routine view: steps in order with dose, how, why, holds, pace and links; totals,
//! frequency and timeline; the lumbar warning (S1), the stop signs (S2) and the note (S5).

use yew::prelude::*;

use crate::core::answers::{Answers, Warning};
use crate::core::calendar::ReminderTime;
use crate::core::content::{Family, Link, Question};
use crate::core::dates::TimeOfDay;
use crate::core::plan::{minutes_label, Plan, Step};
use crate::core::player;
use crate::core::progress::{day_label, Progress};
use crate::core::questions::asks;
use crate::core::state::Msg;
use crate::core::state::{Answer, Play, Stored};
use crate::options::Options;

/// What [`view`] shows.
pub struct RoutineProps<'a> {
    /// The plan to show.
    pub plan: &'a Plan,
    /// The answers behind it (for the summary with "change" links).
    pub answers: &'a Answers,
    /// Progress so far.
    pub progress: &'a Progress,
    /// Link base and product links.
    pub options: &'a Options,
    /// The reader's actions.
    pub on_msg: &'a Callback<Msg>,
    /// Copy a share link, print, or download reminders.
    pub on_tool: &'a Callback<Tool>,
    /// A short confirmation after a tool ran (for example "Link copied").
    pub notice: Option<AttrValue>,
    /// The reminder times chosen so far, while the reminder picker is open.
    pub remind: Option<&'a [ReminderTime<'static>]>,
    /// Picks a time for one slot of one routine.
    pub on_remind: &'a Callback<ReminderTime<'static>>,
    /// Storage keeps the progress.
    pub kept: bool,
    /// A record file the reader picked to load.
    pub on_load: &'a Callback<web_sys::File>,
}

/// The routine's actions that reach outside the widget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    /// Copy a share link.
    Share,
    /// Print the card.
    Print,
    /// Open the reminder picker.
    Remind,
    /// Download reminders at the picked times as a calendar file.
    RemindDownload,
    /// Play the cues once and say which this device supports.
    TestSound,
    /// Download the reader's own record as a file (S6).
    Export,
}

/// The address a link points to, if there is one.
pub fn href(options: &Options, link: Link) -> Option<String> {
    match link {
        Link::Blog(path) => Some(options.url(path)),
        Link::ProductSet => options.set_url.clone(),
    }
}

fn step_view(n: usize, s: &Step, options: &Options) -> Html {
    let m = s.muscle;
    let sides = if s.sides.len() == 2 {
        "each side"
    } else {
        "up the middle"
    };
    // One line each, with its picture; a tap opens the how-to, why and links.
    html! {
        <li class="rr-step" data-muscle={m.id}>
          <details>
            <summary>
            <div class="rr-step-fig">{super::picture(m.picture)}</div>
            <h4 class="rr-step-title"><span class="rr-num" aria-hidden="true">{n}</span>{m.name}</h4>
            <p class="rr-dose">{format!("{} s {sides}", s.seconds_per_side)}</p>
            </summary>
            <p class="rr-dose">
                {s.pressure.label()}
                if let Some(p) = m.passes { {format!(" · {p} slow passes")} }
            </p>
            <ul class="rr-how">{ for m.how.iter().map(|h| html! { <li>{*h}</li> }) }</ul>
            if let Some(h) = m.hold { <p class="rr-hold">{h.cue}</p> }
            <p class="rr-why"><strong>{"Why: "}</strong>{m.why}</p>
            if let Some(e) = m.equipment { <p class="rr-equipment">{e}</p> }
            if let Some(url) = href(options, m.link) {
                <a class="rr-more" href={url} target="_top">{shop_text(m.link, m.link_text)}</a>
            }
          </details>
        </li>
    }
}

/// A product link says it is the shop's own product; an article link reads as it is.
fn shop_text(link: Link, text: &'static str) -> String {
    match link {
        Link::Blog(path) if !path.starts_with("/products/") => text.to_string(),
        _ => format!("{text} (our shop)"),
    }
}

/// The reader's plan. At phone size the first screen holds what the plan is (one line per
/// routine), the signs to stop for, and Start; steps are one line each and open on a tap;
/// the tools come after the steps.
#[inline(never)] // compiled only when shown: see components/mod.rs
pub fn view(props: &RoutineProps) -> Html {
    let RoutineProps {
        plan,
        progress,
        options,
        on_msg,
        kept,
        ..
    } = props;
    let family = plan.family;
    let guides = plan.guides();
    let span = plan
        .routines
        .first()
        .map_or(0, |r| r.template.span_sessions);
    html! {
        <section class="rr-card rr-routine" aria-label="Your routine">
            <h2 class="rr-title rr-focus" tabindex="-1">{family.title}</h2>
            if family.lumbar_warning {
                {stop_signs()}
            }
            { for plan.routines.iter().enumerate().map(|(i, r)| routine_block(i, r, plan, options, on_msg)) }
            {kit(plan, options)}
            if !guides.is_empty() {
                <ul class="rr-guides">
                    { for guides.into_iter().map(|(path, text)| html! {
                        <li><a class="rr-more" href={options.url(path)} target="_top">{text}</a></li>
                    }) }
                </ul>
            }
            <p class="rr-note">{plan.note()}</p>
            if let Some(c) = progress.clinician {
                <p class="rr-cleared">{format!("You confirmed on {} that a clinician checked you.", day_label(c.day))}</p>
            }
            {super::progress::view(progress, span, *kept)}
            {toolbox(props)}
        </section>
    }
}

/// One routine of the plan: its one-line summary and Start first, then its steps, each a
/// one-line card that opens for the how-to.
fn routine_block(
    i: usize,
    r: &crate::core::plan::Routine,
    plan: &Plan,
    options: &Options,
    on_msg: &Callback<Msg>,
) -> Html {
    let send = |m: Msg| super::send(on_msg, m);
    let t = r.template;
    let moves = match r.steps.len() {
        1 => "1 move".to_string(),
        n => format!("{n} moves"),
    };
    // The session's length with its get-ready times, as the player will run it.
    let session_s = (player::timeline(r)
        .iter()
        .map(|s| s.duration_ms)
        .sum::<f64>()
        / 1000.0) as u32;
    html! {
        <article class="rr-block" data-routine={t.id}>
            <h3 class="rr-block-title">{t.title}</h3>
            <p class="rr-summary">{format!("{moves} · about {} · {}", minutes_label(session_s), t.often)}</p>
            <button type="button" class="rr-primary rr-start" onclick={send(Msg::Play(Play::Start(i)))}
                data-start={i.to_string()}>
                {format!("Start: {}", t.title)}
            </button>
            if let Some(n) = t.note { <p class="rr-emphasis">{n}</p> }
            // S1, once: beside the first routine's steps.
            if i == 0 {
                if let Some(w) = plan.lumbar_warning() {
                    <p class="rr-warning">
                        { match w.split_once(". ") {
                            Some((first, rest)) => html! { <><strong>{format!("{first}. ")}</strong>{rest}</> },
                            None => html! { <strong>{w}</strong> },
                        } }
                    </p>
                }
            }
            <ol class="rr-steps">
                { for r.steps.iter().enumerate().map(|(n, s)| step_view(n + 1, s, options)) }
            </ol>
            if let Some(p) = t.pace { <p class="rr-pace">{p}</p> }
            <p class="rr-meta"><strong>{"How often: "}</strong>{t.schedule}
                // S2, in the words of the check-in and the stop screen.
                if i == 0 { {" "}{plan.family.worse_watch} }
            </p>
            <p class="rr-expect">{t.expect}</p>
        </article>
    }
}

/// What the reader needs, each piece with its picture and, where the shop sells it, a link
/// marked as the shop's own.
fn kit(plan: &Plan, options: &Options) -> Html {
    html! {
        <div class="rr-kit">
            <h3 class="rr-block-title">{"What you need"}</h3>
            <ul>
                { for plan.equipment().into_iter().map(|e| html! {
                    <li data-equipment={e.id}>
                        <div class="rr-kit-fig">{super::picture(e.picture)}</div>
                        <p><strong>{e.name}</strong>{format!(". {}", e.why)}
                        if let Some(url) = href(options, e.link) {
                            {" "}<a class="rr-more" href={url} target="_top">{shop_text(e.link, "See it")}</a>
                        }</p>
                    </li>
                }) }
            </ul>
        </div>
    }
}

/// The reader's answers (each one to change) and the tools, after the steps.
fn toolbox(props: &RoutineProps) -> Html {
    let RoutineProps {
        plan,
        answers,
        progress,
        on_msg,
        on_tool,
        notice,
        remind,
        on_remind,
        on_load,
        ..
    } = props;
    let send = |m: Msg| super::send(on_msg, m);
    let tool = |t: Tool| {
        let on_tool = (*on_tool).clone();
        Callback::from(move |_: MouseEvent| on_tool.emit(t))
    };
    html! {
        <div class="rr-toolbox">
            <h3 class="rr-block-title">{"Your answers and tools"}</h3>
            <ul class="rr-chips" aria-label="Your answers">
                { for chips(plan.family, answers).into_iter().map(|(text, q)| html! {
                    <li><span>{text}</span>
                        <button type="button" class="rr-link-button" onclick={send(Msg::Answer(Answer::Ask(q)))}>{"Change"}</button></li>
                }) }
            </ul>
            <div class="rr-tools">
                <button type="button" class="rr-secondary" onclick={tool(Tool::Share)}>{"Copy share link"}</button>
                <button type="button" class="rr-secondary" onclick={tool(Tool::Print)}>{"Print"}</button>
                <button type="button" class="rr-secondary" onclick={tool(Tool::Remind)}>{"Add reminders"}</button>
                <button type="button" class="rr-secondary" onclick={tool(Tool::TestSound)}>{"Test sound"}</button>
                <button type="button" class="rr-link-button" onclick={send(Msg::Answer(Answer::StartOver))}>{"Start over"}</button>
            </div>
            <p class="rr-data-line">
                if !progress.sessions.is_empty() {
                    <button type="button" class="rr-link-button" onclick={tool(Tool::Export)}>{"Save my record"}</button>
                    {" · "}
                }
                {load_record(on_load)}
                if !progress.sessions.is_empty() {
                    {" · "}
                    <button type="button" class="rr-link-button" onclick={send(Msg::Stored(Stored::Clear))}>{"Clear saved data"}</button>
                }
            </p>
            if let Some(chosen) = remind {
                {reminder_picker(plan, chosen, on_remind, tool(Tool::RemindDownload))}
            }
            <p class="rr-notice" role="status">{notice.clone().unwrap_or_default()}</p>
        </div>
    }
}

/// The reader's answers in a few words, each with the question that changes it.
fn chips(family: &Family, answers: &Answers) -> Vec<(String, Question)> {
    let mut chips: Vec<(String, Question)> = Vec::new();
    if let Some(o) = answers
        .onset
        .filter(|_| family.questions.contains(&Question::Onset))
    {
        chips.push((o.summary().into(), Question::Onset));
    }
    if family.questions.contains(&Question::Extras) && asks(Question::Extras, answers) {
        let mut parts = vec![];
        if answers.sitting {
            parts.push("from sitting")
        }
        if answers.morning {
            parts.push("morning stiffness")
        }
        let text = if parts.is_empty() {
            "No sitting or morning pattern".to_string()
        } else {
            capitalise(&parts.join(", "))
        };
        chips.push((text, Question::Extras));
    }
    if let Some(g) = answers.goal {
        chips.push((super::questions::goal_label(g).into(), Question::Goal));
    }
    chips
}

/// S2, before Start: the signs to stop for during the plan, with the rest (S3) one tap away.
/// The same story as the safety check's list: these three are the ones to watch for once
/// rolling has begun; the others call for care before any rolling.
fn stop_signs() -> Html {
    html! {
        <div class="rr-stopsigns">
            <h3>{"Stop and see a doctor if you notice"}</h3>
            <ul>
                { for Warning::ALL.iter().filter(|w| !w.is_urgent()).map(|w| html! { <li>{w.label()}</li> }) }
            </ul>
            <details class="rr-urgent">
                <summary>{"All warning signs"}</summary>
                <p>{"These three are the ones to watch for while you follow the plan. These need care today, before any rolling (emergency care for the first three):"}</p>
                <ul>
                    { for Warning::ALL.iter().filter(|w| w.is_urgent()).map(|w| html! { <li>{w.label()}</li> }) }
                </ul>
            </details>
        </div>
    }
}

fn capitalise(s: &str) -> String {
    // Content is plain ASCII English, and Rust's Unicode case tables cost about 25 KB.
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// Reminders that remind: for each routine of the plan and each time of day it is done, one
/// tap on a suggested time or the reader's own; then one calendar file with an alarm at each.
fn reminder_picker(
    plan: &Plan,
    chosen: &[ReminderTime<'static>],
    on_remind: &Callback<ReminderTime<'static>>,
    download: Callback<MouseEvent>,
) -> Html {
    let rows = plan.routines.iter().flat_map(|r| {
        let id = r.template.id;
        r.template
            .reminders
            .iter()
            .enumerate()
            .map(move |(slot, s)| (r.template.title, id, slot, s))
    });
    html! {
        <div class="rr-remind" role="group" aria-label="Reminder times">
            <h3 class="rr-block-title">{"When should we remind you?"}</h3>
            { for rows.map(|(title, id, slot, s)| {
                let now = chosen
                    .iter()
                    .find(|c| c.routine == id && c.slot == slot)
                    .map_or(s.default, |c| c.at);
                let pick = |at: TimeOfDay| {
                    let on_remind = on_remind.clone();
                    Callback::from(move |_: MouseEvent| on_remind.emit(ReminderTime { routine: id, slot, at }))
                };
                let own = {
                    let on_remind = on_remind.clone();
                    Callback::from(move |e: Event| {
                        let value = e
                            .target()
                            .and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok())
                            .and_then(|v| v.as_string());
                        if let Some(at) = value.as_deref().and_then(TimeOfDay::parse) {
                            on_remind.emit(ReminderTime { routine: id, slot, at });
                        }
                    })
                };
                html! {
                    <div class="rr-remind-row">
                        <p><strong>{title}</strong>{format!(" · {}", s.label)}</p>
                        <div class="rr-row">
                            { for s.choices.iter().map(|&at| html! {
                                <button type="button" class="rr-chip" aria-pressed={if at == now { "true" } else { "false" }} onclick={pick(at)}>{at.to_string()}</button>
                            }) }
                            <label class="rr-own-time">{"Other: "}<input type="time" value={now.to_string()} onchange={own} /></label>
                        </div>
                    </div>
                }
            }) }
            <button type="button" class="rr-primary" onclick={download}>{"Download reminders"}</button>
            <p class="rr-meta">{"A calendar file with an alarm at each session, for the plan's span. Open it to add the events."}</p>
        </div>
    }
}

/// "Load a saved record": a file picker styled as a link; the file is read by the shell and
/// merged, so loading never drops a session or lifts a stop (S2, S6).
fn load_record(on_load: &Callback<web_sys::File>) -> Html {
    let on_load = on_load.clone();
    let onchange = Callback::from(move |e: Event| {
        let input: Option<web_sys::HtmlInputElement> = e.target_dyn_into();
        if let Some(input) = input {
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                on_load.emit(file);
            }
            // The same file can be picked again.
            input.set_value("");
        }
    });
    html! {
        <label class="rr-link-button rr-load">
            {"Load a saved record"}
            <input type="file" class="rr-sr" accept=".json,application/json" {onchange} />
        </label>
    }
}
