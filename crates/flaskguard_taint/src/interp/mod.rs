//! The interpreter: `FnCtx` runs one function body (or a module's top level) over the
//! abstract values, statement by statement. Its child modules hold the statements, the
//! assignments and the expressions — the only code that recurses into expressions;
//! what calls, guards and sinks mean lives in the crate's `calls`, `guards`,
//! `objects` and `sinks` modules, as further `impl FnCtx` blocks.

// Abstract-value algebra reads best with short names (a, b, t, v).

mod assign;
mod expr;
mod stmt;

use std::sync::Arc;

use flaskguard_index::ir::{Expr, FuncIdx, ScopeRef};
use flaskguard_index::{ModuleId, Span};

use crate::engine::{Engine, Summary, Switches};
use crate::value::{AVal, Env, Origin, Step, Taint};

/// Helpers of at most this many statements are analysed at each call site.
pub(crate) const INLINE_MAX_STATEMENTS: usize = 12;

/// Calls are inlined at most this deep.
pub(crate) const MAX_INLINE_DEPTH: usize = 2;

/// Summaries are computed at most this deep in the call graph.
pub(crate) const MAX_CALL_DEPTH: usize = 6;

/// The abstract interpreter of one function body (or a module's top level): its
/// environment, and what it found (returns, flows, verdicts, sinks fed by parameters).
pub(crate) struct FnCtx<'e, 'i, 'a> {
    pub(crate) engine: &'e Engine<'i, 'a>,
    pub(crate) module: ModuleId,
    pub(crate) scope: ScopeRef,
    pub(crate) depth: usize,
    pub(crate) env: Env,
    /// What the body does with taint so far: becomes the function's [`Summary`].
    pub(crate) found: Summary,
    /// How many calls deep this context is inlined.
    pub(crate) inline_depth: usize,
    /// The current path can no longer continue (after return/raise/abort).
    pub(crate) dead: bool,
    /// When summarising a check (a predicate or a validator), the environments at the
    /// exits that count: every normal exit, or only the truthy returns of a predicate.
    pub(crate) exits: Option<Exits>,
    /// How many names bound to conditions a guard has followed (a bound on the chain).
    pub(crate) guard_names: u8,
    /// The last call of a project function (its span) and what it can return as a
    /// response body: the join of its `return` values that are not JSON or declared
    /// non-HTML. A view that returns the call returns that, not the whole join.
    pub(crate) call_body: Option<(Span, AVal)>,
    /// The `Markup(...)` call being evaluated is the receiver of `.unescape()` or
    /// `.striptags()`: it makes plain text, not HTML.
    pub(crate) plain_text_markup: Option<Span>,
    /// For each loop being analysed (innermost last), the environments at its `break`
    /// and `continue` statements so far.
    pub(crate) loop_jumps: Vec<Vec<Env>>,
    /// The response bodies of project helper calls assigned to a name (by the call's
    /// span): `result = helper(...)` … `return result`.
    pub(crate) assigned_bodies: Vec<(Span, AVal)>,
}

/// The exits of a function summarised as a check.
pub(crate) struct Exits {
    pub(crate) truthy_only: bool,
    pub(crate) envs: Vec<Env>,
    /// The current path is inside a branch taken on a condition that reads no argument
    /// (a deployment switch): its exits do not count.
    pub(crate) opt_out: bool,
    /// How many exits did not count.
    pub(crate) opt_outs: usize,
}

impl Engine<'_, '_> {
    /// The summary of a function, computed once.
    pub(crate) fn summary(&self, f: (ModuleId, FuncIdx), depth: usize) -> Arc<Summary> {
        self.summary_with(f, depth, Switches::default())
    }

    /// The summary of a function for calls that pass these switches (`True`, `False`,
    /// `None`, by parameter index; left at their default or given): computed once per
    /// set. `dump(path, from_setup=False)` never runs the `if from_setup:` branch.
    pub(crate) fn summary_with(
        &self,
        f: (ModuleId, FuncIdx),
        depth: usize,
        switches: Switches,
    ) -> Arc<Summary> {
        let key = (f, switches);
        if let Some(s) = self.summaries.lock().expect("summaries lock").get(&key) {
            return s.clone();
        }
        if depth > MAX_CALL_DEPTH || !self.in_progress.lock().expect("lock").insert(f) {
            // Recursion or too deep: a conservative summary (parameters flow to the result).
            return Arc::new(self.conservative_summary(f));
        }
        let (module, func) = f;
        let def = &self.index.module(module).functions[func.0 as usize];
        let mut fx = FnCtx::new(self, module, ScopeRef::Function(func), depth);
        for (i, p) in def.params.iter().enumerate() {
            let is_self = i == 0
                && matches!(def.parent, ScopeRef::Class(_))
                && (p.name == "self" || p.name == "cls");
            // `self` stands for the object: its attributes carry what the object was built
            // from (the call site passes the receiver's value).
            if is_self && p.name == "cls" {
                continue;
            }
            let value = key
                .1
                .value_at(i)
                .unwrap_or_else(|| AVal::Tainted(Taint::param(i as u16)));
            fx.env.insert(p.name.as_str().into(), value);
        }
        fx.block(&def.body);
        if !fx.dead {
            fx.record_param_effects();
        }
        fx.found.complete = true;
        // A branch one call's switches rule out is not dead for other calls.
        if !key.1.is_empty() {
            fx.found.dead_code.clear();
        }
        let summary = Arc::new(fx.found);
        self.summaries
            .lock()
            .expect("summaries lock")
            .entry(key)
            .or_insert_with(|| summary.clone());
        self.in_progress.lock().expect("lock").remove(&f);
        summary
    }

