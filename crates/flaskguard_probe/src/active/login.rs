//! Logging in: credentials that must be refused, the login's rate limit, user enumeration
//! and well-known default accounts.

use flaskguard_report::Severity;

use super::identity::Identity;
use super::{Step, marker, report, send};
use crate::client::Response;
use crate::context::Ctx;
use crate::inventory::{Endpoint, Loc, Param};

/// An `Authorization` value of the scheme a `WWW-Authenticate` challenge asks for (Basic
/// unless it asks for Bearer), made up from `marker`.
fn made_up_credentials(challenge: &str, marker: &str) -> String {
    if challenge.to_ascii_lowercase().starts_with("bearer") {
        format!("Bearer {marker}")
    } else {
        use base64::Engine as _;
        let creds =
            base64::engine::general_purpose::STANDARD.encode(format!("{marker}:{marker}-pw"));
        format!("Basic {creds}")
    }
}

/// Endpoints that asked for credentials must refuse made-up ones.
pub(super) async fn auth_enforced(ctx: &Ctx<'_>, endpoints: &[Endpoint]) -> Step<()> {
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
        let header = made_up_credentials(&challenge, &marker());
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

/// Whether a login field names the account (`username`, `email`, `login`, `name`).
pub(super) fn is_user_field(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.contains("user") || n.contains("email") || n.contains("login") || n == "name"
}

/// The password field of a login form or JSON login.
pub(super) fn password_param(e: &Endpoint) -> Option<&Param> {
    e.params.iter().find(|p| {
        matches!(p.loc, Loc::Form | Loc::Json) && {
            let n = p.name.to_ascii_lowercase();
            n.contains("password") || n == "pass" || n == "pwd"
        }
    })
}

/// At most this many login endpoints are tried with default accounts.
const MAX_LOGINS: usize = 3;

/// The logins: POSTs with a password field, and that field; the one `--login` names
/// first, then the others in inventory order (an HTML form and a JSON token API may both
/// take the account).
fn login_forms<'e>(ctx: &Ctx<'_>, endpoints: &'e [Endpoint]) -> Vec<(&'e Endpoint, &'e Param)> {
    let configured = ctx.opts.login.as_ref().map(|l| l.url.path().to_string());
    logins(endpoints, configured.as_deref())
}

/// [`login_forms`], the configured login's path given.
fn logins<'e>(
    endpoints: &'e [Endpoint],
    configured: Option<&str>,
) -> Vec<(&'e Endpoint, &'e Param)> {
    let mut out: Vec<(&Endpoint, &Param)> = endpoints
        .iter()
        .filter(|e| e.method == "POST")
        .filter_map(|e| password_param(e).map(|p| (e, p)))
        .collect();
    out.sort_by_key(|(e, _)| configured != Some(e.path_with(None).as_str()));
    out.dedup_by(|a, b| a.0.template == b.0.template);
    out
}

/// The first login ([`login_forms`]).
fn login_form<'e>(ctx: &Ctx<'_>, endpoints: &'e [Endpoint]) -> Option<(&'e Endpoint, &'e Param)> {
    login_forms(ctx, endpoints).into_iter().next()
}

/// Whether a login answer refuses for too many attempts (429, or says so, or locked).
fn rate_limited(resp: &Response) -> bool {
    let text = resp.text().to_ascii_lowercase();
    resp.status == 429 || text.contains("too many") || text.contains("locked")
}

