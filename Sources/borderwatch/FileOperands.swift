import ArgumentParser

/// A command whose positional arguments are all article files.
protocol FileOperandCommand: ParsableCommand {
    var files: [String] { get set }
}

/// Keeps long file lists away from swift-argument-parser.
///
/// The parser stores each positional value by copying the array and the set of input positions
/// gathered so far, so 10,000 file names cost quadratic time (2.8 s, against 0.2 s for the same
/// files as one folder). For the commands below the parser sees the options and the first file
/// only — so `--help`, validation and "missing argument" stay its own — and the other files are
/// handed to the command afterwards, in their order.
enum FileOperands {
    /// The commands that take file lists, each with its options that take a value.
    /// An option missing here makes its value look like a file, so the parse fails loudly.
    static let commands: [String: Set<String>] = [
        "extract": ["--date"],
        "ingest": ["--batch", "--config", "--database"],
        "replay": ["--config", "--dates", "--database"],
    ]

    /// `arguments` (without the program name) split into what the parser reads and the files after
    /// the first, which it need not read.
    static func split(_ arguments: [String]) -> (parsed: [String], files: [String]) {
        guard let command = arguments.first, let takesValue = commands[command] else { return (arguments, []) }
        var parsed = [command]
        var files: [String] = []
        var sawOperand = false
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" {
                // everything after the terminator is a file, even "-x"
                let rest = arguments[index...]
                parsed.append(argument)
                if !sawOperand, let first = rest.first { parsed.append(first); files += rest.dropFirst() } else { files += rest }
                break
            }
            if argument.hasPrefix("-"), argument.count > 1 {
                parsed.append(argument)
                if takesValue.contains(argument), index < arguments.count {
                    parsed.append(arguments[index])
                    index += 1
                }
            } else if sawOperand {
                files.append(argument)
            } else {
                parsed.append(argument)
                sawOperand = true
            }
        }
        return (parsed, files)
    }
}
