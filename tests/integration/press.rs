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

use QuoteKind::{Direct, Indirect, Partial};

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

#[test]
fn the_latter_is_the_last_person_named() {
    // `ce dernier` is the person named last, not the subject of the sentence before.
    quotes(
        "Le ministre a rencontré Paul Martin. Ce dernier a déclaré : « Tout ira bien ».",
        &[("Tout ira bien", Direct, "Paul Martin", "a déclaré")],
    );
    // …of its gender.
    quotes(
        "Paul Martin a reçu la ministre Anne Morel. « Tout ira bien », a assuré cette dernière.",
        &[("Tout ira bien", Direct, "Anne Morel", "a assuré")],
    );
}

#[test]
fn a_description_ends_with_the_name_attached_to_it() {
    // `termine` is the verb, not part of `Le gymnaste Marc Six`: the pronoun finds him.
    quotes(
        "Le gymnaste Marc Six termine sixième. « Je suis déçu », a-t-il confié.",
        &[("Je suis déçu", Direct, "Marc Six", "a-t-il confié")],
    );
}

#[test]
fn adverbs_between_the_verb_and_its_inverted_subject() {
    for adverb in ["d'ailleurs", "sobrement", "plus tôt", "à nouveau", "précédemment"] {
        quotes(
            &format!("« Nous verrons », a déclaré {adverb} Paul Durand."),
            &[("Nous verrons", Direct, "Paul Durand", "a déclaré")],
        );
    }
    quotes(
        "Jean Dupont a précédemment affirmé que la ville paierait.",
        &[("la ville paierait", Indirect, "Jean Dupont", "a précédemment affirmé")],
    );
}

#[test]
fn a_source_phrase_after_a_connective_or_with_an_apposition() {
    let graves = |text: &str| {
        quotes(text, &[("les faits sont graves", Indirect, "Jean Valjean", "selon")]);
    };
    graves("Toutefois, selon Jean Valjean, les faits sont graves.");
    graves("Mais selon Jean Valjean, les faits sont graves.");
    // An office in apposition to the source is not what it says.
    quotes(
        "Selon Jean Valjean, directeur de la police, les faits sont graves.",
        &[("les faits sont graves", Indirect, "Jean Valjean", "Selon")],
    );
    quotes(
        "Selon Jean Valjean, le directeur de la police, les faits sont graves.",
        &[("les faits sont graves", Indirect, "Jean Valjean", "Selon")],
    );
    // A fronted word without a verb is no clause to report.
    quotes("Pourtant, selon Jean Valjean.", &[]);
}

#[test]
fn a_source_after_the_clause_may_carry_an_apposition_with_a_relative() {
    quotes(
        "Les entreprises ont perdu 260.000 emplois, selon Emploi.info, un site qui suit le secteur.",
        &[("Les entreprises ont perdu 260.000 emplois", Indirect, "Emploi.info", "selon")],
    );
    // `s'élèvent`: after `se`, a word that is no infinitive is a verb.
    quotes(
        "Les pertes s'élèvent à 44.000 emplois, selon le syndicat.",
        &[("Les pertes s'élèvent à 44.000 emplois", Indirect, "le syndicat", "selon")],
    );
}

#[test]
fn a_term_complementing_a_noun_is_no_quotation() {
    // `de la « tech »` names a sector: the clause holding it is reported speech.
    quotes(
        "Les entreprises de la « tech » ont perdu 260.000 emplois, selon le syndicat.",
        &[(
            "Les entreprises de la « tech » ont perdu 260.000 emplois",
            Indirect,
            "le syndicat",
            "selon",
        )],
    );
    // A word the speaker is reported as using stays a partial quotation.
    quotes(
        "Le ministre a dénoncé une « trahison ».",
        &[("trahison", Partial, "Le ministre", "a dénoncé")],
    );
}

#[test]
fn periphrases_of_attempt_before_a_verb_of_saying() {
    quotes(
        "« Tout ira bien », a tenté de rassurer Jean Dupont.",
        &[("Tout ira bien", Direct, "Jean Dupont", "a tenté de rassurer")],
    );
    quotes(
        "« Tout ira bien », s'est efforcé d'expliquer Jean Dupont.",
        &[("Tout ira bien", Direct, "Jean Dupont", "s'est efforcé d'expliquer")],
    );
    quotes(
        "« Tout ira bien », a cherché à rassurer Jean Dupont.",
        &[("Tout ira bien", Direct, "Jean Dupont", "a cherché à rassurer")],
    );
}

