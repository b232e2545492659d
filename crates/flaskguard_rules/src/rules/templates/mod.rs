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

/// Whether Flask autoescapes a template of this name by default. Flask's test is
/// case-sensitive: `page.HTML` is not escaped.
pub(super) fn flask_autoescapes(name: &str) -> bool {
    FLASK_AUTOESCAPED.iter().any(|ext| name.ends_with(ext))
}

/// Templates whose output is plain text (e-mails, exports): escaping does not apply.
pub(super) fn is_plain_text_template(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".txt", ".text", ".md", ".eml"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// Whether a template's name says it renders something other than HTML: plain text, or
/// code and data (`.js`, `.css`, `.sql`, `.json`, …), where HTML escaping is not the
/// protection that matters.
pub(super) fn is_non_html_template(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    is_plain_text_template(&lower)
        || [
            ".js", ".mjs", ".css", ".sql", ".json", ".csv", ".yaml", ".yml", ".ini", ".cfg",
            ".conf", ".sh", ".py", ".tex", ".rst",
        ]
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

/// The arguments of a `jinja2.select_autoescape(...)` call.
struct SelectAutoescape {
    enabled: Vec<String>,
    disabled: Vec<String>,
    default: bool,
}

impl SelectAutoescape {
    /// Parses a `select_autoescape(...)` call value; `None` for anything else or when an
    /// argument is not known.
    fn parse(value: &Value) -> Option<Self> {
        let Value::Call { qual, args, kwargs } = value else {
            return None;
        };
        if qual != "jinja2.select_autoescape" && qual != "jinja2.utils.select_autoescape" {
            return None;
        }
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
        Some(SelectAutoescape {
            enabled: exts(get(0, "enabled_extensions"), &["html", "htm", "xml"])?,
            disabled: exts(get(1, "disabled_extensions"), &[])?,
            default: match get(3, "default") {
                None => false,
                Some(v) => v.truthy()?,
            },
        })
    }

    /// Whether a template of this name is escaped (same order as Jinja's own check).
    fn escapes(&self, name: &str) -> bool {
        let lower = name.to_ascii_lowercase();
        if self
            .enabled
            .iter()
            .any(|e| lower.ends_with(&format!(".{e}")))
        {
            true
        } else if self
            .disabled
            .iter()
            .any(|e| lower.ends_with(&format!(".{e}")))
        {
            false
        } else {
            self.default
        }
    }
}

/// Interprets a Jinja `autoescape` value: a constant or a `select_autoescape(...)` call.
pub(super) fn autoescape_of(value: &Value) -> Autoescape {
    if let Some(select) = SelectAutoescape::parse(value) {
        return if select.escapes("page.html") {
            Autoescape::On
        } else if select.disabled.iter().any(|e| e == "html") {
            Autoescape::ExcludesHtml("`disabled_extensions` lists \"html\"".to_string())
        } else {
            Autoescape::ExcludesHtml(
                "`enabled_extensions` does not list \"html\" and `default` is false".to_string(),
            )
        };
    }
    match value {
        Value::Env { .. } | Value::Call { .. } | Value::Unknown => Autoescape::Unknown,
        v => match v.truthy() {
            Some(true) => Autoescape::On,
            Some(false) => Autoescape::Off,
            None => Autoescape::Unknown,
        },
    }
}

/// Whether a value is a `select_autoescape(...)` call flaskguard can interpret.
pub(super) fn is_select_autoescape(value: &Value) -> bool {
    SelectAutoescape::parse(value).is_some()
}

/// Whether an `autoescape` value escapes the template `name`; `None` when unknown.
pub(super) fn escapes_template(value: &Value, name: &str) -> Option<bool> {
    if let Some(select) = SelectAutoescape::parse(value) {
        return Some(select.escapes(name));
    }
    match value {
        Value::Env { .. } | Value::Call { .. } | Value::Unknown => None,
        v => v.truthy(),
    }
}

/// Whether the value is a Flask application object (`Flask(...)`, `current_app`).
pub(super) fn is_flask_app(qual: &str) -> bool {
    qual == "flask.Flask()" || qual == "flask.current_app"
}

/// Whether the value is a Flask application's Jinja environment (`app.jinja_env`).
pub(super) fn is_flask_jinja_env(qual: &str) -> bool {
    qual == "flask.Flask().jinja_env" || qual == "flask.current_app.jinja_env"
}

/// The `autoescape` value the project gives the Flask apps' Jinja environment
/// (`app.jinja_env.autoescape = …`, `app.jinja_options = {"autoescape": …}`), if any; the
/// last assignment wins.
pub(super) fn flask_env_autoescape(ctx: &Context<'_, '_>) -> Option<Value> {
    let mut found = None;
    for a in ctx.index.assigns() {
        let ExprKind::Attribute { value, attr } = &a.target.kind else {
            continue;
        };
        if !matches!(attr.as_str(), "autoescape" | "jinja_options")
            || ctx.model.is_test_code(a.module)
        {
            continue;
        }
        // `jinja_env` and `jinja_options` are Flask's names: whatever object they are set
        // on is a Flask application (or one of the project's subclasses), also when the
        // resolver cannot follow it there (a `global app` rebound in a factory).
        let on_jinja_env = matches!(&value.kind, ExprKind::Attribute { attr, .. } if attr == "jinja_env")
            || ctx
                .index
                .resolve(a.module, a.scope, value)
                .is_some_and(|base| is_flask_jinja_env(&base.qual));
        let v = ctx.index.eval(a.module, a.scope, a.value);
        match attr.as_str() {
            "autoescape" if on_jinja_env => found = Some(v),
            "jinja_options" => {
                if let Some(ae) = v.dict_get("autoescape") {
                    found = Some(ae.clone());
                }
            }
            _ => {}
        }
    }
    found
}

/// The part of a template expression before its first filter (`note.body|safe` →
/// `note.body`).
pub(super) fn expr_base(text: &str) -> &str {
    unquoted(text)
        .find(|&(_, c, depth)| c == '|' && depth == 0)
        .map_or(text, |(i, _, _)| &text[..i])
        .trim()
}

/// The characters of a template expression outside its string literals, each with the
/// bracket depth after it. Jinja string literals take backslash escapes
/// (`'browser\'s menu'`).
fn unquoted(text: &str) -> impl Iterator<Item = (usize, char, i32)> + '_ {
    let mut quote: Option<char> = None;
    let mut escaped = false;
    let mut depth = 0i32;
    text.char_indices().filter_map(move |(i, c)| {
        match quote {
            Some(_) if escaped => escaped = false,
            Some(_) if c == '\\' => escaped = true,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => {
                match c {
                    '\'' | '"' => quote = Some(c),
                    '(' | '[' | '{' => depth += 1,
                    ')' | ']' | '}' => depth -= 1,
                    _ => {}
                }
                return Some((i, c, depth));
            }
        }
        None
    })
}

/// The functions that translate a message: Flask-Babel's and Jinja's i18n callables.
const GETTEXT: &[&str] = &[
    "_",
    "gettext",
    "ngettext",
    "pgettext",
    "npgettext",
    "lazy_gettext",
    "_l",
];

/// A translation of a literal message (`_('Save <b>now</b>')`, `gettext("…", n=count)`):
/// its markup is the application's own text (translations ship with the application), and
/// the new-style gettext that Flask-Babel installs escapes the values it interpolates
/// when autoescaping is on.
pub(super) fn is_translated_literal(base: &str) -> bool {
    let Some(open) = base.find('(') else {
        return false;
    };
    if !GETTEXT.contains(&base[..open].trim()) || !base.ends_with(')') {
        return false;
    }
    let args = base[open + 1..].trim_start();
    if !args.starts_with(['\'', '"']) {
        return false;
    }
    // The call closes at the end: `_('a') ~ x` or `_('a')[0]` is something else.
    unquoted(base)
        .find(|&(i, c, depth)| i > open && c == ')' && depth == 0)
        .is_some_and(|(i, _, _)| i == base.len() - 1)
}

/// Whether a template expression's value is a literal (`"<br>"`, `42`), not data.
pub(super) fn is_literal_expr(text: &str) -> bool {
    let base = expr_base(text);
    let quoted = |q: char| {
        base.len() >= 2
            && base.starts_with(q)
            && base.ends_with(q)
            && !base[1..base.len() - 1].contains(q)
    };
    quoted('"') || quoted('\'') || base.parse::<f64>().is_ok()
}
