use crate::taint::{Class, report_class};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for request data (query string, form, JSON, headers, cookies, URL parameters) that reaches an SQL query — DB-API `execute`/`executemany`/`executescript`, SQLAlchemy `text()`, pandas `read_sql` — through string building.
    ///
    /// ## Why is this bad?
    /// Anyone who sends the request chooses part of the SQL: they can read other users' data, bypass a login, or modify and delete rows. Bound parameters keep data and code apart.
    ///
    /// ## Example
    /// ```python
    /// name = request.args["name"]
    /// cur.execute(f"SELECT * FROM users WHERE name = '{name}'")
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// name = request.args["name"]
    /// cur.execute("SELECT * FROM users WHERE name = ?", (name,))
    /// ```
    ///
    /// ## Known problems
    /// Flows are followed through assignments, string building, containers, and project functions and methods (by summary); attributes of objects across methods and dynamic dispatch are not yet followed. Sanitizers and guards are specific to the kind of sink.
    ///
    /// ## References
    /// - [OWASP: SQL Injection Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/SQL_Injection_Prevention_Cheat_Sheet.html)
    /// - [Python: sqlite3 placeholders](https://docs.python.org/3/library/sqlite3.html#sqlite3-placeholders)
    /// - [SQLAlchemy: Using Textual SQL](https://docs.sqlalchemy.org/en/20/core/tutorial.html#using-textual-sql)
    pub(crate) static RULE = {
        code: "FG101",
        name: "sql-query-from-request",
        summary: "Request data flows into an SQL query",
        severity: Critical,
        confidence: High,
        cwe: [89],
        owasp: "A03",
        remediation: "Pass values as bound parameters (`execute(sql, params)`); never format request data into SQL. Map user choices of columns to an allow-list.",
        since: "0.1.0",
        status: Preview,
        uses_taint: true,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    report_class(ctx, out, Class::Sql);
}
