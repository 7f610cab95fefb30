//! Words and punctuation, as byte spans, for the stages that read phrases.
//!
//! French-aware in the few ways the later stages need: elided articles and pronouns are their
//! own token (`l’` `islam`, `qu’` `il`), hyphenated words stay whole (`Jean-Marc`, `a-t-il`),
//! and a period between letters or digits stays inside the word (`layoffs.fyi`, `1.900`).

use std::cell::OnceCell;
use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use crate::cue::Slot;
use crate::lexicon::{
    Class, Gender, Grammar, WordEntry, WordHasher, grammar, is_combining_accent, is_invisible,
    is_normal_char, normalize_into,
};
use crate::pool;
use crate::scan::{Stops, is_alphanumeric, is_line_break, is_space};
use crate::span::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters, digits, and the joiners inside them.
    Word,
    /// One punctuation or symbol character (quotation marks included).
    Punct,
    /// A line break (one token for a run of them).
    Break,
}

/// One token.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    /// Its bytes in the text, `start..end` (see [`Token::span`]): `u32`s, as texts are
    /// shorter than 4 GiB (see [`Tokens::new`]), so that a token is fewer bytes to write.
    start: u32,
    end: u32,
    pub kind: Kind,
    /// The token's first character: punctuation is compared by it, with no look at the text.
    pub first: char,
    /// A word with a period inside (`layoffs.fyi`, `1.900`).
    pub dotted: bool,
    /// A word with a joiner inside or at its end (`a-t-il`, `aujourd’hui`, `l’`, `1.900`,
    /// `2,5`): the cue finder, whose words are finer, splits it there.
    pub joined: bool,
    /// A word that is its own normal form ([`crate::lexicon::is_normal`]), seen while tokenizing.
    pub normal: bool,
    /// What its probe found: in the token's record, so that a token is one write.
    facts: Facts,
}

/// Elided words that end with an apostrophe (`l’`, `qu’`): split there, unlike `aujourd’hui`.
pub(crate) const ELIDED: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
];

/// The normal forms of [`ELIDED`], each with its apostrophe, back to back: every text's arena
/// of normal forms starts with them, so that an elided word written otherwise (`L’`) finds
/// its normal form there instead of writing it.
const ELIDED_NORMS: &str = "l'd'j'm'n's't'c'qu'jusqu'lorsqu'puisqu'quoiqu'presqu'";

/// The [`ELIDED`] words, each as its bytes read little-endian (the first lowest).
const ELIDED_KEYS: [u64; ELIDED.len()] = {
    let mut keys = [0; ELIDED.len()];
    let mut k = 0;
    while k < ELIDED.len() {
        let word = ELIDED[k].as_bytes();
        // With its apostrophe, an elided word is read as one eight-byte key (`push_elided_word`).
        assert!(word.len() < 8, "an elided word and its apostrophe must fit in eight bytes");
        let mut b = 0;
        while b < word.len() {
            keys[k] |= (word[b] as u64) << (8 * b);
            b += 1;
        }
        k += 1;
    }
    keys
};

/// A multiplier that sends the [`ELIDED_KEYS`] to different slots of [`ELIDED_TABLE`]
/// (by the top four bits of the product), found by trying (checked at compile time).
const ELIDED_HASH: u64 = 0xeb50_6a40_dccb_a883;

/// The slot of [`ELIDED_TABLE`] where the key `lower` would be.
const fn elided_slot(lower: u64) -> usize {
    (lower.wrapping_mul(ELIDED_HASH) >> 60) as usize
}

/// Each [`ELIDED`] word's key and where in [`ELIDED_NORMS`] its normal form starts, in its
/// slot: one look-up, with no branch on which word (a zero key marks a free slot; no word's
/// key is zero).
const ELIDED_TABLE: [(u64, usize); 16] = {
    let mut table = [(0, 0); 16];
    let mut start = 0;
    let mut k = 0;
    while k < ELIDED.len() {
        let slot = elided_slot(ELIDED_KEYS[k]);
        assert!(table[slot].0 == 0, "two elided words in one slot: change ELIDED_HASH");
        table[slot] = (ELIDED_KEYS[k], start);
        start += ELIDED[k].len() + 1;
        k += 1;
    }
    table
};

/// Where in [`ELIDED_NORMS`] the normal form of the word whose lowercase ASCII letters are
/// `lower` (little-endian, zero-padded) starts, if it is an elided one.
#[inline]
fn elided_norm_at(lower: u64) -> Option<usize> {
    let (key, start) = ELIDED_TABLE[elided_slot(lower)];
    (key == lower).then_some(start)
}

pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘')
}

pub(crate) fn is_word_char(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        // Latin-1 punctuation (`«`, `»`, no-break space) and general punctuation (`’`, `—`,
        // `…`): common around words, and their few letters, digits and invisible characters are
        // listed (checked against the tables by a test).
        '\u{80}'..='\u{bf}' => is_word_char_below_c0(c as u8),
        '\u{2000}'..='\u{206f}' => matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}'),
        // (French accented letters without the Unicode tables: see `is_alphanumeric`.)
        _ => is_alphanumeric(c) || is_combining(c),
    }
}

/// Whether U+0080 to U+00BF, `c` as a byte, is a word character: its few letters, digits
/// and its invisible character.
const fn is_word_char_below_c0(c: u8) -> bool {
    matches!(c as char, 'ª' | 'µ' | 'º' | '²' | '³' | '¹' | '¼'..='¾' | '\u{ad}')
}

/// Combining marks (NFD accents) and invisible characters belong to the word they sit in, but
/// U+FEFF, which stands between words as a space (see [`is_space`]).
fn is_combining(c: char) -> bool {
    is_combining_accent(c) || is_invisible(c) && c != '\u{feff}'
}

/// The first index from `i` on where `bytes` has no ASCII letter or digit.
pub(crate) fn skip_ascii_alnum(bytes: &[u8], i: usize) -> usize {
    skip_ascii_alnum_noting_capitals(bytes, i).0
}

/// [`skip_ascii_alnum`], and whether the letters skipped hold a capital.
fn skip_ascii_alnum_noting_capitals(bytes: &[u8], mut i: usize) -> (usize, bool) {
    let mut capital = false;
    // Eight bytes at a time: a word is mostly one step, not a loop whose exit the branch
    // predictor misses at every word end.
    while let Some(chunk) = bytes.get(i..i + 8) {
        let (n, capitals) =
            ascii_alnum_prefix(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
        i += n;
        capital |= capitals != 0;
        if n < 8 {
            return (i, capital);
        }
    }
    while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
        capital |= bytes[i].is_ascii_uppercase();
        i += 1;
    }
    (i, capital)
}

/// Eight bytes of one: `ONES * b` holds the byte `b` eight times.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of each of eight bytes.
pub(crate) const HIGH: u64 = ONES * 0x80;

/// In its high bits ([`HIGH`]; the others are noise, for the caller's own mask to clear), the
/// bytes of `b` (all below 0x80) that lie in `lo..=hi`: adding at most 0x80 to such a byte
/// cannot carry into the next, so the high bit of `b + (0x80 - lo)` is set iff the byte is at
/// least `lo`, that of `b + (0x7f - hi)` iff it is above `hi`.
#[inline(always)]
pub(crate) fn bytes_in_range(b: u64, lo: u8, hi: u8) -> u64 {
    (b + ONES * u64::from(0x80 - lo)) & !(b + ONES * u64::from(0x7f - hi))
}

/// In their high bits ([`HIGH`]), the bytes of `chunk` that are ASCII letters or digits;
/// and the letters among them, in bits that are noise outside the ASCII bytes (for the
/// caller's own mask to clear).
#[inline(always)]
pub(crate) fn ascii_alnum_bytes(chunk: u64) -> (u64, u64) {
    let low7 = chunk & !HIGH;
    let digit = bytes_in_range(low7, b'0', b'9');
    // `| 0x20` folds capitals onto lowercase letters (and nothing else onto them).
    let letter = bytes_in_range(low7 | (ONES * 0x20), b'a', b'z');
    // Bytes with the high bit set (non-ASCII) are neither.
    ((digit | letter) & !chunk & HIGH, letter)
}

/// How many of the eight bytes of `chunk` (little-endian: the first byte lowest) are ASCII
/// letters or digits before the first that is not, and the capitals among those: the high
/// bit of each of their bytes.
#[inline(always)]
fn ascii_alnum_prefix(chunk: u64) -> (usize, u64) {
    let (alnum, letter) = ascii_alnum_bytes(chunk);
    let stops = !alnum & HIGH;
    let n = stops.trailing_zeros() as usize / 8;
    // Every bit below the first stop's high bit: the first `n` bytes (all when none stops).
    let before = stops.wrapping_sub(1) & !stops;
    // A letter is a capital when its 0x20 bit is clear: that bit, shifted up to the high bit.
    let capitals = letter & !(chunk << 2) & before & HIGH;
    (n, capitals)
}

/// What [`latin1_word_prefix`] finds in eight bytes.
struct Prefix {
    /// How many bytes are the word's (8: all).
    len: usize,
    /// The high bit of each capital's byte (a Latin-1 capital's second).
    capitals: u64,
    /// When `len` is below 8, the bits of the word's bytes: a mask that cuts the word out,
    /// with no shift by its length.
    kept: u64,
}

/// The character at byte `i` of `text` (which must be a char boundary), if any.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text[i..].chars().next(),
        None => None,
    }
}

/// Split `text` into tokens. Linear time; spaces are not tokens.
#[cfg(test)]
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    std::mem::take(&mut Tokens::new(text).toks)
}

