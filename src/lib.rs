//! guillemet: quotation extraction and speaker attribution for French text. (docs to come)
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod attribute;
mod conjugate;
mod cue;
mod dialogue;
mod document;
mod extractor;
mod indirect;
mod lexicon;
mod mention;
mod quote;
mod resolve;
mod scan;
mod sentence;
mod span;
mod speaker;
mod token;

use std::sync::LazyLock;

pub use extractor::{Config, Extractor};
pub use quote::{Cue, Marks, Quote, QuoteKind, Resolution, Speaker};
pub use span::Span;

static DEFAULT: LazyLock<Extractor> = LazyLock::new(Extractor::new);

/// Every quotation in `text`, in document order, with its speaker and cue.
pub fn extract_quotes(text: &str) -> Vec<Quote<'_>> {
    DEFAULT.extract(text)
}

/// The sentences of `text`, as spans that tile it exactly. Quotations are never split.
pub fn sentences(text: &str) -> Vec<Span> {
    let protected: Vec<Span> =
        scan::scan(text).iter().filter(|p| p.depth == 0).map(|p| p.outer()).collect();
    sentence::split(text, &protected)
}

/// The pipeline's stages one by one, for the benchmarks in `benches/` (not a public API: it
/// may change in any release).
#[doc(hidden)]
pub mod __stages {
    /// Pairs of quotation marks found.
    pub fn scan(text: &str) -> usize {
        crate::scan::scan(text).len()
    }

    /// Words and punctuation, with their word classes looked up.
    pub fn tokens(text: &str) -> usize {
        crate::token::Tokens::new(text).len()
    }

    /// Sentences, with no quotation protected.
    pub fn sentences(text: &str) -> usize {
        crate::sentence::split(text, &[]).len()
    }

    /// Cue candidates.
    pub fn cues(text: &str) -> usize {
        crate::cue::find_cues(text).len()
    }
}
