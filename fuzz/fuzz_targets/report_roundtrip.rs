//! Reports: one built from arbitrary findings, rules, routes and errors is rendered in
//! every format; its JSON parses back into an equal report, its SARIF and baseline are
//! JSON. Arbitrary text is also read as a report and as a baseline: what parses renders
//! and round-trips too.
#![no_main]

use arbitrary::Unstructured;
use flaskguard_fuzz::check_outputs;
use flaskguard_report::baseline::Baseline;
use flaskguard_report::surface::{Input, InputLocation};
use flaskguard_report::{
    Applicability, Confidence, Edit, Evidence, Finding, Fix, InputError, Location, Position,
    Report, RouteEntry, RuleMeta, Severity, Snippet, Suppression, SuppressionKind, TraceStep,
};
use libfuzzer_sys::fuzz_target;

fn severity(u: &mut Unstructured<'_>) -> arbitrary::Result<Severity> {
    Ok(*u.choose(&[
        Severity::Info,
        Severity::Low,
        Severity::Medium,
        Severity::High,
        Severity::Critical,
    ])?)
}

fn confidence(u: &mut Unstructured<'_>) -> arbitrary::Result<Confidence> {
    Ok(*u.choose(&[Confidence::Low, Confidence::Medium, Confidence::High])?)
}

fn position(u: &mut Unstructured<'_>) -> arbitrary::Result<Position> {
    Ok(Position {
        line: u.arbitrary()?,
        column: u.arbitrary()?,
    })
}

fn location(u: &mut Unstructured<'_>) -> arbitrary::Result<Location> {
    Ok(Location {
        path: u.arbitrary()?,
        start: position(u)?,
        end: position(u)?,
        byte_start: u.arbitrary()?,
        byte_end: u.arbitrary()?,
    })
}

fn finding(u: &mut Unstructured<'_>) -> arbitrary::Result<Finding> {
    Ok(Finding {
        code: u.arbitrary()?,
        name: u.arbitrary()?,
        severity: severity(u)?,
        confidence: confidence(u)?,
        message: u.arbitrary()?,
        location: location(u)?,
        snippet: if u.arbitrary()? {
            Some(Snippet {
                first_line: u.arbitrary()?,
                lines: u.arbitrary()?,
            })
        } else {
            None
        },
        fix: if u.arbitrary()? {
            Some(Fix {
                title: u.arbitrary()?,
                applicability: *u.choose(&[
                    Applicability::DisplayOnly,
                    Applicability::Unsafe,
                    Applicability::Safe,
                ])?,
                edits: u
                    .arbitrary_iter()?
                    .map(|e| {
                        let (byte_start, byte_end, content) = e?;
                        Ok(Edit {
                            byte_start,
                            byte_end,
                            content,
                        })
                    })
                    .collect::<arbitrary::Result<_>>()?,
            })
        } else {
            None
        },
        trace: (0..u.int_in_range(0..=4)?)
            .map(|_| {
                Ok(TraceStep {
                    location: location(u)?,
                    message: u.arbitrary()?,
                })
            })
            .collect::<arbitrary::Result<_>>()?,
        route: u.arbitrary()?,
        fingerprint: u.arbitrary()?,
        suppression: if u.arbitrary()? {
            Some(Suppression {
                kind: *u.choose(&[
                    SuppressionKind::Inline,
                    SuppressionKind::Nosec,
                    SuppressionKind::Baseline,
                    SuppressionKind::Config,
                ])?,
                justification: u.arbitrary()?,
            })
        } else {
            None
        },
        evidence: if u.arbitrary()? {
            Some(Evidence {
                method: u.arbitrary()?,
                url: u.arbitrary()?,
                request: u.arbitrary()?,
                status: u.arbitrary()?,
                response: u.arbitrary()?,
                proof: u.arbitrary()?,
            })
        } else {
            None
        },
        confirmed: u.arbitrary()?,
        not_confirmed: u.arbitrary()?,
    })
}

