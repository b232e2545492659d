use flaskguard_index::ir::{Expr, ExprKind, ScopeRef};
use flaskguard_index::semantic::CallSite;
use flaskguard_index::{ModuleId, Value};

use super::callee;
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for obsolete TLS and weak cryptography:
    /// - SSL 2/3 and TLS 1.0/1.1 protocol constants (`ssl.PROTOCOL_TLSv1`, pyOpenSSL's
    ///   `SSL.TLSv1_METHOD`, …) and `minimum_version` set to `TLSv1`/`TLSv1_1`;
    /// - `ssl.wrap_socket` (deprecated, removed in Python 3.12; it checks no certificate
    ///   or host name);
    /// - the DES, RC2, RC4 (ARC4), Blowfish, IDEA and XOR ciphers of PyCryptodome and
    ///   `cryptography`, and ECB mode;
    /// - RSA and DSA keys shorter than 2048 bits.
    ///
    /// ## Why is this bad?
    /// TLS 1.0/1.1 and SSL are broken (POODLE, BEAST) and disabled by browsers and PCI DSS;
    /// these ciphers fall to known attacks or to brute force; ECB encrypts equal blocks to
    /// equal ciphertext, leaking the plaintext's structure; a 1024-bit RSA key is within
    /// reach of a well-funded attacker.
    ///
    /// ## Example
    /// ```python
    /// conn = ssl.wrap_socket(raw, ssl_version=ssl.PROTOCOL_TLSv1)
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// context = ssl.create_default_context()
    /// context.minimum_version = ssl.TLSVersion.TLSv1_2
    /// conn = context.wrap_socket(raw, server_hostname=host)
    /// ```
    ///
    /// ## References
    /// - [Python: ssl — Security considerations](https://docs.python.org/3/library/ssl.html#ssl-security)
    /// - [OWASP: Transport Layer Security Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html)
    /// - [OWASP: Cryptographic Storage Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cryptographic_Storage_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG903",
        name: "weak-tls-or-cipher",
        summary: "Obsolete TLS version, weak cipher, ECB mode or short key",
        severity: High,
        confidence: High,
        cwe: [327, 326],
        owasp: "A02",
        remediation: "Use ssl.create_default_context() with TLS 1.2+, AES-GCM or ChaCha20-Poly1305, and keys of at least 2048 bits.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

/// Obsolete protocol constants and what they are.
const WEAK_PROTOCOLS: &[(&str, &str)] = &[
    ("ssl.PROTOCOL_SSLv2", "SSL 2"),
    ("ssl.PROTOCOL_SSLv3", "SSL 3"),
    ("ssl.PROTOCOL_TLSv1", "TLS 1.0"),
    ("ssl.PROTOCOL_TLSv1_1", "TLS 1.1"),
    ("OpenSSL.SSL.SSLv2_METHOD", "SSL 2"),
    ("OpenSSL.SSL.SSLv3_METHOD", "SSL 3"),
    ("OpenSSL.SSL.TLSv1_METHOD", "TLS 1.0"),
    ("OpenSSL.SSL.TLSv1_1_METHOD", "TLS 1.1"),
];

const WEAK_MINIMUM_VERSIONS: &[(&str, &str)] = &[
    ("ssl.TLSVersion.SSLv3", "SSL 3"),
    ("ssl.TLSVersion.TLSv1", "TLS 1.0"),
    ("ssl.TLSVersion.TLSv1_1", "TLS 1.1"),
    (
        "ssl.TLSVersion.MINIMUM_SUPPORTED",
        "the oldest version OpenSSL supports",
    ),
];

/// Weak ciphers: PyCryptodome modules (`Crypto.Cipher.DES.new`) and `cryptography`
/// algorithm classes.
const WEAK_CIPHERS: &[(&str, &str)] = &[
    ("DES", "DES"),
    ("ARC2", "RC2"),
    ("ARC4", "RC4"),
    ("Blowfish", "Blowfish"),
    ("XOR", "XOR"),
    ("IDEA", "IDEA"),
    ("CAST", "CAST"),
];

const MIN_KEY_BITS: i64 = 2048;

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    out.each_module(ctx.index, |m, out| check_module(ctx, m, out));
}

