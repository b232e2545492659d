//! The `Report`: the single, versioned, serialisable result of a flaskguard run, and
//! everything that renders it. Nothing here knows about Python or Flask.

pub mod baseline;
pub mod emit;
pub mod known;
pub mod registry;
pub mod surface;

use std::fmt;
use std::fmt::Write as _;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Bumped on any incompatible change of the JSON shape.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 5] = [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
        Severity::Info,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    /// The CVSS-like score code scanning uses to bucket `security-severity`.
    pub fn security_severity(self) -> &'static str {
        match self {
            Severity::Info => "1.0",
            Severity::Low => "3.0",
            Severity::Medium => "5.5",
            Severity::High => "8.0",
            Severity::Critical => "9.5",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown severity `{0}` (expected one of: info, low, medium, high, critical)")]
pub struct ParseSeverityError(String);

impl FromStr for Severity {
    type Err = ParseSeverityError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "info" => Ok(Severity::Info),
            "low" => Ok(Severity::Low),
            "medium" => Ok(Severity::Medium),
            "high" => Ok(Severity::High),
            "critical" => Ok(Severity::Critical),
            _ => Err(ParseSeverityError(s.to_string())),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }
}

/// A 1-based line and column.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Default)]
pub struct Location {
    /// `/`-separated path as shown to the user.
    pub path: String,
    pub start: Position,
    pub end: Position,
    /// Byte offsets in the file, for fixes and editors.
    pub byte_start: u32,
    pub byte_end: u32,
}

/// The source lines a finding points at, for code frames.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    pub first_line: u32,
    pub lines: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Shown, never applied.
    DisplayOnly,
    /// Changes behaviour: applied only with `--unsafe-fixes`.
    Unsafe,
    /// Keeps the program's meaning: applied with `--fix`.
    Safe,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    pub byte_start: u32,
    pub byte_end: u32,
    pub content: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    pub title: String,
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

/// One step of a data-flow path (source → … → sink).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraceStep {
    pub location: Location,
    pub message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SuppressionKind {
    /// `# flaskguard: ignore[CODE]`
    Inline,
    /// Bandit's `# nosec`
    Nosec,
    /// Listed in the baseline file.
    Baseline,
    /// Disabled for this file by `per-file-ignores`.
    Config,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppression {
    pub kind: SuppressionKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub justification: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub code: String,
    pub name: String,
    pub severity: Severity,
    pub confidence: Confidence,
    pub message: String,
    pub location: Location,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippet: Option<Snippet>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
    /// Where the flagged value came from and how it travelled (taint findings).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trace: Vec<TraceStep>,
    /// The route this finding concerns, e.g. `POST /login`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub route: Option<String>,
    /// Stable identity across edits: rule, path and normalised code, not line numbers.
    pub fingerprint: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppression: Option<Suppression>,
    /// Probe findings: the exchange that shows the problem (secrets redacted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
    /// A static finding that a probe confirmed on the running app: the proof.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmed: Option<String>,
    /// A static finding a probe tried and could not confirm, or could not try: why
    /// (`not confirmed: …`, `unreachable: …`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_confirmed: Option<String>,
}

/// What a probe sent and what came back, as shown in reports (secrets redacted).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// `GET http://127.0.0.1:5000/search?q=...`
    pub method: String,
    pub url: String,
    /// The request headers and body the probe set (excerpt).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub request: String,
    /// The response status (0 when there was no response).
    pub status: u16,
    /// The response headers and body (excerpt).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub response: String,
    /// What in the exchange proves the finding.
    pub proof: String,
}

impl Finding {
    pub fn is_suppressed(&self) -> bool {
        self.suppression.is_some()
    }
}

/// The documentation and metadata of a rule, as rendered into reports.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleMeta {
    pub code: String,
    pub name: String,
    pub summary: String,
    pub severity: Severity,
    pub confidence: Confidence,
    pub cwe: Vec<u32>,
    pub owasp: String,
    pub remediation: String,
    /// The full rule documentation (Markdown).
    pub docs: String,
    pub help_uri: String,
}

