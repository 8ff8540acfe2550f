//! The README images must show what the explorer draws now. When this fails, run
//! `cargo run --example screenshots` and commit the result.

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
