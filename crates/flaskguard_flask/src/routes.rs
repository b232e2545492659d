//! Blueprints, routes, view decorators and request hooks.

use flaskguard_index::ir::{ClassIdx, Expr, ExprKind, FuncIdx, ScopeRef, StmtKind};
use flaskguard_index::{Index, ModuleId, Resolved, Site, Span, Value};

const HTTP_METHODS: &[&str] = &["get", "post", "put", "delete", "patch", "head", "options"];

/// What a route is registered on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Owner {
    App(Site),
    Blueprint(Site),
    /// A Flask-RESTful / flask-restx `Api`.
    Api(Site),
    Unknown,
}

#[derive(Clone, Debug)]
pub struct Blueprint {
    pub site: Site,
    pub name: String,
    pub module: ModuleId,
    pub span: Span,
    /// `url_prefix` of the constructor, or of the `register_blueprint` call.
    pub url_prefix: Option<String>,
    pub registered: bool,
    /// The apps it is registered on (directly or through parent blueprints), where known.
    pub apps: Vec<Site>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DecoratorKind {
    /// Requires an authenticated user (`login_required`, `jwt_required`, …).
    Auth,
    /// `@limiter.limit(...)`
    RateLimit,
    /// `@limiter.exempt`
    RateLimitExempt,
    /// `@csrf.exempt`
    CsrfExempt,
    /// `@cross_origin(...)`
    CrossOrigin,
    /// `@cache.cached(...)`
    Cache,
    /// Serves only visitors who are not signed in (Flask-Security's
    /// `anonymous_user_required`: a signed-in user is redirected away).
    AnonymousOnly,
    Other,
}

#[derive(Clone, Debug)]
pub struct DecoratorInfo {
    pub kind: DecoratorKind,
    /// The resolved name (`flask_login.login_required`).
    pub qual: String,
    /// A short label for reports (`login_required`, `limit 5/minute`).
    pub label: String,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Route<'a> {
    pub owner: Owner,
    pub module: ModuleId,
    /// The rule as declared (`/notes/<int:id>`).
    pub rule: String,
    /// Upper-case methods; `GET` when none were declared.
    pub methods: Vec<String>,
    pub methods_declared: bool,
    pub endpoint: String,
    /// The handler function, when it is a plain function.
    pub handler: Option<(ModuleId, FuncIdx)>,
    /// The view class (`MethodView`, `Resource`), when class-based.
    pub view_class: Option<(ModuleId, ClassIdx)>,
    pub decorators: Vec<DecoratorInfo>,
    /// The apps serving this route, where known.
    pub apps: Vec<Site>,
    /// The `@route` decorator or the registering call.
    pub span: Span,
    pub declaration: Option<&'a Expr>,
}

impl Route<'_> {
    pub fn has(&self, kind: DecoratorKind) -> bool {
        self.decorators.iter().any(|d| d.kind == kind)
    }

    /// Accepts a method that changes state.
    pub fn is_state_changing(&self) -> bool {
        self.methods
            .iter()
            .any(|m| matches!(m.as_str(), "POST" | "PUT" | "PATCH" | "DELETE"))
    }

    /// How findings name the route: `GET, POST /login`.
    pub fn label(&self) -> String {
        flaskguard_report::route_label(&self.methods, &self.rule)
    }

    /// URL parameters: `(converter, name)`.
    pub fn params(&self) -> Vec<(String, String)> {
        flaskguard_report::surface::UrlRule::parse(&self.rule)
            .variables()
            .map(|(converter, name)| (converter.to_string(), name.to_string()))
            .collect()
    }
}

/// A URL converter of the app's own (`app.url_map.converters["slug"] = SlugConverter`):
/// the name rules use (`<slug:name>`) and the class that parses the segment.
#[derive(Clone, Debug)]
pub struct UrlConverter {
    pub name: String,
    /// The class's qualified name (a project class, or a library one).
    pub class: String,
}

