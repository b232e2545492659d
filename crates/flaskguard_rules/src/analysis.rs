//! Runs the selected rules over a project and turns what they report into findings.

use flaskguard_report::surface::Input;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use flaskguard_flask::{DecoratorKind, ExtKind, FlaskModel, Owner, request};
use flaskguard_index::{DiagnosticKind, Index, Project, SourceFile, Span};
use flaskguard_report::registry::{self, Entry};
use flaskguard_report::{
    Finding, InputError, Location, Position, RouteEntry, RuleMeta, Snippet, Suppression,
    SuppressionKind, TraceStep, fingerprint,
};

use crate::policy::{InlineSuppression, Selection, parse_suppression};
use crate::reporter::{RawFinding, Target};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports `# flaskguard: ignore[...]` comments that suppress nothing.
    ///
    /// ## Why is this bad?
    /// A stale suppression hides the next real finding on that line, and tells readers
    /// that a problem exists where there is none.
    ///
    /// ## Example
    /// ```python
    /// app.run()  # flaskguard: ignore[FG201]
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// app.run()
    /// ```
    ///
    /// ## References
    /// - [flaskguard configuration](https://example.invalid/flaskguard/configuration)
    pub(crate) static UNUSED_SUPPRESSION = {
        code: "FG004",
        name: "unused-suppression",
        summary: "Suppression comment that matches no finding",
        severity: Low,
        confidence: High,
        cwe: [],
        owasp: "",
        remediation: "Remove the suppression comment, or correct its codes.",
        since: "0.1.0",
        status: Stable,
        check: no_check,
    }
}

fn no_check(_: &Context<'_, '_>, _: &mut Reporter) {}

/// The registry entry of a diagnostic of the index or the Flask model.
fn diagnostic(kind: DiagnosticKind) -> &'static Entry {
    match kind {
        DiagnosticKind::InvalidSyntax => &registry::INVALID_SYNTAX,
        DiagnosticKind::UnreadableFile => &registry::UNREADABLE_FILE,
        DiagnosticKind::TooDeeplyNested => &registry::TOO_DEEPLY_NESTED,
    }
}

#[derive(Clone, Debug)]
pub struct AnalysisOptions {
    pub selection: Selection,
    /// Print the wall time of each phase to stderr (`FLASKGUARD_TIMINGS=1`). The taint
    /// engine then runs on its own before the rules, so its time is measured apart.
    pub timings: bool,
    /// Leave the index and the Flask model for the process exit to free: a command-line
    /// run saves the time of tearing down millions of nodes one by one.
    pub free_at_exit: bool,
    /// Projects with less Python source than twice this (bytes) are analysed in one part.
    pub min_part_bytes: u64,
    /// The scanned roots as reports print paths: where example and test folders are
    /// looked for (`examples/` above the root does not make everything example code).
    pub roots: Vec<String>,
}

impl AnalysisOptions {
    /// A report path relative to the scanned root it is under.
    fn relative<'p>(&self, display: &'p str) -> &'p str {
        self.roots
            .iter()
            .filter(|r| !r.is_empty() && *r != ".")
            .find_map(|r| display.strip_prefix(r.as_str())?.strip_prefix('/'))
            .unwrap_or(display)
    }
}

impl Default for AnalysisOptions {
    fn default() -> Self {
        Self {
            selection: Selection::default(),
            timings: false,
            free_at_exit: false,
            min_part_bytes: flaskguard_index::partition::DEFAULT_MIN_PART_BYTES,
            roots: Vec::new(),
        }
    }
}

/// The outcome of analysing a project: report-level data only.
#[derive(Debug, Default)]
pub struct Analysis {
    pub findings: Vec<Finding>,
    pub routes: Vec<RouteEntry>,
    pub rules: Vec<RuleMeta>,
    pub errors: Vec<InputError>,
    /// Values the project gives `SECRET_KEY` (and its fallbacks): what a prober tries
    /// first against a session cookie. Never written to a report.
    pub secret_candidates: Secrets,
    /// The database engines the project connects to (`sqlite`, `postgresql`, `mysql`):
    /// what a prober's time-based SQL payloads must speak. Empty when unknown.
    pub databases: Vec<&'static str>,
}

pub use flaskguard_index::{ANALYSIS_STACK_BYTES, WORKER_STACK_BYTES};

/// Secret values; their `Debug` shows only how many there are.
#[derive(Default)]
pub struct Secrets(pub Vec<String>);

impl std::fmt::Debug for Secrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Secrets({} redacted)", self.0.len())
    }
}

/// What was read, for the report's statistics.
#[derive(Clone, Copy, Debug, Default)]
pub struct Scanned {
    pub python_files: usize,
    pub files: usize,
    pub lines: usize,
}

/// Discovers, reads and analyses a project part by part (see
/// `flaskguard_index::partition`): only one part's syntax trees and indexes are in memory
/// at a time, and the result is the one analysing everything at once would give.
pub fn analyze_paths(
    roots: &[std::path::PathBuf],
    discover: &flaskguard_index::DiscoverOptions,
    options: &AnalysisOptions,
) -> (Analysis, Scanned) {
    let mut clock = Phases::new(options.timings);
    let plan = flaskguard_index::partition::Plan::new(
        roots,
        discover,
        &flaskguard_flask::is_framework_root,
        options.min_part_bytes,
    );
    clock.lap("discover + plan");
    let mut total = Analysis::default();
    let mut scanned = Scanned::default();
    let last = plan.parts.len() - 1;
    for i in 0..plan.parts.len() {
        let mut clock = Phases::new(options.timings);
        if options.timings && plan.parts.len() > 1 {
            Phases::heading(&format!(
                "part {} of {}: {} files",
                i + 1,
                plan.parts.len(),
                plan.parts[i].len()
            ));
        }
        let project = plan.load(i);
        clock.lap("read + parse");
        scanned.python_files += project.modules.len();
        scanned.files += project.modules.len() + project.texts.len();
        scanned.lines += project.lines;
        let keep = options.free_at_exit && i == last;
        let part = analyze(
            &project,
            &AnalysisOptions {
                free_at_exit: keep,
                roots: roots
                    .iter()
                    .map(|r| flaskguard_index::display_path(r))
                    .collect(),
                ..options.clone()
            },
        );
        total.merge(part);
        if keep {
            // Freeing it node by node is wasted time when the process is about to exit.
            std::mem::forget(project);
        } else {
            // The next part reuses the memory; modules are freed in parallel.
            project.modules.into_par_iter().for_each(drop);
        }
    }
    total
        .routes
        .sort_by(|a, b| (&a.rule, &a.methods).cmp(&(&b.rule, &b.methods)));
    total
        .errors
        .sort_by(|a, b| a.path.cmp(&b.path).then(a.code.cmp(&b.code)));
    (total, scanned)
}