/// The tokens of `text`, each word with its facts looked up as soon as it is read (one pass:
/// the word is still at hand), noting the bytes the marks' pairing and the sentence splitter
/// stop at ([`Tokens::stops`]), and whether the cue finder must read the text itself: it
/// holds a U+FEFF, no token here but a letter of a word there, or a word that is its own normal
/// form but not its own lowercase (see [`lowercase_differs`]).
fn tokenize_noting_cue_oddities(text: &str) -> Tokens<'_> {
    let mut out = Building::new(text);
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b' ' {
            i += 1;
            continue;
        }
        // Most words are short, of ASCII and Latin-1 letters (`dit`, `déclaré`, `État`): one
        // or two eight-byte steps read them whole, with the byte after, and hold them as the
        // probe's key; their letters' two bytes counted in, with no branch on them.
        // One test of a table, not of ranges (digits, letters, C3).
        if WORD_LEAD[usize::from(b)] {
            if let Some(w) = short_word_at(bytes, i) {
                let end = i + w.len;
                // Most words end at a space or at punctuation that joins nothing: tests of
                // the two bytes after, with no branch on which (see `ends_short_word`).
                let after = bytes.get(end + 1).copied().unwrap_or_default();
                if ends_short_word(w.stop, after) || ends_plain_word(bytes, end) {
                    out.push_short_word(i, &w);
                    // The space after a word, read with it.
                    i = end + usize::from(w.stop == b' ');
                    continue;
                }
                if let Some(end) = out.push_elided_word(i, &w) {
                    // Its apostrophe (`'`, or `’`'s first byte) is a stop.
                    out.tokens.stops.note(i + w.len, bytes[i + w.len]);
                    i = end;
                    continue;
                }
            }
            // Most other words are plain words (see `plain_word`): read them here, by the
            // byte.
            if let Some(end) = out.push_plain_word(i) {
                i = end;
                continue;
            }
        }
        // ASCII punctuation is one token, with no more to ask.
        if b.is_ascii_punctuation() {
            out.tokens.stops.note(i, b);
            out.push_other(Span::new(i, i + 1), Kind::Punct, char::from(b));
            // The space after it (`, `, `. `), read with it.
            i += 1 + usize::from(bytes.get(i + 1) == Some(&b' '));
            continue;
        }
        // So is Latin-1's (`«`, `»`), and its no-break space is a space.
        if b == 0xc2 {
            if let Some(end) = out.push_latin1_punct(i) {
                out.tokens.stops.note(i, b);
                i = end;
                continue;
            }
        }
        // Anything else goes the general way, and its bytes are looked at for stops. (The
        // fast paths above read letters, digits, hyphens and spaces, which are none.)
        let end = out.push_any(i);
        out.tokens.stops.note_all(i, &bytes[i..end]);
        i = end;
    }
    out.finish()
}

/// Whether a byte may start a plain word (see [`plain_word`]): an ASCII letter or digit, or
/// C3 (a Latin-1 letter's first byte, or `×`'s or `÷`'s), by the byte.
static WORD_LEAD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b == 0xc3;
        b += 1;
    }
    table
};

/// [`STOP_ENDS`] bit: the byte ends a word whatever comes after it.
const ENDS_ALWAYS: u8 = 1;
/// [`STOP_ENDS`] bit: the byte (`.`, `,`) ends a word before an ASCII byte that is no
/// letter or digit (or the text's end); [`AFTER_ENDS`] bit: the byte is one such.
const ENDS_BEFORE_ASCII_NON_ALNUM: u8 = 2;
/// [`STOP_ENDS`] bit: the byte (C2) ends a word before a second byte that makes no word
/// character (`«`, `»`, no-break space); [`AFTER_ENDS`] bit: the byte is one such.
const ENDS_BEFORE_LATIN1_NON_WORD: u8 = 4;

/// For the byte after a short word, the [`ENDS_ALWAYS`], [`ENDS_BEFORE_ASCII_NON_ALNUM`] and
/// [`ENDS_BEFORE_LATIN1_NON_WORD`] bits: how the word may end there (see
/// [`ends_short_word`]).
static STOP_ENDS: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 0x80 {
        table[b] = match b as u8 {
            b'.' | b',' => ENDS_BEFORE_ASCII_NON_ALNUM,
            b'-' | b'\'' => 0,
            _ => ENDS_ALWAYS,
        };
        b += 1;
    }
    table[0xc2] = ENDS_BEFORE_LATIN1_NON_WORD;
    table
};

/// For the byte after that, [`ENDS_ALWAYS`] and which of [`ENDS_BEFORE_ASCII_NON_ALNUM`] and
/// [`ENDS_BEFORE_LATIN1_NON_WORD`] it is: [`STOP_ENDS`] of the first byte and this, anded, is
/// not zero when the word ends.
static AFTER_ENDS: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        let ascii_non_alnum = byte.is_ascii() && !byte.is_ascii_alphanumeric();
        // C2 and this second byte: U+0080 to U+00BF.
        let latin1_non_word = matches!(byte, 0x80..=0xbf) && !is_word_char_below_c0(byte);
        table[b] = ENDS_ALWAYS
            | if ascii_non_alnum { ENDS_BEFORE_ASCII_NON_ALNUM } else { 0 }
            | if latin1_non_word { ENDS_BEFORE_LATIN1_NON_WORD } else { 0 };
        b += 1;
    }
    table
};

/// Whether a short word (see [`short_word_at`]) whose next two bytes are `stop` and `after`
/// (zero past the text's end) ends at `stop`, most cases of [`ends_plain_word`]: at a space,
/// ASCII punctuation but the joiners, `.` or `,` before a space or punctuation, or Latin-1
/// punctuation and spaces (`»`, no-break space). Two table look-ups, no branch. `false`
/// where [`ends_plain_word`] must be asked.
#[inline(always)]
fn ends_short_word(stop: u8, after: u8) -> bool {
    STOP_ENDS[usize::from(stop)] & AFTER_ENDS[usize::from(after)] != 0
}

/// A word as [`plain_word`] reads it.
struct PlainWord {
    end: usize,
    /// Whether it is its own normal form.
    normal: bool,
    /// Whether it holds a hyphen (`a-t-il`, `Jean-Marc`).
    joined: bool,
}

/// The word at byte `i` of `bytes` (a `str`'s), when it is a plain word: ASCII letters and
/// digits and Latin-1 letters (`é`, `À`), hyphens between them (`a-t-il`, `États-Unis`),
/// ended by the text's end or by a character that neither continues it nor joins it to the
/// next (a space; `.` or `,` before no word character). `None` for any other (no word at `i`,
/// or one [`scan_word`] must read): [`scan_word`] would read the same from a plain word.
/// Byte `i` must be an ASCII letter or digit or a C3 byte (a Latin-1 letter's, or `×`).
#[inline]
fn plain_word(bytes: &[u8], i: usize) -> Option<PlainWord> {
    let mut end = i;
    let mut normal = true;
    let mut joined = false;
    // Whether a Latin-1 letter starts at `at`: C3 and a continuation byte, but × (C3 97)
    // and ÷ (C3 B7).
    let latin1_letter_at = |at: usize| {
        bytes.get(at) == Some(&0xc3) && bytes.get(at + 1).is_some_and(|&b| b & 0xdf != 0x97)
    };
    loop {
        let (after_ascii, capital) = skip_ascii_alnum_noting_capitals(bytes, end);
        end = after_ascii;
        normal &= !capital;
        match bytes.get(end) {
            None => break,
            // The capitals are U+00C0–U+00DE.
            Some(0xc3) => {
                if !latin1_letter_at(end) {
                    break;
                }
                normal &= bytes[end + 1] > 0x9e;
                end += 2;
            }
            // A hyphen joins the letters around it (none is before it: the word's first
            // character is a letter or a digit).
            Some(b'-') => {
                let next = bytes.get(end + 1).copied().unwrap_or_default();
                if !next.is_ascii_alphanumeric() && !latin1_letter_at(end + 1) {
                    return None;
                }
                joined = true;
                end += 1;
            }
            Some(_) if ends_plain_word(bytes, end) => break,
            Some(_) => return None,
        }
    }
    (end > i).then_some(PlainWord { end, normal, joined })
}

/// Whether a plain word (see [`plain_word`]) ends at byte `at` of `bytes` (a `str`'s), where
/// no ASCII letter or digit and no Latin-1 letter starts: at a character that neither
/// continues it nor joins it to the next. `false` where [`scan_word`] must read on.
#[inline(always)]
fn ends_plain_word(bytes: &[u8], at: usize) -> bool {
    let Some(&stop) = bytes.get(at) else { return true };
    match stop {
        // A period or comma joins only a word character after it.
        b'.' | b',' => match bytes.get(at + 1) {
            None => true,
            Some(&a) if a.is_ascii() => !a.is_ascii_alphanumeric(),
            // `tabous.\u{a0}»`, `fort.…`: as below.
            Some(0xc2) => {
                bytes.get(at + 2).is_some_and(|&second| !is_word_char(char::from(second)))
            }
            Some(0xe2) => general_punctuation_at(bytes, at + 1).is_some_and(|c| !is_word_char(c)),
            _ => false,
        },
        b'-' | b'\'' => false,
        _ if stop.is_ascii() => true,
        // U+0080–U+00BF (`«`, no-break space) and U+2000–U+203F (`…`, `—`, thin spaces):
        // the word ends at one that neither continues it nor joins it (`’`).
        0xc2 => bytes.get(at + 1).is_some_and(|&second| !is_word_char(char::from(second))),
        0xe2 => {
            general_punctuation_at(bytes, at).is_some_and(|c| !is_word_char(c) && !is_apostrophe(c))
        }
        _ => false,
    }
}

