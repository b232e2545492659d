//! Lowering of Ruff's syntax tree into flaskguard's IR. The only module that touches the
//! parser's node types.

use ruff_python_ast as ast;
use ruff_text_size::{Ranged, TextRange};

use crate::ir::{
    Alias, BinOp, BoolOp, Call, ClassDef, ClassIdx, CmpOp, Compare, Comprehension,
    ComprehensionKind, ExceptHandler, Expr, ExprKind, FPart, FuncIdx, FunctionDef, Generator,
    Keyword, MatchCase, Param, ParamKind, Pattern, PatternKind, ScopeRef, Span, Stmt, StmtKind,
    Try, UnaryOp,
};

/// Nesting deeper than this is cut off (and reported) so that every later recursive walk
/// over the IR is bounded.
pub(crate) const MAX_DEPTH: u32 = 400;

pub(crate) struct Lowered {
    pub body: Vec<Stmt>,
    pub functions: Vec<FunctionDef>,
    pub classes: Vec<ClassDef>,
    /// Set when nesting was cut at [`MAX_DEPTH`].
    pub truncated_at: Option<Span>,
    /// How many call expressions were lowered.
    pub calls: usize,
}

pub(crate) fn lower_module(module: &ast::ModModule) -> Lowered {
    let mut lowerer = Lowerer {
        functions: Vec::new(),
        classes: Vec::new(),
        scope: ScopeRef::Module,
        qual_prefix: String::new(),
        depth: 0,
        truncated_at: None,
        calls: 0,
    };
    let body = lowerer.stmts(&module.body);
    // Kept for the whole analysis: without the slack of growing one push at a time.
    lowerer.functions.shrink_to_fit();
    lowerer.classes.shrink_to_fit();
    Lowered {
        body,
        functions: lowerer.functions,
        classes: lowerer.classes,
        truncated_at: lowerer.truncated_at,
        calls: lowerer.calls,
    }
}

fn span(range: TextRange) -> Span {
    Span::new(range.start().to_u32(), range.end().to_u32())
}

struct Lowerer {
    functions: Vec<FunctionDef>,
    classes: Vec<ClassDef>,
    scope: ScopeRef,
    qual_prefix: String,
    depth: u32,
    truncated_at: Option<Span>,
    calls: usize,
}

impl Lowerer {
    fn too_deep(&mut self, range: TextRange) -> bool {
        if self.depth >= MAX_DEPTH {
            if self.truncated_at.is_none() {
                self.truncated_at = Some(span(range));
            }
            true
        } else {
            false
        }
    }

    fn stmts(&mut self, body: &[ast::Stmt]) -> Vec<Stmt> {
        // Sized up front: `filter_map` would grow the vector with slack (only statements
        // nested too deeply are left out).
        let mut out = Vec::with_capacity(body.len());
        out.extend(body.iter().filter_map(|s| self.stmt(s)));
        out
    }

    fn qualify(&self, name: &str) -> String {
        if self.qual_prefix.is_empty() {
            name.to_string()
        } else {
            [self.qual_prefix.as_str(), ".", name].concat()
        }
    }

    fn stmt(&mut self, stmt: &ast::Stmt) -> Option<Stmt> {
        if self.too_deep(stmt.range()) {
            return None;
        }
        self.depth += 1;
        let kind = crate::deep(|| self.stmt_kind(stmt));
        self.depth -= 1;
        Some(Stmt {
            span: span(stmt.range()),
            kind,
        })
    }

