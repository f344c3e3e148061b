//! The binding in headless Chromium (wasm-bindgen-test with chromedriver):
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p narcostat-wasm --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use narcostat_wasm::{JsSeizureTable, check_total_js};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn options<T: JsCast>(json: &str) -> T {
    js_sys::JSON::parse(json).unwrap().unchecked_into()
}

#[wasm_bindgen_test]
fn embedded_month_ranking() {
    let t = JsSeizureTable::embedded().unwrap();
    assert_eq!(t.length(), 7);
    let top = t.top(options(r#"{"by": "name", "n": 3}"#)).unwrap();
    let rows = js_sys::Array::from(&get(&top, "rows"));
    assert_eq!(get(&rows.get(0), "name").as_string().unwrap(), "Opium");
    assert_eq!(get(&rows.get(0), "mass_kg").as_f64().unwrap(), 47767.0);
    assert_eq!(get(&rows.get(1), "name").as_string().unwrap(), "Hashish");
    let text = t.bulletin(Some(options(r#"{"format": "html"}"#))).unwrap();
    assert!(text.contains("<svg"));
}

#[wasm_bindgen_test]
fn errors_are_js_errors_with_fields() {
    let csv = "FY,Month (abbv),Component,Region,Land Filter,Area of Responsibility,Drug Type,Count of Event,Sum Qty (lbs)\n2024,OCT,OFO,R,L,X,Unobtainium,1,2\n";
    let err = JsSeizureTable::from_csv(csv, options(r#"{"fileName": "bad.csv"}"#), None).err().unwrap();
    assert!(err.is_instance_of::<js_sys::Error>());
    assert_eq!(get(&err, "line").as_f64(), Some(2.0));
    assert_eq!(get(&err, "column").as_f64(), Some(7.0));
    assert_eq!(get(&err, "kind").as_string().unwrap(), "unknown_substance");
    let message = err.unchecked_into::<js_sys::Error>().message().as_string().unwrap();
    assert!(message.starts_with("bad.csv:2:7 (column \"Drug Type\"): unknown substance \"Unobtainium\""), "{message}");
}

#[wasm_bindgen_test]
fn stated_total_check() {
    let items = ["47767 kg", "5637 kg", "2304 kg", "1144 kg", "764 kg", "304 kg", "287 kg"].map(str::to_owned).to_vec();
    let c = check_total_js("about 58383 kg", items).unwrap();
    assert_eq!(get(&c, "difference").as_string().unwrap(), "176");
}
