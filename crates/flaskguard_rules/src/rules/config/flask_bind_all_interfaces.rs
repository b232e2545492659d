use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for the development server bound to every interface:
    /// `app.run(host="0.0.0.0")`, `"::"`, or `run_simple("0.0.0.0", …)`.
    ///
    /// ## Why is this bad?
    /// The development server is not hardened. Bound to all interfaces it is reachable from
    /// the whole network — together with debug mode, that is remote code execution for
    /// anyone on the same Wi-Fi.
    ///
    /// ## Example
    /// ```python
    /// app.run(host="0.0.0.0")
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// app.run()  # 127.0.0.1; use gunicorn or uwsgi to serve others
    /// ```
    ///
    /// ## References
    /// - [Flask: Externally Visible Server](https://flask.palletsprojects.com/en/stable/quickstart/#public-server)
    /// - [Flask: Deploying to Production](https://flask.palletsprojects.com/en/stable/deploying/)
    pub(crate) static RULE = {
        code: "FG220",
        name: "flask-bind-all-interfaces",
        summary: "Development server bound to all interfaces",
        severity: Medium,
        confidence: High,
        cwe: [668, 605],
        owasp: "A01",
        remediation: "Bind the development server to 127.0.0.1 and serve production traffic with a WSGI server behind a proxy.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

/// The keyword (first argument) naming the interface a development server listens on.
fn host_parameter(qual: &str) -> Option<&'static str> {
    match qual {
        "flask.Flask().run" => Some("host"),
        "werkzeug.serving.run_simple" => Some("hostname"),
        _ => None,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for c in ctx.index.calls_where(|q| host_parameter(q).is_some()) {
        let Some(callee) = &c.callee else { continue };
        let Some(keyword) = host_parameter(&callee.qual) else {
            continue;
        };
        let Some(host) = c.call.argument(0, keyword) else {
            continue;
        };
        let value = ctx.index.eval(c.module, c.scope, host);
        let Some(h) = crate::helpers::effective_literal(&value).and_then(|v| v.as_str()) else {
            continue;
        };
        if matches!(h, "0.0.0.0" | "::" | "[::]" | "") {
            out.at(
                c.module,
                host.span,
                format!("The development server listens on every interface (`{h}`)"),
            );
        }
    }
}
