//! Canonical names of well-known library symbols that are re-exported under several paths.

use compact_str::CompactString;

/// `(prefix, replacement)`: a resolved name starting with `prefix` is rewritten. Longest
/// prefixes first within a package.
const ALIASES: &[(&str, &str)] = &[
    ("flask.globals.", "flask."),
    ("flask.app.", "flask."),
    ("flask.blueprints.", "flask."),
    ("flask.helpers.", "flask."),
    ("flask.templating.", "flask."),
    ("flask.wrappers.", "flask."),
    ("flask.views.", "flask.views."),
    ("flask.Markup", "markupsafe.Markup"),
    ("flask.escape", "markupsafe.escape"),
    ("jinja2.Markup", "markupsafe.Markup"),
    ("jinja2.escape", "markupsafe.escape"),
    ("jinja2.environment.", "jinja2."),
    ("jinja2.sandbox.", "jinja2.sandbox."),
    ("flask_wtf.csrf.", "flask_wtf."),
    ("flask_wtf.form.", "flask_wtf."),
    ("flask_seasurf.", "flask_seasurf."),
    ("flask_cors.extension.", "flask_cors."),
    ("flask_cors.decorator.", "flask_cors."),
    ("flask_talisman.talisman.", "flask_talisman."),
    ("flask_limiter.extension.", "flask_limiter."),
    ("flask_limiter.util.", "flask_limiter.util."),
    ("flask_jwt_extended.jwt_manager.", "flask_jwt_extended."),
    ("flask_jwt_extended.view_decorators.", "flask_jwt_extended."),
    ("flask_jwt_extended.utils.", "flask_jwt_extended."),
    ("flask_login.login_manager.", "flask_login."),
    ("flask_login.utils.", "flask_login."),
    ("flask_httpauth.", "flask_httpauth."),
    ("flask_session.", "flask_session."),
    ("flask_sslify.", "flask_sslify."),
    ("werkzeug.secure_filename", "werkzeug.utils.secure_filename"),
    ("werkzeug.serving.run_simple", "werkzeug.serving.run_simple"),
    (
        "werkzeug.debug.DebuggedApplication",
        "werkzeug.debug.DebuggedApplication",
    ),
    ("xml.etree.cElementTree.", "xml.etree.ElementTree."),
    ("jwt.api_jwt.", "jwt."),
    ("jwt.api_jws.", "jwt."),
    ("yaml.loader.", "yaml."),
    ("yaml.cyaml.", "yaml."),
    ("markupsafe._native.", "markupsafe."),
    ("mako.template.", "mako.template."),
    ("flask_restful.", "flask_restful."),
    ("flask_restx.", "flask_restx."),
    ("itsdangerous.url_safe.", "itsdangerous."),
    ("itsdangerous.timed.", "itsdangerous."),
    ("itsdangerous.serializer.", "itsdangerous."),
    ("Crypto.", "Crypto."),
];

/// The parts joined into one compact string, without the formatting machinery: name
/// resolution builds a qualified name at every step.
pub fn concat(parts: &[&str]) -> CompactString {
    const INLINE: usize = std::mem::size_of::<CompactString>();
    let len: usize = parts.iter().map(|p| p.len()).sum();
    if len <= INLINE {
        // Joined on the stack, stored inline.
        let mut buf = [0u8; INLINE];
        let mut at = 0;
        for part in parts {
            buf[at..at + part.len()].copy_from_slice(part.as_bytes());
            at += part.len();
        }
        return std::str::from_utf8(&buf[..len])
            .map_or_else(|_| CompactString::default(), CompactString::new);
    }
    // Longer: the string's buffer becomes the compact string's.
    let mut joined = String::with_capacity(len);
    for part in parts {
        joined.push_str(part);
    }
    CompactString::from(joined)
}

/// Whether the last component of a dotted name is `name` (`cursor.execute`, `execute`).
pub fn ends_with_member(qual: &str, name: &str) -> bool {
    qual.strip_suffix(name)
        .is_some_and(|rest| rest.ends_with('.'))
}

/// Rewrites a resolved name to its canonical form.
pub fn canonicalize(name: CompactString) -> CompactString {
    // Most names belong to packages without aliases: skip the table for them.
    let top = memchr::memchr(b'.', name.as_bytes()).map_or(name.as_str(), |i| &name[..i]);
    if !matches!(
        top,
        "flask"
            | "jinja2"
            | "flask_wtf"
            | "flask_seasurf"
            | "flask_cors"
            | "flask_talisman"
            | "flask_limiter"
            | "flask_jwt_extended"
            | "flask_login"
            | "flask_httpauth"
            | "flask_session"
            | "flask_sslify"
            | "werkzeug"
            | "xml"
            | "jwt"
            | "yaml"
            | "markupsafe"
            | "mako"
            | "flask_restful"
            | "flask_restx"
            | "itsdangerous"
            | "Crypto"
    ) {
        return name;
    }
    for (prefix, replacement) in ALIASES {
        if let Some(rest) = name.strip_prefix(prefix) {
            if prefix == replacement {
                return name;
            }
            return concat(&[replacement, rest]);
        }
    }
    name
}

/// Python builtins that matter to the rules; a free name among these resolves to
/// `builtins.<name>`.
pub const BUILTINS: &[&str] = &[
    "open",
    "eval",
    "exec",
    "compile",
    "__import__",
    "getattr",
    "setattr",
    "globals",
    "locals",
    "input",
    "print",
    "str",
    "int",
    "float",
    "bool",
    "bytes",
    "list",
    "dict",
    "tuple",
    "set",
    "len",
    "repr",
    "format",
    "vars",
    "type",
    "isinstance",
    "hash",
    "id",
    "range",
    "enumerate",
    "zip",
    "map",
    "filter",
    "sorted",
    "reversed",
    "min",
    "max",
    "sum",
    "any",
    "all",
    "abs",
    "round",
    "ord",
    "chr",
    "hex",
    "iter",
    "next",
    "object",
    "super",
    "property",
    "staticmethod",
    "classmethod",
    "Exception",
    "ValueError",
    "KeyError",
    "TypeError",
    "RuntimeError",
    "NotImplementedError",
    "breakpoint",
];

/// Whether `name` is one of [`BUILTINS`]: asked for nearly every name a call reads.
pub fn is_builtin(name: &str) -> bool {
    static SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::LazyLock::new(|| BUILTINS.iter().copied().collect());
    SET.contains(name)
}
