//! Splitting work over the machine's two cores, for the steps of opening a large file that
//! go topic by topic (indexing, finding links).

/// Below this many items (topics to index) one thread does the work.
const PARALLEL_FROM: usize = 2_000;

/// Runs `work` over `0..len`, split in two halves on two threads (the machine's cores) when
/// there is enough of it; the results come back in order.
pub fn in_halves<R: Send>(len: usize, work: impl Fn(std::ops::Range<usize>) -> R + Sync) -> Vec<R> {
    if len < PARALLEL_FROM {
        return vec![work(0..len)];
    }
    let middle = len / 2;
    std::thread::scope(|scope| {
        let later = scope.spawn(|| work(middle..len));
        let first = work(0..middle);
        match later.join() {
            Ok(later) => vec![first, later],
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}
