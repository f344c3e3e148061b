//! The drug vocabulary: every drug in exactly one family of its own group,
//! words at their widest natural meaning, suggestions for misspelt words,
//! today's NPS names.

use narcostat::query::FilterError;
use narcostat::substance::{Drug, DrugFamily, Level, catalogue, resolve_word};
use narcostat::{Filter, Substance};

#[test]
fn every_drug_is_in_exactly_one_family_of_its_group() {
    for &d in Drug::ALL {
        let holders: Vec<_> = DrugFamily::ALL.iter().filter(|f| f.drugs().contains(&d)).collect();
        assert_eq!(holders.len(), 1, "{d:?} in {holders:?}");
        assert_eq!(holders[0].group(), d.group(), "{d:?}");
    }
}

#[test]
fn words_take_their_widest_natural_meaning() {
    let cases = [
        ("cocaine", Level::Family, "Cocaine"),
        ("Cannabis", Level::Family, "Cannabis"),
        ("opiates", Level::Family, "Opiates"),
        ("opioids", Level::Group, "Opioids"),
        ("methamphetamine", Level::Family, "Methamphetamine"),
        ("cocaine-type", Level::Group, "Cocaine-type"),
        ("crack", Level::Drug, "Crack cocaine"),
        ("nitazenes", Level::Drug, "Nitazenes"),
        ("new synthetic opioids", Level::Family, "New synthetic opioids"),
    ];
    for (word, level, name) in cases {
        let m = resolve_word(word).unwrap();
        assert_eq!((m.level, m.name.as_str()), (level, name), "{word}");
    }
    let cannabis = resolve_word("cannabis").unwrap();
    assert!(!cannabis.drugs.contains(&Drug::CannabisPlants));
    assert!(cannabis.drugs.contains(&Drug::CannabisHerb) && cannabis.drugs.contains(&Drug::NonSpecifiedCannabis));
}

#[test]
fn todays_substances_resolve_to_their_drugs() {
    let cases = [
        ("Isotonitazene", Drug::Nitazenes),
        ("metonitazene", Drug::Nitazenes),
        ("Protonitazene", Drug::Nitazenes),
        ("Brorphine", Drug::UncontrolledOpioids),
        ("xylazine", Drug::Xylazine),
        ("alpha-PVP", Drug::SyntheticCathinones),
        ("3-MMC", Drug::SyntheticCathinones),
        ("MDMB-4en-PINACA", Drug::SyntheticCannabinoids),
        ("ADB-BUTINACA", Drug::SyntheticCannabinoids),
        ("kratom", Drug::PlantBasedNps),
        ("Khat", Drug::Khat),
        ("1,4-BD", Drug::Butanediol),
        ("GBL", Drug::Gbl),
        ("P-2-P", Drug::Phenylacetone),
        ("BMK", Drug::Phenylacetone),
        ("APAA", Drug::Apaa),
        ("MAPA", Drug::Mapa),
        ("safrole", Drug::Safrole),
        ("PMK", Drug::Pmk),
        ("Acetic anhydride", Drug::AceticAnhydride),
        ("Etizolam", Drug::DesignerBenzodiazepines),
        ("Flualprazolam", Drug::DesignerBenzodiazepines),
        ("Bromazolam", Drug::DesignerBenzodiazepines),
    ];
    for (name, drug) in cases {
        assert_eq!(Substance::resolve(name).unwrap().drug, drug, "{name}");
    }
    assert_eq!(Substance::resolve("nitazenes").unwrap().drug, Drug::Nitazenes);
}

#[test]
fn no_alias_is_claimed_by_two_drugs() {
    let mut seen = std::collections::HashMap::new();
    for e in catalogue() {
        for n in &e.names {
            let key = narcostat::substance::normalize(n);
            if let Some(other) = seen.insert(key.clone(), e.slug.clone()) {
                assert_eq!(other, e.slug, "{n:?} names both {other} and {}", e.slug);
            }
        }
    }
}

#[test]
fn misspelt_filter_words_get_suggestions() {
    let cases = [
        ("drug", "cocaien", "Cocaine"),
        ("drug", "herion", "Heroin"),
        ("drug-family", "opiatess", "Opiates"),
        ("drug-group", "opiods", "Opioids"),
    ];
    for (key, word, want) in cases {
        let err = Filter::default().add(key, word).unwrap_err();
        let FilterError::Value { suggestions, .. } = &err else { panic!("{err:?}") };
        assert_eq!(suggestions.first().map(String::as_str), Some(want), "{key}={word}: {err}");
        assert!(err.to_string().contains(&format!("did you mean {want}")), "{err}");
    }
}

#[test]
fn a_drug_filter_of_several_words_is_their_union() {
    let f = Filter::parse("drug=cocaine|heroin").unwrap();
    assert!(f.keeps_drug(Drug::Crack) && f.keeps_drug(Drug::Heroin));
    assert!(!f.keeps_drug(Drug::CocaLeaf) && !f.keeps_drug(Drug::Opium));
}

#[test]
fn the_catalogue_serialises_with_group_family_drug_and_names() {
    let json = serde_json::to_value(catalogue()).unwrap();
    let first = &json[0];
    for field in ["group", "family", "drug", "slug", "names"] {
        assert!(first.get(field).is_some(), "{field} missing in {first}");
    }
    let m = serde_json::to_value(resolve_word("cocaine").unwrap()).unwrap();
    assert_eq!(m["level"], "family");
    assert!(m["drugs"].as_array().unwrap().iter().any(|d| d == "crack"));
}

#[test]
fn meth_is_the_family_and_catalogue_names_are_listed_once() {
    let m = narcostat::substance::resolve_word("meth").unwrap();
    let family = narcostat::substance::resolve_word("methamphetamine").unwrap();
    assert_eq!(m.drugs, family.drugs, "\"meth\" means what \"methamphetamine\" means");
    for entry in narcostat::substance::catalogue() {
        let mut names = entry.names.clone();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), entry.names.len(), "{:?}", entry.names);
    }
}
