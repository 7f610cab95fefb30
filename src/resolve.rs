//! Resolve: tie each speaker mention to the fullest name the document gives for it.
//!
//! - a name or a title + surname → the longest name in the document that ends (or starts) with
//!   the same words: `Poutine`, `M. Poutine` → `Vladimir Poutine`;
//! - a description → the name the text ties it to (`le président russe Vladimir Poutine`,
//!   `le ministre, Jean Dupont,`, `Jean Dupont, le ministre,`), also when a later mention
//!   shortens it (`la ministre-présidente` after `La ministre-présidente de la région, X`);
//!   else the description as written;
//! - a pronoun or a demonstrative (`il`, `-t-elle`, `selon lui`, `ce dernier`) → the most
//!   recent subject or speaker of compatible gender and number, outside quotations.

use std::cell::Cell;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::{BuildHasher, BuildHasherDefault};

use crate::attribute::Covered;
use crate::document::{Document, WINDOW, kept};
use crate::lexicon::{Class, Gender, WordHasher, grammar, normalize_into};
use crate::mention::{
    DESCRIPTION_ENDER_BITS, MAX_NAME, Mention, MentionKind, capitalized_head_end, head_noun,
    is_person_description, may_speak, mention_outline_at,
};
use crate::quote::Resolution;
use crate::scan::is_space;
use crate::span::Span;
use crate::speaker::{Subject, clause_subject_in, with_apposition_reading};
use crate::token::{CAPITALIZED, DOTTED, MENTION_START, Token, Tokens, WORD};

/// What a mention resolved to.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Resolved<'h> {
    pub name: &'h str,
    pub how: Resolution,
    gender: Option<Gender>,
    plural: bool,
}

/// Maps keyed by short strings: the lexicons' fast hasher, not SipHash.
type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// A distinct name of the document (by its words), where it is first written, preferably
/// outside quotations.
struct Name {
    span: Span,
    /// Where its key lies in [`Names::keys`]: its words' normal forms joined by single
    /// spaces (no word holds a space).
    key: (usize, usize),
    /// Where, in [`Names::keys`], its first word ends and its last word starts.
    first_end: usize,
    last_start: usize,
    /// How many words its key holds.
    len: usize,
    quoted: bool,
    /// The name found before it whose key hashes the same, if any (see [`Names::by_words`]).
    same_hash: Option<usize>,
}

/// The distinct names listed under one word, in the order they were found. Most words edge
/// a single name: it is kept inline, and only the others take an allocation.
struct EdgeNames {
    first: usize,
    others: Vec<usize>,
}

impl EdgeNames {
    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(self.first).chain(self.others.iter().copied())
    }
}

/// A description tied to a name.
struct Tie {
    /// The description, and the token from which its words are read (see
    /// [`join_span_words`]): only when a look-up needs them, which few do.
    description: Span,
    from: usize,
    name: Span,
    /// The tie made before it whose first two words hash the same, if any.
    previous: Option<usize>,
}

/// Descriptions tied to names, in text order, found by the hash of their first two words (as
/// [`join_words`] writes them). A tie takes no allocation of its own.
#[derive(Default)]
struct Ties {
    listed: Vec<Tie>,
    /// Words read: a description's first two words as it is tied, then a tie's words as a
    /// look-up compares them (kept: no allocation a tie or a look-up).
    words: Cell<String>,
    /// The latest tie by the hash of its first two words; those before it with the same hash
    /// follow in [`Tie::previous`].
    latest: FastMap<u64, usize>,
    /// Every description tied to a name, one word long too (`l'attaquant Jean Martin`), as
    /// (description, name): the roles the text gives people.
    roles: Vec<(Span, Span)>,
}

impl Ties {
    /// Tie to `name` the description at `description`, whose words are read from token `from`
    /// (see [`join_span_words`]): one of fewer than two words is not.
    fn add(&mut self, t: &Tokens, from: usize, description: Span, name: Span) {
        self.roles.push((description, name));
        let words = self.words.get_mut();
        if join_span_first_two_words(t, from, description, words) < 2 {
            return;
        }
        let hash = word_hash(words);
        let i = self.listed.len();
        let previous = self.latest.insert(hash, i);
        self.listed.push(Tie { description, from, name, previous });
    }

    /// Forgets every tie, keeping the room.
    fn clear(&mut self) {
        self.listed.clear();
        self.roles.clear();
        self.words.get_mut().clear();
        self.latest.clear();
    }

    /// Whether no description is tied.
    fn is_empty(&self) -> bool {
        self.listed.is_empty()
    }

    /// The latest tie whose first two words hash to `hash`, if any: a description whose
    /// first two words hash so may have one (see [`Ties::latest_before`]); if none does, it
    /// has none.
    fn latest_of(&self, hash: u64) -> Option<usize> {
        self.latest.get(&hash).copied()
    }

    /// The name of the latest tie made before byte `before` whose words (read from `t`)
    /// start with `words` (two or more), looked for from tie `latest` back (see
    /// [`Ties::latest_of`]).
    fn latest_before(&self, t: &Tokens, latest: usize, words: &str, before: usize) -> Option<Span> {
        let mut tie_words = self.words.take();
        let mut at = Some(latest);
        let mut found = None;
        while let Some(i) = at {
            let tie = &self.listed[i];
            // (A tie of other first words with the same hash does not start with `words`.)
            if tie.name.start < before {
                tie_words.clear();
                join_span_words(t, tie.from, tie.description, &mut tie_words);
                if starts_with_words(&tie_words, words) {
                    found = Some(tie.name);
                    break;
                }
            }
            at = tie.previous;
        }
        self.words.set(tie_words);
        found
    }
}

/// How far back a pronoun looks for its antecedent, in subjects and speakers.
const ANTECEDENT_WINDOW: usize = 40;

/// How many of the roles given last before a description [`Resolver::has_other_role`] reads.
const ROLES_READ: usize = 32;

/// The most tokens between a description and the person it may stand for that
/// [`Resolver::another_person_between`] reads: beyond, it is left as written.
const BETWEEN_READ: usize = 300;

/// How far back a description of a person looks for the person it stands for, in subjects
/// and speakers: a description takes up someone just spoken of.
const DESCRIBED_WINDOW: usize = 6;

/// How far back (in bytes) a description looks for the person last named: a few sentences.
const PERSON_REACH: usize = 500;

/// The room a resolver makes at first for the speakers it resolves.
const SPEAKERS_ROOM: usize = 32;

/// The names of a document, indexed so that every look-up is a hash probe (or, in a text of
/// few names, a look through them). The maps are keyed by the hashes of the words, not by the
/// words: nothing is allocated for a name but its key, written after the others in one string.
#[derive(Default)]
struct Names {
    distinct: Vec<Name>,
    /// For each distinct name, the hashes of its first and of its last word (see
    /// [`Names::for_each_edged_by`]): apart, so that a look through them reads few bytes.
    edge_hashes: Vec<[u64; 2]>,
    /// The keys of the distinct names, back to back.
    keys: String,
    /// The latest distinct name by the hash of its key; those before it with the same hash
    /// follow in [`Name::same_hash`], and the keys are compared.
    by_words: FastMap<u64, usize>,
    /// Distinct names by the hash of their first and of their last word, in the order they
    /// were found (those of another word of the same hash with them: see
    /// [`Names::for_each_edged_by`]), once all are found, in a text of more than
    /// [`MOST_NAMES_LOOKED_THROUGH`]: those of fewer are looked through.
    by_edge_word: FastMap<u64, EdgeNames>,
    /// Whether [`Names::by_edge_word`] lists the names (see [`Names::index_edge_words`]).
    edges_indexed: bool,
    /// Every occurrence, in text order: (span, distinct index). A speaker's name is found
    /// here (see [`Names::at`]) rather than read again.
    occurrences: Vec<(Span, usize)>,
}

/// The most distinct names a text may have for [`Names::for_each_edged_by`] to look through
/// them all rather than index them by their first and last words: most texts name a few
/// people, and an index costs more to build than looking through a few.
const MOST_NAMES_LOOKED_THROUGH: usize = 32;

/// The hash the name maps are keyed by.
fn word_hash(words: &str) -> u64 {
    BuildHasherDefault::<WordHasher>::default().hash_one(words)
}

/// The index of one text: its names and its ties, with the room the resolver uses beside
/// them.
#[derive(Default)]
struct Index {
    names: Names,
    ties: Ties,
    /// For each distinct name, the distinct name it resolves to, once asked: the answer
    /// depends on its words only.
    fullest_of: Vec<Cell<Option<usize>>>,
    /// Words read: the key of a name as the index is built, then a description's words,
    /// read to look for its ties (kept: no allocation a look-up).
    words: Cell<String>,
    /// The tokens a mention may start at, as the index is built (kept for the room).
    starts: TokenBits,
}

/// A set of token indices, one bit a token, 64 to a word: a loop over the few tokens of a
/// kind jumps from one to the next with no test of the tokens between them (which way such
/// a test goes, token after token, is hard to predict).
#[derive(Default)]
struct TokenBits {
    words: Vec<u64>,
}

impl TokenBits {
    /// Fills the set with the tokens of `toks` for which `holds` is true (forgetting the
    /// others).
    fn fill(&mut self, toks: &[Token], holds: impl Fn(&Token) -> bool) {
        self.words.clear();
        self.words.extend(toks.chunks(64).map(|chunk| {
            // (No branch on `holds`: each token is one shift and one or. The last is shifted
            // up the most.)
            chunk.iter().rev().fold(0, |word, tok| word << 1 | u64::from(holds(tok)))
        }));
    }

