use flaskguard_index::Value;
use flaskguard_report::Severity;

use super::{
    escapes_template, flask_autoescapes, flask_env_autoescape, is_non_html_template,
    is_select_autoescape,
};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for `render_template` (and `stream_template`) calls that pass context
    /// variables to a template whose name does not end in `.html`, `.htm`, `.xml`,
    /// `.xhtml` or `.svg`.
    ///
    /// ## Why is this bad?
    /// Flask turns autoescaping on only for those extensions
    /// (`Flask.select_jinja_autoescape`). A template called `page.j2`, `page.jinja2` or
    /// `note.txt` is rendered with escaping off, so every variable it prints is inserted
    /// as raw HTML: a user-controlled value becomes cross-site scripting as soon as the
    /// response is shown as HTML.
    ///
    /// ## Example
    /// ```python
    /// return render_template("share.j2", note=note, viewer=request.args["name"])
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// return render_template("share.html", note=note, viewer=request.args["name"])
    /// ```
    ///
    /// ## Known problems
    /// A plain-text template (`.txt`) served as `text/plain` or sent as an e-mail body is
    /// not an XSS sink; it is reported with low severity because the response type is not
    /// known statically. When the project sets `app.jinja_env.autoescape` to a
    /// `select_autoescape(...)`, names are checked against it instead of Flask's list; when
    /// it sets `True`, nothing is reported; when it sets `False` (reported by FG224), names
    /// are still checked against Flask's list, which is what applies once that is fixed.
    ///
    /// ## References
    /// - [Flask: Templates](https://flask.palletsprojects.com/en/stable/templating/#jinja-setup)
    /// - [Flask API: select_jinja_autoescape](https://flask.palletsprojects.com/en/stable/api/#flask.Flask.select_jinja_autoescape)
    /// - [OWASP: Cross Site Scripting Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG225",
        name: "template-extension-not-autoescaped",
        summary: "Template rendered with context variables but without autoescaping (extension)",
        severity: Medium,
        confidence: High,
        cwe: [79],
        owasp: "A03",
        remediation: "Name HTML templates .html/.htm/.xml/.xhtml so Flask autoescapes them.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    // A `select_autoescape(...)` given to the app's environment decides per name; a
    // constant `True` escapes everything. A constant `False` is FG224's finding: here the
    // names are judged by Flask's default, which is what remains once that is fixed.
    let env_setting = flask_env_autoescape(ctx);
    let escaped = |name: &str| match &env_setting {
        Some(v) if is_select_autoescape(v) => escapes_template(v, name).unwrap_or(true),
        Some(v) if v.is_constant() && v.truthy() == Some(true) => true,
        Some(v) if !v.is_constant() => true,
        _ => flask_autoescapes(name),
    };
    let renders = ctx
        .model
        .renders
        .iter()
        .filter(|r| r.has_context)
        .map(|r| ("render_template", r.module, r.span, &r.name));
    // `stream_template` (Flask 2.2+) follows the same autoescape rule; the Flask model
    // records `render_template` calls only.
    let streams: Vec<_> = ctx
        .index
        .calls_to("flask.stream_template")
        .filter(|c| !c.call.keywords.is_empty())
        .filter_map(|c| {
            let e = c.call.argument(0, "template_name_or_list")?;
            Some((c.module, c.expr.span, ctx.index.eval(c.module, c.scope, e)))
        })
        .collect();
    let streams = streams
        .iter()
        .map(|(m, s, v)| ("stream_template", *m, *s, v));
    for (func, module, span, name) in renders.chain(streams) {
        if ctx.model.is_test_code(module) {
            continue;
        }
        let names: Vec<&str> = match name {
            Value::Str(s) => vec![s.as_str()],
            Value::List(_) => name.strings(),
            _ => continue,
        };
        let Some(unescaped) = names.into_iter().find(|n| !escaped(n)) else {
            continue;
        };
        let finding = out.at(
            module,
            span,
            format!(
                "`{func}(\"{unescaped}\", …)` passes context variables to a template Flask does not autoescape (only .html, .htm, .xml, .xhtml and .svg templates are)"
            ),
        );
        if is_non_html_template(unescaped) {
            finding.severity(Severity::Low);
        }
        if let Some(route) = ctx.model.route_at(ctx.index, module, span) {
            finding.route(route.label());
        }
    }
}
