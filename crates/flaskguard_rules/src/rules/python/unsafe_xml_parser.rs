use flaskguard_index::semantic::CallSite;
use flaskguard_index::{Index, Site, Value};
use flaskguard_report::Severity;

use super::{callee, raised, reads_request};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for XML parsed with parsers that expand entities, instead of `defusedxml`:
    /// - the standard library: `xml.etree.ElementTree` (`fromstring`, `parse`, `XML`,
    ///   `iterparse`, `XMLParser`, …), `xml.dom.minidom`, `xml.dom.pulldom` and `xml.sax`;
    /// - lxml: `lxml.etree.fromstring` / `parse` / `XML` with the default parser, and an
    ///   `XMLParser` built with `resolve_entities=True`, `no_network=False` or
    ///   `huge_tree=True`.
    ///
    /// The `defusedxml` equivalents are safe, and so is lxml with an
    /// `XMLParser(resolve_entities=False)` passed as `parser=`.
    ///
    /// ## Why is this bad?
    /// XML entities are macros: external entities read local files or URLs into the
    /// document (XXE: `/etc/passwd`, cloud metadata), and nested entities expand a
    /// kilobyte into gigabytes ("billion laughs"). lxml's default parser resolves
    /// entities; the standard library's parsers expand internal entities, which is an
    /// audit item for trusted files and a denial of service for request data.
    ///
    /// ## Example
    /// ```python
    /// import xml.etree.ElementTree as ET
    /// root = ET.fromstring(request.data)
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// from defusedxml import ElementTree as ET
    /// root = ET.fromstring(request.data)
    /// ```
    ///
    /// ## Known problems
    /// Standard-library parsers are reported only when external general entities are
    /// switched back on (`setFeature(feature_external_ges, True)`): since Python 3.7.1
    /// they load no external entities by default, and expat 2.4.1+ (Python 3.9.7+) bounds
    /// entity expansion. Parsers that resolve entities but only ever parse constant or
    /// converted documents are not reported either.
    ///
    /// ## References
    /// - [Python: XML vulnerabilities](https://docs.python.org/3/library/xml.html#xml-vulnerabilities)
    /// - [defusedxml](https://github.com/tiran/defusedxml)
    /// - [lxml: FAQ — How do I use lxml safely as a web-service endpoint?](https://lxml.de/FAQ.html#how-do-i-use-lxml-safely-as-a-web-service-endpoint)
    /// - [OWASP: XML External Entity Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG127",
        name: "unsafe-xml-parser",
        summary: "XML parsed with an entity-expanding parser instead of defusedxml",
        severity: High,
        confidence: High,
        cwe: [611, 776],
        owasp: "A05",
        remediation: "Parse with defusedxml, or lxml with XMLParser(resolve_entities=False, no_network=True).",
        since: "0.1.0",
        status: Stable,
        uses_taint: true,
        check: check,
    }
}

/// Standard-library parse functions and parser factories.
const STDLIB: &[&str] = &[
    "xml.etree.ElementTree.fromstring",
    "xml.etree.ElementTree.fromstringlist",
    "xml.etree.ElementTree.parse",
    "xml.etree.ElementTree.XML",
    "xml.etree.ElementTree.iterparse",
    "xml.etree.ElementTree.XMLParser",
    "xml.etree.ElementTree.XMLPullParser",
    "xml.etree.ElementTree.ElementTree().parse",
    "xml.dom.minidom.parse",
    "xml.dom.minidom.parseString",
    "xml.dom.pulldom.parse",
    "xml.dom.pulldom.parseString",
    "xml.dom.expatbuilder.parse",
    "xml.dom.expatbuilder.parseString",
    "xml.sax.parse",
    "xml.sax.parseString",
    "xml.sax.make_parser",
];

/// lxml functions taking a `parser` (position 1).
const LXML_PARSE: &[&str] = &[
    "lxml.etree.fromstring",
    "lxml.etree.fromstringlist",
    "lxml.etree.XML",
    "lxml.etree.parse",
    "lxml.objectify.fromstring",
    "lxml.objectify.XML",
    "lxml.objectify.parse",
];

