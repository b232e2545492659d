use flaskguard_flask::{DecoratorKind, Route};
use flaskguard_index::ir::{ExprKind, walk_body_exprs};

use super::{Credential, Credentials, exemptions, logs_out, route_functions, view_calls};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for Flask-WTF `@csrf.exempt` (or `csrf.exempt(view_or_blueprint)`) on
    /// state-changing views (POST, PUT, PATCH, DELETE) whose callers are identified by
    /// credentials the browser sends by itself: the session cookie or HTTP Basic auth.
    ///
    /// ## Why is this bad?
    /// An exempted view accepts requests without a CSRF token. Any page the user visits
    /// can submit a form to it, and the browser attaches the user's session cookie: the
    /// request runs as the user.
    ///
    /// ## Example
    /// ```python
    /// @bp.route("/feedback", methods=["POST"])
    /// @csrf.exempt
    /// def feedback():
    ///     save_feedback(current_user, request.form["message"])
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// @bp.route("/feedback", methods=["POST"])
    /// def feedback():
    ///     save_feedback(current_user, request.form["message"])
    /// ```
    ///
    /// and send the token from JavaScript in the `X-CSRFToken` header.
    ///
    /// ## Known problems
    /// Views that authenticate with header tokens only (`HTTPTokenAuth`, Flask-JWT-Extended
    /// with header tokens) and views that use no session at all (webhooks verified by a
    /// signature) are not reported: they are not exposed to CSRF. Nor are exempted views
    /// that call `csrf.protect()` themselves, or that validate a form whose `csrf_token`
    /// field they read (`form.csrf_token`, then `form.validate()`: Flask-WTF's form checks
    /// the token itself). A project decorator is classified by what it
    /// reads (the session or a request header). An exempted logout view (it calls
    /// `logout_user()` or `session.clear()`) is reported as low: a forged request only
    /// signs the user out; so is one that serves only visitors who are not signed in
    /// (Flask-Security's `@anonymous_user_required`, a password-reset request form).
    ///
    /// ## References
    /// - [Flask-WTF: Exclude views from protection](https://flask-wtf.readthedocs.io/en/stable/csrf/#exclude-views-from-protection)
    /// - [OWASP: Cross-Site Request Forgery Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG234",
        name: "csrf-exempt-view",
        summary: "State-changing view exempted from Flask-WTF CSRF protection",
        severity: High,
        confidence: Medium,
        cwe: [352],
        owasp: "A01",
        remediation: "Remove the exemption; have API clients send the token in the X-CSRFToken header.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    let credentials = Credentials::new(ctx);
    for ex in exemptions(ctx, "flask_wtf.CSRFProtect()") {
        let exposed: Vec<_> = ex
            .routes
            .iter()
            .filter(|r| r.is_state_changing())
            // `csrf.protect()` called by the view itself checks the token.
            .filter(|r| !view_calls(ctx, r, "flask_wtf.CSRFProtect().protect"))
            // So does a form the view validates that carries the token field.
            .filter(|r| !validates_token_form(ctx, r))
            .filter_map(|r| match credentials.route(ctx, r) {
                Credential::Ambient(how) => Some((r, how)),
                _ => None,
            })
            .collect();
        let Some((first, how)) = exposed.first() else {
            continue;
        };
        let label = first.label();
        let more = match exposed.len() {
            1 => String::new(),
            n => format!(
                " and {} more state-changing route{}",
                n - 1,
                if n == 2 { "" } else { "s" }
            ),
        };
        let finding = out
            .at(
                ex.module,
                ex.span,
                format!(
                    "`flask_wtf.CSRFProtect().exempt` removes the CSRF check from `{label}`{more}, which relies on {how}"
                ),
            )
            .route(label);
        // An exempt logout: a forged request only signs the user out (a nuisance, not a
        // takeover), as for a GET logout (FG237). A view that serves only visitors who are
        // not signed in has no session of the victim's to ride.
        if exposed.iter().all(|(r, _)| {
            r.has(DecoratorKind::AnonymousOnly)
                || route_functions(ctx, r)
                    .into_iter()
                    .any(|(m, f)| logs_out(ctx, m, f))
        }) {
            finding.severity(flaskguard_report::Severity::Low);
        }
    }
}

/// Whether the view validates a form whose token field it reads itself (`form.csrf_token`
/// and `form.validate()` / `form.validate_on_submit()` on the same name): a Flask-WTF form
/// checks its token in `validate`, exempt view or not.
fn validates_token_form(ctx: &Context<'_, '_>, route: &Route<'_>) -> bool {
    route_functions(ctx, route)
        .into_iter()
        .any(|(module, func)| {
            let body = &ctx.index.module(module).functions[func.0 as usize].body;
            let (mut token_of, mut validated) = (Vec::new(), Vec::new());
            walk_body_exprs(body, &mut |e| match &e.kind {
                ExprKind::Attribute { value, attr } if attr == "csrf_token" => {
                    if let Some(n) = value.as_name() {
                        token_of.push(n.to_string());
                    }
                }
                ExprKind::Call(call) => {
                    if let ExprKind::Attribute { value, attr } = &call.func.kind
                        && matches!(attr.as_str(), "validate" | "validate_on_submit")
                        && let Some(n) = value.as_name()
                    {
                        validated.push(n.to_string());
                    }
                }
                _ => {}
            });
            validated.iter().any(|n| token_of.contains(n))
        })
}
