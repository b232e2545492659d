use flaskguard_flask::ExtKind;

use crate::{Context, Reporter, Target, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for Flask-SSLify (`SSLify(app)`).
    ///
    /// ## Why is this bad?
    /// Flask-SSLify is unmaintained (its last release, 0.1.5, dates from 2015). It only
    /// redirects HTTP to HTTPS, skips the redirect whenever `app.debug` is true, and sends
    /// `Strict-Transport-Security` only when `request.is_secure` — never behind a
    /// TLS-terminating proxy without `ProxyFix`. It sets no other security header. It
    /// gives the impression that transport security is handled while leaving most of it
    /// undone.
    ///
    /// ## Example
    /// ```python
    /// from flask_sslify import SSLify
    ///
    /// SSLify(app)
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// from flask_talisman import Talisman
    ///
    /// Talisman(app)
    /// ```
    ///
    /// or redirect and send HSTS at the reverse proxy.
    ///
    /// ## References
    /// - [Flask-SSLify README](https://github.com/kennethreitz/flask-sslify/blob/master/README.rst)
    /// - [Flask-Talisman](https://github.com/wntrblm/flask-talisman)
    /// - [OWASP: Transport Layer Security Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG245",
        name: "sslify-used",
        summary: "Unmaintained Flask-SSLify used for HTTPS enforcement",
        severity: Low,
        confidence: High,
        cwe: [319],
        owasp: "A06",
        remediation: "Replace Flask-SSLify with Flask-Talisman or a proxy-level redirect and HSTS.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for ext in ctx.model.extensions_of(ExtKind::SslIfy) {
        if ctx.model.is_test_code(ext.module) {
            continue;
        }
        out.report(
            Target::Module(ext.module, ext.span),
            "`flask_sslify.SSLify` is unmaintained: it only redirects to HTTPS, not in debug mode, and sends HSTS only on requests it sees as secure",
        );
    }
}
