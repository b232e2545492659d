use super::is_plain_text_template;
use crate::{Context, Reporter, Target, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks templates for inline JavaScript: `<script>` elements with a body and no
    /// nonce, `on*=` event-handler attributes, and `javascript:` URLs.
    ///
    /// ## Why is this bad?
    /// Inline script is not a vulnerability by itself, but it stands in the way of the
    /// best defence against cross-site scripting: a Content-Security-Policy without
    /// `'unsafe-inline'`. A strict policy blocks every inline script, so an application
    /// full of them ends up allowing `'unsafe-inline'`, which also lets any injected
    /// script run.
    ///
    /// ## Example
    /// ```html
    /// <button onclick="deleteNote({{ note.id }})">Delete</button>
    /// <script>initEditor();</script>
    /// ```
    ///
    /// Use instead:
    /// ```html
    /// <button class="delete" data-note-id="{{ note.id }}">Delete</button>
    /// <script src="{{ url_for('static', filename='editor.js') }}"></script>
    /// <script nonce="{{ csp_nonce() }}">initEditor();</script>
    /// ```
    ///
    /// with Flask-Talisman's `content_security_policy_nonce_in=["script-src"]`.
    ///
    /// ## Known problems
    /// Script elements with a `nonce` attribute and data blocks (`type="application/json"`,
    /// `application/ld+json`, `text/template`, …) are not reported. Event handlers are
    /// recognised in the HTML of the template only, not in markup built by JavaScript.
    ///
    /// ## References
    /// - [Flask-Talisman: Content Security Policy](https://github.com/wntrblm/flask-talisman#content-security-policy)
    /// - [MDN: Content-Security-Policy script-src, unsafe inline script](https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Security-Policy/script-src#unsafe_inline_script)
    /// - [OWASP: Content Security Policy Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Content_Security_Policy_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG231",
        name: "inline-script-in-template",
        summary: "Inline script, event handler or javascript: URL in a template",
        severity: Low,
        confidence: High,
        cwe: [79],
        owasp: "A05",
        remediation: "Move JavaScript to static files and use nonces (Talisman content_security_policy_nonce_in) for what must stay inline.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

/// `type` values of `<script>` elements that browsers execute.
const SCRIPT_TYPES: &[&str] = &[
    "",
    "module",
    "text/javascript",
    "application/javascript",
    "text/ecmascript",
    "application/ecmascript",
    "application/x-javascript",
    "text/jscript",
];

/// The value of attribute `name` in a lower-cased start tag.
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let bytes = tag.as_bytes();
    let mut from = 0;
    while let Some(i) = tag[from..].find(name) {
        let at = from + i;
        from = at + name.len();
        let before_ok = at > 0 && bytes[at - 1].is_ascii_whitespace();
        let rest = tag[from..].trim_start();
        if !before_ok {
            continue;
        }
        let Some(value) = rest.strip_prefix('=') else {
            // A bare attribute (`<script nonce>`): present, empty.
            if rest.starts_with(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
                || rest.is_empty()
            {
                return Some("");
            }
            continue;
        };
        let value = value.trim_start();
        if let Some(q @ ('"' | '\'')) = value.chars().next() {
            let inner = &value[1..];
            return Some(&inner[..inner.find(q).unwrap_or(inner.len())]);
        }
        let end = value
            .find(|c: char| c.is_ascii_whitespace() || c == '>')
            .unwrap_or(value.len());
        return Some(&value[..end]);
    }
    None
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for t in &ctx.model.templates {
        if is_plain_text_template(&t.name) {
            continue;
        }
        let text = &ctx.project.texts[t.text_index].source;
        for span in &t.scan.inline_scripts {
            let tag = text.slice(*span).to_ascii_lowercase();
            if attribute(&tag, "nonce").is_some() {
                continue;
            }
            let ty = attribute(&tag, "type").unwrap_or("").trim();
            if !SCRIPT_TYPES.contains(&ty) {
                continue;
            }
            out.report(
                Target::Text(t.text_index, *span),
                format!(
                    "Inline `<script>` without a nonce in `{}`: a Content-Security-Policy that blocks injected scripts blocks it too",
                    t.name
                ),
            );
        }
        for span in &t.scan.inline_handlers {
            let found = text.slice(*span);
            let message = if found.eq_ignore_ascii_case("javascript:") {
                format!(
                    "`javascript:` URL in `{}`: a Content-Security-Policy that blocks injected scripts blocks it too",
                    t.name
                )
            } else {
                format!(
                    "Inline event handler `{found}=` in `{}`: a Content-Security-Policy that blocks injected scripts blocks it too",
                    t.name
                )
            };
            out.report(Target::Text(t.text_index, *span), message);
        }
    }
}
