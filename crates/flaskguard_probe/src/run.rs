//! A probe run, start to end: reachability, the inventory (source, OpenAPI, crawl), one
//! baseline request per endpoint, the active checks, then the findings and what the
//! bounds cut.

use std::time::{Duration, Instant};

use flaskguard_report::RuleMeta;

use crate::client::{self, Cuts, Request, Response};
use crate::context::{Ctx, Hits, MAX_ERRORS, MAX_HITS_PER_CODE};
use crate::crawl::{CrawlCut, crawl, discover_openapi};
use crate::inventory::{self, Endpoint};
use crate::session::login_step;
use crate::{Options, Outcome, ProbeError, active, passive, rules};

/// Runs a probe to completion (or to its bounds).
pub fn run(opts: &Options) -> Result<Outcome, ProbeError> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| ProbeError::Setup(format!("cannot start the async runtime: {e}")))?;
    rt.block_on(run_async(opts))
}

/// One line for each thing the run's bounds cut, each counted once.
fn cut_lines(
    opts: &Options,
    cuts: &Cuts,
    crawl: &CrawlCut,
    phases: &[&str],
    errors_dropped: usize,
) -> Vec<String> {
    let limits = &opts.limits;
    let mut lines = Vec::new();
    let mut ended = if phases.is_empty() {
        String::new()
    } else {
        format!("; ended early: {}", phases.join(", "))
    };
    if cuts.budget > 0 {
        lines.push(format!(
            "cut: --budget {} spent; {} more requests refused{}",
            limits.budget,
            cuts.budget,
            std::mem::take(&mut ended)
        ));
    }
    if cuts.deadline > 0 {
        lines.push(format!(
            "cut: --max-time {} s reached; {} requests stopped or refused{}",
            limits.deadline.as_secs_f64(),
            cuts.deadline,
            std::mem::take(&mut ended)
        ));
    }
    if !ended.is_empty() {
        lines.push(format!("cut: the request budget or time limit{ended}"));
    }
    if cuts.bodies > 0 {
        lines.push(format!(
            "cut: --max-body {} bytes; {} response bodies truncated (first: {})",
            limits.max_body,
            cuts.bodies,
            cuts.first_body.as_deref().unwrap_or("?")
        ));
    }
    if cuts.offsite_redirects > 0 {
        lines.push(format!(
            "cut: {} redirects to another origin not followed (first: {})",
            cuts.offsite_redirects,
            cuts.first_offsite_redirect.as_deref().unwrap_or("?")
        ));
    }
    if cuts.offsite_requests > 0 {
        lines.push(format!(
            "cut: {} requests for another origin not sent (first: {})",
            cuts.offsite_requests,
            cuts.first_offsite_request.as_deref().unwrap_or("?")
        ));
    }
    if cuts.cookies > 0 {
        lines.push(format!(
            "cut: {} cookies set by the app not kept (the jar keeps {} of at most {} bytes each)",
            cuts.cookies,
            client::MAX_COOKIES,
            client::MAX_COOKIE_BYTES
        ));
    }
    lines.extend(crawl.line(opts.crawl_pages));
    if errors_dropped > 0 {
        lines.push(format!(
            "cut: {errors_dropped} more problems not listed (the first {MAX_ERRORS} are)"
        ));
    }
    lines
}

