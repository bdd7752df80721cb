using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rose.Crm.HubSpot.Data;
using Rose.Crm.HubSpot.Sync;
using Rose.Testing;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace Rose.Crm.Tests.HubSpot;

/// <summary>
/// The HubSpot integration end to end on the standalone host: the widget, the management API, the
/// pushes on the host's own event delivery, HubSpot's webhooks, on each storage provider.
/// </summary>
public abstract class HubSpotEndToEndContract : IAsyncLifetime
{
    private const string Email = "jane.doe@acme-robotics.com";
    private const string Question = "How much does the Business plan cost for 50 seats?";

    protected HubSpotStub Stub { get; } = new();

    private HubSpotHost host = null!;

    /// <summary>A tenant connected to the stub's portal whose leads never turn hot, so that only <c>lead.captured</c> pushes.</summary>
    private async Task<(string PublicKey, string ApiKey)> ConnectedTenantAsync()
    {
        var (publicKey, apiKey) = await host.CreateTenantAsync("acme");
        await host.SetHotThresholdAsync(apiKey, 100);
        await host.ConnectAsync(apiKey);
        return (publicKey, apiKey);
    }

    /// <summary>The connection string of a fresh database, or null for the host's SQLite file.</summary>
    protected abstract Task<string?> DatabaseAsync();

    protected virtual void Configure(RoseAppFactory<Program> app)
    {
    }

