//! What a probe finding carries beside the report's [`Finding`]: what it is about (the
//! whole site or one route) and, for a cookie's flags, what the cookie is. These facts are
//! typed here so that matching probe findings to static ones never reads them back out of
//! labels or proof text; they are not written to reports.

use flaskguard_report::Finding;

/// What a finding is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// The whole site (headers, cookies, the server).
    Site,
    /// One route: a method and the route's rule (or, for a crawled page, its path).
    Route { method: String, rule: String },
}

impl Scope {
    pub fn route(method: &str, rule: &str) -> Scope {
        Scope::Route {
            method: method.to_string(),
            rule: rule.to_string(),
        }
    }

    /// How reports name it: `GET /search`, or `/` for the whole site.
    pub fn label(&self) -> String {
        match self {
            Scope::Site => "/".to_string(),
            Scope::Route { method, rule } => flaskguard_report::route_label(&[method], rule),
        }
    }

    /// The rule it is about: `/` for the whole site.
    pub fn rule(&self) -> &str {
        match self {
            Scope::Site => "/",
            Scope::Route { rule, .. } => rule,
        }
    }
}

/// What a cookie is to the app, as its flags' findings need to know: which static
/// settings (`SESSION_COOKIE_*`, `REMEMBER_COOKIE_*`, `JWT_COOKIE_*`, `set_cookie`) a
/// missing flag proves wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CookieRole {
    /// The app's session cookie: named so, or holding a Flask session.
    Session,
    /// Flask-Login's remember-me cookie.
    RememberMe,
    /// A token cookie (flask-jwt-extended's `access_token_cookie`, a `jwt` cookie).
    Token,
    /// A cookie the app sets itself.
    Other,
}

impl CookieRole {
    /// The role of a cookie by its name, and whether its value decodes as a Flask session.
    pub fn of(name: &str, flask_session: bool) -> CookieRole {
        if flask_session || name.contains("session") {
            CookieRole::Session
        } else if name.contains("remember") {
            CookieRole::RememberMe
        } else if name.contains("access_token") || name.contains("jwt") {
            CookieRole::Token
        } else {
            CookieRole::Other
        }
    }
}

/// A probe finding: the report's [`Finding`] and the typed facts behind it.
#[derive(Clone, Debug)]
pub struct ProbeFinding {
    pub finding: Finding,
    pub scope: Scope,
    /// For a cookie's flags (FG609): what the cookie is.
    pub cookie: Option<CookieRole>,
}

#[cfg(test)]
mod tests {
    use super::{CookieRole, Scope};

    #[test]
    fn scopes_are_labelled_as_reports_show_them() {
        assert_eq!(Scope::Site.label(), "/");
        assert_eq!(Scope::Site.rule(), "/");
        let route = Scope::route("POST", "/users/<int:id>");
        assert_eq!(route.label(), "POST /users/<int:id>");
        assert_eq!(route.rule(), "/users/<int:id>");
        assert_ne!(Scope::route("GET", "/"), Scope::Site);
    }

    #[test]
    fn cookies_are_told_apart_by_name_and_content() {
        assert_eq!(CookieRole::of("session", false), CookieRole::Session);
        assert_eq!(CookieRole::of("my_session_id", false), CookieRole::Session);
        // A custom SESSION_COOKIE_NAME is still the session when it holds one.
        assert_eq!(CookieRole::of("app", true), CookieRole::Session);
        assert_eq!(
            CookieRole::of("remember_token", false),
            CookieRole::RememberMe
        );
        assert_eq!(
            CookieRole::of("access_token_cookie", false),
            CookieRole::Token
        );
        assert_eq!(CookieRole::of("jwt", false), CookieRole::Token);
        assert_eq!(CookieRole::of("prefs", false), CookieRole::Other);
        assert_eq!(
            CookieRole::of("csrf_access_token", false),
            CookieRole::Token
        );
    }
}
