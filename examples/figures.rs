//! Writes every pictogram as an SVG file, to look at or to measure:
//! `cargo run --example figures -- DIR` (the bench measures the drawn markup this way).

use roll_routine::core::figure::{svg, ALL};

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "figures".into());
    std::fs::create_dir_all(&dir).expect("the folder for the pictures");
    for (name, pose, alt) in ALL.iter() {
        std::fs::write(format!("{dir}/{name}.svg"), svg(pose, alt)).expect("a picture written");
    }
    println!("{} pictures in {dir}", ALL.len());
}
