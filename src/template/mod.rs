//! `agristat template`: the workbook a village fills in and sends back, one per village, one
//! sheet per table it reports, with the header the pipeline reads, its year and code filled
//! in, drop-down lists and number rules; what comes back reads without a problem.

mod sheet;

use crate::lang::Msg;
use crate::tr;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Workbook, XlsxError};

use crate::catalogue::{Catalogue, Sector};
use crate::config::{self, InputPlan, Plan};
use crate::error::{did_you_mean, Error, Location, Problem, Result};
use crate::ingest::{self, Cache};
use crate::schema::{ItemKind, TableKind};

pub use sheet::columns;

/// The sheet of each table a village reports (prices and region names are the township's).
pub fn sheet_name(kind: TableKind) -> Option<&'static str> {
    Some(match kind {
        TableKind::Villages => "村基本情况",
        TableKind::Crops => "农作物",
        TableKind::Livestock => "畜禽存栏",
        TableKind::Slaughter => "畜产品",
        TableKind::Dividends => "产业分红",
        TableKind::Income => "农民收入",
        TableKind::OtherOutput => "其他产值",
        TableKind::Prices | TableKind::Regions => return None,
    })
}

/// The hidden sheet holding the drop-down lists.
const LISTS: &str = "选项";

/// One village of the registry, in the report year: its code, its name, and its registry
/// row's text (codes and names of its areas) by field, for its own sheet.
#[derive(Debug, Clone)]
pub struct Village {
    pub code: String,
    pub name: String,
    pub registry: Vec<String>,
}

/// What the templates of a pipeline are made from.
pub struct Templates {
    pub plan: Plan,
    pub catalogue: Catalogue,
    pub villages: Vec<Village>,
}

impl Templates {
    /// The pipeline, its catalogue, and its registry's villages in the report year.
    pub fn load(pipeline: &Path) -> Result<Templates> {
        let plan = config::load(pipeline)?;
        let (catalogue, record) = ingest::read_catalogue(&plan)?;
        let registry = &plan.inputs[&TableKind::Villages];
        let (table, problems) = ingest::table::read(
            registry,
            &plan.years,
            &catalogue,
            &record.sha256,
            &Cache::disabled(),
        )?;
        if !problems.is_empty() {
            return Err(Error::Data(problems));
        }
        let text = |field: &str, row: usize| table.texts(field).map_or("", |t| &t[row]);
        let villages = (0..table.len())
            .filter(|&row| table.years()[row] == plan.year)
            .map(|row| Village {
                code: text("village_code", row).to_string(),
                name: text("village_name", row).to_string(),
                registry: TableKind::Villages
                    .fields()
                    .iter()
                    .map(|f| text(f.name, row).to_string())
                    .collect(),
            })
            .collect();
        Ok(Templates {
            plan,
            catalogue,
            villages,
        })
    }

    /// The template of `village`, not yet saved: fill it in and save it with
    /// `report::xlsx::save`.
    pub fn workbook(&self, village: &Village) -> Result<Workbook> {
        let err = |e: XlsxError| {
            Error::Config(vec![Problem::new(
                Location::file(&self.plan.pipeline_file),
                tr!(Msg::TplFailed, code = village.code, error = e),
            )])
        };
        let mut workbook = Workbook::new();
        let lists = self.lists();
        for (kind, input) in self.tables() {
            let name = sheet_name(kind).unwrap_or(kind.name());
            let sheet = sheet::Sheet {
                plan: &self.plan,
                input,
                name,
                lists: &lists,
                rows: self.rows(kind),
            };
            sheet
                .write(workbook.add_worksheet(), village)
                .map_err(err)?;
        }
        sheet::lists(workbook.add_worksheet(), LISTS, &lists).map_err(err)?;
        Ok(workbook)
    }

    /// The tables a village reports, in the pipeline's order.
    fn tables(&self) -> impl Iterator<Item = (TableKind, &InputPlan)> {
        self.plan
            .inputs
            .iter()
            .filter(|(k, _)| sheet_name(**k).is_some())
            .map(|(k, i)| (*k, i))
    }

    /// The rows a sheet offers with year and code filled in: one for the village's own
    /// rows, one per item it may report for the others.
    fn rows(&self, kind: TableKind) -> u32 {
        let items = |item| self.names(item).len() as u32;
        match kind {
            TableKind::Villages | TableKind::Income => 1,
            TableKind::Crops => items(ItemKind::Crop),
            TableKind::Livestock => items(ItemKind::Livestock),
            TableKind::Slaughter => items(ItemKind::AnimalProduct),
            TableKind::OtherOutput => Sector::ALL.len() as u32,
            _ => 10,
        }
    }

    /// The drop-down lists: the catalogue's names of each kind of item, and the sectors.
    fn lists(&self) -> Vec<(ItemKind, Vec<String>)> {
        [
            ItemKind::Crop,
            ItemKind::Livestock,
            ItemKind::AnimalProduct,
            ItemKind::Sector,
        ]
        .into_iter()
        .map(|item| (item, self.names(item)))
        .collect()
    }

    fn names(&self, item: ItemKind) -> Vec<String> {
        if item == ItemKind::Sector {
            return Sector::ALL
                .iter()
                .map(|s| s.name_zh().to_string())
                .collect();
        }
        let catalogue = &self.catalogue;
        catalogue
            .products
            .iter()
            .filter(|p| {
                catalogue
                    .lookup(item, &p.name)
                    .is_some_and(|q| q.code == p.code)
            })
            .map(|p| p.name.clone())
            .collect()
    }
}

/// The file name of a village's template: its code and name.
pub fn file_name(village: &Village) -> String {
    let name = village.name.replace(['/', '\\', ':'], "_");
    format!("{}_{name}.xlsx", village.code)
}

/// Writes the templates of every village of the registry (or of `village` only) into `out`.
pub fn write(pipeline: &Path, village: Option<&str>, out: &Path) -> Result<Vec<PathBuf>> {
    let templates = Templates::load(pipeline)?;
    let chosen: Vec<&Village> = match village {
        None => templates.villages.iter().collect(),
        Some(code) => {
            let found: Vec<&Village> = templates
                .villages
                .iter()
                .filter(|v| v.code == code)
                .collect();
            if found.is_empty() {
                return Err(unknown_village(&templates, code));
            }
            found
        }
    };
    std::fs::create_dir_all(out).map_err(|e| Error::io(out, Msg::IoCreateTemplates, e))?;
    let mut written = Vec::new();
    for village in chosen {
        let path = out.join(file_name(village));
        let title = format!("{}{}年报表", village.name, templates.plan.year);
        crate::report::xlsx::save(templates.workbook(village)?, &title, &path)?;
        written.push(path);
    }
    Ok(written)
}

fn unknown_village(templates: &Templates, code: &str) -> Error {
    let registry = &templates.plan.inputs[&TableKind::Villages];
    let at = registry
        .files
        .first()
        .map_or(Location::file(Path::new("")), |f| Location::file(f));
    let codes = templates.villages.iter().map(|v| v.code.as_str());
    Error::Config(vec![Problem::new(
        at,
        tr!(Msg::TplNoVillage, code = code, year = templates.plan.year),
    )
    .with_hint(did_you_mean(code, codes))])
}
