//! Guards and sanitizing checks: allow-list membership, regular expressions, `isdigit()`
//! and friends, path containment, validators and predicates of the project, and calls
//! that never return (`abort()`).

// Abstract-value algebra reads best with short names (a, b, t, v).

use flaskguard_index::ir::{
    BoolOp, Call, CmpOp, Compare, Expr, ExprKind, FuncIdx, ScopeRef, StmtKind, UnaryOp,
};
use flaskguard_index::{ModuleId, Value};

use std::sync::Arc;

use crate::engine::{CheckSummary, Switches};
use crate::interp::{Exits, FnCtx, MAX_CALL_DEPTH, place_name};
use crate::regex_guard::{self, Method};
use crate::spec::Class;
use crate::value::{AVal, CONTAINED_IF_NORMALIZED, NORMALIZED, Origin, Taint, UNQUOTED};

/// Calls that never return: they end the path that makes them.
pub const ABORTS: &[&str] = &[
    "flask.abort",
    "werkzeug.exceptions.abort",
    "sys.exit",
    "builtins.exit",
];

impl FnCtx<'_, '_, '_> {
    /// Narrows the environment on the path where `test` is `holds`: allow-list
    /// membership, `re.fullmatch`, `isdigit()` and friends make the tested name safe.
    pub(crate) fn apply_guard(&mut self, test: &Expr, holds: bool) {
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
            // `a or b` holds (or `a and b` fails): one of the alternatives holds, so what
            // every alternative proves holds.
            ExprKind::BoolOp { op, values }
                if (*op == BoolOp::Or) == holds && values.len() <= 8 =>
            {
                let before = self.env.clone();
                let mut joined: Option<crate::value::Env> = None;
                // `p == root or p.startswith(root + os.sep)`: `p` is the base directory
                // itself or lies under it; both keep it inside.
                let prefixed: Vec<String> = if holds {
                    values
                        .iter()
                        .filter_map(|v| {
                            let call = v.as_call()?;
                            match &call.func.kind {
                                ExprKind::Attribute { value, attr } if attr == "startswith" => {
                                    place_name(value)
                                }
                                _ => None,
                            }
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                for v in values {
                    self.env.clone_from(&before);
                    if let ExprKind::Compare(cmp) = &v.kind
                        && cmp.ops[..] == [CmpOp::Eq]
                        && place_name(&cmp.left).is_some_and(|n| prefixed.contains(&n))
                    {
                        self.contain_path(&cmp.left);
                    } else {
                        self.apply_guard(v, holds);
                    }
                    joined = Some(match joined {
                        None => std::mem::take(&mut self.env),
                        Some(j) => crate::value::join_env_into(j, &self.env),
                    });
                }
                self.env = joined.unwrap_or(before);
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
                // `parts.netloc == expected_host`, `parts.hostname in ALLOWED_HOSTS`,
                // `host == "example.com"` after `host = (parts.hostname or "").lower()`.
                // A host on the right of `in` is searched, not matched: `"example.com" in
                // parts.netloc` holds for `example.com.evil.net` too.
                let equality = matches!(ops[0], CmpOp::Eq | CmpOp::NotEq);
                self.sanitize_host_of(left, 0);
                if equality {
                    self.sanitize_host_of(&comparators[0], 0);
                }
                self.membership_guard(left, ops[0], &comparators[0], holds);
                self.commonpath_guard(test, holds);
            }
            ExprKind::Compare(cmp) if cmp.ops.len() == 1 => {
                self.membership_guard(&cmp.left, cmp.ops[0], &cmp.comparators[0], holds);
            }
            // `allowed = not parts.netloc or host in HOSTS` … `if allowed:`: a name bound
            // once to a condition stands for it.
            ExprKind::Name(name) if self.guard_names < 4 => {
                let bound = match self.engine.index.bindings_of(self.module, self.scope, name) {
                    Some((_, [flaskguard_index::semantic::Binding::Assign(value)]))
                        if matches!(
                            value.kind,
                            ExprKind::BoolOp { .. }
                                | ExprKind::Compare(_)
                                | ExprKind::UnaryOp { .. }
                                | ExprKind::Call(_)
                        ) =>
                    {
                        Some(*value)
                    }
                    _ => None,
                };
                match bound {
                    Some(value) => {
                        self.guard_names += 1;
                        self.apply_guard(value, holds);
                        self.guard_names -= 1;
                    }
                    None => self.other_guard(test, holds),
                }
            }
            _ => self.other_guard(test, holds),
        }
    }

    /// Makes the parsed URL whose host `e` is safe for redirects and requests: `e` is
    /// `parts.hostname` (or `netloc`, `host`), also lower-cased, stripped, with an `or ""`
    /// fallback, or a local name bound once to such a value. Returns whether it was one.
    fn sanitize_host_of(&mut self, e: &Expr, depth: u32) -> bool {
        let mut places = Vec::new();
        if !self.host_places(e, depth, &mut places) {
            return false;
        }
        for place in places {
            self.sanitize_place(place, Class::Redirect.bit() | Class::Ssrf.bit());
        }
        true
    }

    /// Marks the value at a place (`x`, `obj.attr`) as safe for `mask`; for a parsed URL
    /// (`urlparse(x)`), the URL itself.
    pub(crate) fn sanitize_place(&mut self, place: &Expr, mask: u32) {
        self.sanitize_place_at(place, mask, 0);
    }

    fn sanitize_place_at(&mut self, place: &Expr, mask: u32, depth: u32) {
        // `parsed = urlparse(url)` or `stripped = url.strip()` earlier: checking the
        // name checks what it was computed from, as checking the call inline would.
        if depth < 4
            && let Some(name) = place.as_name()
            && let Some((_, [flaskguard_index::semantic::Binding::Assign(value)])) =
                self.engine.index.bindings_of(self.module, self.scope, name)
            && value.as_call().is_some()
            && !std::ptr::eq(*value, place)
        {
            let value: &Expr = value;
            self.sanitize_place_at(value, mask, depth + 1);
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
                        self.sanitize_place_at(arg, mask, depth + 1);
                    }
                }
                // `urljoin(base, target)`: checking the joined URL checks `target`.
                Some("urllib.parse.urljoin") => {
                    if let Some(arg) = call.args.get(1) {
                        self.sanitize_place_at(arg, mask, depth + 1);
                    }
                }
                _ => {
                    // `c.strip() in ALLOWED`, `mode.lower() == "fast"`: the text itself is
                    // the checked value up to case and surrounding whitespace.
                    if let ExprKind::Attribute { value, attr } = &call.func.kind
                        && is_normalising(attr)
                        && call.args.is_empty()
                        && call.keywords.is_empty()
                    {
                        self.sanitize_place_at(value, mask, depth + 1);
                    }
                }
            }
            return;
        }
        let Some(name) = place_name(place) else {
            return;
        };
        let current = match self.env.get(name.as_str()) {
            Some(v) => v.clone(),
            None => self.eval(place),
        };
        if let Some(mut t) = current.taint() {
            t.sanitize(mask);
            self.env.insert(name.into(), AVal::Tainted(t));
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
        // `if ".." in name` (or `in name.split("/")`, `in Path(name).parts`): past the
        // check, no parent-directory step.
        if absent && matches!(self.eval(left), AVal::Const(Value::Str(ref s)) if s == "..") {
            let place = match &right.kind {
                ExprKind::Call(call) if matches!(&call.func.kind, ExprKind::Attribute { attr, .. } if attr == "split") => {
                    match &call.func.kind {
                        ExprKind::Attribute { value, .. } => value,
                        _ => right,
                    }
                }
                ExprKind::Attribute { value, attr } if attr == "parts" => value
                    .as_call()
                    .and_then(|c| c.args.first())
                    .unwrap_or(value),
                _ => right,
            };
            self.sanitize_place(place, crate::value::NO_DOTDOT);
            return;
        }
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
                // `if slicer not in self.registered_slicers: raise`: what the object
                // keeps (in a method, drawn from `self` alone) is the server's state.
                AVal::Tainted(t) => membership && self.of_own_object(t),
                AVal::Class(_) | AVal::Instance { .. } => false,
            };
            if constant {
                if equality {
                    if let Some(name) = place_name(left) {
                        self.env.insert(name.into(), r.clone());
                    }
                } else {
                    self.sanitize_place(left, Class::ALL_BITS);
                }
            }
        }
    }

    /// Whether a value comes only from the object a method runs on (`self.x`, `self.y()`).
    fn of_own_object(&self, t: &Taint) -> bool {
        let ScopeRef::Function(f) = self.scope else {
            return false;
        };
        let def = &self.engine.index.module(self.module).functions[f.0 as usize];
        matches!(def.parent, ScopeRef::Class(_))
            && def.params.first().is_some_and(|p| p.name == "self")
            && t.origins.iter().all(|(o, _)| matches!(o, Origin::Param(0)))
    }

    /// A normalised path checked to lie under a base directory is safe as a path.
    pub(crate) fn contain_path(&mut self, place: &Expr) {
        let v = self.eval(place);
        let Some(t) = v.taint() else { return };
        if t.sanitized() & NORMALIZED == 0 && matches!(&t.origins[..], [(Origin::Param(_), _)]) {
            // `def _is_within(p, root): return p.startswith(root + os.sep)`: it depends on
            // what the caller passes.
            self.sanitize_place(place, CONTAINED_IF_NORMALIZED);
        }
        if t.sanitized() & NORMALIZED != 0 {
            self.sanitize_place(place, Class::Path.bit());
            // In a function summarised as a check, `full = realpath(join(root, path))`
            // checked to lie under `root` checks the parameters it was built from: the
            // function keeps `path` inside `root` for its callers. (Request data is not
            // treated so: two fields of one request body share their origin.)
            if t.origins.iter().all(|(o, _)| matches!(o, Origin::Param(_))) {
                self.sanitize_origins(&t, Class::Path.bit());
            }
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
                    // `url.startswith("https://example.com/share/")` (or any of a tuple of
                    // such prefixes): the host is fixed.
                    let prefixes = match call.args.first().map(|a| self.eval(a)) {
                        Some(AVal::Const(Value::Str(s))) => vec![s],
                        Some(AVal::Seq(items)) => items
                            .into_iter()
                            .map(|v| match v {
                                AVal::Const(Value::Str(s)) => s,
                                _ => String::new(),
                            })
                            .collect(),
                        _ => Vec::new(),
                    };
                    if !prefixes.is_empty() && prefixes.iter().all(|p| fixed_origin_prefix(p)) {
                        self.sanitize_place(value, Class::Ssrf.bit() | Class::Redirect.bit());
                    }
                    self.contain_path(value);
                }
            }
            // `not x.startswith("//")`: with a regex check that `x` is a `/` path, a local
            // redirect.
            ExprKind::Call(call)
                if !holds
                    && matches!(&call.func.kind, ExprKind::Attribute { attr, .. } if attr == "startswith")
                    && call.args.len() == 1
                    && matches!(self.eval(&call.args[0]), AVal::Const(Value::Str(ref s)) if s == "//") =>
            {
                if let ExprKind::Attribute { value, .. } = &call.func.kind {
                    self.sanitize_place(value, crate::value::NO_DOUBLE_SLASH);
                }
            }
            // `not os.path.isabs(p)`, `not Path(p).is_absolute()`, `not p.startswith("/")`:
            // a relative path.
            ExprKind::Call(call) if !holds && self.absolute_test(call).is_some() => {
                if let Some(place) = self.absolute_test(call) {
                    self.sanitize_place(place, crate::value::NOT_ABSOLUTE);
                }
            }
            // `host.endswith(".example.com")`: a subdomain of one fixed domain.
            ExprKind::Call(call)
                if holds
                    && matches!(&call.func.kind, ExprKind::Attribute { attr, .. } if attr == "endswith")
                    && call.args.len() == 1
                    && matches!(self.eval(&call.args[0]), AVal::Const(Value::Str(ref s)) if s.starts_with('.') && s.len() > 1) =>
            {
                if let ExprKind::Attribute { value, .. } = &call.func.kind {
                    self.sanitize_host_of(value, 0);
                }
            }
            ExprKind::Call(call) if holds => {
                let callee = self
                    .engine
                    .index
                    .resolve(self.module, self.scope, &call.func);
                let qual = callee.as_ref().map_or("", |r| r.qual.as_str());
                // `fnmatch(parts.netloc, pattern)`: the host matches one of the server's
                // patterns; `any(<check> for pattern in patterns)`: one check holds.
                if matches!(qual, "fnmatch.fnmatch" | "fnmatch.fnmatchcase")
                    && let Some(host) = call.args.first()
                {
                    self.sanitize_host_of(host, 0);
                    return;
                }
                // `isinstance(x, int)`: a number; `isinstance(res, Response)`: a response
                // object, whose body was judged where it was built.
                if qual == "builtins.isinstance"
                    && let [value, types] = call.args.as_slice()
                {
                    if let Some(mask) = self.isinstance_mask(types) {
                        self.sanitize_place(value, mask);
                    }
                    return;
                }
                if qual == "builtins.any"
                    && let Some(arg) = call.args.first()
                    && let ExprKind::Comprehension(comp) = &arg.kind
                {
                    self.apply_guard(&comp.elt, true);
                    return;
                }
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
                    self.sanitize_place(value, Class::ALL_BITS);
                    return;
                }
                // `if is_local_url(target):` — a project predicate: what its body checks on
                // the paths that return a true value holds for the arguments. Its name
                // proves nothing.
                if let Some(r) = &callee
                    && let Some(target) = self.engine.index.project_function(&r.qual)
                {
                    self.apply_check_summary(call, target, true);
                    return;
                }
                // `if watching.get(uuid):` — a lookup that found something: `uuid` is a key
                // of the mapping, as `uuid in watching` says.
                if let ExprKind::Attribute { value, attr } = &call.func.kind
                    && attr == "get"
                    && call.keywords.is_empty()
                    && let [key, default @ ..] = call.args.as_slice()
                    && match default {
                        [] => true,
                        [d] => {
                            matches!(self.eval(d), AVal::Const(Value::None | Value::Bool(false)))
                        }
                        _ => false,
                    }
                {
                    self.membership_guard(key, CmpOp::In, value, true);
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

    /// What `isinstance(x, types)` proves `x` safe for: every sink when each type is a
    /// number, HTML bodies when each is a response class; `None` for any other type.
    fn isinstance_mask(&self, types: &Expr) -> Option<u32> {
        let items: Vec<&Expr> = match &types.kind {
            ExprKind::Tuple(items) => items.iter().collect(),
            _ => vec![types],
        };
        let mut mask = Class::ALL_BITS;
        for t in items {
            let r = self.engine.index.resolve(self.module, self.scope, t)?;
            match r.qual.as_str() {
                "builtins.int" | "builtins.float" | "builtins.bool" | "builtins.complex"
                | "decimal.Decimal" | "fractions.Fraction" | "uuid.UUID" => {}
                "flask.Response"
                | "flask.wrappers.Response"
                | "werkzeug.Response"
                | "werkzeug.wrappers.Response"
                | "werkzeug.wrappers.response.Response"
                | "werkzeug.sansio.response.Response" => mask &= Class::Xss.bit(),
                _ => return None,
            }
        }
        Some(mask)
    }

    /// The path a call tests for being absolute: `os.path.isabs(p)`,
    /// `PurePosixPath(p).is_absolute()` (any pathlib class), `p.startswith("/")`.
    fn absolute_test<'x>(&mut self, call: &'x Call) -> Option<&'x Expr> {
        if let ExprKind::Attribute { value, attr } = &call.func.kind {
            if attr == "is_absolute" && call.args.is_empty() {
                let inner = value.as_call()?;
                let r = self.engine.index.callee_of(self.module, value)?;
                return (r.qual.starts_with("pathlib.")).then(|| inner.args.first())?;
            }
            if attr == "startswith"
                && call.args.len() == 1
                && matches!(self.eval(&call.args[0]), AVal::Const(Value::Str(ref s)) if s == "/")
            {
                return Some(value);
            }
        }
        let r = self
            .engine
            .index
            .resolve(self.module, self.scope, &call.func)?;
        matches!(r.qual.as_str(), "os.path.isabs" | "posixpath.isabs")
            .then(|| call.args.first())
            .flatten()
    }

    /// A substitution that deletes every character of one class: its result is safe for
    /// the sinks those characters could have harmed.
    pub(crate) fn removed_by_sub(
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
        if let Some(mask) = regex_guard::kept_by_negated_class(&pattern, repl) {
            let mut t = t.clone();
            t.sanitize(mask);
            return Some(AVal::Tainted(t));
        }
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
    pub(crate) fn regex_guard(&mut self, call: &Call, callee: Option<&str>) {
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
    pub(crate) fn declares_non_html(&self, e: &Expr) -> bool {
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
    pub(crate) fn validator_call(&mut self, e: &Expr) {
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

    /// Records the environment at a `return` of a function summarised as a check.
    pub(crate) fn record_exit(&mut self, value: Option<&Expr>, v: &AVal) {
        let Some(exits) = self.exits.take() else {
            return;
        };
        let mut exits = exits;
        if exits.opt_out {
            exits.opt_outs += 1;
            self.exits = Some(exits);
            return;
        }
        if exits.truthy_only {
            let falsy = matches!(
                v,
                AVal::Const(Value::Bool(false) | Value::None | Value::Int(0))
            ) || matches!(v, AVal::Const(Value::Str(s)) if s.is_empty());
            if !falsy {
                // `return re.fullmatch(p, x) is not None`: the returned condition holds.
                let saved = self.env.clone();
                // (A value of unknown content, such as the bool another predicate
                // returns, is a condition too: `return _is_safe(target, app)`.)
                if let Some(e) = value
                    && !matches!(v, AVal::Const(c) if *c != Value::Unknown)
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

    /// Applies what a project function checks of its parameters to the arguments of this
    /// call: the classes every counted exit made a parameter safe for, and, for a
    /// validator with no normal exit, the end of the current path.
    fn apply_check_summary(&mut self, call: &Call, (m, f): (ModuleId, FuncIdx), truthy_only: bool) {
        let def = &self.engine.index.module(m).functions[f.0 as usize];
        let argument = |i: usize, p: &flaskguard_index::ir::Param| match p.kind {
            flaskguard_index::ir::ParamKind::PositionalOnly => call.args.get(i),
            flaskguard_index::ir::ParamKind::Positional => call.argument(i, &p.name),
            flaskguard_index::ir::ParamKind::KeywordOnly => call.keyword(&p.name),
            flaskguard_index::ir::ParamKind::VarArgs | flaskguard_index::ir::ParamKind::KwArgs => {
                None
            }
        };
        // The switches this call sets (or leaves at their constant default).
        let values: Vec<Option<Value>> = def
            .params
            .iter()
            .enumerate()
            .map(|(i, p)| match argument(i, p) {
                Some(arg) => self.eval(arg).as_const().cloned(),
                None => p
                    .default
                    .as_deref()
                    .map(|d| self.engine.index.eval(m, ScopeRef::Module, d)),
            })
            .collect();
        let switches = Switches::of(values.iter().map(Option::as_ref));
        let Some(check) = self.check_summary((m, f), truthy_only, switches) else {
            return;
        };
        let masks = match &*check {
            CheckSummary::Stops => {
                if !truthy_only {
                    self.dead = true;
                }
                return;
            }
            CheckSummary::Masks(masks) => masks,
        };
        for &(i, mask) in masks {
            let Some(p) = def.params.get(i) else { continue };
            if let Some(arg) = argument(i, p) {
                let contained = mask & CONTAINED_IF_NORMALIZED != 0;
                let mut mask = mask & !CONTAINED_IF_NORMALIZED;
                if contained
                    && self
                        .eval(arg)
                        .taint()
                        .is_some_and(|t| t.sanitized() & NORMALIZED != 0)
                {
                    mask |= Class::Path.bit();
                }
                if mask != 0 {
                    self.sanitize_place(arg, mask);
                }
            }
        }
    }

    /// Summarises a project function as a check of its parameters, once per set of
    /// switches the calls pass: its body runs with each other parameter bound to a
    /// marker, in a context of its own (what it checks does not depend on the caller, so
    /// no inlining depth of the caller limits it). An exit taken on a condition that
    /// reads no argument (`if not config.SERVER_MODE: return`, a deployment switch)
    /// does not count: the check is what the function is for. `None` while the function
    /// is being summarised further up (recursion) or the call chain is too deep.
    fn check_summary(
        &mut self,
        (m, f): (ModuleId, FuncIdx),
        truthy_only: bool,
        switches: Switches,
    ) -> Option<Arc<CheckSummary>> {
        let engine = self.engine;
        let key = (m, f, truthy_only, switches);
        if let Some(c) = engine.checks.lock().expect("checks lock").get(&key) {
            return Some(c.clone());
        }
        if self.depth + 1 > MAX_CALL_DEPTH
            || !engine
                .checks_in_progress
                .lock()
                .expect("checks lock")
                .insert(key.clone())
        {
            return None;
        }
        let def = &engine.index.module(m).functions[f.0 as usize];
        let mut fx = FnCtx::new(engine, m, ScopeRef::Function(f), self.depth + 1);
        fx.exits = Some(Exits {
            truthy_only,
            envs: Vec::new(),
            opt_out: false,
            opt_outs: 0,
        });
        let mut bound: Vec<(usize, &str)> = Vec::new();
        for (i, p) in def.params.iter().enumerate() {
            if matches!(
                p.kind,
                flaskguard_index::ir::ParamKind::VarArgs | flaskguard_index::ir::ParamKind::KwArgs
            ) {
                continue;
            }
            if let Some(value) = key.3.value_at(i) {
                fx.env.insert(p.name.as_str().into(), value);
                continue;
            }
            fx.env.insert(
                p.name.as_str().into(),
                AVal::Tainted(Taint::param(i as u16)),
            );
            bound.push((i, &p.name));
        }
        fx.block(&def.body);
        let (mut exits, opt_outs) = fx
            .exits
            .take()
            .map_or((Vec::new(), 0), |e| (e.envs, e.opt_outs));
        if !fx.dead && !truthy_only {
            exits.push(std::mem::take(&mut fx.env));
        }
        let check = if exits.is_empty() {
            if truthy_only || opt_outs > 0 {
                CheckSummary::Masks(Vec::new())
            } else {
                CheckSummary::Stops
            }
        } else {
            CheckSummary::Masks(
                bound
                    .into_iter()
                    .filter_map(|(i, name)| {
                        let mask = exits.iter().fold(u32::MAX, |acc, env| {
                            acc & match env.get(name) {
                                Some(v) => v.taint().map_or(u32::MAX, |t| t.sanitized()),
                                None => 0,
                            }
                        });
                        let mask = mask & !(NORMALIZED | UNQUOTED);
                        (mask != 0).then_some((i, mask))
                    })
                    .collect(),
            )
        };
        let check = Arc::new(check);
        engine
            .checks_in_progress
            .lock()
            .expect("checks lock")
            .remove(&key);
        engine
            .checks
            .lock()
            .expect("checks lock")
            .insert(key, check.clone());
        Some(check)
    }

    pub(crate) fn is_abort(&self, e: &Expr) -> bool {
        let Some(call) = e.as_call() else {
            return false;
        };
        self.engine
            .index
            .resolve(self.module, self.scope, &call.func)
            .is_some_and(|r| ABORTS.contains(&r.qual.as_str()))
    }
}

/// String methods that change only case or surrounding whitespace: checking their result
/// checks the text itself, up to those.
fn is_normalising(method: &str) -> bool {
    matches!(
        method,
        "strip" | "lstrip" | "rstrip" | "lower" | "upper" | "casefold"
    )
}

/// Whether every URL that starts with `prefix` goes to one host: `scheme://host/…`, the
/// authority closed by a `/` (`https://example.com` alone also starts
/// `https://example.com.evil.test`), with no `@` or `\\` in it.
fn fixed_origin_prefix(prefix: &str) -> bool {
    let Some((scheme, rest)) = prefix.split_once("://") else {
        return false;
    };
    let scheme_ok = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    let Some((authority, _)) = rest.split_once('/') else {
        return false;
    };
    scheme_ok && !authority.is_empty() && !authority.contains(['@', '\\', '?', '#'])
}

/// The parts of a parsed URL that name the host.
fn is_host_part(attr: &str) -> bool {
    matches!(attr, "netloc" | "hostname" | "host")
}

impl<'a> FnCtx<'_, '_, 'a> {
    /// The URLs (or parsed URLs) whose host `e` is, when it is one on every path:
    /// `parts.hostname`, `(parts.hostname or "").lower()`, a name bound to those (and
    /// re-bound only to its own normalised form: `host = host.lower()`).
    fn host_places<'x>(&self, e: &'x Expr, depth: u32, out: &mut Vec<&'x Expr>) -> bool
    where
        'a: 'x,
    {
        if depth > 4 {
            return false;
        }
        match &e.kind {
            ExprKind::Attribute { value, attr } if is_host_part(attr) => {
                out.push(value);
                true
            }
            ExprKind::Call(call) if call.args.is_empty() => match &call.func.kind {
                ExprKind::Attribute { value, attr } if is_normalising(attr) => {
                    self.host_places(value, depth + 1, out)
                }
                _ => false,
            },
            ExprKind::BoolOp {
                op: BoolOp::Or,
                values,
            } if values.len() == 2 && matches!(values[1].kind, ExprKind::Str(_)) => {
                self.host_places(&values[0], depth + 1, out)
            }
            ExprKind::Name(name) => {
                let Some((_, bindings)) =
                    self.engine.index.bindings_of(self.module, self.scope, name)
                else {
                    return false;
                };
                let mut any = false;
                for b in bindings {
                    let flaskguard_index::semantic::Binding::Assign(value) = b else {
                        return false;
                    };
                    // `host = host.lower()`: the same host.
                    if let Some(call) = value.as_call()
                        && call.args.is_empty()
                        && let ExprKind::Attribute { value: recv, attr } = &call.func.kind
                        && is_normalising(attr)
                        && recv.as_name() == Some(name.as_str())
                    {
                        continue;
                    }
                    if !self.host_places(value, depth + 1, out) {
                        return false;
                    }
                    any = true;
                }
                any
            }
            _ => false,
        }
    }
}