impl Analysis {
    /// Adds the analysis of another, independent part of the project.
    fn merge(&mut self, other: Analysis) {
        self.findings.extend(other.findings);
        self.routes.extend(other.routes);
        if self.rules.is_empty() {
            self.rules = other.rules;
        }
        self.errors.extend(other.errors);
        for d in other.databases {
            if !self.databases.contains(&d) {
                self.databases.push(d);
            }
        }
        for s in other.secret_candidates.0 {
            if !self.secret_candidates.0.contains(&s) {
                self.secret_candidates.0.push(s);
            }
        }
    }
}

/// Analyses a loaded project with the selected rules.
pub fn analyze(project: &Project, options: &AnalysisOptions) -> Analysis {
    let mut clock = Phases::new(options.timings);
    let index = Index::build(&project.modules);
    clock.lap("index");
    let model = FlaskModel::build(&index, &project.texts);
    clock.lap("flask model");
    let spec = crate::taint::Spec::builtin();
    let ctx = Context {
        index: &index,
        model: &model,
        project,
        spec,
        taint: std::sync::OnceLock::new(),
        param_config: std::sync::OnceLock::new(),
        httpauth: std::sync::OnceLock::new(),
    };
    let enabled: Vec<&'static crate::Rule> = crate::RULES
        .iter()
        .copied()
        .filter(|r| options.selection.is_enabled(r))
        .collect();
    // The taint engine runs on one thread (its summaries must not depend on which thread
    // gets where first), whichever rules are selected, while the other cores run the rules
    // that do not read its results; the rules that do run once it is done. (With timings
    // on, the engine runs alone, so that its time is measured apart.)
    let run = |rules: &[(usize, &'static crate::Rule)]| {
        rules
            .par_iter()
            .map(|&(i, rule)| {
                let started = std::time::Instant::now();
                let mut reporter = Reporter::new(rule);
                (rule.check)(&ctx, &mut reporter);
                (i, rule.code, started.elapsed(), reporter.findings)
            })
            .collect::<Vec<_>>()
    };
    let (after, beside): (Vec<_>, Vec<_>) = enabled
        .iter()
        .copied()
        .enumerate()
        .partition(|(_, r)| r.uses_taint);
    let mut done = if options.timings {
        let _ = ctx.flows();
        clock.lap("taint engine");
        run(&beside)
    } else {
        rayon::join(
            || {
                let _ = ctx.flows();
            },
            || run(&beside),
        )
        .1
    };
    done.extend(run(&after));
    // In the rules' order, whatever order they ran in.
    done.sort_by_key(|(i, ..)| *i);
    let done = done
        .into_iter()
        .map(|(_, code, took, findings)| (code, took, findings));
    let raw: Vec<RawFinding> = done
        .into_iter()
        .flat_map(|(code, took, findings)| {
            if options.timings && took.as_millis() >= 20 {
                Phases::print(&format!("  rule {code}"), took);
            }
            findings
        })
        .collect();

    clock.lap("rules");
    // Findings in code that never runs (a condition folded to a constant) are dropped,
    // whichever rules were selected (the engine ran above).
    let raw: Vec<RawFinding> = match ctx.dead_code() {
        Some(dead) if !dead.is_empty() => raw
            .into_iter()
            .filter(|r| match r.target {
                Target::Module(m, span) => !crate::taint::in_dead_code(dead, m, span),
                Target::Text(..) => true,
            })
            .collect(),
        _ => raw,
    };
    // One finding per sink and message: several request reads reaching one sink through
    // different routes or callers are one problem to fix.
    // (The paths of the ones merged away still say which routes the problem reaches:
    // the probe aims at those routes too.)
    let mut seen: rustc_hash::FxHashSet<(&str, String, String)> = rustc_hash::FxHashSet::default();
    let mut merged_steps: Vec<(&'static str, Target)> = Vec::new();
    let raw: Vec<RawFinding> = raw
        .into_iter()
        .filter(|r| {
            let first = seen.insert((r.rule.code, format!("{:?}", r.target), r.message.clone()));
            if !first {
                merged_steps.extend(r.trace.iter().map(|(step, _)| (r.rule.code, *step)));
            }
            first
        })
        .collect();
    let mut findings = Vec::with_capacity(raw.len());
    let mut occurrences: FxHashMap<(String, String, String), usize> = FxHashMap::default();
    for r in raw {
        let source = source_of(project, r.target);
        let span = span_of(r.target);
        if options
            .selection
            .ignored_for_file(&source.display, r.rule.code, r.rule.name)
        {
            continue;
        }
        let flagged = source.slice(span).to_string();
        let key = (
            r.rule.code.to_string(),
            source.display.clone(),
            flagged.clone(),
        );
        let n = occurrences.entry(key).or_insert(0);
        let occurrence = *n;
        *n += 1;
        let chosen = options.selection.severity.get(r.rule.code).copied();
        let mut severity = chosen.or(r.severity).unwrap_or(r.rule.severity);
        let mut message = r.message;
        // Code that ships beside the application but is not it: its findings stay in the
        // report, below the severities a team acts on (unless configured otherwise).
        if chosen.is_none()
            && severity > flaskguard_report::Severity::Low
            && let Some(kind) = flaskguard_flask::non_production(options.relative(&source.display))
        {
            severity = flaskguard_report::Severity::Low;
            message.push_str(" (in ");
            message.push_str(kind);
            message.push_str(" code: reported as low)");
        }
        findings.push(Finding {
            code: r.rule.code.to_string(),
            name: r.rule.name.to_string(),
            severity,
            confidence: r.rule.confidence,
            message,
            location: location(source, span),
            snippet: Some(snippet(source, span)),
            fix: r.fix,
            trace: r
                .trace
                .iter()
                .map(|(t, msg)| TraceStep {
                    location: location(source_of(project, *t), span_of(*t)),
                    message: msg.clone(),
                })
                .collect(),
            route: r.route,
            fingerprint: fingerprint(r.rule.code, &source.display, &flagged, occurrence),
            suppression: None,
            evidence: None,
            confirmed: None,
            not_confirmed: None,
        });
    }
    apply_inline_suppressions(project, &mut findings, options);

    let routes = route_entries(&ctx, &findings, &merged_steps);
    let mut rules: Vec<RuleMeta> = enabled.iter().map(|r| r.meta()).collect();
    rules.sort_by(|a, b| a.code.cmp(&b.code));
    let mut errors: Vec<InputError> = project
        .diagnostics
        .iter()
        .chain(&model.diagnostics)
        .map(|d| InputError {
            code: diagnostic(d.kind).code.to_string(),
            name: diagnostic(d.kind).name.to_string(),
            path: d.path.clone(),
            position: d.position.map(|p| Position {
                line: p.line,
                column: p.column,
            }),
            message: d.message.clone(),
        })
        .collect();
    errors.sort_by(|a, b| a.path.cmp(&b.path).then(a.code.cmp(&b.code)));
    let mut secret_candidates: Vec<String> = Vec::new();
    for c in model.config.iter().filter(|c| {
        matches!(
            c.key.as_str(),
            "SECRET_KEY" | "SECRET_KEY_FALLBACKS" | "JWT_SECRET_KEY"
        )
    }) {
        let mut push = |v: &flaskguard_index::Value| match v {
            flaskguard_index::Value::Str(s) if !s.is_empty() => secret_candidates.push(s.clone()),
            flaskguard_index::Value::Env {
                default: Some(d), ..
            } => {
                if let flaskguard_index::Value::Str(s) = d.as_ref()
                    && !s.is_empty()
                {
                    secret_candidates.push(s.clone());
                }
            }
            _ => {}
        };
        match &c.value {
            flaskguard_index::Value::List(items) => items.iter().for_each(&mut push),
            v => push(v),
        }
    }
    secret_candidates.dedup();
    let databases = databases(&index, &model);
    clock.lap("findings");
    drop(ctx);
    if options.free_at_exit {
        std::mem::forget(model);
        std::mem::forget(index);
    } else {
        drop(model);
        index.free();
    }
    Analysis {
        findings,
        routes,
        rules,
        errors,
        secret_candidates: Secrets(secret_candidates),
        databases,
    }
}

/// The engine a database URL or driver module names.
fn engine_of(name: &str) -> Option<&'static str> {
    let n = name.to_ascii_lowercase();
    if n.starts_with("sqlite") {
        Some("sqlite")
    } else if n.starts_with("postgres") || n.starts_with("psycopg") || n.starts_with("asyncpg") {
        Some("postgresql")
    } else if n.starts_with("mysql") || n.starts_with("pymysql") || n.starts_with("mariadb") {
        Some("mysql")
    } else {
        None
    }
}

/// The database engines the project connects to: drivers' `connect` calls, SQLAlchemy
/// engine URLs, `SQLALCHEMY_DATABASE_URI`, and sleep functions registered on SQLite.
fn databases(index: &Index<'_>, model: &flaskguard_flask::FlaskModel<'_>) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    let mut add = |e: Option<&'static str>| {
        if let Some(e) = e
            && !out.contains(&e)
        {
            out.push(e);
        }
    };
    for qual in [
        "sqlite3.connect",
        "psycopg2.connect",
        "psycopg.connect",
        "asyncpg.connect",
        "pymysql.connect",
        "MySQLdb.connect",
        "mysql.connector.connect",
    ] {
        if index.calls_to(qual).next().is_some() {
            add(engine_of(qual));
        }
    }
    for c in index
        .calls_to("sqlalchemy.create_engine")
        .chain(index.calls_to("sqlalchemy.ext.asyncio.create_async_engine"))
    {
        if let Some(url) = c.call.argument(0, "url") {
            add(index
                .eval(c.module, c.scope, url)
                .as_str()
                .and_then(engine_of));
        }
    }
    for c in model
        .config
        .iter()
        .filter(|c| c.key == "SQLALCHEMY_DATABASE_URI")
    {
        add(c.value.as_str().and_then(engine_of));
    }
    // A SQLite connection given another engine's sleep function speaks that much of it.
    for c in index.calls_to("sqlite3.connect().create_function") {
        let name = c.call.argument(0, "name").and_then(|n| {
            index
                .eval(c.module, c.scope, n)
                .as_str()
                .map(str::to_string)
        });
        add(match name.as_deref() {
            Some("pg_sleep") => Some("postgresql"),
            Some("sleep") => Some("mysql"),
            _ => None,
        });
    }
    out
}

