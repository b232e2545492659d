//! `flaskguard probe`: dynamic testing of a running Flask app.
//!
//! The probe learns what to test from the source model (routes, the request keys each
//! handler reads, secret-key candidates), an OpenAPI document and crawling; checks every
//! response passively; and, with `active`, sends safe payloads (unique markers, arithmetic,
//! offline secret guessing). Every request goes through [`client::Client`], which keeps the
//! run on one origin and within its budget, time, size, concurrency and rate bounds.
//!
//! A run ([`run`]) shares one context (`context`: the client, the findings, the problems)
//! between the crawl (`crawl`), the probe's own login (`session`) and the checks
//! (`passive`, `active`); its findings carry typed facts ([`finding`]) that
//! [`add_to_report`] uses to confirm static findings.

mod active;
mod canary;
pub mod client;
mod context;
pub mod cookies;
mod crawl;
pub mod finding;
pub mod inventory;
pub mod jwt;
mod passive;
pub mod redact;
mod report;
pub mod rules;
mod run;
pub mod serve;
mod session;

use std::time::Duration;

use flaskguard_report::{Finding, RouteEntry, RuleMeta, route_rule};
use url::Url;

use client::{Limits, Tls};
use inventory::SeedRoute;

pub use report::add_to_report;
pub use run::run;

/// A login step: a form posted to `url`, re-run when the session is lost.
#[derive(Clone, Debug)]
pub struct Login {
    pub url: Url,
    pub fields: Vec<(String, String)>,
    /// Post the fields as a JSON object instead of a form (JSON login APIs).
    pub json: bool,
}

/// Everything a probe run needs.
#[derive(Clone, Debug)]
pub struct Options {
    pub target: Url,
    pub limits: Limits,
    pub tls: Tls,
    /// Sent with every request (`--header`).
    pub headers: Vec<(String, String)>,
    /// Session cookies to start with (`--cookie`).
    pub cookies: Vec<(String, String)>,
    pub login: Option<Login>,
    /// A second user's login (`--second-login-field`, same form as `login`): one user's
    /// objects are requested with the other's session (FG613).
    pub second_login: Option<Login>,
    /// Send payloads (`--active`).
    pub active: bool,
    /// Follow links and forms from the target URL.
    pub crawl: bool,
    /// At most this many pages crawled.
    pub crawl_pages: usize,
    /// Routes from the source model (`--source`).
    pub seed: Vec<SeedRoute>,
    /// Secret-key candidates from the source, tried first.
    pub secret_candidates: Vec<String>,
    /// More candidates (`--wordlist`), tried last.
    pub wordlist: Vec<String>,
    /// An OpenAPI document (`--openapi`).
    pub openapi: Option<serde_json::Value>,
    /// GET routes the source shows changing state (`/account/delete-sessions`): with
    /// `active`, one GET each shows whether a cross-site request is accepted.
    pub state_changing_gets: Vec<String>,
    /// Show a progress bar on stderr (runs over a second, on a terminal).
    pub progress: bool,
    /// What the static findings predict: the route rule and the probe checks that would
    /// confirm a finding on it (`/search`, FG620). Those attacks go first.
    pub predicted: Vec<(String, &'static str)>,
    /// The database engines the source connects to (`sqlite`, `postgresql`, `mysql`);
    /// empty when unknown. Time-based SQL payloads are sent only in the dialects listed.
    pub databases: Vec<&'static str>,
}

impl Options {
    pub fn new(target: Url) -> Self {
        Options {
            target,
            limits: Limits::default(),
            tls: Tls::default(),
            headers: Vec::new(),
            cookies: Vec::new(),
            login: None,
            second_login: None,
            active: false,
            crawl: true,
            crawl_pages: 60,
            seed: Vec::new(),
            secret_candidates: Vec::new(),
            wordlist: Vec::new(),
            openapi: None,
            state_changing_gets: Vec::new(),
            progress: false,
            predicted: Vec::new(),
            databases: Vec::new(),
        }
    }

