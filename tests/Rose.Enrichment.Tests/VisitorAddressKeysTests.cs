using System.Net;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Rose.Enrichment.Budget;
using Rose.Enrichment.Identification;
using Rose.Enrichment.Privacy;
using Rose.Enrichment.Providers;
using Rose.Enrichment.Settings;
using Rose.Platform.Limits;
using Xunit;

namespace Rose.Enrichment.Tests;

/// <summary>The cache key of an address is an HMAC of its /24 or /48 network with the operator's secret, or with a key generated once per data folder.</summary>
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

        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), "198.51.100.0/24"u8)), digest);
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData("198.51.100.0/24"u8)), digest);
        Assert.NotEqual(Keys(Secret + "-other").Digest(address), digest);
        Assert.Equal(digest, keys.Digest(IPAddress.Parse("::ffff:198.51.100.7")));
        Assert.NotEqual(digest, keys.Digest(IPAddress.Parse("198.51.101.7")));
    }

    [Theory]
    [InlineData("198.51.100.7", "198.51.100.0/24")]
    [InlineData("198.51.100.255", "198.51.100.0/24")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.0/24")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1::/48")]
    [InlineData("2001:db8:1::", "2001:db8:1::/48")]
    public void AddressPrefixes_keep_the_24_or_48_network_and_drop_the_host(string address, string prefix) =>
        Assert.Equal(prefix, AddressPrefixes.Of(IPAddress.Parse(address)).ToString());

    [Fact]
    public void Digest_is_one_for_a_whole_24_or_48_network_so_a_key_gives_back_at_most_the_prefix()
    {
        var keys = Keys(Secret);

        Assert.Equal(keys.Digest(IPAddress.Parse("198.51.100.7")), keys.Digest(IPAddress.Parse("198.51.100.200")));
        Assert.Equal(keys.Digest(IPAddress.Parse("2001:db8:1:2::7")), keys.Digest(IPAddress.Parse("2001:db8:1:ffff::1")));
        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), "2001:db8:1::/48"u8)), keys.Digest(IPAddress.Parse("2001:db8:1:2::7")));
        Assert.NotEqual(keys.Digest(IPAddress.Parse("2001:db8:1::7")), keys.Digest(IPAddress.Parse("2001:db8:2::7")));
    }

    [Fact]
    public async Task RecordAsync_stores_no_address_only_a_keyed_hash_of_its_prefix()
    {
        var state = new InMemoryStateStore();
        var keys = Keys(Secret);
        var cascade = new IdentificationCascade([], new ProviderBudget(new InProcessQuotaCounter(TimeProvider.System), state, TimeProvider.System));
        var known = new KnownVisitorCompanies(state, cascade, new PendingIdentifications(), new EnrichmentSettingsStore(state), keys);
        var company = new CompanyIdentification("asn-table", MatchKinds.Asn, 0.4, "Northwind Traders", null);

        await known.RecordAsync("acme", IPAddress.Parse("198.51.100.7"), new IdentificationResult(company, NetworkKind.Business, ["asn-table"]), EnrichmentSettings.Default, CancellationToken.None);
        await known.RecordAsync("acme", IPAddress.Parse("2001:db8:1:2::7"), new IdentificationResult(null, NetworkKind.Hosting, ["asn-table"]), EnrichmentSettings.Default, CancellationToken.None);

        Assert.Equal(2, state.Keys.Count);
        Assert.All(state.Keys, key => Assert.DoesNotContain("198.51", key, StringComparison.Ordinal));
        Assert.All(state.Keys, key => Assert.DoesNotContain("2001:db8", key, StringComparison.Ordinal));
        Assert.Contains(state.Keys, key => key.EndsWith(keys.Digest(IPAddress.Parse("198.51.100.0")), StringComparison.Ordinal));
        Assert.Equal("Northwind Traders", (await known.FindAsync("acme", IPAddress.Parse("198.51.100.99"), null, CancellationToken.None))?.Name);
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