/// A route of the application with the protections that cover it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteEntry {
    pub rule: String,
    pub methods: Vec<String>,
    pub endpoint: String,
    pub handler: String,
    pub location: Location,
    pub auth: Vec<String>,
    pub csrf: String,
    pub rate_limit: Vec<String>,
    pub cors: String,
    /// Codes of findings attached to this route.
    pub findings: Vec<String>,
    /// The request inputs the handler reads: `query:q`, `form:text`, `json:message`,
    /// `header:X-Token`, `cookie:prefs`, `body` (read raw), `json-body` (read as JSON).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inputs: Vec<surface::Input>,
    /// Codes of probe findings on this route (when the probe ran).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub probe: Vec<String>,
    /// The default the handler reads an input with, where it is a constant
    /// (`request.form.get("image", "127.0.0.1:9")`): a value the app expects there, by
    /// input (`form:image`).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub samples: std::collections::BTreeMap<String, String>,
    /// JSON inputs the handler needs as numbers (it checks `isinstance(v, int)` or
    /// compares the value with numbers): their samples are sent as JSON numbers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub numbers: Vec<String>,
}

/// How findings name a route: its methods, then its rule (`GET, POST /login`). The one
/// format of a route's name, for static and probe findings; [`route_rule`] reads it back.
pub fn route_label<S: AsRef<str>>(methods: &[S], rule: &str) -> String {
    let mut out = String::new();
    for (i, m) in methods.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(m.as_ref());
    }
    out.push(' ');
    out.push_str(rule);
    out
}

impl RouteEntry {
    /// How findings name the route (see [`route_label`]).
    pub fn label(&self) -> String {
        route_label(&self.methods, &self.rule)
    }

    /// Lists a probe finding's code on this route (once).
    pub fn add_probe(&mut self, code: &str) {
        if !self.probe.iter().any(|c| c == code) {
            self.probe.push(code.to_string());
        }
    }
}

/// The rule of the route a finding's label names: the rule of the route entry with that
/// label, else the label's last word (a probe names one method: `POST /login`; the whole
/// site is `/`).
pub fn route_rule<'a>(routes: &'a [RouteEntry], label: &'a str) -> &'a str {
    routes.iter().find(|r| r.label() == label).map_or_else(
        || label.rsplit_once(' ').map_or(label, |(_, rule)| rule),
        |r| r.rule.as_str(),
    )
}

/// Problems with the input (unparsable files) and with flaskguard's own work.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputError {
    pub code: String,
    pub name: String,
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    pub message: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub critical: usize,
    pub high: usize,
    pub medium: usize,
    pub low: usize,
    pub info: usize,
    pub suppressed: usize,
    pub total: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    pub files: usize,
    pub python_files: usize,
    pub lines: usize,
    pub duration_ms: u64,
    /// Requests the probe sent (probe runs).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub requests: usize,
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tool {
    pub name: String,
    pub version: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub fail_on: Option<Severity>,
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    pub config_file: Option<String>,
    pub baseline: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema_version: u32,
    pub tool: Tool,
    /// The absolute directory relative paths in this report start from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub root: Option<String>,
    pub settings: Settings,
    pub targets: Vec<String>,
    pub rules: Vec<RuleMeta>,
    pub routes: Vec<RouteEntry>,
    pub findings: Vec<Finding>,
    pub counts: Counts,
    pub errors: Vec<InputError>,
    pub stats: Stats,
}

impl Report {
    pub fn new(version: &str) -> Self {
        Report {
            schema_version: SCHEMA_VERSION,
            root: None,
            tool: Tool {
                name: "flaskguard".to_string(),
                version: version.to_string(),
            },
            settings: Settings::default(),
            targets: Vec::new(),
            rules: Vec::new(),
            routes: Vec::new(),
            findings: Vec::new(),
            counts: Counts::default(),
            errors: Vec::new(),
            stats: Stats::default(),
        }
    }

    /// Sorts findings deterministically and recomputes the counts. Call once, last.
    pub fn finish(&mut self) {
        self.findings.sort_by(|a, b| {
            (&a.location.path, a.location.start, &a.code, &a.message).cmp(&(
                &b.location.path,
                b.location.start,
                &b.code,
                &b.message,
            ))
        });
        self.errors
            .sort_by(|a, b| (&a.path, a.position, &a.code).cmp(&(&b.path, b.position, &b.code)));
        let mut counts = Counts::default();
        for f in &self.findings {
            if f.is_suppressed() {
                counts.suppressed += 1;
                continue;
            }
            counts.total += 1;
            match f.severity {
                Severity::Critical => counts.critical += 1,
                Severity::High => counts.high += 1,
                Severity::Medium => counts.medium += 1,
                Severity::Low => counts.low += 1,
                Severity::Info => counts.info += 1,
            }
        }
        self.counts = counts;
        self.rules.sort_by(|a, b| a.code.cmp(&b.code));
    }

