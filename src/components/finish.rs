//! After the session: a one-tap check-in and the plan's progress (S2 when it keeps getting
//! worse).

use yew::prelude::*;

use crate::core::plan::Routine;
use crate::core::progress::{CheckIn, Progress};
use crate::state::Msg;

/// What [`view`] shows.
pub struct FinishProps<'a> {
    /// The routine just done.
    pub routine: &'a Routine,
    /// Reached the end, or ended early.
    pub completed: bool,
    /// The check-in, once given.
    pub checkin: Option<CheckIn>,
    /// Progress so far.
    pub progress: &'a Progress,
    /// The reader's actions.
    pub on_msg: &'a Callback<Msg>,
}

/// The end-of-session screen.
#[inline(never)] // compiled only when shown: see components/mod.rs
pub fn view(props: &FinishProps) -> Html {
    let FinishProps {
        routine,
        completed,
        checkin,
        progress,
        on_msg,
    } = props;
    let send = |m: Msg| super::send(on_msg, m);
    let span = routine.template.span_sessions;
    html! {
        <section class="rr-card rr-finish" aria-label="Session finished">
            <h2 class="rr-title rr-focus" tabindex="-1">{if *completed { "Nicely done" } else { "Session ended" }}</h2>
            if checkin.is_none() {
                <p>{"How does your back feel compared with before you started?"}</p>
                <div class="rr-choices rr-row">
                    <button type="button" class="rr-choice" onclick={send(Msg::CheckIn(CheckIn::Better))}><strong>{"Better"}</strong></button>
                    <button type="button" class="rr-choice" onclick={send(Msg::CheckIn(CheckIn::Same))}><strong>{"About the same"}</strong></button>
                    <button type="button" class="rr-choice" onclick={send(Msg::CheckIn(CheckIn::Worse))}><strong>{"Worse"}</strong></button>
                </div>
            } else {
                <p class="rr-progress-line" role="status">
                    if span > 0 {
                        {format!("Session {} of {} in your plan. ", progress.sessions.min(u32::from(span)), span)}
                    }
                    {"Saved in this browser only."}
                </p>
                if *checkin == Some(CheckIn::Worse) {
                    <p class="rr-warning">{"Sorry it feels worse. Go gently next time; if it is worse again after your next session, stop and see a doctor."}</p>
                } else {
                    <p><strong>{"When to roll next: "}</strong>{routine.template.schedule}</p>
                }
            }
            <div class="rr-tools">
                <button type="button" class="rr-secondary" onclick={send(Msg::ShowOutcome)}>{"Back to my routine"}</button>
                <button type="button" class="rr-link-button" onclick={send(Msg::ClearProgress)}>{"Clear saved sessions"}</button>
            </div>
        </section>
    }
}
