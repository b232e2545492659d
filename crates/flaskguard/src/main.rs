//! The `flaskguard` command: argument parsing, configuration, printing and the exit
//! status. Glue only; the work is done by the library crates.

mod config;
mod probe;

// jemalloc: parsing and lowering allocate millions of small nodes that live for the whole
// analysis, and it keeps them in less memory, and faster, than the system allocator or
// mimalloc (bench corpus: 389 vs 472 MiB with mimalloc, 16 % less wall time). The
// `system-alloc` feature keeps the system's, for heap profilers that see malloc only.
// On Linux its built-in options (transparent huge pages, one arena per CPU) are set in
// `.cargo/config.toml`.
#[cfg(not(any(feature = "system-alloc", target_env = "msvc")))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context as _, Result, bail};
use clap::{Args, Parser, Subcommand};

use flaskguard_index::DiscoverOptions;
use flaskguard_registry::Entry;
use flaskguard_report::baseline::Baseline;
use flaskguard_report::emit::{OutputFormat, TextOptions, render, routes_table};
use flaskguard_report::{Report, Severity, exit_status};
use flaskguard_rules::policy::Selection;
use flaskguard_rules::{Analysis, AnalysisOptions, RULES, Scanned, analyze_paths, rule_by_code};

#[derive(Parser)]
#[command(
    name = "flaskguard",
    version,
    about = "Security testing for Flask applications and APIs"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse the source of a Flask project.
    Check(CheckArgs),
    /// Show the routes of a Flask project and the protections that cover them.
    Routes(RoutesArgs),
    /// Show the documentation of a code (static rule, probe check, diagnostic), or list every code.
    Rule(RuleArgs),
    /// Test a running Flask app over HTTP (passive checks; payloads with --active).
    Probe(Box<probe::ProbeArgs>),
}

#[derive(Args, Clone)]
struct ScanArgs {
    /// Files or directories to scan.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Use this configuration file instead of discovering one.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Ignore configuration files.
    #[arg(long)]
    isolated: bool,
    /// Rules to run: codes, code prefixes or names (comma-separated); replaces the configuration's.
    #[arg(long, value_delimiter = ',')]
    select: Vec<String>,
    /// Rules to add to the selection.
    #[arg(long, value_delimiter = ',')]
    extend_select: Vec<String>,
    /// Rules to skip.
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// Paths to skip (globs), in addition to the configuration's.
    #[arg(long, value_delimiter = ',')]
    exclude: Vec<String>,
    /// Do not honour .gitignore files.
    #[arg(long)]
    no_respect_gitignore: bool,
}

#[derive(Args)]
struct CheckArgs {
    #[command(flatten)]
    scan: ScanArgs,
    #[command(flatten)]
    out: OutputArgs,
    /// Accept the findings listed in this baseline file.
    #[arg(long)]
    baseline: Option<PathBuf>,
    /// Write the current findings to this baseline file.
    #[arg(long)]
    write_baseline: Option<PathBuf>,
    /// Show suppressed findings in text output.
    #[arg(long)]
    show_suppressed: bool,
}

/// Where a report goes and how it sets the exit status (`check` and `probe`).
#[derive(Args)]
pub(crate) struct OutputArgs {
    /// Output format: text, json, sarif, junit or github. Without it, `-o` picks the
    /// format from the file's extension (`.sarif`, `.json`, `.xml`), then the
    /// configuration's `output-format`, else text.
    #[arg(long)]
    output_format: Option<String>,
    /// Write the report to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Exit with status 1 only for findings at or above this severity.
    #[arg(long)]
    fail_on: Option<String>,
    /// Always exit with status 0 when the run completed, findings or not.
    #[arg(long)]
    exit_zero: bool,
    /// Never colour the output.
    #[arg(long)]
    no_color: bool,
}

#[derive(Args)]
struct RoutesArgs {
    #[command(flatten)]
    scan: ScanArgs,
    /// Output format: text or json.
    #[arg(long, default_value = "text")]
    output_format: String,
    /// A `flaskguard probe --output-format json` report: its results are shown per route.
    #[arg(long)]
    probe_report: Option<PathBuf>,
}

#[derive(Args)]
struct RuleArgs {
    /// A code (FG201, FG605) or name (flask-debug-enabled).
    code: Option<String>,
    /// List every code.
    #[arg(long)]
    all: bool,
    /// Output format: text or json.
    #[arg(long, default_value = "text")]
    output_format: String,
}

