//! Closed word classes and first names, from the data files under `src/data/`.
//!
//! Each file is plain text: one entry a line, `#` comments, `[class]` lines that start a
//! class. Entries are compared in a normal form: lowercase, with every apostrophe written `'`.
//!
//! Every word's classes are one bit set in one hash map, with what the cue index knows of the
//! word, so a token's classes and its cue answer cost one probe;
//! [`crate::token::Tokens`] looks them up once per token and keeps them.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use crate::token::{HIGH, bytes_in_range, is_apostrophe};

/// The word classes a token can belong to (several at once).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Class {
    Determiner,
    Feminine,
    Masculine,
    Title,
    Particle,
    Preposition,
    Conjunction,
    Pronoun,
    Stop,
    Verb,
    NotSource,
    Clitic,
    /// The first word of an adverbial phrase of `[adverb]`.
    AdverbStart,
    /// A one-word verb of saying in any form (`déclare`, `affirmant`).
    CueWord,
    /// A first name of the `first_names.txt` list.
    FirstName,
    /// A first name listed as a woman's only.
    FeminineName,
    /// A first name listed as a man's only.
    MasculineName,
    /// A word of the built-in cue index that a cue may start at (its slot's `starts_cue`).
    CueStart,
    /// A noun for a person by role, trade or tie (`ministre`, `avocate`, `voisin`), of
    /// `speaker_nouns.txt` (not in the word table: see [`Tokens::is_noun`]).
    ///
    /// [`Tokens::is_noun`]: crate::token::Tokens::is_noun
    PersonNoun,
    /// A noun for a body, a document or a medium that speaks (`syndicat`, `communiqué`).
    BodyNoun,
}

impl Class {
    pub const fn bit(self) -> u32 {
        1 << self as u32
    }

    fn from_name(name: &str) -> Option<Class> {
        Some(match name {
            "determiner" => Class::Determiner,
            "feminine" => Class::Feminine,
            "masculine" => Class::Masculine,
            "title" => Class::Title,
            "particle" => Class::Particle,
            "preposition" => Class::Preposition,
            "conjunction" => Class::Conjunction,
            "pronoun" => Class::Pronoun,
            "stop" => Class::Stop,
            "verb" => Class::Verb,
            "notsource" => Class::NotSource,
            "clitic" => Class::Clitic,
            "person" => Class::PersonNoun,
            "body" => Class::BodyNoun,
            _ => return None,
        })
    }
}

/// Gender, where a word or a name tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Gender {
    Masculine,
    Feminine,
}

/// A small fast hasher for words, the keys of every lexicon probed once per token: FxHash's
/// multiply-rotate, reading the bytes in place (a short word is one multiply; no copy into a
/// buffer). SipHash's resistance to collision attacks buys nothing for fixed word lists.
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let n = bytes.len();
        let read4 = |i: usize| {
            u64::from(u32::from_le_bytes(bytes[i..i + 4].try_into().unwrap_or_default()))
        };
        let read8 = |i: usize| u64::from_le_bytes(bytes[i..i + 8].try_into().unwrap_or_default());
        match n {
            0 => {}
            1..=3 => {
                let (first, mid, last) = (bytes[0], bytes[n / 2], bytes[n - 1]);
                self.add(u64::from_le_bytes([first, mid, last, n as u8, 0, 0, 0, 0]));
            }
            4..=8 => self.add(read4(0) | read4(n - 4) << 32),
            _ => {
                let mut i = 0;
                while i + 8 < n {
                    self.add(read8(i));
                    i += 8;
                }
                // The last 8 bytes, overlapping the previous chunk when `n` is no multiple of 8.
                self.add(read8(n - 8));
            }
        }
    }

    fn write_u8(&mut self, i: u8) {
        // The terminator `str` hashes after its bytes: no need for another multiply.
        self.0 ^= u64::from(i);
    }

    fn finish(&self) -> u64 {
        // Tables index by the low bits, which a multiply mixes least: bring up the middle.
        self.0.rotate_left(26)
    }
}

pub(crate) type WordMap<V> = HashMap<String, V, BuildHasherDefault<WordHasher>>;

/// The entry of a word the grammar table does not hold.
const NO_ENTRY: &WordEntry = &WordEntry { flags: 0, cue: None };

/// What one probe of the grammar table tells of a word in normal form.
#[derive(Clone, Copy, Default)]
pub(crate) struct WordEntry {
    /// Class bits.
    pub flags: u32,
    /// The word's place in the built-in cue index: the cue finder reads it here instead of
    /// probing its own table for the same word.
    pub cue: Option<crate::cue::Slot>,
}

/// A word of at most [`PackedWord::MAX`] bytes, zero-padded into three machine words, its
/// length in the last byte: a table keyed by it holds the key in its bucket, so a probe
/// compares it there, with no read of a string elsewhere in memory.
#[derive(Clone, Copy, PartialEq, Eq)]
struct PackedWord([u64; 3]);

impl PackedWord {
    /// 23 bytes: the 24th of the three words holds the length. (The empty word is not
    /// packed: [`SlotKey::FREE`] marks a free slot.)
    const MAX: usize = 23;

