//! Splitting a project into parts analysed one after another (`flaskguard_index::partition`).

use std::path::{Path, PathBuf};

use flaskguard_index::DiscoverOptions;
use flaskguard_index::partition::Plan;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/partition")
}

fn is_framework(name: &str) -> bool {
    name == "flask"
}

/// The files of each part, relative to the fixture, in path order.
fn parts(min_part_bytes: u64) -> Vec<Vec<String>> {
    let root = fixture();
    let plan = Plan::new(
        std::slice::from_ref(&root),
        &DiscoverOptions::default(),
        &is_framework,
        min_part_bytes,
    );
    plan.parts
        .iter()
        .map(|part| {
            part.iter()
                .map(|f| {
                    f.path
                        .strip_prefix(&root)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/")
                })
                .collect()
        })
        .collect()
}

#[test]
fn code_that_never_reaches_the_framework_is_a_part_of_its_own() {
    let parts = parts(1);
    assert_eq!(
        parts[0],
        [
            // The app, what it imports (no Flask import of its own), the namespace package
            // it loads by name with importlib, and every text file.
            "helpers/__init__.py",
            "helpers/text.py",
            "plugins/auth.py",
            "shop/__init__.py",
            "shop/views.py",
            "templates/page.html",
        ],
        "{parts:?}"
    );
    let rest: Vec<&String> = parts[1..].iter().flatten().collect();
    assert_eq!(
        rest,
        ["mathlib/__init__.py", "mathlib/core.py", "tools.py"],
        "{parts:?}"
    );
}

#[test]
fn small_projects_are_one_part() {
    let parts = parts(flaskguard_index::partition::DEFAULT_MIN_PART_BYTES);
    assert_eq!(parts.len(), 1, "{parts:?}");
    assert_eq!(parts[0].len(), 9, "{parts:?}");
}
