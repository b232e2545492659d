//! The engine on tiny projects written to a temporary directory: flows from request data
//! to sinks, within a function and through helpers, killed by sanitizers and guards, and
//! the verdicts the audit rules read.

use std::path::Path;

use flaskguard_flask::FlaskModel;
use flaskguard_index::{DiscoverOptions, Index, Project};
use flaskguard_taint::{Class, Engine, Spec, Verdict};

/// What the engine found in a project, reduced to what the tests assert on.
struct Found {
    /// `(class, source message, sink message)` of every flow.
    flows: Vec<(Class, String, String)>,
    /// Every verdict of `class` recorded at a sink.
    verdicts: Vec<(Class, Verdict)>,
}

impl Found {
    fn has_flow(&self, class: Class) -> bool {
        self.flows.iter().any(|(c, _, _)| *c == class)
    }

    fn verdicts_of(&self, class: Class) -> Vec<Verdict> {
        self.verdicts
            .iter()
            .filter(|(c, _)| *c == class)
            .map(|(_, v)| *v)
            .collect()
    }
}

fn write(root: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

/// Runs the engine with the built-in spec over a project of `files`.
fn analyse(files: &[(&str, &str)]) -> Found {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), files);
    let project = Project::load(&[dir.path().to_path_buf()], &DiscoverOptions::default());
    let index = Index::build(&project.modules);
    let model = FlaskModel::build(&index, &project.texts);
    let results = Engine::new(&index, &model, Spec::builtin(), &project.texts).run();
    let mut verdicts: Vec<(Class, Verdict)> = results
        .verdicts
        .iter()
        .map(|(&(_, _, _, class), &v)| (class, v))
        .collect();
    verdicts.sort();
    Found {
        flows: results
            .flows
            .iter()
            .map(|f| (f.class, f.source.message.clone(), f.sink.message.clone()))
            .collect(),
        verdicts,
    }
}

/// One Flask module, `app.py`.
fn app(body: &str) -> Found {
    let text = format!(
        "import sqlite3\nimport subprocess\nimport shlex\nfrom flask import Flask, request, abort\n\napp = Flask(__name__)\n\n{body}"
    );
    analyse(&[("app.py", &text)])
}

