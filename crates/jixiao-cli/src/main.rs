//! The `jixiao` command line: `convert`, `check`, `text`.

// The flag docs are clap's --help text, with `<DIR>` placeholders as
// users read them, not HTML.
#![allow(rustdoc::invalid_html_tags)]

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use jixiao_cli::{inputs, output_path, write_atomic, Input};
use jixiao_model::{Code, Document};

mod pool;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    /// Build the spreadsheet tables from JSON files that earlier runs (or
    /// the shards of one batch, `convert --shard K/N`) wrote: the same
    /// tables one `convert --csv --xlsx` over all inputs writes.
    Tables(TablesArgs),
    /// Convert and write a review site: <DIR>/review/index.html and one page
    /// per input showing each PDF page drawn with every extracted value
    /// linked to where it was read (the same as `convert --review`; the
    /// JSON files are written too).
    Review(ConvertArgs),
    /// Internal: a worker process of `convert`.
    #[command(name = "__worker", hide = true)]
    Worker {
        /// Address space limit in bytes.
        max_memory: u64,
        /// Input size limit in bytes.
        max_input_size: u64,
    },
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
    #[command(flatten)]
    tables: TableOptions,
    /// Also write a review site: <DIR>/review/index.html and one HTML page
    /// per input (each form page drawn, every value linked to its source;
    /// self-contained, opens from the file system).
    #[arg(long)]
    review: bool,
    /// Language of the console summary and per-file errors: `en` or `zh`
    /// (default: from LANG / LC_ALL). Diagnostics in the outputs keep their
    /// English code and message.
    #[arg(long, value_name = "en|zh", value_parser = parse_lang)]
    lang: Option<Lang>,
    /// Convert only the K-th of N parts of the sorted inputs (1-based), for
    /// array jobs (Slurm, Kubernetes Indexed Jobs, GNU parallel); merge
    /// their outputs with `jixiao tables`.
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    shard: Option<(usize, usize)>,
    /// Files converted in parallel, each in a worker process (default: all
    /// cores; at most four per core).
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
    /// Time budget per file in seconds (a positive number), or `none`; a
    /// file over budget has its worker stopped, gets a `timeout` error and
    /// the batch goes on.
    #[arg(long, value_name = "SECONDS|none", default_value = "30", value_parser = parse_timeout)]
    timeout: Timeout,
    /// Memory one worker may use (address space, enforced by the OS), e.g.
    /// `2G`, `512M`; a file that needs more gets an `out-of-memory` error.
    /// Default: the machine's memory shared among the jobs, at most 4G.
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    max_memory: Option<u64>,
    /// Largest input file read (e.g. `256M`, the default); a larger file
    /// gets an `unreadable-file` error without being read.
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "256M")]
    max_input_size: u64,
    /// Skip inputs whose output JSON already records the same SHA-256 (they
    /// still count in --csv/--xlsx).
    #[arg(long)]
    incremental: bool,
}

#[derive(clap::Args)]
struct TablesArgs {
    /// Folders of JSON outputs (recursed: *.json).
    #[arg(required = true)]
    json_dirs: Vec<PathBuf>,
    /// Output folder for the tables.
    #[arg(short, long, value_name = "DIR")]
    out: PathBuf,
    #[command(flatten)]
    tables: TableOptions,
}

