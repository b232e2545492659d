//! The parts of a Flask request: the one home of "this name is the request's query string,
//! form, headers, …". Route inputs (`flaskguard routes`, the probe's aim), the CSRF rules'
//! credential reads and the rate-limit key rule read it; whether a name is request data
//! at all is the taint spec's `Spec::is_request_data`.

use flaskguard_report::surface::InputLocation;

/// The request object (`from flask import request`).
pub const REQUEST: &str = "flask.request";
/// `request.headers`
pub const HEADERS: &str = "flask.request.headers";
/// `request.cookies`
pub const COOKIES: &str = "flask.request.cookies";
/// `request.authorization`: HTTP Basic/Digest credentials or a bearer token, parsed.
pub const AUTHORIZATION: &str = "flask.request.authorization";
/// `request.environ`: the WSGI environment (`HTTP_*` keys are the request headers).
pub const ENVIRON: &str = "flask.request.environ";
/// `request.access_route`: the client and proxies, from `X-Forwarded-For`.
pub const ACCESS_ROUTE: &str = "flask.request.access_route";
/// `request.path`: the URL path, fixed by the route's rule when the rule has no variables.
pub const PATH: &str = "flask.request.path";
/// `request.view_args`: the current request's URL variables (`request.view_args["id"]`).
pub const VIEW_ARGS: &str = "flask.request.view_args";
/// The names built from the client's `Host` header, which Werkzeug checks only when the
/// app sets `TRUSTED_HOSTS` or `SERVER_NAME`.
pub const HOST_NAMES: &[&str] = &[
    "flask.request.host",
    "flask.request.host_url",
    "flask.request.root_url",
    "flask.request.url_root",
];

/// Absolute URLs of the current request (scheme, the `Host` the browser sent, path): a
/// redirect to them stays on the site the browser asked for, whatever the path holds.
pub const SAME_SITE_URLS: &[&str] = &[
    "flask.request.url",
    "flask.request.base_url",
    "flask.request.url_root",
    "flask.request.host_url",
    "flask.request.root_url",
];

/// Functions whose result is a URL of this site (`url_for("index")` is `/`, or with
/// `_external=True` this host's absolute URL): text written after it cannot change the
/// host.
pub const SITE_URL_BUILDERS: &[&str] = &["flask.url_for", "flask.helpers.url_for"];

/// Whether `qual` (a resolved callee) builds a URL of this site.
pub fn builds_site_url(qual: &str) -> bool {
    SITE_URL_BUILDERS.contains(&qual)
}

/// `request.referrer`: the page the browser came from.
pub const REFERRER: &str = "flask.request.referrer";

/// Whether a read of `container` (a resolved name) at `key` is the page the browser came
/// from: `request.referrer`, the `Referer` header, `HTTP_REFERER` in the WSGI environ.
/// A redirect there sends the user back to that page: a page of an attacker's can only
/// send the user back to itself, which it could do without the app.
pub fn is_referrer(container: &str, key: Option<&str>) -> bool {
    container == REFERRER
        || (container == HEADERS && key.is_some_and(|k| k.eq_ignore_ascii_case("referer")))
        || (container == ENVIRON && key == Some("HTTP_REFERER"))
}

