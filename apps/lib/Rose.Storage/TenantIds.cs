using System.Text.RegularExpressions;

namespace Rose.Storage;

/// <summary>
/// Tenant ids are short lowercase slugs, so that they can be used verbatim in composite ids
/// (<c>tenantId:localId</c>), state keys, topic metadata and blob paths without escaping.
/// </summary>
public static partial class TenantIds
{
    public const int MaxLength = 63;

    public static bool IsValid(string? tenantId) => tenantId is not null && Slug().IsMatch(tenantId);

    public static void EnsureValid(string tenantId)
    {
        if (!IsValid(tenantId))
        {
            throw new ArgumentException(
                $"'{tenantId}' is not a valid tenant id: use 1 to {MaxLength} lowercase letters, digits or dashes, starting with a letter or digit.",
                nameof(tenantId));
        }
    }

    /// <summary>The id that leaves the database: <c>tenantId:localId</c>.</summary>
    public static string Compose(string tenantId, string localId) => $"{tenantId}:{localId}";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex Slug();
}
