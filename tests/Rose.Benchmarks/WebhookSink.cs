using System.Collections.Concurrent;
using System.Text.Json;
using Rose.Testing;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;

namespace Rose.Benchmarks;

/// <summary>
/// A tenant's webhook endpoint (WireMock answering 200): counts the <c>lead.captured</c> deliveries
/// per lead, so that "each event delivered once to this consumer" is checked by what arrived.
/// </summary>
internal sealed class WebhookSink : IDisposable
{
    private readonly ExternalApiStub stub = new();
    private readonly ConcurrentDictionary<string, int> deliveriesPerLead = new(StringComparer.Ordinal);

    public WebhookSink()
    {
        stub.Server.Given(Request.Create().WithPath("/hooks").UsingPost()).RespondWith(Response.Create().WithCallback(Receive));
    }

    public string Url => stub.Url + "/hooks";

    /// <summary>Lead id (without the tenant) → deliveries received.</summary>
    public IReadOnlyDictionary<string, int> DeliveriesPerLead => deliveriesPerLead;

    private ResponseMessage Receive(IRequestMessage request)
    {
        var body = JsonDocument.Parse(request.Body ?? "{}").RootElement;
        if (body.TryGetProperty("data", out var data) && data.TryGetProperty("leadId", out var leadId) && leadId.GetString() is { } id)
        {
            deliveriesPerLead.AddOrUpdate(id[(id.IndexOf(':', StringComparison.Ordinal) + 1)..], 1, (_, n) => n + 1);
        }

        return new ResponseMessage
        {
            StatusCode = 200,
            BodyData = new BodyData { BodyAsString = "ok", DetectedBodyType = BodyType.String },
        };
    }

    public void Dispose() => stub.Dispose();
}
