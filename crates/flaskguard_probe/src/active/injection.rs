//! Injection through a request input: header injection, XSS, template, code and command
//! injection, SQL, deserialization, path traversal and open redirects. Each proves itself
//! by a marker or an arithmetic product only the injection produces.

use flaskguard_report::Severity;

use super::oob::{Oob, ssrf, xxe};
use super::uploads::{upload, uploaded_content};
use super::{
    Step, attempt, factors, marker, param_label, pickle_mul, report, send, shows_passwd, yaml_mul,
};
use crate::client::Response;
use crate::context::Ctx;
use crate::inventory::{Endpoint, Loc, Param};

/// A class of attack on one input of an endpoint (or, for XXE, on its body).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Attack {
    Upload,
    Header,
    Xss,
    Sql,
    Template,
    Code,
    Command,
    Traversal,
    Redirect,
    Ssrf,
    Deserialization,
    Xxe,
}

impl Attack {
    /// Every attack: an upload's, then those on a named input, cheapest and most common
    /// first (header injection costs a request only where the value shows up in a
    /// header), then the body's.
    pub(super) const ALL: [Attack; 12] = [
        Attack::Upload,
        Attack::Header,
        Attack::Xss,
        Attack::Sql,
        Attack::Template,
        Attack::Code,
        Attack::Command,
        Attack::Traversal,
        Attack::Redirect,
        Attack::Ssrf,
        Attack::Deserialization,
        Attack::Xxe,
    ];

    /// The attacks on a named input, in their order.
    pub(super) fn on_inputs() -> &'static [Attack] {
        &Attack::ALL[1..11]
    }

    /// The probe check that reports what this attack finds.
    pub(super) fn code(self) -> &'static str {
        match self {
            Attack::Upload => "FG629",
            Attack::Header => "FG627",
            Attack::Xss => "FG618",
            Attack::Sql => "FG620",
            Attack::Template => "FG619",
            Attack::Code => "FG622",
            Attack::Command => "FG621",
            Attack::Traversal => "FG623",
            Attack::Redirect => "FG624",
            Attack::Ssrf => "FG625",
            Attack::Deserialization => "FG643",
            Attack::Xxe => "FG626",
        }
    }

    /// The attacks that apply to input `p`, in their usual order.
    pub(super) fn for_input(p: &Param) -> Vec<Attack> {
        match p.loc {
            Loc::File => vec![Attack::Upload],
            Loc::QueryName | Loc::HeaderName => Attack::on_inputs()
                .iter()
                .copied()
                .filter(|&a| a != Attack::Deserialization && a != Attack::Header)
                .collect(),
            _ => Attack::on_inputs().to_vec(),
        }
    }

    /// Whether the endpoint's body is worth an XXE attempt.
    pub(super) fn xxe_applies(e: &Endpoint) -> bool {
        e.method != "GET" && (e.reads_body || e.template.to_ascii_lowercase().contains("xml"))
    }
}

/// What the attacks of a run share: the whole inventory (pages that show what a form
/// saved), the canary, and the XSS markers posted whose page is not known yet.
pub(super) struct Shared<'a> {
    pub all: &'a [Endpoint],
    pub oob: Option<&'a Oob<'a>>,
    pub planted: std::sync::Mutex<Vec<Planted>>,
    /// Pages read at once after stored writes so far ([`MAX_PROMPT_READS`]).
    pub prompt_reads: std::sync::atomic::AtomicUsize,
}

/// A tag posted through a form input, looked for as markup on the site's pages later.
pub(super) struct Planted {
    pub tag: String,
    pub e: Endpoint,
    pub p: Param,
}

/// Stored XSS shown anywhere: the pages (GET, no body) are read once more, at most
/// `limit` of them, and each tag posted earlier that one serves as markup is reported on
/// the form that posted it.
pub(super) async fn stored_xss_sweep(
    ctx: &Ctx<'_>,
    pages: &[&Endpoint],
    shared: &Shared<'_>,
) -> Step<()> {
    for page in pages {
        if shared.planted.lock().map_or(true, |p| p.is_empty()) {
            break;
        }
        let Some(shown) = send(ctx, page.request(ctx.client.base(), None)).await? else {
            continue;
        };
        let found: Vec<Planted> = match shared.planted.lock() {
            Ok(mut planted) => {
                let (hit, rest): (Vec<Planted>, Vec<Planted>) = std::mem::take(&mut *planted)
                    .into_iter()
                    .partition(|x| shows_markup(&shown, &x.tag));
                *planted = rest;
                hit
            }
            Err(_) => Vec::new(),
        };
        for x in found {
            report_stored(ctx, &x.e, &x.p, page, &shown, &x.tag);
        }
    }
    Ok(())
}

fn report_stored(
    ctx: &Ctx<'_>,
    e: &Endpoint,
    p: &Param,
    page: &Endpoint,
    shown: &Response,
    tag: &str,
) {
    let page_path = page.path_with(None);
    report(
        ctx,
        "FG618",
        Severity::High,
        e,
        Some(p),
        format!(
            "Stored XSS: {} is saved and later shown unescaped on GET {page_path}",
            param_label(p),
        ),
        shown,
        &format!(
            "the tag `{tag}` posted in {} is served as markup by GET {page_path}",
            param_label(p),
        ),
        Some(tag),
    );
}

