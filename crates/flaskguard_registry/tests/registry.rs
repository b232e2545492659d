//! The code registry is the only place a code is defined. These tests fail when a code is
//! named anywhere in the repository but not registered, when two entries share a code or
//! a name, when a code leaves the registry or changes its name (codes are never reused),
//! and when a code sits in a category that does not fit what it checks.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use flaskguard_registry::{Category, Entry, Kind, all, by_code};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The list of every code ever issued, with its name: append-only.
const ISSUED: &str = "crates/flaskguard_registry/issued-codes.txt";

/// Codes named on purpose although they do not exist: (file, code, why).
const NOT_CODES: &[(&str, &str, &str)] = &[
    (
        "crates/flaskguard/tests/cli.rs",
        "FG999",
        "the CLI's answer to an unknown code",
    ),
    (
        "crates/flaskguard_registry/src/lib.rs",
        "FG999",
        "the lookup of an unknown code",
    ),
    (
        "crates/flaskguard_report/src/registry.rs",
        "FG301",
        "a code in a hundred that is no category",
    ),
    (
        "crates/flaskguard_report/src/registry.rs",
        "FG699",
        "a made-up entry for the renderer's unit test",
    ),
];

/// Directories that hold no reference to a code: build output, virtual environments,
/// and the fuzzers' generated inputs (mutated bytes may spell anything).
fn skipped(rel: &str, name: &str) -> bool {
    matches!(
        name,
        ".git" | "target" | ".venv" | "venv" | "node_modules" | "__pycache__" | ".tools"
    ) || matches!(
        rel,
        "fuzz/corpus"
            | "fuzz/artifacts"
            | "fuzz/logs"
            | "fuzz/regressions"
            | "fuzz/seeds"
            | "fuzz/dict"
    )
}

/// Every `FG` + three digits in `text` that stands alone (not inside a longer word or
/// number).
fn codes_in(text: &[u8]) -> Vec<String> {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut out = Vec::new();
    for i in 0..text.len().saturating_sub(4) {
        if &text[i..i + 2] != b"FG" || (i > 0 && word(text[i - 1])) {
            continue;
        }
        let digits = &text[i + 2..];
        let n = digits.iter().take_while(|b| b.is_ascii_digit()).count();
        if n == 3 && !digits.get(3).is_some_and(|&b| word(b)) {
            out.push(String::from_utf8_lossy(&text[i..i + 5]).into_owned());
        }
    }
    out
}

/// Every code named in a file's path or contents: `(code, relative path)`.
fn named_codes(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let rel = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        let name = entry.file_name().to_string_lossy().into_owned();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            if !skipped(&rel, &name) {
                for code in codes_in(name.as_bytes()) {
                    out.push((code, rel.clone()));
                }
                named_codes(&path, root, out);
            }
            continue;
        }
        if !kind.is_file() || rel == "crates/flaskguard_registry/tests/registry.rs" {
            continue;
        }
        for code in codes_in(name.as_bytes()) {
            out.push((code, rel.clone()));
        }
        if let Ok(bytes) = std::fs::read(&path) {
            for code in codes_in(&bytes) {
                out.push((code, rel.clone()));
            }
        }
    }
}

#[test]
fn finds_codes_in_text() {
    assert_eq!(
        codes_in(b"ignore[FG201, FG101] (FG605) FG2 FG2011 xFG201 FG201a FG6xx FG001."),
        vec!["FG201", "FG101", "FG605", "FG001"]
    );
}

#[test]
fn every_code_named_in_the_repository_is_registered() {
    let root = repo_root();
    let mut named = Vec::new();
    named_codes(&root, &root, &mut named);
    // The walk reaches the places codes are named: fixtures, policy maps, the probe's table,
    // the test apps' expectations, the docs.
    for (code, file) in [
        ("FG275", "crates/flaskguard_rules/tests/fixtures/FG275"),
        ("FG110", "crates/flaskguard_rules/src/policy.rs"),
        ("FG605", "crates/flaskguard_probe/src/rules.rs"),
        ("FG604", "tests/apps/vulnerable_app.expected"),
        ("FG201", "README.md"),
        ("FG605", "docs/rules/FG605.md"),
    ] {
        assert!(
            named.iter().any(|(c, f)| c == code && f == file),
            "the walk did not see {code} in {file}"
        );
    }
    let mut unknown: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (code, file) in &named {
        if by_code(code).is_none() && !NOT_CODES.iter().any(|(f, c, _)| f == file && c == code) {
            unknown.entry(code).or_default().insert(file);
        }
    }
    assert!(
        unknown.is_empty(),
        "codes named but not registered (register them, or fix the reference): {unknown:#?}"
    );
    for (file, code, why) in NOT_CODES {
        assert!(by_code(code).is_none(), "{code} is registered now: {why}");
        assert!(
            named.iter().any(|(c, f)| c == code && f == file),
            "{file} no longer names {code}: drop it from NOT_CODES"
        );
    }
}