/// The character at byte `at` of `bytes` (a `str`'s), if it is one of U+2000–U+203F (E2 80
/// and a continuation byte).
#[inline]
fn general_punctuation_at(bytes: &[u8], at: usize) -> Option<char> {
    let (Some(0xe2), Some(0x80), Some(&third)) =
        (bytes.get(at), bytes.get(at + 1), bytes.get(at + 2))
    else {
        return None;
    };
    char::from_u32(0x2000 | u32::from(third & 0x3f))
}

/// The eight bytes of `bytes` from `i`, read little-endian (the first lowest), if there are
/// eight.
#[inline]
fn eight_bytes_at(bytes: &[u8], i: usize) -> Option<u64> {
    let chunk = bytes.get(i..i.checked_add(8)?)?;
    Some(u64::from_le_bytes(chunk.try_into().ok()?))
}

/// The bytes of `chunk` that `prefix` keeps (the word's, fewer than 8), the others zero,
/// with its capitals made lowercase: a short word's normal form.
#[inline(always)]
fn lowercase_prefix(chunk: u64, prefix: &Prefix) -> u64 {
    (chunk & prefix.kept) | prefix.capitals >> 2
}

/// A word of ASCII letters and digits and Latin-1 letters (`é`, `À`) of at most 15 bytes,
/// as [`short_word_at`] reads it.
struct ShortWord {
    /// Its length in bytes.
    len: usize,
    /// Its lowercase, zero-padded, read little-endian (the first byte lowest): its normal
    /// form, and the word table's key.
    lower: [u64; 2],
    /// Whether it holds a capital.
    capital: bool,
    /// Whether its first letter is a capital.
    first_capital: bool,
    /// Its first letter.
    first: char,
    /// The byte after it.
    stop: u8,
}

/// The ASCII letters and digits and Latin-1 letters from byte `i` of `bytes` (a `str`'s, `i`
/// on a char boundary, its byte one of [`WORD_LEAD`]), when there are 1 to 15 bytes of them
/// and a byte after them, read in one or two eight-byte steps. The byte after them may be
/// the second of `×` or `÷`, whose first is read as a letter's: no word ends there (see
/// [`ends_plain_word`]).
#[inline(always)]
fn short_word_at(bytes: &[u8], i: usize) -> Option<ShortWord> {
    let chunk = eight_bytes_at(bytes, i)?;
    let first = latin1_word_prefix(chunk);
    // The first letter, from the bytes at hand, with no branch on whether it is ASCII: an
    // ASCII letter or digit, or a Latin-1 letter (C3 and a continuation byte), whose capital
    // mark is on its second byte.
    let [lead, second, ..] = chunk.to_le_bytes();
    let first_letter = char::from(if lead.is_ascii() { lead } else { 0xc0 | (second & 0x3f) });
    let first_mark = 0x80 << (8 * (lead >> 7));
    let first_capital = first.capitals & first_mark != 0;
    if first.len < 8 {
        // (A lead byte is a word byte: the word is not empty.)
        return Some(ShortWord {
            len: first.len,
            lower: [lowercase_prefix(chunk, &first), 0],
            capital: first.capitals != 0,
            first_capital,
            first: first_letter,
            stop: (chunk >> (8 * first.len)) as u8,
        });
    }
    let next = eight_bytes_at(bytes, i + 8)?;
    let second = latin1_word_prefix(next);
    (second.len < 8).then(|| ShortWord {
        len: 8 + second.len,
        lower: [chunk | first.capitals >> 2, lowercase_prefix(next, &second)],
        capital: (first.capitals | second.capitals) != 0,
        first_capital,
        first: first_letter,
        stop: (next >> (8 * second.len)) as u8,
    })
}

/// How many of the eight bytes of `chunk` (little-endian: the first byte lowest; bytes of
/// a `str` inside a word) are ASCII letters and digits and bytes of Latin-1 letters
/// (U+00C0–U+00FF, C3 and a continuation byte) before the first that is not, and the
/// capitals among those: the high bit of each ASCII capital's byte and of each Latin-1
/// capital's second byte (a capital's lowercase is 0x20 above it, in both).
#[inline(always)]
fn latin1_word_prefix(chunk: u64) -> Prefix {
    // Each byte is read by its low seven bits, tested against ranges with no carry between
    // bytes (see `bytes_in_range`), and by its high bit: whether it is ASCII.
    let low7 = chunk & !HIGH;
    // `| 0x20` folds capitals onto lowercase letters (and nothing else onto them).
    let folded = low7 | (ONES * 0x20);
    let letter = bytes_in_range(folded, b'a', b'z');
    let ascii_alnum = (letter | bytes_in_range(low7, b'0', b'9')) & !chunk;
    // A continuation byte (10xxxxxx: low bits below 0x40) inside a word is a C3's: any other
    // lead ends the word before it. But × (C3 97) and ÷ (C3 B7) are no letters: their second
    // byte stops.
    let continuation = !(low7 + ONES * 0x40);
    let times_or_divide = bytes_in_range(folded, 0x37, 0x37);
    let c3 = bytes_in_range(low7, 0x43, 0x43);
    let latin = (c3 | continuation & !times_or_divide) & chunk;
    let stops = !(ascii_alnum | latin) & HIGH;
    let n = stops.trailing_zeros() as usize / 8;
    // Every bit below the first stop's high bit: the first `n` bytes (all when none stops).
    let before = stops.wrapping_sub(1) & !stops;
    // An ASCII capital has its 0x20 bit clear; a Latin-1 capital's second byte is 80 to 9E.
    let ascii_capitals = letter & !chunk & !(chunk << 2);
    let latin_capitals = chunk & !(low7 + ONES * (0x7f - 0x1e));
    let capitals = (ascii_capitals | latin_capitals) & before & HIGH;
    // `before` reaches 7 bits into the stop's byte.
    Prefix { len: n, capitals, kept: before >> 7 }
}

/// The first character of the word at byte `i` of `bytes`: an ASCII letter or digit, or a
/// Latin-1 letter (C3 and a continuation byte).
#[inline(always)]
fn first_letter(bytes: &[u8], i: usize) -> char {
    let lead = bytes.get(i).copied().unwrap_or_default();
    if lead.is_ascii() { char::from(lead) } else { latin1_letter(bytes, i) }
}

/// The Latin-1 letter (U+00C0–U+00FF) whose two bytes start at `i` of `bytes` (C3 and a
/// continuation byte).
fn latin1_letter(bytes: &[u8], i: usize) -> char {
    let second = bytes.get(i + 1).copied().unwrap_or_default();
    char::from(0xc0 | (second & 0x3f))
}

/// A word as [`scan_word`] reads it.
struct ScannedWord {
    end: usize,
    dotted: bool,
    joined: bool,
    normal: bool,
    /// A letter the cue finder reads otherwise (see [`lowercase_differs`]).
    odd_letter: bool,
}

/// The word that starts at byte `start` of `text` with the word character `c`: letters and
/// digits, joined by hyphens, apostrophes (unless elision) and periods or commas between two
/// word characters.
fn scan_word(text: &str, start: usize, c: char) -> ScannedWord {
    let bytes = text.as_bytes();
    let mut end = start + c.len_utf8();
    let mut dotted = false;
    let mut joined = false;
    // Whether the word is its own normal form, and holds a letter the cue finder reads
    // otherwise (see `lowercase_differs`): asked here of each letter, not in another pass.
    let mut normal = is_normal_char(c);
    let mut odd_letter = lowercase_differs(c);
    loop {
        // Most of a word is ASCII letters and digits: take them by the byte.
        let (after_ascii, capital) = skip_ascii_alnum_noting_capitals(bytes, end);
        end = after_ascii;
        normal &= !capital;
        let Some(d) = char_at(text, end) else { break };
        let after_d = end + d.len_utf8();
        if is_word_char(d) {
            normal &= is_normal_char(d);
            odd_letter |= lowercase_differs(d);
            end = after_d;
            continue;
        }
        let joiner =
            d == '-' || d == '.' || is_apostrophe(d) || (d == ',' && ends_with_digit(text, end));
        if !joiner {
            break;
        }
        let Some(a) = char_at(text, after_d).filter(|&a| is_word_char(a)) else {
            // An apostrophe ending a word: `l’` before a space is still an elision.
            if is_apostrophe(d) && is_elided(&text[start..end]) {
                end = after_d;
                joined = true;
                normal &= d == '\'';
            }
            break;
        };
        if is_apostrophe(d) && is_elided(&text[start..end]) {
            // `l’islam`: the elided word ends with its apostrophe.
            end = after_d;
            joined = true;
            normal &= d == '\'';
            break;
        }
        if d == ',' && !a.is_ascii_digit() {
            break;
        }
        // A period stays inside `layoffs.fyi` but not after an initial (`J.-M.`).
        if d == '.' && (!a.is_alphanumeric() || is_initial(&text[start..end])) {
            break;
        }
        dotted |= d == '.';
        joined = true;
        normal &= is_normal_char(d);
        end = after_d;
    }
    ScannedWord { end, dotted, joined, normal, odd_letter }
}

