//! Drawing primitives: a figure (title, subtitle, legend, panels, source note) whose panels
//! are horizontal bar charts or line charts over years. Horizontal bars keep long Chinese
//! names readable without rotating them.

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::font::FAMILY;

/// Okabe–Ito: distinguishable with the common colour-vision deficiencies and in grey print.
pub const PALETTE: [RGBColor; 7] = [
    RGBColor(0, 114, 178),   // blue
    RGBColor(230, 159, 0),   // orange
    RGBColor(0, 158, 115),   // bluish green
    RGBColor(204, 121, 167), // reddish purple
    RGBColor(86, 180, 233),  // sky blue
    RGBColor(213, 94, 0),    // vermillion
    RGBColor(240, 228, 66),  // yellow
];

const INK: RGBColor = RGBColor(33, 33, 33);
const GRID: RGBColor = RGBColor(225, 225, 225);
const TITLE_PX: f64 = 15.0;
const TEXT_PX: f64 = 10.0;
const NOTE_PX: f64 = 8.5;

pub struct Series {
    pub name: String,
    pub values: Vec<f64>,
    /// A data label per category (None: no label).
    pub labels: Vec<Option<String>>,
}

pub struct Bars {
    pub title: Option<String>,
    /// The axis title, with the unit.
    pub axis: String,
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    /// Series stacked end to end (components of a total) instead of side by side.
    pub stacked: bool,
    /// Labels at the end of each stacked bar.
    pub totals: Vec<Option<String>>,
    /// A dashed reference line and its legend text.
    pub reference: Option<(f64, String)>,
}

/// One line of a line panel: a value per year of the panel.
pub struct Line {
    pub name: String,
    /// `None` where the year has no figure: the line has a gap there, not a dip to zero.
    pub values: Vec<Option<f64>>,
    /// The label at the line's last point.
    pub last_label: Option<String>,
}

/// A line chart over years, every year marked and labelled on the x axis.
pub struct Lines {
    /// What the panel shows; with the unit, the title of the y axis, written above the axis
    /// so that it reads horizontally (the unit alone where the panel is too narrow).
    pub title: String,
    pub unit: String,
    pub years: Vec<i32>,
    pub lines: Vec<Line>,
}

pub enum Panel {
    Bars(Bars),
    Lines(Lines),
}

impl From<Bars> for Panel {
    fn from(bars: Bars) -> Panel {
        Panel::Bars(bars)
    }
}

impl From<Lines> for Panel {
    fn from(lines: Lines) -> Panel {
        Panel::Lines(lines)
    }
}

pub struct Figure {
    pub title: String,
    pub subtitle: Option<String>,
    pub note: String,
    pub panels: Vec<Panel>,
}

/// The number of each panel's first line. Lines are numbered across the figure's panels;
/// line `i` is drawn in style `i`, and the legend shows the same style.
fn line_numbers(figure: &Figure) -> Vec<usize> {
    let mut next = 0;
    figure
        .panels
        .iter()
        .map(|p| {
            let first = next;
            if let Panel::Lines(l) = p {
                next += l.lines.len();
            }
            first
        })
        .collect()
}

/// Colours for lines: Okabe–Ito without the yellow, which is too faint as a thin line on white.
const LINE_COLORS: usize = 6;
/// Marker shapes, so that lines stay apart in grey print.
const MARKERS: usize = 5;

/// How line `i` is told apart: colour, marker shape, and dashes for every other line.
fn line_style(i: usize) -> (RGBColor, usize, bool) {
    (PALETTE[i % LINE_COLORS], i % MARKERS, i % 2 == 1)
}

fn font(px: f64) -> TextStyle<'static> {
    (FAMILY, px).into_font().color(&INK)
}

fn text_width(text: &str, px: f64) -> u32 {
    (FAMILY, px)
        .into_font()
        .box_size(text)
        .map_or(0, |(w, _)| w)
}

