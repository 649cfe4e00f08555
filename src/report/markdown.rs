//! totals.md: the township (and county) figures as a report states them, in Chinese, with
//! units, measures (口径) and the source. The same text is printed on the terminal.

use unicode_width::UnicodeWidthStr;

use super::Layout;
use crate::aggregate::{Results, Row};
use crate::catalogue::{Catalogue, Sector};
use crate::config::Plan;
use crate::figure::{compared_with_zh, fixed, Figure};
use crate::indicators::{self, Ind, Indicator, Items, INDICATORS};
use crate::level::Level;

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

/// The report for the pipeline's year: one table per area of the report levels, bottom up.
pub fn render(plan: &Plan, results: &Results, catalogue: &Catalogue, layout: &Layout) -> String {
    let year = plan.year;
    let mut out = format!("# {}\n\n", plan.name);
    let header = header(plan);
    let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
    let right: Vec<bool> = (0..header.len()).map(|i| i >= 2).collect();
    for &level in &layout.report_levels {
        let areas = results.areas(level);
        for area in 0..areas.len() as u32 {
            let rows = results.rows(level, year, area);
            if rows.is_empty() {
                continue;
            }
            let (code, name) = (&areas.codes[area as usize], &areas.names[area as usize]);
            let heading = if level == Level::Total {
                format!("## {name}{year}年主要指标\n\n")
            } else {
                format!(
                    "## {name}（{}代码 {code}）{year}年主要指标\n\n",
                    level.noun_zh()
                )
            };
            out.push_str(&heading);
            let lines = lines(plan, results, &rows, catalogue);
            out.push_str(&table(&header_refs, &lines, &right));
            out.push('\n');
        }
    }
    out.push_str(&notes(plan, layout));
    out
}

fn header(plan: &Plan) -> Vec<String> {
    let year = plan.year;
    let mut header = vec!["指标".to_string(), "单位".to_string(), format!("{year}年")];
    if let Some(prev) = plan.previous_year {
        let than = compared_with_zh(year, prev);
        header.push(format!("{prev}年"));
        header.push(format!("{than}增减"));
        header.push(format!("{than}增长（%）"));
    }
    if let Some(base) = plan.base_year {
        header.push(format!("比{base}年增长（%）"));
        header.push(format!("{base}—{year}年年均增长（%）"));
    }
    header
}

/// The lines of one area's table: indicators in declaration order, items in catalogue,
/// sector or component order.
fn lines(plan: &Plan, results: &Results, rows: &[Row], catalogue: &Catalogue) -> Vec<Vec<String>> {
    let mut lines = Vec::new();
    for indicator in INDICATORS.iter() {
        let mut mine: Vec<&Row> = rows.iter().filter(|r| r.ind == indicator.id).collect();
        mine.sort_by_key(|r| item_order(indicator, results.item(r.item), catalogue));
        if indicator.id == Ind::ProductOutput {
            let all: Vec<&str> = mine.iter().map(|r| results.item(r.item)).collect();
            mine.retain(|r| !alone_in_reported_group(results.item(r.item), &all, catalogue));
        }
        for row in mine {
            lines.push(line(
                plan,
                indicator,
                results.item(row.item),
                &row.figure,
                catalogue,
            ));
        }
    }
    lines
}

fn line(
    plan: &Plan,
    indicator: &Indicator,
    item: &str,
    f: &Figure,
    catalogue: &Catalogue,
) -> Vec<String> {
    let label = indicators::item_label(indicator, item, catalogue);
    let title = match indicator.items {
        _ if item.is_empty() => indicator.name_zh.to_string(),
        Items::Crops | Items::Species | Items::AnimalProducts => {
            format!("{label}{}", indicator.name_zh)
        }
        _ => format!("　#{label}"),
    };
    let dp = indicator.report_decimals;
    let show =
        |v: Option<rust_decimal::Decimal>, dp: u32| v.map_or("—".to_string(), |v| fixed(v, dp));
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
    if plan.base_year.is_some() {
        line.push(show(f.growth_since_base_pct(indicator, 1), 1));
        line.push(show(f.average_annual_growth_pct(indicator, 1), 1));
    }
    line
}

/// Whether an animal product is the only one of its group (meat, egg) in the area: then the
/// group's own line (肉类总产量, 禽蛋产量) already states its output, and a second line with
/// the same name and figure would only confuse a reader.
fn alone_in_reported_group(item: &str, items: &[&str], catalogue: &Catalogue) -> bool {
    let group = |code: &str| catalogue.get(code).map(|p| p.group.clone());
    match group(item) {
        Some(g) if g == "meat" || g == "egg" => {
            items
                .iter()
                .filter(|other| group(other).as_deref() == Some(g.as_str()))
                .count()
                == 1
        }
        _ => false,
    }
}

fn notes(plan: &Plan, layout: &Layout) -> String {
    let mut notes = vec![
        "农林牧渔业总产值按产品法计算：各产品产量×当年价格，加林业、渔业、农林牧渔服务业产值；现价。".to_string(),
        "粮食包括谷物、豆类和薯类，薯类按5公斤鲜薯折1公斤粮食。".to_string(),
        "农民人均纯收入为农经口径：各村纯收入合计÷各村汇总人口合计（比值的和，不是各村人均的平均）。".to_string(),
        "出栏率 = 本年出栏 ÷ 上年末存栏 × 100%（国家统计局口径），仅在有上年数据时计算。".to_string(),
    ];
    if let Some(prev) = plan.previous_year {
        notes.push(format!(
            "总产值{than}增长按可比价计算：本年产量按{prev}年价格计算的产值÷{prev}年现价产值；其余增长按本年数÷{prev}年数。",
            than = compared_with_zh(plan.year, prev)
        ));
    }
    if let Some(base) = plan.base_year {
        notes.push(format!(
            "年均增长率为几何平均：（{}年数÷{base}年数）开{}次方减1；总产值按{base}年价格计算（可比价）。",
            plan.year,
            plan.year - base
        ));
    }
    let unreported = layout.unreported();
    if !unreported.is_empty() {
        let names: Vec<&str> = unreported.iter().map(|l| l.noun_zh()).collect();
        notes.push(format!(
            "本表只列出上级汇总；各{}的数据见 totals.csv。",
            names.join("、")
        ));
    }
    notes.push(format!(
        "数据来源：{}个村上报报表，agristat {} 汇总；合计为精确值四舍五入，分项之和可能与合计略有出入。",
        layout.villages,
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
