use flaskguard_index::ModuleId;
use flaskguard_index::ir::{Expr, ExprKind, ScopeRef, StmtKind};
use flaskguard_index::semantic::CallSite;

use super::{
    expr_base, flask_autoescapes, is_literal_expr, is_plain_text_template, is_translated_literal,
};
use crate::helpers::is_stored_value;
use crate::taint::{Class, Verdict};
use crate::{Context, Reporter, Target, declare_rule};
use flaskguard_report::Severity;

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
    /// ## Severity
    /// The template's render calls decide: medium when one passes request data for the
    /// variable (FG110 reports the flow too) or what a database query read (rows of
    /// `Model.query…first()`, `db.session.get(...)`, through local names, helper functions
    /// and `{% for %}` loops); not reported when every render passes a constant or an
    /// escaped or sanitised value (`markupsafe.escape`, `bleach.clean`, `nh3.clean`); low
    /// when flaskguard cannot tell (macro parameters, values built elsewhere, renders
    /// through `**context`): review those by hand.
    ///
    /// ## Known problems
    /// Not reported: `|safe` on a literal (`{{ "<br>"|safe }}`), and `|safe` after a filter
    /// whose output is already escaped or cannot contain markup (`tojson`, `escape`/`e`,
    /// `forceescape`, `urlencode`, `int`, `float`, `length`, `count`). `striptags` is *not*
    /// such a filter: it unescapes entities, so `x|striptags|safe` can produce markup.
    /// Also not reported: HTML the app itself renders — widget and form-field renderings
    /// and macros (`{{ widgets.get('list')()|safe }}`, `{{ form.name()|safe }}`,
    /// `{{ caller()|safe }}`) and developer-written field help (`field.help_text|safe`).
    /// A filter the project defines before `|safe` (`x|clean_html|safe`) is not judged:
    /// such findings are low. Plain-text templates (`.txt`, `.md`, `.eml`) are not checked.
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
        uses_taint: true,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for t in &ctx.model.templates {
        if is_plain_text_template(&t.name) {
            continue;
        }
        for e in &t.scan.exprs {
            if !e.marked_safe()
                || is_literal_expr(&e.text)
                || is_translated_literal(expr_base(&e.text))
                || app_generated_html(expr_base(&e.text))
                || rendered_by_app(ctx, &t.name, expr_base(&e.text))
            {
                continue;
            }
            let base = expr_base(&e.text);
            let var = t.scan.context_path(e).map(|(var, _)| var);
            let target = Target::Text(t.text_index, e.span);
            let (what, passed) = match provenance(ctx, &t.name, var.as_deref()) {
                Provenance::Safe => continue,
                Provenance::Unknown => {
                    out.report(
                        target,
                        format!(
                            "`{base}` is marked safe in `{}`: it is inserted as raw HTML without escaping; check that whatever is passed for it is sanitised",
                            t.name
                        ),
                    )
                    .severity(Severity::Low);
                    continue;
                }
                Provenance::Stored(at) => {
                    ("what was read from the database", (at, "database values"))
                }
                Provenance::Request(at) => ("request data", (at, "request data")),
            };
            out.report(
                target,
                format!(
                    "`{base}` is marked safe in `{}`: it holds {what}, inserted as raw HTML without escaping",
                    t.name
                ),
            )
            .step(passed.0, format!("{} passed to the template", passed.1));
        }
    }
}

/// Where the value of a variable marked safe comes from, as far as the renders of its
/// template show.
enum Provenance {
    /// Every render that passes it passes a constant or a sanitised value.
    Safe,
    /// A render passes request data (where).
    Request(Target),
    /// A render passes what a database query read (where): stored data, which users
    /// may have written.
    Stored(Target),
    /// Not known: no render passes it by name, or one passes a value of unknown origin.
    Unknown,
}

/// The call sites of the renders of `template` (`None` where a render's call is not
/// found).
fn template_renders<'c, 'a>(
    ctx: &'c Context<'_, 'a>,
    template: &'c str,
) -> impl Iterator<Item = Option<&'c CallSite<'a>>> + 'c {
    ctx.model
        .renders
        .iter()
        .filter(move |r| r.name.as_str() == Some(template))
        .map(|r| {
            ctx.index
                .calls_in(r.module)
                .iter()
                .find(|c| c.expr.span == r.span)
        })
}

/// The provenance of `var` in `template`, judged by the taint engine's verdicts at the
/// keyword arguments of the template's render calls.
fn provenance(ctx: &Context<'_, '_>, template: &str, var: Option<&str>) -> Provenance {
    let Some(var) = var else {
        return Provenance::Unknown;
    };
    let mut passed = false;
    let mut all_safe = true;
    let mut stored = None;
    for c in template_renders(ctx, template) {
        let Some(c) = c else {
            all_safe = false;
            continue;
        };
        let Some(value) = c.call.keyword(var) else {
            // Passed through `**context`, or not at all.
            all_safe &= !c.call.has_kwargs_spread();
            continue;
        };
        passed = true;
        let at = Target::Module(c.module, value.span);
        if stored.is_none() && is_stored_value(ctx.index, c.module, c.scope, value, 0) {
            stored = Some(at);
        }
        match ctx.sink_verdict(c.module, value.span, Class::Xss) {
            Some(Verdict::Tainted) => return Provenance::Request(at),
            Some(Verdict::Const | Verdict::Sanitized) => {}
            Some(Verdict::Clean) | None => all_safe = false,
        }
    }
    if let Some(at) = stored {
        Provenance::Stored(at)
    } else if passed && all_safe {
        Provenance::Safe
    } else {
        Provenance::Unknown
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
    for c in template_renders(ctx, template) {
        let Some(c) = c else {
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
