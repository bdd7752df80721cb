using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rose.Platform.Tests.Support;
using Rose.Testing.Dapr;
using Xunit;

namespace Rose.Platform.Tests.Dapr;

/// <summary>APP_API_TOKEN fails closed: required to start outside Development, and on every route daprd calls.</summary>
public sealed class DaprAppTokenTests : IAsyncLifetime
{
    private const string AppToken = "app-token-the-sidecar-sends";
    private FakeDaprSidecar sidecar = null!;

    public async Task InitializeAsync() => sidecar = await FakeDaprSidecar.StartAsync();

    [Fact]
    public async Task App_on_dapr_outside_development_refuses_to_start_without_the_app_token()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            SidecarFacingApp.StartAsync(sidecar.Settings, (_, _) => { }, environment: "Production"));

        Assert.Contains("APP_API_TOKEN is not set", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'Production'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task App_on_dapr_in_development_starts_without_the_app_token_and_leaves_routes_open()
    {
        await using var app = await SidecarFacingApp.StartAsync(sidecar.Settings, (_, _) => { }, environment: "Development");
        using var client = app.CreateClient(appToken: null);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dapr/subscribe")).StatusCode);
    }

    [Fact]
    public async Task Actor_routes_and_dapr_config_require_the_app_token()
    {
        await using var app = await SidecarFacingApp.StartAsync(
            new Dictionary<string, string?>(sidecar.Settings) { ["APP_API_TOKEN"] = AppToken },
            (services, _) => services.AddActors(options => options.Actors.RegisterActor<PingActor>()),
            web => web.MapActorsHandlers());
        using var anonymous = app.CreateClient(appToken: null);
        using var sidecarClient = app.CreateClient(AppToken);
        const string method = "/actors/PingActor/a-1/method/PingAsync";

        var rejected = await anonymous.GetAsync("/dapr/config");
        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsync(method, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync("/actors/PingActor/a-1")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await sidecarClient.GetAsync("/dapr/config")).StatusCode);
        using var invoked = await sidecarClient.PutAsync(method, null);
        Assert.Equal(HttpStatusCode.OK, invoked.StatusCode);
        Assert.Contains("pong", await invoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public async Task DisposeAsync() => await sidecar.DisposeAsync();
}
