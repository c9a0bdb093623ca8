# The diagnostics themselves and the summaries under them: terminal, JSON and browser.

severity = { $severity ->
        [warning] warning
       *[error] error
    }
# Before the hint under a diagnostic (miette's "help:").
help-prefix = help
error-prefix = error
counts = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }
check-summary = check: { $counts }
build-summary = built { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    } ({ $sources ->
        [one] 1 source
       *[other] { $sources } sources
    }, { $findings ->
        [one] 1 finding
       *[other] { $findings } findings
    }{ $index }) into { $output } in { $seconds } s; { $counts }
build-summary-index = , search index { $size }
build-failed = build failed: { $counts }; `{ $output }` was left as it was
build-unchanged = nothing changed since the last build: { $output } was left as it was ({ $pages ->
        [one] 1 page
       *[other] { $pages } pages
    }) in { $seconds } s; { $counts }
build-progress = building… { $seconds } s

# The overlay on the page in the browser during `kennisbank serve`.
overlay-title = Build failed: { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }
overlay-summary = You are looking at the last good version of the site. Fix the problem and save; this message goes away by itself.
overlay-close = Close
overlay-heading = { $severity } [{ $code }] in { $place }
