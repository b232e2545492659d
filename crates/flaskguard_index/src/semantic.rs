//! The semantic index: bindings, imports resolved to qualified names, call sites and
//! assignments of every module, and name resolution across modules.

use compact_str::CompactString;
use rustc_hash::FxHashMap;

use crate::ir::{
    Call, ClassIdx, Expr, ExprKind, FuncIdx, ParamKind, ScopeRef, Span, Stmt, StmtKind, walk_stmts,
};
use crate::names::{canonicalize, concat, is_builtin};
use crate::{Module, ModuleId};

/// How deep name resolution may chase aliases, assignments and re-exports.
const MAX_RESOLVE_DEPTH: u32 = 16;

/// The share of the resolution depth one step from a parameter to its callers' arguments costs.
const PARAM_HOP_COST: u32 = 6;

/// For a call tried: the callee found, and whether to try again.
type Found = (Option<Resolved>, bool);

/// A project function: its module and index.
type FunctionRef = (ModuleId, FuncIdx);
/// A call site: its module and its index in the module's calls.
type CallRef = (ModuleId, u32);

thread_local! {
    /// Set when a resolution asks for a function parameter's callers: a callee resolved
    /// before the callers were known is tried again only when it asked.
    static ASKED_CALLERS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// [`Index::library_base_for`]'s answers on this thread, for one index.
    static LIBRARY_BASES: std::cell::RefCell<LibraryBases> =
        std::cell::RefCell::new(LibraryBases::default());
}

/// Answers of [`Index::library_base_for`] by a hash of the class and attribute (which are
/// kept to tell collisions apart), for the index numbered `index`.
#[derive(Default)]
struct LibraryBases {
    index: u64,
    answers: FxHashMap<u64, (CompactString, CompactString, Option<CompactString>)>,
}

/// Answers kept per thread before the memo starts over: bounds its memory.
const LIBRARY_BASES_LIMIT: usize = 1 << 16;

/// One way a name is bound in a scope.
#[derive(Clone, Debug)]
pub enum Binding<'a> {
    /// `import x` / `from x import y`: the fully qualified imported name.
    Import(CompactString),
    /// `name = value` (also walrus and unpacking of a same-length tuple).
    Assign(&'a Expr),
    Function(FuncIdx),
    Class(ClassIdx),
    /// The `index`-th parameter of a function.
    Param {
        func: FuncIdx,
        index: usize,
    },
    /// `global name` / `nonlocal name`: look it up in the enclosing scopes.
    Global,
    /// A module name assigned in a function that declared it `global` (`global limiter;
    /// limiter = Limiter(app)`): the value, read in that function's scope.
    AssignedIn {
        func: FuncIdx,
        value: &'a Expr,
    },
    /// Bound by a loop, `with`, `except`, augmented assignment or unpacking: value unknown.
    Unknown,
}

#[derive(Debug, Default)]
pub struct Scope<'a> {
    /// Most names have one binding: it is stored inline.
    pub bindings: FxHashMap<&'a str, Bindings<'a>>,
}

/// The scopes of a module, by position rather than by hash: the module's own, then one per
/// function, then one per class, in the order of the module's definitions. Name lookups
/// walk scope chains on every resolution, so finding a scope costs no hashing.
#[derive(Debug, Default)]
pub struct Scopes<'a> {
    functions: usize,
    all: Vec<Scope<'a>>,
}

impl<'a> Scopes<'a> {
    fn new(functions: usize, classes: usize) -> Self {
        Self {
            functions,
            all: std::iter::repeat_with(Scope::default)
                .take(1 + functions + classes)
                .collect(),
        }
    }

    fn slot(&self, scope: ScopeRef) -> usize {
        match scope {
            ScopeRef::Module => 0,
            ScopeRef::Function(f) => 1 + f.0 as usize,
            ScopeRef::Class(c) => 1 + self.functions + c.0 as usize,
        }
    }

    /// The names a scope binds.
    pub fn get(&self, scope: &ScopeRef) -> Option<&Scope<'a>> {
        self.all.get(self.slot(*scope))
    }

    fn get_mut(&mut self, scope: ScopeRef) -> Option<&mut Scope<'a>> {
        let slot = self.slot(scope);
        self.all.get_mut(slot)
    }

    /// Every scope of the module.
    pub fn values(&self) -> impl Iterator<Item = &Scope<'a>> {
        self.all.iter()
    }
}

/// The bindings of one name in one scope, in source order.
pub type Bindings<'a> = smallvec::SmallVec<[Binding<'a>; 1]>;

/// A call expression and where it stands.
#[derive(Debug)]
pub struct CallSite<'a> {
    pub module: ModuleId,
    pub scope: ScopeRef,
    pub expr: &'a Expr,
    pub call: &'a Call,
    /// The callee's resolved, canonical name (`flask.Flask().run` for `app.run(...)`).
    pub callee: Option<Resolved>,
    /// Unresolved after asking for a parameter's callers before they were known.
    retry: bool,
}

/// An assignment `target = value` (one entry per target).
#[derive(Debug)]
pub struct AssignSite<'a> {
    pub module: ModuleId,
    pub scope: ScopeRef,
    pub target: &'a Expr,
    pub value: &'a Expr,
    /// The whole statement.
    pub span: Span,
}

/// Where an object was created: the call expression that built it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Site {
    pub module: ModuleId,
    pub span: Span,
}

/// The result of resolving an expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// The canonical qualified name: `flask.request.args`, `flask.Flask().config`,
    /// `myapp.views.index`. `()` marks the result of calling what precedes it. Names of
    /// up to 24 bytes live inline: rules read the callee of every call, so most reads
    /// touch no other memory.
    pub qual: CompactString,
    /// The creation site of the root object, when the name goes back to a call.
    pub site: Option<Site>,
}

impl Resolved {
    fn new(qual: impl Into<CompactString>) -> Self {
        Self {
            qual: qual.into(),
            site: None,
        }
    }

    pub fn is(&self, qual: &str) -> bool {
        self.qual == qual
    }
}

#[derive(Debug, Default)]
pub struct ModuleSemantic<'a> {
    pub scopes: Scopes<'a>,
    pub calls: Vec<CallSite<'a>>,
    pub assigns: Vec<AssignSite<'a>>,
    /// `return` values of each function.
    pub returns: FxHashMap<FuncIdx, Vec<&'a Expr>>,
    /// Attribute names stored on an object (`x.name = …`, `x.name += …`, `for x.name in`).
    pub stored_attributes: rustc_hash::FxHashSet<&'a str>,
    /// Call sites by the span of their call expression.
    calls_by_span: FxHashMap<(u32, u32), u32>,
    /// Functions and classes by their dotted name inside the module.
    functions_by_name: FxHashMap<&'a str, FuncIdx>,
    classes_by_name: FxHashMap<&'a str, ClassIdx>,
    /// The modules of `from X import *` at module level, in source order.
    star_imports: Vec<String>,
}

/// The project-wide semantic index, borrowing the parsed modules.
pub struct Index<'a> {
    pub modules: &'a [Module],
    /// Modules by dotted name, and by the longer names of modules that live in folders
    /// without `__init__.py` (namespace packages: `reports/helpers.py` is also
    /// `reports.helpers`). One table: a qualified name's prefixes are looked up in it at
    /// every resolution step.
    by_name: FxHashMap<std::borrow::Cow<'a, str>, ModuleId>,
    pub semantic: Vec<ModuleSemantic<'a>>,
    /// The call sites of each project function: `(module, index into its calls)`.
    pub(crate) callers: FxHashMap<(ModuleId, FuncIdx), Vec<CallRef>>,
    /// The call sites of each resolved callee, by its canonical name, in module and source
    /// order.
    by_callee: FxHashMap<CompactString, Vec<CallRef>>,
    /// Class attributes and attribute stores, by name: built when first asked.
    fields: std::sync::OnceLock<Fields<'a>>,
    /// The first component of every project module name and alias.
    top_level: rustc_hash::FxHashSet<String>,
    /// Project classes derived from `flask.Flask`: what `current_app` is an instance of.
    app_classes: Vec<String>,
    /// What each module-level name of each module resolves to, computed once with the
    /// whole resolution budget. Names whose resolution asked for a parameter's callers are
    /// missing: they are resolved each time, from what is known then.
    module_names: Vec<FxHashMap<&'a str, Option<Resolved>>>,
    /// What the bases of each class of each module resolve to, computed once after the
    /// module-level names (empty before).
    class_bases: Vec<Vec<Vec<Option<Resolved>>>>,
    /// A number no other index of this process has (for per-thread memos).
    id: u64,
}

