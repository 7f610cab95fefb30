//! The cue finder: the words that attribute a quote (`a déclaré`, `a-t-il souligné`,
//! `affirme`, `selon`, `finit par concéder`, ...).
//!
//! [`find_cues_in`] reads the words of a text from its [`Tokens`] (the pipeline reads a text's
//! words once, for every stage), and returns every cue candidate, left to right, with the span
//! the gold corpus annotates, the lemma, the kind of form, the inverted clitic subject, person,
//! number, negation and what follows. The attribution stage decides which candidates are real
//! cues (`pour X,` is only a candidate here). [`find_cues_with`] reads the text itself.
//!
//! The verb lexicon (`data/verbs.txt`) is conjugated by rule ([`crate::conjugate`]) into one
//! table of forms, built once. Matching runs over tokens with bounded look-ahead, so the whole
//! scan is linear in the text length.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::lexicon::{WordHasher, compose, grammar, is_combining_accent, is_invisible};
use std::sync::LazyLock;

use crate::conjugate::{self, Aux, FormKind};
use crate::pool;
use crate::scan::is_line_break;
use crate::span::Span;
use crate::token::{
    ELIDED, Kind, Token, Tokens, holds_two_line_breaks, is_apostrophe,
    is_word_char as is_token_char, skip_ascii_alnum,
};

static VERBS_TXT: &str = include_str!("data/verbs.txt");
static PHRASES_TXT: &str = include_str!("data/cue_phrases.txt");

/// One cue candidate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CueMatch {
    /// The cue as the gold corpus annotates it: auxiliary, adverbs, inverted pronoun and
    /// participle (`a-t-il également déclaré`), periphrasis and infinitive
    /// (`finit par concéder`), or the phrase (`selon`, `d'après`).
    pub span: Span,
    /// The verb lemma (`déclarer`, `se féliciter`, `mettre en garde`) or the phrase as listed
    /// (`selon`, `d'après`, `à en croire`).
    pub lemma: &'static str,
    pub form: CueForm,
    /// The inverted clitic subject inside the cue: the `il` of `a-t-il dit`.
    pub pronoun: Option<Span>,
    pub person: Person,
    pub plural: bool,
    /// `n'a pas dit`, `ne dit jamais` (but not `ne cesse de dire`).
    pub negated: bool,
    /// What follows the cue.
    pub after: After,
}

/// The kind of form a cue has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum CueForm {
    /// `a déclaré`, `affirme`, `s'est dit`, `ai dit`, `finit par concéder`.
    Finite,
    /// Finite with a clitic subject after the verb: `a-t-il déclaré`, `disait-il`, `explique-t-on`.
    Inverted,
    /// Present participle or gerund: `affirmant`, `en tweetant`, `ayant déclaré`.
    Participle,
    /// `dire`, `ajouter`, `avoir affirmé`.
    Infinitive,
    /// `selon`, `d'après`, `pour`, `à en croire`, `de l'avis de`, ...
    Phrase,
}

/// Grammatical person of a cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Person {
    First,
    Second,
    Third,
}

/// What follows a cue (after optional spaces).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum After {
    /// `que`, `qu'`.
    Que,
    /// `si`, `s'il`, `s'ils`.
    Si,
    /// `:`.
    Colon,
    /// `,`.
    Comma,
    /// Anything else.
    Other,
    /// The end of the text.
    End,
}

// ------------------------------------------------------------------------------------------
// Tokens
// ------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tk {
    Word,
    Apos,
    Hyphen,
    Colon,
    Comma,
    Other,
}

/// What a token is to the lexicon: for a word it knows, its place in [`Lexicon::infos`]; an
/// apostrophe and a hyphen (which lexicon entries hold: `l'espoir`) have ids of their own. A
/// token is compared with a lexicon entry by this id, not by its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct WordId(u32);

impl WordId {
    /// A word the lexicon does not know, or punctuation other than `'` and `-`.
    const NONE: WordId = WordId(u32::MAX);
    const APOSTROPHE: WordId = WordId(u32::MAX - 1);
    const HYPHEN: WordId = WordId(u32::MAX - 2);
    /// What an entry holds in place of a token no text token can equal (none does: entries are
    /// words, apostrophes and hyphens).
    const NEVER: WordId = WordId(u32::MAX - 3);

    fn of_punct(kind: Tk) -> WordId {
        match kind {
            Tk::Apos => WordId::APOSTROPHE,
            Tk::Hyphen => WordId::HYPHEN,
            _ => WordId::NONE,
        }
    }
}

/// A token: its bytes in the text (`s..e`), its kind, and what the lexicon knows of it (looked
/// up once).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    /// `u32`s (texts are shorter than 4 GiB, see [`Tokens::new`]): a token is 16 bytes, and the
    /// stretches read, written anew for every text, take fewer cache lines.
    s: u32,
    e: u32,
    id: WordId,
    kind: Tk,
    /// The word's [`Near`] bits, from its slot (none for punctuation or an unknown word): what
    /// the matcher asks of the words around a cue's head, with no read of their info.
    near: u8,
}

impl Tok {
    /// A token of the bytes `s..e` of a text, with no [`Near`] bits.
    fn new(s: usize, e: usize, id: WordId, kind: Tk) -> Tok {
        Tok { s: s as u32, e: e as u32, id, kind, near: 0 }
    }

    /// A word of the bytes `s..e` of a text, of the index slot `known`.
    fn word(s: usize, e: usize, known: Option<Slot>) -> Tok {
        let id = known.map_or(WordId::NONE, Slot::id);
        Tok { near: known.map_or(0, Slot::near), ..Tok::new(s, e, id, Tk::Word) }
    }

    /// Where it starts in the text.
    fn s(&self) -> usize {
        self.s as usize
    }

    /// Where it ends in the text.
    fn e(&self) -> usize {
        self.e as usize
    }
}

/// A token as [`tokenize`] makes it, with its lowercase (`ls..le` of the lowercase buffer,
/// apostrophes as `'` and hyphens as `-`).
#[derive(Clone, Copy, Debug)]
struct RawTok {
    s: usize,
    e: usize,
    ls: usize,
    le: usize,
    kind: Tk,
    id: WordId,
    /// The word's [`Near`] bits (see [`Tok::near`]).
    near: u8,
}

impl RawTok {
    fn tok(self) -> Tok {
        Tok { near: self.near, ..Tok::new(self.s, self.e, self.id, self.kind) }
    }
}

/// A character of a word: as the tokenizer has it, but for U+FEFF, which the tokenizer takes
/// for a space and this reader keeps inside a word as an invisible character (a text holding
/// one is read here, not from the tokens: see [`Tokens::cue_reads_apart`]).
fn is_word_char(c: char) -> bool {
    is_token_char(c) || c == '\u{feff}'
}

/// Whether the non-ASCII word character `c` is its own lowercase (`é`, `œ`), so that a word
/// made of such characters and ASCII is lowercased by ASCII lowercasing alone.
fn lowercase_as_is(c: char) -> bool {
    match c {
        'ß'..='ÿ' => true,
        'À'..='Þ' => false,
        _ if is_invisible(c) || is_combining_accent(c) => false,
        _ => {
            let mut lower = c.to_lowercase();
            lower.next() == Some(c) && lower.next().is_none()
        }
    }
}

/// Appends the lowercase of the non-ASCII word character `c` to `low`; `word_start` is where
/// the current word begins in `low` (an accent composes only with a letter of its own word).
fn push_lower_non_ascii(low: &mut String, c: char, word_start: usize) {
    match c {
        // Latin-1 capitals: the lowercase letter is 32 code points on (`×` excluded).
        'À'..='Ö' | 'Ø'..='Þ' => low.push(char::from(c as u8 + 32)),
        // Latin-1 lowercase letters are their own lowercase.
        'ß'..='ÿ' => low.push(c),
        // A zero-width character inside a word: nothing to match.
        _ if is_invisible(c) => {}
        _ if is_combining_accent(c) => {
            // Decomposed text (`e` + U+0301): compose, so `de\u{301}clare\u{301}` is `déclaré`.
            let composed = if low.len() > word_start {
                low.chars().next_back().and_then(|b| compose(b, c))
            } else {
                None
            };
            match composed {
                Some(composed) => {
                    low.pop();
                    low.push(composed);
                }
                None => low.push(c),
            }
        }
        _ => low.extend(c.to_lowercase()),
    }
}

/// Splits `text` into words (letters and digits), apostrophes, hyphens and single punctuation
/// characters; whitespace (including U+00A0 and U+202F) separates tokens and is dropped.
/// `known` gives the place of a lowercase word in the lexicon's index; the words a cue may
/// start at go to `starts` (their token indices).
///
/// `low` receives the lowercase text of every token, apostrophes as `'` and hyphens as `-`:
/// it starts as a copy of `text` with ASCII lowercased, where most tokens already stand at
/// their own offsets; a token whose lowercase differs (`Élue`, decomposed accents, `’`) has it
/// appended after the copy.
fn tokenize(
    text: &str,
    toks: &mut Vec<RawTok>,
    low: &mut String,
    starts: &mut Vec<usize>,
    known: impl Fn(&str) -> Option<Slot>,
) {
    low.clear();
    low.push_str(text);
    low.make_ascii_lowercase();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII is most of the text: classify it by byte, and decode a char only where needed.
        let c = if b.is_ascii() {
            char::from(b)
        } else {
            let Some(c) = text[i..].chars().next() else { break };
            c
        };
        if b.is_ascii_alphanumeric() || !b.is_ascii() && is_word_char(c) {
            i = push_word(text, i, toks, low, starts, &known);
            continue;
        }
        let e = i + c.len_utf8();
        if is_line_break(c) {
            // The run of spaces a line break opens, as the tokens have it: a blank line in it
            // is a barrier (see `read_token`).
            let run = text[i..].find(|d: char| !d.is_whitespace()).map_or(text.len(), |n| i + n);
            if holds_two_line_breaks(&text[i..run]) {
                toks.push(RawTok {
                    s: i,
                    e: run,
                    ls: i,
                    le: run,
                    kind: Tk::Other,
                    id: WordId::NONE,
                    near: 0,
                });
            }
            i = run;
            continue;
        }
        if !c.is_whitespace() {
            let kind = punct_kind(c);
            let (ls, le) = match kind {
                Tk::Apos if c != '\'' => push_lowercase(low, "'"),
                Tk::Hyphen if c != '-' => push_lowercase(low, "-"),
                _ => (i, e),
            };
            toks.push(RawTok { s: i, e, ls, le, kind, id: WordId::of_punct(kind), near: 0 });
        }
        i = e;
    }
}

/// The kind of a token that is one punctuation character `c`.
fn punct_kind(c: char) -> Tk {
    // Most punctuation is ASCII: answered by a table, not by a chain of tests whose outcome
    // the branch predictor cannot guess.
    if let Some(&kind) = ASCII_PUNCT_KINDS.get(c as usize) {
        return kind;
    }
    match c {
        '’' | 'ʼ' | '‘' => Tk::Apos,
        '‐' | '‑' => Tk::Hyphen,
        _ => Tk::Other,
    }
}

/// [`punct_kind`] of the ASCII characters.
const ASCII_PUNCT_KINDS: [Tk; 128] = {
    let mut kinds = [Tk::Other; 128];
    kinds[b'\'' as usize] = Tk::Apos;
    kinds[b'-' as usize] = Tk::Hyphen;
    kinds[b':' as usize] = Tk::Colon;
    kinds[b',' as usize] = Tk::Comma;
    kinds
};

/// Appends `s` to `low`: where it stands there.
fn push_lowercase(low: &mut String, s: &str) -> (usize, usize) {
    let ls = low.len();
    low.push_str(s);
    (ls, low.len())
}

/// Pushes the word that starts at byte `s` of `text` (see [`tokenize`]): the byte after it.
fn push_word(
    text: &str,
    s: usize,
    toks: &mut Vec<RawTok>,
    low: &mut String,
    starts: &mut Vec<usize>,
    known: impl Fn(&str) -> Option<Slot>,
) -> usize {
    let bytes = text.as_bytes();
    let mut i = s;
    let mut as_is = true;
    loop {
        i = skip_ascii_alnum(bytes, i);
        if i == bytes.len() || bytes[i].is_ascii() {
            break;
        }
        let Some(c) = text[i..].chars().next() else { break };
        if !is_word_char(c) {
            break;
        }
        as_is &= lowercase_as_is(c);
        i += c.len_utf8();
    }
    let (ls, le) = if as_is {
        // The ASCII-lowercased copy already holds it.
        (s, i)
    } else {
        let ls = low.len();
        for c in text[s..i].chars() {
            if c.is_ascii() {
                low.push(c.to_ascii_lowercase());
            } else {
                push_lower_non_ascii(low, c, ls);
            }
        }
        (ls, low.len())
    };
    let known = known(&low[ls..le]);
    if known.is_some_and(|k| k.starts_cue()) {
        starts.push(toks.len());
    }
    let id = known.map_or(WordId::NONE, Slot::id);
    let near = known.map_or(0, Slot::near);
    toks.push(RawTok { s, e: i, ls, le, kind: Tk::Word, id, near });
    i
}

/// The tokens of a lexicon entry with their lowercase (`l'espoir` → `l`, `'`, `espoir`).
fn norm_tokens(s: &str) -> Vec<(Tk, String)> {
    let mut toks = Vec::new();
    let mut low = String::new();
    tokenize(s, &mut toks, &mut low, &mut Vec::new(), |_| None);
    toks.iter().map(|t| (t.kind, low[t.ls..t.le].to_string())).collect()
}

// ------------------------------------------------------------------------------------------
// Lexicon
// ------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// A verb of saying: a cue by itself.
    Cue,
    /// A periphrasis verb: a cue only with the infinitive of a cue verb after it.
    Peri {
        prep: Option<&'static str>,
        /// `ne cesse de dire` is not a negated cue.
        neutral: bool,
        /// Takes `être` in compound tenses (`est venu dire`).
        etre: bool,
    },
}

#[derive(Clone)]
struct Lemma {
    text: &'static str,
    pronominal: bool,
    /// Words that must follow the conjugated head literally (`en garde`).
    tail: Vec<WordId>,
    role: Role,
}

/// Periphrases: (lemma, conjugation model, preposition, negation-neutral).
const PERIPHRASES: &[(&str, Option<&str>, Option<&str>, bool)] = &[
    ("finir", None, Some("par"), false),
    ("commencer", None, Some("par"), false),
    ("sembler", None, None, false),
    ("paraître", Some("aître"), None, false),
    ("se contenter", None, Some("de"), false),
    ("se borner", None, Some("à"), false),
    ("se limiter", None, Some("à"), false),
    ("cesser", None, Some("de"), true),
    ("manquer", None, Some("de"), true),
    ("hésiter", None, Some("à"), true),
    ("s'évertuer", None, Some("à"), false),
    ("s'attacher", None, Some("à"), false),
    ("s'employer", None, Some("à"), false),
    ("s'empresser", None, Some("de"), false),
    ("se permettre", Some("mettre"), Some("de"), false),
    ("se plaire", Some("plaire"), Some("à"), false),
    ("se mettre", Some("mettre"), Some("à"), false),
    ("tenir", Some("enir"), Some("à"), false),
    ("vouloir", Some("vouloir"), None, false),
    ("pouvoir", Some("pouvoir"), None, false),
    ("oser", None, None, false),
    ("préférer", None, None, false),
    ("venir", Some("enir"), Some("de"), false),
    ("venir", Some("enir"), None, false),
    ("aller", Some("aller"), None, false),
    ("continuer", None, Some("de"), false),
    ("continuer", None, Some("à"), false),
    ("choisir", None, Some("de"), false),
    ("tenter", None, Some("de"), false),
    ("essayer", None, Some("de"), false),
    ("chercher", None, Some("à"), false),
    ("s'efforcer", None, Some("de"), false),
];

