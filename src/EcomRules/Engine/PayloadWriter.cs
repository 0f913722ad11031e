using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using EcomRules.Internal;
using NodaTime;

namespace EcomRules.Engine;

/// <summary>
/// Computes a command's payload fingerprint: every field, name and value, in a canonical invariant form (text as its
/// length and UTF-16 code units, numbers as 8 bytes, all little-endian), hashed with MurmurHash3 (x64, 128-bit). Two commands with the same ID and different
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
    private bool _legacy; // writing the first release's canonical form (see LegacyMatches)

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
            writer.WriteCommand(command);
            return writer.Hash();
        }
        finally
        {
            writer.Reset();
            t_writer = writer;
        }
    }

    /// <summary>
    /// Whether a fingerprint stored by the first release (the first 128 bits of SHA-256 over the payload as UTF-8 with
    /// unit separators, base64: 24 characters) is <paramref name="command"/>'s: so a command recorded before the upgrade
    /// and retried after it is replayed, not refused as a reused ID. Only replays of such records pay for it.
    /// </summary>
    public static bool LegacyMatches(string stored, EcomCommand command)
    {
        if (stored.Length != 24)
        {
            return false;
        }

        var writer = new PayloadWriter { _legacy = true };
        writer.WriteCommand(command);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(writer._buffer.AsSpan(0, writer._length), hash);
        return string.Equals(stored, Convert.ToBase64String(hash[..16]), StringComparison.Ordinal);
    }

    public PayloadWriter Add(string name, string? value)
    {
        if (_legacy)
        {
            return LegacyAdd(name, value ?? "\u0000");
        }

        Text(name);
        if (value is null)
        {
            Tag('N'); // null differs from ""
        }
        else
        {
            Tag('S');
            Text(value);
        }

        return this;
    }

    public PayloadWriter Add(string name, long value)
    {
        if (_legacy)
        {
            Span<char> digits = stackalloc char[24];
            value.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture);
            return LegacyAdd(name, digits[..length]);
        }

        Text(name);
        Tag('L');
        BinaryPrimitives.WriteInt64LittleEndian(Reserve(sizeof(long)), value);
        return this;
    }

    public PayloadWriter Add(string name, decimal value)
    {
        // Written as its invariant text, so equal values with different scales (1.0, 1.00) stay different payloads.
        Span<char> chars = stackalloc char[40];
        value.TryFormat(chars, out var written, "G", CultureInfo.InvariantCulture);
        if (_legacy)
        {
            return LegacyAdd(name, chars[..written]);
        }

        Text(name);
        Tag('D');
        Text(chars[..written]);
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

    /// <summary>Whether a stored fingerprint is <paramref name="fingerprint"/>'s text, exactly as <see cref="Format"/> writes it.</summary>
    public static bool Matches(string stored, UInt128 fingerprint)
        => stored.Length == 32 && string.Equals(stored, Format(fingerprint), StringComparison.Ordinal);

    private UInt128 Hash() => MurmurHash3.Hash128(_buffer.AsSpan(0, _length));

    private void WriteCommand(EcomCommand command)
    {
        Add("$type", command.GetType().Name).Add("actor", command.Actor.Id).Add("role", command.Actor.Role.Value).Add("at", command.At);
        command.WritePayload(this);
    }

    private void Reset()
    {
        _length = 0;
        if (_buffer.Length > KeptBufferBytes)
        {
            _buffer = new byte[512];
        }
    }

    // The first release's form: name and value as UTF-8, each closed by a unit separator; null as U+0000.
    private PayloadWriter LegacyAdd(string name, ReadOnlySpan<char> value)
    {
        LegacyText(name);
        LegacyText(value);
        return this;
    }

    private void LegacyText(ReadOnlySpan<char> text)
    {
        var bytes = Reserve(Encoding.UTF8.GetByteCount(text) + 1);
        Encoding.UTF8.GetBytes(text, bytes);
        bytes[^1] = 0x1F;
    }

    // Every value is tagged with its kind (N null, S text, L number, D decimal). Text is its length (a little-endian
    // int) and its UTF-16 code units (little-endian): no transcoding, and the length keeps each field apart from the next.
    private void Text(ReadOnlySpan<char> text)
    {
        Int32(text.Length);
        var bytes = Reserve(text.Length * sizeof(char));
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(text).CopyTo(bytes);
            return;
        }

        for (var i = 0; i < text.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes[(i * 2)..], text[i]);
        }
    }

    private void Tag(char kind) => Reserve(1)[0] = (byte)kind;

    private void Int32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Reserve(sizeof(int)), value);

    private Span<byte> Reserve(int count)
    {
        if (_length + count > _buffer.Length)
        {
            var larger = new byte[Math.Max(_buffer.Length * 2, _length + count)];
            _buffer.AsSpan(0, _length).CopyTo(larger);
            _buffer = larger;
        }

        var reserved = _buffer.AsSpan(_length, count);
        _length += count;
        return reserved;
    }
}
