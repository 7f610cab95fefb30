//! Reported speech (`indirect` quotations): each form, each exclusion, and the option that
//! turns it off. French examples written for these tests.

use guillemet::{Config, Extractor, QuoteKind, extract_quotes};

/// The indirect quotations of `text`: (text, speaker name, cue).
fn reported(text: &str) -> Vec<(&str, String, String)> {
    extract_quotes(text)
        .into_iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .map(|q| {
            let speaker = q.speaker.as_ref().map_or(String::new(), |s| s.name.to_owned());
            (q.text, speaker, q.cue.map_or(String::new(), |c| c.text.to_owned()))
        })
        .collect()
}

#[track_caller]
fn one(text: &str, clause: &str, speaker: &str) {
    let got = reported(text);
    assert_eq!(got.len(), 1, "in {text:?}: {got:?}");
    assert_eq!((got[0].0, got[0].1.as_str()), (clause, speaker), "in {text:?}");
}

#[track_caller]
fn none(text: &str) {
    assert_eq!(reported(text), [], "in {text:?}");
}

#[test]
fn verb_and_que() {
    one(
        "Le ministre Paul Girard a estimé que la réforme était nécessaire.",
        "la réforme était nécessaire",
        "Paul Girard",
    );
    one(
        "Anne Petit a estimé mardi qu'aucun accord n'était possible.",
        "aucun accord n'était possible",
        "Anne Petit",
    );
    one(
        "Anne Petit a rappelé à la presse que le budget était voté.",
        "le budget était voté",
        "Anne Petit",
    );
    one(
        "Anne Petit est arrivée tôt. Elle a assuré que tout irait bien.",
        "tout irait bien",
        "Anne Petit",
    );
}

#[test]
fn inversion_after_que() {
    one(
        "Le maire Henri Blanc s'est exprimé. Le pont rouvrira en mai, a-t-il assuré.",
        "Le pont rouvrira en mai",
        "Henri Blanc",
    );
}

#[test]
fn reported_question() {
    one(
        "Le juge Marc Roy a demandé si le témoin était présent.",
        "le témoin était présent",
        "Marc Roy",
    );
}

#[test]
fn reported_inside_a_question_of_the_writer() {
    one(
        "N'est-ce pas lui qui a lu l'entretien où Paul Roy affirmait que le pays était divisé ?",
        "le pays était divisé",
        "Paul Roy",
    );
}

#[test]
fn inverted_form() {
    one(
        "La réforme est nécessaire, a estimé le ministre Paul Girard.",
        "La réforme est nécessaire",
        "Paul Girard",
    );
}

#[test]
fn source_phrases() {
    one(
        "Selon la police, trois personnes ont été blessées.",
        "trois personnes ont été blessées",
        "la police",
    );
    one(
        "D'après un communiqué de la mairie, la rencontre aura lieu mardi.",
        "la rencontre aura lieu mardi",
        "un communiqué de la mairie",
    );
    one(
        "Trois personnes ont été blessées, selon la préfecture.",
        "Trois personnes ont été blessées",
        "la préfecture",
    );
    one("Pour la ministre, le texte doit être revu.", "le texte doit être revu", "la ministre");
    one("A en croire le syndicat, la grève sera suivie.", "la grève sera suivie", "le syndicat");
}

#[test]
fn not_reported_speech() {
    // Infinitive complements.
    none("Le ministre a promis de réformer le système.");
    none("La maire a appelé à la retenue.");
    // Negated cues.
    none("Le ministre n'a pas dit que la réforme était abandonnée.");
    // Impersonal `il faut que`, and a bare infinitive cue.
    none("Il faut que la réforme passe avant l'été.");
    none("Il faut rappeler que la réforme a été votée.");
    // Sources that name no speaker.
    none("Selon les chiffres, le chômage a baissé.");
    none("Selon moi, le chômage a baissé.");
    // Cue verbs in another sense.
    none("Le cuisinier a ajouté du sel.");
    none("L'assureur estime les dégâts à trois millions.");
    // A question to the reader.
    none("Croyez-vous que la réforme passera ?");
    // A relative `que` after the verb's object.
    none("Le maire a annoncé la mesure que le conseil prépare.");
}

#[test]
fn a_clause_with_marks_is_a_partial_quote_only() {
    let quotes = extract_quotes("Anne Petit a jugé que le projet était « mal ficelé et coûteux ».");
    let kinds: Vec<QuoteKind> = quotes.iter().map(|q| q.kind).collect();
    assert_eq!(kinds, [QuoteKind::Partial]);
}

#[test]
fn config_chooses_the_kinds() {
    let text = "« Nous viendrons », a dit Anne Petit. Elle a ajouté que la date était fixée.";
    let all = Extractor::new().extract(text);
    assert_eq!(all.len(), 2);
    let marked = Extractor::with_config(Config::default().indirect(false)).extract(text);
    assert_eq!(marked.len(), 1);
    assert_eq!(marked[0].kind, QuoteKind::Direct);
    let reported =
        Extractor::with_config(Config::default().direct(false).partial(false)).extract(text);
    assert_eq!(reported.len(), 1);
    assert_eq!(reported[0].kind, QuoteKind::Indirect);
    assert_eq!(reported[0].speaker.as_ref().unwrap().name, "Anne Petit");
}

#[test]
fn config_does_not_change_the_speakers_of_what_it_keeps() {
    // Reported speech takes part in resolution whether or not it is returned: what it says
    // is no antecedent (`Jean Dupont` below), its source is one.
    let text = "Selon Paul Martin, Jean Dupont est parti. « Nous verrons », a-t-il ajouté.";
    fn direct(quotes: Vec<guillemet::Quote<'_>>) -> Vec<(guillemet::Span, Option<&str>)> {
        let quotes = quotes.into_iter().filter(|q| q.kind == QuoteKind::Direct);
        quotes.map(|q| (q.span, q.speaker.map(|s| s.name))).collect()
    }
    let all = direct(Extractor::new().extract(text));
    assert_eq!(all.len(), 1);
    let only_marked =
        direct(Extractor::with_config(Config::default().indirect(false)).extract(text));
    assert_eq!(all, only_marked);
}