/// The converters the project registers on an app's URL map.
pub(crate) fn converters(index: &Index<'_>) -> Vec<UrlConverter> {
    index.assigns_matching(|a| {
        let ExprKind::Subscript { value, index: key } = &a.target.kind else {
            return None;
        };
        let map = index.resolve(a.module, a.scope, value)?;
        if !map.qual.ends_with(".url_map.converters") {
            return None;
        }
        let Value::Str(name) = index.eval(a.module, a.scope, key) else {
            return None;
        };
        let class = index.resolve(a.module, a.scope, a.value)?.qual;
        Some(UrlConverter {
            name,
            class: class.to_string(),
        })
    })
}

/// An error handler (`@app.errorhandler(404)`, `@bp.app_errorhandler(...)`,
/// `app.register_error_handler(...)`): what it returns is a response, as a view's is.
#[derive(Clone, Debug)]
pub struct ErrorHandler {
    pub owner: Owner,
    pub handler: (ModuleId, FuncIdx),
    /// The decorator or registering call.
    pub span: Span,
}

/// What [`collect`] finds.
pub(crate) type Collected<'a> = (Vec<Blueprint>, Vec<Route<'a>>, Vec<Hook>, Vec<ErrorHandler>);

/// A `before_request` (or `before_app_request`) hook.
#[derive(Clone, Debug)]
pub struct Hook {
    pub owner: Owner,
    pub kind: String,
    pub handler: Option<(ModuleId, FuncIdx)>,
    /// The hook rejects requests (calls `abort`, returns a redirect or response, or checks
    /// credentials): counts as authentication for the routes it covers.
    pub guards: bool,
}

fn owner_of(r: &Resolved) -> Option<Owner> {
    // An app known only by its type (`self` in a `Flask` subclass, an `app: Flask`
    // parameter): an app, not known which.
    if r.site.is_none() && r.qual == "flask.Flask()" {
        return Some(Owner::Unknown);
    }
    let site = r.site?;
    if r.qual.starts_with("flask.Flask()") {
        Some(Owner::App(site))
    } else if r.qual.starts_with("flask.Blueprint()") {
        Some(Owner::Blueprint(site))
    } else if r.qual.starts_with("flask_restful.Api()") || r.qual.starts_with("flask_restx.Api()") {
        Some(Owner::Api(site))
    } else {
        None
    }
}

/// `@app.route(...)` inside `def init(app):` that no resolved call reaches (the module is
/// loaded by `importlib` in a loop, or by a plugin system): the function registers routes
/// on whatever app it is given, so they are routes of an app not known here, never none.
/// Returns the owner and the registering method (`route`, `get`, ...).
fn unresolved_app_parameter(
    index: &Index<'_>,
    module: ModuleId,
    scope: ScopeRef,
    func: &Expr,
) -> Option<(Owner, String)> {
    let ExprKind::Attribute { value, attr } = &func.kind else {
        return None;
    };
    if attr != "route" && !HTTP_METHODS.contains(&attr.as_str()) {
        return None;
    }
    let name = value.as_name()?;
    let ScopeRef::Function(f) = scope else {
        return None;
    };
    let def = &index.module(module).functions[f.0 as usize];
    let is_param = def.params.iter().any(|p| p.name == name);
    (is_param && index.resolve(module, scope, value).is_none())
        .then(|| (Owner::Unknown, attr.to_string()))
}

