using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Rose.Testing;

/// <summary>
/// Hosts a Rose app in memory on the embedded runtime with its own data folder and known keys,
/// so tests can call it as the widget, as a client's back office, or as Rose staff.
/// </summary>
public class RoseAppFactory<TProgram> : WebApplicationFactory<TProgram> where TProgram : class
{
    public const string DemoPublicKey = "pk_test_demo_public_key_0123456789";
    public const string DemoApiKey = "rk_test_demo_api_key_0123456789abcdef";
    public const string StaffKey = "staff-key-for-tests-0123456789";

    private readonly Dictionary<string, string?> settings = new();

    public RoseAppFactory()
    {
        DataPath = Directory.CreateTempSubdirectory("rose-app-").FullName;
        settings["Rose:DataPath"] = DataPath;
        settings["Rose:Runtime"] = "Embedded";
        settings["Rose:Demo:PublicKey"] = DemoPublicKey;
        settings["Rose:Demo:ApiKey"] = DemoApiKey;
        settings["Rose:Admin:ApiKey"] = StaffKey;
    }

    public string DataPath { get; }

    /// <summary>Overrides a configuration value; call before the first client is created.</summary>
    public RoseAppFactory<TProgram> With(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    /// <summary>
    /// One OpenAI-compatible provider named <c>main</c> at <paramref name="stubUrl"/> (an <see cref="ExternalApiStub"/>),
    /// model <c>stub-model</c>, no retries, serving <paramref name="purposes"/>.
    /// </summary>
    public RoseAppFactory<TProgram> WithStubLlm(string stubUrl, params string[] purposes)
    {
        With("Rose:Llm:Providers:main:Kind", "OpenAICompatible");
        With("Rose:Llm:Providers:main:Endpoint", stubUrl + "/v1");
        With("Rose:Llm:Providers:main:Model", "stub-model");
        With("Rose:Llm:Providers:main:ApiKey", "test-key");
        With("Rose:Llm:Providers:main:MaxRetries", "0");
        foreach (var purpose in purposes)
        {
            With($"Rose:Llm:Purposes:{purpose}", "main");
        }

        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(DataPath))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(DataPath, recursive: true);
        }
    }
}
