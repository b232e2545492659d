//! A tolerant scanner for Jinja templates: finds `{{ … }}` expressions with their filters,
//! `{% autoescape false %}` blocks, inline scripts and event handlers. It works on the
//! delimiters only, so templates using any Jinja extension still scan.

use flaskguard_index::Span;

#[derive(Clone, Debug)]
pub struct TemplateExpr {
    pub span: Span,
    /// The expression text without the delimiters, trimmed.
    pub text: String,
    /// Filter names applied (`x|safe|upper` → `["safe", "upper"]`).
    pub filters: Vec<String>,
    /// Inside a `<script>` element.
    pub in_script: bool,
    /// Inside an HTML attribute value that is not quoted.
    pub unquoted_attribute: bool,
}

/// Filters whose output is escaped or holds no markup: `|safe` after them is harmless.
pub const NEUTRALISING_FILTERS: &[&str] = &[
    "tojson",
    "escape",
    "e",
    "forceescape",
    "urlencode",
    "int",
    "float",
    "length",
    "count",
];

/// Jinja's built-in filters that neither escape nor sanitise: what goes in comes out
/// (re-arranged, cut or joined). `striptags` is one: it unescapes entities.
const PASSTHROUGH_FILTERS: &[&str] = &[
    "attr",
    "batch",
    "capitalize",
    "center",
    "d",
    "default",
    "first",
    "format",
    "indent",
    "join",
    "last",
    "list",
    "lower",
    "map",
    "max",
    "min",
    "replace",
    "reverse",
    "slice",
    "sort",
    "string",
    "striptags",
    "title",
    "trim",
    "truncate",
    "unique",
    "upper",
    "wordwrap",
];

/// A template expression that starts with a plain name (not a literal, not a call),
/// with the constant attributes and keys read from it: `note.body` → `("note",
/// ["body"])`, `entry["body"]|e` → `("entry", ["body"])`.
fn plain_path(text: &str) -> Option<(&str, Vec<&str>)> {
    let text = text.trim_start();
    let is_name = |c: char| c == '_' || c.is_alphanumeric();
    let end = text.find(|c: char| !is_name(c)).unwrap_or(text.len());
    let name = &text[..end];
    let rest = text[end..].trim_start();
    if name.is_empty()
        || name.starts_with(|c: char| c.is_ascii_digit())
        || matches!(name, "true" | "false" | "none" | "True" | "False" | "None")
        || rest.starts_with('(')
    {
        return None;
    }
    let mut path = Vec::new();
    let mut rest = rest;
    loop {
        if let Some(after) = rest.strip_prefix('.') {
            let end = after.find(|c: char| !is_name(c)).unwrap_or(after.len());
            if end == 0 || after[end..].trim_start().starts_with('(') {
                break;
            }
            path.push(&after[..end]);
            rest = &after[end..];
        } else if let Some(after) = rest.strip_prefix('[') {
            let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                break;
            };
            let Some(close) = after[1..].find(q) else {
                break;
            };
            let key = &after[1..=close];
            let Some(after) = after[1 + close + 1..].trim_start().strip_prefix(']') else {
                break;
            };
            path.push(key);
            rest = after;
        } else {
            break;
        }
    }
    Some((name, path))
}

/// `for x in y.items` (the inside of a `{% for %}` tag): `("x", "y", ["items"])`. Loops
/// that unpack (`for k, v in ...`) or iterate a call are not followed.
fn loop_over(inner: &str) -> Option<(String, String, Vec<String>)> {
    let rest = inner.strip_prefix("for")?.trim_start();
    let (var, rest) = rest.split_once(char::is_whitespace)?;
    if var.contains(',') || !var.chars().all(|c| c == '_' || c.is_alphanumeric()) {
        return None;
    }
    let iterable = rest.trim_start().strip_prefix("in")?;
    if !iterable.starts_with(char::is_whitespace) {
        return None;
    }
    let (root, path) = plain_path(iterable)?;
    Some((
        var.to_string(),
        root.to_string(),
        path.into_iter().map(str::to_string).collect(),
    ))
}

impl TemplateScan {
    /// The context variable an unescaped expression inserts, with the path read from it,
    /// seen through the `{% for %}` loops of the template: `{{ c.html|safe }}` in
    /// `{% for c in post.comments %}` → `("post", ["comments", "html"])` (the elements of
    /// `comments`, then their `html`).
    pub fn context_path(&self, e: &TemplateExpr) -> Option<(String, Vec<String>)> {
        let (name, path) = e.unescaped_path()?;
        let mut name = name.to_string();
        let mut path: Vec<String> = path.into_iter().map(str::to_string).collect();
        for _ in 0..4 {
            let Some((_, root, prefix)) = self.loops.iter().find(|(var, _, _)| *var == name) else {
                break;
            };
            name = root.clone();
            path = prefix.iter().cloned().chain(path).collect();
        }
        Some((name, path))
    }
}

