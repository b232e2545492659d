//! SARIF 2.1.0 following GitHub code-scanning conventions: one rule descriptor per code
//! (helpUri, tags, precision, security-severity), per-result level, suppressions,
//! partialFingerprints, and taint paths as codeFlows.

use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::{Confidence, Finding, Location, Report, Severity, SuppressionKind};

fn level(sev: Severity) -> &'static str {
    match sev {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "note",
    }
}

fn precision(c: Confidence) -> &'static str {
    match c {
        Confidence::High => "high",
        Confidence::Medium => "medium",
        Confidence::Low => "low",
    }
}

/// A relative path is resolved against `%SRCROOT%`; an absolute one is a `file://` URI.
fn artifact_location(path: &str) -> Value {
    if path.starts_with('/') {
        json!({ "uri": format!("file://{}", percent_encode(path)) })
    } else {
        json!({ "uri": percent_encode(path), "uriBaseId": "%SRCROOT%" })
    }
}

fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn physical_location(l: &Location) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": artifact_location(&l.path),
            "region": {
                "startLine": l.start.line.max(1),
                "startColumn": l.start.column.max(1),
                "endLine": l.end.line.max(l.start.line).max(1),
                "endColumn": l.end.column.max(1),
            }
        }
    })
}

fn finding_location(f: &Finding) -> Value {
    if f.evidence.is_some() {
        // A probe finding: the place is a URL of the running app, an endpoint rather than
        // a file region.
        return json!({
            "logicalLocations": [{
                "fullyQualifiedName": f.route.clone().unwrap_or_else(|| f.location.path.clone()),
                "kind": "resource",
            }],
            "message": { "text": f.location.path },
        });
    }
    let mut loc = physical_location(&f.location);
    if let Some(snippet) = &f.snippet {
        let text = snippet.lines.join("\n");
        let last = snippet
            .first_line
            .saturating_add(snippet.lines.len().saturating_sub(1) as u32);
        if let Some(line) = snippet.lines.first()
            && f.location.start.line == f.location.end.line
        {
            let start = f.location.start.column.saturating_sub(1) as usize;
            let end = f.location.end.column.saturating_sub(1) as usize;
            let flagged: String = line
                .chars()
                .skip(start)
                .take(end.saturating_sub(start))
                .collect();
            if !flagged.is_empty() {
                loc["physicalLocation"]["region"]["snippet"] = json!({ "text": flagged });
            }
        }
        // The context must be a proper superset of the region, or absent.
        let (start, end) = (f.location.start, f.location.end);
        let covers = snippet.first_line <= start.line && last >= end.line;
        let more_lines = snippet.first_line < start.line || last > end.line;
        let last_len = snippet.lines.last().map_or(0, |l| l.chars().count() as u32);
        let partial_line = start.column > 1 || end.column <= last_len;
        if covers && (more_lines || partial_line) {
            loc["physicalLocation"]["contextRegion"] = json!({
                "startLine": snippet.first_line.max(1),
                "endLine": last.max(1),
                "snippet": { "text": text },
            });
        }
    }
    loc
}

pub(super) fn render(report: &Report) -> String {
    let used: std::collections::BTreeSet<&str> =
        report.findings.iter().map(|f| f.code.as_str()).collect();
    let rules: Vec<&crate::RuleMeta> = report
        .rules
        .iter()
        .filter(|r| used.contains(r.code.as_str()))
        .collect();
    let descriptors: Vec<Value> = rules
        .iter()
        .map(|r| {
            let mut tags = vec!["security".to_string()];
            tags.extend(r.cwe.iter().map(|c| format!("external/cwe/cwe-{c}")));
            if !r.owasp.is_empty() {
                tags.push(format!("external/owasp/{}", r.owasp.to_ascii_lowercase()));
            }
            json!({
                "id": r.code,
                "name": to_pascal(&r.name),
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.summary },
                "help": { "text": r.remediation, "markdown": r.docs },
                "helpUri": r.help_uri,
                "defaultConfiguration": { "level": level(r.severity) },
                "properties": {
                    "tags": tags,
                    "precision": precision(r.confidence),
                    "problem.severity": match level(r.severity) { "note" => "recommendation", l => l },
                    "security-severity": r.severity.security_severity(),
                }
            })
        })
        .collect();
    let results: Vec<Value> = report.findings.iter().map(|f| result(f, &rules)).collect();
    let notifications: Vec<Value> = report
        .errors
        .iter()
        .map(|e| {
            let mut n = json!({
                "descriptor": { "id": e.code },
                "level": "warning",
                "message": { "text": format!("{}: {}", e.name, e.message) },
            });
            if !e.path.is_empty() {
                let pos = e.position.unwrap_or_default();
                n["locations"] = json!([{
                    "physicalLocation": {
                        "artifactLocation": artifact_location(&e.path),
                        "region": { "startLine": pos.line.max(1), "startColumn": pos.column.max(1) }
                    }
                }]);
            }
            n
        })
        .collect();
    let sarif = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "flaskguard",
                    "semanticVersion": report.tool.version,
                    "informationUri": "https://example.invalid/flaskguard",
                    "rules": descriptors,
                }
            },
            "originalUriBaseIds": {
                "%SRCROOT%": {
                    "uri": report.root.as_deref().map_or_else(
                        || "file:///".to_string(),
                        |r| format!("file://{}/", percent_encode(r.trim_end_matches('/'))),
                    )
                }
            },
            "invocations": [{
                "executionSuccessful": true,
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
        }]
    });
    serde_json::to_string_pretty(&sarif).unwrap_or_default() + "\n"
}

