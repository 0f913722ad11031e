using EcomRules.Commands;
using EcomRules.Merchants.Events;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Merchants;

/// <summary>
/// Removes a person from the staff who act for a merchant (SEC-2), such as someone who left: issued by one of the
/// merchant's own staff or by the platform's operations. Their later commands for the merchant are refused naming
/// SEC-2. Removing someone not on the staff is refused naming SEC-2 (recorded: a retry after they were added removes
/// no one). A merchant's staff may remove anyone on it, the applicant and the last one included; operations can add
/// staff to a merchant left without any.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who removes them: a member of the merchant's staff, or operations.</param>
/// <param name="At">When.</param>
/// <param name="Merchant">The merchant.</param>
/// <param name="StaffId">The person's actor ID.</param>
public sealed record RemoveMerchantStaff(CommandId CommandId, Actor Actor, Instant At, MerchantId Merchant, string StaffId)
    : MerchantCommand(CommandId, Actor, At, Merchant)
{
    /// <inheritdoc />
    internal override RuleId Rule => RuleIds.Sec2;

    /// <inheritdoc />
    internal override InputProblem? CheckFields(InputLimits limits)
        => StaffIdProblem(StaffId, limits);

    /// <inheritdoc />
    internal override CommandOutcome Decide(Merchant merchant, long version, EcomPolicy policy)
        => merchant.Staff.Contains(StaffId, StringComparer.Ordinal)
            ? Accept(merchant, version, merchant.WithStaff(merchant.Staff.Remove(StaffId, StringComparer.Ordinal)), [new MerchantStaffChanged(Target, At, StaffId, Added: false)])
            : CommandOutcome.Refuse(RuleIds.Sec2, $"{StaffId} does not act for merchant {Merchant}, so there is no one to remove.");

    /// <inheritdoc />
    internal override void WriteFields(PayloadWriter writer) => writer.Add("staff", StaffId);
}
