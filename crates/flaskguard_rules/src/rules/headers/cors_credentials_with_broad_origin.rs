use flaskguard_report::Severity;

use super::{OriginPolicy, cors_policies};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks Flask-CORS policies (`CORS(...)`, its `resources`, `@cross_origin(...)`) for
    /// - every origin (`"*"`, `".*"`, or no `origins` at all) together with
    ///   `supports_credentials=True`;
    /// - origin regular expressions that match more than intended: not anchored with
    ///   `$`, `.*` directly before a host name, unescaped dots, or the `null` origin.
    ///
    /// ## Why is this bad?
    /// With a wildcard and `supports_credentials=True`, Flask-CORS answers each request
    /// with the caller's own `Origin` and `Access-Control-Allow-Credentials: true`: any
    /// website can make its visitors' browsers call the API with their cookies and read
    /// the answers — their notes, their profile, their CSRF tokens.
    ///
    /// Flask-CORS matches origin patterns with `re.match`, which anchors at the start
    /// only: `https://app\.example\.com` also matches
    /// `https://app.example.com.attacker.net`, and `https://.*example\.com$` matches
    /// `https://attacker-example.com`.
    ///
    /// ## Example
    /// ```python
    /// CORS(api_bp, origins="*", supports_credentials=True)
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// CORS(api_bp, origins=["https://app.example.com"], supports_credentials=True)
    /// ```
    ///
    /// ## Known problems
    /// Origins read from configuration are taken from `CORS_ORIGINS` and
    /// `CORS_SUPPORTS_CREDENTIALS` in any deployed configuration class, not per app.
    ///
    /// ## References
    /// - [Flask-CORS: Configuration](https://flask-cors.readthedocs.io/en/latest/configuration.html)
    /// - [PortSwigger: CORS vulnerabilities](https://portswigger.net/web-security/cors)
    /// - [OWASP: HTML5 Security Cheat Sheet, Cross Origin Resource Sharing](https://cheatsheetseries.owasp.org/cheatsheets/HTML5_Security_Cheat_Sheet.html#cross-origin-resource-sharing)
    pub(crate) static RULE = {
        code: "FG240",
        name: "cors-credentials-with-broad-origin",
        summary: "Flask-CORS reflects any (or too broad an) origin, with credentials",
        severity: High,
        confidence: High,
        cwe: [942, 346],
        owasp: "A05",
        remediation: "List the exact origins allowed to send credentials; anchor origin regexes with ^…$ and escape dots.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for p in cors_policies(ctx) {
        let scope = p
            .resource
            .as_ref()
            .map_or(String::new(), |r| format!(" for resources `{r}`"));
        let credentials = p.credentials == Some(true);
        match p.origin_policy() {
            OriginPolicy::Any if credentials => {
                out.at(
                    p.module,
                    p.span,
                    format!(
                        "`{}`{scope} allows every origin with `supports_credentials=True`: it echoes any site's `Origin` with `Access-Control-Allow-Credentials: true`, so any website can read responses with the user's cookies",
                        p.qual
                    ),
                )
                .severity(Severity::Critical);
            }
            OriginPolicy::Broad(why) => {
                let finding = out.at(
                    p.module,
                    p.span,
                    format!(
                        "`{}`{scope} allows more origins than intended{}: {why}",
                        p.qual,
                        if credentials {
                            ", with credentials"
                        } else {
                            ""
                        }
                    ),
                );
                if !credentials {
                    finding.severity(Severity::Medium);
                }
            }
            OriginPolicy::Any | OriginPolicy::Listed | OriginPolicy::Unknown => {}
        }
    }
}
