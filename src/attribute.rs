//! Attribute: decide which pairs of marks are quotations, and pair each with its cue and the
//! mention of its speaker.
//!
//! For each quotation, in order of preference:
//! 1. an incise inside it (`« Il semble, a-t-il relevé, qu’on … »`);
//! 2. a cue right after it (`« … », a déclaré Poutine`, `« … » explique-t-il`);
//! 3. a cue before it in its sentence (`Il a estimé que « … »`, `Le sénateur ajoute : « … »`,
//!    `Selon lui, … « … »`);
//! 4. an inverted cue later in its sentence (`Poutine voit la «faiblesse» de Biden, affirme X`);
//! 5. no cue: the subject before a colon (`Larcher : « … »`), the subject of the sentence a
//!    fragment sits in, or, for a quotation standing alone, the previous speaker.

use crate::cue::{CueForm, Person};
use crate::dialogue::{dash_turns, dialogue_turns, interview};
use crate::document::{Document, WINDOW};
use crate::lexicon::{Class, normal_form_at_most, normalize, with_normal};
use crate::mention::{Mention, MentionKind, is_person_description, may_speak, mention_at};
use crate::pool;
use crate::quote::{Marks, QuoteKind};
use crate::scan::{MarkPair, is_alphanumeric, is_space};
use crate::span::Span;
use crate::speaker::{
    Subject, clause_subject, is_dative_clitic, is_phrase_cue_ok, speaker_of_cue, subject_after,
    subject_before, subject_in,
};
use crate::token::Tokens;

/// How the speaker of a quotation was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Via {
    /// Through a cue.
    Cue,
    /// The subject before a colon, or of the sentence a fragment sits in.
    Subject,
    /// A quotation standing alone: the previous speaker goes on.
    Continuation,
    /// `je` inside a quotation: the speaker of the enclosing quotation.
    Enclosing,
}

/// A quotation with its attribution, before names are resolved.
#[derive(Clone, Debug)]
pub(crate) struct Attributed {
    pub span: Span,
    pub kind: QuoteKind,
    pub marks: Option<Marks>,
    pub cue: Option<usize>,
    pub speaker: Option<Mention>,
    pub via: Via,
}

/// Attribute every quotation of the document.
pub(crate) fn attribute(doc: &Document) -> Vec<Attributed> {
    let mut out: Vec<Attributed> = pool::take(doc.pairs.len());
    // The speaker of the latest top-level quotation, for quotations that carry on.
    let mut last: Option<Mention> = None;
    let mut speakers: Vec<Option<Mention>> = pool::take(doc.pairs.len());
    speakers.resize(doc.pairs.len(), None);
    // Pairs read as a dialogue, turn by turn: the marks inside them are the turns' own.
    let mut dialogue: Vec<bool> = pool::take(doc.pairs.len());
    dialogue.resize(doc.pairs.len(), false);
    let lines = LineBreaks::new(doc.t);
    for (p, pair) in doc.pairs.iter().enumerate() {
        if pair.parent.is_some_and(|q| dialogue[q]) {
            continue;
        }
        // Counted once: the kind of quotation asks again.
        let words = word_count(doc, pair.inner);
        if !is_quotation(doc, p, words, &lines) {
            continue;
        }
        if pair.depth == 0 {
            if let Some(turns) = dialogue_turns(doc, pair) {
                dialogue[p] = true;
                out.extend(attribute_dialogue(doc, p, words, &turns, last));
                continue;
            }
        }
        let found = if pair.depth == 0 {
            attribute_top(doc, p, words, last)
        } else {
            let parent = pair.parent.and_then(|q| speakers[q]);
            attribute_nested(doc, p, words, parent)
        };
        let Some(found) = found else { continue };
        speakers[p] = found.speaker;
        if pair.depth == 0 && found.speaker.is_some() {
            last = found.speaker;
        }
        out.push(found);
    }
    // Quotations without marks, where no quotation in marks already is.
    let marked = Covered::new(&out);
    let answers = interview(doc).into_iter().map(|a| (a.span, None, Some(a.speaker)));
    let turns = dash_turns(doc).into_iter().map(|t| (t.span, t.cue, t.speaker));
    for (span, cue, speaker) in answers.chain(turns) {
        if !marked.overlaps(span) {
            let via = if cue.is_some() { Via::Cue } else { Via::Subject };
            out.push(Attributed { span, kind: QuoteKind::Direct, marks: None, cue, speaker, via });
        }
    }
    out.sort_by_key(|a| (a.span.start, std::cmp::Reverse(a.span.end)));
    for a in &mut out {
        keep_apart(doc, a);
    }
    pool::give(speakers);
    pool::give(dialogue);
    out
}

/// The spans of quotations sorted by start, with the running maximum of their ends: whether a
/// span overlaps one of them is a binary search.
pub(crate) struct Covered {
    starts: Vec<usize>,
    reach: Vec<usize>,
}

/// The vectors go back to the thread's pool for the next text.
impl Drop for Covered {
    fn drop(&mut self) {
        pool::give_from(&mut self.starts);
        pool::give_from(&mut self.reach);
    }
}

impl Covered {
    /// From quotations sorted by start.
    pub fn new(sorted: &[Attributed]) -> Covered {
        let mut reach = pool::take(sorted.len());
        let mut max_end = 0;
        for q in sorted {
            max_end = max_end.max(q.span.end);
            reach.push(max_end);
        }
        Covered { starts: pool::collect(sorted.iter().map(|q| q.span.start)), reach }
    }

    pub fn overlaps(&self, span: Span) -> bool {
        let k = self.starts.partition_point(|&s| s < span.end);
        k > 0 && self.reach[k - 1] > span.start
    }
}