/// Verbs of motion among the periphrases: compound tenses with `être`.
const ETRE_PERIPHRASES: &[&str] = &["venir", "aller"];

/// Periphrases that count only with an inverted subject (`peut-on lire`, not `peut dire`).
const INVERTED_ONLY_PERIPHRASES: &[&str] = &["pouvoir"];

/// (periphrasis, infinitive) pairs that make an idiom, not a cue: `veut dire` (means).
const IDIOMS: &[(&str, &str)] = &[("vouloir", "dire")];

/// Cue verbs that are not cues as a bare infinitive (`Lire aussi`), only in other forms.
const NOT_BARE_INFINITIVE: &[&str] = &["lire"];

/// Words and phrases that may stand between an auxiliary and its participle (or between a
/// periphrasis verb and its infinitive).
const ADVERBS: &[&str] = &[
    "aussi",
    "également",
    "encore",
    "déjà",
    "simplement",
    "seulement",
    "notamment",
    "ensuite",
    "alors",
    "bien",
    "pourtant",
    "toutefois",
    "cependant",
    "même",
    "longuement",
    "clairement",
    "publiquement",
    "jamais",
    "pas",
    "plus",
    "guère",
    "point",
    "nullement",
    "toujours",
    "souvent",
    "récemment",
    "hier",
    "ainsi",
    "enfin",
    "finalement",
    "immédiatement",
    "aussitôt",
    "tout",
    "franchement",
    "fermement",
    "vivement",
    "violemment",
    "vertement",
    "sèchement",
    "ouvertement",
    "explicitement",
    "officiellement",
    "personnellement",
    "directement",
    "uniquement",
    "justement",
    "précisément",
    "surtout",
    "vite",
    "rapidement",
    "donc",
    "néanmoins",
    "volontiers",
    "certes",
    "parfois",
    "régulièrement",
    "brièvement",
    "vigoureusement",
    "sobrement",
    "prudemment",
    "fièrement",
    "amèrement",
    "carrément",
    "littéralement",
    "textuellement",
    "laconiquement",
    "solennellement",
    "fortement",
    "expressément",
    "formellement",
    "catégoriquement",
    "longtemps",
    "maintes fois",
    "plusieurs fois",
    "d'ailleurs",
    "par ailleurs",
    "en outre",
    "de plus",
    "de nouveau",
    "à nouveau",
    "une nouvelle fois",
    "une fois encore",
    "une fois de plus",
    "à plusieurs reprises",
    "à maintes reprises",
    "à son tour",
    "à leur tour",
    "pour sa part",
    "pour leur part",
    "de son côté",
    "de leur côté",
    "quant à lui",
    "quant à elle",
    "quant à eux",
    "quant à elles",
    "en effet",
    "d'emblée",
    "d'abord",
    "tout de suite",
    "dès lors",
    "tout de même",
    "quand même",
    "en revanche",
    "au contraire",
    "bel et bien",
    "en personne",
    "aujourd'hui",
    "lui aussi",
    "elle aussi",
    "eux aussi",
    "elles aussi",
    "lui-même",
    "elle-même",
    "eux-mêmes",
    "elles-mêmes",
    "juste",
    "tout juste",
    "sans doute",
    "peut-être",
    "de fait",
    "en substance",
    "plutôt",
    "presque",
    "précédemment",
    "auparavant",
    "antérieurement",
    "ultérieurement",
    "depuis",
    "plus tôt",
    "encore une fois",
];

/// Adverbs that make a cue negated (with or without `ne`).
const NEG_ADVERBS: &[&str] = &["pas", "jamais", "guère", "point", "nullement"];

/// Object clitics that may stand between a subject (or `ne`) and the verb.
const CLITICS: &[&str] = &[
    "le", "la", "les", "l", "lui", "leur", "y", "en", "me", "m", "te", "t", "se", "s", "nous",
    "vous",
];

/// The words the matcher tests one by one, besides those of the lists around: the index holds
/// them all, so that a token's text is read from its entry (see [`Ctx::word`]).
const TESTED_WORDS: &[&str] = &[
    "que", "qu", "si", "s", "ne", "n", "d", "de", "des", "du", "je", "j", "tu", "il", "ils",
    "elle", "elles", "on", "nous", "vous", "en", "se", "me", "te", "m", "t", "le", "la", "les",
];

/// Words that make the next word a noun (`la lance`, `une note`).
const DETERMINERS: &[&str] =
    &["le", "la", "les", "un", "une", "des", "du", "au", "aux", "son", "sa", "ses", "ce", "cette"];

const PRONOUNS: &[&str] = &["il", "elle", "on", "ils", "elles", "je", "tu", "nous", "vous"];

/// The subject clitics by person (see [`pbit`]).
const SUBJECT_PERSONS: [(&[&str], u8); 6] = [
    (&["je", "j"], pbit(1, false)),
    (&["tu"], pbit(2, false)),
    (&["il", "elle", "on"], pbit(3, false)),
    (&["nous"], pbit(1, true)),
    (&["vous"], pbit(2, true)),
    (&["ils", "elles"], pbit(3, true)),
];

/// Everything the matcher needs to know of one lowercase word, so that a token costs one probe.
///
/// Laid out by hand, on a cache line of its own: the fields asked of most words (whether a cue
/// may start or go on there) come first and share the first 64 bytes, so that a word the
/// finder only looks at costs one line read, not one per field; those a verb cue's try reads
/// fill the second line, those of a phrase's try or a participle's start the third. (The lexicon has thousands of
/// words, far more than a cache holds.)
#[derive(Clone, Default, Debug)]
#[repr(C, align(64))]
struct WordInfo {
    /// For a word that is no verb form and starts only phrases of more than one token (if
    /// any), what a cue starting at it may go on with (see [`Lexicon::mark_starts`]).
    next: Option<Continuation>,
    /// The second tokens of its longer phrases, as bits (see [`phrase_bit`]): a phrase is
    /// tried only after a token whose bit is set.
    phrase_seconds: u64,
    aux: Option<Aux>,
    /// The lists of function words it is in ([`Mark`]s): the matcher asks by a bit, not by
    /// comparing strings.
    marks: u32,
    /// As a subject clitic (`je`, `j`, `tu`, `il`, ...), its person as a bit (see [`pbit`]);
    /// zero for any other word.
    person: u8,
    /// Whether one of its phrases is a phrase of one or two tokens (`selon`, `pour`): such a
    /// phrase is tried after any token.
    short_phrase: bool,
    /// `en` (gerund) or a reflexive clitic: a verb cue may start with it.
    opens_verb: bool,
    /// A form of a periphrasis verb (see [`Lexicon::mark_starts`]).
    periphrasis: bool,
    /// [`WordInfo::may_start_verb`], kept at hand (see [`Lexicon::mark_starts`]).
    starts_verb: bool,
    /// Whether it is a form of a lexicon verb (`forms` is not empty), kept at hand (see
    /// [`Lexicon::mark_starts`]): the matcher reads `forms` only for a periphrasis verb.
    verb_form: bool,
    /// Whether its only adverb is the word itself (`adverbs` is one empty list), kept at hand
    /// (see [`Lexicon::mark_starts`]).
    lone_adverb: bool,
    // The fields read when a verb cue is tried at the word: its own line, the second.
    /// The first of each list of `simple_picks`, kept at hand: most lists have one pick, or
    /// their first is the cue's, and the list itself is not read.
    first_picks: OwnLine<FirstPicks>,
    // The fields read when a phrase is tried at the word, or for a participle: the third line.
    /// Its readings as the past participle of a cue verb after an auxiliary (see
    /// [`Ctx::compound`]), longest tail first: of pronominal lemmas, of the others.
    participle_picks: [Box<[u16]>; 2],
    /// The phrases it starts, longest first. `a` has those of `à` (`A en croire`: the
    /// accentless capital and the lowercase typo).
    phrases: Vec<Phrase>,
    /// As a form of a lexicon verb: (lemma, kind).
    forms: Vec<(u16, FormKind)>,
    /// The adverbs it starts, longest first: the tokens after the first.
    adverbs: Vec<Vec<WordId>>,
    /// Its readings as a simple form of a cue verb (see [`Ctx::simple`]), best first, by
    /// [`simple_picks_index`]: the first whose tail follows is the cue's.
    simple_picks: [Box<[SimplePick]>; 4],
    /// The same as `next` after an apostrophe (`d'`, `s'`).
    next_after_apostrophe: Option<Continuation>,
    /// The word itself (lowercase, `'` for apostrophes).
    text: Box<str>,
}

/// The first pick of each list of [`WordInfo::simple_picks`] (none for an empty list), and
/// whether the list has more.
#[derive(Clone, Copy, Default, Debug)]
struct FirstPicks {
    first: [Option<SimplePick>; 4],
    more: [bool; 4],
}

/// A field of [`WordInfo`] that starts a cache line of its own.
#[derive(Clone, Default, Debug)]
#[repr(C, align(64))]
struct OwnLine<T>(T);

fn is_past_participle(kind: FormKind) -> bool {
    matches!(kind, FormKind::PastParticiple { .. })
}

/// What may come after a word that is no cue alone, for a cue starting at it to go on.
#[derive(Clone, Debug)]
struct Continuation {
    /// The second tokens of its phrases and of its multi-word lemmas (`en` of `met en
    /// garde`), the prepositions of its periphrases (`par` of `finit par`).
    words: Box<[WordId]>,
    /// The first two of `words` (or fewer, [`WordId::NEVER`] for none), kept at hand: most
    /// continuations have no more, and the list itself is not read.
    first_words: [WordId; 2],
    /// The bits of `words` (see [`phrase_bit`]): most tokens are none of them, said by one test.
    word_bits: u64,
    /// It may open a verb cue: an auxiliary, `en`, a reflexive clitic, a verb form.
    verb: bool,
    /// It is no verb form and opens no verb cue: a cue starting at it is one of its phrases,
    /// whose tokens may all be checked (see [`phrase_may_follow`]).
    phrases_only: bool,
}

impl Continuation {
    /// What may come after the first `skip` tokens following `word` (the word itself, or it
    /// and its apostrophe), if not anything. `lex` gives the lemmas and the prepositions' ids.
    fn of(word: &WordInfo, skip: usize, lex: &Lexicon) -> Option<Continuation> {
        // A phrase of `skip` more tokens or fewer ends there; a final `de` may be contracted
        // (`des`, `du`, `d'`).
        let fixed = |p: &Phrase| !(p.rest.len() <= skip || p.final_de && p.rest.len() == skip + 1);
        // Past an apostrophe, only the phrases that have one there go on.
        let goes_on = |p: &&Phrase| skip == 0 || p.rest.first() == Some(&WordId::APOSTROPHE);
        let phrases = || word.phrases.iter().filter(goes_on);
        if !phrases().all(fixed) || skip > 0 && !word.forms.is_empty() {
            return None;
        }
        let mut words: Vec<WordId> = phrases().map(|p| p.rest[skip]).collect();
        for &(lid, _) in &word.forms {
            let lemma = &lex.lemmas[usize::from(lid)];
            match lemma.role {
                // (A form with no tail may be a cue alone.)
                Role::Cue => words.push(*lemma.tail.first()?),
                Role::Peri { prep: Some(prep), .. } => {
                    words.push(lex.known(prep)?.id());
                    if prep == "de" {
                        words.push(lex.known("d")?.id());
                    }
                }
                Role::Peri { prep: None, .. } => {}
            }
        }
        let verb = word.may_start_verb();
        let phrases_only = !verb && word.forms.is_empty();
        let word_bits = words.iter().fold(0, |bits, &id| bits | phrase_bit(id));
        let first_words = [0, 1].map(|at| words.get(at).copied().unwrap_or(WordId::NEVER));
        Some(Continuation { words: words.into(), first_words, word_bits, verb, phrases_only })
    }

    /// Whether a cue may go on with the token `next` (an id of [`Lexicon::infos`] or of
    /// punctuation), which [`WordInfo::goes_on_verb`] if `goes_on_verb`.
    fn allows(&self, next: WordId, goes_on_verb: bool) -> bool {
        self.word_bits & phrase_bit(next) != 0
            && (self.first_words.contains(&next)
                || self.words.len() > 2 && self.words[2..].contains(&next))
            || self.verb && (matches!(next, WordId::HYPHEN | WordId::APOSTROPHE) || goes_on_verb)
    }
}

/// The bit of the token `id` in [`WordInfo::phrase_seconds`] (ids share bits: a bit set
/// says a phrase may follow, not that one does).
fn phrase_bit(id: WordId) -> u64 {
    1 << (id.0 % 64)
}

/// A phrase cue, kept by the word that starts it.
#[derive(Clone, Debug)]
struct Phrase {
    /// As listed (`d'après`).
    text: &'static str,
    /// The tokens after the first.
    rest: Vec<WordId>,
    /// It ends with `de`, which the article may contract (`de l'avis des experts`).
    final_de: bool,
}

/// What the matcher asks of the words around a cue's head, as bits of the word's [`Slot`] that
/// each of its tokens holds ([`Tok::near`]): no read of the word's info, which is far in memory.
struct Near;

impl Near {
    /// The word starts an adverb ([`WordInfo::adverbs`]).
    const ADVERB: u8 = 1;
    /// The word may follow an auxiliary in a cue: it starts an adverb, is a verb form, or is
    /// the euphonic `t`.
    const AFTER_AUX: u8 = 1 << 1;
    /// [`Mark::EuphonicT`].
    const EUPHONIC_T: u8 = 1 << 2;
    /// [`Mark::Pronoun`].
    const PRONOUN: u8 = 1 << 3;
    /// [`Mark::Reflexive`].
    const REFLEXIVE: u8 = 1 << 4;
    /// [`Mark::ElidedReflexive`].
    const ELIDED_REFLEXIVE: u8 = 1 << 5;
    /// All of them (six bits: they fit between a slot's place and its other facts).
    const ALL: u8 = (1 << 6) - 1;

    /// The bits of the word `info`.
    fn of(info: &WordInfo) -> u8 {
        let bit = |yes: bool, bit: u8| if yes { bit } else { 0 };
        let mark = |mark: Mark, near: u8| bit(info.marks & mark.bit() != 0, near);
        let adverb = !info.adverbs.is_empty();
        let after_aux = adverb || !info.forms.is_empty() || info.marks & Mark::EuphonicT.bit() != 0;
        bit(adverb, Near::ADVERB)
            | bit(after_aux, Near::AFTER_AUX)
            | mark(Mark::EuphonicT, Near::EUPHONIC_T)
            | mark(Mark::Pronoun, Near::PRONOUN)
            | mark(Mark::Reflexive, Near::REFLEXIVE)
            | mark(Mark::ElidedReflexive, Near::ELIDED_REFLEXIVE)
    }
}

