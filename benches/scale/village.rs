//! One generated village: what it grows and raises (drawn once), and its rows for one year
//! (its figures moved by at most ±5 % around those, so that no change warning fires).

use crate::numbers::{put_fixed, put_u64, Rng};
use crate::products::{
    crop_at, ANIMAL_PRODUCTS, BEEF, BEES, CATTLE, CROP_COUNT, EGGS, HONEY, MILK, MUTTON, PIG, PORK,
    POULTRY, POULTRY_MEAT, SHEEP, SPECIES,
};
use crate::tables::{Sink, Tables};

const PROJECTS: [&str; 10] = [
    "温氏生猪代养",
    "茶叶专业合作社",
    "光伏发电",
    "食用菌基地",
    "乡村旅游",
    "中药材种植",
    "肉牛养殖",
    "精品水果基地",
    "蜂蜜加工",
    "生态鸡养殖",
];
const SECTORS: [&str; 3] = ["林业", "渔业", "农林牧渔服务业"];

/// An animal product: heads slaughtered and kg per head (in 0.1 kg) for meat, or the output
/// (in 0.1 kg) for eggs, honey and milk.
struct Product {
    product: usize,
    heads: Option<u64>,
    tenths: u64,
}

/// A village's profile. Areas and weights are in tenths (0.1 亩, 0.1 公斤), money in 分.
#[derive(Default)]
pub struct Village {
    pub code: [u8; 12],
    pub name: String,
    population: u64,
    households: u64,
    poor: u64,
    /// (crop, area, yield in 公斤/亩)
    crops: Vec<(usize, u64, u64)>,
    /// (species, year-end stock)
    stock: Vec<(usize, u64)>,
    products: Vec<Product>,
    /// (project, households, poor households, amount)
    projects: Vec<(usize, u64, u64, u64)>,
    income: [u64; 4],
    /// (sector, value in 元)
    other: Vec<(usize, u64)>,
}

/// `lo..=hi` (at random) distinct numbers of `0..n`, in random order.
fn pick(rng: &mut Rng, n: usize, lo: u64, hi: u64) -> Vec<usize> {
    let k = rng.range(lo, hi) as usize;
    let mut all: Vec<usize> = (0..n).collect();
    for i in 0..k {
        let j = i + (rng.next_u64() % (n - i) as u64) as usize;
        all.swap(i, j);
    }
    all.truncate(k);
    all
}

impl Village {
    /// Draws the village's profile from its own seed.
    pub fn draw(&mut self, seed: u64) {
        let mut rng = Rng::new(seed);
        self.population = rng.range(300, 3000);
        self.households = self.population * 10 / rng.range(30, 40);
        self.poor = rng.range(0, self.households / 10);
        self.crops = pick(&mut rng, CROP_COUNT, 10, 25)
            .into_iter()
            .map(|c| {
                let typical = u64::from(crop_at(c).yield_kg);
                (c, rng.range(50, 8000), rng.vary(typical, 250))
            })
            .collect();
        self.draw_animals(&mut rng);
        self.projects = pick(&mut rng, PROJECTS.len(), 0, 3)
            .into_iter()
            .map(|p| {
                let households = rng.range(20, 300);
                let poor = rng.range(0, households / 2);
                (p, households, poor, rng.range(500_000, 20_000_000))
            })
            .collect();
        let total_fen = self.population * rng.range(5_000, 16_000) * 100;
        self.income = [(400, 550), (250, 400), (20, 80), (80, 200)]
            .map(|(lo, hi)| total_fen * rng.range(lo, hi) / 1000);
        self.other = pick(&mut rng, SECTORS.len(), 0, 3)
            .into_iter()
            .map(|s| (s, rng.range(10_000, 800_000)))
            .collect();
    }

    /// Pigs and poultry everywhere, plus one to three of cattle, sheep and bees; their meat,
    /// eggs, honey, and sometimes milk: 3-5 species, 4-6 products.
    fn draw_animals(&mut self, rng: &mut Rng) {
        let extra = pick(rng, 3, 1, 3);
        let mut species = vec![PIG, POULTRY];
        species.extend(extra.iter().map(|e| CATTLE + e));
        let heads = |rng: &mut Rng, lo, hi, stock: u64| (stock * rng.range(lo, hi) / 1000).max(1);
        self.stock.clear();
        self.products.clear();
        for s in species {
            let (lo, hi) = [(20, 1500), (200, 20_000), (20, 300), (30, 800), (10, 200)][s];
            let stock = rng.range(lo, hi);
            self.stock.push((s, stock));
            let (product, heads, tenths) = match s {
                PIG => (
                    PORK,
                    Some(heads(rng, 1200, 1800, stock)),
                    rng.range(700, 1300),
                ),
                POULTRY => (
                    POULTRY_MEAT,
                    Some(heads(rng, 1500, 3000, stock)),
                    rng.range(12, 25),
                ),
                CATTLE => (
                    BEEF,
                    Some(heads(rng, 300, 600, stock)),
                    rng.range(1200, 2500),
                ),
                SHEEP => (
                    MUTTON,
                    Some(heads(rng, 500, 1000, stock)),
                    rng.range(120, 300),
                ),
                BEES => (HONEY, None, stock * rng.range(50, 200)),
                _ => unreachable!("five species"),
            };
            self.products.push(Product {
                product,
                heads,
                tenths,
            });
            if s == POULTRY {
                let eggs = stock * rng.range(30, 80);
                self.products.push(Product {
                    product: EGGS,
                    heads: None,
                    tenths: eggs,
                });
            }
            if s == CATTLE && extra.len() < 3 && rng.range(0, 1) == 1 {
                let milk = stock * rng.range(1000, 20_000);
                self.products.push(Product {
                    product: MILK,
                    heads: None,
                    tenths: milk,
                });
            }
        }
    }
}