/// A quotation's own words are never its speaker or its cue: only an incise (`« Nous
/// sommes prêts, a-t-il dit, à tout »`) lies inside the quotation, with its speaker inside it.
fn keep_apart(doc: &Document, a: &mut Attributed) {
    let incise = a.cue.is_some_and(|c| a.span.contains(doc.cues[c].span));
    if let Some(c) = a.cue {
        let cue = doc.cues[c].span;
        if cue.overlaps(a.span) && !incise {
            a.cue = None;
        }
    }
    if let Some(m) = a.speaker {
        let inside_incise = incise
            && a.cue.is_some_and(|c| {
                let cue = doc.cues[c].span;
                cue.contains(m.span) || (m.span.start >= cue.end && a.span.contains(m.span))
            });
        if m.span.overlaps(a.span) && !inside_incise {
            a.speaker = None;
        }
    }
}

/// The turns of a dialogue in marks, alternating between the speaker the block is given
/// (`Le juge commence : « — … »`) and the person spoken of last before it.
fn attribute_dialogue(
    doc: &Document,
    p: usize,
    words: usize,
    turns: &[(Span, usize)],
    last: Option<Mention>,
) -> Vec<Attributed> {
    let pair = &doc.pairs[p];
    let first = attribute_top(doc, p, words, last).and_then(|a| a.speaker);
    // The other party: compared by determiner and head, so `Le juge commence` is `Le juge`.
    let head = |m: &Mention| {
        let words: Vec<String> = doc.text[m.span]
            .split_whitespace()
            .take(2)
            .map(|w| normalize(w).into_owned())
            .collect();
        words.join(" ")
    };
    let other = first.and_then(|f| {
        let said = head(&f);
        let before = doc.sentences.partition_point(|s| s.end <= pair.open.start);
        doc.sentences[..before]
            .iter()
            .rev()
            .take(12)
            .filter_map(|&s| clause_subject(doc, s, Subject::Strict))
            .find(|m| {
                !matches!(
                    m.kind,
                    MentionKind::Pronoun | MentionKind::FirstPerson | MentionKind::Relative
                ) && head(m) != said
            })
    });
    turns
        .iter()
        .map(|&(span, turn)| Attributed {
            span,
            kind: QuoteKind::Direct,
            marks: Some(pair.marks),
            cue: None,
            speaker: if turn % 2 == 0 { first } else { other },
            via: Via::Subject,
        })
        .collect()
}

// ------------------------------------------------------------------ which marks are quotes

/// How many words `span` holds, counted up to [`WORDS_COUNTED`]: the rules only ask whether a
/// quotation is a few words long, and a long one is not read to the end for that.
/// Words are the pieces between spaces and apostrophes that hold a letter or a digit.
///
/// Read sixteen bytes at a time, with no branch on the bytes but for the characters beyond
/// ASCII: a byte is a separator, a letter or digit, or neither (the bytes after the first of
/// a character are neither: the first one classes it). A piece holds a letter or digit when
/// a carry started at one of its letters runs, through the bytes that are not separators, up
/// to the separator that ends it: the sum of two masks sets those separators (see
/// [`words_ended`]).
fn word_count(doc: &Document, span: Span) -> usize {
    let text = &doc.text[span];
    let bytes = text.as_bytes();
    let mut count = 0;
    // Whether the piece that runs on into the next bytes holds a letter or a digit.
    let mut carry = false;
    let mut chunks = bytes.chunks_exact(CHUNK);
    for (k, chunk) in chunks.by_ref().enumerate() {
        let ended;
        (ended, carry) =
            words_ended(classes(text, CHUNK * k, chunk.try_into().unwrap_or_default()), carry);
        count += ended;
        if count >= WORDS_COUNTED {
            return WORDS_COUNTED;
        }
    }
    let rest = chunks.remainder().len();
    if rest > 0 {
        // The last few bytes, followed by separators: the piece they end in is counted there.
        let (go_on, word) = match bytes.len().checked_sub(CHUNK) {
            // The last sixteen bytes of the text, those read already shifted out (and
            // separators shifted in).
            Some(from) => {
                let (go_on, word) =
                    classes(text, from, bytes[from..].try_into().unwrap_or_default());
                let read = 8 * (CHUNK - rest) as u32;
                (go_on >> read, word >> read)
            }
            None => {
                let mut padded = [b' '; CHUNK];
                padded[..rest].copy_from_slice(bytes);
                classes(text, 0, padded)
            }
        };
        let ended;
        (ended, carry) = words_ended((go_on, word), carry);
        count += ended;
    }
    // (When the last bytes were read in full, no separator ended their piece.)
    (count + usize::from(carry)).min(WORDS_COUNTED)
}

/// How many bytes [`word_count`] classes at once.
const CHUNK: usize = 16;

/// The low bit of each byte of a `u128`.
const LOW_BITS: u128 = u128::MAX / 0xff;

/// For sixteen bytes (little-endian in a `u128`, byte `k` in bits `8k..8k + 8`) each `0xff`
/// if it is no separator (`go_on`) and each `1` if it starts a letter or a digit (`word`):
/// how many pieces holding a letter or a digit end at their separators, and whether the
/// last piece, which runs on, holds one (`carry` is that of the bytes before).
fn words_ended((go_on, word): (u128, u128), carry: bool) -> (usize, bool) {
    // A 1 added to a byte of 0xff carries into the next byte: from each letter (or from the
    // piece before) through the bytes of its piece, to the separator that ends it (0, then
    // 1) or out of the sixteen.
    let (sum, out) = go_on.overflowing_add(word | u128::from(carry));
    let ended = sum & !go_on & LOW_BITS;
    // (The sum of the bytes, in the top byte of the product: no popcount instruction needed.)
    let halves = (ended as u64).wrapping_add((ended >> 64) as u64);
    (halves.wrapping_mul(crate::token::ONES) as usize >> 56, out)
}

