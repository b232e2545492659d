//! Response headers: Flask-CORS origins, Flask-Talisman's HTTPS, CSP and HSTS settings,
//! Flask-SSLify, and apps that set no security headers at all.

mod cors_allows_any_origin;
mod cors_credentials_with_broad_origin;
mod security_headers_missing;
mod sslify_used;
mod talisman_csp_weak;
mod talisman_hsts_weak;
mod talisman_https_not_forced;

use flaskguard_flask::ExtKind;
use flaskguard_index::ir::{Call, ExprKind, ScopeRef};
use flaskguard_index::{ModuleId, Span, Value};

use crate::helpers::effective_literal;
use crate::{Context, Rule};

pub(crate) static RULES: &[&Rule] = &[
    &cors_allows_any_origin::RULE,
    &cors_credentials_with_broad_origin::RULE,
    &security_headers_missing::RULE,
    &talisman_https_not_forced::RULE,
    &talisman_csp_weak::RULE,
    &talisman_hsts_weak::RULE,
    &sslify_used::RULE,
];

/// A Flask-Talisman option, wherever it was given: the constructor, `init_app`, an
/// attribute, or a per-view `@talisman(...)` decorator.
pub(super) struct TalismanOption {
    pub module: ModuleId,
    pub span: Span,
    pub value: Value,
    /// Given to a per-view `@talisman(...)` decorator.
    pub per_view: bool,
}

/// Every place the Talisman option `name` is set.
pub(super) fn talisman_options(ctx: &Context<'_, '_>, name: &str) -> Vec<TalismanOption> {
    let mut out = Vec::new();
    for ext in ctx.model.extensions_of(ExtKind::Talisman) {
        if let Some(arg) = ext.arg(ctx.index, name) {
            if ctx.model.is_test_code(arg.module) {
                continue;
            }
            out.push(TalismanOption {
                module: arg.module,
                span: arg.span,
                value: arg.value,
                per_view: false,
            });
        }
    }
    // `@talisman(force_https=False)`: calling the Talisman object.
    for c in ctx.index.calls_to("flask_talisman.Talisman()") {
        if ctx.model.is_test_code(c.module) {
            continue;
        }
        if let Some(e) = c.call.keyword(name) {
            out.push(TalismanOption {
                module: c.module,
                span: e.span,
                value: ctx.index.eval(c.module, c.scope, e),
                per_view: true,
            });
        }
    }
    out
}

/// How a CORS configuration treats request origins.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum OriginPolicy {
    /// Every origin (`*`, `.*`, the default).
    Any,
    /// An origin pattern that matches more than intended; the explanation.
    Broad(String),
    /// Explicit origins.
    Listed,
    Unknown,
}

/// Characters Flask-CORS takes as the sign of a regular expression
/// (`flask_cors.core._REGEX_HINT_CHARS`).
const REGEX_HINTS: &[char] = &['*', '\\', ']', '?', '$', '^', '[', '(', ')'];

/// Classifies one origin pattern the way Flask-CORS uses it: `*` means every origin;
/// a string with regex characters is compiled and matched with `re.match` (anchored at
/// the start only); anything else is compared literally.
fn classify_origin(origin: &str, regex: bool) -> OriginPolicy {
    if origin == "*" {
        return OriginPolicy::Any;
    }
    if !regex && !origin.contains(REGEX_HINTS) {
        if origin.eq_ignore_ascii_case("null") {
            return OriginPolicy::Broad(
                "`null` is the origin of sandboxed iframes and local files, which any site can produce"
                    .to_string(),
            );
        }
        return OriginPolicy::Listed;
    }
    let core = origin.trim_start_matches('^').trim_end_matches('$');
    let everything = [
        ".*",
        ".+",
        "https?://.*",
        "https?://.+",
        "https://.*",
        "https://.+",
        "http://.*",
        "(.*)",
    ];
    if everything.contains(&core) {
        return OriginPolicy::Any;
    }
    if !origin.ends_with('$') && !origin.ends_with("\\Z") {
        return OriginPolicy::Broad(format!(
            "the regular expression `{origin}` is not anchored with `$`: Flask-CORS matches with `re.match`, so any origin that merely starts like an allowed one (`…allowed.example.attacker.example`) matches too"
        ));
    }
    let chars: Vec<char> = origin.chars().collect();
    for (i, w) in chars.windows(3).enumerate() {
        if w[0] == '.'
            && matches!(w[1], '*' | '+')
            && w[2].is_ascii_alphanumeric()
            && (i == 0 || chars[i - 1] != '\\')
        {
            return OriginPolicy::Broad(format!(
                "`{}{}` directly before a name in `{origin}` also matches hosts such as `attacker{}…`",
                w[0], w[1], w[2]
            ));
        }
        if w[1] == '.' && w[0].is_ascii_alphanumeric() && w[2].is_ascii_alphanumeric() {
            return OriginPolicy::Broad(format!(
                "the unescaped `.` in `{origin}` matches any character, so a look-alike domain matches too"
            ));
        }
    }
    OriginPolicy::Listed
}

/// The policy of an `origins` value (a string, a list, compiled patterns).
pub(super) fn origin_policy(v: &Value) -> OriginPolicy {
    let items: Vec<&Value> = match v {
        Value::List(items) => items.iter().collect(),
        v => vec![v],
    };
    let mut worst = OriginPolicy::Listed;
    for item in items {
        let p = match item {
            Value::Str(s) => classify_origin(s, false),
            Value::Call { qual, args, .. } if qual == "re.compile" => match args.first() {
                Some(Value::Str(s)) => classify_origin(s, true),
                _ => OriginPolicy::Unknown,
            },
            _ => OriginPolicy::Unknown,
        };
        worst = match (worst, p) {
            (OriginPolicy::Any, _) | (_, OriginPolicy::Any) => OriginPolicy::Any,
            (b @ OriginPolicy::Broad(_), _) | (_, b @ OriginPolicy::Broad(_)) => b,
            (OriginPolicy::Unknown, _) | (_, OriginPolicy::Unknown) => OriginPolicy::Unknown,
            _ => OriginPolicy::Listed,
        };
    }
    worst
}

