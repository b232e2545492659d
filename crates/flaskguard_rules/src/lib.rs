//! The rule registry, the rules, and the policy applied to what they report.
//!
//! A rule is a static [`Rule`] declared with [`declare_rule!`]: its doc comment is its
//! documentation (`flaskguard rule FG201` prints it), its metadata is structured, and its
//! check function reads the shared [`Context`] and reports to a [`Reporter`]. Rules never
//! walk the syntax tree themselves and never match on spelling.

pub mod analysis;
mod helpers;
pub mod policy;
mod registry;
mod reporter;
pub mod rules;
pub mod taint;

pub use analysis::{
    ANALYSIS_STACK_BYTES, Analysis, AnalysisOptions, Phases, Scanned, WORKER_STACK_BYTES, analyze,
    analyze_paths,
};
pub use registry::{RULES, rule_by_code, rule_by_name};
pub use reporter::{Context, Reporter, Target};

pub use flaskguard_report::registry::{Entry, Status};

/// Values of the project's INI files (shared with the taint engine's `configparser` model).
use flaskguard_taint::ini;

/// A rule: its registry entry (metadata and documentation) and its check.
#[derive(Debug)]
pub struct Rule {
    pub entry: Entry,
    pub check: fn(&Context<'_, '_>, &mut Reporter),
    /// The check reads the taint engine's results (flows, sink verdicts): it runs once the
    /// engine is done, the others run beside the engine.
    pub uses_taint: bool,
}

/// A rule reads as its entry: `rule.code`, `rule.docs()`, `rule.meta()`.
impl std::ops::Deref for Rule {
    type Target = Entry;
    fn deref(&self) -> &Entry {
        &self.entry
    }
}

/// Declares a rule. The doc comment becomes its documentation; the code's category (its
/// hundred, see `flaskguard_report::registry::CATEGORIES`) must fit what the rule checks.
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])+
        pub(crate) static $ident:ident = {
            code: $code:literal,
            name: $name:literal,
            summary: $summary:literal,
            severity: $sev:ident,
            confidence: $conf:ident,
            cwe: [$($cwe:literal),* $(,)?],
            owasp: $owasp:literal,
            remediation: $rem:literal,
            since: $since:literal,
            status: $status:ident,
            $(uses_taint: $taint:literal,)?
            check: $check:path $(,)?
        }
    ) => {
        pub(crate) static $ident: $crate::Rule = $crate::Rule {
            entry: $crate::Entry {
                code: $code,
                name: $name,
                summary: $summary,
                severity: ::flaskguard_report::Severity::$sev,
                confidence: ::flaskguard_report::Confidence::$conf,
                cwe: &[$($cwe),*],
                owasp: $owasp,
                remediation: $rem,
                docs: concat!($($doc, "\n"),+),
                since: $since,
                status: $crate::Status::$status,
                confirms: &[],
            },
            check: $check,
            uses_taint: false $(|| $taint)?,
        };
    };
}
