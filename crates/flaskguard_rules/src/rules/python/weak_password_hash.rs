use flaskguard_index::ir::Expr;
use flaskguard_index::semantic::CallSite;

use super::{
    algorithm_display, callee, hash_algorithm, hashed_data, is_broken_hash, is_hash_callee,
    mentioned_names, password_hashed, words,
};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for passwords hashed with a general-purpose digest: MD5 or SHA-1, or an
    /// unsalted SHA-2/SHA-3/BLAKE2 hash. A hash counts as a password hash when the hashed
    /// data mentions a password (`password`, `pwd`, `request.form["password"]`) or the
    /// digest is stored under such a name (`user.password_hash = …`). Data passed to the
    /// constructor and to `.update()` is examined.
    ///
    /// ## Why is this bad?
    /// Digests are built to be fast: a GPU computes billions per second, so a leaked table
    /// of MD5 or SHA-256 password hashes is cracked wholesale, and without a salt
    /// identical passwords share a hash and precomputed tables apply. Password hashing
    /// functions (scrypt, bcrypt, Argon2, PBKDF2 with many iterations) are deliberately
    /// slow and salted.
    ///
    /// ## Example
    /// ```python
    /// user.password_hash = hashlib.md5(password.encode()).hexdigest()
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// user.password_hash = generate_password_hash(password)
    /// ```
    ///
    /// ## Known problems
    /// A salted SHA-2 hash (the data also mentions a `salt`) is not reported, although
    /// it is still fast to attack; prefer a password hashing function there too.
    ///
    /// ## References
    /// - [Werkzeug: generate_password_hash](https://werkzeug.palletsprojects.com/en/stable/utils/#werkzeug.security.generate_password_hash)
    /// - [OWASP: Password Storage Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG146",
        name: "weak-password-hash",
        summary: "Password hashed with MD5, SHA-1 or an unsalted fast hash",
        severity: High,
        confidence: Medium,
        cwe: [916, 328],
        owasp: "A02",
        remediation: "Hash passwords with werkzeug.security.generate_password_hash (scrypt) or argon2/bcrypt.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    let index = ctx.index;
    for c in index.calls_where(|q| is_hash_callee(q) || is_update(q)) {
        // `hashlib.sha256(password)` or `h.update(password)` on a hash object.
        let (alg, data, updates) = if let Some(alg) = hash_algorithm(ctx, c) {
            (alg, hashed_data(c), Vec::new())
        } else {
            let Some(q) = callee(c) else { continue };
            if !is_update(q) {
                continue;
            }
            let Some(site) = c.callee.as_ref().and_then(|r| r.site) else {
                continue;
            };
            let Some(ctor) = index.semantic[site.module.0 as usize]
                .calls
                .iter()
                .find(|k| k.expr.span == site.span)
            else {
                continue;
            };
            let Some(alg) = hash_algorithm(ctx, ctor) else {
                continue;
            };
            // Every `.update()` on the same object: a salt may be fed separately.
            let updates: Vec<&Expr> = index
                .calls_where(is_update)
                .filter(|u| u.callee.as_ref().is_some_and(|r| r.site == Some(site)))
                .filter_map(|u| u.call.args.first())
                .chain(hashed_data(ctor))
                .collect();
            (alg, c.call.args.first(), updates)
        };
        let Some(what) = password_hashed(index, c, data) else {
            continue;
        };
        let fast_but_ok_if_salted = !is_broken_hash(&alg);
        if fast_but_ok_if_salted && salted(data.into_iter().chain(updates)) {
            continue;
        }
        let why = if fast_but_ok_if_salted {
            "an unsalted fast hash"
        } else {
            "a broken, fast hash"
        };
        out.at(
            c.module,
            c.call.func.span,
            format!(
                "{} hashes {what} with {} ({why}): use a password hashing function",
                shown(c),
                algorithm_display(&alg)
            ),
        );
    }
}

/// An object's `update` method (`hashlib.sha256().update`): what feeds a hash object.
fn is_update(q: &str) -> bool {
    q.ends_with("().update")
}

fn shown(c: &CallSite<'_>) -> String {
    match callee(c) {
        Some(q) => format!("`{q}`"),
        None => "The call".to_string(),
    }
}

/// Whether any of the hashed data mentions a salt.
fn salted<'e>(data: impl Iterator<Item = &'e Expr>) -> bool {
    data.flat_map(mentioned_names)
        .any(|n| words(&n).iter().any(|w| w == "salt" || w == "salted"))
}
