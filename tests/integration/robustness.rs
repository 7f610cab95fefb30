//! Robustness: invariants that hold for any text (proptest, over arbitrary strings and over
//! generated French news text), pathological inputs that must finish, odd characters that must
//! give sane results, and regression tests for what fuzzing (`fuzz/`) and these tests found.
//!
//! The invariants, for every `text`:
//! - no panic; `extract_quotes` and `Extractor::new().extract` agree;
//! - every span (quote, speaker, cue) is in bounds and on char boundaries, and `&text[span]` is
//!   the text reported with it; a quote is never empty; quotes are ordered by start;
//! - a cue never straddles the edge of its quote: it lies outside the quote or wholly inside it
//!   (an incise, `« A, a-t-il dit, B »`); neither a cue nor a speaker ever contains its quote;
//! - a speaker overlaps its quote only in an incise: the cue is inside the quote and so is the
//!   speaker (`il` of `a-t-il dit`, or `Jean Dupont` of `« A, a affirmé Jean Dupont, B »`);
//! - the sentences tile the text exactly, in order, none empty;
//! - appending "\n\n" and a paragraph does not change the quotes that end before the break
//!   (span, kind, speaker, cue), given that the new paragraph does not open with a quotation
//!   mark (that continues a quotation left open, by design) and comparing speakers only when it
//!   has no capital letter (names are gathered over the whole document: `Dupont` resolves to
//!   `Jean Dupont` if a later paragraph says so, by design; and a later `M.` makes the `M` of
//!   `M ˝aa˝` a name, and the speaker of `aa`).
//!
//! One known issue is let through by the append property so that it keeps finding new ones:
//! quotes on the last line of a text ([`quote_on_the_last_line_is_dropped_once_text_follows`]).
//! Failures on current src are `#[ignore]`d regression tests at the end (`cargo test --
//! --ignored` runs them); a few found earlier and since fixed in src are kept as plain tests.
//!
//! Pathological inputs run on a thread with a hang guard: a regression fails the test instead
//! of hanging the suite. The guard is not a timing assertion; it is generous for debug builds.

use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use guillemet::{Extractor, Marks, Quote, QuoteKind, Span};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::Config as ProptestConfig;

// ---------------------------------------------------------------------------------------------
// Invariants
// ---------------------------------------------------------------------------------------------

/// A text for a failure message, cut short when long (pathological inputs run to megabytes).
struct Snip<'a>(&'a str);

impl std::fmt::Debug for Snip<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const MAX: usize = 400;
        if self.0.len() <= MAX {
            return write!(f, "{:?}", self.0);
        }
        let mut end = MAX;
        while !self.0.is_char_boundary(end) {
            end -= 1;
        }
        write!(f, "{:?}… ({} bytes)", &self.0[..end], self.0.len())
    }
}

/// Checks every invariant on `text` but the append one, and returns the quotes.
#[track_caller]
fn check_invariants(text: &str) -> Vec<Quote<'_>> {
    let t = Snip(text);
    let quotes = guillemet::extract_quotes(text);
    assert_eq!(quotes, Extractor::new().extract(text), "default extractor differs on {t:?}");
    check_quotes(text, &quotes);
    check_sentences(text);
    quotes
}

#[track_caller]
fn check_span(text: &str, span: Span, reported: &str, what: &str) {
    let t = Snip(text);
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} out of bounds ({} bytes) in {t:?}",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on char boundaries in {t:?}"
    );
    assert_eq!(&text[span], reported, "{what} text is not &text[span] in {t:?}");
}

