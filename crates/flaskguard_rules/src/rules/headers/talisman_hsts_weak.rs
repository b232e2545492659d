use flaskguard_report::Severity;

use super::talisman_options;
use crate::helpers::{duration_seconds, human_duration};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for Flask-Talisman's `strict_transport_security` set to a false value, and
    /// for `strict_transport_security_max_age` below six months (15,552,000 seconds).
    ///
    /// ## Why is this bad?
    /// The `Strict-Transport-Security` header makes browsers use HTTPS for the site
    /// without ever trying plain HTTP, so an attacker on the network cannot strip TLS
    /// from the first request (SSL stripping). Without it, or with a short `max-age`
    /// that lapses between visits, that first request is exposed again. Talisman's
    /// default is one year.
    ///
    /// ## Example
    /// ```python
    /// Talisman(app, strict_transport_security=False)
    /// Talisman(app, strict_transport_security_max_age=3600)
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// Talisman(app)  # HSTS on, max-age one year, includeSubDomains
    /// ```
    ///
    /// ## Known problems
    /// HSTS set by a reverse proxy is not seen. Values that depend on the environment are
    /// not reported.
    ///
    /// ## References
    /// - [Flask-Talisman: Options](https://github.com/wntrblm/flask-talisman#options)
    /// - [OWASP: HTTP Strict Transport Security Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Strict_Transport_Security_Cheat_Sheet.html)
    /// - [MDN: Strict-Transport-Security](https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Strict-Transport-Security)
    pub(crate) static RULE = {
        code: "FG244",
        name: "talisman-hsts-weak",
        summary: "Flask-Talisman HSTS disabled or with a short max-age",
        severity: Medium,
        confidence: High,
        cwe: [319],
        owasp: "A02",
        remediation: "Keep strict_transport_security on with a max-age of at least one year (Talisman's default).",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

/// Six months, in seconds.
const MIN_MAX_AGE: f64 = 15_552_000.0;

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for opt in talisman_options(ctx, "strict_transport_security") {
        if opt.value.is_constant() && opt.value.truthy() == Some(false) {
            out.at(
                opt.module,
                opt.span,
                "`flask_talisman.Talisman` `strict_transport_security` is off: no `Strict-Transport-Security` header is sent",
            );
        }
    }
    for opt in talisman_options(ctx, "strict_transport_security_max_age") {
        let Some(seconds) = duration_seconds(&opt.value) else {
            continue;
        };
        if seconds >= MIN_MAX_AGE {
            continue;
        }
        out.at(
            opt.module,
            opt.span,
            format!(
                "`flask_talisman.Talisman` `strict_transport_security_max_age` is {}: browsers forget the HTTPS-only rule after that (use at least six months; the default is one year)",
                human_duration(seconds)
            ),
        )
        .severity(Severity::Low);
    }
}
