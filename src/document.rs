//! The document as the phrase-reading stages see it: text, tokens, marks, sentences, cues.

use std::cell::{Cell, RefCell};

use crate::cue::CueMatch;
use crate::mention::Mention;
use crate::pool;
use crate::scan::MarkPair;
use crate::span::Span;
use crate::token::{Token, Tokens};

/// How many tokens a rule reads around its position, at most. Rules look near the cue or
/// the quotation they decide about; bounding the distance keeps the whole pass linear however
/// long a sentence is (a 10 MB paragraph with no period is still one sentence).
pub(crate) const WINDOW: usize = 64;

/// Everything the earlier stages found in one text, with the look-ups the later ones share.
pub(crate) struct Document<'a, 'h> {
    pub text: &'h str,
    pub t: &'a Tokens<'h>,
    pub pairs: &'a [MarkPair],
    pub sentences: &'a [Span],
    pub cues: &'a [CueMatch],
    /// One bit for each token (token `i` is bit `i % 32` of word `i / 32`): whether the marks
    /// of a top-level pair enclose it. Rules ask it of many tokens; a bit a token is cheap to
    /// fill, where an index a token cost a write to every token. (Words of `u32`: the pool
    /// keeps a few vectors of each type, and this one takes the place of that index.)
    quoted_bits: Vec<u32>,
    /// For each cue, its first token and the token after it: asked for again and again, so
    /// found once rather than by a binary search each time.
    cue_tokens: Vec<(usize, usize)>,
    /// For each sentence, its first token and the token after it.
    sentence_tokens: Vec<(usize, usize)>,
    /// For each cue, the index of the sentence its start lies in as
    /// [`Document::sentence_of`] finds it (`sentences.len()` past the last one): rules ask
    /// for it again and again.
    cue_sentences: Vec<usize>,
    /// For each pair of marks, the same for its opening mark.
    pair_sentences: Vec<usize>,
    /// For each pair of marks, the token of its opening mark and the token after its closing one.
    pair_tokens: Vec<(usize, usize)>,
    /// For each cue, what the speaker finders read of it, once found.
    cue_reads: Vec<CueReads>,
    /// The mentions [`CueReads`] keep, in the order found: a cue's reads hold small indices
    /// into it, not mentions (most are never asked for, and the reads of every cue are set
    /// for every text).
    kept_mentions: RefCell<Vec<Mention>>,
}

/// What the speaker finders read of a cue, kept once found: they depend on the document only,
/// and the rules about quotations and reported speech ask them again and again.
/// (Sixteen bytes: a mention is a [`KeptMention`], an index into the document's kept ones.)
#[derive(Default)]
pub(crate) struct CueReads {
    /// The mention the cue points to as its speaker.
    pub speaker: KeptMention,
    /// The inverted subject after it.
    pub subject_after: KeptMention,
    /// The source named after it, for a phrase (`selon X`).
    pub source: KeptMention,
    /// Whether it stands where the subject follows the verb.
    pub inversion: Cell<Option<bool>>,
    /// Whether it is a phrase that names a source where it stands.
    pub phrase_ok: Cell<Option<bool>>,
}

/// A mention (or its absence) kept once found, by [`Document::kept_mention`]: 0 until found,
/// 1 for none, `k + 2` for the `k`-th of the document's kept mentions.
#[derive(Default)]
pub(crate) struct KeptMention(Cell<u32>);

const _: () = assert!(std::mem::size_of::<CueReads>() == 16);

/// The value `cell` keeps, found by `find` the first time it is asked.
pub(crate) fn kept<T: Copy>(cell: &Cell<Option<T>>, find: impl FnOnce() -> T) -> T {
    cell.get().unwrap_or_else(|| {
        let found = find();
        cell.set(Some(found));
        found
    })
}

/// Bits in a word of [`Document::quoted_bits`].
const BITS: usize = u32::BITS as usize;

