//! What to probe: endpoints with their methods and inputs, from the source model (routes
//! and the request keys each handler reads), an OpenAPI document, and crawling (links and
//! forms).

use url::Url;

use crate::finding::Scope;
/// Where a request input travels (the source side's type).
pub use flaskguard_report::surface::InputLocation as Loc;
use flaskguard_report::surface::{Input, UrlRule};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Param {
    pub loc: Loc,
    pub name: String,
    /// A harmless value to send when this parameter is not the one under test.
    pub sample: String,
    /// The sample is sent as a JSON number (the source compares the value with numbers
    /// or checks it is an `int`): a string would be refused.
    pub number: bool,
}

/// One method on one URL path.
#[derive(Clone, Debug)]
pub struct Endpoint {
    pub method: String,
    /// The route rule (`/item/<int:id>`) or, for crawled pages, the path.
    pub template: String,
    pub params: Vec<Param>,
    /// Where it was learnt: `source`, `openapi` or `crawl`.
    pub from: &'static str,
    /// A crawled form: its fields (with hidden values) as the page gives them.
    pub form_fields: Vec<(String, String)>,
    /// The request body is read whole (`request.get_data()`, `request.data`).
    pub reads_body: bool,
    /// The body is read as JSON (`request.get_json()`, `request.json`).
    pub json_body: bool,
}

/// A route of the source model, as the probe needs it.
#[derive(Clone, Debug)]
pub struct SeedRoute {
    pub rule: String,
    pub methods: Vec<String>,
    /// The inputs the handler reads (`query:q`, `form:text`, `body`, …).
    pub inputs: Vec<Input>,
    /// Values the handler's source expects for some inputs (its constant defaults), by
    /// input (`form:image`).
    pub samples: std::collections::BTreeMap<String, String>,
    /// JSON inputs whose samples are sent as numbers (`json:months`).
    pub numbers: Vec<String>,
}

impl Endpoint {
    /// The path with every path parameter set to its sample (or `value` for `which`).
    pub fn path_with(&self, which: Option<(&Param, &str)>) -> String {
        UrlRule::parse(&self.template).render(|_, name| match which {
            Some((p, v)) if p.loc == Loc::Path && p.name == name => encode_segment(v),
            _ => self
                .params
                .iter()
                .find(|p| p.loc == Loc::Path && p.name == name)
                .map_or_else(|| "1".to_string(), |p| encode_segment(&p.sample)),
        })
    }

    /// The request for this endpoint with every input at its sample value, and `value` in
    /// parameter `which` if given.
    pub fn request(&self, base: &Url, which: Option<(&Param, &str)>) -> crate::client::Request {
        let path = self.path_with(which);
        let mut url = base.join(&path).unwrap_or_else(|_| base.clone());
        let value_of = |p: &Param| -> String {
            match which {
                Some((w, v)) if w == p => v.to_string(),
                _ => p.sample.clone(),
            }
        };
        {
            let mut query: Vec<(String, String)> = Vec::new();
            for p in self.params.iter().filter(|p| p.loc == Loc::Query) {
                query.push((p.name.clone(), value_of(p)));
            }
            if let Some((w, v)) = which
                && w.loc == Loc::QueryName
            {
                query.push(((*v).to_string(), "1".to_string()));
            }
            if !query.is_empty() {
                url.query_pairs_mut().extend_pairs(&query);
            }
        }
        let mut req = crate::client::Request::new(&self.method, url);
        for p in &self.params {
            // A credential header the handler reads is sent only when it is the one under
            // test: its sample would replace the session's own credentials.
            let credential = p.name.eq_ignore_ascii_case("authorization")
                || p.name.eq_ignore_ascii_case("cookie");
            if credential && which.is_none_or(|(w, _)| w != p) {
                continue;
            }
            match p.loc {
                Loc::Header => req = req.header(&p.name, &value_of(p)),
                Loc::Cookie => {
                    req = req.header(
                        "Cookie",
                        &format!("{}={}", p.name, encode_cookie(&value_of(p))),
                    );
                }
                _ => {}
            }
        }
        if let Some((w, v)) = which
            && w.loc == Loc::HeaderName
            && v.bytes()
                .all(|b| b.is_ascii_graphic() && !b"()<>@,;:\\\"/[]?={}".contains(&b))
        {
            req = req.header(v, "1");
        }
        let form: Vec<(String, String)> = self
            .params
            .iter()
            .filter(|p| p.loc == Loc::Form)
            .map(|p| (p.name.clone(), value_of(p)))
            .chain(
                self.form_fields
                    .iter()
                    .filter(|(n, _)| {
                        !self
                            .params
                            .iter()
                            .any(|p| p.loc == Loc::Form && p.name == *n)
                    })
                    .cloned(),
            )
            .collect();
        let json: serde_json::Map<String, serde_json::Value> = self
            .params
            .iter()
            .filter(|p| p.loc == Loc::Json)
            .map(|p| {
                let value = value_of(p);
                // A number the app checks as one, unless it is the value under test.
                let number = p.number && which.is_none_or(|(w, _)| w != p);
                let json = number
                    .then(|| {
                        value
                            .parse::<i64>()
                            .map(serde_json::Value::from)
                            .ok()
                            .or_else(|| value.parse::<f64>().ok().map(serde_json::Value::from))
                    })
                    .flatten()
                    .unwrap_or(serde_json::Value::String(value));
                (p.name.clone(), json)
            })
            .collect();
        let files: Vec<(String, String, String, Vec<u8>)> = self
            .params
            .iter()
            .filter(|p| p.loc == Loc::File)
            .map(|p| {
                (
                    p.name.clone(),
                    "fgprobe.txt".to_string(),
                    "text/plain".to_string(),
                    value_of(p).into_bytes(),
                )
            })
            .collect();
        if !files.is_empty() {
            req = req.multipart(&form, &files);
        } else if !json.is_empty() {
            req = req.json(&serde_json::Value::Object(json));
        } else if !form.is_empty() || self.method == "POST" && self.reads_body {
            req = req.form(&form);
        }
        req
    }

