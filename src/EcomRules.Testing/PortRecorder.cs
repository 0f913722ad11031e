using System.Globalization;

namespace EcomRules.Testing;

/// <summary>
/// The shared machinery of the fake ports: one lock, the call log, idempotency by key, simulated outages and the
/// optional description of each call for a sample host.
/// </summary>
internal sealed class PortRecorder
{
    private readonly string _port;
    private readonly List<PortCall> _calls = [];
    private int _failNext;

    internal PortRecorder(string port) => _port = port;

    /// <summary>Gets the lock every fake takes around its own state too.</summary>
    internal Lock Gate { get; } = new();

    internal TextWriter? Log { get; set; }

    internal IReadOnlyList<PortCall> Calls
    {
        get
        {
            lock (Gate)
            {
                return _calls.ToArray();
            }
        }
    }

    internal void FailNext(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (Gate)
        {
            _failNext = count;
        }
    }

    /// <summary>
    /// Runs one call under the lock: fails when told to (an outage hits repeats too), else returns the earlier result
    /// for a known key, else performs the call and records its effect unless <paramref name="isEffect"/> says it had none.
    /// </summary>
    internal TResult Call<TRequest, TResult>(string operation, string key, TRequest request, bool fail, EffectLog<TRequest, TResult> effects, Func<TRequest, TResult> perform, Func<TResult, bool>? isEffect = null)
        where TRequest : notnull
        where TResult : class
    {
        ArgumentNullException.ThrowIfNull(key, nameof(request));
        lock (Gate)
        {
            if (fail || _failNext > 0)
            {
                if (!fail)
                {
                    _failNext--;
                }

                Record(operation, key, request, PortCallOutcome.Failed);
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{_port}: simulated outage ({operation} {key})."));
            }

            if (effects.Find(key) is { } earlier)
            {
                Record(operation, key, request, PortCallOutcome.Repeated);
                return earlier;
            }

            var result = perform(request);
            var happened = isEffect is null || isEffect(result);
            if (happened)
            {
                effects.Add(key, request, result);
            }

            Record(operation, key, request, happened ? PortCallOutcome.Performed : PortCallOutcome.Refused);
            return result;
        }
    }

    private void Record(string operation, string key, object request, PortCallOutcome outcome)
    {
        var call = new PortCall(operation, key, request, outcome);
        _calls.Add(call);

        // The request's own ToString masks personal data (SEC-1), so the line is safe to print.
        Log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{_port}: {call}"));
    }
}
