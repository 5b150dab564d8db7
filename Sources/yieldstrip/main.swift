#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import YieldStripCLI

exit(CLI.main(arguments: Array(CommandLine.arguments.dropFirst()), console: .standard()))
