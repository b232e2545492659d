//! JUnit XML: one test case per rule and file; a finding is a failure.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::Report;

fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' && c != '\r' => {}
            c => out.push(c),
        }
    }
    out
}

pub(super) fn render(report: &Report) -> String {
    let mut by_file: BTreeMap<&str, Vec<&crate::Finding>> = BTreeMap::new();
    for f in report.active_findings() {
        by_file.entry(f.location.path.as_str()).or_default().push(f);
    }
    let total = report.counts.total;
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"flaskguard\" tests=\"{}\" failures=\"{total}\">",
        total.max(1)
    );
    if by_file.is_empty() {
        out.push_str("  <testsuite name=\"flaskguard\" tests=\"1\" failures=\"0\">\n");
        out.push_str("    <testcase name=\"no findings\" classname=\"flaskguard\"/>\n");
        out.push_str("  </testsuite>\n");
    }
    for (path, findings) in by_file {
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\">",
            xml(path),
            findings.len(),
            findings.len()
        );
        for f in findings {
            let _ = writeln!(
                out,
                "    <testcase name=\"{} {} at line {}\" classname=\"{}\">",
                xml(&f.code),
                xml(&f.name),
                f.location.start.line,
                xml(path)
            );
            let _ = writeln!(
                out,
                "      <failure type=\"{}\" message=\"{}\">{}:{}:{} [{}] {}</failure>",
                xml(&f.code),
                xml(&f.message),
                xml(path),
                f.location.start.line,
                f.location.start.column,
                f.severity,
                xml(&f.message)
            );
            out.push_str("    </testcase>\n");
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}
