using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Rose.Testing.Dapr.Mesh;

/// <summary>
/// The part of daprd's HTTP API Rose uses: health, and service invocation in both forms daprd accepts
/// (dapr/dapr <c>pkg/api/http/directmessaging.go</c>): <c>/v1.0/invoke/{appId}/method/{method}</c> — what
/// <c>DaprClient.CreateInvokeHttpClient(appId)</c> produces (dotnet-sdk <c>src/Dapr.Client/InvocationHandler.cs</c>
/// rewrites <c>http://{appId}/path</c> to it) — and any path with a <c>dapr-app-id</c> header. The call is
/// forwarded to one replica of the target (round robin) with its method, path, query, headers and body;
/// the response is streamed back as it arrives (SSE is not buffered). Hop-by-hop headers and the caller's
/// <c>dapr-api-token</c> are dropped; <c>dapr-caller-app-id</c>/<c>dapr-callee-app-id</c> are added and the
/// target's app token is sent. Invocation retries (resiliency) and mTLS are not modelled. Actor calls and
/// actor state (<c>/v1.0/actors/…</c>) go to <see cref="MeshActors"/>.
/// </summary>
internal static class MeshHttpApi
{
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Proxy-Connection",
        "Proxy-Authenticate", "Proxy-Authorization", "dapr-app-id", "dapr-api-token", "Content-Length",
    };

    public static async Task HandleAsync(HttpContext context, DaprTestMesh mesh, MeshSidecar sidecar)
    {
        // The .NET SDK sends some calls as "//v1.0/...".
        var path = context.Request.Path.Value ?? "/";
        while (path.StartsWith("//", StringComparison.Ordinal))
        {
            path = path[1..];
        }

        if (path.StartsWith("/v1.0/healthz", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        if (path.StartsWith(MeshActors.Prefix, StringComparison.Ordinal))
        {
            await mesh.Actors.HandleAsync(context, path);
            return;
        }

        const string invokePrefix = "/v1.0/invoke/";
        if (path.StartsWith(invokePrefix, StringComparison.Ordinal))
        {
            var rest = path[invokePrefix.Length..];
            var methodAt = rest.IndexOf("/method/", StringComparison.Ordinal);
            if (methodAt > 0)
            {
                await ForwardAsync(context, mesh, sidecar, Uri.UnescapeDataString(rest[..methodAt]), rest[(methodAt + "/method".Length)..]);
                return;
            }
        }

        if (context.Request.Headers["dapr-app-id"].FirstOrDefault() is { Length: > 0 } targetAppId)
        {
            await ForwardAsync(context, mesh, sidecar, targetAppId, path);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        await context.Response.WriteAsJsonAsync(new { errorCode = "ERR_NOT_FOUND", message = $"the Dapr test mesh does not serve {path}" });
    }

    private static async Task ForwardAsync(HttpContext context, DaprTestMesh mesh, MeshSidecar caller, string targetAppId, string method)
    {
        var target = mesh.PickReplica(targetAppId);
        if (target is null)
        {
            await DirectInvokeErrorAsync(context, targetAppId, "app not found or not connected");
            return;
        }

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), method + context.Request.QueryString);
        if (context.Request.ContentLength is > 0 || context.Request.Headers.ContainsKey("Transfer-Encoding"))
        {
            request.Content = new StreamContent(context.Request.Body);
        }

        foreach (var header in context.Request.Headers)
        {
            if (NotForwarded.Contains(header.Key))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
        }

        request.Headers.TryAddWithoutValidation("dapr-caller-app-id", caller.AppId);
        request.Headers.TryAddWithoutValidation("dapr-callee-app-id", target.AppId);
        target.AddAppToken(request);
        mesh.RecordInvocation(new MeshInvocation(caller.AppId, target.AppId, target.ReplicaId, context.Request.Method, method));

        HttpResponseMessage response;
        try
        {
            response = await target.AppChannel.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        }
        catch (HttpRequestException ex)
        {
            await DirectInvokeErrorAsync(context, targetAppId, ex.Message);
            return;
        }

        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                if (!NotForwarded.Contains(header.Key))
                {
                    context.Response.Headers[header.Key] = header.Value.ToArray();
                }
            }

            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            await context.Response.StartAsync(context.RequestAborted);
            await using var body = await response.Content.ReadAsStreamAsync(context.RequestAborted);
            var buffer = new byte[8192];
            int read;
            while ((read = await body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
    }

    private static async Task DirectInvokeErrorAsync(HttpContext context, string appId, string reason)
    {
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        await context.Response.WriteAsJsonAsync(new { errorCode = "ERR_DIRECT_INVOKE", message = $"failed to invoke, id: {appId}, err: {reason}" });
    }
}
