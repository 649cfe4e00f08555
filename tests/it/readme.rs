//! README.md and README.zh-CN.md list the same commands with the same options, and every
//! command the binary has.

use std::collections::{BTreeMap, BTreeSet};

/// Each command of a README's command table (rows beginning "| `agristat NAME"), with the
/// options its row mentions (`--no-wait`, `-q`).
fn commands(readme: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut found = BTreeMap::new();
    for line in readme.lines().filter(|l| l.starts_with("| `agristat ")) {
        let name = line["| `agristat ".len()..]
            .split([' ', '`'])
            .next()
            .unwrap_or_default()
            .to_string();
        let mut options = BTreeSet::new();
        let chars: Vec<char> = line.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            let starts = *c == '-' && i > 0 && matches!(chars[i - 1], ' ' | '`' | '[' | '(');
            if !starts {
                continue;
            }
            let option: String = chars[i..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == '-')
                .collect();
            if option.len() > 1
                && option
                    .chars()
                    .nth(1)
                    .is_some_and(|c| c == '-' || c.is_ascii_alphabetic())
            {
                options.insert(option);
            }
        }
        assert!(
            found.insert(name.clone(), options).is_none(),
            "{name} twice"
        );
    }
    found
}

fn read(name: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(name)).unwrap()
}

#[test]
fn both_readmes_list_the_same_commands_and_options() {
    let (english, chinese) = (
        commands(&read("README.md")),
        commands(&read("README.zh-CN.md")),
    );
    assert_eq!(english, chinese);
    assert!(
        english["run"].contains("--no-wait") && english["run"].contains("-q"),
        "{english:?}"
    );
    assert_eq!(english["init"], BTreeSet::from(["--out".to_string()]));
}

#[test]
fn the_readmes_list_every_command_of_the_binary() {
    let help = std::process::Command::new(env!("CARGO_BIN_EXE_agristat"))
        .arg("--help")
        .env("AGRISTAT_LANG", "en")
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&help.stdout).into_owned();
    let listed: BTreeSet<String> = help
        .split("Commands:")
        .nth(1)
        .unwrap_or_default()
        .split("Options:")
        .next()
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(String::from)
        .collect();
    let documented: BTreeSet<String> = commands(&read("README.md")).into_keys().collect();
    assert_eq!(listed, documented);
}

#[test]
fn options_are_read_from_a_command_row() {
    let row = "| `agristat x A [--item ITEM]` | text (`-q`: quiet; `--no-wait`: fail), a well-known word |\n";
    let found = commands(row);
    assert_eq!(
        found["x"],
        BTreeSet::from(["--item", "--no-wait", "-q"].map(String::from))
    );
}