/// How the tables are written (shared by `convert` and `tables`).
#[derive(clap::Args, Clone)]
struct TableOptions {
    /// Also write <DIR>/projects.csv, indicators.csv and diagnostics.csv over
    /// all inputs.
    #[arg(long)]
    csv: bool,
    /// Also write <DIR>/jixiao.xlsx (sheets: projects, indicators, diagnostics).
    #[arg(long)]
    xlsx: bool,
    /// Write the CSV files for spreadsheets (Excel, WPS, LibreOffice): a
    /// UTF-8 BOM first, and the formula guard on (see --formula-guard).
    #[arg(long)]
    bom: bool,
    /// Text cells that start with = + - @ (or tab, CR) get one leading tab
    /// so that no spreadsheet reads them as a formula or a number
    /// (`=100.00(%)` would show #VALUE!, `-5%` would become -0.05).
    /// Default: on with --bom, off without; strip one leading tab to get
    /// the exact text back. The JSON and the XLSX always hold it exactly.
    #[arg(long, value_name = "on|off", value_parser = parse_switch)]
    formula_guard: Option<bool>,
    /// Column titles of the CSV and XLSX tables: `en` (the stable names of
    /// SCHEMA, for scripts) or `zh` (项目名称, 一级指标, 年度资金申请总额 …, for
    /// people).
    #[arg(long, value_name = "en|zh", default_value = "en", value_parser = ["en", "zh"])]
    headers: String,
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

fn parse_shard(text: &str) -> std::result::Result<(usize, usize), String> {
    let parsed = text
        .split_once('/')
        .and_then(|(k, n)| Some((k.trim().parse::<usize>().ok()?, n.trim().parse::<usize>().ok()?)));
    match parsed {
        Some((k, n)) if n >= 1 && (1..=n).contains(&k) => Ok((k, n)),
        _ => Err(format!("`{text}` is not a shard: give K/N with 1 ≤ K ≤ N (e.g. 3/8)")),
    }
}

/// The language of console messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    En,
    Zh,
}

