using System.Collections.Immutable;
using EcomRules.Access;
using EcomRules.Access.Events;

namespace EcomRules.Persistence;

/// <summary>The codecs of administrator rosters (SEC-4) and their events. Field names are stable: never rename one once data exists.</summary>
internal static class AccessCodecs
{
    public static ImmutableArray<JsonCodec> All { get; } =
    [
        Codec.Aggregate<AdminRoster>("AdminRoster", WriteRoster, ReadRoster),
        Codec.Event("AdministratorAdded", static (f, e) => f.String("administrator", e.AdministratorId).Int("count", e.Count),
            static (r, source, at) => new AdministratorAdded(source, at, r.String("administrator"), r.Int("count"))),
        Codec.Event("AdministratorRemoved", static (f, e) => f.String("administrator", e.AdministratorId).Instant("rotationDueAt", e.RotationDueAt),
            static (r, source, at) => new AdministratorRemoved(source, at, r.String("administrator"), r.Instant("rotationDueAt"))),
        Codec.Event("CredentialRotationConfirmed", static (f, e) => f.String("administrator", e.AdministratorId).Bool("late", e.Late),
            static (r, source, at) => new CredentialRotationConfirmed(source, at, r.String("administrator"), r.Bool("late"))),
        Codec.Event("CredentialRotationBreached", static (f, e) => f.String("administrator", e.AdministratorId),
            static (r, source, at) => new CredentialRotationBreached(source, at, r.String("administrator"))),
    ];

    private static void WriteRoster(JsonFields f, AdminRoster roster)
        => f.String("name", roster.Id.Name).Strings("administrators", roster.Administrators)
            .Array("rotations", roster.Rotations, static (w, x) => w.String("administrator", x.AdministratorId).Instant("removedAt", x.RemovedAt)
                .Instant("dueAt", x.DueAt).Instant("doneAt", x.DoneAt).String("doneBy", x.DoneBy).Bool("breached", x.Breached));

    private static AdminRoster ReadRoster(JsonRecord r)
        => AdminRoster.Rehydrate(new AdminRosterId(r.String("name")), r.Strings("administrators"),
            r.Array("rotations", static x => new CredentialRotation(x.String("administrator"), x.Instant("removedAt"), x.Instant("dueAt"),
                x.OptionalInstant("doneAt"), x.OptionalString("doneBy"), x.Bool("breached"))));
}
