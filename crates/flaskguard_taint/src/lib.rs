//! The taint engine: a flow-sensitive abstract interpretation of each function over
//! flaskguard's IR, with constant folding (dead branches pruned), strong updates,
//! element-sensitive lists and dicts, kind-specific sanitizers and guards, and function
//! summaries for interprocedural flows.
//!
//! The crate is split into machinery and knowledge:
//!
//! - machinery: `value` (the lattice: `Taint`, `AVal`, environments and their joins),
//!   `engine` (the engine's state, [`Flow`], [`Verdict`], [`TaintResults`], function
//!   summaries), `run` (the driver over a project) and `interp` (`FnCtx`, the
//!   interpreter of statements, assignments and expressions);
//! - knowledge: [`spec`] (sources, sinks and sanitizers as data, `models/python.toml`),
//!   `calls` (library models, project calls and summaries), `objects` (project class
//!   instances, `configparser`), `guards` (checks that make a value safe on a path,
//!   with `regex_guard` for regular expressions) and `sinks` (flows and verdicts).
//!
//! The interpreter, calls, objects, guards and sinks are `impl FnCtx` blocks in their own
//! modules: only `interp` recurses into expressions.

// Abstract values are named `a`, `b`, `t`, `v` in the lattice and interpreter code.
#![allow(clippy::many_single_char_names)]

mod calls;
mod engine;
mod forms;
mod guards;
mod interp;
mod objects;
mod regex_guard;
mod run;
mod sinks;
mod value;

pub mod ini;
pub mod spec;

pub use engine::{Engine, Flow, TaintResults, Verdict, in_dead_code};
pub use guards::ABORTS;
pub use spec::{Class, Spec};
pub use value::Step;