/// One attack on input `p` of `e` (`None`: the body, for XXE), with `base` the endpoint's
/// answer to its sample values.
pub(super) async fn attack(
    ctx: &Ctx<'_>,
    e: &Endpoint,
    base: &Response,
    p: Option<&Param>,
    a: Attack,
    shared: &Shared<'_>,
) -> Step<()> {
    let oob = shared.oob;
    let Some(p) = p else {
        if a == Attack::Xxe
            && let Some(o) = oob
        {
            xxe(ctx, e, o).await?;
        }
        return Ok(());
    };
    match a {
        Attack::Upload => {
            upload(ctx, e, p).await?;
            uploaded_content(ctx, e, p).await?;
        }
        Attack::Header => header_injection(ctx, e, p, base).await?,
        Attack::Xss => xss(ctx, e, p, shared).await?,
        Attack::Sql => sql(ctx, e, p, base).await?,
        Attack::Template => drop(product_probe(ctx, e, p, &TEMPLATE).await?),
        Attack::Code => drop(product_probe(ctx, e, p, &CODE).await?),
        Attack::Command => {
            if !product_probe(ctx, e, p, &COMMAND).await? {
                blind_command(ctx, e, p).await?;
            }
        }
        Attack::Traversal => traversal(ctx, e, p, base).await?,
        Attack::Redirect => redirect(ctx, e, p).await?,
        Attack::Ssrf => {
            if let Some(o) = oob {
                ssrf(ctx, e, p, o).await?;
            }
        }
        Attack::Deserialization => {
            if !product_probe(ctx, e, p, &DESERIALIZATION).await? {
                blind_deserialization(ctx, e, p).await?;
            }
        }
        Attack::Xxe => {}
    }
    Ok(())
}

/// Payloads that deserialize into the product of two numbers and nothing else: pickle
/// (`operator.mul`, protocol 0) and PyYAML's `python/object/apply`. An app that unpickles
/// or `yaml.load`s request data and shows the result shows the product.
fn deserialization_payloads(a: u64, b: u64) -> Vec<String> {
    use base64::Engine as _;
    let pickle = pickle_mul(a, b);
    vec![
        base64::engine::general_purpose::STANDARD.encode(&pickle),
        base64::engine::general_purpose::URL_SAFE.encode(&pickle),
        yaml_mul(a, b),
    ]
}

/// Whether the sample value (long enough not to match by chance) shows up in a response
/// header.
fn echoed_in_headers(sample: &str, base: &Response) -> bool {
    sample.len() >= 3 && base.headers.iter().any(|(_, v)| v.contains(sample))
}

/// CR/LF in a value the app copies into a response header (`Location`, `Set-Cookie`):
/// tried only where the sample value shows up in a header of the original response.
async fn header_injection(ctx: &Ctx<'_>, e: &Endpoint, p: &Param, base: &Response) -> Step<()> {
    let mut value = p.sample.clone();
    if value.len() < 3 && value.parse::<f64>().is_err() {
        // Too short to recognise (`lang=fr`): does a marker in its place show up?
        let m = marker();
        let Some(resp) = attempt(ctx, e, p, &m).await? else {
            return Ok(());
        };
        if !echoed_in_headers(&m, &resp) {
            return Ok(());
        }
        value = m;
    } else if !echoed_in_headers(&value, base) {
        return Ok(());
    }
    let m = marker();
    for payload in header_payloads(&value, &m, p.loc) {
        let Some(resp) = attempt(ctx, e, p, &payload).await? else {
            return Ok(());
        };
        if !resp.header("x-fg-injected").is_some_and(|v| v.contains(&m)) {
            continue;
        }
        report(
            ctx,
            "FG627",
            Severity::Medium,
            e,
            Some(p),
            format!(
                "Header injection: CR/LF in {} starts a new response header",
                param_label(p)
            ),
            &resp,
            &format!("`X-Fg-Injected: {m}` came back as a response header"),
            None,
        );
        break;
    }
    Ok(())
}

/// A new header line after `value`: CR/LF, a bare LF (past apps that replace only the
/// pair), and where the value travels in a header or the path (which cannot carry them
/// raw), both percent-encoded for an app that decodes its input.
fn header_payloads(value: &str, m: &str, loc: Loc) -> Vec<String> {
    let line = format!("X-Fg-Injected: {m}");
    let raw = [format!("{value}\r\n{line}"), format!("{value}\n{line}")];
    let encoded = [format!("{value}%0D%0A{line}"), format!("{value}%0A{line}")];
    match loc {
        Loc::Header => encoded.to_vec(),
        // A path segment is percent-encoded once on its way: these arrive encoded.
        Loc::Path => raw.into_iter().chain(encoded).collect(),
        _ => raw.to_vec(),
    }
}

/// Whether an HTML response carries `tag` as markup (unescaped).
fn shows_markup(resp: &Response, tag: &str) -> bool {
    resp.is_html() && resp.text().contains(tag)
}

/// The page that shows what a form saves: GET on the form's own path.
fn page_of<'e>(form: &Endpoint, all: &'e [Endpoint]) -> Option<&'e Endpoint> {
    all.iter()
        .find(|o| o.method == "GET" && o.path_with(None) == form.path_with(None))
}

/// At most this many pages are read at once after a stored write, and this many in a
/// run (the rest wait for the sweep at the end).
const UNESCAPED_PAGES: usize = 3;
const MAX_PROMPT_READS: usize = 100;

/// GET pages (without URL variables) whose routes the source says render data unescaped
/// (a `|safe` in their template, markup built from stored values), other than the form's
/// own page.
fn unescaped_pages<'e>(ctx: &Ctx<'_>, form: &Endpoint, all: &'e [Endpoint]) -> Vec<&'e Endpoint> {
    let mut seen = std::collections::HashSet::new();
    all.iter()
        .filter(|o| o.method == "GET" && !o.template.contains('<') && o.from != "crawl")
        .filter(|o| o.path_with(None) != form.path_with(None))
        .filter(|o| {
            ctx.opts
                .predicted
                .iter()
                .any(|(rule, code)| *code == "FG618" && *rule == o.template)
        })
        .filter(|o| seen.insert(o.template.clone()))
        .take(UNESCAPED_PAGES)
        .collect()
}