    fn new(bytes: &[u8]) -> Option<PackedWord> {
        let n = bytes.len();
        let byte = |i: usize| u64::from(bytes[i]) << (8 * i);
        let read4 = |i: usize| {
            u64::from(u32::from_le_bytes(bytes[i..i + 4].try_into().unwrap_or_default()))
        };
        let read8 = |i: usize| u64::from_le_bytes(bytes[i..i + 8].try_into().unwrap_or_default());
        // The bytes from `from` to the end (at most 8), read as the last 8 and shifted down
        // past those before `from`: no byte copied one by one.
        let tail = |from: usize| read8(n - 8) >> (8 * (from + 8 - n));
        let [a, b, c] = match n {
            1..=3 => [byte(0) | byte(n / 2) | byte(n - 1), 0, 0],
            // Two overlapping reads: the overlap is the same bytes at the same places.
            4..=8 => [read4(0) | read4(n - 4) << (8 * (n - 4)), 0, 0],
            9..=16 => [read8(0), tail(8), 0],
            17..=PackedWord::MAX => [read8(0), read8(8), tail(16)],
            _ => return None,
        };
        Some(PackedWord([a, b, c | (n as u64) << 56]))
    }

    /// Its length in bytes.
    fn len(self) -> usize {
        (self.0[2] >> 56) as usize
    }

    /// The word's hash, in the high bits: one multiply for the three words (most are zero:
    /// French words are short), whose top bits mix every bit of its input.
    fn hash(self) -> u64 {
        const K: u64 = 0x9e37_79b9_7f4a_7c15;
        let [a, b, c] = self.0;
        (a ^ b.rotate_left(23) ^ c.rotate_left(47)).wrapping_mul(K)
    }
}

/// Normal form → class bits and cue index slot, in one probe.
///
/// Words of at most [`SHORT_MAX`] bytes, most of a text's (`de`, `la`, `dans`, `selon`), are
/// keyed by one machine word, in slots half the size of the others': fewer memory pages and
/// cache lines for the words a text asks most. The others up to [`PackedWord::MAX`] bytes are
/// keyed by their [`PackedWord`]; the few longer ones are in a hash map.
struct WordTable {
    /// The words of at most [`SHORT_MAX`] bytes, by [`short_key`].
    short: ProbeTable<u64>,
    /// The other words of at most [`PackedWord::MAX`] bytes.
    packed: ProbeTable<PackedWord>,
    /// The few longer than [`PackedWord::MAX`] bytes.
    long: WordMap<WordEntry>,
    /// The length of the longest word: a longer one needs no probe.
    longest_word: usize,
}

/// The longest word keyed by one machine word: seven bytes, and the length in the eighth.
const SHORT_MAX: usize = 7;

/// The key of a word of at most [`SHORT_MAX`] bytes, packed: its first machine word (its
/// bytes) and, in the top byte, its length.
fn short_key(packed: PackedWord) -> u64 {
    packed.0[0] | packed.0[2]
}

/// A key of a [`ProbeTable`]: a word packed into its slot, so that a probe compares it there
/// with no read of a string elsewhere in memory.
trait SlotKey: Copy + Eq {
    /// The key of a free slot: no word packs to it (a packed word's length is at least 1).
    const FREE: Self;

    /// Its hash, in the high bits.
    fn hash(self) -> u64;

    /// Zero when `found` (a slot's key) is this key or [`SlotKey::FREE`]: one test of both.
    fn unsettled_by(self, found: Self) -> u64;
}

impl SlotKey for u64 {
    const FREE: u64 = 0;

    fn hash(self) -> u64 {
        self.wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }

    fn unsettled_by(self, found: u64) -> u64 {
        (found ^ self).min(found)
    }
}

impl SlotKey for PackedWord {
    const FREE: PackedWord = PackedWord([0; 3]);

    fn hash(self) -> u64 {
        PackedWord::hash(self)
    }

    fn unsettled_by(self, found: PackedWord) -> u64 {
        let differs =
            (found.0[0] ^ self.0[0]) | (found.0[1] ^ self.0[1]) | (found.0[2] ^ self.0[2]);
        // Only a free slot has a zero length byte.
        differs.min(found.0[2])
    }
}

/// Entries by packed word: open addressing with linear probing, sparse, keys in their slots.
/// A probe is a multiply, then slots compared in place until the word or a free slot. So
/// sparse a table settles nearly every word at its home slot (the word, or a free slot: a
/// miss), with no branch on which; a half-full one sent a word in four or so on, and which
/// words was a branch mispredicted about as often.
struct ProbeTable<K> {
    /// [`SlotKey::FREE`] marks a free slot, whose entry is the empty one ([`NO_ENTRY`]'s).
    /// Its length is a power of two.
    slots: Vec<(K, WordEntry)>,
    /// 64 minus the log2 of the table's length: a hash shifted right by it is a slot index.
    shift: u32,
}

