//! The revision report as people and tools read it: revisions.csv, revisions.md (Chinese)
//! and a short summary for the terminal.

use std::path::Path;

use rust_decimal::Decimal;
use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};
use serde::Serialize;

use super::revisions::{Revisions, RowChange, TotalChange};
use crate::catalogue::Catalogue;
use crate::error::{Error, Result};
use crate::figure::plain;
use crate::indicators;
use crate::lang::Msg;
use crate::level::Level;
use crate::report::csv_out::Plain;
use crate::report::markdown::table;
use crate::report::sheet::{self, Cell, Table};
use crate::report::xlsx;
use crate::schema::TableKind;
use crate::tr;

/// The revision report as a workbook (beside totals.xlsx, not in it: totals.xlsx is the same
/// bytes for the same inputs, whatever the run before).
pub const REVISIONS_XLSX: &str = "revisions.xlsx";
const SHEET_REVISIONS: &str = "修订";

fn show(v: Option<Decimal>) -> String {
    v.map_or(String::new(), plain)
}

/// A value in revisions.csv: a field's text for a changed row, a number for a changed total.
#[derive(Debug, Clone, Copy)]
enum Value<'a> {
    Text(&'a str),
    Number(Option<Decimal>),
}

impl Serialize for Value<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            Value::Text(text) => s.serialize_str(&crate::text::inert(text)),
            Value::Number(v) => Plain(*v).serialize(s),
        }
    }
}

/// One line of revisions.csv (and of revisions.xlsx).
#[derive(Debug, Serialize)]
struct Record<'a> {
    kind: String,
    table: &'a str,
    year: String,
    level: &'a str,
    #[serde(serialize_with = "crate::text::serialize_inert")]
    area_code: String,
    #[serde(serialize_with = "crate::text::serialize_inert")]
    area_name: &'a str,
    #[serde(serialize_with = "crate::text::serialize_inert")]
    item: String,
    field: &'a str,
    unit: &'a str,
    old: Value<'a>,
    new: Value<'a>,
    change: Plain,
    change_pct: Plain,
    location: &'a str,
}

const HEADER_ZH: [&str; 14] = [
    "类别",
    "表",
    "年份",
    "层级",
    "地区代码",
    "地区名称",
    "项目",
    "字段",
    "单位",
    "原值",
    "新值",
    "增减",
    "增减（%）",
    "位置",
];

/// The records of revisions.csv in file order: inputs, rows, totals.
fn records(r: &Revisions) -> Vec<Record<'_>> {
    let blank = |kind: String| Record {
        kind,
        table: "",
        year: String::new(),
        level: "",
        area_code: String::new(),
        area_name: "",
        item: String::new(),
        field: "",
        unit: "",
        old: Value::Text(""),
        new: Value::Text(""),
        change: Plain(None),
        change_pct: Plain(None),
        location: "",
    };
    let mut out = Vec::new();
    for c in &r.inputs {
        out.push(Record {
            table: &c.table,
            location: &c.path,
            ..blank(format!("input_{}", c.change))
        });
    }
    for c in &r.rows {
        out.push(row_record(c, blank(format!("row_{}", c.change))));
    }
    for t in &r.totals {
        out.push(Record {
            year: t.year.to_string(),
            level: &t.level,
            area_code: t.area_code.clone(),
            area_name: &t.area_name,
            item: t.item.clone(),
            field: &t.indicator,
            unit: &t.unit,
            old: Value::Number(t.old),
            new: Value::Number(t.new),
            change: Plain(t.change),
            change_pct: Plain(t.change_pct),
            ..blank("total_changed".to_string())
        });
    }
    out
}

/// A changed row: its key is (year, village, item…), (year, product) for prices, (code)
/// for regions.
fn row_record<'a>(c: &'a RowChange, blank: Record<'a>) -> Record<'a> {
    let table = TableKind::from_name(&c.table);
    let (year, key) = match c.key.split_first() {
        Some((year, rest)) if table.is_none_or(|t| t.has_year()) => (year.as_str(), rest),
        _ => ("", c.key.as_slice()),
    };
    let (level, area, item) = match (table, key) {
        (Some(TableKind::Regions), _) => ("", key.join(" "), String::new()),
        (Some(t), [village, rest @ ..]) if t.has_village() => {
            ("village", village.clone(), rest.join(" "))
        }
        _ => ("", String::new(), key.join(" ")),
    };
    Record {
        table: &c.table,
        year: year.to_string(),
        level,
        area_code: area,
        item,
        field: &c.field,
        old: Value::Text(&c.old),
        new: Value::Text(&c.new),
        location: &c.location,
        ..blank
    }
}

