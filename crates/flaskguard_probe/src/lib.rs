//! `flaskguard probe`: dynamic testing of a running Flask app.
//!
//! The probe learns what to test from the source model (routes, the request keys each
//! handler reads, secret-key candidates), an OpenAPI document and crawling; checks every
//! response passively; and, with `active`, sends safe payloads (unique markers, arithmetic,
//! offline secret guessing). Every request goes through [`client::Client`], which keeps the
//! run on one origin and within its budget, time, size, concurrency and rate bounds.

mod active;
mod canary;
pub mod client;
pub mod cookies;
pub mod inventory;
pub mod jwt;
mod passive;
pub mod redact;
pub mod rules;

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Mutex;
use std::sync::atomic::AtomicUsize;
use std::time::{Duration, Instant};

use flaskguard_report::{Evidence, Finding, Location, RuleMeta, Severity, fingerprint};
use url::Url;

use client::{Client, Cuts, Limits, Request, Response, SendError, Tls};
use inventory::{Endpoint, SeedRoute};

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
            active: false,
            crawl: true,
            crawl_pages: 60,
            seed: Vec::new(),
            secret_candidates: Vec::new(),
            wordlist: Vec::new(),
            openapi: None,
            state_changing_gets: Vec::new(),
            progress: false,
        }
    }
}

/// The result of a probe run.
#[derive(Debug, Default)]
pub struct Outcome {
    pub findings: Vec<Finding>,
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

/// Runs a probe to completion (or to its bounds).
pub fn run(opts: &Options) -> Result<Outcome, ProbeError> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| ProbeError::Setup(format!("cannot start the async runtime: {e}")))?;
    rt.block_on(run_async(opts))
}

/// A finding before it becomes a report [`Finding`].
#[derive(Clone, Debug)]
pub(crate) struct Hit {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    /// `GET /search` style label of the endpoint (or `/` for site-wide findings).
    pub route: String,
    /// The URL path the finding is about (no query).
    pub path: String,
    /// The input under test, if any (`query q`).
    pub param: Option<String>,
    pub evidence: Evidence,
}

/// State shared by the probes of a run.
pub(crate) struct Ctx<'o> {
    pub client: Client,
    pub opts: &'o Options,
    hits: Mutex<Hits>,
    errors: Mutex<Vec<String>>,
    /// Problems not listed (past [`MAX_ERRORS`]).
    errors_dropped: AtomicUsize,
    /// The phases the budget or the time limit ended early (`the crawl`).
    cut_short: Mutex<Vec<&'static str>>,
    /// Statuses of the baseline requests: `(endpoint label, status, WWW-Authenticate)`.
    pub statuses: Mutex<Vec<(usize, u16, Option<String>)>>,
    /// Session cookie values seen (for secret cracking).
    pub session_cookies: Mutex<Vec<String>>,
    pub logged_in: std::sync::atomic::AtomicBool,
    /// Route templates known so far, to name the route a response belongs to.
    templates: Mutex<Vec<String>>,
    /// JWTs seen in response bodies (sent back as `Authorization: Bearer`).
    pub bearer_tokens: Mutex<Vec<String>>,
    /// A response sent the logged-in probe back to the login page: log in again.
    pub session_lost: std::sync::atomic::AtomicBool,
    relogin: tokio::sync::Mutex<()>,
}

impl<'o> Ctx<'o> {
    /// The state of a run that has sent nothing yet.
    fn new(client: Client, opts: &'o Options) -> Self {
        Ctx {
            client,
            opts,
            hits: Mutex::new(Hits::default()),
            errors: Mutex::new(Vec::new()),
            errors_dropped: AtomicUsize::new(0),
            cut_short: Mutex::new(Vec::new()),
            statuses: Mutex::new(Vec::new()),
            session_cookies: Mutex::new(Vec::new()),
            logged_in: std::sync::atomic::AtomicBool::new(false),
            templates: Mutex::new(Vec::new()),
            bearer_tokens: Mutex::new(Vec::new()),
            session_lost: std::sync::atomic::AtomicBool::new(false),
            relogin: tokio::sync::Mutex::new(()),
        }
    }

