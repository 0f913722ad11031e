namespace EcomRules.Queues;

/// <summary>A staff work queue: what waits for someone to act, oldest or most urgent first.</summary>
public enum WorkQueue
{
    /// <summary>
    /// Refunds waiting for their approval (REF-2) by the role the amount requires (sales department head below the
    /// threshold, headquarters from it), never shown to the person who requested them (REF-3); oldest request first.
    /// </summary>
    RefundApproval = 0,

    /// <summary>Return cases waiting for service staff to accept or reject them (RET-3); oldest request first.</summary>
    ReturnDecision = 1,

    /// <summary>Return cases shipped back and waiting for the warehouse's inspection of goods and invoice (RET-4); oldest request first.</summary>
    ReturnInspection = 2,

    /// <summary>
    /// Paid orders whose dispatch deadline (ORD-3, DSP-2, DSP-3) is still pending, within a window; earliest deadline
    /// first. An order leaves the queue when it ships, is cancelled, or its deadline passes and is recorded as missed.
    /// </summary>
    DispatchDeadline = 3,

    /// <summary>
    /// SLA timers still running towards their breach (SLA-8), by time left: soonest breach first. A timer leaves the
    /// queue when it stops, is cancelled, or its breach is recorded.
    /// </summary>
    SlaBreach = 4,
}
