//! Rules of this category.

use crate::Rule;

pub(crate) static RULES: &[&Rule] = &[];