/// Numbers with thousands separators, as reports print them.
pub fn thousands(v: f64, decimals: usize) -> String {
    // Half away from zero, as statistical tables round (format! rounds half to even).
    let factor = 10f64.powi(decimals as i32);
    let v = (v * factor).round() / factor;
    let s = format!("{:.*}", decimals, v.abs());
    let (int, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let grouped = crate::text::group_digits(int);
    let sign = if v < 0.0 && s.chars().any(|c| c != '0' && c != '.') {
        "-"
    } else {
        ""
    };
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// Draws the figure into an SVG document of `size` pixels.
pub fn svg(figure: &Figure, size: (u32, u32)) -> Result<String, String> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        let (w, h) = size;
        let margin = 10;
        let legend = legend_entries(figure);
        let mut title_h = if figure.subtitle.is_some() { 44 } else { 28 };
        if !legend.is_empty() {
            let rows = draw_legend(&root, &legend, title_h + 6, w)?;
            title_h += 20 * rows;
        }
        root.draw(&Text::new(
            figure.title.clone(),
            ((w / 2) as i32, 8),
            font(TITLE_PX).pos(Pos::new(HPos::Center, VPos::Top)),
        ))
        .map_err(|e| e.to_string())?;
        if let Some(sub) = &figure.subtitle {
            root.draw(&Text::new(
                sub.clone(),
                ((w / 2) as i32, 28),
                font(TEXT_PX).pos(Pos::new(HPos::Center, VPos::Top)),
            ))
            .map_err(|e| e.to_string())?;
        }
        root.draw(&Text::new(
            figure.note.clone(),
            (margin, h as i32 - 6),
            font(NOTE_PX)
                .color(&RGBColor(90, 90, 90))
                .pos(Pos::new(HPos::Left, VPos::Bottom)),
        ))
        .map_err(|e| e.to_string())?;
        let body = root.margin(title_h, 20, margin, margin);
        let areas = body.split_evenly(grid(&figure.panels));
        let numbers = line_numbers(figure);
        for ((area, p), first_line) in areas.iter().zip(&figure.panels).zip(numbers) {
            match p {
                Panel::Bars(bars) => bars_panel(area, bars)?,
                Panel::Lines(lines) => lines_panel(area, lines, first_line)?,
            }
        }
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// Rows and columns of the panels: side by side up to three, then in two rows, so that each
/// panel keeps a readable width. Line panels go two to a row: years need width more than
/// height.
fn grid(panels: &[Panel]) -> (usize, usize) {
    let n = panels.len();
    let lines = panels.iter().any(|p| matches!(p, Panel::Lines(_)));
    if n <= 2 || (n == 3 && !lines) {
        (1, n.max(1))
    } else if lines {
        (n.div_ceil(2), 2)
    } else {
        (2, n.div_ceil(2))
    }
}

enum Swatch {
    Box(RGBColor),
    Dash,
    /// Line `i` of the figure: its colour, marker and dashes.
    Line(usize),
}

impl Swatch {
    /// From the swatch's left edge to its text.
    fn width(&self) -> i32 {
        match self {
            Swatch::Line(_) => 26,
            _ => 18,
        }
    }
}

/// The legend of the whole figure: series shown in more than one colour, lines, and
/// reference lines. Drawn above the panels, where it cannot cover a bar or a line.
fn legend_entries(figure: &Figure) -> Vec<(String, Swatch)> {
    let mut entries: Vec<(String, Swatch)> = Vec::new();
    let mut line = 0;
    for p in &figure.panels {
        match p {
            Panel::Bars(bars) if bars.series.len() > 1 || bars.stacked => {
                for (j, s) in bars.series.iter().enumerate() {
                    if !entries.iter().any(|(n, _)| *n == s.name) {
                        entries.push((s.name.clone(), Swatch::Box(PALETTE[j % PALETTE.len()])));
                    }
                }
            }
            Panel::Bars(_) => {}
            Panel::Lines(lines) => {
                for l in &lines.lines {
                    entries.push((l.name.clone(), Swatch::Line(line)));
                    line += 1;
                }
            }
        }
    }
    for p in &figure.panels {
        if let Panel::Bars(Bars {
            reference: Some((_, text)),
            ..
        }) = p
        {
            entries.push((text.clone(), Swatch::Dash));
        }
    }
    entries
}

/// Splits the legend into rows that fit `width`; each row is centred.
fn legend_rows(widths: &[i32], gap: i32, width: i32) -> Vec<std::ops::Range<usize>> {
    let mut rows = Vec::new();
    let (mut start, mut used) = (0, 0);
    for (i, w) in widths.iter().enumerate() {
        if i > start && used + gap + w > width {
            rows.push(start..i);
            (start, used) = (i, 0);
        }
        used += if i > start { gap + w } else { *w };
    }
    rows.push(start..widths.len());
    rows
}

/// Draws the legend in rows from `y` down, each centred on a page `width` wide and wrapped
/// within its margins; returns the number of rows.
fn draw_legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    entries: &[(String, Swatch)],
    y: i32,
    width: u32,
) -> Result<i32, String> {
    let gap = 16;
    let widths: Vec<i32> = entries
        .iter()
        .map(|(text, swatch)| swatch.width() + text_width(text, TEXT_PX) as i32)
        .collect();
    let page = width as i32;
    let rows = legend_rows(&widths, gap, page - 20);
    for (r, row) in rows.iter().enumerate() {
        let y = y + 20 * r as i32;
        let total: i32 = widths[row.clone()].iter().sum::<i32>() + gap * (row.len() as i32 - 1);
        let mut x = (page - total) / 2;
        for ((text, swatch), w) in entries[row.clone()].iter().zip(&widths[row.clone()]) {
            draw_swatch(root, swatch, (x, y))?;
            root.draw(&Text::new(
                text.clone(),
                (x + swatch.width(), y),
                font(TEXT_PX).pos(Pos::new(HPos::Left, VPos::Center)),
            ))
            .map_err(|e| e.to_string())?;
            x += w + gap;
        }
    }
    Ok(rows.len() as i32)
}

fn draw_swatch<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    swatch: &Swatch,
    (x, y): (i32, i32),
) -> Result<(), String> {
    match swatch {
        Swatch::Box(color) => root
            .draw(&Rectangle::new(
                [(x, y - 5), (x + 12, y + 5)],
                color.filled(),
            ))
            .map_err(|e| e.to_string()),
        Swatch::Dash => root
            .draw(&DashedPathElement::new(
                vec![(x, y), (x + 14, y)],
                3,
                2,
                ShapeStyle::from(&INK).stroke_width(1),
            ))
            .map_err(|e| e.to_string()),
        Swatch::Line(i) => {
            stroke(root, &[(x, y), (x + 20, y)], *i)?;
            marker(root, (x + 10, y), *i)
        }
    }
}

