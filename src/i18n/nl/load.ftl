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
# $char is het teken als U+0000; $more het aantal andere in het bestand, $lines hun regels.
control-character = Hier staat een onzichtbaar stuurteken ({ $char }).
    .label = onzichtbaar teken
    .help = Zo'n teken komt meestal mee bij kopiëren en plakken, en hoort niet in tekst. Zet de cursor direct achter de plek van de caret en druk op Backspace, of typ het woord opnieuw. { $more ->
        [0] {""}
        [one] Er staat er nog één in dit bestand (regel { $lines }).
       *[other] Er staan er nog { $more } in dit bestand (regel { $lines }).
    }

# Inlezen: de mappen, site.yaml en de YAML van de front matter.

no-content = De map `{ $path }` met de inhoud bestaat niet.
    .help = Start kennisbank in de projectmap, of geef die op met --root MAP.
no-config = Kan `{ $path }` niet lezen: { $reason }
    .help = Elke site heeft content/site.yaml nodig; in content/README.md staat een compleet voorbeeld.
symlink-loop = Kan `{ $path }` niet lezen: { $reason }
    .help = Verwijder de link die terugwijst naar een van zijn eigen bovenliggende mappen.
unreadable = Kan `{ $path }` niet lezen: { $reason }
    .help = Kijk of je het bestand mag lezen, en of een link niet naar een bestand wijst dat er niet is.
misplaced-file = { $problem ->
        [subfolder] `{ $path }` staat in een submap van `{ $folder }/`.
       *[elsewhere] `{ $path }` staat niet in een bekende map van content/.
    }
    .help = { $problem ->
        [subfolder] Zet het bestand direct in `content/{ $folder }/`; alleen artikelen mogen in submappen staan.
       *[elsewhere] Zet het bestand in een van deze mappen: { $folders }.
    }
stray-file = `{ $path }` is geen Markdown-bestand en wordt overgeslagen.
    .help = Inhoud staat in bestanden die op `.md` eindigen; afbeeldingen, CSS en scripts horen in `themes/<thema>/static/`.
bad-file-name = De bestandsnaam `{ $key }.md` is geen geldige sleutel.
    .help = Gebruik alleen kleine letters, cijfers en streepjes, bv. `{ $suggestion }.md`.
not-a-mapping = De front matter moet uit velden `sleutel: waarde` bestaan.
    .help = Schrijf één veld per regel, bv. `title: Mijn titel`.
yaml-syntax = De front matter is geen geldige YAML: { $reason }
    .help = Kijk naar het inspringen en de aanhalingstekens op deze regel. Een waarde met `: ` erin, of die begint met `[`, `{"{"}`, `*`, `&`, `!`, `%`, `@` of een backtick, hoort tussen aanhalingstekens.
duplicate-key = Het veld `{ $key }` staat er twee keer in.
    .label = tweede keer hier
    .help = Houd er één over; de eerste staat op regel { $line }.
unknown-key = Onbekend veld `{ $key }`.
    .label = geen bekend veld
wrong-type = { $problem ->
        [missing] Het verplichte veld `{ $field }` ontbreekt.
        [missing-in] In `{ $path }` ontbreekt het verplichte veld `{ $field }`.
        [typing] In de front matter: { $reason }
       *[value] { $what } moet { $expected ->
            [text] tekst
            [number] een geheel getal
            [bool] `true` of `false`
            [date] een datum
            [list] een lijst
           *[fields] een groep velden
        } zijn, { $found ->
            [empty] maar is leeg
            [list] geen lijst
            [fields] geen groep velden
           *[value] niet `{ $value }`
        }.
    }
bad-date = `{ $text }` is geen datum.
    .help = { hint-date }

# content/thesaurus.yaml
thesaurus-small-group = Een groep synoniemen heeft minstens twee woorden nodig.
    .label = { $count ->
        [0] lege groep
        *[other] maar één woord
    }
    .help = Zet er een woord bij dat bij het zoeken hetzelfde betekent, bv. `[leraar, docent]`, of haal de regel weg.
thesaurus-empty-term = `{ $term }` bevat geen woord waarop gezocht wordt.
    .label = niets om op te zoeken
    .help = Leestekens en stopwoorden (de, het, een, van …) tellen bij het zoeken niet mee; schrijf het woord zelf.
thesaurus-repeated-term = `{ $term }` staat twee keer in deze groep.
    .label = al genoemd
    .help = Bij het zoeken tellen hoofdletters en accenten niet; haal één van de twee weg.
