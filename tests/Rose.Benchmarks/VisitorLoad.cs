using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Rose.Benchmarks;

/// <summary>
/// Visitors talking to the widget API as the widget does: each opens a conversation (with the
/// widget's impression and open events), asks 1–5 questions through the SSE stream with a think time
/// before each, sometimes clicks the skill the answer ended with (a <c>cta_click</c> event) and
/// sometimes leaves an e-mail (<c>POST /rose/v1/leads</c>), then starts a new conversation, until the
/// run's end. Each visitor has its own address (<c>X-Forwarded-For</c>, from the benchmarking range
/// 198.18.0.0/15, never contacted). A few hasty visitors ask without reading, faster than their
/// limit: their 429s are the intended ones.
/// </summary>
internal sealed class VisitorLoad : IDisposable
{
    private const double LeadShare = 0.15;
    private const double SkillClickShare = 0.3;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly string publicKey;
    private readonly OperatingSettings settings;
    private readonly HttpClient http;
    private readonly int firstAddress;
    private int leadSequence;

    /// <param name="firstAddress">Offset of the visitors' addresses, so that two loads never share a visitor's limits.</param>
    public VisitorLoad(Uri address, string publicKey, OperatingSettings settings, int firstAddress = 0)
    {
        this.firstAddress = firstAddress;
        this.publicKey = publicKey;
        this.settings = settings;
        http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        })
        {
            BaseAddress = address,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public Stopwatch Clock { get; } = new();

    public ConcurrentQueue<VisitorRequest> Requests { get; } = new();

    public ConcurrentBag<ConversationLedger> Conversations { get; } = new();

    /// <summary>Leads the host answered 201 for (their local ids).</summary>
    public ConcurrentBag<string> LeadsAccepted { get; } = new();

    /// <summary>Turns running at this moment.</summary>
    public int InFlight => Volatile.Read(ref inFlight);

    private int inFlight;

    /// <summary>Runs every visitor until <paramref name="duration"/> has passed (turns under way finish).</summary>
    public async Task RunAsync(TimeSpan duration)
    {
        Clock.Start();
        var end = duration;
        await Task.WhenAll(Enumerable.Range(0, settings.Visitors).Select(v => Task.Run(() => VisitorAsync(v, v < settings.HastyVisitors, end))));
    }

    private async Task VisitorAsync(int visitor, bool hasty, TimeSpan end)
    {
        var random = new Random(visitor);
        var slot = visitor + firstAddress;
        var forwardedFor = string.Create(CultureInfo.InvariantCulture, $"198.18.{slot / 250}.{(slot % 250) + 1}");
        // Visitors arrive over the first think time, not all at the same instant.
        await Task.Delay(Think(random, hasty) * random.NextDouble());
        while (Clock.Elapsed < end)
        {
            var conversation = await StartConversationAsync(visitor, forwardedFor, hasty);
            if (conversation is null)
            {
                await WaitAsync(Think(random, hasty: false), end);
                continue;
            }

            await SendEventsAsync(visitor, forwardedFor, hasty, [new { type = "impression" }, new { type = "open", conversationId = conversation.Id }]);
            var turns = hasty ? 30 : random.Next(1, 6);
            for (var t = 0; t < turns && Clock.Elapsed < end; t++)
            {
                await WaitAsync(Think(random, hasty), end);
                if (Clock.Elapsed >= end)
                {
                    break;
                }

                var question = t == 0
                    ? VisitorQuestions.Openers[random.Next(VisitorQuestions.Openers.Count)]
                    : VisitorQuestions.FollowUps[random.Next(VisitorQuestions.FollowUps.Count)];
                var (outcome, skillId, retryAfter) = await AskAsync(visitor, forwardedFor, hasty, conversation, question);
                if (outcome != VisitorRequestOutcome.Answered)
                {
                    await WaitAsync(retryAfter, end);
                }

                if (skillId is not null && random.NextDouble() < SkillClickShare)
                {
                    await SendEventsAsync(visitor, forwardedFor, hasty, [new { type = "cta_click", conversationId = conversation.Id, data = new { skillId } }]);
                }
            }

            if (!hasty && random.NextDouble() < LeadShare && Clock.Elapsed < end)
            {
                await LeaveEmailAsync(visitor, forwardedFor, conversation);
            }

            await WaitAsync(Think(random, hasty), end);
        }
    }

    /// <summary>Waits, but not past the run's end (a Retry-After of a minute must not stretch the run).</summary>
    private Task WaitAsync(TimeSpan wait, TimeSpan end)
    {
        var left = end - Clock.Elapsed;
        return left <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait < left ? wait : left);
    }

    private TimeSpan Think(Random random, bool hasty) => hasty
        ? TimeSpan.FromMilliseconds(100 + (200 * random.NextDouble()))
        : settings.MinThink + ((settings.MaxThink - settings.MinThink) * random.NextDouble());

    private HttpRequestMessage Widget(HttpMethod method, string path, string forwardedFor, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-Rose-Key", publicKey);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return request;
    }

    private async Task<ConversationLedger?> StartConversationAsync(int visitor, string forwardedFor, bool hasty)
    {
        var at = Clock.Elapsed;
        try
        {
            using var timeout = new CancellationTokenSource(Patience);
            using var response = await http.SendAsync(Widget(HttpMethod.Post, "/rose/v1/conversations", forwardedFor), timeout.Token);
            Record(visitor, at, "conversation", Classify(response), null, hasty, false, response);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var started = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
            var ledger = new ConversationLedger(started.GetProperty("conversationId").GetString()!, started.GetProperty("token").GetString()!);
            Conversations.Add(ledger);
            return ledger;
        }
        catch (Exception e) when (Failure(e) is { } outcome)
        {
            Record(visitor, at, "conversation", outcome, null, hasty, false, null, e.GetType().Name);
            return null;
        }
    }

    private async Task SendEventsAsync(int visitor, string forwardedFor, bool hasty, object[] events)
    {
        var at = Clock.Elapsed;
        try
        {
            using var timeout = new CancellationTokenSource(Patience);
            using var response = await http.SendAsync(Widget(HttpMethod.Post, "/rose/v1/events", forwardedFor, JsonContent.Create(new { events })), timeout.Token);
            Record(visitor, at, "events", Classify(response), null, hasty, false, response);
        }
        catch (Exception e) when (Failure(e) is { } outcome)
        {
            Record(visitor, at, "events", outcome, null, hasty, false, null, e.GetType().Name);
        }
    }

    private async Task LeaveEmailAsync(int visitor, string forwardedFor, ConversationLedger conversation)
    {
        var at = Clock.Elapsed;
        var email = string.Create(CultureInfo.InvariantCulture, $"visitor{Interlocked.Increment(ref leadSequence)}@load.rose.test");
        try
        {
            using var timeout = new CancellationTokenSource(Patience);
            using var response = await http.SendAsync(
                Widget(HttpMethod.Post, "/rose/v1/leads", forwardedFor, JsonContent.Create(new { email, conversationId = conversation.Id })), timeout.Token);
            Record(visitor, at, "lead", Classify(response), null, false, false, response);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                var accepted = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
                LeadsAccepted.Add(accepted.GetProperty("id").GetString()!);
            }
        }
        catch (Exception e) when (Failure(e) is { } outcome)
        {
            Record(visitor, at, "lead", outcome, null, false, false, null, e.GetType().Name);
        }
    }

    /// <summary>One turn through the SSE stream; TTFT is from the POST to the first <c>token</c> event.</summary>
    private async Task<(VisitorRequestOutcome Outcome, string? SkillId, TimeSpan RetryAfter)> AskAsync(
        int visitor, string forwardedFor, bool hasty, ConversationLedger conversation, string question)
    {
        var at = Clock.Elapsed;
        var clock = Stopwatch.StartNew();
        double? firstToken = null;
        string? skillId = null;
        var byLlm = false;
        var ended = false;
        Interlocked.Increment(ref inFlight);
        try
        {
            using var timeout = new CancellationTokenSource(Patience);
            var request = Widget(HttpMethod.Post, $"/rose/v1/conversations/{conversation.Id}/messages", forwardedFor, JsonContent.Create(new { text = question }));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.Token);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                var outcome = Classify(response);
                Record(visitor, at, "message", outcome, null, hasty, false, response);
                var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                return (outcome, null, wait);
            }

            ended = true;
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            string? currentEvent = null;
            while (await reader.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    currentEvent = line["event: ".Length..];
                    firstToken ??= currentEvent == "token" ? clock.Elapsed.TotalMilliseconds : null;
                    continue;
                }

                if (!line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    continue;
                }

                var data = JsonDocument.Parse(line["data: ".Length..]).RootElement;
                switch (currentEvent)
                {
                    case "token":
                        byLlm |= data.GetProperty("text").GetString()!.Contains(SwitchableLlmStub.AnswerMarker, StringComparison.Ordinal);
                        break;
                    case "skill":
                        skillId = data.TryGetProperty("id", out var id) ? id.GetString() : null;
                        break;
                    case "done":
                        conversation.Answered++;
                        Record(visitor, at, "message", VisitorRequestOutcome.Answered, firstToken ?? clock.Elapsed.TotalMilliseconds, hasty, byLlm, null, "done", clock.Elapsed);
                        return (VisitorRequestOutcome.Answered, skillId, TimeSpan.Zero);
                    case "error":
                        conversation.Refused++;
                        var code = data.TryGetProperty("code", out var c) ? c.GetString() : "error";
                        Record(visitor, at, "message", VisitorRequestOutcome.ErrorEvent, firstToken, hasty, byLlm, null, "error:" + code, clock.Elapsed);
                        return (VisitorRequestOutcome.ErrorEvent, null, TimeSpan.Zero);
                }
            }

            conversation.Unknown++;
            Record(visitor, at, "message", VisitorRequestOutcome.BrokenStream, firstToken, hasty, byLlm, null, "closed without done", clock.Elapsed);
            return (VisitorRequestOutcome.BrokenStream, null, TimeSpan.FromSeconds(1));
        }
        catch (Exception e) when (Failure(e) is { } outcome)
        {
            if (ended)
            {
                conversation.Unknown++;
                outcome = outcome == VisitorRequestOutcome.TimedOut ? VisitorRequestOutcome.TimedOut : VisitorRequestOutcome.BrokenStream;
            }

            Record(visitor, at, "message", outcome, firstToken, hasty, byLlm, null, e.GetType().Name, clock.Elapsed);
            return (outcome, null, TimeSpan.FromSeconds(1));
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private static VisitorRequestOutcome Classify(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
        {
            return VisitorRequestOutcome.Answered;
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            // The stream cap answers "Too many answers in progress" with Retry-After 2; the rate limiter "Too many requests".
            return response.Headers.RetryAfter?.Delta == TimeSpan.FromSeconds(2) && response.RequestMessage?.RequestUri?.AbsolutePath.EndsWith("/messages", StringComparison.Ordinal) == true
                ? VisitorRequestOutcome.StreamCapReached
                : VisitorRequestOutcome.RateLimited;
        }

        return VisitorRequestOutcome.HttpError;
    }

    private static VisitorRequestOutcome? Failure(Exception e) => e switch
    {
        OperationCanceledException => VisitorRequestOutcome.TimedOut,
        HttpRequestException { InnerException: SocketException } => VisitorRequestOutcome.ConnectionFailed,
        HttpRequestException => VisitorRequestOutcome.BrokenStream,
        IOException => VisitorRequestOutcome.BrokenStream,
        JsonException => VisitorRequestOutcome.BrokenStream,
        _ => null,
    };

    private void Record(int visitor, TimeSpan at, string kind, VisitorRequestOutcome outcome, double? ttft, bool hasty, bool byLlm, HttpResponseMessage? response, string? detail = null, TimeSpan? total = null)
    {
        var status = response is null ? detail ?? string.Empty : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        var elapsed = total?.TotalMilliseconds ?? (Clock.Elapsed - at).TotalMilliseconds;
        Requests.Enqueue(new VisitorRequest(visitor, at.TotalSeconds, kind, outcome, ttft, elapsed, status, hasty, byLlm));
    }

    public void Dispose() => http.Dispose();
}
