use std::fmt::Write;

use super::TextOptions;
use crate::{Finding, Report, Severity};

struct Style {
    color: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
    fn severity(&self, sev: Severity) -> String {
        let code = match sev {
            Severity::Critical => "1;35",
            Severity::High => "1;31",
            Severity::Medium => "1;33",
            Severity::Low => "1;36",
            Severity::Info => "1;34",
        };
        self.paint(code, sev.as_str())
    }
}

pub(super) fn render(report: &Report, options: TextOptions) -> String {
    let style = Style {
        color: options.color,
    };
    let mut out = String::new();
    for f in &report.findings {
        if f.is_suppressed() && !options.show_suppressed {
            continue;
        }
        finding(&mut out, report, f, &style);
    }
    for e in &report.errors {
        let pos = e
            .position
            .map(|p| format!(":{}:{}", p.line, p.column))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{}{pos}: {} {} {}",
            style.bold(&e.path),
            style.paint("1;31", &e.code),
            style.dim(&format!("[{}]", e.name)),
            e.message
        );
    }
    summary(&mut out, report, &style);
    out
}

fn finding(out: &mut String, report: &Report, f: &Finding, style: &Style) {
    let loc = &f.location;
    let place = if f.evidence.is_some() {
        // A probe finding: the URL is the place.
        style.bold(&loc.path)
    } else {
        format!(
            "{}:{}:{}",
            style.bold(&loc.path),
            loc.start.line,
            loc.start.column
        )
    };
    let _ = writeln!(
        out,
        "{place}: {} {} {}",
        style.bold(&f.code),
        style.severity(f.severity),
        f.message
    );
    // (A site-wide probe finding has the route `/`: nothing to add.)
    if let Some(route) = &f.route
        && !(f.evidence.is_some() && route == "/")
    {
        let _ = writeln!(out, "  {} {route}", style.dim("route:"));
    }
    if let Some(snippet) = &f.snippet {
        let width = (snippet.first_line as usize + snippet.lines.len())
            .to_string()
            .len();
        for (i, line) in snippet.lines.iter().enumerate() {
            let n = snippet.first_line.saturating_add(i as u32);
            let _ = writeln!(out, "  {} {line}", style.dim(&format!("{n:>width$} |")));
            if n == loc.start.line {
                // A column past the end of the line (a foreign or hand-edited report) puts
                // the caret just after the line, not gigabytes to its right.
                let start = (loc.start.column.saturating_sub(1) as usize).min(line.chars().count());
                let len = if loc.end.line == loc.start.line {
                    (loc.end.column.saturating_sub(loc.start.column) as usize).max(1)
                } else {
                    line.chars().count().saturating_sub(start).max(1)
                };
                let _ = writeln!(
                    out,
                    "  {} {}{}",
                    style.dim(&format!("{:>width$} |", "")),
                    " ".repeat(start),
                    style.paint("1;31", &"^".repeat(len.min(120)))
                );
            }
        }
    }
    for (i, step) in f.trace.iter().enumerate() {
        let _ = writeln!(
            out,
            "  {} {}:{}:{} {}",
            style.dim(&format!("{}.", i + 1)),
            step.location.path,
            step.location.start.line,
            step.location.start.column,
            step.message
        );
    }
    if let Some(ev) = &f.evidence {
        let _ = writeln!(out, "  {} {}", style.dim("proof:"), ev.proof);
        let _ = writeln!(out, "  {} {} {}", style.dim("request:"), ev.method, ev.url);
        if ev.status > 0 {
            let first = ev
                .response
                .lines()
                .filter(|l| !l.trim().is_empty())
                .find(|l| !l.contains(':') || l.len() > 80)
                .unwrap_or("");
            let shown: String = first.chars().take(160).collect();
            let _ = writeln!(
                out,
                "  {} {} {}",
                style.dim("response:"),
                ev.status,
                shown.trim()
            );
        }
    }
    if let Some(why) = &f.not_confirmed {
        let _ = writeln!(out, "  {} {why}", style.paint("2", "probe:"));
    }
    if let Some(proof) = &f.confirmed {
        let _ = writeln!(out, "  {} {proof}", style.paint("1;35", "confirmed:"));
    }
    if let Some(fix) = &f.fix {
        let _ = writeln!(out, "  {} {}", style.paint("1;32", "fix:"), fix.title);
    } else if let Some(rule) = report.rule(&f.code)
        && !rule.remediation.is_empty()
    {
        let _ = writeln!(
            out,
            "  {} {}",
            style.paint("1;32", "help:"),
            rule.remediation
        );
    }
    if let Some(s) = &f.suppression {
        let _ = writeln!(out, "  {} {:?}", style.dim("suppressed:"), s.kind);
    }
    out.push('\n');
}

fn summary(out: &mut String, report: &Report, style: &Style) {
    let c = &report.counts;
    if c.total == 0 {
        let _ = write!(out, "{}", style.paint("1;32", "No findings."));
    } else {
        let parts: Vec<String> = Severity::ALL
            .iter()
            .filter_map(|s| {
                let n = match s {
                    Severity::Critical => c.critical,
                    Severity::High => c.high,
                    Severity::Medium => c.medium,
                    Severity::Low => c.low,
                    Severity::Info => c.info,
                };
                (n > 0).then(|| format!("{n} {}", style.severity(*s)))
            })
            .collect();
        let plural = if c.total == 1 { "" } else { "s" };
        let _ = write!(
            out,
            "{} {}",
            style.bold(&format!("Found {} finding{plural}:", c.total)),
            parts.join(", ")
        );
    }
    if c.suppressed > 0 {
        let _ = write!(out, " ({} suppressed)", c.suppressed);
    }
    let s = &report.stats;
    let mut parts: Vec<String> = Vec::new();
    if s.files > 0 || s.requests == 0 {
        parts.push(format!("{} files, {} lines", s.files, s.lines));
    }
    if s.requests > 0 {
        parts.push(format!(
            "{} requests to {}",
            s.requests,
            report.targets.first().map_or("", String::as_str)
        ));
    }
    let _ = writeln!(
        out,
        "{}",
        style.dim(&format!(" — {} in {} ms", parts.join(", "), s.duration_ms))
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Confidence, Finding, Location, Position, Severity, Snippet};

    /// Found by fuzzing (report_roundtrip): a column far past the end of its line made the
    /// caret line gigabytes long, and a first line near `u32::MAX` overflowed the count.
    #[test]
    fn positions_outside_the_snippet_render() {
        let mut report = Report::new("0.0.0");
        report.findings.push(Finding {
            code: "FG101".to_string(),
            name: "x".to_string(),
            severity: Severity::High,
            confidence: Confidence::High,
            message: "m".to_string(),
            location: Location {
                path: "app.py".to_string(),
                start: Position {
                    line: u32::MAX,
                    column: u32::MAX,
                },
                end: Position {
                    line: u32::MAX,
                    column: u32::MAX,
                },
                byte_start: 0,
                byte_end: 0,
            },
            snippet: Some(Snippet {
                first_line: u32::MAX,
                lines: vec!["abc".to_string(), "def".to_string()],
            }),
            fix: None,
            trace: Vec::new(),
            route: None,
            fingerprint: String::new(),
            suppression: None,
            evidence: None,
            confirmed: None,
            not_confirmed: None,
        });
        let text = render(&report, TextOptions::default());
        assert!(text.len() < 1000, "{} bytes", text.len());
        assert!(text.contains("    ^"), "{text}");
    }
}
