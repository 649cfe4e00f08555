//! The default chart set: what each chart shows for one area, as a `Figure`. A chart that
//! has nothing to show returns the reason instead.

use crate::lang::Msg;
use crate::tr;
use rust_decimal::prelude::ToPrimitive;

use super::data::{Area, ChartData};
use super::draw::{thousands, Bars, Figure, Line, Lines, Panel, Series};
use crate::catalogue::Sector;
use crate::config::charts::TREND_MIN_YEARS;
use crate::figure::compared_with_zh;
use crate::indicators::{Ind, INCOME_COMPONENTS};

pub type Built = Result<Figure, String>;

fn one(values: Vec<f64>, labels: Vec<Option<String>>, name: &str) -> Series {
    Series {
        name: name.to_string(),
        values,
        labels,
    }
}

fn bars(axis: String, categories: Vec<String>, series: Vec<Series>) -> Bars {
    Bars {
        title: None,
        axis,
        categories,
        series,
        stacked: false,
        totals: Vec::new(),
        reference: None,
    }
}

fn pct(v: f64) -> String {
    format!("{v:+.1}%")
}

/// 1. 农林牧渔业总产值构成: value and share of each sector.
pub fn gov_by_sector(d: &ChartData, area: &Area) -> Built {
    let total = d
        .value(area, Ind::GrossOutputValue, "")
        .filter(|v| *v > 0.0)
        .ok_or_else(|| tr!(Msg::ChartNoOutputValue))?;
    let sectors: Vec<(Sector, f64)> = Sector::ALL
        .into_iter()
        .filter_map(|s| {
            d.value(area, Ind::GrossOutputValue, s.code())
                .map(|v| (s, v))
        })
        .filter(|(_, v)| *v > 0.0)
        .collect();
    let labels = sectors
        .iter()
        .map(|(_, v)| Some(format!("{}（{:.1}%）", thousands(*v, 2), v / total * 100.0)))
        .collect();
    Ok(Figure {
        title: format!("{}{}年农林牧渔业总产值构成", area.name, d.year),
        subtitle: Some(format!("合计 {} 万元（现价，产品法）", thousands(total, 2))),
        note: String::new(),
        panels: vec![bars(
            "总产值（万元）".into(),
            sectors
                .iter()
                .map(|(s, _)| s.name_zh().to_string())
                .collect(),
            vec![one(
                sectors.iter().map(|(_, v)| *v).collect(),
                labels,
                "总产值",
            )],
        )
        .into()],
    })
}

/// Children of `area` with a value of `indicator`, sorted from the largest.
fn ranked(d: &ChartData, area: &Area, indicator: Ind, item: &str) -> Vec<(String, f64)> {
    let mut rows: Vec<(String, f64)> = d
        .children(area)
        .into_iter()
        .filter_map(|c| d.value(&c, indicator, item).map(|v| (c.name, v)))
        .collect();
    rows.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    rows
}

/// 2. Gross output value by village (or township), with the average for reference.
pub fn gov_by_area(d: &ChartData, area: &Area) -> Built {
    let total = d
        .value(area, Ind::GrossOutputValue, "")
        .ok_or_else(|| tr!(Msg::ChartNoOutputValue))?;
    let rows = ranked(d, area, Ind::GrossOutputValue, "");
    if rows.is_empty() {
        return Err(tr!(Msg::ChartNoAreaOutputValue, areas = area.child_noun(d)));
    }
    let mean = total / rows.len() as f64;
    let mut b = bars(
        "总产值（万元）".into(),
        rows.iter().map(|r| r.0.clone()).collect(),
        vec![one(
            rows.iter().map(|r| r.1).collect(),
            rows.iter().map(|r| Some(thousands(r.1, 2))).collect(),
            "总产值",
        )],
    );
    b.reference = Some((
        mean,
        format!("{}均 {} 万元", area.child_noun(d), thousands(mean, 2)),
    ));
    Ok(Figure {
        title: format!(
            "{}{}年各{}农林牧渔业总产值",
            area.name,
            d.year,
            area.child_noun(d)
        ),
        subtitle: Some(format!(
            "{}合计 {} 万元（现价）",
            area.whole(),
            thousands(total, 2)
        )),
        note: String::new(),
        panels: vec![b.into()],
    })
}

