use flaskguard_report::Severity;

use super::{
    algorithm_display, assigned_name, enclosing_function, hash_algorithm, hashed_data,
    is_broken_hash, is_hash_callee, mentioned_names, not_for_security, password_hashed,
};
use crate::helpers::words;
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for MD5, MD4 and SHA-1 hashes: `hashlib.md5`, `hashlib.sha1`,
    /// `hashlib.new("md5")` (with the algorithm name constant-propagated), PyCryptodome's
    /// `MD5.new` / `SHA1.new` and `cryptography`'s `hashes.MD5()` / `hashes.SHA1()` —
    /// unless declared `usedforsecurity=False`.
    ///
    /// Medium where the code says the digest protects something: the hashed data, the name
    /// the digest is stored under or the function computing it names a secret, token,
    /// signature, nonce or CSRF value. Low elsewhere (checksums, ETags, cache keys, change
    /// detection), and for digests of fresh random bytes, which only encode them.
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
        // A digest that protects something (a token, a signature, a secret) is a weakness;
        // one that names or checks content (cache keys, ETags, change detection, file
        // checksums), the usual use in real code, is not, and is only worth a low note.
        match security_use(ctx, c) {
            Some(what) => {
                out.at(
                    c.module,
                    c.call.func.span,
                    format!(
                        "{shown} uses {} for {what}: it is broken (collisions are cheap); use SHA-256, or HMAC-SHA256 for a signature",
                        algorithm_display(&alg)
                    ),
                );
            }
            None => {
                out.at(
                    c.module,
                    c.call.func.span,
                    format!(
                        "{shown} uses {}, which is broken (collisions are cheap): fine for a checksum or cache key, not for anything an attacker may forge; pass `usedforsecurity=False` to say so",
                        algorithm_display(&alg)
                    ),
                )
                .severity(Severity::Low);
            }
        }
    }
}

/// What a digest protects, when the code says so: the hashed data, the name the digest is
/// stored under or the function that computes it names a secret, a token or a signature
/// (`hashlib.md5(secret + ts)`, `signature = sha1(...)`, `def make_reset_token`).
fn security_use(
    ctx: &Context<'_, '_>,
    c: &flaskguard_index::semantic::CallSite<'_>,
) -> Option<String> {
    let data = hashed_data(c);
    // A digest of fresh random bytes only encodes them: it is as unguessable as they are.
    let mut random = false;
    if let Some(d) = data {
        d.walk(&mut |x| {
            if let flaskguard_index::ir::ExprKind::Call(call) = &x.kind
                && let Some(r) = ctx.index.resolve(c.module, c.scope, &call.func)
            {
                random |= matches!(
                    r.qual.as_str(),
                    "os.urandom" | "uuid.uuid4" | "random.getrandbits" | "random.SystemRandom"
                ) || r.qual.starts_with("secrets.");
            }
        });
    }
    if random {
        return None;
    }
    if let Some(name) = data
        .into_iter()
        .flat_map(mentioned_names)
        .find(|n| is_security_name(n))
    {
        return Some(format!("`{name}`"));
    }
    if let Some(name) =
        assigned_name(ctx.index, c.module, c.expr.span).filter(|n| is_security_name(n))
    {
        return Some(format!("`{name}`"));
    }
    enclosing_function(ctx.index, c.module, c.scope)
        .filter(|f| is_security_name(&f.name))
        .map(|f| format!("`{}()`", f.name))
}

/// A name for something an attacker must not forge or guess. `key` alone is not one
/// (`cache_key`), but `secret_key`, `api_key` and `signing_key` are.
fn is_security_name(name: &str) -> bool {
    let ws = words(name);
    let lower: Vec<String> = ws.iter().map(|w| w.to_ascii_lowercase()).collect();
    lower.iter().enumerate().any(|(i, w)| {
        matches!(
            w.as_str(),
            "secret"
                | "secrets"
                | "token"
                | "tokens"
                | "signature"
                | "signatures"
                | "sign"
                | "signed"
                | "signing"
                | "nonce"
                | "otp"
                | "csrf"
                | "xsrf"
                | "hmac"
                | "mac"
                | "apikey"
                | "credential"
                | "credentials"
        ) || (w == "key"
            && i > 0
            && matches!(
                lower[i - 1].as_str(),
                "api" | "secret" | "private" | "signing" | "encryption" | "auth" | "access"
            ))
    })
}
