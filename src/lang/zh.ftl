# agristat 的中文消息。每条消息在 en.ftl 中也有，参数相同（有测试检查）。
# 数值在传入之前已由 agristat 格式化。

## 位置，以及每个问题和警告的格式。
at-line-column = { $file } 第{ $line }行第{ $column }列
at-line = { $file } 第{ $line }行
problem = { $location }：{ $message }
problem-hint = { $problem }；{ $hint }
warning-at = { $location }：警告：{ $message }
warning-bare = 警告：{ $message }
did-you-mean = 是不是“{ $candidate }”？
more-like-this = { $file }：……同类问题还有 { $count } 个，在第 { $lines } 行
more-like-this-column = { $file }：……同类问题还有 { $count } 个，都在第{ $column }列，在第 { $lines } 行
problems-found = 共发现 { $count } 个问题，未写入任何文件
warnings-count = 共 { $count } 条警告
shown-cut = { $start }……（共 { $length } 个字符）
list-and = { $init }和{ $last }
list-or = { $init }或{ $last }

## 读取文件。
invalid-bytes = 有不符合 { $encoding } 编码的字节 { $bytes }
other-encoding-hint = 按 { $other } 编码读，这一行是“{ $text }”：这一行可能是以 { $other } 编码保存的；请把整个文件存为 { $encoding } 编码
mixed-encoding = 这一行是 UTF-8 编码，而文件其余部分是 GBK 编码：已按 UTF-8 读作“{ $text }”（按 GBK 会读成“{ $gbk }”）；请把文件统一存为一种编码
file-empty = 文件是空的（应有表头行和{ $table }的数据行）
row-length = 该行有 { $fields } 列，表头有 { $header } 列
unreadable-csv = 无法读取的 CSV：{ $error }
invalid-utf8 = 不是有效的 UTF-8
missing-column = 缺少列“{ $header }”（流程文件把它对应到 { $table }.{ $field }；表头中有：{ $found }）
unknown-column = 未知列“{ $header }”（[inputs.{ $table }.columns] 中没有对应；如不需要，请列入 ignore_columns）
column-twice = 列“{ $header }”在表头中出现了两次（第{ $first }列和第{ $second }列；每列只能出现一次，请删去或改名其中一列）

## 单元格。
in-column = “{ $header }”列：{ $message }
value-missing = 缺少数值（应为{ $expected }）
not-a-year = “{ $value }”不是年份（应为年份，如 2019）
other-year = { $year }不是本流程的年份（应为 { $years }）
not-a-sector = “{ $value }”不是行业（应为林业、渔业或农林牧渔服务业；农业和牧业产值由产量计算）
not-in-catalogue = “{ $value }”不在产品目录中（应为{ $expected }）
not-a-number = “{ $value }”不是数字（应为数字，如 1234.5）
bad-grouping = “{ $value }”的千位分隔符位置不对（应每三位一组，如 1,234.5）
negative = “{ $value }”是负数（应为零或正数）
not-whole = “{ $value }”不是整数（应为个数）
too-precise = “{ $value }”换算成标准单位后超过 4 位小数
too-large = “{ $value }”数值过大
too-long = “{ $value }”有 { $length } 个字符（应为不超过 { $max } 个字符的{ $expected }）
formula-start = “{ $value }”以公式符号开头（应为以文字或数字开头的{ $expected }）
control-character = “{ $value }”含有控制字符 U+{ $code }（应为由可打印字符组成的{ $expected }）
expect-year = 年份
expect-code = 代码
expect-name = 名称
expect-crop = 作物名称
expect-livestock = 畜禽种类
expect-animal-product = 畜产品名称
expect-priced = 作物或畜产品名称
expect-sector = 行业
expect-whole = 整数
expect-number = 数字

## 跨行检查。
duplicate-row = { $table }中（{ $key }）的行重复：相同的行已在 { $first }
unknown-village = “{ $header }”列：村代码“{ $code }”不在 { $year } 年村名录中（应为 { $files } 中列出的代码）
empty-registry = 村名录没有数据行（每个村每年应有一行）
no-price = “{ $name }”{ $year }年有产量，但没有价格（价格表中应有它的 { $year } 年价格）
no-price-other = “{ $name }”{ $year }年有产量，但没有 { $other } 年价格（价格表中应有它的 { $other } 年价格，用于按可比价计算 { $year } 年产值）
not-a-division-code = “{ $header }”列：“{ $code }”不是 12 位统计用区划代码（应为 12 位数字，才能确定所属{ $levels }：村名录中没有{ $columns }）
beyond-range = “{ $header }”列：该村的{ $what }超出了 agristat 能精确相加的范围（标准单位下 ±92,233,720,368）；请检查数值及其单位

