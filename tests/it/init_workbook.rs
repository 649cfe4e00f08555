//! `agristat init` on workbooks: the sample as villages send it (data/zhulin-xlsx, one sheet
//! per village in 竹林镇村报表.xlsx, titles, unit lines, merged two-row headers, 合计 rows),
//! and a workbook whose sheet has a header init does not know.

use crate::init::{init, same_figures_as_the_sample};
use crate::workdir::Workdir;

#[test]
fn init_on_the_sample_workbooks_gives_the_samples_totals() {
    // The folder is complete as it is: its registry and prices are workbooks too.
    let wd = Workdir::with(&[
        "data/zhulin-xlsx",
        "data/zhulin",
        "data/catalogue",
        "pipelines",
    ]);
    let report = init(&wd, "data/zhulin-xlsx");
    assert!(
        report.contains(
            "not read (no tables): make.py, 2018/竹林镇村报表.xlsx[填表说明], 2019/竹林镇村报表.xlsx[填表说明]\n"
        ),
        "{report}"
    );
    assert!(report.ends_with("every column is mapped; check the file, then: agristat run data/zhulin-xlsx/pipeline.toml\n"), "{report}");
    let pipeline = wd.read("data/zhulin-xlsx/pipeline.toml");
    for line in [
        "path = \"{year}/竹林镇村报表.xlsx\"",
        "sheet = \"*村\"   # 名称符合这个模式的工作表（2 个工作簿共 34 个）表头相同，合为一张表读取",
        "ignore_columns = [\"播种面积/公顷\"]   # 换算出的列",
        "sown_area = \"播种面积/亩\"",
        "output = \"公斤\"   # 表头「产量/公斤」写明",
        "sheet = \"村基本情况\"",
        "amount = \"元\"   # 表格上方的单位行写明",
        "# 2019/竹林镇村报表.xlsx 中以下工作表没有报表，未读取：填表说明",
    ] {
        assert!(pipeline.contains(line), "{line}\n{pipeline}");
    }
    // Every header is found by the reader itself: no header_row.
    assert!(!pipeline.contains("header_row"), "{pipeline}");
    for pipeline in [
        "data/zhulin-xlsx/pipeline.toml",
        "pipelines/zhulin-2019.toml",
    ] {
        let out = wd.run(&["run", "-q", pipeline]);
        assert_eq!(out.code, 0, "{pipeline}: {}", out.stderr);
    }
    // As for the CSV sample: the same figures, villages and warnings.
    same_figures_as_the_sample(&wd, "data/zhulin-xlsx/agristat-output");
}

/// tests/fixtures/init/unknown's crops.csv as a workbook: a title, a unit line, the header
/// (with the unknown 亩产(公斤)) and the rows, numbers as numbers, in sheet 作物.
fn crops_workbook(csv: &str) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("作物").unwrap();
    sheet.write(0, 0, "2021年农作物播种面积和产量").unwrap();
    sheet.write(1, 4, "单位：公斤").unwrap();
    for (r, line) in csv.lines().enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            let (r, c) = (r as u32 + 2, c as u16);
            match cell.parse::<f64>() {
                Ok(n) if c != 1 => sheet.write(r, c, n).unwrap(),
                _ => sheet.write(r, c, cell).unwrap(),
            };
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn a_sheet_with_an_unknown_header_is_listed_and_refused_until_it_is_mapped() {
    let wd = Workdir::with(&["tests/fixtures/init/unknown"]);
    let folder = "tests/fixtures/init/unknown";
    let csv = wd.read(&format!("{folder}/crops.csv"));
    std::fs::remove_file(wd.path(&format!("{folder}/crops.csv"))).unwrap();
    wd.write(&format!("{folder}/crops.xlsx"), crops_workbook(&csv));
    let report = init(&wd, folder);
    insta::assert_snapshot!(report, @r#"
    wrote tests/fixtures/init/unknown/pipeline.toml: 3 table(s), years 2021
      villages      1 file(s), 9 column(s) mapped
      crops         1 file(s), 5 column(s) mapped
      prices        1 file(s), 3 column(s) mapped
    1 thing(s) to fill in before agristat check or run will read the data (marked TODO in the file):
      crops: unknown column "亩产(公斤)" (map it in [inputs.crops.columns] or list it in ignore_columns); closest: output ("产量")
    "#);
    let pipeline = "tests/fixtures/init/unknown/pipeline.toml";
    let text = wd.read(pipeline);
    for line in [
        "path = \"crops.xlsx\"\nsheet = \"作物\"\n",
        "output = \"公斤\"   # 表格上方的单位行写明",
        "#   「亩产(公斤)」：可能是 output（产量）？",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
    // The unknown column: refused when the sheet is read, at its header cell.
    let err = wd.check_fails(pipeline);
    insta::assert_snapshot!(err, @r#"
    tests/fixtures/init/unknown/crops.xlsx[作物]!F3: unknown column "亩产(公斤)" (not mapped in [inputs.crops.columns]; list it in ignore_columns to skip it)
    1 problem(s) found; nothing was written
    "#);
    wd.edit(
        pipeline,
        "[inputs.crops.columns]",
        "ignore_columns = [\"亩产(公斤)\"]\n[inputs.crops.columns]",
    );
    let out = wd.run(&["run", "-q", pipeline]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // A sheet left to fill in is refused as the pipeline's problem.
    wd.edit(
        pipeline,
        "sheet = \"作物\"",
        "sheet = \"TODO: 哪个工作表？\"",
    );
    let out = wd.run(&["check", pipeline]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(
        out.stderr.contains("inputs.crops.sheet is still to be filled in (\"TODO: 哪个工作表？\"; write the sheet holding the table"),
        "{}",
        out.stderr
    );
}
