using System.Buffers.Text;
using System.Security.Cryptography;

namespace Rose.Chat;

/// <summary>Unguessable, URL-safe ids and tokens.</summary>
public static class ChatIds
{
    /// <summary>128 random bits: conversation and message ids.</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>256 random bits: the visitor's conversation token.</summary>
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