fn main() -> ExitCode {
    // Deeply nested input recurses deeply: give the work generous stacks.
    let _ = rayon::ThreadPoolBuilder::new()
        .stack_size(flaskguard_rules::WORKER_STACK_BYTES)
        .build_global();
    let worker = std::thread::Builder::new()
        .stack_size(flaskguard_rules::ANALYSIS_STACK_BYTES)
        .spawn(run);
    let result = match worker {
        Ok(handle) => handle
            .join()
            .unwrap_or_else(|_| Err(anyhow::anyhow!("internal error: the analysis panicked"))),
        Err(e) => Err(anyhow::Error::from(e).context("cannot start the analysis thread")),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            let mut stderr = std::io::stderr().lock();
            let _ = writeln!(stderr, "flaskguard failed: {err}");
            for cause in err.chain().skip(1) {
                let _ = writeln!(stderr, "  caused by: {cause}");
            }
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run() -> Result<u8> {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => check(&args),
        Command::Routes(args) => routes(&args),
        Command::Rule(args) => rule(&args),
        Command::Probe(args) => run_probe(&args),
    }
}

/// Settings resolved from the configuration file and the command line.
struct Resolved {
    selection: Selection,
    discover: DiscoverOptions,
    file: config::FileConfig,
    config_path: Option<PathBuf>,
}

fn resolve(scan: &ScanArgs) -> Result<Resolved> {
    for p in &scan.paths {
        if std::fs::metadata(p).is_err() {
            bail!("cannot read {}: no such file or directory", p.display());
        }
    }
    let loaded = if scan.isolated {
        config::LoadedConfig::default()
    } else if let Some(path) = &scan.config {
        config::load(path)?
    } else {
        config::discover(scan.paths.first().map_or(Path::new("."), PathBuf::as_path))?
    };
    let file = loaded.config;
    let where_ = loaded.path.as_ref().map_or_else(
        || "the command line".to_string(),
        |p| p.display().to_string(),
    );
    let mut selection = Selection {
        select: if scan.select.is_empty() {
            file.select.clone().unwrap_or_default()
        } else {
            scan.select.clone()
        },
        extend_select: file
            .extend_select
            .clone()
            .unwrap_or_default()
            .into_iter()
            .chain(scan.extend_select.iter().cloned())
            .collect(),
        ignore: file
            .ignore
            .clone()
            .unwrap_or_default()
            .into_iter()
            .chain(scan.ignore.iter().cloned())
            .collect(),
        ..Selection::default()
    };
    // `--select "fg201, FG202"`: codes in any case, spaces after the commas.
    for list in [
        &mut selection.select,
        &mut selection.extend_select,
        &mut selection.ignore,
    ] {
        list.retain(|s| !s.trim().is_empty());
        for s in list.iter_mut() {
            *s = normalize_selector(s);
        }
    }
    for selector in selection
        .select
        .iter()
        .chain(&selection.extend_select)
        .chain(&selection.ignore)
    {
        let known = selector == "ALL"
            || RULES
                .iter()
                .any(|r| r.code.starts_with(selector.as_str()) || r.name == selector);
        if !known {
            if let Some(e) = flaskguard_registry::all()
                .iter()
                .find(|e| e.code.starts_with(selector.as_str()) || e.name == selector)
            {
                bail!(
                    "{where_}: rule selector `{selector}` names {} codes ({}), which no rule of `check` reports",
                    e.kind().as_str(),
                    e.code
                );
            }
            bail!(
                "{where_}: unknown rule selector `{selector}` (expected a code such as FG201, a prefix such as FG2, or a rule name)"
            );
        }
    }
    if let Some(pfi) = &file.per_file_ignores {
        for (pattern, codes) in pfi {
            selection
                .add_per_file_ignore(pattern, codes.clone())
                .with_context(|| {
                    format!("{where_}: invalid glob `{pattern}` in per-file-ignores")
                })?;
        }
    }
    if let Some(sev) = &file.severity {
        for (code, s) in sev {
            let s: Severity = s
                .parse()
                .with_context(|| format!("{where_}: severity of {code}"))?;
            if rule_by_code(code).is_none() {
                bail!("{where_}: severity: unknown rule code `{code}`");
            }
            selection.severity.insert(code.to_ascii_uppercase(), s);
        }
    }
    let mut globs = globset::GlobSetBuilder::new();
    let mut any = false;
    for pattern in file
        .exclude
        .iter()
        .flatten()
        .chain(file.extend_exclude.iter().flatten())
        .chain(&scan.exclude)
    {
        globs.add(
            globset::Glob::new(pattern)
                .with_context(|| format!("{where_}: invalid exclude glob `{pattern}`"))?,
        );
        any = true;
    }
    let exclude = if any { Some(globs.build()?) } else { None };
    let discover = DiscoverOptions {
        exclude,
        respect_gitignore: !scan.no_respect_gitignore && file.respect_gitignore.unwrap_or(true),
    };
    Ok(Resolved {
        selection,
        discover,
        file,
        config_path: loaded.path,
    })
}

fn build_report(scan: &ScanArgs, resolved: &Resolved) -> Report {
    let started = Instant::now();
    let timings = std::env::var_os("FLASKGUARD_TIMINGS").is_some_and(|v| !v.is_empty() && v != "0");
    let (analysis, scanned) = analyze_paths(
        &scan.paths,
        &resolved.discover,
        &AnalysisOptions {
            selection: resolved.selection.clone(),
            timings,
            free_at_exit: true,
            min_part_bytes: part_bytes(),
            roots: Vec::new(),
        },
    );
    let mut report = new_report(scan.paths.iter().map(|p| p.display().to_string()).collect());
    report
        .settings
        .select
        .clone_from(&resolved.selection.select);
    report
        .settings
        .ignore
        .clone_from(&resolved.selection.ignore);
    report.settings.config_file = resolved
        .config_path
        .as_ref()
        .map(|p| p.display().to_string());
    add_analysis(&mut report, analysis, scanned);
    report.stats.duration_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    report
}

/// An empty report on `targets`, its paths relative to the current directory.
pub(crate) fn new_report(targets: Vec<String>) -> Report {
    let mut report = Report::new(env!("CARGO_PKG_VERSION"));
    report.targets = targets;
    report.root = std::env::current_dir()
        .ok()
        .map(|d| d.to_string_lossy().replace('\\', "/"));
    report
}

/// The results of a static analysis in a report, and what it read.
pub(crate) fn add_analysis(report: &mut Report, analysis: Analysis, scanned: Scanned) {
    report.rules = analysis.rules;
    report.routes = analysis.routes;
    report.findings = analysis.findings;
    report.errors = analysis.errors;
    report.stats.python_files = scanned.python_files;
    report.stats.files = scanned.files;
    report.stats.lines = scanned.lines;
}

/// How much Python source a part of a large project holds at least
/// (`FLASKGUARD_PART_BYTES`, a knob for tests; see `flaskguard_index::partition`).
pub(crate) fn part_bytes() -> u64 {
    std::env::var("FLASKGUARD_PART_BYTES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(flaskguard_index::partition::DEFAULT_MIN_PART_BYTES)
}

fn write_output(output: Option<&Path>, text: &str) -> Result<()> {
    if let Some(path) = output {
        std::fs::write(path, text)
            .with_context(|| format!("cannot write the report to {}", path.display()))
    } else {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(text.as_bytes())?;
        stdout.flush()?;
        Ok(())
    }
}

/// A rule selector as written by a person: trimmed, and a code (`fg2`, `Fg201`) or `all`
/// upper-cased; rule names (`redirect-from-request`) are kept as they are.
fn normalize_selector(s: &str) -> String {
    let s = s.trim();
    let is_code = s.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("fg"))
        && s.bytes().skip(2).all(|b| b.is_ascii_digit());
    if is_code || s.eq_ignore_ascii_case("all") {
        s.to_ascii_uppercase()
    } else {
        s.to_string()
    }
}

fn check(args: &CheckArgs) -> Result<u8> {
    let resolved = resolve(&args.scan)?;
    let how = Emit::new(
        &args.out,
        resolved.file.output_format.as_deref(),
        resolved.file.fail_on.as_deref(),
    )?;
    let mut report = build_report(&args.scan, &resolved);
    report.settings.fail_on = how.fail_on;
    let baseline_path = args
        .baseline
        .clone()
        .or_else(|| resolved.file.baseline.as_ref().map(PathBuf::from));
    if let Some(path) = &baseline_path
        && (args.write_baseline.as_deref() != Some(path.as_path()) || path.exists())
    {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the baseline {}", path.display()))?;
        let baseline =
            Baseline::parse(&text).with_context(|| format!("baseline {}", path.display()))?;
        baseline.apply(&mut report);
        report.settings.baseline = Some(path.display().to_string());
    }
    report.finish();
    if let Some(path) = &args.write_baseline {
        std::fs::write(path, Baseline::from_report(&report).to_json())
            .with_context(|| format!("cannot write the baseline {}", path.display()))?;
    }
    emit(&report, &how, args.show_suppressed)
}

/// How a finished report leaves the process.
struct Emit<'a> {
    format: OutputFormat,
    output: Option<&'a Path>,
    no_color: bool,
    exit_zero: bool,
    fail_on: Option<Severity>,
}

