//! Python source through the whole static pipeline, split on NUL bytes into the modules
//! of one package, so that imports between them are resolved (and a template beside them):
//! `app/__init__.py`, `app/views.py`, `app/util.py`, `app/templates/index.html`. A fifth
//! part and later ones go to the template.
#![no_main]

use std::sync::{LazyLock, Mutex};

use flaskguard_fuzz::{Scratch, check};
use libfuzzer_sys::fuzz_target;

const FILES: [&str; 4] = [
    "app/__init__.py",
    "app/views.py",
    "app/util.py",
    "app/templates/index.html",
];

static SCRATCH: LazyLock<Mutex<Scratch>> =
    LazyLock::new(|| Mutex::new(Scratch::new("python_multi")));

fuzz_target!(|data: &[u8]| {
    let mut parts: Vec<&[u8]> = data.splitn(FILES.len(), |b| *b == 0).collect();
    parts.resize(FILES.len(), b"");
    let files: Vec<(&str, &[u8])> = FILES.iter().copied().zip(parts).collect();
    let mut scratch = SCRATCH
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let root = scratch.project(&files);
    check(root);
});
