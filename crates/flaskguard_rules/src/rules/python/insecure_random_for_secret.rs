use super::{assigned_name, callee, enclosing_function, words};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for the `random` module (`random.choice`, `randint`, `choices`,
    /// `getrandbits`, `sample`, `randrange`, `uniform`, `random`, `randbytes`, or a
    /// `random.Random()` instance) producing a secret: a value assigned to a name like
    /// `token`, `password`, `secret`, `nonce`, `otp`, `salt`, `reset_code`,
    /// `verification_code` or `session_id`, or computed in a function so named
    /// (`make_reset_token`, `generate_otp`). `secrets` and `random.SystemRandom` are safe.
    ///
    /// ## Why is this bad?
    /// `random` is a Mersenne Twister: fast and statistically good, but predictable. From
    /// a few hundred observed outputs (other tokens, codes, shuffles the app hands out)
    /// an attacker reconstructs its state and computes the next password-reset token or
    /// one-time code, or, with a time-based seed, guesses it directly.
    ///
    /// ## Example
    /// ```python
    /// def make_reset_token():
    ///     return "".join(random.choice(ALPHABET) for _ in range(32))
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// def make_reset_token():
    ///     return secrets.token_urlsafe(32)
    /// ```
    ///
    /// ## Known problems
    /// Whether a value is a secret is judged from the names it is stored under or made
    /// in; `random` used for jitter, sampling or games is not reported.
    ///
    /// ## References
    /// - [Python: random — warning about security](https://docs.python.org/3/library/random.html)
    /// - [Python: secrets](https://docs.python.org/3/library/secrets.html)
    /// - [OWASP: Cryptographic Storage Cheat Sheet — Secure Random Number Generation](https://cheatsheetseries.owasp.org/cheatsheets/Cryptographic_Storage_Cheat_Sheet.html#secure-random-number-generation)
    pub(crate) static RULE = {
        code: "FG147",
        name: "insecure-random-for-secret",
        summary: "random module used to generate a token, password or code",
        severity: High,
        confidence: Medium,
        cwe: [330, 338],
        owasp: "A02",
        remediation: "Generate secrets with the secrets module (secrets.token_urlsafe, secrets.randbelow, secrets.choice).",
        since: "0.1.0",
        status: Stable,
        uses_taint: true,
        check: check,
    }
}

const RANDOM_FUNCTIONS: &[&str] = &[
    "random",
    "randint",
    "choice",
    "choices",
    "getrandbits",
    "sample",
    "randrange",
    "uniform",
    "randbytes",
    "shuffle",
];

/// A function of `random` (or of a `random.Random()`) that draws a random value.
fn is_random_call(q: &str) -> bool {
    q.strip_prefix("random.Random().")
        .or_else(|| q.strip_prefix("random."))
        .is_some_and(|function| RANDOM_FUNCTIONS.contains(&function))
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    // By flow: a random value stored in the session or set as a cookie.
    crate::taint::report_class(ctx, out, crate::taint::Class::Secret);
    let index = ctx.index;
    for c in index.calls_where(is_random_call) {
        let Some(q) = callee(c) else { continue };
        // `token = str(random.random())` overwritten by `token = secrets...` before use.
        if let Some(name) = assigned_name(index, c.module, c.expr.span)
            && let Some(f) = enclosing_function(index, c.module, c.scope)
            && super::straight::overwritten_unread(&f.body, &name, c.expr.span.start)
        {
            continue;
        }
        let context = if let Some(name) =
            assigned_name(index, c.module, c.expr.span).filter(|n| names_secret(n))
        {
            format!("the value of `{name}`")
        } else if let Some(f) =
            enclosing_function(index, c.module, c.scope).filter(|f| names_secret(&f.name))
        {
            format!("a value in `{}`", f.name)
        } else {
            continue;
        };
        out.at(
            c.module,
            c.call.func.span,
            format!(
                "`{q}` (predictable, not cryptographically secure) produces {context}: use the `secrets` module"
            ),
        );
    }
}

/// A name for a secret value: a token, password, nonce, one-time or reset code, session id.
fn names_secret(name: &str) -> bool {
    let ws: Vec<String> = words(name)
        .into_iter()
        .map(|w| match w.strip_suffix('s') {
            Some(stem) if stem.len() > 2 && !w.ends_with("ss") => stem.to_string(),
            _ => w,
        })
        .collect();
    let single = ws.iter().any(|w| {
        matches!(
            w.as_str(),
            "token"
                | "password"
                | "passwd"
                | "pwd"
                | "passphrase"
                | "secret"
                | "nonce"
                | "otp"
                | "totp"
                | "hotp"
                | "salt"
                | "pin"
                | "csrf"
                | "xsrf"
                | "apikey"
                | "sessionid"
                | "sid"
        )
    });
    let pair = ws.windows(2).any(|p| {
        let (a, b) = (p[0].as_str(), p[1].as_str());
        matches!(
            (a, b),
            (
                "api"
                    | "secret"
                    | "access"
                    | "private"
                    | "signing"
                    | "encryption"
                    | "session"
                    | "auth",
                "key"
            ) | ("session", "id")
                | (
                    "reset"
                        | "magic"
                        | "login"
                        | "invite"
                        | "invitation"
                        | "activation"
                        | "confirmation"
                        | "verification",
                    "link" | "url" | "id" | "hash"
                )
        )
    });
    // `verification_code`, `email_code`, `reset_code`: a code that proves something.
    let code = ws.iter().any(|w| w == "code")
        && ws.iter().any(|w| {
            matches!(
                w.as_str(),
                "verification"
                    | "verify"
                    | "confirm"
                    | "confirmation"
                    | "reset"
                    | "activation"
                    | "activate"
                    | "auth"
                    | "login"
                    | "mfa"
                    | "2fa"
                    | "sms"
                    | "email"
                    | "recovery"
                    | "invite"
                    | "invitation"
                    | "security"
                    | "access"
                    | "backup"
                    | "pairing"
                    | "otp"
                    | "one"
            )
        });
    single || pair || code
}

#[cfg(test)]
mod tests {
    use super::names_secret;

    #[test]
    fn recognises_secret_names() {
        for n in [
            "_make_reset_token",
            "_make_verification_code",
            "email_code",
            "otp",
            "new_password",
            "session_id",
            "api_key",
            "generate_tokens",
            "csrfToken",
        ] {
            assert!(names_secret(n), "{n}");
        }
        for n in [
            "poll_ms",
            "jitter",
            "status_code",
            "color",
            "delay",
            "choose_server",
            "keys",
            "pass_count_x",
        ] {
            assert!(!names_secret(n), "{n}");
        }
    }
}
