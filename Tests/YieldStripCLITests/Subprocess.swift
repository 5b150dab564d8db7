import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The built `yieldstrip` run as a real process, for what only a process shows: signals, the exit status
/// and the memory it peaked at.
///
/// The child is spawned with SIGPIPE at its default action whatever this test process does with it (a
/// disposition set to "ignore" would otherwise be inherited), so that a tool which does not handle a
/// closed pipe itself is killed by it, as it would be in a shell.
enum Subprocess {
    /// How a run ended.
    struct Outcome {
        /// The exit status when the process exited; nil when a signal ended it.
        var exitStatus: Int32?
        /// The signal that ended it, if one did.
        var signal: Int32?
        /// Its peak resident memory in bytes as `wait4` reports it (on Linux this includes the spawning
        /// process's own peak, recorded at the exec: see ``peakMemoryAnswering(_:_:input:lines:)``).
        var maxResidentBytes: Int
        var stderr: String
        /// What was read from its standard output (see ``StandardOutput``).
        var stdout: String
    }

    /// Where the child's standard output goes.
    enum StandardOutput {
        /// A pipe whose read end is closed before the child starts: the first write fails.
        case closedPipe
        /// A pipe read until its first newline, then closed while the child may still be writing (`| head -1`).
        case firstLineThenClosed
        /// A file, read back after the child exits.
        case file
    }

    /// Runs `tool` with `arguments`, standard input from the file `stdinPath` (or /dev/null), and waits.
    static func run(_ tool: String, _ arguments: [String], stdinPath: String? = nil, stdout mode: StandardOutput) throws -> Outcome {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("yieldstrip-subprocess-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let stderrPath = scratch.appendingPathComponent("stderr").path
        let stdoutPath = scratch.appendingPathComponent("stdout").path

        // Both ends close on exec, so that no other process spawned meanwhile keeps the read end open.
        var pipeEnds: [Int32] = [-1, -1]
        if mode != .file {
            try #require(pipe(&pipeEnds) == 0)
            for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        }
        if mode == .closedPipe { close(pipeEnds[0]) }

        #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t? = nil
            var attributes: posix_spawnattr_t? = nil
        #else
            var actions = posix_spawn_file_actions_t()
            var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, stdinPath ?? "/dev/null", O_RDONLY, 0)
        if mode == .file {
            posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        } else {
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        }
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

        let argv: [UnsafeMutablePointer<CChar>?] = ([tool] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, tool, &actions, &attributes, argv, environ)
        if mode != .file { close(pipeEnds[1]) }
        try #require(spawned == 0, "posix_spawn failed: \(spawned)")

        var stdout = ""
        if mode == .firstLineThenClosed {
            var bytes: [UInt8] = []
            var byte: UInt8 = 0
            while read(pipeEnds[0], &byte, 1) == 1 {
                bytes.append(byte)
                if byte == UInt8(ascii: "\n") { break }
            }
            close(pipeEnds[0])
            stdout = String(decoding: bytes, as: UTF8.self)
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        if mode == .file { stdout = (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
        let signal = status & 0x7F
        #if canImport(Darwin)
            let maxResident = Int(usage.ru_maxrss)
        #else
            let maxResident = Int(usage.ru_maxrss) * 1024
        #endif
        return Outcome(
            exitStatus: signal == 0 ? (status >> 8) & 0xFF : nil, signal: signal == 0 ? nil : signal,
            maxResidentBytes: maxResident,
            stderr: (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "", stdout: stdout)
    }

    /// Runs `tool` with `arguments`, writes `input` to its standard input through a pipe, reads its standard
    /// output until `lines` lines have come, then reads the peak resident memory of the process (`VmHWM` in
    /// `/proc/<pid>/status`: its own, from its exec on) while it waits for more input, closes its input and
    /// waits for it. Linux only (nil elsewhere).
    static func peakMemoryAnswering(_ tool: String, _ arguments: [String], input: Data, lines: Int) throws -> (outcome: Outcome, peakBytes: Int)? {
        guard FileManager.default.fileExists(atPath: "/proc/self/status") else { return nil }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("yieldstrip-subprocess-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let stderrPath = scratch.appendingPathComponent("stderr").path
        var inEnds: [Int32] = [-1, -1]
        var outEnds: [Int32] = [-1, -1]
        try #require(pipe(&inEnds) == 0 && pipe(&outEnds) == 0)
        for end in inEnds + outEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }

        #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t? = nil
        #else
            var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inEnds[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outEnds[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = ([tool] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, tool, &actions, nil, argv, environ)
        close(inEnds[0])
        close(outEnds[1])
        try #require(spawned == 0, "posix_spawn failed: \(spawned)")

        // The input, whole (the answers are a few short lines: they never fill the output pipe meanwhile).
        input.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard var next = buffer.baseAddress else { return }
            var remaining = buffer.count
            while remaining > 0 {
                let written = write(inEnds[1], next, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                next += written
                remaining -= written
            }
        }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var newlines = 0
        func readChunk() -> Bool {
            let count = read(outEnds[0], &chunk, chunk.count)
            guard count > 0 else { return false }
            output.append(contentsOf: chunk[0..<count])
            newlines += chunk[0..<count].lazy.filter { $0 == UInt8(ascii: "\n") }.count
            return true
        }
        while newlines < lines, readChunk() {}
        // Alive, waiting for more input: its peak so far is its peak.
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let peakKiB = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
            .flatMap { Int($0.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "") }
        close(inEnds[1])
        while readChunk() {}
        close(outEnds[0])
        var waitStatus: Int32 = 0
        var usage = rusage()
        while wait4(pid, &waitStatus, 0, &usage) < 0 && errno == EINTR {}
        let signal = waitStatus & 0x7F
        let outcome = Outcome(
            exitStatus: signal == 0 ? (waitStatus >> 8) & 0xFF : nil, signal: signal == 0 ? nil : signal,
            maxResidentBytes: (peakKiB ?? 0) * 1024,
            stderr: (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "",
            stdout: String(decoding: output, as: UTF8.self))
        return (outcome, try #require(peakKiB, "no VmHWM in /proc/\(pid)/status") * 1024)
    }
}
