//! Watching the project for changes: `content/` (which holds the config, `site.yaml`) and
//! `themes/`, debounced, so an editor's atomic save (write temp, rename over) or a burst of saves
//! becomes one rebuild of the final state. Editor temp and swap files never trigger one.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

use anyhow::{Context, Result};
use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, new_debouncer};

use super::state::{Outcome, ServeState};
use crate::i18n::Msg;

/// Long enough to merge an editor's write-then-rename into one change, short enough not to be felt.
const DEBOUNCE: Duration = Duration::from_millis(60);

/// Keeps the watcher alive; dropping it stops watching.
pub struct Watching {
    _debouncer: notify_debouncer_full::Debouncer<
        notify::RecommendedWatcher,
        notify_debouncer_full::RecommendedCache,
    >,
}

/// Starts watching and a thread that rebuilds on each batch of changes, calling `report` with
/// what every rebuild did.
pub fn start(
    state: Arc<ServeState>,
    report: impl Fn(&Outcome) + Send + 'static,
) -> Result<Watching> {
    let root = state.options().root.clone();
    let (sender, receiver) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer =
        new_debouncer(DEBOUNCE, None, sender).context(Msg::ServeNoWatcher.message())?;
    for folder in ["content", "themes"] {
        let path = root.join(folder);
        if path.is_dir() {
            debouncer
                .watch(&path, RecursiveMode::Recursive)
                .with_context(|| Msg::ServeCannotWatch.with("path", &path))?;
        }
    }
    std::thread::Builder::new()
        .name("kennisbank-rebuild".into())
        .spawn(move || {
            while let Ok(first) = receiver.recv() {
                let mut changed = BTreeSet::new();
                collect(&root, first, &mut changed);
                // Whatever arrived while the last rebuild ran belongs to this one.
                while let Ok(more) = receiver.try_recv() {
                    collect(&root, more, &mut changed);
                }
                if changed.is_empty() {
                    continue;
                }
                let changed: Vec<PathBuf> = changed.into_iter().collect();
                report(&state.rebuild(&changed));
            }
        })
        .context(Msg::ServeNoRebuilder.message())?;
    Ok(Watching {
        _debouncer: debouncer,
    })
}

fn collect(root: &Path, result: DebounceEventResult, changed: &mut BTreeSet<PathBuf>) {
    match result {
        Ok(events) => {
            for event in events {
                if matches!(event.kind, EventKind::Access(_)) {
                    continue;
                }
                for path in &event.paths {
                    if is_relevant(root, path) {
                        changed.insert(path.clone());
                    }
                }
            }
        }
        Err(errors) => {
            for error in errors {
                eprintln!("warning: watching for changes: {error}");
            }
        }
    }
}

/// False for editor temp, swap and backup files and anything in a hidden folder.
pub fn is_relevant(root: &Path, path: &Path) -> bool {
    let relative = path.strip_prefix(root).unwrap_or(path);
    !relative
        .components()
        .any(|c| crate::source::is_ignored_name(&c.as_os_str().to_string_lossy()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_temp_and_swap_files_are_not_changes() {
        let root = Path::new("/site");
        assert!(is_relevant(root, Path::new("/site/content/bronnen/a.md")));
        for ignored in [
            "/site/content/bronnen/.a.md.swp",
            "/site/content/bronnen/a.md~",
            "/site/content/bronnen/#a.md#",
            "/site/content/.git/index",
            "/site/themes/default/static/style.css.tmp",
        ] {
            assert!(!is_relevant(root, Path::new(ignored)), "{ignored}");
        }
    }
}
