//! Small shared predicates for rules.

use flaskguard_flask::QUERY_ROW_METHODS;
use flaskguard_flask::{ConfigSetting, FlaskModel};
use flaskguard_flask::{ORM_PREFIXES, is_orm_model};
use flaskguard_index::ir::{Expr, ExprKind, ScopeRef};
use flaskguard_index::semantic::Binding;
use flaskguard_index::{Index, ModuleId, Value};

use crate::reporter::Target;

/// Where a configuration setting was written.
pub(crate) fn setting_target(s: &ConfigSetting<'_>) -> Target {
    match (s.module, s.text_index) {
        (Some(m), _) => Target::Module(m, s.span),
        (None, Some(t)) => Target::Text(t, s.span),
        (None, None) => Target::Text(0, s.span),
    }
}

/// Where project-wide "missing protection" findings are reported: the first `Flask(...)`
/// call (application factories included).
pub(crate) fn app_target(model: &FlaskModel<'_>) -> Option<Target> {
    let mut apps: Vec<_> = model.apps.iter().collect();
    // Prefer the app of a factory or the first app in module order.
    apps.sort_by_key(|a| (a.module, a.span));
    apps.first().map(|a| Target::Module(a.module, a.span))
}

/// A known value (a literal or a call of a known function), or the hard-coded default of
/// an environment lookup, used when the variable is missing.
pub(crate) fn effective_literal(v: &Value) -> Option<&Value> {
    match v {
        Value::Env {
            default: Some(d), ..
        } => effective_literal(d),
        Value::Env { default: None, .. } | Value::Unknown => None,
        v => Some(v),
    }
}

/// The number of seconds a duration value stands for (`timedelta(...)` or a number).
pub(crate) fn duration_seconds(v: &Value) -> Option<f64> {
    match v {
        Value::Int(_) | Value::Float(_) => v.as_number(),
        Value::Call { qual, args, kwargs } if qual == "datetime.timedelta" => {
            let units = [
                ("days", 86_400.0),
                ("seconds", 1.0),
                ("microseconds", 1e-6),
                ("milliseconds", 1e-3),
                ("minutes", 60.0),
                ("hours", 3_600.0),
                ("weeks", 604_800.0),
            ];
            let mut total = 0.0;
            for (i, a) in args.iter().enumerate() {
                total += a.as_number()? * units.get(i)?.1;
            }
            for (k, v) in kwargs {
                let unit = units.iter().find(|(n, _)| n == k)?.1;
                total += v.as_number()? * unit;
            }
            Some(total)
        }
        _ => None,
    }
}

/// A human form of a number of seconds.
pub(crate) fn human_duration(seconds: f64) -> String {
    if seconds >= 86_400.0 {
        format!("{:.0} days", seconds / 86_400.0)
    } else if seconds >= 3_600.0 {
        format!("{:.0} hours", seconds / 3_600.0)
    } else {
        format!("{seconds:.0} seconds")
    }
}

/// Why a secret literal is weak, if it is.
pub(crate) fn weak_secret_reason(secret: &str) -> Option<String> {
    let lower = secret.to_ascii_lowercase();
    if secret.is_empty() {
        return Some("it is empty".to_string());
    }
    if flaskguard_report::known::WEAK_SECRETS
        .iter()
        .any(|w| w.eq_ignore_ascii_case(secret))
    {
        return Some("it is a well-known placeholder that attackers try first".to_string());
    }
    if [
        "change",
        "replace",
        "example",
        "placeholder",
        "your-",
        "your_",
        "secret",
    ]
    .iter()
    .any(|w| lower.contains(w))
        && secret.len() < 48
    {
        return Some("it looks like a placeholder".to_string());
    }
    if secret.len() < 32 {
        return Some(format!(
            "it is only {} characters long (use at least 32 random bytes)",
            secret.len()
        ));
    }
    let distinct: std::collections::BTreeSet<char> = secret.chars().collect();
    if distinct.len() < 8 {
        return Some("it has very few distinct characters".to_string());
    }
    None
}

/// Shows a secret without revealing it: the first two characters and the length.
pub(crate) fn redact(secret: &str) -> String {
    let shown: String = secret.chars().take(2).collect();
    format!("\"{shown}…\" ({} characters)", secret.chars().count())
}

/// Whether a block ends by raising or by a call that never returns
/// (`flaskguard_taint::ABORTS`: `abort(403)`, `sys.exit(1)`): the branch turns the value
/// it tested away.
pub(crate) fn ends_in_raise_or_abort(
    index: &Index<'_>,
    module: ModuleId,
    body: &[flaskguard_index::ir::Stmt],
) -> bool {
    use flaskguard_index::ir::StmtKind;
    body.last().is_some_and(|last| match &last.kind {
        StmtKind::Raise { .. } => true,
        StmtKind::Expr(e) => index
            .callee_of(module, e)
            .is_some_and(|r| flaskguard_taint::ABORTS.contains(&r.qual.as_str())),
        _ => false,
    })
}

/// Whether a name says its value is a hash or digest (`_passwordHash`, `pw_digest`), not
/// the secret it was computed from.
pub(crate) fn names_a_hash(name: &str) -> bool {
    words(name)
        .iter()
        .any(|w| matches!(w.as_str(), "hash" | "hashed" | "digest"))
}

