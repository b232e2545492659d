//! The value lattice: taint (where a value comes from, and what it has been made safe
//! for), abstract values and environments, and their joins.

// Abstract-value algebra reads best with short names (a, b, t, v).

use std::sync::Arc;

use rustc_hash::FxHashMap;

use flaskguard_index::{ModuleId, Span, Value};

use crate::spec::Class;

/// At most this many propagation steps are kept per value.
const MAX_STEPS: usize = 8;

/// A mark on taint (outside every class's bit): the path was normalised (`realpath`,
/// `abspath`, `resolve()`), so a later prefix check is meaningful.
pub(crate) const NORMALIZED: u32 = 1 << 30;

/// A mark on taint: HTML-escaped without quotes (`html.escape(x, quote=False)`,
/// `cgi.escape(x)`), so it is still unsafe inside a quoted attribute value.
pub(crate) const UNQUOTED: u32 = 1 << 29;

/// A mark on taint: the text holds no `'` (removed, or rejected by a check). Inside a
/// single-quoted SQL or XPath literal it then cannot close the literal; elsewhere it
/// proves nothing.
pub(crate) const NO_SQUOTE: u32 = 1 << 28;

/// A mark on taint: JSON text (`json.dumps`). As a whole response body it is no HTML;
/// written into markup (`"<script>var cfg = " + json.dumps(cfg)`) its `<`, `>` and `&`
/// are not escaped, and `</script><script>…` runs.
pub(crate) const JSON_TEXT: u32 = 1 << 27;

/// A mark on taint: the text is `/` followed by characters without a backslash (a regex
/// check). A redirect to it stays on this site unless it starts with `//`.
pub(crate) const LOCAL_PATH: u32 = 1 << 26;

/// A mark on taint: the text does not start with `//` (checked).
pub(crate) const NO_DOUBLE_SLASH: u32 = 1 << 25;

/// A mark on taint: the text has no `..` path component (rejected by a check). With
/// [`NOT_ABSOLUTE`], a path joined under a base directory stays under it.
pub(crate) const NO_DOTDOT: u32 = 1 << 24;

/// A mark on taint: the text is not an absolute path (checked).
pub(crate) const NOT_ABSOLUTE: u32 = 1 << 23;

/// A mark on taint: it came back from a function flaskguard cannot see (not a project
/// function, not library code known to build its result from its arguments), to which it
/// was passed. Whether the function returns it is a guess: such flows are uncertain.
pub(crate) const VIA_UNSEEN: u32 = 1 << 22;

/// A mark on taint: the text holds no `/` (a URL variable of the default `string`
/// converter, `name.replace("/", "_")`, a `"/" in name` check): joined to a directory, it
/// names an entry of that directory or, as `..`, its parent, and nothing further away.
pub(crate) const ONE_SEGMENT: u32 = 1 << 21;

/// A mark on taint: the page the browser came from (`request.referrer`, the `Referer`
/// header): a redirect there sends the user back to that page, which an attacker's page
/// can only make its own.
pub(crate) const REFERRER: u32 = 1 << 20;

/// A mark on taint: a header the visitor's browser writes itself (`User-Agent`,
/// `Authorization`, …; `flaskguard_flask::request::is_browser_header`). Reflected into the
/// page it reaches only its own sender.
pub(crate) const BROWSER_HEADER: u32 = 1 << 19;

/// A mark on a parameter of a function summarised as a check: the function proved it
/// lies under a base directory, which keeps it inside only if the caller passed a
/// normalised path (`_is_within(realpath(p), root)`).
pub(crate) const CONTAINED_IF_NORMALIZED: u32 = 1 << 18;

/// A mark on taint: the text starts with a prefix that fixes the host (`/search?q=`,
/// `https://api.example.com/`, `url_for(...)`), so text written after it cannot change
/// the host either.
pub(crate) const HOST_FIXED: u32 = 1 << 17;

/// A mark on taint: written into a path component next to constant text that is not all
/// dots (`x + ".po"`): if the text holds no `/` ([`ONE_SEGMENT`], also known only later,
/// from the caller's argument or the URL variable's converter), the path names an entry
/// of its directory ([`Taint::in_named_component`]).
pub(crate) const NAMED_COMPONENT: u32 = 1 << 16;