/// A list of function words the matcher asks about, as a bit of [`WordInfo::marks`].
#[derive(Clone, Copy, Debug)]
enum Mark {
    /// `en` before a present participle.
    Gerund,
    /// `se`, `me`, `te`.
    Reflexive,
    /// `s`, `m`, `t` before an apostrophe.
    ElidedReflexive,
    /// [`DETERMINERS`].
    Determiner,
    /// [`CLITICS`].
    Clitic,
    /// [`PRONOUNS`].
    Pronoun,
    /// [`NEG_ADVERBS`].
    NegAdverb,
    /// `t` (`a-t-il`, `a t-il`).
    EuphonicT,
    /// `que`.
    Que,
    /// `qu` (before an apostrophe).
    Qu,
    /// `si`.
    Si,
    /// `s` (`s'il`).
    S,
    /// `il`, `ils` (`s'il`).
    Il,
    /// `ne`, `n`.
    Ne,
    /// `le`, `la`, `les`: determiners, or object clitics.
    Article,
    /// The words after which `le`, `la`, `les` are object clitics: subject clitics, `ne`, and
    /// reflexive clitics (`il le dit`, `ne la dit`).
    BeforeObject,
    /// `d` (before an apostrophe).
    D,
    /// `des`, `du`: a contracted `de`.
    DesDu,
}

impl Mark {
    const LISTS: [(Mark, &'static [&'static str]); 18] = [
        (Mark::Gerund, &["en"]),
        (Mark::Reflexive, &["se", "me", "te"]),
        (Mark::ElidedReflexive, &["s", "m", "t"]),
        (Mark::Determiner, DETERMINERS),
        (Mark::Clitic, CLITICS),
        (Mark::Pronoun, PRONOUNS),
        (Mark::NegAdverb, NEG_ADVERBS),
        (Mark::EuphonicT, &["t"]),
        (Mark::Que, &["que"]),
        (Mark::Qu, &["qu"]),
        (Mark::Si, &["si"]),
        (Mark::S, &["s"]),
        (Mark::Il, &["il", "ils"]),
        (Mark::Ne, &["ne", "n"]),
        (Mark::Article, &["le", "la", "les"]),
        (
            Mark::BeforeObject,
            &[
                "je", "j", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "ne", "n",
                "me", "m", "te", "t", "comme",
            ],
        ),
        (Mark::D, &["d"]),
        (Mark::DesDu, &["des", "du"]),
    ];

    fn bit(self) -> u32 {
        1 << self as u32
    }
}

impl WordInfo {
    /// Whether a cue may start at this word: any other word starts none.
    fn may_start_cue(&self) -> bool {
        self.may_start_verb() || !self.phrases.is_empty()
    }

    /// Whether the word may come after the first word of a verb cue: after an auxiliary
    /// (inversion, adverb, participle), `en` or a reflexive clitic (reflexive clitic, apostrophe,
    /// auxiliary, verb form), a periphrasis verb (inversion, adverb, reflexive clitic,
    /// infinitive) or a verb form (inversion).
    fn goes_on_verb(&self) -> bool {
        let marks = Mark::Reflexive.bit() | Mark::ElidedReflexive.bit() | Mark::EuphonicT.bit();
        self.aux.is_some()
            || !self.forms.is_empty()
            || !self.adverbs.is_empty()
            || self.marks & marks != 0
    }

    /// Whether this word alone may be a cue: a phrase of one word (`selon`) or a form of a
    /// one-word cue verb. A cue starting at any other word goes on past it.
    fn may_be_cue_alone(&self, lemmas: &[Lemma]) -> bool {
        self.phrases.iter().any(|phrase| phrase.rest.is_empty())
            || self.forms.iter().any(|&(lid, kind)| {
                let lemma = &lemmas[usize::from(lid)];
                lemma.role == Role::Cue && lemma.tail.is_empty() && !is_past_participle(kind)
            })
    }

    /// Whether a verb cue may start at this word. (A past participle starts none: its
    /// auxiliary does.)
    fn may_start_verb(&self) -> bool {
        self.opens_verb
            || self.aux.is_some()
            || self.forms.iter().any(|&(_, kind)| !is_past_participle(kind))
    }

    fn forms(&self) -> Option<&[(u16, FormKind)]> {
        (!self.forms.is_empty()).then_some(&self.forms[..])
    }
}

/// A word's place in [`Lexicon::infos`], and what the cue finder asks most of its info kept at
/// hand: most known words start no cue, and this says so without reading their info. Packed
/// into four bytes (every token holds one, see [`crate::token::Tokens`]): the place in the low
/// 22 bits, the word's [`Near`] bits above it, a bit always set above them (never zero, so that
/// an `Option<Slot>` is four bytes too), the facts above that.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Slot(std::num::NonZeroU32);

impl Slot {
    /// [`WordInfo::may_start_cue`].
    const STARTS_CUE: u32 = 1 << 31;
    /// The word alone may be a cue ([`WordInfo::may_be_cue_alone`]).
    const CUE_ALONE: u32 = 1 << 30;
    /// [`WordInfo::goes_on_verb`]: asked of the word after each word a cue may start at, kept
    /// here so that the finder need not read that word's info.
    const GOES_ON_VERB: u32 = 1 << 29;
    /// Set in every slot, so that none is zero: the place is read with no subtraction.
    const SOME: u32 = 1 << 28;
    /// Where the word's [`Near`] bits are.
    const NEAR_SHIFT: u32 = 22;
    /// The bits of the place.
    const AT: u32 = (1 << Slot::NEAR_SHIFT) - 1;

    /// The slot of place `at` (below [`Slot::AT`]), with no fact set.
    fn new(at: u32) -> Slot {
        const SOME: std::num::NonZeroU32 = match std::num::NonZeroU32::new(Slot::SOME) {
            Some(some) => some,
            None => panic!("Slot::SOME is not zero"),
        };
        debug_assert!(at < Slot::AT);
        Slot(SOME | (at & Slot::AT))
    }

    /// Its place in [`Lexicon::infos`].
    fn at(self) -> u32 {
        self.0.get() & Slot::AT
    }

    fn id(self) -> WordId {
        WordId(self.at())
    }

    fn has(self, fact: u32) -> bool {
        self.0.get() & fact != 0
    }

    /// This slot with `fact` set if `yes`.
    fn with(self, fact: u32, yes: bool) -> Slot {
        Slot(self.0 | if yes { fact } else { 0 })
    }

    /// Whether a cue may start at the word (see [`WordInfo::may_start_cue`]).
    pub(crate) fn starts_cue(self) -> bool {
        self.has(Slot::STARTS_CUE)
    }

    fn cue_alone(self) -> bool {
        self.has(Slot::CUE_ALONE)
    }

    fn goes_on_verb(self) -> bool {
        self.has(Slot::GOES_ON_VERB)
    }

    /// The word's [`Near`] bits.
    fn near(self) -> u8 {
        (self.0.get() >> Slot::NEAR_SHIFT) as u8 & Near::ALL
    }

    /// This slot with the [`Near`] bits `near`.
    fn with_near(self, near: u8) -> Slot {
        Slot(self.0 | u32::from(near & Near::ALL) << Slot::NEAR_SHIFT)
    }
}

/// The words that open a verb cue before its verb: the gerund's `en`, reflexive clitics.
const VERB_OPENERS: &[&str] = &["en", "se", "me", "te", "s", "m", "t"];

/// The cue lexicon: verbs conjugated into forms, periphrases, phrases. The built-in one is
/// shared by the process; [`Lexicon::with_verbs`] adds a caller's verbs to a copy.
#[derive(Clone)]
pub(crate) struct Lexicon {
    lemmas: Vec<Lemma>,
    /// Every word a cue can be made of or the matcher asks about, lowercase → its place in
    /// `infos`; elided words also with their apostrophe (`l'`). Small buckets: the table is
    /// probed for every word of a text the cue finder reads itself.
    index: HashMap<Box<str>, Slot, BuildHasherDefault<WordHasher>>,
    infos: Vec<WordInfo>,
    /// The length of the longest word of `index`: a longer token needs no probe.
    longest_word: usize,
    cue_lemmas: usize,
    cue_forms: usize,
}

impl Lexicon {
    /// The info of `word`, added if new. After the last change, [`Lexicon::mark_starts`].
    fn word_mut(&mut self, word: String) -> &mut WordInfo {
        let id = self.word_id(word);
        &mut self.infos[id.0 as usize]
    }

    /// The id of `word`, added if new.
    fn word_id(&mut self, word: String) -> WordId {
        self.longest_word = self.longest_word.max(word.len());
        let next = self.infos.len();
        // Below the ids of punctuation (see `WordId`).
        let at = u32::try_from(next).ok().filter(|&at| at < Slot::AT.min(WordId::NEVER.0));
        let at = at.expect("fewer than 2^22 - 1 cue words");
        let text = word.into_boxed_str();
        let slot = self.index.entry(text.clone()).or_insert(Slot::new(at));
        if slot.at() == at {
            self.infos.push(WordInfo { text, ..WordInfo::default() });
        }
        slot.id()
    }

    /// The ids of the tokens of a lexicon entry (`l'espoir`), its words added if new.
    fn entry_ids(&mut self, toks: Vec<(Tk, String)>) -> Vec<WordId> {
        toks.into_iter()
            .map(|(kind, low)| match kind {
                Tk::Word => self.word_id(low),
                Tk::Apos | Tk::Hyphen => WordId::of_punct(kind),
                // Entries are letters, spaces, apostrophes and hyphens.
                _ => WordId::NEVER,
            })
            .collect()
    }

    /// To call once the words are all in: marks those a cue may start at, and the forms of
    /// periphrasis verbs.
    fn mark_starts(&mut self) {
        for at in 0..self.infos.len() {
            let info = &self.infos[at];
            let lemmas = &self.lemmas;
            let peri = |&(lid, _): &(u16, FormKind)| lemmas[usize::from(lid)].role != Role::Cue;
            let periphrasis = info.forms.iter().any(peri);
            let next = Continuation::of(info, 0, self);
            let next_after_apostrophe = Continuation::of(info, 1, self);
            let simple_picks = [(false, false), (false, true), (true, false), (true, true)]
                .map(|(refl, gerund)| ranked_simple_picks(&info.forms, lemmas, refl, gerund));
            let participle_picks =
                [true, false].map(|pronominal| ranked_participles(&info.forms, lemmas, pronominal));
            let short_phrase = info.phrases.iter().any(|p| p.rest.len() <= 1);
            let phrase_seconds = info
                .phrases
                .iter()
                .filter(|p| p.rest.len() > 1)
                .fold(0, |bits, p| bits | phrase_bit(p.rest[0]));
            let info = &mut self.infos[at];
            info.short_phrase = short_phrase;
            info.phrase_seconds = phrase_seconds;
            info.periphrasis = periphrasis;
            info.starts_verb = info.may_start_verb();
            info.verb_form = !info.forms.is_empty();
            info.lone_adverb = matches!(&info.adverbs[..], [rest] if rest.is_empty());
            info.next = next;
            info.next_after_apostrophe = next_after_apostrophe;
            info.first_picks = OwnLine(FirstPicks {
                first: simple_picks.each_ref().map(|picks| picks.first().copied()),
                more: simple_picks.each_ref().map(|picks| picks.len() > 1),
            });
            info.simple_picks = simple_picks;
            info.participle_picks = participle_picks;
        }
        for slot in self.index.values_mut() {
            let info = &self.infos[slot.at() as usize];
            *slot = slot
                .with(Slot::STARTS_CUE, info.may_start_cue())
                .with(Slot::CUE_ALONE, info.may_be_cue_alone(&self.lemmas))
                .with(Slot::GOES_ON_VERB, info.goes_on_verb())
                .with_near(Near::of(info));
        }
    }

    /// The place of `word` (lowercase) in the index, if it is there.
    fn known(&self, word: &str) -> Option<Slot> {
        if word.len() > self.longest_word {
            return None;
        }
        self.index.get(word).copied()
    }

    fn info(&self, word: &str) -> Option<&WordInfo> {
        self.known(word).map(|slot| &self.infos[slot.at() as usize])
    }

    /// Every word of the index with what the lexicon knows of it.
    fn words(&self) -> impl Iterator<Item = (&str, &WordInfo)> {
        self.index.iter().map(|(word, slot)| (&**word, &self.infos[slot.at() as usize]))
    }
}

/// Where the simple-form readings for a head after a reflexive clitic (`refl`) or the gerund's
/// `en` (`gerund`) are in [`WordInfo::simple_picks`].
fn simple_picks_index(refl: bool, gerund: bool) -> usize {
    usize::from(refl) * 2 + usize::from(gerund)
}

/// The readings of a word (its verb `forms`) that can be a simple form of a cue verb after a
/// reflexive clitic (`refl`) or the gerund's `en` (`gerund`), best first: a pronominal lemma
/// with a reflexive, another without; a longer tail (`mettre en garde`); finite, then present
/// participle, then infinitive; equals in the order of `forms`.
fn ranked_simple_picks(
    forms: &[(u16, FormKind)],
    lemmas: &[Lemma],
    refl: bool,
    gerund: bool,
) -> Box<[SimplePick]> {
    let usable = |kind: FormKind| match kind {
        FormKind::PresentParticiple => true,
        FormKind::Finite { .. } | FormKind::Infinitive => !gerund,
        FormKind::PastParticiple { .. } => false,
    };
    let mut ranked: Vec<((usize, u8), (u16, FormKind))> = forms
        .iter()
        .filter(|&&(lid, kind)| {
            let lemma = &lemmas[usize::from(lid)];
            lemma.role == Role::Cue && usable(kind) && lemma.pronominal == refl
        })
        .map(|&(lid, kind)| {
            let kind_rank = match kind {
                FormKind::Finite { .. } => 2,
                FormKind::PresentParticiple => 1,
                _ => 0,
            };
            ((lemmas[usize::from(lid)].tail.len(), kind_rank), (lid, kind))
        })
        .collect();
    // (A stable sort: equals keep their order.)
    ranked.sort_by_key(|&(key, _)| std::cmp::Reverse(key));
    // The persons the word has as a finite form of the lemma.
    let persons = |lemma: u16| {
        let finite = forms.iter().filter(|&&(lid, _)| lid == lemma);
        finite.fold(0, |bits, &(_, kind)| match kind {
            FormKind::Finite { person, plural, .. } => bits | pbit(person, plural),
            _ => bits,
        })
    };
    ranked
        .into_iter()
        .map(|(_, (lemma, kind))| SimplePick { lemma, kind, persons: persons(lemma) })
        .collect()
}

/// A reading of a word as a simple form of a cue verb.
#[derive(Clone, Copy, Debug)]
struct SimplePick {
    lemma: u16,
    kind: FormKind,
    /// The (person, plural) the word has as a finite form of the lemma, as bits (see [`pbit`]).
    persons: u8,
}

