use flaskguard_flask::ExtKind;
use flaskguard_index::Value;
use flaskguard_report::Severity;

use super::{JWT_DECODERS, deployed_settings, known_value};
use crate::helpers::setting_target;
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks the algorithms JWTs are accepted with: PyJWT / python-jose
    /// `jwt.decode(..., algorithms=[...])` and Flask-JWT-Extended's `JWT_DECODE_ALGORITHMS`
    /// that include `"none"` or mix HMAC (`HS*`) with public-key algorithms (`RS*`, `PS*`,
    /// `ES*`, `EdDSA`); and tokens signed with `"none"` (`JWT_ALGORITHM = "none"`,
    /// `jwt.encode(..., algorithm="none")`).
    ///
    /// ## Why is this bad?
    /// The algorithm is named by the token itself. Accepting `none` accepts unsigned
    /// tokens: anyone can write their own claims. Accepting both HMAC and public-key
    /// algorithms with the same key lets an attacker sign a token with HS256 using the
    /// *public* key as the HMAC secret ("algorithm confusion").
    ///
    /// ## Example
    /// ```python
    /// claims = jwt.decode(token, key, algorithms=["HS256", "none"])
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// claims = jwt.decode(token, key, algorithms=["HS256"])
    /// ```
    ///
    /// ## Known problems
    /// Flask-JWT-Extended always adds `JWT_ALGORITHM` (default `HS256`) to
    /// `JWT_DECODE_ALGORITHMS`; the rule accounts for it. Development and test
    /// configurations are not reported.
    ///
    /// ## References
    /// - [PyJWT: Usage — specifying algorithms](https://pyjwt.readthedocs.io/en/stable/usage.html#encoding-decoding-tokens-with-hs256)
    /// - [Flask-JWT-Extended: JWT_DECODE_ALGORITHMS](https://flask-jwt-extended.readthedocs.io/en/stable/options.html#JWT_DECODE_ALGORITHMS)
    /// - [OWASP: JSON Web Token Cheat Sheet — None hashing algorithm](https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html#none-hashing-algorithm)
    pub(crate) static RULE = {
        code: "FG260",
        name: "jwt-algorithms-unsafe",
        summary: "JWTs accepted with the none algorithm or with mixed HMAC and public-key algorithms",
        severity: High,
        confidence: High,
        cwe: [327, 347],
        owasp: "A02",
        remediation: "Accept exactly the one algorithm family the tokens are signed with, e.g. algorithms=[\"HS256\"] or [\"RS256\"]; never \"none\".",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

/// Encoders whose `algorithm=` names the signing algorithm.
const ENCODERS: &[&str] = &[
    "jwt.encode",
    "jwt.PyJWT().encode",
    "jwt.PyJWS().encode",
    "jose.jwt.encode",
];

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for c in ctx
        .index
        .calls_where(|q| JWT_DECODERS.contains(&q) || ENCODERS.contains(&q))
    {
        let Some(callee) = &c.callee else { continue };
        let qual = callee.qual.as_str();
        if JWT_DECODERS.contains(&qual) {
            let Some(arg) = c.call.argument(2, "algorithms") else {
                continue;
            };
            let value = ctx.index.eval(c.module, c.scope, arg);
            if let Some((problem, severity)) = problem(&value.strings()) {
                out.at(c.module, arg.span, format!("`{qual}` {problem}"))
                    .severity(severity);
            }
        } else if ENCODERS.contains(&qual) {
            let Some(arg) = c.call.argument(2, "algorithm") else {
                continue;
            };
            let value = ctx.index.eval(c.module, c.scope, arg);
            // PyJWT signs with "none" when `algorithm=None` is passed explicitly.
            if is_none(&value) || (value == Value::None && qual.starts_with("jwt.")) {
                out.at(
                    c.module,
                    arg.span,
                    format!("`{qual}` signs with the \"none\" algorithm: the token is unsigned and anyone can forge one"),
                )
                .severity(Severity::Critical);
            }
        }
    }

    if !ctx.model.has_extension(ExtKind::JwtManager) {
        return;
    }
    let algorithm_settings = deployed_settings(ctx.model, "JWT_ALGORITHM");
    for s in &algorithm_settings {
        if known_value(s).is_some_and(is_none) {
            out.report(
                setting_target(s),
                "`JWT_ALGORITHM` is \"none\": Flask-JWT-Extended issues and accepts unsigned tokens",
            )
            .severity(Severity::Critical);
        }
    }
    // Flask-JWT-Extended appends `JWT_ALGORITHM` to the decode list when it is missing.
    let signing: Vec<String> = algorithm_settings
        .iter()
        .filter_map(|s| known_value(s).and_then(Value::as_str).map(str::to_string))
        .collect();
    let signing = if signing.is_empty() {
        vec!["HS256".to_string()]
    } else {
        signing
    };
    for s in deployed_settings(ctx.model, "JWT_DECODE_ALGORITHMS") {
        let Some(value) = known_value(s) else {
            continue;
        };
        let listed = value.strings();
        if listed.is_empty() {
            continue;
        }
        let mut effective: Vec<&str> = listed.clone();
        for alg in &signing {
            if !effective.contains(&alg.as_str()) {
                effective.push(alg);
            }
        }
        if let Some((problem, severity)) = problem(&effective) {
            let note = if effective.len() > listed.len() {
                " (Flask-JWT-Extended adds `JWT_ALGORITHM` to the list)"
            } else {
                ""
            };
            out.report(
                setting_target(s),
                format!("`JWT_DECODE_ALGORITHMS` {problem}{note}"),
            )
            .severity(severity);
        }
    }
}

fn is_none(v: &Value) -> bool {
    v.as_str().is_some_and(|a| a.eq_ignore_ascii_case("none"))
}

/// What is wrong with a list of accepted algorithms, if anything.
fn problem(algorithms: &[&str]) -> Option<(String, Severity)> {
    if algorithms.iter().any(|a| a.eq_ignore_ascii_case("none")) {
        return Some((
            "accepts the \"none\" algorithm: unsigned tokens pass verification".to_string(),
            Severity::Critical,
        ));
    }
    let hmac: Vec<&str> = algorithms
        .iter()
        .copied()
        .filter(|a| a.to_ascii_uppercase().starts_with("HS"))
        .collect();
    let public: Vec<&str> = algorithms
        .iter()
        .copied()
        .filter(|a| {
            let u = a.to_ascii_uppercase();
            ["RS", "PS", "ES"].iter().any(|p| u.starts_with(p)) || u == "EDDSA"
        })
        .collect();
    if hmac.is_empty() || public.is_empty() {
        return None;
    }
    Some((
        format!(
            "accepts both HMAC ({}) and public-key ({}) algorithms: a token signed with HMAC using the public key verifies (algorithm confusion)",
            hmac.join(", "),
            public.join(", ")
        ),
        Severity::High,
    ))
}

#[cfg(test)]
mod tests {
    use super::problem;

    #[test]
    fn grades_algorithm_lists() {
        assert!(problem(&["HS256", "none"]).is_some());
        assert!(problem(&["NONE"]).is_some());
        assert!(problem(&["HS256", "RS256"]).is_some());
        assert!(problem(&["ES256", "HS512"]).is_some());
        assert!(problem(&["HS256", "HS512"]).is_none());
        assert!(problem(&["RS256", "ES256", "EdDSA"]).is_none());
        assert!(problem(&["HS256"]).is_none());
    }
}
