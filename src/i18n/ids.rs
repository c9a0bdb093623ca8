//! Every message id the code may ask the catalogue for, in two lists: the diagnostic [`Code`]s
//! (stable ids that tests, editors' tools and `--format json` match on) and the other texts
//! ([`Msg`]: hints, report lines, the serve overlay). Code names ids only through these enums, so
//! `catalogue_is_complete` (in `catalogue.rs`) can check each against both languages, and a
//! message the code no longer uses fails it too.
//!
//! To add a message: add a variant here, then the message in `nl/<area>.ftl` and
//! `en/<area>.ftl` (Dutch first; the English is for `--lang en`). The id is the variant's name in
//! kebab case (`UnknownEffect` is `unknown-effect`), so renaming a variant renames a stable code:
//! the catalogue test then names the `.ftl` messages that lost their id.

macro_rules! message_ids {
    ($(#[$meta:meta])* pub enum $name:ident { $($variant:ident,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($variant,)*
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The message id in the `.ftl` files: the variant's name in kebab case, made at
            /// compile time (`NotUtf8` → `not-utf8`).
            pub const fn id(self) -> &'static str {
                match self {
                    $($name::$variant => {
                        const NAME: &str = stringify!($variant);
                        const BYTES: [u8; kebab_len(NAME)] = kebab(NAME);
                        const ID: &str = match std::str::from_utf8(&BYTES) {
                            Ok(id) => id,
                            Err(_) => panic!("a variant name is ASCII"),
                        };
                        ID
                    })*
                }
            }
        }
    };
}

/// The length of `name` in kebab case: one more byte before each capital but the first.
const fn kebab_len(name: &str) -> usize {
    let bytes = name.as_bytes();
    let mut len = bytes.len();
    let mut i = 1;
    while i < bytes.len() {
        if bytes[i].is_ascii_uppercase() {
            len += 1;
        }
        i += 1;
    }
    len
}

/// `name` (CamelCase ASCII) in kebab case, in `N` = [`kebab_len`] bytes.
const fn kebab<const N: usize>(name: &str) -> [u8; N] {
    let bytes = name.as_bytes();
    let mut out = [0u8; N];
    let (mut i, mut o) = (0, 0);
    while i < bytes.len() {
        if bytes[i].is_ascii_uppercase() && i > 0 {
            out[o] = b'-';
            o += 1;
        }
        out[o] = bytes[i].to_ascii_lowercase();
        o += 1;
        i += 1;
    }
    out
}

message_ids! {
    /// The code of a diagnostic, which is also the id of its message. The message's `.label`
    /// attribute is the text under the caret, `.help` the hint, both optional.
    pub enum Code {
        // load: reading a file and splitting off its front matter
        NotUtf8,
        EmptyFile,
        MissingFrontMatter,
        UnclosedFrontMatter,
        ControlCharacter,
        // load: folders, site.yaml, the YAML and its fields
        NoContent,
        NoConfig,
        SymlinkLoop,
        MisplacedFile,
        StrayFile,
        BadFileName,
        NotAMapping,
        YamlSyntax,
        DuplicateKey,
        UnknownKey,
        WrongType,
        BadDate,
        // load: content/thesaurus.yaml
        ThesaurusSmallGroup,
        ThesaurusEmptyTerm,
        ThesaurusRepeatedTerm,
        // graph: references, site.yaml's lists, what is connected to nothing
        UnknownEffect,
        UnknownRow,
        UnknownSource,
        UnknownArticle,
        UnknownTerm,
        UnknownPage,
        UnknownReferenceKind,
        DuplicateId,
        BadId,
        LevelMismatch,
        ParentCycle,
        NoCategories,
        UnknownCategory,
        UnknownLevel,
        UnknownKind,
        UnknownSector,
        UnknownTag,
        EffectWithoutEvidence,
        OrphanSource,
        UnusedTag,
        DuplicateOrder,
        // graph: the evidence of a finding, the kinds of evidence in site.yaml
        UnknownEvidence,
        MissingEvidence,
        BadDirection,
        DirectionEffect,
        DuplicateLink,
        MissingEvidenceKind,
        UnknownEvidenceKind,
        // links in bodies, addresses in front matter
        MissingReferenceKind,
        EmptyReference,
        UnclosedReference,
        UnclosedComment,
        UnsafeUrl,
        RelativeUrl,
        UnknownFile,
        UnknownAnchor,
        BrokenLink,
        // living: dates, the change log and the ledger of signals
        DateNotADay,
        UpdatedBeforeAdded,
        UnknownChangeKind,
        EmptyChangeText,
        ChangeFindingElsewhere,
        UnknownChangeFinding,
        LedgerSubject,
        LedgerStrength,
        LedgerUnknown,
        LedgerStale,
        // render: the theme
        NoTheme,
        TemplateUnreadable,
        Template,
        TemplateSyntax,
        Unreadable,
        // the build: history, search index, publish files, rendering
        HistoryUnavailable,
        HistoryShallow,
        SearchIndex,
        Publish,
        TemplateRender,
        TemplateUndefined,
        ServeMemory,
        BuildCache,
        // check --external
        ExternalMoved,
        ExternalGone,
        ExternalRefused,
        ExternalRateLimited,
        ExternalStatus,
        ExternalTimeout,
        ExternalHostUnknown,
        ExternalUnreachable,
        ExternalRedirect,
        ExternalSkipped,
        ExternalInvalid,
        ExternalCache,
        ExternalOffline,
    }
}

