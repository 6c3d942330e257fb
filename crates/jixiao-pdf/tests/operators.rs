//! The interpreter's operators and font decoding, one line per case: a content stream in
//! (on a 200×200 page, font /F = Helvetica with every glyph 500/1000 em
//! wide) → where each glyph lands (text, left, top; points from the page's
//! top-left, rounded). Rules: `re f`, `m l S`.

use jixiao_pdf::Pdf;

fn pdf(content: &str) -> Vec<u8> {
    let widths = vec!["500"; 95].join(" ");
    pdf_with_font(
        content,
        &format!("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 126 /Widths [{widths}] >>"),
        &[],
    )
}

/// A one-page PDF whose font /F is `font` (object 5); `more` are objects
/// 6, 7 … (descendant fonts, ToUnicode streams).
fn pdf_with_font(content: &str, font: &str, more: &[String]) -> Vec<u8> {
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /Font << /F 5 0 R >> >> /Contents 4 0 R >>"
            .to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len() + 1),
        font.to_string(),
    ];
    objects.extend(more.iter().cloned());
    pdf_of_objects(&objects)
}

/// A PDF of `objects` (numbered from 1, the first the catalog), with a
/// cross-reference table that points at each.
fn pdf_of_objects(objects: &[String]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// `text@left,top` per glyph.
fn glyphs(content: &str) -> Vec<String> {
    let bytes = pdf(content);
    let doc = Pdf::load(&bytes).expect("the test PDF loads");
    let page = doc.page(1).expect("page 1");
    page.glyphs
        .iter()
        .filter(|g| !g.text.trim().is_empty())
        .map(|g| format!("{}@{},{}", g.text, g.x0.round(), g.y0.round()))
        .collect()
}

/// `x0,y0-x1,y1` per rule.
fn rules(content: &str) -> Vec<String> {
    let bytes = pdf(content);
    let doc = Pdf::load(&bytes).expect("the test PDF loads");
    let page = doc.page(1).expect("page 1");
    page.rules
        .iter()
        .map(|r| format!("{},{}-{},{}", r.x0.round(), r.y0.round(), r.x1.round(), r.y1.round()))
        .collect()
}

macro_rules! draws {
    ($name:ident, $content:expr, [$($glyph:expr),* $(,)?]) => {
        #[test]
        fn $name() {
            let want: Vec<String> = vec![$($glyph.to_string()),*];
            assert_eq!(glyphs($content), want);
        }
    };
}

macro_rules! rules_of {
    ($name:ident, $content:expr, [$($rule:expr),* $(,)?]) => {
        #[test]
        fn $name() {
            let want: Vec<String> = vec![$($rule.to_string()),*];
            assert_eq!(rules($content), want);
        }
    };
}

// Size 10: a glyph is 5 wide; its box runs 0.8 em above the baseline.
draws!(
    td_places_the_line,
    "BT /F 10 Tf 20 100 Td (AB) Tj ET",
    ["A@20,92", "B@25,92"]
);
draws!(
    tm_sets_the_matrix,
    "BT /F 10 Tf 1 0 0 1 50 150 Tm (A) Tj ET",
    ["A@50,42"]
);
draws!(
    scaled_font_matrix,
    "BT /F 1 Tf 10 0 0 10 50 150 Tm (AB) Tj ET",
    ["A@50,42", "B@55,42"]
);
draws!(
    char_spacing,
    "BT /F 10 Tf 2 Tc 20 100 Td (AB) Tj ET",
    ["A@20,92", "B@27,92"]
);
draws!(
    word_spacing,
    "BT /F 10 Tf 10 Tw 20 100 Td (A B) Tj ET",
    ["A@20,92", "B@40,92"]
);
draws!(
    horizontal_scaling,
    "BT /F 10 Tf 50 Tz 20 100 Td (AB) Tj ET",
    ["A@20,92", "B@23,92"]
);
draws!(
    tj_adjustments,
    "BT /F 10 Tf 20 100 Td [(A) -1000 (B)] TJ ET",
    ["A@20,92", "B@35,92"]
);
draws!(
    leading_and_next_line,
    "BT /F 10 Tf 12 TL 20 100 Td (A) Tj T* (B) Tj ET",
    ["A@20,92", "B@20,104"]
);
draws!(
    quote_moves_then_shows,
    "BT /F 10 Tf 12 TL 20 100 Td (A) Tj (B) ' ET",
    ["A@20,92", "B@20,104"]
);
draws!(
    td_is_relative,
    "BT /F 10 Tf 20 100 Td (A) Tj 10 -20 Td (B) Tj ET",
    ["A@20,92", "B@30,112"]
);
draws!(
    cm_translates,
    "1 0 0 1 30 -10 cm BT /F 10 Tf 20 100 Td (A) Tj ET",
    ["A@50,102"]
);
draws!(
    q_restores_the_matrix,
    "q 1 0 0 1 30 0 cm Q BT /F 10 Tf 20 100 Td (A) Tj ET",
    ["A@20,92"]
);
draws!(
    rise_lifts_the_glyph,
    "BT /F 10 Tf 5 Ts 20 100 Td (A) Tj ET",
    ["A@20,87"]
);
draws!(
    invisible_text_still_reads,
    "BT /F 10 Tf 3 Tr 20 100 Td (A) Tj ET",
    ["A@20,92"]
);

rules_of!(stroked_line, "10 20 m 110 20 l S", ["10,180-110,180"]);
rules_of!(thin_filled_rectangle, "10 50 100 0.5 re f", ["10,150-110,150"]);
rules_of!(wide_rectangle_is_no_rule, "10 50 100 40 re f", []);
rules_of!(
    rules_follow_the_matrix,
    "1 0 0 1 5 5 cm 10 20 m 10 120 l S",
    ["15,75-15,175"]
);

/// The text a font decodes a content stream to.
fn text_with(font: &str, more: &[String], content: &str) -> String {
    let bytes = pdf_with_font(content, font, more);
    let doc = Pdf::load(&bytes).expect("the test PDF loads");
    doc.page(1)
        .expect("page 1")
        .glyphs
        .iter()
        .map(|g| g.text.as_str())
        .collect()
}

const GB1: &str = "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >>";

#[test]
fn predefined_cmaps_of_non_embedded_song() {
    for (encoding, codes) in [
        ("UniGB-UCS2-H", "<4E2D6587>"),
        ("UniGB-UTF16-H", "<4E2D6587>"),
        ("GBK-EUC-H", "<D6D0CEC4>"),
        ("GB-EUC-H", "<D6D0CEC4>"),
    ] {
        let font = format!(
            "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /{encoding} /DescendantFonts [6 0 R] >>"
        );
        let descendant = format!("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light {GB1} /DW 1000 >>");
        assert_eq!(
            text_with(&font, &[descendant], &format!("BT /F 10 Tf 20 100 Td {codes} Tj ET")),
            "中文",
            "{encoding}"
        );
    }
}

#[test]
fn identity_h_through_to_unicode() {
    let font = "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>";
    let descendant = format!("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X {GB1} /W [1 [1000 1000]] >>");
    let cmap =
        "1 begincodespacerange <0000> <FFFF> endcodespacerange 2 beginbfchar <0001> <4E2D> <0002> <6587> endbfchar";
    let to_unicode = format!("<< /Length {} >>\nstream\n{cmap}\nendstream", cmap.len() + 1);
    assert_eq!(
        text_with(
            font,
            &[descendant, to_unicode],
            "BT /F 10 Tf 20 100 Td <00010002> Tj ET"
        ),
        "中文"
    );
}

#[test]
fn identity_h_without_to_unicode_goes_through_the_character_collection() {
    // CID 4559 is 中 in Adobe-GB1 (no ToUnicode: the GB1 table maps it).
    let font = "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [6 0 R] >>";
    let descendant = format!("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X {GB1} >>");
    assert_eq!(
        text_with(font, &[descendant], "BT /F 10 Tf 20 100 Td <11CF> Tj ET"),
        "中"
    );
}

/// A TrueType program holding only a `cmap` table (format 4, Windows
/// Unicode): 中 (U+4E2D) on glyph 1, 文 (U+6587) on glyph 2.
fn truetype_with_cmap() -> Vec<u8> {
    let be = |v: u16| v.to_be_bytes();
    let segments: [(u16, u16); 3] = [
        (0x4E2D, 1u16.wrapping_sub(0x4E2D)),
        (0x6587, 2u16.wrapping_sub(0x6587)),
        (0xFFFF, 1),
    ];
    let mut sub: Vec<u8> = [be(4), be(0), be(0), be(6), be(0), be(0), be(0)].concat();
    sub.extend(segments.iter().flat_map(|(c, _)| be(*c)));
    sub.extend(be(0));
    sub.extend(segments.iter().flat_map(|(c, _)| be(*c)));
    sub.extend(segments.iter().flat_map(|(_, d)| be(*d)));
    sub.extend(segments.iter().flat_map(|_| be(0)));
    let mut cmap: Vec<u8> = [be(0), be(1), be(3), be(1)].concat();
    cmap.extend(12u32.to_be_bytes());
    cmap.extend(sub);
    let mut program = 0x0001_0000u32.to_be_bytes().to_vec();
    program.extend([be(1), be(0), be(0), be(0)].concat());
    program.extend(b"cmap");
    program.extend(0u32.to_be_bytes());
    program.extend(28u32.to_be_bytes());
    program.extend((cmap.len() as u32).to_be_bytes());
    program.extend(cmap);
    program
}

#[test]
fn identity_h_without_to_unicode_reads_the_embedded_programs_cmap() {
    let font = "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [6 0 R] >>";
    let descendant = "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R >>".to_string();
    let descriptor = "<< /Type /FontDescriptor /FontName /X /Flags 4 /FontFile2 8 0 R >>".to_string();
    let hex: String = truetype_with_cmap()
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<String>()
        + ">";
    let program = format!(
        "<< /Length {} /Filter /ASCIIHexDecode >>\nstream\n{hex}\nendstream",
        hex.len() + 1
    );
    let more = [descendant, descriptor, program];
    assert_eq!(text_with(font, &more, "BT /F 10 Tf 20 100 Td <00010002> Tj ET"), "中文");
    // Glyph 3 is in no cmap entry: unknown, never guessed.
    assert_eq!(text_with(font, &more, "BT /F 10 Tf 20 100 Td <0003> Tj ET"), "\u{FFFD}");
}

#[test]
fn built_in_encodings_of_type1_fonts() {
    // The Symbol font: ≥, the bullet, alpha.
    let symbol = "<< /Type /Font /Subtype /Type1 /BaseFont /Symbol >>";
    assert_eq!(
        text_with(symbol, &[], "BT /F 10 Tf 20 100 Td (\\263\\267a) Tj ET"),
        "≥•α"
    );
    // A text font's built-in StandardEncoding, upper half included.
    let times = "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>";
    assert_eq!(
        text_with(times, &[], "BT /F 10 Tf 20 100 Td (a\\267\\320) Tj ET"),
        "a•—"
    );
    // A symbolic (pi) font's upper half is its own: unknown.
    let pi = "<< /Type /Font /Subtype /Type1 /BaseFont /CommPi /FontDescriptor 6 0 R >>";
    let descriptor = "<< /Type /FontDescriptor /FontName /CommPi /Flags 4 >>".to_string();
    assert_eq!(
        text_with(pi, &[descriptor], "BT /F 10 Tf 20 100 Td (\\267) Tj ET"),
        "\u{FFFD}"
    );
}

#[test]
fn differences_rename_codes() {
    let font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [65 /B /C] >> >>";
    assert_eq!(text_with(font, &[], "BT /F 10 Tf 20 100 Td (ABD) Tj ET"), "BCD");
}

#[test]
fn a_code_renamed_twice_by_differences_takes_the_last_name() {
    let font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [65 /B /C 65 /Z 300 /X] >> >>";
    assert_eq!(text_with(font, &[], "BT /F 10 Tf 20 100 Td (ABD) Tj ET"), "ZCD");
}

/// ASCII85 of `data`, as ReportLab writes its streams (`~>` at the end).
fn ascii85(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for chunk in data.chunks(4) {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        let mut n = u32::from_be_bytes(word);
        if chunk.len() == 4 && n == 0 {
            out.push(b'z');
            continue;
        }
        let mut digits = [0u8; 5];
        for d in digits.iter_mut().rev() {
            *d = b'!' + (n % 85) as u8;
            n /= 85;
        }
        out.extend_from_slice(&digits[..chunk.len() + 1]);
    }
    out.extend_from_slice(b"~>");
    out
}

/// A one-page PDF whose content stream is `[/ASCII85Decode /FlateDecode]`
/// of `zlib` (Helvetica as /F).
fn pdf_with_a85_flate(zlib: &[u8]) -> Vec<u8> {
    let data = ascii85(zlib);
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    let mut object = |out: &mut Vec<u8>, body: &[u8]| {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", offsets.len()).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    };
    object(&mut out, b"<< /Type /Catalog /Pages 2 0 R >>");
    object(&mut out, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    object(
        &mut out,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /Font << /F 5 0 R >> >> /Contents 4 0 R >>",
    );
    let mut stream = format!(
        "<< /Length {} /Filter [/ASCII85Decode /FlateDecode] >>\nstream\n",
        data.len()
    )
    .into_bytes();
    stream.extend_from_slice(&data);
    stream.extend_from_slice(b"\nendstream");
    object(&mut out, &stream);
    object(
        &mut out,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    );
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1).as_bytes());
    for offset in &offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            offsets.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// ReportLab's `[/ASCII85Decode /FlateDecode]` content: read whole; with a
/// bad zlib checksum, read as far as lopdf can and the damage named.
#[test]
fn an_ascii85_flate_content_stream_is_read_and_its_damage_named() {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    encoder
        .write_all(b"BT /F 10 Tf 20 100 Td (AB) Tj ET")
        .expect("in memory");
    let zlib = encoder.finish().expect("in memory");
    let read = |zlib: &[u8]| {
        let doc = Pdf::load(&pdf_with_a85_flate(zlib)).expect("the test PDF loads");
        let page = doc.page(1).expect("page 1");
        let text: String = page.glyphs.iter().map(|g| g.text.as_str()).collect();
        (text, page.problems.iter().any(|p| p.contains("is damaged")))
    };
    assert_eq!(read(&zlib), ("AB".to_string(), false));
    let mut bad = zlib.clone();
    if let Some(last) = bad.last_mut() {
        *last ^= 0xff;
    }
    assert_eq!(read(&bad), ("AB".to_string(), true));
}

/// The text of page 1 of `bytes`, and the file's damage.
fn text_and_damage(bytes: &[u8]) -> (String, Vec<String>) {
    let doc = Pdf::load(bytes).expect("the test PDF loads");
    let text = doc
        .page(1)
        .expect("page 1")
        .glyphs
        .iter()
        .map(|g| g.text.as_str())
        .collect();
    (text, doc.damage().to_vec())
}

#[test]
fn a_stream_without_length_is_read_to_its_endstream() {
    // pdfium's hand-written test files leave /Length out; the offsets stay
    // right (the entry is blanked, not removed).
    let content = "BT /F 10 Tf 20 100 Td (Hi) Tj ET";
    let bytes = String::from_utf8(pdf(content)).expect("ASCII");
    let length = format!("<< /Length {} >>", content.len() + 1);
    let blank = format!("<<{}>>", " ".repeat(length.len() - 4));
    let bytes = bytes.replacen(&length, &blank, 1);
    let (text, damage) = text_and_damage(bytes.as_bytes());
    assert_eq!(text, "Hi");
    assert_eq!(
        damage,
        ["1 streams have no usable /Length; each was read to its endstream"]
    );
}

#[test]
fn an_indirect_or_abbreviated_filter_is_followed() {
    // `/Filter 6 0 R` naming `[/AHx]`: the content in hexadecimal.
    let content = "BT /F 10 Tf 20 100 Td (Hi) Tj ET";
    let hex: String = content.bytes().map(|b| format!("{b:02X}")).collect::<String>() + ">";
    let widths = vec!["500"; 95].join(" ");
    for filter in ["6 0 R", "/AHx", "[/AHx]"] {
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /Font << /F 5 0 R >> >> /Contents 4 0 R >>".to_string(),
            format!("<< /Length {} /Filter {filter} >>\nstream\n{hex}\nendstream", hex.len() + 1),
            format!("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 126 /Widths [{widths}] >>"),
            "[/AHx]".to_string(),
        ];
        let (text, damage) = text_and_damage(&pdf_of_objects(&objects));
        assert_eq!(text, "Hi", "{filter} {damage:?}");
    }
}

/// Each glyph's left edge (hundredths of a point) under `font`.
fn lefts_with(font: &str, content: &str) -> Vec<(String, i32)> {
    let doc = Pdf::load(&pdf_with_font(content, font, &[])).expect("the test PDF loads");
    doc.page(1)
        .expect("page 1")
        .glyphs
        .iter()
        .map(|g| (g.text.to_string(), (g.x0 * 100.0).round() as i32))
        .collect()
}

#[test]
fn a_standard_font_without_widths_advances_by_its_metrics() {
    // Times-Roman at 100 pt: W 944, i 278, l 278 (AFM); Arial,Bold is
    // Helvetica-Bold: W 944, i 278, l 278 as well, `1` 556.
    let content = "BT /F 100 Tf 0 100 Td (Wil1) Tj ET";
    let times = "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>";
    let lefts: Vec<i32> = lefts_with(times, content).into_iter().map(|(_, x)| x).collect();
    assert_eq!(lefts, [0, 9440, 12220, 15000]);
    let arial = "<< /Type /Font /Subtype /TrueType /BaseFont /Arial,Bold /Encoding /WinAnsiEncoding >>";
    let lefts: Vec<i32> = lefts_with(arial, content).into_iter().map(|(_, x)| x).collect();
    assert_eq!(lefts, [0, 9440, 12220, 15000]);
    // A font not among them keeps the half-em guess.
    let other = "<< /Type /Font /Subtype /Type1 /BaseFont /Optima >>";
    let lefts: Vec<i32> = lefts_with(other, content).into_iter().map(|(_, x)| x).collect();
    assert_eq!(lefts, [0, 5000, 10000, 15000]);
}
