//! The output types: a quote, its speaker and its cue.

use crate::span::Span;

/// One quotation found in a text, with who said it and the words that say so.
///
/// All spans are byte offsets into the text given to [`extract_quotes`](crate::extract_quotes);
/// `&text[quote.span] == quote.text`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Quote<'h> {
    /// The quoted words, without the quotation marks and the spaces inside them.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub span: Span,
    /// `&text[span]`.
    pub text: &'h str,
    /// Whether the quote is a whole utterance, a fragment, or reported speech.
    pub kind: QuoteKind,
    /// The quotation marks that enclose it (`None` for reported speech).
    pub marks: Option<Marks>,
    /// Who said it, where the text tells.
    pub speaker: Option<Speaker<'h>>,
    /// The words that attribute it (`a déclaré`, `selon`), where there are any.
    pub cue: Option<Cue<'h>>,
}

impl Quote<'_> {
    /// The same quote with every span moved `by` bytes on: a quote found in a block of a
    /// longer text, placed in that text.
    pub(crate) fn shifted(mut self, by: usize) -> Self {
        let shift = |s: &mut Span| *s = Span::new(s.start + by, s.end + by);
        shift(&mut self.span);
        if let Some(speaker) = &mut self.speaker {
            shift(&mut speaker.span);
        }
        if let Some(cue) = &mut self.cue {
            shift(&mut cue.span);
        }
        self
    }
}

/// What kind of quotation a [`Quote`] is (see the crate documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum QuoteKind {
    /// The marks hold a whole utterance: `« Nous sommes prêts », a déclaré Poutine.`
    Direct,
    /// The marks hold a fragment woven into the writer's sentence:
    /// `Il a dit que son homologue « aura la possibilité de travailler ».`
    Partial,
    /// Reported speech without marks: `Le ministre a estimé que la réforme était nécessaire.`
    Indirect,
}

impl QuoteKind {
    /// The lowercase name used in JSON output: `direct`, `partial` or `indirect`.
    pub const fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// The quotation marks around a quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Marks {
    /// French guillemets `« … »`, with or without (no-break) spaces inside.
    Guillemets,
    /// Single guillemets `‹ … ›`.
    SingleGuillemets,
    /// Curly double quotes `“ … ”` (also `„ … “` and `“ … “`).
    CurlyDouble,
    /// Straight double quotes `" … "`.
    StraightDouble,
    /// Curly single quotes `‘ … ’`.
    CurlySingle,
    /// Straight single quotes `' … '` (only inside other marks).
    StraightSingle,
    /// Double acute accents `˝ … ˝`, used as marks in some French web text.
    DoubleAcute,
}

impl Marks {
    /// The snake-case name used in JSON output: `guillemets`, `single_guillemets`,
    /// `curly_double`, `straight_double`, `curly_single`, `straight_single`, `double_acute`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Marks::Guillemets => "guillemets",
            Marks::SingleGuillemets => "single_guillemets",
            Marks::CurlyDouble => "curly_double",
            Marks::StraightDouble => "straight_double",
            Marks::CurlySingle => "curly_single",
            Marks::StraightSingle => "straight_single",
            Marks::DoubleAcute => "double_acute",
        }
    }
}

/// Who said a quote: the mention as written, and the name it resolves to.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Speaker<'h> {
    /// Where the mention is: `Poutine`, `le dirigeant russe`, `il` (from `a-t-il dit`).
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub span: Span,
    /// `&text[span]`.
    pub text: &'h str,
    /// The fullest name the text gives for who this is (`Vladimir Poutine`), or the
    /// mention itself when the text gives none.
    pub name: &'h str,
    /// How the mention was tied to `name`.
    pub resolution: Resolution,
}

/// How a speaker mention was tied to its name, so callers can filter on confidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Resolution {
    /// The mention is the name itself (`Vladimir Poutine`).
    Named,
    /// A shorter form of a name given elsewhere (`Poutine`, `M. Poutine`).
    Alias,
    /// A pronoun (`il`, `-t-elle`, `selon lui`) resolved to an earlier mention.
    Pronoun,
    /// A description (`le dirigeant russe`) tied to a name, standing for the person named
    /// before it (`l'élu`), or kept as written.
    Description,
    /// No cue: the quote carries on the previous speaker, or follows `Name :`.
    Context,
}

impl Resolution {
    /// The snake-case name used in JSON output: `named`, `alias`, `pronoun`, `description`,
    /// `context`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Resolution::Named => "named",
            Resolution::Alias => "alias",
            Resolution::Pronoun => "pronoun",
            Resolution::Description => "description",
            Resolution::Context => "context",
        }
    }
}

/// The words that attribute a quote: `a déclaré`, `a-t-il souligné`, `selon`, `à en croire`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Cue<'h> {
    /// Where the cue is.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub span: Span,
    /// `&text[span]`.
    pub text: &'h str,
}
