//! The names of all messages, one enum variant each, with their Fluent ids.

macro_rules! messages {
    ($($variant:ident => $id:literal,)*) => {
        /// A message of `en.ftl` and `zh.ftl`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg { $($variant,)* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$variant,)*];

            /// Its id in the Fluent files.
            pub fn id(self) -> &'static str {
                match self { $(Msg::$variant => $id,)* }
            }
        }
    };
}

messages! {
    // Positions and the frame of every problem and warning.
    AtLineColumn => "at-line-column",
    AtLine => "at-line",
    Problem => "problem",
    ProblemHint => "problem-hint",
    WarningAt => "warning-at",
    WarningBare => "warning-bare",
    DidYouMean => "did-you-mean",
    MoreLikeThis => "more-like-this",
    MoreLikeThisColumn => "more-like-this-column",
    ProblemsFound => "problems-found",
    WarningsCount => "warnings-count",
    ShownCut => "shown-cut",
    ListAnd => "list-and",
    ListOr => "list-or",
    // Reading files.
    InvalidBytes => "invalid-bytes",
    OtherEncodingHint => "other-encoding-hint",
    MixedEncoding => "mixed-encoding",
    FileEmpty => "file-empty",
    RowLength => "row-length",
    UnreadableCsv => "unreadable-csv",
    InvalidUtf8 => "invalid-utf8",
    MissingColumn => "missing-column",
    UnknownColumn => "unknown-column",
    ColumnTwice => "column-twice",
    // Cells.
    InColumn => "in-column",
    ValueMissing => "value-missing",
    NotAYear => "not-a-year",
    OtherYear => "other-year",
    NotASector => "not-a-sector",
    NotInCatalogue => "not-in-catalogue",
    NotANumber => "not-a-number",
    BadGrouping => "bad-grouping",
    Negative => "negative",
    NotWhole => "not-whole",
    TooPrecise => "too-precise",
    TooLarge => "too-large",
    TooLong => "too-long",
    FormulaStart => "formula-start",
    ControlCharacter => "control-character",
    ExpectYear => "expect-year",
    ExpectCode => "expect-code",
    ExpectName => "expect-name",
    ExpectCrop => "expect-crop",
    ExpectLivestock => "expect-livestock",
    ExpectAnimalProduct => "expect-animal-product",
    ExpectPriced => "expect-priced",
    ExpectSector => "expect-sector",
    ExpectWhole => "expect-whole",
    ExpectNumber => "expect-number",
    // Checks across rows.
    DuplicateRow => "duplicate-row",
    UnknownVillage => "unknown-village",
    EmptyRegistry => "empty-registry",
    NoPrice => "no-price",
    NoPriceOther => "no-price-other",
    NotADivisionCode => "not-a-division-code",
    BeyondRange => "beyond-range",
    // The pipeline file, the catalogue, `init` and `catalogue`.
    CfgSeparator => "cfg-separator",
    CfgReadingPipeline => "cfg-reading-pipeline",
    CfgSyntax => "cfg-syntax",
    CfgThreshold => "cfg-threshold",
    CfgTodo => "cfg-todo",
    CfgTodoTable => "cfg-todo-table",
    CfgTodoHeader => "cfg-todo-header",
    CfgTodoUnit => "cfg-todo-unit",
    CfgUnknownTable => "cfg-unknown-table",
    CfgNoVillages => "cfg-no-villages",
    CfgNoPrices => "cfg-no-prices",
    CfgYearsLackYear => "cfg-years-lack-year",
    CfgYearsBad => "cfg-years-bad",
    CfgNotBefore => "cfg-not-before",
    CfgNotInYears => "cfg-not-in-years",
    CfgUnknownLevel => "cfg-unknown-level",
    CfgNoLevel => "cfg-no-level",
    CfgVillagesOutput => "cfg-villages-output",
    CfgUnknownColumnField => "cfg-unknown-column-field",
    CfgUnknownUnitField => "cfg-unknown-unit-field",
    CfgUnknownUnit => "cfg-unknown-unit",
    CfgNoUnit => "cfg-no-unit",
    CfgUnknownEncoding => "cfg-unknown-encoding",
    CfgNoFileMatches => "cfg-no-file-matches",
    CfgNoSuchFile => "cfg-no-such-file",
    CfgUnknownChart => "cfg-unknown-chart",
    CfgChartSize => "cfg-chart-size",
    CfgChartDpi => "cfg-chart-dpi",
    CfgChartFormat => "cfg-chart-format",
    CfgSheetPosition => "cfg-sheet-position",
    CfgSheetEmpty => "cfg-sheet-empty",
    CfgSheetPattern => "cfg-sheet-pattern",
    CfgHeaderRow => "cfg-header-row",
    CfgSheetFirst => "cfg-sheet-first",
    CfgSheetIndex => "cfg-sheet-index",
    CfgSheetNamed => "cfg-sheet-named",
    CfgSheetMatching => "cfg-sheet-matching",

    // Command-line help.
    HelpAbout => "help-about",
    HelpUsage => "help-usage",
    HelpCommands => "help-commands",
    HelpArguments => "help-arguments",
    HelpOptions => "help-options",
    HelpHelp => "help-help",
    HelpVersion => "help-version",
    HelpLang => "help-lang",
    HelpPipeline => "help-pipeline",
    HelpRun => "help-run",
    HelpRunQuiet => "help-run-quiet",
    HelpNoWait => "help-no-wait",
    HelpCheck => "help-check",
    HelpCheckQuiet => "help-check-quiet",
    HelpRuns => "help-runs",
    HelpRollback => "help-rollback",
    HelpRollbackRun => "help-rollback-run",
    HelpDiff => "help-diff",
    HelpRunA => "help-run-a",
    HelpRunB => "help-run-b",
    HelpExplain => "help-explain",
    HelpIndicator => "help-indicator",
    HelpArea => "help-area",
    HelpItem => "help-item",
    HelpYear => "help-year",
    HelpTemplate => "help-template",
    HelpTemplateVillage => "help-template-village",
    HelpTemplateOut => "help-template-out",
    HelpInit => "help-init",
    HelpInitFolder => "help-init-folder",
    HelpInitOut => "help-init-out",
    HelpCatalogue => "help-catalogue",
    HelpCataloguePipeline => "help-catalogue-pipeline",
    HelpCatalogueCsv => "help-catalogue-csv",
    // The store of runs, revisions, `runs`, `diff`, `rollback`, `explain`, the run summary.

    // Command results.
    TemplatesWritten => "templates-written",
    // Warnings, workbooks, templates, charts.

}
