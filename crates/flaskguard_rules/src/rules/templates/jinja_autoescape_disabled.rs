use flaskguard_index::ModuleId;
use flaskguard_index::ir::{Expr, ExprKind, ScopeRef, StmtKind};

use super::{Autoescape, autoescape_of, is_flask_app, is_flask_jinja_env};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for Jinja2 environments that do not escape HTML: a `jinja2.Environment`
    /// (or sandboxed environment) created without `autoescape` or with a false value, a
    /// `select_autoescape(...)` that leaves `.html` templates out, and a Flask app whose
    /// `jinja_env.autoescape` or `jinja_options["autoescape"]` is set to a false value.
    ///
    /// ## Why is this bad?
    /// Jinja2 escapes nothing unless told to: its `Environment` defaults to
    /// `autoescape=False`. Every `{{ value }}` of such an environment is inserted into the
    /// page as raw HTML, so any user-controlled string becomes a cross-site scripting
    /// payload. Flask's own environment escapes `.html`, `.htm`, `.xml`, `.xhtml` and
    /// `.svg` templates; setting `app.jinja_env.autoescape = False` turns that off for the
    /// whole application.
    ///
    /// ## Example
    /// ```python
    /// import jinja2
    ///
    /// env = jinja2.Environment(loader=jinja2.FileSystemLoader("templates"))
    /// app.jinja_env.autoescape = False
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// import jinja2
    ///
    /// env = jinja2.Environment(
    ///     loader=jinja2.FileSystemLoader("templates"),
    ///     autoescape=jinja2.select_autoescape(["html", "xml"]),
    /// )
    /// ```
    ///
    /// and leave Flask's `app.jinja_env.autoescape` alone; mark the few trusted values
    /// with `markupsafe.Markup` after sanitising them.
    ///
    /// ## Known problems
    /// An environment that renders only plain text (e-mails, configuration files) does not
    /// need escaping, but is reported too: flaskguard cannot tell what it renders. Suppress
    /// the finding with a justification, or pass `autoescape=select_autoescape()` so that
    /// `.txt` templates stay unescaped while HTML ones are protected. An environment only
    /// used to check a template's syntax (bound to a local name whose every use is a
    /// statement `env.from_string(text)`, `parse`, `get_template` or `compile`) renders
    /// nothing and is not reported.
    ///
    /// ## References
    /// - [Flask: Controlling Autoescaping](https://flask.palletsprojects.com/en/stable/templating/#controlling-autoescaping)
    /// - [Jinja: Autoescaping](https://jinja.palletsprojects.com/en/stable/api/#autoescaping)
    /// - [OWASP: Cross Site Scripting Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG224",
        name: "jinja-autoescape-disabled",
        summary: "Jinja2 environment without HTML autoescaping",
        severity: High,
        confidence: High,
        cwe: [79, 116],
        owasp: "A03",
        remediation: "Create Jinja2 environments with autoescape=select_autoescape([\"html\", \"xml\"]) and keep Flask's autoescaping on.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

