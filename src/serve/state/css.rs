//! A lone stylesheet edit, swapped into the served site without a rebuild: the new file under its
//! new fingerprint, every text file pointed at it, and a `css` event for open pages.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;

use super::{ServeState, Snapshot};
use crate::render::assets::fingerprinted_path;
use crate::serve::events::{CssSwap, LiveEvent};

impl Snapshot {
    /// `style.css` → `style.1a2b3c4d.css`: the fingerprinted name each theme file was written under.
    pub(super) fn fingerprinted_names(&self) -> HashMap<String, String> {
        self.files
            .keys()
            .filter_map(|out| {
                let (stem_hash, ext) = out.rsplit_once('.')?;
                let (stem, hash) = stem_hash.rsplit_once('.')?;
                let is_hash = hash.len() == 8 && hash.bytes().all(|b| b.is_ascii_hexdigit());
                (is_hash && (ext == "css" || ext == "js"))
                    .then(|| (format!("{stem}.{ext}"), out.clone()))
            })
            .collect()
    }
}

impl ServeState {
    /// When every changed file is an existing stylesheet of the theme and the site is healthy,
    /// puts the new stylesheet in under its new fingerprint and points pages at it, without
    /// rendering anything. `None` means a full rebuild is needed.
    pub(super) fn try_css_swap(&self, changed: &[PathBuf]) -> Option<Vec<CssSwap>> {
        if changed.is_empty() || self.current_failure().is_some() {
            return None;
        }
        let old = self.snapshot();
        if old.build == 0 {
            return None;
        }
        let static_dir = self
            .options
            .root
            .join("themes")
            .join(&old.theme)
            .join("static");
        let fingerprinted = old.fingerprinted_names();
        let mut renames = Vec::new();
        for path in changed {
            let relative = css_under(&static_dir, path)?;
            let old_out = fingerprinted.get(&relative)?;
            // A file that vanished or cannot be read is a case for the full rebuild's diagnostics.
            let bytes = std::fs::read(path).ok()?;
            let new_out = fingerprinted_path(&relative, &bytes);
            if new_out != *old_out && !renames.iter().any(|(o, _, _)| o == old_out) {
                renames.push((old_out.clone(), new_out, bytes));
            }
        }
        let mut files = old.files.clone();
        let mut swaps = Vec::new();
        for (old_out, new_out, bytes) in renames {
            files.remove(&old_out);
            files.insert(new_out.clone(), Arc::from(bytes));
            swaps.push(CssSwap {
                old: format!("{}{old_out}", old.base_path),
                new: format!("{}{new_out}", old.base_path),
            });
        }
        if swaps.is_empty() {
            return Some(swaps);
        }
        // Pages link the stylesheet, and other generated text files (host headers, manifests) may
        // name it too: every text file gets the new name, as a full build would give it.
        for bytes in files.values_mut() {
            let Ok(text) = std::str::from_utf8(bytes) else {
                continue;
            };
            if swaps.iter().any(|s| text.contains(&s.old)) {
                let mut text = text.to_string();
                for swap in &swaps {
                    text = text.replace(&swap.old, &swap.new);
                }
                *bytes = Arc::from(text.into_bytes());
            }
        }
        let build = self.builds.fetch_add(1, Ordering::SeqCst) + 1;
        let snapshot = Snapshot {
            files,
            base_path: old.base_path.clone(),
            theme: old.theme.clone(),
            build,
            extras: old.extras.clone(),
        };
        *self.snapshot.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(snapshot);
        let _ = self.events.send(LiveEvent::Css {
            build,
            swaps: swaps.clone(),
        });
        Some(swaps)
    }
}

/// `themes/default/static/css/a.css` → `css/a.css`, for stylesheets of the static folder only.
fn css_under(static_dir: &Path, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(static_dir).ok()?;
    if path.extension().is_none_or(|e| e != "css") {
        return None;
    }
    Some(relative.to_string_lossy().replace('\\', "/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprinted_names_map_back_to_theme_paths() {
        let mut snapshot = Snapshot::default();
        for path in [
            "style.1a2b3c4d.css",
            "js/app.00ff00ff.js",
            "index.html",
            "a.b.txt",
        ] {
            snapshot.files.insert(path.into(), Arc::from(&b""[..]));
        }
        let names = snapshot.fingerprinted_names();
        assert_eq!(names.get("style.css").unwrap(), "style.1a2b3c4d.css");
        assert_eq!(names.get("js/app.js").unwrap(), "js/app.00ff00ff.js");
        assert_eq!(names.len(), 2);
    }

    #[test]
    fn only_stylesheets_of_the_static_folder_can_be_swapped_alone() {
        let dir = Path::new("/site/themes/default/static");
        assert_eq!(
            css_under(dir, Path::new("/site/themes/default/static/css/a.css")).as_deref(),
            Some("css/a.css")
        );
        assert!(css_under(dir, Path::new("/site/themes/default/static/app.js")).is_none());
        assert!(css_under(dir, Path::new("/site/themes/default/templates/a.css")).is_none());
    }
}