/// Classifies a decorator on a view.
pub(crate) fn classify_decorator(
    index: &Index<'_>,
    module: ModuleId,
    scope: ScopeRef,
    expr: &Expr,
) -> DecoratorInfo {
    let (callee_expr, call) = match &expr.kind {
        ExprKind::Call(call) => (&call.func, Some(call)),
        _ => (expr, None),
    };
    let qual = index
        .resolve(module, scope, callee_expr)
        .map(|r| forwarded_decorator(index, &r.qual))
        .unwrap_or_default();
    let last = qual.rsplit('.').next().unwrap_or("").to_string();
    let first_arg = call
        .and_then(|c| c.args.first())
        .map(|a| index.eval(module, scope, a));
    let kind = if qual.starts_with("flask_limiter.Limiter()") {
        match last.as_str() {
            "limit" | "shared_limit" => DecoratorKind::RateLimit,
            "exempt" => DecoratorKind::RateLimitExempt,
            _ => DecoratorKind::Other,
        }
    } else if (qual.starts_with("flask_wtf.CSRFProtect()")
        || qual.starts_with("flask_seasurf.SeaSurf()"))
        && last == "exempt"
    {
        DecoratorKind::CsrfExempt
    } else if qual == "flask_cors.cross_origin" {
        DecoratorKind::CrossOrigin
    } else if qual.starts_with("flask_caching.Cache()") {
        DecoratorKind::Cache
    } else if matches!(
        qual.as_str(),
        "flask_security.anonymous_user_required"
            | "flask_security.decorators.anonymous_user_required"
    ) {
        DecoratorKind::AnonymousOnly
    } else if is_auth_decorator(&qual, &last) {
        DecoratorKind::Auth
    } else {
        DecoratorKind::Other
    };
    let label = match (&kind, &first_arg) {
        (DecoratorKind::RateLimit, Some(Value::Str(s))) => format!("limit {s}"),
        _ => {
            if last.is_empty() {
                "decorator".to_string()
            } else {
                last.clone()
            }
        }
    };
    DecoratorInfo {
        kind,
        qual,
        label,
        span: expr.span,
    }
}

/// A project function that hands its arguments on to a library decorator factory and
/// returns what it makes (`def limit(*args, **kwargs): return limiter.limit(*args,
/// **kwargs)`) decorates as that factory does: its name. Else `qual` itself.
fn forwarded_decorator(index: &Index<'_>, qual: &str) -> String {
    let Some((m, f)) = index.project_function(qual) else {
        return qual.to_string();
    };
    let forwarded = index.semantic[m.0 as usize]
        .returns
        .get(&f)
        .into_iter()
        .flatten()
        .find_map(|r| {
            let call = r.as_call()?;
            let spreads = call
                .args
                .iter()
                .any(|a| matches!(a.kind, ExprKind::Starred(_)))
                || call.has_kwargs_spread();
            if !spreads {
                return None;
            }
            let target = index.resolve(m, ScopeRef::Function(f), &call.func)?.qual;
            (index.project_function(&target).is_none()).then(|| target.to_string())
        });
    forwarded.unwrap_or_else(|| qual.to_string())
}

fn is_auth_decorator(qual: &str, last: &str) -> bool {
    const KNOWN: &[&str] = &[
        "flask_login.login_required",
        "flask_login.fresh_login_required",
        "flask_jwt_extended.jwt_required",
        "flask_jwt_extended.fresh_jwt_required",
        "flask_jwt_extended.jwt_refresh_token_required",
        "flask_security.login_required",
        "flask_security.auth_required",
        "flask_security.roles_required",
        "flask_security.roles_accepted",
        "flask_security.permissions_required",
        "flask_security.decorators.auth_required",
        "flask_praetorian.auth_required",
        "flask_praetorian.roles_required",
    ];
    if KNOWN.contains(&qual) {
        return true;
    }
    if qual.starts_with("flask_httpauth.") && last == "login_required" {
        return true;
    }
    // Project decorators named for what they do.
    let lower = last.to_ascii_lowercase();
    [
        "login_required",
        "auth_required",
        "requires_auth",
        "admin_required",
        "roles_required",
        "role_required",
        "permission_required",
        "token_required",
        "jwt_required",
        "authenticated",
        "require_login",
        "require_auth",
        "requires_login",
        "api_key_required",
        "superuser_required",
    ]
    .iter()
    .any(|n| lower.contains(n))
}

/// Loop variables bound to the expressions of one row of a literal table, and where those
/// expressions are written (module and scope).
#[derive(Default)]
struct Row<'a> {
    names: Vec<(&'a str, &'a Expr)>,
    scope: Option<ScopeRef>,
}

