//! Integration tests (one binary): the crate scored on the gold corpus, and the scorer
//! itself checked against the reference `corpus/score.py`.

mod corpus;
mod french;
#[path = "../../examples/support/score.rs"]
mod score;
mod scorer;
