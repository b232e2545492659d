use crate::helpers::{duration_seconds, effective_literal, human_duration, setting_target};
use crate::{Context, Reporter, declare_rule};

/// Longer than this is reported.
const LIMIT_SECONDS: f64 = 7.0 * 86_400.0;

declare_rule! {
    /// ## What it does
    /// Checks for `PERMANENT_SESSION_LIFETIME` longer than seven days (Flask's default is
    /// 31 days).
    ///
    /// ## Why is this bad?
    /// A permanent session cookie stays valid until it expires, even after a password
    /// change, unless the app keeps server-side state. A stolen cookie with a 90-day
    /// lifetime is a 90-day account takeover.
    ///
    /// ## Example
    /// ```python
    /// PERMANENT_SESSION_LIFETIME = timedelta(days=90)
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// PERMANENT_SESSION_LIFETIME = timedelta(hours=12)
    /// ```
    ///
    /// ## Options
    /// The threshold is seven days.
    ///
    /// ## References
    /// - [Flask: PERMANENT_SESSION_LIFETIME](https://flask.palletsprojects.com/en/stable/config/#PERMANENT_SESSION_LIFETIME)
    /// - [OWASP: Session Management Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html#session-expiration)
    pub(crate) static RULE = {
        code: "FG213",
        name: "session-lifetime-long",
        summary: "Permanent sessions live longer than a week",
        severity: Low,
        confidence: High,
        cwe: [613],
        owasp: "A07",
        remediation: "Lower PERMANENT_SESSION_LIFETIME to hours or a few days and re-authenticate for sensitive actions.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for s in ctx.model.production_settings("PERMANENT_SESSION_LIFETIME") {
        let Some(seconds) = effective_literal(&s.value).and_then(duration_seconds) else {
            continue;
        };
        if seconds > LIMIT_SECONDS {
            out.report(setting_target(s), format!("`PERMANENT_SESSION_LIFETIME` is {}: a stolen session cookie stays valid that long", human_duration(seconds)));
        }
    }
}
