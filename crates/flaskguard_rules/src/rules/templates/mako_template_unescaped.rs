use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for Mako templates (`mako.template.Template`, `mako.lookup.TemplateLookup`)
    /// created without the HTML-escaping filter `h` among their `default_filters`.
    ///
    /// ## Why is this bad?
    /// Mako does not escape anything by default: its default filter list is `["str"]`,
    /// so every `${expression}` is inserted as is. Rendering user-controlled data into an
    /// HTML Mako template is cross-site scripting unless each expression is filtered with
    /// `| h` by hand.
    ///
    /// ## Example
    /// ```python
    /// from mako.template import Template
    ///
    /// invoice = Template("<p>Customer: ${order['customer']}</p>")
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// from mako.template import Template
    ///
    /// invoice = Template(
    ///     "<p>Customer: ${order['customer']}</p>",
    ///     default_filters=["h"],
    /// )
    /// ```
    ///
    /// or render the page with Flask's Jinja2 templates, which escape HTML by default.
    ///
    /// ## Known problems
    /// A template that escapes through `<%page expression_filter="h"/>` or filters every
    /// expression with `| h` is still reported. Mako templates that produce plain text are
    /// reported too.
    ///
    /// ## References
    /// - [Mako: Filtering and Buffering](https://docs.makotemplates.org/en/latest/filtering.html)
    /// - [Mako: The default_filters Argument](https://docs.makotemplates.org/en/latest/filtering.html#the-default-filters-argument)
    /// - [OWASP: Cross Site Scripting Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG230",
        name: "mako-template-unescaped",
        summary: "Mako template without HTML escaping",
        severity: Medium,
        confidence: Medium,
        cwe: [80],
        owasp: "A03",
        remediation: "Pass default_filters=[\"h\"] to Mako templates, or use Jinja2 with autoescaping.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

const MAKO: &[&str] = &["mako.template.Template", "mako.lookup.TemplateLookup"];

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for c in ctx.index.calls_where(|q| MAKO.contains(&q)) {
        let Some(callee) = &c.callee else { continue };
        if c.call.has_kwargs_spread() || ctx.model.is_test_code(c.module) {
            continue;
        }
        if let Some(filters) = c.call.keyword("default_filters") {
            let value = ctx.index.eval(c.module, c.scope, filters);
            // Unknown filter lists may well escape.
            if !value.is_constant() || value.strings().contains(&"h") {
                continue;
            }
        }
        out.at(
            c.module,
            c.expr.span,
            format!(
                "`{}` renders `${{…}}` expressions without HTML escaping (no `h` in `default_filters`)",
                callee.qual
            ),
        );
    }
}
