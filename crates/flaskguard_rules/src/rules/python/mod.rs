//! Generic Python checks, matched for parity with the general-purpose linters: weak
//! hashes and randomness, outbound HTTP and TLS, unsafe deserialisation and XML parsing,
//! shell commands, and hard-coded credentials.

mod hardcoded_credentials;
mod insecure_random_for_secret;
mod pickle_deserialization;
mod requests_without_timeout;
mod shell_command_from_variable;
mod tls_verification_disabled;
mod unsafe_xml_parser;
mod weak_hash_algorithm;
mod weak_password_hash;
mod weak_tls_or_cipher;
mod yaml_unsafe_load;

use flaskguard_index::ir::{Expr, ExprKind, ScopeRef};
use flaskguard_index::semantic::CallSite;
use flaskguard_index::{Index, ModuleId, Span};
use flaskguard_report::Severity;

use crate::Rule;

pub(crate) static RULES: &[&Rule] = &[
    &yaml_unsafe_load::RULE,
    &unsafe_xml_parser::RULE,
    &weak_password_hash::RULE,
    &insecure_random_for_secret::RULE,
    &weak_hash_algorithm::RULE,
    &hardcoded_credentials::RULE,
    &requests_without_timeout::RULE,
    &tls_verification_disabled::RULE,
    &weak_tls_or_cipher::RULE,
    &pickle_deserialization::RULE,
    &shell_command_from_variable::RULE,
];

pub(super) use crate::helpers::words;

/// A name for a user's password (`password`, `new_pwd`, `passwd`, a `pin` or `passcode`),
/// not for a token or key that merely mentions one (`password_reset_token`).
pub(super) fn is_password_name(name: &str) -> bool {
    let ws = words(name);
    ws.iter().any(|w| {
        matches!(
            w.as_str(),
            "password"
                | "passwords"
                | "passwd"
                | "pwd"
                | "pw"
                | "passphrase"
                | "pass"
                | "pin"
                | "passcode"
        )
    }) && !ws.iter().any(|w| {
        matches!(
            w.as_str(),
            "token" | "tokens" | "nonce" | "otp" | "key" | "salt" | "reset" | "hint" | "field"
        )
    })
}

/// The identifiers an expression is about: its names, attribute names and the string
/// keys it subscripts or looks up (`request.form["password"]`, `data.get("password")`).
pub(super) fn mentioned_names(e: &Expr) -> Vec<String> {
    let mut out = Vec::new();
    e.walk(&mut |x| match &x.kind {
        ExprKind::Name(n) => out.push(n.to_string()),
        ExprKind::Attribute { attr, .. } => out.push(attr.to_string()),
        ExprKind::Subscript { index, .. } => {
            if let Some(s) = index.as_str() {
                out.push(s.to_string());
            }
        }
        ExprKind::Call(call) => {
            if let ExprKind::Attribute { attr, .. } = &call.func.kind
                && attr == "get"
                && let Some(s) = call.args.first().and_then(Expr::as_str)
            {
                out.push(s.to_string());
            }
        }
        _ => {}
    });
    out
}

/// The name an expression's value is stored under, when the expression is (part of) the
/// right-hand side of an assignment: `token = …`, `user.reset_token = …`,
/// `session["otp"] = …`.
pub(super) fn assigned_name(index: &Index<'_>, module: ModuleId, span: Span) -> Option<String> {
    index.semantic[module.0 as usize]
        .assigns
        .iter()
        .filter(|a| a.value.span.start <= span.start && span.end <= a.value.span.end)
        .find_map(|a| target_name(a.target).map(str::to_string))
}

/// The name of an assignment target.
pub(super) fn target_name(target: &Expr) -> Option<&str> {
    match &target.kind {
        ExprKind::Name(n) => Some(n.as_str()),
        ExprKind::Attribute { attr, .. } => Some(attr.as_str()),
        ExprKind::Subscript { index, .. } => index.as_str(),
        _ => None,
    }
}

/// The function a call is made in, if any.
pub(super) fn enclosing_function<'a>(
    index: &Index<'a>,
    module: ModuleId,
    scope: ScopeRef,
) -> Option<&'a flaskguard_index::ir::FunctionDef> {
    match scope {
        ScopeRef::Function(f) => Some(&index.module(module).functions[f.0 as usize]),
        _ => None,
    }
}

