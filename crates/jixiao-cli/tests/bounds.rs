//! The batch promise under attack: memory and time bounded per file, every
//! input accounted for, nothing lost silently. Small cases run in CI; the
//! full-size ones are `#[ignore]`d (`cargo test -p jixiao-cli --test bounds
//! -- --ignored`).

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use common::{corpus, json, pdf, stream, temp_dir};

/// Runs a program with a watchdog: a hang fails the test instead of
/// blocking it forever (its output is read as it comes, so a large one
/// cannot fill the pipe).
fn run(program: &str, args: &[&str], limit: Duration) -> Output {
    let child = Command::new(program)
        .args(args)
        .env("LC_ALL", "C.UTF-8")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    let id = child.id();
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(child.wait_with_output());
    });
    match receiver.recv_timeout(limit) {
        Ok(output) => output.expect("output"),
        Err(_) => {
            let _ = Command::new("kill").arg("-9").arg(id.to_string()).status();
            panic!("{program} {args:?} ran longer than {limit:?}");
        }
    }
}

fn jixiao(args: &[&str], limit: Duration) -> Output {
    run(env!("CARGO_BIN_EXE_jixiao"), args, limit)
}

/// A one-page PDF whose font's ToUnicode is `cmap`.
fn pdf_with_to_unicode(cmap: &str) -> Vec<u8> {
    pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".into(),
        stream("", "BT /F1 12 Tf 10 100 Td <00410042> Tj ET"),
        "<< /Type /Font /Subtype /Type0 /BaseFont /Bomb /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>".into(),
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Bomb /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>".into(),
        stream("", cmap),
    ])
}

fn bfrange_bomb(ranges: usize) -> Vec<u8> {
    let mut cmap = String::from("1 begincodespacerange <0000> <FFFF> endcodespacerange\n");
    for _ in 0..ranges / 100 {
        cmap.push_str("100 beginbfrange\n");
        for _ in 0..100 {
            cmap.push_str("<0000> <FFFF> <4E00>\n");
        }
        cmap.push_str("endbfrange\n");
    }
    pdf_with_to_unicode(&cmap)
}

fn long_target_bomb(chars: usize) -> Vec<u8> {
    let cmap = format!(
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n1 beginbfrange <0000> <FFFF> <{}> endbfrange\n",
        "4E00".repeat(chars)
    );
    pdf_with_to_unicode(&cmap)
}