#[track_caller]
fn check_quotes(text: &str, quotes: &[Quote<'_>]) {
    let t = Snip(text);
    for q in quotes {
        check_span(text, q.span, q.text, "quote");
        let parts = (q.span, Snip(q.text), q.cue, &q.speaker);
        assert!(!q.span.is_empty(), "empty quote {parts:?} in {t:?}");
        let cue_inside = q.cue.is_some_and(|c| q.span.contains(c.span));
        if let Some(c) = q.cue {
            check_span(text, c.span, c.text, "cue");
            assert!(
                !c.span.overlaps(q.span) || cue_inside,
                "cue straddles the edge of its quote: {parts:?} in {t:?}"
            );
        }
        if let Some(s) = &q.speaker {
            check_span(text, s.span, s.text, "speaker");
            assert!(!s.name.is_empty(), "empty speaker name: {parts:?} in {t:?}");
            assert!(
                !s.span.overlaps(q.span) || (cue_inside && q.span.contains(s.span)),
                "speaker overlaps its quote outside an incise: {parts:?} in {t:?}"
            );
        }
    }
    for w in quotes.windows(2) {
        assert!(
            w[0].span.start <= w[1].span.start,
            "quotes out of order: {:?} before {:?} in {t:?}",
            w[0].span,
            w[1].span
        );
    }
}

#[track_caller]
fn check_sentences(text: &str) {
    let t = Snip(text);
    let mut at = 0;
    for s in guillemet::sentences(text) {
        assert_eq!(s.start, at, "sentences leave a gap or overlap at byte {at} in {t:?}");
        assert!(s.start < s.end && s.end <= text.len(), "bad sentence {s:?} in {t:?}");
        assert!(text.is_char_boundary(s.end), "sentence {s:?} off a char boundary in {t:?}");
        at = s.end;
    }
    assert_eq!(at, text.len(), "sentences stop at byte {at} of {t:?}");
}

/// What the append invariant compares: span, kind, cue, and the speaker (mention and name) when
/// `speakers`.
type Summary = (Span, QuoteKind, Option<Span>, Option<(Span, String)>);

fn summary(q: &Quote<'_>, speakers: bool) -> Summary {
    let speaker = q.speaker.as_ref().filter(|_| speakers).map(|s| (s.span, s.name.to_owned()));
    (q.span, q.kind, q.cue.map(|c| c.span), speaker)
}

/// Where the last line holding a letter or a digit starts (the text's length if none does).
fn last_text_line(text: &str) -> usize {
    let Some((i, _)) = text.char_indices().rev().find(|(_, c)| c.is_alphanumeric()) else {
        return text.len();
    };
    text[..i].rfind(['\n', '\r']).map_or(0, |j| j + 1)
}

/// Whether `more` writes with a capital a word that `doc` also holds (in any case).
fn capitalizes_a_word_of(doc: &str, more: &str) -> bool {
    let words = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let in_doc: std::collections::HashSet<String> =
        words(doc).iter().map(|w| w.to_lowercase()).collect();
    words(more)
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .any(|w| in_doc.contains(&w.to_lowercase()))
}

/// Extraction of `doc` equals that of `doc + "\n\n" + more` for the quotes that end before the
/// break. `more` must not open with a quotation mark. With `strict` false, quotes on the last
/// line of `doc` are left out (the known issue of
/// [`quote_on_the_last_line_is_dropped_once_text_follows`]).
#[track_caller]
fn check_append(doc: &str, more: &str, strict: bool) {
    // Names are gathered over the whole document: a later paragraph that names somebody can
    // make an earlier capitalized word a name, and so a speaker, or lengthen a resolved name.
    let names = !more.chars().any(char::is_uppercase);
    let longer = format!("{doc}\n\n{more}");
    let before = check_invariants(doc);
    let after = check_invariants(&longer);
    let last = if strict { usize::MAX } else { last_text_line(doc) };
    let before: Vec<_> =
        before.iter().filter(|q| q.span.end <= last).map(|q| summary(q, names)).collect();
    let after: Vec<_> = after
        .iter()
        .filter(|q| q.span.end <= doc.len() && q.span.end <= last)
        .map(|q| summary(q, names))
        .collect();
    assert_eq!(before, after, "appending \"\\n\\n{more}\" changed the quotes of {doc:?}");
}

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

/// Longest generated text, in bytes.
const MAX_LEN: usize = 2048;

fn truncate(mut s: String, max: usize) -> String {
    if s.len() > max {
        let mut end = max;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
    }
    s
}

/// Characters French news text is made of, marks and odd spaces included, weighted towards
/// the ones the extractor reacts to.
fn french_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => select(&[
            'a', 'e', 'i', 'l', 'n', 'o', 'r', 's', 't', 'u', 'D', 'J', 'M', 'P', 'é', 'è', 'ê',
            'à', 'ç', 'É', ' ', ' ', ' ', ' ',
        ][..]),
        4 => select(&[
            '«', '»', '“', '”', '„', '"', '‹', '›', '˝', '\'', '’', '‘', '\u{a0}', '\u{202f}',
            '\u{2009}', '.', ',', ':', ';', '?', '!', '…', '-', '–', '—', '(', ')', '\n', '\r',
            '\t', '\u{feff}', '\u{200b}', '\u{ad}', '\u{301}', '\0',
        ][..]),
        1 => any::<char>(),
    ]
}

/// Any string: arbitrary Unicode, or a soup of the characters French text is made of.
fn arbitrary_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "(?s).{0,400}",
        prop::collection::vec(french_char(), 0..700).prop_map(String::from_iter),
    ]
    .prop_map(|s| truncate(s, MAX_LEN))
}

const NAMES: &[&str] = &[
    "Jean Dupont",
    "Marie-Claire Durand",
    "M. Dupont",
    "Mme Curie",
    "Dupont",
    "Vladimir Poutine",
    "Poutine",
    "le ministre",
    "la présidente de la région",
    "le porte-parole du gouvernement",
    "Владимир Путин",
    "Jean\u{a0}Dupont",
    "Dr Martin",
];
const PRONOUNS: &[&str] = &["il", "elle", "ils", "elles"];
const CUES_BEFORE: &[&str] = &[
    "a déclaré",
    "a dit",
    "affirme",
    "a estimé",
    "a expliqué",
    "s'est félicité",
    "s’est indignée",
    "avait prévenu",
    "déclarera",
];
const CUES_AFTER: &[&str] = &[
    "a déclaré",
    "a dit",
    "a ajouté",
    "estime",
    "affirme",
    "a expliqué",
    "a assuré",
    "a\u{a0}déclaré",
    "explique vendredi",
];
const INVERTED: &[&str] =
    &["a-t-il dit", "a-t-elle ajouté", "affirme-t-il", "dit-elle", "estime-t-il", "a-t-il"];
