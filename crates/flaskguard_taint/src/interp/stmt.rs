//! Statements: blocks, branches with their guards, loops to a fixed point, `try`,
//! `with`, `match`, and code that never runs.

// Abstract-value algebra reads best with short names (a, b, t, v).

use flaskguard_index::ir::{Expr, ExprKind, PatternKind, Stmt, StmtKind, Try};
use flaskguard_index::{Span, Value};

use crate::interp::FnCtx;
use crate::value::{AVal, Env, element_of, join_env, join_env_into};

/// Loop bodies are re-analysed until the environment is stable, at most this often.
const MAX_LOOP_PASSES: usize = 3;

/// Iterables that are never empty (they raise instead): a loop over them runs at least once.
const NEVER_EMPTY: &[&str] = &["socket.getaddrinfo"];

impl FnCtx<'_, '_, '_> {
    pub(crate) fn block(&mut self, body: &[Stmt]) {
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

    pub(crate) fn stmt(&mut self, stmt: &Stmt) {
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
            | StmtKind::ImportFrom { .. } => {}
            // `if host != allowed: continue`: the path ends here; its environment goes back
            // to the loop's head (and, for `break`, past the loop).
            StmtKind::Break | StmtKind::Continue => {
                if let Some(jumps) = self.loop_jumps.last_mut() {
                    jumps.push(self.env.clone());
                    self.dead = true;
                }
            }
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
                // `return helper(...)`: what the helper can return as a body (its JSON
                // lists and redirects are not HTML, whatever else it returns).
                let body_expr = value.as_deref().map(|e| match &e.kind {
                    ExprKind::Tuple(items) if !items.is_empty() => &items[0],
                    _ => e,
                });
                let body = match (&self.call_body, body_expr) {
                    (Some((span, helper_body)), Some(e))
                        if *span == e.span && matches!(e.kind, ExprKind::Call(_)) =>
                    {
                        helper_body.clone()
                    }
                    // `result = helper(...)` … `return result`, the name bound only there.
                    (_, Some(e)) => self.assigned_call_body(e).unwrap_or(body),
                    _ => body,
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
                    self.found.return_sites.push((stmt.span, body));
                }
                self.record_exit(value.as_deref(), &v);
                self.record_param_effects();
                self.found.returns = Some(match &self.found.returns {
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
                if let Some((span, body)) = &self.call_body
                    && *span == value.span
                {
                    self.assigned_bodies.push((*span, body.clone()));
                }
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
                let Try {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                } = &**tr;
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
                        self.env.insert(n.as_str().into(), AVal::Unknown);
                    }
                    self.block(&h.body);
                    handlers_dead &= self.dead;
                    if !self.dead {
                        merged = if all_dead {
                            self.env.clone()
                        } else {
                            join_env_into(std::mem::take(&mut merged), &self.env)
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
                        self.env.insert(n.as_str().into(), s.clone());
                    }
                    // `case "light" | "dark":` — the subject is one of those constants here.
                    if pattern_is_literal(&case.pattern.kind) {
                        self.sanitize_place(subject, crate::Class::ALL_BITS);
                    }
                    self.block(&case.body);
                    if !self.dead {
                        merged = Some(match merged {
                            Some(m) => join_env_into(m, &self.env),
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
                        self.env = join_env_into(m, &before);
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
            self.loop_jumps.push(Vec::new());
            self.block(body);
            let jumps = self.loop_jumps.pop().unwrap_or_default();
            // Where an iteration ends: the end of the body, a `continue` or a `break` (a
            // `break` is taken as reaching the head too: an over-approximation).
            let mut end: Option<Env> = (!self.dead).then(|| std::mem::take(&mut self.env));
            for j in jumps {
                end = Some(match end {
                    Some(e) => join_env_into(e, &j),
                    None => j,
                });
            }
            let Some(end) = end else {
                // Every path returns or raises: nothing reaches the head again.
                break;
            };
            outs = Some(match outs {
                Some(o) => join_env_into(o, &end),
                None => end.clone(),
            });
            self.env = end;
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
                // Summarising a check: a branch on a switch that reads no argument.
                let switch =
                    self.exits.as_ref().is_some_and(|e| !e.opt_out) && !self.reads_taint(test);
                if switch && let Some(e) = self.exits.as_mut() {
                    e.opt_out = true;
                }
                let before = self.env.clone();
                self.apply_guard(test, true);
                self.block(body);
                let (then_env, then_dead) = (std::mem::replace(&mut self.env, before), self.dead);
                self.dead = false;
                self.apply_guard(test, false);
                self.block(orelse);
                let (else_env, else_dead) = (std::mem::take(&mut self.env), self.dead);
                if switch && let Some(e) = self.exits.as_mut() {
                    e.opt_out = false;
                }
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
                        self.env = join_env_into(then_env, &else_env);
                        self.dead = false;
                    }
                }
            }
        }
    }

    /// What a name returned as the body holds as a response body when its one binding in
    /// the function is a call of a project helper: the helper's own bodies (its JSON
    /// dicts and lists are not HTML).
    fn assigned_call_body(&self, e: &Expr) -> Option<AVal> {
        let name = e.as_name()?;
        let (_, [flaskguard_index::semantic::Binding::Assign(value)]) = self
            .engine
            .index
            .bindings_of(self.module, self.scope, name)?
        else {
            return None;
        };
        self.assigned_bodies
            .iter()
            .rev()
            .find(|(span, _)| *span == value.span)
            .map(|(_, body)| body.clone())
    }

    /// Whether any name in `e` holds a tainted value (for a check being summarised: an
    /// argument, or something read from one).
    fn reads_taint(&mut self, e: &Expr) -> bool {
        let mut names = Vec::new();
        e.walk(&mut |x| {
            if matches!(x.kind, ExprKind::Name(_)) {
                names.push(x);
            }
        });
        names.into_iter().any(|n| self.eval(n).taint().is_some())
    }

    /// Records a block that never runs (its condition folds to a constant).
    fn mark_dead(&mut self, block: &[Stmt]) {
        if let (Some(first), Some(last)) = (block.first(), block.last()) {
            self.found
                .dead_code
                .push((self.module, Span::new(first.span.start, last.span.end)));
        }
    }
}

/// A `case` pattern made only of literal values (`"a"`, `"a" | "b"`).
fn pattern_is_literal(kind: &PatternKind) -> bool {
    match kind {
        PatternKind::Value(e) | PatternKind::Singleton(e) => e.is_literal(),
        PatternKind::Or(items) => items.iter().all(|p| pattern_is_literal(&p.kind)),
        PatternKind::As { .. } | PatternKind::Other { .. } => false,
    }
}
