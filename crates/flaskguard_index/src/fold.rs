//! Constant folding with Python's semantics: the one folder. The index's evaluator
//! ([`crate::Index::eval`]) and the taint engine both fold constants here, so a constant
//! branch, a built string or a membership test means the same to every consumer.
//!
//! Every function answers `None` when the operation is not folded (unknown operands, an
//! operation Python would raise on, a result too large to be worth building): the caller
//! treats the value as unknown.

use std::fmt::Write;

use crate::Value;
use crate::ir::{BinOp, CmpOp, UnaryOp};

/// Repetition (`"ab" * n`) beyond this many characters is not built.
const MAX_REPEAT: usize = 10_000;

/// The integer a value is in arithmetic (`True + 1 == 2`).
fn int(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(i64::from(*b)),
        _ => None,
    }
}

/// The number a value is in arithmetic and comparisons.
fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        #[allow(clippy::cast_precision_loss)]
        _ => int(v).map(|i| i as f64),
    }
}

/// `-x`, `+x`, `~x`, `not x`.
pub fn unary(op: UnaryOp, v: &Value) -> Option<Value> {
    match (op, v) {
        (UnaryOp::Not, v) => v.truthy().map(|b| Value::Bool(!b)),
        (UnaryOp::USub, Value::Float(f)) => Some(Value::Float(-f)),
        (UnaryOp::UAdd, Value::Float(f)) => Some(Value::Float(*f)),
        (UnaryOp::USub, v) => int(v)?.checked_neg().map(Value::Int),
        (UnaryOp::UAdd, v) => int(v).map(Value::Int),
        (UnaryOp::Invert, v) => int(v).map(|i| Value::Int(!i)),
    }
}

/// Python's floor division and modulo on integers (the quotient rounds toward −∞; the
/// remainder takes the divisor's sign).
fn floor_div_mod(a: i64, b: i64) -> Option<(i64, i64)> {
    let q = a.checked_div(b)?;
    let r = a.checked_rem(b)?;
    if r != 0 && ((r < 0) != (b < 0)) {
        Some((q - 1, r + b))
    } else {
        Some((q, r))
    }
}

/// `l op r` on two constants.
pub fn binop(l: &Value, op: BinOp, r: &Value) -> Option<Value> {
    match (l, op, r) {
        (Value::Str(a), BinOp::Add, Value::Str(b)) => return Some(Value::Str(format!("{a}{b}"))),
        (Value::List(a), BinOp::Add, Value::List(b)) if l.is_constant() && r.is_constant() => {
            return Some(Value::List(a.iter().chain(b).cloned().collect()));
        }
        (Value::Str(s), BinOp::Mult, n) | (n, BinOp::Mult, Value::Str(s)) if int(n).is_some() => {
            let n = usize::try_from(int(n)?.max(0)).ok()?;
            if s.len().saturating_mul(n) > MAX_REPEAT {
                return None;
            }
            return Some(Value::Str(s.repeat(n)));
        }
        (Value::Str(format), BinOp::Mod, args) => return percent_format(format, args),
        (Value::Bool(a), BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor, Value::Bool(b)) => {
            return Some(Value::Bool(match op {
                BinOp::BitAnd => a & b,
                BinOp::BitOr => a | b,
                _ => a ^ b,
            }));
        }
        _ => {}
    }
    if let (Some(a), Some(b)) = (int(l), int(r)) {
        return Some(match op {
            BinOp::Add => Value::Int(a.checked_add(b)?),
            BinOp::Sub => Value::Int(a.checked_sub(b)?),
            BinOp::Mult => Value::Int(a.checked_mul(b)?),
            BinOp::FloorDiv => Value::Int(floor_div_mod(a, b)?.0),
            BinOp::Mod => Value::Int(floor_div_mod(a, b)?.1),
            BinOp::Pow if b >= 0 => Value::Int(a.checked_pow(u32::try_from(b).ok()?)?),
            BinOp::LShift if (0..64).contains(&b) => {
                let shifted = a.checked_shl(u32::try_from(b).ok()?)?;
                // Python's ints do not overflow: a shift that loses bits is not folded.
                if shifted >> b != a {
                    return None;
                }
                Value::Int(shifted)
            }
            BinOp::RShift if b >= 0 => Value::Int(a >> b.min(63)),
            BinOp::BitAnd => Value::Int(a & b),
            BinOp::BitOr => Value::Int(a | b),
            BinOp::BitXor => Value::Int(a ^ b),
            #[allow(clippy::cast_precision_loss)]
            BinOp::Div if b != 0 => Value::Float(a as f64 / b as f64),
            _ => return None,
        });
    }
    let (a, b) = (number(l)?, number(r)?);
    Some(Value::Float(match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mult => a * b,
        BinOp::Div if b != 0.0 => a / b,
        BinOp::FloorDiv if b != 0.0 => (a / b).floor(),
        BinOp::Mod if b != 0.0 => a - b * (a / b).floor(),
        _ => return None,
    }))
}