const WORDS: &[&str] = &[
    "nous",
    "sommes",
    "prêts",
    "tout",
    "va",
    "bien",
    "la",
    "réforme",
    "était",
    "nécessaire",
    "on",
    "verra",
    "l’État",
    "aujourd'hui",
    "c'est",
    "le",
    "pays",
    "3,5",
    "%",
    "n°",
    "1er",
    "M.",
    "etc.",
    "—",
    "-",
    "–",
    "(",
    ")",
    "Oui",
    "Non",
    "Paris",
    "Nous",
    "Il",
    "faut",
    "que",
    "qu'il",
    "ne",
    "pas",
];
/// Opening and closing marks, with the spaces French typography puts inside.
const MARKS: &[(&str, &str)] = &[
    ("« ", " »"),
    ("«\u{a0}", "\u{a0}»"),
    ("«\u{202f}", "\u{202f}»"),
    ("«", "»"),
    ("“", "”"),
    ("„", "“"),
    ("\"", "\""),
    ("‹ ", " ›"),
    ("˝", "˝"),
    ("'", "'"),
    ("‘", "’"),
    ("« ", "”"),
    ("« ", ""),
    ("", " »"),
];
const ENDS: &[&str] = &[".", ".", "!", "?", "…", "", " :"];
const BREAKS: &[&str] = &[" ", " ", " ", "\n", "\r\n", "\n\n", "\r\n\r\n", "\r", "\r\r", "\n \n"];

fn words(range: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    (prop::collection::vec(select(WORDS), range), select(ENDS))
        .prop_map(|(w, end)| format!("{}{end}", w.join(" ")))
}

/// One sentence of French news text with a quotation, attributed in one of the usual ways, or
/// a plain sentence, or a soup of fragments.
fn french_sentence() -> impl Strategy<Value = String> {
    let marks = select(MARKS);
    let name = prop_oneof![3 => select(NAMES), 1 => select(PRONOUNS)];
    prop_oneof![
        // « Q », a déclaré X.
        (marks.clone(), words(1..8), select(CUES_AFTER), name.clone())
            .prop_map(|((o, c), q, cue, n)| format!("{o}{q}{c}, {cue} {n}.")),
        // X a déclaré : « Q »
        (name.clone(), select(CUES_BEFORE), marks.clone(), words(1..8))
            .prop_map(|(n, cue, (o, c), q)| format!("{n} {cue} : {o}{q}{c}")),
        // « A, a-t-il dit, B »
        (marks.clone(), words(1..5), select(INVERTED), words(1..5))
            .prop_map(|((o, c), a, cue, b)| format!("{o}{a}, {cue}, {b}{c}")),
        // « A, a affirmé X, B »
        (marks.clone(), words(1..5), select(CUES_AFTER), select(NAMES), words(1..5))
            .prop_map(|((o, c), a, cue, n, b)| format!("{o}{a}, {cue} {n}, {b}{c}")),
        // Selon X, « Q ».
        (
            prop_oneof![Just("Selon"), Just("selon"), Just("D'après"), Just("À en croire")],
            name.clone(),
            marks.clone(),
            words(1..6)
        )
            .prop_map(|(s, n, (o, c), q)| format!("{s} {n}, {o}{q}{c}.")),
        // X estime que Q.
        (name.clone(), select(CUES_BEFORE), words(2..8))
            .prop_map(|(n, cue, q)| format!("{n} {cue} que {q}")),
        // Nested: « A “B”, a-t-il dit »
        (marks.clone(), marks, words(1..4), words(1..4), select(INVERTED))
            .prop_map(|((o1, c1), (o2, c2), a, b, cue)| format!("{o1}{a} {o2}{b}{c2}, {cue}{c1}")),
        // A dialogue line.
        (words(1..6), select(INVERTED)).prop_map(|(q, cue)| format!("— {q}, {cue}.")),
        words(1..12),
        prop::collection::vec(french_char(), 0..40).prop_map(String::from_iter),
    ]
}

/// A French-like document: sentences joined by spaces, line and paragraph breaks (CRLF and
/// lone CR included).
fn french_text() -> impl Strategy<Value = String> {
    prop::collection::vec((french_sentence(), select(BREAKS)), 0..16).prop_map(|parts| {
        let mut s = String::new();
        for (sentence, brk) in parts {
            s.push_str(&sentence);
            s.push_str(brk);
        }
        truncate(s, MAX_LEN)
    })
}

