//! The Flask model: what a Flask project *is* — its apps, blueprints, routes,
//! configuration and extensions — built once from the semantic index and shared
//! read-only by every rule.

pub mod apps;
mod config;
pub mod cookies;
mod extensions;
pub mod request;
mod routes;
pub mod templates;

use flaskguard_index::ir::{Expr, ExprKind, ScopeRef};
use flaskguard_index::{Diagnostic, DiagnosticKind, FileKind, Index, ModuleId, Site, Span, Value};

pub use config::{
    ConfigOrigin, ConfigSetting, Profile, config_key_read, is_test_code, is_test_module,
    non_production,
};
pub use extensions::{ExtArg, ExtKind, Extension};

/// The Flask-SQLAlchemy extension object (`db`): `db.get_or_404(Note, id)` fetches rows.
pub const ORM_EXTENSION: &str = "flask_sqlalchemy.SQLAlchemy()";

/// SQLAlchemy session objects, as their names resolve: what they fetch was read from the
/// database, and their `add`/`delete`/`commit` write to it.
pub const ORM_SESSIONS: &[&str] = &[
    "flask_sqlalchemy.SQLAlchemy().session",
    "sqlalchemy.orm.Session()",
    "sqlalchemy.orm.scoped_session()",
    "sqlalchemy.orm.sessionmaker()()",
];

/// Libraries whose objects' `delete`/`save`/`update` write to a database.
pub const ORM_PREFIXES: &[&str] = &[
    "flask_sqlalchemy.",
    "sqlalchemy.",
    "mongoengine.",
    "flask_mongoengine.",
    "pymongo.",
    "flask_pymongo.",
    "peewee.",
    "django.db.models.",
];

/// Whether a project class is an ORM model (derives from a known ORM base).
pub fn is_orm_model(index: &Index<'_>, qual: &str, depth: u32) -> bool {
    if depth > 8 {
        return false;
    }
    let Some((module, class)) = index.project_class(qual) else {
        return false;
    };
    let def = &index.module(module).classes[class.0 as usize];
    def.bases.iter().any(|b| {
        index.resolve(module, def.parent, b).is_some_and(|r| {
            ORM_PREFIXES.iter().any(|p| r.qual.starts_with(p))
                || is_orm_model(index, &r.qual, depth + 1)
        })
    })
}

/// Flask-WTF's form classes: a form built in a view fills itself from the current
/// request's form data and files, and checks the CSRF token when it validates.
pub const FLASK_FORMS: &[&str] = &[
    "flask_wtf.FlaskForm",
    "flask_wtf.Form",
    "flask_wtf.form.FlaskForm",
];

/// Whether `class` (a qualified name) is a Flask-WTF form class of the project.
pub fn is_flask_form(index: &Index<'_>, class: &str) -> bool {
    FLASK_FORMS.iter().any(|b| index.is_subclass_of(class, b))
}

/// A field a form class declares in its body (`name = StringField("Name", [Length(max=40)])`).
pub struct FormField<'a> {
    pub name: &'a str,
    /// The WTForms class's last name (`StringField`, `SelectField`, `FileField`).
    pub kind: String,
    /// The field's constructor call.
    pub call: &'a flaskguard_index::ir::Call,
    pub module: ModuleId,
    /// The scope its arguments are read in (the class body's parent).
    pub scope: ScopeRef,
}

/// The fields of a project form class and of its project base classes (a subclass's own
/// declaration first; the name of a field declared twice is the subclass's).
pub fn form_fields<'a>(index: &Index<'a>, class: &str) -> Vec<FormField<'a>> {
    let mut out: Vec<FormField<'a>> = Vec::new();
    collect_form_fields(index, class, 0, &mut out);
    out
}

fn collect_form_fields<'a>(
    index: &Index<'a>,
    class: &str,
    depth: u32,
    out: &mut Vec<FormField<'a>>,
) {
    use flaskguard_index::ir::StmtKind;
    let Some((m, c)) = index.project_class(class) else {
        return;
    };
    let def = &index.module(m).classes[c.0 as usize];
    for stmt in &def.body {
        let (target, value) = match &stmt.kind {
            StmtKind::Assign { targets, value } if targets.len() == 1 => (&targets[0], value),
            StmtKind::AnnAssign {
                target,
                value: Some(value),
                ..
            } => (&**target, value),
            _ => continue,
        };
        let (Some(name), Some(call)) = (target.as_name(), value.as_call()) else {
            continue;
        };
        let Some(callee) = index.resolve(m, def.parent, &call.func) else {
            continue;
        };
        let qual = callee.qual.as_str();
        if !(qual.starts_with("wtforms") || qual.starts_with("flask_wtf"))
            || !qual.ends_with("Field")
        {
            continue;
        }
        if out.iter().any(|f| f.name == name) {
            continue;
        }
        let kind = qual.rsplit('.').next().unwrap_or(qual).to_string();
        out.push(FormField {
            name,
            kind,
            call,
            module: m,
            scope: def.parent,
        });
    }
    if depth > 4 {
        return;
    }
    for b in &def.bases {
        if let Some(base) = index.resolve(m, def.parent, b) {
            collect_form_fields(index, &base.qual, depth + 1, out);
        }
    }
}

