//! Normalisers: printed cell text → typed values.
//!
//! Everything here is a pure function of its input, so each is covered by
//! property tests. Matching is done on a folded copy of the text (NFKC,
//! whitespace removed, CJK radicals unified); the output keeps the original
//! characters.

use std::borrow::Cow;
use std::sync::OnceLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

use crate::{Op, Target};

/// The bare units docs/output.md lists after a number, longest first so that
/// `人次` wins over `人`.
pub const BARE_UNITS: &[&str] = &[
    "万人次",
    "平方米",
    "人次",
    "小时",
    "万元",
    "%",
    "‰",
    "次",
    "场",
    "人",
    "个",
    "项",
    "家",
    "篇",
    "份",
    "年",
    "月",
    "天",
    "日",
    "元",
    "台",
    "套",
    "辆",
    "位",
    "度",
    "期",
    "件",
    "户",
];

/// Comparatives and symbols, longest first within each shared prefix.
const OPS: &[(&str, Op)] = &[
    ("大于等于", Op::Ge),
    ("小于等于", Op::Le),
    ("不低于", Op::Ge),
    ("不少于", Op::Ge),
    ("不小于", Op::Ge),
    ("不高于", Op::Le),
    ("不超过", Op::Le),
    ("不多于", Op::Le),
    ("不大于", Op::Le),
    ("至少", Op::Ge),
    ("至多", Op::Le),
    ("大于", Op::Gt),
    ("高于", Op::Gt),
    ("超过", Op::Gt),
    ("多于", Op::Gt),
    ("小于", Op::Lt),
    ("低于", Op::Lt),
    ("少于", Op::Lt),
    ("等于", Op::Eq),
    (">=", Op::Ge),
    ("=>", Op::Ge),
    ("<=", Op::Le),
    ("=<", Op::Le),
    ("==", Op::Eq),
    ("≥", Op::Ge),
    ("≧", Op::Ge),
    ("⩾", Op::Ge),
    ("≤", Op::Le),
    ("≦", Op::Le),
    ("⩽", Op::Le),
    ("=", Op::Eq),
    (">", Op::Gt),
    ("<", Op::Lt),
];

/// Most characters of a target's subject (`服务对象满意度 ≥ 90%`): a short
/// phrase, never a sentence that happens to end in a number. Checked on
/// the match rather than written `{0,24}` in the pattern: the subject is
/// lazy and first, so the shortest subject that lets the rest match is
/// the one a bounded pattern would take, and a repeated Unicode class
/// compiled 24 times was two thirds of a small batch's start-up time.
const MAX_TARGET_SUBJECT: usize = 24;

fn target_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let ops: Vec<String> = OPS.iter().map(|(s, _)| regex::escape(s)).collect();
        let units: Vec<String> = BARE_UNITS.iter().map(|s| regex::escape(s)).collect();
        // subject: a short phrase without digits, separators or operator
        // signs; its length is checked after the match (see
        // MAX_TARGET_SUBJECT). The number in ASCII digits: the text is
        // NFKC-folded, and other scripts' digits would not parse.
        let pattern = format!(
            r"^(?P<subject>[^\d\s,;:、。<>=≥≤≧≦⩾⩽()]*?)\s*(?P<op>{})?\s*(?P<num>[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)\s*(?:\((?P<punit>[^()]*)\)|(?P<bunit>{}))?$",
            ops.join("|"),
            units.join("|")
        );
        Regex::new(&pattern).unwrap_or_else(|e| panic!("target pattern is a constant: {e}"))
    })
}

/// NFKC plus the CJK radical folding NFKC does not do, for matching only.
/// Borrowed when the text folds to itself (nearly always).
pub fn fold(text: &str) -> Cow<'_, str> {
    if let Some(folded) = fold_common(text, false) {
        return folded;
    }
    // Rarer text (radicals, compatibility ideographs, circled digits,
    // combining marks): the quick check still skips the decomposition where
    // it can.
    let radicals = text.chars().any(|c| ('\u{2E80}'..='\u{2EFF}').contains(&c));
    if !radicals && unicode_normalization::is_nfkc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.nfkc().map(fold_radical).collect())
}

