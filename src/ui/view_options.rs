//! `<ViewOptions/>`: JSON or claims table, UTC or local times.

use leptos::prelude::*;

/// Two switches above the decoded token: `#view-table` shows the claims
/// tables instead of the JSON, `#local-times` shows their times in local time.
#[component]
pub fn ViewOptions(
    /// Whether the claims tables are shown.
    #[prop(into)]
    table: Signal<bool>,
    /// Whether times are shown in local time.
    #[prop(into)]
    local: Signal<bool>,
    /// Called with the new value of the table switch.
    on_table: Callback<bool>,
    /// Called with the new value of the local-time switch.
    on_local: Callback<bool>,
) -> impl IntoView {
    view! {
        <div class="view-options" role="group" aria-label="View">
            <button id="view-json" type="button" aria-pressed=move || (!table.get()).to_string() on:click=move |_| on_table.run(false)>
                "JSON"
            </button>
            <button id="view-table" type="button" aria-pressed=move || table.get().to_string() on:click=move |_| on_table.run(true)>
                "Claims table"
            </button>
            <label class="toggle">
                <input id="local-times" type="checkbox" prop:checked=local on:change=move |ev| on_local.run(event_target_checked(&ev)) />
                "Local times"
            </label>
        </div>
    }
}
