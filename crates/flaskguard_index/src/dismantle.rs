//! Dropping Ruff's syntax tree without recursion that the input can drive.
//!
//! The parser builds left-deep chains iteratively (`1+1+…+1`, `a.b.….z`, `f()()…()`) and
//! grows its own stack for the rest, so a 4 MB file can hold an expression two million
//! nodes deep. Rust drops a `Box<Expr>` chain recursively: on a worker thread that is a
//! stack overflow, and the whole scan dies. [`drop_module`] takes the tree apart first:
//! a walk that goes at most [`CUT`] levels down detaches every node below that depth into
//! a work list, drops what is left (now shallow), and repeats on the detached nodes.
//! Every node is visited a bounded number of times, and the stack never holds more than
//! [`CUT`] levels.

use std::cell::RefCell;

use ruff_python_ast::visitor::transformer::{self, Transformer};
use ruff_python_ast::{
    AtomicNodeIndex, Expr, ExprEllipsisLiteral, ModModule, Pattern, PatternMatchAs, Stmt, StmtPass,
};
use ruff_text_size::TextRange;

/// How deep one walk goes before it detaches what lies below. Small enough for any thread's
/// stack, large enough that ordinary code is dropped in one walk.
const CUT: u32 = 64;

enum Detached {
    Stmt(Stmt),
    Expr(Expr),
    Pattern(Pattern),
}

#[derive(Default)]
struct Detacher {
    depth: std::cell::Cell<u32>,
    detached: RefCell<Vec<Detached>>,
}

impl Detacher {
    /// Runs `walk` one level deeper, or returns `false` when the cut is reached.
    fn descend(&self, walk: impl FnOnce()) -> bool {
        let depth = self.depth.get();
        if depth >= CUT {
            return false;
        }
        self.depth.set(depth + 1);
        walk();
        self.depth.set(depth);
        true
    }
}

fn placeholder_expr() -> Expr {
    Expr::EllipsisLiteral(ExprEllipsisLiteral {
        node_index: AtomicNodeIndex::NONE,
        range: TextRange::default(),
    })
}

fn placeholder_stmt() -> Stmt {
    Stmt::Pass(StmtPass {
        node_index: AtomicNodeIndex::NONE,
        range: TextRange::default(),
    })
}

fn placeholder_pattern() -> Pattern {
    Pattern::MatchAs(PatternMatchAs {
        node_index: AtomicNodeIndex::NONE,
        range: TextRange::default(),
        pattern: None,
        name: None,
    })
}

impl Transformer for Detacher {
    fn visit_stmt(&self, stmt: &mut Stmt) {
        if !self.descend(|| transformer::walk_stmt(self, stmt)) {
            let taken = std::mem::replace(stmt, placeholder_stmt());
            self.detached.borrow_mut().push(Detached::Stmt(taken));
        }
    }

    fn visit_expr(&self, expr: &mut Expr) {
        if !self.descend(|| transformer::walk_expr(self, expr)) {
            let taken = std::mem::replace(expr, placeholder_expr());
            self.detached.borrow_mut().push(Detached::Expr(taken));
        }
    }

    fn visit_annotation(&self, expr: &mut Expr) {
        self.visit_expr(expr);
    }

    fn visit_pattern(&self, pattern: &mut Pattern) {
        if !self.descend(|| transformer::walk_pattern(self, pattern)) {
            let taken = std::mem::replace(pattern, placeholder_pattern());
            self.detached.borrow_mut().push(Detached::Pattern(taken));
        }
    }
}

/// How long the logical lines of a file are and how deep its blocks nest, from its tokens:
/// a bound on how deep its syntax tree is. Every level of nesting within a line takes at
/// least one token of that line (an operator, a bracket, a dot, a keyword), and every
/// level of blocks an indent; so a file whose lines and blocks stay under the limits below
/// has a tree a few thousand levels deep at most, which dropping recursively takes a few
/// MiB of stack for (analysis threads have 64 MiB or more). Only other files need
/// [`drop_module`]'s walk.
#[derive(Default)]
pub(crate) struct Shape {
    line_tokens: u32,
    longest_line: u32,
    indent: u32,
    deepest_indent: u32,
}

/// The most tokens in one logical line of a file that is dropped recursively.
const SHALLOW_LINE_TOKENS: u32 = 5_000;

/// The most indentation levels of a file that is dropped recursively.
const SHALLOW_INDENT: u32 = 200;

impl Shape {
    pub(crate) fn token(&mut self, kind: ruff_python_ast::token::TokenKind) {
        use ruff_python_ast::token::TokenKind;
        match kind {
            TokenKind::Newline => {
                self.longest_line = self.longest_line.max(self.line_tokens);
                self.line_tokens = 0;
            }
            TokenKind::Indent => {
                self.indent += 1;
                self.deepest_indent = self.deepest_indent.max(self.indent);
            }
            TokenKind::Dedent => self.indent = self.indent.saturating_sub(1),
            _ => self.line_tokens += 1,
        }
    }

