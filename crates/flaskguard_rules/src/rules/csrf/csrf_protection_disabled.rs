use flaskguard_index::Value;

use super::deployed_settings;
use crate::helpers::effective_literal;
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for `WTF_CSRF_ENABLED` set to a false value in configuration that applies
    /// outside development and testing.
    ///
    /// ## Why is this bad?
    /// `WTF_CSRF_ENABLED = False` switches off Flask-WTF's CSRF check everywhere:
    /// `CSRFProtect` stops checking requests and every `FlaskForm` stops validating its
    /// token. Any site the user visits can then submit forms to the application with the
    /// user's session cookie: change their e-mail, delete their data, place orders.
    ///
    /// ## Example
    /// ```python
    /// class StagingConfig(Config):
    ///     WTF_CSRF_ENABLED = False
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// class TestingConfig(Config):
    ///     TESTING = True
    ///     WTF_CSRF_ENABLED = False  # test clients post forms without tokens
    /// ```
    ///
    /// and leave the default (`True`) everywhere else.
    ///
    /// ## Known problems
    /// Settings in classes or modules named for development or testing (`DevelopmentConfig`,
    /// `TestingConfig`, `tests/`) are not reported. A class whose name does not say where it
    /// is used (`Config`, `BaseConfig`) is treated as production configuration.
    ///
    /// ## References
    /// - [Flask-WTF: CSRF Protection](https://flask-wtf.readthedocs.io/en/stable/csrf/)
    /// - [Flask-WTF: Configuration](https://flask-wtf.readthedocs.io/en/stable/config/)
    /// - [OWASP: Cross-Site Request Forgery Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG232",
        name: "csrf-protection-disabled",
        summary: "Flask-WTF CSRF protection disabled (WTF_CSRF_ENABLED = False)",
        severity: High,
        confidence: High,
        cwe: [352],
        owasp: "A01",
        remediation: "Keep WTF_CSRF_ENABLED at its default (True) outside tests.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for s in deployed_settings(ctx, "WTF_CSRF_ENABLED") {
        // Flask-WTF tests the value's truthiness: the string "False" keeps it enabled.
        let Some(value) = effective_literal(&s.value) else {
            continue;
        };
        if value.truthy() != Some(false) {
            continue;
        }
        let via = match &s.value {
            Value::Env { var, .. } => format!(" (the default of environment variable `{var}`)"),
            _ => String::new(),
        };
        out.report(
            s.target,
            format!(
                "`WTF_CSRF_ENABLED` is set to a false value{via}: Flask-WTF checks no CSRF tokens"
            ),
        );
    }
}
