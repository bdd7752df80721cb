namespace Rose.Tagging.Scoring;

/// <summary>Who a tenant sells to: industries, a company size range (employees) and countries (ISO 3166 alpha-2). Empty means any.</summary>
public sealed record IdealCustomerProfile(IReadOnlyList<string> Industries, int? SizeMin, int? SizeMax, IReadOnlyList<string> Countries)
{
    public static IdealCustomerProfile Any { get; } = new([], null, null, []);
}
