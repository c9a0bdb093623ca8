//! Naming rules shared by the stages that walk folders (`load`, the theme loader in `render`,
//! `serve`'s watcher) and the checks that accept keys (`load`, `graph`).

/// Editor backups, swap files and hidden files: never content, never part of a theme.
pub fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with(".bak")
}

/// Keys are lowercase ASCII letters and digits in groups joined by single hyphens: `rug-2017`.
pub fn is_valid_key(key: &str) -> bool {
    !key.is_empty()
        && key.split('-').all(|group| {
            !group.is_empty()
                && group
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_lowercase_groups_joined_by_single_hyphens() {
        for ok in ["a", "rug-2017", "1-1", "x-y-z"] {
            assert!(is_valid_key(ok), "{ok}");
        }
        for bad in ["", "-a", "a-", "a--b", "A", "a_b", "a b", "é"] {
            assert!(!is_valid_key(bad), "{bad}");
        }
    }

    #[test]
    fn backups_and_hidden_files_are_ignored() {
        for name in [".git", "#a.md#", "a.md~", "a.swp", "a.bak"] {
            assert!(is_ignored_name(name), "{name}");
        }
        assert!(!is_ignored_name("a.md"));
    }
}
