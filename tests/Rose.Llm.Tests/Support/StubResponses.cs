using Rose.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Rose.Llm.Tests.Support;

/// <summary>Shorthands for the provider stubs.</summary>
internal static class StubResponses
{
    public const string ChatPath = "/v1/chat/completions";

    public static void OpenAiStream(this WireMockServer server, params string[] deltas) =>
        server.Given(Request.Create().WithPath(ChatPath).UsingPost())
            .RespondWith(Sse(OpenAiWire.Stream(deltas)));

    public static void Status(this WireMockServer server, string path, int status, string? retryAfter = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json")
            .WithBody("{\"error\":{\"message\":\"stubbed failure\",\"type\":\"server_error\"}}");
        if (retryAfter is not null)
        {
            response = response.WithHeader("Retry-After", retryAfter);
        }

        server.Given(Request.Create().WithPath(path).UsingPost()).RespondWith(response);
    }

    /// <summary>Answers the given statuses in order (one per call), then <paramref name="then"/> for good.</summary>
    public static void Sequence(this WireMockServer server, string path, IResponseBuilder then, params int[] statuses)
    {
        const string scenario = "sequence";
        for (var i = 0; i < statuses.Length; i++)
        {
            var request = server.Given(Request.Create().WithPath(path).UsingPost()).InScenario(scenario);
            request = i == 0 ? request : request.WhenStateIs($"step-{i}");
            request.WillSetStateTo($"step-{i + 1}")
                .RespondWith(Response.Create().WithStatusCode(statuses[i]).WithBody("{\"error\":{\"message\":\"stubbed\"}}"));
        }

        server.Given(Request.Create().WithPath(path).UsingPost()).InScenario(scenario).WhenStateIs($"step-{statuses.Length}").RespondWith(then);
    }

    public static IResponseBuilder Sse(string body) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/event-stream").WithBody(body);

    public static IResponseBuilder Json(string body) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body);
}
