import Foundation
@testable import KaizenKit
import Testing

/// The workspace write lock, held by another process (flock(1), as a second
/// kaizen run would hold it) or by this one.
@Suite struct RecordWriteLockTests {
    /// Starts a shell that locks ROOT with flock(1) and becomes `sleep 30`,
    /// and returns once the lock is held: one process holds it, so killing
    /// that process releases it.
    func holdLock(on root: URL) throws -> BackgroundProcess {
        let holder = try BackgroundProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", "exec 9<\"$0\" && flock 9 && exec sleep 30", root.path],
                                           in: nil, environment: ProcessInfo.processInfo.environment)
        var tries = 0
        while !Self.isLocked(root), tries < 500 {
            usleep(10_000)
            tries += 1
        }
        return holder
    }

    static func isLocked(_ folder: URL) -> Bool {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { return true }
        flock(descriptor, LOCK_UN)
        return false
    }

    @Test func anotherProcessHoldingTheLockPastTheWaitStopsTheWriteWithAReason() throws {
        let folder = try EditWorkspace([:])
        let workspace = try folder.workspace()
        let holder = try holdLock(on: workspace.root)
        defer { holder.kill() }
        #expect(Self.isLocked(workspace.root))
        var ran = false
        #expect(folder.message { try RecordWriteLock.holding(workspace, waitingAtMost: .milliseconds(200)) { ran = true } }
            == "another kaizen command has been writing records in \(workspace.root.path) for over 0.2 s; "
            + "nothing was written: when it has finished (or if it hangs, once you have stopped it), run the command again")
        #expect(!ran)
    }

    @Test func theLockIsTakenOnceTheOtherProcessEnds() throws {
        let folder = try EditWorkspace([:])
        let workspace = try folder.workspace()
        let holder = try holdLock(on: workspace.root)
        let pid = holder.process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { kill(pid, SIGKILL) }
        // Another open file description sees the lock as another process would.
        let ran = try RecordWriteLock.holding(workspace, waitingAtMost: .seconds(20)) { Self.isLocked(workspace.root) }
        holder.process.waitUntilExit()
        #expect(ran)
        // Released when the body returns.
        #expect(!Self.isLocked(workspace.root))
    }

}