/// Whether an expression reads request data directly (`request.form[...]`,
/// `request.get_data()`): the finding is then reachable by any client.
pub(super) fn reads_request(
    ctx: &crate::Context<'_, '_>,
    module: ModuleId,
    scope: ScopeRef,
    e: &Expr,
) -> bool {
    let trusted_hosts = ctx.model.host_checked();
    let mut found = false;
    e.walk(&mut |x| {
        if found
            || !matches!(
                x.kind,
                ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Call(_)
            )
        {
            return;
        }
        found = ctx
            .index
            .resolve(module, scope, x)
            .is_some_and(|r| ctx.spec.is_request_data(&r.qual, trusted_hosts));
    });
    found
}

/// The severity one step up, for findings fed directly by request data.
pub(super) fn raised(severity: Severity) -> Severity {
    match severity {
        Severity::Info => Severity::Low,
        Severity::Low => Severity::Medium,
        Severity::Medium => Severity::High,
        Severity::High | Severity::Critical => Severity::Critical,
    }
}

/// The span of a keyword argument including its name (`verify=False`).
pub(super) fn keyword_span(call: &CallSite<'_>, name: &str) -> Option<Span> {
    call.call
        .keywords
        .iter()
        .find(|k| k.arg.as_deref() == Some(name))
        .map(|k| k.span)
}

/// The canonical name of a call's callee, if resolved.
pub(super) fn callee<'c>(c: &'c CallSite<'_>) -> Option<&'c str> {
    c.callee.as_ref().map(|r| r.qual.as_str())
}

/// Hash constructors of `hashlib` (the algorithm is the function's name).
const HASHLIB_CONSTRUCTORS: &[&str] = &[
    "md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256", "sha3_384",
    "sha3_512", "blake2b", "blake2s",
];

/// What a callee's name tells of the hash algorithm a call to it uses.
enum HashCallee {
    /// `hashlib.new(name, …)`: the first argument names it.
    New,
    /// `hmac.new(key, msg, digestmod)` / `hmac.digest(…)`: the digest argument names it.
    Hmac,
    /// A constructor named after its algorithm (lower-case): `hashlib.md5`, `MD5.new`.
    Named(String),
}

fn hash_callee(q: &str) -> Option<HashCallee> {
    if q == "hashlib.new" {
        return Some(HashCallee::New);
    }
    if q == "hmac.new" || q == "hmac.digest" {
        return Some(HashCallee::Hmac);
    }
    if let Some(name) = q.strip_prefix("hashlib.") {
        return HASHLIB_CONSTRUCTORS
            .contains(&name)
            .then(|| HashCallee::Named(name.to_string()));
    }
    let name = q
        .strip_prefix("Crypto.Hash.")
        .or_else(|| q.strip_prefix("Cryptodome.Hash."))
        .and_then(|r| r.strip_suffix(".new"))
        .or_else(|| q.strip_prefix("cryptography.hazmat.primitives.hashes."))?;
    Some(HashCallee::Named(match name {
        "MD5" => "md5".to_string(),
        "MD4" => "md4".to_string(),
        "SHA" | "SHA1" => "sha1".to_string(),
        "SHA224" | "SHA256" | "SHA384" | "SHA512" => name.to_ascii_lowercase(),
        _ => return None,
    }))
}

/// Whether a call to `q` may build a hash object (or digest): the calls
/// [`hash_algorithm`] can name an algorithm for.
pub(super) fn is_hash_callee(q: &str) -> bool {
    hash_callee(q).is_some()
}

