//! The taint engine: a flow-sensitive abstract interpretation of each function over
//! flaskguard's IR, with constant folding (dead branches pruned), strong updates,
//! element-sensitive lists and dicts, kind-specific sanitizers and guards, and function
//! summaries for interprocedural flows.

// Abstract-value algebra reads best with short names (a, b, t, v).
#![allow(clippy::many_single_char_names)]

use std::sync::{Arc, Mutex};

use rustc_hash::{FxHashMap, FxHashSet};

use flaskguard_flask::FlaskModel;
use flaskguard_index::ir::{
    BinOp, BoolOp, Call, CmpOp, Compare, Comprehension, Expr, ExprKind, FPart, FuncIdx,
    PatternKind, ScopeRef, Stmt, StmtKind, Try, UnaryOp,
};
use flaskguard_index::{Index, ModuleId, Span, TextFile, Value, fold};

use crate::regex_guard::{self, Method};
use crate::spec::{Class, SinkMode, SinkRow, Spec};

/// At most this many propagation steps are kept per value.
const MAX_STEPS: usize = 8;
/// Loop bodies are re-analysed until the environment is stable, at most this often.
const MAX_LOOP_PASSES: usize = 3;
/// A mark on taint (outside every class's bit): the path was normalised (`realpath`,
/// `abspath`, `resolve()`), so a later prefix check is meaningful.
const NORMALIZED: u32 = 1 << 30;
/// A mark on taint: HTML-escaped without quotes (`html.escape(x, quote=False)`,
/// `cgi.escape(x)`), so it is still unsafe inside a quoted attribute value.
const UNQUOTED: u32 = 1 << 29;
/// A mark on taint: the text holds no `'` (removed, or rejected by a check). Inside a
/// single-quoted SQL or XPath literal it then cannot close the literal; elsewhere it
/// proves nothing.
pub(crate) const NO_SQUOTE: u32 = 1 << 28;

/// Helpers of at most this many statements are analysed at each call site.
const INLINE_MAX_STATEMENTS: usize = 12;
/// Calls are inlined at most this deep.
const MAX_INLINE_DEPTH: usize = 2;
/// Summaries are computed at most this deep in the call graph.
const MAX_CALL_DEPTH: usize = 6;

/// One step of a data-flow path.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Step {
    pub module: ModuleId,
    pub span: Span,
    pub message: String,
}

/// Where a tainted value comes from.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Origin {
    /// Request data, first read here.
    Source(Arc<Step>),
    /// The value of a parameter of the function being summarised.
    Param(u16),
    /// A value from the non-cryptographic `random` module (only `Secret` sinks care).
    Random(Arc<Step>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Taint {
    /// Where the value comes from, each with the classes (bit mask) for which what came
    /// from there has been made safe.
    pub origins: Vec<(Origin, u32)>,
    pub steps: Arc<Vec<Step>>,
}

impl Taint {
    fn source(step: Step) -> Taint {
        Taint {
            origins: vec![(Origin::Source(Arc::new(step)), 0)],
            steps: Arc::new(Vec::new()),
        }
    }

    fn param(index: u16) -> Taint {
        Taint {
            origins: vec![(Origin::Param(index), 0)],
            steps: Arc::new(Vec::new()),
        }
    }

    /// Makes every origin safe for `mask`.
    fn sanitize(&mut self, mask: u32) {
        for (_, m) in &mut self.origins {
            *m |= mask;
        }
    }

    /// Placed inside a quoted attribute value: escaping that left quotes alone no longer
    /// makes the value safe for HTML.
    fn in_quoted_attribute(&mut self) {
        for (_, m) in &mut self.origins {
            if *m & UNQUOTED != 0 {
                *m &= !(Class::Xss.bit() | UNQUOTED);
            }
        }
    }

    /// Placed inside a single-quoted literal (`"... = '" + x`): text without `'` cannot
    /// leave it.
    fn in_single_quotes(&mut self) {
        if self.sanitized() & NO_SQUOTE != 0 {
            self.sanitize(Class::Sql.bit() | Class::Xpath.bit());
        }
    }

    /// The classes for which the whole value is safe.
    fn sanitized(&self) -> u32 {
        self.origins.iter().fold(u32::MAX, |acc, (_, m)| acc & m)
    }

    fn with_step(&self, step: Step) -> Taint {
        let mut t = self.clone();
        if t.steps.len() < MAX_STEPS && t.steps.last().is_none_or(|s| s.span != step.span) {
            Arc::make_mut(&mut t.steps).push(step);
        }
        t
    }

    fn merge(&self, other: &Taint) -> Taint {
        let mut origins = self.origins.clone();
        for (o, m) in &other.origins {
            if let Some((_, mask)) = origins.iter_mut().find(|(x, _)| x == o) {
                *mask &= m;
            } else if origins.len() < 4 {
                origins.push((o.clone(), *m));
            }
        }
        Taint {
            origins,
            steps: if self.steps.len() >= other.steps.len() {
                self.steps.clone()
            } else {
                other.steps.clone()
            },
        }
    }

    fn is_safe_for(&self, class: Class) -> bool {
        self.sanitized() & class.bit() != 0
    }
}

/// The abstract value of an expression.
#[derive(Clone, Debug, PartialEq)]
pub enum AVal {
    /// Not from the request; value unknown.
    Unknown,
    /// A known constant.
    Const(Value),
    Tainted(Taint),
    /// A list or tuple with known elements.
    Seq(Vec<AVal>),
    /// A dict with known constant string keys.
    Map(Vec<(String, AVal)>),
    /// A project class, or any of several (a class picked by name at run time): their
    /// qualified names.
    Class(Vec<String>),
    /// An instance of one of `classes` (project classes, or `configparser` objects);
    /// `state` is what its constructor was given (for a config section: its name).
    Instance {
        classes: Vec<String>,
        state: Box<AVal>,
        /// The instance's attributes when its construction is understood (a dataclass, an
        /// `__init__` that stores `self.x = ...`): read one by one, not as the whole.
        fields: Option<Box<Fields>>,
    },
}

/// Attribute name → value of an instance.
type Fields = Vec<(String, AVal)>;

impl AVal {
    /// The taint of the value as a whole.
    pub fn taint(&self) -> Option<Taint> {
        match self {
            AVal::Unknown | AVal::Const(_) | AVal::Class(_) => None,
            AVal::Tainted(t) => Some(t.clone()),
            AVal::Instance { state, .. } => state.taint(),
            AVal::Seq(items) => items
                .iter()
                .filter_map(AVal::taint)
                .reduce(|a, b| a.merge(&b)),
            AVal::Map(items) => items
                .iter()
                .filter_map(|(_, v)| v.taint())
                .reduce(|a, b| a.merge(&b)),
        }
    }

    fn as_const(&self) -> Option<&Value> {
        match self {
            AVal::Const(v) => Some(v),
            _ => None,
        }
    }

    fn truthy(&self) -> Option<bool> {
        self.as_const().and_then(Value::truthy)
    }

    /// The join of two values at a control-flow merge.
    fn join(&self, other: &AVal) -> AVal {
        if self == other {
            return self.clone();
        }
        match (self, other) {
            (AVal::Seq(a), AVal::Seq(b)) if a.len() == b.len() => {
                AVal::Seq(a.iter().zip(b).map(|(x, y)| x.join(y)).collect())
            }
            (AVal::Map(a), AVal::Map(b)) => {
                let mut out: Vec<(String, AVal)> = a.clone();
                for (k, v) in b {
                    match out.iter_mut().find(|(ok, _)| ok == k) {
                        Some((_, ov)) => *ov = ov.join(v),
                        None => out.push((k.clone(), v.clone())),
                    }
                }
                AVal::Map(out)
            }
            // Two different constants: one of them, still nothing an attacker chose.
            (AVal::Const(_), AVal::Const(_)) => AVal::Const(Value::Unknown),
            (AVal::Class(a), AVal::Class(b)) => AVal::Class(union(a, b)),
            (
                AVal::Instance {
                    classes: a,
                    state: sa,
                    fields: fa,
                },
                AVal::Instance {
                    classes: b,
                    state: sb,
                    fields: fb,
                },
            ) => AVal::Instance {
                classes: union(a, b),
                state: Box::new(sa.join(sb)),
                fields: match (fa, fb) {
                    (Some(fa), Some(fb)) => {
                        let mut out: Fields = (**fa).clone();
                        for (k, v) in fb.iter() {
                            match out.iter_mut().find(|(ok, _)| ok == k) {
                                Some((_, ov)) => *ov = ov.join(v),
                                None => out.push((k.clone(), v.join(&AVal::Unknown))),
                            }
                        }
                        Some(Box::new(out))
                    }
                    _ => None,
                },
            },
            _ => match (self.taint(), other.taint()) {
                (Some(a), Some(b)) => AVal::Tainted(a.merge(&b)),
                (Some(t), None) | (None, Some(t)) => AVal::Tainted(t),
                (None, None) => AVal::Unknown,
            },
        }
    }

    /// Whether a class is among the value's parts.
    fn has_class(&self) -> bool {
        match self {
            AVal::Class(_) => true,
            AVal::Seq(items) => items.iter().any(AVal::has_class),
            AVal::Map(items) => items.iter().any(|(_, v)| v.has_class()),
            _ => false,
        }
    }

    fn tainted_like(t: Taint) -> AVal {
        AVal::Tainted(t)
    }
}

/// The class of `configparser` parsers, and of their sections (`parser["section"]`).
const CONFIG_PARSER: &str = "configparser.ConfigParser";
const CONFIG_SECTION: &str = "configparser.SectionProxy";

fn is_config_class(classes: &[String]) -> bool {
    classes
        .iter()
        .any(|c| c == CONFIG_PARSER || c == CONFIG_SECTION)
}

/// The candidates of both sides, each once.
fn union(a: &[String], b: &[String]) -> Vec<String> {
    let mut out = a.to_vec();
    for c in b {
        if !out.contains(c) {
            out.push(c.clone());
        }
    }
    out
}

type Env = FxHashMap<String, AVal>;

fn join_env(a: &Env, b: &Env) -> Env {
    let mut out = a.clone();
    for (k, v) in b {
        match out.get_mut(k) {
            Some(ov) => *ov = ov.join(v),
            None => {
                // Bound on one path only: keep its taint (the other path left it unbound).
                out.insert(k.clone(), v.join(&AVal::Unknown));
            }
        }
    }
    for (k, v) in a {
        if !b.contains_key(k) {
            out.insert(k.clone(), v.join(&AVal::Unknown));
        }
    }
    out
}

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
    pub flows: Vec<Flow>,
    /// The worst value seen at each sink call: `(module, call start, call end, class)`.
    pub verdicts: FxHashMap<(ModuleId, u32, u32, Class), Verdict>,
    /// Code that never runs: every finding inside is dropped.
    pub dead_code: Vec<(ModuleId, Span)>,
}

/// A flow from request data to a sink.
#[derive(Clone, Debug)]
pub struct Flow {
    pub class: Class,
    pub source: Arc<Step>,
    pub steps: Vec<Step>,
    pub sink: Step,
}

/// A parameter that reaches a sink inside a function.
#[derive(Clone, Debug)]
struct ParamSink {
    param: u16,
    class: Class,
    steps: Vec<Step>,
    sink: Step,
}

/// What calling a function does with taint.
#[derive(Debug, Default)]
pub struct Summary {
    /// The returned value (with `Param` origins for parameters that flow to it).
    returns: Option<AVal>,
    /// Each `return` with its value, for response bodies of routes.
    return_sites: Vec<(Span, AVal)>,
    param_sinks: Vec<ParamSink>,
    /// Sinks whose value comes only from parameters: judged at each call site.
    param_verdicts: Vec<(u16, ModuleId, Span, Class)>,
    /// Flows from request data read inside the function.
    flows: Vec<Flow>,
    verdicts: Vec<(ModuleId, Span, Class, Verdict)>,
    dead_code: Vec<(ModuleId, Span)>,
    session_keys: Vec<String>,
}

pub struct Engine<'i, 'a> {
    pub index: &'i Index<'a>,
    pub model: &'i FlaskModel<'a>,
    pub spec: &'i Spec,
    /// The project's non-Python files (INI files answer `configparser` reads).
    texts: &'i [TextFile],
    summaries: Mutex<FxHashMap<(ModuleId, FuncIdx), Arc<Summary>>>,
    in_progress: Mutex<FxHashSet<(ModuleId, FuncIdx)>>,
    /// Route handlers and their URL parameter names.
    routes: FxHashMap<(ModuleId, FuncIdx), Vec<String>>,
    /// Route handlers and their full URL rules.
    fixed_rules: FxHashMap<(ModuleId, FuncIdx), Vec<String>>,
    /// Route handlers' URL parameters: name and whether a converter types it.
    route_param_kinds: FxHashMap<(ModuleId, FuncIdx), Vec<(String, bool)>>,
    /// Session keys some view stores request data under: reading them back is reading
    /// request data (a second-order flow).
    tainted_session_keys: FxHashSet<String>,
    /// The app validates `Host` (TRUSTED_HOSTS or SERVER_NAME is configured).
    trusted_hosts: bool,
}

impl<'i, 'a> Engine<'i, 'a> {
    pub fn new(
        index: &'i Index<'a>,
        model: &'i FlaskModel<'a>,
        spec: &'i Spec,
        texts: &'i [TextFile],
    ) -> Self {
        let mut routes: FxHashMap<(ModuleId, FuncIdx), Vec<String>> = FxHashMap::default();
        let mut fixed_rules: FxHashMap<(ModuleId, FuncIdx), Vec<String>> = FxHashMap::default();
        let mut route_param_kinds: FxHashMap<(ModuleId, FuncIdx), Vec<(String, bool)>> =
            FxHashMap::default();
        for r in &model.routes {
            if let Some(h) = r.handler {
                fixed_rules.entry(h).or_default().push(r.rule.clone());
                route_param_kinds.entry(h).or_default().extend(
                    r.params()
                        .into_iter()
                        .map(|(conv, n)| (n, matches!(conv.as_str(), "int" | "float" | "uuid"))),
                );
            }
            // `int`, `float` and `uuid` converters only ever pass numbers and UUIDs.
            let params: Vec<String> = r
                .params()
                .into_iter()
                .filter(|(conv, _)| !matches!(conv.as_str(), "int" | "float" | "uuid"))
                .map(|(_, n)| n)
                .collect();
            if let Some(h) = r.handler {
                routes.entry(h).or_default().extend(params.clone());
            }
            if let Some((m, c)) = r.view_class {
                // Every HTTP method of a view class receives the URL parameters.
                let class = &index.module(m).classes[c.0 as usize];
                for stmt in &class.body {
                    if let StmtKind::FunctionDef(f) = &stmt.kind {
                        routes.entry((m, *f)).or_default().extend(params.clone());
                    }
                }
            }
        }
        Engine {
            index,
            model,
            spec,
            texts,
            summaries: Mutex::new(FxHashMap::default()),
            in_progress: Mutex::new(FxHashSet::default()),
            routes,
            fixed_rules,
            route_param_kinds,
            tainted_session_keys: FxHashSet::default(),
            trusted_hosts: model.is_configured("TRUSTED_HOSTS")
                || model.is_configured("SERVER_NAME"),
        }
    }