/// `"…%s…%d…" % args` with `%s`, `%d`/`%i` and `%%`; anything else (widths, named keys,
/// other conversions) is not folded. A tuple of arguments is a constant list whose length
/// is the number of conversions; a single argument is itself.
fn percent_format(format: &str, args: &Value) -> Option<Value> {
    let conversions = format.matches('%').count() - 2 * format.matches("%%").count();
    let args: Vec<&Value> = match args {
        Value::List(items) if items.len() == conversions && conversions != 1 => {
            items.iter().collect()
        }
        Value::Dict(_) => return None,
        v if conversions == 1 => vec![v],
        _ => return None,
    };
    let mut out = String::with_capacity(format.len());
    let mut args = args.into_iter();
    let mut rest = format;
    while let Some(at) = rest.find('%') {
        out.push_str(&rest[..at]);
        let spec = rest[at + 1..].chars().next()?;
        match spec {
            '%' => out.push('%'),
            's' => out.push_str(&display(args.next()?)?),
            'd' | 'i' => {
                let v = args.next()?;
                match v {
                    Value::Float(f) if f.is_finite() => {
                        let _ = write!(out, "{}", f.trunc());
                    }
                    _ => out.push_str(&int(v)?.to_string()),
                }
            }
            _ => return None,
        }
        rest = &rest[at + 1 + spec.len_utf8()..];
    }
    out.push_str(rest);
    Some(Value::Str(out))
}

/// The string methods [`str_method`] folds.
pub const STR_METHODS: [&str; 6] = ["format", "join", "upper", "lower", "strip", "replace"];

/// A method of a constant string with constant arguments: `format` (automatic, numbered
/// and named fields without conversions or format specs), `join` of a constant list,
/// `upper`, `lower`, `strip` and `replace`.
pub fn str_method(
    s: &str,
    method: &str,
    args: &[Value],
    kwargs: &[(&str, &Value)],
) -> Option<Value> {
    Some(Value::Str(match (method, args) {
        ("format", _) => return str_format(s, args, kwargs),
        ("join", [Value::List(items)]) if kwargs.is_empty() => items
            .iter()
            .map(|v| match v {
                Value::Str(x) => Some(x.as_str()),
                _ => None,
            })
            .collect::<Option<Vec<&str>>>()?
            .join(s),
        ("upper", []) => s.to_uppercase(),
        ("lower", []) => s.to_lowercase(),
        ("strip", []) => s.trim().to_string(),
        ("replace", [Value::Str(a), Value::Str(b)]) => s.replace(a.as_str(), b),
        _ => return None,
    }))
}

/// `"…{}…{0}…{name}…".format(...)`; `{{` and `}}` are literal braces.
fn str_format(format: &str, args: &[Value], kwargs: &[(&str, &Value)]) -> Option<Value> {
    let mut out = String::with_capacity(format.len());
    let mut next_auto = 0;
    let mut chars = format.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '{' if chars.peek().is_some_and(|&(_, n)| n == '{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek().is_some_and(|&(_, n)| n == '}') => {
                chars.next();
                out.push('}');
            }
            '{' => {
                let end = i + format[i..].find('}')?;
                let field = &format[i + 1..end];
                let value = if field.is_empty() {
                    next_auto += 1;
                    args.get(next_auto - 1)?
                } else if let Ok(n) = field.parse::<usize>() {
                    args.get(n)?
                } else if crate::semantic::is_identifier(field) {
                    kwargs.iter().find(|(k, _)| *k == field)?.1
                } else {
                    // Conversions, format specs, attribute and item access.
                    return None;
                };
                out.push_str(&display(value)?);
                while chars.peek().is_some_and(|&(j, _)| j <= end) {
                    chars.next();
                }
            }
            '}' => return None,
            c => out.push(c),
        }
    }
    Some(Value::Str(out))
}

