#!/usr/bin/env python3
"""Generate the synthetic sample data for 竹林镇 (Zhulin township), 2018 and 2019.

Only the township totals of 2019 (and the two published changes on 2018) come from the
published document 竹林镇2019年政府工作总结及2020年工作计划 (2020-10-16). Everything else,
in particular the split over the 17 villages and all other 2018 data, is synthetic.

The script is deterministic: no randomness, only explicit arithmetic splits (largest
remainder method on exact fractions). It writes data/zhulin/{2018,2019}/*.csv, then reads
the files back and asserts every township total and plausibility rule; it exits non-zero
on any mismatch.

Usage (from the repository root):  python3 data/zhulin/make_zhulin.py
Standard library only.
"""

import csv
import io
import os
import re
import sys
from decimal import Decimal
from fractions import Fraction as F

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)
ROOT = os.path.dirname(DATA)
CATALOGUE = os.path.join(DATA, "catalogue", "products.csv")
PIPELINE = os.path.join(ROOT, "pipelines", "zhulin-2019.toml")

YEARS = (2018, 2019)

# --------------------------------------------------------------------------------------
# Headers: exactly the `[inputs.X.columns]` values of pipelines/zhulin-2019.toml, in order.
# --------------------------------------------------------------------------------------
HEADERS = {
    "villages": ["年份", "村代码", "村名", "乡镇代码", "乡镇名称", "区县代码", "区县名称",
                 "户数", "人口", "建档立卡贫困户"],
    "crops": ["年份", "村代码", "作物", "播种面积(亩)", "产量(公斤)"],
    "livestock": ["年份", "村代码", "畜种", "年末存栏"],
    "slaughter": ["年份", "村代码", "产品", "出栏数", "产量(公斤)"],
    "dividends": ["年份", "村代码", "项目", "分红户数", "贫困户户数", "分红金额(元)"],
    "income": ["年份", "村代码", "工资性收入", "经营净收入", "财产净收入", "转移净收入"],
    "prices": ["年份", "产品", "单价(元/公斤)"],
    "other_output": ["年份", "村代码", "行业", "产值(元)"],
}
TABLES = list(HEADERS)

# Encodings, deliberately varied as villages send them: 2019 UTF-8 (BOM on crops.csv and
# income.csv only, as Excel writes), 2018 GBK. Line endings LF everywhere.
def encoding_of(year, table):
    if year == 2018:
        return "gbk", False
    return "utf-8", table in ("crops", "income")


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------
def split(total, weights):
    """Split integer `total` into integers proportional to `weights` (largest remainder,
    ties broken by position). The parts sum to `total` exactly."""
    weights = [F(w) for w in weights]
    s = sum(weights)
    assert s > 0 and all(w >= 0 for w in weights)
    exact = [F(total) * w / s for w in weights]
    parts = [int(e) for e in exact]  # floor (all non-negative)
    rest = total - sum(parts)
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - parts[i]), i))
    for i in order[:rest]:
        parts[i] += 1
    assert sum(parts) == total
    return parts


def wob(i, salt, amp):
    """Deterministic wobble in [1-amp, 1+amp], nine steps, varying with village and salt."""
    step = ((i * 7 + salt * 13) % 9) - 4  # -4..4
    return 1 + F(amp) * F(step, 4)


def fmt_num(x):
    """Plain number: integer where possible, else at most 2 decimals."""
    if isinstance(x, int):
        return str(x)
    d = Decimal(x)
    if d == d.to_integral_value():
        return str(int(d))
    q = d.quantize(Decimal("0.01"))
    assert q == d, f"more than 2 decimals: {x}"
    return format(q.normalize(), "f")


# --------------------------------------------------------------------------------------
# Registry (synthetic split; township totals from the published document)
# --------------------------------------------------------------------------------------
TOWNSHIP_CODE, TOWNSHIP_NAME = "500000101", "竹林镇"
COUNTY_CODE, COUNTY_NAME = "500000", "示例县"  # synthetic county

# code, name, 2019 population, terrain
VILLAGES = [
    ("001", "竹林村", 1450, "town"),
    ("002", "青杠村", 1120, "hill"),
    ("003", "新华村", 1180, "plain"),
    ("004", "龙泉村", 960, "hill"),
    ("005", "白岩村", 720, "mountain"),
    ("006", "石坝村", 880, "hill"),
    ("007", "黄泥村", 640, "hill"),
    ("008", "桂花村", 1010, "plain"),
    ("009", "高峰村", 520, "mountain"),
    ("010", "长春村", 930, "hill"),
    ("011", "柏树村", 690, "mountain"),
    ("012", "大田村", 1260, "plain"),
    ("013", "金竹村", 810, "hill"),
    ("014", "马鞍村", 560, "mountain"),
    ("015", "杉木村", 600, "mountain"),
    ("016", "响水村", 1080, "plain"),
    ("017", "凉风村", 490, "mountain"),
]
CODES = [v[0] for v in VILLAGES]
IDX = {c: i for i, c in enumerate(CODES)}
TERRAIN = [v[3] for v in VILLAGES]
N = len(VILLAGES)


