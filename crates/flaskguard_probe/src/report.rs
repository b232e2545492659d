//! A probe's results in a report: the static findings a probe finding proves are marked
//! confirmed, the routes list the probe codes found on them, and the probe's findings,
//! rules and problems join the report.

use flaskguard_report::registry::PROBE_REQUEST_FAILED;
use flaskguard_report::{Finding, InputError, Report, RouteEntry, Severity, route_rule};

use crate::Outcome;
use crate::finding::{CookieRole, ProbeFinding};
use crate::rules::probe_rule;

/// Adds a probe run on `target` to a report (which may hold the static analysis of the
/// app's source): confirmations first, then the probe's rules, findings and problems.
pub fn add_to_report(report: &mut Report, outcome: Outcome, target: &str) {
    confirm(report, &outcome.findings);
    explain_unconfirmed(report, &outcome.tried);
    for r in outcome.rules {
        if !report.rules.iter().any(|x| x.code == r.code) {
            report.rules.push(r);
        }
    }
    report
        .findings
        .extend(outcome.findings.into_iter().map(|f| f.finding));
    for e in outcome.errors {
        report.errors.push(InputError {
            code: PROBE_REQUEST_FAILED.code.to_string(),
            name: PROBE_REQUEST_FAILED.name.to_string(),
            path: target.to_string(),
            position: None,
            message: e,
        });
    }
    report.stats.requests = outcome.requests;
}

/// Marks the static findings that a probe finding proves, and lists probe results per
/// route.
fn confirm(report: &mut Report, probe: &[ProbeFinding]) {
    for pf in probe {
        let Some(rule) = probe_rule(&pf.finding.code) else {
            continue;
        };
        let probe_rule = pf.scope.rule();
        let proof = pf.finding.evidence.as_ref().map_or_else(String::new, |e| {
            format!("{} ({} {probe_rule})", e.proof, pf.finding.code)
        });
        for f in &mut report.findings {
            if !rule.confirms.contains(&f.code.as_str()) || f.confirmed.is_some() {
                continue;
            }
            if pf.cookie.is_some_and(|role| !cookie_proves(role, &f.code)) {
                continue;
            }
            let same_route = probe_rule == "/"
                || match &f.route {
                    Some(label) => route_rule(&report.routes, label) == probe_rule,
                    // A finding in a handler belongs to that handler's routes; one outside
                    // every handler (configuration) to the whole app.
                    None => handler_rules(&report.routes, f)
                        .is_none_or(|rules| rules.contains(&probe_rule)),
                };
            if same_route {
                f.confirmed = Some(proof.clone());
                if f.severity < pf.finding.severity {
                    f.severity = pf.finding.severity.max(Severity::Low);
                }
            }
        }
        for r in report.routes.iter_mut().filter(|r| r.rule == probe_rule) {
            r.add_probe(&pf.finding.code);
        }
    }
}

/// Says, for each static finding an injection attack would confirm and did not, why: the
/// attack ran on the finding's route and found nothing (`not confirmed`, with the inputs
/// tried), or never ran there (`unreachable`: the bounds cut it, or the probe knew no
/// input of the route). Nothing when no attack was planned at all (a passive run).
fn explain_unconfirmed(report: &mut Report, tried: &[crate::Tried]) {
    if tried.is_empty() {
        return;
    }
    let routes = report.routes.clone();
    for f in report
        .findings
        .iter_mut()
        .filter(|f| f.confirmed.is_none() && f.evidence.is_none())
    {
        let probes: Vec<&flaskguard_report::registry::Entry> = crate::rules::PROBES
            .iter()
            .filter(|p| {
                p.confirms.contains(&f.code.as_str()) && crate::active::is_attack_code(p.code)
            })
            .collect();
        let Some(first) = probes.first() else {
            continue;
        };
        let rules = crate::finding_rules(&routes, f);
        let Some(rule) = rules.first() else { continue };
        let relevant: Vec<&crate::Tried> = tried
            .iter()
            .filter(|t| rules.contains(&t.rule.as_str()) && probes.iter().any(|p| p.code == t.code))
            .collect();
        let mut inputs: Vec<&str> = relevant
            .iter()
            .filter(|t| t.done)
            .map(|t| t.input.as_str())
            .collect();
        inputs.sort_unstable();
        inputs.dedup();
        let name = first.name;
        f.not_confirmed = Some(if !inputs.is_empty() {
            format!(
                "not confirmed: {name} ({}) tried on {rule} through {}",
                first.code,
                inputs.join(", ")
            )
        } else if relevant.iter().any(|t| !t.done) {
            format!(
                "unreachable: the request budget or time limit ran out before {name} ({}) was tried on {rule}",
                first.code
            )
        } else {
            format!(
                "unreachable: the probe knew no input of {rule} to try {name} ({}) on",
                first.code
            )
        });
    }
}

