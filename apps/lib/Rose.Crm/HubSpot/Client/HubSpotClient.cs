using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Rose.Crm.HubSpot.Client;

/// <summary>
/// HubSpot's CRM API, the calls Rose makes, at their wire format. Batch calls take any number of inputs
/// and send them in chunks of at most <see cref="MaxBatchSize"/> (HubSpot's limit per call). Retries
/// (429 with <c>Retry-After</c>, 5xx, timeouts) and the per-tenant 10-second window are the HTTP
/// pipeline's (<see cref="HubSpotRateLimitHandler"/> and the resilience handler), not this class's.
/// </summary>
public sealed class HubSpotClient(HttpClient http)
{
    public const int MaxBatchSize = 100;

    /// <summary>HubSpot-defined association type ids (v4): note → contact, contact → company (primary).</summary>
    private const int NoteToContact = 202;

    public static readonly IReadOnlyList<string> ContactProperties = ["email", "firstname", "lastname", "lifecyclestage", "hubspot_owner_id", "associatedcompanyid", "lastmodifieddate"];

    public static readonly IReadOnlyList<string> CompanyProperties = ["domain", "name"];

    /// <summary>The portal the token belongs to (<c>GET /account-info/v3/details</c>).</summary>
    public async Task<long> GetPortalIdAsync(HubSpotAccess access, CancellationToken cancellationToken)
    {
        var details = await SendAsync<AccountDetails>(access, HttpMethod.Get, "account-info/v3/details", null, cancellationToken);
        return details.PortalId;
    }

    /// <summary>Creates, in one batch, those of Rose's contact properties the portal lacks; returns their names.</summary>
    public async Task<IReadOnlyList<string>> EnsureRosePropertiesAsync(HubSpotAccess access, CancellationToken cancellationToken)
    {
        var missing = new List<PropertyDefinition>();
        foreach (var property in RoseContactProperties.Definitions)
        {
            using var response = await SendRawAsync(access, HttpMethod.Get, $"crm/v3/properties/contacts/{property.Name}", null, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                missing.Add(property);
            }
            else
            {
                await EnsureSuccessAsync(response, cancellationToken);
            }
        }

        if (missing.Count > 0)
        {
            await SendAsync<JsonElement>(access, HttpMethod.Post, "crm/v3/properties/contacts/batch/create", new BatchInputs<PropertyDefinition>(missing), cancellationToken);
        }

        return [.. missing.Select(p => p.Name)];
    }

    /// <summary>Creates or updates contacts by e-mail (<c>idProperty: email</c>): the same e-mail twice is one contact. Returns contact ids by lowercase e-mail.</summary>
    public async Task<IReadOnlyDictionary<string, string>> UpsertContactsAsync(HubSpotAccess access, IReadOnlyList<HubSpotContactInput> contacts, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        // One input per e-mail per call: HubSpot refuses a batch that names the same id twice.
        var distinct = contacts.GroupBy(c => c.Email.Trim().ToLowerInvariant(), StringComparer.Ordinal).Select(g => g.Last()).ToList();
        foreach (var chunk in distinct.Chunk(MaxBatchSize))
        {
            var inputs = chunk.Select(c => new UpsertInput("email", c.Email.Trim().ToLowerInvariant(), WithEmail(c))).ToList();
            var results = await SendAsync<ObjectResults>(access, HttpMethod.Post, "crm/v3/objects/contacts/batch/upsert", new BatchInputs<UpsertInput>(inputs), cancellationToken);
            var returned = results.Results ?? [];
            for (var i = 0; i < returned.Count; i++)
            {
                // Results come in no promised order: match them by the e-mail they carry.
                var email = returned[i].Properties?.GetValueOrDefault("email")?.ToLowerInvariant() ?? (returned.Count == inputs.Count ? inputs[i].Id : null);
                if (email is not null)
                {
                    ids[email] = returned[i].Id;
                }
            }
        }

        return ids;
    }

