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
        // checksums), the usual use in real code, is not, and is only worth a low note;
        // one the code shows to be a file's checksum or a protocol's identifier, none.
        let protects = security_use(ctx, c);
        if protects.is_none() && content_digest(ctx, c) {
            continue;
        }
        match protects {
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

/// Services whose URLs name an account by the MD5 of its e-mail address: the protocol
/// fixes the algorithm.
const MD5_PROTOCOL_HOSTS: &[&str] = &["gravatar.com", "libravatar.org"];

/// Whether the digest is shown to name or check content, not to protect anything: it is
/// fed what a file holds (`digest.update(chunk)` with chunks of `fh.read(n)`,
/// `md5(f.read())`), or the function builds a URL of a service whose protocol fixes the
/// algorithm (`https://www.gravatar.com/avatar/{digest}`).
fn content_digest(ctx: &Context<'_, '_>, c: &flaskguard_index::semantic::CallSite<'_>) -> bool {
    use flaskguard_index::ir::ExprKind;
    let Some(f) = enclosing_function(ctx.index, c.module, c.scope) else {
        return false;
    };
    let names_host = |text: &str| MD5_PROTOCOL_HOSTS.iter().any(|h| text.contains(h));
    let mut protocol = false;
    flaskguard_index::ir::walk_body_exprs(&f.body, &mut |e| match &e.kind {
        ExprKind::Str(text) => protocol |= names_host(text),
        ExprKind::FString(parts) => {
            protocol |= parts.iter().any(
                |p| matches!(p, flaskguard_index::ir::FPart::Literal(text) if names_host(text)),
            );
        }
        _ => {}
    });
    if protocol {
        return true;
    }
    // What is hashed: the call's data, and what `update` feeds the hash object.
    let mut fed: Vec<&flaskguard_index::ir::Expr> = hashed_data(c).into_iter().collect();
    if let Some(object) = assigned_name(ctx.index, c.module, c.expr.span) {
        flaskguard_index::ir::walk_body_exprs(&f.body, &mut |e| {
            if let ExprKind::Call(call) = &e.kind
                && let ExprKind::Attribute { value, attr } = &call.func.kind
                && attr.as_str() == "update"
                && value.as_name() == Some(object.as_str())
                && let Some(arg) = call.args.first()
            {
                fed.push(arg);
            }
        });
    }
    // Content read from a file in this function: `fh.read(n)` itself, or a chunk of it.
    !fed.is_empty()
        && fed
            .iter()
            .all(|d| reads_file(d) || d.as_name().is_some_and(|n| chunk_of_read(&f.body, n)))
}

/// Whether an expression reads a file (`fh.read(n)` somewhere in it).
fn reads_file(e: &flaskguard_index::ir::Expr) -> bool {
    use flaskguard_index::ir::ExprKind;
    let mut reads = false;
    e.walk(&mut |x| {
        if let ExprKind::Call(call) = &x.kind
            && let ExprKind::Attribute { attr, .. } = &call.func.kind
            && attr.as_str() == "read"
        {
            reads = true;
        }
    });
    reads
}

/// Whether `name` is the loop variable of a loop over what a file read returns
/// (`for chunk in iter(lambda: fh.read(65536), b"")`).
fn chunk_of_read(body: &[flaskguard_index::ir::Stmt], name: &str) -> bool {
    use flaskguard_index::ir::StmtKind;
    let mut found = false;
    flaskguard_index::ir::walk_stmts(body, &mut |st| {
        if let StmtKind::For { target, iter, .. } = &st.kind
            && target.as_name() == Some(name)
        {
            found |= reads_file(iter);
        }
    });
    found
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
