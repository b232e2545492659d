use flaskguard_index::Value;

use super::{callee, keyword_span};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for `requests` calls without a timeout: `requests.get`, `post`, `put`,
    /// `patch`, `delete`, `head`, `options` and `request`, and the same methods of a
    /// `requests.Session()`, called without `timeout=` or with `timeout=None`.
    ///
    /// ## Why is this bad?
    /// `requests` waits forever by default. One slow or unresponsive upstream — or a
    /// server an attacker points the app at — holds a worker until it is killed; a few
    /// of them at once and every worker is stuck, and the app stops answering.
    ///
    /// ## Example
    /// ```python
    /// resp = requests.get(url)
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// resp = requests.get(url, timeout=(3.05, 10))
    /// ```
    ///
    /// ## Known problems
    /// Calls that pass `**kwargs` are not reported (the timeout may be among them).
    ///
    /// ## References
    /// - [Requests: Timeouts](https://requests.readthedocs.io/en/latest/user/advanced/#timeouts)
    /// - [OWASP: Denial of Service Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Denial_of_Service_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG901",
        name: "requests-without-timeout",
        summary: "Outbound requests call without a timeout",
        severity: Medium,
        confidence: High,
        cwe: [400],
        owasp: "A04",
        remediation: "Pass timeout= (connect and read seconds) to every requests call.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

const METHODS: &[&str] = &[
    "get", "post", "put", "patch", "delete", "head", "options", "request",
];

/// An HTTP request made with `requests` (a module function or a session's method).
fn is_request(q: &str) -> bool {
    [
        "requests.",
        "requests.api.",
        "requests.Session().",
        "requests.session().",
        "requests.sessions.Session().",
    ]
    .iter()
    .any(|p| q.strip_prefix(p).is_some_and(|m| METHODS.contains(&m)))
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for c in ctx.index.calls_where(is_request) {
        let Some(q) = callee(c) else { continue };
        match c.call.keyword("timeout") {
            Some(t) if ctx.index.eval(c.module, c.scope, t) == Value::None => {
                let span = keyword_span(c, "timeout").unwrap_or(t.span);
                out.at(
                    c.module,
                    span,
                    format!(
                        "`{q}` is called with `timeout=None`: it waits forever for a slow server"
                    ),
                );
            }
            None if !c.call.has_kwargs_spread() => {
                out.at(
                    c.module,
                    c.call.func.span,
                    format!(
                        "`{q}` is called without a timeout: it waits forever for a slow server"
                    ),
                );
            }
            Some(_) | None => {}
        }
    }
}
