//! End-to-end tests of `flaskguard probe` against real Flask apps (`tests/apps/`) started on
//! 127.0.0.1 by this harness, and against hostile servers written here. Nothing here sends
//! traffic anywhere but 127.0.0.1.
//!
//! The apps need Python with the packages of `tests/apps/requirements.txt`: the harness
//! makes `.ci/.venv` with `scripts/test-apps-venv.sh` on first use (or takes
//! `FLASKGUARD_TEST_PYTHON`); when it cannot, the tests fail.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
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
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        listener.set_nonblocking(true).unwrap();
        let hits = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (h, s) = (Arc::clone(&hits), Arc::clone(&stop));
        std::thread::spawn(move || {
            while !s.load(Ordering::Relaxed) {
                match listener.accept() {
                    Ok((sock, _)) => {
                        h.fetch_add(1, Ordering::Relaxed);
                        let s2 = Arc::clone(&s);
                        std::thread::spawn(move || serve_hostile(kind, sock, &s2));
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
}

impl Drop for Hostile {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Writes a complete `Connection: close` response.
fn respond(sock: &mut TcpStream, status: &str, ctype: &str, body: &str) {
    let _ = sock.write_all(
        format!(
            "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .as_bytes(),
    );
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

fn serve_hostile(kind: &str, mut sock: TcpStream, stop: &AtomicBool) {
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
        "reset" => {
            // Closed without a byte of response.
            let _ = sock.shutdown(std::net::Shutdown::Both);
        }
        "slow-drip" => {
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
        _ => {}
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
        let started = Instant::now();
        let o = Command::new(env!("CARGO_BIN_EXE_flaskguard"))
            .args([
                "probe",
                &server.url(),
                "--active",
                "--timeout",
                "1",
                "--max-time",
                "8",
                "--budget",
                "40",
                "--max-body",
                "65536",
                "--no-progress",
                "--output-format",
                "json",
            ])
            .env("NO_COLOR", "1")
            .output()
            .expect("run flaskguard probe");
        let took = started.elapsed();
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!err.contains("panicked"), "{kind}: {err}");
        assert!(
            took < Duration::from_secs(20),
            "{kind}: the probe ran {took:?}, past its bounds"
        );
        assert!(
            server.hits.load(Ordering::Relaxed) >= 1,
            "{kind}: the server was not hit"
        );
        assert!(
            server.hits.load(Ordering::Relaxed) <= 40,
            "{kind}: {} connections for a budget of 40",
            server.hits.load(Ordering::Relaxed)
        );
        match o.status.code() {
            // Nothing usable came back: one clean line.
            Some(2) => {
                assert_eq!(err.trim().lines().count(), 1, "{kind}: {err}");
                assert!(err.contains("cannot reach"), "{kind}: {err}");
            }
            // The probe ran (bounded reads): a report.
            Some(0 | 1) => {
                let r: Value = serde_json::from_slice(&o.stdout)
                    .unwrap_or_else(|e| panic!("{kind}: not JSON ({e})"));
                assert!(r["stats"]["requests"].as_u64().unwrap() <= 40, "{kind}");
            }
            other => panic!("{kind}: exit status {other:?}: {err}"),
        }
    }
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
