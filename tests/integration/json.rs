//! The JSON shape of the output with the `serde` feature: the schema the examples print and
//! `corpus/score.py` reads.
#![cfg(feature = "serde")]

use serde_json::json;

#[test]
fn quote_serialises_with_flat_offsets() {
    let text = "« Nous viendrons », a déclaré Anne Petit.";
    let quotes = guillemet::extract_quotes(text);
    let value = serde_json::to_value(&quotes[0]).unwrap();
    assert_eq!(
        value,
        json!({
            "start": 3, "end": 17, "text": "Nous viendrons", "kind": "direct", "marks": "guillemets",
            "speaker": {"start": 34, "end": 44, "text": "Anne Petit", "name": "Anne Petit", "resolution": "named"},
            "cue": {"start": 22, "end": 33, "text": "a déclaré"}
        })
    );
}

#[test]
fn absent_speaker_and_cue_are_null_and_kinds_are_lowercase() {
    let text = "Le texte parle de la « réforme des retraites et de ses effets » sans plus.";
    let quotes = guillemet::extract_quotes(text);
    for q in &quotes {
        let v = serde_json::to_value(q).unwrap();
        assert!(matches!(v["kind"].as_str(), Some("direct" | "partial" | "indirect")));
        assert!(v["cue"].is_null() || v["cue"]["start"].is_u64());
    }
    let text = "Il a lu un livre.";
    assert_eq!(serde_json::to_value(guillemet::extract_quotes(text)).unwrap(), json!([]));
}

#[test]
fn entity_table_serialises() {
    let text = "« Nous viendrons », a déclaré Anne Petit. « Sans faute », a-t-elle ajouté.";
    let analysis = guillemet::analyze(text);
    let v = serde_json::to_value(&analysis).unwrap();
    assert_eq!(
        v["entities"],
        json!([{"name": "Anne Petit", "mentions": ["Anne Petit"], "quotes": [0, 1]}])
    );
    assert_eq!(v["quotes"][1]["speaker"]["resolution"], "pronoun");
}