impl TemplateExpr {
    /// Whether the expression's value is inserted unescaped: it goes through `|safe`, and
    /// no filter before it escapes it or leaves no markup.
    pub fn marked_safe(&self) -> bool {
        self.filters
            .iter()
            .position(|f| f == "safe")
            .is_some_and(|pos| {
                !self.filters[..pos]
                    .iter()
                    .any(|f| NEUTRALISING_FILTERS.contains(&f.as_str()))
            })
    }

    /// The context variable whose value is inserted unescaped, as far as the scanner can
    /// tell, with the constant attribute names and keys read from it (`note.body` →
    /// `("note", ["body"])`, `entry["body"]` → `("entry", ["body"])`): the expression is
    /// marked safe, starts with a plain name, and every filter before `safe` is one of
    /// Jinja's that pass markup through. A filter the project defines (`x|clean_html|safe`)
    /// may sanitise: `None`.
    pub fn unescaped_path(&self) -> Option<(&str, Vec<&str>)> {
        let pos = self.filters.iter().position(|f| f == "safe")?;
        if !self.filters[..pos]
            .iter()
            .all(|f| PASSTHROUGH_FILTERS.contains(&f.as_str()))
        {
            return None;
        }
        plain_path(&self.text)
    }
}

#[derive(Clone, Debug, Default)]
pub struct TemplateScan {
    pub exprs: Vec<TemplateExpr>,
    /// `{% autoescape false %}` tags.
    pub autoescape_off: Vec<Span>,
    /// Inline `<script>` elements with a body (no `src`).
    pub inline_scripts: Vec<Span>,
    /// `on*=` event handler attributes and `javascript:` URLs.
    pub inline_handlers: Vec<Span>,
    /// The first `{{`, `{%` or `{#` that is never closed (Jinja refuses such a template).
    pub unclosed: Option<(Span, &'static str)>,
    /// `{% for x in y.items %}` loops over a plain path: the loop variable, and the
    /// variable and constant attributes or keys iterated (`("x", "y", ["items"])`).
    pub loops: Vec<(String, String, Vec<String>)>,
}

fn filters_of(expr: &str) -> Vec<String> {
    // Split on `|` outside string literals and brackets.
    let mut filters = Vec::new();
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut segments = vec![String::new()];
    let mut prev = '\0';
    for c in expr.chars() {
        match quote {
            Some(q) => {
                if c == q && prev != '\\' {
                    quote = None;
                }
            }
            None => match c {
                '\'' | '"' => quote = Some(c),
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth -= 1,
                '|' if depth == 0 => {
                    segments.push(String::new());
                    prev = c;
                    continue;
                }
                _ => {}
            },
        }
        if let Some(last) = segments.last_mut() {
            last.push(c);
        }
        prev = c;
    }
    for seg in segments.iter().skip(1) {
        let name: String = seg
            .trim()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            filters.push(name);
        }
    }
    filters
}

