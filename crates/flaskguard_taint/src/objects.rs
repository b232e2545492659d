//! Objects: instances of project classes (their fields from the construction) and
//! `configparser` parsers answered from the project's INI files.

// Abstract-value algebra reads best with short names (a, b, t, v).

use flaskguard_index::ir::{Expr, ExprKind, FuncIdx, ScopeRef, StmtKind};
use flaskguard_index::{ModuleId, Span, Value};

use crate::interp::{FnCtx, INLINE_MAX_STATEMENTS, MAX_INLINE_DEPTH};
use crate::value::{AVal, Fields, Taint};

impl FnCtx<'_, '_, '_> {
    /// The attributes an instance of project class `class` gets from its construction: a
    /// dataclass's fields (arguments by position and name, else the declared defaults), or
    /// what a small `__init__` stores in `self.x`. `None` when that is not understood
    /// (`**kwargs`, base classes that initialise too, a large `__init__`).
    pub(crate) fn constructed_fields(
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
        // `class Meta(typing.NamedTuple):` declares its fields as a dataclass does.
        let is_named_tuple = matches!(def.bases.as_slice(), [base] if index
            .resolve(m, def.parent, base)
            .is_some_and(|r| r.qual == "typing.NamedTuple"));
        if is_dataclass || is_named_tuple {
            // Only the class's own fields: inherited dataclass fields come first and are
            // not followed here.
            if !def.bases.is_empty() && !is_named_tuple {
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
        // An ORM model without an `__init__` of its own: the declarative constructor sets
        // the columns passed by keyword; the others (the primary key, column defaults) are
        // the database's, whatever the request sent.
        if self.find_method(class, "__init__", 0).is_none()
            && flaskguard_flask::is_orm_model(index, class, 0)
        {
            if !args.is_empty() {
                return None;
            }
            let fields: Fields = kwargs
                .iter()
                .filter_map(|(k, v)| Some(((*k)?.to_string(), v.clone())))
                .collect();
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
            fx.env.insert(p.name.as_str().into(), v);
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

    /// The fields of a tuple made by a named-tuple type created at run time
    /// (`Meta = namedtuple("Meta", "path, title")`, `typing.NamedTuple("Meta", [("path",
    /// str)])`), from the arguments by position and name. `None` when the field names are
    /// not constants.
    pub(crate) fn named_tuple_fields(
        &self,
        site: flaskguard_index::Site,
        args: &[AVal],
        kwargs: &[(Option<&str>, AVal)],
    ) -> Option<Box<Fields>> {
        if kwargs.iter().any(|(k, _)| k.is_none()) {
            return None;
        }
        let maker = self.engine.index.call_at(site)?;
        let spec = maker.call.args.get(1).or_else(|| {
            maker
                .call
                .keywords
                .iter()
                .find(|k| matches!(k.arg.as_deref(), Some("field_names" | "fields")))
                .map(|k| &k.value)
        })?;
        let names: Vec<&str> = match &spec.kind {
            // "a, b c": commas or spaces between the names.
            _ if spec.as_str().is_some() => spec
                .as_str()?
                .split(|c: char| c == ',' || c.is_whitespace())
                .filter(|n| !n.is_empty())
                .collect(),
            ExprKind::List(items) | ExprKind::Tuple(items) => items
                .iter()
                .map(|item| match &item.kind {
                    // typing.NamedTuple's (name, type) pairs.
                    ExprKind::Tuple(pair) => pair.first()?.as_str(),
                    _ => item.as_str(),
                })
                .collect::<Option<_>>()?,
            _ => return None,
        };
        let fields: Fields = names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let v = kwargs
                    .iter()
                    .find(|(k, _)| *k == Some(*name))
                    .map(|(_, v)| v.clone())
                    .or_else(|| args.get(i).cloned())
                    .unwrap_or(AVal::Unknown);
                (name.to_string(), v)
            })
            .collect();
        Some(Box::new(fields))
    }

    /// The project method a read of attribute `e` (`obj.attr`) runs: a `@property` (or a
    /// cached property) of the class of `base`, the value `obj` evaluated to, or of the
    /// class the index resolves `obj` to.
    pub(crate) fn property_method(&self, e: &Expr, base: &AVal) -> Option<(ModuleId, FuncIdx)> {
        let index = self.engine.index;
        let ExprKind::Attribute { attr, .. } = &e.kind else {
            return None;
        };
        let candidates: Vec<(ModuleId, FuncIdx)> = match base {
            AVal::Instance { classes, .. } => classes
                .iter()
                .filter_map(|c| self.find_method(c, attr, 0))
                .collect(),
            _ => index
                .resolve(self.module, self.scope, e)
                .and_then(|r| self.instance_method(&r.qual))
                .into_iter()
                .collect(),
        };
        candidates.into_iter().find(|&(m, f)| {
            let def = &index.module(m).functions[f.0 as usize];
            def.decorators.iter().any(|d| {
                index.resolve(m, def.parent, d).is_some_and(|r| {
                    matches!(
                        r.qual.as_str(),
                        "builtins.property"
                            | "functools.cached_property"
                            | "werkzeug.utils.cached_property"
                    )
                })
            })
        })
    }

    /// The object the project attached to its app under `key` (`catalog`,
    /// `extensions[catalog]`): an instance of the classes stored there, `None` when
    /// nothing of the project's is.
    pub(crate) fn app_object(&self, key: &str) -> Option<AVal> {
        let classes = self.engine.app_objects.get(key)?;
        Some(AVal::Instance {
            classes: classes.clone(),
            state: Box::new(AVal::Unknown),
            fields: None,
        })
    }

    /// The project method `mod.Class().method` names (an instance's method, found along
    /// the class's project bases).
    pub(crate) fn instance_method(&self, qual: &str) -> Option<(ModuleId, FuncIdx)> {
        let (class, m) = qual.rsplit_once("().")?;
        (!class.contains('(')).then(|| self.find_method(class, m, 0))?
    }

    /// The method `name` of a project class, looked up along its project base classes.
    pub(crate) fn find_method(
        &self,
        class: &str,
        name: &str,
        depth: usize,
    ) -> Option<(ModuleId, FuncIdx)> {
        let index = self.engine.index;
        if let Some(f) = index.project_function(&[class, ".", name].concat()) {
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
    pub(crate) fn ini_value(&self, method: &str, section: &AVal, key: Option<&AVal>) -> AVal {
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
    /// A read of the app's configuration (`current_app.config["HELP_HTML"]`,
    /// `app.config.get("K")`) of a key the project sets, every time, to a constant or an
    /// environment value: what the operator configured, safe for every sink. `None` for
    /// any other read, or a key the project does not set (an instance file, a database).
    pub(crate) fn configured(&self, e: &Expr) -> Option<AVal> {
        let key = flaskguard_flask::config_key_read(self.engine.index, self.module, self.scope, e)?;
        let settings: Vec<_> = self.engine.model.settings(&key).collect();
        let operator_set = |v: &Value| v.is_constant() || matches!(v, Value::Env { .. });
        if settings.is_empty() || !settings.iter().all(|s| operator_set(&s.value)) {
            return None;
        }
        if let [one] = settings.as_slice() {
            return Some(self.config_value(one.value.clone(), e.span));
        }
        let mut t =
            Taint::source(self.step(e.span, format!("`{key}` (set in the app's configuration)")));
        t.sanitize(crate::Class::ALL_BITS);
        Some(AVal::Tainted(t))
    }

    pub(crate) fn config_value(&self, v: Value, span: Span) -> AVal {
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
                t.sanitize(crate::Class::ALL_BITS);
                AVal::Tainted(t)
            }
            _ => AVal::Unknown,
        }
    }
}

impl FnCtx<'_, '_, '_> {
    /// `self.prefix` in a method of a class whose body sets `prefix` to a constant that
    /// nothing rebinds ([`flaskguard_index::Index::class_constant`]): that constant.
    pub(crate) fn class_constant(
        &self,
        receiver: &flaskguard_index::ir::Expr,
        attr: &str,
    ) -> Option<Value> {
        let ExprKind::Name(name) = &receiver.kind else {
            return None;
        };
        let ScopeRef::Function(f) = self.scope else {
            return None;
        };
        let index = self.engine.index;
        let def = &index.module(self.module).functions[f.0 as usize];
        let ScopeRef::Class(class) = def.parent else {
            return None;
        };
        let is_static = def
            .decorators
            .iter()
            .any(|d| d.as_name() == Some("staticmethod"));
        if is_static || def.params.first().is_none_or(|p| p.name != *name) {
            return None;
        }
        index.class_constant(self.module, class, attr)
    }
}
