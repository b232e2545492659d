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
            // A JSON login answers with a token: the session is that bearer token.
            if login.json
                && let Some(token) = jwt::find_jwts(&resp.text(), 1).into_iter().next()
            {
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

/// The login's request: its fields as a JSON object, or as a form with the login page's
/// `hidden` fields (anti-CSRF tokens, `next`) beside them.
pub(crate) fn login_request(login: &Login, mut hidden: Vec<(String, String)>) -> Request {
    if login.json {
        let body: serde_json::Map<String, serde_json::Value> = login
            .fields
            .iter()
            .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
            .collect();
        return Request::new("POST", login.url.clone()).json(&serde_json::Value::Object(body));
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
    use super::{form_hidden_fields, shows_login_form};

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
