//! The one code registry.

use std::sync::LazyLock;

use crate::Rule;
use crate::rules;

/// Every rule, sorted by code. Codes are never reused.
pub static RULES: LazyLock<Vec<&'static Rule>> = LazyLock::new(|| {
    let mut all: Vec<&'static Rule> = Vec::new();
    for category in rules::CATEGORIES {
        all.extend_from_slice(category);
    }
    all.push(&crate::analysis::UNUSED_SUPPRESSION);
    all.sort_by_key(|r| r.code);
    all
});

pub fn rule_by_code(code: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code))
}

pub fn rule_by_name(name: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.name == name)
}
