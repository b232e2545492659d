//! Active checks (`--active`): safe payloads only. Detection is by unique markers that
//! only an injection turns into something else (an arithmetic product, an unescaped tag,
//! a request to flaskguard's own canary, a known system file), never by damage.
//!
//! By what is attacked: [`site`] (the server whatever the route), [`session`] (the session
//! secret, JWTs, CSRF, replay after logout), [`login`] (credentials, rate limits, user
//! enumeration), [`access`] (one user's objects with another user's session),
//! [`injection`] (each input of each endpoint), [`uploads`] and [`oob`]
//! (SSRF and XXE through the canary). This module holds what they share and the order
//! they run in.

mod access;
mod identity;
mod injection;
mod login;
mod oob;
mod plan;
mod session;
mod site;
mod uploads;

use flaskguard_report::Severity;

use crate::canary::Canary;
use crate::client::{Request, Response};
use crate::context::{Ctx, Hit, evidence};
use crate::inventory::{Endpoint, Param};

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

/// A protocol-0 pickle that loads as `operator.mul(a, b)` and nothing else.
fn pickle_mul(a: u64, b: u64) -> Vec<u8> {
    format!("coperator\nmul\n(I{a}\nI{b}\ntR.").into_bytes()
}

/// PyYAML's unsafe tag for `operator.mul(a, b)`.
fn yaml_mul(a: u64, b: u64) -> String {
    format!("!!python/object/apply:operator.mul [{a}, {b}]")
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
        // A crawled page (`/patients/2/letter`) is named by its route's rule.
        scope: ctx.route_for(&e.method, &e.template),
        cookie: None,
        path: e.path_with(None),
        param: p.map(param_label),
        evidence: evidence(resp, proof, marker),
    });
}

/// Whether probe check `code` reports an injection attack on a route's inputs (what the
/// injection plan tries route by route).
pub(crate) fn is_attack_code(code: &str) -> bool {
    injection::Attack::ALL.iter().any(|a| a.code() == code)
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
    let soft404 = site::soft404(ctx).await?;
    site::trace_method(ctx).await?;
    site::host_header(ctx, endpoints).await?;
    site::exposed_files(ctx, soft404.as_deref()).await?;
    session::secret_key(ctx, endpoints).await?;
    session::jwt_checks(ctx, endpoints).await?;
    login::auth_enforced(ctx, endpoints).await?;
    session::csrf(ctx, endpoints).await?;
    session::state_changing_gets(ctx, endpoints).await?;
    session::session_replay(ctx, endpoints).await?;
    login::user_enumeration(ctx, endpoints).await?;
    login::default_credentials(ctx, endpoints).await?;
    site::graphql(ctx, endpoints).await?;
    if let Some(login) = &ctx.opts.login {
        crate::session::login_step(ctx, login).await;
    }
    access::cross_user(ctx, endpoints).await?;
    let oob = canary.map(oob::Oob::new);
    let injected = plan::inject_all(ctx, endpoints, oob.as_ref()).await;
    if let Some(o) = &oob {
        o.sweep(ctx).await;
    }
    injected?;
    // Last of the login's users: a working limit locks the probe out for a while.
    login::login_rate_limit(ctx, endpoints).await?;
    site::body_size(ctx, endpoints).await?;
    Ok(())
}

/// Sends `value` in input `p` of `e`. A form's anti-CSRF tokens are the freshest the run
/// has read for its action; when the app refuses them (the session changed: a login,
/// a logout), they are read again and the request is sent once more.
async fn attempt(ctx: &Ctx<'_>, e: &Endpoint, p: &Param, value: &str) -> Step<Option<Response>> {
    if !e
        .form_fields
        .iter()
        .any(|(n, _)| crate::inventory::is_token_field(n))
    {
        return send(ctx, e.request(ctx.client.base(), Some((p, value)))).await;
    }
    let action = ctx.client.url(&e.path_with(None));
    let with_tokens = |tokens: &[(String, String)]| {
        let mut e = e.clone();
        for (name, v) in tokens {
            if let Some(f) = e.form_fields.iter_mut().find(|(n, _)| n == name) {
                f.1.clone_from(v);
            }
        }
        e
    };
    let cached = ctx
        .tokens
        .lock()
        .ok()
        .and_then(|t| t.get(action.path()).cloned())
        .unwrap_or_default();
    let first = with_tokens(&cached);
    let Some(resp) = send(ctx, first.request(ctx.client.base(), Some((p, value)))).await? else {
        return Ok(None);
    };
    if !(resp.status == 400 || resp.status == 403) || !crate::session::csrf_refused(&resp.text()) {
        return Ok(Some(resp));
    }
    let fresh = crate::session::hidden_fields(ctx, &action).await;
    if let Ok(mut t) = ctx.tokens.lock() {
        t.insert(action.path().to_string(), fresh.clone());
    }
    send(
        ctx,
        with_tokens(&fresh).request(ctx.client.base(), Some((p, value))),
    )
    .await
}

