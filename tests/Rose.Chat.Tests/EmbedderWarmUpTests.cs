using System.Collections.Concurrent;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Rose.Llm.Embeddings;
using Rose.Testing;
using Xunit;

namespace Rose.Chat.Tests;

public sealed class EmbedderWarmUpTests
{
    [Fact]
    public async Task Host_start_loads_the_embedder_before_any_question()
    {
        var embedder = new RecordingEmbedder();
        await using var factory = new RoseAppFactory<Program>().With("Rose:Demo:Enabled", "false");
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ITextEmbedder>(embedder)));

        using var client = app.CreateClient();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!embedder.Texts.Contains("warm-up") && await embedder.Called.WaitAsync(TimeSpan.FromSeconds(30), timeout.Token))
        {
        }

        Assert.Contains("warm-up", embedder.Texts);
    }

    /// <summary>Records what it is asked to embed; the vectors do not matter here.</summary>
    private sealed class RecordingEmbedder : ITextEmbedder
    {
        public ConcurrentBag<string> Texts { get; } = [];

        public SemaphoreSlim Called { get; } = new(0);

        public string Model => "recording";

        public int Dimensions => 384;

        public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
        {
            foreach (var text in texts)
            {
                Texts.Add(text);
            }

            Called.Release();
            return Task.FromResult(texts.Select(_ => new float[Dimensions]).ToArray());
        }
    }
}
