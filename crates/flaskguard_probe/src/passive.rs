//! Passive checks: what every response tells without sending anything unusual — security
//! headers, cookie flags, the development server, the debugger, tracebacks, the contents
//! of the session cookie, caching of authenticated pages — plus the few harmless requests
//! that complete them (the debugger's resources, CORS preflight-style Origin headers, the
//! HTTP→HTTPS redirect).

use std::sync::atomic::Ordering;

use flaskguard_report::Severity;

use crate::client::{Request, Response};
use crate::context::{Ctx, Hit, evidence};
use crate::cookies::{FlaskSession, SetCookie, sensitive_entries};
use crate::finding::{CookieRole, Scope};
use crate::inventory::Endpoint;

fn hit(code: &'static str, severity: Severity, message: String, scope: Scope, path: &str) -> Hit {
    Hit {
        code,
        severity,
        message,
        scope,
        cookie: None,
        path: path.to_string(),
        param: None,
        evidence: flaskguard_report::Evidence {
            method: String::new(),
            url: String::new(),
            request: String::new(),
            status: 0,
            response: String::new(),
            proof: String::new(),
        },
    }
}

/// Checks one response.
pub(crate) fn check(ctx: &Ctx<'_>, resp: &Response) {
    let path = resp.url.path().to_string();
    if let Some(server) = resp.header("server")
        && server.to_ascii_lowercase().contains("werkzeug")
    {
        let mut h = hit(
            "FG604",
            Severity::Medium,
            format!(
                "The app answers with `Server: {server}`: the Werkzeug development server, which is not made for production traffic"
            ),
            Scope::Site,
            "/",
        );
        h.evidence = evidence(resp, &format!("Server: {server}"), None);
        ctx.report(h);
    }
    let body = resp.text();
    if resp.status >= 500 && body.contains("Werkzeug Debugger")
        || body.contains("__debugger__") && body.contains("traceback")
    {
        let mut h = hit(
            "FG601",
            Severity::High,
            "An error page is the interactive Werkzeug debugger: anyone who gets past its PIN runs Python on the server".to_string(),
            Scope::Site,
            &path,
        );
        h.evidence = evidence(
            resp,
            "the page carries the Werkzeug debugger",
            Some("Werkzeug Debugger"),
        );
        ctx.report(h);
    }
    if let Some(sig) = traceback_signature(&body) {
        let (route, at) = route_and_path(ctx, resp, &path);
        let mut h = hit(
            "FG603",
            Severity::Medium,
            format!("The response shows internal error details ({sig})"),
            route,
            &at,
        );
        h.evidence = evidence(resp, &format!("the body contains `{sig}`"), Some(sig));
        ctx.report(h);
    }
    if resp.content_type().contains("json") && body.contains("eyJ") {
        for t in crate::jwt::find_jwts(&body, 3) {
            if let Ok(mut seen) = ctx.bearer_tokens.lock()
                && !seen.contains(&t)
                && seen.len() < 10
            {
                seen.push(t);
            }
        }
    }
    if resp.is_html() && (body.contains("id=\"flDebug\"") || body.contains("flDebugToolbar")) {
        let mut h = hit(
            "FG602",
            Severity::High,
            "Flask-DebugToolbar is rendered into pages: configuration, SQL, templates and request data for anyone".to_string(),
            Scope::Site,
            &path,
        );
        h.evidence = evidence(
            resp,
            "the page carries the Flask-DebugToolbar panel (`flDebug`)",
            Some("flDebug"),
        );
        ctx.report(h);
    }
    let found = sensitive_data(&body).or_else(|| {
        resp.content_type()
            .contains("json")
            .then(|| plaintext_passwords(&body))
            .flatten()
    });
    if let Some((what, sample)) = found {
        let (route, at) = route_and_path(ctx, resp, &path);
        let mut h = hit(
            "FG642",
            Severity::High,
            format!("The response exposes {what}"),
            route,
            &at,
        );
        h.evidence = evidence(resp, &format!("the body contains {what}"), Some(sample));
        ctx.report(h);
    }
    headers(ctx, resp, &path);
    cookies(ctx, resp);
    caching(ctx, resp, &path);
}

