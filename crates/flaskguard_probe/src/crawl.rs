//! The crawl: links and forms followed on the origin, breadth first and bounded, and the
//! usual places of a published OpenAPI document.

use std::collections::{HashMap, HashSet, VecDeque};

use url::Url;

use crate::client::{Request, Response};
use crate::context::Ctx;
use crate::inventory::{self, Endpoint};

/// At most this many endpoints are learnt from crawled links (and no more than the budget,
/// as each costs a request): an inventory that a page of generated links cannot swell.
pub(crate) const MAX_CRAWLED_ENDPOINTS: usize = 10_000;

/// Links the crawl left alone, and why.
#[derive(Debug, Default)]
pub(crate) struct CrawlCut {
    /// Distinct paths, up to [`MAX_CRAWLED_ENDPOINTS`]; past that, `more` counts links.
    paths: HashSet<String>,
    more: usize,
    /// The page limit left them.
    page_limit: bool,
    /// The endpoint cap (this many) left them.
    endpoint_cap: Option<usize>,
    /// The budget or the time limit ended the crawl.
    exhausted: bool,
}

impl CrawlCut {
    fn drop_link(&mut self, path: &str) {
        if self.paths.len() < MAX_CRAWLED_ENDPOINTS {
            self.paths.insert(path.to_string());
        } else if !self.paths.contains(path) {
            self.more += 1;
        }
    }

    fn links(&self) -> usize {
        self.paths.len() + self.more
    }

    /// The line that reports the links left alone (crawl at most `pages` pages), if any.
    pub(crate) fn line(&self, pages: usize) -> Option<String> {
        if self.links() == 0 {
            return None;
        }
        let mut why = Vec::new();
        if self.page_limit {
            why.push(format!("the crawl stops at {pages} pages"));
        }
        if let Some(cap) = self.endpoint_cap {
            why.push(format!("at most {cap} endpoints are learnt from links"));
        }
        if self.exhausted {
            why.push("the request budget or time limit ended the crawl".to_string());
        }
        Some(format!(
            "cut: {}{} links not crawled ({})",
            if self.more > 0 { "over " } else { "" },
            self.paths.len(),
            why.join("; ")
        ))
    }
}

/// Follows links and forms on the origin from the `first` pages (the target as an
/// anonymous visitor sees it, and as the logged-in user does), breadth first, up to the
/// page limit; returns the endpoints learnt and what was left alone.
pub(crate) async fn crawl(ctx: &Ctx<'_>, first: &[&Response]) -> (Vec<Endpoint>, CrawlCut) {
    let mut crawler = Crawler {
        ctx,
        out: Vec::new(),
        by_path: HashMap::new(),
        forms: HashMap::new(),
        seen: first.iter().map(|r| r.url.path().to_string()).collect(),
        queue: VecDeque::new(),
        cap: ctx.client.limits().budget.clamp(1, MAX_CRAWLED_ENDPOINTS),
        cut: CrawlCut::default(),
    };
    for page in first {
        crawler.handle(page);
    }
    let mut pages = 0usize;
    while let Some(url) = crawler.queue.pop_front() {
        if pages >= ctx.opts.crawl_pages {
            crawler.cut.page_limit = true;
            crawler.cut.drop_link(url.path());
            break;
        }
        pages += 1;
        match ctx.send(Request::get(url.clone())).await {
            Ok(resp) => {
                if resp.status == 200
                    && let Ok(mut c) = ctx.crawled.lock()
                {
                    c.push(url.path().to_string());
                }
                crawler.handle(&resp);
            }
            Err(e) if e.is_exhausted() => {
                ctx.cut_short("the crawl");
                crawler.cut.exhausted = true;
                crawler.cut.drop_link(url.path());
                break;
            }
            Err(_) => {}
        }
    }
    let Crawler {
        out,
        queue,
        mut cut,
        ..
    } = crawler;
    for url in queue {
        cut.drop_link(url.path());
    }
    (out, cut)
}

/// The state of a crawl, bounded: at most `cap` endpoints from links, and no more pages
/// queued than the page limit lets it fetch.
struct Crawler<'c, 'o> {
    ctx: &'c Ctx<'o>,
    out: Vec<Endpoint>,
    /// The index in `out` of the endpoint of each linked path.
    by_path: HashMap<String, usize>,
    /// The index in `out` of the endpoint of each form (`(method, action path)`).
    forms: HashMap<(String, String), usize>,
    /// Paths queued or fetched.
    seen: HashSet<String>,
    queue: VecDeque<Url>,
    cap: usize,
    cut: CrawlCut,
}

