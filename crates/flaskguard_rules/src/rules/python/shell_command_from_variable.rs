use super::callee;
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for shell commands built at run time: `subprocess` calls (`run`, `call`,
    /// `check_call`, `check_output`, `Popen`) with `shell=True`, and `os.system`,
    /// `os.popen`, `subprocess.getoutput` / `getstatusoutput`, `commands.getoutput`,
    /// `popen2.*` and `asyncio.create_subprocess_shell`, whose command is not a constant
    /// string. Constant commands are not reported.
    ///
    /// Low (an audit note): request data reaching a shell is FG106's finding.
    ///
    /// ## Why is this bad?
    /// The shell parses the whole string: a value spliced into it that contains `;`,
    /// `|`, `$(…)` or a newline runs a second command. File names, host names and sizes
    /// that reach the command from a request, an upload or the database become command
    /// injection.
    ///
    /// ## Example
    /// ```python
    /// subprocess.run(f"convert {src} -thumbnail {size} {dst}", shell=True, check=True)
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// subprocess.run(["convert", src, "-thumbnail", size, dst], check=True)
    /// ```
    ///
    /// ## References
    /// - [Python: subprocess — Security Considerations](https://docs.python.org/3/library/subprocess.html#security-considerations)
    /// - [OWASP: OS Command Injection Defense Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/OS_Command_Injection_Defense_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG905",
        name: "shell-command-from-variable",
        summary: "Shell command built from a variable",
        severity: High,
        confidence: Medium,
        cwe: [78],
        owasp: "A03",
        remediation: "Pass the command as a list without shell=True; never build shell strings from data.",
        since: "0.1.0",
        status: Stable,
        uses_taint: true,
        check: check,
    }
}

/// `subprocess` functions that use a shell only with `shell=True`.
const SHELL_OPTIONAL: &[&str] = &[
    "subprocess.run",
    "subprocess.call",
    "subprocess.check_call",
    "subprocess.check_output",
    "subprocess.Popen",
];

/// Functions that always run their command through a shell.
const SHELL_ALWAYS: &[&str] = &[
    "os.system",
    "os.popen",
    "os.popen2",
    "os.popen3",
    "os.popen4",
    "popen2.popen2",
    "popen2.popen3",
    "popen2.popen4",
    "popen2.Popen3",
    "popen2.Popen4",
    "commands.getoutput",
    "commands.getstatusoutput",
    "subprocess.getoutput",
    "subprocess.getstatusoutput",
    "asyncio.create_subprocess_shell",
    "asyncio.subprocess.create_subprocess_shell",
];

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    let index = ctx.index;
    for c in index.calls_where(|q| SHELL_OPTIONAL.contains(&q) || SHELL_ALWAYS.contains(&q)) {
        let Some(q) = callee(c) else { continue };
        let command = if SHELL_OPTIONAL.contains(&q) {
            let shell = c
                .call
                .keyword("shell")
                .is_some_and(|e| index.eval(c.module, c.scope, e).truthy() == Some(true));
            if !shell {
                continue;
            }
            c.call.argument(0, "args")
        } else if SHELL_ALWAYS.contains(&q) {
            c.call
                .argument(0, "cmd")
                .or_else(|| c.call.keyword("command"))
        } else {
            continue;
        };
        let Some(command) = command else { continue };
        if index.eval(c.module, c.scope, command).is_constant() {
            continue;
        }
        // The taint engine saw a constant or a quoted, cast or allow-listed value (nothing
        // to audit), or request data (the taint rule reports that flow). Values of unknown
        // origin stay findings: their danger needs no taint.
        if matches!(
            ctx.sink_verdict(c.module, c.expr.span, crate::taint::Class::Command),
            Some(
                crate::taint::Verdict::Const
                    | crate::taint::Verdict::Sanitized
                    | crate::taint::Verdict::Tainted
            )
        ) {
            continue;
        }
        let shown = ctx.project.modules[c.module.0 as usize]
            .source
            .slice(command.span);
        let shown = if shown.len() > 60 || shown.contains('\n') {
            "a command".to_string()
        } else {
            format!("`{shown}`")
        };
        let how = if SHELL_OPTIONAL.contains(&q) {
            format!("`{q}(..., shell=True)`")
        } else {
            format!("`{q}`")
        };
        // Of unknown origin (request data is the taint rule's): an audit note.
        out.at(
            c.module,
            c.call.func.span,
            format!("{how} runs {shown}, built at run time, through the shell: values in it can inject commands"),
        )
        .severity(flaskguard_report::Severity::Low);
    }
}
