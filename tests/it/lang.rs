//! The language: chosen by `--lang`, then `AGRISTAT_LANG`, then the system's locale; the
//! help and the command line's own errors follow it.

use std::process::Command;

use crate::workdir::{english_words, Workdir};

const PIPELINE: &str = "tests/data/mini/mini.toml";

/// Runs agristat in `wd` with exactly the language settings given (none inherited).
fn run(wd: &Workdir, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_agristat"))
        .args(args)
        .env_remove("AGRISTAT_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("AGRISTAT_PROGRESS", "never")
        .envs(env.iter().copied())
        .current_dir(wd.path(""))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn broken() -> Workdir {
    let wd = Workdir::mini();
    wd.edit("tests/data/mini/crops/02.csv", "200,80000", "200,8万");
    wd
}

#[test]
fn a_chinese_locale_gives_chinese_and_the_flag_and_variable_override_it() {
    let wd = broken();
    let zh = "tests/data/mini/crops/02.csv 第3行第5列：“产量(公斤)”列：“8万”不是数字（应为数字，如 1234.5）";
    let en = r#"tests/data/mini/crops/02.csv:3:5: column "产量(公斤)": "8万" is not a number (expected digits such as 1234.5)"#;
    for (env, expected) in [
        (&[("LANG", "zh_CN.UTF-8")][..], zh),
        (&[("LANG", "en_US.UTF-8")], en),
        (&[("LANG", "C")], en),
        (&[("LC_ALL", "zh_CN.GB18030"), ("LANG", "en_US.UTF-8")], zh),
        (&[("LANG", "zh_CN.UTF-8"), ("AGRISTAT_LANG", "en")], en),
        (&[("LANG", "en_US.UTF-8"), ("AGRISTAT_LANG", "zh")], zh),
    ] {
        let (code, _, stderr) = run(&wd, &["check", PIPELINE], env);
        assert_eq!(code, 1);
        assert_eq!(stderr.lines().next(), Some(expected), "{env:?}");
    }
    let (_, _, stderr) = run(
        &wd,
        &["check", "--lang", "en", PIPELINE],
        &[("AGRISTAT_LANG", "zh")],
    );
    assert_eq!(stderr.lines().next(), Some(en));
    let (_, _, stderr) = run(
        &wd,
        &["--lang=zh", "check", PIPELINE],
        &[("LANG", "en_US.UTF-8")],
    );
    assert_eq!(stderr.lines().next(), Some(zh));
}

#[test]
fn the_help_is_in_chinese_with_every_command() {
    let wd = Workdir::mini();
    let (code, help, _) = run(&wd, &["--lang", "zh", "--help"], &[]);
    assert_eq!(code, 0);
    let (_, english, _) = run(&wd, &["--lang", "en", "--help"], &[]);
    let commands = |text: &str, heading: &str| -> Vec<String> {
        text.split(heading)
            .nth(1)
            .unwrap_or_default()
            .lines()
            .skip(1)
            .take_while(|l| !l.is_empty())
            .filter_map(|l| l.split_whitespace().next().map(String::from))
            .collect()
    };
    let listed = commands(&help, "命令");
    assert!(listed.len() >= 9, "{help}");
    assert_eq!(listed, commands(&english, "Commands"));
    for line in help.lines() {
        let words = english_words(line);
        // Command, option and value names are the command line's own words.
        let words: Vec<_> = words
            .iter()
            .filter(|w| !listed.contains(w) && !line.contains(&format!("--{w}")))
            .collect();
        assert!(words.is_empty(), "{words:?} in: {line}");
    }
    let (_, run_help, _) = run(&wd, &["run", "--help", "--lang", "zh"], &[]);
    assert!(run_help.contains("流程文件（TOML）"), "{run_help}");
    assert!(
        run_help.contains("不显示汇总表，也不显示进度"),
        "{run_help}"
    );
}

#[test]
fn command_line_mistakes_are_explained_in_chinese() {
    let wd = Workdir::mini();
    let cases: [&[&str]; 4] = [
        &["rn", PIPELINE],
        &["run"],
        &["run", PIPELINE, "--lang", "fr"],
        &["check", PIPELINE, "--bogus"],
    ];
    let mut all = String::new();
    for args in cases {
        let (code, _, stderr) = run(&wd, args, &[("AGRISTAT_LANG", "zh")]);
        assert_eq!(code, 2, "{args:?}");
        all.push_str(&format!("$ agristat {}\n{stderr}", args.join(" ")));
    }
    insta::assert_snapshot!(all, @r#"
    $ agristat rn tests/data/mini/mini.toml
    错误：没有 rn 这个命令
    是不是“runs”？
    详细用法请加 --help 查看。
    $ agristat run
    错误：缺少参数 <PIPELINE>
    详细用法请加 --help 查看。
    $ agristat run tests/data/mini/mini.toml --lang fr
    错误：--lang <LANG> 的值不能是 fr（应为 zh或en）
    详细用法请加 --help 查看。
    $ agristat check tests/data/mini/mini.toml --bogus
    错误：不认识的选项 --bogus
    详细用法请加 --help 查看。
    "#);
}