/// Secrets that never belong in a response, by unambiguous shape: private keys, cloud
/// access keys, tokens of well-known services, password hashes. Returns what it is and the
/// text that starts it (for the excerpt; the evidence is redacted anyway).
pub(crate) fn sensitive_data(body: &str) -> Option<(&'static str, &str)> {
    if let Some(i) = body.find("-----BEGIN ")
        && body[i..]
            .lines()
            .next()
            .is_some_and(flaskguard_report::known::is_private_key_header)
    {
        return Some(("a private key", &body[i..i + 11]));
    }
    // Tokens of well-known services (the formats the static rules know), at a word
    // boundary and with a digit after the prefix: prose that starts like one is not one.
    for format in flaskguard_report::known::TOKEN_FORMATS {
        for prefix in format.prefixes {
            for (i, _) in body.match_indices(prefix) {
                let boundary = i == 0 || !body[..i].ends_with(|c: char| c.is_ascii_alphanumeric());
                if boundary
                    && let Some((found, len)) = flaskguard_report::known::token_at(&body[i..])
                    && found.what == format.what
                    && body[i + prefix.len()..i + len].contains(|c: char| c.is_ascii_digit())
                {
                    return Some((format.what, &body[i..i + prefix.len()]));
                }
            }
        }
    }
    // Werkzeug's hashes (`pbkdf2:sha256:600000$salt$hex`, `scrypt:32768:8:1$salt$hex`) and
    // bcrypt (`$2b$12$` + 53 characters).
    for prefix in ["pbkdf2:sha256:", "pbkdf2:sha512:", "scrypt:"] {
        if let Some(i) = body.find(prefix)
            && body[i..]
                .split(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | ','))
                .next()
                .is_some_and(|h| h.matches('$').count() == 2 && h.len() > 40)
        {
            return Some(("password hashes", &body[i..i + prefix.len()]));
        }
    }
    for prefix in ["$2b$", "$2a$", "$2y$"] {
        if let Some(i) = body.find(prefix)
            && body[i..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '$' | '.' | '/'))
                .count()
                == 60
        {
            return Some(("password hashes", &body[i..i + prefix.len()]));
        }
    }
    None
}

/// The route a response belongs to (`GET /users/<name>`), and its rule.
fn route_and_path(ctx: &Ctx<'_>, resp: &Response, path: &str) -> (Scope, String) {
    let route = ctx.route_for(&resp.method, path);
    let at = route.rule().to_string();
    (route, at)
}

/// A JSON body with `"password": "<clear text>"` (not a hash, not empty or masked).
pub(crate) fn plaintext_passwords(body: &str) -> Option<(&'static str, &str)> {
    let value: serde_json::Value = serde_json::from_str(body).ok()?;
    let at = body.find("\"pass")?;
    has_clear_password(&value).then(|| ("passwords in clear text", &body[at..=at]))
}

fn has_clear_password(v: &serde_json::Value) -> bool {
    match v {
        serde_json::Value::Object(map) => map.iter().any(|(k, v)| {
            let k = k.to_ascii_lowercase();
            let clear = matches!(k.as_str(), "password" | "passwd" | "pwd" | "pass")
                && v.as_str().is_some_and(|s| {
                    !s.is_empty()
                        && !s.chars().all(|c| c == '*' || c == '•' || c == 'x')
                        && !s.contains('$')
                        && s.len() < 40
                });
            clear || has_clear_password(v)
        }),
        serde_json::Value::Array(items) => items.iter().any(has_clear_password),
        _ => false,
    }
}

/// Text that only Python error output contains.
pub(crate) fn traceback_signature(body: &str) -> Option<&'static str> {
    [
        "Traceback (most recent call last)",
        "Traceback <em>(most recent call last)</em>",
        "jinja2.exceptions.",
        "sqlite3.OperationalError",
        "psycopg2.errors.",
        "sqlalchemy.exc.",
        "werkzeug.exceptions.",
        "File \"/",
    ]
    .into_iter()
    .find(|s| body.contains(s))
}

