//! totals.xlsx: the report tables of totals.md, every figure of totals.csv, the villages'
//! figures, the warnings and the charts, in one workbook for offices that work in Excel or
//! WPS. The same inputs give the same bytes.

use crate::lang::Msg;
use std::io::Write;
use std::path::Path;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Image, Workbook, Worksheet, XlsxError};

use super::csv_out::{Figures, WarningRow};
use super::markdown;
use super::sheet::{self, Cell, Table};
use super::Layout;
use crate::aggregate::{Results, Row};
use crate::catalogue::Catalogue;
use crate::chart::ChartFile;
use crate::config::Plan;
use crate::error::{Error, Result};
use crate::indicators::{self, Indicator};
use crate::level::Level;
use crate::warning::Warning;

pub const SHEET_ALL: &str = "全部指标";
pub const SHEET_VILLAGES: &str = "各村";
pub const SHEET_WARNINGS: &str = "警告";
pub const SHEET_CHARTS: &str = "图表";

/// Charts are shown this many pixels wide (about 20 cm), whatever their dpi.
const CHART_WIDTH_PX: f64 = 760.0;
/// Excel's default row height in pixels, to place one chart below another.
const ROW_HEIGHT_PX: f64 = 20.0;

/// The columns of a figures sheet after those naming the area: totals.csv's, in Chinese,
/// with the codes last.
const FIGURE_COLUMNS: [&str; 12] = [
    "指标",
    "项目",
    "单位",
    "数值",
    "对比年数值",
    "增减",
    "增长（%）",
    "基期数值",
    "比基期增长（%）",
    "年均增长（%）",
    "指标代码",
    "项目代码",
];

/// Wraps an xlsxwriter error as an I/O error on the workbook's file.
pub fn error(path: &Path) -> impl Fn(XlsxError) -> Error + '_ {
    move |e| {
        Error::io(
            path,
            Msg::IoWriteTotalsXlsx,
            std::io::Error::other(e.to_string()),
        )
    }
}

/// What a run puts into totals.xlsx: the report levels, every figure, the villages (where
/// villages.csv is written), the warnings and the PNG charts.
pub struct Contents<'a> {
    pub plan: &'a Plan,
    pub results: &'a Results,
    pub layout: &'a Layout,
    pub catalogue: &'a Catalogue,
    pub warnings: &'a [Warning],
    pub charts: &'a [ChartFile],
}

/// Writes totals.xlsx. The long sheets stream their rows to a temporary file next to it
/// (rust_xlsxwriter's low-memory mode): 5,000 villages' figures are half a million rows.
pub fn write(c: &Contents, path: &Path) -> Result<()> {
    let err = error(path);
    let mut workbook = Workbook::new();
    if let Some(dir) = path.parent() {
        workbook.set_tempdir(dir).map_err(&err)?;
    }
    let results = c.results;
    let mut long = vec![(SHEET_ALL, c.layout.total_levels.clone(), super::TOTALS_CSV)];
    if c.layout.villages_csv {
        long.push((SHEET_VILLAGES, vec![Level::Village], super::VILLAGES_CSV));
    }
    let mut omitted = Vec::new();
    long.retain(|(name, levels, file)| {
        let fits = results.row_bound(levels) <= LONG_SHEET_ROWS;
        if !fits {
            omitted.push(too_long(name, file));
        }
        fits
    });
    if !sheet::fits(c.warnings.len(), false) {
        omitted.push(format!(
            "“{SHEET_WARNINGS}”工作表超过 Excel 的 {} 行，未写入；数据见 {}。",
            sheet::MAX_ROWS,
            super::WARNINGS_CSV
        ));
    }
    for &level in &c.layout.report_levels {
        level_sheet(&mut workbook, c, level, &omitted).map_err(&err)?;
    }
    for (name, levels, _) in &long {
        let sheet = workbook.add_worksheet_with_low_memory().map_err(&err)?;
        figures_sheet(sheet, c, name, levels).map_err(&err)?;
    }
    if sheet::fits(c.warnings.len(), false) {
        let sheet = workbook.add_worksheet_with_low_memory().map_err(&err)?;
        warnings_sheet(sheet, c.warnings).map_err(&err)?;
    }
    charts_sheet(&mut workbook, c.charts).map_err(&err)?;
    save(workbook, &c.plan.name, path)
}

