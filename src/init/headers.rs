//! The headers Chinese village forms use for each canonical field, and the unit a header
//! states in brackets (`产量（吨）`, `面积(公顷)`) or after a slash (`播种面积/亩`). `init`
//! recognises tables by these words; a header not listed here is never mapped by a guess,
//! only listed with its closest words.

use crate::schema::TableKind;
use crate::units::Dimension;

/// The words that name a field in village forms, by table and canonical field. Headers are
/// compared without their unit and without spaces.
const WORDS: &[(TableKind, &str, &[&str])] = &[
    (TableKind::Villages, "year", YEAR),
    (TableKind::Villages, "village_code", VILLAGE_CODE),
    (
        TableKind::Villages,
        "village_name",
        &["村名", "村名称", "行政村", "行政村名称", "村", "村庄名称"],
    ),
    (
        TableKind::Villages,
        "township_code",
        &[
            "乡镇代码",
            "乡镇编码",
            "所属乡镇编码",
            "所属乡镇代码",
            "乡镇编号",
            "乡级代码",
        ],
    ),
    (
        TableKind::Villages,
        "township_name",
        &[
            "乡镇名称",
            "乡镇",
            "所属乡镇",
            "乡镇名",
            "乡（镇）",
            "乡镇（街道）",
        ],
    ),
    (
        TableKind::Villages,
        "county_code",
        &[
            "区县代码",
            "县编码",
            "县代码",
            "区县编码",
            "县级代码",
            "所属区县代码",
        ],
    ),
    (
        TableKind::Villages,
        "county_name",
        &[
            "区县名称",
            "县名称",
            "区县",
            "县",
            "县名",
            "县（市、区）",
            "所属区县",
        ],
    ),
    (
        TableKind::Villages,
        "prefecture_code",
        &["地市代码", "市代码", "地区代码", "市州代码", "地级代码"],
    ),
    (
        TableKind::Villages,
        "prefecture_name",
        &["地市名称", "市名称", "地区", "市州", "地市", "地级市"],
    ),
    (
        TableKind::Villages,
        "province_code",
        &["省代码", "省份代码", "省编码", "省级代码"],
    ),
    (
        TableKind::Villages,
        "province_name",
        &["省份", "省名称", "省", "省份名称"],
    ),
    (
        TableKind::Villages,
        "households",
        &["户数", "总户数", "农户数", "户籍户数", "农户户数"],
    ),
    (
        TableKind::Villages,
        "population",
        &[
            "人口",
            "总人口",
            "人口数",
            "户籍人口",
            "汇总人口",
            "总人数",
            "乡村人口",
        ],
    ),
    (
        TableKind::Villages,
        "poor_households",
        &[
            "建档立卡贫困户",
            "贫困户数",
            "建档立卡贫困户数",
            "贫困户",
            "建档立卡户数",
        ],
    ),
    (TableKind::Crops, "year", YEAR),
    (TableKind::Crops, "village_code", VILLAGE_CODE),
    (
        TableKind::Crops,
        "crop",
        &[
            "作物",
            "作物名称",
            "农作物",
            "农作物名称",
            "作物种类",
            "农作物种类",
            "品种",
            "作物品种",
        ],
    ),
    (
        TableKind::Crops,
        "sown_area",
        &["播种面积", "种植面积", "面积", "农作物播种面积", "播面"],
    ),
    (
        TableKind::Crops,
        "output",
        &["产量", "总产量", "产量合计", "总产"],
    ),
    (TableKind::Livestock, "year", YEAR),
    (TableKind::Livestock, "village_code", VILLAGE_CODE),
    (TableKind::Livestock, "species", SPECIES),
    (
        TableKind::Livestock,
        "year_end_stock",
        &[
            "年末存栏",
            "存栏数",
            "年末存栏数",
            "存栏",
            "期末存栏",
            "年底存栏",
            "年末存笼",
            "存笼数",
        ],
    ),
    (TableKind::Slaughter, "year", YEAR),
    (TableKind::Slaughter, "village_code", VILLAGE_CODE),
    (
        TableKind::Slaughter,
        "product",
        &[
            "产品",
            "畜产品",
            "畜产品名称",
            "产品名称",
            "畜种",
            "畜禽种类",
            "畜禽",
            "畜禽品种",
        ],
    ),
    (
        TableKind::Slaughter,
        "head_count",
        &[
            "出栏",
            "出栏数",
            "出栏量",
            "年内出栏",
            "出栏头数",
            "全年出栏",
        ],
    ),
    (
        TableKind::Slaughter,
        "output",
        &["产量", "总产量", "肉产量", "产品产量", "肉类产量"],
    ),
    (TableKind::Dividends, "year", YEAR),
    (TableKind::Dividends, "village_code", VILLAGE_CODE),
    (
        TableKind::Dividends,
        "project",
        &["项目", "分红项目", "项目名称", "产业项目", "产业分红项目"],
    ),
    (
        TableKind::Dividends,
        "households",
        &["分红户数", "受益户数", "户数", "受益农户", "受益农户数"],
    ),
    (
        TableKind::Dividends,
        "poor_households",
        &[
            "贫困户户数",
            "其中贫困户数",
            "贫困户数",
            "受益贫困户",
            "受益贫困户数",
            "其中：贫困户",
        ],
    ),
    (
        TableKind::Dividends,
        "amount",
        &["分红金额", "分红总额", "金额", "分红资金", "分红额"],
    ),
    (TableKind::Income, "year", YEAR),
    (TableKind::Income, "village_code", VILLAGE_CODE),
    (
        TableKind::Income,
        "wage_income",
        &["工资性收入", "工资收入", "工资性净收入"],
    ),
    (
        TableKind::Income,
        "business_income",
        &[
            "经营净收入",
            "家庭经营净收入",
            "经营性净收入",
            "家庭经营性净收入",
        ],
    ),
    (
        TableKind::Income,
        "property_income",
        &["财产净收入", "财产性收入", "财产性净收入", "财产收入"],
    ),
    (
        TableKind::Income,
        "transfer_income",
        &["转移净收入", "转移性收入", "转移性净收入", "转移收入"],
    ),
    (TableKind::Prices, "year", YEAR),
    (
        TableKind::Prices,
        "product",
        &["产品", "产品名称", "农产品", "品种", "农产品名称"],
    ),
    (
        TableKind::Prices,
        "price",
        &["单价", "价格", "平均单价", "均价", "平均价格", "出售价格"],
    ),
    (TableKind::OtherOutput, "year", YEAR),
    (TableKind::OtherOutput, "village_code", VILLAGE_CODE),
    (
        TableKind::OtherOutput,
        "sector",
        &["行业", "行业类别", "产业", "部门", "行业名称"],
    ),
    (
        TableKind::OtherOutput,
        "value",
        &["产值", "总产值", "产值合计"],
    ),
    (
        TableKind::Regions,
        "code",
        &["代码", "区划代码", "编码", "统计用区划代码", "地区代码"],
    ),
    (
        TableKind::Regions,
        "name",
        &["名称", "区划名称", "地区名称", "单位名称"],
    ),
];