    /// The first token of the set from `from` on, or `usize::MAX` if none is.
    fn next_from(&self, from: usize) -> usize {
        let mut w = from / 64;
        // The bits of the first word before `from` are left out.
        let mut bits = self.words.get(w).map_or(0, |&b| b & (u64::MAX << (from % 64)));
        while bits == 0 {
            w += 1;
            match self.words.get(w) {
                Some(&b) => bits = b,
                None => return usize::MAX,
            }
        }
        w * 64 + bits.trailing_zeros() as usize
    }
}

thread_local! {
    /// The index of the thread's last text, emptied: the next text fills the same vectors,
    /// strings and maps rather than allocating its own (see [`crate::pool`]).
    static SPARE_INDEX: Cell<Option<Index>> = const { Cell::new(None) };
}

impl Index {
    /// An empty index with room for the names of a text of `tokens` tokens, so that the maps
    /// seldom grow: the thread's spare one when there is one.
    fn with_room_for(tokens: usize) -> Index {
        // `try_with`: while the thread is being torn down, the spare may be gone.
        let spare = SPARE_INDEX.try_with(Cell::take).ok().flatten();
        let mut index = spare.unwrap_or_default();
        index.names.reserve(tokens / 32);
        index
    }

    /// Empties the index and keeps it for the thread's next text, unless it is large.
    fn give_back(mut self) {
        let names = &self.names;
        let bytes = names.keys.capacity()
            + self.ties.words.get_mut().capacity()
            + names.distinct.capacity() * size_of::<Name>()
            + names.edge_hashes.capacity() * size_of::<[u64; 2]>()
            + names.occurrences.capacity() * size_of::<(Span, usize)>()
            + self.ties.listed.capacity() * size_of::<Tie>()
            + self.fullest_of.capacity() * size_of::<Cell<Option<usize>>>()
            + self.words.get_mut().capacity()
            + self.starts.words.capacity() * size_of::<u64>()
            + names.by_words.capacity() * size_of::<(u64, usize)>()
            + names.by_edge_word.capacity() * size_of::<(u64, EdgeNames)>()
            + self.ties.latest.capacity() * size_of::<(u64, usize)>();
        // As large as the pool keeps a vector: a huge text leaves no huge index behind.
        if bytes > crate::pool::KEPT_BYTES {
            return;
        }
        self.names.clear();
        self.ties.clear();
        self.fullest_of.clear();
        self.words.get_mut().clear();
        let _ = SPARE_INDEX.try_with(|spare| spare.set(Some(self)));
    }
}

impl Names {
    /// Room for `names` more names, so that the maps seldom grow.
    fn reserve(&mut self, names: usize) {
        self.distinct.reserve(names);
        self.edge_hashes.reserve(names);
        self.keys.reserve(16 * names);
        self.by_words.reserve(names);
        self.occurrences.reserve(names);
    }

    /// Forgets every name, keeping the room.
    fn clear(&mut self) {
        self.distinct.clear();
        self.edge_hashes.clear();
        self.keys.clear();
        self.by_words.clear();
        self.by_edge_word.clear();
        self.edges_indexed = false;
        self.occurrences.clear();
    }

    /// The key of distinct name `i`.
    fn key(&self, i: usize) -> &str {
        let (start, end) = self.distinct[i].key;
        &self.keys[start..end]
    }

    /// Whether the first or the last word of distinct name `i` is `word`.
    fn edged_by_word(&self, i: usize, word: &str) -> bool {
        let n = &self.distinct[i];
        &self.keys[n.key.0..n.first_end] == word || &self.keys[n.last_start..n.key.1] == word
    }

    /// Record an occurrence at `span` of the name whose words are `key` (as [`join_words`]
    /// writes them; not empty), of [`word_bounds`] `bounds`.
    fn add(&mut self, span: Span, key: &str, bounds: (usize, usize, usize), quoted: bool) {
        let hash = word_hash(key);
        let mut known = self.by_words.get(&hash).copied();
        while let Some(i) = known.filter(|&i| self.key(i) != key) {
            known = self.distinct[i].same_hash;
        }
        let idx = match known {
            Some(i) => i,
            None => self.insert(span, key, bounds, hash, quoted),
        };
        // Prefer an occurrence outside quotations as the one shown.
        let name = &mut self.distinct[idx];
        if name.quoted && !quoted {
            name.span = span;
            name.quoted = false;
        }
        self.occurrences.push((span, idx));
    }

    /// The distinct name of the occurrence at `span`, if one is there (the latest recorded,
    /// should one span be recorded twice).
    fn at(&self, span: Span) -> Option<usize> {
        let after = self.occurrences.partition_point(|(s, _)| s.start <= span.start);
        self.occurrences[..after]
            .iter()
            .rev()
            .take_while(|(s, _)| s.start == span.start)
            .find(|(s, _)| *s == span)
            .map(|&(_, i)| i)
    }

    /// A new distinct name, first seen at `span`, whose words are `key` (of [`word_bounds`]
    /// `bounds`, of hash `hash`).
    fn insert(
        &mut self,
        span: Span,
        key: &str,
        bounds: (usize, usize, usize),
        hash: u64,
        quoted: bool,
    ) -> usize {
        let i = self.distinct.len();
        let (first_end, last_start, len) = bounds;
        let (first, last) = (&key[..first_end], &key[last_start..]);
        self.edge_hashes.push([word_hash(first), word_hash(last)]);
        let same_hash = self.by_words.insert(hash, i);
        let start = self.keys.len();
        self.keys.push_str(key);
        self.distinct.push(Name {
            span,
            key: (start, self.keys.len()),
            first_end: start + first.len(),
            last_start: self.keys.len() - last.len(),
            len,
            quoted,
            same_hash,
        });
        i
    }

    /// Lists every name under its first and its last word, in a text of more than
    /// [`MOST_NAMES_LOOKED_THROUGH`] (see [`Names::for_each_edged_by`]), once all are found.
    fn index_edge_words(&mut self) {
        if self.distinct.len() <= MOST_NAMES_LOOKED_THROUGH {
            return;
        }
        self.by_edge_word.reserve(2 * self.distinct.len());
        for (i, &[first, last]) in self.edge_hashes.iter().enumerate() {
            Self::list_under(&mut self.by_edge_word, first, i);
            // (A name whose first and last words hash the same is listed once.)
            if last != first {
                Self::list_under(&mut self.by_edge_word, last, i);
            }
        }
        self.edges_indexed = true;
    }

    /// List name `i` under the word of hash `hash` in `by_edge_word`.
    fn list_under(by_edge_word: &mut FastMap<u64, EdgeNames>, hash: u64, i: usize) {
        match by_edge_word.entry(hash) {
            Entry::Occupied(mut names) => names.get_mut().others.push(i),
            Entry::Vacant(slot) => {
                slot.insert(EdgeNames { first: i, others: Vec::new() });
            }
        }
    }

    /// Calls `found` with each distinct name whose first or last word is `word`, in the order
    /// they were found (one listed under two words of the same hash, twice).
    fn for_each_edged_by(&self, word: &str, hash: u64, mut found: impl FnMut(usize)) {
        // Those listed for another word of the same hash are left out.
        if self.edges_indexed {
            let listed = self.by_edge_word.get(&hash).into_iter().flat_map(EdgeNames::iter);
            listed.filter(|&i| self.edged_by_word(i, word)).for_each(found);
            return;
        }
        // In a text of few names, every one is looked at: first the hashes, with no branch on
        // which match (they are set in a mask), then the words of those that do, in order.
        debug_assert!(self.edge_hashes.len() <= u64::BITS as usize);
        let mut hashed_so = 0u64;
        for (i, &[first, last]) in self.edge_hashes.iter().enumerate() {
            hashed_so |= u64::from((first == hash) | (last == hash)) << i;
        }
        while hashed_so != 0 {
            let i = hashed_so.trailing_zeros() as usize;
            hashed_so &= hashed_so - 1;
            if self.edged_by_word(i, word) {
                found(i);
            }
        }
    }
}

/// A speaker a later pronoun may point back to.
struct Antecedent<'h> {
    at: usize,
    /// How many speakers were resolved before it.
    order: usize,
    resolved: Resolved<'h>,
    /// Whether it resolved to a pronoun's text, once asked: pronouns ask it again and again.
    pronoun: Cell<Option<bool>>,
}

/// Whether `resolved` is a pronoun's text, found once and kept in `known`.
fn resolved_to_pronoun(resolved: &Resolved, known: &Cell<Option<bool>>) -> bool {
    let pronoun = known.get().unwrap_or_else(|| is_pronoun_text(resolved.name));
    known.set(Some(pronoun));
    pronoun
}

/// The subject of a sentence, read and resolved only when a pronoun's look back reaches it.
#[derive(Default)]
struct SubjectSlot<'h> {
    /// The subject (outside quotations), once read: `Some(None)` if the sentence has none.
    mention: Cell<Option<Option<Mention>>>,
    resolved: Cell<Option<Resolved<'h>>>,
    /// Whether it resolved to a pronoun's text, once asked.
    pronoun: Cell<Option<bool>>,
    /// Once the sentence is read and has no subject: the first of the sentences read before
    /// it, up to it, with none, as far as known (see [`Resolver::first_without_subject`]).
    run_start: Cell<usize>,
}