    fn stmt_kind(&mut self, stmt: &ast::Stmt) -> StmtKind {
        match stmt {
            ast::Stmt::FunctionDef(f) => {
                let decorators = f
                    .decorator_list
                    .iter()
                    .map(|d| self.expr(&d.expression))
                    .collect();
                let params = self.params(&f.parameters);
                let returns = f.returns.as_deref().map(|e| self.expr(e));
                let idx = FuncIdx(self.functions.len() as u32);
                let qualname = self.qualify(f.name.id.as_str());
                // Reserve the slot so nested definitions get later indices.
                self.functions.push(FunctionDef {
                    name: f.name.id.to_string(),
                    name_span: span(f.name.range),
                    span: span(f.range),
                    is_async: f.is_async,
                    params,
                    decorators,
                    returns,
                    body: Vec::new(),
                    parent: self.scope,
                    qualname: qualname.clone(),
                });
                let saved_scope = std::mem::replace(&mut self.scope, ScopeRef::Function(idx));
                let saved_prefix = std::mem::replace(
                    &mut self.qual_prefix,
                    [qualname.as_str(), ".<locals>"].concat(),
                );
                let body = self.stmts(&f.body);
                self.scope = saved_scope;
                self.qual_prefix = saved_prefix;
                self.functions[idx.0 as usize].body = body;
                StmtKind::FunctionDef(idx)
            }
            ast::Stmt::ClassDef(c) => {
                let decorators = c
                    .decorator_list
                    .iter()
                    .map(|d| self.expr(&d.expression))
                    .collect();
                let (bases, keywords) = match c.arguments.as_deref() {
                    Some(args) => self.arguments(args),
                    None => (Vec::new(), Vec::new()),
                };
                let idx = ClassIdx(self.classes.len() as u32);
                let qualname = self.qualify(c.name.id.as_str());
                self.classes.push(ClassDef {
                    name: c.name.id.to_string(),
                    name_span: span(c.name.range),
                    span: span(c.range),
                    bases,
                    keywords,
                    decorators,
                    body: Vec::new(),
                    parent: self.scope,
                    qualname: qualname.clone(),
                });
                let saved_scope = std::mem::replace(&mut self.scope, ScopeRef::Class(idx));
                let saved_prefix = std::mem::replace(&mut self.qual_prefix, qualname);
                let body = self.stmts(&c.body);
                self.scope = saved_scope;
                self.qual_prefix = saved_prefix;
                self.classes[idx.0 as usize].body = body;
                StmtKind::ClassDef(idx)
            }
            ast::Stmt::Return(r) => StmtKind::Return(r.value.as_deref().map(|e| self.boxed(e))),
            ast::Stmt::Delete(d) => StmtKind::Delete(self.exprs(&d.targets).into()),
            ast::Stmt::TypeAlias(_) | ast::Stmt::IpyEscapeCommand(_) | ast::Stmt::Pass(_) => {
                StmtKind::Pass
            }
            ast::Stmt::Assign(a) => StmtKind::Assign {
                targets: self.exprs(&a.targets).into(),
                value: self.boxed(&a.value),
            },
            ast::Stmt::AugAssign(a) => StmtKind::AugAssign {
                target: self.boxed(&a.target),
                op: bin_op(a.op),
                value: self.boxed(&a.value),
            },
            ast::Stmt::AnnAssign(a) => StmtKind::AnnAssign {
                target: self.boxed(&a.target),
                annotation: self.boxed(&a.annotation),
                value: a.value.as_deref().map(|e| self.boxed(e)),
            },
            ast::Stmt::For(f) => StmtKind::For {
                target: self.boxed(&f.target),
                iter: self.boxed(&f.iter),
                body: self.stmts(&f.body).into(),
                orelse: self.stmts(&f.orelse).into(),
            },
            ast::Stmt::While(w) => StmtKind::While {
                test: self.boxed(&w.test),
                body: self.stmts(&w.body).into(),
                orelse: self.stmts(&w.orelse).into(),
            },
            ast::Stmt::If(i) => {
                let test = self.boxed(&i.test);
                let body = self.stmts(&i.body).into();
                let orelse = self.elif_chain(&i.elif_else_clauses).into();
                StmtKind::If { test, body, orelse }
            }
            ast::Stmt::With(w) => StmtKind::With {
                items: w
                    .items
                    .iter()
                    .map(|item| {
                        (
                            self.expr(&item.context_expr),
                            item.optional_vars.as_deref().map(|e| self.expr(e)),
                        )
                    })
                    .collect(),
                body: self.stmts(&w.body).into(),
            },
            ast::Stmt::Match(m) => StmtKind::Match {
                subject: self.boxed(&m.subject),
                cases: m
                    .cases
                    .iter()
                    .map(|c| MatchCase {
                        pattern: self.pattern(&c.pattern),
                        guard: c.guard.as_deref().map(|e| self.expr(e)),
                        body: self.stmts(&c.body),
                    })
                    .collect(),
            },
            ast::Stmt::Raise(r) => StmtKind::Raise {
                exc: r.exc.as_deref().map(|e| self.boxed(e)),
                cause: r.cause.as_deref().map(|e| self.boxed(e)),
            },
            ast::Stmt::Try(t) => StmtKind::Try(Box::new(Try {
                body: self.stmts(&t.body).into(),
                handlers: t
                    .handlers
                    .iter()
                    .map(|h| {
                        let ast::ExceptHandler::ExceptHandler(h) = h;
                        ExceptHandler {
                            type_: h.type_.as_deref().map(|e| self.expr(e)),
                            name: h.name.as_ref().map(|n| n.id.to_string()),
                            body: self.stmts(&h.body),
                            span: span(h.range),
                        }
                    })
                    .collect(),
                orelse: self.stmts(&t.orelse).into(),
                finalbody: self.stmts(&t.finalbody).into(),
            })),
            ast::Stmt::Assert(a) => StmtKind::Assert {
                test: self.boxed(&a.test),
                msg: a.msg.as_deref().map(|e| self.boxed(e)),
            },
            ast::Stmt::Import(i) => StmtKind::Import(i.names.iter().map(alias).collect()),
            ast::Stmt::ImportFrom(i) => StmtKind::ImportFrom {
                module: i.module.as_ref().map(|m| m.id.as_str().into()),
                names: i.names.iter().map(alias).collect(),
                level: i.level,
            },
            ast::Stmt::Global(g) => {
                StmtKind::Global(g.names.iter().map(|n| n.id.as_str().into()).collect())
            }
            ast::Stmt::Nonlocal(g) => {
                StmtKind::Nonlocal(g.names.iter().map(|n| n.id.as_str().into()).collect())
            }
            ast::Stmt::Expr(e) => StmtKind::Expr(self.boxed(&e.value)),
            ast::Stmt::Break(_) => StmtKind::Break,
            ast::Stmt::Continue(_) => StmtKind::Continue,
        }
    }