/// The algorithm a call builds a hash object (or digest) with, lower-case: `hashlib.md5`,
/// `hashlib.new("sha1")` (the name constant-propagated), PyCryptodome's `MD5.new`,
/// `cryptography`'s `hashes.SHA1()`.
/// A name read from one of the project's INI files (`parser.get("crypto", "digest")`)
/// is every name the files give it, a broken one first.
pub(super) fn hash_algorithm(ctx: &crate::Context<'_, '_>, c: &CallSite<'_>) -> Option<String> {
    let index = ctx.index;
    match hash_callee(callee(c)?)? {
        HashCallee::New => {
            let name = c.call.argument(0, "name")?;
            let mut value = index.eval(c.module, c.scope, name);
            // A local name bound more than once: the value it holds at this call.
            if matches!(value, flaskguard_index::Value::Unknown)
                && let ExprKind::Name(n) = &name.kind
                && let Some(f) = enclosing_function(index, c.module, c.scope)
                && let Some(v) = straight::value_at(&f.body, n, c.expr.span.start)
            {
                value = index.eval(c.module, c.scope, v);
            }
            let normal = |s: &str| s.to_ascii_lowercase().replace('-', "_");
            // Several candidate names (read from an INI file, or the settings the project's
            // configuration gives `current_app.config["PASSWORD_HASH"]`): a broken one first.
            let candidates: Option<Vec<flaskguard_index::Value>> =
                crate::ini::candidates(ctx.project, &value).or_else(|| {
                    if !matches!(value, flaskguard_index::Value::Unknown) {
                        return None;
                    }
                    let key = flaskguard_flask::config_key_read(index, c.module, c.scope, name)?;
                    let configured: Vec<_> = ctx
                        .model
                        .config
                        .iter()
                        .filter(|s| s.key == key)
                        .map(|s| s.value.clone())
                        .collect();
                    (!configured.is_empty()).then_some(configured)
                });
            if let Some(names) = candidates {
                let names: Vec<String> = names
                    .iter()
                    .filter_map(flaskguard_index::Value::as_str)
                    .map(normal)
                    .collect();
                return names
                    .iter()
                    .find(|n| is_broken_hash(n))
                    .or(names.first())
                    .cloned();
            }
            value.as_str().map(normal)
        }
        // `hmac.new(key, msg, hashlib.md5)` / `digestmod="md5"`: HMAC-SHA1 remains sound
        // (it does not rely on collision resistance); HMAC over MD5 or MD4 is reported.
        HashCallee::Hmac => {
            let digest = c
                .call
                .argument(2, "digestmod")
                .or_else(|| c.call.keyword("digest"))?;
            let name = match index.resolve(c.module, c.scope, digest) {
                Some(r) if r.qual.starts_with("hashlib.") => r.qual["hashlib.".len()..].to_string(),
                _ => index
                    .eval(c.module, c.scope, digest)
                    .as_str()?
                    .to_ascii_lowercase(),
            };
            matches!(name.as_str(), "md5" | "md4").then_some(name)
        }
        HashCallee::Named(name) => Some(name),
    }
}

/// Hash algorithms (as `hash_algorithm` names them) whose collision resistance is broken.
pub(super) fn is_broken_hash(alg: &str) -> bool {
    matches!(alg, "md5" | "md4" | "sha1" | "md5_sha1")
}

/// The data a hash constructor call hashes, when passed to it.
pub(super) fn hashed_data<'a>(c: &CallSite<'a>) -> Option<&'a Expr> {
    let data = if callee(c) == Some("hashlib.new") {
        c.call.argument(1, "data")
    } else {
        c.call.argument(0, "data")
    };
    data.or_else(|| c.call.keyword("string"))
}

/// How an algorithm is usually written: `MD5`, `SHA-1`, `SHA-256`.
pub(super) fn algorithm_display(alg: &str) -> String {
    match alg {
        "sha1" => "SHA-1".to_string(),
        "md5_sha1" => "MD5-SHA1".to_string(),
        a if a.starts_with("sha") && !a.starts_with("sha3") => format!("SHA-{}", &a[3..]),
        a => a.to_ascii_uppercase().replace('_', "-"),
    }
}

/// Whether the hash is declared as not used for security (`usedforsecurity=False`).
pub(super) fn not_for_security(index: &Index<'_>, c: &CallSite<'_>) -> bool {
    c.call
        .keyword("usedforsecurity")
        .is_some_and(|e| index.eval(c.module, c.scope, e).truthy() == Some(false))
}

/// Whether `data`, hashed by `c`, is a password: it mentions a password name, or the
/// digest is stored under one (`password_hash = …`, `User(password=…)`). Returns how to
/// name it in a message.
pub(super) fn password_hashed(
    index: &Index<'_>,
    c: &CallSite<'_>,
    data: Option<&Expr>,
) -> Option<String> {
    // A stored hash hashed again (`sha512(user._password_hash + secret)`, a signing key)
    // is no password.
    if let Some(name) = data
        .into_iter()
        .flat_map(mentioned_names)
        .find(|n| is_password_name(n) && !crate::helpers::names_a_hash(n))
    {
        return Some(format!("the password `{name}`"));
    }
    let stored = |name: String| format!("a password (stored as `{name}`)");
    if let Some(name) = assigned_name(index, c.module, c.expr.span).filter(|n| is_password_name(n))
    {
        return Some(stored(name));
    }
    // `User(password=hashlib.md5(...).hexdigest())`
    index.semantic[c.module.0 as usize]
        .calls
        .iter()
        .find_map(|outer| {
            outer.call.keywords.iter().find_map(|k| {
                let name = k.arg.as_deref()?;
                let inside =
                    k.value.span.start <= c.expr.span.start && c.expr.span.end <= k.value.span.end;
                (inside && is_password_name(name)).then(|| stored(name.to_string()))
            })
        })
}

#[cfg(test)]
mod tests {
    use super::{is_password_name, words};

