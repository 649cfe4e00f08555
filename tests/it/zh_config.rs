//! The pipeline file's problems, the catalogue's and `init`'s, in Chinese (`--lang zh` and
//! AGRISTAT_LANG=zh): the same cases as the English tests in errors.rs and init.rs.

use crate::workdir::{Output, Workdir};

const PIPELINE: &str = "tests/data/mini/mini.toml";

fn zh(wd: &Workdir, args: &[&str]) -> Output {
    wd.run_with(args, &[("AGRISTAT_LANG", "zh")])
}

#[test]
fn pipeline_file_problems_in_chinese() {
    let wd = Workdir::mini();
    wd.edit(
        PIPELINE,
        "sown_area = \"播种面积(亩)\"",
        "sown_areas = \"播种面积(亩)\"",
    );
    wd.edit(PIPELINE, "path = \"prices.csv\"", "path = \"price.csv\"");
    wd.edit(
        PIPELINE,
        "output = \"out\"",
        "previous_year = 2020\noutput = \"out\"",
    );
    wd.edit(
        PIPELINE,
        "[inputs.slaughter]\n",
        "[inputs.crops.units]\noutput = \"公吨\"\n\n[inputs.slaughter]\n",
    );
    wd.edit(
        PIPELINE,
        "path = \"villages.csv\"\n",
        "path = \"villages.csv\"\nencoding = \"big5\"\n",
    );
    let text = wd.read(PIPELINE) + "\n[charts]\ndraw = [\"crop\"]\n";
    wd.write(PIPELINE, text);
    let out = wd.run(&["--lang", "zh", "check", PIPELINE]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    insta::assert_snapshot!(out.stderr, @r#"
    tests/data/mini/mini.toml 第5行第17列：previous_year 为 2020，应早于报告年份 2019
    tests/data/mini/mini.toml 第13行第12列：inputs.villages.encoding：不认识的编码“big5”（应为 auto、utf-8、gbk 或 gb18030）
    tests/data/mini/mini.toml 第32行第1列：inputs.crops.columns：没有“sown_areas”这个字段（应为以下之一：`year、village_code、crop、sown_area、output`）；是不是“sown_area”？
    tests/data/mini/mini.toml 第36行第10列：inputs.crops.units.output：不认识的单位“公吨”（应为 公斤、千克、吨、斤 之一）；是不是“公斤”？
    tests/data/mini/mini.toml 第58行第8列：inputs.prices.path：文件“tests/data/mini/price.csv”不存在
    tests/data/mini/mini.toml 第65行第9列：charts.draw：没有“crop”这种图表（应为以下之一：`gov_by_sector、gov_by_area、crops、livestock、income_by_area、dividends、comparison、trend`）；是不是“crops”？
    "#);
}

#[test]
fn a_pipeline_file_that_does_not_read_in_chinese() {
    let wd = Workdir::mini();
    wd.write("bad.toml", "[pipeline]\nname = \"t\nyear = 2019\n");
    let out = zh(&wd, &["check", "bad.toml"]);
    assert_eq!(out.code, 2);
    // The TOML reader's own words stay as it gives them, after ours.
    assert!(
        out.stderr
            .starts_with("bad.toml 第2行第10列：流程文件写法有误："),
        "{}",
        out.stderr
    );
    // The usual ones are said again in Chinese: a TODO left where init found no year, a key
    // missing, unknown or given twice.
    let header = "[pipeline]\nname = \"t\"\n";
    let cases = [
        "year = \"TODO: 文件中没有找到年份，请填写报告年份\"\noutput = \"o\"\n",
        "year = 2019\n",
        "year = 2019\noutput = \"o\"\nyaer = 2019\n",
        "year = 2019\noutput = \"o\"\nyear = 2019\n",
    ];
    let said: Vec<String> = cases
        .iter()
        .map(|case| {
            wd.write("p.toml", format!("{header}{case}"));
            let out = zh(&wd, &["check", "p.toml"]);
            assert_eq!(out.code, 2);
            out.stderr
        })
        .collect();
    insta::assert_snapshot!(said.concat(), @r"
    p.toml 第3行第8列：这一项还没有填写（现为“TODO: 文件中没有找到年份，请填写报告年份”）
    p.toml 第1行第1列：缺少 `output` 这一项
    p.toml 第5行第1列：不认识的键 `yaer`（应为 `name`、`year`、`years`、`previous_year`、`base_year`、`levels`、`total_name`、`output` 之一）
    p.toml 第5行第1列：同一个键写了两次
    ");
    let out = zh(&wd, &["run", "nowhere.toml"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("nowhere.toml：读取流程文件时出错：找不到这个文件或文件夹（"),
        "{}",
        out.stderr
    );
}

#[test]
fn an_unknown_product_suggests_the_closest_and_an_alias_in_chinese() {
    let wd = Workdir::mini();
    wd.edit(
        "tests/data/mini/crops/01.csv",
        "2019,01,红薯,",
        "2019,01,春玉米,",
    );
    let out = zh(&wd, &["check", PIPELINE]);
    assert_eq!(out.code, 1);
    insta::assert_snapshot!(out.stderr, @r"
    tests/data/mini/crops/01.csv 第3行第3列：“作物”列：“春玉米”不在产品目录中（应为作物名称）；是不是“玉米”？如要把“春玉米”作为产品名读入，请把它加到 data/catalogue/products.csv 中“玉米”（代码 `maize`）的别名里（用 | 分隔）
    共发现 1 个问题，未写入任何文件
    ");
}

#[test]
fn catalogue_file_problems_in_chinese() {
    let wd = Workdir::mini();
    let catalogue = "data/catalogue/products.csv";
    wd.edit(catalogue, ",crop,tuber,", ",plant,tuber,");
    wd.edit(catalogue, ",1,公斤,,250,750,,", ",1.5,公斤,,250,750,,");
    let out = zh(&wd, &["check", PIPELINE]);
    assert_eq!(out.code, 2);
    insta::assert_snapshot!(out.stderr, @r"
    data/catalogue/products.csv 第2行：grain_factor 列的“1.5”大于 1
    data/catalogue/products.csv 第6行：kind 列的“plant”不是 crop、livestock、animal_product 之一
    ");
    let listing = zh(&wd, &["catalogue"]);
    assert!(
        listing
            .stdout
            .starts_with("# 产品目录：内置产品目录（data/catalogue/national.csv）\n"),
        "{}",
        listing.stdout
    );
}

#[test]
fn init_reports_in_chinese_and_check_refuses_its_todos() {
    let wd = Workdir::with(&["tests/fixtures/init/unknown"]);
    let folder = "tests/fixtures/init/unknown";
    wd.write(&format!("{folder}/notes.csv"), "编号,内容\n1,说明\n");
    wd.write(&format!("{folder}/book.xlsx"), "PK");
    let out = zh(&wd, &["init", folder]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!(out.stdout, @r"
    已写入 tests/fixtures/init/unknown/pipeline.toml：3 张表，年份 2021
      villages      1 个文件，已对应 9 列
      crops         1 个文件，已对应 5 列
      prices        1 个文件，已对应 3 列
    还有 4 处要填写（文件中标为 TODO），填好之前 agristat check 和 run 不会读取数据：
      crops.output：“产量”没有写单位，或单位认不出来（请在 [inputs.crops.units] 中填写）
      crops：不认识的列“亩产(公斤)”（请在 [inputs.crops.columns] 中对应，或列入 ignore_columns）；最接近的是 output（“产量”）
      book.xlsx：无法读取：不是 agristat 能打开的工作簿（Xlsx error: Zip error: invalid Zip archive: Could not find EOCD）
      notes.csv：表头对不上任何一种报表
    ");
    let pipeline = "tests/fixtures/init/unknown/pipeline.toml";
    let out = zh(&wd, &["check", pipeline]);
    assert_eq!(out.code, 2);
    insta::assert_snapshot!(out.stderr, @r#"
    tests/fixtures/init/unknown/pipeline.toml 第44行第10列：inputs.crops.units.output 还没有填写（现为“TODO: 表头「产量」没有写单位，请填写：公斤、千克、吨、斤”；请填写这一列的单位：公斤、千克、吨、斤）
    tests/fixtures/init/unknown/pipeline.toml 第58行第9列：[inputs."TODO book.xlsx"] 还没有填写（现为“TODO book.xlsx”；请填写这个文件所属的表：villages、crops、livestock、slaughter、dividends、income、prices、other_output、regions 之一；或者删去这一段）
    tests/fixtures/init/unknown/pipeline.toml 第63行第9列：[inputs."TODO notes.csv"] 还没有填写（现为“TODO notes.csv”；请填写这个文件所属的表：villages、crops、livestock、slaughter、dividends、income、prices、other_output、regions 之一；或者删去这一段）
    "#);
    let out = zh(&wd, &["init", folder]);
    assert_eq!(out.code, 2);
    insta::assert_snapshot!(out.stderr, @"tests/fixtures/init/unknown/pipeline.toml：文件已经存在（请先删除它，或用 --out FILE 写到别处）");
}
