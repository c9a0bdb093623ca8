# Tips die bij meer dan één soort melding horen.

did-you-mean = Bedoel je `{ $suggestion }`?
# $what is een meervoud, bv. "categorieën"; $list de waarden, bv. "`primair`, `secundair`".
valid-values = Geldige { $what }: { $list }.
many-valid-values = Er zijn { $count } geldige { $what }; de overzichtspagina's van de site tonen ze allemaal.

# Tips bij een veld met een waarde van de verkeerde soort.
hint-text = Dit veld is tekst. Lijkt de tekst op een getal, datum of lijst, zet hem dan tussen aanhalingstekens.
hint-colon = In deze tekst staat `: `, en YAML leest dat als een nieuw veld. Zet de hele tekst tussen dubbele aanhalingstekens.
hint-list = Dit veld is een lijst: schrijf `[a, b]` of één `- item` per regel.
hint-fields = Hier horen eigen velden onder: één `sleutel: waarde` per regel, ingesprongen eronder.
hint-number = Dit veld is een geheel getal, zonder aanhalingstekens.
hint-bool = Schrijf `true` of `false`.
hint-missing = Voeg het veld toe aan de front matter; in content/README.md staat een compleet voorbeeld.
hint-date = Schrijf JJJJ-MM-DD, JJJJ-MM of JJJJ, bv. `2018-01-15`, `2018-01` of `2018`.
# "Deze waarde moet tekst zijn", als het pad van de waarde onbekend is.
this-value = Deze waarde
# Wat een tip als `Geldige …: a, b.` opsomt.
fields-here = velden hier