#[test]
fn a_number_before_a_noun_leaves_the_noun_the_head() {
    // `juges` also spells a form of `juger`.
    quotes(
        "Les deux juges ont estimé que la peine était juste.",
        &[("la peine était juste", Indirect, "Les deux juges", "ont estimé")],
    );
}

#[test]
fn a_fronted_subordinate_clause_ends_at_its_comma() {
    for head in ["Même si", "Alors que", "Lorsque", "Parce que"] {
        let text = format!(
            "{head} la ministre a assuré que le budget serait tenu, les syndicats doutent."
        );
        quotes(&text, &[("le budget serait tenu", Indirect, "la ministre", "a assuré")]);
    }
}

#[test]
fn a_second_clause_reported_by_the_same_verb() {
    quotes(
        "Le maire a affirmé que la ville paierait, mais que l'État devait aider.",
        &[("la ville paierait, mais que l'État devait aider", Indirect, "Le maire", "a affirmé")],
    );
    // `mais` without `que` opens the writer's own clause.
    quotes(
        "Le maire a affirmé que la ville paierait, mais l'État refuse.",
        &[("la ville paierait", Indirect, "Le maire", "a affirmé")],
    );
}

#[test]
fn a_party_label_between_the_office_and_the_name() {
    quotes(
        "« Nous verrons », a déclaré le député (LR) Jean Dupont.",
        &[("Nous verrons", Direct, "Jean Dupont", "a déclaré")],
    );
}

#[test]
fn a_statement_an_incise_interrupts_is_reported_whole() {
    quotes(
        "Dans le réseau public, a affirmé Jean Valjean, les employés sont absents.",
        &[(
            "Dans le réseau public, a affirmé Jean Valjean, les employés sont absents",
            Indirect,
            "Jean Valjean",
            "a affirmé",
        )],
    );
    quotes(
        "Les employés, a affirmé Jean Valjean, sont absents.",
        &[(
            "Les employés, a affirmé Jean Valjean, sont absents",
            Indirect,
            "Jean Valjean",
            "a affirmé",
        )],
    );
    // Words with no verb before the incise and none after it report nothing.
    quotes("Au point de s'éponger le front, précise-t-elle, en riant.", &[]);
}

#[test]
fn dixit_names_a_source() {
    quotes(
        "« C'est clair », dixit Paul Martin.",
        &[("C'est clair", Direct, "Paul Martin", "dixit")],
    );
}

#[test]
fn a_name_given_to_a_place_or_a_body_is_nobody_speaking() {
    quotes(
        "Le directeur du lycée Blaise Diagne a déclaré : « Nous fermons ».",
        &[("Nous fermons", Direct, "Le directeur du lycée Blaise Diagne", "a déclaré")],
    );
    quotes(
        "Le porte-parole du gouvernement Legault a affirmé que la loi passerait.",
        &[("la loi passerait", Indirect, "Le porte-parole du gouvernement Legault", "a affirmé")],
    );
}

#[test]
fn a_quotation_after_reported_speech_carries_it_on() {
    quotes(
        "« Tout va bien », a dit Anne Morel. Jean Dupont a affirmé que le projet avançait. \
         « Nous sommes confiants. »",
        &[
            ("Tout va bien", Direct, "Anne Morel", "a dit"),
            ("le projet avançait", Indirect, "Jean Dupont", "a affirmé"),
            ("Nous sommes confiants.", Direct, "Jean Dupont", ""),
        ],
    );
}

#[test]
fn a_wire_dateline_before_the_subject() {
    quotes(
        "PARIS (AFP) - Le ministre a affirmé mardi que la police serait renforcée.",
        &[("la police serait renforcée", Indirect, "Le ministre", "a affirmé")],
    );
}

#[test]
fn reported_speech_in_an_apposition_ends_before_the_main_verb() {
    quotes(
        "Jean Dupont, rappelant que la ville paierait, a quitté la salle.",
        &[("la ville paierait", Indirect, "Jean Dupont", "rappelant")],
    );
    quotes(
        "Le ministre, qui a affirmé que la police serait renforcée, est parti.",
        &[("la police serait renforcée", Indirect, "Le ministre", "a affirmé")],
    );
}