/// Wall-clock laps of the analysis phases, printed to stderr when enabled, with the CPU
/// time of the whole process over the lap (`cpu` ≈ 2 × `ms` on two busy cores).
pub struct Phases {
    last: Option<(std::time::Instant, f64)>,
}

impl Phases {
    pub fn new(enabled: bool) -> Self {
        Self {
            last: enabled.then(|| (std::time::Instant::now(), cpu_ms())),
        }
    }

    /// Prints the time since the previous lap (or since `new`) under `name`.
    pub fn lap(&mut self, name: &str) {
        if let Some((last, last_cpu)) = self.last {
            let now = (std::time::Instant::now(), cpu_ms());
            Self::print_with_cpu(name, now.0 - last, Some(now.1 - last_cpu));
            self.last = Some(now);
        }
    }

    /// Prints a line that starts a group of laps.
    #[expect(clippy::print_stderr, reason = "timings are asked for on stderr")]
    pub fn heading(text: &str) {
        eprintln!("{text}");
    }

    fn print(name: &str, took: std::time::Duration) {
        Self::print_with_cpu(name, took, None);
    }

    #[expect(clippy::print_stderr, reason = "timings are asked for on stderr")]
    fn print_with_cpu(name: &str, took: std::time::Duration, cpu: Option<f64>) {
        let cpu = cpu.map_or_else(String::new, |c| format!("  cpu {c:>7.0} ms"));
        eprintln!(
            "timing: {name:<14} {:>9.1} ms  rss {:>6} MiB{cpu}",
            took.as_secs_f64() * 1e3,
            resident_mib()
        );
    }
}

/// CPU time (user + system, all threads) this process has used, in milliseconds (Linux;
/// 0 elsewhere), for the timings.
fn cpu_ms() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            // Fields after the command name (which may hold spaces) in parentheses.
            let rest = &s[s.rfind(')')? + 2..];
            let mut fields = rest.split_whitespace();
            let utime: f64 = fields.nth(11)?.parse().ok()?;
            let stime: f64 = fields.next()?.parse().ok()?;
            // USER_HZ is 100 on every Linux configuration Rust supports.
            Some((utime + stime) * 10.0)
        })
        .unwrap_or(0.0)
}

/// The resident set size of this process (Linux; 0 elsewhere), for the timings.
fn resident_mib() -> u64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map_or(0, |pages| pages * 4096 / (1024 * 1024))
}

fn source_of(project: &Project, target: Target) -> &SourceFile {
    match target {
        Target::Module(m, _) => &project.modules[m.0 as usize].source,
        Target::Text(t, _) => &project.texts[t].source,
    }
}

fn span_of(target: Target) -> Span {
    match target {
        Target::Module(_, s) | Target::Text(_, s) => s,
    }
}

pub(crate) fn location(source: &SourceFile, span: Span) -> Location {
    let start = source.line_col(span.start);
    let end = source.line_col(span.end);
    Location {
        path: source.display.clone(),
        start: Position {
            line: start.line,
            column: start.column,
        },
        end: Position {
            line: end.line,
            column: end.column,
        },
        byte_start: span.start,
        byte_end: span.end,
    }
}

