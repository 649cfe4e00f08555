//! totals.md: the township (and county) figures as a report states them, in Chinese, with
//! units, measures (口径) and the source. The same text is printed on the terminal.

use unicode_width::UnicodeWidthStr;

use super::Layout;
use crate::aggregate::{Results, Row};
use crate::catalogue::{Catalogue, Group, Sector};
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

/// One line of an area's report table: its label, unit and figure. totals.md rounds the
/// figure to the report's precision; totals.xlsx stores totals.csv's numbers and formats them.
pub struct Line {
    pub title: String,
    pub unit: String,
    pub indicator: &'static Indicator,
    pub figure: Figure,
}

/// The areas of a report level with figures in the report year, and each area's lines.
pub fn level_tables(
    plan: &Plan,
    results: &Results,
    catalogue: &Catalogue,
    level: Level,
) -> Vec<(u32, Vec<Line>)> {
    (0..results.areas(level).len() as u32)
        .filter_map(|area| {
            let rows = results.rows(level, plan.year, area);
            (!rows.is_empty()).then(|| (area, lines(results, &rows, catalogue)))
        })
        .collect()
}

/// The heading of an area's table, without the Markdown.
pub fn heading(plan: &Plan, results: &Results, level: Level, area: u32) -> String {
    let areas = results.areas(level);
    let (code, name) = (&areas.codes[area as usize], &areas.names[area as usize]);
    let year = plan.year;
    if level == Level::Total {
        format!("{name}{year}年主要指标")
    } else {
        format!("{name}（{}代码 {code}）{year}年主要指标", level.noun_zh())
    }
}

/// The report for the pipeline's year: one table per area of the report levels, bottom up.
pub fn render(plan: &Plan, results: &Results, catalogue: &Catalogue, layout: &Layout) -> String {
    let mut out = format!("# {}\n\n", plan.name);
    let header = header(plan);
    let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
    let right: Vec<bool> = (0..header.len()).map(|i| i >= 2).collect();
    for &level in &layout.report_levels {
        for (area, lines) in level_tables(plan, results, catalogue, level) {
            out.push_str(&format!("## {}\n\n", heading(plan, results, level, area)));
            let texts: Vec<Vec<String>> = lines.iter().map(|l| l.texts(plan)).collect();
            out.push_str(&table(&header_refs, &texts, &right));
            out.push('\n');
        }
    }
    out.push_str("注：\n\n");
    for (i, n) in notes(plan, layout).iter().enumerate() {
        out.push_str(&format!("{}. {n}\n", i + 1));
    }
    out
}

/// The column headings of a report table.
pub fn header(plan: &Plan) -> Vec<String> {
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
fn lines(results: &Results, rows: &[Row], catalogue: &Catalogue) -> Vec<Line> {
    let mut lines = Vec::new();
    for indicator in INDICATORS.iter() {
        let mut mine: Vec<&Row> = rows.iter().filter(|r| r.ind == indicator.id).collect();
        mine.sort_by_key(|r| item_order(indicator, results.item(r.item), catalogue));
        if indicator.id == Ind::ProductOutput {
            let all: Vec<&str> = mine.iter().map(|r| results.item(r.item)).collect();
            mine.retain(|r| !alone_in_reported_group(results.item(r.item), &all, catalogue));
        }
        for row in mine {
            let item = results.item(row.item);
            let label = indicators::item_label(indicator, item, catalogue);
            let title = match indicator.items {
                _ if item.is_empty() => indicator.name_zh.to_string(),
                Items::Crops | Items::Species | Items::AnimalProducts => {
                    format!("{label}{}", indicator.name_zh)
                }
                _ => format!("　#{label}"),
            };
            lines.push(Line {
                title,
                unit: indicators::unit_of(indicator, item, catalogue),
                indicator,
                figure: row.figure,
            });
        }
    }
    lines
}

impl Line {
    /// The line as totals.md shows it: each figure rounded once to the report's precision.
    fn texts(&self, plan: &Plan) -> Vec<String> {
        let (f, indicator) = (&self.figure, self.indicator);
        let dp = indicator.report_decimals;
        let show = |v: Option<rust_decimal::Decimal>, dp: u32| {
            v.map_or("—".to_string(), |v| fixed(v, dp))
        };
        let mut line = vec![
            self.title.clone(),
            self.unit.clone(),
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
}

/// Whether an animal product is the only one of its group (meat, egg) in the area: then the
/// group's own line (肉类总产量, 禽蛋产量) already states its output, and a second line with
/// the same name and figure would only confuse a reader.
fn alone_in_reported_group(item: &str, items: &[&str], catalogue: &Catalogue) -> bool {
    let group = |code: &str| catalogue.get(code).map(|p| p.group);
    match group(item) {
        Some(g @ (Group::Meat | Group::Egg)) => {
            items.iter().filter(|other| group(other) == Some(g)).count() == 1
        }
        _ => false,
    }
}

/// The notes under the report: measures (口径), comparisons, where other levels went, source.
pub fn notes(plan: &Plan, layout: &Layout) -> Vec<String> {
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
    notes
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
