//! End-to-end tests of `flaskguard probe` against real Flask apps (`tests/apps/`) started on
//! 127.0.0.1 by this harness, and against hostile servers written here. Nothing here sends
//! traffic anywhere but 127.0.0.1.
//!
//! The apps need Python with the packages of `tests/apps/requirements.txt`: the harness
//! makes `.ci/.venv` with `scripts/test-apps-venv.sh` on first use (or takes
//! `FLASKGUARD_TEST_PYTHON`); when it cannot, the tests fail.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use serde_json::Value;

mod common;
use common::{python, repo_root};

/// A test app running on 127.0.0.1; stopped (SIGTERM, then killed) when dropped.
struct App {
    child: Child,
    url: String,
}

impl App {
    fn start(python: &Path, name: &str) -> App {
        let script = repo_root().join("tests/apps").join(format!("{name}.py"));
        let mut child = Command::new(python)
            .arg(&script)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("start {}: {e}", script.display()));
        // Poll for the readiness line (bounded), never sleep-and-hope.
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let line = rx
            .recv_timeout(Duration::from_mins(1))
            .unwrap_or_else(|_| panic!("{name} did not print LISTENING within 60 s"));
        let url = line
            .trim()
            .strip_prefix("LISTENING ")
            .unwrap_or_else(|| panic!("{name}: unexpected first line {line:?}"))
            .to_string();
        assert!(url.starts_with("http://127.0.0.1:"), "{url}");
        App { child, url }
    }
}

impl Drop for App {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let until = Instant::now() + Duration::from_secs(5);
        while Instant::now() < until {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn probe(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_flaskguard"))
        .current_dir(repo_root())
        .arg("probe")
        .args(args)
        .args(["--no-progress", "--max-time", "120"])
        .env("NO_COLOR", "1")
        .output()
        .expect("run flaskguard probe")
}

fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr)
}

fn report(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", text(o)))
}

/// `(code, path)` of the probe's findings: the route's rule, or the URL path.
fn probe_findings(report: &Value, origin: &str) -> BTreeSet<(String, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f.get("evidence").is_some())
        .map(|f| {
            let code = f["code"].as_str().unwrap().to_string();
            let path = f["location"]["path"]
                .as_str()
                .unwrap()
                .strip_prefix(origin)
                .unwrap_or("/")
                .to_string();
            let route = f["route"]
                .as_str()
                .and_then(|r| r.rsplit_once(' ').map(|(_, p)| p.to_string()));
            // Site-wide findings have the route `/`; others name their route's rule.
            (code, route.filter(|r| r != "/").unwrap_or(path))
        })
        .collect()
}

fn expected(name: &str) -> BTreeSet<(String, String)> {
    let text = std::fs::read_to_string(repo_root().join(format!("tests/apps/{name}.expected")))
        .expect("expected file");
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (c, p) = l.split_once(' ').expect("CODE PATH");
            (c.to_string(), p.trim().to_string())
        })
        .collect()
}

fn assert_same(found: &BTreeSet<(String, String)>, want: &BTreeSet<(String, String)>, o: &Output) {
    let missing: Vec<_> = want.difference(found).collect();
    let extra: Vec<_> = found.difference(want).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missed (planted but not found): {missing:?}\nunexpected (false alarms): {extra:?}\n\n{}",
        text(o)
    );
}

const LOGIN: &[&str] = &[
    "--login",
    "/login",
    "--login-field",
    "username=alice",
    "--login-field",
    "password=wonderland",
];

#[test]
fn vulnerable_app_every_planted_issue_found_and_nothing_else() {
    let py = python();
    let app = App::start(&py, "vulnerable_app");
    let mut args = vec![
        app.url.as_str(),
        "--source",
        "tests/apps/vulnerable_app.py",
        "--active",
        "--output-format",
        "json",
    ];
    args.extend(LOGIN);
    let o = probe(&args);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let r = report(&o);
    assert_same(
        &probe_findings(&r, &app.url),
        &expected("vulnerable_app"),
        &o,
    );
    // The server was hit, within the default budget.
    let requests = r["stats"]["requests"].as_u64().unwrap();
    assert!((50..=3000).contains(&requests), "requests: {requests}");
    // Secrets never reach the probe's evidence: the secret key, the .env password, the
    // login password, cookie values. (Static findings quote their source lines.)
    let probe_part: String = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f.get("evidence").is_some())
        .map(Value::to_string)
        .chain(r["errors"].as_array().unwrap().iter().map(Value::to_string))
        .collect();
    for secret in [
        "changeme",
        "hunter2",
        "wonderland",
        "session=ey",
        "session=.ey",
    ] {
        assert!(
            !probe_part.contains(secret),
            "`{secret}` leaked into the evidence"
        );
    }
    // Static findings that a probe proved are marked confirmed.
    let confirmed: BTreeSet<&str> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f.get("confirmed").is_some())
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    for code in [
        "FG101", "FG109", "FG110", "FG115", "FG122", "FG123", "FG203", "FG246",
    ] {
        assert!(
            confirmed.contains(code),
            "{code} not confirmed: {confirmed:?}"
        );
    }
    // And the route inventory carries the probe results.
    let search = r["routes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["rule"] == "/search")
        .expect("route /search");
    assert!(
        search["probe"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c == "FG618"),
        "{search}"
    );
    // `flaskguard routes` shows the probe results per route from a saved probe report.
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("probe.json");
    std::fs::write(&saved, &o.stdout).unwrap();
    let table = Command::new(env!("CARGO_BIN_EXE_flaskguard"))
        .current_dir(repo_root())
        .args(["routes", "tests/apps/vulnerable_app.py", "--probe-report"])
        .arg(&saved)
        .output()
        .expect("run flaskguard routes");
    let table = String::from_utf8_lossy(&table.stdout);
    assert!(table.lines().next().unwrap().ends_with("PROBE"), "{table}");
    let row = table
        .lines()
        .find(|l| l.contains(" /search "))
        .unwrap_or_else(|| panic!("{table}"));
    assert!(row.ends_with("FG618"), "{row}");
}

