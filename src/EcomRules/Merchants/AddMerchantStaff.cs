using EcomRules.Commands;
using EcomRules.Merchants.Events;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Merchants;

/// <summary>
/// Adds a person to the staff who act for a merchant (SEC-2): issued by one of the merchant's own staff or by the
/// platform's operations. From then on the person, in the <see cref="ActorRole.Merchant"/> role, may submit the
/// merchant's listings and requests. Someone already on the staff is refused as <see cref="RefusalCode.AlreadyExists"/>.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who adds them: a member of the merchant's staff, or operations.</param>
/// <param name="At">When.</param>
/// <param name="Merchant">The merchant.</param>
/// <param name="StaffId">The person's actor ID, as their commands will carry it.</param>
public sealed record AddMerchantStaff(CommandId CommandId, Actor Actor, Instant At, MerchantId Merchant, string StaffId)
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
            ? CommandOutcome.Refuse(RefusalCode.AlreadyExists, $"{StaffId} already acts for merchant {Merchant}.", RuleIds.Sec2)
            : Accept(merchant, version, merchant.WithStaff(merchant.Staff.Add(StaffId)), [new MerchantStaffChanged(Target, At, StaffId, Added: true)]);

    /// <inheritdoc />
    internal override void WriteFields(PayloadWriter writer) => writer.Add("staff", StaffId);
}
