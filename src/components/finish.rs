//! After the session: a one-tap check-in about the pain itself (S2: better, same, only sore
//! where rolled, worse), the "stop and see a doctor" signs set apart from it, and the plan's
//! progress. A sign, or a pattern of "worse", stops the plan (the reducer decides); one
//! answer can be undone while this screen is open.

use yew::prelude::*;

use crate::core::answers::Warning;
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

/// The end-of-session screen: the question first, the title once it is answered.
#[inline(never)] // compiled only when shown: see components/mod.rs
pub fn view(props: &FinishProps) -> Html {
    match props.checkin {
        None => ask(props),
        Some(answer) => answered(props, answer),
    }
}

/// The check-in: the question about the pain itself first, the title after the answer.
fn ask(props: &FinishProps) -> Html {
    let FinishProps {
        family,
        completed,
        on_msg,
        ..
    } = props;
    let send = |m: Msg| super::send(on_msg, m);
    let choice = |c: CheckIn| {
        let (label, detail) = c.label();
        html! {
            <button type="button" class="rr-choice" onclick={send(Msg::Play(Play::CheckIn(c)))}>
                <strong>{label}</strong>
                if !detail.is_empty() { <span>{detail}</span> }
            </button>
        }
    };
    html! {
        <section class="rr-card rr-finish" aria-label="Check-in">
            <p class="rr-kicker">{if *completed { "Session done" } else { "Session ended" }}</p>
            <h2 class="rr-title rr-focus" tabindex="-1">{family.checkin_question}</h2>
            <p class="rr-meta">{family.checkin_hint}</p>
            <div class="rr-choices">
                { for [CheckIn::Better, CheckIn::Same, CheckIn::Sore, CheckIn::Worse].into_iter().map(choice) }
            </div>
            if !family.checkin_signs.is_empty() {
                <div class="rr-stopsigns" role="group" aria-label="Stop and see a doctor">
                    <h3>{"Stop and see a doctor if you notice"}</h3>
                    <p class="rr-meta">{"The signs to watch for after a session. Tap one if you notice it:"}</p>
                    <div class="rr-choices">
                        { for family.checkin_signs.iter().map(|&w| html! {
                            <button type="button" class="rr-choice rr-sign" onclick={send(Msg::Play(Play::CheckIn(CheckIn::Sign(w))))}><strong>{w.label()}</strong></button>
                        }) }
                    </div>
                    <p class="rr-meta">{Warning::WorseEachSession.label()}{": your answers above keep track of it."}</p>
                    // S3: every sign is one tap away, on the safety check.
                    <button type="button" class="rr-link-button" onclick={send(Msg::Answer(Answer::Ask(Question::Safety)))}>{"All warning signs"}</button>
                </div>
            }
            <p class="rr-note">{NOT_A_DIAGNOSIS}</p>
        </section>
    }
}

/// After the answer: what was said (with one undo), whether it is kept, the progress, and
/// when to roll next.
fn answered(props: &FinishProps, answer: CheckIn) -> Html {
    let FinishProps {
        family,
        routine,
        completed,
        counted,
        progress,
        kept,
        on_msg,
        ..
    } = props;
    let send = |m: Msg| super::send(on_msg, m);
    let said = match answer {
        CheckIn::Sore => "Only sore where I rolled (counted as no change)",
        other => other.label().0,
    };
    html! {
        <section class="rr-card rr-finish" aria-label="Session finished">
            <h2 class="rr-title rr-focus" tabindex="-1">{if *completed { "Nicely done" } else { "Session ended" }}</h2>
            <p class="rr-saved" role="status">
                {format!("Your answer: {said}. ")}
                {match (*counted, *kept) {
                    (_, false) => super::progress::NOT_KEPT,
                    (true, true) => "Saved in this browser only.",
                    (false, true) => "A short session: it does not count toward your plan.",
                }}
            </p>
            <button type="button" class="rr-link-button" onclick={send(Msg::Play(Play::UndoCheckIn))}>{"Undo my answer"}</button>
            {super::progress::view(progress, routine.template.span_sessions, *kept)}
            if answer == CheckIn::Worse {
                <p class="rr-warning">{"Sorry it's worse. Go gently next time. "}{family.worse_watch}{" Another \"worse\" soon pauses the plan."}</p>
            } else {
                <p><strong>{"When to roll next: "}</strong>{routine.template.schedule}</p>
            }
            <p class="rr-note">{NOT_A_DIAGNOSIS}</p>
            <div class="rr-tools">
                <button type="button" class="rr-secondary" onclick={send(Msg::Play(Play::ShowRoutine))}>{"Back to my routine"}</button>
            </div>
        </section>
    }
}
