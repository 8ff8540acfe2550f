//! Shared by the fuzz targets: drawing the explorer and checking what reached the screen.

use hepatree::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Draws `app` and fails on any control character in a cell: text from the file or the
/// query must never reach the terminal as a control sequence.
pub fn draw_clean(terminal: &mut Terminal<TestBackend>, app: &mut App) {
    terminal
        .draw(|frame| frame.render_widget(&mut *app, frame.area()))
        .expect("draw");
    for cell in terminal.backend().buffer().content() {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "control character on screen: {:?}",
            cell.symbol()
        );
    }
}
