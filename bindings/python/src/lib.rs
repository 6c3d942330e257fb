//! The native part of the `jixiao` Python package: conversion in Rust, the
//! GIL released while it runs. Documents cross as JSON text (the CLI's own
//! bytes); `python/jixiao/__init__.py` turns them into Python objects.

use std::path::PathBuf;
use std::sync::mpsc::{channel, Receiver};
use std::sync::Mutex;
use std::time::Duration;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

fn options(timeout: Option<f64>, first_page: Option<u32>, last_page: Option<u32>) -> PyResult<jixiao::Options> {
    let timeout = match timeout {
        Some(t) if !(t.is_finite() && t > 0.0) => {
            return Err(PyValueError::new_err("timeout must be a positive number of seconds"))
        }
        Some(t) => Some(Duration::from_secs_f64(t)),
        None => None,
    };
    Ok(jixiao::Options {
        timeout,
        first_page: first_page.unwrap_or(1),
        last_page: last_page.unwrap_or(u32::MAX),
        ..jixiao::Options::default()
    })
}

fn to_json(doc: &jixiao::Document) -> PyResult<String> {
    jixiao::json::to_string(doc).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The name a path's document gets when none is given: its file name.
fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Converts a path (str or os.PathLike) or bytes; returns the document's
/// JSON text.
#[pyfunction]
#[pyo3(signature = (source, name=None, timeout=None, first_page=None, last_page=None))]
fn convert_json(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    name: Option<String>,
    timeout: Option<f64>,
    first_page: Option<u32>,
    last_page: Option<u32>,
) -> PyResult<String> {
    let options = options(timeout, first_page, last_page)?;
    if let Ok(bytes) = source.downcast::<PyBytes>() {
        let bytes = bytes.as_bytes().to_vec();
        let name = name.unwrap_or_else(|| "input".to_string());
        let doc = py.allow_threads(|| jixiao::convert(&name, &bytes, &options));
        return to_json(&doc);
    }
    let path = path_of(source)?;
    let name = name.unwrap_or_else(|| file_name(&path));
    let doc = py.allow_threads(|| jixiao::convert_path_with(&name, &path, &options));
    to_json(&doc)
}

fn path_of(source: &Bound<'_, PyAny>) -> PyResult<PathBuf> {
    if source.is_instance_of::<PyString>() || source.hasattr("__fspath__")? {
        return source.extract::<PathBuf>();
    }
    Err(PyTypeError::new_err(format!(
        "expected a path (str or os.PathLike) or bytes, got {}",
        source.get_type().name()?
    )))
}

/// Converts many files in parallel (Rust threads, the GIL released while
/// waiting); iterating yields each document's JSON as it finishes.
#[pyclass]
struct ConvertMany {
    receiver: Mutex<Receiver<String>>,
}

#[pymethods]
impl ConvertMany {
    #[new]
    #[pyo3(signature = (sources, jobs=None, timeout=None))]
    fn new(sources: Vec<(String, PathBuf)>, jobs: Option<usize>, timeout: Option<f64>) -> PyResult<Self> {
        if jobs == Some(0) {
            return Err(PyValueError::new_err("jobs must be at least 1"));
        }
        let options = options(timeout, None, None)?;
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.unwrap_or(0))
            .build()
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        let (sender, receiver) = channel();
        std::thread::spawn(move || {
            pool.install(|| {
                use rayon::prelude::*;
                sources.into_par_iter().for_each_with(sender, |sender, (name, path)| {
                    let doc = jixiao::convert_path_with(&name, &path, &options);
                    let json = jixiao::json::to_string(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
                    // The iterator was dropped: nobody waits for the rest.
                    let _ = sender.send(json);
                });
            });
        });
        Ok(ConvertMany {
            receiver: Mutex::new(receiver),
        })
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> Option<String> {
        py.allow_threads(|| self.receiver.lock().ok()?.recv().ok())
    }
}

/// The CSV/XLSX table model over documents (JSON texts): for each sheet its
/// columns and rows, cells as JSON values (numbers, ISO date strings, text,
/// null). Returns JSON text.
#[pyfunction]
fn tables_json(py: Python<'_>, documents: Vec<String>) -> PyResult<String> {
    py.allow_threads(|| {
        let mut tables = jixiao::tables::Tables::new();
        for text in &documents {
            let doc = jixiao::json::from_str(text)
                .map_err(|e| PyValueError::new_err(format!("not a jixiao document: {e}")))?;
            tables.add(&doc);
        }
        let sheet = |sheet: &jixiao::tables::Sheet| {
            let rows: Vec<Vec<serde_json::Value>> = sheet
                .rows
                .iter()
                .map(|row| {
                    (0..sheet.columns.len())
                        .map(|i| match row.get(i) {
                            Some(jixiao::tables::Value::Text(s)) | Some(jixiao::tables::Value::Date(s)) => {
                                serde_json::Value::from(s.as_str())
                            }
                            Some(jixiao::tables::Value::Integer(n)) => serde_json::Value::from(*n),
                            Some(jixiao::tables::Value::Number(n)) | Some(jixiao::tables::Value::Money(n)) => {
                                serde_json::Value::from(*n)
                            }
                            Some(jixiao::tables::Value::Empty) | None => serde_json::Value::Null,
                        })
                        .collect()
                })
                .collect();
            serde_json::json!({"columns": sheet.columns, "rows": rows})
        };
        let out = serde_json::json!({
            "projects": sheet(&tables.projects),
            "indicators": sheet(&tables.indicators),
            "diagnostics": sheet(&tables.diagnostics),
        });
        Ok(out.to_string())
    })
}

#[pymodule]
fn _jixiao(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(convert_json, m)?)?;
    m.add_function(wrap_pyfunction!(tables_json, m)?)?;
    m.add_class::<ConvertMany>()?;
    m.add("SCHEMA_VERSION", jixiao::SCHEMA_VERSION)?;
    Ok(())
}
