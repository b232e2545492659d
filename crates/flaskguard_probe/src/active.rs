//! Active checks (`--active`): safe payloads only. Detection is by unique markers that
//! only an injection turns into something else (an arithmetic product, an unescaped tag,
//! a request to flaskguard's own canary, a known system file), never by damage.

use std::time::Duration;

use flaskguard_report::Severity;
use futures_util::StreamExt;

use crate::canary::Canary;
use crate::client::{Request, Response};
use crate::cookies::FlaskSession;
use crate::inventory::{Endpoint, Loc, Param};
use crate::{Ctx, Hit, evidence};

/// Stop probing when the budget or the time is spent.
struct Exhausted;

type Step<T> = Result<T, Exhausted>;

async fn send(ctx: &Ctx<'_>, req: Request) -> Step<Option<Response>> {
    match ctx.send(req).await {
        Ok(r) => Ok(Some(r)),
        Err(e) if e.is_exhausted() => Err(Exhausted),
        Err(_) => Ok(None),
    }
}

fn marker() -> String {
    format!("fg{:08x}", rand::random::<u32>())
}

/// Two factors whose product cannot appear by chance.
fn factors() -> (u64, u64) {
    (
        u64::from(rand::random::<u16>() % 9000 + 1000),
        u64::from(rand::random::<u16>() % 9000 + 1000),
    )
}

fn param_label(p: &Param) -> String {
    if p.name == "*" {
        // Any name: the payload is the name itself.
        format!("a {}", p.loc.as_str())
    } else {
        format!("{} {}", p.loc.as_str(), p.name)
    }
}

#[allow(clippy::too_many_arguments)]
fn report(
    ctx: &Ctx<'_>,
    code: &'static str,
    severity: Severity,
    e: &Endpoint,
    p: Option<&Param>,
    message: String,
    resp: &Response,
    proof: &str,
    marker: Option<&str>,
) {
    ctx.report(Hit {
        code,
        severity,
        message,
        route: e.label(),
        path: e.path_with(None),
        param: p.map(param_label),
        evidence: evidence(resp, proof, marker),
    });
}

pub(crate) async fn run(ctx: &Ctx<'_>, endpoints: &[Endpoint]) {
    let canary = match Canary::start().await {
        Ok(c) => Some(c),
        Err(e) => {
            ctx.error(format!("cannot open the SSRF/XXE canary on 127.0.0.1: {e}"));
            None
        }
    };
    if run_steps(ctx, endpoints, canary.as_ref()).await.is_err() {
        ctx.cut_short("the active probes");
    }
}

async fn run_steps(ctx: &Ctx<'_>, endpoints: &[Endpoint], canary: Option<&Canary>) -> Step<()> {
    let soft404 = soft404(ctx).await?;
    trace_method(ctx).await?;
    host_header(ctx, endpoints).await?;
    exposed_files(ctx, soft404.as_deref()).await?;
    secret_key(ctx, endpoints).await?;
    jwt_checks(ctx, endpoints).await?;
    auth_enforced(ctx, endpoints).await?;
    csrf(ctx, endpoints).await?;
    state_changing_gets(ctx, endpoints).await?;
    session_replay(ctx, endpoints).await?;
    user_enumeration(ctx, endpoints).await?;
    default_credentials(ctx, endpoints).await?;
    graphql(ctx, endpoints).await?;
    if let Some(login) = &ctx.opts.login {
        crate::login_step(ctx, login).await;
    }
    let targets: Vec<&Endpoint> = endpoints
        .iter()
        .filter(|e| !crate::looks_destructive(&e.template))
        .collect();
    let oob = canary.map(|canary| Oob {
        canary,
        pending: std::sync::Mutex::new(Vec::new()),
    });
    let results: Vec<Step<()>> = futures_util::stream::iter(targets)
        .map(|e| inject(ctx, e, endpoints, oob.as_ref()))
        .buffer_unordered(ctx.client.limits().concurrency.max(1))
        .collect()
        .await;
    if let Some(o) = &oob {
        o.sweep(ctx).await;
    }
    results.into_iter().collect::<Step<Vec<()>>>()?;
    // Last of the login's users: a working limit locks the probe out for a while.
    login_rate_limit(ctx, endpoints).await?;
    body_size(ctx, endpoints).await?;
    Ok(())
}

