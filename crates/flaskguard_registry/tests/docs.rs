//! `docs/rules/` is generated from the code registry (the rules' doc comments, the probe's
//! table, the diagnostics); this test fails when the two drift. Regenerate with
//! `UPDATE_DOCS=1 cargo test -p flaskguard_registry --test docs`.

use std::path::Path;

#[test]
fn rule_docs_are_current() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules");
    let update = std::env::var_os("UPDATE_DOCS").is_some();
    let mut stale = Vec::new();
    let mut pages = vec![("README.md".to_string(), flaskguard_registry::index_page())];
    for entry in flaskguard_registry::all() {
        pages.push((
            format!("{}.md", entry.code),
            flaskguard_registry::page(entry),
        ));
    }
    for (name, expected) in &pages {
        let path = dir.join(name);
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, expected).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(expected.as_str()) {
            stale.push(name.clone());
        }
    }
    // No page for a code that is not registered.
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !pages.iter().any(|(page, _)| *page == name) {
            if update {
                std::fs::remove_file(entry.path()).unwrap();
            } else {
                stale.push(format!("{name} (no such code)"));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "docs/rules is out of date for {stale:?}: run `UPDATE_DOCS=1 cargo test -p flaskguard_registry --test docs`"
    );
}
