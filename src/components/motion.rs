//! The player's picture and its visual cue (issue 19).
//!
//! The picture moves as the reader should, with no script per frame: the core draws what
//! travels during a pass in `rr-fig-go` groups whose transform is the far end of the pass
//! ([`figure::svg_moving`]), and the stylesheet animates them there and back in the pace
//! time, started in the same render as the pace dot. `data-motion` says what it does: `go`
//! while rolling (paused with the player), `hold` on a tender spot (stopped where it is), and
//! `still` while getting ready or switching sides. A LEFT side is drawn mirrored.
//!
//! The visual cue is an element keyed by the segment and the holds done, so Yew makes a new
//! one at every start, side switch, step end and hold end, and its CSS animation plays once.

use yew::{html, AttrValue, Html};

use crate::core::figure;
use crate::core::figure::Picture;
use crate::core::plan::Side;
use crate::core::player::{Kind, Player};

/// The picture of the current position, for the player.
pub fn view(picture: &Picture, player: &Player) -> Html {
    let Some(seg) = player.current() else {
        return html! {};
    };
    let motion = match seg.kind {
        Kind::Roll if player.holding() => "hold",
        Kind::Roll => "go",
        Kind::GetReady | Kind::Switch => "still",
    };
    let side = match seg.side {
        Side::Left => Some("left"),
        Side::Right => Some("right"),
        Side::Centre => None,
    };
    let svg = figure::svg_moving(picture);
    html! {
        <>
            <div class="rr-player-fig" data-motion={motion} data-side={side}>
                {Html::from_html_unchecked(AttrValue::from(svg))}
            </div>
            {flash(player.index() * 1000 + player.holds_done() as usize)}
        </>
    }
}

/// A visual cue seen from across a room: a new element for each new `key`, whose CSS
/// animation flashes once (a tint under reduced motion; never more than three a second).
pub fn flash(key: usize) -> Html {
    html! { <><div key={key} class="rr-flash" aria-hidden="true"></div></> }
}
