import Foundation

/// Serialises the kaizen commands that write records in one workspace, from
/// the moment they read the records to the moment their last file is in place.
/// Two edits of one record then never both start from the same bytes: the
/// second reads what the first wrote and applies its change on top, or refuses
/// it. Creating a record holds it too, so two runs cannot both find an id free.
///
/// The lock is `flock(2)` on the workspace's root folder: no lock file is left
/// in the work tree, and the kernel releases the lock when the process ends,
/// however it ends (kill -9 included). It orders kaizen runs only; an editor
/// saving the file meanwhile is caught by `AtomicFile.replaceUserFile`, which
/// writes nothing over bytes it did not read.
public enum RecordWriteLock {
    /// How long a command waits for another to finish before giving up: edits
    /// take well under a second, so a lock held longer belongs to a run that hangs.
    public static let defaultWait: Duration = .seconds(10)

    /// Runs `body` holding the lock, waiting at most `wait` for it.
    public static func holding<Result>(_ workspace: Workspace, waitingAtMost wait: Duration = defaultWait,
                                       _ body: () throws -> Result) throws -> Result {
        let root = workspace.root.path
        let descriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw KaizenError.cannotWrite(path: root, reason: "cannot open it to lock it: \(String(cString: strerror(errno)))")
        }
        // Closing the descriptor releases the lock.
        defer { close(descriptor) }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: wait)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else {
                throw KaizenError.cannotWrite(path: root, reason: "cannot lock it against other kaizen runs: \(String(cString: strerror(code)))")
            }
            guard clock.now < deadline else { throw KaizenError.lockedByAnotherRun(path: root, waited: wait) }
            usleep(10_000)
        }
        return try body()
    }
}
