//! The one code registry: every FG code flaskguard reports — the diagnostics
//! (`flaskguard_report::registry::DIAGNOSTICS`), the static rules (`flaskguard_rules`) and
//! the probe checks (`flaskguard_probe::rules`) — behind one lookup. `flaskguard rule`, the
//! pages of `docs/rules/` and the reports' rule descriptors all read it.
//!
//! The metadata type, the categories and the page renderer live in
//! `flaskguard_report::registry`, where the rules and the probe can reach them.

use std::sync::LazyLock;

pub use flaskguard_report::registry::{CATEGORIES, Category, Entry, Kind, Status, help_uri};

static ALL: LazyLock<Vec<&'static Entry>> = LazyLock::new(|| {
    let mut all: Vec<&'static Entry> = flaskguard_report::registry::DIAGNOSTICS
        .iter()
        .copied()
        .chain(flaskguard_rules::RULES.iter().map(|r| &r.entry))
        .chain(flaskguard_probe::rules::PROBES.iter())
        .collect();
    all.sort_by_key(|e| e.code);
    all
});

/// Every code, sorted.
pub fn all() -> &'static [&'static Entry] {
    &ALL
}

/// The entry of a code (`FG605`, `fg605`).
pub fn by_code(code: &str) -> Option<&'static Entry> {
    all()
        .iter()
        .copied()
        .find(|e| e.code.eq_ignore_ascii_case(code))
}

/// The entry of a name (`session-secret-cracked`).
pub fn by_name(name: &str) -> Option<&'static Entry> {
    all().iter().copied().find(|e| e.name == name)
}

/// The entry of a code or a name.
pub fn lookup(code_or_name: &str) -> Option<&'static Entry> {
    by_code(code_or_name).or_else(|| by_name(code_or_name))
}

/// The documentation page of a code (Markdown): what `flaskguard rule CODE` prints and
/// `docs/rules/CODE.md` holds.
pub fn page(entry: &Entry) -> String {
    flaskguard_report::registry::page(entry, all())
}

/// The index of `docs/rules/`: the categories, then every code.
pub fn index_page() -> String {
    use std::fmt::Write as _;
    let mut out = String::from(
        "# Rules\n\nEvery flaskguard code, generated from the code registry (the rules' doc comments, \
         the probe's table, the diagnostics). Regenerate with \
         `UPDATE_DOCS=1 cargo test -p flaskguard_registry --test docs`.\n\n\
         ## Categories\n\nA code's category is its hundred: `--select FG2` selects one category. \
         Codes are never reused.\n\n| prefix | category | kind | codes |\n| --- | --- | --- | --- |\n",
    );
    for c in CATEGORIES {
        let mut what = c.description.to_string();
        for (range, family) in c.families {
            let _ = write!(what, "<br>{range}: {family}");
        }
        let _ = writeln!(
            out,
            "| {}xx | {} | {} | {} |",
            c.prefix,
            c.name,
            c.kind.as_str(),
            what
        );
    }
    out.push_str(
        "\n## Codes\n\n| code | name | kind | severity | summary |\n| --- | --- | --- | --- | --- |\n",
    );
    for e in all() {
        let _ = writeln!(
            out,
            "| [{}]({}.md) | {} | {} | {} | {} |",
            e.code,
            e.code,
            e.name,
            e.kind().as_str(),
            e.severity,
            e.summary
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_kind_of_code() {
        assert_eq!(by_code("FG001").map(Entry::kind), Some(Kind::Diagnostic));
        assert_eq!(by_code("FG004").map(Entry::kind), Some(Kind::Diagnostic));
        assert_eq!(
            by_code("fg201").map(|e| e.name),
            Some("flask-debug-enabled")
        );
        assert_eq!(by_code("FG605").map(Entry::kind), Some(Kind::Probe));
        assert_eq!(
            lookup("session-secret-cracked").map(|e| e.code),
            Some("FG605")
        );
        assert!(lookup("FG999").is_none());
    }

    #[test]
    fn probe_and_static_help_uris_have_one_form() {
        let probe = by_code("FG605").unwrap().meta();
        let rule = by_code("FG201").unwrap().meta();
        assert_eq!(
            probe.help_uri,
            "https://example.invalid/flaskguard/rules/FG605"
        );
        assert_eq!(
            rule.help_uri,
            "https://example.invalid/flaskguard/rules/FG201"
        );
    }
}
