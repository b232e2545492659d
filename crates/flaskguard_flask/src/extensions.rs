//! Flask extensions: their construction, `init_app` calls and attribute settings.

use flaskguard_index::ir::{Call, Expr, ExprKind, ScopeRef};
use flaskguard_index::{Index, ModuleId, Site, Span, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExtKind {
    CsrfProtect,
    SeaSurf,
    Talisman,
    SslIfy,
    Cors,
    Limiter,
    JwtManager,
    HttpAuth,
    LoginManager,
    Session,
    ProxyFix,
    Caching,
    DebugToolbar,
    RestfulApi,
}

/// The extension classes flaskguard knows, by the name they resolve to.
const EXTENSION_CLASSES: &[(&str, ExtKind)] = &[
    ("flask_wtf.CSRFProtect", ExtKind::CsrfProtect),
    ("flask_wtf.csrf.CsrfProtect", ExtKind::CsrfProtect),
    ("flask_seasurf.SeaSurf", ExtKind::SeaSurf),
    ("flask_talisman.Talisman", ExtKind::Talisman),
    ("flask_sslify.SSLify", ExtKind::SslIfy),
    ("flask_cors.CORS", ExtKind::Cors),
    ("flask_limiter.Limiter", ExtKind::Limiter),
    ("flask_jwt_extended.JWTManager", ExtKind::JwtManager),
    ("flask_httpauth.HTTPBasicAuth", ExtKind::HttpAuth),
    ("flask_httpauth.HTTPTokenAuth", ExtKind::HttpAuth),
    ("flask_httpauth.HTTPDigestAuth", ExtKind::HttpAuth),
    ("flask_httpauth.MultiAuth", ExtKind::HttpAuth),
    ("flask_login.LoginManager", ExtKind::LoginManager),
    ("flask_session.Session", ExtKind::Session),
    ("werkzeug.middleware.proxy_fix.ProxyFix", ExtKind::ProxyFix),
    ("werkzeug.contrib.fixers.ProxyFix", ExtKind::ProxyFix),
    ("flask_caching.Cache", ExtKind::Caching),
    (
        "flask_debugtoolbar.DebugToolbarExtension",
        ExtKind::DebugToolbar,
    ),
    ("flask_restful.Api", ExtKind::RestfulApi),
    ("flask_restx.Api", ExtKind::RestfulApi),
];

impl ExtKind {
    pub fn from_qual(qual: &str) -> Option<ExtKind> {
        EXTENSION_CLASSES
            .iter()
            .find(|(q, _)| *q == qual)
            .map(|(_, k)| *k)
    }

    /// The kind of an extension class, or of a project class derived from one
    /// (`class _PGCSRFProtect(CSRFProtect)`).
    pub fn of_class(index: &Index<'_>, qual: &str) -> Option<ExtKind> {
        ExtKind::from_qual(qual).or_else(|| {
            index.project_class(qual)?;
            EXTENSION_CLASSES
                .iter()
                .find(|(lib, _)| index.is_subclass_of(qual, lib))
                .map(|(_, k)| *k)
        })
    }
}

/// An argument of an extension, wherever it was passed.
#[derive(Clone, Debug)]
pub struct ExtArg<'a> {
    pub value: Value,
    pub expr: &'a Expr,
    pub module: ModuleId,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Extension<'a> {
    pub kind: ExtKind,
    pub qual: String,
    pub site: Site,
    pub module: ModuleId,
    pub scope: ScopeRef,
    /// The constructor call.
    pub call: &'a Call,
    pub span: Span,
    /// `init_app(app, …)` calls on this object.
    pub init_calls: Vec<(ModuleId, ScopeRef, &'a Call, Span)>,
    /// `ext.attr = value` assignments.
    pub attributes: Vec<(String, ExtArg<'a>)>,
    /// Whether an app is attached (passed to the constructor or to `init_app`).
    pub attached: bool,
    /// The `Flask(...)` apps it is attached to, where known.
    pub apps: Vec<Site>,
}

impl<'a> Extension<'a> {
    /// A keyword argument given to the constructor or to `init_app`, evaluated.
    pub fn arg(&self, index: &Index<'_>, name: &str) -> Option<ExtArg<'a>> {
        if let Some(e) = self.call.keyword(name) {
            return Some(ExtArg {
                value: index.eval(self.module, self.scope, e),
                expr: e,
                module: self.module,
                span: e.span,
            });
        }
        for (module, scope, call, _) in &self.init_calls {
            if let Some(e) = call.keyword(name) {
                return Some(ExtArg {
                    value: index.eval(*module, *scope, e),
                    expr: e,
                    module: *module,
                    span: e.span,
                });
            }
        }
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, a)| a.clone())
    }

    /// The positional argument `position` of the constructor.
    pub fn positional(&self, index: &Index<'_>, position: usize) -> Option<ExtArg<'a>> {
        let e = self.call.args.get(position)?;
        Some(ExtArg {
            value: index.eval(self.module, self.scope, e),
            expr: e,
            module: self.module,
            span: e.span,
        })
    }
}

/// The apps passed as first argument (or `app=`) to a call. `ProxyFix(app.wsgi_app)` and
/// friends are not apps.
fn app_sites(index: &Index<'_>, module: ModuleId, scope: ScopeRef, call: &Call) -> Vec<Site> {
    call.argument(0, "app")
        .map(|arg| crate::apps::app_sites(index, module, scope, arg))
        .unwrap_or_default()
}

pub(crate) fn collect<'a>(index: &Index<'a>) -> Vec<Extension<'a>> {
    let mut exts: Vec<Extension<'a>> = Vec::new();
    for c in index.calls_where(|q| ExtKind::of_class(index, q).is_some()) {
        let Some(callee) = &c.callee else { continue };
        let Some(kind) = ExtKind::of_class(index, &callee.qual) else {
            continue;
        };
        exts.push(Extension {
            kind,
            qual: callee.qual.to_string(),
            site: Site {
                module: c.module,
                span: c.expr.span,
            },
            module: c.module,
            scope: c.scope,
            call: c.call,
            span: c.expr.span,
            init_calls: Vec::new(),
            attributes: Vec::new(),
            attached: !c.call.args.is_empty() || c.call.keyword("app").is_some(),
            apps: app_sites(index, c.module, c.scope, c.call),
        });
    }
    // `ext.init_app(app, …)`
    for c in index.calls_where(|q| q.ends_with(").init_app")) {
        let Some(callee) = &c.callee else { continue };
        let Some(site) = callee.site else { continue };
        if let Some(ext) = exts.iter_mut().find(|e| e.site == site) {
            ext.init_calls
                .push((c.module, c.scope, c.call, c.expr.span));
            ext.attached = true;
            ext.apps.extend(app_sites(index, c.module, c.scope, c.call));
        }
    }
    // `ext.attr = value`: the receivers of every attribute assignment resolved on every
    // core, and only when there are extensions to find.
    if exts.is_empty() {
        return exts;
    }
    let stores = index.assigns_matching(|a| {
        let ExprKind::Attribute { value, attr } = &a.target.kind else {
            return None;
        };
        let site = index.resolve(a.module, a.scope, value)?.site?;
        let ext = exts.iter().position(|e| e.site == site)?;
        Some((a, attr, ext))
    });
    for (a, attr, ext) in stores {
        if let Some(ext) = exts.get_mut(ext) {
            ext.attributes.push((
                attr.to_string(),
                ExtArg {
                    value: index.eval(a.module, a.scope, a.value),
                    expr: a.value,
                    module: a.module,
                    span: a.span,
                },
            ));
        }
    }
    exts
}