    /// A label for reports: `GET /search`.
    pub fn label(&self) -> String {
        self.scope().label()
    }

    /// The route this endpoint is, as findings name it.
    pub fn scope(&self) -> Scope {
        Scope::route(&self.method, &self.template)
    }
}

fn encode_segment(v: &str) -> String {
    url::form_urlencoded::byte_serialize(v.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

fn encode_cookie(v: &str) -> String {
    // Cookie values: no spaces, semicolons, commas or quotes.
    v.bytes()
        .map(|b| {
            if b.is_ascii_graphic() && !matches!(b, b';' | b',' | b'"' | b'\\') {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn sample_for(converter: &str) -> &'static str {
    match converter {
        "int" => "1",
        "float" => "1.5",
        "uuid" => "00000000-0000-4000-8000-000000000000",
        _ => "fgtest",
    }
}

/// Endpoints from the routes of the source model.
pub fn from_seed(routes: &[SeedRoute]) -> Vec<Endpoint> {
    let mut out = Vec::new();
    for r in routes {
        let mut params = path_params(&r.rule);
        let mut reads_body = false;
        let mut json_body = false;
        for input in &r.inputs {
            let (loc, name) = match input {
                Input::Body { json } => {
                    reads_body = true;
                    json_body |= json;
                    continue;
                }
                Input::At(loc, name) => (*loc, name.as_str()),
            };
            if !params
                .iter()
                .any(|p: &Param| p.loc == loc && p.name == name)
            {
                let number = loc == Loc::Json && r.numbers.contains(&input.to_string());
                params.push(Param {
                    loc,
                    name: name.to_string(),
                    // The value the source falls back to is one the app expects there.
                    sample: r
                        .samples
                        .get(&input.to_string())
                        .cloned()
                        .unwrap_or_else(|| sample_value(name)),
                    number,
                });
            }
        }
        for m in &r.methods {
            if matches!(m.as_str(), "HEAD" | "OPTIONS") {
                continue;
            }
            // Form and JSON inputs travel in bodies: not with GET.
            let params: Vec<Param> = params
                .iter()
                .filter(|p| m != "GET" || !matches!(p.loc, Loc::Form | Loc::Json | Loc::File))
                .cloned()
                .collect();
            out.push(Endpoint {
                method: m.clone(),
                template: r.rule.clone(),
                params,
                from: "source",
                form_fields: Vec::new(),
                reads_body,
                json_body,
            });
        }
    }
    out
}

/// A plausible harmless value for an input, by its name.
fn sample_value(name: &str) -> String {
    let n = name.to_ascii_lowercase();
    if n.contains("email") {
        "probe@example.com".to_string()
    } else if n.contains("url") || n == "next" || n.contains("redirect") || n.contains("target") {
        "/".to_string()
    } else if n.contains("id") || n.contains("page") || n.contains("count") || n.contains("num") {
        "1".to_string()
    } else if n.contains("host") {
        "localhost".to_string()
    } else if n.contains("file") || n.contains("path") || n.contains("name") && n.contains("doc") {
        "readme.txt".to_string()
    } else {
        "fgtest".to_string()
    }
}

/// A value that passes the checks a browser makes on a form field with no value: its
/// type (`number` within `min`/`max`, `email`, `url`, `date`, …) and its length bounds;
/// text fields get the name-based sample. A select's options fill it in afterwards.
fn valid_sample(name: &str, kind: &str, attrs: &[(String, String)]) -> String {
    let number = |key: &str| attr(attrs, key).and_then(|v| v.trim().parse::<f64>().ok());
    let length = |key: &str| attr(attrs, key).and_then(|v| v.trim().parse::<usize>().ok());
    let sample = match kind {
        "select" => return String::new(),
        "number" | "range" => {
            let (min, max) = (number("min"), number("max"));
            let v = match (min, max) {
                (Some(lo), _) => lo.max(1.0_f64.min(max.unwrap_or(f64::MAX))),
                (None, Some(hi)) => hi.min(1.0),
                (None, None) => 1.0,
            };
            return if v.fract() == 0.0 {
                format!("{v:.0}")
            } else {
                v.to_string()
            };
        }
        "email" => "probe@example.com".to_string(),
        "url" => "https://example.com/".to_string(),
        "tel" => "5550100".to_string(),
        "date" => "2024-01-02".to_string(),
        "datetime-local" => "2024-01-02T10:00".to_string(),
        "time" => "10:00".to_string(),
        "month" => "2024-01".to_string(),
        "week" => "2024-W01".to_string(),
        "color" => "#336699".to_string(),
        "checkbox" | "radio" => "on".to_string(),
        _ => sample_value(name),
    };
    fit_length(sample, length("minlength"), length("maxlength"))
}

/// `sample` padded to `min` characters and cut to `max`.
fn fit_length(mut sample: String, min: Option<usize>, max: Option<usize>) -> String {
    if let Some(min) = min {
        while sample.chars().count() < min.min(64) {
            sample.push('x');
        }
    }
    if let Some(max) = max.filter(|&m| m > 0) {
        sample = sample.chars().take(max).collect();
    }
    sample
}

fn path_params(rule: &str) -> Vec<Param> {
    UrlRule::parse(rule)
        .variables()
        .map(|(converter, name)| Param {
            loc: Loc::Path,
            name: name.to_string(),
            sample: sample_for(converter).to_string(),
            number: false,
        })
        .collect()
}

/// Endpoints from an OpenAPI 3 (or Swagger 2) document in JSON.
pub fn from_openapi(doc: &serde_json::Value) -> Result<Vec<Endpoint>, String> {
    let Some(paths) = doc.get("paths").and_then(|p| p.as_object()) else {
        return Err("no `paths` object: not an OpenAPI document".to_string());
    };
    let mut out = Vec::new();
    for (path, item) in paths {
        let rule = path.replace('{', "<").replace('}', ">");
        let shared: Vec<Param> = params_of(item.get("parameters"));
        let Some(ops) = item.as_object() else {
            continue;
        };
        for (method, op) in ops {
            let m = method.to_ascii_uppercase();
            if !matches!(m.as_str(), "GET" | "POST" | "PUT" | "PATCH" | "DELETE") {
                continue;
            }
            let mut params = shared.clone();
            for p in params_of(op.get("parameters")) {
                if !params.contains(&p) {
                    params.push(p);
                }
            }
            if let Some(props) = op
                .pointer("/requestBody/content/application~1json/schema/properties")
                .and_then(|p| p.as_object())
            {
                for name in props.keys() {
                    params.push(Param {
                        loc: Loc::Json,
                        name: name.clone(),
                        sample: sample_value(name),
                        number: false,
                    });
                }
            }
            if let Some(props) = op
                .pointer(
                    "/requestBody/content/application~1x-www-form-urlencoded/schema/properties",
                )
                .and_then(|p| p.as_object())
            {
                for name in props.keys() {
                    params.push(Param {
                        loc: Loc::Form,
                        name: name.clone(),
                        sample: sample_value(name),
                        number: false,
                    });
                }
            }
            out.push(Endpoint {
                method: m,
                template: rule.clone(),
                params,
                from: "openapi",
                form_fields: Vec::new(),
                reads_body: false,
                json_body: false,
            });
        }
    }
    Ok(out)
}

fn params_of(list: Option<&serde_json::Value>) -> Vec<Param> {
    let mut out = Vec::new();
    for p in list.and_then(|l| l.as_array()).into_iter().flatten() {
        let (Some(name), Some(loc)) = (
            p.get("name").and_then(|n| n.as_str()),
            p.get("in").and_then(|n| n.as_str()),
        ) else {
            continue;
        };
        let loc = match loc {
            "query" => Loc::Query,
            "path" => Loc::Path,
            "header" => Loc::Header,
            "cookie" => Loc::Cookie,
            "formData" => Loc::Form,
            _ => continue,
        };
        let sample = match p.pointer("/schema/type").and_then(|t| t.as_str()) {
            Some("integer" | "number") => "1".to_string(),
            _ => sample_value(name),
        };
        out.push(Param {
            loc,
            name: name.to_string(),
            sample,
            number: false,
        });
    }
    out
}

/// Links and forms of an HTML page.
#[derive(Debug, Default)]
pub struct Page {
    pub links: Vec<String>,
    pub forms: Vec<Form>,
}

#[derive(Debug, Default, Clone)]
pub struct Form {
    pub action: Option<String>,
    pub method: String,
    /// Field name, type, value (the page's value, else a sample the field accepts).
    pub fields: Vec<(String, String, String)>,
    /// Beside each field, what a browser submits for it as the page shows it: its value,
    /// a textarea's text, the selected option; `None` for an unchecked box.
    pub shown: Vec<Option<String>>,
}

impl Form {
    /// A hidden field that looks like an anti-CSRF token.
    pub fn has_csrf_token(&self) -> bool {
        self.fields
            .iter()
            .any(|(n, t, _)| t == "hidden" && is_token_field(n))
    }
}

/// Whether a form field's name is an anti-CSRF token's (`csrf_token`, `_xsrf`, `_token`,
/// `authenticity_token`): a value bound to the session, to be read fresh.
pub fn is_token_field(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.contains("csrf") || n.contains("xsrf") || n == "_token" || n.contains("authenticity")
}

/// A tolerant scan of `<a href>`, `<form>` and form fields. Not a full HTML parser: it
/// needs no DOM, only the tags and their attributes.
pub fn parse_html(html: &str) -> Page {
    let mut page = Page::default();
    let mut current: Option<Form> = None;
    // The field index of the `<select>` whose options are being read.
    let mut select: Option<usize> = None;
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let start = i + off + 1;
        if html[start..].starts_with("!--") {
            i = html[start..]
                .find("-->")
                .map_or(html.len(), |e| start + e + 3);
            continue;
        }
        let end = find_tag_end(bytes, start);
        let tag = &html[start..end];
        i = (end + 1).min(html.len());
        let (name, attrs) = split_tag(tag);
        let name = name.to_ascii_lowercase();
        match name.as_str() {
            "a" | "area" | "link" | "iframe" | "frame" => {
                let key = if name == "iframe" || name == "frame" {
                    "src"
                } else {
                    "href"
                };
                if let Some(h) = attr(&attrs, key) {
                    page.links.push(h);
                }
            }
            "form" => {
                if let Some(f) = current.take() {
                    page.forms.push(f);
                }
                current = Some(Form {
                    action: attr(&attrs, "action"),
                    method: attr(&attrs, "method")
                        .unwrap_or_else(|| "get".to_string())
                        .to_ascii_uppercase(),
                    fields: Vec::new(),
                    shown: Vec::new(),
                });
            }
            "/form" => {
                if let Some(f) = current.take() {
                    page.forms.push(f);
                }
            }
            "input" | "textarea" | "select" | "button" => {
                select = None;
                if let (Some(f), Some(n)) = (current.as_mut(), attr(&attrs, "name")) {
                    let t = attr(&attrs, "type")
                        .unwrap_or_else(|| name.clone())
                        .to_ascii_lowercase();
                    if !matches!(t.as_str(), "submit" | "button" | "image" | "reset" | "file") {
                        let given = attr(&attrs, "value");
                        let shown = match t.as_str() {
                            "checkbox" | "radio" => attr(&attrs, "checked")
                                .map(|_| given.clone().unwrap_or_else(|| "on".to_string())),
                            "textarea" => Some(unescape(textarea_text(html, i))),
                            _ => Some(given.clone().unwrap_or_default()),
                        };
                        // (A textarea's own text is kept in `shown` only: as the sample it
                        // makes a parse-only form, `/xml`, look accepted to the CSRF check,
                        // which cannot tell state-changing POST forms from others.)
                        let value = given
                            .filter(|v| !v.is_empty())
                            .unwrap_or_else(|| valid_sample(&n, &t, &attrs));
                        if name == "select" {
                            select = Some(f.fields.len());
                        }
                        f.fields.push((n, t, value));
                        f.shown.push(shown);
                    }
                }
            }
            // A select sends its selected option, else its first: a value the app offered.
            "option" => {
                if let (Some(f), Some(i)) = (current.as_mut(), select)
                    && attr(&attrs, "disabled").is_none()
                    && let Some(v) = attr(&attrs, "value")
                    && let Some(field) = f.fields.get_mut(i)
                {
                    if field.2.is_empty() || attr(&attrs, "selected").is_some() {
                        field.2.clone_from(&v);
                        if let Some(shown) = f.shown.get_mut(i) {
                            *shown = Some(v);
                        }
                    }
                    if attr(&attrs, "selected").is_some() {
                        select = None;
                    }
                }
            }
            "/select" => select = None,
            _ => {}
        }
        // Skip the raw text of scripts and styles.
        if name == "script" || name == "style" {
            let close = format!("</{name}");
            if let Some(e) = html[i..].to_ascii_lowercase().find(&close) {
                i += e;
            }
        }
    }
    if let Some(f) = current.take() {
        page.forms.push(f);
    }
    page
}

/// The text of a `<textarea>` whose opening tag ends before `at`: up to its closing tag.
fn textarea_text(html: &str, at: usize) -> &str {
    let rest = &html[at.min(html.len())..];
    let end = rest.to_ascii_lowercase().find("</textarea").unwrap_or(0);
    // The browser drops one newline right after the opening tag.
    let text = &rest[..end];
    text.strip_prefix("\r\n")
        .or_else(|| text.strip_prefix('\n'))
        .unwrap_or(text)
}

fn find_tag_end(bytes: &[u8], start: usize) -> usize {
    let mut quote: Option<u8> = None;
    let mut j = start;
    while j < bytes.len() {
        let b = bytes[j];
        match quote {
            Some(q) if b == q => quote = None,
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return j,
            _ => {}
        }
        j += 1;
    }
    bytes.len()
}

fn split_tag(tag: &str) -> (&str, Vec<(String, String)>) {
    let tag = tag.trim_end_matches('/');
    let name_end = tag.find(|c: char| c.is_whitespace()).unwrap_or(tag.len());
    let name = &tag[..name_end];
    let mut attrs = Vec::new();
    let rest = &tag[name_end..];
    let chars: Vec<char> = rest.chars().collect();
    let mut k = 0;
    while k < chars.len() {
        while k < chars.len() && (chars[k].is_whitespace() || chars[k] == '/') {
            k += 1;
        }
        let ks = k;
        while k < chars.len() && !chars[k].is_whitespace() && chars[k] != '=' {
            k += 1;
        }
        let key: String = chars[ks..k].iter().collect();
        while k < chars.len() && chars[k].is_whitespace() {
            k += 1;
        }
        let mut value = String::new();
        if k < chars.len() && chars[k] == '=' {
            k += 1;
            while k < chars.len() && chars[k].is_whitespace() {
                k += 1;
            }
            if k < chars.len() && (chars[k] == '"' || chars[k] == '\'') {
                let q = chars[k];
                k += 1;
                let vs = k;
                while k < chars.len() && chars[k] != q {
                    k += 1;
                }
                value = chars[vs..k].iter().collect();
                k += 1;
            } else {
                let vs = k;
                while k < chars.len() && !chars[k].is_whitespace() {
                    k += 1;
                }
                value = chars[vs..k].iter().collect();
            }
        }
        if !key.is_empty() {
            attrs.push((key.to_ascii_lowercase(), unescape(&value)));
        }
    }
    (name, attrs)
}

fn attr(attrs: &[(String, String)], key: &str) -> Option<String> {
    attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
}

fn unescape(v: &str) -> String {
    v.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

/// Endpoints of a crawled form.
pub fn from_form(page_url: &Url, form: &Form) -> Option<(Url, Endpoint)> {
    let action = page_url.join(form.action.as_deref().unwrap_or("")).ok()?;
    let method = if form.method == "POST" { "POST" } else { "GET" };
    let loc = if method == "POST" {
        Loc::Form
    } else {
        Loc::Query
    };
    // Hidden fields are inputs too (`next`, an id), except anti-CSRF tokens, which are
    // sent as the page gave them.
    let params = form
        .fields
        .iter()
        .filter(|(n, t, _)| t != "hidden" || !is_token_field(n))
        .map(|(n, _, v)| Param {
            loc,
            name: n.clone(),
            sample: if v.is_empty() {
                sample_value(n)
            } else {
                v.clone()
            },
            number: false,
        })
        .collect();
    let hidden = form
        .fields
        .iter()
        .filter(|(n, t, _)| t == "hidden" && is_token_field(n))
        .map(|(n, _, v)| (n.clone(), v.clone()))
        .collect();
    let mut url = action.clone();
    url.set_query(None);
    url.set_fragment(None);
    Some((
        action,
        Endpoint {
            method: method.to_string(),
            template: url.path().to_string(),
            params,
            from: "crawl",
            form_fields: hidden,
            reads_body: false,
            json_body: false,
        },
    ))
}

/// The endpoint of a crawled link (its query parameters become inputs).
pub fn from_link(url: &Url) -> Endpoint {
    let params = url
        .query_pairs()
        .map(|(k, v)| Param {
            loc: Loc::Query,
            name: k.to_string(),
            sample: if v.is_empty() {
                sample_value(&k)
            } else {
                v.to_string()
            },
            number: false,
        })
        .collect();
    Endpoint {
        method: "GET".to_string(),
        template: url.path().to_string(),
        params,
        from: "crawl",
        form_fields: Vec::new(),
        reads_body: false,
        json_body: false,
    }
}

/// Adds what `e` knows of the same endpoint to `o`: its parameters and form fields, and
/// whether it reads a body.
fn absorb(o: &mut Endpoint, e: Endpoint) {
    for p in e.params {
        match o
            .params
            .iter_mut()
            .find(|q| q.loc == p.loc && q.name == p.name)
        {
            // A page's value (a link's, a form's default or one its field type accepts)
            // beats a guess from the input's name.
            Some(q) if e.from == "crawl" && o.from != "crawl" => q.sample = p.sample,
            Some(_) => {}
            None => o.params.push(p),
        }
    }
    for f in e.form_fields {
        if !o.form_fields.contains(&f) {
            o.form_fields.push(f);
        }
    }
    o.reads_body |= e.reads_body;
    o.json_body |= e.json_body;
}

/// Merges endpoints that share method and template: the union of their inputs. An
/// endpoint joins the first one before it with its template, or whose path with samples is
/// its template (`/users/<name>` and a crawled `/users/alice`). Linear: an index of both
/// keys, checked again on use (a merge can change an endpoint's sampled path).
pub fn merge(endpoints: Vec<Endpoint>) -> Vec<Endpoint> {
    let mut out: Vec<Endpoint> = Vec::new();
    let mut by_template: std::collections::HashMap<(String, String), usize> =
        std::collections::HashMap::new();
    let mut by_path: std::collections::HashMap<(String, String), Vec<usize>> =
        std::collections::HashMap::new();
    for e in endpoints {
        let key = (e.method.clone(), e.template.clone());
        let first_template = by_template.get(&key).copied();
        let first_path = by_path.get(&key).and_then(|candidates| {
            candidates
                .iter()
                .copied()
                .find(|&i| out[i].path_with(None) == e.template)
        });
        let same = match (first_template, first_path) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if let Some(i) = same {
            let o = &mut out[i];
            absorb(o, e);
            if o.template.contains('<') {
                let entry = by_path
                    .entry((o.method.clone(), o.path_with(None)))
                    .or_default();
                if !entry.contains(&i) {
                    entry.push(i);
                    entry.sort_unstable();
                }
            }
        } else {
            let i = out.len();
            by_template.entry(key).or_insert(i);
            by_path
                .entry((e.method.clone(), e.path_with(None)))
                .or_default()
                .push(i);
            out.push(e);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_and_links() {
        let page = parse_html(
            r#"<a href="/search?q=x">s</a><!-- <a href="/hidden"> -->
            <form method=post action='/comments'><input type="hidden" name="csrf_token" value="t&amp;1">
            <textarea name=text></textarea><input type=submit value=Go></form>
            <script>var s = "<a href='/nope'>";</script><a href=/after>"#,
        );
        assert_eq!(page.links, vec!["/search?q=x", "/after"]);
        assert_eq!(page.forms.len(), 1);
        let f = &page.forms[0];
        assert_eq!(f.method, "POST");
        assert!(f.has_csrf_token());
        assert_eq!(f.fields[0].2, "t&1");
        assert_eq!(f.fields[1].0, "text");
    }

    #[test]
    fn a_form_is_read_as_a_browser_would_submit_it_unchanged() {
        let page = parse_html(
            "<form method=post><input name=title value=\"Tea &amp; cake\">\
             <input name=empty><textarea name=body>\nTwo lines\nof &lt;text&gt;</textarea>\
             <input type=checkbox name=public><input type=checkbox name=pinned checked>\
             <select name=kind><option value=a>A<option value=b selected>B</select></form>",
        );
        let f = &page.forms[0];
        let shown: Vec<Option<&str>> = f.shown.iter().map(Option::as_deref).collect();
        assert_eq!(
            shown,
            vec![
                Some("Tea & cake"),
                Some(""),
                Some("Two lines\nof <text>"),
                None,
                Some("on"),
                Some("b"),
            ]
        );
        // The sampled values still fill what the page left empty.
        assert!(!f.fields[1].2.is_empty());
    }

    #[test]
    fn form_fields_get_values_their_type_and_bounds_accept() {
        let page = parse_html(
            r#"<form method=post><input type=number name=rating min=1 max=5 required>
            <input type="number" name="qty" min="10"><input type=email name=contact>
            <input name=title maxlength=3><textarea name=body minlength=12></textarea>
            <select name=kind><option value="" disabled>pick</option><option value=bug>Bug</option>
            <option value=idea selected>Idea</option></select>
            <select name=size><option value=s>S</option><option value=m>M</option></select>
            <input type=checkbox name=agree><input type=date name=due>
            <input name=prefilled value="kept"></form>"#,
        );
        let values: Vec<(&str, &str)> = page.forms[0]
            .fields
            .iter()
            .map(|(n, _, v)| (n.as_str(), v.as_str()))
            .collect();
        assert_eq!(
            values,
            [
                ("rating", "1"),
                ("qty", "10"),
                ("contact", "probe@example.com"),
                ("title", "fgt"),
                ("body", "fgtestxxxxxx"),
                ("kind", "idea"),
                ("size", "s"),
                ("agree", "on"),
                ("due", "2024-01-02"),
                ("prefilled", "kept"),
            ]
        );
    }

    #[test]
    fn json_numbers_are_sent_as_numbers_unless_under_test() {
        let seed = from_seed(&[SeedRoute {
            rule: "/forecast".to_string(),
            methods: vec!["POST".to_string()],
            inputs: vec![
                "json:months".parse().unwrap(),
                "json:formula".parse().unwrap(),
            ],
            samples: [("json:months".to_string(), "3".to_string())].into(),
            numbers: vec!["json:months".to_string()],
        }]);
        let e = &seed[0];
        let base = Url::parse("http://127.0.0.1:5000/").unwrap();
        let body = |which: Option<(&Param, &str)>| -> serde_json::Value {
            serde_json::from_slice(e.request(&base, which).body.as_deref().unwrap()).unwrap()
        };
        assert_eq!(body(None)["months"], serde_json::json!(3));
        let formula = e.params.iter().find(|p| p.name == "formula").unwrap();
        assert_eq!(
            body(Some((formula, "7*191")))["months"],
            serde_json::json!(3)
        );
        // The value under test goes as text, whatever it is.
        let months = e.params.iter().find(|p| p.name == "months").unwrap();
        assert_eq!(
            body(Some((months, "3'")))["months"],
            serde_json::json!("3'")
        );
    }

    #[test]
    fn a_page_value_replaces_a_guess_from_the_name() {
        let seed = from_seed(&[SeedRoute {
            rule: "/rate".to_string(),
            methods: vec!["POST".to_string()],
            inputs: vec!["form:rating".parse().unwrap()],
            samples: std::collections::BTreeMap::default(),
            numbers: Vec::new(),
        }]);
        let page = parse_html(
            "<form method=post action=/rate><input type=number name=rating min=3></form>",
        );
        let (_, crawled) =
            from_form(&Url::parse("http://127.0.0.1/").unwrap(), &page.forms[0]).unwrap();
        let merged = merge(seed.into_iter().chain([crawled]).collect());
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].params[0].sample, "3");
    }

    #[test]
    fn the_sources_default_is_the_sample() {
        let e = &from_seed(&[SeedRoute {
            rule: "/status".to_string(),
            methods: vec!["POST".to_string()],
            inputs: vec!["form:image".parse().unwrap(), "form:note".parse().unwrap()],
            samples: [("form:image".to_string(), "127.0.0.1:9".to_string())]
                .into_iter()
                .collect(),
            numbers: Vec::new(),
        }])[0];
        let sample = |n: &str| {
            e.params
                .iter()
                .find(|p| p.name == n)
                .map(|p| p.sample.as_str())
        };
        assert_eq!(sample("image"), Some("127.0.0.1:9"));
        assert_eq!(sample("note"), Some("fgtest"));
    }

    #[test]
    fn path_parameters_get_samples() {
        let e = &from_seed(&[SeedRoute {
            rule: "/u/<int:id>/<name>".to_string(),
            methods: vec!["GET".to_string()],
            inputs: vec!["query:q".parse().unwrap()],
            samples: std::collections::BTreeMap::default(),
            numbers: Vec::new(),
        }])[0];
        assert_eq!(e.path_with(None), "/u/1/fgtest");
        let p = e
            .params
            .iter()
            .find(|p| p.name == "name")
            .cloned()
            .expect("param");
        assert_eq!(e.path_with(Some((&p, "a b/c"))), "/u/1/a%20b%2Fc");
    }

    /// The merge as it was (quadratic): the linear one must give the same inventory.
    fn merge_quadratic(endpoints: Vec<Endpoint>) -> Vec<Endpoint> {
        let mut out: Vec<Endpoint> = Vec::new();
        for e in endpoints {
            let same = out.iter_mut().find(|o| {
                o.method == e.method
                    && (o.template == e.template || o.path_with(None) == e.template)
            });
            match same {
                Some(o) => super::absorb(o, e),
                None => out.push(e),
            }
        }
        out
    }

    #[test]
    fn merge_is_linear_and_the_same() {
        let seed = |rule: &str, method: &str, inputs: &[&str]| SeedRoute {
            rule: rule.to_string(),
            methods: vec![method.to_string()],
            inputs: inputs.iter().map(|i| i.parse().unwrap()).collect(),
            samples: std::collections::BTreeMap::default(),
            numbers: Vec::new(),
        };
        let link = |u: &str| from_link(&Url::parse(&format!("http://h{u}")).unwrap());
        let mut all = from_seed(&[
            seed("/u/<int:id>/<name>", "GET", &["query:q"]),
            seed("/item/<int:id>", "GET", &[]),
            seed("/item/<int:id>", "POST", &["form:text"]),
        ]);
        all.extend([
            link("/u/1/fgtest?page=2"),
            link("/item/1?sort=asc"),
            link("/item/1"),
            link("/search?q=a"),
            link("/search?lang=en"),
        ]);
        all.extend(from_seed(&[seed(
            "/u/<int:id>/<name>",
            "GET",
            &["header:X-Key"],
        )]));
        for i in 0..200 {
            all.push(link(&format!("/p/{}?k{}=1", i % 50, i % 3)));
        }
        let fast = merge(all.clone());
        let slow = merge_quadratic(all);
        let show = |v: &[Endpoint]| format!("{v:?}");
        assert_eq!(show(&fast), show(&slow));
        assert_eq!(fast.len(), 3 + 1 + 50);
    }
}
