using System.Collections.Immutable;
using EcomRules.Calendars;
using NodaTime;

namespace EcomRules.Sla;

/// <summary>The SLAs of the catalogue (SLA-1 to SLA-7) with its numbers as defaults.</summary>
public static class SlaDefinitions
{
    /// <summary>SLA-1: customer identified/matched within 15 working minutes of the order arriving.</summary>
    public static readonly SlaDefinition CustomerMatched = new(
        "SLA-1", RuleIds.Sla1, "Customer identified/matched after the order arrives.", Deadline.WorkingTime(Duration.FromMinutes(15)));

    /// <summary>SLA-2: sales order entered within 30 working minutes.</summary>
    public static readonly SlaDefinition SalesOrderEntered = new(
        "SLA-2", RuleIds.Sla2, "Sales order entered.", Deadline.WorkingTime(Duration.FromMinutes(30)));

    /// <summary>SLA-3: delivery note (交货单) generated within 1 working hour of the order being received.</summary>
    public static readonly SlaDefinition DeliveryNoteGenerated = new(
        "SLA-3", RuleIds.Sla3, "Delivery note (交货单) generated after the order is received.", Deadline.WorkingTime(Duration.FromHours(1)));

    /// <summary>SLA-4: parcel (with invoice) handed to the carrier within 1 working hour of being in stock.</summary>
    public static readonly SlaDefinition HandedToCarrier = new(
        "SLA-4", RuleIds.Sla4, "Warehouse hands the parcel (with invoice) to the carrier once in stock.", Deadline.WorkingTime(Duration.FromHours(1)));

    /// <summary>SLA-5: logistics details of a shipment reach the platform logistics team by 09:00 the next working day.</summary>
    public static readonly SlaDefinition LogisticsDetailsReported = new(
        "SLA-5", RuleIds.Sla5, "Logistics details of the shipment reach the platform logistics team.", Deadline.NextWorkingDayAt(new LocalTime(9, 0)));

    /// <summary>SLA-6: after-sales request answered within 24 elapsed hours.</summary>
    public static readonly SlaDefinition AfterSalesAnswered = AfterSales();

    /// <summary>SLA-7: returned parcel confirmed and restocked the same working day (by the end of its working hours).</summary>
    public static readonly SlaDefinition ReturnConfirmed = new(
        "SLA-7", RuleIds.Sla7, "Returned parcel confirmed and restocked the day it is received.", Deadline.EndOfWorkingDay);

    /// <summary>Gets SLA-1 to SLA-7 with their defaults, in order.</summary>
    public static ImmutableArray<SlaDefinition> All { get; } =
        [CustomerMatched, SalesOrderEntered, DeliveryNoteGenerated, HandedToCarrier, LogisticsDetailsReported, AfterSalesAnswered, ReturnConfirmed];

    /// <summary>Creates SLA-6, the after-sales answer: 24 hours, or 48 hours in special cases.</summary>
    /// <param name="specialCase">Whether this is a special case (48 hours). The default is false (24 hours).</param>
    /// <param name="basis">What time it is measured on. The default is <see cref="SlaTimeBasis.ElapsedTime"/>; with
    /// <see cref="SlaTimeBasis.WorkingTime"/> the hours are working hours.</param>
    /// <returns>The definition.</returns>
    public static SlaDefinition AfterSales(bool specialCase = false, SlaTimeBasis basis = SlaTimeBasis.ElapsedTime)
    {
        // SLA-6: 24 hours, at most 48 hours in special cases.
        var hours = Duration.FromHours(specialCase ? 48 : 24);
        Deadline goal = basis == SlaTimeBasis.WorkingTime ? Deadline.WorkingTime(hours) : Deadline.Elapsed(hours);
        return new("SLA-6", RuleIds.Sla6, "After-sales request answered.", goal, basis);
    }

    /// <summary>
    /// SLA-6's special case (48 hours) on a time basis, made once per basis: an aggregate that started it (a return case,
    /// a complaint) is stored with a flag and reads back this same definition, not the policy's 24 hours.
    /// </summary>
    internal static SlaDefinition AfterSalesSpecialCase(SlaTimeBasis basis) => basis == SlaTimeBasis.WorkingTime ? SpecialWorking : SpecialElapsed;

    private static readonly SlaDefinition SpecialElapsed = AfterSales(true);

    private static readonly SlaDefinition SpecialWorking = AfterSales(true, SlaTimeBasis.WorkingTime);
}
