using System.Buffers.Binary;
using System.Numerics;

namespace EcomRules.Internal;

/// <summary>
/// MurmurHash3, x64 128-bit variant (Austin Appleby's reference <c>MurmurHash3_x64_128</c>, public domain), seed 0,
/// blocks read little-endian. Legacy only: payload fingerprints are SHA-256 now; this recognises the v2 fingerprints
/// that idempotency records written before kept (<see cref="Commands.PayloadWriter.LegacyMatches"/>).
/// </summary>
internal static class MurmurHash3
{
    private const ulong C1 = 0x87c37b91114253d5UL;
    private const ulong C2 = 0x4cf5ad432745937fUL;

    /// <summary>Hashes <paramref name="data"/>.</summary>
    /// <param name="data">The bytes.</param>
    /// <returns>The hash: <c>h1</c> in the low 64 bits, <c>h2</c> in the high (the reference writes h1 then h2, little-endian).</returns>
    public static UInt128 Hash128(ReadOnlySpan<byte> data)
    {
        ulong h1 = 0, h2 = 0;
        var blocks = data.Length / 16;
        for (var i = 0; i < blocks; i++)
        {
            var k1 = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(i * 16, 8));
            var k2 = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice((i * 16) + 8, 8));
            h1 ^= MixK1(k1);
            h1 = (BitOperations.RotateLeft(h1, 27) + h2) * 5 + 0x52dce729;
            h2 ^= MixK2(k2);
            h2 = (BitOperations.RotateLeft(h2, 31) + h1) * 5 + 0x38495ab5;
        }

        var tail = data[(blocks * 16)..];
        if (tail.Length > 8)
        {
            h2 ^= MixK2(ReadPartial(tail[8..]));
        }

        if (tail.Length > 0)
        {
            h1 ^= MixK1(ReadPartial(tail[..Math.Min(8, tail.Length)]));
        }

        h1 ^= (ulong)data.Length;
        h2 ^= (ulong)data.Length;
        h1 += h2;
        h2 += h1;
        h1 = FinalMix(h1);
        h2 = FinalMix(h2);
        h1 += h2;
        h2 += h1;
        return new UInt128(h2, h1);
    }

    private static ulong MixK1(ulong k) => BitOperations.RotateLeft(k * C1, 31) * C2;

    private static ulong MixK2(ulong k) => BitOperations.RotateLeft(k * C2, 33) * C1;

    // Up to 8 bytes, little-endian, the missing high bytes zero.
    private static ulong ReadPartial(ReadOnlySpan<byte> bytes)
    {
        Span<byte> padded = stackalloc byte[8];
        padded.Clear();
        bytes.CopyTo(padded);
        return BinaryPrimitives.ReadUInt64LittleEndian(padded);
    }

    private static ulong FinalMix(ulong k)
    {
        k ^= k >> 33;
        k *= 0xff51afd7ed558ccdUL;
        k ^= k >> 33;
        k *= 0xc4ceb9fe1a85ec53UL;
        k ^= k >> 33;
        return k;
    }
}