    /// The summary of a function that cannot be analysed here (it is being analysed
    /// further up this call chain, or the chain is too deep): every parameter may flow to
    /// the returned value, unsanitized. (`cls` is left out, as in a computed summary.)
    fn conservative_summary(&self, (module, func): (ModuleId, FuncIdx)) -> Summary {
        let def = &self.index.module(module).functions[func.0 as usize];
        let origins: Vec<(Origin, u32)> = def
            .params
            .iter()
            .enumerate()
            .filter(|&(i, p)| {
                !(i == 0 && matches!(def.parent, ScopeRef::Class(_)) && p.name == "cls")
            })
            .map(|(i, _)| (Origin::Param(i as u16), 0))
            .collect();
        Summary {
            returns: (!origins.is_empty()).then(|| {
                AVal::Tainted(Taint {
                    origins,
                    steps: Arc::new(Vec::new()),
                })
            }),
            ..Summary::default()
        }
    }
}

impl<'e, 'i, 'a> FnCtx<'e, 'i, 'a> {
    pub(crate) fn new(
        engine: &'e Engine<'i, 'a>,
        module: ModuleId,
        scope: ScopeRef,
        depth: usize,
    ) -> Self {
        FnCtx {
            engine,
            module,
            scope,
            depth,
            env: Env::default(),
            found: Summary::default(),
            inline_depth: 0,
            dead: false,
            exits: None,
            guard_names: 0,
            call_body: None,
            plain_text_markup: None,
            loop_jumps: Vec::new(),
            assigned_bodies: Vec::new(),
        }
    }

    pub(crate) fn step(&self, span: Span, message: impl Into<String>) -> Step {
        Step {
            module: self.module,
            span,
            message: message.into(),
        }
    }

    pub(crate) fn text(&self, span: Span) -> String {
        let t = self.engine.index.module(self.module).source.slice(span);
        let t: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
        if t.chars().count() > 60 {
            format!("{}…", t.chars().take(59).collect::<String>())
        } else {
            t
        }
    }

    /// Notes what this function's parameters' attributes hold now, where tainted
    /// ([`Summary::param_effects`]), joined with what other exits noted.
    pub(crate) fn record_param_effects(&mut self) {
        let ScopeRef::Function(f) = self.scope else {
            return;
        };
        let def = &self.engine.index.module(self.module).functions[f.0 as usize];
        let mut noted: Vec<(u16, String, AVal)> = Vec::new();
        for (key, v) in &self.env {
            let Some((name, attr)) = key.split_once('.') else {
                continue;
            };
            if attr.contains('.') || v.taint().is_none() {
                continue;
            }
            let Some(i) = def.params.iter().position(|p| p.name == name) else {
                continue;
            };
            noted.push((i as u16, attr.to_string(), v.clone()));
        }
        for (i, attr, v) in noted {
            match self
                .found
                .param_effects
                .iter_mut()
                .find(|(j, a, _)| *j == i && *a == attr)
            {
                Some((_, _, old)) => *old = old.join(&v),
                None => self.found.param_effects.push((i, attr, v)),
            }
        }
    }

    /// A context that analyses project function `f` for this call site, one inlining level
    /// deeper.
    pub(crate) fn child(&self, (m, f): (ModuleId, FuncIdx)) -> FnCtx<'e, 'i, 'a> {
        let mut fx = FnCtx::new(self.engine, m, ScopeRef::Function(f), self.depth + 1);
        fx.inline_depth = self.inline_depth + 1;
        fx
    }
}

/// `x`, `self.x`, `obj.attr.sub`: a place the environment tracks.
pub(crate) fn place_name(e: &Expr) -> Option<String> {
    e.dotted_names().map(|names| names.join("."))
}
