//! Python source bytes through the whole static pipeline: one file, `app.py`, scanned as
//! `flaskguard check` scans a directory, the report rendered in every format.
#![no_main]

use std::sync::{LazyLock, Mutex};

use flaskguard_fuzz::{Scratch, check};
use libfuzzer_sys::fuzz_target;

static SCRATCH: LazyLock<Mutex<Scratch>> =
    LazyLock::new(|| Mutex::new(Scratch::new("python_pipeline")));

fuzz_target!(|data: &[u8]| {
    let mut scratch = SCRATCH
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let root = scratch.project(&[("app.py", data)]);
    check(root);
});
