//! Cross-site request forgery: Flask-WTF and Flask-SeaSurf settings, exemptions, missing
//! protection and state changes in GET handlers.
//!
//! The helpers below compute facts the Flask model does not (yet) hold: which app an
//! extension or a blueprint is attached to when the app is passed through a function
//! parameter (`def _init_extensions(app): csrf.init_app(app)`), and how a route
//! authenticates its callers (ambient browser credentials or explicit header tokens).

mod csrf_exempt_view;
mod csrf_protection_disabled;
mod csrf_protection_missing;
mod csrf_protection_weakened;
mod seasurf_misconfigured;
mod state_change_in_get_handler;

use flaskguard_flask::apps::app_sites;
use flaskguard_flask::{DecoratorKind, ExtKind, Owner, Route, request};
use flaskguard_index::ir::{Expr, ExprKind, FuncIdx, ScopeRef, StmtKind, walk_body_exprs};
use flaskguard_index::{Index, ModuleId, Site, Span, Value};

use crate::helpers::{effective_literal, setting_target};
use crate::reporter::DeployedSetting;
use crate::{Context, Rule, Target};

pub(crate) static RULES: &[&Rule] = &[
    &csrf_protection_disabled::RULE,
    &csrf_protection_weakened::RULE,
    &csrf_exempt_view::RULE,
    &csrf_protection_missing::RULE,
    &seasurf_misconfigured::RULE,
    &state_change_in_get_handler::RULE,
];

/// The deployed settings of `key`: the Flask model's, plus `app.config["KEY"] = …` and
/// `app.config.update(KEY=…)` on an app passed in as a function parameter
/// (`def _init_extensions(app): app.config["CSRF_DISABLE"] = True`), which the model does
/// not resolve.
pub(super) fn deployed_settings(ctx: &Context<'_, '_>, key: &str) -> Vec<DeployedSetting> {
    let mut out: Vec<DeployedSetting> = ctx
        .model
        .production_settings(key)
        .map(|s| DeployedSetting {
            target: setting_target(s),
            value: s.value.clone(),
        })
        .collect();
    out.extend(
        ctx.param_config
            .get_or_init(|| param_config_settings(ctx))
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, s)| s.clone()),
    );
    out
}

/// Every `<app>.config["KEY"] = …` and `<app>.config.update(KEY=…)` where `<app>` is an
/// unresolved parameter bound to a Flask app, with its key (computed once, for all keys).
fn param_config_settings(ctx: &Context<'_, '_>) -> Vec<(String, DeployedSetting)> {
    let index = ctx.index;
    let param_config = |module: ModuleId, scope: ScopeRef, config: &Expr| {
        let ExprKind::Attribute { value: app, attr } = &config.kind else {
            return false;
        };
        attr == "config"
            && index.resolve(module, scope, config).is_none()
            && !ctx.model.is_test_code(module)
            && !app_sites(index, module, scope, app).is_empty()
    };
    let mut out = Vec::new();
    for a in index.assigns() {
        let ExprKind::Subscript {
            value: config,
            index: k,
        } = &a.target.kind
        else {
            continue;
        };
        // The shape `<name>.config[…]` first: evaluating every subscript key costs more.
        let is_config =
            matches!(&config.kind, ExprKind::Attribute { attr, .. } if attr == "config");
        if !is_config {
            continue;
        }
        let Some(key) = index
            .eval(a.module, a.scope, k)
            .as_str()
            .map(str::to_string)
        else {
            continue;
        };
        if !param_config(a.module, a.scope, config) {
            continue;
        }
        out.push((
            key,
            DeployedSetting {
                target: Target::Module(a.module, a.value.span),
                value: index.eval(a.module, a.scope, a.value),
            },
        ));
    }
    for c in index.calls() {
        let ExprKind::Attribute {
            value: config,
            attr,
        } = &c.call.func.kind
        else {
            continue;
        };
        if attr != "update" || c.callee.is_some() || c.call.keywords.is_empty() {
            continue;
        }
        if !param_config(c.module, c.scope, config) {
            continue;
        }
        let mut seen: Vec<&str> = Vec::new();
        for k in &c.call.keywords {
            // The first keyword of a name is the one `Call::keyword` reads.
            let Some(name) = k.arg.as_deref() else {
                continue;
            };
            if seen.contains(&name) {
                continue;
            }
            seen.push(name);
            out.push((
                name.to_string(),
                DeployedSetting {
                    target: Target::Module(c.module, k.value.span),
                    value: index.eval(c.module, c.scope, &k.value),
                },
            ));
        }
    }
    out
}

