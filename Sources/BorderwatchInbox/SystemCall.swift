#if canImport(Glibc)
import Glibc
#endif
import BorderwatchCore

/// A failed system call: its name, the path or object it was about, and `errno`.
public struct SystemCallError: Error, CustomStringConvertible {
    public var call: String
    public var subject: String
    public var errno: Int32

    public init(call: String, subject: String, errno: Int32) {
        self.call = call
        self.subject = subject
        self.errno = errno
    }

    public var description: String {
        "\(call)(\(subject)) failed: \(String(cString: strerror(errno))) (errno \(errno))"
    }
}

/// Runs a system call that returns -1 on failure, retrying on `EINTR`, and throws an error
/// naming the call. The one path for syscalls in the daemon.
@discardableResult
public func systemCall<T: BinaryInteger>(_ call: String, _ subject: String = "", _ body: () -> T) throws -> T {
    while true {
        let result = body()
        if result != -1 { return result }
        let code = Glibc.errno
        if code == EINTR { continue }
        throw SystemCallError(call: call, subject: subject, errno: code)
    }
}

extension SystemCallError: ErrnoCarrying {
    public var errnoValue: Int32 { errno }
}
