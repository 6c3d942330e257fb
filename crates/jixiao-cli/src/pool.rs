//! Worker processes: each file of a batch is converted in a child process
//! (this binary run as `jixiao __worker`), one file at a time per worker,
//! under an address-space limit the OS enforces, and killed when it runs
//! over its time. A worker that dies (out of memory, a crash, the timeout)
//! gives its file an `error` document and is replaced; the batch goes on.
//! Apache Tika's forked-child mode is the model.
//!
//! Protocol, per file: the parent writes the input as one line of JSON
//! (`{"path": …, "name": …}`); the worker answers with one line of JSON,
//! the [`Summary`] the console needs and the length of the output, then
//! the output itself: the document's JSON exactly as it is written to its
//! file. The parent writes those bytes as they are; it never parses or
//! re-serialises a document (that was a tenth of a batch's CPU time).

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use jixiao_cli::{failed, Input};
use jixiao_model::{Code, Document, Level};
use serde::{Deserialize, Serialize};

/// The hidden subcommand a worker runs.
pub const WORKER_COMMAND: &str = "__worker";

/// Bytes of a worker's stderr kept to explain its death.
const STDERR_KEPT: usize = 64 * 1024;

/// Longest answer header read from a worker: a summary with its error
/// messages, never a document.
const MAX_HEADER: u64 = 1 << 20;

/// What the console summary and the exit status need of a document.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Summary {
    /// Its errors: code and message.
    pub errors: Vec<(Code, String)>,
    /// Forms read.
    pub forms: usize,
    /// Indicators read.
    pub indicators: usize,
    /// Pages of the input.
    pub pages: u64,
    /// Read without error, and no form in it.
    pub without_form: bool,
}

impl Summary {
    /// The summary of `doc`.
    pub fn of(doc: &Document) -> Summary {
        Summary {
            errors: doc
                .diagnostics
                .iter()
                .filter(|d| d.level == Level::Error)
                .map(|d| (d.code, d.message.clone()))
                .collect(),
            forms: doc.projects.len(),
            indicators: doc.indicator_count(),
            pages: u64::from(doc.source.pages.unwrap_or(0)),
            without_form: !doc.has_error() && doc.projects.is_empty(),
        }
    }
}

/// A converted document as the batch keeps it: its summary and its JSON
/// output.
#[derive(Debug, Clone)]
pub struct Answer {
    /// For the console.
    pub summary: Summary,
    /// The output file's bytes ([`jixiao_emit::json::to_string`]).
    pub json: String,
}

impl Answer {
    /// The answer for `doc`; an error document in its place (and its
    /// summary) if `doc` cannot be written as JSON.
    pub fn of(doc: &Document) -> Answer {
        match jixiao_emit::json::to_string(doc) {
            Ok(json) => Answer {
                summary: Summary::of(doc),
                json,
            },
            Err(e) => {
                let failed = failed(
                    doc.source.clone(),
                    Code::InternalError,
                    format!("the document could not be written as JSON: {e}"),
                );
                Answer {
                    summary: Summary::of(&failed),
                    json: jixiao_emit::json::to_string(&failed).unwrap_or_default(),
                }
            }
        }
    }

    /// The answer as a worker sends it: the header line, then the output.
    fn message(&self) -> serde_json::Result<Vec<u8>> {
        let header = Header {
            summary: self.summary.clone(),
            bytes: self.json.len() as u64,
        };
        let mut message = serde_json::to_vec(&header)?;
        message.push(b'\n');
        message.extend_from_slice(self.json.as_bytes());
        Ok(message)
    }
}

/// The line before each answer's output.
#[derive(Debug, Serialize, Deserialize)]
struct Header {
    summary: Summary,
    /// Bytes of the output that follows the line.
    bytes: u64,
}

/// What bounds one file's conversion.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Address space of a worker, in bytes.
    pub max_memory: u64,
    /// Largest input read, in bytes.
    pub max_input_size: u64,
}

/// Runs a worker: sets the memory limit, then converts the files the
/// parent names on stdin until stdin closes.
pub fn worker_main(limits: Limits) -> std::process::ExitCode {
    limit_address_space(limits.max_memory);
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut collected_at = resident_bytes().unwrap_or(0);
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        let request: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(_) => break,
        };
        let (Some(path), Some(name)) = (request["path"].as_str(), request["name"].as_str()) else {
            break;
        };
        let doc = jixiao_cli::convert_path_limited(name, Path::new(path), limits.max_input_size);
        // One write for the whole answer (stdout's line buffer would
        // otherwise write a long document a kilobyte at a time).
        let Ok(message) = Answer::of(&doc).message() else {
            break;
        };
        if out.write_all(&message).and_then(|_| out.flush()).is_err() {
            break;
        }
        drop(doc);
        // A busy worker never reaches mimalloc's purge delay: freed pages
        // stay resident and its RSS creeps with the batch. Where it has
        // grown by COLLECT_GROWTH since the last collection, they go back
        // to the OS (each collection costs the next documents their page
        // faults again: after every document it was a sixth of the CPU).
        if resident_bytes().is_some_and(|now| now > collected_at + COLLECT_GROWTH) {
            // SAFETY: mi_collect takes no pointers; it only returns free pages.
            unsafe { libmimalloc_sys::mi_collect(true) };
            collected_at = resident_bytes().unwrap_or(0);
        }
    }
    std::process::ExitCode::SUCCESS
}

