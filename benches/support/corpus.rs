//! The development corpus the benchmarks read: `tests/corpus/*.json`, gold articles.

/// The gold articles of `tests/corpus`, in file name order.
pub fn gold_docs() -> Vec<serde_json::Value> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| serde_json::from_str(&std::fs::read_to_string(p).expect("read")).expect("json"))
        .collect()
}

/// The texts of the gold articles, one string each.
pub fn articles() -> Vec<String> {
    gold_docs().iter().map(|doc| doc["text"].as_str().expect("text").to_owned()).collect()
}
