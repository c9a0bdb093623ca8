# Loading: reading a file and splitting off its front matter.

not-utf8 = this file is not valid UTF-8 (bad byte at offset { $offset })
    .label = not UTF-8
    .help = save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8)
empty-file = this file is empty
    .help = start the file with a line `---`, the front matter (at least `title:`), and a line `---`; or delete it
missing-front-matter = this file does not start with front matter
    .label = expected `---` here
    .help = put a line with only `---` at the very top, then the YAML fields, then another `---`
unclosed-front-matter = the front matter is never closed
    .label = opened here
    .help = add a line with only `---` after the last front-matter field
control-character = an invisible control character ({ $char }) stands here
    .label = invisible character
    .help = such characters come along when copying and pasting, and do not belong in text; put the cursor right after the caret's place and press Backspace, or type the word again{ $more ->
        [0] {""}
        [one] ; there is one more in this file (line { $lines })
       *[other] ; there are { $more } more in this file (lines { $lines })
    }

# Loading: the folders, site.yaml and the YAML of the front matter.

no-content = the content folder `{ $path }` does not exist
    .help = run kennisbank in the project folder, or pass --root DIR
no-config = cannot read `{ $path }`: { $reason }
    .help = every site needs content/site.yaml; content/README.md shows a complete example
symlink-loop = cannot read `{ $path }`: { $reason }
    .help = remove the link that points back into one of its own parent folders
unreadable = cannot read `{ $path }`: { $reason }
    .help = check the file's permissions, or whether a link points to a missing file
misplaced-file = { $problem ->
        [subfolder] `{ $path }` is in a sub-folder of `{ $folder }/`
       *[elsewhere] `{ $path }` is not in a known content folder
    }
    .help = { $problem ->
        [subfolder] move it directly into `content/{ $folder }/`; only articles may be grouped in sub-folders
       *[elsewhere] move it into one of: { $folders }
    }
stray-file = `{ $path }` is not a Markdown file and is ignored
    .help = content files end in `.md`; images, CSS and scripts belong in `themes/<theme>/static/`
bad-file-name = the file name `{ $key }.md` is not a valid key
    .help = use lowercase letters, digits and hyphens only, e.g. `{ $suggestion }.md`
not-a-mapping = the front matter must be a list of `key: value` fields
    .help = write one field per line, e.g. `title: Mijn titel`
yaml-syntax = the front matter is not valid YAML: { $reason }
    .help = check the indentation and quoting on this line; a value containing `: ` or starting with `[`, `{"{"}`, `*`, `&`, `!`, `%`, `@` or a backquote needs quotes
duplicate-key = the key `{ $key }` appears twice
    .label = second time here
    .help = keep one of the two; the first is on line { $line }
unknown-key = unknown key `{ $key }`
    .label = not a known field
wrong-type = { $problem ->
        [missing] the required field `{ $field }` is missing
        [missing-in] `{ $path }` lacks the required field `{ $field }`
        [typing] in the front matter: { $reason }
       *[value] { $what } must be { $expected ->
            [text] text
            [number] a whole number
            [bool] `true` or `false`
            [date] a date
            [list] a list
           *[fields] a group of fields
        }, not { $found ->
            [empty] empty
            [list] a list
            [fields] a group of fields
           *[value] `{ $value }`
        }
    }
bad-date = `{ $text }` is not a date
    .help = { hint-date }

# content/thesaurus.yaml
thesaurus-small-group = a group of synonyms needs at least two terms
    .label = { $count ->
        [0] empty group
        *[other] only one term
    }
    .help = add a term that means the same when searching, e.g. `[leraar, docent]`, or remove the line
thesaurus-empty-term = `{ $term }` holds no word that search uses
    .label = nothing to search for
    .help = punctuation and stop words (de, het, een, van …) do not count in search; write the word itself
thesaurus-repeated-term = `{ $term }` is in this group twice
    .label = given already
    .help = case and accents do not count in search; remove one of the two
