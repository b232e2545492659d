//! A session of the probe's own beside the run's: a second user, or a visitor who is not
//! signed in (default accounts are tried at a login page as such a visitor sees it).

use url::Url;

use super::{Step, send};
use crate::Login;
use crate::client::{Request, Response};
use crate::context::Ctx;
use crate::cookies::SetCookie;

/// A session of its own: cookies (and a bearer token) kept apart from the run's.
#[derive(Default)]
pub(super) struct Identity {
    cookies: Vec<(String, String)>,
    bearer: Option<String>,
}

impl Identity {
    pub(super) async fn get(&mut self, ctx: &Ctx<'_>, url: Url) -> Step<Option<Response>> {
        self.send(ctx, Request::new("GET", url)).await
    }

    pub(super) async fn send(&mut self, ctx: &Ctx<'_>, req: Request) -> Step<Option<Response>> {
        let mut req = req.without_jar();
        if !self.cookies.is_empty() {
            let header = self
                .cookies
                .iter()
                .map(|(n, v)| format!("{n}={v}"))
                .collect::<Vec<_>>()
                .join("; ");
            req = req.header("Cookie", &header);
        }
        if let Some(token) = &self.bearer {
            req = req.header("Authorization", &format!("Bearer {token}"));
        }
        let resp = send(ctx, req).await?;
        if let Some(r) = &resp {
            for c in r.headers_named("set-cookie").filter_map(SetCookie::parse) {
                crate::client::keep_cookie(&mut self.cookies, c);
            }
        }
        Ok(resp)
    }

    /// The hidden fields (form tokens) of this session's form that posts to `action`,
    /// from the page at `action`, else the home page (as [`crate::session::hidden_fields`]
    /// for the run's session).
    pub(super) async fn hidden_fields(
        &mut self,
        ctx: &Ctx<'_>,
        action: &Url,
    ) -> Step<Vec<(String, String)>> {
        let mut page = self
            .get(ctx, action.clone())
            .await?
            .filter(|p| p.is_html() && p.is_success());
        if page.is_none() {
            page = self
                .get(ctx, ctx.client.base().clone())
                .await?
                .filter(Response::is_html);
        }
        Ok(page.map_or_else(Vec::new, |p| {
            crate::session::form_hidden_fields(&p.text(), &p.url, action.path())
        }))
    }

    /// Logs in with `login`'s form (or JSON); whether the app accepted it.
    pub(super) async fn log_in(&mut self, ctx: &Ctx<'_>, login: &Login) -> Step<bool> {
        let hidden = if login.json {
            Vec::new()
        } else {
            // The login page first: this session's own form tokens.
            let page = self.get(ctx, login.url.clone()).await?;
            page.map_or_else(Vec::new, |p| {
                crate::session::form_hidden_fields(&p.text(), &p.url, login.url.path())
            })
        };
        let req = crate::session::login_request(login, hidden);
        let Some(mut resp) = self.send(ctx, req).await? else {
            return Ok(false);
        };
        if resp.status >= 400 {
            return Ok(false);
        }
        if login.json {
            self.bearer = crate::session::token_in(&resp.text());
            return Ok(true);
        }
        // Where the login sends the browser: its own form again means refused.
        if let Some(next) = resp.location().filter(|u| ctx.client.in_scope(u)) {
            match self.get(ctx, next).await? {
                Some(r) => resp = r,
                None => return Ok(false),
            }
        }
        if crate::session::shows_login_form(&resp, &login.url) {
            return Ok(false);
        }
        // The token API's token for the same account (as for the first user).
        for req in crate::session::token_requests(ctx, login) {
            if let Some(r) = self.send(ctx, req).await?
                && r.is_success()
                && let Some(t) = crate::session::token_in(&r.text())
            {
                self.bearer = Some(t);
                break;
            }
        }
        Ok(true)
    }
}
