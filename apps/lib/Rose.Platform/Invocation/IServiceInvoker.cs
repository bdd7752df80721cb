namespace Rose.Platform.Invocation;

/// <summary>
/// Service invocation: an <see cref="HttpClient"/> whose relative URLs reach the app <paramref name="appId"/>
/// (one of <see cref="AppIds"/>) through Dapr, or this same process on the embedded runtime.
/// </summary>
public interface IServiceInvoker
{
    HttpClient CreateClient(string appId);
}
