//! The state a probe run shares between its checks: the client, the findings kept, the
//! problems met, what the session learnt; and the evidence a finding carries.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;
use std::sync::atomic::AtomicUsize;

use flaskguard_report::surface::{RulePart, UrlRule, converter_accepts};
use flaskguard_report::{Confidence, Evidence, Finding, Location, Severity, fingerprint};

use crate::client::{Client, Request, Response, SendError};
use crate::finding::{CookieRole, ProbeFinding, Scope};
use crate::{Options, redact, rules};

/// A finding before it becomes a report [`Finding`].
#[derive(Clone, Debug)]
pub(crate) struct Hit {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    /// The route (or the whole site) the finding is about.
    pub scope: Scope,
    /// For a cookie's flags: what the cookie is.
    pub cookie: Option<CookieRole>,
    /// The URL path the finding is about (no query).
    pub path: String,
    /// The input under test, if any (`query q`).
    pub param: Option<String>,
    pub evidence: Evidence,
}

impl Hit {
    /// The finding as a report shows it (on `origin`), with its typed facts.
    pub(crate) fn into_finding(self, origin: &str) -> ProbeFinding {
        let meta = rules::probe_rule(self.code);
        let label = self.scope.label();
        let key = format!("{label} {}", self.param.as_deref().unwrap_or(""));
        ProbeFinding {
            finding: Finding {
                code: self.code.to_string(),
                name: meta.map_or("", |m| m.name).to_string(),
                severity: self.severity,
                confidence: Confidence::High,
                message: self.message,
                location: Location {
                    path: format!("{origin}{}", self.path),
                    ..Location::default()
                },
                snippet: None,
                fix: None,
                trace: Vec::new(),
                route: Some(label),
                fingerprint: fingerprint(self.code, origin, &key, 0),
                suppression: None,
                evidence: Some(self.evidence),
                confirmed: None,
                not_confirmed: None,
            },
            scope: self.scope,
            cookie: self.cookie,
        }
    }
}

/// State shared by the probes of a run.
pub(crate) struct Ctx<'o> {
    pub(crate) client: Client,
    pub(crate) opts: &'o Options,
    pub(crate) hits: Mutex<Hits>,
    pub(crate) errors: Mutex<Vec<String>>,
    /// Problems not listed (past [`MAX_ERRORS`]).
    pub(crate) errors_dropped: AtomicUsize,
    /// The phases the budget or the time limit ended early (`the crawl`).
    pub(crate) cut_short: Mutex<Vec<&'static str>>,
    /// Statuses of the baseline requests: `(endpoint label, status, WWW-Authenticate)`.
    pub(crate) statuses: Mutex<Vec<(usize, u16, Option<String>)>>,
    /// Session cookie values seen (for secret cracking).
    pub(crate) session_cookies: Mutex<Vec<String>>,
    pub(crate) logged_in: std::sync::atomic::AtomicBool,
    /// Route templates known so far, to name the route a response belongs to.
    pub(crate) templates: Mutex<Vec<String>>,
    /// The paths of the pages the crawl read with the run's session (object pages among
    /// them are one user's objects, for FG613).
    pub(crate) crawled: Mutex<Vec<String>>,
    /// JWTs seen in response bodies (sent back as `Authorization: Bearer`).
    pub(crate) bearer_tokens: Mutex<Vec<String>>,
    /// A response sent the logged-in probe back to the login page: log in again.
    pub(crate) session_lost: std::sync::atomic::AtomicBool,
    pub(crate) relogin: tokio::sync::Mutex<()>,
    /// The injection attacks planned: which ran to the end and which the bounds cut.
    pub(crate) tried: Mutex<Vec<crate::Tried>>,
    /// The freshest anti-CSRF fields read for each form action (by URL path).
    pub(crate) tokens: Mutex<std::collections::HashMap<String, Vec<(String, String)>>>,
    /// Looks at every response [`Ctx::send`] receives (the run sets the passive checks).
    observe: fn(&Ctx<'_>, &Response),
}

