using System.Text.Json;
using Dapr.Workflow;

namespace Rose.Platform.Embedded.Workflows;

/// <summary>How a failed step is journaled, so that a replay fails the same way.</summary>
internal sealed record WorkflowFailure(string ErrorType, string ErrorMessage, string? StackTrace)
{
    public static string Describe(Exception exception)
    {
        var failure = exception is WorkflowTaskFailedException { FailureDetails: { } details }
            ? new WorkflowFailure(details.ErrorType, details.ErrorMessage, details.StackTrace)
            : new WorkflowFailure(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, exception.StackTrace);
        return JsonSerializer.Serialize(failure, PlatformJson.Options);
    }

    public static WorkflowTaskFailedException ToException(string what, string failureJson)
    {
        var failure = JsonSerializer.Deserialize<WorkflowFailure>(failureJson, PlatformJson.Options)!;
        return new WorkflowTaskFailedException(
            $"{what} failed: {failure.ErrorMessage}",
            new WorkflowTaskFailureDetails(failure.ErrorType, failure.ErrorMessage, failure.StackTrace ?? string.Empty));
    }

    /// <summary>The message a status shows for a failed instance.</summary>
    public static string MessageOf(string failureJson)
    {
        try
        {
            return JsonSerializer.Deserialize<WorkflowFailure>(failureJson, PlatformJson.Options)?.ErrorMessage ?? failureJson;
        }
        catch (JsonException)
        {
            return failureJson;
        }
    }
}
