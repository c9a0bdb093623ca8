# Datums, het wijzigingslogboek (`changes:`) en het logboek van de signalen (content/signalen.yaml).

date-not-a-day = `{ $field }` moet een hele dag zijn, niet `{ $text }`.
    .label = alleen een jaar of een maand
    .help = Schrijf de dag erbij: `{ $field }: 2026-03-03` (jaar-maand-dag).
updated-before-added = `updated` ({ $updated }) ligt vóór `added` ({ $added }).
    .help = Een record kan pas bijgewerkt worden nadat het is toegevoegd; verbeter een van beide datums.
unknown-change-kind = Onbekende soort wijziging `{ $value }`.
    .help = Laat `kind` weg voor een gewone wijziging.
empty-change-text = Deze wijziging heeft geen tekst.
    .help = Schrijf in `text` in een zin voor bezoekers wat er veranderde en waarom.
change-finding-elsewhere = `finding` kan alleen in de wijzigingen van een bron staan.
    .help = Bevindingen staan in bronnen; zet de wijziging in het bestand van die bron, of laat `finding` weg.
unknown-change-finding = Deze bron heeft geen bevinding met id `{ $value }`.
ledger-subject = Een regel in het logboek van signalen hoort bij precies één effect of één waarde.
    .help = Geef `effect: <sleutel>` of `row: "<id>"`, niet allebei en niet geen van beide; `kennisbank signals` schrijft dit bestand zelf.
ledger-strength = Onbekende sterkte `{ $value }` in het logboek van signalen.
ledger-unknown = { $kind ->
        [effect] Het logboek van signalen noemt een effect `{ $key }` dat niet bestaat.
       *[row] Het logboek van signalen noemt een waarde `{ $key }` die niet bestaat.
    }
    .help = Bij een nieuwe sleutel: vervang de oude sleutel in content/signalen.yaml door de nieuwe, dan blijft de geschiedenis van het signaal bewaard.
ledger-stale = Het logboek van signalen loopt achter: { $count ->
        [one] het signaal van { $first } is
       *[other] de signalen van { $count } effecten en waarden (eerst { $first }) zijn
    } veranderd sinds de laatste vastlegging.
    .help = Voer `kennisbank signals` uit en commit content/signalen.yaml; dan zegt het wijzigingslogboek van wat naar wat het bewijs veranderde.
keys-change-kind = soorten wijziging
keys-finding-id = id's van bevindingen van deze bron
keys-strength = sterktes
signals-recorded = { $path }: { $count ->
        [one] 1 signaal
       *[other] { $count } signalen
    } vastgelegd op { $date }. Commit het bestand, dan toont het wijzigingslogboek de verandering.
signals-current = { $path } is bij: geen signaal veranderde sinds de laatste vastlegging.
signals-bad-date = `{ $text }` is geen dag; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-12-02.