/// The apps CSRF protection (Flask-WTF `CSRFProtect` or Flask-SeaSurf) is initialised
/// for.
pub(super) struct CsrfCoverage {
    apps: Vec<Site>,
    /// An extension is attached to an app flaskguard could not identify: it may protect
    /// any of them.
    unresolved: bool,
    single_app: bool,
    /// Whether the extension is attached to any app at all.
    attached: bool,
}

impl CsrfCoverage {
    pub(super) fn build(ctx: &Context<'_, '_>) -> Self {
        let index = ctx.index;
        let mut apps = Vec::new();
        let mut unresolved = false;
        let exts = ctx
            .model
            .extensions_of(ExtKind::CsrfProtect)
            .chain(ctx.model.extensions_of(ExtKind::SeaSurf));
        let mut any = false;
        for ext in exts {
            let mut attach = |module, scope, e: Option<&Expr>| {
                let Some(e) = e else { return };
                any = true;
                let sites = app_sites(index, module, scope, e);
                if sites.is_empty() {
                    unresolved = true;
                }
                apps.extend(sites);
            };
            attach(ext.module, ext.scope, ext.call.argument(0, "app"));
            for (module, scope, call, _) in &ext.init_calls {
                attach(*module, *scope, call.argument(0, "app"));
            }
        }
        CsrfCoverage {
            apps,
            unresolved,
            single_app: any && ctx.model.apps.len() <= 1,
            attached: any,
        }
    }

    /// Whether CSRF protection is initialised for some app.
    pub(super) fn attached(&self) -> bool {
        self.attached
    }

    /// Whether CSRF protection is initialised for `app` (or may be).
    pub(super) fn protects(&self, app: Site) -> bool {
        self.unresolved || self.single_app || self.apps.contains(&app)
    }
}

/// The apps serving a route; `None` when not known.
pub(super) fn route_apps(ctx: &Context<'_, '_>, route: &Route<'_>) -> Option<Vec<Site>> {
    if let [app] = ctx.model.apps.as_slice() {
        return Some(vec![app.site]);
    }
    (!route.apps.is_empty()).then(|| route.apps.clone())
}

/// The functions that handle a route: its view function, or the HTTP-method functions of
/// its view class.
pub(super) fn route_functions(
    ctx: &Context<'_, '_>,
    route: &Route<'_>,
) -> Vec<(ModuleId, FuncIdx)> {
    if let Some(h) = route.handler {
        return vec![h];
    }
    let Some((m, c)) = route.view_class else {
        return Vec::new();
    };
    let class = &ctx.index.module(m).classes[c.0 as usize];
    class
        .body
        .iter()
        .filter_map(|s| match s.kind {
            StmtKind::FunctionDef(f) => Some(f),
            _ => None,
        })
        .filter(|f| {
            let name = ctx.index.module(m).functions[f.0 as usize].name.as_str();
            ["get", "post", "put", "patch", "delete"].contains(&name)
        })
        .map(|f| (m, f))
        .collect()
}

/// Whether the route's view calls `qual` itself (`csrf.protect()` in an exempted view).
pub(super) fn view_calls(ctx: &Context<'_, '_>, route: &Route<'_>, qual: &str) -> bool {
    route_functions(ctx, route)
        .into_iter()
        .any(|(module, func)| {
            ctx.index.semantic[module.0 as usize].calls.iter().any(|c| {
                c.scope == ScopeRef::Function(func)
                    && c.callee.as_ref().is_some_and(|r| r.qual == qual)
            })
        })
}

