#!/usr/bin/env python3
"""Township and county totals of the scale benchmark's country, computed by DuckDB.

The reference the scale benchmark (benches/scale/) checks agristat against, and times:

    duckdb_totals.py --dir COUNTRY --years 2018 2019 --out totals.csv

COUNTRY is a generated country: catalogue.csv and data/YEAR/TABLE.csv with the headers of
benches/scale/tables.rs. Numbers are read as DECIMAL(18,4) (the 4 decimals agristat keeps,
up to 10^14), so every sum is exact; products with prices or grain factors are DECIMAL(38,8).
Ratios (yield, per-capita income, offtake rate) are divided once, from the exact sums, in
integers, and rounded half away from zero to 4 decimals, as agristat does.

Writes `year, level, area_code, area_name, indicator, item, unit, value` for levels township
and county, in the units of agristat's totals.csv (万元, 吨, 亩, heads, 人, 户, 元, %), in no
particular order (the benchmark compares them by key). Besides agristat's indicators, it
writes `gross_output_value_at_previous_prices` (this year's quantities at last year's prices),
from which the benchmark checks the growth of output value at comparable prices.
"""

import argparse
import sys
import time

STARTED = time.perf_counter()

import duckdb  # noqa: E402  (imported after the clock starts: its import time is reported)

Q = "DECIMAL(18,4)"

# Per table: (header in the file, column name here, type), in file order.
TABLES = {
    "villages": [
        ("年份", "year", "INTEGER"),
        ("村代码", "village", "VARCHAR"),
        ("村名", "village_name", "VARCHAR"),
        ("乡镇代码", "township", "VARCHAR"),
        ("乡镇名称", "township_name", "VARCHAR"),
        ("区县代码", "county", "VARCHAR"),
        ("区县名称", "county_name", "VARCHAR"),
        ("户数", "households", "BIGINT"),
        ("人口", "population", "BIGINT"),
        ("建档立卡贫困户", "poor", "BIGINT"),
    ],
    "crops": [
        ("年份", "year", "INTEGER"),
        ("村代码", "village", "VARCHAR"),
        ("作物", "crop", "VARCHAR"),
        ("播种面积(亩)", "area", Q),
        ("产量(公斤)", "output", Q),
    ],
    "livestock": [
        ("年份", "year", "INTEGER"),
        ("村代码", "village", "VARCHAR"),
        ("畜种", "species", "VARCHAR"),
        ("年末存栏", "stock", Q),
    ],
    "slaughter": [
        ("年份", "year", "INTEGER"),
        ("村代码", "village", "VARCHAR"),
        ("产品", "product", "VARCHAR"),
        ("出栏数", "heads", Q),
        ("产量(公斤)", "output", Q),
    ],
    "dividends": [
        ("年份", "year", "INTEGER"),
        ("村代码", "village", "VARCHAR"),
        ("项目", "project", "VARCHAR"),
        ("分红户数", "households", "BIGINT"),
        ("贫困户户数", "poor", "BIGINT"),
        ("分红金额(元)", "amount", Q),
    ],
    "income": [
        ("年份", "year", "INTEGER"),
        ("村代码", "village", "VARCHAR"),
        ("工资性收入", "wage_income", Q),
        ("经营净收入", "business_income", Q),
        ("财产净收入", "property_income", Q),
        ("转移净收入", "transfer_income", Q),
    ],
    "other_output": [
        ("年份", "year", "INTEGER"),
        ("村代码", "village", "VARCHAR"),
        ("行业", "sector", "VARCHAR"),
        ("产值(元)", "value", Q),
    ],
    "prices": [
        ("年份", "year", "INTEGER"),
        ("产品", "product", "VARCHAR"),
        ("单价(元/公斤)", "price", Q),
    ],
}

# (indicator, unit, factor from canonical units); unit '' = the species' own (头, 羽, 群).
INDICATORS = [
    ("gross_output_value", "万元", "0.0001"),
    ("gross_output_value_at_previous_prices", "万元", "0.0001"),
    ("grain_sown_area", "亩", "1"),
    ("grain_output", "吨", "0.001"),
    ("crop_sown_area", "亩", "1"),
    ("crop_output", "吨", "0.001"),
    ("year_end_stock", "", "1"),
    ("offtake", "", "1"),
    ("meat_output", "吨", "0.001"),
    ("egg_output", "吨", "0.001"),
    ("product_output", "吨", "0.001"),
    ("dividends", "万元", "0.0001"),
    ("dividend_households", "户次", "1"),
    ("dividend_poor_households", "户次", "1"),
    ("net_income", "万元", "0.0001"),
    ("population", "人", "1"),
    ("households", "户", "1"),
    ("poor_households", "户", "1"),
]

