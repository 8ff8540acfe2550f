//! Opening the explorer without freezing the terminal.
//!
//! A 100,000-topic file takes about a second to parse, check and index, so that work runs on a
//! worker thread while the terminal shows a loading screen at once; keys pressed meanwhile are
//! kept and replayed in order once the explorer is ready, so nothing typed early is lost.
//! Ctrl-C or a termination signal gives up at once.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, TryRecvError};
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Stylize;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::app::App;
use crate::cache::Cache;
use crate::input::{self, Waited};
use crate::knowledge::{EMBEDDED_NAME, LoadError};
use crate::prepare;
use crate::sanitize::clean_line;
use crate::signals::Stop;
use crate::theme::DARK;

/// How the loading ended.
pub enum Outcome {
    /// The explorer, and the events that arrived while it loaded.
    Ready(Box<App>, Vec<Event>, Storing),
    Failed(LoadError),
    /// The reader pressed Ctrl-C before the file was ready.
    Quit,
}

/// How long the index waits for the explorer's first frame before it is built anyway.
const FIRST_FRAME_WITHIN: Duration = Duration::from_millis(500);

/// How long the explorer may take to be ready before a loading screen is shown.
const NO_SCREEN_WITHIN: Duration = Duration::from_millis(40);

/// How often the loading screen updates its clock while waiting.
const TICK: Duration = Duration::from_millis(100);

/// A knowledge base being loaded on a worker thread.
pub struct Loading {
    screen: LoadingScreen,
    receiver: mpsc::Receiver<Loaded>,
    loader: std::thread::JoinHandle<()>,
}

/// Starts loading `path` (the embedded base when `None`): early, so the loading goes on
/// while the terminal is being set up.
pub fn start(path: Option<PathBuf>, cache: Cache) -> io::Result<Loading> {
    let screen = LoadingScreen::new(path.as_deref());
    let (receiver, loader) = load_in_background(path, cache)?;
    Ok(Loading {
        screen,
        receiver,
        loader,
    })
}

/// Waits for the explorer, drawing the loading screen until it is ready.
pub fn open(terminal: &mut DefaultTerminal, loading: Loading, stop: &Stop) -> io::Result<Outcome> {
    let Loading {
        screen,
        receiver,
        loader,
    } = loading;
    let storing = Storing(Some(loader));
    // A base the cache holds (or a small file) is ready before a loading screen would be
    // worth drawing: the first frame is then the explorer itself.
    match receiver.recv_timeout(NO_SCREEN_WITHIN) {
        Ok(Ok(app)) => return Ok(Outcome::Ready(app, Vec::new(), storing)),
        Ok(Err(error)) => return Ok(Outcome::Failed(error)),
        Err(_) => {}
    }
    // Starts crossterm's event source, so a resize during loading is seen.
    event::poll(Duration::ZERO)?;
    let started = Instant::now();
    let mut pending = Vec::new();
    loop {
        if let Err(error) =
            terminal.draw(|frame| screen.render(frame.area(), frame.buffer_mut(), started))
        {
            return input::gone_or(error).map(|()| Outcome::Quit);
        }
        if let Some(outcome) = wait_a_tick(&receiver, stop, &mut pending) {
            return outcome.map(|outcome| match outcome {
                Outcome::Ready(app, pending, _) => Outcome::Ready(app, pending, storing),
                other => other,
            });
        }
    }
}

type Loaded = Result<Box<App>, LoadError>;

/// The loading thread, which goes on to store a freshly prepared base in the cache once the
/// explorer has it.
pub struct Storing(Option<std::thread::JoinHandle<()>>);