fn headers(ctx: &Ctx<'_>, resp: &Response, path: &str) {
    if !resp.is_html() || !resp.is_success() {
        return;
    }
    let csp = resp.header("content-security-policy");
    let mut missing: Vec<&str> = Vec::new();
    if csp.is_none() {
        missing.push("Content-Security-Policy");
    }
    let frame_ancestors = csp.is_some_and(|c| c.to_ascii_lowercase().contains("frame-ancestors"));
    if resp.header("x-frame-options").is_none() && !frame_ancestors {
        missing.push("X-Frame-Options (or CSP frame-ancestors)");
    }
    if !resp
        .header("x-content-type-options")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("nosniff"))
    {
        missing.push("X-Content-Type-Options: nosniff");
    }
    if resp.header("referrer-policy").is_none() {
        missing.push("Referrer-Policy");
    }
    let https = resp.url.scheme() == "https";
    if https {
        match resp.header("strict-transport-security") {
            None => missing.push("Strict-Transport-Security"),
            Some(v) => {
                let max_age = v
                    .split(';')
                    .find_map(|p| p.trim().strip_prefix("max-age="))
                    .and_then(|a| a.trim_matches('"').parse::<u64>().ok())
                    .unwrap_or(0);
                if max_age < 15_552_000 {
                    missing.push("Strict-Transport-Security with max-age of at least 180 days");
                }
            }
        }
    }
    if !missing.is_empty() {
        let mut h = hit(
            "FG614",
            Severity::Medium,
            format!(
                "HTML responses lack security headers: {}",
                missing.join(", ")
            ),
            Scope::Site,
            path,
        );
        h.evidence = evidence(resp, &format!("missing: {}", missing.join(", ")), None);
        ctx.report(h);
    }
    if let Some(csp) = csp {
        csp_quality(ctx, resp, path, csp, false);
    } else if let Some(ro) = resp.header("content-security-policy-report-only") {
        let mut h = hit(
            "FG615",
            Severity::Low,
            "The Content-Security-Policy is report-only: it blocks nothing".to_string(),
            Scope::Site,
            path,
        );
        h.evidence = evidence(
            resp,
            &format!("Content-Security-Policy-Report-Only: {ro}"),
            None,
        );
        ctx.report(h);
    }
}

fn csp_quality(ctx: &Ctx<'_>, resp: &Response, path: &str, csp: &str, _report_only: bool) {
    let directives: Vec<(String, Vec<String>)> = csp
        .split(';')
        .filter_map(|d| {
            let mut parts = d.split_whitespace();
            let name = parts.next()?.to_ascii_lowercase();
            Some((name, parts.map(str::to_ascii_lowercase).collect()))
        })
        .collect();
    let get = |name: &str| directives.iter().find(|(n, _)| n == name).map(|(_, v)| v);
    let script = get("script-src").or_else(|| get("default-src"));
    let mut problems: Vec<String> = Vec::new();
    let mut severity = Severity::Low;
    match script {
        None => {
            problems.push("no script-src or default-src: scripts from anywhere run".to_string());
            severity = Severity::Medium;
        }
        Some(src) => {
            let has_nonce = src.iter().any(|s| {
                s.starts_with("'nonce-") || s.starts_with("'sha") || s == "'strict-dynamic'"
            });
            if src.iter().any(|s| s == "'unsafe-inline'") && !has_nonce {
                problems.push("'unsafe-inline' scripts".to_string());
                severity = Severity::Medium;
            }
            if src.iter().any(|s| s == "'unsafe-eval'") {
                problems.push("'unsafe-eval'".to_string());
                severity = Severity::Medium;
            }
            if let Some(w) = src
                .iter()
                .find(|s| matches!(s.as_str(), "*" | "http:" | "https:" | "data:" | "blob:"))
            {
                problems.push(format!("scripts from `{w}`"));
                severity = Severity::Medium;
            }
        }
    }
    let object_ok = get("object-src")
        .or_else(|| get("default-src"))
        .is_some_and(|v| v.iter().all(|s| s == "'none'" || s == "'self'"));
    if !object_ok {
        problems.push("object-src is not 'none'".to_string());
    }
    if get("base-uri").is_none() {
        problems.push("no base-uri".to_string());
    }
    if !problems.is_empty() {
        let mut h = hit(
            "FG615",
            severity,
            format!(
                "The Content-Security-Policy is weak: {}",
                problems.join("; ")
            ),
            Scope::Site,
            path,
        );
        h.evidence = evidence(resp, &format!("Content-Security-Policy: {csp}"), None);
        ctx.report(h);
    }
}

/// A cookie set without its flags is reported on at most this many routes.
const MAX_ROUTES_PER_COOKIE: usize = 10;

