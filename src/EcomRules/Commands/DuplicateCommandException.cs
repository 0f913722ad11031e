namespace EcomRules.Commands;

/// <summary>
/// Thrown by a store when a change set's idempotency record collides with one already stored: another execution of
/// the same command ID committed first. The engine answers with the stored decision.
/// </summary>
public sealed class DuplicateCommandException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="commandId">The command ID that is already recorded.</param>
    public DuplicateCommandException(CommandId commandId)
        : base($"Command '{commandId}' has already been recorded.")
    {
        CommandId = commandId;
    }

    /// <summary>Gets the command ID that is already recorded.</summary>
    public CommandId CommandId { get; }
}
