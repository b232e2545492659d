//! Configuration text: split on NUL bytes into `pyproject.toml`, `.flaskenv`, `.env` and
//! `settings.ini`. The TOML goes through the command's configuration loader (as
//! `pyproject.toml` and as `flaskguard.toml`) and the library calls it makes with what it
//! read; then all four files, beside an app that reads them, go through the pipeline (the
//! env-file parser, the INI reader behind `configparser` values, the config rules).
#![no_main]

use std::str::FromStr as _;
use std::sync::{LazyLock, Mutex};

use flaskguard_fuzz::{Scratch, check};
use flaskguard_report::Severity;
use flaskguard_rules::policy::Selection;
use libfuzzer_sys::fuzz_target;

// The command's own loader; the binary crate has no library to link.
#[allow(dead_code)]
#[path = "../../crates/flaskguard/src/config.rs"]
mod config;

const FILES: [&str; 4] = ["pyproject.toml", ".flaskenv", ".env", "settings.ini"];

const APP: &str = r#"import configparser
import hashlib
import os

from flask import Flask, request

app = Flask(__name__)
app.config.from_prefixed_env()
app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY", "dev")
app.config["DEBUG"] = os.getenv("FLASK_DEBUG")
settings = configparser.ConfigParser()
settings.read("settings.ini")


@app.post("/digest")
def digest():
    algo = settings.get("crypto", "digest")
    resp = hashlib.new(algo, request.get_data()).hexdigest()
    secure = settings.getboolean("cookies", "secure")
    return {"digest": resp, "secure": secure}


if __name__ == "__main__":
    app.run(debug=settings.getboolean("DEFAULT", "debug"))
"#;

static SCRATCH: LazyLock<Mutex<Scratch>> = LazyLock::new(|| Mutex::new(Scratch::new("config")));

fuzz_target!(|data: &[u8]| {
    let mut parts: Vec<&[u8]> = data.splitn(FILES.len(), |b| *b == 0).collect();
    parts.resize(FILES.len(), b"");
    let mut files: Vec<(&str, &[u8])> = FILES.iter().copied().zip(parts).collect();
    files.push(("flaskguard.toml", files[0].1));
    files.push(("app.py", APP.as_bytes()));
    let mut scratch = SCRATCH
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let root = scratch.project(&files);
    for name in ["pyproject.toml", "flaskguard.toml"] {
        let Ok(loaded) = config::load(&root.join(name)) else {
            continue;
        };
        let file = loaded.config;
        let mut selection = Selection::default();
        for (pattern, codes) in file.per_file_ignores.iter().flatten() {
            let _ = selection.add_per_file_ignore(pattern, codes.clone());
        }
        for severity in file.severity.iter().flat_map(|s| s.values()) {
            let _ = Severity::from_str(severity);
        }
        if let Some(fail_on) = &file.fail_on {
            let _ = Severity::from_str(fail_on);
        }
    }
    // `flaskguard.toml` is not a project file: the pipeline sees the other four.
    check(root);
});