/// [`Tokens`] while [`tokenize_noting_cue_oddities`] reads them, with what a word's facts
/// depend on from the tokens before it.
struct Building<'h> {
    tokens: Tokens<'h>,
    grammar: &'static Grammar,
    /// Whether a word here opens a sentence or a line ([`opens_sentence`] of the next token),
    /// kept up as tokens come rather than read back at each capital.
    at_opening: bool,
    /// [`Tokens::norm_arena`] while it is written: bytes, so that a short word's lowercase,
    /// already at hand, is written as it is held (eight bytes at a time), and a plain word's
    /// (ASCII and Latin-1 letters) by the byte.
    arena: Vec<u8>,
    /// Room for the normal form of a word that is not ASCII, before it goes to the arena.
    scratch: String,
}

impl<'h> Building<'h> {
    fn new(text: &'h str) -> Building<'h> {
        // French prose has about one token for five bytes: room for a denser text, so that
        // the vectors seldom grow (each growth copies them); and for the normal forms of
        // the words that are not theirs (capitalized, or with a typographic apostrophe).
        let capacity = text.len() / 4 + 8;
        Building {
            tokens: Tokens {
                text,
                toks: pool::take(capacity),
                // Proper names inside sentences: a few in a hundred words.
                capitalized_inside: pool::take(text.len() / 128),
                capitalized_inside_set: OnceCell::new(),
                breaks: pool::take(0),
                // Commas and dashes: a few in a hundred tokens.
                separators: pool::take(text.len() / 32),
                // About one word in four (`a`, `est`, `selon`, verb forms): room for more.
                cue_candidates: pool::take(text.len() / 16),
                norm_arena: String::new(),
                cue_reads_apart: false,
                stops: Stops::with_room_for(text.len()),
            },
            arena: {
                // 16 bytes of room past the last normal form: an ASCII word's is written
                // whole before it is cut to size.
                let mut arena = pool::take(text.len() / 4 + ELIDED_NORMS.len() + 16);
                arena.extend_from_slice(ELIDED_NORMS.as_bytes());
                arena
            },
            scratch: String::new(),
            grammar: grammar(),
            at_opening: true,
        }
    }

    /// The tokens read, their arena of normal forms made a string.
    fn finish(mut self) -> Tokens<'h> {
        // Every byte written is a `str`'s, or the lowercase of a word of ASCII and Latin-1
        // letters (a capital's lowercase is the same bytes with one bit set): valid UTF-8, so
        // the fallback (which would leave the normal forms empty) is never taken.
        self.tokens.norm_arena = String::from_utf8(self.arena).unwrap_or_default();
        self.tokens
    }

    /// The plain word at byte `i` (see [`plain_word`]), if there is one: its end. Out of
    /// line: most words are read by the loop's fast paths, and this code, inlined, would
    /// cost them registers.
    #[inline(never)]
    fn push_plain_word(&mut self, i: usize) -> Option<usize> {
        let bytes = self.tokens.text.as_bytes();
        let w = plain_word(bytes, i)?;
        self.push_word(Token {
            start: i as u32,
            end: w.end as u32,
            kind: Kind::Word,
            first: first_letter(bytes, i),
            dotted: false,
            joined: w.joined,
            normal: w.normal,
            facts: Facts::default(),
        });
        Some(w.end)
    }

    /// The Latin-1 punctuation (`«`, `»`) or space (no-break) at byte `i`, if that is what
    /// the C2 byte there starts: the byte after it. Out of line, as
    /// [`Building::push_plain_word`].
    #[inline(never)]
    fn push_latin1_punct(&mut self, i: usize) -> Option<usize> {
        let second = *self.tokens.text.as_bytes().get(i + 1)?;
        let c = char::from(second);
        if is_word_char(c) || is_line_break(c) {
            return None;
        }
        if !is_space(c) {
            self.push_other(Span::new(i, i + 2), Kind::Punct, c);
        }
        Some(i + 2)
    }

    /// The token at byte `i` (no plain space), whatever it is, or the spaces there: the byte
    /// after them. Out of line: the general way, for what the fast path leaves.
    #[inline(never)]
    fn push_any(&mut self, i: usize) -> usize {
        let text = self.tokens.text;
        let Some(c) = char_at(text, i) else {
            return text.len();
        };
        let next = i + c.len_utf8();
        // Words first: no letter or digit is a line break or a space, and asking a letter
        // (`é`) whether it is a space would cost a Unicode table look-up.
        if is_word_char(c) {
            let w = scan_word(text, i, c);
            self.tokens.cue_reads_apart |= w.normal && w.odd_letter;
            self.push_word(Token {
                start: i as u32,
                end: w.end as u32,
                kind: Kind::Word,
                first: c,
                dotted: w.dotted,
                joined: w.joined,
                normal: w.normal,
                facts: Facts::default(),
            });
            return w.end;
        }
        if is_line_break(c) {
            let mut end = next;
            // Line breaks are spaces too: the run of spaces and breaks is one token.
            while let Some(d) = char_at(text, end) {
                if !d.is_whitespace() {
                    break;
                }
                end += d.len_utf8();
            }
            self.tokens.breaks.push(self.tokens.toks.len());
            self.push_other(Span::new(i, end), Kind::Break, c);
            return end;
        }
        if is_space(c) {
            self.tokens.cue_reads_apart |= c == '\u{feff}';
            return next;
        }
        self.push_other(Span::new(i, next), Kind::Punct, c);
        next
    }

    /// The short word `w` at byte `i`, ended by a character that neither continues it nor
    /// joins it.
    #[inline(always)]
    fn push_short_word(&mut self, i: usize, w: &ShortWord) {
        let entry = self.grammar.entry_of_short(w.lower, w.len);
        // A capital: the lowercase, already at hand, is the normal form (no second read of
        // the word). Else the empty range: the text is the normal form.
        let norm = if w.capital { self.write_norm(w.lower, w.len) } else { (0, 0) };
        let token = Token {
            start: i as u32,
            end: (i + w.len) as u32,
            kind: Kind::Word,
            first: w.first,
            dotted: false,
            joined: false,
            normal: !w.capital,
            facts: Facts::default(),
        };
        self.push_word_found(token, w.first_capital, entry, norm);
    }

    /// The elided word (`l’`, `qu'`) at byte `i`, `w` and its apostrophe, if it is one: the
    /// end of its token.
    #[inline]
    fn push_elided_word(&mut self, i: usize, w: &ShortWord) -> Option<usize> {
        let n = w.len;
        let bytes = self.tokens.text.as_bytes();
        // The apostrophe first: most words read here are none (`déclaré`, `Jean-Marc`).
        let typographic = match bytes.get(i + n..)? {
            [b'\'', ..] => false,
            // U+2019 (’), the usual one; the other apostrophes go the general way.
            [0xe2, 0x80, 0x99, ..] => true,
            _ => return None,
        };
        let at = elided_norm_at(w.lower[0])?;
        let end = i + n + if typographic { 3 } else { 1 };
        let normal = !w.capital && !typographic;
        // `'` after the letters: the normal form, at most seven bytes.
        let key = [w.lower[0] | u64::from(b'\'') << (8 * n), 0];
        let entry = self.grammar.entry_of_short(key, n + 1);
        let norm = if normal { (0, 0) } else { (at as u32, (at + n + 1) as u32) };
        let token = Token {
            start: i as u32,
            end: end as u32,
            kind: Kind::Word,
            first: char::from(bytes[i]),
            dotted: false,
            joined: true,
            normal,
            facts: Facts::default(),
        };
        // No hyphen: not a first name by its first part (see `Grammar::entry_of_bytes`).
        self.push_word_found(token, w.first_capital, entry, norm);
        Some(end)
    }

    /// Appends the normal form of a short word, its `len` bytes `lower` (zero-padded,
    /// little-endian), to the arena: its range there. Its sixteen bytes are written whole,
    /// then cut to size: no loop on its length.
    #[inline(always)]
    fn write_norm(&mut self, lower: [u64; 2], len: usize) -> (u32, u32) {
        let arena = &mut self.arena;
        let start = arena.len();
        let [low, high] = lower;
        arena.extend_from_slice(&(u128::from(low) | u128::from(high) << 64).to_le_bytes());
        arena.truncate(start + len);
        (start as u32, arena.len() as u32)
    }

    /// A word whose facts were found: `capital` if its first letter is one, its entry in the
    /// word table, its normal form's range in the arena.
    #[inline(always)]
    fn push_word_found(
        &mut self,
        mut t: Token,
        capital: bool,
        entry: &WordEntry,
        norm: (u32, u32),
    ) {
        if capital && !self.at_opening {
            self.note_capitalized_inside(t.span());
        }
        self.at_opening = false;
        self.note_cue_candidate(&t, entry);
        let marks = if capital { WORD | CAPITALIZED } else { WORD };
        let flags = entry.flags | marks | if t.dotted { DOTTED } else { 0 };
        t.facts = Facts { flags, norm, cue: entry.cue };
        self.tokens.toks.push(t);
    }

    /// Notes the word `t`, to be pushed next, as a cue candidate (see
    /// [`Tokens::cue_candidates`]) if its entry says a cue starts there, or if it is joined and
    /// not in the cue index (its pieces are not known yet).
    #[inline(always)]
    fn note_cue_candidate(&mut self, t: &Token, entry: &WordEntry) {
        let candidate =
            entry.flags & Class::CueStart.bit() != 0 || (t.joined && entry.cue.is_none());
        let tokens = &mut self.tokens;
        // Written always and kept if a candidate: no branch to mispredict on a word in four.
        let kept = tokens.cue_candidates.len() + usize::from(candidate);
        tokens.cue_candidates.push(tokens.toks.len() as u32);
        tokens.cue_candidates.truncate(kept);
    }

