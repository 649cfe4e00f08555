//! totals.xlsx (and revisions.xlsx) read back with calamine: the figures of totals.csv and
//! villages.csv, the report tables of totals.md, warnings, charts and revisions; identical
//! bytes for identical inputs; names that look like formulas stay text.

use std::collections::HashMap;

use calamine::{open_workbook, Data, Range, Reader, Xlsx};

use crate::workdir::{csv_rows, Workdir};

const PIPELINE: &str = "pipelines/zhulin-2019.toml";
const CURRENT: &str = "output/zhulin-2019/current";

type Book = Xlsx<std::io::BufReader<std::fs::File>>;

fn sample() -> (Workdir, Book) {
    let wd = Workdir::with(&["pipelines", "data"]);
    let out = wd.run(&["run", "-q", PIPELINE]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let book = open(&wd, CURRENT);
    (wd, book)
}

fn open(wd: &Workdir, run: &str) -> Book {
    open_workbook(wd.path(&format!("{run}/totals.xlsx"))).expect("totals.xlsx opens")
}

fn sheet(book: &mut Book, name: &str) -> Range<Data> {
    book.worksheet_range(name)
        .unwrap_or_else(|e| panic!("sheet {name}: {e}"))
}

fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        other => panic!("unexpected cell {other:?}"),
    }
}

/// A CSV number and the sheet's cell hold the same value: the double nearest the CSV's
/// decimal, stored as a number (never as text); an empty field is an empty cell.
fn same_number(csv: &str, cell: &Data, what: &str) {
    match cell {
        Data::Empty => assert_eq!(csv, "", "{what}: empty cell"),
        Data::Float(f) => assert_eq!(csv.parse::<f64>().ok(), Some(*f), "{what}"),
        Data::Int(i) => assert_eq!(csv.parse::<f64>().ok(), Some(*i as f64), "{what}"),
        other => panic!("{what}: {other:?} is not a number"),
    }
}

/// Every row of a CSV of figures against its sheet, row for row: the area, the codes and
/// every number.
fn figures_match(rows: &[HashMap<String, String>], range: &Range<Data>, area: [&str; 3]) {
    let header: Vec<String> = range.rows().next().unwrap().iter().map(text).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(range.height(), rows.len() + 1);
    let numbers = [
        ("value", "数值"),
        ("previous_value", "对比年数值"),
        ("change", "增减"),
        ("growth_pct", "增长（%）"),
        ("base_value", "基期数值"),
        ("growth_since_base_pct", "比基期增长（%）"),
        ("avg_annual_growth_pct", "年均增长（%）"),
    ];
    for (row, cells) in rows.iter().zip(range.rows().skip(1)) {
        let what = format!(
            "{} {} {} {}",
            row["year"], row[area[1]], row["indicator"], row["item"]
        );
        assert_eq!(
            cells[0],
            Data::Float(row["year"].parse().unwrap()),
            "{what}"
        );
        assert_eq!(text(&cells[2]), row[area[1]], "{what}");
        assert_eq!(text(&cells[3]), row[area[2]], "{what}");
        assert_eq!(text(&cells[col("指标代码")]), row["indicator"], "{what}");
        assert_eq!(text(&cells[col("项目代码")]), row["item"], "{what}");
        assert_eq!(text(&cells[col("单位")]), row["unit"], "{what}");
        for (csv, zh) in numbers {
            same_number(&row[csv], &cells[col(zh)], &format!("{what} {csv}"));
        }
    }
}

