use flaskguard_flask::ExtKind;

use super::falsy_settings;
use crate::helpers::setting_target;
use crate::{Context, Reporter, Target, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for `SESSION_COOKIE_HTTPONLY = False` and Flask-Talisman's
    /// `session_cookie_http_only=False`.
    ///
    /// ## Why is this bad?
    /// Flask marks the session cookie `HttpOnly` by default so that scripts cannot read it.
    /// Turning that off hands the session to any cross-site scripting bug.
    ///
    /// ## Example
    /// ```python
    /// SESSION_COOKIE_HTTPONLY = False
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// SESSION_COOKIE_HTTPONLY = True  # Flask's default
    /// ```
    ///
    /// ## References
    /// - [Flask: SESSION_COOKIE_HTTPONLY](https://flask.palletsprojects.com/en/stable/config/#SESSION_COOKIE_HTTPONLY)
    /// - [OWASP: HttpOnly](https://owasp.org/www-community/HttpOnly)
    pub(crate) static RULE = {
        code: "FG210",
        name: "session-cookie-httponly-disabled",
        summary: "Session cookie readable by scripts (HttpOnly disabled)",
        severity: Medium,
        confidence: High,
        cwe: [1004],
        owasp: "A05",
        remediation: "Remove SESSION_COOKIE_HTTPONLY = False; Flask's default (True) keeps scripts from reading the session.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for s in falsy_settings(ctx.model, "SESSION_COOKIE_HTTPONLY") {
        out.report(
            setting_target(s),
            "`SESSION_COOKIE_HTTPONLY` is false: scripts on the page can read the session cookie",
        );
    }
    for t in ctx.model.extensions_of(ExtKind::Talisman) {
        if let Some(a) = t.arg(ctx.index, "session_cookie_http_only")
            && a.value.truthy() == Some(false)
        {
            out.report(
                Target::Module(a.module, a.span),
                "Flask-Talisman is told not to mark the session cookie HttpOnly",
            );
        }
    }
}
