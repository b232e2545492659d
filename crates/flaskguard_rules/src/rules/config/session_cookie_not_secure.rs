use flaskguard_flask::ExtKind;

use super::{falsy_settings, set_truthy_or_env};
use crate::helpers::{app_target, setting_target};
use crate::{Context, Reporter, Target, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks that the session cookie is marked `Secure`: reports
    /// `SESSION_COOKIE_SECURE = False`, Flask-Talisman's `session_cookie_secure=False`, and
    /// apps that never turn the flag on (Flask's default is `False`) without Talisman doing
    /// it for them.
    ///
    /// ## Why is this bad?
    /// Without `Secure` the browser also sends the session cookie over plain HTTP — to a
    /// captive portal, a hostile Wi-Fi or any `http://` link to the site — where it can be
    /// read and replayed.
    ///
    /// ## Example
    /// ```python
    /// app.config["SESSION_COOKIE_SECURE"] = False
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// app.config["SESSION_COOKIE_SECURE"] = True
    /// ```
    ///
    /// ## Known problems
    /// Development and test configurations are not reported. Nor is the default when the
    /// project's own code decides the flag: a session interface that overrides
    /// `get_cookie_secure` or passes `secure=` in `save_session`, or a response class whose
    /// `set_cookie` passes `secure=` on.
    ///
    /// ## References
    /// - [Flask: Security Considerations — Set-Cookie options](https://flask.palletsprojects.com/en/stable/web-security/#set-cookie-options)
    /// - [Flask: SESSION_COOKIE_SECURE](https://flask.palletsprojects.com/en/stable/config/#SESSION_COOKIE_SECURE)
    pub(crate) static RULE = {
        code: "FG209",
        name: "session-cookie-not-secure",
        summary: "Session cookie not marked Secure",
        severity: Medium,
        confidence: High,
        cwe: [614],
        owasp: "A05",
        remediation: "Set SESSION_COOKIE_SECURE = True (or keep Flask-Talisman's default session_cookie_secure=True).",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    let mut reported = false;
    for s in falsy_settings(ctx.model, "SESSION_COOKIE_SECURE") {
        out.report(
            setting_target(s),
            "`SESSION_COOKIE_SECURE` is false: the session cookie is also sent over plain HTTP",
        );
        reported = true;
    }
    let mut talisman_secures = false;
    for t in ctx.model.extensions_of(ExtKind::Talisman) {
        match t.arg(ctx.index, "session_cookie_secure") {
            Some(a) if a.value.truthy() == Some(false) => {
                out.report(Target::Module(a.module, a.span), "Flask-Talisman is told not to mark the session cookie Secure (`session_cookie_secure=False`)");
                reported = true;
            }
            _ => talisman_secures = true,
        }
    }
    if reported
        || talisman_secures
        || set_truthy_or_env(ctx.model, "SESSION_COOKIE_SECURE")
        || ctx.model.secure_by_code.session()
        || !ctx.model.uses_session
    {
        return;
    }
    // Explicitly set, but only in development/testing: the deployed default applies.
    if let Some(target) = app_target(ctx.model) {
        out.report(target, "`SESSION_COOKIE_SECURE` is never enabled (Flask's default is False): the session cookie is also sent over plain HTTP");
    }
}
