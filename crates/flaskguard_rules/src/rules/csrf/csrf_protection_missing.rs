use flaskguard_flask::DecoratorKind;

use super::{
    Credential, Credentials, CsrfCoverage, hook_checks_csrf_token, route_apps,
    token_checking_owners, validates_flask_form,
};
use crate::{Context, Reporter, Target, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for state-changing routes (POST, PUT, PATCH, DELETE) authenticated by
    /// browser-held credentials (the session cookie, Flask-Login, HTTP Basic auth) on a
    /// Flask app for which neither Flask-WTF's `CSRFProtect` nor Flask-SeaSurf is
    /// initialised, and whose view does not validate a `FlaskForm`. A `before_request`
    /// hook of the route's blueprint or app that checks a token the client sends in a
    /// cookie, header or form field named for CSRF/XSRF (the project's own double-submit
    /// check, in the hook or the functions it calls) counts as protection.
    ///
    /// ## Why is this bad?
    /// Flask itself has no CSRF defence. Without a token check, any page the user visits
    /// can submit a form to the route, and the browser attaches the user's cookies (and
    /// cached Basic credentials): the request runs with the user's rights.
    ///
    /// CSRF protection is per app: `CSRFProtect(app)` or `csrf.init_app(app)` protects
    /// that app only. A second `Flask(...)` object (an admin console mounted with
    /// `DispatcherMiddleware`) needs its own.
    ///
    /// ## Example
    /// ```python
    /// admin_app = Flask(__name__)
    ///
    /// @admin_app.route("/users/<int:id>/delete", methods=["POST"])
    /// @login_required
    /// def delete_user(id): ...
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// from flask_wtf.csrf import CSRFProtect
    ///
    /// admin_app = Flask(__name__)
    /// CSRFProtect(admin_app)
    /// ```
    ///
    /// ## Known problems
    /// Routes authenticated only by header tokens (Flask-JWT-Extended with header tokens,
    /// `HTTPTokenAuth`) and routes that use no credentials are not reported: a forged
    /// request carries nothing that identifies the user. Flask-JWT-Extended cookies come
    /// with their own CSRF check (double submit) and are not reported either, unless
    /// `JWT_COOKIE_CSRF_PROTECT = False` turns it off. Routes whose app cannot be
    /// determined (several apps, blueprints registered dynamically, Flask-RESTful
    /// resources) are not reported. A login view, which writes the session rather than
    /// relying on it, is reported too: a forged login (login CSRF) signs the victim into
    /// the attacker's account.
    ///
    /// ## References
    /// - [Flask-WTF: CSRF Protection](https://flask-wtf.readthedocs.io/en/stable/csrf/)
    /// - [Flask-SeaSurf](https://flask-seasurf.readthedocs.io/en/latest/)
    /// - [OWASP: Cross-Site Request Forgery Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG235",
        name: "csrf-protection-missing",
        summary: "State-changing route with cookie authentication and no CSRF protection",
        severity: High,
        confidence: Medium,
        cwe: [352],
        owasp: "A01",
        remediation: "Initialise CSRFProtect (or SeaSurf) for every Flask app that serves cookie-authenticated forms.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    let credentials = Credentials::new(ctx);
    let coverage = CsrfCoverage::build(ctx);
    let token_checked = token_checking_owners(ctx);
    for r in &ctx.model.routes {
        // Exempted views are FG234's and FG236's.
        if !r.is_state_changing()
            || r.has(DecoratorKind::CsrfExempt)
            || ctx.model.is_test_code(r.module)
        {
            continue;
        }
        let Some(apps) = route_apps(ctx, r) else {
            continue;
        };
        let Some(app) = apps.into_iter().find(|a| !coverage.protects(*a)) else {
            continue;
        };
        let Credential::Ambient(how) = credentials.route(ctx, r) else {
            continue;
        };
        if validates_flask_form(ctx, r) || hook_checks_csrf_token(ctx, r, &token_checked) {
            continue;
        }
        let app_line = ctx
            .index
            .module(app.module)
            .source
            .line_col(app.span.start)
            .line;
        let app_name = &ctx.index.module(app.module).name;
        let label = r.label();
        out.at(
            r.module,
            r.span,
            format!(
                "`{label}` changes state with {how}, but no CSRFProtect or SeaSurf is initialised for its app (`Flask(...)` in `{app_name}`, line {app_line})"
            ),
        )
        .route(label)
        .step(Target::Module(app.module, app.span), "the app without CSRF protection");
    }
}