/// Methods of a database query (SQLAlchemy, Flask-SQLAlchemy) that fetch rows: what they
/// return was read from the database, whatever the request chose to look up.
pub const QUERY_ROW_METHODS: &[&str] = &[
    "first",
    "one",
    "one_or_none",
    "all",
    "scalar",
    "get",
    "first_or_404",
    "get_or_404",
    "one_or_404",
    "paginate",
    "count",
];
pub use routes::{
    Blueprint, DecoratorInfo, DecoratorKind, ErrorHandler, Hook, Owner, Route, UrlConverter,
};

/// Whether `name` is the top-level name of a library whose code makes a module part of a
/// web app: Flask, the libraries it is built on (Werkzeug, Jinja, MarkupSafe,
/// itsdangerous), and its extensions. Code that imports none of them, directly or
/// through other project modules, holds no app, route, request read or template render,
/// so it can be analysed apart from the app (see `flaskguard_index::partition`).
pub fn is_framework_root(name: &str) -> bool {
    matches!(
        name,
        "flask" | "werkzeug" | "jinja2" | "markupsafe" | "itsdangerous" | "flaskext"
    ) || name.starts_with("flask_")
}

/// A `Flask(...)` application object.
#[derive(Clone, Debug)]
pub struct App {
    pub site: Site,
    /// The span of the `Flask(...)` call.
    pub span: Span,
    pub module: ModuleId,
    /// Created inside a function (an application factory).
    pub in_factory: bool,
}

/// A call of `render_template` (or `render_template_string`).
#[derive(Clone, Debug)]
pub struct RenderCall<'a> {
    pub module: ModuleId,
    pub scope: ScopeRef,
    pub span: Span,
    pub name: Value,
    pub name_expr: Option<&'a Expr>,
    /// Context variables are passed.
    pub has_context: bool,
}

/// A scanned template file.
#[derive(Clone, Debug)]
pub struct Template {
    /// Index into `Project::texts`.
    pub text_index: usize,
    /// The name as passed to `render_template` (path below `templates/`).
    pub name: String,
    pub scan: templates::TemplateScan,
}

/// An assignment in a `.flaskenv` or `.env` file.
#[derive(Clone, Debug)]
pub struct EnvEntry {
    pub text_index: usize,
    pub key: String,
    pub value: String,
    pub span: Span,
}

pub struct FlaskModel<'a> {
    pub apps: Vec<App>,
    pub blueprints: Vec<Blueprint>,
    pub routes: Vec<Route<'a>>,
    pub hooks: Vec<Hook>,
    pub error_handlers: Vec<ErrorHandler>,
    /// URL converters the project registers (`app.url_map.converters["slug"] = …`).
    pub converters: Vec<UrlConverter>,
    pub config: Vec<ConfigSetting<'a>>,
    pub extensions: Vec<Extension<'a>>,
    pub renders: Vec<RenderCall<'a>>,
    pub templates: Vec<Template>,
    pub env: Vec<EnvEntry>,
    /// Whether the project uses Flask at all (imports it anywhere).
    pub uses_flask: bool,
    /// Whether anything can make Flask issue its session cookie: the project imports
    /// `flask.session` (or the `flask` module itself) or an extension that keeps state in
    /// the session (Flask-Login, Flask-WTF's CSRF tokens, Flask-Session, OAuth clients), or
    /// configures a `SECRET_KEY`. An app that never touches the session never sends it.
    pub uses_session: bool,
    /// Where project code decides the cookies' `Secure` flag (a session interface, a
    /// response class).
    pub secure_by_code: cookies::SecureByCode,
    /// Templates and env files that Jinja or python-dotenv would refuse (FG001); what
    /// could be read of them is still analysed.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether each module (by id) is test code ([`is_test_code`]), decided once.
    test_code: Vec<bool>,
}

