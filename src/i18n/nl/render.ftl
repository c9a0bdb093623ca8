# Renderen: het thema (templates en statische bestanden).

no-theme = De themamap `{ $path }` heeft geen templates.
    .help = Kijk bij `theme:` in content/site.yaml. Een thema staat in themes/<naam>/templates.
template-unreadable = Kan de template `{ $path }` niet lezen: { $reason }
template = De templates van het thema passen niet bij elkaar: { $reason }
    .help = Kijk of de namen bij `extends`, `include` en `import` kloppen met de bestanden in de map templates.
template-syntax = Syntaxfout in de template: { $reason }
    .help = Kijk of elke `{"{{"}`, `{"{%"}` en `{"{#"}` gesloten wordt en elk blok zijn `{"{% end… %}"}` heeft.