/// [`words_ended`]'s masks for the sixteen bytes `chunk` of `text` from byte `at`: in a loop
/// the compiler turns into vector instructions, the ASCII bytes and the characters beyond
/// ASCII that French text is full of (letters of Latin-1 and Latin Extended, `’`, `«`, `»`,
/// `—`, `…`, no-break spaces: told by the byte or two after the first); then the first byte
/// of each other character from the character.
fn classes(text: &str, at: usize, chunk: [u8; CHUNK]) -> (u128, u128) {
    let eight_bits = u128::from_le_bytes(chunk);
    // The byte after each, and the one after that. Past the sixteen they are not known: they
    // stand as bytes that tell nothing (the character is then read whole).
    let next = ((eight_bits >> 8) | (0xb7 << 120)).to_le_bytes();
    let after_next = (eight_bits >> 16).to_le_bytes();
    let (mut go_on, mut word, mut first) = ([0u8; CHUNK], [0u8; CHUNK], [0u8; CHUNK]);
    // (`|` and `&`, not `||` and `&&`: the loop has no branch, and becomes vector instructions.)
    for k in 0..CHUNK {
        let (b, n, nn) = (chunk[k], next[k], after_next[k]);
        // `char::is_ascii_whitespace`, the vertical tab (`char::is_whitespace` has it), the
        // apostrophe.
        let ascii_separator = (b.wrapping_sub(0x09) < 5) | (b == b' ') | (b == b'\'');
        // Letters of either case (a capital is its lowercase with bit 5 cleared), digits.
        let ascii_word = ((b | 0x20).wrapping_sub(b'a') < 26) | (b.wrapping_sub(b'0') < 10);
        // U+00A0 (no-break space), `«`, `»`.
        let no_break_space = (b == 0xc2) & (n == 0xa0);
        let latin1_sign = no_break_space | ((b == 0xc2) & ((n | 0x10) == 0xbb));
        // U+00C0..U+027F: letters, but `×` (C3 97) and `÷` (C3 B7).
        let latin_letter = (b.wrapping_sub(0xc3) < 7) & !((b == 0xc3) & ((n | 0x20) == 0xb7));
        // U+2000..U+203F: no letter; spaces U+2000..U+200A, U+2028, U+2029, U+202F, and `’`.
        let punctuation = (b == 0xe2) & (n == 0x80) & (nn >= 0x80);
        let space_or_apostrophe =
            (nn.wrapping_sub(0x80) < 11) | ((nn | 0x01) == 0xa9) | (nn == 0xaf) | (nn == 0x99);
        let separator = ascii_separator | no_break_space | (punctuation & space_or_apostrophe);
        go_on[k] = u8::from(!separator).wrapping_neg();
        word[k] = u8::from(ascii_word | latin_letter);
        // The first byte of another character beyond ASCII (0b11xx_xxxx).
        first[k] = u8::from((b >= 0xc0) & !(latin1_sign | latin_letter | punctuation));
    }
    let mut go_on = u128::from_le_bytes(go_on);
    let mut word = u128::from_le_bytes(word);
    let mut firsts = u128::from_le_bytes(first);
    while firsts != 0 {
        let k = firsts.trailing_zeros() as usize / 8;
        firsts &= firsts - 1;
        let c = text[at + k..].chars().next().unwrap_or(' ');
        // (A separator is no letter: the tables are not asked for it.)
        let separates = c == '’' || is_space(c);
        go_on &= !((u128::from(separates) * 0xff) << (8 * k));
        word |= u128::from(!separates && is_alphanumeric(c)) << (8 * k);
    }
    (go_on, word)
}

/// See [`word_count`]; the largest count a rule compares with is 8 (`words >= 8`).
const WORDS_COUNTED: usize = 8;

fn ends_like_sentence(s: &str) -> bool {
    s.trim_end_matches(|c: char| is_space(c) || matches!(c, '»' | '”' | '"' | ')' | '˝'))
        .ends_with(['.', '!', '?', '…'])
}

/// Headings are short: a line longer than this is not one, and is not looked at whole.
const HEADING_MAX: usize = 400;

/// The line breaks (`\n`, `\r`) of a text, in order: lines around quotations are found by a
/// binary search instead of reading the text again around each one.
struct LineBreaks(Vec<usize>);

/// The vector goes back to the thread's pool for the next text.
impl Drop for LineBreaks {
    fn drop(&mut self) {
        pool::give_from(&mut self.0);
    }
}

impl LineBreaks {
    /// From the line break tokens, which hold every line break of the text (and few bytes).
    fn new(t: &Tokens) -> LineBreaks {
        let bytes = t.text.as_bytes();
        // Room for two line breaks a token (a blank line is one): seldom more.
        let mut breaks = pool::take(2 * t.break_spans().size_hint().0 + 8);
        for span in t.break_spans() {
            let run = &bytes[span.start..span.end];
            breaks.extend(
                run.iter()
                    .enumerate()
                    .filter(|&(_, &b)| b == b'\n' || b == b'\r')
                    .map(|(k, _)| span.start + k),
            );
        }
        LineBreaks(breaks)
    }

    /// The line (between line breaks) that holds `at` in `text`, if it is short enough to be
    /// a heading: the answer depends on the text within [`HEADING_MAX`] bytes of `at` alone.
    fn short_line_of(&self, text: &str, at: usize) -> Option<Span> {
        let k = self.0.partition_point(|&b| b < at);
        let lo = at.saturating_sub(HEADING_MAX);
        let start = match k.checked_sub(1).map(|b| self.0[b]) {
            Some(b) if b >= lo => b + 1,
            _ if lo == 0 => 0,
            _ => return None,
        };
        let hi = (at + HEADING_MAX).min(text.len());
        let end = match self.0.get(k) {
            Some(&b) if b < hi => b,
            _ if hi == text.len() => text.len(),
            _ => return None,
        };
        Some(Span::new(start, end))
    }
}

/// A heading: a line that does not end like a sentence. Decided by the line alone, so that
/// text added after it never changes what it holds.
fn is_heading_line(text: &str, line: Span) -> bool {
    let l = text[line].trim_matches(is_space);
    !ends_like_sentence(l) && !l.ends_with(':')
}

