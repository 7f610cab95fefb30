//! Checks the Rust scorer (`examples/support/score.rs`) against known answers and against
//! figures from the reference scorer `corpus/score.py`.

use std::path::Path;

use serde_json::json;

use crate::score::{self, GoldDoc, Report, SystemQuote};

fn gold_corpus() -> Vec<GoldDoc> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    score::load_gold_dir(&dir).expect("gold corpus loads")
}

/// The gold quotes as a system would give them: same spans and kinds, the entity as name.
fn gold_as_system(doc: &GoldDoc) -> Vec<SystemQuote> {
    let entity = |q: &score::GoldQuote| q.speaker.as_ref().and_then(|s| s.entity.clone());
    doc.quotes
        .iter()
        .map(|q| SystemQuote::new(q.start, q.end, &q.kind, entity(q).as_deref()))
        .collect()
}

fn assert_close(figure: f64, expected: f64, what: &str) {
    assert!((figure - expected).abs() < 1e-12, "{what}: {figure} != {expected}");
}

#[test]
fn gold_scored_against_itself_is_perfect() {
    let report = score::score_corpus(&gold_corpus(), |doc| Some(gold_as_system(doc)));
    let totals = report.totals();
    for (part, s) in [("direct+partial", totals.direct_partial), ("indirect", totals.indirect)] {
        assert!(s.gold > 0, "{part}: the corpus has such quotes");
        let figures = [s.exact_p, s.exact_r, s.exact_f1, s.overlap_p, s.overlap_r, s.overlap_f1];
        let figures = figures.into_iter().chain([s.attribution_acc, s.e2e_p, s.e2e_r, s.e2e_f1]);
        figures.for_each(|f| assert_close(f, 1.0, part));
    }
    assert_eq!(report.details(), "", "no finding when the system is the gold");
}

#[test]
fn empty_system_scores_zero() {
    let report = score::score_corpus(&gold_corpus(), |_| Some(Vec::new()));
    let totals = report.totals();
    for s in [totals.direct_partial, totals.indirect] {
        assert!(s.gold > 0);
        assert_eq!((s.system, s.exact_tp, s.overlap_tp, s.attribution_scored), (0, 0, 0, 0));
        let figures =
            [s.exact_f1, s.overlap_p, s.overlap_r, s.overlap_f1, s.attribution_acc, s.e2e_f1];
        figures.into_iter().for_each(|f| assert_close(f, 0.0, "empty system"));
    }
    assert_eq!(totals.documents_without_output, 0);
    let missing = score::score_corpus(&gold_corpus(), |_| None);
    assert_eq!(missing.totals().documents_without_output, missing.docs.len());
}

const SMALL_TEXT: &str = "« Nous partirons demain », a déclaré Jean Dupont. Selon lui, la route est \
                          longue. Marie Curie voit « une chance réelle ».";

fn span_of(needle: &str) -> (usize, usize) {
    let start = SMALL_TEXT.find(needle).expect("needle in the text");
    (start, start + needle.len())
}

fn gold_quote(needle: &str, kind: &str, mention: &str, entity: &str) -> serde_json::Value {
    let (start, end) = span_of(needle);
    json!({"start": start, "end": end, "text": needle, "kind": kind,
           "speaker": {"text": mention, "entity": entity}, "cue": null})
}

/// Three gold quotes: a direct one by Jean Dupont, an indirect one by him (`lui`), and a
/// partial one by Marie Curie.
fn small_doc_json() -> serde_json::Value {
    json!({
        "id": "small",
        "text": SMALL_TEXT,
        "entities": {"Jean Dupont": ["Jean Dupont", "Dupont"], "Marie Curie": ["Marie Curie"]},
        "quotes": [
            gold_quote("Nous partirons demain", "direct", "Jean Dupont", "Jean Dupont"),
            gold_quote("la route est longue", "indirect", "lui", "Jean Dupont"),
            gold_quote("une chance réelle", "partial", "Marie Curie", "Marie Curie"),
        ],
    })
}

/// A system that cuts the direct quote short (an overlap, not an exact match) but names its
/// speaker in another case, gives the partial quote to the wrong person, adds a spurious
/// quote, and finds the indirect quote exactly without a speaker.
fn small_system() -> Vec<SystemQuote> {
    let quote = |needle: &str, kind: &str, speaker: Option<&str>| {
        let (start, end) = span_of(needle);
        SystemQuote::new(start, end, kind, speaker)
    };
    vec![
        quote("Nous partirons", "direct", Some("DUPONT")),
        quote("une chance réelle", "partial", Some("Jean Dupont")),
        quote("a déclaré Jean Dupont", "partial", None),
        quote("la route est longue", "indirect", None),
    ]
}

