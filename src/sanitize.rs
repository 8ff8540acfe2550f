//! Text from a knowledge file, cleaned of anything a terminal would act on.
//!
//! Knowledge files are shared between people, so their text is untrusted: a stray escape
//! sequence could recolour the terminal, move the cursor or rewrite the clipboard. Every string
//! read from a knowledge file passes through here once, at load time, so no output path (the
//! explorer, `show`, `search`, `export`) can forget to clean it.

/// Cleans a single-line field (title, term, id): line breaks and tabs become spaces, other
/// control and direction-override characters are dropped.
pub fn clean_line(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if is_unsafe(c) => None,
            c => Some(c),
        })
        .collect()
}

/// Cleans multi-line text (a body or a definition): keeps line breaks, turns tabs into
/// spaces and drops every other control or direction-override character.
pub fn clean_text(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            c if is_unsafe(c) => None,
            c => Some(c),
        })
        .collect()
}

/// [`clean_line`] for a string the caller owns: text with nothing to clean (nearly all of it)
/// is kept rather than copied, only trimmed of the spare capacity parsing left.
pub fn clean_line_owned(text: String) -> String {
    keep_if_plain(text, false, clean_line)
}

/// [`clean_text`] for a string the caller owns, kept as it is when there is nothing to clean.
pub fn clean_text_owned(text: String) -> String {
    keep_if_plain(text, true, clean_text)
}

/// Whether cleaning leaves `text` (with its line breaks) exactly as it is: printable ASCII.
pub fn is_plain_text(text: &str) -> bool {
    is_plain(text, true)
}

/// Without a branch per byte, so the compiler checks many bytes at once: nearly all text is
/// plain, and a 100,000-topic file holds about 90 MB of it.
#[expect(
    clippy::needless_bitwise_bool,
    reason = "the eager operators are what keeps the loop free of branches"
)]
fn is_plain(text: &str, newlines: bool) -> bool {
    text.as_bytes().chunks(64).all(|chunk| {
        chunk.iter().fold(true, |plain, &b| {
            plain & ((b' '..=b'~').contains(&b) | (newlines & (b == b'\n')))
        })
    })
}

/// `text` itself when it is printable ASCII (and line breaks, if `newlines`), else `clean(text)`.
fn keep_if_plain(mut text: String, newlines: bool, clean: fn(&str) -> String) -> String {
    if is_plain(&text, newlines) {
        text.shrink_to_fit();
        text
    } else {
        clean(&text)
    }
}

/// C0 and C1 controls (which include ESC and the 8-bit CSI), DEL, the Unicode bidirectional
/// overrides and isolates that can make text display in a different order from the one it is
/// stored in, and invisible format characters (zero-width spaces and joiners, the byte-order
/// mark, variation selectors, tag characters): terminals disagree about their width, so
/// keeping them would shift the columns after them.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
        || matches!(
            c,
            '\u{00AD}' | '\u{180E}' | '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}'
                | '\u{FEFF}' | '\u{FE00}'..='\u{FE0F}' | '\u{E0000}'..='\u{E007F}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_escape_sequences_and_c1_controls() {
        let hostile = "Liver\u{1b}[31m red\u{1b}]52;c;aGk=\u{7}\u{9b}2J done\u{7f}";
        assert_eq!(clean_line(hostile), "Liver[31m red]52;c;aGk=2J done");
    }

    #[test]
    fn drops_invisible_format_characters_but_keeps_combining_marks() {
        assert_eq!(clean_line("a\u{200B}b\u{FEFF}c\u{200D}d\u{FE0F}"), "abcd");
        assert_eq!(clean_line("cafe\u{301} 肝 🧬"), "cafe\u{301} 肝 🧬");
    }

    #[test]
    fn owned_versions_clean_the_same_way() {
        for sample in [
            "plain text",
            "a\nb\tc\r",
            "x\u{1b}[2Jy\u{202E}z",
            "naïve café",
        ] {
            assert_eq!(clean_line_owned(sample.to_owned()), clean_line(sample));
            assert_eq!(clean_text_owned(sample.to_owned()), clean_text(sample));
        }
    }

    /// The plain check reads long text in blocks: one unsafe character anywhere, on a
    /// block's edge or in a short tail, is still found.
    #[test]
    fn one_unsafe_character_anywhere_is_seen() {
        let plain = "word ".repeat(40);
        assert!(is_plain_text(&plain));
        for at in 0..plain.len() {
            for odd in ['\u{1b}', '\t', '\u{7f}', 'é'] {
                let mut text = plain.clone();
                text.replace_range(at..=at, &odd.to_string());
                assert!(!is_plain_text(&text), "{odd:?} at {at}");
                assert_eq!(clean_text_owned(text.clone()), clean_text(&text));
            }
        }
        assert!(is_plain_text(&"line\n".repeat(30)));
        assert!(!is_plain(&"line\n".repeat(30), false));
    }

    #[test]
    fn keeps_line_breaks_only_in_text() {
        assert_eq!(clean_text("a\nb\tc\r"), "a\nb c");
        assert_eq!(clean_line("a\nb\tc"), "a b c");
    }

    #[test]
    fn drops_bidi_overrides_but_keeps_other_scripts() {
        assert_eq!(clean_line("abc\u{202E}fed\u{2066}"), "abcfed");
        assert_eq!(clean_line("肝硬変 é ✓"), "肝硬変 é ✓");
    }
}
