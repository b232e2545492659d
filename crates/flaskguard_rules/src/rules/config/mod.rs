//! Debug mode, secret keys, session cookies, request limits and the development server.

mod flask_debug_enabled;

use crate::Rule;

pub(crate) static RULES: &[&Rule] = &[&flask_debug_enabled::RULE];