#[test]
fn names_of_three_words_and_names_after_a_demonym_or_a_label() {
    // Both first words are first names: the name starts at the first.
    quotes(
        "Jean Pierre Martin a assuré que le prix serait maintenu.",
        &[("le prix serait maintenu", Indirect, "Jean Pierre Martin", "a assuré")],
    );
    quotes(
        "« Nous gagnerons », a dit le jeune Valenciennois Moussa Traoré.",
        &[("Nous gagnerons", Direct, "Moussa Traoré", "a dit")],
    );
    quotes(
        "« Nous gagnerons », a dit l'Italien Marco Bellandi.",
        &[("Nous gagnerons", Direct, "Marco Bellandi", "a dit")],
    );
    // A party's acronym after the noun is no name.
    quotes(
        "Le magistrat PLR a estimé que la place financière restait solide.",
        &[("la place financière restait solide", Indirect, "Le magistrat PLR", "a estimé")],
    );
}

#[test]
fn an_object_pronoun_ends_the_speakers_description() {
    let text = "Quand mon éditrice m'a dit « on va tirer à 3.000 exemplaires », j'ai ri.";
    let quotes = extract_quotes(text);
    let speaker = quotes[0].speaker.as_ref().expect("a speaker");
    assert_eq!(speaker.text, "mon éditrice");
}

#[test]
fn a_relative_clause_gives_the_subject_no_verb_of_its_own() {
    // `constate` has its subject before it: nothing is reported, and `une baisse` says nothing.
    quotes("Le maire, qui est élu depuis 2014, constate une baisse de la population.", &[]);
    quotes(
        "Un proche du dossier, qui a requis l'anonymat, résume : « Tout le monde attend. »",
        &[("Tout le monde attend.", Direct, "Un proche du dossier", "résume")],
    );
}

#[test]
fn an_imperative_inside_a_quotation_is_no_incise() {
    quotes(
        "« Non, appelez un électricien », a dit le propriétaire.",
        &[("Non, appelez un électricien", Direct, "le propriétaire", "a dit")],
    );
}

#[test]
fn a_verb_after_a_subject_pronoun_makes_a_clause() {
    quotes(
        "Il attend la réponse, a précisé la présidente.",
        &[("Il attend la réponse", Indirect, "la présidente", "a précisé")],
    );
}

#[test]
fn a_determiner_opens_another_phrase_after_a_complement() {
    quotes(
        "« Tout va bien », a déclaré à l'AFP une source proche du dossier.",
        &[("Tout va bien", Direct, "une source proche du dossier", "a déclaré")],
    );
}

#[test]
fn pour_names_a_source_only_if_its_noun_may_speak() {
    for text in [
        "Pour le moment, les travaux sont suspendus.",
        "Pour l'instant, rien n'est décidé.",
        "Pour la première fois, le club a gagné.",
        "Pour cette raison, la ville a fermé le pont.",
        "Selon nos informations, la réforme coûtera cher.",
    ] {
        quotes(text, &[]);
    }
    for (text, source) in [
        ("Pour la ministre, la réforme est injuste.", "la ministre"),
        ("Pour l'ancienne ministre, la réforme est injuste.", "l'ancienne ministre"),
        ("Pour le syndicat, la réforme est injuste.", "le syndicat"),
        ("Pour la CGT, la réforme est injuste.", "la CGT"),
        ("Pour Jean Dupont, la réforme est injuste.", "Jean Dupont"),
    ] {
        quotes(text, &[("la réforme est injuste", Indirect, source, "Pour")]);
    }
}

#[test]
fn a_description_of_a_person_stands_for_the_person_named_before() {
    quotes(
        "Paul Morin, maire de Vire, a présenté le budget. L'élu a annoncé que les impôts baisseraient.",
        &[("les impôts baisseraient", Indirect, "Paul Morin", "a annoncé")],
    );
    quotes(
        "Marie Dubois est déléguée CGT. « On ne lâchera rien », affirme la syndicaliste.",
        &[("On ne lâchera rien", Direct, "Marie Dubois", "affirme")],
    );
    // Of its gender: Paul Morin, named last, is not `la syndicaliste`.
    quotes(
        "Marie Dubois a parlé à Paul Morin. « Rien n'est fait », a dit la syndicaliste.",
        &[("Rien n'est fait", Direct, "Marie Dubois", "a dit")],
    );
    // A pronoun that points back through the description reaches the name.
    quotes(
        "Laurent Dufresne savourait. L'entraîneur valenciennois avait vécu une première période \
         difficile. « Ils ont été forts », a-t-il confié.",
        &[("Ils ont été forts", Direct, "Laurent Dufresne", "a-t-il confié")],
    );
}

