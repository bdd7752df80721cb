namespace Rose.Geo.Runs;

/// <summary>A review that cannot be applied as sent; the message says why (the API answers 400 with it).</summary>
public sealed class GeoReviewException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