fn config() -> ProptestConfig {
    // No regression files written into the source tree: failures found here become plain
    // regression tests below.
    ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn invariants_hold_on_any_string(text in arbitrary_text()) {
        check_invariants(&text);
    }

    #[test]
    fn invariants_hold_on_french_like_text(text in french_text()) {
        check_invariants(&text);
    }

    #[test]
    fn appending_a_paragraph_keeps_the_quotes_before_it(
        doc in french_text(),
        more in french_text(),
        lowercase in any::<bool>(),
    ) {
        // The new paragraph must not open with a mark (that continues an open quotation); with
        // `lowercase` it names nobody, so speaker names are compared too.
        let more = format!("Puis {more}");
        let more = if lowercase { more.to_lowercase() } else { more };
        // Whether a capitalised word opening a line is a name is read over the whole document
        // (`— M.., a-t-il dit.` names somebody if `M.` is written elsewhere inside a sentence),
        // so a paragraph that capitalises a word of the text may change what comes before.
        if !capitalizes_a_word_of(&doc, &more) {
            check_append(&doc, &more, false);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Pathological inputs
// ---------------------------------------------------------------------------------------------

/// Generous bound for a debug build on two cores; only a hang or a quadratic blow-up reaches it.
const HANG_GUARD: Duration = Duration::from_secs(20);

/// The quotes as owned values, to send from the guarded thread.
#[derive(Clone, PartialEq, Eq)]
struct Found {
    span: Span,
    kind: QuoteKind,
    marks: Option<Marks>,
    text: String,
    speaker: Option<String>,
    cue: Option<String>,
}

impl std::fmt::Debug for Found {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Found")
            .field("span", &self.span)
            .field("kind", &self.kind)
            .field("marks", &self.marks)
            .field("text", &Snip(&self.text))
            .field("speaker", &self.speaker)
            .field("cue", &self.cue)
            .finish()
    }
}

/// Runs extraction (with every invariant but the append one) on `text` on a thread, and fails
/// if it panics or does not finish within [`HANG_GUARD`]. Prints the time taken.
#[track_caller]
fn finishes(what: &str, text: String) -> Vec<Found> {
    let (tx, rx) = mpsc::channel();
    let start = Instant::now();
    let len = text.len();
    thread::Builder::new()
        .name(what.to_owned())
        .spawn(move || {
            let found = check_invariants(&text)
                .iter()
                .map(|q| Found {
                    span: q.span,
                    kind: q.kind,
                    marks: q.marks,
                    text: q.text.to_owned(),
                    speaker: q.speaker.as_ref().map(|s| s.name.to_owned()),
                    cue: q.cue.map(|c| c.text.to_owned()),
                })
                .collect::<Vec<_>>();
            let _ = tx.send(found);
        })
        .expect("spawn a thread");
    match rx.recv_timeout(HANG_GUARD) {
        Ok(found) => {
            eprintln!("{what}: {len} bytes in {:.2?}", start.elapsed());
            found
        }
        // The thread is left running; the test fails now instead of hanging the suite.
        Err(RecvTimeoutError::Timeout) => {
            panic!("{what} ({len} bytes) did not finish within {HANG_GUARD:?}")
        }
        Err(RecvTimeoutError::Disconnected) => panic!("{what} ({len} bytes) panicked"),
    }
}

/// A clear, attributed quotation to plant among pathological text.
/// It opens with words, not a mark: a paragraph that opens with a mark continues a quotation
/// left open at the end of the one before (the French way of quoting over paragraphs).
const CLEAR: &str = "Hier, « Nous sommes prêts », a déclaré Jean Dupont.";

#[track_caller]
fn assert_clear_quote_found(found: &[Found]) {
    assert!(
        found.iter().any(|f| f.text == "Nous sommes prêts"
            && f.speaker.as_deref() == Some("Jean Dupont")
            && f.cue.as_deref() == Some("a déclaré")),
        "the clear quote was not found with its speaker and cue: {found:?}"
    );
}

#[test]
fn period_then_200k_spaces() {
    for space in [" ", "\u{a0}", "\u{202f}", "\t"] {
        let text = format!("Il est parti.{}{CLEAR}", space.repeat(200_000));
        let found = finishes(&format!("period + 200,000 × {space:?}"), text);
        assert_clear_quote_found(&found);
        assert_eq!(found.len(), 1, "{found:?}");
    }
}

#[test]
fn unmatched_guillemets_100k() {
    for (what, junk) in [("«", "«"), ("»", "»"), ("« ", "« "), ("» ", "» "), ("\"", "\"")] {
        let found = finishes(&format!("100,000 × {what:?}"), junk.repeat(100_000));
        assert!(found.is_empty(), "quotes found in unmatched marks: {:?}", &found[..1]);
        // A clear quotation after them, in its own paragraph, is still found.
        let text = format!("{}\n\n{CLEAR}", junk.repeat(100_000));
        assert_clear_quote_found(&finishes(&format!("100,000 × {what:?} then a quote"), text));
    }
}

#[test]
fn nesting_100k_deep() {
    // Only openers, never closed.
    let found = finishes("100,000 nested openers « “ ‹", "« “ ‹ ".repeat(33_334));
    assert!(found.is_empty(), "{:?}", &found[..1]);
    // Balanced, deeper than a u16 depth counter.
    let n = 33_334;
    let text = format!("{}oui{}", "« “ ‹ ".repeat(n), " › ” »".repeat(n));
    let found = finishes("100,000 balanced nested « “ ‹", text);
    assert!(found.len() <= 3 * n);
    let n = 70_000;
    let text = format!("{}Nous sommes prêts{}{CLEAR}", "« ".repeat(n), " »".repeat(n));
    let found = finishes("70,000 balanced nested «", text);
    assert_clear_quote_found(&found);
}

#[test]
fn one_long_paragraph_without_punctuation() {
    // 10 MB in release; 2 MB in debug builds, where 10 MB takes too long for `cargo test`.
    let mb = if cfg!(debug_assertions) { 2 } else { 10 };
    let text = "mot ".repeat(mb * 250_000);
    let found = finishes(&format!("{mb} MB of words"), text);
    assert!(found.is_empty());
    let text = format!("{}{CLEAR}", "Jean Dupont mange ".repeat(mb * 55_000));
    assert_clear_quote_found(&finishes(&format!("{mb} MB of names then a quote"), text));
}

#[test]
// Was a finding (review of the speed work): quadratic in the resolver's index of names, whose
// look past a lowercase determiner went on over every `le chat` of the run, once for each.
fn determiners_and_plain_words_repeated() {
    for run in ["le chat ", "le chat noir ", "de la réforme ", "le Sénat ", "la Banque Jean "] {
        let text = format!("{CLEAR} {}Paris arrive.", run.repeat(100_000));
        assert_clear_quote_found(&finishes(&format!("100,000 × {run:?} after a quote"), text));
    }
}

#[test]
fn cue_repeated_100k_times() {
    for cue in ["a déclaré ", "a-t-il dit ", "selon ", "Selon ", "M. "] {
        let found = finishes(&format!("100,000 × {cue:?}"), cue.repeat(100_000));
        assert!(found.is_empty(), "{:?}", &found[..1]);
    }
    let text = format!("{}\n\n{CLEAR}", "a déclaré ".repeat(100_000));
    assert_clear_quote_found(&finishes("100,000 cues then a quote", text));
}

#[test]
// Was a finding, fixed in src by 9e1cd5b or earlier: quadratic in the indirect stage
// (speaker::has_finite_verb, Tokens::is_capitalized): one sentence of 100,000 indirect cues takes
// minutes; 8,000 × `Selon lui, ` take 0.8 s in release, 8,000 × `Jean Dupont a déclaré que tout va
// bien, ` 3.2 s
fn indirect_cues_repeated_in_one_sentence() {
    for cue in ["Selon lui, ", "lui a dit que ", "il estime que ", "Jean Dupont a dit que oui, "] {
        let found = finishes(&format!("100,000 × {cue:?}"), cue.repeat(100_000));
        assert!(found.len() <= 100_000);
    }
}

#[test]
fn long_runs_of_dashes_and_marks() {
    for dash in ["—", "–", "-", "— ", "-\n", "\u{2011}", "‐", "˝", "'", "’", ".", "…", "\r", "\n"]
    {
        let text = format!("{}\n\n{CLEAR}", dash.repeat(100_000));
        let found = finishes(&format!("100,000 × {dash:?} then a quote"), text);
        assert_clear_quote_found(&found);
        assert_eq!(found.len(), 1, "{found:?}");
    }
    let found = finishes("5,000 dialogue lines", "— Oui, dit-il.\n".repeat(5_000));
    assert_eq!(found.len(), 5_000);
}

#[test]
// Was quadratic in attribute::attribute (50,000 dash lines: 2.8 s in release); linear since.
fn many_dialogue_lines() {
    let found = finishes("50,000 dialogue lines", "— Oui, dit-il.\n".repeat(50_000));
    assert_eq!(found.len(), 50_000);
}

#[test]
fn many_quotes_in_short_paragraphs() {
    // Cheap today: floating quotations, each its own paragraph.
    let text = format!("{CLEAR}\n\n{}", "« Et nous le resterons. »\n\n".repeat(10_000));
    let found = finishes("10,000 floating quotes", text);
    assert_eq!(found.len(), 10_001);
    assert!(found.iter().all(|f| f.speaker.as_deref() == Some("Jean Dupont")));
}

#[test]
// Was a finding, fixed in src by 9e1cd5b or earlier: quadratic: attribute::line_of and
// is_heading_line scan the whole line for each quote; 20,000 attributed quotes in one paragraph
// take 11.5 s in release (8,000: 3.6 s)
fn many_attributed_quotes_in_one_paragraph() {
    let text = format!("{CLEAR} ").repeat(20_000);
    let found = finishes("20,000 attributed quotes in one paragraph", text);
    assert_eq!(found.len(), 20_000);
}

#[test]
fn many_attributed_quotes_in_paragraphs() {
    // Quadratic in name resolution before d0db9ab (12 s in release); 0.1 s since.
    let text = format!("{CLEAR}\n\n").repeat(10_000);
    let found = finishes("10,000 attributed quotes, one per paragraph", text);
    assert_eq!(found.len(), 10_000);
    assert!(found.iter().all(|f| f.speaker.as_deref() == Some("Jean Dupont")));
}

#[test]
// Was a finding, fixed in src by 9e1cd5b or earlier: quadratic in attribute (line_of,
// is_heading_line): 20,000 incises on one line take 6.5 s in release, more than the hang guard in
// debug
fn many_incises_on_one_line() {
    let text = "« Nous sommes prêts, a-t-il dit, à tout. » ".repeat(20_000);
    let found = finishes("20,000 incises on one line", text);
    assert_eq!(found.len(), 20_000);
}

// ---------------------------------------------------------------------------------------------
// Odd characters: sane results, not just no panic
// ---------------------------------------------------------------------------------------------

#[track_caller]
fn only_quote(text: &str) -> Found {
    let t = Snip(text);
    let found = finishes("odd characters", text.to_owned());
    assert_eq!(found.len(), 1, "expected one quote in {t:?}, found {found:?}");
    found.into_iter().next().unwrap()
}

#[test]
fn bom_nul_and_control_characters() {
    let text = "\u{feff}« Nous sommes prêts », a déclaré Jean Dupont.\0\u{1}\u{7}\u{1b}[0m\u{7f}\u{85}\
                \n\n\0« Tout va bien ici », a dit Marie Curie.\u{0}";
    let found = finishes("BOM, NUL, controls", text.to_owned());
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].text, "Nous sommes prêts");
    assert_eq!(found[0].speaker.as_deref(), Some("Jean Dupont"));
    assert_eq!(found[1].text, "Tout va bien ici");
    let text = "\0«\0Nous sommes prêts\0»\0";
    check_invariants(text);
}