#[test]
fn hardened_app_has_nothing_at_medium_or_above() {
    let py = python();
    let app = App::start(&py, "hardened_app");
    let mut args = vec![
        app.url.as_str(),
        "--source",
        "tests/apps/hardened_app.py",
        "--active",
        "--output-format",
        "json",
        "--fail-on",
        "medium",
    ];
    args.extend(LOGIN);
    let o = probe(&args);
    let r = report(&o);
    let serious: Vec<String> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f.get("suppression").is_none())
        .filter(|f| !matches!(f["severity"].as_str(), Some("low" | "info")))
        .map(|f| format!("{} {} {}", f["code"], f["location"]["path"], f["message"]))
        .collect();
    assert!(
        serious.is_empty(),
        "findings at medium or above:\n{}",
        serious.join("\n")
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(
        r["stats"]["requests"].as_u64().unwrap() >= 50,
        "the server was hit"
    );
}

#[test]
fn api_without_links_needs_the_source() {
    let py = python();
    let app = App::start(&py, "api_only_app");
    // Crawling alone finds nothing to test: "/" has no links.
    let o = probe(&[app.url.as_str(), "--active", "--output-format", "json"]);
    let r = report(&o);
    assert!(probe_findings(&r, &app.url).is_empty(), "{}", text(&o));
    // From the source: the path parameter, the header value and the JSON field — and,
    // logged in through the JSON login, what its bearer token unlocks.
    let o = probe(&[
        app.url.as_str(),
        "--active",
        "--source",
        "tests/apps/api_only_app.py",
        "--login",
        "/api/v1/login",
        "--login-json",
        "--login-field",
        "username=alice",
        "--login-field",
        "password=wonderland",
        "--output-format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert_same(
        &probe_findings(&report(&o), &app.url),
        &expected("api_only_app"),
        &o,
    );
}

#[test]
fn one_users_objects_read_with_another_users_session() {
    let py = python();
    let app = App::start(&py, "accounts_app");
    let login = |second_password: &str| {
        let second = format!("password={second_password}");
        probe(&[
            app.url.as_str(),
            "--active",
            "--source",
            "tests/apps/accounts_app.py",
            "--login",
            "/login",
            "--login-field",
            "username=alice",
            "--login-field",
            "password=alice-pass-1",
            "--second-login-field",
            "username=bob",
            "--second-login-field",
            second.as_str(),
            "--output-format",
            "json",
        ])
    };
    // Notes are read and saved by id alone; drafts are shown to anyone but saving checks
    // the owner; invoices check the owner (404 for bob); products are the same catalogue
    // for everyone (bob's own pages link them).
    let o = login("bob-pass-2");
    let r = report(&o);
    // Each FG613 by its route and what it says the other user did: read or write.
    let idor: BTreeSet<(&str, bool)> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "FG613")
        .filter_map(|f| {
            let writes = f["message"].as_str()?.contains("writes");
            Some((f["route"].as_str()?, writes))
        })
        .collect();
    assert_eq!(
        idor,
        BTreeSet::from([
            ("GET /notes/<int:note_id>", false),
            ("GET /notes/<int:note_id>/edit", false),
            ("POST /notes/<int:note_id>/edit", true),
            ("GET /drafts/<int:draft_id>/edit", false),
        ]),
        "{}",
        text(&o)
    );
    // A second login that fails is said, and nothing is claimed.
    let o = login("wrong");
    let r = report(&o);
    assert!(
        !probe_findings(&r, &app.url)
            .iter()
            .any(|(code, _)| code == "FG613"),
        "{}",
        text(&o)
    );
    assert!(
        r.to_string().contains("the second login at"),
        "the failed second login is reported: {}",
        text(&o)
    );
}

