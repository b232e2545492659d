use flaskguard_index::Value;

use crate::helpers::setting_target;
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for `SECRET_KEY_FALLBACKS` written as literal keys in the source.
    ///
    /// ## Why is this bad?
    /// Fallback keys are still accepted for verifying sessions. Old keys kept as literals
    /// in the repository never expire: anyone who ever had the code can forge sessions
    /// signed with them, and a rotation meant to lock out a leaked key achieves nothing.
    ///
    /// ## Example
    /// ```python
    /// SECRET_KEY_FALLBACKS = ["old-key-2023", "old-key-2022"]
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// SECRET_KEY_FALLBACKS = [k for k in os.environ.get("OLD_SECRET_KEYS", "").split(",") if k]
    /// ```
    ///
    /// Remove each old key once the sessions it signed have expired.
    ///
    /// ## References
    /// - [Flask: SECRET_KEY_FALLBACKS](https://flask.palletsprojects.com/en/stable/config/#SECRET_KEY_FALLBACKS)
    pub(crate) static RULE = {
        code: "FG208",
        name: "secret-key-fallbacks-hardcoded",
        summary: "Old secret keys kept as literals in SECRET_KEY_FALLBACKS",
        severity: Medium,
        confidence: High,
        cwe: [324, 798],
        owasp: "A02",
        remediation: "Load fallback keys from the secret store and remove each one after PERMANENT_SESSION_LIFETIME has passed.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for s in ctx.model.production_settings("SECRET_KEY_FALLBACKS") {
        let Value::List(items) = &s.value else {
            continue;
        };
        let literals = items
            .iter()
            .filter(|v| matches!(v, Value::Str(k) if !k.is_empty()))
            .count();
        if literals == 0 {
            continue;
        }
        let plural = if literals == 1 { "key" } else { "keys" };
        out.report(setting_target(s), format!("`SECRET_KEY_FALLBACKS` keeps {literals} old {plural} in source, accepted for as long as the code ships"));
    }
}