    public async Task InitializeAsync() => host = new HubSpotHost(Stub, await DatabaseAsync(), Configure);

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        Stub.Dispose();
    }

    [Fact]
    public async Task Connect_reads_the_portal_and_creates_Roses_properties_and_never_returns_the_token_when_given_a_private_app_token()
    {
        var (_, apiKey) = await host.CreateTenantAsync("acme");

        var state = await host.ConnectAsync(apiKey, "pat-eu1-secret-token");

        Assert.True(state.GetProperty("connected").GetBoolean());
        Assert.Equal(HubSpotStub.PortalId, state.GetProperty("portalId").GetInt64());
        Assert.Equal("private-app", state.GetProperty("kind").GetString());
        Assert.Equal("Bearer pat-eu1-secret-token", Stub.Requests("/account-info/v3/details").Single().RequestMessage.Headers!["Authorization"].Single());
        var created = Assert.Single(Stub.Bodies("/crm/v3/properties/contacts/batch/create")).GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("name").GetString());
        Assert.Equal(["rose_lead_score", "rose_intent", "rose_stage", "rose_last_conversation_url", "rose_first_question"], created);
        using var management = host.Management(apiKey);
        var shown = await management.GetStringAsync("/api/v1/integrations/hubspot");
        Assert.DoesNotContain("pat-eu1-secret-token", shown, StringComparison.Ordinal);
        var stored = await host.AsTenantAsync("acme", sp => Task.FromResult(sp.GetRequiredService<HubSpotDbContext>().Connections.Single().ProtectedAccessToken));
        Assert.DoesNotContain("pat-eu1-secret-token", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_answers_a_problem_and_stores_nothing_when_HubSpot_refuses_the_token()
    {
        var (_, apiKey) = await host.CreateTenantAsync("acme");
        Stub.Json("GET", "/account-info/v3/details", 401, new { status = "error", message = "Authentication credentials not found.", category = "INVALID_AUTHENTICATION" });

        using var management = host.Management(apiKey);
        var response = await management.PutAsJsonAsync("/api/v1/integrations/hubspot", new { accessToken = "pat-wrong" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var state = await management.GetFromJsonAsync<JsonElement>("/api/v1/integrations/hubspot");
        Assert.False(state.GetProperty("connected").GetBoolean());
    }

    [Fact]
    public async Task Email_left_in_the_widget_reaches_HubSpot_as_an_upsert_with_the_company_domain_and_score_when_connected()
    {
        var (publicKey, apiKey) = await ConnectedTenantAsync();

        var conversationId = await host.LeaveEmailAsync(publicKey, Email, Question);

        await Eventually.UntilAsync(() => Stub.Requests("/crm/v3/objects/notes/batch/create").Count == 1, TimeSpan.FromSeconds(30), "the lead's note in HubSpot");
        var input = Assert.Single(Assert.Single(Stub.Bodies("/crm/v3/objects/contacts/batch/upsert")).GetProperty("inputs").EnumerateArray());
        Assert.Equal("email", input.GetProperty("idProperty").GetString());
        Assert.Equal(Email, input.GetProperty("id").GetString());
        var properties = input.GetProperty("properties");
        Assert.Equal(Email, properties.GetProperty("email").GetString());
        Assert.Equal("Jane", properties.GetProperty("firstname").GetString());
        Assert.Equal("Doe", properties.GetProperty("lastname").GetString());
        Assert.InRange(int.Parse(properties.GetProperty("rose_lead_score").GetString()!, System.Globalization.CultureInfo.InvariantCulture), 1, 100);
        Assert.Equal(Question, properties.GetProperty("rose_first_question").GetString());
        Assert.EndsWith($"/backoffice/conversations/{conversationId}", properties.GetProperty("rose_last_conversation_url").GetString(), StringComparison.Ordinal);
        var lead = await host.Management(apiKey).GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{conversationId}/lead");
        Assert.Equal(lead.GetProperty("score").GetProperty("value").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), properties.GetProperty("rose_lead_score").GetString());

        var filter = Assert.Single(Stub.Bodies("/crm/v3/objects/companies/search")).GetProperty("filterGroups")[0].GetProperty("filters")[0];
        Assert.Equal(("domain", "EQ", "acme-robotics.com"), (filter.GetProperty("propertyName").GetString(), filter.GetProperty("operator").GetString(), filter.GetProperty("value").GetString()));
        var company = Assert.Single(Assert.Single(Stub.Bodies("/crm/v3/objects/companies/batch/create")).GetProperty("inputs").EnumerateArray());
        Assert.Equal("acme-robotics.com", company.GetProperty("properties").GetProperty("domain").GetString());
        var association = Assert.Single(Assert.Single(Stub.Bodies("/crm/v4/associations/contact/company/batch/associate/default")).GetProperty("inputs").EnumerateArray());
        Assert.Equal((HubSpotStub.ContactId, HubSpotStub.CompanyId), (association.GetProperty("from").GetProperty("id").GetString(), association.GetProperty("to").GetProperty("id").GetString()));
        var note = Assert.Single(Assert.Single(Stub.Bodies("/crm/v3/objects/notes/batch/create")).GetProperty("inputs").EnumerateArray());
        var body = note.GetProperty("properties").GetProperty("hs_note_body").GetString()!;
        Assert.Contains("Business plan", body, StringComparison.Ordinal);
        Assert.Contains($"/backoffice/conversations/{conversationId}", body, StringComparison.Ordinal);
        var reasons = lead.GetProperty("score").GetProperty("factors").EnumerateArray().Select(f => System.Net.WebUtility.HtmlEncode(f.GetProperty("reason").GetString())).ToList();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, reason => Assert.Contains(reason!, body, StringComparison.Ordinal));
        Assert.Equal(HubSpotStub.ContactId, note.GetProperty("associations")[0].GetProperty("to").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Leads_make_one_contact_and_one_note_per_lead_when_the_same_events_and_address_come_twice()
    {
        var (publicKey, apiKey) = await ConnectedTenantAsync();
        await host.LeaveEmailAsync(publicKey, Email, Question);
        await host.LeaveEmailAsync(publicKey, Email.ToUpperInvariant(), "And do you integrate with Salesforce?");
        await Eventually.UntilAsync(() => Stub.Requests("/crm/v3/objects/notes/batch/create").Count == 2, TimeSpan.FromSeconds(30), "both leads' notes");

        // The same lead event delivered again (a redelivery that outlived the platform's memory of it).
        var leadIds = await host.AsTenantAsync("acme", sp => Task.FromResult(sp.GetRequiredService<Chat.Data.ChatDbContext>().Leads.Select(l => l.Id).ToList()));
        foreach (var leadId in leadIds)
        {
            var outcome = await host.AsTenantAsync("acme", sp => sp.GetRequiredService<HubSpotContactSync>().PushAsync(HubSpotPushKind.LeadCaptured, leadId, CancellationToken.None));
            Assert.Equal(HubSpotPushOutcome.Pushed, outcome);
        }

        var upserted = Stub.Bodies("/crm/v3/objects/contacts/batch/upsert").SelectMany(b => b.GetProperty("inputs").EnumerateArray()).ToList();
        Assert.Equal(2 + leadIds.Count, upserted.Count);
        Assert.All(upserted, i => Assert.Equal(("email", Email), (i.GetProperty("idProperty").GetString(), i.GetProperty("id").GetString())));
        Assert.Equal(2, Stub.Requests("/crm/v3/objects/notes/batch/create").Count);
        var contacts = await host.Management(apiKey).GetFromJsonAsync<JsonElement>("/api/v1/integrations/hubspot/contacts");
        Assert.Equal(HubSpotStub.ContactId, Assert.Single(contacts.EnumerateArray()).GetProperty("contactId").GetString());
    }

    [Fact]
    public async Task Signed_webhook_changing_the_lifecycle_stage_shows_in_the_leads_HubSpot_view()
    {
        var (publicKey, apiKey) = await ConnectedTenantAsync();
        await host.LeaveEmailAsync(publicKey, Email, Question);
        await Eventually.UntilAsync(() => Stub.Requests("/crm/v3/objects/notes/batch/create").Count == 1, TimeSpan.FromSeconds(30), "the lead in HubSpot");

        var response = await host.SendWebhookAsync(Batch(eventId: 11, "contact.propertyChange", "lifecyclestage", "salesqualifiedlead"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var contact = await ContactAsync(apiKey);
        Assert.Equal("salesqualifiedlead", contact.GetProperty("lifecycleStage").GetString());
        Assert.Equal(Email, contact.GetProperty("email").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await host.SendWebhookAsync(Batch(eventId: 12, "contact.propertyChange", "hubspot_owner_id", "31337"))).StatusCode);
        Assert.Equal("31337", (await ContactAsync(apiKey)).GetProperty("ownerId").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await host.SendWebhookAsync(Batch(eventId: 13, "contact.deletion", null, null))).StatusCode);
        Assert.True((await ContactAsync(apiKey)).GetProperty("deleted").GetBoolean());
    }

    [Fact]
    public async Task Webhook_gets_401_and_changes_nothing_when_unsigned_tampered_stale_or_signed_with_another_secret()
    {
        var (_, apiKey) = await host.CreateTenantAsync("acme");
        await host.ConnectAsync(apiKey);
        var body = Batch(eventId: 21, "contact.propertyChange", "lifecyclestage", "customer");

        var unsigned = await host.SendWebhookAsync(body, secret: null);
        var tampered = await host.SendWebhookAsync(body, bodyActuallySent: body.Replace("customer", "evangelist", StringComparison.Ordinal));
        var stale = await host.SendWebhookAsync(body, timestamp: DateTimeOffset.UtcNow.AddMinutes(-6));
        var foreign = await host.SendWebhookAsync(body, secret: "another-apps-secret");

        Assert.All([unsigned, tampered, stale, foreign], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal("application/problem+json", unsigned.Content.Headers.ContentType?.MediaType);
        var contacts = await host.Management(apiKey).GetFromJsonAsync<JsonElement>("/api/v1/integrations/hubspot/contacts");
        Assert.Equal(0, contacts.GetArrayLength());
    }

    [Fact]
    public async Task Webhook_event_is_applied_once_when_HubSpot_delivers_its_id_again()
    {
        var (_, apiKey) = await host.CreateTenantAsync("acme");
        await host.ConnectAsync(apiKey);

        Assert.Equal(HttpStatusCode.NoContent, (await host.SendWebhookAsync(Batch(eventId: 31, "contact.propertyChange", "lifecyclestage", "customer"))).StatusCode);
        // The same event id with another value: a replay (or a forgery of an old id) must not win.
        Assert.Equal(HttpStatusCode.NoContent, (await host.SendWebhookAsync(Batch(eventId: 31, "contact.propertyChange", "lifecyclestage", "lead"))).StatusCode);

        Assert.Equal("customer", (await ContactAsync(apiKey)).GetProperty("lifecycleStage").GetString());
        var received = await host.AsTenantAsync("acme", sp => Task.FromResult(sp.GetRequiredService<HubSpotDbContext>().ReceivedEvents.Count()));
        Assert.Equal(1, received);
    }

    [Fact]
    public async Task Push_failing_after_its_retries_is_listed_and_replayed_when_HubSpot_recovers()
    {
        var (publicKey, apiKey) = await ConnectedTenantAsync();
        Stub.Server.Server.Given(Request.Create().WithPath("/crm/v3/objects/contacts/batch/upsert").UsingPost()).WithTitle("outage")
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("upstream unavailable"));
        await host.LeaveEmailAsync(publicKey, Email, Question);

        using var management = host.Management(apiKey);
        JsonElement failures = default;
        await Eventually.UntilAsync(async () => (failures = await management.GetFromJsonAsync<JsonElement>("/api/v1/integrations/hubspot/failures")).GetArrayLength() == 1,
            TimeSpan.FromSeconds(30), "the failed push in the list");
        var failure = failures[0];
        Assert.Equal("lead-captured", failure.GetProperty("kind").GetString());
        Assert.Contains("503", failure.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, Stub.Requests("/crm/v3/objects/contacts/batch/upsert").Count);
        Assert.Empty(Stub.Requests("/crm/v3/objects/notes/batch/create"));

        Stub.Server.Server.DeleteMapping(Stub.Server.Server.Mappings.Single(m => m.Title == "outage").Guid);
        var replay = await management.PostAsync($"/api/v1/integrations/hubspot/failures/{failure.GetProperty("id").GetString()}/replay", null);

        Assert.Equal("pushed", (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        Assert.Single(Stub.Requests("/crm/v3/objects/notes/batch/create"));
        Assert.Equal(0, (await management.GetFromJsonAsync<JsonElement>("/api/v1/integrations/hubspot/failures")).GetArrayLength());
    }

    [Fact]
    public async Task Erasure_reaches_HubSpots_GDPR_delete_only_when_the_tenant_turned_it_on()
    {
        var (publicKey, apiKey) = await ConnectedTenantAsync();
        await host.LeaveEmailAsync(publicKey, "first@acme-robotics.com", Question);
        await host.LeaveEmailAsync(publicKey, Email, Question);
        using var management = host.Management(apiKey);

        Assert.Equal(HttpStatusCode.OK, (await management.DeleteAsync("/api/v1/visitors?email=first@acme-robotics.com")).StatusCode);
        Assert.Empty(Stub.Requests("/crm/v3/objects/contacts/gdpr-delete"));

        Assert.Equal(HttpStatusCode.OK, (await management.PutAsJsonAsync("/api/v1/integrations/hubspot/settings", new { gdprDeleteOnErasure = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await management.DeleteAsync($"/api/v1/visitors?email={Uri.EscapeDataString(Email)}")).StatusCode);

        var delete = Assert.Single(Stub.Bodies("/crm/v3/objects/contacts/gdpr-delete"));
        Assert.Equal((Email, "email"), (delete.GetProperty("objectId").GetString(), delete.GetProperty("idProperty").GetString()));
    }

    [Fact]
    public async Task Full_sync_pages_through_contacts_and_companies_with_after_cursors_and_shows_its_progress()
    {
        var (_, apiKey) = await host.CreateTenantAsync("acme");
        await host.ConnectAsync(apiKey);
        Page("/crm/v3/objects/contacts", after: null, next: "c2", ("601", new { email = "a@acme.example", lifecyclestage = "lead" }), ("602", new { email = "b@acme.example", lifecyclestage = "customer" }));
        Page("/crm/v3/objects/contacts", after: "c2", next: null, ("603", new { email = "c@acme.example", lifecyclestage = "opportunity" }));
        Page("/crm/v3/objects/companies", after: null, next: null, ("801", new { domain = "acme.example", name = "Acme" }));
        using var management = host.Management(apiKey);

        var started = await management.PostAsync("/api/v1/integrations/hubspot/sync", null);

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var location = started.Headers.Location!.ToString();
        JsonElement run = default;
        await Eventually.UntilAsync(async () => (run = await management.GetFromJsonAsync<JsonElement>(location)).GetProperty("phase").GetString() == "completed",
            TimeSpan.FromSeconds(30), "the full sync to complete");
        Assert.Equal((3, 1), (run.GetProperty("contacts").GetInt32(), run.GetProperty("companies").GetInt32()));
        Assert.Equal(["contacts:", "contacts:c2", "companies:"], Stub.Server.Server.LogEntries
            .Where(e => e.RequestMessage.Path is "/crm/v3/objects/contacts" or "/crm/v3/objects/companies")
            .OrderBy(e => e.RequestMessage.DateTime)
            .Select(e => e.RequestMessage.Path.Split('/').Last() + ":" + (e.RequestMessage.Query!.TryGetValue("after", out var after) ? after.Single() : string.Empty)));
        var contacts = await management.GetFromJsonAsync<JsonElement>("/api/v1/integrations/hubspot/contacts?email=b@acme.example");
        Assert.Equal("customer", Assert.Single(contacts.EnumerateArray()).GetProperty("lifecycleStage").GetString());
    }

    [Fact]
    public async Task Hot_lead_adds_a_second_note_with_its_score_when_it_crosses_the_threshold()
    {
        var (publicKey, apiKey) = await host.CreateTenantAsync("acme");
        await host.SetHotThresholdAsync(apiKey, 1);
        await host.ConnectAsync(apiKey);

        var conversationId = await host.LeaveEmailAsync(publicKey, Email, Question);

        await Eventually.UntilAsync(() => Stub.Requests("/crm/v3/objects/notes/batch/create").Count == 2, TimeSpan.FromSeconds(30), "the captured and the qualified notes");
        var bodies = Stub.Bodies("/crm/v3/objects/notes/batch/create").Select(b => b.GetProperty("inputs")[0].GetProperty("properties").GetProperty("hs_note_body").GetString()!).ToList();
        var lead = await host.Management(apiKey).GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{conversationId}/lead");
        Assert.Single(bodies, b => b.Contains("hot lead", StringComparison.Ordinal) && b.Contains($"Score {lead.GetProperty("score").GetProperty("value").GetInt32()}/100", StringComparison.Ordinal));
        Assert.All(Stub.Bodies("/crm/v3/objects/contacts/batch/upsert"), b => Assert.Equal(Email, b.GetProperty("inputs")[0].GetProperty("id").GetString()));
    }

    [Fact]
    public async Task OAuth_callback_connects_with_the_code_and_the_token_is_refreshed_when_it_expires()
    {
        var (publicKey, apiKey) = await host.CreateTenantAsync("acme");
        await host.SetHotThresholdAsync(apiKey, 100);
        Token("authorization_code", "at-first", "rt-first", expiresIn: 60);
        Token("refresh_token", "at-renewed", "rt-renewed", expiresIn: 1800);
        using var management = host.Management(apiKey);

        var start = await (await management.PostAsync("/api/v1/integrations/hubspot/oauth/start", null)).Content.ReadFromJsonAsync<JsonElement>();
        var authorize = new Uri(start.GetProperty("authorizeUrl").GetString()!);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal("app.hubspot.com", authorize.Host);
        Assert.Equal(HubSpotHost.ClientId, query["client_id"].Single());
        Assert.Contains("crm.objects.contacts.write", query["scope"].Single(), StringComparison.Ordinal);
        var forged = await management.GetAsync($"/api/v1/integrations/hubspot/oauth/callback?code=c0de&state=acme.not-issued");
        var callback = await management.GetAsync($"/api/v1/integrations/hubspot/oauth/callback?code=c0de&state={Uri.EscapeDataString(query["state"].Single()!)}");

        Assert.EndsWith("/backoffice/integrations?hubspot=invalid-state", forged.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("/backoffice/integrations?hubspot=connected", callback.Headers.Location!.ToString(), StringComparison.Ordinal);
        var exchange = Assert.Single(Stub.Requests("/oauth/v1/token")).RequestMessage.Body!;
        Assert.Contains("grant_type=authorization_code", exchange, StringComparison.Ordinal);
        Assert.Contains("code=c0de", exchange, StringComparison.Ordinal);
        Assert.Contains($"client_secret={HubSpotHost.ClientSecret}", exchange, StringComparison.Ordinal);
        Assert.Equal("Bearer at-first", Stub.Requests("/account-info/v3/details").Single().RequestMessage.Headers!["Authorization"].Single());
        Assert.Equal("oauth", (await management.GetFromJsonAsync<JsonElement>("/api/v1/integrations/hubspot")).GetProperty("kind").GetString());

        // The first token lives 60 s, inside the renewal margin: the next push renews it first.
        await host.LeaveEmailAsync(publicKey, Email, Question);
        await Eventually.UntilAsync(() => Stub.Requests("/crm/v3/objects/contacts/batch/upsert").Count == 1, TimeSpan.FromSeconds(30), "the push");

        var refresh = Stub.Requests("/oauth/v1/token")[1].RequestMessage.Body!;
        Assert.Contains("grant_type=refresh_token", refresh, StringComparison.Ordinal);
        Assert.Contains("refresh_token=rt-first", refresh, StringComparison.Ordinal);
        Assert.Equal("Bearer at-renewed", Stub.Requests("/crm/v3/objects/contacts/batch/upsert").Single().RequestMessage.Headers!["Authorization"].Single());
    }

    private void Token(string grantType, string accessToken, string refreshToken, int expiresIn) =>
        Stub.Server.Server.Given(Request.Create().WithPath("/oauth/v1/token").UsingPost().WithBody(new WildcardMatcher($"*grant_type={grantType}*")))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody(JsonSerializer.Serialize(new { token_type = "bearer", access_token = accessToken, refresh_token = refreshToken, expires_in = expiresIn })));

    private void Page(string path, string? after, string? next, params (string Id, object Properties)[] results)
    {
        var request = Request.Create().WithPath(path).UsingGet();
        request = after is null ? request.WithParam("after", MatchBehaviour.RejectOnMatch) : request.WithParam("after", after);
        object body = next is null
            ? new { results = results.Select(r => new { id = r.Id, properties = r.Properties, archived = false }) }
            : new { results = results.Select(r => new { id = r.Id, properties = r.Properties, archived = false }), paging = new { next = new { after = next, link = $"{path}?after={next}" } } };
        Stub.Server.Server.Given(request).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(JsonSerializer.Serialize(body)));
    }

    private async Task<JsonElement> ContactAsync(string apiKey)
    {
        var contacts = await host.Management(apiKey).GetFromJsonAsync<JsonElement>("/api/v1/integrations/hubspot/contacts");
        return Assert.Single(contacts.EnumerateArray(), c => c.GetProperty("contactId").GetString() == HubSpotStub.ContactId);
    }

    private static string Batch(long eventId, string subscriptionType, string? propertyName, string? propertyValue) =>
        JsonSerializer.Serialize(new[]
        {
            new
            {
                eventId, subscriptionId = 2001, portalId = HubSpotStub.PortalId, appId = 3001,
                occurredAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), subscriptionType, attemptNumber = 0,
                objectId = long.Parse(HubSpotStub.ContactId, System.Globalization.CultureInfo.InvariantCulture), changeSource = "CRM", propertyName, propertyValue,
            },
        });
}
