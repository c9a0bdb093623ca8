//! The integration tests: one binary (as ripgrep's `tests/tests.rs` and mdBook's
//! `tests/testsuite/main.rs`), so the crate links once and unused helpers are reported.
//! Each module is named after what it covers; `cargo test --test suite serve::` runs one.

mod util;

mod build;
mod diagnostics;
mod evidence_pages;
mod fuzz_front_matter;
mod generate;
mod history;
mod incremental;
mod linkcheck;
mod living;
mod paraphrase;
mod publish;
mod reports;
mod search;
mod serve;
mod serve_edits;
mod shipped_content;
mod site_pages;
