using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.AI;
using Rose.Llm.Providers;
using Rose.Llm.Telemetry;

namespace Rose.Llm.Routing;

/// <summary>
/// Collects what one attempt produced (text, usage, finish reasons, timings) and writes its span
/// and metrics following the GenAI conventions.
/// </summary>
internal sealed class AttemptRecorder : IDisposable
{
    private readonly TimeProvider time;
    private readonly long startedAt;
    private readonly Activity? activity;
    private readonly TagList tags;
    private readonly StringBuilder text = new();
    private readonly List<string> finishReasons = [];
    private readonly string tenantId;
    private readonly string model;
    private long? firstTokenAt;

    public AttemptRecorder(LlmProvider provider, string model, string purpose, string tenantId, int attempt, bool streaming, ActivityContext parent, TimeProvider time)
    {
        this.time = time;
        this.tenantId = tenantId;
        this.model = model;
        startedAt = time.GetTimestamp();
        tags = new TagList
        {
            { GenAiAttributes.OperationName, "chat" },
            { GenAiAttributes.System, provider.GenAiSystem },
            { GenAiAttributes.RequestModel, model },
            { GenAiAttributes.ProviderConfigName, provider.Name },
            { GenAiAttributes.Purpose, purpose },
        };
        activity = LlmTelemetry.Source.StartActivity($"chat {model}", ActivityKind.Client, parent);
        if (activity is not null)
        {
            foreach (var tag in tags)
            {
                activity.SetTag(tag.Key, tag.Value);
            }

            activity.SetTag(GenAiAttributes.ProviderName, provider.GenAiSystem);
            activity.SetTag(GenAiAttributes.Tenant, tenantId);
            activity.SetTag(GenAiAttributes.Attempt, attempt);
            activity.SetTag(GenAiAttributes.Streaming, streaming);
            if (provider.Options.Endpoint is { } endpoint)
            {
                activity.SetTag(GenAiAttributes.ServerAddress, endpoint.Host);
            }
        }
    }

    public int Deltas { get; private set; }

    public string Text => text.ToString();

    public string? ResponseModel { get; private set; }

    public UsageDetails? Usage { get; private set; }

    public string? FinishReason => finishReasons.Count == 0 ? null : finishReasons[^1];

    /// <summary>Takes in one update; returns its text when it carries some.</summary>
    public string? Observe(ChatResponseUpdate update)
    {
        ResponseModel ??= update.ModelId;
        if (update.FinishReason is { } reason)
        {
            finishReasons.Add(reason.Value);
        }

        foreach (var usage in update.Contents.OfType<UsageContent>())
        {
            Usage = usage.Details;
        }

        var delta = update.Text;
        if (string.IsNullOrEmpty(delta))
        {
            return null;
        }

        firstTokenAt ??= time.GetTimestamp();
        Deltas++;
        text.Append(delta);
        return delta;
    }

    public void Succeeded(long inputTokens, long outputTokens, decimal costUsd)
    {
        var tenant = new TagList { { GenAiAttributes.Tenant, tenantId } };
        LlmTelemetry.TenantTokens.Add(inputTokens, With(tenant, GenAiAttributes.TokenType, "input"));
        LlmTelemetry.TenantTokens.Add(outputTokens, With(tenant, GenAiAttributes.TokenType, "output"));
        LlmTelemetry.TenantCost.Add((double)costUsd, With(tenant, GenAiAttributes.RequestModel, model));
        activity?.SetTag(GenAiAttributes.CostUsd, (double)costUsd);
        activity?.SetTag(GenAiAttributes.UsageCost, (double)costUsd);
        var seconds = time.GetElapsedTime(startedAt).TotalSeconds;
        var finished = tags;
        LlmTelemetry.Attempts.Add(1, With(finished, GenAiAttributes.Outcome, "success"));
        LlmTelemetry.OperationDuration.Record(seconds, tags);
        LlmTelemetry.TokenUsage.Record(inputTokens, With(tags, GenAiAttributes.TokenType, "input"));
        LlmTelemetry.TokenUsage.Record(outputTokens, With(tags, GenAiAttributes.TokenType, "output"));
        if (firstTokenAt is { } first)
        {
            var timeToFirstToken = time.GetElapsedTime(startedAt, first).TotalSeconds;
            LlmTelemetry.TimeToFirstToken.Record(timeToFirstToken, tags);
            activity?.SetTag(GenAiAttributes.TimeToFirstToken, timeToFirstToken);
            var generating = time.GetElapsedTime(first).TotalSeconds;
            if (generating > 0)
            {
                LlmTelemetry.OutputTokensPerSecond.Record(outputTokens / generating, tags);
                activity?.SetTag(GenAiAttributes.OutputTokensPerSecond, outputTokens / generating);
            }
        }

        activity?.SetTag(GenAiAttributes.ResponseModel, ResponseModel);
        activity?.SetTag(GenAiAttributes.InputTokens, inputTokens);
        activity?.SetTag(GenAiAttributes.OutputTokens, outputTokens);
        activity?.SetTag(GenAiAttributes.ResponseFinishReasons, finishReasons.Count == 0 ? ["stop"] : finishReasons.ToArray());
        activity?.SetStatus(ActivityStatusCode.Ok);
    }

    public void Failed(string errorType, string outcome, Exception? error)
    {
        LlmTelemetry.Attempts.Add(1, With(With(tags, GenAiAttributes.Outcome, outcome), GenAiAttributes.ErrorType, errorType));
        LlmTelemetry.OperationDuration.Record(time.GetElapsedTime(startedAt).TotalSeconds, With(tags, GenAiAttributes.ErrorType, errorType));
        activity?.SetTag(GenAiAttributes.ErrorType, errorType);
        activity?.SetStatus(ActivityStatusCode.Error, error?.Message ?? errorType);
    }

    public void Dispose() => activity?.Dispose();

    private static TagList With(TagList source, string key, object value)
    {
        var copy = source;
        copy.Add(key, value);
        return copy;
    }
}
