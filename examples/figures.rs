//! Writes every pictogram as an SVG file, to look at or to measure:
//! `cargo run --example figures -- DIR` (the bench measures the drawn markup this way).
//! With `MOVING=1`, the player's markup: what travels during a pass in `rr-fig-go` groups
//! whose transform is the far end of the pass (drop it for the near end).

use roll_routine::core::figure::{svg, svg_moving, ALL};

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "figures".into());
    std::fs::create_dir_all(&dir).expect("the folder for the pictures");
    let draw = if std::env::var_os("MOVING").is_some() {
        svg_moving
    } else {
        svg
    };
    for p in ALL.iter() {
        std::fs::write(format!("{dir}/{}.svg", p.id), draw(p)).expect("a picture written");
    }
    println!("{} pictures in {dir}", ALL.len());
}