type Coordf64 = plotters::coord::types::RangedCoordf64;

/// A data label: the point it belongs to, its offset from there in pixels, and its text.
type Label = ((f64, f64), (i32, i32), String);

/// Data labels on a white ground, so that grid and reference lines never cross the digits.
/// Each starts right of its point, moved by its offset.
fn data_label<DB, X, Y>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<X, Y>>,
    labels: Vec<Label>,
) -> Result<(), String>
where
    DB: DrawingBackend,
    X: Ranged<ValueType = f64>,
    Y: Ranged<ValueType = f64>,
{
    let elements = labels.into_iter().map(|(at, (dx, dy), text)| {
        let w = text_width(&text, TEXT_PX) as i32;
        EmptyElement::at(at)
            + Rectangle::new([(dx + 3, dy - 7), (dx + w + 6, dy + 7)], WHITE.filled())
            + Text::new(
                text,
                (dx + 4, dy),
                font(TEXT_PX).pos(Pos::new(HPos::Left, VPos::Center)),
            )
    });
    chart.draw_series(elements).map_err(|e| e.to_string())?;
    Ok(())
}

/// Where the bars of one panel end: the sum of a stack, else the longest bar (at least 0).
fn bar_ends(bars: &Bars) -> Vec<f64> {
    (0..bars.categories.len())
        .map(|i| {
            if bars.stacked {
                bars.series.iter().map(|s| s.values[i]).sum()
            } else {
                bars.series.iter().map(|s| s.values[i]).fold(0.0, f64::max)
            }
        })
        .collect()
}

