using System.Text.Json;
using Rose.Testing;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;

namespace Rose.Benchmarks;

/// <summary>
/// An OpenAI-compatible provider (WireMock, <see cref="OpenAiWire"/>) whose behaviour is switched while
/// it serves: normal (first token after 100 ms), slow, failing (503) or hanging. Streamed calls get a
/// cited stub answer, whole calls (rewrites, suggestions, skill choice) the visitor's last message.
/// </summary>
internal sealed class SwitchableLlmStub : IDisposable
{
    public const string AnswerMarker = "Stubbed answer";
    public static readonly TimeSpan NormalDelay = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan SlowDelay = TimeSpan.FromSeconds(8);
    private readonly ExternalApiStub stub = new();
    private readonly CancellationTokenSource stopped = new();
    private int calls;

    public SwitchableLlmStub()
    {
        stub.Server.Given(Request.Create().WithPath("/v1/chat/completions").UsingPost())
            .RespondWith(Response.Create().WithCallback(AnswerAsync));
    }

    public LlmStubMode Mode { get; set; } = LlmStubMode.Normal;

    public string Endpoint => stub.Url + "/v1";

    public int Calls => Volatile.Read(ref calls);

    private async Task<IResponseMessage> AnswerAsync(IRequestMessage request)
    {
        Interlocked.Increment(ref calls);
        var mode = Mode;
        switch (mode)
        {
            case LlmStubMode.Failing:
                return Message(503, "application/json", """{"error":{"message":"stub outage","type":"server_error"}}""");
            case LlmStubMode.Hanging:
                try
                {
                    await Task.Delay(TimeSpan.FromMinutes(5), stopped.Token);
                }
                catch (OperationCanceledException)
                {
                }

                return Message(504, "application/json", "{}");
            default:
                await Task.Delay(mode == LlmStubMode.Slow ? SlowDelay : NormalDelay);
                break;
        }

        var body = JsonDocument.Parse(request.Body ?? "{}").RootElement;
        if (body.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True)
        {
            return Message(200, "text/event-stream", OpenAiWire.Stream([AnswerMarker + ": ", "the documentation says so [1]."]));
        }

        var messages = body.GetProperty("messages");
        var last = messages[messages.GetArrayLength() - 1].GetProperty("content").ToString();
        return Message(200, "application/json", OpenAiWire.Completion(last));
    }

    private static ResponseMessage Message(int status, string contentType, string body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new(contentType) },
        BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
    };

    public void Dispose()
    {
        stopped.Cancel();
        stub.Dispose();
        stopped.Dispose();
    }
}