/// One CORS policy: a `CORS(...)` extension (or one of its `resources`) or a
/// `@cross_origin(...)` decorator, with its effective options.
pub(super) struct CorsPolicy {
    pub module: ModuleId,
    /// Where to report: the `origins` argument when given, else the call.
    pub span: Span,
    /// `flask_cors.CORS` or `flask_cors.cross_origin`.
    pub qual: &'static str,
    /// `origins` as given, or `None` for Flask-CORS's default (`*`).
    pub origins: Option<Value>,
    pub credentials: Option<bool>,
    /// The resource pattern, for `resources={...}` entries.
    pub resource: Option<String>,
}

impl CorsPolicy {
    pub(super) fn origin_policy(&self) -> OriginPolicy {
        self.origins
            .as_ref()
            .map_or(OriginPolicy::Any, origin_policy)
    }
}

/// A keyword of a call, evaluated.
fn keyword(
    ctx: &Context<'_, '_>,
    module: ModuleId,
    scope: ScopeRef,
    call: &Call,
    name: &str,
) -> Option<(Value, Span)> {
    let e = call.keyword(name)?;
    Some((ctx.index.eval(module, scope, e), e.span))
}

/// Every CORS policy of the project. Options missing from the call fall back to the
/// `CORS_ORIGINS` / `CORS_SUPPORTS_CREDENTIALS` configuration, then to Flask-CORS's
/// defaults (every origin, no credentials).
pub(super) fn cors_policies(ctx: &Context<'_, '_>) -> Vec<CorsPolicy> {
    let config = |key: &str| {
        ctx.model.production_settings(key).last().map(|s| {
            effective_literal(&s.value)
                .cloned()
                .unwrap_or(Value::Unknown)
        })
    };
    let config_origins = config("CORS_ORIGINS");
    let config_credentials = config("CORS_SUPPORTS_CREDENTIALS");
    let truthy = |v: Option<&Value>| -> Option<bool> {
        match v {
            None => Some(false),
            Some(v) => v.truthy(),
        }
    };
    let mut out = Vec::new();
    for ext in ctx.model.extensions_of(ExtKind::Cors) {
        if ext.call.has_kwargs_spread() || ctx.model.is_test_code(ext.module) {
            continue;
        }
        let origins_arg = ext.arg(ctx.index, "origins");
        let credentials_arg = ext.arg(ctx.index, "supports_credentials");
        let origins = origins_arg
            .as_ref()
            .map(|a| a.value.clone())
            .or(config_origins.clone());
        let credentials = credentials_arg
            .as_ref()
            .map(|a| a.value.clone())
            .or(config_credentials.clone());
        let (module, span) = origins_arg
            .as_ref()
            .map_or((ext.module, ext.span), |a| (a.module, a.span));
        // `resources={r"/api/*": {"origins": "*"}}`: one policy per resource.
        if let Some(Value::Dict(resources)) = ext.arg(ctx.index, "resources").map(|a| a.value) {
            for (pattern, opts) in resources {
                let Value::Dict(_) = opts else { continue };
                out.push(CorsPolicy {
                    module,
                    span,
                    qual: "flask_cors.CORS",
                    origins: opts.dict_get("origins").cloned().or(origins.clone()),
                    credentials: truthy(
                        opts.dict_get("supports_credentials")
                            .or(credentials.as_ref()),
                    ),
                    resource: pattern.as_str().map(str::to_string),
                });
            }
            continue;
        }
        out.push(CorsPolicy {
            module,
            span,
            qual: "flask_cors.CORS",
            origins,
            credentials: truthy(credentials.as_ref()),
            resource: None,
        });
    }
    for c in ctx.index.calls_to("flask_cors.cross_origin") {
        if c.call.has_kwargs_spread() || ctx.model.is_test_code(c.module) {
            continue;
        }
        // Flask-CORS ignores positional arguments of `cross_origin`: only `origins=`
        // narrows the default `*`.
        let origins = keyword(ctx, c.module, c.scope, c.call, "origins");
        let credentials =
            keyword(ctx, c.module, c.scope, c.call, "supports_credentials").map(|(v, _)| v);
        out.push(CorsPolicy {
            module: c.module,
            span: origins.as_ref().map_or(c.expr.span, |(_, s)| *s),
            qual: "flask_cors.cross_origin",
            origins: origins.map(|(v, _)| v).or(config_origins.clone()),
            credentials: truthy(credentials.as_ref().or(config_credentials.as_ref())),
            resource: None,
        });
    }
    out
}

/// Whether the project authenticates browsers with cookies: Flask-Login, the Flask
/// session, or Flask-JWT-Extended cookies.
pub(super) fn uses_cookie_auth(ctx: &Context<'_, '_>) -> bool {
    if ctx.model.has_extension(ExtKind::LoginManager) {
        return true;
    }
    if ctx
        .model
        .settings("JWT_TOKEN_LOCATION")
        .any(|s| s.value.strings().contains(&"cookies"))
    {
        return true;
    }
    let is_session = |q: &str| q == "flask.session" || q.starts_with("flask.session.");
    ctx.index.calls_where(is_session).next().is_some()
        || ctx.index.assigns().any(|a| match &a.target.kind {
            ExprKind::Subscript { value, .. } => ctx
                .index
                .resolve(a.module, a.scope, value)
                .is_some_and(|r| is_session(&r.qual)),
            _ => false,
        })
}