impl Storing {
    /// Waits until the cache entry is written, so a reader who quits at once still finds
    /// the file ready next time; a termination signal stops the wait.
    pub fn finish(self, stop: &Stop) {
        let Some(loader) = self.0 else {
            return;
        };
        while !loader.is_finished() {
            if stop.requested() {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = loader.join();
    }
}

/// Loads the file and makes the explorer on a thread of its own, which then stores a freshly
/// prepared base in the cache while the reader is already reading.
fn load_in_background(
    path: Option<PathBuf>,
    cache: Cache,
) -> io::Result<(mpsc::Receiver<Loaded>, std::thread::JoinHandle<()>)> {
    let (sender, receiver) = mpsc::channel();
    let loader = std::thread::Builder::new()
        .name("load".to_owned())
        .spawn(move || {
            // The receiver is gone only if the reader quit; nobody needs the result then.
            let base = match prepare::begin(path.as_deref(), &cache) {
                Ok(base) => base,
                Err(error) => {
                    let _ = sender.send(Err(error));
                    return;
                }
            };
            // The tree is usable before the index: the explorer takes it when it comes.
            let (index_sender, coming) = mpsc::channel();
            let catalog = Arc::clone(&base.catalog);
            // Dark until the terminal has said its background: the explorer is given the
            // chosen theme before its first frame.
            let mut app = Box::new(App::indexing(catalog, base.problems.clone(), coming, &DARK));
            app.set_file(path, base.name.clone());
            let (drawn, first_frame) = mpsc::channel();
            app.tell_first_frame(drawn);
            let _ = sender.send(Ok(app));
            // The first frame gets the cores to itself; a frame not out by then is not waited for.
            let _ = first_frame.recv_timeout(FIRST_FRAME_WITHIN);
            let (index, entry) = base.index(&cache);
            let _ = index_sender.send(index);
            if let Some(entry) = entry {
                entry.write();
            }
        })?;
    Ok((receiver, loader))
}

/// Waits up to a tick for the loaded explorer, keeping the keys typed meanwhile; the
/// outcome when there is one, `None` when the loading screen should be drawn again.
fn wait_a_tick(
    receiver: &mpsc::Receiver<Loaded>,
    stop: &Stop,
    pending: &mut Vec<Event>,
) -> Option<io::Result<Outcome>> {
    let deadline = Instant::now() + TICK;
    while Instant::now() < deadline {
        if stop.requested() {
            return Some(Ok(Outcome::Quit));
        }
        match receiver.try_recv() {
            Ok(Ok(app)) => {
                let pending = std::mem::take(pending);
                return Some(Ok(Outcome::Ready(app, pending, Storing(None))));
            }
            Ok(Err(error)) => return Some(Ok(Outcome::Failed(error))),
            Err(TryRecvError::Disconnected) => {
                return Some(Err(io::Error::other("the loading thread stopped")));
            }
            Err(TryRecvError::Empty) => {}
        }
        let event = match input::wait(Duration::from_millis(5)) {
            Ok(Waited::Event(event)) => event,
            Ok(Waited::Idle) => continue,
            Ok(Waited::Gone) => return Some(Ok(Outcome::Quit)),
            Err(error) => return Some(Err(error)),
        };
        match event {
            Event::Key(key)
                if key.code == KeyCode::Char('c')
                    && key.modifiers.contains(KeyModifiers::CONTROL) =>
            {
                return Some(Ok(Outcome::Quit));
            }
            Event::Resize(..) => return None,
            event @ (Event::Key(_) | Event::Mouse(_) | Event::Paste(_)) => pending.push(event),
            _ => {}
        }
    }
    None
}

/// What the terminal shows while a file loads.
struct LoadingScreen {
    name: String,
    size: Option<u64>,
}

impl LoadingScreen {
    fn new(path: Option<&Path>) -> Self {
        let name = path.map_or_else(
            || EMBEDDED_NAME.to_owned(),
            |p| clean_line(&p.display().to_string()),
        );
        let size = path
            .and_then(|p| std::fs::metadata(p).ok())
            .map(|m| m.len());
        Self { name, size }
    }

    fn render(&self, area: Rect, buf: &mut Buffer, started: Instant) {
        let size = self.size.map_or_else(String::new, |bytes| {
            format!(
                " ({}.{} MB)",
                bytes / 1_000_000,
                bytes % 1_000_000 / 100_000
            )
        });
        let seconds = started.elapsed().as_secs_f64();
        let lines = vec![
            Line::from("hepatree".bold()),
            Line::from(""),
            Line::from(format!("Opening {}{size} … {seconds:.1} s", self.name)),
            Line::from("Keys typed now are kept. Ctrl-C quits.".dim()),
        ];
        let height = u16::try_from(lines.len()).unwrap_or(u16::MAX);
        let [_, middle, _] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(height),
            Constraint::Fill(1),
        ])
        .areas(area);
        Paragraph::new(lines).centered().render(middle, buf);
    }
}