/// The cue lemmas (of `pronominal` ones or of the others) a word with the verb `forms` is the
/// past participle of, longest tail first (`mis` of `mettre en garde`), equals in the order of
/// `forms`.
fn ranked_participles(forms: &[(u16, FormKind)], lemmas: &[Lemma], pronominal: bool) -> Box<[u16]> {
    let mut ranked: Vec<u16> = forms
        .iter()
        .filter(|&&(lid, kind)| {
            let lemma = &lemmas[usize::from(lid)];
            lemma.role == Role::Cue && is_past_participle(kind) && lemma.pronominal == pronominal
        })
        .map(|&(lid, _)| lid)
        .collect();
    // (A stable sort: equals keep their order.)
    ranked.sort_by_key(|&lid| std::cmp::Reverse(lemmas[usize::from(lid)].tail.len()));
    ranked.into()
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(build_lexicon);

/// Why an entry of a caller's verb list cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct BadEntry {
    /// 1-based line number in the list.
    pub line: usize,
    pub entry: String,
    pub reason: String,
}

impl Lexicon {
    /// The built-in lexicon plus the verbs of `list` (the format of `data/verbs.txt`: one lemma
    /// a line, `se`/`s'` for pronominal verbs, `@model` for irregular ones, `#` comments).
    pub fn with_verbs(list: &str) -> Result<Lexicon, BadEntry> {
        let mut lex = LEXICON.clone();
        for (n, raw) in list.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let bad =
                |reason: String| BadEntry { line: n + 1, entry: raw.trim().to_owned(), reason };
            let (lemma, pattern) = match line.rsplit_once('@') {
                Some((l, p)) => (l.trim(), Some(p.trim())),
                None => (line, None),
            };
            let valid = |c: char| c.is_alphabetic() || matches!(c, ' ' | '\'' | '’' | '-');
            if lemma.is_empty() || !lemma.chars().all(valid) {
                return Err(bad("a lemma is letters, spaces, apostrophes and hyphens".into()));
            }
            let lemma = lemma.to_lowercase();
            if lex.lemmas.iter().any(|l| l.text == lemma) {
                continue;
            }
            let lemma = intern(&lemma);
            try_add_lemma(&mut lex, lemma, pattern, Role::Cue).map_err(bad)?;
        }
        // Periphrases and phrases came with the copy; the new verbs are cues like the others.
        lex.cue_lemmas = lex.lemmas.iter().filter(|l| l.role == Role::Cue).count();
        lex.mark_starts();
        Ok(lex)
    }
}

/// Lemma texts are `&'static str` so cue matches can point at them. A caller's lemmas are
/// stored once per distinct text for the life of the process: memory bounded by the verbs
/// ever added, not by how many extractors are built.
fn intern(s: &str) -> &'static str {
    static STORE: LazyLock<std::sync::Mutex<std::collections::HashSet<&'static str>>> =
        LazyLock::new(Default::default);
    let mut store = STORE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(&known) = store.get(s) {
        return known;
    }
    let leaked: &'static str = Box::leak(s.to_owned().into_boxed_str());
    store.insert(leaked);
    leaked
}

fn add_lemma(lex: &mut Lexicon, text: &'static str, pattern: Option<&str>, role: Role) {
    // The built-in lists are tested: an error there is a bug in the data files.
    if let Err(e) = try_add_lemma(lex, text, pattern, role) {
        panic!("verb lexicon: {e}");
    }
}

fn try_add_lemma(
    lex: &mut Lexicon,
    text: &'static str,
    pattern: Option<&str>,
    role: Role,
) -> Result<(), String> {
    let (pronominal, rest) = if let Some(r) = text.strip_prefix("se ") {
        (true, r)
    } else if let Some(r) = text.strip_prefix("s'").or_else(|| text.strip_prefix("s’")) {
        (true, r)
    } else {
        (false, text)
    };
    let (head, tail) = rest.split_once(' ').unwrap_or((rest, ""));
    let forms = conjugate::conjugate(head, pattern)?;
    let id = u16::try_from(lex.lemmas.len()).map_err(|_| "too many verbs".to_owned())?;
    let tail = lex.entry_ids(norm_tokens(tail));
    lex.lemmas.push(Lemma { text, pronominal, tail, role });
    for (form, kind) in forms {
        let entry = &mut lex.word_mut(form).forms;
        if !entry.contains(&(id, kind)) {
            entry.push((id, kind));
        }
    }
    Ok(())
}

fn build_lexicon() -> Lexicon {
    let mut lex = Lexicon {
        lemmas: Vec::new(),
        index: HashMap::default(),
        infos: Vec::new(),
        longest_word: 0,
        cue_lemmas: 0,
        cue_forms: 0,
    };
    // A form listed twice (`avais`: first and second person) keeps its last analysis.
    for (form, aux) in conjugate::auxiliaries() {
        lex.word_mut(form.to_owned()).aux = Some(aux);
    }
    for opener in VERB_OPENERS {
        lex.word_mut((*opener).to_owned()).opens_verb = true;
    }
    // Elided words too (as words no rule asks for, if none does): the index knows them with
    // their apostrophe as well (`l'`), so that a token `l’` finds its word in the probe it
    // already made (see `read_tokens`) and is never split anew.
    for word in TESTED_WORDS.iter().chain(ELIDED) {
        lex.word_id((*word).to_owned());
    }
    for (mark, list) in Mark::LISTS {
        for word in list {
            lex.word_mut((*word).to_owned()).marks |= mark.bit();
        }
    }
    for (words, person) in SUBJECT_PERSONS {
        for word in words {
            lex.word_mut((*word).to_owned()).person = person;
        }
    }
    let mut seen = std::collections::HashSet::new();
    for line in VERBS_TXT.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let (lemma, pattern) = match line.rsplit_once('@') {
            Some((l, p)) => (l.trim(), Some(p.trim())),
            None => (line, None),
        };
        if seen.insert(lemma) {
            add_lemma(&mut lex, lemma, pattern, Role::Cue);
        }
    }
    lex.cue_lemmas = lex.lemmas.len();
    lex.cue_forms = lex.infos.iter().filter(|w| !w.forms.is_empty()).count();
    for &(lemma, pattern, prep, neutral) in PERIPHRASES {
        let etre = ETRE_PERIPHRASES.contains(&lemma);
        if let Some(prep) = prep {
            lex.word_id(prep.to_owned());
        }
        add_lemma(&mut lex, lemma, pattern, Role::Peri { prep, neutral, etre });
    }
    for line in PHRASES_TXT.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let mut toks = norm_tokens(line);
        if toks.is_empty() {
            continue;
        }
        let (_, first) = toks.remove(0);
        let final_de = toks.last().is_some_and(|(_, last)| last == "de");
        let rest = lex.entry_ids(toks);
        lex.word_mut(first).phrases.push(Phrase { text: line, rest, final_de });
    }
    for adv in ADVERBS {
        let mut toks = norm_tokens(adv);
        let (_, first) = toks.remove(0);
        let rest = lex.entry_ids(toks);
        lex.word_mut(first).adverbs.push(rest);
    }
    for info in &mut lex.infos {
        info.phrases.sort_by_key(|phrase| std::cmp::Reverse(phrase.rest.len()));
        info.adverbs.sort_by_key(|rest| std::cmp::Reverse(rest.len()));
    }
    // `A en croire`: the accentless `a` starts the phrases of `à` (and only those).
    let a_phrases = lex.info("à").map(|w| w.phrases.clone()).unwrap_or_default();
    lex.word_mut("a".to_owned()).phrases = a_phrases;
    lex.mark_starts();
    for word in ELIDED {
        if let Some(&slot) = lex.index.get(*word) {
            let elided = format!("{word}'");
            lex.longest_word = lex.longest_word.max(elided.len());
            lex.index.insert(elided.into_boxed_str(), slot);
        }
    }
    lex
}

/// Whether `word_lowercase` is an inflected form (or the infinitive) of a one-word cue verb
/// (`déclaré`, `affirmaient`, `reconnaît`). The heads of multi-word cues alone (`fait` of
/// `faire valoir`, `mis` of `mettre en garde`) and periphrasis verbs (`finit`) do not count.
#[cfg(test)]
pub(crate) fn is_cue_word(word_lowercase: &str) -> bool {
    let lex = &*LEXICON;
    lex.info(word_lowercase).is_some_and(|w| {
        w.forms.iter().any(|&(l, _)| {
            let lem = &lex.lemmas[usize::from(l)];
            lem.role == Role::Cue && lem.tail.is_empty()
        })
    })
}

/// Every word of the built-in cue index with its slot: the grammar table keeps the slots, so
/// that one probe per word answers both (see [`find_cues_in`]).
pub(crate) fn built_in_slots() -> impl Iterator<Item = (&'static str, Slot)> {
    LEXICON.index.iter().map(|(word, &slot)| (&**word, slot))
}

/// Every one-word form of a cue verb (`déclare`, `affirmant`), lowercase.
pub(crate) fn cue_words() -> impl Iterator<Item = &'static str> {
    let lex = &*LEXICON;
    lex.words()
        .filter(|(_, w)| {
            w.forms.iter().any(|&(l, _)| {
                let lem = &lex.lemmas[usize::from(l)];
                lem.role == Role::Cue && lem.tail.is_empty()
            })
        })
        .map(|(k, _)| k)
}

/// How many cue verb lemmas the lexicon holds.
#[cfg(test)]
pub(crate) fn lemma_count() -> usize {
    LEXICON.cue_lemmas
}

/// How many distinct inflected forms the cue verbs have.
#[cfg(test)]
pub(crate) fn form_count() -> usize {
    LEXICON.cue_forms
}

// ------------------------------------------------------------------------------------------
// Matching
// ------------------------------------------------------------------------------------------

/// Bit for (person, plural) in a person set.
const fn pbit(person: u8, plural: bool) -> u8 {
    1 << (person.saturating_sub(1) * 2 + plural as u8)
}

struct Found {
    start: usize,
    /// One past the last token.
    end: usize,
    lemma: &'static str,
    form: CueForm,
    pron: Option<usize>,
    /// Possible (person, plural) of the conjugated head, as bits (see [`pbit`]).
    persons: u8,
    neg_inside: bool,
    neutral: bool,
}

struct Tail {
    end: usize,
    lemma: u16,
    neg: bool,
}

struct Ctx<'a> {
    toks: &'a [Tok],
    lex: &'a Lexicon,
}

