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
