using EcomRules.Commands;
using EcomRules.Ports;

namespace EcomRules.Merchants;

/// <summary>The merchant module's durable timers and the commands they fire (registered in <see cref="Engine.EcomModules.TimerHandlers"/>).</summary>
internal static class MerchantTimers
{
    /// <summary>Adds the re-review lapse (MER-1) and the permission decision breach (MER-4).</summary>
    public static TimerHandlerRegistry Register(TimerHandlerRegistry registry) => registry
        .Add(MerchantId.Kind, MerchantCommand.ReReviewTimerKind,
            static (timer, id) => new LapseMerchantReReview(id, Actor.System, timer.DueAt, new MerchantId(timer.Target.Id)))
        .Add(MerchantId.Kind, MerchantCommand.PermissionTimerKind,
            static (timer, id) => new RecordPermissionDecisionOverdue(id, Actor.System, timer.DueAt, new MerchantId(timer.Target.Id), RequestOf(timer)));

    // The timer's ID is merchant/{id}/MER-4/{request}.
    private static string RequestOf(DueTimer timer)
    {
        var slash = timer.TimerId.LastIndexOf('/');
        return slash < 0 ? timer.TimerId : timer.TimerId[(slash + 1)..];
    }
}