SECTORS = [
    ("农业", "farming"),
    ("林业", "forestry"),
    ("牧业", "animal_husbandry"),
    ("畜牧业", "animal_husbandry"),
    ("渔业", "fishery"),
    ("农林牧渔服务业", "services"),
    ("服务业", "services"),
]
COMPONENTS = ["wage_income", "business_income", "property_income", "transfer_income"]


def quoted(text):
    return "'" + text.replace("'", "''") + "'"


def check_header(path, columns):
    with open(path, encoding="utf-8-sig") as f:
        header = f.readline().rstrip("\r\n").split(",")
    expected = [c[0] for c in columns]
    if header != expected:
        sys.exit(f"{path}: header {header}, expected {expected}")


def load(con, country, years):
    """One table per input, read with explicit column types (codes as text)."""
    for table, columns in TABLES.items():
        paths = [f"{country}/data/{y}/{table}.csv" for y in years]
        for p in paths:
            check_header(p, columns)
        types = ", ".join(f"{quoted(name)}: {quoted(t)}" for _, name, t in columns)
        files = ", ".join(quoted(p) for p in paths)
        con.execute(
            f"CREATE TABLE {table} AS SELECT * FROM read_csv([{files}], header = true, "
            f"auto_detect = false, delim = ',', quote = '\"', columns = {{{types}}})"
        )
    con.execute(
        f"""CREATE TABLE cat AS SELECT product, name, coalesce(aliases, '') AS aliases, kind,
            "group" AS grp, sector, CAST(grain_factor AS {Q}) AS gf, unit, species
        FROM read_csv({quoted(country + '/catalogue.csv')}, header = true, all_varchar = true)"""
    )
    # Every name a table may use for a product: its code, its name, its aliases.
    con.execute(
        """CREATE TABLE names AS SELECT DISTINCT product, kind, label FROM (
            SELECT product, kind, product AS label FROM cat
            UNION ALL SELECT product, kind, name FROM cat
            UNION ALL SELECT product, kind, trim(unnest(string_split(aliases, '|'))) FROM cat
                WHERE aliases <> '')"""
    )


