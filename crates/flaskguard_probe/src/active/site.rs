//! Site-wide checks: what the server answers whatever the route — TRACE, the Host header,
//! files left in the web root, GraphQL introspection, the size of a body it accepts.

use flaskguard_report::Severity;

use super::login::password_param;
use super::{Step, marker, probe_endpoint, report, send};
use crate::client::{Request, Response};
use crate::context::Ctx;
use crate::inventory::{Endpoint, Loc};

/// TRACE echoes the request back, cookies and authorization included (cross-site
/// tracing): a development or misconfigured server. One request.
pub(super) async fn trace_method(ctx: &Ctx<'_>) -> Step<()> {
    let m = marker();
    let req = Request::new("TRACE", ctx.client.base().clone()).header("X-Fg-Trace", &m);
    let Some(resp) = send(ctx, req).await? else {
        return Ok(());
    };
    if resp.is_success() && resp.text().contains(&m) {
        let e = probe_endpoint("TRACE", "/", false);
        report(
            ctx,
            "FG639",
            Severity::Low,
            &e,
            None,
            "TRACE is enabled: the server echoes requests back, credentials included".to_string(),
            &resp,
            "TRACE / echoed the probe's `X-Fg-Trace` header",
            Some(&m),
        );
    }
    Ok(())
}

/// Host header injection: does the app build absolute URLs (links, redirects, reset
/// mails) from the `Host` or `X-Forwarded-Host` the client sends? The connection still
/// goes to the origin under test; only the header names another host.
/// A page that likely mails a link (password reset, confirmation, invitation).
fn mails_links(e: &Endpoint) -> bool {
    let t = e.template.to_ascii_lowercase();
    e.method == "GET"
        && ["reset", "forgot", "password", "confirm", "verify", "invite"]
            .iter()
            .any(|w| t.contains(w))
}

pub(super) async fn host_header(ctx: &Ctx<'_>, endpoints: &[Endpoint]) -> Step<()> {
    let mut targets: Vec<Endpoint> = vec![probe_endpoint("GET", "/", false)];
    targets.extend(endpoints.iter().filter(|e| mails_links(e)).take(4).cloned());
    for e in &targets {
        for header in ["Host", "X-Forwarded-Host"] {
            let evil = format!("{}.example", marker());
            let req = e.request(ctx.client.base(), None).header(header, &evil);
            let Some(resp) = send(ctx, req).await? else {
                continue;
            };
            let in_location = resp.header("location").is_some_and(|l| l.contains(&evil));
            if in_location || resp.text().contains(&evil) {
                report(
                    ctx,
                    "FG636",
                    Severity::Medium,
                    e,
                    None,
                    format!(
                        "The app builds absolute URLs from the client's `{header}` header: links and password-reset mails can point to another site"
                    ),
                    &resp,
                    &format!(
                        "`{header}: {evil}` came back in the {}",
                        if in_location {
                            "Location header"
                        } else {
                            "page"
                        }
                    ),
                    Some(&evil),
                );
                break;
            }
        }
    }
    Ok(())
}

/// Does the app answer 200 for paths that do not exist? Returns that page's body.
pub(super) async fn soft404(ctx: &Ctx<'_>) -> Step<Option<String>> {
    let m = marker();
    let Some(resp) = send(ctx, Request::get(ctx.client.url(&format!("/{m}-missing")))).await?
    else {
        return Ok(None);
    };
    Ok(resp.is_success().then(|| resp.text().replace(&m, "")))
}

fn like_soft404(soft: Option<&str>, body: &str, marker: &str) -> bool {
    soft.is_some_and(|s| {
        let b = body.replace(marker, "");
        b == s || (b.len().abs_diff(s.len()) * 20 <= s.len().max(1) && !s.is_empty())
    })
}

/// What a file left in the web root is, by its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Exposed {
    Env,
    GitConfig,
    GitHead,
    Python,
    Zip,
    DsStore,
}

