namespace EcomRules.Merchants;

/// <summary>
/// A merchant's record (MER-3): the violations recorded against it and the points deducted by the ladder. Its
/// <see cref="Rating"/> is the public credit rating.
/// </summary>
/// <param name="ComplaintsUpheld">Customer complaints upheld against the merchant.</param>
/// <param name="LateDispatches">Orders dispatched after their deadline.</param>
/// <param name="Breaches">Breaches of the platform's rules.</param>
/// <param name="PointsDeducted">Points deducted by the ladder's <see cref="SanctionStep.PointsDeduction"/> step.</param>
public sealed record MerchantRecord(int ComplaintsUpheld, int LateDispatches, int Breaches, int PointsDeducted)
{
    /// <summary>The score a merchant starts with.</summary>
    public const int FullScore = 100;

    /// <summary>Points one upheld complaint costs.</summary>
    public const int ComplaintWeight = 5;

    /// <summary>Points one late dispatch costs.</summary>
    public const int LateDispatchWeight = 2;

    /// <summary>Points one breach costs.</summary>
    public const int BreachWeight = 10;

    /// <summary>Gets a clean record.</summary>
    public static MerchantRecord Clean { get; } = new(0, 0, 0, 0);

    /// <summary>
    /// Gets the public credit rating (MER-3): <see cref="FullScore"/> less the weight of each violation and the points
    /// deducted, never below zero.
    /// </summary>
    public CreditRating Rating
    {
        get
        {
            var lost = ((long)ComplaintsUpheld * ComplaintWeight) + ((long)LateDispatches * LateDispatchWeight) + ((long)Breaches * BreachWeight) + PointsDeducted;
            return CreditRating.FromScore((int)Math.Max(0, FullScore - Math.Min(lost, FullScore)));
        }
    }

    /// <summary>Returns the record with one more violation of <paramref name="kind"/>.</summary>
    /// <param name="kind">The violation.</param>
    /// <returns>The new record.</returns>
    public MerchantRecord With(ViolationKind kind) => kind switch
    {
        ViolationKind.ComplaintUpheld => this with { ComplaintsUpheld = Saturated(ComplaintsUpheld) },
        ViolationKind.LateDispatch => this with { LateDispatches = Saturated(LateDispatches) },
        ViolationKind.Breach => this with { Breaches = Saturated(Breaches) },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a violation kind."),
    };

    internal MerchantRecord Deducting(int points) => this with { PointsDeducted = (int)Math.Min(int.MaxValue, (long)PointsDeducted + points) };

    private static int Saturated(int count) => count == int.MaxValue ? count : count + 1;
}
