//! Quotation extraction and speaker attribution for French news text.
//!
//! `guillemet` finds every quotation in an article — in marks or reported without them — and
//! tells who said it, which words attribute it, and where it is, as byte offsets.
//!
//! ```
//! use guillemet::{QuoteKind, extract_quotes};
//!
//! let text = "Le président russe, Vladimir Poutine, s'est exprimé jeudi. \
//!             « Nous sommes prêts à poursuivre le dialogue », a-t-il déclaré. \
//!             Selon lui, la partie américaine « maîtrise tous les sujets ».";
//! let quotes = extract_quotes(text);
//!
//! let q = &quotes[0];
//! assert_eq!(q.text, "Nous sommes prêts à poursuivre le dialogue");
//! assert_eq!(q.kind, QuoteKind::Direct);
//! assert_eq!(q.cue.unwrap().text, "a-t-il déclaré");
//! let speaker = q.speaker.as_ref().unwrap();
//! assert_eq!(speaker.text, "il"); // the mention as written…
//! assert_eq!(speaker.name, "Vladimir Poutine"); // …and who it is
//!
//! let q = &quotes[1];
//! assert_eq!((q.text, q.kind), ("maîtrise tous les sujets", QuoteKind::Partial));
//! assert_eq!(q.speaker.as_ref().unwrap().name, "Vladimir Poutine");
//! ```
//!
//! [`extract_quotes`] uses a shared default [`Extractor`]; build your own with a [`Config`] to
//! choose which kinds of quotation come back. [`sentences`] gives the French sentence splitter
//! the pipeline uses.
//!
//! # Offsets
//!
//! Every [`Span`] is a half-open range of **byte** offsets into the `&str` you passed, always on
//! `char` boundaries, so `&text[quote.span] == quote.text` never panics; the same holds for
//! speaker and cue spans. Quotations come sorted by start (an enclosing quotation before the ones
//! it holds). A quotation's span leaves out its marks and the spaces French typography puts
//! inside them; a quotation interrupted by an incise (`« Nous sommes prêts, a-t-il dit, à
//! discuter »`) is one span from its first word to its last, incise included.
//!
//! # What is a quotation
//!
//! | kind | what | example |
//! |---|---|---|
//! | [`Direct`](QuoteKind::Direct) | marks holding a whole utterance | `« Nous viendrons », a déclaré X.` |
//! | [`Partial`](QuoteKind::Partial) | marks holding a fragment of the writer's sentence | `X a jugé le projet « mal ficelé ».` |
//! | [`Indirect`](QuoteKind::Indirect) | reported speech, no marks | `X a estimé que la réforme était nécessaire.` |
//!
//! Marks read: « » (with no space, a space, U+00A0 or U+202F inside), “ ” (also “ … “ and „ “),
//! straight `"` paired by position, ‹ ›, ˝ ˝, and ‘ ’ or `' '` inside other marks. Apostrophes
//! `'` and `’` are the same everywhere. Not quotations: titles and names in marks (`l'émission
//! « Envoyé spécial »`), a word or two held at a distance with no verb of saying in the sentence
//! (`les entreprises de la « tech »` is not always caught, see below), and headings in marks that
//! nothing attributes.
//!
//! Reported speech is a verb of saying or thinking with `que` (`a estimé mardi que`, `a rappelé à
//! la presse que`), a verb of asking with `si` (`a demandé si`), an inverted cue closing its
//! sentence (`La réforme est nécessaire, a estimé le ministre.`), or a source phrase (`Selon la
//! police, …`, `…, d'après un communiqué.`). Its span runs from the first word of the reported
//! clause to the last before the sentence's final punctuation. Not reported speech: infinitive
//! complements (`a promis de réformer`), negated cues (`n'a pas dit que`), questions to the
//! reader (`croyez-vous que …?`, second person), generic `on` (`on pense que`), sources that name nobody
//! (`selon les chiffres`, `selon moi`), and clauses that hold a quotation in marks (that one is
//! reported as [`Partial`](QuoteKind::Partial) alone).
//!
//! # Cues and speakers
//!
//! A [`Cue`] is a verb of saying with its auxiliary, adverbs and inverted subject (`a déclaré`,
//! `a-t-il souligné`, `a encore précisé`, `s'est dit`, `finit par concéder`, `a émis l'espoir`) or
//! a phrase (`selon`, `d'après`, `pour`, `à en croire`, `de l'avis de`, `aux yeux de`); the verb
//! list and the phrases are data files, conjugated by rule into every tense the press uses.
//!
//! A [`Speaker`] is the mention nearest the cue, as written (`Poutine`, `le dirigeant russe`,
//! `il`), and the [`name`](Speaker::name) it resolves to: the fullest name the article gives for
//! a surname or title + surname; the name an apposition ties a description to (`le ministre,
//! Jean Dupont,`); for a definite description of a person tied to no name (`l'élu`, `la
//! syndicaliste`), the person a pronoun of its gender would point to, when that person is named
//! in full and no other such description came between; the last subject or speaker of
//! compatible gender and number for a pronoun; the last person named for `ce dernier`; the
//! antecedent for a relative `qui`. [`Resolution`] tells which way was taken, so callers can
//! filter on confidence. With no cue, the speaker is the subject before a colon (`Larcher :
//! « … »`), the subject of the sentence a fragment sits in, the interviewee of a `Nom: réponse`
//! interview, the speaker of reported speech just before, or the previous speaker for a
//! quotation standing alone.
//!
//! # Known limitations
//!
//! - Scare quotes of one or two words in a sentence that also has a verb of saying are taken as
//!   partial quotations: in `Microsoft a annoncé le licenciement de 1.900 personnes dans sa
//!   division « jeux »`, `jeux` comes back, attributed to Microsoft.
//! - A pronoun that refers forward (`Il était au troisième étage … Un policier témoigne`) or to
//!   a non-subject (`elle a partagé le dîner avec l'acteur… il lui disait`) is resolved to the
//!   last subject, which may be wrong; an unresolved pronoun comes back as written.
//! - A clause reported over several sentences, or cut by `alors que` inside a quotation, is
//!   taken up to the sentence's end.
//! - A mark still open at a blank line, with no mark reopening the next paragraph, is dropped
//!   rather than allowed to swallow text (a single line break inside a quotation is fine).
//! - Names are found by their capitals: a speaker named in a script without capitals
//!   (`a déclaré محمد علي`, `李明`) is not found.
//! - Verbs added with [`Extractor::with_cue_verbs`] find quotations but do not change where
//!   names and descriptions end, which relies on the built-in list.
//!
//! # Crate features
//!
//! | feature | default | what |
//! |---|---|---|
//! | `serde` | off | `Serialize` on every output type ([`Quote`], [`Span`], [`Speaker`], [`Cue`], [`QuoteKind`], [`Marks`], [`Resolution`]); kinds serialise as `"direct"`, `"partial"`, `"indirect"`. |
//!
//! # JSON
//!
//! With the `serde` feature, a [`Quote`] serialises as the `extract --json` example prints it:
//!
//! ```text
//! {"start": 3, "end": 17, "text": "Nous viendrons", "kind": "direct", "marks": "guillemets",
//!  "speaker": {"start": 34, "end": 44, "text": "Anne Petit", "name": "Anne Petit",
//!              "resolution": "named"} | null,
//!  "cue": {"start": 22, "end": 33, "text": "a déclaré"} | null}
//! ```
//!
//! `kind` is `direct`, `partial` or `indirect`; `marks` is [`Marks::as_str`] or `null`;
//! `resolution` is [`Resolution::as_str`]. An [`Analysis`] adds `"entities": [{"name",
//! "mentions", "quotes"}]`, `quotes` being indices into its quote list. These names are part
//! of the crate's stable API.
//!
//! # Performance
//!
//! Each stage reads the text once, in time linear in it; lexicons are compiled once per
//! process, each word is looked up once, and the tokenizer notes on its way the bytes the
//! marks' pairing and the sentence splitter stop at. Measured with `cargo bench`
//! (`benches/pipeline.rs`, criterion) on one core of a 2-core cloud machine, over the
//! development corpus's 27 articles (66 kB):
//!
//! | what | throughput |
//! |---|---|
//! | end to end ([`extract_quotes`]) | 71 MB/s |
//! | tokens with their word classes, then cues | 208 MB/s |
//! | quotations, speakers and names | 153 MB/s |
//! | unicode-segmentation's sentence iterator, for scale | 56 MB/s |
//! | end to end on one article read again and again | 125 MB/s |
//!
//! An archive's articles are all new to the processor, which cannot learn their branches or
//! keep their words' table slots in cache as it does for one text read again and again: the
//! first figure is the one an archive sees, and a benchmark repeating one text overstates it
//! by more than half. One document of 10 MB runs at 59 MB/s (92 % of a 100 kB one), 104 MB/s on
//! two cores with [`Extractor::extract_parallel`]. A text over 1 MiB is read a block at a time
//! (cut at a line break outside quotations), so working memory is that of a block (11 to
//! 16 MB) however long the text; a name or pronoun in one block does not reach back
//! into an earlier one. Many documents: give each thread its own and call
//! [`Extractor::extract`] (each thread keeps its last text's buffers for the next); the
//! `extract` example does so (`--jobs`).
//!
//! # Untrusted input
//!
//! Any `&str` gives a result: text never errors and never panics. Every rule looks a bounded
//! distance around its position, lexicon look-ups are hash probes, and nesting deeper than 32
//! marks is ignored, so time is linear in the input; memory is that of one block of text (a
//! megabyte) plus the output. The test suite runs pathological inputs (200,000 spaces after a
//! period, 100,000 unmatched or nested marks, long paragraphs, control characters, mixed
//! scripts) and property tests over arbitrary strings checking that every span is in bounds,
//! on char boundaries and equal to its text, that sentences tile the input, that a quotation is
//! never its own speaker, and that text appended after a paragraph break changes nothing before
//! it. A fuzz target (`fuzz/`, cargo-fuzz) checks the same invariants; every crash it found is a
//! regression test.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

