using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Rose.Crm.HubSpot.Client;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace Rose.Crm.Tests.HubSpot;

/// <summary>Rose's HubSpot client as the host composes it (retries, 10-second windows), against HubSpot's wire format.</summary>
public sealed class HubSpotClientTests : IAsyncLifetime
{
    private readonly HubSpotStub stub = new();
    private HubSpotHost host = null!;

    public Task InitializeAsync()
    {
        host = new HubSpotHost(stub, configure: app => app.With("Rose:Crm:HubSpot:MaxRetries", "3"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        stub.Dispose();
    }

    private HubSpotClient Client => host.App.Services.GetRequiredService<HubSpotClient>();

    private static readonly HubSpotAccess Access = new("acme", "pat-test");

    [Fact]
    public async Task UpsertContactsAsync_sends_batches_of_at_most_100_keyed_by_email_when_given_150_contacts()
    {
        var contacts = Enumerable.Range(0, 150)
            .Select(i => new HubSpotContactInput($"Visitor{i}@Acme.example", new Dictionary<string, string> { [RoseContactProperties.LeadScore] = $"{i % 100}" }))
            .ToList();

        await Client.UpsertContactsAsync(Access, contacts, CancellationToken.None);

        var bodies = stub.Bodies("/crm/v3/objects/contacts/batch/upsert");
        Assert.Equal([100, 50], bodies.Select(b => b.GetProperty("inputs").GetArrayLength()));
        var inputs = bodies.SelectMany(b => b.GetProperty("inputs").EnumerateArray()).ToList();
        Assert.All(inputs, input => Assert.Equal("email", input.GetProperty("idProperty").GetString()));
        Assert.Equal(contacts.Select(c => c.Email.ToLowerInvariant()), inputs.Select(i => i.GetProperty("id").GetString()));
        Assert.Equal("visitor7@acme.example", inputs[7].GetProperty("properties").GetProperty("email").GetString());
        Assert.Equal("7", inputs[7].GetProperty("properties").GetProperty(RoseContactProperties.LeadScore).GetString());
        Assert.All(stub.Requests("/crm/v3/objects/contacts/batch/upsert"), r => Assert.Equal("Bearer pat-test", r.RequestMessage.Headers!["Authorization"].Single()));
    }

    [Fact]
    public async Task UpsertContactsAsync_sends_one_input_per_email_when_the_same_address_comes_twice()
    {
        await Client.UpsertContactsAsync(Access, [
            new HubSpotContactInput("jane@acme.example", new Dictionary<string, string> { [RoseContactProperties.LeadScore] = "40" }),
            new HubSpotContactInput("JANE@acme.example ", new Dictionary<string, string> { [RoseContactProperties.LeadScore] = "80" })], CancellationToken.None);

        var input = Assert.Single(Assert.Single(stub.Bodies("/crm/v3/objects/contacts/batch/upsert")).GetProperty("inputs").EnumerateArray());
        Assert.Equal("jane@acme.example", input.GetProperty("id").GetString());
        Assert.Equal("80", input.GetProperty("properties").GetProperty(RoseContactProperties.LeadScore).GetString());
    }

    [Fact]
    public async Task UpsertContactsAsync_waits_as_Retry_After_asks_then_succeeds_when_HubSpot_answers_429_first()
    {
        stub.Server.Server.Given(Request.Create().WithPath("/crm/v3/objects/contacts/batch/upsert").UsingPost())
            .InScenario("ten-secondly").WillSetStateTo("open")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1").WithHeader("Content-Type", "application/json")
                .WithBody("""{"status":"error","message":"You have reached your ten_secondly_rolling limit.","errorType":"RATE_LIMIT","policyName":"TEN_SECONDLY_ROLLING"}"""));
        stub.Server.Server.Given(Request.Create().WithPath("/crm/v3/objects/contacts/batch/upsert").UsingPost())
            .InScenario("ten-secondly").WhenStateIs("open")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("""{"status":"COMPLETE","results":[{"id":"77","properties":{"email":"jane@acme.example"}}]}"""));

        var clock = Stopwatch.StartNew();
        var ids = await Client.UpsertContactsAsync(Access, [new HubSpotContactInput("jane@acme.example", new Dictionary<string, string>())], CancellationToken.None);

        Assert.Equal("77", ids["jane@acme.example"]);
        var calls = stub.Requests("/crm/v3/objects/contacts/batch/upsert");
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].RequestMessage.DateTime - calls[0].RequestMessage.DateTime >= TimeSpan.FromMilliseconds(950), "the retry waited for Retry-After");
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task UpsertContactsAsync_throws_without_retrying_when_HubSpot_refuses_the_input()
    {
        stub.Json("POST", "/crm/v3/objects/contacts/batch/upsert", 400, new { status = "error", message = "Property values were not valid", category = "VALIDATION_ERROR" });

        var e = await Assert.ThrowsAsync<HubSpotApiException>(() => Client.UpsertContactsAsync(Access, [new HubSpotContactInput("jane@acme.example", new Dictionary<string, string>())], CancellationToken.None));

        Assert.Contains("Property values were not valid", e.Message, StringComparison.Ordinal);
        Assert.Single(stub.Requests("/crm/v3/objects/contacts/batch/upsert"));
    }

    [Fact]
    public async Task EnsureRosePropertiesAsync_creates_only_the_missing_properties_when_some_exist()
    {
        stub.Json("GET", "/crm/v3/properties/contacts/rose_lead_score", 200, new { name = "rose_lead_score", label = "Rose lead score", type = "number", fieldType = "number", groupName = "contactinformation" });

        var created = await Client.EnsureRosePropertiesAsync(Access, CancellationToken.None);

        Assert.Equal(["rose_intent", "rose_stage", "rose_last_conversation_url", "rose_first_question"], created);
        var inputs = Assert.Single(stub.Bodies("/crm/v3/properties/contacts/batch/create")).GetProperty("inputs").EnumerateArray().ToList();
        Assert.Equal(created, inputs.Select(i => i.GetProperty("name").GetString()));
        Assert.All(inputs, i => Assert.Equal("contactinformation", i.GetProperty("groupName").GetString()));
        Assert.Equal("textarea", inputs.Single(i => i.GetProperty("name").GetString() == "rose_first_question").GetProperty("fieldType").GetString());
    }

    [Fact]
    public async Task CreateNotesAsync_associates_each_note_with_its_contact_when_creating_them()
    {
        var at = new DateTimeOffset(2026, 12, 2, 10, 30, 0, TimeSpan.Zero);

        await Client.CreateNotesAsync(Access, [("501", "<p>Hot lead</p>", at)], CancellationToken.None);

        var input = Assert.Single(Assert.Single(stub.Bodies("/crm/v3/objects/notes/batch/create")).GetProperty("inputs").EnumerateArray());
        Assert.Equal("<p>Hot lead</p>", input.GetProperty("properties").GetProperty("hs_note_body").GetString());
        Assert.Equal("2026-12-02T10:30:00.000Z", input.GetProperty("properties").GetProperty("hs_timestamp").GetString());
        var association = Assert.Single(input.GetProperty("associations").EnumerateArray());
        Assert.Equal("501", association.GetProperty("to").GetProperty("id").GetString());
        var type = Assert.Single(association.GetProperty("types").EnumerateArray());
        Assert.Equal("HUBSPOT_DEFINED", type.GetProperty("associationCategory").GetString());
        Assert.Equal(202, type.GetProperty("associationTypeId").GetInt32());
    }
}