fn cookies(ctx: &Ctx<'_>, resp: &Response) {
    // Cookies the probe wrote into the request itself (a forged session, an injected
    // value) are its own state: what the app echoes of them says nothing about the app.
    let injected = resp
        .request_headers
        .iter()
        .any(|(n, _)| n.eq_ignore_ascii_case("cookie"));
    for raw in resp.headers_named("set-cookie") {
        let Some(c) = SetCookie::parse(raw) else {
            continue;
        };
        if c.is_deletion() {
            continue;
        }
        let session = FlaskSession::decode(&c.value);
        let flask_session = session.is_some();
        if let Some(session) = session {
            if let Ok(mut seen) = ctx.session_cookies.lock()
                && !seen.contains(&c.value)
                && seen.len() < 20
            {
                seen.push(c.value.clone());
            }
            let found = sensitive_entries(&session.payload);
            if !found.is_empty() && !injected {
                let mut h = hit(
                    "FG606",
                    Severity::Medium,
                    format!(
                        "The session cookie `{}` carries {} in readable form (Flask's session is signed, not encrypted)",
                        c.name,
                        found.join(", ")
                    ),
                    Scope::Site,
                    resp.url.path(),
                );
                h.param = Some(format!("cookie {}", c.name));
                h.evidence = evidence(
                    resp,
                    &format!("decoded session keys: {}", found.join(", ")),
                    None,
                );
                ctx.report(h);
            }
        }
        let sensitive = c.is_sensitive();
        let mut problems: Vec<&str> = Vec::new();
        let mut severity = Severity::Low;
        if !c.secure {
            problems.push("no Secure");
            if sensitive {
                severity = Severity::Medium;
            }
        }
        if !c.http_only && sensitive && !c.name.to_ascii_lowercase().contains("csrf") {
            problems.push("no HttpOnly");
            severity = Severity::Medium;
        }
        match c
            .same_site
            .as_deref()
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            None => problems.push("no SameSite"),
            Some("none") if !c.secure => {
                problems.push("SameSite=None without Secure");
                severity = Severity::Medium;
            }
            _ => {}
        }
        if c.name.starts_with("__Host-") && (c.domain.is_some() || c.path.as_deref() != Some("/")) {
            problems.push("a __Host- cookie with Domain or a Path other than /");
            severity = Severity::Medium;
        }
        if !problems.is_empty() {
            let role = CookieRole::of(&c.name, flask_session);
            let param = format!("cookie {}", c.name);
            // The session cookie is the site's; another cookie is reported on each route
            // that sets it, up to a few routes (then it is the site's too).
            let scope = if role == CookieRole::Session
                || ctx.hits_with("FG609", &param) >= MAX_ROUTES_PER_COOKIE
            {
                Scope::Site
            } else {
                ctx.route_for(&resp.method, resp.url.path())
            };
            let mut h = hit(
                "FG609",
                severity,
                format!("Cookie `{}` is set with {}", c.name, problems.join(", ")),
                scope,
                resp.url.path(),
            );
            h.param = Some(param);
            h.cookie = Some(role);
            h.evidence = evidence(
                resp,
                &format!("Set-Cookie for `{}`: {}", c.name, problems.join(", ")),
                None,
            );
            ctx.report(h);
        }
    }
}

fn caching(ctx: &Ctx<'_>, resp: &Response, path: &str) {
    if !ctx.logged_in.load(Ordering::Relaxed) || resp.method != "GET" || !resp.is_success() {
        return;
    }
    let Some(cc) = resp.header("cache-control") else {
        return;
    };
    let cc_l = cc.to_ascii_lowercase();
    let private = cc_l.contains("private") || cc_l.contains("no-store");
    let shared = cc_l.contains("public")
        || cc_l
            .split(',')
            .filter_map(|d| {
                d.trim()
                    .strip_prefix("s-maxage=")
                    .or_else(|| d.trim().strip_prefix("max-age="))
            })
            .any(|a| a.parse::<u64>().is_ok_and(|a| a > 0));
    let varies = resp
        .headers_named("vary")
        .any(|v| v.to_ascii_lowercase().contains("cookie") || v.contains('*'));
    if shared && !private && !varies {
        let route = ctx.route_for("GET", path);
        let mut h = hit(
            "FG637",
            Severity::Medium,
            format!(
                "An authenticated page is cacheable by shared caches (`Cache-Control: {cc}`, no `Vary: Cookie`)"
            ),
            route,
            path,
        );
        h.evidence = evidence(resp, &format!("Cache-Control: {cc}"), None);
        ctx.report(h);
    }
}