/// Scans a template's text.
pub fn scan(text: &str) -> TemplateScan {
    let mut out = TemplateScan::default();
    let bytes = text.as_bytes();
    let lower = text.to_ascii_lowercase();
    let mut i = 0;
    let mut in_script = false;
    let mut next_gt = NextMatch::new(">");
    let mut next_close_script = NextMatch::new("</script");
    while i < bytes.len() {
        if text[i..].starts_with("{#") {
            let end = find_close(text, i + 2, "#}");
            out.note_unclosed(i, end, text.len(), "#}");
            i = (end + 2).min(bytes.len());
            continue;
        }
        if text[i..].starts_with("{{") {
            let end = find_close(text, i + 2, "}}");
            out.note_unclosed(i, end, text.len(), "}}");
            let inner = text[i + 2..end.min(bytes.len())]
                .trim_matches(|c: char| c == '-' || c == '+' || c.is_whitespace());
            out.exprs.push(TemplateExpr {
                span: Span::new(i as u32, (end + 2).min(bytes.len()) as u32),
                text: inner.to_string(),
                filters: filters_of(inner),
                in_script,
                unquoted_attribute: is_unquoted_attribute(text, i),
            });
            i = (end + 2).min(bytes.len());
            continue;
        }
        if text[i..].starts_with("{%") {
            let end = find_close(text, i + 2, "%}");
            out.note_unclosed(i, end, text.len(), "%}");
            let inner = text[i + 2..end.min(bytes.len())]
                .trim_matches(|c: char| c == '-' || c == '+' || c.is_whitespace());
            let mut words = inner.split_whitespace();
            match words.next() {
                Some("autoescape") if words.next() == Some("false") => {
                    out.autoescape_off
                        .push(Span::new(i as u32, (end + 2).min(bytes.len()) as u32));
                }
                Some("for") => {
                    if let Some(l) = loop_over(inner) {
                        out.loops.push(l);
                    }
                }
                _ => {}
            }
            i = (end + 2).min(bytes.len());
            continue;
        }
        if bytes[i] == b'<' {
            if lower[i..].starts_with("<script") {
                let tag_end = next_gt
                    .at_or_after(&lower, i)
                    .map_or(bytes.len(), |e| e + 1);
                let tag = &lower[i..tag_end];
                let close = next_close_script
                    .at_or_after(&lower, tag_end)
                    .unwrap_or(bytes.len());
                let body = text[tag_end..close].trim();
                if !tag.contains(" src=")
                    && !tag.contains("type=\"application/json\"")
                    && !body.is_empty()
                {
                    out.inline_scripts.push(Span::new(i as u32, tag_end as u32));
                }
                in_script = true;
                i = tag_end;
                continue;
            }
            if lower[i..].starts_with("</script") {
                in_script = false;
            } else if let Some(tag_end) = next_gt.at_or_after(&lower, i) {
                handlers_in_tag(&lower[i..tag_end], i, &mut out.inline_handlers);
            }
        }
        i += text[i..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// The next occurrence of a needle, looked up again only once the scan has passed it, so
/// that a file of `<` without `>` (or of `<script>` without a close) is scanned in linear
/// time.
struct NextMatch {
    needle: &'static str,
    found: Found,
}

#[derive(Clone, Copy)]
enum Found {
    NotLookedUp,
    At(usize),
    Nowhere,
}

impl NextMatch {
    fn new(needle: &'static str) -> Self {
        Self {
            needle,
            found: Found::NotLookedUp,
        }
    }

    fn at_or_after(&mut self, hay: &str, from: usize) -> Option<usize> {
        let stale = match self.found {
            Found::NotLookedUp => true,
            Found::At(at) => at < from,
            Found::Nowhere => false,
        };
        if stale {
            self.found = hay[from..]
                .find(self.needle)
                .map_or(Found::Nowhere, |e| Found::At(from + e));
        }
        match self.found {
            Found::At(at) => Some(at),
            Found::NotLookedUp | Found::Nowhere => None,
        }
    }
}

impl TemplateScan {
    fn note_unclosed(&mut self, open: usize, end: usize, len: usize, close: &'static str) {
        if end >= len && self.unclosed.is_none() {
            self.unclosed = Some((Span::new(open as u32, (open + 2).min(len) as u32), close));
        }
    }
}

fn find_close(text: &str, from: usize, close: &str) -> usize {
    text[from..].find(close).map_or(text.len(), |e| from + e)
}

fn handlers_in_tag(tag: &str, offset: usize, out: &mut Vec<Span>) {
    let bytes = tag.as_bytes();
    let mut j = 1;
    while j + 3 < bytes.len() {
        let prev = bytes[j - 1];
        if (prev == b' ' || prev == b'\t' || prev == b'\n')
            && bytes[j] == b'o'
            && bytes[j + 1] == b'n'
            && bytes[j + 2].is_ascii_alphabetic()
        {
            let name_end = tag[j..]
                .find(|c: char| !c.is_ascii_alphanumeric())
                .map_or(tag.len(), |e| j + e);
            if tag[name_end..].trim_start().starts_with('=') {
                out.push(Span::new((offset + j) as u32, (offset + name_end) as u32));
            }
            j = name_end;
            continue;
        }
        j += 1;
    }
    if let Some(p) = tag.find("javascript:") {
        out.push(Span::new((offset + p) as u32, (offset + p + 11) as u32));
    }
}

/// Whether `{{` at `pos` stands directly in an unquoted attribute value (`<a href={{x}}>`).
fn is_unquoted_attribute(text: &str, pos: usize) -> bool {
    let before = text[..pos].trim_end();
    if !before.ends_with('=') {
        return false;
    }
    // Inside a tag: the last `<` comes after the last `>`.
    let lt = before.rfind('<');
    let gt = before.rfind('>');
    matches!((lt, gt), (Some(l), Some(g)) if l > g) || matches!((lt, gt), (Some(_), None))
}
