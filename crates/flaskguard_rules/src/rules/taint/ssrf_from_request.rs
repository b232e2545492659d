use crate::taint::{Class, report_class};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for request data that reaches the URL or host of an outbound request: `requests`, `httpx`, `urllib.request.urlopen`, `http.client`.
    ///
    /// ## Why is this bad?
    /// The server fetches what the sender asks: cloud metadata endpoints (credentials), internal admin services, or any host behind the firewall.
    ///
    /// ## Example
    /// ```python
    /// return requests.get(request.args["url"], timeout=5).text
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// site = ALLOWED_SITES[request.args["site"]]  # a fixed table of URLs
    /// return requests.get(site, timeout=5).text
    /// ```
    ///
    /// ## Known problems
    /// Flows are followed through assignments, string building, containers, and project functions and methods (by summary); attributes of objects across methods and dynamic dispatch are not yet followed. Sanitizers and guards are specific to the kind of sink.
    ///
    /// ## References
    /// - [OWASP: SSRF Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG123",
        name: "url-from-request",
        summary: "Request data chooses the URL of an outbound request (SSRF)",
        severity: High,
        confidence: High,
        cwe: [918],
        owasp: "A10",
        remediation: "Choose from an allow-list of hosts or fixed URLs; if arbitrary URLs are required, resolve the host and reject private and link-local addresses.",
        since: "0.1.0",
        status: Preview,
        uses_taint: true,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    report_class(ctx, out, Class::Ssrf);
}
