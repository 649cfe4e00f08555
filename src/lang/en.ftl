# agristat's messages in English. Every message here is in zh.ftl too, with the same
# arguments (a test checks it). Values are formatted by agristat before they get here.

## Positions and the frame of every problem and warning.
at-line-column = { $file }:{ $line }:{ $column }
at-line = { $file }:{ $line }
problem = { $location }: { $message }
problem-hint = { $problem }; { $hint }
warning-at = { $location }: warning: { $message }
warning-bare = warning: { $message }
did-you-mean = did you mean "{ $candidate }"?
more-like-this = { $file }: … and { $count } more like this, in lines { $lines }
more-like-this-column = { $file }: … and { $count } more like this, column { $column }, in lines { $lines }
problems-found = { $count } problem(s) found; nothing was written
warnings-count = { $count } warning(s)
shown-cut = { $start }… ({ $length } characters)
list-and = { $init } and { $last }
list-or = { $init } or { $last }

## Reading files.
invalid-bytes = invalid bytes { $bytes } for { $encoding }
other-encoding-hint = as { $other } this line reads "{ $text }": it was probably saved in { $other }; save the whole file in { $encoding }
mixed-encoding = this line is UTF-8 in a file otherwise GBK: read as "{ $text }" (as GBK it would read "{ $gbk }"); save the file in one encoding
file-empty = file is empty (expected a header row and rows of { $table })
row-length = row has { $fields } fields, the header has { $header }
unreadable-csv = unreadable CSV: { $error }
invalid-utf8 = invalid UTF-8
missing-column = missing column "{ $header }" (mapped to { $table }.{ $field }; the header has: { $found })
unknown-column = unknown column "{ $header }" (not mapped in [inputs.{ $table }.columns]; list it in ignore_columns to skip it)
column-twice = column "{ $header }" is in the header twice, as columns { $first } and { $second } (expected each column once; remove or rename one)

## Cells.
in-column = column "{ $header }": { $message }
value-missing = value is missing (expected { $expected })
not-a-year = "{ $value }" is not a year (expected a year such as 2019)
other-year = { $year } is not a year of this pipeline (expected { $years })
not-a-sector = "{ $value }" is not a sector (expected 林业, 渔业 or 农林牧渔服务业; crops and livestock are valued from their output)
not-in-catalogue = "{ $value }" is not in the product catalogue (expected { $expected })
not-a-number = "{ $value }" is not a number (expected digits such as 1234.5)
bad-grouping = "{ $value }" has misplaced thousands separators (expected groups of three digits, such as 1,234.5)
negative = "{ $value }" is negative (expected zero or more)
not-whole = "{ $value }" is not a whole number (expected a count)
too-precise = "{ $value }" has more than 4 decimal places in the canonical unit
too-large = "{ $value }" is too large
too-long = "{ $value }" is { $length } characters long (expected { $expected } of at most { $max } characters)
formula-start = "{ $value }" begins like a spreadsheet formula (expected { $expected } beginning with a letter or digit)
control-character = "{ $value }" holds the control character U+{ $code } (expected { $expected } of printable characters)
expect-year = a year
expect-code = a code
expect-name = a name
expect-crop = a crop
expect-livestock = a livestock species
expect-animal-product = an animal product
expect-priced = a crop or animal product
expect-sector = a sector
expect-whole = a whole number
expect-number = a number

## Checks across rows.
duplicate-row = duplicate row for ({ $key }) in { $table }: the same key is already at { $first }
unknown-village = column "{ $header }": "{ $code }" is not a village of the registry for { $year } (expected a code listed in { $files })
empty-registry = the village registry has no rows (expected a row for each village and year)
no-price = "{ $name }" has output in { $year } but no price (expected a { $year } row for it in the prices table)
no-price-other = "{ $name }" has output in { $year } but no { $other } price (expected a { $other } row for it in the prices table, to value { $year } output at comparable prices)
not-a-division-code = column "{ $header }": "{ $code }" is not a 12-digit statistical division code (expected 12 digits, to find its { $levels }: the registry gives no { $columns })
beyond-range = column "{ $header }": the village's { $what } goes beyond what agristat adds exactly (±92,233,720,368 in the canonical unit); check the value and its unit

