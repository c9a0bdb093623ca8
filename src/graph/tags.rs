//! A finding as evidence, as `resolve` settled it: its kind, design and sectors (its own or its
//! source's defaults), and each link to an effect or value row with who made it (the Platform or
//! the editors) and how the finding bears on it. Pages, search and open data read these instead
//! of the raw front matter, so the defaults and the Platform/editors split are decided once.

use std::fmt;

use crate::model::{Direction, Effect, Evidence, Id, Provenance, ValueRow};

#[derive(Debug, Clone, PartialEq)]
pub struct FindingFacts {
    pub evidence: Evidence,
    /// The study design in words, if the finding or its source gives one.
    pub design: Option<String>,
    /// Sector keys (po, vo, mbo); the source's when the finding names none.
    pub sectors: Vec<String>,
    /// The Platform's links first (in the order of `effects`), then the editors'.
    pub effects: Vec<Tag<Effect>>,
    /// The same for value rows.
    pub rows: Vec<Tag<ValueRow>>,
}

impl FindingFacts {
    /// The link to effect `e`, if the finding has one.
    pub fn effect(&self, e: Id<Effect>) -> Option<&Tag<Effect>> {
        self.effects.iter().find(|t| t.to == e)
    }

    /// The link to row `r`, if the finding has one.
    pub fn row(&self, r: Id<ValueRow>) -> Option<&Tag<ValueRow>> {
        self.rows.iter().find(|t| t.to == r)
    }
}

/// One link of a finding to a record of type `T`.
pub struct Tag<T> {
    pub to: Id<T>,
    pub provenance: Provenance,
    /// For a row: the finding's one direction when it gives one for all its effects, else
    /// [`Direction::Supports`] (a direction per effect says nothing about rows).
    pub direction: Direction,
}

// By hand: derived impls would require `T` itself to be `Copy` and `Debug`.
impl<T> Clone for Tag<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Tag<T> {}

impl<T> PartialEq for Tag<T> {
    fn eq(&self, other: &Self) -> bool {
        (self.to, self.provenance, self.direction) == (other.to, other.provenance, other.direction)
    }
}

impl<T> fmt::Debug for Tag<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} {} {}",
            self.to,
            self.provenance.key(),
            self.direction.key()
        )
    }
}
