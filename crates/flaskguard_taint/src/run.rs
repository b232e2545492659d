//! Running the engine over a project: every function of the modules that read request
//! data, each module's top-level code, route parameters and response bodies, and the
//! second pass for request data stored in the session.

use std::sync::{Arc, Mutex};

use rustc_hash::{FxHashMap, FxHashSet};

use flaskguard_index::ir::{FuncIdx, ScopeRef};
use flaskguard_index::{ModuleId, Span};
use flaskguard_report::surface::ConverterKind;

use crate::engine::{Engine, Flow, Summary, TaintResults, Verdict, in_dead_code};
use crate::interp::FnCtx;
use crate::spec::Class;
use crate::value::{
    BROWSER_HEADER, NAMED_COMPONENT, ONE_SEGMENT, Origin, REFERRER, Step, VIA_UNSEEN,
};

impl Engine<'_, '_> {
    /// Analyses every function of the modules that use Flask; returns all flows.
    pub fn run(&self) -> TaintResults {
        let (results, keys) = self.run_once();
        if keys.is_empty() || !self.tainted_session_keys.is_empty() {
            return results;
        }
        // Second order: request data stored in the session comes back on later requests.
        let mut again = Engine::new(self.index, self.model, self.spec, self.texts);
        again.tainted_session_keys = keys;
        again.run_once().0
    }

    fn run_once(&self) -> (TaintResults, FxHashSet<String>) {
        // Which modules may read request data. (No rayon here: the engine runs beside the
        // rules, and a thread that waits in a rayon call may pick up a rule that waits for
        // the engine.)
        let readers: Vec<bool> = self
            .index
            .modules
            .iter()
            .map(|m| self.reads_requests(m.id))
            .collect();
        let targets: Vec<(ModuleId, FuncIdx)> = self
            .index
            .modules
            .iter()
            .filter(|m| readers[m.id.0 as usize])
            .flat_map(|m| (0..m.functions.len()).map(move |i| (m.id, FuncIdx(i as u32))))
            .chain(self.routes.keys().copied())
            .collect::<FxHashSet<_>>()
            .into_iter()
            .collect();
        let mut targets = targets;
        targets.sort_unstable();
        let verdicts: Mutex<FxHashMap<(ModuleId, u32, u32, Class), Verdict>> =
            Mutex::new(FxHashMap::default());
        let add_verdicts = |list: &[(ModuleId, Span, Class, Verdict)]| {
            let mut map = verdicts.lock().expect("verdicts lock");
            for &(m, span, class, v) in list {
                let slot = map.entry((m, span.start, span.end, class)).or_insert(v);
                *slot = (*slot).max(v);
            }
        };
        let dead: Mutex<Vec<(ModuleId, Span)>> = Mutex::new(Vec::new());
        let keys: Mutex<FxHashSet<String>> = Mutex::new(FxHashSet::default());
        // One function after another, in a fixed order: a summary is computed once and
        // reused, and what it is depends on the call chain it was first computed on (a
        // recursive call, or one past the depth limit, is cut there). Computed on several
        // threads, the first chain to arrive would win, and the same project could give
        // different findings from run to run.
        let mut flows: Vec<Flow> = targets
            .iter()
            .flat_map(|&f| {
                let summary = self.summary(f, 0);
                add_verdicts(&summary.verdicts);
                keys.lock()
                    .expect("session keys lock")
                    .extend(summary.session_keys.iter().cloned());
                dead.lock()
                    .expect("dead code lock")
                    .extend(summary.dead_code.iter().copied());
                // A route handler's parameters are the URL's: strings are request data,
                // converters of a fixed form (`int`, `uuid`, `any(...)`) pass nothing else.
                if let Some(kinds) = self.route_param_kinds.get(&f) {
                    let def = &self.index.module(f.0).functions[f.1.0 as usize];
                    let resolved: Vec<(ModuleId, Span, Class, Verdict)> = summary
                        .param_verdicts
                        .iter()
                        .filter_map(|&(p, m, span, class)| {
                            let name = def.params.get(p as usize)?.name.as_str();
                            // (Or a converter of the app's own whose values are safe
                            // for this sink.)
                            let typed =
                                kinds.iter().find(|(n, ..)| n == name)?.2 & class.bit() != 0;
                            Some((
                                m,
                                span,
                                class,
                                if typed {
                                    Verdict::Sanitized
                                } else {
                                    Verdict::Tainted
                                },
                            ))
                        })
                        .collect();
                    add_verdicts(&resolved);
                }
                let mut out = summary.flows.clone();
                // Route parameters are request data.
                if let Some(names) = self.routes.get(&f) {
                    out.extend(self.route_param_flows(f, names, &summary));
                }
                out
            })
            .collect();
        // Module-level code runs too (scripts, app setup reading nothing, usually).
        let module_flows: Vec<Flow> = self
            .index
            .modules
            .iter()
            .filter(|m| readers[m.id.0 as usize])
            .flat_map(|m| {
                let mut fx = FnCtx::new(self, m.id, ScopeRef::Module, 0);
                fx.block(&m.body);
                add_verdicts(&fx.found.verdicts);
                dead.lock()
                    .expect("dead code lock")
                    .extend(fx.found.dead_code.iter().copied());
                fx.found.flows
            })
            .collect();
        flows.extend(module_flows);
        let mut seen = FxHashSet::default();
        flows.retain(|f| {
            seen.insert((
                f.class,
                f.sink.module,
                f.sink.span,
                f.source.span,
                f.source.module,
            ))
        });
        flows.sort_by(|a, b| {
            (a.sink.module, a.sink.span, a.class).cmp(&(b.sink.module, b.sink.span, b.class))
        });
        let mut dead_code = dead.into_inner().expect("dead code lock");
        dead_code.sort_unstable();
        dead_code.dedup();
        // Flows whose sink never runs are no flows.
        flows.retain(|f| !in_dead_code(&dead_code, f.sink.module, f.sink.span));
        (
            TaintResults {
                flows,
                verdicts: verdicts.into_inner().expect("verdicts lock"),
                dead_code,
            },
            keys.into_inner().expect("session keys lock"),
        )
    }

