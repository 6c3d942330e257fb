//! The `jixiao` command as a user runs it: exit codes, outputs for every
//! input, stdout mode, `check`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn jixiao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        // Messages in English whatever the machine's locale.
        .env("LC_ALL", "C.UTF-8")
        .output()
        .expect("jixiao runs")
}

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/000_9700642081d75d3a.txt")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jixiao-cli-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Converts one input into `out` and reads its document; the run must
/// succeed.
fn converted(input: &Path, out: &Path) -> serde_json::Value {
    let run = jixiao(&[
        "convert",
        input.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let name = input.file_name().and_then(|n| n.to_str()).expect("a file name");
    json(&out.join(format!("{name}.json")))
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        .expect("valid JSON")
}

#[test]
fn a_folder_converts_with_every_input_accounted_for() {
    let dir = temp_dir("folder");
    let input = dir.join("in");
    std::fs::create_dir_all(input.join("sub")).expect("mkdir");
    std::fs::copy(seed(), input.join("sub/seed.txt")).expect("copy");
    std::fs::write(input.join("empty.txt"), b"").expect("write");
    std::fs::write(input.join("latin1.txt"), b"caf\xe9 cr\xe8me \xe0 la fran\xe7aise").expect("write");
    std::fs::write(input.join("ignored.md"), b"# not an input").expect("write");
    let out = dir.join("out");
    let result = jixiao(&[
        "convert",
        input.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
        "--csv",
        "-j",
        "2",
    ]);
    assert_eq!(result.status.code(), Some(1), "some inputs failed");
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("empty.txt: the file is empty") && !stderr.contains("empty.txt: empty.txt"),
        "{stderr}"
    );
    assert!(
        stderr.contains("latin1.txt: the text encoding cannot be determined"),
        "{stderr}"
    );
    assert!(
        stderr.contains("1 converted, 2 failed; 9 forms, 111 indicators, 0 inputs without a form"),
        "{stderr}"
    );
    let seed_json = json(&out.join("sub/seed.txt.json"));
    assert_eq!(seed_json["source"]["file"], "sub/seed.txt");
    assert_eq!(seed_json["projects"].as_array().map(Vec::len), Some(9));
    let empty = json(&out.join("empty.txt.json"));
    assert_eq!(empty["diagnostics"][0]["level"], "error");
    assert_eq!(empty["projects"].as_array().map(Vec::len), Some(0));
    assert!(out.join("latin1.txt.json").exists());
    assert!(!out.join("ignored.md.json").exists());
    let projects = std::fs::read_to_string(out.join("projects.csv")).expect("projects.csv");
    assert_eq!(
        projects.lines().count(),
        1 + 9 + count_goal_lines(&projects),
        "header and 9 projects"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Physical lines added by multi-line (quoted) goal cells.
fn count_goal_lines(csv: &str) -> usize {
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    reader
        .records()
        .map(|r| {
            r.expect("record")
                .iter()
                .map(|f| f.matches('\n').count())
                .sum::<usize>()
        })
        .sum()
}

#[test]
fn one_input_to_stdout() {
    let seed = seed();
    let seed = seed.to_str().expect("utf-8");
    for args in [vec!["convert", seed, "-o", "-"], vec!["convert", seed]] {
        let result = jixiao(&args);
        assert_eq!(result.status.code(), Some(0));
        let doc: serde_json::Value = serde_json::from_slice(&result.stdout).expect("JSON on stdout");
        assert_eq!(doc["title"], "上海市生物医药科技发展中心2024年度项目绩效目标汇总表");
    }
}

#[test]
fn usage_errors_exit_2() {
    let seed = seed();
    let seed = seed.to_str().expect("utf-8");
    assert_eq!(
        jixiao(&["convert", seed, seed]).status.code(),
        Some(2),
        "two inputs need -o"
    );
    assert_eq!(
        jixiao(&["convert", seed, "--csv"]).status.code(),
        Some(2),
        "--csv needs -o"
    );
    assert_eq!(jixiao(&["convert", "--no-such-flag", seed]).status.code(), Some(2));
    assert_eq!(jixiao(&["convert"]).status.code(), Some(2));
}

#[test]
fn a_missing_path_is_named_and_still_gets_output() {
    let dir = temp_dir("missing");
    let missing = dir.join("gone.txt");
    let out = dir.join("out");
    let result = jixiao(&[
        "convert",
        missing.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(result.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&result.stderr).contains("gone.txt: cannot read"));
    assert_eq!(
        json(&out.join("gone.txt.json"))["diagnostics"][0]["code"],
        "unreadable-file"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn check_names_each_difference_and_orphan() {
    let dir = temp_dir("check");
    let corpus = dir.join("corpus");
    let golden = dir.join("golden");
    std::fs::create_dir_all(&corpus).expect("mkdir");
    std::fs::copy(seed(), corpus.join("seed.txt")).expect("copy");
    let (c, g) = (corpus.to_str().expect("utf-8"), golden.to_str().expect("utf-8"));
    assert_eq!(jixiao(&["check", c, g]).status.code(), Some(1), "missing golden file");
    assert_eq!(jixiao(&["check", c, g, "--bless"]).status.code(), Some(0));
    assert_eq!(jixiao(&["check", c, g]).status.code(), Some(0));
    let path = golden.join("seed.txt.json");
    let text = std::fs::read_to_string(&path).expect("golden written");
    std::fs::write(&path, text.replacen("\"value\": 13.0", "\"value\": 14.0", 1)).expect("write");
    std::fs::write(golden.join("orphan.txt.json"), "{}").expect("write");
    let result = jixiao(&["check", c, g]);
    assert_eq!(result.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&result.stdout);
    assert_eq!(
        stdout.lines().collect::<Vec<_>>(),
        vec![
            "seed.txt.json: projects[2].indicators[1].target.value: 14 ≠ 13",
            "orphan.txt.json: golden file without an input in the corpus",
        ]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Bad inputs of every kind: each is named with a clear message, gets its
/// JSON with an `error` diagnostic, and the batch goes on.
#[test]
fn bad_inputs_are_explained_and_the_batch_goes_on() {
    let dir = temp_dir("bad");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).expect("mkdir");
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora/robustness");
    let seed_pdf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/pdf/seed.ucs2-landscape.pdf");
    let pdf = std::fs::read(&seed_pdf).expect("corpus PDF");
    std::fs::write(input.join("empty.pdf"), b"").expect("write");
    // Cut before its first page (cut later, the pages it holds are read).
    std::fs::write(input.join("truncated.pdf"), &pdf[..pdf.len() / 10]).expect("write");
    std::fs::write(input.join("not-a-pdf.pdf"), b"<html>this is a web page</html>").expect("write");
    // Two real files of the shared corpus, when it is beside the clone.
    let has_shared = shared.is_dir();
    assert!(
        has_shared || std::env::var("CI").as_deref() != Ok("true"),
        "CI=true but {} is missing",
        shared.display()
    );
    if has_shared {
        std::fs::copy(
            shared.join("pdfminer.six__samples__encryption__aes-256-r6.pdf"),
            input.join("encrypted.pdf"),
        )
        .expect("copy");
        // Its encryption dictionary written inline in the trailer.
        std::fs::copy(
            shared.join("pdfminer.six__samples__encryption__rc4-40.pdf"),
            input.join("encrypted-inline.pdf"),
        )
        .expect("copy");
        std::fs::copy(
            shared.join("pdfbox__tools__src__test__resources__input__ImageIOUtil__JPXTestRGB.pdf"),
            input.join("scanned.pdf"),
        )
        .expect("copy");
        // No text, and content that could not be read: no sign of a scan.
        std::fs::copy(
            shared.join("qpdf__qpdf__qtest__qpdf__unfilterable.pdf"),
            input.join("unreadable-content.pdf"),
        )
        .expect("copy");
    }
    std::fs::write(input.join("good.pdf"), &pdf).expect("write");
    let out = dir.join("out");
    let result = jixiao(&[
        "convert",
        input.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    for (file, code, words) in [
        ("empty.pdf", "unreadable-pdf", "the file is empty"),
        ("truncated.pdf", "unreadable-pdf", "the file is cut short"),
        ("not-a-pdf.pdf", "unreadable-pdf", "not a PDF file"),
        ("encrypted.pdf", "unreadable-pdf", "encrypted with a user password"),
        (
            "encrypted-inline.pdf",
            "unreadable-pdf",
            "encrypted with a user password",
        ),
        ("scanned.pdf", "no-text-layer", "looks scanned"),
        ("unreadable-content.pdf", "no-text-layer", "damaged rather than scanned"),
    ] {
        if !has_shared
            && matches!(
                file,
                "encrypted.pdf" | "encrypted-inline.pdf" | "scanned.pdf" | "unreadable-content.pdf"
            )
        {
            continue;
        }
        let doc = json(&out.join(format!("{file}.json")));
        let d = &doc["diagnostics"][0];
        assert_eq!(
            (d["level"].as_str(), d["code"].as_str()),
            (Some("error"), Some(code)),
            "{file}: {d}"
        );
        assert!(d["message"].as_str().is_some_and(|m| m.contains(words)), "{file}: {d}");
        assert_eq!(doc["source"]["file"], file);
        // Named once on stderr, with the message.
        let line = stderr.lines().find(|l| l.contains(file)).unwrap_or_default();
        assert!(
            line.contains(words) && line.matches(file).count() == 1,
            "{file}: {line}"
        );
    }
    assert_eq!(
        json(&out.join("good.pdf.json"))["projects"].as_array().map(Vec::len),
        Some(9)
    );
    let failed = if has_shared {
        "1 converted, 7 failed"
    } else {
        "1 converted, 3 failed"
    };
    assert!(stderr.contains(failed), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn incremental_runs_skip_unchanged_inputs() {
    let dir = temp_dir("incremental");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).expect("mkdir");
    std::fs::copy(seed(), input.join("a.txt")).expect("copy");
    std::fs::copy(seed(), input.join("b.txt")).expect("copy");
    let out = dir.join("out");
    let args = [
        "convert",
        input.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
        "--incremental",
        "--csv",
    ];
    let first = jixiao(&args);
    assert!(!String::from_utf8_lossy(&first.stderr).contains("unchanged"));
    let text = std::fs::read_to_string(seed()).expect("seed");
    std::fs::write(
        input.join("b.txt"),
        text.replace("科技服务平台运行保障", "科技服务平台运行保障二期"),
    )
    .expect("write");
    let second = jixiao(&args);
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert!(stderr.contains("(1 unchanged, skipped)"), "{stderr}");
    assert_eq!(
        json(&out.join("b.txt.json"))["projects"][0]["name"],
        "科技服务平台运行保障二期"
    );
    let projects = std::fs::read_to_string(out.join("projects.csv")).expect("csv");
    assert!(
        projects.contains("a.txt,0,") && projects.contains("b.txt,0,"),
        "skipped inputs still count in the CSV"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_file_over_its_time_budget_is_reported_and_the_batch_goes_on() {
    let dir = temp_dir("timeout");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).expect("mkdir");
    std::fs::copy(seed(), input.join("seed.txt")).expect("copy");
    let out = dir.join("out");
    let result = jixiao(&[
        "convert",
        input.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
        "--timeout",
        "0.000001",
    ]);
    assert_eq!(result.status.code(), Some(1));
    assert_eq!(json(&out.join("seed.txt.json"))["diagnostics"][0]["code"], "timeout");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_document_without_a_form_has_no_title_and_is_counted() {
    let dir = temp_dir("no-form");
    let input = dir.join("budget.txt");
    std::fs::write(
        &input,
        "上海市某区某单位2026年部门预算\n一、部门职责\n详见单位的项目绩效目标表\n二、收支预算总表\n",
    )
    .expect("write");
    let out = dir.join("out");
    let result = jixiao(&[
        "convert",
        input.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(result.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("0 forms, 0 indicators, 1 inputs without a form"),
        "{stderr}"
    );
    let doc = json(&out.join("budget.txt.json"));
    assert_eq!(doc["title"], serde_json::Value::Null);
    assert_eq!(doc["projects"], serde_json::json!([]));
}

/// Shards of one batch, merged by `jixiao tables`, give the tables one run
/// over everything gives.
#[test]
fn shards_and_tables_equal_one_run() {
    let dir = temp_dir("shards");
    // The corpus PDFs (sharding does not depend on the kind of input; the
    // whole corpus, dumps too, took minutes of CI here).
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/pdf");
    let c = corpus.to_str().expect("utf-8");
    let whole = dir.join("whole");
    let w = whole.to_str().expect("utf-8");
    assert_eq!(
        jixiao(&["convert", c, "-o", w, "--csv", "--bom"]).status.code(),
        Some(0)
    );
    let mut shard_dirs = Vec::new();
    let mut converted = 0;
    for k in 1..=3 {
        let out = dir.join(format!("shard{k}"));
        let result = jixiao(&["convert", c, "-o", out.to_str().unwrap(), "--shard", &format!("{k}/3")]);
        assert_eq!(result.status.code(), Some(0));
        let stderr = String::from_utf8_lossy(&result.stderr);
        let n: usize = stderr
            .split("jixiao: ")
            .nth(1)
            .and_then(|t| t.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap();
        converted += n;
        shard_dirs.push(out);
    }
    let whole_count = std::fs::read_to_string(whole.join("projects.csv")).unwrap();
    assert!(converted > 40, "{converted}");
    let merged = dir.join("merged");
    let mut args = vec!["tables".to_string()];
    args.extend(shard_dirs.iter().map(|d| d.to_string_lossy().into_owned()));
    args.extend([
        "-o".into(),
        merged.to_string_lossy().into_owned(),
        "--csv".into(),
        "--bom".into(),
    ]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    assert_eq!(jixiao(&args).status.code(), Some(0));
    for table in ["projects.csv", "indicators.csv", "diagnostics.csv"] {
        assert_eq!(
            std::fs::read(merged.join(table)).unwrap(),
            std::fs::read(whole.join(table)).unwrap(),
            "{table}"
        );
    }
    assert!(!whole_count.is_empty());
    assert_eq!(
        jixiao(&["convert", c, "-o", w, "--shard", "4/3"]).status.code(),
        Some(2)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Header cells without a schema field are kept in `extra` and become
/// columns of projects.csv after the fixed ones (empty for forms without).
#[test]
fn extra_header_fields_are_kept_and_become_columns() {
    let dir = temp_dir("extra");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).expect("mkdir");
    let text = std::fs::read_to_string(seed()).expect("seed").replacen(
        "主管部门 上海市科学技术委员会 实施单位 上海市生物医药科技发展中心",
        "主管部门 上海市科学技术委员会 实施单位 上海市生物医药科技发展中心\n\n项目编码 31000024T000001 项目负责人 张三",
        1,
    );
    std::fs::write(input.join("a-extra.txt"), text).expect("write");
    std::fs::copy(seed(), input.join("b-plain.txt")).expect("copy");
    let out = dir.join("out");
    let result = jixiao(&["convert", input.to_str().unwrap(), "-o", out.to_str().unwrap(), "--csv"]);
    assert_eq!(result.status.code(), Some(0));
    let doc = json(&out.join("a-extra.txt.json"));
    assert_eq!(
        doc["projects"][0]["extra"],
        serde_json::json!({"项目编码": "31000024T000001", "项目负责人": "张三"})
    );
    assert_eq!(doc["projects"][1]["extra"], serde_json::json!({}));
    let mut reader = csv::Reader::from_path(out.join("projects.csv")).expect("csv");
    let header: Vec<String> = reader.headers().expect("header").iter().map(str::to_string).collect();
    assert_eq!(
        &header[header.len() - 4..],
        ["first_page", "last_page", "项目编码", "项目负责人"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(&rows[0][header.len() - 2], "31000024T000001");
    assert_eq!(&rows[0][header.len() - 1], "张三");
    assert_eq!(
        rows.last().map(|r| r.len()),
        Some(header.len()),
        "short rows are padded"
    );
    assert_eq!(&rows.last().unwrap()[header.len() - 1], "");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--headers zh`: Chinese column titles in CSV and XLSX, same rows.
#[test]
fn chinese_column_titles() {
    let dir = temp_dir("zh");
    let out = dir.join("out");
    let s = seed();
    let result = jixiao(&[
        "convert",
        s.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--csv",
        "--xlsx",
        "--headers",
        "zh",
    ]);
    assert_eq!(result.status.code(), Some(0));
    let indicators = std::fs::read_to_string(out.join("indicators.csv")).expect("csv");
    assert!(
        indicators.starts_with("文件,表序号,所属项目名称,一级指标,二级指标,三级指标,指标值,比较符,指标数值,计量单位,年度,主管部门,实施单位,页码"),
        "{}",
        indicators.lines().next().unwrap_or_default()
    );
    use calamine::{Reader, Xlsx};
    let mut workbook: Xlsx<_> = calamine::open_workbook(out.join("jixiao.xlsx")).expect("xlsx");
    let projects = workbook.worksheet_range("projects").expect("sheet");
    let header: Vec<String> = projects
        .rows()
        .next()
        .expect("header")
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(&header[..5], ["文件", "表序号", "表名", "年度", "项目名称"]);
    assert_eq!(projects.rows().count(), 10);
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--lang zh` (or a Chinese locale): the summary and per-file errors in
/// Chinese; the JSON keeps its English code and message.
#[test]
fn messages_in_chinese() {
    let dir = temp_dir("lang");
    std::fs::write(dir.join("empty.txt"), b"").expect("write");
    let out = dir.join("out");
    let s = seed();
    let e = dir.join("empty.txt");
    let result = jixiao(&[
        "convert",
        s.to_str().unwrap(),
        e.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--lang",
        "zh",
    ]);
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("empty.txt: 无法读取该文本（the file is empty）"),
        "{stderr}"
    );
    assert!(
        stderr.contains("转换 1 个文件，失败 1 个；9 张表，111 条指标"),
        "{stderr}"
    );
    assert_eq!(
        json(&out.join("empty.txt.json"))["diagnostics"][0]["message"],
        "the file is empty"
    );
    let by_locale = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(["convert", s.to_str().unwrap(), "-o", out.to_str().unwrap()])
        .env("LC_ALL", "zh_CN.UTF-8")
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&by_locale.stderr).contains("转换 1 个文件"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// docs/cli.md carries every command's `--help` verbatim, so the reference
/// cannot drift from the binary (regenerate it from `jixiao <command> --help`).
#[test]
fn cli_reference_holds_every_help_text() {
    let reference =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/cli.md")).expect("docs/cli.md");
    for command in ["convert", "review", "tables", "check", "text"] {
        let out = jixiao(&[command, "--help"]);
        assert!(out.status.success());
        let help = String::from_utf8(out.stdout).expect("UTF-8 help");
        assert!(
            reference.contains(help.trim_end()),
            "docs/cli.md lacks the current `jixiao {command} --help`"
        );
    }
}

/// Array-job tasks share one output folder and run at the same time: each
/// shard locks only its part, all succeed, and `tables` over the folder
/// equals one run over everything.
#[test]
fn concurrent_shards_share_one_output_folder() {
    let dir = temp_dir("shards-together");
    // The corpus PDFs, as in `shards_and_tables_equal_one_run`.
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/pdf");
    let c = corpus.to_str().expect("utf-8");
    let whole = dir.join("whole");
    assert_eq!(
        jixiao(&["convert", c, "-o", whole.to_str().expect("utf-8"), "--csv"])
            .status
            .code(),
        Some(0)
    );
    let shared = dir.join("shared");
    let tasks: Vec<_> = (1..=3)
        .map(|k| {
            Command::new(env!("CARGO_BIN_EXE_jixiao"))
                .args(["convert", c, "-o", shared.to_str().expect("utf-8"), "-j", "1"])
                .args(["--shard", &format!("{k}/3")])
                .env("LC_ALL", "C.UTF-8")
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("jixiao starts")
        })
        .collect();
    for task in tasks {
        let task = task.wait_with_output().expect("jixiao runs");
        assert_eq!(task.status.code(), Some(0), "{}", String::from_utf8_lossy(&task.stderr));
    }
    let leftover: Vec<_> = std::fs::read_dir(&shared)
        .expect("output folder")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".lock"))
        .collect();
    assert!(leftover.is_empty(), "locks left behind: {leftover:?}");
    let merged = dir.join("merged");
    let result = jixiao(&[
        "tables",
        shared.to_str().expect("utf-8"),
        "-o",
        merged.to_str().expect("utf-8"),
        "--csv",
    ]);
    assert_eq!(result.status.code(), Some(0));
    for table in ["projects.csv", "indicators.csv", "diagnostics.csv"] {
        assert_eq!(
            std::fs::read(merged.join(table)).expect("merged table"),
            std::fs::read(whole.join(table)).expect("whole table"),
            "{table}"
        );
    }
}

/// A dump whose download was cut inside a character: read up to it, with
/// a `truncated-text` warning, not refused as of no known encoding.
#[test]
fn a_dump_cut_inside_a_character_is_read_and_reported() {
    let dir = temp_dir("cut-char");
    let seed = std::fs::read(seed()).expect("seed");
    // Cut inside the first ideograph of the last third: a UTF-8 lead byte
    // and one continuation byte of a three-byte character.
    let lead = (seed.len() * 2 / 3..seed.len())
        .find(|&i| seed.get(i).is_some_and(|&b| b >= 0xe0))
        .expect("an ideograph");
    let input = dir.join("cut.txt");
    std::fs::write(&input, seed.get(..lead + 2).expect("in range")).expect("write");
    let doc = converted(&input, &dir.join("out"));
    let codes: Vec<&str> = doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(codes.contains(&"truncated-text"), "{codes:?}");
    assert!(doc["projects"].as_array().is_some_and(|p| p.len() >= 5), "{doc}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A budget whose forms stand among its other parts: the seed's forms,
/// then the budget's next table and its part of 名词解释 (as a budget
/// prints them after its 项目绩效目标表). The forms read as the seed's
/// alone; nothing after them becomes an indicator, and it is reported as
/// holding no form.
#[test]
fn a_budgets_parts_after_its_forms_are_no_indicators() {
    let dir = temp_dir("budget-after-forms");
    let seed = std::fs::read_to_string(seed()).expect("seed");
    let after = "\u{c}2025年部门政府采购预算表\n编制部门：上海市普陀区示例街道办事处 单位：元\n\
                 项目 采购品目 预算金额\n合计 1,204,500\n服务类 物业管理服务 804,500\n\
                 \u{c}第四部分 名词解释\n1.财政拨款收入：指区级财政当年拨付的资金。\n";
    let input = dir.join("budget.txt");
    std::fs::write(&input, format!("{seed}{after}")).expect("write");
    let doc = converted(&input, &dir.join("out"));
    let golden = json(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../golden/000_9700642081d75d3a.txt.json"));
    let fields = |doc: &serde_json::Value| -> Vec<serde_json::Value> {
        doc["projects"]
            .as_array()
            .expect("projects")
            .iter()
            .map(|p| serde_json::json!([p["name"], p["funds"], p["indicators"].as_array().map(Vec::len)]))
            .collect()
    };
    assert_eq!(fields(&doc), fields(&golden));
    let no_form = doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .any(|d| d["code"] == "no-form" && d["message"].as_str().is_some_and(|m| m.contains("hold no form")));
    assert!(no_form, "{}", doc["diagnostics"]);
    let _ = std::fs::remove_dir_all(&dir);
}
