//! kennisbank: a static-site generator for the knowledge base and effects overview of the
//! Platform Samen Opleiden & Professionaliseren.
//!
//! The pipeline runs one way, one module per stage:
//! [`load`] (files → typed records) → [`graph`] (records → checked knowledge graph) →
//! [`render`] (graph → HTML pages) → [`search`] (graph → static search index) →
//! [`publish`] (graph and file list → sitemap, feed, open data) → [`output`] (staging folder →
//! atomic swap). [`site`] is the one pipeline `build`, `serve` and `check` share; `serve` runs it
//! with caches on every change.
//!
//! Shared by every stage and owned by none: [`model`] (the records and the table of their kinds),
//! [`source`] (the front-matter tree and naming rules), [`config`], [`diagnostics`]; read from the
//! checked graph: [`evidence`] (the headline signals) and [`living`] (dates, change log, version),
//! the latter with the Git dates of [`history`].

// A diagnostic carries its file, span, label and hint; returning it by value on the (cold) error
// path is clearer than boxing, and it is never on a hot path.
#![allow(clippy::result_large_err)]

pub mod config;
pub mod diagnostics;
pub mod digest;
pub mod evidence;
pub mod graph;
pub mod history;
pub mod i18n;
pub mod linkcheck;
pub mod living;
pub mod load;
pub mod markdown;
pub mod model;
pub mod output;
pub mod publish;
pub mod render;
pub mod search;
pub mod serve;
pub mod site;
pub mod source;
#[cfg(test)]
mod testing;
pub mod timings;