fn result(f: &Finding, rules: &[&crate::RuleMeta]) -> Value {
    let rule_index = rules.iter().position(|r| r.code == f.code).unwrap_or(0);
    let mut r = json!({
        "ruleId": f.code,
        "ruleIndex": rule_index,
        "level": level(f.severity),
        "message": { "text": f.message },
        "locations": [finding_location(f)],
        "partialFingerprints": { "flaskguard/v1": f.fingerprint },
        "properties": {
            "severity": f.severity.as_str(),
            "confidence": f.confidence.as_str(),
        }
    });
    if let Some(route) = &f.route {
        r["properties"]["route"] = json!(route);
    }
    if let Some(ev) = &f.evidence {
        r["webRequest"] = json!({
            "protocol": "HTTP",
            "method": ev.method,
            "target": ev.url,
            "body": { "text": ev.request },
        });
        if ev.status > 0 {
            r["webResponse"] = json!({
                "protocol": "HTTP",
                "statusCode": ev.status,
                "body": { "text": ev.response },
            });
        }
        r["properties"]["proof"] = json!(ev.proof);
    }
    if let Some(why) = &f.not_confirmed {
        r["properties"]["notConfirmedByProbe"] = json!(why);
    }
    if let Some(proof) = &f.confirmed {
        r["properties"]["confirmedByProbe"] = json!(proof);
    }
    if let Some(s) = &f.suppression {
        let kind = match s.kind {
            SuppressionKind::Inline | SuppressionKind::Nosec => "inSource",
            SuppressionKind::Baseline | SuppressionKind::Config => "external",
        };
        let mut sup = json!({ "kind": kind, "status": "accepted" });
        if let Some(j) = &s.justification {
            sup["justification"] = json!(j);
        }
        r["suppressions"] = json!([sup]);
    }
    if !f.trace.is_empty() {
        let locations: Vec<Value> = f
            .trace
            .iter()
            .map(|step| {
                let mut loc = physical_location(&step.location);
                loc["message"] = json!({ "text": step.message });
                json!({ "location": loc })
            })
            .collect();
        r["codeFlows"] = json!([{ "threadFlows": [{ "locations": locations }] }]);
    }
    if let Some(fix) = &f.fix
        && !fix.edits.is_empty()
    {
        let replacements: Vec<Value> = fix
                .edits
                .iter()
                .map(|e| {
                    json!({
                        "deletedRegion": { "charOffset": e.byte_start, "charLength": e.byte_end.saturating_sub(e.byte_start) },
                        "insertedContent": { "text": e.content },
                    })
                })
                .collect();
        r["fixes"] = json!([{
            "description": { "text": fix.title },
            "artifactChanges": [{
                "artifactLocation": artifact_location(&f.location.path),
                "replacements": replacements,
            }]
        }]);
    }
    r
}

fn to_pascal(name: &str) -> String {
    name.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Applicability, Edit, Fix};

    fn finding() -> Finding {
        Finding {
            code: "FG101".to_string(),
            name: "x".to_string(),
            severity: Severity::High,
            confidence: Confidence::High,
            message: "m".to_string(),
            location: Location::default(),
            snippet: None,
            fix: Some(Fix {
                title: "t".to_string(),
                applicability: Applicability::Safe,
                edits: vec![Edit {
                    byte_start: 9,
                    byte_end: 2,
                    content: String::new(),
                }],
            }),
            trace: Vec::new(),
            route: None,
            fingerprint: String::new(),
            suppression: None,
            evidence: None,
            confirmed: None,
            not_confirmed: None,
        }
    }

    /// Found by fuzzing (report_roundtrip): an edit whose end lies before its start (a
    /// hand-edited or foreign report) overflowed the length subtraction.
    #[test]
    fn reversed_edit_range_renders() {
        let mut report = Report::new("0.0.0");
        report.findings.push(finding());
        let sarif: Value = serde_json::from_str(&render(&report)).unwrap();
        let region = &sarif["runs"][0]["results"][0]["fixes"][0]["artifactChanges"][0]["replacements"]
            [0]["deletedRegion"];
        assert_eq!(region["charOffset"], 9);
        assert_eq!(region["charLength"], 0);
    }

    /// Found by fuzzing (report_roundtrip): a snippet starting at line `u32::MAX`
    /// overflowed the number of its last line.
    #[test]
    fn snippet_at_the_last_line_number_renders() {
        let mut report = Report::new("0.0.0");
        let mut f = finding();
        f.snippet = Some(crate::Snippet {
            first_line: u32::MAX,
            lines: vec!["a".to_string(), "b".to_string()],
        });
        report.findings.push(f);
        let sarif: Value = serde_json::from_str(&render(&report)).unwrap();
        assert!(sarif["runs"][0]["results"][0].is_object());
    }
}
