//! The probe's own session: logging in (with the form's hidden fields), and again when a
//! response shows the session was lost.

use url::Url;

use crate::Login;
use crate::client::Request;
use crate::context::Ctx;
use crate::{inventory, jwt};

/// The hidden fields (CSRF tokens) of the form that posts to `action`, read fresh from
/// the page at `action` (with the session's cookies, to which such tokens are bound).
pub(crate) async fn hidden_fields(ctx: &Ctx<'_>, action: &Url) -> Vec<(String, String)> {
    // The form is usually on the page of its own URL; else on the home page.
    let mut page = match ctx.send(Request::get(action.clone())).await {
        Ok(p) if p.is_html() && p.is_success() => Some(p),
        _ => None,
    };
    if page.is_none() {
        page = match ctx.send(Request::get(ctx.client.base().clone())).await {
            Ok(p) if p.is_html() => Some(p),
            _ => None,
        };
    }
    let Some(page) = page else {
        return Vec::new();
    };
    form_hidden_fields(&page.text(), &page.url, action.path())
}

/// The hidden fields of the form on a page (at `url`) that posts to the path `target`,
/// else of its first POST form.
pub(crate) fn form_hidden_fields(html: &str, url: &Url, target: &str) -> Vec<(String, String)> {
    let parsed = inventory::parse_html(html);
    let form = parsed
        .forms
        .iter()
        .find(|f| {
            url.join(f.action.as_deref().unwrap_or(""))
                .is_ok_and(|u| u.path() == target)
        })
        .or_else(|| parsed.forms.iter().find(|f| f.method == "POST"));
    form.map(|f| {
        f.fields
            .iter()
            .filter(|(_, t, _)| t == "hidden")
            .map(|(n, _, v)| (n.clone(), v.clone()))
            .collect()
    })
    .unwrap_or_default()
}

/// Whether a page says a form's anti-CSRF token was refused (Flask-WTF, Django-style and
/// SeaSurf messages). A page that merely holds a `csrf_token` field is not a refusal.
pub(crate) fn csrf_refused(text: &str) -> bool {
    let text = text.to_ascii_lowercase();
    [
        "csrf token is missing",
        "csrf token is invalid",
        "csrf token has expired",
        "csrf tokens do not match",
        "csrf session token is missing",
        "csrf verification failed",
        "csrf validation failed",
        "invalid csrf",
        "missing csrf",
    ]
    .iter()
    .any(|m| text.contains(m))
}

