using EcomRules.Commands;
using EcomRules.Internal;

namespace EcomRules.Policies;

/// <summary>
/// Who approves and pays refunds (REF-2): below the threshold the sales department head approves, at or above it
/// headquarters; then division finance reviews, the invoice is recovered or credited (INV-3), and headquarters
/// finance pays. Nobody approves a refund they requested (REF-3).
/// </summary>
public sealed class RefundApprovalPolicy
{
    /// <summary>Creates the policy.</summary>
    /// <param name="headquartersThreshold">Amounts at or above this need headquarters' approval.</param>
    /// <param name="departmentApprover">The role that approves amounts below the threshold.</param>
    /// <param name="headquartersApprover">The role that approves amounts at or above the threshold.</param>
    /// <param name="financeReviewer">The role that reviews approved refunds.</param>
    /// <param name="payer">The role that pays.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="headquartersThreshold"/> is zero.</exception>
    public RefundApprovalPolicy(Money headquartersThreshold, ActorRole departmentApprover, ActorRole headquartersApprover, ActorRole financeReviewer, ActorRole payer)
    {
        if (headquartersThreshold.IsZero)
        {
            throw new ArgumentOutOfRangeException(nameof(headquartersThreshold), "The headquarters threshold must be above zero (REF-2).");
        }

        Preconditions.CheckArgument(departmentApprover.Value.Length > 0 && headquartersApprover.Value.Length > 0 && financeReviewer.Value.Length > 0 && payer.Value.Length > 0,
            nameof(departmentApprover), "Every approval step needs a role (REF-2).");
        HeadquartersThreshold = headquartersThreshold;
        DepartmentApprover = departmentApprover;
        HeadquartersApprover = headquartersApprover;
        FinanceReviewer = financeReviewer;
        Payer = payer;
    }

    /// <summary>Gets the catalogue's tiers: below CNY 5,000 the sales department head, from CNY 5,000 headquarters (REF-2).</summary>
    public static RefundApprovalPolicy Default { get; } = new(new Money(5000m), ActorRole.SalesDepartmentHead, ActorRole.Headquarters, ActorRole.DivisionFinance, ActorRole.HeadquartersFinance);

    /// <summary>Gets the threshold: amounts at or above it need headquarters.</summary>
    /// <value>The default is CNY 5,000.00.</value>
    public Money HeadquartersThreshold { get; }

    /// <summary>Gets the role approving amounts below the threshold.</summary>
    public ActorRole DepartmentApprover { get; }

    /// <summary>Gets the role approving amounts at or above the threshold.</summary>
    public ActorRole HeadquartersApprover { get; }

    /// <summary>Gets the role reviewing approved refunds.</summary>
    public ActorRole FinanceReviewer { get; }

    /// <summary>Gets the role paying refunds.</summary>
    public ActorRole Payer { get; }

    /// <summary>Gets the role that must approve <paramref name="amount"/> (REF-2).</summary>
    /// <param name="amount">The refund amount.</param>
    /// <returns>The approving role.</returns>
    public ActorRole ApproverFor(Money amount) => amount >= HeadquartersThreshold ? HeadquartersApprover : DepartmentApprover;
}
