using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Rose.Platform.Invocation;
using Rose.Platform.PubSub;
using Rose.Platform.Tests.Support;
using Xunit;

namespace Rose.Platform.Tests.Embedded;

/// <summary>The embedded runtime behind HTTP: the dead-letter admin endpoints and invocation of this same process.</summary>
public sealed class EmbeddedEndpointTests : IAsyncLifetime
{
    private readonly TempDataFolder folder = new();
    private readonly CallLog log = new();
    private SidecarFacingApp app = null!;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Rose:Runtime"] = "Embedded",
            ["Rose:DataPath"] = folder.Path,
            ["Rose:Platform:Outbox:MaxRetries"] = "0",
            ["Rose:Platform:Outbox:InitialBackoff"] = "00:00:00.010",
        };
        app = await SidecarFacingApp.StartAsync(
            settings,
            (services, _) =>
            {
                services.AddSingleton(log);
                services.AddRoseEventHandler<SampleConversationEnded, FailingHandler>();
            },
            web =>
            {
                // Stands in for the app's staff protection (RequireStaffKey() in Rose.Tenancy).
                web.MapGroup("/admin/v1")
                    .AddEndpointFilter((context, next) => context.HttpContext.Request.Headers.ContainsKey("x-staff") ? next(context) : ValueTask.FromResult<object?>(Results.Unauthorized()))
                    .MapDeadLetterAdmin();
                web.MapGet("/echo/{word}", (string word) => word.ToUpperInvariant());
            });
    }

    [Fact]
    public async Task Dead_letters_are_listed_and_replayed_through_the_protected_group()
    {
        await app.Services.GetRequiredService<IEventPublisher>().PublishAsync(new SampleConversationEnded("acme", "c-dead", DateTimeOffset.UtcNow, "idle"));
        using var staff = app.CreateClient(appToken: null);
        staff.DefaultRequestHeaders.Add("x-staff", "yes");
        JsonElement letters = default;
        await Signals.UntilAsync(
            async () => (letters = await staff.GetFromJsonAsync<JsonElement>("/admin/v1/dead-letters?tenantId=acme")).GetArrayLength() == 1,
            "the dead letter to be listed");
        var id = letters[0].GetProperty("id").GetInt64();
        Assert.Equal("sample.ended", letters[0].GetProperty("topic").GetString());

        using var replay = await staff.PostAsync($"/admin/v1/dead-letters/{id}/replay", null);

        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        await log.WhenCalled(FailingHandler.Name, 2);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsync($"/admin/v1/dead-letters/{id}/replay", null)).StatusCode);
    }

    [Fact]
    public async Task Dead_letter_endpoints_answer_only_through_the_protection_the_app_put_on_the_group()
    {
        using var anonymous = app.CreateClient(appToken: null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/admin/v1/dead-letters")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/admin/v1/dead-letters/1/replay", null)).StatusCode);
    }

    [Fact]
    public async Task Invocation_of_any_app_id_reaches_this_same_process()
    {
        using var client = app.Services.GetRequiredService<IServiceInvoker>().CreateClient(AppIds.Search);

        Assert.Equal("HELLO", await client.GetStringAsync("/echo/hello"));
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        folder.Dispose();
    }
}
