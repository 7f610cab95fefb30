//! The development corpus the benchmarks read (`tests/corpus`), through the evaluation's own
//! gold loader.

#[path = "../../examples/support/score.rs"]
mod score;

pub use score::GoldDoc;

/// The gold articles of `tests/corpus`, in file name order.
pub fn gold_docs() -> Vec<GoldDoc> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    score::load_gold_dir(std::path::Path::new(dir)).expect("tests/corpus")
}

/// The texts of the gold articles, one string each.
pub fn articles() -> Vec<String> {
    gold_docs().into_iter().map(|doc| doc.text).collect()
}