/// Whether a pair of marks holds something somebody says, rather than a title, a name, a
/// term held at a distance, or a heading.
/// `words` is the [`word_count`] of its text.
fn is_quotation(doc: &Document, p: usize, words: usize, lines: &LineBreaks) -> bool {
    let pair = &doc.pairs[p];
    let inner = &doc.text[pair.inner];
    // (No word: no letter nor digit.)
    if words == 0 {
        return false;
    }
    let capital = inner.chars().next().is_some_and(char::is_uppercase);
    if pair.depth == 0 && !pair.multi_paragraph {
        if let Some(line) = lines.short_line_of(doc.text, pair.open.start) {
            if is_heading_line(doc.text, line) && !line_has_attribution(doc, line, p) {
                return false;
            }
        }
    }
    // Titles and names: a few capitalised words, not a sentence, not introduced as speech.
    // An utterance opens with a subject pronoun (`Nous verrons`); a title does not.
    let pronoun_first = || {
        normal_form_in(
            first_word(inner),
            &["je", "j", "tu", "il", "elle", "nous", "vous", "ils", "elles", "on"],
        )
    };
    if capital
        && words <= 4
        && !pronoun_first()
        && !ends_like_sentence(inner)
        && !preceded_by_colon(doc, p)
        && !followed_by_cue(doc, p)
    {
        return false;
    }
    // Terms held at a distance: one or two lowercase words with no verb of saying near, or
    // the complement of a noun (`les entreprises de la « tech »`, `le retour du « chaos »`).
    if !capital && words <= 2 && pair.depth == 0 && noun_complement(doc, p) {
        return false;
    }
    // Names and titles given (`une tribune intitulée « … »`, `le dossier dit du « … »`).
    if named_not_said(doc, p) {
        return false;
    }
    if !capital && words <= 2 && pair.depth == 0 {
        let sentence = doc.pair_sentence(p);
        let has_cue = doc.cues_in(sentence).any(|c| {
            !doc.quoted(doc.tok_cue_start(c)) && doc.cues[c].form != CueForm::Phrase
                || is_phrase_cue_ok(doc, c)
        });
        if !has_cue {
            return false;
        }
    }
    true
}

/// Whether the marks of pair `p` hold a name or a title given to something: after `intitulé`,
/// `baptisé`, `surnommé`, `dénommé` (any gender and number), or `dit du`, `dite`.
fn named_not_said(doc: &Document, p: usize) -> bool {
    let t = doc.t;
    let open = doc.tok_open(p);
    let word = |back: usize| word_before_open(doc, p, back);
    let naming = |w: &str| {
        let stem = w.trim_end_matches('s').trim_end_matches('e');
        matches!(stem, "intitulé" | "baptisé" | "surnommé" | "dénommé")
            || matches!(w, "dite" | "dites")
    };
    // (`dit` after a noun of a thing, not after its subject or auxiliary: `il dit des « … »`,
    // `le prévenu dit des « … »`.)
    let noun_at = |back: usize| {
        let k = open.wrapping_sub(back);
        let (function_word, speaker_noun) = (
            Class::Pronoun.bit() | Class::Clitic.bit() | Class::Verb.bit(),
            Class::PersonNoun.bit() | Class::BodyNoun.bit(),
        );
        open >= back && t.is_word(k) && !t.is_any(k, function_word) && !t.is_noun(k, speaker_noun)
    };
    naming(word(1))
        || matches!(word(1), "du" | "des" | "de")
            && matches!(word(2), "dit" | "dite" | "dits" | "dites")
            && noun_at(3)
        || matches!(word(1), "la" | "l'") && word(2) == "de" && word(3) == "dit" && noun_at(4)
}

/// Whether the marks of pair `p` follow `du`, `de la` or `de l'`: what they hold is the
/// complement of a noun, a term.
fn noun_complement(doc: &Document, p: usize) -> bool {
    let word = |back: usize| word_before_open(doc, p, back);
    word(1) == "du" || matches!(word(1), "la" | "l'") && word(2) == "de"
}

/// The normal form of the word `back` tokens before the opening mark of pair `p` (empty if
/// that token is no word).
fn word_before_open<'d>(doc: &'d Document, p: usize, back: usize) -> &'d str {
    let (t, open) = (doc.t, doc.tok_open(p));
    if open >= back && t.is_word(open - back) { t.norm(open - back) } else { "" }
}

/// Whether the normal form of `word` is one of `forms` (built on the stack: no copy).
fn normal_form_in(word: &str, forms: &[&str]) -> bool {
    with_normal(word, |n| n.is_some_and(|n| forms.contains(&n)))
}

/// The first word of a quotation's text, before any space or apostrophe.
fn first_word(inner: &str) -> &str {
    inner.split(|c: char| is_space(c) || c == '\'' || c == '’').next().unwrap_or("")
}

/// The colon token right before the opening mark (`Larcher : « … »`), line breaks between
/// included (`Le juge commence :\n\n« — … »`), if there is one.
fn colon_before(doc: &Document, p: usize) -> Option<usize> {
    let mut k = doc.tok_open(p);
    while k > 0 && doc.t.is_break(k - 1) {
        k -= 1;
    }
    (k > 0 && doc.t.is_punct(k - 1, ':')).then(|| k - 1)
}

fn preceded_by_colon(doc: &Document, p: usize) -> bool {
    colon_before(doc, p).is_some()
}

/// The token index right after the closing mark, past a comma and an indirect-object
/// pronoun before an inverted verb (`« … », lui répond X`, `« … », nous a confié X`) or
/// `comme` and its object pronoun (`« … », comme l'a dit X`).
fn after_close(doc: &Document, p: usize) -> usize {
    let mut i = doc.tok_after_close(p);
    if doc.t.is_punct(i, ',') {
        i += 1;
    }
    if is_dative_clitic(doc, i) && doc.t.is_word(i + 1) {
        i += 1;
    }
    // `« … », comme l'a dit X`
    if doc.t.norm(i) == "comme" && doc.t.is_word(i + 1) {
        i += 1 + usize::from(matches!(doc.t.norm(i + 1), "l'" | "le"));
    }
    i
}