/// At most this many rows of a route table are read.
const MAX_TABLE_ROWS: usize = 5000;

/// The rows of the literal table a `for` loop around the call at `span` walks: `for rule,
/// view in ROUTES` (a list or tuple of tuples, here or assigned once in an enclosing
/// scope) or `for rule, view in ROUTES.items()` (a dict literal).
fn table_rows<'a>(
    index: &Index<'a>,
    module: ModuleId,
    scope: ScopeRef,
    span: Span,
) -> Option<Vec<Row<'a>>> {
    let m = index.module(module);
    let body: &'a [flaskguard_index::ir::Stmt] = match scope {
        ScopeRef::Module => &m.body,
        ScopeRef::Function(f) => &m.functions[f.0 as usize].body,
        ScopeRef::Class(c) => &m.classes[c.0 as usize].body,
    };
    // The innermost loop around the call.
    let mut found: Option<(&'a Expr, &'a Expr)> = None;
    flaskguard_index::ir::walk_stmts(body, &mut |st| {
        if let StmtKind::For { target, iter, .. } = &st.kind
            && st.span.start <= span.start
            && span.end <= st.span.end
        {
            found = Some((target, iter));
        }
    });
    let (target, iter) = found?;
    // `ROUTES.items()`: the dict's keys and values.
    let (iter, items) = match &iter.kind {
        ExprKind::Call(call) if call.args.is_empty() => match &call.func.kind {
            ExprKind::Attribute { value, attr } if attr == "items" => (value.as_ref(), true),
            _ => (iter, false),
        },
        _ => (iter, false),
    };
    // The table: a literal, or a name assigned one literal once.
    let (table, table_scope) = match &iter.kind {
        ExprKind::Name(n) => {
            let (s, bindings) = index.bindings_of(module, scope, n)?;
            let [flaskguard_index::semantic::Binding::Assign(value)] = bindings else {
                return None;
            };
            (*value, s)
        }
        _ => (iter, scope),
    };
    let elements: Vec<(&'a Expr, Option<&'a Expr>)> = match (&table.kind, items) {
        (ExprKind::List(es) | ExprKind::Tuple(es), false) => es.iter().map(|e| (e, None)).collect(),
        (ExprKind::Dict(entries), true) => entries
            .iter()
            .filter_map(|(k, v)| Some((k.as_ref()?, Some(v))))
            .collect(),
        _ => return None,
    };
    let targets: Vec<&'a str> = match &target.kind {
        ExprKind::Name(n) => vec![n.as_str()],
        ExprKind::Tuple(ts) | ExprKind::List(ts) => ts
            .iter()
            .map(|t| match &t.kind {
                ExprKind::Name(n) => Some(n.as_str()),
                _ => None,
            })
            .collect::<Option<_>>()?,
        _ => return None,
    };
    let mut rows = Vec::new();
    for (element, value) in elements.into_iter().take(MAX_TABLE_ROWS) {
        let parts: Vec<&'a Expr> = match (value, &element.kind) {
            (Some(v), _) => vec![element, v],
            (None, ExprKind::Tuple(es) | ExprKind::List(es)) if targets.len() > 1 => {
                es.iter().collect()
            }
            (None, _) => vec![element],
        };
        if parts.len() != targets.len() {
            continue;
        }
        rows.push(Row {
            names: targets.iter().copied().zip(parts).collect(),
            scope: Some(table_scope),
        });
    }
    Some(rows)
}

