use crate::taint::{Class, report_class};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for request data that reaches `eval`, `exec`, `compile`, `__import__` or `importlib.import_module`.
    ///
    /// ## Why is this bad?
    /// Evaluating request data runs the sender's Python in the server process: reading secrets, files, and the database is one expression away.
    ///
    /// ## Example
    /// ```python
    /// qty = eval(request.form["quantity"])
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// qty = int(request.form["quantity"])
    /// # or, for literals: ast.literal_eval(...)
    /// ```
    ///
    /// ## Known problems
    /// Flows are followed through assignments, string building, containers, and project functions and methods (by summary); attributes of objects across methods and dynamic dispatch are not yet followed. Sanitizers and guards are specific to the kind of sink.
    ///
    /// ## References
    /// - [Python: ast.literal_eval](https://docs.python.org/3/library/ast.html#ast.literal_eval)
    /// - [OWASP: Code Injection](https://owasp.org/www-community/attacks/Code_Injection)
    pub(crate) static RULE = {
        code: "FG108",
        name: "code-from-request",
        summary: "Request data flows into eval, exec or a dynamic import",
        severity: Critical,
        confidence: High,
        cwe: [94, 95],
        owasp: "A03",
        remediation: "Remove the evaluation: parse with `int()`/`float()`/`json.loads`/`ast.literal_eval`, and dispatch through an explicit mapping instead of dynamic imports.",
        since: "0.1.0",
        status: Preview,
        uses_taint: true,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    report_class(ctx, out, Class::Code);
}
