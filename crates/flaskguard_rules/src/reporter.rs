//! What a rule sees ([`Context`]) and how it reports ([`Reporter`]).

use flaskguard_flask::FlaskModel;
use flaskguard_index::{Index, ModuleId, Project, Span};
use flaskguard_report::{Fix, Severity};

use flaskguard_index::Value;
use flaskguard_index::ir::{FuncIdx, FunctionDef};

use crate::Rule;

/// A configuration setting that applies outside development and testing (the CSRF rules'
/// view of the config, cached in the [`Context`]).
#[derive(Clone)]
pub(crate) struct DeployedSetting {
    pub target: Target,
    pub value: Value,
}

/// A function registered as a Flask-HTTPAuth callback (cached in the [`Context`] for the
/// auth rules).
#[derive(Clone)]
pub(crate) struct Callback<'a> {
    pub module: ModuleId,
    pub func: FuncIdx,
    pub def: &'a FunctionDef,
    /// `HTTPBasicAuth`, `HTTPTokenAuth`, `HTTPDigestAuth`.
    pub class: String,
    /// `verify_password`, `verify_token`, `get_password`, …
    pub method: String,
    /// The auth object (its constructor call), when known.
    pub auth: Option<flaskguard_index::Site>,
    /// How it is registered, as written (`basic_auth.verify_password`).
    pub registration: String,
}

/// Everything a rule may read: built once, shared read-only across threads.
pub struct Context<'i, 'a> {
    pub index: &'i Index<'a>,
    pub model: &'i FlaskModel<'a>,
    pub project: &'a Project,
    pub(crate) spec: &'i flaskguard_taint::Spec,
    /// The taint engine's flows, computed by the first rule that asks.
    pub(crate) taint: std::sync::OnceLock<flaskguard_taint::TaintResults>,
    /// Settings on app parameters' `config`, by key: read by several CSRF rules.
    pub(crate) param_config: std::sync::OnceLock<Vec<(String, DeployedSetting)>>,
    /// The Flask-HTTPAuth callbacks of the project: read by several auth rules.
    pub(crate) httpauth: std::sync::OnceLock<Vec<Callback<'a>>>,
}

impl Context<'_, '_> {
    /// Every flow from request data to a sink in the project.
    pub(crate) fn flows(&self) -> &[flaskguard_taint::Flow] {
        &self.taint().flows
    }

    fn taint(&self) -> &flaskguard_taint::TaintResults {
        self.taint.get_or_init(|| {
            flaskguard_taint::Engine::new(self.index, self.model, self.spec, &self.project.texts)
                .run()
        })
    }

    /// Code the taint engine found never runs (its condition folds to a constant), if the
    /// engine ran.
    pub(crate) fn dead_code(&self) -> Option<&[(flaskguard_index::ModuleId, Span)]> {
        self.taint.get().map(|t| t.dead_code.as_slice())
    }

    /// What the taint engine saw reach the sink call at `span`, if it analysed it.
    pub(crate) fn sink_verdict(
        &self,
        module: flaskguard_index::ModuleId,
        span: Span,
        class: flaskguard_taint::Class,
    ) -> Option<flaskguard_taint::Verdict> {
        self.taint()
            .verdicts
            .get(&(module, span.start, span.end, class))
            .copied()
    }
}

/// Where a finding points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A span of a Python module.
    Module(ModuleId, Span),
    /// A span of a non-Python file (`Project::texts` index).
    Text(usize, Span),
}

/// A finding as a rule reports it, before policy and rendering.
#[derive(Clone, Debug)]
pub struct RawFinding {
    pub rule: &'static Rule,
    pub target: Target,
    pub message: String,
    pub route: Option<String>,
    pub fix: Option<Fix>,
    pub trace: Vec<(Target, String)>,
    /// A severity other than the rule's default, for a worse or milder variant.
    pub severity: Option<Severity>,
}

impl RawFinding {
    pub fn route(&mut self, route: impl Into<String>) -> &mut Self {
        self.route = Some(route.into());
        self
    }

    pub fn fix(&mut self, fix: Fix) -> &mut Self {
        self.fix = Some(fix);
        self
    }

    pub fn severity(&mut self, severity: Severity) -> &mut Self {
        self.severity = Some(severity);
        self
    }

    pub fn step(&mut self, target: Target, message: impl Into<String>) -> &mut Self {
        self.trace.push((target, message.into()));
        self
    }
}

/// Collects the findings of one rule.
pub struct Reporter {
    rule: &'static Rule,
    pub(crate) findings: Vec<RawFinding>,
}

impl Reporter {
    pub(crate) fn new(rule: &'static Rule) -> Self {
        Reporter {
            rule,
            findings: Vec::new(),
        }
    }

    /// Reports a finding of the current rule.
    pub fn report(&mut self, target: Target, message: impl Into<String>) -> &mut RawFinding {
        self.findings.push(RawFinding {
            rule: self.rule,
            target,
            message: message.into(),
            route: None,
            fix: None,
            trace: Vec::new(),
            severity: None,
        });
        self.findings.last_mut().expect("just pushed")
    }

    /// Runs `check` on every module in parallel, each with a reporter of its own, and
    /// keeps the findings in module order: for rules that look at every call or every
    /// assignment, which would otherwise be the last rule running, on one core.
    pub fn each_module<F>(&mut self, index: &flaskguard_index::Index<'_>, check: F)
    where
        F: Fn(ModuleId, &mut Reporter) + Sync,
    {
        use rayon::prelude::*;
        let rule = self.rule;
        let found: Vec<Vec<RawFinding>> = index
            .modules
            .par_iter()
            .map(|m| {
                let mut out = Reporter::new(rule);
                check(m.id, &mut out);
                out.findings
            })
            .collect();
        self.findings.extend(found.into_iter().flatten());
    }

    /// Reports at a module span.
    pub fn at(
        &mut self,
        module: ModuleId,
        span: Span,
        message: impl Into<String>,
    ) -> &mut RawFinding {
        self.report(Target::Module(module, span), message)
    }
}