/// The route an `add_url_rule` call declares, its arguments read through `row`.
fn url_rule_route<'a>(
    index: &Index<'a>,
    c: &flaskguard_index::semantic::CallSite<'a>,
    owner: Owner,
    row: &Row<'a>,
) -> Option<Route<'a>> {
    // An argument, or the row's expression for it when it is a loop variable.
    let through_row = |e: &'a Expr| -> (&'a Expr, ScopeRef) {
        if let ExprKind::Name(n) = &e.kind
            && let Some((_, v)) = row.names.iter().find(|(t, _)| t == n)
        {
            return (v, row.scope.unwrap_or(c.scope));
        }
        (e, c.scope)
    };
    let arg = |i: usize, name: &str| c.call.argument(i, name).map(through_row);
    let string = |i: usize, name: &str| {
        arg(i, name)
            .map(|(e, s)| index.eval(c.module, s, e))
            .and_then(|v| v.as_str().map(str::to_string))
    };
    let rule = string(0, "rule").unwrap_or_default();
    let endpoint = string(1, "endpoint");
    let methods_value = c
        .call
        .keyword("methods")
        .map(through_row)
        .map(|(e, s)| index.eval(c.module, s, e));
    let (view, view_scope) = arg(2, "view_func")?;
    let mut route = view_route(
        index,
        c.module,
        view_scope,
        view,
        owner,
        rule,
        c.expr.span,
        Some(c.expr),
    );
    if let Some(ep) = endpoint {
        route.endpoint = ep;
    }
    if let Some(m) = methods_value {
        let methods = str_list(&m);
        if !methods.is_empty() {
            route.methods = methods;
            route.methods_declared = true;
        }
    }
    Some(route)
}

fn str_list(v: &Value) -> Vec<String> {
    v.strings().iter().map(|s| s.to_ascii_uppercase()).collect()
}

/// What a call to an app's (or blueprint's, or API's) method registers.
#[derive(Clone, Copy)]
enum Registration {
    /// `add_url_rule(rule, endpoint, view_func)`.
    UrlRule,
    /// Flask-RESTful's `add_resource(Resource, *urls)`.
    Resource,
    /// `register_error_handler(code, f)`.
    ErrorHandler,
    /// `before_request(f)`, `before_app_request(f)`.
    Hook,
}

fn registration(method: &str) -> Option<Registration> {
    Some(match method {
        "add_url_rule" => Registration::UrlRule,
        "add_resource" => Registration::Resource,
        "register_error_handler" => Registration::ErrorHandler,
        "before_request" | "before_app_request" => Registration::Hook,
        _ => return None,
    })
}

