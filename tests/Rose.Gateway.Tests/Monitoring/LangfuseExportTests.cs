using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Rose.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace Rose.Gateway.Tests.Monitoring;

/// <summary>
/// ServiceDefaults' Langfuse exporter, through the gateway's real host, against a stub of Langfuse's
/// OpenTelemetry endpoint (OTLP over HTTP, protobuf): LLM spans arrive with Basic authentication
/// <c>public:secret</c>; spans of other sources do not.
/// </summary>
public sealed class LangfuseExportTests : IDisposable
{
    private const string PublicKey = "pk-lf-test";
    private const string SecretKey = "sk-lf-test";
    private readonly ExternalApiStub langfuse = new();

    public LangfuseExportTests()
    {
        langfuse.Server.Given(Request.Create().WithPath("/api/public/otel/v1/traces").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/x-protobuf").WithBody([]));
    }

    [Fact]
    public async Task ConfigureOpenTelemetry_exports_llm_spans_to_langfuse_with_basic_auth_and_nothing_else()
    {
        await using var gateway = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Rose:Gateway:Destinations:search", langfuse.Url);
            builder.UseSetting("Rose:Observability:Langfuse:Endpoint", langfuse.Url);
            builder.UseSetting("Rose:Observability:Langfuse:PublicKey", PublicKey);
            builder.UseSetting("Rose:Observability:Langfuse:SecretKey", SecretKey);
        });
        using var client = gateway.CreateClient();
        using var llm = new ActivitySource("Rose.Llm");
        using var chat = new ActivitySource("Rose.Chat");

        Activity? call;
        using (var turn = chat.StartActivity("chat.turn langfuse-check"))
        {
            call = llm.StartActivity("chat langfuse-test-model", ActivityKind.Client);
            Assert.NotNull(call);
            call.SetTag("gen_ai.operation.name", "chat");
            call.SetTag("gen_ai.request.model", "langfuse-test-model");
            call.SetTag("gen_ai.usage.input_tokens", 12L);
            call.Dispose();
        }

        Assert.True(call.Recorded, "the LLM span is sampled");
        Assert.True(gateway.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.Extensions.Hosting.LangfuseOptions>>().Value.IsConfigured);
        using var diagnostics = new OpenTelemetryDiagnostics();
        Assert.True(gateway.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
        await Eventually.UntilAsync(() => langfuse.Server.LogEntries.Any(), TimeSpan.FromSeconds(10), "an export at the Langfuse stub");

        var exports = langfuse.Server.LogEntries.Select(e => e.RequestMessage).Where(r => r.Path == "/api/public/otel/v1/traces").ToList();
        Assert.True(exports.Count > 0, "OpenTelemetry said: " + diagnostics.Text + " requests at the stub: " + string.Join(", ", langfuse.Server.LogEntries.Select(e => $"{e.RequestMessage.Method} {e.RequestMessage.Path}")));
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{PublicKey}:{SecretKey}"));
        Assert.All(exports, r => Assert.Equal(expected, r.Headers!["Authorization"].Single()));
        Assert.All(exports, r => Assert.Equal("application/x-protobuf", r.Headers!["Content-Type"].Single()));
        var bodies = exports.Select(r => Encoding.UTF8.GetString(r.BodyAsBytes ?? [])).ToList();
        Assert.Contains(bodies, b => b.Contains("chat langfuse-test-model", StringComparison.Ordinal) && b.Contains("gen_ai.request.model", StringComparison.Ordinal));
        Assert.DoesNotContain(bodies, b => b.Contains("chat.turn langfuse-check", StringComparison.Ordinal));
    }

    [Fact]
    public void Gateway_does_not_start_with_a_langfuse_endpoint_but_no_keys()
    {
        using var gateway = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            builder.UseSetting("Rose:Observability:Langfuse:Endpoint", langfuse.Url));

        var error = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        Assert.Contains("Rose:Observability:Langfuse", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => langfuse.Dispose();

    /// <summary>What the OpenTelemetry SDK and exporter report about themselves, for a failure message.</summary>
    private sealed class OpenTelemetryDiagnostics : System.Diagnostics.Tracing.EventListener
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> messages = new();

        public string Text => string.Join(" | ", messages);

        protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource eventSource)
        {
            if (eventSource.Name.StartsWith("OpenTelemetry", StringComparison.Ordinal))
            {
                EnableEvents(eventSource, System.Diagnostics.Tracing.EventLevel.Warning);
            }
        }

        protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs eventData) =>
            messages.Enqueue($"{eventData.EventName}: {string.Join(", ", eventData.Payload ?? [])}");
    }
}
