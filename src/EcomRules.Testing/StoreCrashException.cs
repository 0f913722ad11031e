namespace EcomRules.Testing;

/// <summary>
/// Thrown by a <see cref="FaultInjectingStore"/> for a crash it injects: the connection dropped, the process died,
/// the disk failed. <see cref="Committed"/> says whether the save had in fact committed, which a real caller cannot
/// know; only retrying with the same command ID is safe either way.
/// </summary>
public sealed class StoreCrashException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="committed">Whether the save had committed.</param>
    public StoreCrashException(bool committed)
        : base(committed
            ? "Injected crash after the save committed: the change is stored, but the caller was not told."
            : "Injected crash before the save committed: nothing was stored.")
    {
        Committed = committed;
    }

    /// <summary>Gets whether the save had committed before the crash.</summary>
    public bool Committed { get; }
}
