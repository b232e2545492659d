//! The injection plan: which attack on which input of which endpoint, in what order.
//!
//! Requests are planned per handler × input × attack class, not per URL: endpoints that
//! reach the same route with the same inputs (pages of one catch-all view) are attacked
//! once; the attacks the static findings predict for a route go first, everywhere; then
//! each class in turn over every input, so that every handler is tried with a class
//! before any is tried with the next one. A spent budget then cuts the least likely
//! attacks, not whole handlers.

use futures_util::StreamExt;
use tokio::sync::OnceCell;

use super::injection::{Attack, Shared, attack, stored_xss_sweep};
use super::oob::Oob;
use super::{Exhausted, Step, send};
use crate::client::Response;
use crate::context::Ctx;
use crate::inventory::{Endpoint, Loc, is_token_field};

/// One planned attack: endpoint (index into the targets), input (index into its
/// parameters; `None` for the body) and class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Task {
    pub target: usize,
    pub input: Option<usize>,
    pub attack: Attack,
}

/// The endpoints worth attacking, each with the rule of its route: not
/// destructive-looking, with inputs or a body, one per route and set of inputs.
pub(super) fn targets<'e>(ctx: &Ctx<'_>, endpoints: &'e [Endpoint]) -> Vec<(&'e Endpoint, String)> {
    let mut seen = std::collections::HashSet::new();
    endpoints
        .iter()
        .filter(|e| !crate::crawl::looks_destructive(&e.template))
        .filter(|e| !e.params.is_empty() || e.reads_body)
        .map(|e| (e, ctx.route_for(&e.method, &e.template).rule().to_string()))
        .filter(|(e, route)| {
            let mut inputs: Vec<(&str, &str)> = e
                .params
                .iter()
                .map(|p| (p.loc.as_str(), p.name.as_str()))
                .collect();
            inputs.sort_unstable();
            // Path parameters are part of the route: pages of one view differ in them only.
            seen.insert((
                e.method.clone(),
                route.clone(),
                format!("{inputs:?}"),
                e.reads_body,
            ))
        })
        .collect()
}

