# De meldingen zelf en de samenvattingen eronder: in de terminal, als JSON en in de browser.

severity = { $severity ->
        [warning] waarschuwing
       *[error] fout
    }
# Vóór de tip onder een melding ("help:" in miette).
help-prefix = tip
error-prefix = fout
counts = { $errors ->
        [one] 1 fout
       *[other] { $errors } fouten
    }, { $warnings ->
        [one] 1 waarschuwing
       *[other] { $warnings } waarschuwingen
    }
check-summary = controle: { $counts }
build-summary = { $pages ->
        [one] 1 pagina
       *[other] { $pages } pagina's
    } ({ $sources ->
        [one] 1 bron
       *[other] { $sources } bronnen
    }, { $findings ->
        [one] 1 bevinding
       *[other] { $findings } bevindingen
    }{ $index }) geschreven naar { $output } in { $seconds } s; { $counts }
build-summary-index = , zoekindex { $size }
build-failed = build mislukt: { $counts }; `{ $output }` is niet veranderd
build-unchanged = niets veranderd sinds de vorige build: { $output } is gebleven zoals hij was ({ $pages ->
        [one] 1 pagina
       *[other] { $pages } pagina's
    }) in { $seconds } s; { $counts }
build-progress = bouwen… { $seconds } s

# De melding over de pagina in de browser tijdens `kennisbank serve`.
overlay-title = Build mislukt: { $errors ->
        [one] 1 fout
       *[other] { $errors } fouten
    }
overlay-summary = Je ziet de laatste goede versie van de site. Los het probleem op en sla het bestand op; deze melding verdwijnt dan vanzelf.
overlay-close = Sluiten
overlay-heading = { $severity } [{ $code }] in { $place }