impl<K: SlotKey> ProbeTable<K> {
    /// The table of `words`, at most `1 / sparseness` full.
    fn build(words: Vec<(K, WordEntry)>, sparseness: usize) -> ProbeTable<K> {
        let len = (sparseness * words.len()).next_power_of_two().max(2);
        let mut slots = vec![(K::FREE, WordEntry::default()); len];
        let shift = 64 - len.trailing_zeros();
        for (key, entry) in words {
            let mut i = (key.hash() >> shift) as usize;
            while slots[i].0 != K::FREE {
                i = (i + 1) & (len - 1);
            }
            slots[i] = (key, entry);
        }
        ProbeTable { slots, shift }
    }

    /// The entry of `key` (the empty entry if it has none).
    #[inline(always)]
    fn get(&self, key: K) -> &WordEntry {
        let home = (key.hash() >> self.shift) as usize;
        let Some((found, entry)) = self.slots.get(home) else { return NO_ENTRY };
        // Most words are settled at their home slot: it holds them, or it is free. Which,
        // is not asked (half the words of a text are in the table, half not: a branch there
        // is often mispredicted, and the compiler may make a choice of the two entries one):
        // a free slot's entry is the empty one.
        if key.unsettled_by(*found) == 0 {
            return entry;
        }
        self.get_from(key, home + 1)
    }

    /// [`ProbeTable::get`] slot by slot from `i`, past the home slot.
    #[inline(never)]
    fn get_from(&self, key: K, mut i: usize) -> &WordEntry {
        let mask = self.slots.len() - 1;
        i &= mask;
        while let Some((found, entry)) = self.slots.get(i) {
            if *found == key {
                return entry;
            }
            if *found == K::FREE {
                break;
            }
            i = (i + 1) & mask;
        }
        NO_ENTRY
    }
}

/// [`WordTable`] while the lexicons are read.
#[derive(Default)]
struct WordTableBuilder {
    short: HashMap<PackedWord, WordEntry, BuildHasherDefault<WordHasher>>,
    long: WordMap<WordEntry>,
    longest_word: usize,
}

impl std::hash::Hash for PackedWord {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(PackedWord::hash(*self));
    }
}

impl WordTableBuilder {
    fn entry_mut(&mut self, word: String) -> &mut WordEntry {
        self.longest_word = self.longest_word.max(word.len());
        match PackedWord::new(word.as_bytes()) {
            Some(packed) => self.short.entry(packed).or_default(),
            None => self.long.entry(word).or_default(),
        }
    }

    fn build(self) -> WordTable {
        let (short, packed): (Vec<_>, Vec<_>) =
            self.short.into_iter().partition(|(key, _)| key.len() <= SHORT_MAX);
        let short = short.into_iter().map(|(key, entry)| (short_key(key), entry)).collect();
        WordTable {
            // A twelfth full at most (1 MB): the words asked most are here, and a word whose
            // home slot another holds costs a probe out of line, and often a mispredicted
            // branch (an eighth full, one word in eight; the tokenizer ran 4 % slower). A
            // sixteenth would double it to 2 MB past 4,096 words (there are 4,159).
            short: ProbeTable::build(short, 12),
            // An eighth full at most: a few MB, of which a text touches the slots of its own
            // words only.
            packed: ProbeTable::build(packed, 8),
            long: self.long,
            longest_word: self.longest_word,
        }
    }
}

impl WordTable {
    /// The entry of the word whose bytes are `word` (the empty entry if it has none).
    #[inline]
    fn get(&self, word: &[u8]) -> &WordEntry {
        if word.len() > self.longest_word {
            return NO_ENTRY;
        }
        match PackedWord::new(word) {
            Some(packed) => self.get_packed(packed),
            None => self.get_long(word).unwrap_or(NO_ENTRY),
        }
    }

    /// The entry of a word of at most [`PackedWord::MAX`] bytes, packed.
    #[inline]
    fn get_packed(&self, packed: PackedWord) -> &WordEntry {
        if packed.len() <= SHORT_MAX {
            return self.short.get(short_key(packed));
        }
        self.packed.get(packed)
    }

    /// Out of line: few words are longer than [`PackedWord::MAX`] bytes, or empty.
    #[cold]
    #[inline(never)]
    fn get_long(&self, word: &[u8]) -> Option<&WordEntry> {
        std::str::from_utf8(word).ok().and_then(|w| self.long.get(w))
    }
}

pub(crate) struct Grammar {
    /// Normal form → class bits and cue index slot.
    classes: WordTable,
    /// Adverbial phrases by their first word, each as its words in normal form, longest first.
    adverbs: WordMap<Vec<Vec<String>>>,
    first_names: WordMap<Option<Gender>>,
    /// The nouns of `speaker_nouns.txt`, with their [`Class::PersonNoun`] and
    /// [`Class::BodyNoun`] bits: apart from the word table, as only the heads of descriptions
    /// ask (the table, probed for every token, stays small).
    nouns: WordMap<u32>,
}

/// Longest word the lexicons hold; longer words are in no class.
const MAX_WORD: usize = 48;

