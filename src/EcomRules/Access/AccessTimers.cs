using EcomRules.Commands;
using EcomRules.Ports;

namespace EcomRules.Access;

/// <summary>The access module's durable timers and the commands they fire (registered in <see cref="Engine.EcomModules.TimerHandlers"/>).</summary>
internal static class AccessTimers
{
    /// <summary>Adds the credential rotation deadline (SEC-4).</summary>
    public static TimerHandlerRegistry Register(TimerHandlerRegistry registry) => registry
        .Add(AdminRosterId.Kind, AdminRosterCommand.RotationTimerKind,
            static (timer, id) => new RecordCredentialRotationOverdue(id, Actor.System, timer.DueAt, new AdminRosterId(timer.Target.Id), AdministratorOf(timer)));

    // The timer's ID is {kind}/{roster}/rotation/{administrator} (AdminRosterCommand.RotationTimer).
    private static string AdministratorOf(Ports.DueTimer timer)
        => timer.TimerId[(timer.Target.Kind.Length + timer.Target.Id.Length + "//rotation/".Length)..];
}
