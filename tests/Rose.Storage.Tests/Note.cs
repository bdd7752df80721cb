using Rose.Storage;

namespace Rose.Storage.Tests;

public sealed class Note : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    public int Id { get; set; }

    public string Text { get; set; } = string.Empty;
}
