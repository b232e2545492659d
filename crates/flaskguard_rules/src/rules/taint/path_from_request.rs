use crate::taint::{Class, report_class};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for request data that reaches a file system path: `open`, `os`/`shutil`/`pathlib` operations, `send_file`, the *directory* of `send_from_directory`, `FileStorage.save`.
    ///
    /// ## Why is this bad?
    /// `../` sequences and absolute paths let the sender read or overwrite any file the app can: configuration, keys, source code.
    ///
    /// ## Example
    /// ```python
    /// name = request.args["name"]
    /// return open(os.path.join(UPLOAD_DIR, name)).read()
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// name = request.args["name"]
    /// return send_from_directory(UPLOAD_DIR, name)  # confined to UPLOAD_DIR
    /// ```
    ///
    /// ## Known problems
    /// Flows are followed through assignments, string building, containers, and project functions and methods (by summary); attributes of objects across methods and dynamic dispatch are not yet followed. Sanitizers and guards are specific to the kind of sink.
    ///
    /// Request data that cannot hold `/` (a URL variable of the default `string`
    /// converter, `name.replace("/", "_")`, a rejected `"/" in name`) is one path segment:
    /// as `..` it reaches the parent directory and nothing further. Such flows are low,
    /// except into calls that act on a directory itself (`shutil.rmtree`, `os.makedirs`,
    /// `os.rename`, `shutil.move`, `send_from_directory`'s directory, …), where the parent
    /// directory is the damage. `re.sub(r"[^a-z0-9_-]+", "", name)` keeps only the class's
    /// characters: without `/`, the result is safe.
    ///
    /// ## References
    /// - [Flask: send_from_directory](https://flask.palletsprojects.com/en/stable/api/#flask.send_from_directory)
    /// - [Werkzeug: secure_filename](https://werkzeug.palletsprojects.com/en/stable/utils/#werkzeug.utils.secure_filename)
    /// - [OWASP: Path Traversal](https://owasp.org/www-community/attacks/Path_Traversal)
    pub(crate) static RULE = {
        code: "FG115",
        name: "path-from-request",
        summary: "Request data flows into a file system path (path traversal)",
        severity: High,
        confidence: High,
        cwe: [22],
        owasp: "A01",
        remediation: "Use `send_from_directory` with a fixed directory, `werkzeug.utils.safe_join`, or `secure_filename`; resolve the path and check it stays under the base directory.",
        since: "0.1.0",
        status: Preview,
        uses_taint: true,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    report_class(ctx, out, Class::Path);
}
