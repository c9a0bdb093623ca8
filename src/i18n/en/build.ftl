# The build itself: the history from Git, the search index, the publish files, rendering.

history-unavailable = { $problem ->
        [no-git] no `git` program found: pages show no added or changed dates
        [no-repository] the site is not in a Git repository: pages show no added or changed dates
       *[git-failed] `{ $command }` failed ({ $reason }): pages show no added or changed dates
    }
    .help = { $problem ->
        [no-git] install Git to show dates from the history
        [no-repository] build from a Git clone of the site to show dates from the history
       *[git-failed] run the same command in the site folder to see Git's full message
    }
history-shallow = this is a shallow Git clone starting at { $date } ({ $commit }): { $undated ->
        [one] 1 file is
       *[other] { $undated } files are
    } that old or older and { $undated ->
        [one] shows
       *[other] show
    } no added date
    .help = clone with the whole history (`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout)
search-index = cannot build the search index: { $reason }
publish = cannot write the sitemap, feed or open data: { $reason }
build-cache = { $problem ->
        [unreadable] the build cache `{ $path }` was ignored: it cannot be read ({ $reason })
        [corrupt] the build cache `{ $path }` was ignored: it is damaged or cut short ({ $reason })
        [foreign] the build cache `{ $path }` was ignored: another version of kennisbank wrote it (`{ $version }`)
       *[unwritable] cannot write the build cache `{ $path }` ({ $reason })
    }
    .help = { $problem ->
        [unwritable] nothing needs to be done: this build is complete; the next one builds everything again
       *[other] nothing needs to be done: this build built everything again and writes the cache anew
    }
serve-memory = cannot keep the rebuilt site in memory: { $reason }
template-render = template `{ $template }` failed for page `/{ $page }`: { $reason }
    .label = fails here
    .help = fix { $file } in the theme (one report, however many pages use the template); the variables each template gets are listed in themes/README.md
template-undefined = template `{ $template }` uses `{ $name }`, which does not exist for page `/{ $page }`
    .label = unknown name
    .help = fix { $file }; the variables each template gets are listed in themes/README.md; if not every page has this field, wrap it in `{"{%"} if { $name } is defined {"%}"}` … `{"{% endif %}"}`
