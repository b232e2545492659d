//! The engine's state and its results: what the project is (index, Flask model, spec),
//! the summaries computed so far, and the flows and verdicts it hands to the rules.

use std::sync::{Arc, Mutex};

use rustc_hash::{FxHashMap, FxHashSet};

use flaskguard_flask::request;
use flaskguard_index::ir::{Expr, ExprKind, FuncIdx, ScopeRef, StmtKind};
use flaskguard_index::{Index, ModuleId, Span, TextFile, Value};
use flaskguard_report::surface::ConverterKind;

use flaskguard_flask::FlaskModel;

use crate::spec::{Class, Spec};
use crate::value::{AVal, Step};

/// What reaches a sink, for the rules that audit sinks without taint (FG905, FG904…).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    /// A constant.
    Const,
    /// Request data made safe for this kind of sink (escaped, quoted, cast, allow-listed).
    Sanitized,
    /// Not request data, but not known either (a parameter, a file, the environment).
    Clean,
    /// Request data, unsanitized: the taint rule reports it.
    Tainted,
}

/// Everything the engine found.
#[derive(Debug, Default)]
pub struct TaintResults {
    /// Every flow from request data to a sink, sorted by sink.
    pub flows: Vec<Flow>,
    /// The worst value seen at each sink call: `(module, call start, call end, class)`.
    pub verdicts: FxHashMap<(ModuleId, u32, u32, Class), Verdict>,
    /// Code that never runs: every finding inside is dropped.
    pub dead_code: Vec<(ModuleId, Span)>,
}

/// A flow from request data to a sink.
#[derive(Clone, Debug)]
pub struct Flow {
    /// The kind of sink reached.
    pub class: Class,
    /// Where the request data is read.
    pub source: Arc<Step>,
    /// The path from the source to the sink (at most a few steps).
    pub steps: Vec<Step>,
    /// The sink.
    pub sink: Step,
    /// The data passed through a function flaskguard cannot see on the way (a step of
    /// `steps` names it): the flow is a guess.
    pub via_unseen: bool,
    /// The request data at the sink holds no `/` (one path segment): a path built from
    /// it reaches at most the parent of the directory it is joined to.
    pub one_segment: bool,
    /// The request data is the page the browser came from (the `Referer` header).
    pub referrer: bool,
    /// The request data is a header the visitor's browser writes itself.
    pub browser_header: bool,
}

/// A parameter that reaches a sink inside a function.
#[derive(Clone, Debug)]
pub(crate) struct ParamSink {
    pub(crate) param: u16,
    pub(crate) class: Class,
    pub(crate) steps: Vec<Step>,
    pub(crate) sink: Step,
    /// What the way from the parameter to the sink makes of it, of the marks that grade
    /// a flow ([`GRADE_MARKS`](crate::value::GRADE_MARKS)): a function flaskguard cannot
    /// see, a removed `/`.
    pub(crate) marks: u32,
    /// The sink acts on a directory.
    pub(crate) directory: bool,
}

/// What calling a function does with taint.
#[derive(Debug, Default)]
pub(crate) struct Summary {
    /// The returned value (with `Param` origins for parameters that flow to it).
    pub(crate) returns: Option<AVal>,
    /// Each `return` with its value, for response bodies of routes.
    pub(crate) return_sites: Vec<(Span, AVal)>,
    pub(crate) param_sinks: Vec<ParamSink>,
    /// Sinks whose value comes only from parameters: judged at each call site.
    pub(crate) param_verdicts: Vec<(u16, ModuleId, Span, Class)>,
    /// Flows from request data read inside the function.
    pub(crate) flows: Vec<Flow>,
    pub(crate) verdicts: Vec<(ModuleId, Span, Class, Verdict)>,
    pub(crate) dead_code: Vec<(ModuleId, Span)>,
    pub(crate) session_keys: Vec<String>,
    /// What the function stores in its parameters' attributes (`self.clauses.append(v)`,
    /// `obj.owner = v`): parameter index, attribute, and the value it holds at an exit,
    /// when tainted (by parameters or by request data).
    pub(crate) param_effects: Vec<(u16, String, AVal)>,
    /// The body was analysed (not a stand-in for recursion or a chain too deep): its
    /// `return_sites` are all the response bodies it can return.
    pub(crate) complete: bool,
}

