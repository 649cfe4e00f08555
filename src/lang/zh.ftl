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
store-step-list-runs = 列出各次运行结果
store-step-list-output = 列出输出文件夹的内容
store-step-create-output = 创建输出文件夹
store-step-open-lock = 打开输出文件夹的锁文件
store-step-wait-lock = 等待输出文件夹解锁
store-step-lock = 锁定输出文件夹
store-step-create-runs = 创建 runs 文件夹
store-step-create-staging = 创建临时文件夹
store-step-mark-staging = 标记临时文件夹
store-step-store-run = 保存运行结果
store-step-link-run = 创建指向运行结果的链接
store-step-switch-current = 切换 current
store-step-read-history = 读取运行历史
store-step-open-file-to-flush = 打开文件以写入磁盘
store-step-flush-file = 把文件写入磁盘
store-step-open-folder-to-flush = 打开文件夹以写入磁盘
store-step-flush-folder = 把文件夹写入磁盘
store-step-list-folder-to-flush = 列出要写入磁盘的文件夹
store-step-write-file = 写文件
store-step-replace-file = 替换文件
store-step-hash-file = 计算文件校验值
store-step-read-manifest = 读取运行清单
store-step-write-manifest = 写运行清单
store-step-remove-staging = 删除已结束运行的临时文件夹
store-step-unmark = 去掉运行文件夹的标记
store-step-remove-temporary = 删除已结束运行的临时文件
store-step-save-data = 保存本次运行的数据
store-step-read-earlier-data = 读取以前运行的数据
store-step-list-outputs = 列出输出文件
rev-step-write = 写修订报告
store-none = 无
store-listed-more = { $shown }等（另有 { $more } 项）
store-not-run-id = 不是运行编号
store-not-folder = 不是文件夹
store-manifest-other-run = 其 manifest.json 写的是另一次运行
store-no-manifest = 没有可读的 manifest.json
store-foreign-entry = { $name }（{ $why }）
store-a-folder = 一个文件夹
store-a-file = 一个文件
store-unreadable-target = 无法读取的目标
store-target-missing = { $target }，而它并不存在
store-target-not-run = { $target }（{ $why }）
store-target-elsewhere = { $target }，不是 { $runs }/ 中的运行结果
store-current-missing = 不存在，但当前结果应为运行 { $run }（应为指向 runs/{ $run } 的链接）；未做任何更改：请用 `{ $command }` 把它重新设为当前结果
store-current-moved = 指向运行 { $run }，但 agristat 最后设为当前结果的是运行 { $last }（current 只应由 agristat 更改）；未做任何更改：如要回到 { $run }，请运行 `{ $command }`，所有运行结果都会保留，历史中也会记下这次回退；或者把 current 改回指向 runs/{ $last }
store-foreign-output = 输出文件夹中有 { $found }，不是 agristat 生成的（应为空文件夹，或由 agristat 写入的文件夹）；agristat 只写入自己专用的文件夹：请在流程文件中另选一个空的输出文件夹
store-foreign-runs = 其中有 { $found }，不是 agristat 生成的（这里只应有 agristat 的运行结果，名称如 000001-20260101T000000Z-0123abcd，各带本次运行的 manifest.json）；未做任何更改：请在流程文件中另选一个空的输出文件夹，或把这些移出 { $dir }
store-current-other-link = 是一个链接，指向 { $target }（应为 agristat 指向其某次运行结果的链接）；未做任何更改：请用 `agristat rollback { $pipeline } RUN` 把一次运行设为当前结果（`agristat runs { $pipeline }` 可列出各次运行）
store-current-not-link = 是{ $kind }，不是 agristat 指向运行结果的链接（应为指向 runs/ID 的符号链接）；未做任何更改：请把它移出输出文件夹，再用 `agristat rollback { $pipeline } RUN` 把一次运行设为当前结果（`agristat runs { $pipeline }` 可列出各次运行）
store-waiting = agristat：另一次运行正在写入 { $dir }；等它结束后再继续
store-busy = 另一次运行正在写入这个输出文件夹（同一时间只能有一次运行）；请等它结束后再运行，或者去掉 --no-wait 等它结束
store-run-unknown = “{ $run }”不是本流程的运行结果（应为以下之一：{ $runs }）
store-run-ambiguous = “{ $run }”可对应多次运行（应为以下之一：{ $runs }）
store-bad-history = 不是 agristat 运行历史中的记录（{ $error }）；这个文件由 agristat 写入：请从备份恢复，或把它移走以重新开始记录历史
rev-no-changes = 与运行 { $run } 相比没有变化
rev-head = 与运行 { $run } 相比的修订：输入文件 { $inputs } 个，数据行变动 { $rows } 处，汇总数变动 { $totals } 个
rev-added = 新增
rev-removed = 删除
rev-changed = 修改
rev-key-separator = ，
rev-input = 输入文件 { $change } { $path }（{ $table }）
rev-row = 数据行 { $change } { $table }（{ $key }）  [{ $location }]
rev-row-field = 数据行 { $change } { $table }（{ $key }）{ $field }：{ $old } → { $new }  [{ $location }]
rev-more-rows = ……另有 { $count } 处数据行变动，见 revisions.csv
rev-total = 汇总数 { $year }年 { $level } { $area } { $indicator }{ $item }：{ $old } → { $new } { $unit }（增减 { $change }，{ $pct }%）
rev-more-totals = ……另有 { $count } 个汇总数变动（含各村数据），见 revisions.csv
hist-no-runs = { $dir } 中还没有运行结果
hist-current = { $run }（当前）
hist-rollback = 回退到 { $run }  { $time }（此前的当前结果为 { $was }）
hist-folder-missing = { $run }（其文件夹已不存在）
hist-input-count = 输入文件 { $count } 个
hist-input-removed = { $path }（已删除）
hist-no-input-changed = 输入文件无变化
hist-inputs-changed = 有变动的输入文件：{ $files }
store-list-separator = 、
hist-never-current = 从未设为当前结果的运行（运行在切换前中断；`agristat rollback { $pipeline } RUN` 可把其中一次设为当前结果）：
hist-nothing-to-roll-back = 没有可回退的运行结果（应为存有 agristat 运行结果的文件夹）
hist-already-current = 运行 { $run } 已是当前结果，未做任何更改
hist-rolled-back = 当前结果已改为运行 { $run }（原为 { $was }）；所有运行结果都保留，历史中记下了这次回退
hist-diff-too-few = diff 需要两次运行结果，{ $dir } 中只有 { $count } 次
hist-diff-head = { $to } 与 { $from } 比较
explain-unknown-indicator = 未知指标“{ $indicator }”
explain-no-run = 还没有运行结果：请先运行流程
explain-no-figure = 运行 { $run } 中没有地区“{ $area }”{ $year }年的数据：{ $indicator } { $item }
explain-head = { $indicator }{ $label }（{ $name }）{ $year }年，{ $area_name }（{ $level } { $area }），运行 { $run }：{ $value } { $unit }
explain-part = { $measure }（{ $name }，{ $year }年）：{ $count } 行
run-cache-not-used = { $path } 的缓存未使用：{ $why }；已重新读取该文件并替换缓存
run-villages-not-written = 未写 villages.csv：共 { $count } 个村（如需写出，请在 [outputs] 中设 villages = true）
run-first = 本流程第一次运行：没有可比较的上次结果
run-wrote = 已写入运行结果 { $run }（{ $path }）

## 命令结果。
templates-written = 已生成 { $count } 个填报模板

## 警告、工作簿、填报模板、图表。
