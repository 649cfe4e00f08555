//! What the generated country grows and raises: the crops (the shipped catalogue's and extra
//! ones), the livestock species and animal products, with typical yields and prices, and the
//! benchmark's own catalogue and prices files.

use std::io::{self, Write};
use std::path::Path;

use crate::numbers::put_fixed;
use crate::tables::PRICES;

/// A crop: catalogue code, Chinese name, typical yield (公斤/亩), price (分/公斤 in the
/// report year).
pub struct Crop {
    pub code: &'static str,
    pub name: &'static str,
    pub yield_kg: u32,
    pub price_fen: u64,
}

const fn crop(code: &'static str, name: &'static str, yield_kg: u32, price_fen: u64) -> Crop {
    Crop {
        code,
        name,
        yield_kg,
        price_fen,
    }
}

/// The crops of the shipped catalogue (their rows are copied as they are); generated yields
/// stay within 0.68..1.38 × the typical yield, inside each crop's min_yield..max_yield.
pub const SHIPPED_CROPS: [Crop; 11] = [
    crop("hybrid_rice", "杂交水稻", 500, 260),
    crop("wheat", "小麦", 350, 240),
    crop("maize", "玉米", 420, 210),
    crop("soybean", "大豆", 170, 560),
    crop("sweet_potato", "红薯", 1800, 80),
    crop("potato", "马铃薯", 1600, 120),
    crop("vegetables", "蔬菜", 2500, 200),
    crop("chili", "辣椒", 1400, 450),
    crop("rapeseed", "油菜", 150, 520),
    crop("tea", "茶叶", 110, 6000),
    crop("reishi", "灵芝", 200, 8000),
];

/// Extra crops: (crop, catalogue group, grain factor). Their yield range in the catalogue is
/// 0.4..2.5 × the typical yield.
pub const EXTRA_CROPS: [(Crop, &str, &str); 22] = [
    (crop("glutinous_rice", "糯稻", 430, 320), "cereal", "1"),
    (crop("barley", "大麦", 300, 230), "cereal", "1"),
    (crop("sorghum", "高粱", 320, 280), "cereal", "1"),
    (crop("millet", "谷子", 250, 400), "cereal", "1"),
    (crop("buckwheat", "荞麦", 120, 500), "cereal", "1"),
    (crop("oats", "燕麦", 150, 420), "cereal", "1"),
    (crop("mung_bean", "绿豆", 110, 750), "pulse", "1"),
    (crop("broad_bean", "蚕豆", 180, 500), "pulse", "1"),
    (crop("pea", "豌豆", 160, 480), "pulse", "1"),
    (crop("kidney_bean", "芸豆", 140, 700), "pulse", "1"),
    (crop("cassava", "木薯", 1500, 70), "tuber", "0.2"),
    (crop("taro", "芋头", 1300, 300), "tuber", "0.2"),
    (crop("peanut", "花生", 220, 700), "oilseed", "0"),
    (crop("sesame", "芝麻", 80, 1400), "oilseed", "0"),
    (crop("sunflower", "向日葵", 190, 650), "oilseed", "0"),
    (crop("tobacco", "烤烟", 140, 2800), "cash_crop", "0"),
    (crop("sugarcane", "甘蔗", 4500, 50), "cash_crop", "0"),
    (crop("cotton", "棉花", 100, 1500), "cash_crop", "0"),
    (crop("konjac", "魔芋", 2000, 300), "cash_crop", "0"),
    (crop("herbs", "中药材", 300, 2000), "cash_crop", "0"),
    (crop("mushrooms", "食用菌", 3000, 600), "vegetable", "0"),
    (crop("watermelon", "西瓜", 2800, 180), "fruit", "0"),
];

pub const CROP_COUNT: usize = SHIPPED_CROPS.len() + EXTRA_CROPS.len();

/// The `i`-th crop of the generator's list (shipped first, then the extra ones).
pub fn crop_at(i: usize) -> &'static Crop {
    SHIPPED_CROPS
        .get(i)
        .unwrap_or_else(|| &EXTRA_CROPS[i - SHIPPED_CROPS.len()].0)
}

/// Livestock species by Chinese name, as the livestock table names them.
pub const PIG: usize = 0;
pub const POULTRY: usize = 1;
pub const CATTLE: usize = 2;
pub const SHEEP: usize = 3;
pub const BEES: usize = 4;
pub const SPECIES: [&str; 5] = ["生猪", "家禽", "牛", "羊", "蜜蜂"];

/// Animal products: Chinese name and price (分/公斤).
pub const PORK: usize = 0;
pub const POULTRY_MEAT: usize = 1;
pub const BEEF: usize = 2;
pub const MUTTON: usize = 3;
pub const EGGS: usize = 4;
pub const HONEY: usize = 5;
pub const MILK: usize = 6;
pub const ANIMAL_PRODUCTS: [(&str, u64); 7] = [
    ("猪肉", 2200),
    ("禽肉", 1600),
    ("牛肉", 6500),
    ("羊肉", 6000),
    ("禽蛋", 950),
    ("蜂蜜", 5000),
    ("牛奶", 380),
];

/// The catalogue rows the shipped catalogue lacks: milk, and the extra crops.
const MILK_ROW: &str = "milk,牛奶,鲜奶,animal_product,milk,animal_husbandry,0,公斤,,,,,\n";

/// Writes the benchmark's catalogue: the shipped rows, then milk and the extra crops.
pub fn write_catalogue(shipped: &Path, to: &Path) -> io::Result<()> {
    let mut text = std::fs::read_to_string(shipped)?;
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(MILK_ROW);
    for (c, group, grain_factor) in &EXTRA_CROPS {
        let (lo, hi) = (c.yield_kg * 2 / 5, c.yield_kg * 5 / 2);
        text.push_str(&format!(
            "{},{},,crop,{group},farming,{grain_factor},公斤,,{lo},{hi},,\n",
            c.code, c.name
        ));
    }
    std::fs::write(to, text)
}

/// The price of a product in `year`: the report year's price, 5 % lower the year before.
fn price_in(fen: u64, year: i32, report_year: i32) -> u64 {
    if year == report_year {
        fen
    } else {
        fen * 95 / 100
    }
}

/// Writes one prices file per year: every crop and animal product, in 元/公斤.
pub fn write_prices(path: &Path, year: i32, report_year: i32) -> io::Result<()> {
    let mut out = io::BufWriter::new(std::fs::File::create(path)?);
    out.write_all(PRICES.1.as_bytes())?;
    out.write_all(b"\n")?;
    let crops = (0..CROP_COUNT).map(|i| (crop_at(i).name, crop_at(i).price_fen));
    for (name, fen) in crops.chain(ANIMAL_PRODUCTS) {
        let mut line = format!("{year},{name},").into_bytes();
        put_fixed(&mut line, price_in(fen, year, report_year), 2);
        line.push(b'\n');
        out.write_all(&line)?;
    }
    out.flush()
}