/// What a project function checks of its parameters (a validator that raises, a
/// predicate that returns true): it depends only on the function, not on the call.
pub(crate) enum CheckSummary {
    /// Every path raises or aborts: nothing after a call of the validator runs.
    Stops,
    /// The classes every counted exit has made each parameter (by index) safe for.
    Masks(Vec<(usize, u32)>),
}

/// A check summary's key: the function, whether only its truthy returns count, and the
/// flags (`True`, `False`, `None`: [`Flag`]) the call passes or leaves at their default,
/// by parameter index: `check(path, skip=True)` checks nothing, `check(path)` does.
pub(crate) type CheckKey = (ModuleId, FuncIdx, bool, Switches);

/// A function summary's key: the function and the switches the calls pass.
pub(crate) type SummaryKey = ((ModuleId, FuncIdx), Switches);

/// The switches a call passes, by parameter index: the parameters given (or left at)
/// `True`, `False` or `None`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct Switches(Box<[(u16, Flag)]>);

impl Switches {
    /// The switches among the values of a call's parameters (by index).
    pub(crate) fn of<'v>(values: impl IntoIterator<Item = Option<&'v Value>>) -> Switches {
        Switches(
            values
                .into_iter()
                .enumerate()
                .filter_map(|(i, v)| Some((i as u16, Flag::of(v?)?)))
                .collect(),
        )
    }

    /// The value parameter `i` is bound to, when it is a switch.
    pub(crate) fn value_at(&self, i: usize) -> Option<AVal> {
        self.0
            .iter()
            .find(|(j, _)| usize::from(*j) == i)
            .map(|(_, flag)| AVal::Const(flag.value()))
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A constant a call passes to a check for one of its switches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Flag {
    False,
    True,
    None,
}

impl Flag {
    pub(crate) fn of(v: &Value) -> Option<Flag> {
        match v {
            Value::Bool(false) => Some(Flag::False),
            Value::Bool(true) => Some(Flag::True),
            Value::None => Some(Flag::None),
            _ => None,
        }
    }

    pub(crate) fn value(self) -> Value {
        match self {
            Flag::False => Value::Bool(false),
            Flag::True => Value::Bool(true),
            Flag::None => Value::None,
        }
    }
}

/// The taint engine over one project: build it with [`Engine::new`], then [`Engine::run`].
pub struct Engine<'i, 'a> {
    pub(crate) index: &'i Index<'a>,
    pub(crate) model: &'i FlaskModel<'a>,
    pub(crate) spec: &'i Spec,
    /// The project's non-Python files (INI files answer `configparser` reads).
    pub(crate) texts: &'i [TextFile],
    /// Function summaries, by function and the switches calls pass (see `summary_with`).
    pub(crate) summaries: Mutex<FxHashMap<SummaryKey, Arc<Summary>>>,
    pub(crate) in_progress: Mutex<FxHashSet<(ModuleId, FuncIdx)>>,
    /// What project functions check of their parameters, computed once per function,
    /// kind of check (every normal exit, or only the truthy returns) and the flags the
    /// call passes ([`CheckKey`]).
    pub(crate) checks: Mutex<FxHashMap<CheckKey, Arc<CheckSummary>>>,
    pub(crate) checks_in_progress: Mutex<FxHashSet<CheckKey>>,
    /// Route handlers and their URL parameter names.
    pub(crate) routes: FxHashMap<(ModuleId, FuncIdx), Vec<String>>,
    /// Route handlers and their full URL rules.
    pub(crate) fixed_rules: FxHashMap<(ModuleId, FuncIdx), Vec<String>>,
    /// Methods of Flask-RESTful / Flask-RESTX resources: what they return is serialised
    /// by the API's representation (JSON), not sent as HTML.
    pub(crate) json_views: FxHashSet<(ModuleId, FuncIdx)>,
    /// Route handlers' URL parameters: name, what its converter lets through, and the
    /// classes of sink its values are safe for (all, for a fixed form).
    pub(crate) route_param_kinds: FxHashMap<(ModuleId, FuncIdx), Vec<ParamKind>>,
    /// URL variables by name, with what every rule that declares one lets through
    /// (`request.view_args["locale"]` holds what a `<locale>` variable can hold).
    pub(crate) view_arg_kinds: FxHashMap<String, ConverterKind>,
    /// Session keys some view stores request data under: reading them back is reading
    /// request data (a second-order flow).
    pub(crate) tainted_session_keys: FxHashSet<String>,
    /// The app validates `Host` (TRUSTED_HOSTS or SERVER_NAME is configured).
    pub(crate) trusted_hosts: bool,
    /// Render calls (module, call span) of templates that insert context variables
    /// unescaped (`{{ note.body|safe }}`): the template's name and those variables.
    pub(crate) unescaped_renders: FxHashMap<(ModuleId, u32, u32), (String, UnescapedVars)>,
    /// Objects of project classes the project attaches to its app (`app.catalog =
    /// XmlCatalog(...)`, `app.extensions["catalog"] = self` in an extension's `init_app`),
    /// by where they are read back through `current_app` (`catalog`,
    /// `extensions[catalog]`): the classes stored there.
    pub(crate) app_objects: FxHashMap<String, Vec<String>>,
}

/// A URL variable of a route: its name, what its converter lets through, and the classes
/// of sink its values are safe for.
pub(crate) type ParamKind = (String, ConverterKind, u32);

/// What a built-in Werkzeug converter lets through, and the classes of sink its values
/// are safe for (all, for a fixed form).
fn builtin_converter(converter: &str) -> (ConverterKind, u32) {
    match ConverterKind::of(converter) {
        ConverterKind::FixedForm => (ConverterKind::FixedForm, Class::ALL_BITS),
        kind => (kind, 0),
    }
}

/// The routes' handlers and URL variables, as the taint engine reads them.
struct RouteMaps {
    routes: FxHashMap<(ModuleId, FuncIdx), Vec<String>>,
    fixed_rules: FxHashMap<(ModuleId, FuncIdx), Vec<String>>,
    json_views: FxHashSet<(ModuleId, FuncIdx)>,
    route_param_kinds: FxHashMap<(ModuleId, FuncIdx), Vec<ParamKind>>,
    view_arg_kinds: FxHashMap<String, ConverterKind>,
}

impl RouteMaps {
    /// The maps, with `kind_of` telling what each converter (by name) lets through.
    fn build(
        index: &Index<'_>,
        model: &FlaskModel<'_>,
        kind_of: impl Fn(&str) -> (ConverterKind, u32),
    ) -> RouteMaps {
        let mut routes: FxHashMap<(ModuleId, FuncIdx), Vec<String>> = FxHashMap::default();
        let mut json_views: FxHashSet<(ModuleId, FuncIdx)> = FxHashSet::default();
        let mut fixed_rules: FxHashMap<(ModuleId, FuncIdx), Vec<String>> = FxHashMap::default();
        let mut route_param_kinds: FxHashMap<(ModuleId, FuncIdx), Vec<ParamKind>> =
            FxHashMap::default();
        for r in &model.routes {
            if let Some(h) = r.handler {
                fixed_rules.entry(h).or_default().push(r.rule.clone());
                // A handler under several rules: a name is what its widest rule lets
                // through, safe for what every rule makes it safe for.
                let kinds = route_param_kinds.entry(h).or_default();
                for (conv, n) in r.params() {
                    let (kind, safe) = kind_of(&conv);
                    match kinds.iter_mut().find(|(name, ..)| *name == n) {
                        Some((_, k, s)) => {
                            *k = (*k).max(kind);
                            *s &= safe;
                        }
                        None => kinds.push((n, kind, safe)),
                    }
                }
            }
            let params: Vec<String> = r
                .params()
                .into_iter()
                .filter(|(conv, _)| kind_of(conv).0 != ConverterKind::FixedForm)
                .map(|(_, n)| n)
                .collect();
            if let Some(h) = r.handler {
                routes.entry(h).or_default().extend(params.clone());
            }
            if let Some((m, c)) = r.view_class {
                // Every HTTP method of a view class receives the URL parameters.
                let class = &index.module(m).classes[c.0 as usize];
                let qual = [index.module(m).name.as_str(), ".", class.qualname.as_str()].concat();
                let json = RESOURCE_CLASSES
                    .iter()
                    .any(|base| index.is_subclass_of(&qual, base));
                for stmt in &class.body {
                    if let StmtKind::FunctionDef(f) = &stmt.kind {
                        routes.entry((m, *f)).or_default().extend(params.clone());
                        if json {
                            json_views.insert((m, *f));
                        }
                    }
                }
            }
        }
        // An error handler's return value is a response too (it has no URL parameters).
        for h in &model.error_handlers {
            routes.entry(h.handler).or_default();
        }
        let mut view_arg_kinds: FxHashMap<String, ConverterKind> = FxHashMap::default();
        for r in &model.routes {
            for (conv, name) in r.params() {
                let kind = kind_of(&conv).0;
                view_arg_kinds
                    .entry(name)
                    .and_modify(|k| *k = (*k).max(kind))
                    .or_insert(kind);
            }
        }
        RouteMaps {
            routes,
            fixed_rules,
            json_views,
            route_param_kinds,
            view_arg_kinds,
        }
    }
}

/// The resource base classes of the REST extensions whose methods return data, not pages.
const RESOURCE_CLASSES: &[&str] = &[
    "flask_restful.Resource",
    "flask_restx.Resource",
    "flask_restplus.Resource",
];

/// Context variables a template inserts unescaped, each with the attributes or keys read
/// from it (`note.body|safe` → `("note", ["body"])`).
pub(crate) type UnescapedVars = Vec<(String, Vec<String>)>;

/// The render calls of templates that insert some context variables unescaped, with
/// the template's name and those variables.
fn unescaped_renders(
    model: &FlaskModel<'_>,
) -> FxHashMap<(ModuleId, u32, u32), (String, UnescapedVars)> {
    let mut by_template: FxHashMap<&str, UnescapedVars> = FxHashMap::default();
    for t in &model.templates {
        for e in &t.scan.exprs {
            if let Some(entry) = t.scan.context_path(e) {
                let vars = by_template.entry(t.name.as_str()).or_default();
                if !vars.contains(&entry) {
                    vars.push(entry);
                }
            }
        }
    }
    let mut out = FxHashMap::default();
    if by_template.is_empty() {
        return out;
    }
    for r in &model.renders {
        if let Some(name) = r.name.as_str()
            && let Some(vars) = by_template.get(name)
        {
            out.insert(
                (r.module, r.span.start, r.span.end),
                (name.to_string(), vars.clone()),
            );
        }
    }
    out
}

/// The objects of project classes attached to an app ([`Engine::app_objects`]).
fn app_objects(index: &Index<'_>) -> FxHashMap<String, Vec<String>> {
    let mut out: FxHashMap<String, Vec<String>> = FxHashMap::default();
    // `app` is an application: a `Flask` (or a project subclass of it) instance, or the
    // parameter an extension's `init_app(app)` or a factory's helper receives.
    let is_app = |a: &flaskguard_index::semantic::AssignSite<'_>, e: &Expr| -> bool {
        match index.resolve(a.module, a.scope, e) {
            Some(r) => {
                r.qual == "flask.Flask()"
                    || r.qual
                        .strip_suffix("()")
                        .is_some_and(|c| index.is_subclass_of(c, "flask.Flask"))
            }
            None => matches!(e.as_name(), Some("app" | "application")),
        }
    };
    for a in index.assigns() {
        let key = match &a.target.kind {
            ExprKind::Attribute { value, attr } if is_app(a, value) => attr.to_string(),
            ExprKind::Subscript { value, index: key } => match (&value.kind, key.as_str()) {
                (ExprKind::Attribute { value: app, attr }, Some(k))
                    if attr.as_str() == "extensions" && is_app(a, app) =>
                {
                    format!("extensions[{k}]")
                }
                _ => continue,
            },
            _ => continue,
        };
        // What is stored: a new object of a project class, or the extension itself.
        let module = index.module(a.module);
        let class = if a.value.as_name() == Some("self") {
            match a.scope {
                ScopeRef::Function(f) => match module.functions[f.0 as usize].parent {
                    ScopeRef::Class(c) => Some(
                        [
                            module.name.as_str(),
                            ".",
                            module.classes[c.0 as usize].qualname.as_str(),
                        ]
                        .concat(),
                    ),
                    _ => None,
                },
                _ => None,
            }
        } else {
            a.value
                .as_call()
                .and_then(|call| index.resolve(a.module, a.scope, &call.func))
                .map(|r| r.qual.to_string())
                .filter(|q| index.project_class(q).is_some())
        };
        if let Some(class) = class {
            let classes = out.entry(key).or_default();
            if !classes.contains(&class) {
                classes.push(class);
            }
        }
    }
    out
}