/// A pronoun looks back at the sentence subjects and the speakers before it, as if each
/// subject were resolved and remembered when the first speaker after it is resolved (with
/// the quotation attributed before that speaker as the one whose words are no antecedent),
/// and each speaker as it is resolved, but once for a place: what comes there first. Only the
/// subjects a look back reaches are read and resolved (most pronouns find their antecedent
/// one or two back).
pub(crate) struct Resolver<'a, 'b, 'h> {
    doc: &'a Document<'b, 'h>,
    /// The quotations, whose words are no antecedent.
    quotations: &'a Covered,
    /// The text's names and ties, and the room the look-ups use.
    index: Index,
    /// The subjects of the sentences a pronoun may look back at, by sentence.
    subjects: Vec<SubjectSlot<'h>>,
    /// The speakers remembered, by position (no two at one place).
    speakers: Vec<Antecedent<'h>>,
    /// For each speaker resolved, in order: the furthest place of a speaker so far (a subject
    /// is resolved with the first speaker beyond it).
    reach: Vec<usize>,
    /// For each speaker resolved, in order: the quotation it speaks.
    quoted: Vec<Span>,
    /// For each speaker resolved, in order: the name it resolved to.
    said_by: Vec<&'h str>,
}

/// The index goes back to the thread for the next text.
impl Drop for Resolver<'_, '_, '_> {
    fn drop(&mut self) {
        std::mem::take(&mut self.index).give_back();
    }
}

/// The words of a name or description: split at spaces and hyphens.
fn name_words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| is_space(c) || c == '-').filter(|w| !w.is_empty())
}

/// Append the normal forms of the words of `s` to `out` (see [`push_words`]) and return how
/// many there are. No word holds a space, so `out.split(' ')` gives the words back (an empty
/// one included), and comparing word lists is comparing strings.
fn join_words(s: &str, out: &mut String) -> usize {
    push_words(name_words(s), out)
}

/// [`join_words`] of the text `span` covers, read from the normal forms its tokens already
/// hold when it covers whole tokens (looked for from token `from` on), words and periods.
fn join_span_words(t: &Tokens, from: usize, span: Span, out: &mut String) -> usize {
    let written = out.len();
    join_token_words::<false>(t, from, span, out, &mut (0, 0)).unwrap_or_else(|| {
        out.truncate(written);
        join_words(&t.text[span], out)
    })
}

/// [`join_span_words`] in `out`, cleared first, and [`word_bounds`] of what it wrote: found
/// as the words are written, with no second look at the bytes when they are read from the
/// tokens.
fn join_span_words_bounded(
    t: &Tokens,
    from: usize,
    span: Span,
    out: &mut String,
) -> (usize, usize, usize) {
    out.clear();
    // (No space written yet: the first ends at the end, the last starts at the start.)
    let mut spaces = (usize::MAX, usize::MAX);
    match join_token_words::<false>(t, from, span, out, &mut spaces) {
        Some(count) => {
            let first_end = spaces.0.min(out.len());
            let last_start = spaces.1.wrapping_add(1);
            (first_end, last_start, count)
        }
        None => {
            out.clear();
            let count = join_words(&t.text[span], out);
            let (first_end, last_start, _) = word_bounds(out);
            (first_end, last_start, count)
        }
    }
}

/// The first two words of [`join_span_words`] (or its only one) in `out`, cleared first, and
/// how many there are (so two for a span of two words or more): a look-up by them need not
/// read the others.
fn join_span_first_two_words(t: &Tokens, from: usize, span: Span, out: &mut String) -> usize {
    out.clear();
    join_token_words::<true>(t, from, span, out, &mut (0, 0)).unwrap_or_else(|| {
        out.clear();
        let count = join_words(&t.text[span], out);
        out.truncate(first_two_words(out).len());
        count.min(2)
    })
}

/// [`join_words`] of the text `span` covers, from the normal forms of the tokens it covers
/// (from token `from` on): the same words, as only spaces lie between tokens, a word token
/// neither starts nor ends with a hyphen, and normalizing keeps every hyphen and adds none
/// (nor composes an accent with a letter of another token: a token never starts with an
/// accent after a letter). `None`, having written some, unless `span` covers whole tokens,
/// each a word or a period. Only the first two words are written if `FIRST_TWO`: the tokens
/// after them are not read (those read are the same then, as they are whole words).
/// Where each space is written in `out`, `spaces` is set to the least of its first place and
/// that place, and its second to that place: once written, the first and the last space.
fn join_token_words<const FIRST_TWO: bool>(
    t: &Tokens,
    from: usize,
    span: Span,
    out: &mut String,
    spaces: &mut (usize, usize),
) -> Option<usize> {
    let mut space = |out: &mut String| {
        *spaces = (spaces.0.min(out.len()), out.len());
        out.push(' ');
    };
    let mut k = from;
    while k < t.len() && t.span(k).start < span.start {
        k += 1;
    }
    if k >= t.len() || t.span(k).start != span.start {
        return None;
    }
    let mut count = 0;
    let mut previous_end = None;
    while let Some(tok) = t.toks.get(k).filter(|tok| tok.span().end <= span.end) {
        let word = t.is_word(k);
        if !word && !t.is_punct(k, '.') {
            return None;
        }
        // A new word after a space.
        if previous_end != Some(tok.span().start) {
            if FIRST_TWO && count == 2 {
                return Some(count);
            }
            if count > 0 || !out.is_empty() {
                space(out);
            }
            count += 1;
        }
        previous_end = Some(tok.span().end);
        // A period is its own normal form.
        let norm = if word { t.norm(k) } else { t.str(k) };
        if !tok.joined {
            out.push_str(norm);
        } else {
            // Only a word with a joiner inside can hold a hyphen: a new word after each.
            let mut parts = norm.split('-');
            out.push_str(parts.next().unwrap_or_default());
            for part in parts {
                if FIRST_TWO && count == 2 {
                    return Some(count);
                }
                space(out);
                out.push_str(part);
                count += 1;
            }
        }
        if tok.span().end == span.end {
            return Some(count);
        }
        k += 1;
    }
    None
}

/// Append the normal forms of `words` to `out`, each after a space unless it is the first
/// thing written, and return how many there are.
fn push_words<'w>(words: impl Iterator<Item = &'w str>, out: &mut String) -> usize {
    let mut count = 0;
    for word in words {
        if count > 0 || !out.is_empty() {
            out.push(' ');
        }
        normalize_into(word, out);
        count += 1;
    }
    count
}

/// Where the first of joined words ends, where the last starts, and how many there are: one
/// look at each byte, with no branch on what it is (which bytes are spaces is hard to predict).
fn word_bounds(joined: &str) -> (usize, usize, usize) {
    let (mut first_end, mut last_start, mut spaces) = (joined.len(), 0, 0);
    for (j, &b) in joined.as_bytes().iter().enumerate() {
        let space = b == b' ';
        first_end = first_end.min(if space { j } else { joined.len() });
        last_start = last_start.max(if space { j + 1 } else { 0 });
        spaces += usize::from(space);
    }
    (first_end, last_start, spaces + 1)
}

// (Words of a name are short: a plain look at the bytes costs less than a search.)
fn first_word(joined: &str) -> &str {
    let end = joined.bytes().position(|b| b == b' ').unwrap_or(joined.len());
    &joined[..end]
}

fn last_word(joined: &str) -> &str {
    let start = joined.bytes().rposition(|b| b == b' ').map_or(0, |s| s + 1);
    &joined[start..]
}

/// The first two words of joined words that hold at least two.
fn first_two_words(joined: &str) -> &str {
    let mut spaces = joined.bytes().enumerate().filter(|&(_, b)| b == b' ');
    let second_space = spaces.nth(1).map_or(joined.len(), |(i, _)| i);
    &joined[..second_space]
}

/// Whether the words joined in `whole` start with those joined in `part`.
fn starts_with_words(whole: &str, part: &str) -> bool {
    whole.starts_with(part) && (whole.len() == part.len() || whole.as_bytes()[part.len()] == b' ')
}

/// Whether the words joined in `whole` end with those joined in `part`.
fn ends_with_words(whole: &str, part: &str) -> bool {
    whole.ends_with(part)
        && (whole.len() == part.len() || whole.as_bytes()[whole.len() - part.len() - 1] == b' ')
}

/// Whether the index passes over token `i` (of flags `flags`) with no need to read the
/// mention there, as its flags tell: a capitalised stop word or cue word that is no
/// determiner, title nor web address (`Mais`, `Selon`, `Il`, `Je`) opens no name, nor a
/// surname unless a capitalised word that is no stop word follows (`De Gaulle`); if it is a
/// word matched alone, it is a pronoun (passed over), or a demonstrative, whose hyphen
/// (`Celui-ci`) makes it a joined token. (No branch between the tests.)
fn passed_over_unread(t: &Tokens, i: usize, flags: u32) -> bool {
    let has = |flags: u32, bits: u32| flags & bits != 0;
    let next = t.flags(i + 1);
    has(flags, CAPITALIZED)
        & has(flags, Class::Stop.bit() | Class::CueWord.bit())
        & !has(flags, Class::Determiner.bit() | Class::Title.bit() | DOTTED)
        & !t.toks[i].joined
        & (!has(next, CAPITALIZED) | has(next, Class::Stop.bit()))
}

/// Whether a speaker mention of `kind` is resolved from what comes before it (the subjects
/// and speakers the resolver remembers): a pronoun or a demonstrative. The resolver needs the
/// sentence subjects up to the last such speaker only.
pub(crate) fn looks_back(kind: MentionKind) -> bool {
    matches!(kind, MentionKind::Pronoun | MentionKind::Demonstrative)
}

/// Whether a mention may look back as a pronoun does, for the person it stands for: a pronoun,
/// a demonstrative, or a definite description of a person (`l'élu`; see
/// [`Resolver::person_described`]).
pub(crate) fn may_look_back(t: &Tokens, m: &Mention) -> bool {
    looks_back(m.kind) || is_definite_person(t, m)
}

