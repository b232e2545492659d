//! Template rendering: autoescaping, `|safe`, `{% autoescape false %}`, Mako and inline
//! scripts.

mod inline_script_in_template;
mod jinja_autoescape_disabled;
mod mako_template_unescaped;
mod template_autoescape_block_disabled;
mod template_extension_not_autoescaped;
mod template_safe_filter_on_variable;

use flaskguard_index::Value;
use flaskguard_index::ir::ExprKind;

use crate::{Context, Rule};

pub(crate) static RULES: &[&Rule] = &[
    &jinja_autoescape_disabled::RULE,
    &template_extension_not_autoescaped::RULE,
    &template_autoescape_block_disabled::RULE,
    &template_safe_filter_on_variable::RULE,
    &mako_template_unescaped::RULE,
    &inline_script_in_template::RULE,
];

/// The file-name endings Flask autoescapes (`Flask.select_jinja_autoescape`, Flask 3.1:
/// `.html`, `.htm`, `.xml`, `.xhtml`, and `.svg` since Flask 2.2).
pub(super) const FLASK_AUTOESCAPED: &[&str] = &[".html", ".htm", ".xml", ".xhtml", ".svg"];

/// Whether Flask autoescapes a template of this name by default.
pub(super) fn flask_autoescapes(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    FLASK_AUTOESCAPED.iter().any(|ext| lower.ends_with(ext))
}

/// Templates whose output is plain text (e-mails, exports): escaping does not apply.
pub(super) fn is_plain_text_template(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".txt", ".text", ".md", ".eml"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// What an `autoescape` value does to HTML templates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Autoescape {
    /// HTML templates are escaped.
    On,
    /// Nothing is escaped (`False`, `None`).
    Off,
    /// `select_autoescape(...)` that leaves `.html` unescaped; the reason.
    ExcludesHtml(String),
    /// Not known statically (a function, a variable from elsewhere).
    Unknown,
}

/// Interprets a Jinja `autoescape` value: a constant or a `select_autoescape(...)` call.
pub(super) fn autoescape_of(value: &Value) -> Autoescape {
    match value {
        Value::Call { qual, args, kwargs }
            if qual == "jinja2.select_autoescape" || qual == "jinja2.utils.select_autoescape" =>
        {
            let get = |pos: usize, name: &str| {
                kwargs
                    .iter()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v)
                    .or_else(|| args.get(pos))
            };
            let exts = |v: Option<&Value>, default: &[&str]| -> Option<Vec<String>> {
                match v {
                    None => Some(default.iter().map(|s| (*s).to_string()).collect()),
                    Some(Value::List(items)) => items
                        .iter()
                        .map(|i| {
                            i.as_str()
                                .map(|s| s.trim_start_matches('.').to_ascii_lowercase())
                        })
                        .collect(),
                    Some(Value::Str(s)) => Some(vec![s.trim_start_matches('.').to_ascii_lowercase()]),
                    Some(_) => None,
                }
            };
            let (Some(enabled), Some(disabled)) = (
                exts(get(0, "enabled_extensions"), &["html", "htm", "xml"]),
                exts(get(1, "disabled_extensions"), &[]),
            ) else {
                return Autoescape::Unknown;
            };
            let default = match get(3, "default") {
                None => false,
                Some(v) => match v.truthy() {
                    Some(b) => b,
                    None => return Autoescape::Unknown,
                },
            };
            if disabled.iter().any(|e| e == "html") {
                Autoescape::ExcludesHtml("`disabled_extensions` lists \"html\"".to_string())
            } else if !enabled.iter().any(|e| e == "html") && !default {
                Autoescape::ExcludesHtml(
                    "`enabled_extensions` does not list \"html\" and `default` is false"
                        .to_string(),
                )
            } else {
                Autoescape::On
            }
        }
        Value::Env { .. } | Value::Call { .. } | Value::Unknown => Autoescape::Unknown,
        v => match v.truthy() {
            Some(true) => Autoescape::On,
            Some(false) => Autoescape::Off,
            None => Autoescape::Unknown,
        },
    }
}

/// Whether the value is a Flask application object (`Flask(...)`, `current_app`).
pub(super) fn is_flask_app(qual: &str) -> bool {
    qual == "flask.Flask()" || qual == "flask.current_app"
}

/// The effective autoescape setting of the Flask apps' Jinja environments, when the
/// project overrides it (`app.jinja_env.autoescape = …`, `app.jinja_options = {…}`).
pub(super) fn flask_env_override(ctx: &Context<'_, '_>) -> Option<Autoescape> {
    let mut found = None;
    for a in ctx.index.assigns() {
        let ExprKind::Attribute { value, attr } = &a.target.kind else {
            continue;
        };
        let Some(base) = ctx.index.resolve(a.module, a.scope, value) else {
            continue;
        };
        let v = ctx.index.eval(a.module, a.scope, a.value);
        let setting = match attr.as_str() {
            "autoescape" if base.qual == "flask.Flask().jinja_env" => autoescape_of(&v),
            "jinja_options" if is_flask_app(&base.qual) => match v.dict_get("autoescape") {
                Some(ae) => autoescape_of(ae),
                None => continue,
            },
            _ => continue,
        };
        found = Some(setting);
    }
    found
}