/// Like [`fold`] but also removes all whitespace: two texts that differ only
/// in wrapping or spacing fold to the same string.
pub fn fold_compact(text: &str) -> Cow<'_, str> {
    if let Some(folded) = fold_common(text, true) {
        return folded;
    }
    let mut folded = fold(text).into_owned();
    folded.retain(|c| !c.is_whitespace());
    Cow::Owned(folded)
}

/// [`fold`] of text made only of the characters of nearly all cell text,
/// read byte by byte, without the normalisation tables (which were a
/// tenth of a conversion's time, called on every row); `None` for any other
/// text. Those characters: ASCII, the ideographs U+4000–U+9FFF, the CJK
/// punctuation NFKC leaves alone (`、。《》【】“”—·`) and `≤≥`, which fold to
/// themselves, and the full-width forms (`，（）：％１`) and the
/// ideographic space, which NFKC maps one to one onto ASCII. Borrowed when
/// nothing changes (nearly always: the parser folds each cell many times).
fn fold_common(text: &str, drop_whitespace: bool) -> Option<Cow<'_, str>> {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    // Text before `copied` is in `out` already.
    let (mut at, mut copied) = (0, 0);
    while let Some(&lead) = bytes.get(at) {
        let (len, ascii) = common_char(bytes, at, lead)?;
        // What goes out for the character: itself (`None`), or an ASCII
        // byte (`Some(Some(_))`), or nothing (`Some(None)`).
        let folded = match ascii {
            Some(c) if drop_whitespace && is_ascii_whitespace(c) => Some(None),
            Some(c) if len > 1 => Some(Some(c)),
            _ => None,
        };
        let Some(folded) = folded else {
            at += len;
            continue;
        };
        let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
        out.push_str(text.get(copied..at)?);
        if let Some(c) = folded {
            out.push(char::from(c));
        }
        at += len;
        copied = at;
    }
    Some(match out {
        Some(mut out) => {
            out.push_str(text.get(copied..)?);
            Cow::Owned(out)
        }
        None => Cow::Borrowed(text),
    })
}

/// One character of [`fold_common`]'s set at `at` (lead byte `lead`): its
/// length in bytes and the ASCII byte it folds to, where it folds to ASCII
/// (ASCII itself, a full-width form, the ideographic space); `(len, None)`
/// for a character that folds to itself; `None` outside the set. UTF-8 lead
/// bytes 0xE4–0xE9 begin exactly the characters U+4000–U+9FFF (the end of
/// CJK Extension A, the hexagrams and the Unified Ideographs: no
/// decomposition, no composition, combining class 0).
fn common_char(bytes: &[u8], at: usize, lead: u8) -> Option<(usize, Option<u8>)> {
    let tail = || Some((*bytes.get(at + 1)?, *bytes.get(at + 2)?));
    Some(match lead {
        0..=0x7f => (1, Some(lead)),
        0xe4..=0xe9 => (3, None),
        // U+3000 ideographic space; 、。 and 〈〉《》「」『』【】.
        0xe3 => match tail()? {
            (0x80, 0x80) => (3, Some(b' ')),
            (0x80, 0x81 | 0x82 | 0x88..=0x91) => (3, None),
            _ => return None,
        },
        // — ‘ ’ “ ” and ≤ ≥ (in most targets: `≥95%`).
        0xe2 => match tail()? {
            (0x80, 0x94 | 0x98 | 0x99 | 0x9c | 0x9d) | (0x89, 0xa4 | 0xa5) => (3, None),
            _ => return None,
        },
        // ·
        0xc2 if bytes.get(at + 1) == Some(&0xb7) => (2, None),
        // Full-width forms U+FF01–U+FF5E fold to ASCII 0x21–0x7E.
        0xef => match tail()? {
            (0xbc, b @ 0x81..=0xbf) => (3, Some(b - 0x60)),
            (0xbd, b @ 0x80..=0x9e) => (3, Some(b - 0x20)),
            _ => return None,
        },
        _ => return None,
    })
}

