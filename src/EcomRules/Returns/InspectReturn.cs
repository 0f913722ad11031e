using EcomRules.Commands;
using EcomRules.Orders;
using EcomRules.Policies;
using EcomRules.Returns.Events;
using NodaTime;

namespace EcomRules.Returns;

/// <summary>
/// The warehouse inspects the goods and the invoice (RET-4). Both pass: the goods are received, the invoice is handed
/// to finance (INV-3) and SLA-7 starts (confirmed and stocked in by the end of the working day). Otherwise the parcel
/// is refused and the case goes to a three-way negotiation (<see cref="ResolveNegotiation"/>).
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Warehouse staff.</param>
/// <param name="At">When.</param>
/// <param name="CaseId">The case.</param>
/// <param name="GoodsPassed">Whether the goods meet the receiving conditions.</param>
/// <param name="InvoiceReturned">Whether the invoice came back with the goods.</param>
/// <param name="Notes">Inspection notes.</param>
public sealed record InspectReturn(CommandId CommandId, Actor Actor, Instant At, ReturnCaseId CaseId, bool GoodsPassed, bool InvoiceReturned, string? Notes = null)
    : ReturnCommand(CommandId, Actor, At, CaseId)
{
    /// <inheritdoc />
    public override string? Reason => Notes;

    internal override ReturnTrigger Trigger => GoodsPassed && InvoiceReturned ? ReturnTrigger.PassInspection : ReturnTrigger.FailInspection;

    internal override ReturnFacts Facts => new(false, GoodsPassed, InvoiceReturned);

    internal override CommandOutcome Apply(ReturnStep step)
    {
        var inspected = new ReturnInspected(Target, At, GoodsPassed, InvoiceReturned, Notes);
        if (Trigger == ReturnTrigger.FailInspection)
        {
            var refused = step.Case.Negotiating(Notes);
            return Accept(step, refused,
            [
                inspected,
                Notice(refused, "return-parcel-refused",
                    $"Your return parcel for {CaseId} did not pass inspection ({(GoodsPassed ? "invoice missing" : "goods")}); customer service will contact you to agree a solution."), // RET-4, RET-7
            ]);
        }

        return ReceiveGoods(step, Notes, inspected);
    }

    internal override InputProblem? CheckInput(InputLimits limits) => limits.Reason(Notes, "inspection notes");

    internal override void WriteFields(PayloadWriter writer) => writer.Add("goods", GoodsPassed).Add("invoice", InvoiceReturned).Add("notes", Notes);
}
