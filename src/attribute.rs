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

use crate::cue::{CueForm, CueMatch, Person, is_cue_word};
use crate::lexicon::{Class, grammar, normalize};
use crate::mention::{Mention, MentionKind, mention_at, words_from};
use crate::quote::{Marks, QuoteKind};
use crate::scan::{MarkPair, is_space};
use crate::span::Span;
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

pub(crate) struct Document<'a, 'h> {
    pub text: &'h str,
    pub t: &'a Tokens<'h>,
    pub pairs: &'a [MarkPair],
    pub sentences: &'a [Span],
    pub cues: &'a [CueMatch],
    /// For each token, the index of the outermost pair whose marks enclose it.
    pub(crate) enclosing: Vec<Option<u32>>,
}

impl<'a, 'h> Document<'a, 'h> {
    pub fn new(
        text: &'h str,
        t: &'a Tokens<'h>,
        pairs: &'a [MarkPair],
        sentences: &'a [Span],
        cues: &'a [CueMatch],
    ) -> Self {
        let mut enclosing = vec![None; t.len()];
        for (p, pair) in pairs.iter().enumerate().filter(|(_, p)| p.depth == 0) {
            let first = t.at_or_after(pair.open.start);
            let end = t.at_or_after(pair.close.end);
            for slot in &mut enclosing[first..end] {
                *slot = Some(p as u32);
            }
        }
        Document { text, t, pairs, sentences, cues, enclosing }
    }

    fn sentence_of(&self, at: usize) -> Span {
        let i = self.sentences.partition_point(|s| s.end <= at);
        self.sentences.get(i).copied().unwrap_or(Span::new(at, at))
    }

    /// Whether token `i` lies inside the marks of a top-level quotation.
    fn quoted(&self, i: usize) -> bool {
        self.enclosing.get(i).copied().flatten().is_some()
    }

    fn cue_starting_at(&self, at: usize) -> Option<usize> {
        let i = self.cues.partition_point(|c| c.span.start < at);
        (i < self.cues.len() && self.cues[i].span.start == at).then_some(i)
    }

    /// Indices of cues starting in `span`.
    fn cues_in(&self, span: Span) -> std::ops::Range<usize> {
        let a = self.cues.partition_point(|c| c.span.start < span.start);
        let b = self.cues.partition_point(|c| c.span.start < span.end);
        a..b
    }

    fn tok_cue_start(&self, c: usize) -> usize {
        self.t.at_or_after(self.cues[c].span.start)
    }

    fn tok_cue_end(&self, c: usize) -> usize {
        self.t.at_or_after(self.cues[c].span.end)
    }
}

/// Attribute every quotation of the document.
pub(crate) fn attribute(doc: &Document) -> Vec<Attributed> {
    let mut out: Vec<Attributed> = Vec::new();
    // The speaker of the latest top-level quotation, for quotations that carry on.
    let mut last: Option<(Mention, usize)> = None;
    let mut speakers: Vec<Option<Mention>> = vec![None; doc.pairs.len()];
    for (p, pair) in doc.pairs.iter().enumerate() {
        if !is_quotation(doc, pair) {
            continue;
        }
        let found = if pair.depth == 0 {
            attribute_top(doc, p, last.as_ref().map(|(m, at)| (*m, *at)))
        } else {
            let parent = pair.parent.and_then(|q| speakers[q]);
            attribute_nested(doc, p, parent)
        };
        let Some(found) = found else { continue };
        speakers[p] = found.speaker;
        if pair.depth == 0 {
            if let Some(m) = found.speaker {
                last = Some((m, pair.close.end));
            }
        }
        out.push(found);
    }
    out
}

// ------------------------------------------------------------------ which marks are quotes

