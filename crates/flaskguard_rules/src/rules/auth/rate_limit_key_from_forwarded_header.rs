use flaskguard_flask::{ExtKind, request};
use flaskguard_index::ir::{Expr, ExprKind, ScopeRef, walk_body_exprs};
use flaskguard_index::{Index, ModuleId, Span, Value};

use crate::{Context, Reporter, Target, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks Flask-Limiter key functions (the `Limiter`'s `key_func`, and `key_func=` of
    /// `@limiter.limit` / `@limiter.shared_limit`) that read the client address from a
    /// forwarding header — `X-Forwarded-For`, `X-Real-IP`, `Forwarded` and the like, via
    /// `request.headers`, `request.environ` or `request.access_route` — instead of
    /// `get_remote_address`.
    ///
    /// ## Why is this bad?
    /// These headers are sent by the client. Unless a proxy overwrites them, an attacker
    /// puts a new value in each request and gets a fresh rate-limit bucket every time:
    /// the login limit no longer limits anything. Even behind a proxy that appends to
    /// `X-Forwarded-For`, the first entry is still the client's choice.
    ///
    /// ## Example
    /// ```python
    /// limiter = Limiter(key_func=lambda: request.headers.get("X-Forwarded-For"))
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1)  # exactly the proxies you run
    /// limiter = Limiter(get_remote_address)
    /// ```
    ///
    /// ## References
    /// - [Flask-Limiter: Deploying an application behind a proxy](https://flask-limiter.readthedocs.io/en/stable/deployment-considerations.html)
    /// - [Werkzeug: ProxyFix](https://werkzeug.palletsprojects.com/en/stable/middleware/proxy_fix/)
    /// - [Flask: Tell Flask it is Behind a Proxy](https://flask.palletsprojects.com/en/stable/deploying/proxy_fix/)
    pub(crate) static RULE = {
        code: "FG266",
        name: "rate-limit-key-from-forwarded-header",
        summary: "Flask-Limiter key function reads a client-controlled forwarding header",
        severity: Medium,
        confidence: High,
        cwe: [348],
        owasp: "A04",
        remediation: "Use get_remote_address as the key and let ProxyFix (with the exact number of proxies) set remote_addr.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

/// Headers a client can set to claim another address.
const FORWARDING_HEADERS: &[&str] = &[
    "x-forwarded-for",
    "x-real-ip",
    "forwarded",
    "x-client-ip",
    "x-cluster-client-ip",
    "true-client-ip",
    "x-original-forwarded-for",
    "cf-connecting-ip",
    "fastly-client-ip",
];

/// How deep to follow project functions called by a key function.
const MAX_DEPTH: u32 = 2;

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    let index = ctx.index;
    let mut key_funcs: Vec<(ModuleId, ScopeRef, &Expr)> = Vec::new();
    for l in ctx.model.extensions_of(ExtKind::Limiter) {
        if let Some(a) = l.arg(index, "key_func") {
            // `ExtArg` carries no scope: the constructor's is right for constructor
            // arguments; `init_app` does not take a `key_func`.
            key_funcs.push((a.module, l.scope, a.expr));
        } else if let Some(first) = l.call.args.first() {
            // Flask-Limiter 3+: `Limiter(key_func, app=…)`; older: `Limiter(app, key_func=…)`.
            let is_app = index
                .resolve(l.module, l.scope, first)
                .is_some_and(|r| r.qual == "flask.Flask()");
            if !is_app {
                key_funcs.push((l.module, l.scope, first));
            }
        }
    }
    for c in index.calls_to_any(&[
        "flask_limiter.Limiter().limit",
        "flask_limiter.Limiter().shared_limit",
    ]) {
        if let Some(k) = c.call.keyword("key_func") {
            key_funcs.push((c.module, c.scope, k));
        }
    }
    for (module, scope, expr) in key_funcs {
        let Some(read) = forwarded_read(index, module, scope, expr, 0) else {
            continue;
        };
        let finding = out.at(
            module,
            expr.span,
            format!(
                "The Flask-Limiter key function reads the client-supplied `{}` header: clients pick their own rate-limit key",
                read.header
            ),
        );
        if read.module != module
            || !(expr.span.start <= read.span.start && read.span.end <= expr.span.end)
        {
            finding.step(
                Target::Module(read.module, read.span),
                format!("`{}` is read here", read.header),
            );
        }
    }
}

struct Read {
    header: String,
    module: ModuleId,
    span: Span,
}

/// Where a key function (a lambda, or a project function it names) reads a forwarding
/// header, if it does.
fn forwarded_read(
    index: &Index<'_>,
    module: ModuleId,
    scope: ScopeRef,
    expr: &Expr,
    depth: u32,
) -> Option<Read> {
    if let ExprKind::Lambda { body, .. } = &expr.kind {
        let mut found = None;
        body.walk(&mut |e| {
            if found.is_none() {
                found = read_at(index, module, scope, e, depth);
            }
        });
        return found;
    }
    let r = index.resolve(module, scope, expr)?;
    let (m, f) = index.project_function(&r.qual)?;
    let def = &index.module(m).functions[f.0 as usize];
    let mut found = None;
    walk_body_exprs(&def.body, &mut |e| {
        if found.is_none() {
            found = read_at(index, m, ScopeRef::Function(f), e, depth);
        }
    });
    found
}

/// A forwarding-header read at `e` itself, or inside a project function it calls.
fn read_at(
    index: &Index<'_>,
    module: ModuleId,
    scope: ScopeRef,
    e: &Expr,
    depth: u32,
) -> Option<Read> {
    let header = match &e.kind {
        ExprKind::Call(call) => {
            let r = index.resolve(module, scope, &call.func)?;
            let header_getter = r.qual.rsplit_once('.').is_some_and(|(part, method)| {
                matches!(method, "get" | "getlist" | "get_all")
                    && request::part(part).is_some_and(request::Part::has_headers)
            });
            if header_getter {
                let Value::Str(name) = index.eval(module, scope, call.args.first()?) else {
                    return None;
                };
                forwarding_header(&name)?
            } else if depth < MAX_DEPTH && index.project_function(&r.qual).is_some() {
                return forwarded_read(index, module, scope, &call.func, depth + 1);
            } else {
                return None;
            }
        }
        ExprKind::Subscript { value, index: key } => {
            let r = index.resolve(module, scope, value)?;
            if !request::part(&r.qual).is_some_and(request::Part::has_headers) {
                return None;
            }
            let Value::Str(name) = index.eval(module, scope, key) else {
                return None;
            };
            forwarding_header(&name)?
        }
        ExprKind::Attribute { attr, .. } if attr == "access_route" => {
            let r = index.resolve(module, scope, e)?;
            if r.qual != request::ACCESS_ROUTE {
                return None;
            }
            "X-Forwarded-For".to_string()
        }
        _ => return None,
    };
    Some(Read {
        header,
        module,
        span: e.span,
    })
}

/// The header's usual spelling, if `name` (a header or WSGI environ key) is a
/// forwarding header.
fn forwarding_header(name: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase().replace('_', "-");
    let lower = lower.strip_prefix("http-").unwrap_or(&lower);
    FORWARDING_HEADERS.contains(&lower).then(|| {
        lower
            .split('-')
            .map(|p| {
                if p == "ip" {
                    return "IP".to_string();
                }
                let mut cs = p.chars();
                cs.next().map_or(String::new(), |f| {
                    f.to_ascii_uppercase().to_string() + cs.as_str()
                })
            })
            .collect::<Vec<_>>()
            .join("-")
    })
}
