namespace EcomRules.Commands;

/// <summary>Whether a command was accepted or refused.</summary>
public enum DecisionStatus
{
    /// <summary>The command was accepted; its state change, audit entry and events are saved.</summary>
    Accepted = 1,

    /// <summary>The command was refused; nothing changed.</summary>
    Refused = 2,
}