#[test]
fn codes_and_names_are_unique_and_well_formed() {
    let mut codes = BTreeSet::new();
    let mut names = BTreeSet::new();
    for e in all() {
        assert!(
            codes.insert(e.code),
            "two entries share the code {}",
            e.code
        );
        assert!(
            names.insert(e.name),
            "two entries share the name {}",
            e.name
        );
        assert!(
            Category::of(e.code).is_some(),
            "{}: a code is FG and three digits, in a category of registry::CATEGORIES",
            e.code
        );
        assert!(
            !e.name.is_empty()
                && e.name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{}: names are kebab-case: {}",
            e.code,
            e.name
        );
        for bad in ["avoid-", "use-"] {
            assert!(
                !e.name.starts_with(bad),
                "{}: a name describes the bad pattern (\"allow {}\")",
                e.code,
                e.name
            );
        }
        assert!(
            !e.summary.is_empty() && !e.remediation.is_empty(),
            "{}",
            e.code
        );
        assert!(!e.since.is_empty(), "{}", e.code);
    }
    assert_eq!(
        all().len(),
        flaskguard_report::registry::DIAGNOSTICS.len()
            + flaskguard_rules::RULES.len()
            + flaskguard_probe::rules::PROBES.len(),
    );
}

/// Codes are never reused: once issued, a code keeps its name for good, and its entry
/// stays (with status `removed` when the check is retired).
#[test]
fn issued_codes_are_never_reused() {
    let path = repo_root().join(ISSUED);
    let text = std::fs::read_to_string(&path).expect("issued-codes.txt");
    let mut issued: BTreeMap<&str, &str> = BTreeMap::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (code, name) = line
            .split_once(' ')
            .unwrap_or_else(|| panic!("{ISSUED}: `CODE name` expected, got {line:?}"));
        assert!(
            issued.insert(code, name.trim()).is_none(),
            "{ISSUED}: {code} is listed twice"
        );
    }
    let mut problems = Vec::new();
    for (code, name) in &issued {
        match by_code(code) {
            None => problems.push(format!(
                "{code} ({name}) was issued and is no longer registered: keep its entry, with status removed"
            )),
            Some(e) if e.name != *name => problems.push(format!(
                "{code} was issued as `{name}` and is now `{}`: a code is never reused, give the new check a new code",
                e.name
            )),
            Some(_) => {}
        }
    }
    for e in all() {
        if !issued.contains_key(e.code) {
            problems.push(format!(
                "{} is new: append `{} {}` to {ISSUED}",
                e.code, e.code, e.name
            ));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// A code's category (its hundred) fits the table that defines it: `--select FG2`
/// selects static rules of one category, and no probe check hides among them.
#[test]
fn each_table_holds_its_own_kind_of_code() {
    for e in flaskguard_report::registry::DIAGNOSTICS {
        assert_eq!(e.kind(), Kind::Diagnostic, "{}", e.code);
    }
    for r in flaskguard_rules::RULES.iter() {
        assert!(
            matches!(r.kind(), Kind::Static | Kind::Diagnostic),
            "{}: a static rule in the {:?} category",
            r.code,
            r.kind()
        );
        assert!(r.confirms.is_empty(), "{}", r.code);
    }
    for p in flaskguard_probe::rules::PROBES {
        assert_eq!(p.kind(), Kind::Probe, "{}", p.code);
    }
}

#[test]
fn a_prefix_selects_one_category() {
    use flaskguard_rules::policy::Selection;
    for category in flaskguard_registry::CATEGORIES {
        let selection = Selection {
            select: vec![category.prefix.to_string()],
            ..Selection::default()
        };
        for r in flaskguard_rules::RULES.iter() {
            assert_eq!(
                selection.is_enabled(r),
                r.category().map(|c| c.prefix) == Some(category.prefix)
                    && r.status != flaskguard_registry::Status::Removed,
                "--select {} and {}",
                category.prefix,
                r.code
            );
        }
    }
}

fn static_rule(code: &str) -> Option<&'static Entry> {
    by_code(code).filter(|e| e.kind() == Kind::Static)
}

#[test]
fn confirmations_and_bandit_equivalents_name_static_rules() {
    for p in flaskguard_probe::rules::PROBES {
        for code in p.confirms {
            assert!(
                static_rule(code).is_some(),
                "{} confirms {code}, which is no static rule",
                p.code
            );
        }
    }
    for (bandit, ours) in flaskguard_rules::policy::BANDIT_EQUIVALENTS {
        for code in *ours {
            assert!(
                static_rule(code).is_some(),
                "Bandit {bandit} maps to {code}, which is no static rule"
            );
        }
    }
}
