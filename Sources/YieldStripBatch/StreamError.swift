import YieldStrip
import YieldStripJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A read or write on one of the standard streams that failed (a full disk, a directory as standard
/// input, a closed descriptor): the tool reports it on stderr and exits 1.
public struct StreamError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `read` or `write`.
    public enum Operation: String, Sendable { case read, write }

    public let operation: Operation
    /// The stream's name: `standard output`, `standard input`.
    public let stream: String
    /// The system's reason (`No space left on device`).
    public let reason: String

    public init(_ operation: Operation, stream: String, reason: String) {
        self.operation = operation
        self.stream = stream
        self.reason = reason
    }

    /// `cannot write to standard output: No space left on device`.
    public var description: String {
        "cannot \(operation.rawValue) \(operation == .read ? "from" : "to") \(stream): \(reason)"
    }

    /// The error of the last failed system call, for `stream`.
    static func fromErrno(_ operation: Operation, stream: String) -> StreamError {
        StreamError(operation, stream: stream, reason: systemErrorText(errno))
    }
}

/// The conventional name of a descriptor, for messages.
func streamName(ofDescriptor descriptor: Int32) -> String {
    switch descriptor {
    case 0: return "standard input"
    case 1: return "standard output"
    case 2: return "standard error"
    default: return "file descriptor \(descriptor)"
    }
}