    #[test]
    fn splits_identifiers() {
        assert_eq!(words("resetToken"), ["reset", "token"]);
        assert_eq!(words("API_KEY"), ["api", "key"]);
        assert_eq!(words("_make_reset_token"), ["make", "reset", "token"]);
    }

    #[test]
    fn recognises_password_names() {
        assert!(is_password_name("password"));
        assert!(is_password_name("new_password"));
        assert!(is_password_name("userPwd"));
        assert!(!is_password_name("password_reset_token"));
        assert!(!is_password_name("passenger"));
        assert!(is_password_name("user_pin"));
        assert!(!is_password_name("pinned"));
        assert!(!is_password_name("data"));
    }
}

/// Straight-line facts about a local name inside one function body: the value a name
/// holds at a point (the nearest `name = value` before it in the same or an enclosing
/// block, when nothing in between may rebind it), and assignments whose value is
/// overwritten before anything reads it. Conservative: any doubt answers `None`/`false`.
pub(super) mod straight {
    use flaskguard_index::ir::{Expr, ExprKind, Stmt, StmtKind};

    fn child_blocks(st: &Stmt) -> Vec<&[Stmt]> {
        match &st.kind {
            StmtKind::If { body, orelse, .. }
            | StmtKind::For { body, orelse, .. }
            | StmtKind::While { body, orelse, .. } => vec![body, orelse],
            StmtKind::With { body, .. } => vec![body],
            StmtKind::Try(tr) => {
                let flaskguard_index::ir::Try {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                } = &**tr;
                let mut v: Vec<&[Stmt]> = vec![body, orelse, finalbody];
                v.extend(handlers.iter().map(|h| h.body.as_slice()));
                v
            }
            StmtKind::Match { cases, .. } => cases.iter().map(|c| c.body.as_slice()).collect(),
            _ => Vec::new(),
        }
    }

    /// The chain of (block, index) from the function body down to the statement at `at`.
    fn path_to(body: &[Stmt], at: u32) -> Option<Vec<(&[Stmt], usize)>> {
        let i = body
            .iter()
            .position(|st| st.span.start <= at && at < st.span.end)?;
        let mut path = vec![(body, i)];
        for inner in child_blocks(&body[i]) {
            if let Some(rest) = path_to(inner, at) {
                path.extend(rest);
                break;
            }
        }
        Some(path)
    }

    fn is_name(e: &Expr, name: &str) -> bool {
        matches!(&e.kind, ExprKind::Name(n) if n.as_str() == name)
    }

    /// `name = value` with one plain target.
    fn simple_store<'a>(st: &'a Stmt, name: &str) -> Option<&'a Expr> {
        match &st.kind {
            StmtKind::Assign { targets, value }
                if targets.len() == 1 && is_name(&targets[0], name) =>
            {
                Some(value)
            }
            StmtKind::AnnAssign {
                target,
                value: Some(value),
                ..
            } if is_name(target, name) => Some(value),
            _ => None,
        }
    }

    /// Whether the statement (with its nested blocks) mentions `name` at all.
    fn mentions(st: &Stmt, name: &str) -> bool {
        let mut found = false;
        flaskguard_index::ir::walk_body_exprs(std::slice::from_ref(st), &mut |e| {
            found |= is_name(e, name);
        });
        found
    }

    /// The value `name` holds just before the statement at `at`.
    pub(in crate::rules) fn value_at<'a>(
        body: &'a [Stmt],
        name: &str,
        at: u32,
    ) -> Option<&'a Expr> {
        let path = path_to(body, at)?;
        for (block, i) in path.into_iter().rev() {
            for st in block[..i].iter().rev() {
                if let Some(v) = simple_store(st, name) {
                    return Some(v);
                }
                if mentions(st, name) {
                    // Read, rebound in a branch or a loop, deleted: not straight-line.
                    return None;
                }
            }
        }
        None
    }

    /// Whether the `name = ...` statement at `at` is overwritten by a later `name = ...` in
    /// the same block before anything mentions `name`.
    pub(in crate::rules) fn overwritten_unread(body: &[Stmt], name: &str, at: u32) -> bool {
        let Some(path) = path_to(body, at) else {
            return false;
        };
        let Some(&(block, i)) = path.last() else {
            return false;
        };
        if simple_store(&block[i], name).is_none() {
            return false;
        }
        for st in &block[i + 1..] {
            if let Some(v) = simple_store(st, name) {
                let mut reads = false;
                v.walk(&mut |e| reads |= is_name(e, name));
                return !reads;
            }
            if mentions(st, name) {
                return false;
            }
        }
        false
    }
}
