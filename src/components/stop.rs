//! The safety outcomes (S2, S3): no routine, calm and clear advice.

use yew::prelude::*;

use crate::core::answers::Screening;
use crate::core::content::{Question, NOT_A_DIAGNOSIS};
use crate::state::Msg;

/// What [`view`] shows.
pub struct StopProps<'a> {
    /// How urgent.
    pub screening: Screening,
    /// The stop comes from "worse" check-ins after sessions, not from the safety check.
    pub worse: bool,
    /// Lets the reader change a mistaken answer.
    pub on_msg: &'a Callback<Msg>,
}

/// The advice shown instead of a routine.
#[inline(never)] // compiled only when shown: see components/mod.rs
pub fn view(props: &StopProps) -> Html {
    let (title, body) = match props.screening {
        _ if props.worse => (
            "Time to stop and see a doctor",
            "Your back has felt worse after your recent sessions. Please stop rolling and have it checked: pain that grows after each session is a sign to see a doctor.",
        ),
        Screening::Emergency => (
            "Please get emergency care now",
            "These signs need medical help straight away, not foam rolling. Call your local emergency number or go to an emergency department.",
        ),
        Screening::UrgentCare => (
            "Please get medical care today",
            "With this sign, back pain should be checked by a doctor first. Contact your doctor or an urgent care clinic today.",
        ),
        _ => (
            "Stop here and see a doctor",
            "These signs can mean a nerve or disc is involved. Please have it checked before you roll. Foam rolling is for muscle tightness.",
        ),
    };
    let (label, msg) = if props.worse {
        ("Clear my saved sessions", Msg::ClearProgress)
    } else {
        (
            "I tapped the wrong thing: change my answer",
            Msg::Ask(Question::Safety),
        )
    };
    let change = super::send(props.on_msg, msg);
    html! {
        <section class="rr-card rr-stop" data-emergency={(props.screening == Screening::Emergency).then_some("")} role="alert">
            <h2 class="rr-title rr-focus" tabindex="-1">{title}</h2>
            <p>{body}</p>
            <p class="rr-note">{NOT_A_DIAGNOSIS}</p>
            <button type="button" class="rr-link-button" onclick={change}>{label}</button>
        </section>
    }
}
