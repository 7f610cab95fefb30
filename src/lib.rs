//! guillemet: quotation extraction and speaker attribution for French text. (docs to come)
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod quote;
mod sentence;
mod span;

pub use quote::{Cue, Marks, Quote, QuoteKind, Resolution, Speaker};
pub use span::Span;

/// Every quotation in `text`, in document order (stub).
pub fn extract_quotes(text: &str) -> Vec<Quote<'_>> {
    let _ = text;
    Vec::new()
}

/// The sentences of `text`, as spans that tile it exactly.
pub fn sentences(text: &str) -> Vec<Span> {
    sentence::split(text, &[])
}