impl<'o> Ctx<'o> {
    /// The state of a run that has sent nothing yet, with its client.
    pub(crate) fn new(opts: &'o Options) -> Result<Self, String> {
        let client = Client::new(
            opts.target.clone(),
            opts.limits.clone(),
            &opts.tls,
            opts.headers.clone(),
            opts.cookies.clone(),
        )?;
        Ok(Ctx {
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
            crawled: Mutex::new(Vec::new()),
            bearer_tokens: Mutex::new(Vec::new()),
            tried: Mutex::new(Vec::new()),
            tokens: Mutex::new(std::collections::HashMap::new()),
            session_lost: std::sync::atomic::AtomicBool::new(false),
            relogin: tokio::sync::Mutex::new(()),
            observe: |_, _| {},
        })
    }

    /// This state, with `observe` looking at every response sent through it.
    pub(crate) fn observing(self, observe: fn(&Ctx<'_>, &Response)) -> Self {
        Ctx { observe, ..self }
    }

    /// Keeps a finding: one per check, route and input; at most [`MAX_HITS_PER_CODE`] per
    /// check (a server that sets a thousand cookies gets a thousand cookie-flag findings
    /// otherwise), the rest counted.
    pub fn report(&self, hit: Hit) {
        let Ok(mut hits) = self.hits.lock() else {
            return;
        };
        let key = (hit.code, hit.scope.clone(), hit.param.clone());
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

    /// How many findings of `code` about input `param` are kept so far.
    pub(crate) fn hits_with(&self, code: &str, param: &str) -> usize {
        self.hits.lock().map_or(0, |h| {
            h.keys
                .iter()
                .filter(|(c, _, p)| *c == code && p.as_deref() == Some(param))
                .count()
        })
    }

    /// The route templates responses are named by (`route_for`).
    pub(crate) fn learn_templates(&self, mut templates: Vec<String>) {
        // Exact paths first, so `/users/me` wins over `/users/<name>`.
        templates.sort_by_key(|t| (t.matches('<').count(), std::cmp::Reverse(t.len())));
        templates.dedup();
        if let Ok(mut t) = self.templates.lock() {
            *t = templates;
        }
    }

    /// The route template a concrete path belongs to (`/users/<name>` for `/users/x'`).
    pub fn route_for(&self, method: &str, path: &str) -> Scope {
        let Ok(templates) = self.templates.lock() else {
            return Scope::route(method, path);
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
                && tsegs.iter().zip(&segs).all(|(a, b)| {
                    // `<int:id>` is only digits; `<name>` any segment.
                    match UrlRule::parse(a).parts.as_slice() {
                        [RulePart::Variable { converter, .. }] => converter_accepts(converter, b),
                        _ => a == b,
                    }
                })
        });
        Scope::route(method, found.map_or(path, String::as_str))
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

    /// Sends, lets the observer (the passive checks) look at the response, and records
    /// transport problems.
    pub async fn send(&self, req: Request) -> Result<Response, SendError> {
        let label = format!("{} {}", req.method, req.url.path());
        match self.client.send(req).await {
            Ok(resp) => {
                (self.observe)(self, &resp);
                if let Some(login) = &self.opts.login
                    && self.logged_in.load(std::sync::atomic::Ordering::Relaxed)
                    && resp
                        .location()
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
pub(crate) struct Hits {
    pub(crate) list: Vec<Hit>,
    /// `(code, route, param)` of each in `list`.
    pub(crate) keys: HashSet<(&'static str, Scope, Option<String>)>,
    pub(crate) per_code: HashMap<&'static str, usize>,
    /// Findings not kept, per code (past [`MAX_HITS_PER_CODE`]).
    pub(crate) dropped: std::collections::BTreeMap<&'static str, usize>,
}

/// At most this many findings of one check are kept.
pub(crate) const MAX_HITS_PER_CODE: usize = 500;

/// At most this many problems are listed; the rest are counted.
pub(crate) const MAX_ERRORS: usize = 50;

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

#[cfg(test)]
mod tests {
    use flaskguard_report::{Evidence, Severity};

    use super::{Ctx, Hit, MAX_ERRORS, MAX_HITS_PER_CODE, excerpt};
    use crate::Options;
    use crate::finding::Scope;

    fn hit(code: &'static str, scope: Scope, param: Option<&str>) -> Hit {
        Hit {
            code,
            severity: Severity::Low,
            message: String::new(),
            scope,
            cookie: None,
            path: "/".to_string(),
            param: param.map(ToString::to_string),
            evidence: Evidence::default(),
        }
    }

    fn options() -> Options {
        Options::new(url::Url::parse("http://127.0.0.1:5000/").unwrap())
    }

    #[test]
    fn findings_are_kept_once_per_route_and_input_and_capped_per_check() {
        let opts = options();
        let ctx = Ctx::new(&opts).unwrap();
        ctx.report(hit("FG618", Scope::route("GET", "/s"), Some("query q")));
        ctx.report(hit("FG618", Scope::route("GET", "/s"), Some("query q")));
        ctx.report(hit("FG618", Scope::route("GET", "/s"), Some("query r")));
        ctx.report(hit("FG618", Scope::route("POST", "/s"), Some("query q")));
        assert!(ctx.has("FG618") && !ctx.has("FG620"));
        assert_eq!(ctx.hits.lock().unwrap().list.len(), 3);
        for i in 0..MAX_HITS_PER_CODE + 2 {
            ctx.report(hit("FG609", Scope::Site, Some(&format!("cookie c{i}"))));
        }
        let hits = ctx.hits.lock().unwrap();
        assert_eq!(hits.per_code["FG609"], MAX_HITS_PER_CODE);
        assert_eq!(hits.dropped["FG609"], 2);
    }

    #[test]
    fn responses_are_named_by_their_route() {
        let opts = options();
        let ctx = Ctx::new(&opts).unwrap();
        ctx.learn_templates(vec![
            "/users/<name>".to_string(),
            "/files/<path:rest>".to_string(),
            "/users/me".to_string(),
            "/users/me".to_string(),
            "/notes/<int:note_id>".to_string(),
        ]);
        let rule = |method: &str, path: &str| match ctx.route_for(method, path) {
            Scope::Route { method, rule } => format!("{method} {rule}"),
            Scope::Site => "site".to_string(),
        };
        assert_eq!(rule("GET", "/users/me"), "GET /users/me");
        assert_eq!(rule("GET", "/users/x'"), "GET /users/<name>");
        assert_eq!(rule("GET", "/files/a/b/c"), "GET /files/<path:rest>");
        assert_eq!(rule("POST", "/other"), "POST /other");
        // A converter takes only what it accepts: `/notes/new` is not a note.
        assert_eq!(rule("GET", "/notes/7"), "GET /notes/<int:note_id>");
        assert_eq!(rule("GET", "/notes/new"), "GET /notes/new");
    }

    #[test]
    fn problems_are_listed_once_then_counted() {
        let opts = options();
        let ctx = Ctx::new(&opts).unwrap();
        ctx.error("GET /: timed out".to_string());
        ctx.error("GET /: timed out".to_string());
        for i in 0..MAX_ERRORS + 4 {
            ctx.error(format!("GET /{i}: reset"));
        }
        assert_eq!(ctx.errors.lock().unwrap().len(), MAX_ERRORS);
        assert_eq!(ctx.errors.lock().unwrap()[0], "GET /: timed out");
        assert_eq!(
            ctx.errors_dropped
                .load(std::sync::atomic::Ordering::Relaxed),
            5
        );
    }

    #[test]
    fn excerpts_centre_on_the_marker() {
        assert_eq!(excerpt("short", Some("x"), 10), "short");
        let text = format!("{}MARK{}", "a".repeat(50), "b".repeat(50));
        let out = excerpt(&text, Some("MARK"), 30);
        assert!(out.starts_with('…') && out.ends_with('…'), "{out}");
        assert!(out.contains("MARK"), "{out}");
        assert_eq!(out.chars().count(), 32);
        let head = excerpt(&text, None, 30);
        assert_eq!(head, format!("{}…", "a".repeat(30)));
    }
}
