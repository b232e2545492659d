use flaskguard_index::Value;

use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for the Werkzeug debugger wired in by hand: `DebuggedApplication(app,
    /// evalex=True)`, `run_simple(..., use_debugger=True)`, and the debugger PIN switched off
    /// with `WERKZEUG_DEBUG_PIN=off`.
    ///
    /// ## Why is this bad?
    /// The debugger's console executes arbitrary Python. Wired in as middleware it is
    /// active whatever `DEBUG` says, and without its PIN anyone who reaches an error page
    /// controls the server.
    ///
    /// ## Example
    /// ```python
    /// from werkzeug.debug import DebuggedApplication
    /// app.wsgi_app = DebuggedApplication(app.wsgi_app, evalex=True)
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// # Run `flask run --debug` locally; deploy without the debugger.
    /// ```
    ///
    /// ## References
    /// - [Werkzeug: Debugging Applications](https://werkzeug.palletsprojects.com/en/stable/debug/)
    /// - [OWASP: Security Misconfiguration](https://owasp.org/Top10/A05_2021-Security_Misconfiguration/)
    pub(crate) static RULE = {
        code: "FG203",
        name: "werkzeug-debugger-wired",
        summary: "Werkzeug debugger wired in manually",
        severity: Critical,
        confidence: High,
        cwe: [489, 94],
        owasp: "A05",
        remediation: "Remove the debugger middleware; never disable its PIN; use `flask run --debug` only on a developer machine.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

/// The Werkzeug APIs that wire the debugger in.
#[derive(Clone, Copy)]
enum Wiring {
    /// `werkzeug.debug.DebuggedApplication(app, evalex=…)`.
    Middleware,
    /// `werkzeug.serving.run_simple(..., use_debugger=…)`.
    Server,
}

fn wiring(qual: &str) -> Option<Wiring> {
    match qual {
        "werkzeug.debug.DebuggedApplication" => Some(Wiring::Middleware),
        "werkzeug.serving.run_simple" => Some(Wiring::Server),
        _ => None,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for c in ctx.index.calls_where(|q| wiring(q).is_some()) {
        let Some(callee) = &c.callee else { continue };
        match wiring(&callee.qual) {
            Some(Wiring::Middleware) => {
                let evalex = c
                    .call
                    .argument(1, "evalex")
                    .map(|e| ctx.index.eval(c.module, c.scope, e));
                if evalex.as_ref().and_then(Value::truthy) == Some(true) {
                    out.at(c.module, c.expr.span, "`DebuggedApplication(..., evalex=True)` serves an interactive Python console on error pages");
                } else {
                    out.at(
                        c.module,
                        c.expr.span,
                        "`DebuggedApplication` shows tracebacks with source code to every client",
                    )
                    .severity(flaskguard_report::Severity::Medium);
                }
            }
            Some(Wiring::Server) => {
                let Some(e) = c.call.keyword("use_debugger") else {
                    continue;
                };
                if ctx.index.eval(c.module, c.scope, e).truthy() == Some(true) {
                    out.at(c.module, e.span, "`run_simple(..., use_debugger=True)` enables the Werkzeug debugger console");
                }
            }
            None => {}
        }
    }
    // `os.environ["WERKZEUG_DEBUG_PIN"] = "off"`
    for a in ctx.index.assigns() {
        let flaskguard_index::ir::ExprKind::Subscript { value, index } = &a.target.kind else {
            continue;
        };
        if ctx
            .index
            .resolve(a.module, a.scope, value)
            .is_none_or(|r| r.qual != "os.environ")
        {
            continue;
        }
        if ctx.index.eval(a.module, a.scope, index).as_str() != Some("WERKZEUG_DEBUG_PIN") {
            continue;
        }
        if ctx
            .index
            .eval(a.module, a.scope, a.value)
            .as_str()
            .is_some_and(|v| v.eq_ignore_ascii_case("off"))
        {
            out.at(
                a.module,
                a.span,
                "`WERKZEUG_DEBUG_PIN=off` removes the PIN that guards the debugger console",
            );
        }
    }
    for e in &ctx.model.env {
        if e.key == "WERKZEUG_DEBUG_PIN" && e.value.eq_ignore_ascii_case("off") {
            out.report(
                crate::Target::Text(e.text_index, e.span),
                "`WERKZEUG_DEBUG_PIN=off` removes the PIN that guards the debugger console",
            );
        }
    }
}
