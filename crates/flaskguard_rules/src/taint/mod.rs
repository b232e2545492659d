//! The taint engine (the `flaskguard_taint` crate) as the rules see it, and the adapter
//! that reports its flows as findings.

pub use flaskguard_taint::{Class, Engine, Flow, Spec, TaintResults, Verdict, in_dead_code};

use crate::reporter::Target;
use crate::{Context, Reporter};

/// Reports every flow of `class` (the engine runs once per analysis, shared by the rules).
pub(crate) fn report_class(ctx: &Context<'_, '_>, out: &mut Reporter, class: Class) {
    report_class_graded(ctx, out, class, &|_| None);
}

/// [`report_class`], with a severity other than the rule's for the flows `grade` picks.
pub(crate) fn report_class_graded(
    ctx: &Context<'_, '_>,
    out: &mut Reporter,
    class: Class,
    grade: &dyn Fn(&Flow) -> Option<flaskguard_report::Severity>,
) {
    for flow in ctx.flows().iter().filter(|f| f.class == class) {
        let source_text = flow.source.message.clone();
        let sink_text = flow.sink.message.trim_start_matches("reaches ").to_string();
        let finding = out.report(
            Target::Module(flow.sink.module, flow.sink.span),
            format!(
                "{source_text} {sink_text}",
                source_text = capitalise(&source_text),
                sink_text = if flow.sink.message.starts_with("reaches") {
                    format!("reaches {sink_text}")
                } else {
                    sink_text
                }
            ),
        );
        // A flow through code flaskguard cannot see is a guess, a path from one segment
        // reaches no further than the parent directory, a redirect to the page the
        // browser came from sends the user back there, and a header the browser writes
        // itself, echoed into the page, reaches only its sender: low, unless the rule
        // grades it lower still.
        let limited = flow.via_unseen
            || (flow.one_segment && flow.class == Class::Path)
            || (flow.referrer && flow.class == Class::Redirect)
            || (flow.browser_header && flow.class == Class::Xss);
        let severity = match (grade(flow), limited) {
            (Some(s), true) => Some(s.min(flaskguard_report::Severity::Low)),
            (None, true) => Some(flaskguard_report::Severity::Low),
            (s, false) => s,
        };
        if let Some(severity) = severity {
            finding.severity(severity);
        }
        finding.step(
            Target::Module(flow.source.module, flow.source.span),
            format!("source: {}", flow.source.message),
        );
        for s in &flow.steps {
            finding.step(Target::Module(s.module, s.span), s.message.clone());
        }
        finding.step(
            Target::Module(flow.sink.module, flow.sink.span),
            format!("sink: {}", flow.sink.message),
        );
        if flow.browser_header && flow.class == Class::Xss {
            finding.step(
                Target::Module(flow.sink.module, flow.sink.span),
                "the request data is a header the visitor's browser writes itself: an attacker's page cannot choose it for someone else's request".to_string(),
            );
        }
        if flow.referrer && flow.class == Class::Redirect {
            finding.step(
                Target::Module(flow.sink.module, flow.sink.span),
                "the target is the page the browser came from (`Referer`): an attacker's page can only send the user back to itself".to_string(),
            );
        }
        if flow.one_segment && flow.class == Class::Path {
            finding.step(
                Target::Module(flow.sink.module, flow.sink.span),
                "the request data holds no `/`: it names an entry of the directory it is joined to, or its parent (`..`)".to_string(),
            );
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}
