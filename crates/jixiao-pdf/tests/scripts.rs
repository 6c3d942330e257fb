//! Radicals whose ideograph depends on the script: Skia writes U+2F3E ⼾
//! into ToUnicode for the 户 of a Noto Serif CJK SC render and for the 戶 of
//! a TC render; each must read as printed.

use jixiao_pdf::{fold_radicals_in, script_of, Pdf, Script};

fn text_of(path: &str) -> (String, Vec<String>) {
    let bytes = std::fs::read(path).unwrap();
    let pdf = Pdf::load(&bytes).unwrap();
    let mut text = String::new();
    let mut problems = Vec::new();
    for number in 1..=pdf.page_count() {
        let page = pdf.page(number).unwrap();
        text.extend(page.glyphs.iter().map(|g| g.text.as_str()));
        problems.extend(page.problems);
    }
    (text, problems)
}

#[test]
fn simplified_serif_render_reads_hu() {
    let (text, problems) = text_of(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../corpus/pdf/seed.chromium-serif.pdf"
    ));
    for word in ["用户委", "客户数", "门户网"] {
        assert!(text.contains(word), "{word} missing");
    }
    assert!(!text.contains('戶') && !text.contains('\u{2f3e}'));
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn traditional_serif_render_keeps_traditional() {
    let (text, problems) = text_of(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/traditional.chromium-serif.pdf"
    ));
    for word in ["用戶委", "客戶數", "門戶網"] {
        assert!(text.contains(word), "{word} missing");
    }
    assert!(!text.contains('户') && !text.contains('\u{2f3e}'));
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn script_from_characters_only_one_standard_has() {
    assert_eq!(script_of(["项目名称：门户网站"].into_iter()), Some(Script::Simplified));
    assert_eq!(script_of(["項目名稱：門戶網站"].into_iter()), Some(Script::Traditional));
    assert_eq!(script_of(["戸籍のデータ"].into_iter()), Some(Script::Japanese));
    // Characters both standards have tell nothing.
    assert_eq!(script_of(["中文", "2024", "人口"].into_iter()), None);
}

#[test]
fn regional_radical_follows_script() {
    assert_eq!(fold_radicals_in("用\u{2f3e}", Some(Script::Simplified)), "用户");
    assert_eq!(fold_radicals_in("用\u{2f3e}", Some(Script::Traditional)), "用戶");
    assert_eq!(fold_radicals_in("\u{2f3e}籍", Some(Script::Japanese)), "戸籍");
    assert_eq!(fold_radicals_in("用\u{2f3e}", None), "用戶");
    // Other radicals fold the same in every script.
    assert_eq!(fold_radicals_in("\u{2f08}\u{2ed4}", Some(Script::Simplified)), "人门");
}
