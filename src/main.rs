//! The standalone page's entry: mounts every `[data-roll-routine]` element. Everything else
//! lives in the library, so tests can import it.

fn main() {
    #[cfg(target_arch = "wasm32")]
    roll_routine::mount::mount_all();
}
