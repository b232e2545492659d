//! The routes table of `flaskguard routes`: one row per route with the protections that
//! cover it, its static findings and (after a probe) its probe results.

use std::fmt::Write as _;

use crate::RouteEntry;

const HEADERS: [&str; 10] = [
    "METHODS",
    "RULE",
    "ENDPOINT",
    "HANDLER",
    "AUTH",
    "CSRF",
    "RATE LIMIT",
    "CORS",
    "FINDINGS",
    "PROBE",
];

/// `-` for an empty list, else its items joined by commas.
fn list(items: &[String]) -> String {
    if items.is_empty() {
        "-".to_string()
    } else {
        items.join(",")
    }
}

/// The routes as an aligned table, then a line counting them (and those without
/// authentication). The PROBE column only when some route has probe results.
pub fn routes_table(routes: &[RouteEntry]) -> String {
    let with_probe = routes.iter().any(|r| !r.probe.is_empty());
    let rows: Vec<[String; 10]> = routes
        .iter()
        .map(|r| {
            [
                r.methods.join(","),
                r.rule.clone(),
                r.endpoint.clone(),
                format!("{}:{}", r.location.path, r.location.start.line),
                list(&r.auth),
                r.csrf.clone(),
                list(&r.rate_limit),
                r.cors.clone(),
                list(&r.findings),
                list(&r.probe),
            ]
        })
        .collect();
    let mut widths = HEADERS.map(str::len);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let shown = if with_probe { 10 } else { 9 };
    let mut out = String::new();
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        let parts: Vec<String> = cells
            .take(shown)
            .zip(widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        out.push_str(parts.join("  ").trim_end());
        out.push('\n');
    };
    line(&mut HEADERS.iter().copied());
    for row in &rows {
        line(&mut row.iter().map(String::as_str));
    }
    let unauth = routes.iter().filter(|r| r.auth.is_empty()).count();
    let _ = write!(
        out,
        "\n{} routes, {} without authentication\n",
        routes.len(),
        unauth
    );
    out
}

#[cfg(test)]
mod tests {
    use super::routes_table;
    use crate::{Location, Position, RouteEntry};

    fn route(rule: &str, methods: &[&str], auth: &[&str], probe: &[&str]) -> RouteEntry {
        let strings = |v: &[&str]| v.iter().map(ToString::to_string).collect::<Vec<_>>();
        RouteEntry {
            rule: rule.to_string(),
            methods: strings(methods),
            endpoint: rule.trim_start_matches('/').to_string(),
            handler: "h".to_string(),
            location: Location {
                path: "app.py".to_string(),
                start: Position { line: 7, column: 1 },
                ..Location::default()
            },
            auth: strings(auth),
            csrf: "-".to_string(),
            cors: "-".to_string(),
            findings: strings(&["FG101", "FG203"]),
            probe: strings(probe),
            ..RouteEntry::default()
        }
    }

    #[test]
    fn columns_are_aligned_and_probe_shown_only_with_results() {
        let routes = [
            route("/search", &["GET"], &[], &[]),
            route("/admin", &["GET", "POST"], &["login_required"], &[]),
        ];
        assert_eq!(
            routes_table(&routes),
            "\
METHODS   RULE     ENDPOINT  HANDLER   AUTH            CSRF  RATE LIMIT  CORS  FINDINGS
GET       /search  search    app.py:7  -               -     -           -     FG101,FG203
GET,POST  /admin   admin     app.py:7  login_required  -     -           -     FG101,FG203

2 routes, 1 without authentication
"
        );
        let routes = [route("/search", &["GET"], &[], &["FG618", "FG620"])];
        let table = routes_table(&routes);
        let mut lines = table.lines();
        assert!(
            lines.next().unwrap().ends_with("FINDINGS     PROBE"),
            "{table}"
        );
        assert!(
            lines.next().unwrap().ends_with("FG101,FG203  FG618,FG620"),
            "{table}"
        );
    }
}
