//! File uploads: an HTML file served back inline (stored XSS), and files whose content the
//! app parses (pickle, YAML, XML with an external entity).

use flaskguard_report::Severity;

use super::oob::xml_with_entity;
use super::{Step, factors, marker, param_label, pickle_mul, report, send, shows_passwd, yaml_mul};
use crate::client::{Request, Response};
use crate::context::Ctx;
use crate::inventory::{Endpoint, Loc, Param};

/// Files whose content the app parses: a YAML or pickle file that only multiplies, and an
/// XML file with an external entity for `/etc/passwd`. The answer to the upload tells.
pub(super) async fn uploaded_content(ctx: &Ctx<'_>, e: &Endpoint, p: &Param) -> Step<()> {
    let (a, b) = factors();
    let product = (a * b).to_string();
    let pickle = pickle_mul(a, b);
    let files: [(&str, &str, Vec<u8>, &'static str); 3] = [
        (
            "data.yaml",
            "application/x-yaml",
            format!("{}\n", yaml_mul(a, b)).into_bytes(),
            "FG643",
        ),
        ("data.pkl", "application/octet-stream", pickle, "FG643"),
        (
            "data.xml",
            "application/xml",
            format!("{}\n", xml_with_entity("file:///etc/passwd")).into_bytes(),
            "FG626",
        ),
    ];
    let fields = other_fields(e);
    for (file, ctype, data, code) in files {
        let req = Request::new(&e.method, ctx.client.url(&e.path_with(None))).multipart(
            &fields,
            &[(p.name.clone(), file.to_string(), ctype.to_string(), data)],
        );
        let Some(resp) = send(ctx, req).await? else {
            return Ok(());
        };
        let body = resp.text();
        let (hit, message, proof) = if code == "FG626" {
            (
                shows_passwd(&body),
                format!(
                    "XXE: an uploaded XML file ({}) resolves external entities",
                    param_label(p)
                ),
                "an uploaded XML file's `file:///etc/passwd` entity was expanded into the response"
                    .to_string(),
            )
        } else {
            (
                body.contains(&product),
                format!(
                    "Insecure deserialization: an uploaded file ({}) is loaded into Python objects",
                    param_label(p)
                ),
                format!("`{file}` calling operator.mul({a}, {b}) came back as {product}"),
            )
        };
        if hit {
            report(
                ctx,
                code,
                if code == "FG626" {
                    Severity::High
                } else {
                    Severity::Critical
                },
                e,
                Some(p),
                message,
                &resp,
                &proof,
                None,
            );
        }
    }
    Ok(())
}

/// The form's other fields, with their samples (and a crawled form's hidden values).
fn other_fields(e: &Endpoint) -> Vec<(String, String)> {
    e.params
        .iter()
        .filter(|q| q.loc == Loc::Form)
        .map(|q| (q.name.clone(), q.sample.clone()))
        .chain(e.form_fields.iter().cloned())
        .collect()
}

/// Where an uploaded file `name` may be served: the answer's `Location`, URLs in its body
/// that end in the name, then the usual upload folders.
fn served_at(resp: &Response, name: &str) -> Vec<String> {
    let mut candidates: Vec<String> = Vec::new();
    if let Some(l) = resp.header("location") {
        candidates.push(l.to_string());
    }
    let body = resp.text();
    for (i, _) in body.match_indices(name) {
        let start = body[..i]
            .rfind(['"', '\'', ' ', '(', '>', '='])
            .map_or(0, |s| s + 1);
        candidates.push(body[start..i + name.len()].to_string());
    }
    for dir in ["/uploads/", "/static/uploads/", "/files/", "/media/"] {
        candidates.push(format!("{dir}{name}"));
    }
    candidates.dedup();
    candidates
}

/// Whether the uploaded page (with `marker`) is served as HTML the browser renders: not
/// as an attachment.
fn served_inline(served: &Response, marker: &str) -> bool {
    let attachment = served
        .header("content-disposition")
        .is_some_and(|d| d.to_ascii_lowercase().starts_with("attachment"));
    served.is_success() && served.is_html() && !attachment && served.text().contains(marker)
}

/// Uploads an HTML file with a marker and looks for it served inline (stored XSS).
pub(super) async fn upload(ctx: &Ctx<'_>, e: &Endpoint, p: &Param) -> Step<()> {
    let m = marker();
    let name = format!("{m}.html");
    let content = format!("<!doctype html><p><{m}x>flaskguard upload probe</p>");
    let fields = other_fields(e);
    let req = Request::new(&e.method, ctx.client.url(&e.path_with(None))).multipart(
        &fields,
        &[(
            p.name.clone(),
            name.clone(),
            "text/html".to_string(),
            content.into_bytes(),
        )],
    );
    let Some(resp) = send(ctx, req).await? else {
        return Ok(());
    };
    if !resp.is_success() && !resp.is_redirect() {
        return Ok(());
    }
    for c in served_at(&resp, &name).into_iter().take(8) {
        let Ok(url) = resp.url.join(&c) else { continue };
        if !ctx.client.in_scope(&url) {
            continue;
        }
        let Some(served) = send(ctx, Request::get(url)).await? else {
            continue;
        };
        if served_inline(&served, &m) {
            report(
                ctx,
                "FG629",
                Severity::High,
                e,
                Some(p),
                format!(
                    "An uploaded HTML file is served inline from {}: stored XSS on the app's origin",
                    served.url.path()
                ),
                &served,
                &format!(
                    "`{name}` uploaded as text/html is served as {} without `Content-Disposition: attachment`",
                    served.content_type()
                ),
                Some(&m),
            );
            return Ok(());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::tests::{endpoint, param, response};
    use super::{other_fields, served_at, served_inline};
    use crate::inventory::Loc;

    #[test]
    fn uploads_keep_the_forms_other_fields() {
        let mut e = endpoint(
            "POST",
            "/upload",
            vec![param(Loc::File, "doc"), param(Loc::Form, "title")],
        );
        e.form_fields = vec![("csrf_token".to_string(), "t0k".to_string())];
        assert_eq!(
            other_fields(&e),
            [
                ("title".to_string(), "1".to_string()),
                ("csrf_token".to_string(), "t0k".to_string())
            ]
        );
    }

    #[test]
    fn an_upload_is_looked_for_where_the_answer_points() {
        let mut resp = response(
            201,
            "text/html",
            r#"<a href="/u/fg1.html">fg1.html</a> saved as (/files/x/fg1.html)"#,
        );
        resp.headers
            .push(("Location".to_string(), "/done".to_string()));
        assert_eq!(
            served_at(&resp, "fg1.html"),
            [
                "/done",
                "/u/fg1.html",
                "fg1.html",
                "/files/x/fg1.html",
                "/uploads/fg1.html",
                "/static/uploads/fg1.html",
                "/files/fg1.html",
                "/media/fg1.html"
            ]
        );
    }

    #[test]
    fn stored_xss_needs_inline_html_with_the_marker() {
        let page = response(200, "text/html", "<p><fg1x>flaskguard upload probe</p>");
        assert!(served_inline(&page, "fg1"));
        assert!(!served_inline(&page, "fg2"));
        let mut download = page.clone();
        download.headers.push((
            "Content-Disposition".to_string(),
            "Attachment; filename=x".to_string(),
        ));
        assert!(!served_inline(&download, "fg1"));
        assert!(!served_inline(
            &response(200, "text/plain", "<fg1x>"),
            "fg1"
        ));
        assert!(!served_inline(&response(404, "text/html", "<fg1x>"), "fg1"));
    }
}
