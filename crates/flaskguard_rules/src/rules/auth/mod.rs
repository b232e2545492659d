//! Authentication: Flask-HTTPAuth callbacks, password hashing, views left without
//! authentication, Flask-Login remember-me cookies, Flask-JWT-Extended and PyJWT tokens,
//! and rate limits on the endpoints that guess credentials.

mod flask_login_remember_cookie_insecure;
mod httpauth_callback_accepts_any_credentials;
mod insecure_jwt_secret_key;
mod jwt_algorithms_unsafe;
mod jwt_cookie_not_secure;
mod jwt_signature_not_verified;
mod jwt_token_expiry_long;
mod jwt_token_in_query_string;
mod login_endpoint_without_rate_limit;
mod plaintext_password_comparison;
mod rate_limit_key_from_forwarded_header;
mod route_missing_auth;
mod weak_password_hash_method;

use flaskguard_flask::{ConfigOrigin, ConfigSetting, FlaskModel, Profile};
use flaskguard_index::ir::{ExprKind, FuncIdx};
use flaskguard_index::{Index, ModuleId, Resolved, Span, Value};

use crate::reporter::Callback;
use crate::{Context, Rule};

pub(crate) static RULES: &[&Rule] = &[
    &httpauth_callback_accepts_any_credentials::RULE,
    &plaintext_password_comparison::RULE,
    &weak_password_hash_method::RULE,
    &route_missing_auth::RULE,
    &flask_login_remember_cookie_insecure::RULE,
    &jwt_token_expiry_long::RULE,
    &insecure_jwt_secret_key::RULE,
    &jwt_cookie_not_secure::RULE,
    &jwt_token_in_query_string::RULE,
    &jwt_algorithms_unsafe::RULE,
    &jwt_signature_not_verified::RULE,
    &login_endpoint_without_rate_limit::RULE,
    &rate_limit_key_from_forwarded_header::RULE,
];

pub(super) use crate::helpers::words;

/// A URL rule without its converters (`/reset/<token>` → `/reset/`): converter and
/// variable names are not part of the path.
pub(super) fn strip_converters(rule: &str) -> String {
    flaskguard_report::surface::UrlRule::parse(rule).static_text()
}

/// The settings of `key` that a deployed application runs with. A production config
/// class overrides the shared base class, so when one sets `key` the base class's value
/// is not what production runs with; settings in development and test configurations
/// never count.
pub(super) fn deployed_settings<'m, 'a>(
    model: &'m FlaskModel<'a>,
    key: &str,
) -> Vec<&'m ConfigSetting<'a>> {
    let all: Vec<&ConfigSetting<'a>> = model.production_settings(key).collect();
    let production_class = all.iter().any(|s| {
        s.profile == Profile::Production && matches!(s.origin, ConfigOrigin::ClassAttribute { .. })
    });
    all.into_iter()
        .filter(|s| {
            !(production_class
                && s.profile == Profile::Unknown
                && matches!(
                    s.origin,
                    ConfigOrigin::ClassAttribute { .. } | ConfigOrigin::ModuleAttribute
                ))
        })
        .collect()
}

/// Whether the configuration is also read from somewhere flaskguard cannot see (an
/// environment variable naming a file, `FLASK_*` variables, a JSON/TOML file): a key
/// that is never set in the source may be set there.
pub(super) fn config_loaded_externally(ctx: &Context<'_, '_>) -> bool {
    ctx.index
        .calls_to_any(EXTERNAL_CONFIG_LOADERS)
        .next()
        .is_some()
}

/// Config loaders that read settings from an environment variable or a data file.
const EXTERNAL_CONFIG_LOADERS: &[&str] = &[
    "flask.Flask().config.from_envvar",
    "flask.Flask().config.from_prefixed_env",
    "flask.Flask().config.from_file",
    "flask.current_app.config.from_envvar",
    "flask.current_app.config.from_prefixed_env",
    "flask.current_app.config.from_file",
];

/// The known value of a setting: its literal (or known call, like `timedelta(...)`), or
/// the literal fallback of an environment lookup. `None` when the deployment decides.
pub(super) fn known_value<'s>(s: &'s ConfigSetting<'_>) -> Option<&'s Value> {
    crate::helpers::effective_literal(&s.value)
}

