//! totals.md: the township (and county) figures as a report states them, in Chinese, with
//! units, measures (口径) and the source. The same text is printed on the terminal.

use std::collections::BTreeMap;

use unicode_width::UnicodeWidthStr;

use super::columns::Columns;
use super::values::fixed;
use crate::aggregate::indicators::{self, Items, INDICATORS};
use crate::catalogue::{Catalogue, Sector};
use crate::config::Plan;

/// Renders a Markdown table whose columns line up in a terminal (CJK characters are two
/// columns wide). `right[i]` right-aligns column i.
pub fn table(header: &[&str], rows: &[Vec<String>], right: &[bool]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let pad = |cell: &str, i: usize| {
        let fill = " ".repeat(widths[i] - cell.width());
        if right[i] {
            format!("{fill}{cell}")
        } else {
            format!("{cell}{fill}")
        }
    };
    let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    let mut out = line(header.iter().enumerate().map(|(i, h)| pad(h, i)).collect());
    out.push_str(&line(
        widths
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let dashes = "-".repeat((*w).max(3));
                if right[i] {
                    format!("{}:", &dashes[1..])
                } else {
                    dashes
                }
            })
            .collect(),
    ));
    for row in rows {
        out.push_str(&line(
            row.iter().enumerate().map(|(i, c)| pad(c, i)).collect(),
        ));
    }
    out
}

/// Sort position of an item within its indicator: totals first, then catalogue, sector or
/// component order, then by name.
fn item_order(
    indicator: &indicators::Indicator,
    item: &str,
    catalogue: &Catalogue,
) -> (usize, String) {
    if item.is_empty() {
        return (0, String::new());
    }
    let position = match indicator.items {
        Items::Crops | Items::Species | Items::AnimalProducts => {
            catalogue.products.iter().position(|p| p.code == item)
        }
        Items::TotalAndSectors => Sector::ALL.iter().position(|s| s.code() == item),
        Items::TotalAndComponents => indicators::INCOME_COMPONENTS
            .iter()
            .position(|(k, _)| *k == item),
        Items::TotalAndProjects | Items::Total => None,
    };
    (1 + position.unwrap_or(usize::MAX - 1), item.to_string())
}

/// The report for the pipeline's year: one table per township, then per county.
pub fn render(plan: &Plan, columns: &Columns, catalogue: &Catalogue, villages: usize) -> String {
    // (level order, area_code) -> (area_name, indicator -> rows)
    let mut areas: BTreeMap<(u8, String), (String, Vec<usize>)> = BTreeMap::new();
    for i in 0..columns.len() {
        if columns.year[i] != plan.year {
            continue;
        }
        let level = match columns.level[i].as_str() {
            "township" => 0,
            "county" => 1,
            _ => continue,
        };
        areas
            .entry((level, columns.area_code[i].clone()))
            .or_insert_with(|| (columns.area_name[i].clone(), Vec::new()))
            .1
            .push(i);
    }

    let year = plan.year;
    let mut out = format!("# {}\n\n", plan.name);
    let mut header = vec!["指标".to_string(), "单位".to_string(), format!("{year}年")];
    if let Some(prev) = plan.previous_year {
        header.push(format!("{prev}年"));
        header.push("比上年增减".to_string());
        header.push("比上年增长（%）".to_string());
    }
    let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
    let right: Vec<bool> = (0..header.len()).map(|i| i >= 2).collect();

    for ((level, code), (name, rows)) in &areas {
        let level_name = if *level == 0 { "乡镇" } else { "区县" };
        out.push_str(&format!(
            "## {name}（{level_name}代码 {code}）{year}年主要指标\n\n"
        ));
        let mut lines = Vec::new();
        for indicator in INDICATORS {
            let mut mine: Vec<usize> = rows
                .iter()
                .copied()
                .filter(|&i| columns.indicator[i] == indicator.key)
                .collect();
            mine.sort_by_key(|&i| item_order(indicator, &columns.item[i], catalogue));
            if indicator.key == "product_output" {
                let all = mine.clone();
                mine.retain(|&i| {
                    !alone_in_reported_group(&columns.item[i], &all, columns, catalogue)
                });
            }
            for i in mine {
                let item = &columns.item[i];
                let label = indicators::item_label(indicator, item, catalogue);
                let title = match indicator.items {
                    _ if item.is_empty() => indicator.name_zh.to_string(),
                    Items::Crops | Items::Species | Items::AnimalProducts => {
                        format!("{label}{}", indicator.name_zh)
                    }
                    _ => format!("　#{label}"),
                };
                let f = columns.figure(i);
                let dp = indicator.report_decimals;
                let show = |v: Option<rust_decimal::Decimal>, dp: u32| {
                    v.map_or("—".to_string(), |v| fixed(v, dp))
                };
                let mut line = vec![
                    title,
                    indicators::unit_of(indicator, item, catalogue),
                    show(f.value(indicator, dp), dp),
                ];
                if plan.previous_year.is_some() {
                    line.push(show(f.previous(indicator, dp), dp));
                    line.push(show(f.change(indicator, dp), dp));
                    line.push(show(f.growth_pct(indicator), 1));
                }
                lines.push(line);
            }
        }
        out.push_str(&table(&header_refs, &lines, &right));
        out.push('\n');
    }
    out.push_str(&notes(plan, villages));
    out
}