/// Whether a cookie's missing flags prove the static finding `code` wrong: the session
/// cookie's settings (FG209–FG211), Flask-Login's remember-me settings (FG253), the JWT
/// cookie settings (FG258), or the flags of any other cookie's `set_cookie`.
fn cookie_proves(role: CookieRole, code: &str) -> bool {
    match code {
        "FG209" | "FG210" | "FG211" => role == CookieRole::Session,
        "FG253" => role == CookieRole::RememberMe,
        "FG258" => role == CookieRole::Token,
        _ => role != CookieRole::Session,
    }
}

/// The rules of the handler a finding lies in (a route's location spans its handler).
/// `None` when it lies in no handler (module-level configuration, callbacks).
fn handler_rules<'r>(routes: &'r [RouteEntry], f: &Finding) -> Option<Vec<&'r str>> {
    let rules = crate::rules_holding(routes, &f.location);
    (!rules.is_empty()).then_some(rules)
}

#[cfg(test)]
mod tests {
    use flaskguard_report::{
        Confidence, Evidence, Finding, Location, Position, Report, RouteEntry, Severity,
    };

    use super::{add_to_report, cookie_proves};
    use crate::Outcome;
    use crate::finding::{CookieRole, ProbeFinding, Scope};

    fn at(line: u32, end: u32) -> Location {
        Location {
            path: "app.py".to_string(),
            start: Position { line, column: 1 },
            end: Position {
                line: end,
                column: 1,
            },
            ..Location::default()
        }
    }

    fn finding(code: &str, route: Option<&str>, location: Location) -> Finding {
        Finding {
            code: code.to_string(),
            name: String::new(),
            severity: Severity::Low,
            confidence: Confidence::High,
            message: String::new(),
            location,
            snippet: None,
            fix: None,
            trace: Vec::new(),
            route: route.map(ToString::to_string),
            fingerprint: String::new(),
            suppression: None,
            evidence: None,
            confirmed: None,
            not_confirmed: None,
        }
    }

    fn route(rule: &str, methods: &[&str], location: Location) -> RouteEntry {
        RouteEntry {
            rule: rule.to_string(),
            methods: methods.iter().map(ToString::to_string).collect(),
            location,
            ..RouteEntry::default()
        }
    }

    fn probe(code: &str, scope: Scope, cookie: Option<CookieRole>) -> ProbeFinding {
        let mut f = finding(code, Some(&scope.label()), Location::default());
        f.severity = Severity::Critical;
        f.evidence = Some(Evidence {
            proof: "the proof".to_string(),
            ..Evidence::default()
        });
        ProbeFinding {
            finding: f,
            scope,
            cookie,
        }
    }

