//! Dates as editors write them: `2018`, `2018-01` or `2018-01-15`. A partial date stays partial:
//! it is never padded into a day nobody knows, except where a format demands a full timestamp.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A year, a month of a year, or a day. Orders as its text does: `2018` < `2018-01` < `2018-01-15`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

impl PartialDate {
    /// `JJJJ`, `JJJJ-MM` or `JJJJ-MM-DD`, with a real month and a day that month has.
    pub fn parse(text: &str) -> Option<PartialDate> {
        fn digits(part: &str, len: usize) -> Option<u16> {
            (part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse().ok())
                .flatten()
        }
        let mut parts = text.split('-');
        let year = digits(parts.next()?, 4)?;
        let month = match parts.next() {
            Some(m) => Some(digits(m, 2)?),
            None => None,
        };
        let day = match parts.next() {
            Some(d) => Some(digits(d, 2)?),
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        let month = match month {
            Some(m @ 1..=12) => Some(m as u8),
            Some(_) => return None,
            None => None,
        };
        let day = match (month, day) {
            (Some(m), Some(d)) => {
                let month = time::Month::try_from(m).ok()?;
                time::Date::from_calendar_date(i32::from(year), month, d as u8).ok()?;
                Some(d as u8)
            }
            (_, None) => None,
            (None, Some(_)) => return None,
        };
        Some(PartialDate { year, month, day })
    }

    pub fn year(self) -> u16 {
        self.year
    }

    /// A calendar day, as the history gives it.
    pub fn from_day(date: time::Date) -> PartialDate {
        PartialDate {
            // Commit dates are years 1970 to 9999: four digits, as editors write them.
            year: date.year().clamp(0, 9999) as u16,
            month: Some(u8::from(date.month())),
            day: Some(date.day()),
        }
    }

    /// Whether this is a whole day (`2026-03-03`), not a month or a year.
    pub fn is_day(self) -> bool {
        self.day.is_some()
    }

    /// `15 januari 2018`, `januari 2018` or `2018`.
    pub fn dutch(self) -> String {
        let month = |m: u8| MONTHS[usize::from(m) - 1];
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {:04}", month(m), self.year),
            (Some(m), None) => format!("{} {:04}", month(m), self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// An RFC 3339 timestamp, which Atom requires. A partial date becomes its first day: the feed
    /// needs a day, and the page itself keeps the precision.
    pub fn rfc3339(self) -> String {
        format!(
            "{:04}-{:02}-{:02}T00:00:00Z",
            self.year,
            self.month.unwrap_or(1),
            self.day.unwrap_or(1)
        )
    }
}

/// The date as editors write it: `2018-01`.
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // YAML reads `2018` as a number; accept it as the year.
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Number(i64),
            Text(String),
        }
        let text = match Raw::deserialize(deserializer)? {
            Raw::Number(n) => n.to_string(),
            Raw::Text(s) => s,
        };
        PartialDate::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not a date")))
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::PartialDate;

    #[test]
    fn dates_of_every_precision() {
        for ok in ["2018", "2018-01", "2018-01-15", "2024-02-29"] {
            let date = PartialDate::parse(ok).unwrap_or_else(|| panic!("{ok}"));
            assert_eq!(date.to_string(), ok);
        }
        for bad in [
            "18",
            "2018-1",
            "2018-13",
            "2023-02-29",
            "januari 2018",
            "2018-01-15T00",
            "2018-01-15-01",
            "+018",
        ] {
            assert!(PartialDate::parse(bad).is_none(), "{bad}");
        }
    }

    /// In Dutch a date keeps its precision; as a timestamp a partial date becomes its first day.
    #[test]
    fn dutch_text_and_timestamp_of_each_precision() {
        for (text, dutch, rfc3339) in [
            ("2018", "2018", "2018-01-01T00:00:00Z"),
            ("2018-01", "januari 2018", "2018-01-01T00:00:00Z"),
            ("2018-03", "maart 2018", "2018-03-01T00:00:00Z"),
            ("2018-03-15", "15 maart 2018", "2018-03-15T00:00:00Z"),
            ("2025-06-05", "5 juni 2025", "2025-06-05T00:00:00Z"),
        ] {
            let date = PartialDate::parse(text).unwrap();
            assert_eq!(date.dutch(), dutch, "{text}");
            assert_eq!(date.rfc3339(), rfc3339, "{text}");
        }
    }

    #[test]
    fn orders_as_its_text() {
        let mut texts = ["2018-01-15", "2018", "2019", "2018-01", "2017-12-31"];
        let mut dates: Vec<_> = texts
            .iter()
            .map(|t| PartialDate::parse(t).unwrap())
            .collect();
        texts.sort();
        dates.sort();
        let shown: Vec<String> = dates.iter().map(ToString::to_string).collect();
        assert_eq!(shown, texts);
    }
}