#[allow(clippy::type_complexity)]
pub(crate) fn collect<'a>(index: &Index<'a>) -> Collected<'a> {
    let mut blueprints: Vec<Blueprint> = Vec::new();
    let mut routes: Vec<Route<'a>> = Vec::new();
    let mut hooks: Vec<Hook> = Vec::new();
    let mut error_handlers: Vec<ErrorHandler> = Vec::new();

    for c in index.calls_to("flask.Blueprint") {
        let name = c
            .call
            .argument(0, "name")
            .map(|e| index.eval(c.module, c.scope, e))
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let url_prefix = c.call.keyword("url_prefix").and_then(|e| {
            index
                .eval(c.module, c.scope, e)
                .as_str()
                .map(str::to_string)
        });
        blueprints.push(Blueprint {
            site: Site {
                module: c.module,
                span: c.expr.span,
            },
            name,
            module: c.module,
            span: c.expr.span,
            url_prefix,
            registered: false,
            apps: Vec::new(),
        });
    }
    // `register_blueprint(bp, url_prefix=…)` on an app or a blueprint, or on a parameter
    // that does not resolve (`def init_app(app): app.register_blueprint(bp, …)`, called
    // from a loop over modules).
    let registrations = index.calls_matching(|c| {
        matches!(&c.call.func.kind, ExprKind::Attribute { attr, .. } if attr == "register_blueprint")
    });
    for c in registrations {
        let receiver = c
            .callee
            .as_ref()
            .and_then(|r| r.qual.strip_suffix(".register_blueprint"));
        if !matches!(receiver, None | Some("flask.Flask()" | "flask.Blueprint()")) {
            continue;
        }
        let Some(bp_expr) = c.call.argument(0, "blueprint") else {
            continue;
        };
        let Some(site) = index
            .resolve(c.module, c.scope, bp_expr)
            .and_then(|bp| bp.site)
        else {
            continue;
        };
        if let Some(b) = blueprints.iter_mut().find(|b| b.site == site) {
            b.registered = true;
            if let Some(Value::Str(p)) = c
                .call
                .keyword("url_prefix")
                .map(|e| index.eval(c.module, c.scope, e))
            {
                b.url_prefix = Some(p);
            }
        }
    }
    for c in index.calls_where(|q| {
        q.rsplit_once('.')
            .is_some_and(|(_, method)| registration(method).is_some())
    }) {
        let Some(callee) = &c.callee else { continue };
        let Some((base, method)) = callee.qual.rsplit_once('.') else {
            continue;
        };
        match registration(method) {
            Some(Registration::UrlRule) => {
                let Some(owner) = owner_of(&Resolved {
                    qual: base.into(),
                    site: callee.site,
                }) else {
                    continue;
                };
                // `for rule, view in ROUTES: app.add_url_rule(rule, view_func=view)`: one
                // route per row of the table.
                let rows = c
                    .call
                    .argument(0, "rule")
                    .filter(|e| index.eval(c.module, c.scope, e).as_str().is_none())
                    .and_then(|_| table_rows(index, c.module, c.scope, c.expr.span))
                    .unwrap_or_else(|| vec![Row::default()]);
                for row in &rows {
                    if let Some(route) = url_rule_route(index, c, owner, row) {
                        routes.push(route);
                    }
                }
            }
            Some(Registration::Resource) => {
                let Some(owner) = owner_of(&Resolved {
                    qual: base.into(),
                    site: callee.site,
                }) else {
                    continue;
                };
                let Some(resource) = c.call.args.first() else {
                    continue;
                };
                for url in c.call.args.iter().skip(1) {
                    let Value::Str(rule) = index.eval(c.module, c.scope, url) else {
                        continue;
                    };
                    let route = view_route(
                        index,
                        c.module,
                        c.scope,
                        resource,
                        owner,
                        rule,
                        c.expr.span,
                        Some(c.expr),
                    );
                    routes.push(route);
                }
            }
            Some(Registration::ErrorHandler) => {
                let Some(owner) = owner_of(&Resolved {
                    qual: base.into(),
                    site: callee.site,
                }) else {
                    continue;
                };
                if let Some(handler) = c
                    .call
                    .argument(1, "f")
                    .and_then(|f| index.resolve(c.module, c.scope, f))
                    .and_then(|r| index.project_function(&r.qual))
                {
                    error_handlers.push(ErrorHandler {
                        owner,
                        handler,
                        span: c.expr.span,
                    });
                }
            }
            Some(Registration::Hook) => {
                // Called directly: `app.before_request(func)`.
                let Some(owner) = owner_of(&Resolved {
                    qual: base.into(),
                    site: callee.site,
                }) else {
                    continue;
                };
                if let Some(f) = c.call.args.first() {
                    let handler = index
                        .resolve(c.module, c.scope, f)
                        .and_then(|r| index.project_function(&r.qual));
                    hooks.push(Hook {
                        owner,
                        kind: method.to_string(),
                        guards: handler.is_some_and(|h| hook_guards(index, h)),
                        handler,
                    });
                }
            }
            _ => {}
        }
    }

    // Decorated functions.
    for m in index.modules {
        for (fi, f) in m.functions.iter().enumerate() {
            let func = (m.id, FuncIdx(fi as u32));
            let mut route_decls = Vec::new();
            for d in &f.decorators {
                let ExprKind::Call(call) = &d.kind else {
                    // `@app.before_request`
                    if let Some(r) = index.resolve(m.id, f.parent, d)
                        && let Some((base, method)) = r.qual.rsplit_once('.')
                        && matches!(method, "before_request" | "before_app_request")
                        && let Some(owner) = owner_of(&Resolved {
                            qual: base.into(),
                            site: r.site,
                        })
                    {
                        hooks.push(Hook {
                            owner,
                            kind: method.to_string(),
                            handler: Some(func),
                            guards: hook_guards(index, func),
                        });
                    }
                    continue;
                };
                let resolved = index.resolve(m.id, f.parent, &call.func).and_then(|r| {
                    let (base, method) = r.qual.rsplit_once('.')?;
                    let owner = owner_of(&Resolved {
                        qual: base.into(),
                        site: r.site,
                    })?;
                    Some((owner, method.to_string()))
                });
                let Some((owner, method)) = resolved
                    .or_else(|| unresolved_app_parameter(index, m.id, f.parent, &call.func))
                else {
                    continue;
                };
                let method = method.as_str();
                if matches!(method, "errorhandler" | "app_errorhandler") {
                    error_handlers.push(ErrorHandler {
                        owner,
                        handler: func,
                        span: d.span,
                    });
                    continue;
                }
                let methods = if method == "route" {
                    call.keyword("methods")
                        .map(|e| str_list(&index.eval(m.id, f.parent, e)))
                } else if HTTP_METHODS.contains(&method) {
                    Some(vec![method.to_ascii_uppercase()])
                } else {
                    continue;
                };
                let rule = call
                    .argument(0, "rule")
                    .map(|e| index.eval(m.id, f.parent, e))
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                let endpoint = call
                    .keyword("endpoint")
                    .map(|e| index.eval(m.id, f.parent, e))
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_else(|| f.name.clone());
                route_decls.push((owner, rule, methods, endpoint, d));
            }
            if route_decls.is_empty() {
                continue;
            }
            let decorators: Vec<DecoratorInfo> = f
                .decorators
                .iter()
                .filter(|d| !route_decls.iter().any(|(.., rd)| std::ptr::eq(*rd, *d)))
                .map(|d| classify_decorator(index, m.id, f.parent, d))
                .collect();
            for (owner, rule, methods, endpoint, d) in route_decls {
                let (methods, declared) = match methods {
                    Some(ms) if !ms.is_empty() => (ms, true),
                    _ => (vec!["GET".to_string()], false),
                };
                routes.push(Route {
                    owner,
                    module: m.id,
                    rule,
                    methods,
                    methods_declared: declared,
                    endpoint,
                    handler: Some(func),
                    view_class: None,
                    decorators: decorators.clone(),
                    apps: Vec::new(),
                    span: d.span,
                    declaration: Some(d),
                });
            }
        }
    }

    let mut graph = crate::apps::blueprint_apps(index);
    for b in &mut blueprints {
        b.apps = graph.remove(&b.site).unwrap_or_default();
    }
    // Routes are served by their blueprint's apps, and blueprint prefixes apply to them.
    for r in &mut routes {
        r.apps = match r.owner {
            Owner::App(site) => vec![site],
            Owner::Blueprint(site) => blueprints
                .iter()
                .find(|b| b.site == site)
                .map(|b| b.apps.clone())
                .unwrap_or_default(),
            Owner::Api(_) | Owner::Unknown => Vec::new(),
        };
        if let Owner::Blueprint(site) = r.owner
            && let Some(prefix) = blueprints
                .iter()
                .find(|b| b.site == site)
                .and_then(|b| b.url_prefix.clone())
        {
            let prefix = prefix.trim_end_matches('/');
            r.rule = if r.rule.is_empty() || r.rule == "/" {
                format!("{prefix}/")
            } else {
                format!("{prefix}{}", r.rule)
            };
        }
    }
    routes.sort_by_key(|a| (a.module, a.span));
    (blueprints, routes, hooks, error_handlers)
}