/// Site-wide checks: the debugger's console and resources, HTTP→HTTPS.
pub(crate) async fn site(ctx: &Ctx<'_>, first: &Response) {
    let base = ctx.client.base().clone();
    for (path, proof) in [
        (
            "/console",
            "`/console` serves the Werkzeug debugger console",
        ),
        (
            "/?__debugger__=yes&cmd=resource&f=debugger.js",
            "the debugger serves its resources (`__debugger__=yes&cmd=resource`)",
        ),
    ] {
        let Ok(resp) = ctx.send(Request::get(ctx.client.url(path))).await else {
            continue;
        };
        let body = resp.text();
        let console = resp.is_success()
            && (body.contains("Werkzeug") && body.to_ascii_lowercase().contains("console")
                || body.contains("CONSOLE_MODE")
                || body.contains("EVALEX"));
        if console {
            let pin = if body.contains("EVALEX_TRUSTED = false") || body.contains("pin") {
                " (PIN-locked: the PIN is derived from machine facts an attacker can often read)"
            } else {
                ""
            };
            let mut h = hit(
                "FG601",
                Severity::High,
                format!(
                    "The Werkzeug debugger is reachable{pin}: with its console, anyone who gets past the PIN runs Python on the server"
                ),
                Scope::Site,
                "/console",
            );
            h.evidence = evidence(&resp, proof, Some("Werkzeug"));
            ctx.report(h);
            break;
        }
    }
    // Plain HTTP to a non-local host must redirect to HTTPS.
    if base.scheme() == "http" && !is_local(&base) && !first.is_redirect() {
        let mut h = hit(
            "FG617",
            Severity::Medium,
            "The app answers over plain HTTP instead of redirecting to HTTPS".to_string(),
            Scope::Site,
            "/",
        );
        h.evidence = evidence(
            first,
            &format!("status {} over http://", first.status),
            None,
        );
        ctx.report(h);
    }
}

fn is_local(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d == "localhost" || d.ends_with(".localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback() || ip.is_private() || ip.is_link_local(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => true,
    }
}