/// Saves a workbook with fixed properties: its title, author agristat, and the creation time
/// 1980-01-01 (the time its zip entries carry), so that the same content gives the same
/// bytes. The time of the run is in manifest.json.
pub fn save(mut workbook: Workbook, title: &str, path: &Path) -> Result<()> {
    let err = error(path);
    let created = ExcelDateTime::from_ymd(1980, 1, 1).map_err(&err)?;
    let properties = DocProperties::new()
        .set_title(title)
        .set_author("agristat")
        .set_comment(format!("agristat {}", env!("CARGO_PKG_VERSION")))
        .set_creation_datetime(&created);
    workbook.set_properties(&properties);
    let bytes = workbook.save_to_buffer().map_err(&err)?;
    let io = |e| Error::io(path, Msg::IoWriteWorkbook, e);
    let mut file = std::fs::File::create(path).map_err(io)?;
    file.write_all(&bytes).map_err(io)?;
    file.sync_all().map_err(io)
}

/// The most rows a sheet of every figure (or every village's) gets. Excel takes a million,
/// but such a sheet is slow to write (about 7 s for 600,000 rows) and to open, and no one
/// reads it there: above this the CSV file holds the figures.
pub const LONG_SHEET_ROWS: usize = 200_000;

fn too_long(sheet: &str, file: &str) -> String {
    format!("“{sheet}”工作表将超过 {LONG_SHEET_ROWS} 行，未写入；数据见 {file}。")
}

/// One report level: the tables of totals.md, one area below the other, with the area's code
/// and name on every line; the numbers are totals.csv's, shown to the report's precision.
fn level_sheet(
    workbook: &mut Workbook,
    c: &Contents,
    level: Level,
    omitted: &[String],
) -> Result<(), XlsxError> {
    let plan = c.plan;
    let tables = markdown::level_tables(plan, c.results, c.catalogue, level);
    let lines: usize = tables.iter().map(|(_, lines)| lines.len()).sum();
    let mut notes = markdown::notes(plan, c.layout);
    notes.push("表中数值与 totals.csv 相同（总量为精确值，比值和增长率保留4位小数），按报表精度显示；空白表示无此数。".to_string());
    notes.extend(omitted.iter().cloned());
    if !sheet::fits(lines + notes.len() + 2, true) {
        // Only where the pipeline chose a level of thousands of areas as a report level.
        return Ok(());
    }
    let mut header = vec!["地区代码".to_string(), "地区".to_string()];
    header.extend(markdown::header(plan));
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let title = format!("{}：{}{}年主要指标", plan.name, level.noun_zh(), plan.year);
    let sheet = workbook.add_worksheet();
    let mut table = Table::new(sheet, level.noun_zh(), Some(&title), &header)?;
    let areas = c.results.areas(level);
    for (area, lines) in tables {
        let (code, name) = (&areas.codes[area as usize], &areas.names[area as usize]);
        for line in &lines {
            let f = Figures::of(&line.figure, line.indicator);
            let dp = line.indicator.report_decimals;
            let mut cells = vec![
                Cell::Text(code),
                Cell::Text(name),
                Cell::Text(&line.title),
                Cell::Text(&line.unit),
                Cell::Number(f.value.0, dp),
            ];
            if plan.previous_year.is_some() {
                cells.push(Cell::Number(f.previous_value.0, dp));
                cells.push(Cell::Number(f.change.0, dp));
                cells.push(Cell::Number(f.growth_pct.0, 1));
            }
            if plan.base_year.is_some() {
                cells.push(Cell::Number(f.growth_since_base_pct.0, 1));
                cells.push(Cell::Number(f.avg_annual_growth_pct.0, 1));
            }
            table.push(&cells)?;
        }
    }
    table.notes(&notes)?;
    table.finish()
}

/// One row of a figures sheet: a totals.csv (or villages.csv) row with Chinese names.
struct FigureRow<'a> {
    year: i32,
    /// The area's columns: level, code and name (or township, village code and name).
    place: [&'a str; 3],
    indicator: &'static Indicator,
    item: &'a str,
    label: String,
    unit: String,
    figures: Figures,
}