impl<'a> FlaskModel<'a> {
    pub fn build(index: &Index<'a>, texts: &[flaskguard_index::TextFile]) -> Self {
        use rayon::prelude::*;
        let test_code: Vec<bool> = index
            .modules
            .par_iter()
            .map(|m| is_test_code(index, m.id))
            .collect();
        let secure_by_code = cookies::collect(index, &test_code);
        let apps = index
            .calls_where(|q| q == "flask.Flask" || index.is_app_class(q))
            .map(|c| App {
                site: Site {
                    module: c.module,
                    span: c.expr.span,
                },
                span: c.expr.span,
                module: c.module,
                in_factory: matches!(c.scope, ScopeRef::Function(_)),
            })
            .collect();
        let uses_flask = index
            .callee_names()
            .any(|q| q.starts_with("flask.") || q.starts_with("flask_"));
        let mut diagnostics = Vec::new();
        let env = env_entries(texts, &mut diagnostics);
        let imports_session = index.semantic.par_iter().any(|sem| {
            sem.scopes.values().any(|scope| {
                scope.bindings.values().flatten().any(|b| {
                    matches!(b, flaskguard_index::semantic::Binding::Import(q)
                        if q == "flask" || q == "flask.session" || SESSION_PACKAGES
                        .contains(&q.split('.').next().unwrap_or(q)))
                })
            })
        });
        // Independent scans of the whole project, side by side.
        let (extensions, ((blueprints, routes, hooks, error_handlers), config)) = rayon::join(
            || extensions::collect(index),
            || rayon::join(|| routes::collect(index), || config::collect(index, &env)),
        );
        let render = |c: &flaskguard_index::semantic::CallSite<'a>, name_expr: Option<&'a Expr>| {
            RenderCall {
                module: c.module,
                scope: c.scope,
                span: c.expr.span,
                name: name_expr.map_or(Value::Unknown, |e| index.eval(c.module, c.scope, e)),
                name_expr,
                has_context: !c.call.keywords.is_empty(),
            }
        };
        let mut renders: Vec<RenderCall<'a>> = Vec::new();
        // Module functions of the project that render the template they are given
        // (`def jsonify_template(template, **context): ... render_template(template,
        // **context)`): each call of theirs renders that template too.
        let mut wrappers: Vec<(String, usize, String)> = Vec::new();
        for c in index.calls_to("flask.render_template") {
            let name_expr = c.call.argument(0, "template_name_or_list");
            if let ScopeRef::Function(f) = c.scope
                && let Some(ExprKind::Name(n)) = name_expr.map(|e| &e.kind)
            {
                let def = &index.module(c.module).functions[f.0 as usize];
                if matches!(def.parent, ScopeRef::Module)
                    && let Some(pi) = def.params.iter().position(|p| p.name == *n)
                {
                    wrappers.push((
                        [index.module(c.module).name.as_str(), ".", def.name.as_str()].concat(),
                        pi,
                        n.to_string(),
                    ));
                }
            }
            renders.push(render(c, name_expr));
        }
        for (qual, pi, param) in &wrappers {
            for c in index.calls_to(qual) {
                renders.push(render(c, c.call.argument(*pi, param)));
            }
        }
        let templates: Vec<Template> = texts
            .par_iter()
            .enumerate()
            .filter(|(_, t)| t.kind == FileKind::Template)
            .map(|(i, t)| Template {
                text_index: i,
                name: template_name(&t.source.display),
                scan: templates::scan(&t.source.text),
            })
            .collect();
        for t in &templates {
            if let Some((span, close)) = t.scan.unclosed {
                let source = &texts[t.text_index].source;
                diagnostics.push(Diagnostic {
                    kind: DiagnosticKind::InvalidSyntax,
                    path: source.display.clone(),
                    message: format!(
                        "`{}` is never closed with `{close}`: Jinja cannot compile this template",
                        source.slice(span)
                    ),
                    position: Some(source.line_col(span.start)),
                });
            }
        }
        let uses_session = imports_session
            || extensions
                .iter()
                .any(|e| matches!(e.kind, ExtKind::LoginManager | ExtKind::CsrfProtect))
            || config.iter().any(|c| c.key == "SECRET_KEY");
        FlaskModel {
            apps,
            blueprints,
            routes,
            hooks,
            error_handlers,
            converters: routes::converters(index),
            config,
            extensions,
            renders,
            templates,
            env,
            uses_flask,
            uses_session,
            secure_by_code,
            diagnostics,
            test_code,
        }
    }

