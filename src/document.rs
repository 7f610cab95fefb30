//! The document as the phrase-reading stages see it: text, tokens, marks, sentences, cues.

use crate::cue::CueMatch;
use crate::scan::MarkPair;
use crate::span::Span;
use crate::token::Tokens;

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

    /// The inner span of a title in marks (`«Le Temps»`) whose opening mark is token `i`.
    pub fn title_at(&self, i: usize) -> Option<Span> {
        if i >= self.t.len() || self.t.is_word(i) {
            return None;
        }
        let at = self.t.span(i).start;
        let p = self.pairs.iter().find(|p| p.open.start == at)?;
        let inner = &self.text[p.inner];
        let words = inner.split_whitespace().count();
        let capital = inner.chars().next().is_some_and(char::is_uppercase);
        let sentence_like = inner.trim_end().ends_with(['.', '!', '?', '…']);
        (capital && words <= 5 && !sentence_like).then_some(p.inner)
    }

    pub fn sentence_of(&self, at: usize) -> Span {
        let i = self.sentences.partition_point(|s| s.end <= at);
        self.sentences.get(i).copied().unwrap_or(Span::new(at, at))
    }

    /// Whether token `i` lies inside the marks of a top-level quotation.
    pub fn quoted(&self, i: usize) -> bool {
        self.enclosing.get(i).copied().flatten().is_some()
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

    /// The first token of `sentence`, or `WINDOW` tokens before token `i` if that is later.
    pub fn window_start(&self, sentence: Span, i: usize) -> usize {
        self.t.at_or_after(sentence.start).max(i.saturating_sub(WINDOW))
    }

    /// Indices of cues starting in `span`.
    pub fn cues_in(&self, span: Span) -> std::ops::Range<usize> {
        let a = self.cues.partition_point(|c| c.span.start < span.start);
        let b = self.cues.partition_point(|c| c.span.start < span.end);
        a..b
    }

    pub fn tok_cue_start(&self, c: usize) -> usize {
        self.t.at_or_after(self.cues[c].span.start)
    }

    pub fn tok_cue_end(&self, c: usize) -> usize {
        self.t.at_or_after(self.cues[c].span.end)
    }
}