#[test]
fn crlf_and_lone_cr_line_ends() {
    for brk in ["\r\n\r\n", "\r\r", "\r\n", "\r", "\n\r\n", "\u{2028}", "\u{2029}"] {
        let text = format!(
            "« Nous sommes prêts », a déclaré Jean Dupont.{brk}« Tout va bien ici », a dit \
             Marie Curie.{brk}"
        );
        let t = Snip(&text);
        let found = finishes(&format!("line end {brk:?}"), text.clone());
        assert_eq!(found.len(), 2, "{t:?}: {found:?}");
        assert_eq!(found[0].speaker.as_deref(), Some("Jean Dupont"), "{t:?}");
        assert_eq!(found[1].speaker.as_deref(), Some("Marie Curie"), "{t:?}");
        assert!(guillemet::sentences(&text).len() >= 2, "{t:?}");
    }
}

#[test]
fn line_ends_inside_a_name() {
    for brk in ["\n", "\r\n", "\r"] {
        let text = format!("Hier, « Nous sommes prêts à tout », a déclaré Jean{brk}Dupont.");
        let q = only_quote(&text);
        assert_eq!(q.text, "Nous sommes prêts à tout");
        assert!(q.speaker.is_some_and(|s| s.starts_with("Jean")), "{:?}", Snip(&text));
    }
}

