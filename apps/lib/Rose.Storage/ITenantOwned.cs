namespace Rose.Storage;

/// <summary>Every stored entity belongs to exactly one tenant.</summary>
public interface ITenantOwned
{
    string TenantId { get; set; }
}
