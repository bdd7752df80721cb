namespace Rose.Knowledge.Ingestion;

/// <summary>Invalid input, per field; the API answers 400 with these as a validation problem.</summary>
public sealed class KnowledgeValidationException(IDictionary<string, string[]> errors)
    : Exception("The request is not valid: " + string.Join("; ", errors.SelectMany(e => e.Value)))
{
    public IDictionary<string, string[]> Errors { get; } = errors;

    public static KnowledgeValidationException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}
