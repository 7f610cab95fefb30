//! French sentence splitter for press text.
//!
//! [`split_at`] cuts a text into sentences whose spans tile it exactly. It is a single
//! left-to-right scan with bounded look-behind and look-ahead, so it runs in time linear
//! in the length of the text (plus `O(log p)` per candidate boundary for `p` protected
//! spans).
//!
//! A boundary is placed:
//! - after every line break (`\n`, `\r\n`, lone `\r`, U+2028, U+2029), and after the
//!   whitespace that follows it;
//! - after a run of `.` `!` `?` `…`, the closing marks that follow it (`»` `”` `"` `’`
//!   `)` `]` `›`, possibly after spaces for `»` `”` `›` and a closing `"`) and the
//!   whitespace after those, when the next character starts a sentence: an uppercase
//!   letter, a digit, an opening mark or a dash.
//!
//! A single period is further checked against the word before it: known abbreviations
//! (`src/data/abbreviations.txt`), initials (`J.-M. Le Pen`, `Philippe R. Dupont`) and
//! list numbers at the start of a sentence (`1. Le contexte`) do not end a sentence.
//! No boundary is ever placed strictly inside a protected span.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

use crate::lexicon::WordHasher;
use crate::pool;
use crate::scan::{Stops, is_alphanumeric, is_line_break};
use crate::span::Span;
use crate::token::{HIGH, ascii_alnum_bytes, bytes_in_range};

/// Longest word (in chars) examined before a period; longer words are ordinary words.
const MAX_TOKEN_CHARS: usize = 32;
/// Longest word (in chars) examined after an initial.
const MAX_NEXT_WORD_CHARS: usize = 24;

/// Abbreviations, without their final period, mapped to whether they may end a sentence.
static ABBREVIATIONS: LazyLock<Abbreviations> =
    LazyLock::new(|| parse_abbreviations(include_str!("data/abbreviations.txt")));

struct Abbreviations {
    map: HashMap<&'static str, bool, BuildHasherDefault<WordHasher>>,
    /// The longest key, in bytes: most words before a period are longer, and need no look-up.
    longest: usize,
}

fn parse_abbreviations(source: &'static str) -> Abbreviations {
    let mut map = HashMap::default();
    for line in source.lines() {
        let line = line.split('#').next().unwrap_or("");
        let mut fields = line.split_whitespace();
        let Some(entry) = fields.next() else { continue };
        let may_end = fields.next() == Some("*");
        let key = entry.strip_suffix('.').unwrap_or(entry);
        if !key.is_empty() {
            map.insert(key, may_end);
        }
    }
    let longest = map.keys().map(|k| k.len()).max().unwrap_or(0);
    Abbreviations { map, longest }
}

/// Capitalised function words that commonly open a sentence. After an initial
/// (`Philippe R.`), a following capitalised word ends the sentence only if it is one of these.
#[rustfmt::skip]
const SENTENCE_STARTERS: &[&str] = &[
    "Il", "Ils", "Elle", "Elles", "On", "Je", "Tu", "Nous", "Vous", "Le", "La", "Les", "Un",
    "Une", "Des", "Du", "De", "Au", "Aux", "À", "Ce", "Cet", "Cette", "Ces", "Cela", "Ceci",
    "Ça", "Mais", "Et", "Ou", "Donc", "Or", "Ni", "Car", "Puis", "Alors", "Ainsi", "Aussi",
    "Enfin", "Pourtant", "Cependant", "Toutefois", "Néanmoins", "Si", "Quand", "Lorsque",
    "Comme", "Dans", "En", "Pour", "Par", "Sur", "Sous", "Avec", "Sans", "Selon", "Après",
    "Avant", "Depuis", "Pendant", "Malgré", "Son", "Sa", "Ses", "Leur", "Leurs", "Mon",
    "Ma", "Mes", "Notre", "Nos", "Votre", "Vos", "Tout", "Tous", "Toute", "Toutes",
    "Chaque", "Aucun", "Aucune", "Rien", "Qui", "Que", "Quoi", "Où", "Pas", "Non", "Oui",
    "Ici", "Là", "Voilà", "Voici", "Encore", "Même", "Désormais", "Bref", "Certes", "Parmi",
    "Entre", "Contre", "Vers", "Chez", "Lui", "Eux", "Dès", "Face", "Reste",
];

/// Elided starters, followed by an apostrophe (`L’État`, `Qu’il`).
#[rustfmt::skip]
const ELIDED_STARTERS: &[&str] = &[
    "L", "D", "C", "J", "N", "S", "M", "T", "Qu", "Lorsqu", "Puisqu", "Jusqu", "Quoiqu",
];

/// Whether `word` is a known abbreviation, with or without its final period
/// (`"M."`, `"M"`, `"etc."`, `"J.-C."`, `"n°"`).
///
/// Lowercase abbreviations of two letters or more also match capitalised (`"Cf."`).
#[cfg(test)]
pub(crate) fn is_abbreviation(word: &str) -> bool {
    let word = word.strip_suffix('.').unwrap_or(word);
    abbreviation(word).is_some()
}

/// Room for an abbreviation with its first letter lowercased, in bytes.
const LOWERED_ROOM: usize = 64;