/// `char::is_whitespace` of an ASCII byte: tab to carriage return, space.
fn is_ascii_whitespace(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// Folds full-width ASCII forms (`＞＝１０（％）`) and the ideographic space
/// to ASCII, and nothing else: unlike NFKC it leaves `²` and `①` alone, so
/// they never turn into digits of a number.
pub fn fold_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

fn compact_width(text: &str) -> String {
    fold_width(text).chars().filter(|c| !c.is_whitespace()).collect()
}

/// Maps CJK Radicals Supplement code points (U+2E80–U+2EFF), which some PDF
/// producers emit for ordinary ideographs and NFKC leaves alone, to their
/// unified ideographs (Unicode's EquivalentUnifiedIdeograph data, the
/// radicals that occur in running text).
pub fn fold_radical(c: char) -> char {
    match c {
        '\u{2E80}'..='\u{2EFF}' => match c {
            '⺀' => '冫',
            '⺁' => '厂',
            '⺃' => '乚',
            '⺅' => '亻',
            '⺇' => '⺇',
            '⺈' => '𠂊',
            '⺉' => '刂',
            '⺋' => '㔾',
            '⺌' => '⺌',
            '⺍' => '⺍',
            '⺎' => '兀',
            '⺏' => '尣',
            '⺐' => '尢',
            '⺑' => '𡯂',
            '⺒' => '巳',
            '⺓' => '幺',
            '⺔' => '彑',
            '⺖' => '忄',
            '⺗' => '㣺',
            '⺘' => '扌',
            '⺙' => '攵',
            '⺛' => '旡',
            '⺝' => '月',
            '⺟' => '母',
            '⺠' => '民',
            '⺡' => '氵',
            '⺢' => '氺',
            '⺣' => '灬',
            '⺤' => '爫',
            '⺥' => '爫',
            '⺦' => '丬',
            '⺧' => '牜',
            '⺨' => '犭',
            '⺩' => '王',
            '⺪' => '疋',
            '⺫' => '罒',
            '⺬' => '示',
            '⺭' => '礻',
            '⺮' => '𥫗',
            '⺯' => '糹',
            '⺰' => '纟',
            '⺱' => '罓',
            '⺲' => '罒',
            '⺳' => '网',
            '⺴' => '𦉫',
            '⺵' => '𦉪',
            '⺶' => '𦍌',
            '⺷' => '𦍋',
            '⺸' => '𦍋',
            '⺹' => '耂',
            '⺺' => '肀',
            '⺻' => '聿',
            '⺼' => '肉',
            '⺽' => '臼',
            '⺾' => '艹',
            '⺿' => '艹',
            '⻀' => '艹',
            '⻁' => '虎',
            '⻂' => '衤',
            '⻃' => '覀',
            '⻄' => '西',
            '⻅' => '见',
            '⻆' => '角',
            '⻇' => '𧢲',
            '⻈' => '讠',
            '⻉' => '贝',
            '⻊' => '⻊',
            '⻋' => '车',
            '⻌' => '辶',
            '⻍' => '辶',
            '⻎' => '辶',
            '⻏' => '阝',
            '⻐' => '钅',
            '⻑' => '長',
            '⻒' => '镸',
            '⻓' => '长',
            '⻔' => '门',
            '⻕' => '𨸏',
            '⻖' => '阝',
            '⻗' => '雨',
            '⻘' => '青',
            '⻙' => '韦',
            '⻚' => '页',
            '⻛' => '风',
            '⻜' => '飞',
            '⻝' => '食',
            '⻞' => '𩙿',
            '⻟' => '飠',
            '⻠' => '饣',
            '⻡' => '𩠐',
            '⻢' => '马',
            '⻣' => '骨',
            '⻤' => '鬼',
            '⻥' => '鱼',
            '⻦' => '鸟',
            '⻧' => '卤',
            '⻨' => '麦',
            '⻩' => '黄',
            '⻪' => '黾',
            '⻫' => '斉',
            '⻬' => '齐',
            '⻭' => '歯',
            '⻮' => '齿',
            '⻯' => '竜',
            '⻰' => '龙',
            '⻱' => '龜',
            '⻲' => '亀',
            '⻳' => '龟',
            _ => c,
        },
        _ => c,
    }
}

/// Parses a target as docs/output.md states it: `op`, `value` and `unit` are set
/// only when the whole text has the shape `[subject] [op] NUMBER [unit]`.
pub fn parse_target(text: &str) -> Target {
    let text = text.trim().to_string();
    // A target in words (`明显提升`) has no value: no pattern to run.
    if !may_hold_value(&text) {
        return Target {
            text,
            op: None,
            value: None,
            unit: None,
        };
    }
    let folded = fold_width(&text);
    let mut target = Target {
        text,
        op: None,
        value: None,
        unit: None,
    };
    let Some(caps) = target_regex().captures(folded.trim()) else {
        return target;
    };
    if caps
        .name("subject")
        .is_some_and(|m| m.as_str().chars().count() > MAX_TARGET_SUBJECT)
    {
        return target;
    }
    let Some(value) = caps
        .name("num")
        .and_then(|m| m.as_str().replace(',', "").parse::<f64>().ok())
    else {
        return target;
    };
    target.value = Some(value);
    target.op = caps
        .name("op")
        .and_then(|m| OPS.iter().find(|(s, _)| *s == m.as_str()).map(|(_, op)| *op));
    target.unit = caps
        .name("punit")
        .or_else(|| caps.name("bunit"))
        .map(|m| m.as_str().trim().to_string())
        .filter(|u| !u.is_empty());
    target
}

/// True when `text` is a numeric target on its own (`≥13.00(场)`, `90%`):
/// such a line can close a wrapped indicator name.
pub fn is_numeric_target(text: &str) -> bool {
    may_hold_value(text) && parse_target(text).value.is_some()
}

/// False when `text` has no digit (ASCII or full-width), so that
/// [`parse_target`] finds no value in it: most texts asked about are
/// names, turned away here without the target pattern.
pub fn may_hold_value(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

fn amount_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?P<neg>-)?(?P<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.(?P<frac>[0-9]+))?(?:元)?$")
            .unwrap_or_else(|e| panic!("amount pattern is a constant: {e}"))
    })
}