def villages_of(spec):
    """'all', or a space-separated list of codes, optionally 'all -001 -009'."""
    toks = spec.split()
    if toks and toks[0] == "all":
        out = [c for c in CODES if "-" + c not in toks[1:]]
    else:
        out = toks
    assert all(c in IDX for c in out), spec
    return out


TARGET = {
    2019: dict(population=14900, households=3215, poor=1499),
    2018: dict(population=14850, households=3198, poor=1499),
}

POP = {2019: [v[2] for v in VILLAGES]}
assert sum(POP[2019]) == TARGET[2019]["population"]
HH_PER_PERSON = {"town": F(23, 100), "plain": F(22, 100), "hill": F(215, 1000), "mountain": F(21, 100)}
HH = {2019: split(TARGET[2019]["households"],
                  [POP[2019][i] * HH_PER_PERSON[TERRAIN[i]] * wob(i, 1, F(3, 100)) for i in range(N)])}
POOR_RATE = {"town": F(6, 10), "plain": F(8, 10), "hill": F(1), "mountain": F(14, 10)}
POOR = split(TARGET[2019]["poor"], [HH[2019][i] * POOR_RATE[TERRAIN[i]] * wob(i, 2, F(8, 100))
                                    for i in range(N)])
POP[2018] = split(TARGET[2018]["population"], [POP[2019][i] * wob(i, 3, F(1, 100)) for i in range(N)])
HH[2018] = split(TARGET[2018]["households"], [HH[2019][i] * wob(i, 4, F(1, 100)) for i in range(N)])
# farmland weight: less land per head in the township seat, more on the plain
LAND = [POP[2019][i] * {"town": F(7, 10), "plain": F(115, 100), "hill": F(1), "mountain": F(95, 100)}[TERRAIN[i]]
        for i in range(N)]


# --------------------------------------------------------------------------------------
# Crops: (sown area 亩, output 公斤). 2019 published/derived; 2018 synthetic except maize
# (2019 is -400 亩) and chili (2019 is +902 亩).
# --------------------------------------------------------------------------------------
CROPS = {
    2019: {
        "杂交水稻": (6200, 2976000),
        "红薯": (2000, 3000000),
        "玉米": (2600, 910000),
        "大豆": (1200, 264000),
        "蔬菜": (3500, 5250000),
        "油菜": (2000, 300000),
        "辣椒": (1802, 2162400),
        "灵芝": (20, 4000),
    },
    2018: {
        "杂交水稻": (6100, 2867000),
        "红薯": (1950, 2847000),
        "玉米": (3000, 1020000),
        "大豆": (1150, 246100),
        "蔬菜": (3300, 4818000),
        "油菜": (1900, 275500),
        "辣椒": (900, 1035000),
        "灵芝": (18, 3420),
    },
}
CROP_GROWERS = {
    "杂交水稻": {2019: "all -009", 2018: "all -009"},
    "红薯": {2019: "all -001", 2018: "all -001"},
    "玉米": {2019: "all", 2018: "all"},
    "大豆": {2019: "all -001 -003 -008 -012 -016", 2018: "all -001 -003 -008 -012 -016"},
    "蔬菜": {2019: "all -017", 2018: "all -017"},
    "油菜": {2019: "all -009 -014 -015 -017", 2018: "all -009 -014 -015 -017"},
    # chili expanded in 2019 (+902 亩): three villages started growing it
    "辣椒": {2019: "002 004 005 006 007 010 011 013 014 016", 2018: "002 004 006 007 010 013 016"},
    "灵芝": {2019: "005 015", 2018: "005 015"},
}
# relative preference of each terrain for a crop
CROP_PREF = {
    "杂交水稻": {"town": 1, "plain": F(13, 10), "hill": 1, "mountain": F(6, 10)},
    "红薯": {"town": 1, "plain": F(8, 10), "hill": 1, "mountain": F(13, 10)},
    "玉米": {"town": F(7, 10), "plain": F(8, 10), "hill": 1, "mountain": F(15, 10)},
    "大豆": {"town": 1, "plain": 1, "hill": 1, "mountain": F(12, 10)},
    "蔬菜": {"town": F(26, 10), "plain": F(16, 10), "hill": 1, "mountain": F(5, 10)},
    "油菜": {"town": 1, "plain": F(12, 10), "hill": 1, "mountain": F(8, 10)},
    "辣椒": {"town": 1, "plain": 1, "hill": F(12, 10), "mountain": 1},
    "灵芝": {"town": 1, "plain": 1, "hill": 1, "mountain": 1},
}
CROP_SALT = {c: k for k, c in enumerate(CROPS[2019])}


