using Rose.Testing;
using Rose.Testing.Dapr;

namespace Rose.Apps.Tests;

/// <summary>How a boot test configures an app: the embedded runtime, or Dapr against a fake sidecar.</summary>
public static class AppSettings
{
    public const string AppToken = "app-token-the-sidecar-sends";

    /// <summary>Points <paramref name="factory"/> at <paramref name="sidecar"/> on the Dapr runtime, with the app token daprd would send.</summary>
    public static RoseAppFactory<TProgram> OnDapr<TProgram>(this RoseAppFactory<TProgram> factory, FakeDaprSidecar sidecar)
        where TProgram : class
    {
        factory.With("Rose:Runtime", "Dapr").With("APP_API_TOKEN", AppToken);
        foreach (var (key, value) in sidecar.Settings)
        {
            factory.With(key, value);
        }

        return factory;
    }

    /// <summary>Shares <paramref name="dataPath"/> (its SQLite database) with another app, as apps share one database when deployed.</summary>
    public static RoseAppFactory<TProgram> OnData<TProgram>(this RoseAppFactory<TProgram> factory, string dataPath)
        where TProgram : class =>
        factory.With("Rose:DataPath", dataPath);
}
