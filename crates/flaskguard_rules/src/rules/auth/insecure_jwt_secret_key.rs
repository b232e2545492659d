use flaskguard_flask::ExtKind;
use flaskguard_index::Value;
use flaskguard_report::Severity;

use super::{config_loaded_externally, deployed_settings, known_value};
use crate::helpers::{redact, setting_target, weak_secret_reason};
use crate::{Context, Reporter, Target, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks Flask-JWT-Extended's signing key: a `JWT_SECRET_KEY` written in the source (a
    /// literal, or the literal fallback of an environment lookup), one that is short or a
    /// well-known placeholder, and a `JWTManager` used without any `JWT_SECRET_KEY` (or
    /// with an empty one), so that tokens are silently signed with the app's `SECRET_KEY`.
    ///
    /// ## Why is this bad?
    /// With HS256 (the default) the key both signs and verifies tokens: whoever knows it
    /// mints a valid token for any identity. A key in the repository is known to everyone
    /// who can read it, a short one is brute-forced offline from a single token, and a
    /// fallback to `SECRET_KEY` means one leaked key forges both sessions and tokens.
    ///
    /// ## Example
    /// ```python
    /// app.config["JWT_SECRET_KEY"] = "jwt-secret"
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
    /// ```
    ///
    /// Changing `JWT_SECRET_KEY` invalidates every token issued with the old key: plan the
    /// rotation (short access-token lifetimes make it painless).
    ///
    /// ## Known problems
    /// Development and test configurations are not reported. The fallback to `SECRET_KEY`
    /// is not reported for asymmetric algorithms (`JWT_ALGORITHM = "RS256"`, …), which use
    /// `JWT_PRIVATE_KEY`/`JWT_PUBLIC_KEY` instead.
    ///
    /// ## References
    /// - [Flask-JWT-Extended: JWT_SECRET_KEY](https://flask-jwt-extended.readthedocs.io/en/stable/options.html#JWT_SECRET_KEY)
    /// - [OWASP: JSON Web Token Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html)
    /// - [OWASP: Use of Hard-coded Credentials](https://owasp.org/www-community/vulnerabilities/Use_of_hard-coded_password)
    pub(crate) static RULE = {
        code: "FG257",
        name: "insecure-jwt-secret-key",
        summary: "JWT_SECRET_KEY hard-coded, weak, or falling back to SECRET_KEY",
        severity: High,
        confidence: High,
        cwe: [798, 326],
        owasp: "A02",
        remediation: "Load a dedicated JWT_SECRET_KEY of at least 32 random bytes from the environment or a secret store.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    let jwt = ctx.model.has_extension(ExtKind::JwtManager);
    let settings = deployed_settings(ctx.model, "JWT_SECRET_KEY");
    for s in &settings {
        let fallback = matches!(s.value, Value::Env { .. });
        let message = match known_value(s) {
            Some(Value::Str(key)) if !key.is_empty() => {
                let how = if fallback {
                    format!(
                        "`JWT_SECRET_KEY` falls back to a hard-coded value {} when the environment variable is missing",
                        redact(key)
                    )
                } else {
                    format!("`JWT_SECRET_KEY` is hard-coded in source: {}", redact(key))
                };
                match weak_secret_reason(key) {
                    Some(reason) => format!("{how}, and it is weak: {reason}"),
                    None => how,
                }
            }
            Some(Value::Str(_) | Value::None) if jwt && symmetric(ctx) => {
                out.report(
                    setting_target(s),
                    "`JWT_SECRET_KEY` is empty: Flask-JWT-Extended signs tokens with the app's `SECRET_KEY` instead",
                )
                .severity(Severity::Medium);
                continue;
            }
            _ => continue,
        };
        out.report(setting_target(s), message);
    }
    if !settings.is_empty() || !jwt || !symmetric(ctx) || config_loaded_externally(ctx) {
        return;
    }
    let Some(manager) = ctx.model.extensions_of(ExtKind::JwtManager).next() else {
        return;
    };
    out.report(
        Target::Module(manager.module, manager.span),
        "`JWT_SECRET_KEY` is never set: Flask-JWT-Extended silently signs tokens with the app's `SECRET_KEY`",
    )
    .severity(Severity::Medium);
}

/// Whether tokens are signed with an HMAC key (`JWT_ALGORITHM` unset or `HS*`).
fn symmetric(ctx: &Context<'_, '_>) -> bool {
    deployed_settings(ctx.model, "JWT_ALGORITHM")
        .iter()
        .all(|s| match known_value(s) {
            Some(Value::Str(alg)) => alg.to_ascii_uppercase().starts_with("HS"),
            _ => true,
        })
}
