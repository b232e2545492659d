use flaskguard_flask::{DecoratorKind, Owner, Route};
use flaskguard_index::Value;
use flaskguard_index::ir::{ExprKind, ScopeRef, walk_body_exprs};

use super::{strip_converters, words};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for a view without an authentication decorator (`@login_required`,
    /// `@jwt_required()`, `@auth.login_required`, …) in a blueprint (or app, or
    /// Flask-RESTful API) whose other views mostly have one — at least two, and at least
    /// twice as many protected views as unprotected ones.
    ///
    /// Blueprints guarded by a `before_request` hook, views that check the user
    /// themselves (`current_user.is_authenticated`, `verify_jwt_in_request()`,
    /// `abort(401)`), and views that are public by nature (login, registration, logout,
    /// password reset, health checks, the index, static files, OAuth callbacks, webhooks)
    /// are not reported.
    ///
    /// ## Why is this bad?
    /// Access control in Flask is opt-in per view. When nearly every view of a blueprint
    /// requires a login, the one that does not is usually a forgotten decorator — and it
    /// serves its data to anyone.
    ///
    /// ## Example
    /// ```python
    /// @api.route("/notes")
    /// @login_required
    /// def list_notes(): ...
    ///
    /// @api.route("/users/<int:user_id>/notes")
    /// def user_notes(user_id): ...
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// @api.route("/users/<int:user_id>/notes")
    /// @login_required
    /// def user_notes(user_id): ...
    /// ```
    ///
    /// Or require a login for the whole blueprint in a `before_request` hook.
    ///
    /// ## Known problems
    /// Views that are meant to be public but are not named like a public endpoint are
    /// reported; suppress them with a comment that says why they are public.
    ///
    /// ## References
    /// - [Flask-Login: Protecting Views](https://flask-login.readthedocs.io/en/latest/#protecting-views)
    /// - [Flask: Blueprints — before_request](https://flask.palletsprojects.com/en/stable/api/#flask.Blueprint.before_request)
    /// - [OWASP: Authorization Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Authorization_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG250",
        name: "route-missing-auth",
        summary: "View without authentication among protected sibling views",
        severity: High,
        confidence: Medium,
        cwe: [862],
        owasp: "A01",
        remediation: "Add the authentication decorator the sibling views use, or require it blueprint-wide in a before_request hook.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    let model = ctx.model;
    let mut owners: Vec<Owner> = Vec::new();
    for r in &model.routes {
        if r.owner != Owner::Unknown && !owners.contains(&r.owner) {
            owners.push(r.owner);
        }
    }
    for owner in owners {
        if model.hooks.iter().any(|h| h.guards && h.owner == owner) {
            continue;
        }
        let routes: Vec<&Route<'_>> = model
            .routes
            .iter()
            .filter(|r| r.owner == owner && !is_public(r) && !guarded_app_wide(ctx, r))
            .collect();
        let (protected, unprotected): (Vec<&Route<'_>>, Vec<&Route<'_>>) = routes
            .into_iter()
            .partition(|r| r.has(DecoratorKind::Auth) || checks_auth_itself(ctx, r));
        if protected.len() < 2 || protected.len() < 2 * unprotected.len() {
            continue;
        }
        let mut labels: Vec<&str> = protected
            .iter()
            .flat_map(|r| &r.decorators)
            .filter(|d| d.kind == DecoratorKind::Auth)
            .map(|d| d.label.as_str())
            .collect();
        labels.sort_unstable();
        labels.dedup();
        let labels = labels
            .iter()
            .map(|l| format!("`{l}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let owner_name = match owner {
            Owner::Blueprint(site) => model
                .blueprints
                .iter()
                .find(|b| b.site == site)
                .map_or("this blueprint".to_string(), |b| {
                    format!("blueprint `{}`", b.name)
                }),
            Owner::App(_) => "this app".to_string(),
            Owner::Api(_) | Owner::Unknown => "this API".to_string(),
        };
        let total = protected.len() + unprotected.len() - 1;
        let share = if protected.len() == total {
            format!("all {total}")
        } else {
            format!("{} of the {total}", protected.len())
        };
        for r in unprotected {
            let label = r.label();
            out.at(
                r.module,
                r.span,
                format!(
                    "`{label}` (`{}`) requires no authentication, while {share} other views of {owner_name} do ({labels})",
                    r.endpoint,
                ),
            )
            .route(label);
        }
    }
}

/// Endpoints that are public by nature, by the words of their rule or endpoint name.
fn is_public(r: &Route<'_>) -> bool {
    let rule = strip_converters(&r.rule);
    if rule.trim_matches('/').is_empty() {
        return true;
    }
    let mut ws = words(&rule);
    ws.extend(words(&r.endpoint));
    let single = ws.iter().any(|w| {
        matches!(
            w.as_str(),
            "login"
                | "logout"
                | "signin"
                | "signout"
                | "signup"
                | "logon"
                | "logoff"
                | "register"
                | "registration"
                | "reset"
                | "forgot"
                | "recover"
                | "recovery"
                | "health"
                | "healthz"
                | "healthcheck"
                | "livez"
                | "readyz"
                | "liveness"
                | "readiness"
                | "ping"
                | "status"
                | "static"
                | "index"
                | "home"
                | "favicon"
                | "robots"
                | "sitemap"
                | "callback"
                | "oauth"
                | "oauth2"
                | "authorize"
                | "sso"
                | "confirm"
                | "verify"
                | "activate"
                | "unsubscribe"
                | "public"
                | "webhook"
                | "webhooks"
                | "docs"
                | "openapi"
                | "swagger"
        )
    });
    let pair = ws.windows(2).any(|p| {
        matches!(
            (p[0].as_str(), p[1].as_str()),
            ("sign" | "log", "in" | "out" | "up")
        )
    });
    // `POST /token`: exchanging credentials for a token is public.
    let token_endpoint =
        ws.iter().any(|w| w == "token" || w == "tokens") && r.methods.iter().all(|m| m == "POST");
    single || pair || token_endpoint
}

/// Covered by a guarding `before_request` of the app, or an app-wide hook of a blueprint.
fn guarded_app_wide(ctx: &Context<'_, '_>, r: &Route<'_>) -> bool {
    ctx.model
        .hooks
        .iter()
        .filter(|h| h.guards)
        .any(|h| match h.owner {
            Owner::App(site) => r.apps.contains(&site),
            Owner::Blueprint(site) if h.kind == "before_app_request" => ctx
                .model
                .blueprints
                .iter()
                .find(|b| b.site == site)
                .is_none_or(|b| b.apps.is_empty() || b.apps.iter().any(|a| r.apps.contains(a))),
            _ => false,
        })
}

/// The view checks the user itself: `current_user.is_authenticated`,
/// `verify_jwt_in_request()`, `login_manager.unauthorized()`, `abort(401)`.
fn checks_auth_itself(ctx: &Context<'_, '_>, r: &Route<'_>) -> bool {
    let Some((module, func)) = r.handler else {
        return false;
    };
    let def = &ctx.index.module(module).functions[func.0 as usize];
    let scope = ScopeRef::Function(func);
    let mut found = false;
    walk_body_exprs(&def.body, &mut |e| {
        if found {
            return;
        }
        match &e.kind {
            ExprKind::Attribute { attr, .. }
                if matches!(attr.as_str(), "is_authenticated" | "is_anonymous") =>
            {
                found = ctx
                    .index
                    .resolve(module, scope, e)
                    .is_some_and(|q| q.qual.starts_with("flask_login."));
            }
            ExprKind::Call(call) => {
                let Some(q) = ctx.index.resolve(module, scope, &call.func) else {
                    return;
                };
                found = match q.qual.as_str() {
                    "flask_jwt_extended.verify_jwt_in_request" => true,
                    "flask.abort" => call.args.first().is_some_and(|a| {
                        matches!(ctx.index.eval(module, scope, a), Value::Int(401 | 403))
                    }),
                    q => q.starts_with("flask_login.") && q.ends_with(".unauthorized"),
                };
            }
            _ => {}
        }
    });
    found
}