/// Logs in again if a response showed the session was lost (one task at a time).
pub(crate) async fn relogin_if_lost(ctx: &Ctx<'_>) {
    let Some(login) = &ctx.opts.login else { return };
    if !ctx.session_lost.load(std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    let Ok(_guard) = ctx.relogin.try_lock() else {
        return;
    };
    ctx.session_lost
        .store(false, std::sync::atomic::Ordering::Relaxed);
    login_step(ctx, login).await;
}

/// Posts the login form (with the page's hidden fields); keeps the session cookies.
pub(crate) async fn login_step(ctx: &Ctx<'_>, login: &Login) -> bool {
    let hidden = if login.json {
        Vec::new()
    } else {
        hidden_fields(ctx, &login.url).await
    };
    let req = login_request(login, hidden);
    match ctx.send(req).await {
        Ok(resp) if resp.status < 400 && !login.json && shows_login_form(&resp, &login.url) => {
            ctx.logged_in
                .store(false, std::sync::atomic::Ordering::Relaxed);
            ctx.error(format!(
                "login at {} failed: the answer is the login form again (status {}): wrong \
                 credentials, a missing field (--login-field) or a rejected form token",
                login.url, resp.status
            ));
            false
        }
        Ok(resp) if resp.status < 400 => {
            ctx.logged_in
                .store(true, std::sync::atomic::Ordering::Relaxed);
            // A JSON login answers with a token: the session is that bearer token. A form
            // login beside a token API: the API's token for the same account too.
            let token = if login.json {
                token_in(&resp.text())
            } else {
                let mut token = None;
                for req in token_requests(ctx, login) {
                    if let Ok(r) = ctx.send(req).await
                        && r.is_success()
                        && let Some(t) = token_in(&r.text())
                    {
                        token = Some(t);
                        break;
                    }
                }
                token
            };
            if let Some(token) = token {
                ctx.client.set_bearer(&token);
            }
            true
        }
        Ok(resp) => {
            // Not logged in any more: no point in re-login attempts until a later phase.
            ctx.logged_in
                .store(false, std::sync::atomic::Ordering::Relaxed);
            ctx.error(format!(
                "login at {} failed: status {}",
                login.url, resp.status
            ));
            false
        }
        Err(_) => false,
    }
}

/// At most this many token routes are asked for a token after a form login.
const MAX_TOKEN_ROUTES: usize = 2;

/// Requests for an API token with the login's account: a POST of the login's fields as a
/// JSON object to each route of the source that reads every one of them from a JSON body
/// (`POST /api/token` reading `json:username` and `json:password`), the login's own URL
/// aside.
pub(crate) fn token_requests(ctx: &Ctx<'_>, login: &Login) -> Vec<Request> {
    let json = Login {
        json: true,
        ..login.clone()
    };
    token_rules(&ctx.opts.seed, login)
        .into_iter()
        .map(|rule| Request::new("POST", ctx.client.url(&rule)).json(&login_json(&json)))
        .collect()
}

/// The rules of [`token_requests`].
fn token_rules(seed: &[inventory::SeedRoute], login: &Login) -> Vec<String> {
    use flaskguard_report::surface::{Input, InputLocation};
    seed.iter()
        .filter(|r| r.methods.iter().any(|m| m == "POST") && !r.rule.contains('<'))
        .filter(|r| r.rule != login.url.path())
        .filter(|r| {
            !login.fields.is_empty()
                && login.fields.iter().all(|(name, _)| {
                    r.inputs
                        .iter()
                        .any(|i| matches!(i, Input::At(InputLocation::Json, n) if n == name))
                })
        })
        .map(|r| r.rule.clone())
        .take(MAX_TOKEN_ROUTES)
        .collect()
}

/// The bearer token in a login's answer: the first string of a JSON answer under a key
/// that names a token (`token`, `access_token`, `api_key`), at least 16 characters without
/// spaces; else the first JWT of the text.
pub(crate) fn token_in(text: &str) -> Option<String> {
    fn walk(v: &serde_json::Value, depth: usize) -> Option<String> {
        let serde_json::Value::Object(map) = v else {
            return None;
        };
        for (k, v) in map {
            let key = k.to_ascii_lowercase();
            let names_token = key.contains("token")
                || key.contains("jwt")
                || key == "api_key"
                || key == "apikey"
                || key == "key";
            match v {
                serde_json::Value::String(s)
                    if names_token
                        && !key.contains("type")
                        && s.len() >= 16
                        && !s.contains(char::is_whitespace) =>
                {
                    return Some(s.clone());
                }
                serde_json::Value::Object(_) if depth < 3 => {
                    if let Some(t) = walk(v, depth + 1) {
                        return Some(t);
                    }
                }
                _ => {}
            }
        }
        None
    }
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| walk(&v, 0))
        .or_else(|| jwt::find_jwts(text, 1).into_iter().next())
}

/// A login's fields as a JSON object.
fn login_json(login: &Login) -> serde_json::Value {
    serde_json::Value::Object(
        login
            .fields
            .iter()
            .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
            .collect(),
    )
}

/// The login's request: its fields as a JSON object, or as a form with the login page's
/// `hidden` fields (anti-CSRF tokens, `next`) beside them.
pub(crate) fn login_request(login: &Login, mut hidden: Vec<(String, String)>) -> Request {
    if login.json {
        return Request::new("POST", login.url.clone()).json(&login_json(login));
    }
    hidden.retain(|(n, _)| !login.fields.iter().any(|(m, _)| m == n));
    hidden.extend(login.fields.iter().cloned());
    Request::new("POST", login.url.clone()).form(&hidden)
}

