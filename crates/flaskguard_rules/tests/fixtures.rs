//! Rule fixtures with inline, machine-checked expectations.
//!
//! `tests/fixtures/<CODE>/` is a small project checked with only rule `<CODE>` selected.
//! On any line of any file:
//! - `error: [CODE]` — a finding of CODE must start on this line;
//! - `todo: [CODE]` — a known miss: CODE must *not* be found here (fixing it flips the test);
//! - `spurious: [CODE]` — a known false alarm: CODE is found here and should not be.
//!
//! Every other line must have no finding of CODE. Every rule has a fixture directory with
//! at least one `error` line (a `select.txt` may name further rules to run) and at least one file named `safe*` (negative cases and
//! look-alikes).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use flaskguard_index::{DiscoverOptions, Project};
use flaskguard_rules::policy::Selection;
use flaskguard_rules::{AnalysisOptions, RULES, analyze};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// `(relative path, line)` pairs carrying `marker: [CODE]` for `code`.
fn markers(dir: &Path, marker: &str, code: &str) -> BTreeSet<(String, u32)> {
    let mut out = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let rel = path
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            for (i, line) in text.lines().enumerate() {
                let needle = format!("{marker}: [");
                let mut rest = line;
                while let Some(pos) = rest.find(&needle) {
                    let after = &rest[pos + needle.len()..];
                    let end = after.find(']').unwrap_or(after.len());
                    if after[..end].split(',').any(|c| c.trim() == code) {
                        out.insert((rel.clone(), i as u32 + 1));
                    }
                    rest = &after[end..];
                }
            }
        }
    }
    out
}

fn has_safe_file(dir: &Path) -> bool {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("safe")
            {
                return true;
            }
        }
    }
    false
}

/// A fixture directory is one project, except that each sub-directory named `case_*` is a
/// project of its own (for rules about what a whole project lacks).
fn check_fixture(code: &str, dir: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir()
            && path
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("case_")
        {
            cases.push(path);
        }
    }
    let mut builder = globset::GlobSetBuilder::new();
    builder.add(globset::Glob::new("case_*").unwrap());
    let rest = DiscoverOptions {
        exclude: Some(builder.build().unwrap()),
        respect_gitignore: false,
    };
    problems.extend(check_project(code, dir, dir, &rest, &cases));
    for case in &cases {
        problems.extend(check_project(
            code,
            case,
            case,
            &DiscoverOptions::default(),
            &[],
        ));
    }
    problems
}

fn check_project(
    code: &str,
    dir: &Path,
    root_dir: &Path,
    options: &DiscoverOptions,
    skip: &[PathBuf],
) -> Vec<String> {
    let project = Project::load(&[dir.to_path_buf()], options);
    // `select.txt` names further rules a fixture needs (e.g. the rule a suppression targets).
    let mut select = vec![code.to_string()];
    if let Ok(extra) = std::fs::read_to_string(dir.join("select.txt")) {
        select.extend(extra.split_whitespace().map(str::to_string));
    }
    let analysis = analyze(
        &project,
        &AnalysisOptions {
            selection: Selection {
                select,
                ..Selection::default()
            },
            ..AnalysisOptions::default()
        },
    );
    let root = flaskguard_index::display_path(root_dir);
    let found: BTreeSet<(String, u32)> = analysis
        .findings
        .iter()
        .filter(|f| f.code == code)
        .map(|f| {
            let rel = f
                .location
                .path
                .strip_prefix(&root)
                .unwrap_or(&f.location.path)
                .trim_start_matches('/')
                .to_string();
            (rel, f.location.start.line)
        })
        .collect();
    let keep = |set: BTreeSet<(String, u32)>| -> BTreeSet<(String, u32)> {
        set.into_iter()
            .filter(|(p, _)| {
                !skip
                    .iter()
                    .any(|s| Path::new(p).starts_with(s.file_name().unwrap()))
            })
            .collect()
    };
    let errors = keep(markers(dir, "error", code));
    let todos = keep(markers(dir, "todo", code));
    let spurious = keep(markers(dir, "spurious", code));
    let mut problems = Vec::new();
    for e in &errors {
        if !found.contains(e) {
            problems.push(format!(
                "{code}: expected a finding at {}:{} (error marker) but none",
                e.0, e.1
            ));
        }
    }
    for t in &todos {
        if found.contains(t) {
            problems.push(format!("{code}: {}:{} is marked todo (known miss) but is now found: change the marker to error", t.0, t.1));
        }
    }
    for s in &spurious {
        if !found.contains(s) {
            problems.push(format!("{code}: {}:{} is marked spurious (known false alarm) but is no longer reported: remove the marker", s.0, s.1));
        }
    }
    for f in &found {
        if !errors.contains(f) && !spurious.contains(f) {
            problems.push(format!("{code}: unexpected finding at {}:{}", f.0, f.1));
        }
    }
    problems
}

#[test]
fn rule_fixtures() {
    let mut problems = Vec::new();
    let mut missing = Vec::new();
    for rule in RULES.iter() {
        let dir = fixtures_dir().join(rule.code);
        if !dir.is_dir() {
            missing.push(rule.code);
            continue;
        }
        if markers(&dir, "error", rule.code).is_empty() {
            problems.push(format!(
                "{}: fixture has no `error: [{}]` line",
                rule.code, rule.code
            ));
        }
        if !has_safe_file(&dir) {
            problems.push(format!(
                "{}: fixture has no `safe*` file with negative cases",
                rule.code
            ));
        }
        problems.extend(check_fixture(rule.code, &dir));
    }
    if !missing.is_empty() {
        problems.push(format!("rules without fixtures: {}", missing.join(", ")));
    }
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

#[test]
fn every_rule_is_documented() {
    let mut problems = Vec::new();
    for rule in RULES.iter() {
        let docs = rule.docs();
        for section in [
            "## What it does",
            "## Why is this bad?",
            "## Example",
            "Use instead:",
            "## References",
        ] {
            if !docs.contains(section) {
                problems.push(format!("{}: documentation lacks `{section}`", rule.code));
            }
        }
        if rule.remediation.is_empty() || rule.summary.is_empty() {
            problems.push(format!(
                "{}: remediation and summary are required",
                rule.code
            ));
        }
        if !rule
            .name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            problems.push(format!(
                "{}: name `{}` is not kebab-case",
                rule.code, rule.name
            ));
        }
        if rule.name.starts_with("avoid-") || rule.name.starts_with("use-") {
            problems.push(format!(
                "{}: name `{}` must describe the bad pattern",
                rule.code, rule.name
            ));
        }
    }
    let mut codes: Vec<&str> = RULES.iter().map(|r| r.code).collect();
    let n = codes.len();
    codes.dedup();
    assert_eq!(n, codes.len(), "duplicate rule codes");
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}