impl<'a> Ctx<'a> {
    fn kind(&self, i: usize) -> Option<Tk> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// What the lexicon knows of the word at `i` (`None` for an unknown word or no word).
    fn info(&self, i: usize) -> Option<&'a WordInfo> {
        // The ids of unknown words and punctuation are past the end.
        self.lex.infos.get(self.toks.get(i)?.id.0 as usize)
    }

    /// The verb analyses of the word at `i`, if it is a form of a lexicon verb.
    fn forms(&self, i: usize) -> Option<&'a [(u16, FormKind)]> {
        self.info(i)?.forms()
    }

    /// Whether the word at `i` is in the list of `mark`.
    #[inline]
    fn has(&self, i: usize, mark: Mark) -> bool {
        self.marks(i) & mark.bit() != 0
    }

    /// The [`Near`] bits of the word at `i` (none for an unknown word, punctuation or no token).
    #[inline]
    fn near(&self, i: usize) -> u8 {
        self.toks.get(i).map_or(0, |t| t.near)
    }

    /// The [`Mark`]s of the word at `i` (none for an unknown word, punctuation or no token).
    #[inline]
    fn marks(&self, i: usize) -> u32 {
        self.info(i).map_or(0, |w| w.marks)
    }

    /// The lowercase of the word at `i`: empty for a word the lexicon does not know, which
    /// is none of the words the matcher tests (see [`TESTED_WORDS`]).
    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        (t.kind == Tk::Word).then(|| self.lex.infos.get(t.id.0 as usize).map_or("", |w| &*w.text))
    }

    fn is(&self, i: usize, s: &str) -> bool {
        self.word(i) == Some(s)
    }

    /// `s'`, `d'`, `qu'`...: the word `s` then an apostrophe.
    fn elided(&self, i: usize, s: &str) -> bool {
        self.is(i, s) && self.kind(i + 1) == Some(Tk::Apos)
    }

    fn seq_at(&self, k: usize, seq: &[WordId]) -> bool {
        let Some(toks) = self.toks.get(k..k + seq.len()) else { return false };
        toks.iter().zip(seq).all(|(t, &id)| t.id == id)
    }

    fn lemma(&self, id: u16) -> &'a Lemma {
        &self.lex.lemmas[usize::from(id)]
    }

    /// A reflexive clitic at `i` (`se`, `s'`, `me`, `m'`, `te`, `t'`): the index after it.
    fn reflexive(&self, i: usize) -> Option<usize> {
        let near = self.near(i);
        if near & Near::REFLEXIVE != 0 {
            Some(i + 1)
        } else if near & Near::ELIDED_REFLEXIVE != 0 && self.kind(i + 1) == Some(Tk::Apos) {
            Some(i + 2)
        } else {
            None
        }
    }

    /// An inverted clitic subject at `k` (`-t-il`, `-elle`, `- t-il`, `-t’il`): its token and
    /// the index after it.
    fn inversion(&self, k: usize) -> Option<(usize, usize)> {
        let mut j = k;
        let mut hyphen = false;
        if self.kind(j) == Some(Tk::Hyphen) {
            j += 1;
            hyphen = true;
        }
        let t = self.near(j) & Near::EUPHONIC_T != 0;
        if t && matches!(self.kind(j + 1), Some(Tk::Hyphen | Tk::Apos)) {
            j += 2;
            hyphen = true;
        } else if hyphen && t {
            j += 1; // `a-t il`
        }
        if !hyphen {
            return None;
        }
        (self.near(j) & Near::PRONOUN != 0).then_some((j, j + 1))
    }

    /// Skips adverbs from `k` (at most four): the index after them and whether one negates.
    fn adverbs(&self, mut k: usize) -> (usize, bool) {
        let mut neg = false;
        for _ in 0..4 {
            // (Most words start no adverb: told by the token, with no read of the word's info.)
            if self.near(k) & Near::ADVERB == 0 {
                break;
            }
            let Some(info) = self.info(k) else { break };
            // (A word that is its only adverb is told by its first line: its list is not read.)
            let rest = if info.lone_adverb {
                0
            } else {
                let Some(rest) = info.adverbs.iter().find(|rest| self.seq_at(k + 1, rest)) else {
                    break;
                };
                rest.len()
            };
            neg |= info.marks & Mark::NegAdverb.bit() != 0;
            k += 1 + rest;
        }
        (k, neg)
    }

    /// The index after `tail` if it follows at `k`.
    fn tail(&self, k: usize, tail: &[WordId]) -> Option<usize> {
        self.seq_at(k, tail).then_some(k + tail.len())
    }

    /// Whether the token before `i` forbids reading a verb at `i`: a hyphen glued to it
    /// (`c'est-à-dire`, `soi-disant`) or a determiner (`la lance`, `une note`).
    fn blocked(&self, i: usize, infinitive: bool) -> bool {
        if i == 0 {
            return false;
        }
        let prev = &self.toks[i - 1];
        if prev.kind == Tk::Hyphen && prev.e == self.toks[i].s {
            return true;
        }
        // (`le`, `la`, `les` are determiners too.)
        let marks = self.marks(i - 1);
        if marks & Mark::Determiner.bit() == 0 {
            return false;
        }
        if marks & Mark::Article.bit() == 0 {
            return true;
        }
        // An object clitic, not a determiner: `pour le dire`, `il le dit`, `ne la dit`.
        let clitic = infinitive || (i >= 2 && self.has(i - 2, Mark::BeforeObject));
        !clitic
    }

    /// A glued hyphen after the head that is not an inversion (`lance-roquettes`).
    fn glued_compound(&self, j: usize) -> bool {
        matches!(self.toks.get(j + 1), Some(t) if t.kind == Tk::Hyphen && t.s == self.toks[j].e)
            && matches!(self.toks.get(j + 2), Some(t) if t.kind == Tk::Word)
    }

    fn after(&self, end: usize) -> After {
        match self.kind(end) {
            None => After::End,
            Some(Tk::Colon) => After::Colon,
            Some(Tk::Comma) => After::Comma,
            Some(Tk::Word) => {
                let marks = self.marks(end);
                // Most words are none of `que`, `qu'`, `si`, `s'il`: one test says so.
                let may_be = Mark::Que.bit() | Mark::Qu.bit() | Mark::Si.bit() | Mark::S.bit();
                if marks & may_be == 0 {
                    return After::Other;
                }
                let apostrophe = self.kind(end + 1) == Some(Tk::Apos);
                let que = marks & Mark::Que.bit() != 0 || marks & Mark::Qu.bit() != 0 && apostrophe;
                let s_il = marks & Mark::S.bit() != 0 && apostrophe && self.has(end + 2, Mark::Il);
                if que {
                    After::Que
                } else if marks & Mark::Si.bit() != 0 || s_il {
                    After::Si
                } else {
                    After::Other
                }
            }
            Some(_) => After::Other,
        }
    }

    /// The words before `start`, nearest first, over apostrophes (`n'`, `l'`), within six
    /// tokens, up to the first token that is no word: where the clitics of a verb stand.
    fn words_before(&self, start: usize) -> impl Iterator<Item = usize> + '_ {
        let first = start.saturating_sub(6);
        (first..start)
            .rev()
            .filter(|&p| self.kind(p) != Some(Tk::Apos))
            .take_while(|&p| self.kind(p) == Some(Tk::Word))
    }

    /// Whether `ne`/`n'` precedes `start` (object clitics may stand between).
    fn neg_before(&self, start: usize) -> bool {
        for p in self.words_before(start) {
            let marks = self.marks(p);
            // `ne`, or `n` before an apostrophe.
            if marks & Mark::Ne.bit() != 0
                && (self.word(p) == Some("ne") || self.kind(p + 1) == Some(Tk::Apos))
            {
                return true;
            }
            if marks & Mark::Clitic.bit() == 0 {
                return false;
            }
        }
        false
    }

    /// The clitic subject before `start` (skipping `ne` and object clitics), as a person bit.
    fn subject_before(&self, start: usize) -> Option<u8> {
        for p in self.words_before(start) {
            let info = self.info(p);
            let person = info.map_or(0, |w| w.person);
            if person != 0 {
                return Some(person);
            }
            // `ne`, `n` and object clitics are passed over.
            if info.is_none_or(|w| w.marks & (Mark::Ne.bit() | Mark::Clitic.bit()) == 0) {
                return None;
            }
        }
        None
    }

    /// A phrase of `start` (the word at `i`) at `i`.
    fn match_phrase(&self, i: usize, start: &WordInfo) -> Option<Found> {
        // (`a` has the phrases of `à`: see `WordInfo::phrases`.)
        let next = self.toks.get(i + 1).map_or(WordId::NONE, |t| t.id);
        let (text, end) = start.phrases.iter().find_map(|phrase| {
            let Phrase { text, rest, final_de } = phrase;
            // Most tries end at the second token (which a contracted `de` is not, but for a
            // phrase of two words).
            if rest.len() > 1 && rest[0] != next {
                return None;
            }
            if self.seq_at(i + 1, rest) {
                return Some((text, i + 1 + rest.len()));
            }
            // A final `de` contracted with the article: `de l'avis des experts`, `aux yeux du juge`.
            let (_, init) = rest.split_last()?;
            if !final_de || !self.seq_at(i + 1, init) {
                return None;
            }
            let k = i + 1 + init.len();
            let marks = self.marks(k);
            if marks & Mark::DesDu.bit() != 0 {
                Some((text, k + 1))
            } else if marks & Mark::D.bit() != 0 && self.kind(k + 1) == Some(Tk::Apos) {
                Some((text, k + 2))
            } else {
                None
            }
        })?;
        Some(Found {
            start: i,
            end,
            lemma: text,
            form: CueForm::Phrase,
            pron: None,
            persons: pbit(3, false),
            neg_inside: false,
            neutral: false,
        })
    }

    /// A verb cue at `i`, whose word is `start`.
    fn match_verb(&self, i: usize, start: &'a WordInfo) -> Option<Found> {
        let mut j = i;
        let gerund = start.marks & Mark::Gerund.bit() != 0;
        if gerund {
            j += 1;
        }
        let refl = self.reflexive(j);
        if let Some(n) = refl {
            j = n;
        }
        let info = if j == i { start } else { self.info(j)? };
        if let Some(aux) = info.aux {
            if gerund && aux.kind != FormKind::PresentParticiple {
                return None;
            }
            // (The rarer test last.)
            let found = self.compound(i, j, aux, refl.is_some())?;
            return (j != i || !self.blocked(i, false)).then_some(found);
        }
        self.simple(i, j, info, gerund, refl.is_some())
    }

    /// Auxiliary at `j` (+ inversion + adverbs) + past participle.
    fn compound(&self, i: usize, j: usize, aux: Aux, refl: bool) -> Option<Found> {
        let mut k = j + 1;
        // Most auxiliaries are no cue's: what follows is no inversion, adverb or verb form.
        if self.kind(k) != Some(Tk::Hyphen) && self.near(k) & Near::AFTER_AUX == 0 {
            return None;
        }
        let inv = self.inversion(k);
        if let Some((_, n)) = inv {
            k = n;
        }
        let (k, neg) = self.adverbs(k);
        let participle = self.info(k)?;
        if !participle.verb_form {
            return None;
        }
        let (form, persons) = match aux.kind {
            FormKind::Finite { person, plural, .. } => (
                if inv.is_some() { CueForm::Inverted } else { CueForm::Finite },
                pbit(person, plural),
            ),
            FormKind::PresentParticiple => (CueForm::Participle, 0),
            _ => (CueForm::Infinitive, 0),
        };
        let found = |end: usize, lemma: &'static str, neg_inside: bool, neutral: bool| Found {
            start: i,
            end,
            lemma,
            form,
            pron: inv.map(|x| x.0),
            persons,
            neg_inside,
            neutral,
        };
        // Periphrasis: `a fini par concéder`, `s'est évertué à dire`.
        // (`forms` is read only for a periphrasis verb: its line is not read for the others.)
        let analyses: &[_] = if participle.periphrasis { &participle.forms } else { &[] };
        for &(lid, kind) in analyses {
            let lem = self.lemma(lid);
            let Role::Peri { neutral, etre, .. } = lem.role else {
                continue;
            };
            if !matches!(kind, FormKind::PastParticiple { .. }) || lem.pronominal != refl {
                continue;
            }
            if aux.etre != (lem.pronominal || etre) {
                continue;
            }
            if inv.is_none() && INVERTED_ONLY_PERIPHRASES.contains(&lem.text) {
                continue;
            }
            if let Some(t) = self.peri_tail(k + 1, lem) {
                return Some(found(t.end, self.lemma(t.lemma).text, neg || t.neg, neutral));
            }
        }
        // Cue verb: with `être`, a pronominal verb after a reflexive, or the passive of
        // another (`est-il précisé`, `il est rappelé que`); with `avoir`, a verb that is not
        // pronominal, and no reflexive.
        if refl && !aux.etre {
            return None;
        }
        let passive = aux.etre && !refl;
        // (Pronominal lemmas first.)
        let picks = &participle.participle_picks[usize::from(!refl)];
        let (lid, end) = picks.iter().find_map(|&lid| {
            let end = self.tail(k + 1, &self.lemma(lid).tail)?;
            let passive_ok = !passive || inv.is_some() || self.after(end) == After::Que;
            passive_ok.then_some((lid, end))
        })?;
        Some(found(end, self.lemma(lid).text, neg, false))
    }

    /// After a periphrasis verb: preposition, adverbs, reflexive and the cue infinitive (or a
    /// perfect infinitive).
    fn peri_tail(&self, k: usize, peri: &Lemma) -> Option<Tail> {
        let t = self.peri_tail_inner(k, peri)?;
        let cue = self.lemma(t.lemma).text;
        if IDIOMS.iter().any(|&(p, c)| p == peri.text && c == cue) {
            return None;
        }
        Some(t)
    }

    fn peri_tail_inner(&self, k: usize, peri: &Lemma) -> Option<Tail> {
        let Role::Peri { prep, .. } = peri.role else {
            return None;
        };
        let (mut k, mut neg) = self.adverbs(k);
        if let Some(prep) = prep {
            if self.is(k, prep) {
                k += 1;
            } else if prep == "de" && self.elided(k, "d") {
                k += 2;
            } else {
                return None;
            }
            let (k2, n2) = self.adverbs(k);
            k = k2;
            neg |= n2;
        }
        let refl = self.reflexive(k);
        if let Some(n) = refl {
            k = n;
        }
        let info = self.info(k)?;
        if let Some(aux) = info.aux {
            // Perfect infinitive: `semble avoir dit`, `dit s'être senti`.
            if aux.kind != FormKind::Infinitive {
                return None;
            }
            let (k, n2) = self.adverbs(k + 1);
            let analyses = self.forms(k)?;
            return self
                .best_cue(
                    analyses,
                    k,
                    refl.is_some(),
                    |kind| matches!(kind, FormKind::PastParticiple { .. }),
                    Some(aux.etre),
                )
                .map(|(lemma, end, _)| Tail { end, lemma, neg: neg || n2 });
        }
        self.best_cue(info.forms()?, k, refl.is_some(), |kind| kind == FormKind::Infinitive, None)
            .map(|(lemma, end, _)| Tail { end, lemma, neg })
    }

    /// The best cue lemma among `analyses` of the word at `k` whose kind passes `want`:
    /// pronominal lemmas with a reflexive, others without (a reflexive use of a non-pronominal
    /// verb is accepted last). `etre` checks the auxiliary of a perfect infinitive.
    fn best_cue(
        &self,
        analyses: &[(u16, FormKind)],
        k: usize,
        refl: bool,
        want: impl Fn(FormKind) -> bool,
        etre: Option<bool>,
    ) -> Option<(u16, usize, FormKind)> {
        let mut best: Option<((u8, usize), u16, usize, FormKind)> = None;
        for &(lid, kind) in analyses {
            let lem = self.lemma(lid);
            if lem.role != Role::Cue || !want(kind) {
                continue;
            }
            let compat = match (refl, lem.pronominal) {
                (true, true) => 3,
                (false, false) => 2,
                (true, false) | (false, true) => continue,
            };
            if let Some(etre) = etre {
                if etre != refl {
                    continue;
                }
            }
            let Some(end) = self.tail(k + 1, &lem.tail) else {
                continue;
            };
            let key = (compat, lem.tail.len());
            if best.is_none_or(|(b, ..)| key > b) {
                best = Some((key, lid, end, kind));
            }
        }
        best.map(|(_, lid, end, kind)| (lid, end, kind))
    }

    /// A simple form at `j`: finite (maybe inverted), present participle or infinitive, or a
    /// periphrasis verb with its infinitive.
    fn simple(
        &self,
        i: usize,
        j: usize,
        head: &WordInfo,
        gerund: bool,
        refl: bool,
    ) -> Option<Found> {
        if !head.verb_form {
            return None;
        }
        // (`forms` is read only for a periphrasis verb: its line is not read for the others.)
        let analyses: &[_] = if head.periphrasis { &head.forms } else { &[] };
        let persons_of = |lid: u16| -> u8 {
            analyses
                .iter()
                .filter(|(l, _)| *l == lid)
                .map(|(_, k)| match k {
                    FormKind::Finite { person, plural, .. } => pbit(*person, *plural),
                    _ => 0,
                })
                .fold(0, |a, b| a | b)
        };
        let form_of = |kind: FormKind, inverted: bool| match kind {
            FormKind::Finite { .. } if inverted => CueForm::Inverted,
            FormKind::Finite { .. } => CueForm::Finite,
            FormKind::PresentParticiple => CueForm::Participle,
            _ => CueForm::Infinitive,
        };
        let usable = |kind: FormKind| match kind {
            FormKind::PresentParticiple => true,
            FormKind::Finite { .. } | FormKind::Infinitive => !gerund,
            FormKind::PastParticiple { .. } => false,
        };
        let head_first = i == j;
        // A finite form may have its subject after it.
        let inversion = self.inversion(j + 1);
        let inversion_of =
            |kind: FormKind| if matches!(kind, FormKind::Finite { .. }) { inversion } else { None };
        // Periphrasis first: `finit par concéder`, `se contente de dire`, `peut-on lire`.
        for &(lid, kind) in analyses {
            let lem = self.lemma(lid);
            let Role::Peri { neutral, .. } = lem.role else {
                continue;
            };
            if !usable(kind) || lem.pronominal != refl {
                continue;
            }
            let mut k = j + 1;
            let inv = inversion_of(kind);
            if let Some((_, n)) = inv {
                k = n;
            }
            if inv.is_none() && INVERTED_ONLY_PERIPHRASES.contains(&lem.text) {
                continue;
            }
            if let Some(t) = self.peri_tail(k, lem) {
                // (The rarer test last.)
                if head_first && self.blocked(i, kind == FormKind::Infinitive) {
                    continue;
                }
                return Some(Found {
                    start: i,
                    end: t.end,
                    lemma: self.lemma(t.lemma).text,
                    form: form_of(kind, inv.is_some()),
                    pron: inv.map(|x| x.0),
                    persons: persons_of(lid),
                    neg_inside: t.neg,
                    neutral,
                });
            }
        }
        // A cue verb: the best reading whose tail follows.
        let at = simple_picks_index(refl, gerund);
        let try_pick = |pick: SimplePick| {
            let inv = inversion_of(pick.kind);
            let k = inv.map_or(j + 1, |(_, n)| n);
            let end = self.tail(k, &self.lemma(pick.lemma).tail)?;
            Some((pick, inv, end))
        };
        // (The list is read only when its first pick is not the cue's and it has more.)
        let FirstPicks { first, more } = &head.first_picks.0;
        let (pick, inv, end) = first[at].and_then(try_pick).or_else(|| {
            let rest = if more[at] { &head.simple_picks[at][1..] } else { &[] };
            rest.iter().find_map(|&pick| try_pick(pick))
        })?;
        let (lid, kind) = (pick.lemma, pick.kind);
        if kind == FormKind::Infinitive && NOT_BARE_INFINITIVE.contains(&self.lemma(lid).text) {
            return None;
        }
        if head_first && self.blocked(i, kind == FormKind::Infinitive) {
            return None;
        }
        if inv.is_none() && self.glued_compound(j) {
            return None;
        }
        Some(Found {
            start: i,
            end,
            lemma: self.lemma(lid).text,
            form: form_of(kind, inv.is_some()),
            pron: inv.map(|x| x.0),
            persons: pick.persons,
            neg_inside: false,
            neutral: false,
        })
    }

    fn finish(&self, f: Found) -> CueMatch {
        let mut start = self.toks[f.start].s();
        if f.neutral {
            // `ne cessent de promettre`: the `ne` of a negation-neutral periphrasis is part of it.
            if f.start >= 1 && self.is(f.start - 1, "ne") {
                start = self.toks[f.start - 1].s();
            } else if f.start >= 2
                && self.kind(f.start - 1) == Some(Tk::Apos)
                && self.is(f.start - 2, "n")
            {
                start = self.toks[f.start - 2].s();
            }
        }
        let span = Span::new(start, self.toks[f.end - 1].e());
        let (person, plural) = if let Some(p) = f.pron {
            // (An inverted subject is one of `PRONOUNS`.)
            match self.info(p).map_or(0, |w| w.person) {
                b if b == pbit(1, false) => (Person::First, false),
                b if b == pbit(2, false) => (Person::Second, false),
                b if b == pbit(1, true) => (Person::First, true),
                b if b == pbit(2, true) => (Person::Second, true),
                b if b == pbit(3, true) => (Person::Third, true),
                _ => (Person::Third, false),
            }
        } else {
            let mut bits = f.persons;
            if bits.count_ones() > 1 {
                if let Some(s) = self.subject_before(f.start) {
                    if bits & s != 0 {
                        bits = s;
                    }
                }
            }
            // Preference: third, first, second; singular before plural.
            let order = [(3, false), (3, true), (1, false), (1, true), (2, false), (2, true)];
            let (p, pl) =
                order.into_iter().find(|&(p, pl)| bits & pbit(p, pl) != 0).unwrap_or((3, false));
            let person = match p {
                1 => Person::First,
                2 => Person::Second,
                _ => Person::Third,
            };
            (person, pl)
        };
        let negated =
            f.neg_inside || (!f.neutral && f.form != CueForm::Phrase && self.neg_before(f.start));
        CueMatch {
            span,
            lemma: f.lemma,
            form: f.form,
            pronoun: f.pron.map(|p| Span::new(self.toks[p].s(), self.toks[p].e())),
            person,
            plural,
            negated,
            after: self.after(f.end),
        }
    }
}

