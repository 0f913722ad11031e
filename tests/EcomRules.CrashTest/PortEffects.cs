using System.Globalization;
using EcomRules.Ports;
using EcomRules.Shipping;
using Microsoft.Data.Sqlite;

namespace EcomRules.CrashTest;

/// <summary>
/// Fake ports that keep their effects in the <c>port_effects</c> table of the same database file, idempotent by key
/// like a real provider: a repeated key answers with the stored effect, a new key makes a new effect. A duplicate
/// logical effect (two invoices for one order, two pickups) therefore shows as two rows with the same
/// <c>logical</c> value — that is what the crash test checks. A child can be SIGKILLed right after a new effect.
/// </summary>
internal sealed class PortEffects(string connectionString, KillPoint? kill = null) : IInvoiceIssuer, INotifier
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS port_effects (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            port TEXT NOT NULL,
            key TEXT NOT NULL,
            logical TEXT NOT NULL,
            result TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS port_effects_by_key ON port_effects (port, key);
        """;

    /// <summary>Orders whose preferred carrier refuses, so CAR-2 failover runs under crashes too.</summary>
    public static bool PreferredRefuses(string orderId) => orderId.EndsWith('0') || orderId.EndsWith('5');

    public async ValueTask<IssuedInvoice> IssueInvoiceAsync(InvoiceRequest request, CancellationToken cancellationToken = default)
        => new(await EffectAsync("invoice", request.IdempotencyKey, "invoice:" + request.Order.Id, n => "INV-" + n, cancellationToken), request.Total);

    public ValueTask<CreditNoteResult> IssueCreditNoteAsync(CreditNoteRequest request, CancellationToken cancellationToken = default)
        => throw new NotSupportedException("The crash test issues no credit notes.");

    public async ValueTask NotifyAsync(CustomerNotification notification, CancellationToken cancellationToken = default)
        => await EffectAsync("sms", notification.IdempotencyKey, $"sms:{notification.Subject.Id}:{notification.Template}", n => "SMS-" + n, cancellationToken);

    // SLA-8 warnings go to staff; one logical warning per order, SLA and threshold (the text names all three).
    public async ValueTask NotifyStaffAsync(StaffNotification notification, CancellationToken cancellationToken = default)
        => await EffectAsync("staff", notification.IdempotencyKey, $"staff:{notification.Subject.Id}:{notification.Text}", n => "STAFF-" + n, cancellationToken);

    public ICarrierGateway Carrier(string carrier) => new Gateway(this, new CarrierId(carrier));

    private async ValueTask<string> EffectAsync(string port, string key, string logical, Func<string, string> result, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA busy_timeout = 5000;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        using var find = connection.CreateCommand();
        find.Transaction = transaction;
        find.CommandText = "SELECT result FROM port_effects WHERE port = $port AND key = $key;";
        find.Parameters.AddWithValue("$port", port);
        find.Parameters.AddWithValue("$key", key);
        if (await find.ExecuteScalarAsync(cancellationToken) is string existing)
        {
            return existing;
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO port_effects (port, key, logical, result) VALUES ($port, $key, $logical, '') RETURNING id;";
        insert.Parameters.AddWithValue("$port", port);
        insert.Parameters.AddWithValue("$key", key);
        insert.Parameters.AddWithValue("$logical", logical);
        var id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        var text = result(id.ToString("D6", CultureInfo.InvariantCulture));
        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE port_effects SET result = $result WHERE id = $id;";
        update.Parameters.AddWithValue("$result", text);
        update.Parameters.AddWithValue("$id", id);
        await update.ExecuteNonQueryAsync(cancellationToken);
        transaction.Commit();
        if (kill is not null && kill.Hits("port", port))
        {
            KillPoint.Die(); // the effect is made; the dispatcher has not completed its message
        }

        return text;
    }

    private sealed class Gateway(PortEffects effects, CarrierId carrier) : ICarrierGateway
    {
        public CarrierId Carrier => carrier;

        public async ValueTask<ShipmentBooking> BookAsync(ShipmentRequest request, CancellationToken cancellationToken = default)
        {
            if (carrier.Value == "sf" && PreferredRefuses(request.Order.Id))
            {
                return ShipmentBooking.Refused(carrier, "no pickup capacity");
            }

            var tracking = await effects.EffectAsync("carrier", request.IdempotencyKey, "shipment:" + request.Order.Id, n => carrier.Value.ToUpperInvariant() + n, cancellationToken);
            return ShipmentBooking.Booked(carrier, tracking);
        }
    }
}
