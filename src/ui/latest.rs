//! The answer of asynchronous work (a wasm module loaded on demand, WebCrypto)
//! for the newest request only.

use std::future::Future;

use leptos::prelude::*;

/// Runs `work` whenever `ask` changes to a request, and gives its answer
/// while that request is still the current one: `None` while the work runs,
/// when there is no request, or once the request changed. A slow answer for
/// an old request never shows, nor overwrites a newer one; with no request,
/// the last answer is dropped too, so nothing derived from a cleared key
/// stays in memory.
pub fn latest<Q, A, Fut>(
    ask: Memo<Option<Q>>,
    work: impl Fn(Q) -> Fut + Copy + 'static,
) -> Signal<Option<A>>
where
    Q: Clone + PartialEq + Send + Sync + 'static,
    A: Clone + Send + Sync + 'static,
    Fut: Future<Output = A> + 'static,
{
    let answer = RwSignal::new(None::<(Q, A)>);
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        generation.update_value(|g| *g += 1);
        let Some(request) = ask.get() else {
            answer.set(None);
            return;
        };
        let mine = generation.get_value();
        leptos::task::spawn_local(async move {
            let outcome = work(request.clone()).await;
            if generation.get_value() == mine {
                answer.set(Some((request, outcome)));
            }
        });
    });
    Signal::derive(move || {
        ask.with(|request| {
            let request = request.as_ref()?;
            answer.with(|a| match a {
                Some((asked, outcome)) if asked == request => Some(outcome.clone()),
                _ => None,
            })
        })
    })
}

/// Counts the changes of `source`: 0 at first, one more each time it
/// changes. Asynchronous work remembers the count it started at, so that
/// what it finishes is known to be for the current value or not.
pub fn changes(source: impl Track + Send + Sync + 'static) -> Memo<u64> {
    Memo::new(move |previous: Option<&u64>| {
        source.track();
        previous.map_or(0, |count| count + 1)
    })
}