/// Call `f` with the normal form of `word` (lowercase, `'` for apostrophes), built on the
/// stack: no allocation. Words longer than any lexicon entry get `None`.
pub(crate) fn with_normal<R>(word: &str, f: impl FnOnce(Option<&str>) -> R) -> R {
    if let Some((lower, capital)) = short_ascii_lowercase(word.as_bytes()) {
        // Most words: short and ASCII, read in two eight-byte steps with no loop on their
        // letters. A word with no capital is its own normal form.
        if !capital {
            return f(Some(word));
        }
        return f(std::str::from_utf8(&lower[..word.len()]).ok());
    }
    if word.is_ascii() {
        // Most words: the normal form is the lowercase, and `'` its own apostrophe. A word
        // with no capital is its own (no copy, and no check of the copy's UTF-8).
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return f((word.len() <= MAX_WORD).then_some(word));
        }
        let mut buf = [0u8; MAX_WORD];
        let Some(lower) = buf.get_mut(..word.len()) else { return f(None) };
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return f(std::str::from_utf8(lower).ok());
    }
    let plain = word.chars().all(|c| {
        if c.is_ascii() {
            !c.is_ascii_uppercase()
        } else {
            !c.is_uppercase() && !is_apostrophe(c) && !is_combining_accent(c) && !is_invisible(c)
        }
    });
    if plain {
        return f((word.len() <= MAX_WORD).then_some(word));
    }
    if word.chars().any(|c| is_combining_accent(c) || is_invisible(c)) {
        // Rare (decomposed text): compose on the heap.
        let n = normalize(word);
        return f((n.len() <= MAX_WORD).then_some(n.as_ref()));
    }
    let mut buf = [0u8; MAX_WORD];
    let mut len = 0;
    for c in word.chars() {
        let c = if is_apostrophe(c) { '\'' } else { c };
        for l in c.to_lowercase() {
            let n = l.len_utf8();
            if len + n > MAX_WORD {
                return f(None);
            }
            l.encode_utf8(&mut buf[len..len + n]);
            len += n;
        }
    }
    f(std::str::from_utf8(&buf[..len]).ok())
}

/// The lowercase of `word` (its first `word.len()` bytes) and whether it holds a capital, if
/// it is ASCII and at most 16 bytes long; `'` is its own apostrophe, so that this is the
/// normal form.
#[inline]
fn short_ascii_lowercase(word: &[u8]) -> Option<([u8; 16], bool)> {
    let mut bytes = [0u8; 16];
    bytes.get_mut(..word.len())?.copy_from_slice(word);
    let [low, high] = [0, 8].map(|at| {
        let mut chunk = [0u8; 8];
        chunk.copy_from_slice(&bytes[at..at + 8]);
        u64::from_le_bytes(chunk)
    });
    if (low | high) & HIGH != 0 {
        return None;
    }
    // The high bit of each capital's byte (every byte is ASCII): its lowercase is 0x20 above.
    let capitals = |b: u64| bytes_in_range(b, b'A', b'Z') & HIGH;
    let (low_capitals, high_capitals) = (capitals(low), capitals(high));
    let mut lower = [0u8; 16];
    lower[..8].copy_from_slice(&(low | low_capitals >> 2).to_le_bytes());
    lower[8..].copy_from_slice(&(high | high_capitals >> 2).to_le_bytes());
    Some((lower, (low_capitals | high_capitals) != 0))
}

/// Zero-width characters and soft hyphens that scraped text leaves inside words: invisible,
/// so the normal form drops them.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{ad}' | '\u{feff}')
}