async fn xss(ctx: &Ctx<'_>, e: &Endpoint, p: &Param, shared: &Shared<'_>) -> Step<()> {
    let m = marker();
    let tag = format!("<{m}x>");
    let payload = format!("{m}'\"{tag}");
    let Some(resp) = attempt(ctx, e, p, &payload).await? else {
        return Ok(());
    };
    if shows_markup(&resp, &tag) {
        report(
            ctx,
            "FG618",
            Severity::High,
            e,
            Some(p),
            format!(
                "Reflected XSS: {} is echoed into HTML unescaped",
                param_label(p)
            ),
            &resp,
            &format!(
                "the tag `{tag}` sent in {} comes back as markup",
                param_label(p)
            ),
            Some(&tag),
        );
        return Ok(());
    }
    // Escaped, but written at the start of a URL attribute of a page (`<a href="{value}">`):
    // a `javascript:` URL needs no markup characters. (A redirect's own body is never
    // shown: that is the redirect check's business.)
    if !resp.is_redirect() && starts_url_attribute(&resp.text(), &m) {
        let js = format!("javascript:{m}()");
        if let Some(r) = attempt(ctx, e, p, &js).await?
            && !r.is_redirect()
            && starts_url_attribute(&r.text(), &js)
        {
            report(
                ctx,
                "FG618",
                Severity::High,
                e,
                Some(p),
                format!(
                    "Reflected XSS: {} is written at the start of a link, where a `javascript:` URL runs",
                    param_label(p)
                ),
                &r,
                &format!(
                    "`{js}` sent in {} comes back as the start of a URL attribute",
                    param_label(p)
                ),
                Some(&js),
            );
            return Ok(());
        }
    }
    if e.method == "GET" {
        return Ok(());
    }
    // Stored: a form that saves the value, shown by the page of the same path or, after
    // a write that looks accepted, by a page the source says renders stored data
    // unescaped (read at once: a listing of the latest rows may have moved on by the
    // end), else by any page read at the end.
    // Only after a write that looks accepted: redirected (post/redirect/get) or created.
    let accepted = resp.is_redirect() || resp.status == 201;
    for page in page_of(e, shared.all).into_iter().chain(
        unescaped_pages(ctx, e, shared.all)
            .into_iter()
            .filter(|_| accepted)
            .take_while(|_| {
                shared
                    .prompt_reads
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
                    < MAX_PROMPT_READS
            }),
    ) {
        if let Some(shown) = send(ctx, page.request(ctx.client.base(), None)).await?
            && shows_markup(&shown, &tag)
        {
            report_stored(ctx, e, p, page, &shown, &tag);
            return Ok(());
        }
    }
    if let Ok(mut planted) = shared.planted.lock()
        && planted.len() < 500
    {
        planted.push(Planted {
            tag,
            e: e.clone(),
            p: p.clone(),
        });
    }
    Ok(())
}

/// Whether `value` starts the value of a URL attribute in `html` (`href="value…`,
/// `src='value…`, `action=value…`), where a `javascript:` URL is run.
fn starts_url_attribute(html: &str, value: &str) -> bool {
    let lower = html.to_ascii_lowercase();
    let value = value.to_ascii_lowercase();
    ["href", "src", "action", "formaction"].iter().any(|attr| {
        ["\"", "'", ""].iter().any(|quote| {
            lower.contains(&format!("{attr}={quote}{value}"))
                || lower.contains(&format!("{attr} = {quote}{value}"))
        })
    })
}

/// A product probe: its payloads for two factors, and what it reports when a payload's
/// product shows.
struct ProductFinding {
    /// The payloads for the input's sample value and factors `a` and `b`.
    payloads: fn(&str, u64, u64) -> Vec<String>,
    code: &'static str,
    /// `{}` is replaced by the input's label.
    message: &'static str,
    /// How the proof reads: `{payload}` and `{product}` are replaced.
    proof: &'static str,
}

/// Pickle or YAML that an app deserializes into a call of `operator.mul`.
const DESERIALIZATION: ProductFinding = ProductFinding {
    payloads: |_, a, b| deserialization_payloads(a, b),
    code: "FG643",
    message: "Insecure deserialization: {} is deserialized into Python objects",
    proof: "`{payload}` (pickle or YAML calling operator.mul) came back as {product}",
};

const TEMPLATE: ProductFinding = ProductFinding {
    payloads: |_, a, b| template_payloads(a, b).to_vec(),
    code: "FG619",
    message: "Template injection: {} is evaluated by Jinja2",
    proof: "`{payload}` rendered as {product}",
};

const CODE: ProductFinding = ProductFinding {
    payloads: |_, a, b| code_payloads(a, b).to_vec(),
    code: "FG622",
    message: "Code injection: {} is evaluated as Python",
    proof: "`{payload}` evaluated to {product}",
};

const COMMAND: ProductFinding = ProductFinding {
    payloads: |sample, a, b| command_payloads(sample, a, b).to_vec(),
    code: "FG621",
    message: "Command injection: {} reaches a shell",
    proof: "the shell computed `{payload}` into {product}",
};

/// Whether a body shows `product`, which only evaluating `payload` makes: the payload
/// holds the two random factors, never their product, so an echo of it (a JSON API that
/// returns the expression with its result, a preview beside the rendered text) neither
/// proves nor hides anything.
fn computed(body: &str, product: &str, payload: &str) -> bool {
    debug_assert!(!payload.contains(product));
    body.contains(product)
}