const EXPOSED: &[(&str, Exposed)] = &[
    ("/.env", Exposed::Env),
    ("/.flaskenv", Exposed::Env),
    ("/.env.bak", Exposed::Env),
    ("/.git/config", Exposed::GitConfig),
    ("/.git/HEAD", Exposed::GitHead),
    ("/config.py", Exposed::Python),
    ("/instance/config.py", Exposed::Python),
    ("/settings.py", Exposed::Python),
    ("/app.py", Exposed::Python),
    ("/app.py.bak", Exposed::Python),
    ("/config.py.bak", Exposed::Python),
    ("/backup.zip", Exposed::Zip),
    ("/.DS_Store", Exposed::DsStore),
];

impl Exposed {
    /// Whether a response serves such a file (not an HTML page that merely answers).
    fn served_by(self, resp: &Response) -> bool {
        let body = resp.text();
        match self {
            Exposed::Env => {
                body.lines().any(|l| {
                    let l = l.trim().trim_start_matches("export ");
                    l.split_once('=').is_some_and(|(k, _)| {
                        !k.is_empty()
                            && k.chars()
                                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
                    })
                }) && !resp.is_html()
            }
            Exposed::GitConfig => body.contains("[core]"),
            Exposed::GitHead => body.starts_with("ref: refs/"),
            Exposed::Python => {
                !resp.is_html()
                    && (body.contains("import ")
                        || body.contains("SECRET_KEY")
                        || body.contains("def "))
            }
            Exposed::Zip => resp.body.starts_with(b"PK\x03\x04"),
            Exposed::DsStore => resp.body.get(4..8) == Some(b"Bud1"),
        }
    }
}

/// Whether an exposed file's text holds secrets: a secret, a password, credentials in a URL.
fn holds_secrets(body: &str) -> bool {
    let lower = body.to_ascii_lowercase();
    lower.contains("secret")
        || lower.contains("password")
        || body.contains("://") && body.contains('@')
}

pub(super) async fn exposed_files(ctx: &Ctx<'_>, soft: Option<&str>) -> Step<()> {
    for &(path, kind) in EXPOSED {
        let Some(resp) = send(ctx, Request::get(ctx.client.url(path))).await? else {
            continue;
        };
        if !resp.is_success() || like_soft404(soft, &resp.text(), "") {
            continue;
        }
        if kind.served_by(&resp) {
            let secrets = holds_secrets(&resp.text());
            let e = probe_endpoint("GET", path, false);
            report(
                ctx,
                "FG638",
                if secrets {
                    Severity::Critical
                } else {
                    Severity::High
                },
                &e,
                None,
                format!(
                    "`{path}` is served{}",
                    if secrets {
                        " and contains secrets (shown redacted)"
                    } else {
                        ""
                    }
                ),
                &resp,
                &format!("GET {path} → {} with the file's content", resp.status),
                None,
            );
        }
    }
    Ok(())
}

/// GraphQL introspection: one query for the schema's root type.
pub(super) async fn graphql(ctx: &Ctx<'_>, endpoints: &[Endpoint]) -> Step<()> {
    let mut paths: Vec<String> = endpoints
        .iter()
        .filter(|e| e.template.to_ascii_lowercase().contains("graphql"))
        .map(|e| e.path_with(None))
        .collect();
    for guess in ["/graphql", "/api/graphql"] {
        if !paths.iter().any(|p| p == guess) {
            paths.push(guess.to_string());
        }
    }
    paths.truncate(4);
    for path in paths {
        let req = Request::new("POST", ctx.client.url(&path))
            .json(&serde_json::json!({"query": "{ __schema { queryType { name } } }"}));
        let Some(resp) = send(ctx, req).await? else {
            continue;
        };
        if resp.is_success()
            && resp.text().contains("\"__schema\"")
            && resp.text().contains("queryType")
        {
            let e = probe_endpoint("POST", &path, true);
            report(
                ctx,
                "FG641",
                Severity::Low,
                &e,
                None,
                "GraphQL introspection is enabled: the whole schema is public".to_string(),
                &resp,
                "an introspection query for `__schema` was answered",
                Some("__schema"),
            );
            return Ok(());
        }
    }
    Ok(())
}

