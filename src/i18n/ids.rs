//! Every message id the code may ask the catalogue for, in two lists: the diagnostic [`Code`]s
//! (stable ids that tests, editors' tools and `--format json` match on) and the other texts
//! ([`Msg`]: hints, report lines, the serve overlay). Code names ids only through these enums, so
//! `catalogue_is_complete` (in `catalogue.rs`) can check each against both languages, and a
//! message the code no longer uses fails it too.
//!
//! To add a message: add a variant here, then the message in `nl/<area>.ftl` and
//! `en/<area>.ftl` (Dutch first; the English is for `--lang en`).

macro_rules! message_ids {
    ($(#[$meta:meta])* pub enum $name:ident { $($variant:ident = $id:literal,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($variant,)*
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The message id in the `.ftl` files.
            pub const fn id(self) -> &'static str {
                match self {
                    $($name::$variant => $id,)*
                }
            }
        }
    };
}

message_ids! {
    /// The code of a diagnostic, which is also the id of its message. The message's `.label`
    /// attribute is the text under the caret, `.help` the hint, both optional.
    pub enum Code {
        // load: reading a file and splitting off its front matter
        NotUtf8 = "not-utf8",
        EmptyFile = "empty-file",
        MissingFrontMatter = "missing-front-matter",
        UnclosedFrontMatter = "unclosed-front-matter",
        ControlCharacter = "control-character",
        // load: folders, site.yaml, the YAML and its fields
        NoContent = "no-content",
        NoConfig = "no-config",
        SymlinkLoop = "symlink-loop",
        MisplacedFile = "misplaced-file",
        StrayFile = "stray-file",
        BadFileName = "bad-file-name",
        NotAMapping = "not-a-mapping",
        YamlSyntax = "yaml-syntax",
        DuplicateKey = "duplicate-key",
        UnknownKey = "unknown-key",
        WrongType = "wrong-type",
        BadDate = "bad-date",
        // load: content/thesaurus.yaml
        ThesaurusSmallGroup = "thesaurus-small-group",
        ThesaurusEmptyTerm = "thesaurus-empty-term",
        ThesaurusRepeatedTerm = "thesaurus-repeated-term",
        // graph: references, site.yaml's lists, what is connected to nothing
        UnknownEffect = "unknown-effect",
        UnknownRow = "unknown-row",
        UnknownSource = "unknown-source",
        UnknownArticle = "unknown-article",
        UnknownTerm = "unknown-term",
        UnknownPage = "unknown-page",
        UnknownReferenceKind = "unknown-reference-kind",
        DuplicateId = "duplicate-id",
        BadId = "bad-id",
        LevelMismatch = "level-mismatch",
        ParentCycle = "parent-cycle",
        NoCategories = "no-categories",
        UnknownCategory = "unknown-category",
        UnknownLevel = "unknown-level",
        UnknownKind = "unknown-kind",
        UnknownSector = "unknown-sector",
        UnknownTag = "unknown-tag",
        EffectWithoutEvidence = "effect-without-evidence",
        OrphanSource = "orphan-source",
        UnusedTag = "unused-tag",
        DuplicateOrder = "duplicate-order",
        // graph: the evidence of a finding, the kinds of evidence in site.yaml
        UnknownEvidence = "unknown-evidence",
        MissingEvidence = "missing-evidence",
        BadDirection = "bad-direction",
        DirectionEffect = "direction-effect",
        DuplicateLink = "duplicate-link",
        MissingEvidenceKind = "missing-evidence-kind",
        UnknownEvidenceKind = "unknown-evidence-kind",
        // links in bodies, addresses in front matter
        MissingReferenceKind = "missing-reference-kind",
        EmptyReference = "empty-reference",
        UnclosedReference = "unclosed-reference",
        UnclosedComment = "unclosed-comment",
        UnsafeUrl = "unsafe-url",
        RelativeUrl = "relative-url",
        UnknownFile = "unknown-file",
        UnknownAnchor = "unknown-anchor",
        BrokenLink = "broken-link",
        // living: dates, the change log and the ledger of signals
        DateNotADay = "date-not-a-day",
        UpdatedBeforeAdded = "updated-before-added",
        UnknownChangeKind = "unknown-change-kind",
        EmptyChangeText = "empty-change-text",
        ChangeFindingElsewhere = "change-finding-elsewhere",
        UnknownChangeFinding = "unknown-change-finding",
        LedgerSubject = "ledger-subject",
        LedgerStrength = "ledger-strength",
        LedgerUnknown = "ledger-unknown",
        LedgerStale = "ledger-stale",
        // render: the theme
        NoTheme = "no-theme",
        TemplateUnreadable = "template-unreadable",
        Template = "template",
        TemplateSyntax = "template-syntax",
        Unreadable = "unreadable",
        // the build: history, search index, publish files, rendering
        HistoryUnavailable = "history-unavailable",
        HistoryShallow = "history-shallow",
        SearchIndex = "search-index",
        Publish = "publish",
        TemplateRender = "template-render",
        TemplateUndefined = "template-undefined",
        ServeMemory = "serve-memory",
        // check --external
        ExternalMoved = "external-moved",
        ExternalGone = "external-gone",
        ExternalRefused = "external-refused",
        ExternalRateLimited = "external-rate-limited",
        ExternalStatus = "external-status",
        ExternalTimeout = "external-timeout",
        ExternalHostUnknown = "external-host-unknown",
        ExternalUnreachable = "external-unreachable",
        ExternalRedirect = "external-redirect",
        ExternalSkipped = "external-skipped",
        ExternalInvalid = "external-invalid",
        ExternalCache = "external-cache",
        ExternalOffline = "external-offline",
    }
}

