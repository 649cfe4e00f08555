//! `agristat catalogue`: what the catalogue knows, in Chinese, one table per group, so that a
//! statistician can see which names a village file may use before running anything.

use rust_decimal::Decimal;
use unicode_width::UnicodeWidthStr;

use super::{Catalogue, Group, Product, ProductKind};
use crate::fixed::SCALE_DIGITS;

/// The header of each group's table.
const HEADER: [&str; 7] = [
    "产品",
    "代码",
    "别名",
    "行业",
    "折粮系数",
    "单位",
    "合理范围",
];

/// Every entry, grouped as the statistical tables group them (谷物, 薯类, 豆类 …).
pub fn listing(catalogue: &Catalogue) -> String {
    let mut out = format!("{}\n", heading(catalogue));
    for group in Group::ALL {
        let rows: Vec<[String; 7]> = catalogue
            .products
            .iter()
            .filter(|p| p.group == group)
            .map(|p| row(catalogue, p))
            .collect();
        if rows.is_empty() {
            continue;
        }
        out.push_str(&format!("\n## {}（{}）\n\n", group.name_zh(), rows.len()));
        out.push_str(&table(&rows));
    }
    out.push_str(&format!("\n{}\n", notes()));
    out
}

fn heading(catalogue: &Catalogue) -> String {
    let count = |k: ProductKind| catalogue.products.iter().filter(|p| p.kind == k).count();
    format!(
        "# 产品目录：{}\n\n共{}项：农作物{}项，畜禽{}种，畜产品{}项。",
        catalogue.source.shown(),
        catalogue.products.len(),
        count(ProductKind::Crop),
        count(ProductKind::Livestock),
        count(ProductKind::AnimalProduct)
    )
}

fn notes() -> &'static str {
    "说明：村表中的产品名可以是产品名、别名或代码。折粮系数：谷物、豆类按1计，薯类按5公斤鲜薯折1公斤粮食（0.2），其余不计入粮食。\
合理范围：农作物为单产（公斤/亩），肉类为每头（只）胴体重（公斤），超出范围只给出提示，不算错误。\
出栏表中的畜种名（生猪、牛、羊、家禽等）指该畜种的肉。"
}

fn row(catalogue: &Catalogue, p: &Product) -> [String; 7] {
    let range = match (p.yield_range, p.kg_per_head_range) {
        (Some((a, b)), _) => format!("{}–{} 公斤/亩", show(a), show(b)),
        (None, Some((a, b))) => {
            let per = p
                .species
                .as_deref()
                .and_then(|s| catalogue.get(s))
                .map_or("头", |s| s.unit.as_str());
            format!("{}–{} 公斤/{per}", show(a), show(b))
        }
        (None, None) => String::new(),
    };
    let grain = if p.grain_factor == 0 {
        String::new()
    } else {
        show(Decimal::new(p.grain_factor, SCALE_DIGITS))
    };
    let unit = match (p.kind, p.species.as_deref().and_then(|s| catalogue.get(s))) {
        (ProductKind::AnimalProduct, Some(s)) => format!("{}（{}）", p.unit, s.name),
        _ => p.unit.clone(),
    };
    [
        p.name.clone(),
        p.code.clone(),
        p.aliases.join("、"),
        p.sector.name_zh().to_string(),
        grain,
        unit,
        range,
    ]
}

fn show(d: Decimal) -> String {
    d.normalize().to_string()
}

/// A Markdown table whose columns line up on a terminal (CJK characters are two wide).
fn table(rows: &[[String; 7]]) -> String {
    let mut widths: Vec<usize> = HEADER.iter().map(|h| h.width()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let line = |cells: &mut dyn Iterator<Item = &str>| {
        let padded: Vec<String> = cells
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.width())))
            .collect();
        format!("| {} |\n", padded.join(" | "))
    };
    let mut out = line(&mut HEADER.iter().copied());
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    out.push_str(&format!("| {} |\n", rule.join(" | ")));
    for row in rows {
        out.push_str(&line(&mut row.iter().map(String::as_str)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn lists_a_small_catalogue_by_group_in_chinese() {
        let text = "product,name,aliases,kind,group,sector,grain_factor,unit,species,min_yield,max_yield,min_kg_per_head,max_kg_per_head\n\
                    potato,马铃薯,土豆|洋芋,crop,tuber,farming,0.2,公斤,,800,3500,,\n\
                    pig,生猪,猪,livestock,livestock,animal_husbandry,0,头,,,,,\n\
                    pork,猪肉,,animal_product,meat,animal_husbandry,0,公斤,pig,,,50,150\n";
        let c = Catalogue::parse(text, Path::new("p.csv")).unwrap();
        insta::assert_snapshot!(c.listing(), @r"
        # 产品目录：p.csv

        共3项：农作物1项，畜禽1种，畜产品1项。

        ## 薯类（1）

        | 产品   | 代码   | 别名       | 行业 | 折粮系数 | 单位 | 合理范围         |
        | ------ | ------ | ---------- | ---- | -------- | ---- | ---------------- |
        | 马铃薯 | potato | 土豆、洋芋 | 农业 | 0.2      | 公斤 | 800–3500 公斤/亩 |

        ## 牲畜和家禽（1）

        | 产品 | 代码 | 别名 | 行业 | 折粮系数 | 单位 | 合理范围 |
        | ---- | ---- | ---- | ---- | -------- | ---- | -------- |
        | 生猪 | pig  | 猪   | 牧业 |          | 头   |          |

        ## 肉类（1）

        | 产品 | 代码 | 别名 | 行业 | 折粮系数 | 单位         | 合理范围       |
        | ---- | ---- | ---- | ---- | -------- | ------------ | -------------- |
        | 猪肉 | pork |      | 牧业 |          | 公斤（生猪） | 50–150 公斤/头 |

        说明：村表中的产品名可以是产品名、别名或代码。折粮系数：谷物、豆类按1计，薯类按5公斤鲜薯折1公斤粮食（0.2），其余不计入粮食。合理范围：农作物为单产（公斤/亩），肉类为每头（只）胴体重（公斤），超出范围只给出提示，不算错误。出栏表中的畜种名（生猪、牛、羊、家禽等）指该畜种的肉。
        ");
    }

    #[test]
    fn every_group_of_the_built_in_catalogue_is_listed() {
        let c = Catalogue::built_in();
        let text = c.listing();
        for p in &c.products {
            assert!(text.contains(&format!("| {} ", p.name)), "{}", p.name);
        }
        assert!(text.starts_with("# 产品目录：built-in catalogue"));
    }
}
