//! The cache gives back what a fresh load gives, and anything wrong with an entry sends the
//! open back to the file: never a wrong result, never a panic.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::{Cache, Key, Prepared};
use crate::catalog::Catalog;
use crate::knowledge::EMBEDDED;
use crate::prepare;

const QUERIES: &[&str] = &[
    "cirrhosis",
    "stem cel",
    "mesenchymal stromal",
    "fibrosis reversal",
    "MSCs",
    "trnasplant",
    "a",
    "meld",
];

/// A fresh directory under the system's temporary one, named for the test.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hepatree-cache-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    dir
}

/// Everything a reader can see of a base: every entry, its links and claims, and what each
/// query finds.
fn seen(prepared: &Prepared) -> String {
    let catalog: &Catalog = &prepared.catalog;
    let mut out = format!(
        "{} {} {:?} {:?} {:?}\n",
        catalog.title, catalog.disclaimer, catalog.sources, catalog.claims, prepared.problems
    );
    for id in catalog.ids() {
        let node = catalog.node(id);
        let _ = writeln!(
            out,
            "{node:?} {:?} {:?} {:?}",
            catalog.backlinks(id),
            catalog.claims_of(id),
            catalog.index_of(&node.id)
        );
    }
    let _ = writeln!(
        out,
        "{:?} {:?}",
        catalog.roots(),
        catalog.terms.nodes().collect::<Vec<_>>()
    );
    for query in QUERIES {
        for hit in prepared.index.search(catalog, query, 30) {
            let _ = writeln!(
                out,
                "{query}: {:?} {:?} {:?} {:?} {:?}",
                hit.node, hit.field, hit.title_marks, hit.alias_marks, hit.snippet
            );
        }
    }
    out
}

/// The shipped base's text as a file of its own (the shipped base itself is prepared by the
/// build and never cached).
fn base() -> &'static Path {
    static BASE: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    BASE.get_or_init(|| {
        let path =
            std::env::temp_dir().join(format!("hepatree-cache-base-{}.ron", std::process::id()));
        std::fs::write(&path, EMBEDDED).expect("write");
        path
    })
}

fn embedded_in(dir: &Path) -> (Key, PathBuf) {
    let key = Key::of(EMBEDDED.as_bytes());
    (key, dir.join(key.file_name()))
}

/// Opens the embedded base through `cache`, storing what it prepares.
fn open_and_store(cache: &Cache) -> Prepared {
    let mut opened = prepare::open(Some(base()), cache).expect("the base opens");
    opened.store();
    opened.prepared
}

#[test]
fn a_cached_base_is_the_freshly_loaded_one() {
    let dir = scratch("round-trip");
    let cache = Cache::at(&dir);
    let fresh = open_and_store(&cache);
    let (key, path) = embedded_in(&dir);
    assert!(path.is_file(), "the entry is written");
    let cached = cache.read(key).expect("the entry reads back");
    assert_eq!(seen(&cached), seen(&fresh));
    let no_cache = prepare::open(Some(base()), &Cache::off()).expect("opens");
    assert_eq!(seen(&no_cache.prepared), seen(&fresh));
}

#[test]
fn a_flipped_byte_or_a_cut_anywhere_falls_back_to_the_file() {
    let dir = scratch("damage");
    let cache = Cache::at(&dir);
    let fresh = seen(&open_and_store(&cache));
    let (key, path) = embedded_in(&dir);
    let good = std::fs::read(&path).expect("entry");
    let step = good.len() / 97;
    for at in (0..good.len()).step_by(step) {
        let mut flipped = good.clone();
        flipped[at] ^= 0x41;
        std::fs::write(&path, &flipped).expect("write");
        assert!(cache.read(key).is_none(), "a flip at byte {at} was trusted");
        if at % (step * 10) == 0 {
            let opened = prepare::open(Some(base()), &cache).expect("opens");
            assert_eq!(seen(&opened.prepared), fresh, "after a flip at byte {at}");
            assert!(opened.entry.is_some(), "a damaged entry is to be replaced");
        }
        std::fs::write(&path, &good[..at]).expect("write");
        assert!(cache.read(key).is_none(), "a cut at byte {at} was trusted");
    }
    // The open that finds a damaged entry prepares the file afresh and writes a sound one.
    let reopened = open_and_store(&cache);
    assert_eq!(seen(&reopened), fresh);
    assert_eq!(seen(&cache.read(key).expect("rewritten")), fresh);
}

