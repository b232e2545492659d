use flaskguard_report::Severity;

use super::{OriginPolicy, cors_policies, uses_cookie_auth};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for Flask-CORS extensions (`CORS(app)`, `CORS(blueprint)`, or one of their
    /// `resources`) that allow every origin: no `origins` argument and no `CORS_ORIGINS`
    /// setting (Flask-CORS then allows `*`), or `origins="*"` / `".*"`, without
    /// `supports_credentials` (with it, see FG240).
    ///
    /// ## Why is this bad?
    /// Every site on the internet may then read the responses of every route the policy
    /// covers, from its visitors' browsers. Browsers do not expose responses to requests
    /// sent with cookies under a wildcard policy, but the responses of anything reachable
    /// only from the visitor's network (an intranet app, a service bound to localhost)
    /// and of every public route become readable by any page; and the blanket policy is
    /// one `supports_credentials=True` away from exposing logged-in users' data. In an
    /// application that authenticates browsers with cookies, a cross-origin policy should
    /// name the origins it trusts.
    ///
    /// ## Example
    /// ```python
    /// CORS(app)
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// CORS(app, resources={r"/api/*": {"origins": ["https://app.example.com"]}})
    /// ```
    ///
    /// ## Known problems
    /// A public, unauthenticated API meant for every origin is reported too (with low
    /// severity when the project uses no cookie authentication); suppress with a
    /// justification. `@cross_origin()` on a single view is not reported.
    ///
    /// ## References
    /// - [Flask-CORS: Configuration](https://flask-cors.readthedocs.io/en/latest/configuration.html)
    /// - [MDN: Cross-Origin Resource Sharing](https://developer.mozilla.org/en-US/docs/Web/HTTP/CORS)
    /// - [OWASP: HTML5 Security Cheat Sheet, Cross Origin Resource Sharing](https://cheatsheetseries.owasp.org/cheatsheets/HTML5_Security_Cheat_Sheet.html#cross-origin-resource-sharing)
    pub(crate) static RULE = {
        code: "FG239",
        name: "cors-allows-any-origin",
        summary: "Flask-CORS allows every origin",
        severity: Medium,
        confidence: Medium,
        cwe: [942],
        owasp: "A05",
        remediation: "Pass explicit origins=[...] (per resource) to CORS.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    let cookies = uses_cookie_auth(ctx);
    for p in cors_policies(ctx) {
        if p.qual != "flask_cors.CORS" || p.credentials != Some(false) {
            continue;
        }
        if p.origin_policy() != OriginPolicy::Any {
            continue;
        }
        let how = if p.origins.is_some() {
            "allows every origin"
        } else {
            "allows every origin (Flask-CORS's default when no `origins` are given)"
        };
        let scope = p
            .resource
            .as_ref()
            .map_or(String::new(), |r| format!(" for resources `{r}`"));
        let cookie_note = if cookies {
            "; the project authenticates browsers with cookies"
        } else {
            ""
        };
        let finding = out.at(
            p.module,
            p.span,
            format!("`{}`{scope} {how}{cookie_note}", p.qual),
        );
        if !cookies {
            finding.severity(Severity::Low);
        }
    }
}
