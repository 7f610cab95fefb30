//! Building an extractor from a caller's verb list: what is accepted, and the typed error
//! for what is not.

use guillemet::Extractor;

#[test]
fn added_verbs_are_conjugated_in_every_tense() {
    let ex = Extractor::new().with_cue_verbs("# verbs of ours\nchantonner\nse lamenter\n").unwrap();
    let text =
        "« Tout va bien », chantonnait Paul Roy. « Quel malheur », s'est lamentée Anne Petit.";
    let quotes = ex.extract(text);
    let cues: Vec<&str> = quotes.iter().map(|q| q.cue.unwrap().text).collect();
    assert_eq!(cues, ["chantonnait", "s'est lamentée"]);
    let names: Vec<&str> = quotes.iter().map(|q| q.speaker.as_ref().unwrap().name).collect();
    assert_eq!(names, ["Paul Roy", "Anne Petit"]);
}

#[test]
fn a_verb_already_known_is_no_error() {
    assert!(Extractor::new().with_cue_verbs("déclarer\ndire @dire").is_ok());
}

#[test]
fn bad_entries_are_named_with_their_line() {
    let cases = [
        ("chantonner\nbafouiller @nope", 2, "bafouiller @nope", "unknown model"),
        ("xyz", 1, "xyz", "regular -er/-ir"),
        ("\n\nparler 2 fois", 3, "parler 2 fois", "letters"),
        ("@dire", 1, "@dire", "letters"),
    ];
    for (list, line, entry, why) in cases {
        let err = Extractor::new().with_cue_verbs(list).unwrap_err();
        assert_eq!((err.line(), err.entry()), (line, entry), "for {list:?}");
        let message = err.to_string();
        assert!(message.contains(why) && message.contains(&format!("line {line}")), "{message}");
    }
}

#[test]
fn the_error_is_a_std_error() {
    fn takes(_: &dyn std::error::Error) {}
    takes(&Extractor::new().with_cue_verbs("xyz").unwrap_err());
}