#[test]
fn a_description_is_left_as_written_where_it_may_be_someone_else() {
    // `le préfet` was spoken of in between: the speaker may be him.
    quotes(
        "Paul Morin a reçu le préfet. « Rien n'est fait », a dit le préfet.",
        &[("Rien n'est fait", Direct, "le préfet", "a dit")],
    );
    // Two men were named: `le chancelier` may be either.
    quotes(
        "Le président Emmanuel Macron a reçu Olaf Scholz. « Rien n'est fait », a déclaré le \
         chancelier.",
        &[("Rien n'est fait", Direct, "le chancelier", "a déclaré")],
    );
    // The text gave the person named another role: `l'entraîneur` is somebody else.
    quotes(
        "L'attaquant Jean Martin a marqué deux fois. « Il a été énorme », a salué l'entraîneur.",
        &[("Il a été énorme", Direct, "l'entraîneur", "a salué")],
    );
    quotes(
        "Gilles Fabre, maire de la commune, est arrivé en retard. Le préfet a salué « \
         l'engagement des secours ».",
        &[("l'engagement des secours", Partial, "Le préfet", "a salué")],
    );
    // A possessive names somebody else; a body is no person.
    quotes(
        "Paul Morin est poursuivi. « Il est innocent », a dit son avocat.",
        &[("Il est innocent", Direct, "son avocat", "a dit")],
    );
    quotes(
        "Paul Morin a présenté le budget. « Il est injuste », a dit le syndicat.",
        &[("Il est injuste", Direct, "le syndicat", "a dit")],
    );
}

#[test]
fn a_time_phrase_or_a_complement_between_the_verb_and_que() {
    quotes(
        "Ma sœur a affirmé la semaine dernière que les études ne servaient à rien.",
        &[("les études ne servaient à rien", Indirect, "Ma sœur", "a affirmé")],
    );
    quotes(
        "Ma sœur a demandé l'an dernier si ça valait la peine.",
        &[("ça valait la peine", Indirect, "Ma sœur", "a demandé")],
    );
    quotes(
        "Le groupe a indiqué, dans un communiqué, que les départs seraient volontaires.",
        &[("les départs seraient volontaires", Indirect, "Le groupe", "a indiqué")],
    );
    quotes(
        "Le maire Paul Morin a déclaré, mardi, que la salle resterait fermée.",
        &[("la salle resterait fermée", Indirect, "Paul Morin", "a déclaré")],
    );
    quotes(
        "Olivier Fouquet a déclaré sur France Bleu que les négociations reprendraient.",
        &[("les négociations reprendraient", Indirect, "Olivier Fouquet", "a déclaré")],
    );
    // An object before `que` makes it a relative: nothing is reported.
    quotes("Il a annoncé la mesure que tout le monde attendait.", &[]);
}

#[test]
fn a_quotation_standing_alone_after_a_sentence_about_a_person() {
    quotes(
        "Paul Morin était furieux. « C'est un scandale. »",
        &[("C'est un scandale.", Direct, "Paul Morin", "")],
    );
    quotes(
        "« On attend », a dit Jean Roux. À ses côtés, Nathalie Pierrard se veut combative. \
         « On ne lâchera rien. »",
        &[
            ("On attend", Direct, "Jean Roux", "a dit"),
            ("On ne lâchera rien.", Direct, "Nathalie Pierrard", ""),
        ],
    );
}

#[test]
fn names_and_titles_given_are_no_quotations() {
    quotes("Le député a publié une tribune intitulée « Prenons le temps d'écouter ».", &[]);
    quotes("Le parquet a requis quatre ans dans le dossier dit du « gang des sacs à main ».", &[]);
    // `dit` after its subject is the verb.
    quotes(
        "À la barre, le prévenu dit des « peut-être ».",
        &[("peut-être", Partial, "le prévenu", "dit")],
    );
}

#[test]
fn a_pronoun_inside_a_quotation_is_not_its_speaker() {
    quotes(
        "La ministre Sandrine Morel refuse une pause. L'écologiste Inès Carpentier a commenté : \
         « Elle dit \"il n'y aura pas de pause\". Les Français, eux, n'en ont pas. »",
        &[
            (
                "Elle dit \"il n'y aura pas de pause\". Les Français, eux, n'en ont pas.",
                Direct,
                "Inès Carpentier",
                "a commenté",
            ),
            ("il n'y aura pas de pause", Direct, "Sandrine Morel", "dit"),
        ],
    );
}

