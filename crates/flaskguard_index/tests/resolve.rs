//! Name resolution across modules: import cycles and imports of a module's own names end
//! (found by fuzzing: each once made a two-file project take minutes or forever), and
//! chasing into project modules still resolves what it did.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use flaskguard_index::{DiscoverOptions, Index, Project};

fn write(root: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

/// The resolved callees of every call in the project, sorted. Fails when resolution takes
/// more than 30 seconds.
fn callees(files: &[(&str, &str)]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), files);
    let root = dir.path().to_path_buf();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let project = Project::load(&[root], &DiscoverOptions::default());
        let index = Index::build(&project.modules);
        let mut out: Vec<String> = index
            .calls()
            .filter_map(|c| c.callee.as_ref().map(|r| r.qual.to_string()))
            .collect();
        out.sort();
        let _ = tx.send(out);
    });
    rx.recv_timeout(Duration::from_secs(30))
        .expect("name resolution did not finish within 30 seconds")
}

#[test]
fn package_importing_its_own_missing_submodule() {
    let found = callees(&[(
        "app/__init__.py",
        "from .profiles import profiles\napp.register_blueprint(profiles)\nprofiles.load()\n",
    )]);
    assert!(
        found.contains(&"app.profiles.profiles.load".to_string()),
        "{found:?}"
    );
}

#[test]
fn attribute_chain_through_an_import_cycle() {
    let chain: Vec<String> = (0..14).map(|i| format!("a{i}")).collect();
    let a = format!("from pkg.b import x\nx.{}()\n", chain.join("."));
    let found = callees(&[
        ("pkg/__init__.py", ""),
        ("pkg/a.py", &a),
        ("pkg/b.py", "from pkg.a import x\n"),
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].ends_with(&chain.join(".")), "{found:?}");
}

#[test]
fn module_attributes_still_resolve_into_the_project() {
    let found = callees(&[
        ("pkg/__init__.py", ""),
        (
            "pkg/tools.py",
            "class Runner:\n    def go(self):\n        pass\n\n\ndef helper():\n    pass\n",
        ),
        (
            "pkg/app.py",
            "import pkg.tools\nimport pkg.tools as t\nfrom pkg import tools\n\nt.helper()\ntools.Runner.go()\npkg.tools.helper()\n",
        ),
    ]);
    assert_eq!(
        found,
        [
            "pkg.tools.Runner.go",
            "pkg.tools.helper",
            "pkg.tools.helper"
        ],
    );
}

/// `calls_to` (the by-callee map) finds exactly the calls a scan of every call finds, in
/// module and source order.
#[test]
fn calls_to_agrees_with_a_scan_of_all_calls() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            (
                "app.py",
                "import os\nfrom flask import Flask\napp = Flask(__name__)\nos.system('a')\n\
                 def f(x):\n    os.system(x)\n    return os.path.join(x, 'y')\napp.run(debug=True)\n",
            ),
            (
                "helpers.py",
                "from os import system as run\nrun('b')\nimport os.path\nos.path.join('a')\n",
            ),
        ],
    );
    let project = Project::load(&[dir.path().to_path_buf()], &DiscoverOptions::default());
    let index = Index::build(&project.modules);
    let mut names: Vec<String> = index
        .calls()
        .filter_map(|c| c.callee.as_ref().map(|r| r.qual.to_string()))
        .collect();
    names.sort();
    names.dedup();
    assert!(names.contains(&"os.system".to_string()), "{names:?}");
    assert!(
        names.contains(&"flask.Flask().run".to_string()),
        "{names:?}"
    );
    for name in names.iter().map(String::as_str).chain(["os.nothing", ""]) {
        let scanned: Vec<_> = index
            .calls()
            .filter(|c| c.callee.as_ref().is_some_and(|r| r.qual == name))
            .map(|c| (c.module, c.expr.span))
            .collect();
        let mapped: Vec<_> = index
            .calls_to(name)
            .map(|c| (c.module, c.expr.span))
            .collect();
        assert_eq!(scanned, mapped, "{name}");
    }
    assert_eq!(index.calls_to("os.system").count(), 3);
    assert_eq!(
        index.calls_to_any(&["os.system", "os.path.join"]).count(),
        5
    );
}

/// Found by fuzzing: values that name each other several times (here 16^6 paths; a parser's
/// recovery from broken code made such shapes) took time exponential in the evaluation
/// depth. An evaluation now visits a bounded number of expressions; constants still fold.
#[test]
fn evaluation_of_values_naming_each_other_ends() {
    use flaskguard_index::ir::{ScopeRef, StmtKind};
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[(
            "app.py",
            "a = [b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b]\nb = [a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a]\nx = a\ny = [1, 'two']\nz = y\n",
        )],
    );
    let root = dir.path().to_path_buf();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let project = Project::load(&[root], &DiscoverOptions::default());
        let index = Index::build(&project.modules);
        let module = &project.modules[0];
        let values: Vec<String> = module
            .body
            .iter()
            .filter_map(|s| match &s.kind {
                StmtKind::Assign { value, .. } => Some(format!(
                    "{:?}",
                    index.eval(module.id, ScopeRef::Module, value)
                )),
                _ => None,
            })
            .collect();
        let _ = tx.send(values);
    });
    let values = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("evaluation did not finish within 30 seconds");
    assert_eq!(values.len(), 5);
    assert_eq!(values[4], values[3], "`z = y` folds to y's constant list");
    assert!(values[4].contains("two"), "{}", values[4]);
}

#[test]
fn function_named_like_its_module() {
    // `from pkg.check import check`: the function, not the module.
    let found = callees(&[
        ("pkg/__init__.py", ""),
        ("pkg/check.py", "def check(x):\n    return x\n"),
        (
            "pkg/app.py",
            "from pkg.check import check as _check\n\ndef f(y):\n    return _check(y)\n",
        ),
    ]);
    assert!(found.contains(&"pkg.check.check".to_string()), "{found:?}");
}
