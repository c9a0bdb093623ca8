//! Short content hashes for names and versions: asset fingerprints, the search index's file names
//! and the dataset's version all cut a SHA-256 the same way, so they read alike and are made once.

use sha2::{Digest, Sha256};

/// The first `bytes` bytes of the SHA-256 that `feed` writes into, as lowercase hex (2 × `bytes`
/// digits).
pub fn short_sha256(bytes: usize, feed: impl FnOnce(&mut Sha256)) -> String {
    let mut hasher = Sha256::new();
    feed(&mut hasher);
    hasher.finalize()[..bytes]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The SHA-256 of a value's JSON text: equal values, equal digests (`serve` keeps the digest of
/// each page's template context instead of the context, to tell whether the page changed).
pub fn json_sha256(value: &impl serde::Serialize) -> [u8; 32] {
    struct Feed(Sha256);
    impl std::io::Write for Feed {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.update(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut feed = Feed(Sha256::new());
    serde_json::to_writer(&mut feed, value).expect("a JSON value serialises");
    feed.0.finalize().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_the_digest_to_the_asked_length_in_hex() {
        // SHA-256("abc") = ba7816bf 8f01cfea …
        assert_eq!(short_sha256(4, |h| h.update(b"abc")), "ba7816bf");
        assert_eq!(short_sha256(6, |h| h.update(b"abc")), "ba7816bf8f01");
    }
}