fn snippet(source: &SourceFile, span: Span) -> Snippet {
    let start = source.line_col(span.start).line;
    let end = source.line_col(span.end).line.min(start + 2);
    Snippet {
        first_line: start,
        lines: (start..=end)
            .map(|l| source.line_text(l).to_string())
            .collect(),
    }
}

fn apply_inline_suppressions(
    project: &Project,
    findings: &mut Vec<Finding>,
    options: &AnalysisOptions,
) {
    // The suppression comments of each module, with their spans: read once, on every core.
    let parsed: Vec<Vec<(InlineSuppression, Span)>> = project
        .modules
        .par_iter()
        .map(|m| {
            m.comments
                .iter()
                .filter_map(|c| Some((parse_suppression(c.text(&m.source), c.line)?, c.span)))
                .collect()
        })
        .collect();
    let by_path: FxHashMap<&str, &[(InlineSuppression, Span)]> = project
        .modules
        .iter()
        .zip(&parsed)
        .filter(|(_, sups)| !sups.is_empty())
        .map(|(m, sups)| (m.source.display.as_str(), sups.as_slice()))
        .collect();
    let mut used: FxHashSet<(String, u32)> = FxHashSet::default();
    for f in findings.iter_mut() {
        let Some(sups) = by_path.get(f.location.path.as_str()) else {
            continue;
        };
        let lines = f.location.start.line..=f.location.end.line;
        if let Some((s, _)) = sups
            .iter()
            .find(|(s, _)| lines.contains(&s.line) && s.covers(&f.code, &f.name))
        {
            used.insert((f.location.path.clone(), s.line));
            f.suppression = Some(Suppression {
                kind: if s.nosec {
                    SuppressionKind::Nosec
                } else {
                    SuppressionKind::Inline
                },
                justification: s.justification.clone(),
            });
        }
    }
    if !options.selection.is_enabled(&UNUSED_SUPPRESSION) {
        return;
    }
    for (m, sups) in project.modules.iter().zip(&parsed) {
        for (s, span) in sups {
            // Bandit's `# nosec` may be there for Bandit's own checks: not ours to judge.
            if s.nosec || used.contains(&(m.source.display.clone(), s.line)) {
                continue;
            }
            // Only judge suppressions of rules that ran.
            let judged = if s.codes.is_empty() {
                options.selection.select.is_empty()
            } else {
                s.codes.iter().all(|code| {
                    crate::rule_by_code(code)
                        .or_else(|| crate::rule_by_name(code))
                        .is_some_and(|r| options.selection.is_enabled(r))
                })
            };
            if !judged {
                continue;
            }
            let flagged = m.source.slice(*span).to_string();
            findings.push(Finding {
                code: UNUSED_SUPPRESSION.code.to_string(),
                name: UNUSED_SUPPRESSION.name.to_string(),
                severity: UNUSED_SUPPRESSION.severity,
                confidence: UNUSED_SUPPRESSION.confidence,
                message: if s.codes.is_empty() {
                    "Suppression comment matches no finding on this line".to_string()
                } else {
                    format!(
                        "Suppression of {} matches no finding on this line",
                        s.codes.join(", ")
                    )
                },
                location: location(&m.source, *span),
                snippet: Some(snippet(&m.source, *span)),
                fix: None,
                trace: Vec::new(),
                route: None,
                fingerprint: fingerprint(UNUSED_SUPPRESSION.code, &m.source.display, &flagged, 0),
                suppression: None,
                evidence: None,
                confirmed: None,
                not_confirmed: None,
            });
        }
    }
}

/// Whether an extension covers a route: it is attached to the route's app, or either
/// side's app is unknown.
fn applies(e: &flaskguard_flask::Extension<'_>, r: &flaskguard_flask::Route<'_>) -> bool {
    e.apps.is_empty() || r.apps.is_empty() || r.apps.iter().any(|a| e.apps.contains(a))
}

/// `GET, POST /login`
/// The request inputs a route's handler reads by name (`request.args.get("q")`,
/// `request.form["text"]`, `request.get_json()["message"]`, `request.headers.get("X-Key")`),
/// as `location:name` (`query:q`, `form:text`, `json:message`, `header:X-Key`), plus `body`
/// for the raw body. What a prober fuzzes; the URL's own parameters come from the rule.
/// What each request helper reads by one of its parameters: (location, parameter index,
/// parameter name, and the parameter its default comes from: `def json_field(name,
/// default=""): return body.get(name, default)`), by function. Shared by all routes: a
/// helper is read once.
type HelperReads = rustc_hash::FxHashMap<
    (flaskguard_index::ModuleId, flaskguard_index::ir::FuncIdx),
    Vec<(
        flaskguard_report::surface::InputLocation,
        usize,
        String,
        Option<(usize, String)>,
    )>,
>;

