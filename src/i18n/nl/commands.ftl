# De commando's: zoeken, nieuwe bestanden, de uitvoermap en de previewserver.

search-has-errors = zoeken: de inhoud bevat fouten; los die eerst op (kennisbank check)
search-results = zoeken: { $count ->
        [one] 1 resultaat
       *[other] { $count } resultaten
    } (stemmer { $stemmer })
search-unknown-kind = onbekende soort `{ $kind }`; kies uit: { $kinds }
search-unknown-effect = geen effect heet `{ $effect }`; de sleutels van effecten zijn de bestandsnamen in content/effecten/
search-index-failed = kan de zoekindex niet bouwen

new-exists = `{ $path }` bestaat al; kies een andere naam of bewerk dat bestand
new-created = { $path } gemaakt; vul het in en voer `kennisbank check` uit
new-no-key = in `{ $name }` staan geen letters of cijfers om een sleutel van te maken
new-bad-row-id = een rij van de waardetabel heet naar zijn id, zoals `1.7` (niveau 1, rij 7); `{ $name }` is geen id
new-no-level = geen niveau heeft nummer { $number }; de niveaus in site.yaml zijn { $levels }
new-invalid-config = `{ $path }` is niet geldig; `kennisbank check` zegt wat er mis is

cannot-read = kan `{ $path }` niet lezen
cannot-create = kan `{ $path }` niet maken
cannot-write = kan `{ $path }` niet schrijven
output-refused =
    de site wordt niet naar `{ $path }` geschreven: { $reason }, en een build vervangt de uitvoermap helemaal
    {"  "}tip: kies een aparte map, bv. `--output public`
output-is-root = dat is de hoofdmap van het bestandssysteem
output-is-home = dat is je thuismap
output-is-project = dat is de projectmap of een map daarboven
output-is-content = dat is (een map in) de map content
output-in-themes = die map ligt in de map themes
output-has-git = daar staat een git-repository in
output-no-name = het uitvoerpad `{ $path }` heeft geen mapnaam
output-not-folder = `{ $path }` bestaat al en is geen map; verwijder het of kies een andere --output
output-cannot-move = kan de nieuwe site niet naar `{ $path }` verplaatsen
output-cannot-move-aside = kan `{ $path }` niet opzij zetten

serve-serving = de site staat op { $url }  (Ctrl-C om te stoppen)
serve-all-interfaces = let op: de server luistert op elke netwerkinterface, niet alleen op deze computer
serve-stopping = stoppen
serve-built = { $first ->
        [yes] gebouwd
       *[no] opnieuw gebouwd
    }: { $pages ->
        [one] 1 pagina
       *[other] { $pages } pagina's
    } in { $ms } ms ({ $rendered } gerenderd, { $changed ->
        [one] 1 bestand
       *[other] { $changed } bestanden
    } veranderd); { $counts }
serve-css-swapped = { $count ->
        [one] 1 stylesheet
       *[other] { $count } stylesheets
    } vervangen in { $ms } ms, geen pagina opnieuw gebouwd
serve-failed = build mislukt in { $ms } ms: { $counts }; de laatste goede versie blijft te zien
serve-no-browser = kan geen browser openen ({ $opener }: { $reason }); open { $url } zelf
serve-no-folder = kan `{ $path }` niet tonen: die map bestaat niet
serve-no-content = `{ $path }` heeft geen map content/; geef de projectmap op met --root
serve-port-taken = poort { $port } op { $ip } is al in gebruik (nog een `kennisbank serve`?); poort { $free } is vrij: kennisbank serve --port { $free }
serve-port-taken-no-free = poort { $port } op { $ip } is al in gebruik; kies een andere met --port, of --port 0 voor een willekeurige vrije
serve-cannot-listen = kan niet luisteren op { $ip } poort { $port }
serve-no-runtime = kan de server niet starten
serve-crashed = de eerste build is vastgelopen
serve-server-error = de server stopte met een fout
serve-no-address = kan het adres van de server niet lezen
serve-no-indexer = waarschuwing: kan de zoekindex niet maken: { $reason }
serve-no-watcher = kan niet bijhouden welke bestanden veranderen
serve-cannot-watch = kan `{ $path }` niet in de gaten houden
serve-no-rebuilder = kan het opnieuw bouwen niet starten

# Fouten binnen de zoekindex (tantivy): die wijzen op een fout in kennisbank, niet in de inhoud.
search-index-writer = kan de zoekindex niet openen om te schrijven
search-index-add = kan een stuk tekst niet aan de zoekindex toevoegen
search-index-commit = kan de zoekindex niet opslaan
search-index-open = kan de zoekindex niet openen
search-index-query = kan de zoekvraag niet uitvoeren
search-index-no-unit = een document in de zoekindex heeft geen nummer
search-index-bad-term = een woord in de zoekindex is geen UTF-8
