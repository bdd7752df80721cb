using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Rose.Tenancy.Keys;

/// <summary>
/// Public widget keys (<c>pk_</c>) and secret management keys (<c>rk_</c>): 32 random bytes,
/// base64url. Secret keys are stored as SHA-256: they are random, so a slow hash adds nothing.
/// </summary>
public static partial class TenantKeys
{
    public const string PublicPrefix = "pk_";
    public const string SecretPrefix = "rk_";

    public static string NewPublicKey() => PublicPrefix + RandomPart();

    public static string NewApiKey() => SecretPrefix + RandomPart();

    /// <summary>Shape check done before any lookup, so garbage never reaches the database.</summary>
    public static bool IsWellFormedPublicKey(string? key) => key is not null && key.StartsWith(PublicPrefix, StringComparison.Ordinal) && Shape().IsMatch(key);

    public static bool IsWellFormedApiKey(string? key) => key is not null && key.StartsWith(SecretPrefix, StringComparison.Ordinal) && Shape().IsMatch(key);

    public static string Hash(string apiKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));

    private static string RandomPart() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    [GeneratedRegex("^[a-z]{2}_[A-Za-z0-9_-]{16,100}$")]
    private static partial Regex Shape();
}
