//! Charts: the default set renders for the sample and the county fixture, at the print
//! size, with outlined text; what cannot be drawn is skipped with a warning naming it.

use std::path::Path;

use crate::workdir::Workdir;

/// (width, height) of a PNG file.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    let reader = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .expect("a PNG");
    (reader.info().width, reader.info().height)
}

fn chart_files(wd: &Workdir, dir: &str) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = wd
        .snapshot(dir)
        .into_iter()
        .map(|(p, b)| (p.file_name().unwrap().to_string_lossy().into_owned(), b))
        .collect();
    files.sort();
    files
}

fn assert_print_ready(files: &[(String, Vec<u8>)]) {
    for (name, bytes) in files {
        if name.ends_with(".png") {
            assert_eq!(png_size(bytes), (1890, 1181), "{name}");
        } else {
            let text = String::from_utf8(bytes.clone()).unwrap();
            assert!(text.starts_with("<svg"), "{name}");
            assert!(
                !text.contains("<text"),
                "{name}: SVG text needs the font; it must be outlined"
            );
        }
    }
}

#[test]
fn the_sample_run_draws_the_full_chart_set() {
    let wd = Workdir::with(&["pipelines", "data"]);
    let out = wd.run(&["run", "-q", "pipelines/zhulin-2019.toml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let files = chart_files(&wd, "output/zhulin-2019/current/charts");
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    let mut expected = Vec::new();
    for (i, key) in [
        "gov_by_sector",
        "gov_by_area",
        "crops",
        "livestock",
        "income_by_area",
        "dividends",
        "comparison",
    ]
    .iter()
    .enumerate()
    {
        expected.push(format!("500000101-{:02}-{key}.png", i + 1));
        expected.push(format!("500000101-{:02}-{key}.svg", i + 1));
    }
    assert_eq!(names, expected);
    assert_print_ready(&files);
    assert!(!out.stderr.contains("chart_"), "{}", out.stderr);
}

#[test]
fn the_committed_sample_charts_are_current() {
    // charts/ holds the sample's PNGs for the README; regenerate them with
    // `cargo run --release -- run pipelines/zhulin-2019.toml && cp output/zhulin-2019/charts/*.png charts/`.
    let wd = Workdir::with(&["pipelines", "data"]);
    assert_eq!(wd.run(&["run", "-q", "pipelines/zhulin-2019.toml"]).code, 0);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("charts");
    for (name, bytes) in chart_files(&wd, "output/zhulin-2019/current/charts") {
        if name.ends_with(".png") {
            let committed = std::fs::read(root.join(&name)).unwrap_or_default();
            assert!(committed == bytes, "charts/{name} is out of date");
        }
    }
}

#[test]
fn a_county_gets_charts_per_township_and_by_township() {
    let wd = Workdir::with(&["tests/data/county", "data/catalogue"]);
    let out = wd.run(&["run", "-q", "tests/data/county/county-2020.toml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let files = chart_files(&wd, "tests/data/county/out/current/charts");
    assert_print_ready(&files);
    for area in ["100", "200", "431100"] {
        for key in [
            "01-gov_by_sector",
            "02-gov_by_area",
            "03-crops",
            "04-livestock",
            "05-income_by_area",
            "06-dividends",
        ] {
            let name = format!("{area}-{key}.png");
            assert!(files.iter().any(|(n, _)| *n == name), "{name} missing");
        }
    }
    // One year only: the comparison cannot be drawn, and says so for each area.
    for (name, code) in [("东山乡", "100"), ("南河镇", "200"), ("测试县", "431100")] {
        let line = format!("warning: chart comparison for {name} ({code}) skipped: the pipeline has no previous year");
        assert!(out.stderr.contains(&line), "{}", out.stderr);
    }
}

#[test]
fn a_chart_without_data_is_skipped_with_a_warning() {
    let wd = Workdir::mini();
    let out = wd.run(&["run", "-q", "tests/data/mini/mini.toml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("warning: chart dividends for 测试镇 (001) skipped: no dividends"),
        "{}",
        out.stderr
    );
    let warnings = wd.read("tests/data/mini/out/current/warnings.csv");
    assert!(
        warnings.contains(
            "chart_skipped,2019,001,,,,chart dividends for 测试镇 (001) skipped: no dividends\n"
        ),
        "{warnings}"
    );
    let files = chart_files(&wd, "tests/data/mini/out/current/charts");
    assert!(
        !files.iter().any(|(n, _)| n.contains("dividends")),
        "a blank dividends chart was written"
    );
}

#[test]
fn the_pipeline_chooses_charts_size_resolution_and_format() {
    let wd = Workdir::mini();
    let pipeline = "tests/data/mini/mini.toml";
    let text = wd.read(pipeline);
    wd.write(
        pipeline,
        format!(
            "{text}\n[charts]\ndraw = [\"crops\", \"gov_by_sector\"]\ndpi = 150\n\n\
             [charts.override.crops]\ntitle = \"测试镇农作物\"\nwidth_cm = 8\nheight_cm = 6\nformats = [\"png\"]\n"
        ),
    );
    let out = wd.run(&["run", "-q", pipeline]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let files = chart_files(&wd, "tests/data/mini/out/current/charts");
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "001-01-gov_by_sector.png",
            "001-01-gov_by_sector.svg",
            "001-02-crops.png"
        ]
    );
    // 16 × 10 cm and 8 × 6 cm at 150 dpi.
    assert_eq!(png_size(&files[0].1), (945, 591));
    assert_eq!(png_size(&files[2].1), (472, 354));
}

#[test]
fn unknown_charts_are_pipeline_errors() {
    let wd = Workdir::mini();
    let pipeline = "tests/data/mini/mini.toml";
    let text = wd.read(pipeline);
    wd.write(
        pipeline,
        format!("{text}\n[charts]\ndraw = [\"crop\"]\nformats = [\"jpg\"]\n"),
    );
    let out = wd.run(&["run", pipeline]);
    assert_eq!(out.code, 2);
    insta::assert_snapshot!(out.stderr, @r#"
    tests/data/mini/mini.toml:60:9: charts.draw: unknown chart "crop" (expected one of gov_by_sector, gov_by_area, crops, livestock, income_by_area, dividends, comparison); did you mean "crops"?
    tests/data/mini/mini.toml:61:12: charts.formats: unknown format "jpg" (expected png or svg)
    "#);
}
