//! What the end-to-end tests need from outside Rust, made on first use: the Python venv
//! that runs the test apps and Microsoft's SARIF Multitool. A test never passes without
//! them: when they cannot be made, it fails with the command that makes them.

#![allow(dead_code)] // each test binary uses its own part

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("workspace root")
        .to_path_buf()
}

/// Runs one of the repository's set-up scripts and returns the path it prints.
fn from_script(script: &str) -> PathBuf {
    let path = repo_root().join(script);
    let out = Command::new("bash")
        .arg(&path)
        .current_dir(repo_root())
        .output()
        .unwrap_or_else(|e| panic!("cannot run {script}: {e}"));
    assert!(
        out.status.success(),
        "{script} failed (run it by hand to see why; it needs python3/npm and the package registries):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = String::from_utf8_lossy(&out.stdout);
    let line = printed.lines().last().unwrap_or("").trim().to_string();
    let made = PathBuf::from(&line);
    assert!(
        made.exists(),
        "{script} printed {line:?}, which does not exist"
    );
    made
}

fn from_env_or_script(var: &str, script: &str) -> PathBuf {
    if let Some(p) = std::env::var_os(var) {
        return PathBuf::from(p);
    }
    from_script(script)
}

/// The Python that runs the test apps: `FLASKGUARD_TEST_PYTHON`, or `.ci/.venv` made by
/// `scripts/test-apps-venv.sh`.
pub fn python() -> PathBuf {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON
        .get_or_init(|| from_env_or_script("FLASKGUARD_TEST_PYTHON", "scripts/test-apps-venv.sh"))
        .clone()
}

/// Microsoft's SARIF Multitool: `SARIF_MULTITOOL`, or the one `scripts/sarif-multitool.sh`
/// installs.
pub fn sarif_multitool() -> PathBuf {
    static TOOL: OnceLock<PathBuf> = OnceLock::new();
    TOOL.get_or_init(|| from_env_or_script("SARIF_MULTITOOL", "scripts/sarif-multitool.sh"))
        .clone()
}
