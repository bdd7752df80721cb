using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rose.Chat.Guardrails;
using Rose.Chat.Memory;
using Rose.Chat.Rewriting;
using Rose.Chat.Skills;
using Rose.Chat.Suggestions;
using Rose.Chat.Telemetry;
using Rose.Chat.Turns;
using Rose.Enrichment;
using Rose.Knowledge.Ingestion;
using Rose.Knowledge.Retrieval;
using Rose.Llm.Answering;
using Rose.Llm.Composer;
using Rose.Llm.Embeddings;
using Rose.Llm.Prompts;
using Rose.Llm.Routing;

namespace Rose.Chat.Pipeline;

/// <summary>
/// One turn of a conversation, start to end: memory → screening → rewrite → retrieval (passages
/// sanitised) → grounded answer (LLM or offline composer) streamed through the output rules →
/// citations → skill → suggestions → the turn persisted and published. Turns of one conversation
/// run one at a time. A turn that fails after tokens were sent ends with an <c>error</c> event and
/// stores nothing of itself.
/// </summary>
public sealed class ConversationPipeline(
    IConversationTurnGate gate,
    ConversationMemoryStore memories,
    QueryRewriter rewriter,
    IKnowledgeRetriever retriever,
    KnowledgeLoadingProgress knowledgeLoading,
    ITextEmbedder embedder,
    IVisitorCompanies companies,
    IAnswerGenerator answers,
    SkillSelector skillSelector,
    SkillCatalog skills,
    SuggestionBuilder suggestions,
    ConversationRecorder recorder,
    IOptions<ChatOptions> options,
    TimeProvider clock,
    ILogger<ConversationPipeline> logger)
{
    public async IAsyncEnumerable<ChatStreamEvent> RunTurnAsync(TurnRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var tenant = request.Tenant;
        using var activity = ChatTelemetry.Source.StartActivity(ChatTelemetry.TurnSpan);
        activity?.SetTag(ChatTelemetry.Tenant, tenant.TenantId);
        await using var turn = await gate.EnterAsync(tenant.TenantId, request.ConversationId, cancellationToken);

        var messageId = ChatIds.New();
        yield return ChatStreamEvent.Meta(request.ConversationId, messageId);
        // An async iterator resumes in its caller's context, where the turn's span is no longer current:
        // made current again so that retrieval, the LLM call and the staged events become its children.
        ResumeIn(activity);
        logger.LogInformation("Turn {MessageId} of {TenantId}: {Question}", messageId, tenant.TenantId, PiiMasker.Mask(request.Text));

        var memory = await memories.LoadAsync(tenant.TenantId, request.ConversationId, cancellationToken);
        var outcome = new TurnOutcome(messageId);
        var events = System.Threading.Channels.Channel.CreateUnbounded<ChatStreamEvent>();
        var work = ProduceAsync(request, memory, outcome, events.Writer, cancellationToken);
        var firstToken = true;
        await foreach (var item in events.Reader.ReadAllAsync(cancellationToken))
        {
            if (firstToken && item.Name == "token")
            {
                firstToken = false;
                ChatTelemetry.TimeToFirstToken.Record(clock.GetElapsedTime(started).TotalSeconds);
            }

            yield return item;
        }

        await work;
        ResumeIn(activity);
        if (outcome.Failure is { } failure)
        {
            ChatTelemetry.Turns.Add(1, new KeyValuePair<string, object?>(ChatTelemetry.Outcome, "error"));
            activity?.SetStatus(ActivityStatusCode.Error, "The turn ended with an error event.");
            yield return failure;
            yield break;
        }

        var latency = (long)clock.GetElapsedTime(started).TotalMilliseconds;
        await recorder.RecordAsync(tenant.TenantId, request.ConversationId, request.Text, outcome, latency, cancellationToken);
        var remembered = memory.With(new MemoryTurn(request.Text, outcome.Text, clock.GetUtcNow()), outcome.Skill?.Id, options.Value.RecentTurns);
        await memories.SaveAsync(tenant.TenantId, request.ConversationId, remembered, cancellationToken);
        ChatTelemetry.Turns.Add(1, new KeyValuePair<string, object?>(ChatTelemetry.Outcome, "done"));
        yield return ChatStreamEvent.Done(messageId, latency);
    }

    private static void ResumeIn(Activity? activity)
    {
        if (activity is not null)
        {
            Activity.Current = activity;
        }
    }

    // Produces the events of the turn into a channel, so that failures can be turned into an
    // error event (an iterator cannot yield from a catch block).
    private async Task ProduceAsync(
        TurnRequest request, ConversationMemory memory, TurnOutcome outcome, System.Threading.Channels.ChannelWriter<ChatStreamEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            await AnswerAsync(request, memory, outcome, events, cancellationToken);
        }
        catch (LlmStreamInterruptedException e)
        {
            logger.LogWarning(e, "Answer {MessageId} broke off mid-stream", outcome.MessageId);
            outcome.Failure = ChatStreamEvent.Error("answer_interrupted", "The answer was interrupted. Please ask again.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Turn {MessageId} failed", outcome.MessageId);
            outcome.Failure = ChatStreamEvent.Error("turn_failed", "Something went wrong while answering. Please try again.");
        }
        finally
        {
            events.TryComplete();
        }
    }

    private async Task AnswerAsync(
        TurnRequest request, ConversationMemory memory, TurnOutcome outcome, System.Threading.Channels.ChannelWriter<ChatStreamEvent> events, CancellationToken cancellationToken)
    {
        var tenant = request.Tenant;
        var language = tenant.Widget.Language.Split('-')[0];
        var verdict = RequestScreening.Screen(request.Text);
        if (verdict != ScreeningVerdict.Allowed)
        {
            outcome.Text = RequestScreening.RefusalFor(verdict, language);
            outcome.Model = "guardrail";
            await events.WriteAsync(ChatStreamEvent.Token(outcome.Text), cancellationToken);
            return;
        }

        outcome.VisitorCompany = (await companies.FindAsync(tenant.TenantId, request.VisitorAddress, request.VisitorConsent, cancellationToken))?.Name;
        var query = await rewriter.RewriteAsync(tenant.TenantId, request.Text, memory, cancellationToken);

        // Embedded once: retrieval, the offline composer and skill selection all use this vector.
        var queryVector = (await embedder.EmbedQueriesAsync([query], cancellationToken))[0];
        var retrieved = (await retriever.RetrieveAsync(tenant.TenantId, query, queryVector, options.Value.PassagesPerAnswer, cancellationToken))
            .Select(PassageSanitizer.Clean)
            .Where(p => p.Text.Length > 0)
            .ToList();
        // Nothing found may only mean "not read yet": while the knowledge base is loaded for the
        // first time, the visitor is told so instead of a decline. Checked only when retrieval is
        // empty, so answered turns pay no extra query.
        if (retrieved.Count == 0 && (await knowledgeLoading.ForTenantAsync(tenant.TenantId, cancellationToken)).IsFirstLoading)
        {
            outcome.Text = KnowledgeLoadingMessages.ForQuestion(request.Text);
            outcome.Declined = true;
            outcome.Model = "knowledge-loading";
            await events.WriteAsync(ChatStreamEvent.Token(outcome.Text), cancellationToken);
            return;
        }

        var passages = retrieved.Select(ToGrounding).ToList();
        var sanitizer = new StreamingSanitizer(new AnswerSanitizer(AnswerSanitizer.HostsOf(tenant.AllowedOrigins, retrieved.Select(p => p.SourceUrl))));
        var answerRequest = new AnswerRequest(tenant.TenantId, query, passages)
        {
            QuestionVector = queryVector,
            VisitorCompany = outcome.VisitorCompany,
            History = [.. memory.RecentTurns.SelectMany(t => new[] { new ChatMessage(ChatRole.User, t.Question), new ChatMessage(ChatRole.Assistant, t.Answer) })],
            Voice = new TenantVoice(AssistantName: tenant.Widget.Name, Language: tenant.Widget.Language),
        };

        var text = new System.Text.StringBuilder();
        GroundedAnswer? answer = null;
        await foreach (var update in answers.StreamAnswerAsync(answerRequest, cancellationToken))
        {
            if (update.Completed is not null)
            {
                answer = update.Completed;
                continue;
            }

            var safe = sanitizer.Push(update.Delta);
            if (safe.Length > 0)
            {
                text.Append(safe);
                await events.WriteAsync(ChatStreamEvent.Token(safe), cancellationToken);
            }
        }

        var rest = sanitizer.Flush();
        if (rest.Length > 0)
        {
            text.Append(rest);
            await events.WriteAsync(ChatStreamEvent.Token(rest), cancellationToken);
        }

        if (answer is null)
        {
            throw new InvalidOperationException("The answer generator ended without a finished answer.");
        }

        outcome.Text = text.ToString();
        outcome.Declined = answer.Declined;
        outcome.Model = answer.Source == AnswerSource.Offline ? "offline" : $"{answer.Provider}/{answer.Model}";
        foreach (var citation in answer.Citations.OrderBy(c => c.Number))
        {
            var p = citation.Passage;
            outcome.Citations.Add(new Data.StoredCitation { Number = citation.Number, Title = p.Title, Url = p.Url, DocumentId = p.DocumentId, ChunkId = p.ChunkId });
            await events.WriteAsync(ChatStreamEvent.Citation(citation.Number, p.Title, p.Url, p.DocumentId, p.ChunkId), cancellationToken);
        }

        var tenantSkills = await skills.ListOfferedAsync(cancellationToken);
        var skill = await skillSelector.SelectAsync(tenant.TenantId, tenantSkills, request.Text, queryVector, answer.Declined, memory.LastSkillId, cancellationToken);
        if (skill is not null)
        {
            outcome.Skill = SkillView.From(skill);
            await events.WriteAsync(ChatStreamEvent.Skill(outcome.Skill), cancellationToken);
        }

        var cited = answer.Citations.Select(c => c.Passage.ChunkId).ToHashSet(StringComparer.Ordinal);
        var followUps = await suggestions.BuildAsync(tenant.TenantId, request.Text, retrieved, cited, language, cancellationToken);
        if (followUps.Count > 0)
        {
            await events.WriteAsync(ChatStreamEvent.Suggestions(followUps), cancellationToken);
        }
    }

    private static GroundingPassage ToGrounding(RetrievedPassage passage) => new(
        null,
        passage.DocumentId,
        passage.ChunkId,
        passage.HeadingPath.Count > 0 && !string.Equals(passage.HeadingPath[^1], passage.Title, StringComparison.OrdinalIgnoreCase)
            ? $"{passage.Title} › {passage.HeadingPath[^1]}"
            : passage.Title,
        passage.SourceUrl,
        passage.Text,
        passage.Score)
    {
        Vector = passage.Vector,
    };
}
