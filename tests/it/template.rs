//! `agristat template`: a workbook per village, identical bytes for identical inputs; each
//! village's 2019 rows of the sample typed into its template (as a village would) read back
//! through a pipeline of workbooks and give the CSV sample's totals without a problem.

use std::collections::HashMap;

use agristat::schema::FieldKind;
use agristat::template::{self, Templates};

use crate::workdir::{csv_rows, Workdir};

/// The sample pipeline for 2019 alone (templates are for one year).
fn pipeline_2019(wd: &Workdir) -> String {
    let text = wd
        .read("pipelines/zhulin-2019.toml")
        .replace("previous_year = 2018\n", "")
        .replace("{year}", "2019")
        .replace("../output/zhulin-2019", "../output/csv-2019");
    wd.write("pipelines/csv-2019.toml", &text);
    text
}

/// The rows of an input's 2019 CSV file.
fn rows(wd: &Workdir, path: &std::path::Path) -> Vec<HashMap<String, String>> {
    let text = std::fs::read_to_string(wd.path(&path.display().to_string())).unwrap();
    csv_rows(text.trim_start_matches('\u{feff}'))
}

#[test]
fn templates_are_written_per_village_with_identical_bytes() {
    let wd = Workdir::with(&["pipelines", "data"]);
    let pipeline = "pipelines/zhulin-2019.toml";
    let out = wd.run(&["template", pipeline, "--out", "templates"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout.lines().count(), 17, "{}", out.stdout);
    let one = wd.run(&["template", pipeline, "--village", "002", "--out", "again"]);
    assert_eq!(one.stdout.trim(), "again/002_青杠村.xlsx");
    assert!(
        std::fs::read(wd.path("templates/002_青杠村.xlsx")).unwrap()
            == std::fs::read(wd.path("again/002_青杠村.xlsx")).unwrap()
    );
    let unknown = wd.run(&["template", pipeline, "--village", "0002"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("did you mean \"002\"?"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn a_template_filled_in_reads_back_and_aggregates_without_problems() {
    let wd = Workdir::with(&["pipelines", "data"]);
    let csv_pipeline = pipeline_2019(&wd);
    let templates = Templates::load(&wd.path("pipelines/csv-2019.toml")).unwrap();
    assert_eq!(templates.villages.len(), 17);
    let mut filled = csv_pipeline.replace("../output/csv-2019", "../output/filled-2019");
    for kind in templates.plan.inputs.keys() {
        if let Some(sheet) = template::sheet_name(*kind) {
            filled = filled.replace(
                &format!("path = \"../data/zhulin/2019/{}.csv\"", kind.name()),
                &format!("path = \"../filled/*.xlsx\"\nsheet = \"{sheet}\""),
            );
        }
    }
    wd.write("pipelines/filled-2019.toml", &filled);

    for village in &templates.villages {
        let mut book = templates.workbook(village).unwrap();
        for (kind, input) in &templates.plan.inputs {
            let Some(sheet) = template::sheet_name(*kind) else {
                continue;
            };
            let ws = book.worksheet_from_name(sheet).unwrap();
            let columns = template::columns(input);
            let mine = rows(&wd, &input.files[0])
                .into_iter()
                .filter(|r| r[input.header("village_code")] == village.code);
            for (r, row) in mine.enumerate() {
                for (c, (field, header)) in columns.iter().enumerate() {
                    let value = &row[*header];
                    let (r, c) = (2 + r as u32, c as u16);
                    match kind.fields()[*field].kind {
                        _ if value.is_empty() => {}
                        FieldKind::Year | FieldKind::Number(_) => {
                            ws.write_number(r, c, value.parse::<f64>().unwrap())
                                .unwrap();
                        }
                        _ => {
                            ws.write_string(r, c, value).unwrap();
                        }
                    }
                }
            }
        }
        let path = wd.path(&format!("filled/{}", template::file_name(village)));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        agristat::report::xlsx::save(book, "filled", &path).unwrap();
    }

    for pipeline in ["pipelines/csv-2019.toml", "pipelines/filled-2019.toml"] {
        let out = wd.run(&["run", "-q", pipeline]);
        assert_eq!(out.code, 0, "{pipeline}: {}", out.stderr);
    }
    let totals = |p: &str| wd.read(&format!("output/{p}/current/totals.csv"));
    assert!(totals("csv-2019") == totals("filled-2019"));
    assert!(!totals("filled-2019").is_empty());
}