/// Sets the bits `first..end` of a bitset of words of [`BITS`] bits.
fn set_bits(bits: &mut [u32], first: usize, end: usize) {
    if first >= end {
        return;
    }
    let (a, b) = (first / BITS, (end - 1) / BITS);
    // The bits from `first % BITS` up in word `a`, up to `(end - 1) % BITS` in word `b`.
    let low = u32::MAX << (first % BITS);
    let high = u32::MAX >> (BITS - 1 - (end - 1) % BITS);
    if a == b {
        bits[a] |= low & high;
    } else {
        bits[a] |= low;
        bits[a + 1..b].fill(u32::MAX);
        bits[b] |= high;
    }
}

/// [`Tokens::at_or_after`], searching on from token `from` when the answer cannot lie before
/// it: see [`search_on`]. Calls in text order cost a few steps each, however far apart they are.
fn at_or_after_from<const NEAR: usize>(t: &Tokens, from: usize, at: usize) -> usize {
    let toks = &t.toks;
    if from > toks.len() || (from > 0 && toks[from - 1].span().start >= at) {
        return t.at_or_after(at);
    }
    search_on::<NEAR>(toks, from, at)
}

/// The first token from `from` on that starts at or after `at`, every token before `from`
/// starting before it: a binary search over the next `NEAR` tokens (where the answer mostly
/// is), with no branch on the data (a walk token by token mispredicts where it stops), then
/// steps that double and a binary search over the last one.
fn search_on<const NEAR: usize>(toks: &[Token], from: usize, at: usize) -> usize {
    let near_end = (from + NEAR).min(toks.len());
    let k = from + toks[from..near_end].partition_point(|tok| tok.span().start < at);
    if k < near_end {
        return k;
    }
    // Every token before `lo` starts before `at`; the answer is at most `hi`.
    let (mut lo, mut hi, mut step) = (near_end, near_end, 1);
    while hi < toks.len() && toks[hi].span().start < at {
        lo = hi + 1;
        hi += step;
        step *= 2;
    }
    let hi = hi.min(toks.len());
    lo + toks[lo..hi].partition_point(|tok| tok.span().start < at)
}

/// For each position, the index of the first sentence that ends after it (`sentences.len()`
/// if none does), as [`Document::sentence_of`] finds it. Positions in text order are searched
/// for from the previous one's sentence on, among the next few first (with no branch on the
/// data: a walk mispredicts where it stops); one that goes back is searched for anew.
fn sentence_indices(sentences: &[Span], positions: impl Iterator<Item = usize>) -> Vec<usize> {
    const NEAR: usize = 8;
    let mut s = 0;
    let mut previous = 0;
    pool::collect(positions.map(|at| {
        if at < previous {
            s = 0;
        }
        previous = at;
        s = partition_point_from(sentences, s, NEAR, |x| x.end <= at);
        s
    }))
}

/// `from` plus [`slice::partition_point`] of `items[from..]` by `pred`, searched among the next
/// `near` items first (a search of fixed length, whose loop the predictor learns), then beyond:
/// what is searched for is most often near.
fn partition_point_from<T>(
    items: &[T],
    from: usize,
    near: usize,
    pred: impl Fn(&T) -> bool,
) -> usize {
    let near_end = (from + near).min(items.len());
    let k = from + items[from..near_end].partition_point(&pred);
    if k < near_end {
        return k;
    }
    k + items[k..].partition_point(pred)
}

/// How far [`search_on`] looks for the end of a quotation with no branch, in tokens: a
/// quotation is often longer, but a binary search over more tokens reads cache lines far
/// ahead of any other stage, which a long text (whose tokens outgrow the cache) pays for in
/// misses: at 256 a 1 MB text ran 5 % slower, for no gain on articles.
const NEXT_SPAN: usize = 32;

