# Het bewijs bij een bevinding: soort bewijs, sectoren, richting, wie een koppeling legde, en de
# soorten bewijs in site.yaml.

unknown-evidence = Onbekende soort bewijs `{ $value }`.
    .label = geen soort bewijs
missing-evidence = { $problem ->
        [source] Geen van de bevindingen van deze bron zegt wat voor bewijs ze is.
       *[finding] Deze bevinding zegt niet wat voor bewijs ze is.
    }
    .label = { $problem ->
        [source] geen `evidence` bij de bevindingen of de bron
       *[finding] geen `evidence` hier of bij de bron
    }
    .help = { $problem ->
        [source] Zet `evidence:` bovenaan de front matter; dat geldt dan voor elke bevinding: { $kinds }.
       *[finding] Zet `evidence:` bij de bevinding, of bij de bron als standaard voor al haar bevindingen: { $kinds }.
    }
bad-direction = { $problem ->
        [list] `direction` is één woord of één woord per effect, geen lijst.
        [group] `direction` is één woord of één woord per effect; hier staat een groep met iets anders dan woorden.
       *[word] Onbekende richting `{ $value }`.
    }
    .label = geen richting
    .help = { $problem ->
        [word] Een richting is `ondersteunt`, `gemengd` of `tegenstrijdig`.
       *[other] Schrijf `direction: gemengd` voor alle effecten van de bevinding, of `direction: {"{"}effect-sleutel: tegenstrijdig{"}"}` per effect.
    }
direction-effect = `{ $key }` is geen effect van deze bevinding.
    .label = staat niet in `effects` of `added_effects`
    .help = { $effects ->
        [none] Deze bevinding heeft geen effecten: geef haar eerst `effects` of `added_effects`.
       *[other] Een richting hoort bij een effect van de bevinding: { $effects }.
    }
duplicate-link = { $problem ->
        [same] `{ $key }` staat twee keer in `{ $field }`.
       *[both] `{ $key }` staat zowel in `{ $earlier }` als in `{ $field }`.
    }
    .label = hier nog een keer
    .help = { $problem ->
        [same] Haal de tweede weg.
       *[both] Een koppeling is van het Platform zelf (`{ $earlier }`) of door de redactie toegevoegd (`{ $field }`), niet allebei: zet hem in één van de twee lijsten.
    }
missing-evidence-kind = { $problem ->
        [none] site.yaml noemt geen soorten bewijs.
       *[one] Bij `evidence_kinds` ontbreekt de soort `{ $key }`.
    }
    .help = { $problem ->
        [none] Voeg `evidence_kinds:` toe met een `key`, `label` en `definition` voor elk van { $kinds }; content/README.md laat ze zien.
       *[one] De regel voor de sterkte van het bewijs weegt { $kinds }: voeg `- key: { $key }` toe, met een label en een definitie.
    }
unknown-evidence-kind = De regel kent de soort bewijs `{ $key }` niet.
    .label = geen soort bewijs van de regel
    .help = De sleutels liggen vast, want de regel voor de sterkte van het bewijs weegt ze: { $kinds }. Pas alleen labels en definities aan.

# Wat een tip als `Geldige …: a, b.` opsomt.
keys-evidence = soorten bewijs
keys-direction = richtingen
keys-finding-effects = effecten van deze bevinding