/// Whether a login's answer (after redirects) is the login page with its password field
/// again: the credentials or the form were refused.
pub(crate) fn shows_login_form(resp: &crate::client::Response, login_url: &Url) -> bool {
    resp.url.path() == login_url.path()
        && inventory::parse_html(&resp.text())
            .forms
            .iter()
            .any(|f| f.fields.iter().any(|(_, t, _)| t == "password"))
}

#[cfg(test)]
mod tests {
    use super::{form_hidden_fields, shows_login_form, token_in, token_rules};

    #[test]
    fn a_token_is_read_from_a_login_answer() {
        assert_eq!(
            token_in(r#"{"token_type": "bearer", "access_token": "3f9a0c1b2d4e5f60718293a4"}"#)
                .as_deref(),
            Some("3f9a0c1b2d4e5f60718293a4")
        );
        assert_eq!(
            token_in(r#"{"data": {"user": "alice", "api_key": "k-0123456789abcdef"}}"#).as_deref(),
            Some("k-0123456789abcdef")
        );
        // Too short, or prose: not a token.
        assert_eq!(token_in(r#"{"token": "abc"}"#), None);
        assert_eq!(
            token_in(r#"{"token": "your token has been sent by mail"}"#),
            None
        );
        let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
        assert_eq!(token_in(&format!("<p>{jwt}</p>")).as_deref(), Some(jwt));
    }

    #[test]
    fn token_routes_read_every_login_field_from_json() {
        use crate::inventory::SeedRoute;
        let route = |rule: &str, method: &str, inputs: &[&str]| SeedRoute {
            rule: rule.to_string(),
            methods: vec![method.to_string()],
            inputs: inputs.iter().map(|i| i.parse().unwrap()).collect(),
            samples: std::collections::BTreeMap::default(),
            numbers: Vec::new(),
        };
        let seed = [
            route("/login", "POST", &["json:username", "json:password"]),
            route("/api/token", "POST", &["json:username", "json:password"]),
            route("/api/profile", "POST", &["json:username"]),
            route(
                "/api/form-login",
                "POST",
                &["form:username", "form:password"],
            ),
            route("/api/lookup", "GET", &["json:username", "json:password"]),
        ];
        let login = crate::Login {
            url: url::Url::parse("http://127.0.0.1:5000/login").unwrap(),
            fields: vec![
                ("username".to_string(), "alice".to_string()),
                ("password".to_string(), "pw".to_string()),
            ],
            json: false,
        };
        assert_eq!(token_rules(&seed, &login), ["/api/token"]);
    }

    #[test]
    fn a_login_answered_with_its_own_form_failed() {
        let mut resp = crate::active::tests::response(
            200,
            "text/html",
            "<p>Invalid password</p><form method=post><input name=username>\
             <input type=password name=password></form>",
        );
        let login = url::Url::parse("http://127.0.0.1:5000/").unwrap();
        assert!(shows_login_form(&resp, &login));
        // Redirected elsewhere (the home page may hold a password-change form): logged in.
        resp.url = url::Url::parse("http://127.0.0.1:5000/home").unwrap();
        assert!(!shows_login_form(&resp, &login));
        let welcome = crate::active::tests::response(200, "text/html", "<p>Welcome back</p>");
        assert!(!shows_login_form(&welcome, &login));
    }

    #[test]
    fn the_hidden_fields_of_the_form_that_posts_to_the_action() {
        let page = r#"
            <form method="post" action="/search"><input type="hidden" name="t" value="s1"></form>
            <form method="post" action="login">
              <input type="hidden" name="csrf_token" value="abc">
              <input type="text" name="username" value="">
              <input type="hidden" name="next" value="/home">
            </form>"#;
        let url = url::Url::parse("http://127.0.0.1:5000/auth/").unwrap();
        let pair = |n: &str, v: &str| (n.to_string(), v.to_string());
        assert_eq!(
            form_hidden_fields(page, &url, "/auth/login"),
            [pair("csrf_token", "abc"), pair("next", "/home")]
        );
        // No form posts there: the first POST form's.
        assert_eq!(
            form_hidden_fields(page, &url, "/elsewhere"),
            [pair("t", "s1")]
        );
        assert!(form_hidden_fields("<p>no form</p>", &url, "/auth/login").is_empty());
    }
}
