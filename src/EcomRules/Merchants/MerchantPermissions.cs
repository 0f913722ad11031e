using EcomRules.Policies;

namespace EcomRules.Merchants;

/// <summary>
/// Who may issue the merchant and listing commands (SEC-2), registered in <see cref="Engine.EcomModules"/>. A merchant
/// applies, submits listings, asks for permissions and names its staff (a person in the merchant role acts only for a
/// merchant whose staff lists them, SEC-2); operations review, sanction and decide (MER-1..4), and MER rules
/// still refuse a reviewer reviewing their own application; the system fires the re-review and permission deadlines.
/// </summary>
internal static class MerchantPermissions
{
    /// <summary>Adds the merchant commands' defaults.</summary>
    public static CommandPermissions Register(CommandPermissions table, EcomPolicy policy) => table
        .Allow<ApplyForAdmission>(ActorRole.Merchant, ActorRole.Operations)
        .Allow<ReviewQualification>(ActorRole.Operations)
        .Allow<ReReviewMerchant>(ActorRole.Operations)
        .Allow<LapseMerchantReReview>(ActorRole.System)
        .Allow<AddMerchantStaff>(ActorRole.Merchant, ActorRole.Operations)
        .Allow<RemoveMerchantStaff>(ActorRole.Merchant, ActorRole.Operations)
        .Allow<SubmitListing>(ActorRole.Merchant, ActorRole.Operations)
        .Allow<ReviewListing>(ActorRole.Operations)
        .Allow<TakeDownListing>(ActorRole.Operations)
        .Allow<RecordMerchantViolation>(ActorRole.Operations, ActorRole.System)
        .Allow<SanctionMerchant>(ActorRole.Operations)
        .Allow<RequestElevatedPermission>(ActorRole.Merchant)
        .Allow<DecidePermissionRequest>(ActorRole.Operations)
        .Allow<RecordPermissionDecisionOverdue>(ActorRole.System);
}
