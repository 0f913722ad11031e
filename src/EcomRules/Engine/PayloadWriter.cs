using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using EcomRules.Internal;
using NodaTime;

namespace EcomRules.Engine;

/// <summary>
/// Computes a command's payload fingerprint: every field, name and value, in a canonical invariant form (UTF-8, each
/// name and value closed by a unit separator), hashed with MurmurHash3 (x64, 128-bit). Two commands with the same ID and different
/// fingerprints are different payloads.
/// </summary>
/// <remarks>
/// The fingerprint only tells a retry of a command (same ID, same payload) from a reuse of its ID for another payload:
/// it guards against mistakes, not against an adversary, who could only make their own second command replay their
/// first. So a fast 128-bit hash serves: SHA-256 through the platform cost about half a microsecond per command.
/// </remarks>
internal sealed class PayloadWriter
{
    // One writer per thread, reused: a fingerprint allocates nothing. A buffer grown past this is let go.
    private const int KeptBufferBytes = 16 * 1024;

    [ThreadStatic]
    private static PayloadWriter? t_writer;

    private byte[] _buffer = new byte[512];
    private int _length;

    private PayloadWriter()
    {
    }

    public static UInt128 Fingerprint(EcomCommand command)
    {
        // Taken off the thread while in use, so a fingerprint computed inside another (never today) gets its own.
        var writer = t_writer ?? new PayloadWriter();
        t_writer = null;
        try
        {
            writer.Add("$type", command.GetType().Name).Add("actor", command.Actor.Id).Add("role", command.Actor.Role.Value).Add("at", command.At);
            command.WritePayload(writer);
            return writer.Hash();
        }
        finally
        {
            writer._length = 0;
            if (writer._buffer.Length > KeptBufferBytes)
            {
                writer._buffer = new byte[512];
            }

            t_writer = writer;
        }
    }

    public PayloadWriter Add(string name, string? value)
    {
        Append(name);
        Append(value is null ? "\u0000" : value);
        return this;
    }

    public PayloadWriter Add(string name, long value)
    {
        Span<char> chars = stackalloc char[24];
        value.TryFormat(chars, out var written, default, CultureInfo.InvariantCulture);
        Append(name);
        Append(chars[..written]);
        return this;
    }

    public PayloadWriter Add(string name, decimal value)
    {
        Span<char> chars = stackalloc char[40];
        value.TryFormat(chars, out var written, "G", CultureInfo.InvariantCulture);
        Append(name);
        Append(chars[..written]);
        return this;
    }

    public PayloadWriter Add(string name, Money value) => Add(name, value.Fen);

    public PayloadWriter Add(string name, bool value) => Add(name, value ? 1L : 0L);

    public PayloadWriter Add(string name, Instant value) => Add(name, value.ToUnixTimeTicks());

    public PayloadWriter Add(string name, Instant? value) => value is { } v ? Add(name, v) : Add(name, (string?)null);

    public PayloadWriter Add(string name, LocalDate value) => Add(name, (long)value.DayOfYear + (value.Year * 1000L));

    /// <summary>The fingerprint as stored in <see cref="IdempotencyRecord.Fingerprint"/>: 32 lowercase hex digits, the hash's bytes as the reference implementation writes them.</summary>
    public static string Format(UInt128 fingerprint)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128LittleEndian(bytes, fingerprint);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>Whether a stored fingerprint is <paramref name="fingerprint"/> (without building its string).</summary>
    public static bool Matches(string stored, UInt128 fingerprint)
    {
        Span<byte> bytes = stackalloc byte[16];
        return stored.Length == 32 && Convert.FromHexString(stored, bytes, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == 16 && BinaryPrimitives.ReadUInt128LittleEndian(bytes) == fingerprint;
    }

    private UInt128 Hash() => MurmurHash3.Hash128(_buffer.AsSpan(0, _length));

    private void Append(ReadOnlySpan<char> text)
    {
        var needed = Encoding.UTF8.GetMaxByteCount(text.Length) + 1;
        if (_length + needed > _buffer.Length)
        {
            var larger = new byte[Math.Max(_buffer.Length * 2, _length + needed)];
            _buffer.AsSpan(0, _length).CopyTo(larger);
            _buffer = larger;
        }

        _length += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_length));
        _buffer[_length++] = 0x1F; // unit separator: no field value can run into the next name
    }
}
