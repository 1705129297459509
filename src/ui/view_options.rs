//! `<ViewOptions/>`: JSON or claims table, UTC or local times.

use leptos::prelude::*;

/// Two switches above the decoded token: the radio buttons `#view-json` and
/// `#view-table` choose the JSON or the claims tables, and the checkbox
/// `#local-times` shows the tables' times in local time. Native controls keep
/// their own state, so nothing here re-renders.
#[component]
pub fn ViewOptions(
    /// Called with `true` for the claims tables, `false` for the JSON.
    on_table: Callback<bool>,
    /// Called with the new value of the local-time switch.
    on_local: Callback<bool>,
) -> impl IntoView {
    view! {
        <div class="view-options" role="radiogroup" aria-label="View">
            <input id="view-json" type="radio" name="view" checked on:change=move |_| on_table.run(false) />
            <label for="view-json">"JSON"</label>
            <input id="view-table" type="radio" name="view" on:change=move |_| on_table.run(true) />
            <label for="view-table">"Claims table"</label>
            <label class="toggle">
                <input id="local-times" type="checkbox" on:change=move |ev| on_local.run(event_target_checked(&ev)) />
                "Local times"
            </label>
        </div>
    }
}