fn followed_by_cue(doc: &Document, p: usize) -> bool {
    cue_after(doc, p).is_some_and(|c| doc.cues[c].form != CueForm::Participle)
}

/// A heading keeps its quotation only when it says who speaks (`Larcher : « … »`, `…, affirme X`).
fn line_has_attribution(doc: &Document, line: Span, p: usize) -> bool {
    if preceded_by_colon(doc, p) || signature(doc, p).is_some() {
        return true;
    }
    // `« … », constate la` + a broken line: a cue right after the quotation is enough.
    if cue_right_after(doc, p).is_some() {
        return true;
    }
    doc.cues_in(line).any(|c| {
        let cue = &doc.cues[c];
        !doc.quoted(doc.tok_cue_start(c))
            && match cue.form {
                CueForm::Phrase => is_phrase_cue_ok(doc, c),
                CueForm::Inverted => true,
                CueForm::Finite => {
                    subject_after(doc, c).is_some() || subject_before(doc, c).is_some()
                }
                _ => false,
            }
    })
}

// ------------------------------------------------------------------ attribution

fn attribute_top(
    doc: &Document,
    p: usize,
    words: usize,
    last: Option<Mention>,
) -> Option<Attributed> {
    let pair = &doc.pairs[p];
    let sentence = doc.pair_sentence(p);
    let kind = kind_of(doc, p, words);
    let mut found = Attributed {
        span: pair.inner,
        kind,
        marks: Some(pair.marks),
        cue: None,
        speaker: None,
        via: Via::Cue,
    };
    // 1. An incise inside the quotation.
    if let Some(c) = incise(doc, pair) {
        found.cue = Some(c);
        found.speaker = speaker_of_cue(doc, c);
        return Some(found);
    }
    // 2. A cue right after it.
    if let Some(c) = cue_after(doc, p) {
        found.cue = Some(c);
        found.speaker = speaker_of_cue(doc, c);
        return Some(found);
    }
    // 2b. A signature after a dash: `« … » — Albert Camus`.
    if let Some(m) = signature(doc, p) {
        found.speaker = Some(m);
        found.via = Via::Subject;
        return Some(found);
    }
    // 3. A cue before it in its sentence.
    if let Some(c) = cue_before(doc, p, sentence) {
        found.cue = Some(c);
        found.speaker = speaker_of_cue(doc, c);
        if found.speaker.is_some() {
            return Some(found);
        }
    }
    // 4. An inverted cue later in its sentence.
    if let Some(c) = inverted_cue_later(doc, p, sentence) {
        found.cue = Some(c);
        found.speaker = speaker_of_cue(doc, c);
        return Some(found);
    }
    // 4b. `« … » C'est ce qu'a déclaré X.`: a cue after `c'est ce que` sums it up.
    if let Some(c) = cue_summing_up(doc, p) {
        found.cue = Some(c);
        // (The subject is after the verb, though no comma nor mark stands before it.)
        found.speaker = subject_after(doc, c).or_else(|| speaker_of_cue(doc, c));
        return Some(found);
    }
    found.cue = None;
    // 5. No cue.
    if let Some(colon) = colon_before(doc, p) {
        let colon = doc.t.span(colon).start;
        if let Some(m) = clause_subject(doc, Span::new(sentence.start, colon), Subject::Loose) {
            found.speaker = Some(m);
            found.via = Via::Subject;
            return Some(found);
        }
    }
    if kind == QuoteKind::Partial {
        if let Some(m) =
            clause_subject(doc, Span::new(sentence.start, pair.open.start), Subject::Loose)
        {
            found.speaker = Some(m);
            found.via = Via::Subject;
            return Some(found);
        }
    }
    // A quotation that opens its sentence right after reported speech carries on what was
    // reported (`X a affirmé que … « … »`), unless a later quotation's speaker is nearer.
    if let Some((at, m)) = reporter_before(doc, p, sentence) {
        if last.is_none_or(|l| l.span.start < at) {
            found.speaker = Some(m);
            found.via = Via::Continuation;
            return Some(found);
        }
    }
    found.speaker = last;
    found.via = Via::Continuation;
    Some(found)
}

/// Who spoke or was spoken of in the sentence before pair `p`'s, when the pair opens its own
/// sentence (`sentence`): the speaker of that sentence's first cue that reports the words of a
/// third person, or else its subject if it is a person named; with where the cue or the
/// subject stands.
fn reporter_before(doc: &Document, p: usize, sentence: Span) -> Option<(usize, Mention)> {
    let (first, _) = doc.pair_sentence_tokens(p);
    if doc.tok_open(p) != first || sentence.start == 0 {
        return None;
    }
    let before = doc.sentence_of(sentence.start - 1);
    // The first: a later one may be part of what it reports (`X a affirmé que le projet
    // avançait`).
    let c = doc.cues_in(before).find(|&c| {
        let cue = &doc.cues[c];
        !cue.negated
            && cue.person == Person::Third
            && matches!(cue.form, CueForm::Finite | CueForm::Inverted | CueForm::Phrase)
            && !doc.quoted(doc.tok_cue_start(c))
            && (cue.form != CueForm::Phrase || is_phrase_cue_ok(doc, c))
    });
    let Some(c) = c else {
        // No cue: the person the sentence before is about (`Paul Morin était furieux. « … »`).
        let m = clause_subject(doc, before, Subject::Strict)?;
        let person = m.kind == MentionKind::Name && m.gender.is_some()
            || is_person_description(doc.t, &m) && m.name.is_some();
        return (person && !doc.quoted(m.first)).then_some((m.span.start, m));
    };
    let m = speaker_of_cue(doc, c).filter(|m| m.kind != MentionKind::FirstPerson)?;
    Some((doc.cues[c].span.start, m))
}