#[test]
fn openapi_document_drives_the_probe() {
    let py = python();
    let app = App::start(&py, "api_only_app");
    let o = probe(&[
        app.url.as_str(),
        "--active",
        "--openapi",
        "tests/apps/api_only_openapi.json",
        "--output-format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let found = probe_findings(&report(&o), &app.url);
    // What the document describes (the parameter-name routes it cannot describe).
    let want: BTreeSet<(String, String)> = [
        ("FG620", "/api/v1/users/<username>"),
        ("FG603", "/api/v1/users/<username>"),
        ("FG619", "/api/v1/render"),
        ("FG618", "/api/v1/echo"),
    ]
    .into_iter()
    .map(|(c, p)| (c.to_string(), p.to_string()))
    .collect();
    assert_same(&found, &want, &o);
    // A document that is not JSON is a clean error with its position.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\n  \"paths\": [,\n}").unwrap();
    let o = probe(&[app.url.as_str(), "--openapi", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.json:2:"), "{err}");
}

#[test]
fn soft_404_pages_are_not_exposed_files() {
    let py = python();
    let app = App::start(&py, "soft404_app");
    let o = probe(&[
        app.url.as_str(),
        "--active",
        "--source",
        "tests/apps/soft404_app.py",
        "--output-format",
        "json",
    ]);
    let r = report(&o);
    let found = probe_findings(&r, &app.url);
    assert!(
        found.is_empty(),
        "false alarms on a soft-404 app: {found:?}"
    );
    assert!(
        r["stats"]["requests"].as_u64().unwrap() > 10,
        "the server was hit"
    );
}

#[test]
fn serve_starts_probes_and_stops_the_app() {
    let py = python();
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}");
    let cmd = format!(
        "exec {} tests/apps/vulnerable_app.py --port {port}",
        py.display()
    );
    let o = probe(&[url.as_str(), "--serve", &cmd, "--output-format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let found = probe_findings(&report(&o), &url);
    assert!(
        found.contains(&("FG604".to_string(), "/".to_string())),
        "{found:?}"
    );
    // Stopped afterwards: the port no longer answers.
    let until = Instant::now() + Duration::from_secs(10);
    while TcpStream::connect(("127.0.0.1", port)).is_ok() {
        assert!(Instant::now() < until, "the served app is still running");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn sarif_of_a_probe_passes_the_multitool_validator() {
    let py = python();
    let tool = common::sarif_multitool();
    let app = App::start(&py, "vulnerable_app");
    let dir = tempfile::tempdir().unwrap();
    let sarif = dir.path().join("probe.sarif");
    let o = probe(&[
        app.url.as_str(),
        "--source",
        "tests/apps/vulnerable_app.py",
        "--active",
        "--output-format",
        "sarif",
        "--output",
        sarif.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let v = Command::new(tool)
        .arg("validate")
        .arg(&sarif)
        .output()
        .expect("run the SARIF validator");
    let out = String::from_utf8_lossy(&v.stdout).into_owned() + &String::from_utf8_lossy(&v.stderr);
    assert!(v.status.success(), "validator failed: {out}");
    let problems: Vec<&str> = out
        .lines()
        .filter(|l| l.contains(": error ") || l.contains(": warning "))
        .collect();
    assert!(
        problems.is_empty(),
        "SARIF problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn unreachable_url_is_a_one_line_error_with_status_2() {
    // A port nothing listens on: bound, then released.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let o = probe(&[&format!("http://127.0.0.1:{port}/")]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("cannot reach"), "{err}");
    let o = probe(&["ftp://127.0.0.1/"]);
    assert_eq!(o.status.code(), Some(2));
}

/// A server that misbehaves in one way, on 127.0.0.1; counts the connections it gets.
struct Hostile {
    port: u16,
    hits: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
}

impl Hostile {
    fn start(kind: &'static str) -> Hostile {
        Hostile::start_with(kind, 0)
    }

    /// A server of `kind` whose other origin (where it redirects) is 127.0.0.1:`peer`.
    fn start_with(kind: &'static str, peer: u16) -> Hostile {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        listener.set_nonblocking(true).unwrap();
        let hits = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (h, s) = (Arc::clone(&hits), Arc::clone(&stop));
        std::thread::spawn(move || {
            // Ends when the test drops the server, and after two minutes in any case.
            let started = Instant::now();
            while !s.load(Ordering::Relaxed) && started.elapsed() < Duration::from_mins(2) {
                match listener.accept() {
                    Ok((sock, _)) => {
                        let nth = h.fetch_add(1, Ordering::Relaxed) + 1;
                        let s2 = Arc::clone(&s);
                        std::thread::spawn(move || {
                            serve_hostile(kind, sock, &s2, &Conn { nth, peer });
                        });
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        Hostile { port, hits, stop }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    fn hits(&self) -> usize {
        self.hits.load(Ordering::Relaxed)
    }
}

impl Drop for Hostile {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// What a hostile server knows of a connection.
struct Conn {
    /// 1 for the first connection the server accepted.
    nth: usize,
    /// The port of the other origin on 127.0.0.1 (kinds that redirect there).
    peer: u16,
}

/// Writes a complete `Connection: close` response.
fn respond(sock: &mut TcpStream, status: &str, ctype: &str, body: &str) {
    respond_with(sock, status, &[], ctype, body.as_bytes());
}

/// Writes a complete `Connection: close` response with extra header lines.
fn respond_with(
    sock: &mut TcpStream,
    status: &str,
    headers: &[(&str, &str)],
    ctype: &str,
    body: &[u8],
) {
    let mut head = format!("HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n");
    for (n, v) in headers {
        let _ = write!(head, "{n}: {v}\r\n");
    }
    let _ = write!(
        head,
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = sock.write_all(head.as_bytes());
    let _ = sock.write_all(body);
}

/// `%XX` and `+` decoding of a query value.
fn percent_decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' if i + 2 < b.len() => {
                let hex = std::str::from_utf8(&b[i + 1..i + 3]).unwrap_or("");
                if let Ok(v) = u8::from_str_radix(hex, 16) {
                    out.push(v);
                    i += 3;
                    continue;
                }
                out.push(b'%');
            }
            b'+' => out.push(b' '),
            c => out.push(c),
        }
        i += 1;
    }
    out
}

fn serve_hostile(kind: &str, mut sock: TcpStream, stop: &AtomicBool, conn: &Conn) {
    let _ = sock.set_nonblocking(false);
    let mut buf = [0u8; 4096];
    let _ = sock.set_read_timeout(Some(Duration::from_secs(2)));
    let n = sock.read(&mut buf).unwrap_or(0);
    if kind == "openapi-xss" {
        // An API with no links that publishes its OpenAPI document, and reflects `msg`.
        let head = String::from_utf8_lossy(&buf[..n]).into_owned();
        let target = head.split(' ').nth(1).unwrap_or("/").to_string();
        let (status, ctype, body) = if target == "/openapi.json" {
            (
                "200 OK",
                "application/json",
                r#"{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {"/api/echo": {"get": {"parameters": [{"name": "msg", "in": "query", "schema": {"type": "string"}}], "responses": {"200": {"description": "echo"}}}}}}"#.to_string(),
            )
        } else if let Some(q) = target.strip_prefix("/api/echo?msg=") {
            let msg = String::from_utf8_lossy(&percent_decode(q.split('&').next().unwrap_or("")))
                .into_owned();
            ("200 OK", "text/html", format!("<p>{msg}</p>"))
        } else if target == "/" {
            (
                "200 OK",
                "application/json",
                r#"{"service": "echo"}"#.to_string(),
            )
        } else {
            ("404 Not Found", "text/plain", "not found".to_string())
        };
        respond(&mut sock, status, ctype, &body);
        return;
    }
    if kind == "trace-echo" {
        // Echoes a TRACE request back (as some servers do); a page otherwise.
        let head = String::from_utf8_lossy(&buf[..n]).into_owned();
        let (ctype, body) = if head.starts_with("TRACE ") {
            ("message/http", head.clone())
        } else {
            ("text/html", "<html><body>hello</body></html>".to_string())
        };
        respond(&mut sock, "200 OK", ctype, &body);
        return;
    }
    if kind == "extras" {
        // A page with Flask-DebugToolbar's markup, and GraphQL with introspection on.
        let head = String::from_utf8_lossy(&buf[..n]).into_owned();
        let (ctype, body) = if head.starts_with("POST /graphql") {
            (
                "application/json",
                r#"{"data": {"__schema": {"queryType": {"name": "Query"}}}}"#.to_string(),
            )
        } else if head.starts_with("GET / ") {
            (
                "text/html",
                r#"<html><body><p>hi</p><div id="flDebug" style="display:none"></div></body></html>"#
                    .to_string(),
            )
        } else {
            ("text/plain", "not found".to_string())
        };
        let status = if body == "not found" {
            "404 Not Found"
        } else {
            "200 OK"
        };
        respond(&mut sock, status, ctype, &body);
        return;
    }
    if kind == "crlf-echo" {
        // An old stack that copies `next` into Location as raw bytes.
        let head = String::from_utf8_lossy(&buf[..n]).into_owned();
        let target = head.split(' ').nth(1).unwrap_or("/").to_string();
        if let Some(q) = target.strip_prefix("/go?next=") {
            let mut resp: Vec<u8> = b"HTTP/1.1 302 Found\r\nLocation: ".to_vec();
            resp.extend_from_slice(&percent_decode(q.split('&').next().unwrap_or("")));
            resp.extend_from_slice(b"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            let _ = sock.write_all(&resp);
        } else {
            let body = "<html><body><a href=\"/go?next=/home\">home</a></body></html>";
            respond(&mut sock, "200 OK", "text/html", body);
        }
        return;
    }
    let started = Instant::now();
    // Every hostile behaviour ends on its own after 30 s, whatever the client does.
    let alive = || !stop.load(Ordering::Relaxed) && started.elapsed() < Duration::from_secs(30);
    match kind {
        "close-later" | "drip-later" if conn.nth == 1 => {
            // The first request gets a page full of links; every later one fails.
            let mut body = String::from("<html><body>");
            for i in 0..30 {
                let _ = writeln!(body, "<a href=\"/item/{i}?id={i}\">{i}</a>");
            }
            body.push_str("<form method=\"post\" action=\"/comment\"><input name=\"text\"></form></body></html>");
            respond(&mut sock, "200 OK", "text/html", &body);
        }
        "reset" => {
            // Closed without a byte of response.
            let _ = sock.shutdown(std::net::Shutdown::Both);
        }
        "slow-drip" | "drip-later" => {
            let _ = sock.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n",
            );
            while alive() && sock.write_all(b"<").is_ok() {
                std::thread::sleep(Duration::from_millis(200));
            }
        }
        "endless-body" => {
            let _ = sock.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n",
            );
            let chunk = format!("{:x}\r\n{}\r\n", 65536, "A".repeat(65536));
            while alive() && sock.write_all(chunk.as_bytes()).is_ok() {}
        }
        "huge-headers" => {
            let _ = sock.write_all(b"HTTP/1.1 200 OK\r\n");
            let line = format!("X-Junk: {}\r\n", "B".repeat(8000));
            for _ in 0..2000 {
                if !alive() || sock.write_all(line.as_bytes()).is_err() {
                    break;
                }
            }
        }
        "redirect-loop" => {
            let _ = sock.write_all(
                b"HTTP/1.1 302 Found\r\nLocation: /\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            );
        }
        "redirect-cycle" => {
            // `/a` → `/b` → `/c` → `/a` …, the query one longer at each hop so that no URL
            // repeats; the body links on, as Werkzeug's redirect page does.
            let target = request_target(&buf[..n]);
            let (path, query) = target.split_once('?').unwrap_or((target.as_str(), ""));
            let next_path = match path {
                "/a" => "/b",
                "/b" => "/c",
                _ => "/a",
            };
            let next = format!("{next_path}?q={}x", query.strip_prefix("q=").unwrap_or(""));
            let body =
                format!("<html><body>Redirecting to <a href=\"{next}\">{next}</a></body></html>");
            respond_with(
                &mut sock,
                "302 Found",
                &[("Location", &next)],
                "text/html",
                body.as_bytes(),
            );
        }
        "offsite-redirect" => {
            // A page whose links and form lead to another origin, and redirects there from
            // every other path.
            let other = format!("http://127.0.0.1:{}", conn.peer);
            let target = request_target(&buf[..n]);
            if target == "/" {
                let body = format!(
                    "<html><body><a href=\"/go\">go</a> <a href=\"/next?u=1\">next</a> \
                     <a href=\"{other}/direct\">direct</a> <iframe src=\"{other}/frame\"></iframe> \
                     <form method=\"post\" action=\"{other}/login\"><input name=\"user\"></form>\
                     </body></html>"
                );
                respond(&mut sock, "200 OK", "text/html", &body);
            } else {
                let next = format!("{other}/landing{target}");
                let body = format!("<html><body><a href=\"{next}\">{next}</a></body></html>");
                respond_with(
                    &mut sock,
                    "302 Found",
                    &[("Location", &next)],
                    "text/html",
                    body.as_bytes(),
                );
            }
        }
        "sink" => {
            // The other origin: never to be contacted.
            let _ = sock.shutdown(std::net::Shutdown::Both);
        }
        "gzip-bomb" => {
            // Hundreds of MB once inflated, and a session cookie that inflates to many MB.
            let (bomb, cookie) = bombs();
            respond_with(
                &mut sock,
                "200 OK",
                &[
                    ("Content-Encoding", "gzip"),
                    ("Set-Cookie", &format!("session={cookie}; HttpOnly; Path=/")),
                ],
                "text/html",
                bomb,
            );
        }
        "tls-stall" => {
            // The ClientHello was read above; no ServerHello ever comes. Held open until
            // the client gives up.
            let _ = sock.set_read_timeout(Some(Duration::from_millis(100)));
            let mut rest = [0u8; 1024];
            while alive() {
                match sock.read(&mut rest) {
                    Ok(0) => break,
                    Err(e)
                        if !matches!(
                            e.kind(),
                            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                        ) =>
                    {
                        break;
                    }
                    _ => {}
                }
            }
        }
        "close-later" => {
            // Read, then closed without a byte of response.
            let _ = sock.shutdown(std::net::Shutdown::Both);
        }
        "cookie-flood" => {
            // Every response sets 30 new cookies of 3 KB and 3 of 10 KB; the largest request
            // head that comes back shows what the client kept.
            let mut head = buf[..n].to_vec();
            let mut more = vec![0u8; 65536];
            while alive() && head.len() < 16 << 20 && !head.windows(4).any(|w| w == b"\r\n\r\n") {
                match sock.read(&mut more) {
                    Ok(0) | Err(_) => break,
                    Ok(m) => head.extend_from_slice(&more[..m]),
                }
            }
            LARGEST_REQUEST.fetch_max(head.len(), Ordering::Relaxed);
            let mut headers = Vec::new();
            for i in 0..33 {
                let len = if i < 30 { 3000 } else { 10_000 };
                headers.push(format!("c{}x{i}={}; Path=/", conn.nth, "c".repeat(len)));
            }
            let headers: Vec<(&str, &str)> =
                headers.iter().map(|h| ("Set-Cookie", h.as_str())).collect();
            let body = "<html><body><a href=\"/a\">a</a> <a href=\"/b\">b</a> <a href=\"/c\">c</a></body></html>";
            respond_with(&mut sock, "200 OK", &headers, "text/html", body.as_bytes());
        }
        "many-links" => {
            // 10,000 distinct same-origin links on every page, under the page's own path.
            let target = request_target(&buf[..n]);
            let path = target
                .split('?')
                .next()
                .unwrap_or("/")
                .trim_end_matches('/');
            let mut body = String::with_capacity(400_000);
            body.push_str("<html><body>");
            for i in 0..10_000 {
                let _ = writeln!(body, "<a href=\"{path}/p{i}\">{i}</a>");
            }
            body.push_str("</body></html>");
            respond(&mut sock, "200 OK", "text/html", &body);
        }
        _ => {}
    }
}

/// The largest request head (bytes) the `cookie-flood` server got.
static LARGEST_REQUEST: AtomicUsize = AtomicUsize::new(0);

/// The request target (`/path?query`) of a raw request.
fn request_target(head: &[u8]) -> String {
    String::from_utf8_lossy(head)
        .split(' ')
        .nth(1)
        .unwrap_or("/")
        .to_string()
}

/// How large the gzip bomb is once inflated, in MiB.
const BOMB_MIB: usize = 512;

/// The gzip bomb (`BOMB_MIB` MiB of zeros, gzipped: about 500 KiB) and a Flask-shaped
/// session cookie whose zlib payload inflates to 16 MiB; made once per test process.
fn bombs() -> (&'static [u8], &'static str) {
    static BOMBS: OnceLock<(Vec<u8>, String)> = OnceLock::new();
    let (body, cookie) = BOMBS.get_or_init(|| {
        let zeros = vec![0u8; 1 << 20];
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        for _ in 0..BOMB_MIB {
            gz.write_all(&zeros).unwrap();
        }
        let body = gz.finish().unwrap();
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(b"{\"a\": \"").unwrap();
        let digits = vec![b'0'; 1 << 20];
        for _ in 0..16 {
            z.write_all(&digits).unwrap();
        }
        z.write_all(b"\"}").unwrap();
        let payload = base64url(&z.finish().unwrap());
        // `.payload.timestamp.signature`, the signature 20 bytes.
        let cookie = format!(".{payload}.ZmFrZQ.{}", base64url(&[7u8; 20]));
        (body, cookie)
    });
    (body, cookie)
}

/// Base64 with the URL-safe alphabet and no padding (as itsdangerous writes it).
fn base64url(data: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(data.len() * 4 / 3 + 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// The budget of every hostile run.
const BUDGET: usize = 40;
/// A hostile run ends within its `--max-time` plus this (process start, report, a loaded
/// machine running other tests).
const SLACK: Duration = Duration::from_secs(4);
/// The probe's peak resident set size stays under this, whatever the server sends.
const MAX_RSS_KIB: u64 = 150 * 1024;

/// How a probe run's peak RSS is measured: GNU time, or Python's `os.wait4` where GNU time
/// is missing. With neither the hostile tests fail.
#[derive(Clone, Copy)]
enum Meter {
    GnuTime,
    Python,
}

fn meter() -> Meter {
    static METER: OnceLock<Meter> = OnceLock::new();
    *METER.get_or_init(|| {
        let works = |cmd: &str, args: &[&str]| {
            Command::new(cmd)
                .args(args)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        };
        if works("/usr/bin/time", &["-v", "-o", "/dev/null", "true"]) {
            Meter::GnuTime
        } else if works("python3", &["-c", "import os; os.wait4"]) {
            Meter::Python
        } else {
            panic!(
                "cannot measure the probe's peak memory: neither GNU time (/usr/bin/time -v, \
                 Debian package `time`) nor python3 is installed"
            );
        }
    })
}

/// Runs a program, waits for it with wait4 and writes its peak RSS (KiB) to a file.
const WAIT4: &str = "import os, sys\n\
pid = os.fork()\n\
if pid == 0:\n    os.execv(sys.argv[2], sys.argv[2:])\n\
_, status, usage = os.wait4(pid, 0)\n\
open(sys.argv[1], 'w').write('Maximum resident set size (kbytes): %d\\n' % usage.ru_maxrss)\n\
sys.exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status))\n";

/// A probe run against a hostile server: its output, wall time and peak memory.
struct Run {
    kind: String,
    out: Output,
    took: Duration,
    max_time: Duration,
    /// Peak resident set size of the probe process, in KiB.
    peak_kib: u64,
}

impl Run {
    fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.out.stderr).into_owned()
    }

    /// The JSON report, when the probe ran.
    fn report(&self) -> Value {
        serde_json::from_slice(&self.out.stdout).unwrap_or_else(|e| {
            panic!(
                "{}: not a JSON report ({e}), exit {:?}: {}",
                self.kind,
                self.out.status.code(),
                self.stderr()
            )
        })
    }

    /// The messages of the report's `errors`.
    fn errors(&self) -> Vec<String> {
        self.report()["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["message"].as_str().unwrap().to_string())
            .collect()
    }

    /// The one `cut:` line of the report that names `what`; fails when there is none, or
    /// more than one.
    fn cut(&self, what: &str) -> String {
        let errors = self.errors();
        let lines: Vec<&String> = errors
            .iter()
            .filter(|m| m.starts_with("cut: ") && m.contains(what))
            .collect();
        assert_eq!(
            lines.len(),
            1,
            "{}: want one `cut:` line naming {what:?}; errors: {errors:#?}",
            self.kind
        );
        lines[0].clone()
    }
}

/// Runs `flaskguard probe URL --active` within the hostile tests' bounds (`--timeout 1`,
/// `--budget 40`), measuring its peak memory.
fn hostile_probe(kind: &str, url: &str, max_time: u64, max_body: usize, extra: &[&str]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let rss_file = dir.path().join("rss");
    let bin = env!("CARGO_BIN_EXE_flaskguard");
    let mut cmd = match meter() {
        Meter::GnuTime => {
            let mut c = Command::new("/usr/bin/time");
            c.arg("-v").arg("-o").arg(&rss_file).arg(bin);
            c
        }
        Meter::Python => {
            let mut c = Command::new("python3");
            c.args(["-c", WAIT4]).arg(&rss_file).arg(bin);
            c
        }
    };
    let (max_time_s, max_body_s, budget_s) = (
        max_time.to_string(),
        max_body.to_string(),
        BUDGET.to_string(),
    );
    cmd.args(["probe", url, "--active", "--timeout", "1", "--max-time"])
        .args([
            &max_time_s,
            "--budget",
            &budget_s,
            "--max-body",
            &max_body_s,
        ])
        .arg("--no-progress")
        .args(extra)
        .env("NO_COLOR", "1");
    if !extra.contains(&"--output-format") {
        cmd.args(["--output-format", "json"]);
    }
    let started = Instant::now();
    let out = cmd.output().expect("run flaskguard probe");
    let took = started.elapsed();
    let measured = std::fs::read_to_string(&rss_file).unwrap_or_default();
    let peak_kib = measured
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
        })
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("{kind}: no peak RSS measured: {measured:?}"));
    // Shown with `--nocapture`: the figures behind the bounds.
    #[allow(clippy::print_stderr)]
    {
        eprintln!(
            "hostile {kind}: {:.1} s, peak RSS {} KiB, exit {:?}",
            took.as_secs_f64(),
            peak_kib,
            out.status.code()
        );
    }
    Run {
        kind: kind.to_string(),
        out,
        took,
        max_time: Duration::from_secs(max_time),
        peak_kib,
    }
}

/// The bounds every hostile run keeps: no panic, within `--max-time`, at most `--budget`
/// connections and requests, bounded memory, and either a report or one clean line.
/// Returns whether a report came (exit 0 or 1).
fn assert_bounds(run: &Run, server: &Hostile) -> bool {
    let kind = &run.kind;
    let err = run.stderr();
    assert!(!err.contains("panicked"), "{kind}: {err}");
    assert!(
        run.took < run.max_time + SLACK,
        "{kind}: the probe ran {:?} with --max-time {:?}",
        run.took,
        run.max_time
    );
    assert!(server.hits() >= 1, "{kind}: the server was not hit");
    assert!(
        server.hits() <= BUDGET,
        "{kind}: {} connections for a budget of {BUDGET}",
        server.hits()
    );
    assert!(
        run.peak_kib < MAX_RSS_KIB,
        "{kind}: peak RSS {} KiB (bound {MAX_RSS_KIB} KiB)",
        run.peak_kib
    );
    match run.out.status.code() {
        // Nothing usable came back: one clean line.
        Some(2) => {
            assert_eq!(err.trim().lines().count(), 1, "{kind}: {err}");
            assert!(err.contains("cannot reach"), "{kind}: {err}");
            false
        }
        // The probe ran (bounded reads): a report.
        Some(0 | 1) => {
            #[allow(clippy::print_stderr)]
            for line in run.errors() {
                eprintln!("  {kind}: {line}");
            }
            let requests = run.report()["stats"]["requests"].as_u64().unwrap();
            assert!(
                (1..=BUDGET as u64).contains(&requests),
                "{kind}: {requests} requests"
            );
            true
        }
        other => panic!("{kind}: exit status {other:?}: {err}"),
    }
}

#[test]
fn hostile_servers_meet_bounds_and_clean_errors() {
    for kind in [
        "reset",
        "slow-drip",
        "endless-body",
        "huge-headers",
        "redirect-loop",
    ] {
        let server = Hostile::start(kind);
        let run = hostile_probe(kind, &server.url(), 6, 65536, &[]);
        let reported = assert_bounds(&run, &server);
        match kind {
            // Every request gets the first 64 KiB of an endless body: cut, and said so once.
            "endless-body" => {
                assert!(reported, "{kind}: {}", run.stderr());
                run.cut("--max-body");
            }
            // The first request times out: nothing to probe.
            "slow-drip" | "reset" => assert!(!reported, "{kind}"),
            _ => {}
        }
    }
}

#[test]
fn hostile_redirect_cycle_across_paths() {
    // `/` → `/a?q=x` → `/b?q=xx` → `/c?q=xxx` → `/a?q=xxxx` …: never the same URL twice.
    let server = Hostile::start("redirect-cycle");
    let run = hostile_probe("redirect-cycle", &server.url(), 6, 65536, &[]);
    assert!(assert_bounds(&run, &server), "{}", run.stderr());
}

#[test]
fn hostile_redirect_to_another_origin_is_never_followed() {
    let other = Hostile::start("sink");
    let server = Hostile::start_with("offsite-redirect", other.port);
    let run = hostile_probe("offsite-redirect", &server.url(), 6, 65536, &[]);
    assert!(assert_bounds(&run, &server), "{}", run.stderr());
    // Connections would have been counted before the run ended.
    assert_eq!(
        other.hits(),
        0,
        "the probe contacted the other origin 127.0.0.1:{}",
        other.port
    );
    let cut = run.cut("another origin");
    assert!(
        cut.contains(&format!("127.0.0.1:{}", other.port)),
        "the cut names the other origin: {cut}"
    );
}

#[test]
fn hostile_gzip_bomb_is_never_inflated() {
    // Made before the server starts, so that its first answer is not late.
    let (bomb, _) = bombs();
    assert!(bomb.len() < BOMB_MIB * 2048, "{} bytes", bomb.len());
    let server = Hostile::start("gzip-bomb");
    let run = hostile_probe("gzip-bomb", &server.url(), 6, 65536, &[]);
    assert!(assert_bounds(&run, &server), "{}", run.stderr());
    let cut = run.cut("--max-body");
    assert!(cut.contains("65536"), "{cut}");
}

#[test]
fn hostile_tls_handshake_that_stalls() {
    // A ClientHello that is never answered: the per-request timeout ends it.
    let server = Hostile::start("tls-stall");
    let url = format!("https://127.0.0.1:{}/", server.port);
    let run = hostile_probe("tls-stall", &url, 6, 65536, &["--insecure"]);
    assert!(!assert_bounds(&run, &server), "{}", run.stderr());
    assert!(run.took < Duration::from_secs(4), "{:?}", run.took);
}

#[test]
fn hostile_server_that_fails_after_the_first_page() {
    // Every connection after the first is closed unanswered: failures mid-run, recorded
    // in the report, which still comes.
    let server = Hostile::start("close-later");
    let run = hostile_probe("close-later", &server.url(), 6, 65536, &[]);
    assert!(assert_bounds(&run, &server), "{}", run.stderr());
    assert!(server.hits() > 1, "the run went past the first page");
    let errors = run.errors();
    assert!(
        errors.iter().any(|m| !m.starts_with("cut: ")),
        "the failed requests are reported: {errors:#?}"
    );
    // Every response after the first drips: the time limit ends the run, and says so.
    let server = Hostile::start("drip-later");
    let run = hostile_probe("drip-later", &server.url(), 4, 65536, &[]);
    assert!(assert_bounds(&run, &server), "{}", run.stderr());
    run.cut("--max-time");
}

#[test]
fn hostile_cookie_flood_keeps_the_jar_small() {
    let server = Hostile::start("cookie-flood");
    let run = hostile_probe("cookie-flood", &server.url(), 6, 65536, &[]);
    assert!(assert_bounds(&run, &server), "{}", run.stderr());
    run.cut("cookies");
    // 50 cookies of 3 KB at most in every `Cookie` header, never the 1,200 set.
    let largest = LARGEST_REQUEST.load(Ordering::Relaxed);
    assert!(largest < 200_000, "a request head of {largest} bytes");
    // A cookie-flag finding for each of the 1,300 cookie names: 500 kept, the rest counted.
    let flags = run.report()["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "FG609")
        .count();
    assert_eq!(flags, 500);
    run.cut("more FG609 findings");
}

#[test]
fn hostile_ten_thousand_links_on_every_page() {
    let server = Hostile::start("many-links");
    // Large enough a body for all 10,000 links; time enough that the request budget, not
    // the clock, ends the run however loaded the machine is (it takes a few seconds).
    let run = hostile_probe("many-links", &server.url(), 60, 1 << 20, &[]);
    assert!(assert_bounds(&run, &server), "{}", run.stderr());
    run.cut("--budget");
    run.cut("links");
}

#[test]
fn hostile_cuts_in_the_text_report() {
    let server = Hostile::start("endless-body");
    let run = hostile_probe(
        "endless-body",
        &server.url(),
        6,
        65536,
        &["--output-format", "text"],
    );
    let text = String::from_utf8_lossy(&run.out.stdout);
    let cuts: Vec<&str> = text.lines().filter(|l| l.contains("cut: ")).collect();
    assert!(
        cuts.iter().any(|l| l.contains("--max-body")),
        "{text}\n{}",
        run.stderr()
    );
}

#[test]
fn header_injection_on_a_stack_that_copies_raw_bytes() {
    // Werkzeug refuses CR/LF in headers; this raw server (an old stack) does not.
    assert_raw_server_findings("crlf-echo", &[("FG627", "/go"), ("FG624", "/go")]);
}

/// Probes a raw server of `kind` with `--active` and asserts each `(code, path)` is found.
fn assert_raw_server_findings(kind: &'static str, want: &[(&str, &str)]) {
    let server = Hostile::start(kind);
    let o = probe(&[&server.url(), "--active", "--output-format", "json"]);
    // Findings: exit status 1.
    assert_eq!(o.status.code(), Some(1), "{kind}: {}", text(&o));
    let origin = server.url().trim_end_matches('/').to_string();
    let found = probe_findings(&report(&o), &origin);
    for (code, path) in want {
        assert!(
            found.contains(&((*code).to_string(), (*path).to_string())),
            "{kind}: {code} {path} not in {found:?}\n{}",
            text(&o)
        );
    }
}

/// A CA and a server certificate for 127.0.0.1, made with the openssl CLI.
fn make_certs(dir: &Path) {
    let run = |args: &[&str]| {
        let o = Command::new("openssl")
            .current_dir(dir)
            .args(args)
            .output()
            .expect("run openssl (.ci/run installs it)");
        assert!(
            o.status.success(),
            "openssl {args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    };
    run(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=flaskguard test CA",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
    ]);
    run(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
        "-subj",
        "/CN=127.0.0.1",
    ]);
    std::fs::write(
        dir.join("ext.cnf"),
        "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n",
    )
    .unwrap();
    run(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "server.pem",
        "-days",
        "2",
        "-extfile",
        "ext.cnf",
    ]);
}

#[test]
fn https_targets_need_trust_or_insecure() {
    let py = python();
    let dir = tempfile::tempdir().unwrap();
    make_certs(dir.path());
    // A TLS server on 127.0.0.1 (Python's http.server behind ssl), printing its port.
    let script = format!(
        "import http.server, ssl, sys\n\
         srv = http.server.HTTPServer(('127.0.0.1', 0), http.server.SimpleHTTPRequestHandler)\n\
         ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)\n\
         ctx.load_cert_chain({:?}, {:?})\n\
         srv.socket = ctx.wrap_socket(srv.socket, server_side=True)\n\
         print('LISTENING https://127.0.0.1:%d' % srv.server_address[1], flush=True)\n\
         srv.serve_forever()\n",
        dir.path().join("server.pem"),
        dir.path().join("server.key"),
    );
    let www = tempfile::tempdir().unwrap();
    std::fs::write(
        www.path().join("index.html"),
        "<html><body>tls</body></html>",
    )
    .unwrap();
    let mut child = Command::new(&py)
        .current_dir(www.path())
        .args(["-c", &script])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the TLS server");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .trim()
        .strip_prefix("LISTENING ")
        .expect("LISTENING line")
        .to_string();
    let app = App { child, url };

    let o = probe(&[app.url.as_str()]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.to_ascii_lowercase().contains("certificate"), "{err}");

    for extra in [
        vec!["--insecure"],
        vec!["--ca-cert", dir.path().join("ca.pem").to_str().unwrap()],
    ] {
        let mut args = vec![app.url.as_str(), "--output-format", "json"];
        args.extend(extra.iter().copied());
        let o = probe(&args);
        assert!(
            matches!(o.status.code(), Some(0 | 1)),
            "{extra:?}: {}",
            text(&o)
        );
        let r = report(&o);
        assert!(r["stats"]["requests"].as_u64().unwrap() >= 1, "{extra:?}");
        // Plain http-only checks do not apply; HSTS is judged on https.
        let codes: Vec<&str> = r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap())
            .collect();
        assert!(codes.contains(&"FG614"), "{extra:?}: {codes:?}");
    }
}

#[test]
fn trace_that_echoes_is_reported() {
    assert_raw_server_findings("trace-echo", &[("FG639", "/")]);
}

#[test]
fn debug_toolbar_and_graphql_introspection() {
    assert_raw_server_findings("extras", &[("FG602", "/"), ("FG641", "/graphql")]);
}

#[test]
fn a_published_openapi_document_is_found_and_used() {
    // No links, no source: the API's own /openapi.json says where to look.
    assert_raw_server_findings("openapi-xss", &[("FG618", "/api/echo")]);
}
