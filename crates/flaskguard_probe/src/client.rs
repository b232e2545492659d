//! The only way the probe talks to the network: one origin, and every request bounded in
//! number (budget), time (per-request timeout and a deadline for the whole run), size
//! (response-body cap), concurrency and rate. Redirects are never followed here: the
//! caller sees them, and nothing leaves the origin.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use tokio::sync::Semaphore;
use url::Url;

/// The bounds of a probe run.
#[derive(Clone, Debug)]
pub struct Limits {
    /// At most this many requests in the whole run.
    pub budget: usize,
    /// At most this many requests in flight.
    pub concurrency: usize,
    /// At most this many requests started per second (0 = no limit).
    pub rate: f64,
    /// Per request, from connecting to the last body byte.
    pub timeout: Duration,
    /// Response bodies are cut here.
    pub max_body: usize,
    /// The whole run ends here.
    pub deadline: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            budget: 3000,
            concurrency: 4,
            rate: 100.0,
            timeout: Duration::from_secs(10),
            max_body: 1024 * 1024,
            deadline: Duration::from_mins(5),
        }
    }
}

/// TLS settings for HTTPS targets.
#[derive(Clone, Debug, Default)]
pub struct Tls {
    /// Accept any certificate (as `curl -k`).
    pub insecure: bool,
    /// Trust this CA certificate (PEM) in addition to the system's.
    pub ca_cert: Option<Vec<u8>>,
}

#[derive(Debug, thiserror::Error)]
pub enum SendError {
    #[error("{0} is outside the origin under test; not sent")]
    OutOfScope(String),
    #[error("the request budget ({0}) is spent")]
    Budget(usize),
    #[error("the run's time limit is reached")]
    Deadline,
    #[error("no complete response within {0:?}")]
    Timeout(Duration),
    #[error("cannot connect: {0}")]
    Connect(String),
    #[error("{0}")]
    Http(String),
}

impl SendError {
    /// The run cannot go on (budget or time spent): probes stop instead of retrying.
    pub fn is_exhausted(&self) -> bool {
        matches!(self, SendError::Budget(_) | SendError::Deadline)
    }
}

/// The cookie jar keeps at most this many cookies from responses (browsers keep at least
/// 50 per domain)…
pub const MAX_COOKIES: usize = 50;
/// …each at most this long, name and value (browsers drop longer ones): a server cannot
/// swell the jar, nor the `Cookie` header of every later request.
pub const MAX_COOKIE_BYTES: usize = 4096;

/// What the run's bounds cut, counted: the report states each once.
#[derive(Clone, Debug, Default)]
pub struct Cuts {
    /// Requests not sent because the budget was spent.
    pub budget: usize,
    /// Requests not sent, or stopped unanswered, because the run's time limit was reached.
    pub deadline: usize,
    /// Response bodies cut at `max_body`.
    pub bodies: usize,
    /// The first of them (`GET /path`).
    pub first_body: Option<String>,
    /// Redirects to another origin (never followed).
    pub offsite_redirects: usize,
    /// The first of them (`GET /go → https://elsewhere/`), redacted.
    pub first_offsite_redirect: Option<String>,
    /// Requests for another origin, refused.
    pub offsite_requests: usize,
    /// The first of them (its URL), redacted.
    pub first_offsite_request: Option<String>,
    /// Cookies set by responses and not kept (too many, or too long).
    pub cookies: usize,
}

/// A request to send.
#[derive(Clone, Debug)]
pub struct Request {
    pub method: String,
    pub url: Url,
    pub headers: Vec<(String, String)>,
    pub body: Option<Vec<u8>>,
    /// Send the session's cookies and keep the ones the response sets.
    pub jar: bool,
}

impl Request {
    pub fn new(method: &str, url: Url) -> Self {
        Request {
            method: method.to_string(),
            url,
            headers: Vec::new(),
            body: None,
            jar: true,
        }
    }

    pub fn get(url: Url) -> Self {
        Request::new("GET", url)
    }

    #[must_use]
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    /// A form body (`application/x-www-form-urlencoded`).
    #[must_use]
    pub fn form(mut self, fields: &[(String, String)]) -> Self {
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        self.headers.push((
            "Content-Type".to_string(),
            "application/x-www-form-urlencoded".to_string(),
        ));
        self.body = Some(body.into_bytes());
        self
    }

    #[must_use]
    pub fn json(mut self, value: &serde_json::Value) -> Self {
        self.headers
            .push(("Content-Type".to_string(), "application/json".to_string()));
        self.body = Some(value.to_string().into_bytes());
        self
    }