impl FigureRow<'_> {
    fn cells(&self) -> Vec<Cell<'_>> {
        let f = &self.figures;
        let dp = self.indicator.report_decimals;
        let mut cells = vec![Cell::Int(i64::from(self.year))];
        cells.extend(self.place.iter().map(|p| Cell::Text(p)));
        cells.extend([
            Cell::Text(self.indicator.name_zh),
            Cell::Text(&self.label),
            Cell::Text(&self.unit),
            Cell::Number(f.value.0, dp),
            Cell::Number(f.previous_value.0, dp),
            Cell::Number(f.change.0, dp),
            Cell::Number(f.growth_pct.0, 1),
            Cell::Number(f.base_value.0, dp),
            Cell::Number(f.growth_since_base_pct.0, 1),
            Cell::Number(f.avg_annual_growth_pct.0, 1),
            Cell::Text(self.indicator.key),
            Cell::Text(self.item),
        ]);
        cells
    }
}

/// Every figure of `levels` in totals.csv's order (villages.csv's for the village level).
fn figures_sheet(
    sheet: &mut Worksheet,
    c: &Contents,
    name: &str,
    levels: &[Level],
) -> Result<(), XlsxError> {
    let village = levels == [Level::Village];
    let place: [&str; 4] = match village {
        true => ["年份", "乡镇代码", "村代码", "村名"],
        false => ["年份", "层级", "地区代码", "地区名称"],
    };
    let header: Vec<&str> = place.iter().chain(&FIGURE_COLUMNS).copied().collect();
    let mut table = Table::new(sheet, name, None, &header)?;
    let mut outcome = Ok(());
    c.results.for_each_row(levels, |row| {
        if outcome.is_ok() {
            outcome = table.push(&figure_row(c, row, village).cells());
        }
    });
    outcome?;
    table.finish()
}

fn figure_row<'a>(c: &'a Contents, row: &Row, village: bool) -> FigureRow<'a> {
    let areas = c.results.areas(row.level);
    let (code, name) = (
        &areas.codes[row.area as usize],
        &areas.names[row.area as usize],
    );
    let first = match village {
        true => c.results.parent_code(row.year, row.area),
        false => row.level.noun_zh(),
    };
    let indicator = row.ind.def();
    let item = c.results.item(row.item);
    FigureRow {
        year: row.year,
        place: [first, code, name],
        indicator,
        item,
        label: indicators::item_label(indicator, item, c.catalogue),
        unit: indicators::unit_of(indicator, item, c.catalogue),
        figures: Figures::of(&row.figure, indicator),
    }
}

/// warnings.csv's rows, with Chinese headings.
fn warnings_sheet(sheet: &mut Worksheet, warnings: &[Warning]) -> Result<(), XlsxError> {
    let header = ["检查", "年份", "村代码", "文件", "行", "列", "说明"];
    let mut table = Table::new(sheet, SHEET_WARNINGS, None, &header)?;
    for warning in warnings {
        let w = WarningRow::of(warning);
        let at = |n: Option<u64>| n.map_or(Cell::Text(""), |n| Cell::Int(n as i64));
        table.push(&[
            Cell::Text(w.check),
            Cell::Int(i64::from(w.year)),
            Cell::Text(w.village_code),
            Cell::Text(&w.file),
            at(w.line),
            at(w.column),
            Cell::Text(w.message),
        ])?;
    }
    table.finish()
}

/// The PNG charts one below the other, each under its file name; none without PNGs.
fn charts_sheet(workbook: &mut Workbook, charts: &[ChartFile]) -> Result<(), XlsxError> {
    let pngs: Vec<&ChartFile> = charts.iter().filter(|c| c.name.ends_with(".png")).collect();
    if pngs.is_empty() {
        return Ok(());
    }
    let sheet = workbook.add_worksheet();
    sheet.set_name(SHEET_CHARTS)?;
    sheet.set_paper_size(9);
    let mut row = 0u32;
    for chart in pngs {
        let image = Image::new_from_buffer(&chart.bytes)?;
        // Shown at CHART_WIDTH_PX whatever the dpi it was rendered at.
        let natural = image.width() * 96.0 / image.width_dpi().max(1.0);
        let scale = CHART_WIDTH_PX / natural;
        let height = image.height() * 96.0 / image.height_dpi().max(1.0) * scale;
        let image = image
            .set_scale_width(scale)
            .set_scale_height(scale)
            .set_alt_text(chart.name.as_str());
        sheet.write_string(row, 0, chart.name.as_str())?;
        sheet.insert_image(row + 1, 0, &image)?;
        row += 3 + (height / ROW_HEIGHT_PX).ceil() as u32;
    }
    Ok(())
}
