use flaskguard_flask::ExtKind;
use flaskguard_index::Value;

use super::{config_loaded_externally, deployed_settings, known_value};
use crate::helpers::{duration_seconds, human_duration, setting_target};
use crate::{Context, Reporter, Target, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks Flask-Login's remember-me cookie settings when Flask-Login is used:
    /// `REMEMBER_COOKIE_SECURE` not enabled (Flask-Login's default is `False`),
    /// `REMEMBER_COOKIE_SAMESITE = None`/`"None"`, and a `REMEMBER_COOKIE_DURATION` longer
    /// than 30 days (the default is 365 days).
    ///
    /// ## Why is this bad?
    /// The remember-me cookie logs its holder in without a password for as long as it
    /// lasts. Without `Secure` it is also sent over plain HTTP, where it can be read and
    /// replayed; with `SameSite=None` it rides along on cross-site requests; and a cookie
    /// valid for a year (or ten) keeps a stolen login alive long after the user noticed.
    ///
    /// ## Example
    /// ```python
    /// class Config:
    ///     REMEMBER_COOKIE_SECURE = False
    ///     REMEMBER_COOKIE_DURATION = timedelta(days=3650)
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// class Config:
    ///     REMEMBER_COOKIE_SECURE = True
    ///     REMEMBER_COOKIE_SAMESITE = "Lax"
    ///     REMEMBER_COOKIE_DURATION = timedelta(days=14)
    /// ```
    ///
    /// ## Known problems
    /// When the settings are never configured, the defaults are reported only if the app
    /// sets the cookie (`login_user(..., remember=...)`). An unset `REMEMBER_COOKIE_SAMESITE`
    /// is not reported (browsers treat a missing attribute as `Lax`), nor an unset
    /// `REMEMBER_COOKIE_SECURE` when a project response class's `set_cookie` passes
    /// `secure=` on (it writes the remember-me cookie too). Development and test
    /// configurations are not reported.
    ///
    /// ## References
    /// - [Flask-Login: Cookie Settings](https://flask-login.readthedocs.io/en/latest/#cookie-settings)
    /// - [Flask: Security Considerations — Set-Cookie options](https://flask.palletsprojects.com/en/stable/web-security/#set-cookie-options)
    /// - [OWASP: Session Management Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG253",
        name: "flask-login-remember-cookie-insecure",
        summary: "Flask-Login remember-me cookie not Secure, SameSite=None, or long-lived",
        severity: Medium,
        confidence: High,
        cwe: [614, 1275, 613],
        owasp: "A07",
        remediation: "Set REMEMBER_COOKIE_SECURE = True, REMEMBER_COOKIE_SAMESITE = \"Lax\" and a REMEMBER_COOKIE_DURATION of days, not months.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

/// Remember-me durations longer than this are reported.
const MAX_DURATION_DAYS: f64 = 30.0;
/// Flask-Login's default `REMEMBER_COOKIE_DURATION`.
const DEFAULT_DURATION_DAYS: f64 = 365.0;

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    let Some(login_manager) = ctx.model.extensions_of(ExtKind::LoginManager).next() else {
        return;
    };
    let manager_target = Target::Module(login_manager.module, login_manager.span);
    // Defaults matter only when the app sets the remember-me cookie and the settings are
    // not read from somewhere we cannot see.
    let defaults_apply = uses_remember_me(ctx) && !config_loaded_externally(ctx);

    let secure = deployed_settings(ctx.model, "REMEMBER_COOKIE_SECURE");
    for s in &secure {
        if known_value(s).and_then(Value::truthy) == Some(false) {
            out.report(
                setting_target(s),
                "`REMEMBER_COOKIE_SECURE` is false: Flask-Login's remember-me cookie is also sent over plain HTTP",
            );
        }
    }
    // A response class whose `set_cookie` decides `Secure` writes this cookie too.
    if secure.is_empty() && defaults_apply && !ctx.model.secure_by_code.every_cookie {
        out.report(
            manager_target,
            "`REMEMBER_COOKIE_SECURE` is never enabled (Flask-Login's default is False): the remember-me cookie is also sent over plain HTTP",
        );
    }

    for s in deployed_settings(ctx.model, "REMEMBER_COOKIE_SAMESITE") {
        let none = match known_value(s) {
            Some(Value::None) => true,
            Some(Value::Str(v)) => v.eq_ignore_ascii_case("none"),
            _ => false,
        };
        if none {
            out.report(
                setting_target(s),
                "`REMEMBER_COOKIE_SAMESITE` is None: the remember-me cookie is sent on cross-site requests",
            );
        }
    }

    let durations = deployed_settings(ctx.model, "REMEMBER_COOKIE_DURATION");
    for s in &durations {
        let Some(seconds) = known_value(s).and_then(duration_seconds) else {
            continue;
        };
        if seconds > MAX_DURATION_DAYS * 86_400.0 {
            out.report(
                setting_target(s),
                format!(
                    "`REMEMBER_COOKIE_DURATION` is {}: a stolen remember-me cookie logs in for that long (keep it to days)",
                    human_duration(seconds)
                ),
            );
        }
    }
    if durations.is_empty() && defaults_apply {
        out.report(
            manager_target,
            format!(
                "`REMEMBER_COOKIE_DURATION` is never set: Flask-Login's remember-me cookie lasts {DEFAULT_DURATION_DAYS:.0} days"
            ),
        );
    }
}

/// `login_user(user, remember=…)` with a value that is not known to be false.
fn uses_remember_me(ctx: &Context<'_, '_>) -> bool {
    ctx.index.calls_to("flask_login.login_user").any(|c| {
        c.call
            .argument(1, "remember")
            .is_some_and(|e| ctx.index.eval(c.module, c.scope, e).truthy() != Some(false))
    })
}
