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

#[cfg(test)]
mod tests {
    use super::{Input, InputLocation};

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
