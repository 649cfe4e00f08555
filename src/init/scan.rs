//! The files of a folder as tables `init` can look at: CSV in any encoding agristat reads, in
//! year folders (`2019/crops.csv`) or not, and each worksheet of a workbook (`workbook`).

use std::path::{Path, PathBuf};

use crate::config::Encoding;
use crate::error::{Error, Result};
use crate::ingest::decode;
use crate::lang::Msg;
use crate::tr;

/// A folder `init` does not look into: the output folder it writes into the pipeline.
pub const OUTPUT_FOLDER: &str = "agristat-output";

/// How deep below the folder files are looked for (year folders, one folder per table).
const MAX_DEPTH: usize = 4;

/// One table in the folder.
#[derive(Debug, Clone)]
pub struct Found {
    /// Relative to the folder, with `/` separators.
    pub path: String,
    /// The year of the folder it lies in (`2019/crops.csv`), if any.
    pub year_folder: Option<i32>,
    /// In a workbook: the worksheet (`None` for a CSV file, or a workbook not opened).
    pub sheet: Option<Sheet>,
    pub content: Content,
}

impl Found {
    /// The file, and its sheet, as messages name them: `2019/村报表.xlsx[竹林村]`.
    pub fn shown(&self) -> String {
        match &self.sheet {
            Some(sheet) => format!("{}[{}]", self.path, sheet.name),
            None => self.path.clone(),
        }
    }
}

/// A worksheet of a workbook, and where its header is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub name: String,
    /// Its 1-based position among the workbook's worksheets.
    pub position: usize,
    /// Every worksheet of the workbook, in order: which `sheet` value picks which.
    pub names: Vec<String>,
    /// The header's first row, 1-based.
    pub header_row: u32,
    /// Whether the workbook reader finds that row itself from the headers the sheet maps
    /// (then the pipeline needs no `header_row`).
    pub row_found: bool,
}

#[derive(Debug, Clone)]
pub enum Content {
    Table(Grid),
    /// A file that looks like a table but cannot be read, and why.
    Unreadable(String),
}

/// A table's cells as text: the header row and the rows below it.
#[derive(Debug, Clone)]
pub struct Grid {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The encoding the bytes were read in (UTF-8, GB18030), or the workbook's format.
    pub encoding: &'static str,
    /// A workbook's unit line above the table, after `单位：` (`亩、公斤`).
    pub unit_line: Option<String>,
}

/// Every table below `folder`, in path order; other files are left out (returned apart).
pub fn scan(folder: &Path) -> Result<(Vec<Found>, Vec<String>)> {
    let mut files = Vec::new();
    walk(folder, 0, &mut files)?;
    files.sort();
    let mut found = Vec::new();
    let mut other = Vec::new();
    for path in files {
        let relative = relative_text(folder, &path);
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        let year_folder = year_folder(&relative);
        let read: Vec<(Option<Sheet>, Content)> = match extension.as_str() {
            "csv" => vec![(None, read_csv(&path)?)],
            "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => super::workbook::read(&path)?,
            _ => {
                other.push(relative);
                continue;
            }
        };
        for (sheet, content) in read {
            found.push(Found {
                path: relative.clone(),
                year_folder,
                sheet,
                content,
            });
        }
    }
    Ok((found, other))
}

