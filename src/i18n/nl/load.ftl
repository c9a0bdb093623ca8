# Inlezen: een bestand lezen en de front matter afsplitsen.

not-utf8 = Dit bestand is geen geldige UTF-8 (ongeldige byte op positie { $offset }).
    .label = geen UTF-8
    .help = Sla het bestand op als UTF-8 (in de meeste editors: "Opslaan met codering" → UTF-8).
empty-file = Dit bestand is leeg.
    .help = Begin met een regel `---`, dan de front matter (minstens `title:`) en weer een regel `---`. Of verwijder het bestand.
missing-front-matter = Dit bestand begint niet met front matter.
    .label = hier hoort `---`
    .help = Zet helemaal bovenaan een regel met alleen `---`, dan de YAML-velden, dan weer een regel `---`.
unclosed-front-matter = De front matter wordt nergens afgesloten.
    .label = hier geopend
    .help = Zet na het laatste veld van de front matter een regel met alleen `---`.