/// Nouns of a person that say nothing of a role, or of a passing one, and may stand for anyone
/// named before them (`Paul Morin, maire de Vire, … L'élu`; `Manuel Valls, invité de RTL, … Le
/// Premier ministre`). `w` is a normal form.
fn is_generic_person(w: &str) -> bool {
    matches!(
        w,
        "élu"
            | "élue"
            | "édile"
            | "homme"
            | "femme"
            | "jeune"
            | "intéressé"
            | "intéressée"
            | "responsable"
            | "dirigeant"
            | "dirigeante"
            | "personnalité"
            | "chef"
            | "cheffe"
            | "patron"
            | "patronne"
            | "natif"
            | "native"
            | "bénévole"
            | "universitaire"
            | "spécialiste"
            | "expert"
            | "experte"
            | "militant"
            | "militante"
            | "habitant"
            | "habitante"
            | "résident"
            | "résidente"
            | "professionnel"
            | "professionnelle"
            | "locataire"
            | "mère"
            | "père"
            | "invité"
            | "invitée"
            | "interlocuteur"
            | "interlocutrice"
            | "hôte"
            | "auteur"
            | "auteure"
            | "autrice"
            | "trentenaire"
            | "quadragénaire"
            | "quinquagénaire"
            | "sexagénaire"
            | "septuagénaire"
            | "octogénaire"
            | "nonagénaire"
            | "centenaire"
    )
}

/// Whether two normal forms name the same role: the same noun (in either number), or nouns
/// the press uses for one another (`l'entraîneur` … `le technicien`, `le réalisateur` … `le
/// cinéaste`), in any gender.
fn same_noun(a: &str, b: &str) -> bool {
    // (`directrice`, `chercheuse` → `directeur`, `chercheur`; `praticienne` → `praticien`.)
    let stem = |w: &str| -> String {
        let w = w.trim_end_matches('s');
        let w = if let Some(s) = w.strip_suffix("rice").or_else(|| w.strip_suffix("euse")) {
            format!("{s}eur")
        } else if let Some(s) = w.strip_suffix("nne") {
            format!("{s}n")
        } else {
            w.to_owned()
        };
        w.trim_end_matches('e').to_owned()
    };
    // (The same noun in the other gender is somebody else: `l'avocate` is not `l'avocat`.)
    if a.trim_end_matches('s') == b.trim_end_matches('s') {
        return true;
    }
    let (a, b) = (stem(a), stem(b));
    a != b
        && SAME_ROLES.iter().any(|group| group.contains(&a.as_str()) && group.contains(&b.as_str()))
}

/// Nouns the press uses for one another's role, as stems of [`same_noun`] (no final `e`).
const SAME_ROLES: &[&[&str]] = &[
    &["entraîneur", "technicien", "coach", "sélectionneur", "manager"],
    &["réalisateur", "cinéast", "metteur"],
    &["acteur", "comédien", "interprèt"],
    &["chanteur", "artist", "musicien", "interprèt"],
    &["avocat", "conseil", "défenseur", "pénalist"],
    &["jug", "magistrat"],
    &["procureur", "magistrat", "parquetier"],
    &["policier", "agent", "fonctionnair", "enquêteur"],
    &["gendarm", "militair", "enquêteur"],
    &["député", "parlementair", "élu"],
    &["sénateur", "parlementair", "élu", "président"],
    &["mair", "édil", "élu"],
    &["prévenu", "accusé", "suspect"],
    &["directeur", "responsabl"],
    &[
        "chercheur",
        "scientifiqu",
        "universitair",
        "spécialist",
        "expert",
        "économist",
        "climatologu",
        "sociologu",
        "politologu",
        "historien",
        "géograph",
        "démograph",
        "philosoph",
        "anthropologu",
        "agronom",
        "écologu",
        "épidémiologist",
        "biologist",
        "physicien",
    ],
    &["syndicalist", "délégué", "représentant", "militant"],
    &["médecin", "docteur", "praticien", "soignant"],
    &["joueur", "attaquant", "défenseur", "milieu", "gardien", "buteur", "capitain", "ailier"],
];

/// A singular description of a person with a definite article and no name: `le banquier`,
/// `l'ancienne eurodéputée`.
fn is_definite_person(t: &Tokens, m: &Mention) -> bool {
    m.name.is_none()
        && !m.plural
        && matches!(t.norm(m.first), "le" | "la" | "l'")
        && is_person_description(t, m)
}

impl<'a, 'b, 'h> Resolver<'a, 'b, 'h> {
    /// The resolver of the speakers of `doc`, whose pronouns look back at the subjects of its
    /// first `subject_sentences` sentences (outside `quotations`).
    pub fn new(
        doc: &'a Document<'b, 'h>,
        quotations: &'a Covered,
        subject_sentences: usize,
    ) -> Self {
        let t = doc.t;
        let Index { mut names, mut ties, mut fullest_of, words, mut starts } =
            Index::with_room_for(t.len());
        // Only names and descriptions are indexed: they start with a capital, a title, a
        // determiner, or are a web address. Other words are skipped without reading them.
        starts.fill(&t.toks, Token::may_start_mention);
        let mut key = words.into_inner();
        // A description (the text of whole tokens from token `from` on) tied to a name.
        let mut tie = |description: Span, from: usize, name: Span| {
            ties.add(t, from, description, name);
        };
        // Whether token flags (see [`Tokens::flags`]) hold any of `bits`.
        let has = |flags: u32, bits: u32| flags & bits != 0;
        // The mention read ahead at a token (after a comma, for an apposition), and where:
        // the loop visits that token next, and takes it from here instead of reading it again.
        // (Only those are kept: the loop reads no other token twice.)
        let (read_ahead, read_ahead_at) = (Cell::new(None), Cell::new(usize::MAX));
        let mention_ahead = |k: usize| {
            let m = mention_outline_at(t, k, t.len());
            read_ahead.set(m);
            read_ahead_at.set(k);
            m
        };
        let mention_here = |k: usize| {
            if read_ahead_at.get() == k {
                read_ahead.get()
            } else {
                mention_outline_at(t, k, t.len())
            }
        };
        // Record the name `n` of the mention read at token `from`.
        let mut add_name = |names: &mut Names, n: Span, from: usize| {
            let bounds = join_span_words_bounded(t, from, n, &mut key);
            if bounds.2 > 0 {
                names.add(n, &key, bounds, doc.quoted(from));
            }
        };
        let mut i = 0;
        loop {
            i = starts.next_from(i);
            if i >= t.len() {
                break;
            }
            let flags = t.flags(i);
            // A capitalised stop word is passed over by its flags, unread (one branch).
            if passed_over_unread(t, i, flags) {
                i += 1;
                continue;
            }
            // A lowercase determiner can only open a description (or a pronoun, passed over),
            // which ends by the first punctuation after it, or by the first word that ends
            // one (a verb or a preposition for its head; after it, a word of a class that
            // ends it too, but for the `de` of a complement and `par`, which may go on). If
            // no word up to there may start anything, the description holds no name and skips
            // no mention; nor has it one in apposition unless a comma soon after is followed
            // by a word that may start one. It is not read: the loop goes on from there, as
            // it would after it. So is a capitalised one of the stop words (`Les`, `Une`):
            // it opens no name, and no surname (`Le Drian`) unless a capital follows, which
            // may start something.
            // (One branch for the tests: which way it goes is hard to predict.)
            let opens_description_only = has(flags, Class::Determiner.bit())
                & !has(flags, Class::Title.bit())
                & (!has(flags, CAPITALIZED) | has(flags, Class::Stop.bit()));
            if opens_description_only {
                // (Each closure is given the flags of token `k`, loaded once.)
                let ends_it = |k: usize, flags: u32| {
                    if k == i + 1 {
                        return has(flags, Class::Verb.bit() | Class::Preposition.bit());
                    }
                    // (Of the words that go on, only `par` is of a class that ends: `de`,
                    // `du`, `des` and `d'` are of none, see the test
                    // `of_the_words_a_description_goes_on_at_only_par_ends_one`.)
                    has(flags, DESCRIPTION_ENDER_BITS) && t.norm(k) != "par"
                };
                // A lowercase determiner inside (`de la réforme`, `aux finances`), before a
                // word that neither may start anything nor ends a description, opens one that
                // ends by the same token and holds no name either: the look goes on past it.
                let opens_no_more = |k: usize, flags: u32| {
                    let plain_after = !t.is_any(k + 1, MENTION_START | DESCRIPTION_ENDER_BITS);
                    has(flags, Class::Determiner.bit())
                        & !has(flags, CAPITALIZED | Class::Title.bit() | DOTTED)
                        & plain_after
                };
                // A capitalised head after a lowercase determiner (`le Sénat`, `la Banque
                // mondiale`) is no person's name: the look goes on after it. (After a
                // capitalised one, `Le Drian`, it may be a name.)
                let head_end =
                    if has(flags, CAPITALIZED) { None } else { capitalized_head_end(t, i) };
                let mut stop = head_end.unwrap_or(i + 1);
                let passed_over = |k: usize, flags: u32| {
                    has(flags, WORD) && (!has(flags, MENTION_START) || opens_no_more(k, flags))
                };
                // The look goes [`WINDOW`] tokens at most: past determiners, it would otherwise
                // read a run of them (`le chat le chat …`) again from each, in quadratic time.
                let limit = i + WINDOW;
                while stop < limit {
                    let flags = t.flags(stop);
                    if !passed_over(stop, flags) || ends_it(stop, flags) {
                        break;
                    }
                    stop += 1;
                }
                // (Only words have flags: one that may start a mention is a word.)
                let starts_something = t.is_any(stop, MENTION_START);
                // The comma of an apposition is looked for up to 4 tokens after the end; only
                // a name is tied there, and a name starts with a capital or a title, or is a
                // web address (`le terrain, les directeurs` ties nothing).
                // (Every test made, with no branch between them: which way each goes is hard
                // to predict.)
                let may_start_name =
                    |k: usize| t.is_any(k, CAPITALIZED | Class::Title.bit() | DOTTED);
                let comma_then_start = |c: usize| t.is_punct(c, ',') & may_start_name(c + 1);
                let apposition = comma_then_start(stop)
                    | comma_then_start(stop + 1)
                    | comma_then_start(stop + 2)
                    | comma_then_start(stop + 3);
                if !(starts_something | apposition) {
                    i = stop;
                    continue;
                }
            }
            let Some(m) = mention_here(i) else {
                i += 1;
                continue;
            };
            match m.kind {
                MentionKind::Name => {
                    if let Some(n) = m.name {
                        add_name(&mut names, n, i);
                        // `Jean Dupont, le ministre de …,` — an apposition closed by its comma,
                        // not a place (`À Washington, le ministre a dit`). (What comes before is
                        // read only for a name before a comma.)
                        let after_preposition =
                            || i > 0 && (t.is(i - 1, Class::Preposition) || t.str(i - 1) == "A");
                        if t.is_punct(m.end, ',') && !after_preposition() {
                            if let Some(d) = mention_ahead(m.end + 1) {
                                let closed = t.is_punct(d.end, ',') || t.is_punct(d.end, '.');
                                if d.kind == MentionKind::Description && d.name.is_none() && closed
                                {
                                    tie(d.span, d.first, n);
                                }
                            } else if t.is_noun(m.end + 1, Class::PersonNoun.bit()) {
                                // `Gilles Fabre, maire de la commune,`: a role with no
                                // article (one word: a role, no tie to look up).
                                tie(t.span(m.end + 1), m.end + 1, n);
                            }
                        }
                    }
                }
                MentionKind::Description | MentionKind::Demonstrative => {
                    // `le ministre Jean Dupont`, `le ministre, Jean Dupont,`
                    let attached =
                        m.name.or_else(|| with_apposition_reading(doc, m, mention_ahead).name);
                    if let Some(n) = attached {
                        // The description's words: those before the name inside it (up to
                        // the end of the token before it, as spaces make no word).
                        let desc_end = match m.name {
                            Some(_) => {
                                let name_first = t.at_or_after(n.start).max(i + 1);
                                t.span(name_first - 1).end.min(n.start)
                            }
                            None => m.span.end,
                        };
                        tie(Span::new(m.span.start, desc_end), i, n);
                        // A name in apposition is recorded when the loop reaches it, after the
                        // comma; one inside the description is passed over, so it is here.
                        if m.name.is_some() {
                            add_name(&mut names, n, i);
                        }
                    }
                }
                _ => {}
            }
            // A person named in a description's complement (`le procès de Bernard Lacombe`,
            // `l'avocat de Paul Martin`) is named all the same: read on from there.
            let complement_name = || {
                (m.first + 2..m.end).find(|&k| {
                    t.is(k, Class::FirstName) && matches!(t.norm(k - 1), "de" | "d'" | "du" | "des")
                })
            };
            let inner = (m.kind == MentionKind::Description && m.name.is_none())
                .then(complement_name)
                .flatten();
            i = inner.unwrap_or(m.end).max(i + 1);
        }
        names.index_edge_words();
        fullest_of.resize(names.distinct.len(), Cell::new(None));
        Resolver {
            doc,
            quotations,
            index: Index { names, ties, fullest_of, words: Cell::new(key), starts },
            subjects: (0..subject_sentences)
                .map(|s| SubjectSlot { run_start: Cell::new(s), ..SubjectSlot::default() })
                .collect(),
            // (Room for the speakers of most texts: growing from nothing costs more.)
            speakers: Vec::with_capacity(SPEAKERS_ROOM),
            reach: Vec::with_capacity(SPEAKERS_ROOM),
            quoted: Vec::with_capacity(SPEAKERS_ROOM),
            said_by: Vec::with_capacity(SPEAKERS_ROOM),
        }
    }

