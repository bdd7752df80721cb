using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rose.Chat.Data;

namespace Rose.Chat.Skills;

/// <summary>Reads and changes the current tenant's skills: the whole list at once, or one skill at a time.</summary>
public sealed partial class SkillCatalog(ChatDbContext db)
{
    /// <summary>Every skill, enabled or not, in the order the tenant gave them.</summary>
    public async Task<IReadOnlyList<TenantSkill>> ListAsync(CancellationToken cancellationToken) =>
        await db.Skills.AsNoTracking().OrderBy(s => s.Position).ToListAsync(cancellationToken);

    /// <summary>The skills the agent may offer: the enabled ones, in order.</summary>
    public async Task<IReadOnlyList<TenantSkill>> ListOfferedAsync(CancellationToken cancellationToken) =>
        await db.Skills.AsNoTracking().Where(s => s.Enabled).OrderBy(s => s.Position).ToListAsync(cancellationToken);

    /// <summary>Replaces every skill at once, so the widget never sees half a configuration.</summary>
    public async Task<IReadOnlyList<TenantSkill>> ReplaceAsync(IReadOnlyList<SkillSettings> skills, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < skills.Count; i++)
        {
            var problems = ProblemsOf(skills[i]);
            if (problems.Count > 0)
            {
                errors[$"skills[{i}]"] = [.. problems.Select(p => $"{p.Key}: {p.Value}")];
            }
        }

        if (skills.GroupBy(s => s.Id).Any(g => g.Count() > 1))
        {
            errors["skills"] = ["Skill ids must be unique."];
        }

        if (errors.Count > 0)
        {
            throw new SkillValidationException(errors);
        }

        db.Skills.RemoveRange(await db.Skills.ToListAsync(cancellationToken));
        var rows = skills.Select((s, i) => Apply(new TenantSkill { Id = s.Id, Position = i }, s)).ToList();
        db.Skills.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        return rows;
    }

    /// <summary>Adds one skill after the others.</summary>
    /// <exception cref="SkillValidationException">Keyed by field (id, label, description, url): what to fix, in words.</exception>
    public async Task<TenantSkill> AddAsync(SkillSettings skill, CancellationToken cancellationToken)
    {
        var problems = ProblemsOf(skill);
        if (!problems.ContainsKey("id") && await db.Skills.AnyAsync(s => s.Id == skill.Id, cancellationToken))
        {
            problems["id"] = "Another skill already has this id.";
        }

        ThrowIfAny(problems);
        var last = await db.Skills.MaxAsync(s => (int?)s.Position, cancellationToken) ?? -1;
        var row = Apply(new TenantSkill { Id = skill.Id, Position = last + 1 }, skill);
        db.Skills.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }

    /// <summary>Changes one skill in place (its id and position stay); null when the tenant has no such skill.</summary>
    /// <exception cref="SkillValidationException">Keyed by field: what to fix, in words.</exception>
    public async Task<TenantSkill?> UpdateAsync(string id, SkillSettings skill, CancellationToken cancellationToken)
    {
        var row = await db.Skills.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var problems = ProblemsOf(skill with { Id = id });
        ThrowIfAny(problems);
        Apply(row, skill with { Id = id });
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }

    /// <summary>Removes one skill; false when the tenant has no such skill.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var row = await db.Skills.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (row is null)
        {
            return false;
        }

        db.Skills.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Offers or stops offering one skill without losing its settings; false when there is no such skill.</summary>
    public async Task<bool> SetEnabledAsync(string id, bool enabled, CancellationToken cancellationToken)
    {
        var row = await db.Skills.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (row is null)
        {
            return false;
        }

        row.Enabled = enabled;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Swaps one skill with its neighbour above (<paramref name="up"/>) or below; false when there is no such skill or no neighbour.</summary>
    public async Task<bool> MoveAsync(string id, bool up, CancellationToken cancellationToken)
    {
        var rows = await db.Skills.OrderBy(s => s.Position).ToListAsync(cancellationToken);
        var index = rows.FindIndex(s => s.Id == id);
        var other = up ? index - 1 : index + 1;
        if (index < 0 || other < 0 || other >= rows.Count)
        {
            return false;
        }

        (rows[index], rows[other]) = (rows[other], rows[index]);
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].Position = i;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static TenantSkill Apply(TenantSkill row, SkillSettings s)
    {
        row.Type = s.Type;
        row.Label = s.Label.Trim();
        row.Description = s.Description.Trim();
        row.Triggers = [.. (s.Triggers ?? []).Select(t => t.Trim()).Where(t => t.Length > 0)];
        row.Url = s.Type is SkillType.LeaveEmail && string.IsNullOrWhiteSpace(s.Url) ? null : s.Url?.Trim();
        row.IsContact = s.IsContact;
        row.Enabled = s.Enabled;
        return row;
    }

    private static void ThrowIfAny(Dictionary<string, string> problems)
    {
        if (problems.Count > 0)
        {
            throw new SkillValidationException(problems.ToDictionary(p => p.Key, p => new[] { p.Value }));
        }
    }

    private static Dictionary<string, string> ProblemsOf(SkillSettings skill)
    {
        var problems = new Dictionary<string, string>();
        if (!Slug().IsMatch(skill.Id ?? string.Empty))
        {
            problems["id"] = "use 1 to 64 lowercase letters, digits or dashes.";
        }

        if (string.IsNullOrWhiteSpace(skill.Label) || skill.Label.Length > 100)
        {
            problems["label"] = "1 to 100 characters.";
        }

        if (string.IsNullOrWhiteSpace(skill.Description) || skill.Description.Length > 1000)
        {
            problems["description"] = "1 to 1000 characters; it decides when the skill is shown.";
        }

        if (skill.Type is not SkillType.LeaveEmail && !IsWebUrl(skill.Url))
        {
            problems["url"] = "an http(s) URL is required for this type.";
        }

        return problems;
    }

    private static bool IsWebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex Slug();
}