/// The project's class attributes and attribute stores, by name.
#[derive(Default)]
struct Fields<'a> {
    /// The classes whose body binds each name.
    bound_by: FxHashMap<&'a str, Vec<(ModuleId, ClassIdx)>>,
    /// Names stored on objects anywhere (`x.name = …`), or set by `setattr` with a constant
    /// name; `None` when a `setattr` computes the name (any attribute may be set).
    stored: Option<rustc_hash::FxHashSet<&'a str>>,
}

/// Adds a call site to its callee's list (the name is copied only for the first site).
fn add_site(
    by_callee: &mut FxHashMap<CompactString, Vec<CallRef>>,
    qual: &CompactString,
    site: CallRef,
) {
    match by_callee.get_mut(qual.as_str()) {
        Some(sites) => sites.push(site),
        None => {
            by_callee.insert(qual.clone(), vec![site]);
        }
    }
}

/// How many folders without `__init__.py` above a module may form a namespace-package name.
const MAX_NAMESPACE_LEVELS: usize = 3;

/// The namespace-package names of a module: its dotted name prefixed with the names of the
/// folders above its package root (`reports/helpers.py` → `reports.helpers`), nearest
/// first, for folders whose names are identifiers.
pub(crate) fn namespace_aliases(
    path: &std::path::Path,
    module: &str,
    is_package: bool,
) -> Vec<String> {
    let mut dir = path.parent();
    // Up to the package root: one folder per dotted part above the module itself.
    let package_parts = module.matches('.').count() + usize::from(is_package);
    for _ in 0..package_parts {
        dir = dir.and_then(std::path::Path::parent);
    }
    let mut name = module.to_string();
    let mut out = Vec::new();
    for _ in 0..MAX_NAMESPACE_LEVELS {
        let Some(d) = dir else { break };
        let Some(folder) = d.file_name().and_then(|n| n.to_str()) else {
            break;
        };
        if !is_identifier(folder) {
            break;
        }
        name = format!("{folder}.{name}");
        out.push(name.clone());
        dir = d.parent();
    }
    out
}

pub(crate) fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_')
}

impl<'a> Index<'a> {
    /// Builds the index: per-module facts in parallel, then callee resolution.
    pub fn build(modules: &'a [Module]) -> Self {
        use rayon::prelude::*;
        let semantic: Vec<ModuleSemantic<'a>> = modules.par_iter().map(collect_module).collect();
        let mut by_name: FxHashMap<std::borrow::Cow<'a, str>, ModuleId> = modules
            .iter()
            .map(|m| (std::borrow::Cow::Borrowed(m.name.as_str()), m.id))
            .collect();
        // An alias two modules could claim names neither.
        let mut aliases: FxHashMap<String, Option<ModuleId>> = FxHashMap::default();
        for m in modules {
            for alias in namespace_aliases(&m.source.path, &m.name, m.is_package) {
                if !by_name.contains_key(alias.as_str()) {
                    aliases
                        .entry(alias)
                        .and_modify(|e| *e = None)
                        .or_insert(Some(m.id));
                }
            }
        }
        let aliases: FxHashMap<String, ModuleId> = aliases
            .into_iter()
            .filter_map(|(k, v)| Some((k, v?)))
            .collect();
        let top_level = modules
            .iter()
            .map(|m| m.name.as_str())
            .chain(aliases.keys().map(String::as_str))
            .map(|n| n.split('.').next().unwrap_or(n).to_string())
            .collect();
        // Aliases never shadow a dotted name (they were left out above).
        by_name.extend(
            aliases
                .into_iter()
                .map(|(alias, id)| (std::borrow::Cow::Owned(alias), id)),
        );
        let mut index = Index {
            modules,
            by_name,
            app_classes: Vec::new(),
            semantic,
            callers: FxHashMap::default(),
            by_callee: FxHashMap::default(),
            fields: std::sync::OnceLock::new(),
            top_level,
            module_names: Vec::new(),
            class_bases: Vec::new(),
            id: {
                static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
                NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            },
        };
        index.app_classes = index
            .modules
            .par_iter()
            .flat_map_iter(|m| {
                m.classes
                    .iter()
                    .map(move |c| format!("{}.{}", m.name, c.qualname))
            })
            .filter(|q| index.is_subclass_of(q, "flask.Flask"))
            .collect();
        index.module_names = index.resolve_module_names();
        let class_bases = index
            .modules
            .par_iter()
            .map(|m| {
                m.classes
                    .iter()
                    .map(|c| {
                        c.bases
                            .iter()
                            .map(|b| index.resolve_expr(m.id, c.parent, b, 1))
                            .collect()
                    })
                    .collect()
            })
            .collect();
        index.class_bases = class_bases;
        index.resolve_callees(false);
        let mut by_callee = index.callee_sites();
        // Who calls each project function: lets an unannotated parameter take the value
        // its callers pass (`def init_extensions(app): csrf.init_app(app)`). Asked once
        // per callee name; each function's callers in module and source order.
        let targets: Vec<(FunctionRef, &Vec<CallRef>)> = by_callee
            .iter()
            .collect::<Vec<_>>()
            .par_iter()
            .filter_map(|(qual, sites)| Some((index.project_function(qual)?, *sites)))
            .collect();
        let mut callers: FxHashMap<FunctionRef, Vec<CallRef>> = FxHashMap::default();
        for (target, sites) in targets {
            callers.entry(target).or_default().extend(sites);
        }
        for sites in callers.values_mut() {
            sites.sort_unstable();
        }
        index.callers = callers;
        // Calls inside functions that could not be resolved may now be.
        let found = index.resolve_callees(true);
        let mut grown: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
        for &(m, i) in &found {
            if let Some(r) = &index.semantic[m.0 as usize].calls[i as usize].callee {
                add_site(&mut by_callee, &r.qual, (m, i));
                grown.insert(r.qual.as_str());
            }
        }
        for qual in grown {
            if let Some(sites) = by_callee.get_mut(qual) {
                sites.sort_unstable();
            }
        }
        index.by_callee = by_callee;
        index
    }

    /// Frees the index, the facts of its modules on every core.
    pub fn free(self) {
        use rayon::prelude::*;
        self.semantic.into_par_iter().for_each(drop);
    }

    /// The call sites of each resolved callee name, in module and source order. Runs of
    /// modules are grouped on every core and the groups merged in module order.
    fn callee_sites(&self) -> FxHashMap<CompactString, Vec<CallRef>> {
        use rayon::prelude::*;
        let run = self
            .semantic
            .len()
            .div_ceil(4 * rayon::current_num_threads())
            .max(1);
        let groups: Vec<FxHashMap<&str, Vec<CallRef>>> = self
            .semantic
            .par_chunks(run)
            .map(|sems| {
                let mut by_callee: FxHashMap<&str, Vec<CallRef>> = FxHashMap::default();
                for sem in sems {
                    for (i, c) in sem.calls.iter().enumerate() {
                        if let Some(r) = &c.callee {
                            by_callee
                                .entry(r.qual.as_str())
                                .or_default()
                                .push((c.module, i as u32));
                        }
                    }
                }
                by_callee
            })
            .collect();
        // Names are copied once each, into the merged map, sized for the most names there
        // can be.
        let mut by_callee: FxHashMap<CompactString, Vec<CallRef>> = FxHashMap::default();
        by_callee.reserve(groups.iter().map(FxHashMap::len).sum());
        for group in groups {
            for (qual, sites) in group {
                match by_callee.get_mut(qual) {
                    Some(all) => all.extend(sites),
                    None => {
                        by_callee.insert(CompactString::new(qual), sites);
                    }
                }
            }
        }
        by_callee
    }