    /// <summary>Companies whose <c>domain</c> is exactly <paramref name="domain"/> (search API: <c>domain</c> is not a unique property, so it cannot be an upsert key).</summary>
    public async Task<IReadOnlyList<HubSpotObject>> FindCompaniesByDomainAsync(HubSpotAccess access, string domain, CancellationToken cancellationToken)
    {
        var request = new SearchRequest([new FilterGroup([new Filter("domain", "EQ", domain)])], CompanyProperties, Limit: 10);
        var results = await SendAsync<ObjectResults>(access, HttpMethod.Post, "crm/v3/objects/companies/search", request, cancellationToken);
        return ToObjects(results);
    }

    /// <summary>Creates companies; returns their ids in input order (HubSpot returns the properties it stored, matched here by domain).</summary>
    public async Task<IReadOnlyList<HubSpotObject>> CreateCompaniesAsync(HubSpotAccess access, IReadOnlyList<IReadOnlyDictionary<string, string>> companies, CancellationToken cancellationToken)
    {
        var created = new List<HubSpotObject>();
        foreach (var chunk in companies.Chunk(MaxBatchSize))
        {
            var body = new BatchInputs<CreateInput>([.. chunk.Select(c => new CreateInput(c))]);
            created.AddRange(ToObjects(await SendAsync<ObjectResults>(access, HttpMethod.Post, "crm/v3/objects/companies/batch/create", body, cancellationToken)));
        }

        return created;
    }

    public async Task UpdateCompaniesAsync(HubSpotAccess access, IReadOnlyList<(string Id, IReadOnlyDictionary<string, string> Properties)> companies, CancellationToken cancellationToken)
    {
        foreach (var chunk in companies.Chunk(MaxBatchSize))
        {
            var body = new BatchInputs<UpdateInput>([.. chunk.Select(c => new UpdateInput(c.Id, c.Properties))]);
            await SendAsync<JsonElement>(access, HttpMethod.Post, "crm/v3/objects/companies/batch/update", body, cancellationToken);
        }
    }

    /// <summary>Associates each contact with its company with the default (primary) association type (v4 batch).</summary>
    public async Task AssociateContactsWithCompaniesAsync(HubSpotAccess access, IReadOnlyList<(string ContactId, string CompanyId)> pairs, CancellationToken cancellationToken)
    {
        foreach (var chunk in pairs.Chunk(MaxBatchSize))
        {
            var body = new BatchInputs<AssociateInput>([.. chunk.Select(p => new AssociateInput(new ObjectRef(p.ContactId), new ObjectRef(p.CompanyId)))]);
            await SendAsync<JsonElement>(access, HttpMethod.Post, "crm/v4/associations/contact/company/batch/associate/default", body, cancellationToken);
        }
    }

    /// <summary>Adds notes, each associated with its contact; returns the note ids in input order.</summary>
    public async Task<IReadOnlyList<string>> CreateNotesAsync(HubSpotAccess access, IReadOnlyList<(string ContactId, string Body, DateTimeOffset At)> notes, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        foreach (var chunk in notes.Chunk(MaxBatchSize))
        {
            var body = new BatchInputs<CreateInput>([.. chunk.Select(n => new CreateInput(
                new Dictionary<string, string>
                {
                    ["hs_timestamp"] = n.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                    ["hs_note_body"] = n.Body,
                },
                [new AssociationInput(new ObjectRef(n.ContactId), [new AssociationType("HUBSPOT_DEFINED", NoteToContact)])]))]);
            ids.AddRange(ToObjects(await SendAsync<ObjectResults>(access, HttpMethod.Post, "crm/v3/objects/notes/batch/create", body, cancellationToken)).Select(o => o.Id));
        }

        return ids;
    }

    /// <summary>One page of contacts or companies (<c>objectType</c> <c>contacts</c>|<c>companies</c>), following HubSpot's <c>after</c> cursor.</summary>
    public async Task<HubSpotPage> ListAsync(HubSpotAccess access, string objectType, IReadOnlyList<string> properties, string? after, CancellationToken cancellationToken)
    {
        var query = $"crm/v3/objects/{objectType}?limit={MaxBatchSize}&archived=false&properties={Uri.EscapeDataString(string.Join(',', properties))}";
        if (after is not null)
        {
            query += "&after=" + Uri.EscapeDataString(after);
        }

        var results = await SendAsync<ObjectResults>(access, HttpMethod.Get, query, null, cancellationToken);
        return new HubSpotPage(ToObjects(results), results.Paging?.Next?.After);
    }