async fn run_async(opts: &Options) -> Result<Outcome, ProbeError> {
    let started = Instant::now();
    let ctx = Ctx::new(opts)
        .map_err(ProbeError::Setup)?
        .observing(crate::passive::check);
    // Reachability first: a clean one-line error when nothing answers.
    let first = match ctx.client.send(Request::get(opts.target.clone())).await {
        Ok(r) => r,
        Err(e) => {
            return Err(ProbeError::Unreachable(format!(
                "cannot reach {}: {e}",
                opts.target
            )));
        }
    };
    let progress = Progress::start(&ctx, opts.progress);
    passive::check(&ctx, &first);
    passive::site(&ctx, &first).await;
    // Logged in, the crawl starts from the page the user sees then (a site behind a
    // login answers the first request with a redirect to its login form).
    let mut logged_in: Option<Response> = None;
    if let Some(login) = &opts.login
        && login_step(&ctx, login).await
    {
        let mut url = opts.target.clone();
        for _ in 0..4 {
            let Ok(r) = ctx.client.send(Request::get(url.clone())).await else {
                break;
            };
            let next = r.location().filter(|u| ctx.client.in_scope(u));
            logged_in = Some(r);
            match next {
                Some(u) => url = u,
                None => break,
            }
        }
    }

    // Inventory.
    let mut endpoints = inventory::from_seed(&opts.seed);
    if let Some(doc) = &opts.openapi {
        match inventory::from_openapi(doc) {
            Ok(mut e) => endpoints.append(&mut e),
            Err(e) => ctx.error(format!("--openapi: {e}")),
        }
    }
    let mut crawl_cut = CrawlCut::default();
    if opts.crawl {
        let firsts: Vec<&Response> = std::iter::once(&first).chain(&logged_in).collect();
        let (mut crawled, cut) = crawl(&ctx, &firsts).await;
        crawl_cut = cut;
        endpoints.append(&mut crawled);
        // An API that publishes its OpenAPI document (flasgger, flask-smorest, apispec).
        if opts.openapi.is_none() {
            endpoints.append(&mut discover_openapi(&ctx).await);
        }
    }
    let endpoints = inventory::merge(endpoints);
    // The routes the source or an OpenAPI document names, then the crawled pages none of
    // them matches: a crawled `/notes/2` is a page of `/notes/<int:note_id>`.
    let known: Vec<String> = endpoints
        .iter()
        .filter(|e| e.from != "crawl")
        .map(|e| e.template.clone())
        .collect();
    ctx.learn_templates(known.clone());
    let unmatched = endpoints.iter().filter(|e| {
        e.from == "crawl"
            && matches!(ctx.route_for(&e.method, &e.template),
                crate::finding::Scope::Route { rule, .. } if rule == e.template)
    });
    ctx.learn_templates(
        known
            .into_iter()
            .chain(unmatched.map(|e| e.template.clone()))
            .collect(),
    );
    progress.set_message(format!("{} endpoints", endpoints.len()));

    // Passive: one baseline request per endpoint that is safe to repeat.
    for (i, e) in endpoints.iter().enumerate() {
        if e.method != "GET" {
            continue;
        }
        match ctx.send(e.request(ctx.client.base(), None)).await {
            Ok(resp) => {
                if let Ok(mut s) = ctx.statuses.lock() {
                    s.push((
                        i,
                        resp.status,
                        resp.header("www-authenticate").map(str::to_string),
                    ));
                }
                passive::cors(&ctx, e).await;
            }
            Err(e) if e.is_exhausted() => {
                ctx.cut_short("the baseline requests");
                break;
            }
            Err(_) => {}
        }
    }

    if opts.active {
        active::run(&ctx, &endpoints).await;
    }
    progress.finish();

    let Hits {
        list: hits,
        dropped: hits_dropped,
        ..
    } = ctx.hits.into_inner().unwrap_or_default();
    let mut rules: Vec<RuleMeta> = Vec::new();
    let origin = opts.target.origin().ascii_serialization();
    let findings = hits
        .into_iter()
        .map(|h| {
            if let Some(m) = rules::probe_rule(h.code)
                && !rules.iter().any(|r| r.code == m.code)
            {
                rules.push(m.meta());
            }
            h.into_finding(&origin)
        })
        .collect();
    let mut errors = ctx.errors.into_inner().unwrap_or_default();
    errors.extend(cut_lines(
        opts,
        &ctx.client.cuts(),
        &crawl_cut,
        &ctx.cut_short.into_inner().unwrap_or_default(),
        ctx.errors_dropped.into_inner(),
    ));
    for (code, n) in hits_dropped {
        errors.push(format!(
            "cut: {n} more {code} findings not listed (at most {MAX_HITS_PER_CODE} per check)"
        ));
    }
    Ok(Outcome {
        tried: ctx.tried.into_inner().unwrap_or_default(),
        findings,
        rules,
        requests: ctx.client.requests_sent(),
        elapsed: started.elapsed(),
        endpoints: endpoints.iter().map(Endpoint::label).collect(),
        errors,
    })
}

/// A progress line on stderr for runs over a second, on a terminal only.
struct Progress {
    bar: indicatif::ProgressBar,
    ticker: Option<tokio::task::JoinHandle<()>>,
}

impl Progress {
    fn start(ctx: &Ctx<'_>, enabled: bool) -> Progress {
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(ctx.client.limits().budget as u64),
            indicatif::ProgressDrawTarget::hidden(),
        );
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{spinner} probing {pos}/{len} requests · {elapsed} · {msg}",
        ) {
            bar.set_style(style);
        }
        let ticker = enabled.then(|| {
            let bar = bar.clone();
            let sent = ctx.client.sent_counter();
            tokio::spawn(async move {
                tokio::time::sleep(Duration::from_secs(1)).await;
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                loop {
                    bar.set_position(sent.load(std::sync::atomic::Ordering::Relaxed) as u64);
                    bar.tick();
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            })
        });
        Progress { bar, ticker }
    }

    fn set_message(&self, msg: String) {
        self.bar.set_message(msg);
    }

    fn finish(self) {
        if let Some(t) = self.ticker {
            t.abort();
        }
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::cut_lines;
    use crate::Options;
    use crate::client::Cuts;
    use crate::crawl::CrawlCut;

    #[test]
    fn each_bound_that_cut_is_one_line() {
        let opts = Options::new(url::Url::parse("http://127.0.0.1:5000/").unwrap());
        let none = cut_lines(&opts, &Cuts::default(), &CrawlCut::default(), &[], 0);
        assert!(none.is_empty(), "{none:?}");
        let cuts = Cuts {
            budget: 7,
            bodies: 2,
            first_body: Some("GET /big".to_string()),
            ..Cuts::default()
        };
        let lines = cut_lines(&opts, &cuts, &CrawlCut::default(), &["the crawl"], 3);
        assert_eq!(
            lines,
            [
                "cut: --budget 3000 spent; 7 more requests refused; ended early: the crawl",
                "cut: --max-body 1048576 bytes; 2 response bodies truncated (first: GET /big)",
                "cut: 3 more problems not listed (the first 50 are)",
            ]
        );
        // A phase cut short with no request refused still says so.
        let lines = cut_lines(
            &opts,
            &Cuts::default(),
            &CrawlCut::default(),
            &["a", "b"],
            0,
        );
        assert_eq!(
            lines,
            ["cut: the request budget or time limit; ended early: a, b"]
        );
    }
}