    fn elif_chain(&mut self, clauses: &[ast::ElifElseClause]) -> Vec<Stmt> {
        let Some((first, rest)) = clauses.split_first() else {
            return Vec::new();
        };
        match &first.test {
            None => self.stmts(&first.body),
            Some(test) => {
                let test = self.boxed(test);
                let body = self.stmts(&first.body).into();
                let orelse = self.elif_chain(rest).into();
                let end = clauses.last().map_or(first.range, |c| c.range).end();
                vec![Stmt {
                    span: Span::new(first.range.start().to_u32(), end.to_u32()),
                    kind: StmtKind::If { test, body, orelse },
                }]
            }
        }
    }

    fn params(&mut self, params: &ast::Parameters) -> Vec<Param> {
        let mut out = Vec::with_capacity(params.len());
        for (kind, list) in [
            (ParamKind::PositionalOnly, &params.posonlyargs),
            (ParamKind::Positional, &params.args),
        ] {
            for p in list {
                out.push(self.param(&p.parameter, kind, p.default.as_deref()));
            }
        }
        if let Some(p) = &params.vararg {
            out.push(self.param(p, ParamKind::VarArgs, None));
        }
        for p in &params.kwonlyargs {
            out.push(self.param(&p.parameter, ParamKind::KeywordOnly, p.default.as_deref()));
        }
        if let Some(p) = &params.kwarg {
            out.push(self.param(p, ParamKind::KwArgs, None));
        }
        out
    }

    fn param(&mut self, p: &ast::Parameter, kind: ParamKind, default: Option<&ast::Expr>) -> Param {
        Param {
            name: p.name.id.as_str().into(),
            span: span(p.range),
            kind,
            default: default.map(|d| self.boxed(d)),
            annotation: p.annotation.as_deref().map(|a| self.boxed(a)),
        }
    }

