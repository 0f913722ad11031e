using EcomRules.Commands;
using EcomRules.Complaints;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Persistence;
using EcomRules.Policies;
using EcomRules.Shipping;
using EcomRules.Tests.Complaints;
using EcomRules.Tests.Persistence;
using EcomRules.Tests.Returns;
using NodaTime;

namespace EcomRules.Tests.Sqlite;

public sealed class SqliteComplaintTests
{
    [Fact]
    [Trait("Rule", "AFS-2")]
    public async Task AFS2_an_escalated_mediated_complaint_round_trips_through_the_sqlite_store()
    {
        using var db = new SqliteTestDatabase();
        var store = db.Open(EcomSerializer.Default);
        var engine = new EcomEngine(store, EcomPolicy.RetailPlatform);
        var n = 0;
        async Task<Decision> Ok(EcomCommand command)
        {
            var d = await engine.ExecuteAsync(command);
            Assert.True(d.IsAccepted, d.Reason);
            return d;
        }

        CommandId Next() => new("q" + (++n).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var t = ReturnFixture.At(2026, 3, 2);
        var order = new OrderId("SQ-1");
        var placed = (await Ok(new PlaceOrder(Next(), ReturnFixture.Service, t, order, ReturnFixture.BuyerDetails(), ReturnFixture.Lines(), new Money(10m)))).StateAs<Order>();
        await Ok(new PayOrder(Next(), ReturnFixture.Buyer, t, order, placed.Total));
        await Ok(new ConfirmOrder(Next(), ReturnFixture.Service, t, order));
        await Ok(new AllocateStock(Next(), ReturnFixture.Warehouse, t, order, "DN"));
        await Ok(new RecordInvoice(Next(), ReturnFixture.Service, t, order, "INV", placed.Total));
        await Ok(new RecordShipment(Next(), ReturnFixture.Warehouse, t, order, new CarrierId("sf"), "SF1"));
        var id = new ComplaintId("K-SQ");
        await Ok(new FileComplaint(Next(), ComplaintFixture.Buyer, t + Duration.FromHours(2), id, order, null, "Where is my parcel?", SpecialCase: true));
        await Ok(new EscalateComplaint(Next(), ComplaintFixture.Service, t + Duration.FromHours(3), id, "Carrier dispute."));
        await Ok(new DecideComplaint(Next(), ComplaintFixture.Head, t + Duration.FromHours(4), id, "We resend the parcel."));
        await Ok(new DisputeComplaint(Next(), ComplaintFixture.Buyer, t + Duration.FromHours(5), id, "I want a refund."));
        var written = (await Ok(new RecordMediationOutcome(Next(), ComplaintFixture.Service, t + Duration.FromDays(2), id, false, "No agreement."))).StateAs<Complaint>();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var reopened = db.Open(EcomSerializer.Default);
        var loaded = await reopened.LoadAsync(id.Key);
        Assert.NotNull(loaded);
        Assert.Equal(5, loaded.Version);
        ValueAssert.Equal(written, loaded.State);
        var complaint = Assert.IsType<Complaint>(loaded.State);
        Assert.Equal((ComplaintState.InArbitration, "head-1", true), (complaint.State, complaint.AnsweredBy, complaint.SpecialCase));

        // The refusal of AFS-2 holds after the reload: in arbitration only the award moves it.
        var again = new EcomEngine(reopened, EcomPolicy.RetailPlatform);
        Assert.Equal(RuleIds.Afs2, (await again.ExecuteAsync(new AcceptComplaintAnswer(Next(), ComplaintFixture.Buyer, t + Duration.FromDays(3), id))).RuleId);
    }
}