pub fn write_csv(path: &Path, r: &Revisions) -> Result<()> {
    let io = |e: csv::Error| {
        Error::io(
            path,
            Msg::RevStepWrite,
            std::io::Error::other(e.to_string()),
        )
    };
    let mut w = csv::Writer::from_path(path).map_err(io)?;
    let records = records(r);
    if records.is_empty() {
        w.write_record(HEADER).map_err(io)?;
    }
    for record in records {
        w.serialize(record).map_err(io)?;
    }
    w.flush().map_err(|e| Error::io(path, Msg::RevStepWrite, e))
}

const HEADER: [&str; 14] = [
    "kind",
    "table",
    "year",
    "level",
    "area_code",
    "area_name",
    "item",
    "field",
    "unit",
    "old",
    "new",
    "change",
    "change_pct",
    "location",
];

/// revisions.xlsx: revisions.csv's records with Chinese headings, the totals' values as
/// numbers shown to the report's precision.
pub fn write_xlsx(path: &Path, r: &Revisions) -> Result<()> {
    let mut workbook = Workbook::new();
    let records = records(r);
    if !sheet::fits(records.len(), false) {
        // A country's revisions can pass Excel's rows; revisions.csv has them all.
        return Ok(());
    }
    let err = xlsx::error(path);
    if let Some(dir) = path.parent() {
        workbook.set_tempdir(dir).map_err(&err)?;
    }
    let sheet = workbook.add_worksheet_with_low_memory().map_err(&err)?;
    revisions_sheet(sheet, &records).map_err(&err)?;
    xlsx::save(workbook, "修订报告", path)
}

fn revisions_sheet(
    sheet: &mut Worksheet,
    records: &[Record],
) -> std::result::Result<(), XlsxError> {
    let mut table = Table::new(sheet, SHEET_REVISIONS, None, &HEADER_ZH)?;
    for record in records {
        let dp = indicators::get(record.field).map_or(4, |i| i.report_decimals);
        let value = |v| match v {
            Value::Text(text) => Cell::Text(text),
            Value::Number(n) => Cell::Number(n, dp),
        };
        let year = match record.year.parse::<i64>() {
            Ok(y) => Cell::Int(y),
            Err(_) => Cell::Text(&record.year),
        };
        table.push(&[
            Cell::Text(&record.kind),
            Cell::Text(record.table),
            year,
            Cell::Text(record.level),
            Cell::Text(&record.area_code),
            Cell::Text(record.area_name),
            Cell::Text(&record.item),
            Cell::Text(record.field),
            Cell::Text(record.unit),
            value(record.old),
            value(record.new),
            Cell::Number(record.change.0, dp),
            Cell::Number(record.change_pct.0, 4),
            Cell::Text(record.location),
        ])?;
    }
    table.finish()
}

fn change_zh(change: &str) -> &'static str {
    match change {
        "added" => "新增",
        "removed" => "删除",
        _ => "修改",
    }
}

/// The level's Chinese noun; a key this version does not know (a run stored by another
/// version) is shown as it is.
fn level_zh(level: &str) -> &str {
    match Level::from_key(level) {
        Some(known) => known.noun_zh(),
        None => level,
    }
}

fn indicator_label(key: &str, item: &str, catalogue: &Catalogue) -> String {
    match indicators::get(key) {
        Some(def) => {
            let label = indicators::item_label(def, item, catalogue);
            if label.is_empty() {
                def.name_zh.to_string()
            } else {
                format!("{}·{label}", def.name_zh)
            }
        }
        None => key.to_string(),
    }
}

pub fn markdown(r: &Revisions, catalogue: &Catalogue) -> String {
    let mut out = format!(
        "# 修订报告\n\n本次运行 {} 与上次运行 {} 比较。\n\n",
        r.to, r.from
    );
    if r.is_empty() {
        out.push_str("无变化。\n");
        return out;
    }
    out.push_str("## 输入文件\n\n");
    if r.inputs.is_empty() {
        out.push_str("无变化。\n\n");
    } else {
        let rows: Vec<Vec<String>> = r
            .inputs
            .iter()
            .map(|c| {
                vec![
                    change_zh(c.change).to_string(),
                    c.table.clone(),
                    c.path.clone(),
                ]
            })
            .collect();
        out.push_str(&table(
            &["变化", "表", "文件"],
            &rows,
            &[false, false, false],
        ));
        out.push('\n');
    }
    out.push_str("## 数据行\n\n");
    if r.rows.is_empty() {
        out.push_str("无变化。\n\n");
    } else {
        let rows: Vec<Vec<String>> = r
            .rows
            .iter()
            .map(|c| {
                vec![
                    change_zh(c.change).to_string(),
                    c.table.clone(),
                    c.key.join("，"),
                    c.field.clone(),
                    c.old.clone(),
                    c.new.clone(),
                    c.location.clone(),
                ]
            })
            .collect();
        out.push_str(&table(
            &[
                "变化",
                "表",
                "行（年份，村，项目）",
                "字段",
                "原值",
                "新值",
                "位置",
            ],
            &rows,
            &[false, false, false, false, true, true, false],
        ));
        out.push('\n');
    }
    out.push_str("## 汇总数\n\n");
    if r.totals.is_empty() {
        out.push_str("无变化。\n");
    } else {
        let rows: Vec<Vec<String>> = r
            .totals
            .iter()
            .map(|t| {
                vec![
                    t.year.to_string(),
                    format!("{}（{}）", t.area_name, level_zh(&t.level)),
                    indicator_label(&t.indicator, &t.item, catalogue),
                    t.unit.clone(),
                    show(t.old),
                    show(t.new),
                    show(t.change),
                    show(t.change_pct),
                ]
            })
            .collect();
        out.push_str(&table(
            &[
                "年份",
                "地区",
                "指标",
                "单位",
                "原值",
                "新值",
                "增减",
                "增减（%）",
            ],
            &rows,
            &[false, false, false, false, true, true, true, true],
        ));
    }
    out
}

