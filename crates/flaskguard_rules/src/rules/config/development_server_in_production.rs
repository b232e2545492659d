use flaskguard_index::ir::{CmpOp, Compare, Expr, ExprKind, Stmt, StmtKind, Try};

use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for `app.run()` executed when a module is imported — at module level and not
    /// under `if __name__ == "__main__":`.
    ///
    /// ## Why is this bad?
    /// A WSGI server (gunicorn, uwsgi) imports the module to find the app. A module-level
    /// `app.run()` then starts Flask's development server inside the production process,
    /// with its single-threaded, unhardened request handling — often with debug options.
    ///
    /// ## Example
    /// ```python
    /// app = create_app()
    /// app.run()
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// app = create_app()
    ///
    /// if __name__ == "__main__":
    ///     app.run()
    /// ```
    ///
    /// ## References
    /// - [Flask: Deploying to Production](https://flask.palletsprojects.com/en/stable/deploying/)
    /// - [Python: __main__](https://docs.python.org/3/library/__main__.html)
    pub(crate) static RULE = {
        code: "FG221",
        name: "development-server-in-production",
        summary: "Development server started at import time",
        severity: Medium,
        confidence: High,
        cwe: [1188],
        owasp: "A05",
        remediation: "Guard app.run() with `if __name__ == \"__main__\":` and deploy with a production WSGI server.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for m in ctx.index.modules {
        let mut found = Vec::new();
        unguarded_calls(&m.body, &mut found);
        for expr in found {
            let Some(call) = expr.as_call() else { continue };
            let is_run = ctx
                .index
                .resolve(m.id, flaskguard_index::ir::ScopeRef::Module, &call.func)
                .is_some_and(|r| r.qual == "flask.Flask().run");
            if is_run {
                out.at(m.id, expr.span, "`app.run()` runs whenever this module is imported, starting the development server inside any WSGI server");
            }
        }
    }
}

/// Call expressions in statements that run at import time, outside `__main__` guards.
fn unguarded_calls<'a>(body: &'a [Stmt], out: &mut Vec<&'a Expr>) {
    for stmt in body {
        match &stmt.kind {
            StmtKind::Expr(e) => {
                if matches!(e.kind, ExprKind::Call(_)) {
                    out.push(e);
                }
            }
            StmtKind::If { test, body, orelse } => {
                if is_main_guard(test) {
                    continue;
                }
                unguarded_calls(body, out);
                unguarded_calls(orelse, out);
            }
            StmtKind::Try(tr) => {
                let Try {
                    body, finalbody, ..
                } = &**tr;
                unguarded_calls(body, out);
                unguarded_calls(finalbody, out);
            }
            StmtKind::With { body, .. } => unguarded_calls(body, out),
            _ => {}
        }
    }
}

fn is_main_guard(test: &Expr) -> bool {
    let ExprKind::Compare(cmp) = &test.kind else {
        return false;
    };
    let Compare {
        left,
        ops,
        comparators,
    } = &**cmp;
    if ops[..] != [CmpOp::Eq] {
        return false;
    }
    let sides = [left, &comparators[0]];
    sides.iter().any(|e| e.as_name() == Some("__name__"))
        && sides.iter().any(|e| e.as_str() == Some("__main__"))
}
