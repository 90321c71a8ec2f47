//! The plan's progress as a picture: one cell per session of the suggested span, each done
//! one marked with how it felt, today's place outlined; readable as text too. Shown on the
//! routine and finish screens, and printed as a tick grid.

use yew::prelude::*;

use crate::core::progress::{Cell, CheckIn, Progress};

/// A cell's kind (its colour and mark in the stylesheet) and its words (the check-in's own).
fn feel(c: CheckIn) -> (&'static str, &'static str) {
    match c {
        CheckIn::Better => ("better", c.label().0),
        // S2: only sore where rolled counts as no change.
        CheckIn::Same | CheckIn::Sore => ("same", c.label().0),
        CheckIn::Worse => ("worse", c.label().0),
        CheckIn::Sign(_) => ("stopped", "Stopped: a warning sign"),
    }
}

/// Where storage failed: progress is not kept, and the advice still holds for this visit.
pub const NOT_KEPT: &str =
    "Progress is not kept in this browser: it doesn't let this page save. The safety advice still holds while this page is open.";

/// The grid for a plan of `span` sessions; `kept` says whether storage keeps it.
pub fn view(progress: &Progress, span: u8, kept: bool) -> Html {
    let span = usize::from(span);
    if span == 0 {
        return html! {};
    }
    let done = progress.counted().min(span);
    let cells = progress.cells(span);
    html! {
        <figure class="rr-grid-box">
            <figcaption class="rr-progress-line">
                {format!("Sessions done: {done} of {span}")}
                {if kept { " · kept only in this browser" } else { " · not kept in this browser" }}
            </figcaption>
            <ol class="rr-grid" data-span={span.to_string()}>
                { for cells.into_iter().enumerate().map(|(i, cell)| {
                    let n = i + 1;
                    let (kind, text) = match cell {
                        Cell::Done(c) => (feel(c).0, format!("Session {n}: {}", feel(c).1)),
                        Cell::Next => ("next", format!("Session {n}: next")),
                        Cell::Ahead => ("ahead", format!("Session {n}: to come")),
                    };
                    html! { <li data-cell={kind}><span class="rr-sr">{text}</span></li> }
                }) }
            </ol>
            <p class="rr-grid-key" aria-hidden="true">
                <span data-cell="better"></span>{"better "}
                <span data-cell="same"></span>{"same "}
                <span data-cell="worse"></span>{"worse "}
                <span data-cell="stopped"></span>{"stopped "}
                <span data-cell="next"></span>{"next"}
            </p>
        </figure>
    }
}
