use crate::taint::{Class, report_class};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for request data used as a log message (`logging.*`, `app.logger.*`).
    ///
    /// ## Why is this bad?
    /// Newlines in the data forge extra log entries that mislead audits and incident response; control characters can attack log viewers.
    ///
    /// ## Example
    /// ```python
    /// app.logger.info("login failed for " + request.form["user"])
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// app.logger.info("login failed for %r", request.form["user"])
    /// ```
    ///
    /// ## Known problems
    /// Flows are followed through assignments, string building, containers, and project functions and methods (by summary); attributes of objects across methods and dynamic dispatch are not yet followed. Sanitizers and guards are specific to the kind of sink.
    ///
    /// ## References
    /// - [OWASP: Log Injection](https://owasp.org/www-community/attacks/Log_Injection)
    /// - [Python: logging](https://docs.python.org/3/howto/logging.html)
    pub(crate) static RULE = {
        code: "FG131",
        name: "log-message-from-request",
        summary: "Request data written to logs unescaped (log forging)",
        severity: Low,
        confidence: High,
        cwe: [117],
        owasp: "A09",
        remediation: "Log request data as arguments with `%r` (repr escapes newlines), or strip CR/LF; prefer structured logging.",
        since: "0.1.0",
        status: Preview,
        uses_taint: true,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    report_class(ctx, out, Class::Log);
}
