use crate::taint::{Class, report_class};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for request data that reaches an XPath expression: lxml `xpath()`, `etree.XPath`, elementpath.
    ///
    /// ## Why is this bad?
    /// Quotes in the data rewrite the query: `' or '1'='1` returns every node, bypassing lookups used for authentication or authorisation.
    ///
    /// ## Example
    /// ```python
    /// tree.xpath("//user[@name='" + request.args["name"] + "']")
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// tree.xpath("//user[@name=$name]", name=request.args["name"])
    /// ```
    ///
    /// ## Known problems
    /// Flows are followed through assignments, string building, containers, and project functions and methods (by summary); attributes of objects across methods and dynamic dispatch are not yet followed. Sanitizers and guards are specific to the kind of sink.
    ///
    /// ## References
    /// - [lxml: XPath variables](https://lxml.de/xpathxslt.html#the-xpath-method)
    /// - [OWASP: XPath Injection](https://owasp.org/www-community/attacks/XPATH_Injection)
    pub(crate) static RULE = {
        code: "FG128",
        name: "xpath-from-request",
        summary: "Request data flows into an XPath query",
        severity: High,
        confidence: High,
        cwe: [643],
        owasp: "A03",
        remediation: "Pass values as XPath variables (`xpath(expr, name=value)`) instead of building the expression.",
        since: "0.1.0",
        status: Preview,
        uses_taint: true,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    report_class(ctx, out, Class::Xpath);
}
