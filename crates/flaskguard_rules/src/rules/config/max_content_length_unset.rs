use crate::helpers::app_target;
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks that an app which accepts request bodies (POST, PUT or PATCH routes) sets
    /// `MAX_CONTENT_LENGTH`.
    ///
    /// ## Why is this bad?
    /// Flask's default is no limit: a single client can stream gigabytes into a JSON body or
    /// an upload, tying up a worker and filling memory or disk. Werkzeug limits form parts,
    /// but not raw bodies or `request.get_json()`.
    ///
    /// ## Example
    /// ```python
    /// app = Flask(__name__)
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// app = Flask(__name__)
    /// app.config["MAX_CONTENT_LENGTH"] = 16 * 1024 * 1024
    /// ```
    ///
    /// ## Known problems
    /// A limit enforced by the reverse proxy (nginx `client_max_body_size`) is invisible
    /// here; suppress the finding with a note when that is the case.
    ///
    /// ## References
    /// - [Flask: MAX_CONTENT_LENGTH](https://flask.palletsprojects.com/en/stable/config/#MAX_CONTENT_LENGTH)
    /// - [Flask: Resource use](https://flask.palletsprojects.com/en/stable/web-security/#resource-use)
    pub(crate) static RULE = {
        code: "FG215",
        name: "max-content-length-unset",
        summary: "Request body size is unbounded (MAX_CONTENT_LENGTH unset)",
        severity: Medium,
        confidence: Medium,
        cwe: [400, 770],
        owasp: "A04",
        remediation: "Set MAX_CONTENT_LENGTH to the largest body the app needs (e.g. 16 MiB).",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    if ctx.model.is_configured("MAX_CONTENT_LENGTH") {
        return;
    }
    if !ctx.model.routes.iter().any(|r| {
        r.methods
            .iter()
            .any(|m| matches!(m.as_str(), "POST" | "PUT" | "PATCH"))
    }) {
        return;
    }
    if let Some(target) = app_target(ctx.model) {
        out.report(
            target,
            "`MAX_CONTENT_LENGTH` is never set: request bodies are unbounded",
        );
    }
}
