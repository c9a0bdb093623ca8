# De samenhang: verwijzingen tussen bestanden, de lijsten van site.yaml en wat nergens aan vastzit.

unknown-effect = Geen effect heet `{ $key }`.
    .label = onbekend effect
    .help = De effecten staan in content/effecten/.
unknown-row = Geen rij heet `{ $key }`.
    .label = onbekende rij
    .help = De rijen staan in content/waarden/, elk met een `id` zoals `"1.1"`.
unknown-source = Geen bron heet `{ $key }`.
    .label = onbekende bron
    .help = De bronnen staan in content/bronnen/.
unknown-article = Geen artikel heet `{ $key }`.
    .label = onbekend artikel
    .help = De artikelen staan in content/kennisbank/.
unknown-term = Geen begrip heet `{ $key }`.
    .label = onbekend begrip
    .help = De begrippen staan in content/begrippen/.
unknown-page = Geen pagina heet `{ $key }`.
    .label = onbekende pagina
    .help = De pagina's staan in content/paginas/.
unknown-reference-kind = `{ $word }` is geen soort verwijzing.
    .help = Een verwijzing is `[[soort:sleutel]]`, bv. `[[bron:rug-2017]]`.
draft-article = Dat artikel is een concept: publiceer het (`draft: false`) of bouw met --drafts.
duplicate-id = { $problem ->
        [list] `{ $key }` staat twee keer in `{ $list }`.
        [level] Twee niveaus hebben nummer { $number }.
        [finding] Twee bevindingen van deze bron hebben het anker `{ $anchor }`.
       *[file] `{ $key }` wordt door twee bestanden gebruikt.
    }
    .label = hier nog een keer
    .help = { $problem ->
        [list] Geef elk item een eigen sleutel.
        [level] Elk niveau heeft een eigen nummer: rijen 1.x horen bij niveau 1, rijen 2.x bij niveau 2.
        [finding] Geef elke bevinding een eigen `id`.
       *[file] `{ $other }` heeft deze sleutel ook; een sleutel mag maar één keer voorkomen.
    }
bad-id = { $problem ->
        [finding] Het id `{ $id }` van deze bevinding is geen geldig anker.
       *[row] `{ $id }` is geen rij-id.
    }
    .help = { $problem ->
        [finding] Gebruik kleine letters, cijfers en streepjes.
       *[row] Een rij-id is een niveaunummer, een punt en een rijnummer, tussen aanhalingstekens, bv. `"1.1"`.
    }
level-mismatch = Rij { $id } staat op niveau { $level }, en dat heeft nummer { $number }.
    .help = Rijen { $prefix }.x horen bij het niveau met nummer { $prefix }; verbeter het id of het niveau.
parent-cycle = Dit artikel is via `parent` zijn eigen voorouder.
    .help = Een keten van `parent`-links moet eindigen bij een artikel zonder parent.
no-categories = site.yaml heeft geen effectcategorieën.
    .help = Voeg `categories:` toe met primair, secundair en tertiair.
unknown-category = Onbekende categorie `{ $value }`.
    .label = geen categorie uit site.yaml
unknown-level = Onbekend niveau `{ $value }`.
    .label = geen niveau uit site.yaml
unknown-kind = Onbekende soort bron `{ $value }`.
    .label = geen soort bron uit site.yaml
unknown-sector = Onbekende sector `{ $value }`.
    .label = geen sector uit site.yaml
unknown-tag = Onbekende tag `{ $tag }`.
    .label = staat niet bij de tags in site.yaml
    .help = Zet de tag eerst bij `tags:` in content/site.yaml, met een Nederlandse naam.
effect-without-evidence = Bij effect `{ $key }` staan geen bevindingen.
    .help = Koppel een bevinding in een bron aan dit effect, of zeg op de pagina dat bewijs ontbreekt.
orphan-source = Bron `{ $key }` is nergens aan gekoppeld.
    .help = Koppel een van de bevindingen aan een effect of rij, zet de bron bij de `sources` van een artikel, of link ernaar met [[bron:…]].
unused-tag = Tag `{ $key }` staat in site.yaml maar wordt nergens gebruikt.
    .help = Gebruik de tag in een lijst `tags:`, of haal hem weg uit site.yaml.
duplicate-order = Effect `{ $other }` heeft dezelfde `order` ({ $order }) in `{ $category }`.
    .help = Geef elk effect in een categorie een eigen `order`, zodat het schema een vaste volgorde heeft.

# Wat een tip als `Geldige …: a, b.` opsomt.
keys-effect = sleutels van effecten
keys-row = sleutels van rijen
keys-source = sleutels van bronnen
keys-article = sleutels van artikelen
keys-term = sleutels van begrippen
keys-page = sleutels van pagina's
keys-reference-kind = soorten verwijzing
keys-anchor = ankers
keys-variable = variabelen
keys-category = categorieën
keys-level = niveaus
keys-source-kind = soorten bron
keys-sector = sectoren