#[test]
fn an_entry_for_other_bytes_or_another_build_is_refused() {
    let dir = scratch("other");
    let cache = Cache::at(&dir);
    open_and_store(&cache);
    let (_, path) = embedded_in(&dir);
    // Another file's key (the same file with a byte added), or another build's: the entry
    // under that name holds this file's key in its header, so it does not match.
    let other = Key::of(format!("{EMBEDDED} ").as_bytes());
    std::fs::copy(&path, dir.join(other.file_name())).expect("copy");
    assert!(cache.read(other).is_none());
    let mut bytes = std::fs::read(&path).expect("entry");
    bytes[8] ^= 1; // the format number
    std::fs::write(&path, &bytes).expect("write");
    assert!(cache.read(Key::of(EMBEDDED.as_bytes())).is_none());
}

#[test]
fn an_empty_file_or_a_directory_in_its_place_falls_back() {
    let dir = scratch("in-place");
    let cache = Cache::at(&dir);
    let fresh = seen(
        &prepare::open(Some(base()), &Cache::off())
            .expect("opens")
            .prepared,
    );
    let (key, path) = embedded_in(&dir);
    std::fs::write(&path, b"").expect("write");
    assert!(cache.read(key).is_none());
    assert_eq!(seen(&open_and_store(&cache)), fresh);
    std::fs::remove_file(&path).expect("remove");
    std::fs::create_dir(&path).expect("a directory where the entry goes");
    assert!(cache.read(key).is_none());
    assert_eq!(
        seen(&open_and_store(&cache)),
        fresh,
        "writing fails quietly"
    );
    assert!(path.is_dir());
}

#[cfg(unix)]
#[test]
fn a_read_only_cache_directory_still_opens() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("read-only");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let cache = Cache::at(&dir);
    let fresh = seen(
        &prepare::open(Some(base()), &Cache::off())
            .expect("opens")
            .prepared,
    );
    assert_eq!(seen(&open_and_store(&cache)), fresh);
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let leftovers = std::fs::read_dir(&dir)
        .expect("list")
        .flatten()
        .filter(|e| e.path().extension().is_none_or(|x| x != "hint"))
        .count();
    // Root may write anywhere; anyone else leaves nothing behind.
    assert!(leftovers <= 1);
}

#[test]
fn writers_at_once_leave_one_sound_entry() {
    let dir = scratch("concurrent");
    let cache = Cache::at(&dir);
    let fresh = seen(
        &prepare::open(Some(base()), &Cache::off())
            .expect("opens")
            .prepared,
    );
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| {
                let opened = prepare::open(Some(base()), &cache).expect("opens");
                assert_eq!(seen(&opened.prepared), fresh);
                if let Some(entry) = opened.entry {
                    entry.write();
                }
            });
        }
        scope.spawn(|| {
            for _ in 0..20 {
                if let Some(read) = cache.read(Key::of(EMBEDDED.as_bytes())) {
                    assert_eq!(seen(&read), fresh);
                }
            }
        });
    });
    let names: Vec<String> = std::fs::read_dir(&dir)
        .expect("list")
        .flatten()
        .filter(|e| e.path().extension().is_none_or(|x| x != "hint"))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1, "no temporary files are left: {names:?}");
    assert_eq!(
        seen(&cache.read(Key::of(EMBEDDED.as_bytes())).expect("entry")),
        fresh
    );
}

#[test]
fn the_key_of_a_file_read_in_pieces_is_the_key_of_its_bytes() {
    let dir = scratch("key");
    let path = dir.join("base.ron");
    std::fs::write(&path, EMBEDDED).expect("write");
    assert_eq!(
        Key::of_file(&path).expect("read"),
        Key::of(EMBEDDED.as_bytes())
    );
    let big: String = EMBEDDED.repeat(5);
    std::fs::write(&path, &big).expect("write");
    assert_eq!(Key::of_file(&path).expect("read"), Key::of(big.as_bytes()));
    assert_ne!(Key::of(big.as_bytes()), Key::of(EMBEDDED.as_bytes()));
}

#[test]
fn the_shipped_base_is_the_one_the_build_prepared() {
    let shipped = prepare::shipped_catalog().expect("the build's catalog decodes");
    let index = crate::search::SearchIndex::new(&shipped);
    let prepared = Prepared {
        catalog: std::sync::Arc::new(shipped),
        index,
        problems: Vec::new(),
    };
    let fresh = prepare::open(Some(base()), &Cache::off()).expect("opens");
    assert_eq!(seen(&prepared), seen(&fresh.prepared));
    let opened = prepare::open(None, &Cache::off()).expect("opens");
    assert_eq!(seen(&opened.prepared), seen(&fresh.prepared));
    assert!(opened.entry.is_none(), "the shipped base is not cached");
}

mod damage {
    use std::sync::OnceLock;

    use proptest::prelude::*;

    use super::{Cache, EMBEDDED, Key, open_and_store, scratch, seen};

