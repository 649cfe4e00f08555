//! The revision report as people and tools read it: revisions.csv, revisions.md (Chinese)
//! and a short summary for the terminal.

use std::path::Path;

use rust_decimal::Decimal;

use super::revisions::Revisions;
use crate::catalogue::Catalogue;
use crate::error::{Error, Result};
use crate::figure::plain;
use crate::indicators;
use crate::report::markdown::table;
use crate::schema::TableKind;

fn show(v: Option<Decimal>) -> String {
    v.map_or(String::new(), plain)
}

pub fn write_csv(path: &Path, r: &Revisions) -> Result<()> {
    let io = |e: csv::Error| {
        Error::io(
            path,
            "writing the revision report",
            std::io::Error::other(e.to_string()),
        )
    };
    let mut w = csv::Writer::from_path(path).map_err(io)?;
    w.write_record([
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
    ])
    .map_err(io)?;
    for c in &r.inputs {
        let kind = format!("input_{}", c.change);
        w.write_record([
            kind.as_str(),
            &c.table,
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            &c.path,
        ])
        .map_err(io)?;
    }
    for c in &r.rows {
        let kind = format!("row_{}", c.change);
        // The key is (year, village, item…), (year, product) for prices, (code) for regions.
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
        w.write_record([
            kind.as_str(),
            &c.table,
            year,
            level,
            &area,
            "",
            &item,
            &c.field,
            "",
            &c.old,
            &c.new,
            "",
            "",
            &c.location,
        ])
        .map_err(io)?;
    }
    for t in &r.totals {
        w.write_record([
            "total_changed",
            "",
            &t.year.to_string(),
            &t.level,
            &t.area_code,
            &t.area_name,
            &t.item,
            &t.indicator,
            &t.unit,
            &show(t.old),
            &show(t.new),
            &show(t.change),
            &show(t.change_pct),
            "",
        ])
        .map_err(io)?;
    }
    w.flush()
        .map_err(|e| Error::io(path, "writing the revision report", e))
}

fn change_zh(change: &str) -> &'static str {
    match change {
        "added" => "新增",
        "removed" => "删除",
        _ => "修改",
    }
}

fn level_zh(level: &str) -> &'static str {
    match level {
        "village" => "村",
        "township" => "乡镇",
        _ => "区县",
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

/// A few lines for the terminal; the full lists are in revisions.csv.
pub fn summary(r: &Revisions, limit: usize) -> String {
    if r.is_empty() {
        return format!("no changes against run {}\n", r.from);
    }
    let mut out = format!(
        "revisions against run {}: {} input file(s), {} row change(s), {} total(s) changed\n",
        r.from,
        r.inputs.len(),
        r.rows.len(),
        r.totals.len()
    );
    for c in &r.inputs {
        out.push_str(&format!(
            "  input {:<8} {} ({})\n",
            c.change, c.path, c.table
        ));
    }
    for c in r.rows.iter().take(limit) {
        let what = if c.field.is_empty() {
            String::new()
        } else {
            format!(" {}: {} -> {}", c.field, c.old, c.new)
        };
        out.push_str(&format!(
            "  row {:<8} {} ({}){what}  [{}]\n",
            c.change,
            c.table,
            c.key.join(", "),
            c.location
        ));
    }
    if r.rows.len() > limit {
        out.push_str(&format!(
            "  ... {} more row change(s) in revisions.csv\n",
            r.rows.len() - limit
        ));
    }
    let shown: Vec<_> = r
        .totals
        .iter()
        .filter(|t| t.level != "village")
        .take(limit)
        .collect();
    for t in &shown {
        let item = if t.item.is_empty() {
            String::new()
        } else {
            format!(" {}", t.item)
        };
        out.push_str(&format!(
            "  total {} {} {} {}{item}: {} -> {} {} ({}, {}%)\n",
            t.year,
            t.level,
            t.area_code,
            t.indicator,
            show(t.old),
            show(t.new),
            t.unit,
            t.change
                .map_or(String::new(), |c| format!("{:+}", c.normalize())),
            t.change_pct
                .map_or("?".to_string(), |c| format!("{:+}", c.normalize())),
        ));
    }
    let rest = r.totals.len() - shown.len();
    if rest > 0 {
        out.push_str(&format!(
            "  ... {rest} more total(s), village figures included, in revisions.csv\n"
        ));
    }
    out
}
