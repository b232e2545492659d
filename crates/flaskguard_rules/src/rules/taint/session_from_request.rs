use crate::taint::{Class, report_class_graded};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for request data stored into `flask.session` without validation.
    ///
    /// Medium where the session key names identity, authorisation or a credential
    /// (`user_id`, `role`, `is_admin`, `permissions`, `token`, or a key that is not a
    /// constant); low where the user's own input is kept for the same user (search terms,
    /// a page to return to).
    /// Payloads of signed tokens (`itsdangerous` `loads`/`unsign`) are the server's own.
    ///
    /// ## Why is this bad?
    /// Code that later reads the session trusts it as the app's own state: unvalidated values stored there (roles, ids, redirect targets) become trusted input on every following request.
    ///
    /// ## Example
    /// ```python
    /// session["role"] = request.form["role"]
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// role = request.form["role"]
    /// if role not in {"reader", "editor"}:
    ///     abort(400)
    /// session["role"] = role
    /// ```
    ///
    /// ## Known problems
    /// Flows are followed through assignments, string building, containers, and project functions and methods (by summary); attributes of objects across methods and dynamic dispatch are not yet followed. Sanitizers and guards are specific to the kind of sink.
    ///
    /// ## References
    /// - [Flask: Sessions](https://flask.palletsprojects.com/en/stable/quickstart/#sessions)
    /// - [CWE-501: Trust Boundary Violation](https://cwe.mitre.org/data/definitions/501.html)
    pub(crate) static RULE = {
        code: "FG152",
        name: "session-value-from-request",
        summary: "Request data stored in the session without validation (trust boundary)",
        severity: Medium,
        confidence: High,
        cwe: [501],
        owasp: "A04",
        remediation: "Validate and normalise request data (allow-lists, `int()`) before storing it in the session; keep authorisation data server-side.",
        since: "0.1.0",
        status: Preview,
        uses_taint: true,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    // Request data in the session matters where the application later trusts it: who the
    // user is, what they may do. A search query, a page to return to or a UI choice kept
    // there is the user's own input handed back to the same user: a low note.
    report_class_graded(ctx, out, Class::Trust, &|f| {
        (!trusted_key(ctx, f)).then_some(flaskguard_report::Severity::Low)
    });
}

/// Whether the session key a flow stores into names identity, authorisation or a
/// credential (`session["user_id"]`, `session["role"]`, `session["is_admin"]`); a key that
/// is not a string constant counts too.
fn trusted_key(ctx: &Context<'_, '_>, flow: &crate::taint::Flow) -> bool {
    let text = ctx.project.modules[flow.sink.module.0 as usize]
        .source
        .slice(flow.sink.span);
    let Some(key) = text
        .split(['"', '\''])
        .nth(1)
        .filter(|k| !k.is_empty() && text.contains('['))
    else {
        return true;
    };
    crate::helpers::names_identity_or_credential(key)
}
