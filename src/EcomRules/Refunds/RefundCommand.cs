using EcomRules.Commands;
using EcomRules.Orders;
using EcomRules.Policies;
using NodaTime;

namespace EcomRules.Refunds;

/// <summary>
/// A signed step on an existing refund. The step's role and the signer's independence are checked (REF-3) and the
/// trigger is fired on <see cref="RefundWorkflow.Definition"/> (REF-2, INV-3): a refusal names the rule and changes
/// nothing.
/// </summary>
/// <param name="CommandId">The idempotency key.</param>
/// <param name="Actor">Who signs.</param>
/// <param name="At">When.</param>
/// <param name="RefundId">The refund.</param>
public abstract record RefundCommand(CommandId CommandId, Actor Actor, Instant At, RefundId RefundId) : EcomCommand(CommandId, Actor, At)
{
    /// <inheritdoc />
    public override AggregateKey Target => RefundId.Key;

    /// <summary>Gets the trigger the command fires.</summary>
    internal abstract RefundTrigger Trigger { get; }

    /// <summary>Gets the step the actor signs.</summary>
    internal abstract RefundStep Step { get; }

    /// <summary>Gets whether the decision reads and writes the order (reservations, REF-1).</summary>
    internal virtual bool ChangesOrder => false;

    /// <inheritdoc />
    internal override IEnumerable<AggregateKey> AlsoLoads => ChangesOrder ? [RefundId.Order.Key] : [];

    /// <inheritdoc />
    internal override CommandOutcome Decide(DecisionInput input)
    {
        var stored = input.Find(Target);
        if (stored?.State is not Refund refund)
        {
            return CommandOutcome.NotFound(Target);
        }

        var role = StepRole(refund, input.Policy.Refunds);
        var holdsRole = HoldsStepRole(role);
        var independent = IsIndependent(refund);
        var fired = RefundWorkflow.Definition.TryFire(refund.State, Trigger, new RefundFacts(holdsRole, independent));
        if (fired.IsRefused)
        {
            var refusal = fired.Refusal;
            if (refusal.RuleId != RuleIds.Ref3)
            {
                return CommandOutcome.Refuse(RefusalCode.RuleViolation, refusal.Reason, refusal.RuleId);
            }

            // The guard checks both halves of the separation of duties; the refusal names the more specific rule:
            // REF-3 for signing one's own request (or a second approval step), the step's own rule for a wrong role.
            return independent
                ? WrongRole(refund, role, input.Policy.Refunds)
                : CommandOutcome.Refuse(RefusalCode.RuleViolation,
                    $"{Actor.Id} requested refund {RefundId} or signed an earlier approval step of it; nobody approves a refund they requested, and each approval step needs another person.",
                    RuleIds.Ref3);
        }

        if (fired.Kind == Workflow.TransitionKind.Ignored)
        {
            return CommandOutcome.Accept($"{refund.State}: {Trigger} ignored (already done)", [], []);
        }

        var signature = new RefundSignature(Step, Actor.Id, Actor.Role, At);
        if (!ChangesOrder)
        {
            var next = Apply(refund, signature);
            return CommandOutcome.Accept(Describe(refund, next), [new AggregateWrite(Target, stored.Version, next)], Events(next, signature));
        }

        var orderKey = RefundId.Order.Key;
        if (input.Find(orderKey)?.State is not Order order)
        {
            return CommandOutcome.NotFound(orderKey);
        }

        if (CheckOrder(order) is { } refused)
        {
            return refused;
        }

        var after = Apply(refund, signature);
        return CommandOutcome.Accept(Describe(refund, after),
            [new AggregateWrite(Target, stored.Version, after), new AggregateWrite(orderKey, input.VersionOf(orderKey), ApplyToOrder(order, after))],
            Events(after, signature, order));
    }

    /// <summary>Gets the role the step needs (REF-2).</summary>
    internal abstract ActorRole StepRole(Refund refund, RefundApprovalPolicy policy);

    /// <summary>Gets whether the actor holds the step's role.</summary>
    internal virtual bool HoldsStepRole(ActorRole role) => Actor.Role == role;

    /// <summary>
    /// REF-3: nobody signs a refund they requested; approval, finance review and payment are signed by three different
    /// people. Invoice settlement and rejection only exclude the requester.
    /// </summary>
    internal virtual bool IsIndependent(Refund refund)
        => !string.Equals(refund.RequestedBy, Actor.Id, StringComparison.Ordinal)
           && (Step is RefundStep.InvoiceSettlement or RefundStep.Rejection || !refund.SignedApprovalStep(Actor.Id));

    /// <summary>Applies the accepted step to the refund.</summary>
    internal abstract Refund Apply(Refund refund, RefundSignature signature);

    /// <summary>A refusal the order's state calls for (only when <see cref="ChangesOrder"/>), or null.</summary>
    internal virtual CommandOutcome? CheckOrder(Order order) => null;

    /// <summary>Applies the accepted step to the order (only when <see cref="ChangesOrder"/>).</summary>
    internal virtual Order ApplyToOrder(Order order, Refund refund) => order;

    /// <summary>Gets the events of the accepted step.</summary>
    internal virtual IReadOnlyList<DomainEvent> Events(Refund refund, RefundSignature signature, Order? order = null)
        => [new Events.RefundStepSigned(Target, At, Step, signature.ActorId, signature.Role, refund.State)];

    /// <inheritdoc />
    internal override void WritePayload(PayloadWriter writer)
    {
        writer.Add("refund", RefundId.ToString());
        WriteFields(writer);
    }

    /// <summary>Writes the command's own fields to the fingerprint.</summary>
    internal virtual void WriteFields(PayloadWriter writer)
    {
    }

    /// <summary>
    /// The refusal of a signer without the step's role: REF-2 sets who approves (by the refund's amount tier), who
    /// reviews and who pays; INV-3 that finance settles the invoice.
    /// </summary>
    private CommandOutcome WrongRole(Refund refund, ActorRole role, RefundApprovalPolicy policy)
    {
        if (refund.State == RefundState.Requested && role == refund.ApproverRole)
        {
            // REF-2: the tier is fixed by the amount when the refund is requested.
            var tier = refund.ApproverRole == policy.HeadquartersApprover
                ? $"the headquarters tier ({policy.HeadquartersThreshold} and above)"
                : $"the department tier (below {policy.HeadquartersThreshold})";
            return CommandOutcome.Refuse(RuleIds.Ref2,
                $"Refund {RefundId} of {refund.Amount} is in {tier}: it is approved or rejected by the role '{role}'; {Actor.Id} acts as '{Actor.Role}'.");
        }

        return CommandOutcome.Refuse(Step == RefundStep.InvoiceSettlement ? RuleIds.Inv3 : RuleIds.Ref2,
            $"The {Step} step of refund {RefundId} is signed by the role '{role}'; {Actor.Id} acts as '{Actor.Role}'.");
    }

    private static string Describe(Refund before, Refund after) => $"{before.State} → {after.State}";
}
