//! Constant evaluation: what a configuration value or an argument is, as far as it can be
//! known without running the program.

use crate::ModuleId;
use crate::fold;
use crate::ir::{BoolOp, Expr, ExprKind, FPart, ScopeRef};
use crate::semantic::{Binding, Index};

const MAX_EVAL_DEPTH: u32 = 12;

/// How many expressions one evaluation may visit. Names are followed to their values, so a
/// value that names others several times (`a = [b, b]; b = [a, a]`, or what a parser makes
/// of broken code) would otherwise take time exponential in [`MAX_EVAL_DEPTH`].
const MAX_EVAL_NODES: u32 = 10_000;

thread_local! {
    /// What is left of the current evaluation's [`MAX_EVAL_NODES`] (`None`: none running).
    static EVAL_BUDGET: std::cell::Cell<Option<u32>> = const { std::cell::Cell::new(None) };
}

/// What following a `**kwargs` parameter to its callers costs of [`MAX_EVAL_DEPTH`].
const KWARGS_HOP_COST: u32 = MAX_EVAL_DEPTH / 2;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    None,
    List(Vec<Value>),
    Dict(Vec<(Value, Value)>),
    /// Read from the environment: `os.environ["X"]`, `os.getenv("X", default)`.
    Env {
        var: String,
        default: Option<Box<Value>>,
    },
    /// The result of a call to a known function with (evaluated) arguments.
    Call {
        qual: String,
        args: Vec<Value>,
        kwargs: Vec<(String, Value)>,
    },
    Unknown,
}