## 流程文件、产品目录、init 和 catalogue。
cfg-separator = 、
cfg-reading-pipeline = 读取流程文件
cfg-syntax = 流程文件写法有误：{ $message }
cfg-toml-missing-key = 缺少 `{ $key }` 这一项
cfg-toml-unknown-key = 不认识的键 `{ $key }`（应为 { $expected } 之一）
cfg-toml-todo = 这一项还没有填写（现为“{ $value }”）
cfg-toml-duplicate-key = 同一个键写了两次
cfg-threshold = change_threshold_pct 应为正数（现为 { $value }）
cfg-todo = { $place } 还没有填写（现为“{ $value }”；请填写{ $expected }）
cfg-todo-table = 这个文件所属的表：{ $tables } 之一；或者删去这一段
cfg-todo-header = 文件中对应这一项的列的表头
cfg-todo-unit = 这一列的单位：{ $units }
cfg-unknown-table = 没有名为“{ $name }”的输入表（应为 { $tables } 之一）
cfg-no-villages = 缺少 [inputs.villages]（应有村名录）
cfg-no-prices = 缺少 [inputs.prices]（应有农作物和畜产品的价格，用于计算产值）
cfg-years-lack-year = pipeline.years 中没有报告年份 { $year }
cfg-years-bad = pipeline.years 应为年份列表（如 [2018, 2019]）或年份范围（如 "2015..=2019"），最多 { $max } 年
cfg-not-before = { $key } 为 { $value }，应早于报告年份 { $year }
cfg-not-in-years = { $key } 为 { $value }，不在 pipeline.years 之中
cfg-unknown-level = { $key }：没有“{ $name }”这个汇总层级（应从 { $levels } 中选；村一级总是要汇总的，不必列出）
cfg-no-level = { $key }：至少要列出一个汇总层级
cfg-villages-output = outputs.villages 应为 true、false 或 "auto"（现为 { $value }）
cfg-unknown-column-field = inputs.{ $table }.columns：没有“{ $field }”这个字段（应为 { $fields } 之一）
cfg-unknown-unit-field = inputs.{ $table }.units：没有“{ $field }”这个字段
cfg-unknown-unit = inputs.{ $table }.units.{ $field }：不认识的单位“{ $unit }”（应为 { $units } 之一）
cfg-no-unit = inputs.{ $table }.units：字段“{ $field }”没有计量单位，不用声明
cfg-unknown-encoding = inputs.{ $table }.encoding：不认识的编码“{ $encoding }”（应为 auto、utf-8、gbk 或 gb18030）
cfg-no-file-matches = inputs.{ $table }.path：没有与“{ $path }”相符的文件
cfg-no-such-file = inputs.{ $table }.path：文件“{ $path }”不存在
cfg-unknown-chart = { $key }：没有“{ $chart }”这种图表（应为 { $charts } 之一）
cfg-chart-size = { $key }：{ $value } 超出了 2–100 厘米
cfg-chart-dpi = { $key }：{ $value } 超出了 50–1200
cfg-chart-format = { $key }：不认识的图片格式“{ $format }”（应为 png 或 svg）
cfg-sheet-position = inputs.{ $table }.sheet：{ $value } 不是工作表的位置（应为 1 表示第一个工作表，2 表示第二个，依此类推）
cfg-sheet-empty = inputs.{ $table }.sheet：应为工作表的名称、位置或名称模式
cfg-sheet-pattern = inputs.{ $table }.sheet：“{ $name }”不是有效的名称模式：{ $error }
cfg-header-row = inputs.{ $table }.header_row：{ $value } 不是工作表的行号（应为 1 到 { $max }）
cfg-sheet-first = 第一个工作表
cfg-sheet-index = 第{ $index }个工作表
cfg-sheet-named = 名为“{ $name }”的工作表
cfg-sheet-matching = 名称符合“{ $pattern }”的工作表
cat-reading = 读取产品目录
cat-built-in = 内置产品目录（data/catalogue/national.csv）
cat-listed-twice = 产品“{ $code }”列了两次
cat-name-twice = 名称“{ $name }”同时用于两个产品
cat-did-you-mean-alias = 是不是“{ $candidate }”（{ $product }）？
cat-aliases-of = “{ $name }”（{ $code }）的别名
cat-aliases-of-its-product = 所属产品的别名
cat-add-alias = 如要把“{ $text }”作为产品名读入，请把它加到 { $file } 中{ $whose }里（用 | 分隔）
cat-add-alias-built-in = 如要把“{ $text }”作为产品名读入，请先复制内置目录（agristat catalogue --csv > products.csv），把它加到其中{ $whose }里，再在流程文件中写上 [reference] products = "products.csv"
cat-suggest = { $guess }{ $alias }
cat-unreadable-row = 产品目录中有一行读不出来：{ $error }
cat-field-value = { $field } 列：{ $message }
cat-range = min_{ $field } 和 max_{ $field } 要么都填，要么都不填，且最小值不能大于最大值
cat-kind = kind 列的“{ $value }”不是 crop、livestock、animal_product 之一
cat-sector = sector 列的“{ $value }”不是 farming、forestry、animal_husbandry、fishery、services 之一
cat-group = group 列的“{ $value }”不是 { $groups } 之一
cat-grain-above-one = grain_factor 列的“{ $value }”大于 1
init-writing-pipeline = 写入流程文件
init-resolving-path = 解析路径
init-listing-folder = 列出文件夹内容
init-reading-file = 读取文件
init-exists = 文件已经存在（请先删除它，或用 --out FILE 写到别处）
init-not-a-folder = 不是文件夹（应为存放各村报表的文件夹）
init-wrote = 已写入 { $file }：{ $count } 张表，年份 { $years }
init-no-years = 没有找到
init-table = { $files } 个文件，已对应 { $mapped } 列
init-skipped = 未读取（不是报表）：{ $files }
init-no-area-codes = 注意：名录中的村代码不是12位统计用区划代码，名录中也没有乡镇代码和区县代码两列；补上这两列之前，run 会拒绝这个名录
init-missing-column = { $table }.{ $field }：没有找到对应的列（请在 [inputs.{ $table }.columns] 中写上它的表头）
init-unit-to-fill = { $table }.{ $field }：“{ $header }”没有写单位，或单位认不出来（请在 [inputs.{ $table }.units] 中填写）
init-unknown-column = { $table }：不认识的列“{ $header }”（请在 [inputs.{ $table }.columns] 中对应，或列入 ignore_columns）
init-unknown-column-closest = { $table }：不认识的列“{ $header }”（请在 [inputs.{ $table }.columns] 中对应，或列入 ignore_columns）；最接近的是 { $closest }
init-guess = { $field }（“{ $word }”）
init-unrecognised = { $file }：{ $why }
init-cannot-read = 无法读取：{ $why }
init-fits-no-table = 表头对不上任何一种报表
init-fits-no-table-closest = 表头对不上任何一种报表（最接近的是 { $closest }）
init-closest-table = { $table }（对上 { $count } 个字段）
init-other-headers = 和 { $first } 一样是 { $table } 表，但表头不同
init-complete = 每一列都已对应；请检查这个文件，然后运行：agristat run { $file }
init-to-fill-in = 还有 { $count } 处要填写（文件中标为 TODO），填好之前 agristat check 和 run 不会读取数据：
init-at-line-column = 第{ $line }行第{ $column }列：{ $message }
init-file-empty = 文件是空的
init-workbook = 是工作簿，init 目前只读 CSV 文件（请把每个工作表另存为 CSV，或手工写映射）


