//! Calls: library models (request reads, sanitizers, responses, `random`, the
//! environment, containers and strings), lambdas, and project functions through their
//! summaries or inlined.

// Abstract-value algebra reads best with short names (a, b, t, v).

use std::sync::Arc;

use flaskguard_flask::request;
use flaskguard_index::ir::{Call, Expr, ExprKind, FuncIdx, ScopeRef};
use flaskguard_index::{ModuleId, Span, Value};

use crate::engine::Switches;
use crate::interp::{FnCtx, INLINE_MAX_STATEMENTS, MAX_INLINE_DEPTH, place_name};
use crate::regex_guard::{self};
use crate::spec::Class;
use crate::value::{
    AVal, CONFIG_PARSER, CONFIG_SECTION, JSON_TEXT, NORMALIZED, Origin, Step, Taint, UNQUOTED,
    VIA_UNSEEN, element_of, is_config_class, is_markup_text, sanitized_for,
};

impl FnCtx<'_, '_, '_> {
    pub(crate) fn call(&mut self, e: &Expr, call: &Call) -> AVal {
        let index = self.engine.index;
        // Resolved once when the index was built (same scope, same expression).
        let callee = index.callee_of(self.module, e);
        let qual = callee.map_or("", |r| r.qual.as_str());
        let (receiver, method) = match &call.func.kind {
            ExprKind::Attribute { value, attr } => (Some(value.as_ref()), Some(attr.as_str())),
            _ => (None, None),
        };
        // `Markup(text).unescape()` / `.striptags()`: the markup object only turns
        // entities or tags into plain text; it is never sent as HTML.
        let plain_text = matches!(method, Some("unescape" | "striptags"))
            && receiver.is_some_and(|r| {
                index
                    .callee_of(self.module, r)
                    .is_some_and(|c| c.qual == "markupsafe.Markup")
            });
        let saved = self.plain_text_markup;
        if plain_text {
            self.plain_text_markup = receiver.map(|r| r.span);
        }
        // `app.config.get("K")` of a key the project sets to a constant.
        if method == Some("get")
            && let Some(v) = self.configured(e)
        {
            return v;
        }
        let recv_val = receiver.map(|r| self.eval(r));
        self.plain_text_markup = saved;
        // `"".join(TABLE.get(ch, ch) for ch in value)`: a character translation table (the
        // generator is read here, not evaluated as an argument).
        if method == Some("join")
            && matches!(recv_val, Some(AVal::Const(Value::Str(_))))
            && let Some(v) = self.translated(call)
        {
            return v;
        }
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
            self.env.insert(place.into(), body);
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
            let state = joined(&args, &kwargs);
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
            let state = joined(&args, &kwargs);
            let fields = self.constructed_fields(qual, &args, &kwargs);
            return AVal::Instance {
                classes: vec![qual.to_string()],
                state: Box::new(state),
                fields,
            };
        }
        // A named-tuple type made at run time, called: a tuple with named fields.
        if matches!(qual, "collections.namedtuple()" | "typing.NamedTuple()")
            && let Some(site) = callee.and_then(|c| c.site)
        {
            let state = joined(&args, &kwargs);
            return AVal::Instance {
                classes: vec![qual.to_string()],
                state: Box::new(state),
                fields: self.named_tuple_fields(site, &args, &kwargs),
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

        // A template file that marks some of its variables `|safe` inserts what is passed
        // for them raw.
        if let Some((template, vars)) =
            self.engine
                .unescaped_renders
                .get(&(self.module, e.span.start, e.span.end))
        {
            for (name, v) in &kwargs {
                let Some(name) = *name else { continue };
                let at = call.keyword(name).map_or(e.span, |k| k.span);
                for (_, path) in vars.iter().filter(|(var, _)| var == name) {
                    let shown = std::iter::once(name)
                        .chain(path.iter().map(String::as_str))
                        .collect::<Vec<_>>()
                        .join(".");
                    let sink = self.step(
                        e.span,
                        format!("rendered unescaped as `{shown}` (`|safe` in `{template}`)"),
                    );
                    // Written into the template's markup: JSON text is no longer safe.
                    let part = project_path(v, path);
                    let part = match part.taint() {
                        Some(mut t) => {
                            t.in_markup();
                            AVal::Tainted(t)
                        }
                        None => part,
                    };
                    self.push_verdict(self.module, at, Class::Xss, &part);
                    self.sink_value(Class::Xss, &part, &sink);
                }
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
        // pathlib: the path object itself is the sink of its file operations (building one,
        // or taking its `.name` or `.suffix`, touches no file). Names that other objects
        // use too (`open`, `exists`, `stat`) count when the receiver is known to be a path.
        if let (Some(m), Some(rv)) = (method, recv_val.as_ref())
            && (matches!(
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
            ) || (matches!(
                m,
                "open"
                    | "exists"
                    | "is_file"
                    | "is_dir"
                    | "stat"
                    | "rename"
                    | "symlink_to"
                    | "chmod"
            ) && (qual.starts_with("pathlib.Path")
                || qual.starts_with("pathlib.PosixPath"))))
        {
            let sink = self.step(
                e.span,
                format!("reaches `pathlib.Path.{m}` ({})", Class::Path.describe()),
            );
            self.push_verdict(self.module, e.span, Class::Path, rv);
            let directory = matches!(
                m,
                "iterdir"
                    | "rmdir"
                    | "mkdir"
                    | "rglob"
                    | "glob"
                    | "rename"
                    | "symlink_to"
                    | "chmod"
            );
            self.sink_value_at(Class::Path, rv, &sink, directory);
        }
        // `re.sub("[{}%#]", "", x)` / `PATTERN.sub("", x)`: the class's characters are gone.
        if let Some(v) = self.removed_by_sub(call, qual, method, receiver, &args) {
            return v;
        }
        // Digests are hex strings, whatever they hash.
        if qual.starts_with("hashlib.") || qual.starts_with("hmac.") {
            let mut t = Taint::source(self.step(e.span, "digest"));
            t.sanitize(Class::ALL_BITS);
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
                && let Some(v) = self.env.get(format!("os.environ::{key}").as_str())
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
            .is_some_and(|p| self.env.contains_key(p.as_str()));
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
                let mut t = Taint::source(self.step(
                    e.span,
                    ["`", &self.text(e.span), "` (request data)"].concat(),
                ));
                t.sanitize(Class::ALL_BITS);
                return AVal::Tainted(t);
            }
            let mut t = Taint::of_request_read(
                qual,
                self.step(
                    e.span,
                    ["`", &self.text(e.span), "` (request data)"].concat(),
                ),
            );
            // `request.view_args.get("locale")`: a URL variable, with its converter.
            if qual.strip_suffix(".get") == Some(request::VIEW_ARGS)
                && let Some(AVal::Const(Value::Str(key))) = args.first()
            {
                t.sanitize(self.engine.view_arg_mask(key));
            }
            // `request.headers.get("Referer")`
            if let Some(container) = qual.strip_suffix(".get")
                && let Some(AVal::Const(Value::Str(key))) = args.first()
                && request::is_referrer(container, Some(key))
            {
                t.sanitize(crate::value::REFERRER);
            }
            return AVal::Tainted(t);
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
        // `url_for("item", id=x)`: a URL of this site (see `is_site_url`), whatever `x`
        // holds (its values are quoted into the path and query).
        if request::builds_site_url(qual) {
            return AVal::Const(Value::Call {
                qual: qual.to_string(),
                args: Vec::new(),
                kwargs: Vec::new(),
            });
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
            if qual == "json.dumps" {
                mask |= JSON_TEXT;
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
                // Of a constant, a value still derived from constants only.
                None if matches!(v, AVal::Const(_)) => AVal::Const(Value::Unknown),
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
            || self
                .method_sinks(qual, method)
                .is_some_and(|rows| rows.iter().any(|r| r.class == Class::Sql));
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
                self.env.insert(p.name.as_str().into(), v.clone());
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
        // `stream_with_context(generator)`: the same iterable, run in the request context.
        if qual == "flask.stream_with_context" {
            return args.first().cloned().unwrap_or(AVal::Unknown);
        }
        // Flask's response helpers build responses (or raise): their results are not
        // request strings, and what they do with their arguments is modelled as sinks.
        // A method of a value the project stored on a Flask object (`self.template =` in a
        // `View` subclass; `self.template.format(...)`) is the project's, not Flask's.
        if qual.starts_with("flask.")
            && !request::is_request(qual)
            && !qual.starts_with("flask.session")
            && !qual.starts_with("flask.g.")
            && !stored_on_flask_object(index, qual)
            // An object of the project's the app carries (`current_app.extensions["x"]`).
            && !matches!(&recv_val, Some(AVal::Instance { classes, .. })
                if classes.iter().any(|c| index.project_class(c).is_some()))
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
                    Some(f) => self.apply_summary(e, f, true, Some(receiver), &args, &kwargs),
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
        let function = index
            .project_function(qual)
            .or_else(|| self.instance_method(qual));
        if let Some(f) = function {
            return self.apply_summary(
                e,
                f,
                receiver.is_some() || qual.contains("()."),
                recv_val.as_ref(),
                &args,
                &kwargs,
            );
        }
        // Rows a query fetches (`Server.query.filter_by(id=sid).first()`,
        // `db.session.query(User).get(uid)`) are database values: the request only picked
        // them. (SQL built into the query was judged where it was built.)
        // So are rows the ORM's session or extension object fetches
        // (`db.session.get(Note, note_id)`, `db.get_or_404(Note, note_id)`).
        let orm_object = qual.rsplit_once('.').is_some_and(|(receiver, _)| {
            receiver == flaskguard_flask::ORM_EXTENSION
                || flaskguard_flask::ORM_SESSIONS.contains(&receiver)
        });
        if (orm_object || receiver.is_some_and(|r| self.is_query(r)))
            && method.is_some_and(|m| flaskguard_flask::QUERY_ROW_METHODS.contains(&m))
        {
            return AVal::Unknown;
        }
        // SQLAlchemy column operators (`Item.tag.in_(tags)`, `User.name.ilike(q)`) build
        // expressions whose operands are bound parameters, not SQL text. No `str` method
        // has these names.
        if receiver.is_some()
            && matches!(
                method,
                Some(
                    "in_"
                        | "not_in"
                        | "notin_"
                        | "like"
                        | "ilike"
                        | "not_like"
                        | "not_ilike"
                        | "notlike"
                        | "notilike"
                        | "between"
                        | "is_"
                        | "is_not"
                        | "isnot"
                )
            )
        {
            return AVal::Unknown;
        }
        // `os.path.join(...)` is a module function, not a method of a value.
        let module_function = receiver.is_some_and(|r| {
            place_name(r).is_none_or(|p| !self.env.contains_key(p.as_str()))
                && index.resolve(self.module, self.scope, r).is_some_and(|rq| {
                    !rq.qual.contains('(') && !rq.qual.contains('[') && rq.site.is_none()
                })
        });
        if let (Some(method), false) = (method, module_function)
            && let Some(v) =
                self.method_call(receiver, recv_val.as_ref(), method, &args, &kwargs, e.span)
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
        // An HTTP client's response comes from the server it asked: the client chose it only
        // when it chose that server (the URL's taint, unless its host is fixed). Bodies,
        // headers and query parameters sent along do not make the answer the client's.
        if let Some(rows) = self.engine.spec.sinks_by_name.get(qual)
            && let Some(row) = rows.iter().find(|r| r.class == Class::Ssrf)
        {
            let url = row
                .keyword
                .as_deref()
                .and_then(|k| kwargs.iter().find(|(n, _)| *n == Some(k)).map(|(_, v)| v))
                .or_else(|| row.arg.and_then(|i| args.get(i)));
            return match url.and_then(AVal::taint) {
                Some(t) if !t.is_safe_for(Class::Ssrf) => AVal::Tainted(
                    t.with_step(self.step(e.span, "the response of a server the client chose")),
                ),
                _ => AVal::Unknown,
            };
        }
        // A lookup on an object that holds no request data (`store.get_run(run_id)`,
        // `cache.get(key)`, `repo.find_by_name(name)`): what it returns is what the object
        // holds (a database row, a cached value), not the key it was asked with. (An object
        // made from the deployment's settings, `make_store(os.environ["URI"])`, holds none.)
        if let Some(m) = method
            && !module_function
            && recv_val
                .as_ref()
                .and_then(AVal::taint)
                .is_none_or(|t| t.is_harmless())
            && is_lookup(m)
        {
            return AVal::Unknown;
        }
        // Anything else: the result carries the taint of its inputs. The request object
        // itself handed to code we cannot see (a plugin hook, a method picked by name) is
        // not: that code reads what it needs, and what it returns is its own.
        let whole_request = |e: &Expr| {
            index
                .resolve(self.module, self.scope, e)
                .is_some_and(|r| r.qual == "flask.request")
        };
        let positional = call.args.len() == args.len();
        let keyword = call.keywords.len() == kwargs.len();
        // What the receiver holds comes back for sure (`data.get("k")` of request JSON);
        // what is passed in comes back from library code that builds its result from its
        // arguments, and perhaps from code flaskguard cannot see.
        let taint: Option<Taint> = recv_val.as_ref().and_then(AVal::taint);
        let mut passed: Option<Taint> = None;
        let inputs = args
            .iter()
            .enumerate()
            .map(|(i, v)| (v, positional.then(|| &call.args[i])))
            .chain(
                kwargs
                    .iter()
                    .enumerate()
                    .map(|(i, (_, v))| (v, keyword.then(|| &call.keywords[i].value))),
            );
        for (v, arg) in inputs {
            if let Some(t) = v.taint()
                && !arg.is_some_and(whole_request)
            {
                passed = Some(passed.map_or(t.clone(), |a| a.merge(&t)));
            }
        }
        let unseen = qual.is_empty() || !self.engine.spec.propagates(qual);
        let passed = passed.map(|t| {
            if !unseen || t.is_harmless() {
                return t;
            }
            let callee = self.text(call.func.span);
            let callee: String = if callee.chars().count() > 40 {
                callee.chars().take(37).chain("...".chars()).collect()
            } else {
                callee
            };
            let mut t = t.with_step(self.step(
                e.span,
                format!("passed to `{callee}()`, whose code flaskguard cannot see"),
            ));
            t.sanitize(VIA_UNSEEN);
            t
        });
        let taint = match (taint, passed) {
            (Some(a), Some(b)) => Some(a.merge(&b)),
            (a, b) => a.or(b),
        };
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
        kwargs: &[(Option<&str>, AVal)],
        span: Span,
    ) -> Option<AVal> {
        let recv = recv?;
        let place = receiver.and_then(place_name);
        // `parsed._replace(query=…)` on a parsed URL the request did not write: the query
        // and fragment come after the authority, so the host stays the server's own. (Not
        // the path: with no authority, a path of `//evil.example` becomes the host.)
        if method == "_replace"
            && args.is_empty()
            && recv
                .taint()
                .is_none_or(|t| t.sanitized() & crate::value::HOST_FIXED != 0)
            && kwargs
                .iter()
                .all(|(k, v)| matches!(k, Some("query" | "fragment")) || v.taint().is_none())
        {
            let joined = kwargs.iter().fold(recv.clone(), |acc, (_, v)| acc.join(v));
            return Some(sanitized_for(
                joined,
                Class::Redirect.bit() | Class::Ssrf.bit() | crate::value::HOST_FIXED,
            ));
        }
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
                        self.env.insert(k.into(), v.clone());
                    }
                    return Some(AVal::Const(Value::None));
                }
                "get" | "getint" | "getboolean" => {
                    return Some(match key(args.first(), args.get(1)) {
                        Some(k) => match self.env.get(k.as_str()) {
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
                let cur = self
                    .env
                    .get(name.as_str())
                    .cloned()
                    .unwrap_or(AVal::Unknown);
                if let Some(v) = args.first()
                    && v.taint().is_some()
                {
                    self.env.insert(name.into(), cur.join(v));
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
                let cur = self
                    .env
                    .get(name.as_str())
                    .cloned()
                    .unwrap_or(AVal::Unknown);
                let new = match (cur, args.first()) {
                    (AVal::Seq(mut items), Some(v)) => {
                        items.push(v.clone());
                        AVal::Seq(items)
                    }
                    (cur, Some(v)) => cur.join(v),
                    (cur, None) => cur,
                };
                self.env.insert(name.into(), new);
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
                self.env.insert(name.into(), AVal::Seq(items));
                Some(AVal::Const(Value::None))
            }
            "extend" if matches!((recv, args.first()), (AVal::Seq(_), Some(_))) => {
                let name = place?;
                let (AVal::Seq(mut items), Some(more)) = (recv.clone(), args.first()) else {
                    return None;
                };
                match more {
                    AVal::Seq(more) => items.extend(more.iter().cloned()),
                    // Elements not known one by one: the list keeps its first elements
                    // (`cmd = [program, script]; cmd.extend(args)` still runs `program`),
                    // and what follows is any of the added ones.
                    more => items.push(element_of(more)),
                }
                self.env.insert(name.into(), AVal::Seq(items));
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
                self.env.insert(name.into(), new);
                Some(AVal::Const(Value::None))
            }
            // `opts.setdefault("mount", "/")` with a known key: that entry, added if missing.
            "setdefault"
                if place.is_some()
                    && matches!(args.first(), Some(AVal::Const(Value::Str(_))))
                    && matches!(recv, AVal::Map(_) | AVal::Const(Value::Dict(_))) =>
            {
                let name = place?;
                let Some(AVal::Const(Value::Str(key))) = args.first() else {
                    return None;
                };
                let default = args.get(1).cloned().unwrap_or(AVal::Const(Value::None));
                let mut items: Vec<(String, AVal)> = match recv {
                    AVal::Map(items) => items.clone(),
                    AVal::Const(Value::Dict(items)) => items
                        .iter()
                        .map(|(k, v)| match k {
                            Value::Str(k) => Some((k.clone(), AVal::Const(v.clone()))),
                            _ => None,
                        })
                        .collect::<Option<Vec<_>>>()?,
                    _ => return None,
                };
                if let Some((_, v)) = items.iter().find(|(k, _)| k == key) {
                    return Some(v.clone());
                }
                items.push((key.clone(), default.clone()));
                self.env.insert(name.into(), AVal::Map(items));
                Some(default)
            }
            "extend" | "update" | "insert" | "setdefault" => {
                let name = place?;
                let cur = self
                    .env
                    .get(name.as_str())
                    .cloned()
                    .unwrap_or(AVal::Unknown);
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
                    self.env.insert(name.into(), AVal::Map(items));
                    return Some(AVal::Const(Value::None));
                }
                let new = match added.taint() {
                    Some(_) => cur.join(&added),
                    None => cur,
                };
                self.env.insert(name.into(), new.clone());
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
                    self.env.insert(name.into(), AVal::Seq(items));
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
            // `"…{name}…".format(value, name=value)`: positional and keyword values alike.
            "format" if receiver.is_some_and(|r| self.is_markup(r)) => {
                let t = args
                    .iter()
                    .chain(kwargs.iter().map(|(_, v)| v))
                    .filter_map(AVal::taint)
                    .reduce(|a, b| a.merge(&b));
                Some(t.map_or(AVal::Unknown, |t| {
                    sanitized_for(AVal::Tainted(t), Class::Xss.bit())
                }))
            }
            "format"
                if matches!(recv, AVal::Const(Value::Str(_)))
                    && args
                        .iter()
                        .chain(kwargs.iter().map(|(_, v)| v))
                        .all(|v| matches!(v, AVal::Const(_))) =>
            {
                let AVal::Const(Value::Str(s)) = recv else {
                    return None;
                };
                let args: Vec<Value> = args.iter().filter_map(|a| a.as_const().cloned()).collect();
                let kwargs: Vec<(&str, &Value)> = kwargs
                    .iter()
                    .filter_map(|(k, v)| Some(((*k)?, v.as_const()?)))
                    .collect();
                Some(
                    flaskguard_index::fold::str_method(s, "format", &args, &kwargs)
                        .map_or(AVal::Const(Value::Unknown), AVal::Const),
                )
            }
            "format" => {
                let mut taint = recv.taint();
                let markup = matches!(recv, AVal::Const(Value::Str(s)) if is_markup_text(s));
                for a in args.iter().chain(kwargs.iter().map(|(_, v)| v)) {
                    if let Some(mut t) = a.taint() {
                        if markup {
                            t.in_markup();
                        }
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

    /// `"".join(TABLE.get(ch, ch) for ch in value)` with a constant table of single
    /// characters: the value with those characters replaced. It is safe for what the table
    /// escapes completely (`\\`, `*`, `(`, `)` to `\\xx` for an LDAP filter; `<`, `>`,
    /// `&` and both quotes to entities for HTML). `None` for any other join, or when the
    /// translated text holds no request data.
    fn translated(&mut self, call: &Call) -> Option<AVal> {
        let ExprKind::Comprehension(comp) = &call.args.first()?.kind else {
            return None;
        };
        let [generator] = &comp.generators[..] else {
            return None;
        };
        let ch = generator.target.as_name()?;
        let lookup = comp.elt.as_call()?;
        let ExprKind::Attribute { value: table, attr } = &lookup.func.kind else {
            return None;
        };
        if attr != "get"
            || !generator.ifs.is_empty()
            || !matches!(&lookup.args[..], [k, d] if k.as_name() == Some(ch) && d.as_name() == Some(ch))
        {
            return None;
        }
        let pairs: Vec<(String, Value)> = match self.eval(table) {
            AVal::Map(items) => items
                .into_iter()
                .map(|(k, v)| match v {
                    AVal::Const(c) => Some((k, c)),
                    _ => None,
                })
                .collect::<Option<_>>()?,
            AVal::Const(Value::Dict(items)) => items
                .into_iter()
                .map(|(k, v)| match k {
                    Value::Str(k) => Some((k, v)),
                    _ => None,
                })
                .collect::<Option<_>>()?,
            _ => return None,
        };
        let entries: Vec<(char, String)> = pairs
            .into_iter()
            .map(|(k, v)| {
                let mut cs = k.chars();
                match (cs.next(), cs.next(), v) {
                    (Some(c), None, Value::Str(to)) => Some((c, to)),
                    _ => None,
                }
            })
            .collect::<Option<_>>()?;
        let escapes = |chars: &str, ok: &dyn Fn(&str) -> bool| {
            chars
                .chars()
                .all(|c| entries.iter().any(|(k, to)| *k == c && ok(to)))
        };
        let ldap = escapes("\\*()", &|to: &str| {
            to.len() == 3 && to.starts_with('\\') && to[1..].chars().all(|c| c.is_ascii_hexdigit())
        });
        let html = escapes("<>&\"'", &|to: &str| {
            to.len() > 2 && to.starts_with('&') && to.ends_with(';')
        });
        let mut mask = 0;
        if ldap {
            mask |= Class::Ldap.bit();
        }
        if html {
            mask |= Class::Xss.bit();
        }
        let mut t = self.eval(&generator.iter).taint()?;
        t.sanitize(mask);
        Some(AVal::Tainted(t.with_step(
            self.step(call.func.span, "translated character by character"),
        )))
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn apply_summary(
        &mut self,
        e: &Expr,
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
        let mut passed = vec![false; def.params.len()];
        for (i, _) in args.iter().enumerate() {
            if let Some(slot) = passed.get_mut(i + shift) {
                *slot = true;
            }
        }
        for (name, v) in kwargs {
            if let Some(name) = name
                && let Some(pi) = def.params.iter().position(|p| p.name == *name)
            {
                param_vals[pi] = v.clone();
                passed[pi] = true;
            }
        }
        // A parameter left out takes its default, when that is a constant
        // (`def load(name, create=False)`). (`**kwargs` at the call may pass it.)
        let spread = kwargs.iter().any(|(name, _)| name.is_none())
            || e.as_call().is_none_or(|c| {
                c.args
                    .iter()
                    .any(|a| matches!(a.kind, ExprKind::Starred(_)))
            });
        if !spread {
            for (i, p) in def.params.iter().enumerate() {
                if !passed[i]
                    && (shift == 0 || i > 0)
                    && let Some(d) = &p.default
                {
                    let c = self.engine.index.eval(fm, ScopeRef::Module, d);
                    if c != Value::Unknown {
                        param_vals[i] = AVal::Const(c);
                    }
                }
            }
        }
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
            let call_step = self.step(e.span, ["passed to `", &def.name, "()`"].concat());
            for (p, v) in def.params.iter().zip(param_vals) {
                let v = match v {
                    AVal::Tainted(t) => AVal::Tainted(t.with_step(call_step.clone())),
                    other => other,
                };
                fx.env.insert(p.name.as_str().into(), v);
            }
            fx.block(&def.body);
            if !fx.dead {
                fx.record_param_effects();
            }
            let effects = std::mem::take(&mut fx.found.param_effects);
            self.apply_param_effects(e, def, shift, &effects, None);
            self.call_body = Some((e.span, response_bodies(&fx.found.return_sites)));
            self.found.flows.append(&mut fx.found.flows);
            self.found.param_sinks.append(&mut fx.found.param_sinks);
            self.found
                .param_verdicts
                .append(&mut fx.found.param_verdicts);
            self.found.verdicts.append(&mut fx.found.verdicts);
            self.found.dead_code.append(&mut fx.found.dead_code);
            self.found.session_keys.append(&mut fx.found.session_keys);
            return fx.found.returns.unwrap_or(AVal::Unknown);
        }
        let switches = Switches::of(param_vals.iter().map(AVal::as_const));
        let summary = self.engine.summary_with(f, self.depth + 1, switches);
        let call_step = self.step(e.span, ["passed to `", &def.name, "()`"].concat());
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
            let Some(mut t) = v.taint() else { continue };
            if t.is_safe_for(ps.class) {
                continue;
            }
            t.sanitize(ps.marks);
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
                ps.directory,
            );
        }
        if !summary.param_effects.is_empty() {
            self.apply_param_effects(
                e,
                def,
                shift,
                &summary.param_effects,
                Some((&param_vals, &call_step)),
            );
        }
        if summary.complete {
            let bodies = response_bodies(&summary.return_sites);
            self.call_body = Some((e.span, substitute(&bodies, &param_vals, &call_step)));
        }
        // The returned value.
        let Some(ret) = &summary.returns else {
            return AVal::Unknown;
        };
        substitute(ret, &param_vals, &call_step)
    }
}

impl FnCtx<'_, '_, '_> {
    /// Stores, at a call, what the callee put in its parameters' attributes into the
    /// objects passed (`fb.eq("managedBy", owner)` appends to `fb.clauses`): joined into
    /// the argument's attribute, and into the field of an instance whose fields are known.
    /// `substituted` gives a summary's parameters their values here (`None`: the callee
    /// was analysed with the values themselves).
    fn apply_param_effects(
        &mut self,
        e: &Expr,
        def: &flaskguard_index::ir::FunctionDef,
        shift: usize,
        effects: &[(u16, String, AVal)],
        substituted: Option<(&[AVal], &Step)>,
    ) {
        let Some(call) = e.as_call() else { return };
        for (i, attr, v) in effects {
            let i = usize::from(*i);
            let arg = if i == 0 && shift == 1 {
                match &call.func.kind {
                    ExprKind::Attribute { value, .. } => Some(&**value),
                    _ => None,
                }
            } else {
                def.params.get(i).and_then(|p| {
                    call.keyword(p.name.as_str())
                        .or_else(|| i.checked_sub(shift).and_then(|j| call.args.get(j)))
                })
            };
            let Some(place) = arg.and_then(place_name) else {
                continue;
            };
            let v = match substituted {
                Some((params, step)) => substitute(v, params, step),
                None => v.clone(),
            };
            if v.taint().is_none() {
                continue;
            }
            let field = format!("{place}.{attr}");
            let old = self.env.get(field.as_str()).cloned();
            let joined = old.map_or_else(|| v.clone(), |o| o.join(&v));
            self.env.insert(field.into(), joined);
            if let Some(AVal::Instance {
                fields: Some(fields),
                ..
            }) = self.env.get_mut(place.as_str())
            {
                match fields.iter_mut().find(|(k, _)| k == attr) {
                    Some((_, old)) => *old = old.join(&v),
                    None => fields.push((attr.clone(), v.clone())),
                }
            }
        }
    }
}

/// What a call's arguments hold together: an object built from them carries all of it.
fn joined(args: &[AVal], kwargs: &[(Option<&str>, AVal)]) -> AVal {
    args.iter()
        .chain(kwargs.iter().map(|(_, v)| v))
        .fold(AVal::Unknown, |a, v| a.join(v))
}

/// What a function can return as a response body: the join of its `return` values that
/// are not JSON or declared non-HTML (`None` when it returns none).
fn response_bodies(sites: &[(Span, AVal)]) -> AVal {
    sites
        .iter()
        .map(|(_, v)| v)
        .fold(None, |acc: Option<AVal>, v| {
            Some(acc.map_or_else(|| v.clone(), |a| a.join(v)))
        })
        .unwrap_or(AVal::Const(Value::None))
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
        ExprKind::Name(n) => Some(n.as_str().to_owned()),
        ExprKind::Attribute { value, .. } | ExprKind::Subscript { value, .. } => root_place(value),
        ExprKind::Call(call) => root_place(&call.func),
        _ => None,
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

/// Whether `qual` is a method of an attribute that project code stores on an instance of
/// a Flask class (`flask.views.View().template.format` after `self.template = …`).
fn stored_on_flask_object(index: &flaskguard_index::Index<'_>, qual: &str) -> bool {
    let Some((_, rest)) = qual.rsplit_once("().") else {
        return false;
    };
    rest.split_once('.')
        .is_some_and(|(attr, _)| index.is_stored_attribute(attr))
}

/// Method names that look something up by the arguments rather than compute from them.
fn is_lookup(method: &str) -> bool {
    method == "get"
        || [
            "get_", "fetch", "find", "lookup", "retrieve", "query", "search_", "by_",
        ]
        .iter()
        .any(|p| method.starts_with(p))
        || method.ends_with("_by_id")
        || method.ends_with("_by_name")
}

impl FnCtx<'_, '_, '_> {
    /// Whether `e` is an ORM query: `Model.query…` (the model a class) or
    /// `session.query(…)…`, through the query's own builder methods (`filter_by`,
    /// `filter`, `order_by`, …).
    fn is_query(&mut self, e: &Expr) -> bool {
        let mut e = e;
        for _ in 0..16 {
            match &e.kind {
                ExprKind::Attribute { value, attr } if attr == "query" => {
                    return (matches!(value.kind, ExprKind::Name(_))
                        && matches!(self.eval(value), AVal::Class(_)))
                        || self
                            .engine
                            .index
                            .resolve(self.module, self.scope, value)
                            .is_some_and(|r| self.engine.index.project_class(&r.qual).is_some());
                }
                ExprKind::Call(call) => match &call.func.kind {
                    ExprKind::Attribute { value, attr } => {
                        if attr == "query" {
                            return place_name(value).is_some_and(|p| {
                                p == "session" || p.ends_with(".session") || p.ends_with("_session")
                            });
                        }
                        if !matches!(
                            attr.as_str(),
                            "filter"
                                | "filter_by"
                                | "where"
                                | "order_by"
                                | "limit"
                                | "offset"
                                | "join"
                                | "outerjoin"
                                | "options"
                                | "distinct"
                                | "group_by"
                                | "with_entities"
                        ) {
                            return false;
                        }
                        e = value;
                    }
                    _ => return false,
                },
                _ => return false,
            }
        }
        false
    }
}

/// The part of a value a template reads through constant attributes or keys
/// (`note.body`): the entry of a dict with known keys, the entries of a list's elements
/// (a `{% for %}` loop reads each), or the value as a whole when its parts are not known.
fn project_path(v: &AVal, path: &[String]) -> AVal {
    let mut cur = v.clone();
    for (i, key) in path.iter().enumerate() {
        cur = match cur {
            AVal::Seq(items) => {
                return AVal::Seq(
                    items
                        .iter()
                        .map(|item| project_path(item, &path[i..]))
                        .collect(),
                );
            }
            AVal::Map(items) => match items.into_iter().find(|(k, _)| k == key) {
                Some((_, item)) => item,
                // The template reads a key the dict does not have: nothing.
                None => AVal::Const(Value::None),
            },
            other => return other,
        };
    }
    cur
}
