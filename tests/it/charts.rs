//! Charts: the default set renders for the sample and the county fixture, at the print
//! size, with outlined text; what cannot be drawn is skipped with a warning naming it; the
//! trend joins the set when a pipeline has three or more years.

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
    // `cargo run --release -- run pipelines/zhulin-2019.toml && cp output/zhulin-2019/current/charts/*.png charts/`.
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
    tests/data/mini/mini.toml:60:9: charts.draw: unknown chart "crop" (expected one of gov_by_sector, gov_by_area, crops, livestock, income_by_area, dividends, comparison, trend); did you mean "crops"?
    tests/data/mini/mini.toml:61:12: charts.formats: unknown format "jpg" (expected png or svg)
    "#);
}

/// The five-year fixture with the default chart set (its pipeline draws none).
fn five_years() -> Workdir {
    let wd = Workdir::with(&["tests/data/years", "data/catalogue"]);
    wd.edit("tests/data/years/years.toml", "[charts]\ndraw = []\n", "");
    wd
}

/// Pixels of a PNG within `tolerance` of `rgb` in every channel.
fn pixels_near(bytes: &[u8], rgb: [u8; 3], tolerance: u8) -> usize {
    let mut reader = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    assert_eq!(info.color_type, png::ColorType::Rgba);
    buf[..info.buffer_size()]
        .chunks(4)
        .filter(|p| (0..3).all(|c| p[c].abs_diff(rgb[c]) <= tolerance))
        .count()
}

#[test]
fn five_years_add_a_trend_chart_numbered_after_the_seven() {
    let wd = five_years();
    let out = wd.run(&["run", "-q", "tests/data/years/years.toml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let files = chart_files(&wd, "tests/data/years/out/current/charts");
    assert_print_ready(&files);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    for name in [
        "t01-07-comparison.png",
        "t01-08-trend.png",
        "t01-08-trend.svg",
    ] {
        assert!(names.contains(&name), "{name} missing: {names:?}");
    }
    assert!(!out.stderr.contains("chart trend"), "{}", out.stderr);
    let png = &files
        .iter()
        .find(|(n, _)| n == "t01-08-trend.png")
        .unwrap()
        .1;
    // Not blank: dark text, and the first two lines' colours (Okabe–Ito blue and orange).
    for (rgb, at_least) in [
        ([33, 33, 33], 5_000),
        ([0, 114, 178], 1_000),
        ([230, 159, 0], 1_000),
    ] {
        let n = pixels_near(png, rgb, 30);
        assert!(n >= at_least, "{n} pixels near {rgb:?}");
    }
    // The README shows it as charts/years-t01-08-trend.png: after a deliberate change, copy
    // it from a run of tests/data/years/years.toml without its `draw = []` line.
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("charts/years-t01-08-trend.png");
    let committed = std::fs::read(committed).unwrap_or_default();
    assert!(
        committed == *png,
        "charts/years-t01-08-trend.png is out of date"
    );
}

#[test]
fn the_trend_chart_is_the_same_bytes_on_every_run() {
    let charts = |wd: &Workdir| -> Vec<(String, Vec<u8>)> {
        let out = wd.run(&["run", "-q", "tests/data/years/years.toml"]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        chart_files(wd, "tests/data/years/out/current/charts")
            .into_iter()
            .filter(|(n, _)| n.contains("-trend."))
            .collect()
    };
    let (a, b) = (charts(&five_years()), charts(&five_years()));
    assert_eq!(a.len(), 2);
    assert!(a == b, "two runs drew different trend charts");
}

#[test]
fn a_trend_asked_for_with_two_years_is_skipped_with_a_warning() {
    let wd = Workdir::with(&["pipelines", "data"]);
    let pipeline = "pipelines/zhulin-2019.toml";
    let text = wd.read(pipeline);
    wd.write(
        pipeline,
        format!("{text}\n[charts]\ndraw = [\"trend\", \"gov_by_sector\"]\nformats = [\"png\"]\n"),
    );
    let out = wd.run(&["run", "-q", pipeline]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "warning: chart trend for 竹林镇 (500000101) skipped: needs three or more years (the pipeline has 2)"
        ),
        "{}",
        out.stderr
    );
    let files = chart_files(&wd, "output/zhulin-2019/current/charts");
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["500000101-01-gov_by_sector.png"]);
}