    /// The static side of an app: `/search` (lines 10–20) and `/login` (30–40).
    fn static_report() -> Report {
        let mut report = Report::new("0");
        report.routes = vec![
            route("/search", &["GET"], at(10, 20)),
            route("/login", &["GET", "POST"], at(30, 40)),
        ];
        report.findings = vec![
            // SQL injection in the /search handler, and one in /login's.
            finding("FG101", None, at(12, 12)),
            finding("FG101", None, at(33, 33)),
            // The login route without a rate limit, named by its label.
            finding("FG265", Some("GET, POST /login"), at(30, 30)),
            // Session cookie settings (configuration, outside every handler).
            finding("FG209", None, at(3, 3)),
            // A remember-me cookie setting, and a `set_cookie` without flags.
            finding("FG253", None, at(4, 4)),
            finding("FG214", None, at(15, 15)),
        ];
        report
    }

    fn confirmed(report: &Report) -> Vec<(&str, u32)> {
        report
            .findings
            .iter()
            .filter(|f| f.confirmed.is_some())
            .map(|f| (f.code.as_str(), f.location.start.line))
            .collect()
    }

    fn outcome(findings: Vec<ProbeFinding>) -> Outcome {
        Outcome {
            findings,
            requests: 42,
            errors: vec!["GET /x: timed out".to_string()],
            ..Outcome::default()
        }
    }

    #[test]
    fn a_probe_finding_confirms_static_findings_on_its_route_only() {
        let mut report = static_report();
        let found = outcome(vec![
            probe("FG620", Scope::route("GET", "/search"), None),
            probe("FG632", Scope::route("POST", "/login"), None),
        ]);
        add_to_report(&mut report, found, "http://127.0.0.1:5000");
        assert_eq!(confirmed(&report)[..2], [("FG101", 12), ("FG265", 30)]);
        assert_eq!(confirmed(&report).len(), 2);
        let sql = &report.findings[0];
        assert_eq!(sql.confirmed.as_deref(), Some("the proof (FG620 /search)"));
        // The probe's severity, when higher.
        assert_eq!(sql.severity, Severity::Critical);
        assert_eq!(report.routes[0].probe, ["FG620"]);
        assert_eq!(report.routes[1].probe, ["FG632"]);
        // The probe's findings, problems and request count join the report.
        assert_eq!(report.findings.len(), 8);
        assert_eq!(report.errors[0].path, "http://127.0.0.1:5000");
        assert_eq!(report.errors[0].message, "GET /x: timed out");
        assert_eq!(report.stats.requests, 42);
    }

    #[test]
    fn a_cookie_confirms_the_settings_of_its_kind() {
        let cookie = |role| probe("FG609", Scope::Site, Some(role));
        let mut report = static_report();
        add_to_report(&mut report, outcome(vec![cookie(CookieRole::Session)]), "t");
        assert_eq!(confirmed(&report), [("FG209", 3)]);
        let mut report = static_report();
        add_to_report(
            &mut report,
            outcome(vec![cookie(CookieRole::RememberMe)]),
            "t",
        );
        // Site-wide: a `set_cookie` in any handler is confirmed.
        assert_eq!(confirmed(&report), [("FG253", 4), ("FG214", 15)]);
        let mut report = static_report();
        add_to_report(&mut report, outcome(vec![cookie(CookieRole::Other)]), "t");
        assert_eq!(confirmed(&report), [("FG214", 15)]);
    }

    #[test]
    fn cookie_roles_prove_their_own_settings() {
        for code in ["FG209", "FG210", "FG211"] {
            assert!(cookie_proves(CookieRole::Session, code));
            assert!(!cookie_proves(CookieRole::Other, code));
        }
        assert!(cookie_proves(CookieRole::RememberMe, "FG253"));
        assert!(!cookie_proves(CookieRole::Session, "FG253"));
        assert!(cookie_proves(CookieRole::Token, "FG258"));
        assert!(!cookie_proves(CookieRole::RememberMe, "FG258"));
        assert!(cookie_proves(CookieRole::Token, "FG214"));
        assert!(!cookie_proves(CookieRole::Session, "FG214"));
    }
}