/// The marks a flow keeps to grade its finding (see [`crate::Flow`]).
pub(crate) const GRADE_MARKS: u32 =
    VIA_UNSEEN | ONE_SEGMENT | REFERRER | BROWSER_HEADER | NAMED_COMPONENT;

/// Whether constant text written before and after a value (either may be absent) names
/// the path component the value is written into: some character of that component, up
/// to the nearest `/`, is neither `/` nor `.` (see [`Taint::in_named_component`]).
pub(crate) fn names_component(before: Option<&str>, after: Option<&str>) -> bool {
    let named = |part: &str| part.chars().any(|c| c != '.');
    before.is_some_and(|b| named(b.rsplit('/').next().unwrap_or(b)))
        || after.is_some_and(|a| named(a.split('/').next().unwrap_or(a)))
}

/// Whether a literal written around a value makes the result HTML.
pub(crate) fn is_markup_text(s: &str) -> bool {
    s.contains('<')
}

/// One step of a data-flow path.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Step {
    /// The module of the step.
    pub module: ModuleId,
    /// Its range in the module.
    pub span: Span,
    /// What happens there (`request.args["x"]`, `passed to \`helper()\``).
    pub message: String,
}

/// Where a tainted value comes from.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Origin {
    /// Request data, first read here.
    Source(Arc<Step>),
    /// The value of a parameter of the function being summarised.
    Param(u16),
    /// A value from the non-cryptographic `random` module (only `Secret` sinks care).
    Random(Arc<Step>),
}

/// The taint of a value: its origins and the path it took.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Taint {
    /// Where the value comes from, each with the classes (bit mask) for which what came
    /// from there has been made safe.
    pub origins: Vec<(Origin, u32)>,
    pub steps: Arc<Vec<Step>>,
}

impl Taint {
    pub(crate) fn source(step: Step) -> Taint {
        Taint {
            origins: vec![(Origin::Source(Arc::new(step)), 0)],
            steps: Arc::new(Vec::new()),
        }
    }

    pub(crate) fn param(index: u16) -> Taint {
        Taint {
            origins: vec![(Origin::Param(index), 0)],
            steps: Arc::new(Vec::new()),
        }
    }

    /// The taint of a request read of `qual` (a source: `Engine::is_source`). The current
    /// request's own absolute URLs are same-site for a redirect
    /// (`flaskguard_flask::request::SAME_SITE_URLS`), also through a string method with
    /// the code's own arguments (`request.url.replace("/legacy/", "/event/")`). The page
    /// the browser came from is marked [`REFERRER`].
    pub(crate) fn of_request_read(qual: &str, step: Step) -> Taint {
        let mut t = Taint::source(step);
        if flaskguard_flask::request::SAME_SITE_URLS.iter().any(|u| {
            qual.strip_prefix(u)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
        }) {
            t.sanitize(Class::Redirect.bit());
        }
        if flaskguard_flask::request::is_referrer(qual, None) {
            t.sanitize(REFERRER);
        }
        if flaskguard_flask::request::is_browser_header(qual) {
            t.sanitize(BROWSER_HEADER);
        }
        t
    }

    /// Makes every origin safe for `mask`.
    pub(crate) fn sanitize(&mut self, mask: u32) {
        for (o, m) in &mut self.origins {
            // What makes a value safe for a sink (a cast, a number format, a check of its
            // characters) leaves a predictable random value predictable.
            *m |= match o {
                Origin::Random(_) => mask & !Class::Secret.bit(),
                _ => mask,
            };
            // A path on this site that cannot be read as `//host`: a local redirect.
            if *m & LOCAL_PATH != 0 && *m & NO_DOUBLE_SLASH != 0 {
                *m |= Class::Redirect.bit();
            }
            // One segment with constant text in its component: an entry of the directory.
            if *m & NAMED_COMPONENT != 0 && *m & ONE_SEGMENT != 0 {
                *m |= NO_DOTDOT | NOT_ABSOLUTE;
            }
            // A relative path without `..`: it cannot leave the directory it is joined to.
            if *m & NO_DOTDOT != 0 && *m & NOT_ABSOLUTE != 0 {
                *m |= Class::Path.bit();
            }
        }
    }