/// The start of every row: `year,village_code,`.
fn start(sink: &mut Sink, year: &[u8], code: &[u8]) {
    sink.buf.extend_from_slice(year);
    sink.buf.push(b',');
    sink.buf.extend_from_slice(code);
    sink.buf.push(b',');
}

fn text(sink: &mut Sink, s: &str) {
    sink.buf.extend_from_slice(s.as_bytes());
    sink.buf.push(b',');
}

fn end(sink: &mut Sink) {
    sink.buf.push(b'\n');
    sink.rows += 1;
}

impl Village {
    /// Writes the village's rows of `year` (all but the registry) into `t`.
    pub fn write_year(&self, t: &mut Tables, seed: u64) {
        let mut rng = Rng::new(seed);
        let (y, c) = (t.year_text.as_bytes(), &self.code[..]);
        for &(crop, area, kg) in &self.crops {
            let (area, kg) = (rng.vary(area, 50), rng.vary(kg, 50));
            start(&mut t.crops, y, c);
            text(&mut t.crops, crop_at(crop).name);
            put_fixed(&mut t.crops.buf, area, 1);
            t.crops.buf.push(b',');
            put_fixed(&mut t.crops.buf, area * kg, 1);
            end(&mut t.crops);
        }
        for &(species, stock) in &self.stock {
            start(&mut t.livestock, y, c);
            text(&mut t.livestock, SPECIES[species]);
            put_u64(&mut t.livestock.buf, rng.vary(stock, 50));
            end(&mut t.livestock);
        }
        for p in &self.products {
            start(&mut t.slaughter, y, c);
            text(&mut t.slaughter, ANIMAL_PRODUCTS[p.product].0);
            let output = match p.heads {
                Some(heads) => {
                    let heads = rng.vary(heads, 50).max(1);
                    put_u64(&mut t.slaughter.buf, heads);
                    heads * p.tenths
                }
                None => rng.vary(p.tenths, 50),
            };
            t.slaughter.buf.push(b',');
            put_fixed(&mut t.slaughter.buf, output, 1);
            end(&mut t.slaughter);
        }
        self.write_money(t, &mut rng);
    }

    /// Dividends, income and other output.
    fn write_money(&self, t: &mut Tables, rng: &mut Rng) {
        let (y, c) = (t.year_text.as_bytes(), &self.code[..]);
        for &(project, households, poor, fen) in &self.projects {
            start(&mut t.dividends, y, c);
            text(&mut t.dividends, PROJECTS[project]);
            put_u64(&mut t.dividends.buf, households);
            t.dividends.buf.push(b',');
            put_u64(&mut t.dividends.buf, poor);
            t.dividends.buf.push(b',');
            put_fixed(&mut t.dividends.buf, rng.vary(fen, 50), 2);
            end(&mut t.dividends);
        }
        start(&mut t.income, y, c);
        for (i, fen) in self.income.iter().enumerate() {
            if i > 0 {
                t.income.buf.push(b',');
            }
            put_fixed(&mut t.income.buf, rng.vary(*fen, 50), 2);
        }
        end(&mut t.income);
        for &(sector, value) in &self.other {
            start(&mut t.other_output, y, c);
            text(&mut t.other_output, SECTORS[sector]);
            put_u64(&mut t.other_output.buf, rng.vary(value, 50));
            end(&mut t.other_output);
        }
    }

    /// The village's registry row of `year`: the township and county codes and names follow
    /// its own; the population moves by at most ±2 % between years.
    pub fn write_registry(&self, t: &mut Tables, seed: u64, parents: &[u8]) {
        let mut rng = Rng::new(seed ^ 0x5EED);
        let sink = &mut t.villages;
        start(sink, t.year_text.as_bytes(), &self.code);
        text(sink, &self.name);
        sink.buf.extend_from_slice(parents);
        for v in [self.households, rng.vary(self.population, 20), self.poor] {
            sink.buf.push(b',');
            put_u64(&mut sink.buf, v);
        }
        end(sink);
    }
}
