use flaskguard_index::ir::ScopeRef;
use flaskguard_index::{ModuleId, Value};
use flaskguard_report::Severity;

use super::{DeployedSetting, deployed_settings, route_functions};
use crate::helpers::effective_literal;
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for Flask-WTF CSRF settings weakened outside development and testing:
    /// `WTF_CSRF_CHECK_DEFAULT = False` while state-changing views do not call
    /// `csrf.protect()`, `WTF_CSRF_TIME_LIMIT = None`, and `WTF_CSRF_SSL_STRICT = False`.
    ///
    /// ## Why is this bad?
    /// - `WTF_CSRF_CHECK_DEFAULT = False` stops `CSRFProtect` from checking requests by
    ///   itself: only views that call `csrf.protect()` (or validate a `FlaskForm`) are
    ///   protected, and every other POST view is open to cross-site request forgery.
    /// - `WTF_CSRF_TIME_LIMIT = None` makes tokens valid for the whole life of the
    ///   session: a token that leaks (logs, referrers, cached pages) stays usable.
    /// - `WTF_CSRF_SSL_STRICT = False` drops the `Referer` check Flask-WTF performs on
    ///   HTTPS requests, a second line of defence when a token leaks.
    ///
    /// ## Example
    /// ```python
    /// class Config:
    ///     WTF_CSRF_TIME_LIMIT = None
    ///     WTF_CSRF_SSL_STRICT = False
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// class Config:
    ///     WTF_CSRF_TIME_LIMIT = 3600  # the default
    /// ```
    ///
    /// and keep `WTF_CSRF_CHECK_DEFAULT` and `WTF_CSRF_SSL_STRICT` at their defaults
    /// (`True`).
    ///
    /// ## Known problems
    /// `WTF_CSRF_CHECK_DEFAULT = False` is not reported when a `before_request` hook calls
    /// `csrf.protect()`, or when every state-changing view calls it directly; protection
    /// through a `FlaskForm` validated in the view is not taken into account.
    ///
    /// ## References
    /// - [Flask-WTF: Configuration](https://flask-wtf.readthedocs.io/en/stable/config/)
    /// - [Flask-WTF: CSRF Protection](https://flask-wtf.readthedocs.io/en/stable/csrf/)
    /// - [OWASP: Cross-Site Request Forgery Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG233",
        name: "csrf-protection-weakened",
        summary: "Flask-WTF CSRF protection weakened by configuration",
        severity: Medium,
        confidence: High,
        cwe: [352],
        owasp: "A01",
        remediation: "Keep WTF_CSRF_CHECK_DEFAULT and WTF_CSRF_SSL_STRICT True and WTF_CSRF_TIME_LIMIT bounded (default 3600 s).",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

/// The literal a setting takes when nothing overrides it.
fn literal(s: &DeployedSetting) -> Option<&Value> {
    effective_literal(&s.value)
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for s in deployed_settings(ctx, "WTF_CSRF_TIME_LIMIT") {
        if literal(&s) == Some(&Value::None) {
            out.report(
                s.target,
                "`WTF_CSRF_TIME_LIMIT = None`: Flask-WTF CSRF tokens never expire within a session",
            )
            .severity(Severity::Low);
        }
    }
    for s in deployed_settings(ctx, "WTF_CSRF_SSL_STRICT") {
        if literal(&s).and_then(Value::truthy) == Some(false) {
            out.report(
                s.target,
                "`WTF_CSRF_SSL_STRICT` is set to a false value: Flask-WTF no longer checks the `Referer` of HTTPS requests",
            )
            .severity(Severity::Low);
        }
    }
    let unprotected = unprotected_state_changing_views(ctx);
    if unprotected == 0 {
        return;
    }
    for s in deployed_settings(ctx, "WTF_CSRF_CHECK_DEFAULT") {
        if literal(&s).and_then(Value::truthy) == Some(false) {
            out.report(
                s.target,
                format!(
                    "`WTF_CSRF_CHECK_DEFAULT` is set to a false value: CSRFProtect checks only views that call `csrf.protect()`, and {unprotected} state-changing view{} do{} not",
                    if unprotected == 1 { "" } else { "s" },
                    if unprotected == 1 { "es" } else { "" },
                ),
            );
        }
    }
}

/// The number of state-changing views left unchecked when `WTF_CSRF_CHECK_DEFAULT` is
/// off: zero when a `before_request` hook calls `csrf.protect()`.
fn unprotected_state_changing_views(ctx: &Context<'_, '_>) -> usize {
    let protect_scopes: Vec<(ModuleId, ScopeRef)> = ctx
        .index
        .calls_to("flask_wtf.CSRFProtect().protect")
        .map(|c| (c.module, c.scope))
        .collect();
    let calls_protect = |(m, f): (ModuleId, flaskguard_index::ir::FuncIdx)| {
        protect_scopes.contains(&(m, ScopeRef::Function(f)))
    };
    if ctx
        .model
        .hooks
        .iter()
        .any(|h| h.handler.is_some_and(calls_protect))
    {
        return 0;
    }
    // Hooks registered as `@app.before_request` on a function calling `protect()` are in
    // `hooks`; a bare `app.before_request(csrf.protect)` is a call with the method itself.
    let registered_directly = ctx
        .index
        .calls_where(|q| q.ends_with(".before_request") || q.ends_with(".before_app_request"))
        .any(|c| {
            c.call.args.first().is_some_and(|a| {
                ctx.index
                    .resolve(c.module, c.scope, a)
                    .is_some_and(|r| r.qual == "flask_wtf.CSRFProtect().protect")
            })
        });
    if registered_directly {
        return 0;
    }
    ctx.model
        .routes
        .iter()
        .filter(|r| r.is_state_changing())
        .filter(|r| !route_functions(ctx, r).into_iter().any(calls_protect))
        .count()
}
