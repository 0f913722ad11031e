using System.Collections.Immutable;
using EcomRules.Commands;

namespace EcomRules.Persistence;

/// <summary>The codecs of the kernel's events: deadlines (DSP-1, SLA-8) and staff notifications. Field names are stable: never rename one once data exists.</summary>
internal static class DeadlineCodecs
{
    public static ImmutableArray<JsonCodec> All { get; } =
    [
        Codec.Event("DeadlinesProvisional", static (f, e) => f.Array("deadlines", e.Deadlines, DomainValues.WriteProvisionalDeadline),
            static (r, source, at) => new DeadlinesProvisional(source, at, r.Array("deadlines", DomainValues.ReadProvisionalDeadline))),
        Codec.Event("DeadlinesRecomputed", static (f, e) => f.String("notice", e.Notice).Array("deadlines", e.Deadlines, static (d, x) =>
                d.String("timerId", x.TimerId).Instant("was", x.Was).Instant("now", x.Now).Bool("stillProvisional", x.StillProvisional)),
            static (r, source, at) => new DeadlinesRecomputed(source, at, r.String("notice"), r.Array("deadlines", static x =>
                new RecomputedDeadline(x.String("timerId"), x.Instant("was"), x.OptionalInstant("now"), x.Bool("stillProvisional"))))),
        Codec.Event("StaffNotificationRequested", static (f, e) => f.String("recipient", e.Recipient.Value).String("template", e.Template).String("text", e.Text),
            static (r, source, at) => new StaffNotificationRequested(source, at, new ActorRole(r.String("recipient")), r.String("template"), r.String("text"))),
    ];
}
