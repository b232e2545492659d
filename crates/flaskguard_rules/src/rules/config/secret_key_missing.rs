use flaskguard_flask::ExtKind;
use flaskguard_index::Value;

use crate::helpers::{app_target, setting_target};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for a `SECRET_KEY` explicitly set to `None` or an empty string in a deployed
    /// configuration, and for apps that use sessions, flashed messages, Flask-WTF CSRF or
    /// Flask-Login but never configure a secret key at all.
    ///
    /// ## Why is this bad?
    /// Without a key Flask refuses to sign sessions at the first request that needs one —
    /// often in production, at login. Worse, code that "fixes" the crash in a hurry tends to
    /// add a literal key. Fail at start-up instead, with a clear message.
    ///
    /// ## Example
    /// ```python
    /// class StagingConfig(Config):
    ///     SECRET_KEY = None
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// class StagingConfig(Config):
    ///     SECRET_KEY = os.environ["SECRET_KEY"]  # KeyError at start-up if missing
    /// ```
    ///
    /// ## Known problems
    /// Configuration loaded from files or environment prefixes flaskguard cannot see
    /// (`from_envvar`, `from_prefixed_env`, `from_file`) counts as configuring the key.
    ///
    /// ## References
    /// - [Flask: SECRET_KEY](https://flask.palletsprojects.com/en/stable/config/#SECRET_KEY)
    /// - [Flask: Sessions](https://flask.palletsprojects.com/en/stable/quickstart/#sessions)
    pub(crate) static RULE = {
        code: "FG206",
        name: "secret-key-missing",
        summary: "SECRET_KEY unset or None while sessions are used",
        severity: Medium,
        confidence: Medium,
        cwe: [330],
        owasp: "A05",
        remediation: "Read SECRET_KEY from the environment with os.environ[\"SECRET_KEY\"] so a missing key fails at start-up.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

/// Config loaders reading settings from outside the source (the key may be set there).
const EXTERNAL_LOADERS: &[&str] = &[
    "flask.Flask().config.from_envvar",
    "flask.Flask().config.from_prefixed_env",
    "flask.Flask().config.from_file",
    "flask.Flask().config.from_pyfile",
    "flask.Flask().config.from_object",
];

/// Calls that sign data with the secret key: flashing, the session, logging a user in.
fn needs_secret_key(qual: &str) -> bool {
    qual == "flask.flash" || qual.starts_with("flask.session.") || qual == "flask_login.login_user"
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for s in ctx.model.production_settings("SECRET_KEY") {
        let empty = match &s.value {
            Value::None => true,
            Value::Str(v) => v.is_empty(),
            _ => false,
        };
        if empty {
            out.report(
                setting_target(s),
                format!(
                    "`SECRET_KEY` is set to `{}`: sessions cannot be signed",
                    ctx_text(ctx, s)
                ),
            );
        }
    }
    if ctx.model.is_configured("SECRET_KEY") || ctx.model.apps.is_empty() {
        return;
    }
    let loads_external = ctx.index.calls_to_any(EXTERNAL_LOADERS).next().is_some();
    if loads_external {
        return;
    }
    let needs_key = ctx.model.has_extension(ExtKind::CsrfProtect)
        || ctx.model.has_extension(ExtKind::LoginManager)
        || ctx.index.calls_where(needs_secret_key).next().is_some()
        || ctx.index.assigns().any(|a| {
            matches!(&a.target.kind, flaskguard_index::ir::ExprKind::Subscript { value, .. }
                if ctx.index.resolve(a.module, a.scope, value).is_some_and(|r| r.qual == "flask.session"))
        });
    if !needs_key {
        return;
    }
    if let Some(target) = app_target(ctx.model) {
        out.report(
            target,
            "The app uses sessions but never configures `SECRET_KEY`",
        );
    }
}

fn ctx_text(ctx: &Context<'_, '_>, s: &flaskguard_flask::ConfigSetting<'_>) -> String {
    match s.module {
        Some(m) => ctx.index.module(m).source.slice(s.span).to_string(),
        None => "None".to_string(),
    }
}
