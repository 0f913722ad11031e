using System.Text;
using NodaTime;

namespace EcomRules.Commands;

/// <summary>
/// Asks the store to keep a durable timer (an SLA warning or breach, a dispatch deadline, a return window closing):
/// saved with the change that scheduled it, fired by the timer scheduler once due. Scheduling the same
/// <see cref="TimerId"/> again moves it; a null <see cref="DueAt"/> cancels it.
/// </summary>
/// <remarks>
/// Domain code creates requests with <see cref="TimerRequest(AggregateKey, string, string, Instant?)"/>: the ID
/// <c>{kind}/{id}/{name}</c> is then built on first read (a store that never reads it allocates no string).
/// Equality is by ID, target, kind and due instant, however the request was created.
/// </remarks>
public sealed record TimerRequest
{
    private readonly AggregateKey _target;
    // The timer ID, or (when _isName) the part after "{Target.Kind}/{Target.Id}/", the ID being built when read:
    // one field for either, so a request takes 72 bytes.
    private readonly string _id;
    private readonly bool _isName;

    /// <summary>Creates a request with its timer ID.</summary>
    /// <param name="TimerId">Unique per timer, such as <c>order/42/SLA-1</c>.</param>
    /// <param name="Target">The aggregate the timer belongs to.</param>
    /// <param name="Kind">What the timer is for, such as <c>sla-breach</c> or <c>auto-complete</c>.</param>
    /// <param name="DueAt">When it is due; null cancels the timer.</param>
#pragma warning disable SA1313 // parameter names match the properties, as in a positional record
    public TimerRequest(string TimerId, AggregateKey Target, string Kind, Instant? DueAt)
#pragma warning restore SA1313
    {
        _id = TimerId ?? throw new ArgumentNullException(nameof(TimerId));
        _target = Target;
        this.Kind = Kind;
        this.DueAt = DueAt;
    }

    /// <summary>Creates a request for the timer <c>{target.Kind}/{target.Id}/{name}</c>; the ID string is built when first read.</summary>
    /// <param name="target">The aggregate the timer belongs to.</param>
    /// <param name="name">The timer's name under its aggregate, such as <c>SLA-1</c>.</param>
    /// <param name="kind">What the timer is for, such as <c>sla-breach</c> or <c>auto-complete</c>.</param>
    /// <param name="dueAt">When it is due; null cancels the timer.</param>
    public TimerRequest(AggregateKey target, string name, string kind, Instant? dueAt)
    {
        ArgumentNullException.ThrowIfNull(name);
        _target = target;
        _id = name;
        _isName = true;
        Kind = kind;
        DueAt = dueAt;
    }

    /// <summary>Gets the timer's ID, unique per timer, such as <c>order/42/SLA-1</c>.</summary>
    public string TimerId
    {
        get => _isName ? string.Concat(_target.Kind, "/", _target.Id, "/", _id) : _id;
        init
        {
            _id = value ?? throw new ArgumentNullException(nameof(value));
            _isName = false;
        }
    }

    /// <summary>Gets the aggregate the timer belongs to.</summary>
    public AggregateKey Target
    {
        get => _target;
        init
        {
            // The ID stays the one the request was created with.
            _id = TimerId;
            _isName = false;
            _target = value;
        }
    }

    /// <summary>
    /// Gets a comparer of requests by <see cref="TimerId"/> alone (ordinal), which compares and hashes IDs without
    /// building them: a store can key its timers by request.
    /// </summary>
    public static IEqualityComparer<TimerRequest> IdComparer { get; } = new TimerIdComparer();

    /// <summary>Gets what the timer is for, such as <c>sla-breach</c> or <c>auto-complete</c>.</summary>
    public string Kind { get; init; }

    /// <summary>Gets when it is due; null cancels the timer.</summary>
    public Instant? DueAt { get; init; }

    /// <summary>Gets the ID's length without building it.</summary>
    private string? FullId => _isName ? null : _id;

    private string? Name => _isName ? _id : null;

    internal int TimerIdLength => FullId?.Length ?? (_target.Kind.Length + _target.Id.Length + Name!.Length + 2);