fn attribute_nested(
    doc: &Document,
    p: usize,
    words: usize,
    parent: Option<Mention>,
) -> Option<Attributed> {
    let pair = &doc.pairs[p];
    let outer = pair.parent.map(|q| doc.pairs[q].inner)?;
    let mut found = Attributed {
        span: pair.inner,
        kind: QuoteKind::Direct,
        marks: Some(pair.marks),
        cue: None,
        speaker: None,
        via: Via::Cue,
    };
    // A verb of saying just before (`Il a dit "…"`, `lui a dit ˝…˝`) or just after.
    let open_tok = doc.tok_open(p);
    let from = doc.t.at_or_after(outer.start);
    let window_start = open_tok.saturating_sub(6).max(from);
    let before = doc
        .cues_in(Span::new(doc.t.span(window_start).start, pair.open.start))
        .rfind(|&c| doc.cues[c].span.end <= pair.open.start);
    let cue = before.or_else(|| cue_right_after(doc, p));
    if let Some(c) = cue {
        found.cue = Some(c);
        let cue = &doc.cues[c];
        if cue.person == Person::First {
            found.speaker = parent;
            found.via = Via::Enclosing;
            return Some(found);
        }
        if cue.form == CueForm::Inverted {
            found.speaker = speaker_of_cue(doc, c);
            return Some(found);
        }
        // The subject of the cue, looked for inside the enclosing quotation only.
        let start = sentence_start_within(doc, outer, cue.span.start);
        match subject_in(doc, doc.t.at_or_after(start), doc.tok_cue_start(c), true) {
            Some(m) if m.kind != MentionKind::FirstPerson => found.speaker = Some(m),
            // `J'ai dit "…"`, or no subject in the quotation: its own speaker says it.
            _ => {
                found.speaker = parent;
                found.via = Via::Enclosing;
            }
        }
        return Some(found);
    }
    // Marks inside a quotation with no verb of saying: a term, not a quotation.
    let inner = &doc.text[pair.inner];
    if words <= 3 && !ends_like_sentence(inner) {
        return None;
    }
    found.kind = kind_of(doc, p, words);
    found.speaker = parent;
    found.via = Via::Enclosing;
    Some(found)
}

/// Where the sentence holding `at` starts, inside a quotation's text.
fn sentence_start_within(doc: &Document, outer: Span, at: usize) -> usize {
    let s = &doc.text[outer.start..at];
    s.rfind(['.', '!', '?']).map_or(outer.start, |i| outer.start + i + 1)
}

/// Whether the quotation holds a whole utterance (direct) or a fragment (partial).
/// `words` is the [`word_count`] of its text.
fn kind_of(doc: &Document, p: usize, words: usize) -> QuoteKind {
    let pair = &doc.pairs[p];
    let inner = &doc.text[pair.inner];
    // (An ASCII first letter is the first of the normal form, lowercased: only `q` and `d`
    // may open these words, and the word is split and normalized only then.)
    let may_be_subordinate =
        matches!(inner.as_bytes().first(), Some(b'q' | b'Q' | b'd' | b'D' | 0x80..));
    let subordinate =
        may_be_subordinate && normal_form_in(first_word(inner), &["que", "qu", "qui", "dont"]);
    let capital = inner.chars().next().is_some_and(char::is_uppercase);
    // What stands just before the opening mark, within its sentence.
    let open_tok = doc.tok_open(p);
    let (first, _) = doc.pair_sentence_tokens(p);
    let before = if open_tok > first { doc.t.str(open_tok - 1) } else { "" };
    // (Asked last, and only if nothing else decides.)
    let prev_is_cue = || {
        open_tok > 0
            && doc.t.is_word(open_tok - 1)
            && doc
                .cue_ending_at(doc.t.span(open_tok - 1).end)
                .is_some_and(|c| doc.cues[c].form != CueForm::Phrase)
    };
    let direct = if subordinate {
        false
    } else if before.is_empty() || before.ends_with([':', '—', '–', '.', '!', '?']) {
        capital || words >= 5 || ends_like_sentence(inner)
    } else if before.ends_with(',') {
        capital || words >= 8
    } else {
        prev_is_cue() && (capital || ends_like_sentence(inner))
    };
    if direct { QuoteKind::Direct } else { QuoteKind::Partial }
}

/// An inverted cue between commas inside the quotation: `« Il semble, a-t-il relevé, que … »`.
fn incise(doc: &Document, pair: &MarkPair) -> Option<usize> {
    doc.cues_in(pair.inner).find(|&c| {
        let cue = &doc.cues[c];
        let i = doc.tok_cue_start(c);
        let e = doc.tok_cue_end(c);
        let between_commas = i > 0 && doc.t.is_punct(i - 1, ',');
        match cue.form {
            CueForm::Inverted => {
                between_commas && (doc.t.is_punct(e, ',') || doc.t.is_punct(e, '.'))
            }
            // `« …, raconte Béatrix Mora, directrice … »` (not an imperative: `« Non,
            // appelez un électricien »`).
            CueForm::Finite => {
                between_commas && cue.person == Person::Third && subject_after(doc, c).is_some()
            }
            _ => false,
        }
    })
}

/// `« … » — Albert Camus`: a dash, then a name that ends the line or the sentence.
fn signature(doc: &Document, p: usize) -> Option<Mention> {
    let t = doc.t;
    let mut i = doc.tok_after_close(p);
    if t.is_punct(i, ',') || t.is_punct(i, '.') {
        i += 1;
    }
    if !(t.is_punct(i, '—') || t.is_punct(i, '–')) {
        return None;
    }
    let m = mention_at(t, i + 1, t.len()).filter(|m| m.kind == MentionKind::Name)?;
    let ends =
        m.end >= t.len() || t.is_break(m.end) || t.is_punct(m.end, '.') || t.is_punct(m.end, ',');
    ends.then_some(m)
}