    fn arguments(&mut self, args: &ast::Arguments) -> (Vec<Expr>, Vec<Keyword>) {
        let positional = args.args.iter().map(|a| self.expr(a)).collect();
        let keywords = args
            .keywords
            .iter()
            .map(|k| Keyword {
                arg: k.arg.as_ref().map(|a| a.id.as_str().into()),
                value: self.expr(&k.value),
                span: span(k.range),
            })
            .collect();
        (positional, keywords)
    }

    fn exprs(&mut self, exprs: &[ast::Expr]) -> Vec<Expr> {
        exprs.iter().map(|e| self.expr(e)).collect()
    }

    fn boxed(&mut self, e: &ast::Expr) -> Box<Expr> {
        Box::new(self.expr(e))
    }

    fn expr(&mut self, e: &ast::Expr) -> Expr {
        let range = e.range();
        if self.too_deep(range) {
            return Expr {
                span: span(range),
                kind: ExprKind::Unsupported,
            };
        }
        self.depth += 1;
        let kind = crate::deep(|| self.expr_kind(e));
        self.depth -= 1;
        Expr {
            span: span(range),
            kind,
        }
    }

    fn expr_kind(&mut self, e: &ast::Expr) -> ExprKind {
        match e {
            ast::Expr::BoolOp(b) => ExprKind::BoolOp {
                op: match b.op {
                    ast::BoolOp::And => BoolOp::And,
                    ast::BoolOp::Or => BoolOp::Or,
                },
                values: self.exprs(&b.values).into_boxed_slice(),
            },
            ast::Expr::Named(n) => ExprKind::Named {
                target: self.boxed(&n.target),
                value: self.boxed(&n.value),
            },
            ast::Expr::BinOp(b) => ExprKind::BinOp {
                left: self.boxed(&b.left),
                op: bin_op(b.op),
                right: self.boxed(&b.right),
            },
            ast::Expr::UnaryOp(u) => ExprKind::UnaryOp {
                op: match u.op {
                    ast::UnaryOp::Invert => UnaryOp::Invert,
                    ast::UnaryOp::Not => UnaryOp::Not,
                    ast::UnaryOp::UAdd => UnaryOp::UAdd,
                    ast::UnaryOp::USub => UnaryOp::USub,
                },
                operand: self.boxed(&u.operand),
            },
            ast::Expr::Lambda(l) => ExprKind::Lambda {
                params: l
                    .parameters
                    .as_deref()
                    .map(|p| self.params(p))
                    .unwrap_or_default()
                    .into_boxed_slice(),
                body: self.boxed(&l.body),
            },
            ast::Expr::If(i) => ExprKind::IfExp {
                test: self.boxed(&i.test),
                body: self.boxed(&i.body),
                orelse: self.boxed(&i.orelse),
            },
            ast::Expr::Dict(d) => ExprKind::Dict(
                d.items
                    .iter()
                    .map(|item| {
                        (
                            item.key.as_ref().map(|k| self.expr(k)),
                            self.expr(&item.value),
                        )
                    })
                    .collect(),
            ),
            ast::Expr::Set(s) => ExprKind::Set(self.exprs(&s.elts)),
            ast::Expr::ListComp(c) => {
                self.comprehension(ComprehensionKind::List, &c.elt, None, &c.generators)
            }
            ast::Expr::SetComp(c) => {
                self.comprehension(ComprehensionKind::Set, &c.elt, None, &c.generators)
            }
            ast::Expr::Generator(c) => {
                self.comprehension(ComprehensionKind::Generator, &c.elt, None, &c.generators)
            }
            ast::Expr::DictComp(c) => match c.key.as_deref() {
                Some(key) => {
                    self.comprehension(ComprehensionKind::Dict, key, Some(&c.value), &c.generators)
                }
                None => self.comprehension(ComprehensionKind::Dict, &c.value, None, &c.generators),
            },
            ast::Expr::Await(a) => ExprKind::Await(self.boxed(&a.value)),
            ast::Expr::Yield(y) => ExprKind::Yield(y.value.as_deref().map(|v| self.boxed(v))),
            ast::Expr::YieldFrom(y) => ExprKind::YieldFrom(self.boxed(&y.value)),
            ast::Expr::Compare(c) => ExprKind::Compare(Box::new(Compare {
                left: self.expr(&c.left),
                ops: c.ops.iter().map(|op| cmp_op(*op)).collect(),
                comparators: self.exprs(&c.comparators).into_boxed_slice(),
            })),
            ast::Expr::Call(c) => {
                self.calls += 1;
                let func = self.expr(&c.func);
                let (args, keywords) = self.arguments(&c.arguments);
                ExprKind::Call(Box::new(Call {
                    func,
                    args,
                    keywords,
                }))
            }
            ast::Expr::FString(f) => {
                let mut parts = Vec::new();
                for part in &f.value {
                    match part {
                        ast::FStringPart::Literal(lit) => {
                            parts.push(FPart::Literal(lit.value.to_string()));
                        }
                        ast::FStringPart::FString(fs) => {
                            for element in &fs.elements {
                                match element {
                                    ast::InterpolatedStringElement::Literal(lit) => {
                                        parts.push(FPart::Literal(lit.value.to_string()));
                                    }
                                    ast::InterpolatedStringElement::Interpolation(i) => {
                                        parts.push(FPart::Expr(self.expr(&i.expression)));
                                    }
                                }
                            }
                        }
                    }
                }
                ExprKind::FString(parts)
            }
            ast::Expr::TString(_) | ast::Expr::IpyEscapeCommand(_) => ExprKind::Unsupported,
            ast::Expr::StringLiteral(s) => ExprKind::Str(s.value.to_str().into()),
            ast::Expr::BytesLiteral(b) => {
                let bytes: Vec<u8> = b.value.bytes().collect();
                ExprKind::Bytes(String::from_utf8_lossy(&bytes).into_owned())
            }
            ast::Expr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(i) => ExprKind::Int(i.as_i64()),
                ast::Number::Float(f) => ExprKind::Float(*f),
                ast::Number::Complex { .. } => ExprKind::Unsupported,
            },
            ast::Expr::BooleanLiteral(b) => ExprKind::Bool(b.value),
            ast::Expr::NoneLiteral(_) => ExprKind::NoneLit,
            ast::Expr::EllipsisLiteral(_) => ExprKind::Ellipsis,
            ast::Expr::Attribute(a) => ExprKind::Attribute {
                value: self.boxed(&a.value),
                attr: a.attr.id.as_str().into(),
            },
            ast::Expr::Subscript(s) => ExprKind::Subscript {
                value: self.boxed(&s.value),
                index: self.boxed(&s.slice),
            },
            ast::Expr::Starred(s) => ExprKind::Starred(self.boxed(&s.value)),
            ast::Expr::Name(n) => ExprKind::Name(n.id.as_str().into()),
            ast::Expr::List(l) => ExprKind::List(self.exprs(&l.elts)),
            ast::Expr::Tuple(t) => ExprKind::Tuple(self.exprs(&t.elts)),
            ast::Expr::Slice(s) => ExprKind::Slice {
                lower: s.lower.as_deref().map(|e| self.boxed(e)),
                upper: s.upper.as_deref().map(|e| self.boxed(e)),
                step: s.step.as_deref().map(|e| self.boxed(e)),
            },
        }
    }

    fn comprehension(
        &mut self,
        kind: ComprehensionKind,
        elt: &ast::Expr,
        value: Option<&ast::Expr>,
        generators: &[ast::Comprehension],
    ) -> ExprKind {
        let generators = generators
            .iter()
            .map(|g| Generator {
                target: self.expr(&g.target),
                iter: self.expr(&g.iter),
                ifs: self.exprs(&g.ifs),
            })
            .collect();
        ExprKind::Comprehension(Box::new(Comprehension {
            kind,
            elt: self.expr(elt),
            value: value.map(|v| self.expr(v)),
            generators,
        }))
    }

    fn pattern(&mut self, p: &ast::Pattern) -> Pattern {
        let kind = if self.too_deep(p.range()) {
            PatternKind::Other { names: Vec::new() }
        } else {
            self.depth += 1;
            let kind = match p {
                ast::Pattern::MatchValue(v) => PatternKind::Value(self.expr(&v.value)),
                ast::Pattern::MatchSingleton(s) => PatternKind::Singleton(Expr {
                    span: span(s.range),
                    kind: match s.value {
                        ast::Singleton::None => ExprKind::NoneLit,
                        ast::Singleton::True => ExprKind::Bool(true),
                        ast::Singleton::False => ExprKind::Bool(false),
                    },
                }),
                ast::Pattern::MatchAs(a) => PatternKind::As {
                    pattern: a.pattern.as_deref().map(|p| Box::new(self.pattern(p))),
                    name: a.name.as_ref().map(|n| n.id.to_string()),
                },
                ast::Pattern::MatchOr(o) => {
                    PatternKind::Or(o.patterns.iter().map(|p| self.pattern(p)).collect())
                }
                other => {
                    let mut names = Vec::new();
                    collect_pattern_names(other, &mut names, 0);
                    PatternKind::Other { names }
                }
            };
            self.depth -= 1;
            kind
        };
        Pattern {
            span: span(p.range()),
            kind,
        }
    }
}

