//! The session and what rides on it: the Flask session secret, JWTs, CSRF on forms and
//! state-changing GETs, and a session cookie replayed after logout.

use flaskguard_report::Severity;

use super::login::{is_user_field, password_param};
use super::{Step, report, send};
use crate::client::{Request, Response};
use crate::context::{Ctx, Hit, evidence};
use crate::cookies::FlaskSession;
use crate::finding::Scope;
use crate::inventory::{Endpoint, Loc};

/// A session payload with the keys apps commonly read for the user and their privileges
/// set to an administrator's (other keys kept).
fn with_admin_claims(payload: &serde_json::Value) -> serde_json::Value {
    let mut forged = payload.clone();
    if let serde_json::Value::Object(map) = &mut forged {
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
    forged
}

/// The session secret: guessed offline against a captured cookie, then a forged session
/// shown to be accepted.
pub(super) async fn secret_key(ctx: &Ctx<'_>, endpoints: &[Endpoint]) -> Step<()> {
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
    let forged = session.forge(&with_admin_claims(&session.payload), secret.as_bytes());
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
        scope: Scope::Site,
        cookie: None,
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

/// The headers that carry `token` in `place` (or no token), with the session's other
/// cookies: `Cookie`, `Authorization` (empty to suppress a default `--header`).
fn token_headers(
    jar: &[(String, String)],
    place: &TokenPlace,
    token: Option<&str>,
) -> Vec<(&'static str, String)> {
    let mut headers = Vec::new();
    let mut cookies: Vec<String> = jar
        .iter()
        .filter(|(n, _)| !matches!(place, TokenPlace::Cookie(c) if c == n))
        .map(|(n, v)| format!("{n}={v}"))
        .collect();
    match (place, token) {
        (TokenPlace::Cookie(n), Some(t)) => cookies.push(format!("{n}={t}")),
        (TokenPlace::Bearer, Some(t)) => headers.push(("Authorization", format!("Bearer {t}"))),
        // An empty value suppresses a default `--header Authorization: ...`.
        (TokenPlace::Bearer, None) => headers.push(("Authorization", String::new())),
        (TokenPlace::Cookie(_), None) => {}
    }
    if !cookies.is_empty() {
        headers.push(("Cookie", cookies.join("; ")));
    }
    headers
}

/// `e` with `token` in `place` (or without any token), the session's other cookies kept.
fn with_token(ctx: &Ctx<'_>, e: &Endpoint, place: &TokenPlace, token: Option<&str>) -> Request {
    let mut req = e.request(ctx.client.base(), None).without_jar();
    for (name, value) in token_headers(&ctx.client.cookies(), place, token) {
        req = req.header(name, &value);
    }
    req
}

/// An expired token (`stale`) sent to `e`: accepted is FG611.
async fn expired_token(
    ctx: &Ctx<'_>,
    e: &Endpoint,
    place: &TokenPlace,
    stale: &str,
    proof: &str,
) -> Step<()> {
    if let Some(r) = send(ctx, with_token(ctx, e, place, Some(stale))).await?
        && r.is_success()
    {
        report(
            ctx,
            "FG611",
            Severity::High,
            e,
            None,
            format!("Expired JWTs are accepted ({})", place.label()),
            &r,
            proof,
            None,
        );
    }
    Ok(())
}

/// JWTs: find the endpoints a token unlocks, then try what an attacker would.
pub(super) async fn jwt_checks(ctx: &Ctx<'_>, endpoints: &[Endpoint]) -> Step<()> {
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
            .filter(|e| e.method == "GET" && !crate::crawl::looks_destructive(&e.template))
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
                let proof = "a token whose `exp` passed an hour ago → accepted";
                expired_token(ctx, e, &place, &stale, proof).await?;
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
                        scope: Scope::Site,
                        cookie: None,
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
                let proof = "a validly signed token whose `exp` passed an hour ago → accepted";
                expired_token(ctx, e, &place, &stale, proof).await?;
            }
        }
    }
    Ok(())
}

/// Whether a submission was refused (a client error, or a page that names CSRF).
fn csrf_refused(resp: &Response) -> bool {
    matches!(resp.status, 400 | 401 | 403 | 405 | 409 | 419 | 422 | 429)
        || resp.text().to_ascii_lowercase().contains("csrf")
}