/// Looks up `token` (without final period): `Some(may_end_sentence)` if it is an abbreviation.
fn abbreviation(token: &str) -> Option<bool> {
    let Abbreviations { map, longest } = &*ABBREVIATIONS;
    // Lowercasing the first letter changes the length by two bytes at most (`K`, the Kelvin
    // sign, is three bytes; `k`, one).
    if token.len() > longest + 2 {
        return None;
    }
    if let Some(&may_end) = map.get(token) {
        return Some(may_end);
    }
    let mut chars = token.chars();
    let first = chars.next()?;
    if first.is_uppercase() && chars.next().is_some() {
        // The lowered word is written on the stack: abbreviations are short (a longer word
        // is none, and was sent back above; a test checks the longest fits).
        let mut buf = [0u8; LOWERED_ROOM];
        let mut len = 0;
        for c in first.to_lowercase() {
            len += c.encode_utf8(buf.get_mut(len..len + c.len_utf8())?).len();
        }
        let rest = &token.as_bytes()[first.len_utf8()..];
        buf.get_mut(len..len + rest.len())?.copy_from_slice(rest);
        let lowered = std::str::from_utf8(&buf[..len + rest.len()]).ok()?;
        if lowered.chars().next().is_some_and(char::is_lowercase) {
            return map.get(lowered).copied();
        }
    }
    None
}

/// Split `text` into sentences. The spans tile the input exactly: the first starts at 0, each
/// starts where the previous ended, the last ends at text.len(), none is empty; every boundary is
/// on a char boundary. Whitespace between sentences belongs to the end of the preceding sentence.
/// `protected` is a sorted list of non-overlapping byte spans (quotations found by another stage,
/// from opening to closing mark) inside which no boundary may be placed. `stops` are the
/// text's (see [`Stops`]): the splitter reads the text only there and around.
pub(crate) fn split_at(text: &str, protected: &[Span], stops: &Stops) -> Vec<Span> {
    let mut next_stop = stops.ends();
    let len = text.len();
    if len == 0 {
        return Vec::new();
    }
    let guard = Guard::new(text, protected);
    let bytes = text.as_bytes();
    // Room for a sentence every 64 bytes (press sentences are longer): no regrowing.
    let mut spans = pool::take(len / 64 + 1);
    let mut last = 0;
    // First non-space byte of the current sentence.
    let mut first_word = skip_space(text, 0);
    let mut i = 0;
    while i < len {
        // Jump to the next byte that can end a sentence or a line.
        match next_stop.at_or_after(i) {
            Some(k) => i = k,
            None => break,
        }
        let (next, boundary) = match bytes[i] {
            b'\n' | b'\r' => line_break(text, i + 1, &guard),
            b'.' | b'!' | b'?' => terminator(text, i, first_word, &guard),
            // Lead byte of `…`, U+2028 and U+2029: E2 80 A6, A8 and A9, told by their bytes
            // (most E2 in French text lead an apostrophe `’`, E2 80 99).
            0xE2 => match bytes.get(i + 1..i + 3) {
                Some([0x80, 0xA6]) => terminator(text, i, first_word, &guard),
                Some([0x80, 0xA8 | 0xA9]) => line_break(text, i + 3, &guard),
                _ => (i + 1, None),
            },
            // Any other byte, including UTF-8 continuation bytes, which never match above.
            _ => (i + 1, None),
        };
        debug_assert!(next > i);
        if let Some(b) = boundary {
            if b > last && b < len && text.is_char_boundary(b) {
                spans.push(Span::new(last, b));
                last = b;
                first_word = b;
            }
        }
        i = next;
    }
    spans.push(Span::new(last, len));
    spans
}

/// The protected spans, normalised (sorted, merged, clipped to the text).
struct Guard {
    spans: Vec<Span>,
}

impl Drop for Guard {
    fn drop(&mut self) {
        pool::give_from(&mut self.spans);
    }
}

impl Guard {
    fn new(text: &str, protected: &[Span]) -> Guard {
        let mut spans: Vec<Span> = pool::take(protected.len());
        spans.extend(
            protected
                .iter()
                .map(|s| Span::new(s.start.min(text.len()), s.end.min(text.len())))
                .filter(|s| s.len() > 1),
        );
        if !spans.is_sorted_by_key(|s| s.start) {
            spans.sort_unstable_by_key(|s| s.start);
        }
        let mut merged: Vec<Span> = pool::take(spans.len());
        for &s in &spans {
            match merged.last_mut() {
                Some(prev) if s.start < prev.end => prev.end = prev.end.max(s.end),
                _ => merged.push(s),
            }
        }
        pool::give(spans);
        Guard { spans: merged }
    }

    /// The protected span strictly containing position `b`, if any.
    fn around(&self, b: usize) -> Option<Span> {
        let idx = self.spans.partition_point(|s| s.end <= b);
        self.spans.get(idx).copied().filter(|s| s.start < b)
    }

    /// Whether `b` lies strictly inside a protected span.
    fn inside(&self, b: usize) -> bool {
        self.around(b).is_some()
    }