    /// A sound entry's bytes and what the base it holds looks like, made once.
    fn stored() -> &'static (Vec<u8>, String) {
        static STORED: OnceLock<(Vec<u8>, String)> = OnceLock::new();
        STORED.get_or_init(|| {
            let dir = scratch("property-source");
            let cache = Cache::at(&dir);
            let fresh = seen(&open_and_store(&cache));
            let path = dir.join(Key::of(EMBEDDED.as_bytes()).file_name());
            (std::fs::read(path).expect("entry"), fresh)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        /// However an entry is damaged (bytes changed anywhere, then perhaps cut short or
        /// lengthened), reading it gives nothing or the very base that was stored.
        #[test]
        fn damage_never_reads_as_another_base(
            flips in proptest::collection::vec((any::<prop::sample::Index>(), 1..=255u8), 1..6),
            resize in proptest::option::of((any::<prop::sample::Index>(), any::<bool>())),
        ) {
            let (good, fresh) = stored();
            let mut bytes = good.clone();
            for (at, mask) in &flips {
                let at = at.index(bytes.len());
                bytes[at] ^= mask;
            }
            if let Some((at, grow)) = resize {
                if grow {
                    bytes.extend(std::iter::repeat_n(0u8, at.index(64) + 1));
                } else {
                    bytes.truncate(at.index(bytes.len()));
                }
            }
            let dir = scratch("property");
            let key = Key::of(EMBEDDED.as_bytes());
            std::fs::write(dir.join(key.file_name()), &bytes).expect("write");
            if let Some(read) = Cache::at(&dir).read(key) {
                prop_assert_eq!(&seen(&read), fresh);
            }
        }
    }
}

/// An entry whose checksums hold but whose catalog was forged (a topic made its own child)
/// is refused, and the open prepares the file afresh.
#[test]
fn a_forged_entry_with_sound_checksums_is_refused() {
    use std::borrow::Cow;

    use super::file::{self, PIECES};
    use crate::catalog::{Node, NodeId};

    let dir = scratch("forged");
    let cache = Cache::at(&dir);
    let fresh = prepare::open(Some(base()), &Cache::off()).expect("opens");
    let catalog = &fresh.prepared.catalog;
    let mut pieces: Vec<Vec<Node>> = catalog.pieces(PIECES).map(<[Node]>::to_vec).collect();
    pieces[0][0].children.push(NodeId::new(0));
    let stored = fresh.prepared.index.stored();
    let (vocabulary, tables) = stored.parts();
    let key = Key::of(EMBEDDED.as_bytes());
    let path = dir.join(key.file_name());
    file::write(&path, key.0, |section| match section {
        0 => Cow::Owned(bitcode::encode(&catalog.head())),
        n if n <= PIECES => Cow::Owned(bitcode::encode(&pieces[n - 1])),
        n if n == PIECES + 1 => Cow::Owned(bitcode::encode(&fresh.prepared.problems)),
        n if n < PIECES + 2 + crate::search::TABLE_SECTIONS => {
            Cow::Owned(tables.encode_section(n - PIECES - 2))
        }
        _ => Cow::Borrowed(vocabulary),
    })
    .expect("written");
    assert!(cache.read(key).is_none());
    let reopened = prepare::open(Some(base()), &cache).expect("opens");
    assert_eq!(seen(&reopened.prepared), seen(&fresh.prepared));
    assert!(
        reopened.entry.is_some(),
        "the forged entry is to be replaced"
    );
}

/// The entry a file had last time is read while the file is hashed; when the file has
/// changed without changing its size or time, the hash tells, and the new text is read.
#[test]
fn a_wrong_hint_costs_time_never_the_right_base() {
    let dir = scratch("hint");
    let cache = Cache::at(&dir);
    let file = dir.with_extension("ron");
    let original = EMBEDDED.replacen("Cell therapy", "Cell thérapy", 1);
    let changed = EMBEDDED.replacen("Cell therapy", "Cell therapy!", 1);
    assert_eq!(original.len(), changed.len(), "same size, other bytes");
    std::fs::write(&file, &original).expect("write");
    let time = std::fs::metadata(&file)
        .expect("meta")
        .modified()
        .expect("time");
    prepare::open(Some(&file), &cache).expect("opens").store();
    let hinted = prepare::open(Some(&file), &cache).expect("opens");
    assert!(hinted.entry.is_none(), "the hinted entry is used");
    std::fs::write(&file, &changed).expect("write");
    let handle = std::fs::File::options()
        .append(true)
        .open(&file)
        .expect("open");
    handle.set_modified(time).expect("the old time");
    let reopened = prepare::open(Some(&file), &cache).expect("opens");
    assert!(reopened.prepared.catalog.title.contains("therapy!"));
    std::fs::write(&file, &changed).expect("write");
    let fresh = prepare::open(Some(&file), &Cache::off()).expect("opens");
    assert_eq!(seen(&reopened.prepared), seen(&fresh.prepared));
}
