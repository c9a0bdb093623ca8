//! `kennisbank new <kind> <name>`: a new content file from a commented front-matter template, as
//! Hugo's archetypes do. Every template passes `kennisbank check` as written, so an editor starts
//! from a file that builds and fills it in; the comments say what each field means.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};

use kennisbank::config::SiteConfig;
use kennisbank::i18n::{Lang, Msg};
use kennisbank::model::Kind as RecordKind;
use kennisbank::model::kinds::row_slug;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Kind {
    /// An effect in the schema of effects: content/effecten/<name>.md
    Effect,
    /// A row of the value table; the name is its id, e.g. 1.7: content/waarden/1-7.md
    Waarde,
    /// A source with findings: content/bronnen/<name>.md
    Bron,
    /// A knowledge-base article (a draft until you change it): content/kennisbank/<name>.md
    Artikel,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// What to create.
    #[arg(value_enum)]
    pub kind: Kind,
    /// The key (file name) or, for `waarde`, the row id (`1.7`). A title such as
    /// "Behoud van leraren" becomes the key `behoud-van-leraren`.
    pub name: String,
    /// The project folder, holding content/.
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
}

pub fn run(args: &NewArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let content = args.root.join("content");
    let config = read_config(&content)?;
    let (path, text) = scaffold(args.kind, &args.name, &config)?;
    let path = content.join(path);
    if path.exists() {
        bail!(Msg::NewExists.with("path", path.as_path()));
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| Msg::CannotCreate.with("path", dir))?;
    }
    std::fs::write(&path, text).with_context(|| Msg::CannotWrite.with("path", path.as_path()))?;
    println!("{}", path.display());
    eprintln!(
        "{}",
        Msg::NewCreated.with("path", path.as_path()).text(lang)
    );
    Ok(ExitCode::SUCCESS)
}

fn read_config(content: &Path) -> anyhow::Result<SiteConfig> {
    let path = content.join(kennisbank::load::CONFIG_FILE);
    if let Err(err) = std::fs::metadata(&path) {
        return Err(err).with_context(|| Msg::CannotRead.with("path", path.as_path()));
    }
    match kennisbank::load::read_config(content, content) {
        (Some(site), _) => Ok(site.config),
        _ => bail!(Msg::NewInvalidConfig.with("path", path.as_path())),
    }
}

