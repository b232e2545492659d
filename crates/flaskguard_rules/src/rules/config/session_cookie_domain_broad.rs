use flaskguard_index::Value;

use crate::helpers::{effective_literal, setting_target};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for `SESSION_COOKIE_DOMAIN` set to a domain, which makes the session cookie
    /// visible to sub-domains, instead of leaving it unset (a host-only cookie).
    ///
    /// ## Why is this bad?
    /// With `SESSION_COOKIE_DOMAIN = ".example.com"` the browser sends the session to every
    /// sub-domain: a forgotten staging host, a user-content domain or a taken-over DNS
    /// record then receives live sessions and can set cookies for the main app.
    ///
    /// ## Example
    /// ```python
    /// SESSION_COOKIE_DOMAIN = ".example.com"
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// # Leave SESSION_COOKIE_DOMAIN unset: the cookie stays on the app's own host.
    /// ```
    ///
    /// ## References
    /// - [Flask: SESSION_COOKIE_DOMAIN](https://flask.palletsprojects.com/en/stable/config/#SESSION_COOKIE_DOMAIN)
    /// - [MDN: Cookie Domain attribute](https://developer.mozilla.org/en-US/docs/Web/HTTP/Cookies#define_where_cookies_are_sent)
    pub(crate) static RULE = {
        code: "FG212",
        name: "session-cookie-domain-broad",
        summary: "Session cookie shared with sub-domains",
        severity: Low,
        confidence: Medium,
        cwe: [1275, 565],
        owasp: "A05",
        remediation: "Leave SESSION_COOKIE_DOMAIN unset so the session cookie is host-only.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for s in ctx.model.production_settings("SESSION_COOKIE_DOMAIN") {
        let Some(Value::Str(domain)) = effective_literal(&s.value) else {
            continue;
        };
        if domain.is_empty() || domain == "localhost" {
            continue;
        }
        out.report(setting_target(s), format!("`SESSION_COOKIE_DOMAIN = \"{domain}\"` sends the session cookie to every sub-domain of {}", domain.trim_start_matches('.')));
    }
}