    /// A break or a punctuation token: no facts.
    #[inline(always)]
    fn push_other(&mut self, span: Span, kind: Kind, first: char) {
        self.at_opening = match kind {
            Kind::Break => true,
            // As [`opens_sentence`] reads them: opening marks and dashes are looked past.
            _ if is_opener(first) => self.at_opening,
            _ => is_sentence_end(first),
        };
        // Every punctuation token's index written, kept by the flag: no branch on which
        // punctuation it is.
        if kind == Kind::Punct {
            let separators = &mut self.tokens.separators;
            let kept = separators.len() + usize::from(separates_segments(first));
            separators.push(self.tokens.toks.len() as u32);
            separators.truncate(kept);
        }
        self.tokens.toks.push(Token {
            start: span.start as u32,
            end: span.end as u32,
            kind,
            first,
            dotted: false,
            joined: false,
            normal: false,
            facts: Facts::default(),
        });
    }

    /// A word, with its classes, normal form and cue slot looked up.
    #[inline(always)]
    fn push_word(&mut self, t: Token) {
        let (entry, norm) = if t.normal {
            let word = self.tokens.text.as_bytes().get(t.span().range()).unwrap_or_default();
            (self.grammar.entry_of_bytes(word, t.joined), (0, 0))
        } else {
            self.normalized_entry(t)
        };
        self.push_word_found(t, t.first.is_uppercase(), &entry, norm);
    }

    /// Out of line: few words are capitals inside a sentence.
    #[inline(never)]
    fn note_capitalized_inside(&mut self, span: Span) {
        let tokens = &mut self.tokens;
        tokens.capitalized_inside.push(span);
    }

    /// The entry of a word that is not its own normal form, and the range of that form,
    /// which is written into the arena (no string of its own). Out of line: most words are
    /// their own normal form.
    #[inline(never)]
    fn normalized_entry(&mut self, t: Token) -> (WordEntry, (u32, u32)) {
        let start = self.arena.len();
        // Most are plain words (`Jean-Marc`, `États-Unis`): their normal form, written by the
        // byte.
        let word = self.tokens.text.as_bytes().get(t.span().range()).unwrap_or_default();
        if lowercase_plain_into(word, &mut self.arena) {
            let entry = self.grammar.entry_of_bytes(&self.arena[start..], t.joined);
            return (entry, (start as u32, self.arena.len() as u32));
        }
        self.arena.truncate(start);
        let scratch = &mut self.scratch;
        scratch.clear();
        normalize_into(&self.tokens.text[t.span()], scratch);
        let entry = self.grammar.entry_of_bytes(scratch.as_bytes(), t.joined);
        let start = self.arena.len();
        self.arena.extend_from_slice(scratch.as_bytes());
        (entry, (start as u32, self.arena.len() as u32))
    }
}

/// Appends to `out` the normal form of `word` (a `str`'s bytes) if it holds ASCII and
/// Latin-1 characters only (C3 and a continuation byte), as a plain word does: its
/// lowercase, a Latin-1 capital (C3 80 to C3 9E, but ×) 0x20 above in its second byte.
/// `false`, with some bytes appended, for another word.
fn lowercase_plain_into(word: &[u8], out: &mut Vec<u8>) -> bool {
    let mut after_c3 = false;
    for &b in word {
        let lower = match b {
            _ if after_c3 => b + 0x20 * u8::from(b <= 0x9e && b != 0x97),
            0xc3 => b,
            _ if b.is_ascii() => b.to_ascii_lowercase(),
            _ => return false,
        };
        after_c3 = b == 0xc3;
        out.push(lower);
    }
    true
}

fn ends_with_digit(text: &str, end: usize) -> bool {
    text[..end].chars().next_back().is_some_and(|c| c.is_ascii_digit())
}

/// `J` in `J.-M.` or `T.` in `Alexandre T.`: a lone capital keeps its period apart.
fn is_initial(word: &str) -> bool {
    let mut cs = word.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
}

fn is_elided(word: &str) -> bool {
    // The list is ASCII, so an ASCII case-insensitive comparison is the lowercase one.
    ELIDED.iter().any(|e| e.eq_ignore_ascii_case(word))
}

/// Whether the lowercase of `c`, a letter [`is_normal_char`] keeps as it is, is not `c`: a
/// soft hyphen (invisible: the lowercase drops it) or a titlecase letter (`ǅ`, neither upper
/// nor lowercase). The cue finder compares lowercase words.
fn lowercase_differs(c: char) -> bool {
    c == '\u{ad}'
        // Below U+0180 (ASCII, Latin-1, Latin Extended-A) no letter is titlecase.
        || (c > '\u{17f}' && !c.is_uppercase() && !c.to_lowercase().eq([c]))
}

/// Whether a punctuation token starting with `first` may separate the segments of a clause:
/// a comma or a dash.
#[inline(always)]
fn separates_segments(first: char) -> bool {
    // (Every test made, with no branch between them.)
    (first == ',') | (first == '–') | (first == '—') | (first == '-')
}

/// Whether `text` holds two line breaks or more, counted as [`Tokens::is_paragraph_break`]
/// says. Asked of a break token only when wanted: nothing to note while tokenizing.
pub(crate) fn holds_two_line_breaks(text: &str) -> bool {
    let mut breaks = 0;
    let mut after_cr = false;
    for c in text.chars() {
        breaks += match c {
            '\n' if after_cr => 0,
            '\n' | '\r' | '\u{2028}' => 1,
            '\u{2029}' => 2,
            _ => 0,
        };
        if breaks >= 2 {
            return true;
        }
        after_cr = c == '\r';
    }
    false
}

/// Punctuation that may stand before a sentence's first word: opening marks and dashes.
fn is_opener(c: char) -> bool {
    matches!(c, '«' | '“' | '"' | '‹' | '(' | '—' | '–' | '-' | '˝')
}

/// Punctuation that ends a sentence (or opens a list or a quotation, for `:`).
fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | ':')
}

/// Whether token `i` of `toks` opens a sentence or a line (see [`Tokens::starts_sentence`]).
fn opens_sentence(toks: &[Token], i: usize) -> bool {
    let mut j = i;
    while j > 0 {
        j -= 1;
        let c = toks[j].first;
        match toks[j].kind {
            Kind::Break => return true,
            Kind::Punct if is_opener(c) => continue,
            Kind::Punct => return is_sentence_end(c),
            Kind::Word => return false,
        }
    }
    true
}

/// The tokens of a text with the accessors the phrase-reading stages share.
pub(crate) struct Tokens<'h> {
    pub text: &'h str,
    pub toks: Vec<Token>,
    /// Words seen with a capital inside a sentence: proper names, not sentence openers.
    capitalized_inside: Vec<Span>,
    /// The same words as a set, built when first asked (many texts never are).
    capitalized_inside_set: OnceCell<CapitalizedSet<'h>>,
    /// The indices of the line break tokens, in order: the stages that read line by line
    /// need not walk every token.
    breaks: Vec<usize>,
    /// The indices of the commas and dashes, in order (see [`Tokens::separators`]).
    separators: Vec<u32>,
    /// The indices of the words a cue may start at, in order (see [`Tokens::cue_candidates`]).
    cue_candidates: Vec<u32>,
    /// Normal forms (lowercase, `'` apostrophes) of the words that differ from their text,
    /// back to back; [`Facts::norm`] is a range into it.
    norm_arena: String,
    /// The cue finder must read the text itself: it holds a U+FEFF (see
    /// [`tokenize_noting_cue_oddities`]), or a word whose normal form differs from the cue finder's
    /// lowercase (see [`lowercase_differs`]).
    cue_reads_apart: bool,
    /// The bytes the marks' pairing and the sentence splitter stop at (see [`Stops`]), noted
    /// as the bytes are read: no second pass over the text looks for them.
    stops: Stops,
}

/// The words of [`Tokens::capitalized_inside`], as [`Tokens::capitalized_elsewhere`] looks
/// them up: built when first asked (many texts never are).
enum CapitalizedSet<'h> {
    /// A few words (most texts): each one's [`word_key`], in the order of the words, read
    /// one by one, which costs less than hashing them.
    Keys(Vec<u64>),
    /// More: a hash set.
    Hashed(HashSet<&'h str, BuildHasherDefault<WordHasher>>),
}

impl CapitalizedSet<'_> {
    /// The most words kept as [`CapitalizedSet::Keys`]: a look-up reads at most so many keys.
    const MAX_KEYED: usize = 64;
}

/// A word's first seven bytes (zero-padded, little-endian) and its length in the eighth:
/// two words of different keys differ.
fn word_key(word: &str) -> u64 {
    let bytes = word.as_bytes();
    let mut key = [0u8; 8];
    let n = bytes.len().min(7);
    key[..n].copy_from_slice(&bytes[..n]);
    key[7] = bytes.len() as u8;
    u64::from_le_bytes(key)
}

/// What [`Tokens::new`] learns of a token besides its text.
#[derive(Clone, Copy, Debug, Default)]
struct Facts {
    /// The word's classes ([`Class`] bits), looked up once, and [`CAPITALIZED`].
    flags: u32,
    /// Its normal form's range in the arena, or empty when the text is the normal form.
    norm: (u32, u32),
    /// Its place in the built-in cue index, read in the same probe as its classes.
    cue: Option<Slot>,
}

/// Flag bit: the word starts with a capital letter.
pub(crate) const CAPITALIZED: u32 = 1 << 31;

