# Tips die bij meer dan één soort melding horen.

did-you-mean = Bedoel je `{ $suggestion }`?
# $what is een meervoud, bv. "categorieën"; $list de waarden, bv. "`primair`, `secundair`".
valid-values = Geldige { $what }: { $list }.
many-valid-values = Er zijn { $count } geldige { $what }; de overzichtspagina's van de site tonen ze allemaal.
