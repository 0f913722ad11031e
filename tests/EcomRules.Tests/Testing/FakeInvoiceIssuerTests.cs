using EcomRules.Testing;
using static EcomRules.Tests.Testing.PortSamples;

namespace EcomRules.Tests.Testing;

public sealed class FakeInvoiceIssuerTests
{
    [Fact]
    [Trait("Rule", "INV-1")]
    public async Task IssueInvoice_NumbersInvoices_AndCoversGoodsAndFreight()
    {
        var issuer = new FakeInvoiceIssuer();
        var first = await issuer.IssueInvoiceAsync(Invoice("k1"));
        var second = await issuer.IssueInvoiceAsync(Invoice("k2"));

        Assert.Equal("INV-000001", first.InvoiceNumber);
        Assert.Equal("INV-000002", second.InvoiceNumber);
        Assert.Equal(new Money(112m), first.Amount);
    }

    [Fact]
    public async Task IssueInvoice_RepeatedKey_ReturnsFirstInvoice_WithoutSecondEffect()
    {
        var issuer = new FakeInvoiceIssuer();
        var first = await issuer.IssueInvoiceAsync(Invoice("k1"));
        var repeat = await issuer.IssueInvoiceAsync(Invoice("k1"));

        Assert.Same(first, repeat);
        Assert.Single(issuer.Issued);
        Assert.Equal([PortCallOutcome.Performed, PortCallOutcome.Repeated], issuer.Calls.Select(c => c.Outcome));
    }

    [Fact]
    public async Task FailNext_ThrowsSimulatedOutage_ThenRecovers()
    {
        var issuer = new FakeInvoiceIssuer();
        issuer.FailNext(2);

        var outage = await Assert.ThrowsAsync<InvalidOperationException>(() => issuer.IssueInvoiceAsync(Invoice("k1")).AsTask());
        Assert.Contains("simulated outage", outage.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => issuer.IssueCreditNoteAsync(CreditNote("c1")).AsTask());
        Assert.Empty(issuer.Issued);
        Assert.Empty(issuer.CreditNotes);

        var invoice = await issuer.IssueInvoiceAsync(Invoice("k1"));
        Assert.Equal("INV-000001", invoice.InvoiceNumber);
        Assert.Equal([PortCallOutcome.Failed, PortCallOutcome.Failed, PortCallOutcome.Performed], issuer.Calls.Select(c => c.Outcome));
    }

    [Fact]
    [Trait("Rule", "INV-3")]
    public async Task CreditNote_IssuedAtOnce_ByDefault()
    {
        var issuer = new FakeInvoiceIssuer();
        var result = await issuer.IssueCreditNoteAsync(CreditNote("c1"));

        Assert.False(result.IsPending);
        Assert.Equal("CN-000001", result.CreditNoteNumber);
    }

    [Fact]
    [Trait("Rule", "INV-3")]
    public async Task CreditNote_Pending_CompletesLater_AndRepeatLearnsNumber()
    {
        var issuer = new FakeInvoiceIssuer { CreditNotesArePending = true };
        Assert.True((await issuer.IssueCreditNoteAsync(CreditNote("c1"))).IsPending);
        Assert.True((await issuer.IssueCreditNoteAsync(CreditNote("c2"))).IsPending);
        Assert.True((await issuer.IssueCreditNoteAsync(CreditNote("c1"))).IsPending);

        var completed = issuer.CompletePendingCreditNotes();

        Assert.Equal([new("c1", "CN-000001"), new KeyValuePair<string, string>("c2", "CN-000002")], completed);
        Assert.Empty(issuer.CompletePendingCreditNotes());
        Assert.Equal("CN-000001", (await issuer.IssueCreditNoteAsync(CreditNote("c1"))).CreditNoteNumber);
        Assert.Equal(2, issuer.CreditNotes.Count);
        Assert.All(issuer.CreditNotes, note => Assert.False(note.Result.IsPending));
    }

    [Fact]
    [Trait("Rule", "SEC-1")]
    public async Task Log_DescribesCall_WithoutBuyerName()
    {
        using var log = new StringWriter();
        var issuer = new FakeInvoiceIssuer { Log = log };
        await issuer.IssueInvoiceAsync(Invoice("k1"));

        var line = log.ToString();
        Assert.Contains("invoice k1 for order/42", line, StringComparison.Ordinal);
        Assert.DoesNotContain("张伟", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_IsHonoured_WithoutEffect()
    {
        var issuer = new FakeInvoiceIssuer();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => issuer.IssueInvoiceAsync(Invoice("k1"), cancelled.Token).AsTask());
        Assert.Empty(issuer.Calls);
    }
}