    /// Written into a path component next to constant text that is not all dots
    /// (`x + ".po"`, `"img_" + x`, `f"{x}.json"`): what holds no `/` there names an entry
    /// of the directory it is joined to (`..` becomes `...po`), never its parent.
    pub(crate) fn in_named_component(&mut self) {
        self.sanitize(NAMED_COMPONENT);
    }

    /// Placed inside a quoted attribute value: escaping that left quotes alone no longer
    /// makes the value safe for HTML.
    pub(crate) fn in_quoted_attribute(&mut self) {
        for (_, m) in &mut self.origins {
            if *m & UNQUOTED != 0 {
                *m &= !(Class::Xss.bit() | UNQUOTED);
            }
        }
    }

    /// Written into markup: JSON text is no longer safe for HTML.
    pub(crate) fn in_markup(&mut self) {
        for (_, m) in &mut self.origins {
            if *m & JSON_TEXT != 0 {
                *m &= !(Class::Xss.bit() | JSON_TEXT);
            }
        }
    }

    /// Placed inside a single-quoted literal (`"... = '" + x`): text without `'` cannot
    /// leave it.
    pub(crate) fn in_single_quotes(&mut self) {
        if self.sanitized() & NO_SQUOTE != 0 {
            self.sanitize(Class::Sql.bit() | Class::Xpath.bit());
        }
    }

    /// The classes for which the whole value is safe.
    pub(crate) fn sanitized(&self) -> u32 {
        self.origins.iter().fold(u32::MAX, |acc, (_, m)| acc & m)
    }

    /// Whether the value is safe for every sink (a setting from the environment, a
    /// number parsed from the request): it carries no text an attacker chose.
    pub(crate) fn is_harmless(&self) -> bool {
        self.sanitized() & crate::Class::ALL_BITS == crate::Class::ALL_BITS
    }

    pub(crate) fn with_step(&self, step: Step) -> Taint {
        let mut t = self.clone();
        if t.steps.len() < MAX_STEPS && t.steps.last().is_none_or(|s| s.span != step.span) {
            Arc::make_mut(&mut t.steps).push(step);
        }
        t
    }

    pub(crate) fn merge(&self, other: &Taint) -> Taint {
        // What is safe for every sink adds nothing to what is not (and must not take its
        // place in the few origins kept, or its path in the trace).
        match (self.is_harmless(), other.is_harmless()) {
            (true, false) => return other.clone(),
            (false, true) => return self.clone(),
            _ => {}
        }
        let mut origins = self.origins.clone();
        for (o, m) in &other.origins {
            if let Some((_, mask)) = origins.iter_mut().find(|(x, _)| x == o) {
                *mask &= m;
            } else if origins.len() < 4 {
                origins.push((o.clone(), *m));
            }
        }
        Taint {
            origins,
            steps: if self.steps.len() >= other.steps.len() {
                self.steps.clone()
            } else {
                other.steps.clone()
            },
        }
    }

    pub(crate) fn is_safe_for(&self, class: Class) -> bool {
        self.sanitized() & class.bit() != 0
    }
}

/// The abstract value of an expression.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum AVal {
    /// Not from the request; value unknown.
    Unknown,
    /// A known constant.
    Const(Value),
    Tainted(Taint),
    /// A list or tuple with known elements.
    Seq(Vec<AVal>),
    /// A dict with known constant string keys.
    Map(Vec<(String, AVal)>),
    /// A project class, or any of several (a class picked by name at run time): their
    /// qualified names.
    Class(Vec<String>),
    /// An instance of one of `classes` (project classes, or `configparser` objects);
    /// `state` is what its constructor was given (for a config section: its name).
    Instance {
        classes: Vec<String>,
        state: Box<AVal>,
        /// The instance's attributes when its construction is understood (a dataclass, an
        /// `__init__` that stores `self.x = ...`): read one by one, not as the whole.
        fields: Option<Box<Fields>>,
    },
}

impl AVal {
    /// The taint of the value as a whole.
    pub fn taint(&self) -> Option<Taint> {
        match self {
            AVal::Unknown | AVal::Const(_) | AVal::Class(_) => None,
            AVal::Tainted(t) => Some(t.clone()),
            AVal::Instance { state, .. } => state.taint(),
            AVal::Seq(items) => items
                .iter()
                .filter_map(AVal::taint)
                .reduce(|a, b| a.merge(&b)),
            AVal::Map(items) => items
                .iter()
                .filter_map(|(_, v)| v.taint())
                .reduce(|a, b| a.merge(&b)),
        }
    }

