using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rose.Llm.Configuration;
using Xunit;

namespace Rose.Llm.Tests;

public sealed class ConfigurationValidationTests
{
    [Fact]
    public void Validation_accepts_an_example_configuration()
    {
        var options = Bind(new()
        {
            ["Rose:Llm:Providers:main:Kind"] = "OpenAICompatible",
            ["Rose:Llm:Providers:main:Endpoint"] = "http://localhost:11434/v1",
            ["Rose:Llm:Providers:main:Model"] = "llama3.1:8b",
            ["Rose:Llm:Providers:azure:Kind"] = "AzureOpenAI",
            ["Rose:Llm:Providers:azure:Endpoint"] = "https://rose.openai.azure.com",
            ["Rose:Llm:Providers:azure:Deployment"] = "gpt-4o",
            ["Rose:Llm:Providers:azure:ApiKey"] = "k",
            ["Rose:Llm:Providers:claude:Kind"] = "Anthropic",
            ["Rose:Llm:Providers:claude:Model"] = "claude-sonnet-4-5",
            ["Rose:Llm:Providers:claude:ApiKey"] = "k",
            ["Rose:Llm:Purposes:answer"] = "claude,azure,main",
            ["Rose:Llm:Purposes:tagging"] = "main:qwen2.5:7b",
        });

        Assert.True(new LlmOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal([new ChainLink("claude", null), new ChainLink("azure", null), new ChainLink("main", null)], options.ChainFor("answer"));
        Assert.Equal(new ChainLink("main", "qwen2.5:7b"), Assert.Single(options.ChainFor("tagging")));
    }

    [Theory]
    [InlineData("Rose:Llm:Purposes:answer", "main,bakup", "names provider 'bakup', which is not configured")]
    [InlineData("Rose:Llm:Purposes:answr", "main", "unknown purpose 'answr'")]
    [InlineData("Rose:Llm:Providers:main:Endpoint", "", "Rose:Llm:Providers:main:Endpoint is required for OpenAICompatible")]
    [InlineData("Rose:Llm:Providers:main:Model", "", "Rose:Llm:Providers:main:Model is required")]
    [InlineData("Rose:Llm:Providers:main:Kind", "", "Rose:Llm:Providers:main:Kind is required")]
    [InlineData("Rose:Llm:Resilience:MaxRetries", "50", "MaxRetries must be between 0 and 10")]
    [InlineData("Rose:Llm:Resilience:FirstTokenTimeout", "00:00:00", "FirstTokenTimeout must be positive and shorter than AttemptTimeout")]
    [InlineData("Rose:Llm:Resilience:FirstTokenTimeout", "00:00:30", "FirstTokenTimeout must be positive and shorter than AttemptTimeout")]
    public void Validation_names_the_setting_that_is_wrong(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Rose:Llm:Providers:main:Kind"] = "OpenAICompatible",
            ["Rose:Llm:Providers:main:Endpoint"] = "http://localhost:11434/v1",
            ["Rose:Llm:Providers:main:Model"] = "llama3.1:8b",
            [key] = value,
        };

        var result = new LlmOptionsValidator().Validate(null, Bind(settings));

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validation_requires_an_api_key_for_hosted_providers()
    {
        var result = new LlmOptionsValidator().Validate(null, Bind(new()
        {
            ["Rose:Llm:Providers:gemini:Kind"] = "Gemini",
            ["Rose:Llm:Providers:gemini:Model"] = "gemini-2.0-flash",
        }));

        Assert.Contains(result.Failures!, f => f.Contains("Rose:Llm:Providers:gemini:ApiKey is required for Gemini", StringComparison.Ordinal));
    }

    [Fact]
    public void AddRoseLlm_refuses_an_invalid_configuration_when_options_are_first_read()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rose:Llm:Purposes:answer"] = "ghost",
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddRoseLlm(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LlmOptions>>().Value);

        Assert.Contains("ghost", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_refuses_to_start_with_an_invalid_configuration()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rose:Storage:MigrateOnStart"] = "false",
            ["Rose:Llm:Providers:main:Kind"] = "Anthropic",
            ["Rose:Llm:Providers:main:Model"] = "claude-test",
        });
        builder.Services.AddRoseLlm(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Rose:Llm:Providers:main:ApiKey is required for Anthropic", error.Message, StringComparison.Ordinal);
    }

    private static LlmOptions Bind(Dictionary<string, string?> settings)
    {
        var options = new LlmOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(LlmOptions.SectionName).Bind(options);
        return options;
    }
}