fn word_count(doc: &Document, span: Span) -> usize {
    doc.text[span]
        .split(|c: char| is_space(c) || c == '\'' || c == '’')
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

fn ends_like_sentence(s: &str) -> bool {
    s.trim_end_matches(|c: char| is_space(c) || matches!(c, '»' | '”' | '"' | ')' | '˝'))
        .ends_with(['.', '!', '?', '…'])
}

/// The line (between line breaks) that holds `at`.
fn line_of(text: &str, at: usize) -> Span {
    let start = text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let end = text[at..].find(['\n', '\r']).map_or(text.len(), |i| at + i);
    Span::new(start, end)
}

/// A heading: a line that does not end like a sentence and that more text follows.
fn is_heading_line(text: &str, line: Span) -> bool {
    let l = text[line].trim_matches(is_space);
    !ends_like_sentence(l)
        && !l.ends_with(':')
        && text[line.end..].chars().any(|c| c.is_alphanumeric())
}

/// Whether a pair of marks holds something somebody says, rather than a title, a name, a
/// term held at a distance, or a heading.
fn is_quotation(doc: &Document, pair: &MarkPair) -> bool {
    let inner = &doc.text[pair.inner];
    if !inner.chars().any(char::is_alphanumeric) {
        return false;
    }
    let words = word_count(doc, pair.inner);
    let capital = inner.chars().next().is_some_and(char::is_uppercase);
    let after_colon = preceded_by_colon(doc, pair);
    if pair.depth == 0 && !pair.multi_paragraph {
        let line = line_of(doc.text, pair.open.start);
        if is_heading_line(doc.text, line) && !line_has_attribution(doc, line, pair) {
            return false;
        }
    }
    // Titles and names: a few capitalised words, not a sentence, not introduced as speech.
    if capital
        && words <= 4
        && !ends_like_sentence(inner)
        && !after_colon
        && !followed_by_cue(doc, pair)
    {
        return false;
    }
    // Terms held at a distance: one or two lowercase words with no verb of saying near.
    if !capital && words <= 2 && pair.depth == 0 {
        let sentence = doc.sentence_of(pair.open.start);
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

fn preceded_by_colon(doc: &Document, pair: &MarkPair) -> bool {
    doc.text[..pair.open.start].trim_end_matches(is_space).ends_with(':')
}

/// The token index right after the closing mark, past a comma.
fn after_close(doc: &Document, pair: &MarkPair) -> usize {
    let mut i = doc.t.at_or_after(pair.close.end);
    if doc.t.is_punct(i, ',') {
        i += 1;
    }
    i
}

fn followed_by_cue(doc: &Document, pair: &MarkPair) -> bool {
    let i = after_close(doc, pair);
    if i >= doc.t.len() || !doc.t.is_word(i) {
        return false;
    }
    doc.cue_starting_at(doc.t.span(i).start).is_some_and(|c| {
        let cue = &doc.cues[c];
        cue.form == CueForm::Inverted
            || (cue.form == CueForm::Finite && subject_after(doc, c).is_some())
    })
}

/// A heading keeps its quotation only when it says who speaks (`Larcher : « … »`, `…, affirme X`).
fn line_has_attribution(doc: &Document, line: Span, pair: &MarkPair) -> bool {
    if preceded_by_colon(doc, pair) {
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

fn attribute_top(doc: &Document, p: usize, last: Option<(Mention, usize)>) -> Option<Attributed> {
    let pair = &doc.pairs[p];
    let sentence = doc.sentence_of(pair.open.start);
    let kind = kind_of(doc, pair);
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
    if let Some(c) = cue_after(doc, pair) {
        found.cue = Some(c);
        found.speaker = speaker_of_cue(doc, c);
        return Some(found);
    }
    // 3. A cue before it in its sentence.
    if let Some(c) = cue_before(doc, pair, sentence) {
        found.cue = Some(c);
        found.speaker = speaker_of_cue(doc, c);
        if found.speaker.is_some() {
            return Some(found);
        }
    }
    // 4. An inverted cue later in its sentence.
    if let Some(c) = inverted_cue_later(doc, pair, sentence) {
        found.cue = Some(c);
        found.speaker = speaker_of_cue(doc, c);
        return Some(found);
    }
    found.cue = None;
    // 5. No cue.
    if preceded_by_colon(doc, pair) {
        let colon = doc.text[..pair.open.start].trim_end_matches(is_space).len() - 1;
        if let Some(m) = clause_subject(doc, Span::new(sentence.start, colon)) {
            found.speaker = Some(m);
            found.via = Via::Subject;
            return Some(found);
        }
    }
    if kind == QuoteKind::Partial {
        if let Some(m) = clause_subject(doc, Span::new(sentence.start, pair.open.start)) {
            found.speaker = Some(m);
            found.via = Via::Subject;
            return Some(found);
        }
    }
    if let Some((m, _)) = last {
        found.speaker = Some(m);
        found.via = Via::Continuation;
        return Some(found);
    }
    found.via = Via::Continuation;
    Some(found)
}

fn attribute_nested(doc: &Document, p: usize, parent: Option<Mention>) -> Option<Attributed> {
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
    let open_tok = doc.t.at_or_after(pair.open.start);
    let from = doc.t.at_or_after(outer.start);
    let window_start = open_tok.saturating_sub(6).max(from);
    let before = doc
        .cues_in(Span::new(doc.t.span(window_start).start, pair.open.start))
        .filter(|&c| doc.cues[c].span.end <= pair.open.start)
        .next_back();
    let cue = before.or_else(|| {
        let i = after_close(doc, pair);
        (i < doc.t.len()).then(|| doc.cue_starting_at(doc.t.span(i).start)).flatten()
    });
    if let Some(c) = cue {
        found.cue = Some(c);
        let cue = &doc.cues[c];
        if cue.person == Person::First {
            found.speaker = parent;
            found.via = Via::Enclosing;
            return Some(found);
        }
        if let Some(pr) = cue.pronoun {
            let i = doc.t.at_or_after(pr.start);
            found.speaker = mention_at(doc.t, i, i + 1);
            return Some(found);
        }
        // The subject of the cue, looked for inside the enclosing quotation only.
        let start = sentence_start_within(doc, outer, cue.span.start);
        match subject_in(doc, Span::new(start, cue.span.start), doc.tok_cue_start(c), true) {
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
    if word_count(doc, pair.inner) <= 3 && !ends_like_sentence(inner) {
        return None;
    }
    found.kind = kind_of(doc, pair);
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
fn kind_of(doc: &Document, pair: &MarkPair) -> QuoteKind {
    let inner = &doc.text[pair.inner];
    let first_word =
        inner.split(|c: char| is_space(c) || c == '\'' || c == '’').next().unwrap_or("");
    let subordinate = matches!(normalize(first_word).as_ref(), "que" | "qu" | "qui" | "dont");
    let capital = inner.chars().next().is_some_and(char::is_uppercase);
    let words = word_count(doc, pair.inner);
    let sentence = doc.sentence_of(pair.open.start);
    let before =
        doc.text[sentence.start.min(pair.open.start)..pair.open.start].trim_end_matches(is_space);
    let open_tok = doc.t.at_or_after(pair.open.start);
    let prev_is_cue = open_tok > 0
        && doc.t.is_word(open_tok - 1)
        && doc
            .cues
            .iter()
            .any(|c| c.span.end == doc.t.span(open_tok - 1).end && c.form != CueForm::Phrase);
    let direct = if subordinate {
        false
    } else if before.is_empty() || before.ends_with([':', '—', '–', '.', '!', '?']) {
        capital || words >= 5 || ends_like_sentence(inner)
    } else if before.ends_with(',') {
        capital || words >= 8
    } else {
        prev_is_cue && (capital || ends_like_sentence(inner))
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
            // `« …, raconte Béatrix Mora, directrice … »`
            CueForm::Finite => between_commas && subject_after(doc, c).is_some(),
            _ => false,
        }
    })
}

/// A cue right after the closing mark: `« … », a déclaré X`, `« … » explique-t-il`.
fn cue_after(doc: &Document, pair: &MarkPair) -> Option<usize> {
    let i = after_close(doc, pair);
    if i >= doc.t.len() || !doc.t.is_word(i) {
        return None;
    }
    let c = doc.cue_starting_at(doc.t.span(i).start)?;
    let cue = &doc.cues[c];
    match cue.form {
        CueForm::Inverted => Some(c),
        CueForm::Finite | CueForm::Participle => subject_after(doc, c).map(|_| c),
        _ => None,
    }
}

/// The nearest cue before the quotation in its sentence, outside quotations.
fn cue_before(doc: &Document, pair: &MarkPair, sentence: Span) -> Option<usize> {
    let range = doc.cues_in(Span::new(sentence.start, pair.open.start));
    range.rev().find(|&c| {
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
    })
}

/// Whether only a colon, `que` or nothing stands between the cue and the quotation.
fn introduces(doc: &Document, c: usize, pair: &MarkPair) -> bool {
    let between = doc.text[doc.cues[c].span.end..pair.open.start].trim_matches(is_space);
    between.is_empty() || between == ":" || matches!(normalize(between).as_ref(), "que" | "qu'")
}

/// An inverted cue after the quotation, later in its sentence: `…, affirme X.`
fn inverted_cue_later(doc: &Document, pair: &MarkPair, sentence: Span) -> Option<usize> {
    doc.cues_in(Span::new(pair.close.end, sentence.end)).find(|&c| {
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

/// `selon X`, `d'après X`, `à en croire X` always name a source; `pour X,` only at the head
/// of a clause and before a comma (`Pour Poutine, …`, not `pour atteindre son objectif`).
fn is_phrase_cue_ok(doc: &Document, c: usize) -> bool {
    let cue = &doc.cues[c];
    let e = doc.tok_cue_end(c);
    let Some(m) = mention_at(doc.t, e, doc.t.len()) else {
        return false;
    };
    if cue.lemma != "pour" {
        return true;
    }
    let i = doc.tok_cue_start(c);
    let clause_head = i == 0
        || doc.t.is_punct(i - 1, ',')
        || doc.t.is_break(i - 1)
        || doc.t.is_punct(i - 1, '.')
        || matches!(normalize(doc.t.str(i - 1)).as_ref(), "mais" | "et");
    let person_like = !matches!(m.kind, MentionKind::Relative | MentionKind::FirstPerson)
        && !matches!(normalize(doc.t.str(e)).as_ref(), "cela" | "ça" | "ce" | "autant");
    clause_head && person_like && doc.t.is_punct(m.end, ',')
}

/// The mention a cue points to as its speaker.
fn speaker_of_cue(doc: &Document, c: usize) -> Option<Mention> {
    let cue = &doc.cues[c];
    match cue.form {
        CueForm::Inverted => {
            let pr = cue.pronoun?;
            let i = doc.t.at_or_after(pr.start);
            // `a-t-il` is one token: the mention is the pronoun inside it.
            let g = grammar();
            let word = &doc.text[pr];
            let mut m = mention_at(doc.t, i, i + 1).unwrap_or(Mention {
                span: pr,
                kind: MentionKind::Pronoun,
                gender: g.gender_of(word),
                plural: normalize(word).ends_with('s'),
                name: None,
                first: i,
                end: i + 1,
            });
            m.span = pr;
            m.gender = g.gender_of(word);
            m.plural = normalize(word).ends_with('s');
            m.kind = MentionKind::Pronoun;
            Some(m)
        }
        CueForm::Phrase => {
            mention_at(doc.t, doc.tok_cue_end(c), doc.t.len()).map(|m| with_apposition(doc, m))
        }
        CueForm::Finite => {
            if inversion_context(doc, c) {
                if let Some(m) = subject_after(doc, c) {
                    return Some(m);
                }
            }
            subject_before(doc, c)
        }
        CueForm::Participle | CueForm::Infinitive => {
            // The speaker is the subject of the clause the participle or infinitive hangs on.
            let sentence = doc.sentence_of(cue.span.start);
            let other = doc
                .cues_in(sentence)
                .filter(|&o| {
                    o != c
                        && matches!(doc.cues[o].form, CueForm::Finite | CueForm::Inverted)
                        && !doc.quoted(doc.tok_cue_start(o))
                })
                .min_by_key(|&o| doc.cues[o].span.start.abs_diff(cue.span.start));
            if let Some(o) = other {
                if let Some(m) = speaker_of_cue(doc, o) {
                    return Some(m);
                }
            }
            clause_subject(doc, Span::new(sentence.start, cue.span.start))
        }
    }
}

/// Whether a finite cue stands where French puts the subject after the verb: after a
/// quotation (`« … », dit X`), or after a comma that ends a clause (`…, affirme X.`).
fn inversion_context(doc: &Document, c: usize) -> bool {
    let i = doc.tok_cue_start(c);
    if i == 0 {
        return false;
    }
    let j = i - 1;
    if doc.t.is_punct(j, ',') {
        // `Poutine voit la «faiblesse» de Biden, affirme X` inverts; `Un policier, résident de
        // l'immeuble, témoigne` does not: there the clause opens with a bare noun phrase.
        let sentence = doc.sentence_of(doc.cues[c].span.start);
        let first = doc.t.at_or_after(sentence.start);
        let segs = segments(doc, first, j, false);
        let bare_subject = segs.first().is_some_and(|&(s, e)| {
            !starts_adverbial(doc, s) && mention_at(doc.t, s, e).is_some_and(|m| m.end == e)
        });
        return !bare_subject;
    }
    doc.t.toks[j].kind == crate::token::Kind::Punct && is_closing_mark(doc.t.str(j))
}

fn is_closing_mark(s: &str) -> bool {
    matches!(s, "»" | "”" | "\"" | "˝" | "›" | "“" | "'")
}

/// `X, ministre de …,`: a name in apposition right after a description names it.
pub(crate) fn with_apposition(doc: &Document, m: Mention) -> Mention {
    if m.name.is_some() || m.kind != MentionKind::Description {
        return m;
    }
    if doc.t.is_punct(m.end, ',') {
        if let Some(n) = mention_at(doc.t, m.end + 1, doc.t.len()) {
            let closes = doc.t.is_break(n.end)
                || [',', '.', '(', ';', ':'].iter().any(|&c| doc.t.is_punct(n.end, c))
                || n.end >= doc.t.len()
                || grammar().is(Class::Verb, doc.t.str(n.end))
                || is_cue_word(normalize(doc.t.str(n.end)).as_ref());
            if n.kind == MentionKind::Name && closes {
                return Mention { name: n.name, span: n.span, ..n };
            }
        }
    }
    m
}

/// The inverted subject after a finite cue: `a déclaré Poutine`, `explique vendredi dans Le
/// Parisien Gérard Larcher`. `None` where something else follows (`rapporte que …`).
fn subject_after(doc: &Document, c: usize) -> Option<Mention> {
    let t = doc.t;
    let g = grammar();
    let sentence = doc.sentence_of(doc.cues[c].span.start);
    let limit = t.at_or_after(sentence.end);
    let mut i = doc.tok_cue_end(c);
    let mut steps = 0;
    while i < limit && steps < 8 {
        steps += 1;
        if !t.is_word(i) {
            if t.is_punct(i, '/') {
                i += 1;
                if let Some(m) = mention_at(t, i, limit) {
                    i = m.end;
                }
                continue;
            }
            return None;
        }
        let adv = g.adverb_len(words_from(t, i));
        if adv > 0 {
            i += adv;
            continue;
        }
        let w = t.str(i);
        if matches!(normalize(w).as_ref(), "que" | "qu'" | "si" | "s'") {
            return None;
        }
        if is_date_word(w) {
            i += 1;
            continue;
        }
        if g.is(Class::Preposition, w) && !matches!(normalize(w).as_ref(), "selon") {
            i += 1;
            match mention_at(t, i, limit) {
                // `en France Gérard Larcher`: the person starts at the first name.
                Some(m)
                    if m.kind == MentionKind::Name
                        && m.name.is_some_and(|n| n.start > m.span.start) =>
                {
                    let n = m.name.unwrap_or(m.span);
                    let first = t.at_or_after(n.start);
                    return mention_at(t, first, limit).map(|p| with_apposition(doc, p));
                }
                Some(m) => i = m.end,
                None => i += 1,
            }
            continue;
        }
        if let Some(m) = mention_at(t, i, limit) {
            if matches!(m.kind, MentionKind::Relative | MentionKind::FirstPerson) {
                return None;
            }
            if m.kind == MentionKind::Pronoun
                && !matches!(normalize(w).as_ref(), "lui" | "elle" | "eux")
            {
                return None;
            }
            return Some(with_apposition(doc, m));
        }
        return None;
    }
    None
}

/// Numbers and month names in dates (`lundi 25 mars`).
fn is_date_word(w: &str) -> bool {
    w.chars().all(|c| c.is_ascii_digit())
        || matches!(
            normalize(w).as_ref(),
            "janvier"
                | "février"
                | "mars"
                | "avril"
                | "mai"
                | "juin"
                | "juillet"
                | "août"
                | "septembre"
                | "octobre"
                | "novembre"
                | "décembre"
                | "dernier"
                | "prochain"
                | "er"
        )
}

/// The subject before a finite cue, in the clause that ends at the cue.
fn subject_before(doc: &Document, c: usize) -> Option<Mention> {
    let cue = &doc.cues[c];
    let sentence = doc.sentence_of(cue.span.start);
    subject_in(doc, Span::new(sentence.start, cue.span.start), doc.tok_cue_start(c), false)
}

/// The subject of the clause in `span` (which ends at a verb), reading comma-separated
/// segments: `Le directeur, Jim Ryan, a déclaré` → `Jim Ryan`; `Des avocats, une trentaine, ont
/// dénoncé` → `Des avocats`; `Dans un souffle, il poursuit` → `il`; `l'actrice confie qu'il lui
/// disait` → `il`.
fn subject_in(doc: &Document, span: Span, verb_tok: usize, inside_quote: bool) -> Option<Mention> {
    let t = doc.t;
    let first = t.at_or_after(span.start);
    // The clause starts after the last colon, semicolon or line break before the verb.
    let mut start = first;
    for i in (first..verb_tok).rev() {
        if (t.is_punct(i, ':') || t.is_punct(i, ';') || t.is_break(i))
            && (inside_quote || !doc.quoted(i))
        {
            start = i + 1;
            break;
        }
    }
    let segments = segments(doc, start, verb_tok, inside_quote);
    let last = *segments.last()?;
    let comma_before_verb = verb_tok > 0 && t.is_punct(verb_tok - 1, ',');
    if !comma_before_verb {
        // The verb's own segment: `Il a`, `Le sénateur de l’Yonne ajoute`, `qu'il lui disait`.
        if let Some(m) = subject_of_segment(doc, last.0, verb_tok) {
            return Some(m);
        }
    }
    // `X, apposition, a dit`: the first segment that starts with a mention, unless a later one
    // is a bare name (`le directeur de PlayStation, Jim Ryan, a déclaré`).
    let mut subject: Option<Mention> = None;
    for &(s, e) in &segments {
        let Some(m) = mention_at(t, s, e) else { continue };
        if m.kind == MentionKind::Name && m.end == e && subject.is_some() {
            return Some(m);
        }
        if subject.is_none() && !starts_adverbial(doc, s) {
            subject = Some(resolve_relative(doc, m, s));
        }
    }
    subject.or_else(|| subject_of_segment(doc, last.0, verb_tok))
}

/// The subject in the segment that ends at the verb: the first mention after the last
/// `que`/`qu'` (the verb is in that clause), past leading adverbs and conjunctions.
fn subject_of_segment(doc: &Document, start: usize, verb_tok: usize) -> Option<Mention> {
    let t = doc.t;
    let last_clause = (start..verb_tok).rev().find(|&i| {
        matches!(normalize(t.str(i)).as_ref(), "que" | "qu'" | "qui")
            && (doc.quoted(i) == doc.quoted(verb_tok.saturating_sub(1)))
    });
    if let Some(q) = last_clause {
        if normalize(t.str(q)) == "qui" {
            // `un Président qui lui a dit`: the relative stands for the phrase before it.
            if let Some(m) = mention_at(t, q, q + 1) {
                let r = resolve_relative(doc, m, q);
                if r.kind != MentionKind::Relative || r.span != m.span {
                    return Some(r);
                }
            }
        }
    }
    let from = last_clause.map_or(start, |i| i + 1);
    let mut i = from;
    let mut skipped = 0;
    while i < verb_tok && skipped <= 3 {
        if let Some(m) = mention_at(t, i, verb_tok) {
            if m.kind == MentionKind::Pronoun
                && normalize(t.str(i)) == "lui"
                && m.end == verb_tok
                && i > from
            {
                // `il lui disait`: an object pronoun before the verb.
                return None;
            }
            return Some(resolve_relative(doc, m, i));
        }
        let w = t.str(i);
        let skippable = grammar().is(Class::Conjunction, w)
            || grammar().is(Class::Stop, w)
            || starts_adverbial(doc, i);
        if !skippable {
            return None;
        }
        i += 1;
        skipped += 1;
    }
    None
}

/// A relative `qui` stands for the noun phrase just before it: `le sénateur des Yvelines, qui
/// évoque`, `un Président qui lui a dit`. A person's name is preferred to a longer phrase
/// (`la ligne de mire de Donald Trump, qui` → `Donald Trump`).
fn resolve_relative(doc: &Document, m: Mention, at: usize) -> Mention {
    if m.kind != MentionKind::Relative || at == 0 {
        return m;
    }
    let end = if doc.t.is_punct(at - 1, ',') { at - 1 } else { at };
    let sentence = doc.sentence_of(doc.t.span(at).start);
    let from = doc.t.at_or_after(sentence.start).max(end.saturating_sub(16));
    let mut best: Option<Mention> = None;
    for s in from..end {
        if doc.quoted(s) && !doc.quoted(at) {
            continue;
        }
        let Some(a) = mention_at(doc.t, s, end) else { continue };
        if a.end != end || matches!(a.kind, MentionKind::Relative | MentionKind::FirstPerson) {
            continue;
        }
        let person = a.kind == MentionKind::Name && a.gender.is_some();
        if best.is_none() || person {
            best = Some(with_apposition(doc, a));
            if person {
                break;
            }
        }
    }
    best.unwrap_or(m)
}

fn starts_adverbial(doc: &Document, i: usize) -> bool {
    let w = doc.t.str(i);
    // `A Nairobi, …`: a capital À is often written without its accent.
    let capital_a = w == "A";
    capital_a
        || grammar().is(Class::Preposition, w)
        || grammar().adverb_len(words_from(doc.t, i)) > 0
}

/// Comma-separated segments (token ranges) between `start` and `end`, skipping commas inside
/// quotations.
fn segments(doc: &Document, start: usize, end: usize, inside_quote: bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = start;
    for i in start..end {
        if doc.t.is_punct(i, ',') && (inside_quote || !doc.quoted(i)) {
            if i > s {
                out.push((s, i));
            }
            s = i + 1;
        }
    }
    if end > s {
        out.push((s, end));
    }
    out
}

/// The subject of the clause in `span`: the first segment whose mention the verb follows
/// directly (`La veille, dans un message, Brahim A. avait expliqué`), else the first segment
/// that starts with a mention (`Le ministre, Jean Dupont, a dit`).
pub(crate) fn clause_subject(doc: &Document, span: Span) -> Option<Mention> {
    let t = doc.t;
    let first = t.at_or_after(span.start);
    let end = t.at_or_after(span.end);
    let mut fallback = None;
    for (s, e) in segments(doc, first, end, false) {
        if doc.quoted(s) || starts_adverbial(doc, s) {
            continue;
        }
        let Some(m) = mention_at(t, s, e) else { continue };
        if matches!(m.kind, MentionKind::FirstPerson) {
            continue;
        }
        if m.end < e && t.is_word(m.end) {
            return Some(resolve_relative(doc, m, s));
        }
        if fallback.is_none() {
            fallback = Some(with_apposition(doc, resolve_relative(doc, m, s)));
        }
    }
    fallback
}

#[cfg(test)]
mod debug_probe {
    #[test]
    #[ignore]
    fn probe() {
        let text = std::fs::read_to_string("/tmp/t5.txt").unwrap();
        for c in crate::cue::find_cues(&text) {
            eprintln!("{:?} {:?} {:?}", &text[c.span], c.form, c.pronoun);
        }
        let pairs = crate::scan::scan(&text);
        for p in &pairs {
            eprintln!("pair {:?} depth {}", &text[p.inner], p.depth);
        }
    }
}
