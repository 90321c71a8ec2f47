//! The host page's options, from `data-` attributes or a JavaScript object, checked and
//! defaulted here without touching the browser. Every unknown or malformed option gives one
//! warning naming it and falls back to its default (the bad-input table of the spec).

use serde::Serialize;

use crate::core::content::{family, Family, LOWER_BACK};

/// The default base address for article links (routine-rules.md, L).
pub const DEFAULT_BASE: &str = "https://321strong.com";

/// Options a host page can set.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Base address that article paths are joined to (`data-base`).
    pub base: String,
    /// Routine family (`data-family`): `lower-back` or `forearms`.
    pub family: &'static Family,
    /// Local-storage key for progress (`data-storage-key`); two widgets on one page may share
    /// or separate their progress. Without one, each family keeps its own (see
    /// [`Options::storage_key`]).
    pub storage_key: Option<String>,
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
            storage_key: None,
            set_url: None,
            remember: true,
        }
    }
}

/// The option names, as `data-` attributes (without the prefix), as attributes of the
/// `<roll-routine>` element, and (in camel case) as JS object keys.
pub const NAMES: [&str; 5] = ["base", "family", "storage-key", "set-url", "remember"];

/// One option value as the host gave it.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Text, or a boolean written as text (`true`, `false`).
    Text(String),
    /// `null` or `undefined` in a JS object: as if the option were not given.
    Absent,
    /// Anything else (a number, an object, a function): refused, the default is kept.
    Bad,
}

/// Options as a host gave them, in order: a JS object's entries (read in `js_api.rs`), the
/// attributes of the host element, or name/value pairs. [`Options::check`] reads them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Given(pub Vec<(String, Value)>);

impl Given {
    /// Name/value pairs, as attributes give them.
    pub fn pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        Given(
            pairs
                .into_iter()
                .map(|(k, v)| (k.to_string(), Value::Text(v.to_string())))
                .collect(),
        )
    }
}

impl Options {
    /// Reads options from name/value pairs. Names may be written `storage-key` or
    /// `storageKey`. Returns the options and one warning per refused option.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (Self, Vec<String>) {
        Self::check(Given::pairs(pairs))
    }

    /// The key the reader's progress is kept under: the host's, or the family's own, so a
    /// "worse" on the hands widget never stops the back plan (S2).
    pub fn storage_key(&self) -> &str {
        self.storage_key
            .as_deref()
            .unwrap_or(self.family.storage_key)
    }

    /// [`Options::check`], skipped when nothing is given (most embeds), so that its code is
    /// not compiled before the first screen.
    #[inline]
    pub fn checked(given: Given) -> (Self, Vec<String>) {
        if given.0.is_empty() {
            (Self::default(), Vec::new())
        } else {
            Self::check(given)
        }
    }

    /// The one place options are checked: every source ends here. Later values win; each
    /// unknown name and each value that can't be used gives one warning naming it, and the
    /// option keeps its default.
    #[inline(never)]
    pub fn check(given: Given) -> (Self, Vec<String>) {
        let mut o = Self::default();
        let mut warnings: Vec<String> = Vec::new();
        for (raw_name, value) in given.0 {
            let value = match value {
                Value::Text(v) => Some(v),
                Value::Absent => continue,
                Value::Bad => None,
            };
            let name = kebab(&raw_name);
            let value = value.as_deref();
            let ok = value.and_then(|value| match name.as_str() {
                "base" => http_url(value).map(|v| o.base = v.trim_end_matches('/').to_string()),
                "family" => family(value.trim()).map(|f| o.family = f),
                "storage-key" => storage_key(value).map(|k| o.storage_key = Some(k)),
                "set-url" => http_url(value).map(|v| o.set_url = Some(v)),
                "remember" => match value.trim() {
                    "on" | "true" | "" => Some(true),
                    "off" | "false" => Some(false),
                    _ => None,
                }
                .map(|r| o.remember = r),
                _ => Some(()),
            });
            // The marker attribute itself (`data-roll-routine`) is not an option.
            let known = NAMES.contains(&name.as_str()) || name == "roll-routine";
            let warning = if !known {
                format!("roll-routine: unknown option \"{raw_name}\" ignored")
            } else if ok.is_none() {
                format!("roll-routine: option \"{raw_name}\" has a value that can't be used; the default is kept")
            } else {
                continue;
            };
            // The same name given twice (an attribute and an object key) warns once.
            if !warnings.contains(&warning) {
                warnings.push(warning);
            }
        }
        (o, warnings)
    }

    /// The full address of a blog path.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }
}

/// The `detail` of a host event: what the host may know, never an answer.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Detail<'a> {
    /// The routine family's id.
    pub family: &'a str,
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