const YEAR: &[&str] = &["年份", "年度", "统计年度", "年", "统计年份", "报告期"];
const VILLAGE_CODE: &[&str] = &[
    "村代码",
    "行政村编码",
    "村编码",
    "村编号",
    "行政村代码",
    "村级代码",
    "统计用区划代码",
    "区划代码",
];
const SPECIES: &[&str] = &["畜种", "畜禽种类", "畜禽", "畜禽品种", "牲畜种类", "种类"];

/// Headers forms carry that hold no figures (remarks, row numbers, who filled in the form):
/// `init` lists them in `ignore_columns`.
const IGNORED: &[&str] = &[
    "备注",
    "说明",
    "序号",
    "填报人",
    "联系电话",
    "填报日期",
    "审核人",
    "负责人",
];

/// A header as `init` compares it: without spaces, brackets and slashes half-width, and split
/// into its name and the unit it states, if any (`产量（吨）` is 产量 and 吨, `播种面积/亩`
/// 播种面积 and 亩).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub whole: String,
    pub name: String,
    pub unit: Option<String>,
}

fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '／' => '/',
            other => other,
        })
        .collect()
}

/// Splits off a trailing bracket, full-width or half-width, or a unit after a slash.
pub fn split(header: &str) -> Header {
    let whole = compact(header);
    if let Some(open) = whole.rfind('(') {
        if whole.ends_with(')') && open > 0 {
            let name = whole[..open].to_string();
            let unit = whole[open + 1..whole.len() - 1].to_string();
            return Header {
                unit: Some(unit).filter(|u| !u.is_empty()),
                name,
                whole,
            };
        }
    }
    // A two-row header joined: 播种面积/亩, 单价/元/公斤 (from the first slash, as the
    // workbook reader reads it); only when what follows is a unit.
    for (at, _) in whole.match_indices('/') {
        let unit = &whole[at + 1..];
        if at > 0 && UNIT_DIMENSIONS.iter().any(|d| d.factor(unit).is_some()) {
            return Header {
                name: whole[..at].to_string(),
                unit: Some(unit.to_string()),
                whole,
            };
        }
    }
    Header {
        name: whole.clone(),
        whole,
        unit: None,
    }
}

/// The dimensions whose units a header may state after a slash.
const UNIT_DIMENSIONS: [Dimension; 4] = [
    Dimension::Area,
    Dimension::Weight,
    Dimension::Money,
    Dimension::Price,
];

