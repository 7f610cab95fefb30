//! Integration tests (one binary): the crate scored on the gold corpus, the scorer itself
//! checked against the reference `corpus/score.py`, and the examples' logic run on real text.

mod corpus;
mod examples;
mod french;
mod indirect;
mod json;
mod lexicon;
mod press;
mod robustness;
#[path = "../../examples/support/score.rs"]
mod score;
mod scorer;
mod speakers;
