//! `docs/rules/` is generated from the rules' doc comments; this test fails when the two
//! drift. Regenerate with `UPDATE_DOCS=1 cargo test -p flaskguard_rules --test docs`.

use std::fmt::Write;
use std::path::Path;

use flaskguard_rules::RULES;

fn render(rule: &flaskguard_rules::Rule) -> String {
    let cwe: Vec<String> = rule
        .cwe
        .iter()
        .map(|c| format!("[CWE-{c}](https://cwe.mitre.org/data/definitions/{c}.html)"))
        .collect();
    let mut out = format!("# {} ({})\n\n", rule.name, rule.code);
    let _ = writeln!(out, "| | |\n| --- | --- |");
    let _ = writeln!(out, "| Summary | {} |", rule.summary);
    let _ = writeln!(out, "| Severity | {} |", rule.severity);
    let _ = writeln!(out, "| Confidence | {} |", rule.confidence.as_str());
    let _ = writeln!(
        out,
        "| CWE | {} |",
        if cwe.is_empty() {
            "—".to_string()
        } else {
            cwe.join(", ")
        }
    );
    let _ = writeln!(
        out,
        "| OWASP Top 10 2021 | {} |",
        if rule.owasp.is_empty() {
            "—"
        } else {
            rule.owasp
        }
    );
    let _ = writeln!(
        out,
        "| Status | {} since {} |",
        rule.status.as_str(),
        rule.since
    );
    let _ = writeln!(out, "| Remediation | {} |\n", rule.remediation);
    out.push_str(&rule.docs());
    out
}

#[test]
fn rule_docs_are_current() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules");
    let update = std::env::var_os("UPDATE_DOCS").is_some();
    let mut index = String::from(
        "# Rules\n\nGenerated from the rules' doc comments.\n\n| code | name | severity | summary |\n| --- | --- | --- | --- |\n",
    );
    let mut stale = Vec::new();
    for rule in RULES.iter() {
        let _ = writeln!(
            index,
            "| [{}]({}.md) | {} | {} | {} |",
            rule.code, rule.code, rule.name, rule.severity, rule.summary
        );
        let path = dir.join(format!("{}.md", rule.code));
        let expected = render(rule);
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &expected).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(expected.as_str()) {
            stale.push(rule.code);
        }
    }
    let index_path = dir.join("README.md");
    if update {
        std::fs::write(&index_path, &index).unwrap();
    } else if std::fs::read_to_string(&index_path).ok().as_deref() != Some(index.as_str()) {
        stale.push("README.md");
    }
    if !update {
        // No page for a rule that no longer exists.
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(code) = name.strip_suffix(".md")
                && code != "README"
                && !RULES.iter().any(|r| r.code == code)
            {
                stale.push("an orphan page");
            }
        }
    }
    assert!(
        stale.is_empty(),
        "docs/rules is out of date for {stale:?}: run `UPDATE_DOCS=1 cargo test -p flaskguard_rules --test docs`"
    );
}