/// 3. Sown area and output of the crops.
pub fn crops(d: &ChartData, area: &Area) -> Built {
    let mut items: Vec<(String, f64, f64)> = d
        .items(area, Ind::CropSownArea)
        .into_iter()
        .map(|item| {
            let a = d.value(area, Ind::CropSownArea, &item).unwrap_or(0.0);
            let o = d.value(area, Ind::CropOutput, &item).unwrap_or(0.0);
            (d.label(Ind::CropSownArea, &item), a, o)
        })
        .filter(|(_, a, _)| *a > 0.0)
        .collect();
    if items.is_empty() {
        return Err(tr!(Msg::ChartNoCrops));
    }
    items.sort_by(|a, b| b.1.total_cmp(&a.1));
    let names: Vec<String> = items.iter().map(|i| i.0.clone()).collect();
    let grain_area = d.value(area, Ind::GrainSownArea, "").unwrap_or(0.0);
    let grain = d.value(area, Ind::GrainOutput, "").unwrap_or(0.0);
    let mut area_bars = bars(
        "播种面积（亩）".into(),
        names.clone(),
        vec![one(
            items.iter().map(|i| i.1).collect(),
            items.iter().map(|i| Some(thousands(i.1, 0))).collect(),
            "播种面积",
        )],
    );
    area_bars.title = Some("播种面积".into());
    let mut output_bars = bars(
        "产量（吨，实物量）".into(),
        names,
        vec![one(
            items.iter().map(|i| i.2).collect(),
            items.iter().map(|i| Some(thousands(i.2, 1))).collect(),
            "产量",
        )],
    );
    output_bars.title = Some("产量".into());
    Ok(Figure {
        title: format!("{}{}年主要农作物播种面积和产量", area.name, d.year),
        subtitle: Some(format!(
            "粮食播种面积 {} 亩，粮食产量 {} 吨（薯类按5公斤鲜薯折1公斤粮食；图中薯类产量为鲜重）",
            thousands(grain_area, 0),
            thousands(grain, 1)
        )),
        note: String::new(),
        panels: vec![area_bars.into(), output_bars.into()],
    })
}

/// 4. Year-end stock and offtake per species, one panel per unit (头, 羽, 群).
pub fn livestock(d: &ChartData, area: &Area) -> Built {
    let mut species: Vec<String> = d.items(area, Ind::YearEndStock);
    for s in d.items(area, Ind::Offtake) {
        if !species.contains(&s) {
            species.push(s);
        }
    }
    if species.is_empty() {
        return Err(tr!(Msg::ChartNoLivestock));
    }
    let mut units: Vec<String> = Vec::new();
    for s in &species {
        let u = d.unit(Ind::YearEndStock, s);
        if !units.contains(&u) {
            units.push(u);
        }
    }
    let mut panels: Vec<Panel> = Vec::new();
    for unit in &units {
        let mine: Vec<&String> = species
            .iter()
            .filter(|s| &d.unit(Ind::YearEndStock, s) == unit)
            .collect();
        let stock: Vec<f64> = mine
            .iter()
            .map(|s| d.value(area, Ind::YearEndStock, s).unwrap_or(0.0))
            .collect();
        let offtake: Vec<f64> = mine
            .iter()
            .map(|s| d.value(area, Ind::Offtake, s).unwrap_or(0.0))
            .collect();
        let label = |v: &f64| (*v > 0.0).then(|| thousands(*v, 0));
        let mut series = vec![one(
            stock.clone(),
            stock.iter().map(label).collect(),
            "年末存栏",
        )];
        if offtake.iter().any(|v| *v > 0.0) {
            series.push(one(
                offtake.clone(),
                offtake.iter().map(label).collect(),
                "出栏",
            ));
        }
        let mut b = bars(
            format!("数量（{unit}）"),
            mine.iter().map(|s| d.label(Ind::YearEndStock, s)).collect(),
            series,
        );
        b.title = Some(format!("单位：{unit}"));
        panels.push(b.into());
    }
    let meat = d.value(area, Ind::MeatOutput, "").unwrap_or(0.0);
    let eggs = d.value(area, Ind::EggOutput, "").unwrap_or(0.0);
    Ok(Figure {
        title: format!("{}{}年畜禽年末存栏和出栏", area.name, d.year),
        subtitle: Some(format!(
            "肉类总产量 {} 吨，禽蛋产量 {} 吨",
            thousands(meat, 1),
            thousands(eggs, 1)
        )),
        note: String::new(),
        panels,
    })
}