/// TRACE echoes the request back, cookies and authorization included (cross-site
/// tracing): a development or misconfigured server. One request.
async fn trace_method(ctx: &Ctx<'_>) -> Step<()> {
    let m = marker();
    let req = Request::new("TRACE", ctx.client.base().clone()).header("X-Fg-Trace", &m);
    let Some(resp) = send(ctx, req).await? else {
        return Ok(());
    };
    if resp.is_success() && resp.text().contains(&m) {
        let e = Endpoint {
            method: "TRACE".to_string(),
            template: "/".to_string(),
            params: Vec::new(),
            from: "probe",
            form_fields: Vec::new(),
            reads_body: false,
            json_body: false,
        };
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
async fn host_header(ctx: &Ctx<'_>, endpoints: &[Endpoint]) -> Step<()> {
    let mut targets: Vec<Endpoint> = vec![Endpoint {
        method: "GET".to_string(),
        template: "/".to_string(),
        params: Vec::new(),
        from: "probe",
        form_fields: Vec::new(),
        reads_body: false,
        json_body: false,
    }];
    targets.extend(
        endpoints
            .iter()
            .filter(|e| {
                let t = e.template.to_ascii_lowercase();
                e.method == "GET"
                    && ["reset", "forgot", "password", "confirm", "verify", "invite"]
                        .iter()
                        .any(|w| t.contains(w))
            })
            .take(4)
            .cloned(),
    );
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
async fn soft404(ctx: &Ctx<'_>) -> Step<Option<String>> {
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

const EXPOSED: &[(&str, &str)] = &[
    ("/.env", "env"),
    ("/.flaskenv", "env"),
    ("/.env.bak", "env"),
    ("/.git/config", "gitconfig"),
    ("/.git/HEAD", "githead"),
    ("/config.py", "python"),
    ("/instance/config.py", "python"),
    ("/settings.py", "python"),
    ("/app.py", "python"),
    ("/app.py.bak", "python"),
    ("/config.py.bak", "python"),
    ("/backup.zip", "zip"),
    ("/.DS_Store", "dsstore"),
];

async fn exposed_files(ctx: &Ctx<'_>, soft: Option<&str>) -> Step<()> {
    for (path, kind) in EXPOSED {
        let Some(resp) = send(ctx, Request::get(ctx.client.url(path))).await? else {
            continue;
        };
        if !resp.is_success() || like_soft404(soft, &resp.text(), "") {
            continue;
        }
        let body = resp.text();
        let matches = match *kind {
            "env" => {
                body.lines().any(|l| {
                    let l = l.trim().trim_start_matches("export ");
                    l.split_once('=').is_some_and(|(k, _)| {
                        !k.is_empty()
                            && k.chars()
                                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
                    })
                }) && !resp.is_html()
            }
            "gitconfig" => body.contains("[core]"),
            "githead" => body.starts_with("ref: refs/"),
            "python" => {
                !resp.is_html()
                    && (body.contains("import ")
                        || body.contains("SECRET_KEY")
                        || body.contains("def "))
            }
            "zip" => resp.body.starts_with(b"PK\x03\x04"),
            "dsstore" => resp.body.get(4..8) == Some(b"Bud1"),
            _ => false,
        };
        if matches {
            let secrets = body.to_ascii_lowercase().contains("secret")
                || body.to_ascii_lowercase().contains("password")
                || body.contains("://") && body.contains('@');
            let e = Endpoint {
                method: "GET".to_string(),
                template: (*path).to_string(),
                params: Vec::new(),
                from: "probe",
                form_fields: Vec::new(),
                reads_body: false,
                json_body: false,
            };
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

/// Injection probes on every input of one endpoint.
async fn inject(ctx: &Ctx<'_>, e: &Endpoint, all: &[Endpoint], oob: Option<&Oob<'_>>) -> Step<()> {
    if e.params.is_empty() && !e.reads_body {
        return Ok(());
    }
    crate::relogin_if_lost(ctx).await;
    let Some(base) = send(ctx, e.request(ctx.client.base(), None)).await? else {
        return Ok(());
    };
    for p in &e.params {
        if p.loc == Loc::File {
            upload(ctx, e, p).await?;
            uploaded_content(ctx, e, p).await?;
            continue;
        }
        if !matches!(p.loc, Loc::QueryName | Loc::HeaderName) {
            deserialization(ctx, e, p).await?;
        }
        header_injection(ctx, e, p, &base).await?;
        xss(ctx, e, p, all).await?;
        ssti(ctx, e, p).await?;
        code(ctx, e, p).await?;
        command(ctx, e, p).await?;
        sql(ctx, e, p, &base).await?;
        traversal(ctx, e, p, &base).await?;
        redirect(ctx, e, p).await?;
        if let Some(o) = oob {
            ssrf(ctx, e, p, o).await?;
        }
    }
    if let Some(o) = oob
        && e.method != "GET"
        && (e.reads_body || e.template.to_ascii_lowercase().contains("xml"))
    {
        xxe(ctx, e, o).await?;
    }
    Ok(())
}

/// Payloads that deserialize into the product of two numbers and nothing else: pickle
/// (`operator.mul`, protocol 0) and PyYAML's `python/object/apply`. An app that unpickles
/// or `yaml.load`s request data and shows the result shows the product.
fn deserialization_payloads(a: u64, b: u64) -> Vec<String> {
    use base64::Engine as _;
    let pickle = pickle_mul(a, b);
    vec![
        base64::engine::general_purpose::STANDARD.encode(&pickle),
        base64::engine::general_purpose::URL_SAFE.encode(&pickle),
        yaml_mul(a, b),
    ]
}

/// A protocol-0 pickle that loads as `operator.mul(a, b)` and nothing else.
fn pickle_mul(a: u64, b: u64) -> Vec<u8> {
    format!("coperator\nmul\n(I{a}\nI{b}\ntR.").into_bytes()
}

/// PyYAML's unsafe tag for `operator.mul(a, b)`.
fn yaml_mul(a: u64, b: u64) -> String {
    format!("!!python/object/apply:operator.mul [{a}, {b}]")
}

async fn deserialization(ctx: &Ctx<'_>, e: &Endpoint, p: &Param) -> Step<()> {
    let (a, b) = factors();
    let payloads = deserialization_payloads(a, b);
    let finding = ProductFinding {
        code: "FG643",
        message: "Insecure deserialization: {} is deserialized into Python objects",
        proof: "`{payload}` (pickle or YAML calling operator.mul) came back as {product}",
    };
    product_probe(ctx, e, p, a * b, &payloads, &finding).await?;
    Ok(())
}

/// Files whose content the app parses: a YAML or pickle file that only multiplies, and an
/// XML file with an external entity for `/etc/passwd`. The answer to the upload tells.
async fn uploaded_content(ctx: &Ctx<'_>, e: &Endpoint, p: &Param) -> Step<()> {
    let (a, b) = factors();
    let product = (a * b).to_string();
    let pickle = pickle_mul(a, b);
    let files: [(&str, &str, Vec<u8>, &'static str); 3] = [
        (
            "data.yaml",
            "application/x-yaml",
            format!("{}\n", yaml_mul(a, b)).into_bytes(),
            "FG643",
        ),
        ("data.pkl", "application/octet-stream", pickle, "FG643"),
        (
            "data.xml",
            "application/xml",
            b"<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<r>&x;</r>\n".to_vec(),
            "FG626",
        ),
    ];
    let fields: Vec<(String, String)> = e
        .params
        .iter()
        .filter(|q| q.loc == Loc::Form)
        .map(|q| (q.name.clone(), q.sample.clone()))
        .chain(e.form_fields.iter().cloned())
        .collect();
    for (file, ctype, data, code) in files {
        let req = Request::new(&e.method, ctx.client.url(&e.path_with(None))).multipart(
            &fields,
            &[(p.name.clone(), file.to_string(), ctype.to_string(), data)],
        );
        let Some(resp) = send(ctx, req).await? else {
            return Ok(());
        };
        let body = resp.text();
        let (hit, message, proof) = if code == "FG626" {
            (
                shows_passwd(&body),
                format!(
                    "XXE: an uploaded XML file ({}) resolves external entities",
                    param_label(p)
                ),
                "an uploaded XML file's `file:///etc/passwd` entity was expanded into the response"
                    .to_string(),
            )
        } else {
            (
                body.contains(&product),
                format!(
                    "Insecure deserialization: an uploaded file ({}) is loaded into Python objects",
                    param_label(p)
                ),
                format!("`{file}` calling operator.mul({a}, {b}) came back as {product}"),
            )
        };
        if hit {
            report(
                ctx,
                code,
                if code == "FG626" {
                    Severity::High
                } else {
                    Severity::Critical
                },
                e,
                Some(p),
                message,
                &resp,
                &proof,
                None,
            );
        }
    }
    Ok(())
}

/// Uploads an HTML file with a marker and looks for it served inline (stored XSS).
async fn upload(ctx: &Ctx<'_>, e: &Endpoint, p: &Param) -> Step<()> {
    let m = marker();
    let name = format!("{m}.html");
    let content = format!("<!doctype html><p><{m}x>flaskguard upload probe</p>");
    let fields: Vec<(String, String)> = e
        .params
        .iter()
        .filter(|q| q.loc == Loc::Form)
        .map(|q| (q.name.clone(), q.sample.clone()))
        .chain(e.form_fields.iter().cloned())
        .collect();
    let req = Request::new(&e.method, ctx.client.url(&e.path_with(None))).multipart(
        &fields,
        &[(
            p.name.clone(),
            name.clone(),
            "text/html".to_string(),
            content.into_bytes(),
        )],
    );
    let Some(resp) = send(ctx, req).await? else {
        return Ok(());
    };
    if !resp.is_success() && !resp.is_redirect() {
        return Ok(());
    }
    // Where it is served: a URL in the answer, or the usual upload folders.
    let mut candidates: Vec<String> = Vec::new();
    if let Some(l) = resp.header("location") {
        candidates.push(l.to_string());
    }
    let body = resp.text();
    for (i, _) in body.match_indices(&name) {
        let start = body[..i]
            .rfind(['"', '\'', ' ', '(', '>', '='])
            .map_or(0, |s| s + 1);
        candidates.push(body[start..i + name.len()].to_string());
    }
    for dir in ["/uploads/", "/static/uploads/", "/files/", "/media/"] {
        candidates.push(format!("{dir}{name}"));
    }
    candidates.dedup();
    for c in candidates.into_iter().take(8) {
        let Ok(url) = resp.url.join(&c) else { continue };
        if !ctx.client.in_scope(&url) {
            continue;
        }
        let Some(served) = send(ctx, Request::get(url)).await? else {
            continue;
        };
        let attachment = served
            .header("content-disposition")
            .is_some_and(|d| d.to_ascii_lowercase().starts_with("attachment"));
        if served.is_success() && served.is_html() && !attachment && served.text().contains(&m) {
            report(
                ctx,
                "FG629",
                Severity::High,
                e,
                Some(p),
                format!(
                    "An uploaded HTML file is served inline from {}: stored XSS on the app's origin",
                    served.url.path()
                ),
                &served,
                &format!(
                    "`{name}` uploaded as text/html is served as {} without `Content-Disposition: attachment`",
                    served.content_type()
                ),
                Some(&m),
            );
            return Ok(());
        }
    }
    Ok(())
}

/// CR/LF in a value the app copies into a response header (`Location`, `Set-Cookie`):
/// tried only where the sample value shows up in a header of the original response.
async fn header_injection(ctx: &Ctx<'_>, e: &Endpoint, p: &Param, base: &Response) -> Step<()> {
    if p.sample.len() < 3 || !base.headers.iter().any(|(_, v)| v.contains(&p.sample)) {
        return Ok(());
    }
    let m = marker();
    let payload = format!("{}\r\nX-Fg-Injected: {m}", p.sample);
    let Some(resp) = attempt(ctx, e, p, &payload).await? else {
        return Ok(());
    };
    if resp.header("x-fg-injected").is_some_and(|v| v.contains(&m)) {
        report(
            ctx,
            "FG627",
            Severity::Medium,
            e,
            Some(p),
            format!(
                "Header injection: CR/LF in {} starts a new response header",
                param_label(p)
            ),
            &resp,
            &format!("`X-Fg-Injected: {m}` came back as a response header"),
            None,
        );
    }
    Ok(())
}

async fn attempt(ctx: &Ctx<'_>, e: &Endpoint, p: &Param, value: &str) -> Step<Option<Response>> {
    send(ctx, e.request(ctx.client.base(), Some((p, value)))).await
}

async fn xss(ctx: &Ctx<'_>, e: &Endpoint, p: &Param, all: &[Endpoint]) -> Step<()> {
    let m = marker();
    let tag = format!("<{m}x>");
    let payload = format!("{m}'\"{tag}");
    let Some(resp) = attempt(ctx, e, p, &payload).await? else {
        return Ok(());
    };
    if resp.is_html() && resp.text().contains(&tag) {
        report(
            ctx,
            "FG618",
            Severity::High,
            e,
            Some(p),
            format!(
                "Reflected XSS: {} is echoed into HTML unescaped",
                param_label(p)
            ),
            &resp,
            &format!(
                "the tag `{tag}` sent in {} comes back as markup",
                param_label(p)
            ),
            Some(&tag),
        );
        return Ok(());
    }
    // Stored: a form that saves the value, shown by the page of the same path.
    if e.method != "GET"
        && let Some(page) = all
            .iter()
            .find(|o| o.method == "GET" && o.path_with(None) == e.path_with(None))
        && let Some(shown) = send(ctx, page.request(ctx.client.base(), None)).await?
        && shown.is_html()
        && shown.text().contains(&tag)
    {
        report(
            ctx,
            "FG618",
            Severity::High,
            e,
            Some(p),
            format!(
                "Stored XSS: {} is saved and later shown unescaped on GET {}",
                param_label(p),
                page.template
            ),
            &shown,
            &format!(
                "the tag `{tag}` posted in {} is served as markup by GET {}",
                param_label(p),
                page.template
            ),
            Some(&tag),
        );
    }
    Ok(())
}

/// What a product probe reports when a payload's product shows.
struct ProductFinding {
    code: &'static str,
    /// `{}` is replaced by the input's label.
    message: &'static str,
    /// How the proof reads: `{payload}` and `{product}` are replaced.
    proof: &'static str,
}

/// Sends each payload until one comes back computed: the product of two random factors
/// shows in the body (and, for template syntax, the payload itself does not). Reports it.
async fn product_probe(
    ctx: &Ctx<'_>,
    e: &Endpoint,
    p: &Param,
    product: u64,
    payloads: &[String],
    finding: &ProductFinding,
) -> Step<bool> {
    let product = product.to_string();
    for payload in payloads {
        let Some(resp) = attempt(ctx, e, p, payload).await? else {
            return Ok(false);
        };
        let body = resp.text();
        if body.contains(&product) && !body.contains(payload.as_str()) {
            report(
                ctx,
                finding.code,
                Severity::Critical,
                e,
                Some(p),
                finding.message.replace("{}", &param_label(p)),
                &resp,
                &finding
                    .proof
                    .replace("{payload}", payload)
                    .replace("{product}", &product),
                Some(&product),
            );
            return Ok(true);
        }
    }
    Ok(false)
}

async fn ssti(ctx: &Ctx<'_>, e: &Endpoint, p: &Param) -> Step<()> {
    let (a, b) = factors();
    let payloads = [format!("{{{{{a}*{b}}}}}"), format!("{{{{{a}*'{b}'|int}}}}")];
    let finding = ProductFinding {
        code: "FG619",
        message: "Template injection: {} is evaluated by Jinja2",
        proof: "`{payload}` rendered as {product}",
    };
    product_probe(ctx, e, p, a * b, &payloads, &finding).await?;
    Ok(())
}

async fn code(ctx: &Ctx<'_>, e: &Endpoint, p: &Param) -> Step<()> {
    let (a, b) = factors();
    let finding = ProductFinding {
        code: "FG622",
        message: "Code injection: {} is evaluated as Python",
        proof: "`{payload}` evaluated to {product}",
    };
    product_probe(ctx, e, p, a * b, &[format!("str({a}*{b})")], &finding).await?;
    Ok(())
}

async fn command(ctx: &Ctx<'_>, e: &Endpoint, p: &Param) -> Step<()> {
    let (a, b) = factors();
    let sample = &p.sample;
    let payloads = [
        format!("{sample};echo $(({a}*{b}))"),
        format!("{sample}|echo $(({a}*{b}))"),
        format!("{sample}$(echo $(({a}*{b})))"),
        format!("{sample}&&echo $(({a}*{b}))"),
    ];
    let finding = ProductFinding {
        code: "FG621",
        message: "Command injection: {} reaches a shell",
        proof: "the shell computed `{payload}` into {product}",
    };
    if !product_probe(ctx, e, p, a * b, &payloads, &finding).await? {
        blind_command(ctx, e, p).await?;
    }
    Ok(())
}

/// Blind command injection: the output is not shown, but `sleep` takes the time it is
/// told.
async fn blind_command(ctx: &Ctx<'_>, e: &Endpoint, p: &Param) -> Step<bool> {
    let finding = DelayFinding {
        code: "FG621",
        message: "Blind command injection: {} reaches a shell",
    };
    delay_probe(ctx, e, p, &["{s};sleep {d}", "{s}$(sleep {d})"], &finding).await
}

/// What a time-based probe reports.
struct DelayFinding {
    code: &'static str,
    /// `{}` is replaced by the input's label.
    message: &'static str,
}

/// Time-based detection with a bounded delay: each template (`{s}` the sample value, `{d}`
/// seconds) is sent with a 3 s delay; one that takes that long is confirmed with 2 s, and
/// reported only if both took what they were told, against a fresh baseline.
async fn delay_probe(
    ctx: &Ctx<'_>,
    e: &Endpoint,
    p: &Param,
    templates: &[&str],
    finding: &DelayFinding,
) -> Step<bool> {
    const DELAY: f64 = 3.0;
    if ctx.client.limits().timeout.as_secs_f64() < DELAY + 2.0 {
        return Ok(false);
    }
    let s = &p.sample;
    let Some(base) = attempt(ctx, e, p, s).await? else {
        return Ok(false);
    };
    let t0 = base.elapsed.as_secs_f64();
    for template in templates {
        let payload = |d: f64| {
            template
                .replace("{s}", s)
                .replace("{d}", &format!("{d:.0}"))
        };
        let Some(slow) = attempt(ctx, e, p, &payload(DELAY)).await? else {
            return Ok(false);
        };
        if slow.elapsed.as_secs_f64() < t0 + DELAY * 0.8 {
            continue;
        }
        // Confirm: a shorter delay takes about that long, not the longer one.
        let Some(check) = attempt(ctx, e, p, &payload(DELAY - 1.0)).await? else {
            return Ok(false);
        };
        let t2 = check.elapsed.as_secs_f64();
        if t2 >= t0 + (DELAY - 1.0) * 0.8 && t2 < slow.elapsed.as_secs_f64() + 0.5 {
            report(
                ctx,
                finding.code,
                Severity::Critical,
                e,
                Some(p),
                finding.message.replace("{}", &param_label(p)),
                &slow,
                &format!(
                    "`{}` took {:.1} s and `{}` {t2:.1} s, against {t0:.1} s for the plain value",
                    payload(DELAY),
                    slow.elapsed.as_secs_f64(),
                    payload(DELAY - 1.0)
                ),
                None,
            );
            return Ok(true);
        }
    }
    Ok(false)
}

/// Blind SQL injection by time: PostgreSQL's `pg_sleep` and MySQL's `SLEEP`, in string
/// and numeric contexts.
async fn blind_sql(ctx: &Ctx<'_>, e: &Endpoint, p: &Param) -> Step<bool> {
    let finding = DelayFinding {
        code: "FG620",
        message: "Blind SQL injection: a delay appended to {} runs in the database",
    };
    let templates: &[&str] = if p.sample.parse::<f64>().is_ok() {
        &[
            "{s} AND 1=(SELECT 1 FROM pg_sleep({d}))",
            "{s} AND SLEEP({d})",
        ]
    } else {
        &["{s}'||pg_sleep({d})||'", "{s}' AND SLEEP({d})-- -"]
    };
    delay_probe(ctx, e, p, templates, &finding).await
}

const SQL_ERRORS: &[&str] = &[
    "sqlite3.OperationalError",
    "OperationalError",
    "unrecognized token",
    "near \"",
    "syntax error at or near",
    "unterminated quoted string",
    "You have an error in your SQL syntax",
    "SQLSTATE[",
    "psycopg2.errors",
    "pymysql.err",
    "sqlalchemy.exc",
    "ORA-00933",
    "ORA-01756",
    "quoted string not properly terminated",
];

fn sql_error(body: &str) -> Option<&'static str> {
    SQL_ERRORS.iter().copied().find(|s| body.contains(s))
}

#[allow(clippy::many_single_char_names)]
async fn sql(ctx: &Ctx<'_>, e: &Endpoint, p: &Param, base: &Response) -> Step<()> {
    let base_body = base.text().into_owned();
    let s = &p.sample;
    for payload in [format!("{s}'"), format!("{s}\""), format!("{s})")] {
        let Some(resp) = attempt(ctx, e, p, &payload).await? else {
            return Ok(());
        };
        let body = resp.text();
        if let Some(sig) = sql_error(&body)
            && !base_body.contains(sig)
        {
            report(
                ctx,
                "FG620",
                Severity::Critical,
                e,
                Some(p),
                format!(
                    "SQL injection: a quote in {} breaks the query",
                    param_label(p)
                ),
                &resp,
                &format!("`{payload}` produced the database error `{sig}`"),
                Some(sig),
            );
            return Ok(());
        }
    }
    // Boolean differential: a true condition answers like the original, a false one does not.
    let numeric = s.parse::<f64>().is_ok();
    let (t, f) = if numeric {
        (format!("{s} AND 1=1"), format!("{s} AND 1=2"))
    } else {
        (format!("{s}' AND '1'='1"), format!("{s}' AND '1'='2"))
    };
    let Some(rt) = attempt(ctx, e, p, &t).await? else {
        return Ok(());
    };
    let Some(rf) = attempt(ctx, e, p, &f).await? else {
        return Ok(());
    };
    let norm = |r: &Response, payload: &str| {
        r.text()
            .replace(payload, "")
            .replace(&html_escape(payload), "")
            .replace(s.as_str(), "")
    };
    let (bt, bf, b0) = (norm(&rt, &t), norm(&rf, &f), norm(base, s));
    if rt.status == base.status && bt == b0 && (bf != b0 || rf.status != base.status) {
        report(
            ctx,
            "FG620",
            Severity::Critical,
            e,
            Some(p),
            format!(
                "SQL injection: a condition appended to {} changes the result",
                param_label(p)
            ),
            &rf,
            &format!("`{t}` answers like the original value; `{f}` answers differently"),
            None,
        );
        return Ok(());
    }
    blind_sql(ctx, e, p).await?;
    Ok(())
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

fn shows_passwd(body: &str) -> bool {
    body.lines()
        .any(|l| l.starts_with("root:") && l.contains(":0:0:"))
}

async fn traversal(ctx: &Ctx<'_>, e: &Endpoint, p: &Param, base: &Response) -> Step<()> {
    if shows_passwd(&base.text()) {
        return Ok(());
    }
    for payload in [
        "../../../../../../../../../../etc/passwd",
        "/etc/passwd",
        "....//....//....//....//....//....//etc/passwd",
    ] {
        let Some(resp) = attempt(ctx, e, p, payload).await? else {
            return Ok(());
        };
        if shows_passwd(&resp.text()) {
            report(
                ctx,
                "FG623",
                Severity::High,
                e,
                Some(p),
                format!(
                    "Path traversal: {} reads files outside the intended folder",
                    param_label(p)
                ),
                &resp,
                &format!("`{payload}` returned /etc/passwd"),
                Some("root:"),
            );
            return Ok(());
        }
    }
    Ok(())
}

async fn redirect(ctx: &Ctx<'_>, e: &Endpoint, p: &Param) -> Step<()> {
    let host = format!("{}.example", marker());
    for payload in [
        format!("https://{host}/"),
        format!("//{host}/"),
        format!("/\\{host}/"),
    ] {
        let Some(resp) = attempt(ctx, e, p, &payload).await? else {
            return Ok(());
        };
        if !resp.is_redirect() {
            continue;
        }
        let Some(location) = resp.header("location") else {
            continue;
        };
        let target = resp.url.join(&location.replace('\\', "/")).ok();
        if target.as_ref().and_then(|u| u.host_str()) == Some(host.as_str()) {
            report(
                ctx,
                "FG624",
                Severity::Medium,
                e,
                Some(p),
                format!("Open redirect: {} sends users to any site", param_label(p)),
                &resp,
                &format!("`{payload}` → Location: {location}"),
                None,
            );
            return Ok(());
        }
    }
    Ok(())
}

/// Out-of-band probes: the canary and the hits it would prove, checked at once and again
/// at the end (an app may fetch in the background).
struct Oob<'c> {
    canary: &'c Canary,
    pending: std::sync::Mutex<Vec<(String, Hit)>>,
}

impl Oob<'_> {
    /// Reports `hit` if the canary saw `token`, now or by the final sweep.
    async fn expect(&self, ctx: &Ctx<'_>, token: String, hit: Hit) {
        if self.canary.saw(&token, Duration::ZERO).await {
            ctx.report(hit);
        } else if let Ok(mut p) = self.pending.lock() {
            p.push((token, hit));
        }
    }

    async fn sweep(&self, ctx: &Ctx<'_>) {
        let pending = self
            .pending
            .lock()
            .map(|mut p| std::mem::take(&mut *p))
            .unwrap_or_default();
        if pending.is_empty() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
        for (token, hit) in pending {
            if self.canary.saw(&token, Duration::ZERO).await {
                ctx.report(hit);
            }
        }
    }
}

async fn ssrf(ctx: &Ctx<'_>, e: &Endpoint, p: &Param, oob: &Oob<'_>) -> Step<()> {
    let token = format!("fg-ssrf-{}", marker());
    let url = oob.canary.url(&token);
    let Some(resp) = attempt(ctx, e, p, &url).await? else {
        return Ok(());
    };
    let hit = Hit {
        code: "FG625",
        severity: Severity::High,
        message: format!("SSRF: the app fetches the URL given in {}", param_label(p)),
        route: e.label(),
        path: e.path_with(None),
        param: Some(param_label(p)),
        evidence: evidence(
            &resp,
            &format!(
                "flaskguard's canary on 127.0.0.1:{} received `/{token}`",
                oob.canary.port
            ),
            None,
        ),
    };
    oob.expect(ctx, token, hit).await;
    Ok(())
}

async fn xxe(ctx: &Ctx<'_>, e: &Endpoint, oob: &Oob<'_>) -> Step<()> {
    let token = format!("fg-xxe-{}", marker());
    let url = oob.canary.url(&token);
    // Over the network (the canary) and from the file system (libxml2 2.13+ has no HTTP).
    for (entity, file) in [(url.as_str(), false), ("file:///etc/passwd", true)] {
        let doc = format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"{entity}\">]>\n<r>&x;</r>"
        );
        let req = Request::new(&e.method, ctx.client.url(&e.path_with(None)))
            .raw("application/xml", doc.into_bytes());
        let Some(resp) = send(ctx, req).await? else {
            return Ok(());
        };
        let message =
            "XXE: the XML parser resolves external entities named in the request body".to_string();
        if file {
            if shows_passwd(&resp.text()) {
                report(
                    ctx,
                    "FG626",
                    Severity::High,
                    e,
                    None,
                    message,
                    &resp,
                    "an external entity `file:///etc/passwd` was expanded into the response",
                    Some("root:"),
                );
            }
        } else {
            let hit = Hit {
                code: "FG626",
                severity: Severity::High,
                message,
                route: e.label(),
                path: e.path_with(None),
                param: None,
                evidence: evidence(
                    &resp,
                    &format!(
                        "an external entity pointing at flaskguard's canary was fetched (`/{token}`)"
                    ),
                    None,
                ),
            };
            oob.expect(ctx, token.clone(), hit).await;
        }
    }
    Ok(())
}

/// The session secret: guessed offline against a captured cookie, then a forged session
/// shown to be accepted.
async fn secret_key(ctx: &Ctx<'_>, endpoints: &[Endpoint]) -> Step<()> {
    let cookies: Vec<String> = ctx
        .session_cookies
        .lock()
        .map(|c| c.clone())
        .unwrap_or_default();
    let jar: Vec<String> = ctx.client.cookies().into_iter().map(|(_, v)| v).collect();
    let Some(session) = cookies
        .iter()
        .chain(&jar)
        .find_map(|c| FlaskSession::decode(c))
    else {
        return Ok(());
    };
    let candidates = ctx
        .opts
        .secret_candidates
        .iter()
        .map(String::as_str)
        .chain(flaskguard_report::known::WEAK_SECRETS.iter().copied())
        .chain(ctx.opts.wordlist.iter().map(String::as_str));
    let mut tried = 0usize;
    let Some(secret) = candidates
        .inspect(|_| tried += 1)
        .find(|c| session.signed_with(c.as_bytes()))
        .map(str::to_string)
    else {
        return Ok(());
    };
    let cookie_name = ctx
        .client
        .cookies()
        .into_iter()
        .find(|(_, v)| FlaskSession::decode(v).is_some())
        .map_or_else(|| "session".to_string(), |(n, _)| n);
    // Proof: pages refused to the probe's own session, requested with forged privileges.
    let refused: Vec<usize> = ctx
        .statuses
        .lock()
        .map(|s| {
            s.iter()
                .filter(|(_, st, _)| matches!(st, 401 | 403) || *st == 302)
                .map(|(i, _, _)| *i)
                .collect()
        })
        .unwrap_or_default();
    let mut forged_payload = session.payload.clone();
    if let serde_json::Value::Object(map) = &mut forged_payload {
        for (k, v) in [
            ("role", serde_json::json!("admin")),
            ("is_admin", serde_json::json!(true)),
            ("admin", serde_json::json!(true)),
            ("user", serde_json::json!("admin")),
            ("username", serde_json::json!("admin")),
            ("user_id", serde_json::json!(1)),
            ("_user_id", serde_json::json!("1")),
            ("logged_in", serde_json::json!(true)),
        ] {
            map.insert(k.to_string(), v);
        }
    }
    let forged = session.forge(&forged_payload, secret.as_bytes());
    let mut proof = format!(
        "the captured session cookie verifies with a guessed key (candidate {tried} tried); a cookie forged with it is signed validly"
    );
    let mut proof_resp: Option<Response> = None;
    for i in refused.into_iter().take(10) {
        let e = &endpoints[i];
        let Some(before) = send(ctx, e.request(ctx.client.base(), None).without_jar()).await?
        else {
            continue;
        };
        if before.is_success() {
            continue;
        }
        let req = e
            .request(ctx.client.base(), None)
            .without_jar()
            .header("Cookie", &format!("{cookie_name}={forged}"));
        if let Some(after) = send(ctx, req).await?
            && after.is_success()
        {
            proof = format!(
                "a session forged with the guessed key (role=admin and similar) is accepted: {} answers {} instead of {}",
                e.label(),
                after.status,
                before.status
            );
            proof_resp = Some(after);
            break;
        }
    }
    let resp = match proof_resp {
        Some(r) => r,
        None => match send(
            ctx,
            Request::get(ctx.client.base().clone())
                .without_jar()
                .header("Cookie", &format!("{cookie_name}={forged}")),
        )
        .await?
        {
            Some(r) => r,
            None => return Ok(()),
        },
    };
    let from_source = ctx.opts.secret_candidates.contains(&secret);
    ctx.report(Hit {
        code: "FG605",
        severity: Severity::Critical,
        message: format!(
            "The session cookie is signed with a guessable SECRET_KEY ({}): anyone can forge sessions",
            if from_source { "the one in the source code" } else { "a well-known placeholder" }
        ),
        route: "/".to_string(),
        path: "/".to_string(),
        param: Some(format!("cookie {cookie_name}")),
        evidence: evidence(&resp, &proof, None),
    });
    Ok(())
}

/// Where a JWT travels.
#[derive(Clone, Debug)]
enum TokenPlace {
    Cookie(String),
    Bearer,
}

impl TokenPlace {
    fn label(&self) -> String {
        match self {
            TokenPlace::Cookie(n) => format!("cookie {n}"),
            TokenPlace::Bearer => "Authorization: Bearer".to_string(),
        }
    }
}

/// `e` with `token` in `place` (or without any token), the session's other cookies kept.
fn with_token(ctx: &Ctx<'_>, e: &Endpoint, place: &TokenPlace, token: Option<&str>) -> Request {
    let mut req = e.request(ctx.client.base(), None).without_jar();
    let mut cookies: Vec<String> = ctx
        .client
        .cookies()
        .into_iter()
        .filter(|(n, _)| !matches!(place, TokenPlace::Cookie(c) if c == n))
        .map(|(n, v)| format!("{n}={v}"))
        .collect();
    match (place, token) {
        (TokenPlace::Cookie(n), Some(t)) => cookies.push(format!("{n}={t}")),
        (TokenPlace::Bearer, Some(t)) => req = req.header("Authorization", &format!("Bearer {t}")),
        // An empty value suppresses a default `--header Authorization: ...`.
        (TokenPlace::Bearer, None) => req = req.header("Authorization", ""),
        (TokenPlace::Cookie(_), None) => {}
    }
    if !cookies.is_empty() {
        req = req.header("Cookie", &cookies.join("; "));
    }
    req
}

/// JWTs: find the endpoints a token unlocks, then try what an attacker would.
async fn jwt_checks(ctx: &Ctx<'_>, endpoints: &[Endpoint]) -> Step<()> {
    use crate::jwt::Jwt;
    let mut tokens: Vec<(TokenPlace, String)> = ctx
        .client
        .cookies()
        .into_iter()
        .filter(|(_, v)| crate::jwt::looks_like_jwt(v))
        .map(|(n, v)| (TokenPlace::Cookie(n), v))
        .collect();
    for (n, v) in &ctx.opts.headers {
        if n.eq_ignore_ascii_case("authorization")
            && let Some(t) = v.strip_prefix("Bearer ")
            && crate::jwt::looks_like_jwt(t.trim())
        {
            tokens.push((TokenPlace::Bearer, t.trim().to_string()));
        }
    }
    let seen: Vec<String> = ctx
        .bearer_tokens
        .lock()
        .map(|b| b.clone())
        .unwrap_or_default();
    tokens.extend(seen.into_iter().map(|t| (TokenPlace::Bearer, t)));
    for (place, token) in tokens.into_iter().take(3) {
        let Some(jwt) = Jwt::decode(&token) else {
            continue;
        };
        // The endpoints this token unlocks: answered with it, refused without it.
        let mut unlocked: Vec<&Endpoint> = Vec::new();
        let mut candidates: Vec<&Endpoint> = endpoints
            .iter()
            .filter(|e| e.method == "GET" && !crate::looks_destructive(&e.template))
            .collect();
        candidates.sort_by_key(|e| !e.template.contains("api"));
        for e in candidates.into_iter().take(25) {
            let Some(with) = send(ctx, with_token(ctx, e, &place, Some(&token))).await? else {
                continue;
            };
            if !with.is_success() {
                continue;
            }
            let Some(without) = send(ctx, with_token(ctx, e, &place, None)).await? else {
                continue;
            };
            if matches!(without.status, 401 | 403 | 422) || without.is_redirect() {
                unlocked.push(e);
                if unlocked.len() >= 3 {
                    break;
                }
            }
        }
        if unlocked.is_empty() {
            continue;
        }
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let tampered = jwt.tampered_payload();
        let mut expired = jwt.payload.clone();
        expired["exp"] = serde_json::json!(now.saturating_sub(3600));
        let key = jwt.crack(
            ctx.opts
                .secret_candidates
                .iter()
                .map(String::as_str)
                .chain(flaskguard_report::known::WEAK_SECRETS.iter().copied())
                .chain(ctx.opts.wordlist.iter().map(String::as_str)),
        );
        let label = place.label();
        for e in unlocked {
            // 1. A changed payload under the old signature: is the signature checked at all?
            let forged = jwt.resigned_with_old_signature(&tampered);
            if let Some(r) = send(ctx, with_token(ctx, e, &place, Some(&forged))).await?
                && r.is_success()
            {
                report(
                    ctx,
                    "FG610",
                    Severity::Critical,
                    e,
                    None,
                    format!(
                        "JWT signatures are not verified: a token with a changed payload ({label}) is accepted"
                    ),
                    &r,
                    "role=admin and a new `sub` under the original signature → accepted",
                    None,
                );
                let stale = jwt.resigned_with_old_signature(&expired);
                if let Some(r) = send(ctx, with_token(ctx, e, &place, Some(&stale))).await?
                    && r.is_success()
                {
                    report(
                        ctx,
                        "FG611",
                        Severity::High,
                        e,
                        None,
                        format!("Expired JWTs are accepted ({label})"),
                        &r,
                        "a token whose `exp` passed an hour ago → accepted",
                        None,
                    );
                }
                continue;
            }
            // 2. `alg: none`.
            let none = jwt.unsigned(&tampered);
            if let Some(r) = send(ctx, with_token(ctx, e, &place, Some(&none))).await?
                && r.is_success()
            {
                report(
                    ctx,
                    "FG610",
                    Severity::Critical,
                    e,
                    None,
                    format!("JWTs with `alg: none` are accepted ({label})"),
                    &r,
                    "an unsigned token (`alg: none`, role=admin) → accepted",
                    None,
                );
                continue;
            }
            // 3. The key guessed offline: forge, and try an expired token.
            if let Some(secret) = &key {
                let forged = jwt.sign(&tampered, secret);
                if let Some(r) = send(ctx, with_token(ctx, e, &place, Some(&forged))).await?
                    && r.is_success()
                {
                    ctx.report(Hit {
                        code: "FG610",
                        severity: Severity::Critical,
                        message: format!(
                            "JWTs are signed with a guessable {} key ({label}): anyone can forge tokens",
                            jwt.alg()
                        ),
                        route: "/".to_string(),
                        path: "/".to_string(),
                        param: Some(label.clone()),
                        evidence: evidence(
                            &r,
                            &format!(
                                "the token's {} key was guessed offline; a forged token (role=admin, new `sub`) is accepted by {}",
                                jwt.alg(),
                                e.label()
                            ),
                            None,
                        ),
                    });
                }
                let stale = jwt.sign(&expired, secret);
                if let Some(r) = send(ctx, with_token(ctx, e, &place, Some(&stale))).await?
                    && r.is_success()
                {
                    report(
                        ctx,
                        "FG611",
                        Severity::High,
                        e,
                        None,
                        format!("Expired JWTs are accepted ({label})"),
                        &r,
                        "a validly signed token whose `exp` passed an hour ago → accepted",
                        None,
                    );
                }
            }
        }
    }
    Ok(())
}

/// Endpoints that asked for credentials must refuse made-up ones.
async fn auth_enforced(ctx: &Ctx<'_>, endpoints: &[Endpoint]) -> Step<()> {
    let challenged: Vec<(usize, String)> = ctx
        .statuses
        .lock()
        .map(|s| {
            s.iter()
                .filter(|(_, st, _)| *st == 401)
                .map(|(i, _, w)| (*i, w.clone().unwrap_or_default()))
                .collect()
        })
        .unwrap_or_default();
    for (i, challenge) in challenged.into_iter().take(20) {
        let e = &endpoints[i];
        let m = marker();
        let header = if challenge.to_ascii_lowercase().starts_with("bearer") {
            format!("Bearer {m}")
        } else {
            use base64::Engine as _;
            let creds = base64::engine::general_purpose::STANDARD.encode(format!("{m}:{m}-pw"));
            format!("Basic {creds}")
        };
        let req = e
            .request(ctx.client.base(), None)
            .without_jar()
            .header("Authorization", &header);
        if let Some(resp) = send(ctx, req).await?
            && resp.is_success()
        {
            report(
                ctx,
                "FG612",
                Severity::High,
                e,
                None,
                "Authentication is not enforced: made-up credentials are accepted".to_string(),
                &resp,
                &format!(
                    "401 without credentials; {} with a random `{}` credential",
                    resp.status,
                    header.split(' ').next().unwrap_or("")
                ),
                None,
            );
        }
    }
    Ok(())
}

fn password_param(e: &Endpoint) -> Option<&Param> {
    e.params.iter().find(|p| {
        matches!(p.loc, Loc::Form | Loc::Json) && {
            let n = p.name.to_ascii_lowercase();
            n.contains("password") || n == "pass" || n == "pwd"
        }
    })
}

/// A login must meet a bounded burst of wrong passwords with 429 or a lockout.
async fn login_rate_limit(ctx: &Ctx<'_>, endpoints: &[Endpoint]) -> Step<()> {
    const BURST: usize = 12;
    let Some((e, p)) = endpoints
        .iter()
        .filter(|e| e.method == "POST")
        .find_map(|e| password_param(e).map(|p| (e, p)))
    else {
        return Ok(());
    };
    let mut last: Option<Response> = None;
    let mut limited = false;
    let action = ctx.client.url(&e.path_with(None));
    let mut rejected_form = 0usize;
    for _ in 0..BURST {
        let wrong = format!("fg-wrong-{}", marker());
        // A fresh form each time: a CSRF rejection says nothing about rate limiting.
        let mut attempt = e.clone();
        attempt.form_fields = crate::hidden_fields(ctx, &action).await;
        let Some(resp) = send(ctx, attempt.request(ctx.client.base(), Some((p, &wrong)))).await?
        else {
            return Ok(());
        };
        if resp.status == 400 || resp.text().to_ascii_lowercase().contains("csrf") {
            rejected_form += 1;
        }
        let text = resp.text().to_ascii_lowercase();
        if resp.status == 429 || text.contains("too many") || text.contains("locked") {
            limited = true;
            last = Some(resp);
            break;
        }
        last = Some(resp);
    }
    let Some(last) = last else { return Ok(()) };
    if !limited && rejected_form > 0 {
        ctx.error(format!(
            "{}: the login form was refused as malformed ({rejected_form} of {BURST} attempts), so its rate limit could not be measured",
            e.label()
        ));
        return Ok(());
    }
    if !limited {
        report(
            ctx,
            "FG632",
            Severity::Medium,
            e,
            Some(p),
            format!(
                "The login accepts unlimited attempts: {BURST} wrong passwords in a row, none refused"
            ),
            &last,
            &format!(
                "{BURST} attempts, last status {}, no 429 or lockout",
                last.status
            ),
            None,
        );
        return Ok(());
    }
    // Limited: does a spoofed client address reset the limit?
    for i in 0..3u8 {
        let ip = format!("203.0.113.{}", 10 + i);
        let wrong = format!("fg-wrong-{}", marker());
        let mut attempt = e.clone();
        attempt.form_fields = crate::hidden_fields(ctx, &action).await;
        let req = attempt
            .request(ctx.client.base(), Some((p, &wrong)))
            .header("X-Forwarded-For", &ip)
            .header("X-Real-IP", &ip);
        if let Some(resp) = send(ctx, req).await?
            && resp.status != 429
            && !resp.text().to_ascii_lowercase().contains("too many")
        {
            report(
                ctx,
                "FG633",
                Severity::Medium,
                e,
                Some(p),
                "The login rate limit is bypassed by a spoofed X-Forwarded-For / X-Real-IP"
                    .to_string(),
                &resp,
                &format!(
                    "429 after the burst; {} with X-Forwarded-For: {ip}",
                    resp.status
                ),
                None,
            );
            break;
        }
    }
    Ok(())
}

/// State-changing forms must refuse a submission without the CSRF token.
async fn csrf(ctx: &Ctx<'_>, endpoints: &[Endpoint]) -> Step<()> {
    if ctx.client.cookies().is_empty() {
        // Without a cookie-based session there is nothing for CSRF to ride on.
        return Ok(());
    }
    if let Some(login) = &ctx.opts.login {
        crate::login_step(ctx, login).await;
    }
    for e in endpoints.iter().filter(|e| {
        e.method == "POST"
            && e.params.iter().any(|p| p.loc == Loc::Form)
            && !crate::looks_destructive(&e.template)
    }) {
        let is_login = password_param(e).is_some();
        let mut stripped = e.clone();
        stripped.form_fields.retain(|(n, _)| {
            let n = n.to_ascii_lowercase();
            !(n.contains("csrf")
                || n.contains("xsrf")
                || n == "_token"
                || n.contains("authenticity"))
        });
        let req = stripped
            .request(ctx.client.base(), None)
            .header("Origin", "https://fg-csrf.example")
            .header("Referer", "https://fg-csrf.example/");
        let Some(resp) = send(ctx, req).await? else {
            continue;
        };
        let refused = matches!(resp.status, 400 | 401 | 403 | 405 | 409 | 419 | 422 | 429)
            || resp.text().to_ascii_lowercase().contains("csrf");
        if !refused && resp.status < 500 {
            let (severity, what) = if is_login {
                (Severity::Low, "The login form (login CSRF)")
            } else {
                (Severity::Medium, "A state-changing form")
            };
            report(
                ctx,
                "FG628",
                severity,
                e,
                None,
                format!("{what} is accepted without a CSRF token, from another site's Origin"),
                &resp,
                &format!(
                    "POST without a token and with `Origin: https://fg-csrf.example` → {}",
                    resp.status
                ),
                None,
            );
        }
    }
    if let Some(login) = &ctx.opts.login {
        crate::login_step(ctx, login).await;
    }
    Ok(())
}

/// GET routes the source shows changing state: a cross-site GET (a link, an image) carries
/// the user's cookies even with `SameSite=Lax`. One GET each, with the session.
async fn state_changing_gets(ctx: &Ctx<'_>, endpoints: &[Endpoint]) -> Step<()> {
    if ctx.client.cookies().is_empty() {
        return Ok(());
    }
    for rule in &ctx.opts.state_changing_gets {
        let Some(e) = endpoints
            .iter()
            .find(|e| e.method == "GET" && e.template == *rule)
        else {
            continue;
        };
        let req = e
            .request(ctx.client.base(), None)
            .header("Sec-Fetch-Site", "cross-site")
            .header("Referer", "https://fg-csrf.example/");
        let Some(resp) = send(ctx, req).await? else {
            continue;
        };
        if resp.status < 400 {
            report(
                ctx,
                "FG628",
                Severity::Medium,
                e,
                None,
                "A state-changing GET is accepted cross-site with the user's cookies (links and images can trigger it)".to_string(),
                &resp,
                &format!("cross-site GET with the session → {}", resp.status),
                None,
            );
        }
    }
    if let Some(login) = &ctx.opts.login {
        crate::login_step(ctx, login).await;
    }
    Ok(())
}

/// Whether a response shows the logged-in user: refused without the session (401, 403, a
/// redirect) but answered with it, or naming the user the probe logged in as.
fn shows_user(resp: &Response, anonymous: &Response, user: Option<&str>) -> bool {
    if !resp.is_success() {
        return false;
    }
    if matches!(anonymous.status, 401 | 403) || anonymous.is_redirect() {
        return true;
    }
    user.is_some_and(|u| u.len() >= 3 && resp.text().contains(u) && !anonymous.text().contains(u))
}

/// After logout, is a copy of the old session cookie still accepted? (Flask's default
/// session lives in the cookie: nothing on the server forgets it.)
async fn session_replay(ctx: &Ctx<'_>, endpoints: &[Endpoint]) -> Step<()> {
    let Some(login) = &ctx.opts.login else {
        return Ok(());
    };
    let Some(logout) = endpoints.iter().find(|e| {
        let t = e.template.to_ascii_lowercase();
        t.contains("logout")
            || t.contains("log-out")
            || t.contains("signout")
            || t.contains("sign-out")
    }) else {
        return Ok(());
    };
    crate::login_step(ctx, login).await;
    let user = login
        .fields
        .iter()
        .find(|(n, _)| {
            let n = n.to_ascii_lowercase();
            n.contains("user") || n.contains("email") || n.contains("login") || n == "name"
        })
        .map(|(_, v)| v.as_str());
    // A page that shows the session.
    let mut page: Option<&Endpoint> = None;
    for e in endpoints
        .iter()
        .filter(|e| {
            e.method == "GET" && e.params.is_empty() && !crate::looks_destructive(&e.template)
        })
        .take(30)
    {
        let Some(with) = send(ctx, e.request(ctx.client.base(), None)).await? else {
            continue;
        };
        let Some(without) = send(ctx, e.request(ctx.client.base(), None).without_jar()).await?
        else {
            continue;
        };
        if shows_user(&with, &without, user) {
            page = Some(e);
            break;
        }
    }
    let Some(page) = page else {
        ctx.error(
            "session replay after logout not tested: no page shows the logged-in user".to_string(),
        );
        return Ok(());
    };
    let old: Vec<(String, String)> = ctx.client.cookies();
    // Log out like the user would (the form's token included).
    let action = ctx.client.url(&logout.path_with(None));
    let req = if logout.method == "GET" {
        Request::get(action)
    } else {
        let fields = crate::hidden_fields(ctx, &action).await;
        Request::new(&logout.method, action).form(&fields)
    };
    let Some(out) = send(ctx, req).await? else {
        return Ok(());
    };
    if out.status >= 400 {
        ctx.error(format!(
            "{}: logout answered {}; session replay not tested",
            logout.label(),
            out.status
        ));
        crate::login_step(ctx, login).await;
        return Ok(());
    }
    let cookie = old
        .iter()
        .map(|(n, v)| format!("{n}={v}"))
        .collect::<Vec<_>>()
        .join("; ");
    let anon = send(ctx, page.request(ctx.client.base(), None).without_jar()).await?;
    let replay = send(
        ctx,
        page.request(ctx.client.base(), None)
            .without_jar()
            .header("Cookie", &cookie),
    )
    .await?;
    if let (Some(replay), Some(anon)) = (replay, anon)
        && shows_user(&replay, &anon, user)
    {
        report(
            ctx,
            "FG607",
            Severity::Medium,
            logout,
            None,
            format!(
                "After logout the old session cookie still works: {} still shows the user",
                page.label()
            ),
            &replay,
            &format!(
                "logged out with {}; the pre-logout cookie replayed on {} → still logged in",
                logout.label(),
                page.label()
            ),
            None,
        );
    }
    crate::login_step(ctx, login).await;
    Ok(())
}

/// Does the login answer differently for an account that exists (the one `--login` uses)
/// and one that does not? Two wrong passwords, fresh form tokens each.
async fn user_enumeration(ctx: &Ctx<'_>, endpoints: &[Endpoint]) -> Step<()> {
    let Some(login) = &ctx.opts.login else {
        return Ok(());
    };
    let Some((user_field, user)) = login.fields.iter().find(|(n, _)| {
        let n = n.to_ascii_lowercase();
        n.contains("user") || n.contains("email") || n.contains("login") || n == "name"
    }) else {
        return Ok(());
    };
    let Some(e) = endpoints.iter().find(|e| {
        e.method == "POST" && ctx.client.url(&e.path_with(None)).path() == login.url.path()
    }) else {
        return Ok(());
    };
    let Some(pw) = password_param(e) else {
        return Ok(());
    };
    let mut answers: Vec<Response> = Vec::new();
    let stranger = format!("fg-{}-nobody", marker());
    for name in [user.as_str(), stranger.as_str()] {
        let mut attempt = e.clone();
        attempt.form_fields = crate::hidden_fields(ctx, &login.url).await;
        for p in &mut attempt.params {
            if p.name == *user_field {
                p.sample = name.to_string();
            }
        }
        let wrong = format!("fg-wrong-{}", marker());
        let Some(resp) = send(
            ctx,
            attempt
                .request(ctx.client.base(), Some((pw, &wrong)))
                .without_jar(),
        )
        .await?
        else {
            return Ok(());
        };
        if resp.status == 429 || resp.status >= 500 {
            return Ok(());
        }
        answers.push(resp);
    }
    let [known, unknown] = answers.as_slice() else {
        return Ok(());
    };
    let clean = |r: &Response, name: &str| r.text().replace(name, "");
    if known.status != unknown.status || clean(known, user) != clean(unknown, &stranger) {
        report(
            ctx,
            "FG635",
            Severity::Medium,
            e,
            None,
            "The login tells whether an account exists: a wrong password for a real user and for a made-up one get different answers".to_string(),
            unknown,
            &format!(
                "existing user → {} `{}`; unknown user → {} `{}`",
                known.status,
                known.text().chars().take(60).collect::<String>().trim(),
                unknown.status,
                unknown.text().chars().take(60).collect::<String>().trim()
            ),
            None,
        );
    }
    Ok(())
}

/// Well-known default accounts, tried on the login form (with its tokens, 10 at most).
const DEFAULT_CREDENTIALS: &[(&str, &str)] = &[
    ("admin", "admin"),
    ("admin", "password"),
    ("admin", "admin123"),
    ("admin", "changeme"),
    ("administrator", "administrator"),
    ("root", "root"),
    ("test", "test"),
    ("user", "user"),
    ("guest", "guest"),
    ("demo", "demo"),
];

fn failure_words(text: &str) -> bool {
    let t = text.to_ascii_lowercase();
    [
        "invalid",
        "incorrect",
        "wrong",
        "failed",
        "no such",
        "unknown",
        "denied",
        "error",
    ]
    .iter()
    .any(|w| t.contains(w))
}

async fn default_credentials(ctx: &Ctx<'_>, endpoints: &[Endpoint]) -> Step<()> {
    let Some((e, pw)) = endpoints
        .iter()
        .filter(|e| e.method == "POST")
        .find_map(|e| password_param(e).map(|p| (e, p)))
    else {
        return Ok(());
    };
    let Some(user) = e.params.iter().find(|p| {
        let n = p.name.to_ascii_lowercase();
        matches!(p.loc, Loc::Form | Loc::Json)
            && (n.contains("user") || n.contains("email") || n.contains("login") || n == "name")
    }) else {
        return Ok(());
    };
    let action = ctx.client.url(&e.path_with(None));
    let attempt_with = |name: &str, password: &str, fields: Vec<(String, String)>| {
        let mut a = e.clone();
        a.form_fields = fields;
        for p in &mut a.params {
            if p == user {
                p.sample = name.to_string();
            }
        }
        a.request(ctx.client.base(), Some((pw, password)))
    };
    // What a failure looks like.
    let stranger = format!("fg-{}", marker());
    let fields = crate::hidden_fields(ctx, &action).await;
    let Some(failed) = send(ctx, attempt_with(&stranger, &stranger, fields)).await? else {
        return Ok(());
    };
    if failed.status == 429 || failed.status >= 500 {
        return Ok(());
    }
    let mut found: Option<(String, Response)> = None;
    for (name, password) in DEFAULT_CREDENTIALS {
        let fields = crate::hidden_fields(ctx, &action).await;
        let Some(r) = send(ctx, attempt_with(name, password, fields)).await? else {
            return Ok(());
        };
        if r.status == 429 {
            break;
        }
        let different_status = r.status != failed.status && r.status < 400;
        let different_text = r.status == failed.status
            && r.is_success()
            && failure_words(&failed.text())
            && !failure_words(&r.text());
        if different_status || different_text {
            found = Some((format!("{name} / {password}"), r));
            break;
        }
    }
    if let Some((creds, r)) = found {
        report(
            ctx,
            "FG634",
            Severity::High,
            e,
            Some(user),
            format!(
                "The login accepts the default account `{}`",
                creds.split(" / ").next().unwrap_or("")
            ),
            &r,
            &format!(
                "a made-up account gets {}; a well-known default account gets {}",
                failed.status, r.status
            ),
            None,
        );
    }
    if let Some(login) = &ctx.opts.login {
        crate::login_step(ctx, login).await;
    }
    Ok(())
}

/// GraphQL introspection: one query for the schema's root type.
async fn graphql(ctx: &Ctx<'_>, endpoints: &[Endpoint]) -> Step<()> {
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
            let e = Endpoint {
                method: "POST".to_string(),
                template: path.clone(),
                params: Vec::new(),
                from: "probe",
                form_fields: Vec::new(),
                reads_body: true,
                json_body: false,
            };
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

/// One oversized body to one endpoint that reads it: refused (413) or accepted.
async fn body_size(ctx: &Ctx<'_>, endpoints: &[Endpoint]) -> Step<()> {
    const SIZE: usize = 12 * 1024 * 1024;
    let Some(e) = endpoints
        .iter()
        .filter(|e| e.method == "POST" && !crate::looks_destructive(&e.template))
        // JSON APIs get their own test below.
        .find(|e| e.reads_body && !e.json_body && !e.params.iter().any(|p| p.loc == Loc::Json))
        .or_else(|| {
            endpoints.iter().find(|e| {
                e.method == "POST"
                    && e.params.iter().any(|p| p.loc == Loc::Form)
                    && password_param(e).is_none()
                    && !crate::looks_destructive(&e.template)
            })
        })
    else {
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
    if let Some(e) = endpoints.iter().find(|e| {
        e.method != "GET"
            && (e.json_body || e.params.iter().any(|p| p.loc == Loc::Json))
            && password_param(e).is_none()
            && !crate::looks_destructive(&e.template)
    }) {
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
