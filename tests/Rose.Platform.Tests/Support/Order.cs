using Rose.Storage;

namespace Rose.Platform.Tests.Support;

/// <summary>A module's own row, written in the same transaction as the event it announces.</summary>
public sealed class Order : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    public string Id { get; set; } = string.Empty;
}
