namespace EcomRules.Orders;

/// <summary>Whether the buyer is a business (CUS-1) or a private person (CUS-2).</summary>
public enum BuyerKind
{
    /// <summary>A company: name, unified social credit code, street address, contact person and phone (CUS-1).</summary>
    Business = 1,

    /// <summary>A person: name, resident ID number, postal code, full address, mobile (CUS-2).</summary>
    Private = 2,
}