/// A route whose view is given as an expression: a function, `View.as_view(...)` or a
/// resource class.
#[allow(clippy::too_many_arguments)]
fn view_route<'a>(
    index: &Index<'a>,
    module: ModuleId,
    scope: ScopeRef,
    view: &'a Expr,
    owner: Owner,
    rule: String,
    span: Span,
    declaration: Option<&'a Expr>,
) -> Route<'a> {
    let mut route = Route {
        owner,
        module,
        rule,
        methods: vec!["GET".to_string()],
        methods_declared: false,
        endpoint: String::new(),
        handler: None,
        view_class: None,
        decorators: Vec::new(),
        apps: Vec::new(),
        span,
        declaration,
    };
    // `MyView.as_view("name")`
    let (class_expr, endpoint) = match &view.kind {
        ExprKind::Call(call) => match &call.func.kind {
            ExprKind::Attribute { value, attr } if attr == "as_view" => (
                Some(value.as_ref()),
                call.args
                    .first()
                    .map(|e| index.eval(module, scope, e))
                    .and_then(|v| v.as_str().map(str::to_string)),
            ),
            _ => (None, None),
        },
        _ => (Some(view), None),
    };
    let Some(target) = class_expr else {
        return route;
    };
    let Some(resolved) = index.resolve(module, scope, target) else {
        return route;
    };
    if let Some((m, f)) = index.project_function(&resolved.qual) {
        let def = &index.module(m).functions[f.0 as usize];
        route.handler = Some((m, f));
        route.endpoint = endpoint.unwrap_or_else(|| def.name.clone());
        route.decorators = def
            .decorators
            .iter()
            .map(|d| classify_decorator(index, m, def.parent, d))
            .collect();
        return route;
    }
    if let Some((m, c)) = index.project_class(&resolved.qual) {
        let class = &index.module(m).classes[c.0 as usize];
        route.view_class = Some((m, c));
        route.endpoint = endpoint.unwrap_or_else(|| class.name.to_ascii_lowercase());
        let mut methods = Vec::new();
        for stmt in &class.body {
            match &stmt.kind {
                StmtKind::FunctionDef(f) => {
                    let def = &index.module(m).functions[f.0 as usize];
                    if HTTP_METHODS.contains(&def.name.as_str()) {
                        methods.push(def.name.to_ascii_uppercase());
                        route.decorators.extend(
                            def.decorators
                                .iter()
                                .map(|d| classify_decorator(index, m, def.parent, d)),
                        );
                    }
                }
                StmtKind::Assign { targets, value } => {
                    let Some(name) = targets.first().and_then(Expr::as_name) else {
                        continue;
                    };
                    match name {
                        "methods" => {
                            let ms = str_list(&index.eval(m, ScopeRef::Class(c), value));
                            if !ms.is_empty() {
                                methods = ms;
                            }
                        }
                        "decorators" | "method_decorators" => {
                            if let ExprKind::List(items) | ExprKind::Tuple(items) = &value.kind {
                                route.decorators.extend(
                                    items.iter().map(|d| {
                                        classify_decorator(index, m, ScopeRef::Class(c), d)
                                    }),
                                );
                            } else if let ExprKind::Dict(items) = &value.kind {
                                for (_, v) in items {
                                    if let ExprKind::List(ds) = &v.kind {
                                        route.decorators.extend(ds.iter().map(|d| {
                                            classify_decorator(index, m, ScopeRef::Class(c), d)
                                        }));
                                    }
                                }
                            }
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        if !methods.is_empty() {
            methods.sort();
            methods.dedup();
            route.methods = methods;
            route.methods_declared = true;
        }
    }
    route
}

/// Whether a `before_request` hook can reject a request.
fn hook_guards(index: &Index<'_>, (module, func): (ModuleId, FuncIdx)) -> bool {
    let sem = &index.semantic[module.0 as usize];
    let in_func = sem
        .calls
        .iter()
        .filter(|c| c.scope == ScopeRef::Function(func));
    let mut guards = false;
    for c in in_func {
        if let Some(r) = &c.callee {
            let q = r.qual.as_str();
            if matches!(
                q,
                "flask.abort" | "flask.redirect" | "flask_jwt_extended.verify_jwt_in_request"
            ) || q.ends_with("login_required")
                || q.ends_with("unauthorized")
            {
                guards = true;
            }
        }
    }
    if !guards {
        // A hook that returns something short-circuits the request.
        guards = sem.returns.get(&func).is_some_and(|r| !r.is_empty());
    }
    guards
}
