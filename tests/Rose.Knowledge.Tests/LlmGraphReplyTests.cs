using Rose.Knowledge.Graph;
using Xunit;

namespace Rose.Knowledge.Tests;

/// <summary>What a model may send back for graph extraction, and what Rose keeps of it.</summary>
public sealed class LlmGraphReplyTests
{
    [Fact]
    public void Prose_and_code_fences_around_the_json_are_ignored()
    {
        var reply = """
            Sure! Here is the graph:
            ```json
            {"chunks": [{"chunk": 1, "entities": [{"name": "Google   Analytics", "type": "integration"}], "relations": []}]}
            ```
            """;

        var parsed = LlmGraphReply.TryParse(reply, 1, 10_000);

        Assert.Equal([("google analytics", "Google Analytics")], parsed![1].Entities);
    }

    [Fact]
    public void Names_become_the_keys_the_query_side_looks_up()
    {
        var reply = """{"chunks": [{"chunk": "1", "entities": [{"name": "Rose:Storage:Provider"}, {"name": "The"}, {"name": "x"}, {"name": 42}]}]}""";

        var parsed = LlmGraphReply.TryParse(reply, 1, 10_000);

        // Same normalisation as EntityText.Key at query time; stop words, one-letter names and non-strings are dropped.
        Assert.Equal([(EntityText.Key("Rose:Storage:Provider"), "Rose:Storage:Provider")], parsed![1].Entities);
    }

    [Fact]
    public void Chunks_that_do_not_exist_and_relations_without_two_ends_are_dropped()
    {
        var reply = """
            {"chunks": [
              {"chunk": 3, "entities": [{"name": "Phantom"}]},
              {"chunk": 2, "relations": [
                {"source": "HubSpot", "target": "HubSpot", "keywords": "syncs"},
                {"source": "HubSpot", "keywords": "syncs"},
                {"source": "HubSpot", "target": "Salesforce", "relation": "replaces the old", "extra": {"nested": true}}
              ]},
            ]}
            """;

        var parsed = LlmGraphReply.TryParse(reply, 2, 10_000)!;

        Assert.Equal([2], parsed.Keys);
        Assert.Equal([("hubspot", "salesforce", "replaces old")], parsed[2].Relations);
        Assert.Equal(["hubspot", "salesforce"], parsed[2].Entities.Select(e => e.Key));
    }

    [Fact]
    public void The_single_chunk_shape_of_prompt_v1_is_read()
    {
        var parsed = LlmGraphReply.TryParse("""{"entities": [{"name": "Acme Cloud"}], "relations": []}""", 1, 10_000);

        Assert.Equal("acme cloud", Assert.Single(parsed![1].Entities).Key);
        Assert.Null(LlmGraphReply.TryParse("""{"entities": [{"name": "Acme Cloud"}]}""", 2, 10_000));
    }

    [Theory]
    [InlineData("")]
    [InlineData("I could not find any entities.")]
    [InlineData("{\"chunks\": [ {broken")]
    [InlineData("{\"chunks\": []}")]
    [InlineData("[{\"chunk\": 1}]")]
    public void Unusable_replies_are_refused(string reply) =>
        Assert.Null(LlmGraphReply.TryParse(reply, 1, 10_000));

    [Fact]
    public void Oversized_replies_are_refused_and_long_lists_cut()
    {
        var entities = string.Join(',', Enumerable.Range(0, 100).Select(i => $"{{\"name\": \"Feature {i}\"}}"));
        var reply = $"{{\"chunks\": [{{\"chunk\": 1, \"entities\": [{entities}]}}]}}";

        Assert.Null(LlmGraphReply.TryParse(reply, 1, reply.Length - 1));
        Assert.Equal(24, LlmGraphReply.TryParse(reply, 1, reply.Length)![1].Entities.Count);
    }
}
