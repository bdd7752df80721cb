using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Rose.Platform;
using Rose.Platform.PubSub;
using Rose.Chat.Events;
using Rose.Testing;
using Xunit;

namespace Rose.Admin.Tests;

/// <summary>The admin app on the embedded runtime: the in-process delivery's dead letters, for staff only.</summary>
public sealed class EmbeddedDeadLetterTests : IAsyncLifetime
{
    private readonly RoseAppFactory<Program> factory = new RoseAppFactory<Program>()
        .With("Rose:Platform:Outbox:MaxRetries", "0")
        .With("Rose:Platform:Outbox:InitialBackoff", "00:00:00.010");

    private WebApplicationFactory<Program> app = null!;

    public Task InitializeAsync()
    {
        app = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddRoseEventHandler<ConversationEnded, GivingUpHandler>()));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Dead_letters_are_listed_and_replayed_for_staff()
    {
        var ended = new ConversationEnded("acme", "c-dead", DateTimeOffset.UtcNow, "idle");
        await app.Services.GetRequiredService<IEventPublisher>().PublishAsync(ended);
        using var staff = app.Staff();
        JsonElement letters = default;
        await Eventually.TrueAsync(
            async () => (letters = await staff.GetFromJsonAsync<JsonElement>("/admin/v1/dead-letters?tenantId=acme")).GetArrayLength() == 1,
            "the dead letter");
        var letter = letters[0];
        Assert.Equal(ended.Id.ToString(), letter.GetProperty("eventId").GetString());
        Assert.Equal("conversation.ended", letter.GetProperty("topic").GetString());
        Assert.Equal(nameof(GivingUpHandler), letter.GetProperty("subscriber").GetString());
        Assert.Contains("scoring service is down", letter.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        var callsBefore = GivingUpHandler.Calls;

        using var replay = await staff.PostAsync($"/admin/v1/dead-letters/{letter.GetProperty("id").GetInt64()}/replay", null);

        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        await Eventually.TrueAsync(() => Task.FromResult(GivingUpHandler.Calls > callsBefore), "the replayed delivery");
    }

    [Fact]
    public async Task Dead_letter_routes_refuse_callers_without_the_staff_key_with_problem_details()
    {
        using var anonymous = app.CreateClient();

        using var list = await anonymous.GetAsync("/admin/v1/dead-letters");
        using var replay = await anonymous.PostAsync("/admin/v1/dead-letters/1/replay", null);

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal("application/problem+json", list.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
    }

    [Fact]
    public async Task Replay_of_an_unknown_dead_letter_is_not_found_with_problem_details()
    {
        using var staff = app.Staff();

        using var replay = await staff.PostAsync("/admin/v1/dead-letters/424242/replay", null);
        using var badLimit = await staff.GetAsync("/admin/v1/dead-letters?limit=0");

        Assert.Equal(HttpStatusCode.NotFound, replay.StatusCode);
        Assert.Equal("application/problem+json", replay.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
        Assert.Equal("application/problem+json", badLimit.Content.Headers.ContentType?.MediaType);
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await factory.DisposeAsync();
    }
}
