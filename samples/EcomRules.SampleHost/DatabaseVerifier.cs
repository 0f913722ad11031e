using EcomRules.Commands;
using EcomRules.Orders;
using EcomRules.Ports;
using EcomRules.Refunds;
using EcomRules.Returns;
using EcomRules.Sqlite;

namespace EcomRules.SampleHost;

/// <summary>
/// <c>--verify</c>: checks the database's invariants and lists every violation. The sample exits non-zero when there
/// is any.
/// </summary>
internal static class DatabaseVerifier
{
    public static async Task<IReadOnlyList<string>> VerifyAsync(SqliteEcomStore store, IReadOnlyList<OrderId> orderIds, CancellationToken cancellationToken)
    {
        var violations = new List<string>();
        var integrity = await store.CheckIntegrityAsync(cancellationToken).ConfigureAwait(false);
        if (!string.Equals(integrity, "ok", StringComparison.Ordinal))
        {
            violations.Add($"SQLite integrity check: {integrity}");
        }

        var found = 0;
        foreach (var id in orderIds)
        {
            // An integrity check reads the storage itself, below the engine's audited reads, as a database administrator would.
            if (await store.LoadAsync(id.Key, cancellationToken).ConfigureAwait(false) is not { State: Order order } stored)
            {
                continue;
            }

            found++;
            await CheckAuditAsync(store, stored.Key, stored.Version, violations, cancellationToken).ConfigureAwait(false);

            // ORD-7: nothing ships without payment, delivery note and invoice.
            if (order.ShippedAt is not null && (order.PaidAt is null || order.DeliveryNote is null || order.InvoiceNumber is null))
            {
                violations.Add($"{id}: shipped without complete paperwork (ORD-7).");
            }

            // REF-1: refunds (paid and reserved) never exceed what was paid.
            if (order.Refunded + order.RefundReserved > order.Paid)
            {
                violations.Add($"{id}: refunds {order.Refunded} + reserved {order.RefundReserved} exceed the {order.Paid} paid (REF-1).");
            }

            // ORD-1: an order completes when the return window has closed with no open return.
            if (order.State == OrderState.Completed && (order.CompletedAt < order.ReturnWindowClosesAt || order.OpenReturns != 0))
            {
                violations.Add($"{id}: completed before its return window closed or with an open return (ORD-1).");
            }

            if (await store.LoadAsync(new ReturnCaseId(id, "1").Key, cancellationToken).ConfigureAwait(false) is { State: ReturnCase } returnCase)
            {
                await CheckAuditAsync(store, returnCase.Key, returnCase.Version, violations, cancellationToken).ConfigureAwait(false);
            }

            foreach (var refundId in new[] { RefundId.ForCancellation(id), new RefundId(id, "return-1") })
            {
                var other = await store.GetAsync(refundId, cancellationToken).ConfigureAwait(false);
                if (other is not null)
                {
                    await CheckAuditAsync(store, other.Key, other.Version, violations, cancellationToken).ConfigureAwait(false);
                }

                // REF-3: a paid refund was approved, reviewed and paid by three people, none of them the requester.
                if (other?.Aggregate is { State: RefundState.Paid } refund)
                {
                    var signers = refund.Signatures.Select(s => s.ActorId).ToArray();
                    if (signers.Contains(refund.RequestedBy, StringComparer.Ordinal) || signers.Distinct(StringComparer.Ordinal).Count() < 3)
                    {
                        violations.Add($"{refundId}: paid without three distinct approvers other than the requester (REF-2, REF-3).");
                    }
                }
            }
        }

        if (found == 0)
        {
            violations.Add("The database holds none of this trading period's orders: run the sample first (same --seed, --days, --orders).");
        }

        var outbox = await store.GetOutboxStatisticsAsync(cancellationToken).ConfigureAwait(false);
        if (outbox.DeadLetters > 0)
        {
            violations.Add($"{outbox.DeadLetters} outbox message(s) are dead letters.");
        }

        return violations;
    }

    // SEC-3: every state change is in the audit trail: versions 1..N, nothing missing, nothing beyond the stored version.
    private static async Task CheckAuditAsync(IEcomStore store, AggregateKey key, long version, List<string> violations, CancellationToken cancellationToken)
    {
        var audit = await store.ReadAuditAsync(key, cancellationToken).ConfigureAwait(false);
        var versions = audit.Select(a => a.Version).Where(v => v > 0).Distinct().Order().ToArray();
        if (versions.Length != version || (versions.Length > 0 && (versions[0] != 1 || versions[^1] != version)))
        {
            violations.Add($"{key}: version {version} but the audit trail records versions [{string.Join(",", versions)}] (SEC-3).");
        }
    }
}