/// Whether a body shows `/etc/passwd` (a path traversal or an XML entity read it).
fn shows_passwd(body: &str) -> bool {
    // `root:x:0:0:…`, at the start of a line or of a tag's text (`<pre>root:x:0:0:`).
    body.match_indices("root:").any(|(at, _)| {
        let before = body[..at].chars().next_back();
        let rest = &body[at + "root:".len()..];
        matches!(before, None | Some('\n' | '>'))
            && rest
                .split_once(':')
                .is_some_and(|(password, tail)| password.len() <= 16 && tail.starts_with("0:0:"))
    })
}

/// An endpoint the probe made up for a site-wide finding (`TRACE /`, `GET /.env`).
fn probe_endpoint(method: &str, template: &str, reads_body: bool) -> Endpoint {
    Endpoint {
        method: method.to_string(),
        template: template.to_string(),
        params: Vec::new(),
        from: "probe",
        form_fields: Vec::new(),
        reads_body,
        json_body: false,
    }
}

#[cfg(test)]
pub(super) mod tests {
    use std::time::Duration;

    use super::{factors, marker, param_label, probe_endpoint, shows_passwd};
    use crate::client::Response;
    use crate::inventory::{Endpoint, Loc, Param};

    /// A response to `GET http://127.0.0.1:5000/` with this status, type and body.
    pub(crate) fn response(status: u16, content_type: &str, body: &str) -> Response {
        Response {
            method: "GET".to_string(),
            url: url::Url::parse("http://127.0.0.1:5000/").unwrap(),
            request_headers: Vec::new(),
            request_body: None,
            status,
            headers: vec![("Content-Type".to_string(), content_type.to_string())],
            body: body.as_bytes().to_vec(),
            truncated: false,
            elapsed: Duration::ZERO,
        }
    }

    pub(crate) fn param(loc: Loc, name: &str) -> Param {
        Param {
            loc,
            name: name.to_string(),
            sample: "1".to_string(),
            number: false,
        }
    }

    pub(crate) fn endpoint(method: &str, template: &str, params: Vec<Param>) -> Endpoint {
        Endpoint {
            params,
            from: "source",
            ..probe_endpoint(method, template, false)
        }
    }

    #[test]
    fn inputs_are_named_by_place_and_name() {
        assert_eq!(param_label(&param(Loc::Query, "q")), "query q");
        assert_eq!(param_label(&param(Loc::HeaderName, "*")), "a header name");
        assert_eq!(param_label(&param(Loc::File, "upload")), "file upload");
    }

    #[test]
    fn markers_and_factors_cannot_occur_by_chance() {
        let m = marker();
        assert_eq!(m.len(), 10, "{m}");
        assert!(m.starts_with("fg") && m[2..].chars().all(|c| c.is_ascii_hexdigit()));
        for _ in 0..100 {
            let (a, b) = factors();
            assert!((1000..10_000).contains(&a) && (1000..10_000).contains(&b));
        }
    }

    #[test]
    fn passwd_is_recognised_by_roots_line() {
        assert!(shows_passwd(
            "x\nroot:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1"
        ));
        assert!(!shows_passwd("root: the top of the tree"));
        assert!(!shows_passwd("  root:x:0:0:indented"));
        // Shown in a page: the file's text starts a tag's content.
        assert!(shows_passwd("<pre>root:x:0:0:root:/root:/bin/bash\n"));
        assert!(!shows_passwd("<p>root:x:1:0:not root</p>"));
    }

    #[test]
    fn made_up_endpoints_are_the_probes_own() {
        let e = probe_endpoint("TRACE", "/", false);
        assert_eq!(e.label(), "TRACE /");
        assert_eq!(e.from, "probe");
        assert!(e.params.is_empty() && !e.reads_body && !e.json_body);
        assert!(probe_endpoint("POST", "/graphql", true).reads_body);
    }
}