/// The first token of each span and the token after it, for spans in text order, each with
/// the index of the sentence its start lies in (as [`sentence_indices`] finds it, with the
/// sentences' [`tiling_token_bounds`] in `sentence_tokens`); a span is mostly at most `LEN`
/// tokens long.
fn token_bounds<const LEN: usize>(
    t: &Tokens,
    sentence_tokens: &[(usize, usize)],
    spans: impl Iterator<Item = (Span, usize)>,
) -> Vec<(usize, usize)> {
    pool::collect(spans.map(|(span, s)| {
        let first = at_or_after_in_sentence(t, sentence_tokens, s, span.start);
        (first, at_or_after_from::<LEN>(t, first, span.end))
    }))
}

/// [`Tokens::at_or_after`] position `at`, which lies in sentence `s` (as [`sentence_indices`]
/// finds it): a binary search over that sentence's tokens alone, with no branch on the data.
/// Every token before the sentence's first starts before the sentence, so before `at`; the
/// token after its last starts at or after its end, so after `at`.
fn at_or_after_in_sentence(
    t: &Tokens,
    sentence_tokens: &[(usize, usize)],
    s: usize,
    at: usize,
) -> usize {
    match sentence_tokens.get(s) {
        Some(&(first, end)) => {
            first + t.toks[first..end].partition_point(|tok| tok.span().start < at)
        }
        // Past the last sentence.
        None => t.at_or_after(at),
    }
}

/// How many cues [`Document::cues_in`] searches among first for the end of a span.
const NEAR_CUES: usize = 4;

/// How long a sentence mostly is at most, in tokens.
const SENTENCE: usize = 64;

/// [`token_bounds`] for spans that tile the text (sentences): each starts at the token the
/// previous one ends at, so each is searched for from there on.
fn tiling_token_bounds(t: &Tokens, spans: &[Span]) -> Vec<(usize, usize)> {
    debug_assert!(spans.first().is_none_or(|s| s.start == 0));
    debug_assert!(spans.windows(2).all(|w| w[0].end == w[1].start));
    let mut k = 0;
    pool::collect(spans.iter().map(|s| {
        let first = k;
        k = search_on::<SENTENCE>(&t.toks, k, s.end);
        (first, k)
    }))
}

/// The look-up tables go back to the thread's pool for the next text.
impl Drop for Document<'_, '_> {
    fn drop(&mut self) {
        pool::give_from(&mut self.quoted_bits);
        pool::give_from(&mut self.cue_tokens);
        pool::give_from(&mut self.sentence_tokens);
        pool::give_from(&mut self.cue_sentences);
        pool::give_from(&mut self.pair_sentences);
        pool::give_from(&mut self.pair_tokens);
        pool::give_from(&mut self.cue_reads);
        pool::give_from(self.kept_mentions.get_mut());
    }
}

impl<'a, 'h> Document<'a, 'h> {
    pub fn new(
        text: &'h str,
        t: &'a Tokens<'h>,
        pairs: &'a [MarkPair],
        sentences: &'a [Span],
        cues: &'a [CueMatch],
    ) -> Self {
        let sentence_tokens = tiling_token_bounds(t, sentences);
        let cue_sentences = sentence_indices(sentences, cues.iter().map(|c| c.span.start));
        let pair_sentences = sentence_indices(sentences, pairs.iter().map(|p| p.open.start));
        // (A quotation may be long; a cue is a few words.)
        let outer = pairs.iter().map(|p| Span::new(p.open.start, p.close.end));
        let pair_tokens = token_bounds::<NEXT_SPAN>(
            t,
            &sentence_tokens,
            outer.zip(pair_sentences.iter().copied()),
        );
        let words = t.len().div_ceil(BITS);
        let mut quoted_bits = pool::take(words);
        quoted_bits.resize(words, 0);
        for (p, _) in pairs.iter().enumerate().filter(|(_, p)| p.depth == 0) {
            let (first, end) = pair_tokens[p];
            set_bits(&mut quoted_bits, first, end);
        }
        let spans = cues.iter().map(|c| c.span);
        let cue_tokens =
            token_bounds::<8>(t, &sentence_tokens, spans.zip(cue_sentences.iter().copied()));
        Document {
            text,
            t,
            pairs,
            sentences,
            cues,
            quoted_bits,
            cue_tokens,
            sentence_tokens,
            cue_sentences,
            pair_sentences,
            pair_tokens,
            cue_reads: pool::collect(cues.iter().map(|_| CueReads::default())),
            kept_mentions: RefCell::new(pool::take(0)),
        }
    }