    /// <summary>One page of the contacts modified at or after <paramref name="since"/>, oldest change first.</summary>
    public async Task<HubSpotPage> ContactsModifiedSinceAsync(HubSpotAccess access, DateTimeOffset since, string? after, CancellationToken cancellationToken)
    {
        var request = new SearchRequest(
            [new FilterGroup([new Filter("lastmodifieddate", "GTE", since.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture))])],
            ContactProperties, MaxBatchSize, after, [new SearchSort("lastmodifieddate", "ASCENDING")]);
        var results = await SendAsync<ObjectResults>(access, HttpMethod.Post, "crm/v3/objects/contacts/search", request, cancellationToken);
        return new HubSpotPage(ToObjects(results), results.Paging?.Next?.After);
    }

    /// <summary>HubSpot's GDPR delete: the contact and its history go for good, by e-mail.</summary>
    public async Task GdprDeleteContactAsync(HubSpotAccess access, string email, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(access, HttpMethod.Post, "crm/v3/objects/contacts/gdpr-delete", new GdprDeleteRequest(email.Trim().ToLowerInvariant(), "email"), cancellationToken);
        // Nothing to delete is what an erasure wants.
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            await EnsureSuccessAsync(response, cancellationToken);
        }
    }

    /// <summary>The OAuth token endpoint (<c>POST /oauth/v1/token</c>): an authorization code or a refresh token for tokens.</summary>
    public async Task<HubSpotTokenGrant> RequestTokenAsync(IReadOnlyDictionary<string, string> form, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth/v1/token") { Content = new FormUrlEncodedContent(form) };
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(HubSpotWire.Json, cancellationToken);
        if (token?.AccessToken is not { Length: > 0 } accessToken || token.RefreshToken is not { Length: > 0 } refreshToken)
        {
            throw new HubSpotApiException(response.StatusCode, "HubSpot's token endpoint answered without tokens.");
        }

        return new HubSpotTokenGrant(accessToken, refreshToken, TimeSpan.FromSeconds(Math.Max(token.ExpiresIn, 60)));
    }

    private static Dictionary<string, string> WithEmail(HubSpotContactInput contact)
    {
        var properties = new Dictionary<string, string>(contact.Properties, StringComparer.Ordinal) { ["email"] = contact.Email.Trim().ToLowerInvariant() };
        return properties;
    }

    private static IReadOnlyList<HubSpotObject> ToObjects(ObjectResults results) =>
        [.. (results.Results ?? []).Select(r => new HubSpotObject(r.Id, r.Properties ?? []))];

    private async Task<T> SendAsync<T>(HubSpotAccess access, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(access, method, path, body, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return default!;
        }

        return (await response.Content.ReadFromJsonAsync<T>(HubSpotWire.Json, cancellationToken))!;
    }

    private async Task<HttpResponseMessage> SendRawAsync(HubSpotAccess access, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access.AccessToken);
        request.Options.Set(HubSpotRateLimitHandler.TenantKey, access.TenantId);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: HubSpotWire.Json);
        }

        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new HubSpotApiException(e.StatusCode, $"HubSpot could not be reached: {e.Message}", e);
        }
        catch (TimeoutException e)
        {
            throw new HubSpotApiException(null, "HubSpot did not answer in time.", e);
        }
        catch (Polly.Timeout.TimeoutRejectedException e)
        {
            throw new HubSpotApiException(null, "HubSpot did not answer in time.", e);
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        string? message = null;
        try
        {
            message = (await response.Content.ReadFromJsonAsync<ErrorBody>(HubSpotWire.Json, cancellationToken))?.Message;
        }
        catch (JsonException)
        {
            // Not HubSpot's error JSON (a proxy's page): the status says enough.
        }

        throw new HubSpotApiException(response.StatusCode, $"HubSpot answered {(int)response.StatusCode} {response.ReasonPhrase}{(message is null ? string.Empty : ": " + message)}");
    }
}
