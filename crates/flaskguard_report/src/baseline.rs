//! Baselines: accepted findings, identified by fingerprint, that no longer fail a build.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::{Report, Suppression, SuppressionKind};

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Baseline {
    pub schema_version: u32,
    pub fingerprints: BTreeSet<String>,
}

#[derive(Debug, thiserror::Error)]
#[error("baseline is not valid: {0}")]
pub struct BaselineError(#[from] serde_json::Error);

impl Baseline {
    /// A baseline holding every active finding of `report`.
    pub fn from_report(report: &Report) -> Self {
        Baseline {
            schema_version: crate::SCHEMA_VERSION,
            fingerprints: report
                .active_findings()
                .map(|f| f.fingerprint.clone())
                .collect(),
        }
    }

    pub fn parse(text: &str) -> Result<Self, BaselineError> {
        Ok(serde_json::from_str(text)?)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// Marks findings listed in the baseline as suppressed.
    pub fn apply(&self, report: &mut Report) {
        for f in &mut report.findings {
            if f.suppression.is_none() && self.fingerprints.contains(&f.fingerprint) {
                f.suppression = Some(Suppression {
                    kind: SuppressionKind::Baseline,
                    justification: None,
                });
            }
        }
    }
}
