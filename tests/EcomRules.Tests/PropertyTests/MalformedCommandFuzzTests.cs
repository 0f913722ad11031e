using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Persistence;
using EcomRules.Policies;
using EcomRules.Refunds;
using EcomRules.Returns;
using EcomRules.Shipping;
using EcomRules.Sqlite;
using EcomRules.Testing;
using EcomRules.Tests.Sqlite;
using NodaTime;
using Xunit.Abstractions;

namespace EcomRules.Tests.PropertyTests;

/// <summary>
/// Issue 15's proof: random malformed commands — nulls, overflow, extreme instants, unknown IDs, wrong order, reused
/// command IDs, long and odd text — on the in-memory and SQLite stores. Every outcome is an acceptance, a refusal or an
/// exception of the <see cref="ArgumentException"/> family; a refusal or an exception leaves the stored JSON, audit
/// trail, outbox and timers exactly as they were, and records the command only when it was decided against its target.
/// The seed is fixed (CI); set <c>ECOMRULES_FUZZ_SEED</c> to a number, or to <c>random</c>, to explore; a failure
/// prints the seed and the command.
/// </summary>
public sealed class MalformedCommandFuzzTests(ITestOutputHelper output)
{
    private const int FixedSeed = 20_261_205;
    private const int Commands = 10_000;

    [Fact]
    [Trait("Rule", "ORD-1")]
    [Trait("Rule", "REF-1")]
    [Trait("Rule", "SEC-3")]
    public async Task RandomMalformedCommands_OnTheInMemoryStore_AreAcceptedRefusedOrArgumentErrors_AndRefusalsChangeNothing()
    {
        var store = new InMemoryEcomStore();
        output.WriteLine(await new Fuzzer(Seed(), store, () => Counts(store), key => Json(store, key)).RunAsync(Commands));
    }

    [Fact]
    [Trait("Rule", "ORD-1")]
    [Trait("Rule", "REF-1")]
    [Trait("Rule", "SEC-3")]
    public async Task RandomMalformedCommands_OnTheSqliteStore_AreAcceptedRefusedOrArgumentErrors_AndRefusalsChangeNothing()
    {
        using var database = new SqliteTestDatabase();
        // Normal synchronisation: the fuzz checks what is committed, not durability on power loss.
        using var store = await SqliteEcomStore.OpenAsync(new SqliteStoreOptions { DataSource = database.FilePath, Synchronous = SqliteSynchronous.Normal }, EcomSerializer.Default);
        using var connection = database.Connect();
        output.WriteLine(await new Fuzzer(Seed(), store, () => SqliteCounts(connection), key => SqliteJson(connection, key)).RunAsync(Commands));
    }

    private static int Seed()
    {
        var setting = Environment.GetEnvironmentVariable("ECOMRULES_FUZZ_SEED");
        return setting switch
        {
            null or "" => FixedSeed,
            "random" => Random.Shared.Next(),
            _ => int.Parse(setting, CultureInfo.InvariantCulture),
        };
    }

    private static (long Commands, string Others) Counts(InMemoryEcomStore store)
        => (store.CommandCount, $"audit {store.AuditTrail.Count}, outbox {store.Outbox.Count}, timers {store.Timers.Count}, aggregates {store.AggregateCount}");

