//! What the fuzz targets share: a scratch project directory, and the static pipeline as
//! `flaskguard check` runs it (discovery, parsing, index, Flask model, taint, rules,
//! report), ending in every output format.

use std::path::{Path, PathBuf};
use std::sync::Once;

use flaskguard_index::{DiscoverOptions, Project};
use flaskguard_report::baseline::Baseline;
use flaskguard_report::emit::{OutputFormat, TextOptions, render};
use flaskguard_report::{Report, exit_status};
use flaskguard_rules::{AnalysisOptions, analyze};

/// Sets up the thread pool as the command does (same stacks), with one worker: the
/// fuzzer runs on one core.
pub fn init() {
    static INIT: Once = Once::new();
    INIT.call_once(|| {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .stack_size(flaskguard_rules::WORKER_STACK_BYTES)
            .build_global();
    });
}

/// A project directory that each run rewrites: the files of the previous run that the
/// current one does not name are removed.
pub struct Scratch {
    root: PathBuf,
    written: Vec<PathBuf>,
}

impl Scratch {
    /// A directory under `$TMPDIR` for this target and process.
    pub fn new(target: &str) -> Self {
        let root =
            std::env::temp_dir().join(format!("flaskguard-fuzz-{target}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).expect("cannot create the scratch directory");
        Scratch {
            root,
            written: Vec::new(),
        }
    }

    /// Writes `files` (relative path, contents) and returns the project root.
    pub fn project(&mut self, files: &[(&str, &[u8])]) -> &Path {
        let wanted: Vec<PathBuf> = files.iter().map(|(p, _)| self.root.join(p)).collect();
        for old in &self.written {
            if !wanted.contains(old) {
                let _ = std::fs::remove_file(old);
            }
        }
        for (path, (_, contents)) in wanted.iter().zip(files) {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).expect("cannot create a scratch folder");
            }
            std::fs::write(path, contents).expect("cannot write a scratch file");
        }
        self.written = wanted;
        &self.root
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// Scans `root` as `flaskguard check` does and renders the report in every format.
/// Panics when an output cannot be read back: the JSON report must parse back into the
/// same `Report`, and SARIF and the baseline must be JSON.
pub fn check(root: &Path) -> Report {
    init();
    // The command runs its analysis on a thread with `ANALYSIS_STACK_BYTES` of stack: so does this,
    // so that what the fuzzer finds is what users would hit, and a panic there is re-raised
    // here for libFuzzer to record.
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .stack_size(flaskguard_rules::ANALYSIS_STACK_BYTES)
            .spawn_scoped(scope, || check_on_this_thread(root))
            .expect("cannot start the analysis thread");
        worker
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}

fn check_on_this_thread(root: &Path) -> Report {
    let project = Project::load(&[root.to_path_buf()], &DiscoverOptions::default());
    let analysis = analyze(&project, &AnalysisOptions::default());
    let mut report = Report::new("0.0.0-fuzz");
    report.targets = vec![root.display().to_string()];
    // The metadata of the rules that reported: the others' docs are the same every run,
    // and rendering them would take most of a run's time.
    report.rules = analysis
        .rules
        .into_iter()
        .filter(|r| analysis.findings.iter().any(|f| f.code == r.code))
        .collect();
    report.routes = analysis.routes;
    report.findings = analysis.findings;
    report.errors = analysis.errors;
    report.stats.python_files = project.modules.len();
    report.stats.files = project.modules.len() + project.texts.len();
    report.stats.lines = project.lines;
    drop(project);
    report.finish();
    let _ = exit_status(&report, None);
    check_outputs(&report);
    report
}

/// Renders `report` in every format and checks that the machine-readable ones read back.
pub fn check_outputs(report: &Report) {
    let json = render(report, OutputFormat::Json, TextOptions::default());
    let back: Report = serde_json::from_str(&json).expect("the JSON report does not parse back");
    assert_eq!(&back, report, "the JSON report does not round-trip");
    let sarif = render(report, OutputFormat::Sarif, TextOptions::default());
    let sarif: serde_json::Value = serde_json::from_str(&sarif).expect("SARIF is not JSON");
    assert!(sarif.get("runs").is_some(), "SARIF without runs");
    for color in [false, true] {
        let _ = render(
            report,
            OutputFormat::Text,
            TextOptions {
                color,
                show_suppressed: true,
            },
        );
    }
    let _ = render(report, OutputFormat::Junit, TextOptions::default());
    let _ = render(report, OutputFormat::Github, TextOptions::default());
    let baseline = Baseline::from_report(report).to_json();
    let baseline = Baseline::parse(&baseline).expect("the baseline does not parse back");
    let mut copy = report.clone();
    baseline.apply(&mut copy);
    assert_eq!(
        copy.active_findings().count(),
        0,
        "a baseline of a report does not accept all of its findings"
    );
}
