use crate::taint::{Class, report_class};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for request data that becomes the *source* of a template: `render_template_string`, `jinja2.Template`, `Environment.from_string`, Mako `Template`.
    ///
    /// ## Why is this bad?
    /// Jinja expressions reach Python objects: `{{ cycler.__init__.__globals__.os.popen('id').read() }}` runs commands. Data must be passed as context, never as template text.
    ///
    /// ## Example
    /// ```python
    /// return render_template_string("<h1>Hello " + request.args["name"] + "</h1>")
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// return render_template_string("<h1>Hello {{ name }}</h1>", name=request.args["name"])
    /// ```
    ///
    /// ## Known problems
    /// Flows are followed through assignments, string building, containers, and project functions and methods (by summary); attributes of objects across methods and dynamic dispatch are not yet followed. Sanitizers and guards are specific to the kind of sink.
    ///
    /// ## References
    /// - [Flask: render_template_string](https://flask.palletsprojects.com/en/stable/api/#flask.render_template_string)
    /// - [Jinja: Sandbox](https://jinja.palletsprojects.com/en/stable/sandbox/)
    /// - [PortSwigger: Server-side template injection](https://portswigger.net/web-security/server-side-template-injection)
    pub(crate) static RULE = {
        code: "FG109",
        name: "template-from-request",
        summary: "Request data used as template source (server-side template injection)",
        severity: Critical,
        confidence: High,
        cwe: [1336],
        owasp: "A03",
        remediation: "Render fixed templates and pass request data as context variables; use `SandboxedEnvironment` if users must write templates.",
        since: "0.1.0",
        status: Preview,
        uses_taint: true,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    report_class(ctx, out, Class::Template);
}
