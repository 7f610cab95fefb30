//! French press forms, one case each, written for these tests (not taken from the corpus),
//! plus the tricky spots of the two seed articles, read from the corpus copy.

use guillemet::{Extractor, Marks, QuoteKind, extract_quotes};

/// What a case expects of one quotation: its text, kind and speaker name (`None`: no speaker).
type Want<'a> = (&'a str, QuoteKind, Option<&'a str>);

#[track_caller]
fn check(text: &str, want: &[Want]) {
    let quotes = extract_quotes(text);
    let got: Vec<Want> = quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Indirect)
        .map(|q| (q.text, q.kind, q.speaker.as_ref().map(|s| s.name)))
        .collect();
    assert_eq!(got, want, "in {text:?}");
    for q in &quotes {
        assert_eq!(&text[q.span], q.text);
    }
}

use QuoteKind::{Direct, Partial};

#[test]
fn guillemets_with_no_break_spaces() {
    check(
        "«\u{a0}Nous sommes prêts\u{a0}», a déclaré Jean Dupont.",
        &[("Nous sommes prêts", Direct, Some("Jean Dupont"))],
    );
    check(
        "«\u{202f}Nous sommes prêts\u{202f}», a déclaré Jean Dupont.",
        &[("Nous sommes prêts", Direct, Some("Jean Dupont"))],
    );
}

#[test]
fn inversion_with_pronoun_resolves_to_the_last_speaker() {
    check(
        "La ministre Claire Martin a parlé longtemps. « Nous tiendrons », a-t-elle assuré.",
        &[("Nous tiendrons", Direct, Some("Claire Martin"))],
    );
}

#[test]
fn surname_resolves_to_full_name() {
    check(
        "Le maire de Lyon, Paul Girard, est arrivé tôt. « Rien n'est joué », a estimé M. Girard.",
        &[("Rien n'est joué", Direct, Some("Paul Girard"))],
    );
}

#[test]
fn colon_introduces_a_direct_quote() {
    check(
        "Le sénateur Marc Leroy ajoute : « Il faut du temps. »",
        &[("Il faut du temps.", Direct, Some("Marc Leroy"))],
    );
}

#[test]
fn partial_quote_in_a_reported_clause() {
    check(
        "Sophie Bernard a jugé que le projet était « mal ficelé et trop coûteux ».",
        &[("mal ficelé et trop coûteux", Partial, Some("Sophie Bernard"))],
    );
}

#[test]
fn incise_inside_the_marks_is_one_quote() {
    check(
        "« Nous sommes prêts, a-t-il dit, à discuter avec tous. » Le préfet Henri Blanc était venu seul.",
        &[("Nous sommes prêts, a-t-il dit, à discuter avec tous.", Direct, Some("il"))],
    );
}

#[test]
fn a_en_croire_and_selon_name_the_source() {
    check(
        "A en croire le porte-parole, la mairie « n'a rien reçu ».",
        &[("n'a rien reçu", Partial, Some("le porte-parole"))],
    );
    check(
        "Selon lui, les chiffres sont « très inquiétants ». Il l'a redit hier.",
        &[("très inquiétants", Partial, Some("lui"))],
    );
}

#[test]
fn document_as_speaker() {
    check(
        "« La coopération doit rester constante », précise le communiqué du ministère.",
        &[("La coopération doit rester constante", Direct, Some("le communiqué du ministère"))],
    );
}

#[test]
fn quote_nested_in_a_quote_is_reported_on_its_own() {
    let text =
        "« Il m'a dit ˝Écoutez, nous ne céderons pas˝, puis il est parti », a raconté Luc Morel.";
    let quotes = extract_quotes(text);
    let texts: Vec<&str> = quotes.iter().map(|q| q.text).collect();
    assert_eq!(
        texts,
        [
            "Il m'a dit ˝Écoutez, nous ne céderons pas˝, puis il est parti",
            "Écoutez, nous ne céderons pas"
        ]
    );
    assert_eq!(quotes[1].marks, Some(Marks::DoubleAcute));
    assert_eq!(quotes[0].speaker.as_ref().unwrap().name, "Luc Morel");
}

#[test]
fn heading_in_marks_is_not_a_quote() {
    check(
        "Le débat s'enlise\n\n« Trouver un terrain d'entente »\n\nLes élus se sont séparés sans accord.",
        &[],
    );
}

#[test]
fn titles_and_names_in_marks_are_not_quotes() {
    check("Il a lu « Le Monde » puis regardé « Envoyé spécial » hier soir.", &[]);
}

