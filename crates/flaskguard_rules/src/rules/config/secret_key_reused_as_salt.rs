use flaskguard_index::ir::{Expr, ExprKind, ScopeRef};
use flaskguard_index::semantic::Binding;
use flaskguard_index::{Index, ModuleId};

use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for the app's `SECRET_KEY` passed as a salt (`salt=`) — to itsdangerous
    /// serializers, Hashids and similar — instead of a purpose-specific value.
    ///
    /// ## Why is this bad?
    /// A salt is public by design: Hashids publishes it in every id it encodes, and salts
    /// are meant to separate contexts, not to be secret. Passing the secret key as a salt
    /// leaks or weakens the one value that protects every session.
    ///
    /// ## Example
    /// ```python
    /// s = URLSafeTimedSerializer(app.config["SECRET_KEY"], salt=app.config["SECRET_KEY"])
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// s = URLSafeTimedSerializer(app.config["SECRET_KEY"], salt="password-reset")
    /// ```
    ///
    /// ## References
    /// - [itsdangerous: The Salt](https://itsdangerous.palletsprojects.com/en/stable/concepts/#the-salt)
    /// - [Hashids: salt is not a secret](https://hashids.org/)
    pub(crate) static RULE = {
        code: "FG207",
        name: "secret-key-reused-as-salt",
        summary: "SECRET_KEY used as a salt or identifier",
        severity: Medium,
        confidence: High,
        cwe: [327],
        owasp: "A02",
        remediation: "Use a distinct, purpose-specific salt string (e.g. \"password-reset\") and keep SECRET_KEY for signing only.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for c in ctx.index.calls() {
        let Some(salt) = c.call.keyword("salt") else {
            continue;
        };
        if is_secret_key(ctx.index, c.module, c.scope, salt, 0) {
            let callee = c.callee.as_ref().map_or("this call", |r| r.qual.as_str());
            out.at(
                c.module,
                salt.span,
                format!("The app's `SECRET_KEY` is passed as the salt of `{callee}`"),
            );
        }
    }
}

/// Whether `expr` denotes the app's secret key.
pub(super) fn is_secret_key(
    index: &Index<'_>,
    module: ModuleId,
    scope: ScopeRef,
    expr: &Expr,
    depth: u32,
) -> bool {
    if depth > 6 {
        return false;
    }
    match &expr.kind {
        ExprKind::Subscript { value, index: key } => {
            index.resolve(module, scope, value).is_some_and(|r| {
                r.qual.ends_with(".config")
                    && (r.qual.starts_with("flask.Flask()")
                        || r.qual.starts_with("flask.current_app"))
            }) && index.eval(module, scope, key).as_str() == Some("SECRET_KEY")
        }
        ExprKind::Call(call) => {
            matches!(&call.func.kind, ExprKind::Attribute { value, attr } if attr == "get"
                && index.resolve(module, scope, value).is_some_and(|r| r.qual.ends_with(".config")))
                && call
                    .args
                    .first()
                    .is_some_and(|a| index.eval(module, scope, a).as_str() == Some("SECRET_KEY"))
        }
        ExprKind::Attribute { value, attr } => {
            (attr == "secret_key"
                && index
                    .resolve(module, scope, value)
                    .is_some_and(|r| r.qual == "flask.Flask()" || r.qual == "flask.current_app"))
                || (attr == "SECRET_KEY"
                    && index
                        .resolve(module, scope, value)
                        .is_some_and(|r| index.project_class(&r.qual).is_some()))
        }
        ExprKind::Name(name) => {
            if name == "SECRET_KEY" {
                return true;
            }
            let Some((found, bindings)) = index.bindings_of(module, scope, name) else {
                return false;
            };
            matches!(bindings, [Binding::Assign(v)] if is_secret_key(index, module, found, v, depth + 1))
        }
        _ => false,
    }
}
