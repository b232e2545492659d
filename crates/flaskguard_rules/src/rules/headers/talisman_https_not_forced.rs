use super::talisman_options;
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for Flask-Talisman's `force_https` set to a false value, in its
    /// configuration or in a per-view `@talisman(...)` decorator.
    ///
    /// ## Why is this bad?
    /// With `force_https=True` (the default) Talisman redirects plain-HTTP requests to
    /// HTTPS. Turned off, pages are served over HTTP as well: cookies without the
    /// `Secure` flag, form posts and the pages themselves travel in clear text and can be
    /// read or changed by anyone on the network path.
    ///
    /// ## Example
    /// ```python
    /// Talisman(app, force_https=False)
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// Talisman(app)
    /// ```
    ///
    /// ## Known problems
    /// An application behind a load balancer or proxy that redirects HTTP to HTTPS itself
    /// is safe with `force_https=False`; suppress the finding with a justification naming
    /// the proxy. Talisman never redirects in debug mode, so a value that depends on the
    /// environment is not reported.
    ///
    /// ## References
    /// - [Flask-Talisman: Options](https://github.com/wntrblm/flask-talisman#options)
    /// - [OWASP: Transport Layer Security Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html)
    pub(crate) static RULE = {
        code: "FG242",
        name: "talisman-https-not-forced",
        summary: "Flask-Talisman force_https disabled",
        severity: Medium,
        confidence: Medium,
        cwe: [319],
        owasp: "A02",
        remediation: "Keep Talisman's force_https at its default (True), or redirect to HTTPS at the proxy.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    for opt in talisman_options(ctx, "force_https") {
        if !opt.value.is_constant() || opt.value.truthy() != Some(false) {
            continue;
        }
        let scope = if opt.per_view { " for this view" } else { "" };
        out.at(
            opt.module,
            opt.span,
            format!("`flask_talisman.Talisman` `force_https` is off{scope}: plain-HTTP requests are served instead of redirected to HTTPS"),
        );
    }
}