/// Whether `qual` is the canonical name of a Flask-HTTPAuth object's method, e.g.
/// `flask_httpauth.HTTPBasicAuth().verify_password`; returns the auth class.
fn httpauth_method<'q>(qual: &'q str, methods: &[&str]) -> Option<&'q str> {
    let rest = qual.strip_prefix("flask_httpauth.")?;
    let (class, method) = rest.rsplit_once("().")?;
    if methods.contains(&method) && !class.contains('.') {
        Some(class)
    } else {
        None
    }
}

/// Every function registered as one of the Flask-HTTPAuth callbacks `methods`, either as
/// a decorator (`@auth.verify_password`) or by a call (`auth.verify_password(func)`).
pub(super) fn httpauth_callbacks<'a>(ctx: &Context<'_, 'a>, methods: &[&str]) -> Vec<Callback<'a>> {
    debug_assert!(methods.iter().all(|m| HTTPAUTH_CALLBACKS.contains(m)));
    ctx.httpauth
        .get_or_init(|| all_httpauth_callbacks(ctx.index, HTTPAUTH_CALLBACKS))
        .iter()
        .filter(|cb| methods.contains(&cb.method.as_str()))
        .cloned()
        .collect()
}

/// JWT decoders: the third argument (or `algorithms=`) lists the accepted algorithms, and
/// `options={"verify_signature": False}` or `verify=False` turns the signature check off.
pub(super) const JWT_DECODERS: &[&str] = &[
    "jwt.decode",
    "jwt.decode_complete",
    "jwt.PyJWT().decode",
    "jwt.PyJWT().decode_complete",
    "jwt.PyJWS().decode",
    "jwt.PyJWS().decode_complete",
    "jose.jwt.decode",
    "jose.jws.verify",
];

/// The Flask-HTTPAuth callback registrations the rules read.
const HTTPAUTH_CALLBACKS: &[&str] = &[
    "verify_password",
    "verify_token",
    "hash_password",
    "get_password",
];

fn all_httpauth_callbacks<'a>(index: &Index<'a>, methods: &[&str]) -> Vec<Callback<'a>> {
    let mut out = Vec::new();
    let mut push = |module: ModuleId, func: FuncIdx, r: &Resolved, span: Span| {
        let Some(class) = httpauth_method(&r.qual, methods) else {
            return;
        };
        let def = &index.module(module).functions[func.0 as usize];
        let source = &index.module(module).source;
        out.push(Callback {
            module,
            func,
            def,
            class: class.to_string(),
            method: r.qual.rsplit('.').next().unwrap_or("").to_string(),
            auth: r.site,
            registration: source.slice(span).to_string(),
        });
    };
    for m in index.modules {
        for (i, f) in m.functions.iter().enumerate() {
            for d in &f.decorators {
                // Only `@<auth>.<method>` (or a name bound to it) can resolve to a callback
                // registration: anything else is not resolved at all.
                let candidate = match &d.kind {
                    ExprKind::Attribute { attr, .. } => methods.contains(&attr.as_str()),
                    ExprKind::Name(_) => true,
                    _ => false,
                };
                if candidate && let Some(r) = index.resolve(m.id, f.parent, d) {
                    push(m.id, FuncIdx(i as u32), &r, d.span);
                }
            }
        }
    }
    for c in index.calls_where(|q| httpauth_method(q, methods).is_some()) {
        let Some(callee) = &c.callee else { continue };
        let Some(arg) = c.call.args.first() else {
            continue;
        };
        let Some((m, f)) = index
            .resolve(c.module, c.scope, arg)
            .and_then(|r| index.project_function(&r.qual))
        else {
            continue;
        };
        if m == c.module {
            push(m, f, callee, c.call.func.span);
        }
    }
    out
}

/// The constructor call of an object created at `site`.
pub(super) fn call_at<'i, 'a>(
    index: &'i Index<'a>,
    site: flaskguard_index::Site,
) -> Option<&'i flaskguard_index::semantic::CallSite<'a>> {
    index.semantic[site.module.0 as usize]
        .calls
        .iter()
        .find(|c| c.expr.span == site.span)
}

#[cfg(test)]
mod tests {
    use super::words;

    #[test]
    fn splits_identifiers_and_rules() {
        assert_eq!(words("verifyPassword"), ["verify", "password"]);
        assert_eq!(words("/auth/sign-in"), ["auth", "sign", "in"]);
        assert_eq!(words("JWT_SECRET_KEY"), ["jwt", "secret", "key"]);
        assert_eq!(words("HTTPBasicAuth"), ["http", "basic", "auth"]);
        assert_eq!(
            words("/users/<int:user_id>"),
            ["users", "int", "user", "id"]
        );
    }
}
