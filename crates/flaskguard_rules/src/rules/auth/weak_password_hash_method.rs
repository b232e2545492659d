use flaskguard_index::Value;

use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks `werkzeug.security.generate_password_hash` for a weak `method`: `"plain"`,
    /// a bare digest (`"md5"`, `"sha1"`, `"sha256"`), PBKDF2 over MD5 or SHA-1, PBKDF2 with
    /// fewer than 100,000 iterations (`"pbkdf2:sha256:1000"`), or scrypt with a work
    /// factor `n` below 16,384.
    ///
    /// ## Why is this bad?
    /// A stolen password table is attacked offline, at billions of guesses per second
    /// against a fast hash. Werkzeug's defaults (scrypt, or PBKDF2-SHA256 with 1,000,000
    /// iterations) make each guess expensive; a plain or single-round method, or a handful
    /// of iterations, gives that protection up. `"plain"` stores the password itself.
    ///
    /// ## Example
    /// ```python
    /// user.password_hash = generate_password_hash(password, method="pbkdf2:sha1:1")
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// user.password_hash = generate_password_hash(password)
    /// ```
    ///
    /// ## Known problems
    /// Werkzeug 3 refuses `"plain"` and bare digests with an error; older versions use them.
    ///
    /// ## References
    /// - [Werkzeug: generate_password_hash](https://werkzeug.palletsprojects.com/en/stable/utils/#werkzeug.security.generate_password_hash)
    /// - [OWASP: Password Storage Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG249",
        name: "weak-password-hash-method",
        summary: "generate_password_hash with a weak method or too few iterations",
        severity: High,
        confidence: High,
        cwe: [916],
        owasp: "A02",
        remediation: "Call generate_password_hash without method= (scrypt), or use PBKDF2-SHA256 with at least 600,000 iterations.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

/// PBKDF2 iterations below this are reported.
const MIN_PBKDF2_ITERATIONS: i64 = 100_000;
/// scrypt work factors below this are reported.
const MIN_SCRYPT_N: i64 = 16_384;

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for c in ctx.index.calls_to_any(&[
        "werkzeug.security.generate_password_hash",
        "werkzeug.generate_password_hash",
    ]) {
        let Some(method) = c.call.argument(1, "method") else {
            continue;
        };
        let Value::Str(value) = ctx.index.eval(c.module, c.scope, method) else {
            continue;
        };
        let Some(reason) = weakness(&value) else {
            continue;
        };
        out.at(
            c.module,
            method.span,
            format!("`generate_password_hash` uses method \"{value}\": {reason}"),
        );
    }
}

/// Why a Werkzeug hash method is weak, if it is.
fn weakness(method: &str) -> Option<String> {
    let mut parts = method.split(':');
    let name = parts.next().unwrap_or("").to_ascii_lowercase();
    let args: Vec<&str> = parts.collect();
    match name.as_str() {
        "plain" => Some("the password is stored in plaintext".to_string()),
        "pbkdf2" => {
            let digest = args
                .first()
                .map_or("sha256".to_string(), |d| d.to_ascii_lowercase());
            if matches!(digest.as_str(), "md5" | "sha1" | "md4") {
                return Some(format!("PBKDF2 over {digest}, a broken digest"));
            }
            let iterations: i64 = args.get(1)?.trim().parse().ok()?;
            (iterations < MIN_PBKDF2_ITERATIONS).then(|| {
                format!("only {iterations} PBKDF2 iterations (use at least 600,000, or scrypt)")
            })
        }
        "scrypt" => {
            let n: i64 = args.first()?.trim().parse().ok()?;
            (n < MIN_SCRYPT_N).then(|| format!("scrypt work factor n={n} is too low"))
        }
        "md5" | "sha1" | "sha224" | "sha256" | "sha384" | "sha512" => Some(format!(
            "a single salted {name} round, which a GPU computes billions of times per second"
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::weakness;

    #[test]
    fn grades_methods() {
        assert!(weakness("plain").is_some());
        assert!(weakness("sha1").is_some());
        assert!(weakness("pbkdf2:sha1").is_some());
        assert!(weakness("pbkdf2:sha1:1").is_some());
        assert!(weakness("pbkdf2:sha256:1000").is_some());
        assert!(weakness("pbkdf2:sha256:99999").is_some());
        assert!(weakness("scrypt:1024:8:1").is_some());
        assert!(weakness("scrypt").is_none());
        assert!(weakness("scrypt:32768:8:1").is_none());
        assert!(weakness("pbkdf2").is_none());
        assert!(weakness("pbkdf2:sha256").is_none());
        assert!(weakness("pbkdf2:sha256:600000").is_none());
        assert!(weakness("pbkdf2:sha512:100000").is_none());
    }
}
