using System.Collections.Immutable;
using System.Globalization;
using EcomRules.Commands;
using EcomRules.Policies;
using EcomRules.Stock.Events;
using NodaTime;

namespace EcomRules.Stock;

/// <summary>
/// Closes the weekly stocktake of one item (WH-3, WH-6): the units counted against the units booked when the count
/// sheet was printed. Every surplus, shortage or damage carries a reason and a responsible person, and together they
/// must explain the whole difference (booked + surpluses − shortages − damage = counted); an unexplained difference
/// is refused naming WH-6. A count sheet whose booked figure no longer matches on hand (stock moved since) is refused
/// naming WH-3, and so is a count below the reserved units. Closing adjusts on hand with one audited
/// <see cref="StockMovementKind.StocktakeAdjustment"/> movement. The quarterly stocktake is reconciled with finance (WH-6):
/// it names <paramref name="ReconciledWith"/>, a person of division or headquarters finance other than the one who
/// closes it, and the event records them.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who closes the stocktake.</param>
/// <param name="At">When.</param>
/// <param name="Item">The stock item.</param>
/// <param name="Stocktake">The stocktake's reference.</param>
/// <param name="Booked">On hand in the books when counted.</param>
/// <param name="Counted">The sound units counted.</param>
/// <param name="Differences">The explained differences; empty when the count matches.</param>
/// <param name="LastWeekSales">Last week's sales of the item, the low-stock threshold (WH-4); null keeps the last one given.</param>
/// <param name="ReconciledWith">For the quarterly stocktake, the finance person it is reconciled with (WH-6); null for a weekly one.</param>
public sealed record CountStock(CommandId CommandId, Actor Actor, Instant At, StockItemId Item, string Stocktake, int Booked, int Counted,
    ImmutableArray<StockDifference> Differences, int? LastWeekSales = null, Actor? ReconciledWith = null)
    : StockCommand(CommandId, Actor, At, Item)
{
    /// <inheritdoc />
    internal override InputProblem? CheckFields(InputLimits limits)
    {
        if (Booked < 0 || Counted < 0)
        {
            return new InputProblem(string.Create(CultureInfo.InvariantCulture, $"Booked {Booked} and counted {Counted} cannot be negative."), RuleIds.Wh3);
        }

        if (References.Check(Stocktake, limits) is { } reference)
        {
            return reference;
        }

        var differences = Differences.IsDefault ? [] : Differences;
        if (limits.Items(differences.Length, "stocktake differences") is { } items)
        {
            return items;
        }

        for (var i = 0; i < differences.Length; i++)
        {
            // WH-6: every surplus, shortage or damage needs a reason and a responsible person.
            var d = differences[i];
            if (d is null || !Enum.IsDefined(d.Kind) || d.Quantity <= 0 || string.IsNullOrWhiteSpace(d.Reason) || string.IsNullOrWhiteSpace(d.ResponsiblePerson))
            {
                return new InputProblem(string.Create(CultureInfo.InvariantCulture,
                    $"Difference {i + 1} of the stocktake needs a kind, a quantity above zero, a reason and a responsible person."), RuleIds.Wh6);
            }

            if ((limits.Reason(d.Reason, "difference reason") ?? limits.Code(d.ResponsiblePerson, "responsible person")) is { } tooLong)
            {
                return tooLong;
            }
        }

        if (ReconciledWith is { } finance)
        {
            // WH-6: the quarterly stocktake is reconciled with finance, by someone other than the one who closes it.
            if (finance.Role != ActorRole.DivisionFinance && finance.Role != ActorRole.HeadquartersFinance)
            {
                return new InputProblem($"The quarterly stocktake is reconciled with division or headquarters finance, not {finance.Role}.", RuleIds.Wh6);
            }

            if (string.Equals(finance.Id, Actor.Id, StringComparison.Ordinal))
            {
                return new InputProblem("The quarterly stocktake is reconciled with someone other than the one who closes it.", RuleIds.Wh6);
            }

            if (limits.Code(finance.Id, "finance person") is { } id)
            {
                return id;
            }
        }

        return CheckThreshold(LastWeekSales);
    }

    /// <inheritdoc />
    internal override CommandOutcome Decide(StockItem? item, long version, EcomPolicy policy)
    {
        if (item is null)
        {
            return CommandOutcome.NotFound(Target);
        }

        var differences = Differences.IsDefault ? [] : Differences;
        var explained = Booked + differences.Sum(d => (long)d.OnHandChange); // long: many large differences cannot overflow
        if (explained != Counted)
        {
            return CommandOutcome.Refuse(RuleIds.Wh6, string.Create(CultureInfo.InvariantCulture,
                $"Stocktake {Stocktake} of {Item} cannot close: booked {Booked}, counted {Counted}; the differences given explain {explained - Booked:+0;-0;0}, leaving {Counted - explained:+0;-0;0} unexplained."));
        }

        if (item.OnHand != Booked)
        {
            return CommandOutcome.Refuse(RuleIds.Wh3, string.Create(CultureInfo.InvariantCulture,
                $"Stocktake {Stocktake} of {Item} was counted against {Booked} booked, but on hand is now {item.OnHand}: stock moved since; count again."));
        }

        if (Counted < item.Reserved)
        {
            return CommandOutcome.Refuse(RuleIds.Wh3, string.Create(CultureInfo.InvariantCulture,
                $"Stocktake {Stocktake} of {Item} counted {Counted}, fewer than the {item.Reserved} reserved: release reservations before closing, so stock never goes negative."));
        }

        var counted = new StockCounted(Target, At, Stocktake, Booked, Counted, differences, ReconciledWith?.Id);
        return Accept(item, version, StockMovementKind.StocktakeAdjustment, Counted - Booked, 0, Stocktake, LastWeekSales, counted, i => i.Counted(At));
    }

    /// <inheritdoc />
    internal override void WriteFields(PayloadWriter writer)
    {
        writer.Add("stocktake", Stocktake).Add("booked", Booked).Add("counted", Counted).Add("lastWeekSales", LastWeekSales ?? -1);
        foreach (var d in Differences.IsDefault ? [] : Differences)
        {
            // A null difference is refused as invalid input; the fingerprint of the refused payload must not throw.
            writer.Add("kind", d is null ? -1L : (long)d.Kind).Add("qty", d?.Quantity ?? 0).Add("reason", d?.Reason).Add("responsible", d?.ResponsiblePerson);
        }

        if (ReconciledWith is { } finance)
        {
            // Only when given, so a weekly stocktake's fingerprint is what it was before quarterly ones existed.
            writer.Add("reconciledWith", finance.Id).Add("reconciledRole", finance.Role.Value);
        }
    }
}
