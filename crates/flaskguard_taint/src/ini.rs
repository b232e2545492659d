//! Values of the project's INI files, for `configparser` reads: a value read from a
//! config file is any of the values the project's `*.ini` / `*.cfg` files give it.

use flaskguard_index::{FileKind, Project, TextFile, Value};

/// Every value the project's INI files give `key` in `section` (the `DEFAULT` section
/// counting for all), as `configparser` reads them: keys are case-insensitive, values
/// are stripped, whole-line `#`/`;` comments are skipped, indented lines continue a value.
pub fn values(texts: &[TextFile], section: &str, key: &str) -> Vec<String> {
    let key = key.to_ascii_lowercase();
    let mut found: Vec<String> = Vec::new();
    for text in texts.iter().filter(|t| t.kind == FileKind::IniFile) {
        let mut current: Option<&str> = None;
        // The value being read, if it is the one asked for: continuation lines join it.
        let mut open: Option<String> = None;
        let mut from_default: Option<String> = None;
        let mut in_section: Option<String> = None;
        let mut finish = |open: &mut Option<String>, current: Option<&str>| {
            if let Some(v) = open.take() {
                if current == Some("DEFAULT") {
                    from_default = Some(v);
                } else {
                    in_section = Some(v);
                }
            }
        };
        for line in text.source.text.lines() {
            let trimmed = line.trim();
            if open.is_some() && !trimmed.is_empty() && line.starts_with([' ', '\t']) {
                if let Some(v) = open.as_mut() {
                    v.push('\n');
                    v.push_str(trimmed);
                }
                continue;
            }
            finish(&mut open, current);
            if trimmed.is_empty() || trimmed.starts_with(['#', ';']) {
                continue;
            }
            if let Some(name) = trimmed.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
                current = Some(name.trim());
                continue;
            }
            let Some(at) = trimmed.find(['=', ':']) else {
                continue;
            };
            let (k, v) = (trimmed[..at].trim(), trimmed[at + 1..].trim());
            if k.eq_ignore_ascii_case(&key)
                && matches!(current, Some(s) if s == section || s == "DEFAULT")
            {
                open = Some(v.to_string());
            }
        }
        finish(&mut open, current);
        if let Some(v) = in_section.or(from_default)
            && !found.contains(&v)
        {
            found.push(v);
        }
    }
    found
}

/// The values a `configparser` read could give, if `value` is one: `parser.get(section,
/// key)` (strings), `getboolean` (booleans), `getint` (integers), with constant section
/// and key. `None` for anything else, or when no INI file of the project has the key.
pub fn candidates(project: &Project, value: &Value) -> Option<Vec<Value>> {
    let Value::Call { qual, args, .. } = value else {
        return None;
    };
    if !qual.starts_with("configparser.") {
        return None;
    }
    let (_, method) = qual.rsplit_once('.')?;
    let (Some(Value::Str(section)), Some(Value::Str(key))) = (args.first(), args.get(1)) else {
        return None;
    };
    let found = values(&project.texts, section, key);
    if found.is_empty() {
        return None;
    }
    matches!(method, "get" | "getboolean" | "getint")
        .then(|| found.iter().map(|s| convert(method, s)).collect())
}

/// A value as `configparser`'s `method` returns it.
pub fn convert(method: &str, s: &str) -> Value {
    match method {
        "getboolean" => match s.to_ascii_lowercase().as_str() {
            "1" | "yes" | "true" | "on" => Value::Bool(true),
            "0" | "no" | "false" | "off" => Value::Bool(false),
            _ => Value::Unknown,
        },
        "getint" => s.parse().map_or(Value::Unknown, Value::Int),
        _ => Value::Str(s.to_string()),
    }
}
