//! The stop screens (S2, S3): no routine, calm and clear advice, the most urgent that
//! applies, the urgent signs always within reach, and the one way on that the rule allows.

use yew::prelude::*;

use crate::core::answers::{Screening, Warning};
use crate::core::content::{Family, Question, NOT_A_DIAGNOSIS};
use crate::core::state::{Answer, Safety, Stored};
use crate::core::state::{Msg, Reason, Stop};

/// What [`view`] shows.
pub struct StopProps<'a> {
    /// Why, and how urgent.
    pub stop: &'a Stop,
    /// The family, for its words.
    pub family: &'static Family,
    /// "A clinician has checked me" is ticked.
    pub clinician_ticked: bool,
    /// The reader's actions.
    pub on_msg: &'a Callback<Msg>,
}

/// The advice shown instead of a routine.
#[inline(never)] // compiled only when shown: see components/mod.rs
pub fn view(props: &StopProps) -> Html {
    let StopProps {
        stop,
        family,
        clinician_ticked,
        on_msg,
    } = props;
    let send = |m: Msg| super::send(on_msg, m);
    let (title, body) = match (stop.screening, stop.reason) {
        (Screening::Emergency, _) => (
            "Please get emergency care now",
            "These signs need medical help straight away, not foam rolling. Call your local emergency number or go to an emergency department.",
        ),
        (Screening::UrgentCare, _) => (
            "Please get medical care today",
            "With this sign, back pain should be checked by a doctor first. Contact your doctor or an urgent care clinic today.",
        ),
        (_, Reason::Worse) => ("Please pause rolling and see a doctor", family.worse_stop),
        (_, Reason::CheckIn(_)) => (
            "Please pause rolling and see a doctor",
            "You noticed a sign after your session that can mean a nerve or disc is involved. Please stop rolling and book a visit to your doctor or a physiotherapist.",
        ),
        _ => (
            "Stop here and see a doctor",
            "These signs can mean a nerve or disc is involved. Please have it checked before you roll. Foam rolling is for muscle tightness.",
        ),
    };
    let urgent = Warning::ALL.iter().filter(|w| w.is_urgent());
    html! {
        <section class="rr-card rr-stop" data-emergency={(stop.screening == Screening::Emergency).then_some("")} role="alert">
            <h2 class="rr-title rr-focus" tabindex="-1">{title}</h2>
            <p>{body}</p>
            if stop.screening > Screening::UrgentCare && family.questions.contains(&Question::Safety) {
                <details class="rr-urgent">
                    <summary>{"Signs that need care today"}</summary>
                    <p>{"Get medical care today if any of these apply; for the first three, emergency care now:"}</p>
                    <ul>{ for urgent.map(|w| html! { <li>{w.label()}</li> }) }</ul>
                    <button type="button" class="rr-link-button" onclick={send(Msg::Answer(Answer::Ask(Question::Safety)))}>{"One of these applies to me"}</button>
                </details>
            }
            <p class="rr-note">{NOT_A_DIAGNOSIS}</p>
            if stop.needs_clinician {
                <div class="rr-clinician">
                    <p>{"You can go on with the routine once a doctor or physiotherapist has checked you."}</p>
                    <ul class="rr-checks">
                        <li>
                            <button type="button" class="rr-check" aria-pressed={if *clinician_ticked { "true" } else { "false" }} onclick={send(Msg::Safety(Safety::ToggleClinician))}>
                                {"A clinician has checked me since this advice and says I can roll"}
                            </button>
                        </li>
                    </ul>
                    <button type="button" class="rr-secondary" disabled={!*clinician_ticked} onclick={send(Msg::Safety(Safety::ConfirmClinician))}>{"Go on with my routine"}</button>
                </div>
                <details class="rr-data">
                    <summary>{"Your saved data"}</summary>
                    <p>{"Your sessions are kept only in this browser. Clearing them does not change this advice."}</p>
                    <button type="button" class="rr-link-button" onclick={send(Msg::Stored(Stored::Clear))}>{"Clear saved data"}</button>
                </details>
            } else if stop.reason == Reason::Answers {
                <button type="button" class="rr-link-button" onclick={send(Msg::Answer(Answer::Ask(Question::Safety)))}>{"I tapped the wrong thing: change my answer"}</button>
            }
        </section>
    }
}