/// Every cue candidate in `text`, in document order, non-overlapping.
#[cfg(test)]
pub(crate) fn find_cues(text: &str) -> Vec<CueMatch> {
    find_cues_in(&Tokens::new(text), None)
}

/// Every cue candidate of the text read into `tokens`, in document order, non-overlapping, with
/// the built-in lexicon (`custom` is `None`) or a caller's.
///
/// The cue finder's words are finer than `tokens`' (`a-t-il` is `a`, `-`, `t`, `-`, `il` here;
/// `l’` is `l`, `'`): the few words with a joiner inside are split, the others taken whole.
/// A word is known by its place in the cue index, looked up in its normal form; with the
/// built-in lexicon, that place came with the word's classes (elided words are keyed with their
/// apostrophe too), so that most words need no probe here. Only the stretches of tokens where a
/// cue may start are read (see [`Stretches`]).
pub(crate) fn find_cues_in(tokens: &Tokens<'_>, custom: Option<&Lexicon>) -> Vec<CueMatch> {
    let lex = custom.unwrap_or(&LEXICON);
    if tokens.cue_reads_apart() {
        // Rare letters read otherwise here (U+FEFF inside a word, a soft hyphen dropped from
        // the lowercase): read the text anew.
        return find_cues_with(tokens.text, lex);
    }
    let mut read = Stretches::with_capacity(tokens.len() / 2);
    match custom {
        // The built-in index's answer came with the word's classes: no probe here.
        // The tokens themselves noted where its cues may start: only those are looked at.
        None => {
            let candidates = Some(tokens.cue_candidates());
            // The grammar table holds the built-in index's slots, and is probed faster.
            let piece_slot = |piece: &str| grammar().entry_of_word(piece, false).cue;
            read_tokens(tokens, lex, |_, t| t.cue_slot(), piece_slot, candidates, &mut read);
        }
        Some(lex) => {
            let slot =
                |i, t: &Token| (t.kind == Kind::Word).then(|| lex.known(tokens.norm(i))).flatten();
            read_tokens(tokens, lex, slot, |piece| lex.known(piece), None, &mut read);
        }
    }
    let cues = find_at_starts(&read.toks, &read.starts, lex);
    pool::give(read.toks);
    pool::give(read.starts);
    cues
}

/// The cue finder's tokens, read only where a cue may be found.
///
/// A *barrier* is a token the lexicon does not know: a word out of the index, punctuation other
/// than `'` and `-`. No rule of the matcher reads past a barrier, forward or backward, nor
/// more of it than its kind (it matches nothing). So only the stretches between two barriers
/// where a cue may start are read, each with the barriers around it, and they stand side by
/// side here: the tokens between them are skipped.
struct Stretches {
    toks: Vec<Tok>,
    /// The indices in `toks` of the words a cue may start at.
    starts: Vec<usize>,
    /// Whether a cue may start since the last barrier read.
    open: bool,
}

impl Stretches {
    fn with_capacity(n: usize) -> Stretches {
        Stretches { toks: pool::take(n), starts: pool::take(n / 4), open: false }
    }

    /// Reads the token `tok`; `starts_cue` when a cue may start at it.
    #[inline]
    fn push(&mut self, tok: Tok, starts_cue: bool) {
        // No branch on whether the token starts a cue (about one in four does, a test the
        // predictor often misses): its index is written always, and kept if it is one.
        let barrier = tok.id == WordId::NONE;
        let start = starts_cue & !barrier;
        let kept = self.starts.len() + usize::from(start);
        self.starts.push(self.toks.len());
        self.starts.truncate(kept);
        self.open = (self.open | start) & !barrier;
        self.toks.push(tok);
    }

    /// Reads the word at `s..e` of the text, with its place in the lexicon's index if it is
    /// there.
    #[inline]
    fn push_word(&mut self, (s, e): (usize, usize), known: Option<Slot>) {
        self.push(Tok::word(s, e, known), known.is_some_and(|k| k.starts_cue()));
    }

    /// Reads the punctuation character at `s..e` of the text, of `kind`.
    #[inline]
    fn push_punct(&mut self, (s, e): (usize, usize), kind: Tk) {
        self.push(Tok::new(s, e, WordId::of_punct(kind), kind), false);
    }
}

/// Reads the cue finder's tokens of `tokens` into `read`: the stretches where a cue may start
/// (see [`Stretches`]), the others skipped. `whole_word_slot` gives the index slot of a word
/// with no joiner inside (or of an elided word with its apostrophe), `piece_slot` that of a
/// piece of a joined word (in normal form). `candidates`, when given,
/// lists the tokens that may start a cue (a slot that starts one, or a joined word with no
/// slot: [`Tokens::cue_candidates`]), so that the others are not looked at; without it, every
/// token is asked.
///
/// (Out of line: each of its two copies, for the built-in lexicon and for a caller's, is a
/// function of its own, not a part of [`find_cues_in`] where the other's code lies between.)
#[inline(never)]
fn read_tokens(
    tokens: &Tokens<'_>,
    lex: &Lexicon,
    whole_word_slot: impl Fn(usize, &Token) -> Option<Slot>,
    piece_slot: impl Fn(&str) -> Option<Slot>,
    candidates: Option<&[u32]>,
    read: &mut Stretches,
) {
    let toks = &tokens.toks[..];
    // Whether token `k` is a barrier, as far as it can be told before splitting words: a word
    // with a joiner inside may hold known pieces, and counts as none.
    let barrier = |k: usize| {
        let t = &toks[k];
        match t.kind {
            Kind::Break => tokens.is_paragraph_break(k),
            Kind::Punct => !matches!(punct_kind(t.first), Tk::Apos | Tk::Hyphen),
            Kind::Word => !t.joined && whole_word_slot(k, t).is_none(),
        }
    };
    // Whether a cue starting at a word (whose info is `start`) may go on into the token from
    // `n` on: not into a barrier, and for a word that is no verb form, into what may follow it.
    let may_go_on =
        |info: &WordInfo, continuation: &Option<Continuation>, n: usize, skip: usize| {
            // A line break is passed over, a paragraph break is a barrier.
            let Some(n) = (n..toks.len())
                .find(|&n| toks[n].kind != Kind::Break || tokens.is_paragraph_break(n))
            else {
                return false;
            };
            let t = &toks[n];
            let (next, goes_on_verb) = match t.kind {
                Kind::Break => return false,
                Kind::Punct => (WordId::of_punct(punct_kind(t.first)), false),
                // The pieces of a joined word are not known yet (but for an elided word).
                Kind::Word => match whole_word_slot(n, t) {
                    Some(slot) => (slot.id(), slot.goes_on_verb()),
                    None if t.joined => return true,
                    None => return false,
                },
            };
            if next == WordId::NONE {
                return false;
            }
            match continuation {
                None => true,
                // Most starts of phrases only (`de`, `à`) are followed by their second token but
                // not by the rest (`de l'État`): the whole phrase is asked for.
                Some(c) if c.phrases_only => {
                    c.allows(next, goes_on_verb)
                        && info
                            .phrases
                            .iter()
                            .any(|p| phrase_may_follow(tokens, &whole_word_slot, n, p, skip))
                }
                Some(c) => c.allows(next, goes_on_verb),
            }
        };
    // Whether a cue may start at the word `k`, whose slot is `slot`. A cue that goes on past its
    // first word cannot go into a barrier (line breaks are no cue finder's tokens); an elided
    // word goes on into its apostrophe.
    let live = |k: usize, slot: Slot| {
        slot.starts_cue() && {
            let info = &lex.infos[slot.at() as usize];
            // (A joined word with a slot is an elided word and its apostrophe.)
            let (next, skip) =
                if toks[k].joined { (&info.next_after_apostrophe, 1) } else { (&info.next, 0) };
            slot.cue_alone() || may_go_on(info, next, k + 1, skip)
        }
    };
    // The first token not read.
    let mut unread = 0;
    let mut k = 0;
    // The next candidate to look at, when the candidates are known.
    let mut next_candidate = 0;
    while k < toks.len() {
        if let Some(candidates) = candidates {
            // Every token before the next candidate starts no cue.
            let rest = &candidates[next_candidate..];
            let Some(at) = rest.iter().position(|&c| c as usize >= k) else { break };
            k = rest[at] as usize;
            next_candidate += at + 1;
        }
        // Whether a cue may start at token `k`, or in it (no slot for punctuation).
        let start = match whole_word_slot(k, &toks[k]) {
            Some(slot) => live(k, slot),
            // A joined word with no slot: a cue may start at one of its pieces.
            None => toks[k].joined && a_piece_starts_cue(tokens.norm(k), &piece_slot),
        };
        k += 1;
        if !start {
            continue;
        }
        // The stretch, from the barrier before the start (which the matcher reads too) up to
        // the barrier that ends it.
        let mut j = k - 1;
        while j > unread {
            j -= 1;
            if barrier(j) {
                break;
            }
        }
        // One test with no branch inside (`|`, `&`), so that only its last answer, at the
        // stretch's end, is a surprise: not also its turn from the words before the start to
        // those after it.
        while (j < k) | (read.open & (j < toks.len())) {
            read_token(tokens, j, &whole_word_slot, &piece_slot, read);
            j += 1;
        }
        unread = j;
        k = j;
    }
}

/// Whether the tokens of `tokens` from `n` on may read as the tokens of `phrase` after its
/// first `skip + 1` (its word, and its apostrophe when the start token was the elided word with
/// it), as far as can be told before splitting words: a joined word with no slot may hold
/// anything. A final `de`, which may be contracted, is not asked for. True when the matcher may
/// find the phrase there (see [`Ctx::match_phrase`]).
fn phrase_may_follow(
    tokens: &Tokens<'_>,
    whole_word_slot: &impl Fn(usize, &Token) -> Option<Slot>,
    mut n: usize,
    phrase: &Phrase,
    skip: usize,
) -> bool {
    let Some(rest) = phrase.rest.get(skip..) else { return false };
    if skip > 0 && phrase.rest.first() != Some(&WordId::APOSTROPHE) {
        return false;
    }
    let want = if phrase.final_de { &rest[..rest.len().saturating_sub(1)] } else { rest };
    let mut w = 0;
    while w < want.len() {
        let Some(t) = tokens.toks.get(n) else { return false };
        let id = match t.kind {
            // A line break is passed over, a paragraph break is a barrier.
            Kind::Break if tokens.is_paragraph_break(n) => return false,
            Kind::Break => {
                n += 1;
                continue;
            }
            Kind::Punct => WordId::of_punct(punct_kind(t.first)),
            Kind::Word => match whole_word_slot(n, t) {
                Some(slot) => slot.id(),
                None => return t.joined,
            },
        };
        if id != want[w] {
            return false;
        }
        w += 1;
        if t.kind == Kind::Word && t.joined {
            // An elided word with its apostrophe (`l’`), which the reader splits there.
            if elided_word_end(tokens.text, t.span()).is_none() {
                return true;
            }
            if w < want.len() {
                if want[w] != WordId::APOSTROPHE {
                    return false;
                }
                w += 1;
            }
        }
        n += 1;
    }
    true
}

/// Reads token `k` of `tokens` into `read` (see [`read_tokens`]).
#[inline]
fn read_token(
    tokens: &Tokens<'_>,
    k: usize,
    whole_word_slot: &impl Fn(usize, &Token) -> Option<Slot>,
    piece_slot: &impl Fn(&str) -> Option<Slot>,
    read: &mut Stretches,
) {
    let t = &tokens.toks[k];
    let Span { start, end } = t.span();
    match t.kind {
        // No cue runs over a blank line: what a paragraph says never depends on the next.
        Kind::Break if tokens.is_paragraph_break(k) => read.push_punct((start, end), Tk::Other),
        Kind::Break => {}
        Kind::Punct => read.push_punct((start, end), punct_kind(t.first)),
        Kind::Word if !t.joined => read.push_word((start, end), whole_word_slot(k, t)),
        Kind::Word => match (whole_word_slot(k, t), elided_word_end(tokens.text, t.span())) {
            // `l’`: the index knows it with its apostrophe (see `ELIDED`), no probe here.
            (Some(slot), Some(apostrophe)) => {
                read.push_word((start, apostrophe), Some(slot));
                read.push_punct((apostrophe, end), Tk::Apos);
            }
            _ => read_pieces(tokens, k, piece_slot, read),
        },
    }
}

