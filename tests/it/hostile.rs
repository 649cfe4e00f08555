//! Inputs built to mislead or stall: formula-like names, control characters, huge cells,
//! a header with a column twice, an empty registry, a damaged cache, files in more than one
//! encoding. Each is an error at its cell or a safe output, never a stall, a crash or a wrong
//! total.

use crate::workdir::Workdir;

const PIPELINE: &str = "tests/data/mini/mini.toml";

fn check_fails(damage: impl FnOnce(&Workdir)) -> String {
    let wd = Workdir::mini();
    damage(&wd);
    wd.check_fails(PIPELINE)
}

#[test]
fn a_name_beginning_like_a_formula_is_an_error() {
    let err = check_fails(|wd| {
        wd.edit(
            "tests/data/mini/villages.csv",
            "甲村",
            "\"=HYPERLINK(\"\"http://x\"\",\"\"甲\"\")\"",
        )
    });
    insta::assert_snapshot!(err, @r#"
    tests/data/mini/villages.csv:2:3: column "村名": "=HYPERLINK("http://x","甲")" begins like a spreadsheet formula (expected a name beginning with a letter or digit)
    1 problem(s) found; nothing was written
    "#);
}

#[test]
fn formula_like_codes_are_written_inert() {
    let wd = Workdir::mini();
    // Codes are identifiers, not names: "@01" is accepted, and written so that a
    // spreadsheet shows it as text.
    wd.recode_mini("@01", "=1+2");
    let out = wd.run(&["run", "-q", PIPELINE]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let villages = wd.read("tests/data/mini/out/current/villages.csv");
    assert!(villages.contains(",'@01,"), "{villages}");
    assert!(!villages.contains(",@01,"), "{villages}");
    let totals = wd.read("tests/data/mini/out/current/totals.csv");
    assert!(totals.contains(",'=1+2,"), "{totals}");
    assert!(!totals.contains(",=1+2,"), "{totals}");
}

#[test]
fn a_huge_cell_is_an_error_shown_cut() {
    let huge = "村".repeat(100_000);
    let err = check_fails(|wd| wd.edit("tests/data/mini/villages.csv", "甲村", &huge));
    let cut = "村".repeat(60);
    assert_eq!(
        err,
        format!(
            "tests/data/mini/villages.csv:2:3: column \"村名\": \"{cut}… (100000 characters)\" is 100000 characters long (expected a name of at most 100 characters)\n1 problem(s) found; nothing was written\n"
        )
    );
}

#[test]
fn control_characters_in_a_name_are_an_error() {
    let err = check_fails(|wd| wd.edit("tests/data/mini/villages.csv", "甲村", "甲\u{0}村"));
    insta::assert_snapshot!(err, @r#"
    tests/data/mini/villages.csv:2:3: column "村名": "甲�村" holds the control character U+0000 (expected a name of printable characters)
    1 problem(s) found; nothing was written
    "#);
}

#[test]
fn a_column_twice_in_the_header_is_refused() {
    let err = check_fails(|wd| {
        wd.edit(
            "tests/data/mini/crops/01.csv",
            "年份,村代码,作物,播种面积(亩),产量(公斤)\n2019,01,杂交水稻,100,50000\n2019,01,红薯,50,75000",
            "年份,村代码,作物,播种面积(亩),产量(公斤),产量(公斤)\n2019,01,杂交水稻,100,50000,1\n2019,01,红薯,50,75000,1",
        )
    });
    insta::assert_snapshot!(err, @r#"
    tests/data/mini/crops/01.csv:1:6: column "产量(公斤)" is in the header twice, as columns 5 and 6 (expected each column once; remove or rename one)
    1 problem(s) found; nothing was written
    "#);
}

#[test]
fn an_empty_registry_is_one_problem_not_one_per_row() {
    let err = check_fails(|wd| {
        let registry = wd.read("tests/data/mini/villages.csv");
        let header = registry.lines().next().unwrap();
        std::fs::write(
            wd.path("tests/data/mini/villages.csv"),
            format!("{header}\n"),
        )
        .unwrap();
    });
    insta::assert_snapshot!(err, @r#"
    tests/data/mini/villages.csv: the village registry has no rows (expected a row for each village and year)
    1 problem(s) found; nothing was written
    "#);
}

#[test]
fn a_damaged_cache_entry_is_parsed_again_never_trusted() {
    let wd = Workdir::mini();
    let first = wd.run(&["run", "-q", PIPELINE]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let totals = wd.read("tests/data/mini/out/current/totals.csv");
    // Flip a bit in the middle of every cache entry's rows.
    let cache = wd.path("tests/data/mini/out/cache");
    let mut flipped = 0;
    for entry in std::fs::read_dir(&cache).unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "arrow") {
            let mut bytes = std::fs::read(&path).unwrap();
            let at = bytes.len() / 2;
            bytes[at] ^= 0x04;
            // Written in place of the entry, not through its link in the run's data.
            std::fs::remove_file(&path).unwrap();
            std::fs::write(&path, bytes).unwrap();
            flipped += 1;
        }
    }
    assert!(flipped >= 3, "{flipped} entries");
    let second = wd.run(&["run", "-q", PIPELINE]);
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert!(
        second
            .stderr
            .contains("not used: its rows do not match their checksum; the file was parsed again"),
        "{}",
        second.stderr
    );
    assert!(
        second.stderr.contains("no changes against run"),
        "{}",
        second.stderr
    );
    assert_eq!(wd.read("tests/data/mini/out/current/totals.csv"), totals);
    // The entries were replaced: a third run uses them without a word.
    let third = wd.run(&["run", "-q", PIPELINE]);
    assert!(!third.stderr.contains("not used"), "{}", third.stderr);
}

fn gbk(text: &str) -> Vec<u8> {
    encoding_rs::GB18030.encode(text).0.into_owned()
}

/// The mini township's totals.csv after a successful run.
fn totals(wd: &Workdir) -> String {
    let out = wd.run(&["run", "-q", PIPELINE]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    wd.read("tests/data/mini/out/current/totals.csv")
}

#[test]
fn a_utf8_file_with_one_gbk_line_is_one_error_at_that_line() {
    let err = check_fails(|wd| {
        let registry = wd.read("tests/data/mini/villages.csv");
        let mut bytes = Vec::new();
        for line in registry.lines() {
            let line = format!("{line}\n");
            if line.contains("乙村") {
                bytes.extend(gbk(&line));
            } else {
                bytes.extend(line.as_bytes());
            }
        }
        wd.write("tests/data/mini/villages.csv", bytes);
    });
    // Village 02's rows elsewhere are not reported as unknown: its registry row is known to
    // be there, only unreadable.
    insta::assert_snapshot!(err, @r#"
    tests/data/mini/villages.csv:3:9: invalid bytes D2 for UTF-8; as GBK this line reads "2019,02,乙村,001,测试镇,100,测试县,300,1100,20": it was probably saved in GBK; save the whole file in UTF-8
    1 problem(s) found; nothing was written
    "#);
}

#[test]
fn a_utf8_line_in_a_gbk_file_is_read_as_typed_with_a_warning() {
    let wd = Workdir::mini();
    let expected = totals(&wd);
    let crops = wd.read("tests/data/mini/crops/01.csv");
    let mut bytes = Vec::new();
    for line in crops.lines() {
        let line = format!("{line}\n");
        if line.contains("红薯") {
            bytes.extend(line.as_bytes());
        } else {
            bytes.extend(gbk(&line));
        }
    }
    wd.write("tests/data/mini/crops/01.csv", bytes);
    let out = wd.run(&["run", "-q", PIPELINE]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "tests/data/mini/crops/01.csv:3: warning: this line is UTF-8 in a file otherwise GBK: read as \"2019,01,红薯,50,75000\" (as GBK it would read \"2019,01,绾㈣柉,50,75000\"); save the file in one encoding"
        ),
        "{}",
        out.stderr
    );
    assert_eq!(wd.read("tests/data/mini/out/current/totals.csv"), expected);
    let warnings = wd.read("tests/data/mini/out/current/warnings.csv");
    assert!(warnings.contains("mixed_encoding"), "{warnings}");
    // Not cached: the next run warns again.
    let again = wd.run(&["run", "-q", PIPELINE]);
    assert!(
        again.stderr.contains("UTF-8 in a file otherwise GBK"),
        "{}",
        again.stderr
    );
}

#[test]
fn a_utf16_tab_separated_file_reads_like_its_csv() {
    let wd = Workdir::mini();
    let expected = totals(&wd);
    let income = wd.read("tests/data/mini/income.csv").replace(',', "\t");
    let mut bytes = b"\xFF\xFE".to_vec();
    for unit in income.replace('\n', "\r\n").encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    wd.write("tests/data/mini/income.csv", bytes);
    assert_eq!(totals(&wd), expected);
}

#[test]
fn a_file_of_nul_bytes_is_a_short_message_not_its_contents() {
    let err = check_fails(|wd| wd.write("tests/data/mini/crops/01.csv", vec![0u8; 5_000_000]));
    assert!(err.len() < 4_000, "{} bytes of messages", err.len());
    assert!(err.contains("tests/data/mini/crops/01.csv:1"), "{err}");
}