/// A login must meet a bounded burst of wrong passwords with 429 or a lockout.
pub(super) async fn login_rate_limit(ctx: &Ctx<'_>, endpoints: &[Endpoint]) -> Step<()> {
    const BURST: usize = 12;
    let Some((e, p)) = login_form(ctx, endpoints) else {
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
        attempt.form_fields = crate::session::hidden_fields(ctx, &action).await;
        let Some(resp) = send(ctx, attempt.request(ctx.client.base(), Some((p, &wrong)))).await?
        else {
            return Ok(());
        };
        if resp.status == 400 || crate::session::csrf_refused(&resp.text()) {
            rejected_form += 1;
        }
        if rate_limited(&resp) {
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
        attempt.form_fields = crate::session::hidden_fields(ctx, &action).await;
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

/// Does the login answer differently for an account that exists (the one `--login` uses)
/// and one that does not? Two wrong passwords, fresh form tokens each.
pub(super) async fn user_enumeration(ctx: &Ctx<'_>, endpoints: &[Endpoint]) -> Step<()> {
    let Some(login) = &ctx.opts.login else {
        return Ok(());
    };
    let Some((user_field, user)) = login.fields.iter().find(|(n, _)| is_user_field(n)) else {
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
        attempt.form_fields = crate::session::hidden_fields(ctx, &login.url).await;
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

pub(super) async fn default_credentials(ctx: &Ctx<'_>, endpoints: &[Endpoint]) -> Step<()> {
    for (e, pw) in login_forms(ctx, endpoints).into_iter().take(MAX_LOGINS) {
        default_account(ctx, e, pw).await?;
    }
    Ok(())
}

/// One login endpoint tried with the well-known default accounts.
async fn default_account(ctx: &Ctx<'_>, e: &Endpoint, pw: &Param) -> Step<()> {
    let Some(user) = e
        .params
        .iter()
        .find(|p| matches!(p.loc, Loc::Form | Loc::Json) && is_user_field(&p.name))
    else {
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
    // Each attempt as a visitor who is not signed in, with the form tokens of that
    // visitor's own page: the run's session may be signed in, and a login page then
    // sends it elsewhere.
    let attempt = async |name: &str, password: &str| -> Step<Option<Response>> {
        let mut visitor = Identity::default();
        let fields = visitor.hidden_fields(ctx, &action).await?;
        visitor
            .send(ctx, attempt_with(name, password, fields))
            .await
    };
    // What a failure looks like.
    let stranger = format!("fg-{}", marker());
    let Some(failed) = attempt(&stranger, &stranger).await? else {
        return Ok(());
    };
    if failed.status == 429 || failed.status >= 500 {
        return Ok(());
    }
    let mut found: Option<(String, Response)> = None;
    for (name, password) in DEFAULT_CREDENTIALS {
        let Some(r) = attempt(name, password).await? else {
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
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::tests::{endpoint, param, response};
    use super::*;

    #[test]
    fn a_refused_token_is_told_from_a_form_that_holds_one() {
        assert!(crate::session::csrf_refused(
            "<h1>Bad Request</h1><p>The CSRF token is missing.</p>"
        ));
        assert!(crate::session::csrf_refused(
            "400: The CSRF tokens do not match."
        ));
        assert!(!crate::session::csrf_refused(
            r#"<p>Invalid password</p><form><input type="hidden" name="csrf_token" value="IjE"></form>"#
        ));
    }

    #[test]
    fn made_up_credentials_follow_the_challenge() {
        assert_eq!(
            made_up_credentials("Bearer realm=\"api\"", "fg1"),
            "Bearer fg1"
        );
        // base64("fg1:fg1-pw")
        assert_eq!(
            made_up_credentials("Basic realm=\"x\"", "fg1"),
            "Basic ZmcxOmZnMS1wdw=="
        );
        assert_eq!(made_up_credentials("", "fg1"), "Basic ZmcxOmZnMS1wdw==");
    }

    #[test]
    fn login_forms_are_found_by_their_fields() {
        for n in ["username", "Email", "login", "name", "user_id"] {
            assert!(is_user_field(n), "{n}");
        }
        assert!(!is_user_field("nickname") && !is_user_field("password"));
        let search = endpoint("POST", "/search", vec![param(Loc::Form, "q")]);
        let login = endpoint(
            "POST",
            "/login",
            vec![param(Loc::Form, "username"), param(Loc::Form, "Password")],
        );
        let api = endpoint("POST", "/api/login", vec![param(Loc::Json, "pwd")]);
        let by_query = endpoint("POST", "/q", vec![param(Loc::Query, "password")]);
        assert_eq!(
            password_param(&login).map(|p| p.name.as_str()),
            Some("Password")
        );
        assert_eq!(password_param(&api).map(|p| p.name.as_str()), Some("pwd"));
        assert!(password_param(&by_query).is_none());
        let all = [search, by_query, api.clone(), login];
        let found = |configured| -> Vec<(String, String)> {
            logins(&all, configured)
                .into_iter()
                .map(|(e, p)| (e.template.clone(), p.name.clone()))
                .collect()
        };
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            found(None),
            [pair("/api/login", "pwd"), pair("/login", "Password")]
        );
        // The login `--login` names comes first.
        assert_eq!(
            found(Some("/login")),
            [pair("/login", "Password"), pair("/api/login", "pwd")]
        );
        let get = endpoint("GET", "/login", api.params.clone());
        assert!(logins(&[get], None).is_empty());
    }

    #[test]
    fn rate_limits_and_failures_read_from_the_answer() {
        assert!(rate_limited(&response(429, "text/html", "")));
        assert!(rate_limited(&response(
            200,
            "text/html",
            "Too many attempts"
        )));
        assert!(rate_limited(&response(403, "text/html", "Account LOCKED")));
        assert!(!rate_limited(&response(200, "text/html", "Wrong password")));
        assert!(failure_words("Invalid username or password"));
        assert!(failure_words("Login FAILED"));
        assert!(!failure_words("Welcome back, admin"));
        assert_eq!(DEFAULT_CREDENTIALS.len(), 10);
        assert_eq!(DEFAULT_CREDENTIALS[0], ("admin", "admin"));
    }
}
