namespace EcomRules.Customers;

/// <summary>Collects every problem with a buyer's details, then throws them together (CUS-1, CUS-2).</summary>
internal sealed class IdentityProblems(RuleId ruleId)
{
    private List<string>? _problems; // created by the first problem: valid details allocate no list

    /// <summary>Records a problem when <paramref name="ok"/> is false.</summary>
    internal IdentityProblems Check(bool ok, string problem)
    {
        if (!ok)
        {
            (_problems ??= []).Add(problem);
        }

        return this;
    }

    /// <summary>Records a problem when <paramref name="text"/> is blank.</summary>
    internal IdentityProblems CheckText(string? text, string what)
        => string.IsNullOrWhiteSpace(text) ? Check(false, $"{what} is missing") : this; // the message only for a problem

    /// <summary>Parses a value, recording the reason it is invalid instead of throwing.</summary>
    internal T Parse<T>(Func<T> parse, string what)
        where T : struct
    {
        try
        {
            return parse();
        }
        catch (ArgumentException ex)
        {
            (_problems ??= []).Add(ex is InvalidIdentityNumberException invalid ? $"{what}: {invalid.Reason}" : $"{what} is missing");
            return default;
        }
    }

    /// <summary>Throws <see cref="CustomerIdentityException"/> when any problem was recorded.</summary>
    internal void ThrowIfAny()
    {
        if (_problems is not null)
        {
            throw new CustomerIdentityException(ruleId, _problems);
        }
    }
}