#[test]
fn a_cue_summing_up_the_quotation_before_it() {
    quotes(
        "« Nous ne lâcherons rien. » C'est ce qu'a déclaré Paul Morin lundi.",
        &[("Nous ne lâcherons rien.", Direct, "Paul Morin", "a déclaré")],
    );
    quotes(
        "« Nous ne lâcherons rien », voilà ce qu'affirme Paul Morin.",
        &[("Nous ne lâcherons rien", Direct, "Paul Morin", "affirme")],
    );
}

#[test]
fn a_wire_dateline_is_not_part_of_the_statement() {
    quotes(
        "PARIS (AFP) - Le pont sera rouvert en mai, a annoncé mardi le ministre.",
        &[("Le pont sera rouvert en mai", Indirect, "le ministre", "a annoncé")],
    );
    quotes(
        "NEW YORK, 3 mai (Reuters) - Le pont sera rouvert en mai, a annoncé le ministre.",
        &[("Le pont sera rouvert en mai", Indirect, "le ministre", "a annoncé")],
    );
}

#[test]
fn a_clause_after_mais_has_its_own_verb_of_saying() {
    quotes(
        "Paul Morin a reconnu que les coûts avaient « largement dépassé » les prévisions, \
         mais il a soutenu que l'argent serait « bien investi ».",
        &[
            ("largement dépassé", Partial, "Paul Morin", "a reconnu"),
            ("bien investi", Partial, "Paul Morin", "a soutenu"),
        ],
    );
}

#[test]
fn parler_de_introduces_a_term_quoted() {
    quotes(
        "Le ministre a parlé d'un « scandale d'État ».",
        &[("scandale d'État", Partial, "Le ministre", "a parlé")],
    );
}

#[test]
fn comme_l_a_dit_x_vouches_for_a_clause() {
    quotes(
        "Comme l'a confirmé le ministre, la ville paiera.",
        &[("la ville paiera", Indirect, "le ministre", "a confirmé")],
    );
    quotes(
        "La ville paiera, comme le confirme le ministre dans un communiqué.",
        &[("La ville paiera", Indirect, "le ministre", "confirme")],
    );
    // `comme` with no verb of saying, or comparing manners, reports nothing.
    quotes("Comme prévu, la ville paiera.", &[]);
    quotes("Il parle comme le disait son père.", &[]);
}

#[test]
fn a_quotation_followed_by_comme_l_a_dit_x() {
    quotes(
        "« Bienvenue à tous », comme l'a dit Paul Morin.",
        &[("Bienvenue à tous", Direct, "Paul Morin", "a dit")],
    );
}

#[test]
fn a_pronoun_points_to_no_thing() {
    // `Le parking` cannot speak: `il` is Paul Morin.
    quotes(
        "Paul Morin est arrivé. Le parking est fermé depuis lundi. « Nous attendons », a-t-il dit.",
        &[("Nous attendons", Direct, "Paul Morin", "a-t-il dit")],
    );
}

#[test]
fn a_medium_between_the_verb_and_the_inverted_name() {
    quotes(
        "« Aucun conteneur ne sortira », a déclaré à l'AFP Rémi Castellan.",
        &[("Aucun conteneur ne sortira", Direct, "Rémi Castellan", "a déclaré")],
    );
}

#[test]
fn a_name_in_apposition_after_a_description_holding_another_name() {
    quotes(
        "« C'est un aveu de faiblesse », a déclaré le président du groupe Écologistes, Thomas Revel.",
        &[("C'est un aveu de faiblesse", Direct, "Thomas Revel", "a déclaré")],
    );
    quotes(
        "La cheffe de file, la députée Anne-Sophie Kerhervé, a dénoncé un article « contraire à \
         nos valeurs ».",
        &[("contraire à nos valeurs", Partial, "Anne-Sophie Kerhervé", "a dénoncé")],
    );
}

#[test]
fn a_relative_clause_after_the_subject_is_not_the_sentences_subject() {
    quotes(
        "La ministre, Valérie Roussel, a remis sa lettre au préfet, qui l'a lue. Elle a dénoncé \
         une « campagne de calomnies ».",
        &[("campagne de calomnies", Partial, "Valérie Roussel", "a dénoncé")],
    );
}