/// Sends each payload until one comes back computed: the product of two random factors
/// shows in the body. Reports it.
async fn product_probe(
    ctx: &Ctx<'_>,
    e: &Endpoint,
    p: &Param,
    finding: &ProductFinding,
) -> Step<bool> {
    let (a, b) = factors();
    let product = (a * b).to_string();
    let mut payloads = (finding.payloads)(&p.sample, a, b);
    // Two encodings of one payload can be the same text: sent once.
    let mut seen = std::collections::HashSet::new();
    payloads.retain(|x| seen.insert(x.clone()));
    for payload in &payloads {
        let Some(resp) = attempt(ctx, e, p, payload).await? else {
            return Ok(false);
        };
        let body = resp.text();
        if computed(&body, &product, payload) {
            report(
                ctx,
                finding.code,
                Severity::Critical,
                e,
                Some(p),
                finding.message.replace("{}", &param_label(p)),
                &resp,
                &finding
                    .proof
                    .replace("{payload}", payload)
                    .replace("{product}", &product),
                Some(&product),
            );
            return Ok(true);
        }
    }
    Ok(false)
}

/// Python expressions that show the product of `a` and `b` only if evaluated as Python:
/// alone, with a comment cutting off what the app appends (`"%s + 1"`), closing a
/// parenthesis it opened (`"({}) - 100"`), and breaking out of a string literal it
/// quotes the input in (`"len('{}')"`). Plain arithmetic alone is no proof (a safe
/// calculator computes it too), so each has a call, a comment or a quote.
fn code_payloads(a: u64, b: u64) -> [String; 4] {
    [
        format!("str({a}*{b})"),
        format!("str({a}*{b})#"),
        format!("str({a}*{b}))#"),
        format!("') + {a}*{b} + len('"),
    ]
}

/// Jinja2 expressions multiplying `a` and `b` (the second for filters that want strings;
/// the third closes a `{% raw %}` block the app wraps the value in, and reopens it).
fn template_payloads(a: u64, b: u64) -> [String; 3] {
    [
        format!("{{{{{a}*{b}}}}}"),
        format!("{{{{{a}*'{b}'|int}}}}"),
        format!("{{% endraw %}}{{{{{a}*{b}}}}}{{% raw %}}"),
    ]
}

/// The sample value followed by shell arithmetic on `a` and `b`, joined three ways, and
/// once more out of a single-quoted word the app put it in (`echo '{value}'`).
fn command_payloads(sample: &str, a: u64, b: u64) -> [String; 4] {
    // `;` also covers what `&&` would (the first command need not succeed).
    [
        format!("{sample};echo $(({a}*{b}))"),
        format!("{sample}|echo $(({a}*{b}))"),
        format!("{sample}$(echo $(({a}*{b})))"),
        format!("{sample}';echo $(({a}*{b}));'"),
    ]
}

/// Blind command injection: the output is not shown, but `sleep` takes the time it is
/// told.
async fn blind_command(ctx: &Ctx<'_>, e: &Endpoint, p: &Param) -> Step<bool> {
    let finding = DelayFinding {
        code: "FG621",
        message: "Blind command injection: {} reaches a shell",
    };
    delay_probe(ctx, e, p, &["{s};sleep {d}", "{s}$(sleep {d})"], &finding).await
}

/// What a time-based probe reports.
struct DelayFinding {
    code: &'static str,
    /// `{}` is replaced by the input's label.
    message: &'static str,
}

/// Whether a request that took `seconds` against `baseline` seconds shows a delay of
/// `delay` seconds (most of it: timers and schedulers round).
fn took(seconds: f64, baseline: f64, delay: f64) -> bool {
    seconds >= baseline + delay * 0.8
}

/// Time-based detection with a bounded delay: each template (`{s}` the sample value, `{d}`
/// seconds) is sent with a 3 s delay; one that takes that long is confirmed with 2 s, and
/// reported only if both took what they were told, against a fresh baseline.
/// A delay template with sample `s` and `d` seconds: `{s}` and `{d}` replaced, and the
/// deserialization templates (`pickle-base64`, `pickle-base64url`, `yaml`) built as a
/// pickle or YAML document that calls `time.sleep(d)`.
fn render_delay(template: &str, s: &str, d: f64) -> String {
    use base64::Engine as _;
    let d = format!("{d:.0}");
    let pickle = || format!("ctime\nsleep\n(I{d}\ntR.").into_bytes();
    match template {
        "pickle-base64" => base64::engine::general_purpose::STANDARD.encode(pickle()),
        "pickle-base64url" => base64::engine::general_purpose::URL_SAFE.encode(pickle()),
        "yaml" => format!("!!python/object/apply:time.sleep [{d}]"),
        _ => template.replace("{s}", s).replace("{d}", &d),
    }
}

/// Blind deserialization: the object is not shown, but `time.sleep` takes the time it is
/// told. Tried on cookies and headers, and on inputs whose sample looks encoded, where
/// serialized objects travel.
async fn blind_deserialization(ctx: &Ctx<'_>, e: &Endpoint, p: &Param) -> Step<bool> {
    let encoded = p.sample.len() >= 16
        && p.sample
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+/=-_".contains(&b));
    if !matches!(p.loc, Loc::Cookie | Loc::Header) && !encoded {
        return Ok(false);
    }
    let finding = DelayFinding {
        code: "FG643",
        message: "Insecure deserialization: {} is deserialized into Python objects",
    };
    // Standard and URL-safe base64 of this pickle are the same text.
    delay_probe(ctx, e, p, &["pickle-base64", "yaml"], &finding).await
}

