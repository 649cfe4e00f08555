//! Report charts: the default chart set for every township and county of a run, drawn with
//! plotters as SVG and turned by resvg into outlined SVG and print-resolution PNG. Pure:
//! returns file names and bytes; `report` writes them with the other outputs.

pub mod data;
pub mod draw;
pub mod font;
pub mod kinds;
pub mod raster;

use crate::aggregate::Results;
use crate::catalogue::Catalogue;
use crate::config::charts::{ChartSettings, ImageFormat};
use crate::config::Plan;
use crate::lang::Msg;
use crate::level::Level;
use crate::tr;
use crate::warning::{Check, Warning};
use data::{Area, ChartData};
use draw::{Figure, Panel};

/// One rendered file, named relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

type Builder = fn(&ChartData, &Area) -> kinds::Built;

fn builder(key: &str) -> Option<Builder> {
    Some(match key {
        "gov_by_sector" => kinds::gov_by_sector,
        "gov_by_area" => kinds::gov_by_area,
        "crops" => kinds::crops,
        "livestock" => kinds::livestock,
        "income_by_area" => kinds::income_by_area,
        "dividends" => kinds::dividends,
        "comparison" => kinds::comparison,
        "trend" => kinds::trend,
        _ => return None,
    })
}

/// Renders every chart the plan asks for, for every area of `levels`.
pub fn render_all(
    plan: &Plan,
    results: &Results,
    catalogue: &Catalogue,
    levels: &[Level],
) -> (Vec<ChartFile>, Vec<Warning>) {
    font::register();
    let data = ChartData::new(
        results,
        catalogue,
        plan.year,
        plan.previous_year,
        levels.to_vec(),
    );
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    let charts = plan.charts.for_years(plan.years.len());
    for area in data.areas() {
        let villages = data.villages(&area);
        for (number, &(key, settings)) in charts.iter().enumerate() {
            let Some(build) = builder(key) else { continue };
            let skipped = |reason: String| Warning {
                year: plan.year,
                village_code: area.code.clone(),
                check: Check::ChartSkipped,
                location: None,
                message: tr!(
                    Msg::ChartSkipped,
                    key = key,
                    name = area.name,
                    code = area.code,
                    reason = reason
                ),
            };
            let mut figure = match build(&data, &area) {
                Ok(f) => f,
                Err(reason) => {
                    warnings.push(skipped(reason));
                    continue;
                }
            };
            if let Some(title) = &settings.title {
                figure.title = title.clone();
            }
            figure.note = format!(
                "数据来源：{}{}个村上报报表，agristat {} 汇总",
                area.name,
                villages,
                env!("CARGO_PKG_VERSION")
            );
            let missing = font::missing_glyphs(&figure_text(&figure));
            if !missing.is_empty() {
                let chars: String = missing.into_iter().collect();
                warnings.push(Warning {
                    year: plan.year,
                    village_code: area.code.clone(),
                    check: Check::ChartMissingGlyph,
                    location: None,
                    message: tr!(
                        Msg::ChartMissingGlyph,
                        key = key,
                        name = area.name,
                        chars = chars
                    ),
                });
            }
            let stem = format!("charts/{}-{:02}-{key}", area.code, number + 1);
            match render(&figure, settings) {
                Ok(rendered) => {
                    files.extend(rendered.into_iter().map(|(format, bytes)| ChartFile {
                        name: format!("{stem}.{}", format.extension()),
                        bytes,
                    }))
                }
                Err(reason) => warnings.push(skipped(tr!(Msg::ChartNotDrawn, reason = reason))),
            }
        }
    }
    (files, warnings)
}

fn figure_text(figure: &Figure) -> String {
    let mut text = format!(
        "{}{}",
        figure.title,
        figure.subtitle.clone().unwrap_or_default()
    );
    for panel in &figure.panels {
        match panel {
            Panel::Bars(bars) => {
                text.push_str(&bars.title.clone().unwrap_or_default());
                text.push_str(&bars.categories.concat());
                text.push_str(&bars.axis);
                for series in &bars.series {
                    text.push_str(&series.name);
                }
            }
            Panel::Lines(lines) => {
                text.push_str(&lines.title);
                text.push_str(&lines.unit);
                for line in &lines.lines {
                    text.push_str(&line.name);
                }
            }
        }
    }
    text
}

/// The figure in each requested format.
pub fn render(
    figure: &Figure,
    settings: &ChartSettings,
) -> Result<Vec<(ImageFormat, Vec<u8>)>, String> {
    let svg = draw::svg(figure, raster::canvas(settings))?;
    settings
        .formats
        .iter()
        .map(|format| {
            let bytes = match format {
                ImageFormat::Png => raster::png(&svg, settings)?,
                ImageFormat::Svg => raster::outlined_svg(&svg)?,
            };
            Ok((*format, bytes))
        })
        .collect()
}
