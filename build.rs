//! Prepares the shipped knowledge base during the build, so that starting on it reads a
//! ready catalog instead of parsing, checking and cleaning the text: `knowledge.ron` is
//! checked (a problem fails the build with the message `hepatree check` prints) and its
//! catalog is encoded into `OUT_DIR/knowledge.bin`, which the binary includes. The model's
//! own source files are compiled into this script for that, so the two cannot disagree.
//!
//! It also names this build for the cache of prepared files: a hash of the sources, so an
//! entry written by one build is never read by another whose code may prepare files
//! differently, even when the version number is the same.

// The model's files are shared with the crate, which uses what this script does not.
#![allow(
    dead_code,
    unused_imports,
    clippy::all,
    clippy::pedantic,
    clippy::nursery
)]

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

#[path = "src"]
mod model {
    pub mod catalog;
    pub mod knowledge;
    pub mod markup;
    pub mod parallel;
    pub mod sanitize;
}

use model::{catalog, knowledge, markup, parallel, sanitize};

fn main() {
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=knowledge.ron");
    println!("cargo:rerun-if-changed=Cargo.lock");
    println!("cargo:rerun-if-changed=Cargo.toml");
    name_the_build();
    prepare_the_shipped_base();
}

fn prepare_the_shipped_base() {
    let kb = match knowledge::parse(knowledge::EMBEDDED) {
        Ok(kb) => kb,
        Err(problems) => {
            for problem in problems {
                eprintln!("{}:{problem}", knowledge::EMBEDDED_NAME);
            }
            eprintln!(
                "the shipped knowledge base has problems; `hepatree check knowledge.ron` lists them"
            );
            std::process::exit(1);
        }
    };
    let whole = catalog::Catalog::new(kb).into_whole();
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("knowledge.bin"), bitcode::encode(&whole))
        .expect("the prepared base is written");
}

fn name_the_build() {
    let mut files = Vec::new();
    collect(Path::new("src"), &mut files);
    files.extend(["Cargo.lock", "Cargo.toml", "build.rs"].map(PathBuf::from));
    files.sort();
    let mut hasher = DefaultHasher::new();
    for file in &files {
        file.hash(&mut hasher);
        std::fs::read(file).unwrap_or_default().hash(&mut hasher);
    }
    println!("cargo:rustc-env=HEPATREE_BUILD={:016x}", hasher.finish());
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(listing) = std::fs::read_dir(dir) else {
        return;
    };
    for item in listing.flatten() {
        let path = item.path();
        if path.is_dir() {
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}
