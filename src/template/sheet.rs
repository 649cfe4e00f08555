//! One sheet of a village's template: a title naming the village, the pipeline's header
//! (locked), rows with the year and village code filled in, and the rules Excel checks as a
//! cell is typed: lists for years, codes and catalogue items, no negative figures, whole
//! numbers for counts.

use rust_xlsxwriter::{
    DataValidation, DataValidationRule, Format, FormatBorder, Formula, ProtectionOptions,
    Worksheet, XlsxError,
};

use super::Village;
use crate::config::{InputPlan, Plan};
use crate::report::sheet::{column_width, text_width};
use crate::schema::{FieldKind, ItemKind};

/// Rows (below the header) the sheet's rules cover, beyond those filled in.
const RULE_ROWS: u32 = 1000;
const HEADER_ROW: u32 = 1;
const FIRST_ROW: u32 = 2;

/// The fields of a template's sheet and the header each is read from: every field but the
/// registry's optional columns that the pipeline does not map.
pub fn columns(input: &InputPlan) -> Vec<(usize, &str)> {
    input
        .kind
        .fields()
        .iter()
        .enumerate()
        .filter(|(i, f)| !f.optional_column || input.mapped[*i])
        .map(|(i, _)| (i, input.headers[i].as_str()))
        .collect()
}

pub struct Sheet<'a> {
    pub plan: &'a Plan,
    pub input: &'a InputPlan,
    pub name: &'a str,
    pub lists: &'a [(ItemKind, Vec<String>)],
    /// Rows filled in with the year and the village's code.
    pub rows: u32,
}

impl Sheet<'_> {
    pub fn write(&self, ws: &mut Worksheet, village: &Village) -> Result<(), XlsxError> {
        ws.set_name(self.name)?;
        let columns = columns(self.input);
        let last = columns.len().saturating_sub(1) as u16;
        let title = format!(
            "{}（村代码 {}）{}年{}",
            village.name, village.code, self.plan.year, self.name
        );
        let bold = Format::new().set_bold().set_font_size(14);
        ws.merge_range(0, 0, 0, last.max(1), &title, &bold)?;
        let header = Format::new()
            .set_bold()
            .set_border(FormatBorder::Thin)
            .set_background_color("DDEBF7");
        for (c, &(field, text)) in columns.iter().enumerate() {
            let c = c as u16;
            let kind = self.input.kind.fields()[field].kind;
            ws.set_column_format(c, &unlocked(kind))?;
            ws.set_column_width(c, column_width(text_width(text).max(10)))?;
            ws.write_string_with_format(HEADER_ROW, c, text, &header)?;
            self.prefill(ws, c, field, village)?;
            ws.add_data_validation(
                FIRST_ROW,
                c,
                FIRST_ROW + RULE_ROWS,
                c,
                &self.rule(field, village)?,
            )?;
        }
        ws.set_freeze_panes(FIRST_ROW, 0)?;
        let options = ProtectionOptions {
            insert_rows: true,
            delete_rows: true,
            format_columns: true,
            ..ProtectionOptions::new()
        };
        ws.protect_with_options(&options);
        Ok(())
    }

    /// The year and the village's code on every row offered; on the registry's sheet, its
    /// one row's codes and names too.
    fn prefill(
        &self,
        ws: &mut Worksheet,
        c: u16,
        field: usize,
        village: &Village,
    ) -> Result<(), XlsxError> {
        let f = &self.input.kind.fields()[field];
        let format = unlocked(f.kind);
        for row in FIRST_ROW..FIRST_ROW + self.rows {
            match (f.kind, f.name) {
                (FieldKind::Year, _) => {
                    ws.write_number_with_format(row, c, self.plan.year, &format)?;
                }
                (_, "village_code") => {
                    ws.write_string_with_format(row, c, &village.code, &format)?;
                }
                (FieldKind::Code | FieldKind::Text, _) if self.input.kind.name() == "villages" => {
                    ws.write_string_with_format(row, c, &village.registry[field], &format)?;
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// What a cell of `field` may hold.
    fn rule(&self, field: usize, village: &Village) -> Result<DataValidation, XlsxError> {
        let f = &self.input.kind.fields()[field];
        let rule = match f.kind {
            FieldKind::Year => DataValidation::new()
                .allow_whole_number(DataValidationRule::EqualTo(self.plan.year))
                .set_error_message(format!("本表只填{}年的数据。", self.plan.year))?,
            FieldKind::Code if f.name == "village_code" => DataValidation::new()
                .allow_list_strings(&[village.code.as_str()])?
                .set_error_message(format!("本村代码为 {}。", village.code))?,
            FieldKind::Item(item) => match self.list(item) {
                Some(range) => DataValidation::new()
                    .allow_list_formula(Formula::new(range))
                    .set_error_message("请从下拉列表中选择。")?,
                None => DataValidation::new().allow_any_value(),
            },
            FieldKind::Number(_) if f.whole => DataValidation::new()
                .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0))
                .set_error_message("请填不小于0的整数。")?,
            FieldKind::Number(_) => DataValidation::new()
                .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
                .set_error_message("请填不小于0的数。")?,
            FieldKind::Code | FieldKind::Text => DataValidation::new().allow_any_value(),
        };
        Ok(rule)
    }

    /// The range of the lists sheet holding the names of `item`.
    fn list(&self, item: ItemKind) -> Option<String> {
        let (column, (_, names)) = self
            .lists
            .iter()
            .enumerate()
            .find(|(_, (kind, _))| *kind == item)?;
        let letter = crate::error::column_letters(column as u64 + 1);
        Some(format!(
            "='{}'!${letter}$1:${letter}${}",
            super::LISTS,
            names.len().max(1)
        ))
    }
}

/// The format of a column the village fills in: unlocked, text for codes and names (a code
/// keeps its leading zeros).
fn unlocked(kind: FieldKind) -> Format {
    let format = Format::new().set_unlocked();
    match kind {
        FieldKind::Year | FieldKind::Number(_) => format,
        _ => format.set_num_format("@"),
    }
}

/// The hidden sheet of drop-down lists, one column per kind of item.
pub fn lists(
    ws: &mut Worksheet,
    name: &str,
    lists: &[(ItemKind, Vec<String>)],
) -> Result<(), XlsxError> {
    ws.set_name(name)?;
    for (c, (_, names)) in lists.iter().enumerate() {
        for (r, n) in names.iter().enumerate() {
            ws.write_string(r as u32, c as u16, n)?;
        }
    }
    ws.set_hidden(true);
    ws.protect();
    Ok(())
}