    /// <summary>Deconstructs the request.</summary>
    /// <param name="TimerId">The timer ID.</param>
    /// <param name="Target">The aggregate.</param>
    /// <param name="Kind">What the timer is for.</param>
    /// <param name="DueAt">When it is due.</param>
#pragma warning disable SA1313
    public void Deconstruct(out string TimerId, out AggregateKey Target, out string Kind, out Instant? DueAt)
#pragma warning restore SA1313
    {
        TimerId = this.TimerId;
        Target = _target;
        Kind = this.Kind;
        DueAt = this.DueAt;
    }

    /// <summary>Writes the timer ID into <paramref name="destination"/> (at least <see cref="TimerIdLength"/> long) without building it.</summary>
    /// <param name="destination">Where to write.</param>
    /// <returns>The characters written.</returns>
    internal int WriteTimerId(Span<char> destination)
    {
        if (FullId is { } id)
        {
            id.CopyTo(destination);
            return id.Length;
        }

        var written = 0;
        Append(destination, ref written, _target.Kind);
        Append(destination, ref written, "/");
        Append(destination, ref written, _target.Id);
        Append(destination, ref written, "/");
        Append(destination, ref written, Name);
        return written;
    }

    /// <inheritdoc />
    public bool Equals(TimerRequest? other)
        => other is not null && (ReferenceEquals(this, other)
            || (_target == other._target
                && string.Equals(Kind, other.Kind, StringComparison.Ordinal)
                && DueAt == other.DueAt
                && SameId(this, other)));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_target, StringComparer.Ordinal.GetHashCode(Kind), DueAt);

    /// <summary>Whether two requests have the same timer ID, without building either.</summary>
    /// <param name="a">One request.</param>
    /// <param name="b">The other.</param>
    /// <returns>True when the IDs are equal (ordinal).</returns>
    internal static bool SameId(TimerRequest a, TimerRequest b)
    {
        if (a.FullId is not null && b.FullId is not null)
        {
            return string.Equals(a.FullId, b.FullId, StringComparison.Ordinal);
        }

        if (a.Name is not null && b.Name is not null && a._target == b._target)
        {
            return string.Equals(a.Name, b.Name, StringComparison.Ordinal);
        }

        var length = a.TimerIdLength;
        if (length != b.TimerIdLength)
        {
            return false;
        }

        if (length > 256)
        {
            return string.Equals(a.TimerId, b.TimerId, StringComparison.Ordinal);
        }

        Span<char> left = stackalloc char[length];
        Span<char> right = stackalloc char[length];
        a.WriteTimerId(left);
        b.WriteTimerId(right);
        return left.SequenceEqual(right);
    }

    /// <summary>The ordinal hash of the timer ID (as <see cref="string.GetHashCode()"/> of it), without building it.</summary>
    /// <returns>The hash.</returns>
    internal int TimerIdHash()
    {
        if (FullId is { } id)
        {
            return id.GetHashCode(StringComparison.Ordinal);
        }

        var length = TimerIdLength;
        if (length > 256)
        {
            return TimerId.GetHashCode(StringComparison.Ordinal);
        }

        Span<char> chars = stackalloc char[length];
        WriteTimerId(chars);
        return string.GetHashCode(chars, StringComparison.Ordinal);
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("TimerId = ").Append(TimerId).Append(", Target = ").Append(_target.ToString())
            .Append(", Kind = ").Append(Kind).Append(", DueAt = ").Append(DueAt?.ToString(null, System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }

    private static void Append(Span<char> destination, ref int written, string? text)
    {
        text.AsSpan().CopyTo(destination[written..]);
        written += text?.Length ?? 0;
    }

    private sealed class TimerIdComparer : IEqualityComparer<TimerRequest>
    {
        public bool Equals(TimerRequest? x, TimerRequest? y)
            => ReferenceEquals(x, y) || (x is not null && y is not null && SameId(x, y));

        public int GetHashCode(TimerRequest obj)
        {
            ArgumentNullException.ThrowIfNull(obj);
            return obj.TimerIdHash();
        }
    }
}
