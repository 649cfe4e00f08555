//! The store, the revisions and the commands that look back, in Chinese: a correction
//! rerun's summary and revisions.md, `runs`, `diff`, `explain`, `rollback`, and a refusal.

use std::fs;

use crate::workdir::{Output, Workdir};

const PIPELINE: &str = "tests/data/mini/mini.toml";
const OUT: &str = "tests/data/mini/out";
const ZH: [(&str, &str); 2] = [("AGRISTAT_LANG", "zh"), ("AGRISTAT_PROGRESS", "never")];

fn zh(wd: &Workdir, args: &[&str]) -> Output {
    wd.run_with(args, &ZH)
}

/// 甲村 corrects its hybrid rice output.
fn correct(wd: &Workdir) {
    wd.edit(
        "tests/data/mini/crops/01.csv",
        "2019,01,杂交水稻,100,50000",
        "2019,01,杂交水稻,100,51000",
    );
}

/// `text` with run ids (`000002-20261129T030512Z-f47067f2`) shown as `000002-…`, times
/// (`2026-11-29T03:05:12Z`) as `TIME` and agristat's version as `VERSION`.
fn masked(text: &str) -> String {
    let version = format!("agristat {}", env!("CARGO_PKG_VERSION"));
    let mut out = String::new();
    let mut rest = text;
    while !rest.is_empty() {
        let bytes = rest.as_bytes();
        let digits = |from: usize, n: usize| {
            bytes.len() >= from + n && bytes[from..from + n].iter().all(u8::is_ascii_digit)
        };
        let at = |i: usize, c: u8| bytes.get(i) == Some(&c);
        let is_id = digits(0, 6) && at(6, b'-') && digits(7, 8) && at(15, b'T') && at(22, b'Z');
        let is_time = digits(0, 4) && at(4, b'-') && at(10, b'T') && at(19, b'Z');
        if is_id && bytes.len() >= 32 {
            out.push_str(&rest[..6]);
            out.push_str("-…");
            rest = &rest[32..];
        } else if is_time {
            out.push_str("TIME");
            rest = &rest[20..];
        } else {
            let c = rest.chars().next().unwrap();
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out.replace(&version, "agristat VERSION")
}

/// The run's stderr from its revision summary on: the warnings before it are not this
/// test's concern.
fn summary(out: &Output) -> String {
    assert_eq!(out.code, 0, "{}", out.stderr);
    let start = out
        .stderr
        .find("与运行 ")
        .or_else(|| out.stderr.find("本流程第一次运行"))
        .unwrap_or_else(|| panic!("no summary in:\n{}", out.stderr));
    masked(&out.stderr[start..])
}

#[test]
fn a_correction_rerun_is_summarised_in_chinese() {
    let wd = Workdir::mini();
    insta::assert_snapshot!(summary(&zh(&wd, &["run", "-q", PIPELINE])), @r"
    本流程第一次运行：没有可比较的上次结果
    已写入运行结果 000001-…（tests/data/mini/out/current）
    ");
    correct(&wd);
    insta::assert_snapshot!(summary(&zh(&wd, &["run", "-q", PIPELINE])), @r"
    与运行 000001-… 相比的修订：输入文件 1 个，数据行变动 1 处，汇总数变动 10 个
      输入文件 修改  tests/data/mini/crops/01.csv（crops）
      数据行 修改  crops（2019，01，杂交水稻）output：50000 → 51000  [tests/data/mini/crops/01.csv:2]
      汇总数 2019年 乡镇 001 crop_output hybrid_rice：200 → 201 吨（增减 +1，+0.5%）
      汇总数 2019年 乡镇 001 crop_yield hybrid_rice：500 → 502.5 公斤/亩（增减 +2.5，+0.5%）
      汇总数 2019年 乡镇 001 grain_output：295 → 296 吨（增减 +1，+0.339%）
      汇总数 2019年 乡镇 001 gross_output_value：150.7 → 150.96 万元（增减 +0.26，+0.1725%）
      汇总数 2019年 乡镇 001 gross_output_value farming：74 → 74.26 万元（增减 +0.26，+0.3514%）
      ……另有 5 个汇总数变动（含各村数据），见 revisions.csv
    已写入运行结果 000002-…（tests/data/mini/out/current）
    ");
    let md = masked(&wd.read(&format!("{OUT}/current/revisions.md")));
    insta::assert_snapshot!(md, @r"
    # 修订报告

    本次运行 000002-… 与上次运行 000001-… 比较。

    ## 输入文件

    | 变化 | 表    | 文件                         |
    | ---- | ----- | ---------------------------- |
    | 修改 | crops | tests/data/mini/crops/01.csv |

    ## 数据行

    | 变化 | 表    | 行（年份，村，项目） | 字段   |  原值 |  新值 | 位置                           |
    | ---- | ----- | -------------------- | ------ | ----: | ----: | ------------------------------ |
    | 修改 | crops | 2019，01，杂交水稻   | output | 50000 | 51000 | tests/data/mini/crops/01.csv:2 |

    ## 汇总数

    | 年份 | 地区           | 指标                                  | 单位    |  原值 |   新值 | 增减 | 增减（%） |
    | ---- | -------------- | ------------------------------------- | ------- | ----: | -----: | ---: | --------: |
    | 2019 | 测试镇（乡镇） | 产量·杂交水稻                         | 吨      |   200 |    201 |    1 |       0.5 |
    | 2019 | 测试镇（乡镇） | 单产·杂交水稻                         | 公斤/亩 |   500 |  502.5 |  2.5 |       0.5 |
    | 2019 | 测试镇（乡镇） | 粮食产量（薯类按5公斤折1公斤）        | 吨      |   295 |    296 |    1 |     0.339 |
    | 2019 | 测试镇（乡镇） | 农林牧渔业总产值（现价，产品法）      | 万元    | 150.7 | 150.96 | 0.26 |    0.1725 |
    | 2019 | 测试镇（乡镇） | 农林牧渔业总产值（现价，产品法）·农业 | 万元    |    74 |  74.26 | 0.26 |    0.3514 |
    | 2019 | 甲村（村）     | 产量·杂交水稻                         | 吨      |    50 |     51 |    1 |         2 |
    | 2019 | 甲村（村）     | 单产·杂交水稻                         | 公斤/亩 |   500 |    510 |   10 |         2 |
    | 2019 | 甲村（村）     | 粮食产量（薯类按5公斤折1公斤）        | 吨      |    65 |     66 |    1 |    1.5385 |
    | 2019 | 甲村（村）     | 农林牧渔业总产值（现价，产品法）      | 万元    |    43 |  43.26 | 0.26 |    0.6047 |
    | 2019 | 甲村（村）     | 农林牧渔业总产值（现价，产品法）·农业 | 万元    |    19 |  19.26 | 0.26 |    1.3684 |
    ");
    // Unchanged inputs: the summary says so.
    insta::assert_snapshot!(summary(&zh(&wd, &["run", "-q", PIPELINE])), @r"
    与运行 000002-… 相比没有变化
    已写入运行结果 000003-…（tests/data/mini/out/current）
    ");
}

#[test]
fn runs_diff_explain_and_rollback_speak_chinese() {
    let wd = Workdir::mini();
    let empty = zh(&wd, &["runs", PIPELINE]);
    assert_eq!(empty.stdout, "tests/data/mini/out 中还没有运行结果\n");
    assert_eq!(zh(&wd, &["run", "-q", PIPELINE]).code, 0);
    correct(&wd);
    assert_eq!(zh(&wd, &["run", "-q", PIPELINE]).code, 0);

    let diff = zh(&wd, &["diff", PIPELINE]);
    assert_eq!(diff.code, 0, "{}", diff.stderr);
    let head: Vec<&str> = diff.stdout.lines().take(4).collect();
    insta::assert_snapshot!(masked(&head.join("\n")), @r"
    000002-… 与 000001-… 比较
    与运行 000001-… 相比的修订：输入文件 1 个，数据行变动 1 处，汇总数变动 10 个
      输入文件 修改  tests/data/mini/crops/01.csv（crops）
      数据行 修改  crops（2019，01，杂交水稻）output：50000 → 51000  [tests/data/mini/crops/01.csv:2]
    ");

    let explain = zh(
        &wd,
        &[
            "explain",
            PIPELINE,
            "crop_output",
            "001",
            "--item",
            "杂交水稻",
        ],
    );
    assert_eq!(explain.code, 0, "{}", explain.stderr);
    insta::assert_snapshot!(masked(&explain.stdout), @r"
    crop_output 杂交水稻（产量）2019年，测试镇（乡镇 001），运行 000002-…：201 吨
      crop_output（产量，2019年）：2 行
        tests/data/mini/crops/01.csv 第2行  01 甲村  crops 杂交水稻  51 吨
        tests/data/mini/crops/02.csv 第2行  02 乙村  crops 杂交水稻  150 吨
    ");
    let unknown = zh(&wd, &["explain", PIPELINE, "crop_outpt", "001"]);
    assert_eq!(unknown.code, 2);
    assert_eq!(
        unknown.stderr,
        "tests/data/mini/mini.toml：未知指标“crop_outpt”；是不是“crop_output”？\n"
    );

    let rollback = zh(&wd, &["rollback", PIPELINE, "000001"]);
    assert_eq!(rollback.code, 0, "{}", rollback.stderr);
    insta::assert_snapshot!(masked(&rollback.stdout), @"当前结果已改为运行 000001-…（原为 000002-…）；所有运行结果都保留，历史中记下了这次回退");
    let again = zh(&wd, &["rollback", PIPELINE, "000001"]);
    insta::assert_snapshot!(masked(&again.stdout), @"运行 000001-… 已是当前结果，未做任何更改");
    let ambiguous = zh(&wd, &["rollback", PIPELINE, "0000"]);
    assert_eq!(ambiguous.code, 2);
    insta::assert_snapshot!(masked(&ambiguous.stderr), @"tests/data/mini/out：“0000”可对应多次运行（应为以下之一：000001-…、000002-…）");

    let runs = zh(&wd, &["runs", PIPELINE]);
    assert_eq!(runs.code, 0, "{}", runs.stderr);
    insta::assert_snapshot!(masked(&runs.stdout), @r"
    000001-…  TIME  agristat VERSION
        输入文件 6 个
        001 测试镇 grain_output 295.0 吨
        001 测试镇 gross_output_value 150.70 万元
        001 测试镇 meat_output 37.0 吨
        001 测试镇 net_income_per_capita 6800 元
    000002-…  TIME  agristat VERSION
        有变动的输入文件：tests/data/mini/crops/01.csv
        001 测试镇 grain_output 296.0 吨
        001 测试镇 gross_output_value 150.96 万元
        001 测试镇 meat_output 37.0 吨
        001 测试镇 net_income_per_capita 6800 元
    回退到 000001-…（当前）  TIME（此前的当前结果为 000002-…）
    ");
}

#[cfg(unix)]
#[test]
fn a_store_refusal_says_what_to_do_in_chinese() {
    let wd = Workdir::mini();
    assert_eq!(zh(&wd, &["run", "-q", PIPELINE]).code, 0);
    let current = wd.path(&format!("{OUT}/current"));
    fs::remove_file(&current).unwrap();
    fs::create_dir(&current).unwrap();
    let refused = zh(&wd, &["run", "-q", PIPELINE]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    insta::assert_snapshot!(refused.stderr, @"tests/data/mini/out/current：是一个文件夹，不是 agristat 指向运行结果的链接（应为指向 runs/ID 的符号链接）；未做任何更改：请把它移出输出文件夹，再用 `agristat rollback tests/data/mini/mini.toml RUN` 把一次运行设为当前结果（`agristat runs tests/data/mini/mini.toml` 可列出各次运行）");

    fs::remove_dir(&current).unwrap();
    std::os::unix::fs::symlink("/tmp", &current).unwrap();
    let refused = zh(&wd, &["run", "-q", PIPELINE]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(
        refused.stderr.starts_with(
            "tests/data/mini/out/current：是一个链接，指向 /tmp，不是 runs/ 中的运行结果（"
        ),
        "{}",
        refused.stderr
    );
}
