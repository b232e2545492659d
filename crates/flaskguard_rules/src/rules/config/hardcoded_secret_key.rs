use flaskguard_index::Value;

use crate::helpers::{redact, setting_target, weak_secret_reason};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for a `SECRET_KEY` (or `app.secret_key`) written in the source: a string
    /// literal, or a literal fallback of an environment lookup
    /// (`os.environ.get("SECRET_KEY", "…")`).
    ///
    /// ## Why is this bad?
    /// The secret key signs the session cookie, flashed messages and CSRF tokens. Anyone
    /// who reads the repository (a leaked clone, a former contractor, a public fork) can
    /// forge a session for any user. A literal fallback is used silently whenever the
    /// variable is missing from the deployment.
    ///
    /// ## Example
    /// ```python
    /// app.config["SECRET_KEY"] = "9f2c1e7b5a…"
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    /// ```
    ///
    /// ## Known problems
    /// Keys that are also weak are reported as FG205 instead. Development and test
    /// configurations are not reported.
    ///
    /// ## References
    /// - [Flask: SECRET_KEY](https://flask.palletsprojects.com/en/stable/config/#SECRET_KEY)
    /// - [OWASP: Use of Hard-coded Credentials](https://owasp.org/www-community/vulnerabilities/Use_of_hard-coded_password)
    pub(crate) static RULE = {
        code: "FG204",
        name: "hardcoded-secret-key",
        summary: "Flask SECRET_KEY hard-coded in source",
        severity: High,
        confidence: High,
        cwe: [798, 321],
        owasp: "A02",
        remediation: "Load SECRET_KEY from the environment or a secret store, with no literal fallback.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for s in ctx.model.production_settings("SECRET_KEY") {
        if s.text_index.is_some() {
            continue;
        }
        let (secret, fallback) = match &s.value {
            Value::Str(v) => (v.as_str(), false),
            Value::Env {
                var,
                default: Some(d),
            } => match d.as_ref() {
                Value::Str(v) => {
                    let _ = var;
                    (v.as_str(), true)
                }
                _ => continue,
            },
            _ => continue,
        };
        if weak_secret_reason(secret).is_some() {
            continue;
        }
        let message = if fallback {
            format!(
                "`SECRET_KEY` falls back to a hard-coded value {} when the environment variable is missing",
                redact(secret)
            )
        } else {
            format!("`SECRET_KEY` is hard-coded in source: {}", redact(secret))
        };
        out.report(setting_target(s), message);
    }
}
