using System.Security.Cryptography;
using System.Text;

namespace Rose.Crm.Tests.HubSpot;

/// <summary>
/// HubSpot's v3 signing as its documentation's own Node example writes it, kept apart from Rose's code
/// so that the tests check Rose against the recipe, not against itself: Base64(HMAC-SHA256(secret,
/// method + uri + body + timestamp)), for a URI without any of the escapes HubSpot decodes.
/// </summary>
public static class SignatureOracle
{
    public static string Sign(string secret, string method, string uri, string body, string timestamp)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{method}{uri}{body}{timestamp}")));
    }
}
