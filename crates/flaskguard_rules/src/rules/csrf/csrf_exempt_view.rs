use super::{Credential, Credentials, exemptions, view_calls};
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
    /// that call `csrf.protect()` themselves. A project decorator is classified by what it
    /// reads (the session or a request header).
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
        out.at(
            ex.module,
            ex.span,
            format!(
                "`flask_wtf.CSRFProtect().exempt` removes the CSRF check from `{label}`{more}, which relies on {how}"
            ),
        )
        .route(label);
    }
}