    /// The fullest name whose words end or start with those of `name`.
    fn fullest(&self, name: Span) -> &'h str {
        let text = self.doc.text;
        // A name of the index: its words are at hand, and its answer is found once.
        if let Some(i) = self.index.names.at(name) {
            let known = &self.index.fullest_of[i];
            // (Its first and last words, and their hashes, are known.)
            let best = known.get().or_else(|| {
                let names = &self.index.names;
                let n = &names.distinct[i];
                let (first, last) =
                    (&names.keys[n.key.0..n.first_end], &names.keys[n.last_start..n.key.1]);
                self.fullest_by_edges(names.key(i), [first, last], names.edge_hashes[i])
            });
            known.set(best);
            return best.map_or(&text[name], |b| &text[self.index.names.distinct[b].span]);
        }
        let mut words = String::new();
        if join_words(&text[name], &mut words) == 0 {
            return &text[name];
        }
        let (first, last) = (first_word(&words), last_word(&words));
        self.fullest_by_edges(&words, [first, last], [word_hash(first), word_hash(last)])
            .map_or(&text[name], |b| &text[self.index.names.distinct[b].span])
    }

    /// The distinct name that [`Self::fullest`] gives for `words` (joined by [`join_words`]),
    /// whose first and last words are `edges`, of hashes `hashes` (see [`word_hash`]).
    fn fullest_by_edges(&self, words: &str, edges: [&str; 2], hashes: [u64; 2]) -> Option<usize> {
        let mut best: Option<usize> = None;
        // Under a single word, the names would be listed twice: none is better the second time.
        let (first, last) = (edges[0], (edges[1] != edges[0]).then_some(edges[1]));
        let mut consider = |i: usize| {
            let n = &self.index.names.distinct[i];
            let key = self.index.names.key(i);
            let fits = ends_with_words(key, words) || starts_with_words(key, words);
            if !fits {
                return;
            }
            let better = match best {
                None => true,
                Some(b) => {
                    let b = &self.index.names.distinct[b];
                    (n.len, !n.quoted) > (b.len, !b.quoted)
                }
            };
            if better {
                best = Some(i);
            }
        };
        self.index.names.for_each_edged_by(first, hashes[0], &mut consider);
        if let Some(last) = last {
            self.index.names.for_each_edged_by(last, hashes[1], &mut consider);
        }
        best
    }

    fn gender_of_name(&self, name: &str) -> Option<Gender> {
        let first = name.split(|c: char| is_space(c)).next()?;
        grammar().first_name(first).flatten()
    }

    /// The subject of sentence `s` (one of [`Self::subjects`]), outside quotations, if it may
    /// speak: `Le parking est fermé. « … », a-t-il dit` — `il` is not the car park.
    fn subject(&self, s: usize) -> Option<Mention> {
        kept(&self.subjects[s].mention, || {
            let (first, end) = self.doc.sentence_tokens(s);
            let m = clause_subject_in(self.doc, first, end, Subject::Strict)?;
            let quoted = self.quotations.overlaps(Span::new(m.span.start, m.span.start + 1));
            (!quoted && may_speak(self.doc.t, &m)).then_some(m)
        })
    }

    /// The first of the sentences up to `s` (read, with no subject) that are read and have no
    /// subject: a look back jumps over them at once, rather than passing every sentence
    /// without a subject again from each pronoun (in quadratic time, over a long dialogue).
    fn first_without_subject(&self, s: usize) -> usize {
        let mut first = self.subjects[s].run_start.get();
        while first > 0 && self.subjects[first - 1].mention.get() == Some(None) {
            first = self.subjects[first - 1].run_start.get();
        }
        self.subjects[s].run_start.set(first);
        first
    }

    /// Whether a sentence subject is at `at`.
    fn subject_at(&self, at: usize) -> bool {
        let s = self.doc.sentences.partition_point(|s| s.start <= at);
        s > 0 && s <= self.subjects.len() && self.subject(s - 1).is_some_and(|m| m.span.start == at)
    }

    /// How many speakers were resolved before the first beyond `at`: the subject there is
    /// resolved after them (see [`Resolver`]).
    fn speakers_before(&self, at: usize) -> usize {
        self.reach.partition_point(|&r| r <= at)
    }

    /// Whether a speaker is remembered at `at`.
    fn speaker_at(&self, at: usize) -> bool {
        self.speakers.binary_search_by_key(&at, |a| a.at).is_ok()
    }

    /// What the subject of sentence `s` resolves to, or `Err` with the sentence of a subject
    /// to resolve first.
    fn try_subject_resolution(&self, s: usize) -> Result<Resolved<'h>, usize> {
        let slot = &self.subjects[s];
        if let Some(r) = slot.resolved.get() {
            return Ok(r);
        }
        let m = self.subject(s).expect("a subject looked back at");
        let visible = self.speakers_before(m.span.start);
        let quoted = visible.checked_sub(1).map_or(Span::default(), |j| self.quoted[j]);
        let r = self.try_resolve(&m, visible, quoted)?;
        slot.resolved.set(Some(r));
        Ok(r)
    }

    /// Resolve the subject of sentence `s`, and first those its resolution needs (with no
    /// recursion: a long run of pronouns each pointing back to the one before would be deep).
    fn resolve_subject(&self, s: usize) {
        let mut pending = Vec::new();
        let mut next = s;
        loop {
            match self.try_subject_resolution(next) {
                Ok(_) => match pending.pop() {
                    Some(s) => next = s,
                    None => return,
                },
                Err(first) => {
                    pending.push(next);
                    next = first;
                }
            }
        }
    }

    /// [`Self::try_resolve`], resolving first the subjects it needs.
    fn resolve_after(&self, m: &Mention, visible: usize, quoted: Span) -> Resolved<'h> {
        loop {
            match self.try_resolve(m, visible, quoted) {
                Ok(r) => return r,
                Err(s) => self.resolve_subject(s),
            }
        }
    }

    /// Resolve the speaker mention of a quotation.
    /// `quoted` is the quotation the mention speaks: what is said in it is no antecedent
    /// (`Le pont rouvrira en mai, a-t-il assuré` — `il` is not the bridge).
    pub fn resolve(&mut self, m: &Mention, quoted: Span) -> Resolved<'h> {
        let at = m.span.start;
        let order = self.reach.len();
        // A subject there, resolved with a speaker before, is remembered instead.
        let taken =
            self.speaker_at(at) || (self.speakers_before(at) < order && self.subject_at(at));
        self.reach.push(self.reach.last().map_or(at, |&r| r.max(at)));
        self.quoted.push(quoted);
        let r = self.resolve_after(m, order, quoted);
        self.said_by.push(r.name);
        if !taken {
            let i = self.speakers.partition_point(|a| a.at < at);
            let pronoun = Cell::new(None);
            self.speakers.insert(i, Antecedent { at, order, resolved: r, pronoun });
        }
        r
    }

    /// What `m` resolves to, looking back (if it does) at the subjects before it and the
    /// first `visible` speakers, with the words of `quoted` no antecedent; `Err` with the
    /// sentence of a subject to resolve first.
    fn try_resolve(
        &self,
        m: &Mention,
        visible: usize,
        quoted: Span,
    ) -> Result<Resolved<'h>, usize> {
        if !looks_back(m.kind) {
            let r = self.resolve_now(m);
            // A description of a person the text ties to no name (`l'élu`, `la syndicaliste`)
            // points back as a pronoun does, to a person named in full.
            if r.how == Resolution::Description && r.name == &self.doc.text[m.span] {
                if let Some(a) = self.person_described(m, visible, quoted)? {
                    return Ok(a);
                }
            }
            return Ok(r);
        }
        let as_written = Resolved {
            name: &self.doc.text[m.span],
            how: Resolution::Pronoun,
            gender: m.gender,
            plural: m.plural,
        };
        if let Some(topic) = self.topic_before(m) {
            return Ok(Resolved { how: Resolution::Pronoun, ..self.resolve_now(&topic) });
        }
        let enclosing = self.doc.enclosing_pair(self.doc.t.at_or_after(m.span.start));
        if let Some(q) = enclosing {
            if let Some(r) = self.antecedent_in_quote(m, q) {
                return Ok(r);
            }
        }
        if let Some(r) = self.last_named(m, quoted) {
            return Ok(r);
        }
        Ok(self.antecedent(m, visible, quoted, ANTECEDENT_WINDOW)?.map_or(as_written, |(a, _)| {
            Resolved { how: Resolution::Pronoun, gender: a.gender.or(m.gender), ..a }
        }))
    }

    /// What `m`, which does not look back, resolves to.
    fn resolve_now(&self, m: &Mention) -> Resolved<'h> {
        let text = self.doc.text;
        let as_written = Resolved {
            name: &text[m.span],
            how: Resolution::Description,
            gender: m.gender,
            plural: m.plural,
        };
        match m.kind {
            MentionKind::Name => {
                // (A name read empty, as after a lone title at the end of a run of marks, is
                // none: the mention as written is the name.)
                let name = m.name.filter(|n| !n.is_empty()).unwrap_or(m.span);
                let full = self.fullest(name);
                let how = if full == &text[m.span] { Resolution::Named } else { Resolution::Alias };
                Resolved {
                    name: full,
                    how,
                    gender: m.gender.or_else(|| self.gender_of_name(full)),
                    plural: false,
                }
            }
            MentionKind::Description | MentionKind::Relative => {
                if let Some(n) = m.name.filter(|n| !n.is_empty()) {
                    let full = self.fullest(n);
                    return Resolved {
                        name: full,
                        how: Resolution::Description,
                        gender: m.gender.or_else(|| self.gender_of_name(full)),
                        plural: m.plural,
                    };
                }
                // Most texts tie no description to a name: then there is nothing to look up.
                if self.index.ties.is_empty() {
                    return as_written;
                }
                // The first two words find the ties; the others are read only if some are
                // found (the words come from the tokens' normal forms).
                let t = self.doc.t;
                let mut words = self.index.words.take();
                let count = join_span_first_two_words(t, m.first, m.span, &mut words);
                let latest = (count >= 2).then(|| self.index.ties.latest_of(word_hash(&words)));
                let Some(latest) = latest.flatten() else {
                    self.index.words.set(words);
                    return as_written;
                };
                words.clear();
                join_span_words(t, m.first, m.span, &mut words);
                // The latest tie made before the mention: `le ministre` is the minister
                // named last.
                let tie = self.index.ties.latest_before(t, latest, &words, m.span.start);
                self.index.words.set(words);
                match tie {
                    Some(name) => Resolved {
                        name: self.fullest(name),
                        how: Resolution::Description,
                        gender: m.gender,
                        plural: m.plural,
                    },
                    None => as_written,
                }
            }
            // (A pronoun or a demonstrative looks back: see [`Self::try_resolve`].)
            MentionKind::Pronoun | MentionKind::Demonstrative | MentionKind::FirstPerson => {
                as_written
            }
        }
    }

    fn compatible(m: &Mention, r: &Resolved) -> bool {
        let is_on = m.kind == MentionKind::Pronoun && m.gender.is_none() && !m.plural;
        if is_on {
            return true;
        }
        let gender_ok = match (m.gender, r.gender) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        gender_ok && (m.plural == r.plural || m.kind == MentionKind::Demonstrative)
    }

    /// The most recent of the last `window` subjects and speakers before `m`
    /// (of the first `visible` speakers) outside `quoted`, compatible with it, that did not
    /// resolve to a pronoun, and where it stands; `Err` with the sentence of a subject to
    /// resolve first.
    fn antecedent(
        &self,
        m: &Mention,
        visible: usize,
        quoted: Span,
        window: usize,
    ) -> Result<Option<(Resolved<'h>, usize)>, usize> {
        let before = m.span.start;
        let mut speaker_k = self.speakers.partition_point(|a| a.at < before);
        let mut next_speaker = || {
            while speaker_k > 0 {
                speaker_k -= 1;
                let a = &self.speakers[speaker_k];
                if a.order < visible {
                    return Some(a);
                }
            }
            None
        };
        let mut sentence = self.doc.sentences.partition_point(|s| s.start < before);
        sentence = sentence.min(self.subjects.len());
        // (A subject where a speaker is remembered was not: the speaker was there first.)
        // The next subject back, if it is in a sentence that ends after `limit` (the walk stops
        // at the first that does not, and goes on from there when asked again). As `limit` is
        // the next speaker back, the walk never passes the last speaker the window reaches:
        // over sentences whose subjects are all speakers (passed over), it stays linear.
        let mut next_subject = |limit: usize| {
            while sentence > 0 && self.doc.sentences[sentence - 1].end > limit {
                sentence -= 1;
                match self.subject(sentence) {
                    Some(m) if m.span.start < before && !self.speaker_at(m.span.start) => {
                        return Some((sentence, m.span.start));
                    }
                    Some(_) => {}
                    None => sentence = self.first_without_subject(sentence),
                }
            }
            None
        };
        let inside_quoted = |at: usize| quoted.start <= at && at < quoted.end;
        let speaking_m = self.speaker_around(before, visible);
        let (mut speaker, mut subject) = (next_speaker(), None);
        for _ in 0..window {
            // Before the next speaker back, only a subject after it is read: a subject before
            // it is not needed yet (and most look backs end at that speaker).
            if subject.is_none() {
                subject = next_subject(speaker.map_or(0, |a| a.at));
            }
            let speaker_later = match (speaker, subject) {
                (Some(a), Some((_, at))) => a.at > at,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            let (resolved, pronoun, at) = if speaker_later {
                let a = speaker.expect("a speaker");
                speaker = next_speaker();
                if inside_quoted(a.at) {
                    continue;
                }
                (a.resolved, &a.pronoun, a.at)
            } else {
                let (s, at) = subject.take().expect("a subject");
                if inside_quoted(at) {
                    continue;
                }
                (self.try_subject_resolution(s)?, &self.subjects[s].pronoun, at)
            };
            if Self::compatible(m, &resolved)
                && !resolved_to_pronoun(&resolved, pronoun)
                && Some(resolved.name) != speaking_m
            {
                return Ok(Some((resolved, at)));
            }
        }
        Ok(None)
    }

    /// Who says the quotation that byte `at` lies in, of the first `visible` speakers, if it
    /// lies in one: `elle` said by X is not X.
    fn speaker_around(&self, at: usize, visible: usize) -> Option<&'h str> {
        let visible = visible.min(self.said_by.len());
        // (Quotations are resolved in text order: the one around `at` is among the last to
        // open before it.)
        let opened = self.quoted[..visible].partition_point(|q| q.start <= at);
        (opened.saturating_sub(4)..opened)
            .rev()
            .find(|&j| self.quoted[j].start <= at && at < self.quoted[j].end)
            .map(|j| self.said_by[j])
    }

    /// The person a definite description of a person tied to no name stands for: the person
    /// given that role in other words, or the antecedent a pronoun of its gender would have, if
    /// that is a person named in full (`Paul Morin, maire de Vire, a présenté le budget. L'élu
    /// a annoncé …`), unless another person or another role makes it unsure. Not a possessive
    /// (`son avocat` is somebody else), nor a body (`le syndicat`). `Err` as
    /// [`Self::antecedent`].
    fn person_described(
        &self,
        m: &Mention,
        visible: usize,
        quoted: Span,
    ) -> Result<Option<Resolved<'h>>, usize> {
        if !is_definite_person(self.doc.t, m) {
            return Ok(None);
        }
        // The person the text gave that role, in other words: no other person named later
        // makes it less sure.
        if let Some(r) = self.person_of_role(m) {
            return Ok(Some(r));
        }
        // Else the antecedent a pronoun would have, if that is a person named; else the person
        // last named, as an object or a complement (`La cour a entendu Paul Martin. … a répété
        // le quinquagénaire`, `Le procès de Bernard Lacombe … L'ancien dirigeant`).
        let found = match self.antecedent(m, visible, quoted, DESCRIBED_WINDOW)? {
            Some((a, at)) if self.gender_of_name(a.name).is_some() => Some((a, at)),
            // (A person never named, `L'avocat de Paul Martin a plaidé. … a dit l'avocat`.)
            Some((_, at)) if self.unnamed_person_at(at) => None,
            _ => self.person_named_last(m),
        };
        Ok(found
            .filter(|&(a, at)| {
                !self.another_person_between(m, at, a.name) && !self.has_other_role(m, a.name)
            })
            .map(|(a, _)| Resolved {
                how: Resolution::Description,
                gender: a.gender.or(m.gender),
                ..a
            }))
    }

    /// The topic a subject pronoun takes up: `Quant à Paul Martin, il a déclaré` — the name
    /// right before the pronoun's comma, after `quant à`.
    fn topic_before(&self, m: &Mention) -> Option<Mention> {
        let t = self.doc.t;
        if m.kind != MentionKind::Pronoun || m.first < 4 || !t.is_punct(m.first - 1, ',') {
            return None;
        }
        let comma = m.first - 1;
        let from = comma.saturating_sub(MAX_NAME + 2);
        (from..comma).find_map(|k| {
            let quant = t.norm(k) == "quant" && matches!(t.norm(k + 1), "à" | "a");
            quant.then(|| mention_outline_at(t, k + 2, comma)).flatten().filter(|n| {
                n.end == comma
                    && n.kind == MentionKind::Name
                    && Self::compatible(m, &self.resolve_now(n))
            })
        })
    }

    /// Whether a description of a person stands at byte `at`.
    fn unnamed_person_at(&self, at: usize) -> bool {
        let t = self.doc.t;
        let k = t.at_or_after(at);
        mention_outline_at(t, k, t.len()).is_some_and(|d| is_person_description(t, &d))
    }

    /// The person named last before the sentence of `m`, a few sentences back at most, outside
    /// quotations, whose first name tells a gender compatible with `m`'s; and where.
    fn person_named_last(&self, m: &Mention) -> Option<(Resolved<'h>, usize)> {
        let t = self.doc.t;
        let sentence = self.doc.sentence_of(m.span.start);
        let occ = &self.index.names.occurrences;
        let to = occ.partition_point(|(s, _)| s.end <= sentence.start);
        let &(span, _) = occ[..to]
            .iter()
            .rev()
            .take_while(|(s, _)| m.span.start - s.start <= PERSON_REACH)
            .find(|(s, _)| !self.doc.quoted(t.at_or_after(s.start)))?;
        Some((self.person_for(m, span, Resolution::Description)?, span.start))
    }

    /// The person named at `name`, by its fullest name, if its first name tells a gender
    /// compatible with `m`'s: what `m` resolves to, `how`.
    fn person_for(&self, m: &Mention, name: Span, how: Resolution) -> Option<Resolved<'h>> {
        let full = self.fullest(name);
        let gender = self.gender_of_name(full)?;
        let r = Resolved { name: full, how, gender: Some(gender), plural: false };
        Self::compatible(m, &r).then_some(r)
    }

    /// Whether the text gave the person `named` a role other than `m`'s before `m`: `L'attaquant
    /// Jean Martin … a salué l'entraîneur` speaks of two people. A generic noun (`l'élu`,
    /// `l'homme`, `le quinquagénaire`) may stand for anyone: it conflicts with no role.
    fn has_other_role(&self, m: &Mention, named: &str) -> bool {
        let t = self.doc.t;
        let head = t.norm(head_noun(t, m));
        // (A former role, `l'ancien joueur`, may be anyone's too.)
        let former = matches!(t.norm(m.first + 1), "ancien" | "ancienne" | "ex");
        if is_generic_person(head) || former {
            return false;
        }
        self.roles_before(m).any(|(role, name)| {
            !is_generic_person(role) && !same_noun(role, head) && self.fullest(name) == named
        })
    }

    /// The roles the text gave people before `m`, latest first, as (the role's noun in normal
    /// form, the name). (Roles are in text order: the last few given before `m` are read, so
    /// that a text of many roles and descriptions is read in linear time.)
    fn roles_before(&self, m: &Mention) -> impl Iterator<Item = (&str, Span)> + '_ {
        let t = self.doc.t;
        let roles = &self.index.ties.roles;
        let before = roles.partition_point(|(_, name)| name.start < m.span.start);
        roles[before.saturating_sub(ROLES_READ)..before].iter().rev().filter_map(
            move |&(description, name)| {
                let first = t.at_or_after(description.start);
                let last = t.at_or_after(description.end).min(first + 8);
                let role = (first..last).find(|&k| t.is_noun(k, Class::PersonNoun.bit()))?;
                Some((t.norm(role), name))
            },
        )
    }

    /// The person last given the role `m` names, in other words (`Le procureur, Mathieu
    /// Carrère, … Le magistrat`; `Le maire, X, … L'élu`), if a person named.
    fn person_of_role(&self, m: &Mention) -> Option<Resolved<'h>> {
        let t = self.doc.t;
        let head = t.norm(head_noun(t, m));
        // `l'élu`, `l'édile` stand for any elected person: the one last given a role. Other
        // nouns that say no role (`le quinquagénaire`) are for someone given none.
        let elected = matches!(head, "élu" | "élue" | "édile");
        if is_generic_person(head) && !elected {
            return None;
        }
        let (_, name) = self.roles_before(m).find(|&(role, _)| elected || same_noun(role, head))?;
        self.person_for(m, name, Resolution::Description)
    }

    /// Whether another person `m` could stand for too is spoken of between byte `at` (where
    /// its antecedent `named` stands) and `m`, outside quotations: a person named otherwise, of a
    /// compatible gender (`Poutine a félicité Joe Biden. … le dirigeant russe`), or a description
    /// of a person (`Alexandre T. … La présidente interroge le prévenu. Le policier …`). Then
    /// which one `m` is, is left open.
    fn another_person_between(&self, m: &Mention, at: usize, named: &str) -> bool {
        let t = self.doc.t;
        let gender_ok = |g: Option<Gender>| match (g, m.gender) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        let from = t.at_or_after(at) + 1;
        // (Far back, too much lies between to be sure: and the walk stays short.)
        if m.first.saturating_sub(from) > BETWEEN_READ {
            return true;
        }
        (from..m.first).any(|k| {
            if self.doc.quoted(k) || !t.is_any(k, Class::Determiner.bit() | CAPITALIZED) {
                return false;
            }
            let Some(d) = mention_outline_at(t, k, m.first) else { return false };
            match d.kind {
                MentionKind::Name => {
                    let name = d.name.unwrap_or(d.span);
                    d.gender.is_some() && gender_ok(d.gender) && self.fullest(name) != named
                }
                // (A person newly brought in, `un chauffeur`, is not `le prévenu`.)
                _ => {
                    let newcomer = matches!(t.norm(k), "un" | "une")
                        && !same_noun(t.norm(head_noun(t, &d)), t.norm(head_noun(t, m)));
                    d.name.is_none()
                        && is_person_description(t, &d)
                        && gender_ok(t.gender(k))
                        && !newcomer
                }
            }
        })
    }

    /// `ce dernier`, `cette dernière` point to the last person named before them, whatever
    /// its role in its sentence (`Le ministre a reçu Paul Martin. Ce dernier a dit`): the
    /// last name outside `quoted` whose first name tells a compatible gender, a few names back
    /// at most.
    fn last_named(&self, m: &Mention, quoted: Span) -> Option<Resolved<'h>> {
        let t = self.doc.t;
        let latter = m.kind == MentionKind::Demonstrative
            && m.first + 1 < m.end
            && matches!(t.norm(m.first + 1), "dernier" | "dernière" | "derniers" | "dernières");
        if !latter {
            return None;
        }
        let occ = &self.index.names.occurrences;
        let to = occ.partition_point(|(s, _)| s.end <= m.span.start);
        occ[..to]
            .iter()
            .rev()
            .filter(|(span, _)| !(quoted.start <= span.start && span.start < quoted.end))
            .take(4)
            .find_map(|&(span, _)| self.person_for(m, span, Resolution::Pronoun))
    }

    /// Inside a quotation, `il` points to a name said earlier in it.
    fn antecedent_in_quote(&self, m: &Mention, q: usize) -> Option<Resolved<'h>> {
        let inner = self.doc.pairs[q].inner;
        let occ = &self.index.names.occurrences;
        let from = occ.partition_point(|(s, _)| s.start < inner.start);
        let to = occ.partition_point(|(s, _)| s.end <= m.span.start);
        occ[from..to.max(from)]
            .iter()
            .rev()
            .take(ANTECEDENT_WINDOW)
            .map(|&(span, _)| Resolved {
                name: self.fullest(span),
                how: Resolution::Pronoun,
                gender: self.gender_of_name(&self.doc.text[span]),
                plural: false,
            })
            .find(|r| Self::compatible(m, r))
    }
}

