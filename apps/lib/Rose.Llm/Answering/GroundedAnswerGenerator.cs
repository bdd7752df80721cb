using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rose.Llm.Composer;
using Rose.Llm.Configuration;
using Rose.Llm.Prompts;
using Rose.Llm.Routing;
using Rose.Llm.Telemetry;

namespace Rose.Llm.Answering;

/// <summary>
/// Puts the pieces together for the chat: checks retrieval confidence with the offline composer
/// (declining honestly costs no tokens), asks the answer chain with the tenant's prompt, and falls
/// back to the composed answer whenever no provider could start — so the visitor always gets an
/// answer, and the composer's result is already at hand when the fallback is needed.
/// </summary>
public sealed class GroundedAnswerGenerator(
    ILlmRouter router,
    OfflineAnswerComposer composer,
    PromptLibrary prompts,
    IOptions<LlmOptions> options,
    ILogger<GroundedAnswerGenerator> logger) : IAnswerGenerator
{
    public Task<ComposedAnswer> ComposeOfflineAsync(string question, IReadOnlyList<GroundingPassage> passages, CancellationToken cancellationToken) =>
        composer.ComposeAsync(question, passages, cancellationToken);

    public async Task<GroundedAnswer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        await foreach (var update in StreamAnswerAsync(request, cancellationToken))
        {
            if (update.Completed is { } completed)
            {
                return completed;
            }
        }

        throw new InvalidOperationException("The answer stream ended without its completion.");
    }

    public async IAsyncEnumerable<AnswerUpdate> StreamAnswerAsync(AnswerRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var activity = LlmTelemetry.Source.StartActivity("rose.llm grounded-answer");
        activity?.SetTag(GenAiAttributes.Tenant, request.TenantId);
        var llmConfigured = router.IsConfigured(LlmPurposes.Answer);
        ComposedAnswer? composed = null;
        if (!llmConfigured || request.Passages.Count == 0 || options.Value.Composer.CheckConfidenceBeforeLlm)
        {
            composed = await composer.ComposeAsync(request.Question, request.QuestionVector, request.Passages, cancellationToken);
        }

        OfflineReason? offlineReason = composed is { Declined: true } ? OfflineReason.LowConfidence
            : !llmConfigured ? OfflineReason.NotConfigured
            : null;

        if (offlineReason is null)
        {
            var enumerator = router.StreamWithSourceAsync(LlmPurposes.Answer, request.TenantId, Messages(request), cancellationToken)
                .GetAsyncEnumerator(cancellationToken);
            try
            {
                RoutedDelta? first = null;
                try
                {
                    if (await enumerator.MoveNextAsync())
                    {
                        first = enumerator.Current;
                    }
                }
                catch (LlmUnavailableException unavailable)
                {
                    offlineReason = unavailable.Reason switch
                    {
                        LlmUnavailableReason.BudgetSpent => OfflineReason.BudgetSpent,
                        LlmUnavailableReason.NotConfigured => OfflineReason.NotConfigured,
                        _ => OfflineReason.ProvidersFailed,
                    };
                    logger.LogInformation("Answer for tenant {Tenant} composed offline: {Reason}", request.TenantId, offlineReason);
                }

                if (first is not null)
                {
                    var text = new StringBuilder(first.Text);
                    yield return new AnswerUpdate(first.Text);

                    // From here on a failure is LlmStreamInterruptedException and propagates: no mixed answers.
                    while (await enumerator.MoveNextAsync())
                    {
                        if (enumerator.Current.Text.Length > 0)
                        {
                            text.Append(enumerator.Current.Text);
                            yield return new AnswerUpdate(enumerator.Current.Text);
                        }
                    }

                    var answer = text.ToString();
                    activity?.SetTag(GenAiAttributes.AnswerSource, "llm");
                    LlmTelemetry.Answers.Add(1, new TagList { { GenAiAttributes.AnswerSource, "llm" }, { GenAiAttributes.Tenant, request.TenantId } });
                    yield return new AnswerUpdate(string.Empty, new GroundedAnswer(
                        answer, CitationParser.Parse(answer, request.Passages), Declined: false, AnswerSource.Llm, first.Provider, first.Model, null));
                    yield break;
                }
            }
            finally
            {
                await enumerator.DisposeAsync();
            }
        }

        composed ??= await composer.ComposeAsync(request.Question, request.QuestionVector, request.Passages, cancellationToken);
        var reason = offlineReason ?? OfflineReason.ProvidersFailed;
        LlmTelemetry.OfflineAnswers.Add(1, new KeyValuePair<string, object?>(GenAiAttributes.OfflineReason, reason.ToString()));
        LlmTelemetry.Answers.Add(1, new TagList { { GenAiAttributes.AnswerSource, "offline" }, { GenAiAttributes.Tenant, request.TenantId }, { GenAiAttributes.OfflineReason, reason.ToString() } });
        activity?.SetTag(GenAiAttributes.AnswerSource, "offline");
        activity?.SetTag(GenAiAttributes.OfflineReason, reason.ToString());
        activity?.SetTag(GenAiAttributes.Declined, composed.Declined);
        foreach (var delta in OfflineAnswerComposer.Deltas(composed.Text))
        {
            yield return new AnswerUpdate(delta);
        }

        yield return new AnswerUpdate(string.Empty, new GroundedAnswer(
            composed.Text, composed.Citations, composed.Declined, AnswerSource.Offline, null, null, reason));
    }

    private List<ChatMessage> Messages(AnswerRequest request)
    {
        var passages = new StringBuilder();
        for (var i = 0; i < request.Passages.Count; i++)
        {
            var passage = request.Passages[i];
            passages.Append('[').Append(CitationParser.NumberOf(request.Passages, i).ToString(CultureInfo.InvariantCulture)).Append("] ")
                .AppendLine(passage.Title)
                .AppendLine(passage.Text.Trim())
                .AppendLine();
        }

        var system = prompts.Render(LlmPurposes.Answer, request.TenantId, request.Voice, new Dictionary<string, string>
        {
            ["passages"] = passages.ToString().TrimEnd(),
            ["visitor_company"] = request.VisitorCompany is { Length: > 0 } company ? company : "unknown",
        });
        return [new ChatMessage(ChatRole.System, system), .. request.History, new ChatMessage(ChatRole.User, request.Question)];
    }
}