    pub(crate) fn as_const(&self) -> Option<&Value> {
        match self {
            AVal::Const(v) => Some(v),
            _ => None,
        }
    }

    pub(crate) fn truthy(&self) -> Option<bool> {
        self.as_const().and_then(Value::truthy)
    }

    /// The join of two values at a control-flow merge.
    pub(crate) fn join(&self, other: &AVal) -> AVal {
        if self == other {
            return self.clone();
        }
        match (self, other) {
            (AVal::Seq(a), AVal::Seq(b)) if a.len() == b.len() => {
                AVal::Seq(a.iter().zip(b).map(|(x, y)| x.join(y)).collect())
            }
            (AVal::Map(a), AVal::Map(b)) => {
                let mut out: Vec<(String, AVal)> = a.clone();
                for (k, v) in b {
                    match out.iter_mut().find(|(ok, _)| ok == k) {
                        Some((_, ov)) => *ov = ov.join(v),
                        None => out.push((k.clone(), v.clone())),
                    }
                }
                AVal::Map(out)
            }
            // Two different constants: one of them, still nothing an attacker chose.
            (AVal::Const(_), AVal::Const(_)) => AVal::Const(Value::Unknown),
            (AVal::Class(a), AVal::Class(b)) => AVal::Class(union(a, b)),
            (
                AVal::Instance {
                    classes: a,
                    state: sa,
                    fields: fa,
                },
                AVal::Instance {
                    classes: b,
                    state: sb,
                    fields: fb,
                },
            ) => AVal::Instance {
                classes: union(a, b),
                state: Box::new(sa.join(sb)),
                fields: match (fa, fb) {
                    (Some(fa), Some(fb)) => {
                        let mut out: Fields = (**fa).clone();
                        for (k, v) in fb.iter() {
                            match out.iter_mut().find(|(ok, _)| ok == k) {
                                Some((_, ov)) => *ov = ov.join(v),
                                None => out.push((k.clone(), v.join(&AVal::Unknown))),
                            }
                        }
                        Some(Box::new(out))
                    }
                    _ => None,
                },
            },
            _ => match (self.taint(), other.taint()) {
                (Some(a), Some(b)) => AVal::Tainted(a.merge(&b)),
                (Some(t), None) | (None, Some(t)) => AVal::Tainted(t),
                (None, None) => AVal::Unknown,
            },
        }
    }

    /// Whether a class is among the value's parts.
    pub(crate) fn has_class(&self) -> bool {
        match self {
            AVal::Class(_) => true,
            AVal::Seq(items) => items.iter().any(AVal::has_class),
            AVal::Map(items) => items.iter().any(|(_, v)| v.has_class()),
            _ => false,
        }
    }

    fn tainted_like(t: Taint) -> AVal {
        AVal::Tainted(t)
    }

    pub(crate) fn tainted_like_opt(t: Option<Taint>) -> AVal {
        t.map_or(AVal::Unknown, AVal::tainted_like)
    }
}

/// Attribute name → value of an instance.
pub(crate) type Fields = Vec<(String, AVal)>;

/// The class of `configparser` parsers, and of their sections (`parser["section"]`).
pub(crate) const CONFIG_PARSER: &str = "configparser.ConfigParser";

pub(crate) const CONFIG_SECTION: &str = "configparser.SectionProxy";

pub(crate) fn is_config_class(classes: &[String]) -> bool {
    classes
        .iter()
        .any(|c| c == CONFIG_PARSER || c == CONFIG_SECTION)
}

/// The candidates of both sides, each once.
fn union(a: &[String], b: &[String]) -> Vec<String> {
    let mut out = a.to_vec();
    for c in b {
        if !out.contains(c) {
            out.push(c.clone());
        }
    }
    out
}

pub(crate) type Env = FxHashMap<compact_str::CompactString, AVal>;

pub(crate) fn join_env(a: &Env, b: &Env) -> Env {
    join_env_into(a.clone(), b)
}