fn is_pronoun_text(s: &str) -> bool {
    let s = s.trim();
    // No pronoun holds a space (a test reads the list), and normalizing keeps every space: a
    // text of several words, most names and descriptions, needs no look-up.
    !s.as_bytes().contains(&b' ') && grammar().is(Class::Pronoun, s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speaker_names(text: &str) -> Vec<String> {
        let quotes = crate::extract_quotes(text);
        quotes.iter().map(|q| q.speaker.as_ref().map_or("", |s| s.name).to_string()).collect()
    }

    #[test]
    fn roles_after_a_lowercase_determiner_are_read() {
        // The index passes over the descriptions that can hold nothing: not these.
        assert_eq!(
            speaker_names(
                "Hier, la porte-parole du gouvernement, Claire Dubois, était là. \
                 « Le texte sera voté », a assuré la porte-parole."
            ),
            ["Claire Dubois"]
        );
        assert_eq!(
            speaker_names(
                "Hier, le ministre de l'Intérieur Paul Girard a parlé. « Aucune consigne », \
                 a affirmé le ministre."
            ),
            ["Paul Girard"]
        );
        assert_eq!(
            speaker_names(
                "Hier, le délégué aux finances, Paul Rivière, a parlé. « Rien ne change », \
                 a dit le délégué aux finances."
            ),
            ["Paul Rivière"]
        );
        assert_eq!(
            speaker_names(
                "Selon les chiffres, Paul Girard, le président du club, était furieux. \
                 « Inacceptable », a lancé le président du club."
            ),
            ["Paul Girard"]
        );
        // Past a capitalised head, which is no name of a person.
        assert_eq!(
            speaker_names(
                "Hier, le Premier ministre Manuel Valls a parlé. « Rien », \
                 a dit le Premier ministre."
            ),
            ["Manuel Valls"]
        );
        // Past a lowercase determiner inside, to the comma of the apposition.
        assert_eq!(
            speaker_names(
                "Hier, le directeur de la communication, Marc Petit, a parlé. « Rien », \
                 a dit le directeur de la communication."
            ),
            ["Marc Petit"]
        );
    }

    #[test]
    fn pronouns_look_back_at_the_subjects_they_reach_as_if_all_were_read() {
        // A run of pronoun subjects, each resolved from the one before.
        assert_eq!(
            speaker_names(
                "Marie Curie est venue hier au laboratoire. Elle a visité les salles. Elle a \
                 souri longuement. « C'est beau », a-t-elle dit."
            ),
            ["Marie Curie"]
        );
        // The window counts the subjects and speakers before the pronoun, compatible or not:
        // the name is within it after 39 runs of these sentences, and out of it after 40.
        for (runs, name) in [(39, "Marie Curie"), (40, "elle")] {
            let text = format!(
                "Marie Curie est venue hier. {}« Nous verrons », a-t-elle dit.",
                "Le chat dort. Il pleut beaucoup. ".repeat(runs)
            );
            assert_eq!(speaker_names(&text), [name], "{runs}");
        }
        // Speakers before and after their quotations, pronouns inside and outside them.
        assert_eq!(
            speaker_names(
                "« Il faut agir », a dit Anne Petit. Selon elle, le maire est parti. « Il \
                 reviendra », a-t-elle ajouté. Elle a ensuite quitté la salle. Lui est resté. \
                 « Nous verrons », a-t-il dit. « Sans doute », a-t-elle répondu."
            ),
            ["Anne Petit", "Anne Petit", "Anne Petit", "il", "Anne Petit"]
        );
        assert_eq!(
            speaker_names(
                "Paul Martin a déclaré : « Nous partons demain. » Le ministre Jean Dupont a \
                 répondu. « Nous restons », a-t-il ajouté. Puis il a parlé encore. « Jamais », \
                 a-t-il conclu."
            ),
            ["Paul Martin", "Jean Dupont", "Jean Dupont"]
        );
    }

    #[test]
    fn names_are_found_by_their_edge_words_in_texts_of_few_and_of_many_names() {
        for others in [0, MOST_NAMES_LOOKED_THROUGH + 8] {
            let mut text = String::from("Hier, Vladimir Poutine est arrivé. ");
            for k in 0..others {
                let surname = format!(
                    "B{}{}",
                    char::from(b'a' + (k / 26) as u8),
                    char::from(b'a' + (k % 26) as u8)
                );
                text += &format!("Puis Marc {surname} est venu. ");
            }
            text += "« Nous verrons », a dit Poutine.";
            assert_eq!(speaker_names(&text), ["Vladimir Poutine"], "{others}");
        }
    }

    #[test]
    fn the_words_passed_over_unread_hold_no_mention_the_index_reads() {
        let text = "Mais Jean Dupont est venu. Selon lui, rien. Il a dit non. Je pense. \
                    J'ai vu De Gaulle et Du Bellay. Celui-ci, Paul Girard, a parlé. Nous \
                    verrons. Et Marie Curie ? Qui sait. Lui aussi. Elle, Sophie Martin, rit. \
                    Déclare-t-il. Celle-là aussi. On verra. Les Verts, La Fontaine, Le Pen.";
        let t = Tokens::new(text);
        let mut passed = 0;
        for i in 0..t.len() {
            if !passed_over_unread(&t, i, t.flags(i)) {
                continue;
            }
            passed += 1;
            let kind = mention_outline_at(&t, i, t.len()).map(|m| m.kind);
            assert!(
                matches!(
                    kind,
                    None | Some(
                        MentionKind::Pronoun | MentionKind::FirstPerson | MentionKind::Relative
                    )
                ),
                "{} {kind:?}",
                t.str(i)
            );
        }
        assert!(passed >= 8, "{passed}");
        // The names after such words are indexed as before.
        assert_eq!(
            speaker_names("Mais Jean Dupont est venu. « Rien », a dit Dupont."),
            ["Jean Dupont"]
        );
    }

    #[test]
    fn token_bits_find_the_next_token_of_the_set() {
        // Token `k` starts at byte `2 * k`.
        let text = "a ".repeat(150);
        let t = Tokens::new(&text);
        let kept = [0, 5, 63, 64, 130];
        let mut set = TokenBits::default();
        set.fill(&t.toks, |tok| kept.contains(&(tok.span().start / 2)));
        for from in 0..=150 {
            let expected = kept.iter().copied().find(|&k| k >= from).unwrap_or(usize::MAX);
            assert_eq!(set.next_from(from), expected, "{from}");
        }
    }

    #[test]
    fn of_the_words_a_description_goes_on_at_only_par_ends_one() {
        for word in ["de", "du", "des", "d'", "d’", "De", "DU", "Des", "D'", "D’"] {
            let text = format!("le chat {word} x");
            let t = Tokens::new(&text);
            assert_eq!(t.flags(2) & DESCRIPTION_ENDER_BITS, 0, "{word}");
        }
        let t = Tokens::new("le chat par x");
        assert_ne!(t.flags(2) & DESCRIPTION_ENDER_BITS, 0);
    }

    #[test]
    fn no_pronoun_holds_a_space() {
        let pronouns = crate::lexicon::sections(include_str!("data/grammar.txt"))
            .filter(|&(section, _)| section == "pronoun")
            .map(|(_, entry)| entry)
            .collect::<Vec<_>>();
        assert!(pronouns.contains(&"il"));
        for p in pronouns {
            assert!(!p.contains(char::is_whitespace), "{p}");
        }
        assert!(is_pronoun_text(" Elle "));
        assert!(!is_pronoun_text("Jean Dupont"));
    }

    #[test]
    fn words_from_tokens_are_the_words_of_the_text() {
        let text = "le ministre-président Jean-Marc d’Ormesson, l’ancien J. Dupont, Alexandre T. \
            de\u{301}pute\u{301} l\u{2019}\u{301}x Ma\u{ad}rie z\u{200b}-z \u{200b}-a SCHMIDT-Ö";
        let t = Tokens::new(text);
        for first in 0..t.len() {
            for end in first + 1..=t.len() {
                let span = Span::new(t.span(first).start, t.span(end - 1).end);
                let (mut from_text, mut from_tokens) = (String::from("x"), String::from("x"));
                let count = join_words(&text[span], &mut from_text);
                assert_eq!(join_span_words(&t, 0, span, &mut from_tokens), count, "{span:?}");
                assert_eq!(from_tokens, from_text, "{span:?}");
                let mut two = String::from("y");
                let two_count = join_span_first_two_words(&t, 0, span, &mut two);
                assert_eq!(two_count, count.min(2), "{span:?}");
                assert_eq!(
                    two,
                    first_two_words(from_text.strip_prefix("x ").unwrap_or("")),
                    "{span:?}"
                );
                // The bounds found as the words are written are those of the words written.
                let mut bounded = String::from("z");
                let (first_end, last_start, len) =
                    join_span_words_bounded(&t, 0, span, &mut bounded);
                assert_eq!(Some(bounded.as_str()), from_text.strip_prefix("x "), "{span:?}");
                assert_eq!((first_end, last_start, len), word_bounds(&bounded), "{span:?}");
                assert_eq!(len, count, "{span:?}");
            }
        }
    }
}
