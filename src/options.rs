//! The host page's options, from `data-` attributes or a JavaScript object, checked and
//! defaulted here without touching the browser. Every unknown or malformed option gives one
//! warning naming it and falls back to its default (the bad-input table of the spec).

use crate::core::content::{family, Family, LOWER_BACK};

/// The default base address for article links (routine-rules.md, L).
pub const DEFAULT_BASE: &str = "https://321strong.com";
/// The default key for the reader's progress in local storage.
pub const DEFAULT_STORAGE_KEY: &str = "roll-routine";

/// Options a host page can set.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Base address that article paths are joined to (`data-base`).
    pub base: String,
    /// Routine family (`data-family`): `lower-back` or `forearms`.
    pub family: &'static Family,
    /// Local-storage key for progress (`data-storage-key`); two widgets on one page may share
    /// or separate their progress.
    pub storage_key: String,
    /// Address of the 5-in-1 set's product page (`data-set-url`, E2); no link when absent.
    pub set_url: Option<String>,
    /// Keep progress in local storage (`data-remember="off"` turns it off).
    pub remember: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            base: DEFAULT_BASE.to_string(),
            family: &LOWER_BACK,
            storage_key: DEFAULT_STORAGE_KEY.to_string(),
            set_url: None,
            remember: true,
        }
    }
}

/// The option names, as `data-` attributes (without the prefix) and as JS object keys.
pub const NAMES: [&str; 5] = ["base", "family", "storage-key", "set-url", "remember"];

impl Options {
    /// Reads options from name/value pairs. Names may be written `storage-key` or
    /// `storageKey`. Returns the options and one warning per refused option.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (Self, Vec<String>) {
        let mut o = Self::default();
        let mut warnings = Vec::new();
        for (raw_name, value) in pairs {
            let name = kebab(raw_name);
            let ok = match name.as_str() {
                "base" => http_url(value).map(|v| o.base = v.trim_end_matches('/').to_string()),
                "family" => family(value.trim()).map(|f| o.family = f),
                "storage-key" => storage_key(value).map(|k| o.storage_key = k),
                "set-url" => http_url(value).map(|v| o.set_url = Some(v)),
                "remember" => match value.trim() {
                    "on" | "true" | "" => Some(true),
                    "off" | "false" => Some(false),
                    _ => None,
                }
                .map(|r| o.remember = r),
                // The marker attribute itself (`data-roll-routine`) is not an option.
                "roll-routine" => Some(()),
                _ => {
                    warnings.push(format!(
                        "roll-routine: unknown option \"{raw_name}\" ignored"
                    ));
                    continue;
                }
            };
            if ok.is_none() {
                warnings.push(format!(
                    "roll-routine: option \"{raw_name}\" has a value that can't be used; the default is kept"
                ));
            }
        }
        (o, warnings)
    }

    /// The full address of a blog path.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }
}

fn kebab(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 2);
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            out.push('-');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Accepts only absolute http(s) addresses with a host: `javascript:`, `data:` and relative
/// text are refused.
pub fn http_url(value: &str) -> Option<String> {
    let v = value.trim();
    let rest = v
        .strip_prefix("https://")
        .or_else(|| v.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let bad = |c: char| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\');
    (!host.is_empty() && !v.chars().any(bad)).then(|| v.to_string())
}

fn storage_key(value: &str) -> Option<String> {
    let v = value.trim();
    let ok = !v.is_empty()
        && v.len() <= 64
        && v.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    ok.then(|| v.to_string())
}
