using System.Collections.Immutable;

namespace EcomRules.Persistence;

/// <summary>
/// The codecs <see cref="EcomSerializer.Default"/> knows. To store a new aggregate or event of EcomRules, write its
/// codecs next to <see cref="OrderCodecs"/> (a list of <see cref="Codec.Aggregate{T}"/> and <see cref="Codec.Event{T}(string, Action{JsonFields, T}, Func{JsonRecord, Commands.AggregateKey, NodaTime.Instant, T})"/>
/// entries) and add the list here; the test <c>EveryPublicEventAndAggregateIsRegistered</c> fails until you do.
/// </summary>
internal static class BuiltInCodecs
{
    public static ImmutableArray<JsonCodec> All { get; } =
        [.. OrderCodecs.All, .. ReturnCodecs.All, .. StockCodecs.All, .. LedgerCodecs.All, .. AccessCodecs.All, .. MerchantCodecs.All, .. ComplaintCodecs.All, .. DeadlineCodecs.All];
}
