//! The request inputs of an endpoint, as the source side finds them and the probe sends
//! them: one type, and one written form (`query:q`, `header-names:*`, `json-body`), parsed
//! in one place.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Where a request input travels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum InputLocation {
    Query,
    Form,
    Json,
    /// A segment of the URL path (`<name>` in the rule).
    Path,
    Header,
    Cookie,
    /// The name of a query parameter (apps that iterate over `request.args`).
    QueryName,
    /// The name of a header (apps that iterate over `request.headers`).
    HeaderName,
    /// An uploaded file (`request.files`).
    File,
}

impl InputLocation {
    const ALL: [InputLocation; 9] = [
        InputLocation::Query,
        InputLocation::Form,
        InputLocation::Json,
        InputLocation::Path,
        InputLocation::Header,
        InputLocation::Cookie,
        InputLocation::QueryName,
        InputLocation::HeaderName,
        InputLocation::File,
    ];

    /// How a person names it: `query`, `header name`.
    pub fn as_str(self) -> &'static str {
        match self {
            InputLocation::Query => "query",
            InputLocation::Form => "form",
            InputLocation::Json => "json",
            InputLocation::Path => "path",
            InputLocation::Header => "header",
            InputLocation::Cookie => "cookie",
            InputLocation::QueryName => "query parameter name",
            InputLocation::HeaderName => "header name",
            InputLocation::File => "file",
        }
    }

    /// Its key in the written form of an [`Input`]: `query`, `header-names`.
    pub fn key(self) -> &'static str {
        match self {
            InputLocation::QueryName => "query-names",
            InputLocation::HeaderName => "header-names",
            other => other.as_str(),
        }
    }
}

/// A request input a handler reads.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Input {
    /// A named input (`*` for any name of a names location).
    At(InputLocation, String),
    /// The raw body (`request.get_data()`), or the body as JSON (`request.get_json()`).
    Body { json: bool },
}

impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Input::At(location, name) => write!(f, "{}:{name}", location.key()),
            Input::Body { json: false } => f.write_str("body"),
            Input::Body { json: true } => f.write_str("json-body"),
        }
    }
}

impl FromStr for Input {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "body" => return Ok(Input::Body { json: false }),
            "json-body" => return Ok(Input::Body { json: true }),
            _ => {}
        }
        let (key, name) = s
            .split_once(':')
            .ok_or_else(|| format!("`{s}` is not `location:name`, `body` or `json-body`"))?;
        let location = InputLocation::ALL
            .into_iter()
            .find(|l| l.key() == key)
            .ok_or_else(|| format!("unknown input location `{key}` in `{s}`"))?;
        Ok(Input::At(location, name.to_string()))
    }
}