## 命令行帮助。
help-about = 由各村报表汇总乡镇、区县农业统计数据
help-usage = 用法：
help-commands = 命令
help-arguments = 参数
help-options = 选项
help-help = 显示帮助
help-version = 显示版本
help-lang = 消息和帮助的语言：zh 或 en（默认：AGRISTAT_LANG，否则按系统语言）
help-pipeline = 流程文件（TOML）
help-run = 检查全部输入、汇总，并发布一次新的运行结果（汇总表、分村数据、警告、图表、清单）为 OUTPUT/current；报告与上次运行相比的变化
help-run-quiet = 不显示汇总表，也不显示进度
help-no-wait = 如有另一次运行正在写同一输出文件夹，立即失败（默认：等待）
help-check = 检查全部输入并显示汇总表；不写任何文件
help-check-quiet = 不显示进度
help-runs = 列出流程的历次运行（版本）：编号、时间、变动的输入、主要汇总数
help-rollback = 把以前的某次运行重新设为当前（回退后也可设回较新的一次）。每次运行都保留；历史记录回退；下次运行与这一次比较
help-rollback-run = 要设为当前的运行（编号或唯一的前缀，如 000002）
help-diff = 显示两次运行之间的变化（默认：上一次与当前这一次）
help-run-a = 较早的一次运行（编号或唯一的前缀，如 000002）
help-run-b = 较新的一次运行（默认：当前这一次）
help-explain = 列出构成当前运行某个汇总数的各村数据行及其文件和行号
help-indicator = 指标代码，如 crop_output 或 net_income_per_capita
help-area = 村、乡镇或区县代码
help-item = 项目：作物、畜种或产品（代码或名称）、行业、分红项目
help-year = 年份（默认：流程的统计年份）
help-template = 为每个村生成一个填报用的工作簿：每张报表一个工作表，表头与流程文件一致，已填好年份和村代码，带下拉列表和数值规则
help-template-village = 只生成这个村的（村代码）；默认：村名录中的每个村
help-template-out = 写入的文件夹
help-init = 查看一个存放各村报表的文件夹，为它写一个流程文件：按表头识别报表，按表头确定单位，按文件夹和单元格确定年份。无法确定的地方在文件中标为 TODO 并列出；填好之前 check 和 run 会拒绝运行
help-init-folder = 存放各村报表的文件夹（CSV，可按年份分文件夹）
help-init-out = 流程文件写到哪里（默认：FOLDER/pipeline.toml）
help-catalogue = 用中文列出产品目录：产品、别名、行业、折粮系数、单位、合理范围。不给流程文件时：列出内置目录
help-catalogue-pipeline = 要列出其产品目录的流程文件（TOML）
help-catalogue-csv = 改为输出 CSV，便于复制成自己的目录文件再补充

## 运行结果库、修订、runs、diff、rollback、explain、运行摘要。

## 命令结果。
templates-written = 已生成 { $count } 个填报模板

## 警告、工作簿、填报模板、图表。
