using System.Text.RegularExpressions;
using Rose.Storage;

namespace Rose.Platform.Workflows;

/// <summary>
/// Workflow instance ids carry their tenant as <c>{tenantId}_{localId}</c>. Not <c>tenantId:localId</c>
/// like other ids: Dapr accepts only letters, digits, dashes and underscores, at most 64 characters,
/// in an instance id. Tenant ids never contain an underscore, so the first one separates the parts.
/// </summary>
public static partial class WorkflowInstanceIds
{
    public const int MaxLength = 64;

    public static string Compose(string tenantId, string localId)
    {
        TenantIds.EnsureValid(tenantId);
        var id = $"{tenantId}_{localId}";
        if (!Allowed().IsMatch(localId) || id.Length > MaxLength)
        {
            throw new ArgumentException($"'{localId}' is not a valid workflow instance id: use letters, digits, '-' or '_', {MaxLength} characters in all with the tenant.", nameof(localId));
        }

        return id;
    }

    /// <summary>The tenant an instance id belongs to.</summary>
    public static string TenantOf(string instanceId)
    {
        var separator = instanceId.IndexOf('_', StringComparison.Ordinal);
        return separator > 0 ? instanceId[..separator] : throw new ArgumentException($"'{instanceId}' is not a Rose workflow instance id.", nameof(instanceId));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex Allowed();
}
