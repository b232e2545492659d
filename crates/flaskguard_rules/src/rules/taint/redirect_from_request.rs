use crate::taint::{Class, report_class};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for request data that reaches `redirect()` as the location.
    ///
    /// ## Why is this bad?
    /// A link to the trusted site that bounces to an attacker's page is the classic phishing vehicle, and it can leak tokens in the URL to the other site.
    ///
    /// ## Example
    /// ```python
    /// return redirect(request.args.get("next", "/"))
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// target = request.args.get("next", "")
    /// if urlparse(target).netloc or not target.startswith("/"):
    ///     target = url_for("index")
    /// return redirect(target)
    /// ```
    ///
    /// ## Severity
    /// A redirect to the page the browser came from (`request.referrer`, the `Referer`
    /// header, `HTTP_REFERER` in the environ) is low: an attacker's page can only send the
    /// user back to itself, which it could do without the app.
    ///
    /// ## Known problems
    /// Flows are followed through assignments, string building, containers, and project functions and methods (by summary); attributes of objects across methods and dynamic dispatch are not yet followed. Sanitizers and guards are specific to the kind of sink.
    ///
    /// ## References
    /// - [OWASP: Unvalidated Redirects and Forwards](https://cheatsheetseries.owasp.org/cheatsheets/Unvalidated_Redirects_and_Forwards_Cheat_Sheet.html)
    /// - [Flask: redirect](https://flask.palletsprojects.com/en/stable/api/#flask.redirect)
    pub(crate) static RULE = {
        code: "FG122",
        name: "redirect-from-request",
        summary: "Request data chooses a redirect target (open redirect)",
        severity: Medium,
        confidence: High,
        cwe: [601],
        owasp: "A01",
        remediation: "Redirect to `url_for(...)` endpoints, or accept only relative paths (no scheme, no netloc) or an allow-list of hosts.",
        since: "0.1.0",
        status: Preview,
        uses_taint: true,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    report_class(ctx, out, Class::Redirect);
}
