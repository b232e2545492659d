use super::{expr_base, is_literal_expr, is_plain_text_template, is_translated_literal};
use crate::{Context, Reporter, Target, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for the `|safe` filter applied to a variable in a template.
    ///
    /// ## Why is this bad?
    /// `|safe` marks a value as trusted markup: Jinja stops escaping it. When the value
    /// holds anything a user wrote (a note body, a product description edited in an admin
    /// page, a query parameter), the user's `<script>` runs in every visitor's browser.
    ///
    /// ## Example
    /// ```jinja
    /// <div class="note-body">{{ note.body|safe }}</div>
    /// ```
    ///
    /// Use instead:
    /// ```jinja
    /// <div class="note-body">{{ note.body }}</div>
    /// ```
    ///
    /// and, when the value must contain markup, sanitise it with an allow-list sanitiser
    /// (for example `nh3.clean`) before wrapping it in `markupsafe.Markup` in Python.
    ///
    /// ## Known problems
    /// Not reported: `|safe` on a literal (`{{ "<br>"|safe }}`), and `|safe` after a filter
    /// whose output is already escaped or cannot contain markup (`tojson`, `escape`/`e`,
    /// `forceescape`, `urlencode`, `int`, `float`, `length`, `count`). `striptags` is *not*
    /// such a filter: it unescapes entities, so `x|striptags|safe` can produce markup.
    /// Also not reported: HTML the app itself renders — widget and form-field renderings
    /// and macros (`{{ widgets.get('list')()|safe }}`, `{{ form.name()|safe }}`,
    /// `{{ caller()|safe }}`) and developer-written field help (`field.help_text|safe`).
    /// Values sanitised in Python before rendering are still reported: flaskguard does not
    /// follow values into templates; suppress with a justification naming the sanitiser.
    /// Plain-text templates (`.txt`, `.md`, `.eml`) are not checked.
    ///
    /// ## References
    /// - [Jinja: safe filter](https://jinja.palletsprojects.com/en/stable/templates/#jinja-filters.safe)
    /// - [Flask: Controlling Autoescaping](https://flask.palletsprojects.com/en/stable/templating/#controlling-autoescaping)
    /// - [OWASP: Cross Site Scripting Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG227",
        name: "template-safe-filter-on-variable",
        summary: "`|safe` filter on a template variable",
        severity: Medium,
        confidence: Medium,
        cwe: [79],
        owasp: "A03",
        remediation: "Drop `|safe`, or sanitise the value with an allow-list sanitiser before marking it safe.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

/// Filters whose output is escaped or holds no markup: `|safe` after them is harmless.
const NEUTRALISING_FILTERS: &[&str] = &[
    "tojson",
    "escape",
    "e",
    "forceescape",
    "urlencode",
    "int",
    "float",
    "length",
    "count",
];

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for t in &ctx.model.templates {
        if is_plain_text_template(&t.name) {
            continue;
        }
        for e in &t.scan.exprs {
            let Some(pos) = e.filters.iter().position(|f| f == "safe") else {
                continue;
            };
            if is_literal_expr(&e.text)
                || is_translated_literal(expr_base(&e.text))
                || app_generated_html(expr_base(&e.text))
                || e.filters[..pos]
                    .iter()
                    .any(|f| NEUTRALISING_FILTERS.contains(&f.as_str()))
            {
                continue;
            }
            out.report(
                Target::Text(t.text_index, e.span),
                format!(
                    "`{}` is marked safe in `{}`: it is inserted as raw HTML without escaping",
                    expr_base(&e.text),
                    t.name
                ),
            );
        }
    }
}

/// HTML the application renders itself: calls of widgets, form fields, render helpers and
/// `caller()`, and a field's developer-written `help_text`.
fn app_generated_html(base: &str) -> bool {
    let b = base.trim();
    if b.ends_with(".help_text") || b == "help_text" {
        return true;
    }
    let Some(open) = b.find('(') else {
        return false;
    };
    if !b.ends_with(')') {
        return false;
    }
    let callee = b[..open].to_ascii_lowercase();
    callee == "caller"
        || ["widget", "render", "form", "field", "macro"]
            .iter()
            .any(|w| callee.contains(w))
}
