//! Property tests of the normalisers.

use jixiao_model::normalize::{
    dewrap, fold, fold_compact, fold_radical, is_numeric_target, parse_amount, parse_date, parse_target, BARE_UNITS,
};
use jixiao_model::Op;
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

fn op_strategy() -> impl Strategy<Value = (&'static str, Option<Op>)> {
    prop::sample::select(vec![
        ("", None),
        ("≥", Some(Op::Ge)),
        ("≤", Some(Op::Le)),
        ("=", Some(Op::Eq)),
        (">", Some(Op::Gt)),
        ("<", Some(Op::Lt)),
        (">=", Some(Op::Ge)),
        ("<=", Some(Op::Le)),
        ("＞", Some(Op::Gt)),
        ("＜", Some(Op::Lt)),
        ("＝", Some(Op::Eq)),
        ("不低于", Some(Op::Ge)),
        ("不少于", Some(Op::Ge)),
        ("不小于", Some(Op::Ge)),
        ("大于等于", Some(Op::Ge)),
        ("至少", Some(Op::Ge)),
        ("不高于", Some(Op::Le)),
        ("不超过", Some(Op::Le)),
        ("不多于", Some(Op::Le)),
        ("不大于", Some(Op::Le)),
        ("小于等于", Some(Op::Le)),
        ("至多", Some(Op::Le)),
        ("大于", Some(Op::Gt)),
        ("高于", Some(Op::Gt)),
        ("超过", Some(Op::Gt)),
        ("多于", Some(Op::Gt)),
        ("小于", Some(Op::Lt)),
        ("低于", Some(Op::Lt)),
        ("少于", Some(Op::Lt)),
        ("等于", Some(Op::Eq)),
    ])
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

proptest! {
    /// `[subject] op NUMBER unit` round-trips: the op, value and unit come
    /// back, and the text is kept as printed.
    #[test]
    fn numeric_targets_round_trip(
        subject in prop::sample::select(vec!["", "满意率", "补贴对象生活改善度", "可控性"]),
        (op_text, op) in op_strategy(),
        integer in 0u64..10_000_000,
        decimals in prop::option::of(0u32..100),
        grouped in any::<bool>(),
        unit_kind in 0usize..4,
        paren_unit in "[一-龥a-zA-Z%]{1,4}",
        bare in prop::sample::select(BARE_UNITS.to_vec()),
        space in prop::sample::select(vec!["", " "]),
    ) {
        // A subject only stands before an operator or a number, never
        // before a comparative that would read as part of it.
        let int_text = if grouped { thousands(integer) } else { integer.to_string() };
        let number = match decimals {
            Some(d) => format!("{int_text}.{d:02}"),
            None => int_text,
        };
        let value: f64 = number.replace(',', "").parse().unwrap();
        let (unit_text, unit) = match unit_kind {
            0 => (String::new(), None),
            1 => (format!("({paren_unit})"), Some(paren_unit.clone())),
            2 => (format!("（{paren_unit}）"), Some(paren_unit.clone())),
            _ => (bare.to_string(), Some(bare.to_string())),
        };
        let text = format!("{subject}{op_text}{space}{number}{unit_text}");
        let t = parse_target(&text);
        prop_assert_eq!(t.text.as_str(), text.trim());
        prop_assert_eq!(t.op, op, "{}", text);
        prop_assert_eq!(t.value, Some(value), "{}", text);
        prop_assert_eq!(t.unit, unit, "{}", text);
    }

    /// Text without a number never gets a value.
    #[test]
    fn text_without_digits_has_no_value(text in "[^0-9０-９]{0,30}") {
        let t = parse_target(&text);
        prop_assert_eq!(t.value, None);
        prop_assert_eq!(t.op, None);
        prop_assert_eq!(t.unit, None);
    }

    /// Trailing words after a number make the target qualitative.
    #[test]
    fn trailing_words_make_it_qualitative(n in 1u32..1000, tail in "[团体心理治疗前完成]{2,6}") {
        let t = parse_target(&format!("开展至少{n}次{tail}"));
        prop_assert_eq!(t.value, None);
    }

    /// Amounts read back exactly, with or without separators.
    #[test]
    fn amounts_round_trip(cents in 0u64..100_000_000_000u64, grouped in any::<bool>()) {
        let int = cents / 100;
        let int_text = if grouped { thousands(int) } else { int.to_string() };
        let text = format!("{int_text}.{:02}", cents % 100);
        prop_assert_eq!(parse_amount(&text, 1), Some(cents as f64 / 100.0));
    }

    /// Every valid date reads back in ISO form from each printed style.
    #[test]
    fn dates_round_trip(y in 1990u32..2100, m in 1u32..=12, d in 1u32..=28) {
        let iso = format!("{y:04}-{m:02}-{d:02}");
        for text in [iso.clone(), format!("{y}年{m}月{d}日"), format!("{y}/{m}/{d}"), format!("{y}.{m}.{d}")] {
            prop_assert_eq!(parse_date(&text), Some(iso.clone()));
        }
    }

    /// De-wrapping CJK text is concatenation; it never adds or loses
    /// characters other than the spaces between touching Latin words.
    #[test]
    fn dewrap_of_cjk_is_concatenation(parts in proptest::collection::vec("[一-龥，。、]{1,10}", 1..6)) {
        prop_assert_eq!(dewrap(&parts), parts.concat());
    }

    #[test]
    fn dewrap_keeps_latin_words_apart(a in "[a-z]{1,5}", b in "[a-z]{1,5}") {
        prop_assert_eq!(dewrap(&[a.clone(), b.clone()]), format!("{a} {b}"));
    }

    /// Folding is NFKC plus the radical folding, whatever the text: the fast
    /// path for already-stable text never changes the result.
    #[test]
    fn fold_is_nfkc_with_radicals(
        text in "[ -~一-鿿㐀-䷿、。〈-】—‘’“”·\u{3000}（）＞＝１％⺀-⻳豈-龎…①²\u{300}\u{301}éa\t\n\u{b}\u{c}\r]{0,24}"
    ) {
        let slow: String = text.nfkc().map(fold_radical).collect();
        prop_assert_eq!(fold(&text), slow.clone());
        let compact: String = slow.chars().filter(|c| !c.is_whitespace()).collect();
        prop_assert_eq!(fold_compact(&text), compact);
    }

    /// The same over a few characters, one of each kind the fast path tells
    /// apart, so that each meets each often (spaces among ideographs; `≥`
    /// before U+0338 composes to `≱`).
    #[test]
    fn fold_of_mixed_kinds_is_nfkc_with_radicals(text in "[ a\t\u{b}一㐀䷀é\u{3000}，⺀①、《‘—·～｀ぁ≥≤\u{338}\u{2015}]{0,8}") {
        let slow: String = text.nfkc().map(fold_radical).collect();
        prop_assert_eq!(fold(&text), slow.clone());
        let compact: String = slow.chars().filter(|c| !c.is_whitespace()).collect();
        prop_assert_eq!(fold_compact(&text), compact);
    }
}

proptest! {
    /// The digit check before the target pattern only saves work.
    #[test]
    fn numeric_target_check_is_the_pattern(text in "[0-9０-９≥≤%％.(（)）个天年次a中 ①]{0,8}") {
        prop_assert_eq!(is_numeric_target(&text), parse_target(&text).value.is_some());
    }
}
