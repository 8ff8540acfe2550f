//! Writes the README screenshots: `cargo run --example screenshots`.

use std::fs;
use std::process::ExitCode;

use hepatree::screenshot::{SCENES, render};

fn main() -> ExitCode {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/screenshots");
    for scene in SCENES {
        let path = format!("{dir}/{}.svg", scene.name);
        match render(scene).map(|svg| fs::write(&path, svg)) {
            Ok(Ok(())) => println!("wrote screenshots/{}.svg", scene.name),
            Ok(Err(error)) => {
                eprintln!("cannot write {path}: {error}");
                return ExitCode::FAILURE;
            }
            Err(error) => {
                eprintln!("cannot render {}: {error}", scene.name);
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