fn route_inputs(
    index: &Index<'_>,
    route: &flaskguard_flask::Route<'_>,
    helpers: &mut HelperReads,
    samples: &mut Vec<(Input, String)>,
    numbers: &mut Vec<Input>,
) -> Vec<Input> {
    use flaskguard_index::ir::{Expr, ExprKind, ScopeRef, StmtKind};
    let mut functions: Vec<(flaskguard_index::ModuleId, flaskguard_index::ir::FuncIdx)> =
        route.handler.into_iter().collect();
    if let Some((m, c)) = route.view_class {
        for stmt in &index.module(m).classes[c.0 as usize].body {
            if let StmtKind::FunctionDef(f) = &stmt.kind {
                functions.push((m, *f));
            }
        }
    }
    let mut out: Vec<Input> = Vec::new();
    // Iterating over a MultiDict or the headers reads their names: parameter names and
    // header names are inputs too.
    let names_of = |qual: &str| -> Option<Input> {
        let location = request::part(qual)?.names_location()?;
        Some(Input::At(location, "*".to_string()))
    };
    for (m, f) in functions {
        let def = &index.module(m).functions[f.0 as usize];
        let scope = ScopeRef::Function(f);
        let iterated = |e: &Expr| -> Option<Input> {
            let inner = match &e.kind {
                ExprKind::Call(call) => match &call.func.kind {
                    ExprKind::Attribute { value, attr }
                        if matches!(attr.as_str(), "keys" | "items" | "lists" | "to_dict") =>
                    {
                        value.as_ref()
                    }
                    _ => return None,
                },
                _ => e,
            };
            names_of(&index.resolve(m, scope, inner)?.qual)
        };
        flaskguard_index::ir::walk_stmts(&def.body, &mut |st| {
            if let StmtKind::For { iter, .. } = &st.kind
                && let Some(n) = iterated(iter)
            {
                out.push(n);
            }
        });
        flaskguard_index::ir::walk_body_exprs(&def.body, &mut |e| {
            if let ExprKind::Comprehension(comp) = &e.kind {
                let generators = &comp.generators;
                for g in generators {
                    if let Some(n) = iterated(&g.iter) {
                        out.push(n);
                    }
                }
            }
        });
        form_inputs(index, m, scope, &def.body, &mut out, samples);
        // Keys that are names are a helper's business, not a handler's.
        keyed_reads(
            index,
            m,
            scope,
            &def.body,
            &mut out,
            &mut Vec::new(),
            samples,
        );
        numeric_json(index, m, scope, &def.body, &out, samples, numbers);
        // Helpers the handler calls with the key: `json_field("title")` where
        // `def json_field(name): return request.get_json().get(name)`.
        flaskguard_index::ir::walk_body_exprs(&def.body, &mut |e| {
            let ExprKind::Call(call) = &e.kind else {
                return;
            };
            let Some((hm, hf)) = index
                .resolve(m, scope, &call.func)
                .and_then(|r| index.project_function(&r.qual))
            else {
                return;
            };
            let reads = helpers.entry((hm, hf)).or_insert_with(|| {
                let helper = &index.module(hm).functions[hf.0 as usize];
                let mut named = Vec::new();
                keyed_reads(
                    index,
                    hm,
                    ScopeRef::Function(hf),
                    &helper.body,
                    &mut Vec::new(),
                    &mut named,
                    &mut Vec::new(),
                );
                let position = |name: &str| helper.params.iter().position(|p| p.name == name);
                named
                    .into_iter()
                    .filter_map(|(loc, name, default)| {
                        let i = position(name)?;
                        let default = default.and_then(|d| Some((position(d)?, d.to_string())));
                        Some((loc, i, name.to_string(), default))
                    })
                    .collect()
            });
            // A method's first parameter is its receiver.
            let shift = usize::from(matches!(call.func.kind, ExprKind::Attribute { .. }));
            let argument = |i: usize, name: &str| {
                call.keyword(name)
                    .or_else(|| i.checked_sub(shift).and_then(|i| call.args.get(i)))
            };
            for (loc, i, name, default) in reads.iter() {
                if let Some(arg) = argument(*i, name)
                    && let Some(key) = index.eval(m, scope, arg).as_str()
                {
                    let input = Input::At(*loc, key.to_string());
                    // `json_field("feed", "http://…")`: the caller's default is a sample.
                    if let Some((j, dname)) = default
                        && let Some(d) = argument(*j, dname)
                        && let flaskguard_index::Value::Str(d) = index.eval(m, scope, d)
                        && !d.is_empty()
                    {
                        samples.push((input.clone(), d));
                    }
                    out.push(input);
                }
            }
        });
    }
    let mut seen = rustc_hash::FxHashSet::default();
    out.retain(|i| seen.insert(i.clone()));
    out
}

/// JSON inputs the handler needs as numbers: a name bound to the JSON key's value
/// (`months = body.get("months")`, also in a tuple assignment) that is checked with
/// `isinstance(months, int)` or compared with a number (`1 <= months <= 12`). Their
/// sample is the smallest value the comparisons allow (else 1).
fn numeric_json(
    index: &Index<'_>,
    m: flaskguard_index::ModuleId,
    scope: flaskguard_index::ir::ScopeRef,
    body: &[flaskguard_index::ir::Stmt],
    inputs: &[Input],
    samples: &mut Vec<(Input, String)>,
    numbers: &mut Vec<Input>,
) {
    use flaskguard_index::ir::{CmpOp, Expr, ExprKind, StmtKind};
    use flaskguard_report::surface::InputLocation;
    let json_key = |v: &Expr| -> Option<String> {
        let key = match &v.kind {
            ExprKind::Call(call) => match &call.func.kind {
                ExprKind::Attribute { attr, .. } if attr.as_str() == "get" => call.args.first()?,
                _ => return None,
            },
            ExprKind::Subscript { index: key, .. } => key,
            _ => return None,
        };
        let k = key.as_str()?;
        inputs
            .contains(&Input::At(InputLocation::Json, k.to_string()))
            .then(|| k.to_string())
    };
    let mut bound: Vec<(String, String)> = Vec::new();
    flaskguard_index::ir::walk_stmts(body, &mut |st| {
        let StmtKind::Assign { targets, value } = &st.kind else {
            return;
        };
        for t in targets {
            match (&t.kind, &value.kind) {
                (ExprKind::Name(n), _) => {
                    if let Some(k) = json_key(value) {
                        bound.push((n.to_string(), k));
                    }
                }
                (ExprKind::Tuple(names), ExprKind::Tuple(values))
                    if names.len() == values.len() =>
                {
                    for (n, v) in names.iter().zip(values) {
                        if let (Some(n), Some(k)) = (n.as_name(), json_key(v)) {
                            bound.push((n.to_string(), k));
                        }
                    }
                }
                _ => {}
            }
        }
    });
    if bound.is_empty() {
        return;
    }
    let number = |e: &Expr| -> Option<f64> {
        match &e.kind {
            // A bound of a JSON number: small integers, exact in an f64.
            ExprKind::Int(Some(i)) => i32::try_from(*i).ok().map(f64::from),
            ExprKind::Float(f) => Some(*f),
            _ => None,
        }
    };
    for (name, key) in bound {
        let mut numeric = false;
        let mut lowest: Option<f64> = None;
        flaskguard_index::ir::walk_body_exprs(body, &mut |e| match &e.kind {
            ExprKind::Call(call) => {
                if let [value, types] = call.args.as_slice()
                    && value.as_name() == Some(name.as_str())
                    && index
                        .resolve(m, scope, &call.func)
                        .is_some_and(|r| r.qual == "builtins.isinstance")
                {
                    let items: Vec<&Expr> = match &types.kind {
                        ExprKind::Tuple(items) => items.iter().collect(),
                        _ => vec![types],
                    };
                    numeric |= items.iter().all(|t| {
                        index.resolve(m, scope, t).is_some_and(|r| {
                            matches!(r.qual.as_str(), "builtins.int" | "builtins.float")
                        })
                    });
                }
            }
            ExprKind::Compare(cmp) => {
                let operands: Vec<&Expr> = std::iter::once(&cmp.left)
                    .chain(cmp.comparators.iter())
                    .collect();
                for (i, op) in cmp.ops.iter().enumerate() {
                    let (left, right) = (operands[i], operands[i + 1]);
                    let bound_below =
                        match (number(left), right.as_name(), number(right), left.as_name()) {
                            (Some(c), Some(n), _, _) if n == name => match op {
                                CmpOp::LtE => Some(c),
                                CmpOp::Lt => Some(c + 1.0),
                                _ => None,
                            },
                            (_, _, Some(c), Some(n)) if n == name => match op {
                                CmpOp::GtE => Some(c),
                                CmpOp::Gt => Some(c + 1.0),
                                _ => None,
                            },
                            _ => None,
                        };
                    let touches = (left.as_name() == Some(name.as_str())
                        && number(right).is_some())
                        || (right.as_name() == Some(name.as_str()) && number(left).is_some());
                    if touches && matches!(op, CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE) {
                        numeric = true;
                    }
                    if let Some(c) = bound_below {
                        lowest = Some(lowest.map_or(c, |l: f64| l.max(c)));
                    }
                }
            }
            _ => {}
        });
        if !numeric {
            continue;
        }
        let input = Input::At(InputLocation::Json, key);
        let low = lowest.unwrap_or(1.0);
        let sample = if low.fract() == 0.0 {
            format!("{low:.0}")
        } else {
            low.to_string()
        };
        samples.retain(|(i, _)| *i != input);
        samples.push((input.clone(), sample));
        if !numbers.contains(&input) {
            numbers.push(input);
        }
    }
}

