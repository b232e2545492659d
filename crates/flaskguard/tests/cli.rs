//! End-to-end tests of the `flaskguard` binary on temporary projects.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

mod common;
use common::repo_root;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_flaskguard"))
}

fn run(dir: &Path, args: &[&str]) -> Output {
    bin()
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run flaskguard")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// `(line, severity)` of every finding of a JSON report, in report order.
fn line_severities(o: &Output) -> Vec<(u64, String)> {
    json(o)["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["location"]["start"]["line"].as_u64().unwrap(),
                f["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The distinct `(line, severity)` pairs of the findings of `code` in the JSON report of
/// checking `app_py` as a project's `app.py`, sorted.
fn graded_lines(app_py: &str, code: &str) -> (Vec<(u64, String)>, Output) {
    let dir = project(&[("app.py", app_py)]);
    let o = run(
        dir.path(),
        &["check", ".", "--select", code, "--output-format", "json"],
    );
    let mut found = line_severities(&o);
    found.sort();
    found.dedup();
    (found, o)
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

const DEBUG_APP: &str = "from flask import Flask\n\napp = Flask(__name__)\napp.run(debug=True)\n";

#[test]
fn findings_exit_1_and_clean_exit_0() {
    let dir = project(&[("app.py", DEBUG_APP)]);
    let o = run(dir.path(), &["check", ".", "--select", "FG201"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("app.py:4:9: FG201 critical"),
        "{}",
        stdout(&o)
    );

    let clean = project(&[(
        "app.py",
        "from flask import Flask\n\napp = Flask(__name__)\n",
    )]);
    let o = run(clean.path(), &["check", ".", "--select", "FG201"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("No findings."));
}

#[test]
fn fail_on_threshold_and_exit_zero() {
    let dir = project(&[(
        "app.py",
        "from flask import Flask\n\napp = Flask(__name__)\napp.run(host=\"0.0.0.0\")\n",
    )]);
    let o = run(
        dir.path(),
        &["check", ".", "--select", "FG220", "--fail-on", "high"],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "a medium finding must not fail --fail-on high"
    );
    let o = run(
        dir.path(),
        &["check", ".", "--select", "FG220", "--fail-on", "medium"],
    );
    assert_eq!(o.status.code(), Some(1));
    let o = run(
        dir.path(),
        &["check", ".", "--select", "FG220", "--exit-zero"],
    );
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn unreadable_target_is_a_one_line_error_with_status_2() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(dir.path(), &["check", "does-not-exist"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.starts_with("flaskguard failed: cannot read does-not-exist"),
        "{err}"
    );
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}

#[test]
fn bad_config_names_file_line_and_key() {
    let dir = project(&[
        ("app.py", DEBUG_APP),
        (
            "pyproject.toml",
            "[project]\nname = \"demo\"\n\n[tool.flaskguard]\nselect = [\"FG201\"]\nfail-onn = \"high\"\n",
        ),
    ]);
    let o = run(dir.path(), &["check", "."]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("pyproject.toml"), "{err}");
    assert!(err.contains("line 6"), "{err}");
    assert!(err.contains("fail-onn"), "{err}");

    let dir = project(&[
        ("app.py", DEBUG_APP),
        ("flaskguard.toml", "select = [\"FG201\"]\n\nbogus = true\n"),
    ]);
    let o = run(dir.path(), &["check", "."]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("flaskguard.toml") && err.contains("line 3") && err.contains("bogus"),
        "{err}"
    );

    let dir = project(&[
        ("app.py", DEBUG_APP),
        ("flaskguard.toml", "select = [\"FG999\"]\n"),
    ]);
    let o = run(dir.path(), &["check", "."]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unknown rule selector `FG999`"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn configuration_selects_ignores_and_overrides_severity() {
    let dir = project(&[
        (
            "app.py",
            "from flask import Flask\n\napp = Flask(__name__)\napp.run(host=\"0.0.0.0\", debug=True)\n",
        ),
        (
            "flaskguard.toml",
            "select = [\"FG201\", \"FG220\"]\nignore = [\"FG201\"]\n\n[severity]\nFG220 = \"critical\"\n",
        ),
    ]);
    let o = run(dir.path(), &["check", ".", "--output-format", "json"]);
    let report = json(&o);
    let codes: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, vec!["FG220"]);
    assert_eq!(report["findings"][0]["severity"], "critical");
}

#[test]
fn per_file_ignores_apply() {
    let dir = project(&[
        ("dev/run.py", DEBUG_APP),
        ("app.py", DEBUG_APP),
        (
            "flaskguard.toml",
            "select = [\"FG201\"]\n\n[per-file-ignores]\n\"dev/*\" = [\"FG201\"]\n",
        ),
    ]);
    let o = run(dir.path(), &["check", ".", "--output-format", "json"]);
    let report = json(&o);
    let paths: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["location"]["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, vec!["app.py"]);
}

#[test]
fn inline_suppressions_and_nosec_are_kept_visible() {
    let dir = project(&[(
        "app.py",
        "from flask import Flask\n\napp = Flask(__name__)\napp.run(debug=True)  # flaskguard: ignore[FG201] local only\napp.run(host=\"0.0.0.0\")  # nosec B104\n",
    )]);
    let o = run(
        dir.path(),
        &[
            "check",
            ".",
            "--select",
            "FG201,FG220",
            "--output-format",
            "json",
        ],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "suppressed findings must not fail the run"
    );
    let report = json(&o);
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 2);
    assert_eq!(findings[0]["suppression"]["kind"], "inline");
    assert_eq!(findings[0]["suppression"]["justification"], "local only");
    assert_eq!(findings[1]["suppression"]["kind"], "nosec");
    assert_eq!(report["counts"]["suppressed"], 2);
}

#[test]
fn baseline_accepts_known_findings_only() {
    let dir = project(&[("app.py", DEBUG_APP)]);
    let o = run(
        dir.path(),
        &[
            "check",
            ".",
            "--select",
            "FG201",
            "--write-baseline",
            "baseline.json",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let o = run(
        dir.path(),
        &[
            "check",
            ".",
            "--select",
            "FG201",
            "--baseline",
            "baseline.json",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    // An edit elsewhere in the file keeps the fingerprint: the finding stays accepted.
    std::fs::write(
        dir.path().join("app.py"),
        format!("# a comment\n\n{DEBUG_APP}"),
    )
    .unwrap();
    let o = run(
        dir.path(),
        &[
            "check",
            ".",
            "--select",
            "FG201",
            "--baseline",
            "baseline.json",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    // A new finding is not in the baseline.
    std::fs::write(dir.path().join("other.py"), DEBUG_APP).unwrap();
    let o = run(
        dir.path(),
        &[
            "check",
            ".",
            "--select",
            "FG201",
            "--baseline",
            "baseline.json",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn json_sarif_junit_and_github_formats() {
    let dir = project(&[("app.py", DEBUG_APP)]);
    let report = json(&run(
        dir.path(),
        &["check", ".", "--select", "FG201", "--output-format", "json"],
    ));
    assert_eq!(report["schema_version"], 1);
    assert_eq!(report["tool"]["name"], "flaskguard");
    assert_eq!(report["findings"][0]["code"], "FG201");
    assert!(report["findings"][0]["fingerprint"].as_str().unwrap().len() == 16);

    let sarif = json(&run(
        dir.path(),
        &[
            "check",
            ".",
            "--select",
            "FG201",
            "--output-format",
            "sarif",
        ],
    ));
    assert_eq!(sarif["version"], "2.1.0");
    let run0 = &sarif["runs"][0];
    let rule = &run0["tool"]["driver"]["rules"][0];
    assert_eq!(rule["id"], "FG201");
    assert!(rule["helpUri"].as_str().unwrap().contains("FG201"));
    assert_eq!(rule["properties"]["tags"][1], "external/cwe/cwe-489");
    assert_eq!(rule["properties"]["security-severity"], "9.5");
    assert_eq!(run0["results"][0]["level"], "error");
    assert!(run0["results"][0]["partialFingerprints"]["flaskguard/v1"].is_string());

    let junit = stdout(&run(
        dir.path(),
        &[
            "check",
            ".",
            "--select",
            "FG201",
            "--output-format",
            "junit",
        ],
    ));
    assert!(
        junit.contains("<testsuites") && junit.contains("<failure type=\"FG201\""),
        "{junit}"
    );

    let gh = stdout(&run(
        dir.path(),
        &[
            "check",
            ".",
            "--select",
            "FG201",
            "--output-format",
            "github",
        ],
    ));
    assert!(
        gh.starts_with("::error title=FG201 flask-debug-enabled,file=app.py,line=4"),
        "{gh}"
    );
}

#[test]
fn output_file_is_written() {
    let dir = project(&[("app.py", DEBUG_APP)]);
    let o = run(
        dir.path(),
        &[
            "check",
            ".",
            "--select",
            "FG201",
            "--output-format",
            "json",
            "--output",
            "report.json",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty());
    let text = std::fs::read_to_string(dir.path().join("report.json")).unwrap();
    assert!(text.contains("\"schema_version\": 1"));
}

/// The bad inputs of the foundation issue: each becomes a diagnostic, none stops the scan.
#[test]
fn bad_inputs_become_diagnostics_and_the_scan_goes_on() {
    let deep = format!("x = {}1{}\n", "[".repeat(5000), "]".repeat(5000));
    let deep_calls = format!("y = {}1{}\n", "f(".repeat(5000), ")".repeat(5000));
    let deep_blocks: String = (0..120)
        .flat_map(|i| {
            [
                "    ".repeat(i),
                "if x:
"
                .to_string(),
            ]
        })
        .collect::<String>()
        + &"    ".repeat(120)
        + "pass\n";
    let long_line = format!("x = \"{}\"\n", "a".repeat(10 * 1024 * 1024));
    let dir = project(&[
        ("app.py", DEBUG_APP),
        (
            "broken.py",
            "from flask import Flask\n\napp = Flask(__name__)\n\ndef f(:\n    return\n\napp.run(debug=True)\n",
        ),
        ("deep.py", &deep),
        ("deep_calls.py", &deep_calls),
        (
            "parens.py",
            &format!("z = {}1{}\n", "(".repeat(5000), ")".repeat(5000)),
        ),
        ("deep_blocks.py", &deep_blocks),
        ("long.py", &long_line),
        ("nul.py", "x = 1\0\n"),
    ]);
    std::fs::write(dir.path().join("latin.py"), b"x = '\xe9t\xe9'\n").unwrap();
    std::fs::write(
        dir.path().join("declared.py"),
        b"# -*- coding: latin-1 -*-\nx = '\xe9t\xe9'\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(".", dir.path().join("loop")).unwrap();
        std::os::unix::fs::symlink("missing.py", dir.path().join("dangling.py")).unwrap();
    }
    let o = run(
        dir.path(),
        &["check", ".", "--select", "FG201", "--output-format", "json"],
    );
    assert_eq!(o.status.code(), Some(1), "stderr: {}", stderr(&o));
    let report = json(&o);
    let errors: Vec<(String, String)> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["path"].as_str().unwrap().to_string(),
                e["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let has = |path: &str, code: &str| errors.iter().any(|(p, c)| p == path && c == code);
    assert!(has("broken.py", "FG001"), "{errors:?}");
    assert!(has("deep.py", "FG003"), "{errors:?}");
    assert!(has("deep_calls.py", "FG003"), "{errors:?}");
    assert!(has("long.py", "FG002"), "{errors:?}");
    assert!(has("nul.py", "FG002"), "{errors:?}");
    assert!(has("latin.py", "FG002"), "{errors:?}");
    assert!(
        !errors.iter().any(|(p, _)| p == "declared.py"),
        "a declared Latin-1 file is readable: {errors:?}"
    );
    let paths: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["location"]["path"].as_str().unwrap())
        .collect();
    assert!(
        paths.contains(&"app.py"),
        "the good file is still analysed: {paths:?}"
    );
    // Error recovery: the broken file's recoverable statements are analysed too.
    assert!(
        paths.contains(&"broken.py"),
        "recovered code is analysed: {paths:?}"
    );
}

#[test]
fn routes_carry_the_sources_defaults_required_texts_and_the_flows_merged_at_a_shared_sink() {
    let dir = project(&[(
        "app.py",
        r#"import urllib.request

from flask import Flask, request

app = Flask(__name__)


def json_field(name, default=""):
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return default
    return body.get(name, default)


def fetch(url):
    return urllib.request.urlopen(url).read()


@app.get("/a")
def a():
    return fetch(request.headers.get("X-Callback") or "http://feeds.example/a.xml")


@app.post("/b")
def b():
    return fetch(json_field("feed", "http://feeds.example/b.xml"))


@app.get("/c")
def c():
    return fetch(request.headers.get("X-Callback") or "http://feeds.example/c.xml")


@app.post("/d")
def d():
    url = request.form.get("url", "http://127.0.0.1:9/d.xml")
    if "feeds.example" not in url:
        return "only feeds.example", 400
    return fetch(url)
"#,
    )]);
    let o = run(dir.path(), &["routes", ".", "--output-format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let routes = json(&o);
    let route = |rule: &str| route_named(&routes, rule);
    // The constant after `or`, and a helper's default given by the caller, are samples.
    assert_eq!(
        route("/a")["samples"]["header:X-Callback"],
        "http://feeds.example/a.xml"
    );
    assert_eq!(
        route("/b")["samples"]["json:feed"],
        "http://feeds.example/b.xml"
    );
    // A text the handler requires (it rejects values without it) joins the sample.
    assert_eq!(
        route("/d")["samples"]["form:url"],
        "http://127.0.0.1:9/d.xml?feeds.example"
    );
    // /a and /c read the same header into the same sink: one finding, both routes' codes.
    for rule in ["/a", "/b", "/c"] {
        let codes = route(rule)["findings"].clone();
        assert!(
            codes.as_array().unwrap().iter().any(|c| c == "FG123"),
            "{rule}: {codes}"
        );
    }
}

#[test]
fn routes_list_form_fields_and_prefixes_given_through_a_parameter() {
    let dir = project(&[
        (
            "app/__init__.py",
            r#"import importlib

from flask import Flask
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()


def create_app():
    app = Flask(__name__)
    csrf.init_app(app)
    for name in ("app.api",):
        importlib.import_module(name).init_app(app)
    from .views import bp
    app.register_blueprint(bp)
    return app
"#,
        ),
        (
            "app/api.py",
            r#"from flask import Blueprint, jsonify, request

bp = Blueprint("api", __name__)


@bp.post("/token")
def token():
    body = request.get_json()
    return jsonify(user=body["username"], password_ok=bool(body["password"]))


@bp.post("/forecast")
def forecast():
    body = request.get_json()
    months, formula = body.get("months"), body.get("formula", "spent")
    if not isinstance(months, int) or not 3 <= months <= 12:
        return jsonify(error="months"), 400
    return jsonify(formula=formula, months=months)


def init_app(app):
    from . import csrf

    csrf.exempt(bp)
    app.register_blueprint(bp, url_prefix="/api/v1")
"#,
        ),
        (
            "app/views.py",
            r#"from flask import Blueprint, render_template_string
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, IntegerField, SelectField, StringField
from wtforms.validators import DataRequired, Email, NumberRange

bp = Blueprint("views", __name__)

TONES = [("friendly", "Friendly"), ("firm", "Firm")]


class BaseForm(FlaskForm):
    note = StringField("Note")


class ReminderForm(BaseForm):
    days = IntegerField("Days", validators=[NumberRange(min=3, max=90)])
    tone = SelectField("Tone", choices=TONES)
    sent_on = DateField("Sent on")
    urgent = BooleanField("Urgent")
    email = StringField("To", [DataRequired(), Email()])


@bp.route("/remind", methods=["GET", "POST"])
def remind():
    form = ReminderForm()
    if form.validate_on_submit():
        return "sent"
    return render_template_string("{{ form.days() }}", form=form)
"#,
        ),
    ]);
    let o = run(dir.path(), &["routes", ".", "--output-format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let routes = json(&o);
    let route = |rule: &str| route_named(&routes, rule);
    // `register_blueprint(bp, url_prefix=…)` on the `app` a loader passes in.
    assert_eq!(
        route("/api/v1/token")["inputs"],
        serde_json::json!(["json-body", "json:username", "json:password"])
    );
    // `csrf.exempt(bp)` exempts the blueprint's views, as the CSRF rules read it.
    assert_eq!(route("/api/v1/token")["csrf"], "exempt");
    assert_eq!(route("/remind")["csrf"], "protected");
    // A JSON value the handler checks as a number is sent as one, at the smallest value
    // its comparisons allow.
    let forecast = route("/api/v1/forecast");
    assert_eq!(forecast["numbers"], serde_json::json!(["json:months"]));
    assert_eq!(forecast["samples"]["json:months"], "3");
    // The form's fields (its base class's too) are the view's inputs, with samples its
    // validators accept.
    let remind = route("/remind");
    assert_eq!(
        remind["inputs"],
        serde_json::json!([
            "form:days",
            "form:tone",
            "form:sent_on",
            "form:urgent",
            "form:email",
            "form:note"
        ])
    );
    assert_eq!(
        remind["samples"],
        serde_json::json!({
            "form:days": "3",
            "form:tone": "friendly",
            "form:sent_on": "2024-01-15",
            "form:urgent": "y",
            "form:email": "fg@example.com"
        })
    );
}

/// The entry of `rule` in the JSON output of `flaskguard routes`.
fn route_named(routes: &serde_json::Value, rule: &str) -> serde_json::Value {
    routes
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"] == rule)
        .unwrap_or_else(|| panic!("route {rule}: {routes}"))
        .clone()
}

#[test]
fn routes_lists_protections() {
    let dir = project(&[(
        "app.py",
        r#"from flask import Flask, Blueprint
from flask_login import login_required
from flask_wtf.csrf import CSRFProtect

app = Flask(__name__)
csrf = CSRFProtect(app)
bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.route("/users", methods=["GET", "POST"])
@login_required
def users():
    return "users"


@app.get("/")
def index():
    return "hi"


app.register_blueprint(bp)
"#,
    )]);
    let o = run(dir.path(), &["routes", ".", "--output-format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let routes = json(&o);
    let routes = routes.as_array().unwrap();
    assert_eq!(routes.len(), 2);
    let admin = routes
        .iter()
        .find(|r| r["rule"] == "/admin/users")
        .expect("prefixed rule");
    assert_eq!(admin["methods"], serde_json::json!(["GET", "POST"]));
    assert_eq!(admin["auth"], serde_json::json!(["login_required"]));
    assert_eq!(admin["csrf"], "protected");
    let index = routes.iter().find(|r| r["rule"] == "/").unwrap();
    assert_eq!(index["auth"], serde_json::json!([]));
    let text = stdout(&run(dir.path(), &["routes", "."]));
    assert!(
        text.contains("2 routes, 1 without authentication"),
        "{text}"
    );
}

#[test]
fn rule_command_prints_documentation() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(dir.path(), &["rule", "FG201"]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    assert!(text.starts_with("# flask-debug-enabled (FG201)"), "{text}");
    assert!(
        text.contains("## Why is this bad?") && text.contains("CWE-489"),
        "{text}"
    );
    let o = run(dir.path(), &["rule", "flask-debug-enabled"]);
    assert_eq!(o.status.code(), Some(0));
    let all = stdout(&run(dir.path(), &["rule", "--all"]));
    assert!(all.lines().count() >= 40, "{all}");
    let o = run(dir.path(), &["rule", "FG999"]);
    assert_eq!(o.status.code(), Some(2));
}

/// Every code has documentation: probe checks and diagnostics too, not only static rules.
#[test]
fn rule_command_documents_every_code() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(dir.path(), &["rule", "FG605"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.starts_with("# session-secret-cracked (FG605)"),
        "{text}"
    );
    assert!(
        text.contains("probe check") && text.contains("[FG204](FG204.md)"),
        "{text}"
    );
    let text = stdout(&run(dir.path(), &["rule", "FG001"]));
    assert!(text.starts_with("# invalid-syntax (FG001)"), "{text}");
    let all = stdout(&run(dir.path(), &["rule", "--all"]));
    let codes: Vec<&str> = all
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    for code in [
        "FG001", "FG004", "FG005", "FG201", "FG605", "FG643", "FG905",
    ] {
        assert!(
            codes.contains(&code),
            "{code} missing from rule --all:\n{all}"
        );
    }
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(codes, sorted, "one line per code, sorted");
    for code in codes {
        let o = run(dir.path(), &["rule", code]);
        assert_eq!(o.status.code(), Some(0), "{code}: {}", stderr(&o));
        assert!(
            stdout(&o).contains("## What it does"),
            "{code}: {}",
            stdout(&o)
        );
    }
    let o = run(dir.path(), &["rule", "FG605", "--output-format", "json"]);
    let entry = &json(&o)[0];
    assert_eq!(entry["kind"], "probe");
    assert_eq!(entry["category"], "FG6");
    assert_eq!(
        entry["help_uri"],
        "https://example.invalid/flaskguard/rules/FG605"
    );
}

/// The README's promises about the bundled examples.
#[test]
fn examples_vulnerable_has_many_codes_and_hardened_is_clean() {
    let root = repo_root();
    let o = run(
        &root,
        &[
            "check",
            "examples/vulnerable-app",
            "--output-format",
            "json",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let report = json(&o);
    let mut codes: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    codes.sort_unstable();
    codes.dedup();
    assert!(
        codes.len() >= 40,
        "only {} distinct codes: {codes:?}",
        codes.len()
    );

    let o = run(
        &root,
        &[
            "check",
            "examples/hardened-app",
            "--fail-on",
            "medium",
            "--output-format",
            "json",
        ],
    );
    let report = json(&o);
    let serious: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| matches!(f["severity"].as_str(), Some("medium" | "high" | "critical")))
        .map(|f| {
            format!(
                "{} {}:{} {}",
                f["code"], f["location"]["path"], f["location"]["start"]["line"], f["message"]
            )
        })
        .collect();
    assert!(
        serious.is_empty(),
        "hardened app has findings at medium or above:\n{}",
        serious.join("\n")
    );
    assert_eq!(o.status.code(), Some(0));
}

/// SARIF output passes Microsoft's SARIF Multitool validation with no error or warning.
/// The validator is installed on first use (`scripts/sarif-multitool.sh`); a test that
/// cannot get it fails.
#[test]
fn sarif_passes_the_multitool_validator() {
    let tool = common::sarif_multitool();
    let root = repo_root();
    let out = tempfile::tempdir().unwrap();
    let sarif = out.path().join("vulnerable.sarif");
    let o = run(
        &root,
        &[
            "check",
            "examples/vulnerable-app",
            "--output-format",
            "sarif",
            "--output",
            sarif.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let v = Command::new(tool)
        .arg("validate")
        .arg(&sarif)
        .output()
        .expect("run the SARIF validator");
    let text =
        String::from_utf8_lossy(&v.stdout).into_owned() + &String::from_utf8_lossy(&v.stderr);
    assert!(v.status.success(), "validator failed: {text}");
    assert!(text.contains("Analysis completed successfully"), "{text}");
    let problems: Vec<&str> = text
        .lines()
        .filter(|l| l.contains(": error ") || l.contains(": warning "))
        .collect();
    assert!(
        problems.is_empty(),
        "SARIF validation problems:\n{}",
        problems.join("\n")
    );
}

/// Replaces the run's duration, the only part of the text report that changes between runs.
fn normalise_timing(text: &str) -> String {
    text.lines()
        .map(|l| match l.rfind(" lines in ") {
            Some(i) if l.ends_with(" ms") => format!("{} lines in [duration]", &l[..i]),
            _ => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Snapshot of every message, code frame and help text on the vulnerable example.
#[test]
fn snapshot_text_report_of_the_vulnerable_example() {
    let o = run(&repo_root(), &["check", "examples/vulnerable-app"]);
    insta::assert_snapshot!("vulnerable_app_text", normalise_timing(&stdout(&o)));
}

#[test]
fn snapshot_routes_of_the_vulnerable_example() {
    let o = run(&repo_root(), &["routes", "examples/vulnerable-app"]);
    assert_eq!(o.status.code(), Some(0));
    insta::assert_snapshot!("vulnerable_app_routes", stdout(&o));
}

/// Modules that import each other's names in a cycle must not recurse forever.
#[test]
fn import_cycles_terminate() {
    let dir = project(&[
        ("pkg/__init__.py", "from pkg.a import SECRET_KEY\n"),
        ("pkg/a.py", "from pkg.b import SECRET_KEY\n"),
        ("pkg/b.py", "from pkg.a import SECRET_KEY\n"),
        (
            "pkg/app.py",
            "from flask import Flask\nfrom pkg import SECRET_KEY\n\napp = Flask(__name__)\napp.config[\"SECRET_KEY\"] = SECRET_KEY\nx = SECRET_KEY + \"tail\"\n",
        ),
    ]);
    let o = run(dir.path(), &["check", ".", "--output-format", "json"]);
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "stderr: {}",
        stderr(&o)
    );
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// (code, path, line) of a finding.
type FindingKey = (String, String, u64);

/// (code, path, line) of every finding, and (path, code) of every input error.
fn findings_and_errors(o: &Output) -> (Vec<FindingKey>, Vec<(String, String)>) {
    let report = json(o);
    let mut findings: Vec<FindingKey> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["location"]["path"].as_str().unwrap().to_string(),
                f["location"]["start"]["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    findings.sort();
    let errors = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["path"].as_str().unwrap().to_string(),
                e["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (findings, errors)
}

/// Issue 10: one directory of awkward files next to a real app, scanned in one run on the
/// worker threads. Each awkward file gets its diagnostic, the app's findings are all still
/// there, and nothing crashes.
#[test]
fn awkward_files_lose_no_finding_of_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo_root().join("examples/vulnerable-app"), dir.path());
    let args = ["check", ".", "--output-format", "json"];
    let before = run(dir.path(), &args);
    assert_eq!(before.status.code(), Some(1), "{}", stderr(&before));
    let (expected, no_errors) = findings_and_errors(&before);
    assert!(expected.len() > 50, "{expected:?}");
    assert!(no_errors.is_empty(), "{no_errors:?}");

    let put = |name: &str, bytes: &[u8]| {
        let path = dir.path().join("awkward").join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    };
    put("syntax.py", b"def f(:\n    pass\n");
    put("latin.py", b"x = '\xe9t\xe9'\n");
    put("nul.py", b"x = 1\0\n");
    put(
        "long_line.py",
        format!("x = [{}1]\n", "1,".repeat(2_000_000)).as_bytes(),
    );
    put(
        "chain.py",
        format!("x = {}1\n", "1+".repeat(2_000_000)).as_bytes(),
    );
    put(
        "unary.py",
        format!("x = {}1\n", "-".repeat(2_000_000)).as_bytes(),
    );
    put(
        "brackets.py",
        format!("x = {}1{}\n", "[".repeat(5000), "]".repeat(5000)).as_bytes(),
    );
    let mut indented = String::new();
    for level in 0..1000 {
        indented.push_str(&" ".repeat(level));
        indented.push_str("if x:\n");
    }
    indented.push_str(&" ".repeat(1000));
    indented.push_str("pass\n");
    put("indented.py", indented.as_bytes());
    put("empty.py", b"");
    put("templates/unclosed.html", b"<p>{% if user %}{{ user.name\n");
    put("sub/pyproject.toml", b"[project\nname = \n");
    put(".env", b"FLASK_APP=app\nthis line is not a setting\n");
    put("unreadable.py", b"x = 1\n");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let awkward = dir.path().join("awkward");
        std::os::unix::fs::symlink(".", awkward.join("loop")).unwrap();
        std::os::unix::fs::symlink("missing.py", awkward.join("dangling.py")).unwrap();
        let unreadable = awkward.join("unreadable.py");
        std::fs::set_permissions(&unreadable, std::fs::Permissions::from_mode(0o000)).unwrap();
        let fifo = Command::new("mkfifo")
            .arg(awkward.join("fifo.py"))
            .status()
            .expect("mkfifo");
        assert!(fifo.success());
    }

    let after = run(dir.path(), &args);
    assert!(
        matches!(after.status.code(), Some(0 | 1)),
        "exit {:?}: {}",
        after.status.code(),
        stderr(&after)
    );
    let (found, errors) = findings_and_errors(&after);
    let outside: Vec<_> = found
        .iter()
        .filter(|(_, path, _)| !path.starts_with("awkward/"))
        .cloned()
        .collect();
    assert_eq!(outside, expected, "findings of the app changed");
    let has = |path: &str, code: &str| {
        errors
            .iter()
            .any(|(p, c)| p == &format!("awkward/{path}") && c == code)
    };
    for (path, code) in [
        ("syntax.py", "FG001"),
        ("latin.py", "FG002"),
        ("nul.py", "FG002"),
        ("chain.py", "FG003"),
        ("unary.py", "FG003"),
        ("brackets.py", "FG003"),
        ("indented.py", "FG003"),
        ("templates/unclosed.html", "FG001"),
        ("sub/pyproject.toml", "FG001"),
        (".env", "FG001"),
        ("fifo.py", "FG002"),
    ] {
        assert!(has(path, code), "{path}: no {code} in {errors:?}");
    }
    // Root reads files whatever their mode: the diagnostic is only expected where the
    // file really cannot be read.
    if std::fs::read(dir.path().join("awkward/unreadable.py")).is_err() {
        assert!(has("unreadable.py", "FG002"), "{errors:?}");
    }
    for quiet in ["empty.py", "long_line.py"] {
        assert!(
            !errors.iter().any(|(p, _)| p == &format!("awkward/{quiet}")),
            "{quiet} is valid Python: {errors:?}"
        );
    }
}

/// The README's example output is what `flaskguard check examples/vulnerable-app` prints:
/// every line it shows (timing aside) is in the real output, and its summary line is the
/// real one.
#[test]
fn readme_example_output_is_current() {
    let readme = std::fs::read_to_string(repo_root().join("README.md")).unwrap();
    let start = readme
        .find("$ flaskguard check examples/vulnerable-app\n")
        .expect("README shows the example run");
    let block = &readme[start..];
    let block = &block[..block.find("```").expect("closed code block")];
    let shown: Vec<&str> = block.lines().skip(1).filter(|l| *l != "…").collect();
    let o = run(&repo_root(), &["check", "examples/vulnerable-app"]);
    let actual = normalise_timing(&stdout(&o));
    let actual_lines: Vec<&str> = actual.lines().collect();
    for line in &shown {
        let line = normalise_timing(line);
        assert!(
            actual_lines.contains(&line.trim_end()),
            "README shows a line the example no longer prints: {line:?}\nactual summary: {:?}",
            actual_lines.last()
        );
    }
    assert_eq!(
        normalise_timing(shown.last().expect("a summary line")).trim_end(),
        *actual_lines.last().expect("output"),
        "README's summary line"
    );
}

/// Issue 10: a project analysed part by part (`FLASKGUARD_PART_BYTES` makes every project
/// large enough to split) reports exactly what analysing it at once reports.
#[test]
fn analysing_part_by_part_reports_what_analysing_at_once_does() {
    let root = repo_root();
    // Both hold code that never reaches Flask next to apps (the corpora and examples are
    // all apps: one part whatever the size). The benchmark corpus splits too (bench/).
    for target in [
        "crates/flaskguard_index/tests/fixtures/partition",
        "crates/flaskguard_rules/tests/fixtures",
    ] {
        let report = |part_bytes: Option<&str>| {
            let mut cmd = bin();
            cmd.current_dir(&root)
                .args(["check", target, "--output-format", "json", "--exit-zero"])
                .env("FLASKGUARD_TIMINGS", "1");
            if let Some(bytes) = part_bytes {
                cmd.env("FLASKGUARD_PART_BYTES", bytes);
            }
            let out = cmd.output().expect("run flaskguard");
            assert!(out.status.success(), "{target}: {}", stderr(&out));
            let mut report = json(&out);
            report["stats"]["duration_ms"] = Value::Null;
            let parts = stderr(&out)
                .lines()
                .filter(|l| l.starts_with("part "))
                .count();
            (report, parts)
        };
        let (whole, parts) = report(None);
        assert_eq!(parts, 0, "{target} is small enough to be one part");
        let (split, parts) = report(Some("1"));
        assert!(parts > 1, "{target} was not split");
        assert!(whole["findings"].as_array().is_some_and(|f| !f.is_empty()));
        assert_eq!(whole, split, "{target}: part by part differs");
    }
}

/// Small frictions of issue 12: selectors as people write them, the report format from
/// the output file's extension, and probe limits that would do nothing refused up front.
#[test]
fn selectors_in_any_case_and_format_from_the_extension() {
    let dir = project(&[("app.py", DEBUG_APP)]);
    let o = run(dir.path(), &["check", ".", "--select", "fg201, FG2"]);
    assert_eq!(o.status.code(), Some(1), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("FG201 critical"), "{}", stdout(&o));
    let o = run(
        dir.path(),
        &["check", ".", "--select", "fg201", "--ignore", "all"],
    );
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));

    for (file, starts) in [
        ("report.sarif", "\"$schema\""),
        ("report.json", "\"schema_version\""),
        ("report.xml", "<?xml"),
        ("report.txt", "app.py:4:9: FG201"),
    ] {
        let o = run(dir.path(), &["check", ".", "--select", "FG201", "-o", file]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        let text = std::fs::read_to_string(dir.path().join(file)).unwrap();
        assert!(
            text.trim_start()
                .trim_start_matches('{')
                .trim_start()
                .starts_with(starts),
            "{file}: {}",
            &text[..text.len().min(200)]
        );
    }
    // An explicit format wins over the extension.
    let o = run(
        dir.path(),
        &[
            "check",
            ".",
            "--select",
            "FG201",
            "-o",
            "x.sarif",
            "--output-format",
            "json",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let text = std::fs::read_to_string(dir.path().join("x.sarif")).unwrap();
    assert!(
        text.contains("\"schema_version\""),
        "{}",
        &text[..text.len().min(200)]
    );
}

#[test]
fn probe_limits_that_would_do_nothing_are_refused() {
    let dir = project(&[]);
    for flag in ["--concurrency", "--max-time"] {
        let o = run(dir.path(), &["probe", "http://127.0.0.1:9", flag, "0"]);
        assert_eq!(o.status.code(), Some(2), "{flag}: {}", stderr(&o));
        assert!(stderr(&o).contains(flag), "{flag}: {}", stderr(&o));
    }
}

#[test]
fn example_code_is_reported_as_low_wherever_the_scan_runs_from() {
    let dir = project(&[("app.py", DEBUG_APP), ("examples/demo/run.py", DEBUG_APP)]);
    let severities = |o: &Output| -> Vec<(String, String)> {
        json(o)["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["location"]["path"].as_str().unwrap().to_string(),
                    f["severity"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let o = run(
        dir.path(),
        &["check", ".", "--select", "FG201", "--output-format", "json"],
    );
    assert_eq!(
        severities(&o),
        vec![
            ("app.py".to_string(), "critical".to_string()),
            ("examples/demo/run.py".to_string(), "low".to_string()),
        ]
    );
    assert!(stdout(&o).contains("in example code"), "{}", stdout(&o));
    // Scanned from above, through a folder called `examples`: the root decides.
    let outer = tempfile::tempdir().unwrap();
    let inner = outer.path().join("examples").join("shop");
    std::fs::create_dir_all(&inner).unwrap();
    std::fs::write(inner.join("app.py"), DEBUG_APP).unwrap();
    let o = run(
        outer.path(),
        &[
            "check",
            "examples/shop",
            "--select",
            "FG201",
            "--output-format",
            "json",
        ],
    );
    assert_eq!(
        severities(&o),
        vec![("examples/shop/app.py".to_string(), "critical".to_string())]
    );
}

#[test]
fn weak_hashes_are_medium_only_where_they_protect_something() {
    let dir = project(&[(
        "app.py",
        "import hashlib, os\n\
         \n\
         def etag(body):\n\
         \x20   return hashlib.md5(body).hexdigest()\n\
         \n\
         def sign(payload, secret):\n\
         \x20   signature = hashlib.sha1(payload + secret).hexdigest()\n\
         \x20   return signature\n\
         \n\
         def make_reset_token(user_id):\n\
         \x20   return hashlib.md5(str(user_id).encode()).hexdigest()\n\
         \n\
         def new_csrf_token():\n\
         \x20   return hashlib.sha1(os.urandom(64)).hexdigest()\n\
         \n\
         def cache_key(query):\n\
         \x20   key = hashlib.md5(query.encode()).hexdigest()\n\
         \x20   return key\n",
    )]);
    let o = run(
        dir.path(),
        &["check", ".", "--select", "FG153", "--output-format", "json"],
    );
    let got = line_severities(&o);
    assert_eq!(
        got,
        vec![
            (4, "low".to_string()),
            (7, "medium".to_string()),
            (11, "medium".to_string()),
            (14, "low".to_string()),
            (17, "low".to_string()),
        ]
    );
}

#[test]
fn session_values_matter_where_the_app_trusts_them() {
    let dir = project(&[(
        "app.py",
        "from flask import Flask, request, session\n\
         from itsdangerous import URLSafeTimedSerializer\n\
         \n\
         app = Flask(__name__)\n\
         ser = URLSafeTimedSerializer(\"k\")\n\
         \n\
         @app.route(\"/a\", methods=[\"POST\"])\n\
         def a():\n\
         \x20   session[\"role\"] = request.form[\"role\"]\n\
         \x20   session[\"query\"] = request.form[\"q\"]\n\
         \x20   session[\"mount\"] = request.script_root\n\
         \x20   session[\"user_id\"] = ser.loads(request.args[\"token\"], max_age=600)\n\
         \x20   return \"ok\"\n",
    )]);
    let o = run(
        dir.path(),
        &["check", ".", "--select", "FG152", "--output-format", "json"],
    );
    let got = line_severities(&o);
    // The role is trusted later: medium. The query is the user's own: low. The mount
    // point is the server's, and a signed token's payload is the server's own.
    assert_eq!(
        got,
        vec![(9, "medium".to_string()), (10, "low".to_string())]
    );
}

#[test]
fn cookie_flags_matter_for_cookies_that_hold_something() {
    let dir = project(&[(
        "app.py",
        "from flask import Flask, make_response, request\n\
         \n\
         app = Flask(__name__)\n\
         \n\
         @app.route(\"/a\")\n\
         def a():\n\
         \x20   resp = make_response(\"ok\")\n\
         \x20   resp.set_cookie(\"session_token\", request.args[\"t\"])\n\
         \x20   resp.set_cookie(\"download\", \"done\")\n\
         \x20   resp.set_cookie(\"sort\", request.args.get(\"sort\", \"name\"))\n\
         \x20   return resp\n",
    )]);
    let o = run(
        dir.path(),
        &["check", ".", "--select", "FG214", "--output-format", "json"],
    );
    let got = line_severities(&o);
    assert_eq!(
        got,
        vec![
            (8, "medium".to_string()),
            (9, "low".to_string()),
            (10, "low".to_string()),
        ]
    );
}

#[test]
fn the_same_project_gives_the_same_findings_every_run() {
    // Summaries once depended on which thread reached a function first: the wrapped
    // predicate's redirect was reported in about half the runs.
    for (project, runs) in [
        (
            "crates/flaskguard_rules/tests/fixtures/FG122/case_wrapped_predicate",
            10,
        ),
        ("tests/corpus", 3),
    ] {
        let findings = || {
            let o = run(
                &repo_root(),
                &[
                    "check",
                    project,
                    "--output-format",
                    "json",
                    "--isolated",
                    "--exit-zero",
                ],
            );
            json(&o)["findings"].clone()
        };
        let first = findings();
        for _ in 1..runs {
            assert_eq!(findings(), first, "{project}");
        }
    }
}

/// Every input that once crashed or stalled the `python_pipeline` fuzz target
/// (fuzz/regressions/) is scanned by the command as a project's only module: a report,
/// no crash.
#[test]
fn fuzz_regressions_scan_cleanly() {
    let dir = repo_root().join("fuzz/regressions/python_pipeline");
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 5, "{inputs:?}");
    for input in inputs {
        let project = tempfile::tempdir().unwrap();
        std::fs::copy(&input, project.path().join("app.py")).unwrap();
        let out = run(project.path(), &["check", ".", "--output-format", "json"]);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{}: exit {:?}: {}",
            input.display(),
            out.status.code(),
            stderr(&out)
        );
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(report["findings"].is_array(), "{}", input.display());
    }
}

#[test]
fn flows_through_code_flaskguard_cannot_see_are_low() {
    let dir = project(&[(
        "app.py",
        "import base64, os\n\
         import acme_shell\n\
         from flask import Flask, request\n\
         \n\
         app = Flask(__name__)\n\
         \n\
         def quoted(s):\n\
         \x20   return \"'\" + s + \"'\"\n\
         \n\
         @app.route(\"/a\")\n\
         def a():\n\
         \x20   cmd = base64.b64decode(request.args[\"c\"]).decode()\n\
         \x20   os.system(cmd)\n\
         \x20   return \"\"\n\
         \n\
         @app.route(\"/b\")\n\
         def b():\n\
         \x20   cmd = acme_shell.render(request.args[\"c\"])\n\
         \x20   os.system(cmd)\n\
         \x20   return \"\"\n\
         \n\
         @app.route(\"/c\")\n\
         def c():\n\
         \x20   name = request.args[\"n\"]\n\
         \x20   os.system(\"echo \" + acme_shell.render(name) + quoted(name))\n\
         \x20   return \"\"\n",
    )]);
    let o = run(
        dir.path(),
        &["check", ".", "--select", "FG106", "--output-format", "json"],
    );
    // Through the standard library's decoder: certain. Through a package flaskguard
    // cannot see: a guess, reported low and naming the function. Where the data also
    // reaches the sink by a way flaskguard can see, the flow is certain again.
    assert_eq!(
        line_severities(&o),
        vec![
            (13, "critical".to_string()),
            (19, "low".to_string()),
            (25, "critical".to_string()),
        ],
        "{}",
        stdout(&o)
    );
    assert!(
        stdout(&o).contains("passed to `acme_shell.render()`, whose code flaskguard cannot see"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn paths_of_one_segment_are_low_unless_the_sink_acts_on_a_directory() {
    let dir = project(&[(
        "app.py",
        "import os, shutil\n\
         from flask import Flask, request, send_file\n\
         \n\
         app = Flask(__name__)\n\
         BASE = \"/srv/library\"\n\
         \n\
         def clean(name):\n\
         \x20   return name.replace(\"/\", \"_\")\n\
         \n\
         @app.route(\"/cover/<name>\")\n\
         def cover(name):\n\
         \x20   return send_file(os.path.join(BASE, name, \"cover.jpg\"))\n\
         \n\
         @app.route(\"/file/<path:name>\")\n\
         def file(name):\n\
         \x20   return send_file(os.path.join(BASE, name))\n\
         \n\
         @app.route(\"/author\", methods=[\"POST\"])\n\
         def author():\n\
         \x20   name = clean(request.form[\"author\"])\n\
         \x20   with open(os.path.join(BASE, name, \"meta.json\")) as f:\n\
         \x20       return f.read()\n\
         \n\
         @app.route(\"/pack/<locale>\", methods=[\"DELETE\"])\n\
         def delete_pack(locale):\n\
         \x20   shutil.rmtree(os.path.join(BASE, \"translations\", locale))\n\
         \x20   return \"\"\n\
         \n\
         @app.route(\"/check\")\n\
         def check():\n\
         \x20   name = request.args[\"n\"]\n\
         \x20   if \"/\" in name:\n\
         \x20       return \"no\", 400\n\
         \x20   return send_file(os.path.join(BASE, name))\n",
    )]);
    let o = run(
        dir.path(),
        &["check", ".", "--select", "FG115", "--output-format", "json"],
    );
    // A `string` URL variable, a value with `/` replaced or rejected: one segment, which
    // reaches at most the parent directory (`..`) — low for a file; a `path` variable is
    // high, and so is one segment whose sink acts on the directory itself (`rmtree` of
    // `translations/..` removes the whole base folder).
    assert_eq!(
        line_severities(&o),
        vec![
            (12, "low".to_string()),
            (16, "high".to_string()),
            (21, "low".to_string()),
            (26, "high".to_string()),
            (34, "low".to_string()),
        ],
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_get_logout_is_low_other_get_state_changes_are_not() {
    let dir = project(&[(
        "app.py",
        "from flask import Flask, redirect\n\
         from flask_login import logout_user\n\
         from flask_sqlalchemy import SQLAlchemy\n\
         app = Flask(__name__)\n\
         db = SQLAlchemy(app)\n\
         class Note(db.Model):\n\
         \x20   id = db.Column(db.Integer, primary_key=True)\n\
         @app.route(\"/logout\")\n\
         def logout():\n\
         \x20   db.session.delete(db.session.get(Note, 1))\n\
         \x20   logout_user()\n\
         \x20   return redirect(\"/\")\n\
         \n\
         @app.route(\"/notes/<int:note_id>/delete\")\n\
         def delete_note(note_id):\n\
         \x20   db.session.delete(db.session.get(Note, note_id))\n\
         \x20   return redirect(\"/notes\")\n",
    )]);
    let o = run(
        dir.path(),
        &["check", ".", "--select", "FG237", "--output-format", "json"],
    );
    // A forged GET to a logout only signs the user out.
    assert_eq!(
        line_severities(&o),
        vec![(8, "low".to_string()), (14, "medium".to_string())],
        "{}",
        stdout(&o)
    );
}

#[test]
fn an_exempt_logout_is_low_other_exempt_views_are_not() {
    let dir = project(&[(
        "app.py",
        "from flask import Flask, redirect, session\n\
         from flask_login import LoginManager, login_required, logout_user\n\
         from flask_wtf.csrf import CSRFProtect\n\
         app = Flask(__name__)\n\
         csrf = CSRFProtect(app)\n\
         LoginManager(app)\n\
         @app.route(\"/logout\", methods=[\"POST\"])\n\
         @csrf.exempt\n\
         def logout():\n\
         \x20   logout_user()\n\
         \x20   return redirect(\"/\")\n\
         \n\
         @app.route(\"/profile\", methods=[\"POST\"])\n\
         @csrf.exempt\n\
         @login_required\n\
         def profile():\n\
         \x20   session[\"theme\"] = \"dark\"\n\
         \x20   return redirect(\"/\")\n\
         \n\
         from flask_security import anonymous_user_required\n\
         @app.route(\"/reset\", methods=[\"POST\"])\n\
         @csrf.exempt\n\
         @anonymous_user_required\n\
         def reset():\n\
         \x20   session[\"reset_sent\"] = True\n\
         \x20   return redirect(\"/\")\n",
    )]);
    let o = run(
        dir.path(),
        &["check", ".", "--select", "FG234", "--output-format", "json"],
    );
    // A forged request to an exempt logout only signs the user out; a view for visitors
    // who are not signed in has no session of the victim's to ride.
    assert_eq!(
        line_severities(&o),
        vec![
            (8, "low".to_string()),
            (14, "high".to_string()),
            (22, "low".to_string())
        ],
        "{}",
        stdout(&o)
    );
}

#[test]
fn safe_filter_findings_are_graded_by_what_the_renders_pass() {
    let dir = project(&[
        (
            "app.py",
            "from flask import Flask, render_template, request\n\
             from flask_sqlalchemy import SQLAlchemy\n\
             from markupsafe import escape\n\
             \n\
             app = Flask(__name__)\n\
             db = SQLAlchemy(app)\n\
             \n\
             class Comment(db.Model):\n\
             \x20   id = db.Column(db.Integer, primary_key=True)\n\
             \x20   html = db.Column(db.Text)\n\
             \n\
             def own_comment(cid):\n\
             \x20   comment = db.session.get(Comment, cid)\n\
             \x20   return comment\n\
             \n\
             @app.route(\"/preview\", methods=[\"POST\"])\n\
             def preview():\n\
             \x20   return render_template(\"preview.html\", body=request.form[\"body\"])\n\
             \n\
             @app.route(\"/comments\")\n\
             def comments():\n\
             \x20   return render_template(\"comments.html\", comments=Comment.query.all())\n\
             \n\
             @app.route(\"/comments/<int:cid>\")\n\
             def comment(cid):\n\
             \x20   return render_template(\"comment.html\", comment=own_comment(cid))\n\
             \n\
             @app.route(\"/banner\")\n\
             def banner():\n\
             \x20   return render_template(\"banner.html\", banner=escape(request.args[\"b\"]), motto=\"<b>hi</b>\")\n\
             \n\
             @app.route(\"/widget\")\n\
             def widget():\n\
             \x20   return render_template(\"widget.html\", widget=build_widget())\n\
             \n\
             def build_widget():\n\
             \x20   return app.config.get(\"WIDGET_HTML\", \"\")\n",
        ),
        ("templates/preview.html", "<div>{{ body|safe }}</div>\n"),
        (
            "templates/comments.html",
            "{% for c in comments %}\n<li>{{ c.html|safe }}</li>\n{% endfor %}\n",
        ),
        (
            "templates/comment.html",
            "<div>{{ comment.html|safe }}</div>\n",
        ),
        (
            "templates/banner.html",
            "<div>{{ banner|safe }}</div>\n<p>{{ motto|safe }}</p>\n",
        ),
        ("templates/widget.html", "<div>{{ widget|safe }}</div>\n"),
    ]);
    let o = run(
        dir.path(),
        &["check", ".", "--select", "FG227", "--output-format", "json"],
    );
    let mut found: Vec<(String, String)> = json(&o)["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["location"]["path"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    found.sort();
    // Request data and database rows (through a loop, a helper and a local name): medium.
    // Constants and escaped values: nothing. A value built where flaskguard cannot tell
    // what it holds: low, for review.
    assert_eq!(
        found,
        vec![
            ("templates/comment.html".to_string(), "medium".to_string()),
            ("templates/comments.html".to_string(), "medium".to_string()),
            ("templates/preview.html".to_string(), "medium".to_string()),
            ("templates/widget.html".to_string(), "low".to_string()),
        ],
        "{}",
        stdout(&o)
    );
}

#[test]
fn redirects_to_the_referrer_are_low() {
    let (found, o) = graded_lines(
        "from flask import Flask, redirect, request\n\
         \n\
         app = Flask(__name__)\n\
         \n\
         @app.route(\"/a\", methods=[\"POST\"])\n\
         def a():\n\
         \x20   return redirect(request.environ[\"HTTP_REFERER\"])\n\
         \n\
         @app.route(\"/b\")\n\
         def b():\n\
         \x20   return redirect(request.referrer or \"/\")\n\
         \n\
         @app.route(\"/c\")\n\
         def c():\n\
         \x20   return redirect(request.headers.get(\"Referer\", \"/\"))\n\
         \n\
         @app.route(\"/d\")\n\
         def d():\n\
         \x20   return redirect(request.args.get(\"next\") or request.referrer)\n",
        "FG122",
    );
    // Back to the page the browser came from: low. A target from the query string: the
    // attacker's choice.
    assert_eq!(
        found,
        vec![
            (7, "low".to_string()),
            (11, "low".to_string()),
            (15, "low".to_string()),
            (19, "low".to_string()),
            (19, "medium".to_string()),
        ],
        "{}",
        stdout(&o)
    );
}

#[test]
fn headers_the_browser_writes_echoed_into_the_page_are_low() {
    let (found, o) = graded_lines(
        "from flask import Flask, request\n\
         \n\
         app = Flask(__name__)\n\
         \n\
         @app.route(\"/agent\")\n\
         def agent():\n\
         \x20   return \"<p>\" + request.headers.get(\"User-Agent\", \"\") + \"</p>\"\n\
         \n\
         @app.route(\"/who\")\n\
         def who():\n\
         \x20   return \"<p>\" + str(request.user_agent) + request.headers[\"Accept-Language\"] + \"</p>\"\n\
         \n\
         @app.route(\"/hello\")\n\
         def hello():\n\
         \x20   return \"<p>\" + request.args.get(\"name\", \"\") + \"</p>\"\n",
        "FG110",
    );
    // A header only its sender's browser writes reaches only that sender; the query
    // string is the link's, which anyone can write.
    assert_eq!(
        found,
        vec![
            (7, "low".to_string()),
            (11, "low".to_string()),
            (15, "high".to_string()),
        ],
        "{}",
        stdout(&o)
    );
}
