using System.Diagnostics;
using System.Globalization;

namespace EcomRules.CrashTest;

/// <summary>
/// Where a child SIGKILLs itself: at the <see cref="Nth"/> save of a command named <see cref="What"/> (before the
/// commit, while it is being written, or after it, before the caller hears back), or right after the
/// <see cref="Nth"/> new effect of port <see cref="What"/> committed (before the dispatcher completes its message).
/// Written <c>save:PayOrder:3:during</c> or <c>port:invoice:2</c>. Counts start again in every child.
/// </summary>
internal sealed class KillPoint(string where, string what, int nth, string mode)
{
    /// <summary>The exit code of a process ended by SIGKILL (128 + 9).</summary>
    public const int KilledExitCode = 137;

    private int _seen;

    public string Where => where;

    public string What => what;

    public int Nth => nth;

    public string Mode => mode;

    public static KillPoint? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var parts = text.Split(':');
        return new KillPoint(parts[0], parts[1], int.Parse(parts[2], CultureInfo.InvariantCulture), parts.Length > 3 ? parts[3] : "after");
    }

    /// <summary>Counts an occurrence of <paramref name="what"/> at <paramref name="where"/>; true at the chosen one.</summary>
    public bool Hits(string where, string? what)
        => Where == where && What == what && Interlocked.Increment(ref _seen) == Nth;

    /// <summary>SIGKILLs this process: no finally block, flush or dispose runs.</summary>
    public static void Die()
    {
        Process.GetCurrentProcess().Kill();
        Thread.Sleep(Timeout.Infinite);
    }

    public override string ToString() => $"{Where}:{What}:{Nth.ToString(CultureInfo.InvariantCulture)}{(Where == "save" ? ":" + Mode : string.Empty)}";
}