/// The value axis of a bar panel: from the lowest bar (or 0) to the longest, with room right
/// of it for its data label.
fn bar_range(bars: &Bars, ends: &[f64], plot_w: f64) -> (f64, f64) {
    let lows = (0..bars.categories.len())
        .map(|i| bars.series.iter().map(|s| s.values[i]).fold(0.0, f64::min));
    let min = lows.fold(0.0, f64::min);
    let mut max = ends.iter().copied().fold(0.0, f64::max);
    if let Some((r, _)) = bars.reference {
        max = max.max(r);
    }
    if max <= 0.0 {
        max = 1.0;
    }
    let data_label_w = bars
        .series
        .iter()
        .flat_map(|s| s.labels.iter().flatten())
        .chain(bars.totals.iter().flatten())
        .map(|l| text_width(l, TEXT_PX))
        .max()
        .unwrap_or(0) as f64
        + 8.0;
    let share = (data_label_w / plot_w).min(0.6);
    let x_min = if min < 0.0 { min * 1.1 } else { 0.0 };
    (x_min, max / (1.0 - share))
}

fn bars_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    bars: &Bars,
) -> Result<(), String> {
    let n = bars.categories.len();
    let slots = n.max(1);
    let label_w = bars
        .categories
        .iter()
        .map(|c| text_width(c, TEXT_PX))
        .max()
        .unwrap_or(0)
        + 8;
    let ends = bar_ends(bars);
    let plot_w = (f64::from(area.dim_in_pixel().0) - f64::from(label_w) - 20.0).max(50.0);
    let (x_min, x_max) = bar_range(bars, &ends, plot_w);

    let mut builder = ChartBuilder::on(area);
    builder
        .margin(4)
        .x_label_area_size(34)
        .y_label_area_size(label_w);
    if let Some(title) = &bars.title {
        builder.caption(title, font(TEXT_PX + 1.0));
    }
    let y_range = -0.5f64..(slots as f64 - 0.5);
    let mut chart = builder
        .build_cartesian_2d(x_min..x_max, y_range)
        .map_err(|e| e.to_string())?;
    // Category i sits at y = slots-1-i, so the first category is at the top.
    let names = bars.categories.clone();
    let y_name = move |y: &f64| {
        let i = (slots as f64 - 1.0 - y).round();
        if (y - y.round()).abs() < 1e-6 && i >= 0.0 && (i as usize) < n {
            names[i as usize].clone()
        } else {
            String::new()
        }
    };
    let span = x_max - x_min;
    let decimals = if span < 10.0 { 1 } else { 0 };
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(slots)
        .x_labels(6)
        .x_label_formatter(&|v| thousands(*v, decimals))
        .y_label_formatter(&y_name)
        .x_desc(bars.axis.clone())
        .label_style(font(TEXT_PX))
        .axis_desc_style(font(TEXT_PX))
        .bold_line_style(GRID)
        .light_line_style(WHITE.mix(0.0))
        .axis_style(INK)
        .draw()
        .map_err(|e| e.to_string())?;

    let plot_h = (f64::from(area.dim_in_pixel().1) - 70.0).max(20.0);
    let mut labels = draw_bars(&mut chart, bars, plot_h)?;
    for (i, (end, total)) in ends.iter().zip(&bars.totals).enumerate() {
        if let Some(text) = total {
            labels.push(((end.max(0.0), (slots - 1 - i) as f64), (0, 0), text.clone()));
        }
    }
    if let Some((r, _)) = &bars.reference {
        let style = ShapeStyle::from(&INK).stroke_width(1);
        chart
            .draw_series(std::iter::once(DashedPathElement::new(
                vec![(*r, -0.5), (*r, slots as f64 - 0.5)],
                5,
                4,
                style,
            )))
            .map_err(|e| e.to_string())?;
    }
    data_label(&mut chart, labels)?;
    Ok(())
}

