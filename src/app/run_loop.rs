//! The explorer's loop: draw a frame, wait for the reader (taking a reloaded file or a
//! finished index meanwhile), apply what they did, and carry out its effects.

use std::io;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyEvent};

use super::{App, Overlay};
use crate::action::Action;
use crate::input;
use crate::keymap;
use crate::signals::Stop;

/// What waiting gave the loop.
enum Next {
    Event(Event),
    /// Nothing from the reader, but the screen changed (a reload).
    Redraw,
    Quit,
}

impl App {
    /// Draws, waits for an event, applies it; until the reader quits. `pending` holds events
    /// that arrived before the explorer was ready (while a large file loaded); they are
    /// applied first, in order, each after a frame as if typed now.
    /// A termination signal (`stop`) or the loss of the terminal ends the loop like `q`.
    pub fn run(
        &mut self,
        terminal: &mut DefaultTerminal,
        pending: Vec<Event>,
        stop: &Stop,
    ) -> io::Result<()> {
        // crossterm starts listening for resizes when its event source is first used; do it
        // before the first frame so a resize right after start is not lost.
        event::poll(std::time::Duration::ZERO)?;
        let mut pending = pending.into_iter();
        while !self.should_quit {
            if let Err(error) = self.draw(terminal) {
                return input::gone_or(error);
            }
            if let Some(drawn) = self.first_frame.take() {
                let _ = drawn.send(());
            }
            let next = match pending.next() {
                Some(event) => Next::Event(event),
                None => self.wait(stop)?,
            };
            let event = match next {
                Next::Event(event) => event,
                Next::Redraw => continue,
                Next::Quit => return Ok(()),
            };
            match event {
                Event::Key(key) if key.is_press() => {
                    if self.awaits_index(key) {
                        self.view.status = Some("Preparing the search index…".to_owned());
                        if let Err(error) = self.draw(terminal) {
                            return input::gone_or(error);
                        }
                        self.model.searchable();
                    }
                    self.handle_key(key);
                }
                Event::Mouse(mouse) => self.handle_mouse(mouse),
                _ => {}
            }
            if let Some(text) = self.clipboard.take()
                && let Err(error) = crate::clipboard::send(terminal.backend_mut(), &text)
            {
                return input::gone_or(error);
            }
            if std::mem::take(&mut self.suspending)
                && let Err(error) = crate::suspend::suspend(terminal)
            {
                return input::gone_or(error);
            }
            if let Some(line) = self.editing.take() {
                self.run_editor(terminal, line);
            }
        }
        Ok(())
    }

    /// Asks to be told (through `drawn`) when the first frame is out.
    pub fn tell_first_frame(&mut self, drawn: std::sync::mpsc::Sender<()>) {
        self.first_frame = Some(drawn);
    }

    /// Draws a frame, then marks its links for terminals that follow them.
    fn draw(&mut self, terminal: &mut DefaultTerminal) -> io::Result<()> {
        let frame = terminal.draw(|frame| frame.render_widget(&mut *self, frame.area()))?;
        let links = crate::hyperlink::links(frame.buffer, self.view.hits.addresses());
        if links.is_empty() {
            return Ok(());
        }
        crate::hyperlink::write(terminal.backend_mut(), &links)
    }

    /// Whether `key` searches while the index is still being built, so the reader is told
    /// why the answer takes a moment.
    fn awaits_index(&mut self, key: KeyEvent) -> bool {
        let searching = matches!(self.view.overlay, Overlay::Search(_))
            || keymap::action_for(&self.contexts(), key) == Some(Action::OpenSearch);
        searching && !self.model.index_ready()
    }

    /// Waits for the reader, taking a new version of the file if one comes meanwhile.
    fn wait(&mut self, stop: &Stop) -> io::Result<Next> {
        loop {
            if stop.requested() {
                return Ok(Next::Quit);
            }
            match input::wait(crate::signals::POLL)? {
                input::Waited::Event(event) => return Ok(Next::Event(event)),
                input::Waited::Gone => return Ok(Next::Quit),
                input::Waited::Idle if self.take_reload() => return Ok(Next::Redraw),
                input::Waited::Idle => {
                    self.model.index_ready();
                }
            }
        }
    }
}
