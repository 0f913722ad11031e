namespace EcomRules.Commands;

/// <summary>
/// Marks an aggregate that holds a customer's personal data (names, phone numbers, ID numbers, addresses): every read of
/// it through the engine's audited read leaves an audit entry (SEC-2).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class PersonalDataAttribute : Attribute
{
}