impl Serialize for Input {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Input {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A Werkzeug URL rule (`/users/<int:id>/files/<path:rest>`), parsed once: its static
/// text and its variables, for the routes table, the rules and the probe.
/// What a URL variable's converter lets through (Werkzeug's built-in converters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ConverterKind {
    /// Values of a fixed form: numbers (`int`, `float`), UUIDs (`uuid`), or one of the
    /// words the rule lists (`any(css, js)`).
    FixedForm,
    /// Any text without `/` (`string`, the default): one path segment.
    Segment,
    /// Any text, `/` included (`path`), or what a converter of the app's own accepts.
    Text,
}

/// Whether Werkzeug's `converter` accepts `segment` (one path segment): `int` digits,
/// `float` digits with a dot, `uuid` a UUID; the others any text (custom converters and
/// `any(...)` are not checked).
pub fn converter_accepts(converter: &str, segment: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match converter {
        "int" => digits(segment),
        "float" => segment
            .split_once('.')
            .is_some_and(|(a, b)| digits(a) && digits(b)),
        "uuid" => {
            segment.len() == 36 && segment.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-')
        }
        _ => !segment.is_empty(),
    }
}

impl ConverterKind {
    pub fn of(converter: &str) -> ConverterKind {
        match converter {
            "int" | "float" | "uuid" | "any" => ConverterKind::FixedForm,
            "default" | "string" => ConverterKind::Segment,
            _ => ConverterKind::Text,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UrlRule {
    pub parts: Vec<RulePart>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RulePart {
    Static(String),
    /// `<converter(arguments):name>`; the converter is `default` when none is written.
    Variable {
        converter: String,
        name: String,
    },
}

impl UrlRule {
    /// Parses a rule as Werkzeug does: `<` opens a variable, whose optional converter may
    /// take arguments in parentheses (which may hold `:` and `>`), and whose name follows
    /// the last `:`. An unclosed `<` is static text.
    pub fn parse(rule: &str) -> UrlRule {
        let mut parts = Vec::new();
        let mut text = String::new();
        let mut rest = rule;
        while let Some(open) = rest.find('<') {
            text.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            // The arguments of a converter end at the first `)` before the `:` and name.
            let args_end = after
                .find('(')
                .filter(|&p| after[..p].chars().all(|c| c.is_alphanumeric() || c == '_'))
                .and_then(|p| after[p..].find("):").map(|q| p + q + 1));
            let Some(close) = after[args_end.unwrap_or(0)..]
                .find('>')
                .map(|c| c + args_end.unwrap_or(0))
            else {
                text.push_str(&rest[open..]);
                rest = "";
                break;
            };
            let inner = &after[..close];
            let (converter, name) = match inner.rsplit_once(':') {
                Some((c, n)) => (c.split('(').next().unwrap_or(c), n),
                None => ("default", inner),
            };
            if !text.is_empty() {
                parts.push(RulePart::Static(std::mem::take(&mut text)));
            }
            parts.push(RulePart::Variable {
                converter: converter.trim().to_string(),
                name: name.trim().to_string(),
            });
            rest = &after[close + 1..];
        }
        text.push_str(rest);
        if !text.is_empty() {
            parts.push(RulePart::Static(text));
        }
        UrlRule { parts }
    }

    /// The variables: `(converter, name)`.
    pub fn variables(&self) -> impl Iterator<Item = (&str, &str)> {
        self.parts.iter().filter_map(|p| match p {
            RulePart::Variable { converter, name } => Some((converter.as_str(), name.as_str())),
            RulePart::Static(_) => None,
        })
    }

    /// The rule with its variables left out (`/reset/<token>` → `/reset/`).
    pub fn static_text(&self) -> String {
        self.render(|_, _| String::new())
    }

    /// The rule with each variable replaced by `value(converter, name)`.
    pub fn render(&self, mut value: impl FnMut(&str, &str) -> String) -> String {
        let mut out = String::new();
        for p in &self.parts {
            match p {
                RulePart::Static(s) => out.push_str(s),
                RulePart::Variable { converter, name } => out.push_str(&value(converter, name)),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::{Input, InputLocation, UrlRule};

    #[test]
    fn url_rules_as_werkzeug_reads_them() {
        let vars = |r: &str| {
            UrlRule::parse(r)
                .variables()
                .map(|(c, n)| format!("{c}:{n}"))
                .collect::<Vec<_>>()
        };
        assert_eq!(vars("/users/<int:id>/<name>"), ["int:id", "default:name"]);
        assert_eq!(vars("/f/<path:rest>"), ["path:rest"]);
        // Arguments may hold `:` and `>`.
        assert_eq!(vars(r#"/r/<regex("[^>]+:x"):slug>/e"#), ["regex:slug"]);
        assert_eq!(vars("/n/<int(min=1):page>"), ["int:page"]);
        assert_eq!(UrlRule::parse("/reset/<token>").static_text(), "/reset/");
        assert_eq!(UrlRule::parse("/a/<b").static_text(), "/a/<b");
        assert_eq!(
            UrlRule::parse("/u/<int:id>/x").render(|c, n| format!("{{{c}.{n}}}")),
            "/u/{int.id}/x"
        );
    }

    #[test]
    fn written_form_round_trips() {
        for s in [
            "query:q",
            "form:text",
            "json:message",
            "header:X-Token",
            "cookie:prefs",
            "file:upload",
            "query-names:*",
            "header-names:*",
            "path:id",
            "body",
            "json-body",
        ] {
            let input: Input = s.parse().unwrap();
            assert_eq!(input.to_string(), s);
        }
        assert_eq!(
            "header-names:*".parse::<Input>(),
            Ok(Input::At(InputLocation::HeaderName, "*".to_string()))
        );
        assert!("q".parse::<Input>().is_err());
        assert!("nowhere:q".parse::<Input>().is_err());
    }
}