/// Flag bit: the token is a word (every word has it, so that [`Tokens::flags`] tells it too).
pub(crate) const WORD: u32 = 1 << 30;

/// Flag bit: a word with a period inside ([`Token::dotted`]).
pub(crate) const DOTTED: u32 = 1 << 29;

// The flag bits above lie above the classes' bits.
const _: () = assert!(Class::BodyNoun.bit() < DOTTED);

/// The flags of a word a name or a description may start at (see [`Token::may_start_mention`]).
pub(crate) const MENTION_START: u32 =
    CAPITALIZED | DOTTED | Class::Determiner.bit() | Class::Title.bit();

impl Token {
    /// The word's place in the built-in cue index, if it is there.
    #[inline]
    pub fn cue_slot(&self) -> Option<Slot> {
        self.facts.cue
    }

    /// Its bytes in the text.
    #[inline]
    pub fn span(&self) -> Span {
        Span { start: self.start as usize, end: self.end as usize }
    }

    /// Whether a name or a description may start at the token: a capitalised word, a
    /// determiner, a title, or a word with a period inside (a web address).
    pub(crate) fn may_start_mention(&self) -> bool {
        self.facts.flags & MENTION_START != 0
    }
}

/// The vectors go back to the thread's pool for the next text.
impl Drop for Tokens<'_> {
    fn drop(&mut self) {
        pool::give_from(&mut self.toks);
        pool::give_from(&mut self.capitalized_inside);
        pool::give_from(&mut self.breaks);
        pool::give_from(&mut self.separators);
        pool::give_from(&mut self.cue_candidates);
        pool::give(std::mem::take(&mut self.norm_arena).into_bytes());
    }
}

impl<'h> Tokens<'h> {
    /// The tokens of `text`, which must be shorter than 4 GiB: offsets into the arena of
    /// normal forms and token indices are kept as `u32` (the pipeline reads a text a block of
    /// at most 64 MiB at a time).
    pub fn new(text: &'h str) -> Tokens<'h> {
        debug_assert!(u32::try_from(text.len()).is_ok(), "a text of 4 GiB or more");
        tokenize_noting_cue_oddities(text)
    }

    /// The text's stops (see [`Stops`]), noted while it was read.
    pub fn stops(&self) -> &Stops {
        &self.stops
    }

    /// Whether token `i` opens a sentence or a line (so a capital there proves nothing).
    pub fn starts_sentence(&self, i: usize) -> bool {
        opens_sentence(&self.toks, i)
    }

    /// Whether token `i` is a word of `class`.
    #[inline]
    pub fn is(&self, i: usize, class: Class) -> bool {
        self.toks.get(i).map(|t| t.facts).is_some_and(|f| f.flags & class.bit() != 0)
    }

    /// Whether word `i` is a noun of any of `bits` ([`Class::PersonNoun`], [`Class::BodyNoun`]),
    /// or a compound ending with one (`ex-ministre`, `vice-présidente`): a look-up in the
    /// nouns' own table, made only for the heads of descriptions.
    pub fn is_noun(&self, i: usize, bits: u32) -> bool {
        if !self.is_word(i) {
            return false;
        }
        let w = self.norm(i);
        let g = grammar();
        g.noun_bits(w) & bits != 0
            || w.rsplit_once('-').is_some_and(|(_, last)| g.noun_bits(last) & bits != 0)
    }

    /// The flags of token `i`: its classes' bits ([`Class::bit`]), [`WORD`], [`CAPITALIZED`]
    /// and [`DOTTED`]; none for a token that is no word, nor past the end. One load for all
    /// the tests a rule makes of a token, each then a test of a bit.
    #[inline]
    pub fn flags(&self, i: usize) -> u32 {
        self.toks.get(i).map_or(0, |t| t.facts.flags)
    }

    /// Whether token `i` is a word of one of the classes whose bits ([`Class::bit`]) `classes`
    /// holds: one test for them all.
    #[inline]
    pub fn is_any(&self, i: usize, classes: u32) -> bool {
        self.toks.get(i).is_some_and(|t| t.facts.flags & classes != 0)
    }

    /// The gender a determiner, pronoun or title at `i` marks (its classes, already read).
    pub fn gender(&self, i: usize) -> Option<Gender> {
        self.gender_by(i, Class::Feminine, Class::Masculine)
    }

    /// The gender of the first name at `i`, when the list gives it one.
    pub fn first_name_gender(&self, i: usize) -> Option<Gender> {
        self.gender_by(i, Class::FeminineName, Class::MasculineName)
    }

    fn gender_by(&self, i: usize, feminine: Class, masculine: Class) -> Option<Gender> {
        if self.is(i, feminine) {
            Some(Gender::Feminine)
        } else if self.is(i, masculine) {
            Some(Gender::Masculine)
        } else {
            None
        }
    }

    /// How many tokens from `i` make an adverbial phrase (0 when none does).
    pub fn adverb_len(&self, i: usize) -> usize {
        if !self.is(i, Class::AdverbStart) {
            return 0;
        }
        let words = (i..self.len()).take_while(|&k| self.is_word(k)).map(|k| self.norm(k));
        grammar().adverb_len(words)
    }

    /// Whether the word at `i` is written with a capital somewhere inside a sentence.
    pub fn capitalized_elsewhere(&self, i: usize) -> bool {
        let words = &self.capitalized_inside;
        let set = self.capitalized_inside_set.get_or_init(|| {
            if words.len() <= CapitalizedSet::MAX_KEYED {
                let keys = words.iter().map(|&span| word_key(&self.text[span])).collect();
                return CapitalizedSet::Keys(keys);
            }
            let mut set =
                HashSet::with_capacity_and_hasher(words.len(), BuildHasherDefault::default());
            set.extend(words.iter().map(|&span| &self.text[span]));
            CapitalizedSet::Hashed(set)
        });
        let word = self.str(i);
        match set {
            CapitalizedSet::Keys(keys) => {
                let key = word_key(word);
                let mut found = keys.iter().zip(words).filter(|&(&k, _)| k == key);
                found.any(|(_, &span)| &self.text[span] == word)
            }
            CapitalizedSet::Hashed(set) => set.contains(word),
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The text of token `i` (empty past the end).
    pub fn str(&self, i: usize) -> &'h str {
        self.toks.get(i).map_or("", |t| &self.text[t.span()])
    }

    /// The span of token `i`; past the last token, the empty span at the end of the text (as
    /// [`Tokens::str`] is empty there), so that a rule reading one token too far gets nothing
    /// instead of a panic.
    pub fn span(&self, i: usize) -> Span {
        self.toks.get(i).map_or(Span::new(self.text.len(), self.text.len()), |t| t.span())
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    /// Whether token `i` is the punctuation character `c`.
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        // (Both tests, with no branch between them: which tokens are punctuation is hard to
        // predict.)
        self.toks.get(i).is_some_and(|t| (t.kind == Kind::Punct) & (t.first == c))
    }

    /// The line break tokens, in order: every line break of the text (`\n`, `\r`, U+2028,
    /// U+2029) lies in one.
    pub fn break_spans(&self) -> impl Iterator<Item = Span> + '_ {
        self.breaks.iter().map(|&k| self.toks[k].span())
    }

    /// The indices of the punctuation tokens that may separate the segments of a clause
    /// (commas and dashes, a lone hyphen among them: `PARIS (AFP) - Le ministre`), in order:
    /// the readers of segments jump from one to the next, where a walk over the tokens would
    /// mispredict where each one stops.
    pub fn separators(&self) -> &[u32] {
        &self.separators
    }

    /// The tokens that open a line, in order: the first, and each after a line break.
    pub fn line_starts(&self) -> impl Iterator<Item = usize> + '_ {
        let after_breaks = self.breaks.iter().map(|&k| k + 1).filter(|&i| i < self.len());
        (!self.toks.is_empty()).then_some(0).into_iter().chain(after_breaks)
    }

