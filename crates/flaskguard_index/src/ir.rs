//! flaskguard's own syntax tree: a lowered, owned copy of what Ruff's parser produces.
//!
//! Other crates see only these types, never the parser's, so the parser can be upgraded
//! without touching the Flask model or the rules. Function and class definitions live in
//! per-module arenas and statements refer to them by index.

/// A byte range in a source file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub const fn new(start: u32, end: u32) -> Self {
        Self { start, end }
    }
}

/// An identifier or short string: stored inline up to 24 bytes, so most names cost no
/// allocation.
pub type Name = compact_str::CompactString;

/// The name of an attribute (`x.name`), boxed rather than inline: see
/// [`ExprKind::Attribute`].
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Attr(Box<str>);

impl Attr {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Attr {
    fn from(s: &str) -> Self {
        Self(s.into())
    }
}

impl std::ops::Deref for Attr {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Attr {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Attr {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl std::fmt::Display for Attr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::fmt::Debug for Attr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub span: Span,
    pub kind: ExprKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComprehensionKind {
    List,
    Set,
    Dict,
    Generator,
}

#[derive(Clone, Debug)]
pub enum FPart {
    Literal(String),
    Expr(Expr),
}

#[derive(Clone, Debug)]
pub struct Generator {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    Name(Name),
    /// The attribute's name is boxed, not inline: it keeps every `ExprKind` within 32
    /// bytes (an inline name made them all 40).
    Attribute {
        value: Box<Expr>,
        attr: Attr,
    },
    Call(Box<Call>),
    /// A string literal (implicitly concatenated parts are joined).
    Str(Name),
    /// A bytes literal, decoded lossily.
    Bytes(String),
    /// An integer literal; `None` when it does not fit an `i64`.
    Int(Option<i64>),
    Float(f64),
    Bool(bool),
    NoneLit,
    Ellipsis,
    FString(Vec<FPart>),
    BinOp {
        left: Box<Expr>,
        op: BinOp,
        right: Box<Expr>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    BoolOp {
        op: BoolOp,
        values: Box<[Expr]>,
    },
    Compare(Box<Compare>),
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    Set(Vec<Expr>),
    /// `None` keys are `**spread` entries.
    Dict(Vec<(Option<Expr>, Expr)>),
    Subscript {
        value: Box<Expr>,
        index: Box<Expr>,
    },
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
    Starred(Box<Expr>),
    Lambda {
        params: Box<[Param]>,
        body: Box<Expr>,
    },
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    Comprehension(Box<Comprehension>),
    Await(Box<Expr>),
    Yield(Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
    /// The walrus operator `target := value`.
    Named {
        target: Box<Expr>,
        value: Box<Expr>,
    },
    /// Syntax flaskguard does not model (template strings, IPython escapes).
    Unsupported,
}

/// `left op₁ c₁ op₂ c₂ …` (boxed in [`ExprKind`]: rarer than the variants kept inline,
/// and larger).
#[derive(Clone, Debug)]
pub struct Compare {
    pub left: Expr,
    pub ops: Box<[CmpOp]>,
    pub comparators: Box<[Expr]>,
}

impl Compare {
    /// The compared expressions in order: `left`, then each comparator.
    pub fn operands(&self) -> Vec<&Expr> {
        std::iter::once(&self.left)
            .chain(&self.comparators)
            .collect()
    }
}

#[derive(Clone, Debug)]
pub struct Comprehension {
    pub kind: ComprehensionKind,
    pub elt: Expr,
    /// The value of a dict comprehension (`elt` is then the key).
    pub value: Option<Expr>,
    pub generators: Box<[Generator]>,
}

#[derive(Clone, Debug)]
pub struct Keyword {
    /// `None` for `**kwargs` spreads.
    pub arg: Option<Name>,
    pub value: Expr,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Call {
    pub func: Expr,
    /// Positional arguments; `*args` spreads appear as [`ExprKind::Starred`].
    pub args: Vec<Expr>,
    pub keywords: Vec<Keyword>,
}

impl Call {
    /// The keyword argument named `name`, if passed.
    pub fn keyword(&self, name: &str) -> Option<&Expr> {
        self.keywords
            .iter()
            .find(|k| k.arg.as_deref() == Some(name))
            .map(|k| &k.value)
    }

    /// The argument at `position`, or passed as the keyword `name`.
    pub fn argument(&self, position: usize, name: &str) -> Option<&Expr> {
        self.keyword(name).or_else(|| {
            let arg = self.args.get(position)?;
            // Arguments after a `*spread` have unknown positions.
            if self.args[..=position]
                .iter()
                .any(|a| matches!(a.kind, ExprKind::Starred(_)))
            {
                None
            } else {
                Some(arg)
            }
        })
    }

    /// Whether a `**kwargs` spread is passed (unknown keywords may be present).
    pub fn has_kwargs_spread(&self) -> bool {
        self.keywords.iter().any(|k| k.arg.is_none())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamKind {
    PositionalOnly,
    Positional,
    VarArgs,
    KeywordOnly,
    KwArgs,
}

#[derive(Clone, Debug)]
pub struct Param {
    pub name: Name,
    pub span: Span,
    pub kind: ParamKind,
    pub default: Option<Box<Expr>>,
    pub annotation: Option<Box<Expr>>,
}

/// Index of a function definition in its module's arena.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FuncIdx(pub u32);

/// Index of a class definition in its module's arena.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClassIdx(pub u32);

/// The lexical scope that directly contains a definition or a statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ScopeRef {
    Module,
    Function(FuncIdx),
    Class(ClassIdx),
}

#[derive(Clone, Debug)]
pub struct FunctionDef {
    pub name: String,
    pub name_span: Span,
    pub span: Span,
    pub is_async: bool,
    pub params: Vec<Param>,
    pub decorators: Vec<Expr>,
    pub returns: Option<Expr>,
    pub body: Vec<Stmt>,
    pub parent: ScopeRef,
    /// Dotted name inside the module, e.g. `Resource.get`.
    pub qualname: String,
}

#[derive(Clone, Debug)]
pub struct ClassDef {
    pub name: String,
    pub name_span: Span,
    pub span: Span,
    pub bases: Vec<Expr>,
    pub keywords: Vec<Keyword>,
    pub decorators: Vec<Expr>,
    pub body: Vec<Stmt>,
    pub parent: ScopeRef,
    pub qualname: String,
}

#[derive(Clone, Debug)]
pub struct Alias {
    pub name: String,
    pub asname: Option<String>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct ExceptHandler {
    pub type_: Option<Expr>,
    pub name: Option<String>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum PatternKind {
    /// `case "literal":` or `case Color.RED:`
    Value(Expr),
    /// `case None:`, `case True:`
    Singleton(Expr),
    /// `case x:` / `case _:` / `case <pattern> as x:`
    As {
        pattern: Option<Box<Pattern>>,
        name: Option<String>,
    },
    Or(Vec<Pattern>),
    /// Sequence, mapping, class and star patterns; the names they bind.
    Other {
        names: Vec<String>,
    },
}

#[derive(Clone, Debug)]
pub struct Pattern {
    pub span: Span,
    pub kind: PatternKind,
}

#[derive(Clone, Debug)]
pub struct MatchCase {
    pub pattern: Pattern,
    pub guard: Option<Expr>,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug)]
pub struct Try {
    pub body: Box<[Stmt]>,
    pub handlers: Box<[ExceptHandler]>,
    pub orelse: Box<[Stmt]>,
    pub finalbody: Box<[Stmt]>,
}

#[derive(Clone, Debug)]
pub struct Stmt {
    pub span: Span,
    pub kind: StmtKind,
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    FunctionDef(FuncIdx),
    ClassDef(ClassIdx),
    Return(Option<Box<Expr>>),
    Delete(Box<[Expr]>),
    Assign {
        targets: Box<[Expr]>,
        value: Box<Expr>,
    },
    AugAssign {
        target: Box<Expr>,
        op: BinOp,
        value: Box<Expr>,
    },
    AnnAssign {
        target: Box<Expr>,
        annotation: Box<Expr>,
        value: Option<Box<Expr>>,
    },
    For {
        target: Box<Expr>,
        iter: Box<Expr>,
        body: Box<[Stmt]>,
        orelse: Box<[Stmt]>,
    },
    While {
        test: Box<Expr>,
        body: Box<[Stmt]>,
        orelse: Box<[Stmt]>,
    },
    /// `elif` chains are lowered to a nested `If` as the only statement of `orelse`.
    If {
        test: Box<Expr>,
        body: Box<[Stmt]>,
        orelse: Box<[Stmt]>,
    },
    With {
        items: Box<[(Expr, Option<Expr>)]>,
        body: Box<[Stmt]>,
    },
    Match {
        subject: Box<Expr>,
        cases: Box<[MatchCase]>,
    },
    Raise {
        exc: Option<Box<Expr>>,
        cause: Option<Box<Expr>>,
    },
    Try(Box<Try>),
    Assert {
        test: Box<Expr>,
        msg: Option<Box<Expr>>,
    },
    Import(Box<[Alias]>),
    ImportFrom {
        module: Option<Box<str>>,
        names: Box<[Alias]>,
        level: u32,
    },
    Global(Box<[Name]>),
    Nonlocal(Box<[Name]>),
    Expr(Box<Expr>),
    Pass,
    Break,
    Continue,
}

impl Expr {
    /// The string value of a literal string expression.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            ExprKind::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The identifier of a bare name expression.
    pub fn as_name(&self) -> Option<&str> {
        match &self.kind {
            ExprKind::Name(n) => Some(n),
            _ => None,
        }
    }

    /// The names of a name or a chain of attributes of one (`a`, `a.b.c`), first to last;
    /// `None` for anything else (`f().x`, `a[0].b`).
    pub fn dotted_names(&self) -> Option<smallvec::SmallVec<[&str; 8]>> {
        let mut names = smallvec::SmallVec::new();
        let mut at = self;
        loop {
            match &at.kind {
                ExprKind::Name(n) => {
                    names.push(n.as_str());
                    names.reverse();
                    return Some(names);
                }
                ExprKind::Attribute { value, attr } => {
                    names.push(attr.as_str());
                    at = value;
                }
                _ => return None,
            }
        }
    }

    pub fn as_call(&self) -> Option<&Call> {
        match &self.kind {
            ExprKind::Call(c) => Some(c),
            _ => None,
        }
    }

    /// Whether the expression is a literal (string, number, bool, None, bytes) or a
    /// container of literals.
    pub fn is_literal(&self) -> bool {
        match &self.kind {
            ExprKind::Str(_)
            | ExprKind::Bytes(_)
            | ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Bool(_)
            | ExprKind::NoneLit
            | ExprKind::Ellipsis => true,
            ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
                items.iter().all(Expr::is_literal)
            }
            _ => false,
        }
    }

    /// Visits this expression and every sub-expression, outermost first. Lambda bodies and
    /// comprehensions are included.
    pub fn walk<'a>(&'a self, f: &mut dyn FnMut(&'a Expr)) {
        f(self);
        crate::deep(|| self.for_each_child(&mut |child| child.walk(f)));
    }

    /// Calls `f` on each direct sub-expression.
    pub fn for_each_child<'a>(&'a self, f: &mut dyn FnMut(&'a Expr)) {
        match &self.kind {
            ExprKind::Name(_)
            | ExprKind::Str(_)
            | ExprKind::Bytes(_)
            | ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Bool(_)
            | ExprKind::NoneLit
            | ExprKind::Ellipsis
            | ExprKind::Unsupported
            | ExprKind::Yield(None) => {}
            ExprKind::Attribute { value, .. }
            | ExprKind::Starred(value)
            | ExprKind::Await(value)
            | ExprKind::Yield(Some(value))
            | ExprKind::YieldFrom(value) => f(value),
            ExprKind::Call(call) => {
                f(&call.func);
                call.args.iter().for_each(&mut *f);
                call.keywords.iter().for_each(|k| f(&k.value));
            }
            ExprKind::FString(parts) => {
                for part in parts {
                    if let FPart::Expr(e) = part {
                        f(e);
                    }
                }
            }
            ExprKind::BinOp { left, right, .. } => {
                f(left);
                f(right);
            }
            ExprKind::UnaryOp { operand, .. } => f(operand),
            ExprKind::BoolOp { values, .. } => values.iter().for_each(f),
            ExprKind::List(values) | ExprKind::Tuple(values) | ExprKind::Set(values) => {
                values.iter().for_each(f);
            }
            ExprKind::Compare(c) => {
                f(&c.left);
                c.comparators.iter().for_each(f);
            }
            ExprKind::Dict(items) => {
                for (k, v) in items {
                    if let Some(k) = k {
                        f(k);
                    }
                    f(v);
                }
            }
            ExprKind::Subscript { value, index } => {
                f(value);
                f(index);
            }
            ExprKind::Slice { lower, upper, step } => {
                for e in [lower, upper, step].into_iter().flatten() {
                    f(e);
                }
            }
            ExprKind::Lambda { params, body } => {
                for p in params {
                    if let Some(d) = &p.default {
                        f(d);
                    }
                }
                f(body);
            }
            ExprKind::IfExp { test, body, orelse } => {
                f(test);
                f(body);
                f(orelse);
            }
            ExprKind::Comprehension(c) => {
                let Comprehension {
                    elt,
                    value,
                    generators,
                    ..
                } = &**c;
                for g in generators {
                    f(&g.iter);
                    f(&g.target);
                    g.ifs.iter().for_each(&mut *f);
                }
                f(elt);
                if let Some(v) = value {
                    f(v);
                }
            }
            ExprKind::Named { target, value } => {
                f(target);
                f(value);
            }
        }
    }
}

impl Stmt {
    /// Calls `f` on each expression directly held by this statement (not those of
    /// nested statements, and not of nested function or class definitions).
    pub fn for_each_expr<'a>(&'a self, f: &mut dyn FnMut(&'a Expr)) {
        match &self.kind {
            StmtKind::FunctionDef(_)
            | StmtKind::ClassDef(_)
            | StmtKind::Import(_)
            | StmtKind::ImportFrom { .. }
            | StmtKind::Global(_)
            | StmtKind::Nonlocal(_)
            | StmtKind::Pass
            | StmtKind::Break
            | StmtKind::Continue
            | StmtKind::Try(_)
            | StmtKind::Return(None) => {}
            StmtKind::Return(Some(e)) | StmtKind::Expr(e) => f(e),
            StmtKind::Delete(targets) => targets.iter().for_each(f),
            StmtKind::Assign { targets, value } => {
                f(value);
                targets.iter().for_each(f);
            }
            StmtKind::AugAssign { target, value, .. } => {
                f(value);
                f(target);
            }
            StmtKind::AnnAssign { target, value, .. } => {
                if let Some(v) = value {
                    f(v);
                }
                f(target);
            }
            StmtKind::For { target, iter, .. } => {
                f(iter);
                f(target);
            }
            StmtKind::While { test, .. } | StmtKind::If { test, .. } => f(test),
            StmtKind::With { items, .. } => {
                for (ctx, var) in items {
                    f(ctx);
                    if let Some(v) = var {
                        f(v);
                    }
                }
            }
            StmtKind::Match { subject, cases } => {
                f(subject);
                for case in cases {
                    if let Some(g) = &case.guard {
                        f(g);
                    }
                }
            }
            StmtKind::Raise { exc, cause } => {
                for e in [exc, cause].into_iter().flatten() {
                    f(e);
                }
            }
            StmtKind::Assert { test, msg } => {
                f(test);
                if let Some(m) = msg {
                    f(m);
                }
            }
        }
    }

    /// Calls `f` on each block of statements nested directly in this statement.
    pub fn for_each_block<'a>(&'a self, f: &mut dyn FnMut(&'a [Stmt])) {
        match &self.kind {
            StmtKind::For { body, orelse, .. }
            | StmtKind::While { body, orelse, .. }
            | StmtKind::If { body, orelse, .. } => {
                f(body);
                f(orelse);
            }
            StmtKind::With { body, .. } => f(body),
            StmtKind::Match { cases, .. } => {
                for case in cases {
                    f(&case.body);
                }
            }
            StmtKind::Try(t) => {
                let Try {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                } = &**t;
                f(body);
                for h in handlers {
                    f(&h.body);
                }
                f(orelse);
                f(finalbody);
            }
            _ => {}
        }
    }
}

/// Visits every statement in `body` and in the blocks nested in it, not descending into
/// function or class definitions.
pub fn walk_stmts<'a>(body: &'a [Stmt], f: &mut dyn FnMut(&'a Stmt)) {
    for stmt in body {
        f(stmt);
        crate::deep(|| stmt.for_each_block(&mut |block| walk_stmts(block, f)));
    }
}

/// Visits every expression (and sub-expression) of every statement in `body`, not
/// descending into nested function or class definitions.
pub fn walk_body_exprs<'a>(body: &'a [Stmt], f: &mut dyn FnMut(&'a Expr)) {
    walk_stmts(body, &mut |stmt| stmt.for_each_expr(&mut |e| e.walk(f)));
}

#[cfg(test)]
mod size_tests {
    /// Node sizes drive the memory (and so the speed) of a whole-project scan: a change
    /// that grows them should be deliberate.
    #[test]
    fn node_sizes_stay_small() {
        assert!(std::mem::size_of::<super::Expr>() <= 56);
        assert!(std::mem::size_of::<super::Stmt>() <= 80);
        assert!(std::mem::size_of::<super::Keyword>() <= 88);
    }
}