/// A cue right after the closing mark: `« … », a déclaré X`, `« … » explique-t-il`.
fn cue_after(doc: &Document, p: usize) -> Option<usize> {
    let c = cue_right_after(doc, p)?;
    let cue = &doc.cues[c];
    match cue.form {
        CueForm::Inverted => Some(c),
        CueForm::Finite | CueForm::Participle => subject_after(doc, c).map(|_| c),
        // `« … », selon X`, `jugée « insuffisante » selon X`: a source named after it, in its
        // sentence (not `« … » Selon X, …`, which opens the next).
        CueForm::Phrase => {
            let same_sentence = doc.t.is_punct(doc.tok_after_close(p), ',')
                || !doc.t.is_capitalized(doc.tok_cue_start(c));
            (same_sentence && is_phrase_cue_ok(doc, c)).then_some(c)
        }
        _ => None,
    }
}

/// The cue, of any form, that starts right after the closing mark of pair `p` (past a comma).
fn cue_right_after(doc: &Document, p: usize) -> Option<usize> {
    let i = after_close(doc, p);
    (i < doc.t.len() && doc.t.is_word(i)).then(|| doc.cue_starting_at(doc.t.span(i).start))?
}

/// The nearest cue before the quotation in its sentence (`sentence`, that of the pair),
/// outside quotations.
fn cue_before(doc: &Document, p: usize, sentence: Span) -> Option<usize> {
    let pair = &doc.pairs[p];
    let open = doc.tok_open(p);
    let from = doc.t.span(doc.pair_window_start(p, open)).start;
    let range = doc.cues_in(Span::new(from, pair.open.start));
    let eligible = |c: usize| {
        let cue = &doc.cues[c];
        !cue.negated
            && !doc.quoted(doc.tok_cue_start(c))
            && cue.span.end <= pair.open.start
            && match cue.form {
                CueForm::Phrase => is_phrase_cue_ok(doc, c),
                // `avant d'ajouter : « … »`, `dire « oui »`: only right before the quotation.
                CueForm::Infinitive => introduces(doc, c, pair),
                _ => true,
            }
    };
    let nearest = range.clone().rev().find(|&c| eligible(c))?;
    // A verb inside the clause another verb reports is part of what is said: `X a assuré que
    // les États-Unis continueraient de soutenir Kiev « … »` is X's.
    // (Not past `, mais` or `;`, which open a clause of the writer's: `X a reconnu que …, mais
    // il a soutenu que « … »` is said under `a soutenu`.)
    let new_clause =
        |k: usize| doc.t.is_punct(k, ';') || doc.t.is_punct(k, ',') && doc.t.norm(k + 1) == "mais";
    let governing = range.take_while(|&c| c < nearest).find(|&c| {
        let between = doc.tok_cue_end(c)..doc.tok_cue_start(nearest);
        matches!(doc.cues[c].form, CueForm::Finite | CueForm::Inverted)
            && eligible(c)
            && between.clone().any(|k| matches!(doc.t.norm(k), "que" | "qu'") && !doc.quoted(k))
            && !between.into_iter().any(|k| new_clause(k) && !doc.quoted(k))
    });
    let chosen = governing.unwrap_or(nearest);
    // A source at the head of the sentence (`Pour Poutine, les USA accusent la Russie de « … »`)
    // speaks for all of it, unless a verb introduces the quotation itself (`…, X a dit : « … »`).
    // Cues are in text order: only the sentence's first can stand at its head.
    let (head, _) = doc.pair_sentence_tokens(p);
    let head_phrase = doc.cues_in(Span::new(sentence.start, pair.open.start)).next().filter(|&c| {
        doc.cues[c].form == CueForm::Phrase
            && doc.tok_cue_start(c) <= head + 1
            && is_phrase_cue_ok(doc, c)
    });
    // (Nor a verb whose subject cannot speak: `Selon X, les haies expliquent « … »`.)
    let mute = || speaker_of_cue(doc, chosen).is_some_and(|m| !may_speak(doc.t, &m));
    match head_phrase {
        Some(phrase) if phrase != chosen && (!introduces(doc, chosen, pair) || mute()) => {
            Some(phrase)
        }
        _ => Some(chosen),
    }
}

/// Whether only a colon, `que` or nothing stands between the cue and the quotation.
fn introduces(doc: &Document, c: usize, pair: &MarkPair) -> bool {
    let between = doc.text[doc.cues[c].span.end..pair.open.start].trim_matches(is_space);
    // (Most stretches are the words of a clause: they are not normalized to be told apart.)
    between.is_empty()
        || between == ":"
        || normal_form_at_most(between, 3) && matches!(normalize(between).as_ref(), "que" | "qu'")
}

/// A cue with its subject after it, right after `c'est ce que` or `voilà ce que` after the
/// quotation (`« … » C'est ce qu'a déclaré X.`, `« … », voilà ce qu'affirme X`).
fn cue_summing_up(doc: &Document, p: usize) -> Option<usize> {
    let t = doc.t;
    let mut i = doc.tok_after_close(p);
    if t.is_punct(i, ',') || t.is_punct(i, '.') {
        i += 1;
    }
    let lead = match t.norm(i) {
        "c'" if t.norm(i + 1) == "est" => 2,
        "voilà" | "voici" => 1,
        _ => return None,
    };
    i += lead;
    if t.norm(i) != "ce" || !matches!(t.norm(i + 1), "que" | "qu'") || !t.is_word(i + 2) {
        return None;
    }
    let c = doc.cue_starting_at(t.span(i + 2).start)?;
    match doc.cues[c].form {
        CueForm::Inverted => Some(c),
        CueForm::Finite => subject_after(doc, c).map(|_| c),
        _ => None,
    }
}

