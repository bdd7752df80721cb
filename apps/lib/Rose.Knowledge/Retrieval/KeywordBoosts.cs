namespace Rose.Knowledge.Retrieval;

/// <summary>
/// Query-time weights of the keyword index's fields: the chunk's text, its title and heading path,
/// its own section heading, and the question's words in order in that heading (a phrase).
/// </summary>
public sealed record KeywordBoosts(float Body, float Heading, float Section, float Phrase)
{
    public static KeywordBoosts Default { get; } = new(1f, 1f, 2f, 2f);
}
