//! Host options (widget.md, bad-input table).

// ---- Host options (widget.md, bad-input table) ----

use roll_routine::options::{Options, DEFAULT_BASE};

#[test]
fn s2_each_family_keeps_its_own_progress_unless_the_host_names_a_key() {
    use roll_routine::core::content::{FOREARMS, LOWER_BACK};
    let back = Options::default();
    let hands = Options {
        family: &FOREARMS,
        ..Options::default()
    };
    assert_eq!(back.family, &LOWER_BACK);
    assert_ne!(
        back.storage_key(),
        hands.storage_key(),
        "a worse on the hands never stops the back"
    );
    assert_eq!(
        back.storage_key(),
        "roll-routine",
        "the back keeps the key it always had"
    );
    let (shared, _) = Options::from_pairs([("family", "forearms"), ("storage-key", "mine")]);
    assert_eq!(shared.storage_key(), "mine");
}

#[test]
fn bad_input_unknown_or_malformed_option_uses_default_with_one_warning() {
    let (o, w) = Options::from_pairs([
        ("colour", "red"),
        ("family", "knees"),
        ("storageKey", "a b"),
    ]);
    assert_eq!(o, Options::default());
    assert_eq!(w.len(), 3, "{w:?}");
    assert!(w[0].contains("colour") && w[1].contains("family") && w[2].contains("storageKey"));
}

#[test]
fn bad_input_non_http_link_base_is_refused() {
    for bad in [
        "javascript:alert(1)",
        "data:text/html,hi",
        "//evil.example",
        "ftp://x",
        "https://",
        "https://a b",
    ] {
        let (o, w) = Options::from_pairs([("base", bad)]);
        assert_eq!(o.base, DEFAULT_BASE, "{bad}");
        assert_eq!(w.len(), 1);
    }
}

#[test]
fn good_options_are_taken() {
    let (o, w) = Options::from_pairs([
        ("roll-routine", ""),
        ("base", "http://127.0.0.1:8080/"),
        ("family", "forearms"),
        ("storage-key", "rr.page-2"),
        ("setUrl", "https://321strong.com/products/set"),
        ("remember", "off"),
    ]);
    assert!(w.is_empty(), "{w:?}");
    assert_eq!(o.url("/x"), "http://127.0.0.1:8080/x");
    assert_eq!(o.family.id, "forearms");
    assert_eq!(o.storage_key(), "rr.page-2");
    assert_eq!(
        o.set_url.as_deref(),
        Some("https://321strong.com/products/set")
    );
    assert!(!o.remember);
}