#[test]
fn every_figure_of_the_csv_files_is_in_the_workbook_as_a_number() {
    let (wd, mut book) = sample();
    assert_eq!(
        book.sheet_names(),
        ["乡镇", "全部指标", "各村", "警告", "图表"]
    );
    let totals = csv_rows(&wd.read(&format!("{CURRENT}/totals.csv")));
    let all = sheet(&mut book, "全部指标");
    figures_match(&totals, &all, ["level", "area_code", "area_name"]);
    let villages = csv_rows(&wd.read(&format!("{CURRENT}/villages.csv")));
    let by_village = sheet(&mut book, "各村");
    figures_match(
        &villages,
        &by_village,
        ["township_code", "village_code", "village_name"],
    );
    for (row, cells) in villages.iter().zip(by_village.rows().skip(1)) {
        assert_eq!(text(&cells[1]), row["township_code"]);
    }

    let warnings = csv_rows(&wd.read(&format!("{CURRENT}/warnings.csv")));
    let sheet_warnings = sheet(&mut book, "警告");
    assert_eq!(sheet_warnings.height(), warnings.len() + 1);
    for (row, cells) in warnings.iter().zip(sheet_warnings.rows().skip(1)) {
        assert_eq!(text(&cells[0]), row["check"]);
        assert_eq!(text(&cells[2]), row["village_code"]);
        assert_eq!(text(&cells[6]), row["message"]);
    }
}

#[test]
fn the_report_sheet_is_the_table_of_totals_md_with_the_numbers_of_totals_csv() {
    let (wd, mut book) = sample();
    let report = sheet(&mut book, "乡镇");
    let rows: Vec<Vec<String>> = report
        .rows()
        .map(|r| r.iter().map(text).collect())
        .collect();
    assert_eq!(rows[0][0], "竹林镇2019年农业统计汇总：乡镇2019年主要指标");
    assert_eq!(
        rows[1],
        [
            "地区代码",
            "地区",
            "指标",
            "单位",
            "2019年",
            "2018年",
            "比上年增减",
            "比上年增长（%）"
        ]
    );
    // The lines of totals.md's table, in its order.
    let md = wd.read(&format!("{CURRENT}/totals.md"));
    let md_lines: Vec<(String, String)> = md
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| 指标") && !l.starts_with("| --"))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            (cells[1].to_string(), cells[2].to_string())
        })
        .collect();
    let sheet_lines: Vec<(String, String)> = rows[2..]
        .iter()
        .take_while(|r| !r[0].is_empty())
        .map(|r| (r[2].trim().to_string(), r[3].clone()))
        .collect();
    assert_eq!(sheet_lines, md_lines);
    // Exact figures, shown to the report's precision by the cell format.
    let gov = report
        .rows()
        .find(|r| text(&r[2]) == "农林牧渔业总产值（现价，产品法）")
        .unwrap();
    assert_eq!(text(&gov[0]), "500000101");
    assert_eq!(gov[4], Data::Float(7565.0));
    assert_eq!(gov[5], Data::Float(6010.627));
    assert_eq!(gov[7], Data::Float(11.2756));
    assert!(rows.iter().any(|r| r[0] == "注："));
}

#[test]
fn the_charts_sheet_holds_the_rendered_pngs() {
    let (wd, book) = sample();
    let pictures = book.pictures().expect("pictures");
    let mut pngs: Vec<Vec<u8>> = wd
        .snapshot(&format!("{CURRENT}/charts"))
        .into_iter()
        .filter(|(path, _)| path.extension().is_some_and(|e| e == "png"))
        .map(|(_, bytes)| bytes)
        .collect();
    let mut found: Vec<Vec<u8>> = pictures
        .into_iter()
        .inspect(|(ext, _)| assert_eq!(ext, "png"))
        .map(|(_, bytes)| bytes)
        .collect();
    assert_eq!(pngs.len(), 7);
    pngs.sort();
    found.sort();
    assert_eq!(found, pngs);
}

