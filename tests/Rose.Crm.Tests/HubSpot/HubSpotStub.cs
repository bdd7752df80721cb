using System.Text.Json;
using Rose.Testing;
using WireMock.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Rose.Crm.Tests.HubSpot;

/// <summary>
/// HubSpot's API on a local WireMock server, answering as HubSpot does (v3 CRM objects, v4
/// associations, properties, account info, OAuth tokens), and the requests it received, to assert
/// their shapes. Every mapping can be replaced by a test (a later mapping of the same path wins).
/// </summary>
public sealed class HubSpotStub : IDisposable
{
    public const long PortalId = 4242;
    public const string ContactId = "501";
    public const string CompanyId = "701";

    public HubSpotStub()
    {
        Default("GET", "/account-info/v3/details", 200, new { portalId = PortalId, accountType = "STANDARD", timeZone = "Europe/Paris", uiDomain = "app.hubspot.com", dataHostingLocation = "eu1" });
        Server.Server.Given(Request.Create().WithPath(new WildcardMatcher("/crm/v3/properties/contacts/rose_*")).UsingGet()).AtPriority(DefaultPriority)
            .RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", "application/json")
                .WithBody("""{"status":"error","message":"Unable to find property","category":"OBJECT_NOT_FOUND"}"""));
        Default("POST", "/crm/v3/properties/contacts/batch/create", 201, new { status = "COMPLETE", results = Array.Empty<object>() });
        Default("POST", "/crm/v3/objects/contacts/batch/upsert", 200, new { status = "COMPLETE", results = new[] { new { id = ContactId, properties = new { }, @new = true } } });
        Default("POST", "/crm/v3/objects/companies/search", 200, new { total = 0, results = Array.Empty<object>() });
        Default("POST", "/crm/v3/objects/companies/batch/create", 201, new { status = "COMPLETE", results = new[] { new { id = CompanyId, properties = new { } } } });
        Default("POST", "/crm/v3/objects/companies/batch/update", 200, new { status = "COMPLETE", results = new[] { new { id = CompanyId, properties = new { } } } });
        Default("POST", "/crm/v4/associations/contact/company/batch/associate/default", 200, new { status = "COMPLETE", results = Array.Empty<object>() });
        Default("POST", "/crm/v3/objects/notes/batch/create", 201, new { status = "COMPLETE", results = new[] { new { id = "901", properties = new { } } } });
        Server.Server.Given(Request.Create().WithPath("/crm/v3/objects/contacts/gdpr-delete").UsingPost()).AtPriority(DefaultPriority).RespondWith(Response.Create().WithStatusCode(204));
    }

    public ExternalApiStub Server { get; } = new();

    public string Url => Server.Url;

    /// <summary>The constructor's answers yield to any a test adds (WireMock takes the lowest priority number first).</summary>
    private const int DefaultPriority = 100;

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> with <paramref name="body"/> as HubSpot's JSON.</summary>
    public void Json(string method, string path, int status, object body) =>
        Server.Server.Given(Request.Create().WithPath(path).UsingMethod(method))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(JsonSerializer.Serialize(body)));

    private void Default(string method, string path, int status, object body) =>
        Server.Server.Given(Request.Create().WithPath(path).UsingMethod(method)).AtPriority(DefaultPriority)
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(JsonSerializer.Serialize(body)));

    public IReadOnlyList<ILogEntry> Requests(string path) =>
        [.. Server.Server.LogEntries.Where(e => e.RequestMessage.Path == path).OrderBy(e => e.RequestMessage.DateTime)];

    /// <summary>The JSON bodies POSTed to <paramref name="path"/>, in order.</summary>
    public IReadOnlyList<JsonElement> Bodies(string path) =>
        [.. Requests(path).Select(e => JsonDocument.Parse(e.RequestMessage.Body!).RootElement.Clone())];

    public void Dispose() => Server.Dispose();
}