/// Parses a money amount (`31,487,510.00`, `7595500.00`, `0`) into yuan,
/// multiplying by `scale` (1 for 元, 10000 for 万元) exactly, in decimal.
pub fn parse_amount(text: &str, scale: u32) -> Option<f64> {
    if !may_be_amount(text) {
        return None;
    }
    let folded = compact_width(text);
    let caps = amount_regex().captures(&folded)?;
    let int: String = caps.name("int")?.as_str().replace(',', "");
    let frac = caps.name("frac").map(|m| m.as_str()).unwrap_or("");
    // Shift the decimal point in the string so that 12.345 万元 becomes
    // 123450 exactly rather than 123450.00000000001.
    let shift = match scale {
        1 => 0,
        10 => 1,
        100 => 2,
        1000 => 3,
        10000 => 4,
        _ => return None,
    };
    let mut digits = format!("{int}{frac}");
    let mut point = int.len() + shift;
    while digits.len() < point {
        digits.push('0');
    }
    if point == 0 {
        digits.insert(0, '0');
        point = 1;
    }
    let (whole, fraction) = digits.split_at(point);
    let sign = if caps.name("neg").is_some() { "-" } else { "" };
    format!("{sign}{whole}.{fraction}0").parse::<f64>().ok()
}

/// True when the text is an amount as [`parse_amount`] reads it.
pub fn is_amount(text: &str) -> bool {
    may_be_amount(text) && amount_regex().is_match(&compact_width(text))
}

/// False for text with a character no amount holds (nearly every cell the
/// parser asks about is words): decided without folding or the regex.
fn may_be_amount(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_ascii_digit()
            || c.is_whitespace()
            || matches!(c, ',' | '.' | '-' | '元')
            // Full-width , - . and digits, which fold to ASCII.
            || ('\u{FF0C}'..='\u{FF19}').contains(&c)
    })
}

fn date_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?P<y>[0-9]{4})(?:[-/.年](?P<m>[0-9]{1,2})[-/.月](?P<d>[0-9]{1,2})日?|(?P<m2>[0-9]{2})(?P<d2>[0-9]{2}))$")
            .unwrap_or_else(|e| panic!("date pattern is a constant: {e}"))
    })
}

