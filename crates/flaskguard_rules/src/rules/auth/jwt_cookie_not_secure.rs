use flaskguard_flask::{ConfigSetting, ExtKind};
use flaskguard_index::Value;

use super::{deployed_settings, known_value};
use crate::helpers::setting_target;
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks that Flask-JWT-Extended marks its token cookies `Secure` when tokens are
    /// read from cookies (`JWT_TOKEN_LOCATION` includes `"cookies"`): reports
    /// `JWT_COOKIE_SECURE = False` and a `JWT_COOKIE_SECURE` that is never set (the
    /// default is `False`).
    ///
    /// ## Why is this bad?
    /// The access and refresh token cookies are bearer credentials. Without `Secure` the
    /// browser also sends them over plain HTTP — any `http://` link or a hostile network
    /// is enough to read and replay them.
    ///
    /// ## Example
    /// ```python
    /// app.config["JWT_TOKEN_LOCATION"] = ["cookies"]
    /// app.config["JWT_COOKIE_SECURE"] = False
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// app.config["JWT_TOKEN_LOCATION"] = ["cookies"]
    /// app.config["JWT_COOKIE_SECURE"] = True
    /// ```
    ///
    /// ## Known problems
    /// Development and test configurations are not reported.
    ///
    /// ## References
    /// - [Flask-JWT-Extended: JWT_COOKIE_SECURE](https://flask-jwt-extended.readthedocs.io/en/stable/options.html#JWT_COOKIE_SECURE)
    /// - [Flask-JWT-Extended: JWT in Cookies](https://flask-jwt-extended.readthedocs.io/en/stable/token_locations.html#cookies)
    /// - [OWASP: Session Management Cheat Sheet — Secure attribute](https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html#secure-attribute)
    pub(crate) static RULE = {
        code: "FG258",
        name: "jwt-cookie-not-secure",
        summary: "JWT token cookies not marked Secure",
        severity: Medium,
        confidence: High,
        cwe: [614],
        owasp: "A05",
        remediation: "Set JWT_COOKIE_SECURE = True wherever JWT_TOKEN_LOCATION includes \"cookies\".",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    if !ctx.model.has_extension(ExtKind::JwtManager) {
        return;
    }
    let locations = deployed_settings(ctx.model, "JWT_TOKEN_LOCATION");
    let Some(cookies) = locations.iter().find(|s| in_cookies(s)) else {
        return;
    };
    let secure = deployed_settings(ctx.model, "JWT_COOKIE_SECURE");
    for s in &secure {
        if known_value(s).and_then(Value::truthy) == Some(false) {
            out.report(
                setting_target(s),
                "`JWT_COOKIE_SECURE` is false while tokens are read from cookies: the token cookies are also sent over plain HTTP",
            );
        }
    }
    if secure.is_empty() {
        out.report(
            setting_target(cookies),
            "`JWT_TOKEN_LOCATION` includes \"cookies\" but `JWT_COOKIE_SECURE` is never enabled (the default is False): the token cookies are also sent over plain HTTP",
        );
    }
}

fn in_cookies(s: &ConfigSetting<'_>) -> bool {
    known_value(s).is_some_and(|v| v.strings().contains(&"cookies"))
}