/// The field of table `kind` a header names, and the unit it states: the whole header may be
/// a word (`乡（镇）`, whose bracket is no unit), or its name without the bracket.
pub fn recognise(kind: TableKind, header: &Header) -> Option<(&'static str, Option<&str>)> {
    match field(kind, &header.whole) {
        Some(f) => Some((f, None)),
        None => field(kind, &header.name).map(|f| (f, header.unit.as_deref())),
    }
}

/// The field of table `kind` whose words hold `name`.
fn field(kind: TableKind, name: &str) -> Option<&'static str> {
    WORDS
        .iter()
        .find(|(k, _, words)| *k == kind && words.iter().any(|w| compact(w) == name))
        .map(|(_, field, _)| *field)
}

/// The words of one field, for listing what a missing field may be called.
pub fn words(kind: TableKind, field: &str) -> &'static [&'static str] {
    WORDS
        .iter()
        .find(|(k, f, _)| *k == kind && *f == field)
        .map_or(&[], |(_, _, words)| *words)
}

/// Whether a header holds no figures and is to be skipped.
pub fn ignored(header: &Header) -> bool {
    IGNORED.contains(&header.name.as_str())
}

/// A unit as the header states it, checked against what the field measures: a unit the
/// pipeline file accepts (`公顷`), or `None` when the text is no unit of that dimension.
pub fn unit(dimension: Dimension, stated: &str) -> Option<&'static str> {
    let stated = stated.replace('／', "/");
    let names = dimension.unit_names();
    names
        .into_iter()
        .find(|u| *u == stated)
        .or(match (dimension, stated.as_str()) {
            (Dimension::Weight, "kg") => Some("公斤"),
            (Dimension::Weight, "t") => Some("吨"),
            (Dimension::Area, "hm2" | "hm²" | "ha") => Some("公顷"),
            _ => None,
        })
}

/// Every (table, field, word) the dictionary holds, for the closest-word hint.
pub fn all() -> impl Iterator<Item = (TableKind, &'static str, &'static str)> {
    WORDS
        .iter()
        .flat_map(|(k, f, words)| words.iter().map(move |w| (*k, *f, *w)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::FieldKind;

    #[test]
    fn splits_units_in_full_and_half_width_brackets() {
        let h = |header: &str| {
            let h = split(header);
            (h.name, h.unit)
        };
        let u = |name: &str, unit: Option<&str>| (name.to_string(), unit.map(String::from));
        assert_eq!(h("产量（吨）"), u("产量", Some("吨")));
        assert_eq!(h("面积(公顷)"), u("面积", Some("公顷")));
        assert_eq!(h(" 金额 (万元) "), u("金额", Some("万元")));
        assert_eq!(h("单价（元／斤）"), u("单价", Some("元/斤")));
        assert_eq!(h("工资性收入"), u("工资性收入", None));
        assert_eq!(h("播种面积/亩"), u("播种面积", Some("亩")));
        assert_eq!(h("产量 ／公斤"), u("产量", Some("公斤")));
        assert_eq!(h("单价/元/公斤"), u("单价", Some("元/公斤")));
        // A slash before what is no unit: one name.
        assert_eq!(h("户数/人口"), u("户数/人口", None));
        assert_eq!(h("/亩"), u("/亩", None));
        assert_eq!(split("(备注)").name, "(备注)");
        let township = split("乡（镇）");
        assert_eq!(
            recognise(TableKind::Villages, &township),
            Some(("township_name", None))
        );
        let output = split("总产量（吨）");
        assert_eq!(
            recognise(TableKind::Crops, &output),
            Some(("output", Some("吨")))
        );
        assert_eq!(recognise(TableKind::Crops, &split("亩产")), None);
    }

    #[test]
    fn units_must_fit_the_field() {
        assert_eq!(unit(Dimension::Weight, "吨"), Some("吨"));
        assert_eq!(unit(Dimension::Area, "公顷"), Some("公顷"));
        assert_eq!(unit(Dimension::Money, "万元"), Some("万元"));
        assert_eq!(unit(Dimension::Price, "元/斤"), Some("元/斤"));
        assert_eq!(unit(Dimension::Area, "吨"), None);
        assert_eq!(unit(Dimension::Weight, "担"), None);
    }

    #[test]
    fn every_word_names_a_field_of_its_table_and_no_word_two_fields_of_one_table() {
        for (kind, field, word) in all() {
            assert!(kind.field(field).is_some(), "{}.{field}", kind.name());
            let named = recognise(kind, &split(word)).map(|(f, _)| f);
            assert_eq!(named, Some(field), "{}: {word}", kind.name());
            assert!(!ignored(&split(word)), "{word}");
        }
        // Every field of every table has words, so a complete table can be recognised.
        for kind in TableKind::ALL {
            for f in kind.fields() {
                assert!(
                    !words(kind, f.name).is_empty(),
                    "{}.{}",
                    kind.name(),
                    f.name
                );
                if let FieldKind::Number(_) = f.kind {
                    assert!(words(kind, f.name).iter().all(|w| split(w).unit.is_none()));
                }
            }
        }
    }
}
