//! Speaker resolution, one rule a test, with French examples written for these tests.

use guillemet::{Resolution, extract_quotes};

/// (quote text, speaker mention as written, resolved name, how)
type Want<'a> = (&'a str, &'a str, &'a str, Resolution);

#[track_caller]
fn speakers(text: &str, want: &[Want]) {
    let got: Vec<Want> = extract_quotes(text)
        .iter()
        .map(|q| {
            let s = q.speaker.as_ref().unwrap_or_else(|| panic!("no speaker for {:?}", q.text));
            (q.text, s.text, s.name, s.resolution)
        })
        .collect();
    assert_eq!(got, want, "in {text:?}");
}

use Resolution::{Alias, Context, Description, Named, Pronoun};

#[test]
fn surname_and_title_resolve_to_the_full_name() {
    speakers(
        "Jean-Yves Le Drian était à Brest. « Rien n'est signé », a dit M. Le Drian. \
         « Nous verrons », a ajouté Le Drian.",
        &[
            ("Rien n'est signé", "M. Le Drian", "Jean-Yves Le Drian", Alias),
            ("Nous verrons", "Le Drian", "Jean-Yves Le Drian", Alias),
        ],
    );
}

#[test]
fn particles_in_names() {
    speakers(
        "« L'Europe tiendra », a déclaré Ursula von der Leyen.",
        &[("L'Europe tiendra", "Ursula von der Leyen", "Ursula von der Leyen", Named)],
    );
}

#[test]
fn roles_tied_to_names_four_ways() {
    // `le rôle, Nom,`
    speakers(
        "La porte-parole du gouvernement, Claire Dubois, était présente. \
         « Le texte sera voté », a assuré la porte-parole.",
        &[("Le texte sera voté", "la porte-parole", "Claire Dubois", Description)],
    );
    // `le rôle Nom`
    speakers(
        "Le ministre de l'Intérieur Paul Girard a parlé hier. « Aucune consigne », a affirmé le ministre.",
        &[("Aucune consigne", "le ministre", "Paul Girard", Description)],
    );
    // `Nom, le rôle,`
    speakers(
        "Paul Girard, le président du club, était furieux. « Inacceptable », a lancé le président du club.",
        &[("Inacceptable", "le président du club", "Paul Girard", Description)],
    );
    // the role and the name in the same phrase, as the speaker
    speakers(
        "« Nous négocierons », a déclaré le président russe Vladimir Poutine.",
        &[(
            "Nous négocierons",
            "le président russe Vladimir Poutine",
            "Vladimir Poutine",
            Description,
        )],
    );
}

#[test]
fn a_description_never_tied_to_a_name_stays_as_written() {
    speakers(
        "« La situation est grave », a estimé un diplomate européen.",
        &[(
            "La situation est grave",
            "un diplomate européen",
            "un diplomate européen",
            Description,
        )],
    );
}

#[test]
fn institutions_and_documents_speak() {
    speakers(
        "« Les contacts se poursuivent », a indiqué le Kremlin. \
         « Rien n'est décidé », précise un communiqué de la présidence.",
        &[
            ("Les contacts se poursuivent", "le Kremlin", "le Kremlin", Description),
            (
                "Rien n'est décidé",
                "un communiqué de la présidence",
                "un communiqué de la présidence",
                Description,
            ),
        ],
    );
}

#[test]
fn pronouns_take_gender_from_titles_first_names_and_roles() {
    speakers(
        "Mme Morel et M. Petit se sont rencontrés. « Je suis confiante », a-t-elle dit.",
        &[("Je suis confiante", "elle", "Morel", Pronoun)],
    );
    speakers(
        "Sophie Lambert a reçu Marc Delorme. Il a parlé le premier. « Tout ira bien », a-t-elle répondu.",
        &[("Tout ira bien", "elle", "Sophie Lambert", Pronoun)],
    );
}

#[test]
fn selon_lui_and_plural_pronouns() {
    speakers(
        "Le maire Henri Blanc a visité le chantier. Selon lui, les travaux seront « terminés en juin ».",
        &[("terminés en juin", "lui", "Henri Blanc", Pronoun)],
    );
    speakers(
        "Les syndicats ont quitté la réunion. « Nous reviendrons », ont-ils prévenu.",
        &[("Nous reviendrons", "ils", "Les syndicats", Pronoun)],
    );
}

#[test]
fn never_resolves_to_a_name_inside_a_quotation() {
    speakers(
        "Anne Petit a répondu. « Je ne connais pas Jean Dupont », a-t-elle dit. « Non », a-t-il répondu.",
        &[
            ("Je ne connais pas Jean Dupont", "elle", "Anne Petit", Pronoun),
            // `il` has no masculine antecedent outside quotations: kept as written.
            ("Non", "il", "il", Pronoun),
        ],
    );
}

