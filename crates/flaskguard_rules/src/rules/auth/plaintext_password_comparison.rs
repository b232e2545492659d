use flaskguard_index::ir::{CmpOp, Expr, ExprKind, ScopeRef, walk_body_exprs};
use flaskguard_index::{Index, ModuleId, Value};

use super::{call_at, httpauth_callbacks, words};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for passwords kept and compared in plaintext around Flask-HTTPAuth: a
    /// `@auth.verify_password` callback (or a `check_password`-style function) that compares
    /// the password with `==`, `in` or `compare_digest` instead of checking it against a
    /// hash, and `@auth.get_password` callbacks, which hand Flask-HTTPAuth the stored
    /// password to compare in plaintext (unless a `@auth.hash_password` callback hashes
    /// the client's password first, or digest authentication uses `use_ha1_pw=True`).
    ///
    /// ## Why is this bad?
    /// A plaintext comparison means the passwords are stored in plaintext (or in source):
    /// anyone who reads the database, a backup, a log or the repository learns every
    /// user's password, and users reuse passwords across sites.
    ///
    /// ## Example
    /// ```python
    /// USERS = {"ops": "Winter2023!"}
    ///
    /// @auth.verify_password
    /// def verify_password(username, password):
    ///     if USERS.get(username) == password:
    ///         return username
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// USERS = {"ops": os.environ["OPS_PASSWORD_HASH"]}
    ///
    /// @auth.verify_password
    /// def verify_password(username, password):
    ///     stored = USERS.get(username)
    ///     if stored and check_password_hash(stored, password):
    ///         return username
    /// ```
    ///
    /// ## Known problems
    /// Outside Flask-HTTPAuth callbacks, only functions named like `check_password` /
    /// `verify_password` with a parameter named like `password` are examined.
    ///
    /// ## References
    /// - [Flask-HTTPAuth: get_password and hash_password](https://flask-httpauth.readthedocs.io/en/latest/#flask_httpauth.HTTPBasicAuth.get_password)
    /// - [Werkzeug: check_password_hash](https://werkzeug.palletsprojects.com/en/stable/utils/#werkzeug.security.check_password_hash)
    /// - [OWASP: Password Storage Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG247",
        name: "plaintext-password-comparison",
        summary: "Passwords stored and compared in plaintext",
        severity: High,
        confidence: Medium,
        cwe: [256, 208],
        owasp: "A07",
        remediation: "Store password hashes (generate_password_hash) and verify with check_password_hash.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    let index = ctx.index;
    let mut examined = Vec::new();
    for cb in httpauth_callbacks(ctx, &["verify_password"]) {
        examined.push((cb.module, cb.func));
        let Some(password) = cb.def.params.get(1) else {
            continue;
        };
        let what = format!("`{}` (the `@{}` callback)", cb.def.name, cb.registration);
        report_plaintext(index, out, cb.module, cb.func, &password.name, &what, true);
    }
    // `check_password(self, password)`-style functions and methods.
    for m in index.modules {
        for (i, f) in m.functions.iter().enumerate() {
            let func = flaskguard_index::ir::FuncIdx(i as u32);
            if examined.contains(&(m.id, func)) {
                continue;
            }
            let name_words = words(&f.name);
            let verb = name_words.iter().any(|w| {
                matches!(
                    w.as_str(),
                    "check" | "verify" | "validate" | "authenticate" | "compare" | "match"
                )
            });
            let noun = name_words
                .iter()
                .any(|w| matches!(w.as_str(), "password" | "passwd" | "pwd" | "credentials"));
            if !(verb && noun) {
                continue;
            }
            let Some(password) = f.params.iter().find(|p| is_password_param(&p.name)) else {
                continue;
            };
            let what = format!("`{}`", f.qualname);
            // `password in COMMON_PASSWORDS` is a strength check here, not a login.
            report_plaintext(index, out, m.id, func, &password.name, &what, false);
        }
    }

    // `get_password` hands Flask-HTTPAuth the stored password to compare.
    let hashers: Vec<_> = httpauth_callbacks(ctx, &["hash_password"])
        .into_iter()
        .filter_map(|cb| cb.auth)
        .collect();
    for cb in httpauth_callbacks(ctx, &["get_password"]) {
        // A callback that never returns a password (`return None`) hands nothing over.
        let returns_something = index.semantic[cb.module.0 as usize]
            .returns
            .get(&cb.func)
            .is_some_and(|rs| rs.iter().any(|r| !matches!(r.kind, ExprKind::NoneLit)));
        if !returns_something {
            continue;
        }
        let message = if cb.class == "HTTPDigestAuth" {
            let ha1 = cb
                .auth
                .and_then(|site| call_at(index, site))
                .and_then(|c| c.call.keyword("use_ha1_pw").map(|e| (c, e)))
                .is_some_and(|(c, e)| index.eval(c.module, c.scope, e).truthy() == Some(true));
            if ha1 {
                continue;
            }
            format!(
                "`{}` (the `@{}` callback) returns stored passwords in plaintext: digest authentication without `use_ha1_pw=True` needs them",
                cb.def.name, cb.registration
            )
        } else {
            if cb.auth.is_some_and(|site| hashers.contains(&site)) {
                continue;
            }
            format!(
                "`{}` (the `@{}` callback) returns stored passwords that Flask-HTTPAuth compares in plaintext (there is no `@hash_password` callback)",
                cb.def.name, cb.registration
            )
        };
        out.at(cb.module, cb.def.name_span, message);
    }
}

