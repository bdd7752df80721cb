using Rose.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Rose.Llm.Tests.Support;

/// <summary>
/// A streamed OpenAI answer that the test paces: each call is announced (<see cref="NextCallAsync"/>);
/// the first <c>gateAfter</c> SSE events are sent at once, the rest only after <see cref="Open"/>
/// (never, for a provider that hangs). The fake clock of a test then decides what counts as late.
/// </summary>
internal sealed class GatedStream : IDisposable
{
    private readonly SemaphoreSlim arrivals = new(0);
    private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int calls;

    public GatedStream(WireMockServer server, int gateAfter, params string[] deltas)
    {
        var events = OpenAiWire.Stream(deltas).Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e => e + "\n\n").ToList();
        server.Given(Request.Create().WithPath(StubResponses.ChatPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/event-stream")
                .WithSseBody(
                    async (_, queue) =>
                    {
                        Interlocked.Increment(ref calls);
                        foreach (var item in events.Take(gateAfter))
                        {
                            queue.Write(item);
                        }

                        arrivals.Release();
                        await gate.Task;
                        foreach (var item in events.Skip(gateAfter))
                        {
                            queue.Write(item);
                        }

                        queue.Close();
                    },
                    TimeSpan.FromMinutes(5)));
    }

    /// <summary>Calls that reached the stub (counted on arrival, unlike WireMock's log).</summary>
    public int Calls => Volatile.Read(ref calls);

    /// <summary>Waits (on the real clock, as a guard only) until the next call has arrived and got its first events.</summary>
    public async Task NextCallAsync()
    {
        if (!await arrivals.WaitAsync(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("The LLM stub was not called.");
        }
    }

    public void Open() => gate.TrySetResult();

    public void Dispose()
    {
        gate.TrySetResult();
        arrivals.Dispose();
    }
}