/// The bars of a panel whose plot is `plot_h` pixels high; returns their data labels.
fn draw_bars<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<Coordf64, Coordf64>>,
    bars: &Bars,
    plot_h: f64,
) -> Result<Vec<Label>, String> {
    let slots = bars.categories.len().max(1);
    let k = bars.series.len().max(1);
    // Bars fill three quarters of their slot, but never grow thicker than 26 px each, so
    // that a panel with one or two categories does not show slabs.
    let slot_px = plot_h / slots as f64;
    let per_slot = if bars.stacked { 1 } else { k };
    let band = (0.76f64).min(26.0 * per_slot as f64 / slot_px);
    let mut labels = Vec::new();
    for (j, series) in bars.series.iter().enumerate() {
        let color = PALETTE[j % PALETTE.len()];
        let mut rects = Vec::new();
        for i in 0..bars.categories.len() {
            let y = (slots - 1 - i) as f64;
            let (x0, x1, top, bottom) = if bars.stacked {
                let before: f64 = bars.series[..j].iter().map(|s| s.values[i]).sum();
                (
                    before,
                    before + series.values[i],
                    y + band / 2.0,
                    y - band / 2.0,
                )
            } else {
                let h = band / k as f64;
                let top = y + band / 2.0 - j as f64 * h;
                (0.0, series.values[i], top, top - h)
            };
            if x1 != x0 {
                rects.push(Rectangle::new([(x0, top), (x1, bottom)], color.filled()));
            }
            if let Some(Some(text)) = series.labels.get(i) {
                labels.push(((x1.max(0.0), (top + bottom) / 2.0), (0, 0), text.clone()));
            }
        }
        chart.draw_series(rects).map_err(|e| e.to_string())?;
    }
    Ok(labels)
}

/// A line of `points` in the style of line `i`: solid or dashed, 2 px wide.
fn stroke<DB: DrawingBackend, CT: CoordTranslate>(
    area: &DrawingArea<DB, CT>,
    points: &[CT::From],
    i: usize,
) -> Result<(), String>
where
    CT::From: Clone,
{
    let (color, _, dashed) = line_style(i);
    let style = color.stroke_width(2);
    if dashed {
        area.draw(&DashedPathElement::new(points.to_vec(), 6, 3, style))
    } else {
        area.draw(&PathElement::new(points.to_vec(), style))
    }
    .map_err(|e| e.to_string())
}

/// The marker of line `i` at `at`: circle, square, triangle, diamond or cross.
fn marker<DB: DrawingBackend, CT: CoordTranslate>(
    area: &DrawingArea<DB, CT>,
    at: CT::From,
    i: usize,
) -> Result<(), String> {
    let (color, shape, _) = line_style(i);
    let fill = color.filled();
    let at = EmptyElement::at(at);
    match shape {
        0 => area.draw(&(at + Circle::new((0, 0), 3, fill))),
        1 => area.draw(&(at + Rectangle::new([(-3, -3), (3, 3)], fill))),
        2 => area.draw(&(at + TriangleMarker::new((0, 0), 4, fill))),
        3 => area.draw(&(at + Polygon::new(vec![(0, -4), (4, 0), (0, 4), (-4, 0)], fill))),
        _ => area.draw(&(at + Cross::new((0, 0), 3, color.stroke_width(2)))),
    }
    .map_err(|e| e.to_string())
}

/// Ticks of a value axis that holds `lo` (≤ 0) and `hi` (> lo): a step of 1, 2, 2.5 or 5 × 10ⁿ
/// giving at most `intervals` intervals (above zero), and the decimals the step needs.
fn value_ticks(lo: f64, hi: f64, intervals: usize) -> (Vec<f64>, usize) {
    let rough = (hi - lo) / intervals as f64;
    let magnitude = 10f64.powf(rough.log10().floor());
    let mantissa = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .find(|m| m * magnitude >= rough)
        .unwrap_or(10.0);
    let step = mantissa * magnitude;
    let (first, last) = ((lo / step).floor() as i64, (hi / step).ceil() as i64);
    let ticks = (first..=last).map(|k| k as f64 * step).collect();
    // 2.5 × 10ⁿ needs one decimal more than 1, 2 or 5 × 10ⁿ.
    let exponent = magnitude.log10().round() as i32;
    let decimals = (i32::from(mantissa == 2.5) - exponent).max(0) as usize;
    (ticks, decimals)
}

