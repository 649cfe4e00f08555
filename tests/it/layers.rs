//! The import graph reads as the pipeline (ARCHITECTURE.md): each module of src/ uses only
//! modules of lower layers, so the shared vocabulary stays at the bottom and no stage
//! reaches into a later one.

use std::path::Path;

/// Layers from the bottom up; a module may use its own and lower layers only.
const LAYERS: &[&[&str]] = &[
    &[
        "lang", "error", "fixed", "units", "level", "hash", "timing", "buckets", "text",
    ],
    &["frame", "schema", "warning", "number"],
    &["config", "catalogue"],
    &["ingest", "indicators"],
    &["validate", "figure"],
    &["aggregate"],
    &["chart"],
    &["report"],
    &["vintage"],
    &[
        "run",
        "history",
        "explain",
        "template",
        "catalogue_command",
        "init",
    ],
    &["cli"],
];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_module_uses_a_later_stage() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut wrong = Vec::new();
    for file in files {
        let relative = file.strip_prefix(&src).unwrap();
        let first = relative.components().next().unwrap().as_os_str();
        let module = first.to_string_lossy().trim_end_matches(".rs").to_string();
        if matches!(module.as_str(), "lib" | "main") {
            continue;
        }
        let own = layer(&module).unwrap_or_else(|| panic!("{module} has no layer in LAYERS"));
        let text = std::fs::read_to_string(&file).unwrap();
        for used in text.split("crate::").skip(1) {
            let name: String = used
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            match layer(&name) {
                Some(l) if l > own => wrong.push(format!("{} uses {name}", relative.display())),
                _ => {}
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