async fn delay_probe(
    ctx: &Ctx<'_>,
    e: &Endpoint,
    p: &Param,
    templates: &[&str],
    finding: &DelayFinding,
) -> Step<bool> {
    const DELAY: f64 = 3.0;
    if ctx.client.limits().timeout.as_secs_f64() < DELAY + 2.0 {
        return Ok(false);
    }
    let s = &p.sample;
    let Some(base) = attempt(ctx, e, p, s).await? else {
        return Ok(false);
    };
    let t0 = base.elapsed.as_secs_f64();
    for template in templates {
        let payload = |d: f64| render_delay(template, s, d);
        let Some(slow) = attempt(ctx, e, p, &payload(DELAY)).await? else {
            return Ok(false);
        };
        if !took(slow.elapsed.as_secs_f64(), t0, DELAY) {
            continue;
        }
        // Confirm: a shorter delay takes about that long, not the longer one.
        let Some(check) = attempt(ctx, e, p, &payload(DELAY - 1.0)).await? else {
            return Ok(false);
        };
        let t2 = check.elapsed.as_secs_f64();
        if took(t2, t0, DELAY - 1.0) && t2 < slow.elapsed.as_secs_f64() + 0.5 {
            report(
                ctx,
                finding.code,
                Severity::Critical,
                e,
                Some(p),
                finding.message.replace("{}", &param_label(p)),
                &slow,
                &format!(
                    "`{}` took {:.1} s and `{}` {t2:.1} s, against {t0:.1} s for the plain value",
                    payload(DELAY),
                    slow.elapsed.as_secs_f64(),
                    payload(DELAY - 1.0)
                ),
                None,
            );
            return Ok(true);
        }
    }
    Ok(false)
}

/// Delays for PostgreSQL and MySQL after a number or inside a string (`{s}` the sample,
/// `{d}` seconds), for the engines the source connects to (all when unknown; none for
/// SQLite, which has no sleep).
fn sql_delays(sample: &str, databases: &[&str]) -> Vec<&'static str> {
    let numeric = sample.parse::<f64>().is_ok();
    let speaks = |engine: &str| databases.is_empty() || databases.contains(&engine);
    let mut out = Vec::new();
    if speaks("postgresql") {
        out.push(if numeric {
            "{s} AND 1=(SELECT 1 FROM pg_sleep({d}))"
        } else {
            "{s}'||pg_sleep({d})||'"
        });
    }
    if speaks("mysql") {
        out.push(if numeric {
            "{s} AND SLEEP({d})"
        } else {
            "{s}' AND SLEEP({d})-- -"
        });
    }
    out
}

/// Blind SQL injection by time: PostgreSQL's `pg_sleep` and MySQL's `SLEEP`, in string
/// and numeric contexts.
async fn blind_sql(ctx: &Ctx<'_>, e: &Endpoint, p: &Param) -> Step<bool> {
    let finding = DelayFinding {
        code: "FG620",
        message: "Blind SQL injection: a delay appended to {} runs in the database",
    };
    let delays = sql_delays(&p.sample, &ctx.opts.databases);
    if delays.is_empty() {
        return Ok(false);
    }
    delay_probe(ctx, e, p, &delays, &finding).await
}

const SQL_ERRORS: &[&str] = &[
    "sqlite3.OperationalError",
    "OperationalError",
    "unrecognized token",
    "near \"",
    "syntax error at or near",
    "unterminated quoted string",
    "You have an error in your SQL syntax",
    "SQLSTATE[",
    "psycopg2.errors",
    "pymysql.err",
    "sqlalchemy.exc",
    "ORA-00933",
    "ORA-01756",
    "quoted string not properly terminated",
];

fn sql_error(body: &str) -> Option<&'static str> {
    SQL_ERRORS.iter().copied().find(|s| body.contains(s))
}

/// A true and a false condition appended to the sample, as a number or inside a string.
fn sql_conditions(sample: &str) -> (String, String) {
    if sample.parse::<f64>().is_ok() {
        (format!("{sample} AND 1=1"), format!("{sample} AND 1=2"))
    } else {
        (
            format!("{sample}' AND '1'='1"),
            format!("{sample}' AND '1'='2"),
        )
    }
}