/// How a line panel is laid out in its area.
struct LineLayout {
    ticks: Vec<f64>,
    decimals: usize,
    /// The y labels' column.
    label_w: u32,
    /// The x range: every year, and room right of the last one for the data labels.
    x: (f64, f64),
    /// Year labels: "2015年", or "2015" where that does not fit; every `every`-th year where
    /// not even that fits.
    suffix: &'static str,
    every: usize,
}

const LINE_TOP: u32 = 22;
const LINE_BOTTOM: u32 = 22;
/// The gap between a line's last point and its data label.
const LINE_LABEL_DX: i32 = 5;

fn line_layout(area_px: (u32, u32), lines: &Lines) -> LineLayout {
    let values = lines.lines.iter().flat_map(|l| l.values.iter().flatten());
    let lo = values.clone().copied().fold(0.0, f64::min);
    let mut hi = values.copied().fold(0.0, f64::max);
    if hi <= lo {
        hi = lo + 1.0;
    }
    // Fewer ticks in a short panel, so that their labels keep apart.
    let plot_h = f64::from(area_px.1.saturating_sub(LINE_TOP + LINE_BOTTOM + 8));
    let intervals = ((plot_h / 20.0) as usize).clamp(2, 5);
    // A little headroom, so that the top marker is not cut by the plot's edge.
    let (ticks, decimals) = value_ticks(lo, lo + (hi - lo) * 1.04, intervals);
    let label_w = ticks
        .iter()
        .map(|t| text_width(&thousands(*t, decimals), TEXT_PX))
        .max()
        .unwrap_or(0)
        + 10;
    let plot_w = f64::from(area_px.0.saturating_sub(label_w + 8)).max(50.0);
    let data_label_w = lines
        .lines
        .iter()
        .filter_map(|l| l.last_label.as_ref())
        .map(|t| text_width(t, TEXT_PX))
        .max()
        .map_or(0.0, |w| f64::from(w) + 10.0 + f64::from(LINE_LABEL_DX));
    // The years take the plot's width but for room right of the last one: 0.4 of a year, or
    // the widest data label if that is more.
    let (first, last) = (
        lines.years[0] as f64,
        lines.years[lines.years.len() - 1] as f64,
    );
    let share = (data_label_w / plot_w).min(0.5);
    let span = ((last - first + 0.4) / (1.0 - share)).max(last - first + 0.8);
    let year_px = plot_w / span;
    let fits = |text: &str| f64::from(text_width(text, TEXT_PX) + 6) <= year_px;
    let (suffix, every) = if fits("2015年") {
        ("年", 1)
    } else {
        let w = f64::from(text_width("2015", TEXT_PX) + 6);
        ("", (w / year_px).ceil().max(1.0) as usize)
    };
    LineLayout {
        ticks,
        decimals,
        label_w,
        x: (first - 0.4, first - 0.4 + span),
        suffix,
        every,
    }
}