    /// A `multipart/form-data` body: text fields, and files as (field, file name, content
    /// type, bytes).
    #[must_use]
    pub fn multipart(
        mut self,
        fields: &[(String, String)],
        files: &[(String, String, String, Vec<u8>)],
    ) -> Self {
        let boundary = format!("fgboundary{:016x}", rand::random::<u64>());
        let mut body: Vec<u8> = Vec::new();
        let quote = |s: &str| s.replace(['"', '\r', '\n'], "_");
        for (name, value) in fields {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{}\"\r\n\r\n",
                    quote(name)
                )
                .as_bytes(),
            );
            body.extend_from_slice(value.as_bytes());
            body.extend_from_slice(b"\r\n");
        }
        for (name, filename, content_type, data) in files {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{}\"; filename=\"{}\"\r\nContent-Type: {content_type}\r\n\r\n",
                    quote(name),
                    quote(filename)
                )
                .as_bytes(),
            );
            body.extend_from_slice(data);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        self.headers
            .retain(|(n, _)| !n.eq_ignore_ascii_case("content-type"));
        self.headers.push((
            "Content-Type".to_string(),
            format!("multipart/form-data; boundary={boundary}"),
        ));
        self.body = Some(body);
        self
    }

    #[must_use]
    pub fn raw(mut self, content_type: &str, body: Vec<u8>) -> Self {
        self.headers
            .push(("Content-Type".to_string(), content_type.to_string()));
        self.body = Some(body);
        self
    }

    /// Neither send nor keep the session's cookies.
    #[must_use]
    pub fn without_jar(mut self) -> Self {
        self.jar = false;
        self
    }
}

/// A response, its body cut at the size cap.
#[derive(Clone, Debug)]
pub struct Response {
    pub method: String,
    pub url: Url,
    /// The request headers the probe set, for evidence.
    pub request_headers: Vec<(String, String)>,
    pub request_body: Option<Vec<u8>>,
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub truncated: bool,
    pub elapsed: Duration,
}

impl Response {
    /// The first value of a header (case-insensitive name).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn headers_named<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s str> + 's {
        self.headers
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.body)
    }

    pub fn content_type(&self) -> &str {
        self.header("content-type").unwrap_or("")
    }

    pub fn is_html(&self) -> bool {
        self.content_type().to_ascii_lowercase().contains("html")
    }

    pub fn is_redirect(&self) -> bool {
        matches!(self.status, 301 | 302 | 303 | 307 | 308)
    }

    /// Where a redirect sends the browser (`Location`, resolved against this URL).
    pub fn location(&self) -> Option<Url> {
        self.is_redirect()
            .then(|| self.header("location"))
            .flatten()
            .and_then(|l| self.url.join(l.trim()).ok())
    }

    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// The HTTP client of a probe run.
pub struct Client {
    http: reqwest::Client,
    base: Url,
    limits: Limits,
    started: Instant,
    sent: Arc<AtomicUsize>,
    permits: Semaphore,
    next_slot: tokio::sync::Mutex<Instant>,
    default_headers: Vec<(String, String)>,
    jar: Mutex<Vec<(String, String)>>,
    /// A bearer token from a JSON login: sent like the session's cookies.
    bearer: Mutex<Option<String>>,
    cuts: Mutex<Cuts>,
}

