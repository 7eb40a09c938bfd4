import Foundation

/// Wakes one waiting worker: `ring()` ends the current `wait`, or makes the next one return
/// at once, so a ring between two waits is never lost.
final class Doorbell: @unchecked Sendable {
    // All state below is guarded by `lock`.
    private let lock = NSLock()
    private var rung = false
    private var waiter: (token: UInt64, continuation: CheckedContinuation<Void, Never>)?
    private var nextToken: UInt64 = 0

    func ring() {
        lock.lock()
        if let waiter {
            self.waiter = nil
            lock.unlock()
            waiter.continuation.resume()
        } else {
            rung = true
            lock.unlock()
        }
    }

    /// Returns when rung, after `seconds`, or when the task is cancelled, whichever is first.
    func wait(seconds: Double) async {
        let token: UInt64 = lock.withLock {
            nextToken += 1
            return nextToken
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                lock.lock()
                if rung || Task.isCancelled || seconds <= 0 {
                    rung = false
                    lock.unlock()
                    continuation.resume()
                    return
                }
                waiter = (token, continuation)
                lock.unlock()
                DispatchQueue.global().asyncAfter(deadline: .now() + min(seconds, 86_400)) { [weak self] in
                    self?.release(token)
                }
            }
        } onCancel: {
            release(token)
        }
    }

    private func release(_ token: UInt64) {
        lock.lock()
        guard let waiter, waiter.token == token else { lock.unlock(); return }
        self.waiter = nil
        lock.unlock()
        waiter.continuation.resume()
    }
}