## The pipeline file, the catalogue, init and catalogue.
cfg-separator = { ", " }
cfg-reading-pipeline = reading the pipeline file
cfg-syntax = { $message }
cfg-toml-missing-key = missing field `{ $key }`
cfg-toml-unknown-key = unknown field `{ $key }`, expected one of { $expected }
cfg-toml-todo = still to be filled in ("{ $value }")
cfg-toml-duplicate-key = duplicate key
cfg-threshold = change_threshold_pct { $value } must be a positive number
cfg-todo = { $place } is still to be filled in ("{ $value }"; write { $expected })
cfg-todo-table = the table its file holds: one of { $tables }; or remove the section
cfg-todo-header = the header of its column in the file
cfg-todo-unit = the unit of the column: { $units }
cfg-unknown-table = unknown input table "{ $name }" (expected one of { $tables })
cfg-no-villages = [inputs.villages] is missing (expected the village registry)
cfg-no-prices = [inputs.prices] is missing (expected prices for the crops and animal products, to value output)
cfg-years-lack-year = pipeline.years does not hold the report year { $year }
cfg-years-bad = pipeline.years: expected a list of years such as [2018, 2019] or a range such as "2015..=2019" (at most { $max } years)
cfg-not-before = { $key } { $value } is not before year { $year }
cfg-not-in-years = { $key } { $value } is not one of pipeline.years
cfg-unknown-level = { $key }: unknown level "{ $name }" (expected some of { $levels }; villages are always the base)
cfg-no-level = { $key }: expected at least one level
cfg-villages-output = outputs.villages: { $value } is not true, false or "auto"
cfg-unknown-column-field = inputs.{ $table }.columns: unknown field "{ $field }" (expected one of { $fields })
cfg-unknown-unit-field = inputs.{ $table }.units: unknown field "{ $field }"
cfg-unknown-unit = inputs.{ $table }.units.{ $field }: unknown unit "{ $unit }" (expected one of { $units })
cfg-no-unit = inputs.{ $table }.units: field "{ $field }" has no unit to declare
cfg-unknown-encoding = inputs.{ $table }.encoding: unknown encoding "{ $encoding }" (expected auto, utf-8, gbk or gb18030)
cfg-no-file-matches = inputs.{ $table }.path: no file matches "{ $path }"
cfg-no-such-file = inputs.{ $table }.path: no such file "{ $path }"
cfg-unknown-chart = { $key }: unknown chart "{ $chart }" (expected one of { $charts })
cfg-chart-size = { $key }: { $value } is outside 2–100 cm
cfg-chart-dpi = { $key }: { $value } is outside 50–1200
cfg-chart-format = { $key }: unknown format "{ $format }" (expected png or svg)
cfg-sheet-position = inputs.{ $table }.sheet: { $value } is not a sheet position (expected 1 for the first sheet, 2 for the second, …)
cfg-sheet-empty = inputs.{ $table }.sheet: expected a sheet name, position or pattern
cfg-sheet-pattern = inputs.{ $table }.sheet: "{ $name }" is not a pattern: { $error }
cfg-header-row = inputs.{ $table }.header_row: { $value } is not a row of a sheet (expected 1 to { $max })
cfg-sheet-first = the first sheet
cfg-sheet-index = sheet { $index }
cfg-sheet-named = a sheet named "{ $name }"
cfg-sheet-matching = a sheet matching "{ $pattern }"
cat-reading = reading the product catalogue
cat-built-in = built-in catalogue (data/catalogue/national.csv)
cat-listed-twice = product "{ $code }" is listed twice
cat-name-twice = name "{ $name }" is used by two products
cat-did-you-mean-alias = did you mean "{ $candidate }" ({ $product })?
cat-aliases-of = the aliases of { $code } ({ $name })
cat-aliases-of-its-product = the aliases of its product
cat-add-alias = to read "{ $text }" as a name, add it to { $whose } in { $file } (separated by |)
cat-add-alias-built-in = to read "{ $text }" as a name, copy the built-in catalogue (agristat catalogue --csv > products.csv), add it to { $whose } there, and set [reference] products = "products.csv"
cat-suggest = { $guess }; { $alias }
cat-unreadable-row = unreadable catalogue row: { $error }
cat-field-value = { $field } { $message }
cat-range = min_{ $field } and max_{ $field } must both be given, min not above max
cat-kind = kind "{ $value }" is not one of crop, livestock, animal_product
cat-sector = sector "{ $value }" is not one of farming, forestry, animal_husbandry, fishery, services
cat-group = group "{ $value }" is not one of { $groups }
cat-grain-above-one = grain_factor "{ $value }" is above 1
init-writing-pipeline = writing the pipeline file
init-resolving-path = resolving a path
init-listing-folder = listing a folder
init-reading-file = reading a file
init-exists = the file exists already (remove it, or write elsewhere with --out FILE)
init-not-a-folder = is not a folder (expected the folder holding the village files)
init-wrote = wrote { $file }: { $count } table(s), years { $years }
init-no-years = none found
init-table = { $files } file(s), { $mapped } column(s) mapped
init-skipped = not read (no tables): { $files }
init-no-area-codes = note: the registry's village codes are not 12-digit division codes and it has no township and county code columns; run will refuse it until it has them
init-missing-column = { $table }.{ $field }: no column found (write its header in [inputs.{ $table }.columns])
init-unit-to-fill = { $table }.{ $field }: the unit of "{ $header }" is not stated or not known (write it in [inputs.{ $table }.units])
init-unknown-column = { $table }: unknown column "{ $header }" (map it in [inputs.{ $table }.columns] or list it in ignore_columns)
init-unknown-column-closest = { $table }: unknown column "{ $header }" (map it in [inputs.{ $table }.columns] or list it in ignore_columns); closest: { $closest }
init-guess = { $field } ("{ $word }")
init-unrecognised = { $file }: { $why }
init-cannot-read = cannot be read: { $why }
init-fits-no-table = its headers fit no table
init-fits-no-table-closest = its headers fit no table (closest: { $closest })
init-closest-table = { $table } ({ $count } fields)
init-other-headers = a { $table } table with other headers than { $first }
init-complete = every column is mapped; check the file, then: agristat run { $file }
init-to-fill-in = { $count } thing(s) to fill in before agristat check or run will read the data (marked TODO in the file):
init-at-line-column = line { $line } column { $column }: { $message }
init-file-empty = the file is empty
init-workbook = a workbook: init reads CSV files only so far (save each sheet as CSV, or map it by hand)


