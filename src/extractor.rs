//! The pipeline: scan → sentence → cue → mention → attribute → resolve.

use crate::attribute::{Covered, Via, attribute};
use crate::block::{BLOCK, blocks};
use std::sync::Arc;

use crate::cue::{self, CueMatch, find_cues_in};
use crate::document::Document;
use crate::entity::{Analysis, entities};
use crate::error::Error;
use crate::indirect::indirect;
use crate::pool;
use crate::quote::{Cue, Quote, QuoteKind, Resolution, Speaker};
use crate::resolve::{Resolver, may_look_back};
use crate::scan::{MarkPair, protected, scan_at};
use crate::sentence;
use crate::span::Span;
use crate::token::Tokens;

/// What the reading stages found in one block of text, for the deciding ones.
pub(crate) struct Read<'h> {
    text: &'h str,
    tokens: Tokens<'h>,
    pairs: Vec<MarkPair>,
    sentences: Vec<Span>,
    cues: Vec<CueMatch>,
}

/// The vectors go back to the thread's pool for the next text.
impl Drop for Read<'_> {
    fn drop(&mut self) {
        pool::give_from(&mut self.pairs);
        pool::give_from(&mut self.sentences);
        pool::give_from(&mut self.cues);
    }
}

/// Which kinds of quotation an [`Extractor`] returns, and other options.
///
/// ```
/// use guillemet::{Config, Extractor, QuoteKind};
/// let only_direct = Extractor::with_config(Config::default().partial(false).indirect(false));
/// let quotes = only_direct.extract("« Nous viendrons », a déclaré Jean Dupont.");
/// assert!(quotes.iter().all(|q| q.kind == QuoteKind::Direct));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    direct: bool,
    partial: bool,
    indirect: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config { direct: true, partial: true, indirect: true }
    }
}

impl Config {
    /// Return direct quotations (whole utterances in marks). On by default.
    pub fn direct(mut self, yes: bool) -> Config {
        self.direct = yes;
        self
    }

    /// Return partial quotations (fragments in marks). On by default.
    pub fn partial(mut self, yes: bool) -> Config {
        self.partial = yes;
        self
    }

    /// Return reported speech without marks. On by default.
    pub fn indirect(mut self, yes: bool) -> Config {
        self.indirect = yes;
        self
    }

    fn wants(&self, kind: QuoteKind) -> bool {
        // (Read from a table, with no branch on the kind: kinds come in no order.)
        let wanted = [self.direct, self.partial, self.indirect];
        debug_assert_eq!(wanted[QuoteKind::Indirect as usize], self.indirect);
        wanted[kind as usize]
    }
}

/// A reusable quotation extractor. Cheap to share: `Extractor` is `Send + Sync`, and the
/// lexicons it reads are built once per process.
///
/// ```
/// let extractor = guillemet::Extractor::new();
/// let text = "« Nous sommes prêts », a déclaré Vladimir Poutine.";
/// let quotes = extractor.extract(text);
/// assert_eq!(quotes[0].text, "Nous sommes prêts");
/// assert_eq!(quotes[0].speaker.as_ref().unwrap().name, "Vladimir Poutine");
/// ```
#[derive(Clone, Default)]
pub struct Extractor {
    config: Config,
    /// The cue lexicon, when the caller added verbs to the built-in one.
    cues: Option<Arc<cue::Lexicon>>,
}

impl std::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor")
            .field("config", &self.config)
            .field("custom_cue_verbs", &self.cues.is_some())
            .finish()
    }
}

impl Extractor {
    /// An extractor returning every kind of quotation.
    pub fn new() -> Extractor {
        Extractor::default()
    }

    /// An extractor with the given options.
    pub fn with_config(config: Config) -> Extractor {
        Extractor { config, cues: None }
    }

    /// This extractor with more verbs of saying, one lemma a line, in the format of the
    /// built-in list: `grommeler`, `se lamenter`, `mettre en doute` (the first word is
    /// conjugated, the rest follows as written), `@model` for irregular verbs that conjugate like
    /// a built-in model (`chantonner` needs none; `contredire @dire`), `#` comments. Every tense and
    /// person is generated from the lemma.
    ///
    /// Returns an [`Error`] naming the line and the entry when an entry cannot be conjugated
    /// or is not a word. The new verbs find quotations; they do not change how names and
    /// descriptions are delimited, which relies on the built-in list.
    ///
    /// ```
    /// let text = "« Nous verrons », a chantonné Anne Petit.";
    /// assert!(guillemet::extract_quotes(text)[0].cue.is_none());
    /// let extractor = guillemet::Extractor::new().with_cue_verbs("chantonner").unwrap();
    /// let quotes = extractor.extract(text);
    /// assert_eq!(quotes[0].cue.unwrap().text, "a chantonné");
    /// assert_eq!(quotes[0].speaker.as_ref().unwrap().name, "Anne Petit");
    /// ```
    pub fn with_cue_verbs(self, list: &str) -> Result<Extractor, Error> {
        let lex = cue::Lexicon::with_verbs(list)
            .map_err(|b| Error::bad_verb(b.line, b.entry, b.reason))?;
        Ok(Extractor { cues: Some(Arc::new(lex)), ..self })
    }

