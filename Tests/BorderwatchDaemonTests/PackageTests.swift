import BorderwatchTestSupport
import Foundation
import Testing

/// `scripts/package-deb.sh` builds a Debian package with the binary, the unit, the sysusers and
/// tmpfiles entries and the configuration as a conffile; it installs into a scratch root with
/// `dpkg --root`, where its maintainer scripts create the user without touching this machine.
@Suite struct PackageTests {
    static var canBuildPackages: Bool {
        ["/usr/bin/dpkg-deb", "/usr/bin/dpkg", "/usr/bin/fakeroot"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a command, its output and status.
    @discardableResult
    func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @Test func thePackageHoldsTheServiceAndInstallsIntoAScratchRoot() throws {
        guard Self.canBuildPackages else {
            print("PackageTests: skipped, needs dpkg-deb, dpkg and fakeroot")
            return
        }
        let binary = try #require(borderwatchBinary())
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let built = try run(repo + "/scripts/package-deb.sh", ["--binary", binary, "--output", dir.path])
        #expect(built.status == 0, "\(built.output)")
        let deb = try #require(built.output.split(separator: "\n").last.map(String.init))
        #expect(deb.hasSuffix("_amd64.deb") && FileManager.default.fileExists(atPath: deb))

        let contents = try run("/usr/bin/dpkg-deb", ["-c", deb]).output
        for path in ["./usr/bin/borderwatch", "./lib/systemd/system/borderwatch.service", "./usr/lib/sysusers.d/borderwatch.conf",
                     "./usr/lib/tmpfiles.d/borderwatch.conf", "./etc/borderwatch/borderwatch.toml", "./usr/share/doc/borderwatch/copyright"] {
            #expect(contents.contains(path), "\(path) missing from \(contents)")
        }
        #expect(try run("/usr/bin/dpkg-deb", ["-I", deb, "conffiles"]).output.contains("/etc/borderwatch/borderwatch.toml"))
        #expect(try run("/usr/bin/dpkg-deb", ["-f", deb, "Package", "Architecture"]).output.contains("Package: borderwatch"))

        // a scratch root with an empty dpkg database; the scripts run chrootless with DPKG_ROOT set
        let root = dir.path + "/root"
        for folder in ["/var/lib/dpkg/info", "/var/lib/dpkg/updates", "/etc"] {
            try FileManager.default.createDirectory(atPath: root + folder, withIntermediateDirectories: true)
        }
        _ = FileManager.default.createFile(atPath: root + "/var/lib/dpkg/status", contents: nil)
        let installed = try run("/usr/bin/dpkg", ["--root=" + root, "--force-depends", "--force-script-chrootless", "--force-not-root",
                                                  "--log=/dev/null", "-i", deb])
        #expect(installed.status == 0, "\(installed.output)")
        #expect(FileManager.default.isExecutableFile(atPath: root + "/usr/bin/borderwatch"))
        let unit = try String(contentsOfFile: root + "/lib/systemd/system/borderwatch.service", encoding: .utf8)
        #expect(unit.contains("ExecStart=/usr/bin/borderwatch run"))
        #expect(try run(root + "/usr/bin/borderwatch", ["--version"]).output.contains("0."))
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-sysusers") {
            let passwd = (try? String(contentsOfFile: root + "/etc/passwd", encoding: .utf8)) ?? ""
            #expect(passwd.contains("borderwatch:"), "the user is created in the scratch root")
        }
        let host = (try? String(contentsOfFile: "/etc/passwd", encoding: .utf8)) ?? ""
        #expect(!host.contains("\nborderwatch:"), "nothing installed on this machine")
        #expect(try run("/usr/bin/dpkg", ["--root=" + root, "--force-script-chrootless", "--force-not-root", "--log=/dev/null",
                                          "--purge", "borderwatch"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: root + "/usr/bin/borderwatch"))
    }
}