    /// What the speaker finders read of cue `c` so far.
    pub fn cue_reads(&self, c: usize) -> &CueReads {
        &self.cue_reads[c]
    }

    /// The mention `kept` holds, found by `find` the first time it is asked.
    pub fn kept_mention(
        &self,
        kept: &KeptMention,
        find: impl FnOnce() -> Option<Mention>,
    ) -> Option<Mention> {
        match kept.0.get() {
            0 => {
                let found = find();
                let index = match found {
                    None => 1,
                    Some(m) => {
                        let mut mentions = self.kept_mentions.borrow_mut();
                        mentions.push(m);
                        // (A text has fewer mentions than bytes: a block is at most a megabyte.)
                        u32::try_from(mentions.len() + 1).unwrap_or(u32::MAX)
                    }
                };
                kept.0.set(index);
                found
            }
            1 => None,
            k => self.kept_mentions.borrow().get(k as usize - 2).copied(),
        }
    }

    /// The inner span of a title in marks (`«Le Temps»`) whose opening mark is token `i`.
    pub fn title_at(&self, i: usize) -> Option<Span> {
        if i >= self.t.len() || self.t.is_word(i) {
            return None;
        }
        let at = self.t.span(i).start;
        // Pairs are sorted by their opening mark, the outermost first.
        let p = &self.pairs[self.pairs.partition_point(|p| p.open.start < at)..];
        let p = p.first().filter(|p| p.open.start == at)?;
        let inner = &self.text[p.inner];
        let capital = inner.chars().next().is_some_and(char::is_uppercase);
        // A title is a few words: a long quotation is not counted to its end.
        let few_words = || inner.split_whitespace().nth(5).is_none();
        let sentence_like = inner.trim_end().ends_with(['.', '!', '?', '…']);
        (capital && !sentence_like && few_words()).then_some(p.inner)
    }

    pub fn sentence_of(&self, at: usize) -> Span {
        let i = self.sentences.partition_point(|s| s.end <= at);
        self.sentences.get(i).copied().unwrap_or(Span::new(at, at))
    }

    /// Whether token `i` lies inside the marks of a top-level quotation.
    pub fn quoted(&self, i: usize) -> bool {
        self.quoted_bits.get(i / BITS).is_some_and(|&w| w >> (i % BITS) & 1 != 0)
    }

    /// The top-level pair of marks that encloses token `i`, if one does.
    /// The token ranges of top-level pairs follow each other without overlap, and a nested
    /// pair's lies in its top-level pair's: the last pair opening at or before token `i` has
    /// the only top-level pair that may enclose it at the root of its parents.
    pub fn enclosing_pair(&self, i: usize) -> Option<usize> {
        let k = self.pair_tokens.partition_point(|&(first, _)| first <= i);
        let mut p = k.checked_sub(1)?;
        while let Some(parent) = self.pairs[p].parent {
            p = parent;
        }
        let (first, end) = self.pair_tokens[p];
        (first <= i && i < end).then_some(p)
    }

    pub fn cue_starting_at(&self, at: usize) -> Option<usize> {
        let i = self.cues.partition_point(|c| c.span.start < at);
        (i < self.cues.len() && self.cues[i].span.start == at).then_some(i)
    }

