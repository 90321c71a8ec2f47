//! After the session: a one-tap check-in (better, same, worse, or an S2 sign), and the plan's
//! progress. A sign, or a pattern of "worse", stops the plan (the reducer decides).

use yew::prelude::*;

use crate::core::content::{Family, Question, NOT_A_DIAGNOSIS};
use crate::core::plan::Routine;
use crate::core::progress::{CheckIn, Progress};
use crate::core::state::Msg;
use crate::core::state::{Answer, Play};

/// What [`view`] shows.
pub struct FinishProps<'a> {
    /// The family, for its words and its check-in signs.
    pub family: &'static Family,
    /// The routine just done.
    pub routine: &'a Routine,
    /// Reached the end, or ended early.
    pub completed: bool,
    /// Enough was rolled to count toward the plan.
    pub counted: bool,
    /// The check-in, once given.
    pub checkin: Option<CheckIn>,
    /// Progress so far.
    pub progress: &'a Progress,
    /// Storage keeps the progress.
    pub kept: bool,
    /// The reader's actions.
    pub on_msg: &'a Callback<Msg>,
}

/// The end-of-session screen.
#[inline(never)] // compiled only when shown: see components/mod.rs
pub fn view(props: &FinishProps) -> Html {
    let FinishProps {
        family,
        routine,
        completed,
        counted,
        checkin,
        progress,
        kept,
        on_msg,
    } = props;
    let send = |m: Msg| super::send(on_msg, m);
    let span = routine.template.span_sessions;
    let choice = |c: CheckIn, label: &'static str| {
        html! { <button type="button" class="rr-choice" onclick={send(Msg::Play(Play::CheckIn(c)))}><strong>{label}</strong></button> }
    };
    html! {
        <section class="rr-card rr-finish" aria-label="Session finished">
            <h2 class="rr-title rr-focus" tabindex="-1">{if *completed { "Nicely done" } else { "Session ended" }}</h2>
            if checkin.is_none() {
                <p>{family.checkin_question}</p>
                <div class="rr-choices rr-row">
                    {choice(CheckIn::Better, "Better")}
                    {choice(CheckIn::Same, "About the same")}
                    {choice(CheckIn::Worse, "Worse")}
                </div>
                if !family.checkin_signs.is_empty() {
                    <p class="rr-signs-intro">{"Or did you notice one of these?"}</p>
                    <div class="rr-choices">
                        { for family.checkin_signs.iter().map(|&w| html! {
                            <button type="button" class="rr-choice rr-sign" onclick={send(Msg::Play(Play::CheckIn(CheckIn::Sign(w))))}><strong>{w.label()}</strong></button>
                        }) }
                    </div>
                    // S3: the urgent signs are one tap away too, on the safety check.
                    <button type="button" class="rr-link-button" onclick={send(Msg::Answer(Answer::Ask(Question::Safety)))}>{"Something else worries me: see all the warning signs"}</button>
                }
            } else {
                <p class="rr-saved" role="status">
                    {match (*counted, *kept) {
                        (_, false) => super::progress::NOT_KEPT,
                        (true, true) => "Saved in this browser only.",
                        (false, true) => "A short session: it does not count toward your plan.",
                    }}
                </p>
                {super::progress::view(progress, span, *kept)}
                if *checkin == Some(CheckIn::Worse) {
                    <p class="rr-warning">{"Sorry it feels worse. Go gently next time. If it feels worse again soon, please stop and see a doctor."}</p>
                } else {
                    <p><strong>{"When to roll next: "}</strong>{routine.template.schedule}</p>
                }
            }
            <p class="rr-note">{NOT_A_DIAGNOSIS}</p>
            // The check-in first: one tap, and it keeps the plan safe (S2).
            if checkin.is_some() {
                <div class="rr-tools">
                    <button type="button" class="rr-secondary" onclick={send(Msg::Play(Play::ShowRoutine))}>{"Back to my routine"}</button>
                </div>
            }
        </section>
    }
}