#[test]
// Was a finding, fixed in src by 9e1cd5b or earlier: a quotation with a line break inside (hard-
// wrapped text) is dropped, with or without a cue, whatever the line end
fn line_ends_inside_a_quotation() {
    for brk in ["\n", "\r\n", "\r"] {
        let text = format!("Jean Dupont a déclaré : « Nous sommes prêts{brk}à tout. »");
        let q = only_quote(&text);
        assert_eq!(q.text, format!("Nous sommes prêts{brk}à tout."));
        assert_eq!(q.speaker.as_deref(), Some("Jean Dupont"));
        let text = format!("« Nous sommes prêts,{brk}à tout », a déclaré Jean Dupont.");
        assert_eq!(only_quote(&text).speaker.as_deref(), Some("Jean Dupont"));
    }
}

#[test]
fn nfc_cue_and_speaker() {
    let q = only_quote("« Nous sommes prêts », a déclaré Jean Dupont.");
    assert_eq!((q.cue.as_deref(), q.speaker.as_deref()), (Some("a déclaré"), Some("Jean Dupont")));
}

#[test]
// Was a finding, fixed in src by 9e1cd5b or earlier: the cue lexicon only matches NFC; in NFD the
// cue, the speaker and even the quote are lost
fn nfd_cue_and_speaker() {
    let text = "« Nous sommes prêts », a de\u{301}clare\u{301} Jean Dupont.";
    let q = only_quote(text);
    assert_eq!(q.cue.as_deref(), Some("a de\u{301}clare\u{301}"));
    assert_eq!(q.speaker.as_deref(), Some("Jean Dupont"));
}

#[test]
fn nfd_inside_a_quotation_and_a_name() {
    let q = only_quote("« Nous sommes pre\u{302}ts », a déclaré Jean Dupont.");
    assert_eq!(q.text, "Nous sommes pre\u{302}ts");
    assert_eq!(q.speaker.as_deref(), Some("Jean Dupont"));
    let q = only_quote("« Nous sommes prêts », a déclaré E\u{301}lise Dupont.");
    assert_eq!(q.speaker.as_deref(), Some("E\u{301}lise Dupont"));
}

#[test]
fn zero_width_characters_inside_words() {
    // In a name and in the quoted words: quote, cue and speaker kept, spans exact.
    let q = only_quote("« Nous som\u{200b}mes prêts », a déclaré Jean Du\u{200b}pont.");
    assert_eq!(q.text, "Nous som\u{200b}mes prêts");
    assert_eq!(q.speaker.as_deref(), Some("Jean Du\u{200b}pont"));
    for zw in ["\u{200b}", "\u{200c}", "\u{200d}", "\u{2060}", "\u{feff}", "\u{ad}"] {
        let text = format!("\u{200b}«{zw} Nous sommes prêts {zw}»{zw}, a déclaré Jean Dupont.");
        check_invariants(&text);
    }
}

#[test]
// Was a finding, fixed in src by 9e1cd5b or earlier: a soft hyphen (U+00AD) or a word joiner
// (U+2060) inside the cue verb hides the cue, and the quotation is then dropped
fn soft_hyphen_and_word_joiner_inside_the_cue() {
    for zw in ["\u{ad}", "\u{2060}", "\u{200b}"] {
        let text = format!("« Nous sommes prêts », a décla{zw}ré Jean Dupont.");
        let t = Snip(&text);
        let q = only_quote(&text);
        assert_eq!(q.speaker.as_deref(), Some("Jean Dupont"), "{t:?}");
    }
    let q = only_quote("« Nous som\u{ad}mes prêts », a déclaré Jean Dupont.");
    assert_eq!(q.speaker.as_deref(), Some("Jean Dupont"));
}

#[test]
fn cyrillic_arabic_cjk_mixed_in() {
    let q = only_quote("« Да, мы готовы », a déclaré Владимир Путин.");
    assert_eq!(q.text, "Да, мы готовы");
    assert_eq!(q.speaker.as_deref(), Some("Владимир Путин"));
    let q = only_quote("« 我们准备好了 », a déclaré Jean Dupont.");
    assert_eq!(q.text, "我们准备好了");
    assert_eq!(q.speaker.as_deref(), Some("Jean Dupont"));
    let q = only_quote("Jean Dupont a déclaré : « نحن مستعدون. »");
    assert_eq!(q.text, "نحن مستعدون.");
    let text = "Le 北京 « Nous sommes prêts », a déclaré Jean Dupont à Москва. مرحبا 😀 « x";
    let found = finishes("mixed scripts", text.to_owned());
    assert_clear_quote_found(&found);
}

