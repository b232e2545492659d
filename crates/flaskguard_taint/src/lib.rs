//! The taint engine and its models spec.

pub mod engine;
pub mod ini;
mod regex_guard;
pub mod spec;

pub use engine::{Engine, Flow, TaintResults, Verdict, in_dead_code};
pub use spec::{Class, Spec};
