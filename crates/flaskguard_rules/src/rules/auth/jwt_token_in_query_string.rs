use flaskguard_flask::ExtKind;

use super::{deployed_settings, known_value};
use crate::helpers::setting_target;
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for Flask-JWT-Extended accepting tokens from the query string:
    /// `JWT_TOKEN_LOCATION` including `"query_string"`.
    ///
    /// ## Why is this bad?
    /// A token in the URL (`/api/notes?jwt=…`) is written to the browser history, to
    /// server and proxy access logs, and sent to other sites in the `Referer` header.
    /// Each of those copies is a working credential until the token expires.
    ///
    /// ## Example
    /// ```python
    /// app.config["JWT_TOKEN_LOCATION"] = ["headers", "query_string"]
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// app.config["JWT_TOKEN_LOCATION"] = ["headers"]
    /// ```
    ///
    /// ## Known problems
    /// Development and test configurations are not reported.
    ///
    /// ## References
    /// - [Flask-JWT-Extended: JWT_TOKEN_LOCATION](https://flask-jwt-extended.readthedocs.io/en/stable/options.html#JWT_TOKEN_LOCATION)
    /// - [OWASP: Information exposure through query strings in URL](https://owasp.org/www-community/vulnerabilities/Information_exposure_through_query_strings_in_url)
    pub(crate) static RULE = {
        code: "FG259",
        name: "jwt-token-in-query-string",
        summary: "JWTs accepted from the query string",
        severity: Medium,
        confidence: High,
        cwe: [598],
        owasp: "A04",
        remediation: "Read tokens from the Authorization header (or Secure cookies), never from the URL.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    if !ctx.model.has_extension(ExtKind::JwtManager) {
        return;
    }
    for s in deployed_settings(ctx.model, "JWT_TOKEN_LOCATION") {
        if known_value(s).is_some_and(|v| v.strings().contains(&"query_string")) {
            out.report(
                setting_target(s),
                "`JWT_TOKEN_LOCATION` includes \"query_string\": tokens in URLs end up in logs, browser history and Referer headers",
            );
        }
    }
}
