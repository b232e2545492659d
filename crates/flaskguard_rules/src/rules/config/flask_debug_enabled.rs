use flaskguard_report::{Applicability, Edit, Fix};

use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for `app.run(debug=True)`.
    ///
    /// ## Why is this bad?
    /// Debug mode turns on the Werkzeug debugger: any exception page becomes an
    /// interactive Python console. Anyone who can reach the server and trigger an error
    /// (or guess the PIN, which is derived from machine facts) can run code on it.
    ///
    /// ## Example
    /// ```python
    /// app.run(debug=True)
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// app.run(debug=os.environ.get("FLASK_DEBUG") == "1")
    /// ```
    ///
    /// Or better, start the development server with `flask run --debug` and deploy with a
    /// production WSGI server.
    ///
    /// ## Fix safety
    /// The fix removes `debug=True`; it is unsafe because developers may rely on the
    /// reloader while working locally.
    ///
    /// ## References
    /// - [Flask: Debug Mode](https://flask.palletsprojects.com/en/stable/quickstart/#debug-mode)
    /// - [Werkzeug: Debugging Applications](https://werkzeug.palletsprojects.com/en/stable/debug/)
    pub(crate) static RULE = {
        code: "FG201",
        name: "flask-debug-enabled",
        summary: "Flask app run with debug=True",
        severity: Critical,
        confidence: High,
        cwe: [489, 94],
        owasp: "A05",
        remediation: "Drive debug mode from the environment (flask run --debug) and never enable it in production.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for c in ctx.index.calls_to("flask.Flask().run") {
        let key = "debug";
        let Some(debug) = c.call.keyword(key) else {
            continue;
        };
        if ctx.index.eval(c.module, c.scope, debug).truthy() != Some(true) {
            continue;
        }
        let kw = c
            .call
            .keywords
            .iter()
            .find(|k| k.arg.as_deref() == Some(key))
            .map_or(debug.span, |k| k.span);
        out.at(
            c.module,
            kw,
            format!(
                "`{key}=True` enables the Werkzeug debugger, an interactive console that runs code"
            ),
        )
        .fix(Fix {
            title: format!("Remove `{key}=True`"),
            applicability: Applicability::DisplayOnly,
            edits: vec![Edit {
                byte_start: kw.start,
                byte_end: kw.end,
                content: String::new(),
            }],
        });
    }
}