    /// Whether the tree is shallow enough to drop recursively.
    pub(crate) fn is_shallow(&self) -> bool {
        self.longest_line.max(self.line_tokens) <= SHALLOW_LINE_TOKENS
            && self.deepest_indent <= SHALLOW_INDENT
    }
}

/// Drops a parsed module with a stack depth bounded by [`CUT`] walk levels, whatever the
/// nesting of its expressions, statements and patterns.
pub(crate) fn drop_module(mut module: ModModule) {
    let detacher = Detacher::default();
    for stmt in &mut module.body {
        detacher.visit_stmt(stmt);
    }
    drop(module);
    loop {
        let next = detacher.detached.borrow_mut().pop();
        let Some(node) = next else { break };
        match node {
            Detached::Stmt(mut stmt) => detacher.visit_stmt(&mut stmt),
            Detached::Expr(mut expr) => detacher.visit_expr(&mut expr),
            Detached::Pattern(mut pattern) => detacher.visit_pattern(&mut pattern),
        }
        // `node`'s remains are dropped here: nothing below the cut is left in them.
    }
}

#[cfg(test)]
mod tests {
    use super::drop_module;
    use ruff_python_ast::ModModule;

    /// Parses `src` (on a large stack) and drops its tree with `drop_tree` on a thread
    /// whose stack is `stack` bytes: fails when that overflows.
    fn drop_on_stack(src: String, stack: usize, drop_tree: fn(ModModule)) {
        std::thread::Builder::new()
            .stack_size(stack)
            .spawn(move || {
                let parsed = stacker::grow(64 * 1024 * 1024, || {
                    ruff_python_parser::parse_module(&src)
                        .map(ruff_python_parser::Parsed::into_syntax)
                });
                drop_tree(parsed.expect("valid Python"));
            })
            .expect("spawn")
            .join()
            .expect("no overflow");
    }

    fn run_on_small_stack(src: String) {
        // 256 KiB: far less than any thread gets, so a recursive drop would overflow.
        drop_on_stack(src, 256 * 1024, drop_module);
    }

    #[test]
    fn drops_long_left_deep_chains() {
        run_on_small_stack(format!("x = {}1", "1+".repeat(300_000)));
        run_on_small_stack(format!("x = a{}", ".b".repeat(300_000)));
        run_on_small_stack(format!("x = f{}", "()".repeat(300_000)));
        run_on_small_stack(format!("x = {}1", "-".repeat(300_000)));
    }

    #[test]
    fn drops_deep_brackets_and_patterns() {
        run_on_small_stack(format!("x = {}1{}", "[".repeat(20_000), "]".repeat(20_000)));
        run_on_small_stack(format!(
            "match x:\n    case {}1{}:\n        pass\n",
            "[".repeat(20_000),
            "]".repeat(20_000)
        ));
    }

    /// `levels` nested `if` blocks.
    fn nested_ifs(levels: usize) -> String {
        let mut src = String::new();
        for i in 0..levels {
            src.push_str(&"    ".repeat(i));
            src.push_str("if x:\n");
        }
        src.push_str(&"    ".repeat(levels));
        src.push_str("pass\n");
        src
    }

    /// The shape of a source, from its tokens.
    fn shape(src: &str) -> super::Shape {
        let parsed = ruff_python_parser::parse_module(src).expect("valid Python");
        let mut shape = super::Shape::default();
        for token in parsed.tokens() {
            shape.token(token.kind());
        }
        shape
    }

    #[test]
    fn shallow_files_drop_recursively_on_a_quarter_of_a_worker_stack() {
        // One token per level, as deep as a shallow file can be, in every shape that nests.
        let depth = super::SHALLOW_LINE_TOKENS as usize - 10;
        let half = depth / 2 - 2;
        let indent = nested_ifs(super::SHALLOW_INDENT as usize);
        for src in [
            format!("x = {}1", "-".repeat(depth)),
            format!("x = {}1", "not ".repeat(depth)),
            format!("x = {}1{}", "(".repeat(half), ")".repeat(half)),
            format!("x = {}1{}", "[".repeat(half), "]".repeat(half)),
            format!("x = a{}", ".b".repeat(half)),
            format!("x = {}1", "lambda: ".repeat(half)),
            indent,
        ] {
            assert!(shape(&src).is_shallow(), "{}", &src[..40]);
            drop_on_stack(src, crate::WORKER_STACK_BYTES / 4, drop);
        }
    }

    #[test]
    fn deep_files_are_not_shallow() {
        let over = super::SHALLOW_LINE_TOKENS as usize;
        assert!(!shape(&format!("x = {}1", "-".repeat(over))).is_shallow());
        assert!(!shape(&format!("x = {}1", "1+".repeat(over / 2))).is_shallow());
        let indent = nested_ifs(super::SHALLOW_INDENT as usize + 1);
        assert!(!shape(&indent).is_shallow());
        assert!(shape("def f():\n    return g(1, 2)\n").is_shallow());
    }
}
