# Links in de tekst en adressen in de front matter: verwijzingen `[[…]]`, Markdown-links en
# -afbeeldingen, en velden als `url:`.

missing-reference-kind = Bij deze verwijzing ontbreekt de soort.
    .label = geen `soort:` voor de sleutel
    .help = Een verwijzing noemt eerst de soort en dan de sleutel: `[[soort:sleutel]]`, met als soort { $kinds }.
empty-reference = Deze verwijzing is leeg.
    .label = lege verwijzing
    .help = Zet er een verwijzing in, bv. `[[bron:rug-2017]]`, of haal de haken weg.
unclosed-reference = Deze verwijzing wordt niet gesloten met `]]`.
    .label = hier geopend
    .help = Sluit de verwijzing in dezelfde alinea met `]]`, en zet er geen Markdown-link in. Wil je echt `[[` laten zien, schrijf dan `\[[`.
unclosed-comment = Dit commentaar wordt niet gesloten met `-->`.
    .label = hier geopend
    .help = Zonder `-->` zou de rest van de tekst verdwijnen; nu wordt het commentaar getoond. Sluit het af met `-->`.
# $where: link, image (afbeelding) of field (veld in de front matter); $scheme bv. javascript.
unsafe-url = { $where ->
        [image] Een afbeelding met `{ $scheme }:` is niet toegestaan.
        [field] Een adres met `{ $scheme }:` is niet toegestaan.
       *[link] Een link met `{ $scheme }:` is niet toegestaan.
    }
    .label = niet toegestaan
    .help = Links en adressen mogen alleen wijzen naar `https://`- of `http://`-adressen, `mailto:`, `tel:` of pagina's van deze site. Andere soorten, zoals `javascript:` en `data:`, kunnen code uitvoeren bij wie erop klikt.{ $where ->
        [image] {" "}Een afbeelding mag ook een PNG, JPEG, GIF, WebP of AVIF zijn als `data:image/…`.
       *[other] {""}
    }
relative-url = `{ $url }` is geen volledig adres.
    .label = geen volledig adres
    .help = Begin een adres met `https://` (of `http://`, `mailto:`, `tel:`), of met `/` voor een pagina van deze site.
# $path is het bestand zoals de link het noemt, vanaf content/.
unknown-file = { $problem ->
        [outside] Deze link wijst naar een bestand buiten content/.
       *[missing] Geen pagina komt uit `content/{ $path }`.
    }
    .label = geen pagina
    .help = Een link naar een bestand in content/, zoals `../bronnen/rug-2017.md`, wordt een link naar de pagina van dat bestand; het pad telt vanaf de map van dit bestand.
# $page is het adres van de pagina, bv. /bronnen/rug-2017/; $anchor het anker zonder #.
unknown-anchor = De pagina `{ $page }` heeft geen anker `#{ $anchor }`.
    .label = onbekend anker
    .help = De ankers van een pagina zijn de ids van haar koppen, bevindingen, randvoorwaarden, praktijkvoorbeelden en vaste onderdelen zoals `#bevindingen`.
broken-link = { $problem ->
        [outside] Deze link gaat boven de hoofdmap van de site uit.
       *[missing] De site heeft geen pagina of bestand `/{ $path }`.
    }
    .label = bestaat niet
    .help = Een link naar een pagina van deze site is het adres zonder de domeinnaam, bv. `/bronnen/rug-2017/`. Een verwijzing als `[[bron:rug-2017]]` kan niet breken als een adres verandert.
