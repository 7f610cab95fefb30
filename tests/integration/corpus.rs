//! Scores `guillemet` on the gold documents in `tests/corpus` and holds it to floors, so a
//! change that makes extraction worse fails `cargo test`.
//!
//! `cargo test --test integration corpus -- --nocapture` prints the table.

use std::path::Path;

use crate::score::{self, SystemQuote};

// Floors for the corpus totals, micro-averaged as `corpus/score.py` computes them. Raise
// them as the extractor improves (to a little under the current figures, so that small
// honest trade-offs still pass); never lower them to make a change pass.
/// Direct+partial quotes, exact span match, F1.
const FLOOR_EXACT_F1: f64 = 0.98;
/// Direct+partial quotes, overlap match, F1.
const FLOOR_OVERLAP_F1: f64 = 0.98;
/// Direct+partial quotes: right speakers among overlap-matched quotes.
const FLOOR_ATTRIBUTION_ACC: f64 = 0.96;
/// Direct+partial quotes found and rightly attributed, F1.
const FLOOR_E2E_F1: f64 = 0.95;
/// Indirect quotes, overlap match, F1.
const FLOOR_INDIRECT_OVERLAP_F1: f64 = 0.95;

#[test]
fn corpus_scores_stay_above_the_floors() {
    let gold_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let docs = score::load_gold_dir(&gold_dir).expect("gold corpus loads");
    let report = score::score_corpus(&docs, |doc| {
        let quotes = guillemet::extract_quotes(&doc.text);
        Some(quotes.iter().map(SystemQuote::from_quote).collect())
    });
    println!("{}", report.table());

    let totals = report.totals();
    let (dp, ind) = (totals.direct_partial, totals.indirect);
    let figures = [
        ("direct+partial exact F1", dp.exact_f1, FLOOR_EXACT_F1),
        ("direct+partial overlap F1", dp.overlap_f1, FLOOR_OVERLAP_F1),
        ("direct+partial attribution accuracy", dp.attribution_acc, FLOOR_ATTRIBUTION_ACC),
        ("direct+partial end-to-end F1", dp.e2e_f1, FLOOR_E2E_F1),
        ("indirect overlap F1", ind.overlap_f1, FLOOR_INDIRECT_OVERLAP_F1),
    ];
    let below: Vec<String> = figures
        .iter()
        .filter(|(_, figure, floor)| figure < floor)
        .map(|(name, figure, floor)| format!("{name}: {figure:.4} < floor {floor:.4}"))
        .collect();
    assert!(below.is_empty(), "corpus scores fell below their floors:\n{}", below.join("\n"));
}