/// Whether the view signs the user out (`logout_user()`, `session.clear()`).
pub(super) fn logs_out(ctx: &Context<'_, '_>, module: ModuleId, func: FuncIdx) -> bool {
    ctx.index.semantic[module.0 as usize].calls.iter().any(|c| {
        c.scope == ScopeRef::Function(func)
            && c.callee.as_ref().is_some_and(|r| {
                // Flask-Login's, Flask-Security's or a vendored copy's `logout_user`.
                r.qual == "flask.session.clear" || r.qual.rsplit('.').next() == Some("logout_user")
            })
    })
}

/// A function and the functions nested in it (a decorator's wrapper).
fn with_nested(index: &Index<'_>, (module, func): (ModuleId, FuncIdx)) -> Vec<FuncIdx> {
    let m = index.module(module);
    let mut out = vec![func];
    // Nested definitions come after their parent in the arena; one pass per level.
    let mut grew = true;
    while grew {
        grew = false;
        for (i, f) in m.functions.iter().enumerate() {
            let idx = FuncIdx(i as u32);
            if let ScopeRef::Function(parent) = f.parent
                && out.contains(&parent)
                && !out.contains(&idx)
            {
                out.push(idx);
                grew = true;
            }
        }
    }
    out
}

/// The resolved names a function (and the functions nested in it) refers to.
pub(super) fn referenced_names(index: &Index<'_>, func: (ModuleId, FuncIdx)) -> Vec<String> {
    let (module, _) = func;
    let m = index.module(module);
    let mut out = Vec::new();
    for f in with_nested(index, func) {
        let scope = ScopeRef::Function(f);
        walk_body_exprs(&m.functions[f.0 as usize].body, &mut |e| {
            if matches!(e.kind, ExprKind::Name(_) | ExprKind::Attribute { .. })
                && let Some(r) = index.resolve(module, scope, e)
            {
                out.push(r.qual.to_string());
            }
        });
    }
    out.sort();
    out.dedup();
    out
}

/// Names that mean the browser's cookies (the session, Flask-Login's user) are used.
const AMBIENT_NAMES: &[&str] = &[
    "flask.session",
    request::COOKIES,
    "flask_login.current_user",
    "flask_login.login_user",
    "flask_login.logout_user",
    "flask_security.current_user",
];

/// Names that mean a credential is read from a request header the browser does not send
/// by itself.
const HEADER_NAMES: &[&str] = &[
    request::HEADERS,
    request::AUTHORIZATION,
    "flask_jwt_extended.verify_jwt_in_request",
];

fn refers_to<P: AsRef<str>>(names: &[String], prefixes: &[P]) -> bool {
    names.iter().any(|n| {
        prefixes.iter().any(|p| {
            let p = p.as_ref();
            n == p
                || n.strip_prefix(p)
                    .is_some_and(|rest| rest.starts_with(['.', '(', '[']))
        })
    })
}

/// How a route's callers are authenticated, as far as CSRF is concerned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Credential {
    /// Credentials the browser attaches by itself (session cookie, HTTP Basic/Digest):
    /// a forged cross-site request carries them. The string says which.
    Ambient(String),
    /// Only explicit tokens (an `Authorization: Bearer` header, a JWT in a header).
    Header,
    /// Flask-JWT-Extended cookies with its own double-submit CSRF check.
    JwtCookieProtected,
    /// No credential at all.
    None,
}

/// Classifies how routes authenticate their callers. Built once per check.
pub(super) struct Credentials {
    /// Names whose use means the session cookie is relied on: [`AMBIENT_NAMES`] plus the
    /// `flask.g` attributes that request hooks load from the session (`g.user`).
    ambient: Vec<String>,
    jwt_in_cookies: bool,
    jwt_cookie_csrf_off: bool,
}