def crop_rows(year):
    rows = []
    for crop, (area_t, out_t) in CROPS[year].items():
        vs = villages_of(CROP_GROWERS[crop][year])
        s = CROP_SALT[crop]
        if crop == "灵芝":
            wa = [3, 2] if year == 2019 else [F(11, 2), F(7, 2)]
        else:
            wa = [LAND[IDX[c]] * CROP_PREF[crop][TERRAIN[IDX[c]]] * wob(IDX[c], s, F(15, 100))
                  * (wob(IDX[c], s + 50, F(6, 100)) if year == 2018 else 1)
                  for c in vs]
        areas = split(area_t, wa)
        outs = split(out_t, [a * wob(IDX[c], s + year, F(8, 100)) for c, a in zip(vs, areas)])
        rows += [[year, c, crop, a, o] for c, a, o in zip(vs, areas, outs)]
    return rows


# --------------------------------------------------------------------------------------
# Livestock year-end stock and slaughter
# --------------------------------------------------------------------------------------
STOCK = {
    2019: {"生猪": 5075, "牛": 578, "家禽": 103500, "蜜蜂": 300},
    2018: {"生猪": 4800, "牛": 560, "家禽": 98000, "蜜蜂": 280},
}
WENS_VILLAGES = "001 003 006 008 010 012 016"  # 温氏 contract pig farming
STOCK_HOLDERS = {"生猪": "all", "牛": "all", "家禽": "all", "蜜蜂": "005 007 009 011 013 014 015 017"}
STOCK_PREF = {
    "生猪": lambda c: F(15, 10) if c in WENS_VILLAGES.split() else 1,
    "牛": lambda c: {"town": F(4, 10), "plain": F(7, 10), "hill": 1, "mountain": F(16, 10)}[TERRAIN[IDX[c]]],
    "家禽": lambda c: F(13, 10) if c in "002 004 013 007 009 011".split() else 1,
    "蜜蜂": lambda c: 1,
}
STOCK_SALT = {"生猪": 20, "牛": 21, "家禽": 22, "蜜蜂": 23}

# product: (出栏数 or None, 产量 公斤)
SLAUGHTER = {
    2019: {"猪肉": (13000, 1885000), "牛肉": (180, 36000), "禽肉": (350000, 810000),
           "禽蛋": (None, 90000), "蜂蜜": (None, 3000)},
    2018: {"猪肉": (12000, 1716000), "牛肉": (170, 34000), "禽肉": (330000, 750000),
           "禽蛋": (None, 85000), "蜂蜜": (None, 2800)},
}
SLAUGHTER_SPECIES = {"猪肉": "生猪", "牛肉": "牛", "禽肉": "家禽", "禽蛋": "家禽", "蜂蜜": "蜜蜂"}
SLAUGHTER_VILLAGES = {
    "猪肉": "all",
    "牛肉": "002 004 005 006 007 009 010 011 013 014 015 017",
    "禽肉": "all",
    "禽蛋": "all -001 -008 -012",
    "蜂蜜": STOCK_HOLDERS["蜜蜂"],
}
# spread of kg per head around the township mean (pork is close to the 150 kg ceiling)
KG_SPREAD = {"猪肉": F(2, 100), "牛肉": F(12, 100), "禽肉": F(12, 100), "禽蛋": F(10, 100), "蜂蜜": F(10, 100)}
SLAUGHTER_SALT = {"猪肉": 30, "牛肉": 31, "禽肉": 32, "禽蛋": 33, "蜂蜜": 34}


def stock_by_village(year):
    out = {}
    for sp, total in STOCK[year].items():
        vs = villages_of(STOCK_HOLDERS[sp])
        s = STOCK_SALT[sp]
        w = [POP[2019][IDX[c]] * STOCK_PREF[sp](c) * wob(IDX[c], s, F(2, 10))
             * (wob(IDX[c], s + 40, F(4, 100)) if year == 2018 else 1) for c in vs]
        out[sp] = dict(zip(vs, split(total, w)))
    return out


def livestock_rows(year, stock):
    return [[year, c, sp, n] for sp in STOCK[year] for c, n in stock[sp].items()]


