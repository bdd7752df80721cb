namespace Rose.Platform.PubSub;

/// <summary>Thrown by a handler for an event it can never handle: the event is dropped (dead-lettered), not retried.</summary>
public sealed class PoisonEventException : Exception
{
    public PoisonEventException()
    {
    }

    public PoisonEventException(string message)
        : base(message)
    {
    }

    public PoisonEventException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
