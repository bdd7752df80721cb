using Dapr.Actors;
using Dapr.Actors.Runtime;
using Rose.Chat.Memory;
using Rose.Chat.Rewriting;
using Rose.Chat.Turns;
using Xunit;

namespace Rose.Chat.Tests;

public sealed class ConversationTurnTests
{
    [Fact]
    public async Task EnterAsync_runs_turns_of_one_conversation_one_at_a_time()
    {
        var gate = new InProcessTurnGate();
        var inside = 0;
        var maxInside = 0;
        var order = new List<int>();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            await using var turn = await gate.EnterAsync("acme", "c1", CancellationToken.None);
            var now = Interlocked.Increment(ref inside);
            maxInside = Math.Max(maxInside, now);
            await Task.Yield();
            lock (order)
            {
                order.Add(i);
            }

            Interlocked.Decrement(ref inside);
        }));

        Assert.Equal(1, maxInside);
        Assert.Equal(20, order.Count);
    }

    [Fact]
    public async Task EnterAsync_lets_different_conversations_run_together()
    {
        var gate = new InProcessTurnGate();
        await using var first = await gate.EnterAsync("acme", "c1", CancellationToken.None);

        var second = gate.EnterAsync("acme", "c2", CancellationToken.None);
        var sameIdOtherTenant = gate.EnterAsync("globex", "c1", CancellationToken.None);

        Assert.True(second.IsCompletedSuccessfully);
        Assert.True(sameIdOtherTenant.IsCompletedSuccessfully);
        await (await second).DisposeAsync();
        await (await sameIdOtherTenant).DisposeAsync();
    }

    [Fact]
    public async Task TryAcquireAsync_gives_the_lease_to_one_holder_until_released()
    {
        var host = ActorHost.CreateForTest<ConversationTurnActor>(new ActorTestOptions { ActorId = new ActorId("acme:c1") });
        var actor = new ConversationTurnActor(host) { };
        SetStateManager(actor, new InMemoryActorStateManager());

        Assert.True(await actor.TryAcquireAsync("a", 60));
        Assert.False(await actor.TryAcquireAsync("b", 60));
        Assert.True(await actor.TryAcquireAsync("a", 60));
        await actor.ReleaseAsync("b");
        Assert.False(await actor.TryAcquireAsync("b", 60));
        await actor.ReleaseAsync("a");
        Assert.True(await actor.TryAcquireAsync("b", 60));
    }

    [Fact]
    public async Task TryAcquireAsync_takes_over_an_expired_lease()
    {
        var host = ActorHost.CreateForTest<ConversationTurnActor>(new ActorTestOptions { ActorId = new ActorId("acme:c2") });
        var actor = new ConversationTurnActor(host);
        SetStateManager(actor, new InMemoryActorStateManager());

        Assert.True(await actor.TryAcquireAsync("crashed-replica", 0));
        Assert.True(await actor.TryAcquireAsync("b", 60));
    }

    [Fact]
    public void Offline_rewrite_adds_the_previous_question_to_a_follow_up()
    {
        var memory = ConversationMemory.Empty.With(new MemoryTurn("How do I run Rose with Dapr?", "Use dapr run -f dapr.yaml [1].", DateTimeOffset.UtcNow), null, 6);

        Assert.Equal("and on Kubernetes? How do I run Rose with Dapr?", QueryRewriter.Offline("and on Kubernetes?", memory));
        Assert.Equal("Which databases does Rose support for relational data storage?", QueryRewriter.Offline("Which databases does Rose support for relational data storage?", memory));
    }

    [Fact]
    public void With_folds_old_turns_into_the_summary_and_keeps_the_last_skill()
    {
        var memory = ConversationMemory.Empty;
        for (var i = 1; i <= 5; i++)
        {
            memory = memory.With(new MemoryTurn($"question {i}", $"answer {i}", DateTimeOffset.UtcNow), i == 2 ? "book-demo" : null, keep: 2);
        }

        Assert.Equal(["question 4", "question 5"], memory.RecentTurns.Select(t => t.Question));
        Assert.Contains("question 1", memory.Summary, StringComparison.Ordinal);
        Assert.Contains("question 3", memory.Summary, StringComparison.Ordinal);
        Assert.Equal("book-demo", memory.LastSkillId);
    }

    private static void SetStateManager(Actor actor, IActorStateManager stateManager) =>
        typeof(Actor).GetProperty(nameof(Actor.StateManager))!.SetValue(actor, stateManager);
}
