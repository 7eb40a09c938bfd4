import BorderwatchCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reading an article file for the CLI commands: its bytes and its modification day.
struct ArticleFile {
    let path: String
    /// The file's name without its folder.
    let name: String
    let bytes: [UInt8]
    /// The modification time as a UTC day: SCHEMA.md's last resort for the article's date.
    let modificationDay: Day

    /// The last component of `path`, ignoring trailing slashes; the path itself when it has none.
    static func name(of path: String) -> String {
        let utf8 = path.utf8
        // A `/` followed by a combining mark is no separator for Characters; such paths split as Characters.
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return path.split(separator: "/").last.map(String.init) ?? path }
        guard let end = utf8.lastIndex(where: { $0 != UInt8(ascii: "/") }) else { return path }
        let start = utf8[..<end].lastIndex(of: UInt8(ascii: "/")).map(utf8.index(after:)) ?? utf8.startIndex
        return String(path[start...end])
    }

    struct ReadError: Error, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "\(path): \(reason)" }
    }

    /// The paths themselves, except that a folder stands for the files directly inside it
    /// (in name order, dotfiles skipped). Passing a folder avoids a command line of thousands of names.
    static func expand(_ paths: [String]) -> [String] {
        var result: [String] = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR,
                  let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                result.append(path)
                continue
            }
            let folder = path.hasSuffix("/") ? path : path + "/"
            result += names.filter { !$0.hasPrefix(".") }.sorted().map { folder + $0 }
        }
        return result
    }

    /// Reads a regular file whole; refuses directories, FIFOs and devices without blocking on them.
    static func read(_ path: String) throws -> ArticleFile {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw ReadError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ReadError(path: path, reason: String(cString: strerror(errno))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw ReadError(path: path, reason: "not a regular file") }
        let size = Int(info.st_size)
        let bytes = try [UInt8](unsafeUninitializedCapacity: size) { buffer, filled in
            while filled < size {
                let n = Glibc.read(fd, buffer.baseAddress! + filled, size - filled)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw ReadError(path: path, reason: String(cString: strerror(errno)))
                }
                if n == 0 { break }
                filled += n
            }
        }
        let day = Day(ordinal: Int(info.st_mtim.tv_sec) / 86_400 - (info.st_mtim.tv_sec < 0 ? 1 : 0))
        return ArticleFile(path: path, name: name(of: path), bytes: bytes, modificationDay: day)
    }
}
