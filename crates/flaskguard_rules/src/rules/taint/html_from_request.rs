use crate::taint::{Class, report_class};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for request data that is returned from a view as the response body (Flask serves strings as `text/html`), passed to `make_response`/`Response` without a non-HTML mimetype, or wrapped in `Markup`.
    ///
    /// ## Why is this bad?
    /// The browser runs any `<script>` the sender put in the request, in the site's origin: sessions, CSRF tokens and the user's data are theirs.
    ///
    /// ## Example
    /// ```python
    /// return f"<p>Results for {request.args['q']}</p>"
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// return render_template("results.html", q=request.args["q"])  # autoescaped
    /// # or: escape(request.args["q"])
    /// ```
    ///
    /// ## Severity
    /// A header the visitor's browser writes itself (`User-Agent`, `Authorization`,
    /// `Accept-Language`, parsed forms such as `request.user_agent`) echoed into the page is
    /// low: an attacker's page cannot choose it for someone else's request, so it reaches
    /// only its own sender.
    ///
    /// ## Known problems
    /// Flows are followed through assignments, string building, containers, and project functions and methods (by summary); attributes of objects across methods and dynamic dispatch are not yet followed. Sanitizers and guards are specific to the kind of sink.
    ///
    /// ## References
    /// - [Flask: Cross-Site Scripting](https://flask.palletsprojects.com/en/stable/web-security/#cross-site-scripting-xss)
    /// - [OWASP: XSS Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG110",
        name: "html-from-request",
        summary: "Request data returned in an HTML response (reflected XSS)",
        severity: High,
        confidence: High,
        cwe: [79],
        owasp: "A03",
        remediation: "Render autoescaped templates, escape with `markupsafe.escape`, or return JSON with `jsonify`; set a non-HTML mimetype for plain text.",
        since: "0.1.0",
        status: Preview,
        uses_taint: true,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    report_class(ctx, out, Class::Xss);
}
