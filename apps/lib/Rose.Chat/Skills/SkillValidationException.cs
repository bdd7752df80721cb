namespace Rose.Chat.Skills;

public sealed class SkillValidationException(IDictionary<string, string[]> errors)
    : ArgumentException("The skills are not valid.")
{
    public IDictionary<string, string[]> Errors { get; } = errors;
}