## Command-line help.
help-about = Township and county agricultural statistics from village tables
help-usage = Usage:
help-commands = Commands
help-arguments = Arguments
help-options = Options
help-help = Print help
help-version = Print version
help-lang = The language of messages and help: zh or en (default: AGRISTAT_LANG, else the system's)
help-pipeline = The pipeline file (TOML)
help-run = Validate the inputs, aggregate, and publish a new run (totals, villages, warnings, charts, manifest) as OUTPUT/current; report what changed since the previous run
help-run-quiet = Do not print the report table, and show no progress
help-no-wait = Fail at once if another run is writing to the same output folder (default: wait)
help-check = Validate the inputs and print the report table; write nothing
help-check-quiet = Show no progress
help-runs = List the runs (vintages) of a pipeline: id, time, changed inputs, headline totals
help-rollback = Make an earlier run current again (or a later one, after a rollback). Every run is kept; the history records the rollback; the next run compares against this one
help-rollback-run = The run to make current (an id or a unique prefix, such as 000002)
help-diff = Show what changed between two runs (default: the previous run and the current one)
help-run-a = The older run (an id or a unique prefix, such as 000002)
help-run-b = The newer run (default: the current one)
help-explain = List the village rows, with files and lines, that make up a total of the current run
help-indicator = The indicator key, such as crop_output or net_income_per_capita
help-area = A village, township or county code
help-item = The item: a crop, species or product (code or name), a sector, a project
help-year = The year (default: the pipeline's year)
help-template = Write a workbook per village to fill in and send back: a sheet per table it reports, the pipeline's header, its year and code filled in, drop-down lists, number rules
help-template-village = Only this village (its code); default: every village of the registry
help-template-out = The folder to write into
help-init = Look at a folder of village files and write a pipeline file for it: tables recognised by their headers, units from the headers, years from folders and cells. What it cannot decide is marked TODO in the file and listed; check and run refuse it until filled in
help-init-folder = The folder holding the village files (CSV, in year folders or not)
help-init-out = Where to write the pipeline file (default: FOLDER/pipeline.toml)
help-catalogue = List what the product catalogue knows, in Chinese: products, aliases, sector, grain factor, unit, plausible range. Without a pipeline: the built-in catalogue
help-catalogue-pipeline = The pipeline file (TOML) whose catalogue to list
help-catalogue-csv = Print the catalogue as CSV instead, to copy into a file of your own and extend

## The store of runs, revisions, runs, diff, rollback, explain, the run summary.

## Command results.
templates-written = wrote { $count } template(s)

## Warnings, workbooks, templates, charts.