impl Value {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            Value::Int(i) => Some(*i != 0),
            _ => None,
        }
    }

    /// Python truthiness, where it is known.
    pub fn truthy(&self) -> Option<bool> {
        match self {
            Value::Str(s) => Some(!s.is_empty()),
            Value::Int(i) => Some(*i != 0),
            Value::Float(f) => Some(*f != 0.0),
            Value::Bool(b) => Some(*b),
            Value::None => Some(false),
            Value::List(l) => Some(!l.is_empty()),
            Value::Dict(d) => Some(!d.is_empty()),
            _ => None,
        }
    }

    pub fn as_number(&self) -> Option<f64> {
        match self {
            #[allow(clippy::cast_precision_loss)]
            Value::Int(i) => Some(*i as f64),
            Value::Float(f) => Some(*f),
            Value::Bool(b) => Some(f64::from(u8::from(*b))),
            _ => None,
        }
    }

    /// Whether the value is a compile-time constant (no environment, no unknowns).
    pub fn is_constant(&self) -> bool {
        match self {
            Value::Str(_) | Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::None => true,
            Value::List(items) => items.iter().all(Value::is_constant),
            Value::Dict(items) => items
                .iter()
                .all(|(k, v)| k.is_constant() && v.is_constant()),
            Value::Env { .. } | Value::Call { .. } | Value::Unknown => false,
        }
    }

    /// The keyword argument `name` of a call value.
    pub fn kwarg(&self, name: &str) -> Option<&Value> {
        match self {
            Value::Call { kwargs, .. } => kwargs.iter().find(|(k, _)| k == name).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The value for a string key of a dict value.
    pub fn dict_get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Dict(items) => items
                .iter()
                .find(|(k, _)| k.as_str() == Some(key))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string elements of a list value, or the string itself.
    pub fn strings(&self) -> Vec<&str> {
        match self {
            Value::Str(s) => vec![s.as_str()],
            Value::List(items) => items.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        }
    }
}

impl Index<'_> {
    /// The value a call passes for keyword `name`: written out (`resolve_entities=False`)
    /// or in a `**options` spread of a constant dict. `None` when the call does not pass
    /// it (as far as can be told: a spread that is not constant passes nothing known).
    pub fn keyword_value(
        &self,
        module: ModuleId,
        scope: ScopeRef,
        call: &crate::ir::Call,
        name: &str,
    ) -> Option<Value> {
        if let Some(e) = call.keyword(name) {
            return Some(self.eval(module, scope, e));
        }
        call.keywords
            .iter()
            .filter(|k| k.arg.is_none())
            .find_map(|k| match self.eval(module, scope, &k.value) {
                Value::Dict(items) => items
                    .into_iter()
                    .find(|(key, _)| key.as_str() == Some(name))
                    .map(|(_, v)| v),
                // `dict(resolve_entities=False, …)`
                Value::Call { qual, kwargs, .. } if qual == "builtins.dict" => kwargs
                    .into_iter()
                    .find(|(key, _)| key == name)
                    .map(|(_, v)| v),
                _ => None,
            })
    }

    /// Evaluates an expression to a constant where possible.
    pub fn eval(&self, module: ModuleId, scope: ScopeRef, expr: &Expr) -> Value {
        // The outermost evaluation sets the budget that every nested one draws from.
        let outermost = EVAL_BUDGET.with(|b| {
            let outermost = b.get().is_none();
            if outermost {
                b.set(Some(MAX_EVAL_NODES));
            }
            outermost
        });
        let v = self.eval_depth(module, scope, expr, 0);
        if outermost {
            EVAL_BUDGET.with(|b| b.set(None));
        }
        v
    }

    fn eval_depth(&self, module: ModuleId, scope: ScopeRef, expr: &Expr, depth: u32) -> Value {
        if depth > MAX_EVAL_DEPTH {
            return Value::Unknown;
        }
        let spent = EVAL_BUDGET.with(|b| match b.get() {
            Some(0) => true,
            Some(n) => {
                b.set(Some(n - 1));
                false
            }
            None => false,
        });
        if spent {
            return Value::Unknown;
        }
        let d = depth + 1;
        match &expr.kind {
            ExprKind::Str(s) => Value::Str(s.to_string()),
            ExprKind::Bytes(s) => Value::Str(s.clone()),
            ExprKind::Int(Some(i)) => Value::Int(*i),
            ExprKind::Float(f) => Value::Float(*f),
            ExprKind::Bool(b) => Value::Bool(*b),
            ExprKind::NoneLit => Value::None,
            ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => Value::List(
                items
                    .iter()
                    .map(|e| self.eval_depth(module, scope, e, d))
                    .collect(),
            ),
            ExprKind::Dict(items) => {
                let mut out = Vec::new();
                for (k, v) in items {
                    let Some(k) = k else { return Value::Unknown };
                    out.push((
                        self.eval_depth(module, scope, k, d),
                        self.eval_depth(module, scope, v, d),
                    ));
                }
                Value::Dict(out)
            }
            ExprKind::FString(parts) => {
                let mut s = String::new();
                for part in parts {
                    match part {
                        FPart::Literal(l) => s.push_str(l),
                        FPart::Expr(e) => match self.eval_depth(module, scope, e, d) {
                            Value::Str(v) => s.push_str(&v),
                            Value::Int(i) => s.push_str(&i.to_string()),
                            _ => return Value::Unknown,
                        },
                    }
                }
                Value::Str(s)
            }
            ExprKind::Name(name) => self.eval_name(module, scope, name, d),
            ExprKind::Attribute { .. } => {
                // `Config.SECRET_KEY`, `settings.DEBUG`: a class or module attribute.
                if let Some(r) = self.resolve(module, scope, expr)
                    && let Some(v) = self.eval_qualified(&r.qual, d)
                {
                    return v;
                }
                Value::Unknown
            }
            ExprKind::UnaryOp { op, operand } => {
                let v = self.eval_depth(module, scope, operand, d);
                fold::unary(*op, &v).unwrap_or(Value::Unknown)
            }
            ExprKind::BinOp { left, op, right } => {
                let l = self.eval_depth(module, scope, left, d);
                let r = self.eval_depth(module, scope, right, d);
                fold::binop(&l, *op, &r).unwrap_or(Value::Unknown)
            }
            ExprKind::BoolOp { op, values } => {
                let evaluated: Vec<Value> = values
                    .iter()
                    .map(|v| self.eval_depth(module, scope, v, d))
                    .collect();
                bool_op(*op, evaluated)
            }
            ExprKind::IfExp { test, body, orelse } => {
                match self.eval_depth(module, scope, test, d).truthy() {
                    Some(true) => self.eval_depth(module, scope, body, d),
                    Some(false) => self.eval_depth(module, scope, orelse, d),
                    None => Value::Unknown,
                }
            }
            ExprKind::Compare(c) => {
                // `a < b < c` is `a < b and b < c`.
                let mut prev = self.eval_depth(module, scope, &c.left, d);
                for (op, right) in c.ops.iter().zip(c.comparators.iter()) {
                    let next = self.eval_depth(module, scope, right, d);
                    match fold::compare(&prev, *op, &next) {
                        Some(true) => prev = next,
                        Some(false) => return Value::Bool(false),
                        None => return Value::Unknown,
                    }
                }
                Value::Bool(true)
            }
            ExprKind::Subscript { value, index } => {
                if let Some(r) = self.resolve(module, scope, value)
                    && r.qual == "os.environ"
                {
                    return match self.eval_depth(module, scope, index, d) {
                        Value::Str(var) => Value::Env { var, default: None },
                        _ => Value::Unknown,
                    };
                }
                // A constant list, tuple or dict indexed by a constant.
                match (
                    self.eval_depth(module, scope, value, d),
                    self.eval_depth(module, scope, index, d),
                ) {
                    (Value::List(items), Value::Int(i)) => {
                        let len = i64::try_from(items.len()).unwrap_or(i64::MAX);
                        let i = if i < 0 { len + i } else { i };
                        usize::try_from(i)
                            .ok()
                            .and_then(|i| items.into_iter().nth(i))
                            .unwrap_or(Value::Unknown)
                    }
                    (Value::Dict(items), key) if key.is_constant() => items
                        .into_iter()
                        .find(|(k, _)| *k == key)
                        .map_or(Value::Unknown, |(_, v)| v),
                    _ => Value::Unknown,
                }
            }
            ExprKind::Call(call) => {
                // `"df {unit}".format(unit="-h")`, `", ".join(["a", "b"])`
                if let ExprKind::Attribute { value, attr } = &call.func.kind
                    && crate::fold::STR_METHODS.contains(&attr.as_str())
                    && let Value::Str(s) = self.eval_depth(module, scope, value, d)
                {
                    let args: Vec<Value> = call
                        .args
                        .iter()
                        .map(|a| self.eval_depth(module, scope, a, d))
                        .collect();
                    let kwargs: Vec<(&str, Value)> = call
                        .keywords
                        .iter()
                        .filter_map(|k| {
                            Some((
                                k.arg.as_deref()?,
                                self.eval_depth(module, scope, &k.value, d),
                            ))
                        })
                        .collect();
                    let kwargs: Vec<(&str, &Value)> = kwargs.iter().map(|(k, v)| (*k, v)).collect();
                    return crate::fold::str_method(&s, attr, &args, &kwargs)
                        .unwrap_or(Value::Unknown);
                }
                let Some(callee) = self.resolve(module, scope, &call.func) else {
                    return Value::Unknown;
                };
                let args: Vec<Value> = call
                    .args
                    .iter()
                    .map(|a| self.eval_depth(module, scope, a, d))
                    .collect();
                let kwargs: Vec<(String, Value)> = call
                    .keywords
                    .iter()
                    .filter_map(|k| {
                        Some((
                            k.arg.as_ref()?.to_string(),
                            self.eval_depth(module, scope, &k.value, d),
                        ))
                    })
                    .collect();
                match callee.qual.as_str() {
                    "os.environ.get" | "os.getenv" | "os.environ.setdefault" => {
                        let Some(Value::Str(var)) = args.first().cloned() else {
                            return Value::Unknown;
                        };
                        let default = args
                            .get(1)
                            .cloned()
                            .or_else(|| {
                                kwargs
                                    .iter()
                                    .find(|(k, _)| k == "default")
                                    .map(|(_, v)| v.clone())
                            })
                            .map(Box::new);
                        Value::Env { var, default }
                    }
                    "builtins.str" if args.len() == 1 => match &args[0] {
                        Value::Str(s) => Value::Str(s.clone()),
                        Value::Int(i) => Value::Str(i.to_string()),
                        _ => Value::Unknown,
                    },
                    "builtins.int" if args.len() == 1 => match &args[0] {
                        Value::Int(i) => Value::Int(*i),
                        Value::Str(s) => s.trim().parse().map_or(Value::Unknown, Value::Int),
                        _ => Value::Unknown,
                    },
                    "builtins.bool" if args.len() == 1 => {
                        args[0].truthy().map_or(Value::Unknown, Value::Bool)
                    }
                    _ => Value::Call {
                        qual: callee.qual.into(),
                        args,
                        kwargs,
                    },
                }
            }
            _ => Value::Unknown,
        }
    }

    fn eval_name(&self, module: ModuleId, scope: ScopeRef, name: &str, depth: u32) -> Value {
        // Import cycles (`a` re-exports from `b`, which imports from `a`) end here.
        if depth > MAX_EVAL_DEPTH {
            return Value::Unknown;
        }
        let Some((found_in, bindings)) = self.bindings_of(module, scope, name) else {
            return Value::Unknown;
        };
        // Only a name with a single definition has a known value.
        let [binding] = bindings else {
            return Value::Unknown;
        };
        match binding {
            Binding::Assign(value) => self.eval_depth(module, found_in, value, depth),
            Binding::Import(qual) => self
                .eval_qualified(qual, depth + 1)
                .unwrap_or(Value::Unknown),
            Binding::Param { func, index } => self
                .keyword_spread(module, *func, *index, depth)
                .unwrap_or(Value::Unknown),
            _ => Value::Unknown,
        }
    }

    /// `**extra` of a project function: the keywords its callers pass that no named
    /// parameter takes, as a dict. A key every caller passes with the same constant has that
    /// value; any other key is there with an unknown value. Unknown when a caller spreads a
    /// dict of its own or the callers are not all known.
    fn keyword_spread(
        &self,
        module: ModuleId,
        func: crate::ir::FuncIdx,
        index: usize,
        depth: u32,
    ) -> Option<Value> {
        let def = &self.module(module).functions[func.0 as usize];
        if def.params.get(index)?.kind != crate::ir::ParamKind::KwArgs {
            return None;
        }
        let sites = self.callers.get(&(module, func))?;
        if sites.is_empty() || sites.len() > 8 {
            return None;
        }
        let named = |k: &str| {
            def.params.iter().any(|p| {
                p.name == k
                    && !matches!(
                        p.kind,
                        crate::ir::ParamKind::PositionalOnly
                            | crate::ir::ParamKind::VarArgs
                            | crate::ir::ParamKind::KwArgs
                    )
            })
        };
        let mut keys: Vec<(String, Value, usize)> = Vec::new();
        for &(cm, ci) in sites {
            let site = &self.semantic[cm.0 as usize].calls[ci as usize];
            for k in &site.call.keywords {
                let name = k.arg.as_deref()?;
                if named(name) {
                    continue;
                }
                // Each hop to the callers costs half the evaluation budget: the work stays
                // bounded (at most two hops of at most 8 callers).
                let v = self.eval_depth(cm, site.scope, &k.value, depth + KWARGS_HOP_COST);
                match keys.iter_mut().find(|(n, ..)| n == name) {
                    Some((_, old, count)) => {
                        if *old != v {
                            *old = Value::Unknown;
                        }
                        *count += 1;
                    }
                    None => keys.push((name.to_string(), v, 1)),
                }
            }
        }
        Some(Value::Dict(
            keys.into_iter()
                .map(|(k, v, count)| {
                    let v = if count == sites.len() {
                        v
                    } else {
                        Value::Unknown
                    };
                    (Value::Str(k), v)
                })
                .collect(),
        ))
    }

    /// The value of a module-level name or class attribute in the project, by qualified name.
    fn eval_qualified(&self, qual: &str, depth: u32) -> Option<Value> {
        let (owner, attr) = qual.rsplit_once('.')?;
        if let Some(m) = self.module_by_name(owner) {
            return Some(self.eval_name(m.id, ScopeRef::Module, attr, depth));
        }
        let (module, class) = self.project_class(owner)?;
        Some(self.eval_name(module, ScopeRef::Class(class), attr, depth))
    }
}

fn bool_op(op: BoolOp, values: Vec<Value>) -> Value {
    let mut iter = values.into_iter();
    let Some(mut acc) = iter.next() else {
        return Value::Unknown;
    };
    for next in iter {
        acc = match (op, acc) {
            // `os.environ.get("X") or "fallback"`: the fallback is the effective default.
            (BoolOp::Or, Value::Env { var, default: None }) => Value::Env {
                var,
                default: Some(Box::new(next)),
            },
            (op, acc) => match (op, acc.truthy()) {
                (BoolOp::Or, Some(true)) | (BoolOp::And, Some(false)) => acc,
                (BoolOp::Or, Some(false)) | (BoolOp::And, Some(true)) => next,
                _ => return Value::Unknown,
            },
        };
    }
    acc
}
