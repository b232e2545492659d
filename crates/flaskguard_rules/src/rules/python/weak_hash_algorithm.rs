use super::{
    algorithm_display, hash_algorithm, hashed_data, is_broken_hash, is_hash_callee,
    not_for_security, password_hashed,
};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for MD5, MD4 and SHA-1 hashes: `hashlib.md5`, `hashlib.sha1`,
    /// `hashlib.new("md5")` (with the algorithm name constant-propagated), PyCryptodome's
    /// `MD5.new` / `SHA1.new` and `cryptography`'s `hashes.MD5()` / `hashes.SHA1()` —
    /// unless declared `usedforsecurity=False`.
    ///
    /// ## Why is this bad?
    /// MD5 and SHA-1 collisions are cheap to produce: an attacker can craft two inputs
    /// with the same digest. Wherever a digest vouches for content — integrity checks,
    /// signatures, de-duplication, cache or ETag keys an attacker can influence, tokens —
    /// a collision substitutes one content for another.
    ///
    /// ## Example
    /// ```python
    /// digest = hashlib.md5(data).hexdigest()
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// digest = hashlib.sha256(data).hexdigest()
    /// ```
    ///
    /// Or, for a non-security use such as a cache key, say so:
    /// ```python
    /// key = hashlib.md5(data, usedforsecurity=False).hexdigest()
    /// ```
    ///
    /// ## Known problems
    /// Passwords hashed with these algorithms are reported as FG146 instead.
    ///
    /// ## References
    /// - [Python: hashlib — usedforsecurity](https://docs.python.org/3/library/hashlib.html#hashlib.new)
    /// - [OWASP: Cryptographic Storage Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cryptographic_Storage_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG153",
        name: "weak-hash-algorithm",
        summary: "MD5 or SHA-1 hash used",
        severity: Medium,
        confidence: High,
        cwe: [328],
        owasp: "A02",
        remediation: "Use SHA-256 or better; pass usedforsecurity=False where the hash is not a security control.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for c in ctx.index.calls_where(is_hash_callee) {
        let Some(alg) = hash_algorithm(ctx, c) else {
            continue;
        };
        if !is_broken_hash(&alg) {
            continue;
        }
        if not_for_security(ctx.index, c) || password_hashed(ctx.index, c, hashed_data(c)).is_some()
        {
            continue;
        }
        let qual = c.callee.as_ref().map_or("", |r| r.qual.as_str());
        let shown = if qual == "hashlib.new" {
            format!("`hashlib.new(\"{alg}\")`")
        } else {
            format!("`{qual}`")
        };
        out.at(
            c.module,
            c.call.func.span,
            format!(
                "{shown} uses {}, which is broken (collisions are cheap); pass `usedforsecurity=False` if this is not a security use",
                algorithm_display(&alg)
            ),
        );
    }
}