/// An inverted cue after the quotation, later in its sentence: `…, affirme X.`
fn inverted_cue_later(doc: &Document, p: usize, sentence: Span) -> Option<usize> {
    let pair = &doc.pairs[p];
    let close = doc.tok_after_close(p);
    let until =
        doc.t.toks.get(close + WINDOW).map_or(sentence.end, |t| t.span().start.min(sentence.end));
    doc.cues_in(Span::new(pair.close.end, until)).find(|&c| {
        let cue = &doc.cues[c];
        let i = doc.tok_cue_start(c);
        if doc.quoted(i) || cue.negated {
            return false;
        }
        match cue.form {
            CueForm::Inverted => true,
            CueForm::Finite => {
                i > 0 && doc.t.is_punct(i - 1, ',') && subject_after(doc, c).is_some()
            }
            CueForm::Phrase => i > 0 && doc.t.is_punct(i - 1, ',') && is_phrase_cue_ok(doc, c),
            _ => false,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words as the definition has them: pieces between spaces and apostrophes (`'`, `’`)
    /// that hold a letter or a digit.
    fn naive_word_count(text: &str) -> usize {
        text.split(|c: char| is_space(c) || c == '\'' || c == '’' || c == '\u{b}')
            .filter(|piece| piece.chars().any(is_alphanumeric))
            .count()
            .min(WORDS_COUNTED)
    }

    #[test]
    fn letters_and_digits_beyond_ascii_are_those_of_the_unicode_tables() {
        for c in ('\u{80}'..='\u{2fff}').chain('\u{fe00}'..='\u{ffff}') {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn words_of_random_texts_are_counted_as_defined() {
        let palette: Vec<char> =
            "aZ09 \t\n\r\u{b}\u{c}'’-.,«»—…éÉ×÷ªœ²\u{a0}\u{202f}\u{2028}\u{3000}😀"
                .chars()
                .collect();
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let len = next() % 40;
            let text: String = (0..len).map(|_| palette[next() as usize % palette.len()]).collect();
            let t = Tokens::new(&text);
            let doc = Document::new(&text, &t, &[], &[], &[]);
            // Every start, so that the eight-byte steps fall everywhere.
            for (at, _) in text.char_indices() {
                let span = Span::new(at, text.len());
                assert_eq!(word_count(&doc, span), naive_word_count(&text[span]), "{text:?} {at}");
            }
        }
    }

    #[test]
    fn every_character_below_u3000_is_classed_as_defined() {
        for c in ('\u{80}'..='\u{2fff}').chain(['\u{feff}']) {
            for text in [format!("a{c}b"), format!("{c}b"), format!("a{c}"), format!("{c}")] {
                // At the start of the sixteen bytes, and at their end (where the bytes after
                // it are not among them), in a short text and a longer one.
                for pad in [0, 1, 12, 13, 14, 15, 29, 30] {
                    let text = " ".repeat(pad) + &text;
                    let t = Tokens::new(&text);
                    let doc = Document::new(&text, &t, &[], &[], &[]);
                    let span = Span::new(0, text.len());
                    assert_eq!(word_count(&doc, span), naive_word_count(&text), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn words_are_counted_as_defined() {
        let texts = [
            "",
            "Nous viendrons",
            "  l'État, c’est   moi ! ",
            "un\u{b}deux\ttrois\nquatre\r\ncinq six sept huit neuf dix onze",
            "-- ... 42 % « é »",
            "aujourd’hui\u{a0}et demain — 2024",
            "× ÷ ‰ … ½ x² ª «\u{a0}oui\u{202f}» ‘ ’ — –",
        ];
        for text in texts {
            let t = Tokens::new(text);
            let doc = Document::new(text, &t, &[], &[], &[]);
            assert_eq!(
                word_count(&doc, Span::new(0, text.len())),
                naive_word_count(text),
                "{text:?}"
            );
        }
    }

    /// The line around `at` as the definition has it: line breaks within `HEADING_MAX` bytes.
    fn naive_short_line(text: &str, at: usize) -> Option<Span> {
        let is_break = |b: &u8| *b == b'\n' || *b == b'\r';
        let bytes = text.as_bytes();
        let lo = at.saturating_sub(HEADING_MAX);
        let start = match bytes[lo..at].iter().rposition(is_break) {
            Some(i) => lo + i + 1,
            None if lo == 0 => 0,
            None => return None,
        };
        let hi = (at + HEADING_MAX).min(text.len());
        let end = match bytes[at..hi].iter().position(is_break) {
            Some(i) => at + i,
            None if hi == text.len() => text.len(),
            None => return None,
        };
        Some(Span::new(start, end))
    }

    #[test]
    fn short_lines_are_found_from_the_line_breaks() {
        let mut text = String::new();
        for len in [0, 1, 7, 150, 399, 400, 401, 900, 12] {
            text.push_str(&"é".repeat(len / 2));
            text.push_str(if len % 3 == 0 { "\r\n" } else { "\n" });
        }
        text.push_str("une fin sans saut de ligne");
        let tokens = Tokens::new(&text);
        let lines = LineBreaks::new(&tokens);
        for at in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
            assert_eq!(lines.short_line_of(&text, at), naive_short_line(&text, at), "at {at}");
        }
    }

    #[test]
    fn every_line_break_lies_in_a_break_token() {
        let texts = [
            "fin.\n\nDébut",
            "l'\nîle a-\nt-il mot\u{a0}\n« oui\r\n» 1.\n2,\n3 x\u{2028}\ny\u{2029}\r\rz\n",
            "\n\r\n  \t\n«\n»\u{feff}\nA.\nB",
            "aujourd’hui\nJean-\nMarc l’\r\nÉtat ‹\n› \u{202f}\n",
        ];
        for text in texts {
            let naive: Vec<usize> = text
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n' || b == b'\r')
                .map(|(i, _)| i)
                .collect();
            assert_eq!(LineBreaks::new(&Tokens::new(text)).0, naive, "{text:?}");
        }
    }
}