# Township sums per table, then one long table of (year, township, indicator, item, v).
TOWNSHIP_SUMS = """
CREATE TABLE crop_t AS
SELECT r.year, r.township, k.product, k.gf, k.sector,
       sum(c.area) AS area, sum(c.output) AS output, sum(c.output * p.price) AS value,
       sum(c.output * q.price) AS value_prev
FROM crops c
JOIN villages r ON r.year = c.year AND r.village = c.village
JOIN names n ON n.kind = 'crop' AND n.label = c.crop
JOIN cat k ON k.product = n.product
JOIN prices_c p ON p.year = c.year AND p.product = k.product
LEFT JOIN prices_c q ON q.year = c.year - 1 AND q.product = k.product
GROUP BY ALL;

CREATE TABLE slaughter_t AS
SELECT r.year, r.township, k.product, k.grp, k.species, k.sector,
       sum(s.heads) AS heads, sum(s.output) AS output, sum(s.output * p.price) AS value,
       sum(s.output * q.price) AS value_prev
FROM slaughter s
JOIN villages r ON r.year = s.year AND r.village = s.village
JOIN names n ON n.kind = 'animal_product' AND n.label = s.product
JOIN cat k ON k.product = n.product
JOIN prices_c p ON p.year = s.year AND p.product = k.product
LEFT JOIN prices_c q ON q.year = s.year - 1 AND q.product = k.product
GROUP BY ALL;

CREATE TABLE dividend_t AS
SELECT r.year, r.township, d.project,
       sum(d.households) AS households, sum(d.poor) AS poor, sum(d.amount) AS amount
FROM dividends d JOIN villages r ON r.year = d.year AND r.village = d.village
GROUP BY ALL;

CREATE TABLE income_t AS
SELECT r.year, r.township, sum(i.wage_income) AS wage_income,
       sum(i.business_income) AS business_income, sum(i.property_income) AS property_income,
       sum(i.transfer_income) AS transfer_income
FROM income i JOIN villages r ON r.year = i.year AND r.village = i.village
GROUP BY ALL;

CREATE TABLE registry_t AS
SELECT year, township, sum(population) AS population, sum(households) AS households,
       sum(poor) AS poor
FROM villages GROUP BY ALL;

CREATE TABLE facts AS
SELECT year, township, 'crop_sown_area' AS indicator, product AS item,
    CAST(area AS DECIMAL(38,8)) AS v FROM crop_t
UNION ALL SELECT year, township, 'crop_output', product, CAST(output AS DECIMAL(38,8)) FROM crop_t
UNION ALL SELECT year, township, 'grain_sown_area', '', CAST(area AS DECIMAL(38,8)) FROM crop_t WHERE gf > 0
UNION ALL SELECT year, township, 'grain_output', '', CAST(output * gf AS DECIMAL(38,8)) FROM crop_t WHERE gf > 0
UNION ALL SELECT year, township, 'gross_output_value', sector, CAST(value AS DECIMAL(38,8)) FROM crop_t
UNION ALL SELECT r.year, r.township, 'year_end_stock', k.product, CAST(l.stock AS DECIMAL(38,8))
    FROM livestock l
    JOIN villages r ON r.year = l.year AND r.village = l.village
    JOIN names n ON n.kind = 'livestock' AND n.label = l.species
    JOIN cat k ON k.product = n.product
UNION ALL SELECT year, township, 'product_output', product, CAST(output AS DECIMAL(38,8)) FROM slaughter_t
UNION ALL SELECT year, township, 'meat_output', '', CAST(output AS DECIMAL(38,8)) FROM slaughter_t WHERE grp = 'meat'
UNION ALL SELECT year, township, 'egg_output', '', CAST(output AS DECIMAL(38,8)) FROM slaughter_t WHERE grp = 'egg'
UNION ALL SELECT year, township, 'offtake', species, CAST(heads AS DECIMAL(38,8)) FROM slaughter_t
    WHERE grp = 'meat' AND species IS NOT NULL AND heads IS NOT NULL
UNION ALL SELECT year, township, 'gross_output_value', sector, CAST(value AS DECIMAL(38,8)) FROM slaughter_t
UNION ALL SELECT r.year, r.township, 'gross_output_value', m.code, CAST(o.value AS DECIMAL(38,8))
    FROM other_output o
    JOIN villages r ON r.year = o.year AND r.village = o.village
    JOIN sectors m ON m.label = o.sector
-- This year's quantities at last year's prices (growth at comparable prices); other output
-- enters unchanged, in the years that have a year before.
UNION ALL SELECT year, township, 'gross_output_value_at_previous_prices', sector,
    CAST(value_prev AS DECIMAL(38,8)) FROM crop_t WHERE value_prev IS NOT NULL
UNION ALL SELECT year, township, 'gross_output_value_at_previous_prices', sector,
    CAST(value_prev AS DECIMAL(38,8)) FROM slaughter_t WHERE value_prev IS NOT NULL
UNION ALL SELECT r.year, r.township, 'gross_output_value_at_previous_prices', m.code,
    CAST(o.value AS DECIMAL(38,8))
    FROM other_output o
    JOIN villages r ON r.year = o.year AND r.village = o.village
    JOIN sectors m ON m.label = o.sector
    WHERE o.year - 1 IN (SELECT year FROM prices_c)
UNION ALL SELECT year, township, 'dividends', project, CAST(amount AS DECIMAL(38,8)) FROM dividend_t
UNION ALL SELECT year, township, 'dividends', '', CAST(sum(amount) AS DECIMAL(38,8)) FROM dividend_t GROUP BY ALL
UNION ALL SELECT year, township, 'dividend_households', '', CAST(sum(households) AS DECIMAL(38,8))
    FROM dividend_t GROUP BY ALL
UNION ALL SELECT year, township, 'dividend_poor_households', '', CAST(sum(poor) AS DECIMAL(38,8))
    FROM dividend_t GROUP BY ALL
UNION ALL SELECT year, township, 'net_income', '',
    CAST(wage_income + business_income + property_income + transfer_income AS DECIMAL(38,8)) FROM income_t
UNION ALL SELECT year, township, 'net_income', 'wage_income', CAST(wage_income AS DECIMAL(38,8)) FROM income_t
UNION ALL SELECT year, township, 'net_income', 'business_income', CAST(business_income AS DECIMAL(38,8))
    FROM income_t
UNION ALL SELECT year, township, 'net_income', 'property_income', CAST(property_income AS DECIMAL(38,8))
    FROM income_t
UNION ALL SELECT year, township, 'net_income', 'transfer_income', CAST(transfer_income AS DECIMAL(38,8))
    FROM income_t
UNION ALL SELECT year, township, 'population', '', CAST(population AS DECIMAL(38,8)) FROM registry_t
UNION ALL SELECT year, township, 'households', '', CAST(households AS DECIMAL(38,8)) FROM registry_t
UNION ALL SELECT year, township, 'poor_households', '', CAST(poor AS DECIMAL(38,8)) FROM registry_t;

CREATE TABLE township_sums AS
SELECT year, township, indicator, item, sum(v) AS v FROM facts GROUP BY ALL
UNION ALL
SELECT year, township, indicator, '', sum(v) FROM facts
    WHERE indicator IN ('gross_output_value', 'gross_output_value_at_previous_prices')
    GROUP BY ALL;
"""

