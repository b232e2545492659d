//! Flask-WTF forms: a form built in a view reads the request's form data (and files) by
//! itself, so what its fields hold (`form.name.data`) is request data; a field that
//! converts its input (numbers, booleans, dates) or accepts only its listed choices
//! holds a value of a fixed form.

use flaskguard_index::ir::{Expr, ExprKind};

use crate::interp::FnCtx;
use crate::spec::Class;
use crate::value::Taint;

/// WTForms fields whose `data` is converted from the input (a number, a bool, a date) or
/// checked against the field's choices (`SelectField` validates its value is one of them).
const FIXED_FORM_FIELDS: &[&str] = &[
    "IntegerField",
    "FloatField",
    "DecimalField",
    "IntegerRangeField",
    "DecimalRangeField",
    "BooleanField",
    "DateField",
    "DateTimeField",
    "DateTimeLocalField",
    "TimeField",
    "MonthField",
    "WeekField",
    "SelectField",
    "SelectMultipleField",
    "RadioField",
];

impl FnCtx<'_, '_, '_> {
    /// `form.name.data` (or `.raw_data`), `form.data` of a Flask-WTF form: request data,
    /// made safe for every sink when the field holds a fixed form. `None` for anything
    /// else.
    pub(crate) fn form_data(&self, e: &Expr) -> Option<Taint> {
        let ExprKind::Attribute { value, attr } = &e.kind else {
            return None;
        };
        let (form, field) = match (&value.kind, attr.as_str()) {
            (
                ExprKind::Attribute {
                    value: form,
                    attr: field,
                },
                "data" | "raw_data",
            ) => (&**form, Some(field.as_str())),
            (_, "data") => (&**value, None),
            _ => return None,
        };
        let index = self.engine.index;
        let r = index.resolve(self.module, self.scope, form)?;
        let class = r.qual.strip_suffix("()")?;
        if !flaskguard_flask::is_flask_form(index, class) {
            return None;
        }
        let mut t = Taint::source(self.step(
            e.span,
            format!("`{}` (form data from the request)", self.text(e.span)),
        ));
        if field.is_some_and(|f| {
            self.field_class(class, f)
                .is_some_and(|c| FIXED_FORM_FIELDS.contains(&c.as_str()))
        }) {
            t.sanitize(Class::ALL_BITS);
        }
        Some(t)
    }

    /// The WTForms class (its last name, `SelectField`) a form class, or one of its
    /// project bases, binds `field` to in its body.
    fn field_class(&self, class: &str, field: &str) -> Option<String> {
        flaskguard_flask::form_fields(self.engine.index, class)
            .into_iter()
            .find(|f| f.name == field)
            .map(|f| f.kind)
    }
}
