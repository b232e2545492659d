//! Jinja template text through the template scanner, then through the pipeline as
//! `templates/page.html` of an app that renders it (the template rules).
#![no_main]

use std::sync::{LazyLock, Mutex};

use flaskguard_flask::templates;
use flaskguard_fuzz::{Scratch, check};
use libfuzzer_sys::fuzz_target;

const APP: &str = r#"from flask import Flask, render_template, render_template_string, request
from markupsafe import Markup

app = Flask(__name__)


@app.route("/page")
def page():
    name = request.args.get("name", "")
    return render_template("page.html", name=name, html=Markup(name), items=[name])


@app.route("/inline")
def inline():
    return render_template_string(open("templates/page.html").read(), name=request.args["q"])
"#;

static SCRATCH: LazyLock<Mutex<Scratch>> = LazyLock::new(|| Mutex::new(Scratch::new("templates")));

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let scan = templates::scan(&text);
    // Every span lies inside the text.
    let spans = scan
        .exprs
        .iter()
        .map(|e| e.span)
        .chain(scan.autoescape_off.iter().copied())
        .chain(scan.inline_scripts.iter().copied())
        .chain(scan.inline_handlers.iter().copied());
    for span in spans {
        assert!(
            span.start <= span.end && span.end as usize <= text.len(),
            "{span:?} outside a text of {} bytes",
            text.len()
        );
    }
    let mut scratch = SCRATCH
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let root = scratch.project(&[("app.py", APP.as_bytes()), ("templates/page.html", data)]);
    check(root);
});
