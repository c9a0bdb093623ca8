//! `content/signalen.yaml`: the dated history of every headline signal (see `crate::living::ledger`).
//! Optional; read and typed like the thesaurus, each problem at its place.

use std::path::{Path, PathBuf};

use super::{display, front_matter, parse};
use crate::diagnostics::{Diagnostics, SourceFile};
use crate::model::{LedgerData, schema};
use crate::source::Node;

/// The name of the ledger inside the content folder.
pub const LEDGER_FILE: &str = "signalen.yaml";

/// The ledger as written, with its file and tree for placing problems.
#[derive(Debug, Clone)]
pub struct LedgerSource {
    pub data: LedgerData,
    pub file: SourceFile,
    pub tree: Node,
}

/// The ledger (`None` when there is no file or it could not be typed), with every problem.
pub fn read_ledger(root: &Path, content_dir: &Path) -> (Option<LedgerSource>, Diagnostics) {
    let path = content_dir.join(LEDGER_FILE);
    let mut diagnostics = Diagnostics::new();
    let Ok(bytes) = std::fs::read(&path) else {
        return (None, diagnostics);
    };
    let shown = PathBuf::from(display(root, &path));
    let text = match front_matter::decode(&shown, bytes) {
        Ok(text) => text,
        Err(d) => {
            diagnostics.push(d);
            return (None, diagnostics);
        }
    };
    let file = SourceFile::new(shown, text);
    let typed =
        parse::typed_yaml::<LedgerData>(&file, &file.text, 0, &schema::LEDGER, &mut diagnostics);
    let ledger = typed.map(|(data, tree)| LedgerSource { data, file, tree });
    (ledger, diagnostics)
}

/// The ledger file's text: a comment for editors, then the snapshots.
pub fn ledger_yaml(data: &LedgerData) -> anyhow::Result<String> {
    Ok(format!(
        "# Het bewijs per effect en waarde door de tijd, bijgehouden door `kennisbank signals`.\n\
         # Niet met de hand bewerken; zie content/README.md.\n{}",
        serde_yaml::to_string(data)?
    ))
}
