//! Object access across users (FG613): the pages of one user's objects, requested with a
//! second user's session. GET requests only.
//!
//! An object page is a crawled page whose route has a variable (`/notes/<int:note_id>`,
//! or, without the source, a path with a number or UUID segment). The second user's own
//! pages say which objects are theirs and what an object page of that route shows for
//! anyone (the layout, the user's name). A first user's object page the second user was
//! never offered is requested with the second user's session; it is reported when it
//! answers with the text that set the first user's object apart from the second user's
//! page of the same route, and does not answer so without any session (a public page).
//!
//! When that page holds a form that posts back to the object (an edit form, pre-filled
//! with the first user's object), the second user submits it exactly as shown: nothing
//! changes, but the answer says whether the write was let through. It is reported when it
//! answers as the second user's submission of their own object's form does (the same
//! redirect), and the page it leads to does not say the write was refused.

use std::collections::{BTreeMap, HashSet};

use flaskguard_report::Severity;
use url::Url;

use super::identity::Identity;
use super::{Step, report, send};
use crate::Login;
use crate::client::{Request, Response};
use crate::context::Ctx;
use crate::finding::Scope;
use crate::inventory::{self, Endpoint};

/// At most this many of the first user's object pages are requested per route, and this
/// many routes.
const PAGES_PER_ROUTE: usize = 4;
const MAX_ROUTES: usize = 12;
/// At most this many of the second user's pages are read to learn what is theirs.
const SECOND_USER_PAGES: usize = 30;

/// Words of a page that turns a write away (a flash message after the redirect).
const REFUSALS: &[&str] = &[
    "not allowed",
    "not authorized",
    "not authorised",
    "unauthorized",
    "permission",
    "forbidden",
    "denied",
    "not your",
    "not found",
];

