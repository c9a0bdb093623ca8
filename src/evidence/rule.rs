//! The strength rule, as stated for visitors on the page *Hoe lees je het bewijs*
//! (`content/paginas/hoe-lees-je-het-bewijs.md`); keep the two in step.
//!
//! A study is a source; several findings of one source are one study. Only empirical research and
//! reviews are studies. From the studies of an effect or row:
//! - none: *goed onderbouwd* when a theory finding supports it, else *onvoldoende bewijs*;
//! - one: *eerste aanwijzingen*;
//! - two or more: *goede aanwijzingen*;
//! - four or more, or three or more of which one a review: *sterke aanwijzingen*.
//!
//! Then one step down when a finding of research or theory is mixed, and one more when one
//! contradicts; one step down from *eerste aanwijzingen* is *goed onderbouwd* if a theory finding
//! supports, else *onvoldoende bewijs*. Practice and policy never change the label; the words name
//! them, and every mixed or contradicting finding, all the same.

use super::Counts;

/// The label, lowest first. Its number ([`Strength::level`]) is the visual cue's size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Strength {
    Insufficient,
    WellFounded,
    First,
    Good,
    Strong,
}

impl Strength {
    pub const ALL: [Strength; 5] = [
        Strength::Strong,
        Strength::Good,
        Strength::First,
        Strength::WellFounded,
        Strength::Insufficient,
    ];

    /// Dutch, as visitors read it.
    pub fn label(self) -> &'static str {
        match self {
            Strength::Insufficient => "onvoldoende bewijs",
            Strength::WellFounded => "goed onderbouwd",
            Strength::First => "eerste aanwijzingen",
            Strength::Good => "goede aanwijzingen",
            Strength::Strong => "sterke aanwijzingen",
        }
    }

    /// Stable key for open data, search facets and CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            Strength::Insufficient => "onvoldoende-bewijs",
            Strength::WellFounded => "goed-onderbouwd",
            Strength::First => "eerste-aanwijzingen",
            Strength::Good => "goede-aanwijzingen",
            Strength::Strong => "sterke-aanwijzingen",
        }
    }

    /// 0 (onvoldoende bewijs) to 4 (sterke aanwijzingen).
    pub fn level(self) -> u8 {
        self as u8
    }
}

/// A label and how the rule came to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Assessment {
    /// What the studies alone give.
    pub base: Strength,
    /// A mixed finding of research or theory took a step off.
    pub lowered_for_mixed: bool,
    /// A contradicting finding of research or theory took a step off.
    pub lowered_for_contradicting: bool,
    pub strength: Strength,
}

pub fn assess(counts: &Counts) -> Assessment {
    let theory = counts.supporting_theory > 0;
    let reviews = counts.kind(crate::model::Evidence::Review).sources;
    let base = match counts.studies {
        0 if theory => Strength::WellFounded,
        0 => Strength::Insufficient,
        1 => Strength::First,
        n if n >= 4 || (n >= 3 && reviews > 0) => Strength::Strong,
        _ => Strength::Good,
    };
    let lowered_for_mixed = counts.weighed_mixed > 0;
    let lowered_for_contradicting = counts.weighed_contradicting > 0;
    let mut strength = base;
    for _ in 0..(u8::from(lowered_for_mixed) + u8::from(lowered_for_contradicting)) {
        strength = step_down(strength, theory);
    }
    Assessment {
        base,
        lowered_for_mixed,
        lowered_for_contradicting,
        strength,
    }
}

/// One step down: "goed onderbouwd" says there is a theory, so the research ladder only lands on
/// it when one supports.
fn step_down(strength: Strength, theory: bool) -> Strength {
    match strength {
        Strength::Strong => Strength::Good,
        Strength::Good => Strength::First,
        Strength::First if theory => Strength::WellFounded,
        Strength::First | Strength::WellFounded | Strength::Insufficient => Strength::Insufficient,
    }
}
