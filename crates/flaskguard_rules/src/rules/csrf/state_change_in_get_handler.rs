use flaskguard_flask::Route;
use flaskguard_index::ir::{FuncIdx, ScopeRef, StmtKind};
use flaskguard_index::{ModuleId, Span, Value};

use super::{CsrfCoverage, deployed_settings, logs_out, route_apps};
use crate::helpers::is_db_object;
use crate::{Context, Reporter, Target, declare_rule};
use flaskguard_flask::DecoratorKind;

declare_rule! {
    /// ## What it does
    /// Checks for GET routes (no POST, PUT, PATCH or DELETE method) and `MethodView.get`
    /// methods that change server state: Flask-SQLAlchemy session writes (`add`,
    /// `delete`, `merge`, `commit`), ORM deletes and saves, SQL `DELETE`/`UPDATE`/`INSERT`
    /// statements, and file removal (`os.remove`, `shutil.rmtree`, `Path.unlink`). Calls
    /// made by the view itself and by project functions it calls directly are checked.
    ///
    /// ## Why is this bad?
    /// CSRF protection (Flask-WTF, SeaSurf) checks unsafe methods only: a GET request is
    /// never checked. A link or an `<img src="/notes/42/delete">` on any page makes the
    /// user's browser perform the change with the user's cookies. Browsers, proxies and
    /// link previewers also prefetch and repeat GET requests freely.
    ///
    /// ## Example
    /// ```python
    /// @bp.route("/notes/<int:note_id>/delete")
    /// @login_required
    /// def delete_note(note_id):
    ///     db.session.delete(own_note_or_404(note_id))
    ///     db.session.commit()
    ///     return redirect(url_for("main.list_notes"))
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// @bp.route("/notes/<int:note_id>/delete", methods=["POST"])
    /// @login_required
    /// def delete_note(note_id):
    ///     db.session.delete(own_note_or_404(note_id))
    ///     db.session.commit()
    ///     return redirect(url_for("main.list_notes"))
    /// ```
    ///
    /// with a form that posts the CSRF token.
    ///
    /// ## Known problems
    /// Not reported: GET routes of an app whose Flask-WTF `CSRFProtect` checks GET too
    /// (`WTF_CSRF_METHODS` includes `"GET"` wherever it is set), unless the view is
    /// exempted.
    ///
    /// Harmless bookkeeping in GET views (visit counters, `last_seen` timestamps, audit
    /// rows) is reported too; suppress it with a justification. Database calls on objects
    /// flaskguard cannot resolve (a cursor passed in as a parameter) are missed, as are
    /// state changes more than one call away from the view. A GET logout (the view calls
    /// `logout_user()` or `session.clear()`) is reported as low: a forged request only
    /// signs the user out.
    ///
    /// ## References
    /// - [RFC 9110: Safe Methods](https://www.rfc-editor.org/rfc/rfc9110#name-safe-methods)
    /// - [Flask-WTF: CSRF Protection](https://flask-wtf.readthedocs.io/en/stable/csrf/)
    /// - [OWASP: Cross-Site Request Forgery Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG237",
        name: "state-change-in-get-handler",
        summary: "GET handler that changes server state",
        severity: Medium,
        confidence: Medium,
        cwe: [352, 650],
        owasp: "A01",
        remediation: "Move state changes to POST/PUT/PATCH/DELETE routes protected by a CSRF token.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

/// Flask-SQLAlchemy / SQLAlchemy session methods that write.
const SESSION_WRITES: &[&str] = &[
    "add",
    "add_all",
    "delete",
    "merge",
    "commit",
    "bulk_save_objects",
    "bulk_insert_mappings",
    "bulk_update_mappings",
];

/// Functions that change files.
const FILE_WRITES: &[&str] = &[
    "os.remove",
    "os.unlink",
    "os.rmdir",
    "os.removedirs",
    "os.rename",
    "os.replace",
    "shutil.rmtree",
    "shutil.move",
    "pathlib.Path().unlink",
    "pathlib.Path().rmdir",
];

/// Methods of ORM objects and queries that write.
const ORM_WRITES: &[&str] = &[
    "delete",
    "save",
    "update",
    "insert_one",
    "insert_many",
    "delete_one",
    "delete_many",
    "update_one",
    "update_many",
    "replace_one",
    "find_one_and_delete",
    "find_one_and_update",
];

/// SQL statements that change data or schema.
const SQL_WRITES: &[&str] = &[
    "DELETE", "UPDATE", "INSERT", "REPLACE", "UPSERT", "MERGE", "DROP", "TRUNCATE", "ALTER",
    "CREATE",
];

/// SQLAlchemy statement constructors that write.
const SQLALCHEMY_WRITES: &[&str] = &[
    "sqlalchemy.delete",
    "sqlalchemy.update",
    "sqlalchemy.insert",
    "sqlalchemy.sql.expression.delete",
    "sqlalchemy.sql.expression.update",
    "sqlalchemy.sql.expression.insert",
];

struct Mutation {
    module: ModuleId,
    span: Span,
    what: String,
}

fn is_write_sql(v: &Value) -> bool {
    match v {
        Value::Str(sql) => {
            let first: String = sql
                .trim_start_matches(|c: char| c.is_whitespace() || c == '(')
                .chars()
                .take_while(char::is_ascii_alphabetic)
                .collect();
            SQL_WRITES.contains(&first.to_ascii_uppercase().as_str())
        }
        Value::Call { qual, args, .. } => {
            SQLALCHEMY_WRITES.contains(&qual.as_str())
                || (qual == "sqlalchemy.text" || qual == "sqlalchemy.sql.text")
                    && args.first().is_some_and(is_write_sql)
        }
        _ => false,
    }
}

/// The state changes made directly by a function.
fn mutations_in(ctx: &Context<'_, '_>, (module, func): (ModuleId, FuncIdx)) -> Vec<Mutation> {
    let index = ctx.index;
    let mut out = Vec::new();
    for c in &index.semantic[module.0 as usize].calls {
        if c.scope != ScopeRef::Function(func) {
            continue;
        }
        let Some(callee) = &c.callee else { continue };
        let qual = callee.qual.as_str();
        let Some((receiver, method)) = qual.rsplit_once('.') else {
            continue;
        };
        let write = if (flaskguard_flask::ORM_SESSIONS.contains(&receiver)
            && SESSION_WRITES.contains(&method))
            || FILE_WRITES.contains(&qual)
        {
            true
        } else if matches!(method, "execute" | "executemany" | "executescript") {
            c.call
                .args
                .first()
                .is_some_and(|a| is_write_sql(&index.eval(c.module, c.scope, a)))
        } else {
            ORM_WRITES.contains(&method) && is_db_object(index, receiver)
        };
        if write {
            out.push(Mutation {
                module: c.module,
                span: c.expr.span,
                what: qual.to_string(),
            });
        }
    }
    out
}

/// The functions to check for a GET route: its view, or the `get` method of its view
/// class.
fn get_handlers(ctx: &Context<'_, '_>, route: &Route<'_>) -> Vec<(ModuleId, FuncIdx)> {
    if let Some((m, c)) = route.view_class {
        let m_ref = ctx.index.module(m);
        return m_ref.classes[c.0 as usize]
            .body
            .iter()
            .filter_map(|s| match s.kind {
                StmtKind::FunctionDef(f) if m_ref.functions[f.0 as usize].name == "get" => {
                    Some((m, f))
                }
                _ => None,
            })
            .collect();
    }
    match route.handler {
        Some(h) if !route.is_state_changing() => vec![h],
        _ => Vec::new(),
    }
}

/// Whether Flask-WTF checks GET requests too: `WTF_CSRF_METHODS` is set, and every
/// deployed setting of it lists `GET`.
fn csrf_checks_get(ctx: &Context<'_, '_>) -> bool {
    let settings = deployed_settings(ctx, "WTF_CSRF_METHODS");
    !settings.is_empty()
        && settings.iter().all(|s| match &s.value {
            Value::List(methods) => methods
                .iter()
                .any(|m| m.as_str().is_some_and(|m| m.eq_ignore_ascii_case("GET"))),
            _ => false,
        })
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    let get_checked = csrf_checks_get(ctx).then(|| CsrfCoverage::build(ctx));
    for r in ctx
        .model
        .routes
        .iter()
        .filter(|r| !ctx.model.is_test_code(r.module))
    {
        if let Some(coverage) = &get_checked
            && !r.has(DecoratorKind::CsrfExempt)
            && match route_apps(ctx, r) {
                Some(apps) => apps.iter().all(|a| coverage.protects(*a)),
                // The route's app is not known: protected if any app is.
                None => coverage.attached(),
            }
        {
            continue;
        }
        for (module, func) in get_handlers(ctx, r) {
            let mut found = mutations_in(ctx, (module, func));
            let mut via = None;
            if found.is_empty() {
                // One call away: project helpers the view calls.
                for c in &ctx.index.semantic[module.0 as usize].calls {
                    if c.scope != ScopeRef::Function(func) {
                        continue;
                    }
                    let Some(helper) = c
                        .callee
                        .as_ref()
                        .and_then(|r| ctx.index.project_function(&r.qual))
                    else {
                        continue;
                    };
                    let inner = mutations_in(ctx, helper);
                    if !inner.is_empty() {
                        via = Some((
                            c.module,
                            c.expr.span,
                            c.callee.as_ref().map(|r| r.qual.clone()),
                        ));
                        found = inner;
                        break;
                    }
                }
            }
            let Some(first) = found.first() else { continue };
            let label = r.label();
            let what = if r.view_class.is_some() {
                "`get` method"
            } else {
                "handler"
            };
            let finding = out.at(
                r.module,
                r.span,
                format!(
                    "The {what} of GET route `{}` changes state (`{}`): GET requests are never CSRF-checked",
                    r.rule, first.what
                ),
            );
            finding.route(label);
            // A GET logout: a forged request only signs the user out (a nuisance, not a
            // takeover).
            if logs_out(ctx, module, func) {
                finding.severity(flaskguard_report::Severity::Low);
            }
            if let Some((m, span, Some(helper))) = via {
                finding.step(Target::Module(m, span), format!("calls `{helper}`"));
            }
            for m in &found {
                finding.step(
                    Target::Module(m.module, m.span),
                    format!("`{}` changes state", m.what),
                );
            }
        }
    }
}
