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
store-step-list-runs = listing the runs
store-step-list-output = listing the output folder
store-step-create-output = creating the output folder
store-step-open-lock = opening the output folder's lock
store-step-wait-lock = waiting for the output folder's lock
store-step-lock = locking the output folder
store-step-create-runs = creating the runs folder
store-step-create-staging = creating a staging folder
store-step-mark-staging = marking a staging folder
store-step-store-run = storing the run
store-step-link-run = linking the run
store-step-switch-current = switching current
store-step-read-history = reading the run history
store-step-open-file-to-flush = opening a file to flush it to disk
store-step-flush-file = flushing a file to disk
store-step-open-folder-to-flush = opening a folder to flush it
store-step-flush-folder = flushing a folder to disk
store-step-list-folder-to-flush = listing a folder to flush
store-step-write-file = writing a file
store-step-replace-file = replacing a file
store-step-hash-file = hashing a file
store-step-read-manifest = reading a run manifest
store-step-write-manifest = writing the run manifest
store-step-remove-staging = removing an ended run's staging folder
store-step-unmark = unmarking a run folder
store-step-remove-temporary = removing an ended run's temporary file
store-step-save-data = saving the run's data
store-step-read-earlier-data = reading an earlier run's data
store-step-list-outputs = listing the outputs
rev-step-write = writing the revision report
store-none = none
store-listed-more = { $shown } and { $more } more
store-not-run-id = not a run id
store-not-folder = not a folder
store-manifest-other-run = its manifest.json names another run
store-no-manifest = no readable manifest.json
store-foreign-entry = { $name } ({ $why })
store-a-folder = a folder
store-a-file = a file
store-unreadable-target = an unreadable target
store-target-missing = { $target }, which does not exist
store-target-not-run = { $target }, which is { $why }
store-target-elsewhere = { $target }, not a run in { $runs }/
store-current-missing = is missing, but run { $run } was current (expected a link to runs/{ $run }); nothing was changed: make it current again with `{ $command }`
store-current-moved = points to run { $run }, but the run agristat last made current is { $last } (expected `current` to be changed by agristat only); nothing was changed: to go back to { $run }, run `{ $command }`, which keeps every run and records the rollback in the history, or point current back at runs/{ $last }
store-foreign-output = the output folder holds { $found }, which agristat did not make (expected an empty folder, or one that agristat writes); agristat writes only into a folder of its own: choose an empty output folder in the pipeline file
store-foreign-runs = holds { $found }, which agristat did not make (expected only agristat's runs, named like 000001-20260101T000000Z-0123abcd, each with the manifest.json of that run); nothing was changed: choose an empty output folder in the pipeline file, or move these out of { $dir }
store-current-other-link = is a link to { $target } (expected agristat's link to one of its runs); nothing was changed: make a run current with `agristat rollback { $pipeline } RUN` (`agristat runs { $pipeline }` lists them)
store-current-not-link = is { $kind }, not agristat's link to a run (expected a symbolic link to runs/ID); nothing was changed: move it out of the output folder, then make a run current with `agristat rollback { $pipeline } RUN` (`agristat runs { $pipeline }` lists them)
store-waiting = agristat: another run is writing to { $dir }; waiting for it to finish
store-busy = another run is writing to this output folder (expected none); run again when it has finished, or without --no-wait to wait for it
store-run-unknown = run "{ $run }" is not a run of this pipeline (expected one of: { $runs })
store-run-ambiguous = run "{ $run }" is ambiguous (expected one of: { $runs })
store-bad-history = not an entry of agristat's run history ({ $error }); agristat writes this file: restore it from a backup, or move it away to begin a new history
rev-no-changes = no changes against run { $run }
rev-head = revisions against run { $run }: { $inputs } input file(s), { $rows } row change(s), { $totals } total(s) changed
rev-added = added
rev-removed = removed
rev-changed = changed
rev-key-separator = { ", " }
rev-input = input { $change } { $path } ({ $table })
rev-row = row { $change } { $table } ({ $key })  [{ $location }]
rev-row-field = row { $change } { $table } ({ $key }) { $field }: { $old } -> { $new }  [{ $location }]
rev-more-rows = ... { $count } more row change(s) in revisions.csv
rev-total = total { $year } { $level } { $area } { $indicator }{ $item }: { $old } -> { $new } { $unit } ({ $change }, { $pct }%)
rev-more-totals = ... { $count } more total(s), village figures included, in revisions.csv
hist-no-runs = no runs yet in { $dir }
hist-current = { $run } (current)
hist-rollback = rollback to { $run }  { $time }  (current was { $was })
hist-folder-missing = { $run }  (its folder is missing)
hist-input-count = { $count } input file(s)
hist-input-removed = { $path } (removed)
hist-no-input-changed = no input changed
hist-inputs-changed = changed: { $files }
store-list-separator = { ", " }
hist-never-current = never made current (a run ended before switching; `agristat rollback { $pipeline } RUN` makes one current):
hist-nothing-to-roll-back = has no runs to roll back to (expected a folder with agristat's runs)
hist-already-current = run { $run } is current already; nothing changed
hist-rolled-back = current is now run { $run } (was { $was }); every run is kept, and the history records the rollback
hist-diff-too-few = diff needs two runs; { $dir } has { $count }
hist-diff-head = { $to } against { $from }
explain-unknown-indicator = unknown indicator "{ $indicator }"
explain-no-run = no run yet: run the pipeline first
explain-no-figure = no figure for { $indicator } { $item } of area "{ $area }" in { $year } in run { $run }
explain-head = { $indicator }{ $label } ({ $name }) { $year }, { $area_name } ({ $level } { $area }), run { $run }: { $value } { $unit }
explain-part = { $measure } ({ $name } { $year }): { $count } row(s)
run-cache-not-used = cache entry of { $path } not used: { $why }; the file was parsed again and its entry replaced
run-villages-not-written = villages.csv not written: { $count } villages (set [outputs] villages = true to write it)
run-first = first run of this pipeline: nothing to compare with
run-wrote = wrote run { $run } ({ $path })

## Command results.
templates-written = wrote { $count } template(s)

## Warnings, workbooks, templates, charts.