/// Growth of a worker's resident memory past which freed pages are given
/// back: a few documents' worth, so that a batch of thousands peaks where
/// a batch of one does.
const COLLECT_GROWTH: u64 = 16 << 20;

/// A field of `/proc/self/statm` (Linux), in bytes: its fields count
/// pages of 4 KiB. `None` where it cannot be read.
fn statm_bytes(field: usize) -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(field)?.parse().ok()?;
    Some(pages * 4096)
}

/// This process's resident memory; `None` where it cannot be read, and
/// nothing is collected then.
fn resident_bytes() -> Option<u64> {
    statm_bytes(1)
}

/// Address space mimalloc reserves at a time in a worker, in KiB
/// (`MIMALLOC_ARENA_RESERVE`): the most a worker may use beyond its
/// `--max-memory` (its arena's unused part when the limit is set).
const WORKER_ARENA_KIB: u64 = 32 * 1024;

/// This process's address space.
fn address_space_bytes() -> Option<u64> {
    statm_bytes(0)
}

/// RLIMIT_AS for this process, `bytes` beyond the address space it holds
/// already (its program, its first arena): an allocation past it fails,
/// and Rust aborts the process, which the parent sees.
fn limit_address_space(bytes: u64) {
    let bytes = bytes.saturating_add(address_space_bytes().unwrap_or(0));
    // SAFETY: getrlimit/setrlimit read and write a plain struct we own.
    unsafe {
        let mut current = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        if libc::getrlimit(libc::RLIMIT_AS, &mut current) != 0 {
            return;
        }
        let wanted = bytes.min(current.rlim_max);
        if wanted < current.rlim_cur {
            let limit = libc::rlimit {
                rlim_cur: wanted,
                rlim_max: current.rlim_max,
            };
            libc::setrlimit(libc::RLIMIT_AS, &limit);
        }
    }
}

/// A running worker and the channel its answers arrive on.
pub struct Worker {
    child: Child,
    stdin: ChildStdin,
    /// Each answer; `None` when the worker's output ended, `Err` when it
    /// was not an answer.
    answers: Receiver<Option<Result<Answer, String>>>,
    stderr: Receiver<Vec<u8>>,
    exe: PathBuf,
    limits: Limits,
}

impl Worker {
    /// Starts a worker process.
    pub fn spawn(exe: &Path, limits: Limits) -> std::io::Result<Worker> {
        let mut child = Command::new(exe)
            // mimalloc reserves address space an arena at a time, 1 GiB
            // by default, and the first before the worker sets its limit:
            // what the arena held was never limited, and the limit stood
            // below the address space already taken (an 18 KiB
            // allocation of the seed failed under `--max-memory 120M`, as
            // ASLR fell). Smaller arenas (as fast: no reservation at all
            // cost a tenth more CPU) keep the limit close to the memory
            // used; see `limit_address_space`.
            .env("MIMALLOC_ARENA_RESERVE", WORKER_ARENA_KIB.to_string())
            .arg(WORKER_COMMAND)
            .arg(limits.max_memory.to_string())
            .arg(limits.max_input_size.to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        let stdin = child.stdin.take().ok_or_else(|| std::io::Error::other("no stdin"))?;
        let stdout = child.stdout.take().ok_or_else(|| std::io::Error::other("no stdout"))?;
        let mut stderr = child.stderr.take().ok_or_else(|| std::io::Error::other("no stderr"))?;
        let (sender, answers) = mpsc::channel();
        std::thread::spawn(move || {
            let mut stdout = BufReader::new(stdout);
            while let Some(answer) = read_answer(&mut stdout) {
                let failed = answer.is_err();
                if sender.send(Some(answer)).is_err() || failed {
                    return;
                }
            }
            let _ = sender.send(None);
        });
        let (err_sender, stderr_text) = mpsc::channel();
        std::thread::spawn(move || {
            let mut kept = Vec::new();
            let mut buffer = [0u8; 4096];
            while let Ok(n) = stderr.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                let room = STDERR_KEPT.saturating_sub(kept.len());
                kept.extend_from_slice(buffer.get(..n.min(room)).unwrap_or_default());
            }
            let _ = err_sender.send(kept);
        });
        Ok(Worker {
            child,
            stdin,
            answers,
            stderr: stderr_text,
            exe: exe.to_path_buf(),
            limits,
        })
    }