fn score_small(doc: serde_json::Value) -> Report {
    let doc = GoldDoc::from_json(&doc.to_string(), "small").expect("valid gold");
    score::score_corpus(&[doc], |_| Some(small_system()))
}

#[test]
fn small_case_gives_the_figures_computed_by_hand() {
    let report = score_small(small_doc_json());
    let totals = report.totals();
    let dp = totals.direct_partial;
    // 2 gold, 3 system; exact: the partial quote only; overlap: 14 of 21 bytes shared
    // (2 * 14 >= 21) for the direct quote, so 2 pairs; speakers: DUPONT right, Jean Dupont
    // for Marie Curie wrong.
    assert_eq!((dp.gold, dp.system, dp.exact_tp, dp.overlap_tp), (2, 3, 1, 2));
    assert_eq!((dp.attribution_right, dp.attribution_scored), (1, 2));
    let expected = [
        (dp.exact_p, 1.0 / 3.0),
        (dp.exact_r, 0.5),
        (dp.exact_f1, 0.4),
        (dp.overlap_p, 2.0 / 3.0),
        (dp.overlap_r, 1.0),
        (dp.overlap_f1, 0.8),
        (dp.attribution_acc, 0.5),
        (dp.e2e_p, 1.0 / 3.0),
        (dp.e2e_r, 0.5),
        (dp.e2e_f1, 0.4),
    ];
    expected.into_iter().for_each(|(f, e)| assert_close(f, e, "direct+partial"));
    // The indirect quote is found exactly, but a gold speaker wants an answer.
    let ind = totals.indirect;
    assert_eq!((ind.gold, ind.system, ind.exact_tp, ind.overlap_tp), (1, 1, 1, 1));
    assert_eq!((ind.attribution_right, ind.attribution_scored), (0, 1));
    assert_close(ind.overlap_f1, 1.0, "indirect overlap");
    assert_close(ind.e2e_f1, 0.0, "indirect end to end");
    // score.py -v's listing for this document, byte for byte (checked by running it).
    let expected_details = "small:
  [direct+partial] spurious  29..52 'a déclaré Jean Dupont'
  [direct+partial] speaker   106..124 'une chance réelle': system 'Jean Dupont', gold 'Marie Curie'
  [indirect] speaker   65..84 'la route est longue': system None, gold 'Jean Dupont'";
    assert_eq!(report.details(), expected_details);
}

#[test]
fn unannotated_speakers_are_left_out_and_also_names_count() {
    let mut doc = small_doc_json();
    doc["quotes"][0]["speaker_annotated"] = json!(false);
    doc["quotes"][2]["also"] = json!(["Jean Dupont"]);
    let dp = score_small(doc).totals().direct_partial;
    // The direct pair no longer counts for attribution, on either side of end to end; the
    // partial quote's answer, Jean Dupont, is now accepted.
    assert_eq!((dp.attribution_right, dp.attribution_scored), (1, 1));
    assert_close(dp.e2e_p, 0.5, "e2e precision: 1 of 3 - 1 system quotes");
    assert_close(dp.e2e_r, 1.0, "e2e recall: 1 of 2 - 1 gold quotes");
    assert_close(dp.overlap_f1, 0.8, "detection does not change");

    let mut doc = small_doc_json();
    doc["speakers_annotated"] = json!(false);
    let dp = score_small(doc).totals().direct_partial;
    assert_eq!((dp.attribution_scored, dp.e2e_f1), (0, 0.0));
}

#[test]
fn names_compare_without_case_accents_apostrophes_or_spacing() {
    assert_eq!(score::normalize("  Hélène\u{a0}\u{a0}GARNIER \n"), "helene garnier");
    assert_eq!(score::normalize("l’Élysée"), "l'elysee");
    assert_eq!(score::normalize("He\u{301}le\u{300}ne ʼs ‘x"), "helene 's 'x");
    assert_eq!(score::normalize("Œuvre  Ærø ŁÓDŹ"), "œuvre ærø łodz");
    assert_eq!(score::normalize("a\u{202f}b\u{1c}c\u{200b}d"), "a b c\u{200b}d");
    assert_eq!(score::system_answer(Some(""), Some("il")).as_deref(), Some("il"));
    assert_eq!(score::system_answer(Some(" \u{a0}"), Some("il")), None);
}