impl Credentials {
    pub(super) fn new(ctx: &Context<'_, '_>) -> Self {
        let index = ctx.index;
        let mut ambient: Vec<String> = AMBIENT_NAMES.iter().map(|s| (*s).to_string()).collect();
        // `@bp.before_app_request def load_user(): g.user = User.get(session["id"])`: the
        // `flask.g` attributes a request hook loads from the session (directly or through
        // a local variable).
        for h in &ctx.model.hooks {
            let Some((module, func)) = h.handler else {
                continue;
            };
            let scope = ScopeRef::Function(func);
            let assigns: Vec<_> = index.semantic[module.0 as usize]
                .assigns
                .iter()
                .filter(|a| a.scope == scope)
                .collect();
            let from_session = |e: &Expr, locals: &[&str]| {
                let mut found = false;
                e.walk(&mut |sub| {
                    if let Some(n) = sub.as_name() {
                        found |= locals.contains(&n);
                    }
                    if matches!(sub.kind, ExprKind::Name(_) | ExprKind::Attribute { .. })
                        && let Some(r) = index.resolve(module, scope, sub)
                    {
                        found |= refers_to(&[r.qual.to_string()], AMBIENT_NAMES);
                    }
                });
                found
            };
            let locals: Vec<&str> = assigns
                .iter()
                .filter(|a| from_session(a.value, &[]))
                .filter_map(|a| a.target.as_name())
                .collect();
            for a in &assigns {
                let Some(r) = index.resolve(module, scope, a.target) else {
                    continue;
                };
                if r.qual.starts_with("flask.g.")
                    && !ambient.iter().any(|a| *a == r.qual)
                    && from_session(a.value, &locals)
                {
                    ambient.push(r.qual.to_string());
                }
            }
        }
        Credentials {
            ambient,
            jwt_in_cookies: ctx
                .model
                .settings("JWT_TOKEN_LOCATION")
                .any(|s| s.value.strings().contains(&"cookies")),
            jwt_cookie_csrf_off: ctx
                .model
                .production_settings("JWT_COOKIE_CSRF_PROTECT")
                .any(|s| effective_literal(&s.value).and_then(Value::truthy) == Some(false)),
        }
    }

    /// What one decorator requires; `None` when it says nothing about credentials.
    fn decorator(&self, ctx: &Context<'_, '_>, qual: &str) -> Option<Credential> {
        if qual.starts_with("flask_jwt_extended.") {
            return Some(if !self.jwt_in_cookies {
                Credential::Header
            } else if self.jwt_cookie_csrf_off {
                Credential::Ambient(
                    "Flask-JWT-Extended cookies without their CSRF check".to_string(),
                )
            } else {
                Credential::JwtCookieProtected
            });
        }
        if qual.starts_with("flask_httpauth.") {
            return Some(if qual.starts_with("flask_httpauth.HTTPTokenAuth()") {
                Credential::Header
            } else {
                Credential::Ambient(
                    "HTTP Basic/Digest credentials, which browsers resend by themselves"
                        .to_string(),
                )
            });
        }
        if qual.starts_with("flask_praetorian.") {
            return Some(Credential::Header);
        }
        if qual.starts_with("flask_login.") || qual.starts_with("flask_security.") {
            return Some(Credential::Ambient(
                "the Flask-Login session cookie".to_string(),
            ));
        }
        // A project decorator: what its body (and its wrapper) reads.
        let func = ctx.index.project_function(qual)?;
        let names = referenced_names(ctx.index, func);
        if refers_to(&names, &self.ambient) {
            Some(Credential::Ambient(format!(
                "the session cookie (checked by `{}`)",
                qual.rsplit('.').next().unwrap_or(qual)
            )))
        } else if refers_to(&names, HEADER_NAMES) {
            Some(Credential::Header)
        } else {
            None
        }
    }

