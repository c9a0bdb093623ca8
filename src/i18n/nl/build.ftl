# De build zelf: de geschiedenis uit Git, de zoekindex, de publicatiebestanden en het renderen.

history-unavailable = { $problem ->
        [no-git] Geen programma `git` gevonden: pagina's tonen geen datum van toevoegen of wijzigen.
        [no-repository] De site staat niet in een Git-repository: pagina's tonen geen datum van toevoegen of wijzigen.
       *[git-failed] `{ $command }` mislukte ({ $reason }): pagina's tonen geen datum van toevoegen of wijzigen.
    }
    .help = { $problem ->
        [no-git] Installeer Git om de datums uit de geschiedenis te tonen.
        [no-repository] Bouw vanuit een Git-clone van de site om de datums uit de geschiedenis te tonen.
       *[git-failed] Voer hetzelfde commando uit in de map van de site om de hele melding van Git te zien.
    }
history-shallow = Dit is een ondiepe Git-clone die begint op { $date } ({ $commit }): { $undated ->
        [one] 1 bestand is
       *[other] { $undated } bestanden zijn
    } zo oud of ouder en { $undated ->
        [one] toont
       *[other] tonen
    } geen datum van toevoegen.
    .help = Clone met de hele geschiedenis (`git fetch --unshallow`, of `fetch-depth: 0` in actions/checkout).
search-index = Kan de zoekindex niet bouwen: { $reason }
publish = Kan de sitemap, de feed of de open data niet schrijven: { $reason }
build-cache = { $problem ->
        [unreadable] De buildcache `{ $path }` is genegeerd: hij is niet te lezen ({ $reason }).
        [corrupt] De buildcache `{ $path }` is genegeerd: hij is beschadigd of afgebroken ({ $reason }).
        [foreign] De buildcache `{ $path }` is genegeerd: een andere versie van kennisbank heeft hem geschreven (`{ $version }`).
       *[unwritable] Kan de buildcache `{ $path }` niet schrijven ({ $reason }).
    }
    .help = { $problem ->
        [unwritable] Je hoeft niets te doen: deze build is volledig; de volgende bouwt alles opnieuw.
       *[other] Je hoeft niets te doen: deze build bouwde alles opnieuw en schrijft de cache opnieuw.
    }
serve-memory = Kan de herbouwde site niet in het geheugen houden: { $reason }
template-render = De template `{ $template }` mislukte bij de pagina `/{ $page }`: { $reason }
    .label = hier gaat het mis
    .help = Verbeter { $file } in het thema (één melding, hoeveel pagina's de template ook gebruiken); welke variabelen elke template krijgt, staat in themes/README.md.
template-undefined = De template `{ $template }` gebruikt `{ $name }`, maar dat bestaat niet bij de pagina `/{ $page }`.
    .label = onbekende naam
    .help = Verbeter { $file }; welke variabelen elke template krijgt, staat in themes/README.md. Heeft niet elke pagina dit veld, zet het dan tussen `{"{%"} if { $name } is defined {"%}"}` en `{"{% endif %}"}`.