/// A deterministic imperfect system: from the gold, drops some quotes, moves some edges (by a
/// third, or to exactly half, which only even lengths survive), swaps some kinds, gives
/// wrong, missing or differently written speakers, repeats some quotes, and adds one
/// spurious and one out-of-range quote per document.
fn perturbed(doc: &GoldDoc) -> Vec<SystemQuote> {
    let mut out = vec![SystemQuote::new(0, 10, "direct", None)];
    for (i, q) in doc.quotes.iter().enumerate().filter(|(i, _)| i % 7 != 3) {
        let len = q.end - q.start;
        let (start, end) = match i % 5 {
            1 => (q.start + len / 3, q.end),
            2 => (q.start, q.start + len / 2),
            4 => (q.start.saturating_sub(40), q.end),
            _ => (q.start, q.end),
        };
        let kind = match (i % 8, q.kind.as_str()) {
            (5, "direct") => "partial",
            (5, _) => "direct",
            (_, kind) => kind,
        };
        let entity = q.speaker.as_ref().and_then(|s| s.entity.clone());
        let alias =
            entity.as_ref().and_then(|e| doc.entities.get(e)).and_then(|names| names.last());
        let speaker = match i % 6 {
            0 => None,
            1 => Some("Quelqu’un d’autre".to_string()),
            2 => alias.or(entity.as_ref()).map(|name| name.to_uppercase()),
            _ => entity,
        };
        out.push(SystemQuote::new(start, end, kind, speaker.as_deref()));
        if i % 11 == 0 {
            out.push(SystemQuote::new(start, end, kind, speaker.as_deref()));
        }
    }
    out.push(SystemQuote::new(doc.text.len(), doc.text.len() + 5, "direct", None));
    out
}

/// Writes the perturbed output where GUILLEMET_FAKE_JSONL says, for score.py to score.
fn dump_for_score_py(docs: &[GoldDoc]) {
    let Some(path) = std::env::var_os("GUILLEMET_FAKE_JSONL") else {
        return;
    };
    let lines: Vec<String> = docs
        .iter()
        .map(|doc| {
            let quotes: Vec<serde_json::Value> = perturbed(doc)
                .iter()
                .map(|q| {
                    let speaker = q.speaker.as_ref().map(|name| json!({"name": name}));
                    json!({"start": q.start, "end": q.end, "kind": q.kind, "speaker": speaker})
                })
                .collect();
            json!({"file": format!("{}.txt", doc.id), "quotes": quotes}).to_string()
        })
        .collect();
    std::fs::write(path, lines.join("\n") + "\n").expect("fake output written");
}

/// Obtained with:
///   GUILLEMET_FAKE_JSONL=/tmp/fake.jsonl cargo test --test integration perturbed
///   python3 corpus/score.py tests/corpus /tmp/fake.jsonl --json
/// Regenerate it that way if `perturbed` or the corpus changes.
const SCORE_PY_ON_PERTURBED: &str = concat!(
    "{\"documents\": 27, \"documents_without_output\": 0, \"direct_partial\": {\"gold\": 229, ",
    "\"system\": 249, \"exact_tp\": 61, \"exact_p\": 0.24497991967871485, ",
    "\"exact_r\": 0.2663755458515284, \"exact_f1\": 0.25523012552301255, ",
    "\"overlap_tp\": 153, \"overlap_p\": 0.6144578313253012, ",
    "\"overlap_r\": 0.6681222707423581, \"overlap_f1\": 0.6401673640167364, ",
    "\"attribution_right\": 83, \"attribution_scored\": 153, ",
    "\"attribution_acc\": 0.5424836601307189, \"e2e_p\": 0.3333333333333333, ",
    "\"e2e_r\": 0.3624454148471616, \"e2e_f1\": 0.34728033472803344}, ",
    "\"indirect\": {\"gold\": 37, \"system\": 39, \"exact_tp\": 9, ",
    "\"exact_p\": 0.23076923076923078, \"exact_r\": 0.24324324324324326, ",
    "\"exact_f1\": 0.23684210526315788, \"overlap_tp\": 28, ",
    "\"overlap_p\": 0.717948717948718, \"overlap_r\": 0.7567567567567568, ",
    "\"overlap_f1\": 0.736842105263158, \"attribution_right\": 12, ",
    "\"attribution_scored\": 28, \"attribution_acc\": 0.42857142857142855, ",
    "\"e2e_p\": 0.3076923076923077, \"e2e_r\": 0.32432432432432434, ",
    "\"e2e_f1\": 0.3157894736842105}}",
);

#[test]
fn perturbed_gold_scores_as_score_py_says() {
    let docs = gold_corpus();
    dump_for_score_py(&docs);
    let report = score::score_corpus(&docs, |doc| Some(perturbed(doc)));
    assert!(report.docs.iter().all(|d| d.ignored == 1), "the out-of-range quote is ignored");
    assert_eq!(report.totals_json(), SCORE_PY_ON_PERTURBED);
}