/// The endpoint that gets an oversized form body: one that reads its body whole (not as
/// JSON), else a form that is not a login.
fn form_body_target(endpoints: &[Endpoint]) -> Option<&Endpoint> {
    endpoints
        .iter()
        .filter(|e| e.method == "POST" && !crate::crawl::looks_destructive(&e.template))
        // JSON APIs get their own test.
        .find(|e| e.reads_body && !e.json_body && !e.params.iter().any(|p| p.loc == Loc::Json))
        .or_else(|| {
            endpoints.iter().find(|e| {
                e.method == "POST"
                    && e.params.iter().any(|p| p.loc == Loc::Form)
                    && password_param(e).is_none()
                    && !crate::crawl::looks_destructive(&e.template)
            })
        })
}

/// The endpoint that gets an oversized JSON body: a JSON API that is not a login.
fn json_body_target(endpoints: &[Endpoint]) -> Option<&Endpoint> {
    endpoints.iter().find(|e| {
        e.method != "GET"
            && (e.json_body || e.params.iter().any(|p| p.loc == Loc::Json))
            && password_param(e).is_none()
            && !crate::crawl::looks_destructive(&e.template)
    })
}

/// One oversized body to one endpoint that reads it: refused (413) or accepted.
pub(super) async fn body_size(ctx: &Ctx<'_>, endpoints: &[Endpoint]) -> Step<()> {
    const SIZE: usize = 12 * 1024 * 1024;
    let Some(e) = form_body_target(endpoints) else {
        return Ok(());
    };
    let mut body = Vec::with_capacity(SIZE + 8);
    body.extend_from_slice(b"fgpad=");
    body.resize(SIZE + 6, b'A');
    let req = Request::new("POST", ctx.client.url(&e.path_with(None)))
        .raw("application/x-www-form-urlencoded", body);
    let Some(resp) = send(ctx, req).await? else {
        return Ok(());
    };
    if resp.status < 400 {
        let mut shown = resp.clone();
        shown.request_body = Some(b"fgpad=AAAA... (12 MiB)".to_vec());
        report(
            ctx,
            "FG630",
            Severity::Medium,
            e,
            None,
            "A 12 MiB request body is accepted: no MAX_CONTENT_LENGTH".to_string(),
            &shown,
            &format!("12 MiB body → {}", resp.status),
            None,
        );
    }
    // A JSON API: one field holding a 6-million-element array.
    if let Some(e) = json_body_target(endpoints) {
        let field = e
            .params
            .iter()
            .find(|p| p.loc == Loc::Json)
            .map_or("items", |p| p.name.as_str());
        let mut body = Vec::with_capacity(SIZE + 64);
        body.extend_from_slice(format!("{{\"{}\": [", field.replace('"', "")).as_bytes());
        for i in 0..SIZE / 2 {
            body.extend_from_slice(if i == 0 { b"0" } else { b",0" });
        }
        body.extend_from_slice(b"]}");
        let req = Request::new(&e.method, ctx.client.url(&e.path_with(None)))
            .raw("application/json", body);
        if let Some(resp) = send(ctx, req).await?
            && resp.status < 400
        {
            let mut shown = resp.clone();
            shown.request_body = Some(
                format!("{{\"{field}\": [0,0,0,... (6,291,456 elements, 12 MiB)]}}").into_bytes(),
            );
            report(
                ctx,
                "FG630",
                Severity::Medium,
                e,
                None,
                "A 12 MiB JSON body with a 6-million-element array is accepted: no MAX_CONTENT_LENGTH".to_string(),
                &shown,
                &format!("a 6,291,456-element JSON array → {}", resp.status),
                None,
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::tests::{endpoint, param, response};
    use super::{
        Exposed, form_body_target, holds_secrets, json_body_target, like_soft404, mails_links,
    };
    use crate::inventory::Loc;

    #[test]
    fn exposed_files_are_told_by_their_content() {
        let env = response(
            200,
            "text/plain",
            "# settings\nexport SECRET_KEY=abc\nDEBUG=1\n",
        );
        assert!(Exposed::Env.served_by(&env));
        // An HTML page that answers every path is not a `.env`.
        let page = response(200, "text/html", "<p>A=1</p>");
        assert!(!Exposed::Env.served_by(&page));
        assert!(!Exposed::Env.served_by(&response(200, "text/plain", "lower=case\n")));
        assert!(Exposed::GitHead.served_by(&response(200, "text/plain", "ref: refs/heads/main\n")));
        assert!(!Exposed::GitHead.served_by(&response(200, "text/plain", "see ref: refs/x")));
        assert!(Exposed::GitConfig.served_by(&response(
            200,
            "text/plain",
            "[core]\n\tbare = false"
        )));
        assert!(Exposed::Python.served_by(&response(200, "text/x-python", "import os\n")));
        assert!(!Exposed::Python.served_by(&response(200, "text/html", "import os")));
        assert!(Exposed::Zip.served_by(&response(200, "application/zip", "PK\u{3}\u{4}rest")));
        assert!(!Exposed::Zip.served_by(&response(200, "application/zip", "PK")));
        assert!(Exposed::DsStore.served_by(&response(
            200,
            "application/octet-stream",
            "\0\0\0\u{1}Bud1"
        )));
    }

    #[test]
    fn secrets_in_exposed_files() {
        assert!(holds_secrets("SECRET_KEY=x"));
        assert!(holds_secrets("db_Password: hunter2"));
        assert!(holds_secrets("DATABASE_URL=postgres://u:p@db/x"));
        assert!(!holds_secrets("DEBUG=1\nURL=https://example.com/"));
    }

    #[test]
    fn soft_404_pages_look_alike() {
        let soft = "<h1>Not here</h1>".repeat(10);
        assert!(like_soft404(Some(&soft), &soft, ""));
        // The path echoed back (the marker) is ignored; a few bytes more or less too.
        assert!(like_soft404(
            Some(&soft),
            &format!("{soft}fg12345678"),
            "fg12345678"
        ));
        assert!(like_soft404(Some(&soft), &format!("{soft}!"), ""));
        assert!(!like_soft404(
            Some(&soft),
            "a different, much shorter page",
            ""
        ));
        assert!(!like_soft404(None, &soft, ""));
    }

    #[test]
    fn host_header_targets_pages_that_mail_links() {
        assert!(mails_links(&endpoint("GET", "/password/reset", vec![])));
        assert!(mails_links(&endpoint("GET", "/Invite/<token>", vec![])));
        assert!(!mails_links(&endpoint("POST", "/forgot", vec![])));
        assert!(!mails_links(&endpoint("GET", "/search", vec![])));
    }

    #[test]
    fn oversized_bodies_go_to_endpoints_that_read_them() {
        let mut raw = endpoint("POST", "/upload-raw", vec![]);
        raw.reads_body = true;
        let login = endpoint("POST", "/login", vec![param(Loc::Form, "password")]);
        let comment = endpoint("POST", "/comment", vec![param(Loc::Form, "text")]);
        let delete = endpoint("POST", "/delete", vec![param(Loc::Form, "id")]);
        let api = endpoint("PUT", "/api/items", vec![param(Loc::Json, "name")]);
        let all = [
            login.clone(),
            delete.clone(),
            comment.clone(),
            raw.clone(),
            api.clone(),
        ];
        assert_eq!(
            form_body_target(&all).map(|e| e.template.as_str()),
            Some("/upload-raw")
        );
        let without_raw = [login.clone(), delete, comment, api];
        assert_eq!(
            form_body_target(&without_raw).map(|e| e.template.as_str()),
            Some("/comment")
        );
        assert_eq!(
            json_body_target(&all).map(|e| e.template.as_str()),
            Some("/api/items")
        );
        assert!(form_body_target(std::slice::from_ref(&login)).is_none());
        assert!(json_body_target(&[login]).is_none());
    }
}