#[test]
fn identical_inputs_give_a_byte_identical_workbook() {
    let a = Workdir::with(&["pipelines", "data"]);
    let b = Workdir::with(&["pipelines", "data"]);
    assert_eq!(a.run(&["run", "-q", PIPELINE]).code, 0);
    // A second later, in another folder: the run time and id differ, the workbook does not.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert_eq!(b.run(&["run", "-q", PIPELINE]).code, 0);
    let path = format!("{CURRENT}/totals.xlsx");
    let first = std::fs::read(a.path(&path)).unwrap();
    assert_eq!(first, std::fs::read(b.path(&path)).unwrap());
    // The manifest lists it with its hash, like every output.
    let manifest: serde_json::Value =
        serde_json::from_str(&a.read(&format!("{CURRENT}/manifest.json"))).unwrap();
    let listed = manifest["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["path"] == "totals.xlsx")
        .expect("totals.xlsx in the manifest");
    assert_eq!(listed["bytes"], first.len());
    // A rerun, which has a revision report: the same bytes again.
    assert_eq!(a.run(&["run", "-q", PIPELINE]).code, 0);
    assert_eq!(first, std::fs::read(a.path(&path)).unwrap());
}

#[test]
fn revisions_go_to_their_own_workbook() {
    let wd = Workdir::with(&["pipelines", "data"]);
    assert_eq!(wd.run(&["run", "-q", PIPELINE]).code, 0);
    assert!(!wd.path(&format!("{CURRENT}/revisions.xlsx")).exists());
    let first = std::fs::read(wd.path(&format!("{CURRENT}/totals.xlsx"))).unwrap();
    wd.edit(
        "data/zhulin/2019/crops.csv",
        "2019,001,杂交水稻,354,165490",
        "2019,001,杂交水稻,354,165590",
    );
    assert_eq!(wd.run(&["run", "-q", PIPELINE]).code, 0);
    let second = std::fs::read(wd.path(&format!("{CURRENT}/totals.xlsx"))).unwrap();
    assert_ne!(first, second, "the corrected figures");
    assert!(!open(&wd, CURRENT)
        .sheet_names()
        .contains(&"修订".to_string()));

    let path = wd.path(&format!("{CURRENT}/revisions.xlsx"));
    let mut book: Book = open_workbook(path).expect("revisions.xlsx opens");
    assert_eq!(book.sheet_names(), ["修订"]);
    let revisions = sheet(&mut book, "修订");
    let csv = csv_rows(&wd.read(&format!("{CURRENT}/revisions.csv")));
    assert_eq!(revisions.height(), csv.len() + 1);
    for (row, cells) in csv.iter().zip(revisions.rows().skip(1)) {
        assert_eq!(text(&cells[0]), row["kind"]);
        assert_eq!(text(&cells[7]), row["field"]);
        same_number(&row["change_pct"], &cells[12], "change_pct");
    }
    let gov = revisions
        .rows()
        .find(|r| text(&r[0]) == "total_changed" && text(&r[7]) == "gross_output_value")
        .expect("the gross output value's revision");
    assert_eq!(gov[9], Data::Float(7565.0));
    assert_eq!(gov[10], Data::Float(7565.026));
    let row = revisions
        .rows()
        .find(|r| text(&r[0]) == "row_changed")
        .unwrap();
    assert_eq!(row[9], Data::String("165490".into()));
}

#[test]
fn codes_that_look_like_formulas_stay_text() {
    // Names beginning like a formula are refused at their cell; codes are identifiers and
    // may (`hostile::formula_like_codes_are_written_inert`).
    let wd = Workdir::mini();
    wd.recode_mini("=1+2", "+86");
    let out = wd.run(&["run", "-q", "tests/data/mini/mini.toml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut book = open(&wd, "tests/data/mini/out/current");
    let villages = sheet(&mut book, "各村");
    let cells: Vec<&Data> = villages.rows().skip(1).flat_map(|r| r.iter()).collect();
    assert!(cells.contains(&&Data::String("=1+2".to_string())));
    let report = sheet(&mut book, "乡镇");
    let cells: Vec<&Data> = report.rows().flat_map(|r| r.iter()).collect();
    assert!(cells.contains(&&Data::String("+86".to_string())));
    for name in book.sheet_names() {
        let formulas = book.worksheet_formula(&name).unwrap();
        assert!(
            formulas.used_cells().next().is_none(),
            "{name} has formulas"
        );
    }
}

#[test]
fn the_pipeline_can_turn_the_workbook_off() {
    let wd = Workdir::mini();
    let pipeline = "tests/data/mini/mini.toml";
    wd.write(pipeline, wd.read(pipeline) + "\n[outputs]\nxlsx = false\n");
    let out = wd.run(&["run", "-q", pipeline]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(wd.path("tests/data/mini/out/current/totals.csv").exists());
    assert!(!wd.path("tests/data/mini/out/current/totals.xlsx").exists());
}
