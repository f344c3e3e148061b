use super::*;
use std::collections::BTreeSet;
use std::path::PathBuf;

fn reference(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/reference").join(file)
}

/// Distinct values of the named columns, read with the csv crate.
fn distinct(file: &str, delimiter: u8, columns: &[&str]) -> BTreeSet<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).from_path(reference(file)).unwrap();
    let headers: Vec<String> =
        reader.headers().unwrap().iter().map(|h| h.trim_start_matches('\u{feff}').to_owned()).collect();
    let idx: Vec<usize> = columns.iter().map(|c| headers.iter().position(|h| h == c).unwrap()).collect();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            idx.iter().map(|&i| r[i].to_owned()).collect()
        })
        .collect()
}

#[test]
fn seed_words_resolve() {
    let cases = [
        ("Opium", Drug::Opium),
        ("Hashish", Drug::CannabisResin),
        ("Morphine", Drug::Morphine),
        ("Heroin", Drug::Heroin),
        ("Crystal", Drug::CrystallineMethamphetamine),
        ("other substances including precursors and psychotropic pills", Drug::OtherDrugs),
        ("Grass", Drug::CannabisHerb),
    ];
    for (name, drug) in cases {
        let s = Substance::resolve(name).unwrap();
        assert_eq!(s.drug, drug, "{name}");
        assert_eq!(s.name, name);
    }
}

#[test]
fn persian_names_resolve() {
    let cases = [
        ("تریاک", Drug::Opium),
        ("هروئین", Drug::Heroin),
        ("هرویین", Drug::Heroin),
        ("مرفین", Drug::Morphine),
        ("حشیش", Drug::CannabisResin),
        ("شیشه", Drug::CrystallineMethamphetamine),
        ("کراک", Drug::Heroin),
        ("گراس", Drug::CannabisHerb),
        // Arabic yeh and kaf, as Arabic keyboards type them.
        ("ترياك", Drug::Opium),
        ("ماری‌جوانا", Drug::CannabisHerb),
    ];
    for (name, drug) in cases {
        assert_eq!(Drug::resolve(name), Some(drug), "{name}");
    }
}

#[test]
fn matching_ignores_case_space_and_punctuation() {
    for name in ["KHAT (catha edulis)", "khat-catha-edulis", "  Khat  (Catha Edulis) "] {
        assert_eq!(Drug::resolve(name), Some(Drug::Khat), "{name}");
    }
    assert_eq!(Drug::resolve("Other Drugs**"), Some(Drug::OtherDrugs));
    assert_eq!(Drug::resolve("Lsd"), Some(Drug::Lsd));
    assert_eq!(Drug::resolve("Marijuana (herb)"), Some(Drug::CannabisHerb));
    assert_eq!(Drug::resolve("Illicit morphine"), Some(Drug::Morphine));
}

#[test]
fn unknown_name_is_an_error_with_suggestions() {
    let err = Substance::resolve("Hashesh").unwrap_err();
    assert_eq!(err.name, "Hashesh");
    assert!(err.suggestions.contains(&"Cannabis resin".to_owned()), "{:?}", err.suggestions);
    assert!(err.to_string().contains("did you mean"));
    let err = Substance::resolve("").unwrap_err();
    assert_eq!(err.name, "");
}

#[test]
fn unknown_name_can_be_kept_unclassified() {
    let s = Substance::resolve_with("Zombie dust", Resolution::KeepUnclassified).unwrap();
    assert_eq!(s.drug, Drug::Unclassified);
    assert_eq!(s.name, "Zombie dust");
    assert_eq!(s.group(), DrugGroup::NonSpecified);
    // An empty name is never a substance.
    assert!(Substance::resolve_with(" ", Resolution::KeepUnclassified).is_err());
}

#[test]
fn no_alias_is_claimed_by_two_drugs() {
    let mut seen = std::collections::HashMap::new();
    for &drug in Drug::ALL {
        for name in [drug.name(), drug.slug()].into_iter().chain(drug.aliases().iter().copied()) {
            if let Some(other) = seen.insert(normalize(name), drug) {
                assert_eq!(other, drug, "{name:?} is claimed by {other:?} and {drug:?}");
            }
        }
    }
}

#[test]
fn slugs_are_the_serde_form() {
    for &drug in Drug::ALL {
        assert_eq!(serde_json::to_string(&drug).unwrap(), format!("\"{}\"", drug.slug()));
        assert_eq!(Drug::resolve(drug.slug()), if drug == Drug::Unclassified { None } else { Some(drug) });
    }
    for group in DrugGroup::ALL {
        assert_eq!(serde_json::to_string(&group).unwrap(), format!("\"{}\"", group.slug()));
        assert_eq!(DrugGroup::resolve(group.name()), Some(group));
    }
}

#[test]
fn every_unodc_drug_resolves_into_its_unodc_group() {
    for (file, delimiter, cols) in [
        ("unodc-annual-1970-2019.csv", b',', ["Drug Group", "Drug"]),
        ("unodc-annual-2012-2016.csv", b';', ["DrugGroup", "Drug"]),
    ] {
        let pairs = distinct(file, delimiter, &cols);
        assert!(pairs.len() > 60, "{file}: {}", pairs.len());
        for pair in pairs {
            let drug = Drug::resolve(&pair[1]).unwrap_or_else(|| panic!("{file}: {:?}", pair[1]));
            let group = DrugGroup::resolve(&pair[0]).unwrap_or_else(|| panic!("{file}: {:?}", pair[0]));
            assert_eq!(drug.group(), group, "{file}: {pair:?}");
        }
    }
}

#[test]
fn every_cbp_drug_type_resolves() {
    for file in [
        "cbp-amo-fy19-fy22.csv",
        "cbp-amo-fy23-fy26-dec.csv",
        "cbp-nationwide-fy19-fy22.csv",
        "cbp-nationwide-fy23-fy26-dec.csv",
    ] {
        for name in distinct(file, b',', &["Drug Type"]) {
            assert!(Drug::resolve(&name[0]).is_some(), "{file}: {:?}", name[0]);
        }
    }
}

#[test]
fn every_india_wide_column_drug_resolves() {
    let mut reader = csv::Reader::from_path(reference("india-ncb-by-state-2018-2024-wide.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    let units = ["_Kg", "_Litre", "_No", "_Blots", "_Bottle"];
    let mut checked = 0;
    for h in headers.iter() {
        if h.starts_with("Total_") {
            continue;
        }
        if let Some(unit) = units.iter().find(|u| h.ends_with(*u)) {
            let drug = &h[..h.len() - unit.len()];
            assert!(Drug::resolve(&drug.replace('_', " ")).is_some(), "{h}");
            checked += 1;
        }
    }
    assert_eq!(checked, 30);
}

#[test]
fn specific_drug_names_keep_their_drug() {
    // The 2012-2016 file's SpecificDrugName refines Drug; the drug column decides the class.
    let rows = distinct("unodc-annual-2012-2016.csv", b';', &["Drug", "SpecificDrugName"]);
    assert!(rows.iter().any(|r| r[1] == "Raw and prepared"));
    for r in rows {
        assert!(Drug::resolve(&r[0]).is_some(), "{r:?}");
    }
}