    /// Whether `module` may read request data (imports Flask or a Flask extension).
    fn reads_requests(&self, module: ModuleId) -> bool {
        // Request data enters through names bound to `flask.request` (or the `flask`
        // module, or a request parser): modules without such a binding cannot read it.
        let sem = &self.index.semantic[module.0 as usize];
        sem.scopes.values().any(|scope| {
            scope.bindings.values().flatten().any(|b| match b {
                flaskguard_index::semantic::Binding::Import(q) => {
                    q == "flask"
                        || q.starts_with("flask.request")
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

    /// Analyses every function of the modules that use Flask; returns all flows.
    pub fn run(&self) -> TaintResults {
        let (results, keys) = self.run_once();
        if keys.is_empty() || !self.tainted_session_keys.is_empty() {
            return results;
        }
        // Second order: request data stored in the session comes back on later requests.
        let mut again = Engine::new(self.index, self.model, self.spec, self.texts);
        again.tainted_session_keys = keys;
        again.run_once().0
    }

    fn run_once(&self) -> (TaintResults, FxHashSet<String>) {
        use rayon::prelude::*;
        let targets: Vec<(ModuleId, FuncIdx)> = self
            .index
            .modules
            .iter()
            .filter(|m| self.reads_requests(m.id))
            .flat_map(|m| (0..m.functions.len()).map(move |i| (m.id, FuncIdx(i as u32))))
            .chain(self.routes.keys().copied())
            .collect::<FxHashSet<_>>()
            .into_iter()
            .collect();
        let mut targets = targets;
        targets.sort_unstable();
        let verdicts: Mutex<FxHashMap<(ModuleId, u32, u32, Class), Verdict>> =
            Mutex::new(FxHashMap::default());
        let add_verdicts = |list: &[(ModuleId, Span, Class, Verdict)]| {
            let mut map = verdicts.lock().expect("verdicts lock");
            for &(m, span, class, v) in list {
                let slot = map.entry((m, span.start, span.end, class)).or_insert(v);
                *slot = (*slot).max(v);
            }
        };
        let dead: Mutex<Vec<(ModuleId, Span)>> = Mutex::new(Vec::new());
        let keys: Mutex<FxHashSet<String>> = Mutex::new(FxHashSet::default());
        let mut flows: Vec<Flow> = targets
            .par_iter()
            .flat_map_iter(|&f| {
                let summary = self.summary(f, 0);
                add_verdicts(&summary.verdicts);
                keys.lock()
                    .expect("session keys lock")
                    .extend(summary.session_keys.iter().cloned());
                dead.lock()
                    .expect("dead code lock")
                    .extend(summary.dead_code.iter().copied());
                // A route handler's parameters are the URL's: strings are request data,
                // `int`/`float`/`uuid` converters pass numbers only.
                if let Some(kinds) = self.route_param_kinds.get(&f) {
                    let def = &self.index.module(f.0).functions[f.1.0 as usize];
                    let resolved: Vec<(ModuleId, Span, Class, Verdict)> = summary
                        .param_verdicts
                        .iter()
                        .filter_map(|&(p, m, span, class)| {
                            let name = def.params.get(p as usize)?.name.as_str();
                            let typed = kinds.iter().find(|(n, _)| n == name)?.1;
                            Some((
                                m,
                                span,
                                class,
                                if typed {
                                    Verdict::Sanitized
                                } else {
                                    Verdict::Tainted
                                },
                            ))
                        })
                        .collect();
                    add_verdicts(&resolved);
                }
                let mut out = summary.flows.clone();
                // Route parameters are request data.
                if let Some(names) = self.routes.get(&f) {
                    out.extend(self.route_param_flows(f, names, &summary));
                }
                out
            })
            .collect();
        // Module-level code runs too (scripts, app setup reading nothing, usually).
        let module_flows: Vec<Flow> = self
            .index
            .modules
            .par_iter()
            .filter(|m| self.reads_requests(m.id))
            .flat_map_iter(|m| {
                let mut fx = FnCtx::new(self, m.id, None, ScopeRef::Module, 0);
                fx.block(&m.body);
                add_verdicts(&fx.verdicts);
                dead.lock()
                    .expect("dead code lock")
                    .extend(fx.dead_code.iter().copied());
                fx.flows
            })
            .collect();
        flows.extend(module_flows);
        let mut seen = FxHashSet::default();
        flows.retain(|f| {
            seen.insert((
                f.class,
                f.sink.module,
                f.sink.span,
                f.source.span,
                f.source.module,
            ))
        });
        flows.sort_by(|a, b| {
            (a.sink.module, a.sink.span, a.class).cmp(&(b.sink.module, b.sink.span, b.class))
        });
        let mut dead_code = dead.into_inner().expect("dead code lock");
        dead_code.sort_unstable();
        dead_code.dedup();
        // Flows whose sink never runs are no flows.
        flows.retain(|f| !in_dead_code(&dead_code, f.sink.module, f.sink.span));
        (
            TaintResults {
                flows,
                verdicts: verdicts.into_inner().expect("verdicts lock"),
                dead_code,
            },
            keys.into_inner().expect("session keys lock"),
        )
    }

    fn route_param_flows(
        &self,
        (module, func): (ModuleId, FuncIdx),
        names: &[String],
        summary: &Summary,
    ) -> Vec<Flow> {
        let def = &self.index.module(module).functions[func.0 as usize];
        let mut out = Vec::new();
        let source_of = |pi: u16| -> Option<Arc<Step>> {
            let p = def.params.get(pi as usize)?;
            names.iter().any(|n| *n == p.name.as_str()).then(|| {
                Arc::new(Step {
                    module,
                    span: p.span,
                    message: format!("URL parameter `{}`", p.name),
                })
            })
        };
        for ps in &summary.param_sinks {
            if let Some(source) = source_of(ps.param) {
                out.push(Flow {
                    class: ps.class,
                    source,
                    steps: ps.steps.clone(),
                    sink: ps.sink.clone(),
                });
            }
        }
        // A route's return value is the response body.
        for (span, value) in &summary.return_sites {
            let Some(t) = value.taint() else { continue };
            if t.is_safe_for(Class::Xss) {
                continue;
            }
            for (o, mask) in &t.origins {
                if mask & Class::Xss.bit() != 0 {
                    continue;
                }
                let source = match o {
                    Origin::Source(s) => Some(s.clone()),
                    Origin::Param(p) => source_of(*p),
                    Origin::Random(_) => None,
                };
                if let Some(source) = source {
                    out.push(Flow {
                        class: Class::Xss,
                        source,
                        steps: t.steps.to_vec(),
                        sink: Step {
                            module,
                            span: *span,
                            message: "returned as the HTML response body".to_string(),
                        },
                    });
                }
            }
        }
        out
    }

    /// The summary of a function, computed once.
    fn summary(&self, f: (ModuleId, FuncIdx), depth: usize) -> Arc<Summary> {
        if let Some(s) = self.summaries.lock().expect("summaries lock").get(&f) {
            return s.clone();
        }
        if depth > MAX_CALL_DEPTH || !self.in_progress.lock().expect("lock").insert(f) {
            // Recursion or too deep: a conservative summary (parameters flow to the result).
            return Arc::new(Summary::default());
        }
        let (module, func) = f;
        let def = &self.index.module(module).functions[func.0 as usize];
        let mut fx = FnCtx::new(self, module, Some(func), ScopeRef::Function(func), depth);
        for (i, p) in def.params.iter().enumerate() {
            let is_self = i == 0
                && matches!(def.parent, ScopeRef::Class(_))
                && (p.name == "self" || p.name == "cls");
            // `self` stands for the object: its attributes carry what the object was built
            // from (the call site passes the receiver's value).
            if is_self && p.name == "cls" {
                continue;
            }
            fx.env
                .insert(p.name.to_string(), AVal::Tainted(Taint::param(i as u16)));
        }
        fx.block(&def.body);
        let summary = Arc::new(Summary {
            returns: fx.returns.clone(),
            return_sites: fx.return_sites,
            param_sinks: fx.param_sinks,
            param_verdicts: fx.param_verdicts,
            flows: fx.flows,
            verdicts: fx.verdicts,
            dead_code: fx.dead_code,
            session_keys: fx.session_keys,
        });
        // Deterministic: whichever thread finishes first stores the same result.
        self.summaries
            .lock()
            .expect("summaries lock")
            .entry(f)
            .or_insert_with(|| summary.clone());
        self.in_progress.lock().expect("lock").remove(&f);
        summary
    }

    fn is_source(&self, qual: &str) -> bool {
        self.spec.is_request_data(qual, self.trusted_hosts)
    }
}

struct FnCtx<'e, 'i, 'a> {
    engine: &'e Engine<'i, 'a>,
    module: ModuleId,
    scope: ScopeRef,
    depth: usize,
    env: Env,
    returns: Option<AVal>,
    return_sites: Vec<(Span, AVal)>,
    param_sinks: Vec<ParamSink>,
    param_verdicts: Vec<(u16, ModuleId, Span, Class)>,
    flows: Vec<Flow>,
    verdicts: Vec<(ModuleId, Span, Class, Verdict)>,
    /// How many calls deep this context is inlined.
    inline_depth: usize,
    /// Blocks whose condition folds to a constant: they never run.
    dead_code: Vec<(ModuleId, Span)>,
    /// Session keys this function stores request data under.
    session_keys: Vec<String>,
    /// The current path can no longer continue (after return/raise/abort).
    dead: bool,
    /// When summarising a check (a predicate or a validator), the environments at the
    /// exits that count: every normal exit, or only the truthy returns of a predicate.
    exits: Option<Exits>,
}

/// Whether text ending here is inside a single-quoted literal (an odd number of `'`).
fn inside_single_quotes(before: &str) -> bool {
    before.matches('\'').count() % 2 == 1
}

/// Calls that never return: they end the path that makes them.
const ABORTS: &[&str] = &[
    "flask.abort",
    "werkzeug.exceptions.abort",
    "sys.exit",
    "builtins.exit",
];

/// Iterables that are never empty (they raise instead): a loop over them runs at least once.
const NEVER_EMPTY: &[&str] = &["socket.getaddrinfo"];

/// The exits of a function summarised as a check.
struct Exits {
    truthy_only: bool,
    envs: Vec<Env>,
}

impl<'e, 'i, 'a> FnCtx<'e, 'i, 'a> {
    fn new(
        engine: &'e Engine<'i, 'a>,
        module: ModuleId,
        _func: Option<FuncIdx>,
        scope: ScopeRef,
        depth: usize,
    ) -> Self {
        FnCtx {
            engine,
            module,
            scope,
            depth,
            env: Env::default(),
            returns: None,
            return_sites: Vec::new(),
            param_sinks: Vec::new(),
            param_verdicts: Vec::new(),
            flows: Vec::new(),
            verdicts: Vec::new(),
            inline_depth: 0,
            dead_code: Vec::new(),
            session_keys: Vec::new(),
            dead: false,
            exits: None,
        }
    }

    fn step(&self, span: Span, message: impl Into<String>) -> Step {
        Step {
            module: self.module,
            span,
            message: message.into(),
        }
    }

    fn text(&self, span: Span) -> String {
        let t = self.engine.index.module(self.module).source.slice(span);
        let t: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
        if t.chars().count() > 60 {
            format!("{}…", t.chars().take(59).collect::<String>())
        } else {
            t
        }
    }

    // ---- statements ----

    fn block(&mut self, body: &[Stmt]) {
        for (i, stmt) in body.iter().enumerate() {
            if self.dead {
                return;
            }
            self.stmt(stmt);
            // What follows a statement that never completes (`return`, `raise`, `abort()`,
            // a call that always raises) never runs: findings there are dropped.
            if self.dead && self.inline_depth == 0 && self.exits.is_none() {
                self.mark_dead(&body[i + 1..]);
            }
        }
    }

    fn stmt(&mut self, stmt: &Stmt) {
        flaskguard_index::deep(|| self.stmt_kind(stmt));
    }

    fn stmt_kind(&mut self, stmt: &Stmt) {
        match &stmt.kind {
            StmtKind::FunctionDef(_)
            | StmtKind::ClassDef(_)
            | StmtKind::Pass
            | StmtKind::Global(_)
            | StmtKind::Nonlocal(_)
            | StmtKind::Import(_)
            | StmtKind::ImportFrom { .. }
            // The loop's environment flows on past `break`/`continue` (over-approximated by
            // analysing what follows them too).
            | StmtKind::Break
            | StmtKind::Continue => {}
            StmtKind::Expr(e) => {
                let _ = self.eval(e);
                if self.is_abort(e) {
                    self.dead = true;
                } else {
                    self.validator_call(e);
                }
            }
            StmtKind::Return(value) => {
                let v = value
                    .as_deref()
                    .map_or(AVal::Const(Value::None), |e| self.eval(e));
                let body = match &v {
                    // `return body, status` / `return body, status, headers`
                    AVal::Seq(items)
                        if !items.is_empty()
                            && value
                                .as_deref()
                                .is_some_and(|e| matches!(e.kind, ExprKind::Tuple(_))) =>
                    {
                        items[0].clone()
                    }
                    _ => v.clone(),
                };
                let is_json = value
                    .as_deref()
                    .is_some_and(|e| matches!(e.kind, ExprKind::Dict(_) | ExprKind::List(_)));
                let non_html = value.as_deref().is_some_and(|e| self.declares_non_html(e));
                if let (Some(e), AVal::Seq(items)) = (value.as_deref(), &v)
                    && matches!(e.kind, ExprKind::Tuple(_))
                {
                    for item in items.iter().skip(1) {
                        if matches!(item, AVal::Map(_)) {
                            self.header_values(item, stmt.span);
                        }
                    }
                }
                let is_json = is_json || matches!(body, AVal::Map(_));
                if !is_json && !non_html {
                    self.return_sites.push((stmt.span, body));
                }
                self.record_exit(value.as_deref(), &v);
                self.returns = Some(match &self.returns {
                    Some(r) => r.join(&v),
                    None => v,
                });
                self.dead = true;
            }
            StmtKind::Raise { exc, .. } => {
                if let Some(e) = exc {
                    self.eval(e);
                }
                self.dead = true;
            }
            StmtKind::Assign { targets, value } => {
                let v = self.eval(value);
                for t in targets {
                    self.assign(t, v.clone(), stmt.span);
                }
            }
            StmtKind::AnnAssign { target, value, .. } => {
                if let Some(value) = value {
                    let v = self.eval(value);
                    self.assign(target, v, stmt.span);
                }
            }
            StmtKind::AugAssign { target, op, value } => {
                let old = self.eval(target);
                let v = self.eval(value);
                let new = self.binop(&old, *op, &v, stmt.span);
                self.assign(target, new, stmt.span);
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    if let Some(n) = t.as_name() {
                        self.env.remove(n);
                    }
                }
            }
            StmtKind::If { test, body, orelse } => self.if_stmt(test, body, orelse),
            StmtKind::While { test, body, orelse } => {
                let t = self.eval(test);
                if t.truthy() == Some(false) {
                    self.block(orelse);
                    return;
                }
                self.loop_body(None, body, false);
                self.block(orelse);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                let it = self.eval(iter);
                let elem = element_of(&it);
                let at_least_once = matches!(&it, AVal::Seq(items) if !items.is_empty())
                    || iter.as_call().is_some_and(|_| {
                        self.engine
                            .index
                            .callee_of(self.module, iter)
                            .is_some_and(|r| NEVER_EMPTY.contains(&r.qual.as_str()))
                    });
                self.loop_body(Some(&(target, elem, stmt.span)), body, at_least_once);
                self.block(orelse);
            }
            StmtKind::With { items, body } => {
                for (ctx, var) in items {
                    let v = self.eval(ctx);
                    if let Some(var) = var {
                        self.assign(var, v, stmt.span);
                    }
                }
                self.block(body);
            }
            StmtKind::Try(tr) => {
                let Try { body, handlers, orelse, finalbody, } = &**tr;
                let before = self.env.clone();
                self.block(body);
                let after_body_dead = self.dead;
                let mut merged = self.env.clone();
                let mut all_dead = after_body_dead;
                if !after_body_dead {
                    self.block(orelse);
                    merged.clone_from(&self.env);
                    all_dead = self.dead;
                }
                let mut handlers_dead = true;
                for h in handlers {
                    self.env = join_env(&before, &merged);
                    self.dead = false;
                    if let Some(n) = &h.name {
                        self.env.insert(n.clone(), AVal::Unknown);
                    }
                    self.block(&h.body);
                    handlers_dead &= self.dead;
                    if !self.dead {
                        merged = if all_dead {
                            self.env.clone()
                        } else {
                            join_env(&merged, &self.env)
                        };
                        all_dead = false;
                    }
                }
                self.env = merged;
                // `try: path.relative_to(root) except ValueError: abort(403)`: past the try,
                // the (normalised) path lies under `root`.
                if handlers_dead && !handlers.is_empty() {
                    for stmt in &**body {
                        if let StmtKind::Expr(e) = &stmt.kind
                            && let Some(call) = e.as_call()
                            && let ExprKind::Attribute { value, attr } = &call.func.kind
                            && attr == "relative_to"
                        {
                            self.contain_path(value);
                        }
                    }
                }
                self.dead = all_dead;
                let dead = self.dead;
                self.dead = false;
                self.block(finalbody);
                self.dead = self.dead || dead;
            }
            StmtKind::Match { subject, cases } => {
                let s = self.eval(subject);
                let before = self.env.clone();
                let mut merged: Option<Env> = None;
                for case in cases {
                    // A constant subject picks its case; others are dead.
                    if let (AVal::Const(sv), PatternKind::Value(pv)) = (&s, &case.pattern.kind) {
                        let pv = self.engine.index.eval(self.module, self.scope, pv);
                        if pv.is_constant() && &pv != sv {
                            continue;
                        }
                    }
                    self.env = before.clone();
                    self.dead = false;
                    if let PatternKind::As { name: Some(n), .. } = &case.pattern.kind {
                        self.env.insert(n.clone(), s.clone());
                    }
                    // `case "light" | "dark":` — the subject is one of those constants here.
                    if pattern_is_literal(&case.pattern.kind) {
                        self.sanitize_place(subject, u32::MAX);
                    }
                    self.block(&case.body);
                    if !self.dead {
                        merged = Some(match merged {
                            Some(m) => join_env(&m, &self.env),
                            None => self.env.clone(),
                        });
                    }
                    if matches!(
                        (&s, &case.pattern.kind),
                        (AVal::Const(_), PatternKind::Value(_))
                    ) {
                        break;
                    }
                }
                match merged {
                    Some(m) => {
                        self.env = join_env(&m, &before);
                        self.dead = false;
                    }
                    None => {
                        self.env = before;
                    }
                }
            }
            StmtKind::Assert { test, .. } => {
                let _ = self.eval(test);
                self.apply_guard(test, true);
            }
        }
    }

    /// Runs a loop body to a fixed point. After a loop that runs at least once, what every
    /// pass establishes holds (`for a in getaddrinfo(host): if not public(a): raise`).
    fn loop_body(
        &mut self,
        target: Option<&(&Expr, AVal, Span)>,
        body: &[Stmt],
        at_least_once: bool,
    ) {
        let before = self.env.clone();
        let mut state = before.clone();
        let mut outs: Option<Env> = None;
        for _ in 0..MAX_LOOP_PASSES {
            self.env.clone_from(&state);
            self.dead = false;
            if let Some((t, elem, span)) = target {
                self.assign(t, elem.clone(), *span);
            }
            self.block(body);
            if !self.dead {
                outs = Some(match outs {
                    Some(o) => join_env(&o, &self.env),
                    None => self.env.clone(),
                });
            }
            let next = join_env(&state, &self.env);
            if next == state {
                break;
            }
            state = next;
        }
        self.env = match outs {
            Some(outs) if at_least_once => outs,
            _ => join_env(&before, &state),
        };
        self.dead = false;
    }

    fn if_stmt(&mut self, test: &Expr, body: &[Stmt], orelse: &[Stmt]) {
        let t = self.eval(test);
        match t.truthy() {
            Some(true) => {
                self.mark_dead(orelse);
                self.apply_guard(test, true);
                self.block(body);
            }
            Some(false) => {
                self.mark_dead(body);
                self.block(orelse);
            }
            None => {
                let before = self.env.clone();
                self.apply_guard(test, true);
                self.block(body);
                let (then_env, then_dead) = (std::mem::replace(&mut self.env, before), self.dead);
                self.dead = false;
                self.apply_guard(test, false);
                self.block(orelse);
                let (else_env, else_dead) = (std::mem::take(&mut self.env), self.dead);
                match (then_dead, else_dead) {
                    (true, true) => {
                        self.env = else_env;
                        self.dead = true;
                    }
                    (true, false) => {
                        self.env = else_env;
                        self.dead = false;
                    }
                    (false, true) => {
                        self.env = then_env;
                        self.dead = false;
                    }
                    (false, false) => {
                        self.env = join_env(&then_env, &else_env);
                        self.dead = false;
                    }
                }
            }
        }
    }

    /// Records a block that never runs (its condition folds to a constant).
    fn mark_dead(&mut self, block: &[Stmt]) {
        if let (Some(first), Some(last)) = (block.first(), block.last()) {
            self.dead_code
                .push((self.module, Span::new(first.span.start, last.span.end)));
        }
    }

    /// Narrows the environment on the path where `test` is `holds`: allow-list
    /// membership, `re.fullmatch`, `isdigit()` and friends make the tested name safe.
    fn apply_guard(&mut self, test: &Expr, holds: bool) {
        match &test.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => self.apply_guard(operand, !holds),
            ExprKind::BoolOp {
                op: BoolOp::And,
                values,
            } if holds => {
                for v in values {
                    self.apply_guard(v, true);
                }
            }
            ExprKind::BoolOp {
                op: BoolOp::Or,
                values,
            } if !holds => {
                for v in values {
                    self.apply_guard(v, false);
                }
            }
            // `check(x) is not None` / `check(x) is None`: the truth of `check(x)`.
            ExprKind::Compare(cmp)
                if cmp.ops.len() == 1
                    && matches!(cmp.ops[0], CmpOp::Is | CmpOp::IsNot)
                    && matches!(cmp.comparators[0].kind, ExprKind::NoneLit) =>
            {
                self.apply_guard(&cmp.left, holds == (cmp.ops[0] == CmpOp::IsNot));
            }
            // `ipaddress.ip_address(a).is_global` (or `not ....is_private`): the address,
            // and whatever it was resolved from, is public.
            ExprKind::Attribute { value, attr }
                if (holds && attr == "is_global")
                    || (!holds
                        && matches!(
                            attr.as_str(),
                            "is_private" | "is_loopback" | "is_link_local" | "is_reserved"
                        )) =>
            {
                if let Some(call) = value.as_call()
                    && self
                        .engine
                        .index
                        .callee_of(self.module, value)
                        .is_some_and(|r| r.qual.starts_with("ipaddress.ip_"))
                    && let Some(arg) = call.args.first()
                    && let Some(t) = self.eval(arg).taint()
                {
                    self.sanitize_origins(&t, Class::Ssrf.bit());
                }
            }
            // `not urlsplit(x).netloc`: a relative URL on this path.
            ExprKind::Attribute { value, attr } if !holds && is_host_part(attr) => {
                self.sanitize_place(value, Class::Redirect.bit() | Class::Ssrf.bit());
            }
            ExprKind::Compare(cmp)
                if cmp.ops.len() == 1
                    && ((holds && matches!(cmp.ops[0], CmpOp::Eq | CmpOp::In))
                        || (!holds && matches!(cmp.ops[0], CmpOp::NotEq | CmpOp::NotIn))) =>
            {
                let Compare {
                    left,
                    ops,
                    comparators,
                } = &**cmp;
                // `parts.netloc == expected_host`, `parts.hostname in ALLOWED_HOSTS`
                for side in [left, &comparators[0]] {
                    if let ExprKind::Attribute { value, attr } = &side.kind
                        && is_host_part(attr)
                    {
                        self.sanitize_place(value, Class::Redirect.bit() | Class::Ssrf.bit());
                    }
                }
                self.membership_guard(left, ops[0], &comparators[0], holds);
                self.commonpath_guard(test, holds);
            }
            ExprKind::Compare(cmp) if cmp.ops.len() == 1 => {
                self.membership_guard(&cmp.left, cmp.ops[0], &cmp.comparators[0], holds);
            }
            _ => self.other_guard(test, holds),
        }
    }

    /// Marks the value at a place (`x`, `obj.attr`) as safe for `mask`; for a parsed URL
    /// (`urlparse(x)`), the URL itself.
    fn sanitize_place(&mut self, place: &Expr, mask: u32) {
        // `parsed = urlparse(url)` earlier: checking `parsed` checks `url`.
        if let Some(name) = place.as_name()
            && let Some((_, [flaskguard_index::semantic::Binding::Assign(value)])) =
                self.engine.index.bindings_of(self.module, self.scope, name)
            && value.as_call().is_some()
            && !std::ptr::eq(*value, place)
        {
            let value: &Expr = value;
            if let Some(call) = value.as_call()
                && self
                    .engine
                    .index
                    .callee_of(self.module, value)
                    .is_some_and(|r| {
                        matches!(
                            r.qual.as_str(),
                            "urllib.parse.urlparse" | "urllib.parse.urlsplit"
                        )
                    })
                && let Some(arg) = call.args.first()
            {
                self.sanitize_place(arg, mask);
            }
        }
        if let Some(call) = place.as_call() {
            let callee = self
                .engine
                .index
                .resolve(self.module, self.scope, &call.func)
                .map(|r| r.qual);
            match callee.as_deref() {
                Some("urllib.parse.urlparse" | "urllib.parse.urlsplit" | "urlparse.urlparse") => {
                    if let Some(arg) = call.args.first() {
                        self.sanitize_place(arg, mask);
                    }
                }
                // `urljoin(base, target)`: checking the joined URL checks `target`.
                Some("urllib.parse.urljoin") => {
                    if let Some(arg) = call.args.get(1) {
                        self.sanitize_place(arg, mask);
                    }
                }
                _ => {}
            }
            return;
        }
        let Some(name) = place_name(place) else {
            return;
        };
        let current = match self.env.get(&name) {
            Some(v) => v.clone(),
            None => self.eval(place),
        };
        if let Some(mut t) = current.taint() {
            t.sanitize(mask);
            self.env.insert(name, AVal::Tainted(t));
        }
    }

    /// Makes safe for `mask` every value that comes only from where `checked` comes from
    /// (the host a checked address was resolved from, the URL it was split from).
    fn sanitize_origins(&mut self, checked: &Taint, mask: u32) {
        for v in self.env.values_mut() {
            if let AVal::Tainted(t) = v
                && t.origins
                    .iter()
                    .all(|(o, _)| checked.origins.iter().any(|(c, _)| c == o))
            {
                t.sanitize(mask);
            }
        }
    }

    fn membership_guard(&mut self, left: &Expr, op: CmpOp, right: &Expr, holds: bool) {
        // `if "'" in name: abort(400)`: past the check, `name` holds no `'`.
        let absent = (op == CmpOp::In && !holds) || (op == CmpOp::NotIn && holds);
        if absent
            && let AVal::Const(Value::Str(needle)) = self.eval(left)
            && needle.chars().count() == 1
        {
            let mask = regex_guard::absent_chars_mask(needle.chars());
            if mask != 0 {
                self.sanitize_place(right, mask);
            }
            return;
        }
        let membership = (op == CmpOp::In && holds) || (op == CmpOp::NotIn && !holds);
        let equality = (op == CmpOp::Eq && holds) || (op == CmpOp::NotEq && !holds);
        if membership || equality {
            let r = self.eval(right);
            let constant = match &r {
                AVal::Const(_) => true,
                AVal::Seq(items) => items.iter().all(|i| matches!(i, AVal::Const(_))),
                AVal::Map(items) => items.iter().all(|(_, v)| v.taint().is_none()),
                AVal::Unknown => membership,
                AVal::Tainted(_) | AVal::Class(_) | AVal::Instance { .. } => false,
            };
            if constant {
                if equality {
                    if let Some(name) = place_name(left) {
                        self.env.insert(name, r.clone());
                    }
                } else {
                    self.sanitize_place(left, u32::MAX);
                }
            }
        }
    }

    /// A normalised path checked to lie under a base directory is safe as a path.
    fn contain_path(&mut self, place: &Expr) {
        let v = self.eval(place);
        if let Some(t) = v.taint()
            && t.sanitized() & NORMALIZED != 0
        {
            self.sanitize_place(place, Class::Path.bit());
        }
    }

    /// `os.path.commonpath([full, base]) == base` (or `!=` on the path that aborts): the
    /// normalised paths in the list stay under the base.
    fn commonpath_guard(&mut self, test: &Expr, holds: bool) {
        if let ExprKind::Compare(cmp) = &test.kind
            && cmp.ops.len() == 1
            && ((holds && cmp.ops[0] == CmpOp::Eq) || (!holds && cmp.ops[0] == CmpOp::NotEq))
        {
            for side in [&cmp.left, &cmp.comparators[0]] {
                if let Some(call) = side.as_call()
                    && self
                        .engine
                        .index
                        .callee_of(self.module, side)
                        .is_some_and(|r| {
                            r.qual == "os.path.commonpath" || r.qual == "os.path.commonprefix"
                        })
                    && let Some(ExprKind::List(items) | ExprKind::Tuple(items)) =
                        call.args.first().map(|a| &a.kind)
                {
                    for item in items {
                        self.contain_path(item);
                    }
                }
            }
        }
    }

    /// Guards that are calls: prefix tests, pattern matches, predicates.
    fn other_guard(&mut self, test: &Expr, holds: bool) {
        match &test.kind {
            ExprKind::Call(call)
                if holds
                    && matches!(&call.func.kind, ExprKind::Attribute { attr, .. } if attr == "startswith" || attr == "is_relative_to") =>
            {
                if let ExprKind::Attribute { value, .. } = &call.func.kind {
                    self.contain_path(value);
                }
            }
            ExprKind::Call(call) if holds => {
                // `re.fullmatch(p, x)`, `x.isdigit()`, `x.isalnum()`, `x.isidentifier()`
                if let ExprKind::Attribute { value, attr } = &call.func.kind
                    && matches!(
                        attr.as_str(),
                        "isdigit"
                            | "isdecimal"
                            | "isnumeric"
                            | "isalnum"
                            | "isalpha"
                            | "isidentifier"
                    )
                {
                    self.sanitize_place(value, u32::MAX);
                    return;
                }
                let callee = self
                    .engine
                    .index
                    .resolve(self.module, self.scope, &call.func);
                // `if is_local_url(target):` — a project predicate: what its body checks on
                // the paths that return a true value holds for the arguments. Its name
                // proves nothing.
                if let Some(r) = &callee
                    && let Some(target) = self.engine.index.project_function(&r.qual)
                {
                    self.apply_check_summary(call, target, true);
                    return;
                }
                // `bool(x)`: the truth of `x`.
                if callee.as_ref().is_some_and(|r| r.qual == "builtins.bool")
                    && let Some(arg) = call.args.first()
                {
                    self.apply_guard(arg, true);
                    return;
                }
                self.regex_guard(call, callee.as_ref().map(|r| r.qual.as_str()));
            }
            _ => {}
        }
    }

    /// A substitution that deletes every character of one class: its result is safe for
    /// the sinks those characters could have harmed.
    fn removed_by_sub(
        &self,
        call: &Call,
        qual: &str,
        method: Option<&str>,
        receiver: Option<&Expr>,
        args: &[AVal],
    ) -> Option<AVal> {
        let index = self.engine.index;
        let (pattern, repl, subject) = if qual == "re.sub" {
            (
                index.eval(self.module, self.scope, call.args.first()?),
                args.get(1)?,
                args.get(2)?,
            )
        } else if method == Some("sub") {
            let Value::Call {
                qual, args: cargs, ..
            } = index.eval(self.module, self.scope, receiver?)
            else {
                return None;
            };
            if qual != "re.compile" {
                return None;
            }
            (cargs.into_iter().next()?, args.first()?, args.get(1)?)
        } else {
            return None;
        };
        let (Value::Str(pattern), AVal::Const(Value::Str(repl)), AVal::Tainted(t)) =
            (pattern, repl, subject)
        else {
            return None;
        };
        let removed = regex_guard::removed_by_class(&pattern)?;
        if removed.iter().any(|c| repl.contains(*c)) {
            return None;
        }
        let mut t = t.clone();
        t.sanitize(regex_guard::absent_chars_mask(removed));
        Some(AVal::Tainted(t))
    }

    /// `re.fullmatch(p, x)` / `PATTERN.fullmatch(x)` (also `match`, `search`) that
    /// accepted `x`: safe for the sinks no character the pattern accepts can harm.
    fn regex_guard(&mut self, call: &Call, callee: Option<&str>) {
        let index = self.engine.index;
        let (method, pattern, subject) = match callee.and_then(|q| q.strip_prefix("re.")) {
            Some(name) if Method::from_name(name).is_some() => (
                Method::from_name(name),
                call.argument(0, "pattern")
                    .map(|p| index.eval(self.module, self.scope, p)),
                call.argument(1, "string"),
            ),
            _ => {
                // A compiled pattern: `PATTERN.fullmatch(x)` with `PATTERN = re.compile(p)`.
                let ExprKind::Attribute { value, attr } = &call.func.kind else {
                    return;
                };
                let compiled = index.eval(self.module, self.scope, value);
                let Value::Call { qual, args, .. } = compiled else {
                    return;
                };
                if qual != "re.compile" {
                    return;
                }
                (
                    Method::from_name(attr),
                    args.into_iter().next(),
                    call.argument(0, "string"),
                )
            }
        };
        let (Some(method), Some(Value::Str(pattern)), Some(subject)) = (method, pattern, subject)
        else {
            return;
        };
        let mask = regex_guard::safe_mask(&pattern, method);
        if mask != 0 {
            self.sanitize_place(subject, mask);
        }
    }

    /// `return body, 200, {"Content-Type": "text/plain"}`: a tuple whose headers set a
    /// non-HTML content type.
    fn declares_non_html(&self, e: &Expr) -> bool {
        let ExprKind::Tuple(items) = &e.kind else {
            return false;
        };
        items.iter().skip(1).any(|item| {
            let ExprKind::Dict(entries) = &item.kind else {
                return false;
            };
            entries.iter().any(|(k, v)| {
                let key = k
                    .as_ref()
                    .and_then(|k| k.as_str())
                    .map(str::to_ascii_lowercase);
                let value = self.engine.index.eval(self.module, self.scope, v);
                key.as_deref() == Some("content-type")
                    && value.as_str().is_some_and(|v| !v.contains("html"))
            })
        })
    }

    /// `validate_url(url)` as a statement: what a project function checks on every path
    /// that returns normally holds for its arguments after the call; one that never
    /// returns normally (it always raises or aborts) ends the path.
    fn validator_call(&mut self, e: &Expr) {
        let Some(call) = e.as_call() else { return };
        let index = self.engine.index;
        let Some(r) = index.resolve(self.module, self.scope, &call.func) else {
            return;
        };
        let Some(target) = index.project_function(&r.qual) else {
            return;
        };
        // Only a function that can stop its caller (it raises or aborts somewhere) checks
        // anything; summarising every statement call would re-analyse every callee.
        let def = &index.module(target.0).functions[target.1.0 as usize];
        let mut stops = false;
        flaskguard_index::ir::walk_stmts(&def.body, &mut |s| {
            stops |= match &s.kind {
                StmtKind::Raise { .. } => true,
                StmtKind::Expr(e) => index
                    .callee_of(target.0, e)
                    .is_some_and(|r| ABORTS.contains(&r.qual.as_str())),
                _ => false,
            };
        });
        if stops {
            self.apply_check_summary(call, target, false);
        }
    }

    /// A context that analyses project function `f` for this call site, one inlining level
    /// deeper.
    fn child(&self, (m, f): (ModuleId, FuncIdx)) -> FnCtx<'e, 'i, 'a> {
        let mut fx = FnCtx::new(
            self.engine,
            m,
            Some(f),
            ScopeRef::Function(f),
            self.depth + 1,
        );
        fx.inline_depth = self.inline_depth + 1;
        fx
    }

    /// Records the environment at a `return` of a function summarised as a check.
    fn record_exit(&mut self, value: Option<&Expr>, v: &AVal) {
        let Some(exits) = self.exits.take() else {
            return;
        };
        let mut exits = exits;
        if exits.truthy_only {
            let falsy = matches!(
                v,
                AVal::Const(Value::Bool(false) | Value::None | Value::Int(0))
            ) || matches!(v, AVal::Const(Value::Str(s)) if s.is_empty());
            if !falsy {
                // `return re.fullmatch(p, x) is not None`: the returned condition holds.
                let saved = self.env.clone();
                if let Some(e) = value
                    && !matches!(v, AVal::Const(_))
                {
                    self.apply_guard(e, true);
                }
                exits.envs.push(std::mem::replace(&mut self.env, saved));
            }
        } else {
            exits.envs.push(self.env.clone());
        }
        self.exits = Some(exits);
    }

    /// Summarises a project function as a check of its arguments: its body runs with each
    /// parameter bound to a marker, and the classes every counted exit has made each
    /// marker safe for are applied to the argument passed for it. A validator that has no
    /// normal exit ends the current path.
    fn apply_check_summary(&mut self, call: &Call, (m, f): (ModuleId, FuncIdx), truthy_only: bool) {
        if self.inline_depth >= MAX_INLINE_DEPTH {
            return;
        }
        let index = self.engine.index;
        let def = &index.module(m).functions[f.0 as usize];
        let mut fx = self.child((m, f));
        fx.exits = Some(Exits {
            truthy_only,
            envs: Vec::new(),
        });
        let mut bound: Vec<(&str, &Expr)> = Vec::new();
        for (i, p) in def.params.iter().enumerate() {
            let arg = match p.kind {
                flaskguard_index::ir::ParamKind::PositionalOnly => call.args.get(i),
                flaskguard_index::ir::ParamKind::Positional => call.argument(i, &p.name),
                flaskguard_index::ir::ParamKind::KeywordOnly => call.keyword(&p.name),
                flaskguard_index::ir::ParamKind::VarArgs
                | flaskguard_index::ir::ParamKind::KwArgs => None,
            };
            if let Some(arg) = arg {
                fx.env
                    .insert(p.name.to_string(), AVal::Tainted(Taint::param(i as u16)));
                bound.push((&p.name, arg));
            }
        }
        fx.block(&def.body);
        let mut exits = fx.exits.take().map(|e| e.envs).unwrap_or_default();
        if !fx.dead && !truthy_only {
            exits.push(std::mem::take(&mut fx.env));
        }
        if exits.is_empty() {
            if !truthy_only {
                // Every path raises or aborts: nothing after the call runs.
                self.dead = true;
            }
            return;
        }
        for (name, arg) in bound {
            let mask = exits.iter().fold(u32::MAX, |acc, env| {
                acc & match env.get(name) {
                    Some(v) => v.taint().map_or(u32::MAX, |t| t.sanitized()),
                    None => 0,
                }
            });
            let mask = mask & !(NORMALIZED | UNQUOTED);
            if mask != 0 {
                self.sanitize_place(arg, mask);
            }
        }
    }

    fn is_abort(&self, e: &Expr) -> bool {
        let Some(call) = e.as_call() else {
            return false;
        };
        self.engine
            .index
            .resolve(self.module, self.scope, &call.func)
            .is_some_and(|r| ABORTS.contains(&r.qual.as_str()))
    }

    fn assign(&mut self, target: &Expr, value: AVal, span: Span) {
        match &target.kind {
            ExprKind::Name(n) => {
                let value = match value.taint() {
                    Some(t) if matches!(value, AVal::Tainted(_)) => {
                        AVal::Tainted(t.with_step(self.step(span, format!("assigned to `{n}`"))))
                    }
                    _ => value,
                };
                self.env.insert(n.to_string(), value);
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                for (i, e) in elts.iter().enumerate() {
                    let v = match &value {
                        AVal::Seq(items) if items.len() == elts.len() => items[i].clone(),
                        other => element_of(other),
                    };
                    self.assign(e, v, span);
                }
            }
            ExprKind::Starred(inner) => self.assign(inner, element_of(&value), span),
            ExprKind::Attribute { value: base, attr } => {
                // `resp.mimetype = "text/plain"`: the response is no longer HTML.
                if matches!(attr.as_str(), "mimetype" | "content_type")
                    && let Some(Value::Str(m)) = value.as_const()
                    && !m.contains("html")
                {
                    self.sanitize_place(base, Class::Xss.bit());
                    return;
                }
                if let Some(name) = place_name(target) {
                    self.env.insert(name, value);
                }
            }
            ExprKind::Subscript { value: base, index } => {
                // `session[...] = request data`: the trust boundary.
                if let Some(r) = self.engine.index.resolve(self.module, self.scope, base)
                    && r.qual == "flask.session"
                {
                    let sink = self.step(span, format!("stored in `{}`", self.text(target.span)));
                    // The key is chosen by the request just as much as the value.
                    let key = self.eval(index);
                    if let (Some(Value::Str(k)), Some(t)) = (key.as_const(), value.taint())
                        && t.origins.iter().any(|(o, m)| {
                            matches!(o, Origin::Source(_)) && *m & Class::Redirect.bit() == 0
                        })
                    {
                        self.session_keys.push(k.clone());
                    }
                    let stored = value.join(&key);
                    self.push_verdict(self.module, span, Class::Trust, &stored);
                    self.sink_value(Class::Trust, &stored, &sink);
                    self.sink_value(Class::Secret, &value, &sink);
                    return;
                }
                let key = self.eval(index);
                if let (Some(r), Some(Value::Str(k))) = (
                    self.engine.index.resolve(self.module, self.scope, base),
                    key.as_const(),
                ) && r.qual == "os.environ"
                {
                    self.env.insert(format!("os.environ::{k}"), value);
                    return;
                }
                // `response.headers["Content-Type"] = "text/plain"`
                if let ExprKind::Attribute {
                    value: response,
                    attr,
                } = &base.kind
                    && attr == "headers"
                    && let Some(Value::Str(header)) = key.as_const()
                    && header.eq_ignore_ascii_case("content-type")
                    && let Some(Value::Str(m)) = value.as_const()
                    && !m.contains("html")
                {
                    self.sanitize_place(response, Class::Xss.bit());
                    return;
                }
                // `response.headers["Location"] = value`
                if let ExprKind::Attribute { attr, .. } = &base.kind
                    && attr == "headers"
                    && let Some(Value::Str(header)) = key.as_const()
                {
                    let map = vec![(header.clone(), value.clone())];
                    self.header_values(&AVal::Map(map), span);
                    return;
                }
                let Some(name) = place_name(base) else { return };
                let current = self.env.get(&name).cloned();
                let updated = match (current, key.as_const()) {
                    (Some(AVal::Map(mut items)), Some(Value::Str(k))) => {
                        match items.iter_mut().find(|(ik, _)| ik == k) {
                            Some((_, v)) => *v = value,
                            None => items.push((k.clone(), value)),
                        }
                        AVal::Map(items)
                    }
                    (Some(AVal::Seq(mut items)), Some(Value::Int(i)))
                        if usize::try_from(*i).is_ok_and(|i| i < items.len()) =>
                    {
                        let i = usize::try_from(*i).unwrap_or_default();
                        items[i] = value;
                        AVal::Seq(items)
                    }
                    (Some(old), _) => old.join(&value),
                    (None, _) => AVal::Unknown.join(&value),
                };
                self.env.insert(name, updated);
            }
            _ => {}
        }
    }

    // ---- expressions ----

    fn eval(&mut self, e: &Expr) -> AVal {
        flaskguard_index::deep(|| self.eval_kind(e))
    }

    fn eval_kind(&mut self, e: &Expr) -> AVal {
        match &e.kind {
            ExprKind::Str(s) => AVal::Const(Value::Str(s.to_string())),
            ExprKind::Bytes(s) => AVal::Const(Value::Str(s.clone())),
            ExprKind::Int(Some(i)) => AVal::Const(Value::Int(*i)),
            ExprKind::Float(f) => AVal::Const(Value::Float(*f)),
            ExprKind::Bool(b) => AVal::Const(Value::Bool(*b)),
            ExprKind::NoneLit => AVal::Const(Value::None),
            ExprKind::Name(n) => {
                if let Some(v) = self.env.get(n.as_str()) {
                    return v.clone();
                }
                self.global(e)
            }
            ExprKind::Attribute { value, attr } => {
                if let Some(name) = place_name(e)
                    && let Some(v) = self.env.get(&name)
                {
                    return v.clone();
                }
                if let Some(r) = self.engine.index.resolve(self.module, self.scope, e) {
                    if r.qual == "flask.request.path"
                        && let Some(rule) = self.fixed_rule()
                    {
                        return AVal::Const(Value::Str(rule));
                    }
                    if self.engine.is_source(&r.qual) {
                        return AVal::Tainted(Taint::source(
                            self.step(e.span, format!("`{}` (request data)", self.text(e.span))),
                        ));
                    }
                    // Request attributes that are not attacker-chosen strings (`method`,
                    // `scheme`, …): request data, but safe for every sink.
                    if r.qual.starts_with("flask.request") {
                        let mut t =
                            Taint::source(self.step(e.span, format!("`{}`", self.text(e.span))));
                        t.sanitize(u32::MAX);
                        return AVal::Tainted(t);
                    }
                }
                let base = self.eval(value);
                match base {
                    AVal::Tainted(t) => AVal::Tainted(t),
                    AVal::Class(classes) if attr.as_str() == "__name__" => match classes.as_slice()
                    {
                        [one] => AVal::Const(Value::Str(
                            one.rsplit('.').next().unwrap_or(one).to_string(),
                        )),
                        _ => AVal::Const(Value::Unknown),
                    },
                    // An attribute of an instance whose construction is understood: that
                    // attribute's value (a field never stored is not known here).
                    AVal::Instance {
                        fields: Some(fields),
                        ..
                    } => fields
                        .iter()
                        .find(|(k, _)| k == attr.as_str())
                        .map_or(AVal::Unknown, |(_, v)| v.clone()),
                    AVal::Seq(_) | AVal::Map(_) | AVal::Instance { .. } => {
                        AVal::tainted_like_opt(base.taint())
                    }
                    _ => {
                        let _ = attr;
                        self.global(e)
                    }
                }
            }
            ExprKind::Subscript { value, index } => {
                let base = self.eval(value);
                let key = self.eval(index);
                if let Some(Value::Str(k)) = key.as_const()
                    && self.engine.tainted_session_keys.contains(k)
                    && self
                        .engine
                        .index
                        .resolve(self.module, self.scope, value)
                        .is_some_and(|r| r.qual == "flask.session")
                {
                    return AVal::Tainted(Taint::source(self.step(
                        e.span,
                        format!("`session[{k:?}]` (request data stored in the session)"),
                    )));
                }
                if let Some(Value::Str(k)) = key.as_const()
                    && let Some(v) = self.env.get(&format!("os.environ::{k}"))
                    && self
                        .engine
                        .index
                        .resolve(self.module, self.scope, value)
                        .is_some_and(|r| r.qual == "os.environ")
                {
                    return v.clone();
                }
                match (&base, key.as_const()) {
                    // `parser["section"]` and `parser["section"]["key"]`.
                    (AVal::Instance { classes, state, .. }, _) if is_config_class(classes) => {
                        if classes.iter().any(|c| c == CONFIG_SECTION) {
                            self.ini_value("get", state, Some(&key))
                        } else {
                            AVal::Instance {
                                classes: vec![CONFIG_SECTION.to_string()],
                                state: Box::new(key.clone()),
                                fields: None,
                            }
                        }
                    }
                    // A table of classes looked up with a key not known here: any of them.
                    (AVal::Map(items), k)
                        if !matches!(k, Some(Value::Str(_)))
                            && key.taint().is_none()
                            && items.iter().any(|(_, v)| matches!(v, AVal::Class(_))) =>
                    {
                        items
                            .iter()
                            .map(|(_, v)| v.clone())
                            .reduce(|a, b| a.join(&b))
                            .unwrap_or(AVal::Unknown)
                    }
                    (AVal::Map(items), Some(Value::Str(k))) => items
                        .iter()
                        .find(|(ik, _)| ik == k)
                        .map_or(AVal::Unknown, |(_, v)| v.clone()),
                    (AVal::Seq(items), Some(Value::Int(i))) => {
                        let len = i64::try_from(items.len()).unwrap_or(i64::MAX);
                        let idx = if *i < 0 { len + i } else { *i };
                        usize::try_from(idx)
                            .ok()
                            .and_then(|i| items.get(i))
                            .cloned()
                            .unwrap_or(AVal::Unknown)
                    }
                    (AVal::Const(Value::Dict(items)), Some(k)) => items
                        .iter()
                        .find(|(ik, _)| ik == k)
                        .map_or(AVal::Unknown, |(_, v)| AVal::Const(v.clone())),
                    // `"ABC"[1]`: one character of a constant string.
                    (AVal::Const(Value::Str(text)), Some(Value::Int(i))) => {
                        let chars: Vec<char> = text.chars().collect();
                        let len = i64::try_from(chars.len()).unwrap_or(i64::MAX);
                        let idx = if *i < 0 { len + i } else { *i };
                        usize::try_from(idx)
                            .ok()
                            .and_then(|i| chars.get(i))
                            .map_or(AVal::Unknown, |c| AVal::Const(Value::Str(c.to_string())))
                    }
                    (AVal::Const(Value::List(items)), Some(Value::Int(i))) => usize::try_from(*i)
                        .ok()
                        .and_then(|i| items.get(i))
                        .map_or(AVal::Unknown, |v| AVal::Const(v.clone())),
                    _ => match base.taint() {
                        Some(t) => AVal::Tainted(t),
                        None => match key.taint() {
                            // A constant table looked up with request data yields a table value.
                            Some(_) if matches!(base, AVal::Map(_) | AVal::Const(_)) => {
                                AVal::Unknown
                            }
                            _ => AVal::Unknown,
                        },
                    },
                }
            }
            ExprKind::Call(call) => self.call(e, call),
            ExprKind::FString(parts) => {
                let mut taint: Option<Taint> = None;
                let mut s = String::new();
                let mut known = true;
                for (i, p) in parts.iter().enumerate() {
                    match p {
                        FPart::Literal(l) => s.push_str(l),
                        FPart::Expr(x) => {
                            let v = self.eval(x);
                            match (&v, v.taint()) {
                                (_, Some(mut t)) => {
                                    // `f'value="{html.escape(x, quote=False)}"'`
                                    if let Some(FPart::Literal(before)) =
                                        i.checked_sub(1).and_then(|j| parts.get(j))
                                        && (before.ends_with("=\"") || before.ends_with("='"))
                                    {
                                        t.in_quoted_attribute();
                                    }
                                    if inside_single_quotes(&s) {
                                        t.in_single_quotes();
                                    }
                                    taint = Some(taint.map_or(t.clone(), |a| a.merge(&t)));
                                    known = false;
                                }
                                (AVal::Const(Value::Str(c)), None) => s.push_str(c),
                                (AVal::Const(Value::Int(i)), None) => s.push_str(&i.to_string()),
                                _ => known = false,
                            }
                        }
                    }
                }
                match taint {
                    Some(t) => {
                        let mut t = t.with_step(self.step(e.span, "formatted into a string"));
                        if let Some(FPart::Literal(first)) = parts.first()
                            && fixes_host(first)
                        {
                            t.sanitize(Class::Redirect.bit() | Class::Ssrf.bit());
                        }
                        AVal::Tainted(t)
                    }
                    None if known => AVal::Const(Value::Str(s)),
                    None => AVal::Unknown,
                }
            }
            ExprKind::BinOp { left, op, right } => {
                let mut l = self.eval(left);
                let mut r = self.eval(right);
                // `Markup("<i>") + value` and `value + Markup("</i>")` escape the plain
                // operand (`Markup.__add__` / `__radd__`); a Markup operand keeps its own.
                if *op == BinOp::Add {
                    let (left_markup, right_markup) = (self.is_markup(left), self.is_markup(right));
                    if left_markup && !right_markup {
                        r = sanitized_for(r, Class::Xss.bit());
                    } else if right_markup && !left_markup {
                        l = sanitized_for(l, Class::Xss.bit());
                    }
                }
                let v = self.binop(&l, *op, &r, e.span);
                // `Markup("<b>%s</b>") % value` escapes the value.
                if *op == BinOp::Mod && self.is_markup(left) {
                    return sanitized_for(v, Class::Xss.bit());
                }
                v
            }
            ExprKind::UnaryOp { op, operand } => {
                let v = self.eval(operand);
                match (op, &v) {
                    (UnaryOp::Not, _) => v
                        .truthy()
                        .map_or(AVal::Unknown, |b| AVal::Const(Value::Bool(!b))),
                    (_, AVal::Const(c)) => fold::unary(*op, c).map_or(AVal::Unknown, AVal::Const),
                    _ => AVal::Unknown,
                }
            }
            ExprKind::BoolOp { op, values } => {
                let mut acc: Option<AVal> = None;
                for v in values {
                    let val = self.eval(v);
                    acc = Some(match acc {
                        None => val,
                        Some(a) => match (op, a.truthy()) {
                            (BoolOp::Or, Some(true)) | (BoolOp::And, Some(false)) => a,
                            (BoolOp::Or, Some(false)) | (BoolOp::And, Some(true)) => val,
                            _ => a.join(&val),
                        },
                    });
                }
                acc.unwrap_or(AVal::Unknown)
            }
            ExprKind::Compare(cmp) => {
                let Compare {
                    left,
                    ops,
                    comparators,
                } = &**cmp;
                let l = self.eval(left);
                let mut all_const = true;
                let mut result = true;
                let mut prev = l;
                for (op, c) in ops.iter().zip(comparators.iter()) {
                    let r = self.eval(c);
                    match compare(&prev, *op, &r) {
                        Some(b) => result &= b,
                        None => all_const = false,
                    }
                    prev = r;
                }
                if all_const {
                    AVal::Const(Value::Bool(result))
                } else {
                    AVal::Unknown
                }
            }
            ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
                let mut out = Vec::with_capacity(items.len());
                for i in items {
                    if let ExprKind::Starred(inner) = &i.kind {
                        let v = self.eval(inner);
                        out.push(element_of(&v));
                    } else {
                        out.push(self.eval(i));
                    }
                }
                AVal::Seq(out)
            }
            ExprKind::Dict(items) => {
                let mut out = Vec::new();
                let mut spread_taint: Option<Taint> = None;
                for (k, v) in items {
                    let val = self.eval(v);
                    match k.as_ref().map(|k| self.eval(k)) {
                        Some(AVal::Const(Value::Str(s))) => out.push((s, val)),
                        Some(kv) => {
                            if let Some(t) = val.taint().or_else(|| kv.taint()) {
                                spread_taint =
                                    Some(spread_taint.map_or(t.clone(), |a| a.merge(&t)));
                            }
                        }
                        None => {
                            if let Some(t) = val.taint() {
                                spread_taint =
                                    Some(spread_taint.map_or(t.clone(), |a| a.merge(&t)));
                            }
                        }
                    }
                }
                match spread_taint {
                    Some(t) => AVal::Tainted(t),
                    None => AVal::Map(out),
                }
            }
            ExprKind::IfExp { test, body, orelse } => {
                let t = self.eval(test);
                match t.truthy() {
                    Some(true) => self.eval(body),
                    Some(false) => self.eval(orelse),
                    None => {
                        let saved = self.env.clone();
                        self.apply_guard(test, true);
                        let a = self.eval(body);
                        self.env.clone_from(&saved);
                        self.apply_guard(test, false);
                        let b = self.eval(orelse);
                        self.env = saved;
                        a.join(&b)
                    }
                }
            }
            ExprKind::Named { target, value } => {
                let v = self.eval(value);
                self.assign(target, v.clone(), e.span);
                v
            }
            ExprKind::Comprehension(comp) => {
                let Comprehension {
                    kind,
                    elt,
                    value,
                    generators,
                } = &**comp;
                if let Some(v) = self.unrolled(*kind, elt, value.as_ref(), generators) {
                    return v;
                }
                let saved = self.env.clone();
                for g in generators {
                    let it = self.eval(&g.iter);
                    self.assign(&g.target, element_of(&it), g.target.span);
                    for cond in &g.ifs {
                        let _ = self.eval(cond);
                        self.apply_guard(cond, true);
                    }
                }
                let mut v = self.eval(elt);
                if let Some(val) = value {
                    v = v.join(&self.eval(val));
                }
                self.env = saved;
                match v.taint() {
                    Some(t) => AVal::Tainted(t),
                    None => AVal::Unknown,
                }
            }
            ExprKind::Starred(inner) | ExprKind::Await(inner) => self.eval(inner),
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    let _ = self.eval(x);
                }
                AVal::Unknown
            }
            ExprKind::Yield(v) => {
                if let Some(v) = v {
                    let _ = self.eval(v);
                }
                AVal::Unknown
            }
            ExprKind::YieldFrom(v) => {
                let _ = self.eval(v);
                AVal::Unknown
            }
            ExprKind::Int(None)
            | ExprKind::Ellipsis
            | ExprKind::Unsupported
            | ExprKind::Lambda { .. } => AVal::Unknown,
        }
    }

    /// A comprehension over a short sequence of known elements, element by element:
    /// `{c.__name__: c for c in (A, B)}` is a table with known keys.
    fn unrolled(
        &mut self,
        kind: flaskguard_index::ir::ComprehensionKind,
        elt: &Expr,
        value: Option<&Expr>,
        generators: &[flaskguard_index::ir::Generator],
    ) -> Option<AVal> {
        use flaskguard_index::ir::ComprehensionKind;
        let [g] = generators else { return None };
        if !g.ifs.is_empty() || matches!(kind, ComprehensionKind::Generator) {
            return None;
        }
        let AVal::Seq(items) = self.eval(&g.iter) else {
            return None;
        };
        if items.len() > 64 || items.iter().any(|i| i.taint().is_some()) {
            return None;
        }
        let saved = self.env.clone();
        let mut seq = Vec::new();
        let mut map = Vec::new();
        let mut ok = true;
        for item in items {
            self.assign(&g.target, item, g.target.span);
            let k = self.eval(elt);
            match value {
                Some(v) => {
                    let v = self.eval(v);
                    match k {
                        AVal::Const(Value::Str(k)) => map.push((k, v)),
                        _ => ok = false,
                    }
                }
                None => seq.push(k),
            }
        }
        self.env = saved;
        match (ok, value) {
            (false, _) => None,
            (true, Some(_)) => Some(AVal::Map(map)),
            (true, None) => Some(AVal::Seq(seq)),
        }
    }

    /// A name or attribute not bound locally: request data, a module constant, or unknown.
    fn global(&self, e: &Expr) -> AVal {
        let index = self.engine.index;
        if let Some(r) = index.resolve(self.module, self.scope, e)
            && self.engine.is_source(&r.qual)
        {
            return AVal::Tainted(Taint::source(
                self.step(e.span, format!("`{}` (request data)", self.text(e.span))),
            ));
        }
        let resolved = index.resolve(self.module, self.scope, e);
        if let Some(r) = &resolved
            && index.project_class(&r.qual).is_some()
        {
            return AVal::Class(vec![r.qual.to_string()]);
        }
        let v = index.eval(self.module, self.scope, e);
        // An empty module-level container (`TOKENS = {}`) is there to be filled at run
        // time, by other functions: what it holds when this one runs is not known.
        if matches!(&v, Value::List(items) if items.is_empty())
            || matches!(&v, Value::Dict(items) if items.is_empty())
        {
            return AVal::Unknown;
        }
        if matches!(v, Value::Unknown) {
            // A module-level name of this module is not resolved to a qualified name.
            let qual = resolved
                .map(|r| r.qual.to_string())
                .or_else(|| match &e.kind {
                    ExprKind::Name(n) => matches!(
                        index.bindings_of(self.module, self.scope, n),
                        Some((ScopeRef::Module, _))
                    )
                    .then(|| format!("{}.{n}", index.module(self.module).name)),
                    _ => None,
                });
            if let Some(table) = qual.and_then(|q| self.module_table(&q)) {
                return table;
            }
        }
        self.config_value(v, e.span)
    }

    /// A module-level table of classes (`HANDLERS = {c.__name__: c for c in (A, B)}`,
    /// `[A, B]`), evaluated where it is defined: its elements are known classes.
    fn module_table(&self, qual: &str) -> Option<AVal> {
        if self.inline_depth > MAX_INLINE_DEPTH {
            return None;
        }
        let index = self.engine.index;
        let (owner, attr) = qual.rsplit_once('.')?;
        let module = index.module_by_name(owner)?;
        let (_, [flaskguard_index::semantic::Binding::Assign(value)]) =
            index.bindings_of(module.id, ScopeRef::Module, attr)?
        else {
            return None;
        };
        if !matches!(
            value.kind,
            ExprKind::Dict(_)
                | ExprKind::List(_)
                | ExprKind::Tuple(_)
                | ExprKind::Comprehension { .. }
        ) {
            return None;
        }
        let mut fx = FnCtx::new(self.engine, module.id, None, ScopeRef::Module, self.depth);
        // Tables of tables are not followed further.
        fx.inline_depth = MAX_INLINE_DEPTH + 1;
        let table = fx.eval(value);
        table.has_class().then_some(table)
    }

    /// The attributes an instance of project class `class` gets from its construction: a
    /// dataclass's fields (arguments by position and name, else the declared defaults), or
    /// what a small `__init__` stores in `self.x`. `None` when that is not understood
    /// (`**kwargs`, base classes that initialise too, a large `__init__`).
    fn constructed_fields(
        &mut self,
        class: &str,
        args: &[AVal],
        kwargs: &[(Option<&str>, AVal)],
    ) -> Option<Box<Fields>> {
        if self.inline_depth >= MAX_INLINE_DEPTH || kwargs.iter().any(|(k, _)| k.is_none()) {
            return None;
        }
        let index = self.engine.index;
        let (m, c) = index.project_class(class)?;
        let def = &index.module(m).classes[c.0 as usize];
        let is_dataclass = def.decorators.iter().any(|d| {
            let callee = match &d.kind {
                ExprKind::Call(call) => &call.func,
                _ => d,
            };
            index
                .resolve(m, def.parent, callee)
                .is_some_and(|r| r.qual == "dataclasses.dataclass")
        });
        if is_dataclass {
            // Only the class's own fields: inherited dataclass fields come first and are
            // not followed here.
            if !def.bases.is_empty() {
                return None;
            }
            let mut fields = Fields::new();
            let mut position = 0;
            for stmt in &def.body {
                let StmtKind::AnnAssign { target, value, .. } = &stmt.kind else {
                    continue;
                };
                let Some(name) = target.as_name() else {
                    continue;
                };
                let passed = kwargs
                    .iter()
                    .find(|(k, _)| *k == Some(name))
                    .map(|(_, v)| v.clone())
                    .or_else(|| args.get(position).cloned());
                position += 1;
                let v = match (passed, value) {
                    (Some(v), _) => v,
                    (None, Some(default)) => {
                        let value = index.eval(m, ScopeRef::Class(c), default);
                        if value.is_constant() {
                            AVal::Const(value)
                        } else {
                            AVal::Unknown
                        }
                    }
                    (None, None) => AVal::Unknown,
                };
                fields.push((name.to_string(), v));
            }
            return Some(Box::new(fields));
        }
        // A plain class: run its `__init__` with the arguments and keep `self.x`.
        let init = self.find_method(class, "__init__", 0)?;
        let (fm, fi) = init;
        let init_def = &index.module(fm).functions[fi.0 as usize];
        let mut size = 0;
        flaskguard_index::ir::walk_stmts(&init_def.body, &mut |_| size += 1);
        let calls_super = init_def.body.iter().any(|s| {
            matches!(&s.kind, StmtKind::Expr(e) if e.as_call().is_some_and(|c| {
                matches!(&c.func.kind, ExprKind::Attribute { value, .. } if value.as_call().is_some())
            }))
        });
        if size > INLINE_MAX_STATEMENTS || calls_super {
            return None;
        }
        let mut fx = self.child((fm, fi));
        let params = &init_def.params;
        let self_name = params.first()?.name.to_string();
        for (i, p) in params.iter().enumerate().skip(1) {
            let v = kwargs
                .iter()
                .find(|(k, _)| *k == Some(p.name.as_str()))
                .map(|(_, v)| v.clone())
                .or_else(|| args.get(i - 1).cloned())
                .unwrap_or(AVal::Unknown);
            fx.env.insert(p.name.to_string(), v);
        }
        fx.block(&init_def.body);
        let prefix = format!("{self_name}.");
        let fields: Fields = fx
            .env
            .into_iter()
            .filter_map(|(k, v)| {
                let attr = k.strip_prefix(&prefix)?;
                (!attr.contains('.')).then(|| (attr.to_string(), v))
            })
            .collect();
        Some(Box::new(fields))
    }

    /// The method `name` of a project class, looked up along its project base classes.
    fn find_method(&self, class: &str, name: &str, depth: usize) -> Option<(ModuleId, FuncIdx)> {
        let index = self.engine.index;
        if let Some(f) = index.project_function(&format!("{class}.{name}")) {
            return Some(f);
        }
        if depth > 8 {
            return None;
        }
        let (m, c) = index.project_class(class)?;
        let def = &index.module(m).classes[c.0 as usize];
        def.bases.iter().find_map(|b| {
            let base = index.resolve(m, def.parent, b)?;
            self.find_method(&base.qual, name, depth + 1)
        })
    }

    /// The values the project's INI files give `section.key`, as `method` reads them: one
    /// constant, any of several (a constant not known here), or unknown.
    fn ini_value(&self, method: &str, section: &AVal, key: Option<&AVal>) -> AVal {
        let (Some(Value::Str(section)), Some(Value::Str(key))) =
            (section.as_const(), key.and_then(AVal::as_const))
        else {
            return AVal::Unknown;
        };
        let found = crate::ini::values(self.engine.texts, section, key);
        match found.as_slice() {
            [] => AVal::Unknown,
            [one] => AVal::Const(crate::ini::convert(method, one)),
            _ => AVal::Const(Value::Unknown),
        }
    }

    /// A value the index evaluated: a constant; the serialization of constants (a constant
    /// too); a setting from the environment (the deployment's, not the client's: safe for
    /// every sink, but not a constant to fold); or unknown.
    fn config_value(&self, v: Value, span: Span) -> AVal {
        match v {
            v if v.is_constant() => AVal::Const(v),
            Value::Call { qual, args, .. }
                if matches!(
                    qual.as_str(),
                    "pickle.dumps"
                        | "json.dumps"
                        | "marshal.dumps"
                        | "yaml.dump"
                        | "yaml.safe_dump"
                ) && args.iter().all(Value::is_constant) =>
            {
                AVal::Const(Value::Str(String::new()))
            }
            Value::Env { .. } => {
                let mut t = Taint::source(self.step(span, "an environment variable"));
                t.sanitize(u32::MAX);
                AVal::Tainted(t)
            }
            _ => AVal::Unknown,
        }
    }

    fn binop(&self, l: &AVal, op: BinOp, r: &AVal, span: Span) -> AVal {
        match (l.taint(), r.taint()) {
            (None, None) => {
                if let (AVal::Const(a), AVal::Const(b)) = (l, r) {
                    let folded = fold::binop(a, op, b);
                    if let Some(v) = folded {
                        return AVal::Const(v);
                    }
                }
                if let (AVal::Seq(a), BinOp::Add, AVal::Seq(b)) = (l, op, r) {
                    return AVal::Seq(a.iter().chain(b).cloned().collect());
                }
                AVal::Unknown
            }
            (Some(a), Some(b)) => AVal::Tainted(
                a.merge(&b)
                    .with_step(self.step(span, "combined into a string")),
            ),
            (Some(t), None) | (None, Some(t)) => {
                // `"%s" % x` formats, `+` concatenates.
                let msg = if op == BinOp::Mod {
                    "formatted with `%`"
                } else {
                    "concatenated"
                };
                let mut t = t.with_step(self.step(span, msg));
                // `'value="' + html.escape(x, quote=False)`: the value can close the quote.
                if op == BinOp::Add
                    && let AVal::Const(Value::Str(prefix)) = l
                    && r.taint().is_some()
                    && (prefix.ends_with("=\"") || prefix.ends_with("='"))
                {
                    t.in_quoted_attribute();
                }
                // `"... = '" + name`: inside a single-quoted literal.
                if op == BinOp::Add
                    && let AVal::Const(Value::Str(prefix)) = l
                    && r.taint().is_some()
                    && inside_single_quotes(prefix)
                {
                    t.in_single_quotes();
                }
                // `"... = '%s'" % name`: the one placeholder inside a single-quoted literal.
                if op == BinOp::Mod
                    && let AVal::Const(Value::Str(format)) = l
                    && format.matches("%s").count() == 1
                    && format
                        .find("%s")
                        .is_some_and(|at| inside_single_quotes(&format[..at]))
                {
                    t.in_single_quotes();
                }
                // `"%d" % value`: only numbers come out of numeric conversions.
                if op == BinOp::Mod
                    && let AVal::Const(Value::Str(format)) = l
                    && numeric_only_format(format)
                {
                    t.sanitize(u32::MAX);
                }
                // A constant prefix that fixes the host (`"/search?q=" + x`,
                // `"https://api.example.com/" + x`) keeps the URL on that host.
                if let (AVal::Const(Value::Str(prefix)), true) = (l, r.taint().is_some())
                    && fixes_host(prefix)
                {
                    t.sanitize(Class::Redirect.bit() | Class::Ssrf.bit());
                }
                AVal::Tainted(t)
            }
        }
    }

    fn call(&mut self, e: &Expr, call: &Call) -> AVal {
        let index = self.engine.index;
        // Resolved once when the index was built (same scope, same expression).
        let callee = index.callee_of(self.module, e);
        let qual = callee.map_or("", |r| r.qual.as_str());
        let (receiver, method) = match &call.func.kind {
            ExprKind::Attribute { value, attr } => (Some(value.as_ref()), Some(attr.as_str())),
            _ => (None, None),
        };
        let recv_val = receiver.map(|r| self.eval(r));
        let args: Vec<AVal> = call.args.iter().map(|a| self.eval(a)).collect();
        let kwargs: Vec<(Option<&str>, AVal)> = call
            .keywords
            .iter()
            .map(|k| (k.arg.as_deref(), self.eval(&k.value)))
            .collect();

        // `resp.set_data(body)` replaces a response's body: the response is now that body.
        if method == Some("set_data")
            && let Some(place) = receiver.and_then(place_name)
        {
            let body = args
                .first()
                .or_else(|| kwargs.first().map(|(_, v)| v))
                .cloned()
                .unwrap_or(AVal::Unknown);
            let body = match body.taint() {
                Some(t) => AVal::Tainted(
                    t.with_step(self.step(e.span, format!("set as the body of `{place}`"))),
                ),
                None => body,
            };
            self.env.insert(place, body);
            return AVal::Const(Value::None);
        }
        // A class picked at run time (from a table, a config file, `getattr`): called, it
        // makes an instance of one of the candidates.
        let func_val = match &call.func.kind {
            ExprKind::Subscript { .. } | ExprKind::Call(_) => Some(self.eval(&call.func)),
            ExprKind::Name(n) => self.env.get(n.as_str()).cloned(),
            _ => None,
        };
        if let Some(AVal::Class(classes)) = func_val {
            let state = args
                .iter()
                .chain(kwargs.iter().map(|(_, v)| v))
                .fold(AVal::Unknown, |a, v| a.join(v));
            let fields = match classes.as_slice() {
                [one] => self.constructed_fields(one, &args, &kwargs),
                _ => None,
            };
            return AVal::Instance {
                classes,
                state: Box::new(state),
                fields,
            };
        }
        // A project class constructed: an instance of it (methods dispatch on its class,
        // also after it passed through a factory function).
        if !qual.is_empty() && !qual.contains('(') && index.project_class(qual).is_some() {
            let state = args
                .iter()
                .chain(kwargs.iter().map(|(_, v)| v))
                .fold(AVal::Unknown, |a, v| a.join(v));
            let fields = self.constructed_fields(qual, &args, &kwargs);
            return AVal::Instance {
                classes: vec![qual.to_string()],
                state: Box::new(state),
                fields,
            };
        }
        if matches!(
            qual,
            "configparser.ConfigParser"
                | "configparser.RawConfigParser"
                | "configparser.SafeConfigParser"
        ) {
            return AVal::Instance {
                classes: vec![CONFIG_PARSER.to_string()],
                state: Box::new(AVal::Unknown),
                fields: None,
            };
        }
        // `getattr(module, name)`: the class it names; for a name not known here, any
        // class of the module.
        if qual == "builtins.getattr"
            && let Some(obj) = call.args.first()
            && let Some(r) = index.resolve(self.module, self.scope, obj)
            && let Some(m) = index.module_by_name(&r.qual)
        {
            match args.get(1) {
                Some(AVal::Const(Value::Str(name))) => {
                    let q = format!("{}.{name}", r.qual);
                    if index.project_class(&q).is_some() {
                        return AVal::Class(vec![q]);
                    }
                    if let Some(table) = self.module_table(&q) {
                        return table;
                    }
                }
                Some(AVal::Const(_)) => {
                    let classes: Vec<String> = m
                        .classes
                        .iter()
                        .filter(|c| c.parent == ScopeRef::Module)
                        .map(|c| format!("{}.{}", r.qual, c.name))
                        .collect();
                    if !classes.is_empty() {
                        return AVal::Class(classes);
                    }
                }
                _ => {}
            }
        }

        self.check_sinks(e, call, qual, method, &args, &kwargs);
        if matches!(
            qual,
            "flask.Response"
                | "flask.make_response"
                | "werkzeug.wrappers.Response"
                | "flask.redirect"
        ) {
            let headers = kwargs
                .iter()
                .find(|(n, _)| *n == Some("headers"))
                .map(|(_, v)| v.clone())
                .or_else(|| {
                    (qual == "flask.make_response")
                        .then(|| args.get(2).cloned())
                        .flatten()
                });
            if let Some(h) = headers {
                self.header_values(&h, e.span);
            }
        }

        // A constant template that turns escaping off renders its variables raw.
        if qual == "flask.render_template_string"
            && let Some(AVal::Const(Value::Str(source))) = args.first()
            && (source.contains("autoescape false")
                || source.contains("|safe")
                || source.contains("| safe"))
        {
            for (name, v) in &kwargs {
                let sink = self.step(
                    e.span,
                    format!(
                        "rendered unescaped as `{}` (an HTML response)",
                        name.unwrap_or("context")
                    ),
                );
                self.push_verdict(self.module, e.span, Class::Xss, v);
                self.sink_value(Class::Xss, v, &sink);
            }
        }
        // pathlib: the path object itself is the sink of its file operations.
        if let (Some(m), Some(rv)) = (method, recv_val.as_ref())
            && matches!(
                m,
                "read_bytes"
                    | "read_text"
                    | "write_bytes"
                    | "write_text"
                    | "iterdir"
                    | "unlink"
                    | "rmdir"
                    | "touch"
                    | "mkdir"
                    | "rglob"
                    | "glob"
            )
        {
            let sink = self.step(
                e.span,
                format!("reaches `pathlib.Path.{m}` ({})", Class::Path.describe()),
            );
            self.push_verdict(self.module, e.span, Class::Path, rv);
            self.sink_value(Class::Path, rv, &sink);
        }
        // `re.sub("[{}%#]", "", x)` / `PATTERN.sub("", x)`: the class's characters are gone.
        if let Some(v) = self.removed_by_sub(call, qual, method, receiver, &args) {
            return v;
        }
        // Digests are hex strings, whatever they hash.
        if qual.starts_with("hashlib.") || qual.starts_with("hmac.") {
            let mut t = Taint::source(self.step(e.span, "digest"));
            t.sanitize(u32::MAX);
            return if args
                .iter()
                .chain(kwargs.iter().map(|(_, v)| v))
                .any(|v| v.taint().is_some())
            {
                AVal::Tainted(t)
            } else {
                AVal::Unknown
            };
        }
        // `session.setdefault("k", []).append(value)`: stored in the session too.
        if let (Some(m), Some(r)) = (method, receiver)
            && matches!(m, "append" | "extend" | "add" | "update" | "insert")
            && self
                .engine
                .index
                .resolve(self.module, self.scope, r)
                .is_some_and(|q| q.qual.starts_with("flask.session"))
        {
            let sink = self.step(e.span, format!("stored in `{}`", self.text(r.span)));
            for v in args.iter().chain(kwargs.iter().map(|(_, v)| v)) {
                self.push_verdict(self.module, e.span, Class::Trust, v);
                self.sink_value(Class::Trust, v, &sink);
            }
        }
        // Values of the `random` module: predictable, fine for anything but secrets.
        if let Some(function) = qual
            .strip_prefix("random.Random().")
            .or_else(|| qual.strip_prefix("random."))
            && matches!(
                function,
                "random"
                    | "randint"
                    | "randrange"
                    | "choice"
                    | "choices"
                    | "getrandbits"
                    | "sample"
                    | "uniform"
                    | "randbytes"
                    | "shuffle"
            )
        {
            return AVal::Tainted(Taint {
                origins: vec![(
                    Origin::Random(Arc::new(
                        self.step(e.span, format!("`{qual}` (not cryptographically secure)")),
                    )),
                    0,
                )],
                steps: Arc::new(Vec::new()),
            });
        }
        // Second order: a session value some view stored request data under.
        if matches!(
            qual,
            "flask.session.get" | "flask.session.pop" | "flask.session.setdefault"
        ) && let Some(AVal::Const(Value::Str(k))) = args.first()
            && self.engine.tainted_session_keys.contains(k)
        {
            return AVal::Tainted(Taint::source(self.step(
                e.span,
                format!("`session[{k:?}]` (request data stored in the session)"),
            )));
        }
        // The environment, key by key: `os.environ["K"] = v` earlier sets what
        // `os.environ.get("K")` reads.
        if qual == "os.environ.get" || qual == "os.getenv" {
            if let Some(AVal::Const(Value::Str(key))) = args.first()
                && let Some(v) = self.env.get(&format!("os.environ::{key}"))
            {
                return v.clone();
            }
            let v = index.eval(self.module, self.scope, e);
            return self.config_value(v, e.span);
        }
        // Request data read through a method: `request.args.get("x")`, `request.get_json()`.
        // (A method of a local variable is judged by the variable's value, not by what the
        // flow-insensitive index says the name was once bound to.)
        let local_receiver = receiver
            .and_then(root_place)
            .is_some_and(|p| self.env.contains_key(&p));
        // A method of a value read from the request (`request.args.get("x").replace(...)`)
        // is that method applied to request data, not a fresh read.
        let method_of_a_read = qual.contains("().");
        if !qual.is_empty() && !local_receiver && !method_of_a_read && self.engine.is_source(qual) {
            // `request.args.get("n", type=int)` converts (and drops invalid values).
            let converted = call
                .keyword("type")
                .and_then(|t| self.engine.index.resolve(self.module, self.scope, t))
                .is_some_and(|r| {
                    matches!(
                        r.qual.as_str(),
                        "builtins.int" | "builtins.float" | "builtins.bool" | "uuid.UUID"
                    )
                });
            if converted {
                let mut t = Taint::source(
                    self.step(e.span, format!("`{}` (request data)", self.text(e.span))),
                );
                t.sanitize(u32::MAX);
                return AVal::Tainted(t);
            }
            return AVal::Tainted(Taint::source(
                self.step(e.span, format!("`{}` (request data)", self.text(e.span))),
            ));
        }
        // Normalising a path resolves `..` (checked later by a prefix test).
        if matches!(
            qual,
            "os.path.realpath" | "os.path.abspath" | "os.path.normpath"
        ) || (method == Some("resolve")
            && recv_val.as_ref().is_some_and(|v| v.taint().is_some()))
        {
            let v = if method == Some("resolve") {
                recv_val.clone().unwrap_or(AVal::Unknown)
            } else {
                args.first().cloned().unwrap_or(AVal::Unknown)
            };
            return sanitized_for(v, NORMALIZED);
        }
        // Sanitizers.
        if let Some(&mask) = self.engine.spec.sanitizers.get(qual) {
            // `html.escape` escapes quotes unless `quote=False`; `cgi.escape` only with
            // `quote=True`.
            let mut mask = mask;
            if matches!(qual, "html.escape" | "cgi.escape") {
                let quote = args.get(1).or_else(|| {
                    kwargs
                        .iter()
                        .find(|(k, _)| *k == Some("quote"))
                        .map(|(_, v)| v)
                });
                let quotes_escaped = match quote {
                    Some(AVal::Const(v)) => v.truthy() != Some(false),
                    Some(_) => true,
                    None => qual == "html.escape",
                };
                if !quotes_escaped {
                    mask |= UNQUOTED;
                }
            }
            let v = args
                .first()
                .cloned()
                .or_else(|| kwargs.first().map(|(_, v)| v.clone()))
                .unwrap_or(AVal::Unknown);
            return match v.taint() {
                Some(mut t) => {
                    t.sanitize(mask);
                    AVal::Tainted(t)
                }
                None => AVal::Unknown,
            };
        }
        // A query's result is the database's data, not its parameters.
        let runs_sql = self
            .engine
            .spec
            .sinks_by_name
            .get(qual)
            .is_some_and(|rows| rows.iter().any(|r| r.class == Class::Sql))
            || method.is_some_and(|m| {
                (qual.is_empty() || qual.ends_with(&format!(".{m}")))
                    && index.project_function(qual).is_none()
                    && self
                        .engine
                        .spec
                        .sinks_by_method
                        .get(m)
                        .is_some_and(|rows| rows.iter().any(|r| r.class == Class::Sql))
            });
        if runs_sql {
            return AVal::Unknown;
        }
        // `f = lambda s: ...; f(x)`: evaluate the lambda's body with its parameters bound.
        if let ExprKind::Name(name) = &call.func.kind
            && let Some((_, [flaskguard_index::semantic::Binding::Assign(value)])) =
                self.engine.index.bindings_of(self.module, self.scope, name)
            && let ExprKind::Lambda { params, body } = &value.kind
            && self.inline_depth < MAX_INLINE_DEPTH
        {
            let saved = self.env.clone();
            for (p, v) in params.iter().zip(args.iter()) {
                self.env.insert(p.name.to_string(), v.clone());
            }
            self.inline_depth += 1;
            let result = self.eval(body);
            self.inline_depth -= 1;
            self.env = saved;
            return result;
        }
        // A response built from a body: the body's taint, unless a non-HTML type is set.
        if matches!(
            qual,
            "flask.make_response" | "flask.Response" | "werkzeug.wrappers.Response"
        ) {
            let body = kwargs
                .iter()
                .find(|(n, _)| *n == Some("response"))
                .map(|(_, v)| v.clone())
                .or_else(|| args.first().cloned())
                .unwrap_or(AVal::Unknown);
            let body = match body {
                // `make_response(body, status)` given as a tuple.
                AVal::Seq(items) if !items.is_empty() => items[0].clone(),
                other => other,
            };
            let mime = call
                .keyword("mimetype")
                .or_else(|| call.keyword("content_type"))
                .map(|m| self.engine.index.eval(self.module, self.scope, m));
            return match mime {
                Some(Value::Str(m)) if !m.contains("html") => sanitized_for(body, Class::Xss.bit()),
                _ => body,
            };
        }
        // Flask's response helpers build responses (or raise): their results are not
        // request strings, and what they do with their arguments is modelled as sinks.
        if qual.starts_with("flask.")
            && !qual.starts_with("flask.request")
            && !qual.starts_with("flask.session")
            && !qual.starts_with("flask.g.")
        {
            return AVal::Unknown;
        }
        // A method of an instance of a class picked at run time: each candidate's method.
        if let (
            Some(m),
            Some(
                instance @ AVal::Instance {
                    classes,
                    state,
                    fields,
                },
            ),
        ) = (method, recv_val.as_ref())
            && !is_config_class(classes)
        {
            // `self` is the instance itself where its attributes are known one by one.
            let receiver = if fields.is_some() { instance } else { &**state };
            let mut out: Option<AVal> = None;
            for c in classes {
                let v = match self.find_method(c, m, 0) {
                    Some(f) => self.apply_summary(e, call, f, true, Some(receiver), &args, &kwargs),
                    None => args
                        .iter()
                        .chain(kwargs.iter().map(|(_, v)| v))
                        .fold(AVal::tainted_like_opt(state.taint()), |a, v| a.join(v)),
                };
                out = Some(match out {
                    None => v,
                    Some(a) => a.join(&v),
                });
            }
            return out.unwrap_or(AVal::Unknown);
        }
        // Project functions: their summary (a method may come from a base class).
        let function = index.project_function(qual).or_else(|| {
            let (class, m) = qual.rsplit_once("().")?;
            (!class.contains('(')).then(|| self.find_method(class, m, 0))?
        });
        if let Some(f) = function {
            return self.apply_summary(
                e,
                call,
                f,
                receiver.is_some() || qual.contains("()."),
                recv_val.as_ref(),
                &args,
                &kwargs,
            );
        }
        // `os.path.join(...)` is a module function, not a method of a value.
        let module_function = receiver.is_some_and(|r| {
            place_name(r).is_none_or(|p| !self.env.contains_key(&p))
                && index.resolve(self.module, self.scope, r).is_some_and(|rq| {
                    !rq.qual.contains('(') && !rq.qual.contains('[') && rq.site.is_none()
                })
        });
        if let (Some(method), false) = (method, module_function)
            && let Some(v) = self.method_call(receiver, recv_val.as_ref(), method, &args, e.span)
        {
            return v;
        }
        if qual.starts_with("builtins.") && !qual.contains('(') {
            match qual {
                "builtins.str" | "builtins.repr" | "builtins.format" | "builtins.list"
                | "builtins.tuple" | "builtins.sorted" | "builtins.reversed" | "builtins.set"
                | "builtins.dict" | "builtins.bytes" | "builtins.iter" | "builtins.next"
                | "builtins.getattr" | "builtins.min" | "builtins.max" => {}
                // Builtins that compute a number, a bool or a type from their arguments
                // (`len`, `isinstance`, `hash`, …) return nothing an attacker chose.
                "builtins.len"
                | "builtins.isinstance"
                | "builtins.hash"
                | "builtins.id"
                | "builtins.type"
                | "builtins.callable"
                | "builtins.hasattr"
                | "builtins.ord"
                | "builtins.any"
                | "builtins.all"
                | "builtins.sum"
                | "builtins.abs"
                | "builtins.round"
                | "builtins.range"
                | "builtins.enumerate"
                | "builtins.print" => {
                    return AVal::Unknown;
                }
                // Other builtins and their methods (`bytes.fromhex`, `chr`, …) carry their
                // inputs' taint (below).
                _ => {
                    if derived_from_constants(None, &args, &kwargs) {
                        return AVal::Const(Value::Unknown);
                    }
                }
            }
            if qual == "builtins.str"
                && let Some(AVal::Const(v)) = args.first()
            {
                return AVal::Const(match v {
                    Value::Int(i) => Value::Str(i.to_string()),
                    other => other.clone(),
                });
            }
        }
        // Anything else: the result carries the taint of its inputs.
        let mut taint: Option<Taint> = recv_val.as_ref().and_then(AVal::taint);
        for v in args.iter().chain(kwargs.iter().map(|(_, v)| v)) {
            if let Some(t) = v.taint() {
                taint = Some(taint.map_or(t.clone(), |a| a.merge(&t)));
            }
        }
        match taint {
            Some(t) => AVal::Tainted(t),
            // (A module is not an input of its functions: `io.BytesIO(b"...")`.)
            None if derived_from_constants(
                if module_function {
                    None
                } else {
                    recv_val.as_ref()
                },
                &args,
                &kwargs,
            ) =>
            {
                AVal::Const(Value::Unknown)
            }
            None => AVal::Unknown,
        }
    }

    /// Methods of builtin containers and strings, and mutations of local containers.
    fn method_call(
        &mut self,
        receiver: Option<&Expr>,
        recv: Option<&AVal>,
        method: &str,
        args: &[AVal],
        span: Span,
    ) -> Option<AVal> {
        let recv = recv?;
        let place = receiver.and_then(place_name);
        // configparser: values are kept per (section, key).
        // A section (`parser["s"]`) reads its keys from the INI files.
        if let AVal::Instance { classes, state, .. } = recv
            && classes.iter().any(|c| c == CONFIG_SECTION)
            && matches!(method, "get" | "getint" | "getboolean")
        {
            return Some(self.ini_value(method, state, args.first()));
        }
        let is_config = matches!(recv, AVal::Instance { classes, .. } if is_config_class(classes))
            || receiver.is_some_and(|r| {
                self.engine
                    .index
                    .resolve(self.module, self.scope, r)
                    .is_some_and(|q| q.qual.starts_with("configparser."))
            });
        if is_config && place.is_none() && matches!(method, "get" | "getint" | "getboolean") {
            return Some(self.ini_value(method, args.first()?, args.get(1)));
        }
        if is_config && let Some(name) = &place {
            let key = |a: Option<&AVal>, b: Option<&AVal>| match (
                a.and_then(AVal::as_const),
                b.and_then(AVal::as_const),
            ) {
                (Some(Value::Str(sec)), Some(Value::Str(k))) => {
                    Some(format!("{name}::{sec}::{}", k.to_ascii_lowercase()))
                }
                _ => None,
            };
            match method {
                "set" => {
                    if let (Some(k), Some(v)) = (key(args.first(), args.get(1)), args.get(2)) {
                        self.env.insert(k, v.clone());
                    }
                    return Some(AVal::Const(Value::None));
                }
                "get" | "getint" | "getboolean" => {
                    return Some(match key(args.first(), args.get(1)) {
                        Some(k) => match self.env.get(&k) {
                            Some(v) => v.clone(),
                            None => self.ini_value(method, &args[0], args.get(1)),
                        },
                        None => AVal::Unknown,
                    });
                }
                _ => {}
            }
        }
        match method {
            "write" | "writelines" if place.is_some() => {
                let name = place?;
                let cur = self.env.get(&name).cloned().unwrap_or(AVal::Unknown);
                if let Some(v) = args.first()
                    && v.taint().is_some()
                {
                    self.env.insert(name, cur.join(v));
                }
                Some(AVal::Unknown)
            }
            "join"
                if matches!(recv, AVal::Const(Value::Str(_)))
                    && matches!(args.first(), Some(AVal::Seq(items)) if items.iter().all(|i| matches!(i, AVal::Const(Value::Str(_))))) =>
            {
                let (AVal::Const(Value::Str(sep)), Some(AVal::Seq(items))) = (recv, args.first())
                else {
                    return None;
                };
                let parts: Vec<&str> = items
                    .iter()
                    .filter_map(|i| match i {
                        AVal::Const(Value::Str(s)) => Some(s.as_str()),
                        _ => None,
                    })
                    .collect();
                Some(AVal::Const(Value::Str(parts.join(sep))))
            }
            "append" | "add" => {
                let name = place?;
                let cur = self.env.get(&name).cloned().unwrap_or(AVal::Unknown);
                let new = match (cur, args.first()) {
                    (AVal::Seq(mut items), Some(v)) => {
                        items.push(v.clone());
                        AVal::Seq(items)
                    }
                    (cur, Some(v)) => cur.join(v),
                    (cur, None) => cur,
                };
                self.env.insert(name, new);
                Some(AVal::Const(Value::None))
            }
            // Position-exact list updates: `insert(i, x)`, `extend([...])`, `remove(x)`.
            "insert"
                if matches!(recv, AVal::Seq(_))
                    && matches!(args.first(), Some(AVal::Const(Value::Int(_))))
                    && args.len() == 2 =>
            {
                let name = place?;
                let (AVal::Seq(mut items), Some(AVal::Const(Value::Int(i)))) =
                    (recv.clone(), args.first())
                else {
                    return None;
                };
                let len = i64::try_from(items.len()).unwrap_or(i64::MAX);
                let at = if *i < 0 {
                    (len + i).max(0)
                } else {
                    (*i).min(len)
                };
                items.insert(usize::try_from(at).unwrap_or(0), args[1].clone());
                self.env.insert(name, AVal::Seq(items));
                Some(AVal::Const(Value::None))
            }
            "extend" if matches!((recv, args.first()), (AVal::Seq(_), Some(AVal::Seq(_)))) => {
                let name = place?;
                let (AVal::Seq(mut items), Some(AVal::Seq(more))) = (recv.clone(), args.first())
                else {
                    return None;
                };
                items.extend(more.iter().cloned());
                self.env.insert(name, AVal::Seq(items));
                Some(AVal::Const(Value::None))
            }
            "remove" if matches!(recv, AVal::Seq(_)) => {
                let name = place?;
                let AVal::Seq(mut items) = recv.clone() else {
                    return None;
                };
                // The first element equal to a constant, when every element before it is a
                // different constant; otherwise the list is one element shorter, which one
                // not known (the elements' join).
                let at = match args.first() {
                    Some(AVal::Const(v)) if v.is_constant() => items
                        .iter()
                        .position(|x| x.as_const() == Some(v))
                        .filter(|&p| {
                            items[..p]
                                .iter()
                                .all(|x| matches!(x, AVal::Const(c) if c.is_constant()))
                        }),
                    _ => None,
                };
                let new = match at {
                    Some(p) => {
                        items.remove(p);
                        AVal::Seq(items)
                    }
                    None => element_of(&AVal::Seq(items)),
                };
                self.env.insert(name, new);
                Some(AVal::Const(Value::None))
            }
            "extend" | "update" | "insert" | "setdefault" => {
                let name = place?;
                let cur = self.env.get(&name).cloned().unwrap_or(AVal::Unknown);
                let added = args.iter().fold(AVal::Unknown, |a, v| a.join(v));
                if method == "update"
                    && let (AVal::Map(mut items), Some(AVal::Map(new))) =
                        (cur.clone(), args.first())
                {
                    for (k, v) in new {
                        match items.iter_mut().find(|(ik, _)| ik == k) {
                            Some((_, ov)) => *ov = v.clone(),
                            None => items.push((k.clone(), v.clone())),
                        }
                    }
                    self.env.insert(name, AVal::Map(items));
                    return Some(AVal::Const(Value::None));
                }
                let new = match added.taint() {
                    Some(_) => cur.join(&added),
                    None => cur,
                };
                self.env.insert(name, new.clone());
                Some(if method == "setdefault" {
                    element_of(&new)
                } else {
                    AVal::Const(Value::None)
                })
            }
            "pop" if matches!(recv, AVal::Seq(_)) => {
                let AVal::Seq(mut items) = recv.clone() else {
                    return None;
                };
                let index = match args.first().and_then(AVal::as_const) {
                    None => items.len().checked_sub(1),
                    Some(Value::Int(i)) if *i >= 0 => usize::try_from(*i).ok(),
                    Some(Value::Int(i)) => items.len().checked_sub(usize::try_from(-*i).ok()?),
                    _ => None,
                };
                let Some(index) = index.filter(|i| *i < items.len()) else {
                    return Some(element_of(recv));
                };
                let removed = items.remove(index);
                if let Some(name) = place {
                    self.env.insert(name, AVal::Seq(items));
                }
                Some(removed)
            }
            "get" | "pop" => match (recv, args.first().and_then(AVal::as_const)) {
                (AVal::Map(items), Some(Value::Str(k))) => {
                    Some(items.iter().find(|(ik, _)| ik == k).map_or_else(
                        || args.get(1).cloned().unwrap_or(AVal::Const(Value::None)),
                        |(_, v)| v.clone(),
                    ))
                }
                (AVal::Const(Value::Dict(items)), Some(k)) => {
                    Some(items.iter().find(|(ik, _)| ik == k).map_or_else(
                        || args.get(1).cloned().unwrap_or(AVal::Const(Value::None)),
                        |(_, v)| AVal::Const(v.clone()),
                    ))
                }
                // A key not known here: any of the values, or the default.
                (AVal::Const(Value::Dict(items)), _) => {
                    let default = args.get(1).cloned().unwrap_or(AVal::Const(Value::None));
                    Some(
                        items
                            .iter()
                            .fold(default, |acc, (_, v)| acc.join(&AVal::Const(v.clone()))),
                    )
                }
                (AVal::Map(items), _) => {
                    let default = args.get(1).cloned().unwrap_or(AVal::Const(Value::None));
                    Some(items.iter().fold(default, |acc, (_, v)| acc.join(v)))
                }
                (AVal::Const(_), _) => Some(AVal::Unknown),
                // A container not known here (a cache filled elsewhere): what it holds under
                // any key, or the default. The key chooses; it is not the value.
                (AVal::Unknown, _) => Some(
                    args.get(1)
                        .map_or(AVal::Unknown, |default| AVal::Unknown.join(default)),
                ),
                (r, _) => r.taint().map(AVal::Tainted),
            },
            // Constant folding of string predicates.
            "startswith" | "endswith"
                if matches!(recv, AVal::Const(Value::Str(_)))
                    && matches!(args.first(), Some(AVal::Const(Value::Str(_)))) =>
            {
                let (AVal::Const(Value::Str(s)), Some(AVal::Const(Value::Str(p)))) =
                    (recv, args.first())
                else {
                    return None;
                };
                let b = if method == "startswith" {
                    s.starts_with(p.as_str())
                } else {
                    s.ends_with(p.as_str())
                };
                Some(AVal::Const(Value::Bool(b)))
            }
            // SQLAlchemy bound parameters: the statement's text stays what it was.
            "bindparams" | "params" | "execution_options" => Some(recv.clone()),
            // Predicates and numbers: never strings an attacker controls.
            "isdigit" | "isdecimal" | "isnumeric" | "isalnum" | "isalpha" | "isidentifier"
            | "startswith" | "endswith" | "count" | "find" | "rfind" | "index" | "__len__"
            | "__contains__" => Some(AVal::Unknown),
            "format" if receiver.is_some_and(|r| self.is_markup(r)) => {
                let t = args
                    .iter()
                    .filter_map(AVal::taint)
                    .reduce(|a, b| a.merge(&b));
                Some(t.map_or(AVal::Unknown, |t| {
                    sanitized_for(AVal::Tainted(t), Class::Xss.bit())
                }))
            }
            "format" => {
                let mut taint = recv.taint();
                for a in args {
                    if let Some(t) = a.taint() {
                        taint = Some(taint.map_or(t.clone(), |x| x.merge(&t)));
                    }
                }
                Some(match taint {
                    Some(t) => {
                        AVal::Tainted(t.with_step(self.step(span, "formatted with `str.format`")))
                    }
                    None => AVal::Unknown,
                })
            }
            "join" => {
                let t = args.first().and_then(AVal::taint).or_else(|| recv.taint());
                Some(t.map_or(AVal::Unknown, |t| {
                    AVal::Tainted(t.with_step(self.step(span, "joined into a string")))
                }))
            }
            "strip" | "lstrip" | "rstrip" | "lower" | "upper" | "title" | "capitalize"
            | "casefold" | "replace" | "encode" | "decode" | "split" | "rsplit" | "splitlines"
            | "partition" | "zfill" | "ljust" | "rjust" | "center" | "expandtabs" | "swapcase"
            | "removeprefix" | "removesuffix" | "copy" | "items" | "keys" | "values"
            | "to_dict" | "getlist" | "lists" | "read" | "readlines" | "getvalue" => match recv {
                AVal::Const(Value::Str(s)) if method == "lower" => {
                    Some(AVal::Const(Value::Str(s.to_lowercase())))
                }
                AVal::Const(Value::Str(s)) if method == "upper" => {
                    Some(AVal::Const(Value::Str(s.to_uppercase())))
                }
                AVal::Const(Value::Str(s)) if method == "strip" && args.is_empty() => {
                    Some(AVal::Const(Value::Str(s.trim().to_string())))
                }
                // Encoding a constant keeps it a constant (bytes and text alike here).
                AVal::Const(Value::Str(s)) if matches!(method, "encode" | "decode") => {
                    Some(AVal::Const(Value::Str(s.clone())))
                }
                AVal::Const(Value::Str(s)) if method == "replace" => {
                    match (args.first(), args.get(1)) {
                        (Some(AVal::Const(Value::Str(a))), Some(AVal::Const(Value::Str(b)))) => {
                            Some(AVal::Const(Value::Str(s.replace(a.as_str(), b))))
                        }
                        _ => Some(AVal::Unknown),
                    }
                }
                AVal::Const(_) => Some(AVal::Unknown),
                AVal::Map(items) if method == "values" || method == "items" => {
                    Some(AVal::Seq(items.iter().map(|(_, v)| v.clone()).collect()))
                }
                AVal::Map(items) if method == "keys" => Some(AVal::Seq(
                    items
                        .iter()
                        .map(|(k, _)| AVal::Const(Value::Str(k.clone())))
                        .collect(),
                )),
                // `x.replace("'", "&apos;")`: the result holds no `'` any more.
                AVal::Tainted(t) if method == "replace" => {
                    let mut t = t.clone();
                    if let (Some(AVal::Const(Value::Str(old))), Some(AVal::Const(Value::Str(new)))) =
                        (args.first(), args.get(1))
                        && old.chars().count() == 1
                    {
                        let c = old.chars().next().unwrap_or_default();
                        if !new.contains(c) {
                            t.sanitize(regex_guard::absent_char_mask(c));
                        }
                    }
                    Some(AVal::Tainted(t))
                }
                other => other.taint().map(AVal::Tainted).or(Some(AVal::Unknown)),
            },
            _ => None,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn apply_summary(
        &mut self,
        e: &Expr,
        call: &Call,
        f: (ModuleId, FuncIdx),
        bound: bool,
        receiver: Option<&AVal>,
        args: &[AVal],
        kwargs: &[(Option<&str>, AVal)],
    ) -> AVal {
        let (fm, fi) = f;
        let def = &self.engine.index.module(fm).functions[fi.0 as usize];
        let is_method = matches!(def.parent, ScopeRef::Class(_));
        let shift = usize::from(
            is_method
                && bound
                && def
                    .params
                    .first()
                    .is_some_and(|p| p.name == "self" || p.name == "cls"),
        );
        // Map each parameter to the value passed.
        let mut param_vals: Vec<AVal> = vec![AVal::Unknown; def.params.len()];
        if shift == 1
            && let (Some(slot), Some(r)) = (param_vals.first_mut(), receiver)
        {
            *slot = r.clone();
        }
        for (i, v) in args.iter().enumerate() {
            if let Some(slot) = param_vals.get_mut(i + shift) {
                *slot = v.clone();
            }
        }
        for (name, v) in kwargs {
            if let Some(name) = name
                && let Some(pi) = def.params.iter().position(|p| p.name == *name)
            {
                param_vals[pi] = v.clone();
            }
        }
        let _ = call;
        // Nested functions (closures over this function's variables) and small helpers are
        // analysed at the call site with the actual arguments: full context sensitivity
        // (`pick(items, 0)` picks the element) where it is cheap.
        let nested = fm == self.module
            && def.parent == self.scope
            && matches!(self.scope, ScopeRef::Function(_));
        let mut size = 0;
        flaskguard_index::ir::walk_stmts(&def.body, &mut |_| size += 1);
        if (nested || size <= INLINE_MAX_STATEMENTS) && self.inline_depth < MAX_INLINE_DEPTH {
            let mut fx = self.child((fm, fi));
            if nested {
                fx.env = self.env.clone();
            }
            let call_step = self.step(e.span, format!("passed to `{}()`", def.name));
            for (p, v) in def.params.iter().zip(param_vals) {
                let v = match v {
                    AVal::Tainted(t) => AVal::Tainted(t.with_step(call_step.clone())),
                    other => other,
                };
                fx.env.insert(p.name.to_string(), v);
            }
            fx.block(&def.body);
            self.flows.append(&mut fx.flows);
            self.param_sinks.append(&mut fx.param_sinks);
            self.param_verdicts.append(&mut fx.param_verdicts);
            self.verdicts.append(&mut fx.verdicts);
            self.dead_code.append(&mut fx.dead_code);
            self.session_keys.append(&mut fx.session_keys);
            return fx.returns.unwrap_or(AVal::Unknown);
        }
        let summary = self.engine.summary(f, self.depth + 1);
        let call_step = self.step(e.span, format!("passed to `{}()`", def.name));
        // Sinks inside the callee fed only by parameters: judged by what is passed here.
        for &(p, m, span, class) in &summary.param_verdicts {
            let v = param_vals.get(p as usize).cloned().unwrap_or(AVal::Unknown);
            self.push_verdict(m, span, class, &v);
        }
        // Parameters that reach sinks inside the callee.
        for ps in &summary.param_sinks {
            let Some(v) = param_vals.get(ps.param as usize) else {
                continue;
            };
            let Some(t) = v.taint() else { continue };
            if t.is_safe_for(ps.class) {
                continue;
            }
            let mut steps = t.steps.to_vec();
            steps.push(call_step.clone());
            steps.extend(ps.steps.iter().cloned());
            self.record(
                ps.class,
                &Taint {
                    origins: t.origins.clone(),
                    steps: Arc::new(steps),
                },
                &ps.sink,
            );
        }
        // The returned value.
        let Some(ret) = &summary.returns else {
            return AVal::Unknown;
        };
        substitute(ret, &param_vals, &call_step)
    }

    fn check_sinks(
        &mut self,
        e: &Expr,
        call: &Call,
        qual: &str,
        method: Option<&str>,
        args: &[AVal],
        kwargs: &[(Option<&str>, AVal)],
    ) {
        let spec = self.engine.spec;
        let by_name = spec.sinks_by_name.get(qual);
        // A method of the project's own classes is analysed from its body instead.
        let by_method = match (by_name, method) {
            (None, Some(m))
                if (qual.is_empty() || qual.ends_with(&format!(".{m}")))
                    && self.engine.index.project_function(qual).is_none() =>
            {
                spec.sinks_by_method.get(m)
            }
            _ => None,
        };
        let rows: Vec<&SinkRow> = by_name
            .into_iter()
            .flatten()
            .chain(by_method.into_iter().flatten())
            .collect();
        if rows.is_empty() {
            return;
        }
        for row in rows {
            if let Some(r) = &row.receiver
                && r == "xml"
                && !(qual.starts_with("lxml") || qual.starts_with("xml."))
            {
                continue;
            }
            let value = row
                .keyword
                .as_deref()
                .and_then(|k| {
                    kwargs
                        .iter()
                        .find(|(n, _)| *n == Some(k))
                        .map(|(_, v)| v.clone())
                })
                .or_else(|| {
                    let pos = row.arg?;
                    // Positions after a `*spread` are unknown.
                    if call
                        .args
                        .iter()
                        .take(pos + 1)
                        .any(|a| matches!(a.kind, ExprKind::Starred(_)))
                    {
                        return None;
                    }
                    args.get(pos).cloned()
                });
            let Some(value) = value else { continue };
            let value = match row.mode {
                SinkMode::Plain => value,
                SinkMode::Program => {
                    let shell = call
                        .keyword("shell")
                        .map(|s| self.engine.index.eval(self.module, self.scope, s));
                    if shell.as_ref().and_then(Value::truthy) == Some(true) {
                        value
                    } else {
                        match &value {
                            // `["/bin/sh", "-c", command]`: a shell runs the third element.
                            AVal::Seq(items)
                                if matches!(items.first(), Some(AVal::Const(Value::Str(p))) if is_shell(p))
                                    && matches!(items.get(1), Some(AVal::Const(Value::Str(f))) if f == "-c" || f.eq_ignore_ascii_case("/c")) =>
                            {
                                items.get(2).cloned().unwrap_or(AVal::Unknown)
                            }
                            AVal::Seq(items) => items.first().cloned().unwrap_or(AVal::Unknown),
                            other => other.clone(),
                        }
                    }
                }
                SinkMode::Html => {
                    let mime = call
                        .keyword("mimetype")
                        .or_else(|| call.keyword("content_type"))
                        .map(|m| self.engine.index.eval(self.module, self.scope, m));
                    match mime {
                        Some(Value::Str(m)) if !m.contains("html") => continue,
                        _ => value,
                    }
                }
                SinkMode::Yaml => {
                    let loader = call.keyword("Loader").or_else(|| call.args.get(1));
                    let safe = loader
                        .and_then(|l| self.engine.index.resolve(self.module, self.scope, l))
                        .is_some_and(|r| {
                            matches!(
                                r.qual.as_str(),
                                "yaml.SafeLoader"
                                    | "yaml.CSafeLoader"
                                    | "yaml.BaseLoader"
                                    | "yaml.CBaseLoader"
                            )
                        });
                    if safe {
                        self.verdicts
                            .push((self.module, e.span, row.class, Verdict::Sanitized));
                        continue;
                    }
                    // No Loader: PyYAML before 5.1 loads arbitrary objects by default.
                    value
                }
            };
            let label = if qual.is_empty() {
                method.unwrap_or("call").to_string()
            } else {
                qual.to_string()
            };
            let sink = self.step(
                e.span,
                format!("reaches `{label}` ({})", row.class.describe()),
            );
            self.push_verdict(self.module, e.span, row.class, &value);
            self.sink_value(row.class, &value, &sink);
        }
    }

    /// The URL rule of the route this function handles, when the rule has no parameters:
    /// `request.path` is then that constant.
    fn fixed_rule(&self) -> Option<String> {
        let ScopeRef::Function(f) = self.scope else {
            return None;
        };
        let rules = self.engine.fixed_rules.get(&(self.module, f))?;
        match rules.as_slice() {
            [rule] if !rule.contains('<') => Some(rule.clone()),
            _ => None,
        }
    }

    /// Whether `e` builds a `markupsafe.Markup` (whose `%` and `format` escape).
    fn is_markup(&self, e: &Expr) -> bool {
        e.as_call().is_some_and(|c| {
            self.engine
                .index
                .callee_of(self.module, e)
                .is_some_and(|r| r.qual == "markupsafe.Markup")
                && !c.args.is_empty()
        })
    }

    /// Response headers built from request data: `Location` is a redirect; any other
    /// header takes CR/LF (response splitting, where the server does not reject them).
    fn header_values(&mut self, headers: &AVal, span: Span) {
        let AVal::Map(items) = headers else { return };
        for (name, value) in items {
            let class = if name.eq_ignore_ascii_case("location") {
                Class::Redirect
            } else {
                Class::Header
            };
            let sink = self.step(
                span,
                format!(
                    "reaches the `{name}` response header ({})",
                    class.describe()
                ),
            );
            self.push_verdict(self.module, span, class, value);
            self.sink_value(class, value, &sink);
        }
    }

    /// Records what reaches a sink; values that come only from parameters are judged where
    /// the function is called.
    fn push_verdict(&mut self, module: ModuleId, span: Span, class: Class, value: &AVal) {
        if let Some(t) = value.taint()
            && !t.is_safe_for(class)
            && t.origins.iter().all(|(o, _)| matches!(o, Origin::Param(_)))
        {
            for (o, mask) in &t.origins {
                if let Origin::Param(p) = o
                    && mask & class.bit() == 0
                {
                    self.param_verdicts.push((*p, module, span, class));
                }
            }
            return;
        }
        self.verdicts
            .push((module, span, class, verdict_of(value, class)));
    }

    fn sink_value(&mut self, class: Class, value: &AVal, sink: &Step) {
        let Some(t) = value.taint() else { return };
        if t.is_safe_for(class) {
            return;
        }
        self.record(class, &t, sink);
    }

    fn record(&mut self, class: Class, t: &Taint, sink: &Step) {
        for (o, mask) in &t.origins {
            if mask & class.bit() != 0 {
                continue;
            }
            match o {
                // Request data reaches every kind of sink but `Secret`; random values only
                // `Secret` (a token, a session or cookie value).
                Origin::Source(_) if class == Class::Secret => {}
                Origin::Random(_) if class != Class::Secret => {}
                Origin::Source(s) | Origin::Random(s) => self.flows.push(Flow {
                    class,
                    source: s.clone(),
                    steps: t.steps.to_vec(),
                    sink: sink.clone(),
                }),
                Origin::Param(p) => self.param_sinks.push(ParamSink {
                    param: *p,
                    class,
                    steps: t.steps.to_vec(),
                    sink: sink.clone(),
                }),
            }
        }
    }
}

impl AVal {
    fn tainted_like_opt(t: Option<Taint>) -> AVal {
        t.map_or(AVal::Unknown, AVal::tainted_like)
    }
}

/// The value with its taint made safe for `mask`.
fn sanitized_for(v: AVal, mask: u32) -> AVal {
    match v.taint() {
        Some(mut t) => {
            t.sanitize(mask);
            AVal::Tainted(t)
        }
        None => v,
    }
}

/// A call whose every input is a constant (and that has at least one): its result is not
/// known, but nothing an attacker controls went into it.
fn derived_from_constants(
    receiver: Option<&AVal>,
    args: &[AVal],
    kwargs: &[(Option<&str>, AVal)],
) -> bool {
    let inputs: Vec<&AVal> = receiver
        .into_iter()
        .chain(args.iter())
        .chain(kwargs.iter().map(|(_, v)| v))
        .collect();
    !inputs.is_empty()
        && inputs
            .iter()
            .all(|v| matches!(v, AVal::Const(_) | AVal::Class(_)))
}

/// The variable a receiver chain starts from (`a` in `a.b(c).d`).
fn root_place(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Name(n) => Some(n.to_string()),
        ExprKind::Attribute { value, .. } | ExprKind::Subscript { value, .. } => root_place(value),
        ExprKind::Call(call) => root_place(&call.func),
        _ => None,
    }
}

