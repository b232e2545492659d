use flaskguard_index::Value;

use crate::helpers::{app_target, effective_literal, setting_target};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks that the session cookie has a `SameSite` policy: reports
    /// `SESSION_COOKIE_SAMESITE = None` or `"None"`, and apps that never set it (Flask's
    /// default is no attribute at all).
    ///
    /// ## Why is this bad?
    /// `SameSite=Lax` stops the browser from sending the session cookie on cross-site POST
    /// requests, a cheap and effective layer against CSRF. Without it every form on every
    /// other site can act as the logged-in user unless CSRF tokens are checked everywhere.
    ///
    /// ## Example
    /// ```python
    /// SESSION_COOKIE_SAMESITE = None
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// SESSION_COOKIE_SAMESITE = "Lax"
    /// ```
    ///
    /// ## References
    /// - [Flask: SESSION_COOKIE_SAMESITE](https://flask.palletsprojects.com/en/stable/config/#SESSION_COOKIE_SAMESITE)
    /// - [MDN: SameSite cookies](https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Set-Cookie#samesitesamesite-value)
    pub(crate) static RULE = {
        code: "FG211",
        name: "session-cookie-samesite-none",
        summary: "Session cookie without a SameSite policy",
        severity: Medium,
        confidence: High,
        cwe: [1275],
        owasp: "A01",
        remediation: "Set SESSION_COOKIE_SAMESITE = \"Lax\" (or \"Strict\").",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    let mut configured = false;
    for s in ctx.model.settings("SESSION_COOKIE_SAMESITE") {
        if !s.profile.is_deployed() {
            continue;
        }
        configured = true;
        match effective_literal(&s.value) {
            Some(Value::None) => {
                out.report(setting_target(s), "`SESSION_COOKIE_SAMESITE` is None: the session cookie is sent on cross-site requests");
            }
            Some(Value::Str(v)) if v.eq_ignore_ascii_case("none") => {
                out.report(setting_target(s), "`SESSION_COOKIE_SAMESITE = \"None\"`: the session cookie is sent on cross-site requests");
            }
            _ => {}
        }
    }
    if configured || !ctx.model.uses_session {
        return;
    }
    if let Some(target) = app_target(ctx.model) {
        out.report(
            target,
            "`SESSION_COOKIE_SAMESITE` is never set (Flask's default sends no SameSite attribute)",
        )
        .severity(flaskguard_report::Severity::Low);
    }
}