    /// Resolves every module-level name of every module (before the cache exists, so each
    /// result depends on nothing but the code).
    fn resolve_module_names(&self) -> Vec<FxHashMap<&'a str, Option<Resolved>>> {
        use rayon::prelude::*;
        self.semantic
            .par_iter()
            .enumerate()
            .map(|(i, sem)| {
                let module = ModuleId(u32::try_from(i).unwrap_or(u32::MAX));
                let Some(scope) = sem.scopes.get(&ScopeRef::Module) else {
                    return FxHashMap::default();
                };
                scope
                    .bindings
                    .iter()
                    // Imports and assignments: what takes work to follow (a function or a
                    // class is its own name).
                    .filter(|(_, bindings)| {
                        bindings
                            .iter()
                            .any(|b| matches!(b, Binding::Import(_) | Binding::Assign(_)))
                    })
                    .filter_map(|(&name, bindings)| {
                        ASKED_CALLERS.with(|asked| asked.set(false));
                        let r = self.resolve_bindings_uncached(
                            module,
                            ScopeRef::Module,
                            name,
                            bindings,
                            0,
                        );
                        let asked = ASKED_CALLERS.with(std::cell::Cell::get);
                        (!asked).then_some((name, r))
                    })
                    .collect()
            })
            .collect()
    }

    /// Resolves the callee of every call site; with `retry`, only of those that found
    /// nothing after asking for a parameter's callers (known now). Returns the sites that
    /// had no callee and have one now.
    fn resolve_callees(&mut self, retry: bool) -> Vec<CallRef> {
        use rayon::prelude::*;
        let this = &*self;
        // Only the calls tried are answered (on the retry pass, a few): the answers wait
        // for every module before they are written, and take no room for the others.
        let callees: Vec<Vec<(u32, Found)>> = this
            .semantic
            .par_iter()
            .map(|sem| {
                // A dotted name (`self.assertEqual`, `np.array`) means the same thing
                // wherever it stands in a scope: it is resolved once per scope and text.
                let mut seen: FxHashMap<(ScopeRef, &str), (Option<Resolved>, bool)> =
                    FxHashMap::default();
                sem.calls
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| !retry || c.retry)
                    .map(|(i, c)| {
                        let key = c.call.func.dotted_names().is_some().then(|| {
                            (
                                c.scope,
                                this.module(c.module).source.slice(c.call.func.span),
                            )
                        });
                        let (callee, asked) = if let Some(known) = key.and_then(|k| seen.get(&k)) {
                            known.clone()
                        } else {
                            ASKED_CALLERS.with(|asked| asked.set(false));
                            let callee = this.resolve(c.module, c.scope, &c.call.func);
                            let asked = ASKED_CALLERS.with(std::cell::Cell::get);
                            if let Some(key) = key {
                                seen.insert(key, (callee.clone(), asked));
                            }
                            (callee, asked)
                        };
                        let retry =
                            callee.is_none() && asked && matches!(c.scope, ScopeRef::Function(_));
                        (i as u32, (callee, retry))
                    })
                    .collect()
            })
            .collect();
        let mut found = Vec::new();
        for (sem, callees) in self.semantic.iter_mut().zip(callees) {
            for (i, (callee, retry)) in callees {
                let call = &mut sem.calls[i as usize];
                if call.callee.is_none() && callee.is_some() {
                    found.push((call.module, i));
                }
                call.callee = callee;
                call.retry = retry;
            }
        }
        found
    }

    pub fn module(&self, id: ModuleId) -> &'a Module {
        &self.modules[id.0 as usize]
    }

    pub fn module_by_name(&self, name: &str) -> Option<&'a Module> {
        self.by_name.get(name).map(|id| self.module(*id))
    }

    /// All call sites of the project, module by module.
    pub fn calls(&self) -> impl Iterator<Item = &CallSite<'a>> {
        self.semantic.iter().flat_map(|s| s.calls.iter())
    }

    /// The call sites `keep` accepts, in module and source order, looked at on every core:
    /// for syntactic matches on every call (`x.register_blueprint(…)`, whatever `x` is).
    pub fn calls_matching(
        &self,
        keep: impl Fn(&CallSite<'a>) -> bool + Sync,
    ) -> Vec<&CallSite<'a>> {
        use rayon::prelude::*;
        self.semantic
            .par_iter()
            .flat_map_iter(|sem| sem.calls.iter().filter(|c| keep(c)))
            .collect()
    }

    /// What `found` makes of each assignment, in module and source order, looked at on
    /// every core.
    pub fn assigns_matching<'s, T: Send>(
        &'s self,
        found: impl Fn(&'s AssignSite<'a>) -> Option<T> + Sync,
    ) -> Vec<T> {
        use rayon::prelude::*;
        self.semantic
            .par_iter()
            .flat_map_iter(|sem| sem.assigns.iter().filter_map(&found))
            .collect()
    }

    /// The call sites of one module, in source order.
    pub fn calls_in(&self, module: ModuleId) -> &[CallSite<'a>] {
        &self.semantic[module.0 as usize].calls
    }

    /// The assignments of one module, in source order.
    pub fn assigns_in(&self, module: ModuleId) -> &[AssignSite<'a>] {
        &self.semantic[module.0 as usize].assigns
    }

    /// All assignments of the project.
    pub fn assigns(&self) -> impl Iterator<Item = &AssignSite<'a>> {
        self.semantic.iter().flat_map(|s| s.assigns.iter())
    }

    /// Call sites whose callee resolves exactly to `qual`, in module and source order;
    /// O(sites), not a scan of every call.
    pub fn calls_to<'s>(&'s self, qual: &'s str) -> impl Iterator<Item = &'s CallSite<'a>> {
        self.by_callee
            .get(qual)
            .into_iter()
            .flatten()
            .map(|&(m, i)| &self.semantic[m.0 as usize].calls[i as usize])
    }

    /// Call sites whose callee resolves to a name `wanted` accepts, in module and source
    /// order (as [`Index::calls`]). `wanted` is asked once per distinct callee name, not
    /// once per call: rules that look for a few APIs visit only their calls.
    pub fn calls_where(
        &self,
        wanted: impl Fn(&str) -> bool,
    ) -> impl Iterator<Item = &CallSite<'a>> {
        let mut sites: Vec<CallRef> = self
            .by_callee
            .iter()
            .filter(|(qual, _)| wanted(qual))
            .flat_map(|(_, sites)| sites.iter().copied())
            .collect();
        sites.sort_unstable();
        sites
            .into_iter()
            .map(|(m, i)| &self.semantic[m.0 as usize].calls[i as usize])
    }

    /// Every name a call site of the project resolves to, once each, in no particular order.
    pub fn callee_names(&self) -> impl Iterator<Item = &str> {
        self.by_callee.keys().map(CompactString::as_str)
    }

    /// Call sites whose callee resolves exactly to one of `quals`, in no particular order
    /// across names.
    pub fn calls_to_any<'s>(
        &'s self,
        quals: &'s [&'s str],
    ) -> impl Iterator<Item = &'s CallSite<'a>> {
        quals.iter().flat_map(|q| self.calls_to(q))
    }

    /// The scope a function's body runs in.
    pub fn function_scope(func: FuncIdx) -> ScopeRef {
        ScopeRef::Function(func)
    }

    fn parent_scope(module: &Module, scope: ScopeRef) -> Option<ScopeRef> {
        match scope {
            ScopeRef::Module => None,
            ScopeRef::Function(f) => Some(module.functions[f.0 as usize].parent),
            ScopeRef::Class(c) => Some(module.classes[c.0 as usize].parent),
        }
    }

    /// Resolves an expression to a canonical qualified name.
    pub fn resolve(&self, module: ModuleId, scope: ScopeRef, expr: &Expr) -> Option<Resolved> {
        self.resolve_expr(module, scope, expr, 0)
    }

    fn resolve_expr(
        &self,
        module: ModuleId,
        scope: ScopeRef,
        expr: &Expr,
        depth: u32,
    ) -> Option<Resolved> {
        if depth > MAX_RESOLVE_DEPTH {
            return None;
        }
        match &expr.kind {
            ExprKind::Name(name) => self.resolve_name(module, scope, name, depth + 1),
            ExprKind::Attribute { value, attr } => {
                let base = self.resolve_expr(module, scope, value, depth + 1)?;
                Some(self.member(&base, attr, depth + 1))
            }
            ExprKind::Call(call) => {
                let callee = self.resolve_expr(module, scope, &call.func, depth + 1)?;
                // `getattr(obj, "name")` is `obj.name`.
                if callee.qual == "builtins.getattr"
                    && let (Some(obj), Some(name)) = (call.args.first(), call.args.get(1))
                    && let Some(name) = name.as_str()
                {
                    let base = self.resolve_expr(module, scope, obj, depth + 1)?;
                    return Some(self.member(&base, name, depth + 1));
                }
                Some(self.call_result(
                    &callee,
                    Site {
                        module,
                        span: expr.span,
                    },
                    depth + 1,
                ))
            }
            ExprKind::Subscript { value, .. } => {
                let base = self.resolve_expr(module, scope, value, depth + 1)?;
                Some(Resolved {
                    qual: concat(&[&base.qual, "[]"]),
                    site: base.site,
                })
            }
            ExprKind::Await(inner) => self.resolve_expr(module, scope, inner, depth + 1),
            _ => None,
        }
    }

    /// `base.attr`, chasing into project modules.
    fn member(&self, base: &Resolved, attr: &str, depth: u32) -> Resolved {
        let qual = concat(&[&base.qual, ".", attr]);
        // Only a module's attributes are chased (`pkg.sub` then `.func`). Below anything
        // else (a function, a class, an import the project does not define) chasing
        // `base.attr` would resolve `base` again: for a chain of `n` attributes through an
        // import cycle that took 2^n walks, and a package importing its own missing
        // submodule read `app.views.views` as `app`'s `views` again.
        if base.site.is_none()
            && self.is_module(&base.qual)
            && let Some(r) = self.chase(&qual, depth)
        {
            return r;
        }
        // `current_app.render_snippet`: a method of the project's `Flask` subclass.
        if base.qual == "flask.current_app" {
            for class in &self.app_classes {
                if self
                    .project_function(&concat(&[class, ".", attr]))
                    .is_some()
                {
                    return Resolved::new(concat(&[class, "().", attr]));
                }
            }
        }
        // An attribute the class declares with a type (`_executor: SqlJsonExecutor` in the
        // class body, set in `__init__`): an instance of that type.
        if let Some(class) = base.qual.strip_suffix("()")
            && let Some(declared) = self.declared_attr(class, attr, depth)
        {
            return Resolved {
                qual: concat(&[&declared.qual, "()"]),
                site: base.site,
            };
        }
        // An attribute the class body binds to a new object (`_rng = random.Random()`),
        // read through an instance or the class (`self._rng`, `cls._rng`).
        if let Some(r) = self.class_body_object(
            base.qual.strip_suffix("()").unwrap_or(&base.qual),
            attr,
            depth,
        ) {
            return r;
        }
        // An attribute `__init__` sets to a new object (`self.session = requests.Session()`,
        // `self.session = session or requests.Session()`): an instance of that.
        if let Some(class) = base.qual.strip_suffix("()")
            && let Some(r) = self.init_attr(class, attr, depth)
        {
            return r;
        }
        // An instance of a project class that inherits `attr` from a library class
        // (`class App(Flask)`; `app.add_url_rule`, `self.config`): the library's attribute.
        if let Some(class) = base.qual.strip_suffix("()")
            && let Some(library) = self.library_base_for(class, attr, depth)
        {
            return Resolved {
                qual: canonicalize(concat(&[&library, "().", attr])),
                site: base.site,
            };
        }
        Resolved {
            qual: canonicalize(qual),
            site: base.site,
        }
    }

    /// The type a project class declares for an instance attribute in its body, without a
    /// value (`_executor: SqlJsonExecutor`): a class of the project or a library's, not a
    /// generic (`Optional[X]`) or a string.
    fn declared_attr(&self, class: &str, attr: &str, depth: u32) -> Option<Resolved> {
        if depth > MAX_RESOLVE_DEPTH {
            return None;
        }
        let (m, c) = self.project_class(class)?;
        let def = &self.module(m).classes[c.0 as usize];
        let (annotation, None) = annotated(def, attr)? else {
            return None;
        };
        let r = self.resolve_expr(m, def.parent, annotation, depth + 1)?;
        (!r.qual.contains(['[', '('])).then_some(r)
    }

    /// What the body of project class `class` binds `attr` to, when that is one new
    /// object (a call's result, not the class itself): `_rng = random.Random(seed)`.
    fn class_body_object(&self, class: &str, attr: &str, depth: u32) -> Option<Resolved> {
        use crate::ir::StmtKind;
        if depth > MAX_RESOLVE_DEPTH {
            return None;
        }
        let (m, c) = self.project_class(class)?;
        let def = &self.module(m).classes[c.0 as usize];
        let mut values = def.body.iter().filter_map(|st| match &st.kind {
            StmtKind::Assign { targets, value }
                if targets.len() == 1 && targets[0].as_name() == Some(attr) =>
            {
                Some(&**value)
            }
            StmtKind::AnnAssign {
                target,
                value: Some(value),
                ..
            } if target.as_name() == Some(attr) => Some(&**value),
            _ => None,
        });
        let value = values.next()?;
        if values.next().is_some() || value.as_call().is_none() {
            return None;
        }
        let r = self.resolve_expr(m, def.parent, value, depth + 1)?;
        (r.qual.ends_with(')') && r.qual.strip_suffix("()") != Some(class)).then_some(r)
    }

    /// What `__init__` of a project class sets `self.attr` to, when every assignment sets
    /// it to a new object of one type (a call's result; of `x or Type()`, the call).
    fn init_attr(&self, class: &str, attr: &str, depth: u32) -> Option<Resolved> {
        use crate::ir::{BoolOp, ExprKind, StmtKind};
        if depth > MAX_RESOLVE_DEPTH {
            return None;
        }
        let (m, f) = self.project_function(&concat(&[class, ".__init__"]))?;
        let def = &self.module(m).functions[f.0 as usize];
        let me = def.params.first()?.name.as_str();
        let mut values: Vec<&Expr> = Vec::new();
        let mut other = false;
        crate::ir::walk_stmts(&def.body, &mut |st| {
            let (targets, value): (&[Expr], &Expr) = match &st.kind {
                StmtKind::Assign { targets, value } => (targets, value),
                StmtKind::AnnAssign {
                    target,
                    value: Some(value),
                    ..
                } => (std::slice::from_ref(&**target), value),
                _ => return,
            };
            for t in targets {
                if let ExprKind::Attribute {
                    value: obj,
                    attr: a,
                } = &t.kind
                    && a.as_str() == attr
                    && obj.as_name() == Some(me)
                {
                    // `x or Type()`: the fallback names the type.
                    let made = match &value.kind {
                        ExprKind::BoolOp {
                            op: BoolOp::Or,
                            values: operands,
                        } => operands.last(),
                        _ => Some(value),
                    };
                    match made {
                        Some(v) if v.as_call().is_some() => values.push(v),
                        _ => other = true,
                    }
                }
            }
        });
        if other || values.is_empty() {
            return None;
        }
        let scope = ScopeRef::Function(f);
        let first = self.resolve_expr(m, scope, values[0], depth + 1)?;
        // A new object, not one of the class itself (`self.next = Node()`).
        if !first.qual.ends_with(')') || first.qual.strip_suffix("()") == Some(class) {
            return None;
        }
        values[1..]
            .iter()
            .all(|v| {
                self.resolve_expr(m, scope, v, depth + 1)
                    .is_some_and(|r| r.qual == first.qual)
            })
            .then_some(first)
    }

    /// The library class a project class inherits `attr` from: `None` when the class or
    /// one of its project bases defines `attr` itself (a method, or a class attribute), or
    /// when it has no library base. Once the class bases are resolved, the answer depends on
    /// nothing else: it is computed once per class and attribute (and thread).
    fn library_base_for(&self, class: &str, attr: &str, depth: u32) -> Option<CompactString> {
        use std::hash::{Hash, Hasher};
        if self.class_bases.is_empty() {
            return self.library_base_walk(class, attr, depth);
        }
        let mut h = rustc_hash::FxHasher::default();
        (class, attr).hash(&mut h);
        let key = h.finish();
        let hit = LIBRARY_BASES.with(|memo| {
            let mut memo = memo.borrow_mut();
            if memo.index != self.id {
                memo.index = self.id;
                memo.answers.clear();
            }
            memo.answers
                .get(&key)
                .filter(|(c, a, _)| c == class && a == attr)
                .map(|(_, _, answer)| answer.clone())
        });
        if let Some(answer) = hit {
            return answer;
        }
        let answer = self.library_base_walk(class, attr, 0);
        LIBRARY_BASES.with(|memo| {
            let mut memo = memo.borrow_mut();
            if memo.answers.len() >= LIBRARY_BASES_LIMIT {
                memo.answers.clear();
            }
            memo.answers
                .insert(key, (class.into(), attr.into(), answer.clone()));
        });
        answer
    }

    fn library_base_walk(&self, class: &str, attr: &str, depth: u32) -> Option<CompactString> {
        if depth > MAX_RESOLVE_DEPTH {
            return None;
        }
        let (m, c) = self.project_class(class)?;
        let def = &self.module(m).classes[c.0 as usize];
        let sem = &self.semantic[m.0 as usize];
        let own = sem
            .functions_by_name
            .contains_key(concat(&[&def.qualname, ".", attr]).as_str())
            || sem
                .scopes
                .get(&ScopeRef::Class(c))
                .is_some_and(|s| s.bindings.contains_key(attr))
            // (`_executor: SqlJsonExecutor` declares an attribute of the class's own.)
            || annotated(def, attr).is_some();
        if own {
            return None;
        }
        // A library mixin listed first (`class App(PluginFlaskMixin, Flask)`) adds a few
        // methods to the class it is mixed into; the attributes come from that class.
        let mut mixin = None;
        for i in 0..def.bases.len() {
            let r = self.class_base(m, c, i, depth)?;
            if self.project_class(&r.qual).is_some() {
                if let Some(found) = self.library_base_walk(&r.qual, attr, depth + 1) {
                    return Some(found);
                }
            } else if r.site.is_none() && !r.qual.ends_with(')') {
                if r.qual.ends_with("Mixin") && i + 1 < def.bases.len() {
                    mixin.get_or_insert_with(|| r.qual.clone());
                    continue;
                }
                return Some(r.qual.clone());
            }
        }
        mixin
    }

    /// Whether `qual` names a project class derived from `flask.Flask`.
    pub fn is_app_class(&self, qual: &str) -> bool {
        self.app_classes.iter().any(|c| c == qual)
    }

    fn fields(&self) -> &Fields<'a> {
        self.fields.get_or_init(|| {
            let mut fields = Fields::default();
            for (m, sem) in self.modules.iter().zip(&self.semantic) {
                for (i, _) in m.classes.iter().enumerate() {
                    let class = ClassIdx(i as u32);
                    if let Some(scope) = sem.scopes.get(&ScopeRef::Class(class)) {
                        for name in scope.bindings.keys() {
                            fields.bound_by.entry(name).or_default().push((m.id, class));
                        }
                    }
                }
            }
            let mut stored: rustc_hash::FxHashSet<&'a str> = self
                .semantic
                .iter()
                .flat_map(|s| s.stored_attributes.iter().copied())
                .collect();
            let mut computed = false;
            for c in self.calls_to("builtins.setattr") {
                match c.call.args.get(1).and_then(Expr::as_str) {
                    Some(name) => {
                        stored.insert(name);
                    }
                    None => computed = true,
                }
            }
            fields.stored = (!computed).then_some(stored);
            fields
        })
    }

    /// Whether project code stores an attribute of this name on some object
    /// (`self.template = …`, `setattr(obj, "template", …)`).
    pub fn is_stored_attribute(&self, attr: &str) -> bool {
        self.fields()
            .stored
            .as_ref()
            .is_some_and(|s| s.contains(attr))
    }

    /// The constant a class attribute holds, read through an instance (`self.prefix`):
    /// the class body binds `attr` once, to a value that folds to a constant, no project
    /// subclass binds it again, and no code stores an attribute of that name on an object
    /// (`obj.prefix = …`, `setattr(obj, "prefix", …)` or `setattr` with a computed name).
    pub fn class_constant(
        &self,
        module: ModuleId,
        class: ClassIdx,
        attr: &str,
    ) -> Option<crate::Value> {
        let fields = self.fields();
        if fields.stored.as_ref().is_none_or(|s| s.contains(attr)) {
            return None;
        }
        let classes = fields.bound_by.get(attr)?;
        if !classes.contains(&(module, class)) {
            return None;
        }
        let sem = &self.semantic[module.0 as usize];
        let bindings = sem
            .scopes
            .get(&ScopeRef::Class(class))?
            .bindings
            .get(attr)?;
        let [Binding::Assign(value)] = bindings.as_slice() else {
            return None;
        };
        let v = self.eval(module, ScopeRef::Class(class), value);
        if !v.is_constant() {
            return None;
        }
        let qualname = |(m, c): (ModuleId, ClassIdx)| {
            let m = self.module(m);
            format!("{}.{}", m.name, m.classes[c.0 as usize].qualname)
        };
        let qual = qualname((module, class));
        let overridden = classes
            .iter()
            .any(|&other| other != (module, class) && self.is_subclass_of(&qualname(other), &qual));
        (!overridden).then_some(v)
    }

    /// Whether `qual` names a project class that has `library` (e.g. `flask.Flask`) among
    /// its bases, directly or through project classes.
    pub fn is_subclass_of(&self, qual: &str, library: &str) -> bool {
        self.subclass_depth(qual, library, 0)
    }

    fn subclass_depth(&self, qual: &str, library: &str, depth: u32) -> bool {
        if depth > 8 {
            return false;
        }
        let Some((m, c)) = self.project_class(qual) else {
            return false;
        };
        let def = &self.module(m).classes[c.0 as usize];
        (0..def.bases.len()).any(|i| {
            self.class_base(m, c, i, 0).is_some_and(|r| {
                r.qual == library || self.subclass_depth(&r.qual, library, depth + 1)
            })
        })
    }

    /// What the `i`-th base of a class resolves to: as resolved once when the index was
    /// built, or now (at `depth`) while it is being built.
    fn class_base(
        &self,
        module: ModuleId,
        class: ClassIdx,
        i: usize,
        depth: u32,
    ) -> Option<std::borrow::Cow<'_, Resolved>> {
        if let Some(bases) = self.class_bases.get(module.0 as usize) {
            return bases[class.0 as usize][i]
                .as_ref()
                .map(std::borrow::Cow::Borrowed);
        }
        let def = &self.module(module).classes[class.0 as usize];
        self.resolve_expr(module, def.parent, &def.bases[i], depth + 1)
            .map(std::borrow::Cow::Owned)
    }

    /// The result of calling `callee`.
    fn call_result(&self, callee: &Resolved, site: Site, depth: u32) -> Resolved {
        // A project function: what it returns (application factories, helpers).
        if let Some((module, func)) = self.project_function(&callee.qual) {
            let returns = self.semantic[module.0 as usize].returns.get(&func);
            if let Some(returns) = returns {
                for value in returns {
                    if let Some(r) =
                        self.resolve_expr(module, ScopeRef::Function(func), value, depth + 1)
                        && r.qual.ends_with(')')
                    {
                        return r;
                    }
                }
            }
        }
        Resolved {
            qual: concat(&[&callee.qual, "()"]),
            site: Some(site),
        }
    }

    /// The resolved callee of a call expression, as computed when the index was built.
    pub fn callee_of(&self, module: ModuleId, call: &Expr) -> Option<&Resolved> {
        let sem = &self.semantic[module.0 as usize];
        let i = *sem.calls_by_span.get(&(call.span.start, call.span.end))?;
        sem.calls[i as usize].callee.as_ref()
    }

    /// The call that created an object, from the site its resolution records.
    pub fn call_at(&self, site: Site) -> Option<&CallSite<'a>> {
        let sem = &self.semantic[site.module.0 as usize];
        let i = *sem.calls_by_span.get(&(site.span.start, site.span.end))?;
        sem.calls.get(i as usize)
    }

    /// The project function a qualified name denotes, if any.
    pub fn project_function(&self, qual: &str) -> Option<(ModuleId, FuncIdx)> {
        let (module, rest) = self.split_module(qual)?;
        let by_name = &self.semantic[module.0 as usize].functions_by_name;
        if let Some(f) = by_name.get(rest) {
            return Some((module, *f));
        }
        // A method of an instance: `mod.Class().method` is `Class.method`.
        let bytes = rest.as_bytes();
        let at = memchr::memrchr_iter(b'(', bytes)
            .find(|&i| bytes.get(i + 1..i + 3) == Some(b").".as_slice()))?;
        let (class, method) = (&rest[..at], &rest[at + 3..]);
        if class.contains('(') || method.contains('.') {
            return None;
        }
        by_name
            .get(concat(&[class, ".", method]).as_str())
            .map(|f| (module, *f))
    }

    /// The project class a qualified name denotes, if any.
    pub fn project_class(&self, qual: &str) -> Option<(ModuleId, ClassIdx)> {
        let (module, rest) = self.split_module(qual)?;
        let c = self.semantic[module.0 as usize].classes_by_name.get(rest)?;
        Some((module, *c))
    }

    /// Whether `qual` names a project module (by its dotted or namespace-package name).
    fn is_module(&self, qual: &str) -> bool {
        self.by_name.contains_key(qual)
    }

    /// Splits `pkg.mod.rest` at the longest prefix that names a project module.
    fn split_module<'q>(&self, qual: &'q str) -> Option<(ModuleId, &'q str)> {
        let bytes = qual.as_bytes();
        let top = memchr::memchr(b'.', bytes).map_or(qual, |i| &qual[..i]);
        if !self.top_level.contains(top) {
            return None;
        }
        // A module name holds neither a call nor a subscript: start before the first.
        let mut end = match memchr::memchr2(b'(', b'[', bytes) {
            Some(i) => memchr::memrchr(b'.', &bytes[..i])?,
            None => qual.len(),
        };
        loop {
            let prefix = &qual[..end];
            if let Some(id) = self.by_name.get(prefix) {
                let rest = qual.get(end + 1..).unwrap_or("");
                return Some((*id, rest));
            }
            end = memchr::memrchr(b'.', prefix.as_bytes())?;
        }
    }

    /// Follows a qualified name that points into a project module to what it is bound to.
    fn chase(&self, qual: &str, depth: u32) -> Option<Resolved> {
        if depth > MAX_RESOLVE_DEPTH {
            return None;
        }
        let (module, rest) = self.split_module(qual)?;
        if rest.is_empty() {
            return Some(Resolved::new(qual.to_string()));
        }
        let (first, tail) = match rest.split_once('.') {
            Some((first, tail)) => (first, Some(tail)),
            None => (rest, None),
        };
        let m = self.module(module);
        let scope = self.semantic[module.0 as usize]
            .scopes
            .get(&ScopeRef::Module)?;
        let bindings = scope.bindings.get(first)?;
        let base = self.resolve_bindings(module, ScopeRef::Module, first, bindings, depth + 1)?;
        let _ = m;
        Some(match tail {
            None => base,
            Some(tail) => tail
                .split('.')
                .fold(base, |acc, attr| self.member(&acc, attr, depth + 1)),
        })
    }

    fn resolve_name(
        &self,
        module: ModuleId,
        scope: ScopeRef,
        name: &str,
        depth: u32,
    ) -> Option<Resolved> {
        let m = self.module(module);
        let sem = &self.semantic[module.0 as usize];
        let mut current = Some(scope);
        let mut first = true;
        while let Some(s) = current {
            // Class bodies are not enclosing scopes for the functions defined in them.
            let skip = !first && matches!(s, ScopeRef::Class(_));
            if !skip
                && let Some(bindings) = sem.scopes.get(&s).and_then(|sc| sc.bindings.get(name))
                && !bindings.iter().all(|b| matches!(b, Binding::Global))
            {
                return self.resolve_bindings(module, s, name, bindings, depth);
            }
            first = false;
            current = Self::parent_scope(m, s);
        }
        if let Some(r) = self.star_imported(module, name, depth) {
            return Some(r);
        }
        if is_builtin(name) {
            return Some(Resolved::new(concat(&["builtins.", name])));
        }
        None
    }

    /// A name no scope binds, taken from a project module imported with `import *` that
    /// binds it at module level and exports it (public, or listed in `__all__`).
    fn star_imported(&self, module: ModuleId, name: &str, depth: u32) -> Option<Resolved> {
        if depth > MAX_RESOLVE_DEPTH {
            return None;
        }
        let stars = &self.semantic[module.0 as usize].star_imports;
        // Later imports shadow earlier ones.
        for base in stars.iter().rev() {
            let Some((target, rest)) = self.split_module(base) else {
                continue;
            };
            if !rest.is_empty() || target == module {
                continue;
            }
            let exported = !name.starts_with('_') || self.all_lists(target, name);
            let bound = self.semantic[target.0 as usize]
                .scopes
                .get(&ScopeRef::Module)
                .is_some_and(|s| s.bindings.contains_key(name));
            if exported && bound {
                return self.chase(&format!("{base}.{name}"), depth + 1);
            }
            if let Some(r) = self.star_imported(target, name, depth + 1) {
                return Some(r);
            }
        }
        None
    }

    /// Whether `module.__all__` is a literal list naming `name`.
    fn all_lists(&self, module: ModuleId, name: &str) -> bool {
        let scope = self.semantic[module.0 as usize]
            .scopes
            .get(&ScopeRef::Module);
        let Some(bindings) = scope.and_then(|s| s.bindings.get("__all__")) else {
            return false;
        };
        bindings.iter().any(|b| match b {
            Binding::Assign(value) => matches!(
                self.eval(module, ScopeRef::Module, value),
                crate::Value::List(items) if items.iter().any(|v| v.as_str() == Some(name))
            ),
            _ => false,
        })
    }

    fn resolve_bindings(
        &self,
        module: ModuleId,
        scope: ScopeRef,
        name: &str,
        bindings: &[Binding<'a>],
        depth: u32,
    ) -> Option<Resolved> {
        if scope == ScopeRef::Module
            && let Some(cached) = self
                .module_names
                .get(module.0 as usize)
                .and_then(|names| names.get(name))
        {
            return cached.clone();
        }
        self.resolve_bindings_uncached(module, scope, name, bindings, depth)
    }

    fn resolve_bindings_uncached(
        &self,
        module: ModuleId,
        scope: ScopeRef,
        name: &str,
        bindings: &[Binding<'a>],
        depth: u32,
    ) -> Option<Resolved> {
        if depth > MAX_RESOLVE_DEPTH {
            return None;
        }
        let m = self.module(module);
        for binding in bindings {
            let resolved = match binding {
                // `from .views import views` in a package without a `views` module names
                // the package's own `views` again: following it would go round in circles.
                Binding::Import(qual)
                    if scope == ScopeRef::Module && self.imports_itself(module, name, qual) =>
                {
                    Some(Resolved::new(canonicalize(CompactString::from(
                        qual.as_str(),
                    ))))
                }
                Binding::Import(qual) => Some(self.chase(qual, depth + 1).unwrap_or_else(|| {
                    Resolved::new(canonicalize(CompactString::from(qual.as_str())))
                })),
                Binding::Assign(value) => {
                    // `x = x.strip()` style self-references fall through to other bindings.
                    self.resolve_expr(module, scope, value, depth + 1)
                }
                Binding::Function(f) => Some(Resolved::new(concat(&[
                    &m.name,
                    ".",
                    &m.functions[f.0 as usize].qualname,
                ]))),
                Binding::Class(c) => Some(Resolved::new(concat(&[
                    &m.name,
                    ".",
                    &m.classes[c.0 as usize].qualname,
                ]))),
                Binding::Param { func, index } => {
                    return self.resolve_param(module, *func, *index, depth);
                }
                // `global x` names the module's `x` (at module level, where a file that does
                // not parse can put it, it names nothing new).
                Binding::Global if scope == ScopeRef::Module => None,
                Binding::Global => self.resolve_name(module, ScopeRef::Module, name, depth + 1),
                Binding::AssignedIn { func, value } => {
                    self.resolve_expr(module, ScopeRef::Function(*func), value, depth + 1)
                }
                Binding::Unknown => None,
            };
            if resolved.is_some() {
                return resolved;
            }
        }
        None
    }

    /// Whether the import `qual`, bound to `name` at the top of `module`, points back at
    /// that same name of that same module.
    fn imports_itself(&self, module: ModuleId, name: &str, qual: &str) -> bool {
        self.split_module(qual).is_some_and(|(m, rest)| {
            m == module
                && rest
                    .strip_prefix(name)
                    .is_some_and(|r| r.is_empty() || r.starts_with('.'))
        })
    }

    fn resolve_param(
        &self,
        module: ModuleId,
        func: FuncIdx,
        index: usize,
        depth: u32,
    ) -> Option<Resolved> {
        let m = self.module(module);
        let f = &m.functions[func.0 as usize];
        let param = f.params.get(index)?;
        if let Some(annotation) = &param.annotation {
            let r = self.resolve_expr(module, f.parent, annotation, depth + 1)?;
            return Some(Resolved {
                qual: concat(&[&r.qual, "()"]),
                site: None,
            });
        }
        let is_static = f
            .decorators
            .iter()
            .any(|d| d.as_name() == Some("staticmethod"));
        let is_class = f
            .decorators
            .iter()
            .any(|d| d.as_name() == Some("classmethod"));
        let method = matches!(f.parent, ScopeRef::Class(_)) && !is_static;
        // A function, or a method past its `self`/`cls`: what its callers pass
        // (`self._setup_flask_app(app)` binds `app` of `def _setup_flask_app(self, app)`).
        if !method || index > 0 {
            // Resolutions that asked for callers before they were known are tried again.
            ASKED_CALLERS.with(|asked| asked.set(true));
            // Each hop through a caller costs a third of the resolution budget, so at most
            // two hops are taken and the work stays bounded (callers × hops).
            if let Some(sites) = self
                .callers
                .get(&(module, func))
                .filter(|_| depth + PARAM_HOP_COST <= MAX_RESOLVE_DEPTH)
            {
                for &(cm, ci) in sites.iter().take(4) {
                    let site = &self.semantic[cm.0 as usize].calls[ci as usize];
                    // A method called on an instance (`obj.m(x)`, `self.m(x)`: qualified
                    // `Class().m`) or a class method: the first parameter is bound, arguments
                    // start at the second. `Class.m(obj, x)` passes `self` itself.
                    let bound = method
                        && (is_class
                            || site.callee.as_ref().is_some_and(|r| r.qual.contains("().")));
                    let at = if bound { index - 1 } else { index };
                    let arg = match param.kind {
                        ParamKind::PositionalOnly => site.call.args.get(at),
                        ParamKind::Positional => site.call.argument(at, &param.name),
                        ParamKind::KeywordOnly => site.call.keyword(&param.name),
                        ParamKind::VarArgs | ParamKind::KwArgs => None,
                    };
                    if let Some(arg) = arg
                        && let Some(r) =
                            self.resolve_expr(cm, site.scope, arg, depth + PARAM_HOP_COST)
                    {
                        return Some(r);
                    }
                }
            }
            return None;
        }
        // `self` in a method: an instance of the class.
        if index == 0
            && param.kind != ParamKind::KeywordOnly
            && let ScopeRef::Class(c) = f.parent
        {
            let class = &m.classes[c.0 as usize];
            let suffix = if is_class { "" } else { "()" };
            return Some(Resolved::new(concat(&[
                &m.name,
                ".",
                &class.qualname,
                suffix,
            ])));
        }
        None
    }

    /// The bindings of `name` visible from `scope` (innermost scope that binds it).
    pub fn bindings_of(
        &self,
        module: ModuleId,
        scope: ScopeRef,
        name: &str,
    ) -> Option<(ScopeRef, &[Binding<'a>])> {
        let m = self.module(module);
        let sem = &self.semantic[module.0 as usize];
        let mut current = Some(scope);
        let mut first = true;
        while let Some(s) = current {
            let skip = !first && matches!(s, ScopeRef::Class(_));
            if !skip && let Some(b) = sem.scopes.get(&s).and_then(|sc| sc.bindings.get(name)) {
                return Some((s, b.as_slice()));
            }
            first = false;
            current = Self::parent_scope(m, s);
        }
        None
    }
}

/// Collects the bindings, calls, assignments and returns of one module.
fn collect_module(module: &Module) -> ModuleSemantic<'_> {
    let mut sem = ModuleSemantic {
        scopes: Scopes::new(module.functions.len(), module.classes.len()),
        // Sized up front: kept for the whole analysis, never grown or copied.
        calls: Vec::with_capacity(module.calls),
        ..ModuleSemantic::default()
    };
    for (i, f) in module.functions.iter().enumerate() {
        sem.functions_by_name
            .entry(f.qualname.as_str())
            .or_insert(FuncIdx(i as u32));
    }
    for (i, c) in module.classes.iter().enumerate() {
        sem.classes_by_name
            .entry(c.qualname.as_str())
            .or_insert(ClassIdx(i as u32));
    }
    let mut collector = Collector {
        module,
        sem: &mut sem,
    };
    collector.block(ScopeRef::Module, &module.body);
    for (i, f) in module.functions.iter().enumerate() {
        let idx = FuncIdx(i as u32);
        let scope = ScopeRef::Function(idx);
        // Decorators, defaults and annotations are evaluated in the enclosing scope.
        for d in &f.decorators {
            collector.expr(f.parent, d);
        }
        for (pi, p) in f.params.iter().enumerate() {
            if let Some(d) = &p.default {
                collector.expr(f.parent, d);
            }
            collector.bind(
                scope,
                &p.name,
                Binding::Param {
                    func: idx,
                    index: pi,
                },
            );
        }
        collector.block(scope, &f.body);
    }
    for (i, c) in module.classes.iter().enumerate() {
        let scope = ScopeRef::Class(ClassIdx(i as u32));
        for e in c.decorators.iter().chain(&c.bases) {
            collector.expr(c.parent, e);
        }
        for k in &c.keywords {
            collector.expr(c.parent, &k.value);
        }
        collector.block(scope, &c.body);
    }
    sem.calls_by_span = sem
        .calls
        .iter()
        .enumerate()
        .map(|(i, c)| ((c.expr.span.start, c.expr.span.end), i as u32))
        .collect();
    // Kept for the whole analysis: without the slack of growing (most names have one
    // binding; a vector would reserve four).
    for scope in &mut sem.scopes.all {
        for bindings in scope.bindings.values_mut() {
            bindings.shrink_to_fit();
        }
        scope.bindings.shrink_to_fit();
    }
    sem.calls.shrink_to_fit();
    sem.assigns.shrink_to_fit();
    for values in sem.returns.values_mut() {
        values.shrink_to_fit();
    }
    sem
}

struct Collector<'m, 's> {
    module: &'m Module,
    sem: &'s mut ModuleSemantic<'m>,
}

impl<'m> Collector<'m, '_> {
    fn bind(&mut self, scope: ScopeRef, name: &'m str, binding: Binding<'m>) {
        // An assignment to a name the function declared `global` binds the module's name
        // (`global limiter; limiter = Limiter(app)` in a setup function).
        if let (Binding::Assign(value), ScopeRef::Function(func)) = (&binding, scope)
            && self.sem.scopes.get(&scope).is_some_and(|s| {
                s.bindings
                    .get(name)
                    .is_some_and(|bs| bs.iter().any(|b| matches!(b, Binding::Global)))
            })
            && let Some(module) = self.sem.scopes.get_mut(ScopeRef::Module)
        {
            module
                .bindings
                .entry(name)
                .or_default()
                .push(Binding::AssignedIn { func, value });
        }
        if let Some(scope) = self.sem.scopes.get_mut(scope) {
            scope.bindings.entry(name).or_default().push(binding);
        }
    }

    fn block(&mut self, scope: ScopeRef, body: &'m [Stmt]) {
        walk_stmts(body, &mut |stmt| self.stmt(scope, stmt));
    }

    fn stmt(&mut self, scope: ScopeRef, stmt: &'m Stmt) {
        match &stmt.kind {
            StmtKind::FunctionDef(f) => {
                let name = &self.module.functions[f.0 as usize].name;
                self.bind(scope, name, Binding::Function(*f));
            }
            StmtKind::ClassDef(c) => {
                let name = &self.module.classes[c.0 as usize].name;
                self.bind(scope, name, Binding::Class(*c));
            }
            StmtKind::Assign { targets, value } => {
                for target in targets {
                    self.bind_target(scope, target, Some(value));
                    self.sem.assigns.push(AssignSite {
                        module: self.module.id,
                        scope,
                        target,
                        value,
                        span: stmt.span,
                    });
                }
            }
            StmtKind::AnnAssign {
                target,
                value: Some(value),
                ..
            } => {
                self.bind_target(scope, target, Some(value));
                self.sem.assigns.push(AssignSite {
                    module: self.module.id,
                    scope,
                    target,
                    value,
                    span: stmt.span,
                });
            }
            StmtKind::AugAssign { target, .. } | StmtKind::For { target, .. } => {
                self.bind_target(scope, target, None);
            }
            StmtKind::With { items, .. } => {
                // `with requests.Session() as http:`: `http` is (usually) what the context
                // manager returns from `__enter__`, the object itself.
                for (ctx, var) in &**items {
                    if let Some(var) = var {
                        self.bind_target(scope, var, Some(ctx));
                    }
                }
            }
            StmtKind::Try(t) => {
                for h in &t.handlers {
                    if let Some(name) = &h.name {
                        self.bind(scope, name, Binding::Unknown);
                    }
                }
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    if let Some(asname) = &a.asname {
                        self.bind(scope, asname, Binding::Import(a.name.as_str().into()));
                    } else {
                        let top = a.name.split('.').next().unwrap_or(&a.name);
                        self.bind(scope, top, Binding::Import(top.into()));
                    }
                }
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                let Some(base) = self.import_base(module.as_deref(), *level) else {
                    return;
                };
                for a in names {
                    if a.name == "*" {
                        if scope == ScopeRef::Module {
                            self.sem.star_imports.push(base.clone());
                        }
                        continue;
                    }
                    let local = a.asname.as_deref().unwrap_or(&a.name);
                    let qual = if base.is_empty() {
                        a.name.as_str().into()
                    } else {
                        concat(&[&base, ".", &a.name])
                    };
                    self.bind(scope, local, Binding::Import(qual));
                }
            }
            StmtKind::Global(names) | StmtKind::Nonlocal(names) => {
                for n in names {
                    self.bind(scope, n, Binding::Global);
                }
            }
            StmtKind::Return(Some(value)) => {
                if let ScopeRef::Function(f) = scope {
                    self.sem.returns.entry(f).or_default().push(value);
                }
            }
            StmtKind::Match { cases, .. } => {
                for case in cases {
                    self.bind_pattern(scope, &case.pattern);
                }
            }
            _ => {}
        }
        stmt.for_each_expr(&mut |e| self.expr(scope, e));
    }

    fn bind_pattern(&mut self, scope: ScopeRef, pattern: &'m crate::ir::Pattern) {
        use crate::ir::PatternKind;
        match &pattern.kind {
            PatternKind::As { pattern, name } => {
                if let Some(n) = name {
                    self.bind(scope, n, Binding::Unknown);
                }
                if let Some(p) = pattern {
                    self.bind_pattern(scope, p);
                }
            }
            PatternKind::Or(ps) => ps.iter().for_each(|p| self.bind_pattern(scope, p)),
            PatternKind::Other { names } => {
                for n in names {
                    self.bind(scope, n, Binding::Unknown);
                }
            }
            PatternKind::Value(_) | PatternKind::Singleton(_) => {}
        }
    }

    /// The absolute module a `from ... import` refers to.
    fn import_base(&self, module: Option<&str>, level: u32) -> Option<String> {
        if level == 0 {
            return module.map(str::to_string);
        }
        let mut parts: Vec<&str> = self.module.name.split('.').collect();
        // A module's package is its name minus the last part; a package is its own.
        if !self.module.is_package {
            parts.pop();
        }
        for _ in 1..level {
            parts.pop()?;
        }
        let mut base = parts.join(".");
        if let Some(m) = module {
            if !base.is_empty() {
                base.push('.');
            }
            base.push_str(m);
        }
        Some(base)
    }

    fn bind_target(&mut self, scope: ScopeRef, target: &'m Expr, value: Option<&'m Expr>) {
        match &target.kind {
            ExprKind::Name(n) => {
                self.bind(scope, n, value.map_or(Binding::Unknown, Binding::Assign));
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                let values = value.and_then(|v| match &v.kind {
                    ExprKind::Tuple(vs) | ExprKind::List(vs) if vs.len() == elts.len() => Some(vs),
                    _ => None,
                });
                for (i, elt) in elts.iter().enumerate() {
                    self.bind_target(scope, elt, values.map(|vs| &vs[i]));
                }
            }
            ExprKind::Starred(inner) => self.bind_target(scope, inner, None),
            ExprKind::Attribute { attr, .. } => {
                self.sem.stored_attributes.insert(attr.as_str());
            }
            _ => {}
        }
    }

    fn expr(&mut self, scope: ScopeRef, expr: &'m Expr) {
        expr.walk(&mut |e| match &e.kind {
            ExprKind::Call(call) => self.sem.calls.push(CallSite {
                module: self.module.id,
                scope,
                expr: e,
                call,
                callee: None,
                retry: false,
            }),
            ExprKind::Named { target, value } => {
                if let Some(n) = target.as_name()
                    && let Some(scope) = self.sem.scopes.get_mut(scope)
                {
                    scope
                        .bindings
                        .entry(n)
                        .or_default()
                        .push(Binding::Assign(value));
                }
            }
            _ => {}
        });
    }
}

/// The annotation a class body gives `attr` (`attr: T` or `attr: T = value`), with the
/// value if there is one.
fn annotated<'d>(def: &'d crate::ir::ClassDef, attr: &str) -> Option<(&'d Expr, Option<&'d Expr>)> {
    def.body.iter().find_map(|s| match &s.kind {
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
        } if target.as_name() == Some(attr) => Some((&**annotation, value.as_deref())),
        _ => None,
    })
}