/// Environments that default to `autoescape=False` and render markup.
const ENVIRONMENTS: &[&str] = &[
    "jinja2.Environment",
    "jinja2.sandbox.SandboxedEnvironment",
    "jinja2.sandbox.ImmutableSandboxedEnvironment",
];

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for c in ctx.index.calls_where(|q| ENVIRONMENTS.contains(&q)) {
        let Some(callee) = &c.callee else { continue };
        if c.call.has_kwargs_spread() || ctx.model.is_test_code(c.module) || compiles_only(ctx, c) {
            continue;
        }
        let name = callee.qual.rsplit('.').next().unwrap_or(&callee.qual);
        let Some(kw) = c
            .call
            .keywords
            .iter()
            .find(|k| k.arg.as_deref() == Some("autoescape"))
        else {
            out.at(
                c.module,
                c.expr.span,
                format!(
                    "`{}` is created without `autoescape`: Jinja2 then escapes nothing, so every `{{{{ value }}}}` it renders is raw HTML",
                    callee.qual
                ),
            );
            continue;
        };
        let value = ctx.index.eval(c.module, c.scope, &kw.value);
        match autoescape_of(&value) {
            Autoescape::Off => {
                out.at(
                    c.module,
                    kw.span,
                    format!("`{name}(autoescape=False)` turns off HTML escaping for every template it renders"),
                );
            }
            Autoescape::ExcludesHtml(why) => {
                out.at(
                    c.module,
                    kw.span,
                    format!("The `select_autoescape(...)` of this `{name}` leaves `.html` templates unescaped: {why}"),
                );
            }
            Autoescape::On | Autoescape::Unknown => {}
        }
    }

    for a in ctx.index.assigns() {
        let ExprKind::Attribute { value, attr } = &a.target.kind else {
            continue;
        };
        if !matches!(attr.as_str(), "autoescape" | "jinja_options")
            || ctx.model.is_test_code(a.module)
        {
            continue;
        }
        let base = match ctx.index.resolve(a.module, a.scope, value) {
            Some(base) => base.qual.to_string(),
            // `def configure(app): app.jinja_env.autoescape = False`
            None if param_app_jinja_env(ctx, a.module, a.scope, value) => {
                "flask.Flask().jinja_env".to_string()
            }
            None => continue,
        };
        let v = ctx.index.eval(a.module, a.scope, a.value);
        let (what, setting) = match attr.as_str() {
            "autoescape" if is_flask_jinja_env(&base) => {
                ("`app.jinja_env.autoescape`", autoescape_of(&v))
            }
            "jinja_options" if is_flask_app(&base) => {
                let Some(ae) = v.dict_get("autoescape") else {
                    continue;
                };
                ("`app.jinja_options[\"autoescape\"]`", autoescape_of(ae))
            }
            _ => continue,
        };
        match setting {
            Autoescape::Off => {
                out.at(
                    a.module,
                    a.span,
                    format!("{what} is set to a false value: the Flask app's templates are no longer HTML-escaped"),
                );
            }
            Autoescape::ExcludesHtml(why) => {
                out.at(
                    a.module,
                    a.span,
                    format!("{what} is set to a `select_autoescape(...)` that leaves `.html` templates unescaped: {why}"),
                );
            }
            Autoescape::On | Autoescape::Unknown => {}
        }
    }
}

/// Whether the environment only compiles templates: it is bound to a local name whose
/// every use is a statement `env.from_string(text)` (or `parse`, `get_template`,
/// `compile`) whose result is dropped, a syntax check that renders nothing.
fn compiles_only(ctx: &Context<'_, '_>, c: &flaskguard_index::semantic::CallSite<'_>) -> bool {
    let ScopeRef::Function(f) = c.scope else {
        return false;
    };
    let Some(name) = ctx
        .index
        .assigns_in(c.module)
        .iter()
        .find(|a| std::ptr::eq(a.value, c.expr))
        .and_then(|a| a.target.as_name())
    else {
        return false;
    };
    let body = &ctx.index.module(c.module).functions[f.0 as usize].body;
    let mut nested = false;
    let mut checks = 0;
    flaskguard_index::ir::walk_stmts(body, &mut |s| match &s.kind {
        StmtKind::FunctionDef(_) | StmtKind::ClassDef(_) => nested = true,
        StmtKind::Expr(e) => {
            if let Some(call) = e.as_call()
                && let ExprKind::Attribute { value, attr } = &call.func.kind
                && value.as_name() == Some(name)
                && matches!(
                    attr.as_str(),
                    "from_string" | "parse" | "get_template" | "compile"
                )
            {
                checks += 1;
            }
        }
        _ => {}
    });
    let mut uses = 0;
    flaskguard_index::ir::walk_body_exprs(body, &mut |e| {
        if e.as_name() == Some(name) {
            uses += 1;
        }
    });
    // The uses: the assignment's target and the checks.
    !nested && checks > 0 && uses == checks + 1
}

/// Whether `expr` is `<app>.jinja_env` for a parameter `<app>` that call sites bind to a
/// `Flask(...)` object (the Flask model resolves only direct references).
fn param_app_jinja_env(
    ctx: &Context<'_, '_>,
    module: ModuleId,
    scope: ScopeRef,
    expr: &Expr,
) -> bool {
    let ExprKind::Attribute { value: app, attr } = &expr.kind else {
        return false;
    };
    attr == "jinja_env"
        && !flaskguard_flask::apps::app_sites(ctx.index, module, scope, app).is_empty()
}
