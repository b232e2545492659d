use super::{callee, raised, reads_request};
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for deserialisation formats that run code: `pickle` / `cPickle` / `_pickle`
    /// `loads`, `load` and `Unpickler`, `dill`, `cloudpickle`, `marshal`, `shelve.open`,
    /// `jsonpickle.decode`, `pandas.read_pickle`, `joblib.load`, and `numpy.load` with
    /// `allow_pickle=True`.
    ///
    /// High when the data is read from the request; low (an audit note) when its origin is
    /// unknown: caches, the application's own database, a file the operator chose.
    ///
    /// ## Why is this bad?
    /// A pickle is a program: unpickling calls whatever its `__reduce__` names, such as
    /// `os.system`. Data that a client can send or modify — a form field, a cookie, a
    /// cached value, an uploaded file — becomes remote code execution.
    ///
    /// ## Example
    /// ```python
    /// draft = pickle.loads(base64.b64decode(request.form["draft"]))
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// draft = DraftSchema().load(json.loads(request.form["draft"]))
    /// ```
    ///
    /// ## Known problems
    /// Trusted local files (a model the app itself wrote) are reported too; suppress them
    /// with a comment saying why the file is trusted.
    ///
    /// ## References
    /// - [Python: pickle — warning](https://docs.python.org/3/library/pickle.html)
    /// - [OWASP: Deserialization Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Deserialization_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG904",
        name: "pickle-deserialization",
        summary: "Data deserialised with pickle or another code-running format",
        severity: High,
        confidence: High,
        cwe: [502],
        owasp: "A08",
        remediation: "Exchange data as JSON validated by a schema; never unpickle data a client can influence.",
        since: "0.1.0",
        status: Stable,
        uses_taint: true,
        check: check,
    }
}

/// `numpy.load`: unpickles with `allow_pickle=True`.
const NUMPY_LOAD: &str = "numpy.load";

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    let index = ctx.index;
    // The deserializers are the spec's (`audit = true`): one list for this rule and the
    // taint rule's sinks.
    let deserializers: rustc_hash::FxHashSet<&str> = ctx
        .spec
        .audited(crate::taint::Class::Deserialization)
        .collect();
    for c in index.calls_where(|q| deserializers.contains(q) || q == NUMPY_LOAD) {
        let Some(q) = callee(c) else { continue };
        let listed = deserializers.contains(q);
        let numpy_pickle = q == NUMPY_LOAD
            && c.call
                .keyword("allow_pickle")
                .is_some_and(|e| index.eval(c.module, c.scope, e).truthy() == Some(true));
        if !listed && !numpy_pickle {
            continue;
        }
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
        let from_request = c
            .call
            .args
            .first()
            .is_some_and(|a| reads_request(ctx, c.module, c.scope, a));
        let message = if from_request {
            format!("`{q}` deserialises request data: a crafted payload runs code on the server")
        } else {
            format!(
                "`{q}` runs code embedded in the data it loads: only use it on data no client can influence"
            )
        };
        let finding = out.at(c.module, c.call.func.span, message);
        if from_request {
            finding.severity(raised(RULE.severity));
        } else {
            // Data of unknown origin: on real code, nearly always the application's own
            // (caches, its database, a model file the operator chose). An audit note, not a
            // finding a team must act on; the taint rule reports what a client controls.
            finding.severity(flaskguard_report::Severity::Low);
        }
    }
}
