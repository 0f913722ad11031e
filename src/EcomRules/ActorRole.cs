using EcomRules.Internal;

namespace EcomRules;

/// <summary>
/// The role an actor acts in (SEC-2). Approval rules name roles (REF-2, REF-3); the well-known roles of the
/// catalogue are static properties, and merchants may define their own.
/// </summary>
public readonly record struct ActorRole
{
    private readonly string? _value;

    /// <summary>Creates a role.</summary>
    /// <param name="value">The role's name, such as <c>"sales-department-head"</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is blank.</exception>
    public ActorRole(string value) => _value = Preconditions.CheckNotBlank(value);

    /// <summary>Gets the buyer.</summary>
    public static ActorRole Customer { get; } = new("customer");

    /// <summary>Gets customer service staff (RET-3).</summary>
    public static ActorRole CustomerService { get; } = new("customer-service");

    /// <summary>Gets sales staff who enter and confirm orders (SLA-1, SLA-2).</summary>
    public static ActorRole Sales { get; } = new("sales");

    /// <summary>Gets the sales department head, who approves refunds below the headquarters threshold (REF-2).</summary>
    public static ActorRole SalesDepartmentHead { get; } = new("sales-department-head");

    /// <summary>Gets the head of the customer service department, who decides complaints service cannot answer (AFS-1).</summary>
    public static ActorRole ServiceDepartmentHead { get; } = new("service-department-head");

    /// <summary>Gets headquarters, which approves refunds at and above the threshold (REF-2).</summary>
    public static ActorRole Headquarters { get; } = new("headquarters");

    /// <summary>Gets division finance, which reviews approved refunds (REF-2).</summary>
    public static ActorRole DivisionFinance { get; } = new("division-finance");

    /// <summary>Gets headquarters finance, which pays refunds (REF-2).</summary>
    public static ActorRole HeadquartersFinance { get; } = new("headquarters-finance");

    /// <summary>Gets warehouse staff (WH-*, RET-4).</summary>
    public static ActorRole Warehouse { get; } = new("warehouse");

    /// <summary>Gets operations, who receive low-stock alerts and approve procurement (WH-4, WH-5).</summary>
    public static ActorRole Operations { get; } = new("operations");

    /// <summary>Gets the chairman, who signs off procurement above the threshold (WH-5).</summary>
    public static ActorRole Chairman { get; } = new("chairman");

    /// <summary>Gets a carrier reporting tracking events (CAR-3).</summary>
    public static ActorRole Carrier { get; } = new("carrier");

    /// <summary>Gets a platform administrator, whose accounts are few and whose leaving rotates credentials (SEC-4).</summary>
    public static ActorRole Administrator { get; } = new("administrator");

    /// <summary>Gets a merchant on a platform, who applies for admission, submits listings and asks for permissions (MER-1, MER-2, MER-4).</summary>
    public static ActorRole Merchant { get; } = new("merchant");

    /// <summary>Gets the system itself: timers, the outbox dispatcher, integrations.</summary>
    public static ActorRole System { get; } = new("system");

    /// <summary>Gets the role's name.</summary>
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public override string ToString() => Value;
}
