namespace EcomRules.Testing;

/// <summary>A kind of fault a <see cref="FaultInjectingStore"/> injects.</summary>
public enum InjectedFaultKind
{
    /// <summary>A call was delayed, then ran.</summary>
    Delay = 0,

    /// <summary>A save failed with a concurrency conflict; nothing was saved.</summary>
    Conflict = 1,

    /// <summary>A save crashed before it committed; nothing was saved.</summary>
    CrashBeforeCommit = 2,

    /// <summary>A save crashed after it committed; everything was saved, but the caller got an exception.</summary>
    CrashAfterCommit = 3,
}