    /// Findings that are not suppressed.
    pub fn active_findings(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| !f.is_suppressed())
    }

    pub fn rule(&self, code: &str) -> Option<&RuleMeta> {
        self.rules.iter().find(|r| r.code == code)
    }

    /// Lists the codes of a probe report's findings on the routes they were found on
    /// (`flaskguard routes --probe-report`), sorted.
    pub fn add_probe_results(&mut self, probe: &Report) {
        for f in probe.findings.iter().filter(|f| f.evidence.is_some()) {
            // Site-wide findings (`/`) name no route.
            let Some(label) = f.route.as_deref().filter(|l| l.contains(' ')) else {
                continue;
            };
            let rule = route_rule(&self.routes, label).to_string();
            for r in self.routes.iter_mut().filter(|r| r.rule == rule) {
                r.add_probe(&f.code);
                r.probe.sort();
            }
        }
    }
}

/// The process exit status for a finished report: 0 clean, 1 findings at or above
/// `fail_on` (any active finding when `None`). Tool failures (2) never reach a report.
pub fn exit_status(report: &Report, fail_on: Option<Severity>) -> u8 {
    let threshold = fail_on.unwrap_or(Severity::Info);
    u8::from(report.active_findings().any(|f| f.severity >= threshold))
}

/// A stable fingerprint: the rule, the path and the whitespace-normalised flagged code,
/// plus the occurrence number among identical ones in the same file.
pub fn fingerprint(code: &str, path: &str, flagged_text: &str, occurrence: usize) -> String {
    let normalised: String = flagged_text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut hasher = Sha256::new();
    hasher.update(code.as_bytes());
    hasher.update([0]);
    hasher.update(path.as_bytes());
    hasher.update([0]);
    hasher.update(normalised.as_bytes());
    hasher.update([0]);
    hasher.update(occurrence.to_le_bytes());
    let digest = hasher.finalize();
    digest[..8]
        .iter()
        .fold(String::with_capacity(16), |mut out, b| {
            let _ = write!(out, "{b:02x}");
            out
        })
}

#[cfg(test)]
mod tests {
    use super::{
        Confidence, Evidence, Finding, Location, Report, RouteEntry, Severity, route_rule,
    };

    fn route(rule: &str, methods: &[&str]) -> RouteEntry {
        RouteEntry {
            rule: rule.to_string(),
            methods: methods.iter().map(ToString::to_string).collect(),
            ..RouteEntry::default()
        }
    }

    fn probe_finding(code: &str, route: &str) -> Finding {
        Finding {
            code: code.to_string(),
            name: String::new(),
            severity: Severity::High,
            confidence: Confidence::High,
            message: String::new(),
            location: Location::default(),
            snippet: None,
            fix: None,
            trace: Vec::new(),
            route: Some(route.to_string()),
            fingerprint: String::new(),
            suppression: None,
            evidence: Some(Evidence::default()),
            confirmed: None,
            not_confirmed: None,
        }
    }

    #[test]
    fn route_labels_name_their_routes_rule() {
        let routes = [route("/login", &["GET", "POST"]), route("/a b", &["GET"])];
        assert_eq!(routes[0].label(), "GET, POST /login");
        assert_eq!(route_rule(&routes, "GET, POST /login"), "/login");
        // A rule with a space is found by its entry; a probe's one-method label by its
        // last word; the whole site is `/`.
        assert_eq!(route_rule(&routes, "GET /a b"), "/a b");
        assert_eq!(route_rule(&routes, "POST /login"), "/login");
        assert_eq!(route_rule(&routes, "/"), "/");
    }

    #[test]
    fn probe_results_join_their_routes_once_and_sorted() {
        let mut report = Report::new("0");
        report.routes = vec![route("/search", &["GET"]), route("/", &["GET"])];
        let mut probe = Report::new("0");
        probe.findings = vec![
            probe_finding("FG620", "GET /search"),
            probe_finding("FG618", "GET /search"),
            probe_finding("FG620", "POST /search"),
            probe_finding("FG614", "/"),
        ];
        // A static finding (no evidence) is not a probe result.
        let mut static_finding = probe_finding("FG101", "GET /search");
        static_finding.evidence = None;
        probe.findings.push(static_finding);
        report.add_probe_results(&probe);
        assert_eq!(report.routes[0].probe, ["FG618", "FG620"]);
        assert!(
            report.routes[1].probe.is_empty(),
            "{:?}",
            report.routes[1].probe
        );
    }
}
