/// An error that carries the `errno` of the system call that failed, so that callers can tell a
/// full disk (`ENOSPC`) from a bad file without knowing the error's type.
public protocol ErrnoCarrying {
    var errnoValue: Int32 { get }
}