impl<'i, 'a> Engine<'i, 'a> {
    /// An engine over `index` and `model` with the models `spec`; `texts` are the
    /// project's non-Python files (INI files answer `configparser` reads).
    pub fn new(
        index: &'i Index<'a>,
        model: &'i FlaskModel<'a>,
        spec: &'i Spec,
        texts: &'i [TextFile],
    ) -> Self {
        let maps = RouteMaps::build(index, model, builtin_converter);
        let mut engine = Engine {
            index,
            model,
            spec,
            texts,
            summaries: Mutex::new(FxHashMap::default()),
            in_progress: Mutex::new(FxHashSet::default()),
            checks: Mutex::new(FxHashMap::default()),
            checks_in_progress: Mutex::new(FxHashSet::default()),
            routes: maps.routes,
            fixed_rules: maps.fixed_rules,
            json_views: maps.json_views,
            route_param_kinds: maps.route_param_kinds,
            view_arg_kinds: maps.view_arg_kinds,
            tainted_session_keys: FxHashSet::default(),
            trusted_hosts: model.host_checked(),
            unescaped_renders: unescaped_renders(model),
            app_objects: app_objects(index),
        };
        // The app's own converters: what their `to_python` returns, or their `regex`.
        let custom: FxHashMap<&str, (ConverterKind, u32)> = model
            .converters
            .iter()
            .map(|c| (c.name.as_str(), engine.converter_kind(&c.class)))
            .collect();
        if !custom.is_empty() {
            let maps = RouteMaps::build(index, model, |conv| {
                custom
                    .get(conv)
                    .copied()
                    .unwrap_or_else(|| builtin_converter(conv))
            });
            engine.routes = maps.routes;
            engine.fixed_rules = maps.fixed_rules;
            engine.json_views = maps.json_views;
            engine.route_param_kinds = maps.route_param_kinds;
            engine.view_arg_kinds = maps.view_arg_kinds;
        }
        engine
    }

