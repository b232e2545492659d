//! The probe's handling of HTTP responses, without a network: a response made of a status,
//! headers and a body goes through the passive checks, and its parts through the parsers
//! a probe run uses on them (Set-Cookie, Flask session cookies with their zlib-compressed
//! payloads, JWTs, HTML links and forms, JSON and OpenAPI documents, redaction, evidence).
#![no_main]

use std::sync::LazyLock;
use std::time::Duration;

use flaskguard_probe::client::Response;
use flaskguard_probe::cookies::{FlaskSession, SetCookie, sensitive_entries};
use flaskguard_probe::fuzzing::{self, Passive};
use flaskguard_probe::inventory::{self, Endpoint};
use flaskguard_probe::jwt::{self, Jwt};
use flaskguard_probe::{Options, redact};
use libfuzzer_sys::fuzz_target;
use url::Url;

/// A raw HTTP/1.1 response: a status line, headers, a blank line, the body. A `:path:`
/// header gives the path of the URL the response answers (the fuzzer's, never sent).
struct Exchange {
    status: u16,
    https: bool,
    path: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Exchange {
    fn parse(data: &[u8]) -> Exchange {
        let (head, body) = match data.windows(4).position(|w| w == b"\r\n\r\n") {
            Some(i) => (&data[..i], &data[i + 4..]),
            None => match data.windows(2).position(|w| w == b"\n\n") {
                Some(i) => (&data[..i], &data[i + 2..]),
                None => (data, &[][..]),
            },
        };
        let head = String::from_utf8_lossy(head);
        let mut lines = head.lines();
        let status_line = lines.next().unwrap_or("");
        let status = status_line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(200);
        let mut x = Exchange {
            status,
            https: status_line.contains("HTTPS"),
            path: "/".to_string(),
            headers: Vec::new(),
            body: body.to_vec(),
        };
        for line in lines {
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            if name.is_empty() {
                if let Some(path) = value.strip_prefix("path:") {
                    x.path = path.trim().to_string();
                }
                continue;
            }
            x.headers
                .push((name.trim().to_string(), value.trim().to_string()));
        }
        x
    }
}

static OPTIONS: LazyLock<Options> =
    LazyLock::new(|| Options::new(Url::parse("http://127.0.0.1:5000/").expect("a valid URL")));
static PASSIVE: LazyLock<Passive<'static>> =
    LazyLock::new(|| Passive::new(&OPTIONS).expect("the probe's HTTP client"));

fuzz_target!(|data: &[u8]| {
    let x = Exchange::parse(data);
    let base = if x.https {
        Url::parse("https://127.0.0.1:5443/").expect("a valid URL")
    } else {
        OPTIONS.target.clone()
    };
    let url = base.join(&x.path).unwrap_or_else(|_| base.clone());
    let resp = Response {
        method: "GET".to_string(),
        url,
        request_headers: vec![("Cookie".to_string(), "session=x".to_string())],
        request_body: None,
        status: x.status,
        headers: x.headers,
        body: x.body,
        truncated: false,
        elapsed: Duration::ZERO,
    };
    for (_, message, evidence) in PASSIVE.check(&resp) {
        assert!(!message.is_empty());
        let _ = evidence;
    }
    let text = resp.text();
    let _ = fuzzing::sensitive_data(&text);
    let _ = fuzzing::plaintext_passwords(&text);
    let _ = fuzzing::traceback_signature(&text);
    let _ = fuzzing::evidence(&resp, "proof", text.get(..8));
    let _ = redact::redact(&text);
    let _ = (resp.is_html(), resp.is_redirect(), resp.content_type());

    // Cookies: the header's, and the first word of the body as a bare value.
    let mut values: Vec<String> = Vec::new();
    for v in resp.headers_named("set-cookie") {
        if let Some(c) = SetCookie::parse(v) {
            let _ = (c.is_deletion(), c.is_sensitive());
            values.push(c.value);
        }
    }
    values.extend(text.split_whitespace().next().map(str::to_string));
    for v in &values {
        session_cookie(v);
    }

    for token in jwt::find_jwts(&text, 5)
        .iter()
        .map(String::as_str)
        .chain(text.split_whitespace().next())
    {
        json_web_token(token);
    }

    let mut endpoints: Vec<Endpoint> = Vec::new();
    let page = inventory::parse_html(&text);
    for link in &page.links {
        if let Ok(mut url) = resp.url.join(link) {
            url.set_fragment(None);
            endpoints.push(inventory::from_link(&url));
        }
    }
    for form in &page.forms {
        let _ = form.has_csrf_token();
        if let Some((_, e)) = inventory::from_form(&resp.url, form) {
            endpoints.push(e);
        }
    }
    if let Ok(doc) = serde_json::from_slice::<serde_json::Value>(&resp.body)
        && let Ok(found) = inventory::from_openapi(&doc)
    {
        endpoints.extend(found);
    }
    for e in inventory::merge(endpoints) {
        let _ = (e.label(), e.path_with(None), e.request(&base, None));
        for p in &e.params {
            let _ = e.request(&base, Some((p, "'\"><fg-probe>{{7*7}}")));
        }
    }
});

fn session_cookie(value: &str) {
    let Some(session) = FlaskSession::decode(value) else {
        return;
    };
    let _ = sensitive_entries(&session.payload);
    let _ = session.signed_with(b"dev");
    let forged = session.forge(&session.payload, b"fuzz-secret");
    let back = FlaskSession::decode(&forged).expect("a forged session cookie does not decode");
    assert!(
        back.signed_with(b"fuzz-secret"),
        "a forged session cookie is not signed with its key"
    );
}

fn json_web_token(token: &str) {
    let Some(t) = Jwt::decode(token) else {
        return;
    };
    let _ = t.crack(["secret", "dev"].into_iter());
    let tampered = t.tampered_payload();
    for forged in [
        t.unsigned(&tampered),
        t.resigned_with_old_signature(&tampered),
    ] {
        let _ = Jwt::decode(&forged);
    }
    let signed = t.sign(&tampered, "fuzz-secret");
    if matches!(t.alg(), "HS256" | "HS384" | "HS512") {
        let back = Jwt::decode(&signed).expect("a signed JWT does not decode");
        assert_eq!(
            back.crack(["fuzz-secret"].into_iter()).as_deref(),
            Some("fuzz-secret"),
            "a JWT signed with a key does not verify with it"
        );
    }
}