fn is_password_param(name: &str) -> bool {
    words(name)
        .iter()
        .any(|w| matches!(w.as_str(), "password" | "passwd" | "pwd" | "pw"))
}

/// Reports plaintext comparisons of `password` in the function's body.
fn report_plaintext(
    index: &Index<'_>,
    out: &mut Reporter,
    module: ModuleId,
    func: flaskguard_index::ir::FuncIdx,
    password: &str,
    what: &str,
    membership: bool,
) {
    let def = &index.module(module).functions[func.0 as usize];
    let scope = ScopeRef::Function(func);
    let source = &index.module(module).source;
    walk_body_exprs(&def.body, &mut |e| match &e.kind {
        ExprKind::Compare(cmp) => {
            if !cmp.ops.iter().any(|op| {
                matches!(op, CmpOp::Eq | CmpOp::NotEq)
                    || (membership && matches!(op, CmpOp::In | CmpOp::NotIn))
            }) {
                return;
            }
            let operands = cmp.operands();
            let Some(plain) = operands.iter().find(|o| plain_use(o, password)) else {
                return;
            };
            // Another parameter is another input (`password == confirm`), not a stored value.
            // A value named a hash (`self._password_hash == password`: the caller hashed the
            // input) is stored hashed; a constant (`password == LEGACY_DEFAULT_PASSWORD`,
            // turned away) is no stored password at all.
            let Some(other) = operands.iter().find(|o| {
                !mentions(o, password)
                    && !empty_literal(o)
                    && !o
                        .as_name()
                        .is_some_and(|n| def.params.iter().any(|p| p.name == n))
                    && !hash_named(o)
                    && !matches!(index.eval(module, scope, o), Value::Str(_))
            }) else {
                return;
            };
            out.at(
                module,
                e.span,
                format!(
                    "{what} compares the password `{}` in plaintext with `{}`: passwords are stored unhashed",
                    source.slice(plain.span),
                    source.slice(other.span)
                ),
            );
        }
        ExprKind::Call(call) => {
            let Some(r) = index.resolve(module, scope, &call.func) else {
                return;
            };
            if !matches!(
                r.qual.as_str(),
                "hmac.compare_digest" | "secrets.compare_digest"
            ) {
                return;
            }
            if call.args.iter().any(|a| plain_use(a, password)) {
                out.at(
                    module,
                    e.span,
                    format!(
                        "{what} compares the password in plaintext with `{}` (constant-time, but the stored password is unhashed)",
                        r.qual
                    ),
                );
            }
        }
        _ => {}
    });
}

/// The password itself, possibly converted (`password`, `password.encode()`), but not
/// passed through a hash or any other call that takes it as an argument.
fn plain_use(e: &Expr, password: &str) -> bool {
    if !mentions(e, password) {
        return false;
    }
    let mut hashed = false;
    e.walk(&mut |x| {
        if let ExprKind::Call(call) = &x.kind
            && (call.args.iter().any(|a| mentions(a, password))
                || call.keywords.iter().any(|k| mentions(&k.value, password)))
        {
            hashed = true;
        }
    });
    !hashed
}

/// Whether the value's own name says it is a hash or digest (`self._passwordHash`).
fn hash_named(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Name(n) => crate::helpers::names_a_hash(n),
        ExprKind::Attribute { attr, .. } => crate::helpers::names_a_hash(attr),
        _ => false,
    }
}

fn mentions(e: &Expr, name: &str) -> bool {
    let mut found = false;
    e.walk(&mut |x| found |= x.as_name() == Some(name));
    found
}

fn empty_literal(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::NoneLit => true,
        ExprKind::Str(s) => s.is_empty(),
        ExprKind::Bytes(s) => s.is_empty(),
        _ => false,
    }
}
