//! The draft as a commented pipeline file. Every mapping says where it came from; whatever
//! `init` could not decide is written as a `TODO` value, which `check` and `run` refuse.

use std::collections::BTreeSet;
use std::fmt::Write;

use super::detect::{
    Column, Draft, InputDraft, Mapping, Note, Unit, UnitQuestion, Unknown, Unrecognised, Why,
};
use super::scan::OUTPUT_FOLDER;
use super::sheet_choice::{HeaderRow, SheetValue, SheetsDraft};
use crate::config::plan::TODO;
use crate::schema::FieldKind;

/// The pipeline file's text. `base` leads from the pipeline file's folder to the folder
/// looked at (empty when the file is written inside it).
pub fn pipeline(draft: &Draft, folder_shown: &str, base: &str, all_files: &[String]) -> String {
    let mut out = String::new();
    header(&mut out, draft, folder_shown);
    for input in &draft.inputs {
        let paths = paths(input, &draft.years, all_files);
        input_section(&mut out, input, &paths, base);
    }
    for u in &draft.unrecognised {
        unrecognised_section(&mut out, u, base);
    }
    out
}

fn quote(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

fn header(out: &mut String, draft: &Draft, folder_shown: &str) {
    let files: usize = draft.inputs.iter().map(|i| i.files.len()).sum();
    let years = match (draft.years.first(), draft.years.last()) {
        (Some(a), Some(b)) if a != b => format!("{a}—{b}年"),
        (Some(a), _) => format!("{a}年"),
        _ => "没有找到年份".to_string(),
    };
    let _ = writeln!(
        out,
        "# 由 agristat init 根据 {folder_shown} 中的文件生成：{} 个表，{files} 个文件，{years}。",
        draft.inputs.len()
    );
    out.push_str(
        "# 每一项都请核对。写着 TODO 的值填好之前，agristat check 和 run 都会拒绝运行。\n",
    );
    out.push_str("# 路径相对于本文件。\n\n[pipeline]\n");
    let year = draft.years.last().copied();
    let area = draft
        .area_name
        .clone()
        .unwrap_or_else(|| folder_shown.to_string());
    let name = match year {
        Some(y) => format!("{area}{y}年农业统计汇总"),
        None => format!("{area}农业统计汇总"),
    };
    let _ = writeln!(out, "name = {}", quote(&name));
    match year {
        Some(y) => {
            let _ = writeln!(out, "year = {y}");
            let usual: BTreeSet<i32> = [y - 1, y].into();
            let found: BTreeSet<i32> = draft.years.iter().copied().collect();
            if !found.is_subset(&usual) {
                let list: Vec<String> = draft.years.iter().map(|y| y.to_string()).collect();
                let _ = writeln!(out, "years = [{}]", list.join(", "));
            }
            if found.contains(&(y - 1)) {
                let _ = writeln!(out, "previous_year = {}           # 与上年比较", y - 1);
            }
        }
        None => {
            let _ = writeln!(
                out,
                "year = {}",
                quote(&format!("{TODO}: 文件中没有找到年份，请填写报告年份"))
            );
        }
    }
    let _ = writeln!(out, "output = {}", quote(OUTPUT_FOLDER));
    out.push_str("\n# 没有 [reference] products：使用内置产品目录（agristat catalogue 列出其中的产品和别名）。\n");
}

fn input_section(out: &mut String, input: &InputDraft, paths: &[String], base: &str) {
    let name = input.kind.name();
    let _ = writeln!(out, "\n[inputs.{name}]");
    let encodings: Vec<&str> = input
        .encodings
        .iter()
        .map(|e| if *e == "GB18030" { "GBK/GB18030" } else { e })
        .collect();
    let _ = writeln!(
        out,
        "# {} 个文件（{}）：{}",
        input.files.len(),
        encodings.join("、"),
        input.files.join(", ")
    );
    let paths: Vec<String> = paths.iter().map(|p| quote(&join(base, p))).collect();
    match &paths[..] {
        [one] => {
            let _ = writeln!(out, "path = {one}");
        }
        many => {
            let _ = writeln!(out, "path = [{}]", many.join(", "));
        }
    }
    if let Some(sheets) = &input.sheets {
        sheet_lines(out, sheets);
    }
    ignore_columns(out, input);
    for note in &input.notes {
        let _ = writeln!(out, "# {}", note_text(note));
    }
    unknown_comments(out, input);
    let _ = writeln!(out, "[inputs.{name}.columns]");
    for c in &input.columns {
        column_line(out, c, input);
    }
    let with_units: Vec<&Column> = input
        .columns
        .iter()
        .filter(|c| !matches!(c.unit, Unit::None))
        .collect();
    if !with_units.is_empty() {
        let _ = writeln!(out, "[inputs.{name}.units]");
        if let Some(Unit::Values { per_head, .. }) = with_units
            .iter()
            .map(|c| &c.unit)
            .find(|u| matches!(u, Unit::Values { .. }))
        {
            let _ = writeln!(
                out,
                "# 以下表头没有写单位，由数值判断：按元计，各村人均收入中位数为 {} 元，按万元计为 {} 元。请核对。",
                per_head[0], per_head[1]
            );
        }
        for c in with_units {
            unit_line(out, c);
        }
    }
}

/// `sheet` and, where the reader would not find the header itself, `header_row`.
fn sheet_lines(out: &mut String, sheets: &SheetsDraft) {
    let count: usize = sheets.read.iter().map(|(_, s)| s.len()).sum();
    let books = sheets.read.len();
    // One sheet by name says which; otherwise each workbook's sheets are listed.
    if !matches!(sheets.choice, Some(SheetValue::Name(_))) {
        for (file, names) in &sheets.read {
            let _ = writeln!(out, "# {file} 读取工作表：{}", names.join("、"));
        }
    }
    match &sheets.choice {
        Some(SheetValue::Name(name)) => {
            let _ = writeln!(out, "sheet = {}", quote(name));
        }
        Some(SheetValue::Position(p)) => {
            let _ = writeln!(out, "sheet = {p}   # 第{p}个工作表（各工作簿中名称不同）");
        }
        Some(SheetValue::Pattern(p)) => {
            let _ = writeln!(
                out,
                "sheet = {}   # 名称符合这个模式的工作表（{books} 个工作簿共 {count} 个）表头相同，合为一张表读取",
                quote(p)
            );
        }
        None => {
            let what = format!(
                "{TODO}: 没有一个工作表名称、位置或名称模式恰好对上上面列出的工作表，请填写，或把工作表分到不同的输入"
            );
            let _ = writeln!(out, "sheet = {}", quote(&what));
        }
    }
    match &sheets.header_row {
        HeaderRow::Found => {}
        HeaderRow::Row(row) => {
            let _ = writeln!(
                out,
                "header_row = {row}   # 表头从第{row}行开始（表头之上另有一行含有同样的列名）"
            );
        }
        HeaderRow::Differs(rows) => {
            let rows: Vec<String> = rows.iter().map(|r| r.to_string()).collect();
            let what = format!(
                "{TODO}: 各工作表的表头从不同的行开始（第{}行），请统一，或把工作表分到不同的输入",
                rows.join("、")
            );
            let _ = writeln!(out, "header_row = {}", quote(&what));
        }
    }
}

/// Columns without figures, and columns repeating another's figures in another unit.
fn ignore_columns(out: &mut String, input: &InputDraft) {
    for c in &input.copies {
        let _ = writeln!(
            out,
            "# 「{}」是 {} 换算成{}的同一数字（逐行核对过），不再读取",
            c.header, c.field, c.unit
        );
    }
    let list: Vec<String> = input
        .ignored
        .iter()
        .chain(input.copies.iter().map(|c| &c.header))
        .map(|h| quote(h))
        .collect();
    if list.is_empty() {
        return;
    }
    let why = match (input.ignored.is_empty(), input.copies.is_empty()) {
        (false, true) => "   # 不含数字的列",
        (true, false) => "   # 换算出的列",
        _ => "   # 不含数字的列和换算出的列",
    };
    let _ = writeln!(out, "ignore_columns = [{}]{why}", list.join(", "));
}

fn join(base: &str, path: &str) -> String {
    if base.is_empty() {
        path.to_string()
    } else {
        format!("{base}/{path}")
    }
}

fn note_text(note: &Note) -> String {
    match note {
        Note::TwelveDigitCodes => {
            "村代码是12位统计用区划代码：名录中没有的乡镇、区县等级由代码得出。".to_string()
        }
        Note::NoAreaCodes => "注意：村代码不是12位统计用区划代码，名录又没有乡镇代码和区县代码两列：run 会拒绝这个名录，请在名录中补上这两列。".to_string(),
        Note::SheetsNotRead { file, sheets } => format!(
            "{file} 中以下工作表没有报表，未读取：{}",
            sheets.join("、")
        ),
        Note::YearsDisagree {
            file,
            folder,
            cells,
        } => {
            let cells: Vec<String> = cells.iter().map(|y| y.to_string()).collect();
            format!(
                "注意：{file} 在 {folder} 年的文件夹里，年份列却是 {}；各行按年份列计。",
                cells.join("、")
            )
        }
    }
}

fn unknown_comments(out: &mut String, input: &InputDraft) {
    if input.unknown.is_empty() {
        return;
    }
    out.push_str("# TODO 未识别的列：映射到下面的某个字段，或写进 ignore_columns；否则 check 和 run 会拒绝这些文件。\n");
    for u in &input.unknown {
        let _ = writeln!(out, "#   「{}」{}", u.header, unknown_guess(u));
    }
}

fn unknown_guess(u: &Unknown) -> String {
    if let Some(field) = u.duplicate_of {
        return format!("：另一列已映射为 {field}，这一列也像是 {field}");
    }
    if u.guesses.is_empty() {
        return "：词典中没有相近的表头".to_string();
    }
    let guesses: Vec<String> = u
        .guesses
        .iter()
        .map(|(field, word)| format!("{field}（{word}）"))
        .collect();
    format!("：可能是 {}？", guesses.join("、"))
}

fn column_line(out: &mut String, c: &Column, input: &InputDraft) {
    let field = c.field.name;
    match &c.mapping {
        Mapping::Header(h) => {
            let _ = writeln!(out, "{field} = {}", quote(h));
        }
        Mapping::Absent => {
            let _ = writeln!(out, "# {field}：文件中没有这一列（可以没有）");
        }
        Mapping::Missing => {
            let words = super::headers::words(input.kind, field);
            let shown: Vec<&str> = words.iter().take(4).copied().collect();
            let what = format!(
                "{TODO}: 没有找到这一列（常见表头：{}），请填写文件中的表头",
                shown.join("、")
            );
            let _ = writeln!(out, "{field} = {}", quote(&what));
        }
    }
}

fn unit_line(out: &mut String, c: &Column) {
    let field = c.field.name;
    let FieldKind::Number(dimension) = c.field.kind else {
        return;
    };
    let header = match &c.mapping {
        Mapping::Header(h) => h.as_str(),
        _ => "",
    };
    let choices = dimension.unit_names().join("、");
    match &c.unit {
        Unit::None => {}
        Unit::Header(u) => {
            let _ = writeln!(out, "{field} = {}   # 表头「{header}」写明", quote(u));
        }
        Unit::Line(u) => {
            let _ = writeln!(out, "{field} = {}   # 表格上方的单位行写明", quote(u));
        }
        Unit::Values { unit, .. } => {
            let _ = writeln!(out, "{field} = {}   # 由数值判断", quote(unit));
        }
        Unit::Ask(question) => {
            let why = match question {
                UnitQuestion::NotStated => format!("表头「{header}」没有写单位"),
                UnitQuestion::DoesNotFit(s) => {
                    format!("表头「{header}」的单位「{s}」不是 agristat 认识的单位")
                }
                UnitQuestion::SeveralInLine(units) => format!(
                    "表头「{header}」没有写单位，表格上方的单位行又有几个可用的单位（{}）",
                    units.join("、")
                ),
            };
            let what = format!("{TODO}: {why}，请填写：{choices}");
            let _ = writeln!(out, "{field} = {}", quote(&what));
        }
    }
}

fn unrecognised_section(out: &mut String, u: &Unrecognised, base: &str) {
    let why = match &u.why {
        Why::Unreadable(why) => format!("读不了：{why}"),
        Why::NoTable { header, closest } => {
            let closest: Vec<String> = closest
                .iter()
                .map(|(k, n)| format!("{}（{n} 个字段）", k.name()))
                .collect();
            let closest = if closest.is_empty() {
                "没有".to_string()
            } else {
                closest.join("、")
            };
            format!(
                "表头 {} 对不上任何表，最接近的是 {closest}",
                header.join(", ")
            )
        }
        Why::OtherHeaders { kind, first } => format!(
            "和 {first} 一样是 {} 表，但表头不同；一个表只能有一套表头映射",
            kind.name()
        ),
    };
    let shown = u.shown();
    let _ = writeln!(out, "\n# TODO 未识别的文件 {shown}：{why}。");
    out.push_str("# 把下面的表名改为它所属的表（如 inputs.crops）并映射各列，或删去这一段。\n");
    let _ = writeln!(out, "[inputs.{}]", quote(&format!("{TODO} {shown}")));
    let _ = writeln!(out, "path = {}", quote(&join(base, &u.file)));
    if let Some(sheet) = &u.sheet {
        let _ = writeln!(out, "sheet = {}", quote(sheet));
    }
}

/// How the pipeline names an input's files: one `{year}` pattern when every year has its
/// folder with the file, a glob when the files are all the tables of their folder, else each.
pub fn paths(input: &InputDraft, years: &[i32], all_files: &[String]) -> Vec<String> {
    if let Some(pattern) = year_pattern(&input.files, years) {
        return vec![pattern];
    }
    let parent = |f: &str| f.rsplit_once('/').map(|(d, _)| d.to_string());
    let parents: BTreeSet<Option<String>> = input.files.iter().map(|f| parent(f)).collect();
    if let (1, Some(Some(dir))) = (parents.len(), parents.iter().next()) {
        let in_dir: BTreeSet<&String> = all_files
            .iter()
            .filter(|f| parent(f).as_deref() == Some(dir.as_str()))
            .collect();
        let mine: BTreeSet<&String> = input.files.iter().collect();
        let all_csv = input
            .files
            .iter()
            .all(|f| f.to_ascii_lowercase().ends_with(".csv"));
        if input.files.len() > 1 && in_dir == mine && all_csv {
            return vec![format!("{dir}/*.csv")];
        }
    }
    input.files.clone()
}

fn year_pattern(files: &[String], years: &[i32]) -> Option<String> {
    let mut patterns = BTreeSet::new();
    for f in files {
        let year = super::scan::year_folder(f)?;
        let mut parts: Vec<String> = f.split('/').map(String::from).collect();
        let last = parts.len() - 1;
        let i = parts[..last]
            .iter()
            .rposition(|p| super::scan::parse_year(p) == Some(year))?;
        parts[i] = parts[i].replace(&year.to_string(), "{year}");
        patterns.insert(parts.join("/"));
    }
    if patterns.len() != 1 {
        return None;
    }
    let pattern = patterns.into_iter().next()?;
    let expected: BTreeSet<String> = years
        .iter()
        .map(|y| pattern.replace("{year}", &y.to_string()))
        .collect();
    let have: BTreeSet<String> = files.iter().cloned().collect();
    (expected == have).then_some(pattern)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_year_pattern_only_when_every_year_has_the_file() {
        let files = strings(&["2018/crops.csv", "2019/crops.csv"]);
        assert_eq!(
            year_pattern(&files, &[2018, 2019]).as_deref(),
            Some("{year}/crops.csv")
        );
        assert_eq!(year_pattern(&files, &[2017, 2018, 2019]), None);
        let files = strings(&["2019年/作物.csv"]);
        assert_eq!(
            year_pattern(&files, &[2019]).as_deref(),
            Some("{year}年/作物.csv")
        );
        assert_eq!(year_pattern(&strings(&["crops.csv"]), &[2019]), None);
    }
}