    /// What the app's source tells the probe: its routes and their inputs, the values it
    /// gives `SECRET_KEY`, and the GET routes its static findings show changing state
    /// (FG237).
    pub fn learn_from_source(
        &mut self,
        routes: &[RouteEntry],
        findings: &[Finding],
        secret_candidates: &[String],
    ) {
        self.seed = routes
            .iter()
            .map(|r| SeedRoute {
                rule: r.rule.clone(),
                methods: r.methods.clone(),
                inputs: r.inputs.clone(),
                samples: r.samples.clone(),
                numbers: r.numbers.clone(),
            })
            .collect();
        self.secret_candidates = secret_candidates.to_vec();
        let confirming = |code: &str, rule: &str| {
            let (code, rule) = (code.to_string(), rule.to_string());
            rules::PROBES
                .iter()
                .filter(move |p| p.confirms.contains(&code.as_str()))
                .map(move |p| (rule.clone(), p.code))
        };
        self.predicted = findings
            .iter()
            .flat_map(|f| finding_rules(routes, f).into_iter().map(move |r| (f, r)))
            .flat_map(|(f, rule)| confirming(&f.code, rule))
            // A route's own codes also name the flows from its reads that were merged
            // into one finding at a shared sink (a helper every view calls).
            .chain(
                routes
                    .iter()
                    .flat_map(|r| r.findings.iter().flat_map(|c| confirming(c, &r.rule))),
            )
            .collect();
        self.predicted.sort_unstable();
        self.predicted.dedup();
        self.state_changing_gets = findings
            .iter()
            .filter(|f| f.code == "FG237")
            .filter_map(|f| f.route.as_deref())
            .map(|label| route_rule(routes, label).to_string())
            .collect();
    }
}

/// The route rules a static finding is about: its route, else the routes whose handler
/// holds it, else those whose handler holds where its value came from (a taint finding's
/// sink may lie in a helper that the handler calls).
pub(crate) fn finding_rules<'r>(routes: &'r [RouteEntry], f: &'r Finding) -> Vec<&'r str> {
    if let Some(label) = f.route.as_deref() {
        return vec![route_rule(routes, label)];
    }
    let rules = rules_holding(routes, &f.location);
    if !rules.is_empty() {
        return rules;
    }
    f.trace
        .first()
        .map_or_else(Vec::new, |step| rules_holding(routes, &step.location))
}

/// The rules of the routes whose handler holds `loc` (a route's location spans its
/// handler).
pub(crate) fn rules_holding<'r>(
    routes: &'r [RouteEntry],
    loc: &flaskguard_report::Location,
) -> Vec<&'r str> {
    routes
        .iter()
        .filter(|r| {
            r.location.path == loc.path
                && r.location.start.line <= loc.start.line
                && loc.start.line <= r.location.end.line
        })
        .map(|r| r.rule.as_str())
        .collect()
}

/// One attack the probe planned on a route: the probe check that would report it, the
/// input, and whether it ran to the end (`false`: the budget or time limit cut it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tried {
    pub rule: String,
    pub code: &'static str,
    pub input: String,
    pub done: bool,
}

/// The result of a probe run.
#[derive(Debug, Default)]
pub struct Outcome {
    /// The injection attacks planned, route by route (see [`Tried`]).
    pub tried: Vec<Tried>,
    pub findings: Vec<finding::ProbeFinding>,
    /// Metadata of the probe rules that reported.
    pub rules: Vec<RuleMeta>,
    pub requests: usize,
    pub elapsed: Duration,
    /// Endpoints probed (method and template).
    pub endpoints: Vec<String>,
    /// Problems that did not stop the run (timeouts, resets), then what the bounds cut,
    /// each once (`cut: …`: budget, time limit, body size, redirects to another origin,
    /// links not crawled).
    pub errors: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ProbeError {
    #[error("{0}")]
    Unreachable(String),
    #[error("{0}")]
    Setup(String),
}

/// Entry points for the fuzz targets (`fuzz/`): what a probe run does with each response,
/// without a network. Not a stable API.
#[doc(hidden)]
pub mod fuzzing {
    use flaskguard_report::Evidence;

    use crate::client::Response;
    use crate::context::Ctx;
    use crate::{Options, passive};

    /// The passive checks, with the state of a probe run that has sent nothing.
    pub struct Passive<'o> {
        ctx: Ctx<'o>,
    }

    impl<'o> Passive<'o> {
        pub fn new(opts: &'o Options) -> Result<Self, String> {
            Ok(Passive {
                ctx: Ctx::new(opts)?,
            })
        }

        /// Runs the passive checks on one response and returns what they reported (code,
        /// message, evidence); the run's state is then reset for the next response.
        pub fn check(&self, resp: &Response) -> Vec<(&'static str, String, Evidence)> {
            passive::check(&self.ctx, resp);
            let hits = self
                .ctx
                .hits
                .lock()
                .map(|mut h| std::mem::take(&mut *h).list)
                .unwrap_or_default();
            for state in [&self.ctx.session_cookies, &self.ctx.bearer_tokens] {
                if let Ok(mut s) = state.lock() {
                    s.clear();
                }
            }
            hits.into_iter()
                .map(|h| (h.code, h.message, h.evidence))
                .collect()
        }
    }

    pub fn sensitive_data(body: &str) -> Option<(&'static str, &str)> {
        passive::sensitive_data(body)
    }

    pub fn plaintext_passwords(body: &str) -> Option<(&'static str, &str)> {
        passive::plaintext_passwords(body)
    }

    pub fn traceback_signature(body: &str) -> Option<&'static str> {
        passive::traceback_signature(body)
    }

    pub fn evidence(resp: &Response, proof: &str, marker: Option<&str>) -> Evidence {
        crate::context::evidence(resp, proof, marker)
    }
}