/// State-changing forms must refuse a submission without the CSRF token.
pub(super) async fn csrf(ctx: &Ctx<'_>, endpoints: &[Endpoint]) -> Step<()> {
    if ctx.client.cookies().is_empty() {
        // Without a cookie-based session there is nothing for CSRF to ride on.
        return Ok(());
    }
    if let Some(login) = &ctx.opts.login {
        crate::session::login_step(ctx, login).await;
    }
    for e in endpoints.iter().filter(|e| {
        e.method == "POST"
            && e.params.iter().any(|p| p.loc == Loc::Form)
            && !crate::crawl::looks_destructive(&e.template)
    }) {
        let is_login = password_param(e).is_some();
        let mut stripped = e.clone();
        stripped
            .form_fields
            .retain(|(n, _)| !crate::inventory::is_token_field(n));
        let req = stripped
            .request(ctx.client.base(), None)
            .header("Origin", "https://fg-csrf.example")
            .header("Referer", "https://fg-csrf.example/");
        let Some(resp) = send(ctx, req).await? else {
            continue;
        };
        if !csrf_refused(&resp) && resp.status < 500 {
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
        crate::session::login_step(ctx, login).await;
    }
    Ok(())
}

/// GET routes the source shows changing state: a cross-site GET (a link, an image) carries
/// the user's cookies even with `SameSite=Lax`. One GET each, with the session.
pub(super) async fn state_changing_gets(ctx: &Ctx<'_>, endpoints: &[Endpoint]) -> Step<()> {
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
        crate::session::login_step(ctx, login).await;
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

/// The endpoint that logs out.
fn is_logout(e: &Endpoint) -> bool {
    let t = e.template.to_ascii_lowercase();
    ["logout", "log-out", "signout", "sign-out"]
        .iter()
        .any(|w| t.contains(w))
}

/// After logout, is a copy of the old session cookie still accepted? (Flask's default
/// session lives in the cookie: nothing on the server forgets it.)
pub(super) async fn session_replay(ctx: &Ctx<'_>, endpoints: &[Endpoint]) -> Step<()> {
    let Some(login) = &ctx.opts.login else {
        return Ok(());
    };
    let Some(logout) = endpoints.iter().find(|e| is_logout(e)) else {
        return Ok(());
    };
    crate::session::login_step(ctx, login).await;
    let user = login
        .fields
        .iter()
        .find(|(n, _)| is_user_field(n))
        .map(|(_, v)| v.as_str());
    // A page that shows the session.
    let mut page: Option<&Endpoint> = None;
    for e in endpoints
        .iter()
        .filter(|e| {
            e.method == "GET"
                && e.params.is_empty()
                && !crate::crawl::looks_destructive(&e.template)
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
        let fields = crate::session::hidden_fields(ctx, &action).await;
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
        crate::session::login_step(ctx, login).await;
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
    crate::session::login_step(ctx, login).await;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::tests::{endpoint, response};
    use super::*;

    #[test]
    fn forged_sessions_claim_admin_and_keep_the_rest() {
        let forged = with_admin_claims(&serde_json::json!({"cart": [1], "role": "user"}));
        assert_eq!(forged["cart"], serde_json::json!([1]));
        assert_eq!(forged["role"], "admin");
        assert_eq!(forged["is_admin"], true);
        assert_eq!(forged["_user_id"], "1");
        assert_eq!(forged.as_object().unwrap().len(), 9);
        // A payload that is not an object is left alone.
        assert_eq!(with_admin_claims(&serde_json::json!("x")), "x");
    }

    #[test]
    fn a_token_replaces_its_cookie_or_rides_as_bearer() {
        let jar = [
            ("session".to_string(), "s1".to_string()),
            ("access_token_cookie".to_string(), "old".to_string()),
        ];
        let cookie = TokenPlace::Cookie("access_token_cookie".to_string());
        assert_eq!(cookie.label(), "cookie access_token_cookie");
        assert_eq!(
            token_headers(&jar, &cookie, Some("new")),
            [("Cookie", "session=s1; access_token_cookie=new".to_string())]
        );
        assert_eq!(
            token_headers(&jar, &cookie, None),
            [("Cookie", "session=s1".to_string())]
        );
        assert_eq!(TokenPlace::Bearer.label(), "Authorization: Bearer");
        assert_eq!(
            token_headers(&jar[..1], &TokenPlace::Bearer, Some("t")),
            [
                ("Authorization", "Bearer t".to_string()),
                ("Cookie", "session=s1".to_string())
            ]
        );
        assert_eq!(
            token_headers(&[], &TokenPlace::Bearer, None),
            [("Authorization", String::new())]
        );
    }

    #[test]
    fn csrf_tokens_and_refusals() {
        for n in ["csrf_token", "X-XSRF", "_token", "authenticity_token"] {
            assert!(crate::inventory::is_token_field(n), "{n}");
        }
        assert!(!crate::inventory::is_token_field("token_count"));
        assert!(csrf_refused(&response(403, "text/html", "Forbidden")));
        assert!(csrf_refused(&response(
            200,
            "text/html",
            "The CSRF token is missing."
        )));
        assert!(!csrf_refused(&response(200, "text/html", "Saved.")));
        assert!(!csrf_refused(&response(302, "text/html", "")));
    }

    #[test]
    fn the_logged_in_user_shows() {
        let page = response(200, "text/html", "Hello alice");
        let anon = response(200, "text/html", "Hello stranger");
        assert!(shows_user(&page, &anon, Some("alice")));
        assert!(
            !shows_user(&page, &anon, Some("al")),
            "too short a name to tell"
        );
        assert!(!shows_user(&page, &page, Some("alice")));
        assert!(shows_user(&page, &response(302, "text/html", ""), None));
        assert!(shows_user(&page, &response(401, "text/html", ""), None));
        assert!(!shows_user(
            &response(403, "text/html", ""),
            &anon,
            Some("alice")
        ));
        assert!(is_logout(&endpoint("POST", "/auth/Log-Out", vec![])));
        assert!(!is_logout(&endpoint("GET", "/login", vec![])));
    }
}