/// A shell program (`sh`, `/bin/bash`, `cmd.exe`, …).
fn is_shell(program: &str) -> bool {
    let name = program
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(program)
        .to_ascii_lowercase();
    matches!(
        name.as_str(),
        "sh" | "bash"
            | "zsh"
            | "dash"
            | "ksh"
            | "cmd"
            | "cmd.exe"
            | "powershell"
            | "powershell.exe"
            | "pwsh"
    )
}

/// Whether a span lies in code that never runs.
pub fn in_dead_code(dead: &[(ModuleId, Span)], module: ModuleId, span: Span) -> bool {
    dead.iter()
        .any(|(m, d)| *m == module && d.start <= span.start && span.end <= d.end)
}

/// What a value at a sink of `class` is.
fn verdict_of(value: &AVal, class: Class) -> Verdict {
    match value.taint() {
        Some(t) if t.is_safe_for(class) => Verdict::Sanitized,
        Some(t)
            if t.origins
                .iter()
                .any(|(o, m)| matches!(o, Origin::Source(_)) && m & class.bit() == 0) =>
        {
            Verdict::Tainted
        }
        Some(_) => Verdict::Clean,
        None => {
            fn constant(v: &AVal) -> bool {
                match v {
                    AVal::Const(_) | AVal::Class(_) => true,
                    AVal::Seq(items) => items.iter().all(constant),
                    AVal::Map(items) => items.iter().all(|(_, v)| constant(v)),
                    AVal::Unknown | AVal::Tainted(_) | AVal::Instance { .. } => false,
                }
            }
            if constant(value) {
                Verdict::Const
            } else {
                Verdict::Clean
            }
        }
    }
}

