//! Expressions: the abstract value of every kind of expression, constant folding,
//! names read from the module or the request, and binary operators.

// Abstract-value algebra reads best with short names (a, b, t, v).

use flaskguard_flask::request;
use flaskguard_index::ir::{
    BinOp, BoolOp, CmpOp, Compare, Comprehension, Expr, ExprKind, FPart, ScopeRef, UnaryOp,
};
use flaskguard_index::{Span, Value, fold};

use crate::interp::{FnCtx, MAX_INLINE_DEPTH, place_name};
use crate::spec::Class;
use crate::value::{
    AVal, CONFIG_SECTION, HOST_FIXED, Taint, element_of, is_config_class, is_markup_text,
    names_component, sanitized_for,
};

impl FnCtx<'_, '_, '_> {
    pub(crate) fn eval(&mut self, e: &Expr) -> AVal {
        flaskguard_index::deep(|| self.eval_kind(e))
    }

    fn eval_kind(&mut self, e: &Expr) -> AVal {
        match &e.kind {
            ExprKind::Str(s) => AVal::Const(Value::Str(s.as_str().to_owned())),
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
                    && let Some(v) = self.env.get(name.as_str())
                {
                    return v.clone();
                }
                if let Some(r) = self.engine.index.resolve(self.module, self.scope, e) {
                    if r.qual == request::PATH
                        && let Some(rule) = self.fixed_rule()
                    {
                        return AVal::Const(Value::Str(rule));
                    }
                    if self.engine.is_source(&r.qual) {
                        return AVal::Tainted(Taint::of_request_read(
                            &r.qual,
                            self.step(e.span, format!("`{}` (request data)", self.text(e.span))),
                        ));
                    }
                    // A Flask-WTF form's field: what the request's form data put there.
                    if let Some(t) = self.form_data(e) {
                        return AVal::Tainted(t);
                    }
                    // `current_app.catalog`: the object the project attached to its app.
                    if let Some(v) = r
                        .qual
                        .strip_prefix("flask.current_app.")
                        .and_then(|key| self.app_object(key))
                    {
                        return v;
                    }
                    // Request attributes that are not attacker-chosen strings (`method`,
                    // `scheme`, …): request data, but safe for every sink.
                    if request::is_request(&r.qual) {
                        let mut t =
                            Taint::source(self.step(e.span, format!("`{}`", self.text(e.span))));
                        t.sanitize(Class::ALL_BITS);
                        return AVal::Tainted(t);
                    }
                }
                let base = self.eval(value);
                // An instance's own value for the attribute comes before the class's
                // (a dataclass field's default is a class attribute too).
                if let AVal::Instance {
                    fields: Some(fields),
                    ..
                } = &base
                    && let Some((_, v)) = fields.iter().find(|(k, _)| k == attr.as_str())
                {
                    return v.clone();
                }
                // `obj.key_func` where the class makes `key_func` a property: what the
                // method returns for that object.
                if let Some(f) = self.property_method(e, &base) {
                    let receiver = match &base {
                        AVal::Instance {
                            fields: None,
                            state,
                            ..
                        } => (**state).clone(),
                        other => other.clone(),
                    };
                    return self.apply_summary(e, f, true, Some(&receiver), &[], &[]);
                }
                if let Some(v) = self.class_constant(value, attr) {
                    return AVal::Const(v);
                }
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
                if let Some(v) = self.configured(e) {
                    return v;
                }
                // `current_app.extensions["catalog"]`: the extension the project attached.
                if let Some(k) = index.as_str()
                    && self
                        .engine
                        .index
                        .resolve(self.module, self.scope, value)
                        .is_some_and(|r| r.qual == "flask.current_app.extensions")
                    && let Some(v) = self.app_object(&format!("extensions[{k}]"))
                {
                    return v;
                }
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
                    && let Some(v) = self.env.get(format!("os.environ::{k}").as_str())
                    && self
                        .engine
                        .index
                        .resolve(self.module, self.scope, value)
                        .is_some_and(|r| r.qual == "os.environ")
                {
                    return v.clone();
                }
                // `request.headers["Referer"]`, `request.environ["HTTP_REFERER"]`
                if let (AVal::Tainted(t), Some(Value::Str(k))) = (&base, key.as_const())
                    && self
                        .engine
                        .index
                        .resolve(self.module, self.scope, value)
                        .is_some_and(|r| flaskguard_flask::request::is_referrer(&r.qual, Some(k)))
                {
                    let mut t = t.clone();
                    t.sanitize(crate::value::REFERRER);
                    return AVal::Tainted(t);
                }
                // `request.view_args["locale"]`: a URL variable, with its converter.
                if let (AVal::Tainted(t), Some(Value::Str(k))) = (&base, key.as_const())
                    && self
                        .engine
                        .index
                        .resolve(self.module, self.scope, value)
                        .is_some_and(|r| r.qual == flaskguard_flask::request::VIEW_ARGS)
                {
                    let mut t = t.clone();
                    t.sanitize(self.engine.view_arg_mask(k));
                    return AVal::Tainted(t);
                }
                // `name.rsplit(".", 1)[-1]`, `os.path.splitext(name)[1]`: a piece cut at a
                // separator holds no separator.
                if let (AVal::Tainted(t), Some(Value::Int(i))) = (&base, key.as_const())
                    && let Some(mask) = self.piece_mask(value, *i)
                {
                    let mut t = t.clone();
                    t.sanitize(mask);
                    return AVal::Tainted(t);
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
                let (mut site_first, mut first_value) = (false, None);
                let mut base_untainted = false;
                for (i, p) in parts.iter().enumerate() {
                    match p {
                        FPart::Literal(l) => s.push_str(l),
                        FPart::Expr(x) => {
                            let v = self.eval(x);
                            if i == 0 && fixes_host_of(&v) {
                                site_first = true;
                                first_value = Some(v.clone());
                            }
                            if i == 0 {
                                // (A setting from the environment is no attacker's text.)
                                base_untainted = v.taint().is_none_or(|t| t.is_harmless())
                                    && !matches!(v, AVal::Const(Value::Str(_)));
                            }
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
                                    // `f"{name}.json"`: constant text in its path component.
                                    let literal =
                                        |j: Option<usize>| match j.and_then(|j| parts.get(j)) {
                                            Some(FPart::Literal(l)) => Some(l.as_str()),
                                            _ => None,
                                        };
                                    if names_component(
                                        literal(i.checked_sub(1)),
                                        literal(Some(i + 1)),
                                    ) {
                                        t.in_named_component();
                                    }
                                    if parts.iter().any(
                                        |p| matches!(p, FPart::Literal(l) if is_markup_text(l)),
                                    ) {
                                        t.in_markup();
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
                        if site_first
                            || matches!(parts.first(), Some(FPart::Literal(first)) if fixes_host(first))
                        {
                            t.sanitize(Class::Redirect.bit() | Class::Ssrf.bit() | HOST_FIXED);
                        }
                        // `f"{settings.API_BASE}/{path}"`: the server's own base, and the
                        // request's text only after a `/` that ends its authority. (Not for
                        // a redirect: an empty base leaves `//host`.)
                        if let [FPart::Expr(_), FPart::Literal(sep), ..] = &parts[..]
                            && sep.starts_with('/')
                            && !sep.starts_with("//")
                            && base_untainted
                        {
                            t.sanitize(Class::Ssrf.bit());
                        }
                        AVal::Tainted(t)
                    }
                    None if known => AVal::Const(Value::Str(s)),
                    // `f"{url_for('search')}?page={n}"`: still a URL of this site.
                    None if site_first
                        && is_site_url(first_value.as_ref().unwrap_or(&AVal::Unknown)) =>
                    {
                        first_value.unwrap_or(AVal::Unknown)
                    }
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
            // A generator's caller iterates over what it yields: the call's value is the
            // join of the yielded values, and a generator view streams them as the body.
            ExprKind::Yield(v) => {
                if let Some(v) = v {
                    let v = self.eval(v);
                    self.yielded(e.span, v);
                }
                AVal::Unknown
            }
            ExprKind::YieldFrom(v) => {
                let v = self.eval(v);
                self.yielded(e.span, element_of(&v));
                AVal::Unknown
            }
            ExprKind::Int(None)
            | ExprKind::Ellipsis
            | ExprKind::Unsupported
            | ExprKind::Lambda { .. } => AVal::Unknown,
        }
    }

    fn yielded(&mut self, span: Span, v: AVal) {
        if matches!(self.scope, ScopeRef::Module) {
            return;
        }
        self.found.return_sites.push((span, v.clone()));
        self.found.returns = Some(match &self.found.returns {
            Some(r) => r.join(&v),
            None => v,
        });
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
            return AVal::Tainted(Taint::of_request_read(
                &r.qual,
                self.step(
                    e.span,
                    ["`", &self.text(e.span), "` (request data)"].concat(),
                ),
            ));
        }
        let resolved = index.resolve(self.module, self.scope, e);
        if let Some(r) = &resolved
            && index.project_class(&r.qual).is_some()
        {
            return AVal::Class(vec![r.qual.as_str().to_owned()]);
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
                .map(|r| r.qual.as_str().to_owned())
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
    pub(crate) fn module_table(&self, qual: &str) -> Option<AVal> {
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
        let mut fx = FnCtx::new(self.engine, module.id, ScopeRef::Module, self.depth);
        // Tables of tables are not followed further.
        fx.inline_depth = MAX_INLINE_DEPTH + 1;
        let table = fx.eval(value);
        table.has_class().then_some(table)
    }

    /// What piece `index` of a string cut at a separator is safe for (it holds no
    /// separator): every piece of `s.split(c)`, the last of `s.rsplit(c, n)` and of
    /// `s.rpartition(c)`, the first of `s.split(c, n)` and of `s.partition(c)`; the
    /// extension `os.path.splitext(s)[1]` (a dot and no `/` or further dot).
    fn piece_mask(&self, cut: &Expr, index: i64) -> Option<u32> {
        let call = cut.as_call()?;
        if index == 1
            && self
                .engine
                .index
                .callee_of(self.module, cut)
                .is_some_and(|r| {
                    matches!(r.qual.as_str(), "os.path.splitext" | "posixpath.splitext")
                })
        {
            return Some(crate::regex_guard::absent_chars_mask(['/', '.']));
        }
        let ExprKind::Attribute { attr, .. } = &call.func.kind else {
            return None;
        };
        let Some(Value::Str(sep)) = call
            .args
            .first()
            .map(|a| self.engine.index.eval(self.module, self.scope, a))
        else {
            return None;
        };
        let mut chars = sep.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            return None;
        };
        let limited = call.args.len() > 1 || !call.keywords.is_empty();
        let whole = match attr.as_str() {
            "split" => !limited || index == 0,
            "rsplit" => !limited || index == -1,
            "partition" => index == 0,
            "rpartition" => index == 2 || index == -1,
            _ => false,
        };
        whole.then(|| crate::regex_guard::absent_char_mask(c))
    }

    pub(crate) fn binop(&self, l: &AVal, op: BinOp, r: &AVal, span: Span) -> AVal {
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
                // `url_for("search") + "?page=2"`: still a URL of this site.
                if op == BinOp::Add && is_site_url(l) {
                    return l.clone();
                }
                AVal::Unknown
            }
            (Some(a), Some(mut b)) => {
                // `name + "." + ext`: what `ext` brings cannot make the path absolute
                // (`name` is judged on its own origins; each origin keeps its mask).
                if op == BinOp::Add {
                    b.sanitize(crate::value::NOT_ABSOLUTE);
                    // `url + "&" + query` after `url = f"{url_for(...)}?id={id}"`.
                    if a.sanitized() & HOST_FIXED != 0 {
                        b.sanitize(Class::Redirect.bit() | Class::Ssrf.bit() | HOST_FIXED);
                    }
                }
                AVal::Tainted(
                    a.merge(&b)
                        .with_step(self.step(span, "combined into a string")),
                )
            }
            (Some(t), None) | (None, Some(t)) => {
                // `"%s" % x` formats, `+` concatenates.
                let msg = if op == BinOp::Mod {
                    "formatted with `%`"
                } else {
                    "concatenated"
                };
                let mut t = t.with_step(self.step(span, msg));
                // `"<script>var cfg = " + json.dumps(cfg)`, `"<p>%s</p>" % json.dumps(x)`.
                if matches!((l, r), (AVal::Const(Value::Str(s)), _) | (_, AVal::Const(Value::Str(s))) if is_markup_text(s))
                {
                    t.in_markup();
                }
                // `name + "." + ext`: text written after a prefix the attacker did not
                // choose is no absolute path.
                if op == BinOp::Add
                    && l.taint().is_none()
                    && !matches!(l, AVal::Const(Value::Str(p)) if p.is_empty())
                {
                    t.sanitize(crate::value::NOT_ABSOLUTE);
                }
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
                // `x + ".po"`, `"img_" + x`, `"%s.profile" % x`: constant text in the
                // same path component.
                let named = match (op, l, r) {
                    (BinOp::Add, AVal::Const(Value::Str(before)), _) if r.taint().is_some() => {
                        names_component(Some(before), None)
                    }
                    (BinOp::Add, _, AVal::Const(Value::Str(after))) => {
                        names_component(None, Some(after))
                    }
                    (BinOp::Mod, AVal::Const(Value::Str(format)), _)
                        if format.matches('%').count() == 1 =>
                    {
                        format.split_once("%s").is_some_and(|(before, after)| {
                            names_component(Some(before), Some(after))
                        })
                    }
                    _ => false,
                };
                if named {
                    t.in_named_component();
                }
                // `"%d" % value`: only numbers come out of numeric conversions.
                if op == BinOp::Mod
                    && let AVal::Const(Value::Str(format)) = l
                    && numeric_only_format(format)
                {
                    t.sanitize(Class::ALL_BITS);
                }
                // A constant prefix that fixes the host (`"/search?q=" + x`,
                // `"https://api.example.com/" + x`) keeps the URL on that host.
                if r.taint().is_some()
                    && (matches!(l, AVal::Const(Value::Str(prefix)) if fixes_host(prefix))
                        || (op == BinOp::Add && is_site_url(l)))
                {
                    t.sanitize(Class::Redirect.bit() | Class::Ssrf.bit() | HOST_FIXED);
                }
                AVal::Tainted(t)
            }
        }
    }
}

/// Whether text ending here is inside a single-quoted literal (an odd number of `'`).
fn inside_single_quotes(before: &str) -> bool {
    before.matches('\'').count() % 2 == 1
}

/// Whether a URL prefix already fixes the host: a path (`/x`, not `//x` or `/\\x`), or
/// `scheme://host/` with the path started.
/// A value that starts with a prefix fixing the host: a URL of this site, or text built
/// on such a prefix ([`HOST_FIXED`]).
fn fixes_host_of(v: &AVal) -> bool {
    is_site_url(v) || v.taint().is_some_and(|t| t.sanitized() & HOST_FIXED != 0)
}

/// A URL of this site built by the app (`url_for(...)`, and text written after one): a
/// prefix that fixes the host.
pub(crate) fn is_site_url(v: &AVal) -> bool {
    matches!(v, AVal::Const(Value::Call { qual, .. }) if request::builds_site_url(qual))
}

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
