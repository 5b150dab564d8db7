import YieldStripCLI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// A closed pipe on standard output (`yieldstrip batch | head -1`) must not kill the process with SIGPIPE:
// ignored, the write fails with EPIPE and is reported as every failed write is ("Error: cannot write to
// standard output: Broken pipe", exit status 1).
signal(SIGPIPE, SIG_IGN)
exit(CLI.main(arguments: Array(CommandLine.arguments.dropFirst()), console: .standard()))