/// Where the apostrophe ending the word at `span` of `text` starts, if one does (`l’`: its
/// tokens end a word with an apostrophe only after an elided word).
fn elided_word_end(text: &str, span: Span) -> Option<usize> {
    let c = text.get(span.start..span.end)?.chars().next_back()?;
    is_apostrophe(c).then(|| span.end - c.len_utf8())
}

/// Whether a cue may start at a piece of the joined word whose normal form is `norm` (`a` of
/// `a-t-il`; no piece of `Jean-Marc` or `1.900`), `piece_slot` giving a piece's index slot. A
/// joined word at which none may start is no reason to read its stretch.
fn a_piece_starts_cue(norm: &str, piece_slot: &impl Fn(&str) -> Option<Slot>) -> bool {
    // (No lexicon word has a digit.)
    let may_be_word = |piece: &str| piece.bytes().next().is_some_and(|b| !b.is_ascii_digit());
    // The joiners are ASCII: the normal form is split by bytes, with no decoding of characters.
    let mut at = 0;
    norm.as_bytes().split(is_joiner).any(|piece| {
        let word = &norm[at..at + piece.len()];
        at += piece.len() + 1;
        may_be_word(word) && piece_slot(word).is_some_and(|slot| slot.starts_cue())
    })
}

/// A byte that joins the pieces of a word's normal form (`a-t-il`, `1.900`, `2,5`, `l'`).
fn is_joiner(b: &u8) -> bool {
    matches!(b, b'-' | b'.' | b',' | b'\'')
}

/// Reads the pieces of the joined word `i` of `tokens` (`a-t-il`: `a`, `-`, `t`, `-`, `il`),
/// with the index slots `piece_slot` gives.
#[inline(never)]
fn read_pieces(
    tokens: &Tokens<'_>,
    i: usize,
    piece_slot: &impl Fn(&str) -> Option<Slot>,
    read: &mut Stretches,
) {
    let Span { start, end } = tokens.span(i);
    let text = &tokens.text[start..end];
    // Pieces between joiners, in the text and in the normal form alike (a joiner is the same
    // character in both, but apostrophes, all `'` in the normal form). The joiners of the
    // normal form are ASCII: it is split by bytes.
    let norm = tokens.norm(i);
    let mut norm_at = 0;
    let mut next_known = || {
        let rest = norm.get(norm_at..).unwrap_or("");
        let len = rest.bytes().position(|b| is_joiner(&b)).unwrap_or(rest.len());
        norm_at += len + 1;
        piece_slot(&rest[..len])
    };
    let bytes = text.as_bytes();
    let (mut piece, mut at) = (0, 0);
    while let Some(&b) = bytes.get(at) {
        let joiner = match b {
            b'-' => Some((Tk::Hyphen, 1)),
            b'.' => Some((Tk::Other, 1)),
            b',' => Some((Tk::Comma, 1)),
            b'\'' => Some((Tk::Apos, 1)),
            // The first byte of `’`, `‘` or `ʼ`.
            0xca | 0xe2 => text[at..]
                .chars()
                .next()
                .filter(|&c| is_apostrophe(c))
                .map(|c| (Tk::Apos, c.len_utf8())),
            _ => None,
        };
        let Some((kind, len)) = joiner else {
            at += 1;
            continue;
        };
        read.push_word((start + piece, start + at), next_known());
        read.push_punct((start + at, start + at + len), kind);
        at += len;
        piece = at;
    }
    if piece < bytes.len() {
        read.push_word((start + piece, end), next_known());
    }
}

/// Every cue candidate of `text`, read with the cue finder's own tokenizer (see
/// [`find_cues_in`]), with the lexicon `lex`.
#[cold]
#[inline(never)]
pub(crate) fn find_cues_with(text: &str, lex: &Lexicon) -> Vec<CueMatch> {
    let mut raw = Vec::with_capacity(text.len() / 5 + 1);
    // The lowercase copy of the text, and room for the few tokens whose lowercase differs.
    let mut low = String::with_capacity(text.len() + text.len() / 8);
    // Most words start no cue: only those that may are tried.
    let mut starts = Vec::new();
    tokenize(text, &mut raw, &mut low, &mut starts, |w| lex.known(w));
    let toks: Vec<Tok> = raw.into_iter().map(RawTok::tok).collect();
    find_at_starts(&toks, &starts, lex)
}

