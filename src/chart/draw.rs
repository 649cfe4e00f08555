//! Drawing primitives: a figure (title, subtitle, panels side by side, source note) whose
//! panels are horizontal bar charts. Horizontal bars keep long Chinese names readable
//! without rotating them.

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

pub struct Figure {
    pub title: String,
    pub subtitle: Option<String>,
    pub note: String,
    pub panels: Vec<Bars>,
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
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
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
            draw_legend(&root, &legend, title_h + 6, w)?;
            title_h += 20;
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
        let panels = body.split_evenly((1, figure.panels.len().max(1)));
        for (area, bars) in panels.iter().zip(&figure.panels) {
            panel(area, bars)?;
        }
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

enum Swatch {
    Box(RGBColor),
    Dash,
}

/// The legend of the whole figure: series shown in more than one colour, and reference
/// lines. Drawn above the panels, where it cannot cover a bar.
fn legend_entries(figure: &Figure) -> Vec<(String, Swatch)> {
    let mut entries: Vec<(String, Swatch)> = Vec::new();
    for bars in &figure.panels {
        if bars.series.len() > 1 || bars.stacked {
            for (j, s) in bars.series.iter().enumerate() {
                if !entries.iter().any(|(n, _)| *n == s.name) {
                    entries.push((s.name.clone(), Swatch::Box(PALETTE[j % PALETTE.len()])));
                }
            }
        }
    }
    for bars in &figure.panels {
        if let Some((_, text)) = &bars.reference {
            entries.push((text.clone(), Swatch::Dash));
        }
    }
    entries
}

fn draw_legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    entries: &[(String, Swatch)],
    y: i32,
    width: u32,
) -> Result<(), String> {
    let gap = 16;
    let widths: Vec<i32> = entries
        .iter()
        .map(|(text, _)| 18 + text_width(text, TEXT_PX) as i32)
        .collect();
    let total: i32 = widths.iter().sum::<i32>() + gap * (entries.len() as i32 - 1);
    let mut x = (width as i32 - total) / 2;
    for ((text, swatch), w) in entries.iter().zip(widths) {
        match swatch {
            Swatch::Box(color) => root
                .draw(&Rectangle::new(
                    [(x, y - 5), (x + 12, y + 5)],
                    color.filled(),
                ))
                .map_err(|e| e.to_string())?,
            Swatch::Dash => root
                .draw(&DashedPathElement::new(
                    vec![(x, y), (x + 14, y)],
                    3,
                    2,
                    ShapeStyle::from(&INK).stroke_width(1),
                ))
                .map_err(|e| e.to_string())?,
        }
        root.draw(&Text::new(
            text.clone(),
            (x + 18, y),
            font(TEXT_PX).pos(Pos::new(HPos::Left, VPos::Center)),
        ))
        .map_err(|e| e.to_string())?;
        x += w + gap;
    }
    Ok(())
}

/// A data label on a white ground, so that grid and reference lines never cross the digits.
fn data_label<DB: DrawingBackend>(
    chart: &mut ChartContext<
        '_,
        DB,
        Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
    >,
    labels: Vec<((f64, f64), String)>,
) -> Result<(), String> {
    let elements = labels.into_iter().map(|(at, text)| {
        let w = text_width(&text, TEXT_PX) as i32;
        EmptyElement::at(at)
            + Rectangle::new([(3, -7), (w + 6, 7)], WHITE.filled())
            + Text::new(
                text,
                (4, 0),
                font(TEXT_PX).pos(Pos::new(HPos::Left, VPos::Center)),
            )
    });
    chart.draw_series(elements).map_err(|e| e.to_string())?;
    Ok(())
}

fn panel<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, bars: &Bars) -> Result<(), String> {
    let n = bars.categories.len();
    let slots = n.max(1);
    let label_w = bars
        .categories
        .iter()
        .map(|c| text_width(c, TEXT_PX))
        .max()
        .unwrap_or(0)
        + 8;
    let ends: Vec<f64> = (0..n)
        .map(|i| {
            if bars.stacked {
                bars.series.iter().map(|s| s.values[i]).sum()
            } else {
                bars.series.iter().map(|s| s.values[i]).fold(0.0, f64::max)
            }
        })
        .collect();
    let lows = (0..n).map(|i| bars.series.iter().map(|s| s.values[i]).fold(0.0, f64::min));
    let min = lows.fold(0.0, f64::min);
    let mut max = ends.iter().copied().fold(0.0, f64::max);
    if let Some((r, _)) = bars.reference {
        max = max.max(r);
    }
    if max <= 0.0 {
        max = 1.0;
    }
    // Leave room right of the longest bar for its data label.
    let data_label_w = bars
        .series
        .iter()
        .flat_map(|s| s.labels.iter().flatten())
        .chain(bars.totals.iter().flatten())
        .map(|l| text_width(l, TEXT_PX))
        .max()
        .unwrap_or(0) as f64
        + 8.0;
    let plot_w = (f64::from(area.dim_in_pixel().0) - f64::from(label_w) - 20.0).max(50.0);
    let share = (data_label_w / plot_w).min(0.6);
    let x_max = max / (1.0 - share);
    let x_min = if min < 0.0 { min * 1.1 } else { 0.0 };

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

    let k = bars.series.len().max(1);
    // Bars fill three quarters of their slot, but never grow thicker than 26 px each, so
    // that a panel with one or two categories does not show slabs.
    let plot_h = (f64::from(area.dim_in_pixel().1) - 70.0).max(20.0);
    let slot_px = plot_h / slots as f64;
    let per_slot = if bars.stacked { 1 } else { k };
    let band = (0.76f64).min(26.0 * per_slot as f64 / slot_px);
    let mut labels = Vec::new();
    for (j, series) in bars.series.iter().enumerate() {
        let color = PALETTE[j % PALETTE.len()];
        let mut rects = Vec::new();
        for i in 0..n {
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
                labels.push(((x1.max(0.0), (top + bottom) / 2.0), text.clone()));
            }
        }
        chart.draw_series(rects).map_err(|e| e.to_string())?;
    }
    for (i, (end, total)) in ends.iter().zip(&bars.totals).enumerate() {
        if let Some(text) = total {
            labels.push(((end.max(0.0), (slots - 1 - i) as f64), text.clone()));
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
}
