//! The Dutch analyzer shared by the tantivy index, the export and the terminal search: split on
//! anything that is not a letter or digit, drop overlong tokens, lowercase, fold diacritics
//! (éénpitters → eenpitters), drop Dutch stop words, stem.
//!
//! The browser does no stemming of its own: the export ships, per shard, the map from each folded
//! surface word to its stem, made with [`surface_words`], which runs the same chain minus the stemmer.

use std::borrow::Cow;
use std::mem;

use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, StopWordFilter,
    TextAnalyzer, TextAnalyzerBuilder, Token, TokenFilter, TokenStream, Tokenizer,
};

/// The name the analyzer is registered under in the index.
pub const ANALYZER: &str = "nl";

/// Tokens of this many bytes or more are dropped (URLs glued together, hashes).
pub const MAX_TOKEN_BYTES: usize = 40;

/// Dutch stop words (tantivy's Snowball list, which tantivy does not export). Shipped in the
/// manifest so the browser drops the same words.
pub const STOP_WORDS: &[&str] = &[
    "de", "en", "van", "ik", "te", "dat", "die", "in", "een", "hij", "het", "niet", "zijn", "is",
    "was", "op", "aan", "met", "als", "voor", "had", "er", "maar", "om", "hem", "dan", "zou", "of",
    "wat", "mijn", "men", "dit", "zo", "door", "over", "ze", "zich", "bij", "ook", "tot", "je",
    "mij", "uit", "der", "daar", "haar", "naar", "heb", "hoe", "heeft", "hebben", "deze", "u",
    "want", "nog", "zal", "me", "zij", "nu", "ge", "geen", "omdat", "iets", "worden", "toch", "al",
    "waren", "veel", "meer", "doen", "toen", "moet", "ben", "zonder", "kan", "hun", "dus", "alles",
    "onder", "ja", "eens", "hier", "wie", "werd", "altijd", "doch", "wordt", "wezen", "kunnen",
    "ons", "zelf", "tegen", "na", "reeds", "wil", "kon", "niets", "uw", "iemand", "geweest",
    "andere",
];

/// Which Dutch stemming algorithm to use. The choice is measured in the README (section Zoeken);
/// both are kept so the measurement can be repeated (`kennisbank search --stemmer`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Stemming {
    /// The classic Dutch Porter algorithm (Kraaij–Pohlmann style): gemeente → gemeent.
    Porter,
    /// The 2023 Snowball Dutch algorithm, tantivy 0.27's `Language::Dutch`: gemeente → meen.
    #[default]
    Snowball,
}

impl Stemming {
    fn algorithm(self) -> frostem::Algorithm {
        match self {
            Stemming::Porter => frostem::Algorithm::DutchPorter,
            Stemming::Snowball => frostem::Algorithm::Dutch,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Stemming::Porter => "dutch_porter",
            Stemming::Snowball => "dutch",
        }
    }

    /// Stems one folded, lowercased word.
    pub fn stem(self, word: &str) -> String {
        frostem::Stemmer::new(self.algorithm())
            .stem(word)
            .into_owned()
    }
}

/// The full analyzer: what the index stores and what queries are turned into.
pub fn analyzer(stemming: Stemming) -> TextAnalyzer {
    folded_words().filter(DutchStemmer(stemming)).build()
}

/// The analyzer without the stemmer: the surface words a visitor types, folded.
pub fn folding_analyzer() -> TextAnalyzer {
    folded_words().build()
}

/// Everything before the stemmer. Shared by both analyzers because the exported surface word →
/// stem maps are only right if the two see exactly the same words.
fn folded_words() -> TextAnalyzerBuilder<impl Tokenizer> {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(StopWordFilter::remove(
            STOP_WORDS.iter().map(|w| w.to_string()),
        ))
}

/// The stems of a text, in order (stop words removed).
pub fn stems(text: &str, stemming: Stemming) -> Vec<String> {
    collect(&mut analyzer(stemming), text)
}

/// The folded surface words of a text, in order (stop words removed).
pub fn surface_words(text: &str) -> Vec<String> {
    collect(&mut folding_analyzer(), text)
}

fn collect(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// A stemming token filter over frostem, so either Dutch algorithm can be chosen (tantivy's own
/// `Stemmer` only offers the new Snowball one).
#[derive(Clone, Copy)]
struct DutchStemmer(Stemming);

impl TokenFilter for DutchStemmer {
    type Tokenizer<T: Tokenizer> = DutchStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> DutchStemmerFilter<T> {
        DutchStemmerFilter {
            stemming: self.0,
            inner: tokenizer,
        }
    }
}

#[derive(Clone)]
struct DutchStemmerFilter<T> {
    stemming: Stemming,
    inner: T,
}

impl<T: Tokenizer> Tokenizer for DutchStemmerFilter<T> {
    type TokenStream<'a> = DutchStemmerStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        DutchStemmerStream {
            tail: self.inner.token_stream(text),
            stemmer: frostem::Stemmer::new(self.stemming.algorithm()),
            buffer: String::new(),
        }
    }
}

struct DutchStemmerStream<T> {
    tail: T,
    stemmer: frostem::Stemmer,
    buffer: String,
}

impl<T: TokenStream> TokenStream for DutchStemmerStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        match self.stemmer.stem(&token.text) {
            Cow::Owned(stemmed) => token.text = stemmed,
            Cow::Borrowed(stemmed) => {
                self.buffer.clear();
                self.buffer.push_str(stemmed);
                mem::swap(&mut token.text, &mut self.buffer);
            }
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diacritics_fold_so_eenpitters_matches_eenpitters_with_accents() {
        for s in [Stemming::Porter, Stemming::Snowball] {
            assert_eq!(stems("éénpitters", s), stems("eenpitters", s));
            assert_eq!(stems("Éénpitter", s), stems("eenpitter", s));
        }
    }

    #[test]
    fn plural_and_singular_share_a_stem() {
        for s in [Stemming::Porter, Stemming::Snowball] {
            assert_eq!(stems("opleidingsscholen", s), stems("opleidingsschool", s));
            assert_eq!(stems("bevindingen", s), stems("bevinding", s));
        }
    }

    #[test]
    fn stop_words_and_punctuation_are_dropped() {
        assert_eq!(
            surface_words("De student, en het Intervisie-gesprek!"),
            vec!["student", "intervisie", "gesprek"]
        );
    }

    #[test]
    fn overlong_tokens_are_dropped() {
        let long = "a".repeat(MAX_TOKEN_BYTES);
        assert!(surface_words(&long).is_empty());
        assert_eq!(surface_words(&"a".repeat(MAX_TOKEN_BYTES - 1)).len(), 1);
    }

    #[test]
    fn the_two_algorithms_differ_where_the_new_one_strips_too_much() {
        assert_eq!(Stemming::Snowball.stem("gemeente"), "meen");
        assert_eq!(Stemming::Porter.stem("gemeente"), "gemeent");
    }

    #[test]
    fn index_stems_equal_stemming_the_surface_words() {
        // The browser stems by looking surface words up; that is only right if the chain is the same.
        let text = "Schoolopleiders begeleiden startende leraren bij de inductie.";
        for s in [Stemming::Porter, Stemming::Snowball] {
            let via_surface: Vec<String> = surface_words(text).iter().map(|w| s.stem(w)).collect();
            assert_eq!(stems(text, s), via_surface);
        }
    }
}
