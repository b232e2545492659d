use super::{is_literal_expr, is_plain_text_template};
use crate::{Context, Reporter, Target, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for `{% autoescape false %}` blocks in templates that print variables.
    ///
    /// ## Why is this bad?
    /// Inside the block Jinja inserts every `{{ value }}` as raw HTML, whatever the
    /// application's autoescape setting. When one of those values comes from a user (a note
    /// body, a display name) the page runs the user's script: cross-site scripting.
    ///
    /// ## Example
    /// ```jinja
    /// {% autoescape false %}
    ///   <div class="note-body">{{ note.body }}</div>
    /// {% endautoescape %}
    /// ```
    ///
    /// Use instead:
    /// ```jinja
    /// <div class="note-body">{{ note.body }}</div>
    /// ```
    ///
    /// and, when the value must contain markup, sanitise it in Python (for example with
    /// `nh3.clean`) and pass it as `markupsafe.Markup`.
    ///
    /// ## Known problems
    /// Blocks that print only literals are not reported. Blocks in plain-text templates
    /// (`.txt`, `.md`, `.eml`) are not reported: escaping does not apply there. The
    /// template scanner recognises the lower-case `false` only, so
    /// `{% autoescape False %}` is missed.
    ///
    /// ## References
    /// - [Jinja: Autoescape Overrides](https://jinja.palletsprojects.com/en/stable/templates/#autoescape-overrides)
    /// - [Flask: Controlling Autoescaping](https://flask.palletsprojects.com/en/stable/templating/#controlling-autoescaping)
    /// - [OWASP: Cross Site Scripting Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG226",
        name: "template-autoescape-block-disabled",
        summary: "`{% autoescape false %}` block printing variables",
        severity: Medium,
        confidence: Medium,
        cwe: [79],
        owasp: "A03",
        remediation: "Remove the `{% autoescape false %}` block, or restrict it to trusted constants.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for t in &ctx.model.templates {
        if is_plain_text_template(&t.name) {
            continue;
        }
        let text = ctx.project.texts[t.text_index].source.text.as_str();
        for tag in &t.scan.autoescape_off {
            let start = tag.end as usize;
            let end = text
                .get(start..)
                .and_then(|rest| rest.find("endautoescape"))
                .map_or(text.len(), |i| start + i);
            let printed: Vec<&str> = t
                .scan
                .exprs
                .iter()
                .filter(|e| (e.span.start as usize) >= start && (e.span.end as usize) <= end)
                .filter(|e| !is_literal_expr(&e.text))
                .map(|e| e.text.as_str())
                .collect();
            let Some(first) = printed.first() else {
                continue;
            };
            let more = match printed.len() {
                1 => String::new(),
                n => format!(" and {} more", n - 1),
            };
            out.report(
                Target::Text(t.text_index, *tag),
                format!(
                    "`{{% autoescape false %}}` in `{}` prints `{{{{ {first} }}}}`{more} as raw HTML",
                    t.name
                ),
            );
        }
    }
}
