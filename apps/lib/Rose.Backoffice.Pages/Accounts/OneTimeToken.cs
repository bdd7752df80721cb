using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Rose.Backoffice.Pages.Accounts;

/// <summary>
/// The secret of an invitation or password-reset link: 32 random bytes in base64url, of which only
/// the SHA-256 is stored, so a copy of the database opens no link.
/// </summary>
public static class OneTimeToken
{
    /// <summary>How long an invitation or a password-reset link can be used.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The hash to look a link's token up by, or null when the text cannot be one (empty or too long).</summary>
    public static string? HashOfLink(string? token) => string.IsNullOrEmpty(token) || token.Length > 100 ? null : Hash(token);
}
