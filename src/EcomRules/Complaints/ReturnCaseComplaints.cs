using System.Collections.Immutable;
using EcomRules.Commands;
using EcomRules.Returns;

namespace EcomRules.Complaints;

/// <summary>
/// The complaints filed about one return case: the complaints module's own index, written with each such complaint,
/// so that the case's end can close them (<see cref="ComplaintOutbox"/>) while the returns module knows nothing of
/// complaints. Immutable.
/// </summary>
internal sealed record ReturnCaseComplaints(ReturnCaseId Case, ImmutableArray<ComplaintId> Complaints)
{
    /// <summary>The aggregate kind of the index in the store.</summary>
    public const string Kind = "return-complaints";

    public static AggregateKey KeyOf(ReturnCaseId returnCase) => new(Kind, returnCase.ToString());

    public ReturnCaseComplaints Adding(ComplaintId complaint) => this with { Complaints = Complaints.Add(complaint) };

    public bool Equals(ReturnCaseComplaints? other)
        => other is not null && Case == other.Case && Complaints.SequenceEqual(other.Complaints);

    public override int GetHashCode() => HashCode.Combine(Case, Complaints.Length);
}

/// <summary>Reads the index of a return case's complaints (<see cref="ReturnCaseComplaints"/>).</summary>
internal readonly record struct ReturnCaseComplaintsId(ReturnCaseId Case) : IAggregateId<ReturnCaseComplaints>
{
    public AggregateKey Key => ReturnCaseComplaints.KeyOf(Case);
}
