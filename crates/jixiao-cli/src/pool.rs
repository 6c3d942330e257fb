//! Worker processes: each file of a batch is converted in a child process
//! (this binary run as `jixiao __worker`), one file at a time per worker,
//! under an address-space limit the OS enforces, and killed when it runs
//! over its time. A worker that dies (out of memory, a crash, the timeout)
//! gives its file an `error` document and is replaced; the batch goes on.
//! Apache Tika's forked-child mode is the model.
//!
//! Protocol, one line each way per file: the parent writes the input as a
//! JSON object (`{"path": …, "name": …}`), the worker answers with the
//! document as one line of compact JSON.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use jixiao_cli::{failed, Input};
use jixiao_model::{Code, Document};

/// The hidden subcommand a worker runs.
pub const WORKER_COMMAND: &str = "__worker";

/// Bytes of a worker's stderr kept to explain its death.
const STDERR_KEPT: usize = 64 * 1024;

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
        let json = serde_json::to_string(&doc).unwrap_or_default();
        if writeln!(out, "{json}").and_then(|_| out.flush()).is_err() {
            break;
        }
    }
    std::process::ExitCode::SUCCESS
}

/// RLIMIT_AS for this process: an allocation past it fails, and Rust
/// aborts the process, which the parent sees.
fn limit_address_space(bytes: u64) {
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
    answers: Receiver<Option<String>>,
    stderr: Receiver<Vec<u8>>,
    exe: PathBuf,
    limits: Limits,
}

impl Worker {
    /// Starts a worker process.
    pub fn spawn(exe: &Path, limits: Limits) -> std::io::Result<Worker> {
        let mut child = Command::new(exe)
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
            for line in BufReader::new(stdout).lines() {
                if sender.send(line.ok()).is_err() {
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
    pub fn convert(&mut self, input: &Input, timeout: Option<Duration>) -> Document {
        let request = serde_json::json!({
            "path": input.path.to_string_lossy(),
            "name": input.name,
        });
        if writeln!(self.stdin, "{request}")
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
            Ok(Some(json)) => match jixiao_emit::json::from_str(&json) {
                Ok(doc) => doc,
                Err(e) => self.replace(
                    input,
                    Code::Crashed,
                    &format!("the worker's answer was not a document: {e}"),
                ),
            },
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
    fn replace(&mut self, input: &Input, code: Code, what: &str) -> Document {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Ok(fresh) = Worker::spawn(&self.exe, self.limits) {
            let old = std::mem::replace(self, fresh);
            drop(old);
        }
        failed(jixiao_cli::source_of_unread(&input.name), code, what.to_string())
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