#[allow(clippy::many_single_char_names)]
async fn sql(ctx: &Ctx<'_>, e: &Endpoint, p: &Param, base: &Response) -> Step<()> {
    let base_body = base.text().into_owned();
    let s = &p.sample;
    for payload in [format!("{s}'"), format!("{s}\""), format!("{s})")] {
        let Some(resp) = attempt(ctx, e, p, &payload).await? else {
            return Ok(());
        };
        let body = resp.text();
        if let Some(sig) = sql_error(&body)
            && !base_body.contains(sig)
        {
            report(
                ctx,
                "FG620",
                Severity::Critical,
                e,
                Some(p),
                format!(
                    "SQL injection: a quote in {} breaks the query",
                    param_label(p)
                ),
                &resp,
                &format!("`{payload}` produced the database error `{sig}`"),
                Some(sig),
            );
            return Ok(());
        }
    }
    // Boolean differential: a true condition answers like the original, a false one does not.
    let (t, f) = sql_conditions(s);
    let Some(rt) = attempt(ctx, e, p, &t).await? else {
        return Ok(());
    };
    let Some(rf) = attempt(ctx, e, p, &f).await? else {
        return Ok(());
    };
    let norm = |r: &Response, payload: &str| answer_text(r, payload, s);
    let (bt, bf, b0) = (norm(&rt, &t), norm(&rf, &f), norm(base, s));
    let differs = |rt: &Response, bt: &str, rf: &Response, bf: &str| {
        rt.status == base.status && bt == b0 && (bf != b0 || rf.status != base.status)
    };
    if differs(&rt, &bt, &rf, &bf) {
        // Once more, in the same order: a page that changes from one request to the next
        // (a login that consumed a token, a counter, a time) is not the condition's doing.
        let Some(rt2) = attempt(ctx, e, p, &t).await? else {
            return Ok(());
        };
        let Some(rf2) = attempt(ctx, e, p, &f).await? else {
            return Ok(());
        };
        let (bt2, bf2) = (norm(&rt2, &t), norm(&rf2, &f));
        if !differs(&rt2, &bt2, &rf2, &bf2) || bf2 != bf || rf2.status != rf.status {
            return Ok(());
        }
        report(
            ctx,
            "FG620",
            Severity::Critical,
            e,
            Some(p),
            format!(
                "SQL injection: a condition appended to {} changes the result",
                param_label(p)
            ),
            &rf,
            &format!("`{t}` answers like the original value; `{f}` answers differently"),
            None,
        );
        return Ok(());
    }
    // A value that matches nothing answers "nothing": an alternative that is always true
    // then shows every row, one that is never true answers like the value. (The sample
    // may match rows, a default the app falls back to: its answer proves nothing here.)
    // Only where the request reads (GET, or a form answered with a page rather than a
    // redirect): `OR` true on an UPDATE or DELETE would touch every row.
    if reads_only(e, base) {
        let none = if s.parse::<f64>().is_ok() {
            "-7319".to_string()
        } else {
            "zq7319".to_string()
        };
        let Some(r0) = attempt(ctx, e, p, &none).await? else {
            return Ok(());
        };
        let norm_none = |r: &Response, payload: &str| answer_text(r, payload, &none);
        let b0 = norm_none(&r0, &none);
        // First the always-true alternative alone: where it answers like the value (most
        // inputs), nothing here can prove anything, and the rest is not worth its
        // requests (the budget is shared by every input of the app).
        let (t1, _) = sql_alternatives(&none, "a", "b");
        let Some(rt1) = attempt(ctx, e, p, &t1).await? else {
            return Ok(());
        };
        if rt1.status == r0.status && norm_none(&rt1, &t1) == b0 {
            blind_sql(ctx, e, p).await?;
            return Ok(());
        }
        // A page that changes from one request to the next (flashed messages, counters)
        // answers differently whatever is sent.
        let Some(r0_again) = attempt(ctx, e, p, &none).await? else {
            return Ok(());
        };
        if norm_none(&r0_again, &none) != b0 || r0_again.status != r0.status {
            blind_sql(ctx, e, p).await?;
            return Ok(());
        }
        // The always-true alternative answers differently from the value, the never-true
        // one like it.
        let holds = |rt: &Response, t: &str, rf: &Response, f: &str| {
            rf.status == r0.status
                && norm_none(rf, f) == b0
                && (norm_none(rt, t) != b0 || rt.status != r0.status)
        };
        let mut proof = None;
        for (yes, no) in [("a", "b"), ("c", "d")] {
            let (t, f) = sql_alternatives(&none, yes, no);
            let Some(rt) = attempt(ctx, e, p, &t).await? else {
                return Ok(());
            };
            let Some(rf) = attempt(ctx, e, p, &f).await? else {
                return Ok(());
            };
            if !holds(&rt, &t, &rf, &f) {
                proof = None;
                break;
            }
            proof = Some((t, f, rt));
        }
        // Once more, the other way round: the never-true alternative first.
        if let Some((t, f, _)) = &proof {
            let Some(rf2) = attempt(ctx, e, p, f).await? else {
                return Ok(());
            };
            let Some(rt2) = attempt(ctx, e, p, t).await? else {
                return Ok(());
            };
            if !holds(&rt2, t, &rf2, f) {
                proof = None;
            }
        }
        if let Some((t, f, rt)) = proof {
            report(
                ctx,
                "FG620",
                Severity::Critical,
                e,
                Some(p),
                format!(
                    "SQL injection: an alternative appended to {} changes the result",
                    param_label(p)
                ),
                &rt,
                &format!(
                    "`{t}` answers differently from the original value; `{f}` answers like it"
                ),
                None,
            );
            return Ok(());
        }
    }
    blind_sql(ctx, e, p).await?;
    Ok(())
}

/// A response's text without what the probe sent (as sent and HTML-escaped) and without
/// the value it was appended to: what is left is the app's own answer.
fn answer_text(r: &Response, payload: &str, value: &str) -> String {
    r.text()
        .replace(payload, "")
        .replace(&html_escape(payload), "")
        .replace(value, "")
}

/// Whether sending a condition that is always true is harmless here: the request only
/// reads (GET), or a form's answer is a page (an update or delete usually redirects).
fn reads_only(e: &Endpoint, base: &Response) -> bool {
    e.method == "GET" || e.method == "POST" && base.status == 200
}