/// Replaces `Param` origins in a callee's return value with the arguments' taint.
fn substitute(ret: &AVal, params: &[AVal], call_step: &Step) -> AVal {
    match ret {
        AVal::Tainted(t) => {
            let mut out: Option<Taint> = None;
            for (o, mask) in &t.origins {
                let piece = match o {
                    Origin::Source(_) | Origin::Random(_) => Some(Taint {
                        origins: vec![(o.clone(), *mask)],
                        steps: t.steps.clone(),
                    }),
                    Origin::Param(p) => {
                        params.get(*p as usize).and_then(AVal::taint).map(|mut pt| {
                            pt.sanitize(*mask);
                            pt.with_step(call_step.clone())
                        })
                    }
                };
                if let Some(piece) = piece {
                    out = Some(out.map_or(piece.clone(), |a| a.merge(&piece)));
                }
            }
            out.map_or(AVal::Unknown, AVal::Tainted)
        }
        AVal::Seq(items) => AVal::Seq(
            items
                .iter()
                .map(|i| substitute(i, params, call_step))
                .collect(),
        ),
        AVal::Map(items) => AVal::Map(
            items
                .iter()
                .map(|(k, v)| (k.clone(), substitute(v, params, call_step)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// The value of one element of a container (or of iterating over it).
fn element_of(v: &AVal) -> AVal {
    match v {
        AVal::Seq(items) => items.iter().fold(AVal::Unknown, |a, i| {
            if matches!(a, AVal::Unknown) {
                i.clone()
            } else {
                a.join(i)
            }
        }),
        AVal::Map(items) => items.iter().fold(AVal::Unknown, |a, (k, _)| {
            a.join(&AVal::Const(Value::Str(k.clone())))
        }),
        AVal::Tainted(t) => AVal::Tainted(t.clone()),
        _ => AVal::Unknown,
    }
}

/// Whether a URL prefix already fixes the host: a path (`/x`, not `//x` or `/\\x`), or
/// `scheme://host/` with the path started.
fn fixes_host(prefix: &str) -> bool {
    if let Some(rest) = prefix.strip_prefix('/') {
        return !rest.is_empty() && !rest.starts_with('/') && !rest.starts_with('\\');
    }
    match prefix.split_once("://") {
        Some((scheme, rest)) => {
            scheme.chars().all(|c| c.is_ascii_alphabetic())
                && rest
                    .find('/')
                    .is_some_and(|i| i > 0 && !rest[..i].contains('@'))
        }
        None => false,
    }
}

/// A `%` format string whose every conversion is numeric (`%d`, `%i`, `%f`, …).
fn numeric_only_format(format: &str) -> bool {
    let mut conversions = 0;
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            continue;
        }
        // Flags, width and precision.
        let mut spec = None;
        for d in chars.by_ref() {
            if d.is_ascii_alphabetic() || d == '%' {
                spec = Some(d);
                break;
            }
        }
        match spec {
            Some('%') => {}
            Some('d' | 'i' | 'u' | 'f' | 'F' | 'e' | 'E' | 'g' | 'G' | 'x' | 'X' | 'o') => {
                conversions += 1;
            }
            _ => return false,
        }
    }
    conversions > 0
}

/// A `case` pattern made only of literal values (`"a"`, `"a" | "b"`).
fn pattern_is_literal(kind: &PatternKind) -> bool {
    match kind {
        PatternKind::Value(e) | PatternKind::Singleton(e) => e.is_literal(),
        PatternKind::Or(items) => items.iter().all(|p| pattern_is_literal(&p.kind)),
        PatternKind::As { .. } | PatternKind::Other { .. } => false,
    }
}

/// The parts of a parsed URL that name the host.
fn is_host_part(attr: &str) -> bool {
    matches!(attr, "netloc" | "hostname" | "host")
}

/// `x`, `self.x`, `obj.attr.sub`: a place the environment tracks.
fn place_name(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Name(n) => Some(n.to_string()),
        ExprKind::Attribute { value, attr } => place_name(value).map(|b| format!("{b}.{attr}")),
        _ => None,
    }
}

fn compare(l: &AVal, op: CmpOp, r: &AVal) -> Option<bool> {
    // A value derived from constants but not itself known compares to nothing.
    if matches!(l, AVal::Const(Value::Unknown)) || matches!(r, AVal::Const(Value::Unknown)) {
        return None;
    }
    match (l, r) {
        (AVal::Const(a), AVal::Const(b)) => fold::compare(a, op, b),
        // `x in ("a", "b")`: a sequence of constants is a constant list.
        (AVal::Const(a), AVal::Seq(items)) if matches!(op, CmpOp::In | CmpOp::NotIn) => {
            let items: Option<Vec<Value>> = items.iter().map(|i| i.as_const().cloned()).collect();
            fold::compare(a, op, &Value::List(items?))
        }
        // `x in {"a": …}`: membership in a dict is membership in its keys.
        (AVal::Const(a), AVal::Map(items)) if matches!(op, CmpOp::In | CmpOp::NotIn) => {
            let keys = items.iter().map(|(k, _)| Value::Str(k.clone())).collect();
            fold::compare(a, op, &Value::List(keys))
        }
        _ => None,
    }
}