    /// Whether a module is test code (`tests/`, `test_*.py`, `conftest.py`, unless it
    /// builds the app itself).
    pub fn is_test_code(&self, module: ModuleId) -> bool {
        self.test_code
            .get(module.0 as usize)
            .copied()
            .unwrap_or(false)
    }

    /// Extensions of one kind.
    pub fn extensions_of(&self, kind: ExtKind) -> impl Iterator<Item = &Extension<'a>> {
        self.extensions.iter().filter(move |e| e.kind == kind)
    }

    pub fn has_extension(&self, kind: ExtKind) -> bool {
        self.extensions.iter().any(|e| e.kind == kind)
    }

    /// Every setting of `key`, in source order.
    pub fn settings(&self, key: &str) -> impl Iterator<Item = &ConfigSetting<'a>> {
        let key = key.to_string();
        self.config.iter().filter(move |s| s.key == key)
    }

    /// Settings of `key` that apply outside development and testing.
    pub fn production_settings(&self, key: &str) -> impl Iterator<Item = &ConfigSetting<'a>> {
        self.settings(key).filter(|s| s.profile.is_deployed())
    }

    /// Whether `key` is set anywhere, in any profile, or read from the environment by
    /// `from_prefixed_env` / `from_envvar`.
    pub fn is_configured(&self, key: &str) -> bool {
        self.settings(key).next().is_some()
    }

    /// Whether Werkzeug checks the client's `Host` header against the app's settings
    /// (`TRUSTED_HOSTS` or `SERVER_NAME` set): the host names of the request
    /// ([`request::HOST_NAMES`]) are then not attacker-chosen.
    pub fn host_checked(&self) -> bool {
        self.is_configured("TRUSTED_HOSTS") || self.is_configured("SERVER_NAME")
    }

    /// The route a span of a module lies in (its handler contains the span).
    pub fn route_at(&self, index: &Index<'_>, module: ModuleId, span: Span) -> Option<&Route<'a>> {
        self.routes.iter().find(|r| {
            r.handler.is_some_and(|(m, f)| {
                m == module && {
                    let def = &index.module(m).functions[f.0 as usize];
                    def.span.start <= span.start && span.end <= def.span.end
                }
            })
        })
    }
}

/// Extensions that keep state in the Flask session (besides `flask.session` itself, and
/// `import flask`, through which it can be reached).
const SESSION_PACKAGES: &[&str] = &[
    "flask_login",
    "flask_wtf",
    "flask_session",
    "flask_security",
    "flask_dance",
    "flask_oauthlib",
    "authlib",
    "flask_principal",
];

/// A line python-dotenv reads as a key without a value: one word, no `=`, `#` or space.
fn is_env_key(key: &str) -> bool {
    !key.is_empty() && !key.contains(|c: char| c.is_whitespace() || c == '#' || c == '=')
}

/// `pkg/templates/admin/x.html` → `admin/x.html`.
fn template_name(display: &str) -> String {
    match display.rfind("templates/") {
        Some(i) => display[i + "templates/".len()..].to_string(),
        None => display.rsplit('/').next().unwrap_or(display).to_string(),
    }
}

fn env_entries(
    texts: &[flaskguard_index::TextFile],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<EnvEntry> {
    let mut out = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        if t.kind != FileKind::EnvFile {
            continue;
        }
        let mut offset = 0usize;
        for line in t.source.text.split_inclusive('\n') {
            let start = offset;
            offset += line.len();
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let body = trimmed.strip_prefix("export ").unwrap_or(trimmed);
            let Some((key, value)) = body.split_once('=') else {
                // python-dotenv skips such a line with a warning; so does flaskguard.
                if !is_env_key(body) {
                    diagnostics.push(Diagnostic {
                        kind: DiagnosticKind::InvalidSyntax,
                        path: t.source.display.clone(),
                        message: format!(
                            "not a `KEY=value` line: `{}`",
                            trimmed.chars().take(60).collect::<String>().escape_debug()
                        ),
                        position: Some(t.source.line_col(start as u32)),
                    });
                }
                continue;
            };
            let value = value.split(" #").next().unwrap_or("").trim();
            let value = value.trim_matches(|c| c == '"' || c == '\'');
            let lead = line.len() - line.trim_start().len();
            out.push(EnvEntry {
                text_index: i,
                key: key.trim().to_string(),
                value: value.to_string(),
                span: Span::new(
                    (start + lead) as u32,
                    (start + line.trim_end().len()) as u32,
                ),
            });
        }
    }
    out
}