    /// Keeps a finding: one per check, route and input; at most [`MAX_HITS_PER_CODE`] per
    /// check (a server that sets a thousand cookies gets a thousand cookie-flag findings
    /// otherwise), the rest counted.
    pub fn report(&self, hit: Hit) {
        let Ok(mut hits) = self.hits.lock() else {
            return;
        };
        let key = (hit.code, hit.route.clone(), hit.param.clone());
        if hits.keys.contains(&key) {
            return;
        }
        let count = hits.per_code.entry(hit.code).or_default();
        if *count >= MAX_HITS_PER_CODE {
            *hits.dropped.entry(hit.code).or_default() += 1;
            return;
        }
        *count += 1;
        hits.keys.insert(key);
        hits.list.push(hit);
    }

    /// The route template a concrete path belongs to (`/users/<name>` for `/users/x'`).
    pub fn route_for(&self, method: &str, path: &str) -> String {
        let Ok(templates) = self.templates.lock() else {
            return format!("{method} {path}");
        };
        let segs: Vec<&str> = path.split('/').collect();
        let found = templates.iter().find(|t| {
            let tsegs: Vec<&str> = t.split('/').collect();
            if let Some(last) = tsegs.last()
                && last.starts_with("<path:")
            {
                return segs.len() >= tsegs.len()
                    && tsegs[..tsegs.len() - 1]
                        .iter()
                        .zip(&segs)
                        .all(|(a, b)| a.starts_with('<') || a == b);
            }
            tsegs.len() == segs.len()
                && tsegs
                    .iter()
                    .zip(&segs)
                    .all(|(a, b)| a.starts_with('<') && a.ends_with('>') || a == b)
        });
        format!("{method} {}", found.map_or(path, String::as_str))
    }

    pub fn has(&self, code: &str) -> bool {
        self.hits
            .lock()
            .is_ok_and(|h| h.per_code.contains_key(code))
    }

    pub fn error(&self, message: String) {
        if let Ok(mut errors) = self.errors.lock()
            && !errors.contains(&message)
        {
            if errors.len() < MAX_ERRORS {
                errors.push(message);
            } else {
                self.errors_dropped
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
        }
    }

    /// A phase of the run ended early: the budget or the time limit is spent.
    pub fn cut_short(&self, phase: &'static str) {
        if let Ok(mut phases) = self.cut_short.lock()
            && !phases.contains(&phase)
        {
            phases.push(phase);
        }
    }

    /// Sends, checks the response passively, and records transport problems.
    pub async fn send(&self, req: Request) -> Result<Response, SendError> {
        let label = format!("{} {}", req.method, req.url.path());
        match self.client.send(req).await {
            Ok(resp) => {
                passive::check(self, &resp);
                if let Some(login) = &self.opts.login
                    && self.logged_in.load(std::sync::atomic::Ordering::Relaxed)
                    && resp.is_redirect()
                    && resp
                        .header("location")
                        .and_then(|l| resp.url.join(l).ok())
                        .is_some_and(|u| u.path() == login.url.path())
                {
                    self.session_lost
                        .store(true, std::sync::atomic::Ordering::Relaxed);
                }
                Ok(resp)
            }
            Err(e) => {
                // Spent bounds are counted by the client and reported once.
                if !matches!(
                    e,
                    SendError::OutOfScope(_) | SendError::Budget(_) | SendError::Deadline
                ) {
                    self.error(format!("{label}: {e}"));
                }
                Err(e)
            }
        }
    }
}

/// The findings of a run.
#[derive(Debug, Default)]
struct Hits {
    list: Vec<Hit>,
    /// `(code, route, param)` of each in `list`.
    keys: HashSet<(&'static str, String, Option<String>)>,
    per_code: HashMap<&'static str, usize>,
    /// Findings not kept, per code (past [`MAX_HITS_PER_CODE`]).
    dropped: std::collections::BTreeMap<&'static str, usize>,
}

/// At most this many findings of one check are kept.
const MAX_HITS_PER_CODE: usize = 500;

/// At most this many problems are listed; the rest are counted.
const MAX_ERRORS: usize = 50;

/// At most this many endpoints are learnt from crawled links (and no more than the budget,
/// as each costs a request): an inventory that a page of generated links cannot swell.
const MAX_CRAWLED_ENDPOINTS: usize = 10_000;

/// Links the crawl left alone, and why.
#[derive(Debug, Default)]
struct CrawlCut {
    /// Distinct paths, up to [`MAX_CRAWLED_ENDPOINTS`]; past that, `more` counts links.
    paths: HashSet<String>,
    more: usize,
    /// The page limit left them.
    page_limit: bool,
    /// The endpoint cap (this many) left them.
    endpoint_cap: Option<usize>,
    /// The budget or the time limit ended the crawl.
    exhausted: bool,
}

impl CrawlCut {
    fn drop_link(&mut self, path: &str) {
        if self.paths.len() < MAX_CRAWLED_ENDPOINTS {
            self.paths.insert(path.to_string());
        } else if !self.paths.contains(path) {
            self.more += 1;
        }
    }

