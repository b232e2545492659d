//! Out-of-band checks: SSRF and XXE, proven by a request to flaskguard's own canary on
//! 127.0.0.1 (or, for XXE, a known system file in the answer).

use std::time::Duration;

use flaskguard_report::Severity;

use super::{Step, attempt, marker, param_label, report, send, shows_passwd};
use crate::canary::Canary;
use crate::client::Request;
use crate::context::{Ctx, Hit, evidence};
use crate::inventory::{Endpoint, Param};

/// Out-of-band probes: the canary and the hits it would prove, checked at once and again
/// at the end (an app may fetch in the background).
pub(super) struct Oob<'c> {
    canary: &'c Canary,
    pending: std::sync::Mutex<Vec<(String, Hit)>>,
}

impl<'c> Oob<'c> {
    pub(super) fn new(canary: &'c Canary) -> Self {
        Oob {
            canary,
            pending: std::sync::Mutex::new(Vec::new()),
        }
    }

    /// Reports `hit` if the canary saw `token`, now or by the final sweep.
    async fn expect(&self, ctx: &Ctx<'_>, token: String, hit: Hit) {
        if self.canary.saw(&token, Duration::ZERO).await {
            ctx.report(hit);
        } else if let Ok(mut p) = self.pending.lock() {
            p.push((token, hit));
        }
    }

    /// Reports what the canary saw late; the rest never happened.
    pub(super) async fn sweep(&self, ctx: &Ctx<'_>) {
        let pending = self
            .pending
            .lock()
            .map(|mut p| std::mem::take(&mut *p))
            .unwrap_or_default();
        if pending.is_empty() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
        for (token, hit) in pending {
            if self.canary.saw(&token, Duration::ZERO).await {
                ctx.report(hit);
            }
        }
    }
}

/// The canary URLs for `token` an input with `sample` is given: the plain URL; one that
/// keeps the sample's path and host (past a check for a file extension or an allowed
/// name in the URL); and, when the sample has no scheme, host and port alone (the app
/// builds the URL around them, the query swallows the rest).
fn ssrf_payloads(canary: &str, sample: &str) -> Vec<String> {
    let mut out = vec![canary.to_string()];
    if let Ok(u) = url::Url::parse(sample)
        && matches!(u.scheme(), "http" | "https")
        && let Some(host) = u.host_str()
    {
        let path = u.path().trim_start_matches('/');
        // (The sample's query too: it may hold a text the app requires in the URL.)
        let mimic = match u.query() {
            Some(q) if !q.is_empty() => format!("{canary}/{path}?{q}&host={host}"),
            _ => format!("{canary}/{path}?host={host}"),
        };
        if mimic != out[0] {
            out.push(mimic);
        }
    } else if !sample.contains("://")
        && !sample.is_empty()
        && sample
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-:/".contains(c))
        && sample.contains('.')
    {
        out.push(format!("{}?x=", canary.trim_start_matches("http://")));
    }
    out
}

pub(super) async fn ssrf(ctx: &Ctx<'_>, e: &Endpoint, p: &Param, oob: &Oob<'_>) -> Step<()> {
    let token = format!("fg-ssrf-{}", marker());
    let canary = oob.canary.url(&token);
    let mut last = None;
    for url in ssrf_payloads(&canary, &p.sample) {
        let Some(resp) = attempt(ctx, e, p, &url).await? else {
            return Ok(());
        };
        let seen = oob.canary.saw(&token, Duration::ZERO).await;
        last = Some(resp);
        if seen {
            break;
        }
    }
    let Some(resp) = last else {
        return Ok(());
    };
    let hit = Hit {
        code: "FG625",
        severity: Severity::High,
        message: format!("SSRF: the app fetches the URL given in {}", param_label(p)),
        scope: ctx.route_for(&e.method, &e.template),
        cookie: None,
        path: e.path_with(None),
        param: Some(param_label(p)),
        evidence: evidence(
            &resp,
            &format!(
                "flaskguard's canary on 127.0.0.1:{} received `/{token}`",
                oob.canary.port
            ),
            None,
        ),
    };
    oob.expect(ctx, token, hit).await;
    Ok(())
}

/// An XML document whose only content is an external entity for `uri`.
pub(super) fn xml_with_entity(uri: &str) -> String {
    format!("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"{uri}\">]>\n<r>&x;</r>")
}

pub(super) async fn xxe(ctx: &Ctx<'_>, e: &Endpoint, oob: &Oob<'_>) -> Step<()> {
    let token = format!("fg-xxe-{}", marker());
    let url = oob.canary.url(&token);
    // Over the network (the canary) and from the file system (libxml2 2.13+ has no HTTP).
    for (entity, file) in [(url.as_str(), false), ("file:///etc/passwd", true)] {
        let doc = xml_with_entity(entity);
        let req = Request::new(&e.method, ctx.client.url(&e.path_with(None)))
            .raw("application/xml", doc.into_bytes());
        let Some(resp) = send(ctx, req).await? else {
            return Ok(());
        };
        let message =
            "XXE: the XML parser resolves external entities named in the request body".to_string();
        if file {
            if shows_passwd(&resp.text()) {
                report(
                    ctx,
                    "FG626",
                    Severity::High,
                    e,
                    None,
                    message,
                    &resp,
                    "an external entity `file:///etc/passwd` was expanded into the response",
                    Some("root:"),
                );
            }
        } else {
            let hit = Hit {
                code: "FG626",
                severity: Severity::High,
                message,
                scope: ctx.route_for(&e.method, &e.template),
                cookie: None,
                path: e.path_with(None),
                param: None,
                evidence: evidence(
                    &resp,
                    &format!(
                        "an external entity pointing at flaskguard's canary was fetched (`/{token}`)"
                    ),
                    None,
                ),
            };
            oob.expect(ctx, token.clone(), hit).await;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{ssrf_payloads, xml_with_entity};

    #[test]
    fn ssrf_urls_follow_the_shape_of_the_sample() {
        let c = "http://127.0.0.1:9/fg-ssrf-1";
        assert_eq!(ssrf_payloads(c, "fgtest"), [c]);
        assert_eq!(
            ssrf_payloads(c, "https://feeds.example/news/feed.xml"),
            [
                c,
                "http://127.0.0.1:9/fg-ssrf-1/news/feed.xml?host=feeds.example"
            ]
        );
        assert_eq!(
            ssrf_payloads(c, "cdn.example:8080"),
            [c, "127.0.0.1:9/fg-ssrf-1?x="]
        );
        // A text the app requires in the URL rides in the sample's query.
        assert_eq!(
            ssrf_payloads(c, "http://127.0.0.1:9/feed.xml?feeds.example"),
            [
                c,
                "http://127.0.0.1:9/fg-ssrf-1/feed.xml?feeds.example&host=127.0.0.1"
            ]
        );
    }

    #[test]
    fn the_xxe_document_names_only_its_entity() {
        assert_eq!(
            xml_with_entity("http://127.0.0.1:9/fg-xxe-1"),
            "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"http://127.0.0.1:9/fg-xxe-1\">]>\n<r>&x;</r>"
        );
    }
}
