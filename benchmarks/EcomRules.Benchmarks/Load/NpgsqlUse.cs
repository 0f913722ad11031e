using System.Diagnostics.Metrics;

namespace EcomRules.Benchmarks.Load;

/// <summary>
/// What a PostgreSQL load cell asked of Npgsql, from its own metrics (meter <c>Npgsql</c>): operations executed (one
/// per command or batch, each one round trip once its statements are prepared; a transaction's <c>COMMIT</c> is not an
/// operation) and physical connections open and in use, sampled every few milliseconds.
/// </summary>
internal sealed class NpgsqlUse : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Timer _sampler;
    private readonly Lock _gate = new();
    private long _operations;
    private long _used;
    private long _idle;

    public NpgsqlUse()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Npgsql" && instrument.Name is "db.client.operation.duration" or "db.client.connection.count")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, _, _, _) =>
        {
            if (instrument.Name == "db.client.operation.duration")
            {
                Interlocked.Increment(ref _operations);
            }
        });
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Count(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Count(instrument, value, tags));
        _listener.Start();
        _sampler = new Timer(_ => Sample(), null, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(5));
    }

    /// <summary>Gets the operations executed so far.</summary>
    public long Operations => Interlocked.Read(ref _operations);

    /// <summary>Gets the most connections seen in use at once.</summary>
    public long MaxUsed { get; private set; }

    /// <summary>Gets the most physical connections seen open at once (in use and idle in the pool).</summary>
    public long MaxOpen { get; private set; }

    /// <summary>Forgets the maxima (the operation count keeps running; subtract).</summary>
    public void ResetMaxima()
    {
        lock (_gate)
        {
            MaxUsed = 0;
            MaxOpen = 0;
        }
    }

    public void Dispose()
    {
        _sampler.Dispose();
        _listener.Dispose();
    }

    private void Sample()
    {
        lock (_gate)
        {
            _used = 0;
            _idle = 0;
            _listener.RecordObservableInstruments();
            MaxUsed = Math.Max(MaxUsed, _used);
            MaxOpen = Math.Max(MaxOpen, _used + _idle);
        }
    }

    private void Count(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (instrument.Name != "db.client.connection.count")
        {
            return;
        }

        foreach (var tag in tags)
        {
            if (tag.Key == "db.client.connection.state")
            {
                if (Equals(tag.Value, "used"))
                {
                    _used += value;
                }
                else
                {
                    _idle += value;
                }
            }
        }
    }
}
