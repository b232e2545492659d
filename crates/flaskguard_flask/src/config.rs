//! Application configuration from every usual source.

use flaskguard_index::ir::{ClassIdx, Expr, ExprKind, ScopeRef, StmtKind};
use flaskguard_index::{Index, ModuleId, Span, Value};
use rustc_hash::FxHashSet;

use crate::EnvEntry;

/// Which deployment a setting belongs to, from the config class or file it is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Profile {
    Production,
    Development,
    Testing,
    /// A base class, the app itself, or anything not clearly scoped.
    Unknown,
}

impl Profile {
    /// Applies to a deployed application (not development or test only).
    pub fn is_deployed(self) -> bool {
        matches!(self, Profile::Production | Profile::Unknown)
    }

    fn from_name(name: &str) -> Profile {
        let lower = name.to_ascii_lowercase();
        if lower.contains("test") {
            Profile::Testing
        } else if lower.contains("dev") || lower.contains("local") || lower.contains("debug") {
            Profile::Development
        } else if lower.contains("prod") || lower.contains("live") || lower.contains("staging") {
            Profile::Production
        } else {
            Profile::Unknown
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigOrigin {
    /// `app.config["KEY"] = value`
    Item,
    /// `app.config.update(KEY=value)` / `update({...})`
    Update,
    /// `app.config.setdefault("KEY", value)`
    SetDefault,
    /// An upper-case attribute of a config class (`from_object` or a `*Config` class).
    ClassAttribute { class: String },
    /// An upper-case module-level name of a config module.
    ModuleAttribute,
    /// `app.config.from_mapping(...)`
    FromMapping,
    /// `app.secret_key = …`, `app.debug = …`
    AppAttribute,
    /// `app.run(debug=…)`
    RunArgument,
    /// `.flaskenv` / `.env`
    EnvFile,
}

#[derive(Clone, Debug)]
pub struct ConfigSetting<'a> {
    pub key: String,
    pub value: Value,
    /// The value's expression (absent for env files).
    pub expr: Option<&'a Expr>,
    pub module: Option<ModuleId>,
    /// For env files: the index into `Project::texts`.
    pub text_index: Option<usize>,
    /// The span of the value (or of the env-file line).
    pub span: Span,
    pub origin: ConfigOrigin,
    pub profile: Profile,
}

/// Configuration keys of Flask and the common extensions: a class or module that sets
/// one of these is configuration.
pub const KNOWN_KEYS: &[&str] = &[
    "DEBUG",
    "TESTING",
    "SECRET_KEY",
    "SECRET_KEY_FALLBACKS",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "SESSION_COOKIE_DOMAIN",
    "PERMANENT_SESSION_LIFETIME",
    "MAX_CONTENT_LENGTH",
    "SERVER_NAME",
    "TRUSTED_HOSTS",
    "SQLALCHEMY_DATABASE_URI",
    "WTF_CSRF_ENABLED",
    "JWT_SECRET_KEY",
    "PREFERRED_URL_SCHEME",
    "ENV",
];

fn is_config_key(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        && name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

/// A key of a mapping written in the source: an expression (`{"KEY": v}`) or a keyword
/// name (`dict(KEY=v)`).
enum MappingKey<'e> {
    Expr(&'e Expr),
    Name(&'e str),
}

/// The items of a mapping written in the source: a dict display, or a `dict(...)` call
/// over one (`dict({...}, KEY=v)`), nested as deep as it is written.
fn for_mapping_items<'e>(e: &'e Expr, f: &mut impl FnMut(MappingKey<'e>, &'e Expr)) {
    match &e.kind {
        ExprKind::Dict(items) => {
            for (k, v) in items {
                match k {
                    Some(k) => f(MappingKey::Expr(k), v),
                    // `{**other}`
                    None => for_mapping_items(v, f),
                }
            }
        }
        ExprKind::Call(call)
            if matches!(&call.func.kind, ExprKind::Name(n) if n == "dict")
                && call.args.len() <= 1 =>
        {
            if let Some(arg) = call.args.first() {
                for_mapping_items(arg, f);
            }
            for k in &call.keywords {
                if let Some(name) = k.arg.as_deref() {
                    f(MappingKey::Name(name), &k.value);
                }
            }
        }
        _ => {}
    }
}

/// Whether `qual` is a Flask app's `config` object.
fn is_app_config(qual: &str) -> bool {
    qual == "flask.Flask().config" || qual == "flask.current_app.config"
}

/// The key a read of the app's configuration names: `app.config["KEY"]`,
/// `current_app.config.get("KEY")`.
pub fn config_key_read(
    index: &Index<'_>,
    module: ModuleId,
    scope: flaskguard_index::ir::ScopeRef,
    e: &Expr,
) -> Option<String> {
    let (config, key) = match &e.kind {
        ExprKind::Subscript { value, index: key } => (&**value, &**key),
        ExprKind::Call(call) => match &call.func.kind {
            ExprKind::Attribute { value, attr } if attr == "get" => (&**value, call.args.first()?),
            _ => return None,
        },
        _ => return None,
    };
    if !is_app_config(&index.resolve(module, scope, config)?.qual) {
        return None;
    }
    match index.eval(module, scope, key) {
        Value::Str(k) => Some(k),
        _ => None,
    }
}

fn is_app(qual: &str) -> bool {
    qual == "flask.Flask()" || qual == "flask.current_app"
}

/// `app.run(...)`, as the callee's receiver and method name.
fn runs_app(base: &str, method: &str) -> bool {
    is_app(base) && method == "run"
}

pub(crate) fn collect<'a>(index: &Index<'a>, env: &[EnvEntry]) -> Vec<ConfigSetting<'a>> {
    let mut out = Vec::new();
    let mut config_classes: FxHashSet<(ModuleId, ClassIdx)> = FxHashSet::default();
    let mut config_modules: FxHashSet<ModuleId> = FxHashSet::default();
    let mut unresolved_from_object = false;

    // Subscript and attribute assignments, looked at on every core (every `x[k] = v` of
    // the project resolves its `x`).
    out.extend(index.assigns_matching(|a| match &a.target.kind {
        ExprKind::Subscript { value, index: key } => {
            let base = index.resolve(a.module, a.scope, value)?;
            if !is_app_config(&base.qual) {
                return None;
            }
            let Value::Str(key) = index.eval(a.module, a.scope, key) else {
                return None;
            };
            Some(setting(
                index,
                key,
                a.value,
                a.module,
                a.scope,
                ConfigOrigin::Item,
            ))
        }
        ExprKind::Attribute { value, attr } => {
            let key = match attr.as_str() {
                "secret_key" => "SECRET_KEY",
                "debug" => "DEBUG",
                "testing" => "TESTING",
                "permanent_session_lifetime" => "PERMANENT_SESSION_LIFETIME",
                _ => return None,
            };
            let base = index.resolve(a.module, a.scope, value)?;
            if !is_app(&base.qual) {
                return None;
            }
            Some(setting(
                index,
                key.to_string(),
                a.value,
                a.module,
                a.scope,
                ConfigOrigin::AppAttribute,
            ))
        }
        _ => None,
    }));

    for c in index.calls_where(|q| {
        q.rsplit_once('.')
            .is_some_and(|(base, method)| runs_app(base, method) || is_app_config(base))
    }) {
        let Some(callee) = &c.callee else { continue };
        let Some((base, method)) = callee.qual.rsplit_once('.') else {
            continue;
        };
        if runs_app(base, method) {
            if let Some(debug) = c.call.keyword("debug") {
                out.push(setting(
                    index,
                    "DEBUG".to_string(),
                    debug,
                    c.module,
                    c.scope,
                    ConfigOrigin::RunArgument,
                ));
            }
            continue;
        }
        if !is_app_config(base) {
            continue;
        }
        match method {
            "update" | "from_mapping" => {
                let origin = if method == "update" {
                    ConfigOrigin::Update
                } else {
                    ConfigOrigin::FromMapping
                };
                for k in &c.call.keywords {
                    if let Some(name) = &k.arg {
                        out.push(setting(
                            index,
                            name.to_string(),
                            &k.value,
                            c.module,
                            c.scope,
                            origin.clone(),
                        ));
                    }
                }
                if let Some(arg) = c.call.args.first() {
                    for_mapping_items(arg, &mut |k, v| {
                        let key = match k {
                            MappingKey::Name(name) => Some(name.to_string()),
                            MappingKey::Expr(k) => index
                                .eval(c.module, c.scope, k)
                                .as_str()
                                .map(str::to_string),
                        };
                        if let Some(key) = key {
                            out.push(setting(index, key, v, c.module, c.scope, origin.clone()));
                        }
                    });
                }
            }
            "setdefault" => {
                if let (Some(k), Some(v)) = (c.call.args.first(), c.call.args.get(1))
                    && let Value::Str(key) = index.eval(c.module, c.scope, k)
                {
                    out.push(setting(
                        index,
                        key,
                        v,
                        c.module,
                        c.scope,
                        ConfigOrigin::SetDefault,
                    ));
                }
            }
            "from_object" => {
                let Some(arg) = c.call.args.first() else {
                    continue;
                };
                // A class or module object, or an import path string.
                let target = match index.eval(c.module, c.scope, arg) {
                    Value::Str(path) => Some(path.replace(':', ".")),
                    _ => index
                        .resolve(c.module, c.scope, arg)
                        .map(|r| r.qual.to_string()),
                };
                match target {
                    Some(qual) => {
                        if let Some(cls) = index.project_class(&qual) {
                            add_class_with_bases(index, cls, &mut config_classes);
                        } else if let Some(m) = index.module_by_name(&qual) {
                            config_modules.insert(m.id);
                        } else {
                            unresolved_from_object = true;
                        }
                    }
                    None => unresolved_from_object = true,
                }
            }
            "from_pyfile" => {
                if let Some(Value::Str(path)) = c
                    .call
                    .args
                    .first()
                    .map(|a| index.eval(c.module, c.scope, a))
                {
                    let file = path.rsplit('/').next().unwrap_or(&path).to_string();
                    let stem = file.strip_suffix(".py").unwrap_or(&file);
                    for m in index.modules {
                        if m.name.rsplit('.').next() == Some(stem) {
                            config_modules.insert(m.id);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    // Classes named like configuration that set known keys are configuration too (the
    // class is often picked from a dict at run time: `from_object(config[name])`).
    for m in index.modules {
        for (i, class) in m.classes.iter().enumerate() {
            let named_like = ["Config", "Settings", "Configuration"]
                .iter()
                .any(|s| class.name.ends_with(s));
            let sets_known = class.body.iter().any(|s| match &s.kind {
                StmtKind::Assign { targets, .. } => targets
                    .iter()
                    .any(|t| t.as_name().is_some_and(|n| KNOWN_KEYS.contains(&n))),
                StmtKind::AnnAssign { target, .. } => {
                    target.as_name().is_some_and(|n| KNOWN_KEYS.contains(&n))
                }
                _ => false,
            });
            if sets_known && (named_like || unresolved_from_object) {
                config_classes.insert((m.id, ClassIdx(i as u32)));
            }
        }
        // Modules called `config`/`settings` that set known keys at module level.
        let last = m.name.rsplit('.').next().unwrap_or("");
        if ["config", "settings", "default_settings", "default_config"].contains(&last) {
            let sets_known = m.body.iter().any(|s| match &s.kind {
                StmtKind::Assign { targets, .. } => targets
                    .iter()
                    .any(|t| t.as_name().is_some_and(|n| KNOWN_KEYS.contains(&n))),
                _ => false,
            });
            if sets_known {
                config_modules.insert(m.id);
            }
        }
    }

    let mut classes: Vec<_> = config_classes.into_iter().collect();
    classes.sort();
    for (module, class) in classes {
        let m = index.module(module);
        let def = &m.classes[class.0 as usize];
        let scope = ScopeRef::Class(class);
        let profile = Profile::from_name(&def.name);
        for stmt in &def.body {
            let (target, value) = match &stmt.kind {
                StmtKind::Assign { targets, value } if targets.len() == 1 => {
                    (&targets[0], &**value)
                }
                StmtKind::AnnAssign {
                    target,
                    value: Some(value),
                    ..
                } => (&**target, &**value),
                _ => continue,
            };
            let Some(name) = target.as_name() else {
                continue;
            };
            if !is_config_key(name) {
                continue;
            }
            let mut s = setting(
                index,
                name.to_string(),
                value,
                module,
                scope,
                ConfigOrigin::ClassAttribute {
                    class: def.name.clone(),
                },
            );
            s.profile = profile;
            out.push(s);
        }
    }
    let mut modules: Vec<_> = config_modules.into_iter().collect();
    modules.sort();
    for module in modules {
        let m = index.module(module);
        let profile = Profile::from_name(m.name.rsplit('.').next().unwrap_or(""));
        for stmt in &m.body {
            let StmtKind::Assign { targets, value } = &stmt.kind else {
                continue;
            };
            let Some(name) = targets.first().and_then(Expr::as_name) else {
                continue;
            };
            if !is_config_key(name) {
                continue;
            }
            let mut s = setting(
                index,
                name.to_string(),
                value,
                module,
                ScopeRef::Module,
                ConfigOrigin::ModuleAttribute,
            );
            s.profile = profile;
            out.push(s);
        }
    }

    for e in env {
        let key = match e.key.as_str() {
            "FLASK_DEBUG" => "DEBUG".to_string(),
            "FLASK_ENV" => {
                if e.value == "development" {
                    "DEBUG".to_string()
                } else {
                    continue;
                }
            }
            k => match k.strip_prefix("FLASK_") {
                Some(rest) if !rest.is_empty() => rest.to_string(),
                _ => continue,
            },
        };
        let value = match e.value.to_ascii_lowercase().as_str() {
            "1" | "true" | "yes" | "on" | "development" => Value::Bool(true),
            "0" | "false" | "no" | "off" | "" => Value::Bool(false),
            _ => Value::Str(e.value.clone()),
        };
        out.push(ConfigSetting {
            key,
            value,
            expr: None,
            module: None,
            text_index: Some(e.text_index),
            span: e.span,
            origin: ConfigOrigin::EnvFile,
            profile: Profile::Unknown,
        });
    }
    out
}

fn add_class_with_bases(
    index: &Index<'_>,
    class: (ModuleId, ClassIdx),
    out: &mut FxHashSet<(ModuleId, ClassIdx)>,
) {
    if !out.insert(class) {
        return;
    }
    let (module, idx) = class;
    let def = &index.module(module).classes[idx.0 as usize];
    for base in &def.bases {
        if let Some(r) = index.resolve(module, def.parent, base)
            && let Some(b) = index.project_class(&r.qual)
        {
            add_class_with_bases(index, b, out);
        }
    }
}

fn setting<'a>(
    index: &Index<'a>,
    key: String,
    value: &'a Expr,
    module: ModuleId,
    scope: ScopeRef,
    origin: ConfigOrigin,
) -> ConfigSetting<'a> {
    // Settings written in test files apply to tests only — unless the file builds the app
    // itself (an app kept under `tests/`, such as a test-suite's target app).
    let profile = if is_test_code(index, module) {
        Profile::Testing
    } else {
        Profile::Unknown
    };
    ConfigSetting {
        key,
        value: index.eval(module, scope, value),
        expr: Some(value),
        module: Some(module),
        text_index: None,
        span: value.span,
        origin,
        profile,
    }
}

/// Test code: a test file by name (`test_*.py`, `*_test.py`, `conftest.py`), or a file in
/// a `tests/` folder that does not build a Flask app itself (an app kept under `tests/` —
/// a test-suite's target app — is an app like any other).
pub fn is_test_code(index: &Index<'_>, module: ModuleId) -> bool {
    let display = &index.module(module).source.display;
    is_test_module(display)
        && (is_test_file_name(display)
            || !index.semantic[module.0 as usize]
                .calls
                .iter()
                .any(|c| c.callee.as_ref().is_some_and(|r| r.qual == "flask.Flask")))
}

fn is_test_file_name(display: &str) -> bool {
    let file = display.rsplit('/').next().unwrap_or("");
    let stem = file.strip_suffix(".py").unwrap_or(file);
    stem.starts_with("test_") || stem.ends_with("_test") || stem == "conftest"
}

/// Folders of code that ships beside an application without being part of it.
const EXAMPLE_FOLDERS: &[&str] = &[
    "examples",
    "example",
    "demo",
    "demos",
    "samples",
    "sample",
    "tutorial",
    "tutorials",
];

/// Files that build, package or maintain a project, never imported by the application.
const TOOLING_FILES: &[&str] = &["setup.py", "noxfile.py", "fabfile.py", "dodo.py"];

/// Top-level folders of a repository's maintenance scripts (under the scanned root, or
/// under its `src/`). Only the top level: an application package may have a `scripts`
/// module of its own.
const TOOLING_FOLDERS: &[&str] = &["bin", "scripts"];

/// What kind of code that is not the application a file is, by its path relative to the
/// scanned root: `"test"` ([`is_test_module`]), `"example"` (anywhere under an
/// `examples/`, `demo/`, `samples/` or `tutorial/` folder, in either number) or
/// `"tooling"` (`setup.py` and other build files, a top-level `bin/` or `scripts/`).
pub fn non_production(relative: &str) -> Option<&'static str> {
    if is_test_module(relative) {
        return Some("test");
    }
    let folders = relative.rsplit('/').skip(1);
    if folders
        .into_iter()
        .any(|f| EXAMPLE_FOLDERS.iter().any(|e| f.eq_ignore_ascii_case(e)))
    {
        return Some("example");
    }
    let file = relative.rsplit('/').next().unwrap_or(relative);
    let mut parts = relative.split('/');
    let mut top = parts.next().unwrap_or("");
    if top == "src" {
        top = parts.next().unwrap_or("");
    }
    let in_tooling_folder = relative.contains('/') && TOOLING_FOLDERS.contains(&top);
    (TOOLING_FILES.contains(&file) || in_tooling_folder).then_some("tooling")
}

/// Test code: `test_*.py`, `*_test.py`, `conftest.py`, or a file directly in a `tests/`
/// folder (only the nearest folders count, so a project checked out under some
/// `tests/` directory is not all test code).
pub fn is_test_module(display: &str) -> bool {
    let mut parts = display.rsplit('/');
    let file = parts.next().unwrap_or("");
    let stem = file.strip_suffix(".py").unwrap_or(file);
    if stem.starts_with("test_") || stem.ends_with("_test") || stem == "conftest" {
        return true;
    }
    parts.take(2).any(|p| p == "tests" || p == "test")
}

#[cfg(test)]
mod tests {
    use super::non_production;

    #[test]
    fn example_and_test_folders_are_not_the_application() {
        for (path, kind) in [
            ("examples/oauth/config.py", Some("example")),
            (
                "examples/quickhowto2/app/templates/widgets/list.html",
                Some("example"),
            ),
            ("docs/Demo/run.py", Some("example")),
            ("tests/config_api.py", Some("test")),
            ("app/test_views.py", Some("test")),
            ("app/views.py", None),
            ("app/examples.py", None),
            ("app/example_data/seed.py", None),
            ("exampleapp/views.py", None),
            ("setup.py", Some("tooling")),
            ("bin/hash_db_password.py", Some("tooling")),
            ("src/scripts/seed.py", Some("tooling")),
            ("app/scripts/views.py", None),
            ("pgadmin/tools/sqleditor/__init__.py", None),
            ("scripts.py", None),
        ] {
            assert_eq!(non_production(path), kind, "{path}");
        }
    }
}