def slaughter_rows(year, stock):
    rows = []
    for prod, (heads_t, kg_t) in SLAUGHTER[year].items():
        vs = villages_of(SLAUGHTER_VILLAGES[prod])
        st = stock[SLAUGHTER_SPECIES[prod]]
        s = SLAUGHTER_SALT[prod]
        base = [st[c] * wob(IDX[c], s, F(1, 10)) for c in vs]
        if prod == "禽蛋":  # laying-hen villages lay most of the eggs
            base = [b * (3 if c in "002 004 013".split() else 1) for b, c in zip(base, vs)]
        if heads_t is None:
            heads = [None] * len(vs)
            kgs = split(kg_t, base)
        else:
            heads = split(heads_t, base)
            kgs = split(kg_t, [h * wob(IDX[c], s + year, KG_SPREAD[prod]) for c, h in zip(vs, heads)])
        rows += [[year, c, prod, "" if h is None else h, k] for c, h, k in zip(vs, heads, kgs)]
    return rows


# --------------------------------------------------------------------------------------
# Industry dividends (产业分红)
# --------------------------------------------------------------------------------------
PROJECTS = {  # project: (participating villages, 2019 amount, 2018 amount or None)
    "温氏生猪代养": (WENS_VILLAGES, 300000, 330000),
    "灵芝种植": ("005 015", 60000, 55000),
    "蛋鸡养殖": ("002 004 013", 80000, 90000),
    "林下养鸡": ("007 009 011", 40000, 45000),
    "肉鸭养殖": ("006 016", 50000, 55000),
    "竹鼠养殖": ("014 017", 30000, 30000),
    "肉牛养殖": ("009 015 017", 90000, 100000),
    "油茶提质改造": ("002 005 007 011 014", 150000, 175000),
    "辣椒种植": (CROP_GROWERS["辣椒"][2019], 150000, None),  # started paying in 2019
}
DIVIDEND_TOTAL = {2019: 950000, 2018: 880000}


