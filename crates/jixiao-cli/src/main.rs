//! The `jixiao` command line: `convert`, `check`, `text`.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use jixiao_cli::{convert_isolated, inputs, output_path, write_atomic, Input};
use jixiao_model::Document;
use rayon::prelude::*;

/// Turns Chinese government performance-target sheets (绩效目标申报表 /
/// 填报表, as PDFs or text dumps) into typed JSON, CSV and XLSX.
#[derive(Parser)]
#[command(name = "jixiao", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Convert files and folders (recursed: *.pdf, *.txt) to one JSON per input.
    ///
    /// Every input gets its JSON, even one that cannot be read (then with an
    /// `error` diagnostic and no projects). Exit status: 0 when all inputs
    /// converted, 1 when some failed (each named on stderr), 2 on usage errors.
    Convert(ConvertArgs),
    /// Convert a corpus folder and compare with golden JSON field by field.
    ///
    /// Prints each difference as `file: path: golden ≠ actual`; exit 1 on any
    /// difference, missing or orphaned golden file. `--bless` rewrites the
    /// golden files instead.
    Check(CheckArgs),
    /// Print the rows the parser sees: line by line for text, page by page
    /// for PDF (cells separated by ` | `).
    Text(TextArgs),
}

#[derive(clap::Args)]
struct ConvertArgs {
    /// Input files or folders.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output folder: <DIR>/<input name>.json (folders mirror their
    /// sub-paths). `-o -` with one input writes the JSON to stdout. Without
    /// it, one input file is written to stdout.
    #[arg(short, long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Also write <DIR>/projects.csv and <DIR>/indicators.csv over all inputs.
    #[arg(long)]
    csv: bool,
    /// Also write <DIR>/jixiao.xlsx (sheets: projects, indicators, diagnostics).
    #[arg(long)]
    xlsx: bool,
    /// Put a UTF-8 BOM on the CSV files (for Excel).
    #[arg(long)]
    bom: bool,
    /// Files converted in parallel (default: all cores).
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
    /// Time budget per file in seconds; a file over budget is reported and
    /// the batch goes on.
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
    timeout: f64,
    /// Skip inputs whose output JSON already records the same SHA-256 (they
    /// still count in --csv/--xlsx).
    #[arg(long)]
    incremental: bool,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Folder of inputs.
    corpus: PathBuf,
    /// Folder of golden JSON files (<input name>.json).
    golden: PathBuf,
    /// Rewrite the golden files from the current output.
    #[arg(long)]
    bless: bool,
}

