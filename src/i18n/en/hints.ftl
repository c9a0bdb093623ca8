# Hints shared by more than one kind of diagnostic.

did-you-mean = did you mean `{ $suggestion }`?
# $what is a plural, e.g. "categories"; $list the values, e.g. "`primair`, `secundair`".
valid-values = valid { $what }: { $list }
many-valid-values = there are { $count } valid { $what }; see the list in the site's overview pages