/// A few lines for the terminal, in the user's language; the full lists are in revisions.csv.
pub fn summary(r: &Revisions, limit: usize) -> String {
    if r.is_empty() {
        return format!("{}\n", tr!(Msg::RevNoChanges, run = r.from));
    }
    let head = tr!(
        Msg::RevHead,
        run = r.from,
        inputs = r.inputs.len(),
        rows = r.rows.len(),
        totals = r.totals.len()
    );
    let mut lines = vec![head];
    let change = change_labels();
    for c in &r.inputs {
        let (change, path, table) = (change(c.change), &c.path, &c.table);
        lines.push(tr!(
            Msg::RevInput,
            change = change,
            path = path,
            table = table
        ));
    }
    let separator = tr!(Msg::RevKeySeparator);
    for c in r.rows.iter().take(limit) {
        let (change, table, key) = (change(c.change), &c.table, c.key.join(&separator));
        let location = &c.location;
        lines.push(if c.field.is_empty() {
            tr!(
                Msg::RevRow,
                change = change,
                table = table,
                key = key,
                location = location
            )
        } else {
            let (field, old, new) = (&c.field, &c.old, &c.new);
            tr!(
                Msg::RevRowField,
                change = change,
                table = table,
                key = key,
                field = field,
                old = old,
                new = new,
                location = location
            )
        });
    }
    if r.rows.len() > limit {
        lines.push(tr!(Msg::RevMoreRows, count = r.rows.len() - limit));
    }
    let shown: Vec<_> = r
        .totals
        .iter()
        .filter(|t| t.level != "village")
        .take(limit)
        .collect();
    lines.extend(shown.iter().map(|t| total_line(t)));
    let rest = r.totals.len() - shown.len();
    if rest > 0 {
        lines.push(tr!(Msg::RevMoreTotals, count = rest));
    }
    let mut out = lines.remove(0) + "\n";
    for line in lines {
        out.push_str(&format!("  {line}\n"));
    }
    out
}

/// The words for added, removed and changed in the user's language, padded to one width
/// (one more than the longest) so that the summary's lines align.
fn change_labels() -> impl Fn(&str) -> String {
    let words = [
        ("added", tr!(Msg::RevAdded)),
        ("removed", tr!(Msg::RevRemoved)),
        ("changed", tr!(Msg::RevChanged)),
    ];
    let width = words
        .iter()
        .map(|(_, w)| w.chars().count())
        .max()
        .unwrap_or(0)
        + 1;
    move |change: &str| {
        let word = words
            .iter()
            .find(|(code, _)| *code == change)
            .map_or(change, |(_, w)| w.as_str());
        format!("{word:<width$}")
    }
}

/// A changed total as the summary shows it: its level in the user's language (a level this
/// version does not know as it is), the indicator and item by their keys.
fn total_line(t: &TotalChange) -> String {
    let level = Level::from_key(&t.level).map_or(t.level.as_str(), |l| l.title());
    let item = if t.item.is_empty() {
        String::new()
    } else {
        format!(" {}", t.item)
    };
    tr!(
        Msg::RevTotal,
        year = t.year,
        level = level,
        area = t.area_code,
        indicator = t.indicator,
        item = item,
        old = show(t.old),
        new = show(t.new),
        unit = t.unit,
        change = t
            .change
            .map_or(String::new(), |c| format!("{:+}", c.normalize())),
        pct = t
            .change_pct
            .map_or("?".to_string(), |c| format!("{:+}", c.normalize()))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_level_has_its_own_chinese_name() {
        let names: Vec<&str> = [
            "village",
            "township",
            "county",
            "prefecture",
            "province",
            "total",
        ]
        .into_iter()
        .map(level_zh)
        .collect();
        assert_eq!(names, ["村", "乡镇", "区县", "地市", "省", "合计"]);
        assert_eq!(level_zh("district"), "district");
    }
}
