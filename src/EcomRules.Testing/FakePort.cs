namespace EcomRules.Testing;

/// <summary>
/// What every fake port shares: the call log with repeats and failures, simulated outages, and the optional
/// description of each call that a sample host prints. Thread-safe.
/// </summary>
public abstract class FakePort
{
    private protected FakePort(string port) => Recorder = new PortRecorder(port);

    /// <summary>Gets or sets where to write one line per call describing what the real system would be asked; none when null.</summary>
    /// <value>The default is null.</value>
    public TextWriter? Log
    {
        get => Recorder.Log;
        set => Recorder.Log = value;
    }

    /// <summary>Gets every call received, repeats, refusals and failures included, in order.</summary>
    public IReadOnlyList<PortCall> Calls => Recorder.Calls;

    private protected PortRecorder Recorder { get; }

    /// <summary>Makes the next <paramref name="count"/> calls throw an <see cref="InvalidOperationException"/> ("simulated outage").</summary>
    /// <param name="count">How many calls fail; 0 ends a simulated outage.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public void FailNext(int count) => Recorder.FailNext(count);
}