    /// The cue that ends at byte `at` (cues do not overlap, so it is the last one before).
    pub fn cue_ending_at(&self, at: usize) -> Option<usize> {
        let i = self.cues.partition_point(|c| c.span.start < at);
        (i > 0 && self.cues[i - 1].span.end == at).then(|| i - 1)
    }

    /// [`Document::sentence_of`] position `at`, the sentence index already known.
    fn sentence_by_index(&self, s: usize, at: usize) -> Span {
        self.sentences.get(s).copied().unwrap_or(Span::new(at, at))
    }

    /// The first token of [`Document::sentence_by_index`] and the token after it.
    fn sentence_tokens_by_index(&self, s: usize, at: usize) -> (usize, usize) {
        self.sentence_tokens.get(s).copied().unwrap_or_else(|| {
            let at = self.t.at_or_after(at);
            (at, at)
        })
    }

    /// [`Document::sentence_of`] the start of cue `c`.
    pub fn cue_sentence(&self, c: usize) -> Span {
        self.sentence_by_index(self.cue_sentences[c], self.cues[c].span.start)
    }

    /// The first token of [`Document::cue_sentence`] and the token after it.
    pub fn cue_sentence_tokens(&self, c: usize) -> (usize, usize) {
        self.sentence_tokens_by_index(self.cue_sentences[c], self.cues[c].span.start)
    }

    /// The first token of the sentence of cue `c`, or `WINDOW` tokens before token `i` if that
    /// is later.
    pub fn cue_window_start(&self, c: usize, i: usize) -> usize {
        self.cue_sentence_tokens(c).0.max(i.saturating_sub(WINDOW))
    }

    /// [`Document::sentence_of`] the opening mark of pair `p`.
    pub fn pair_sentence(&self, p: usize) -> Span {
        self.sentence_by_index(self.pair_sentences[p], self.pairs[p].open.start)
    }

    /// The first token of [`Document::pair_sentence`] and the token after it.
    pub fn pair_sentence_tokens(&self, p: usize) -> (usize, usize) {
        self.sentence_tokens_by_index(self.pair_sentences[p], self.pairs[p].open.start)
    }

    /// The first token of the sentence of pair `p`, or `WINDOW` tokens before token `i` if that
    /// is later.
    pub fn pair_window_start(&self, p: usize, i: usize) -> usize {
        self.pair_sentence_tokens(p).0.max(i.saturating_sub(WINDOW))
    }

    /// Indices of cues starting in `span`.
    pub fn cues_in(&self, span: Span) -> std::ops::Range<usize> {
        let a = self.cues.partition_point(|c| c.span.start < span.start);
        // The spans asked about hold few cues: the end is near.
        let b = partition_point_from(self.cues, a, NEAR_CUES, |c| c.span.start < span.end);
        a..b
    }

    pub fn tok_cue_start(&self, c: usize) -> usize {
        self.cue_tokens[c].0
    }

    pub fn tok_cue_end(&self, c: usize) -> usize {
        self.cue_tokens[c].1
    }

    /// The token of the opening mark of pair `p`.
    pub fn tok_open(&self, p: usize) -> usize {
        self.pair_tokens[p].0
    }

    /// The token right after the closing mark of pair `p`.
    pub fn tok_after_close(&self, p: usize) -> usize {
        self.pair_tokens[p].1
    }