fn walk(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) -> Result<()> {
    let listing = |e| Error::io(dir, Msg::InitListingFolder, e);
    for entry in std::fs::read_dir(dir).map_err(listing)? {
        let entry = entry.map_err(listing)?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            if depth < MAX_DEPTH && !is_output_folder(&path) {
                walk(&path, depth + 1, out)?;
            }
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// agristat's own output folders: the one `init` names, or any holding a run history.
fn is_output_folder(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == OUTPUT_FOLDER) || path.join("history.jsonl").exists()
}

fn relative_text(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The year a folder of the path names: `2019/crops.csv` → 2019.
pub fn year_folder(relative: &str) -> Option<i32> {
    let mut parts: Vec<&str> = relative.split('/').collect();
    parts.pop();
    parts.iter().rev().find_map(|p| parse_year(p))
}

/// A year as folders and cells write it: four digits, 1949 to 2100.
pub fn parse_year(text: &str) -> Option<i32> {
    let text = text.trim();
    let digits = text.strip_suffix('年').unwrap_or(text);
    let year: i32 = (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())??;
    (1949..=2100).contains(&year).then_some(year)
}

fn read_csv(path: &Path) -> Result<Content> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, Msg::InitReadingFile, e))?;
    let decoded = match decode::decode(&bytes, Encoding::Auto) {
        Ok(decoded) => decoded,
        Err(bad) => return Ok(Content::Unreadable(at_line_column(&bad))),
    };
    if let Some(bad) = decoded.bad.first() {
        return Ok(Content::Unreadable(at_line_column(bad)));
    }
    let (text, encoding) = (decoded.text, decoded.encoding);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .delimiter(decoded.delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        match record {
            Ok(r) if r.iter().all(|c| c.trim().is_empty()) => {}
            Ok(r) => rows.push(r.iter().map(|c| c.trim().to_string()).collect::<Vec<_>>()),
            Err(e) => return Ok(Content::Unreadable(e.to_string())),
        }
    }
    if rows.is_empty() {
        return Ok(Content::Unreadable(tr!(Msg::InitFileEmpty)));
    }
    let header = rows.remove(0);
    Ok(Content::Table(Grid {
        header,
        rows,
        encoding,
        unit_line: None,
    }))
}

/// Where bytes that are not text are, and which: "line 3 column 5: invalid bytes …".
fn at_line_column(bad: &decode::BadBytes) -> String {
    tr!(
        Msg::InitAtLineColumn,
        line = bad.line,
        column = bad.column,
        message = bad.message()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_from_folders_and_cells() {
        assert_eq!(year_folder("2019/crops.csv"), Some(2019));
        assert_eq!(year_folder("2019年/作物/1.csv"), Some(2019));
        assert_eq!(year_folder("crops.csv"), None);
        assert_eq!(year_folder("2019.csv"), None);
        assert_eq!(parse_year(" 2018 "), Some(2018));
        assert_eq!(parse_year("12345"), None);
        assert_eq!(parse_year("1234"), None);
    }

    #[test]
    fn reads_csv_in_any_encoding_and_lists_other_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("2019")).unwrap();
        let (gbk, _, _) = encoding_rs::GB18030.encode("年份,村代码\r\n2019,001\r\n\r\n");
        std::fs::write(dir.path().join("2019/a.csv"), &gbk).unwrap();
        std::fs::write(dir.path().join("b.xlsx"), b"PK").unwrap();
        std::fs::write(dir.path().join("make.py"), b"").unwrap();
        std::fs::create_dir_all(dir.path().join(OUTPUT_FOLDER)).unwrap();
        std::fs::write(dir.path().join(OUTPUT_FOLDER).join("t.csv"), b"x").unwrap();
        let (found, other) = scan(dir.path()).unwrap();
        assert_eq!(other, ["make.py"]);
        assert_eq!(found.len(), 2);
        assert_eq!(
            (found[0].path.as_str(), found[0].year_folder),
            ("2019/a.csv", Some(2019))
        );
        match &found[0].content {
            Content::Table(g) => {
                assert_eq!(
                    (g.header.clone(), g.rows.clone()),
                    (
                        vec!["年份".to_string(), "村代码".to_string()],
                        vec![vec!["2019".to_string(), "001".to_string()]]
                    )
                );
                assert_eq!(g.encoding, "GB18030");
            }
            other => panic!("{other:?}"),
        }
        // Not a workbook after all: listed as unreadable, with the reader's reason.
        assert!(matches!(&found[1].content, Content::Unreadable(_)));
        assert_eq!((found[1].path.as_str(), &found[1].sheet), ("b.xlsx", &None));
    }
}