/// Whether `c` is a combining accent (U+0300–U+036F), as in decomposed (NFD) text.
pub(crate) fn is_combining_accent(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// The precomposed letter for `base` + a combining accent (`e` + U+0301 → `é`): the letters
/// French writes, so that decomposed text matches the lexicons.
pub(crate) fn compose(base: char, accent: char) -> Option<char> {
    let table: &[(char, &str)] = match accent {
        '\u{300}' => &[('a', "à"), ('e', "è"), ('i', "ì"), ('o', "ò"), ('u', "ù")],
        '\u{301}' => &[('a', "á"), ('e', "é"), ('i', "í"), ('o', "ó"), ('u', "ú"), ('y', "ý")],
        '\u{302}' => &[('a', "â"), ('e', "ê"), ('i', "î"), ('o', "ô"), ('u', "û")],
        '\u{303}' => &[('a', "ã"), ('n', "ñ"), ('o', "õ")],
        '\u{308}' => &[('a', "ä"), ('e', "ë"), ('i', "ï"), ('o', "ö"), ('u', "ü"), ('y', "ÿ")],
        '\u{327}' => &[('c', "ç")],
        _ => return None,
    };
    let lower = base.to_lowercase().next()?;
    let composed = table.iter().find(|(b, _)| *b == lower)?.1.chars().next()?;
    Some(if base.is_uppercase() { composed.to_uppercase().next()? } else { composed })
}

/// Whether the normal form of `s` may be `chars` characters long or shorter: every character
/// of `s` but invisible ones and accents gives it at least one. A quick test, with no copy,
/// before a look at a normal form that must be short.
pub(crate) fn normal_form_at_most(s: &str, chars: usize) -> bool {
    let mut counted = s.chars().filter(|&c| !is_invisible(c) && !is_combining_accent(c));
    counted.nth(chars).is_none()
}

/// Lowercase with `'` for every apostrophe and accents composed; borrows when nothing changes.
pub(crate) fn normalize(word: &str) -> Cow<'_, str> {
    if is_normal(word) {
        return Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    normalize_into(word, &mut out);
    Cow::Owned(out)
}

/// Whether `word` is its own normal form. Quick for ASCII and Latin-1 letters, which are
/// nearly all of French text.
pub(crate) fn is_normal(word: &str) -> bool {
    if word.is_ascii() {
        return !word.bytes().any(|b| b.is_ascii_uppercase());
    }
    word.chars().all(is_normal_char)
}

/// Whether the character `c` is its own normal form (see [`is_normal`]).
#[inline]
pub(crate) fn is_normal_char(c: char) -> bool {
    match c as u32 {
        0..=0x7f => !c.is_ascii_uppercase(),
        // Latin-1 capitals are U+00C0–U+00DE but for ×.
        0x80..=0xff => !(0xc0..=0xde).contains(&(c as u32)) || c == '×',
        _ => !c.is_uppercase() && !is_apostrophe(c) && !is_combining_accent(c) && !is_invisible(c),
    }
}

/// Append the normal form of `word` to `out`.
pub(crate) fn normalize_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        // Nothing to compose or strip in ASCII, and `'` is its own apostrophe: lowercase it.
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
        return;
    }
    let start = out.len();
    for c in word.chars() {
        // The letters of French text first, by far the most: no table to read.
        match c {
            _ if c.is_ascii() => {
                out.push(c.to_ascii_lowercase());
                continue;
            }
            // A Latin-1 capital (but ×) has its lowercase 0x20 above it.
            '\u{c0}'..='\u{de}' if c != '×' => {
                out.push(char::from(c as u8 + 0x20));
                continue;
            }
            // The rest of Latin-1's upper half is its own lowercase.
            '\u{df}'..='\u{ff}' => {
                out.push(c);
                continue;
            }
            '’' | 'ʼ' | '‘' => {
                out.push('\'');
                continue;
            }
            _ if is_invisible(c) => continue,
            _ => {}
        }
        if is_combining_accent(c) && out.len() > start {
            // Compose with the letter before it, which is this word's (never a previous one's).
            let composed = out.chars().next_back().and_then(|b| compose(b, c));
            if let Some(composed) = composed {
                out.pop();
                out.push(composed);
                continue;
            }
        }
        out.extend(c.to_lowercase());
    }
}

/// Read a `[class]`-sectioned data file into (class name, entry) pairs.
pub(crate) fn sections(data: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    let mut current = "";
    data.lines().filter_map(move |line| {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name;
            return None;
        }
        Some((current, line))
    })
}

/// A word of a list entry split as the text's tokens are: an elided word is a token of its
/// own (`d'ailleurs` → `d'`, `ailleurs`), but `aujourd'hui` is one word.
fn split_elision(word: &str) -> impl Iterator<Item = &str> {
    let cut = word.find(is_apostrophe).filter(|&at| {
        let before = &word[..at];
        matches!(
            before.to_lowercase().as_str(),
            "d" | "l" | "qu" | "j" | "m" | "t" | "s" | "n" | "c"
        )
    });
    let (elided, rest) = match cut {
        Some(at) => {
            let after = at + word[at..].chars().next().map_or(1, char::len_utf8);
            (Some(&word[..after]), &word[after..])
        }
        None => (None, word),
    };
    elided.into_iter().chain((!rest.is_empty()).then_some(rest))
}

static GRAMMAR: LazyLock<Grammar> = LazyLock::new(|| {
    let mut classes = WordTableBuilder::default();
    let mut adverbs: WordMap<Vec<Vec<String>>> = WordMap::default();
    for (section, entry) in sections(include_str!("data/grammar.txt")) {
        if section == "adverb" {
            let words: Vec<String> = entry
                .split_whitespace()
                .flat_map(split_elision)
                .map(|w| normalize(w).into_owned())
                .collect();
            classes.entry_mut(words[0].clone()).flags |= Class::AdverbStart.bit();
            adverbs.entry(words[0].clone()).or_default().push(words);
        } else if let Some(class) = Class::from_name(section) {
            classes.entry_mut(normalize(entry).into_owned()).flags |= class.bit();
        }
    }
    for phrases in adverbs.values_mut() {
        phrases.sort_by_key(|a| std::cmp::Reverse(a.len()));
    }
    let mut nouns: WordMap<u32> = WordMap::default();
    for (section, entry) in sections(include_str!("data/speaker_nouns.txt")) {
        if let Some(class) = Class::from_name(section) {
            *nouns.entry(normalize(entry).into_owned()).or_default() |= class.bit();
        }
    }
    let mut first_names = WordMap::default();
    for (section, entry) in sections(include_str!("data/first_names.txt")) {
        let gender = match section {
            "feminine" => Some(Gender::Feminine),
            "masculine" => Some(Gender::Masculine),
            _ => None,
        };
        first_names.insert(normalize(entry).into_owned(), gender);
    }
    // A name listed twice keeps its last gender, as `first_names` does.
    for (name, &gender) in &first_names {
        classes.entry_mut(name.clone()).flags |= name_bits(gender);
    }
    // One probe per token answers every class, cue words included.
    for word in crate::cue::cue_words() {
        classes.entry_mut(word.to_owned()).flags |= Class::CueWord.bit();
    }
    // ... and what the cue index knows of it.
    for (word, slot) in crate::cue::built_in_slots() {
        let entry = classes.entry_mut(word.to_owned());
        entry.cue = Some(slot);
        if slot.starts_cue() {
            entry.flags |= Class::CueStart.bit();
        }
    }
    Grammar { classes: classes.build(), adverbs, first_names, nouns }
});

