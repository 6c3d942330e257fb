//! `schema/jixiao.schema.json` describes the output: every golden file and
//! every kind of failed document validate against it, and documents that
//! break the contract do not.
//!
//! The validator here implements the JSON Schema keywords the schema uses
//! and refuses any other keyword, so the schema cannot silently say more
//! than is checked.

use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn schema() -> Value {
    let text = std::fs::read_to_string(root().join("schema/jixiao.schema.json")).expect("schema exists");
    serde_json::from_str(&text).expect("schema is JSON")
}

const KNOWN: &[&str] = &[
    "$schema",
    "$id",
    "$defs",
    "$ref",
    "title",
    "description",
    "type",
    "const",
    "enum",
    "required",
    "properties",
    "additionalProperties",
    "items",
    "pattern",
    "minimum",
    "minLength",
    "minItems",
    "maxItems",
    "minProperties",
    "maxProperties",
];

fn validate(root: &Value, schema: &Value, value: &Value, path: &str, errors: &mut Vec<String>) {
    let Some(schema) = schema.as_object() else {
        errors.push(format!("{path}: schema is not an object"));
        return;
    };
    for key in schema.keys() {
        assert!(
            KNOWN.contains(&key.as_str()),
            "schema keyword {key} is not checked by this validator"
        );
    }
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.strip_prefix("#/$defs/").expect("local $defs reference");
        validate(root, &root["$defs"][name], value, path, errors);
    }
    if let Some(types) = schema.get("type") {
        let types: Vec<&str> = match types {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let ok = types.iter().any(|t| match *t {
            "string" => value.is_string(),
            "number" => value.is_number(),
            "integer" => value.is_i64() || value.is_u64(),
            "null" => value.is_null(),
            "array" => value.is_array(),
            "object" => value.is_object(),
            "boolean" => value.is_boolean(),
            _ => false,
        });
        if !ok {
            errors.push(format!("{path}: {value} is not of type {types:?}"));
            return;
        }
    }
    if let Some(c) = schema.get("const") {
        if c != value {
            errors.push(format!("{path}: {value} ≠ {c}"));
        }
    }
    if let Some(options) = schema.get("enum").and_then(Value::as_array) {
        if !options.contains(value) {
            errors.push(format!("{path}: {value} not in {options:?}"));
        }
    }
    if let (Some(p), Some(s)) = (schema.get("pattern").and_then(Value::as_str), value.as_str()) {
        if !regex::Regex::new(p).expect("pattern compiles").is_match(s) {
            errors.push(format!("{path}: {s:?} does not match {p}"));
        }
    }
    if let (Some(min), Some(n)) = (schema.get("minimum").and_then(Value::as_f64), value.as_f64()) {
        if n < min {
            errors.push(format!("{path}: {n} < {min}"));
        }
    }
    if let (Some(min), Some(s)) = (schema.get("minLength").and_then(Value::as_u64), value.as_str()) {
        if (s.chars().count() as u64) < min {
            errors.push(format!("{path}: shorter than {min}"));
        }
    }
    if let Some(items) = value.as_array() {
        let len = items.len() as u64;
        if schema.get("minItems").and_then(Value::as_u64).is_some_and(|m| len < m)
            || schema.get("maxItems").and_then(Value::as_u64).is_some_and(|m| len > m)
        {
            errors.push(format!("{path}: {len} items"));
        }
        if let Some(item_schema) = schema.get("items") {
            for (i, item) in items.iter().enumerate() {
                validate(root, item_schema, item, &format!("{path}[{i}]"), errors);
            }
        }
    }
    if let Some(object) = value.as_object() {
        let len = object.len() as u64;
        if schema
            .get("minProperties")
            .and_then(Value::as_u64)
            .is_some_and(|m| len < m)
            || schema
                .get("maxProperties")
                .and_then(Value::as_u64)
                .is_some_and(|m| len > m)
        {
            errors.push(format!("{path}: {len} properties"));
        }
        for required in schema.get("required").and_then(Value::as_array).into_iter().flatten() {
            let key = required.as_str().unwrap_or_default();
            if !object.contains_key(key) {
                errors.push(format!("{path}: missing {key}"));
            }
        }
        let properties = schema.get("properties").and_then(Value::as_object);
        for (key, v) in object {
            match properties.and_then(|p| p.get(key)) {
                Some(s) => validate(root, s, v, &format!("{path}.{key}"), errors),
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errors.push(format!("{path}: unexpected property {key}"))
                }
                None => {}
            }
        }
    }
}

fn errors_of(value: &Value) -> Vec<String> {
    let schema = schema();
    let mut errors = Vec::new();
    validate(&schema, &schema, value, "$", &mut errors);
    errors
}

#[test]
fn every_golden_file_validates() {
    let mut checked = 0;
    for entry in std::fs::read_dir(root().join("golden"))
        .expect("golden exists")
        .flatten()
    {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "json") {
            let value: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("readable")).expect("JSON");
            let errors = errors_of(&value);
            assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
            checked += 1;
        }
    }
    assert!(checked > 0);
}

#[test]
fn failed_documents_validate() {
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("latin1.txt", b"caf\xe9 cr\xe8me \xe0 la fran\xe7aise"),
        ("x.pdf", b"%PDF-1.4\n"),
    ] {
        let doc = jixiao_cli::convert_bytes(name, bytes);
        let value = serde_json::to_value(&doc).expect("serialises");
        assert_eq!(errors_of(&value), Vec::<String>::new(), "{name}");
    }
}

#[test]
fn broken_documents_do_not_validate() {
    let path = root().join("golden/000_9700642081d75d3a.txt.json");
    let good: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("readable")).expect("JSON");
    let mut missing = good.clone();
    missing["projects"][0].as_object_mut().expect("object").remove("funds");
    let mut wrong_type = good.clone();
    wrong_type["projects"][0]["funds"]["annual_total"] = Value::String("31,487,510.00".into());
    let mut bad_op = good.clone();
    bad_op["projects"][0]["indicators"][0]["target"]["op"] = Value::String("≥".into());
    let mut bad_date = good.clone();
    bad_date["projects"][0]["start_date"] = Value::String("2024年1月1日".into());
    let mut extra = good;
    extra["projects"][0]["extra"] = Value::Bool(true);
    for (what, value) in [
        ("missing", missing),
        ("type", wrong_type),
        ("op", bad_op),
        ("date", bad_date),
        ("extra", extra),
    ] {
        assert!(!errors_of(&value).is_empty(), "{what} was accepted");
    }
}

/// docs/output.md is the users' reference of the same schema: every property
/// the schema names is described there (as `` `name` `` or in a table row).
#[test]
fn every_schema_property_is_in_the_output_reference() {
    fn properties(value: &Value, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::Object(props)) = map.get("properties") {
                    out.extend(props.keys().cloned());
                }
                map.values().for_each(|v| properties(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| properties(v, out)),
            _ => {}
        }
    }
    let mut names = Vec::new();
    properties(&schema(), &mut names);
    assert!(names.len() > 20, "only {} properties", names.len());
    let reference = std::fs::read_to_string(root().join("docs/output.md")).expect("docs/output.md");
    let missing: Vec<&String> = names
        .iter()
        .filter(|n| {
            !reference.contains(&format!("`{n}`"))
                && !reference.contains(&format!("\"{n}\""))
                && !reference.contains(&format!("| {n}"))
                && !reference.contains(&format!(", {n} |"))
                && !reference.contains(&format!(".{n} |"))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "properties of the schema not described in docs/output.md: {missing:?}"
    );
}
