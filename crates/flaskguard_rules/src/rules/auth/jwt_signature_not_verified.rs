use flaskguard_index::semantic::CallSite;
use flaskguard_index::{Span, Value};
use flaskguard_report::Severity;

use super::JWT_DECODERS;
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
    /// Reading a token unverified to choose the key, then verifying the same token in the
    /// same function, is reported at medium severity. In PyJWT 2, `verify=False` is ignored (with a warning); it is still reported, since
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

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    let decodes: Vec<&CallSite<'_>> = ctx
        .index
        .calls_where(|q| JWT_DECODERS.contains(&q))
        .collect();
    for c in &decodes {
        let Some(qual) = c.callee.as_ref().map(|r| r.qual.as_str()) else {
            continue;
        };
        let Some(span) = disabled_verification(ctx, c) else {
            continue;
        };
        // Peeking at a token to choose the key, then verifying the same token: the claims
        // only steer which key is used.
        let verified_later = decodes.iter().find(|v| {
            v.module == c.module
                && v.scope == c.scope
                && v.expr.span.start > c.expr.span.end
                && disabled_verification(ctx, v).is_none()
                && same_token(c, v)
        });
        match verified_later {
            Some(v) if !accepts_none(ctx, v) => {
                let line = ctx
                    .index
                    .module(v.module)
                    .source
                    .line_col(v.expr.span.start)
                    .line;
                out.at(
                    c.module,
                    span,
                    format!(
                        "`{qual}` reads the claims without checking the signature, and they choose how the token is verified on line {line}: the sender picks the key"
                    ),
                )
                .severity(Severity::Medium);
            }
            _ => {
                out.at(
                    c.module,
                    span,
                    format!(
                        "`{qual}` is called with the signature check disabled: the claims are whatever the sender wrote"
                    ),
                );
            }
        }
    }
}

/// The keyword that disables the signature check, if any.
fn disabled_verification(ctx: &Context<'_, '_>, c: &CallSite<'_>) -> Option<Span> {
    c.call.keywords.iter().find_map(|k| {
        let value = ctx.index.eval(c.module, c.scope, &k.value);
        let disabled = match k.arg.as_deref()? {
            "options" => value
                .dict_get("verify_signature")
                .is_some_and(|v| v.truthy() == Some(false)),
            "verify" => value == Value::Bool(false),
            _ => false,
        };
        disabled.then_some(k.span)
    })
}

/// The verifying call accepts unsigned tokens anyway (`algorithms=[..., "none"]`).
fn accepts_none(ctx: &Context<'_, '_>, c: &CallSite<'_>) -> bool {
    c.call.argument(2, "algorithms").is_some_and(|a| {
        ctx.index
            .eval(c.module, c.scope, a)
            .strings()
            .iter()
            .any(|s| s.eq_ignore_ascii_case("none"))
    })
}

/// Both calls decode the same variable.
fn same_token(a: &CallSite<'_>, b: &CallSite<'_>) -> bool {
    let name = |c: &CallSite<'_>| {
        c.call
            .argument(0, "jwt")
            .and_then(|e| e.as_name().map(str::to_string))
    };
    name(a).is_some() && name(a) == name(b)
}
