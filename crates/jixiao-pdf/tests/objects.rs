//! Differential test of jixiao's object reader: on every PDF of the
//! project's corpus and the shared corpus (1,543 PDFs) that it takes as
//! plain, it gives exactly the trailer and cross-reference entries lopdf
//! gives, and exactly lopdf's objects for every object the catalog
//! reaches (except under `UNREAD_KEYS`), and no others; where lopdf
//! cannot read a file, it takes none. And it takes most files, or it would
//! save nothing.

mod common;

use std::path::{Path, PathBuf};

use lopdf::{Document, Object};

/// An object with its streams' file positions cleared (lopdf counts them
/// from another origin; nothing reads them).
fn canonical(object: &Object) -> Object {
    match object {
        Object::Stream(stream) => {
            let mut stream = stream.clone();
            stream.start_position = None;
            Object::Stream(stream)
        }
        other => other.clone(),
    }
}

/// The objects of `doc` that its catalog reaches, not under the keys
/// jixiao never reads.
fn reached(doc: &Document) -> std::collections::BTreeSet<(u32, u16)> {
    fn walk(object: &Object, out: &mut Vec<(u32, u16)>) {
        match object {
            Object::Reference(id) => out.push(*id),
            Object::Array(items) => items.iter().for_each(|i| walk(i, out)),
            Object::Dictionary(dict) => dict
                .iter()
                .filter(|(k, _)| !jixiao_pdf::objects::UNREAD_KEYS.contains(&k.as_slice()))
                .for_each(|(_, v)| walk(v, out)),
            Object::Stream(stream) => walk(&Object::Dictionary(stream.dict.clone()), out),
            _ => {}
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    let mut queue = Vec::new();
    if let Ok(root) = doc.trailer.get(b"Root") {
        walk(root, &mut queue);
    }
    while let Some(id) = queue.pop() {
        if let Some(object) = doc.objects.get(&id) {
            if seen.insert(id) {
                walk(object, &mut queue);
            }
        }
    }
    seen
}

/// The first difference between the two readings of a file, if any.
fn difference(ours: &Document, lopdf: &Document) -> Option<String> {
    let mut wanted = reached(lopdf);
    // And the font programs read for their cmap, with the objects their
    // dictionaries name (/Length, /Length1).
    let reached_objects: std::collections::BTreeMap<(u32, u16), Object> = lopdf
        .objects
        .iter()
        .filter(|(id, _)| wanted.contains(id))
        .map(|(id, o)| (*id, o.clone()))
        .collect();
    for id in jixiao_pdf::objects::programs_for_text(&reached_objects) {
        if let Some(Object::Stream(program)) = lopdf.objects.get(&id) {
            wanted.insert(id);
            for (_, value) in program.dict.iter() {
                if let Object::Reference(length) = value {
                    if lopdf.objects.contains_key(length) {
                        wanted.insert(*length);
                    }
                }
            }
        }
    }
    let held: std::collections::BTreeSet<(u32, u16)> = ours.objects.keys().copied().collect();
    if wanted != held {
        let missing: Vec<_> = wanted.difference(&held).take(5).collect();
        let extra: Vec<_> = held.difference(&wanted).take(5).collect();
        return Some(format!("objects: missing {missing:?}, not reached {extra:?}"));
    }
    for (id, object) in &ours.objects {
        let same = lopdf.objects.get(id).map(canonical) == Some(canonical(object));
        if !same {
            return Some(format!(
                "object {id:?}: ours {object:?}, lopdf {:?}",
                lopdf.objects.get(id)
            ));
        }
    }
    if ours.trailer != lopdf.trailer {
        return Some(format!("trailer: ours {:?}, lopdf {:?}", ours.trailer, lopdf.trailer));
    }
    let entries = |doc: &Document| format!("{:?}", doc.reference_table.entries);
    if entries(ours) != entries(lopdf) {
        return Some(format!(
            "cross-reference entries: ours {}, lopdf {}",
            entries(ours),
            entries(lopdf)
        ));
    }
    if ours.max_id != lopdf.max_id || ours.version != lopdf.version {
        return Some(format!(
            "max_id {} / {}, version {} / {}",
            ours.max_id, lopdf.max_id, ours.version, lopdf.version
        ));
    }
    None
}

/// Reads every PDF of `dirs` both ways: (files, taken as plain, differences).
fn compare(dirs: &[PathBuf]) -> (usize, usize, Vec<String>) {
    let mut pdfs = Vec::new();
    for dir in dirs {
        pdfs.extend(common::pdfs_below(dir));
    }
    let (mut plain, mut differences) = (0usize, Vec::new());
    for path in &pdfs {
        let Ok(bytes) = std::fs::read(path) else { continue };
        let Some(ours) = jixiao_pdf::objects::load(&bytes) else {
            continue;
        };
        plain += 1;
        match Document::load_mem(&bytes) {
            Ok(lopdf) => {
                if let Some(why) = difference(&ours, &lopdf) {
                    differences.push(format!("{}: {why}", path.display()));
                }
            }
            Err(e) => differences.push(format!("{}: lopdf cannot read it ({e}), ours did", path.display())),
        }
    }
    (pdfs.len(), plain, differences)
}

#[test]
fn plain_files_read_as_lopdf_reads_them() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let (files, plain, differences) = compare(&[root.join("corpus/pdf")]);
    eprintln!("corpus/pdf: {files} PDFs, {plain} read as plain");
    assert!(differences.is_empty(), "{}", differences.join("\n"));
    // The project's own forms are plain, all but the damaged and encrypted.
    assert!(plain * 10 >= files * 9, "only {plain} of {files} read as plain");
}

#[test]
fn plain_files_of_the_shared_corpus_read_as_lopdf_reads_them() {
    let Some(corpora) = common::shared_corpora() else {
        return;
    };
    let (files, plain, differences) = compare(&[corpora]);
    eprintln!("shared corpora: {files} PDFs, {plain} read as plain");
    assert!(
        differences.is_empty(),
        "{} differ:\n{}",
        differences.len(),
        differences.iter().take(20).cloned().collect::<Vec<_>>().join("\n")
    );
    assert!(plain * 2 >= files, "only {plain} of {files} read as plain");
}

/// Damaged copies of the corpus's files (bytes flipped, runs cut out or
/// repeated, the file truncated): the reader ends on each, without a
/// panic, and what it still takes as plain, lopdf reads the same way.
#[test]
fn mutated_files_never_panic_and_stay_faithful() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/pdf");
    let pdfs = common::pdfs_below(&dir);
    // xorshift: the same mutations on every run.
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move |bound: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % bound.max(1) as u64) as usize
    };
    let (mut tried, mut plain, mut differences) = (0usize, 0usize, Vec::new());
    for path in pdfs.iter().take(24) {
        let Ok(original) = std::fs::read(path) else { continue };
        for round in 0..24 {
            let mut bytes = original.clone();
            let len = bytes.len();
            match round % 4 {
                0 => {
                    for _ in 0..8 {
                        let at = next(len);
                        if let Some(b) = bytes.get_mut(at) {
                            *b ^= 1 << next(8);
                        }
                    }
                }
                1 => bytes.truncate(next(len)),
                2 => {
                    let at = next(len);
                    let end = (at + next(64)).min(len);
                    bytes.drain(at..end);
                }
                _ => {
                    let at = next(len);
                    let end = (at + next(64)).min(len);
                    let run: Vec<u8> = bytes[at..end].to_vec();
                    bytes.splice(at..at, run);
                }
            }
            tried += 1;
            let Some(ours) = jixiao_pdf::objects::load(&bytes) else {
                continue;
            };
            plain += 1;
            if let Ok(lopdf) = Document::load_mem(&bytes) {
                if let Some(why) = difference(&ours, &lopdf) {
                    differences.push(format!("{} round {round}: {why}", path.display()));
                }
            }
        }
    }
    eprintln!("{tried} mutated files, {plain} still read as plain");
    assert!(differences.is_empty(), "{}", differences.join("\n"));
    assert!(tried > 500 && plain > 0, "{tried} tried, {plain} plain");
}