#[test]
fn a_description_may_stand_for_a_person_named_as_an_object_or_a_complement() {
    quotes(
        "La cour a entendu Paul Martin mardi. « Je ne voulais pas ça », a répété le quinquagénaire.",
        &[("Je ne voulais pas ça", Direct, "Paul Martin", "a répété")],
    );
    quotes(
        "Le procès de Bernard Lacombe s'est ouvert jeudi. L'ancien dirigeant a reconnu « des \
         erreurs de gestion ».",
        &[("des erreurs de gestion", Partial, "Bernard Lacombe", "a reconnu")],
    );
    // `l'avocat` is Paul Martin's lawyer, never named.
    quotes(
        "L'avocat de Paul Martin a plaidé. « Il est innocent », a dit l'avocat.",
        &[("Il est innocent", Direct, "l'avocat", "a dit")],
    );
}

#[test]
fn maitre_is_a_lawyers_title() {
    quotes(
        "Me Laurent Cazals a plaidé la relaxe. Me Cazals a indiqué qu'il ferait appel.",
        &[("il ferait appel", Indirect, "Laurent Cazals", "a indiqué")],
    );
}

#[test]
fn quant_a_names_the_pronouns_person() {
    quotes(
        "Quant à Paul Martin, il a déclaré : « Rien n'est fait ».",
        &[("Rien n'est fait", Direct, "Paul Martin", "a déclaré")],
    );
}

#[test]
fn a_present_tense_verb_after_its_subject_makes_a_statement() {
    quotes(
        "Paul Martin est économiste. Le taux dépasse un record, a-t-il annoncé.",
        &[("Le taux dépasse un record", Indirect, "Paul Martin", "a-t-il annoncé")],
    );
}

#[test]
fn the_name_of_a_body_is_not_its_presidents() {
    quotes(
        "Le président du parti Renaissance estime que la loi passera.",
        &[("la loi passera", Indirect, "Le président du parti Renaissance", "estime")],
    );
}

#[test]
fn the_press_names_one_role_many_ways() {
    // `le technicien` is the coach; `l'ancien joueur` a former role, anyone's.
    quotes(
        "L'entraîneur valmontais, Didier Garnier, était satisfait. « On a réagi », a raconté le \
         technicien.",
        &[("On a réagi", Direct, "Didier Garnier", "a raconté")],
    );
    quotes(
        "Son entraîneur, Olivier Kessler, n'a pas été surpris. « Léa a un tennis complet », a \
         analysé l'ancien joueur suisse.",
        &[("Léa a un tennis complet", Direct, "Olivier Kessler", "a analysé")],
    );
}

#[test]
fn a_description_stands_for_the_person_given_that_role_in_other_words() {
    quotes(
        "Le procureur, Mathieu Carrère, a parlé. Le magistrat précise que l'enquête avance.",
        &[("l'enquête avance", Indirect, "Mathieu Carrère", "précise")],
    );
    // `Philippe`, named later, was given no role: `l'élu` is the mayor.
    quotes(
        "Le maire, Jean-Yves Le Bihan, est arrivé. Philippe était là. L'élu a annoncé qu'il \
         reviendrait.",
        &[("il reviendrait", Indirect, "Jean-Yves Le Bihan", "a annoncé")],
    );
    // A body is named by its own name.
    quotes(
        "Le groupe Valdorne supprime des postes. Le groupe a assuré que les départs seraient \
         volontaires.",
        &[("les départs seraient volontaires", Indirect, "Valdorne", "a assuré")],
    );
}

#[test]
fn a_titled_name_in_apposition_and_a_former_office() {
    quotes(
        "Emil Hradec a démenti. Le chef d'état-major, le général Petar Lukanov, a déclaré : « Ils \
         sont restés six heures. »",
        &[("Ils sont restés six heures.", Direct, "Petar Lukanov", "a déclaré")],
    );
    quotes(
        "Le maire est venu. L'ex-ministre est arrivé ensuite. Il a assuré qu'il restait.",
        &[("il restait", Indirect, "L'ex-ministre", "a assuré")],
    );
}