#[test]
fn request_arg_reaches_cursor_execute() {
    let found = app(r#"
@app.route("/user")
def user():
    name = request.args.get("name")
    db = sqlite3.connect("app.db")
    cur = db.cursor()
    cur.execute("SELECT * FROM users WHERE name = '" + name + "'")
    return "ok"
"#);
    assert!(found.has_flow(Class::Sql), "{:?}", found.flows);
    assert_eq!(found.verdicts_of(Class::Sql), vec![Verdict::Tainted]);
    let (_, source, _) = &found.flows[0];
    assert!(source.contains("request.args"), "{source}");
}

#[test]
fn request_arg_reaches_cursor_execute_through_a_helper() {
    let found = app(r#"
def run_query(cur, name):
    cur.execute("SELECT * FROM users WHERE name = '%s'" % name)

@app.route("/user")
def user():
    db = sqlite3.connect("app.db")
    run_query(db.cursor(), request.args["name"])
    return "ok"
"#);
    assert!(found.has_flow(Class::Sql), "{:?}", found.flows);
}

#[test]
fn taint_returned_by_a_helper_reaches_the_sink() {
    let found = app(r#"
def wrap(value):
    return "'" + value + "'"

@app.route("/user")
def user():
    db = sqlite3.connect("app.db")
    db.execute("SELECT * FROM users WHERE name = " + wrap(request.args["name"]))
    return "ok"
"#);
    assert!(found.has_flow(Class::Sql), "{:?}", found.flows);
}

#[test]
fn int_sanitizes_for_sql() {
    let found = app(r#"
@app.route("/user")
def user():
    uid = int(request.args["id"])
    db = sqlite3.connect("app.db")
    db.execute("SELECT * FROM users WHERE id = %d" % uid)
    return "ok"
"#);
    assert!(!found.has_flow(Class::Sql), "{:?}", found.flows);
    assert_eq!(found.verdicts_of(Class::Sql), vec![Verdict::Sanitized]);
}

#[test]
fn shlex_quote_sanitizes_for_commands_only() {
    let found = app(r#"
@app.route("/ls")
def ls():
    path = shlex.quote(request.args["path"])
    subprocess.call("ls " + path, shell=True)
    db = sqlite3.connect("app.db")
    db.execute("SELECT * FROM files WHERE path = '" + path + "'")
    return "ok"
"#);
    assert!(!found.has_flow(Class::Command), "{:?}", found.flows);
    // Quoting for the shell does not make SQL safe.
    assert!(found.has_flow(Class::Sql), "{:?}", found.flows);
}

#[test]
fn unquoted_command_is_a_flow() {
    let found = app(r#"
@app.route("/ls")
def ls():
    subprocess.call("ls " + request.args["path"], shell=True)
    return "ok"
"#);
    assert!(found.has_flow(Class::Command), "{:?}", found.flows);
}

#[test]
fn allow_list_guard_with_abort_kills_the_flow() {
    let found = app(r#"
ALLOWED = ["name", "email"]

@app.route("/sort")
def sort():
    column = request.args["column"]
    if column not in ALLOWED:
        abort(400)
    db = sqlite3.connect("app.db")
    db.execute("SELECT * FROM users ORDER BY " + column)
    return "ok"
"#);
    assert!(!found.has_flow(Class::Sql), "{:?}", found.flows);
}

#[test]
fn the_same_query_without_the_guard_is_a_flow() {
    let found = app(r#"
@app.route("/sort")
def sort():
    column = request.args["column"]
    db = sqlite3.connect("app.db")
    db.execute("SELECT * FROM users ORDER BY " + column)
    return "ok"
"#);
    assert!(found.has_flow(Class::Sql), "{:?}", found.flows);
}

#[test]
fn constant_query_is_const() {
    let found = app(r#"
@app.route("/users")
def users():
    db = sqlite3.connect("app.db")
    db.execute("SELECT * FROM users WHERE active = " + "1")
    return "ok"
"#);
    assert!(found.flows.is_empty(), "{:?}", found.flows);
    assert_eq!(found.verdicts_of(Class::Sql), vec![Verdict::Const]);
}

#[test]
fn dead_branch_is_no_flow() {
    let found = app(r#"
DEBUG = False

@app.route("/user")
def user():
    if DEBUG:
        db = sqlite3.connect("app.db")
        db.execute("SELECT * FROM users WHERE name = '" + request.args["name"] + "'")
    return "ok"
"#);
    assert!(!found.has_flow(Class::Sql), "{:?}", found.flows);
}

#[test]
fn taint_through_a_recursive_function_is_a_flow() {
    let found = app(r#"
def f(x, n):
    return x if n == 0 else f(x, n - 1)

@app.route("/user")
def user():
    db = sqlite3.connect("app.db")
    db.execute("SELECT * FROM users WHERE name = '" + f(request.args["name"], 3) + "'")
    return "ok"
"#);
    assert!(found.has_flow(Class::Sql), "{:?}", found.flows);
}

/// A recursive helper too long to be inlined at the call site (more statements than the
/// engine inlines), so its own recursive call meets the summary being computed: the
/// second argument reaches the result only through that call.
const SWAP: &str = r"
def swap(x, y, n):
    a = 1
    b = 2
    c = 3
    d = 4
    e = 5
    g = 6
    h = 7
    i = 8
    j = 9
    k = 10
    if n == 0:
        return x
    return swap(y, x, n - 1)
";

#[test]
fn taint_through_a_recursive_call_only_is_a_flow() {
    let found = app(&format!(
        r#"{SWAP}
@app.route("/user")
def user():
    db = sqlite3.connect("app.db")
    db.execute("SELECT * FROM users WHERE name = '" + swap("guest", request.args["name"], 3) + "'")
    return "ok"
"#
    ));
    assert!(found.has_flow(Class::Sql), "{:?}", found.flows);
}

#[test]
fn recursive_function_given_constants_is_no_flow() {
    let found = app(&format!(
        r#"{SWAP}
@app.route("/user")
def user():
    db = sqlite3.connect("app.db")
    db.execute("SELECT * FROM users WHERE name = '" + swap("guest", "admin", 3) + "'")
    return "ok"
"#
    ));
    assert!(!found.has_flow(Class::Sql), "{:?}", found.flows);
}

/// Request data passed to a recursive function that only ever returns a constant.
#[test]
fn recursive_function_returning_a_constant_is_a_spurious_flow() {
    let found = app(r#"
def depth(x, n):
    return "users" if n == 0 else depth(x, n - 1)

@app.route("/user")
def user():
    db = sqlite3.connect("app.db")
    db.execute("SELECT * FROM " + depth(request.args["name"], 3))
    return "ok"
"#);
    // Spurious: a known false alarm. The recursive call inside `depth` meets the summary
    // being computed, and the conservative summary lets every parameter reach the result,
    // so request data passed as `x` seems to reach the query. Summaries iterated to a
    // fixed point would flip this test.
    assert!(found.has_flow(Class::Sql), "{:?}", found.flows);
}
