namespace EcomRules.Tests.Orders;

/// <summary>A command on an existing order, by what it does; <see cref="OrderScenario.Command"/> builds it.</summary>
public enum OrderStep
{
    Pay,
    Confirm,
    Allocate,
    Invoice,
    Ship,
    InTransit,
    Sign,
    ReportLogistics,
    Complete,
    Cancel,
}