/// The attacks, in the order they are sent. `predicted(target, code)`: whether a static
/// finding on the target's route predicts what probe check `code` reports.
pub(super) fn plan(
    targets: &[&Endpoint],
    predicted: impl Fn(usize, &'static str) -> bool,
) -> Vec<Task> {
    // (predicted first, rank of the class, target, input) — a stable order.
    let mut keyed: Vec<((bool, usize), Task)> = Vec::new();
    for (t, e) in targets.iter().enumerate() {
        for (i, p) in e.params.iter().enumerate() {
            for (rank, a) in Attack::for_input(p).into_iter().enumerate() {
                keyed.push((
                    (!predicted(t, a.code()), rank),
                    Task {
                        target: t,
                        input: Some(i),
                        attack: a,
                    },
                ));
            }
        }
        if Attack::xxe_applies(e) {
            keyed.push((
                (!predicted(t, Attack::Xxe.code()), Attack::on_inputs().len()),
                Task {
                    target: t,
                    input: None,
                    attack: Attack::Xxe,
                },
            ));
        }
    }
    keyed.sort_by_key(|(k, _)| *k);
    keyed.into_iter().map(|(_, t)| t).collect()
}

/// Runs the injection plan over `endpoints` (`all` the whole inventory, for pages that
/// show what a form saved).
pub(super) async fn inject_all(
    ctx: &Ctx<'_>,
    endpoints: &[Endpoint],
    oob: Option<&Oob<'_>>,
) -> Step<()> {
    let (targets, routes): (Vec<&Endpoint>, Vec<String>) =
        targets(ctx, endpoints).into_iter().unzip();
    let predictions: std::collections::HashSet<(&str, &str)> = ctx
        .opts
        .predicted
        .iter()
        .map(|(rule, code)| (rule.as_str(), *code))
        .collect();
    let tasks = plan(&targets, |t, code| {
        predictions.contains(&(routes[t].as_str(), code))
    });
    // Each endpoint made ready when first attacked: its form's tokens read fresh (the
    // session may have changed since the crawl: logins, the logout check) and its answer
    // to its sample values.
    let ready: Vec<OnceCell<(Endpoint, Option<Response>)>> =
        targets.iter().map(|_| OnceCell::new()).collect();
    let shared = Shared {
        all: endpoints,
        oob,
        planted: std::sync::Mutex::new(Vec::new()),
        prompt_reads: std::sync::atomic::AtomicUsize::new(0),
    };
    let shared = &shared;
    let results: Vec<Step<()>> = futures_util::stream::iter(tasks)
        .map(|task| {
            let ready = &ready[task.target];
            let target = targets[task.target];
            let rule = routes[task.target].as_str();
            async move {
                crate::session::relogin_if_lost(ctx).await;
                let Ok((e, base)) = ready.get_or_try_init(|| prepare(ctx, target)).await else {
                    note(
                        ctx,
                        rule,
                        task.input.map(|i| &target.params[i]),
                        task.attack,
                        false,
                    );
                    return Err(Exhausted);
                };
                let Some(base) = base else {
                    return Ok(());
                };
                let p = task.input.map(|i| &e.params[i]);
                let result = attack(ctx, e, base, p, task.attack, shared).await;
                note(ctx, rule, p, task.attack, result.is_ok());
                result
            }
        })
        .buffer_unordered(ctx.client.limits().concurrency.max(1))
        .collect()
        .await;
    results.into_iter().collect::<Step<Vec<()>>>()?;
    stored_xss_sweep(ctx, &pages(ctx, endpoints), shared).await
}

/// The pages read again for stored XSS: GET endpoints with no body inputs, one per route,
/// at most [`MAX_SWEPT_PAGES`].
fn pages<'e>(ctx: &Ctx<'_>, endpoints: &'e [Endpoint]) -> Vec<&'e Endpoint> {
    let mut seen = std::collections::HashSet::new();
    endpoints
        .iter()
        .filter(|e| e.method == "GET" && !crate::crawl::looks_destructive(&e.template))
        .filter(|e| seen.insert(ctx.route_for(&e.method, &e.template).rule().to_string()))
        .take(MAX_SWEPT_PAGES)
        .collect()
}

const MAX_SWEPT_PAGES: usize = 60;

/// Notes that an attack on route `rule` ran to its end (`done`) or was cut by the bounds.
fn note(ctx: &Ctx<'_>, rule: &str, p: Option<&crate::inventory::Param>, a: Attack, done: bool) {
    let tried = crate::Tried {
        rule: rule.to_string(),
        code: a.code(),
        input: p.map_or_else(|| "the body".to_string(), super::param_label),
        done,
    };
    if let Ok(mut t) = ctx.tried.lock() {
        t.push(tried);
    }
}

/// The endpoint with fresh anti-CSRF tokens, and its answer to its sample values.
async fn prepare(ctx: &Ctx<'_>, e: &Endpoint) -> Step<(Endpoint, Option<Response>)> {
    let mut e = e.clone();
    // The login form with the login's own credentials: what follows a successful login
    // (its `next` redirect) runs only with them.
    if let Some(login) = &ctx.opts.login
        && e.method == "POST"
        && ctx.client.url(&e.path_with(None)).path() == login.url.path()
    {
        for (name, value) in &login.fields {
            if let Some(p) = e
                .params
                .iter_mut()
                .find(|p| p.name == *name && matches!(p.loc, Loc::Form | Loc::Json))
            {
                p.sample.clone_from(value);
            }
        }
    }
    if e.form_fields.iter().any(|(n, _)| is_token_field(n)) {
        let action = ctx.client.url(&e.path_with(None));
        for (name, value) in crate::session::hidden_fields(ctx, &action).await {
            if let Some(field) = e.form_fields.iter_mut().find(|(n, _)| *n == name) {
                field.1 = value;
            }
        }
    }
    let base = send(ctx, e.request(ctx.client.base(), None)).await?;
    Ok((e, base))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{endpoint, param};
    use super::*;

    #[test]
    fn predicted_attacks_first_then_each_class_over_every_input() {
        let a = endpoint("GET", "/a", vec![param(Loc::Query, "q")]);
        let b = endpoint("GET", "/b", vec![param(Loc::Query, "id")]);
        let targets = [&a, &b];
        // A static finding predicts SQL injection on /b.
        let tasks = plan(&targets, |t, code| t == 1 && code == "FG620");
        let order: Vec<(usize, Attack)> = tasks.iter().map(|t| (t.target, t.attack)).collect();
        assert_eq!(order[0], (1, Attack::Sql));
        // Then every input gets the first class before any gets the second.
        assert_eq!(
            &order[1..5],
            &[
                (0, Attack::Header),
                (1, Attack::Header),
                (0, Attack::Xss),
                (1, Attack::Xss),
            ]
        );
        // Every applicable attack is planned once; uploads and XXE are not an input's.
        assert_eq!(tasks.len(), 2 * Attack::on_inputs().len());
        assert!(
            !Attack::on_inputs().contains(&Attack::Upload)
                && !Attack::on_inputs().contains(&Attack::Xxe)
        );
        // Uploads get the upload attack; names of inputs no deserialization.
        let f = endpoint(
            "POST",
            "/up",
            vec![param(Loc::File, "doc"), param(Loc::QueryName, "*")],
        );
        let kinds: Vec<Attack> = plan(&[&f], |_, _| false).iter().map(|t| t.attack).collect();
        assert!(kinds.contains(&Attack::Upload) && !kinds.contains(&Attack::Deserialization));
    }
}
