use flaskguard_index::Value;
use flaskguard_index::ir::{Expr, ExprKind, ScopeRef, StmtKind, walk_stmts};

use crate::helpers::{redact, setting_target, weak_secret_reason};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for a `SECRET_KEY` that can be guessed: a well-known placeholder (`"dev"`,
    /// `"changeme"`, `"you-will-never-guess"`, …), anything shorter than 32 characters, or a
    /// value with very few distinct characters — including such a value used as the
    /// fallback of an environment lookup.
    ///
    /// ## Why is this bad?
    /// Flask's session cookie is signed, not encrypted, with HMAC over the secret key. A
    /// captured cookie lets an attacker test candidate keys offline (tools such as
    /// flask-unsign ship lists of exactly these placeholders); once the key is found they
    /// can sign a session that makes them any user, including an administrator.
    ///
    /// ## Example
    /// ```python
    /// SECRET_KEY = os.environ.get("SECRET_KEY", "dev")
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// SECRET_KEY = os.environ["SECRET_KEY"]  # generated with secrets.token_hex(32)
    /// ```
    ///
    /// ## Known problems
    /// Development and test configurations are not reported, nor a placeholder the app
    /// refuses to start with (`if app.config["SECRET_KEY"] == PLACEHOLDER: sys.exit(1)`).
    ///
    /// ## References
    /// - [Flask: SECRET_KEY](https://flask.palletsprojects.com/en/stable/config/#SECRET_KEY)
    /// - [Python: secrets.token_hex](https://docs.python.org/3/library/secrets.html#secrets.token_hex)
    pub(crate) static RULE = {
        code: "FG205",
        name: "weak-secret-key",
        summary: "Flask SECRET_KEY is weak, short or a known placeholder",
        severity: Critical,
        confidence: High,
        cwe: [521, 330],
        owasp: "A02",
        remediation: "Generate the key with `python -c 'import secrets; print(secrets.token_hex(32))'` and load it from the environment.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for s in ctx.model.production_settings("SECRET_KEY") {
        let (secret, fallback) = match &s.value {
            Value::Str(v) => (v.as_str(), false),
            Value::Env {
                default: Some(d), ..
            } => match d.as_ref() {
                Value::Str(v) => (v.as_str(), true),
                _ => continue,
            },
            _ => continue,
        };
        let Some(reason) = weak_secret_reason(secret) else {
            continue;
        };
        if refused_at_start(ctx, secret) {
            continue;
        }
        let message = if fallback {
            format!(
                "`SECRET_KEY` falls back to {} when the environment variable is missing, and {reason}",
                redact(secret)
            )
        } else {
            format!("`SECRET_KEY` {} can be guessed: {reason}", redact(secret))
        };
        out.report(setting_target(s), message);
    }
}

/// Whether the project turns `secret` away as its key: an `if` that compares the
/// `SECRET_KEY` setting (or `app.secret_key`) with it and ends by exiting or raising.
fn refused_at_start(ctx: &Context<'_, '_>, secret: &str) -> bool {
    let index = ctx.index;
    let names_key = |e: &Expr| match &e.kind {
        ExprKind::Subscript { index: key, .. } => key.as_str() == Some("SECRET_KEY"),
        ExprKind::Attribute { attr, .. } => attr == "secret_key" || attr == "SECRET_KEY",
        _ => false,
    };
    index.modules.iter().any(|m| {
        if ctx.model.is_test_code(m.id) {
            return false;
        }
        let scoped = std::iter::once((ScopeRef::Module, &m.body[..])).chain(
            m.functions.iter().enumerate().map(|(i, f)| {
                (
                    ScopeRef::Function(flaskguard_index::ir::FuncIdx(i as u32)),
                    &f.body[..],
                )
            }),
        );
        let mut found = false;
        for (scope, body) in scoped {
            walk_stmts(body, &mut |st| {
                let StmtKind::If { test, body, .. } = &st.kind else {
                    return;
                };
                let ExprKind::Compare(cmp) = &test.kind else {
                    return;
                };
                let operands = cmp.operands();
                let compares = operands.iter().any(|o| names_key(o))
                    && operands.iter().any(
                        |o| matches!(index.eval(m.id, scope, o), Value::Str(ref v) if v == secret),
                    );
                if compares && crate::helpers::ends_in_raise_or_abort(index, m.id, body) {
                    found = true;
                }
            });
        }
        found
    })
}
