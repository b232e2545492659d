use flaskguard_flask::ExtKind;
use flaskguard_index::Value;

use super::{deployed_settings, known_value};
use crate::helpers::{duration_seconds, human_duration, setting_target};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks Flask-JWT-Extended token lifetimes: `JWT_ACCESS_TOKEN_EXPIRES` set to `False`
    /// (never expires) or longer than one day, and `JWT_REFRESH_TOKEN_EXPIRES` set to
    /// `False` or longer than 90 days.
    ///
    /// ## Why is this bad?
    /// A JWT cannot be taken back: until it expires, a leaked or stolen token works, even
    /// after the user logs out or changes their password (unless every request checks a
    /// blocklist). Access tokens are meant to live minutes (the default is 15) and be
    /// renewed with a refresh token; a token that never expires is a permanent credential.
    ///
    /// ## Example
    /// ```python
    /// app.config["JWT_ACCESS_TOKEN_EXPIRES"] = False
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// app.config["JWT_ACCESS_TOKEN_EXPIRES"] = timedelta(minutes=15)
    /// app.config["JWT_REFRESH_TOKEN_EXPIRES"] = timedelta(days=30)
    /// ```
    ///
    /// ## Known problems
    /// Development and test configurations are not reported.
    ///
    /// ## References
    /// - [Flask-JWT-Extended: Configuration Options](https://flask-jwt-extended.readthedocs.io/en/stable/options.html#JWT_ACCESS_TOKEN_EXPIRES)
    /// - [Flask-JWT-Extended: Refreshing Tokens](https://flask-jwt-extended.readthedocs.io/en/stable/refreshing_tokens.html)
    /// - [OWASP: JSON Web Token Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG256",
        name: "jwt-token-expiry-long",
        summary: "Flask-JWT-Extended tokens that never expire or live too long",
        severity: Medium,
        confidence: High,
        cwe: [613],
        owasp: "A07",
        remediation: "Keep access tokens to minutes (default 15) and refresh tokens bounded (default 30 days), with rotation.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    if !ctx.model.has_extension(ExtKind::JwtManager) {
        return;
    }
    for (key, kind, max_days) in [
        ("JWT_ACCESS_TOKEN_EXPIRES", "access", 1.0),
        ("JWT_REFRESH_TOKEN_EXPIRES", "refresh", 90.0),
    ] {
        for s in deployed_settings(ctx.model, key) {
            let never = known_value(s) == Some(&Value::Bool(false));
            let message = match known_value(s) {
                Some(Value::Bool(false)) => {
                    format!("`{key}` is False: {kind} tokens never expire")
                }
                Some(v) => {
                    let Some(seconds) = duration_seconds(v) else {
                        continue;
                    };
                    if seconds <= max_days * 86_400.0 {
                        continue;
                    }
                    format!(
                        "`{key}` is {}: a stolen {kind} token stays valid that long",
                        human_duration(seconds)
                    )
                }
                None => continue,
            };
            let finding = out.report(setting_target(s), message);
            // An access token that never expires is a permanent credential.
            if never && kind == "access" {
                finding.severity(flaskguard_report::Severity::High);
            }
        }
    }
}