#[test]
fn curly_and_straight_quotes() {
    check(
        "“Nous avons gagné”, a lancé Marie Curie. \"Rien n'est fini\", a-t-elle ajouté.",
        &[
            ("Nous avons gagné", Direct, Some("Marie Curie")),
            ("Rien n'est fini", Direct, Some("Marie Curie")),
        ],
    );
}

#[test]
fn quotation_over_two_paragraphs_is_one_quote() {
    let text = "Jeanne Roux a raconté sa journée.\n\n« Nous sommes partis tôt.\n\n« Puis la pluie est venue. »\n\nFin.";
    let quotes = extract_quotes(text);
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0].text, "Nous sommes partis tôt.\n\n« Puis la pluie est venue.");
}

#[test]
fn unbalanced_mark_swallows_nothing() {
    let text = "Il a dit « oui.\n\nLe lendemain, « Nous verrons », a répondu Anne Petit.";
    let quotes = extract_quotes(text);
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0].text, "Nous verrons");
}

#[test]
fn foreign_scripts_do_not_disturb() {
    let text = "« Nous sommes prêts », a déclaré Anne Petit.\nЗаголовок открываемого материала\n标题 عنوان";
    check(text, &[("Nous sommes prêts", Direct, Some("Anne Petit"))]);
}

#[test]
fn decomposed_accents_and_invisible_characters() {
    // `a déclaré` written with combining accents (NFD), and a zero-width space in a cue.
    check(
        "« Oui », a de\u{301}clare\u{301} Jean Dupont. « Non », a pre\u{301}\u{200b}cise\u{301} Anne Petit.",
        &[("Oui", Direct, Some("Jean Dupont")), ("Non", Direct, Some("Anne Petit"))],
    );
}

#[test]
fn extractor_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Extractor>();
    assert_send_sync::<guillemet::Quote<'static>>();
}

// ---------------------------------------------------------------- the seed articles

fn seed(id: &str) -> String {
    let path = format!("{}/tests/corpus/{id}.json", env!("CARGO_MANIFEST_DIR"));
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    doc["text"].as_str().unwrap().to_string()
}

#[test]
fn seed_000_tricky_spots() {
    let text = seed("seed-000");
    let quotes = extract_quotes(&text);
    // « » with no-break spaces inside: the span leaves them out.
    let q = quotes.iter().find(|q| q.text.starts_with("Nous sommes prêts")).unwrap();
    assert!(!q.text.ends_with(' ') && !q.text.ends_with('\u{a0}'));
    // The heading « S’unir pour lutter contre la cybercriminalité » is not a quote.
    assert!(!quotes.iter().any(|q| q.text.starts_with("S’unir")));
    // `A en croire le président russe` names the speaker.
    let q = quotes.iter().find(|q| q.text == "maîtrise tous les sujets").unwrap();
    assert_eq!(q.cue.unwrap().text, "A en croire");
    assert_eq!(q.speaker.as_ref().unwrap().name, "Vladimir Poutine");
    // `a-t-il souligné` resolves to the last speaker.
    let q = quotes.iter().find(|q| q.text.starts_with("Nous ne sommes même pas")).unwrap();
    assert_eq!(q.speaker.as_ref().unwrap().text, "il");
    assert_eq!(q.speaker.as_ref().unwrap().name, "Vladimir Poutine");
}

#[test]
fn seed_002_tricky_spots() {
    let text = seed("seed-002");
    let quotes = extract_quotes(&text);
    // The ˝…˝ quote inside «…» is reported on its own, and the outer one keeps its span.
    let inner = quotes.iter().find(|q| q.text.starts_with("Écoutez")).unwrap();
    assert_eq!(inner.marks, Some(Marks::DoubleAcute));
    let outer = quotes.iter().find(|q| q.text.starts_with("J’ai écouté")).unwrap();
    assert!(outer.span.start < inner.span.start && inner.span.end < outer.span.end);
    // `précise le communiqué du Kremlin`: a document speaks.
    let q = quotes.iter().find(|q| q.text.starts_with("Compte tenu")).unwrap();
    assert_eq!(q.cue.unwrap().text, "précise");
    assert_eq!(q.speaker.as_ref().unwrap().name, "le communiqué du Kremlin");
    // The Cyrillic noise at the end yields nothing.
    assert!(!quotes.iter().any(|q| q.text.contains('З')));
}