    /// The quotations of `text` and the table of who is quoted.
    pub fn analyze<'h>(&self, text: &'h str) -> Analysis<'h> {
        let quotes = self.extract(text);
        let entities = entities(&quotes);
        Analysis { quotes, entities }
    }

    /// Every quotation in `text`, in document order.
    pub fn extract<'h>(&self, text: &'h str) -> Vec<Quote<'h>> {
        if text.len() <= BLOCK {
            return self.extract_block(text);
        }
        blocks(text).into_iter().flat_map(|block| self.extract_in(text, block)).collect()
    }

    /// [`Extractor::extract`] on up to `threads` threads, with the same result.
    ///
    /// A text longer than a megabyte is read in blocks (cut at line breaks outside
    /// quotations) that do not depend on each other, so they can be read at once; a shorter
    /// text is one block and is read on the calling thread. To process many documents, give
    /// each thread its own documents and call [`Extractor::extract`] instead.
    ///
    /// ```
    /// let text = "« Nous sommes prêts », a déclaré Vladimir Poutine.\n".repeat(40_000);
    /// let extractor = guillemet::Extractor::new();
    /// let quotes = extractor.extract_parallel(&text, 4);
    /// assert_eq!(quotes.len(), 40_000);
    /// assert_eq!(quotes, extractor.extract(&text));
    /// ```
    pub fn extract_parallel<'h>(&self, text: &'h str, threads: usize) -> Vec<Quote<'h>> {
        if threads <= 1 || text.len() <= BLOCK {
            return self.extract(text);
        }
        let blocks = blocks(text);
        let next = std::sync::atomic::AtomicUsize::new(0);
        // Each thread takes the next block not yet taken, and keeps its results by block.
        let mut done: Vec<(usize, Vec<Quote<'h>>)> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads.min(blocks.len()))
                .map(|_| {
                    scope.spawn(|| {
                        let mut mine = Vec::new();
                        loop {
                            let b = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let Some(&block) = blocks.get(b) else { break };
                            mine.push((b, self.extract_in(text, block)));
                        }
                        mine
                    })
                })
                .collect();
            workers
                .into_iter()
                .flat_map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
                .collect()
        });
        done.sort_unstable_by_key(|&(b, _)| b);
        done.into_iter().flat_map(|(_, quotes)| quotes).collect()
    }

    /// The quotations of one block of `text`, with offsets into `text`.
    fn extract_in<'h>(&self, text: &'h str, block: Span) -> Vec<Quote<'h>> {
        let found = self.extract_block(&text[block]);
        found.into_iter().map(|q| q.shifted(block.start)).collect()
    }

    /// Every quotation in one block of text (all of it, when it is not long).
    fn extract_block<'h>(&self, text: &'h str) -> Vec<Quote<'h>> {
        self.attribute(&self.read(text))
    }

    /// The stages that read the text: tokens, marks, sentences, cues.
    pub(crate) fn read<'h>(&self, text: &'h str) -> Read<'h> {
        // One reading of the words serves both: the cue finder takes the tokens, their normal
        // forms and (with the built-in lexicon) what the cue index knows of each word.
        let tokens = Tokens::new(text);
        let cues = find_cues_in(&tokens, self.cues.as_deref());
        let stops = tokens.stops();
        let pairs = scan_at(text, stops);
        let protected = protected(&pairs);
        let sentences = sentence::split_at(text, &protected, stops);
        pool::give(protected);
        Read { text, tokens, pairs, sentences, cues }
    }

    /// The stages that decide: which marks hold quotations, reported speech, who speaks
    /// (cue, mention, resolution).
    pub(crate) fn attribute<'h>(&self, read: &Read<'h>) -> Vec<Quote<'h>> {
        let Read { text, tokens, pairs, sentences, cues } = read;
        let text: &'h str = text;
        let doc = Document::new(text, tokens, pairs, sentences, cues);
        let mut found = attribute(&doc);
        // Reported speech is found even when it is not wanted: it takes part in resolution
        // (speakers become antecedents, its words are no antecedent), so that the speakers of
        // the quotes returned do not depend on which kinds are asked for.
        let reported = indirect(&doc, &found);
        found.extend(reported);
        found.sort_by_key(|a| (a.span.start, std::cmp::Reverse(a.span.end)));
        // What a quotation says is no antecedent (`Selon X, le feu a pris. « … », dit-il`).
        let quoted = Covered::new(&found);
        // Only a speaker that looks back (a pronoun, a demonstrative, a description of a person) is resolved from the
        // subjects before it: those of sentences from the last one on are never asked for, and
        // a text without one needs none.
        let last_pronoun = found
            .iter()
            .filter_map(|a| a.speaker)
            .filter(|m| may_look_back(tokens, m))
            .map(|m| m.span.start)
            .max();
        let asked = last_pronoun.map_or(0, |at| sentences.partition_point(|s| s.start < at));
        // A text none of whose quotations has a speaker (many news articles) needs no index of
        // its names.
        let anyone_speaks = found.iter().any(|a| a.speaker.is_some());
        let mut resolver = anyone_speaks.then(|| Resolver::new(&doc, &quoted, asked));
        let mut quotes = Vec::with_capacity(found.len());
        for a in found {
            let speaker = a.speaker.zip(resolver.as_mut()).map(|(m, resolver)| {
                let r = resolver.resolve(&m, a.span);
                Speaker {
                    span: m.span,
                    text: &text[m.span],
                    name: r.name,
                    resolution: match a.via {
                        Via::Continuation | Via::Enclosing => Resolution::Context,
                        _ => r.how,
                    },
                }
            });
            if !self.config.wants(a.kind) {
                continue;
            }
            quotes.push(Quote {
                span: a.span,
                text: &text[a.span],
                kind: a.kind,
                marks: a.marks,
                speaker,
                cue: a.cue.map(|c| Cue { span: cues[c].span, text: &text[cues[c].span] }),
            });
        }
        // `found` is in text order (enclosing quotations first), and so are the quotes.
        quotes
    }
}
