namespace Rose.Testing;

public static class LlmStubSettings
{
    /// <summary>Answers through one OpenAI-compatible provider at <paramref name="stubUrl"/> (an <see cref="ExternalApiStub"/> speaking <see cref="OpenAiWire"/>), without retries.</summary>
    public static RoseAppFactory<TProgram> AnsweringThroughOpenAiStub<TProgram>(this RoseAppFactory<TProgram> factory, string stubUrl)
        where TProgram : class =>
        factory
            .With("Rose:Llm:Providers:main:Kind", "OpenAICompatible")
            .With("Rose:Llm:Providers:main:Endpoint", stubUrl + "/v1")
            .With("Rose:Llm:Providers:main:Model", "stub-model")
            .With("Rose:Llm:Providers:main:ApiKey", "test-key")
            .With("Rose:Llm:Providers:main:MaxRetries", "0")
            .With("Rose:Llm:Purposes:answer", "main");
}