/// `str(v)` for the constants whose text is certain.
fn display(v: &Value) -> Option<String> {
    Some(match v {
        Value::Str(s) => s.clone(),
        Value::Int(i) => i.to_string(),
        Value::Bool(true) => "True".to_string(),
        Value::Bool(false) => "False".to_string(),
        Value::None => "None".to_string(),
        _ => return None,
    })
}

/// Equality as Python sees it on constants (`1 == 1.0 == True`).
#[allow(clippy::float_cmp)] // Python's `==` on numbers is exact.
fn equal(a: &Value, b: &Value) -> bool {
    match (number(a), number(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// `l op r` on two constants.
pub fn compare(l: &Value, op: CmpOp, r: &Value) -> Option<bool> {
    if !l.is_constant() || !r.is_constant() {
        return None;
    }
    let order = || -> Option<std::cmp::Ordering> {
        match (l, r) {
            (Value::Str(a), Value::Str(b)) => Some(a.cmp(b)),
            _ => number(l)?.partial_cmp(&number(r)?),
        }
    };
    Some(match op {
        CmpOp::Eq => equal(l, r),
        CmpOp::NotEq => !equal(l, r),
        CmpOp::Lt => order()?.is_lt(),
        CmpOp::LtE => order()?.is_le(),
        CmpOp::Gt => order()?.is_gt(),
        CmpOp::GtE => order()?.is_ge(),
        // Identity is known for the singletons only (`x is None`, `flag is True`).
        CmpOp::Is | CmpOp::IsNot => {
            let singleton = |v: &Value| matches!(v, Value::None | Value::Bool(_));
            if !singleton(l) && !singleton(r) {
                return None;
            }
            (l == r) == (op == CmpOp::Is)
        }
        CmpOp::In | CmpOp::NotIn => {
            let found = match (l, r) {
                (Value::Str(a), Value::Str(b)) => b.contains(a.as_str()),
                (a, Value::List(items)) => items.iter().any(|i| equal(a, i)),
                (a, Value::Dict(items)) => items.iter().any(|(k, _)| equal(a, k)),
                _ => return None,
            };
            found == (op == CmpOp::In)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Value {
        Value::Str(v.to_string())
    }

    #[test]
    fn arithmetic_is_pythons() {
        use Value::{Float, Int};
        assert_eq!(binop(&Int(-7), BinOp::FloorDiv, &Int(2)), Some(Int(-4)));
        assert_eq!(binop(&Int(7), BinOp::FloorDiv, &Int(-2)), Some(Int(-4)));
        assert_eq!(binop(&Int(-7), BinOp::Mod, &Int(2)), Some(Int(1)));
        assert_eq!(binop(&Int(7), BinOp::Mod, &Int(-2)), Some(Int(-1)));
        assert_eq!(binop(&Int(2), BinOp::Pow, &Int(10)), Some(Int(1024)));
        assert_eq!(binop(&Int(2), BinOp::Pow, &Int(99)), None);
        assert_eq!(binop(&Int(1), BinOp::Div, &Int(2)), Some(Float(0.5)));
        assert_eq!(binop(&Int(1), BinOp::Div, &Int(0)), None);
        assert_eq!(binop(&Value::Bool(true), BinOp::Add, &Int(1)), Some(Int(2)));
        assert_eq!(binop(&Int(1), BinOp::LShift, &Int(62)), Some(Int(1 << 62)));
        assert_eq!(binop(&Int(3), BinOp::LShift, &Int(63)), None);
        assert_eq!(
            binop(&Float(7.5), BinOp::FloorDiv, &Int(2)),
            Some(Float(3.0))
        );
        assert_eq!(binop(&Int(i64::MAX), BinOp::Add, &Int(1)), None);
        assert_eq!(unary(UnaryOp::USub, &Int(i64::MIN)), None);
        assert_eq!(unary(UnaryOp::Invert, &Int(0)), Some(Int(-1)));
        assert_eq!(unary(UnaryOp::Not, &s("")), Some(Value::Bool(true)));
    }

    #[test]
    fn strings_build_as_python_builds_them() {
        assert_eq!(
            binop(&s("ab"), BinOp::Mult, &Value::Int(3)),
            Some(s("ababab"))
        );
        assert_eq!(binop(&Value::Int(2), BinOp::Mult, &s("x")), Some(s("xx")));
        assert_eq!(binop(&s("x"), BinOp::Mult, &Value::Int(-1)), Some(s("")));
        assert_eq!(binop(&s("x"), BinOp::Mult, &Value::Int(1 << 40)), None);
        assert_eq!(binop(&s("id=%s"), BinOp::Mod, &s("7")), Some(s("id=7")));
        assert_eq!(
            binop(
                &s("%s-%d %%"),
                BinOp::Mod,
                &Value::List(vec![s("a"), Value::Int(3)])
            ),
            Some(s("a-3 %"))
        );
        // Wrong arity, named keys and widths are not folded.
        assert_eq!(binop(&s("%s %s"), BinOp::Mod, &s("a")), None);
        assert_eq!(binop(&s("%(x)s"), BinOp::Mod, &Value::Dict(vec![])), None);
        assert_eq!(binop(&s("%5s"), BinOp::Mod, &s("a")), None);
    }

    #[test]
    fn str_format_and_methods_fold_as_python_does() {
        let a = [s("-h"), Value::Int(2)];
        let unit = s("/");
        let kw = [("mount", &unit)];
        assert_eq!(
            str_method("df {} {1} {mount} {{x}}", "format", &a, &kw),
            Some(s("df -h 2 / {x}"))
        );
        // Missing fields, specs, conversions, attribute access and stray braces are not folded.
        assert_eq!(str_method("{} {}", "format", &a[..1], &[]), None);
        assert_eq!(str_method("{:>5}", "format", &a, &[]), None);
        assert_eq!(str_method("{!r}", "format", &a, &[]), None);
        assert_eq!(str_method("{0.x}", "format", &a, &[]), None);
        assert_eq!(str_method("}", "format", &a, &[]), None);
        assert_eq!(str_method("{name}", "format", &a, &[]), None);
        assert_eq!(
            str_method(", ", "join", &[Value::List(vec![s("a"), s("b")])], &[]),
            Some(s("a, b"))
        );
        assert_eq!(
            str_method(
                ", ",
                "join",
                &[Value::List(vec![s("a"), Value::Unknown])],
                &[]
            ),
            None
        );
        assert_eq!(str_method(" Ab ", "strip", &[], &[]), Some(s("Ab")));
    }

    #[test]
    fn comparisons_identity_and_membership() {
        use Value::{Bool, Int, List};
        assert_eq!(compare(&Int(1), CmpOp::Eq, &Value::Float(1.0)), Some(true));
        assert_eq!(compare(&Bool(true), CmpOp::Eq, &Int(1)), Some(true));
        assert_eq!(compare(&s("a"), CmpOp::Lt, &s("b")), Some(true));
        assert_eq!(compare(&Value::None, CmpOp::Is, &Value::None), Some(true));
        assert_eq!(compare(&s("x"), CmpOp::IsNot, &Value::None), Some(true));
        assert_eq!(compare(&Bool(true), CmpOp::Is, &Int(1)), Some(false));
        assert_eq!(compare(&s("a"), CmpOp::Is, &s("a")), None);
        assert_eq!(compare(&s("b"), CmpOp::In, &s("abc")), Some(true));
        assert_eq!(
            compare(&Int(2), CmpOp::NotIn, &List(vec![Int(1), Int(2)])),
            Some(false)
        );
        let d = Value::Dict(vec![(s("k"), Int(1))]);
        assert_eq!(compare(&s("k"), CmpOp::In, &d), Some(true));
        assert_eq!(compare(&Value::Unknown, CmpOp::Eq, &Int(1)), None);
    }
}
