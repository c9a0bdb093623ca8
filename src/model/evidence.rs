//! The fixed vocabulary of evidence: what kind of evidence a finding is, how it bears on an effect,
//! and who made a link. Keys are what editors write; site.yaml gives the kinds their Dutch labels
//! and definitions, but not their keys: the strength rule (`crate::evidence`) weighs exactly these.

/// What kind of evidence a finding is (`evidence:` in front matter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Evidence {
    /// Measured or systematically observed.
    Empirical,
    /// A synthesis of several studies.
    Review,
    /// An argument or model, without a measurement of its own.
    Theory,
    /// Experience from schools and teacher education, not studied systematically.
    Practice,
    /// A position, agreement or advice of government, sector or advisory body.
    Policy,
}

impl Evidence {
    /// Every kind, in the order of the legend.
    pub const ALL: [Evidence; 5] = [
        Evidence::Empirical,
        Evidence::Review,
        Evidence::Theory,
        Evidence::Practice,
        Evidence::Policy,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Evidence::Empirical => "empirisch",
            Evidence::Review => "review",
            Evidence::Theory => "theorie",
            Evidence::Practice => "praktijk",
            Evidence::Policy => "beleid",
        }
    }

    pub fn from_key(key: &str) -> Option<Evidence> {
        Evidence::ALL.into_iter().find(|k| k.key() == key)
    }

    /// Research in the sense of the rule: it can raise the strength of an effect.
    pub fn is_research(self) -> bool {
        matches!(self, Evidence::Empirical | Evidence::Review)
    }

    /// Position in [`Evidence::ALL`], for per-kind tables.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// How a finding bears on an effect (`direction:`); a finding supports when it says nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Direction {
    #[default]
    Supports,
    /// Outcomes that differ, or an advantage that fades.
    Mixed,
    /// The finding speaks against the effect.
    Contradicts,
}

impl Direction {
    pub const ALL: [Direction; 3] = [
        Direction::Supports,
        Direction::Mixed,
        Direction::Contradicts,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Direction::Supports => "ondersteunt",
            Direction::Mixed => "gemengd",
            Direction::Contradicts => "tegenstrijdig",
        }
    }

    pub fn from_key(key: &str) -> Option<Direction> {
        Direction::ALL.into_iter().find(|d| d.key() == key)
    }
}

/// Who links a finding to an effect or row: the Platform's own overview and table, or the editors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Provenance {
    /// `effects`/`rows`: the overview *Effecten van Samen Opleiden* or the table *Waarde en
    /// randvoorwaarden* makes the link.
    Platform,
    /// `added_effects`/`added_rows`: the editors of the knowledge base added it.
    Editors,
}

impl Provenance {
    /// The key in the open data.
    pub fn key(self) -> &'static str {
        match self {
            Provenance::Platform => "platform",
            Provenance::Editors => "redactie",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for kind in Evidence::ALL {
            assert_eq!(Evidence::from_key(kind.key()), Some(kind));
            assert_eq!(Evidence::ALL[kind.index()], kind);
        }
        for direction in Direction::ALL {
            assert_eq!(Direction::from_key(direction.key()), Some(direction));
        }
        assert_eq!(Evidence::from_key("Empirisch"), None);
    }
}
