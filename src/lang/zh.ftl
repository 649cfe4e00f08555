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
cli-error = 错误：{ $message }
cli-missing = 缺少参数 { $args }
cli-unknown-arg = 不认识的选项 { $arg }
cli-unknown-command = 没有 { $command } 这个命令
cli-invalid-value = { $arg } 的值不能是 { $value }（应为 { $valid }）
cli-no-command = 没有给出命令
cli-more-help = 详细用法请加 --help 查看。

## 警告、工作簿、填报模板、图表。
warn-village-missing = { $code } { $name }在 { $year } 年村名录中，但{ $table }中没有它的数据（{ $files }）
warn-yield = { $name }单产 { $value } { $unit }，超出合理范围 { $min }–{ $max } { $unit }
warn-kg-per-head = { $name }每头产量 { $value } { $unit }，超出合理范围 { $min }–{ $max } { $unit }
warn-change = { $code } { $name }：{ $indicator }{ $earlier }年到{ $year }年变动 { $growth }%（{ $before } → { $after } { $unit }；阈值 { $threshold }%）
warn-village-moved = { $code } { $name }：{ $earlier }年属于{ $level } { $before }，{ $year }年属于 { $after }；每年按当年的村名录汇总
chart-skipped = { $name }（{ $code }）的图表 { $key } 未画：{ $reason }
chart-not-drawn = 无法绘制（{ $reason }）
chart-missing-glyph = { $name }的图表 { $key }：内置字体中没有“{ $chars }”这些字
no-charts = 未画图表：报告层级共有 { $areas } 个地区（最多 { $max } 个）；请用 [outputs] report_levels 选少一些
wb-error-value = 单元格中是错误值 { $value }（应为{ $expected }；请改正公式或直接填数）
wb-date-in-year = 单元格中是日期 { $date }（应为年份，如 2019：请把单元格格式设为数值或文本，不要设为日期）
wb-date = 单元格中是日期 { $date }（应为{ $expected }）
wb-unreadable = 无法读取的工作簿：{ $error }
wb-sheet-unreadable = 无法读取的工作表：{ $error }
wb-too-many-sheets = 有 { $found } 个工作表符合（一个工作簿最多读 { $max } 个）
wb-no-sheet = 工作簿中没有{ $sheet }（它的工作表有：{ $sheets }）
wb-declare-unit = 请在 [inputs.{ $table }.units] 中声明单位
wb-unknown-unit = “{ $header }”列：“{ $unit }”不是 agristat 认识的 { $field } 单位（应为 { $units }）；{ $declare }
wb-several-units = “{ $header }”列：单位行给 { $field } 写了 { $units }（应只有一个）；请把单位写进表头，或{ $declare }
wb-header-row-wrong = 第{ $row }行（header_row）不是表头（应含有列 { $columns }）
wb-no-header = 找不到表头：前 { $rows } 行中没有一行含有列 { $columns }（表头在更下面时请设 header_row）
wb-total-differs = { $total }行“{ $header }”列为 { $stated }，但它合计的 { $rows } 行加起来是 { $sum }；计入的是各行，不计{ $total }行
tpl-failed = 村 { $code } 的填报模板：{ $error }
tpl-no-village = --village { $code }：{ $year } 年村名录中没有这个村
working = 正在处理
stage-done = { $stage }完成，用时 { $seconds } 秒
stage-read = 读取报表
stage-validate = 检查数据
stage-plausibility = 合理性检查
stage-aggregate = 汇总
stage-areas = 确定地区
stage-sums = 求和
stage-villages = 分村数据
stage-render = 生成汇总表
stage-charts = 绘制图表
stage-write = 写出结果
stage-revisions = 比较修订
stage-publish = 发布
