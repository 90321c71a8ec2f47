//! Hello world in Yew 0.23: a counter and an interval. Only the benchmark builds it.
use gloo_timers::callback::Interval;
use yew::prelude::*;

#[component]
fn App() -> Html {
    let count = use_state(|| 0u32);
    let ticks = use_state(|| 0u32);
    {
        let ticks = ticks.clone();
        use_effect_with((), move |_| {
            let interval = Interval::new(1000, move || ticks.set(*ticks + 1));
            move || drop(interval)
        });
    }
    let onclick = {
        let count = count.clone();
        Callback::from(move |_| count.set(*count + 1))
    };
    html! {
        <div class="hello">
            <h1>{"Hello, world"}</h1>
            <button {onclick}>{format!("Clicked {} times", *count)}</button>
            <p>{format!("{} seconds", *ticks)}</p>
        </div>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
