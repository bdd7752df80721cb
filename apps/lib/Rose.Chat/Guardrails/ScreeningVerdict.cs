namespace Rose.Chat.Guardrails;

public enum ScreeningVerdict
{
    Allowed,

    /// <summary>Tries to change the agent's instructions or extract them.</summary>
    Manipulation,

    /// <summary>Asks for something harmful.</summary>
    Harmful,
}
