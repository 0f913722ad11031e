using Microsoft.Extensions.Options;

namespace EcomRules.Hosting;

/// <summary>Validates the data annotations of <see cref="EcomRulesOptions"/> (source-generated; no reflection).</summary>
[OptionsValidator]
public sealed partial class EcomRulesOptionsValidator : IValidateOptions<EcomRulesOptions>
{
}