    /// How a route authenticates its callers.
    pub(super) fn route(&self, ctx: &Context<'_, '_>, route: &Route<'_>) -> Credential {
        let mut header = false;
        let mut jwt_cookie = false;
        for d in &route.decorators {
            if !matches!(d.kind, DecoratorKind::Auth | DecoratorKind::Other) {
                continue;
            }
            match self.decorator(ctx, &d.qual) {
                Some(c @ Credential::Ambient(_)) => return c,
                Some(Credential::Header) => header = true,
                Some(Credential::JwtCookieProtected) => jwt_cookie = true,
                Some(Credential::None) | None => {}
            }
        }
        // `before_request` guards of the route's blueprint or app.
        for h in &ctx.model.hooks {
            if !h.guards || h.owner != route.owner {
                continue;
            }
            if let Some(func) = h.handler
                && refers_to(&referenced_names(ctx.index, func), &self.ambient)
            {
                return Credential::Ambient(
                    "the session cookie (checked before the request)".to_string(),
                );
            }
        }
        for func in route_functions(ctx, route) {
            if refers_to(&referenced_names(ctx.index, func), &self.ambient) {
                return Credential::Ambient(
                    "the session cookie (the view reads the session or the current user)"
                        .to_string(),
                );
            }
        }
        if jwt_cookie {
            Credential::JwtCookieProtected
        } else if header {
            Credential::Header
        } else {
            Credential::None
        }
    }
}

/// The blueprints and apps whose `before_request` hooks check a CSRF token the client
/// sends — a cookie, header or form field named for CSRF or XSRF (a double-submit check)
/// — in the hook or the project functions it calls, three calls deep: the project's own
/// CSRF protection. Looked at once per analysis, not per route.
pub(super) fn token_checking_owners(ctx: &Context<'_, '_>) -> Vec<Owner> {
    ctx.model
        .hooks
        .iter()
        .filter(|h| h.kind.starts_with("before"))
        .filter(|h| h.handler.is_some_and(|f| reads_csrf_token(ctx, f)))
        .map(|h| h.owner)
        .collect()
}

/// Whether the route's blueprint or app is one of `owners` ([`token_checking_owners`]).
pub(super) fn hook_checks_csrf_token(
    ctx: &Context<'_, '_>,
    route: &Route<'_>,
    owners: &[Owner],
) -> bool {
    if owners.is_empty() {
        return false;
    }
    let apps = route_apps(ctx, route).unwrap_or_default();
    owners
        .iter()
        .any(|o| *o == route.owner || matches!(o, Owner::App(site) if apps.contains(site)))
}

fn reads_csrf_token(ctx: &Context<'_, '_>, start: (ModuleId, FuncIdx)) -> bool {
    let index = ctx.index;
    crate::helpers::any_call_within(index, vec![start], 4, |c| {
        // `request.cookies.get("csrf_token")`, `req.headers.get("X-CSRF-Token")`
        if let ExprKind::Attribute { value, attr } = &c.call.func.kind
            && attr == "get"
            && matches!(&value.kind, ExprKind::Attribute { attr, .. } if matches!(attr.as_str(), "cookies" | "headers" | "form" | "values"))
            && let Some(key) = c.call.args.first()
            && let Value::Str(key) = index.eval(c.module, c.scope, key)
        {
            let key = key.to_ascii_lowercase();
            return key.contains("csrf") || key.contains("xsrf");
        }
        false
    })
}

/// Whether the route's view validates a Flask-WTF form (with its CSRF token).
pub(super) fn validates_flask_form(ctx: &Context<'_, '_>, route: &Route<'_>) -> bool {
    let index = ctx.index;
    route_functions(ctx, route)
        .into_iter()
        .any(|(module, func)| {
            index.semantic[module.0 as usize].calls.iter().any(|c| {
                if c.scope != ScopeRef::Function(func) {
                    return false;
                }
                let Some(callee) = &c.callee else {
                    return false;
                };
                if !is_flask_form_class(index, &callee.qual, 0) {
                    return false;
                }
                // `Form(meta={"csrf": False})` turns the token off.
                let csrf_off = c.call.keyword("meta").is_some_and(|m| {
                    index
                        .eval(c.module, c.scope, m)
                        .dict_get("csrf")
                        .and_then(Value::truthy)
                        == Some(false)
                });
                !csrf_off
            })
        })
}