/// A line chart: the axis title above the y axis, a horizontal grid, one line per series with
/// a marker at each year that has a figure, and the last value labelled.
fn lines_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    lines: &Lines,
    first_line: usize,
) -> Result<(), String> {
    if lines.years.is_empty() {
        return Ok(());
    }
    let layout = line_layout(area.dim_in_pixel(), lines);
    let title = format!("{}（{}）", lines.title, lines.unit);
    let title = if text_width(&title, TEXT_PX) + 8 <= area.dim_in_pixel().0 {
        title
    } else {
        lines.unit.clone()
    };
    area.draw(&Text::new(
        title,
        (4, 4),
        font(TEXT_PX).pos(Pos::new(HPos::Left, VPos::Top)),
    ))
    .map_err(|e| e.to_string())?;
    let (y0, y1) = (layout.ticks[0], layout.ticks[layout.ticks.len() - 1]);
    let years: Vec<f64> = lines.years.iter().map(|y| f64::from(*y)).collect();
    let mut chart = ChartBuilder::on(area)
        .margin(4)
        .margin_top(LINE_TOP)
        .x_label_area_size(LINE_BOTTOM)
        .y_label_area_size(layout.label_w)
        .build_cartesian_2d(
            Ticks::new(layout.x.0..layout.x.1, years.clone()),
            Ticks::new(y0..y1, layout.ticks.clone()),
        )
        .map_err(|e| e.to_string())?;
    // Where not every year fits, every `every`-th is labelled, counted back from the last
    // (the report year).
    let last_year = lines.years[lines.years.len() - 1];
    let year_label = |v: &f64| {
        let year = v.round() as i32;
        if ((last_year - year) as usize).is_multiple_of(layout.every) {
            format!("{year}{}", layout.suffix)
        } else {
            String::new()
        }
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_label_formatter(&year_label)
        .y_label_formatter(&|v| thousands(*v, layout.decimals))
        .label_style(font(TEXT_PX))
        .bold_line_style(GRID)
        .light_line_style(WHITE.mix(0.0))
        .axis_style(INK)
        .draw()
        .map_err(|e| e.to_string())?;
    draw_lines(&mut chart, &years, lines, first_line)
}

/// An f64 axis whose ticks are exactly `ticks` (every year, or round values), where plotters
/// would choose its own.
struct Ticks {
    range: Coordf64,
    ticks: Vec<f64>,
}

impl Ticks {
    fn new(range: std::ops::Range<f64>, ticks: Vec<f64>) -> Ticks {
        Ticks {
            range: range.into(),
            ticks,
        }
    }
}

impl Ranged for Ticks {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.range.map(value, limit)
    }

    fn key_points<H: KeyPointHint>(&self, hint: H) -> Vec<f64> {
        // Only the labelled ticks: no light grid in between.
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.range.range()
    }
}

type LineChart<'a, DB> = ChartContext<'a, DB, Cartesian2d<Ticks, Ticks>>;

/// The lines (strokes first, then every marker on top), then the last values' labels, moved
/// apart where two would overlap.
fn draw_lines<DB: DrawingBackend>(
    chart: &mut LineChart<'_, DB>,
    years: &[f64],
    lines: &Lines,
    first_line: usize,
) -> Result<(), String> {
    let points = |line: &Line| -> Vec<Option<(f64, f64)>> {
        years
            .iter()
            .zip(&line.values)
            .map(|(x, v)| v.map(|v| (*x, v)))
            .collect()
    };
    let area = chart.plotting_area();
    for (j, line) in lines.lines.iter().enumerate() {
        // A year without a figure splits the line: a gap, not a fall to zero.
        for run in points(line).split(Option::is_none) {
            let run: Vec<(f64, f64)> = run.iter().flatten().copied().collect();
            if run.len() > 1 {
                stroke(area, &run, first_line + j)?;
            }
        }
    }
    let mut labels = Vec::new();
    for (j, line) in lines.lines.iter().enumerate() {
        for at in points(line).into_iter().flatten() {
            marker(area, at, first_line + j)?;
        }
        let last = points(line).into_iter().flatten().last();
        if let (Some(at), Some(text)) = (last, &line.last_label) {
            labels.push((at, chart.backend_coord(&at).1, text.clone()));
        }
    }
    labels.sort_by_key(|l| l.1);
    let bottom = chart.plotting_area().get_pixel_range().1.end - 9;
    let wanted: Vec<i32> = labels.iter().map(|l| l.1).collect();
    let placed = spread(&wanted, 13, bottom);
    let labels = labels
        .into_iter()
        .zip(placed)
        .map(|((at, y, text), moved)| (at, (LINE_LABEL_DX, moved - y), text))
        .collect();
    data_label(chart, labels)
}