/// Whether an animal product is the only one of its group (meat, egg) in the area: then the
/// group's own line (肉类总产量, 禽蛋产量) already states its output, and a second line with
/// the same name and figure would only confuse a reader.
fn alone_in_reported_group(
    item: &str,
    rows: &[usize],
    columns: &Columns,
    catalogue: &Catalogue,
) -> bool {
    let group = |code: &str| catalogue.get(code).map(|p| p.group.clone());
    match group(item) {
        Some(g) if g == "meat" || g == "egg" => {
            rows.iter()
                .filter(|&&j| group(&columns.item[j]).as_deref() == Some(g.as_str()))
                .count()
                == 1
        }
        _ => false,
    }
}

fn notes(plan: &Plan, villages: usize) -> String {
    let mut notes = vec![
        "农林牧渔业总产值按产品法计算：各产品产量×当年价格，加林业、渔业、农林牧渔服务业产值；现价。".to_string(),
        "粮食包括谷物、豆类和薯类，薯类按5公斤鲜薯折1公斤粮食。".to_string(),
        "农民人均纯收入为农经口径：各村纯收入合计÷各村汇总人口合计（比值的和，不是各村人均的平均）。".to_string(),
        "出栏率 = 本年出栏 ÷ 上年末存栏 × 100%（国家统计局口径），仅在有上年数据时计算。".to_string(),
    ];
    if let Some(prev) = plan.previous_year {
        notes.push(format!(
            "总产值比上年增长按可比价计算：本年产量按{prev}年价格计算的产值÷{prev}年现价产值；其余增长按本年数÷上年数。"
        ));
    }
    notes.push(format!(
        "数据来源：{villages}个村上报报表，agristat {} 汇总；合计为精确值四舍五入，分项之和可能与合计略有出入。",
        env!("CARGO_PKG_VERSION")
    ));
    let mut out = String::from("注：\n\n");
    for (i, n) in notes.iter().enumerate() {
        out.push_str(&format!("{}. {n}\n", i + 1));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_line_up_with_wide_characters() {
        let t = table(
            &["指标", "值"],
            &[
                vec!["粮食产量".into(), "4750.0".into()],
                vec!["人口".into(), "1".into()],
            ],
            &[false, true],
        );
        assert_eq!(
            t,
            "| 指标     |     值 |\n| -------- | -----: |\n| 粮食产量 | 4750.0 |\n| 人口     |      1 |\n"
        );
    }
}
