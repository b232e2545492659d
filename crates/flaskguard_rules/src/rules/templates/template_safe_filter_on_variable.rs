use flaskguard_index::ModuleId;
use flaskguard_index::ir::{Expr, ExprKind, ScopeRef, StmtKind};

use super::{
    expr_base, flask_autoescapes, is_literal_expr, is_plain_text_template, is_translated_literal,
};
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
                || rendered_by_app(ctx, &t.name, expr_base(&e.text))
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

/// Whether every `render_template` of `template` that passes the variable `var` passes
/// HTML the application rendered itself: the result of rendering an autoescaped template,
/// directly, through a local name, or returned by a project function all of whose returns
/// are such results (`protection_message=_render_protection_message(folder)`).
fn rendered_by_app(ctx: &Context<'_, '_>, template: &str, var: &str) -> bool {
    if !var.chars().all(|c| c == '_' || c.is_alphanumeric()) {
        return false;
    }
    let mut passed = false;
    for r in ctx
        .model
        .renders
        .iter()
        .filter(|r| r.name.as_str() == Some(template))
    {
        let Some(c) = ctx
            .index
            .calls_in(r.module)
            .iter()
            .find(|c| c.expr.span == r.span)
        else {
            return false;
        };
        if c.call.has_kwargs_spread() {
            return false;
        }
        let Some(value) = c.call.keyword(var) else {
            continue;
        };
        if !app_rendered(ctx, c.module, c.scope, value, 0) {
            return false;
        }
        passed = true;
    }
    passed
}

fn app_rendered(
    ctx: &Context<'_, '_>,
    module: ModuleId,
    scope: ScopeRef,
    e: &Expr,
    depth: u32,
) -> bool {
    if depth > 3 {
        return false;
    }
    match &e.kind {
        ExprKind::Call(call) => {
            let Some(r) = ctx.index.resolve(module, scope, &call.func) else {
                return false;
            };
            if r.qual == "flask.render_template" {
                return call.args.first().is_some_and(|t| {
                    ctx.index
                        .eval(module, scope, t)
                        .as_str()
                        .is_some_and(flask_autoescapes)
                });
            }
            let Some((m, f)) = ctx.index.project_function(&r.qual) else {
                return false;
            };
            let def = &ctx.index.module(m).functions[f.0 as usize];
            let mut returns = 0;
            let mut all = true;
            flaskguard_index::ir::walk_stmts(&def.body, &mut |s| {
                if let StmtKind::Return(value) = &s.kind {
                    returns += 1;
                    all &= value
                        .as_deref()
                        .is_some_and(|v| app_rendered(ctx, m, ScopeRef::Function(f), v, depth + 1));
                }
            });
            returns > 0 && all
        }
        ExprKind::Name(name) => match ctx.index.bindings_of(module, scope, name) {
            Some((_, [flaskguard_index::semantic::Binding::Assign(value)])) => {
                app_rendered(ctx, module, scope, value, depth + 1)
            }
            _ => false,
        },
        _ => false,
    }
}