#[derive(clap::Args)]
struct TextArgs {
    /// The input file.
    file: PathBuf,
    /// First page to print (PDF).
    #[arg(long, value_name = "N")]
    first_page: Option<u32>,
    /// Last page to print (PDF).
    #[arg(long, value_name = "N")]
    last_page: Option<u32>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Convert(args) => convert(args),
        Command::Check(args) => check(args),
        Command::Text(args) => text(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("jixiao: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// What happened to one input of a batch.
enum Outcome {
    Converted(Document),
    /// `--incremental`: the output already records these bytes.
    Unchanged(Document),
}

impl Outcome {
    fn doc(&self) -> &Document {
        match self {
            Outcome::Converted(d) | Outcome::Unchanged(d) => d,
        }
    }
}

fn convert(args: ConvertArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let inputs = inputs(&args.inputs);
    let to_stdout = match &args.out {
        Some(dir) => dir.as_os_str() == "-",
        None => true,
    };
    if to_stdout && (inputs.len() != 1 || args.inputs.iter().any(|p| p.is_dir())) {
        bail!("{} inputs need an output folder: pass -o DIR", inputs.len());
    }
    if to_stdout && (args.csv || args.xlsx || args.incremental) {
        bail!("--csv, --xlsx and --incremental need an output folder: pass -o DIR");
    }
    if inputs.is_empty() {
        bail!(
            "no *.pdf or *.txt files in {}",
            args.inputs
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let out_dir = args.out.clone().filter(|_| !to_stdout);
    if out_dir.is_some() {
        let mut names = std::collections::BTreeMap::new();
        for input in &inputs {
            if let Some(other) = names.insert(input.name.as_str(), &input.path) {
                bail!(
                    "{} and {} would both be written to {}.json; convert them in separate runs or folders",
                    other.display(),
                    input.path.display(),
                    input.name
                );
            }
        }
    }
    let timeout = Duration::from_secs_f64(args.timeout.max(0.001));
    let progress = if std::io::stderr().is_terminal() && inputs.len() > 1 {
        let bar = ProgressBar::new(inputs.len() as u64);
        bar.set_style(
            ProgressStyle::with_template("{elapsed_precise} [{bar:40}] {pos}/{len} files, {per_sec} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let write_failures = std::sync::atomic::AtomicUsize::new(0);
    let outcomes: Vec<(Input, Outcome)> = pool.install(|| {
        inputs
            .par_iter()
            .map(|input| {
                let outcome = convert_one(input, out_dir.as_deref(), args.incremental, timeout);
                // Each output is written as soon as it is ready, atomically, so
                // an interrupted batch keeps what it finished.
                if let (Some(dir), Outcome::Converted(doc)) = (&out_dir, &outcome) {
                    let path = output_path(dir, input);
                    let written = jixiao_emit::json::to_string(doc)
                        .map_err(|e| std::io::Error::other(e.to_string()))
                        .and_then(|json| write_atomic(&path, json.as_bytes()));
                    if let Err(e) = written {
                        progress.suspend(|| {
                            eprintln!("jixiao: {}: cannot write {}: {e}", input.path.display(), path.display())
                        });
                        write_failures.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    }
                }
                progress.inc(1);
                (input.clone(), outcome)
            })
            .collect()
    });
    progress.finish_and_clear();
    let mut failed = write_failures.into_inner();
    for (input, outcome) in &outcomes {
        let doc = outcome.doc();
        for d in doc.diagnostics.iter().filter(|d| d.level == jixiao_model::Level::Error) {
            eprintln!("jixiao: {}: {}", input.path.display(), d.message);
        }
        if doc.has_error() {
            failed += 1;
        }
    }
    if to_stdout {
        let stdout = std::io::stdout();
        let mut lock = stdout.lock();
        for (_, outcome) in &outcomes {
            lock.write_all(jixiao_emit::json::to_string(outcome.doc())?.as_bytes())?;
        }
    } else if let Some(dir) = &out_dir {
        if args.csv || args.xlsx {
            let mut tables = jixiao_emit::table::Tables::new();
            for (_, outcome) in &outcomes {
                tables.add(outcome.doc());
            }
            let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
            if args.csv {
                let (projects, indicators) = jixiao_emit::csv::to_strings(&tables, args.bom)?;
                files.push((dir.join("projects.csv"), projects.into_bytes()));
                files.push((dir.join("indicators.csv"), indicators.into_bytes()));
            }
            if args.xlsx {
                files.push((dir.join("jixiao.xlsx"), jixiao_emit::xlsx::to_bytes(&tables)?));
            }
            for (path, bytes) in files {
                write_atomic(&path, &bytes).with_context(|| format!("cannot write {}", path.display()))?;
            }
        }
    }
    let unchanged = outcomes
        .iter()
        .filter(|(_, o)| matches!(o, Outcome::Unchanged(_)))
        .count();
    let docs = outcomes.iter().map(|(_, o)| o.doc());
    let forms: usize = docs.clone().map(|d| d.projects.len()).sum();
    let indicators: usize = docs.clone().map(|d| d.indicator_count()).sum();
    let pages: u64 = docs.clone().map(|d| u64::from(d.source.pages.unwrap_or(0))).sum();
    let without_form = docs.filter(|d| !d.has_error() && d.projects.is_empty()).count();
    let seconds = started.elapsed().as_secs_f64();
    let skipped = if unchanged > 0 {
        format!(" ({unchanged} unchanged, skipped)")
    } else {
        String::new()
    };
    eprintln!(
        "jixiao: {} converted, {failed} failed{skipped}; {forms} forms, {indicators} indicators, {without_form} inputs without a form, {pages} pages in {seconds:.2} s ({:.0} pages/s)",
        outcomes.len().saturating_sub(failed),
        pages as f64 / seconds.max(1e-9)
    );
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads and converts one input; with `incremental`, reuses an output that
/// already records the same SHA-256.
fn convert_one(input: &Input, out_dir: Option<&Path>, incremental: bool, timeout: Duration) -> Outcome {
    let bytes = match std::fs::read(&input.path) {
        Ok(bytes) => bytes,
        Err(e) => return Outcome::Converted(jixiao_cli::unreadable(&input.name, &input.path, &e)),
    };
    if let (true, Some(dir)) = (incremental, out_dir) {
        let sha = jixiao_cli::sha256_hex(&bytes);
        let previous = std::fs::read_to_string(output_path(dir, input))
            .ok()
            .and_then(|text| jixiao_emit::json::from_str(&text).ok())
            .filter(|doc: &Document| doc.source.sha256 == sha && doc.schema_version == jixiao_model::SCHEMA_VERSION);
        if let Some(doc) = previous {
            return Outcome::Unchanged(doc);
        }
    }
    Outcome::Converted(convert_isolated(&input.name, bytes, timeout))
}

fn check(args: CheckArgs) -> Result<ExitCode> {
    if !args.corpus.is_dir() {
        bail!("{} is not a folder", args.corpus.display());
    }
    let report = jixiao_cli::check::check(&args.corpus, &args.golden, args.bless)
        .with_context(|| format!("checking {} against {}", args.corpus.display(), args.golden.display()))?;
    if args.bless {
        eprintln!(
            "jixiao: wrote {} golden files to {}",
            report.blessed.len(),
            args.golden.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    for finding in &report.findings {
        println!("{finding}");
    }
    eprintln!(
        "jixiao: {} inputs checked, {} differences",
        report.inputs,
        report.findings.len()
    );
    Ok(if report.findings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn text(args: TextArgs) -> Result<ExitCode> {
    let bytes = std::fs::read(&args.file).with_context(|| format!("cannot read {}", args.file.display()))?;
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    let first = args.first_page.unwrap_or(1);
    let last = args.last_page.unwrap_or(u32::MAX);
    let rows = match jixiao_cli::sniff(&bytes) {
        jixiao_model::Format::Pdf => {
            let read = jixiao_cli::pdf_rows(&bytes, first, last).with_context(|| format!("{}", args.file.display()))?;
            for d in &read.diagnostics {
                eprintln!(
                    "jixiao: {}: page {}: {}",
                    args.file.display(),
                    d.page.unwrap_or(0),
                    d.message
                );
            }
            read.rows
        }
        jixiao_model::Format::Text => {
            let decoded = jixiao_layout::text::decode(&bytes).with_context(|| format!("{}", args.file.display()))?;
            jixiao_layout::text::rows(&decoded.text)
        }
    };
    let mut current_page = None;
    for row in rows {
        let loc = match row.loc {
            jixiao_model::Location::Line(l) => format!("{l}"),
            jixiao_model::Location::Page(p) => {
                if current_page != Some(p) {
                    writeln!(lock, "--- page {p} ---")?;
                    current_page = Some(p);
                }
                format!("p{p}")
            }
        };
        writeln!(lock, "{loc}\t{}", row.cells.join(" | "))?;
    }
    Ok(ExitCode::SUCCESS)
}
