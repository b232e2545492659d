use flaskguard_index::Value;

use super::talisman_options;
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks Flask-Talisman's Content-Security-Policy: `content_security_policy=None`
    /// (or another false value), a policy whose script sources (`script-src`, or
    /// `default-src` when there is none) allow `'unsafe-inline'` (without a Talisman nonce
    /// for that directive), `'unsafe-eval'`, `*`, `data:`, `http:` or `https:`, a policy
    /// with neither `script-src` nor `default-src`, and
    /// `content_security_policy_report_only=True`. Per-view `@talisman(...)` policies are
    /// checked too.
    ///
    /// ## Why is this bad?
    /// The CSP is what stops an injected `<script>` from running when an XSS slips
    /// through. Without one, or with script sources that allow inline code, `eval`, any
    /// host or `data:` URLs, an injected script runs as if the policy were not there. In
    /// report-only mode the browser reports violations but blocks nothing.
    ///
    /// ## Example
    /// ```python
    /// Talisman(app, content_security_policy=None)
    /// Talisman(app, content_security_policy={"script-src": "'self' 'unsafe-inline'"})
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// Talisman(
    ///     app,
    ///     content_security_policy={"default-src": "'self'", "script-src": "'self'"},
    ///     content_security_policy_nonce_in=["script-src"],
    /// )
    /// ```
    ///
    /// ## Known problems
    /// Policies built at run time (read from the environment, assembled by a function)
    /// are not checked. Report-only mode used for a short trial before enforcing is
    /// reported too.
    ///
    /// ## References
    /// - [Flask-Talisman: Content Security Policy](https://github.com/wntrblm/flask-talisman#content-security-policy)
    /// - [OWASP: Content Security Policy Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Content_Security_Policy_Cheat_Sheet.html)
    /// - [MDN: CSP script-src](https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Security-Policy/script-src)
    pub(crate) static RULE = {
        code: "FG243",
        name: "talisman-csp-weak",
        summary: "Flask-Talisman Content-Security-Policy disabled, report-only or allowing unsafe script sources",
        severity: Medium,
        confidence: High,
        cwe: [693],
        owasp: "A05",
        remediation: "Use a strict CSP (script-src 'self' with nonces), enforced, not report-only.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

/// Script sources that let injected script run.
const UNSAFE_SOURCES: &[(&str, &str)] = &[
    ("'unsafe-inline'", "inline scripts and event handlers"),
    ("'unsafe-eval'", "`eval` of strings"),
    ("*", "scripts from any host"),
    ("data:", "scripts from `data:` URLs"),
    ("http:", "scripts from any HTTP host"),
    ("https:", "scripts from any HTTPS host"),
];

/// A policy as directives and their sources; `None` when not known statically.
fn directives(policy: &Value) -> Option<Vec<(String, Vec<String>)>> {
    match policy {
        Value::Str(s) => Some(
            s.split(';')
                .filter_map(|part| {
                    let mut words = part.split_whitespace();
                    let name = words.next()?.to_ascii_lowercase();
                    Some((name, words.map(str::to_string).collect()))
                })
                .collect(),
        ),
        Value::Dict(items) => items
            .iter()
            .map(|(k, v)| {
                let name = k.as_str()?.to_ascii_lowercase();
                let sources = match v {
                    Value::Str(s) => s.split_whitespace().map(str::to_string).collect(),
                    Value::List(l) => l
                        .iter()
                        .map(|i| i.as_str().map(str::to_string))
                        .collect::<Option<Vec<_>>>()?,
                    _ => return None,
                };
                Some((name, sources))
            })
            .collect(),
        _ => None,
    }
}

/// What is wrong with a CSP value, if anything.
fn weakness(policy: &Value, nonce_in: &[&str]) -> Option<String> {
    if policy.is_constant() && policy.truthy() == Some(false) {
        return Some("no Content-Security-Policy header is sent".to_string());
    }
    let dirs = directives(policy)?;
    let find = |name: &str| dirs.iter().find(|(n, _)| n == name);
    let Some((directive, sources)) = find("script-src").or_else(|| find("default-src")) else {
        return Some(
            "the policy has neither `script-src` nor `default-src`, so scripts from anywhere are allowed"
                .to_string(),
        );
    };
    let has_nonce_or_hash = nonce_in.contains(&directive.as_str())
        || sources.iter().any(|s| {
            let s = s.to_ascii_lowercase();
            s.starts_with("'nonce-") || s.starts_with("'sha")
        });
    for (source, what) in UNSAFE_SOURCES {
        // Browsers ignore 'unsafe-inline' when a nonce or hash is present (CSP level 2).
        if *source == "'unsafe-inline'" && has_nonce_or_hash {
            continue;
        }
        if sources.iter().any(|s| s.eq_ignore_ascii_case(source)) {
            return Some(format!("`{directive}` allows {source}: {what}"));
        }
    }
    None
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    let nonce_values: Vec<Value> = talisman_options(ctx, "content_security_policy_nonce_in")
        .into_iter()
        .map(|o| o.value)
        .collect();
    let nonce_in: Vec<&str> = nonce_values.iter().flat_map(Value::strings).collect();
    for opt in talisman_options(ctx, "content_security_policy") {
        let Some(why) = weakness(&opt.value, &nonce_in) else {
            continue;
        };
        let scope = if opt.per_view { " for this view" } else { "" };
        out.at(
            opt.module,
            opt.span,
            format!("`flask_talisman.Talisman` `content_security_policy`{scope}: {why}"),
        );
    }
    for opt in talisman_options(ctx, "content_security_policy_report_only") {
        if opt.value.is_constant() && opt.value.truthy() == Some(true) {
            out.at(
                opt.module,
                opt.span,
                "`flask_talisman.Talisman` `content_security_policy_report_only=True`: the browser reports CSP violations but blocks nothing",
            );
        }
    }
}