    /// What a converter class of the project lets through, and the classes of sink its
    /// values are safe for: a fixed form when every value its `to_python` returns is (a
    /// cast, an allow-list); what its `regex` admits; one segment when it keeps Werkzeug's
    /// default (`[^/]+`); any text for a path converter, or a class flaskguard cannot read.
    fn converter_kind(&self, class: &str) -> (ConverterKind, u32) {
        let index = self.index;
        let Some((m, c)) = index.project_class(class) else {
            return (ConverterKind::Text, 0);
        };
        if let Some(f) = index.project_function(&[class, ".to_python"].concat())
            && let Some(returned) = &self.summary(f, 0).returns
        {
            let fixed = match returned.taint() {
                Some(t) => t.sanitized() & Class::ALL_BITS == Class::ALL_BITS,
                None => matches!(returned, AVal::Const(_)),
            };
            if fixed {
                return (ConverterKind::FixedForm, Class::ALL_BITS);
            }
        }
        if let Some(Value::Str(regex)) = index.class_constant(m, c, "regex") {
            let safe = crate::regex_guard::safe_mask(&regex, crate::regex_guard::Method::FullMatch)
                & Class::ALL_BITS;
            let kind = if safe == Class::ALL_BITS {
                ConverterKind::FixedForm
            } else if safe & Class::Path.bit() != 0 {
                ConverterKind::Segment
            } else {
                ConverterKind::Text
            };
            return (kind, safe);
        }
        let derives = |bases: &[&str]| bases.iter().any(|b| index.is_subclass_of(class, b));
        if derives(&[
            "werkzeug.routing.PathConverter",
            "werkzeug.routing.converters.PathConverter",
        ]) {
            (ConverterKind::Text, 0)
        } else if derives(&[
            "werkzeug.routing.NumberConverter",
            "werkzeug.routing.converters.NumberConverter",
            "werkzeug.routing.UUIDConverter",
            "werkzeug.routing.converters.UUIDConverter",
            "werkzeug.routing.AnyConverter",
            "werkzeug.routing.converters.AnyConverter",
        ]) {
            (ConverterKind::FixedForm, Class::ALL_BITS)
        } else {
            (ConverterKind::Segment, 0)
        }
    }