/// The class bits [`name_bits`] gives, of any gender: those only a first name has.
const NAME_BITS: u32 =
    Class::FirstName.bit() | Class::FeminineName.bit() | Class::MasculineName.bit();

/// The class bits of a first name of `gender` (`None`: either).
fn name_bits(gender: Option<Gender>) -> u32 {
    Class::FirstName.bit()
        | match gender {
            Some(Gender::Feminine) => Class::FeminineName.bit(),
            Some(Gender::Masculine) => Class::MasculineName.bit(),
            None => 0,
        }
}

pub(crate) fn grammar() -> &'static Grammar {
    &GRAMMAR
}

impl Grammar {
    /// Every class `word` (any case, any apostrophe) belongs to, as bits.
    pub fn flags(&self, word: &str) -> u32 {
        with_normal(word, |n| n.map_or(0, |n| self.flags_normal(n)))
    }

    /// [`Grammar::flags`] of a word already in normal form.
    pub fn flags_normal(&self, n: &str) -> u32 {
        self.entry_normal(n).flags
    }

    /// Class bits and cue index slot of a word already in normal form, in one probe.
    pub fn entry_normal(&self, n: &str) -> WordEntry {
        self.entry_of_word(n, true)
    }

    /// [`Grammar::entry_normal`] of a word that holds no hyphen unless `may_hold_hyphen`: a
    /// token with no joiner inside needs no search for one.
    #[inline]
    pub fn entry_of_word(&self, n: &str, may_hold_hyphen: bool) -> WordEntry {
        self.entry_of_bytes(n.as_bytes(), may_hold_hyphen)
    }

    /// [`Grammar::entry_of_word`] of the bytes of a word (a `str`'s): a word read off a
    /// text needs no check of its ends (the tokenizer found them on char boundaries).
    #[inline]
    pub fn entry_of_bytes(&self, n: &[u8], may_hold_hyphen: bool) -> WordEntry {
        let mut entry = *self.classes.get(n);
        if entry.flags & Class::FirstName.bit() == 0 && may_hold_hyphen {
            entry.flags |= self.hyphenated_name_bits(n);
        }
        entry
    }

    /// [`Grammar::entry_of_bytes`] of a word of `len` bytes, 1 to 16, with no hyphen, given
    /// as its bytes read little-endian (the first lowest) and zero-padded: the tokenizer
    /// holds a short word so, and needs neither to read it again nor to pack it.
    #[inline]
    pub fn entry_of_short(&self, [low, high]: [u64; 2], len: usize) -> &WordEntry {
        // A packed word is its zero-padded bytes, its length in the last byte.
        self.classes.get_packed(PackedWord([low, high, (len as u64) << 56]))
    }

    /// `Marie-Claire`, unlisted, is a first name by its first part: the name bits of that
    /// part, if `n` holds a hyphen. (Out of line: few words are joined.)
    #[inline(never)]
    fn hyphenated_name_bits(&self, n: &[u8]) -> u32 {
        let Some(hyphen) = n.iter().position(|&b| b == b'-') else {
            return 0;
        };
        // Every first name's bits are in the word table (see `GRAMMAR`): one probe there, no
        // look-up of the first part among the names.
        self.classes.get(&n[..hyphen]).flags & NAME_BITS
    }

    /// Whether `word` (any case, any apostrophe) belongs to `class`.
    pub fn is(&self, class: Class, word: &str) -> bool {
        if matches!(class, Class::PersonNoun | Class::BodyNoun) {
            return with_normal(word, |n| n.is_some_and(|n| self.noun_bits(n) & class.bit() != 0));
        }
        self.flags(word) & class.bit() != 0
    }

    /// The [`Class::PersonNoun`] and [`Class::BodyNoun`] bits of a word in normal form.
    pub fn noun_bits(&self, n: &str) -> u32 {
        self.nouns.get(n).copied().unwrap_or(0)
    }

