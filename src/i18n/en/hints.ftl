# Hints shared by more than one kind of diagnostic.

did-you-mean = did you mean `{ $suggestion }`?
# $what is a plural, e.g. "categories"; $list the values, e.g. "`primair`, `secundair`".
valid-values = valid { $what }: { $list }
many-valid-values = there are { $count } valid { $what }; see the list in the site's overview pages

# Hints for a field with a value of the wrong kind.
hint-text = this field takes text; put it in quotes if it looks like a number, date or list
hint-colon = this text contains `: `, which YAML reads as a new field; put the whole text in double quotes
hint-list = this field takes a list: write `[a, b]` or one `- item` per line
hint-fields = this takes fields of its own: one `key: value` per line, indented below it
hint-number = this field takes a whole number, without quotes
hint-bool = write `true` or `false`
hint-missing = add the field to the front matter; content/README.md shows a complete example
hint-date = write JJJJ-MM-DD, JJJJ-MM or JJJJ, e.g. `2018-01-15`, `2018-01` or `2018`
# "this value must be text", when the path of the value is unknown.
this-value = this value
# What a hint like `valid …: a, b` lists.
fields-here = keys here
