namespace EcomRules.Orders;

/// <summary>What moves an order (ORD-1); each is fired by one command.</summary>
public enum OrderTrigger
{
    /// <summary>Payment received (<see cref="PayOrder"/>).</summary>
    Pay = 1,

    /// <summary>Customer identified and order entered (<see cref="ConfirmOrder"/>).</summary>
    Confirm = 2,

    /// <summary>Stock reserved and delivery note made (<see cref="AllocateStock"/>).</summary>
    Allocate = 3,

    /// <summary>Invoice issued (<see cref="RecordInvoice"/>).</summary>
    Invoice = 4,

    /// <summary>Handed to the carrier (<see cref="RecordShipment"/>).</summary>
    Ship = 5,

    /// <summary>A tracking event that does not change the state: in transit, out for delivery (<see cref="RecordTrackingEvent"/>).</summary>
    Track = 6,

    /// <summary>Signed for by the customer (<see cref="RecordTrackingEvent"/> with <see cref="TrackingEventKind.Signed"/>).</summary>
    Receive = 7,

    /// <summary>Logistics details reported to the platform (<see cref="ReportLogistics"/>, SLA-5).</summary>
    ReportLogistics = 8,

    /// <summary>Return window closed with no open return (<see cref="CompleteOrder"/>).</summary>
    Complete = 9,

    /// <summary>Buyer cancels (<see cref="CancelOrder"/>, ORD-2).</summary>
    Cancel = 10,
}
