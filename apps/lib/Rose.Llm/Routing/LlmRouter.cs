using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rose.Llm.Accounting;
using Rose.Llm.Configuration;
using Rose.Llm.Providers;
using Rose.Llm.Resilience;
using Rose.Llm.Telemetry;

namespace Rose.Llm.Routing;

/// <summary>
/// Walks a purpose's chain: for each provider whose circuit is closed, up to 1 + MaxRetries attempts
/// (429/5xx retried with jittered backoff or the provider's <c>Retry-After</c>), each bounded by the
/// first-token deadline (<see cref="LlmResilienceOptions.FirstTokenTimeout"/>, for calls a visitor waits
/// on) and the attempt timeout between tokens. A stream that fails before its first token falls
/// back to the next provider; one that fails after it fails the turn. Successful calls are accounted
/// to the tenant.
/// </summary>
public sealed class LlmRouter(
    IOptions<LlmOptions> options,
    LlmProviderRegistry providers,
    CircuitBreakerRegistry breakers,
    PromptComplexityClassifier classifier,
    TokenBudget budget,
    ILlmUsageLedger ledger,
    TimeProvider time,
    ILogger<LlmRouter> logger) : ILlmRouter
{
    public bool IsConfigured(string purpose) => Chain(purpose).Count > 0;

    public async IAsyncEnumerable<string> StreamAsync(
        string purpose, string tenantId, IReadOnlyList<ChatMessage> messages, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var delta in RouteAsync(purpose, tenantId, messages, streaming: true, cancellationToken))
        {
            if (delta.Text.Length > 0)
            {
                yield return delta.Text;
            }
        }
    }

    public IAsyncEnumerable<RoutedDelta> StreamWithSourceAsync(
        string purpose, string tenantId, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken) =>
        RouteAsync(purpose, tenantId, messages, streaming: true, cancellationToken);

    public async Task<LlmCompletion> CompleteAsync(string purpose, string tenantId, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        RoutedDelta? last = null;
        await foreach (var delta in RouteAsync(purpose, tenantId, messages, streaming: false, cancellationToken))
        {
            text.Append(delta.Text);
            last = delta;
        }

        var usage = last?.Usage;
        return new LlmCompletion(text.ToString(), last?.Provider ?? string.Empty, last?.Model ?? string.Empty, usage?.InputTokens ?? 0, usage?.OutputTokens ?? 0, usage?.FinishReason);
    }

    private async IAsyncEnumerable<RoutedDelta> RouteAsync(
        string purpose, string tenantId, IReadOnlyList<ChatMessage> messages, bool streaming, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!LlmPurposes.IsKnown(purpose))
        {
            throw new ArgumentException($"Unknown purpose '{purpose}'; known purposes are {string.Join(", ", LlmPurposes.All)}.", nameof(purpose));
        }

        var chain = Chain(purpose);
        if (chain.Count == 0)
        {
            throw new LlmUnavailableException(LlmUnavailableReason.NotConfigured, purpose, []);
        }

        // What the call may consume at most: its prompt and a full answer. Reserved before the call, so
        // that replicas calling at once cannot all pass a budget that has room for one of them.
        var estimate = TokenEstimator.Estimate(messages.Select(m => m.Text)) + options.Value.MaxOutputTokens;
        var reservation = await ReserveAsync(tenantId, estimate, cancellationToken)
            ?? throw new LlmUnavailableException(LlmUnavailableReason.BudgetSpent, purpose, []);
        var settled = false;
        try
        {
            var settings = options.Value;
            var complexity = classifier.Classify(messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? string.Empty);
            using var route = LlmTelemetry.Source.StartActivity($"rose.llm {purpose}");
            route?.SetTag(GenAiAttributes.Purpose, purpose);
            route?.SetTag(GenAiAttributes.Tenant, tenantId);
            route?.SetTag(GenAiAttributes.Complexity, complexity.ToString().ToLowerInvariant());
            var parent = route?.Context ?? default;

            var failures = new List<string>();
            for (var index = 0; index < chain.Count; index++)
            {
                var (provider, link) = chain[index];
                if (index > 0)
                {
                    LlmTelemetry.Fallbacks.Add(1, new TagList { { GenAiAttributes.Purpose, purpose }, { GenAiAttributes.ProviderConfigName, provider.Name } });
                }

                var model = ModelFor(provider, link, complexity, settings);
                var breaker = breakers.For(provider.Name);
                var maxAttempts = 1 + (provider.Options.MaxRetries ?? settings.Resilience.MaxRetries);
                var timeout = provider.Options.AttemptTimeout ?? settings.Resilience.AttemptTimeout;
                var firstTokenTimeout = streaming || LlmPurposes.VisitorWaits.Contains(purpose)
                    ? TimeSpan.FromTicks(Math.Min(timeout.Ticks, settings.Resilience.FirstTokenTimeout.Ticks))
                    : timeout;
                var chatOptions = new ChatOptions { ModelId = model, MaxOutputTokens = settings.MaxOutputTokens, Temperature = settings.Temperature };

                for (var attempt = 1; attempt <= maxAttempts; attempt++)
                {
                    if (!breaker.TryAcquire())
                    {
                        failures.Add($"{provider.Name}: circuit open");
                        LlmTelemetry.Attempts.Add(1, new TagList { { GenAiAttributes.ProviderConfigName, provider.Name }, { GenAiAttributes.Outcome, "circuit_open" } });
                        break;
                    }

                    using var recorder = new AttemptRecorder(provider, model, purpose, tenantId, attempt, streaming, parent, time);
                    using var timer = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
                    using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
                    var client = provider.ClientFor(model);
                    var updates = streaming
                        ? client.GetStreamingResponseAsync(messages, chatOptions, linked.Token)
                        : Whole(client, messages, chatOptions, linked.Token);
                    var enumerator = updates.GetAsyncEnumerator(linked.Token);
                    Exception? error = null;
                    var ended = false;
                    try
                    {
                        // One deadline from the request to the first token (updates without text do not
                        // extend it), then the attempt timeout between tokens; never while the caller reads.
                        timer.CancelAfter(firstTokenTimeout);
                        while (true)
                        {
                            string? delta = null;
                            try
                            {
                                if (recorder.Deltas > 0)
                                {
                                    timer.CancelAfter(timeout);
                                }

                                if (!await enumerator.MoveNextAsync())
                                {
                                    break;
                                }

                                delta = recorder.Observe(enumerator.Current);
                                if (recorder.Deltas > 0)
                                {
                                    timer.CancelAfter(Timeout.InfiniteTimeSpan);
                                }
                            }
                            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                            {
                                error = !timer.IsCancellationRequested ? e
                                    : recorder.Deltas == 0 ? new AttemptTimeoutException(provider.Name, firstTokenTimeout, beforeFirstToken: true)
                                    : new AttemptTimeoutException(provider.Name, timeout);
                                break;
                            }

                            if (delta is not null)
                            {
                                yield return new RoutedDelta(delta, provider.Name, model);
                            }
                        }

                        ended = true;
                    }
                    finally
                    {
                        // The visitor left (cancelled, or stopped reading): no verdict on the provider, but
                        // a half-open circuit must not keep waiting for this trial.
                        if (!ended)
                        {
                            breaker.Release();
                        }

                        await DisposeQuietly(enumerator);
                    }

                    if (error is null && recorder.Deltas == 0)
                    {
                        error = new InvalidDataException($"{provider.Name} ended its response without any text.");
                    }

                    if (error is null)
                    {
                        breaker.RecordSuccess();
                        var usage = await AccountAsync(recorder, provider, model, purpose, tenantId, messages, reservation);
                        settled = true;
                        yield return new RoutedDelta(string.Empty, provider.Name, model) { Usage = usage };
                        yield break;
                    }

                    breaker.RecordFailure();
                    var failure = FailureClassifier.Classify(error, time);
                    if (recorder.Deltas > 0)
                    {
                        recorder.Failed(failure.Type, "interrupted", error);
                        logger.LogWarning(error, "LLM {Provider} broke off after {Deltas} deltas for {Purpose}; failing the turn", provider.Name, recorder.Deltas, purpose);
                        throw new LlmStreamInterruptedException(provider.Name, model, recorder.Deltas, error);
                    }

                    failures.Add($"{provider.Name} attempt {attempt}: {failure.Type}");
                    var retryDelay = failure.Retryable && attempt < maxAttempts
                        ? RetryDelays.Before(attempt, failure, settings.Resilience, Random.Shared)
                        : null;
                    recorder.Failed(failure.Type, retryDelay is null ? "failed" : "retried", error);
                    logger.LogWarning(error, "LLM {Provider} attempt {Attempt} for {Purpose} failed ({Failure})", provider.Name, attempt, purpose, failure.Type);
                    if (retryDelay is null)
                    {
                        break;
                    }

                    await Task.Delay(retryDelay.Value, time, cancellationToken);
                }
            }

            throw new LlmUnavailableException(LlmUnavailableReason.AllProvidersFailed, purpose, failures);
        }
        finally
        {
            if (!settled)
            {
                await ReleaseAsync(reservation, tenantId);
            }
        }
    }

    /// <summary>A ledger or counter outage must not stop the answers: the budget is then treated as not spent.</summary>
    private async Task<TokenReservation?> ReserveAsync(string tenantId, long estimate, CancellationToken cancellationToken)
    {
        try
        {
            return await budget.TryReserveAsync(tenantId, estimate, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Could not reserve tokens of tenant {Tenant}'s budget; answering as if it were not spent", tenantId);
            return TokenReservation.Unlimited;
        }
    }

    /// <summary>Gives back what a call that consumed nothing reserved; an outage only leaves it counted until the counter is read again.</summary>
    private async Task ReleaseAsync(TokenReservation reservation, string tenantId)
    {
        try
        {
            await budget.ReleaseAsync(reservation);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not give back the tokens reserved for tenant {Tenant}", tenantId);
        }
    }

    private List<(LlmProvider Provider, ChainLink Link)> Chain(string purpose) =>
        options.Value.ChainFor(purpose)
            .Select(link => (Provider: providers.Find(link.Provider), Link: link))
            .Where(p => p.Provider is not null)
            .Select(p => (p.Provider!, p.Link))
            .ToList();

    private static string ModelFor(LlmProvider provider, ChainLink link, PromptComplexity complexity, LlmOptions settings)
    {
        if (link.Model is { } pinned)
        {
            return pinned;
        }

        return settings.RouteSimpleQuestionsToFastModel && complexity == PromptComplexity.Simple && provider.Options.FastModel is { Length: > 0 } fast
            ? fast
            : provider.Options.DefaultModel;
    }

    private async Task<LlmCallUsage> AccountAsync(
        AttemptRecorder recorder, LlmProvider provider, string model, string purpose, string tenantId, IReadOnlyList<ChatMessage> messages, TokenReservation reservation)
    {
        var estimated = recorder.Usage?.InputTokenCount is null || recorder.Usage?.OutputTokenCount is null;
        var input = recorder.Usage?.InputTokenCount ?? TokenEstimator.Estimate(messages.Select(m => m.Text));
        var output = recorder.Usage?.OutputTokenCount ?? TokenEstimator.Estimate(recorder.Text);
        var cost = ((input * provider.Options.InputCostPerMillionTokens) + (output * provider.Options.OutputCostPerMillionTokens)) / 1_000_000m;
        recorder.Succeeded(input, output, cost);
        try
        {
            // The answer is already delivered: a ledger outage must not turn it into an error.
            await ledger.RecordAsync(new LlmUsage(tenantId, purpose, provider.Name, model, input, output, cost, estimated), CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not record LLM usage of tenant {Tenant} ({Provider}, {Model})", tenantId, provider.Name, model);
        }

        try
        {
            // After the ledger: a counter read again from the ledger from now on already holds this call.
            await budget.SettleAsync(reservation, input + output);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not settle the tokens reserved for tenant {Tenant}", tenantId);
        }

        return new LlmCallUsage(input, output, recorder.FinishReason, estimated);
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> Whole(
        IChatClient client, IReadOnlyList<ChatMessage> messages, ChatOptions chatOptions, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var response = await client.GetResponseAsync(messages, chatOptions, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    private static async ValueTask DisposeQuietly(IAsyncEnumerator<ChatResponseUpdate> enumerator)
    {
        try
        {
            await enumerator.DisposeAsync();
        }
        catch (Exception)
        {
            // Disposing a broken stream may throw again; the failure is already handled.
        }
    }
}