#[test]
fn relative_qui_and_apposition() {
    speakers(
        "C'est Luc Morel, qui a affirmé que le projet était « mort-né ».",
        &[("mort-né", "Luc Morel", "Luc Morel", Named)],
    );
    speakers(
        "Luc Morel, ministre de la Culture, a déclaré : « Le musée rouvrira. »",
        &[("Le musée rouvrira.", "Luc Morel", "Luc Morel", Named)],
    );
    speakers(
        "« Le musée rouvrira », a déclaré Luc Morel, ministre de la Culture.",
        &[("Le musée rouvrira", "Luc Morel", "Luc Morel", Named)],
    );
}

#[test]
fn quotations_with_no_cue() {
    // A colon after a name.
    speakers(
        "Le ministre Paul Girard : « Nous tiendrons bon. »",
        &[("Nous tiendrons bon.", "Le ministre Paul Girard", "Paul Girard", Description)],
    );
    // A quotation standing alone carries on the previous speaker.
    speakers(
        "« Nous tiendrons », a déclaré Anne Petit.\n\n« Personne ne reculera. »",
        &[
            ("Nous tiendrons", "Anne Petit", "Anne Petit", Named),
            ("Personne ne reculera.", "Anne Petit", "Anne Petit", Context),
        ],
    );
    // A signature after a dash.
    speakers(
        "« Le vrai courage, c'est de vivre » — Albert Camus",
        &[("Le vrai courage, c'est de vivre", "Albert Camus", "Albert Camus", Named)],
    );
}

#[test]
fn interview_answers_belong_to_the_interviewee() {
    let text = "Entretien\n\n\
                Le Journal : Que pensez-vous de la réforme ?\n\n\
                Marie Curie : Elle arrive trop tard. Nous l'attendions depuis dix ans.\n\n\
                LJ : Et maintenant ?\n\n\
                MC : Nous allons la défendre.";
    speakers(
        text,
        &[
            (
                "Elle arrive trop tard. Nous l'attendions depuis dix ans.",
                "Marie Curie",
                "Marie Curie",
                Named,
            ),
            ("Nous allons la défendre.", "MC", "MC", Named),
        ],
    );
}

#[test]
fn dialogue_lines_alternate() {
    let text = "Le soir venu, Paul Martin retrouve sa sœur.\n\
                — Nous partons demain, dit-il.\n\
                — Déjà ? répond Claire Martin.\n\
                — Oui, le train est réservé.";
    let quotes = extract_quotes(text);
    let names: Vec<&str> = quotes.iter().map(|q| q.speaker.as_ref().unwrap().name).collect();
    assert_eq!(names, ["Paul Martin", "Claire Martin", "Paul Martin"]);
}

#[test]
fn how_it_was_resolved_is_reported() {
    let text = "Le maire, Paul Girard, a parlé. « Oui », a-t-il dit. « Non », a dit M. Girard.";
    let how: Vec<Resolution> =
        extract_quotes(text).iter().map(|q| q.speaker.as_ref().unwrap().resolution).collect();
    assert_eq!(how, [Pronoun, Alias]);
}

#[test]
fn who_is_quoted_groups_a_name_however_it_is_written() {
    // The same person with a composed and a decomposed `é`, and a no-break space: one entity.
    let text = "« Nous verrons », a déclaré Hélène Dupré. \
                « Rien n'est fait », a ajouté He\u{301}le\u{300}ne\u{a0}Dupre\u{301}.";
    let analysis = guillemet::analyze(text);
    assert_eq!(analysis.quotes.len(), 2);
    assert_eq!(analysis.entities.len(), 1, "{:?}", analysis.entities);
    assert_eq!(analysis.entities[0].quotes, [0, 1]);
    // Listed once among the ways the text names her.
    assert_eq!(analysis.entities[0].mentions, ["Hélène Dupré"]);
}

/// A pronoun looks back over the last forty subjects and speakers (`ANTECEDENT_WINDOW`): a
/// subject behind thirty-nine speakers is reached, one behind forty is not. (The sentences of
/// the speakers have them as their subjects: each is one entry, not two; and a look back
/// over many such sentences stays linear, see `robustness::extract_parallel_is_extract`.)
#[test]
fn a_pronoun_looks_back_over_forty_subjects_and_speakers() {
    let last_speaker = |speakers_between: usize| {
        let mut text = String::from("Marie Curie est arrivée à Paris.\n");
        text.push_str(&"« Non », a dit Jean Dupont.\n".repeat(speakers_between));
        text.push_str("Elle a dit : « Oui. »\n");
        let quotes = extract_quotes(&text);
        assert_eq!(quotes.len(), speakers_between + 1);
        let last = quotes.last().and_then(|q| q.speaker.clone()).expect("a speaker");
        (last.name.to_string(), last.resolution)
    };
    assert_eq!(last_speaker(1), ("Marie Curie".to_string(), Pronoun));
    assert_eq!(last_speaker(39), ("Marie Curie".to_string(), Pronoun));
    // Jean Dupont is no antecedent of `elle`; Marie Curie is out of reach.
    assert_eq!(last_speaker(40), ("Elle".to_string(), Pronoun));
}
