//! The `jixiao` command line: `convert`, `check`, `text`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use jixiao_cli::{convert_path, inputs, output_path, write_atomic, Input};
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

fn convert(args: ConvertArgs) -> Result<ExitCode> {
    let inputs = inputs(&args.inputs);
    let to_stdout = match &args.out {
        Some(dir) => dir.as_os_str() == "-",
        None => true,
    };
    if to_stdout && (inputs.len() != 1 || args.inputs.iter().any(|p| p.is_dir())) {
        bail!("{} inputs need an output folder: pass -o DIR", inputs.len());
    }
    if to_stdout && (args.csv || args.xlsx) {
        bail!("--csv and --xlsx write files: pass -o DIR");
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let docs: Vec<(Input, Document)> = pool.install(|| {
        inputs
            .par_iter()
            .map(|input| (input.clone(), convert_path(&input.name, &input.path)))
            .collect()
    });
    let mut failed = 0usize;
    for (input, doc) in &docs {
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
        for (_, doc) in &docs {
            lock.write_all(jixiao_emit::json::to_string(doc)?.as_bytes())?;
        }
    } else if let Some(dir) = &args.out {
        for (input, doc) in &docs {
            let path = output_path(dir, input);
            let json = jixiao_emit::json::to_string(doc)?;
            if let Err(e) = write_atomic(&path, json.as_bytes()) {
                eprintln!("jixiao: {}: cannot write {}: {e}", input.path.display(), path.display());
                failed += 1;
            }
        }
        if args.csv || args.xlsx {
            let mut tables = jixiao_emit::table::Tables::new();
            for (_, doc) in &docs {
                tables.add(doc);
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
    let forms: usize = docs.iter().map(|(_, d)| d.projects.len()).sum();
    let indicators: usize = docs.iter().map(|(_, d)| d.indicator_count()).sum();
    eprintln!(
        "jixiao: {} converted, {failed} failed; {forms} forms, {indicators} indicators",
        docs.len() - failed
    );
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
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