impl<'a> Emit<'a> {
    /// From the command line, else the configuration's format and threshold.
    fn new(
        out: &'a OutputArgs,
        configured_format: Option<&str>,
        configured_fail_on: Option<&str>,
    ) -> Result<Self> {
        // `-o report.sarif`: the extension says what the file is.
        let by_extension = out
            .output
            .as_deref()
            .and_then(|p| p.extension())
            .and_then(|e| e.to_str())
            .and_then(|e| match e.to_ascii_lowercase().as_str() {
                "sarif" => Some("sarif"),
                "json" => Some("json"),
                "xml" => Some("junit"),
                _ => None,
            });
        let format = out
            .output_format
            .as_deref()
            .or(by_extension)
            .or(configured_format)
            .unwrap_or("text")
            .parse()
            .map_err(anyhow::Error::msg)?;
        let fail_on = match out.fail_on.as_deref().or(configured_fail_on) {
            Some(s) => Some(s.parse().context("--fail-on")?),
            None => None,
        };
        Ok(Emit {
            format,
            output: out.output.as_deref(),
            no_color: out.no_color,
            exit_zero: out.exit_zero,
            fail_on,
        })
    }
}

/// Renders the report, writes it, and computes the exit status (once, here).
fn emit(report: &Report, how: &Emit<'_>, show_suppressed: bool) -> Result<u8> {
    let color = !how.no_color
        && how.output.is_none()
        && std::env::var_os("NO_COLOR").is_none()
        && std::io::stdout().is_terminal();
    let text = render(
        report,
        how.format,
        TextOptions {
            color,
            show_suppressed,
        },
    );
    write_output(how.output, &text)?;
    if how.exit_zero {
        return Ok(0);
    }
    Ok(exit_status(report, how.fail_on))
}