/// The lower-case words of an identifier or URL rule: split at every non-alphanumeric
/// character and at camelCase boundaries (`verifyPassword`, `/auth/sign-in`).
pub(crate) fn words(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_ascii_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if c.is_ascii_uppercase() && !cur.is_empty() {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(char::is_ascii_lowercase);
            if prev.is_ascii_lowercase()
                || prev.is_ascii_digit()
                || (prev.is_ascii_uppercase() && next_lower)
            {
                out.push(std::mem::take(&mut cur));
            }
        }
        cur.push(c.to_ascii_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Whether `found` holds for a call made in one of `functions` or in the project functions
/// they call, up to `depth` calls deep (each function looked at once).
pub(crate) fn any_call_within<'a>(
    index: &flaskguard_index::Index<'a>,
    functions: Vec<(flaskguard_index::ModuleId, flaskguard_index::ir::FuncIdx)>,
    depth: usize,
    mut found: impl FnMut(&flaskguard_index::semantic::CallSite<'a>) -> bool,
) -> bool {
    let mut seen = functions.clone();
    let mut functions = functions;
    for _ in 0..depth {
        let mut next = Vec::new();
        for (m, f) in functions {
            let def = &index.module(m).functions[f.0 as usize];
            for c in index.calls_in(m) {
                if c.expr.span.start < def.span.start || def.span.end < c.expr.span.end {
                    continue;
                }
                if found(c) {
                    return true;
                }
                if let Some(target) = c
                    .callee
                    .as_ref()
                    .and_then(|r| index.project_function(&r.qual))
                    && !seen.contains(&target)
                {
                    seen.push(target);
                    next.push(target);
                }
            }
        }
        if next.is_empty() {
            break;
        }
        functions = next;
    }
    false
}

/// Whether a name (a session key, a cookie name) speaks of who the user is, what they
/// may do, or a credential: `user_id`, `role`, `is_admin`, `session_token`, `remember_me`.
/// What is stored under such a name is worth protecting and is trusted later.
pub(crate) fn names_identity_or_credential(name: &str) -> bool {
    words(name).iter().any(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "user"
                | "uid"
                | "userid"
                | "username"
                | "id"
                | "login"
                | "logged"
                | "role"
                | "roles"
                | "admin"
                | "superuser"
                | "staff"
                | "auth"
                | "authenticated"
                | "authorized"
                | "permission"
                | "permissions"
                | "perms"
                | "privilege"
                | "privileges"
                | "group"
                | "groups"
                | "identity"
                | "account"
                | "owner"
                | "tenant"
                | "level"
                | "access"
                | "email"
                | "verified"
                | "mfa"
                | "otp"
                | "session"
                | "sess"
                | "sid"
                | "token"
                | "jwt"
                | "remember"
                | "refresh"
                | "key"
                | "api"
                | "secret"
                | "csrf"
                | "xsrf"
                | "password"
                | "pass"
                | "credential"
        )
    })
}

/// Whether a resolved receiver is a database object: an ORM library object or something
/// reached from a project model class (`Note.query.filter_by(...)`).
pub(crate) fn is_db_object(index: &Index<'_>, receiver: &str) -> bool {
    if ORM_PREFIXES.iter().any(|p| receiver.starts_with(p)) {
        return true;
    }
    let mut prefix = receiver;
    loop {
        let head = prefix.split(['(', '[']).next().unwrap_or(prefix);
        if index.project_class(head).is_some() {
            return is_orm_model(index, head, 0);
        }
        match prefix.rfind('.') {
            Some(i) => prefix = &prefix[..i],
            None => return false,
        }
    }
}

/// Whether `e` holds what a database query read: rows fetched by a query
/// (`Note.query.filter_by(...).first()`, `db.session.get(Note, id)`), their attributes and
/// items, a local name every assignment of which is such a value, or the result of a
/// project function every return of which is one (`_own_note_or_404(note_id)`).
pub(crate) fn is_stored_value(
    index: &Index<'_>,
    module: ModuleId,
    scope: ScopeRef,
    e: &Expr,
    depth: u32,
) -> bool {
    if depth > 6 {
        return false;
    }
    match &e.kind {
        ExprKind::Attribute { value, .. } | ExprKind::Subscript { value, .. } => {
            is_stored_value(index, module, scope, value, depth + 1)
        }
        ExprKind::Name(n) => match index.bindings_of(module, scope, n) {
            Some((s, bindings)) if !bindings.is_empty() => bindings.iter().all(|b| {
                matches!(b, Binding::Assign(v) if is_stored_value(index, module, s, v, depth + 1))
            }),
            _ => false,
        },
        ExprKind::Call(call) => {
            let Some(r) = index.resolve(module, scope, &call.func) else {
                return false;
            };
            if let Some((receiver, method)) = r.qual.rsplit_once('.')
                && QUERY_ROW_METHODS.contains(&method)
                && is_db_object(index, receiver)
            {
                return true;
            }
            let Some((m, f)) = index.project_function(&r.qual) else {
                return false;
            };
            index.semantic[m.0 as usize]
                .returns
                .get(&f)
                .is_some_and(|returns| {
                    !returns.is_empty()
                        && returns.iter().all(|v| {
                            is_stored_value(index, m, ScopeRef::Function(f), v, depth + 1)
                        })
                })
        }
        _ => false,
    }
}
