use std::io;
use std::process::ExitCode;

use clap::Parser;
use hepatree::app::App;
use hepatree::cli::{self, Cli};
use hepatree::state::Store;
use hepatree::theme::Theme;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(command) = &cli.command {
        return cli::run_command(&cli, command);
    }
    let catalog = match cli::load_catalog(&cli) {
        Ok(catalog) => catalog,
        Err(code) => return code,
    };
    let mut app = App::new(catalog, Theme::from_env());
    app.knowledge_name = cli::knowledge_key(&cli);
    if let Some(store) = Store::locate(&app.knowledge_name) {
        app.attach(store, cli.fresh);
    }
    let result = explore(&mut app);
    if let Err(error) = app.save() {
        eprintln!("hepatree: {error}");
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("hepatree: terminal error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Runs the explorer full-screen. `ratatui::init` restores the terminal on panic; the extra
/// hook also turns mouse reporting off first, so a crash leaves a usable shell.
fn explore(app: &mut App) -> io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    let result = execute!(io::stdout(), EnableMouseCapture).and_then(|()| app.run(&mut terminal));
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}