    fn route_param_flows(
        &self,
        (module, func): (ModuleId, FuncIdx),
        names: &[String],
        summary: &Summary,
    ) -> Vec<Flow> {
        let def = &self.index.module(module).functions[func.0 as usize];
        let mut out = Vec::new();
        let source_of = |pi: u16| -> Option<Arc<Step>> {
            let p = def.params.get(pi as usize)?;
            names.iter().any(|n| *n == p.name.as_str()).then(|| {
                Arc::new(Step {
                    module,
                    span: p.span,
                    message: format!("URL parameter `{}`", p.name),
                })
            })
        };
        let kinds = self.route_param_kinds.get(&(module, func));
        // What the URL variable a parameter receives lets through.
        let param_kind = |pi: u16| {
            let p = def.params.get(pi as usize)?;
            kinds?.iter().find(|(n, ..)| n == p.name.as_str())
        };
        let segment_param =
            |pi: u16| param_kind(pi).is_some_and(|(_, k, _)| *k == ConverterKind::Segment);
        let safe_param = |pi: u16, class: Class| {
            param_kind(pi).is_some_and(|(.., safe)| safe & class.bit() != 0)
        };
        for ps in &summary.param_sinks {
            // URL parameters are request data: weak randomness (`Secret`) is not theirs.
            if ps.class == Class::Secret {
                continue;
            }
            // A converter whose values are safe for this sink (`<slug:name>` for HTML).
            if safe_param(ps.param, ps.class) {
                continue;
            }
            // `f"{name}.json"` from a URL variable without `/`: an entry of the directory.
            if ps.class == Class::Path
                && ps.marks & NAMED_COMPONENT != 0
                && (ps.marks & ONE_SEGMENT != 0 || segment_param(ps.param))
            {
                continue;
            }
            if let Some(source) = source_of(ps.param) {
                out.push(Flow {
                    class: ps.class,
                    source,
                    steps: ps.steps.clone(),
                    sink: ps.sink.clone(),
                    via_unseen: ps.marks & VIA_UNSEEN != 0,
                    // (A URL variable of the `string` converter holds no `/`.)
                    one_segment: !ps.directory
                        && (ps.marks & ONE_SEGMENT != 0 || segment_param(ps.param)),
                    referrer: ps.marks & REFERRER != 0,
                    browser_header: ps.marks & BROWSER_HEADER != 0,
                });
            }
        }
        // A route's return value is the response body (a REST resource's is serialised
        // as JSON by the API).
        let json = self.json_views.contains(&(module, func));
        for (span, value) in summary.return_sites.iter().filter(|_| !json) {
            let Some(t) = value.taint() else { continue };
            if t.is_safe_for(Class::Xss) {
                continue;
            }
            for (o, mask) in &t.origins {
                if mask & Class::Xss.bit() != 0 {
                    continue;
                }
                let source = match o {
                    Origin::Source(s) => Some(s.clone()),
                    Origin::Param(p) if !safe_param(*p, Class::Xss) => source_of(*p),
                    Origin::Param(_) | Origin::Random(_) => None,
                };
                if let Some(source) = source {
                    out.push(Flow {
                        class: Class::Xss,
                        source,
                        steps: t.steps.to_vec(),
                        sink: Step {
                            module,
                            span: *span,
                            message: "returned as the HTML response body".to_string(),
                        },
                        via_unseen: mask & VIA_UNSEEN != 0,
                        one_segment: false,
                        referrer: mask & REFERRER != 0,
                        browser_header: mask & BROWSER_HEADER != 0,
                    });
                }
            }
        }
        out
    }
}
