# The links between files, the lists of site.yaml, and what is connected to nothing.

unknown-effect = no effect has the key `{ $key }`
    .label = unknown effect
    .help = (effects are the file names in content/effecten/)
unknown-row = no value row has the key `{ $key }`
    .label = unknown value row
    .help = (rows are the `id`s in content/waarden/, e.g. `"1.1"`)
unknown-source = no source has the key `{ $key }`
    .label = unknown source
    .help = (sources are the file names in content/bronnen/)
unknown-article = no article has the key `{ $key }`
    .label = unknown article
    .help = (articles are the file names in content/kennisbank/ and its sub-folders)
unknown-term = no glossary term has the key `{ $key }`
    .label = unknown glossary term
    .help = (glossary terms are the file names in content/begrippen/)
unknown-page = no page has the key `{ $key }`
    .label = unknown page
    .help = (pages are the file names in content/paginas/)
unknown-reference-kind = `{ $word }` is not a kind of reference
    .help = (a reference is `[[kind:key]]`, e.g. `[[bron:rug-2017]]`)
draft-article = that article is a draft: publish it (`draft: false`) or build with --drafts
duplicate-id = { $problem ->
        [list] `{ $key }` appears twice in `{ $list }`
        [level] two levels have number { $number }
        [finding] two findings of this source have the anchor `{ $anchor }`
       *[file] `{ $key }` is used by two files
    }
    .label = used again here
    .help = { $problem ->
        [list] give every entry its own key
        [level] each level needs its own number: rows 1.x belong to level 1, rows 2.x to level 2
        [finding] give each finding its own `id`
       *[file] `{ $other }` has it too; keys must be unique
    }
bad-id = { $problem ->
        [finding] the finding id `{ $id }` is not a valid anchor
       *[row] `{ $id }` is not a row id
    }
    .help = { $problem ->
        [finding] use lowercase letters, digits and hyphens
       *[row] row ids are a level number, a dot and a row number in quotes, e.g. `"1.1"`
    }
level-mismatch = row { $id } is at level { $level }, which has number { $number }
    .help = rows { $prefix }.x belong to the level with number { $prefix }; fix the id or the level
parent-cycle = this article is its own ancestor through `parent`
    .help = a chain of `parent` links must end at an article without a parent
no-categories = site.yaml defines no effect categories
    .help = add `categories:` with primair, secundair and tertiair
unknown-category = unknown category `{ $value }`
    .label = not a category in site.yaml
unknown-level = unknown level `{ $value }`
    .label = not a level in site.yaml
unknown-kind = unknown source kind `{ $value }`
    .label = not a source kind in site.yaml
unknown-sector = unknown sector `{ $value }`
    .label = not a sector in site.yaml
unknown-tag = unknown tag `{ $tag }`
    .label = not in the tags of site.yaml
    .help = add it to `tags:` in content/site.yaml first, with a Dutch label
effect-without-evidence = effect `{ $key }` has no findings
    .help = tag a finding in a source with this effect, or say on the page that evidence is missing
orphan-source = source `{ $key }` is not connected to anything
    .help = tag one of its findings with an effect or row, list it in an article's `sources`, or link it with [[bron:…]]
unused-tag = tag `{ $key }` is defined in site.yaml but used nowhere
    .help = use it in some `tags:` list, or remove it from site.yaml
duplicate-order = effect `{ $other }` has the same order { $order } in `{ $category }`
    .help = give each effect in a category its own `order` so the schema has a fixed sequence

# What a hint like `valid …: a, b` lists.
keys-effect = effect keys
keys-row = value row keys
keys-source = source keys
keys-article = article keys
keys-term = glossary term keys
keys-page = page keys
keys-reference-kind = kinds
keys-anchor = anchors
keys-variable = variables
keys-category = category keys
keys-level = level keys
keys-source-kind = source kind keys
keys-sector = sector keys