# Township and county sums, then the figures in report units, and the two ratios.
FIGURES = """
CREATE TABLE areas AS SELECT DISTINCT year, township, township_name, county, county_name
    FROM villages;

CREATE TABLE sums AS
SELECT s.year, 'township' AS level, s.township AS area_code, a.township_name AS area_name,
       s.indicator, s.item, s.v
FROM township_sums s JOIN areas a ON a.year = s.year AND a.township = s.township
UNION ALL
SELECT s.year, 'county', a.county, a.county_name, s.indicator, s.item, sum(s.v)
FROM township_sums s JOIN areas a ON a.year = s.year AND a.township = s.township
GROUP BY ALL;

CREATE TABLE figures AS
SELECT s.year, s.level, s.area_code, s.area_name, s.indicator, s.item,
       CASE WHEN i.unit = '' THEN k.unit ELSE i.unit END AS unit,
       CAST(s.v * i.factor AS VARCHAR) AS value
FROM sums s JOIN indicators i USING (indicator)
LEFT JOIN cat k ON k.product = s.item
UNION ALL
-- Yield: Σ output ÷ Σ area (公斤/亩); both in 1/10^4 units, rounded half up (all positive).
SELECT o.year, o.level, o.area_code, o.area_name, 'crop_yield', o.item, '公斤/亩',
       CAST(CAST((2 * CAST(o.v * 10000 AS HUGEINT) * 10000 + CAST(a.v * 10000 AS HUGEINT))
                 // (2 * CAST(a.v * 10000 AS HUGEINT)) AS DECIMAL(38,0))
            * CAST(0.0001 AS DECIMAL(5,4)) AS VARCHAR)
FROM sums o JOIN sums a ON a.year = o.year AND a.level = o.level
    AND a.area_code = o.area_code AND a.item = o.item
WHERE o.indicator = 'crop_output' AND a.indicator = 'crop_sown_area' AND a.v > 0
UNION ALL
-- Per-capita income: Σ net income ÷ Σ population, total and per component.
SELECT n.year, n.level, n.area_code, n.area_name, 'net_income_per_capita', n.item, '元',
       CAST(CAST((2 * CAST(n.v * 10000 AS HUGEINT) + CAST(p.v AS HUGEINT))
                 // (2 * CAST(p.v AS HUGEINT)) AS DECIMAL(38,0))
            * CAST(0.0001 AS DECIMAL(5,4)) AS VARCHAR)
FROM sums n JOIN sums p ON p.year = n.year AND p.level = n.level
    AND p.area_code = n.area_code
WHERE n.indicator = 'net_income' AND p.indicator = 'population' AND p.v > 0
UNION ALL
-- Offtake rate: Σ offtake ÷ Σ year-end stock of the year before × 100 (%), per species.
SELECT o.year, o.level, o.area_code, o.area_name, 'offtake_rate', o.item, '%',
       CAST(CAST((2 * CAST(o.v AS HUGEINT) * 1000000 + CAST(s.v AS HUGEINT))
                 // (2 * CAST(s.v AS HUGEINT)) AS DECIMAL(38,0))
            * CAST(0.0001 AS DECIMAL(5,4)) AS VARCHAR)
FROM sums o JOIN sums s ON s.year = o.year - 1 AND s.level = o.level
    AND s.area_code = o.area_code AND s.item = o.item
WHERE o.indicator = 'offtake' AND s.indicator = 'year_end_stock' AND s.v > 0;
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", required=True, help="the generated country")
    ap.add_argument("--years", required=True, nargs="+", type=int)
    ap.add_argument("--out", required=True, help="the totals CSV to write")
    args = ap.parse_args()
    laps = [("python start, import duckdb", time.perf_counter() - STARTED)]
    con = duckdb.connect()
    last = time.perf_counter()

    def lap(stage):
        nonlocal last
        now = time.perf_counter()
        laps.append((stage, now - last))
        last = now

    load(con, args.dir, args.years)
    con.execute(
        "CREATE TABLE prices_c AS SELECT p.year, n.product, p.price FROM prices p "
        "JOIN names n ON n.kind IN ('crop', 'animal_product') AND n.label = p.product"
    )
    values = ", ".join(f"({quoted(a)}, {quoted(b)})" for a, b in SECTORS)
    con.execute(f"CREATE TABLE sectors AS SELECT * FROM (VALUES {values}) t(label, code)")
    values = ", ".join(
        f"({quoted(k)}, {quoted(u)}, CAST({f} AS DECIMAL(5,4)))" for k, u, f in INDICATORS
    )
    con.execute(
        f"CREATE TABLE indicators AS SELECT * FROM (VALUES {values}) t(indicator, unit, factor)"
    )
    lap("read CSV")
    con.execute(TOWNSHIP_SUMS)
    con.execute(FIGURES)
    lap("aggregate")
    con.execute(
        f"COPY figures TO {quoted(args.out)} (HEADER, DELIMITER ',')"
    )
    lap("write totals")
    for stage, seconds in laps:
        print(f"  {stage:<28}{seconds:8.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