    /// Converts one input; on a timeout or a dead worker, the document
    /// says so and the worker is replaced.
    pub fn convert(&mut self, input: &Input, timeout: Option<Duration>) -> Answer {
        let request = serde_json::json!({
            "path": input.path.to_string_lossy(),
            "name": input.name,
        });
        // One write for the whole line: `writeln!` of a JSON value writes
        // token by token, each a syscall that wakes the worker.
        let line = format!("{request}\n");
        if self
            .stdin
            .write_all(line.as_bytes())
            .and_then(|_| self.stdin.flush())
            .is_err()
        {
            return self.replace(input, Code::Crashed, "the worker process could not take the file");
        }
        let answer = match timeout {
            Some(timeout) => self.answers.recv_timeout(timeout),
            None => self.answers.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match answer {
            Ok(Some(Ok(answer))) => answer,
            Ok(Some(Err(e))) => self.replace(
                input,
                Code::Crashed,
                &format!("the worker's answer was not a document: {e}"),
            ),
            Ok(None) | Err(RecvTimeoutError::Disconnected) => {
                let why = self.death();
                let (code, what) = why;
                self.replace(input, code, &what)
            }
            Err(RecvTimeoutError::Timeout) => self.replace(
                input,
                Code::Timeout,
                &format!(
                    "conversion took longer than {} s; its worker was stopped (--timeout)",
                    timeout.map_or(0.0, |t| t.as_secs_f32())
                ),
            ),
        }
    }

    /// Why the worker ended: out of memory (its allocator said so), or a
    /// crash with its exit status.
    fn death(&mut self) -> (Code, String) {
        let status = self.child.wait().ok();
        let stderr = self.stderr.recv_timeout(Duration::from_secs(1)).unwrap_or_default();
        let stderr = String::from_utf8_lossy(&stderr);
        if stderr.contains("memory allocation") || stderr.contains("out of memory") {
            (
                Code::OutOfMemory,
                format!(
                    "the file needed more than the {} MiB a worker may use (--max-memory)",
                    self.limits.max_memory / (1024 * 1024)
                ),
            )
        } else {
            let status = status.map_or_else(|| "unknown status".to_string(), |s| s.to_string());
            let last = stderr.lines().last().unwrap_or("").to_string();
            (
                Code::Crashed,
                format!("the worker process died ({status}) {last}")
                    .trim_end()
                    .to_string(),
            )
        }
    }

    /// The error document for `input`, after stopping this worker and
    /// starting a fresh one in its place.
    fn replace(&mut self, input: &Input, code: Code, what: &str) -> Answer {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Ok(fresh) = Worker::spawn(&self.exe, self.limits) {
            let old = std::mem::replace(self, fresh);
            drop(old);
        }
        Answer::of(&failed(
            jixiao_cli::source_of_unread(&input.name),
            code,
            what.to_string(),
        ))
    }
}

/// The next answer on a worker's output; `None` at its end.
fn read_answer(stdout: &mut impl BufRead) -> Option<Result<Answer, String>> {
    let mut line = String::new();
    match stdout.by_ref().take(MAX_HEADER).read_line(&mut line) {
        Ok(0) => return None,
        Ok(_) => {}
        Err(e) => return Some(Err(e.to_string())),
    }
    let header: Header = match serde_json::from_str(&line) {
        Ok(header) => header,
        Err(e) => return Some(Err(format!("bad header: {e}"))),
    };
    let mut json = String::new();
    Some(match stdout.take(header.bytes).read_to_string(&mut json) {
        Ok(n) if n as u64 == header.bytes => Ok(Answer {
            summary: header.summary,
            json,
        }),
        Ok(n) => Err(format!("{n} of its {} bytes", header.bytes)),
        Err(e) => Err(e.to_string()),
    })
}

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(summary: &Summary, json: &str) -> Vec<u8> {
        let answer = Answer {
            summary: summary.clone(),
            json: json.to_string(),
        };
        answer.message().unwrap_or_default()
    }

    /// Answers follow one another; an output's own line ends do not end
    /// it, its length does.
    #[test]
    fn answers_are_read_by_their_length() {
        let summary = Summary {
            errors: vec![(Code::UnreadableFile, "cannot read".to_string())],
            forms: 2,
            indicators: 7,
            pages: 3,
            without_form: false,
        };
        let mut stream = message(&summary, "{\n  \"a\": 1\n}\n");
        stream.extend(message(&Summary::default(), "{}\n"));
        let mut reader = std::io::Cursor::new(stream);
        let first = read_answer(&mut reader).and_then(Result::ok);
        assert_eq!(first.as_ref().map(|a| a.json.as_str()), Some("{\n  \"a\": 1\n}\n"));
        assert_eq!(
            first.map(|a| (a.summary.forms, a.summary.indicators, a.summary.errors.len())),
            Some((2, 7, 1))
        );
        let second = read_answer(&mut reader).and_then(Result::ok);
        assert_eq!(second.map(|a| a.json), Some("{}\n".to_string()));
        assert!(read_answer(&mut reader).is_none());
    }

    /// A worker that prints something else, or dies in the middle of an
    /// output, gives an error, never a partial document.
    #[test]
    fn a_broken_answer_is_an_error() {
        let mut garbage = std::io::Cursor::new(b"thread 'main' panicked\n".to_vec());
        assert!(matches!(read_answer(&mut garbage), Some(Err(_))));
        let mut cut = message(&Summary::default(), "{\"projects\": []}\n");
        cut.truncate(cut.len() - 4);
        let mut cut = std::io::Cursor::new(cut);
        assert!(matches!(read_answer(&mut cut), Some(Err(e)) if e.contains("bytes")));
    }
}