/// An alternative that is always true and one that is never true, appended to the
/// sample. The string form compares with `LIKE`, so that it also closes a
/// `LIKE '%…%'` pattern: `'%x' OR 'a' LIKE 'a%'` holds, `'%x' OR 'a' LIKE 'b%'` does not.
fn sql_alternatives(sample: &str, yes: &str, no: &str) -> (String, String) {
    if sample.parse::<f64>().is_ok() {
        (
            format!("{sample} OR '{yes}'='{yes}'"),
            format!("{sample} OR '{yes}'='{no}'"),
        )
    } else {
        (
            format!("{sample}' OR '{yes}' LIKE '{yes}"),
            format!("{sample}' OR '{yes}' LIKE '{no}"),
        )
    }
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

/// `/etc/passwd` up many folders, absolute, and past a filter that strips `../` once.
const TRAVERSALS: [&str; 3] = [
    "../../../../../../../../../../etc/passwd",
    "/etc/passwd",
    "....//....//....//....//....//....//etc/passwd",
];

async fn traversal(ctx: &Ctx<'_>, e: &Endpoint, p: &Param, base: &Response) -> Step<()> {
    if shows_passwd(&base.text()) {
        return Ok(());
    }
    for payload in TRAVERSALS {
        let Some(resp) = attempt(ctx, e, p, payload).await? else {
            return Ok(());
        };
        if shows_passwd(&resp.text()) {
            report(
                ctx,
                "FG623",
                Severity::High,
                e,
                Some(p),
                format!(
                    "Path traversal: {} reads files outside the intended folder",
                    param_label(p)
                ),
                &resp,
                &format!("`{payload}` returned /etc/passwd"),
                Some("root:"),
            );
            return Ok(());
        }
    }
    Ok(())
}

/// `host` as an absolute URL, scheme-relative, and with a backslash browsers read as `/`.
fn redirect_payloads(host: &str) -> [String; 3] {
    [
        format!("https://{host}/"),
        format!("//{host}/"),
        format!("/\\{host}/"),
    ]
}

/// Whether a `Location` (read as browsers do, `\` as `/`) sends the browser to `host`.
fn redirects_to(from: &url::Url, location: &str, host: &str) -> bool {
    from.join(&location.replace('\\', "/"))
        .ok()
        .is_some_and(|u| u.host_str() == Some(host))
}

async fn redirect(ctx: &Ctx<'_>, e: &Endpoint, p: &Param) -> Step<()> {
    let m = marker();
    for (payload, host) in redirect_attempts(&m, &p.sample) {
        let Some(resp) = attempt(ctx, e, p, &payload).await? else {
            return Ok(());
        };
        let Some((how, target)) = redirect_target(&resp) else {
            continue;
        };
        if redirects_to(&resp.url, &target, &host) {
            report(
                ctx,
                "FG624",
                Severity::Medium,
                e,
                Some(p),
                format!("Open redirect: {} sends users to any site", param_label(p)),
                &resp,
                &format!("`{payload}` → {how}: {target}"),
                None,
            );
            return Ok(());
        }
    }
    Ok(())
}

/// The redirect payloads for marker `m` with the host each must send the browser to: the
/// usual three to `m.example`, and when the sample is a URL on host `H`, two that pass a
/// check on it done with `endswith(H)` or `H in url`.
fn redirect_attempts(m: &str, sample: &str) -> Vec<(String, String)> {
    let host = format!("{m}.example");
    let mut out: Vec<(String, String)> = redirect_payloads(&host)
        .into_iter()
        .map(|p| (p, host.clone()))
        .collect();
    if let Ok(u) = url::Url::parse(sample)
        && matches!(u.scheme(), "http" | "https")
        && let Some(h) = u.host_str()
        && !h.is_empty()
    {
        let suffixed = format!("{m}{h}");
        out.push((format!("https://{suffixed}/"), suffixed));
        out.push((format!("https://{host}/?{h}"), host.clone()));
    }
    out
}

/// Where a response sends the browser: its `Location`, or an HTML page's meta refresh.
fn redirect_target(resp: &Response) -> Option<(&'static str, String)> {
    if resp.is_redirect() {
        return resp.header("location").map(|l| ("Location", l.to_string()));
    }
    if !resp.is_html() {
        return None;
    }
    let text = resp.text();
    let lower = text.to_ascii_lowercase();
    let at = lower
        .find("http-equiv=\"refresh\"")
        .or_else(|| lower.find("http-equiv='refresh'"))
        .or_else(|| lower.find("http-equiv=refresh"))?;
    // The tag around it, and its content's `url=`.
    let start = lower[..at].rfind('<')?;
    let end = at + lower[at..].find('>')?;
    let tag = &text[start..end];
    let url_at = tag.to_ascii_lowercase().find("url=")? + 4;
    let url: String = tag[url_at..]
        .trim_start_matches(['\'', '"'])
        .chars()
        .take_while(|c| !matches!(c, '"' | '\'' | '>' | ' '))
        .collect();
    let url = url
        .replace("&amp;", "&")
        .replace("&#x2F;", "/")
        .replace("&#47;", "/");
    (!url.is_empty()).then_some(("meta refresh", url))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{endpoint, param, response};
    use super::*;

    #[test]
    fn deserialization_payloads_only_multiply() {
        assert_eq!(
            String::from_utf8(pickle_mul(1234, 5678)).unwrap(),
            "coperator\nmul\n(I1234\nI5678\ntR."
        );
        assert_eq!(
            yaml_mul(12, 34),
            "!!python/object/apply:operator.mul [12, 34]"
        );
        let payloads = deserialization_payloads(1234, 5678);
        assert_eq!(payloads.len(), 3);
        // Standard and URL-safe base64 of the same pickle.
        assert_eq!(payloads[0], "Y29wZXJhdG9yCm11bAooSTEyMzQKSTU2NzgKdFIu");
        assert_eq!(payloads[1], payloads[0]);
        assert_eq!(payloads[2], yaml_mul(1234, 5678));
    }

    #[test]
    fn payloads_compute_the_product() {
        assert_eq!(
            template_payloads(3, 4),
            ["{{3*4}}", "{{3*'4'|int}}", "{% endraw %}{{3*4}}{% raw %}"]
        );
        assert_eq!(
            command_payloads("a.txt", 3, 4),
            [
                "a.txt;echo $((3*4))",
                "a.txt|echo $((3*4))",
                "a.txt$(echo $((3*4)))",
                "a.txt';echo $((3*4));'",
            ]
        );
        // The product computed, not the payload echoed back with it.
        assert!(computed("<p>12</p>", "12", "{{3*4}}"));
        // Echoed beside its result (`{"expr": "str(3*4)", "result": "12"}`): computed.
        assert!(computed(
            r#"{"expr": "str(3*4)", "result": "12"}"#,
            "12",
            "str(3*4)"
        ));
        assert!(!computed("<p>{{3*4}} 13</p>", "12", "{{3*4}}"));
    }

    #[test]
    fn redirects_by_header_or_meta_refresh() {
        let page = response(
            200,
            "text/html",
            r#"<html><head><meta http-equiv="refresh" content="0; url=https://x.example/a?b=1&amp;c=2"></head></html>"#,
        );
        assert_eq!(
            redirect_target(&page),
            Some(("meta refresh", "https://x.example/a?b=1&c=2".to_string()))
        );
        assert_eq!(
            redirect_target(&response(200, "text/html", "<p>refresh</p>")),
            None
        );
        let attempts = redirect_attempts("fg1", "https://shop.example/home");
        assert!(attempts.contains(&(
            "https://fg1shop.example/".to_string(),
            "fg1shop.example".to_string()
        )));
        assert_eq!(redirect_attempts("fg1", "/home").len(), 3);
    }

    #[test]
    fn delayed_objects_call_only_sleep() {
        use base64::Engine as _;
        let b64 = render_delay("pickle-base64", "x", 3.0);
        let raw = base64::engine::general_purpose::STANDARD
            .decode(b64)
            .unwrap();
        assert_eq!(String::from_utf8(raw).unwrap(), "ctime\nsleep\n(I3\ntR.");
        assert_eq!(
            render_delay("yaml", "x", 2.0),
            "!!python/object/apply:time.sleep [2]"
        );
        assert_eq!(render_delay("{s};sleep {d}", "a", 3.0), "a;sleep 3");
    }

    #[test]
    fn header_lines_travel_as_the_input_can_carry_them() {
        let q = header_payloads("v", "m", Loc::Query);
        assert_eq!(q, ["v\r\nX-Fg-Injected: m", "v\nX-Fg-Injected: m"]);
        // A request header cannot carry CR/LF: only the encoded forms.
        let h = header_payloads("v", "m", Loc::Header);
        assert_eq!(h, ["v%0D%0AX-Fg-Injected: m", "v%0AX-Fg-Injected: m"]);
        assert_eq!(header_payloads("v", "m", Loc::Path).len(), 4);
    }

    #[test]
    fn code_payloads_need_python_to_compute() {
        let p = code_payloads(3, 4);
        assert_eq!(p[0], "str(3*4)");
        // Each holds a call, a comment or a quote: plain arithmetic proves nothing.
        assert!(p.iter().all(|x| x.contains("str(") || x.contains("len(")));
    }

    #[test]
    fn sql_payloads_follow_the_samples_type() {
        assert_eq!(
            sql_conditions("7"),
            ("7 AND 1=1".to_string(), "7 AND 1=2".to_string())
        );
        assert_eq!(
            sql_conditions("bob"),
            ("bob' AND '1'='1".to_string(), "bob' AND '1'='2".to_string())
        );
        assert_eq!(
            sql_alternatives("bob", "a", "b"),
            (
                "bob' OR 'a' LIKE 'a".to_string(),
                "bob' OR 'a' LIKE 'b".to_string()
            )
        );
        assert_eq!(sql_alternatives("7", "a", "b").0, "7 OR 'a'='a'");
        assert!(sql_delays("7", &[])[0].contains("pg_sleep({d}))"));
        assert!(sql_delays("bob", &[])[0].starts_with("{s}'||"));
        assert_eq!(sql_delays("bob", &["mysql"]), ["{s}' AND SLEEP({d})-- -"]);
        assert!(sql_delays("bob", &["sqlite"]).is_empty());
        assert_eq!(
            sql_error("Traceback: sqlite3.OperationalError: near \"x\""),
            Some("sqlite3.OperationalError")
        );
        assert_eq!(
            sql_error("You have an error in your SQL syntax; check"),
            Some("You have an error in your SQL syntax")
        );
        assert_eq!(sql_error("no results for bob'"), None);
        assert_eq!(
            html_escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&#34;x&#34;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn delays_must_take_most_of_their_time() {
        assert!(took(3.5, 0.5, 3.0));
        assert!(took(2.95, 0.5, 3.0));
        assert!(!took(2.85, 0.5, 3.0));
    }

    #[test]
    fn redirects_are_judged_by_where_a_browser_goes() {
        let from = url::Url::parse("http://127.0.0.1:5000/go").unwrap();
        let host = "fg0000abcd.example";
        let payloads = redirect_payloads(host);
        assert_eq!(payloads[2], "/\\fg0000abcd.example/");
        for p in &payloads {
            assert!(redirects_to(&from, p, host), "{p}");
        }
        assert!(!redirects_to(&from, "/fg0000abcd.example/", host));
        assert!(!redirects_to(
            &from,
            "https://other.example/?fg0000abcd.example",
            host
        ));
        assert!(TRAVERSALS.iter().all(|t| t.ends_with("etc/passwd")));
    }

    #[test]
    fn reflected_markup_and_the_page_of_a_form() {
        assert!(shows_markup(
            &response(200, "text/html; charset=utf-8", "hi <fgx>"),
            "<fgx>"
        ));
        assert!(!shows_markup(
            &response(200, "text/html", "hi &lt;fgx&gt;"),
            "<fgx>"
        ));
        assert!(!shows_markup(
            &response(200, "application/json", "\"<fgx>\""),
            "<fgx>"
        ));
        let form = endpoint("POST", "/comments", vec![param(Loc::Form, "text")]);
        let all = [
            endpoint("GET", "/other", vec![]),
            endpoint("GET", "/comments", vec![]),
            form.clone(),
        ];
        assert_eq!(
            page_of(&form, &all).map(Endpoint::label).as_deref(),
            Some("GET /comments")
        );
        assert!(page_of(&form, &all[..1]).is_none());
        let mut base = response(302, "text/html", "");
        assert!(!echoed_in_headers("next-page", &base));
        base.headers
            .push(("Location".to_string(), "/x?next=next-page".to_string()));
        assert!(echoed_in_headers("next-page", &base));
        assert!(!echoed_in_headers("x", &base), "too short to tell");
    }
}
