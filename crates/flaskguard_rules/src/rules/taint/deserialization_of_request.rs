use crate::taint::{Class, report_class};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for request data (including cookies) that reaches `pickle`/`dill`/`marshal`/`jsonpickle`/`shelve` loads or `yaml.load` with an unsafe `Loader`.
    ///
    /// ## Why is this bad?
    /// Unpickling runs code chosen by whoever built the bytes: a crafted payload executes commands on the server.
    ///
    /// ## Example
    /// ```python
    /// draft = pickle.loads(base64.b64decode(request.form["draft"]))
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// draft = json.loads(request.form["draft"])  # then validate it
    /// ```
    ///
    /// ## Known problems
    /// Flows are followed through assignments, string building, containers, and project functions and methods (by summary); attributes of objects across methods and dynamic dispatch are not yet followed. Sanitizers and guards are specific to the kind of sink.
    ///
    /// ## References
    /// - [Python: pickle warning](https://docs.python.org/3/library/pickle.html)
    /// - [OWASP: Deserialization Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Deserialization_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG125",
        name: "deserialization-of-request",
        summary: "Request data is deserialized with pickle, marshal or an unsafe YAML loader",
        severity: Critical,
        confidence: High,
        cwe: [502],
        owasp: "A08",
        remediation: "Use JSON (validated with a schema) or `yaml.safe_load`; never deserialize client data with pickle.",
        since: "0.1.0",
        status: Preview,
        uses_taint: true,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    report_class(ctx, out, Class::Deserialization);
}
