//! [`GlyphText`]: the text of one glyph, kept inline.
//!
//! A page has thousands of glyphs, each one character (`中`) or a few (a
//! ligature `ffi`, a ToUnicode entry of a word). As `String`s they cost an
//! allocation each time a font decodes a code, and again each time the
//! layout copies a glyph; inline they are copied like numbers.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

/// Bytes of UTF-8 kept inline: any text of up to seven ideographs; longer
/// text (rare: a ToUnicode entry of a whole word) goes on the heap. The
/// type stays the size of a `String`.
const INLINE: usize = 22;

/// The text of a glyph: a `str`, kept inline up to 22 bytes of UTF-8.
#[derive(Clone)]
pub struct GlyphText(Repr);

#[derive(Clone)]
enum Repr {
    /// `bytes[..len]` is the UTF-8 of a `str` (only [`GlyphText::new`]
    /// writes it, copying a whole `str`).
    Inline {
        len: u8,
        bytes: [u8; INLINE],
    },
    Heap(Box<str>),
}

impl GlyphText {
    /// The text `text`.
    pub fn new(text: &str) -> GlyphText {
        let mut bytes = [0u8; INLINE];
        match bytes.get_mut(..text.len()) {
            Some(head) => {
                head.copy_from_slice(text.as_bytes());
                GlyphText(Repr::Inline {
                    len: text.len() as u8,
                    bytes,
                })
            }
            None => GlyphText(Repr::Heap(text.into())),
        }
    }

    /// One character.
    pub fn from_char(c: char) -> GlyphText {
        let mut buffer = [0u8; 4];
        GlyphText::new(c.encode_utf8(&mut buffer))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Inline { len, bytes } => {
                let utf8 = bytes.get(..usize::from(*len)).unwrap_or_default();
                // SAFETY: `new` is the only writer of an inline text, and it
                // copies the whole UTF-8 of a `str` into `bytes[..len]`.
                unsafe { std::str::from_utf8_unchecked(utf8) }
            }
            Repr::Heap(text) => text,
        }
    }
}

impl Default for GlyphText {
    fn default() -> GlyphText {
        GlyphText::new("")
    }
}

impl Deref for GlyphText {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for GlyphText {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for GlyphText {
    fn eq(&self, other: &GlyphText) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for GlyphText {}

impl PartialEq<str> for GlyphText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for GlyphText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Hash for GlyphText {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Debug for GlyphText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for GlyphText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&str> for GlyphText {
    fn from(text: &str) -> GlyphText {
        GlyphText::new(text)
    }
}

impl From<String> for GlyphText {
    fn from(text: String) -> GlyphText {
        GlyphText::new(&text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn inline_and_heap_texts_read_back() {
        for text in [
            "",
            "中",
            "ffi",
            "一二三四五六七",
            "一二三四五六七八",
            "a much longer text than fits",
        ] {
            let glyph = GlyphText::new(text);
            assert_eq!(glyph.as_str(), text);
            assert_eq!(glyph.clone(), glyph);
        }
        assert!(matches!(GlyphText::new("一二三四五六七").0, Repr::Inline { .. }));
        assert!(matches!(GlyphText::new("一二三四五六七八").0, Repr::Heap(_)));
        assert_eq!(std::mem::size_of::<GlyphText>(), std::mem::size_of::<String>());
    }

    proptest! {
        #[test]
        fn any_text_reads_back(text in "\\PC{0,12}") {
            let glyph = GlyphText::new(&text);
            prop_assert_eq!(glyph.as_str(), text.as_str());
            prop_assert_eq!(GlyphText::from(text.clone()), GlyphText::new(&text));
        }
    }
}