impl Lang {
    /// `zh` when LC_ALL, LC_MESSAGES or LANG name a Chinese locale.
    fn from_locale() -> Lang {
        let chinese = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .is_some_and(|v| v.starts_with("zh"));
        if chinese {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

fn parse_lang(text: &str) -> std::result::Result<Lang, String> {
    match text {
        "en" => Ok(Lang::En),
        "zh" => Ok(Lang::Zh),
        _ => Err(format!("`{text}`: give en or zh")),
    }
}

/// What an error code means, in Chinese, for the console.
fn zh_error(code: Code) -> &'static str {
    match code {
        Code::UnreadableFile => "无法读取文件",
        Code::UnreadablePdf => "无法读取该 PDF",
        Code::UnreadableText => "无法读取该文本",
        Code::NoTextLayer => "PDF 没有文字层（像是扫描件，请先做 OCR）",
        Code::PdfPage => "某页无法读取",
        Code::Timeout => "转换超时",
        Code::OutOfMemory => "内存不足",
        Code::Crashed => "转换进程意外退出",
        Code::InternalError => "内部错误，请报告此文件",
        _ => "错误",
    }
}

fn parse_switch(text: &str) -> std::result::Result<bool, String> {
    match text {
        "on" => Ok(true),
        "off" => Ok(false),
        _ => Err(format!("`{text}`: give on or off")),
    }
}

/// `--timeout`: seconds, or none.
#[derive(Debug, Clone, Copy)]
struct Timeout(Option<Duration>);

fn parse_timeout(text: &str) -> std::result::Result<Timeout, String> {
    if text.eq_ignore_ascii_case("none") {
        return Ok(Timeout(None));
    }
    match text.parse::<f64>() {
        Ok(s) if s.is_finite() && s > 0.0 && s <= MAX_TIMEOUT_SECONDS => Ok(Timeout(Some(Duration::from_secs_f64(s)))),
        _ => Err(format!(
            "`{text}` is not a time budget: give seconds (a number above 0, at most {MAX_TIMEOUT_SECONDS}) or `none`"
        )),
    }
}

/// Longest `--timeout` in seconds (a week); longer is `none`.
const MAX_TIMEOUT_SECONDS: f64 = 7.0 * 24.0 * 3600.0;

/// `2G`, `512M`, `64K` or bytes.
fn parse_size(text: &str) -> std::result::Result<u64, String> {
    let upper = text.trim().to_ascii_uppercase();
    let upper = upper
        .strip_suffix("IB")
        .or_else(|| upper.strip_suffix('B'))
        .unwrap_or(&upper);
    let (number, scale) = match upper.chars().last() {
        Some('K') => (&upper[..upper.len() - 1], 1u64 << 10),
        Some('M') => (&upper[..upper.len() - 1], 1 << 20),
        Some('G') => (&upper[..upper.len() - 1], 1 << 30),
        Some('T') => (&upper[..upper.len() - 1], 1 << 40),
        _ => (upper, 1),
    };
    match number.trim().parse::<f64>() {
        Ok(n) if n.is_finite() && n > 0.0 && n * (scale as f64) < u64::MAX as f64 => Ok((n * scale as f64) as u64),
        _ => Err(format!(
            "`{text}` is not a size: give bytes or a number with K, M, G (e.g. 2G)"
        )),
    }
}

/// Most jobs per core: past this, more processes only cost memory.
const MAX_JOBS_PER_CORE: usize = 4;
/// Most memory a worker gets by default.
const DEFAULT_MAX_WORKER_MEMORY: u64 = 4 << 30;
/// A worker's share when the machine's memory cannot be read.
const FALLBACK_WORKER_MEMORY: u64 = 2 << 30;

/// The machine's memory (MemTotal of /proc/meminfo), if it can be read.
fn machine_memory() -> Option<u64> {
    let info = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = info.lines().find(|l| l.starts_with("MemTotal:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Convert(args) => convert(args),
        Command::Review(mut args) => {
            args.review = true;
            if args.out.as_ref().is_none_or(|o| o.as_os_str() == "-") {
                Err(anyhow::anyhow!("review needs an output folder: pass -o DIR"))
            } else {
                convert(args)
            }
        }
        Command::Check(args) => check(args),
        Command::Text(args) => text(args),
        Command::Tables(args) => tables_command(args),
        Command::Worker {
            max_memory,
            max_input_size,
        } => {
            return pool::worker_main(pool::Limits {
                max_memory,
                max_input_size,
            })
        }
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
    Converted(pool::Answer),
    /// `--incremental`: the output already records these bytes.
    Unchanged(Document),
}

/// What the run keeps of a converted input once its JSON is written: the
/// counts of the summary and its errors, not the document (a batch's
/// memory stays flat; tables and review pages read the JSON files again).
struct Done {
    unchanged: bool,
    summary: pool::Summary,
    /// The document's JSON, only when it goes to stdout.
    json: Option<String>,
}

impl Done {
    fn of(outcome: Outcome, keep: bool) -> Done {
        let (summary, json, unchanged) = match outcome {
            Outcome::Converted(answer) => (answer.summary, Some(answer.json), false),
            Outcome::Unchanged(doc) => (pool::Summary::of(&doc), None, true),
        };
        Done {
            unchanged,
            summary,
            json: json.filter(|_| keep),
        }
    }
}

fn convert(args: ConvertArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let lang = args.lang.unwrap_or_else(Lang::from_locale);
    let to_stdout = match &args.out {
        Some(dir) => dir.as_os_str() == "-",
        None => true,
    };
    let inputs = select_inputs(&args, to_stdout)?;
    let out_dir = args.out.clone().filter(|_| !to_stdout);
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let mut jobs = args.jobs.unwrap_or(cores).max(1);
    if jobs > cores * MAX_JOBS_PER_CORE {
        eprintln!(
            "jixiao: -j {jobs} is more than {MAX_JOBS_PER_CORE} per core on {cores} cores; using {}",
            cores * MAX_JOBS_PER_CORE
        );
        jobs = cores * MAX_JOBS_PER_CORE;
    }
    let jobs = jobs.min(inputs.len()).max(1);
    let limits = pool::Limits {
        max_memory: args.max_memory.unwrap_or_else(|| {
            machine_memory()
                .map_or(FALLBACK_WORKER_MEMORY, |m| m / jobs as u64)
                .min(DEFAULT_MAX_WORKER_MEMORY)
        }),
        max_input_size: args.max_input_size,
    };
    let timeout = args.timeout.0;
    let _lock = match &out_dir {
        Some(dir) => {
            check_writable(dir)?;
            // Shards of one batch write disjoint files into one folder at
            // once: each locks its own part.
            let name = match args.shard {
                Some((k, n)) => format!(".jixiao.shard-{k}-of-{n}.lock"),
                None => ".jixiao.lock".to_string(),
            };
            Some(OutputLock::take(dir, &name)?)
        }
        None => None,
    };
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
    let batch = Batch {
        inputs: &inputs,
        out_dir: out_dir.as_deref(),
        incremental: args.incremental,
        keep_documents: to_stdout,
        limits,
        timeout,
        jobs,
        progress: &progress,
    };
    let (outcomes, write_failures) = batch.run()?;
    progress.finish_and_clear();
    let mut failed = write_failures;
    let mut table_failures = 0usize;
    for (input, done) in &outcomes {
        for (code, message) in &done.summary.errors {
            match lang {
                Lang::Zh => eprintln!("jixiao: {}: {}（{}）", input.path.display(), zh_error(*code), message),
                Lang::En => eprintln!("jixiao: {}: {}", input.path.display(), message),
            }
        }
        if !done.summary.errors.is_empty() {
            failed += 1;
        }
    }
    if to_stdout {
        let stdout = std::io::stdout();
        let mut lock = stdout.lock();
        for (_, done) in &outcomes {
            if let Some(json) = &done.json {
                lock.write_all(json.as_bytes())?;
            }
        }
    } else if let Some(dir) = &out_dir {
        let json_files: Vec<PathBuf> = outcomes.iter().map(|(input, _)| output_path(dir, input)).collect();
        if args.tables.csv || args.tables.xlsx {
            table_failures += write_tables(&json_files, dir, args.tables.clone());
        }
        if args.review {
            table_failures += write_review(dir, &outcomes, args.max_input_size);
        }
    }
    print_summary(lang, &outcomes, failed, started.elapsed().as_secs_f64());
    Ok(if failed > 0 || table_failures > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The worker-process part of a `convert` run: every input converted by
/// a pool of workers, each output written as soon as it is ready.
struct Batch<'a> {
    inputs: &'a [Input],
    out_dir: Option<&'a Path>,
    incremental: bool,
    /// Keep whole documents (for stdout); else only their summary.
    keep_documents: bool,
    limits: pool::Limits,
    timeout: Option<Duration>,
    jobs: usize,
    progress: &'a ProgressBar,
}

impl Batch<'_> {
    /// Each input with what the run keeps of it, in input order, and how
    /// many outputs could not be written.
    fn run(&self) -> Result<(Vec<(Input, Done)>, usize)> {
        let exe = std::env::current_exe().context("cannot find the jixiao program to start workers")?;
        let write_failures = std::sync::atomic::AtomicUsize::new(0);
        let next = std::sync::atomic::AtomicUsize::new(0);
        let slots: Vec<std::sync::Mutex<Option<Done>>> =
            self.inputs.iter().map(|_| std::sync::Mutex::new(None)).collect();
        std::thread::scope(|scope| -> Result<()> {
            let mut handles = Vec::new();
            for _ in 0..self.jobs {
                let (incremental, limits, timeout, keep) =
                    (self.incremental, self.limits, self.timeout, self.keep_documents);
                let mut worker = pool::Worker::spawn(&exe, self.limits).context("cannot start a worker process")?;
                let (inputs, slots, next, progress, write_failures, out_dir) = (
                    self.inputs,
                    &slots,
                    &next,
                    self.progress,
                    &write_failures,
                    &self.out_dir,
                );
                handles.push(scope.spawn(move || loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(input) = inputs.get(i) else { break };
                    let outcome = convert_one(input, *out_dir, incremental, &limits, |input| {
                        worker.convert(input, timeout)
                    });
                    // Each output is written as soon as it is ready, atomically, so
                    // an interrupted batch keeps what it finished.
                    if let (Some(dir), Outcome::Converted(answer)) = (out_dir, &outcome) {
                        let path = output_path(dir, input);
                        if let Err(e) = write_atomic(&path, answer.json.as_bytes()) {
                            progress.suspend(|| {
                                eprintln!("jixiao: {}: cannot write {}: {e}", input.path.display(), path.display())
                            });
                            write_failures.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        }
                    }
                    progress.inc(1);
                    if let Some(slot) = slots.get(i) {
                        if let Ok(mut slot) = slot.lock() {
                            *slot = Some(Done::of(outcome, keep));
                        }
                    }
                }));
            }
            for handle in handles {
                let _ = handle.join();
            }
            Ok(())
        })?;
        let outcomes: Vec<(Input, Done)> = self
            .inputs
            .iter()
            .cloned()
            .zip(slots)
            .map(|(input, slot)| {
                let done = slot.into_inner().ok().flatten().unwrap_or_else(|| {
                    Done::of(
                        Outcome::Converted(pool::Answer::of(&jixiao_cli::failed(
                            jixiao_cli::source_of_unread(&input.name),
                            Code::InternalError,
                            "no worker converted the file".to_string(),
                        ))),
                        self.keep_documents,
                    )
                });
                (input, done)
            })
            .collect();
        Ok((outcomes, write_failures.into_inner()))
    }
}

/// The inputs of a `convert` run (its shard), checked before any work:
/// stdout takes one file, no two inputs write one output.
fn select_inputs(args: &ConvertArgs, to_stdout: bool) -> Result<Vec<Input>> {
    let mut inputs = inputs(&args.inputs);
    if let Some((k, n)) = args.shard {
        // Input i goes to shard i mod N: deterministic, and even in size.
        inputs = inputs
            .into_iter()
            .enumerate()
            .filter(|(i, _)| i % n == k - 1)
            .map(|(_, input)| input)
            .collect();
    }
    if to_stdout && (inputs.len() != 1 || args.inputs.iter().any(|p| p.is_dir())) {
        bail!("{} inputs need an output folder: pass -o DIR", inputs.len());
    }
    if to_stdout && (args.tables.csv || args.tables.xlsx || args.incremental || args.review) {
        bail!("--csv, --xlsx, --review and --incremental need an output folder: pass -o DIR");
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
    if !to_stdout {
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
    Ok(inputs)
}

/// The console summary of a run: inputs converted and failed, forms,
/// indicators, pages and speed.
fn print_summary(lang: Lang, outcomes: &[(Input, Done)], failed: usize, seconds: f64) {
    let unchanged = outcomes.iter().filter(|(_, d)| d.unchanged).count();
    let forms: usize = outcomes.iter().map(|(_, d)| d.summary.forms).sum();
    let indicators: usize = outcomes.iter().map(|(_, d)| d.summary.indicators).sum();
    let pages: u64 = outcomes.iter().map(|(_, d)| d.summary.pages).sum();
    let without_form = outcomes.iter().filter(|(_, d)| d.summary.without_form).count();
    let skipped = if unchanged > 0 {
        format!(" ({unchanged} unchanged, skipped)")
    } else {
        String::new()
    };
    let converted = outcomes.len().saturating_sub(failed);
    // Text dumps have no pages: a run of dumps alone is measured in inputs.
    let (count, rate) = if pages > 0 {
        (pages as f64, pages as f64 / seconds.max(1e-9))
    } else {
        (outcomes.len() as f64, outcomes.len() as f64 / seconds.max(1e-9))
    };
    match lang {
        Lang::En => {
            let unit = if pages > 0 { "PDF pages" } else { "inputs" };
            let per = if pages > 0 { "pages" } else { "inputs" };
            eprintln!(
                "jixiao: {converted} converted, {failed} failed{skipped}; {forms} forms, {indicators} indicators, {without_form} inputs without a form, {count} {unit} in {seconds:.2} s ({rate:.0} {per}/s)"
            )
        }
        Lang::Zh => {
            let unit = if pages > 0 { "页" } else { "个文件" };
            eprintln!(
                "jixiao: 转换 {converted} 个文件，失败 {failed} 个{}；{forms} 张表，{indicators} 条指标，{without_form} 个文件没有表，{count} {unit}，用时 {seconds:.2} 秒（每秒 {rate:.0} {unit}）",
                if unchanged > 0 { format!("（{unchanged} 个未改变，已跳过）") } else { String::new() }
            )
        }
    }
}

/// Writes the review site into `dir/review`: one page per input (its form
/// pages read again for drawing) and the index; returns how many pages
/// could not be written, each reported on stderr.
fn write_review(dir: &Path, outcomes: &[(Input, Done)], max_input_size: u64) -> usize {
    use rayon::prelude::*;
    let root = dir.join("review");
    let read = |input: &Input| -> Option<Document> {
        let text = std::fs::read_to_string(output_path(dir, input)).ok()?;
        jixiao_emit::json::from_str(&text).ok()
    };
    let results: Vec<(usize, Option<jixiao_review::Summary>)> = outcomes
        .par_iter()
        .map(|(input, _)| {
            let Some(doc) = read(input) else {
                eprintln!("jixiao: {}: no JSON output to review", input.path.display());
                return (1, None);
            };
            let bytes = jixiao_cli::read_input(&input.name, &input.path, max_input_size).unwrap_or_default();
            let drawing = jixiao_review::drawing(&doc, &bytes);
            let html = jixiao_review::input_page(&input.name, &doc, &drawing);
            let path = root.join(format!("{}.html", input.name));
            let summary = jixiao_review::Summary::of(&input.name, &format!("{}.html", input.name), &doc);
            match write_atomic(&path, html.as_bytes()) {
                Ok(()) => (0, Some(summary)),
                Err(e) => {
                    eprintln!("jixiao: {}: cannot write {}: {e}", input.path.display(), path.display());
                    (1, Some(summary))
                }
            }
        })
        .collect();
    let failures: usize = results.iter().map(|(f, _)| f).sum();
    let summaries: Vec<jixiao_review::Summary> = results.into_iter().filter_map(|(_, s)| s).collect();
    let index = root.join("index.html");
    match write_atomic(&index, jixiao_review::index_page(&summaries).as_bytes()) {
        Ok(()) => failures,
        Err(e) => {
            eprintln!("jixiao: cannot write {}: {e}", index.display());
            failures + 1
        }
    }
}

/// Writes the tables that `options` ask for into `dir` from the JSON files
/// of a run, in their order, one document in memory at a time: a first
/// pass gathers the projects' extra header labels, the second streams the
/// rows. Returns how many outputs failed, each reported on stderr.
fn write_tables(json_files: &[PathBuf], dir: &Path, options: TableOptions) -> usize {
    let read = |file: &Path| -> Result<Document> {
        let text = std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
        jixiao_emit::json::from_str(&text).with_context(|| format!("{} is not a jixiao document", file.display()))
    };
    let mut failures = 0;
    let mut extra = Vec::new();
    let mut readable = Vec::with_capacity(json_files.len());
    for file in json_files {
        match read(file) {
            Ok(doc) => {
                jixiao_emit::stream::extra_labels(&doc, &mut extra);
                readable.push(file);
            }
            Err(e) => {
                eprintln!("jixiao: {e:#}; left out of the tables");
                failures += 1;
            }
        }
    }
    let outputs = jixiao_emit::stream::Outputs {
        csv: options.csv.then_some(jixiao_emit::csv::Flavour {
            bom: options.bom,
            formula_guard: options.formula_guard.unwrap_or(options.bom),
            zh_headers: options.headers == "zh",
        }),
        xlsx: options.xlsx.then_some(options.headers == "zh"),
    };
    let written = (|| -> Result<usize> {
        let mut stream = jixiao_emit::stream::TableStream::new(dir, extra, outputs)
            .with_context(|| format!("cannot write the tables in {}", dir.display()))?;
        for file in readable {
            let doc = read(file)?;
            stream
                .add(&doc)
                .with_context(|| format!("cannot write the rows of {}", file.display()))?;
        }
        stream
            .finish()
            .with_context(|| format!("cannot write the tables in {}", dir.display()))
    })();
    match written {
        Ok(cut) if cut > 0 => eprintln!(
            "jixiao: {cut} cells longer than a spreadsheet cell holds were cut in jixiao.xlsx (see its diagnostics sheet; the JSON keeps the whole text)"
        ),
        Ok(_) => {}
        Err(e) => {
            eprintln!("jixiao: {e:#}");
            failures += 1;
        }
    }
    failures
}

/// `jixiao tables`: the tables of JSON outputs, in the order one run over
/// all inputs gives them (by input name).
fn tables_command(args: TablesArgs) -> Result<ExitCode> {
    if !(args.tables.csv || args.tables.xlsx) {
        bail!("nothing to write: pass --csv and/or --xlsx");
    }
    // By input name, compared as paths, as a run over all inputs orders
    // them; each document is read once, when its rows are added.
    let mut files: Vec<(PathBuf, PathBuf)> = Vec::new();
    for dir in &args.json_dirs {
        let mut found = Vec::new();
        collect_json(dir, &mut found);
        for file in found {
            let relative = file.strip_prefix(dir).unwrap_or(&file).with_extension("");
            files.push((relative, file));
        }
    }
    files.sort();
    check_writable(&args.out)?;
    let json_files: Vec<PathBuf> = files.iter().map(|(_, file)| file.clone()).collect();
    let failures = write_tables(&json_files, &args.out, args.tables);
    eprintln!(
        "jixiao: tables of {} documents written to {}",
        files.len(),
        args.out.display()
    );
    Ok(if failures > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// JSON files below `dir` (or `dir` itself).
fn collect_json(dir: &Path, out: &mut Vec<PathBuf>) {
    if dir.is_file() {
        out.push(dir.to_path_buf());
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect_json(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

/// Converts one input through `convert` (a worker); with `incremental`,
/// reuses an output that already records the same SHA-256.
fn convert_one(
    input: &Input,
    out_dir: Option<&Path>,
    incremental: bool,
    limits: &pool::Limits,
    convert: impl FnOnce(&Input) -> pool::Answer,
) -> Outcome {
    if let (true, Some(dir)) = (incremental, out_dir) {
        let bytes = match jixiao_cli::read_input(&input.name, &input.path, limits.max_input_size) {
            Ok(bytes) => bytes,
            Err(doc) => return Outcome::Converted(pool::Answer::of(&doc)),
        };
        let sha = jixiao_cli::sha256_hex(&bytes);
        let previous = std::fs::read_to_string(output_path(dir, input))
            .ok()
            .and_then(|text| jixiao_emit::json::from_str(&text).ok())
            .filter(|doc: &Document| doc.source.sha256 == sha && doc.schema_version == jixiao_model::SCHEMA_VERSION);
        if let Some(doc) = previous {
            return Outcome::Unchanged(doc);
        }
    }
    Outcome::Converted(convert(input))
}

/// A run's claim on its output folder: `.jixiao.lock` holding the PID,
/// created exclusively, removed when the run ends. A second run into the
/// same folder is refused while the first is alive (two runs would leave
/// tables of whichever finished last); a lock left by a dead run is taken
/// over.
struct OutputLock {
    path: PathBuf,
}

impl OutputLock {
    fn take(dir: &Path, name: &str) -> Result<OutputLock> {
        let path = dir.join(name);
        for _ in 0..2 {
            match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut file) => {
                    let _ = write!(file, "{}", std::process::id());
                    return Ok(OutputLock { path });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let holder: Option<i32> = std::fs::read_to_string(&path).ok().and_then(|t| t.trim().parse().ok());
                    // SAFETY: kill with signal 0 only asks whether the process exists.
                    let alive = holder.is_some_and(|pid| pid > 0 && unsafe { libc::kill(pid, 0) } == 0);
                    if alive {
                        bail!(
                            "another jixiao run (pid {}) is writing to {}; wait for it to finish or choose another output folder",
                            holder.unwrap_or_default(),
                            dir.display()
                        );
                    }
                    // A dead run's lock.
                    let _ = std::fs::remove_file(&path);
                }
                Err(e) => return Err(e).with_context(|| format!("cannot lock {}", dir.display())),
            }
        }
        bail!("cannot lock {}", dir.display())
    }
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Fails before any conversion when the output folder cannot be written.
fn check_writable(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create the output folder {}", dir.display()))?;
    let probe = dir.join(format!(".jixiao-write-test.{}", std::process::id()));
    std::fs::write(&probe, b"").with_context(|| format!("cannot write to the output folder {}", dir.display()))?;
    let _ = std::fs::remove_file(&probe);
    Ok(())
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
    let options = jixiao::Options {
        first_page: first,
        last_page: last,
        ..jixiao::Options::default()
    };
    let name = args.file.display().to_string();
    let (rows, diagnostics) = jixiao::rows(&name, &bytes, &options)?;
    for d in &diagnostics {
        eprintln!("jixiao: {name}: page {}: {}", d.page.unwrap_or(0), d.message);
    }
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