fn collect_pattern_names(p: &ast::Pattern, names: &mut Vec<String>, depth: u32) {
    if depth > MAX_DEPTH {
        return;
    }
    match p {
        ast::Pattern::MatchAs(a) => {
            if let Some(n) = &a.name {
                names.push(n.id.to_string());
            }
            if let Some(p) = &a.pattern {
                collect_pattern_names(p, names, depth + 1);
            }
        }
        ast::Pattern::MatchStar(s) => {
            if let Some(n) = &s.name {
                names.push(n.id.to_string());
            }
        }
        ast::Pattern::MatchSequence(s) => {
            for p in &s.patterns {
                collect_pattern_names(p, names, depth + 1);
            }
        }
        ast::Pattern::MatchMapping(m) => {
            for p in &m.patterns {
                collect_pattern_names(p, names, depth + 1);
            }
            if let Some(r) = &m.rest {
                names.push(r.id.to_string());
            }
        }
        ast::Pattern::MatchClass(c) => {
            for p in &c.arguments.patterns {
                collect_pattern_names(p, names, depth + 1);
            }
            for k in &c.arguments.keywords {
                collect_pattern_names(&k.pattern, names, depth + 1);
            }
        }
        ast::Pattern::MatchOr(o) => {
            for p in &o.patterns {
                collect_pattern_names(p, names, depth + 1);
            }
        }
        ast::Pattern::MatchValue(_) | ast::Pattern::MatchSingleton(_) => {}
    }
}

