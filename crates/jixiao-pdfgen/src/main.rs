//! `jixiao-pdfgen IN.json OUT.pdf [--gbk] [--portrait] [--filled-rules]
//! [--labels-in-order] [--no-repeat] [--rotated] [--money-right] [--fields]`: renders a jixiao JSON document as a
//! report-server style PDF (a test-input tool).

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let files: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let [input, output] = files.as_slice() else {
        eprintln!("usage: jixiao-pdfgen IN.json OUT.pdf [--gbk] [--portrait] [--filled-rules] [--labels-in-order] [--no-repeat] [--rotated] [--money-right] [--fields]");
        return ExitCode::from(2);
    };
    let flag = |f: &str| args.iter().any(|a| a == f);
    let options = jixiao_pdfgen::Options {
        encoding: if flag("--gbk") {
            jixiao_pdfgen::CjkEncoding::Gbk
        } else {
            jixiao_pdfgen::CjkEncoding::Ucs2
        },
        landscape: !flag("--portrait"),
        filled_rules: flag("--filled-rules"),
        rotated: flag("--rotated"),
        money_right: flag("--money-right"),
        fields: flag("--fields"),
        labels_after_rows: !flag("--labels-in-order"),
        repeat_labels: !flag("--no-repeat"),
        ..jixiao_pdfgen::Options::default()
    };
    let doc: jixiao_model::Document = match std::fs::read_to_string(input)
        .map_err(|e| e.to_string())
        .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("jixiao-pdfgen: {input}: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::write(output, jixiao_pdfgen::render(&doc, &options)) {
        eprintln!("jixiao-pdfgen: {output}: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
