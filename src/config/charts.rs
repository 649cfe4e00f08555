//! The `[charts]` section resolved: which charts, at what size, resolution and formats.

use std::collections::BTreeMap;

use toml::Spanned;

use super::joined;
use super::spec::RawCharts;
use crate::error::{did_you_mean, Location, Problem};
use crate::lang::Msg;
use crate::tr;

/// The charts agristat knows, in the order they are drawn and numbered. A new chart goes
/// last, so that the numbers in the file names of the others stay as they were.
pub const CHART_KEYS: [&str; 8] = [
    "gov_by_sector",
    "gov_by_area",
    "crops",
    "livestock",
    "income_by_area",
    "dividends",
    "comparison",
    "trend",
];

/// The years a trend needs: with two, it would only repeat the comparison chart.
pub const TREND_MIN_YEARS: usize = 3;

/// Charts in the default set only when the pipeline reads at least this many years.
const DEFAULT_MIN_YEARS: [(&str, usize); 1] = [("trend", TREND_MIN_YEARS)];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ImageFormat {
    Png,
    Svg,
}

impl ImageFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Png => "png",
            ImageFormat::Svg => "svg",
        }
    }
}

/// How one chart is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSettings {
    pub title: Option<String>,
    pub width_cm: f64,
    pub height_cm: f64,
    pub dpi: u32,
    pub formats: Vec<ImageFormat>,
}

impl Default for ChartSettings {
    /// A report figure: 16 cm × 10 cm at 300 dpi, PNG for Word and SVG for print.
    fn default() -> Self {
        ChartSettings {
            title: None,
            width_cm: 16.0,
            height_cm: 10.0,
            dpi: 300,
            formats: vec![ImageFormat::Png, ImageFormat::Svg],
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct ChartsPlan {
    /// The charts to draw, by key, each with its settings, in `CHART_KEYS` order.
    pub charts: Vec<(&'static str, ChartSettings)>,
    /// Whether `draw` listed them; otherwise they are the default set.
    pub listed: bool,
}

impl ChartsPlan {
    /// The charts to draw for a pipeline of `years` years, in the order they are numbered.
    /// The default set leaves out the charts that need more years. A chart that `draw` lists
    /// stays, so that the run says why it was skipped.
    pub fn for_years(&self, years: usize) -> Vec<(&'static str, &ChartSettings)> {
        self.charts
            .iter()
            .filter(|(key, _)| {
                self.listed
                    || DEFAULT_MIN_YEARS
                        .iter()
                        .all(|(k, min)| k != key || years >= *min)
            })
            .map(|(key, settings)| (*key, settings))
            .collect()
    }
}

/// Collects problems through `at`, which turns a span into a location.
pub fn resolve(
    raw: &RawCharts,
    at: &dyn Fn(std::ops::Range<usize>) -> Location,
    problems: &mut Vec<Problem>,
) -> ChartsPlan {
    let unknown = |key: &Spanned<String>, what: &str, problems: &mut Vec<Problem>| {
        problems.push(
            Problem::new(
                at(key.span()),
                tr!(
                    Msg::CfgUnknownChart,
                    key = what,
                    chart = key.get_ref(),
                    charts = joined(&CHART_KEYS)
                ),
            )
            .with_hint(did_you_mean(key.get_ref(), CHART_KEYS)),
        );
    };
    let mut base = ChartSettings::default();
    apply(
        &mut base,
        raw.width_cm.as_ref(),
        raw.height_cm.as_ref(),
        raw.dpi.as_ref(),
        raw.formats.as_ref(),
        "charts",
        at,
        problems,
    );

    let mut chosen: Vec<&'static str> = CHART_KEYS.to_vec();
    if let Some(draw) = &raw.draw {
        chosen.clear();
        for key in draw {
            match CHART_KEYS.iter().find(|k| **k == key.get_ref()) {
                Some(k) if !chosen.contains(k) => chosen.push(k),
                Some(_) => {}
                None => unknown(key, "charts.draw", problems),
            }
        }
        chosen.sort_by_key(|k| CHART_KEYS.iter().position(|x| x == k));
    }
    let mut settings: BTreeMap<&'static str, ChartSettings> =
        chosen.iter().map(|k| (*k, base.clone())).collect();
    for (key, o) in &raw.overrides {
        let Some(k) = CHART_KEYS.iter().find(|k| **k == key.get_ref()) else {
            unknown(key, "charts.override", problems);
            continue;
        };
        let Some(s) = settings.get_mut(k) else {
            continue;
        };
        let what = format!("charts.override.{k}");
        apply(
            s,
            o.width_cm.as_ref(),
            o.height_cm.as_ref(),
            o.dpi.as_ref(),
            o.formats.as_ref(),
            &what,
            at,
            problems,
        );
        if let Some(title) = &o.title {
            s.title = Some(title.clone());
        }
    }
    ChartsPlan {
        charts: chosen
            .into_iter()
            .map(|k| (k, settings[k].clone()))
            .collect(),
        listed: raw.draw.is_some(),
    }
}

#[allow(clippy::too_many_arguments)]
fn apply(
    s: &mut ChartSettings,
    width: Option<&Spanned<f64>>,
    height: Option<&Spanned<f64>>,
    dpi: Option<&Spanned<u32>>,
    formats: Option<&Vec<Spanned<String>>>,
    what: &str,
    at: &dyn Fn(std::ops::Range<usize>) -> Location,
    problems: &mut Vec<Problem>,
) {
    for (value, target, name) in [
        (width, &mut s.width_cm, "width_cm"),
        (height, &mut s.height_cm, "height_cm"),
    ] {
        if let Some(v) = value {
            if (2.0..=100.0).contains(v.get_ref()) {
                *target = *v.get_ref();
            } else {
                let key = format!("{what}.{name}");
                let message = tr!(Msg::CfgChartSize, key = key, value = v.get_ref());
                problems.push(Problem::new(at(v.span()), message));
            }
        }
    }
    if let Some(d) = dpi {
        if (50..=1200).contains(d.get_ref()) {
            s.dpi = *d.get_ref();
        } else {
            let key = format!("{what}.dpi");
            let message = tr!(Msg::CfgChartDpi, key = key, value = d.get_ref());
            problems.push(Problem::new(at(d.span()), message));
        }
    }
    if let Some(list) = formats {
        let mut chosen = Vec::new();
        for f in list {
            match f.get_ref().to_ascii_lowercase().as_str() {
                "png" => chosen.push(ImageFormat::Png),
                "svg" => chosen.push(ImageFormat::Svg),
                other => problems.push(Problem::new(
                    at(f.span()),
                    tr!(
                        Msg::CfgChartFormat,
                        key = format!("{what}.formats"),
                        format = other
                    ),
                )),
            }
        }
        chosen.sort();
        chosen.dedup();
        s.formats = chosen;
    }
}