#[test]
fn l_elu_is_the_elected_person_last_given_a_role() {
    quotes(
        "La députée Anne Kerhervé a parlé. Pour le vice-président du parti, Jordan Mallet, le \
         texte est mauvais. L'élu a assuré que son groupe voterait contre.",
        &[
            ("le texte est mauvais", Indirect, "Jordan Mallet", "Pour"),
            ("son groupe voterait contre", Indirect, "Jordan Mallet", "a assuré"),
        ],
    );
    // `l'avocat` is not `l'avocate générale`: he is the lawyer who pleaded.
    quotes(
        "L'avocate générale, Hélène Ruaud, a requis vingt ans. Me Laurent Cazals a plaidé. \
         L'avocat a estimé que l'enquête était partiale.",
        &[("l'enquête était partiale", Indirect, "Laurent Cazals", "a estimé")],
    );
}

#[test]
fn a_source_at_the_head_speaks_for_a_verb_whose_subject_cannot() {
    quotes(
        "Selon Anne-Sophie Rivière, les haies expliquent « l'essentiel » du phénomène.",
        &[("l'essentiel", Partial, "Anne-Sophie Rivière", "Selon")],
    );
    quotes(
        "La hausse est jugée « insuffisante » selon les syndicats.",
        &[("insuffisante", Partial, "les syndicats", "selon")],
    );
}

#[test]
fn an_office_with_a_capital_and_a_participle_in_apposition() {
    quotes(
        "« Nous gagnerons », a dit l'ancien Premier ministre.",
        &[("Nous gagnerons", Direct, "l'ancien Premier ministre", "a dit")],
    );
    quotes(
        "Selon le décompte de la préfecture, publié jeudi, 300 personnes ont défilé.",
        &[("300 personnes ont défilé", Indirect, "le décompte de la préfecture", "Selon")],
    );
}

#[test]
fn a_source_opening_the_next_sentence_is_not_the_quotations() {
    quotes(
        "Élodie Marchand a parlé : « Arkéon le savait. » Selon Me Thomas Guérin, la plainte vise \
         la direction.",
        &[
            ("Arkéon le savait.", Direct, "Élodie Marchand", "a parlé"),
            ("la plainte vise la direction", Indirect, "Thomas Guérin", "Selon"),
        ],
    );
}

#[test]
fn a_demonym_and_a_field_of_research_stand_for_the_person() {
    quotes(
        "Jean-Pierre Lartigue a parlé. « On a souffert », a reconnu le Gersois.",
        &[("On a souffert", Direct, "Jean-Pierre Lartigue", "a reconnu")],
    );
    quotes(
        "Le sociologue Yann Kerhervé a publié une étude. Le chercheur juge que l'école trie.",
        &[("l'école trie", Indirect, "Yann Kerhervé", "juge")],
    );
    // A newspaper's name keeps its capital article.
    quotes(
        "Selon Le Parisien, la loi passera.",
        &[("la loi passera", Indirect, "Le Parisien", "Selon")],
    );
}

#[test]
fn a_person_newly_brought_in_leaves_the_description_to_the_one_named() {
    quotes(
        "Kevin Lemarchand a frappé un chauffeur. « J'avais bu », a expliqué le prévenu.",
        &[("J'avais bu", Direct, "Kevin Lemarchand", "a expliqué")],
    );
    // …unless it is the same noun: `le préfet` is that prefect.
    quotes(
        "Paul Morin a reçu un préfet. « Rien n'est fait », a dit le préfet.",
        &[("Rien n'est fait", Direct, "le préfet", "a dit")],
    );
}

#[test]
fn a_reported_clause_before_a_colon_and_a_complement_with_a_preposition() {
    quotes(
        "Elle a expliqué qu'elle avait changé de tactique au troisième set : « J'ai arrêté de \
         jouer son jeu. »",
        &[
            ("elle avait changé de tactique au troisième set", Indirect, "Elle", "a expliqué"),
            ("J'ai arrêté de jouer son jeu.", Direct, "Elle", "a expliqué"),
        ],
    );
    // With its own verb of saying, the clause only introduces the quotation.
    quotes(
        "Le maire a dit qu'il lui disait, visiblement stressé : « Partez. »",
        &[("Partez.", Direct, "Le maire", "a dit")],
    );
    // `interprète` spells a verb, but a preposition opens the complement.
    quotes(
        "Il a indiqué, par l'intermédiaire de son interprète, que le spectacle partirait.",
        &[("le spectacle partirait", Indirect, "Il", "a indiqué")],
    );
}