    /// `b` if it is outside every protected span; else the start of the span holding it,
    /// when that start is at or after `lo` (the span opens in the gap between sentences).
    fn place(&self, text: &str, lo: usize, b: usize) -> Option<usize> {
        match self.around(b) {
            None => Some(b),
            Some(s) if s.start >= lo && text.is_char_boundary(s.start) => Some(s.start),
            Some(_) => None,
        }
    }
}

/// [`split_at`], finding the text's stops first.
#[cfg(test)]
pub(crate) fn split(text: &str, protected: &[Span]) -> Vec<Span> {
    split_at(text, protected, &Stops::of(text))
}

/// First position at or after `i` that is not whitespace (line breaks included).
fn skip_space(text: &str, i: usize) -> usize {
    let rest = &text[i..];
    i + (rest.len() - rest.trim_start().len())
}

/// First position at or after `i` that is not horizontal whitespace.
fn skip_hspace(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    // Byte by byte for ASCII (mostly one space, or none, then a letter): no decoding.
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            // The ASCII spaces but the line breaks `\n` and `\r`.
            if !matches!(b, b' ' | b'\t' | b'\x0b' | b'\x0c') {
                break;
            }
            i += 1;
        } else {
            match text[i..].chars().next() {
                Some(c) if c.is_whitespace() && !is_line_break(c) => i += c.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// A line break ends at `after`: the boundary goes after the whitespace that follows.
fn line_break(text: &str, after: usize, guard: &Guard) -> (usize, Option<usize>) {
    if guard.inside(after) {
        return (after, None);
    }
    let m = skip_space(text, after);
    (m, guard.place(text, after, m))
}

/// How the character after a candidate boundary begins the next stretch of text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Start {
    Upper,
    Digit,
    Opener,
    No,
}

fn classify_start(text: &str, m: usize) -> Start {
    let Some(c) = char_at(text, m) else {
        return Start::No;
    };
    if c.is_uppercase() {
        Start::Upper
    } else if c.is_numeric() {
        Start::Digit
    } else if matches!(
        c,
        '«' | '“' | '"' | '‹' | '‘' | '\'' | '(' | '[' | '—' | '–' | '¿' | '¡' | '•'
    ) {
        // `Monsieur D. « le coupable idéal »`: a quotation opening on a lowercase word
        // continues the sentence.
        let after = skip_hspace(text, m + c.len_utf8());
        if char_at(text, after).is_some_and(char::is_lowercase) { Start::No } else { Start::Opener }
    } else if c == '-' && char_at(text, m + 1).is_some_and(char::is_whitespace) {
        // A dialogue dash typed as a hyphen.
        Start::Opener
    } else {
        Start::No
    }
}

/// End of the closing marks after final punctuation ending at `from`, and the first
/// position after it that is not horizontal whitespace (`skip_hspace` of the end, found on
/// the way).
fn skip_closers(text: &str, from: usize) -> (usize, usize) {
    let mut k = from;
    loop {
        let at = skip_hspace(text, k);
        let Some(c) = char_at(text, at) else { return (k, at) };
        let adjacent = at == k;
        let take = match c {
            '»' | '”' | '›' => true,
            // After a space, `"` closes only when no word follows it directly.
            '"' => adjacent || !char_at(text, at + 1).is_some_and(char::is_alphanumeric),
            '’' | '\'' | ')' | ']' => adjacent,
            _ => false,
        };
        if !take {
            return (k, at);
        }
        k = at + c.len_utf8();
    }
}

/// Final punctuation starts at `t`. Returns where to resume scanning and the boundary, if any.
fn terminator(text: &str, t: usize, first_word: usize, guard: &Guard) -> (usize, Option<usize>) {
    // The run of final punctuation: `.`, `...`, `?!`, `…`.
    let mut j = t;
    let mut periods = 0usize;
    let mut other = false;
    while let Some(c) = char_at(text, j) {
        match c {
            '.' => periods += 1,
            '!' | '?' | '…' => other = true,
            _ => break,
        }
        j += c.len_utf8();
    }
    let run_end = j;
    let single_period = periods == 1 && !other;

    let (k, m) = skip_closers(text, run_end);
    let closed = k > run_end;
    // Need whitespace, then something on the same line (line breaks decide for themselves).
    if m == k || m >= text.len() || char_at(text, m).is_some_and(is_line_break) {
        return (k, None);
    }
    let start = classify_start(text, m);
    if start == Start::No {
        // Lowercase word, comma (`? », a-t-elle`), other punctuation.
        return (k, None);
    }
    if !single_period {
        // An elision mark `(…)` / `[...]` inside a sentence.
        if matches!(char_before(text, t), Some('(' | '['))
            && matches!(char_at(text, run_end), Some(')' | ']'))
        {
            return (k, None);
        }
    } else if !closed && period_continues(text, t, first_word, start, m) {
        return (k, None);
    }
    (k.max(m), guard.place(text, k, m))
}

/// Whether the single period at `t`, followed by whitespace and a possible sentence start
/// `start` at `m`, belongs to an abbreviation, an initial or a list number.
fn period_continues(text: &str, t: usize, first_word: usize, start: Start, m: usize) -> bool {
    let Some((token_start, token)) = token_before(text, t) else {
        return false;
    };
    if let Some(may_end) = abbreviation(token) {
        return !(may_end && matches!(start, Start::Upper | Start::Opener));
    }
    if is_initials(token) {
        // Hyphenated initials (`J.-M.`, `J.-P.`) are first names: never final before a capital.
        let hyphenated = token.contains('-');
        return start == Start::Upper && (hyphenated || !is_starter_word(text, m));
    }
    // `1. Le contexte`: a small number opening the sentence is a list number.
    token_start == first_word && token.len() <= 3 && token.bytes().all(|b| b.is_ascii_digit())
}

/// The word before the period at `t`: letters, digits and inner `.` `-` (`J.-C`, `etc`).
/// `None` if there is none or it is too long to be an abbreviation.
fn token_before(text: &str, t: usize) -> Option<(usize, &str)> {
    let bytes = text.as_bytes();
    let mut start = t;
    // Characters taken so far: ASCII ones count one a byte.
    let mut chars = 0;
    loop {
        // The ASCII part of the word eight bytes at a time, from its end: most words take one
        // step, not a loop whose exit the branch predictor misses at every word.
        let chunk = match start.checked_sub(8) {
            Some(from) => bytes[from..start].try_into().unwrap_or_default(),
            None => {
                // Zeros before the text's first byte: they are no word bytes.
                let mut chunk = [0; 8];
                chunk[8 - start..].copy_from_slice(&bytes[..start]);
                chunk
            }
        };
        let n = ascii_word_suffix(u64::from_le_bytes(chunk));
        chars += n;
        start -= n;
        if chars > MAX_TOKEN_CHARS {
            return None;
        }
        if n == 8 {
            continue;
        }
        // Not an ASCII word byte: the start of the text, an ASCII separator, or a character
        // of more bytes, which may be a letter (`é`) or `°`.
        match char_before(text, start) {
            Some(c) if !c.is_ascii() && (is_alphanumeric(c) || c == '°') => {
                chars += 1;
                start -= c.len_utf8();
                if chars > MAX_TOKEN_CHARS {
                    return None;
                }
            }
            _ => break,
        }
    }
    // The word starts at its first letter or digit (`.` and `-` are ASCII).
    let start = start + bytes[start..t].iter().take_while(|&&b| b == b'.' || b == b'-').count();
    (start < t).then(|| (start, &text[start..t]))
}

/// How many of the last bytes of `chunk` (little-endian: the last byte highest) are ASCII
/// letters, digits, `-` or `.`, after the last that is not.
#[inline(always)]
fn ascii_word_suffix(chunk: u64) -> usize {
    let (alnum, _) = ascii_alnum_bytes(chunk);
    // `-` and `.` are 2D and 2E; bytes with the high bit set (non-ASCII) are neither.
    let dash_or_dot = bytes_in_range(chunk & !HIGH, b'-', b'.') & !chunk & HIGH;
    let word = alnum | dash_or_dot;
    (!word & HIGH).leading_zeros() as usize / 8
}

/// Single capitals joined by `.` or `-`: `R`, `J.-M`, `J.F`.
fn is_initials(token: &str) -> bool {
    // Each run between the `.` and `-` is one capital: read as the characters come, which
    // rejects a lowercase word at its first letter.
    let mut after_capital = false;
    for c in token.chars() {
        if c == '.' || c == '-' {
            after_capital = false;
        } else if after_capital || !c.is_uppercase() {
            return false;
        } else {
            after_capital = true;
        }
    }
    true
}

/// Whether the capitalised word at `m` is a common sentence-opening function word.
fn is_starter_word(text: &str, m: usize) -> bool {
    let rest = &text[m..];
    let mut end = rest.len();
    for (count, (idx, c)) in rest.char_indices().enumerate() {
        if !c.is_alphabetic() {
            end = idx;
            break;
        }
        if count >= MAX_NEXT_WORD_CHARS {
            return false;
        }
    }
    let word = &rest[..end];
    match rest[end..].chars().next() {
        Some('’' | '\'') => ELIDED_STARTERS.contains(&word),
        // A lone capital followed by a period is another initial (`J. A. Dupont`).
        Some('.') if word.chars().count() == 1 => false,
        _ => SENTENCE_STARTERS.contains(&word),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asserts the tiling invariants and returns the sentences, trimmed.
    fn check(text: &str, protected: &[Span]) -> Vec<String> {
        let spans = split(text, protected);
        assert_tiles(text, &spans, protected.is_empty());
        for s in &spans {
            for p in protected {
                assert!(
                    !(p.start < s.end && s.end < p.end),
                    "boundary {} inside protected {:?} in {:?}",
                    s.end,
                    p,
                    text
                );
            }
        }
        spans.iter().map(|&s| text[s].trim().to_string()).collect()
    }

    fn assert_tiles(text: &str, spans: &[Span], strict_space: bool) {
        if text.is_empty() {
            assert!(spans.is_empty());
            return;
        }
        assert_eq!(spans.first().map(|s| s.start), Some(0), "{text:?}");
        assert_eq!(spans.last().map(|s| s.end), Some(text.len()), "{text:?}");
        for w in spans.windows(2) {
            assert_eq!(w[0].end, w[1].start, "{text:?}");
        }
        for s in spans {
            assert!(!s.is_empty(), "empty span in {text:?}");
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
        // Whitespace goes with the preceding sentence: no sentence but the first starts with it.
        for s in spans.iter().skip(1).filter(|_| strict_space) {
            let c = text[s.start..].chars().next().unwrap();
            assert!(!c.is_whitespace(), "sentence starts with whitespace in {text:?}");
        }
    }

    fn sents(text: &str) -> Vec<String> {
        check(text, &[])
    }

    fn one(text: &str) {
        assert_eq!(sents(text), vec![text.trim().to_string()], "{text:?}");
    }

    #[test]
    fn every_abbreviation_fits_the_room_for_its_lowercase() {
        // Two more bytes than the word's for its first letter's lowercase, as `abbreviation`
        // allows, and a lowercase first letter of up to three chars.
        assert!(ABBREVIATIONS.longest + 2 + 12 <= LOWERED_ROOM);
        // A capitalised abbreviation listed in lowercase (`No.` at a sentence start).
        assert!(abbreviation("no").is_some());
        assert_eq!(abbreviation("No"), abbreviation("no"));
        assert_eq!(abbreviation("Nos"), abbreviation("nos"));
    }

    /// The word walk and the space skip read bytes; they find what a walk over the
    /// characters finds.
    #[test]
    fn byte_readers_agree_with_char_readers() {
        fn token_before_by_chars(text: &str, t: usize) -> Option<(usize, &str)> {
            let mut start = t;
            for (count, (idx, c)) in text[..t].char_indices().rev().enumerate() {
                if !(is_alphanumeric(c) || c == '.' || c == '-' || c == '°' || c == 'º') {
                    break;
                }
                if count >= MAX_TOKEN_CHARS {
                    return None;
                }
                start = idx;
            }
            let token = &text[start..t];
            let trimmed = token.trim_start_matches(['.', '-']);
            let start = start + (token.len() - trimmed.len());
            (!trimmed.is_empty()).then_some((start, trimmed))
        }
        fn skip_hspace_by_chars(text: &str, i: usize) -> usize {
            let rest = &text[i..];
            let trimmed = rest.trim_start_matches(|c: char| c.is_whitespace() && !is_line_break(c));
            i + (rest.len() - trimmed.len())
        }
        fn is_initials_by_parts(token: &str) -> bool {
            token.split(['.', '-']).filter(|p| !p.is_empty()).all(|part| {
                let mut chars = part.chars();
                chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
            })
        }
        let mut texts: Vec<String> = (0u32..0x3100)
            .filter_map(char::from_u32)
            .map(|c| format!("{c}a{c}é.-{c} {c}\u{a0}{c}"))
            .collect();
        texts.extend(
            [31, 32, 33, 40]
                .map(|n| format!("x {}.", "é".repeat(n)))
                .into_iter()
                .chain([31, 32, 33, 40].map(|n| format!("x y{}.", "ab-".repeat(n / 3)))),
        );
        let mut rng = Rng(0x1234_5678_9abc_def1);
        texts.extend(
            ["J.-M.", "A.B", "AB.", "-A-", "É.À", "É.Àb", "a.B", "..", "A..B"].map(String::from),
        );
        for _ in 0..3_000 {
            let n = rng.below(40);
            texts.push((0..n).map(|_| PIECES[rng.below(PIECES.len())]).collect());
        }
        for text in &texts {
            for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
                assert_eq!(token_before(text, i), token_before_by_chars(text, i), "{text:?} {i}");
                assert_eq!(skip_hspace(text, i), skip_hspace_by_chars(text, i), "{text:?} {i}");
                let word = &text[skip_hspace(text, i)..];
                assert_eq!(is_initials(word), is_initials_by_parts(word), "{word:?}");
            }
        }
    }

    #[test]
    fn empty_and_trivial() {
        assert!(split("", &[]).is_empty());
        assert_eq!(sents("Bonjour"), ["Bonjour"]);
        assert_eq!(sents("   "), [""]);
        assert_eq!(sents("Fin."), ["Fin."]);
    }

    #[test]
    fn basic_boundaries() {
        assert_eq!(
            sents("Le maire a démissionné. Il sera remplacé lundi! Qui le remplacera ? Personne…"),
            [
                "Le maire a démissionné.",
                "Il sera remplacé lundi!",
                "Qui le remplacera ?",
                "Personne…"
            ]
        );
        assert_eq!(
            sents("La séance est levée... Les députés sortent."),
            ["La séance est levée...", "Les députés sortent."]
        );
        assert_eq!(sents("Vraiment ?! Oui."), ["Vraiment ?!", "Oui."]);
    }

    #[test]
    fn whitespace_belongs_to_preceding_sentence() {
        let text = "Il pleut.  \u{a0}Le match est reporté.";
        let spans = split(text, &[]);
        assert_eq!(spans.len(), 2);
        assert_eq!(&text[spans[0]], "Il pleut.  \u{a0}");
        assert_eq!(&text[spans[1]], "Le match est reporté.");
    }

    #[test]
    fn next_sentence_starts() {
        assert_eq!(
            sents("Il a gagné. 2024 sera meilleur."),
            ["Il a gagné.", "2024 sera meilleur."]
        );
        assert_eq!(
            sents("Le débat est clos. « Nous verrons », dit-il."),
            ["Le débat est clos.", "« Nous verrons », dit-il."]
        );
        assert_eq!(
            sents("Il est parti. “Adieu”, a-t-il écrit."),
            ["Il est parti.", "“Adieu”, a-t-il écrit."]
        );
        assert_eq!(
            sents("Il est parti. \"Adieu\", a-t-il écrit."),
            ["Il est parti.", "\"Adieu\", a-t-il écrit."]
        );
        assert_eq!(
            sents("Le vote a eu lieu. (Les résultats sont attendus.) Le préfet attend."),
            ["Le vote a eu lieu.", "(Les résultats sont attendus.)", "Le préfet attend."]
        );
        assert_eq!(
            sents("Tu viens ? — Non, je reste. – Dommage."),
            ["Tu viens ?", "— Non, je reste.", "– Dommage."]
        );
        assert_eq!(sents("Tu viens ? - Non."), ["Tu viens ?", "- Non."]);
        assert_eq!(
            sents("Il hésite. Élisabeth Borne tranche."),
            ["Il hésite.", "Élisabeth Borne tranche."]
        );
        // Punctuation or a symbol after the space does not start a sentence.
        one("Le score : 3 à 1. % de participation inconnu");
    }

    #[test]
    fn line_breaks_are_hard_boundaries() {
        assert_eq!(
            sents("Les HLM face à la crise\n\nLe logement social s'inquiète. Il alerte.\nFin"),
            ["Les HLM face à la crise", "Le logement social s'inquiète.", "Il alerte.", "Fin"]
        );
        let text = "Titre sans point\r\nPremier paragraphe\rSecond paragraphe\r\n";
        assert_eq!(sents(text), ["Titre sans point", "Premier paragraphe", "Second paragraphe"]);
        let spans = split(text, &[]);
        assert_eq!(&text[spans[0]], "Titre sans point\r\n");
        // A line break ends a sentence even before a lowercase word, after an abbreviation.
        assert_eq!(sents("voir M.\nle texte"), ["voir M.", "le texte"]);
        assert_eq!(sents("Titre\u{2028}suite"), ["Titre", "suite"]);
        // Spaces before and after the break all stay with the first sentence.
        let text = "Il part. \n  Elle reste.";
        let spans = split(text, &[]);
        assert_eq!(&text[spans[0]], "Il part. \n  ");
    }

    #[test]
    fn titles_and_abbreviations() {
        one("M. Macron a reçu Mme Borne et MM. Dupont et Durand.");
        one("Selon Mme. Lagarde, la BCE attendra.");
        one("Mlle. Martin et le Dr. Durand ont témoigné.");
        one("Le Pr. Raoult et Me. Dupond-Moretti se sont croisés.");
        one("Mgr. Aupetit a célébré la messe à St. Eustache puis à Ste. Clotilde.");
        one("L'affaire est jugée par la Cie. Générale et les Ets. Martin.");
        one("Voir le n° 12 et le no. 13, p. 45 et pp. 50-52.");
        one("La loi (art. 49, al. 3) est citée dans le vol. 2, chap. IV.");
        one("Cf. Le Monde du 3 mai, et cf. Libération.");
        one("Il habite au 12 av. Foch, puis au 3 bd. Haussmann.");
        one("Appelez le tél. 01 02 03 04 05.");
        one("Il y avait env. 300 personnes, min. 20 et max. 500.");
        one("M. Le Pen est arrivé.");
    }

    #[test]
    fn etc_and_may_end_abbreviations() {
        assert_eq!(
            sents("Ils ont acheté du pain, du lait, etc. Le lendemain, ils sont revenus."),
            ["Ils ont acheté du pain, du lait, etc.", "Le lendemain, ils sont revenus."]
        );
        one("Du pain, du lait, etc. et des fruits.");
        one("Du pain, du lait, etc. 3 kilos en tout.");
        assert_eq!(
            sents("Ils étaient env. Les autres sont partis."),
            ["Ils étaient env.", "Les autres sont partis."]
        );
        assert_eq!(
            sents("Le chantier commencera le 3 janv. Les riverains sont prévenus."),
            ["Le chantier commencera le 3 janv.", "Les riverains sont prévenus."]
        );
        one("Le 3 janv. 2016, il est parti.");
    }

    #[test]
    fn jesus_christ_dates() {
        one("César est mort en 44 av. J.-C. en plein Sénat.");
        assert_eq!(
            sents("La ville est fondée en 52 av. J.-C. Les Romains y restent."),
            ["La ville est fondée en 52 av. J.-C.", "Les Romains y restent."]
        );
        one("Vers 400 apr. J.-C. la ville décline.");
    }

    #[test]
    fn initials() {
        one("J.-M. Le Pen a répondu.");
        one("J. F. Kennedy est mort à Dallas.");
        one("Philippe R., qui témoigne, est inquiet.");
        one("Alexandre T. a perdu son emploi.");
        one("Selon Philippe R. Durand, rien ne change.");
        one("Le témoin, Jean-Marc D. Lefèvre, se tait.");
        assert_eq!(
            sents("Il a parlé à Philippe R. Il était inquiet."),
            ["Il a parlé à Philippe R.", "Il était inquiet."]
        );
        assert_eq!(
            sents("Il faut un plan B. Les élus hésitent."),
            ["Il faut un plan B.", "Les élus hésitent."]
        );
        assert_eq!(
            sents("Voici la vitamine C. L’hiver arrive."),
            ["Voici la vitamine C.", "L’hiver arrive."]
        );
        one("Le docteur J. A. Martin opère.");
        one("Il voit dans Monsieur D. « le coupable idéal ».");
        assert_eq!(
            sents("Ils aiment les U.S.A. Mais ils restent."),
            ["Ils aiment les U.S.A.", "Mais ils restent."]
        );
    }

    #[test]
    fn numbers() {
        one("La croissance est de 3.5 % et la dette de 1.000 milliards.");
        one("Il faudrait mobiliser 2.2 millions de demandeurs d'emploi.");
        assert_eq!(
            sents("Il est né en 1975. Il a 50 ans."),
            ["Il est né en 1975.", "Il a 50 ans."]
        );
        assert_eq!(sents("1. Le contexte\n2. Les enjeux"), ["1. Le contexte", "2. Les enjeux"]);
        one("12. Une dernière remarque.");
    }

    #[test]
    fn question_and_exclamation_before_incise() {
        one("« Pourquoi pas ? », a-t-elle demandé.");
        one("Pourquoi pas ? demanda-t-elle.");
        one("« Vraiment ! » s'exclame-t-il");
        one("« Vraiment\u{a0}! »\u{a0}s'exclame-t-il.");
        one("Quoi ?! répète-t-il.");
        assert_eq!(
            sents("« Pourquoi pas ? » Elle a souri."),
            ["« Pourquoi pas ? »", "Elle a souri."]
        );
    }

    #[test]
    fn closing_mark_stays_with_sentence() {
        let text = "« Il viendra. » Puis il est parti.";
        assert_eq!(sents(text), ["« Il viendra. »", "Puis il est parti."]);
        assert_eq!(&text[split(text, &[])[0]], "« Il viendra. » ");
        assert_eq!(
            sents("« Il viendra.\u{202f}» Puis il est parti."),
            ["« Il viendra.\u{202f}»", "Puis il est parti."]
        );
        assert_eq!(sents("Il a dit “non.” Le reste suit."), ["Il a dit “non.”", "Le reste suit."]);
        assert_eq!(
            sents("Il a dit \"non.\" Le reste suit."),
            ["Il a dit \"non.\"", "Le reste suit."]
        );
        assert_eq!(
            sents("Il a dit « non ». Le reste suit."),
            ["Il a dit « non ».", "Le reste suit."]
        );
        assert_eq!(
            sents("Un rapport (publié hier.) Le ministre répond."),
            ["Un rapport (publié hier.)", "Le ministre répond."]
        );
        one("« Il viendra. », dit-elle.");
        one("Il a raison. « selon » lui, tout va bien.");
    }

    #[test]
    fn lowercase_after_period_is_not_a_boundary() {
        one("Il dit que le texte. est mal écrit.");
        one("Ils ont parlé, etc. et puis sont partis.");
    }

    #[test]
    fn ellipsis() {
        one("Il hésite… puis il repart.");
        one("Il hésite... puis il repart.");
        assert_eq!(sents("Il hésite… Puis il repart."), ["Il hésite…", "Puis il repart."]);
        one("« Nous avons (…) Il faut agir », dit-il.");
        one("« Nous avons [...] Le pays attend », dit-il.");
        one("« Bon… », soupire-t-il.");
    }

    #[test]
    fn urls_and_domains() {
        one("Le site publicsenat.fr et layoffs.fyi recensent www.example.com chaque jour.");
        assert_eq!(
            sents("Lisez publicsenat.fr. Le reste suit."),
            ["Lisez publicsenat.fr.", "Le reste suit."]
        );
    }

    #[test]
    fn french_spacing() {
        assert_eq!(
            sents("Vraiment\u{a0}? Oui\u{202f}! Bon\u{a0}: on y va."),
            ["Vraiment\u{a0}?", "Oui\u{202f}!", "Bon\u{a0}: on y va."]
        );
        assert_eq!(
            sents("Il pleut.\u{a0}Le match est reporté."),
            ["Il pleut.", "Le match est reporté."]
        );
        one("M.\u{a0}Dupont et Mme\u{a0}Durand.");
    }

    #[test]
    fn protected_spans() {
        let text = "Il a dit : « Je viendrai. Nous verrons. » Puis il est parti.";
        let open = text.find('«').unwrap();
        let close = text.find('»').unwrap() + '»'.len_utf8();
        let p = [Span::new(open, close)];
        assert_eq!(
            check(text, &p),
            ["Il a dit : « Je viendrai. Nous verrons. »", "Puis il est parti."]
        );
        // Without protection the quotation is split.
        assert_eq!(sents(text).len(), 3);

        let text = "« Première ligne.\nSeconde ligne. » Fin.\nAprès";
        let p = [Span::new(0, text.find('»').unwrap() + 2)];
        assert_eq!(check(text, &p), ["« Première ligne.\nSeconde ligne. »", "Fin.", "Après"]);
        // A protected span opening right after a period: boundary before it.
        let text = "Il part. « Adieu. Au revoir. » Fin.";
        let open = text.find('«').unwrap();
        let p = [Span::new(open, text.find('»').unwrap() + 2)];
        assert_eq!(check(text, &p), ["Il part.", "« Adieu. Au revoir. »", "Fin."]);
        // Unsorted or overlapping input must not panic.
        let _ = check(text, &[Span::new(20, 30), Span::new(0, 5), Span::new(3, 12)]);
    }

    #[test]
    fn is_abbreviation_works() {
        for w in ["M.", "M", "Mme", "etc.", "J.-C.", "n°", "av.", "Cf.", "janv.", "bd."] {
            assert!(is_abbreviation(w), "{w}");
        }
        for w in ["Paris.", "le", "", ".", "P.", "Dupont", "m."] {
            assert!(!is_abbreviation(w), "{w}");
        }
        assert!(ABBREVIATIONS.map.len() >= 40);
    }

    // ---- pathological inputs: results only, must stay fast in debug builds ----

    #[test]
    fn period_then_many_spaces() {
        let text = format!("Fin.{}", " ".repeat(200_000));
        assert_eq!(split(&text, &[]), [Span::new(0, text.len())]);
        let text = format!("Fin.{}Début", " ".repeat(200_000));
        assert_eq!(sents(&text), ["Fin.", "Début"]);
    }

    #[test]
    fn period_then_many_nbsp() {
        let text = format!("Fin.{}", "\u{a0}".repeat(200_000));
        assert_eq!(split(&text, &[]), [Span::new(0, text.len())]);
        let text = format!("Fin.{}Début", "\u{202f}".repeat(200_000));
        assert_eq!(sents(&text), ["Fin.", "Début"]);
    }

    #[test]
    fn many_periods() {
        let text = ".".repeat(100_000);
        assert_eq!(split(&text, &[]), [Span::new(0, text.len())]);
        let text = format!("Attendez{} Puis", ".".repeat(100_000));
        assert_eq!(split(&text, &[]).len(), 2);
        let text = ". ".repeat(100_000);
        assert_eq!(split(&text, &[]).len(), 1);
        let text = "M. ".repeat(100_000);
        assert_eq!(split(&text, &[]).len(), 1);
        let text = "A.".repeat(100_000) + " Fin";
        assert_eq!(split(&text, &[]).len(), 2);
    }

    #[test]
    fn many_line_breaks_and_long_words() {
        let text = "\n".repeat(200_000);
        assert_eq!(split(&text, &[]), [Span::new(0, text.len())]);
        let text = format!("« {} »", "\n".repeat(200_000));
        assert_eq!(split(&text, &[Span::new(0, text.len())]).len(), 1);
        let text = format!("{}. Fin", "é".repeat(200_000));
        assert_eq!(split(&text, &[]).len(), 2);
        let text = format!("X. {}", "É".repeat(200_000));
        assert_eq!(split(&text, &[]).len(), 1);
    }

    #[test]
    fn five_megabytes_of_one_sentence() {
        let sentence = "Le président a reçu M. Dupont à l’Élysée, selon publicsenat.fr. ";
        let n = 5_000_000 / sentence.len();
        let text = sentence.repeat(n);
        let spans = split(&text, &[]);
        assert_eq!(spans.len(), n);
        assert!(spans.iter().all(|s| s.len() == sentence.len()));
    }

    // ---- property-style test ----

    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            // xorshift64*
            let mut x = self.0;
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            self.0 = x;
            x.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    #[rustfmt::skip]
    const PIECES: &[&str] = &[

        "a", "e", "Z", "Il", "le", "M", "Mme", "etc", "J", "-", "C", "é", "É", "ç", "œ", "ß", "0",
        "7", ".", ".", ".", "..", "…", "!", "?", ",", ";", ":", "'", "’", "\"", "«", "»", "“", "”",
        "‹", "›", "(", ")", "[", "]", "—", "–", " ", " ", " ", "\u{a0}", "\u{202f}", "\n", "\r",
        "\r\n", "\u{2028}", "\t", "°", "n°", "av", "J.-C.", "🙂", "中", "\u{301}", "www", "fr",
        "Le", "Elle",
    ];

    #[test]
    fn generated_strings_tile() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for _ in 0..3_000 {
            let n = rng.below(60);
            let mut text = String::new();
            for _ in 0..n {
                text.push_str(PIECES[rng.below(PIECES.len())]);
            }
            // Random protected spans on char boundaries, sorted and disjoint.
            let cuts: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .filter(|_| rng.below(6) == 0)
                .collect();
            let protected: Vec<Span> =
                cuts.chunks(2).filter(|c| c.len() == 2).map(|c| Span::new(c[0], c[1])).collect();
            let _ = check(&text, &protected);
            let _ = check(&text, &[]);
            // Arbitrary, even invalid, protected spans never cause a panic.
            let wild = [Span::new(rng.below(200), rng.below(200)), Span::new(1, 400)];
            let spans = split(&text, &wild);
            assert_tiles(&text, &spans, false);
        }
    }
}