/// CORS: does the endpoint let any site (or `null`) read it with credentials?
pub(crate) async fn cors(ctx: &Ctx<'_>, e: &Endpoint) {
    if ctx.has("FG616") {
        return;
    }
    let token: u32 = rand::random();
    let evil = format!("https://fg{token:08x}.example");
    for origin in [evil.as_str(), "null"] {
        let mut req = e.request(ctx.client.base(), None);
        req.headers
            .retain(|(n, _)| !n.eq_ignore_ascii_case("origin"));
        let req = req.header("Origin", origin);
        let Ok(resp) = ctx.send(req).await else {
            return;
        };
        let acao = resp.header("access-control-allow-origin").unwrap_or("");
        let creds = resp
            .header("access-control-allow-credentials")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"));
        let reflected = acao == origin;
        if reflected || (acao == "*" && creds) {
            let severity = if creds {
                Severity::High
            } else {
                Severity::Medium
            };
            let what = if origin == "null" {
                "the `null` origin (sandboxed iframes, local files)"
            } else {
                "any origin"
            };
            let mut h = hit(
                "FG616",
                severity,
                format!(
                    "CORS allows {what}{}",
                    if creds {
                        " to read responses with the user's cookies"
                    } else {
                        " to read responses"
                    }
                ),
                e.scope(),
                resp.url.path(),
            );
            h.evidence = evidence(
                &resp,
                &format!(
                    "Origin: {origin} → Access-Control-Allow-Origin: {acao}{}",
                    if creds {
                        ", Access-Control-Allow-Credentials: true"
                    } else {
                        ""
                    }
                ),
                None,
            );
            ctx.report(h);
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sensitive_data;
    use crate::Options;
    use crate::active::tests::response;
    use crate::context::Ctx;
    use crate::finding::{CookieRole, Scope};

    #[test]
    fn cookie_findings_know_what_the_cookie_is() {
        let opts = Options::new(url::Url::parse("http://127.0.0.1:5000/").unwrap());
        let ctx = Ctx::new(&opts).unwrap();
        // A Flask session under a custom name, and cookies named for what they are.
        let session = crate::cookies::tests::COOKIE;
        let mut resp = response(200, "text/html", "<p>hi</p>");
        for cookie in [
            format!("app={session}; Path=/"),
            "remember_token=x; Path=/".to_string(),
            "access_token_cookie=y; Path=/".to_string(),
            "prefs=dark; Path=/; HttpOnly; Secure; SameSite=Lax".to_string(),
            "theme=dark; Path=/".to_string(),
        ] {
            resp.headers.push(("Set-Cookie".to_string(), cookie));
        }
        super::check(&ctx, &resp);
        let hits = ctx.hits.lock().unwrap();
        let roles: Vec<(&str, Option<CookieRole>, &Scope)> = hits
            .list
            .iter()
            .filter(|h| h.code == "FG609")
            .map(|h| (h.param.as_deref().unwrap_or(""), h.cookie, &h.scope))
            .collect();
        // The session is the site's; other cookies are reported where they are set.
        let home = Scope::route("GET", "/");
        assert_eq!(
            roles,
            [
                ("cookie app", Some(CookieRole::Session), &Scope::Site),
                ("cookie remember_token", Some(CookieRole::RememberMe), &home),
                ("cookie access_token_cookie", Some(CookieRole::Token), &home),
                ("cookie theme", Some(CookieRole::Other), &home),
            ]
        );
        drop(hits);
        // Set on many routes: a few are named, then the cookie is the site's.
        for i in 0..15 {
            let mut r = response(200, "text/html", "<p>hi</p>");
            r.url = url::Url::parse(&format!("http://127.0.0.1:5000/p{i}")).unwrap();
            r.headers
                .push(("Set-Cookie".to_string(), "theme=dark; Path=/".to_string()));
            super::check(&ctx, &r);
        }
        let hits = ctx.hits.lock().unwrap();
        let theme: Vec<&Scope> = hits
            .list
            .iter()
            .filter(|h| h.param.as_deref() == Some("cookie theme"))
            .map(|h| &h.scope)
            .collect();
        assert_eq!(theme.len(), super::MAX_ROUTES_PER_COOKIE + 1);
        assert_eq!(theme.last(), Some(&&Scope::Site));
        // Only cookie flags carry a role.
        assert!(
            hits.list
                .iter()
                .filter(|h| h.code != "FG609")
                .all(|h| h.cookie.is_none())
        );
    }

    #[test]
    fn a_session_the_probe_sent_is_not_judged_as_the_apps() {
        use base64::Engine;
        let opts = Options::new(url::Url::parse("http://127.0.0.1:5000/").unwrap());
        let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .encode(br#"{"role":"admin","is_admin":true}"#);
        let mut resp = response(200, "text/html", "<p>hi</p>");
        resp.headers.push((
            "Set-Cookie".to_string(),
            format!("session={payload}.awt_QQ.6PZkbEaCa-MnDOX5mZ-YFU3Qct4; HttpOnly; Path=/"),
        ));
        let fg606 = |resp: &crate::client::Response| {
            let ctx = Ctx::new(&opts).unwrap();
            super::check(&ctx, resp);
            let hits = ctx.hits.lock().unwrap();
            hits.list.iter().filter(|h| h.code == "FG606").count()
        };
        // The app's own session, from the jar: judged.
        assert_eq!(fg606(&resp), 1);
        // The probe forged the session it sent: what comes back is its own.
        resp.request_headers
            .push(("Cookie".to_string(), format!("session={payload}.x.y")));
        assert_eq!(fg606(&resp), 0);
    }

    #[test]
    fn secrets_by_shape_and_their_look_alikes() {
        let found = |s: &str| sensitive_data(s).map(|(w, _)| w);
        assert_eq!(
            found("-----BEGIN RSA PRIVATE KEY-----\nMIIE"),
            Some("a private key")
        );
        assert_eq!(
            found("key: AKIAIOSFODNN7EXAMPLE"),
            Some("an AWS access key ID")
        );
        assert_eq!(
            found(r#"{"h": "pbkdf2:sha256:1000$abcd1234$0123456789abcdef0123456789abcdef"}"#),
            Some("password hashes")
        );
        assert_eq!(
            found("$2b$12$KIXQJQ6d0Zq7Y9bWf6L0Ge7lJm0Y9YkzQ4lY9q1yq3yXcYx1m2a6u"),
            Some("password hashes")
        );
        // Look-alikes: a public key, a word starting AKIA, a short prefix, prose.
        assert_eq!(found("-----BEGIN PUBLIC KEY-----\nMIIB"), None);
        assert_eq!(found("AKIANDOLPHINSWIMMINGFAST"), None);
        assert_eq!(found("scrypt: a key derivation function"), None);
        assert_eq!(found("the pbkdf2:sha256: method is the default"), None);
        assert_eq!(found("price: $2b$ only"), None);
        let clear = |s: &str| super::plaintext_passwords(s).map(|(w, _)| w);
        assert_eq!(
            clear(r#"{"users": [{"name": "alice", "password": "wonderland"}]}"#),
            Some("passwords in clear text")
        );
        assert_eq!(clear(r#"{"password": "********"}"#), None);
        assert_eq!(clear(r#"{"password": ""}"#), None);
        assert_eq!(clear(r#"{"password_hint": "pet"}"#), None);
    }
}