fn codes(doc: &serde_json::Value) -> Vec<String> {
    doc["diagnostics"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|d| d["code"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn bombs_in_one_batch(ranges: usize, target_chars: usize, copies: usize) {
    if Command::new("prlimit").arg("--version").output().is_err() {
        eprintln!("skipped: prlimit (util-linux) is not installed");
        return;
    }
    let dir = temp_dir(&format!("bombs-{ranges}"));
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    for k in 0..copies {
        std::fs::write(input.join(format!("bfrange-{k}.pdf")), bfrange_bomb(ranges)).unwrap();
        std::fs::write(
            input.join(format!("long-target-{k}.pdf")),
            long_target_bomb(target_chars),
        )
        .unwrap();
    }
    std::fs::copy(corpus().join("pdf/seed.ucs2-landscape.pdf"), input.join("good.pdf")).unwrap();
    let out = dir.join("out");
    let exe = env!("CARGO_BIN_EXE_jixiao");
    let result = run(
        "prlimit",
        &[
            "--as=3000000000",
            exe,
            "convert",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "-j",
            "2",
        ],
        Duration::from_secs(150),
    );
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(matches!(result.status.code(), Some(0 | 1)), "{stderr}");
    assert_eq!(
        json(&out.join("good.pdf.json"))["projects"].as_array().map(Vec::len),
        Some(9)
    );
    for k in 0..copies {
        for name in [format!("bfrange-{k}.pdf"), format!("long-target-{k}.pdf")] {
            let doc = json(&out.join(format!("{name}.json")));
            let codes = codes(&doc);
            assert!(
                codes.iter().any(|c| c == "limit" || c == "out-of-memory"),
                "{name}: {codes:?}"
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bombs_and_a_normal_pdf_in_one_batch_under_a_memory_cap() {
    bombs_in_one_batch(2_000, 15_000, 1);
}

#[test]
#[ignore = "full size: 8 bombs of 2,000 ranges; run with --ignored"]
fn many_bombs_under_a_memory_cap() {
    bombs_in_one_batch(2_000, 15_000, 4);
}

#[test]
fn fifos_and_devices_are_refused_at_once() {
    let dir = temp_dir("fifo");
    let fifo = dir.join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.txt")).unwrap();
    std::fs::copy(corpus().join("000_9700642081d75d3a.txt"), dir.join("seed.txt")).unwrap();
    let out = dir.join("out");
    let result = jixiao(
        &[
            "convert",
            dir.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--timeout",
            "5",
        ],
        Duration::from_secs(60),
    );
    assert_eq!(result.status.code(), Some(1));
    let mut refused = vec!["zero.txt"];
    if made.is_ok_and(|s| s.success()) {
        refused.push("pipe.txt");
    }
    for name in refused {
        let doc = json(&out.join(format!("{name}.json")));
        assert_eq!(doc["diagnostics"][0]["code"], "unreadable-file", "{name}");
        assert!(doc["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .contains("not a regular file"));
    }
    assert_eq!(
        json(&out.join("seed.txt.json"))["projects"].as_array().map(Vec::len),
        Some(9)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

fn one_line_text(megabytes: usize) {
    let dir = temp_dir(&format!("long-line-{megabytes}"));
    let input = dir.join("long.txt");
    let line = "项目名称 ".to_string() + &"甲".repeat(megabytes * 1024 * 1024 / 3);
    std::fs::write(&input, line).unwrap();
    let out = dir.join("out");
    let result = jixiao(
        &[
            "convert",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--timeout",
            "120",
        ],
        Duration::from_secs(150),
    );
    assert!(matches!(result.status.code(), Some(0 | 1)));
    assert!(json(&out.join("long.txt.json"))["projects"].is_array());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_long_one_line_text_converts_within_bounds() {
    one_line_text(4);
}

#[test]
#[ignore = "full size: a 100 MB one-line text; run with --ignored"]
fn a_100_mb_one_line_text_converts_within_bounds() {
    one_line_text(100);
}

#[test]
fn a_worker_out_of_memory_is_reported_and_the_batch_goes_on() {
    let dir = temp_dir("oom");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("big.txt"),
        "项目名称 ".to_string() + &"甲".repeat(20 * 1024 * 1024),
    )
    .unwrap();
    std::fs::copy(corpus().join("000_9700642081d75d3a.txt"), input.join("seed.txt")).unwrap();
    let out = dir.join("out");
    let result = jixiao(
        &[
            "convert",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--max-memory",
            "160M",
            "-j",
            "1",
        ],
        Duration::from_secs(120),
    );
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(1), "{stderr}");
    assert_eq!(
        json(&out.join("big.txt.json"))["diagnostics"][0]["code"],
        "out-of-memory"
    );
    assert_eq!(
        json(&out.join("seed.txt.json"))["projects"].as_array().map(Vec::len),
        Some(9)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A worker's limit stands above what it holds when it sets it: mimalloc
/// had reserved 1 GiB before, so the seed itself failed now and then
/// (`out-of-memory` for an 18 KiB allocation, as ASLR fell) under any
/// limit. Each run starts a worker of its own.
#[test]
fn a_small_file_never_runs_out_of_a_tight_limit() {
    let dir = temp_dir("tight");
    let out = dir.join("out");
    let seed = corpus().join("000_9700642081d75d3a.txt");
    for run in 0..20 {
        let result = jixiao(
            &[
                "convert",
                seed.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
                "--max-memory",
                "64M",
                "-j",
                "1",
            ],
            Duration::from_secs(60),
        );
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert_eq!(result.status.code(), Some(0), "run {run}: {stderr}");
        assert_eq!(
            json(&out.join("000_9700642081d75d3a.txt.json"))["projects"]
                .as_array()
                .map(Vec::len),
            Some(9),
            "run {run}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn timeouts_and_sizes_are_validated() {
    for bad in ["inf", "0", "nan", "-1", "soon"] {
        let result = jixiao(
            &["convert", "x.txt", &format!("--timeout={bad}")],
            Duration::from_secs(30),
        );
        assert_eq!(result.status.code(), Some(2), "--timeout {bad}");
        assert!(String::from_utf8_lossy(&result.stderr).contains("not a time budget"));
    }
    let seed = corpus().join("000_9700642081d75d3a.txt");
    let result = jixiao(
        &["convert", seed.to_str().unwrap(), "--timeout", "none"],
        Duration::from_secs(60),
    );
    assert_eq!(result.status.code(), Some(0));
    let result = jixiao(
        &["convert", seed.to_str().unwrap(), "--max-input-size", "1K"],
        Duration::from_secs(60),
    );
    assert_eq!(result.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&result.stdout).contains("--max-input-size"));
    let result = jixiao(
        &["convert", seed.to_str().unwrap(), "-j", "100000"],
        Duration::from_secs(60),
    );
    assert_eq!(result.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&result.stderr).contains("per core"));
}

#[test]
fn long_cells_and_control_characters_keep_every_table() {
    let dir = temp_dir("cells");
    let seed = std::fs::read_to_string(corpus().join("000_9700642081d75d3a.txt")).unwrap();
    let long_goal = "很长的目标".repeat(8_000);
    let text = seed
        .replacen("科技服务平台运行保障", "科技服务\u{7}平台\u{1b}运行保障", 1)
        .replacen(
            "1.生物医药专业技术服务平台房屋租金",
            &format!("{long_goal}1.生物医药专业技术服务平台房屋租金"),
            1,
        );
    std::fs::write(dir.join("hostile.txt"), text).unwrap();
    let out = dir.join("out");
    let result = jixiao(
        &[
            "convert",
            dir.join("hostile.txt").to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--csv",
            "--xlsx",
        ],
        Duration::from_secs(60),
    );
    assert_eq!(
        result.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let doc = json(&out.join("hostile.txt.json"));
    assert_eq!(doc["projects"][0]["name"], "科技服务平台运行保障");
    assert!(codes(&doc).contains(&"control-character".to_string()));
    assert!(doc["projects"][0]["goal_project"].as_str().unwrap().chars().count() > 40_000);
    let projects = std::fs::read_to_string(out.join("projects.csv")).unwrap();
    assert!(!projects.contains('\u{7}') && projects.contains(&long_goal));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("cells longer than a spreadsheet cell holds were cut"),
        "{stderr}"
    );
    use calamine::{Reader, Xlsx};
    let mut workbook: Xlsx<_> = calamine::open_workbook(out.join("jixiao.xlsx")).unwrap();
    let diagnostics = workbook.worksheet_range("diagnostics").unwrap();
    assert!(diagnostics.rows().any(|r| r
        .iter()
        .any(|c| matches!(c, calamine::Data::String(s) if s == "cell-truncated"))));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_unwritable_output_folder_fails_before_converting() {
    let dir = temp_dir("unwritable");
    let blocker = dir.join("file");
    std::fs::write(&blocker, b"not a folder").unwrap();
    let seed = corpus().join("000_9700642081d75d3a.txt");
    let result = jixiao(
        &[
            "convert",
            seed.to_str().unwrap(),
            "-o",
            blocker.join("out").to_str().unwrap(),
        ],
        Duration::from_secs(30),
    );
    assert_eq!(result.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&result.stderr).contains("output folder"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A full disk: outputs that do not fit fail with a message, no temporary
/// file is left behind. Needs root to mount a small tmpfs; skipped where
/// mounting is not allowed.
#[test]
fn a_full_disk_leaves_no_temporary_files() {
    let dir = temp_dir("full");
    let mount = dir.join("small");
    std::fs::create_dir_all(&mount).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=48k", "tmpfs"])
        .arg(&mount)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("skipped: cannot mount a tmpfs here (needs root)");
        return;
    }
    let seed = corpus().join("000_9700642081d75d3a.txt");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    for k in 0..4 {
        std::fs::copy(&seed, input.join(format!("s{k}.txt"))).unwrap();
    }
    let result = jixiao(
        &[
            "convert",
            input.to_str().unwrap(),
            "-o",
            mount.to_str().unwrap(),
            "--csv",
        ],
        Duration::from_secs(60),
    );
    let leftovers: Vec<String> = std::fs::read_dir(&mount)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    let _ = Command::new("umount").arg(&mount).status();
    assert_eq!(result.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&result.stderr).contains("cannot write"));
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_shared_corpus_helper_knows_where_it_is() {
    // Under CI the corpora must be there; elsewhere the helper may skip.
    if let Some(path) = common::shared_corpora() {
        assert!(Path::new(&path).join("robustness").is_dir());
    }
}

/// Damage is never silent: a truncated file, a stream `/Length` off by one
/// and flipped bytes inside a compressed content stream each give every
/// project or a warning (`repaired-pdf`, `pdf-content`) or an error.
#[test]
fn damaged_pdfs_are_never_silent() {
    for name in [
        "seed.reportlab.pdf",
        "seed.ucs2-landscape.pdf",
        "seed.chromium.pdf",
        "seed.gbk-portrait.pdf",
    ] {
        let original = std::fs::read(corpus().join("pdf").join(name)).unwrap();
        let mut variants: Vec<(String, Vec<u8>)> = Vec::new();
        for percent in [30, 70, 97, 99] {
            variants.push((
                format!("cut at {percent}%"),
                original[..original.len() * percent / 100].to_vec(),
            ));
        }
        let lengths: Vec<usize> = original
            .windows(8)
            .enumerate()
            .filter(|(_, w)| *w == b"/Length ")
            .map(|(i, _)| i + 8)
            .collect();
        for &at in lengths.iter().step_by(3) {
            let digits = original[at..].iter().take_while(|b| b.is_ascii_digit()).count();
            if digits == 0 || original.get(at + digits) == Some(&b' ') {
                continue; // an indirect length
            }
            let value: usize = std::str::from_utf8(&original[at..at + digits])
                .unwrap()
                .parse()
                .unwrap();
            let mut bytes = original[..at].to_vec();
            bytes.extend((value - 1).to_string().bytes());
            bytes.extend(&original[at + digits..]);
            variants.push((format!("/Length at {at} off by one"), bytes));
        }
        for (k, &at) in lengths.iter().enumerate().skip(2).take(4) {
            let mut bytes = original.clone();
            for step in [37, 61, 89, 113, 151] {
                if let Some(b) = bytes.get_mut(at + 20 + step + k) {
                    *b ^= 0x55;
                }
            }
            variants.push((format!("bytes flipped after {at}"), bytes));
        }
        for (what, bytes) in variants {
            let doc = jixiao_cli::convert_bytes(name, &bytes);
            let spoken = doc.diagnostics.iter().any(|d| d.level != jixiao_model::Level::Info);
            assert!(
                doc.projects.len() == 9 || spoken,
                "{name}, {what}: {} projects and no warning",
                doc.projects.len()
            );
        }
    }
}

/// A corpus PDF's bytes and what it converts to, undamaged.
fn corpus_pdf(name: &str) -> (Vec<u8>, jixiao_model::Document) {
    let bytes = std::fs::read(corpus().join("pdf").join(name)).unwrap();
    let doc = jixiao_cli::convert_bytes(name, &bytes);
    (bytes, doc)
}

/// Where `needle` first stands in `bytes`.
fn find(bytes: &[u8], needle: &[u8]) -> usize {
    bytes
        .windows(needle.len())
        .position(|w| w == needle)
        .unwrap_or_else(|| panic!("no {}", String::from_utf8_lossy(needle)))
}

/// True when a warning of `doc` says `text`.
fn warns(doc: &jixiao_model::Document, text: &str) -> bool {
    doc.diagnostics
        .iter()
        .any(|d| d.level == jixiao_model::Level::Warning && d.message.contains(text))
}

/// A font dictionary whose bytes were flipped (`/Subtype /Type0` become
/// `/Ty%e0`: the rest of the line a comment) is read by its ToUnicode
/// map's two-byte codes, and reported; read as a simple font, every
/// ideograph came out after a NUL and the forms were silently lost.
#[test]
fn a_font_whose_subtype_was_damaged_is_read_by_its_codes_and_reported() {
    let name = "district.pdfmake-serif.pdf";
    let (original, whole) = corpus_pdf(name);
    let at = find(&original, b"/Subtype /Type0");
    let mut bytes = original.clone();
    bytes.splice(at..at + 15, b"/Subtype /Ty%e0".iter().copied());
    let doc = jixiao_cli::convert_bytes(name, &bytes);
    assert_eq!(doc.projects.len(), whole.projects.len());
    assert_eq!(doc.title, whole.title);
    assert!(warns(&doc, "/Subtype /Ty,"), "{:?}", doc.diagnostics);
}

/// A page whose `/Contents` key lost a byte (`/Co;tents 12 0 R`) is read
/// from the stream that key names, and said so; one whose reference is
/// gone altogether is reported (its text is lost), never silent.
#[test]
fn a_page_whose_contents_key_was_damaged_is_never_silent() {
    for name in ["cost.fop.pdf", "cost.reportlab.pdf", "cost.libreoffice.pdf"] {
        let (original, whole) = corpus_pdf(name);
        let at = find(&original, b"/Contents ");
        let mut flipped = original.clone();
        flipped[at + 3] ^= 0x55;
        let doc = jixiao_cli::convert_bytes(name, &flipped);
        assert_eq!(doc.projects, whole.projects, "{name}");
        assert!(
            doc.diagnostics
                .iter()
                .any(|d| d.message.contains("the page has no /Contents; its content is read")),
            "{name}: {:?}",
            doc.diagnostics
        );
        // The reference blanked out: no stream left to read.
        let end = at + find(&original[at..], b" R") + 2;
        let mut blanked = original.clone();
        blanked[at..end].fill(b' ');
        let doc = jixiao_cli::convert_bytes(name, &blanked);
        assert!(
            warns(&doc, "the page has fonts but no /Contents"),
            "{name}: {:?}",
            doc.diagnostics
        );
    }
}

/// One flipped byte in a font's /W array (`1000` become `1e00`) is no
/// number: the object is read by recovery, which may lose the widths and
/// put every cell's lines out of order; that is never silent.
#[test]
fn a_malformed_object_is_reported() {
    let name = "seed.pdfmake.pdf";
    let (original, _) = corpus_pdf(name);
    let w = find(&original, b"/W [");
    let at = w + find(&original[w..], b"1000");
    let mut bytes = original.clone();
    bytes[at + 1] = b'e';
    let doc = jixiao_cli::convert_bytes(name, &bytes);
    assert!(
        doc.diagnostics.iter().any(|d| d.level == jixiao_model::Level::Warning
            && d.code == jixiao_model::Code::RepairedPdf
            && d.message.contains("is malformed")),
        "{:?}",
        doc.diagnostics
    );
}

/// A composite font whose `/DescendantFonts` key lost a byte has no
/// widths: its text is placed by guess, and said so.
#[test]
fn a_composite_font_without_descendants_is_reported() {
    let name = "seed.pdfmake.pdf";
    let (original, _) = corpus_pdf(name);
    let at = find(&original, b"/DescendantFonts");
    let mut bytes = original.clone();
    bytes[at + 4] ^= 0x55;
    let doc = jixiao_cli::convert_bytes(name, &bytes);
    assert!(
        warns(&doc, "a composite font without /DescendantFonts"),
        "{:?}",
        doc.diagnostics
    );
}

/// A page whose `/Type /Page` lost a byte (`/P4ge`) is still read as a
/// page, and the damage said; it used to be skipped without a word.
#[test]
fn a_page_whose_type_was_damaged_is_read_and_reported() {
    let name = "stress.itext.pdf";
    let (original, whole) = corpus_pdf(name);
    let at = find(&original, b"/Type/Page/");
    let mut bytes = original.clone();
    bytes[at + 7] ^= 0x55;
    let doc = jixiao_cli::convert_bytes(name, &bytes);
    assert_eq!(doc.projects, whole.projects);
    assert!(
        warns(&doc, "a /Type of neither /Page nor /Pages"),
        "{:?}",
        doc.diagnostics
    );
}

/// Two runs into one output folder: the second is refused while the first
/// holds the folder's lock; a lock left by a dead run is taken over.
#[test]
fn one_run_at_a_time_per_output_folder() {
    let dir = temp_dir("lock");
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let seed = corpus().join("000_9700642081d75d3a.txt");
    // A live holder: this test process.
    std::fs::write(out.join(".jixiao.lock"), std::process::id().to_string()).unwrap();
    let result = jixiao(
        &["convert", seed.to_str().unwrap(), "-o", out.to_str().unwrap()],
        Duration::from_secs(30),
    );
    assert_eq!(result.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&result.stderr).contains("another jixiao run"));
    // A dead holder (no such process).
    std::fs::write(out.join(".jixiao.lock"), "999999999").unwrap();
    let result = jixiao(
        &["convert", seed.to_str().unwrap(), "-o", out.to_str().unwrap()],
        Duration::from_secs(30),
    );
    assert_eq!(result.status.code(), Some(0));
    assert!(!out.join(".jixiao.lock").exists(), "the lock is removed at the end");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A project as JSON without where it was found (`span`, each indicator's
/// `page`): what a truncated file's project is compared by.
fn project_fields(project: &jixiao_model::Project) -> serde_json::Value {
    let mut value = serde_json::to_value(project).unwrap();
    if let Some(fields) = value.as_object_mut() {
        fields.remove("span");
        if let Some(indicators) = fields.get_mut("indicators").and_then(|v| v.as_array_mut()) {
            for indicator in indicators.iter_mut().filter_map(|i| i.as_object_mut()) {
                indicator.remove("page");
            }
        }
    }
    value
}

/// Every project of `doc` by [`project_fields`].
fn projects_fields(doc: &jixiao_model::Document) -> Vec<serde_json::Value> {
    doc.projects.iter().map(project_fields).collect()
}

/// A download cut short keeps every form of the pages it still holds,
/// each read exactly as from the whole file, and says it is cut short.
/// LibreOffice, Writer and Typst write the page tree and the catalog last
/// (a file cut anywhere has neither); their pages are then found by their
/// `/Type /Page`. Chromium writes its fonts last: text in a font the cut
/// file lacks is U+FFFD in the fields, never left out of them. One line
/// per cut: the file, how much of it is kept, and how many of its forms
/// must come back at least.
#[test]
fn truncated_downloads_keep_the_forms_of_their_whole_pages() {
    for (name, percent, at_least) in [
        ("seed.libreoffice.pdf", 99, 8),
        ("seed.writer.pdf", 99, 4),
        ("seed.typst.pdf", 90, 5),
        ("seed.typst.pdf", 99, 9),
        ("seed.reportlab.pdf", 30, 2),
        ("seed.reportlab.pdf", 60, 4),
        ("seed.reportlab.pdf", 90, 8),
        ("seed.chromium.pdf", 99, 9),
        ("seed.libreoffice.pdf", 60, 0),
        ("seed.itext.pdf", 99, 0),
        ("seed.chromium-serif.pdf", 50, 9),
        ("cost.chromium.pdf", 80, 2),
    ] {
        let (original, whole) = corpus_pdf(name);
        let cut = &original[..original.len() * percent / 100];
        let doc = jixiao_cli::convert_bytes(name, cut);
        let what = format!("{name} cut at {percent}%");
        assert!(
            doc.projects.len() >= at_least,
            "{what}: {} forms, not {at_least}",
            doc.projects.len()
        );
        assert!(
            doc.diagnostics
                .iter()
                .any(|d| d.message.contains("cut short") || d.message.contains("looks truncated")),
            "{what}: not said to be cut short: {:?}",
            doc.diagnostics
        );
        let count = doc.projects.len();
        for (i, (got, want)) in doc.projects.iter().zip(&whole.projects).enumerate() {
            let (got, want) = (project_fields(got), project_fields(want));
            if got != want && got.to_string().contains('\u{fffd}') {
                continue; // text of a lost font, shown as lost
            }
            if i + 1 < count {
                assert_eq!(got, want, "{what}: form {i}");
            } else {
                // The last form may lose the rows of the pages cut off.
                let rows = got["indicators"].as_array().map_or(0, Vec::len);
                let kept = want["indicators"].as_array().map(|all| &all[..rows.min(all.len())]);
                assert_eq!(got["name"], want["name"], "{what}: last form");
                assert_eq!(
                    got["indicators"].as_array().map(Vec::as_slice),
                    kept,
                    "{what}: last form"
                );
            }
        }
    }
}

/// Every LF turned into CR LF, as a copy in text mode (FTP ASCII, a mail
/// gateway) leaves a file, compressed streams included.
fn copied_in_text_mode(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 16);
    for &b in bytes {
        if b == b'\n' {
            out.push(b'\r');
        }
        out.push(b);
    }
    out
}

/// A file copied in text mode reads exactly as the file, and says so
/// (turned back, its cross-reference offsets prove the copy): producers
/// with classic and with compressed cross-references (MuPDF, WeasyPrint),
/// a filled-in form whose uncompressed appearance streams lost their
/// `/Length`s. Cut short as well, its streams are turned back one by one.
#[test]
fn files_copied_in_text_mode_read_as_the_file() {
    for name in [
        "seed.libreoffice.pdf",
        "seed.chromium.pdf",
        "cost.mupdf.pdf",
        "cost.weasyprint.pdf",
        "district.gbk-fields.pdf",
    ] {
        let (original, whole) = corpus_pdf(name);
        let copied = copied_in_text_mode(&original);
        let doc = jixiao_cli::convert_bytes(name, &copied);
        assert_eq!(
            projects_fields(&doc),
            projects_fields(&whole),
            "{name} copied in text mode"
        );
        assert!(
            doc.diagnostics.iter().any(|d| d.message.contains("CR LF")),
            "{name}: not said to be copied in text mode"
        );
    }
    let (original, whole) = corpus_pdf("seed.chromium.pdf");
    let copied = copied_in_text_mode(&original);
    let cut = &copied[..copied.len() * 99 / 100];
    let doc = jixiao_cli::convert_bytes("seed.chromium.pdf", cut);
    assert_eq!(
        projects_fields(&doc),
        projects_fields(&whole),
        "copied in text mode and cut short"
    );
    assert!(doc.diagnostics.iter().any(|d| d.message.contains("CR LF")));
}

/// An update appended to a file and cut short (its objects, no
/// cross-reference section or `%%EOF` of its own) leaves the file as it
/// was before it, and is said; comments and padding after `%%EOF` are not.
#[test]
fn an_appended_update_cut_short_is_said() {
    let (original, whole) = corpus_pdf("seed.libreoffice.pdf");
    let warned = |doc: &jixiao_model::Document| doc.diagnostics.iter().any(|d| d.message.contains("update appended"));
    let mut cut = original.clone();
    cut.extend_from_slice(b"\n90 0 obj\n<< /Title (x) >>\nendobj\n91 0 obj\n<< /Length 40 >>\nstre");
    let doc = jixiao_cli::convert_bytes("seed.libreoffice.pdf", &cut);
    assert!(warned(&doc), "{:?}", doc.diagnostics);
    assert_eq!(projects_fields(&doc), projects_fields(&whole));
    let mut padded = original.clone();
    padded.extend_from_slice(b"\n% second_xref_offset=1001\n\0\0\0\n");
    assert!(!warned(&jixiao_cli::convert_bytes("seed.libreoffice.pdf", &padded)));
    assert!(!warned(&whole));
}
