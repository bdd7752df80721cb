using System.Text;
using Rose.Crm.HubSpot.Webhooks;
using Xunit;

namespace Rose.Crm.Tests.HubSpot;

public sealed class HubSpotSignatureTests
{
    private const string Secret = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";
    private const string Uri = "https://rose.example.com/integrations/v1/hubspot/webhooks";
    private const string Body = """[{"eventId":1,"portalId":4242,"subscriptionType":"contact.propertyChange","objectId":501}]""";
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly string Timestamp = Now.AddSeconds(-30).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void IsValid_accepts_a_request_when_signed_by_HubSpots_recipe()
    {
        var signature = SignatureOracle.Sign(Secret, "POST", Uri, Body, Timestamp);

        Assert.True(HubSpotSignature.IsValid(Secret, "POST", Uri, Encoding.UTF8.GetBytes(Body), Timestamp, signature, Now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void IsValid_refuses_a_request_when_its_body_was_tampered_with()
    {
        var signature = SignatureOracle.Sign(Secret, "POST", Uri, Body, Timestamp);
        var tampered = Body.Replace("501", "502", StringComparison.Ordinal);

        Assert.False(HubSpotSignature.IsValid(Secret, "POST", Uri, Encoding.UTF8.GetBytes(tampered), Timestamp, signature, Now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void IsValid_refuses_a_request_when_signed_with_another_secret()
    {
        var signature = SignatureOracle.Sign("another-apps-secret", "POST", Uri, Body, Timestamp);

        Assert.False(HubSpotSignature.IsValid(Secret, "POST", Uri, Encoding.UTF8.GetBytes(Body), Timestamp, signature, Now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void IsValid_refuses_a_request_when_its_timestamp_is_older_than_five_minutes()
    {
        var stale = Now.AddMinutes(-5).AddSeconds(-1).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = SignatureOracle.Sign(Secret, "POST", Uri, Body, stale);

        Assert.False(HubSpotSignature.IsValid(Secret, "POST", Uri, Encoding.UTF8.GetBytes(Body), stale, signature, Now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void IsValid_refuses_a_request_when_the_timestamp_was_changed_after_signing()
    {
        var signature = SignatureOracle.Sign(Secret, "POST", Uri, Body, Timestamp);
        var later = Now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.False(HubSpotSignature.IsValid(Secret, "POST", Uri, Encoding.UTF8.GetBytes(Body), later, signature, Now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void IsValid_decodes_the_escapes_HubSpot_decodes_when_the_uri_has_them()
    {
        // HubSpot signs "…?redirect=https://x" when the request line says "…?redirect=https%3A%2F%2Fx".
        const string encoded = Uri + "?redirect=https%3A%2F%2Fx.example%40team";
        const string decoded = Uri + "?redirect=https://x.example@team";
        var signature = SignatureOracle.Sign(Secret, "POST", decoded, Body, Timestamp);

        Assert.True(HubSpotSignature.IsValid(Secret, "POST", encoded, Encoding.UTF8.GetBytes(Body), Timestamp, signature, Now, TimeSpan.FromMinutes(5)));
        Assert.False(HubSpotSignature.IsValid(Secret, "POST", encoded, Encoding.UTF8.GetBytes(Body), Timestamp, SignatureOracle.Sign(Secret, "POST", encoded, Body, Timestamp), Now, TimeSpan.FromMinutes(5)));
    }
}
