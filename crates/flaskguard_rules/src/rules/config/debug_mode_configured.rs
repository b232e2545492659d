use flaskguard_flask::ConfigOrigin;
use flaskguard_index::Value;

use crate::helpers::{effective_literal, setting_target};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for debug or testing mode switched on by configuration: `DEBUG = True` or
    /// `TESTING = True` in a config class, module, `app.config`, `from_mapping`, or
    /// `FLASK_DEBUG=1` / `FLASK_ENV=development` in a committed `.flaskenv` or `.env`.
    ///
    /// ## Why is this bad?
    /// In debug mode the Werkzeug debugger serves an interactive console on every error
    /// page; in testing mode exceptions propagate to the client. Configuration that ships
    /// with the app ends up in production unless something stops it.
    ///
    /// ## Example
    /// ```python
    /// class ProductionConfig(Config):
    ///     DEBUG = True
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// class ProductionConfig(Config):
    ///     DEBUG = False
    /// ```
    ///
    /// ## Known problems
    /// Settings in classes or modules named for development or tests (`DevelopmentConfig`,
    /// `tests/`) are not reported: that is where debug mode belongs.
    ///
    /// ## References
    /// - [Flask: Configuration Handling — DEBUG](https://flask.palletsprojects.com/en/stable/config/#DEBUG)
    /// - [Flask: Deploying to Production](https://flask.palletsprojects.com/en/stable/deploying/)
    pub(crate) static RULE = {
        code: "FG202",
        name: "debug-mode-configured",
        summary: "Debug or testing mode enabled by configuration",
        severity: High,
        confidence: High,
        cwe: [489],
        owasp: "A05",
        remediation: "Enable debug mode only from the developer's environment (flask run --debug), never in shipped configuration.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for s in &ctx.model.config {
        if !s.profile.is_deployed() || s.origin == ConfigOrigin::RunArgument {
            continue;
        }
        let message = match s.key.as_str() {
            "DEBUG" | "TESTING" => {
                if effective_literal(&s.value).and_then(Value::truthy) != Some(true) {
                    continue;
                }
                if s.origin == ConfigOrigin::EnvFile {
                    let line = ctx.project.texts[s.text_index.unwrap_or(0)]
                        .source
                        .slice(s.span);
                    let line = line.split(" #").next().unwrap_or(line).trim();
                    format!(
                        "`{line}` in an env file enables debug mode for every `flask run` that reads it"
                    )
                } else {
                    format!(
                        "`{} = True` in shipped configuration{}",
                        s.key,
                        class_note(&s.origin)
                    )
                }
            }
            "ENV" => {
                if effective_literal(&s.value).and_then(Value::as_str) != Some("development") {
                    continue;
                }
                format!(
                    "`ENV = \"development\"` in shipped configuration{}",
                    class_note(&s.origin)
                )
            }
            _ => continue,
        };
        out.report(setting_target(s), message);
    }
}

fn class_note(origin: &ConfigOrigin) -> String {
    match origin {
        ConfigOrigin::ClassAttribute { class } => format!(" (`{class}`)"),
        _ => String::new(),
    }
}