message_ids! {
    /// Every other text: hints shared by several diagnostics, report lines, the serve overlay.
    pub enum Msg {
        // hints
        DidYouMean = "did-you-mean",
        ValidValues = "valid-values",
        ManyValidValues = "many-valid-values",
        ExternalGoneVia = "external-gone-via",
        ExternalRetryAfter = "external-retry-after",
        HintText = "hint-text",
        HintColon = "hint-colon",
        HintList = "hint-list",
        HintFields = "hint-fields",
        HintNumber = "hint-number",
        HintBool = "hint-bool",
        HintMissing = "hint-missing",
        HintDate = "hint-date",
        ThisValue = "this-value",
        DraftArticle = "draft-article",
        // what `valid-values` lists
        FieldsHere = "fields-here",
        KeysEffect = "keys-effect",
        KeysRow = "keys-row",
        KeysSource = "keys-source",
        KeysArticle = "keys-article",
        KeysTerm = "keys-term",
        KeysPage = "keys-page",
        KeysReferenceKind = "keys-reference-kind",
        KeysAnchor = "keys-anchor",
        KeysVariable = "keys-variable",
        KeysCategory = "keys-category",
        KeysLevel = "keys-level",
        KeysSourceKind = "keys-source-kind",
        KeysSector = "keys-sector",
        KeysEvidence = "keys-evidence",
        KeysDirection = "keys-direction",
        KeysFindingEffects = "keys-finding-effects",
        KeysChangeKind = "keys-change-kind",
        KeysFindingId = "keys-finding-id",
        KeysStrength = "keys-strength",
        // signals
        SignalsRecorded = "signals-recorded",
        SignalsCurrent = "signals-current",
        SignalsBadDate = "signals-bad-date",
        // reports
        Severity = "severity",
        HelpPrefix = "help-prefix",
        Counts = "counts",
        CheckSummary = "check-summary",
        BuildSummary = "build-summary",
        BuildSummaryIndex = "build-summary-index",
        BuildFailed = "build-failed",
        BuildProgress = "build-progress",
        ExternalSummary = "external-summary",
        ErrorPrefix = "error-prefix",
        // search
        SearchHasErrors = "search-has-errors",
        SearchResults = "search-results",
        SearchUnknownKind = "search-unknown-kind",
        SearchUnknownEffect = "search-unknown-effect",
        SearchIndexFailed = "search-index-failed",
        // new
        NewExists = "new-exists",
        NewCreated = "new-created",
        NewNoKey = "new-no-key",
        NewBadRowId = "new-bad-row-id",
        NewNoLevel = "new-no-level",
        NewInvalidConfig = "new-invalid-config",
        // files
        CannotRead = "cannot-read",
        CannotCreate = "cannot-create",
        CannotWrite = "cannot-write",
        OutputRefused = "output-refused",
        OutputIsRoot = "output-is-root",
        OutputIsHome = "output-is-home",
        OutputIsProject = "output-is-project",
        OutputIsContent = "output-is-content",
        OutputInThemes = "output-in-themes",
        OutputHasGit = "output-has-git",
        OutputNoName = "output-no-name",
        OutputNotFolder = "output-not-folder",
        OutputCannotMove = "output-cannot-move",
        OutputCannotMoveAside = "output-cannot-move-aside",
        // serve
        ServeServing = "serve-serving",
        ServeAllInterfaces = "serve-all-interfaces",
        ServeStopping = "serve-stopping",
        ServeBuilt = "serve-built",
        ServeCssSwapped = "serve-css-swapped",
        ServeFailed = "serve-failed",
        ServeNoBrowser = "serve-no-browser",
        ServeNoFolder = "serve-no-folder",
        ServeNoContent = "serve-no-content",
        ServePortTaken = "serve-port-taken",
        ServePortTakenNoFree = "serve-port-taken-no-free",
        ServeCannotListen = "serve-cannot-listen",
        ServeNoRuntime = "serve-no-runtime",
        ServeCrashed = "serve-crashed",
        ServeServerError = "serve-server-error",
        ServeNoAddress = "serve-no-address",
        ServeNoIndexer = "serve-no-indexer",
        ServeNoWatcher = "serve-no-watcher",
        ServeCannotWatch = "serve-cannot-watch",
        ServeNoRebuilder = "serve-no-rebuilder",
        SearchIndexWriter = "search-index-writer",
        SearchIndexAdd = "search-index-add",
        SearchIndexCommit = "search-index-commit",
        SearchIndexOpen = "search-index-open",
        SearchIndexQuery = "search-index-query",
        SearchIndexNoUnit = "search-index-no-unit",
        SearchIndexBadTerm = "search-index-bad-term",
        OverlayTitle = "overlay-title",
        OverlaySummary = "overlay-summary",
        OverlayClose = "overlay-close",
        OverlayHeading = "overlay-heading",
    }
}