/// Request headers the visitor's browser writes itself, and what is parsed from them
/// (`request.user_agent`, `request.authorization`, `request.accept_languages`, …). A page
/// of an attacker's that sends the victim to the app cannot choose them: echoed into the
/// answer to that same request they reach only their own sender.
pub fn is_browser_header(qual: &str) -> bool {
    let below = |root: &str| {
        qual.strip_prefix(root)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[', '(']))
    };
    below(HEADERS)
        || below(AUTHORIZATION)
        || [
            "flask.request.user_agent",
            "flask.request.accept_mimetypes",
            "flask.request.accept_languages",
            "flask.request.accept_charsets",
            "flask.request.accept_encodings",
            "flask.request.origin",
            REFERRER,
        ]
        .iter()
        .any(|h| below(h))
}

/// A part of the request a view reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// `request.args`: the query string.
    Query,
    /// `request.form`: the form fields of the body.
    Form,
    /// `request.values`: the query string and the form together.
    Values,
    /// `request.json`, `request.get_json()`: the body parsed as JSON.
    Json,
    /// `request.data`, `request.stream`, `request.get_data()`: the raw body.
    Body,
    /// `request.headers`
    Headers,
    /// `request.cookies`
    Cookies,
    /// `request.files`: uploaded files.
    Files,
    /// `request.environ`: the WSGI environment, headers among it.
    Environ,
    /// `request.authorization`
    Authorization,
    /// `request.access_route`
    AccessRoute,
}

/// Each part's names; a name ending in `()` is the result of calling a method.
const PARTS: &[(&str, Part)] = &[
    ("flask.request.args", Part::Query),
    ("flask.request.form", Part::Form),
    ("flask.request.values", Part::Values),
    ("flask.request.json", Part::Json),
    ("flask.request.get_json()", Part::Json),
    ("flask.request.data", Part::Body),
    ("flask.request.stream", Part::Body),
    ("flask.request.get_data()", Part::Body),
    (HEADERS, Part::Headers),
    (COOKIES, Part::Cookies),
    ("flask.request.files", Part::Files),
    (ENVIRON, Part::Environ),
    (AUTHORIZATION, Part::Authorization),
    (ACCESS_ROUTE, Part::AccessRoute),
];

/// The part of the request a resolved name is (`flask.request.args` → [`Part::Query`]).
pub fn part(qual: &str) -> Option<Part> {
    PARTS.iter().find(|(n, _)| *n == qual).map(|(_, p)| *p)
}

/// The part of the request a call of the function `func` returns
/// (`flask.request.get_json` → [`Part::Json`]).
pub fn part_returned(func: &str) -> Option<Part> {
    PARTS
        .iter()
        .find(|(n, _)| n.strip_suffix("()") == Some(func))
        .map(|(_, p)| *p)
}

/// Whether `qual` names the request object or something read from it.
pub fn is_request(qual: &str) -> bool {
    qual.strip_prefix(REQUEST)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[', '(']))
}

impl Part {
    /// Where the client puts a value read by name from this part (`request.args["q"]` is
    /// the query parameter `q`); `None` for parts not read by name.
    pub fn location(self) -> Option<InputLocation> {
        Some(match self {
            Part::Query | Part::Values => InputLocation::Query,
            Part::Form => InputLocation::Form,
            Part::Json => InputLocation::Json,
            Part::Headers => InputLocation::Header,
            Part::Cookies => InputLocation::Cookie,
            Part::Files => InputLocation::File,
            Part::Body | Part::Environ | Part::Authorization | Part::AccessRoute => return None,
        })
    }

    /// Where the client puts the names a view reads when it iterates over this part
    /// (`for k in request.args`): parameter and header names are inputs too.
    pub fn names_location(self) -> Option<InputLocation> {
        Some(match self {
            Part::Query | Part::Values | Part::Form => InputLocation::QueryName,
            Part::Headers => InputLocation::HeaderName,
            _ => return None,
        })
    }

    /// Whether this part carries request headers (by name: `headers["X"]`,
    /// `environ["HTTP_X"]`).
    pub fn has_headers(self) -> bool {
        matches!(self, Part::Headers | Part::Environ)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_and_calls() {
        assert_eq!(part("flask.request.args"), Some(Part::Query));
        assert_eq!(part("flask.request.get_json()"), Some(Part::Json));
        assert_eq!(part("flask.request.get_json"), None);
        assert_eq!(part_returned("flask.request.get_json"), Some(Part::Json));
        assert_eq!(part_returned("flask.request.get_data"), Some(Part::Body));
        assert_eq!(part_returned("flask.request.args"), None);
        assert_eq!(part("flask.request.method"), None);
    }

    #[test]
    fn request_names() {
        assert!(is_request("flask.request"));
        assert!(is_request("flask.request.args.get()"));
        assert!(!is_request("flask.requests"));
        assert!(!is_request("flask.request_started"));
    }

    /// Every part read by name has a location, and the locations agree with the probe's
    /// names for them.
    #[test]
    fn locations() {
        for (name, p) in PARTS {
            if matches!(
                p,
                Part::Query | Part::Form | Part::Values | Part::Json | Part::Headers
            ) {
                assert!(p.location().is_some(), "{name}");
            }
        }
        assert_eq!(Part::Values.location(), Some(InputLocation::Query));
        assert_eq!(
            Part::Headers.names_location(),
            Some(InputLocation::HeaderName)
        );
    }
}
