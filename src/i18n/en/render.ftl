# Rendering: the theme (templates and static files).

no-theme = the theme folder `{ $path }` has no templates
    .help = check `theme:` in content/site.yaml; themes live in themes/<name>/templates
template-unreadable = cannot read template `{ $path }`: { $reason }
template = the theme's templates do not fit together: { $reason }
    .help = check `extends`, `include` and `import` names against the files in the templates folder
template-syntax = template syntax error: { $reason }
    .help = check that every `{"{{"}`, `{"{%"}` and `{"{#"}` is closed and every block has its `{"{% end… %}"}`