    fn links(&self) -> usize {
        self.paths.len() + self.more
    }
}

/// One line for each thing the run's bounds cut, each counted once.
fn cut_lines(
    opts: &Options,
    cuts: &Cuts,
    crawl: &CrawlCut,
    phases: &[&str],
    errors_dropped: usize,
) -> Vec<String> {
    let limits = &opts.limits;
    let mut lines = Vec::new();
    let mut ended = if phases.is_empty() {
        String::new()
    } else {
        format!("; ended early: {}", phases.join(", "))
    };
    if cuts.budget > 0 {
        lines.push(format!(
            "cut: --budget {} spent; {} more requests refused{}",
            limits.budget,
            cuts.budget,
            std::mem::take(&mut ended)
        ));
    }
    if cuts.deadline > 0 {
        lines.push(format!(
            "cut: --max-time {} s reached; {} requests stopped or refused{}",
            limits.deadline.as_secs_f64(),
            cuts.deadline,
            std::mem::take(&mut ended)
        ));
    }
    if !ended.is_empty() {
        lines.push(format!("cut: the request budget or time limit{ended}"));
    }
    if cuts.bodies > 0 {
        lines.push(format!(
            "cut: --max-body {} bytes; {} response bodies truncated (first: {})",
            limits.max_body,
            cuts.bodies,
            cuts.first_body.as_deref().unwrap_or("?")
        ));
    }
    if cuts.offsite_redirects > 0 {
        lines.push(format!(
            "cut: {} redirects to another origin not followed (first: {})",
            cuts.offsite_redirects,
            cuts.first_offsite_redirect.as_deref().unwrap_or("?")
        ));
    }
    if cuts.offsite_requests > 0 {
        lines.push(format!(
            "cut: {} requests for another origin not sent (first: {})",
            cuts.offsite_requests,
            cuts.first_offsite_request.as_deref().unwrap_or("?")
        ));
    }
    if cuts.cookies > 0 {
        lines.push(format!(
            "cut: {} cookies set by the app not kept (the jar keeps {} of at most {} bytes each)",
            cuts.cookies,
            client::MAX_COOKIES,
            client::MAX_COOKIE_BYTES
        ));
    }
    if crawl.links() > 0 {
        let mut why = Vec::new();
        if crawl.page_limit {
            why.push(format!("the crawl stops at {} pages", opts.crawl_pages));
        }
        if let Some(cap) = crawl.endpoint_cap {
            why.push(format!("at most {cap} endpoints are learnt from links"));
        }
        if crawl.exhausted {
            why.push("the request budget or time limit ended the crawl".to_string());
        }
        lines.push(format!(
            "cut: {}{} links not crawled ({})",
            if crawl.more > 0 { "over " } else { "" },
            crawl.paths.len(),
            why.join("; ")
        ));
    }
    if errors_dropped > 0 {
        lines.push(format!(
            "cut: {errors_dropped} more problems not listed (the first {MAX_ERRORS} are)"
        ));
    }
    lines
}

/// The evidence of an exchange: request and response excerpts, redacted.
pub(crate) fn evidence(resp: &Response, proof: &str, marker: Option<&str>) -> Evidence {
    use std::fmt::Write as _;
    let mut request = String::new();
    for (n, v) in &resp.request_headers {
        let _ = writeln!(request, "{n}: {v}");
    }
    if let Some(body) = &resp.request_body {
        let text = String::from_utf8_lossy(body);
        let _ = write!(request, "\n{}", excerpt(&text, None, 300));
    }
    let mut response = String::new();
    for (n, v) in &resp.headers {
        if matches!(
            n.to_ascii_lowercase().as_str(),
            "content-type"
                | "location"
                | "set-cookie"
                | "server"
                | "cache-control"
                | "vary"
                | "www-authenticate"
                | "content-security-policy"
        ) || n.to_ascii_lowercase().starts_with("access-control-")
        {
            let _ = writeln!(response, "{n}: {v}");
        }
    }
    let body = resp.text();
    if !body.is_empty() {
        let _ = write!(response, "\n{}", excerpt(&body, marker, 400));
    }
    Evidence {
        method: resp.method.clone(),
        url: redact::redact(resp.url.as_str()),
        request: redact::redact(request.trim_end()),
        status: resp.status,
        response: redact::redact(response.trim_end()),
        proof: redact::redact(proof),
    }
}

/// Up to `max` characters of `text`, around `marker` when it occurs.
fn excerpt(text: &str, marker: Option<&str>, max: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= max {
        return text.to_string();
    }
    let at = marker
        .and_then(|m| text.find(m))
        .map_or(0, |byte| text[..byte].chars().count());
    let start = at.saturating_sub(max / 3);
    let end = (start + max).min(chars.len());
    let mut out: String = chars[start..end].iter().collect();
    if start > 0 {
        out.insert(0, '…');
    }
    if end < chars.len() {
        out.push('…');
    }
    out
}

async fn run_async(opts: &Options) -> Result<Outcome, ProbeError> {
    let started = Instant::now();
    let client = Client::new(
        opts.target.clone(),
        opts.limits.clone(),
        &opts.tls,
        opts.headers.clone(),
        opts.cookies.clone(),
    )
    .map_err(ProbeError::Setup)?;
    let ctx = Ctx::new(client, opts);
    // Reachability first: a clean one-line error when nothing answers.
    let first = match ctx.client.send(Request::get(opts.target.clone())).await {
        Ok(r) => r,
        Err(e) => {
            return Err(ProbeError::Unreachable(format!(
                "cannot reach {}: {e}",
                opts.target
            )));
        }
    };
    let progress = Progress::start(&ctx, opts.progress);
    passive::check(&ctx, &first);
    passive::site(&ctx, &first).await;
    if let Some(login) = &opts.login {
        login_step(&ctx, login).await;
    }

    // Inventory.
    let mut endpoints = inventory::from_seed(&opts.seed);
    if let Some(doc) = &opts.openapi {
        match inventory::from_openapi(doc) {
            Ok(mut e) => endpoints.append(&mut e),
            Err(e) => ctx.error(format!("--openapi: {e}")),
        }
    }
    let mut crawl_cut = CrawlCut::default();
    if opts.crawl {
        let (mut crawled, cut) = crawl(&ctx, &first).await;
        crawl_cut = cut;
        endpoints.append(&mut crawled);
        // An API that publishes its OpenAPI document (flasgger, flask-smorest, apispec).
        if opts.openapi.is_none() {
            endpoints.append(&mut discover_openapi(&ctx).await);
        }
    }
    let endpoints = inventory::merge(endpoints);
    if let Ok(mut t) = ctx.templates.lock() {
        // Exact paths first, so `/users/me` wins over `/users/<name>`.
        let mut all: Vec<String> = endpoints.iter().map(|e| e.template.clone()).collect();
        all.sort_by_key(|t| (t.matches('<').count(), std::cmp::Reverse(t.len())));
        all.dedup();
        *t = all;
    }
    progress.set_message(format!("{} endpoints", endpoints.len()));

    // Passive: one baseline request per endpoint that is safe to repeat.
    for (i, e) in endpoints.iter().enumerate() {
        if e.method != "GET" {
            continue;
        }
        match ctx.send(e.request(ctx.client.base(), None)).await {
            Ok(resp) => {
                if let Ok(mut s) = ctx.statuses.lock() {
                    s.push((
                        i,
                        resp.status,
                        resp.header("www-authenticate").map(str::to_string),
                    ));
                }
                passive::cors(&ctx, e).await;
            }
            Err(e) if e.is_exhausted() => {
                ctx.cut_short("the baseline requests");
                break;
            }
            Err(_) => {}
        }
    }

    if opts.active {
        active::run(&ctx, &endpoints).await;
    }
    progress.finish();

    let Hits {
        list: hits,
        dropped: hits_dropped,
        ..
    } = ctx.hits.into_inner().unwrap_or_default();
    let mut rules: Vec<RuleMeta> = Vec::new();
    let origin = opts.target.origin().ascii_serialization();
    let findings = hits
        .into_iter()
        .map(|h| {
            let meta = rules::probe_rule(h.code);
            if let Some(m) = meta
                && !rules.iter().any(|r| r.code == m.code)
            {
                rules.push(m.meta());
            }
            let path = format!("{origin}{}", h.path);
            let key = format!("{} {}", h.route, h.param.as_deref().unwrap_or(""));
            Finding {
                code: h.code.to_string(),
                name: meta.map_or("", |m| m.name).to_string(),
                severity: h.severity,
                confidence: flaskguard_report::Confidence::High,
                message: h.message,
                location: Location {
                    path: path.clone(),
                    ..Location::default()
                },
                snippet: None,
                fix: None,
                trace: Vec::new(),
                route: Some(h.route),
                fingerprint: fingerprint(h.code, &origin, &key, 0),
                suppression: None,
                evidence: Some(h.evidence),
                confirmed: None,
            }
        })
        .collect();
    let mut errors = ctx.errors.into_inner().unwrap_or_default();
    errors.extend(cut_lines(
        opts,
        &ctx.client.cuts(),
        &crawl_cut,
        &ctx.cut_short.into_inner().unwrap_or_default(),
        ctx.errors_dropped.into_inner(),
    ));
    for (code, n) in hits_dropped {
        errors.push(format!(
            "cut: {n} more {code} findings not listed (at most {MAX_HITS_PER_CODE} per check)"
        ));
    }
    Ok(Outcome {
        findings,
        rules,
        requests: ctx.client.requests_sent(),
        elapsed: started.elapsed(),
        endpoints: endpoints.iter().map(Endpoint::label).collect(),
        errors,
    })
}

/// The hidden fields (CSRF tokens) of the form that posts to `action`, read fresh from
/// the page at `action` (with the session's cookies, to which such tokens are bound).
pub(crate) async fn hidden_fields(ctx: &Ctx<'_>, action: &Url) -> Vec<(String, String)> {
    // The form is usually on the page of its own URL; else on the home page.
    let mut page = match ctx.send(Request::get(action.clone())).await {
        Ok(p) if p.is_html() && p.is_success() => Some(p),
        _ => None,
    };
    if page.is_none() {
        page = match ctx.send(Request::get(ctx.client.base().clone())).await {
            Ok(p) if p.is_html() => Some(p),
            _ => None,
        };
    }
    let Some(page) = page else {
        return Vec::new();
    };
    let parsed = inventory::parse_html(&page.text());
    let target = action.path();
    let form = parsed
        .forms
        .iter()
        .find(|f| {
            page.url
                .join(f.action.as_deref().unwrap_or(""))
                .is_ok_and(|u| u.path() == target)
        })
        .or_else(|| parsed.forms.iter().find(|f| f.method == "POST"));
    form.map(|f| {
        f.fields
            .iter()
            .filter(|(_, t, _)| t == "hidden")
            .map(|(n, _, v)| (n.clone(), v.clone()))
            .collect()
    })
    .unwrap_or_default()
}

/// Logs in again if a response showed the session was lost (one task at a time).
pub(crate) async fn relogin_if_lost(ctx: &Ctx<'_>) {
    let Some(login) = &ctx.opts.login else { return };
    if !ctx.session_lost.load(std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    let Ok(_guard) = ctx.relogin.try_lock() else {
        return;
    };
    ctx.session_lost
        .store(false, std::sync::atomic::Ordering::Relaxed);
    login_step(ctx, login).await;
}

/// Posts the login form (with the page's hidden fields); keeps the session cookies.
pub(crate) async fn login_step(ctx: &Ctx<'_>, login: &Login) -> bool {
    let req = if login.json {
        let body: serde_json::Map<String, serde_json::Value> = login
            .fields
            .iter()
            .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
            .collect();
        Request::new("POST", login.url.clone()).json(&serde_json::Value::Object(body))
    } else {
        let mut fields = hidden_fields(ctx, &login.url).await;
        fields.retain(|(n, _)| !login.fields.iter().any(|(m, _)| m == n));
        fields.extend(login.fields.iter().cloned());
        Request::new("POST", login.url.clone()).form(&fields)
    };
    match ctx.send(req).await {
        Ok(resp) if resp.status < 400 => {
            ctx.logged_in
                .store(true, std::sync::atomic::Ordering::Relaxed);
            // A JSON login answers with a token: the session is that bearer token.
            if login.json
                && let Some(token) = jwt::find_jwts(&resp.text(), 1).into_iter().next()
            {
                ctx.client.set_bearer(&token);
            }
            true
        }
        Ok(resp) => {
            // Not logged in any more: no point in re-login attempts until a later phase.
            ctx.logged_in
                .store(false, std::sync::atomic::Ordering::Relaxed);
            ctx.error(format!(
                "login at {} failed: status {}",
                login.url, resp.status
            ));
            false
        }
        Err(_) => false,
    }
}

/// Follows links and forms on the origin, breadth first, up to the page limit; returns the
/// endpoints learnt and what was left alone.
async fn crawl(ctx: &Ctx<'_>, first: &Response) -> (Vec<Endpoint>, CrawlCut) {
    let mut crawler = Crawler {
        ctx,
        out: Vec::new(),
        by_path: HashMap::new(),
        forms: HashMap::new(),
        seen: HashSet::from([first.url.path().to_string()]),
        queue: VecDeque::new(),
        cap: ctx.client.limits().budget.clamp(1, MAX_CRAWLED_ENDPOINTS),
        cut: CrawlCut::default(),
    };
    crawler.handle(first);
    let mut pages = 0usize;
    while let Some(url) = crawler.queue.pop_front() {
        if pages >= ctx.opts.crawl_pages {
            crawler.cut.page_limit = true;
            crawler.cut.drop_link(url.path());
            break;
        }
        pages += 1;
        match ctx.send(Request::get(url.clone())).await {
            Ok(resp) => crawler.handle(&resp),
            Err(e) if e.is_exhausted() => {
                ctx.cut_short("the crawl");
                crawler.cut.exhausted = true;
                crawler.cut.drop_link(url.path());
                break;
            }
            Err(_) => {}
        }
    }
    let Crawler {
        out,
        queue,
        mut cut,
        ..
    } = crawler;
    for url in queue {
        cut.drop_link(url.path());
    }
    (out, cut)
}

/// The state of a crawl, bounded: at most `cap` endpoints from links, and no more pages
/// queued than the page limit lets it fetch.
struct Crawler<'c, 'o> {
    ctx: &'c Ctx<'o>,
    out: Vec<Endpoint>,
    /// The index in `out` of the endpoint of each linked path.
    by_path: HashMap<String, usize>,
    /// The index in `out` of the endpoint of each form (`(method, action path)`).
    forms: HashMap<(String, String), usize>,
    /// Paths queued or fetched.
    seen: HashSet<String>,
    queue: VecDeque<Url>,
    cap: usize,
    cut: CrawlCut,
}

impl Crawler<'_, '_> {
    fn handle(&mut self, resp: &Response) {
        if !resp.is_html() {
            return;
        }
        let ctx = self.ctx;
        let page = inventory::parse_html(&resp.text());
        for link in page.links {
            let Ok(mut url) = resp.url.join(&link) else {
                continue;
            };
            url.set_fragment(None);
            if !ctx.client.in_scope(&url) || looks_destructive(url.path()) {
                continue;
            }
            let path = url.path();
            if let Some(&i) = self.by_path.get(path) {
                // A path known already: new query parameters only.
                if url.query().is_some() {
                    let known = &mut self.out[i];
                    for p in inventory::from_link(&url).params {
                        if !known
                            .params
                            .iter()
                            .any(|q| q.loc == p.loc && q.name == p.name)
                        {
                            known.params.push(p);
                        }
                    }
                }
            } else if self.by_path.len() < self.cap {
                self.by_path.insert(path.to_string(), self.out.len());
                self.out.push(inventory::from_link(&url));
            } else {
                self.cut.endpoint_cap = Some(self.cap);
                self.cut.drop_link(path);
                continue;
            }
            if self.seen.contains(path) {
                continue;
            }
            // The first page is not one of the crawled pages.
            if self.seen.len() <= ctx.opts.crawl_pages {
                self.seen.insert(path.to_string());
                self.queue.push_back(url);
            } else {
                self.cut.page_limit = true;
                self.cut.drop_link(path);
            }
        }
        for form in &page.forms {
            if let Some((action, e)) = inventory::from_form(&resp.url, form)
                && ctx.client.in_scope(&action)
            {
                let key = (e.method.clone(), e.template.clone());
                if let Some(&i) = self.forms.get(&key) {
                    // As `inventory::merge` would: the union of fields.
                    let known = &mut self.out[i];
                    for p in e.params {
                        if !known
                            .params
                            .iter()
                            .any(|q| q.loc == p.loc && q.name == p.name)
                        {
                            known.params.push(p);
                        }
                    }
                    for f in e.form_fields {
                        if !known.form_fields.contains(&f) {
                            known.form_fields.push(f);
                        }
                    }
                } else if self.forms.len() < self.cap {
                    self.forms.insert(key, self.out.len());
                    self.out.push(e);
                }
            }
        }
    }
}

/// The usual places of a published OpenAPI document; the first valid one is used.
async fn discover_openapi(ctx: &Ctx<'_>) -> Vec<Endpoint> {
    for path in [
        "/openapi.json",
        "/swagger.json",
        "/apispec_1.json",
        "/api/openapi.json",
        "/api/swagger.json",
        "/static/swagger.json",
    ] {
        let Ok(resp) = ctx.send(Request::get(ctx.client.url(path))).await else {
            continue;
        };
        if !resp.is_success() {
            continue;
        }
        let Ok(doc) = serde_json::from_slice::<serde_json::Value>(&resp.body) else {
            continue;
        };
        if doc.get("openapi").is_none() && doc.get("swagger").is_none() {
            continue;
        }
        if let Ok(found) = inventory::from_openapi(&doc) {
            return found;
        }
    }
    Vec::new()
}

/// Links a crawler must not follow: they log out or delete.
fn looks_destructive(path: &str) -> bool {
    let p = path.to_ascii_lowercase();
    [
        "logout", "log-out", "signout", "sign-out", "delete", "remove", "destroy", "reset",
    ]
    .iter()
    .any(|w| p.contains(w))
}

/// A progress line on stderr for runs over a second, on a terminal only.
struct Progress {
    bar: indicatif::ProgressBar,
    ticker: Option<tokio::task::JoinHandle<()>>,
}

impl Progress {
    fn start(ctx: &Ctx<'_>, enabled: bool) -> Progress {
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(ctx.client.limits().budget as u64),
            indicatif::ProgressDrawTarget::hidden(),
        );
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{spinner} probing {pos}/{len} requests · {elapsed} · {msg}",
        ) {
            bar.set_style(style);
        }
        let ticker = enabled.then(|| {
            let bar = bar.clone();
            let sent = ctx.client.sent_counter();
            tokio::spawn(async move {
                tokio::time::sleep(Duration::from_secs(1)).await;
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                loop {
                    bar.set_position(sent.load(std::sync::atomic::Ordering::Relaxed) as u64);
                    bar.tick();
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            })
        });
        Progress { bar, ticker }
    }

    fn set_message(&self, msg: String) {
        self.bar.set_message(msg);
    }

    fn finish(self) {
        if let Some(t) = self.ticker {
            t.abort();
        }
        self.bar.finish_and_clear();
    }
}

/// Entry points for the fuzz targets (`fuzz/`): what a probe run does with each response,
/// without a network. Not a stable API.
#[doc(hidden)]
pub mod fuzzing {
    use flaskguard_report::Evidence;

    use crate::client::{Client, Response};
    use crate::{Ctx, Options, passive};

    /// The passive checks, with the state of a probe run that has sent nothing.
    pub struct Passive<'o> {
        ctx: Ctx<'o>,
    }

    impl<'o> Passive<'o> {
        pub fn new(opts: &'o Options) -> Result<Self, String> {
            let client = Client::new(
                opts.target.clone(),
                opts.limits.clone(),
                &opts.tls,
                opts.headers.clone(),
                opts.cookies.clone(),
            )?;
            Ok(Passive {
                ctx: Ctx::new(client, opts),
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
        crate::evidence(resp, proof, marker)
    }
}
