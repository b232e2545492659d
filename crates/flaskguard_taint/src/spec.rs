//! The models spec: sources, sinks and sanitizers as data (`models/python.toml`),
//! extensible from the user's configuration.

use flaskguard_flask::request;
use rustc_hash::FxHashMap;
use serde::Deserialize;

/// The vulnerability classes the taint engine knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Class {
    Sql,
    Command,
    Code,
    Template,
    Xss,
    Path,
    Redirect,
    Ssrf,
    Deserialization,
    Xpath,
    Ldap,
    Log,
    Header,
    Trust,
    /// An XML parser's document (entity expansion; judged with the parser's options by FG127).
    Xml,
    /// A secret: a token, a session value, a cookie value (for predictable random values).
    Secret,
}

impl Class {
    /// Every class's bit, and none of the marks (`UNQUOTED`, `JSON_TEXT`, …) that qualify a
    /// partial sanitizer: what a value safe for everything (a number, one of a set of
    /// constants) is safe for.
    pub const ALL_BITS: u32 = {
        let mut mask = 0;
        let mut i = 0;
        while i < Class::ALL.len() {
            mask |= 1 << (Class::ALL[i] as u32);
            i += 1;
        }
        mask
    };

    pub const ALL: [Class; 16] = [
        Class::Sql,
        Class::Command,
        Class::Code,
        Class::Template,
        Class::Xss,
        Class::Path,
        Class::Redirect,
        Class::Ssrf,
        Class::Deserialization,
        Class::Xpath,
        Class::Ldap,
        Class::Log,
        Class::Header,
        Class::Trust,
        Class::Xml,
        Class::Secret,
    ];

    pub fn bit(self) -> u32 {
        1 << (self as u32)
    }

    pub fn describe(self) -> &'static str {
        match self {
            Class::Sql => "an SQL query",
            Class::Command => "an OS command",
            Class::Code => "evaluated Python code",
            Class::Template => "a template's source",
            Class::Xss => "an HTML response",
            Class::Path => "a file system path",
            Class::Redirect => "a redirect location",
            Class::Ssrf => "an outbound request URL",
            Class::Deserialization => "a deserializer",
            Class::Xpath => "an XPath query",
            Class::Ldap => "an LDAP query",
            Class::Log => "a log message",
            Class::Header => "a response header",
            Class::Trust => "the session",
            Class::Xml => "an XML parser",
            Class::Secret => "a secret (a session or cookie value)",
        }
    }
}

