//! The app graph: the `Flask(...)` objects an expression, an extension, a blueprint or a
//! route belongs to. Many-valued (a project may build several apps, and a function may be
//! called with each), and followed through function parameters to their call sites
//! (`def init_extensions(app): csrf.init_app(app)`), which the index does not resolve.

use flaskguard_index::ir::{Expr, ExprKind, ScopeRef};
use flaskguard_index::semantic::Binding;
use flaskguard_index::{Index, ModuleId, Site};
use rustc_hash::FxHashMap;

/// How deep a Flask app is followed through function parameters.
const MAX_PARAM_DEPTH: u32 = 4;

/// How deep blueprints nest in blueprints (`parent.register_blueprint(child)`).
const MAX_NESTING: usize = 4;

/// The `Flask(...)` objects an expression may denote: the object itself, or, for a
/// parameter of a project function, the arguments passed at its call sites. Sorted, no
/// repeats; empty when not known.
pub fn app_sites(index: &Index<'_>, module: ModuleId, scope: ScopeRef, expr: &Expr) -> Vec<Site> {
    let mut out = Vec::new();
    collect_app_sites(index, module, scope, expr, 0, &mut out);
    out.sort();
    out.dedup();
    out
}

fn collect_app_sites(
    index: &Index<'_>,
    module: ModuleId,
    scope: ScopeRef,
    expr: &Expr,
    depth: u32,
    out: &mut Vec<Site>,
) {
    if depth > MAX_PARAM_DEPTH {
        return;
    }
    if let Some(r) = index.resolve(module, scope, expr) {
        match (r.qual.as_str(), r.site) {
            ("flask.Flask()", Some(site)) => {
                out.push(site);
                return;
            }
            // An annotated parameter (`app: Flask`): look at the call sites.
            ("flask.Flask()", None) => {}
            _ => return,
        }
    }
    let Some(name) = expr.as_name() else { return };
    let Some((_, bindings)) = index.bindings_of(module, scope, name) else {
        return;
    };
    let m = index.module(module);
    for b in bindings {
        let Binding::Param { func, index: pos } = b else {
            continue;
        };
        let def = &m.functions[func.0 as usize];
        // Methods receive `self` first; their call sites are not resolved by name.
        if matches!(def.parent, ScopeRef::Class(_)) {
            continue;
        }
        let Some(param) = def.params.get(*pos) else {
            continue;
        };
        let qual = format!("{}.{}", m.name, def.qualname);
        for c in index.calls_to(&qual) {
            if let Some(arg) = c.call.argument(*pos, &param.name) {
                collect_app_sites(index, c.module, c.scope, arg, depth + 1, out);
            }
        }
    }
}

/// The apps each registered blueprint is registered on, directly or through parent
/// blueprints; a blueprint registered on an app that is not known maps to no app.
pub(crate) fn blueprint_apps(index: &Index<'_>) -> FxHashMap<Site, Vec<Site>> {
    let mut on_app: FxHashMap<Site, Vec<Site>> = FxHashMap::default();
    let mut on_bp: Vec<(Site, Site)> = Vec::new();
    let registrations = index.calls_matching(|c| {
        matches!(&c.call.func.kind, ExprKind::Attribute { attr, .. } if attr == "register_blueprint")
    });
    for c in registrations {
        let ExprKind::Attribute {
            value: receiver, ..
        } = &c.call.func.kind
        else {
            continue;
        };
        // The receiver resolves to an app or a blueprint; an unannotated parameter does
        // not resolve and is followed to its call sites.
        let receiver_qual = c
            .callee
            .as_ref()
            .and_then(|r| r.qual.strip_suffix(".register_blueprint"));
        let Some(bp) = c
            .call
            .argument(0, "blueprint")
            .and_then(|e| index.resolve(c.module, c.scope, e))
            .filter(|r| r.qual == "flask.Blueprint()")
            .and_then(|r| r.site)
        else {
            continue;
        };
        match receiver_qual {
            Some("flask.Blueprint()") => {
                on_app.entry(bp).or_default();
                if let Some(parent) = c.callee.as_ref().and_then(|r| r.site) {
                    on_bp.push((bp, parent));
                }
            }
            Some("flask.Flask()") | None => {
                let apps = app_sites(index, c.module, c.scope, receiver);
                on_app.entry(bp).or_default().extend(apps);
            }
            Some(_) => {}
        }
    }
    // Nested blueprints inherit their parent's apps.
    for _ in 0..MAX_NESTING {
        for (child, parent) in &on_bp {
            let inherited = on_app.get(parent).cloned().unwrap_or_default();
            let entry = on_app.entry(*child).or_default();
            for a in inherited {
                if !entry.contains(&a) {
                    entry.push(a);
                }
            }
        }
    }
    for apps in on_app.values_mut() {
        apps.sort();
        apps.dedup();
    }
    on_app
}
