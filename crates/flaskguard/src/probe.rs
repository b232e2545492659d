//! `flaskguard probe URL`: options from the command line, the app started with `--serve`,
//! the source model with `--source`, and one report for both.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, bail};
use clap::Args;

use flaskguard_probe::client::{Limits, Tls};
use flaskguard_probe::{Login, Options, ProbeError};
use flaskguard_report::Report;

#[derive(Args)]
pub struct ProbeArgs {
    /// The running app's URL (http or https). Only this origin is ever contacted.
    pub url: String,
    /// The app's source: routes, their inputs and secret-key candidates come from it, and
    /// its static findings join the report (confirmed ones marked).
    #[arg(long)]
    pub source: Option<PathBuf>,
    /// An OpenAPI document (JSON) describing the API.
    #[arg(long)]
    pub openapi: Option<PathBuf>,
    /// Start the app with this shell command, wait until it answers, probe it, stop it.
    #[arg(long)]
    pub serve: Option<String>,
    /// How long to wait for `--serve` to answer, in seconds.
    #[arg(long, default_value_t = 30)]
    pub serve_timeout: u64,
    /// Send payloads (injection, secret guessing, rate limits, CSRF). Safe payloads only.
    #[arg(long)]
    pub active: bool,
    /// A header for every request (`Name: value`); repeatable.
    #[arg(long = "header", short = 'H')]
    pub headers: Vec<String>,
    /// A cookie for every request (`name=value`); repeatable.
    #[arg(long = "cookie")]
    pub cookies: Vec<String>,
    /// Log in first by posting a form to this URL (re-run when the session is lost).
    #[arg(long)]
    pub login: Option<String>,
    /// A field of the login form (`name=value`); repeatable.
    #[arg(long = "login-field")]
    pub login_fields: Vec<String>,
    /// A field of a second user's login at the same `--login` URL (`name=value`);
    /// repeatable. With `--active`, the pages of the first user's objects are requested
    /// with the second user's session (object access across users, FG613).
    #[arg(long = "second-login-field")]
    pub second_login_fields: Vec<String>,
    /// Post the login fields as a JSON object (a JSON login API).
    #[arg(long)]
    pub login_json: bool,
    /// Accept any TLS certificate (as `curl -k`).
    #[arg(long)]
    pub insecure: bool,
    /// Trust this CA certificate (PEM).
    #[arg(long)]
    pub ca_cert: Option<PathBuf>,
    /// Extra secret-key candidates, one per line.
    #[arg(long)]
    pub wordlist: Option<PathBuf>,
    /// Do not crawl links and forms.
    #[arg(long)]
    pub no_crawl: bool,
    /// At most this many requests [default: 3000, plus 25 per route the source declares,
    /// at most 30000]
    #[arg(long)]
    pub budget: Option<usize>,
    /// At most this many requests in flight (at least 1).
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u32).range(1..))]
    pub concurrency: u32,
    /// At most this many requests per second (0: no limit) [default: 100; no limit for an
    /// app on this machine (localhost, 127.0.0.0/8, ::1)]
    #[arg(long)]
    pub rate: Option<f64>,
    /// Per-request timeout in seconds.
    #[arg(long, default_value_t = 10.0)]
    pub timeout: f64,
    /// The whole run stops after this many seconds (at least 1).
    #[arg(long, default_value_t = 300, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_time: u64,
    /// Response bodies are read up to this many bytes.
    #[arg(long, default_value_t = 1024 * 1024)]
    pub max_body: usize,
    #[command(flatten)]
    pub out: crate::OutputArgs,
    /// Never show a progress bar.
    #[arg(long)]
    pub no_progress: bool,
}

/// The request budget without `--budget` for an app whose source is not known.
const DEFAULT_BUDGET: usize = 3000;

/// The request budget without `--budget`, knowing the source declares `routes` routes:
/// every handler gets its share of attacks.
fn default_budget(routes: usize) -> usize {
    (DEFAULT_BUDGET + 25 * routes).min(30_000)
}