#[test]
#[ignore = "finding: a name in a caseless script (Arabic, CJK) is never a speaker; after \
            `, a déclaré` the quotation itself is then dropped (Arabic) or kept as partial"]
fn speaker_in_a_caseless_script() {
    let q = only_quote("« Nous sommes prêts », a déclaré محمد علي.");
    assert_eq!(q.speaker.as_deref(), Some("محمد علي"));
    let q = only_quote("« Nous sommes prêts », a déclaré 李明.");
    assert_eq!(q.speaker.as_deref(), Some("李明"));
}

#[test]
fn incise_cue_and_speaker_lie_inside_the_quote() {
    let text = "« Nous sommes prêts, a-t-il dit, à tout. »";
    let quotes = check_invariants(text);
    let q = &quotes[0];
    let (cue, speaker) = (q.cue.unwrap(), q.speaker.as_ref().unwrap());
    assert!(q.span.contains(cue.span) && cue.span.contains(speaker.span));
    assert_eq!((cue.text, speaker.text), ("a-t-il dit", "il"));
    let text = "« Nous sommes prêts, a affirmé Jean Dupont, à tout. »";
    let quotes = check_invariants(text);
    let q = &quotes[0];
    assert!(q.span.contains(q.speaker.as_ref().unwrap().span));
    assert_eq!(q.speaker.as_ref().unwrap().name, "Jean Dupont");
}

#[test]
fn a_quotation_continued_over_paragraphs_is_one_quote() {
    // By design, and why the append invariant needs a new paragraph that opens with no mark.
    let text = "Il a dit : « Nous sommes prêts à tout\n\n« et nous le resterons », a-t-il ajouté.";
    let quotes = check_invariants(text);
    assert!(quotes.iter().any(|q| q.text.contains("\n\n")), "{quotes:?}");
}

// ---------------------------------------------------------------------------------------------
// Regressions: what fuzzing and the property tests found
// ---------------------------------------------------------------------------------------------

#[test]
// Was a finding (fuzz crash 43fa94fd): `Selon X,` with nothing after the comma read the token
// past the end of the text (a panic).
fn source_phrase_with_a_comma_at_the_end() {
    check_invariants("selon« Dupont„»de, Dupont, ");
    check_invariants("Selon Jean Dupont,");
    check_invariants("Selon le ministre, Paul Martin,");
}

#[test]
// Was a finding: a line holding a quotation was a heading only when more text followed it;
// now the line alone decides.
fn quote_on_the_last_line_is_dropped_once_text_follows() {
    check_append("« Plus on descend, moins on est dans la posture »", "Puis il est parti.", true);
}

#[test]
// Was a finding, fixed in src by 9e1cd5b or earlier: an inner quotation takes the incise of its own
// words as its enclosing speaker, with no cue (fuzz crash 74b40aad)
fn nested_quote_takes_its_own_incise_as_speaker() {
    check_invariants("« « Je saignais, justifie-t-il. » »");
    // Found by proptest.
    check_invariants("Jean Dupont a déclaré : « nous.” « nous., a-t-il dit, nous. » » ");
    check_invariants("« « nous., a-t-il dit, nous. » Selon Jean Dupont, nous. ». ");
}

#[test]
// Was a finding, fixed in src by 9e1cd5b or earlier: the inner quotation gets a cue after it and a
// pronoun inside itself as speaker (fuzz crash b12ebc7e)
fn nested_quote_takes_a_pronoun_of_its_words_as_speaker() {
    check_invariants("« « Nous partirons. Il faut du temps » complète »");
}

#[test]
// Was a finding, fixed in src by 9e1cd5b or earlier: after a cue with no subject before it, the
// quoted words are taken for the speaker (speaker span == quote span); fuzz crash 399272bd
fn speaker_is_the_quote_itself() {
    check_invariants("» s'est félicité « Nous sommes prêts à tout »");
    check_invariants("»s'es félicité«N s s s s»");
    check_invariants("« « Nous partirons demain avec elle » selon »");
    check_invariants("««–on»selon»");
}

#[test]
// Was a finding (fuzz crash 3ccdd34e): reported speech after a participle ran over the comma
// into the main clause and took its subject, inside the quote, as speaker. A participle opening
// the sentence sets the scene: what it governs is not reported speech.
fn indirect_speech_runs_into_the_main_clause() {
    let text = "Espérant que le ministre viendra, il complète.";
    assert!(check_invariants(text).is_empty());
    check_invariants("Espérant que le l complète");
}

#[test]
// Was a panic (a combining mark composed with the previous word's last letter).
fn combining_mark_after_a_space_panics() {
    for text in
        ["a \u{301}", "a\u{a0}\u{301}", "a \u{300}", "a \u{feff}\u{301}", "Il a \u{301}t\u{e9}."]
    {
        check_invariants(text);
    }
}

