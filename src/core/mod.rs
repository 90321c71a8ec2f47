//! The pure core: answers in, routine out, and the session player's state machine.
//!
//! Nothing in here touches the browser, a clock or storage: time and stored text come in as
//! arguments, so every rule runs under plain native `cargo test`.

pub mod answers;
pub mod calendar;
pub mod content;
pub mod cues;
pub mod dates;
pub mod figure;
pub mod plan;
pub mod player;
pub mod progress;
pub mod record;
pub mod share;