const LXML_PARSERS: &[&str] = &[
    "lxml.etree.XMLParser",
    "lxml.objectify.XMLParser",
    "lxml.etree.XMLPullParser",
];

/// A parse function or parser factory the rule reports.
fn is_xml_call(q: &str) -> bool {
    STDLIB.contains(&q)
        || LXML_PARSERS.contains(&q)
        || LXML_PARSE.contains(&q)
        || q == "lxml.etree.iterparse"
}

/// A parser object's `parse` or `feed` method (`lxml.etree.XMLParser().feed`).
fn is_parser_method(q: &str) -> bool {
    q.ends_with(").parse") || q.ends_with(").feed")
}

/// A callee from an XML library (lxml, `xml.*`, defusedxml): only they take a parser.
fn mentions_xml(q: &str) -> bool {
    q.contains("xml") || q.contains("XML")
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    let index = ctx.index;
    // Parsers passed to a standard-library parse call are reported with that call.
    let mut consumed: Vec<Site> = Vec::new();
    for c in index.calls_where(|q| STDLIB.contains(&q)) {
        if let Some(site) = c
            .call
            .keyword("parser")
            .and_then(|p| index.resolve(c.module, c.scope, p))
            .and_then(|r| r.site)
        {
            consumed.push(site);
        }
    }
    // SAX parsers with external general entities switched on:
    // `parser.setFeature(feature_external_ges, True)`.
    let mut external_ges: Vec<Site> = Vec::new();
    for c in index.calls_where(|q| q.ends_with(".setFeature")) {
        let Some(r) = &c.callee else { continue };
        let (Some(feature), Some(on)) = (c.call.args.first(), c.call.args.get(1)) else {
            continue;
        };
        let is_ges = index
            .resolve(c.module, c.scope, feature)
            .is_some_and(|f| f.qual.ends_with("feature_external_ges"))
            || index.eval(c.module, c.scope, feature).as_str()
                == Some("http://xml.org/sax/features/external-general-entities");
        if is_ges
            && index.eval(c.module, c.scope, on).truthy() == Some(true)
            && let Some(site) = r.site
        {
            external_ges.push(site);
        }
    }
    // Parsers built with entity resolution whose every use parses a constant (or
    // converted) document are harmless: no attacker-supplied entity reaches them.
    let mut used_unsafely: Vec<Site> = Vec::new();
    let mut used_harmlessly: Vec<Site> = Vec::new();
    for c in index.calls_where(|q| is_parser_method(q) || mentions_xml(q)) {
        // The parser passed to a parse function, or the parser whose `parse`/`feed` runs.
        let receiver_site = c
            .callee
            .as_ref()
            .filter(|r| is_parser_method(&r.qual))
            .and_then(|r| r.site);
        let site = if let Some(site) = receiver_site {
            site
        } else {
            // Only XML functions take a parser (lxml, xml.*, defusedxml): resolving the
            // second argument of every call would cost more than the rest of the rule.
            if !callee(c).is_some_and(mentions_xml) {
                continue;
            }
            let Some(parser) = c.call.keyword("parser").or_else(|| c.call.args.get(1)) else {
                continue;
            };
            let Some(site) = index
                .resolve(c.module, c.scope, parser)
                .and_then(|r| r.site)
            else {
                continue;
            };
            site
        };
        match ctx.sink_verdict(c.module, c.expr.span, crate::taint::Class::Xml) {
            Some(crate::taint::Verdict::Const | crate::taint::Verdict::Sanitized) => {
                used_harmlessly.push(site);
            }
            Some(_) => used_unsafely.push(site),
            None => {}
        }
    }
    for c in index.calls_where(is_xml_call) {
        let Some(q) = callee(c) else { continue };
        let own = Site {
            module: c.module,
            span: c.expr.span,
        };
        if used_harmlessly.contains(&own) && !used_unsafely.contains(&own) {
            continue;
        }
        // The document is a constant or request data made safe (cast, allow-listed): no
        // attacker-supplied entities can reach the parser.
        if matches!(
            ctx.sink_verdict(c.module, c.expr.span, crate::taint::Class::Xml),
            Some(crate::taint::Verdict::Const | crate::taint::Verdict::Sanitized)
        ) {
            continue;
        }
        let site = Site {
            module: c.module,
            span: c.expr.span,
        };
        let (message, severity) = if STDLIB.contains(&q) {
            if consumed.contains(&site) {
                continue;
            }
            // Python 3.7.1+ resolves no external entities by default, and expat 2.4.1+
            // bounds entity expansion: a default standard-library parser is reported only
            // when external general entities were switched back on.
            let parser_site = c
                .call
                .keyword("parser")
                .and_then(|p| index.resolve(c.module, c.scope, p))
                .and_then(|r| r.site);
            let enabled = external_ges.contains(&site)
                || parser_site.is_some_and(|p| external_ges.contains(&p));
            if !enabled {
                continue;
            }
            (
                format!(
                    "`{q}` parses with external general entities enabled (`feature_external_ges`): XXE"
                ),
                Severity::High,
            )
        } else if LXML_PARSERS.contains(&q) {
            let Some(problem) = unsafe_parser_options(index, c) else {
                continue;
            };
            (format!("`{q}` is built with {problem}"), Severity::High)
        } else if LXML_PARSE.contains(&q) || q == "lxml.etree.iterparse" {
            match lxml_parser_problem(index, c, q) {
                Some(problem) => (format!("`{q}` {problem}"), Severity::High),
                None => continue,
            }
        } else {
            continue;
        };
        let from_request = c
            .call
            .args
            .first()
            .is_some_and(|a| reads_request(ctx, c.module, c.scope, a));
        out.at(c.module, c.call.func.span, message)
            .severity(if from_request {
                raised(severity)
            } else {
                severity
            });
    }
}

