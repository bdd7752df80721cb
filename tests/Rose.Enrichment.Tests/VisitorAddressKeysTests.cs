using System.Net;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Rose.Enrichment.Privacy;
using Xunit;

namespace Rose.Enrichment.Tests;

/// <summary>The cache key of an address is an HMAC with the operator's secret, or with a key generated once per data folder.</summary>
public sealed class VisitorAddressKeysTests : IDisposable
{
    private const string Secret = "operator-secret-0123456789abcdef-0123456789";
    private readonly string folder = Directory.CreateTempSubdirectory("rose-address-key-").FullName;

    [Fact]
    public void Digest_is_an_hmac_that_a_plain_digest_or_another_key_does_not_reproduce()
    {
        var address = IPAddress.Parse("198.51.100.7");
        var keys = Keys(Secret);

        var digest = keys.Digest(address);

        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), "198.51.100.7"u8)), digest);
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData("198.51.100.7"u8)), digest);
        Assert.NotEqual(Keys(Secret + "-other").Digest(address), digest);
        Assert.Equal(digest, keys.Digest(IPAddress.Parse("::ffff:198.51.100.7")));
        Assert.NotEqual(digest, keys.Digest(IPAddress.Parse("198.51.100.8")));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Digest_without_an_operator_key_uses_one_generated_once_in_the_data_folder()
    {
        var address = IPAddress.Parse("2001:db8::7");

        var first = Keys(null).Digest(address);
        var again = Keys(null).Digest(address);

        var file = Path.Combine(folder, VisitorAddressKeys.GeneratedKeyFile);
        Assert.Equal(first, again);
        Assert.Equal(32, Convert.FromBase64String(File.ReadAllText(file)).Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.NotEqual(Keys(Secret).Digest(address), first);
        Assert.Single(Directory.EnumerateFiles(folder));
    }

    [Fact]
    public void Validate_requires_the_operator_key_only_where_replicas_cannot_share_a_generated_one()
    {
        Assert.True(new EnrichmentOptionsValidator(needsOperatorKey: true).Validate(null, new EnrichmentOptions()).Failed);
        Assert.Contains("Rose:Enrichment:AddressKey", new EnrichmentOptionsValidator(true).Validate(null, new EnrichmentOptions()).FailureMessage);
        Assert.True(new EnrichmentOptionsValidator(true).Validate(null, new EnrichmentOptions { AddressKey = Secret }).Succeeded);
        Assert.True(new EnrichmentOptionsValidator(false).Validate(null, new EnrichmentOptions()).Succeeded);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private VisitorAddressKeys Keys(string? secret) => new(Options.Create(new EnrichmentOptions { AddressKey = secret }), () => folder);
}
