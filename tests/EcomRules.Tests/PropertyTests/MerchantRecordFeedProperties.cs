using EcomRules.Complaints;
using EcomRules.Complaints.Events;
using EcomRules.Merchants;
using EcomRules.Orders;
using EcomRules.Orders.Events;
using EcomRules.Tests.Merchants;
using EcomRules.Tests.Orders;
using FsCheck.Xunit;
using NodaTime;
using static EcomRules.Tests.Merchants.CreditFeedFixture;

namespace EcomRules.Tests.PropertyTests;

public sealed class MerchantRecordFeedProperties
{
    private enum Step
    {
        LateMerchantOrder,
        OnTimeMerchantOrder,
        LatePlatformOrder,
        UpheldComplaint,
        ComplaintNotUpheld,
    }

    /// <summary>
    /// Over random sequences of orders dispatched late or on time (with or without a merchant) and complaints upheld or
    /// not, each outbox message delivered once or again, the merchant's record counts exactly the distinct late orders
    /// of the merchant and the distinct upheld complaints, and its rating is their weighted loss (MER-3).
    /// </summary>
    [Property(MaxTest = 25)]
    [Trait("Rule", "MER-3")]
    [Trait("Rule", "ORD-3")]
    [Trait("Rule", "AFS-1")]
    public bool MER3_the_record_counts_each_late_order_and_each_upheld_complaint_once(byte[] plan)
        => RunAsync(plan).GetAwaiter().GetResult();

    private static async Task<bool> RunAsync(byte[] plan)
    {
        using var f = new CreditFeedFixture();
        await f.AdmitAsync();
        await f.Ok(f.Place("base", Tea));
        var steps = (plan ?? []).Take(8).Select(static b => ((Step)(b % 5), (b & 0x80) != 0)).ToList();
        for (var i = 0; i < steps.Count; i++)
        {
            var (step, again) = steps[i];
            var id = "s" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            switch (step)
            {
                case Step.LateMerchantOrder:
                    await f.ShippedAsync(id, Tea, Late);
                    break;
                case Step.OnTimeMerchantOrder:
                    await f.ShippedAsync(id, Tea, T0 + Duration.FromHours(1));
                    break;
                case Step.LatePlatformOrder:
                    await f.ShippedAsync(id, null, Late);
                    break;
                default:
                    var complaint = new ComplaintId("K" + id);
                    await f.Ok(new FileComplaint(f.NextId(), OrderScenario.Customer, T0 + Duration.FromHours(1), complaint, new OrderId("base"), null, "Not as listed"));
                    await f.Ok(new AnswerComplaint(f.NextId(), Service, T0 + Duration.FromHours(2), complaint, "Answered.", step == Step.UpheldComplaint));
                    await f.Ok(new AcceptComplaintAnswer(f.NextId(), OrderScenario.Customer, T0 + Duration.FromHours(3), complaint));
                    await f.P.DrainAsync(T0 + Duration.FromHours(3));
                    break;
            }

            if (again)
            {
                await f.DeliverAgainAsync<MerchantDispatchedLate>(Late + Duration.FromHours(1));
                await f.DeliverAgainAsync<ComplaintUpheldAgainstMerchant>(Late + Duration.FromHours(1));
            }
        }

        var late = steps.Count(s => s.Item1 == Step.LateMerchantOrder);
        var upheld = steps.Count(s => s.Item1 == Step.UpheldComplaint);
        var merchant = await f.MerchantAsync();
        return merchant.Record == new MerchantRecord(upheld, late, 0, 0)
            && merchant.Rating.Score == MerchantRecord.FullScore - (late * MerchantRecord.LateDispatchWeight) - (upheld * MerchantRecord.ComplaintWeight);
    }
}
