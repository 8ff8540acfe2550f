//! The README images must show what the explorer draws now (when this fails, run
//! `cargo run --example screenshots` and commit the result), and the screen snapshots must
//! all belong to a test.

use hepatree::screenshot::{SCENES, render};

#[test]
fn committed_screenshots_are_current() {
    for scene in SCENES {
        let path = format!(
            "{}/screenshots/{}.svg",
            env!("CARGO_MANIFEST_DIR"),
            scene.name
        );
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        let current = render(scene).expect("scene renders");
        assert!(
            committed == current,
            "screenshots/{}.svg is stale: run `cargo run --example screenshots`",
            scene.name
        );
    }
}

/// Every committed screen snapshot belongs to a test that still names it, and none waits
/// for review: a renamed or removed test must take its snapshot with it.
#[test]
fn every_snapshot_is_referenced_and_none_is_pending() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/explorer/snapshots");
    for entry in std::fs::read_dir(&dir).expect("snapshots folder") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        assert!(
            path.extension().is_some_and(|e| e == "snap"),
            "{name} is not a reviewed snapshot"
        );
        let stem = name.strip_suffix(".snap").expect("a .snap file");
        let rest = stem.strip_prefix("explorer__").expect("named by its crate");
        let (module, snapshot) = rest.split_once("__").expect("module and name");
        let source = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(format!("tests/explorer/{module}.rs")),
        )
        .unwrap_or_default();
        let sized = format!("\"{snapshot}\"");
        let unsized_name = snapshot
            .rsplit_once('_')
            .filter(|(_, size)| size.split_once('x').is_some())
            .map(|(base, _)| format!("\"{base}\""));
        assert!(
            source.contains(&sized) || unsized_name.is_some_and(|n| source.contains(&n)),
            "{name} is not named by any test in tests/explorer/{module}.rs"
        );
    }
}
