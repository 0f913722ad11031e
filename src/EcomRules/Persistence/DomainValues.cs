using EcomRules.Commands;
using EcomRules.Customers;
using EcomRules.Orders;
using EcomRules.Sla;

namespace EcomRules.Persistence;

/// <summary>
/// Fields of the value objects that aggregates and events share: buyers, addresses, order lines and SLA timers.
/// Reading goes through the domain constructors and parsers, so stored data is validated like entered data.
/// </summary>
internal static class DomainValues
{
    public static void WriteBuyer(JsonFields fields, CustomerIdentity buyer)
    {
        switch (buyer)
        {
            case BusinessBuyer business:
                fields.Enum("kind", BuyerKind.Business).String("name", business.Name).String("creditCode", business.CreditCode.Value)
                    .String("contactName", business.ContactName).String("phone", business.Phone.Value);
                break;
            case PrivateBuyer person:
                fields.Enum("kind", BuyerKind.Private).String("name", person.Name).String("residentId", person.ResidentId.Value)
                    .String("postalCode", person.PostalCode.Value).String("phone", person.Phone.Value);
                break;
            default:
                throw new NotSupportedException($"Buyer type {buyer.GetType().Name} cannot be stored.");
        }

        fields.Object("address", buyer.Address, WriteAddress);
    }

    public static CustomerIdentity ReadBuyer(JsonRecord record)
    {
        var address = ReadAddress(record.Object("address"));
        var phone = ChineseMobileNumber.Parse(record.String("phone"));
        return record.Enum<BuyerKind>("kind") switch
        {
            BuyerKind.Business => new BusinessBuyer(
                record.String("name"), UnifiedSocialCreditCode.Parse(record.String("creditCode")), address, record.String("contactName"), phone),
            _ => new PrivateBuyer(
                record.String("name"),
                ResidentIdNumber.ParseStored(record.String("residentId")),
                PostalCode.Parse(record.String("postalCode")),
                address,
                phone),
        };
    }

    public static void WriteAddress(JsonFields fields, Address address)
        => fields.Int("province", address.Province.Code).String("city", address.City).String("district", address.District)
            .String("street", address.StreetLine).String("postalCode", address.PostalCode?.Value);

    public static Address ReadAddress(JsonRecord record)
        => new(
            Province.FromCode(record.Int("province")),
            record.String("city"),
            record.OptionalString("district"),
            record.String("street"),
            record.OptionalString("postalCode") is { } postalCode ? PostalCode.Parse(postalCode) : null);

    public static void WriteLine(JsonFields fields, OrderLine line)
        => fields.String("sku", line.Sku).Int("quantity", line.Quantity).Money("unitPrice", line.UnitPrice);

    public static OrderLine ReadLine(JsonRecord record) => new(record.String("sku"), record.Int("quantity"), record.Money("unitPrice"));

    // DSP-1, SLA-8: a deadline computed on provisional calendar days, by its durable timer.
    public static void WriteProvisionalDeadline(JsonFields fields, ProvisionalDeadline deadline)
        => fields.String("timerId", deadline.TimerId).String("kind", deadline.Kind).Instant("dueAt", deadline.DueAt);

    public static ProvisionalDeadline ReadProvisionalDeadline(JsonRecord record)
        => new(record.String("timerId"), record.String("kind"), record.Instant("dueAt"));

    // An SLA timer is event-sourced: its definition's ID (policy, resolved on reading) and its events.
    public static void WriteSlaTimer(JsonFields fields, SlaTimer timer)
        => fields.String("id", timer.Definition.Id).Array("events", timer.Events, static (f, e) =>
            f.Enum("kind", e.Kind).Instant("at", e.At).String("reason", e.Reason));

    public static SlaTimer ReadSlaTimer(JsonRecord record) => ReadSlaTimer(record, record.Settings.Sla(record.String("id")));

    /// <summary>Reads an SLA timer whose definition the aggregate knows (SLA-6's special case, ORD-5); the stored ID must match it.</summary>
    public static SlaTimer ReadSlaTimer(JsonRecord record, SlaDefinition definition)
    {
        if (!string.Equals(record.String("id"), definition.Id, StringComparison.Ordinal))
        {
            throw new System.Text.Json.JsonException($"The stored SLA timer '{record.String("id")}' is not the expected '{definition.Id}'.");
        }

        var events = record.Array("events", static e => new SlaTimerEvent(e.Enum<SlaTimerEventKind>("kind"), e.Instant("at"), e.OptionalString("reason")));
        if (events.IsEmpty || events[0].Kind != SlaTimerEventKind.Started || events[0].Reason is not null)
        {
            throw new System.Text.Json.JsonException($"The stored SLA timer '{definition.Id}' must begin with one Started event without a reason.");
        }

        // Replaying through the timer's own operations checks the order of kinds and instants.
        var timer = SlaTimer.Start(definition, events[0].At);
        foreach (var e in events.AsSpan()[1..])
        {
            timer = e.Kind switch
            {
                SlaTimerEventKind.Paused => timer.Pause(e.At, e.Reason),
                SlaTimerEventKind.Cancelled => timer.Cancel(e.At, e.Reason),
                SlaTimerEventKind.Reset => timer.Reset(e.At, e.Reason),
                SlaTimerEventKind.Resumed when e.Reason is null => timer.Resume(e.At),
                SlaTimerEventKind.Stopped when e.Reason is null => timer.Stop(e.At),
                _ => throw new System.Text.Json.JsonException($"The stored SLA timer '{definition.Id}' has a {e.Kind} event that cannot be replayed."),
            };
        }

        return timer;
    }
}
