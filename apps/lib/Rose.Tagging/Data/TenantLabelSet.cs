using Rose.Storage;

namespace Rose.Tagging.Data;

/// <summary>
/// A tenant's own intent labels; a tenant without a row tags with <see cref="Labels.LabelSet.Default"/>.
/// <see cref="Revision"/> goes up with every save, so that the label-set version changes and the retag
/// job tags the tenant's conversations again.
/// </summary>
public sealed class TenantLabelSet : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    public int Revision { get; set; }

    /// <summary>The intent labels, <c>[{name, description}]</c>, as JSON.</summary>
    public string Intents { get; set; } = "[]";

    public DateTimeOffset UpdatedAt { get; set; }
}
