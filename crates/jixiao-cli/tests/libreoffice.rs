//! The tables opened in a real spreadsheet program: LibreOffice (headless)
//! opens `projects.csv`, `indicators.csv` and `diagnostics.csv` (with the
//! BOM and formula guard of `--bom`, and without) and `jixiao.xlsx`, saves
//! them as XLSX, and every cell reads back as jixiao wrote it: no formula,
//! no text turned into a number or a date, money as numbers, hostile cells
//! (`=1+1`, `+86 21 …`, `-5%`, `@SUM(A1)`, a 40,000-character goal, control
//! characters) harmless. `.ci/run` installs libreoffice-calc-nogui; where
//! soffice is missing the test says so and passes, except under CI=true.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Data, Reader, Xlsx};
use common::{cell_text, corpus, temp_dir};

fn soffice() -> Option<&'static str> {
    if Command::new("soffice").arg("--version").output().is_ok() {
        return Some("soffice");
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "CI=true but soffice is missing: install libreoffice-calc-nogui"
    );
    eprintln!("skipped: soffice (libreoffice-calc-nogui) is not installed");
    None
}

/// LibreOffice opens `file` and saves it as XLSX in `out`. A CSV file is
/// read as UTF-8, comma-separated, `"`-quoted, the rest of the import
/// options at LibreOffice's defaults (formulas evaluated, special numbers
/// detected), as a user who picks UTF-8 in its import dialog gets.
fn through_libreoffice(soffice: &str, file: &Path, out: &Path, profile: &Path) -> PathBuf {
    let mut command = Command::new(soffice);
    command.arg(format!("-env:UserInstallation=file://{}", profile.display()));
    if file.extension().is_some_and(|e| e == "csv") {
        command.arg("--infilter=CSV:44,34,76,1");
    }
    let status = command
        .args(["--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir"])
        .arg(out)
        .arg(file)
        .output()
        .expect("soffice runs");
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
    out.join(format!("{stem}.xlsx"))
}

/// The rows of a workbook's first sheet (or `name`), and its formulas.
fn read(path: &Path, name: Option<&str>) -> (Vec<Vec<Data>>, usize) {
    let mut workbook: Xlsx<_> = calamine::open_workbook(path).unwrap();
    let sheet = name.map_or_else(|| workbook.sheet_names()[0].clone(), str::to_string);
    let range = workbook.worksheet_range(&sheet).unwrap();
    let formulas = workbook
        .worksheet_formula(&sheet)
        .map(|f| f.cells().filter(|(_, _, f)| !f.is_empty()).count())
        .unwrap_or(0);
    (range.rows().map(<[Data]>::to_vec).collect(), formulas)
}

fn hostile_input(dir: &Path) -> PathBuf {
    let seed = std::fs::read_to_string(corpus().join("000_9700642081d75d3a.txt")).unwrap();
    let text = seed
        .replacen("科技服务平台运行保障", "=1+1", 1)
        .replacen("上海市生物医药科技发展中心\n", "+86 21 1234\u{7}\n", 1)
        .replacen("≥2.00(次)", "-5%", 1)
        .replacen("≥50.00(%)", "@SUM(A1)", 1)
        .replacen(
            "1.生物医药专业技术服务平台房屋租金",
            &format!("{}1.生物医药专业技术服务平台房屋租金", "很长".repeat(20_000)),
            1,
        );
    let path = dir.join("hostile.txt");
    std::fs::write(&path, text).unwrap();
    path
}

/// A CSV cell as the spreadsheet should show it: exactly as written (a
/// guarded cell keeps its leading tab: text, not a formula or a number);
/// numbers as numbers.
fn expected(cell: &str) -> String {
    match cell.parse::<f64>() {
        Ok(n) if !cell.starts_with(['+', jixiao_emit::csv::GUARD]) => jixiao_emit::table::plain_number(n),
        _ => cell.to_string(),
    }
}

#[test]
fn libreoffice_reads_every_cell_as_written() {
    let Some(soffice) = soffice() else { return };
    let dir = temp_dir("libreoffice");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    hostile_input(&input);
    std::fs::copy(corpus().join("pdf/seed.chromium.pdf"), input.join("seed.pdf")).unwrap();
    let profile = dir.join("profile");
    for bom in [true, false] {
        let out = dir.join(format!("out-{bom}"));
        let mut args = vec![
            "convert",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--csv",
            "--xlsx",
        ];
        if bom {
            args.push("--bom");
        } else {
            args.extend(["--formula-guard", "on"]);
        }
        let result = Command::new(env!("CARGO_BIN_EXE_jixiao")).args(&args).output().unwrap();
        assert_eq!(
            result.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&result.stderr)
        );
        let opened = dir.join(format!("opened-{bom}"));
        for table in ["projects", "indicators", "diagnostics"] {
            let csv_path = out.join(format!("{table}.csv"));
            let written: Vec<Vec<String>> = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(
                    std::fs::read(&csv_path)
                        .unwrap()
                        .strip_prefix("\u{feff}".as_bytes())
                        .map_or_else(|| std::fs::read(&csv_path).unwrap(), <[u8]>::to_vec)
                        .as_slice(),
                )
                .records()
                .map(|r| r.unwrap().iter().map(str::to_string).collect())
                .collect();
            let (cells, formulas) = read(&through_libreoffice(soffice, &csv_path, &opened, &profile), None);
            assert_eq!(formulas, 0, "{table}.csv (bom {bom}): formulas");
            assert_eq!(cells.len(), written.len(), "{table}.csv rows");
            for (r, (got, want)) in cells.iter().zip(&written).enumerate() {
                for (c, want) in want.iter().enumerate() {
                    let got = got.get(c).map(cell_text).unwrap_or_default();
                    let want = expected(want);
                    // LibreOffice keeps at most 32,767 characters of a cell
                    // (the CSV holds them all).
                    if want.chars().count() > 32_767 {
                        let head = |t: &str| t.chars().take(1_000).collect::<String>();
                        assert!(
                            head(&want) == head(&got) && got.chars().count() <= 32_767,
                            "{table}.csv {r}:{c}: long text altered ({} of {} characters kept)",
                            got.chars().count(),
                            want.chars().count()
                        );
                        continue;
                    }
                    assert_eq!(got, want, "{table}.csv (bom {bom}) row {r} column {c}");
                }
            }
        }
        // The workbook jixiao wrote, opened and saved by LibreOffice.
        let reopened = through_libreoffice(soffice, &out.join("jixiao.xlsx"), &opened, &profile);
        for sheet in ["projects", "indicators", "diagnostics"] {
            let (cells, formulas) = read(&reopened, Some(sheet));
            let (ours, _) = read(&out.join("jixiao.xlsx"), Some(sheet));
            assert_eq!(formulas, 0, "jixiao.xlsx {sheet}: formulas");
            assert_eq!(cells.len(), ours.len());
            for (got, want) in cells.iter().zip(&ours) {
                let got: Vec<String> = got.iter().map(cell_text).collect();
                let want: Vec<String> = want.iter().map(cell_text).collect();
                assert_eq!(got, want, "jixiao.xlsx {sheet}");
            }
            if sheet == "projects" {
                assert!(ours
                    .iter()
                    .any(|r| r.iter().any(|c| matches!(c, Data::String(s) if s == "=1+1"))));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