/// How a sink's argument is judged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SinkMode {
    /// Any taint of the argument.
    #[default]
    Plain,
    /// `subprocess.*`: with `shell=True` the whole command; otherwise the program (the
    /// string, or the first element of the list).
    Program,
    /// A response body: unless an explicit non-HTML mimetype or content type is passed.
    Html,
    /// `yaml.load`: unless a safe `Loader` is passed.
    Yaml,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SinkRow {
    pub name: Option<String>,
    pub method: Option<String>,
    pub arg: Option<usize>,
    pub keyword: Option<String>,
    pub class: Class,
    #[serde(default)]
    pub mode: SinkMode,
    /// Only when the receiver resolves to something of this family (e.g. `xml`).
    pub receiver: Option<String>,
    /// Also an audit rule's finding when the argument is of unknown origin (see
    /// [`Spec::audited`]).
    #[serde(default)]
    pub audit: bool,
    /// A path sink that acts on a directory (removes, creates, lists, moves or serves
    /// from it): a path of one segment reaches the parent directory itself as `..`.
    #[serde(default)]
    pub directory: bool,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SanitizerRow {
    pub name: String,
    pub classes: Vec<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sources {
    #[serde(default)]
    pub roots: Vec<String>,
    #[serde(default)]
    pub untainted: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecFile {
    pub version: u32,
    #[serde(default)]
    pub sources: Sources,
    #[serde(default)]
    pub sinks: Vec<SinkRow>,
    #[serde(default)]
    pub sanitizers: Vec<SanitizerRow>,
    #[serde(default)]
    pub propagators: Propagators,
}

/// Library code whose results are made from their arguments (see `[propagators]` in
/// `models/python.toml`).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Propagators {
    /// Module prefixes (`base64.`) and qualified names (`builtins.str`).
    #[serde(default)]
    pub names: Vec<String>,
}

/// The loaded spec, indexed for lookups.
#[derive(Debug, Default)]
pub struct Spec {
    pub roots: Vec<String>,
    pub untainted: Vec<String>,
    pub sinks_by_name: FxHashMap<String, Vec<SinkRow>>,
    pub sinks_by_method: FxHashMap<String, Vec<SinkRow>>,
    /// Sanitizer name → bit mask of the classes it makes safe.
    pub sanitizers: FxHashMap<String, u32>,
    /// Library functions a flow passes through as surely as through a string method.
    pub propagators: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum SpecError {
    #[error("{origin}: {message}")]
    Invalid { origin: String, message: String },
}

/// The spec bundled with flaskguard.
pub const BUILTIN: &str = include_str!("../models/python.toml");

impl Spec {
    /// Parses and validates a spec file; `origin` names it in errors.
    pub fn parse(text: &str, origin: &str) -> Result<SpecFile, SpecError> {
        let file: SpecFile = toml::from_str(text).map_err(|e| {
            let message = match e.span() {
                Some(span) => {
                    let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
                    format!("line {line}: {}", e.message())
                }
                None => e.message().to_string(),
            };
            SpecError::Invalid {
                origin: origin.to_string(),
                message,
            }
        })?;
        if file.version != 1 {
            return Err(SpecError::Invalid {
                origin: origin.to_string(),
                message: format!("unsupported spec version {} (expected 1)", file.version),
            });
        }
        for (i, row) in file.sinks.iter().enumerate() {
            if row.name.is_some() == row.method.is_some() {
                return Err(SpecError::Invalid {
                    origin: origin.to_string(),
                    message: format!("sink #{}: give exactly one of `name` and `method`", i + 1),
                });
            }
            if row.arg.is_none() && row.keyword.is_none() {
                return Err(SpecError::Invalid {
                    origin: origin.to_string(),
                    message: format!("sink #{}: give `arg`, `keyword` or both", i + 1),
                });
            }
        }
        Ok(file)
    }

    /// Adds a parsed spec file's rows.
    pub fn extend(&mut self, file: SpecFile) -> Result<(), SpecError> {
        self.roots.extend(file.sources.roots);
        self.untainted.extend(file.sources.untainted);
        self.propagators.extend(file.propagators.names);
        for row in file.sinks {
            match (&row.name, &row.method) {
                (Some(n), _) => self.sinks_by_name.entry(n.clone()).or_default().push(row),
                (None, Some(m)) => self.sinks_by_method.entry(m.clone()).or_default().push(row),
                (None, None) => {}
            }
        }
        for s in file.sanitizers {
            let mut mask = 0;
            for c in &s.classes {
                if c == "*" {
                    mask |= Class::ALL_BITS;
                } else {
                    let class: Class = toml::Value::String(c.clone()).try_into().map_err(|_| {
                        SpecError::Invalid {
                            origin: "sanitizers".to_string(),
                            message: format!("unknown class `{c}` for sanitizer `{}`", s.name),
                        }
                    })?;
                    mask |= class.bit();
                }
            }
            *self.sanitizers.entry(s.name).or_insert(0) |= mask;
        }
        Ok(())
    }

    /// Whether the result of calling `qual` (a resolved library name) is known to be made
    /// from its arguments: a name of `[propagators]`, or below a module prefix there.
    pub fn propagates(&self, qual: &str) -> bool {
        self.propagators.iter().any(|p| {
            if p.ends_with('.') {
                qual.starts_with(p.as_str())
            } else {
                qual == p
                    || qual
                        .strip_prefix(p.as_str())
                        .is_some_and(|rest| rest.starts_with('.') || rest.starts_with("()"))
            }
        })
    }

    /// The built-in spec, parsed once per process.
    pub fn builtin() -> &'static Spec {
        static BUILTIN_SPEC: std::sync::OnceLock<Spec> = std::sync::OnceLock::new();
        BUILTIN_SPEC.get_or_init(|| {
            let mut spec = Spec::default();
            let file =
                Spec::parse(BUILTIN, "models/python.toml").expect("the built-in spec is valid");
            spec.extend(file).expect("the built-in spec is valid");
            spec
        })
    }

    /// Whether a resolved name is request data: below a source root (`flask.request`, a
    /// request parser's result) and not a value the server sets or checks
    /// (`request.method`, `request.endpoint`, …). The host names come from the client's
    /// `Host` header, checked by Werkzeug only when the app sets `TRUSTED_HOSTS` or
    /// `SERVER_NAME` (`trusted_hosts`): request data otherwise. The one test of request
    /// data for the taint engine and the rules.
    pub fn is_request_data(&self, qual: &str, trusted_hosts: bool) -> bool {
        let host_checked = |u: &str| !request::HOST_NAMES.contains(&u) || trusted_hosts;
        self.roots.iter().any(|root| {
            qual.strip_prefix(root.as_str()).is_some_and(|rest| {
                rest.is_empty() || rest.starts_with('.') || rest.starts_with('[')
            })
        }) && !self.untainted.iter().any(|u| {
            host_checked(u)
                && qual
                    .strip_prefix(u.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
        })
    }

    /// The functions whose every call is worth an audit finding for `class` when its
    /// argument is not known to be constant (`audit = true` in the spec): what loads them
    /// runs code, whoever supplied the data.
    pub fn audited(&self, class: Class) -> impl Iterator<Item = &str> {
        self.sinks_by_name
            .iter()
            .filter(move |(_, rows)| rows.iter().any(|r| r.audit && r.class == class))
            .map(|(name, _)| name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Projects are analysed in parts, and code that reaches no framework library is a part
    /// without the app: every request source must come from a framework library.
    #[test]
    fn every_request_source_is_in_a_framework_library() {
        for root in &Spec::builtin().roots {
            let first = root.split('.').next().unwrap_or(root);
            assert!(flaskguard_flask::is_framework_root(first), "{root}");
        }
    }

    /// The spec's request root and host names are the request module's: one home for what
    /// the request object is called.
    #[test]
    fn request_names_agree_with_the_request_module() {
        let spec = Spec::builtin();
        assert!(spec.roots.iter().any(|r| r == request::REQUEST));
        for host in request::HOST_NAMES {
            assert!(spec.untainted.iter().any(|u| u == host), "{host}");
            assert!(spec.is_request_data(host, false), "{host}");
            assert!(!spec.is_request_data(host, true), "{host}");
        }
        assert!(spec.is_request_data(request::PATH, true));
    }

    #[test]
    fn builtin_spec_loads() {
        let spec = Spec::builtin();
        assert!(spec.sinks_by_name.contains_key("os.system"));
        assert!(spec.sinks_by_method.contains_key("execute"));
        // A cast makes the value safe for every class; it is not "escaped without
        // quotes" or "JSON text" (marks that later contexts take safety away from).
        let int = spec.sanitizers["builtins.int"];
        assert!(Class::ALL.iter().all(|c| int & c.bit() != 0));
        assert_eq!(int & (crate::value::UNQUOTED | crate::value::JSON_TEXT), 0);
        assert_eq!(spec.sanitizers["shlex.quote"], Class::Command.bit());
    }

    #[test]
    fn errors_name_the_line() {
        let err = Spec::parse(
            "version = 1\nsinks = [{ name = \"x\", arg = 0, class = \"nope\" }]\n",
            "user.toml",
        )
        .unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("user.toml: line 2"), "{text}");
        let err = Spec::parse(
            "version = 1\nsinks = [{ arg = 0, class = \"sql\" }]\n",
            "user.toml",
        )
        .unwrap_err();
        assert!(err.to_string().contains("exactly one of"), "{err}");
        let err = Spec::parse("version = 2\n", "user.toml").unwrap_err();
        assert!(err.to_string().contains("version 2"));
    }
}