message_ids! {
    /// Every other text: hints shared by several diagnostics, report lines, the serve overlay.
    pub enum Msg {
        // hints
        DidYouMean,
        ValidValues,
        ManyValidValues,
        ExternalGoneVia,
        ExternalRetryAfter,
        HintText,
        HintColon,
        HintList,
        HintFields,
        HintNumber,
        HintBool,
        HintMissing,
        HintDate,
        ThisValue,
        DraftArticle,
        // what `valid-values` lists
        FieldsHere,
        KeysEffect,
        KeysRow,
        KeysSource,
        KeysArticle,
        KeysTerm,
        KeysPage,
        KeysReferenceKind,
        KeysAnchor,
        KeysVariable,
        KeysCategory,
        KeysLevel,
        KeysSourceKind,
        KeysSector,
        KeysEvidence,
        KeysDirection,
        KeysFindingEffects,
        KeysChangeKind,
        KeysFindingId,
        KeysStrength,
        // signals
        SignalsRecorded,
        SignalsCurrent,
        SignalsBadDate,
        // reports
        Severity,
        HelpPrefix,
        Counts,
        CheckSummary,
        BuildSummary,
        BuildSummaryIndex,
        BuildFailed,
        BuildUnchanged,
        BuildProgress,
        ExternalSummary,
        ErrorPrefix,
        // search
        SearchHasErrors,
        SearchResults,
        SearchUnknownKind,
        SearchUnknownEffect,
        SearchIndexFailed,
        // new
        NewExists,
        NewCreated,
        NewNoKey,
        NewBadRowId,
        NewNoLevel,
        NewInvalidConfig,
        // files
        CannotRead,
        CannotCreate,
        CannotWrite,
        OutputRefused,
        OutputIsRoot,
        OutputIsHome,
        OutputIsProject,
        OutputIsContent,
        OutputInThemes,
        OutputHasGit,
        OutputNoName,
        OutputNotFolder,
        OutputCannotMove,
        OutputCannotMoveAside,
        // serve
        ServeServing,
        ServeAllInterfaces,
        ServeStopping,
        ServeBuilt,
        ServeCssSwapped,
        ServeFailed,
        ServeNoBrowser,
        ServeNoFolder,
        ServeNoContent,
        ServePortTaken,
        ServePortTakenNoFree,
        ServeCannotListen,
        ServeNoRuntime,
        ServeCrashed,
        ServeServerError,
        ServeNoAddress,
        ServeNoIndexer,
        ServeNoWatcher,
        ServeCannotWatch,
        ServeNoRebuilder,
        SearchIndexWriter,
        SearchIndexAdd,
        SearchIndexCommit,
        SearchIndexOpen,
        SearchIndexQuery,
        SearchIndexNoUnit,
        SearchIndexBadTerm,
        OverlayTitle,
        OverlaySummary,
        OverlayClose,
        OverlayHeading,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_the_name_in_kebab_case() {
        assert_eq!(Code::NotUtf8.id(), "not-utf8");
        assert_eq!(Code::UnknownEffect.id(), "unknown-effect");
        assert_eq!(Msg::DidYouMean.id(), "did-you-mean");
    }
}
