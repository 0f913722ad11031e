using System.Buffers.Binary;
using System.Text;
using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Internal;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.Testing;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;

namespace EcomRules.Tests.Core;

/// <summary>
/// Payload fingerprints: the tagged SHA-256 text a store keeps (v3), idempotency records that compare the same whether
/// the fingerprint is held as a number (engine) or as text (read back from a store), and records written by the two
/// earlier formats (v1 base64 SHA-256, v2 MurmurHash3 x64-128, checked against the reference's published values) still
/// recognised when their command is retried.
/// </summary>
public sealed class FingerprintTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 3, 4, 1, 30);

    private static readonly AllocateStock Allocate = new(new CommandId("allocate-L1"), new Actor("wh-1", ActorRole.Warehouse), At, new OrderId("L1"), "DN-1");

    private static readonly PlaceOrder Place = new(new CommandId("place-1"), new Actor("buyer", ActorRole.Customer), At, new OrderId("F1"), SampleBuyers.Private(),
        [new OrderLine("SKU-1", 1, new Money(10m))]);

    [Fact]
    public void Fingerprint_IsTheTaggedSha256OfTheCanonicalForm_AndStaysTheSame()
    {
        // A change to the canonical form or the hash changes these: a new format then needs a new tag and a legacy check.
        // The first was checked outside .NET: SHA-256 (hashlib) of the canonical bytes written out by hand (each field's
        // name and value as an int32 length and UTF-16LE, tagged S for text and L for an int64, all little-endian).
        Assert.Equal("v3:b8d42b927afafdee9b76cb8ef6200d08", PayloadWriter.Format(PayloadWriter.Fingerprint(Allocate)));
        Assert.Equal("v3:89d6b3be6f873497578cef350951e642", PayloadWriter.Format(PayloadWriter.Fingerprint(Place)));
    }

    [Fact]
    public void Fingerprint_AllocatesNothing()
    {
        // The engine fingerprints every command; the writer's buffer is reused and SHA-256 runs on stack memory.
        var expected = PayloadWriter.Fingerprint(Allocate);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var fingerprint = PayloadWriter.Fingerprint(Allocate);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(expected, fingerprint);
    }

    [Theory]
    [InlineData("", "00000000000000000000000000000000")]
    [InlineData("The quick brown fox jumps over the lazy dog", "6c1b07bc7bbc4be347939ac4a93c437a")]
    [InlineData("hello", "029bbd41b3a7d8cb191dae486a901e5b")]
    public void LegacyMurmurHash3_MatchesTheReferenceImplementation(string input, string expected)
        => Assert.Equal(expected, MurmurHex(MurmurHash3.Hash128(Encoding.UTF8.GetBytes(input))));

    [Fact]
    public void LegacyMurmurHash3_EveryTailLength_MatchesTheReference()
    {
        // Bytes 0, 1, 2 … n-1 for n = 0..40 cover each tail length (0..15) with zero, one and two blocks. The expected
        // values come from an independent transcription of the reference C++ (Austin Appleby's MurmurHash3_x64_128),
        // which gives the published value for "The quick brown fox jumps over the lazy dog".
        string[] expected =
        [
            "00000000000000000000000000000000",
            "b55cff6ee5ab10468335f878aa2d6251",
            "4c26ab8dc5f5b37c44e0c26e32013cf0",
            "bee653ef2fa172b8b696b352c25562fb",
            "10afdf0dae94c5e1e2fdc213bd05d6d3",
            "3640f9a6d48cee41f6230c635e15d0f8",
            "3c04f5a4bb3a9866a02c51160b24e057",
            "680d4bca87694cbd87c725bdd4dd3a61",
            "c82f8ed6bde1a747c7dc31ec02eee660",
            "322d816e0fcbb4fbb9ff00021d75de78",
            "63e4589ee825cacf7620ad72c4134325",
            "884f56c7474f7bc5b01b71208dea6569",
            "caa51292e6a75db34653f7ec46f17580",
            "c2415fc5f2d9524bfcd8a6af9e86ff84",
            "646d9035ee33a95fdfc90f387325780d",
            "e92549fd98152347e97dc688ee6d84cd",
            "303f9091b524494445e82f76566490ab",
            "0ec2e79f0ff4765c24a8da9e6b025fc1",
            "7bc4e9bad1e448165febb90b188426ce",
            "6301a36455a465a6dc1faebf60794f95",
            "4b9536577053d2a37a9c7b6c25061f5a",
            "0312d428a03dd1cdcbe7a22dfc0ec56b",
            "712ac127bff3f84562561e6073a33017",
            "db8135156f37a1b941492ab4931c4526",
            "dedfb27562844e73529efbbbab7e7094",
            "cb82e92eb57cbe3bfc9fefbe3354d3a2",
            "726f2202fedc15a5787dc4fcdc680c2e",
            "ed2e594d8802161119b51ddc48197428",
            "3c8105ee62ff14dc8bcb6745bb502066",
            "1acf1815b194e4aa76e1cf8cf7129e64",
            "e301a2380d0869f0196bd2e37f68f322",
            "94d02ca3e1d33d05905400b4ef9ae59e",
            "0f502fb622906dc65111c3346e0a051c",
            "1246bafa1b28417d0ba3d6a77380ac55",
            "c37dba8a273f51b0c2ea8703f617bed9",
            "cea7543bc072117910403edae512d8bc",
            "303656299a05332052bfd5bd6a3ec2d9",
            "20d802dd5ead7451b0cd03c799538480",
            "14cb167d5b641b681a1fa0bf98bf121e",
            "c0a0ad8bf4cc60196735a175955a2f1b",
            "64808c41d854a0c3ad124c9730ca01a0"
        ];
        var data = Enumerable.Range(0, 40).Select(i => (byte)i).ToArray();
        for (var length = 0; length <= 40; length++)
        {
            Assert.Equal(expected[length], MurmurHex(MurmurHash3.Hash128(data.AsSpan(0, length))));
        }
    }

    // Any 64-bit halves (not limited by the test size), shrinking towards zero.
    [Property]
    public bool Format_And_Matches_RoundTrip_ForEveryHash(DoNotSize<ulong> high, DoNotSize<ulong> low)
    {
        var hash = new UInt128(high.Item, low.Item);
        var text = PayloadWriter.Format(hash);
        return text.Length == 35 && text.StartsWith("v3:", StringComparison.Ordinal) && text == text.ToLowerInvariant() && PayloadWriter.Matches(text, hash)
            && !PayloadWriter.Matches(text[3..], hash) && !PayloadWriter.Matches(MurmurHex(hash), hash)
            && !PayloadWriter.Matches(text, hash + 1) && (text == text.ToUpperInvariant() || !PayloadWriter.Matches(text.ToUpperInvariant(), hash));
    }

    [Fact]
    public void Payloads_ThatDiffer_AtAFieldBoundary_HaveDifferentFingerprints()
    {
        // Field boundaries cannot shift: ("ab", "c") and ("a", "bc") differ, and so do null and "".
        Assert.NotEqual(Of("ab", "c"), Of("a", "bc"));
        Assert.Equal(Of("ab", "c"), Of("ab", "c"));
    }

    [Property]
    public bool Payloads_ThatDiffer_InAnyField_HaveDifferentFingerprints((NonWhiteSpaceString Actor, NonWhiteSpaceString Note) first, (NonWhiteSpaceString Actor, NonWhiteSpaceString Note) second)
        => (first.Actor.Get == second.Actor.Get && first.Note.Get == second.Note.Get)
            == (Of(first.Actor.Get, first.Note.Get) == Of(second.Actor.Get, second.Note.Get));

    [Fact]
    public void NullAndEmptyText_HaveDifferentFingerprints()
    {
        static UInt128 Of(string? reason)
            => PayloadWriter.Fingerprint(new CancelOrder(new CommandId("c"), Actor.System, Instant.FromUnixTimeTicks(0), new OrderId("o"), reason));

        Assert.NotEqual(Of(null), Of(string.Empty));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not hex at all, thirty-two chars")]
    [InlineData("6c1b07bc7bbc4be347939ac4a93c437")]
    [InlineData("00000000000000000000000000000000")]
    [InlineData("v3:0000000000000000000000000000000")]
    [InlineData("v3:000000000000000000000000000000000")]
    [InlineData("V3:00000000000000000000000000000000")]
    [InlineData("v2:00000000000000000000000000000000")]
    public void Matches_RefusesTextThatIsNotAFingerprint(string stored)
        => Assert.False(PayloadWriter.Matches(stored, 0));

    [Fact]
    public void IdempotencyRecord_WithItsFingerprintAsNumberOrText_IsEqual()
    {
        var hash = new UInt128(0x0123456789abcdefUL, 0xfedcba9876543210UL);
        Decision Decided(UInt128 fingerprint) => Decision.Accepted(new CommandId("c1"), new AggregateKey("order", "1"), 2, null, [], "Placed → Paid", fingerprint);
        var decision = Decided(hash);
        var engine = decision.Outcome;
        var stored = IdempotencyRecord.Of(decision, PayloadWriter.Format(hash));
        Assert.Equal(stored, engine);
        Assert.Equal(engine, stored);
        Assert.Equal(stored.GetHashCode(), engine.GetHashCode());
        Assert.Equal(stored.Fingerprint, engine.Fingerprint);
        Assert.True(stored.HasFingerprint(hash));
        Assert.True(engine.HasFingerprint(hash));
        Assert.False(engine.HasFingerprint(hash + 1));
        Assert.NotEqual(Decided(hash + 1).Outcome, engine);
        Assert.Equal((decision.CommandId, decision.Target, decision.Status, decision.Reason, decision.Version), (engine.CommandId, engine.Target, engine.Status, engine.Reason, engine.Version));
        Assert.NotEqual(engine with { Fingerprint = "other" }, engine);
        Assert.Equal(engine with { Version = 3 }, stored with { Version = 3 });
    }

    [Fact]
    public async Task ReplayedCommand_OnAStoreThatKeepsTheFingerprintAsText_IsRecognised()
    {
        // A store that writes records as text and reads them back (as SQLite and PostgreSQL do).
        var store = new TextFingerprintStore();
        var engine = new EcomEngine(store, EcomPolicy.RetailPlatform);
        Assert.True((await engine.ExecuteAsync(Place)).IsAccepted);
        Assert.Equal(PayloadWriter.Format(PayloadWriter.Fingerprint(Place)), (await store.FindCommandAsync(Place.CommandId))!.Fingerprint);
        var again = await engine.ExecuteAsync(Place);
        Assert.True(again.IsReplay, again.ToString());
        var reused = await engine.ExecuteAsync(Place with { Lines = [new OrderLine("SKU-1", 2, new Money(10m))] });
        Assert.Equal(RefusalCode.CommandIdReused, reused.Code);
    }

    [Fact]
    public void LegacyFingerprints_OfBothEarlierFormats_MatchTheirCommandOnly()
    {
        var v1 = FirstReleaseFingerprint(Allocate);
        Assert.True(PayloadWriter.LegacyMatches(v1, Allocate));
        Assert.False(PayloadWriter.LegacyMatches(v1, Allocate with { DeliveryNote = "DN-2" }));

        // v2 values as the MurmurHash3 release stored them for these commands.
        Assert.True(PayloadWriter.LegacyMatches("695fd9df26f38d67aed05c4e958fab53", Allocate));
        Assert.True(PayloadWriter.LegacyMatches("1e09cc9a4bc322001feed29c223e12b6", Place));
        Assert.False(PayloadWriter.LegacyMatches("695fd9df26f38d67aed05c4e958fab53", Allocate with { DeliveryNote = "DN-2" }));
        Assert.False(PayloadWriter.LegacyMatches("1e09cc9a4bc322001feed29c223e12b6", Allocate));

        // Today's tagged text is not a legacy form, and a legacy text never matches as today's.
        var v3 = PayloadWriter.Format(PayloadWriter.Fingerprint(Allocate));
        Assert.False(PayloadWriter.LegacyMatches(v3, Allocate));
        Assert.False(PayloadWriter.Matches("695fd9df26f38d67aed05c4e958fab53", PayloadWriter.Fingerprint(Allocate)));
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    public async Task ACommandRecordedWithAnEarlierFingerprint_IsReplayed_AndAnotherPayloadIsStillRefused(string format)
    {
        var stored = format == "v1" ? FirstReleaseFingerprint(Allocate) : "695fd9df26f38d67aed05c4e958fab53";
        var store = new InMemoryEcomStore();
        var record = new IdempotencyRecord(Allocate.CommandId, stored, Allocate.Target, DecisionStatus.Accepted, RefusalCode.None, default, "Confirmed → Allocated", 4);
        await store.SaveAsync(new ChangeSet(record, [], [], [], []));
        var engine = new EcomEngine(store, EcomPolicy.RetailPlatform);
        var replay = await engine.ExecuteAsync(Allocate);
        Assert.True(replay.IsReplay, replay.ToString());
        Assert.Equal(4, replay.Version);
        var reused = await engine.ExecuteAsync(Allocate with { DeliveryNote = "DN-2" });
        Assert.Equal(RefusalCode.CommandIdReused, reused.Code);
    }

    // The first release stored base64 of the first 128 bits of SHA-256 over "name\x1Fvalue\x1F…" in UTF-8.
    private static string FirstReleaseFingerprint(AllocateStock allocate)
    {
        var payload = string.Concat(new[] { "$type", "AllocateStock", "actor", allocate.Actor.Id, "role", allocate.Actor.Role.Value, "at", allocate.At.ToUnixTimeTicks().ToString(System.Globalization.CultureInfo.InvariantCulture), "order", allocate.OrderId.Value, "note", allocate.DeliveryNote }
            .Select(part => part + "\u001F"));
        return Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(payload))[..16]);
    }

    // MurmurHash3's bytes as the reference writes them (h1 then h2, little-endian), in lowercase hex: the v2 text.
    private static string MurmurHex(UInt128 hash)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128LittleEndian(bytes, hash);
        return Convert.ToHexStringLower(bytes);
    }

    private static UInt128 Of(string actor, string note)
        => PayloadWriter.Fingerprint(new AllocateStock(new CommandId("c"), new Actor(actor, ActorRole.Warehouse), Instant.FromUnixTimeTicks(0), new OrderId("o"), note));

    private sealed class TextFingerprintStore : EcomRules.Ports.IEcomStore
    {
        private readonly InMemoryEcomStore _inner = new();

        public ValueTask<StoredAggregate?> LoadAsync(AggregateKey key, CancellationToken cancellationToken = default) => _inner.LoadAsync(key, cancellationToken);

        public async ValueTask<IdempotencyRecord?> FindCommandAsync(CommandId commandId, CancellationToken cancellationToken = default)
            => await _inner.FindCommandAsync(commandId, cancellationToken) is { } record
                ? new IdempotencyRecord(record.CommandId, record.Fingerprint, record.Target, record.Status, record.Code, record.RuleId, record.Reason, record.Version)
                : null;

        public ValueTask SaveAsync(ChangeSet changes, CancellationToken cancellationToken = default) => _inner.SaveAsync(changes, cancellationToken);

        public ValueTask<IReadOnlyList<AuditEntry>> ReadAuditAsync(AggregateKey key, CancellationToken cancellationToken = default) => _inner.ReadAuditAsync(key, cancellationToken);
    }
}