#[test]
fn a_text_longer_than_a_block_is_read_whole() {
    // Past 1 MiB a text is read a block at a time, cut at line breaks outside quotations:
    // every quote is still found once, with its speaker and offsets into the whole text.
    let paragraph = format!("{CLEAR}\n« Nous verrons », a ajouté Marie Curie.\n");
    let copies = 3 * 1024 * 1024 / paragraph.len();
    let text = paragraph.repeat(copies);
    let quotes = check_invariants(&text);
    assert_eq!(quotes.len(), 2 * copies);
    let speakers: Vec<_> = quotes.iter().map(|q| q.speaker.as_ref().map(|s| s.name)).collect();
    assert!(speakers.chunks(2).all(|s| s == [Some("Jean Dupont"), Some("Marie Curie")]));
}

#[test]
fn a_quotation_longer_than_a_block_stays_whole() {
    // No cut falls inside marks, however long the quotation: here 60,000 paragraphs, each
    // reopened with « as French does.
    let inside = "Nous tiendrons bon.\n\n« ".repeat(60_000);
    let text = format!("Il a dit : « {inside}Fin. »\n{CLEAR}");
    assert!(text.len() > 1024 * 1024);
    let quotes = check_invariants(&text);
    assert_eq!(quotes.len(), 2, "{:?}", quotes.iter().map(|q| q.span).collect::<Vec<_>>());
    assert_eq!(quotes[0].span.start, "Il a dit : « ".len());
    assert!(quotes[0].text.ends_with("Fin."));
    assert_eq!(quotes[1].text, "Nous sommes prêts");
}

#[test]
fn extract_parallel_is_extract() {
    // Blocks are independent, so reading them on several threads changes nothing.
    let paragraph = format!("{CLEAR}\nIl a ajouté : « Nous verrons. »\n\n« Et après ? »\n");
    let text = paragraph.repeat(3 * 1024 * 1024 / paragraph.len());
    let extractor = Extractor::new();
    let one = extractor.extract(&text);
    assert!(one.len() > 50_000, "{}", one.len());
    for threads in [0, 1, 2, 3, 16] {
        assert!(extractor.extract_parallel(&text, threads) == one, "{threads} threads");
    }
    let short = "« Oui », a dit Marie Curie.";
    assert_eq!(extractor.extract_parallel(short, 4), extractor.extract(short));
}

/// Fuzz crash afecf947: `…, selon X, …` at the end of the text reported the clause before it,
/// but not once a paragraph followed: the line break closing the sentence was counted as one
/// of the words after the source (more than a short complement).
#[test]
fn source_phrase_at_the_end_of_the_text() {
    check_append(
        "„-مرحباd'après\u{202f} :  : , selon« IlIlIlIlIlIlIl\rDupont'», « Duponta-t-il dit :  : ",
        "puis il est parti.",
        false,
    );
}

/// Fuzz crashes 0f20aa1b and c6f1eed9: `estime-` ending the text was a cue (its quotation a
/// quote, not a heading), but no longer once a paragraph followed: the cue finder read on over
/// the blank line (`estime - puis`, no inversion) and gave the cue up. A blank line is now a
/// barrier no cue runs over.
#[test]
fn a_cue_does_not_run_over_a_blank_line() {
    check_append(
        " —  — d'après\n\n  — M.M.a déclaréElle˝‹ —‹ \u{a0}˝estime\r, ˝estime-",
        "puis il est parti, a-t-il dit. »",
        false,
    );
    check_append("Dupont ˝a-t-elle ajouté\r˝estime-", "puis il est parti.", true);
    check_append(
        "estime—M. DupontIl\u{301}s'est félicité˝––Dupont˝˝a-t-elle ajouté\r˝estime-\n\n",
        "puis il est parti, a-t-il dit. »",
        true,
    );
}

/// Fuzz crash 65b3584c: a title with nothing after it but marks (`M."`) was read as a name
/// with no words, and its speaker resolved to the empty string; the mention as written is the
/// name then.
#[test]
fn a_title_alone_resolves_to_itself_not_to_nothing() {
    // (The crash's text, shrunk; how many words stand in its middle mattered.)
    for words in 60..=110 {
        let text = format!(
            "'s\"\"M.\"M.{}e\"M.\"l,a .t««M.\"\"e—'s\"\"M.:M.:M.\"M.e—M.I\"M.\"",
            "r ".repeat(words)
        );
        for q in guillemet::extract_quotes(&text) {
            if let Some(s) = &q.speaker {
                assert!(!s.name.is_empty(), "{q:?} with {words} words");
            }
        }
    }
}

#[test]
fn many_descriptions_pointing_back() {
    // Each description looks back for a person named, past roles and other people: the look
    // back is bounded, so a text of many of them is read in linear time. (A tenth as many in
    // debug builds, which are slow for `cargo test`.)
    let n = if cfg!(debug_assertions) { 2_000 } else { 20_000 };
    let text = "Le ministre Jean Dupont parle. « Oui », a dit le préfet. ".repeat(n);
    assert_eq!(finishes(&format!("{n} roles and descriptions"), text).len(), n);
    let text = format!("Paul Martin arrive. {}", "« Oui », a dit le ministre. ".repeat(2 * n));
    assert_eq!(finishes(&format!("{} descriptions after one name", 2 * n), text).len(), 2 * n);
    let other = "Le policier Jean Roux passe. « Non », a dit la juge. ".repeat(n);
    let text = format!("Marie Curie arrive. {other}");
    assert_eq!(finishes(&format!("{n} descriptions of the other gender"), text).len(), n);
}