    /// How many words of an adverbial phrase start `words` (0 when none does).
    /// `words` are in normal form (as [`crate::token::Tokens::norm`] gives them).
    pub fn adverb_len<'a>(&self, mut words: impl Iterator<Item = &'a str> + Clone) -> usize {
        let Some(phrases) = words.next().and_then(|first| self.adverbs.get(first)) else {
            return 0;
        };
        let starts = |phrase: &&Vec<String>| {
            let mut it = words.clone();
            phrase[1..].iter().all(|w| it.next() == Some(w.as_str()))
        };
        phrases.iter().find(starts).map_or(0, Vec::len)
    }

    fn first_name_normal(&self, n: &str) -> Option<Option<Gender>> {
        // `Jean-Marc` is listed whole; `Marie-Claire` too, else read the first part.
        if let Some(g) = self.first_names.get(n) {
            return Some(*g);
        }
        let first = n.split('-').next()?;
        self.first_names.get(first).copied()
    }

    /// The gender of a first name: `None` when unknown, `Some(None)` when it is either.
    pub fn first_name(&self, word: &str) -> Option<Option<Gender>> {
        with_normal(word, |n| n.and_then(|n| self.first_name_normal(n)))
    }

    /// The gender a determiner, pronoun or title marks.
    pub fn gender_of(&self, word: &str) -> Option<Gender> {
        let bits = self.flags(word);
        if bits & Class::Feminine.bit() != 0 {
            Some(Gender::Feminine)
        } else if bits & Class::Masculine.bit() != 0 {
            Some(Gender::Masculine)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn speaker_nouns_are_people_or_bodies_and_no_time_word_is_either() {
        let g = grammar();
        for w in ["ministre", "ministres", "avocate", "porte-parole", "voisine", "élu"] {
            assert!(g.is(Class::PersonNoun, w), "{w}");
        }
        for w in ["syndicat", "communiqué", "quotidien", "gouvernement"] {
            assert!(g.is(Class::BodyNoun, w) && !g.is(Class::PersonNoun, w), "{w}");
        }
        for w in ["moment", "instant", "fois", "raison", "chiffres", "loi"] {
            assert!(!g.is(Class::PersonNoun, w) && !g.is(Class::BodyNoun, w), "{w}");
        }
    }

    #[test]
    fn elided_words_of_list_entries_are_split_as_tokens_are() {
        let split = |w| split_elision(w).collect::<Vec<_>>();
        assert_eq!(split("d'ailleurs"), ["d'", "ailleurs"]);
        assert_eq!(split("d’emblée"), ["d’", "emblée"]);
        assert_eq!(split("aujourd'hui"), ["aujourd'hui"]);
        assert_eq!(split("ailleurs"), ["ailleurs"]);
        assert_eq!(split("l'"), ["l'"]);
    }

    use super::*;

    #[test]
    fn classes_load_and_match_any_case_and_apostrophe() {
        let g = grammar();
        assert!(g.is(Class::Determiner, "L’"));
        assert!(g.is(Class::Preposition, "dans"));
        assert!(g.is(Class::Stop, "Selon"));
        assert!(!g.is(Class::Stop, "Poutine"));
        assert!(g.is(Class::CueWord, "Déclare"));
        assert!(g.is(Class::FirstName, "Jean-Marc"));
        assert_eq!(g.gender_of("Mme"), Some(Gender::Feminine));
        assert_eq!(g.adverb_len(["lui", "aussi", "appelé"].into_iter()), 2);
        assert_eq!(g.adverb_len(["appelé"].into_iter()), 0);
    }

    #[test]
    fn normalize_borrows_when_it_can() {
        assert!(matches!(normalize("déclaré"), Cow::Borrowed(_)));
        assert_eq!(normalize("L’État"), "l'état");
        assert_eq!(with_normal("L’État", |n| n.map(str::to_owned)), Some("l'état".to_owned()));
        assert!(with_normal(&"x".repeat(100), |n| n.is_none()));
    }

    /// The normal form by its definition, one character at a time.
    fn normal_by_definition(word: &str) -> String {
        let mut out = String::new();
        for c in word.chars().filter(|&c| !is_invisible(c)) {
            if is_combining_accent(c) && !out.is_empty() {
                if let Some(composed) = out.chars().next_back().and_then(|b| compose(b, c)) {
                    out.pop();
                    out.push(composed);
                    continue;
                }
            }
            let c = if is_apostrophe(c) { '\'' } else { c };
            out.extend(c.to_lowercase());
        }
        out
    }

    #[test]
    fn normal_form_fast_paths_agree_with_the_definition() {
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            for word in [format!("{c}"), format!("É{c}a"), format!("{c}\u{301}’"), format!("e{c}")]
            {
                let mut out = String::from("x");
                normalize_into(&word, &mut out);
                assert_eq!(out[1..], normal_by_definition(&word), "{word:?}");
            }
        }
    }

    #[test]
    fn with_normal_is_the_normal_form() {
        let words = [
            "",
            "a",
            "A",
            "Qu'il",
            "ABCDEFGHIJKLMNOP",
            "abcdefghijklmnopQ",
            "xyz@[`{",
            "@AZ[",
            "L’État",
            "déclaré",
            "\u{7f}",
            "Ab1-9.Z",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
        ];
        for word in words {
            let normal = normalize(word);
            let expected = (normal.len() <= MAX_WORD).then_some(normal.as_ref());
            assert_eq!(with_normal(word, |n| n.map(str::to_owned)).as_deref(), expected, "{word}");
        }
        for b in 0..0x80u8 {
            for at in 0..17 {
                let mut word = [b'x'; 17];
                word[at] = b;
                for len in [at + 1, 16, 17] {
                    let word = std::str::from_utf8(&word[..len.min(17)]).unwrap();
                    let normal = normalize(word);
                    let read = with_normal(word, |n| n.map(str::to_owned));
                    assert_eq!(read.as_deref(), Some(normal.as_ref()), "{word:?}");
                }
            }
        }
    }

    #[test]
    fn packed_words_are_the_zero_padded_bytes() {
        let text = "abcdefghijklmnopqrstuvwxyz";
        for n in 0..=text.len() {
            let word = &text[..n];
            let mut bytes = [0u8; 24];
            if n <= PackedWord::MAX {
                bytes[..n].copy_from_slice(word.as_bytes());
            }
            let expected = (1..=PackedWord::MAX).contains(&n).then(|| {
                bytes[23] = n as u8;
                let at = |i: usize| u64::from_le_bytes(bytes[i..i + 8].try_into().unwrap());
                [at(0), at(8), at(16)]
            });
            assert_eq!(PackedWord::new(word.as_bytes()).map(|p| p.0), expected, "{n}");
        }
    }

    #[test]
    fn cue_starts_are_read_from_the_slots() {
        let mut starts = 0;
        for (word, slot) in crate::cue::built_in_slots() {
            let flags = grammar().entry_normal(word).flags;
            assert_eq!(flags & Class::CueStart.bit() != 0, slot.starts_cue(), "{word}");
            starts += usize::from(slot.starts_cue());
        }
        assert!(starts > 0);
        assert!(grammar().is(Class::CueStart, "déclare"));
    }

    #[test]
    fn every_word_of_the_table_is_found_where_it_is() {
        let table = &grammar().classes;
        let mut words = 0;
        for (key, entry) in table.packed.slots.iter().filter(|(key, _)| *key != PackedWord::FREE) {
            assert!(key.len() > SHORT_MAX);
            assert!(std::ptr::eq(table.get_packed(*key), entry));
            words += 1;
        }
        for (key, entry) in table.short.slots.iter().filter(|(key, _)| *key != u64::FREE) {
            let len = (key >> 56) as usize;
            assert!((1..=SHORT_MAX).contains(&len));
            let packed = PackedWord([key & !(0xff << 56), 0, key & (0xff << 56)]);
            assert!(std::ptr::eq(table.get_packed(packed), entry));
            words += 1;
        }
        assert!(words > 1000);
        let missing = PackedWord::new(b"zzzqqqxxx").unwrap();
        assert_eq!(table.get_packed(missing).flags, 0);
        // A free slot's entry is the empty one: a probe settled there finds it.
        let free_entries = table.packed.slots.iter().filter(|(key, _)| *key == PackedWord::FREE);
        let short_free = table.short.slots.iter().filter(|(key, _)| *key == u64::FREE);
        for entry in free_entries.map(|(_, e)| e).chain(short_free.map(|(_, e)| e)) {
            assert!(entry.flags == 0 && entry.cue.is_none());
        }
    }

    #[test]
    fn the_quick_test_of_length_stops_no_short_normal_form() {
        let stretches = [
            "que",
            "QUE",
            "qu'",
            "Qu’",
            "q\u{200b}u\u{ad}e",
            "qu\u{feff}\u{2060}’",
            "que ",
            "ques",
            "q",
            "",
            "a dit que",
            "queue",
            "qu\u{301}e",
            "\u{301}que",
        ];
        for s in stretches {
            // (It may let through a longer one, never stop a short one.)
            for chars in 0..6 {
                let short = normalize(s).chars().count() <= chars;
                assert!(!short || normal_form_at_most(s, chars), "{s:?} {chars}");
            }
        }
    }
    #[test]
    fn name_bits_are_the_first_names() {
        let g = grammar();
        for (name, &gender) in &g.first_names {
            assert_eq!(g.entry_normal(name).flags & NAME_BITS, name_bits(gender), "{name}");
        }
        // The bits only names have: no other word holds them.
        let names = g.first_names.len();
        let with_bits = |entries: &mut dyn Iterator<Item = &WordEntry>| {
            entries.filter(|e| e.flags & NAME_BITS != 0).count()
        };
        let with_bits = with_bits(&mut g.classes.packed.slots.iter().map(|(_, e)| e))
            + with_bits(&mut g.classes.short.slots.iter().map(|(_, e)| e));
        let long = g.classes.long.values().filter(|e| e.flags & NAME_BITS != 0).count();
        assert_eq!(with_bits + long, names);
        assert_eq!(
            g.entry_normal("marie-zzz").flags & NAME_BITS,
            name_bits(g.first_names["marie"])
        );
    }

    #[test]
    fn word_hasher_spreads_keys() {
        let mut a = WordHasher::default();
        a.write(b"declare");
        let mut b = WordHasher::default();
        b.write(b"declarer");
        assert_ne!(a.finish(), b.finish());
    }
}