/// Whether the target is this machine: no rate limit is needed to spare it.
fn is_loopback(target: &url::Url) -> bool {
    match target.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

fn parse_url(s: &str, what: &str) -> Result<url::Url> {
    let u = url::Url::parse(s).with_context(|| format!("{what} `{s}` is not a valid URL"))?;
    if !matches!(u.scheme(), "http" | "https") || u.host().is_none() {
        bail!("{what} `{s}` must be an http:// or https:// URL with a host");
    }
    Ok(u)
}

fn pair(s: &str, sep: char, what: &str) -> Result<(String, String)> {
    let (n, v) = s
        .split_once(sep)
        .with_context(|| format!("{what} `{s}`: expected `name{sep}value`"))?;
    let n = n.trim();
    if n.is_empty() {
        bail!("{what} `{s}`: the name is empty");
    }
    Ok((n.to_string(), v.trim_start().to_string()))
}

pub struct Built {
    pub options: Options,
    /// The static analysis of `--source`, and what it read.
    pub analysis: Option<(flaskguard_rules::Analysis, flaskguard_rules::Scanned)>,
}

pub fn options(args: &ProbeArgs) -> Result<Built> {
    let target = parse_url(&args.url, "the target")?;
    let mut opts = Options::new(target.clone());
    opts.limits = Limits {
        budget: args.budget.unwrap_or(DEFAULT_BUDGET),
        concurrency: usize::try_from(args.concurrency).unwrap_or(1).max(1),
        rate: args
            .rate
            .unwrap_or(if is_loopback(&target) { 0.0 } else { 100.0 })
            .max(0.0),
        timeout: Duration::from_secs_f64(args.timeout.clamp(0.1, 600.0)),
        max_body: args.max_body.max(1024),
        deadline: Duration::from_secs(args.max_time.max(1)),
    };
    opts.tls = Tls {
        insecure: args.insecure,
        ca_cert: match &args.ca_cert {
            Some(p) => Some(
                std::fs::read(p)
                    .with_context(|| format!("cannot read the CA certificate {}", p.display()))?,
            ),
            None => None,
        },
    };
    opts.active = args.active;
    opts.crawl = !args.no_crawl;
    opts.progress = !args.no_progress && std::io::IsTerminal::is_terminal(&std::io::stderr());
    for h in &args.headers {
        opts.headers.push(pair(h, ':', "--header")?);
    }
    for c in &args.cookies {
        opts.cookies.push(pair(c, '=', "--cookie")?);
    }
    if let Some(l) = &args.login {
        let url = target
            .join(l)
            .with_context(|| format!("--login `{l}` is not a valid URL"))?;
        if url.origin() != target.origin() {
            bail!(
                "--login `{l}` is on another origin than the target; credentials never leave the origin"
            );
        }
        let mut fields = Vec::new();
        for f in &args.login_fields {
            fields.push(pair(f, '=', "--login-field")?);
        }
        if !args.second_login_fields.is_empty() {
            let mut second = Vec::new();
            for f in &args.second_login_fields {
                second.push(pair(f, '=', "--second-login-field")?);
            }
            opts.second_login = Some(Login {
                url: url.clone(),
                fields: second,
                json: args.login_json,
            });
        }
        opts.login = Some(Login {
            url,
            fields,
            json: args.login_json,
        });
    } else if !args.login_fields.is_empty() {
        bail!("--login-field needs --login URL");
    } else if !args.second_login_fields.is_empty() {
        bail!("--second-login-field needs --login URL");
    }
    if let Some(p) = &args.wordlist {
        let text = std::fs::read_to_string(p)
            .with_context(|| format!("cannot read the wordlist {}", p.display()))?;
        opts.wordlist = text
            .lines()
            .map(|l| l.trim_end_matches('\r').to_string())
            .filter(|l| !l.is_empty())
            .take(1_000_000)
            .collect();
    }
    if let Some(p) = &args.openapi {
        let text = std::fs::read_to_string(p)
            .with_context(|| format!("cannot read the OpenAPI document {}", p.display()))?;
        let doc: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
            anyhow::anyhow!(
                "{}:{}:{}: not valid JSON: {e}",
                p.display(),
                e.line(),
                e.column()
            )
        })?;
        opts.openapi = Some(doc);
    }
    let mut analysis = None;
    if let Some(src) = &args.source {
        if std::fs::metadata(src).is_err() {
            bail!("cannot read {}: no such file or directory", src.display());
        }
        let (a, scanned) = flaskguard_rules::analyze_paths(
            std::slice::from_ref(src),
            &flaskguard_index::DiscoverOptions::default(),
            &flaskguard_rules::AnalysisOptions {
                free_at_exit: true,
                min_part_bytes: crate::part_bytes(),
                ..Default::default()
            },
        );
        opts.learn_from_source(&a.routes, &a.findings, &a.secret_candidates.0);
        opts.databases.clone_from(&a.databases);
        if args.budget.is_none() {
            opts.limits.budget = default_budget(a.routes.len());
        }
        analysis = Some((a, scanned));
    }
    Ok(Built {
        options: opts,
        analysis,
    })
}

/// Runs the probe and builds the report (static findings first when `--source` is given).
pub fn report(args: &ProbeArgs) -> Result<Report> {
    let started = Instant::now();
    let built = options(args)?;
    let _served = match &args.serve {
        Some(cmd) => Some(flaskguard_probe::serve::Served::start(
            cmd,
            &built.options.target,
            Duration::from_secs(args.serve_timeout.max(1)),
        )?),
        None => None,
    };
    let outcome = match flaskguard_probe::run(&built.options) {
        Ok(o) => o,
        Err(ProbeError::Unreachable(m) | ProbeError::Setup(m)) => bail!("{m}"),
    };
    let mut targets = vec![args.url.clone()];
    targets.extend(args.source.iter().map(|s| s.display().to_string()));
    let mut report = crate::new_report(targets);
    if let Some((analysis, scanned)) = built.analysis {
        crate::add_analysis(&mut report, analysis, scanned);
    }
    flaskguard_probe::add_to_report(&mut report, outcome, &args.url);
    report.stats.duration_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    Ok(report)
}