impl Client {
    pub fn new(
        base: Url,
        limits: Limits,
        tls: &Tls,
        default_headers: Vec<(String, String)>,
        cookies: Vec<(String, String)>,
    ) -> Result<Self, String> {
        let mut builder = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!(
                "flaskguard/",
                env!("CARGO_PKG_VERSION"),
                " (security probe)"
            ))
            .connect_timeout(limits.timeout.min(Duration::from_secs(5)))
            .pool_max_idle_per_host(limits.concurrency)
            .danger_accept_invalid_certs(tls.insecure);
        if let Some(pem) = &tls.ca_cert {
            let cert = reqwest::Certificate::from_pem(pem)
                .map_err(|e| format!("the CA certificate is not valid PEM: {e}"))?;
            builder = builder.add_root_certificate(cert);
        }
        let http = builder
            .build()
            .map_err(|e| format!("cannot set up the HTTP client: {e}"))?;
        Ok(Client {
            http,
            base,
            permits: Semaphore::new(limits.concurrency.max(1)),
            limits,
            started: Instant::now(),
            sent: Arc::new(AtomicUsize::new(0)),
            next_slot: tokio::sync::Mutex::new(Instant::now()),
            default_headers,
            jar: Mutex::new(cookies),
            bearer: Mutex::new(None),
            cuts: Mutex::new(Cuts::default()),
        })
    }

    /// The URL the user named.
    pub fn base(&self) -> &Url {
        &self.base
    }

    /// `path` (with its query) on the origin under test.
    pub fn url(&self, path: &str) -> Url {
        self.base.join(path).unwrap_or_else(|_| self.base.clone())
    }

    /// Whether `url` is on the origin under test (scheme, host and port).
    pub fn in_scope(&self, url: &Url) -> bool {
        url.origin() == self.base.origin()
    }

    pub fn requests_sent(&self) -> usize {
        self.sent.load(Ordering::Relaxed).min(self.limits.budget)
    }

    /// The live count of requests started (for progress displays).
    pub fn sent_counter(&self) -> Arc<AtomicUsize> {
        Arc::clone(&self.sent)
    }

    pub fn remaining(&self) -> usize {
        self.limits
            .budget
            .saturating_sub(self.sent.load(Ordering::Relaxed))
    }

    pub fn time_left(&self) -> Duration {
        self.limits.deadline.saturating_sub(self.started.elapsed())
    }

    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The session cookies held now.
    pub fn cookies(&self) -> Vec<(String, String)> {
        self.jar.lock().map(|j| j.clone()).unwrap_or_default()
    }

    pub fn set_cookie(&self, name: &str, value: &str) {
        if let Ok(mut jar) = self.jar.lock() {
            jar.retain(|(n, _)| n != name);
            jar.push((name.to_string(), value.to_string()));
        }
    }

    /// Sends `Authorization: Bearer token` with the session's requests from now on.
    pub fn set_bearer(&self, token: &str) {
        if let Ok(mut b) = self.bearer.lock() {
            *b = Some(token.to_string());
        }
    }

    pub fn clear_cookies(&self) {
        if let Ok(mut jar) = self.jar.lock() {
            jar.clear();
        }
    }

    /// What the bounds have cut so far.
    pub fn cuts(&self) -> Cuts {
        self.cuts.lock().map(|c| c.clone()).unwrap_or_default()
    }

    fn cut(&self, f: impl FnOnce(&mut Cuts)) {
        if let Ok(mut c) = self.cuts.lock() {
            f(&mut c);
        }
    }

    pub async fn send(&self, req: Request) -> Result<Response, SendError> {
        if !self.in_scope(&req.url) {
            self.cut(|c| {
                c.offsite_requests += 1;
                c.first_offsite_request
                    .get_or_insert_with(|| crate::redact::redact(req.url.as_str()));
            });
            return Err(SendError::OutOfScope(req.url.to_string()));
        }
        if self.started.elapsed() >= self.limits.deadline {
            self.cut(|c| c.deadline += 1);
            return Err(SendError::Deadline);
        }
        if self.sent.fetch_add(1, Ordering::Relaxed) >= self.limits.budget {
            self.cut(|c| c.budget += 1);
            return Err(SendError::Budget(self.limits.budget));
        }
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|e| SendError::Http(e.to_string()))?;
        if self.limits.rate > 0.0 {
            let interval = Duration::from_secs_f64(1.0 / self.limits.rate);
            let wait_until = {
                let mut next = self.next_slot.lock().await;
                let now = Instant::now();
                let slot = (*next).max(now);
                *next = slot + interval;
                slot
            };
            tokio::time::sleep_until(wait_until.into()).await;
        }
        let left = self.time_left();
        if left.is_zero() {
            // Not sent after all.
            self.sent.fetch_sub(1, Ordering::Relaxed);
            self.cut(|c| c.deadline += 1);
            return Err(SendError::Deadline);
        }
        let timeout = self.limits.timeout.min(left);
        let started = Instant::now();
        match tokio::time::timeout(timeout, self.exchange(&req)).await {
            Ok(Ok((status, headers, body, truncated))) => {
                if req.jar {
                    self.keep_cookies(&headers);
                }
                if truncated {
                    self.cut(|c| {
                        c.bodies += 1;
                        c.first_body
                            .get_or_insert_with(|| format!("{} {}", req.method, req.url.path()));
                    });
                }
                if matches!(status, 301 | 302 | 303 | 307 | 308)
                    && let Some(target) = headers
                        .iter()
                        .find(|(n, _)| n.eq_ignore_ascii_case("location"))
                        .and_then(|(_, l)| req.url.join(l.trim()).ok())
                    && !self.in_scope(&target)
                {
                    self.cut(|c| {
                        c.offsite_redirects += 1;
                        c.first_offsite_redirect.get_or_insert_with(|| {
                            crate::redact::redact(&format!(
                                "{} {} → {target}",
                                req.method,
                                req.url.path()
                            ))
                        });
                    });
                }
                Ok(Response {
                    method: req.method,
                    url: req.url,
                    request_headers: req.headers,
                    request_body: req.body,
                    status,
                    headers,
                    body,
                    truncated,
                    elapsed: started.elapsed(),
                })
            }
            Ok(Err(e)) => Err(e),
            // Stopped by the run's time limit rather than the request's own.
            Err(_) if self.time_left().is_zero() && timeout < self.limits.timeout => {
                self.cut(|c| c.deadline += 1);
                Err(SendError::Deadline)
            }
            Err(_) => Err(SendError::Timeout(timeout)),
        }
    }

    async fn exchange(
        &self,
        req: &Request,
    ) -> Result<(u16, Vec<(String, String)>, Vec<u8>, bool), SendError> {
        let method = reqwest::Method::from_bytes(req.method.as_bytes())
            .map_err(|e| SendError::Http(format!("bad method {}: {e}", req.method)))?;
        let mut builder = self.http.request(method, req.url.clone());
        let mut cookie_header: Vec<String> = Vec::new();
        // The request's own headers replace the defaults of the same name; an empty value
        // means "do not send this header".
        let defaults = self
            .default_headers
            .iter()
            .filter(|(n, _)| !req.headers.iter().any(|(m, _)| m.eq_ignore_ascii_case(n)));
        for (n, v) in defaults.chain(req.headers.iter().filter(|(_, v)| !v.is_empty())) {
            if n.eq_ignore_ascii_case("cookie") {
                cookie_header.push(v.clone());
            } else {
                builder = builder.header(n.as_str(), v.as_str());
            }
        }
        if req.jar {
            let explicit: Vec<String> = cookie_header
                .iter()
                .flat_map(|c| c.split(';'))
                .filter_map(|p| p.split_once('=').map(|(n, _)| n.trim().to_string()))
                .collect();
            for (n, v) in self.cookies() {
                if !explicit.contains(&n) {
                    cookie_header.push(format!("{n}={v}"));
                }
            }
        }
        if !cookie_header.is_empty() {
            builder = builder.header("Cookie", cookie_header.join("; "));
        }
        let has_auth = self
            .default_headers
            .iter()
            .chain(&req.headers)
            .any(|(n, _)| n.eq_ignore_ascii_case("authorization"));
        if req.jar
            && !has_auth
            && let Some(token) = self.bearer.lock().ok().and_then(|b| b.clone())
        {
            builder = builder.header("Authorization", format!("Bearer {token}"));
        }
        if let Some(body) = &req.body {
            builder = builder.body(body.clone());
        }
        let resp = builder.send().await.map_err(|e| {
            if e.is_connect() {
                SendError::Connect(root_cause(&e))
            } else {
                SendError::Http(root_cause(&e))
            }
        })?;
        let status = resp.status().as_u16();
        let headers: Vec<(String, String)> = resp
            .headers()
            .iter()
            .map(|(n, v)| {
                (
                    n.as_str().to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        let mut body = Vec::new();
        let mut truncated = false;
        let mut stream = resp.bytes_stream();
        while let Some(chunk) = stream.next().await {
            let chunk = chunk.map_err(|e| SendError::Http(root_cause(&e)))?;
            let room = self.limits.max_body.saturating_sub(body.len());
            if chunk.len() > room {
                body.extend_from_slice(&chunk[..room]);
                truncated = true;
                break;
            }
            body.extend_from_slice(&chunk);
        }
        Ok((status, headers, body, truncated))
    }

    /// Keeps the cookies a response sets, as a browser would: at most [`MAX_COOKIES`], each
    /// at most [`MAX_COOKIE_BYTES`]; the others are counted, not kept.
    fn keep_cookies(&self, headers: &[(String, String)]) {
        for (n, v) in headers {
            if !n.eq_ignore_ascii_case("set-cookie") {
                continue;
            }
            let Some(cookie) = crate::cookies::SetCookie::parse(v) else {
                continue;
            };
            let kept = {
                let Ok(mut jar) = self.jar.lock() else {
                    continue;
                };
                keep_cookie(&mut jar, cookie)
            };
            if !kept {
                self.cut(|c| c.cookies += 1);
            }
        }
    }
}

/// Keeps (or, for a deletion, drops) a cookie an answer set, within the jar's bounds;
/// whether it was kept.
pub(crate) fn keep_cookie(
    jar: &mut Vec<(String, String)>,
    cookie: crate::cookies::SetCookie,
) -> bool {
    let known = jar.iter().any(|(name, _)| *name == cookie.name);
    if cookie.is_deletion() {
        jar.retain(|(name, _)| *name != cookie.name);
        true
    } else if cookie.name.len() + cookie.value.len() > MAX_COOKIE_BYTES
        || (!known && jar.len() >= MAX_COOKIES)
    {
        false
    } else {
        jar.retain(|(name, _)| *name != cookie.name);
        jar.push((cookie.name, cookie.value));
        true
    }
}

/// The innermost cause of an error, which is the one that says what happened.
fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cur: &dyn std::error::Error = e;
    while let Some(next) = cur.source() {
        cur = next;
    }
    cur.to_string()
}
