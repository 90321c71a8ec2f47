//! The question screens: one tap each, safety first (S2, S3), at most five screens.

use yew::prelude::*;

use crate::core::answers::{Answers, Goal, Onset, TimePref, Warning};
use crate::core::content::{Family, Question};
use crate::core::plan::{build, minutes_label, Outcome};
use crate::state::Msg;

/// Props of [`Questions`].
#[derive(Properties, PartialEq)]
pub struct QuestionsProps {
    /// The family being asked about.
    pub family: &'static Family,
    /// The question on screen.
    pub question: Question,
    /// The answers so far (to show current choices).
    pub answers: Answers,
    /// Sends the answer.
    pub on_msg: Callback<Msg>,
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

/// One question screen.
#[component]
pub fn Questions(props: &QuestionsProps) -> Html {
    let QuestionsProps {
        family,
        question,
        answers,
        on_msg,
    } = props;
    let index = family
        .questions
        .iter()
        .position(|q| q == question)
        .unwrap_or(0);
    let count = family.questions.len();
    let send = |m: Msg| {
        let on_msg = on_msg.clone();
        Callback::from(move |_: MouseEvent| on_msg.emit(m.clone()))
    };
    let picked = |yes: bool| if yes { "true" } else { "false" };

    let body = match question {
        Question::Safety => html! { <Safety answers={answers.clone()} on_msg={on_msg.clone()} /> },
        Question::Onset => html! {
            <>
                <h2 class="rr-title rr-focus" tabindex="-1">{"When did this pain start?"}</h2>
                <div class="rr-choices">
                    <button type="button" class="rr-choice" aria-pressed={picked(answers.onset == Some(Onset::Acute))}
                        onclick={send(Msg::Onset(Onset::Acute))}>
                        <strong>{"In the last two days"}</strong>
                        <span>{"It's new and sore"}</span>
                    </button>
                    <button type="button" class="rr-choice" aria-pressed={picked(answers.onset == Some(Onset::Chronic))}
                        onclick={send(Msg::Onset(Onset::Chronic))}>
                        <strong>{"Longer ago"}</strong>
                        <span>{"Or it keeps coming back"}</span>
                    </button>
                </div>
            </>
        },
        Question::Extras => html! { <Extras answers={answers.clone()} on_msg={on_msg.clone()} /> },
        Question::Time => {
            let minutes = |t: TimePref| {
                let a = Answers {
                    time: t,
                    warnings: Some(vec![]),
                    ..answers.clone()
                };
                match build(family, &a) {
                    Outcome::Plan(p) => minutes_label(p.routines[0].total_s()),
                    _ => String::new(),
                }
            };
            html! {
                <>
                    <h2 class="rr-title rr-focus" tabindex="-1">{"How much time do you have?"}</h2>
                    <div class="rr-choices">
                        <button type="button" class="rr-choice" aria-pressed={picked(answers.time == TimePref::Standard)}
                            onclick={send(Msg::Time(TimePref::Standard))}>
                            <strong>{"Standard"}</strong>
                            <span>{format!("About {} of rolling", minutes(TimePref::Standard))}</span>
                        </button>
                        <button type="button" class="rr-choice" aria-pressed={picked(answers.time == TimePref::Quick)}
                            onclick={send(Msg::Time(TimePref::Quick))}>
                            <strong>{"Quick"}</strong>
                            <span>{format!("About {}", minutes(TimePref::Quick))}</span>
                        </button>
                    </div>
                </>
            }
        }
        Question::Goal => html! {
            <>
                <h2 class="rr-title rr-focus" tabindex="-1">{"What are you rolling for?"}</h2>
                <div class="rr-choices">
                    { for Goal::ALL.iter().map(|&g| html! {
                        <button type="button" class="rr-choice" aria-pressed={picked(answers.goal == Some(g))}
                            onclick={send(Msg::Goal(g))}>
                            <strong>{goal_label(g)}</strong>
                        </button>
                    }) }
                </div>
            </>
        },
    };

    html! {
        <section class="rr-card rr-questions" aria-label={family.title}>
            <p class="rr-kicker">{format!("Question {} of {}", index + 1, count)}</p>
            {body}
            if index > 0 {
                <button type="button" class="rr-link-button" onclick={send(Msg::PreviousQuestion)}>{"← Back"}</button>
            }
        </section>
    }
}

/// Props of [`Safety`] and [`Extras`].
#[derive(Properties, PartialEq)]
pub struct AnswerProps {
    /// The answers so far.
    pub answers: Answers,
    /// Sends the answer.
    pub on_msg: Callback<Msg>,
}

/// The safety check: signs to tick, a clear "None of these", and a continue button.
#[component]
pub fn Safety(props: &AnswerProps) -> Html {
    let chosen = use_state(|| props.answers.warnings.clone().unwrap_or_default());
    let none = {
        let on_msg = props.on_msg.clone();
        Callback::from(move |_: MouseEvent| on_msg.emit(Msg::Warnings(vec![])))
    };
    let go = {
        let (on_msg, chosen) = (props.on_msg.clone(), chosen.clone());
        Callback::from(move |_: MouseEvent| on_msg.emit(Msg::Warnings((*chosen).clone())))
    };
    html! {
        <>
            <h2 class="rr-title rr-focus" tabindex="-1">{"First, a quick safety check"}</h2>
            <p>{"Do any of these apply to you right now? Tap all that do."}</p>
            <ul class="rr-checks">
                { for Warning::ALL.iter().map(|&w| {
                    let on = chosen.contains(&w);
                    let toggle = {
                        let chosen = chosen.clone();
                        Callback::from(move |_: MouseEvent| {
                            let mut v = (*chosen).clone();
                            if let Some(i) = v.iter().position(|&x| x == w) { v.remove(i); } else { v.push(w); }
                            chosen.set(v);
                        })
                    };
                    html! {
                        <li>
                            <button type="button" class="rr-check" aria-pressed={if on { "true" } else { "false" }} onclick={toggle}>
                                <span class="rr-box" aria-hidden="true">{if on { "✓" } else { "" }}</span>
                                {w.label()}
                            </button>
                        </li>
                    }
                }) }
            </ul>
            <div class="rr-actions">
                if chosen.is_empty() {
                    <button type="button" class="rr-primary" onclick={none}>{"None of these"}</button>
                } else {
                    <button type="button" class="rr-primary" onclick={go}>{"Continue"}</button>
                }
            </div>
        </>
    }
}

/// What goes with the pain: sitting, morning stiffness, several or neither (P2, P3).
#[component]
pub fn Extras(props: &AnswerProps) -> Html {
    let sitting = use_state(|| props.answers.sitting);
    let morning = use_state(|| props.answers.morning);
    let toggle = |s: &UseStateHandle<bool>| {
        let s = s.clone();
        Callback::from(move |_: MouseEvent| s.set(!*s))
    };
    let go = {
        let (on_msg, sitting, morning) = (props.on_msg.clone(), sitting.clone(), morning.clone());
        Callback::from(move |_: MouseEvent| {
            on_msg.emit(Msg::Extras {
                sitting: *sitting,
                morning: *morning,
            })
        })
    };
    let pressed = |b: bool| if b { "true" } else { "false" };
    html! {
        <>
            <h2 class="rr-title rr-focus" tabindex="-1">{"Does either of these sound like you?"}</h2>
            <p>{"Tap any that fit."}</p>
            <ul class="rr-checks">
                <li><button type="button" class="rr-check" aria-pressed={pressed(*sitting)} onclick={toggle(&sitting)}>
                    <span class="rr-box" aria-hidden="true">{if *sitting { "✓" } else { "" }}</span>
                    {"It builds up when I sit for a long time"}</button></li>
                <li><button type="button" class="rr-check" aria-pressed={pressed(*morning)} onclick={toggle(&morning)}>
                    <span class="rr-box" aria-hidden="true">{if *morning { "✓" } else { "" }}</span>
                    {"It's stiff first thing in the morning"}</button></li>
            </ul>
            <div class="rr-actions">
                <button type="button" class="rr-primary" onclick={go}>
                    {if *sitting || *morning { "Continue" } else { "Neither: continue" }}
                </button>
            </div>
        </>
    }
}
