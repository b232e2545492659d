//! Sinks: matching calls against the spec's sinks, recording flows from request data
//! and from parameters, and the verdict at each sink for the rules that audit them.

// Abstract-value algebra reads best with short names (a, b, t, v).

use flaskguard_index::ir::{Call, Expr, ExprKind, ScopeRef};
use flaskguard_index::{ModuleId, Span, Value};

use crate::engine::{Flow, ParamSink, Verdict};
use crate::interp::FnCtx;
use crate::spec::{Class, SinkMode, SinkRow};
use crate::value::{
    AVal, BROWSER_HEADER, GRADE_MARKS, ONE_SEGMENT, Origin, REFERRER, Step, Taint, VIA_UNSEEN,
};

impl<'i> FnCtx<'_, 'i, '_> {
    /// The sinks a call stands for by its method's name (`cursor.execute(...)` on a
    /// receiver the index does not know, or a library's): never a method of the
    /// project's own classes, which is analysed from its body instead.
    pub(crate) fn method_sinks(
        &self,
        qual: &str,
        method: Option<&str>,
    ) -> Option<&'i Vec<SinkRow>> {
        let m = method?;
        if !(qual.is_empty() || flaskguard_index::names::ends_with_member(qual, m))
            || self.engine.index.project_function(qual).is_some()
        {
            return None;
        }
        self.engine.spec.sinks_by_method.get(m)
    }

    pub(crate) fn check_sinks(
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
        let by_method = match by_name {
            None => self.method_sinks(qual, method),
            Some(_) => None,
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
            if row.class == Class::Xss && self.plain_text_markup == Some(e.span) {
                continue;
            }
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
                        self.found.verdicts.push((
                            self.module,
                            e.span,
                            row.class,
                            Verdict::Sanitized,
                        ));
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
            self.sink_value_at(row.class, &value, &sink, row.directory);
        }
    }

    /// The URL rule of the route this function handles, when the rule has no parameters:
    /// `request.path` is then that constant.
    pub(crate) fn fixed_rule(&self) -> Option<String> {
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
    pub(crate) fn is_markup(&self, e: &Expr) -> bool {
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
    pub(crate) fn header_values(&mut self, headers: &AVal, span: Span) {
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
    pub(crate) fn push_verdict(
        &mut self,
        module: ModuleId,
        span: Span,
        class: Class,
        value: &AVal,
    ) {
        if let Some(t) = value.taint()
            && !t.is_safe_for(class)
            && t.origins.iter().all(|(o, _)| matches!(o, Origin::Param(_)))
        {
            for (o, mask) in &t.origins {
                if let Origin::Param(p) = o
                    && mask & class.bit() == 0
                {
                    self.found.param_verdicts.push((*p, module, span, class));
                }
            }
            return;
        }
        self.found
            .verdicts
            .push((module, span, class, verdict_of(value, class)));
    }

    pub(crate) fn sink_value(&mut self, class: Class, value: &AVal, sink: &Step) {
        self.sink_value_at(class, value, sink, false);
    }

    /// A sink of `class`; `directory`: it acts on a directory itself (see
    /// [`SinkRow::directory`]).
    pub(crate) fn sink_value_at(
        &mut self,
        class: Class,
        value: &AVal,
        sink: &Step,
        directory: bool,
    ) {
        let Some(t) = value.taint() else { return };
        if t.is_safe_for(class) {
            return;
        }
        self.record(class, &t, sink, directory);
    }

    pub(crate) fn record(&mut self, class: Class, t: &Taint, sink: &Step, directory: bool) {
        for (o, mask) in &t.origins {
            if mask & class.bit() != 0 {
                continue;
            }
            match o {
                // Request data reaches every kind of sink but `Secret`; random values only
                // `Secret` (a token, a session or cookie value).
                Origin::Source(_) if class == Class::Secret => {}
                Origin::Random(_) if class != Class::Secret => {}
                Origin::Source(s) | Origin::Random(s) => self.found.flows.push(Flow {
                    class,
                    source: s.clone(),
                    steps: t.steps.to_vec(),
                    sink: sink.clone(),
                    via_unseen: mask & VIA_UNSEEN != 0,
                    one_segment: mask & ONE_SEGMENT != 0 && !directory,
                    referrer: mask & REFERRER != 0,
                    browser_header: mask & BROWSER_HEADER != 0,
                }),
                Origin::Param(p) => self.found.param_sinks.push(ParamSink {
                    param: *p,
                    class,
                    steps: t.steps.to_vec(),
                    sink: sink.clone(),
                    marks: mask & GRADE_MARKS,
                    directory,
                }),
            }
        }
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
