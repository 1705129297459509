//! The browser entry point: install the panic hook and mount the page.

fn main() {
    console_error_panic_hook::set_once();
    jwt_lens::ui::mount();
}
