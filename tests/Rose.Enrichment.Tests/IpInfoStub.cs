using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Rose.Enrichment.Providers.IpInfo;
using Rose.Testing;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Rose.Enrichment.Tests;

/// <summary>A local server speaking IPinfo's company API (<c>GET /{ip}/company</c>, bearer token).</summary>
public sealed class IpInfoStub : IDisposable
{
    public const string Token = "ipinfo-test-token";

    public ExternalApiStub Api { get; } = new();

    public void Company(string ip, string name, string domain, string type) =>
        Api.Server.Given(Request.Create().WithPath($"/{ip}/company").WithHeader("Authorization", $"Bearer {Token}").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"name": "{{name}}", "domain": "{{domain}}", "type": "{{type}}"}"""));

    public void Status(string ip, HttpStatusCode status, TimeSpan? delay = null)
    {
        var response = Response.Create().WithStatusCode(status).WithBody("""{"error": {"title": "stub"}}""");
        Api.Server.Given(Request.Create().WithPath($"/{ip}/company").UsingGet()).RespondWith(delay is { } wait ? response.WithDelay(wait) : response);
    }

    /// <summary>Every address is the same business, answered after <paramref name="delay"/> (so that concurrent lookups overlap).</summary>
    public void EveryAddress(string name, string domain, TimeSpan delay) =>
        Api.Server.Given(Request.Create().WithPath(new WildcardMatcher("/*/company")).WithHeader("Authorization", $"Bearer {Token}").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithDelay(delay)
                .WithBody($$"""{"name": "{{name}}", "domain": "{{domain}}", "type": "business"}"""));

    public int AllCalls() => Api.Server.LogEntries.Count(e => e.RequestMessage.Path.EndsWith("/company", StringComparison.Ordinal));

    public int Calls(string ip) => Api.CallsTo($"/{ip}/company");

    public IpInfoCompanyProvider Provider(TimeSpan? timeout = null) => new(
        new HttpClient(),
        Options.Create(new IpInfoOptions { Token = Token, Endpoint = new Uri(Api.Url + "/"), Timeout = timeout ?? TimeSpan.FromSeconds(10) }), // generous: a loaded CI machine, not the provider, must not time out here
        NullLogger<IpInfoCompanyProvider>.Instance);

    public void Dispose() => Api.Dispose();
}
