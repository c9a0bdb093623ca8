//! Deterministic randomness and Dutch-like text: words of the shipped content (words.txt, most
//! frequent first) drawn by Zipf's law over their rank, in phrases, sentences and titles.

/// The vocabulary, most frequent first (see the file's header).
const WORDS: &str = include_str!("words.txt");

/// Surnames for the authors of made-up sources.
pub const SURNAMES: [&str; 24] = [
    "Jansen",
    "de Vries",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "Kok",
    "Jacobs",
];

/// splitmix64: a tiny PRNG whose output is fixed forever, so a seed means the same site on every
/// machine and every version (a crate's generator may change its stream between releases).
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Draws words by Zipf's law over their frequency rank.
pub struct Text {
    words: Vec<&'static str>,
    /// Cumulative weights 1/rank, normalised to end at 1.
    cumulative: Vec<f64>,
}

impl Text {
    pub fn new() -> Text {
        let words: Vec<&str> = WORDS
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        let mut total = 0.0;
        let mut cumulative: Vec<f64> = (0..words.len())
            .map(|rank| {
                total += 1.0 / (rank as f64 + 1.0);
                total
            })
            .collect();
        for c in &mut cumulative {
            *c /= total;
        }
        Text { words, cumulative }
    }

    pub fn word(&self, rng: &mut Rng) -> &'static str {
        let u = rng.unit();
        let i = self.cumulative.partition_point(|&c| c < u);
        self.words[i.min(self.words.len() - 1)]
    }

    /// A word from the less common half, for keys and titles (no "de-en-het").
    pub fn content_word(&self, rng: &mut Rng) -> &'static str {
        loop {
            let w = self.words[rng.between(60, self.words.len() - 1)];
            if w.len() >= 4 && w.bytes().all(|b| b.is_ascii_lowercase()) {
                return w;
            }
        }
    }

    /// `n` words without the final period, the first capitalised.
    pub fn phrase(&self, rng: &mut Rng, n: usize) -> String {
        let mut out = String::new();
        for i in 0..n {
            let w = self.word(rng);
            if i == 0 {
                capitalise_into(&mut out, w);
            } else {
                out.push(' ');
                out.push_str(w);
                if i + 1 < n && rng.chance(6) {
                    out.push(',');
                }
            }
        }
        out
    }

    pub fn sentence(&self, rng: &mut Rng) -> String {
        let n = rng.between(6, 22);
        let mut s = self.phrase(rng, n);
        s.push('.');
        s
    }

    pub fn title(&self, rng: &mut Rng) -> String {
        let mut out = String::new();
        let n = rng.between(3, 7);
        for i in 0..n {
            let w = if i % 2 == 0 {
                self.content_word(rng)
            } else {
                self.word(rng)
            };
            if i == 0 {
                capitalise_into(&mut out, w);
            } else {
                out.push(' ');
                out.push_str(w);
            }
        }
        out
    }
}

pub fn capitalise_into(out: &mut String, word: &str) {
    let mut chars = word.chars();
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
        out.push_str(chars.as_str());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_are_far_more_frequent_than_rare_ones() {
        let text = Text::new();
        let mut rng = Rng(1);
        let mut counts = std::collections::HashMap::new();
        for _ in 0..20_000 {
            *counts.entry(text.word(&mut rng)).or_insert(0) += 1;
        }
        // Zipf: the most frequent word ("de") about ten times the tenth.
        let first = counts[text.words[0]];
        let tenth = counts.get(text.words[9]).copied().unwrap_or(0);
        assert!(first > 5 * tenth && tenth > 0, "{first} vs {tenth}");
    }
}
