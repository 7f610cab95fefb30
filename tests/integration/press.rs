//! Constructions of everyday French press writing, one a test, with sentences written for
//! these tests: who speaks, through which words, and what is quoted.

use guillemet::{QuoteKind, extract_quotes};

/// (quote text, kind, resolved speaker name or "" for none, cue text or "" for none)
type Want<'a> = (&'a str, QuoteKind, &'a str, &'a str);

#[track_caller]
fn quotes(text: &str, want: &[Want]) {
    let got: Vec<Want> = extract_quotes(text)
        .iter()
        .map(|q| {
            (
                q.text,
                q.kind,
                q.speaker.as_ref().map_or("", |s| s.name),
                q.cue.as_ref().map_or("", |c| c.text),
            )
        })
        .collect();
    assert_eq!(got, want, "in {text:?}");
}

use QuoteKind::Direct;

#[test]
fn an_object_pronoun_before_an_inverted_verb() {
    quotes(
        "« Nous ne céderons pas », lui répond Marie Dupont.",
        &[("Nous ne céderons pas", Direct, "Marie Dupont", "répond")],
    );
    quotes(
        "« C'est une erreur », nous a confié Paul Martin.",
        &[("C'est une erreur", Direct, "Paul Martin", "a confié")],
    );
    quotes(
        "« Rien n'est joué », leur a rappelé l'entraîneur.",
        &[("Rien n'est joué", Direct, "l'entraîneur", "a rappelé")],
    );
}

#[test]
fn a_source_named_after_the_quotation() {
    // Four capitalised words would pass for a title; the source after the comma says otherwise.
    quotes(
        "« La situation est grave », selon Pierre Durand.",
        &[("La situation est grave", Direct, "Pierre Durand", "selon")],
    );
    quotes(
        "« Un recul historique », d'après la ministre Anne Morel.",
        &[("Un recul historique", Direct, "Anne Morel", "d'après")],
    );
}

#[test]
fn verbs_of_reaction_used_as_verbs_of_saying() {
    quotes(
        "« Pas question », gronde Marine Lebrun.",
        &[("Pas question", Direct, "Marine Lebrun", "gronde")],
    );
    quotes(
        "« C'est inacceptable », s'est désolée la maire Martine Aubel.",
        &[("C'est inacceptable", Direct, "Martine Aubel", "s'est désolée")],
    );
    quotes(
        "« Nous avons gagné », s'enthousiasme le capitaine Antoine Roux.",
        &[("Nous avons gagné", Direct, "Antoine Roux", "s'enthousiasme")],
    );
    quotes(
        "« C'est du vent », balaie le député Marc Olivier.",
        &[("C'est du vent", Direct, "Marc Olivier", "balaie")],
    );
}