/// Every call and attribute assignment of one module (constants may be passed to any call).
fn check_module(ctx: &Context<'_, '_>, module: flaskguard_index::ModuleId, out: &mut Reporter) {
    let index = ctx.index;
    for c in index.calls_in(module) {
        let Some(q) = callee(c) else { continue };
        if q == "ssl.wrap_socket" {
            let version = c
                .call
                .keyword("ssl_version")
                .and_then(|e| weak_constant(ctx, c.module, c.scope, e, WEAK_PROTOCOLS));
            let message = match version {
                Some(v) => format!(
                    "`ssl.wrap_socket` negotiates {v}, an obsolete protocol, and checks no certificate or host name"
                ),
                None => "`ssl.wrap_socket` is deprecated (removed in Python 3.12) and checks no certificate or host name".to_string(),
            };
            out.at(c.module, c.call.func.span, message);
            continue;
        }
        if let Some(cipher) = weak_cipher(q) {
            out.at(
                c.module,
                c.call.func.span,
                format!("`{q}` uses {cipher}, a broken cipher"),
            );
            continue;
        }
        if is_ecb(q) {
            out.at(
                c.module,
                c.call.func.span,
                "ECB mode encrypts equal blocks to equal ciphertext: use GCM",
            );
            continue;
        }
        if let Some(bits) = short_key(ctx, c, q) {
            out.at(
                c.module,
                c.call.func.span,
                format!("`{q}` generates a {bits}-bit key: use at least {MIN_KEY_BITS} bits"),
            );
            continue;
        }
        // Weak protocol constants and `MODE_ECB` passed to any call.
        for arg in c
            .call
            .args
            .iter()
            .chain(c.call.keywords.iter().map(|k| &k.value))
        {
            if let Some(v) = weak_constant(ctx, c.module, c.scope, arg, WEAK_PROTOCOLS) {
                out.at(
                    c.module,
                    arg.span,
                    format!("`{q}` is given the {v} protocol, which is obsolete and broken"),
                );
            } else if last_name(arg) == Some("MODE_ECB")
                && index.resolve(c.module, c.scope, arg).is_some_and(|r| {
                    r.qual.ends_with(".MODE_ECB")
                        && (r.qual.starts_with("Crypto.") || r.qual.starts_with("Cryptodome."))
                })
            {
                out.at(
                    c.module,
                    arg.span,
                    "ECB mode encrypts equal blocks to equal ciphertext: use GCM",
                );
            }
        }
    }
    for a in index.assigns_in(module) {
        let ExprKind::Attribute { value, attr } = &a.target.kind else {
            continue;
        };
        if attr != "minimum_version" {
            continue;
        }
        let is_context = index
            .resolve(a.module, a.scope, value)
            .is_some_and(|r| r.qual.starts_with("ssl.") && r.qual.ends_with("()"));
        if !is_context {
            continue;
        }
        if let Some(v) = weak_constant(ctx, a.module, a.scope, a.value, WEAK_MINIMUM_VERSIONS) {
            out.at(
                a.module,
                a.span,
                format!("The SSL context accepts {v} as its minimum version"),
            );
        }
    }
}

fn weak_constant(
    ctx: &Context<'_, '_>,
    module: ModuleId,
    scope: ScopeRef,
    e: &Expr,
    table: &[(&str, &'static str)],
) -> Option<&'static str> {
    let last = last_name(e)?;
    // Runs on every argument of every call: a suffix test before any resolution.
    if !table
        .iter()
        .any(|(q, _)| flaskguard_index::names::ends_with_member(q, last))
    {
        return None;
    }
    let r = ctx.index.resolve(module, scope, e)?;
    table.iter().find(|(q, _)| *q == r.qual).map(|(_, v)| *v)
}

/// The last name of a name or attribute expression: only those can resolve to a constant
/// of a module, so nothing else is worth resolving (this runs on every argument of every
/// call).
fn last_name(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Name(n) => Some(n.as_str()),
        ExprKind::Attribute { attr, .. } => Some(attr.as_str()),
        _ => None,
    }
}

fn weak_cipher(q: &str) -> Option<&'static str> {
    let name = q
        .strip_prefix("Crypto.Cipher.")
        .or_else(|| q.strip_prefix("Cryptodome.Cipher."))
        .and_then(|r| r.strip_suffix(".new"))
        .or_else(|| q.strip_prefix("cryptography.hazmat.primitives.ciphers.algorithms."))
        .or_else(|| q.strip_prefix("cryptography.hazmat.decrepit.ciphers.algorithms."))?;
    let name = match name {
        "ARC4" | "RC4" => "ARC4",
        "TripleDES" => return None,
        n => n,
    };
    WEAK_CIPHERS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| *v)
}

fn is_ecb(q: &str) -> bool {
    q == "cryptography.hazmat.primitives.ciphers.modes.ECB"
}

/// The size of an RSA/DSA key being generated, if it is too short.
fn short_key(ctx: &Context<'_, '_>, c: &CallSite<'_>, q: &str) -> Option<i64> {
    let size = match q {
        "Crypto.PublicKey.RSA.generate"
        | "Cryptodome.PublicKey.RSA.generate"
        | "Crypto.PublicKey.DSA.generate"
        | "Cryptodome.PublicKey.DSA.generate" => c.call.argument(0, "bits"),
        "cryptography.hazmat.primitives.asymmetric.rsa.generate_private_key" => {
            c.call.argument(1, "key_size")
        }
        "cryptography.hazmat.primitives.asymmetric.dsa.generate_private_key" => {
            c.call.argument(0, "key_size")
        }
        "rsa.newkeys" => c.call.argument(0, "nbits"),
        _ => None,
    }?;
    match ctx.index.eval(c.module, c.scope, size) {
        Value::Int(bits) if bits < MIN_KEY_BITS => Some(bits),
        _ => None,
    }
}
