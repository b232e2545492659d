//! The rules that read the taint engine's results declare it (`uses_taint: true`): the
//! others run beside the engine, and one that reads it undeclared would wait for it there
//! and hold a thread.

use std::path::Path;

fn rule_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rule_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn rules_that_read_the_engine_declare_it() {
    let mut files = Vec::new();
    rule_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules"),
        &mut files,
    );
    let mut checked = 0;
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        if !text.contains("declare_rule!") {
            continue;
        }
        let reads = [
            "ctx.flows()",
            "report_class",
            "sink_verdict(",
            "ctx.dead_code()",
        ]
        .iter()
        .any(|call| text.contains(call));
        let declares = text.contains("uses_taint: true");
        assert_eq!(
            reads,
            declares,
            "{}: reads the taint engine: {reads}, declares `uses_taint: true`: {declares}",
            path.display()
        );
        checked += 1;
    }
    assert!(checked > 50, "only {checked} rule files found");
}
