using System.Globalization;
using EcomRules.Access;
using EcomRules.Commands;
using EcomRules.Engine;
using EcomRules.Orders;
using EcomRules.Ports;
using EcomRules.Refunds;
using EcomRules.Tests.Access;
using EcomRules.Tests.Orders;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace EcomRules.Tests.PropertyTests;

/// <summary>Steps by random actors: a command kind (or a read, from <see cref="AccessProperties.FirstRead"/>), an actor and a target number.</summary>
public sealed record AccessRun((int Kind, int Actor, int Target)[] Steps)
{
    /// <inheritdoc />
    public override string ToString() => string.Join(", ", Steps.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Kind}/{s.Actor}/{s.Target}")));
}

/// <summary>
/// SEC-2 over random commands by random actors, on the in-memory store and SQLite: no command is accepted unless the
/// engine's table permits its actor's role; a command without the permission is refused naming SEC-2 and changes
/// nothing at all (no record, audit entry, message, timer or aggregate); every refusal leaves its target as it was; and
/// every audited read of personal data leaves exactly one audit entry, any other read none.
/// </summary>
[Properties(Arbitrary = [typeof(AccessProperties)])]
public sealed class AccessProperties
{
    /// <summary>The step kinds from here on are reads.</summary>
    public const int FirstRead = 8;

    private static readonly Actor[] Actors =
    [
        OrderScenario.Customer, new("cs-1", ActorRole.CustomerService), OrderScenario.Sales, OrderScenario.Warehouse, OrderScenario.Carrier, Actor.System,
        new("dept-1", ActorRole.SalesDepartmentHead), new("hq-1", ActorRole.Headquarters), new("fin-1", ActorRole.DivisionFinance),
        new("pay-1", ActorRole.HeadquartersFinance), new("ops-1", ActorRole.Operations), new("chair-1", ActorRole.Chairman),
        new("adm-1", ActorRole.Administrator), new("adm-9", ActorRole.Administrator), new("intern-1", new ActorRole("intern")),
    ];

    [Property(MaxTest = 60)]
    [Trait("Rule", "SEC-2")]
    [Trait("Rule", "SEC-4")]
    public bool SEC2_on_the_in_memory_store_no_command_succeeds_without_its_permission_a_refusal_changes_nothing_and_every_personal_data_read_is_audited_once(AccessRun run)
        => Task.Run(() => CheckAsync("memory", run)).GetAwaiter().GetResult();

    [Property(MaxTest = 15)]
    [Trait("Rule", "SEC-2")]
    [Trait("Rule", "SEC-4")]
    public bool SEC2_on_sqlite_no_command_succeeds_without_its_permission_a_refusal_changes_nothing_and_every_personal_data_read_is_audited_once(AccessRun run)
        => Task.Run(() => CheckAsync("sqlite", run)).GetAwaiter().GetResult();

    /// <summary>Up to 40 steps of any kind by any actor on two orders and eight administrators.</summary>
    public static Arbitrary<AccessRun> Runs() => Arb.From(
        from steps in Gen.ArrayOf(from kind in Gen.Choose(0, FirstRead + 2) from actor in Gen.Choose(0, Actors.Length - 1) from target in Gen.Choose(0, 7) select (kind, actor, target))
        select new AccessRun(steps.Length > 40 ? steps[..40] : steps),
        r => Shrinks.Array(r.Steps).Select(s => new AccessRun(s)));

    private static async Task<bool> CheckAsync(string kind, AccessRun run)
    {
        using var f = new AccessFixture(kind);
        await f.Ok(f.Place("O-0"));
        for (var i = 0; i < run.Steps.Length; i++)
        {
            var (stepKind, actorIndex, target) = run.Steps[i];
            var actor = Actors[actorIndex];
            var at = AccessFixture.Now + Duration.FromMinutes(i + 1);
            if (stepKind >= FirstRead)
            {
                if (!await ReadIsAuditedOnceAsync(f, stepKind, new DataAccess(actor, at, "property check"), target))
                {
                    return false;
                }

                continue;
            }

            var command = await CommandAsync(f, stepKind, actor, at, target);
            var permitted = f.Engine.Permissions.Allows(command);
            var (counts, json) = (f.Counts(), await f.Json(command.Target));
            var audit = f.AuditCount();
            var decision = await f.Run(command);
            var refusedUnchanged = decision.IsAccepted || (json == await f.Json(command.Target) && audit == f.AuditCount());
            var notPermittedAsSuch = permitted || (decision.Code == RefusalCode.NotPermitted && decision.RuleId == RuleIds.Sec2 && counts == f.Counts());
            if ((decision.IsAccepted && !permitted) || !notPermittedAsSuch || !refusedUnchanged)
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<bool> ReadIsAuditedOnceAsync(AccessFixture f, int kind, DataAccess access, int target)
    {
        var before = f.AuditCount();
        var personal = kind != FirstRead + 2 && (kind == FirstRead
            ? await f.Engine.GetAsync(new OrderId("O-" + (target % 2).ToString(CultureInfo.InvariantCulture)), access) is not null
            : await f.Engine.GetAsync(new global::EcomRules.Returns.ReturnCaseId(new OrderId("O-0"), "r1"), access) is not null);
        if (kind == FirstRead + 2)
        {
            await f.Engine.GetAsync(AdminRosterId.Platform, access);
        }

        return f.AuditCount() - before == (personal ? 1 : 0);
    }

    private static async Task<EcomCommand> CommandAsync(AccessFixture f, int kind, Actor actor, Instant at, int target)
    {
        var id = f.NextId();
        var order = new OrderId("O-" + (target % 2).ToString(CultureInfo.InvariantCulture));
        var admin = "adm-" + target.ToString(CultureInfo.InvariantCulture);
        return kind switch
        {
            0 => f.Place(order.Value, actor) with { At = at },
            1 => new PayOrder(id, actor, at, order, (await f.Store.ReadAsync(order))?.Aggregate.Total ?? new Money(1m)),
            2 => new ConfirmOrder(id, actor, at, order),
            3 => new CancelOrder(id, actor, at, order, "changed my mind"),
            4 => new AddAdministrator(id, actor, at, AdminRosterId.Platform, admin),
            5 => new RemoveAdministrator(id, actor, at, AdminRosterId.Platform, admin, "left"),
            6 => new ConfirmCredentialRotation(id, actor, at, AdminRosterId.Platform, admin),
            _ => new ApproveRefund(id, actor, at, new RefundId(order, "r1")),
        };
    }
}