/// Positions for labels wanted at `wanted` (sorted, top down) that keep `gap` pixels apart:
/// each moves down from the one above, then the lowest ones move up where they would pass
/// `bottom`, so that close values stay legible and inside the plot.
fn spread(wanted: &[i32], gap: i32, bottom: i32) -> Vec<i32> {
    let mut at = wanted.to_vec();
    for i in 1..at.len() {
        at[i] = at[i].max(at[i - 1] + gap);
    }
    let mut limit = bottom;
    for y in at.iter_mut().rev() {
        *y = (*y).min(limit);
        limit = *y - gap;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(350000.0, 0), "350,000");
        assert_eq!(thousands(7565.0, 2), "7,565.00");
        assert_eq!(thousands(-1234.5, 1), "-1,234.5");
        assert_eq!(thousands(999.0, 0), "999");
        assert_eq!(thousands(-0.01, 0), "0");
    }

    #[test]
    fn value_ticks_are_round_steps_that_cover_the_values() {
        let (ticks, decimals) = value_ticks(0.0, 45.7, 4);
        assert_eq!((ticks, decimals), (vec![0.0, 20.0, 40.0, 60.0], 0));
        let (ticks, decimals) = value_ticks(0.0, 11.0, 5);
        assert_eq!(ticks, [0.0, 2.5, 5.0, 7.5, 10.0, 12.5]);
        assert_eq!(decimals, 1);
        let (ticks, decimals) = value_ticks(0.0, 1.3, 5);
        assert_eq!((ticks, decimals), (vec![0.0, 0.5, 1.0, 1.5], 1));
        assert_eq!(
            value_ticks(-30.0, 70.0, 5).0,
            [-40.0, -20.0, 0.0, 20.0, 40.0, 60.0, 80.0]
        );
    }

    #[test]
    fn close_labels_move_apart_and_stay_above_the_bottom() {
        assert_eq!(spread(&[10, 50, 90], 13, 200), [10, 50, 90]);
        assert_eq!(spread(&[10, 12, 14], 13, 200), [10, 23, 36]);
        assert_eq!(spread(&[190, 195], 13, 200), [187, 200]);
        assert_eq!(spread(&[195, 199], 13, 200), [187, 200]);
    }

    #[test]
    fn the_legend_wraps_into_centred_rows() {
        assert_eq!(legend_rows(&[100, 100, 100], 16, 400).len(), 1);
        assert_eq!(legend_rows(&[200, 200, 200], 16, 400), [0..1, 1..2, 2..3]);
        assert_eq!(legend_rows(&[150, 150, 150, 50], 16, 400), [0..2, 2..4]);
    }

    fn line(values: Vec<Option<f64>>) -> Figure {
        Figure {
            title: String::new(),
            subtitle: None,
            note: String::new(),
            panels: vec![Lines {
                title: "粮食产量".into(),
                unit: "吨".into(),
                years: (2015..2015 + values.len() as i32).collect(),
                lines: vec![Line {
                    name: "粮食产量".into(),
                    values,
                    last_label: Some("9".into()),
                }],
            }
            .into()],
        }
    }

    #[test]
    fn a_year_without_a_figure_is_a_gap_in_the_line_not_a_zero() {
        super::super::font::register();
        // Line 0 is solid: each run of two or more years is one polyline (as are the axes'
        // ticks, the same for the same years and values).
        let polylines = |values| {
            let svg = svg(&line(values), (605, 378)).unwrap();
            svg.matches("<polyline").count()
        };
        let whole = polylines(vec![Some(5.0), Some(6.0), Some(7.0), Some(7.5), Some(8.0)]);
        let split = polylines(vec![Some(5.0), Some(6.0), None, Some(7.5), Some(8.0)]);
        let lone = polylines(vec![Some(5.0), None, Some(7.0), Some(7.5), Some(8.0)]);
        assert_eq!(split, whole + 1);
        assert_eq!(lone, whole);
    }
}