/// The cues of `toks`, trying only the `starts` (the words a cue may start at).
fn find_at_starts(toks: &[Tok], starts: &[usize], lex: &Lexicon) -> Vec<CueMatch> {
    let cx = Ctx { toks, lex };
    // About one start in five or six is a cue's.
    let mut out = pool::take(starts.len() / 4);
    // The first token after the last cue found: cues do not overlap.
    let mut free = 0;
    for &i in starts {
        if i < free {
            continue;
        }
        let Some(start) = cx.info(i) else { continue };
        // Most starts have no phrase, or none that goes on with the next token (`a`, which has
        // those of `à`, before a participle).
        let next = toks.get(i + 1).map_or(WordId::NONE, |t| t.id);
        let try_phrase = start.short_phrase || start.phrase_seconds & phrase_bit(next) != 0;
        let phrase = if try_phrase { cx.match_phrase(i, start) } else { None };
        if let Some(f) = phrase.or_else(|| start.starts_verb.then(|| cx.match_verb(i, start))?) {
            free = f.end;
            out.push(cx.finish(f));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (cue text, lemma, form) for every cue found.
    fn cues(text: &str) -> Vec<(&str, &'static str, CueForm)> {
        find_cues(text).into_iter().map(|c| (&text[c.span.range()], c.lemma, c.form)).collect()
    }

    fn one(text: &str, cue: &str) -> CueMatch {
        let all = find_cues(text);
        let found: Vec<&str> = all.iter().map(|c| &text[c.span.range()]).collect();
        all.into_iter()
            .find(|c| &text[c.span.range()] == cue)
            .unwrap_or_else(|| panic!("{cue:?} not found in {text:?}; found {found:?}"))
    }

    fn check_boundaries(text: &str) {
        for c in find_cues(text) {
            assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
            if let Some(p) = c.pronoun {
                assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
                assert!(c.span.contains(p));
            }
        }
    }

    /// The fields of [`WordInfo`] read together share a cache line (see its doc).
    #[test]
    fn word_info_lines() {
        use std::mem::offset_of;
        assert!(offset_of!(WordInfo, verb_form) < 64);
        assert!(offset_of!(WordInfo, lone_adverb) < 64);
        assert_eq!(offset_of!(WordInfo, first_picks), 64);
        assert!(size_of::<FirstPicks>() <= 64);
        assert_eq!(offset_of!(WordInfo, participle_picks), 128);
        assert!(offset_of!(WordInfo, phrases) + size_of::<Vec<Phrase>>() <= 192);
    }

    #[test]
    fn lexicon_size() {
        eprintln!("{} lemmas, {} forms", lemma_count(), form_count());
        assert!(lemma_count() >= 180, "{} lemmas", lemma_count());
        assert!(form_count() >= 5000, "{} forms", form_count());
        assert!(is_cue_word("déclaré"));
        assert!(is_cue_word("affirmaient"));
        assert!(is_cue_word("dit"));
        assert!(is_cue_word("reconnaît"));
        assert!(!is_cue_word("maison"));
        assert!(!is_cue_word("finit")); // periphrasis only
        assert!(!is_cue_word("fait")); // head of `faire valoir` only
        assert!(!is_cue_word("a"));
    }

    #[test]
    fn finite_forms_and_auxiliary_tenses() {
        let t = "Le maire a déclaré que tout allait bien. Les élus ont affirmé le contraire. \
                 La ministre avait indiqué qu'elle viendrait. Il aurait assuré que non. \
                 Elle affirme que le texte passera. Ils dénoncent une manœuvre. \
                 Le préfet aura précisé les règles. Elle eut répondu trop tard. \
                 Le juge estimait que c'était grave. Il déclara la séance ouverte.";
        assert_eq!(
            cues(t).iter().map(|c| c.0).collect::<Vec<_>>(),
            vec![
                "a déclaré",
                "ont affirmé",
                "avait indiqué",
                "aurait assuré",
                "affirme",
                "dénoncent",
                "aura précisé",
                "eut répondu",
                "estimait",
                "déclara"
            ]
        );
        let c = one(t, "ont affirmé");
        assert_eq!(
            (c.lemma, c.form, c.person, c.plural),
            ("affirmer", CueForm::Finite, Person::Third, true)
        );
        let c = one(t, "a déclaré");
        assert_eq!(
            (c.lemma, c.person, c.plural, c.after),
            ("déclarer", Person::Third, false, After::Que)
        );
        assert!(one(t, "dénoncent").plural);
        assert_eq!(one(t, "eut répondu").lemma, "répondre");
    }

    #[test]
    fn adverbs_between_auxiliary_and_participle() {
        for (t, cue) in [
            ("Le maire a également souligné les retards.", "a également souligné"),
            (
                "Elle a lui aussi... non, elle a elle aussi rappelé la règle.",
                "a elle aussi rappelé",
            ),
            ("Le ministre a lui aussi appelé au calme.", "a lui aussi appelé"),
            ("Il avait déjà évoqué ce sujet.", "avait déjà évoqué"),
            ("Elle a par ailleurs averti les syndicats.", "a par ailleurs averti"),
            ("Ils ont d'ailleurs reconnu leur erreur.", "ont d'ailleurs reconnu"),
            ("Elle a d’ailleurs reconnu son erreur.", "a d’ailleurs reconnu"),
            ("Il a une nouvelle fois dénoncé la réforme.", "a une nouvelle fois dénoncé"),
            ("Le patron a encore longuement expliqué son choix.", "a encore longuement expliqué"),
        ] {
            let c = one(t, cue);
            assert_eq!(c.form, CueForm::Finite, "{t}");
            assert!(!c.negated, "{t}");
        }
    }

    #[test]
    fn inversion_variants() {
        for (t, cue, pron) in [
            ("« C'est fini », a-t-il déclaré.", "a-t-il déclaré", "il"),
            ("« C'est fini », a - t-il déclaré.", "a - t-il déclaré", "il"),
            ("« C'est fini », a-t’il déclaré.", "a-t’il déclaré", "il"),
            ("« C'est fini », a-t-elle encore martelé.", "a-t-elle encore martelé", "elle"),
            ("« C'est fini », ont-ils affirmé.", "ont-ils affirmé", "ils"),
            ("« C'est fini », disait-il souvent.", "disait-il", "il"),
            ("« Rien ne change », explique-t-on au ministère.", "explique-t-on", "on"),
            ("« Je reste », précise-t-elle.", "précise-t-elle", "elle"),
            ("« Je reste », répond-il.", "répond-il", "il"),
            ("« Pas question », s'est-il exclamé.", "s'est-il exclamé", "il"),
            ("« Le texte est clair », est-il précisé dans le communiqué.", "est-il précisé", "il"),
            ("« Nous partirons », peut-on lire dans la lettre.", "peut-on lire", "on"),
            ("« Il faut agir », fait-il valoir.", "fait-il valoir", "il"),
            ("« Non », dis-je.", "dis-je", "je"),
        ] {
            let c = one(t, cue);
            assert_eq!(c.form, CueForm::Inverted, "{t}");
            let p = c.pronoun.unwrap_or_else(|| panic!("no pronoun in {t}"));
            assert_eq!(&t[p.range()], pron, "{t}");
        }
        let t = "« Nous partirons », ont-elles assuré.";
        let c = one(t, "ont-elles assuré");
        assert_eq!((c.person, c.plural), (Person::Third, true));
        let c = one("« Non », dis-je.", "dis-je");
        assert_eq!((c.person, c.plural, c.lemma), (Person::First, false, "dire"));
    }

    #[test]
    fn first_person_and_pronominal() {
        let c = one("Je lui ai dit : « Reviens demain. »", "ai dit");
        assert_eq!((c.person, c.after), (Person::First, After::Colon));
        let c = one("J'ai simplement dit la vérité.", "ai simplement dit");
        assert_eq!(c.person, Person::First);
        let c = one("Je dis ce que je pense.", "dis");
        assert_eq!(c.person, Person::First);
        let c = one("Elle s'est dite inquiète de la situation.", "s'est dite");
        assert_eq!(c.lemma, "se dire");
        let c = one("Le ministre s’est dit prêt à discuter.", "s’est dit");
        assert_eq!(c.lemma, "se dire");
        let c = one("Les maires se sont félicités de l'accord.", "se sont félicités");
        assert_eq!((c.lemma, c.plural), ("se féliciter", true));
        assert_eq!(
            one("La directrice se félicite du résultat.", "se félicite").lemma,
            "se féliciter"
        );
        assert_eq!(one("Le syndicat s'inquiète des délais.", "s'inquiète").lemma, "s'inquiéter");
        assert_eq!(one("Il s'était dit favorable au projet.", "s'était dit").lemma, "se dire");
        assert_eq!(
            one("Elle se félicitait de la décision.", "se félicitait").lemma,
            "se féliciter"
        );
        assert_eq!(one("Il se souvient très bien de ce jour.", "se souvient").lemma, "se souvenir");
        assert_eq!(one("Elle s'interroge sur la suite.", "s'interroge").lemma, "s'interroger");
        assert_eq!(one("Il se demande si tout ira bien.", "se demande").after, After::Si);
    }

    #[test]
    fn participles_infinitives_and_gerunds() {
        let c = one("Soulignant les risques, le maire a reporté la fête.", "Soulignant");
        assert_eq!((c.form, c.lemma), (CueForm::Participle, "souligner"));
        let c = one("Il a réagi en tweetant un message.", "en tweetant");
        assert_eq!((c.form, c.lemma), (CueForm::Participle, "tweeter"));
        let c = one("Elle est partie en se félicitant du vote.", "en se félicitant");
        assert_eq!(c.lemma, "se féliciter");
        let c = one("Fustigeant la réforme, elle quitte la salle.", "Fustigeant");
        assert_eq!(c.lemma, "fustiger");
        let c = one("Il lança la discussion en lançant une pique.", "en lançant");
        assert_eq!(c.lemma, "lancer");
        let c = one("Il a profité de la visite pour dire sa colère.", "dire");
        assert_eq!(c.form, CueForm::Infinitive);
        let c = one("Et d'ajouter : « Rien n'est joué. »", "ajouter");
        assert_eq!((c.form, c.after), (CueForm::Infinitive, After::Colon));
        let c = one("Il assure avoir affirmé le contraire.", "avoir affirmé");
        assert_eq!(c.form, CueForm::Infinitive);
        let c = one("Ayant déclaré forfait, il rentre.", "Ayant déclaré");
        assert_eq!(c.form, CueForm::Participle);
    }

    #[test]
    fn periphrases() {
        for (t, cue, lemma) in [
            ("Il finit par concéder une erreur.", "finit par concéder", "concéder"),
            ("Elle a fini par reconnaître les faits.", "a fini par reconnaître", "reconnaître"),
            ("Le maire semble se réjouir du résultat.", "semble se réjouir", "se réjouir"),
            ("Le ministre se contente de dire que tout va bien.", "se contente de dire", "dire"),
            ("Elle se contente d'ajouter un mot.", "se contente d'ajouter", "ajouter"),
            ("Il s'est évertué à expliquer sa position.", "s'est évertué à expliquer", "expliquer"),
            ("Je tiens à souligner ce point.", "tiens à souligner", "souligner"),
            ("Le préfet a tenu à rappeler les règles.", "a tenu à rappeler", "rappeler"),
            ("Elle vient de déclarer sa candidature.", "vient de déclarer", "déclarer"),
            ("Il veut croire à un accord.", "veut croire", "croire"),
            ("Le chef ose affirmer le contraire.", "ose affirmer", "affirmer"),
            ("La ministre continue de dénoncer la fraude.", "continue de dénoncer", "dénoncer"),
            ("Il est venu expliquer son projet.", "est venu expliquer", "expliquer"),
            ("Il va annoncer sa décision.", "va annoncer", "annoncer"),
            ("Elle préfère nuancer son propos.", "préfère nuancer", "nuancer"),
        ] {
            let c = one(t, cue);
            assert_eq!(c.lemma, lemma, "{t}");
            assert!(!c.negated, "{t}");
        }
        let c = one("Les élus ne cessent de promettre des baisses.", "ne cessent de promettre");
        assert!(!c.negated);
        assert!(c.plural);
        let c = one("Il n'a pas manqué de souligner l'enjeu.", "n'a pas manqué de souligner");
        assert_eq!(c.lemma, "souligner");
        // `ose` alone is a cue too.
        assert_eq!(one("« Et alors ? », ose sa fille.", "ose").lemma, "oser");
        // Not cues: `veut dire` (means), `peut dire` without inversion.
        assert!(cues("Cela veut dire que rien ne change.").iter().all(|c| c.0 != "veut dire"));
    }

    #[test]
    fn multi_word_lemmas() {
        for (t, cue, lemma) in [
            ("Le ministre a émis l'espoir d'un accord.", "a émis l'espoir", "émettre l'espoir"),
            ("Le ministre a émis l’espoir d’un accord.", "a émis l’espoir", "émettre l'espoir"),
            (
                "Il a également mis en garde contre les excès.",
                "a également mis en garde",
                "mettre en garde",
            ),
            ("Elle a fait valoir ses droits.", "a fait valoir", "faire valoir"),
            ("Il fait remarquer que rien n'est fait.", "fait remarquer", "faire remarquer"),
            ("Il a pris la défense de son ami.", "a pris la défense", "prendre la défense"),
            ("Elle met en garde les électeurs.", "met en garde", "mettre en garde"),
        ] {
            let c = one(t, cue);
            assert_eq!(c.lemma, lemma, "{t}");
        }
        // `a fait` alone is no cue.
        assert!(cues("Il a fait un discours.").is_empty());
    }

    #[test]
    fn phrase_cues() {
        let t = "Selon le ministre, tout va bien. D'après elle, rien ne change. \
                 D’après lui, c'est fini. A en croire le maire, la ville brille. \
                 À en croire la presse, non. Aux yeux de la juge, le dossier est vide. \
                 De l'avis de tous, c'est réussi. Selon les termes de l'accord, il part.";
        let found: Vec<_> = cues(t).into_iter().filter(|c| c.2 == CueForm::Phrase).collect();
        assert_eq!(
            found.iter().map(|c| (c.0, c.1)).collect::<Vec<_>>(),
            vec![
                ("Selon", "selon"),
                ("D'après", "d'après"),
                ("D’après", "d'après"),
                ("A en croire", "à en croire"),
                ("À en croire", "à en croire"),
                ("Aux yeux de", "aux yeux de"),
                ("De l'avis de", "de l'avis de"),
                ("Selon les termes de", "selon les termes de"),
            ]
        );
        let c = one("Pour le ministre, c'est une erreur.", "Pour");
        assert_eq!((c.form, c.lemma), (CueForm::Phrase, "pour"));
        // `à en croire` is not read as the verb `croire`.
        assert!(cues("A en croire X, oui.").iter().all(|c| c.1 != "croire"));
        // The reader asks for a whole phrase before reading its stretch: over a line break,
        // with elided words and contractions, but never over a blank line.
        let t = "À l’en\ncroire, oui. De l’avis\ndes experts, non. Aux yeux du juge, rien. \
                 De l’État, rien. À en\n\ncroire X, non.";
        let found: Vec<_> = cues(t).into_iter().map(|c| (c.0, c.1)).collect();
        assert_eq!(
            found,
            vec![
                ("À l’en\ncroire", "à l'en croire"),
                ("De l’avis\ndes", "de l'avis de"),
                ("Aux yeux du", "aux yeux de"),
                // (The infinitive alone, after the blank line.)
                ("croire", "croire"),
            ]
        );
    }

    #[test]
    fn more_variants() {
        let t = "« Oui », a t-il répondu. « Non », a-t il répondu.";
        assert_eq!(one(t, "a t-il répondu").form, CueForm::Inverted);
        assert_eq!(one(t, "a-t il répondu").form, CueForm::Inverted);
        let c = one("De l'avis des experts, la crise dure.", "De l'avis des");
        assert_eq!((c.lemma, c.form), ("de l'avis de", CueForm::Phrase));
        assert_eq!(one("Aux yeux du juge, rien ne tient.", "Aux yeux du").lemma, "aux yeux de");
        assert_eq!(
            one("Il vient juste de déclarer forfait.", "vient juste de déclarer").lemma,
            "déclarer"
        );
        // Passive only with inversion or `que`.
        assert_eq!(one("Il est rappelé que tout va bien.", "est rappelé").after, After::Que);
        assert!(cues("Le texte est publié demain.").is_empty());
        // Subjunctive auxiliary, pluperfect pronominal, inverted pronominal.
        assert_eq!(one("Qu'il ait dit cela, soit.", "ait dit").lemma, "dire");
        let c = one("Ils s'étaient dit prêts.", "s'étaient dit");
        assert_eq!((c.lemma, c.plural), ("se dire", true));
        let c = one("S'est-elle félicitée du vote ?", "S'est-elle félicitée");
        assert_eq!((c.lemma, c.form), ("se féliciter", CueForm::Inverted));
        // Object clitics stay out of the span.
        assert_eq!(one("Il le lui a dit hier.", "a dit").person, Person::Third);
        assert_eq!(one("Lui a-t-il dit ?", "a-t-il dit").form, CueForm::Inverted);
        // Subject clitic picks the person of an ambiguous form.
        assert_eq!(one("Tu dis n'importe quoi.", "dis").person, Person::Second);
        assert_eq!(one("Nous affirmons le contraire.", "affirmons").person, Person::First);
        assert_eq!(one("Vous affirmez le contraire.", "affirmez").person, Person::Second);
    }

    #[test]
    fn negation() {
        assert!(one("Il n'a pas dit que c'était faux.", "a pas dit").negated);
        assert!(one("Il ne dit pas que c'était faux.", "dit").negated);
        assert!(one("Elle n'a jamais affirmé cela.", "a jamais affirmé").negated);
        assert!(one("Il ne l'a jamais dit.", "a jamais dit").negated);
        assert!(one("Il ne le dit pas.", "dit").negated);
        assert!(!one("Il le dit sans détour.", "dit").negated);
        assert!(!one("Le maire a déclaré forfait.", "a déclaré").negated);
    }

    #[test]
    fn after_detection() {
        assert_eq!(one("Il a dit qu'il viendrait.", "a dit").after, After::Que);
        assert_eq!(one("Il a dit que oui.", "a dit").after, After::Que);
        assert_eq!(one("Elle a demandé s'il viendrait.", "a demandé").after, After::Si);
        assert_eq!(one("Elle a demandé si tout allait bien.", "a demandé").after, After::Si);
        assert_eq!(one("Il a déclaré : « Non. »", "a déclaré").after, After::Colon);
        assert_eq!(one("Il a déclaré\u{a0}: « Non. »", "a déclaré").after, After::Colon);
        assert_eq!(one("« Non », a-t-il répondu, agacé.", "a-t-il répondu").after, After::Comma);
        assert_eq!(one("Il a répondu aux questions.", "a répondu").after, After::Other);
        assert_eq!(one("« Non », a-t-il répondu", "a-t-il répondu").after, After::End);
    }

    #[test]
    fn false_friends() {
        assert!(cues("Il est, c'est-à-dire, fatigué.").is_empty());
        assert!(cues("Un soi-disant expert.").is_empty());
        assert!(cues("La lance était rouillée. Une note salée. Le juge arrive.").is_empty());
        assert!(cues("Lire aussi : notre dossier.").is_empty());
        assert_eq!(one("Il lance : « Allons-y ! »", "lance").lemma, "lancer");
    }

    #[test]
    fn byte_spans_with_accents_nbsp_and_curly_apostrophes() {
        let t = "«\u{a0}Ça suffit\u{a0}», a-t-il déclaré. L’élue s’est écriée\u{202f}: «\u{202f}Non\u{202f}!\u{202f}» \
                 Éric a précisé qu’il reviendrait. « Oui », répliqua-t-elle.";
        check_boundaries(t);
        let c = one(t, "a-t-il déclaré");
        assert_eq!(c.span.start, t.find("a-t-il").unwrap_or(0));
        let c = one(t, "s’est écriée");
        assert_eq!((c.lemma, c.after), ("s'écrier", After::Colon));
        assert_eq!(one(t, "a précisé").after, After::Que);
        assert_eq!(one(t, "répliqua-t-elle").form, CueForm::Inverted);
        // Uppercase at the start of a sentence.
        assert_eq!(one("Évoquant la crise, il se tait.", "Évoquant").lemma, "évoquer");
        assert_eq!(one("ÉCRIT-IL dans sa lettre.", "ÉCRIT-IL").form, CueForm::Inverted);
    }

    #[test]
    fn no_span_off_char_boundary() {
        let samples = [
            "« Ça va », dit-il. — Ah ? répondit-elle… Œuvre, élan, ça, déçu ; « ẞ », a-t-il noté.",
            "\u{202f}a\u{a0}déclaré\u{a0}– n’a pas dit’ ‘selon’ d’après« pour »",
            "e\u{301}voque a\u{300} en croire 𝔄 a dit 😀 a-t-il 😀 dit",
            "",
            "a",
            "a-t-",
            "se",
        ];
        for t in samples {
            check_boundaries(t);
        }
        // Every prefix of a mixed text.
        let t = "Éloïse a-t-elle dit « où » ? S’est-il écrié : « Ça ! » — selon lui, d’après elle.";
        for (i, _) in t.char_indices() {
            check_boundaries(&t[..i]);
            check_boundaries(&t[i..]);
        }
    }

    #[test]
    fn linear_on_long_text() {
        let unit = "Il a également déclaré que « tout va bien », a-t-il ajouté, selon l’AFP. ";
        let t = unit.repeat(2000);
        let t0 = std::time::Instant::now();
        let n = find_cues(&t).len();
        eprintln!("{} bytes in {:?}", t.len(), t0.elapsed());
        assert_eq!(n, 2000 * 3);
    }
}

#[cfg(test)]
mod corpus_tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Doc {
        id: String,
        text: String,
        quotes: Vec<Quote>,
    }
    #[derive(serde::Deserialize)]
    struct Quote {
        cue: Option<Cue>,
    }
    #[derive(serde::Deserialize)]
    struct Cue {
        start: usize,
        end: usize,
        text: String,
    }

    /// The cue finder reading its words from the tokens finds what it finds reading the text
    /// itself: on the corpus, and with characters the two read differently inserted.
    #[test]
    fn reading_from_tokens_agrees_with_own_reading() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
        let Ok(entries) = std::fs::read_dir(&dir) else { return };
        let custom = Lexicon::with_verbs("chantonner\nse lamenter\ncontredire @dire").unwrap();
        let odd = ["\u{ad}", "ǅ", "\u{feff}", "E\u{301}", "’", "‐", "-t-", "\u{200b}", "l'", "İ"];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
            let raw = std::fs::read_to_string(&path).unwrap_or_default();
            let Ok(doc) = serde_json::from_str::<Doc>(&raw) else { continue };
            let mut texts = vec![doc.text.clone(), doc.text.to_uppercase()];
            for _ in 0..20 {
                // A slice with an odd character inserted somewhere.
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let boundary = |mut i: usize| {
                    while !doc.text.is_char_boundary(i) {
                        i -= 1;
                    }
                    i
                };
                let at = |n: u64| boundary((n % doc.text.len() as u64) as usize);
                let (a, b) = (at(seed), at(seed >> 20));
                let (a, b) = (a.min(b), boundary(a.max(b).min(a.min(b) + 2000)));
                let mid = at(seed >> 40).clamp(a, b);
                let ch = odd[(seed >> 33) as usize % odd.len()];
                texts.push(format!("{}{ch}{}", &doc.text[a..mid], &doc.text[mid..b]));
            }
            for text in &texts {
                let tokens = Tokens::new(text);
                assert_eq!(find_cues_in(&tokens, None), find_cues_with(text, &LEXICON), "{text}");
                assert_eq!(find_cues_in(&tokens, Some(&custom)), find_cues_with(text, &custom));
            }
        }
    }

    /// Recall of the gold cues (exact span) over tests/corpus/*.json.
    #[test]
    fn gold_cue_recall() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("no corpus at {}", dir.display());
            return;
        };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.retain(|p| p.extension().is_some_and(|e| e == "json"));
        paths.sort();
        let (mut total, mut hit) = (0usize, 0usize);
        for path in paths {
            let raw = std::fs::read_to_string(&path).unwrap_or_default();
            let Ok(doc) = serde_json::from_str::<Doc>(&raw) else {
                continue;
            };
            let found = find_cues(&doc.text);
            if std::env::var_os("CUE_DUMP").is_some() {
                for c in &found {
                    eprintln!(
                        "FOUND {} {:?} {:?} {:?}",
                        doc.id,
                        &doc.text[c.span.range()],
                        c.form,
                        c.after
                    );
                }
            }
            let mut seen = std::collections::HashSet::new();
            for q in doc.quotes {
                let Some(cue) = q.cue else { continue };
                if !seen.insert((cue.start, cue.end)) {
                    continue;
                }
                total += 1;
                if found.iter().any(|c| c.span == Span::new(cue.start, cue.end)) {
                    hit += 1;
                } else {
                    let near: Vec<&str> = found
                        .iter()
                        .filter(|c| c.span.start < cue.end + 20 && c.span.end + 20 > cue.start)
                        .map(|c| &doc.text[c.span.range()])
                        .collect();
                    let mut ctx_s = cue.start.saturating_sub(40);
                    while !doc.text.is_char_boundary(ctx_s) {
                        ctx_s -= 1;
                    }
                    let mut ctx_e = (cue.end + 30).min(doc.text.len());
                    while !doc.text.is_char_boundary(ctx_e) {
                        ctx_e += 1;
                    }
                    eprintln!(
                        "MISS {} {:?} near {:?} in {:?}",
                        doc.id,
                        cue.text,
                        near,
                        &doc.text[ctx_s..ctx_e]
                    );
                }
            }
        }
        let recall = if total == 0 { 1.0 } else { hit as f64 / total as f64 };
        eprintln!("gold cues: {hit}/{total} = {:.1}%", recall * 100.0);
        assert!(recall >= 0.97, "recall {recall}");
    }
}