def dividend_rows(year):
    projs = [p for p, (_, a19, a18) in PROJECTS.items() if (a19 if year == 2019 else a18)]
    part = {c: [p for p in projs if c in PROJECTS[p][0].split()] for c in CODES}
    # each registered poor household is covered by exactly one project row of its village
    poor_row = {}
    for c in CODES:
        ps = part[c]
        assert ps, f"village {c} takes part in no project in {year}"
        amt = lambda p: PROJECTS[p][1] if year == 2019 else PROJECTS[p][2]
        w = [F(amt(p), len(PROJECTS[p][0].split())) * wob(IDX[c], k, F(2, 10)) for k, p in enumerate(ps)]
        for p, n in zip(ps, split(POOR[IDX[c]], w)):
            poor_row[(c, p)] = n
    rows = []
    for k, p in enumerate(projs):
        vs = PROJECTS[p][0].split()
        total = PROJECTS[p][1] if year == 2019 else PROJECTS[p][2]
        # a few non-poor households (边缘户, 村集体成员) also share in the dividend
        hh = [poor_row[(c, p)] + (poor_row[(c, p)] * ((IDX[c] + k) % 4)) // 20 for c in vs]
        amounts = split(total // 100, hh)  # whole hundreds of yuan
        rows += [[year, c, p, h, poor_row[(c, p)], a * 100] for c, h, a in zip(vs, hh, amounts)]
    assert sum(r[5] for r in rows) == DIVIDEND_TOTAL[year]
    return rows


# --------------------------------------------------------------------------------------
# Income (元, village totals)
# --------------------------------------------------------------------------------------
INCOME_PER_CAPITA = {2019: 8668, 2018: 8012}
# relative per-capita income of each village (seat and plain richer, mountain poorer)
PC_FACTOR = [F(x, 100) for x in (118, 106, 111, 98, 86, 101, 93, 109, 84, 97, 88, 114, 95, 87, 89, 107, 85)]
SHARES = {  # wages, business, property, transfers (per mille) by terrain
    "town": (600, 270, 60, 70),
    "plain": (560, 310, 50, 80),
    "hill": (550, 300, 50, 100),
    "mountain": (500, 310, 40, 150),
}


def income_rows(year):
    total = TARGET[year]["population"] * INCOME_PER_CAPITA[year]
    w = [POP[year][i] * PC_FACTOR[i] * (wob(i, 60, F(2, 100)) if year == 2018 else 1) for i in range(N)]
    village_totals = split(total, w)
    rows = []
    for i, c in enumerate(CODES):
        sh = [F(s) * wob(i, 61 + k + year, F(4, 100)) for k, s in enumerate(SHARES[TERRAIN[i]])]
        rows.append([year, c] + split(village_totals[i], sh))
    return rows


# --------------------------------------------------------------------------------------
# Prices (元/公斤, township-wide) and other output (元)
# --------------------------------------------------------------------------------------
PRICES = {
    2019: {"杂交水稻": "2.60", "红薯": "0.80", "玉米": "2.00", "大豆": "5.00", "蔬菜": "0.80",
           "油菜": "5.00", "辣椒": "2.00", "灵芝": "100", "猪肉": "18.00", "牛肉": "60.00",
           "禽肉": "14.00", "禽蛋": "9.00", "蜂蜜": "60.00"},
    2018: {"杂交水稻": "2.56", "红薯": "0.76", "玉米": "1.90", "大豆": "4.80", "蔬菜": "0.76",
           "油菜": "4.90", "辣椒": "2.20", "灵芝": "96", "猪肉": "14.00", "牛肉": "56.00",
           "禽肉": "13.00", "禽蛋": "8.40", "蜂蜜": "56.00"},
}
OTHER = {
    2019: {"林业": 2400000, "渔业": 327600, "农林牧渔服务业": 800000},
    2018: {"林业": 2260000, "渔业": 306000, "农林牧渔服务业": 752000},
}
OTHER_VILLAGES = {"林业": "all", "渔业": "001 003 004 006 008 010 012 013 016", "农林牧渔服务业": "all"}
OTHER_PREF = {
    "林业": {"town": F(5, 10), "plain": F(6, 10), "hill": 1, "mountain": F(18, 10)},
    "渔业": {"town": 1, "plain": F(14, 10), "hill": 1, "mountain": 1},
    "农林牧渔服务业": {"town": F(15, 10), "plain": F(12, 10), "hill": 1, "mountain": F(7, 10)},
}
GOV_2019 = 75650000  # 7565 万元, published


def price_rows(year):
    return [[year, p, Decimal(v)] for p, v in PRICES[year].items()]


def other_rows(year):
    rows = []
    for k, (sector, total) in enumerate(OTHER[year].items()):
        vs = villages_of(OTHER_VILLAGES[sector])
        w = [LAND[IDX[c]] * OTHER_PREF[sector][TERRAIN[IDX[c]]] * wob(IDX[c], 70 + k, F(2, 10))
             * (wob(IDX[c], 80 + k, F(5, 100)) if year == 2018 else 1) for c in vs]
        rows += [[year, c, sector, v * 100] for c, v in zip(vs, split(total // 100, w))]
    return rows


def village_rows(year):
    return [[year, c, n, TOWNSHIP_CODE, TOWNSHIP_NAME, COUNTY_CODE, COUNTY_NAME,
             HH[year][i], POP[year][i], POOR[i]] for i, (c, n, _, _) in enumerate(VILLAGES)]


# --------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------
def write_csv(year, table, rows):
    enc, bom = encoding_of(year, table)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(HEADERS[table])
    for r in rows:
        w.writerow([x if isinstance(x, str) else fmt_num(x) for x in r])
    data = buf.getvalue().encode(enc)
    if bom:
        data = b"\xef\xbb\xbf" + data
    path = os.path.join(HERE, str(year), table + ".csv")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    return path


def generate():
    written = []
    for year in YEARS:
        stock = stock_by_village(year)
        tables = {
            "villages": village_rows(year),
            "crops": crop_rows(year),
            "livestock": livestock_rows(year, stock),
            "slaughter": slaughter_rows(year, stock),
            "dividends": dividend_rows(year),
            "income": income_rows(year),
            "prices": price_rows(year),
            "other_output": other_rows(year),
        }
        for t in TABLES:
            written.append(write_csv(year, t, tables[t]))
    return written


# --------------------------------------------------------------------------------------
# Verification: read the files back and recompute every total
# --------------------------------------------------------------------------------------
FAILURES = []


def check(cond, msg):
    if not cond:
        FAILURES.append(msg)
        print("FAIL:", msg)


def show(x):
    """Print exact numbers without spurious trailing zeros."""
    if isinstance(x, (Decimal, F)) and x == int(x):
        return str(int(x))
    return str(x)


def expect(name, got, want):
    ok = got == want
    check(ok, f"{name}: got {show(got)}, want {show(want)}")
    if ok:
        print(f"ok   {name} = {show(got)}")


NUM_RE = re.compile(r"^\d+(\.\d{1,2})?$")


def read_back(year, table):
    path = os.path.join(HERE, str(year), table + ".csv")
    raw = open(path, "rb").read()
    enc, bom = encoding_of(year, table)
    check(raw.startswith(b"\xef\xbb\xbf") == bom, f"{path}: BOM presence should be {bom}")
    check(b"\r" not in raw, f"{path}: not LF-only")
    body = raw[3:] if bom else raw
    text = body.decode(enc)
    if enc == "gbk":
        try:
            body.decode("utf-8")
            check(False, f"{path}: GBK file also decodes as UTF-8 (no Chinese text?)")
        except UnicodeDecodeError:
            pass
    rows = list(csv.reader(io.StringIO(text)))
    check(rows[0] == HEADERS[table], f"{path}: header {rows[0]}")
    out = []
    for r in rows[1:]:
        check(len(r) == len(HEADERS[table]), f"{path}: row width {r}")
        d = dict(zip(HEADERS[table], r))
        check(d["年份"] == str(year), f"{path}: year {d['年份']}")
        out.append(d)
    return out


def num(s):
    assert NUM_RE.match(s), f"not a plain number: {s!r}"
    return Decimal(s)


def check_pipeline_headers():
    try:
        import tomllib
    except ImportError:
        print("skip header check against pipeline (no tomllib)")
        return
    if not os.path.exists(PIPELINE):
        print("skip header check against pipeline (file missing)")
        return
    with open(PIPELINE, "rb") as f:
        pl = tomllib.load(f)
    for t in TABLES:
        cols = list(pl["inputs"][t]["columns"].values())
        check(cols == HEADERS[t], f"headers of {t} differ from pipeline: {cols}")
        check(pl["inputs"][t]["path"] == f"../data/zhulin/{{year}}/{t}.csv", f"path of {t}")
    print("ok   headers and paths match pipelines/zhulin-2019.toml")


def load_catalogue():
    with open(CATALOGUE, encoding="utf-8") as f:
        return {r["name"]: r for r in csv.DictReader(f)}


def verify():
    check_pipeline_headers()
    cat = load_catalogue()
    res = {}
    for year in YEARS:
        print(f"--- {year}")
        t = {tb: read_back(year, tb) for tb in TABLES}
        for tb in TABLES:
            for d in t[tb]:
                for k, v in d.items():
                    if k in ("年份", "村代码", "村名", "乡镇代码", "乡镇名称", "区县代码", "区县名称",
                             "作物", "畜种", "产品", "项目", "行业"):
                        continue
                    if k == "出栏数" and v == "":
                        continue
                    check(bool(NUM_RE.match(v)), f"{year} {tb}: bad number {k}={v!r}")
                if "村代码" in d:
                    check(d["村代码"] in IDX, f"{year} {tb}: unknown village {d['村代码']}")
        # registry
        vil = t["villages"]
        check([d["村代码"] for d in vil] == CODES, f"{year} villages: codes")
        check(all(d["乡镇代码"] == TOWNSHIP_CODE and d["乡镇名称"] == TOWNSHIP_NAME
                  and d["区县代码"] == COUNTY_CODE and d["区县名称"] == COUNTY_NAME for d in vil), "township/county")
        pop = {d["村代码"]: int(d["人口"]) for d in vil}
        poor = {d["村代码"]: int(d["建档立卡贫困户"]) for d in vil}
        expect(f"{year} 人口", sum(pop.values()), TARGET[year]["population"])
        expect(f"{year} 户数", sum(int(d["户数"]) for d in vil), TARGET[year]["households"])
        expect(f"{year} 建档立卡贫困户", sum(poor.values()), TARGET[year]["poor"])
        check(max(pop.values()) <= 3.2 * min(pop.values()), "village sizes")
        check(all(int(d["建档立卡贫困户"]) < int(d["户数"]) for d in vil), "poor < households")
        # crops
        area, out = {}, {}
        for d in t["crops"]:
            c = d["作物"]
            check(c in cat and cat[c]["kind"] == "crop", f"{year}: unknown crop {c}")
            a, o = num(d["播种面积(亩)"]), num(d["产量(公斤)"])
            area[c] = area.get(c, 0) + a
            out[c] = out.get(c, 0) + o
            y = o / a
            check(Decimal(cat[c]["min_yield"]) <= y <= Decimal(cat[c]["max_yield"]),
                  f"{year} {d['村代码']} {c}: yield {y:.1f} outside catalogue range")
        for c, (a, o) in CROPS[year].items():
            expect(f"{year} {c} 播种面积", area[c], a)
            expect(f"{year} {c} 产量", out[c], o)
        grain_area = sum(area[c] for c in area if Decimal(cat[c]["grain_factor"]) > 0)
        grain_out = sum(out[c] * Decimal(cat[c]["grain_factor"]) for c in out)
        res[(year, "grain_area")], res[(year, "grain_out")] = grain_area, grain_out
        if year == 2019:
            expect("2019 粮食播种面积", grain_area, 12000)
            expect("2019 粮食产量(公斤)", grain_out, 4750000)
            reishi_villages = {d["村代码"] for d in t["crops"] if d["作物"] == "灵芝"}
            check(1 <= len(reishi_villages) <= 2, "reishi in 1 or 2 villages")
        for c in ("杂交水稻", "红薯", "玉米", "蔬菜"):
            check(sum(1 for d in t["crops"] if d["作物"] == c) >= 14, f"{year} {c}: most villages")
        grows = {d["村代码"] for d in t["crops"]}
        check(grows == set(CODES), f"{year}: every village grows crops")
        res[(year, "area")], res[(year, "out")] = area, out
        # livestock
        stock = {}
        for d in t["livestock"]:
            sp = d["畜种"]
            check(sp in cat and cat[sp]["kind"] == "livestock", f"{year}: unknown species {sp}")
            stock[sp] = stock.get(sp, 0) + num(d["年末存栏"])
        for sp, n in STOCK[year].items():
            expect(f"{year} {sp} 年末存栏", stock[sp], n)
        res[(year, "stock")] = stock
        # slaughter
        heads, kg = {}, {}
        for d in t["slaughter"]:
            p = d["产品"]
            check(p in cat and cat[p]["kind"] == "animal_product", f"{year}: unknown product {p}")
            k = num(d["产量(公斤)"])
            kg[p] = kg.get(p, 0) + k
            if p in ("禽蛋", "蜂蜜"):
                check(d["出栏数"] == "", f"{year} {d['村代码']} {p}: 出栏数 must be empty")
                continue
            h = num(d["出栏数"])
            heads[p] = heads.get(p, 0) + h
            r = k / h
            check(Decimal(cat[p]["min_kg_per_head"]) <= r <= Decimal(cat[p]["max_kg_per_head"]),
                  f"{year} {d['村代码']} {p}: {r:.2f} kg/head outside catalogue range")
        for p, (h, k) in SLAUGHTER[year].items():
            if h is not None:
                expect(f"{year} {p} 出栏数", heads[p], h)
            expect(f"{year} {p} 产量", kg[p], k)
        meat = sum(kg[p] for p in kg if cat[p]["group"] == "meat")
        res[(year, "meat")], res[(year, "kg")], res[(year, "heads")] = meat, kg, heads
        if year == 2019:
            expect("2019 肉类总产量(公斤)", meat, 2731000)
        # dividends
        div = t["dividends"]
        expect(f"{year} 分红金额", sum(num(d["分红金额(元)"]) for d in div), DIVIDEND_TOTAL[year])
        check(all(num(d["分红户数"]) >= num(d["贫困户户数"]) for d in div), f"{year}: 分红户数 >= 贫困户户数")
        poor_cov = sum(num(d["贫困户户数"]) for d in div)
        check(poor_cov >= 1499, f"{year}: poor households covered {poor_cov}")
        for c in CODES:
            covered = sum(num(d["贫困户户数"]) for d in div if d["村代码"] == c)
            check(covered >= poor[c], f"{year} {c}: poor covered {covered} < {poor[c]}")
        projects = {d["项目"] for d in div}
        want_proj = {p for p, v in PROJECTS.items() if (v[1] if year == 2019 else v[2])}
        check(projects == want_proj, f"{year}: projects {projects}")
        check(len({(d["村代码"], d["项目"]) for d in div}) == len(div), f"{year}: duplicate dividend rows")
        res[(year, "poor_cov")] = poor_cov
        res[(year, "div")] = sum(num(d["分红金额(元)"]) for d in div)
        # income
        inc = {d["村代码"]: sum(num(d[k]) for k in HEADERS["income"][2:]) for d in t["income"]}
        check(sorted(inc) == CODES, f"{year}: income villages")
        total_inc = sum(inc.values())
        expect(f"{year} 纯收入合计", total_inc, TARGET[year]["population"] * INCOME_PER_CAPITA[year])
        expect(f"{year} 人均纯收入", total_inc / TARGET[year]["population"], INCOME_PER_CAPITA[year])
        pcs = [inc[c] / pop[c] for c in CODES]
        check(6500 <= min(pcs) and max(pcs) <= 11000, f"{year}: per-capita range {min(pcs)}..{max(pcs)}")
        comp = {k: sum(num(d[k]) for d in t["income"]) / total_inc for k in HEADERS["income"][2:]}
        res[(year, "pc_range")] = (min(pcs), max(pcs))
        res[(year, "income_shares")] = comp
        # prices
        price = {d["产品"]: num(d["单价(元/公斤)"]) for d in t["prices"]}
        check(len(price) == len(t["prices"]), f"{year}: duplicate prices")
        produced = set(out) | set(kg)
        check(set(price) == produced, f"{year}: priced {sorted(price)} vs produced {sorted(produced)}")
        # other output
        other = {}
        for d in t["other_output"]:
            check(d["行业"] in OTHER[year], f"{year}: sector {d['行业']}")
            other[d["行业"]] = other.get(d["行业"], 0) + num(d["产值(元)"])
        for s, v in OTHER[year].items():
            expect(f"{year} {s} 产值", other[s], v)
        res[(year, "price")], res[(year, "other")] = price, sum(other.values())
        prod_value = sum(out[c] * price[c] for c in out) + sum(kg[p] * price[p] for p in kg)
        res[(year, "prod_value")] = prod_value
        res[(year, "gov")] = prod_value + res[(year, "other")]
        res[(year, "pop")] = sum(pop.values())
        res[(year, "hh")] = TARGET[year]["households"]
        res[(year, "income")] = total_inc
        res[(year, "t")] = t
    expect("2019 产品产值 Σ产量×单价", res[(2019, "prod_value")], 72122400)
    expect("2019 农业总产值 (current prices)", res[(2019, "gov")], GOV_2019)
    # published changes on 2018
    expect("玉米 change 2018->2019", res[(2019, "area")]["玉米"] - res[(2018, "area")]["玉米"], -400)
    expect("辣椒 change 2018->2019", res[(2019, "area")]["辣椒"] - res[(2018, "area")]["辣椒"], 902)
    for c in CROPS[2019]:
        if c in ("玉米", "辣椒"):
            continue
        r = res[(2018, "area")][c] / res[(2019, "area")][c]
        check(Decimal("0.9") <= r <= Decimal("1.1"), f"2018 {c} area not within 10% of 2019")
    check(res[(2018, "gov")] < res[(2019, "gov")], "2018 gross output should be lower")
    # 2019 quantities at 2018 prices
    p18 = res[(2018, "price")]
    res["q19p18"] = (sum(res[(2019, "out")][c] * p18[c] for c in res[(2019, "out")])
                     + sum(res[(2019, "kg")][p] * p18[p] for p in res[(2019, "kg")]))
    # village-level moves above the pipeline's 50% plausibility threshold (informational)
    moves = village_moves(res[(2018, "t")], res[(2019, "t")])
    return res, moves


def village_moves(t18, t19):
    """Every village figure (any numeric column of any village table) that moves by more
    than 50% on 2018 or appears/disappears."""
    item_col = {"crops": "作物", "livestock": "畜种", "slaughter": "产品", "dividends": "项目",
                "other_output": "行业"}

    def key_vals(t):
        out = {}
        for tb in TABLES:
            if tb == "prices":
                continue
            for d in t[tb]:
                item = d[item_col[tb]] if tb in item_col else "-"
                for col in HEADERS[tb]:
                    if col in ("年份", "村代码", "村名", "乡镇代码", "乡镇名称", "区县代码", "区县名称",
                               item_col.get(tb)) or d[col] == "":
                        continue
                    out[(tb, d["村代码"], item, col)] = Decimal(d[col])
        return out
    a, b = key_vals(t18), key_vals(t19)
    moves = []
    for k in sorted(set(a) | set(b)):
        x, y = a.get(k, 0), b.get(k, 0)
        if x == 0 or abs(y - x) / x > Decimal("0.5"):
            moves.append((k, x, y))
    return moves


def report(res, moves):
    print()
    print("township totals            2019            2018")
    rows = [
        ("人口", res[(2019, "pop")], res[(2018, "pop")]),
        ("户数", res[(2019, "hh")], res[(2018, "hh")]),
        ("粮食播种面积(亩)", res[(2019, "grain_area")], res[(2018, "grain_area")]),
        ("粮食产量(公斤)", res[(2019, "grain_out")], res[(2018, "grain_out")]),
        ("肉类总产量(公斤)", res[(2019, "meat")], res[(2018, "meat")]),
        ("产业分红(元)", res[(2019, "div")], res[(2018, "div")]),
        ("分红覆盖贫困户", res[(2019, "poor_cov")], res[(2018, "poor_cov")]),
        ("纯收入合计(元)", res[(2019, "income")], res[(2018, "income")]),
        ("产品产值(元)", res[(2019, "prod_value")], res[(2018, "prod_value")]),
        ("其他产值(元)", res[(2019, "other")], res[(2018, "other")]),
        ("农业总产值(元,当年价)", res[(2019, "gov")], res[(2018, "gov")]),
    ]
    for name, a, b in rows:
        print(f"  {name:<22}{show(a):>14}  {show(b):>14}")
    q = res["q19p18"]
    print(f"  2019 products at 2018 prices: {show(q)} 元; + 2019 other output {show(res[(2019, 'other')])} "
          f"= {show(q + res[(2019, 'other')])} 元")
    for y in YEARS:
        lo, hi = res[(y, "pc_range")]
        sh = ", ".join(f"{k} {v * 100:.1f}%" for k, v in res[(y, "income_shares")].items())
        print(f"  {y} village per-capita income {lo:.0f}..{hi:.0f} 元; shares: {sh}")
    print(f"  village rows moving more than 50% on 2018 (informational): {len(moves)}")
    for k, x, y in moves:
        print(f"    {' '.join(k)}: {x} -> {y}")


def main():
    written = generate()
    for p in written:
        print("wrote", os.path.relpath(p, ROOT))
    res, moves = verify()
    report(res, moves)
    if FAILURES:
        print(f"\n{len(FAILURES)} check(s) FAILED", file=sys.stderr)
        sys.exit(1)
    print("\nall checks passed")


if __name__ == "__main__":
    main()
