//! Cookie flags the project's own code decides: a session interface that works out
//! `Secure` itself, a response class whose `set_cookie` adds it to every cookie. The
//! configuration defaults (`SESSION_COOKIE_SECURE`, `REMEMBER_COOKIE_SECURE`) then do not
//! say what the browser gets.

use flaskguard_index::Index;
use flaskguard_index::ir::{ExprKind, ScopeRef, walk_body_exprs};

/// Flask's session interfaces: a subclass decides how the session cookie is written.
const SESSION_INTERFACES: &[&str] = &[
    "flask.sessions.SessionInterface",
    "flask.sessions.SecureCookieSessionInterface",
];

/// Response classes: a subclass's `set_cookie` writes every cookie of the app (Flask's
/// session cookie and Flask-Login's remember-me cookie alike).
const RESPONSE_CLASSES: &[&str] = &[
    "flask.Response",
    "flask.wrappers.Response",
    "werkzeug.Response",
    "werkzeug.wrappers.Response",
    "werkzeug.wrappers.response.Response",
    "werkzeug.sansio.response.Response",
];

/// Where the project's code, not the configuration, decides the `Secure` flag.
#[derive(Clone, Copy, Debug, Default)]
pub struct SecureByCode {
    /// A project session interface overrides `get_cookie_secure`, or its `save_session`
    /// passes its own `secure=` to `set_cookie`.
    pub session_cookie: bool,
    /// A project response class overrides `set_cookie` and passes `secure=` on (to
    /// `super().set_cookie`, or through the keyword arguments it forwards).
    pub every_cookie: bool,
}

impl SecureByCode {
    /// Whether the session cookie's `Secure` flag is set by code.
    pub fn session(self) -> bool {
        self.session_cookie || self.every_cookie
    }
}

pub(crate) fn collect(index: &Index<'_>, test_code: &[bool]) -> SecureByCode {
    let mut out = SecureByCode::default();
    for m in index.modules {
        if test_code.get(m.id.0 as usize).copied().unwrap_or(false) {
            continue;
        }
        for f in &m.functions {
            let ScopeRef::Class(c) = f.parent else {
                continue;
            };
            let class = [
                m.name.as_str(),
                ".",
                m.classes[c.0 as usize].qualname.as_str(),
            ]
            .concat();
            let derives = |bases: &[&str]| bases.iter().any(|b| index.is_subclass_of(&class, b));
            match f.name.as_str() {
                "get_cookie_secure" if derives(SESSION_INTERFACES) => out.session_cookie = true,
                "save_session" if passes_secure(&f.body) && derives(SESSION_INTERFACES) => {
                    out.session_cookie = true;
                }
                "set_cookie" if passes_secure(&f.body) && derives(RESPONSE_CLASSES) => {
                    out.every_cookie = true;
                }
                _ => {}
            }
        }
    }
    out
}

/// Whether the body calls `set_cookie` with a `secure=` keyword, or writes a `"secure"`
/// entry into the keyword arguments it forwards (`kwargs["secure"] = …`).
fn passes_secure(body: &[flaskguard_index::ir::Stmt]) -> bool {
    let mut found = false;
    walk_body_exprs(body, &mut |e| match &e.kind {
        ExprKind::Call(call) => {
            if let ExprKind::Attribute { attr, .. } = &call.func.kind
                && attr == "set_cookie"
                && call.keyword("secure").is_some()
            {
                found = true;
            }
        }
        ExprKind::Subscript { index, .. } if index.as_str() == Some("secure") => found = true,
        _ => {}
    });
    found
}
