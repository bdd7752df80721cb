using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Rose.Storage;
using Rose.Testing;
using Xunit;

namespace Rose.Storage.Tests;

public sealed class StorageUnavailableTests
{
    [Fact]
    public async Task A_request_failing_on_an_unreachable_database_answers_503_with_retry_after()
    {
        // A real refused connection: nothing listens on this port.
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={FreePort.Next()};Username=rose;Timeout=2");
        var refused = await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync());
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();

        var handled = await new StorageUnavailableExceptionHandler().TryHandleAsync(
            context, new InvalidOperationException("wrapped as EF Core does", refused), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("5", context.Response.Headers.RetryAfter.ToString());
        context.Response.Body.Position = 0;
        Assert.Contains("Storage unavailable", await new StreamReader(context.Response.Body).ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_failures_are_left_to_the_default_handler()
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };

        var handled = await new StorageUnavailableExceptionHandler().TryHandleAsync(context, new InvalidOperationException("a bug"), CancellationToken.None);

        Assert.False(handled);
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }
}