fn run_probe(args: &probe::ProbeArgs) -> Result<u8> {
    let how = Emit::new(&args.out, None, None)?;
    let mut report = probe::report(args)?;
    report.settings.fail_on = how.fail_on;
    report.finish();
    emit(&report, &how, false)
}

fn routes(args: &RoutesArgs) -> Result<u8> {
    let resolved = resolve(&args.scan)?;
    let mut report = build_report(&args.scan, &resolved);
    report.finish();
    if let Some(path) = &args.probe_report {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the probe report {}", path.display()))?;
        let probe: Report = serde_json::from_str(&text).map_err(|e| {
            anyhow::anyhow!(
                "{}:{}:{}: not a flaskguard JSON report: {e}",
                path.display(),
                e.line(),
                e.column()
            )
        })?;
        report.add_probe_results(&probe);
    }
    let text = match args.output_format.as_str() {
        "json" => serde_json::to_string_pretty(&report.routes)? + "\n",
        "text" => routes_table(&report.routes),
        other => bail!("unknown output format `{other}` for routes (expected text or json)"),
    };
    write_output(None, &text)?;
    Ok(0)
}

fn rule(args: &RuleArgs) -> Result<u8> {
    let json = match args.output_format.as_str() {
        "json" => true,
        "text" => false,
        other => bail!("unknown output format `{other}` for rule (expected text or json)"),
    };
    let entries: Vec<&'static Entry> = if args.all {
        flaskguard_registry::all().to_vec()
    } else {
        let Some(code) = &args.code else {
            bail!("name a rule (e.g. `flaskguard rule FG201`) or pass --all");
        };
        let Some(e) = flaskguard_registry::lookup(code) else {
            bail!("unknown rule `{code}`");
        };
        vec![e]
    };
    let text = if json {
        let values: Vec<_> = entries.iter().map(|e| e.to_json()).collect();
        serde_json::to_string_pretty(&values)? + "\n"
    } else if args.all {
        entries.iter().fold(String::new(), |mut out, e| {
            let _ = writeln!(
                out,
                "{}  {:<10} {:<8} {:<10} {}",
                e.code,
                e.kind().as_str(),
                e.severity.as_str(),
                e.status.as_str(),
                e.name
            );
            out
        })
    } else {
        flaskguard_registry::page(entries[0])
    };
    write_output(None, &text)?;
    Ok(0)
}
