//! The rule registry, the rules, and the policy applied to what they report.
//!
//! A rule is a static [`Rule`] declared with [`declare_rule!`]: its doc comment is its
//! documentation (`flaskguard rule FG201` prints it), its metadata is structured, and its
//! check function reads the shared [`Context`] and reports to a [`Reporter`]. Rules never
//! walk the syntax tree themselves and never match on spelling.

pub mod analysis;
mod helpers;
mod ini;
pub mod policy;
mod registry;
mod reporter;
pub mod rules;
pub mod taint;

pub use analysis::{Analysis, AnalysisOptions, Phases, analyze};
pub use registry::{RULES, rule_by_code, rule_by_name};
pub use reporter::{Context, Reporter, Target};

use flaskguard_report::{Confidence, RuleMeta, Severity};

/// The lifecycle of a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Preview,
    Stable,
    Deprecated,
    Removed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Preview => "preview",
            Status::Stable => "stable",
            Status::Deprecated => "deprecated",
            Status::Removed => "removed",
        }
    }
}

/// A rule: metadata, documentation and its check.
#[derive(Debug)]
pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub summary: &'static str,
    pub severity: Severity,
    pub confidence: Confidence,
    pub cwe: &'static [u32],
    /// OWASP Top 10 2021 category, e.g. `A05`.
    pub owasp: &'static str,
    pub remediation: &'static str,
    /// The raw doc comment (Markdown, one leading space per line).
    docs_raw: &'static str,
    pub since: &'static str,
    pub status: Status,
    pub check: fn(&Context<'_, '_>, &mut Reporter),
}

impl Rule {
    #[allow(clippy::too_many_arguments)]
    #[doc(hidden)]
    pub const fn new(
        code: &'static str,
        name: &'static str,
        summary: &'static str,
        severity: Severity,
        confidence: Confidence,
        cwe: &'static [u32],
        owasp: &'static str,
        remediation: &'static str,
        docs_raw: &'static str,
        since: &'static str,
        status: Status,
        check: fn(&Context<'_, '_>, &mut Reporter),
    ) -> Self {
        Rule {
            code,
            name,
            summary,
            severity,
            confidence,
            cwe,
            owasp,
            remediation,
            docs_raw,
            since,
            status,
            check,
        }
    }

    /// The documentation as Markdown.
    pub fn docs(&self) -> String {
        let mut out = String::new();
        for line in self.docs_raw.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out
    }

    pub fn help_uri(&self) -> String {
        format!("https://example.invalid/flaskguard/rules/{}", self.code)
    }

    pub fn meta(&self) -> RuleMeta {
        RuleMeta {
            code: self.code.to_string(),
            name: self.name.to_string(),
            summary: self.summary.to_string(),
            severity: self.severity,
            confidence: self.confidence,
            cwe: self.cwe.to_vec(),
            owasp: self.owasp.to_string(),
            remediation: self.remediation.to_string(),
            docs: self.docs(),
            help_uri: self.help_uri(),
        }
    }
}

/// Declares a rule. The doc comment becomes its documentation.
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
            check: $check:path $(,)?
        }
    ) => {
        pub(crate) static $ident: $crate::Rule = $crate::Rule::new(
            $code,
            $name,
            $summary,
            ::flaskguard_report::Severity::$sev,
            ::flaskguard_report::Confidence::$conf,
            &[$($cwe),*],
            $owasp,
            $rem,
            concat!($($doc, "\n"),+),
            $since,
            $crate::Status::$status,
            $check,
        );
    };
}
