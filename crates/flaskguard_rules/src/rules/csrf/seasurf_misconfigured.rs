use flaskguard_flask::ExtKind;
use flaskguard_index::Value;
use flaskguard_report::Severity;

use super::{Credential, Credentials, deployed_settings, exemptions, view_calls};
use crate::helpers::effective_literal;
use crate::{Context, Reporter, Target, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks projects that use Flask-SeaSurf for settings and exemptions that weaken it:
    /// `CSRF_DISABLE = True`, `CSRF_CHECK_REFERER = False`,
    /// `SEASURF_INCLUDE_OR_EXEMPT_VIEWS = "include"`, `CSRF_COOKIE_SECURE` left at its
    /// default (`False`) or set to a false value, and `@csrf.exempt` / `csrf.exempt_urls`
    /// on state-changing views that rely on the session cookie.
    ///
    /// ## Why is this bad?
    /// - `CSRF_DISABLE` turns the token check off for every view.
    /// - `CSRF_CHECK_REFERER = False` drops the check SeaSurf makes on HTTPS requests
    ///   that the `Referer` is the site itself.
    /// - `SEASURF_INCLUDE_OR_EXEMPT_VIEWS = "include"` protects only views marked
    ///   `@csrf.include`; every other view accepts forged requests.
    /// - SeaSurf's token cookie is not `Secure` unless `CSRF_COOKIE_SECURE = True`: it is
    ///   sent over plain HTTP, where a network attacker can read it and forge requests.
    /// - An exempted view accepts forged requests with the user's cookies.
    ///
    /// ## Example
    /// ```python
    /// app.config["CSRF_DISABLE"] = True
    /// app.config["CSRF_COOKIE_SECURE"] = False
    /// csrf = SeaSurf(app)
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// app.config["CSRF_COOKIE_SECURE"] = True
    /// csrf = SeaSurf(app)
    /// ```
    ///
    /// ## Known problems
    /// The `CSRF_*` keys are only checked when Flask-SeaSurf is used in the project.
    /// Exempted views that call `csrf.validate()` themselves are not reported. When
    /// Flask-WTF's `CSRFProtect` is initialised too, a disabled SeaSurf is reported with
    /// low severity. Settings in development and testing configuration are not reported.
    ///
    /// ## References
    /// - [Flask-SeaSurf documentation](https://flask-seasurf.readthedocs.io/en/latest/)
    /// - [Flask-SeaSurf source: configuration keys](https://github.com/maxcountryman/flask-seasurf/blob/main/flask_seasurf.py)
    /// - [OWASP: Cross-Site Request Forgery Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG236",
        name: "seasurf-misconfigured",
        summary: "Flask-SeaSurf CSRF protection disabled or weakened",
        severity: High,
        confidence: High,
        cwe: [352, 614],
        owasp: "A01",
        remediation: "Keep SeaSurf enabled with CSRF_COOKIE_SECURE = True and the referer check on; do not exempt cookie-authenticated views.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn literal_truthy(v: &Value) -> Option<bool> {
    effective_literal(v).and_then(Value::truthy)
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    let Some(seasurf) = ctx.model.extensions_of(ExtKind::SeaSurf).next() else {
        return;
    };
    let credentials = Credentials::new(ctx);
    let wtf_active = ctx
        .model
        .extensions_of(ExtKind::CsrfProtect)
        .any(|e| e.attached)
        && !deployed_settings(ctx, "WTF_CSRF_ENABLED")
            .iter()
            .any(|s| literal_truthy(&s.value) == Some(false));

    for s in deployed_settings(ctx, "CSRF_DISABLE") {
        if literal_truthy(&s.value) != Some(true) {
            continue;
        }
        if wtf_active {
            out.report(
                s.target,
                "`CSRF_DISABLE` turns Flask-SeaSurf's CSRF check off (Flask-WTF's CSRFProtect is initialised too)",
            )
            .severity(Severity::Low);
        } else {
            out.report(
                s.target,
                "`CSRF_DISABLE` turns Flask-SeaSurf's CSRF check off for every view",
            );
        }
    }
    for s in deployed_settings(ctx, "CSRF_CHECK_REFERER") {
        if literal_truthy(&s.value) == Some(false) {
            out.report(
                s.target,
                "`CSRF_CHECK_REFERER` is set to a false value: Flask-SeaSurf no longer checks the `Referer` of HTTPS requests",
            )
            .severity(Severity::Medium);
        }
    }
    for s in deployed_settings(ctx, "SEASURF_INCLUDE_OR_EXEMPT_VIEWS") {
        if effective_literal(&s.value).and_then(Value::as_str) == Some("include") {
            out.report(
                s.target,
                "`SEASURF_INCLUDE_OR_EXEMPT_VIEWS = \"include\"`: Flask-SeaSurf checks only views marked `@csrf.include`",
            );
        }
    }

    let secure = deployed_settings(ctx, "CSRF_COOKIE_SECURE");
    for s in &secure {
        if literal_truthy(&s.value) == Some(false) {
            out.report(
                s.target,
                "`CSRF_COOKIE_SECURE` is set to a false value: Flask-SeaSurf's token cookie is sent over plain HTTP",
            )
            .severity(Severity::Low);
        }
    }
    if secure.is_empty() {
        out.report(
            Target::Module(seasurf.module, seasurf.span),
            "`CSRF_COOKIE_SECURE` is not set: Flask-SeaSurf's token cookie is not `Secure` by default and is sent over plain HTTP",
        )
        .severity(Severity::Low);
    }

    for ex in exemptions(ctx, "flask_seasurf.SeaSurf()") {
        let exposed = ex.routes.iter().find_map(|r| {
            // `csrf.validate()` called by the view itself checks the token.
            if !r.is_state_changing() || view_calls(ctx, r, "flask_seasurf.SeaSurf().validate") {
                return None;
            }
            match credentials.route(ctx, r) {
                Credential::Ambient(how) => Some((r, how)),
                _ => None,
            }
        });
        let Some((r, how)) = exposed else { continue };
        let label = r.label();
        out.at(
            ex.module,
            ex.span,
            format!("`flask_seasurf.SeaSurf().exempt` removes the CSRF check from `{label}`, which relies on {how}"),
        )
        .route(label)
        .severity(Severity::Medium);
    }

    for c in ctx.index.calls_to("flask_seasurf.SeaSurf().exempt_urls") {
        let Some(arg) = c.call.args.first() else {
            continue;
        };
        let prefixes = ctx.index.eval(c.module, c.scope, arg);
        let prefixes = prefixes.strings();
        let exposed = ctx.model.routes.iter().find_map(|r| {
            if !r.is_state_changing() || !prefixes.iter().any(|p| r.rule.starts_with(p)) {
                return None;
            }
            match credentials.route(ctx, r) {
                Credential::Ambient(how) => Some((r, how)),
                _ => None,
            }
        });
        let Some((r, how)) = exposed else { continue };
        let label = r.label();
        out.at(
            c.module,
            c.expr.span,
            format!("`flask_seasurf.SeaSurf().exempt_urls` removes the CSRF check from `{label}`, which relies on {how}"),
        )
        .route(label)
        .severity(Severity::Medium);
    }
}
