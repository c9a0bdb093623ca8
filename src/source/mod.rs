//! What every stage may know about the text editors wrote, without knowing how it was parsed: the
//! front-matter tree with its spans ([`tree`]), the shape a tree is expected to have ([`shape`]),
//! and the naming rules for content files and keys ([`names`]).
//!
//! `load` builds these (it alone knows YAML and serde); `model` keeps the tree beside each record
//! so that `graph` can point a caret at `findings[2].effects[0]`; `render` and `serve` use the
//! naming rules to skip editor backups. Nothing here depends on a stage.

pub mod names;
pub mod shape;
pub mod tree;

pub use names::{is_ignored_name, is_valid_key};
pub use shape::{Field, Shape};
pub use tree::{Entry, Node, ScalarStyle, Step};