mod attribute;
mod block;
mod conjugate;
mod cue;
mod dialogue;
mod document;
mod entity;
mod error;
mod extractor;
mod indirect;
mod lexicon;
mod mention;
mod pool;
mod quote;
mod resolve;
mod scan;
mod sentence;
mod span;
mod speaker;
mod token;

use std::sync::LazyLock;

pub use entity::{Analysis, Entity};
pub use error::Error;
pub use extractor::{Config, Extractor};
pub use quote::{Cue, Marks, Quote, QuoteKind, Resolution, Speaker};
pub use span::Span;

static DEFAULT: LazyLock<Extractor> = LazyLock::new(Extractor::new);

/// Every quotation in `text`, in document order, with its speaker and cue.
pub fn extract_quotes(text: &str) -> Vec<Quote<'_>> {
    DEFAULT.extract(text)
}

/// The quotations of `text` and the table of who is quoted, with the shared default
/// [`Extractor`]. See [`Analysis`] and [`Entity`].
pub fn analyze(text: &str) -> Analysis<'_> {
    DEFAULT.analyze(text)
}

/// The sentences of `text`, as spans that tile it exactly. Quotations are never split.
pub fn sentences(text: &str) -> Vec<Span> {
    let stops = scan::Stops::of(text);
    let protected = scan::protected(&scan::scan_at(text, &stops));
    let mut spans = sentence::split_at(text, &protected, &stops);
    // The vector came from the thread's pool: the caller gets no more room than it needs.
    spans.shrink_to_fit();
    spans
}