/// 5. Per-capita net income by village, its four components, and the area's figure.
pub fn income_by_area(d: &ChartData, area: &Area) -> Built {
    let whole = d
        .value(area, Ind::NetIncomePerCapita, "")
        .ok_or("no income or population")?;
    let rows = ranked(d, area, Ind::NetIncomePerCapita, "");
    if rows.is_empty() {
        return Err(tr!(Msg::ChartNoIncome, areas = area.child_noun(d)));
    }
    let children = d.children(area);
    let by_name = |name: &str| children.iter().find(|c| c.name == name).cloned();
    let series = INCOME_COMPONENTS
        .iter()
        .map(|(key, name)| {
            let values = rows
                .iter()
                .map(|(n, _)| {
                    by_name(n)
                        .and_then(|c| d.value(&c, Ind::NetIncomePerCapita, key))
                        .unwrap_or(0.0)
                })
                .collect();
            one(values, Vec::new(), name)
        })
        .collect();
    let mut b = bars(
        "人均纯收入（元）".into(),
        rows.iter().map(|r| r.0.clone()).collect(),
        series,
    );
    b.stacked = true;
    b.totals = rows.iter().map(|r| Some(thousands(r.1, 0))).collect();
    b.reference = Some((
        whole,
        format!("{} {} 元", area.whole(), thousands(whole, 0)),
    ));
    Ok(Figure {
        title: format!(
            "{}{}年各{}农民人均纯收入",
            area.name,
            d.year,
            area.child_noun(d)
        ),
        subtitle: Some(format!(
            "{}农民人均纯收入 {} 元（农经口径：纯收入合计÷人口合计）",
            area.whole(),
            thousands(whole, 0)
        )),
        note: String::new(),
        panels: vec![b.into()],
    })
}

/// 6. Industry dividends by project and by village.
pub fn dividends(d: &ChartData, area: &Area) -> Built {
    let total = d
        .value(area, Ind::Dividends, "")
        .filter(|v| *v > 0.0)
        .ok_or("no dividends")?;
    let mut projects: Vec<(String, f64)> = d
        .items(area, Ind::Dividends)
        .into_iter()
        .filter_map(|p| d.value(area, Ind::Dividends, &p).map(|v| (p, v)))
        .collect();
    projects.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let villages = ranked(d, area, Ind::Dividends, "");
    let panel = |title: &str, rows: &[(String, f64)]| {
        let mut b = bars(
            "分红金额（万元）".into(),
            rows.iter().map(|r| r.0.clone()).collect(),
            vec![one(
                rows.iter().map(|r| r.1).collect(),
                rows.iter().map(|r| Some(thousands(r.1, 2))).collect(),
                "分红",
            )],
        );
        b.title = Some(title.to_string());
        b
    };
    let households = d.value(area, Ind::DividendHouseholds, "").unwrap_or(0.0);
    let poor = d
        .value(area, Ind::DividendPoorHouseholds, "")
        .unwrap_or(0.0);
    Ok(Figure {
        title: format!("{}{}年产业分红", area.name, d.year),
        subtitle: Some(format!(
            "合计 {} 万元，分红 {} 户次，其中贫困户 {} 户次",
            thousands(total, 2),
            thousands(households, 0),
            thousands(poor, 0)
        )),
        note: String::new(),
        panels: vec![
            panel("按项目", &projects).into(),
            panel(&format!("按{}", area.child_noun(d)), &villages).into(),
        ],
    })
}

/// The headline indicators of the comparison and trend charts: (indicator, item, name, unit).
const HEADLINES: [(Ind, &str, &str, &str); 8] = [
    (Ind::GrossOutputValue, "", "农林牧渔业总产值", "万元"),
    (Ind::GrainSownArea, "", "粮食播种面积", "亩"),
    (Ind::GrainOutput, "", "粮食产量", "吨"),
    (Ind::MeatOutput, "", "肉类总产量", "吨"),
    (Ind::EggOutput, "", "禽蛋产量", "吨"),
    (Ind::Dividends, "", "产业分红", "万元"),
    (Ind::NetIncomePerCapita, "", "农民人均纯收入", "元"),
    (Ind::Population, "", "人口", "人"),
];

/// Decimals of a headline value in a data label, by unit: as the report tables print them.
fn headline_decimals(unit: &str) -> usize {
    match unit {
        "万元" => 2,
        "吨" => 1,
        _ => 0,
    }
}

