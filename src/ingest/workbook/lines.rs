//! The lines of a village's sheet that are not rows of data: total rows (合计, 小计, 总计),
//! which are checked but not counted, and the signature and note lines under a table.

use calamine::Data;

use super::cells::Grid;

/// A row that sums the rows above it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Total {
    /// 小计: the rows since the previous total row.
    Subtotal,
    /// 合计 or 总计: every row of the sheet.
    Sheet,
}

impl Total {
    pub fn word(self) -> &'static str {
        match self {
            Total::Subtotal => "小计",
            Total::Sheet => "合计",
        }
    }
}

/// What a row of a sheet below the header is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    Data,
    Blank,
    Total(Total),
    /// 填表人：…, 审核人：…, 注：…
    Signature,
}

/// How many of a row's first non-empty cells may name it a total row (a year or a code
/// may come before the 合计).
const LABEL_CELLS: usize = 3;

/// The labels of the lines under a table: who filled it in, who checked it, when, notes.
const SIGNATURE_LABELS: [&str; 13] = [
    "填表人",
    "填报人",
    "制表人",
    "审核人",
    "审批人",
    "负责人",
    "单位负责人",
    "统计负责人",
    "统计员",
    "联系电话",
    "填表日期",
    "填报日期",
    "报出日期",
];
const NOTE_LABELS: [&str; 3] = ["注", "备注", "说明"];

pub fn classify(grid: &Grid, row: u32) -> Line {
    if grid.blank(row) {
        return Line::Blank;
    }
    let texts = grid.columns().filter_map(|c| match grid.get(row, c) {
        Data::String(s) if !s.trim().is_empty() => Some(Some(squeezed(s))),
        Data::Empty => None,
        _ => Some(None),
    });
    let first: Vec<Option<String>> = texts.take(LABEL_CELLS).collect();
    let labels = || first.iter().flatten();
    if labels().any(|t| is_signature(t)) {
        return Line::Signature;
    }
    for text in labels() {
        if text.ends_with("小计") {
            return Line::Total(Total::Subtotal);
        }
        if text.ends_with("合计") || text.ends_with("总计") {
            return Line::Total(Total::Sheet);
        }
    }
    Line::Data
}

/// Text without any spaces (合  计 is 合计).
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn is_signature(text: &str) -> bool {
    let labelled = |label: &str| {
        text.strip_prefix(label)
            .is_some_and(|rest| rest.starts_with([':', '：']))
    };
    SIGNATURE_LABELS
        .iter()
        .chain(&NOTE_LABELS)
        .any(|l| labelled(l))
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::Range;

    fn grid(rows: &[&[Data]]) -> Grid {
        let width = rows.iter().map(|r| r.len()).max().unwrap_or(1) as u32;
        let mut range = Range::new((0, 0), (rows.len() as u32 - 1, width - 1));
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                range.set_value((r as u32, c as u32), cell.clone());
            }
        }
        Grid::new(range, None)
    }

    fn s(text: &str) -> Data {
        Data::String(text.to_string())
    }

    #[test]
    fn tells_totals_signatures_and_blanks_from_data() {
        let g = grid(&[
            &[Data::Int(2019), s("001"), s("杂交水稻"), Data::Int(354)],
            &[s("合  计"), Data::Empty, Data::Empty, Data::Int(354)],
            &[Data::Int(2019), s("青杠村小计"), Data::Empty, Data::Int(1)],
            &[Data::Empty, s("总计"), Data::Empty, Data::Int(1)],
            &[
                s("填表人：张三"),
                Data::Empty,
                s("审核人：李四"),
                Data::Empty,
            ],
            &[Data::Empty, s(" "), Data::Empty, Data::Empty],
            &[
                s("注：面积按实际播种计"),
                Data::Empty,
                Data::Empty,
                Data::Empty,
            ],
            &[Data::Int(2019), s("002"), s("合计"), Data::Int(1)],
            &[Data::Int(2019), s("003"), s("玉米"), s("合计")],
        ]);
        let lines: Vec<Line> = (0..9).map(|r| classify(&g, r)).collect();
        assert_eq!(
            lines,
            [
                Line::Data,
                Line::Total(Total::Sheet),
                Line::Total(Total::Subtotal),
                Line::Total(Total::Sheet),
                Line::Signature,
                Line::Blank,
                Line::Signature,
                Line::Total(Total::Sheet),
                // Beyond the first three non-empty cells: a data row with a bad cell.
                Line::Data,
            ]
        );
    }
}