/// [`join_env`], reusing `a`'s table (the interpreter joins at every branch and loop).
pub(crate) fn join_env_into(mut a: Env, b: &Env) -> Env {
    for (k, v) in b {
        match a.get_mut(k) {
            // Most names are the same on both paths: nothing to join.
            Some(ov) if *ov == *v => {}
            Some(ov) => *ov = ov.join(v),
            None => {
                // Bound on one path only: keep its taint (the other path left it unbound).
                a.insert(k.clone(), v.join(&AVal::Unknown));
            }
        }
    }
    for (k, v) in &mut a {
        if !b.contains_key(k) {
            *v = v.join(&AVal::Unknown);
        }
    }
    a
}

/// The value with its taint made safe for `mask`.
pub(crate) fn sanitized_for(v: AVal, mask: u32) -> AVal {
    match v.taint() {
        Some(mut t) => {
            t.sanitize(mask);
            AVal::Tainted(t)
        }
        None => v,
    }
}

/// The value of one element of a container (or of iterating over it).
pub(crate) fn element_of(v: &AVal) -> AVal {
    match v {
        AVal::Seq(items) => items.iter().fold(AVal::Unknown, |a, i| {
            if matches!(a, AVal::Unknown) {
                i.clone()
            } else {
                a.join(i)
            }
        }),
        AVal::Map(items) => items.iter().fold(AVal::Unknown, |a, (k, _)| {
            a.join(&AVal::Const(Value::Str(k.clone())))
        }),
        AVal::Tainted(t) => AVal::Tainted(t.clone()),
        _ => AVal::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use flaskguard_index::{ModuleId, Span, Value};

    use super::{AVal, Origin, Step, Taint};
    use crate::spec::Class;

    fn source(start: u32) -> Taint {
        Taint::source(Step {
            module: ModuleId(0),
            span: Span::new(start, start + 1),
            message: format!("source {start}"),
        })
    }

    #[test]
    fn join_of_equal_values_is_the_value() {
        let v = AVal::Const(Value::Str("a".to_string()));
        assert_eq!(v.join(&v), v);
    }

    #[test]
    fn join_of_two_constants_is_an_unknown_constant() {
        let a = AVal::Const(Value::Int(1));
        let b = AVal::Const(Value::Int(2));
        assert_eq!(a.join(&b), AVal::Const(Value::Unknown));
    }

    #[test]
    fn join_keeps_taint_from_either_side() {
        let t = AVal::Tainted(source(0));
        assert_eq!(AVal::Unknown.join(&t).taint(), Some(source(0)));
        assert_eq!(t.join(&AVal::Const(Value::Int(1))).taint(), Some(source(0)));
        assert_eq!(
            AVal::Unknown.join(&AVal::Const(Value::Int(1))),
            AVal::Unknown
        );
    }

    #[test]
    fn join_of_sequences_is_element_wise() {
        let a = AVal::Seq(vec![AVal::Tainted(source(0)), AVal::Const(Value::Int(1))]);
        let b = AVal::Seq(vec![AVal::Unknown, AVal::Const(Value::Int(1))]);
        let AVal::Seq(items) = a.join(&b) else {
            panic!("a sequence");
        };
        assert!(items[0].taint().is_some());
        assert_eq!(items[1], AVal::Const(Value::Int(1)));
    }

    #[test]
    fn merge_keeps_an_origin_safe_only_where_both_sides_are() {
        let mut a = source(0);
        a.sanitize(Class::Sql.bit() | Class::Command.bit());
        let mut b = source(0);
        b.sanitize(Class::Sql.bit());
        let m = a.merge(&b);
        assert_eq!(m.origins.len(), 1);
        assert!(m.is_safe_for(Class::Sql));
        assert!(!m.is_safe_for(Class::Command));
    }

    #[test]
    fn merge_unions_origins_and_a_clean_one_does_not_make_the_other_safe() {
        let mut a = source(0);
        a.sanitize(Class::Sql.bit());
        let m = a.merge(&source(5));
        assert_eq!(m.origins.len(), 2);
        assert!(!m.is_safe_for(Class::Sql));
        assert!(matches!(m.origins[1].0, Origin::Source(_)));
    }

    #[test]
    fn parameters_are_origins() {
        let t = Taint::param(2);
        assert_eq!(t.origins, vec![(Origin::Param(2), 0)]);
        assert!(!t.is_safe_for(Class::Sql));
    }
}