/// 7. This year against last: growth of the headline indicators.
pub fn comparison(d: &ChartData, area: &Area) -> Built {
    let previous_year = d.previous_year.ok_or("the pipeline has no previous year")?;
    let rows: Vec<(String, f64, String)> = HEADLINES
        .iter()
        .filter_map(|(indicator, item, name, unit)| {
            let growth = d.growth_pct(area, *indicator, item)?;
            let now = d.value(area, *indicator, item)?;
            let before = d.previous(area, *indicator, item)?;
            let decimals = headline_decimals(unit);
            let text = format!(
                "{} → {}（{}）",
                thousands(before, decimals),
                thousands(now, decimals),
                pct(growth)
            );
            Some((format!("{name}（{unit}）"), growth, text))
        })
        .collect();
    if rows.is_empty() {
        return Err(tr!(Msg::ChartNoFigures, year = previous_year));
    }
    Ok(Figure {
        title: format!("{}{}年主要指标比{}年增长", area.name, d.year, previous_year),
        subtitle: Some(format!(
            "标签：{} → 本年（增长率）；总产值按可比价计算增长",
            if previous_year == d.year - 1 {
                "上年".to_string()
            } else {
                format!("{previous_year}年")
            }
        )),
        note: String::new(),
        panels: vec![bars(
            format!("{}增长（%）", compared_with_zh(d.year, previous_year)),
            rows.iter().map(|r| r.0.clone()).collect(),
            vec![one(
                rows.iter().map(|r| r.1).collect(),
                rows.iter().map(|r| Some(r.2.clone())).collect(),
                "增长",
            )],
        )
        .into()],
    })
}

/// One headline indicator over `years`, with its last value as the label; `None` when it has
/// no figure other than zero in any year (the pipeline has no such table).
fn trend_line(d: &ChartData, area: &Area, years: &[i32], headline: usize) -> Option<Line> {
    let (ind, item, name, unit) = HEADLINES[headline];
    let values: Vec<Option<f64>> = years
        .iter()
        .map(|y| d.exact(*y, area, ind, item).and_then(|v| v.to_f64()))
        .collect();
    if values.iter().flatten().all(|v| *v == 0.0) {
        return None;
    }
    let (year, value) = years
        .iter()
        .zip(&values)
        .filter_map(|(y, v)| v.map(|v| (*y, v)))
        .next_back()?;
    let mut label = thousands(value, headline_decimals(unit));
    // A line that stops before the last year says which year its label is.
    if Some(&year) != years.last() {
        label.push_str(&format!("（{year}年）"));
    }
    Some(Line {
        name: name.to_string(),
        values,
        last_label: Some(label),
    })
}

/// 8. The headline indicators over the pipeline's years, one panel per unit.
///
/// Population is left out: it is the divisor of income per head, and a fifth panel would
/// crowd the figure.
pub fn trend(d: &ChartData, area: &Area) -> Built {
    let years = &d.results.hierarchy.years;
    if years.len() < TREND_MIN_YEARS {
        return Err(tr!(Msg::ChartFewYears, years = years.len()));
    }
    let mut panels: Vec<Lines> = Vec::new();
    let mut output_value = false;
    for (i, (ind, _, name, unit)) in HEADLINES.iter().enumerate() {
        if *ind == Ind::Population {
            continue;
        }
        let Some(line) = trend_line(d, area, years, i) else {
            continue;
        };
        output_value |= *ind == Ind::GrossOutputValue;
        match panels.iter_mut().find(|p| p.unit == *unit) {
            Some(p) => {
                p.title = format!("{}、{name}", p.title);
                p.lines.push(line);
            }
            None => panels.push(Lines {
                title: name.to_string(),
                unit: unit.to_string(),
                years: years.clone(),
                lines: vec![line],
            }),
        }
    }
    if panels.is_empty() {
        return Err(tr!(Msg::ChartNoHeadline));
    }
    let (first, last) = (years[0], years[years.len() - 1]);
    let prices = if output_value {
        "农林牧渔业总产值按当年价格（现价）计算；"
    } else {
        ""
    };
    Ok(Figure {
        title: format!("{}{first}—{last}年主要指标趋势", area.name),
        subtitle: Some(format!("{prices}线端数字为{last}年数值")),
        note: String::new(),
        panels: panels.into_iter().map(Panel::from).collect(),
    })
}
