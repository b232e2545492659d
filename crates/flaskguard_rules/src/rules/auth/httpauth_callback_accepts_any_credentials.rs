use flaskguard_index::ir::{CmpOp, Expr, ExprKind, ScopeRef, Stmt, StmtKind, Try};
use flaskguard_index::{Index, ModuleId, Span};

use super::httpauth_callbacks;
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks Flask-HTTPAuth `@auth.verify_password` and `@auth.verify_token` callbacks for
    /// a path that returns a truthy value (`True`, the user name, a user looked up by name
    /// only) without ever checking the password or token.
    ///
    /// ## Why is this bad?
    /// Flask-HTTPAuth lets a request in whenever the callback returns something truthy.
    /// A callback that returns `True` — a placeholder "until real credentials are
    /// provisioned", or a shortcut for one user name — accepts any credentials, and every
    /// view behind `@auth.login_required` is open to anyone.
    ///
    /// ## Example
    /// ```python
    /// @auth.verify_password
    /// def verify_password(username, password):
    ///     return True
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// @auth.verify_password
    /// def verify_password(username, password):
    ///     user = User.query.filter_by(username=username).first()
    ///     if user and check_password_hash(user.password_hash, password):
    ///         return user
    ///     return None
    /// ```
    ///
    /// ## Known problems
    /// A check counts when the password (or token) is passed to a call, compared with
    /// `==`/`in`, or used as a lookup key; a mere truthiness test (`if password:`) does not.
    /// A callback that returns `True` for empty credentials to allow anonymous access is
    /// reported: use `@auth.login_required(optional=True)` for that.
    ///
    /// ## References
    /// - [Flask-HTTPAuth: Basic authentication](https://flask-httpauth.readthedocs.io/en/latest/#basic-authentication-examples)
    /// - [Flask-HTTPAuth: verify_password](https://flask-httpauth.readthedocs.io/en/latest/#flask_httpauth.HTTPBasicAuth.verify_password)
    /// - [OWASP: Authentication Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG246",
        name: "httpauth-callback-accepts-any-credentials",
        summary: "Flask-HTTPAuth callback returns a truthy value without checking the credentials",
        severity: Critical,
        confidence: High,
        cwe: [287],
        owasp: "A07",
        remediation: "Verify the password against a stored hash (check_password_hash) or the token against the token store; return the user, or None.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for cb in httpauth_callbacks(ctx, &["verify_password", "verify_token"]) {
        // Flask-HTTPAuth calls `verify_password(username, password)` and `verify_token(token)`.
        let (secret_index, what) = if cb.method == "verify_password" {
            (1, "password")
        } else {
            (0, "token")
        };
        let Some(secret) = cb.def.params.get(secret_index) else {
            continue;
        };
        let mut walker = Walker {
            index: ctx.index,
            module: cb.module,
            scope: ScopeRef::Function(cb.func),
            secret: &secret.name,
            others: cb
                .def
                .params
                .iter()
                .filter(|p| p.name != secret.name)
                .map(|p| p.name.as_str())
                .collect(),
            unchecked: Vec::new(),
        };
        walker.block(&cb.def.body, false);
        let source = &ctx.index.module(cb.module).source;
        for (span, value) in walker.unchecked {
            let shown = value.map_or("a value", |v| source.slice(v.span));
            let message = if value.is_some_and(|v| matches!(v.kind, ExprKind::Bool(true))) {
                format!(
                    "`{}` (the `@{}` callback) returns `True` without checking the {what}: any credentials are accepted",
                    cb.def.name, cb.registration
                )
            } else {
                format!(
                    "`{}` (the `@{}` callback) returns `{shown}` on a path that never checks the {what}: the request is let in with any {what}",
                    cb.def.name, cb.registration
                )
            };
            out.at(cb.module, span, message);
        }
    }
}

