using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Rose.Crm.HubSpot.Client;
using Rose.Crm.HubSpot.Connections;
using Rose.Crm.HubSpot.Sync;
using Rose.Crm.HubSpot.Webhooks;
using Rose.Tenancy.Http;

namespace Rose.Crm.HubSpot.Api;

public static class HubSpotEndpoints
{
    public const string ManagementPath = "/api/v1/integrations/hubspot";

    /// <summary>Where HubSpot sends the browser back after consent (register it as the app's redirect URL).</summary>
    public const string OAuthCallbackPath = ManagementPath + "/oauth/callback";

    /// <summary>Where HubSpot POSTs webhooks (register it in the app's webhook settings); the gateway routes <c>/integrations/*</c> here.</summary>
    public const string WebhookPath = "/integrations/v1/hubspot/webhooks";

    /// <summary>The backoffice page the OAuth callback returns to.</summary>
    public const string IntegrationsPage = "/backoffice/integrations";

    /// <summary>HubSpot batches at most 100 events per request; this bounds what is read before the signature is checked.</summary>
    private const int MaxWebhookBody = 1024 * 1024;

    private static readonly JsonSerializerOptions WebhookJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The tenant's HubSpot connection under <c>/api/v1/integrations/hubspot</c> (API key), its OAuth
    /// callback (the state names the tenant), and HubSpot's signed webhooks at <see cref="WebhookPath"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapHubSpotApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(ManagementPath).RequireApiKey().WithTags("HubSpot");
        group.MapGet("/", async (HubSpotConnections connections, CancellationToken ct) => TypedResults.Ok(await connections.GetStateAsync(ct)))
            .WithName("GetHubSpotConnection")
            .WithSummary("The tenant's HubSpot connection: kind, portal, pending failures. Never a token.");
        group.MapPut("/", ConnectAsync)
            .WithName("ConnectHubSpot")
            .WithSummary("Connects a private app's access token: reads the portal id and creates Rose's contact properties.");
        group.MapDelete("/", async (HubSpotConnections connections, CancellationToken ct) =>
            {
                await connections.DisconnectAsync(ct);
                return TypedResults.Ok(await connections.GetStateAsync(ct));
            })
            .WithName("DisconnectHubSpot")
            .WithSummary("Removes the tokens and the portal's link to the tenant.");
        group.MapPut("/settings", async Task<Results<Ok<HubSpotConnectionState>, ProblemHttpResult>> (HubSpotSettingsRequest request, HubSpotConnections connections, CancellationToken ct) =>
                await connections.SetGdprDeleteOnErasureAsync(request.GdprDeleteOnErasure, ct)
                    ? TypedResults.Ok(await connections.GetStateAsync(ct))
                    : NotConnected())
            .WithName("SetHubSpotSettings")
            .WithSummary("Turns on or off the GDPR delete in HubSpot of every visitor erased in Rose.");
        group.MapPost("/oauth/start", async Task<Results<Ok<HubSpotAuthorizeView>, ProblemHttpResult>> (HubSpotConnections connections, IOptions<HubSpotOptions> options, CancellationToken ct) =>
                options.Value.OAuthEnabled
                    ? TypedResults.Ok(new HubSpotAuthorizeView(await connections.BeginOAuthAsync(ct)))
                    : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "OAuth is not configured", detail: "Connect with a private app's access token instead."))
            .WithName("StartHubSpotOAuth")
            .WithSummary("The URL of HubSpot's consent screen for this tenant (valid 15 minutes).");
        group.MapGet("/contacts", async (string? email, int? limit, HubSpotRecords records, CancellationToken ct) =>
                TypedResults.Ok(await records.ContactsAsync(email, Math.Clamp(limit ?? 50, 1, 500), ct)))
            .WithName("ListHubSpotContacts")
            .WithSummary("The tenant's leads as HubSpot knows them (lifecycle stage, owner, deleted), last changed first.");
        group.MapGet("/failures", async (HubSpotRecords records, CancellationToken ct) => TypedResults.Ok(await records.FailuresAsync(200, ct)))
            .WithName("ListHubSpotFailures")
            .WithSummary("Pushes to HubSpot that failed after their retries, waiting for a replay.");
        group.MapPost("/failures/{id}/replay", async (string id, HubSpotContactSync sync, CancellationToken ct) =>
                TypedResults.Ok(new HubSpotReplayView(HubSpotRecords.WireName(await sync.ReplayAsync(id, ct)))))
            .WithName("ReplayHubSpotFailure")
            .WithSummary("Pushes a failed lead again; a success removes the failure.");
        group.MapPost("/sync", async Task<Results<Accepted<HubSpotSyncRunView>, ProblemHttpResult>> (HubSpotInbound inbound, HubSpotRecords records, CancellationToken ct) =>
                await inbound.StartFullSyncAsync(ct) is { } runId && await records.SyncRunAsync(runId, ct) is { } run
                    ? TypedResults.Accepted($"{ManagementPath}/sync/{runId}", run)
                    : NotConnected())
            .WithName("StartHubSpotFullSync")
            .WithSummary("Starts a full sync of HubSpot's contacts and companies into Rose (a workflow); an unfinished one is returned instead.");
        group.MapGet("/sync/{id}", async Task<Results<Ok<HubSpotSyncRunView>, ProblemHttpResult>> (string id, HubSpotRecords records, CancellationToken ct) =>
                await records.SyncRunAsync(id, ct) is { } run
                    ? TypedResults.Ok(run)
                    : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such sync"))
            .WithName("GetHubSpotFullSync")
            .WithSummary("A full sync's progress: phase and counts.");

        routes.MapGet(OAuthCallbackPath, async (string? state, string? code, string? error, HubSpotConnections connections, CancellationToken ct) =>
            {
                if (error is not null)
                {
                    return TypedResults.LocalRedirect($"{IntegrationsPage}?hubspot=denied");
                }

                var (outcome, _) = await connections.CompleteOAuthAsync(state, code, ct);
                return TypedResults.LocalRedirect($"{IntegrationsPage}?hubspot={OutcomeName(outcome)}");
            })
            .WithTags("HubSpot")
            .WithName("CompleteHubSpotOAuth")
            .WithSummary("HubSpot's OAuth redirect: exchanges the code for tokens and returns to the backoffice's Integrations page.");

        routes.MapPost(WebhookPath, ReceiveWebhookAsync)
            .WithTags("HubSpot")
            .WithName("ReceiveHubSpotWebhook")
            .WithSummary("HubSpot's webhooks, signed with X-HubSpot-Signature-v3: contact changes update Rose's leads.")
            .DisableAntiforgery();
        return routes;
    }

    private static async Task<Results<Ok<HubSpotConnectionState>, ValidationProblem, ProblemHttpResult>> ConnectAsync(
        HubSpotConnectRequest request, HubSpotConnections connections, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.AccessToken) || request.AccessToken.Length > 500)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["accessToken"] = ["Give the private app's access token."] }, title: "HubSpot cannot be connected");
        }

        return await connections.ConnectPrivateAppAsync(request.AccessToken, ct) switch
        {
            HubSpotConnectOutcome.Connected => TypedResults.Ok(await connections.GetStateAsync(ct)),
            HubSpotConnectOutcome.TokenRejected => TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["accessToken"] = ["HubSpot refused this token, or it lacks the scopes Rose needs."] }, title: "HubSpot cannot be connected"),
            HubSpotConnectOutcome.PortalTakenByAnotherTenant => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "This HubSpot portal is connected to another tenant", detail: "A portal can be connected to one Rose tenant only: its webhooks must say whose they are."),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "HubSpot is unavailable", detail: "Nothing was stored; try again later."),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ReceiveWebhookAsync(
        HttpContext context, HubSpotWebhookProcessor processor, IOptions<HubSpotOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.ClientSecret))
        {
            // Nothing can be verified, so nothing is believed.
            return Unsigned("Webhooks are not configured on this Rose (Rose:Crm:HubSpot:ClientSecret).");
        }

        if (context.Request.ContentLength > MaxWebhookBody)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Webhook body too large");
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxWebhookBody)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Webhook body too large");
        }

        var body = buffer.ToArray();
        if (!HubSpotSignature.IsValid(settings.ClientSecret, context.Request.Method, ReceivedUri(context, settings), body,
                context.Request.Headers[HubSpotSignature.TimestampHeader], context.Request.Headers[HubSpotSignature.SignatureHeader],
                clock.GetUtcNow(), settings.WebhookMaxAge))
        {
            return Unsigned("The X-HubSpot-Signature-v3 signature is missing, wrong or older than five minutes.");
        }

        IReadOnlyList<HubSpotWebhookEvent>? events;
        try
        {
            events = JsonSerializer.Deserialize<List<HubSpotWebhookEvent>>(body, WebhookJson);
        }
        catch (JsonException)
        {
            events = null;
        }

        if (events is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a HubSpot webhook batch", detail: "Expected a JSON array of events.");
        }

        await processor.ApplyAsync(events, ct);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The URI HubSpot signed: the configured one when set (behind a gateway that rewrites paths), else
    /// the request as received, its scheme and host as trusted proxies forwarded them and its path and
    /// query as they came on the wire.
    /// </summary>
    private static string ReceivedUri(HttpContext context, HubSpotOptions settings)
    {
        if (settings.WebhookUrl is { } configured)
        {
            return configured.AbsoluteUri;
        }

        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target) || !target.StartsWith('/'))
        {
            target = $"{request.PathBase}{request.Path}{request.QueryString}";
        }

        return $"{request.Scheme}://{request.Host}{target}";
    }

    private static ProblemHttpResult Unsigned(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed by HubSpot", detail: detail);

    private static ProblemHttpResult NotConnected() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "HubSpot is not connected", detail: $"Connect it first: PUT {ManagementPath}.");

    private static string OutcomeName(HubSpotConnectOutcome outcome) => outcome switch
    {
        HubSpotConnectOutcome.Connected => "connected",
        HubSpotConnectOutcome.TokenRejected => "rejected",
        HubSpotConnectOutcome.PortalTakenByAnotherTenant => "portal-taken",
        HubSpotConnectOutcome.InvalidState => "invalid-state",
        _ => "unavailable",
    };
}