    private static (long Commands, string Others) SqliteCounts(Microsoft.Data.Sqlite.SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM commands), (SELECT count(*) FROM audit), (SELECT count(*) FROM outbox), (SELECT count(*) FROM timers), (SELECT count(*) FROM aggregates);";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), $"audit {reader.GetInt64(1)}, outbox {reader.GetInt64(2)}, timers {reader.GetInt64(3)}, aggregates {reader.GetInt64(4)}");
    }

    private static string Json(InMemoryEcomStore store, AggregateKey key)
        => store.LoadAsync(key).AsTask().GetAwaiter().GetResult() is { } stored
            ? $"v{stored.Version} {EcomSerializer.Default.SerializeAggregate(stored.State)}" // completes at once: the in-memory store does no I/O
            : "-";

    // The JSON as stored, read straight from the table.
    private static string SqliteJson(Microsoft.Data.Sqlite.SqliteConnection connection, AggregateKey key)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, json FROM aggregates WHERE kind = $kind AND id = $id;";
        command.Parameters.AddWithValue("$kind", key.Kind);
        command.Parameters.AddWithValue("$id", key.Id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? $"v{reader.GetInt64(0)} {reader.GetString(1)}" : "-";
    }

    private sealed class Fuzzer(int seed, global::EcomRules.Ports.IEcomStore store, Func<(long Commands, string Others)> counts, Func<AggregateKey, string> json)
    {
        private static readonly string Megabyte = new('m', 1 << 20);
        private static readonly string[] Numbers = ["c1", "c2", "r1", "r2", "cancel", "return-c1"];
        private static readonly Actor[] Actors =
        [
            new("buyer-1", ActorRole.Customer), new("cs-1", ActorRole.CustomerService), new("sales-1", ActorRole.Sales),
            new("wh-1", ActorRole.Warehouse), new("sf", ActorRole.Carrier), Actor.System, new("dept-1", ActorRole.SalesDepartmentHead),
            new("hq-1", ActorRole.Headquarters), new("fin-1", ActorRole.DivisionFinance), new("pay-1", ActorRole.HeadquartersFinance),
            new("\u202Eevil\u0000", new ActorRole("rôle 🙂")),
        ];

        private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 1, 0);
        private readonly Random _random = new(seed);
        private readonly EcomEngine _engine = new(store, EcomPolicy.RetailPlatform);
        private readonly List<CommandId> _usedIds = [];
        private Instant _now = Start;
        private int _next;
        private int _badField;
        private readonly Dictionary<string, int> _refusals = [];

        public async Task<string> RunAsync(int commands)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var outcomes = new int[4]; // accepted, refused, argument exception, invalid at construction
            for (var i = 0; i < commands; i++)
            {
                _now += Duration.FromMinutes(_random.Next(0, 180));
                if (_now > Instant.FromUtc(2026, 11, 1, 0, 0))
                {
                    _now = Start; // stay in the calendar's covered years; instants outside are generated on purpose
                }

                EcomCommand command;
                try
                {
                    command = await NextAsync();
                }
                catch (ArgumentException)
                {
                    outcomes[3]++; // a command's constructor or a value refused the input: the door held
                    continue;
                }

                await CheckAsync(command, outcomes, i);
            }

            // The run must exercise every kind of outcome, or it proves little.
            var summary = $"seed {seed}: {commands} commands in {clock.Elapsed.TotalSeconds:0.0} s: accepted {outcomes[0]}, refused {outcomes[1]} "
                + $"({string.Join(", ", _refusals.OrderByDescending(r => r.Value).Select(r => $"{r.Key}: {r.Value}"))}), argument errors {outcomes[2]}, invalid at construction {outcomes[3]}";
            Assert.True(outcomes[0] > commands / 20 && outcomes[1] > commands / 5 && outcomes[2] > 0, summary);
            return summary;
        }

        private async Task CheckAsync(EcomCommand command, int[] outcomes, int index)
        {
            var keys = Keys(command);
            var before = Snapshot(keys);
            var (commandsBefore, restBefore) = counts();
            Decision decision;
            try
            {
                decision = await _engine.ExecuteAsync(command);
            }
            catch (ArgumentException)
            {
                outcomes[2]++;
                That(before == Snapshot(keys) && (commandsBefore, restBefore) == counts(), () => Describe(index, command, "an ArgumentException changed the store"));
                return;
            }
            catch (Exception e)
            {
                Assert.Fail(Describe(index, command, $"{e.GetType().Name} escaped ExecuteAsync: {e}"));
                return;
            }

            if (decision.IsReplay)
            {
                // DESIGN: same command ID → the first decision, no second effect.
                That(before == Snapshot(keys) && (commandsBefore, restBefore) == counts(), () => Describe(index, command, $"the replay had an effect: {decision}"));
                That(!decision.IsAccepted || decision.State is not null, () => Describe(index, command, "a replayed acceptance without its state"));
            }

            if (decision.IsAccepted)
            {
                outcomes[0]++;
                await CheckNothingPoisonedAsync(keys, index, command);
                return;
            }

            outcomes[1]++;
            var kind = $"{decision.Code} {decision.RuleId}";
            _refusals[kind] = _refusals.GetValueOrDefault(kind) + 1;
            That(decision.Code != RefusalCode.None, () => Describe(index, command, "a refusal without a code"));
            That(before == Snapshot(keys), () => Describe(index, command, $"the refusal changed an aggregate: {decision}"));
            var (commandsAfter, restAfter) = counts();
            That(restBefore == restAfter, () => Describe(index, command, $"the refusal wrote audit, outbox or timers: {decision}"));
            var recorded = !decision.IsReplay && decision.Code != RefusalCode.CommandIdReused && EcomEngine.IsRecorded(decision.Code);
            That(commandsAfter == commandsBefore + (recorded ? 1 : 0), () => Describe(index, command, $"recorded {commandsAfter - commandsBefore} for {decision}"));
        }

        private async Task CheckNothingPoisonedAsync(AggregateKey[] keys, int index, EcomCommand command)
        {
            foreach (var key in keys)
            {
                if ((await store.LoadAsync(key))?.State is Order order)
                {
                    // An accepted order can always be shown, totalled and refunded against.
                    That(order.ToString().Length > 0 && order.Total >= order.Goods && order.Refundable <= order.Paid, () => Describe(index, command, "order poisoned"));
                }
            }
        }

        private string Snapshot(AggregateKey[] keys)
        {
            var text = new StringBuilder();
            foreach (var key in keys)
            {
                text.Append(key.ToString()).Append(' ').Append(json(key)).Append('\n');
            }

            return text.ToString();
        }

        private static AggregateKey[] Keys(EcomCommand command)
        {
            try
            {
                return [command.Target, .. command.AlsoLoads];
            }
            catch (ArgumentException)
            {
                return []; // a default ID has no key; the command fails at the door
            }
        }

        private static void That(bool condition, Func<string> message)
        {
            if (!condition)
            {
                Assert.Fail(message()); // the message is built only on failure
            }
        }

        private string Describe(int index, EcomCommand command, string problem)
        {
            string text;
            try
            {
                text = command.ToString();
            }
            catch (ArgumentException)
            {
                text = command.GetType().Name + " with a default ID"; // its Target (printed by the record) has no key
            }

            return $"Fuzz seed {seed} (rerun with ECOMRULES_FUZZ_SEED={seed}), command #{index}: {problem}\n{(text.Length > 600 ? text[..600] + "…" : text)}";
        }

        private async Task<EcomCommand> NextAsync()
        {
            // Two commands in five are malformed, each of their fields with a chance of one in three; the others are
            // well formed (right actor, current instant, the order's total), so orders, returns and refunds advance
            // and the malformed commands meet every state.
            _badField = _random.Next(5) < 2 ? 3 : 0;
            var id = CommandIdNext();
            var at = Bad() ? AnInstant() : _now;
            var order = OrderIdNext();
            var stored = order.Value.Length == 0 ? null : (await store.LoadAsync(order.Key))?.State as Order;
            var total = stored?.Total ?? Money.Zero;
            var amount = Bad() ? AnAmount() : total;
            var text = Bad() ? NullableText()! : "ok-" + _random.Next(100).ToString(CultureInfo.InvariantCulture);
            var kind = _random.Next(2) == 0 ? Pick(Progress(stored?.State)) : _random.Next(25); // half the time the order's next step
            var actor = Bad() ? Pick(Actors) : RightActor(kind);
            return kind switch
            {
                0 or 1 => new PlaceOrder(id, actor, at, order, Buyer(), OrderLines(), Bad() ? AnAmount() : null),
                2 => new PayOrder(id, actor, at, order, amount),
                3 => new ConfirmOrder(id, actor, at, order, Bad() ? new global::EcomRules.Customers.CustomerId("cust-" + _random.Next(3)) : null),
                4 => new AllocateStock(id, actor, at, order, text),
                5 => new RecordInvoice(id, actor, at, order, text, amount),
                6 => new RecordShipment(id, actor, at, order, Bad() ? (_random.Next(3) == 0 ? default : new CarrierId("unknown-express")) : new CarrierId(Pick(["sf", "ems"])), text),
                7 => new RecordTrackingEvent(id, actor, at, order, Bad() ? (TrackingEventKind)_random.Next(-1, 6) : Pick([TrackingEventKind.InTransit, TrackingEventKind.Signed])),
                8 => new ReportLogistics(id, actor, at, order),
                9 => new CompleteOrder(id, actor, at, order),
                10 => new CancelOrder(id, actor, at, order, Bad() ? NullableText() : null),
                11 => new RecordDeadlinePassed(id, actor, at, order, Pick(["sla-breach", "dispatch-deadline", "nonsense", null!, Megabyte]), Pick(["SLA-1", "SLA-4", "SLA-99", null])),
                12 or 13 => new RequestReturn(id, actor, at, Case(order), Bad() ? (ReturnKind)_random.Next(-1, 4) : ReturnKind.Return,
                    Bad() ? (ReturnReason)_random.Next(-1, 6) : ReturnReason.QualityProblem, Bad() ? NullableText() : null, Evidence(), ReturnLines(), _random.Next(2) == 0),
                14 => new DecideReturn(id, actor, at, Case(order), !Bad(), text),
                15 => new RecordReturnShipment(id, actor, at, Case(order), text, Bad() ? AnAmount() : new Money(8m)),
                16 => new InspectReturn(id, actor, at, Case(order), !Bad(), !Bad(), Bad() ? NullableText() : null),
                17 => new ResolveNegotiation(id, actor, at, Case(order), !Bad(), text),
                18 => new RestockReturn(id, actor, at, Case(order)),
                19 => new RequestRefund(id, actor, at, RefundIdNext(order), Bad() ? AnAmount() : new Money(Math.Min(total.Yuan, 10m)), text),
                20 => new ApproveRefund(id, actor, at, RefundIdNext(order)),
                21 => new ReviewRefund(id, actor, at, RefundIdNext(order)),
                22 => _random.Next(2) == 0 ? new ConfirmInvoiceRecovered(id, actor, at, RefundIdNext(order)) : new RequestCreditNote(id, actor, at, RefundIdNext(order)),
                23 => _random.Next(2) == 0 ? new RecordCreditNote(id, actor, at, RefundIdNext(order), text) : new RejectRefund(id, actor, at, RefundIdNext(order), text),
                _ => new PayRefund(id, actor, at, RefundIdNext(order)),
            };
        }

        private static int[] Progress(OrderState? state) => state switch
        {
            null => [0],
            OrderState.Placed => [2],
            OrderState.Paid => [3],
            OrderState.Confirmed => [4],
            OrderState.Allocated => [5],
            OrderState.Invoiced => [6],
            OrderState.Shipped => [7, 10],
            OrderState.Received => [12, 14, 15, 16, 18, 19, 20, 21, 22, 24, 9],
            _ => [19, 20, 21, 22, 24],
        };

        private bool Bad() => _badField > 0 && _random.Next(_badField) == 0;

        private static Actor RightActor(int kind) => kind switch
        {
            0 or 1 or 14 or 17 or 19 => Actors[1], // customer service
            2 or 5 or 9 or 11 => Actor.System,
            3 => Actors[2],
            4 or 8 or 16 or 18 => Actors[3],
            6 or 7 => Actors[4],
            10 or 12 or 13 or 15 => Actors[0],
            20 or 23 => Actors[6],
            21 or 22 => Actors[8],
            _ => Actors[9],
        };

        private T Pick<T>(T[] values) => values[_random.Next(values.Length)];

        private CommandId CommandIdNext()
        {
            if (_usedIds.Count > 0 && _random.Next(8) == 0)
            {
                return _usedIds[_random.Next(_usedIds.Count)]; // a retry, or a reused key with another payload
            }

            var id = new CommandId("fz-" + (++_next).ToString(CultureInfo.InvariantCulture));
            _usedIds.Add(id);
            return id;
        }

        // Four orders at a time; every 150 commands one more, so new orders keep coming once the old ones are done.
        private OrderId OrderIdNext()
            => Bad() && _random.Next(5) == 0 ? default : new OrderId("F" + ((_next / 150) + _random.Next(4)).ToString(CultureInfo.InvariantCulture));

        private ReturnCaseId Case(OrderId order) => Bad() && _random.Next(5) == 0 ? default : new ReturnCaseId(order, Bad() ? Pick(Numbers) : "c1");

        private RefundId RefundIdNext(OrderId order) => Bad() && _random.Next(5) == 0 ? default : new RefundId(order, Bad() ? Pick(Numbers) : Pick(["r1", "cancel", "return-c1"]));

        private Instant AnInstant() => _random.Next(30) switch
        {
            0 => Instant.MinValue,
            1 => Instant.MaxValue,
            2 => Instant.FromUtc(1970, 1, 1, 0, 0),
            3 => Instant.FromUtc(2099, 6, 1, 0, 0), // a year the calendar does not cover
            4 => Instant.FromUtc(8999, 12, 31, 23, 59),
            _ => _now,
        };

        private Money AnAmount() => _random.Next(8) switch
        {
            0 => Money.Zero,
            1 => new Money(Money.MaxYuan),
            2 => new Money(Money.MaxYuan - 0.01m),
            3 => new Money(0.01m),
            _ => Money.FromFen(_random.Next(0, 10_000_000)),
        };

        private string? NullableText() => _random.Next(12) switch
        {
            0 => null,
            1 => string.Empty,
            2 => " \t\n",
            3 => _random.Next(4) == 0 ? Megabyte : new string('k', 65),
            4 => new string('长', 201),
            5 => new string('r', 2_001),
            6 => "'; DROP TABLE aggregates; --",
            7 => "\u0000\u202E🙂\uD800", // a NUL, a right-to-left override, an emoji and a lone surrogate
            _ => "ok-" + _random.Next(100).ToString(CultureInfo.InvariantCulture),
        };

        private int Quantity() => !Bad() ? _random.Next(1, 4) : _random.Next(7) switch
        {
            0 => int.MinValue,
            1 => -1,
            2 => 0,
            3 => int.MaxValue,
            4 => PlaceOrder.MaxQuantity,
            5 => PlaceOrder.MaxQuantity + 1,
            _ => 1,
        };

        private string Sku() => Bad() ? NullableText()! : Pick(["SKU-A", "SKU-B"]);

        private ImmutableArray<OrderLine> OrderLines() => !Bad() ? [new OrderLine("SKU-A", 2, new Money(50m)), new OrderLine("SKU-B", 1, new Money(20m))] : _random.Next(5) switch
        {
            0 => default,
            1 => [],
            2 => [null!],
            3 => [.. Enumerable.Range(0, 1_001).Select(_ => new OrderLine("SKU-A", 1, new Money(1m)))],
            _ => [.. Enumerable.Range(0, _random.Next(1, 4)).Select(_ => new OrderLine(Sku(), Quantity(), _random.Next(3) == 0 ? AnAmount() : new Money(50m)))],
        };

        private ImmutableArray<ReturnLine> ReturnLines() => !Bad() ? [new ReturnLine("SKU-A", 1)] : _random.Next(4) switch
        {
            0 => default,
            1 => [],
            2 => [null!],
            _ => [.. Enumerable.Range(0, _random.Next(1, 3)).Select(_ => new ReturnLine(Sku(), Quantity()))],
        };

        private ImmutableArray<string> Evidence() => !Bad() ? ["photo-1.jpg"] : _random.Next(4) switch
        {
            0 => default,
            1 => [],
            2 => [null!],
            _ => [NullableText()!],
        };

        private BuyerDetails Buyer()
        {
            var buyer = _random.Next(2) == 0 ? SampleBuyers.Private(Bad() ? "Atlantis" : Pick(["Zhejiang", "Xinjiang"])) : SampleBuyers.Business();
            return !Bad() ? buyer : _random.Next(5) switch
            {
                0 => null!,
                1 => buyer with { Name = NullableText()! },
                2 => buyer with { Street = NullableText()!, City = NullableText()!, District = NullableText() },
                3 => buyer with { Mobile = NullableText()!, ResidentId = NullableText(), PostalCode = NullableText(), CreditCode = NullableText() },
                _ => buyer with { Kind = (BuyerKind)_random.Next(-1, 4), Province = NullableText()! },
            };
        }
    }
}
