/// The release, shown by `kaizen --version` and written into SARIF logs.
public enum KaizenVersion {
    public static let current = "0.1.0"
}
