using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rose.Chat.Data;

namespace Rose.Chat.Skills;

/// <summary>Reads and replaces the current tenant's skills.</summary>
public sealed partial class SkillCatalog(ChatDbContext db)
{
    public async Task<IReadOnlyList<TenantSkill>> ListAsync(CancellationToken cancellationToken) =>
        await db.Skills.AsNoTracking().OrderBy(s => s.Position).ToListAsync(cancellationToken);

    /// <summary>Replaces every skill at once, so the widget never sees half a configuration.</summary>
    public async Task<IReadOnlyList<TenantSkill>> ReplaceAsync(IReadOnlyList<SkillSettings> skills, CancellationToken cancellationToken)
    {
        var errors = Validate(skills);
        if (errors.Count > 0)
        {
            throw new SkillValidationException(errors);
        }

        db.Skills.RemoveRange(await db.Skills.ToListAsync(cancellationToken));
        var rows = skills.Select((s, i) => new TenantSkill
        {
            Id = s.Id,
            Type = s.Type,
            Label = s.Label.Trim(),
            Description = s.Description.Trim(),
            Triggers = [.. (s.Triggers ?? []).Select(t => t.Trim()).Where(t => t.Length > 0)],
            Url = s.Url,
            IsContact = s.IsContact,
            Position = i,
        }).ToList();
        db.Skills.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        return rows;
    }

    private static Dictionary<string, string[]> Validate(IReadOnlyList<SkillSettings> skills)
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < skills.Count; i++)
        {
            var skill = skills[i];
            var problems = new List<string>();
            if (!Slug().IsMatch(skill.Id ?? string.Empty))
            {
                problems.Add("id: use 1 to 64 lowercase letters, digits or dashes.");
            }

            if (string.IsNullOrWhiteSpace(skill.Label) || skill.Label.Length > 100)
            {
                problems.Add("label: 1 to 100 characters.");
            }

            if (string.IsNullOrWhiteSpace(skill.Description) || skill.Description.Length > 1000)
            {
                problems.Add("description: 1 to 1000 characters; it decides when the skill is shown.");
            }

            var needsUrl = skill.Type is not SkillType.LeaveEmail;
            if (needsUrl && !IsWebUrl(skill.Url))
            {
                problems.Add("url: an http(s) URL is required for this type.");
            }

            if (problems.Count > 0)
            {
                errors[$"skills[{i}]"] = [.. problems];
            }
        }

        if (skills.GroupBy(s => s.Id).Any(g => g.Count() > 1))
        {
            errors["skills"] = ["Skill ids must be unique."];
        }

        return errors;
    }

    private static bool IsWebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex Slug();
}
