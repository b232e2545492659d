use crate::taint::{Class, report_class};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for request data that reaches an LDAP search filter or base DN (ldap3 `search`, python-ldap `search_s`).
    ///
    /// ## Why is this bad?
    /// `*`, `(`, `)` and `|` in the data change the filter: `*)(uid=*` matches every entry, bypassing LDAP-backed logins.
    ///
    /// ## Example
    /// ```python
    /// conn.search("dc=example,dc=com", "(uid=" + request.form["user"] + ")")
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// from ldap3.utils.conv import escape_filter_chars
    /// conn.search("dc=example,dc=com", "(uid=" + escape_filter_chars(request.form["user"]) + ")")
    /// ```
    ///
    /// ## Known problems
    /// Flows are followed through assignments, string building, containers, and project functions and methods (by summary); attributes of objects across methods and dynamic dispatch are not yet followed. Sanitizers and guards are specific to the kind of sink.
    ///
    /// ## References
    /// - [OWASP: LDAP Injection Prevention](https://cheatsheetseries.owasp.org/cheatsheets/LDAP_Injection_Prevention_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG154",
        name: "ldap-query-from-request",
        summary: "Request data flows into an LDAP search filter or DN",
        severity: High,
        confidence: High,
        cwe: [90],
        owasp: "A03",
        remediation: "Escape values with the LDAP library's filter escaping (`escape_filter_chars`) and keep DNs fixed.",
        since: "0.1.0",
        status: Preview,
        uses_taint: true,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    report_class(ctx, out, Class::Ldap);
}