/// Parses a date (`2024-01-01`, `2024年1月1日`, `2024/1/1`, `2024.1.1`,
/// `20240101`) into ISO `YYYY-MM-DD`; `None` for anything else, including
/// impossible dates.
pub fn parse_date(text: &str) -> Option<String> {
    let folded = compact_width(text);
    let caps = date_regex().captures(&folded)?;
    let year: u32 = caps.name("y")?.as_str().parse().ok()?;
    let month: u32 = caps.name("m").or(caps.name("m2"))?.as_str().parse().ok()?;
    let day: u32 = caps.name("d").or(caps.name("d2"))?.as_str().parse().ok()?;
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if day == 0 || day > days {
        return None;
    }
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// True for characters that take two columns in a CJK table cell:
/// ideographs, CJK and full-width punctuation, curly quotes.
pub fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{115F}'
        | '\u{2018}'..='\u{201F}'
        | '\u{2E80}'..='\u{303E}'
        | '\u{3041}'..='\u{33FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{A960}'..='\u{A97F}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{20000}'..='\u{3FFFD}')
}

/// The width of a line in half-width columns (a CJK character counts 2).
pub fn display_width(text: &str) -> usize {
    text.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

/// Joins the lines of one wrapped cell: nothing between CJK text, one space
/// where two Latin words (letters, or a letter and a digit) would otherwise
/// touch; digits of a number broken across lines join without one.
pub fn dewrap<S: AsRef<str>>(lines: &[S]) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.as_ref().trim();
        if line.is_empty() {
            continue;
        }
        push_wrapped(&mut out, line);
    }
    out
}

fn push_wrapped(out: &mut String, line: &str) {
    // Latin words wrapped apart had a space between them; a number broken by
    // character wrapping (`40` / `0-600名`) did not.
    let touching = matches!(
        (out.chars().last(), line.chars().next()),
        (Some(a), Some(b)) if a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric()
            && !(a.is_ascii_digit() && b.is_ascii_digit())
    );
    if touching {
        out.push(' ');
    }
    out.push_str(line);
}

fn item_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"^(?:",
            r"\d{1,2}\s*\.(?:\D|\d{4}年)",                   // 1.  2.2024年…  (not 2.5万元)
            r"|\d{1,2}\s*[、)]",                             // 1、 1)
            r"|\(\s*\d{1,2}\s*\)",                           // (1)
            r"|\(?[一二三四五六七八九十]{1,3}[)、.]",        // 一、 (三)
            r"|第[一二三四五六七八九十\d]{1,3}[，,、：:是]", // 第一，
            r"|[•·●▪■◆★☆◇○]",                                // bullets
            r")"
        ))
        .unwrap_or_else(|e| panic!("item pattern is a constant: {e}"))
    })
}

/// True when a line opens a new item of a list (`1.`, `2)`, `（三）`, `①`…).
pub fn starts_item(line: &str) -> bool {
    let line = line.trim_start();
    if line.starts_with(|c: char| ('\u{2460}'..='\u{2473}').contains(&c)) {
        return true; // ①…⑳, which NFKC would turn into plain digits
    }
    item_regex().is_match(&fold(line))
}

/// True for characters that cannot begin a line of running Chinese text, so a
/// line starting with one continues the previous line.
pub fn is_closing_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | '）'
            | '」'
            | '』'
            | '”'
            | '’'
            | '》'
            | '〉'
            | '】'
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '%'
            | '％'
    )
}

fn ends_sentence(line: &str) -> bool {
    matches!(line.trim_end().chars().last(), Some('。' | '！' | '？' | '!' | '?'))
}

/// De-wraps a block of running text (a goal cell): lines are joined as by
/// [`dewrap`], but a line break is kept where a new item starts, or where the
/// previous line ended a sentence short of the column's `full_width` (its
/// paragraph ended).
pub fn dewrap_paragraphs<S: AsRef<str>>(lines: &[S], full_width: usize) -> String {
    let mut out = String::new();
    let mut previous: Option<&str> = None;
    for line in lines {
        let line = line.as_ref().trim();
        if line.is_empty() {
            continue;
        }
        if let Some(prev) = previous {
            let continues = line.starts_with(is_closing_punct);
            let paragraph_ended = ends_sentence(prev) && display_width(prev) + 4 <= full_width;
            if !continues && (starts_item(line) || paragraph_ended) {
                out.push('\n');
                out.push_str(line);
            } else {
                push_wrapped(&mut out, line);
            }
        } else {
            out.push_str(line);
        }
        previous = Some(line);
    }
    out
}