fn is_flask_form_class(index: &Index<'_>, qual: &str, depth: u32) -> bool {
    if flaskguard_flask::FLASK_FORMS.contains(&qual) {
        return true;
    }
    if depth > 8 {
        return false;
    }
    let Some((module, class)) = index.project_class(qual) else {
        return false;
    };
    let def = &index.module(module).classes[class.0 as usize];
    // `class Meta: csrf = False` in the form disables the token.
    let csrf_off = def.body.iter().any(|s| {
        let StmtKind::ClassDef(meta) = s.kind else {
            return false;
        };
        let meta = &index.module(module).classes[meta.0 as usize];
        meta.name == "Meta"
            && meta.body.iter().any(|s| match &s.kind {
                StmtKind::Assign { targets, value } => {
                    targets.iter().any(|t| t.as_name() == Some("csrf"))
                        && matches!(value.kind, ExprKind::Bool(false))
                }
                _ => false,
            })
    });
    if csrf_off {
        return false;
    }
    def.bases.iter().any(|b| {
        index
            .resolve(module, def.parent, b)
            .is_some_and(|r| is_flask_form_class(index, &r.qual, depth + 1))
    })
}

/// Where a CSRF exemption was declared and the routes it exempts.
pub(crate) struct Exemption<'r, 'a> {
    pub module: ModuleId,
    pub span: Span,
    pub routes: Vec<&'r Route<'a>>,
}

/// The exemptions made by an extension whose resolved names start with `ext_prefix`
/// (`flask_wtf.CSRFProtect()`, `flask_seasurf.SeaSurf()`): `@csrf.exempt` on views and
/// `csrf.exempt(view_or_blueprint)` calls.
pub(crate) fn exemptions<'r, 'a>(
    ctx: &'r Context<'_, 'a>,
    ext_prefix: &str,
) -> Vec<Exemption<'r, 'a>>
where
    'a: 'r,
{
    let mut out: Vec<Exemption<'r, 'a>> = Vec::new();
    for r in ctx
        .model
        .routes
        .iter()
        .filter(|r| !ctx.model.is_test_code(r.module))
    {
        // Decorators are written where the view is defined.
        let module = r
            .handler
            .map(|(m, _)| m)
            .or(r.view_class.map(|(m, _)| m))
            .unwrap_or(r.module);
        for d in &r.decorators {
            if d.kind == DecoratorKind::CsrfExempt && d.qual.starts_with(ext_prefix) {
                out.push(Exemption {
                    module,
                    span: d.span,
                    routes: vec![r],
                });
            }
        }
    }
    let exempt = format!("{ext_prefix}.exempt");
    for c in ctx.index.calls_to(&exempt) {
        let Some(arg) = c.call.args.first() else {
            continue;
        };
        if ctx.model.is_test_code(c.module) {
            continue;
        }
        let handled_by = |f| -> Vec<&Route<'a>> {
            ctx.model
                .routes
                .iter()
                .filter(|r| r.handler == Some(f))
                .collect()
        };
        let routes: Vec<&Route<'a>> =
            if let Value::Str(path) = ctx.index.eval(c.module, c.scope, arg) {
                // `csrf.exempt("pkg.views.hook")`
                let Some(f) = ctx.index.project_function(&path) else {
                    continue;
                };
                handled_by(f)
            } else {
                let Some(target) = ctx.index.resolve(c.module, c.scope, arg) else {
                    continue;
                };
                if target.qual == "flask.Blueprint()" {
                    let Some(site) = target.site else { continue };
                    ctx.model
                        .routes
                        .iter()
                        .filter(|r| r.owner == Owner::Blueprint(site))
                        .collect()
                } else if let Some(f) = ctx.index.project_function(&target.qual) {
                    handled_by(f)
                } else {
                    continue;
                }
            };
        out.push(Exemption {
            module: c.module,
            span: c.expr.span,
            routes,
        });
    }
    out
}