/// The fields of the Flask-WTF forms a handler builds (`form = LoginForm()`): the form
/// reads each from the request's form data (a file field from its files), with a sample
/// its validators accept where the declaration says one.
fn form_inputs(
    index: &Index<'_>,
    m: flaskguard_index::ModuleId,
    scope: flaskguard_index::ir::ScopeRef,
    body: &[flaskguard_index::ir::Stmt],
    out: &mut Vec<Input>,
    samples: &mut Vec<(Input, String)>,
) {
    use flaskguard_index::ir::ExprKind;
    use flaskguard_report::surface::InputLocation;
    let mut classes: Vec<String> = Vec::new();
    flaskguard_index::ir::walk_body_exprs(body, &mut |e| {
        if let ExprKind::Call(call) = &e.kind
            && let Some(r) = index.resolve(m, scope, &call.func)
            && !classes.iter().any(|c| *c == r.qual)
            && flaskguard_flask::is_flask_form(index, &r.qual)
        {
            classes.push(r.qual.to_string());
        }
    });
    for class in classes {
        for field in flaskguard_flask::form_fields(index, &class) {
            let location = if field.kind.contains("File") {
                InputLocation::File
            } else {
                InputLocation::Form
            };
            let input = Input::At(location, field.name.to_string());
            if let Some(sample) = form_field_sample(index, &field) {
                samples.push((input.clone(), sample));
            }
            out.push(input);
        }
    }
}

/// A value a WTForms field accepts, from its class and its validators: the first of
/// constant `choices`, the `NumberRange` minimum, a date in the field's format, `y` for a
/// checkbox, an address for an e-mail field. `None` when any text will do.
fn form_field_sample(index: &Index<'_>, field: &flaskguard_flask::FormField<'_>) -> Option<String> {
    use flaskguard_index::Value;
    let arg = |name: &str, position: usize| {
        field
            .call
            .keyword(name)
            .or_else(|| field.call.args.get(position))
    };
    let validators: Vec<(String, &flaskguard_index::ir::Call)> = arg("validators", 1)
        .map(|v| match &v.kind {
            flaskguard_index::ir::ExprKind::List(items)
            | flaskguard_index::ir::ExprKind::Tuple(items) => items.iter().collect(),
            _ => Vec::new(),
        })
        .unwrap_or_default()
        .into_iter()
        .filter_map(|v| {
            let call = v.as_call()?;
            let r = index.resolve(field.module, field.scope, &call.func)?;
            Some((r.qual.rsplit('.').next()?.to_string(), call))
        })
        .collect();
    let validator = |name: &str| validators.iter().find(|(n, _)| n == name).map(|(_, c)| *c);
    let number = |v: Value| match v {
        Value::Int(i) => Some(i.to_string()),
        Value::Float(f) => Some(f.to_string()),
        _ => None,
    };
    match field.kind.as_str() {
        "SelectField" | "RadioField" | "SelectMultipleField" => {
            let choices = index.eval(field.module, field.scope, arg("choices", 2)?);
            let Value::List(items) = choices else {
                return None;
            };
            match items.first()? {
                Value::List(pair) => match pair.first()? {
                    Value::Str(s) => Some(s.clone()),
                    v => number(v.clone()),
                },
                Value::Str(s) => Some(s.clone()),
                v => number(v.clone()),
            }
        }
        "IntegerField" | "IntegerRangeField" | "DecimalField" | "FloatField"
        | "DecimalRangeField" => Some(
            validator("NumberRange")
                .and_then(|c| c.keyword("min").or_else(|| c.args.first()))
                .and_then(|e| number(index.eval(field.module, field.scope, e)))
                .unwrap_or_else(|| "1".to_string()),
        ),
        "DateField" => Some("2024-01-15".to_string()),
        "DateTimeField" => Some("2024-01-15 10:00:00".to_string()),
        "DateTimeLocalField" => Some("2024-01-15T10:00".to_string()),
        "TimeField" => Some("10:00".to_string()),
        "MonthField" => Some("2024-01".to_string()),
        "BooleanField" => Some("y".to_string()),
        "EmailField" => Some("fg@example.com".to_string()),
        _ if validator("Email").is_some() => Some("fg@example.com".to_string()),
        _ => None,
    }
}

/// What `before_request` hooks read (a cookie, a header), each given to one route the
/// hook runs for: every request passes through it, so one route is enough to reach it.
/// The route chosen is a GET route without URL variables, the shortest rule first.
/// Pairs of (index into the model's routes, input).
fn hook_inputs(index: &Index<'_>, model: &flaskguard_flask::FlaskModel<'_>) -> Vec<(usize, Input)> {
    let mut out = Vec::new();
    for h in &model.hooks {
        let Some((m, f)) = h.handler else { continue };
        let def = &index.module(m).functions[f.0 as usize];
        let mut inputs = Vec::new();
        keyed_reads(
            index,
            m,
            flaskguard_index::ir::ScopeRef::Function(f),
            &def.body,
            &mut inputs,
            &mut Vec::new(),
            &mut Vec::new(),
        );
        if inputs.is_empty() {
            continue;
        }
        // A blueprint's `before_request` runs for its own routes; its `before_app_request`
        // and an app's hooks for every route.
        let covered = |r: &flaskguard_flask::Route<'_>| match h.owner {
            Owner::Blueprint(_) if h.kind == "before_request" => r.owner == h.owner,
            _ => true,
        };
        let chosen = model
            .routes
            .iter()
            .enumerate()
            .filter(|(_, r)| covered(r))
            .min_by_key(|(_, r)| {
                (
                    !r.methods.iter().any(|m| m == "GET"),
                    r.rule.contains('<'),
                    r.rule.len(),
                )
            })
            .map(|(i, _)| i);
        if let Some(i) = chosen {
            out.extend(inputs.into_iter().map(|input| (i, input)));
        }
    }
    out
}

