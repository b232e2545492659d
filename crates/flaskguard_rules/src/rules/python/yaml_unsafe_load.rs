use flaskguard_index::ir::Expr;
use flaskguard_index::{Index, ModuleId, Resolved};

use super::{callee, raised, reads_request};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for PyYAML loading that can build arbitrary Python objects: `yaml.load` and
    /// `yaml.load_all` without a `Loader` or with `Loader`, `UnsafeLoader`, `FullLoader`
    /// (or their C variants), and `yaml.unsafe_load` / `yaml.full_load` (and their
    /// `_all` forms). `SafeLoader`, `CSafeLoader` and `BaseLoader` are safe.
    ///
    /// ## Why is this bad?
    /// The unsafe loaders honour tags such as `!!python/object/apply:os.system`, so a
    /// YAML document runs code while it is parsed. `FullLoader` was meant to be safer but
    /// had repeated bypasses (CVE-2020-1747, CVE-2020-14343); before PyYAML 5.1,
    /// `yaml.load(s)` itself was unsafe. A document from a request, an upload or a file
    /// an attacker can write becomes remote code execution.
    ///
    /// ## Example
    /// ```python
    /// items = yaml.load(request.get_data(as_text=True), Loader=yaml.Loader)
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// items = yaml.safe_load(request.get_data(as_text=True))
    /// ```
    ///
    /// ## Known problems
    /// A project-defined loader class is judged by its PyYAML base class; one that cannot
    /// be resolved is not reported.
    ///
    /// ## References
    /// - [PyYAML: yaml.load(input) Deprecation](https://github.com/yaml/pyyaml/wiki/PyYAML-yaml.load(input)-Deprecation)
    /// - [OWASP: Deserialization Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Deserialization_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG126",
        name: "yaml-unsafe-load",
        summary: "YAML loaded with a loader that can construct Python objects",
        severity: High,
        confidence: High,
        cwe: [502],
        owasp: "A08",
        remediation: "Use yaml.safe_load (or Loader=yaml.SafeLoader).",
        since: "0.1.0",
        status: Stable,
        uses_taint: true,
        check: check,
    }
}

const SAFE_LOADERS: &[&str] = &[
    "yaml.SafeLoader",
    "yaml.CSafeLoader",
    "yaml.BaseLoader",
    "yaml.CBaseLoader",
];
const UNSAFE_LOADERS: &[&str] = &[
    "yaml.Loader",
    "yaml.CLoader",
    "yaml.UnsafeLoader",
    "yaml.CUnsafeLoader",
    "yaml.FullLoader",
    "yaml.CFullLoader",
];

/// The PyYAML loading functions, by what decides whether they construct Python objects.
#[derive(Clone, Copy)]
enum Load {
    /// `yaml.load`, `yaml.load_all`: their `Loader`.
    WithLoader,
    /// `yaml.unsafe_load`, `yaml.unsafe_load_all`: always.
    Unsafe,
    /// `yaml.full_load`, `yaml.full_load_all`: FullLoader, which has had bypasses.
    Full,
}

fn load(qual: &str) -> Option<Load> {
    match qual {
        "yaml.load" | "yaml.load_all" => Some(Load::WithLoader),
        "yaml.unsafe_load" | "yaml.unsafe_load_all" => Some(Load::Unsafe),
        "yaml.full_load" | "yaml.full_load_all" => Some(Load::Full),
        _ => None,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    let index = ctx.index;
    for c in index.calls_where(|q| load(q).is_some()) {
        let Some(q) = callee(c) else { continue };
        // The taint engine saw a constant or a quoted, cast or allow-listed value (nothing
        // to audit), or request data (the taint rule reports that flow). Values of unknown
        // origin stay findings: their danger needs no taint.
        if matches!(
            ctx.sink_verdict(c.module, c.expr.span, crate::taint::Class::Deserialization),
            Some(
                crate::taint::Verdict::Const
                    | crate::taint::Verdict::Sanitized
                    | crate::taint::Verdict::Tainted
            )
        ) {
            continue;
        }
        let message = match load(q) {
            Some(Load::WithLoader) => match c.call.argument(1, "Loader") {
                None if c.call.has_kwargs_spread() => continue,
                None => format!(
                    "`{q}` without a Loader: PyYAML before 5.1 constructs arbitrary Python objects (5.1–5.3 use FullLoader, which has known bypasses)"
                ),
                Some(loader) => match loader_kind(index, c.module, c.scope, loader) {
                    Some((name, false)) => format!(
                        "`{q}` with `{name}` constructs arbitrary Python objects from the document"
                    ),
                    _ => continue,
                },
            },
            Some(Load::Unsafe) => {
                format!("`{q}` constructs arbitrary Python objects from the document")
            }
            Some(Load::Full) => {
                format!(
                    "`{q}` uses FullLoader, which has had arbitrary-code bypasses (CVE-2020-14343)"
                )
            }
            None => continue,
        };
        let from_request = c
            .call
            .argument(0, "stream")
            .is_some_and(|s| reads_request(ctx, c.module, c.scope, s));
        let finding = out.at(c.module, c.call.func.span, message);
        if from_request {
            finding.severity(raised(RULE.severity));
        }
    }
}

/// The loader's canonical name and whether it is safe; `None` when it cannot be told.
fn loader_kind(
    index: &Index<'_>,
    module: ModuleId,
    scope: flaskguard_index::ir::ScopeRef,
    loader: &Expr,
) -> Option<(String, bool)> {
    let r = index.resolve(module, scope, loader)?;
    classify(index, &r, 0).map(|safe| (r.qual.to_string(), safe))
}

/// Safe or not, following project subclasses to their PyYAML base.
fn classify(index: &Index<'_>, r: &Resolved, depth: u32) -> Option<bool> {
    if SAFE_LOADERS.contains(&r.qual.as_str()) {
        return Some(true);
    }
    if UNSAFE_LOADERS.contains(&r.qual.as_str()) {
        return Some(false);
    }
    if depth > 4 {
        return None;
    }
    let (m, c) = index.project_class(&r.qual)?;
    let class = &index.module(m).classes[c.0 as usize];
    let bases: Vec<bool> = class
        .bases
        .iter()
        .filter_map(|b| index.resolve(m, class.parent, b))
        .filter_map(|b| classify(index, &b, depth + 1))
        .collect();
    if bases.is_empty() {
        None
    } else {
        Some(bases.iter().all(|s| *s))
    }
}
