using Rose.Knowledge.Data;
using Xunit;

namespace Rose.Chat.Tests;

public sealed class KnowledgeLoadingChatTests(KnowledgeLoadingFixture app) : IClassFixture<KnowledgeLoadingFixture>
{
    private const string StillReading = "I'm still reading this site's documentation. Please ask me again in a minute.";
    private const string Decline = "I'm sorry, I don't know the answer to that";

    [Fact]
    public async Task PostMessage_says_it_is_still_reading_when_the_first_documents_are_queued_or_processing()
    {
        var key = await app.CreateTenantAsync("initech");
        await app.StoreDocumentsAsync("initech", DocumentStatus.Queued, DocumentStatus.Processing, DocumentStatus.Failed);

        var events = await AskAsync(key, "How do I run Initech with Dapr?");

        Assert.Equal(["meta", "token", "done"], events.Select(e => e.Name));
        Assert.Equal(StillReading, Answer(events));
    }

    [Fact]
    public async Task PostMessage_says_it_is_still_reading_in_the_language_of_the_question()
    {
        var key = await app.CreateTenantAsync("hooli");
        await app.StoreDocumentsAsync("hooli", DocumentStatus.Queued);

        var events = await AskAsync(key, "Comment est-ce que je lance Hooli avec Dapr ?");

        Assert.Equal("Je suis encore en train de lire la documentation de ce site. Reposez-moi la question dans une minute.", Answer(events));
    }

    [Fact]
    public async Task PostMessage_declines_plainly_when_the_knowledge_base_is_empty_or_already_partly_indexed()
    {
        var emptyKey = await app.CreateTenantAsync("umbrella");
        var partlyKey = await app.CreateTenantAsync("cyberdyne");
        await app.StoreDocumentsAsync("cyberdyne", DocumentStatus.Indexed, DocumentStatus.Queued);

        var empty = Answer(await AskAsync(emptyKey, "How do I run Umbrella with Dapr?"));
        var partly = Answer(await AskAsync(partlyKey, "How do I run Cyberdyne with Dapr?"));

        Assert.StartsWith(Decline, empty, StringComparison.Ordinal);
        Assert.StartsWith(Decline, partly, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<SseEvent>> AskAsync(string publicKey, string question)
    {
        var (id, token) = await app.Client.StartAsync(publicKey);
        var events = await app.Client.AskAsync(publicKey, id, token, question);
        Assert.Equal("done", events[^1].Name);
        return events;
    }

    private static string Answer(IReadOnlyList<SseEvent> events) =>
        string.Concat(events.Where(e => e.Name == "token").Select(e => e.Data.GetProperty("text").GetString()));
}
