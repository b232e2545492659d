use flaskguard_index::Value;

use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks `response.set_cookie(...)` calls for the `secure`, `httponly` and `samesite`
    /// flags, and for `samesite="None"`.
    ///
    /// Medium for cookies that may hold a session, a user or a credential (by their name,
    /// or any name not known); low for constant values and preferences (`theme`, `sort`).
    ///
    /// ## Why is this bad?
    /// Werkzeug's `set_cookie` sets none of these by default: the cookie travels over plain
    /// HTTP, scripts can read it, and it rides along on cross-site requests.
    ///
    /// ## Example
    /// ```python
    /// resp.set_cookie("remember", token)
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// resp.set_cookie("remember", token, secure=True, httponly=True, samesite="Lax")
    /// ```
    ///
    /// ## Known problems
    /// Only responses flaskguard can identify (`make_response`, `Response`, `jsonify`,
    /// `redirect`, `render_template` results and `after_request` hooks' responses) are checked.
    ///
    /// ## References
    /// - [Werkzeug: Response.set_cookie](https://werkzeug.palletsprojects.com/en/stable/wrappers/#werkzeug.wrappers.Response.set_cookie)
    /// - [Flask: Set-Cookie options](https://flask.palletsprojects.com/en/stable/web-security/#set-cookie-options)
    pub(crate) static RULE = {
        code: "FG214",
        name: "cookie-without-secure-flags",
        summary: "Cookie set without Secure, HttpOnly or SameSite",
        severity: Medium,
        confidence: Medium,
        cwe: [614, 1004, 1275],
        owasp: "A05",
        remediation: "Pass secure=True, httponly=True and samesite=\"Lax\" (or \"Strict\") to set_cookie.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

const RESPONSE_TYPES: &[&str] = &[
    "flask.make_response()",
    "flask.Response()",
    "flask.jsonify()",
    "flask.redirect()",
    "flask.send_file()",
    "flask.send_from_directory()",
    "flask.wrappers.Response()",
    "werkzeug.wrappers.Response()",
    "flask.Response()()",
];

/// The object whose `set_cookie` a callee is (`flask.make_response()` for
/// `flask.make_response().set_cookie`).
fn cookie_setter_receiver(qual: &str) -> Option<&str> {
    qual.strip_suffix(".set_cookie")
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for c in ctx
        .index
        .calls_where(|q| cookie_setter_receiver(q).is_some())
    {
        let Some(callee) = &c.callee else { continue };
        let Some(receiver) = cookie_setter_receiver(&callee.qual) else {
            continue;
        };
        if !RESPONSE_TYPES.contains(&receiver) && !is_hook_response(ctx, c, receiver) {
            continue;
        }
        // `**flags`: a dict whose keys are known stands for its entries.
        let mut spread: Vec<(String, Value)> = Vec::new();
        for k in c.call.keywords.iter().filter(|k| k.arg.is_none()) {
            if let Value::Dict(items) = ctx.index.eval(c.module, c.scope, &k.value) {
                spread.extend(
                    items
                        .into_iter()
                        .filter_map(|(k, v)| Some((k.as_str()?.to_string(), v))),
                );
            } else {
                spread.clear();
                break;
            }
        }
        if c.call.has_kwargs_spread() && spread.is_empty() {
            continue;
        }
        let flag = |name: &str, position: usize| {
            c.call
                .argument(position, name)
                .map(|e| ctx.index.eval(c.module, c.scope, e))
                .or_else(|| {
                    spread
                        .iter()
                        .find(|(k, _)| k == name)
                        .map(|(_, v)| v.clone())
                })
        };
        // A flag read from the project's INI files is off if any of them turns it off.
        let off = |v: &Value| {
            v.truthy() == Some(false)
                || crate::ini::candidates(ctx.project, v)
                    .is_some_and(|c| c.iter().any(|v| v.truthy() == Some(false)))
        };
        let mut missing = Vec::new();
        if flag("secure", 7).is_none_or(|v| off(&v)) {
            missing.push("secure");
        }
        if flag("httponly", 8).is_none_or(|v| off(&v)) {
            missing.push("httponly");
        }
        let samesite = flag("samesite", 9);
        let samesite_none =
            matches!(&samesite, Some(Value::Str(s)) if s.eq_ignore_ascii_case("none"));
        if samesite.is_none() || matches!(samesite, Some(Value::None)) {
            missing.push("samesite");
        }
        let name = c
            .call
            .argument(0, "key")
            .map(|e| ctx.index.eval(c.module, c.scope, e))
            .and_then(|v| v.as_str().map(|s| format!("Cookie `{s}`")))
            .unwrap_or_else(|| "A cookie".to_string());
        if !missing.is_empty() {
            let finding = out.at(
                c.module,
                c.expr.span,
                format!("{name} is set without {}", missing.join(", ")),
            );
            // The flags protect what a cookie holds. A constant (`"done"`, `"1"`) or a
            // display preference under a name that says nothing of identity holds nothing
            // to steal or forge: a low note.
            if !holds_something_sensitive(ctx, c) {
                finding.severity(flaskguard_report::Severity::Low);
            }
        } else if samesite_none {
            out.at(
                c.module,
                c.expr.span,
                format!(
                    "{name} is set with `samesite=\"None\"`: it is sent on cross-site requests"
                ),
            );
        }
    }
    raw_set_cookie_headers(ctx, out);
}

/// Whether a `set_cookie` call may store something worth protecting: its value is not a
/// constant, or its name (when known) speaks of a session, a user or a credential.
fn holds_something_sensitive(
    ctx: &Context<'_, '_>,
    c: &flaskguard_index::semantic::CallSite<'_>,
) -> bool {
    let value = c
        .call
        .argument(1, "value")
        .map(|e| ctx.index.eval(c.module, c.scope, e));
    let name = c.call.argument(0, "key").and_then(|e| {
        ctx.index
            .eval(c.module, c.scope, e)
            .as_str()
            .map(str::to_string)
    });
    let sensitive_name = name
        .as_deref()
        .is_none_or(crate::helpers::names_identity_or_credential);
    let constant = value.as_ref().is_some_and(Value::is_constant);
    sensitive_name && !constant
}

/// `response.headers.add("Set-Cookie", "name=value; Path=/")` or
/// `response.headers["Set-Cookie"] = ...` without `Secure`.
fn raw_set_cookie_headers(ctx: &Context<'_, '_>, out: &mut Reporter) {
    use flaskguard_index::ir::{Expr, ExprKind, ScopeRef};
    let is_set_cookie = |module, scope: ScopeRef, name: &Expr| {
        ctx.index
            .eval(module, scope, name)
            .as_str()
            .is_some_and(|n| n.eq_ignore_ascii_case("set-cookie"))
    };
    let is_headers =
        |e: &Expr| matches!(&e.kind, ExprKind::Attribute { attr, .. } if attr == "headers");
    for c in ctx.index.calls() {
        let ExprKind::Attribute { value, attr } = &c.call.func.kind else {
            continue;
        };
        if !matches!(attr.as_str(), "add" | "set" | "add_header") || !is_headers(value) {
            continue;
        }
        let (Some(name), Some(header)) = (c.call.args.first(), c.call.args.get(1)) else {
            continue;
        };
        if is_set_cookie(c.module, c.scope, name) {
            check_raw_header(ctx, out, c.module, c.scope, c.expr.span, header);
        }
    }
    for a in ctx.index.assigns() {
        if let ExprKind::Subscript { value, index } = &a.target.kind
            && is_headers(value)
            && is_set_cookie(a.module, a.scope, index)
        {
            check_raw_header(ctx, out, a.module, a.scope, a.span, a.value);
        }
    }
}

fn check_raw_header(
    ctx: &Context<'_, '_>,
    out: &mut Reporter,
    module: flaskguard_index::ModuleId,
    scope: flaskguard_index::ir::ScopeRef,
    span: flaskguard_index::Span,
    header: &flaskguard_index::ir::Expr,
) {
    use flaskguard_index::ir::{ExprKind, FPart};
    // The literal text of the header: flags are constant parts.
    let text = match &header.kind {
        ExprKind::FString(parts) => parts
            .iter()
            .filter_map(|p| match p {
                FPart::Literal(l) => Some(l.as_str()),
                FPart::Expr(_) => None,
            })
            .collect::<Vec<_>>()
            .join(""),
        _ => match ctx.index.eval(module, scope, header) {
            Value::Str(s) => s,
            _ => return,
        },
    };
    let lower = text.to_ascii_lowercase();
    let mut missing = Vec::new();
    if !lower.contains("secure") {
        missing.push("Secure");
    }
    if !lower.contains("httponly") {
        missing.push("HttpOnly");
    }
    if !lower.contains("samesite") {
        missing.push("SameSite");
    }
    if !missing.is_empty() {
        out.at(
            module,
            span,
            format!(
                "A `Set-Cookie` header is written by hand without {}",
                missing.join(", ")
            ),
        );
    }
}

/// The receiver is the `response` parameter of an `after_request` hook or any function
/// annotated to take a Flask response.
fn is_hook_response(
    ctx: &Context<'_, '_>,
    c: &flaskguard_index::semantic::CallSite<'_>,
    receiver: &str,
) -> bool {
    if receiver.ends_with("Response()") {
        return true;
    }
    let flaskguard_index::ir::ScopeRef::Function(f) = c.scope else {
        return false;
    };
    let def = &ctx.index.module(c.module).functions[f.0 as usize];
    def.decorators.iter().any(|d| {
        ctx.index.resolve(c.module, def.parent, d).is_some_and(|r| {
            r.qual.ends_with(".after_request") || r.qual.ends_with(".after_app_request")
        })
    }) && def.params.first().is_some_and(|p| {
        let flaskguard_index::ir::ExprKind::Attribute { value, .. } = &c.call.func.kind else {
            return false;
        };
        value.as_name() == Some(p.name.as_str())
    })
}
