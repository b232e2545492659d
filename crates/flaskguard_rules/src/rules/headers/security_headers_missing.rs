use flaskguard_flask::ExtKind;
use flaskguard_index::Value;
use flaskguard_index::ir::ExprKind;

use crate::{Context, Reporter, Target, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks Flask projects that set no security headers at all: no Flask-Talisman, no
    /// `secure` package, and no code that sets `Content-Security-Policy`,
    /// `X-Frame-Options`, `Strict-Transport-Security` or `X-Content-Type-Options` (in an
    /// `after_request` hook, on a response, or in a `headers=` mapping). Reported once, at
    /// the first `Flask(...)` app outside test code.
    ///
    /// ## Why is this bad?
    /// Flask sends none of these headers by itself. Without them the pages can be framed
    /// by any site (clickjacking), browsers may sniff uploaded files into HTML, HTTPS is
    /// not pinned, and there is no Content-Security-Policy to stop an injected script.
    ///
    /// ## Example
    /// ```python
    /// app = Flask(__name__)
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// from flask_talisman import Talisman
    ///
    /// app = Flask(__name__)
    /// Talisman(app)
    /// ```
    ///
    /// ## Known problems
    /// Headers added by a reverse proxy (nginx `add_header`, a CDN) or by WSGI middleware
    /// are invisible to flaskguard: suppress the finding with a justification naming the
    /// proxy configuration.
    ///
    /// ## References
    /// - [Flask: Security Headers](https://flask.palletsprojects.com/en/stable/web-security/#security-headers)
    /// - [Flask-Talisman](https://github.com/wntrblm/flask-talisman)
    /// - [OWASP: HTTP Headers Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Headers_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG241",
        name: "security-headers-missing",
        summary: "No security headers set anywhere (no Talisman, no after_request headers)",
        severity: Medium,
        confidence: Low,
        cwe: [693],
        owasp: "A05",
        remediation: "Add Flask-Talisman with its defaults, or set the headers in an after_request hook.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

/// Headers whose presence shows the project takes care of security headers.
const SECURITY_HEADERS: &[&str] = &[
    "content-security-policy",
    "content-security-policy-report-only",
    "x-frame-options",
    "strict-transport-security",
    "x-content-type-options",
];

fn is_security_header(v: &Value) -> bool {
    match v {
        Value::Str(s) => SECURITY_HEADERS.contains(&s.to_ascii_lowercase().as_str()),
        Value::Dict(items) => items.iter().any(|(k, _)| is_security_header(k)),
        Value::List(items) => items.iter().any(is_security_header),
        _ => false,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    // The first application outside test code (apps built by tests do not ship).
    let Some(app) = ctx
        .model
        .apps
        .iter()
        .filter(|a| !ctx.model.is_test_code(a.module))
        .min_by_key(|a| (a.module, a.span))
    else {
        return;
    };
    if ctx.model.has_extension(ExtKind::Talisman) {
        return;
    }
    let index = ctx.index;
    // The `secure` package (`secure.Secure().framework.flask(response)`).
    if index
        .calls_where(|q| q.starts_with("secure."))
        .next()
        .is_some()
    {
        return;
    }
    // `response.headers["X-Frame-Options"] = …`
    let assigned = index.assigns().any(|a| match &a.target.kind {
        ExprKind::Subscript { index: key, .. } => {
            is_security_header(&index.eval(a.module, a.scope, key))
        }
        _ => false,
    });
    // `headers.set(...)`, `headers.update({...})`, `Response(headers={...})`, …
    let passed = || {
        index.calls().any(|c| {
            c.call
                .args
                .iter()
                .chain(c.call.keywords.iter().map(|k| &k.value))
                .any(|e| is_security_header(&index.eval(c.module, c.scope, e)))
        })
    };
    if assigned || passed() {
        return;
    }
    out.report(
        Target::Module(app.module, app.span),
        "No security headers are set: no Flask-Talisman and no code sets Content-Security-Policy, X-Frame-Options, Strict-Transport-Security or X-Content-Type-Options",
    );
}