fn alias(a: &ast::Alias) -> Alias {
    Alias {
        name: a.name.id.to_string(),
        asname: a.asname.as_ref().map(|n| n.id.to_string()),
        span: span(a.range),
    }
}

fn bin_op(op: ast::Operator) -> BinOp {
    match op {
        ast::Operator::Add => BinOp::Add,
        ast::Operator::Sub => BinOp::Sub,
        ast::Operator::Mult => BinOp::Mult,
        ast::Operator::MatMult => BinOp::MatMult,
        ast::Operator::Div => BinOp::Div,
        ast::Operator::Mod => BinOp::Mod,
        ast::Operator::Pow => BinOp::Pow,
        ast::Operator::LShift => BinOp::LShift,
        ast::Operator::RShift => BinOp::RShift,
        ast::Operator::BitOr => BinOp::BitOr,
        ast::Operator::BitXor => BinOp::BitXor,
        ast::Operator::BitAnd => BinOp::BitAnd,
        ast::Operator::FloorDiv => BinOp::FloorDiv,
    }
}

fn cmp_op(op: ast::CmpOp) -> CmpOp {
    match op {
        ast::CmpOp::Eq => CmpOp::Eq,
        ast::CmpOp::NotEq => CmpOp::NotEq,
        ast::CmpOp::Lt => CmpOp::Lt,
        ast::CmpOp::LtE => CmpOp::LtE,
        ast::CmpOp::Gt => CmpOp::Gt,
        ast::CmpOp::GtE => CmpOp::GtE,
        ast::CmpOp::Is => CmpOp::Is,
        ast::CmpOp::IsNot => CmpOp::IsNot,
        ast::CmpOp::In => CmpOp::In,
        ast::CmpOp::NotIn => CmpOp::NotIn,
    }
}
