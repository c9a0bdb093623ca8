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
