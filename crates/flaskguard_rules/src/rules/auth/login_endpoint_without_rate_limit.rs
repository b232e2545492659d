use flaskguard_flask::{DecoratorKind, ExtKind, Owner, Route};
use flaskguard_index::{Site, Value};

use super::{deployed_settings, known_value, strip_converters, words};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks that the endpoints that verify credentials or secrets — `POST` views whose
    /// rule or endpoint name mentions login, sign-in, auth, token, password, reset, OTP or
    /// verification, and whose body (or a project function it calls, two calls deep)
    /// checks a password hash, a one-time code, compares secrets in constant time or logs
    /// the user in — are rate limited: reports them when Flask-Limiter is not used at
    /// all (or `RATELIMIT_ENABLED` is false), when the `Limiter` has no
    /// `default_limits`/`application_limits` and the view has no `@limiter.limit`, and
    /// when the view (or its blueprint) is `@limiter.exempt`.
    ///
    /// ## Why is this bad?
    /// Without a limit, an attacker can try passwords, reset tokens or one-time codes as
    /// fast as the server answers: credential stuffing against the login form, or a
    /// six-digit code guessed in minutes.
    ///
    /// ## Example
    /// ```python
    /// @auth.route("/login", methods=["GET", "POST"])
    /// @limiter.exempt
    /// def login(): ...
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// @auth.route("/login", methods=["GET", "POST"])
    /// @limiter.limit("5/minute", methods=["POST"])
    /// def login(): ...
    /// ```
    ///
    /// ## Known problems
    /// Rate limiting done elsewhere (a reverse proxy, a WAF) is not visible in the source;
    /// suppress the finding with a comment naming it.
    ///
    /// ## References
    /// - [Flask-Limiter: Rate limit decorators](https://flask-limiter.readthedocs.io/en/stable/recipes.html)
    /// - [Flask-Limiter: Configuration](https://flask-limiter.readthedocs.io/en/stable/configuration.html)
    /// - [OWASP: Authentication Cheat Sheet — Login Throttling](https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html#login-throttling)
    pub(crate) static RULE = {
        code: "FG265",
        name: "login-endpoint-without-rate-limit",
        summary: "Login, password-reset or token endpoint without a rate limit",
        severity: Medium,
        confidence: Medium,
        cwe: [307],
        owasp: "A07",
        remediation: "Rate limit the endpoint with @limiter.limit(\"5/minute\") (and keep it out of @limiter.exempt).",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

/// What a Flask-Limiter call applied to a blueprint does to its routes.
#[derive(Clone, Copy)]
enum BlueprintLimit {
    /// `limiter.limit("…")(blueprint)`, `limiter.shared_limit(…)(blueprint)`.
    Limited,
    /// `limiter.exempt(blueprint)`.
    Exempt,
}

fn blueprint_limit(qual: &str) -> Option<BlueprintLimit> {
    match qual {
        "flask_limiter.Limiter().limit()" | "flask_limiter.Limiter().shared_limit()" => {
            Some(BlueprintLimit::Limited)
        }
        "flask_limiter.Limiter().exempt" => Some(BlueprintLimit::Exempt),
        _ => None,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    let index = ctx.index;
    let model = ctx.model;
    let disabled = deployed_settings(model, "RATELIMIT_ENABLED")
        .iter()
        .any(|s| known_value(s).and_then(Value::truthy) == Some(false));
    let limiters: Vec<_> = model.extensions_of(ExtKind::Limiter).collect();
    let defaults = limiters.iter().any(|l| {
        ["default_limits", "application_limits"].iter().any(|k| {
            l.arg(index, k)
                .is_some_and(|a| a.value.truthy() != Some(false))
        })
    }) || ["RATELIMIT_DEFAULT", "RATELIMIT_APPLICATION"]
        .iter()
        .any(|k| {
            model
                .production_settings(k)
                .any(|s| s.value.truthy() != Some(false))
        });
    // `limiter.limit("…")(blueprint)` and `limiter.exempt(blueprint)`.
    let mut limited_blueprints: Vec<Site> = Vec::new();
    let mut exempt_blueprints: Vec<Site> = Vec::new();
    for c in index.calls_where(|q| blueprint_limit(q).is_some()) {
        let Some(callee) = &c.callee else { continue };
        let list = match blueprint_limit(&callee.qual) {
            Some(BlueprintLimit::Limited) => &mut limited_blueprints,
            Some(BlueprintLimit::Exempt) => &mut exempt_blueprints,
            None => continue,
        };
        if let Some(site) = c
            .call
            .args
            .first()
            .and_then(|a| index.resolve(c.module, c.scope, a))
            .filter(|r| r.qual == "flask.Blueprint()")
            .and_then(|r| r.site)
        {
            list.push(site);
        }
    }

    for r in &model.routes {
        if !r.methods.iter().any(|m| m == "POST")
            || !guesses_secrets(r)
            || !verifies_credential(ctx, r)
        {
            continue;
        }
        let label = r.label();
        if let Some(d) = r
            .decorators
            .iter()
            .find(|d| d.kind == DecoratorKind::RateLimitExempt)
        {
            // Decorators are written where the view function is defined.
            let module = r
                .handler
                .map(|(m, _)| m)
                .or(r.view_class.map(|(m, _)| m))
                .unwrap_or(r.module);
            let written = index.module(module).source.slice(d.span);
            out.at(
                module,
                d.span,
                format!("`{label}` checks credentials or secrets but is exempt from rate limiting (`@{written}`)"),
            )
            .route(label);
            continue;
        }
        if r.has(DecoratorKind::RateLimit) {
            continue;
        }
        let blueprint = match r.owner {
            Owner::Blueprint(site) => Some(site),
            _ => None,
        };
        if blueprint.is_some_and(|b| limited_blueprints.contains(&b)) {
            continue;
        }
        let why = if blueprint.is_some_and(|b| exempt_blueprints.contains(&b)) {
            "its blueprint is exempt from rate limiting"
        } else if limiters.is_empty() {
            "the app has no rate limiting at all (Flask-Limiter is not used)"
        } else if disabled {
            "`RATELIMIT_ENABLED` is false"
        } else if !defaults {
            "it has no `@limiter.limit` and the `Limiter` sets no `default_limits`"
        } else {
            continue;
        };
        out.at(
            r.module,
            r.span,
            format!("`{label}` checks credentials or secrets without a rate limit: {why}"),
        )
        .route(label);
    }
}

/// Whether the view compares something the client sent with a secret: a password hash
/// check, a constant-time comparison, a one-time code, in its body or in the project
/// functions it calls (two calls deep). A view that only sends a reset mail, revokes a
/// token or checks a signed link has nothing to guess.
fn verifies_credential(ctx: &Context<'_, '_>, r: &Route<'_>) -> bool {
    let index = ctx.index;
    let mut functions: Vec<(flaskguard_index::ModuleId, flaskguard_index::ir::FuncIdx)> =
        r.handler.into_iter().collect();
    if let Some((m, c)) = r.view_class {
        let class = &index.module(m).classes[c.0 as usize];
        for stmt in &class.body {
            if let flaskguard_index::ir::StmtKind::FunctionDef(f) = &stmt.kind {
                functions.push((m, *f));
            }
        }
    }
    // Views whose body the model does not know (a factory's `view_func`): by their name.
    if functions.is_empty() {
        return true;
    }
    crate::helpers::any_call_within(index, functions, 3, |c| {
        let qual = c.callee.as_ref().map_or("", |q| q.qual.as_str());
        let method = match &c.call.func.kind {
            flaskguard_index::ir::ExprKind::Attribute { attr, .. } => attr.as_str(),
            flaskguard_index::ir::ExprKind::Name(n) => n.as_str(),
            _ => "",
        };
        is_credential_check(qual, method)
    })
}

/// A call that checks a secret the client supplied.
fn is_credential_check(qual: &str, method: &str) -> bool {
    matches!(
        qual,
        "werkzeug.security.check_password_hash"
            | "bcrypt.checkpw"
            | "hmac.compare_digest"
            | "secrets.compare_digest"
            | "flask_login.login_user"
    ) || qual.ends_with(".verify")
        && (qual.starts_with("passlib.")
            || qual.starts_with("argon2.")
            || qual.starts_with("pyotp.")
            || qual.starts_with("flask_bcrypt."))
        || matches!(
            method,
            "check_password"
                | "check_password_hash"
                | "verify_password"
                | "checkpw"
                | "authenticate"
                | "login_user"
                | "verify_totp"
                | "verify_otp"
                | "validate_otp"
                | "check_otp"
                | "verify_code"
                | "check_code"
                | "compare_digest"
        )
}

/// Endpoints that check a password, token or code: login, password reset, token
/// issuance, one-time codes.
fn guesses_secrets(r: &Route<'_>) -> bool {
    let mut ws = words(&strip_converters(&r.rule));
    ws.extend(words(&r.endpoint));
    let logout = ws.iter().any(|w| w == "logout" || w == "signout")
        || ws
            .windows(2)
            .any(|p| matches!((p[0].as_str(), p[1].as_str()), ("log" | "sign", "out")));
    if logout {
        return false;
    }
    // `DELETE /sessions`, `POST /account/delete-sessions`: ending sessions guesses nothing.
    let ends_sessions = ws.iter().any(|w| {
        matches!(
            w.as_str(),
            "delete" | "remove" | "revoke" | "clear" | "end" | "destroy" | "invalidate" | "expire"
        )
    });
    ws.iter().any(|w| {
        if ends_sessions && matches!(w.as_str(), "session" | "sessions") {
            return false;
        }
        matches!(
            w.as_str(),
            "login"
                | "signin"
                | "logon"
                | "auth"
                | "authenticate"
                | "authentication"
                | "token"
                | "tokens"
                | "reset"
                | "password"
                | "passwd"
                | "forgot"
                | "otp"
                | "totp"
                | "mfa"
                | "2fa"
                | "verify"
                | "verification"
                | "session"
                | "sessions"
        )
    }) || ws
        .windows(2)
        .any(|p| matches!((p[0].as_str(), p[1].as_str()), ("log" | "sign", "in")))
}