    pub fn is_break(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Break)
    }

    /// A word whose first letter is a capital.
    pub fn is_capitalized(&self, i: usize) -> bool {
        self.toks.get(i).map(|t| t.facts).is_some_and(|f| f.flags & CAPITALIZED != 0)
    }

    /// The normal form of token `i` (lowercase, `'` for apostrophes); empty past the end.
    #[inline]
    pub fn norm(&self, i: usize) -> &str {
        match self.toks.get(i).map(|t| t.facts).map(|f| f.norm) {
            Some((s, e)) if e > s => &self.norm_arena[s as usize..e as usize],
            Some(_) => self.str(i),
            None => "",
        }
    }

    /// The indices, in order, of the tokens a cue of the built-in lexicon may start at: the
    /// words whose cue slot says a cue starts there, and the joined words with no slot (a
    /// piece of them may start one). Noted while tokenizing, so that the cue finder need not
    /// ask every token.
    pub fn cue_candidates(&self) -> &[u32] {
        &self.cue_candidates
    }

    /// Whether token `i` is a line break token that holds two line breaks or more (a blank
    /// line): `\r\n` counts as one break, as does a lone `\r`, `\n` or U+2028 (line
    /// separator); U+2029 (paragraph separator) counts as two.
    pub fn is_paragraph_break(&self, i: usize) -> bool {
        self.is_break(i) && holds_two_line_breaks(self.str(i))
    }

    /// Whether the cue finder must read the text itself rather than from these tokens (rare
    /// characters it reads otherwise: see the field).
    pub fn cue_reads_apart(&self) -> bool {
        self.cue_reads_apart
    }

    /// The index of the first token starting at or after byte `at`.
    pub fn at_or_after(&self, at: usize) -> usize {
        self.toks.partition_point(|t| (t.start as usize) < at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.span()]).collect()
    }

    #[test]
    fn french_tokens() {
        assert_eq!(
            words("L’islam, aujourd’hui, a-t-il dit à Jean-Marc."),
            ["L’", "islam", ",", "aujourd’hui", ",", "a-t-il", "dit", "à", "Jean-Marc", "."]
        );
        assert_eq!(words("qu'il l' a"), ["qu'", "il", "l'", "a"]);
        assert_eq!(
            words("selon layoffs.fyi, 1.900 ou 2,5 M. T. Dupont"),
            ["selon", "layoffs.fyi", ",", "1.900", "ou", "2,5", "M", ".", "T", ".", "Dupont"]
        );
        assert_eq!(words("fin.\n\nDébut"), ["fin", ".", "\n\n", "Début"]);
    }

    #[test]
    fn ascii_runs_eight_bytes_at_a_time() {
        // Every byte value, at every place of a 20-byte run of letters.
        for b in 0..=255u8 {
            for at in 0..20 {
                let mut bytes = vec![b'a'; 20];
                bytes[at] = b;
                bytes.push(b' ');
                let expected = bytes.iter().position(|c| !c.is_ascii_alphanumeric()).unwrap();
                assert_eq!(skip_ascii_alnum(&bytes, 0), expected, "{b:#x} at {at}");
                let capital = bytes[..expected].iter().any(u8::is_ascii_uppercase);
                assert_eq!(
                    skip_ascii_alnum_noting_capitals(&bytes, 0),
                    (expected, capital),
                    "{b:#x} at {at}"
                );
                assert_eq!(skip_ascii_alnum(&bytes, 21), 21);
            }
        }
    }

    #[test]
    fn short_words_read_as_plain_words() {
        // ASCII letters before two characters of these, at every place around the first
        // eight-byte step's end, then a stop: each short word that ends a plain word must be
        // the plain word, its facts those of its text.
        let alphabet = [
            "a", "Z", "7", "é", "É", "Þ", "ß", "ÿ", "À", "×", "÷", "«", "\u{a0}", "œ", "’", "-",
            ".", " ",
        ];
        let mut checked = 0;
        for ascii in 0..16 {
            for a in alphabet {
                for b in alphabet {
                    for stop in [" ", ", ", "é", "\u{a0}»"] {
                        let text = format!(
                            "{}{a}{b}{stop} padding to sixteen",
                            &"aBcdEfghijklmnop"[..ascii]
                        );
                        let bytes = text.as_bytes();
                        if !bytes[0].is_ascii_alphanumeric() && bytes[0] != 0xc3 {
                            continue;
                        }
                        let Some(w) = short_word_at(bytes, 0) else { continue };
                        if !ends_plain_word(bytes, w.len) {
                            continue;
                        }
                        let plain = plain_word(bytes, 0).expect(&text);
                        assert_eq!((w.len, !w.capital), (plain.end, plain.normal), "{text:?}");
                        let word = &text[..w.len];
                        let mut lower = [0u8; 16];
                        lower[..w.len].copy_from_slice(crate::lexicon::normalize(word).as_bytes());
                        let expected =
                            [0, 8].map(|k| u64::from_le_bytes(lower[k..k + 8].try_into().unwrap()));
                        assert_eq!(w.lower, expected, "{text:?}");
                        let first = word.chars().next().unwrap();
                        assert_eq!(w.first_capital, first.is_uppercase(), "{text:?}");
                        assert_eq!(first_letter(bytes, 0), first, "{text:?}");
                        assert_eq!(w.first, first, "{text:?}");
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 2000, "{checked}");
    }

    /// [`latin1_word_prefix`] reads any eight bytes as its byte by byte definition says.
    #[test]
    fn latin1_word_prefix_reads_bytes_one_by_one() {
        let word_byte = |b: u8| {
            b.is_ascii_alphanumeric() || b == 0xc3 || matches!(b, 0x80..=0xbf) && b & 0xdf != 0x97
        };
        let capital = |b: u8| b.is_ascii_uppercase() || matches!(b, 0x80..=0x9e) && b != 0x97;
        let mut next = xorshift(0x1234_5678_9abc_def1);
        let interesting = [b'0', b'9', b'a', b'z', b'A', b'Z', b'@', b'[', b'`', b'{', b'/', b':'];
        let more = [0x80, 0x96, 0x97, 0x98, 0x9e, 0x9f, 0xb7, 0xbf, 0xc0, 0xc2, 0xc3, 0xc4, 0xe2];
        for _ in 0..200_000 {
            let bytes: [u8; 8] = std::array::from_fn(|_| match next() % 3 {
                0 => next() as u8,
                1 => interesting[(next() % interesting.len() as u64) as usize],
                _ => more[(next() % more.len() as u64) as usize],
            });
            let n = bytes.iter().position(|&b| !word_byte(b)).unwrap_or(8);
            let capitals =
                (0..n).filter(|&k| capital(bytes[k])).fold(0u64, |caps, k| caps | 0x80 << (8 * k));
            let prefix = latin1_word_prefix(u64::from_le_bytes(bytes));
            assert_eq!((prefix.len, prefix.capitals), (n, capitals), "{bytes:x?}");
            if n < 8 {
                let kept = if n == 0 { 0 } else { u64::MAX >> (64 - 8 * n) };
                assert_eq!(prefix.kept, kept, "{bytes:x?}");
            }
        }
    }

    #[test]
    fn latin_fast_path_agrees_with_unicode() {
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            let unicode = c.is_alphanumeric() || is_combining(c);
            assert_eq!(is_word_char(c), unicode, "{c:?}");
        }
    }

    #[test]
    fn normal_flag_is_is_normal() {
        let text = "L’État, aujourd’hui a-t-il dit ÀÉ l'été, qu’il 1.900 2,5 LAYOFFS.FYI X-Y \
            de\u{301}ja\u{ad}vu z\u{200b}z ǅx ßŒœ İ µª ABCDEFGHIJ abcdefghiJ abcdefghijklmnopQ";
        for t in tokenize(text).iter().filter(|t| t.kind == Kind::Word) {
            let word = &text[t.span()];
            assert_eq!(t.normal, crate::lexicon::is_normal(word), "{word}");
        }
    }

    #[test]
    fn plain_words_read_as_scan_word_reads_them() {
        // Every string of up to four of these characters, then nothing, a space or a letter:
        // each plain word must be what the general reading finds.
        let alphabet = [
            "a", "Z", "7", "é", "É", "Þ", "ß", "×", "÷", ".", ",", "-", "'", "’", "‘", " ", "«",
            "\u{a0}", "ª", "\u{ad}", "…", "—", "\u{200b}", "\u{2060}", "\u{301}", "ǅ",
        ];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| alphabet.iter().map(move |a| format!("{t}{a}")))
                .collect();
            for text in &longer {
                for tail in ["", " ", "x"] {
                    let text = format!("{text}{tail}");
                    let Some(c) = text.chars().next() else { continue };
                    // As the tokenizer calls it: at an ASCII letter or digit or a C3 byte.
                    let lead = text.as_bytes()[0];
                    if !lead.is_ascii_alphanumeric() && lead != 0xc3 {
                        continue;
                    }
                    if let Some(plain) = plain_word(text.as_bytes(), 0) {
                        let w = scan_word(&text, 0, c);
                        let read = (plain.end, plain.normal, plain.joined);
                        assert_eq!(read, (w.end, w.normal, w.joined), "{text:?}");
                        assert!(!w.dotted && !w.odd_letter, "{text:?}");
                        if !c.is_ascii() {
                            assert_eq!(latin1_letter(text.as_bytes(), 0), c, "{text:?}");
                        }
                    }
                }
            }
            texts = longer;
        }
    }

    #[test]
    fn fast_paths_find_the_facts_of_the_normal_form() {
        // Words read by the ASCII and elided fast paths and by the general one, at lengths
        // around the eight-byte steps and before every kind of end.
        let words = [
            "l",
            "L",
            "qu",
            "QU",
            "Qu",
            "jusqu",
            "Lorsqu",
            "aujourd",
            "dit",
            "Macron",
            "selon",
            "Selon",
            "DÉCLARE",
            "déclare",
            "a",
            "À",
            "abcdefg",
            "abcdefgh",
            "Abcdefghijklmno",
            "abcdefghijklmnoP",
            "affirmait",
            "Jean",
            "2024",
            "x1",
            "déclaré",
            "Ça",
            "ÉTÉ",
            "Élysée",
            "présidentielle",
            "présidentielles",
            "a×b",
            "é÷",
            "Þé",
        ];
        let ends =
            ["", " ", "’", "'", "'x", "’x", ".", ". ", ".x", ",", ",5", "-t", "\u{a0}»", "\n"];
        let g = grammar();
        for word in words {
            for end in ends {
                let text = format!("« {word}{end} il");
                let tokens = Tokens::new(&text);
                for (i, t) in tokens.toks.iter().enumerate().filter(|(_, t)| t.kind == Kind::Word) {
                    let piece = &text[t.span()];
                    let norm = crate::lexicon::normalize(piece);
                    assert_eq!(tokens.norm(i), norm, "{text:?}");
                    assert_eq!(t.normal, crate::lexicon::is_normal(piece), "{text:?}");
                    let entry = g.entry_of_word(&norm, t.joined);
                    let facts = t.facts;
                    let capital = if t.first.is_uppercase() { CAPITALIZED } else { 0 };
                    let dotted = if t.dotted { DOTTED } else { 0 };
                    assert_eq!(facts.flags, entry.flags | WORD | capital | dotted, "{text:?}");
                    assert_eq!(facts.cue.is_some(), entry.cue.is_some(), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn cue_candidates_are_the_tokens_a_cue_may_start_at() {
        let texts = [
            "L’islam, aujourd’hui, a-t-il déclaré à Jean-Marc. « Non », estime-t-elle.",
            "Selon lui, il a affirmé qu'il viendrait ; QU’IL DIT-IL ? D’après Marie-Claire,              c'est 1.900 ou 2,5 %.\n\nPuis\r\nil a ajouté, expliquant : « jusqu’ici… »\n",
            "Déclare, DÉCLARE, déclare-t-il, Affirme-t-on, l' a-t-elle souligné ;              s’est-il dit, n’a-t-il pas précisé, lorsqu’il indique, d’ailleurs 12h30.",
            "a-t-il\u{2028}estime-t-elle\u{2029}ajoute-t-il — raconte-t-il, reconnaît-elle.              De\u{301}clare z\u{200b}z L'État dira.",
        ];
        for text in texts {
            let tokens = Tokens::new(text);
            let expected: Vec<u32> = (0..tokens.len())
                .filter(|&k| match tokens.toks[k].cue_slot() {
                    Some(slot) => slot.starts_cue(),
                    None => tokens.toks[k].joined,
                })
                .map(|k| k as u32)
                .collect();
            assert_eq!(tokens.cue_candidates(), expected, "{text:?}");
            assert!(!expected.is_empty());
        }
    }

    #[test]
    fn paragraph_breaks_hold_two_line_breaks() {
        let cases = [
            ("\n\n", true),
            ("\n \n", true),
            ("\r\n\r\n", true),
            ("\r\n", false),
            ("\r\r", true),
            ("\u{2029}", true),
            ("\n", false),
            ("\u{2028}\u{2028}", true),
            ("\u{2028}", false),
            ("\n\t ", false),
        ];
        for (gap, paragraph) in cases {
            let text = format!("fin.{gap}Début");
            let tokens = Tokens::new(&text);
            assert!(tokens.is_break(2), "{text:?}");
            assert_eq!(tokens.is_paragraph_break(2), paragraph, "{text:?}");
            assert!(!tokens.is_paragraph_break(1) && !tokens.is_paragraph_break(3));
        }
    }

    #[test]
    fn capitalized_elsewhere_finds_the_words_capitalized_inside_sentences() {
        // Few capitalised words (read key by key), then many (hashed).
        for extra in [0, 100] {
            let mut text = String::from("Paris. Longtemps il a vu Paris et Parisiens, Pari. ");
            for k in 0..extra {
                text.push_str(&format!("il voit Nom{k} et Verylongcapitalizedname{k}. "));
            }
            text.push_str("Longtemps. Parisiens. Nom7. Verylongcapitalizedname3. Lyon. Pa.");
            let tokens = Tokens::new(&text);
            let inside: Vec<&str> = tokens.capitalized_inside.iter().map(|&s| &text[s]).collect();
            for i in (0..tokens.len()).filter(|&i| tokens.is_word(i)) {
                let expected = inside.contains(&tokens.str(i));
                assert_eq!(tokens.capitalized_elsewhere(i), expected, "{}", tokens.str(i));
            }
            assert!(tokens.capitalized_elsewhere(0));
            assert!(!tokens.capitalized_elsewhere(2));
        }
    }

    #[test]
    fn plain_words_lowercase_as_they_normalize() {
        let words = ["Jean-Marc", "ÉTATS-UNIS", "àÀ×÷ÞßÿA", "x", "Ça-Ç", "1.900", "QU'IL"];
        for word in words {
            let mut out = Vec::new();
            assert!(lowercase_plain_into(word.as_bytes(), &mut out), "{word}");
            assert_eq!(out, crate::lexicon::normalize(word).as_bytes(), "{word}");
        }
        for word in ["Jean’Marc", "œuvre", "de\u{301}ja"] {
            assert!(!lowercase_plain_into(word.as_bytes(), &mut Vec::new()), "{word}");
        }
    }

    /// A small xorshift generator from `seed`: the same texts at every run.
    fn xorshift(mut state: u64) -> impl FnMut() -> u64 {
        move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        }
    }

    /// The tokens of `text` read the general way only ([`Building::push_any`]), which every
    /// fast path must agree with.
    fn tokenize_the_general_way(text: &str) -> Tokens<'_> {
        let mut out = Building::new(text);
        let mut i = 0;
        while i < text.len() {
            i = if text.as_bytes()[i] == b' ' { i + 1 } else { out.push_any(i) };
        }
        out.finish()
    }

    #[test]
    fn fast_paths_agree_with_the_general_way() {
        let pieces = [
            "a",
            "Z",
            "é",
            "É",
            "ç",
            "×",
            "÷",
            "'",
            "’",
            "-",
            ".",
            ",",
            " ",
            " ",
            " ",
            "\n",
            "«",
            "»",
            "\u{a0}",
            "l",
            "qu",
            "Jusqu",
            "déclaré",
            "États",
            "Jean",
            "a-t-il",
            "1",
            "9",
            "…",
            "—",
            "œ",
            "ǅ",
            "\u{ad}",
            "\u{301}",
            "abcdefghijklmno",
            "ABCDEFGH",
            "présidentielle",
            "x",
            "\r\n",
            "\t",
            "M",
            "(",
            ":",
            "?",
            "ß",
            "Þ",
            "ÿ",
            "\u{2028}",
            "ª",
            "²",
            "\u{2009}",
            "\u{200b}",
            "\u{2060}",
            "‘",
            "\u{feff}",
            "\"",
            "!",
            "˝",
            "“",
            "”",
            "‹",
            "›",
            "\r",
        ];
        let mut next = xorshift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..20_000 {
            let n = 1 + next() % 30;
            let text: String =
                (0..n).map(|_| pieces[(next() % pieces.len() as u64) as usize]).collect();
            let fast = Tokens::new(&text);
            let general = tokenize_the_general_way(&text);
            assert_eq!(fast.len(), general.len(), "{text:?}");
            for (k, (a, b)) in fast.toks.iter().zip(&general.toks).enumerate() {
                let read = |t: &Token| {
                    (t.span(), t.kind, t.first, t.dotted, t.joined, t.normal, t.facts.flags)
                };
                assert_eq!(read(a), read(b), "{text:?} token {k}");
                assert_eq!(a.facts.cue.is_some(), b.facts.cue.is_some(), "{text:?} token {k}");
                assert_eq!(fast.norm(k), general.norm(k), "{text:?} token {k}");
            }
            assert_eq!(fast.cue_candidates(), general.cue_candidates(), "{text:?}");
            assert_eq!(fast.breaks, general.breaks, "{text:?}");
            // The separators noted are the commas and dashes among the tokens.
            let separators: Vec<u32> = (0..fast.len())
                .filter(|&k| [',', '–', '—', '-'].iter().any(|&c| fast.is_punct(k, c)))
                .map(|k| k as u32)
                .collect();
            assert_eq!(fast.separators(), separators, "{text:?}");
            assert_eq!(fast.separators, general.separators, "{text:?}");
            assert_eq!(fast.capitalized_inside, general.capitalized_inside, "{text:?}");
            assert_eq!(fast.cue_reads_apart(), general.cue_reads_apart(), "{text:?}");
            // The stops noted on the way are those a search of the text finds.
            assert_eq!(fast.stops(), &Stops::of(&text), "{text:?}");
        }
    }

    /// Over any characters (not only French text's), the stops the tokenizer notes are those
    /// a search of the text finds.
    #[test]
    fn stops_noted_while_reading_are_those_of_the_text() {
        let mut next = xorshift(0x2545_f491_4f6c_dd1d);
        for _ in 0..5_000 {
            let n = next() % 40;
            let text: String = (0..n)
                .filter_map(|_| {
                    // Mostly ASCII and Latin-1, some of the rest of the BMP.
                    let c = match next() % 4 {
                        0 | 1 => next() % 0x80,
                        2 => 0x80 + next() % 0x200,
                        _ => next() % 0x3000,
                    };
                    char::from_u32(c as u32)
                })
                .collect();
            assert_eq!(Tokens::new(&text).stops(), &Stops::of(&text), "{text:?}");
        }
    }

    /// Every token is written once and read many times: it stays at 32 bytes.
    #[test]
    fn a_token_is_thirty_two_bytes() {
        assert_eq!(size_of::<Option<Slot>>(), 4);
        assert_eq!(size_of::<Token>(), 32);
    }

    #[test]
    fn elided_norms_are_the_elided_words() {
        let joined: String = ELIDED.iter().map(|e| format!("{e}'")).collect();
        assert_eq!(ELIDED_NORMS, joined);
        let mut start = 0;
        for word in ELIDED {
            assert_eq!(&ELIDED_NORMS[start..start + word.len() + 1], format!("{word}'"));
            let mut key = [0u8; 8];
            key[..word.len()].copy_from_slice(word.as_bytes());
            assert_eq!(elided_norm_at(u64::from_le_bytes(key)), Some(start), "{word}");
            start += word.len() + 1;
        }
        assert_eq!(elided_norm_at(u64::from(b'x')), None);
    }

    #[test]
    fn nfd_accents_stay_in_the_word() {
        let t = "a de\u{301}clare\u{301}";
        assert_eq!(words(t), ["a", "de\u{301}clare\u{301}"]);
    }
}