/// Follows the callback's statements, tracking whether the secret has been checked on the
/// way to each `return`.
struct Walker<'w, 'a> {
    index: &'w Index<'a>,
    module: ModuleId,
    scope: ScopeRef,
    secret: &'w str,
    /// The other parameters: a token sent as the user name (`username_or_token`) is
    /// checked by passing it to a verifying function.
    others: Vec<&'w str>,
    /// Returns of a truthy value reached without a check: the statement and its value.
    unchecked: Vec<(Span, Option<&'a Expr>)>,
}

impl<'a> Walker<'_, 'a> {
    /// Walks a block entered with `checked`; returns whether the secret is checked when the
    /// block completes normally, and whether it always returns or raises.
    fn block(&mut self, body: &'a [Stmt], mut checked: bool) -> (bool, bool) {
        for stmt in body {
            match &stmt.kind {
                StmtKind::Return(value) => {
                    let value = value.as_ref();
                    let verified = value.is_some_and(|v| self.verifies(v));
                    if !checked && !verified && value.is_some_and(|v| !falsy_literal(v)) {
                        self.unchecked.push((stmt.span, value.map(|v| &**v)));
                    }
                    return (checked, true);
                }
                StmtKind::Raise { .. } => return (checked, true),
                StmtKind::If { test, body, orelse } => {
                    let c = checked || self.verifies(test);
                    let (cb, tb) = self.block(body, c);
                    let (co, to) = self.block(orelse, c);
                    match (tb, to) {
                        (true, true) => return (c, true),
                        (true, false) => checked = co,
                        (false, true) => checked = cb,
                        (false, false) => checked = cb && co,
                    }
                }
                StmtKind::For {
                    iter: test,
                    body,
                    orelse,
                    ..
                }
                | StmtKind::While { test, body, orelse } => {
                    let c = checked || self.verifies(test);
                    self.block(body, c);
                    self.block(orelse, c);
                    checked = c;
                }
                StmtKind::With { items, body } => {
                    let c = checked
                        || items.iter().any(|(e, v)| {
                            self.verifies(e) || v.as_ref().is_some_and(|v| self.verifies(v))
                        });
                    let (cb, tb) = self.block(body, c);
                    if tb {
                        return (cb, true);
                    }
                    checked = cb;
                }
                StmtKind::Try(tr) => {
                    let Try {
                        body,
                        handlers,
                        orelse,
                        finalbody,
                    } = &**tr;
                    let (cb, tb) = self.block(body, checked);
                    let (co, to) = if tb {
                        (cb, true)
                    } else {
                        self.block(orelse, cb)
                    };
                    let mut all_terminate = to;
                    let mut after = if to { true } else { co };
                    for h in handlers {
                        let (ch, th) = self.block(&h.body, checked);
                        all_terminate &= th;
                        if !th {
                            after &= ch;
                        }
                    }
                    let (cf, tf) =
                        self.block(finalbody, if all_terminate { checked } else { after });
                    if tf || all_terminate {
                        return (cf, true);
                    }
                    checked = after || cf;
                }
                StmtKind::Match { subject, cases } => {
                    let c = checked || self.verifies(subject);
                    let mut after = c;
                    for case in cases {
                        let cc = c || case.guard.as_ref().is_some_and(|g| self.verifies(g));
                        let (ch, th) = self.block(&case.body, cc);
                        if !th {
                            after &= ch;
                        }
                    }
                    checked = after;
                }
                StmtKind::FunctionDef(_) | StmtKind::ClassDef(_) => {}
                _ => {
                    let mut v = false;
                    stmt.for_each_expr(&mut |e| v |= self.verifies(e));
                    checked |= v;
                }
            }
        }
        (checked, false)
    }

    /// Whether evaluating `expr` checks the secret: passes it to a call, compares it with
    /// `==`/`!=`/`in` against something other than an empty value, or looks it up.
    fn verifies(&self, expr: &Expr) -> bool {
        let mut found = false;
        expr.walk(&mut |e| {
            if found {
                return;
            }
            match &e.kind {
                ExprKind::Call(call) => {
                    let passes_secret = call.args.iter().any(|a| self.mentions(a))
                        || call.keywords.iter().any(|k| self.mentions(&k.value));
                    let passes_other = call.args.iter().any(|a| self.mentions_other(a))
                        || call.keywords.iter().any(|k| self.mentions_other(&k.value));
                    if (passes_secret && !self.is_trivial_call(&call.func))
                        || (passes_other && names_a_check(&call.func))
                    {
                        found = true;
                    }
                }
                ExprKind::Compare(cmp) => {
                    let operands = cmp.operands();
                    let compares = cmp.ops.iter().any(|op| {
                        matches!(op, CmpOp::Eq | CmpOp::NotEq | CmpOp::In | CmpOp::NotIn)
                    });
                    if compares
                        && operands.iter().any(|o| self.mentions(o))
                        && operands
                            .iter()
                            .any(|o| !self.mentions(o) && !falsy_literal(o))
                    {
                        found = true;
                    }
                }
                ExprKind::Subscript { index, .. } if self.mentions(index) => found = true,
                _ => {}
            }
        });
        found
    }

    fn mentions_other(&self, expr: &Expr) -> bool {
        let mut found = false;
        expr.walk(&mut |e| found |= e.as_name().is_some_and(|n| self.others.contains(&n)));
        found
    }

    fn mentions(&self, expr: &Expr) -> bool {
        let mut found = false;
        expr.walk(&mut |e| found |= e.as_name() == Some(self.secret));
        found
    }

    /// Calls that only measure or convert the secret (`len(password)`, `bool(token)`,
    /// logging it).
    fn is_trivial_call(&self, func: &Expr) -> bool {
        let Some(r) = self.index.resolve(self.module, self.scope, func) else {
            return false;
        };
        matches!(
            r.qual.as_str(),
            "builtins.len"
                | "builtins.bool"
                | "builtins.str"
                | "builtins.isinstance"
                | "builtins.print"
                | "builtins.type"
                | "builtins.repr"
        ) || r.qual.starts_with("logging.")
            || r.qual.contains(".logger.")
    }
}

/// A function named for checking a credential: `verify_auth_token`, `check_api_key`,
/// `serializer.loads`, `decode_token`.
fn names_a_check(func: &Expr) -> bool {
    let name = match &func.kind {
        ExprKind::Attribute { attr, .. } => attr.as_str(),
        ExprKind::Name(n) => n.as_str(),
        _ => return false,
    };
    super::words(name).iter().any(|w| {
        matches!(
            w.as_str(),
            "verify" | "check" | "validate" | "authenticate" | "decode" | "loads" | "confirm"
        )
    })
}

/// `None`, `False`, `0`, `""`: a refusal.
fn falsy_literal(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::NoneLit | ExprKind::Bool(false) | ExprKind::Int(Some(0)) => true,
        ExprKind::Str(s) => s.is_empty(),
        ExprKind::Bytes(s) => s.is_empty(),
        _ => false,
    }
}