/// What makes an lxml `XMLParser(...)` construction unsafe, if anything.
fn unsafe_parser_options(index: &Index<'_>, c: &CallSite<'_>) -> Option<String> {
    let kw = |name: &str| index.keyword_value(c.module, c.scope, c.call, name);
    let mut problems = Vec::new();
    if kw("resolve_entities") == Some(Value::Bool(true)) {
        problems.push("`resolve_entities=True` (external entities are read: XXE)");
    }
    if kw("no_network") == Some(Value::Bool(false)) {
        problems.push("`no_network=False` (entities and DTDs are fetched from the network)");
    }
    if kw("huge_tree") == Some(Value::Bool(true)) {
        problems.push("`huge_tree=True` (no limit on entity expansion)");
    }
    if problems.is_empty() {
        None
    } else {
        Some(problems.join(" and "))
    }
}

/// Whether an lxml parse call uses a parser that resolves entities.
fn lxml_parser_problem(index: &Index<'_>, c: &CallSite<'_>, q: &str) -> Option<String> {
    if q == "lxml.etree.iterparse" {
        // `iterparse` takes the parser options itself; `resolve_entities` defaults to on.
        let resolve = index.keyword_value(c.module, c.scope, c.call, "resolve_entities");
        return match resolve {
            Some(Value::Bool(false)) => None,
            Some(v) if v != Value::Bool(true) && v != Value::Unknown => None,
            _ => Some("resolves entities (pass `resolve_entities=False`)".to_string()),
        };
    }
    let Some(parser) = c.call.argument(1, "parser") else {
        return Some("uses lxml's default parser, which resolves entities: pass `parser=XMLParser(resolve_entities=False)` or use defusedxml".to_string());
    };
    let r = index.resolve(c.module, c.scope, parser)?;
    if !LXML_PARSERS.iter().any(|p| r.qual == format!("{p}()")) {
        // Some other parser (an HTML parser, a project factory): not judged here.
        return None;
    }
    let site = r.site?;
    let ctor = index.call_at(site)?;
    if unsafe_parser_options(index, ctor).is_some() {
        // Reported where the parser is built.
        return None;
    }
    let disabled = matches!(
        index.keyword_value(ctor.module, ctor.scope, ctor.call, "resolve_entities"),
        Some(Value::Bool(false) | Value::Str(_))
    );
    if disabled {
        None
    } else {
        Some("uses an `XMLParser` that does not disable entity resolution (`resolve_entities=False`)".to_string())
    }
}