/// The route an object page belongs to: its rule when the source names one with a
/// variable, else the path with its number and UUID segments as variables.
fn object_route(ctx: &Ctx<'_>, path: &str) -> Option<String> {
    if let Scope::Route { rule, .. } = ctx.route_for("GET", path)
        && rule.contains('<')
    {
        return Some(rule);
    }
    let mut changed = false;
    let shape: Vec<&str> = path
        .split('/')
        .map(|s| {
            let id = !s.is_empty()
                && (s.bytes().all(|b| b.is_ascii_digit())
                    || (s.len() == 36 && s.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-')));
            changed |= id;
            if id { "<id>" } else { s }
        })
        .collect();
    changed.then(|| shape.join("/"))
}

/// The text lines of a page (tags dropped), trimmed, of at least four characters.
fn text_lines(html: &str) -> HashSet<String> {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                text.push('\n');
            }
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.lines()
        .map(str::trim)
        .filter(|l| l.chars().count() >= 4)
        .map(str::to_string)
        .collect()
}

/// Whether a page answered with content (not a redirect, an error or a login form).
fn shows_content(resp: &Response, login: &Login) -> bool {
    resp.status == 200 && !crate::session::shows_login_form(resp, &login.url)
}

pub(super) async fn cross_user(ctx: &Ctx<'_>, endpoints: &[Endpoint]) -> Step<()> {
    let (Some(login), Some(second)) = (&ctx.opts.login, &ctx.opts.second_login) else {
        return Ok(());
    };
    // The first user's object pages, by route.
    let mut first: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let crawled = ctx.crawled.lock().map(|c| c.clone()).unwrap_or_default();
    for path in crawled {
        if let Some(route) = object_route(ctx, &path) {
            let pages = first.entry(route).or_default();
            if pages.len() < PAGES_PER_ROUTE && !pages.contains(&path) {
                pages.push(path);
            }
        }
    }
    if first.is_empty() {
        return Ok(());
    }
    let mut other = Identity::default();
    if !other.log_in(ctx, second).await? {
        ctx.error(format!(
            "the second login at {} failed (--second-login-field): object access across \
             users was not checked",
            second.url
        ));
        return Ok(());
    }
    // The second user's pages: the objects offered to them, and how an object page of
    // theirs looks (at most two read per route).
    let mut offered: HashSet<String> = HashSet::new();
    let mut own: BTreeMap<String, Response> = BTreeMap::new();
    let mut own_tries: BTreeMap<String, usize> = BTreeMap::new();
    let mut queue: std::collections::VecDeque<String> =
        std::collections::VecDeque::from(["/".to_string()]);
    queue.extend(
        endpoints
            .iter()
            .filter(|e| e.method == "GET" && e.params.is_empty() && !e.template.contains('<'))
            .map(|e| e.template.clone()),
    );
    let mut fetched: HashSet<String> = HashSet::new();
    while let Some(path) = queue.pop_front() {
        if fetched.len() >= SECOND_USER_PAGES {
            break;
        }
        let route = object_route(ctx, &path);
        if let Some(r) = &route {
            let tries = own_tries.entry(r.clone()).or_default();
            if own.contains_key(r) || *tries >= 2 {
                continue;
            }
            *tries += 1;
        }
        if !fetched.insert(path.clone()) || crate::crawl::looks_destructive(&path) {
            continue;
        }
        let Some(resp) = other.get(ctx, ctx.client.url(&path)).await? else {
            continue;
        };
        if !shows_content(&resp, second) {
            continue;
        }
        for link in inventory::parse_html(&resp.text()).links {
            if let Ok(u) = resp.url.join(&link)
                && ctx.client.in_scope(&u)
                && u.query().is_none()
                && offered.insert(u.path().to_string())
            {
                queue.push_back(u.path().to_string());
            }
        }
        if let Some(r) = route {
            own.insert(r, resp);
        }
    }
    for (route, pages) in first.iter().take(MAX_ROUTES) {
        // Only routes of per-user objects: the second user has pages of their own there.
        let Some(theirs) = own.get(route) else {
            continue;
        };
        let theirs = text_lines(&theirs.text());
        for path in pages.iter().filter(|p| !offered.contains(*p)) {
            let url = ctx.client.url(path);
            let Some(mine) = send(ctx, Request::new("GET", url.clone())).await? else {
                continue;
            };
            if !shows_content(&mine, login) {
                continue;
            }
            // What sets this object apart from any object page of the route.
            let apart: Vec<String> = text_lines(&mine.text())
                .into_iter()
                .filter(|l| !theirs.contains(l))
                .filter(|l| !login.fields.iter().any(|(_, v)| l.contains(v.as_str())))
                .collect();
            if apart.is_empty() {
                continue;
            }
            let Some(crossed) = other.get(ctx, url.clone()).await? else {
                continue;
            };
            if !shows_content(&crossed, second) {
                continue;
            }
            let crossed_text = text_lines(&crossed.text());
            let shown: Vec<&String> = apart.iter().filter(|l| crossed_text.contains(*l)).collect();
            if shown.is_empty() || shown.len() * 2 < apart.len() {
                continue;
            }
            // A page anyone may read is no one's object.
            let Some(anonymous) = send(ctx, Request::new("GET", url).without_jar()).await? else {
                continue;
            };
            if anonymous.status == 200
                && shown
                    .iter()
                    .all(|l| text_lines(&anonymous.text()).contains(*l))
            {
                continue;
            }
            let e = inventory::from_link(&ctx.client.url(path));
            let sample = crate::redact::redact(shown[0]);
            let sample: String = sample.chars().take(80).collect();
            report(
                ctx,
                "FG613",
                Severity::High,
                &e,
                None,
                format!("Another user's session reads this object ({route})"),
                &crossed,
                &format!(
                    "`GET {path}`, linked from the first user's pages, answers the second \
                     user's session with the object's own text (\"{sample}\"); the second \
                     user's pages never link it, and without a session it is refused"
                ),
                None,
            );
            if let Some(own_page) = own.get(route) {
                write_back(ctx, &mut other, route, own_page, &crossed).await?;
            }
            break;
        }
    }
    Ok(())
}

/// The form of an object page that posts back to an object of `route`, with what a
/// browser submits for it as shown. `None` when the page has no such form, or the form
/// deletes, changes a password or uploads (nothing is submitted there).
fn edit_form(ctx: &Ctx<'_>, route: &str, page: &Response) -> Option<(Url, Vec<(String, String)>)> {
    inventory::parse_html(&page.text())
        .forms
        .into_iter()
        .filter(|f| f.method == "POST")
        .find_map(|f| {
            let action = page.url.join(f.action.as_deref().unwrap_or("")).ok()?;
            let ok = ctx.client.in_scope(&action)
                && object_route(ctx, action.path()).as_deref() == Some(route)
                && !crate::crawl::looks_destructive(action.path())
                && f.fields.iter().any(|(_, t, _)| t != "hidden")
                && !f
                    .fields
                    .iter()
                    .any(|(_, t, _)| t == "password" || t == "file");
            let fields = f
                .fields
                .iter()
                .zip(&f.shown)
                .filter_map(|((n, _, _), v)| Some((n.clone(), v.clone()?)))
                .collect();
            ok.then_some((action, fields))
        })
}

/// What the app answered to a form submitted unchanged.
struct Submitted {
    /// Where the form posts.
    action: Url,
    /// Where the answer sends the browser, as an object route.
    shape: String,
    /// The text of the page it leads to (lower case).
    text: String,
    answer: Response,
}

/// Submits `identity`'s form of `page` unchanged.
async fn submit_unchanged(
    ctx: &Ctx<'_>,
    identity: &mut Identity,
    route: &str,
    page: &Response,
) -> Step<Option<Submitted>> {
    let Some((action, fields)) = edit_form(ctx, route, page) else {
        return Ok(None);
    };
    let Some(answer) = identity
        .send(ctx, Request::new("POST", action.clone()).form(&fields))
        .await?
    else {
        return Ok(None);
    };
    let Some(next) = answer.location().filter(|u| ctx.client.in_scope(u)) else {
        return Ok(None);
    };
    let shape = object_route(ctx, next.path()).unwrap_or_else(|| next.path().to_string());
    let text = match identity.get(ctx, next).await? {
        Some(r) => r.text().to_ascii_lowercase(),
        None => String::new(),
    };
    Ok(Some(Submitted {
        action,
        shape,
        text,
        answer,
    }))
}

/// The write side of an object readable across users: the second user submits the first
/// user's edit form (`crossed`, as served to the second user) without changing a value.
async fn write_back(
    ctx: &Ctx<'_>,
    other: &mut Identity,
    route: &str,
    own_page: &Response,
    crossed: &Response,
) -> Step<()> {
    let Some(second) = &ctx.opts.second_login else {
        return Ok(());
    };
    let Some(foreign) = submit_unchanged(ctx, other, route, crossed).await? else {
        return Ok(());
    };
    // How the app answers a write it lets through: the second user's own object.
    let Some(own) = submit_unchanged(ctx, other, route, own_page).await? else {
        return Ok(());
    };
    let refused = REFUSALS
        .iter()
        .any(|w| foreign.text.contains(w) && !own.text.contains(w));
    if foreign.shape != own.shape || refused || foreign.shape == second.url.path() {
        return Ok(());
    }
    let path = foreign.action.path();
    let e = Endpoint {
        method: "POST".to_string(),
        reads_body: true,
        ..inventory::from_link(&foreign.action)
    };
    report(
        ctx,
        "FG613",
        Severity::High,
        &e,
        None,
        format!("Another user's session writes this object ({route})"),
        &foreign.answer,
        &format!(
            "the second user submitted the first user's form to `POST {path}` with every \
             value unchanged: the app answered as it does to the second user's own object \
             (a redirect to `{}`), not with a refusal",
            foreign.shape
        ),
        None,
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::text_lines;

    #[test]
    fn page_text_is_read_line_by_line_without_tags() {
        let lines = text_lines("<h1>Note 3</h1><p>Server password\nhunter2</p><b>ok</b>");
        assert!(lines.contains("Note 3"));
        assert!(lines.contains("Server password"));
        assert!(lines.contains("hunter2"));
        assert!(!lines.contains("ok"));
    }
}
