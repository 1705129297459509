//! The first visit's script: paints the pasted token before the app arrives
//! (`jwt_lens::ui::first_paint`). No panic hook: the core does not panic,
//! and the hook's formatting would cost the first visit bytes.

fn main() {
    jwt_lens::ui::first_paint();
}
