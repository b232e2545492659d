use crate::taint::{Class, report_class};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for request data that reaches an OS command: `os.system`, `os.popen`, `subprocess.*` with `shell=True`, or the program of a `subprocess` call.
    ///
    /// ## Why is this bad?
    /// A shell interprets `;`, `|`, `$(...)` and backticks: the sender of the request runs any command with the app's privileges.
    ///
    /// ## Example
    /// ```python
    /// host = request.args["host"]
    /// os.system("ping -c 1 " + host)
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// host = request.args["host"]
    /// subprocess.run(["ping", "-c", "1", "--", host], check=True)
    /// ```
    ///
    /// ## Known problems
    /// Flows are followed through assignments, string building, containers, and project functions and methods (by summary); attributes of objects across methods and dynamic dispatch are not yet followed. Sanitizers and guards are specific to the kind of sink.
    ///
    /// ## References
    /// - [Python: subprocess security considerations](https://docs.python.org/3/library/subprocess.html#security-considerations)
    /// - [OWASP: OS Command Injection Defense](https://cheatsheetseries.owasp.org/cheatsheets/OS_Command_Injection_Defense_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG106",
        name: "command-from-request",
        summary: "Request data flows into an OS command",
        severity: Critical,
        confidence: High,
        cwe: [78],
        owasp: "A03",
        remediation: "Pass arguments as a list without `shell=True`, never let request data choose the program, and validate values against an allow-list (or `shlex.quote` when a shell is unavoidable).",
        since: "0.1.0",
        status: Preview,
        uses_taint: true,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    report_class(ctx, out, Class::Command);
}