/// The request data a body reads by key: `request.args.get("q")`, `request.form["text"]`,
/// `data.get("message")` with `data = request.get_json(silent=True) or {}`, and the body
/// itself (`request.get_data()`, `request.json`). Constant keys become inputs in `out`;
/// keys that are plain names (a helper's parameter) go to `by_name`.
fn keyed_reads<'a>(
    index: &Index<'a>,
    m: flaskguard_index::ModuleId,
    scope: flaskguard_index::ir::ScopeRef,
    body: &'a [flaskguard_index::ir::Stmt],
    out: &mut Vec<Input>,
    by_name: &mut Vec<(
        flaskguard_report::surface::InputLocation,
        &'a str,
        Option<&'a str>,
    )>,
    samples: &mut Vec<(Input, String)>,
) {
    use flaskguard_index::ir::ExprKind;
    // `request.headers.get("X-Url") or "http://…"`: the constant after `or` is the value
    // the app expects there (the walk sees the `or` before its operands).
    let mut or_defaults: Vec<(flaskguard_index::Span, &'a flaskguard_index::ir::Expr)> = Vec::new();
    flaskguard_index::ir::walk_body_exprs(body, &mut |e| {
        if let ExprKind::BoolOp {
            op: flaskguard_index::ir::BoolOp::Or,
            values,
        } = &e.kind
            && let [read, fallback] = &values[..]
        {
            or_defaults.push((read.span, fallback));
        }
        let mut default = or_defaults
            .iter()
            .find(|(span, _)| *span == e.span)
            .map(|(_, d)| *d);
        let (container, key) = match &e.kind {
            ExprKind::Call(call) => {
                if let Some(r) = index.resolve(m, scope, &call.func) {
                    match request::part_returned(&r.qual) {
                        Some(request::Part::Body) => {
                            out.push(Input::Body { json: false });
                            return;
                        }
                        Some(request::Part::Json) => {
                            out.push(Input::Body { json: true });
                            return;
                        }
                        _ => {}
                    }
                }
                let ExprKind::Attribute { value, attr } = &call.func.kind else {
                    return;
                };
                if !matches!(attr.as_str(), "get" | "getlist" | "pop") {
                    return;
                }
                let Some(key) = call.args.first() else {
                    return;
                };
                if attr == "get"
                    && let Some(d) = call.argument(1, "default")
                {
                    default = Some(d);
                }
                (value.as_ref(), key)
            }
            ExprKind::Subscript { value, index: key } => (value.as_ref(), key.as_ref()),
            ExprKind::Attribute { .. } => {
                if let Some(r) = index.resolve(m, scope, e) {
                    match request::part(&r.qual) {
                        Some(request::Part::Body) => out.push(Input::Body { json: false }),
                        Some(request::Part::Json) => out.push(Input::Body { json: true }),
                        _ => {}
                    }
                }
                return;
            }
            _ => return,
        };
        if !matches!(key.kind, ExprKind::Str(_) | ExprKind::Name(_)) {
            return;
        }
        // `data = request.get_json(silent=True) or {}`: the container is the request's.
        let resolved = index.resolve(m, scope, container).or_else(|| {
            let ExprKind::Name(n) = &container.kind else {
                return None;
            };
            let (_, [flaskguard_index::semantic::Binding::Assign(value)]) =
                index.bindings_of(m, scope, n)?
            else {
                return None;
            };
            let ExprKind::BoolOp { values, .. } = &value.kind else {
                return None;
            };
            index.resolve(m, scope, values.first()?)
        });
        if let Some(r) = resolved
            && let Some(loc) = request::part(&r.qual).and_then(request::Part::location)
        {
            match &key.kind {
                ExprKind::Str(k) => {
                    out.push(Input::At(loc, k.to_string()));
                    if let Some(flaskguard_index::Value::Str(d)) =
                        default.map(|d| index.eval(m, scope, d))
                        && !d.is_empty()
                    {
                        samples.push((Input::At(loc, k.to_string()), d));
                    }
                }
                ExprKind::Name(n) => {
                    by_name.push((loc, n.as_str(), default.and_then(|d| d.as_name())));
                }
                _ => {}
            }
        }
    });
}

/// Texts the handler refuses to go on without: `if "feeds.example" not in url: return
/// ...` (a reject branch: it returns, raises or aborts). A value that lacks them never
/// reaches what follows.
fn required_texts(
    index: &Index<'_>,
    (m, f): (flaskguard_index::ModuleId, flaskguard_index::ir::FuncIdx),
) -> Vec<String> {
    use flaskguard_index::ir::{CmpOp, ExprKind, StmtKind};
    let def = &index.module(m).functions[f.0 as usize];
    let mut out = Vec::new();
    flaskguard_index::ir::walk_stmts(&def.body, &mut |st| {
        let StmtKind::If { test, body, .. } = &st.kind else {
            return;
        };
        let rejects = matches!(body.last().map(|l| &l.kind), Some(StmtKind::Return(_)))
            || crate::helpers::ends_in_raise_or_abort(index, m, body);
        if let ExprKind::Compare(cmp) = &test.kind
            && rejects
            && cmp.ops[..] == [CmpOp::NotIn]
            && let ExprKind::Str(text) = &cmp.left.kind
            && !text.is_empty()
            && !out.iter().any(|t: &String| t == text.as_str())
        {
            out.push(text.to_string());
        }
    });
    out
}

/// A sample that also holds the texts the handler requires: a URL gets them in its
/// query (its host stays the one the source wrote), any other value appended.
fn with_required(sample: String, required: &[String]) -> String {
    let mut out = sample;
    for text in required {
        if out.contains(text.as_str()) {
            continue;
        }
        match url::Url::parse(&out) {
            Ok(mut u) if u.has_host() => {
                let query = match u.query() {
                    Some(q) if !q.is_empty() => format!("{q}&{text}"),
                    _ => text.clone(),
                };
                u.set_query(Some(&query));
                out = u.to_string();
            }
            _ => out.push_str(text),
        }
    }
    out
}

fn route_entries(
    ctx: &Context<'_, '_>,
    findings: &[Finding],
    merged_steps: &[(&'static str, Target)],
) -> Vec<RouteEntry> {
    let model = ctx.model;
    let index = ctx.index;
    let csrf_exts: Vec<&flaskguard_flask::Extension<'_>> = model
        .extensions
        .iter()
        .filter(|e| matches!(e.kind, ExtKind::CsrfProtect | ExtKind::SeaSurf) && e.attached)
        .collect();
    // Routes an extension exempts, by decorator or by `csrf.exempt(view_or_blueprint)`:
    // as the CSRF rules read them.
    let exempt: Vec<(flaskguard_index::ModuleId, Span)> =
        ["flask_wtf.CSRFProtect()", "flask_seasurf.SeaSurf()"]
            .into_iter()
            .flat_map(|ext| crate::rules::csrf::exemptions(ctx, ext))
            .flat_map(|ex| ex.routes.into_iter().map(|r| (r.module, r.span)))
            .collect();
    let limiters: Vec<(&flaskguard_flask::Extension<'_>, Vec<String>)> = model
        .extensions_of(ExtKind::Limiter)
        .map(|l| {
            let defaults = l
                .arg(index, "default_limits")
                .map(|a| a.value.strings().into_iter().map(str::to_string).collect())
                .unwrap_or_default();
            (l, defaults)
        })
        .collect();
    // CORS(app) covers an app; CORS(blueprint) covers that blueprint's routes.
    let cors: Vec<(
        &flaskguard_flask::Extension<'_>,
        Option<flaskguard_index::Site>,
    )> = model
        .extensions_of(ExtKind::Cors)
        .map(|c| {
            let blueprint = c
                .call
                .argument(0, "app")
                .and_then(|a| index.resolve(c.module, c.scope, a))
                .filter(|r| r.qual == "flask.Blueprint()")
                .and_then(|r| r.site);
            (c, blueprint)
        })
        .collect();
    let mut out = Vec::new();
    let hook_inputs = hook_inputs(index, model);
    let mut helpers = HelperReads::default();
    let mut samples: Vec<(Input, String)> = Vec::new();
    let mut numbers: Vec<Input> = Vec::new();
    for (ri, r) in model.routes.iter().enumerate() {
        let module = index.module(r.module);
        let (handler, loc_span) = match (r.handler, r.view_class) {
            (Some((m, f)), _) => {
                let def = &index.module(m).functions[f.0 as usize];
                // From the handler's name to the end of its body.
                (
                    format!("{}.{}", index.module(m).name, def.qualname),
                    Span {
                        start: def.name_span.start,
                        end: def.span.end,
                    },
                )
            }
            (None, Some((m, c))) => {
                let def = &index.module(m).classes[c.0 as usize];
                (
                    format!("{}.{}", index.module(m).name, def.qualname),
                    Span {
                        start: def.name_span.start,
                        end: def.span.end,
                    },
                )
            }
            _ => (String::new(), r.span),
        };
        let handler_module = r
            .handler
            .map(|(m, _)| m)
            .or(r.view_class.map(|(m, _)| m))
            .unwrap_or(r.module);
        let hmod = index.module(handler_module);
        let mut auth: Vec<String> = r
            .decorators
            .iter()
            .filter(|d| d.kind == DecoratorKind::Auth)
            .map(|d| d.label.clone())
            .collect();
        if let Owner::Blueprint(site) | Owner::App(site) = r.owner
            && model.hooks.iter().any(|h| {
                h.guards && matches!(h.owner, Owner::Blueprint(s) | Owner::App(s) if s == site)
            })
        {
            auth.push("before_request".to_string());
        }
        let csrf = if !r.is_state_changing() {
            "n/a".to_string()
        } else if r.has(DecoratorKind::CsrfExempt) || exempt.contains(&(r.module, r.span)) {
            "exempt".to_string()
        } else if csrf_exts.iter().any(|e| applies(e, r)) {
            "protected".to_string()
        } else {
            "none".to_string()
        };
        let mut rate_limit: Vec<String> = r
            .decorators
            .iter()
            .filter(|d| {
                matches!(
                    d.kind,
                    DecoratorKind::RateLimit | DecoratorKind::RateLimitExempt
                )
            })
            .map(|d| d.label.clone())
            .collect();
        if rate_limit.is_empty() {
            rate_limit = limiters
                .iter()
                .filter(|(l, _)| applies(l, r))
                .flat_map(|(_, d)| d.iter().map(|l| format!("default {l}")))
                .collect();
        }
        let cors_applies = cors.iter().any(|(c, bp)| match bp {
            Some(site) => r.owner == flaskguard_flask::Owner::Blueprint(*site),
            None => applies(c, r),
        });
        let cors = if r.has(DecoratorKind::CrossOrigin) {
            "cross_origin".to_string()
        } else if cors_applies {
            "CORS".to_string()
        } else {
            "-".to_string()
        };
        let handler_span = r
            .handler
            .map(|(m, f)| (m, index.module(m).functions[f.0 as usize].span));
        let label = r.label();
        let mut codes: Vec<String> = findings
            .iter()
            .filter(|f| !f.is_suppressed())
            .filter(|f| {
                // The finding is in the handler, or its flow passes through it (a read
                // whose sink is in a helper).
                let inside = |loc: &flaskguard_report::Location| {
                    handler_span.is_some_and(|(m, s)| {
                        loc.path == index.module(m).source.display
                            && loc.byte_start >= s.start
                            && loc.byte_end <= s.end
                    })
                };
                f.route.as_deref() == Some(label.as_str())
                    || inside(&f.location)
                    || f.trace.iter().any(|step| inside(&step.location))
            })
            .map(|f| f.code.clone())
            .collect();
        // One finding per sink: the flows merged into it from this handler's reads.
        codes.extend(
            merged_steps
                .iter()
                .filter(|(_, source)| {
                    matches!((source, handler_span), (Target::Module(m, span), Some((hm, hs)))
                        if *m == hm && span.start >= hs.start && span.end <= hs.end)
                })
                .map(|(code, _)| code.to_string()),
        );
        codes.sort();
        codes.dedup();
        let _ = module;
        out.push(RouteEntry {
            rule: r.rule.clone(),
            methods: r.methods.clone(),
            endpoint: r.endpoint.clone(),
            handler,
            location: location(&hmod.source, loc_span),
            auth,
            csrf,
            rate_limit,
            cors,
            findings: codes,
            inputs: {
                let mut inputs = route_inputs(index, r, &mut helpers, &mut samples, &mut numbers);
                for i in hook_inputs
                    .iter()
                    .filter(|(at, _)| *at == ri)
                    .map(|(_, i)| i)
                {
                    if !inputs.contains(i) {
                        inputs.push(i.clone());
                    }
                }
                inputs
            },
            probe: Vec::new(),
            samples: {
                let required = r
                    .handler
                    .map(|h| required_texts(index, h))
                    .unwrap_or_default();
                samples
                    .drain(..)
                    .map(|(input, value)| (input.to_string(), with_required(value, &required)))
                    .collect()
            },
            numbers: numbers.drain(..).map(|i| i.to_string()).collect(),
        });
    }
    out.sort_by(|a, b| (&a.rule, &a.methods).cmp(&(&b.rule, &b.methods)));
    out
}
