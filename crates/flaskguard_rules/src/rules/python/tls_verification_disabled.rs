use flaskguard_index::Value;
use flaskguard_index::ir::{Expr, ExprKind};

use super::{callee, keyword_span};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for outbound TLS without certificate verification: `verify=False` on
    /// `requests` calls, sessions (`session.verify = False`) and `httpx` calls and
    /// clients; `ssl=False` / `verify_ssl=False` in `aiohttp`;
    /// `ssl._create_unverified_context()`; `ssl.CERT_NONE` (or urllib3's
    /// `cert_reqs="CERT_NONE"`); and `check_hostname = False` on an SSL context.
    ///
    /// ## Why is this bad?
    /// Without verification, anyone on the network path — a compromised router, a
    /// hostile Wi-Fi, a DNS spoof — can present their own certificate, read the traffic
    /// (API keys, card tokens, user data) and change the responses.
    ///
    /// ## Example
    /// ```python
    /// resp = requests.get(url, verify=False, timeout=5)
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// resp = requests.get(url, verify="/etc/ssl/internal-ca.pem", timeout=5)
    /// ```
    ///
    /// ## Known problems
    /// `verify=None` is not reported: `requests` then uses the session's default (on).
    ///
    /// ## References
    /// - [Requests: SSL Cert Verification](https://requests.readthedocs.io/en/latest/user/advanced/#ssl-cert-verification)
    /// - [Python: ssl — Security considerations](https://docs.python.org/3/library/ssl.html#security-considerations)
    /// - [OWASP: Transport Layer Security Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG902",
        name: "tls-verification-disabled",
        summary: "TLS certificate verification disabled for outbound connections",
        severity: High,
        confidence: High,
        cwe: [295],
        owasp: "A07",
        remediation: "Keep verification on; trust a private CA by passing its bundle (verify=\"/path/ca.pem\").",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

const HTTP_METHODS: &[&str] = &[
    "get", "post", "put", "patch", "delete", "head", "options", "request", "stream", "send",
];

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    out.each_module(ctx.index, |m, out| check_module(ctx, m, out));
}

/// Every call and attribute assignment of one module (constants may be passed to any call).
fn check_module(ctx: &Context<'_, '_>, module: flaskguard_index::ModuleId, out: &mut Reporter) {
    let index = ctx.index;
    for c in index.calls_in(module) {
        let Some(q) = callee(c) else { continue };
        // `verify=False`
        let verify_kw = if is_http_call(q) {
            Some("verify")
        } else if q.starts_with("aiohttp.") {
            // `TCPConnector(ssl=False)`, `session.get(url, ssl=False)`, `verify_ssl=False`
            if c.call.keyword("verify_ssl").is_some() {
                Some("verify_ssl")
            } else {
                Some("ssl")
            }
        } else {
            None
        };
        if let Some(kw) = verify_kw
            && let Some(v) = c.call.keyword(kw)
        {
            let value = index.eval(c.module, c.scope, v);
            if value != Value::None && value.truthy() == Some(false) {
                out.at(
                    c.module,
                    keyword_span(c, kw).unwrap_or(v.span),
                    format!(
                        "`{q}` is called with `{kw}=False`: the server's certificate is not checked"
                    ),
                );
                continue;
            }
        }
        if q == "ssl._create_unverified_context" {
            out.at(
                c.module,
                c.call.func.span,
                "`ssl._create_unverified_context()` builds a context that checks neither the certificate nor the host name",
            );
            continue;
        }
        // `ssl.CERT_NONE` / `cert_reqs="CERT_NONE"` passed to anything.
        for arg in c
            .call
            .args
            .iter()
            .chain(c.call.keywords.iter().map(|k| &k.value))
        {
            if is_cert_none(ctx, c.module, c.scope, arg, q) {
                out.at(
                    c.module,
                    arg.span,
                    format!("`{q}` is given `CERT_NONE`: the server's certificate is not checked"),
                );
            }
        }
    }
    for a in index.assigns_in(module) {
        let ExprKind::Attribute { value, attr } = &a.target.kind else {
            continue;
        };
        if !matches!(attr.as_str(), "verify" | "verify_mode" | "check_hostname") {
            continue;
        }
        let Some(base) = index.resolve(a.module, a.scope, value) else {
            continue;
        };
        let v = index.eval(a.module, a.scope, a.value);
        let message = match attr.as_str() {
            "verify"
                if matches!(base.qual.as_str(), "requests.Session()" | "requests.session()" | "requests.sessions.Session()")
                    && v != Value::None
                    && v.truthy() == Some(false) =>
            {
                format!("`{}.verify = False` turns off certificate checks for every request of the session", source_text(ctx, a.module, value))
            }
            "verify_mode" if is_ssl_context(&base.qual) && is_cert_none(ctx, a.module, a.scope, a.value, "") => {
                "The SSL context's `verify_mode` is `CERT_NONE`: the server's certificate is not checked".to_string()
            }
            "check_hostname" if is_ssl_context(&base.qual) && v == Value::Bool(false) => {
                "The SSL context's `check_hostname` is False: any valid certificate, for any host, is accepted".to_string()
            }
            _ => continue,
        };
        out.at(a.module, a.span, message);
    }
}

fn source_text<'a>(ctx: &Context<'_, 'a>, module: flaskguard_index::ModuleId, e: &Expr) -> &'a str {
    ctx.project.modules[module.0 as usize].source.slice(e.span)
}

/// `requests` and `httpx` functions, session and client methods, and client constructors.
fn is_http_call(q: &str) -> bool {
    // Asked of every call: most names are neither library's.
    if !(q.starts_with("requests") || q.starts_with("httpx")) {
        return false;
    }
    for prefix in [
        "requests.",
        "requests.api.",
        "requests.Session().",
        "requests.session().",
        "requests.sessions.Session().",
        "httpx.",
        "httpx.Client().",
        "httpx.AsyncClient().",
    ] {
        if q.strip_prefix(prefix)
            .is_some_and(|m| HTTP_METHODS.contains(&m))
        {
            return true;
        }
    }
    matches!(
        q,
        "httpx.Client" | "httpx.AsyncClient" | "httpx.HTTPTransport" | "httpx.AsyncHTTPTransport"
    )
}

fn is_ssl_context(q: &str) -> bool {
    q.starts_with("ssl.") && q.ends_with("()")
}

/// `ssl.CERT_NONE`, `ssl.VerifyMode.CERT_NONE`, or urllib3's `cert_reqs="CERT_NONE"`.
fn is_cert_none(
    ctx: &Context<'_, '_>,
    module: flaskguard_index::ModuleId,
    scope: flaskguard_index::ir::ScopeRef,
    e: &Expr,
    callee: &str,
) -> bool {
    // Only `CERT_NONE` (by name) can resolve to it: resolve nothing else, as this runs on
    // every argument of every call.
    let named_cert_none = match &e.kind {
        flaskguard_index::ir::ExprKind::Name(n) => n == "CERT_NONE",
        flaskguard_index::ir::ExprKind::Attribute { attr, .. } => attr == "CERT_NONE",
        _ => false,
    };
    let constant = named_cert_none
        && ctx.index.resolve(module, scope, e).is_some_and(|r| {
            matches!(
                r.qual.as_str(),
                "ssl.CERT_NONE" | "ssl.VerifyMode.CERT_NONE"
            )
        });
    if constant {
        return true;
    }
    callee.starts_with("urllib3.")
        && !matches!(e.kind, flaskguard_index::ir::ExprKind::Call(_))
        && matches!(ctx.index.eval(module, scope, e), Value::Str(s) if s == "CERT_NONE" || s == "NONE")
}