    /// The first token of sentence `s` (an index into `sentences`) and the token after it.
    pub fn sentence_tokens(&self, s: usize) -> (usize, usize) {
        self.sentence_tokens[s]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_indices_agree_with_a_binary_search() {
        let sentences = [Span::new(0, 5), Span::new(6, 10), Span::new(12, 20)];
        // In text order, then going back, then past the last sentence.
        let positions = [0, 3, 5, 6, 11, 12, 2, 19, 20, 30, 7];
        let found = sentence_indices(&sentences, positions.iter().copied());
        for (&at, &s) in positions.iter().zip(&found) {
            assert_eq!(s, sentences.partition_point(|x| x.end <= at), "{at}");
        }
    }

    #[test]
    fn quoted_tokens_and_enclosing_pairs_agree_with_a_fill_of_every_token() {
        let text = "Il a dit « Nous “verrons” » puis « un “deux” et ‹ trois › » et « fin ». "
            .repeat(40)
            + "« ouverte";
        let t = Tokens::new(&text);
        let pairs = crate::scan::scan_at(&text, t.stops());
        assert!(pairs.iter().any(|p| p.depth > 0));
        let doc = Document::new(&text, &t, &pairs, &[], &[]);
        let mut naive = vec![None; t.len() + 70];
        for (p, _) in pairs.iter().enumerate().filter(|(_, p)| p.depth == 0) {
            let (first, end) = doc.pair_tokens[p];
            naive[first..end].fill(Some(p));
        }
        for (i, &p) in naive.iter().enumerate() {
            assert_eq!(doc.enclosing_pair(i), p, "{i}");
            assert_eq!(doc.quoted(i), p.is_some(), "{i}");
        }
    }

    #[test]
    fn cues_in_agrees_with_two_binary_searches() {
        let text =
            "Il a dit, selon lui, qu'elle affirme, déclare et ajoute, a-t-il précisé. ".repeat(6);
        let t = Tokens::new(&text);
        let cues = crate::cue::find_cues(&text);
        assert!(cues.len() > 2 * NEAR_CUES);
        let doc = Document::new(&text, &t, &[], &[], &cues);
        for start in 0..=text.len() + 1 {
            for end in start..=text.len() + 1 {
                let a = cues.partition_point(|c| c.span.start < start);
                let b = cues.partition_point(|c| c.span.start < end);
                assert_eq!(doc.cues_in(Span::new(start, end)), a..b, "{start}..{end}");
            }
        }
    }

    #[test]
    fn set_bits_sets_exactly_the_range() {
        for first in 0..3 * BITS {
            for end in 0..3 * BITS {
                let mut bits = [0; 3];
                set_bits(&mut bits, first, end);
                for i in 0..3 * BITS {
                    assert_eq!(bits[i / BITS] >> (i % BITS) & 1 != 0, first <= i && i < end);
                }
            }
        }
    }

    #[test]
    fn searching_in_a_sentence_agrees_with_a_binary_search() {
        let text = "Il a dit, « Nous verrons », puis   il est parti.\n\nFin. Élan… ".repeat(5);
        let t = Tokens::new(&text);
        // Sentences that tile the text, cut anywhere (inside tokens too).
        for cut in [1, 3, 7, 40] {
            let mut bounds: Vec<usize> =
                (0..text.len()).step_by(cut).filter(|&at| text.is_char_boundary(at)).collect();
            bounds.push(text.len());
            let sentences: Vec<Span> = bounds.windows(2).map(|w| Span::new(w[0], w[1])).collect();
            let sentence_tokens = tiling_token_bounds(&t, &sentences);
            let positions = 0..=text.len() + 1;
            let found = sentence_indices(&sentences, positions.clone());
            for (at, s) in positions.zip(found) {
                let k = at_or_after_in_sentence(&t, &sentence_tokens, s, at);
                assert_eq!(k, t.at_or_after(at), "{cut} {at}");
            }
        }
    }

    #[test]
    fn searching_on_from_a_token_agrees_with_a_binary_search() {
        // Long enough for the walk to give way to doubling steps.
        let text = "Il a dit, « Nous verrons », puis   il est parti.\n\nFin. ".repeat(12);
        let t = Tokens::new(&text);
        assert!(t.len() > 150);
        for from in 0..=t.len() + 1 {
            for at in 0..=t.text.len() + 1 {
                assert_eq!(at_or_after_from::<8>(&t, from, at), t.at_or_after(at), "{from} {at}");
                assert_eq!(at_or_after_from::<32>(&t, from, at), t.at_or_after(at), "{from} {at}");
            }
        }
    }
}
