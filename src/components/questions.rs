//! The question screens: one tap each, safety first (S2, S3), at most five screens.

use yew::prelude::*;

use crate::core::answers::{Answers, Goal, Onset, Warning};
use crate::core::content::Question;
use crate::core::state::Answer;
use crate::core::state::{Draft, Msg, State};

/// What [`view`] shows.
pub struct QuestionsProps<'a> {
    /// The widget's state: the family, the answers so far and the question's draft (current
    /// choices are shown pressed).
    pub state: &'a State,
    /// The question on screen.
    pub question: Question,
    /// Sends the answer.
    pub on_msg: &'a Callback<Msg>,
}

/// The reader-facing wording of a goal.
pub fn goal_label(g: Goal) -> &'static str {
    match g {
        Goal::WarmUp => "A warm-up before climbing, music or other hand-heavy work",
        Goal::AfterGrip => "Recovery after grip-heavy work or sport",
        Goal::Recovering => "Easing tightness that has built up",
        Goal::Typing => "Tired forearms from typing",
    }
}

fn pressed(yes: bool) -> &'static str {
    if yes {
        "true"
    } else {
        "false"
    }
}

/// A toggle row: one tap ticks or unticks it. The box is drawn by the stylesheet from
/// `aria-pressed`, so the state has one source and the row one element less.
fn check(on: bool, label: &'static str, onclick: Callback<MouseEvent>) -> Html {
    html! {
        <li>
            <button type="button" class="rr-check" aria-pressed={pressed(on)} {onclick}>
                {label}
            </button>
        </li>
    }
}

/// A one-tap choice with an optional second line.
fn choice(
    on: bool,
    title: &'static str,
    detail: Option<String>,
    onclick: Callback<MouseEvent>,
) -> Html {
    html! {
        <button type="button" class="rr-choice" aria-pressed={pressed(on)} {onclick}>
            <strong>{title}</strong>
            if let Some(d) = detail { <span>{d}</span> }
        </button>
    }
}

/// One question screen. Each question's body is its own function, compiled only when shown.
#[inline(never)] // compiled only when shown: see components/mod.rs
pub fn view(props: &QuestionsProps) -> Html {
    let QuestionsProps {
        state,
        question,
        on_msg,
    } = props;
    let (family, answers, draft) = (state.family, &state.answers, &state.draft);
    let asked = state.questions();
    let index = asked.iter().position(|q| q == question).unwrap_or(0);
    let body = match question {
        Question::Safety => safety(draft, state.daily_check, on_msg),
        Question::Onset => onset(answers, on_msg),
        Question::Extras => extras(draft, on_msg),
        // No family asks it any more (see content.rs); kept in the enum for share links.
        Question::Time => Html::default(),
        Question::Goal => goal(answers, on_msg),
    };
    html! {
        <section class="rr-card rr-questions" aria-label={family.title}>
            if !state.daily_check {
                <p class="rr-kicker">{format!("Question {} of {}", index + 1, asked.len())}</p>
            }
            {body}
            if index > 0 {
                <button type="button" class="rr-link-button" onclick={super::send(on_msg, Msg::Answer(Answer::Previous))}>{"← Back"}</button>
            }
        </section>
    }
}

fn title(t: &'static str) -> Html {
    html! { <h2 class="rr-title rr-focus" tabindex="-1">{t}</h2> }
}

#[inline(never)]
fn safety(draft: &Draft, daily: bool, on_msg: &Callback<Msg>) -> Html {
    let send = |m: Msg| super::send(on_msg, m);
    let chosen = &draft.warnings;
    html! {
        <>
            {title(if daily { "Before today's session: a quick check" } else { "First, a quick safety check" })}
            <p>{"Do any of these apply to you right now? Tap all that do."}</p>
            <ul class="rr-checks">
                { for Warning::ALL.iter().map(|&w| check(chosen.contains(&w), w.label(), send(Msg::Answer(Answer::ToggleWarning(w))))) }
            </ul>
            <div class="rr-actions">
                <button type="button" class="rr-primary" onclick={send(Msg::Answer(Answer::ConfirmSafety))}>
                    {if chosen.is_empty() { "None of these" } else { "Continue" }}
                </button>
            </div>
        </>
    }
}

#[inline(never)]
fn onset(answers: &Answers, on_msg: &Callback<Msg>) -> Html {
    let send = |m: Msg| super::send(on_msg, m);
    html! {
        <>
            {title("When did this pain start?")}
            <div class="rr-choices">
                {choice(answers.onset == Some(Onset::Acute), "In the last two days", Some("It's new and sore".into()), send(Msg::Answer(Answer::Onset(Onset::Acute))))}
                {choice(answers.onset == Some(Onset::Chronic), "Longer ago", Some("Or it keeps coming back".into()), send(Msg::Answer(Answer::Onset(Onset::Chronic))))}
            </div>
        </>
    }
}

#[inline(never)]
fn extras(draft: &Draft, on_msg: &Callback<Msg>) -> Html {
    let send = |m: Msg| super::send(on_msg, m);
    let (sitting, morning) = (draft.sitting, draft.morning);
    html! {
        <>
            {title("Does either of these sound like you?")}
            <p>{"Tap any that fit."}</p>
            <ul class="rr-checks">
                {check(sitting, "It builds up when I sit for a long time", send(Msg::Answer(Answer::ToggleSitting)))}
                {check(morning, "It's stiff first thing in the morning", send(Msg::Answer(Answer::ToggleMorning)))}
            </ul>
            <div class="rr-actions">
                <button type="button" class="rr-primary" onclick={send(Msg::Answer(Answer::ConfirmExtras))}>
                    {if sitting || morning { "Continue" } else { "Neither: continue" }}
                </button>
            </div>
        </>
    }
}

#[inline(never)]
fn goal(answers: &Answers, on_msg: &Callback<Msg>) -> Html {
    let send = |m: Msg| super::send(on_msg, m);
    html! {
        <>
            {title("What are you rolling for?")}
            <div class="rr-choices">
                { for Goal::ALL.iter().map(|&g| choice(answers.goal == Some(g), goal_label(g), None, send(Msg::Answer(Answer::Goal(g))))) }
            </div>
        </>
    }
}
