namespace Rose.Tenancy;

/// <summary>Input for a tenant that cannot be accepted; the errors name each field.</summary>
public sealed class TenantValidationException(IDictionary<string, string[]> errors)
    : ArgumentException("The tenant settings are not valid: " + string.Join("; ", errors.SelectMany(e => e.Value)))
{
    public IDictionary<string, string[]> Errors { get; } = errors;
}
