//! Which language a run speaks: `--lang` > the locale variables > the site's `language` > Dutch.

use std::path::Path;

/// A language the messages are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, clap::ValueEnum)]
pub enum Lang {
    /// Dutch: the language of the site and of its editors, so the default.
    #[default]
    Nl,
    /// English.
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// The BCP 47 tag: `nl`, `en`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// The language a tag or locale names: `nl`, `nl-BE`, `nl_NL.UTF-8`, `en_GB@euro`, `EN`.
    /// `C`, `POSIX`, `C.UTF-8` and languages without messages name none.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let language = tag
            .split(['.', '@', '_', '-'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match language.as_str() {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of the locale variables, read as POSIX does: the first of `LC_ALL`,
    /// `LC_MESSAGES`, `LANG` that is set and not empty decides, so `LC_ALL=C` with
    /// `LANG=en_GB.UTF-8` names no language.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Option<Lang> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(&var)
            .find(|value| !value.is_empty())
            .and_then(|value| Lang::from_tag(&value))
    }

    /// The language of this process's locale variables.
    pub fn from_env() -> Option<Lang> {
        Lang::from_locale(|name| std::env::var(name).ok())
    }

    /// The language of the site in `root`: `language:` in content/site.yaml. Read on its own
    /// (not through the pipeline) so a site.yaml that fails to load still has its messages in
    /// the language it asks for, or in Dutch.
    pub fn of_site(root: &Path) -> Option<Lang> {
        #[derive(serde::Deserialize)]
        struct Language {
            language: Option<String>,
        }
        let text = std::fs::read_to_string(root.join("content").join("site.yaml")).ok()?;
        let site: Language = serde_yaml::from_str(&text).ok()?;
        Lang::from_tag(&site.language?)
    }

    /// The language a run speaks: the flag, else the locale, else the site's, else Dutch.
    pub fn choose(flag: Option<Lang>, locale: Option<Lang>, site: Option<Lang>) -> Lang {
        flag.or(locale).or(site).unwrap_or_default()
    }

    /// [`Lang::choose`] with this process's locale and the site in `root`.
    pub fn for_site(flag: Option<Lang>, root: &Path) -> Lang {
        Lang::choose(flag, Lang::from_env(), Lang::of_site(root))
    }

    /// A decimal number as this language writes it: `0,42` in Dutch, `0.42` in English.
    pub fn decimal(self, value: f64, places: usize) -> String {
        let text = format!("{value:.places$}");
        match self {
            Lang::Nl => text.replace('.', ","),
            Lang::En => text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_locales_name_a_language() {
        for (tag, lang) in [
            ("nl", Some(Lang::Nl)),
            ("nl-BE", Some(Lang::Nl)),
            ("nl_NL.UTF-8", Some(Lang::Nl)),
            ("en_GB.UTF-8", Some(Lang::En)),
            ("en_US@euro", Some(Lang::En)),
            ("EN", Some(Lang::En)),
            ("C", None),
            ("C.UTF-8", None),
            ("POSIX", None),
            ("de_DE.UTF-8", None),
            ("", None),
        ] {
            assert_eq!(Lang::from_tag(tag), lang, "{tag:?}");
        }
    }

    #[test]
    fn the_first_locale_variable_set_decides() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_locale(env(&[])), None);
        assert_eq!(
            Lang::from_locale(env(&[("LANG", "en_GB.UTF-8")])),
            Some(Lang::En)
        );
        assert_eq!(
            Lang::from_locale(env(&[
                ("LANG", "en_GB.UTF-8"),
                ("LC_MESSAGES", "nl_NL.UTF-8")
            ])),
            Some(Lang::Nl)
        );
        assert_eq!(
            Lang::from_locale(env(&[("LANG", "en_GB.UTF-8"), ("LC_ALL", "C")])),
            None,
            "LC_ALL=C overrides LANG and names no language"
        );
        assert_eq!(
            Lang::from_locale(env(&[("LANG", "en_GB.UTF-8"), ("LC_ALL", "")])),
            Some(Lang::En),
            "an empty variable counts as unset"
        );
    }

    #[test]
    fn flag_beats_locale_beats_site_beats_dutch() {
        use Lang::{En, Nl};
        assert_eq!(Lang::choose(Some(Nl), Some(En), Some(En)), Nl);
        assert_eq!(Lang::choose(None, Some(En), Some(Nl)), En);
        assert_eq!(Lang::choose(None, None, Some(En)), En);
        assert_eq!(Lang::choose(None, None, None), Nl);
    }

    #[test]
    fn the_site_language_comes_from_site_yaml_even_when_the_rest_is_broken() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Lang::of_site(dir.path()), None);
        std::fs::create_dir(dir.path().join("content")).unwrap();
        let site = dir.path().join("content/site.yaml");
        std::fs::write(&site, "title: T\nlanguage: en\ncategories: 3\n").unwrap();
        assert_eq!(Lang::of_site(dir.path()), Some(Lang::En));
        std::fs::write(&site, "title: T\n").unwrap();
        assert_eq!(Lang::of_site(dir.path()), None);
    }

    #[test]
    fn decimals_use_the_languages_separator() {
        assert_eq!(Lang::Nl.decimal(0.4249, 2), "0,42");
        assert_eq!(Lang::En.decimal(1.5, 1), "1.5");
    }
}
