# The commands: search, new files, the output folder and the preview server.

search-has-errors = search: the content has errors; fix them first (kennisbank check)
search-results = search: { $count ->
        [one] 1 result
       *[other] { $count } results
    } (stemmer { $stemmer })
search-unknown-kind = unknown kind `{ $kind }`; use one of: { $kinds }
search-unknown-effect = unknown effect `{ $effect }`; effect keys are the file names in content/effecten/
search-index-failed = building the search index

new-exists = `{ $path }` already exists; choose another name or edit that file
new-created = created { $path }; fill it in and run `kennisbank check`
new-no-key = `{ $name }` has no letters or digits to make a key from
new-bad-row-id = a value row is named by its id, such as `1.7` (level 1, row 7); got `{ $name }`
new-no-level = no level has number { $number }; the levels in site.yaml are { $levels }
new-invalid-config = `{ $path }` is not valid; run `kennisbank check` for details

cannot-read = failed to read `{ $path }`
cannot-create = failed to create `{ $path }`
cannot-write = failed to write `{ $path }`
output-refused =
    refusing to write the site to `{ $path }`: { $reason }, and a build replaces the output folder completely
    {"  "}hint: choose a separate folder, e.g. `--output public`
output-is-root = it is the file-system root
output-is-home = it is your home folder
output-is-project = it is the project folder or one of its parents
output-is-content = it is (inside) the content folder
output-in-themes = it is inside the themes folder
output-has-git = it holds a git repository
output-no-name = the output path `{ $path }` has no folder name
output-not-folder = `{ $path }` exists and is not a folder; remove it or choose another --output
output-cannot-move = failed to move the new site to `{ $path }`
output-cannot-move-aside = failed to move `{ $path }` aside

serve-serving = serving { $url }  (Ctrl-C to stop)
serve-all-interfaces = note: listening on every network interface, not only this computer
serve-stopping = stopping
serve-built = { $first ->
        [yes] built
       *[no] rebuilt
    } { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    } in { $ms } ms ({ $rendered } rendered, { $changed ->
        [one] 1 file
       *[other] { $changed } files
    } changed); { $counts }
serve-css-swapped = swapped { $count ->
        [one] 1 stylesheet
       *[other] { $count } stylesheets
    } in { $ms } ms, no page rebuilt
serve-failed = build failed in { $ms } ms: { $counts }; still serving the last good site
serve-no-browser = could not open a browser ({ $opener }: { $reason }); open { $url } yourself
serve-no-folder = cannot serve `{ $path }`: the folder does not exist
serve-no-content = `{ $path }` has no content/ folder; pass the project folder with --root
serve-port-taken = port { $port } on { $ip } is already in use (another `kennisbank serve`?); port { $free } is free: kennisbank serve --port { $free }
serve-port-taken-no-free = port { $port } on { $ip } is already in use; pick another with --port, or --port 0 for any free one
serve-cannot-listen = cannot listen on { $ip } port { $port }
serve-no-runtime = cannot start the server runtime
serve-crashed = the first build crashed
serve-server-error = the server stopped with an error
serve-no-address = cannot read the bound address
serve-no-indexer = warning: cannot start indexing for search: { $reason }
serve-no-watcher = cannot start watching files for changes
serve-cannot-watch = cannot watch `{ $path }` for changes
serve-no-rebuilder = cannot start the rebuild thread

# Failures inside the search index (tantivy): they point to a bug in kennisbank, not in content.
search-index-writer = opening the search index writer
search-index-add = adding a unit to the search index
search-index-commit = committing the search index
search-index-open = opening the search index
search-index-query = running the search
search-index-no-unit = a search document without its unit number
search-index-bad-term = a non-UTF-8 term in the search index