/// The file (relative to content/) and its text.
pub fn scaffold(kind: Kind, name: &str, config: &SiteConfig) -> anyhow::Result<(PathBuf, String)> {
    let key = slug::slugify(name);
    if key.is_empty() {
        bail!(Msg::NewNoKey.with("name", name));
    }
    let title = yaml_string(&title_of(name));
    Ok(match kind {
        Kind::Effect => {
            let (category, categories) =
                first_and_all(config.categories.iter().map(|c| c.key.as_str()), "primair");
            (
                file_of(Kind::Effect, &key),
                format!(
                    "---\n\
title: {title}\n\
category: {category}          # een van: {categories}\n\
order: 99                     # plaats in het schema binnen de categorie (1 = bovenaan)\n\
summary: Eén zin die zegt wat dit effect inhoudt.   # verschijnt in het schema en in zoekresultaten\n\
tags: []                      # thema's uit site.yaml, bv. [theorie-praktijk]\n\
# note: Een kanttekening, bv. waar bronnen elkaar tegenspreken.\n\
# aliases: [oude-sleutel]     # oude adressen die hierheen moeten doorverwijzen\n\
# changes:                    # wat bezoekers moeten weten als er iets verandert:\n\
#  - date: 2026-12-01\n\
#    kind: sterkte            # bevinding, indeling, sterkte, tegenspraak of correctie\n\
#    text: Wat er veranderde en waarom, in een zin.\n\
---\n\
Uitleg van het effect in gewone Markdown. Bevindingen, bronnen en waarden hoef je hier niet op te\n\
sommen: die volgen uit de verwijzingen in de bronnen (`effects: [{key}]`).\n"
                ),
            )
        }
        Kind::Waarde => {
            let Some((level_number, _)) = name.split_once('.').filter(|(a, b)| {
                !a.is_empty()
                    && !b.is_empty()
                    && a.bytes().all(|c| c.is_ascii_digit())
                    && b.bytes().all(|c| c.is_ascii_digit())
            }) else {
                bail!(Msg::NewBadRowId.with("name", name));
            };
            let number: u32 = level_number.parse()?;
            let Some(level) = config.levels.iter().find(|l| l.number == number) else {
                bail!(Msg::NewNoLevel.with("number", number.to_string()).with(
                    "levels",
                    keys(config.levels.iter().map(|l| l.number.to_string()))
                ));
            };
            (
                file_of(Kind::Waarde, &row_slug(name)),
                format!(
                    "---\n\
id: \"{name}\"                  # tussen aanhalingstekens, anders wordt het een getal\n\
title: Titel van de waarde\n\
level: {level}               # hoort bij het eerste cijfer van id\n\
summary: Eén zin over deze waarde.\n\
conditions: []                # de randvoorwaarden, elk een korte zin:\n\
#  - Een rijke leeromgeving met een groot praktijkdeel.\n\
effects: []                   # sleutels van effecten, bv. [verbinding-theorie-praktijk]\n\
tags: []\n\
quotes: []                    # praktijkvoorbeelden, in eigen woorden samengevat:\n\
#  - text: Wat iemand vertelde, kort samengevat.\n\
#    role: Student            # verplicht: de rol van de spreker\n\
#    organisation: Naam van de school of opleiding\n\
# note: Een kanttekening bij de hele rij.\n\
---\n\
Toelichting in Markdown (mag leeg blijven). Onderzoek bij deze waarde schrijf je als bevinding bij\n\
de bron, met `rows: [\"{name}\"]`.\n",
                    level = level.key
                ),
            )
        }
        Kind::Bron => {
            let (kind, kinds) = first_and_all(
                config.source_kinds.iter().map(|k| k.key.as_str()),
                "wetenschappelijk",
            );
            let evidence = keys(kennisbank::model::Evidence::ALL.iter().map(|k| k.key()));
            (
                file_of(Kind::Bron, &key),
                format!(
                    "---\n\
label: {title}                # het citeerlabel zoals in de tekst, bv. RuG (2017)\n\
authors: []                   # auteurs of organisatie, bv. [Helms-Lorenz, Maulana]\n\
# year: 2024                  # weglaten als het jaar onbekend is\n\
# title: Volledige titel van het werk\n\
kind: {kind}                  # een van: {kinds}\n\
evidence: empirisch           # soort bewijs van de bevindingen: {evidence}\n\
# design: vragenlijst onder startende leraren   # onderzoeksopzet in gewone woorden\n\
# sectors: [vo]               # po, vo, mbo\n\
# url: https://…              # alleen een adres dat je zeker weet\n\
# publisher: Uitgever of opdrachtgever\n\
tags: []\n\
findings: []                  # de beweringen van de bron, elk gekoppeld aan effecten en waarden:\n\
#  - id: korte-naam           # optioneel; wordt het anker #bevinding-korte-naam\n\
#    text: Wat de bron vond, in eigen woorden.\n\
#    effects: [verbinding-theorie-praktijk]   # alleen wat het Platform zelf koppelt\n\
#    rows: [\"1.1\"]\n\
#    added_effects: []        # koppelingen die de redactie toevoegt\n\
#    direction: gemengd       # optioneel: ondersteunt (standaard), gemengd of tegenstrijdig\n\
#    added: 2026-12-01        # optioneel: de dag waarop de bevinding erbij kwam\n\
# note: Een kanttekening bij de bron.\n\
# changes:                    # wat bezoekers moeten weten als er iets verandert:\n\
#  - date: 2026-12-01\n\
#    kind: tegenspraak        # bevinding, indeling, sterkte, tegenspraak of correctie\n\
#    text: Wat er veranderde en waarom, in een zin.\n\
---\n\
Beschrijving van de bron in eigen woorden.\n"
                ),
            )
        }
        Kind::Artikel => {
            let today = time::OffsetDateTime::now_utc().date();
            (
                file_of(Kind::Artikel, &key),
                format!(
                    "---\n\
title: {title}\n\
date: {today}              # JJJJ-MM-DD, of JJJJ-MM of JJJJ als dag of maand onbekend is\n\
summary: Eén of twee zinnen voor overzichten, zoekresultaten en de feed.\n\
authors: []\n\
tags: []\n\
sectors: []                   # po, vo, mbo\n\
effects: []                   # gerelateerde effecten\n\
rows: []                      # gerelateerde waarden, bv. [\"1.6\"]\n\
sources: []                   # gerelateerde bronnen\n\
# parent: sleutel-van-het-overkoepelende-artikel\n\
# order: 1                    # volgorde onder dezelfde parent\n\
draft: true                   # alleen zichtbaar met --drafts (en in previews); zet op false om te publiceren\n\
---\n\
De tekst van het artikel. Verwijzen naar een bron, effect of begrip gaat met dubbele vierkante\n\
haken om soort:sleutel, zoals beschreven in content/README.md.\n"
                ),
            )
        }
    })
}

impl Kind {
    /// The kind of record the file holds.
    fn record(self) -> RecordKind {
        match self {
            Kind::Effect => RecordKind::Effect,
            Kind::Waarde => RecordKind::Row,
            Kind::Bron => RecordKind::Source,
            Kind::Artikel => RecordKind::Article,
        }
    }
}

/// Where a new file of `kind` named `key` goes, relative to content/.
fn file_of(kind: Kind, key: &str) -> PathBuf {
    Path::new(kind.record().info().folder).join(format!("{key}.md"))
}

/// `behoud-van-leraren` → `Behoud van leraren`; a title the editor typed stays as it is.
fn title_of(name: &str) -> String {
    let spaced = if name.contains(' ') {
        name.to_string()
    } else {
        name.replace('-', " ")
    };
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => spaced,
    }
}

/// A YAML scalar that stays text whatever the editor typed (`:` or `#` would break a plain one);
/// a JSON string is a valid YAML double-quoted string.
fn yaml_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| format!("{text:?}"))
}

/// The first key of a site.yaml list (`fallback` when it is empty), for a template's value, and
/// every key, for the comment beside it.
fn first_and_all<'k>(
    keys: impl Iterator<Item = &'k str> + Clone,
    fallback: &'k str,
) -> (&'k str, String) {
    (keys.clone().next().unwrap_or(fallback), self::keys(keys))
}

fn keys<S: AsRef<str>>(items: impl Iterator<Item = S>) -> String {
    items
        .map(|s| s.as_ref().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
