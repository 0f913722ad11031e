using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using EcomRules.Internal;
using NodaTime;

namespace EcomRules.Commands;

/// <summary>
/// Computes a command's payload fingerprint: every field, name and value, in a canonical invariant form (text as its
/// length and UTF-16 code units, numbers as 8 bytes, all little-endian), hashed with the platform's SHA-256 and cut to
/// its first 128 bits. Two commands with the same ID and different fingerprints are different payloads. A store keeps
/// it as text with a version tag (<see cref="Format"/>: <c>v3:</c> and 32 lowercase hex digits).
/// </summary>
/// <remarks>
/// Fingerprints stored by earlier releases carry no tag and are still recognised on a retry (<see cref="LegacyMatches"/>):
/// the first release's (v1: 24 characters of base64) and the MurmurHash3 one's (v2: 32 hex digits).
/// </remarks>
internal sealed class PayloadWriter
{
    /// <summary>The tag of today's fingerprint text (v3: SHA-256 of the tagged binary form).</summary>
    public const string VersionTag = "v3:";

    private const int FormattedLength = 3 + 32; // the tag and 16 bytes in hex

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
    /// Whether a fingerprint stored without a tag by an earlier release is <paramref name="command"/>'s, so a command
    /// recorded before an upgrade and retried after it is replayed, not refused as a reused ID. Only replays of such
    /// records pay for it. The two untagged forms:
    /// <list type="bullet">
    /// <item>v1, the first release: the first 128 bits of SHA-256 over the payload as UTF-8 with unit separators, in
    /// base64 (24 characters);</item>
    /// <item>v2: MurmurHash3 x64-128 over today's binary form, its bytes as the reference writes them, in lowercase hex
    /// (32 characters).</item>
    /// </list>
    /// </summary>
    public static bool LegacyMatches(string stored, EcomCommand command)
    {
        if (stored.Length is not (24 or 32))
        {
            return false;
        }

        var writer = new PayloadWriter { _legacy = stored.Length == 24 };
        writer.WriteCommand(command);
        var payload = writer._buffer.AsSpan(0, writer._length);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        if (writer._legacy)
        {
            SHA256.HashData(payload, hash);
            return string.Equals(stored, Convert.ToBase64String(hash[..16]), StringComparison.Ordinal);
        }

        BinaryPrimitives.WriteUInt128LittleEndian(hash, MurmurHash3.Hash128(payload));
        return string.Equals(stored, Convert.ToHexStringLower(hash[..16]), StringComparison.Ordinal);
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

    /// <summary>
    /// The fingerprint as stored in <see cref="IdempotencyRecord.Fingerprint"/>: <see cref="VersionTag"/> and 32 lowercase hex
    /// digits, the first 16 bytes of the SHA-256 hash in order (so <c>sha256sum</c> of the canonical form starts with them).
    /// </summary>
    public static string Format(UInt128 fingerprint) => string.Create(FormattedLength, fingerprint, static (chars, f) => Write(f, chars));

    /// <summary>Whether a stored fingerprint is <paramref name="fingerprint"/>'s text, exactly as <see cref="Format"/> writes it.</summary>
    public static bool Matches(string stored, UInt128 fingerprint)
    {
        Span<char> expected = stackalloc char[FormattedLength];
        Write(fingerprint, expected);
        return stored.AsSpan().SequenceEqual(expected);
    }

    private static void Write(UInt128 fingerprint, Span<char> chars)
    {
        VersionTag.CopyTo(chars);
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, fingerprint);
        Convert.TryToHexStringLower(bytes, chars[VersionTag.Length..], out _);
    }

    private UInt128 Hash()
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(_buffer.AsSpan(0, _length), hash);
        return BinaryPrimitives.ReadUInt128BigEndian(hash);
    }

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
