# kennisbank check --external: wat de servers van externe links antwoordden.
# $status is een HTTP-status met zijn vaste Engelse naam, bv. "404 Not Found".

external-moved = `{ $url }` is definitief verhuisd.
    .label = verhuisd naar { $to }
    .help = De pagina staat nu op `{ $to }`; vervang het oude adres door dit nieuwe.
external-gone = De pagina `{ $url }` bestaat niet ({ $status }).
    .label = { $status }
    .help = Verbeter het adres of haal het weg. Is de pagina verhuisd, link dan naar het nieuwe adres.
external-gone-via = Het adres verwijst door naar `{ $via }`, en dat bestaat niet. Verbeter het adres of haal het weg. Is de pagina verhuisd, link dan naar het nieuwe adres.
external-refused = De server weigert toegang tot `{ $url }` ({ $status }).
    .label = { $status }
    .help = Open het adres in een browser. Opent de pagina, dan weigert de server alleen linkcontroles en hoeft er niets te veranderen. Vraagt de site om in te loggen, link dan naar een openbare pagina.
external-rate-limited = `{ $url }` is niet gecontroleerd: de server vraagt het rustiger aan te doen (429 Too Many Requests).
    .label = 429 Too Many Requests
    .help = Probeer het later nog eens.
external-retry-after = De server vroeg { $seconds } s te wachten, langer dan de controle wacht. Probeer het later nog eens.
external-status = { $kind ->
        [server] De server van `{ $url }` heeft een probleem ({ $status }).
       *[other] `{ $url }` antwoordt met { $status }.
    }
    .label = { $status }
    .help = { $kind ->
        [server] Dat is vaak tijdelijk: controleer later opnieuw. Blijft het zo, zoek dan een ander adres van de pagina.
       *[other] Open het adres in een browser. Opent de pagina niet, verbeter of verwijder dan het adres.
    }
external-timeout = `{ $url }` gaf niet op tijd antwoord.
    .label = geen antwoord
    .help = De server is misschien traag of plat. Controleer later opnieuw.
external-host-unknown = De website `{ $host }` van `{ $url }` bestaat niet.
    .label = onbekende website
    .help = Kijk of het adres goed gespeld is. Is de site weg, haal het adres dan weg of link naar een archiefversie (web.archive.org).
external-unreachable = `{ $url }` is niet bereikbaar: { $detail }
    .label = geen verbinding
    .help = Controleer later opnieuw. Gaat het om het certificaat van de server, dan krijgen bezoekers ook een waarschuwing en is een ander adres beter.
external-redirect = `{ $url }` is niet te volgen: { $problem ->
        [too-many] meer dan { $max } doorverwijzingen, de laatste naar { $to }.
        [not-an-address] een doorverwijzing naar `{ $to }`, en dat is geen adres.
       *[not-web] een doorverwijzing naar `{ $to }`, en dat is geen webadres.
    }
    .label = kapotte doorverwijzing
    .help = Open het adres in een browser en link naar het adres waar de pagina uitkomt.
external-skipped = `{ $url }` is niet gecontroleerd: `{ $host }` gaf eerder in deze controle geen antwoord.
    .label = niet gecontroleerd
    .help = Controleer later opnieuw.
external-invalid = `{ $url }` is geen geldig webadres: { $reason }
    .label = ongeldig adres
    .help = Schrijf het hele adres zoals de browser het toont, beginnend met https://.
external-cache = { $problem ->
        [unreadable] De linkcache `{ $path }` is genegeerd: hij is niet te lezen ({ $reason }).
        [corrupt] De linkcache `{ $path }` is genegeerd: het is geen JSON in de verwachte vorm ({ $reason }).
        [foreign] De linkcache `{ $path }` is genegeerd: iets anders heeft hem geschreven (formaat `{ $format }`, versie { $version }).
       *[unwritable] Kan de linkcache `{ $path }` niet schrijven: { $reason }
    }
    .help = { $problem ->
       *[unwritable] De volgende controle vraagt elke link opnieuw na.
        [unreadable] Elke link wordt opnieuw nagevraagd en het bestand wordt opnieuw geschreven. Je hoeft niets te doen.
        [corrupt] Elke link wordt opnieuw nagevraagd en het bestand wordt opnieuw geschreven. Je hoeft niets te doen.
        [foreign] Elke link wordt opnieuw nagevraagd en het bestand wordt opnieuw geschreven. Je hoeft niets te doen.
    }
external-offline = Geen van de { $hosts } gelinkte websites was bereikbaar. Is deze computer offline?
    .help = Maak verbinding met internet en voer `kennisbank check --external` opnieuw uit.
external-summary = externe links: { $addresses ->
        [one] 1 adres
       *[other] { $addresses } adressen
    } op { $places ->
        [one] 1 plaats
       *[other] { $places } plaatsen
    }, { $cached } uit de cache, { $checked } nagevraagd