impl Crawler<'_, '_> {
    fn handle(&mut self, resp: &Response) {
        if !resp.is_html() {
            return;
        }
        let ctx = self.ctx;
        let page = inventory::parse_html(&resp.text());
        for link in page.links {
            let Ok(mut url) = resp.url.join(&link) else {
                continue;
            };
            url.set_fragment(None);
            if !ctx.client.in_scope(&url) || looks_destructive(url.path()) {
                continue;
            }
            let path = url.path();
            if let Some(&i) = self.by_path.get(path) {
                // A path known already: new query parameters only.
                if url.query().is_some() {
                    let known = &mut self.out[i];
                    for p in inventory::from_link(&url).params {
                        if !known
                            .params
                            .iter()
                            .any(|q| q.loc == p.loc && q.name == p.name)
                        {
                            known.params.push(p);
                        }
                    }
                }
            } else if self.by_path.len() < self.cap {
                self.by_path.insert(path.to_string(), self.out.len());
                self.out.push(inventory::from_link(&url));
            } else {
                self.cut.endpoint_cap = Some(self.cap);
                self.cut.drop_link(path);
                continue;
            }
            if self.seen.contains(path) {
                continue;
            }
            // The first page is not one of the crawled pages.
            if self.seen.len() <= ctx.opts.crawl_pages {
                self.seen.insert(path.to_string());
                self.queue.push_back(url);
            } else {
                self.cut.page_limit = true;
                self.cut.drop_link(path);
            }
        }
        for form in &page.forms {
            if let Some((action, e)) = inventory::from_form(&resp.url, form)
                && ctx.client.in_scope(&action)
            {
                let key = (e.method.clone(), e.template.clone());
                if let Some(&i) = self.forms.get(&key) {
                    // As `inventory::merge` would: the union of fields.
                    let known = &mut self.out[i];
                    for p in e.params {
                        if !known
                            .params
                            .iter()
                            .any(|q| q.loc == p.loc && q.name == p.name)
                        {
                            known.params.push(p);
                        }
                    }
                    for f in e.form_fields {
                        if !known.form_fields.contains(&f) {
                            known.form_fields.push(f);
                        }
                    }
                } else if self.forms.len() < self.cap {
                    self.forms.insert(key, self.out.len());
                    self.out.push(e);
                }
            }
        }
    }
}

/// The usual places of a published OpenAPI document; the first valid one is used.
pub(crate) async fn discover_openapi(ctx: &Ctx<'_>) -> Vec<Endpoint> {
    for path in [
        "/openapi.json",
        "/swagger.json",
        "/apispec_1.json",
        "/api/openapi.json",
        "/api/swagger.json",
        "/static/swagger.json",
    ] {
        let Ok(resp) = ctx.send(Request::get(ctx.client.url(path))).await else {
            continue;
        };
        if !resp.is_success() {
            continue;
        }
        let Ok(doc) = serde_json::from_slice::<serde_json::Value>(&resp.body) else {
            continue;
        };
        if doc.get("openapi").is_none() && doc.get("swagger").is_none() {
            continue;
        }
        if let Ok(found) = inventory::from_openapi(&doc) {
            return found;
        }
    }
    Vec::new()
}

/// Links a crawler must not follow: they log out or delete.
pub(crate) fn looks_destructive(path: &str) -> bool {
    let p = path.to_ascii_lowercase();
    [
        "logout", "log-out", "signout", "sign-out", "delete", "remove", "destroy", "reset",
    ]
    .iter()
    .any(|w| p.contains(w))
}

#[cfg(test)]
mod tests {
    use super::{CrawlCut, looks_destructive};

    #[test]
    fn links_that_log_out_or_delete_are_not_followed() {
        for p in [
            "/logout",
            "/auth/Sign-Out",
            "/items/3/delete",
            "/password/reset",
        ] {
            assert!(looks_destructive(p), "{p}");
        }
        for p in ["/", "/items/3", "/login", "/settings"] {
            assert!(!looks_destructive(p), "{p}");
        }
    }

    #[test]
    fn links_left_alone_are_counted_once_and_explained() {
        let mut cut = CrawlCut::default();
        assert_eq!(cut.line(60), None);
        cut.drop_link("/a");
        cut.drop_link("/a");
        cut.drop_link("/b");
        cut.page_limit = true;
        cut.exhausted = true;
        assert_eq!(
            cut.line(60).as_deref(),
            Some(
                "cut: 2 links not crawled (the crawl stops at 60 pages; the request budget or time limit ended the crawl)"
            )
        );
        cut.more = 5;
        cut.endpoint_cap = Some(100);
        assert_eq!(
            cut.line(60).as_deref(),
            Some(
                "cut: over 2 links not crawled (the crawl stops at 60 pages; at most 100 endpoints are learnt from links; the request budget or time limit ended the crawl)"
            )
        );
    }
}
