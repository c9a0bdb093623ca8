# Dates, the change log (`changes:`) and the ledger of signals (content/signalen.yaml).

date-not-a-day = `{ $field }` must be a whole day, not `{ $text }`.
    .label = only a year or a month
    .help = add the day: `{ $field }: 2026-03-03` (year-month-day)
updated-before-added = `updated` ({ $updated }) is before `added` ({ $added }).
    .help = a record can only be updated after it was added; correct one of the dates
unknown-change-kind = Unknown kind of change `{ $value }`.
    .help = leave `kind` out for an ordinary change
empty-change-text = This change has no text.
    .help = write in `text`, in one sentence for visitors, what changed and why
change-finding-elsewhere = `finding` may only appear in the changes of a source.
    .help = findings live in sources; put the change in that source's file, or leave `finding` out
unknown-change-finding = This source has no finding with id `{ $value }`.
ledger-subject = An entry of the signal ledger belongs to exactly one effect or one row.
    .help = give `effect: <key>` or `row: "<id>"`, not both and not neither; `kennisbank signals` writes this file itself
ledger-strength = Unknown strength `{ $value }` in the signal ledger.
ledger-unknown = { $kind ->
        [effect] The signal ledger names an effect `{ $key }` that does not exist.
       *[row] The signal ledger names a row `{ $key }` that does not exist.
    }
    .help = after a new key: replace the old key by the new one in content/signalen.yaml, so the signal keeps its history
ledger-stale = The signal ledger is behind: { $count ->
        [one] the signal of { $first } has
       *[other] the signals of { $count } effects and rows (first { $first }) have
    } changed since they were last recorded.
    .help = run `kennisbank signals` and commit content/signalen.yaml; the change log then says from what to what the evidence changed
keys-change-kind = kinds of change
keys-finding-id = finding ids of this source
keys-strength = strengths
signals-recorded = { $path }: { $count ->
        [one] 1 signal
       *[other] { $count } signals
    } recorded on { $date }. Commit the file, and the change log shows the change.
signals-current = { $path } is up to date: no signal changed since it was last recorded.
signals-bad-date = `{ $text }` is not a day; write YYYY-MM-DD, for example 2026-12-02.