    /// What `request.view_args[key]` (or `.get(key)`) is safe for: what every URL rule
    /// declaring a `<key>` variable lets through (a fixed form: everything; one segment:
    /// no `/`). Nothing for a name no rule declares.
    pub(crate) fn view_arg_mask(&self, key: &str) -> u32 {
        match self.view_arg_kinds.get(key) {
            Some(ConverterKind::FixedForm) => Class::ALL_BITS,
            Some(ConverterKind::Segment) => crate::regex_guard::absent_char_mask('/'),
            Some(ConverterKind::Text) | None => 0,
        }
    }

    /// Whether `module` may read request data (imports Flask or a Flask extension).
    pub(crate) fn reads_requests(&self, module: ModuleId) -> bool {
        // Request data enters through names bound to `flask.request` (or the `flask`
        // module, or a request parser): modules without such a binding cannot read it.
        let sem = &self.index.semantic[module.0 as usize];
        sem.scopes.values().any(|scope| {
            scope.bindings.values().flatten().any(|b| match b {
                flaskguard_index::semantic::Binding::Import(q) => {
                    q == "flask"
                        || request::is_request(q)
                        || q.starts_with("flask.session")
                        || q.starts_with("flask.make_response")
                        || q.starts_with("flask.globals")
                        || q.starts_with("flask_restful")
                        || q.starts_with("flask_restx")
                        || self.engine_roots_match(q)
                }
                _ => false,
            })
        })
    }

    fn engine_roots_match(&self, qual: &str) -> bool {
        self.spec
            .roots
            .iter()
            .any(|r| r.starts_with(qual) || qual.starts_with(r.as_str()))
    }

    pub(crate) fn is_source(&self, qual: &str) -> bool {
        self.spec.is_request_data(qual, self.trusted_hosts)
    }
}

/// Whether a span lies in code that never runs.
pub fn in_dead_code(dead: &[(ModuleId, Span)], module: ModuleId, span: Span) -> bool {
    dead.iter()
        .any(|(m, d)| *m == module && d.start <= span.start && span.end <= d.end)
}
