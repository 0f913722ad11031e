namespace EcomRules.Returns;

/// <summary>What the customer asks for (RET-1, RET-5).</summary>
public enum ReturnKind
{
    /// <summary>Return the goods for a refund.</summary>
    Return = 0,

    /// <summary>Exchange: a replacement ships instead of a refund (RET-5).</summary>
    Exchange = 1,

    /// <summary>Repair free of charge; only for a merchant fault such as a quality problem (RET-5).</summary>
    Repair = 2,
}
