//! The standalone page's entry: mounts every `[data-roll-routine]` element, unless the embed
//! loader runs the page (it mounts each widget when it comes near the screen). Everything
//! else lives in the library, so tests can import it.

fn main() {
    #[cfg(target_arch = "wasm32")]
    if !roll_routine::js_api::loaded_by_embed() {
        roll_routine::mount::mount_all();
    }
}