/// True for characters that print nothing and part nothing: zero-width
/// spaces and joiners, direction marks and embeddings, the word joiner and
/// invisible operators. Web exports put U+200B between every two ideographs
/// so their PDF writer may break lines there (Dompdf): the text layer and
/// every dump of it hold them, a reader of the sheet sees none.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}')
}

/// `text` without [`is_invisible`] characters; borrowed where it has none.
pub fn without_invisible(text: &str) -> std::borrow::Cow<'_, str> {
    // Every invisible character is U+2000–U+206F, three bytes led by 0xE2:
    // a text without that byte (most glyphs, every ASCII line) is asked no more.
    if text.as_bytes().contains(&0xe2) && text.chars().any(is_invisible) {
        std::borrow::Cow::Owned(text.chars().filter(|c| !is_invisible(*c)).collect())
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// True for characters a text field must not hold: C0 controls other than
/// tab and newline, DEL, C1 controls and Unicode noncharacters (they break
/// XML, terminals and spreadsheets, and no printed sheet shows them).
pub fn is_control(c: char) -> bool {
    let u = u32::from(c);
    (u < 0x20 && c != '\t' && c != '\n')
        || (0x7f..=0x9f).contains(&u)
        || (0xfdd0..=0xfdef).contains(&u)
        || (u & 0xfffe) == 0xfffe
}

/// `text` without [`is_control`] characters, and how many were removed.
pub fn strip_controls(text: &str) -> (String, usize) {
    let removed = text.chars().filter(|c| is_control(*c)).count();
    if removed == 0 {
        return (text.to_string(), 0);
    }
    (text.chars().filter(|c| !is_control(*c)).collect(), removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters() {
        assert_eq!(
            without_invisible("项\u{200b}目\u{200d}\u{2060}名\u{200e}称"),
            "项目名称"
        );
        assert!(matches!(
            without_invisible("项目 名称"),
            std::borrow::Cow::Borrowed("项目 名称")
        ));
        // A no-break space and an ideographic space part cells: they stay.
        assert_eq!(without_invisible("a\u{a0}b\u{3000}c"), "a\u{a0}b\u{3000}c");
    }

    proptest::proptest! {
        /// The character check before the amount pattern only ever saves
        /// work: it never turns an amount away.
        #[test]
        fn may_be_amount_keeps_every_amount(text in "[0-9０-９,，.．\\-－元 \u{3000}a中／%]{0,10}") {
            let by_pattern = amount_regex().is_match(&compact_width(&text));
            proptest::prop_assert_eq!(is_amount(&text), by_pattern);
            proptest::prop_assert_eq!(parse_amount(&text, 1).is_some(), by_pattern);
        }

        /// Taking the invisible characters out keeps every other character
        /// in its order, and the byte test before it never lets one through.
        #[test]
        fn invisible_characters_go_and_nothing_else(text in "[a项\u{2000}-\u{206f}\u{3000} ,.]{0,24}") {
            let visible: String = text.chars().filter(|c| !is_invisible(*c)).collect();
            let got = without_invisible(&text);
            proptest::prop_assert_eq!(got.as_ref(), visible.as_str());
        }
    }

    fn t(text: &str) -> (Option<Op>, Option<f64>, Option<String>) {
        let t = parse_target(text);
        (t.op, t.value, t.unit)
    }

    #[test]
    fn targets_from_schema() {
        assert_eq!(t("≥2.00(次)"), (Some(Op::Ge), Some(2.0), Some("次".into())));
        assert_eq!(t("=365(天)"), (Some(Op::Eq), Some(365.0), Some("天".into())));
        assert_eq!(t("不低于50%"), (Some(Op::Ge), Some(50.0), Some("%".into())));
        assert_eq!(t("90%"), (None, Some(90.0), Some("%".into())));
        assert_eq!(t("<12.00(小时)"), (Some(Op::Lt), Some(12.0), Some("小时".into())));
        assert_eq!(t("≥5(场)"), (Some(Op::Ge), Some(5.0), Some("场".into())));
        assert_eq!(t("90.00(度)"), (None, Some(90.0), Some("度".into())));
        assert_eq!(t("满意率100%"), (None, Some(100.0), Some("%".into())));
        assert_eq!(t("可控性100%"), (None, Some(100.0), Some("%".into())));
        assert_eq!(
            t("补贴对象生活改善度不低于80%"),
            (Some(Op::Ge), Some(80.0), Some("%".into()))
        );
        assert_eq!(t("≥2.00(L)"), (Some(Op::Ge), Some(2.0), Some("L".into())));
        assert_eq!(
            t("＞＝1,000（万人次）"),
            (Some(Op::Ge), Some(1000.0), Some("万人次".into()))
        );
        assert_eq!(t("≥80000.00(人次)"), (Some(Op::Ge), Some(80000.0), Some("人次".into())));
        assert_eq!(t("100"), (None, Some(100.0), None));
        // A subject of at most MAX_TARGET_SUBJECT characters: a phrase,
        // not a sentence that ends in a number.
        let subject = "服务对象对社区公共服务的获得感和安全感满意度提升";
        assert_eq!(subject.chars().count(), MAX_TARGET_SUBJECT);
        assert_eq!(
            t(&format!("{subject}≥90%")),
            (Some(Op::Ge), Some(90.0), Some("%".into()))
        );
        assert_eq!(t(&format!("{subject}值≥90%")), (None, None, None));
        for none in [
            "2024年11月前完成",
            "有效保障",
            "开展至少1次团体心理治疗",
            "慰问人数不少于100人,宣传用品不少于20000份",
            "",
            "≥",
        ] {
            assert_eq!(t(none), (None, None, None), "{none}");
        }
    }

    #[test]
    fn target_keeps_printed_text() {
        assert_eq!(parse_target(" ＞70.00（%） ").text, "＞70.00（%）");
    }

    #[test]
    fn amounts() {
        assert_eq!(parse_amount("31,487,510.00", 1), Some(31487510.0));
        assert_eq!(parse_amount("7595500.00", 1), Some(7595500.0));
        assert_eq!(parse_amount("0.00", 1), Some(0.0));
        assert_eq!(parse_amount("12.345", 10000), Some(123450.0));
        assert_eq!(parse_amount("0.5", 10000), Some(5000.0));
        assert_eq!(parse_amount("1,2", 1), None);
        assert_eq!(parse_amount("abc", 1), None);
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2024-01-01").as_deref(), Some("2024-01-01"));
        assert_eq!(parse_date("2024年1月1日").as_deref(), Some("2024-01-01"));
        assert_eq!(parse_date("2024/12/31").as_deref(), Some("2024-12-31"));
        assert_eq!(parse_date("20240229").as_deref(), Some("2024-02-29"));
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("2024-13-01"), None);
        assert_eq!(parse_date("明年"), None);
    }

    #[test]
    fn dewrap_rules() {
        assert_eq!(dewrap(&["提供完善", "、安全的"]), "提供完善、安全的");
        assert_eq!(dewrap(&["服务对象满意度", "指标"]), "服务对象满意度指标");
        assert_eq!(dewrap(&["OA", "system"]), "OA system");
        assert_eq!(dewrap(&["活动2-", "3次"]), "活动2-3次");
        assert_eq!(dewrap(&["40", "0-600名"]), "400-600名");
        assert_eq!(dewrap(&["OA", "2"]), "OA 2");
    }

    #[test]
    fn paragraphs() {
        let lines = [
            "1.甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己",
            "庚辛。",
            "2.2024年甲乙丙丁戊己庚辛壬癸甲乙丙",
            "丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸。",
            "新的段落。",
        ];
        assert_eq!(
            dewrap_paragraphs(&lines, display_width(lines[0])),
            "1.甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛。\n2.2024年甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸。新的段落。"
        );
        assert!(starts_item("（三）工作"));
        assert!(starts_item("①工作"));
        assert!(starts_item("2)、“上海"));
        assert!(!starts_item("2.5万元"));
        assert!(!starts_item("3次。"));
        assert!(!starts_item("2024年"));
    }
}
