//! `agristat init` on folders it was not written against: the sample without its pipeline,
//! the GBK county fixture, and the independently made folders of tests/fixtures/init (see its
//! README). And `agristat catalogue`.

use std::collections::BTreeSet;

use crate::workdir::{csv_rows, total, Workdir};

/// `init FOLDER`, which must succeed; its stdout.
pub fn init(wd: &Workdir, folder: &str) -> String {
    let out = wd.run(&["init", folder]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout
}

#[test]
fn init_on_the_sample_gives_the_samples_totals() {
    let wd = Workdir::with(&["data/zhulin", "data/catalogue", "pipelines"]);
    let report = init(&wd, "data/zhulin");
    assert!(report.ends_with("every column is mapped; check the file, then: agristat run data/zhulin/pipeline.toml\n"), "{report}");
    for pipeline in ["data/zhulin/pipeline.toml", "pipelines/zhulin-2019.toml"] {
        let out = wd.run(&["run", "-q", pipeline]);
        assert_eq!(out.code, 0, "{pipeline}: {}", out.stderr);
    }
    // The written pipeline reads the same files with the same mappings and units, with the
    // built-in catalogue instead of products.csv (same codes, grain factors, sectors, units,
    // meat species), year 2019 against 2018, and the default threshold (50 %, as the
    // sample's). So the figures, the villages and the warnings are the same bytes. totals.md
    // and the charts name two products by the national forms' names (甘薯, 油菜籽) where the
    // sample's catalogue says 红薯, 油菜; the manifest names other files.
    same_figures_as_the_sample(&wd, "data/zhulin/agristat-output");
    let md = wd.read("data/zhulin/agristat-output/current/totals.md");
    assert!(
        md.contains("| 甘薯播种面积") && md.contains("| 油菜籽产量"),
        "{md}"
    );
}

/// The figures, villages and warnings of the run in `output` are the sample pipeline's, byte
/// for byte (both pipelines have run).
pub fn same_figures_as_the_sample(wd: &Workdir, output: &str) {
    for file in ["totals.csv", "villages.csv", "warnings.csv"] {
        let written = wd.read(&format!("{output}/current/{file}"));
        let sample = wd.read(&format!("output/zhulin-2019/current/{file}"));
        assert!(written == sample, "{file} differs");
    }
}

#[test]
fn init_maps_every_column_and_unit_of_the_gbk_county() {
    let wd = Workdir::with(&["tests/data/county", "data/catalogue"]);
    let report = init(&wd, "tests/data/county");
    insta::assert_snapshot!(report, @r"
    wrote tests/data/county/pipeline.toml: 8 table(s), years 2020
      villages      1 file(s), 10 column(s) mapped
      crops         5 file(s), 5 column(s) mapped
      livestock     1 file(s), 4 column(s) mapped
      slaughter     1 file(s), 5 column(s) mapped
      dividends     1 file(s), 6 column(s) mapped
      income        1 file(s), 6 column(s) mapped
      prices        1 file(s), 3 column(s) mapped
      other_output  1 file(s), 4 column(s) mapped
    not read (no tables): EXPECTED.md, county-2020.toml, make_county.py
    every column is mapped; check the file, then: agristat run tests/data/county/pipeline.toml
    ");
    // Every input as the hand-written pipeline reads it: files, headers, units, factors.
    let written = agristat::config::load(&wd.path("tests/data/county/pipeline.toml")).unwrap();
    let by_hand = agristat::config::load(&wd.path("tests/data/county/county-2020.toml")).unwrap();
    assert_eq!(
        written.inputs.keys().collect::<Vec<_>>(),
        by_hand.inputs.keys().collect::<Vec<_>>()
    );
    for (kind, hand) in &by_hand.inputs {
        let mine = &written.inputs[kind];
        assert_eq!(
            (&mine.files, &mine.headers, &mine.units, &mine.factors),
            (&hand.files, &hand.headers, &hand.units, &hand.factors),
            "{}",
            kind.name()
        );
        assert_eq!(mine.ignore_columns, hand.ignore_columns, "{}", kind.name());
        assert_eq!(mine.encoding, hand.encoding, "{}", kind.name());
    }
    assert_eq!(
        (written.year, written.previous_year, &written.years),
        (2020, None, &vec![2020])
    );
    // And the same totals: the built-in catalogue reads 水稻 as 稻谷 (rice), where the
    // fixture's catalogue has it as 杂交水稻 (hybrid_rice); every figure is the same.
    let runs = [
        (
            "tests/data/county/pipeline.toml",
            "tests/data/county/agristat-output",
        ),
        (
            "tests/data/county/county-2020.toml",
            "tests/data/county/out",
        ),
    ];
    let mut totals = Vec::new();
    for (pipeline, output) in runs {
        let out = wd.run(&["run", "-q", pipeline]);
        assert_eq!(out.code, 0, "{pipeline}: {}", out.stderr);
        let text = wd.read(&format!("{output}/current/totals.csv"));
        let lines: BTreeSet<String> = text
            .lines()
            .map(|l| l.replace(",hybrid_rice,", ",rice,"))
            .collect();
        totals.push(lines);
    }
    assert_eq!(totals[0], totals[1]);
}

#[test]
fn init_reads_another_folder_with_local_names_and_codes_only() {
    let wd = Workdir::with(&["tests/fixtures/init/shanxian"]);
    let report = init(&wd, "tests/fixtures/init/shanxian");
    assert!(report.contains("years 2020, 2021"), "{report}");
    assert!(report.contains("every column is mapped"), "{report}");
    let pipeline = wd.read("tests/fixtures/init/shanxian/pipeline.toml");
    for line in [
        "path = \"{year}年/农作物.csv\"",
        "previous_year = 2020",
        "price = \"元/公斤\"",
        "output = \"吨\"",
        "wage_income = \"元\"   # 由数值判断",
        "# 村代码是12位统计用区划代码：名录中没有的乡镇、区县等级由代码得出。",
        "name = \"示例县2021年农业统计汇总\"",
    ] {
        assert!(pipeline.contains(line), "{line}\n{pipeline}");
    }
    let out = wd.run(&["run", "-q", "tests/fixtures/init/shanxian/pipeline.toml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows =
        csv_rows(&wd.read("tests/fixtures/init/shanxian/agristat-output/current/totals.csv"));
    // tests/fixtures/init/shanxian/EXPECTED.md
    let county = |indicator: &str, item: &str| {
        total(&rows, "2021", "520199000000", indicator, item, "value")
    };
    assert_eq!(county("grain_sown_area", ""), "2000");
    assert_eq!(county("grain_output", ""), "789");
    assert_eq!(county("meat_output", ""), "245.25");
    assert_eq!(county("offtake", "pig"), "2500");
    assert_eq!(county("gross_output_value", ""), "902.3");
    assert_eq!(county("net_income_per_capita", ""), "8666.6667");
    let names: BTreeSet<&str> = rows.iter().map(|r| r["area_name"].as_str()).collect();
    assert_eq!(names, BTreeSet::from(["山峰乡", "河谷镇", "示例县"]));
}

#[test]
fn an_unknown_header_is_listed_and_the_run_refused_until_it_is_mapped() {
    let wd = Workdir::with(&["tests/fixtures/init/unknown"]);
    let report = init(&wd, "tests/fixtures/init/unknown");
    insta::assert_snapshot!(report, @r#"
    wrote tests/fixtures/init/unknown/pipeline.toml: 3 table(s), years 2021
      villages      1 file(s), 9 column(s) mapped
      crops         1 file(s), 5 column(s) mapped
      prices        1 file(s), 3 column(s) mapped
    2 thing(s) to fill in before agristat check or run will read the data (marked TODO in the file):
      crops.output: the unit of "产量" is not stated or not known (write it in [inputs.crops.units])
      crops: unknown column "亩产(公斤)" (map it in [inputs.crops.columns] or list it in ignore_columns); closest: output ("产量")
    "#);
    let pipeline = "tests/fixtures/init/unknown/pipeline.toml";
    let text = wd.read(pipeline);
    assert!(
        text.contains("#   「亩产(公斤)」：可能是 output（产量）？"),
        "{text}"
    );
    // The TODO unit: refused as the pipeline's problem, before any data is read.
    let out = wd.run(&["check", pipeline]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    insta::assert_snapshot!(out.stderr, @r#"tests/fixtures/init/unknown/pipeline.toml:44:10: inputs.crops.units.output is still to be filled in ("TODO: 表头「产量」没有写单位，请填写：公斤、千克、吨、斤"; write the unit of the column: 公斤, 千克, 吨, 斤)"#);
    let todo = "output = \"TODO: 表头「产量」没有写单位，请填写：公斤、千克、吨、斤\"";
    wd.edit(pipeline, todo, "output = \"公斤\"");
    // The unknown column: refused when the file is read.
    let err = wd.check_fails(pipeline);
    insta::assert_snapshot!(err, @r#"
    tests/fixtures/init/unknown/crops.csv:1:6: unknown column "亩产(公斤)" (not mapped in [inputs.crops.columns]; list it in ignore_columns to skip it)
    1 problem(s) found; nothing was written
    "#);
    wd.edit(
        pipeline,
        "[inputs.crops.columns]",
        "ignore_columns = [\"亩产(公斤)\"]\n[inputs.crops.columns]",
    );
    let out = wd.run(&["run", "-q", pipeline]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn an_unrecognised_file_is_a_todo_input_that_check_refuses() {
    let wd = Workdir::with(&["tests/fixtures/init/unknown"]);
    wd.write(
        "tests/fixtures/init/unknown/notes.csv",
        "编号,内容\n1,说明\n",
    );
    wd.write("tests/fixtures/init/unknown/book.xlsx", "PK");
    let report = init(&wd, "tests/fixtures/init/unknown");
    assert!(
        report.contains(
            "  book.xlsx: cannot be read: not a workbook agristat can open (Xlsx error: "
        ),
        "{report}"
    );
    assert!(
        report.contains("  notes.csv: its headers fit no table\n"),
        "{report}"
    );
    let out = wd.run(&["check", "tests/fixtures/init/unknown/pipeline.toml"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("[inputs.\"TODO notes.csv\"] is still to be filled in"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("[inputs.\"TODO book.xlsx\"] is still to be filled in"),
        "{}",
        out.stderr
    );
}

#[test]
fn init_does_not_overwrite_a_pipeline() {
    let wd = Workdir::with(&["tests/fixtures/init/unknown"]);
    wd.write("p.toml", "keep");
    let out = wd.run(&["init", "tests/fixtures/init/unknown", "--out", "p.toml"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "p.toml: the file exists already (remove it, or write elsewhere with --out FILE)\n"
    );
    assert_eq!(wd.read("p.toml"), "keep");
}

#[test]
fn a_pipeline_written_elsewhere_finds_the_files() {
    let wd = Workdir::with(&["tests/fixtures/init/shanxian"]);
    let out = wd.run(&[
        "init",
        "tests/fixtures/init/shanxian",
        "--out",
        "shanxian.toml",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(wd
        .read("shanxian.toml")
        .contains("path = \"tests/fixtures/init/shanxian/{year}年/名录.csv\""));
    let out = wd.run(&["check", "-q", "shanxian.toml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn catalogue_lists_the_built_in_or_the_pipelines_catalogue() {
    let wd = Workdir::with(&["data/catalogue", "pipelines", "data/zhulin"]);
    let out = wd.run(&["catalogue"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let first: Vec<&str> = out.stdout.lines().take(3).collect();
    assert_eq!(
        first,
        [
            "# 产品目录：built-in catalogue (data/catalogue/national.csv)",
            "",
            "共153项：农作物119项，畜禽13种，畜产品21项。"
        ]
    );
    for line in [
        "| 玉米     | maize           | 苞谷、包谷、玉麦",
        "| 马铃薯 | potato       | 土豆、洋芋",
    ] {
        assert!(out.stdout.contains(line), "{line}");
    }
    let csv = wd.run(&["catalogue", "--csv"]);
    assert_eq!(csv.stdout, wd.read("data/catalogue/national.csv"));
    let sample = wd.run(&["catalogue", "pipelines/zhulin-2019.toml"]);
    assert!(
        sample
            .stdout
            .starts_with("# 产品目录：data/catalogue/products.csv\n\n共22项"),
        "{}",
        sample.stdout
    );
    let sample_csv = wd.run(&["catalogue", "pipelines/zhulin-2019.toml", "--csv"]);
    assert_eq!(sample_csv.stdout, wd.read("data/catalogue/products.csv"));
}