/// The pipeline's stages one by one, for the benchmarks in `benches/` (not a public API: it
/// may change in any release).
#[doc(hidden)]
pub mod __stages {
    /// Pairs of quotation marks found: the bytes where a mark may be found (which the pipeline
    /// has the tokenizer note as it reads, see `Tokens::stops`), then the pairing.
    pub fn scan(text: &str) -> usize {
        crate::scan::scan_at(text, &crate::scan::Stops::of(text)).len()
    }

    /// Words and punctuation, with their word classes (and what the cue index knows of each
    /// word) looked up.
    pub fn tokens(text: &str) -> usize {
        crate::token::Tokens::new(text).len()
    }

    /// What [`tokens`] read, kept for the stage that takes it.
    pub struct Words<'h>(crate::token::Tokens<'h>);

    /// Read the words, as [`tokens`] does.
    pub fn words(text: &str) -> Words<'_> {
        Words(crate::token::Tokens::new(text))
    }

    /// Sentences, with no quotation protected: the bytes where a sentence may end (which the
    /// pipeline has the tokenizer note as it reads), then the splitter.
    pub fn sentences(text: &str) -> usize {
        crate::sentence::split_at(text, &[], &crate::scan::Stops::of(text)).len()
    }

    /// Pairs of quotation marks, on words already read (at the stops the tokenizer noted).
    pub fn marks(words: &Words<'_>) -> usize {
        crate::scan::scan_at(words.0.text, words.0.stops()).len()
    }

    /// The marks' pairing, then the sentences with the quotations protected, on words already
    /// read (at the stops the tokenizer noted), as the pipeline runs them.
    pub fn marks_and_sentences(words: &Words<'_>) -> usize {
        let (text, stops) = (words.0.text, words.0.stops());
        let protected = crate::scan::protected(&crate::scan::scan_at(text, stops));
        let sentences = crate::sentence::split_at(text, &protected, stops).len();
        crate::pool::give(protected);
        sentences
    }

    /// Cue candidates, on words already read (the cue finder reads its words from them).
    pub fn cues(words: &Words<'_>) -> usize {
        crate::cue::find_cues_in(&words.0, None).len()
    }

    /// Words and cue candidates, as the pipeline reads them: [`tokens`] then [`cues`].
    pub fn tokens_and_cues(text: &str) -> usize {
        crate::cue::find_cues_in(&crate::token::Tokens::new(text), None).len()
    }

    /// What the reading stages (tokens, marks, sentences, cues) found in a text.
    pub struct Read<'h>(crate::extractor::Read<'h>);

    /// Run the reading stages.
    pub fn read(text: &str) -> Read<'_> {
        Read(crate::Extractor::new().read(text))
    }

    /// The deciding stages on what was read: which marks are quotations, reported speech,
    /// cues, speakers and their resolution. Returns the number of quotes with a speaker.
    pub fn speakers(read: &Read<'_>) -> usize {
        let quotes = crate::Extractor::new().attribute(&read.0);
        quotes.iter().filter(|q| q.speaker.is_some()).count()
    }
}
