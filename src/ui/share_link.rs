//! `<ShareLink/>`: a link that opens JWT Lens with this token, never the secret.

use leptos::prelude::*;

use super::browser;
use super::copy_button::CopyButton;

/// Longer tokens get no link: few tools accept URLs that long, and laying out
/// a megabyte in the link field would stall the page.
const MAX_LINK_TOKEN: usize = 64 * 1024;

/// `#share-link` (read-only) with a copy button `#share-button`, and a note
/// that the secret is never included. The fragment never reaches a server.
#[component]
pub fn ShareLink(
    /// The cleaned token; empty when there is nothing to share.
    #[prop(into)]
    token: Signal<String>,
) -> impl IntoView {
    let link = Signal::derive(move || {
        token.with(|t| match t.len() {
            0 => String::new(),
            n if n > MAX_LINK_TOKEN => format!(
                "This token is {} KB: too long to share as a link.",
                n / 1024
            ),
            _ => browser::share_link(t),
        })
    });
    view! {
        <div class="share needs-token">
            <label for="share-link">"Share link"</label>
            <div class="share-row">
                <input id="share-link" type="text" readonly prop:value=link />
                <CopyButton id="share-button" label="Copy link" text=link />
            </div>
            <p class="hint">"The link carries the token in its #fragment, which browsers never send to a server. It never includes the secret."</p>
        </div>
    }
}