fn rule(u: &mut Unstructured<'_>) -> arbitrary::Result<RuleMeta> {
    Ok(RuleMeta {
        code: u.arbitrary()?,
        name: u.arbitrary()?,
        summary: u.arbitrary()?,
        severity: severity(u)?,
        confidence: confidence(u)?,
        cwe: u.arbitrary()?,
        owasp: u.arbitrary()?,
        remediation: u.arbitrary()?,
        docs: u.arbitrary()?,
        help_uri: u.arbitrary()?,
    })
}

fn input(u: &mut Unstructured<'_>) -> arbitrary::Result<Input> {
    let locations = [
        InputLocation::Query,
        InputLocation::Form,
        InputLocation::Json,
        InputLocation::Path,
        InputLocation::Header,
        InputLocation::Cookie,
        InputLocation::QueryName,
        InputLocation::HeaderName,
        InputLocation::File,
    ];
    Ok(match u.int_in_range(0..=9u8)? {
        9 => Input::Body {
            json: u.arbitrary()?,
        },
        i => Input::At(locations[usize::from(i)], u.arbitrary()?),
    })
}

fn route(u: &mut Unstructured<'_>) -> arbitrary::Result<RouteEntry> {
    Ok(RouteEntry {
        rule: u.arbitrary()?,
        methods: u.arbitrary()?,
        endpoint: u.arbitrary()?,
        handler: u.arbitrary()?,
        location: location(u)?,
        auth: u.arbitrary()?,
        csrf: u.arbitrary()?,
        rate_limit: u.arbitrary()?,
        cors: u.arbitrary()?,
        findings: u.arbitrary()?,
        inputs: (0..u.int_in_range(0..=3u8)?)
            .map(|_| input(u))
            .collect::<arbitrary::Result<_>>()?,
        probe: u.arbitrary()?,
        samples: u.arbitrary()?,
        numbers: u.arbitrary()?,
    })
}

fn report(u: &mut Unstructured<'_>) -> arbitrary::Result<Report> {
    let mut report = Report::new(u.arbitrary()?);
    report.root = u.arbitrary()?;
    report.targets = u.arbitrary()?;
    report.settings.fail_on = if u.arbitrary()? {
        Some(severity(u)?)
    } else {
        None
    };
    report.settings.select = u.arbitrary()?;
    report.settings.ignore = u.arbitrary()?;
    report.settings.config_file = u.arbitrary()?;
    report.settings.baseline = u.arbitrary()?;
    for _ in 0..u.int_in_range(0..=3)? {
        report.rules.push(rule(u)?);
    }
    for _ in 0..u.int_in_range(0..=3)? {
        report.routes.push(route(u)?);
    }
    for _ in 0..u.int_in_range(0..=8)? {
        report.findings.push(finding(u)?);
    }
    for _ in 0..u.int_in_range(0..=3)? {
        report.errors.push(InputError {
            code: u.arbitrary()?,
            name: u.arbitrary()?,
            path: u.arbitrary()?,
            position: if u.arbitrary()? {
                Some(position(u)?)
            } else {
                None
            },
            message: u.arbitrary()?,
        });
    }
    report.stats.files = u.arbitrary::<u32>()? as usize;
    report.stats.python_files = u.arbitrary::<u32>()? as usize;
    report.stats.lines = u.arbitrary::<u32>()? as usize;
    report.stats.duration_ms = u.arbitrary()?;
    report.stats.requests = u.arbitrary::<u16>()? as usize;
    Ok(report)
}

fuzz_target!(|data: &[u8]| {
    // Text read as a report or a baseline, as `--baseline` and `routes --probe-report` do.
    if let Some(json) = data.strip_prefix(b"{") {
        let text = format!("{{{}", String::from_utf8_lossy(json));
        if let Ok(mut report) = serde_json::from_str::<Report>(&text) {
            check_outputs(&report);
            report.finish();
            check_outputs(&report);
        }
        if let Ok(baseline) = Baseline::parse(&text) {
            let _ = baseline.to_json();
        }
        return;
    }
    let mut u = Unstructured::new(data);
    let Ok(mut report) = report(&mut u) else {
        return;
    };
    check_outputs(&report);
    report.finish();
    check_outputs(&report);
});
