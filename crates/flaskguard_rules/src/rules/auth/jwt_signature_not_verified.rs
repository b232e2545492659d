use flaskguard_index::Value;

use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for JWTs decoded without verifying their signature: PyJWT and python-jose
    /// `jwt.decode(..., options={"verify_signature": False})`, and PyJWT 1.x
    /// `jwt.decode(..., verify=False)`.
    ///
    /// ## Why is this bad?
    /// Without the signature check, the claims are whatever the sender wrote: a user id,
    /// an e-mail address, an issuer or a role taken from such a token can be forged by
    /// anyone. Even "peeking" at an unverified token to pick the verification key trusts
    /// attacker-chosen data (the issuer, the key id) before anything is verified.
    ///
    /// ## Example
    /// ```python
    /// claims = jwt.decode(token, options={"verify_signature": False})
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// claims = jwt.decode(token, key, algorithms=["HS256"])
    /// ```
    ///
    /// To choose a key per issuer, take the issuer from the URL or the request context
    /// (not from the token), or read the `kid` header with `jwt.get_unverified_header()`
    /// and look it up in a fixed key set.
    ///
    /// ## Known problems
    /// In PyJWT 2, `verify=False` is ignored (with a warning); it is still reported, since
    /// it states the intent and disables verification on PyJWT 1.
    ///
    /// ## References
    /// - [PyJWT: Reading the claimset without validation](https://pyjwt.readthedocs.io/en/stable/usage.html#reading-the-claimset-without-validation)
    /// - [OWASP: JSON Web Token Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG261",
        name: "jwt-signature-not-verified",
        summary: "JWT decoded without verifying its signature",
        severity: High,
        confidence: High,
        cwe: [347],
        owasp: "A02",
        remediation: "Always verify: pass the key and algorithms to jwt.decode and keep verify_signature enabled.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

const DECODERS: &[&str] = &[
    "jwt.decode",
    "jwt.decode_complete",
    "jwt.PyJWT().decode",
    "jwt.PyJWT().decode_complete",
    "jwt.PyJWS().decode",
    "jwt.PyJWS().decode_complete",
    "jose.jwt.decode",
];

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for c in ctx.index.calls() {
        let Some(callee) = &c.callee else { continue };
        let qual = callee.qual.as_str();
        if !DECODERS.contains(&qual) {
            continue;
        }
        for k in &c.call.keywords {
            let Some(name) = k.arg.as_deref() else {
                continue;
            };
            let value = ctx.index.eval(c.module, c.scope, &k.value);
            let disabled = match name {
                "options" => value
                    .dict_get("verify_signature")
                    .is_some_and(|v| v.truthy() == Some(false)),
                "verify" => value == Value::Bool(false),
                _ => false,
            };
            if disabled {
                out.at(
                    c.module,
                    k.span,
                    format!(
                        "`{qual}` is called with the signature check disabled: the claims are whatever the sender wrote"
                    ),
                );
            }
        }
    }
}
