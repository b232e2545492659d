//! Assignment: strong updates of names, attributes, elements and unpacked targets.

// Abstract-value algebra reads best with short names (a, b, t, v).

use flaskguard_index::ir::{Expr, ExprKind};
use flaskguard_index::{Span, Value};

use crate::interp::{FnCtx, place_name};
use crate::spec::Class;
use crate::value::{AVal, Origin, element_of};

impl FnCtx<'_, '_, '_> {
    /// Binds `name` to a new value: what was known of the old value's attributes and
    /// elements (`book.path` after `book.path = …`) says nothing about the new one (`for
    /// book in books:` binds the next row; `book = query.first()` another object).
    pub(crate) fn bind_name(&mut self, name: &str, value: AVal) {
        self.env.retain(|k, _| {
            !(k.len() > name.len() && k.starts_with(name) && k.as_bytes()[name.len()] == b'.')
        });
        self.env.insert(name.into(), value);
    }

    pub(crate) fn assign(&mut self, target: &Expr, value: AVal, span: Span) {
        match &target.kind {
            ExprKind::Name(n) => {
                let value = match value.taint() {
                    Some(t) if matches!(value, AVal::Tainted(_)) => AVal::Tainted(
                        t.with_step(self.step(span, ["assigned to `", n, "`"].concat())),
                    ),
                    _ => value,
                };
                self.bind_name(n, value);
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
                    self.env.insert(name.into(), value);
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
                        self.found.session_keys.push(k.clone());
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
                    self.env.insert(format!("os.environ::{k}").into(), value);
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
                let current = self.env.get(name.as_str()).cloned();
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
                self.env.insert(name.into(), updated);
            }
            _ => {}
        }
    }
}
